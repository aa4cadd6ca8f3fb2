"""Helpers of the grading proofs: notebooks made from an assignment's outputs, graded by Otter.

Grading uses Otter's own non-containerised grader (``otter.api.grade_submission``, what
``otter run`` does), each run in a separate process because Otter changes the working directory.
"""

from __future__ import annotations

import copy
import json
import tempfile
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import nbformat

from book import classroom

SOLUTION_CELL = "otter_assign_solution_cell"  # Otter's tag on the instructor's answers
ANSWER_CELL = "otter_answer_cell"  # Otter's tag on the students' cells to fill in


def read(path: Path) -> Any:
    return nbformat.read(path, as_version=4)


def _tagged(notebook: Any, tag: str, cell_type: str = "code") -> list[Any]:
    return [c for c in notebook.cells if c.cell_type == cell_type and tag in c.metadata.get("tags", [])]


def solution_cells(instructor: Any) -> list[Any]:
    """The instructor's code answers, one per autograded question, in order."""
    return _tagged(instructor, SOLUTION_CELL)


def filled(student: Any, instructor: Any) -> Any:
    """The student notebook with each code answer taken from the instructor notebook."""
    notebook = copy.deepcopy(student)
    answers = _tagged(notebook, ANSWER_CELL)
    solutions = solution_cells(instructor)
    if len(answers) != len(solutions):
        raise ValueError(f"{len(answers)} answer cells for {len(solutions)} solutions")
    for answer, solution in zip(answers, solutions, strict=True):
        answer.source = solution.source
    return notebook


def with_wrong_answer(instructor: Any, index: int) -> Any:
    """The instructor notebook with the ``index``-th answer made wrong (its WRONG ANSWER lines run last)."""
    notebook = copy.deepcopy(instructor)
    cell = solution_cells(notebook)[index]
    cell.source += "\n" + classroom.wrong_answer(cell.source)
    return notebook


def tests_of(instructor: Any) -> dict[str, list[dict[str, Any]]]:
    """Each autograded question's test cases (code and ``hidden``), from the notebook's Otter metadata."""
    tests = instructor.metadata["otter"]["tests"]
    return {name: [case for suite in q["suites"] for case in suite["cases"]] for name, q in tests.items()}


def _grade_one(args: tuple[str, str]) -> dict[str, tuple[float, float]]:
    import os

    from otter.api import grade_submission

    notebook, autograder = args
    os.chdir(Path(notebook).parent)  # Otter writes its log where it runs
    results = grade_submission(notebook, autograder, quiet=True)
    return {name: (float(r.score), float(r.possible)) for name, r in results.results.items()}


def grade_all(notebooks: list[tuple[Any, str, Path]], workers: int = 2) -> list[dict[str, tuple[float, float]]]:
    """Grade (notebook, file name, autograder zip) triples in parallel: each question's (score, possible)."""
    with tempfile.TemporaryDirectory() as work:
        jobs = []
        for number, (notebook, name, autograder) in enumerate(notebooks):
            folder = Path(work) / str(number)
            folder.mkdir()
            nbformat.write(notebook, folder / name)
            jobs.append((str(folder / name), str(autograder)))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(_grade_one, jobs))


def text_of(path: Path) -> str:
    """The readable text of a built file: a notebook's cells and metadata, a zip's members, or the text itself."""
    if path.suffix in (".zip", ".whl"):
        with zipfile.ZipFile(path) as archive:
            return "\n".join(_member_text(archive, name) for name in archive.namelist())
    return _decode(path.name, path.read_bytes())


def _member_text(archive: zipfile.ZipFile, name: str) -> str:
    data = archive.read(name)
    if name.endswith((".zip", ".whl")):
        with tempfile.TemporaryDirectory() as work:
            inner = Path(work) / Path(name).name
            inner.write_bytes(data)
            return text_of(inner)
    return _decode(name, data)


def _decode(name: str, data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return ""
    if name.endswith(".ipynb"):
        notebook = json.loads(text)
        return "\n".join(["".join(c["source"]) for c in notebook["cells"]] + _strings(notebook.get("metadata", {})))
    return text


def _strings(value: Any) -> list[str]:
    """Every string inside a JSON value (Otter keeps the public tests in the notebook's metadata)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []
