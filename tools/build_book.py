"""Build the executed book into _build/html, strictly, without ever serving stale outputs.

jupyter-cache re-executes a notebook only when its own code changes. The library in ``lib/``
and the data in ``data/`` are inputs of every notebook too, so this wrapper fingerprints them:
when the fingerprint changes, it clears the notebook cache and the parsed pages, and every
notebook runs again. Otherwise a rebuild executes only the notebooks whose code changed, and
when nothing at all changed since the last good build, Sphinx is not started.

Usage: python -m tools.build_book [extra jupyter-book options]
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
CACHE = BUILD / ".jupyter_cache"
DOCTREES = BUILD / ".doctrees"
FINGERPRINT = BUILD / "inputs.sha256"
SITE_FINGERPRINT = BUILD / "site.sha256"
INPUT_DIRS = ("lib", "data", "references.bib", "_config.yml")
SITE_DIRS = (*INPUT_DIRS, "_toc.yml", "_templates", "assets", "intro.md", "how-to-use.md", "chapters", "appendix")


def input_files(root: Path = ROOT, names: tuple[str, ...] = INPUT_DIRS) -> list[Path]:
    """Files that every notebook depends on besides its own source, in a stable order."""
    files: list[Path] = []
    for name in names:
        path = root / name
        if not path.exists():
            continue
        candidates = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        files += [p for p in candidates if not any(part == "__pycache__" or part.endswith(".egg-info") for part in p.parts)]
    return files


def fingerprint(root: Path = ROOT, names: tuple[str, ...] = INPUT_DIRS) -> str:
    """SHA-256 over the paths and contents of :func:`input_files`."""
    digest = hashlib.sha256()
    for path in input_files(root, names):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def invalidate_if_inputs_changed(build: Path = BUILD, root: Path = ROOT) -> bool:
    """Clear cached executions and parsed pages if lib/ or data/ changed; True if cleared."""
    current = fingerprint(root)
    stamp = build / FINGERPRINT.name
    if stamp.exists() and stamp.read_text().strip() == current:
        return False
    for folder in (build / CACHE.name, build / DOCTREES.name):
        shutil.rmtree(folder, ignore_errors=True)
    return True


def record_inputs(build: Path = BUILD, root: Path = ROOT) -> None:
    build.mkdir(parents=True, exist_ok=True)
    (build / FINGERPRINT.name).write_text(fingerprint(root) + "\n")
    (build / SITE_FINGERPRINT.name).write_text(fingerprint(root, SITE_DIRS) + "\n")


def site_is_current(build: Path = BUILD, root: Path = ROOT) -> bool:
    """True if no source, library, data or configuration file changed since the last good build."""
    stamp = build / SITE_FINGERPRINT.name
    built = (build / "html" / "index.html").exists()
    return built and stamp.exists() and stamp.read_text().strip() == fingerprint(root, SITE_DIRS)


def build_command(root: Path = ROOT, extra: list[str] | None = None) -> list[str]:
    """The strict build: nitpicky, warnings as errors, all warnings reported."""
    return [sys.executable, "-c", "from jupyter_book.cli.main import main; main()", "build", str(root), "--builder", "html",
            "-n", "-W", "--keep-going", *(extra or [])]


def main(argv: list[str] | None = None) -> int:
    os.environ["DIGITAL_LABOR_BOOK"] = "1"
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    if site_is_current():
        print("build: _build/html is up to date (no source, library, data or configuration change)", flush=True)
        return 0
    if invalidate_if_inputs_changed():
        print("build: lib/, data/ or the configuration changed (or first build): every notebook will run", flush=True)
    result = subprocess.run(build_command(ROOT, argv if argv is not None else sys.argv[1:]), cwd=ROOT)
    if result.returncode == 0:
        record_inputs()
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
