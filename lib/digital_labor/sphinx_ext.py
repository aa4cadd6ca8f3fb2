"""Sphinx extension of the book: offline charts, chart data and notebook downloads.

- Writes one vega + vega-lite + vega-embed bundle (versions matching altair) into the site
  and adds it only to pages that hold a chart.
- Copies the shared chart data (the world map) to ``_data/`` in the site.
- Writes every notebook page's ``.ipynb`` (converted from its MyST source, without outputs)
  next to the page sources, and offers it in the page's download menu.
- Keeps pydata-sphinx-theme's own navbar out of sphinx-book-theme's pages, so that the menu
  buttons a reader sees are the ones the themes' scripts wire (see :func:`theme_without_navbar`).
- Marks wide tables so that a phone shows each row as a card, every cell under its column's
  name (see :func:`card_tables`).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import altair as alt
import jupytext
from sphinx.application import Sphinx
from sphinx.util import logging

from .charts import CHART_DATA_DIR, FIT_SCRIPT_DIGEST, vega_javascript
from .data import dataset

logger = logging.getLogger(__name__)
CHART_MARKER = 'class="dl-chart"'
CHART_DATA = ("world",)
CARD_MIN_COLUMNS = 4  # tables with this many columns or more become cards on a phone


def vega_bundle_name() -> str:
    """File name of the JavaScript bundle: altair's vega-lite version and the fitting script's digest
    (so that a build never reuses a bundle written with an older fitting script)."""
    return f"dl-vega-lite-{alt.VEGALITE_VERSION}-{FIT_SCRIPT_DIGEST}.js"


def write_vega_bundle(static_dir: Path) -> Path:
    """Write the vega-embed bundle into ``static_dir`` (once per vega-lite version)."""
    target = static_dir / vega_bundle_name()
    if not target.exists():
        static_dir.mkdir(parents=True, exist_ok=True)
        target.write_text(vega_javascript(), encoding="utf-8")
    return target


def is_notebook(source: Path) -> bool:
    """True for a Jupyter notebook or a MyST Markdown notebook (jupytext header)."""
    if source.suffix == ".ipynb":
        return True
    if source.suffix != ".md":
        return False
    head = source.read_text(encoding="utf-8")[:600]
    return head.startswith("---") and "jupytext:" in head and "kernelspec:" in head


def _on_builder_inited(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    write_vega_bundle(Path(app.outdir) / "_static")
    data_dir = Path(app.outdir) / CHART_DATA_DIR
    data_dir.mkdir(parents=True, exist_ok=True)
    for name in CHART_DATA:
        source = dataset(name).path
        shutil.copyfile(source, data_dir / source.name)


def _is_thebe_asset(asset: Any) -> bool:
    name = getattr(asset, "filename", None) or str(asset)
    body = getattr(asset, "attributes", {}).get("body", "") or ""
    return "sphinx-thebe" in str(name) or "THEBE_JS_URL" in body


def accessible_body(body: str) -> str:
    """Fix two accessibility faults of the stock HTML (both axe-core "serious" or "critical").

    docutils marks citations with the deprecated role doc-biblioentry inside a role="list", so
    screen readers find a list without items; myst-nb's folded code cells carry an aria-label
    ("Toggle hidden content") that differs from their visible text ("Show code cell source").
    """
    body = body.replace('role="doc-biblioentry"', 'role="listitem"')
    return body.replace('<summary aria-label="Toggle hidden content">', "<summary>")


def accessible_sidebar(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Name the theme's expand/collapse toggles in the navigation sidebar (icon-only <summary>)."""
    generate = context.get("generate_toctree_html")
    if generate is None:
        return

    def named_toggles(*args: Any, **kwargs: Any) -> str:
        return str(generate(*args, **kwargs)).replace(
            '<summary><span class="toctree-toggle" role="presentation">',
            '<summary aria-label="Show or hide the sections"><span class="toctree-toggle" role="presentation">',
        )

    context["generate_toctree_html"] = named_toggles


def _on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    # Live code (thebe) is off in this book, yet sphinx-thebe adds its scripts to every page, one
    # of them twice (a console error) and naming a CDN: drop them.
    for key in ("script_files", "css_files"):
        if key in context:
            context[key][:] = [asset for asset in context[key] if not _is_thebe_asset(asset)]
    if "body" in context:
        context["body"] = accessible_body(context["body"])
    if CHART_MARKER in context.get("body", ""):
        app.add_js_file(vega_bundle_name())
    if doctree is None or pagename not in app.env.all_docs:
        return
    source = Path(app.env.doc2path(pagename))
    if is_notebook(source):
        notebook_name = f"{pagename}.ipynb"
        target = Path(app.outdir) / "_sources" / notebook_name
        target.parent.mkdir(parents=True, exist_ok=True)
        notebook = jupytext.read(source, fmt="md:myst" if source.suffix == ".md" else None)
        jupytext.write(notebook, target, fmt="ipynb")
        context["ipynb_source"] = notebook_name


def theme_without_navbar(theme_options: dict[str, Any]) -> dict[str, Any]:
    """Theme options that keep pydata-sphinx-theme's navbar (and its hidden menu buttons) off.

    sphinx-book-theme 1.3 leaves every ``navbar_*`` slot of pydata-sphinx-theme empty, but
    pydata-sphinx-theme 0.17 fills ``navbar_persistent`` (with a search button) whenever the
    book does not set it. The navbar then renders, and with it a second, hidden "Site
    navigation" and "On this page" button ahead of the theme's visible ones. Both themes'
    scripts wire only the first ``.primary-toggle`` and ``.secondary-toggle`` of a page, so the
    visible buttons did nothing (pydata-sphinx-theme issue 2451; sphinx-book-theme issue 988).
    Setting the slot to an empty list, as sphinx-book-theme's own theme.conf intends, leaves one
    button of each kind on the page. A value set by the book's configuration is kept.
    """
    return {"navbar_persistent": [], **theme_options}


def _configure_theme(app: Sphinx, config: Any) -> None:
    config.html_theme_options = theme_without_navbar(dict(config.html_theme_options or {}))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _children(node: Any, tagname: str) -> list[Any]:
    return [child for child in node.children if getattr(child, "tagname", None) == tagname]


def card_tables(doctree: Any) -> int:
    """Prepare wide tables for a phone: each row becomes a card there (see _static/book.css).

    A table with :data:`CARD_MIN_COLUMNS` columns or more and a header row gets the class
    ``dl-cards``; each body cell gets the class ``dl-col-<header>`` and, first in its content,
    a copy of its column's header (class ``dl-cell-label``), which the stylesheet shows only on
    narrow screens, where the header row is hidden. Returns how many tables were marked. (The
    nodes are docutils nodes, handled through their own methods.)
    """
    marked = 0
    for table in doctree.findall(lambda node: getattr(node, "tagname", None) == "table"):
        groups = _children(table, "tgroup")
        if not groups or "dl-cards" in table["classes"] or int(groups[0].get("cols", 0)) < CARD_MIN_COLUMNS:
            continue
        heads, bodies = _children(groups[0], "thead"), _children(groups[0], "tbody")
        header_rows = _children(heads[0], "row") if heads else []
        if not header_rows or not bodies:
            continue
        headers = header_rows[-1].children
        for row in _children(bodies[0], "row"):
            for header, entry in zip(headers, row.children, strict=False):
                entry["classes"].append(f"dl-col-{_slug(header.astext())}")
                label = header.children[0].deepcopy() if header.children else None
                if label is not None and label.tagname == "paragraph":
                    label["classes"].append("dl-cell-label")
                    entry.insert(0, label)
        table["classes"].append("dl-cards")
        marked += 1
    return marked


def _on_doctree_resolved(app: Sphinx, doctree: Any, docname: str) -> None:
    card_tables(doctree)


def _add_template_overrides(app: Sphinx, config: Any) -> None:
    # Jupyter Book passes no conf.py folder, so a relative templates_path would not resolve.
    config.templates_path = [str(Path(app.srcdir) / "_templates"), *config.templates_path]


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", _add_template_overrides)
    app.connect("config-inited", _configure_theme)
    app.connect("doctree-resolved", _on_doctree_resolved)
    app.connect("builder-inited", _on_builder_inited)
    # Before sphinx-book-theme builds its download menu (priority 501).
    app.connect("html-page-context", _on_page_context, priority=400)
    # After pydata-sphinx-theme has put its sidebar generator into the page context.
    app.connect("html-page-context", accessible_sidebar, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
