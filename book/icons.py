"""The theme's icons, light: Font Awesome's fonts cut to the glyphs the book shows, and no icon script.

pydata-sphinx-theme ships Font Awesome twice: as a 1.5 MB script (``fontawesome.js``, which
swaps every ``<i class="fa-…">`` for an inline SVG) and as web fonts with a stylesheet rule per
icon (about 1,900 of them) inside its CSS. The fonts alone draw every icon, so the site keeps
them, cut to the glyphs it uses (:func:`subset_fonts`), keeps only the rules of the icons it
uses (:func:`trim_icon_rules`) and drops the script from every page (:func:`drop_icon_script`).

Used icons are found in the pages' HTML and the theme's scripts (class names ``fa-…``), and in
the stylesheets' own icon variables (the admonitions' ``--pst-icon-…``, say).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from pathlib import Path

__all__ = [
    "FONT_DIR",
    "drop_icon_script",
    "icon_codepoints",
    "icon_names",
    "lighten_icons",
    "subset_fonts",
    "trim_icon_rules",
]

FONT_DIR = Path("_static/vendor/fontawesome/webfonts")
THEME_CSS = Path("_static/styles/pydata-sphinx-theme.css")
_NAME = re.compile(r"\bfa-([a-z0-9]+(?:-[a-z0-9]+)*)\b")
# One icon's rule: ".fa-x:before,.fa-y:before{content:"\f00d"}" (names are aliases of one glyph).
_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:(?:before|after),?)+)\{content:"((?:\\[0-9a-fA-F]+ ?|[^"\\])+)"\}')
_SCRIPT = re.compile(r'\s*<script[^>]*src="[^"]*scripts/fontawesome\.js[^"]*"[^>]*></script>')
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")


def icon_names(texts: Iterable[str]) -> set[str]:
    """Every ``fa-…`` class name in the texts (pages, scripts), without the prefix."""
    names: set[str] = set()
    for text in texts:
        names.update(_NAME.findall(text))
    return names


def _codepoints(content: str) -> set[int]:
    """The characters of a CSS ``content`` string: escapes (``\\f00d``) and literal characters."""
    points = {int(hex_, 16) for hex_ in re.findall(r"\\([0-9a-fA-F]+) ?", content)}
    points.update(ord(c) for c in re.sub(r"\\[0-9a-fA-F]+ ?", "", content))
    return points


def trim_icon_rules(css: str, used: set[str]) -> tuple[str, set[int]]:
    """The stylesheet without the rules of unused icons, and the codepoints the kept rules draw.

    A rule is kept when one of its names (aliases) is used; the rule of a glyph the stylesheet
    uses elsewhere (in a variable, say) goes too when no page uses its class.
    """
    kept: set[int] = set()

    def keep_or_drop(match: re.Match[str]) -> str:
        names = re.findall(r"\.fa-([a-z0-9-]+):", match.group(1))
        if used.intersection(names):
            kept.update(_codepoints(match.group(2)))
            return match.group(0)
        return ""

    trimmed = _RULE.sub(keep_or_drop, css)
    return trimmed, kept


def icon_codepoints(css: str) -> set[int]:
    """Codepoints a stylesheet draws outside the per-icon rules (icon variables such as
    ``--pst-icon-info-circle:"\\f05a"``, or characters written out): private-use characters only."""
    outside = _RULE.sub("", css)
    points = {p for p in (int(h, 16) for h in re.findall(r"\\(f[0-9a-fA-F]{3}|e[0-9a-fA-F]{3})\b", outside))}
    points.update(ord(c) for c in _PRIVATE_USE.findall(outside))
    return {p for p in points if 0xE000 <= p <= 0xF8FF}


def subset_fonts(font_dir: Path, codepoints: set[int]) -> dict[str, tuple[int, int]]:
    """Cut every ``.woff2`` (and ``.ttf``) in ``font_dir`` to ``codepoints`` (plus the space), in place.

    Returns ``{file name: (bytes before, bytes after)}``. Needs fonttools with brotli.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    sizes: dict[str, tuple[int, int]] = {}
    for path in sorted(font_dir.glob("*")):
        if path.suffix not in (".woff2", ".ttf"):
            continue
        before = path.stat().st_size
        font = TTFont(path, recalcTimestamp=False)  # the same bytes on every build
        options = subset.Options()
        options.flavor = "woff2" if path.suffix == ".woff2" else None
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.ignore_missing_unicodes = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(codepoints | {0x20}))
        subsetter.subset(font)
        out = io.BytesIO()
        font.flavor = options.flavor
        font.save(out)
        path.write_bytes(out.getvalue())
        sizes[path.name] = (before, path.stat().st_size)
    return sizes


def drop_icon_script(page: str) -> str:
    """A page without the Font Awesome script (the fonts draw the icons)."""
    return _SCRIPT.sub("", page)


def lighten_icons(site: Path, pages: Iterable[Path]) -> dict[str, object]:
    """Do it all on a built site: trim the theme's icon rules, cut the fonts, drop the script.

    ``pages`` are the site's HTML files (rewritten in place). Returns a summary: icons kept,
    glyphs kept, font sizes before and after.
    """
    pages = list(pages)
    texts = [p.read_text(encoding="utf-8") for p in pages]
    scripts = [
        p.read_text(encoding="utf-8")
        for p in (site / "_static").rglob("*.js")
        if p.name != "fontawesome.js" and not p.name.startswith("dl-vega-lite")
    ]
    used = icon_names(texts + scripts)
    css_path = site / THEME_CSS
    codepoints: set[int] = set()
    for stylesheet in sorted((site / "_static").rglob("*.css")):
        css = stylesheet.read_text(encoding="utf-8")
        if stylesheet == css_path:
            css, kept = trim_icon_rules(css, used)
            stylesheet.write_text(css, encoding="utf-8")
            codepoints |= kept
        codepoints |= icon_codepoints(css)
    sizes = subset_fonts(site / FONT_DIR, codepoints) if (site / FONT_DIR).is_dir() else {}
    for path, text in zip(pages, texts, strict=True):
        lighter = drop_icon_script(text)
        if lighter != text:
            path.write_text(lighter, encoding="utf-8")
    return {"icons": sorted(used), "glyphs": len(codepoints), "fonts": sizes}
