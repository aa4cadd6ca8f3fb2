"""Sphinx extension of the classroom edition.

- Numbers the exercises per chapter ("Exercise 4.1" is chapter 4's first), in both editions.
- In the students' edition (sphinx-exercise's ``hide_solutions``), removes what sphinx-exercise
  leaves behind: the cells tagged ``solution`` and the sections that held only them (so neither
  the pages nor the search index carry them), and, once the site is written, every solution in
  the downloadable sources (``.md``, ``.ipynb``) and in the executed notebooks.
- Gives the teaching pages two directives that read the assignments from ``classroom/`` and the
  chapters from the table of contents, so that they name only what exists:
  ``{assignment-table}`` and ``{teaching-sequence}``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import classroom

_CHAPTER_DOC = re.compile(r"^chapters/(\d+)-[^/]+/")
TEACHING_CHAPTERS = "teaching/chapters.md"  # per-chapter objectives and discussion questions (labels teach-chN)


def chapter_of(docname: str) -> int | None:
    """The chapter number of a page under ``chapters/NN-slug/``, else None."""
    match = _CHAPTER_DOC.match(docname)
    return int(match.group(1)) if match else None


def number_per_chapter(fignumbers: dict[str, dict[str, dict[str, tuple[int, ...]]]], figtype: str = "exercise") -> list[str]:
    """Renumber ``figtype`` in ``env.toc_fignumbers`` as (chapter, n), in the book's order; the pages changed."""
    found = [
        (number, docname, node_id)
        for docname, types in fignumbers.items()
        if chapter_of(docname) is not None
        for node_id, number in types.get(figtype, {}).items()
    ]
    counters: dict[int, int] = {}
    changed: set[str] = set()
    for number, docname, node_id in sorted(found):
        chapter = chapter_of(docname)
        counters[chapter] = counters.get(chapter, 0) + 1
        new = (chapter, counters[chapter])
        if number != new:
            fignumbers[docname][figtype][node_id] = new
            changed.add(docname)
    return sorted(changed)


def _number_exercises(app: Sphinx, env: Any) -> list[str]:
    return number_per_chapter(env.toc_fignumbers)


def _is_solution_cell(node: Any) -> bool:
    return isinstance(node, nodes.container) and "cell" in node["classes"] and f"tag_{classroom.SOLUTION_TAG}" in node["classes"]


def drop_solution_cells(doctree: Any) -> int:
    """Remove the cells tagged ``solution`` and the sections left with no cell and no exercise; how many removed."""
    solution_sections = {
        id(section) for cell in doctree.findall(_is_solution_cell) for section in [cell.parent] if isinstance(section, nodes.section)
    }
    removed = 0
    for cell in list(doctree.findall(_is_solution_cell)):
        cell.parent.remove(cell)
        removed += 1
    for section in list(doctree.findall(nodes.section)):
        if id(section) not in solution_sections:
            continue
        keeps = any(isinstance(n, nodes.container) and "cell" in n["classes"] for n in section.findall(nodes.container))
        keeps = keeps or any(type(n).__name__.startswith("exercise") for n in section.findall(nodes.Element))
        if not keeps:
            section.parent.remove(section)
    return removed


def _on_doctree_read(app: Sphinx, doctree: Any) -> None:
    if app.config.hide_solutions:
        drop_solution_cells(doctree)


def redact_file(path: Path) -> bool:
    """Remove the solutions from one downloadable source or notebook in place; True if it changed."""
    import nbformat

    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        notebook = nbformat.reads(text, as_version=4)
        new = nbformat.writes(classroom.redact_notebook(notebook))
        changed = len(classroom.solution_texts(notebook)) > 0
    elif text.startswith("---") and "jupytext:" in text[:600]:
        new = classroom.redact_myst(text)
        changed = new != text
    else:
        new = classroom.strip_solution_directives(text)
        changed = new != text
    if changed:
        path.write_text(new, encoding="utf-8")
    return changed


def _on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not app.config.hide_solutions or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for folder in (outdir / "_sources", outdir.parent / "jupyter_execute"):
        for path in sorted(folder.rglob("*")) if folder.exists() else []:
            if path.is_file() and (path.suffix in (".md", ".ipynb") or path.name.endswith(".md.txt")):
                redact_file(path)


def _chapters(env: Any) -> list[tuple[int, str, str]]:
    """The chapters in the table of contents: number, index docname, title (from the index page)."""
    found = []
    for docname in sorted(env.found_docs):
        number = chapter_of(docname)
        if number is None or not docname.endswith("/index"):
            continue
        text = Path(env.doc2path(docname)).read_text(encoding="utf-8")
        title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), docname)
        found.append((number, docname, title))
    return found


def _chapter_pages(env: Any, index: str) -> list[str]:
    folder = index.rsplit("/", 1)[0] + "/"
    return [d for d in sorted(env.found_docs) if d.startswith(folder) and not d.endswith(("/index", "/summary"))]


class _MarkdownDirective(SphinxDirective):
    """A directive that writes MyST Markdown and lets the parser turn it into nodes."""

    def markdown(self) -> list[str]:
        raise NotImplementedError

    def run(self) -> list[Any]:
        root = Path(self.env.srcdir)
        for assignment in classroom.assignments(root):
            self.env.note_dependency(str(assignment.path))
        container = nodes.container(classes=["dl-teaching-table"])
        self.state.nested_parse(StringList(self.markdown()), self.content_offset, container)
        return container.children


class AssignmentTable(_MarkdownDirective):
    """The assignments in ``classroom/``: chapter, questions, points (autograded and written)."""

    def markdown(self) -> list[str]:
        chapters = {number: docname for number, docname, _ in _chapters(self.env)}
        rows = ["| Assignment | Chapter | Questions | Autograded points | Written (graded by you) |", "|---|---|---|---|---|"]
        for a in classroom.assignments(Path(self.env.srcdir)):
            chapter = f"{{doc}}`Chapter {a.chapter} </{chapters[a.chapter]}>`" if a.chapter in chapters else f"Chapter {a.chapter}"
            written = sum(1 for q in a.questions if q.manual)
            rows.append(
                f"| `{a.name}.ipynb`: {a.title} | {chapter} | {len(a.questions)} | {a.autograded_points:g} "
                f"| {written} question{'s' if written != 1 else ''}, {a.manual_points:g} points |"
            )
        return rows


class TeachingSequence(_MarkdownDirective):
    """One week per chapter in the table of contents (reading, notebooks, assignment, seminar), then the ledger seminar."""

    def markdown(self) -> list[str]:
        root = Path(self.env.srcdir)
        by_chapter = {a.chapter: a for a in classroom.assignments(root)}
        guide = (root / TEACHING_CHAPTERS).read_text(encoding="utf-8") if (root / TEACHING_CHAPTERS).exists() else ""
        rows = [
            "| Week | Before the class (about 2 h) | In class (1 h 30) | After the class (2 to 3 h) | Seminar (1 h 30) |",
            "|---|---|---|---|---|",
        ]
        chapters = _chapters(self.env)
        for week, (number, docname, title) in enumerate(chapters, start=1):
            pages = _chapter_pages(self.env, docname)
            assignment = by_chapter.get(number)
            work = (
                f"Assignment `{assignment.name}` ({len(assignment.questions)} questions)"
                if assignment
                else f"The exercises of {{ref}}`the chapter's summary <ch{number}-summary>`"
            )
            seminar = (
                f"{{ref}}`Discussion questions <teach-ch{number}>`"
                if f"(teach-ch{number})=" in guide
                else "One claim of the chapter from the ledger"
            )
            rows.append(f"| {week} | Read {{doc}}`{title} </{docname}>` | Run and change its {len(pages)} notebooks | {work} | {seminar} |")
        rows.append(
            f"| {len(chapters) + 1} | Pick one claim per group in the {{ref}}`claims ledger <claims-ledger>` "
            "| Rerun the claim's check, change one assumption | Write a one-page argument on the verdict "
            "| {ref}`The ledger seminar <teaching-ledger-seminar>` |"
        )
        return rows


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-get-updated", _number_exercises, priority=900)  # after Sphinx has numbered them across the book
    app.connect("doctree-read", _on_doctree_read, priority=100)  # before the page's local table of contents is read
    app.connect("build-finished", _on_build_finished)
    app.add_directive("assignment-table", AssignmentTable)
    app.add_directive("teaching-sequence", TeachingSequence)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
