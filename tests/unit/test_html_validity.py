"""The fixes that make the built pages valid HTML, and the validator's report (no build needed)."""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from book import html_validity as hv
from tools import validate_html

PANDAS_TABLE = """<div>
<style scoped>
    .dataframe tbody tr th:only-of-type {
        vertical-align: middle;
    }

    .dataframe thead th {
        text-align: right;
    }
</style>
<table border="1" class="dataframe">"""

FOLDED_CELL = """<details class="admonition hide above-input">
<summary>
<p class="collapsed admonition-title">Show code cell source</p>
<p class="expanded admonition-title">Hide code cell source</p>
</summary>
<p>An ordinary paragraph, outside the summary.</p>
</details>"""


def test_pandas_scoped_style_is_removed_and_the_table_kept():
    fixed = hv.drop_scoped_styles(PANDAS_TABLE)
    assert "<style" not in fixed and ".dataframe" not in fixed
    assert fixed == '<div>\n<table border="1" class="dataframe">'


def test_other_styles_are_left_alone():
    body = "<style>.x { color: red }</style>"
    assert hv.drop_scoped_styles(body) == body


def test_paragraphs_in_a_summary_become_spans_and_others_stay():
    fixed = hv.phrasing_summaries(FOLDED_CELL)
    assert '<span class="collapsed admonition-title">Show code cell source</span>' in fixed
    assert '<span class="expanded admonition-title">Hide code cell source</span>' in fixed
    assert "<p>An ordinary paragraph, outside the summary.</p>" in fixed
    summary = fixed[fixed.index("<summary>") : fixed.index("</summary>")]
    assert "<p" not in summary


def test_fix_body_applies_both():
    fixed = hv.fix_body(PANDAS_TABLE + FOLDED_CELL)
    assert "<style scoped>" not in fixed and '<span class="collapsed' in fixed


def test_redirect_page_is_a_complete_document():
    page = hv.redirect_page("intro.html", "Click & Work")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "<title>Click &amp; Work</title>" in page
    assert 'content="0; url=intro.html"' in page and '<a href="intro.html">' in page
    assert "icon" not in page
    assert '<link rel="icon" href="_static/favicon.svg">' in hv.redirect_page("intro.html", "Book", "_static/favicon.svg")


def _document_with_exercises(labels: list[str]) -> nodes.document:
    document = new_document("<test>", get_default_settings(Parser))
    for label in labels:
        box = nodes.admonition(ids=[label] if label else [])
        box += nodes.section(ids=["exercise-content"])
        document += box
    solution = nodes.admonition(ids=["sol-1"])
    solution += nodes.section(ids=["solution-content"])
    document += solution
    return document


def test_exercise_and_solution_bodies_get_their_own_ids():
    document = _document_with_exercises(["ex-a", "ex-b", "", ""])
    assert hv.unique_content_ids(document) == 5
    ids = [section["ids"][0] for section in document.findall(nodes.section)]
    assert ids == ["ex-a-content", "ex-b-content", "exercise-content", "exercise-content-2", "sol-1-content"]
    assert len(set(ids)) == len(ids)


def test_validator_report_keeps_errors_with_page_and_line(tmp_path: Path):
    site = tmp_path / "html"
    page = site / "chapters" / "a.html"
    report = {
        "messages": [
            {
                "type": "error",
                "url": f"file:{page}",
                "lastLine": 12,
                "firstColumn": 3,
                "message": "Duplicate ID “x”.",
                "extract": '<div id="x">',
            },
            {"type": "info", "subType": "warning", "url": f"file:{page}", "lastLine": 2, "message": "a warning"},
            {"type": "non-document-error", "subType": "fatal", "url": f"file:{page}", "message": "cannot read"},
        ]
    }
    problems = validate_html.parse_report(json.dumps(report), site)
    assert [(p.page, p.line, p.message) for p in problems] == [
        ("chapters/a.html", 12, "Duplicate ID “x”."),
        ("chapters/a.html", None, "cannot read"),
    ]
    assert str(problems[0]).startswith("chapters/a.html:12:3: Duplicate ID")


def test_validator_pages_skip_assets(tmp_path: Path):
    for name in ("intro.html", "_static/x.html", "_sources/y.html", "chapters/b.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<!DOCTYPE html>")
    assert [p.relative_to(tmp_path).as_posix() for p in validate_html.html_pages(tmp_path)] == ["chapters/b.html", "intro.html"]


def test_missing_checker_is_a_clear_error(tmp_path: Path):
    try:
        validate_html.checker_command(tmp_path / "vnu.jar")
    except validate_html.CheckerMissing as error:
        assert "npm ci --prefix tools/audit" in str(error) or "java" in str(error)
    else:
        raise AssertionError("a missing vnu.jar must raise CheckerMissing")


def test_pandas_halign_is_dropped_and_the_redirect_page_has_a_description():
    from book.html_validity import drop_halign, redirect_page

    assert drop_halign('<th colspan="3" halign="left">flat</th>') == '<th colspan="3">flat</th>'
    assert drop_halign('<td halign="left">x</td>') == '<td halign="left">x</td>'  # only headers carry it
    assert '<meta name="description"' in redirect_page("intro.html", "Book")
