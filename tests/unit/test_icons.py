"""The theme's icons: rules of unused icons dropped, fonts cut to the used glyphs, no icon script."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from book import icons

CSS = (
    '.fa-lg{font-size:1.25em}.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.fa-sun:before{content:"\\f185"}'
    '.fa-rocket:before{content:"\\f135"}.fa-0:before{content:"\\30 "}:root{--pst-icon-info-circle:"\uf05a";'
    '--pst-icon-bell:"\\f0f3"}'
)


def test_icon_names_come_from_class_names_in_pages_and_scripts():
    names = icons.icon_names(['<i class="fa-solid fa-bars"></i>', 'e.classList.add("fa-xmark")', "sofa-bed"])
    assert {"bars", "solid", "xmark"} <= names and "bed" not in names


def test_rules_of_unused_icons_go_and_aliases_keep_a_used_rule():
    trimmed, kept = icons.trim_icon_rules(CSS, {"navicon", "solid"})
    assert '.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}' in trimmed
    assert "fa-sun" not in trimmed and "fa-rocket" not in trimmed and "fa-0" not in trimmed
    assert ".fa-lg{font-size:1.25em}" in trimmed  # not an icon: kept
    assert kept == {0xF0C9}


def test_codepoints_drawn_by_the_stylesheets_variables_are_kept():
    assert icons.icon_codepoints(CSS) == {0xF05A, 0xF0F3}


def test_the_script_tag_goes_and_nothing_else():
    page = '<link rel="stylesheet" href="x.css">\n  <script defer src="_static/scripts/fontawesome.js?digest=1"></script>\n<p>fa</p>'
    assert icons.drop_icon_script(page) == '<link rel="stylesheet" href="x.css">\n<p>fa</p>'


def _theme_fonts() -> Path:
    import pydata_sphinx_theme

    folder = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / "vendor" / "fontawesome" / "webfonts"
    if not folder.is_dir():
        pytest.skip("pydata-sphinx-theme's fonts are not installed")
    return folder


def test_fonts_are_cut_to_the_used_glyphs_and_still_draw_them(tmp_path):
    from fontTools.ttLib import TTFont

    source = _theme_fonts() / "fa-solid-900.woff2"
    shutil.copyfile(source, tmp_path / source.name)
    sizes = icons.subset_fonts(tmp_path, {0xF0C9, 0xF185})
    before, after = sizes[source.name]
    assert after < before / 20
    font = TTFont(io.BytesIO((tmp_path / source.name).read_bytes()))
    assert font.flavor == "woff2"
    assert {0xF0C9, 0xF185} <= set(font.getBestCmap()) and 0xF135 not in font.getBestCmap()


def test_a_site_is_lightened_in_place(tmp_path):
    site = tmp_path
    (site / "_static" / "styles").mkdir(parents=True)
    (site / icons.FONT_DIR).mkdir(parents=True)
    shutil.copyfile(_theme_fonts() / "fa-solid-900.woff2", site / icons.FONT_DIR / "fa-solid-900.woff2")
    (site / icons.THEME_CSS).write_text(CSS)
    (site / "_static" / "scripts").mkdir()
    (site / "_static" / "scripts" / "theme.js").write_text('button.classList.add("fa-sun")')
    page = site / "page.html"
    page.write_text('<script defer src="_static/scripts/fontawesome.js"></script><i class="fa-solid fa-bars"></i>')
    summary = icons.lighten_icons(site, [page])
    assert "fontawesome.js" not in page.read_text()
    css = (site / icons.THEME_CSS).read_text()
    assert "fa-bars" in css and "fa-sun" in css and "fa-rocket" not in css
    assert summary["glyphs"] == 4  # bars, sun, and the two the variables draw
