"""Joining a page's stylesheets, and its blocking scripts, into one file each (book/bundles.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from book import bundles

HEAD = """<html><head>
  <link href="{up}_static/styles/theme.css?digest=1" rel="stylesheet" />
<link href="{up}_static/styles/pydata.css?digest=1" rel="stylesheet" />
    <link rel="stylesheet" type="text/css" href="{up}_static/book.css?v=2" />
    <script src="{up}_static/options.js?v=1"></script>
    <script src="{up}_static/doctools.js?v=1"></script>
    <script>let toggleHintShow = 'Click to show';</script>
    <script src="{up}_static/toggle.js?v=1"></script>
    <script data-sd-prefix="tab-" src="{up}_static/tabs.js?v=1"></script>
    <script>var selector = '.toggle';</script>
    <script defer="defer" src="{up}_static/charts.js"></script>
    <script>OPTIONS.pagename = 'intro';</script>
    <script src="{up}_static/search.js"></script>
    <script src="{up}_static/language.js"></script>
</head><body><p>text</p></body></html>
"""
SCRIPTS = ("options.js", "doctools.js", "toggle.js", "tabs.js", "charts.js", "search.js", "language.js")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    static = tmp_path / "_static"
    (static / "styles").mkdir(parents=True)
    (static / "vendor" / "fonts").mkdir(parents=True)
    (static / "basic.css").write_text("div.body { margin: 0 }\n")
    (static / "styles" / "theme.css").write_text('@import "../basic.css";\n')
    (static / "styles" / "pydata.css").write_text(
        "@font-face { src: url(../vendor/fonts/fa.woff2) }\n.icon { background: url('data:image/svg+xml;x') }\n"
    )
    (static / "book.css").write_text("p { color: black }\n")
    for name in SCRIPTS:
        (static / name).write_text(f'"use strict";\nconst {name.split(".")[0]} = 1  // no semicolon, a comment last')
    (tmp_path / "intro.html").write_text(HEAD.format(up=""))
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "one.html").write_text(HEAD.format(up="../"))
    return tmp_path


def _pages(site: Path) -> list[Path]:
    return [site / "intro.html", site / "chapters" / "one.html"]


def test_a_joined_stylesheet_keeps_the_order_inlines_imports_and_rebases_urls(site):
    files = [site / "_static/styles/theme.css", site / "_static/styles/pydata.css", site / "_static/book.css"]
    joined = bundles.joined_stylesheet(files, site / "_static")
    assert joined.index("div.body") < joined.index("@font-face") < joined.index("p { color")
    assert "@import" not in joined
    assert "url(vendor/fonts/fa.woff2)" in joined
    assert "url('data:image/svg+xml;x')" in joined  # data URLs untouched


def test_joined_scripts_stay_apart():
    # A file ending in a comment cannot swallow the next; "use strict" is no directive of the whole.
    joined = bundles.joined_script([Path(__file__)], Path("."))
    assert joined.startswith(";\n")


def test_the_scripts_run_in_their_order_with_the_constants_they_need_before_them(site):
    head = (site / "intro.html").read_text().split("</head>")[0]
    runs = bundles.script_runs(head, site / "intro.html", site)
    # One run (options to tabs): the deferred chart script and the page's own inline script end it;
    # search and language make a second run.
    assert [[path.name for path in run.files] for run in runs] == [
        ["options.js", "doctools.js", "toggle.js", "tabs.js"],
        ["search.js", "language.js"],
    ]
    assert runs[0].moved.strip() == "<script>let toggleHintShow = 'Click to show';</script>"
    assert runs[0].attributes == 'data-sd-prefix="tab-"'


def test_every_page_links_one_stylesheet_and_joined_scripts_from_its_own_folder(site):
    assert bundles.bundle_pages(site, _pages(site)) == {"css": 1, "js": 2}
    (stylesheet,) = (site / "_static").glob("site-*.css")
    intro, chapter = (page.read_text() for page in _pages(site))
    assert intro.count('rel="stylesheet"') == chapter.count('rel="stylesheet"') == 1
    assert f'href="_static/{stylesheet.name}"' in intro and f'href="../_static/{stylesheet.name}"' in chapter
    assert intro.count("<script") == 6  # 2 joined scripts, the deferred one, 3 inline
    order = [
        intro.index(part)
        for part in ("toggleHintShow", 'data-sd-prefix="tab-" src="_static/site-', "var selector", "charts.js", "OPTIONS.pagename")
    ]
    assert order == sorted(order)
    joined = [path.read_text() for path in sorted((site / "_static").glob("site-*.js"), key=lambda p: intro.index(p.name))]
    assert [text.count("const ") for text in joined] == [4, 2]
    assert joined[0].index("const options") < joined[0].index("const doctools") < joined[0].index("const tabs")


def test_a_page_written_by_an_earlier_build_follows_a_changed_file(site):
    bundles.bundle_pages(site, _pages(site))
    (old,) = (site / "_static").glob("site-*.css")
    (site / "_static" / "book.css").write_text("p { color: navy }\n")
    (site / "_static" / "doctools.js").write_text("const doctools = 2;")
    # An incremental build writes the chapter again, not the intro.
    (site / "chapters" / "one.html").write_text(HEAD.format(up="../"))
    assert bundles.bundle_pages(site, _pages(site)) == {"css": 1, "js": 2}
    (new,) = (site / "_static").glob("site-*.css")
    assert new != old and not old.exists() and "navy" in new.read_text()
    intro = (site / "intro.html").read_text()
    assert f'href="_static/{new.name}"' in intro
    assert intro.count("toggleHintShow") == 1  # the moved constant is not moved twice
    scripts = [path for path in (site / "_static").glob("site-*.js") if path.name in intro]
    assert len(scripts) == 2 and any("const doctools = 2;" in path.read_text() for path in scripts)


def test_an_external_stylesheet_leaves_the_stylesheets_as_they_are(site):
    page = site / "intro.html"
    page.write_text(page.read_text().replace("_static/book.css?v=2", "https://cdn.example.org/x.css"))
    bundles.bundle_pages(site, [page])
    assert page.read_text().count('rel="stylesheet"') == 3


def test_an_import_from_another_host_is_an_error(site):
    (site / "_static/styles/theme.css").write_text('@import url("https://fonts.example.org/f.css");\n')
    with pytest.raises(ValueError, match="theme.css.*not a file of the site"):
        bundles.joined_stylesheet([site / "_static/styles/theme.css"], site / "_static")
