"""Build the classroom edition into _build/classroom/ (``make classroom``).

For every instructor notebook in ``classroom/`` (see :mod:`book.classroom`), Otter
Assign writes the student notebook (no solutions, public tests only), the autograder (a zip that
``otter run`` or ``otter.api.grade_submission`` grades with, hidden tests included) and the
instructor notebook (solutions, rubrics, every test). Then one student bundle gathers the student
notebooks, the book's library as a wheel (which carries the datasets the notebooks load) and a
two-line instruction, so that the assignments run without the repository.

Usage: python -m tools.build_classroom
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "_build" / "classroom"
BUNDLE_NAME = "click-work-assignments"
INSTRUCTIONS = """\
pip install {wheel}[classroom] jupyterlab     (Python 3.11 or later; in a virtual environment if you like)
jupyter lab                                   (then open {first} and run it from the top)
"""


def _lib() -> None:
    if str(ROOT / "lib") not in sys.path:
        sys.path.insert(0, str(ROOT / "lib"))


def assign(source: Path, target: Path) -> dict[str, Path]:
    """Run Otter Assign on one instructor notebook (MyST); the student, autograder and instructor files."""
    import jupytext

    name = source.stem
    with tempfile.TemporaryDirectory() as work:
        master = Path(work) / f"{name}.ipynb"
        jupytext.write(jupytext.read(source), master, fmt="ipynb")
        dist = Path(work) / "dist"
        subprocess.run([sys.executable, "-m", "otter", "assign", str(master), str(dist)], check=True, cwd=work, stdout=subprocess.DEVNULL)
        shutil.rmtree(target, ignore_errors=True)
        files = {
            "student": target / "student" / f"{name}.ipynb",
            "instructor": target / "instructor" / f"{name}.ipynb",
            "autograder": target / "autograder" / f"{name}-autograder.zip",
        }
        for path in files.values():
            path.parent.mkdir(parents=True)
        shutil.copyfile(dist / "student" / f"{name}.ipynb", files["student"])
        shutil.copyfile(dist / "autograder" / f"{name}.ipynb", files["instructor"])
        (archive,) = (dist / "autograder").glob(f"{name}-autograder_*.zip")
        shutil.copyfile(archive, files["autograder"])
    return files


def wheel(target: Path, root: Path = ROOT) -> Path:
    """The book's library as a wheel (``pip wheel --no-deps``; setup.py puts data/ inside it)."""
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("digital_labor-*.whl"):
        old.unlink()
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(root), "-w", str(target)], check=True)
    shutil.rmtree(root / "build", ignore_errors=True)
    (built,) = target.glob("digital_labor-*.whl")
    return built


def bundle(students: list[Path], library: Path, target: Path) -> Path:
    """The student bundle: the student notebooks, the wheel and README.txt, in one zip."""
    target.parent.mkdir(parents=True, exist_ok=True)
    readme = INSTRUCTIONS.format(wheel=library.name, first=students[0].name if students else "a notebook")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{BUNDLE_NAME}/README.txt", readme)
        archive.write(library, f"{BUNDLE_NAME}/{library.name}")
        for notebook in students:
            archive.write(notebook, f"{BUNDLE_NAME}/{notebook.name}")
    return target


def build(root: Path = ROOT, output: Path = OUTPUT) -> dict[str, object]:
    """Every assignment, the bundle and ``assignments.json`` (what was built, with the questions' points)."""
    _lib()
    from book.classroom import assignments

    found = assignments(root)
    output.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, object] = {"assignments": [], "bundle": f"{BUNDLE_NAME}.zip"}
    students = []
    for assignment in found:
        print(f"classroom: assigning {assignment.path.relative_to(root)}", flush=True)
        files = assign(assignment.path, output / assignment.name)
        students.append(files["student"])
        manifest["assignments"].append(
            {
                "name": assignment.name,
                "chapter": assignment.chapter,
                "title": assignment.title,
                "source": assignment.path.relative_to(root).as_posix(),
                "files": {kind: path.relative_to(output).as_posix() for kind, path in files.items()},
                "questions": [{"name": q.name, "points": q.points, "manual": q.manual} for q in assignment.questions],
            }
        )
    with tempfile.TemporaryDirectory() as work:
        library = wheel(Path(work), root)
        bundle(students, library, output / f"{BUNDLE_NAME}.zip")
    (output / "assignments.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"classroom: {len(found)} assignment(s) and {BUNDLE_NAME}.zip in {output.relative_to(root)}", flush=True)
    return manifest


def main() -> int:
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
