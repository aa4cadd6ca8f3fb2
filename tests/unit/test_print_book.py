"""tools/print_book.py without a browser: the pages' order and the merged PDF."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from tools import print_book

ROOT = Path(__file__).resolve().parents[2]


def test_pages_follow_the_table_of_contents(tmp_path: Path):
    from sphinx_external_toc.parsing import parse_toc_yaml

    docnames = list(parse_toc_yaml(ROOT / "_toc.yml"))
    for name in docnames:
        (tmp_path / f"{name}.html").parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / f"{name}.html").write_text("<!DOCTYPE html>")
    pages = print_book.toc_pages(ROOT, tmp_path)
    assert pages == docnames and pages[0] == "index"
    chapters = [name for name in pages if name.startswith("chapters/") and name.endswith("/index")]
    assert len(chapters) == 5 and chapters == sorted(chapters)


def test_a_missing_page_is_named(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="index"):
        print_book.toc_pages(ROOT, tmp_path)


def _blank_pdf(path: Path, pages: int) -> Path:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_merge_keeps_order_and_records_where_each_page_starts(tmp_path: Path):
    printed = [
        print_book.PrintedPage("intro", "Intro", _blank_pdf(tmp_path / "a.pdf", 2)),
        print_book.PrintedPage(
            "chapters/x/index", "Chapter X", _blank_pdf(tmp_path / "b.pdf", 3), ({"kind": "vega", "drawn": True, "title": "A chart"},)
        ),
    ]
    output = tmp_path / "out" / "book.pdf"
    assert print_book.merge(printed, output, "The book") == 5
    reader = PdfReader(str(output))
    assert len(reader.pages) == 5 and reader.metadata.title == "The book"
    assert [item.title for item in reader.outline] == ["Intro", "Chapter X"]
    contents = json.loads(output.with_suffix(".json").read_text())
    assert [(e["docname"], e["first_page"], e["pages"]) for e in contents] == [("intro", 1, 2), ("chapters/x/index", 3, 3)]
    assert contents[1]["charts"][0]["title"] == "A chart"


def test_print_stylesheet_hides_navigation_and_shows_link_urls():
    css = (ROOT / "_static" / "book.css").read_text(encoding="utf-8")
    start = css.index("@media print")
    block = css[start:]
    for selector in (".bd-sidebar-primary", ".bd-sidebar-secondary", ".bd-header", ".prev-next-area", "button"):
        assert selector in block
    assert 'content: " (" attr(href) ")"' in block
    assert ".vega-bindings" in block
