"""Checks of a built site, shared by the site tests and by the tests that prove they catch breakage.

Each check is a plain function over a served folder of HTML, so it can be run on the book and on
a deliberately broken page alike: requests to other hosts, console errors, charts that did not
render, accessibility violations (axe-core, as bundled by axe-playwright-python), bytes
transferred, and broken internal links.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
# How pytest-playwright launches its browser: Debian's Chromium, never a downloaded build.
LAUNCH_ARGS = {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}
SHARED_PREFIXES = ("/_static/", "/_data/")  # site-wide assets: a reader downloads them once
SKIPPED_FOLDERS = {"_static", "_sources", "_downloads", "_data", "_images"}
BLOCKING_IMPACTS = {"serious", "critical"}
# axe-core's CSS preload (used by one rule, css-orientation-lock) resolves a stylesheet's relative
# @import against the page, not the stylesheet, and fetches a file that does not exist (a 404 in
# the console): it is switched off.
AXE_OPTIONS = {"resultTypes": ["violations"], "preload": False}
CHART_TIMEOUT_MS = 20_000


def budget() -> dict[str, int]:
    """The page-weight budget, kept in one place: ``[tool.digital-labor.budget]`` in pyproject.toml."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return config["tool"]["digital-labor"]["budget"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port); yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def html_pages(site: Path) -> list[str]:
    """Every page of the site, as paths relative to its root."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site)
        if relative.parts[0] not in SKIPPED_FOLDERS and not relative.parts[0].startswith("."):
            pages.append(relative.as_posix())
    return pages


@dataclass
class PageReport:
    """What one visit of one page showed."""

    page: str
    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    charts: int = 0
    empty_charts: int = 0
    violations: list[dict] = field(default_factory=list)
    page_bytes: int = 0
    shared_bytes: dict[str, int] = field(default_factory=dict)

    @property
    def blocking_violations(self) -> list[dict]:
        return [v for v in self.violations if v["impact"] in BLOCKING_IMPACTS]


def audit_page(browser, base_url: str, page_path: str, *, axe: bool = True, screenshot: Path | None = None,
               chart_timeout_ms: int = CHART_TIMEOUT_MS) -> PageReport:
    """Open one page in a fresh context (empty cache) and record everything the checks need."""
    report = PageReport(page=page_path)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    host = urlparse(base_url).netloc

    def route(route_request):
        if urlparse(route_request.request.url).netloc in (host, ""):
            route_request.continue_()
        else:
            report.external_requests.append(route_request.request.url)
            route_request.abort()

    finished = []
    page.route("**/*", route)
    page.on("console", lambda message: message.type == "error" and report.console_errors.append(message.text))
    page.on("pageerror", lambda error: report.console_errors.append(str(error)))
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(urljoin(base_url, page_path), wait_until="load")
    report.charts = page.locator(".dl-chart").count()
    if report.charts:
        with contextlib.suppress(Exception):
            page.wait_for_function(
                "() => [...document.querySelectorAll('.dl-chart')].every(c => c.querySelector('svg, canvas'))",
                timeout=chart_timeout_ms,
            )
        report.empty_charts = page.evaluate(
            "() => [...document.querySelectorAll('.dl-chart')].filter(c => !c.querySelector('svg, canvas')).length"
        )
    page.wait_for_load_state("networkidle")
    for request in finished:
        path = urlparse(request.url).path
        size = max(request.sizes()["responseBodySize"], 0)
        if path.startswith(SHARED_PREFIXES):
            report.shared_bytes[path] = size
        else:
            report.page_bytes += size
    if screenshot is not None:
        first_chart = page.locator(".dl-chart").first
        if report.charts:
            first_chart.scroll_into_view_if_needed()
        page.screenshot(path=str(screenshot))
    if axe:
        report.violations = [
            {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": len(v["nodes"]),
             "targets": [" ".join(node["target"]) for node in v["nodes"][:5]]}
            for v in Axe().run(page, options=AXE_OPTIONS).response["violations"]
        ]
    context.close()
    return report


def weight_problems(reports: list[PageReport], limits: dict[str, int]) -> list[str]:
    """Pages over the per-page budget, and the whole site (pages + shared assets once) over its budget."""
    problems = [f"{r.page}: {r.page_bytes:,} bytes > {limits['page_max_bytes']:,}"
                for r in reports if r.page_bytes > limits["page_max_bytes"]]
    shared: dict[str, int] = {}
    for report in reports:
        shared.update(report.shared_bytes)
    total = sum(r.page_bytes for r in reports) + sum(shared.values())
    if total > limits["site_max_bytes"]:
        problems.append(f"whole site: {total:,} bytes > {limits['site_max_bytes']:,}")
    return problems


def broken_links(site: Path) -> list[str]:
    """Internal links, images and scripts whose target file or anchor does not exist."""
    ids_cache: dict[Path, set[str]] = {}

    def ids(path: Path) -> set[str]:
        if path not in ids_cache:
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            ids_cache[path] = {tag["id"] for tag in soup.find_all(id=True)} | {
                tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
        return ids_cache[path]

    problems = []
    for page in html_pages(site):
        source = site / page
        soup = BeautifulSoup(source.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (("a", "href"), ("img", "src"), ("script", "src"), ("link", "href")):
            for element in soup.find_all(tag, attrs={attribute: True}):
                target = element[attribute]
                parsed = urlparse(target)
                if parsed.scheme or target.startswith(("//", "mailto:", "javascript:")):
                    continue
                file = source if not parsed.path else (source.parent / unquote(parsed.path)).resolve()
                if file.is_dir():
                    file = file / "index.html"
                if not file.exists():
                    problems.append(f"{page}: {tag} {attribute}={target} -> missing file")
                elif parsed.fragment and file.suffix == ".html" and unquote(parsed.fragment) not in ids(file):
                    problems.append(f"{page}: {tag} {attribute}={target} -> missing anchor")
    return problems


def external_loads(site: Path) -> list[str]:
    """Scripts, stylesheets, fonts, images or frames that a page would fetch from another host."""
    problems = []
    for page in html_pages(site):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                               ("source", "src"), ("video", "src"), ("audio", "src")):
            for element in soup.find_all(tag, attrs={attribute: True}):
                if tag == "link" and not ({"stylesheet", "preload", "icon", "modulepreload", "prefetch"} & set(element.get("rel", []))):
                    continue
                if urlparse(element[attribute]).scheme in ("http", "https") or element[attribute].startswith("//"):
                    problems.append(f"{page}: <{tag} {attribute}={element[attribute]}>")
    for stylesheet in site.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8", errors="replace")
        for marker in ("@import url(http", "url(http", "url(//", "@import \"http", "@import 'http"):
            if marker in text:
                problems.append(f"{stylesheet.relative_to(site)}: {marker}")
    return problems


def chart_specs(site: Path) -> dict[str, list[dict]]:
    """The vega-lite specification of every chart, by page (read from the renderer's vegaEmbed calls)."""
    import json
    import re

    call = re.compile(r"vegaEmbed\('#[^']+',(\{.*?\}),options\)")
    specs = {}
    for page in html_pages(site):
        found = [json.loads(match.replace("<\\/", "</")) for match in call.findall((site / page).read_text(encoding="utf-8"))]
        if found:
            specs[page] = found
    return specs


REDUNDANT_CHANNELS = ("shape", "strokeDash", "x", "y", "text", "row", "column", "facet", "size")


def colour_only_encodings(spec: dict) -> list[str]:
    """Fields whose categories a chart shows by colour alone (no shape, position, label or facet).

    Layers are judged together: a line coloured by method passes if a point layer on top gives
    the method a shape. Maps (geoshape marks) are exempt: there the tooltip and the text carry
    the category.
    """

    import re

    def layer_group(node: dict, inherited: dict) -> tuple[set, set]:
        encoding = {**inherited, **node.get("encoding", {})}
        mark = node.get("mark", {})
        mark_type = mark.get("type") if isinstance(mark, dict) else mark
        candidates, redundant = set(), set()
        # Fields computed from another field (say, a one-letter label of a group) stand for it.
        derived = {t["as"]: t["calculate"] for t in node.get("transform", []) if "calculate" in t}
        if mark_type:
            colour = encoding.get("color", {})
            colour = colour.get("condition", colour) if isinstance(colour, dict) else {}
            if mark_type != "geoshape" and colour.get("type") == "nominal" and colour.get("field"):
                candidates.add((colour["field"], mark_type))
            for channel in REDUNDANT_CHANNELS:
                other = encoding.get(channel, {})
                if isinstance(other, dict) and other.get("field"):
                    redundant.add(other["field"])
                    redundant.update(f for f in re.findall(r"datum\.(\w+)", derived.get(other["field"], "")))
        for child in node.get("layer", []):
            child_candidates, child_redundant = layer_group(child, encoding)
            candidates |= child_candidates
            redundant |= child_redundant
        return candidates, redundant

    problems: list[str] = []

    def visit(node: dict) -> None:
        if "layer" in node or "mark" in node:
            candidates, redundant = layer_group(node, {})
            problems.extend(f"{field} ({mark})" for field, mark in sorted(candidates) if field not in redundant)
        for key in ("hconcat", "vconcat", "concat"):
            for child in node.get(key, []):
                visit(child)
        if "spec" in node:
            visit(node["spec"])

    visit(spec)
    return problems
