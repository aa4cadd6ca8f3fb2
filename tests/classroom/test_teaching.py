"""The part "Teaching with this book" in the built site: it names the assignments that exist, and only those."""

from __future__ import annotations

import html
import re
from pathlib import Path

from book import classroom

ROOT = Path(__file__).resolve().parents[2]


def _text(path: Path) -> str:
    page = path.read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", article)))


def test_teaching_pages_name_every_assignment_and_no_other(site):
    existing = {a.name for a in classroom.assignments(ROOT)}
    pages = sorted((site / "teaching").glob("*.html"))
    assert {p.name for p in pages} >= {"index.html", "chapters.html", "assignments.html"}
    named = {f"ch{n}" for page in pages for n in re.findall(r"\bch(\d+)\b", _text(page))}
    assert named <= existing, f"the teaching part names assignments that do not exist: {sorted(named - existing)}"
    table = _text(site / "teaching" / "assignments.html")
    sequence = _text(site / "teaching" / "index.html")
    for name in existing:
        assert f"{name}.ipynb" in table and f"Assignment {name}" in sequence


def test_the_sequence_has_a_week_per_chapter_and_links_its_seminar(site):
    chapters = sorted(p.name for p in (site / "chapters").iterdir() if (p / "index.html").exists())
    page = (site / "teaching" / "index.html").read_text(encoding="utf-8")
    table = page[page.index("<table") : page.index("</table>")]
    assert table.count("<tr") == len(chapters) + 2, "a header, a week per chapter and the ledger week"
    for folder in chapters:
        assert f"../chapters/{folder}/index.html" in table
    guide = (ROOT / "teaching" / "chapters.md").read_text(encoding="utf-8")
    for label in re.findall(r"^\((teach-ch\d+)\)=", guide, flags=re.M):
        assert f"#{label}" in table


def test_how_to_use_points_to_the_teaching_part(site):
    page = (site / "how-to-use.html").read_text(encoding="utf-8")
    assert 'href="teaching/index.html"' in page and "make classroom" in _text(site / "how-to-use.html")
