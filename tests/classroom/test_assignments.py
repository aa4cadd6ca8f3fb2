"""The grading proofs of the classroom edition (``make classroom``), on the files it builds.

For every assignment in classroom/: the instructor notebook gets full marks; the blank student
notebook gets zero on every autograded question; one deliberately wrong answer (each question's
WRONG ANSWER line) loses exactly that question's points; no solution, rubric or hidden test is in
any student output; and the student bundle installs into a fresh virtual environment, where each
student notebook, filled in with the instructor's answers, runs from top to bottom.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import grading
import nbformat
import pytest

from book import classroom
from tools import build_classroom

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENTS = classroom.assignments(ROOT)


@pytest.fixture(scope="session")
def built():
    """`make classroom`, once: the manifest and the output folder."""
    manifest = build_classroom.build(ROOT, build_classroom.OUTPUT)
    return manifest, build_classroom.OUTPUT


def _files(built, name):
    manifest, output = built
    (entry,) = [a for a in manifest["assignments"] if a["name"] == name]
    return {kind: output / path for kind, path in entry["files"].items()}


def test_every_instructor_notebook_is_built(built):
    manifest, output = built
    assert [a["name"] for a in manifest["assignments"]] == [a.name for a in ASSIGNMENTS]
    assert ASSIGNMENTS, "no assignment in classroom/"
    for assignment in ASSIGNMENTS:
        assert any((ROOT / "chapters").glob(f"{assignment.chapter:02d}-*")), f"{assignment.name}: no chapter {assignment.chapter}"
        for path in _files(built, assignment.name).values():
            assert path.is_file() and path.stat().st_size > 0, path
    assert (output / manifest["bundle"]).is_file()


@pytest.fixture(scope="session")
def grades(built):
    """Each assignment graded as instructor, blank student, and once per autograded question with that answer wrong."""
    jobs, keys = [], []
    for assignment in ASSIGNMENTS:
        files = _files(built, assignment.name)
        instructor = grading.read(files["instructor"])
        name = f"{assignment.name}.ipynb"
        jobs += [(instructor, name, files["autograder"]), (grading.read(files["student"]), name, files["autograder"])]
        keys += [(assignment.name, "instructor"), (assignment.name, "blank")]
        for index, _ in enumerate(grading.solution_cells(instructor)):
            jobs.append((grading.with_wrong_answer(instructor, index), name, files["autograder"]))
            keys.append((assignment.name, index))
    return dict(zip(keys, grading.grade_all(jobs), strict=True))


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.name)
def test_instructor_notebook_gets_full_marks(assignment, grades):
    result = grades[(assignment.name, "instructor")]
    autograded = [q.name for q in assignment.questions if not q.manual]
    assert sorted(result) == sorted(autograded), "the autograder grades exactly the autograded questions"
    assert {q: score for q, (score, _) in result.items()} == {q.name: q.points for q in assignment.questions if not q.manual}
    assert sum(score for score, _ in result.values()) == assignment.autograded_points


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.name)
def test_blank_student_notebook_gets_zero(assignment, grades):
    result = grades[(assignment.name, "blank")]
    assert result and all(score == 0 for score, _ in result.values()), result
    assert sum(possible for _, possible in result.values()) == assignment.autograded_points


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.name)
def test_one_wrong_answer_loses_exactly_its_points(assignment, grades):
    autograded = [q for q in assignment.questions if not q.manual]
    wrong = sorted(key[1] for key in grades if key[0] == assignment.name and isinstance(key[1], int))
    assert wrong == list(range(len(autograded))), "one code answer, with a WRONG ANSWER line, per autograded question"
    for index, question in enumerate(autograded):
        result = grades[(assignment.name, index)]
        assert result[question.name][0] == 0, f"{question.name}: the wrong answer still scored"
        others = {q.name: result[q.name][0] for q in autograded if q is not question}
        assert others == {q.name: q.points for q in autograded if q is not question}, f"{question.name}'s mistake cost other points"
        assert sum(score for score, _ in result.values()) == assignment.autograded_points - question.points


def _answer_lines(notebook) -> list[str]:
    """What only the instructor notebook may hold: the lines of its answers (marked ``# SOLUTION`` or
    inside ``# BEGIN SOLUTION`` blocks) and its rubrics."""
    lines = []
    for cell in notebook.cells:
        if grading.SOLUTION_CELL not in cell.metadata.get("tags", []):
            continue
        inside = cell.cell_type == "markdown"
        for line in cell.source.splitlines():
            if re.match(r"\s*# BEGIN SOLUTION", line):
                inside = True
            elif re.match(r"\s*# END SOLUTION", line):
                inside = False
            elif inside or line.rstrip().endswith("# SOLUTION"):
                text = line.replace("# SOLUTION", "").strip()
                if len(text) >= 12:
                    lines.append(text)
    return lines


def _hidden_lines(notebook) -> list[str]:
    return [
        line.removeprefix(">>> ").removeprefix("... ").strip()
        for cases in grading.tests_of(notebook).values()
        for case in cases
        if case["hidden"]
        for line in case["code"].splitlines()
        if len(line.strip()) > 8
    ]


def _student_outputs(built) -> list[Path]:
    manifest, output = built
    return [output / manifest["bundle"]] + [_files(built, a.name)["student"] for a in ASSIGNMENTS]


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.name)
def test_no_solution_or_hidden_test_in_student_outputs(assignment, built):
    instructor = grading.read(_files(built, assignment.name)["instructor"])
    secrets = _answer_lines(instructor) + _hidden_lines(instructor)
    assert len(_hidden_lines(instructor)) >= len([q for q in assignment.questions if not q.manual]), "a hidden test per question"
    assert any("Rubric" in line for line in secrets), "the instructor notebook holds the rubric"
    public = [case["code"] for cases in grading.tests_of(instructor).values() for case in cases if not case["hidden"]]
    student = grading.text_of(_files(built, assignment.name)["student"])
    assert all(code in student for code in public), "students get the public tests"
    for path in _student_outputs(built):
        text = grading.text_of(path)
        leaked = [line for line in secrets if line in text]
        assert not leaked, f"{path.name} holds instructor-only text: {leaked[:3]}"


def test_hidden_tests_are_not_the_public_ones_again(built):
    for assignment in ASSIGNMENTS:
        instructor = grading.read(_files(built, assignment.name)["instructor"])
        for question, cases in grading.tests_of(instructor).items():
            public = {case["code"] for case in cases if not case["hidden"]}
            hidden = [case["code"] for case in cases if case["hidden"]]
            assert public and hidden, f"{assignment.name} {question}: public and hidden tests"
            assert not public & set(hidden), f"{assignment.name} {question}: a hidden test repeats a public one"


def test_bundle_runs_in_a_fresh_environment(built, tmp_path):
    """The bundle alone, in a new venv (its dependencies taken from this one, offline): each filled-in notebook runs."""
    manifest, output = built
    with zipfile.ZipFile(output / manifest["bundle"]) as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / build_classroom.BUNDLE_NAME
    readme = (folder / "README.txt").read_text()
    assert len(readme.strip().splitlines()) == 2 and "pip install" in readme and "jupyter lab" in readme
    (wheel,) = folder.glob("digital_labor-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], check=True, capture_output=True, text=True
        ).stdout.strip()
    )
    (site / "project_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "DIGITAL_LABOR_DATA", "DIGITAL_LABOR_BOOK")}
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        cwd=tmp_path,
        env=env,
    )
    where = subprocess.run(
        [python, "-c", "import digital_labor, otter; print(digital_labor.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    ).stdout
    assert Path(where.strip()).is_relative_to(site), "the library must come from the wheel, not the repository"
    for assignment in ASSIGNMENTS:
        files = _files(built, assignment.name)
        notebook = grading.filled(nbformat.read(folder / f"{assignment.name}.ipynb", as_version=4), grading.read(files["instructor"]))
        nbformat.write(notebook, folder / f"{assignment.name}.ipynb")
        run = subprocess.run(
            [python, "-m", "nbconvert", "--to", "notebook", "--execute", "--inplace", f"{assignment.name}.ipynb"],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, f"{assignment.name} failed in the fresh environment:\n{run.stderr[-3000:]}"
        executed = nbformat.read(folder / f"{assignment.name}.ipynb", as_version=4)
        checks = [c for c in executed.cells if c.cell_type == "code" and c.source.startswith("grader.check(")]
        assert checks and all("passed" in str(c.outputs) for c in checks), f"{assignment.name}: a public test failed"
