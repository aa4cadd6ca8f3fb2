"""The classroom edition: the assignments, and the students' copies of the book's sources.

An assignment is an instructor notebook in ``classroom/`` (MyST Markdown, Otter-Grader's notebook
format in raw cells: ``# ASSIGNMENT CONFIG``, ``# BEGIN QUESTION`` ... ``# END QUESTION``), named
after its chapter: ``classroom/ch4.md`` is chapter 4's. :func:`assignments` finds them, so the
build, the teaching pages and the tests know every assignment from the files alone.

The students' edition of the book holds no solution: :func:`redact_notebook` removes from a page
its ``{solution}`` blocks, its cells tagged ``solution`` (those that compute the numbers quoted in
the solutions) and the sections that held nothing else; :func:`solution_texts` lists what it
removes, for the tests that check that none of it is left in a build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "ASSIGNMENTS_DIR",
    "Assignment",
    "Question",
    "assignments",
    "read_assignment",
    "redact_myst",
    "redact_notebook",
    "solution_texts",
    "strip_solution_directives",
    "wrong_answer",
]

ASSIGNMENTS_DIR = "classroom"
SOLUTION_TAG = "solution"  # cells computing the numbers quoted in the solutions
WRONG_ANSWER = "# WRONG ANSWER:"  # in an instructor's solution: a plausible mistake, for the fairness tests
_NAME = re.compile(r"^ch(\d+)$")
_HEADING = re.compile(r"^(#{1,6})\s+\S")
_FENCE = re.compile(r"^(`{3,}|~{3,})\s*(\{[^}]+\})?")


@dataclass(frozen=True)
class Question:
    """One question of an assignment: its Otter name, its points, and whether a person grades it."""

    name: str
    points: float
    manual: bool


@dataclass(frozen=True)
class Assignment:
    """An instructor notebook: its name (``chN``), chapter, title, source and questions."""

    name: str
    chapter: int
    title: str
    path: Path
    questions: tuple[Question, ...]

    @property
    def autograded_points(self) -> float:
        return sum(q.points for q in self.questions if not q.manual)

    @property
    def manual_points(self) -> float:
        return sum(q.points for q in self.questions if q.manual)


def _raw_config(source: str, marker: str) -> dict[str, Any] | None:
    lines = source.strip().splitlines()
    if not lines or lines[0].strip() != marker:
        return None
    return yaml.safe_load("\n".join(lines[1:])) or {}


def read_assignment(path: Path) -> Assignment:
    """Parse an instructor notebook; ValueError names the file and what is wrong."""
    import jupytext

    notebook = jupytext.read(path)
    config: dict[str, Any] | None = None
    questions: list[Question] = []
    title = ""
    for cell in notebook.cells:
        if cell.cell_type == "raw":
            config = config or _raw_config(cell.source, "# ASSIGNMENT CONFIG")
            question = _raw_config(cell.source, "# BEGIN QUESTION")
            if question is not None:
                if "name" not in question or "points" not in question:
                    raise ValueError(f"{path}: every question needs a name and points ({question}).")
                questions.append(Question(str(question["name"]), float(question["points"]), bool(question.get("manual", False))))
        elif cell.cell_type == "markdown" and not title:
            title = next((line[2:].strip() for line in cell.source.splitlines() if line.startswith("# ")), "")
    if config is None:
        raise ValueError(f"{path}: no '# ASSIGNMENT CONFIG' raw cell.")
    name = str(config.get("name", ""))
    match = _NAME.match(name)
    if not match or name != path.stem:
        raise ValueError(f"{path}: the assignment's name must be 'chN' and match the file name, not {name!r}.")
    if not title:
        raise ValueError(f"{path}: no '# ' title.")
    if not 4 <= len(questions) <= 8:
        raise ValueError(f"{path}: an assignment has 4 to 8 questions, not {len(questions)}.")
    return Assignment(name, int(match.group(1)), title, path, tuple(questions))


def assignments(root: Path) -> list[Assignment]:
    """Every assignment in ``root/classroom``, in chapter order."""
    return sorted((read_assignment(p) for p in (root / ASSIGNMENTS_DIR).glob("ch*.md")), key=lambda a: a.chapter)


def wrong_answer(solution: str) -> str:
    """The statements a deliberately wrong submission runs after ``solution`` (its WRONG ANSWER lines)."""
    lines = [line.strip()[len(WRONG_ANSWER) :].strip() for line in solution.splitlines() if line.strip().startswith(WRONG_ANSWER)]
    if not lines:
        raise ValueError("This solution has no '# WRONG ANSWER:' line.")
    return "\n".join(lines)


def _solution_spans(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) line indices of each ``{solution}`` directive, fences matched as in CommonMark."""
    spans, index = [], 0
    while index < len(lines):
        match = _FENCE.match(lines[index].strip())
        if match and match.group(2) == "{solution}":
            fence = match.group(1)
            end = index + 1
            while end < len(lines):
                closing = lines[end].strip()
                if closing and set(closing) == {fence[0]} and len(closing) >= len(fence):
                    break
                end += 1
            spans.append((index, min(end, len(lines) - 1)))
            index = end + 1
        else:
            index += 1
    return spans


def strip_solution_directives(text: str) -> str:
    """``text`` without its ``{solution}`` blocks (and the blank line after each)."""
    lines = text.splitlines()
    spans = _solution_spans(lines)
    if not spans:
        return text
    drop: set[int] = set()
    for first, last in spans:
        drop.update(range(first, last + 1))
        if last + 1 < len(lines) and not lines[last + 1].strip():
            drop.add(last + 1)
    return "\n".join(line for i, line in enumerate(lines) if i not in drop) + ("\n" if text.endswith("\n") else "")


def _tags(cell: Any) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _blocks(cells: list[Any]) -> list[tuple[int | None, Any]]:
    """Cells with the markdown split at its headings: (heading level or None, cell) pairs."""
    import nbformat

    blocks: list[tuple[int | None, Any]] = []
    for cell in cells:
        if cell.cell_type != "markdown":
            blocks.append((None, cell))
            continue
        chunk: list[str] = []
        level: int | None = None
        fence = ""
        for line in cell.source.splitlines():
            stripped = line.strip()
            match = _FENCE.match(stripped)
            if fence:
                if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
                    fence = ""
            elif match:
                fence = match.group(1)
            heading = None if fence or match else _HEADING.match(line)
            if heading and chunk:
                blocks.append((level, nbformat.v4.new_markdown_cell("\n".join(chunk).strip("\n"))))
                chunk = []
            if heading:
                level = len(heading.group(1))
            chunk.append(line)
        if chunk:
            blocks.append((level, nbformat.v4.new_markdown_cell("\n".join(chunk).strip("\n"))))
    return blocks


def _solution_only_sections(blocks: list[tuple[int | None, Any]]) -> set[int]:
    """Indices of the blocks of each section that held solution cells and, besides text, nothing
    but cells removed from the page (``remove-cell``): the code behind the solutions."""
    drop: set[int] = set()
    for start, (level, cell) in enumerate(blocks):
        if level is None or cell.cell_type != "markdown":
            continue
        end = start + 1
        while end < len(blocks) and not (blocks[end][0] is not None and blocks[end][1].cell_type == "markdown" and blocks[end][0] <= level):
            end += 1
        section = [c for _, c in blocks[start:end]]
        code = [c for c in section if c.cell_type == "code"]
        has_solution = any(SOLUTION_TAG in _tags(c) for c in code)
        only_solutions = all(SOLUTION_TAG in _tags(c) or "remove-cell" in _tags(c) for c in code)
        no_exercise = not any("{exercise}" in c.source for c in section if c.cell_type == "markdown")
        if has_solution and only_solutions and no_exercise:
            drop.update(range(start, end))
    return drop


def redact_notebook(notebook: Any) -> Any:
    """A copy of ``notebook`` (nbformat) without its solutions: ``{solution}`` blocks, cells tagged
    ``solution``, and the sections that held only those cells and the glue cells after them."""
    import copy

    import nbformat

    notebook = copy.deepcopy(notebook)
    blocks = _blocks(notebook.cells)
    drop = _solution_only_sections(blocks)
    cells: list[Any] = []
    for index, (_, cell) in enumerate(blocks):
        if index in drop or (cell.cell_type == "code" and SOLUTION_TAG in _tags(cell)):
            continue
        if cell.cell_type == "markdown":
            cell.source = strip_solution_directives(cell.source).strip("\n")
            if not cell.source.strip():
                continue
            if cells and cells[-1].cell_type == "markdown":
                cells[-1].source += "\n\n" + cell.source
                continue
            cell = nbformat.v4.new_markdown_cell(cell.source)
        cells.append(cell)
    notebook.cells = cells
    return notebook


def redact_myst(text: str) -> str:
    """A MyST Markdown notebook's text without its solutions (see :func:`redact_notebook`)."""
    import jupytext

    return jupytext.writes(redact_notebook(jupytext.reads(text, fmt="md:myst")), fmt="md:myst")


def solution_texts(notebook: Any) -> list[str]:
    """What :func:`redact_notebook` removes: each solution block's body and each removed cell's source."""
    kept = {cell.source for cell in redact_notebook(notebook).cells}
    texts: list[str] = []
    for _, cell in _blocks(notebook.cells):
        if cell.cell_type == "markdown":
            lines = cell.source.splitlines()
            texts += ["\n".join(lines[first + 1 : last]) for first, last in _solution_spans(lines)]
        elif cell.source not in kept:
            texts.append(cell.source)
    return [text for text in texts if text.strip()]
