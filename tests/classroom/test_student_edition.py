"""The students' edition (``make student``) holds no answer anywhere, checked on every file it writes.

What counts as an answer is read from the book's sources: each ``{solution}`` block and each cell
tagged ``solution`` (:func:`book.classroom.solution_texts`). A run of eight words of an
answer that the rest of the book never uses must appear in no file of the site (pages, search
index, downloadable sources, notebooks) nor in the executed notebooks; and a word that only the
answers use must not be in the search index.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import jupytext
import pytest
import snowballstemmer
from sphinx_external_toc.parsing import parse_toc_yaml

from book import classroom
from tools import build_book

ROOT = Path(__file__).resolve().parents[2]
STUDENT = build_book.STUDENT_OUTPUT / "_build"
N = 8  # words in a run


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ]+", text.lower())


def _runs(words: list[str]) -> set[str]:
    return {" ".join(words[i : i + N]) for i in range(len(words) - N + 1)}


def _visible(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="ignore")
    if path.suffix == ".html":
        text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", text, flags=re.S)))
    elif path.suffix == ".ipynb":
        notebook = json.loads(text)
        text = "\n".join("".join(cell["source"]) + json.dumps(cell.get("outputs", [])) for cell in notebook["cells"])
    return text


@pytest.fixture(scope="session")
def student_build():
    result = subprocess.run([sys.executable, "-m", "tools.build_book", "--student"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, "the students' edition failed to build:\n" + (result.stdout + result.stderr)[-3000:]
    return STUDENT


@pytest.fixture(scope="session")
def answers():
    """Per page with solutions: the answers' texts, and the words of the book without them."""
    found, elsewhere = {}, []
    # Every page of the book, notebooks and plain pages alike: a phrase that a solution shares with
    # a page the students read (a literature page, the teaching part) is no secret.
    for path in (ROOT / f"{docname}.md" for docname in parse_toc_yaml(ROOT / "_toc.yml")):
        notebook = jupytext.read(path)
        texts = classroom.solution_texts(notebook)
        if texts:
            found[path.relative_to(ROOT).with_suffix("").as_posix()] = texts
        elsewhere += _words(jupytext.writes(classroom.redact_notebook(notebook), fmt="md:myst"))
    # What the generated pages quote: the ledger, the manifest, the bibliography, the library's texts.
    quoted = [*(ROOT / "appendix").glob("*.md"), *(ROOT / "data").glob("*.yaml"), ROOT / "references.bib", *(ROOT / "lib").rglob("*.py")]
    for path in quoted:
        elsewhere += _words(path.read_text(encoding="utf-8"))
    return found, elsewhere


def _files(site: Path) -> list[Path]:
    return [
        p
        for folder in (site / "html", site / "jupyter_execute")
        if folder.exists()
        for p in folder.rglob("*")
        if p.is_file() and p.suffix in (".html", ".js", ".md", ".txt", ".ipynb", ".json")
    ]


def test_the_book_has_solutions_to_hide(answers):
    found, _ = answers
    assert {page.split("/")[1] for page in found} >= {"01-platforms-and-the-firm", "04-planetary-inequalities"}


def test_no_answer_in_any_file_of_the_students_edition(student_build, answers):
    found, elsewhere = answers
    common = _runs(elsewhere)
    secret = {run: page for page, texts in found.items() for text in texts for run in _runs(_words(text)) - common}
    assert len(secret) > 100
    files = _files(student_build)
    assert any(p.name == "searchindex.js" for p in files) and any(p.suffix == ".ipynb" for p in files)
    leaks = {}
    for path in files:
        runs = _runs(_words(_visible(path)))
        hits = [run for run in secret if run in runs]
        if hits:
            leaks[path.relative_to(student_build).as_posix()] = hits[:2]
    assert not leaks, f"answers in the students' edition: {leaks}"


def test_no_answer_word_in_the_search_index(student_build, answers):
    found, elsewhere = answers
    stem = snowballstemmer.stemmer("porter").stemWord
    pages = " ".join(_visible(p) for p in (student_build / "html").rglob("*.html"))
    known = {stem(w) for w in set(elsewhere) | set(_words(pages))}
    only_answers = {stem(w) for texts in found.values() for t in texts for w in _words(t)} - known
    index = (student_build / "html" / "searchindex.js").read_text(encoding="utf-8")
    terms = set(json.loads(index[index.index("(") + 1 : index.rindex(")")])["terms"])
    assert only_answers, "the answers use words of their own"
    assert not only_answers & terms, f"the search index holds words only the answers use: {sorted(only_answers & terms)[:10]}"


def test_downloads_keep_the_exercises_and_run_without_the_solutions(student_build):
    summary = student_build / "html" / "_sources" / "chapters" / "04-planetary-inequalities" / "summary.ipynb"
    notebook = json.loads(summary.read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in notebook["cells"])
    assert "{exercise}" in text and "{solution}" not in text
    assert not any("solution" in c.get("metadata", {}).get("tags", []) for c in notebook["cells"])
    page = (student_build / "html" / "chapters" / "04-planetary-inequalities" / "summary.html").read_text(encoding="utf-8")
    assert "Exercise 4.1" in page and "Solution to" not in page
