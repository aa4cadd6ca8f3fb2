"""Sphinx extension of the book: offline charts, chart data, notebook downloads, light pages.

- Charts come from the notebooks as their specifications; this extension draws each one as it
  writes the page (see :mod:`book.figures`): SVG pictures and the specification as files of
  their own under ``_images/dl-charts/`` (pictures below the first load lazily), and it adds
  the small ``dl-charts.js`` to pages with charts. It writes one vega + vega-lite + vega-embed bundle
  (versions matching altair) into the site, which that script loads only when a reader
  reaches for an interactive chart.
- Gives every page a ``<meta name="description">``: its front matter's ``description`` or its
  first paragraph.
- Lightens every page once written (:func:`lighten_page`): the search scripts only on the
  search page (its index only for a query), Font Awesome as fonts cut to the icons used, not
  as a script (see :mod:`book.icons`), and the themes' stylesheets without the rules
  no page can match (see :mod:`book.unused_css`), each page's stylesheets and blocking scripts
  joined into one file each (see :mod:`book.bundles`); the theme's two scripts without work that blocks a phone (see
  :mod:`book.theme_scripts`).
- Copies the shared chart data (the world map) to ``_data/`` in the site.
- Writes every notebook page's ``.ipynb`` (converted from its MyST source, without outputs)
  next to the page sources, and offers it in the page's download menu.
- Turns the repository, issues, edit and Binder buttons on when ``repository.url`` is set in
  ``_config.yml``, and off while it is empty (see :func:`publishing_options`).
- Keeps pydata-sphinx-theme's own navbar out of sphinx-book-theme's pages, so that the menu
  buttons a reader sees are the ones the themes' scripts wire (see :func:`theme_without_navbar`).
- Marks wide tables so that a phone shows each row as a card, every cell under its column's
  name (see :func:`card_tables`).
- Registers pybtex's plain-text backend once (see :func:`register_plaintext_backend`), which
  sphinxcontrib-bibtex would otherwise look up among every installed package for each citation.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
from pathlib import Path
from typing import Any

import altair as alt
import jupytext
from sphinx.application import Sphinx
from sphinx.util import logging

from digital_labor.charts import CHART_DATA_DIR, FIT_SCRIPT_DIGEST, SHARED_CHART_DATA, vega_javascript
from digital_labor.data import dataset

from .bundles import BUNDLE_PREFIX, bundle_pages
from .figures import CHART_MARKER, PictureStore, draw_figures
from .theme_scripts import patch_theme_scripts

logger = logging.getLogger(__name__)
CHARTS_SCRIPT = "dl-charts.js"
CHARTS_CSS = "dl-charts.css"
DESCRIPTION_CHARS = 155  # a search engine shows about this many characters of a description
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


def charts_script() -> str:
    """``dl-charts.js`` as the site serves it: it names the vega bundle beside it."""
    text = (Path(__file__).with_name(CHARTS_SCRIPT)).read_text(encoding="utf-8")
    return text.replace("__DL_VEGA_BUNDLE__", vega_bundle_name())


def charts_script_name() -> str:
    """The script's file name carries its digest, so that a reader never runs a stale copy."""
    return f"dl-charts-{hashlib.sha256(charts_script().encode()).hexdigest()[:8]}.js"


def write_charts_script(static_dir: Path) -> None:
    static_dir.mkdir(parents=True, exist_ok=True)
    (static_dir / charts_script_name()).write_text(charts_script(), encoding="utf-8")
    shutil.copyfile(Path(__file__).with_name(CHARTS_CSS), static_dir / CHARTS_CSS)


def picture_store(outdir: Path) -> Path:
    """Where the chart pictures are kept between builds: the build wrapper's store
    (``DIGITAL_LABOR_PICTURES``, shared by the book and its students' edition), else beside the site."""
    return Path(os.environ.get("DIGITAL_LABOR_PICTURES") or outdir.parent / ".dl-pictures")


def page_description(text: str, front_matter: str | None = None, limit: int = DESCRIPTION_CHARS) -> str:
    """A page's description for search engines: its front matter's, or its first paragraph, cut
    at a word before ``limit`` characters (with an ellipsis)."""
    text = " ".join((front_matter or text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _first_paragraph(doctree: Any) -> str:
    from docutils import nodes

    for paragraph in doctree.findall(nodes.paragraph):
        # Text of the page itself: not a chart's output, a code cell, a table, an admonition's title.
        if any(
            isinstance(a, (nodes.table, nodes.admonition, nodes.footnote, nodes.citation, nodes.sidebar))
            or "cell_output" in a.get("classes", [])
            for a in _ancestors(paragraph)
        ):
            continue
        text = paragraph.astext().strip()
        if len(text) > 40:
            return text
    return ""


def _ancestors(node: Any) -> list[Any]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


def _meta_description(app: Sphinx, pagename: str, context: dict[str, Any], doctree: Any) -> None:
    metadata = app.env.metadata.get(pagename, {}) if pagename in app.env.all_docs else {}
    front = metadata.get("description")
    text = page_description(_first_paragraph(doctree) if doctree is not None else "", str(front) if front else None)
    if not text:
        text = page_description(f"{context.get('title', '')}: {app.config.project}")
    tag = f'<meta name="description" content="{html.escape(text, quote=True)}" />\n'
    context["metatags"] = context.get("metatags", "") + tag


_SEARCH_SCRIPTS = re.compile(
    r'\s*<script[^>]*src="(?:[^"]*/)?(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)[^"]*"[^>]*></script>'
)


_INDEX_SCRIPT = re.compile(r'<script[^>]*src="searchindex\.js[^"]*"[^>]*></script>')
# The search page fetches its index only to answer a query (searchtools waits for it).
_LAZY_INDEX = (
    '<script>if (new URLSearchParams(location.search).get("q")) { var dlIndex = document.createElement("script"); '
    'dlIndex.src = "searchindex.js"; document.head.appendChild(dlIndex); }</script>'
)
KEPT_STYLESHEETS = (CHARTS_CSS, "book.css")  # the book's own: every rule is meant


def lighten_page(page: str, is_search_page: bool) -> str:
    """A written page without what it never uses: the search scripts (but on the search page,
    which fetches its index only for a query) and the Font Awesome script (the icon fonts draw
    the icons)."""
    from .icons import drop_icon_script

    if not is_search_page:
        page = _SEARCH_SCRIPTS.sub("", page)
    else:
        page = _INDEX_SCRIPT.sub(_LAZY_INDEX, page)
    return drop_icon_script(page)


def _on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from .icons import lighten_icons

    site = Path(app.outdir)
    pages = [p for p in site.rglob("*.html") if not p.relative_to(site).parts[0].startswith(("_", "."))]
    for path in pages:
        text = path.read_text(encoding="utf-8")
        lighter = lighten_page(text, path.relative_to(site).as_posix() == "search.html")
        if lighter != text:
            path.write_text(lighter, encoding="utf-8")
    summary = lighten_icons(site, pages)
    trimmed = trim_stylesheets(site, pages)
    patch_theme_scripts(site)
    joined = bundle_pages(site, pages)
    logger.info(
        f"light pages: {len(pages)} pages; icons {', '.join(summary['icons'])}; {summary['glyphs']} glyphs kept; "
        f"stylesheets {trimmed[0] // 1024} KB -> {trimmed[1] // 1024} KB; joined files: {joined['css']} stylesheet(s), {joined['js']} script(s)"
    )


def trim_stylesheets(site: Path, pages: list[Path]) -> tuple[int, int]:
    """Drop the rules no page can match from the themes' stylesheets (see :mod:`book.unused_css`);
    returns the bytes before and after."""
    from .unused_css import class_names, script_words, trim_css

    texts = [p.read_text(encoding="utf-8") for p in pages]
    inline = [m for text in texts for m in re.findall(r"<script[^>]*>(.*?)</script>", text, re.DOTALL)]
    scripts = [p.read_text(encoding="utf-8", errors="replace") for p in (site / "_static").rglob("*.js")]
    used = class_names(texts) | script_words(scripts + inline)
    before = after = 0
    for stylesheet in sorted((site / "_static").rglob("*.css")):
        if stylesheet.name in KEPT_STYLESHEETS or stylesheet.name.startswith(BUNDLE_PREFIX):
            continue
        css = stylesheet.read_text(encoding="utf-8")
        lighter = trim_css(css, used)
        before, after = before + len(css), after + len(lighter)
        if lighter != css:
            stylesheet.write_text(lighter, encoding="utf-8")
    return before, after


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
    static = Path(app.outdir) / "_static"
    write_vega_bundle(static)
    write_charts_script(static)
    data_dir = Path(app.outdir) / CHART_DATA_DIR
    data_dir.mkdir(parents=True, exist_ok=True)
    for name in SHARED_CHART_DATA:
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
        context["body"] = draw_figures(
            context["body"], Path(app.outdir), lambda path: context["pathto"](path, 1), PictureStore(picture_store(Path(app.outdir)))
        )
        app.add_js_file(charts_script_name(), loading_method="defer")
    _meta_description(app, pagename, context, doctree)
    if doctree is None or pagename not in app.env.all_docs:
        return
    if is_notebook(Path(app.env.doc2path(pagename))):
        context["ipynb_source"] = f"{pagename}.ipynb"


def _write_notebook_download(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """The page's notebook for the download menu, converted from its MyST source, without outputs.

    Runs after sphinx-book-theme's launch buttons (priority 501), which copy the executed
    notebook to the same place once the book has a repository address.
    """
    if doctree is None or pagename not in app.env.all_docs:
        return
    source = Path(app.env.doc2path(pagename))
    if is_notebook(source):
        target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        notebook = jupytext.read(source, fmt="md:myst" if source.suffix == ".md" else None)
        for number, cell in enumerate(notebook.cells):  # jupytext draws random ids: the same file on every build
            cell.id = f"cell-{number}"
        jupytext.write(notebook, target, fmt="ipynb")


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


BOOK_THEME_OPTIONS = {"use_download_button": True, "show_toc_level": 2}
NO_COLAB = "colab_url"  # Colab opens a repository's .ipynb files; the book's notebooks are MyST Markdown


def publishing_options(theme_options: dict[str, Any]) -> dict[str, Any]:
    """Theme options that follow the one publishing setting, ``repository.url`` in _config.yml.

    With an address, the pages link to the repository (its page, its issues, the page's source
    to edit) and notebook pages get a Binder button. Without one, no button points anywhere.
    Colab is left out either way: it opens only ``.ipynb`` files of a repository, and the book's
    notebooks are MyST Markdown.
    """
    published = bool(str(theme_options.get("repository_url", "")).strip())
    launch = {key: value for key, value in (theme_options.get("launch_buttons") or {}).items() if key != NO_COLAB}
    return {
        **BOOK_THEME_OPTIONS,
        **theme_options,
        "use_repository_button": published,
        "use_issues_button": published,
        "use_edit_page_button": published,
        "launch_buttons": launch if published else {},
    }


def _configure_theme(app: Sphinx, config: Any) -> None:
    config.html_theme_options = theme_without_navbar(publishing_options(dict(config.html_theme_options or {})))


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


def register_plaintext_backend() -> None:
    """Make pybtex find its plain-text backend without reading every package's entry points.

    sphinxcontrib-bibtex asks pybtex for that backend once per citation it resolves (410 in
    this book), and pybtex searches the entry points of all installed packages each time: 2 to
    3 s of every build. A plugin registered at run time is found first; it is the same class.
    """
    import pybtex.plugin
    from pybtex.backends.plaintext import Backend

    pybtex.plugin.register_plugin("pybtex.backends", "plaintext", Backend, force=True)


def setup(app: Sphinx) -> dict[str, Any]:
    register_plaintext_backend()
    app.connect("config-inited", _add_template_overrides)
    app.connect("config-inited", _configure_theme)
    app.connect("doctree-resolved", _on_doctree_resolved)
    app.connect("builder-inited", _on_builder_inited)
    # After the themes and extensions write their stylesheets (pydata-sphinx-theme rewrites pygments.css
    # when the build finishes): the pages are lightened and their files joined as they are served.
    app.connect("build-finished", _on_build_finished, priority=900)
    app.add_css_file(CHARTS_CSS)
    # Before sphinx-book-theme builds its download menu (priority 501).
    app.connect("html-page-context", _on_page_context, priority=400)
    app.connect("html-page-context", _write_notebook_download, priority=600)
    # After pydata-sphinx-theme has put its sidebar generator into the page context.
    app.connect("html-page-context", accessible_sidebar, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
