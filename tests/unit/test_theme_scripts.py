"""The theme's scripts, rewritten so that a page's opening work is not one long task (book/theme_scripts.py)."""

from __future__ import annotations

from pathlib import Path

import pydata_sphinx_theme
import pytest

from book import theme_scripts

INSTALLED = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"


@pytest.mark.parametrize("relative", list(theme_scripts.PATCHED_SCRIPTS))
def test_each_installed_theme_script_is_patched_once_and_only_there(relative):
    script = (INSTALLED / relative.relative_to("_static")).read_text(encoding="utf-8")
    patches = theme_scripts.PATCHED_SCRIPTS[relative]
    patched = theme_scripts.patched_script(script, patches, str(relative))
    assert len(patched) - len(script) == sum(len(ours) - len(theirs) for theirs, ours in patches)  # nothing else changed
    assert theme_scripts.patched_script(patched, patches, str(relative)) == patched  # a second build leaves it as it is


def test_the_scrollable_blocks_are_measured_before_any_tabindex_is_written():
    script = (INSTALLED / "scripts" / "pydata-sphinx-theme.js").read_text(encoding="utf-8")
    patched = theme_scripts.patched_script(script, theme_scripts.PATCHED_SCRIPTS[theme_scripts.THEME_SCRIPT], "theme")
    assert "e.tabIndex=e.scrollWidth" not in patched  # no write between two reads
    assert 'document.addEventListener("toggle",t,!0)' in patched  # opening a <details> checks again


def test_a_changed_theme_script_stops_the_build_naming_the_file():
    with pytest.raises(ValueError, match="site/_static/scripts/pydata-sphinx-theme.js: the code book/theme_scripts.py rewrites"):
        theme_scripts.patched_script(
            "(()=>{})();", theme_scripts.PATCHED_SCRIPTS[theme_scripts.THEME_SCRIPT], "site/_static/scripts/pydata-sphinx-theme.js"
        )


def test_the_site_copies_are_rewritten(tmp_path):
    for relative in theme_scripts.PATCHED_SCRIPTS:
        copy = tmp_path / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text((INSTALLED / relative.relative_to("_static")).read_text(encoding="utf-8"), encoding="utf-8")
    theme_scripts.patch_theme_scripts(tmp_path)
    assert "all.dlScrollable" in (tmp_path / theme_scripts.THEME_SCRIPT).read_text(encoding="utf-8")
    assert "+window.scrollY}" in (tmp_path / theme_scripts.BOOTSTRAP_SCRIPT).read_text(encoding="utf-8")
