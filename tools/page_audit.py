"""Measure the built book as a reader on a phone and a slow link meets it, against its budgets.

Two measures, both against ``[tool.digital-labor.budget]`` in pyproject.toml (the one place the
budgets live):

- **Transfer size** (:func:`first_visit`): what a first visit with an empty cache downloads,
  gzip-compressed as every common host serves it, before the reader does anything: the page,
  its stylesheets, scripts, preloads, the fonts its stylesheets use, and the images that load
  at once (lazy images and the charts' interactive view are not fetched on arrival). Pure
  Python, fast: every page.
- **Lighthouse** (:func:`lighthouse`): Lighthouse 12, mobile profile with its default
  (simulated) throttling, on pages served gzip-compressed from a local server
  (:func:`serve`), in Debian's Chromium. Lighthouse comes from npm
  (``tools/audit``, ``npm ci --prefix tools/audit``). Its timings are simulated from a trace and
  move with the machine's load, so a page is judged as Lighthouse CI judges it, on the median of
  several runs (:func:`measure_page`): one run, and if that run misses a timing budget,
  ``lighthouse_runs - 1`` more.

Usage: ``python -m tools.page_audit [--lighthouse] [page.html ...]`` (pages relative to
``_build/html``; default every page, for sizes and for Lighthouse). Prints one
line per page and each budget a page breaks, naming the page and the asset; exits 1 if any.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from tools.build_book import project_settings

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
AUDIT_TOOLS = ROOT / "tools" / "audit"
LIGHTHOUSE_CLI = AUDIT_TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".txt", ".map", ".xml", ".geojson", ".ipynb", ".md"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def budget(root: Path = ROOT) -> dict[str, int]:
    """The budgets, from ``[tool.digital-labor.budget]`` in pyproject.toml."""
    return project_settings(root)["budget"]


# ---- Transfer size ---------------------------------------------------------------------------


@dataclass
class FirstVisit:
    """What a first visit of one page downloads before the reader acts: gzip bytes by asset."""

    page: str
    assets: dict[str, int] = field(default_factory=dict)  # site path -> gzip bytes
    charts: int = 0

    @property
    def total(self) -> int:
        return sum(self.assets.values())

    def largest(self, count: int = 3) -> list[tuple[str, int]]:
        return sorted(self.assets.items(), key=lambda item: -item[1])[:count]


@functools.cache
def gzip_size(path: Path) -> int:
    """Bytes ``path`` takes on the wire: gzip-compressed if text, as is otherwise."""
    data = path.read_bytes()
    return len(gzip.compress(data, 6)) if path.suffix in COMPRESSIBLE else len(data)


_TAGS = re.compile(r"<(script|link|img|source)\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r'([a-zA-Z:-]+)\s*=\s*"([^"]*)"')
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
_FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}")


def _local(site: Path, base: Path, url: str) -> Path | None:
    parsed = urlparse(url)
    if parsed.scheme or url.startswith(("//", "data:", "#")) or not parsed.path:
        return None
    path = (base / unquote(parsed.path)).resolve()
    return path if path.is_file() and site.resolve() in path.parents else None


@functools.cache
def _css_assets(css: Path, site: Path) -> tuple[tuple[Path, str], ...]:
    """The files a stylesheet loads: its @imports, and the first font of each @font-face whose
    family the site uses (a browser fetches a font only for text that uses it; the theme's
    icon fonts are used by every page's header)."""
    text = css.read_text(encoding="utf-8", errors="replace")
    found: list[tuple[Path, str]] = []
    for match in re.finditer(r"@import\s+(?:url\()?['\"]?([^'\");]+)", text):
        target = _local(site, css.parent, match.group(1))
        if target:
            found.append((target, "import"))
            found.extend(_css_assets(target, site))
    for face in _FONT_FACE.findall(text):
        urls = _CSS_URL.findall(face)
        target = _local(site, css.parent, urls[0]) if urls else None
        if target and "fa-brands" not in target.name:  # the book shows no brand icon
            found.append((target, "font"))
    return tuple(found)


def first_visit(site: Path, page: str) -> FirstVisit:
    """The gzip bytes of one page's first visit (see the module's docstring)."""
    path = site / page
    text = path.read_text(encoding="utf-8")
    visit = FirstVisit(page=page, charts=text.count('class="dl-figure"'))
    visit.assets[page] = gzip_size(path)
    seen_images = 0
    for tag, attributes in _TAGS.findall(text):
        attrs = dict(_ATTR.findall(attributes))
        tag = tag.lower()
        url = None
        if tag == "script":
            url = attrs.get("src")
        elif tag == "link":
            rel = set(attrs.get("rel", "").split())
            if rel & {"stylesheet", "preload", "modulepreload"}:
                url = attrs.get("href")
        elif tag == "img":
            if attrs.get("loading") == "lazy":
                continue
            url = attrs.get("src")
            seen_images += 1
        elif tag == "source":
            continue  # a picture's phone variant: the desktop's <img> is counted instead
        target = _local(site, path.parent, url) if url else None
        if target is None:
            continue
        name = target.relative_to(site.resolve()).as_posix()
        visit.assets[name] = gzip_size(target)
        if target.suffix == ".css":
            for asset, _kind in _css_assets(target, site.resolve()):
                visit.assets[asset.relative_to(site.resolve()).as_posix()] = gzip_size(asset)
    return visit


def size_problems(visits: list[FirstVisit], limits: dict[str, int]) -> list[str]:
    """Pages over their transfer budget, each naming its largest assets."""
    problems = []
    for visit in visits:
        limit = limits["page_with_charts_kb" if visit.charts else "page_without_charts_kb"] * 1024
        if visit.total > limit:
            heaviest = ", ".join(f"{name} {size / 1024:.0f} KB" for name, size in visit.largest())
            kind = "with charts" if visit.charts else "without charts"
            problems.append(
                f"{visit.page}: {visit.total / 1024:.0f} KB transferred > {limit // 1024} KB (a page {kind}); largest: {heaviest}"
            )
    return problems


# ---- Lighthouse ------------------------------------------------------------------------------


class _PlainHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, as they are on disk, without a log line per request."""

    def log_message(self, *args: object) -> None:
        pass


class _GzipHandler(_PlainHandler):
    """Static files, gzip-compressed when the client accepts it (as GitHub Pages serves them)."""

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlparse(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the folder's slash
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not accepts or path.suffix not in COMPRESSIBLE:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # type: ignore[override]
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):  # Lighthouse hangs up at will
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, compress: bool = True) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port), gzip-compressed unless told not to; yield the base URL."""
    handler = functools.partial(_GzipHandler if compress else _PlainHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# How the tools and the site checks launch Debian's Chromium with Playwright (never a downloaded build).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    "--disable-dev-shm-usage",  # a container's /dev/shm is small (64 MB in Docker)
]


def chromium() -> str:
    """Debian's Chromium (``CHROME_PATH`` if set)."""
    path = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise FileNotFoundError("Chromium not found: install Debian's chromium (make browser) or set CHROME_PATH")
    return path


def lighthouse_available() -> bool:
    return LIGHTHOUSE_CLI.is_file() and shutil.which("node") is not None


def lighthouse(url: str) -> dict:
    """One Lighthouse run (mobile, default throttling) of ``url``; the JSON report (lhr)."""
    if not lighthouse_available():
        raise FileNotFoundError(f"Lighthouse is not installed: run `npm ci --prefix {AUDIT_TOOLS.relative_to(ROOT)}` (make audit-tools)")
    with tempfile.TemporaryDirectory(prefix="dl-lighthouse-") as folder:
        report = Path(folder) / "report.json"
        flags = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking"
        command = [
            "node",
            str(LIGHTHOUSE_CLI),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags} --user-data-dir={folder}/profile",
            "--max-wait-for-load=60000",
        ]
        env = {**os.environ, "CHROME_PATH": chromium()}
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
        if result.returncode != 0 or not report.exists():
            raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        return json.loads(report.read_text(encoding="utf-8"))


@dataclass
class LighthouseResult:
    page: str
    scores: dict[str, int]
    lcp_ms: float
    tbt_ms: float
    fcp_ms: float
    transfer_kb: float
    lcp_element: str = ""
    failed_audits: dict[str, list[str]] = field(default_factory=dict)  # category -> failing audits
    runs: int = 1  # how many runs the timings are the median of


def summarize(page: str, report: dict) -> LighthouseResult:
    audits = report["audits"]
    scores = {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    failed: dict[str, list[str]] = {}
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = audits.get(ref["id"], {})
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 0.9:
                failed.setdefault(name, []).append(f"{ref['id']}: {audit.get('displayValue', audit.get('title', ''))}")
    element = audits.get("largest-contentful-paint-element", {}).get("details", {})
    items = element.get("items", [])
    lcp_element = ""
    if items:
        first = items[0].get("items", [items[0]])[0] if isinstance(items[0], dict) else {}
        lcp_element = (first.get("node") or {}).get("snippet", "")[:120]
    return LighthouseResult(
        page=page,
        scores=scores,
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        fcp_ms=audits["first-contentful-paint"]["numericValue"],
        transfer_kb=audits.get("total-byte-weight", {}).get("numericValue", 0) / 1024,
        lcp_element=lcp_element,
        failed_audits=failed,
    )


def lighthouse_problems(results: list[LighthouseResult], limits: dict[str, int]) -> list[str]:
    """Pages under a Lighthouse budget, naming the page, the measure and what Lighthouse faults."""
    problems = []
    for r in results:
        for name in CATEGORIES:
            least = limits[f"lighthouse_{name.replace('-', '_')}"]
            if r.scores[name] < least:
                why = "; ".join(r.failed_audits.get(name, [])[:4])
                problems.append(f"{r.page}: Lighthouse {name} {r.scores[name]} < {least} ({why})")
        if r.lcp_ms > limits["largest_contentful_paint_ms"]:
            problems.append(
                f"{r.page}: largest contentful paint {r.lcp_ms:.0f} ms > {limits['largest_contentful_paint_ms']} ms "
                f"(element: {r.lcp_element or 'unknown'})"
            )
        if r.tbt_ms > limits["total_blocking_time_ms"]:
            problems.append(
                f"{r.page}: total blocking time {r.tbt_ms:.0f} ms > {limits['total_blocking_time_ms']} ms "
                f"({'; '.join(r.failed_audits.get('performance', [])[:3])})"
            )
    return problems


def misses_a_timing_budget(result: LighthouseResult, limits: dict[str, int]) -> bool:
    """Whether a run misses a budget that Lighthouse simulates from its trace: the performance
    score, the largest contentful paint or the total blocking time."""
    return (
        result.scores["performance"] < limits["lighthouse_performance"]
        or result.lcp_ms > limits["largest_contentful_paint_ms"]
        or result.tbt_ms > limits["total_blocking_time_ms"]
    )


def median_result(runs: list[LighthouseResult]) -> LighthouseResult:
    """Several runs of one page as one result, as Lighthouse CI aggregates them: the median of each
    timing (performance score, largest contentful paint, total blocking time, first contentful
    paint), each taken on its own; accessibility, best practices and SEO, and their failing
    audits, from the first run (they do not depend on timing); the performance diagnosis and the
    largest contentful paint's element from the run with the median performance score."""
    first = runs[0]
    middle = sorted(runs, key=lambda run: run.scores["performance"])[(len(runs) - 1) // 2]
    scores = {**first.scores, "performance": round(statistics.median(run.scores["performance"] for run in runs))}
    failed = {name: audits for name, audits in first.failed_audits.items() if name != "performance"}
    if "performance" in middle.failed_audits:
        failed["performance"] = middle.failed_audits["performance"]
    return LighthouseResult(
        page=first.page,
        scores=scores,
        lcp_ms=statistics.median(run.lcp_ms for run in runs),
        tbt_ms=statistics.median(run.tbt_ms for run in runs),
        fcp_ms=statistics.median(run.fcp_ms for run in runs),
        transfer_kb=first.transfer_kb,
        lcp_element=middle.lcp_element,
        failed_audits=failed,
        runs=len(runs),
    )


def measure_page(page: str, run: Callable[[str], LighthouseResult], limits: dict[str, int]) -> LighthouseResult:
    """One page's Lighthouse result: one run (``run(page)``), and if it misses a timing budget,
    ``lighthouse_runs - 1`` more (``[tool.digital-labor.budget]``), judged on their median
    (:func:`median_result`). A page that meets its budgets costs one run; Lighthouse CI runs every
    page three times, which would triple the ten minutes that the site's 38 pages take."""
    first = run(page)
    runs = int(limits.get("lighthouse_runs", 1))
    if runs <= 1 or not misses_a_timing_budget(first, limits):
        return first
    return median_result([first, *(run(page) for _ in range(runs - 1))])


def run_lighthouse(site: Path, pages: list[str], limits: dict[str, int] | None = None) -> list[LighthouseResult]:
    """Every page of ``pages``, measured by :func:`measure_page` on ``site`` served gzip-compressed."""
    limits = budget() if limits is None else limits
    with serve(site) as base_url:
        return [measure_page(page, lambda name: summarize(name, lighthouse(base_url + name)), limits) for page in pages]


def html_pages(site: Path) -> list[str]:
    skipped = {"_static", "_sources", "_downloads", "_data", "_images"}
    return [
        p.relative_to(site).as_posix()
        for p in sorted(site.rglob("*.html"))
        if p.relative_to(site).parts[0] not in skipped and not p.relative_to(site).parts[0].startswith(".")
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", help="pages relative to the site (default: every page)")
    parser.add_argument("--site", type=Path, default=SITE)
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse (slow: about 20 s a page)")
    parser.add_argument("--json", type=Path, help="write the measures to this file")
    args = parser.parse_args(argv)
    limits = budget()
    pages = args.pages or html_pages(args.site)
    visits = [first_visit(args.site, page) for page in pages]
    for visit in visits:
        print(f"{visit.page}: {visit.total / 1024:.0f} KB first visit (gzip), {visit.charts} chart(s)")
    problems = size_problems(visits, limits)
    measures: dict = {"sizes": {v.page: {"total_bytes": v.total, "charts": v.charts, "assets": v.assets} for v in visits}}
    if args.lighthouse:
        results = run_lighthouse(args.site, pages, limits)
        for r in results:
            runs = f" (timings: median of {r.runs} runs)" if r.runs > 1 else ""
            print(
                f"{r.page}: performance {r.scores['performance']}, accessibility {r.scores['accessibility']}, "
                f"best practices {r.scores['best-practices']}, SEO {r.scores['seo']}; FCP {r.fcp_ms / 1000:.1f} s, "
                f"LCP {r.lcp_ms / 1000:.1f} s, TBT {r.tbt_ms:.0f} ms, {r.transfer_kb:.0f} KB{runs}"
            )
        problems += lighthouse_problems(results, limits)
        measures["lighthouse"] = [r.__dict__ for r in results]
    if args.json:
        args.json.write_text(json.dumps(measures, indent=2), encoding="utf-8")
    for problem in problems:
        print("OVER BUDGET:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
