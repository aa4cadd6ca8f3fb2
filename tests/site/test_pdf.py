"""The printable book (make pdf): every chapter is in it, and no chart is blank."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted((ROOT / "chapters").glob("0*/index.md"))


@pytest.fixture(scope="session")
def printed_book(site, artifacts) -> tuple[PdfReader, list[dict], list[str]]:
    """Print the built book once (tools/print_book.py); the PDF, its contents list and its pages' text."""
    output = artifacts / "pdf" / "book.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "tools.print_book", "--site", str(site), "--output", str(output)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, f"make pdf failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    reader = PdfReader(str(output))
    contents = json.loads(output.with_suffix(".json").read_text(encoding="utf-8"))
    return reader, contents, [page.extract_text() or "" for page in reader.pages]


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip().casefold()


def _letters(text: str) -> str:
    """The text without any white space: PDF text extraction joins and splits lines freely."""
    return re.sub(r"\s+", "", text.replace("\u00ad", "")).casefold()


def chapter_title(index: Path) -> str:
    """The first level-1 heading of a chapter's opening page, without MyST markup."""
    for line in index.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return re.sub(r"[*_`]", "", line[2:]).strip()
    raise AssertionError(f"{index.relative_to(ROOT)}: no '# ' heading")


def test_the_book_has_five_chapters():
    assert len(CHAPTERS) == 5


@pytest.mark.parametrize("index", CHAPTERS, ids=lambda p: p.parent.name)
def test_pdf_has_every_chapters_title(printed_book, index):
    _, contents, texts = printed_book
    title = chapter_title(index)
    docname = index.relative_to(ROOT).with_suffix("").as_posix()
    entry = next((e for e in contents if e["docname"] == docname), None)
    assert entry is not None, f"{docname} was not printed"
    opening = _normal(" ".join(texts[entry["first_page"] - 1 : entry["first_page"] - 1 + entry["pages"]]))
    assert _normal(title) in opening, f"the chapter title {title!r} is not on the PDF pages of {docname}"


def test_pdf_follows_the_table_of_contents(printed_book):
    from sphinx_external_toc.parsing import parse_toc_yaml

    _, contents, _ = printed_book
    assert [e["docname"] for e in contents] == list(parse_toc_yaml(ROOT / "_toc.yml"))
    assert [e["first_page"] for e in contents] == sorted(e["first_page"] for e in contents)


def test_no_chart_is_blank(printed_book):
    reader, contents, texts = printed_book
    charts = [(e["docname"], chart) for e in contents for chart in e["charts"]]
    assert len(charts) >= 20, "the printed book should hold the book's charts"
    blank = [docname for docname, chart in charts if not chart["drawn"]]
    assert not blank, f"blank charts on: {sorted(set(blank))}"
    # A drawn chart is also printed: its title, drawn as SVG text, is in the PDF's text.
    missing = []
    for entry in contents:
        text = _letters(" ".join(texts[entry["first_page"] - 1 : entry["first_page"] - 1 + entry["pages"]]))
        for chart in entry["charts"]:
            if chart["title"] and _letters(chart["title"]) not in text:
                missing.append(f"{entry['docname']}: {chart['title']!r}")
    assert not missing, "charts missing from the printed pages:\n" + "\n".join(missing)


def test_print_leaves_out_the_navigation(printed_book):
    _, contents, texts = printed_book
    first = texts[contents[1]["first_page"] - 1]  # a page that is not the book's first
    assert "Skip to main content" not in first and "Color mode" not in first


def test_pdf_prints_the_folded_columns_of_the_data_sources(printed_book):
    """The appendix folds each dataset's columns on screen; on paper they must be there."""
    from digital_labor.data import manifest

    _, contents, texts = printed_book
    entry = next((e for e in contents if e["docname"] == "appendix/data-sources"), None)
    assert entry is not None, "appendix/data-sources was not printed"
    printed = _letters(" ".join(texts[entry["first_page"] - 1 : entry["first_page"] - 1 + entry["pages"]]))
    last = list(manifest())[-1].schema["fields"][-1]
    kind = ", ".join(part for part in (last.get("type", "string"), last.get("unit", "")) if part)
    assert _letters(f"{last['name']} {kind} {last.get('title', '')}") in printed, last
