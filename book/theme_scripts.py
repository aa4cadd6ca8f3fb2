"""pydata-sphinx-theme's scripts, without work that blocks a phone for half a second as a page opens.

Once a page has loaded, the theme makes every scrollable block (code, a cell's output, a wide
table) reachable with the keyboard: for each block it reads whether it overflows, then sets its
``tabindex``. Reading a size after a ``tabindex`` was set makes the browser recompute the page's
styles: on a chapter page with some fifty blocks, 120 ms of a desktop's time, about half a second on
a phone (Lighthouse, mobile profile), all of it blocking the reader's first tap.

The written site's copy of the script reads every size first, then sets every ``tabindex``: one
style computation. It does not measure blocks inside a closed ``<details>`` (the values under a
chart): the browser would lay out each folded block on its own to measure it, and a reader
cannot scroll what is folded. Opening a ``<details>`` runs the check again, as resizing the
window does. The theme's version is pinned; if its script changes, the build stops here, naming
the file, instead of quietly leaving the thrash in.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["BOOTSTRAP_SCRIPT", "PATCHED_SCRIPTS", "THEME_SCRIPT", "patch_theme_scripts", "patched_script"]

THEME_SCRIPT = Path("_static/scripts/pydata-sphinx-theme.js")
BOOTSTRAP_SCRIPT = Path("_static/scripts/bootstrap.js")
# (the theme's code, the site's code) pairs, each found exactly once in the theme's script.
_THEME_PATCHES = (
    # NodeList.forEach passes (element, index, list): at the first element, measure them all.
    (
        ".forEach(e=>{e.tabIndex=e.scrollWidth>e.clientWidth||e.scrollHeight>e.clientHeight?0:-1})",
        '.forEach((e,i,all)=>{i||(all.dlScrollable=Array.from(all,b=>!b.closest("details:not([open])")&&'
        "(b.scrollWidth>b.clientWidth||b.scrollHeight>b.clientHeight))),e.tabIndex=all.dlScrollable[i]?0:-1})",
    ),
    # The check, debounced (t), runs on resizing; also on opening or closing a <details>.
    (
        't=_(e,300);window.addEventListener("resize",t)',
        't=_(e,300);window.addEventListener("resize",t),document.addEventListener("toggle",t,!0)',
    ),
)
# The theme's Bootstrap bundle measures the header as it starts, forcing the browser to lay out the
# whole page inside the script's own task; the site's copy measures it at the reader's first scroll
# (the header scrolls with the page in sphinx-book-theme, so its bottom is the same distance from
# the top of the page).
_BOOTSTRAP_PATCHES = (
    (
        'var e=document.getElementsByClassName("bd-header")[0].getBoundingClientRect();window.addEventListener("scroll",function(){',
        'var e;window.addEventListener("scroll",function(){e=e||{bottom:document.getElementsByClassName("bd-header")[0]'
        ".getBoundingClientRect().bottom+window.scrollY};",
    ),
)
PATCHED_SCRIPTS = {THEME_SCRIPT: _THEME_PATCHES, BOOTSTRAP_SCRIPT: _BOOTSTRAP_PATCHES}


def patched_script(script: str, patches: tuple[tuple[str, str], ...], source: str) -> str:
    """A theme script with each of its patches applied once (a patched script is left as it is)."""
    for theirs, ours in patches:
        if ours in script:
            continue
        if script.count(theirs) != 1:
            raise ValueError(
                f"{source}: the code book/theme_scripts.py rewrites is not there as expected "
                "(pydata-sphinx-theme changed?); update book/theme_scripts.py"
            )
        script = script.replace(theirs, ours)
    return script


def patch_theme_scripts(site: Path) -> None:
    """Rewrite the site's copies of the theme's scripts."""
    for relative, patches in PATCHED_SCRIPTS.items():
        path = site / relative
        text = path.read_text(encoding="utf-8")
        patched = patched_script(text, patches, str(path))
        if patched != text:
            path.write_text(patched, encoding="utf-8")
