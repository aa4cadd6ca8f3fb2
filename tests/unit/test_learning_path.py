"""The learning path (teaching/learning-path.md) against the book: every chapter notebook has its row,
every link and exercise exists, and every piece of code the path quotes is on the page it names."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import jupytext
import pytest
from sphinx_external_toc.parsing import parse_toc_yaml

from book import classroom

ROOT = Path(__file__).resolve().parents[2]
PATH = ROOT / "teaching" / "learning-path.md"
NOT_NOTEBOOKS = ("/index", "/summary", "/in-the-literature")
DOC = re.compile(r"\{doc\}`[^`<]*<\s*/([^>]+?)\s*>`")
REF = re.compile(r"\{ref\}`(?:[^`<]*<\s*([^>]+?)\s*>|([^`<]+))`")
ASSIGNMENT = re.compile(r"assignment `(ch\d+)`: (q\d+(?:, q\d+)*)")


def toc_pages() -> list[str]:
    return list(parse_toc_yaml(ROOT / "_toc.yml"))


def chapter_notebooks() -> list[str]:
    return [d for d in toc_pages() if d.startswith("chapters/") and not d.endswith(NOT_NOTEBOOKS)]


def path_rows() -> dict[str, list[str]]:
    """The rows of the notebook-by-notebook tables: docname -> [shown on the page, in the library, exercises]."""
    rows = {}
    for line in PATH.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        first = DOC.fullmatch(cells[0]) if len(cells) == 4 else None
        if first and first.group(1).startswith("chapters/"):
            assert first.group(1) not in rows, f"{PATH.name}: two rows for {first.group(1)}"
            rows[first.group(1)] = cells[1:]
    return rows


def shown_code(docname: str) -> str:
    """The code a reader sees on a page: open and folded cells, not the removed ones."""
    notebook = jupytext.read(ROOT / f"{docname}.md")
    removed = {"remove-cell", "remove-input"}
    return "\n".join(c.source for c in notebook.cells if c.cell_type == "code" and not removed & set(c.metadata.get("tags", [])))


def labels() -> set[str]:
    found = set()
    for docname in toc_pages():
        text = (ROOT / f"{docname}.md").read_text(encoding="utf-8")
        found |= set(re.findall(r"^\(([\w-]+)\)=", text, re.MULTILINE))
        found |= set(re.findall(r"^:label: ([\w-]+)", text, re.MULTILINE))
    return found


def test_every_chapter_notebook_of_the_toc_has_one_row_and_the_path_is_in_the_toc():
    assert "teaching/learning-path" in toc_pages()
    assert "{ref}`teaching-learning-path`" in (ROOT / "teaching" / "index.md").read_text(encoding="utf-8")
    rows = path_rows()
    notebooks = chapter_notebooks()
    assert len(notebooks) >= 18
    missing = [d for d in notebooks if d not in rows]
    assert not missing, f"{PATH.name} has no row for these notebooks of the toc (add one, checked by hand): {missing}"
    assert sorted(rows) == sorted(notebooks), "a row of the learning path names a page that is not a chapter notebook of the toc"


def test_every_link_and_exercise_of_the_path_exists():
    text = PATH.read_text(encoding="utf-8")
    pages, known = set(toc_pages()), labels()
    docs = DOC.findall(text)
    refs = [a or b for a, b in REF.findall(text)]
    assert len(docs) > 50 and len(refs) > 40  # the patterns see the links
    assert not [d for d in docs if d not in pages], "links to pages not in the toc"
    assert not [r for r in refs if r.strip() not in known], "references to labels that no page of the toc defines"
    exercises = {r for r in refs if re.fullmatch(r"ch\d-ex-[\w-]+", r)}
    every_exercise = {label for label in known if re.fullmatch(r"ch\d-ex-[\w-]+", label)}
    assert not every_exercise - exercises, f"exercises the path never names: {sorted(every_exercise - exercises)}"


def test_every_assignment_question_named_exists():
    questions = {a.name: {q.name for q in a.questions} for a in classroom.assignments(ROOT)}
    named = ASSIGNMENT.findall(PATH.read_text(encoding="utf-8"))
    assert named
    for assignment, listed in named:
        unknown = set(listed.split(", ")) - questions.get(assignment, set())
        assert not unknown, f"assignment {assignment} has no question {sorted(unknown)}"


@pytest.mark.parametrize("docname", sorted(path_rows()))
def test_the_code_a_row_quotes_is_on_its_page_and_the_library_functions_exist(docname):
    shown, library, _ = path_rows()[docname]
    code = shown_code(docname)
    absent = [name for name in re.findall(r"`([^`]+)`", shown) if name not in code]
    assert not absent, f"{PATH.name}, row {docname}: no open or folded cell of the page has {absent}"
    named = re.findall(r"`([^`]+)`", library)
    assert named, f"{PATH.name}, row {docname}: name the library functions the page relies on"
    for name in named:
        assert name.startswith("digital_labor."), f"{PATH.name}, row {docname}: `{name}` is not a library path"
        module, attribute = name.rsplit(".", 1)
        assert hasattr(importlib.import_module(module), attribute), f"{PATH.name}, row {docname}: {name} does not exist"
        call = ".".join(name.split(".")[-2:])  # e.g. flows.flow_matrix, as the pages import the subject package
        assert call in code, f"{PATH.name}, row {docname}: the page's open or folded cells do not call {call}"
