"""Print the built book to one PDF, ``_build/pdf/book.pdf`` (``make pdf``).

Every page of the table of contents, in its order, is opened from ``_build/html`` in the same
headless Chromium as the site checks (Debian's ``/usr/bin/chromium``, driven by Playwright),
printed with the book's print stylesheet (the ``@media print`` part of ``_static/book.css``: no
navigation, charts as their SVGs, each external link followed by its URL), and the pages are
merged with pypdf, each page a bookmark named after its title.

Before a page is printed, its charts must be drawn: every vega chart (``.dl-chart``) holds its
SVG, and every chart rendered at build time (``figure.dl-figure`` with an ``<img>``) has
loaded its image. A page whose charts are still blank after the timeout stops the print with
the page named.

Usage: python -m tools.print_book [--site _build/html] [--output _build/pdf/book.pdf]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tools import page_audit

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
OUTPUT = ROOT / "_build" / "pdf" / "book.pdf"
CHROMIUM = "/usr/bin/chromium"
CHART_TIMEOUT_MS = 30_000
PDF_OPTIONS = {
    "format": "A4",
    "print_background": True,
    "prefer_css_page_size": True,
    "margin": {"top": "16mm", "bottom": "16mm", "left": "15mm", "right": "15mm"},
}

# The page's charts, in the two forms the book has used: a vega chart drawn in the page
# (``.dl-chart``, which holds an SVG once drawn) and a chart rendered to SVG at build time
# (``figure.dl-figure`` with a ``<picture><img>``). A vega view inside such a figure is the
# optional interactive one: the figure's image is what prints, so only vega charts outside a
# figure must be drawn.
CHARTS_JS = """
  const vegaCharts = () => [...document.querySelectorAll('.dl-chart')].filter(c => !c.closest('.dl-figure'));
  const figureImages = () => [...document.querySelectorAll('.dl-figure img')];
  const drawn = chart => {
    const svg = chart.querySelector('svg');
    return !!((svg && svg.childElementCount > 0) || chart.querySelector('canvas'));
  };
  const loaded = img => img.complete && img.naturalWidth > 0;
"""
# True when every chart is drawn. Lazy images are made eager, and a chart not drawn yet is
# scrolled into view (a chart may be drawn only when the reader reaches it).
CHARTS_DRAWN = (
    "() => {"
    + CHARTS_JS
    + """
  const images = figureImages();
  images.forEach(img => { if (img.loading === 'lazy') img.loading = 'eager'; });
  const waiting = vegaCharts().filter(c => !drawn(c));
  if (waiting.length) waiting[0].scrollIntoView({block: 'center'});
  return waiting.length === 0 && images.every(loaded);
}"""
)
BLANK_CHARTS = (
    "() => {"
    + CHARTS_JS
    + """
  return vegaCharts().filter(c => !drawn(c)).length + figureImages().filter(img => !loaded(img)).length;
}"""
)
# What was printed, chart by chart: its kind, whether it is drawn (an SVG with content and a size,
# or a loaded image) and the title its SVG shows (vega's and vl-convert's title group).
CHART_REPORT = (
    "async () => {"
    + CHARTS_JS
    + """
  // The first line of the chart's title (vega draws a long title as several lines, then the subtitle).
  const titleOf = svg => {
    const text = svg.querySelector('.role-title-text text, .role-title text');
    if (!text) return '';
    const line = text.querySelector('tspan') || text;
    return line.textContent.trim();
  };
  const charts = [];
  for (const chart of vegaCharts()) {
    const svg = chart.querySelector('svg');
    const box = (svg || chart).getBoundingClientRect();
    charts.push({kind: 'vega', drawn: drawn(chart) && box.width > 0 && box.height > 0, title: svg ? titleOf(svg) : ''});
  }
  for (const img of figureImages()) {
    let title = '';
    try {
      const text = await (await fetch(img.currentSrc || img.src)).text();
      title = titleOf(new DOMParser().parseFromString(text, 'image/svg+xml'));
    } catch (error) { title = ''; }
    charts.push({kind: 'image', drawn: loaded(img), title});
  }
  return charts;
}"""
)
# Links whose text already is their URL (the bibliography's) do not get it printed twice.
MARK_SELF_URLS = """() => {
  for (const a of document.querySelectorAll('a.reference.external[href^="http"]')) {
    if (a.textContent.trim().replace(/\\/$/, '') === a.href.replace(/\\/$/, '')) a.classList.add('dl-url-shown');
  }
}"""
# The data-sources appendix folds each dataset's columns away; paper has no click, so they print unfolded.
UNFOLD_COLUMNS = "() => { for (const d of document.querySelectorAll('details.dl-columns')) d.open = true; }"


@dataclass(frozen=True)
class PrintedPage:
    docname: str
    title: str
    path: Path
    charts: tuple[dict, ...] = ()


class BlankChartError(RuntimeError):
    """A page's charts were not drawn in time."""


def toc_pages(root: Path = ROOT, site: Path = SITE) -> list[str]:
    """The book's pages in the order of ``_toc.yml`` (root first), as docnames with a built page."""
    from sphinx_external_toc.parsing import parse_toc_yaml

    docnames = list(parse_toc_yaml(root / "_toc.yml"))
    missing = [name for name in docnames if not (site / f"{name}.html").exists()]
    if missing:
        raise FileNotFoundError(f"pages of _toc.yml missing from {site}: {', '.join(missing)}; build the book first (make book)")
    return docnames


def print_pages(docnames: list[str], site: Path, folder: Path) -> list[PrintedPage]:
    """Print each page to its own PDF in ``folder``, after its charts are drawn."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    printed = []
    with page_audit.serve(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=page_audit.CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": 1000, "height": 1400})
            page = context.new_page()
            for number, docname in enumerate(docnames, start=1):
                page.goto(base_url + f"{docname}.html", wait_until="load")
                try:
                    page.wait_for_function(CHARTS_DRAWN, timeout=CHART_TIMEOUT_MS, polling=250)
                except PlaywrightTimeout as error:
                    blank = page.evaluate(BLANK_CHARTS)
                    raise BlankChartError(f"{docname}.html: {blank} chart(s) still blank after {CHART_TIMEOUT_MS // 1000} s") from error
                page.wait_for_load_state("networkidle")
                charts = tuple(page.evaluate(CHART_REPORT))
                page.evaluate(MARK_SELF_URLS)
                page.evaluate(UNFOLD_COLUMNS)
                page.evaluate("() => window.scrollTo(0, 0)")
                page.emulate_media(media="print")
                title = page.evaluate("() => (document.querySelector('main h1, article h1') || {}).textContent || ''")
                title = title.replace("#", "").strip() or page.title()
                path = folder / f"{number:03d}.pdf"
                page.pdf(path=str(path), **PDF_OPTIONS)
                page.emulate_media(media="screen")
                printed.append(PrintedPage(docname, title, path, charts))
                print(f"print_book: {docname} ({title})", flush=True)
        finally:
            browser.close()
    return printed


def merge(printed: list[PrintedPage], output: Path, title: str) -> int:
    """Merge the printed pages into ``output``, one bookmark per page; return the number of PDF pages.

    Next to it, ``book.json`` lists each page of the book: its first PDF page (from 1), its
    number of PDF pages and its charts as measured before printing (used by tests/site/test_pdf.py).
    """
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    contents = []
    for page in printed:
        first = len(writer.pages) + 1
        writer.append(str(page.path), outline_item=page.title)
        contents.append(
            {
                "docname": page.docname,
                "title": page.title,
                "first_page": first,
                "pages": len(PdfReader(str(page.path)).pages),
                "charts": list(page.charts),
            }
        )
    writer.add_metadata({"/Title": title, "/Creator": "tools/print_book.py (Chromium, pypdf)"})
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as handle:
        writer.write(handle)
    output.with_suffix(".json").write_text(json.dumps(contents, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(writer.pages)


def book_title(root: Path = ROOT) -> str:
    import yaml

    return str(yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")).get("title", "The book"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=SITE)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    try:
        docnames = toc_pages(ROOT, args.site)
        with tempfile.TemporaryDirectory(prefix="print-book-") as folder:
            printed = print_pages(docnames, args.site, Path(folder))
            pages = merge(printed, args.output, book_title())
    except (FileNotFoundError, BlankChartError) as error:
        print(f"print_book: {error}", file=sys.stderr)
        return 1
    print(f"print_book: {len(printed)} pages of the book, {pages} PDF pages, written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
