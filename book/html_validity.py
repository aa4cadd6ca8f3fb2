"""Pages the Nu HTML Checker accepts: the fixes of the stock HTML, as a Sphinx extension.

``tools/validate_html.py`` checks every built page with the Nu HTML Checker (vnu). Four
sources of errors in the stock output are fixed here, each where it arises:

- sphinx-exercise gives every exercise and solution body the same id (``exercise-content``,
  ``solution-content``): each gets its own, after its exercise's or solution's label
  (:func:`unique_content_ids`, on the doctree).
- pandas' table HTML starts with ``<style scoped>``, an element the HTML standard does not allow
  in the body, whose selectors reach outside it: it is removed (:func:`drop_scoped_styles`), and
  ``_static/book.css`` carries the same three rules for ``.dataframe`` tables.
- myst-nb's folded code cells put two ``<p>`` in a ``<summary>``, which allows only phrasing
  content: they become ``<span>`` (:func:`phrasing_summaries`), styled in ``_static/book.css``.
- sphinx-external-toc writes ``index.html`` as a bare ``<meta>`` redirect, with no doctype and no
  title: it is written as a complete page (:func:`redirect_page`).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

__all__ = ["drop_scoped_styles", "phrasing_summaries", "fix_body", "redirect_page", "unique_content_ids", "setup"]

SHARED_CONTENT_IDS = ("exercise-content", "solution-content")
_SCOPED_STYLE = re.compile(r"<style scoped>\s*(?:[^<]*?)</style>\s*", re.DOTALL)
_SUMMARY = re.compile(r"(<summary\b[^>]*>)(.*?)(</summary>)", re.DOTALL)
_PARAGRAPH = re.compile(r"<p(\s[^>]*)?>(.*?)</p>", re.DOTALL)


def drop_scoped_styles(body: str) -> str:
    """Remove pandas' ``<style scoped>`` blocks (their rules live in ``_static/book.css``)."""
    return _SCOPED_STYLE.sub("", body)


def phrasing_summaries(body: str) -> str:
    """Turn every ``<p>`` inside a ``<summary>`` into a ``<span>`` with the same attributes."""

    def spans(match: re.Match[str]) -> str:
        inner = _PARAGRAPH.sub(lambda p: f"<span{p.group(1) or ''}>{p.group(2)}</span>", match.group(2))
        return match.group(1) + inner + match.group(3)

    return _SUMMARY.sub(spans, body)


_HALIGN = re.compile(r'(<th\b[^>]*?)\s+halign="[a-z]+"')


def drop_halign(body: str) -> str:
    """Remove the obsolete ``halign`` attribute pandas writes on grouped column headers."""
    return _HALIGN.sub(r"\1", body)


def fix_body(body: str) -> str:
    """Every fix that applies to a page's body."""
    return drop_halign(phrasing_summaries(drop_scoped_styles(body)))


def redirect_page(target: str, title: str, icon: str | None = None) -> str:
    """A complete, valid HTML page that sends the reader to ``target`` at once.

    ``icon`` is the site's favicon (a path from the site's root): without one, a browser asks
    for ``/favicon.ico`` and logs the 404 in the console.
    """
    href, text = html.escape(target, quote=True), html.escape(title)
    icon_link = f'<link rel="icon" href="{html.escape(icon, quote=True)}">\n' if icon else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{text}</title>\n"
        f'<meta name="description" content="{text}: the opening page of the book.">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{href}">\n'
        f"{icon_link}"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'</head>\n<body>\n<p><a href="{href}">{text}</a></p>\n</body>\n</html>\n'
    )


def unique_content_ids(doctree: Any) -> int:
    """Give each exercise's and solution's body section its own id; return how many were renamed.

    The new id is the parent's label (the exercise's or solution's id) plus ``-content``; a
    parent without a label gets a number, in document order.
    """
    from docutils import nodes

    used = set(doctree.ids) if hasattr(doctree, "ids") else set()
    renamed = 0
    for section in list(doctree.findall(nodes.section)):
        ids = section.get("ids", [])
        shared = [i for i in ids if i in SHARED_CONTENT_IDS]
        if not shared:
            continue
        parent_ids = section.parent.get("ids", []) if isinstance(section.parent, nodes.Element) else []
        base = f"{parent_ids[0]}-content" if parent_ids else shared[0]
        new, number = base, 1
        while new in used:
            number += 1
            new = f"{base}-{number}"
        used.add(new)
        section["ids"] = [new if i in SHARED_CONTENT_IDS else i for i in ids]
        renamed += 1
    return renamed


def _on_doctree_resolved(app: Any, doctree: Any, docname: str) -> None:
    unique_content_ids(doctree)


def _on_page_context(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if "body" in context:
        context["body"] = fix_body(context["body"])


def _on_build_finished(app: Any, exception: Exception | None) -> None:
    """Write ``index.html`` as a full redirect page (before sphinx-external-toc writes a bare one)."""
    if exception is not None or app.builder.format != "html" or app.config.root_doc == "index":
        return
    target = f"{app.config.root_doc}.html" if app.builder.name != "dirhtml" else f"{app.config.root_doc}/index.html"
    title = getattr(app.config, "html_title", None) or app.config.project or "The book"
    favicon = app.config.html_favicon
    icon = f"_static/{Path(favicon).name}" if favicon and "://" not in favicon else favicon
    Path(app.outdir, "index.html").write_text(redirect_page(target, title, icon), encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    # After sphinx-exercise's own post-transforms, which create the solution sections.
    app.connect("doctree-resolved", _on_doctree_resolved)
    # After myst-nb and every other extension that writes the body (theirs run at 500 or earlier).
    app.connect("html-page-context", _on_page_context, priority=950)
    # Before sphinx-external-toc's ensure_index_file (priority 500), which then leaves ours alone.
    app.connect("build-finished", _on_build_finished, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
