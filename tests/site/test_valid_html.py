"""The built pages are valid HTML: the Nu HTML Checker (vnu-jar, tools/audit) reports no error."""

from __future__ import annotations

import json

import pytest

from tools import validate_html


@pytest.fixture(scope="session")
def html_problems(site, artifacts) -> tuple[list, list]:
    pages = validate_html.html_pages(site)
    try:
        problems = validate_html.validate(pages, site)
    except validate_html.CheckerMissing as error:
        pytest.fail(f"the Nu HTML Checker is not installed: {error} (make audit-tools)")
    (artifacts / "html-validation.json").write_text(json.dumps([p.__dict__ for p in problems], indent=2, ensure_ascii=False))
    return pages, problems


def test_every_page_is_checked(site, html_problems):
    pages, _ = html_problems
    names = {page.relative_to(site).as_posix() for page in pages}
    assert {"index.html", "how-to-use.html", "appendix/bibliography.html"} <= names
    assert sum(name.startswith("chapters/") for name in names) >= 25


def test_no_page_has_an_html_error(html_problems):
    _, problems = html_problems
    # Each message names the page, the line (and column) and the checker's words.
    assert not problems, f"{len(problems)} HTML error(s):\n" + "\n".join(str(p) for p in problems[:40])
