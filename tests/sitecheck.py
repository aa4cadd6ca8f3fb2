"""Checks of a built site, shared by the site tests and by the tests that prove they catch breakage.

Each check is a plain function over a served folder of HTML, so it can be run on the book and on
a deliberately broken page alike: requests to other hosts, console errors, charts whose picture did not
load, accessibility violations (axe-core, as bundled by axe-playwright-python), bytes
transferred, and broken internal links.

Pages are visited at two sizes (:data:`DEVICES`): a desktop window and a phone (390 x 844, touch).
Each visit also measures the layout: the page's width against the screen's, charts against
their container, the claims ledger's verdicts against the screen, every control's target size
and focus ring, and whether each chart's values can be read without hovering. The navigation
menu is checked by tapping it (:func:`menu_check`).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

from tools import page_audit

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = page_audit.CHROMIUM_ARGS
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
# The two sizes every page is checked at: pytest-playwright's new_context keyword arguments.
DEVICES = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2},
}
MIN_TARGET_PX = 24  # WCAG 2.5.8, target size (minimum)
# Controls a reader operates; links inside running text are exempt from the target size (WCAG 2.5.8).
CONTROLS = (
    "button, input:not([type=hidden]), select, textarea, summary, [role=button], a.btn, a.dropdown-item, "
    "nav a, .bd-toc-nav a, [tabindex]:not([tabindex='-1'])"
)
FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])"


def serve(directory: Path) -> contextlib.AbstractContextManager[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port), uncompressed; the base URL (tools/page_audit.py's server)."""
    return page_audit.serve(directory, compress=False)


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
    empty_charts: int = 0  # pictures that did not load (and no interactive view drawn instead)
    requested: list[str] = field(default_factory=list)  # every path the visit fetched from the site
    violations: list[dict] = field(default_factory=list)
    page_bytes: int = 0
    shared_bytes: dict[str, int] = field(default_factory=dict)
    device: str = "desktop"
    viewport_width: int = 0
    scroll_width: int = 0  # the document's width: more than the viewport means sideways scrolling
    overflowing_charts: list[str] = field(default_factory=list)  # wider than their container
    charts_without_values: list[str] = field(default_factory=list)  # values only on hover
    verdicts: int = 0  # cells of a "Verdict" column (the claims ledger)
    hidden_verdicts: list[str] = field(default_factory=list)  # ledger verdicts off the screen
    small_targets: list[str] = field(default_factory=list)
    no_focus_ring: list[str] = field(default_factory=list)

    @property
    def too_wide(self) -> bool:
        return self.scroll_width > self.viewport_width

    @property
    def blocking_violations(self) -> list[dict]:
        return [v for v in self.violations if v["impact"] in BLOCKING_IMPACTS]


# A chart is shown when its picture has loaded (an SVG with a size), or its interactive view is drawn.
_CHART_SHOWN = (
    "f => { const i = f.querySelector('img.dl-chart-image'); "
    "return !!(i && i.complete && i.naturalWidth > 0) || !!f.querySelector('.dl-chart svg, .dl-chart canvas'); }"
)


def audit_page(
    browser,
    base_url: str,
    page_path: str,
    *,
    axe: bool = True,
    screenshot: Path | None = None,
    chart_timeout_ms: int = CHART_TIMEOUT_MS,
    device: str = "desktop",
    screenshot_of: str = ".dl-figure",
) -> PageReport:
    """Open one page in a fresh context (empty cache) and record everything the checks need.

    ``device`` is a key of :data:`DEVICES`; a ``screenshot`` shows the first ``screenshot_of``.
    """
    report = PageReport(page=page_path, device=device, viewport_width=DEVICES[device]["viewport"]["width"])
    context = browser.new_context(**DEVICES[device])
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
    report.charts = page.locator(".dl-figure").count()
    if report.charts:
        # Pictures below the first load lazily: asked for at once here, as a reader scrolling would.
        page.evaluate("() => document.querySelectorAll('.dl-figure img.dl-chart-image').forEach(i => { i.loading = 'eager'; })")
        with contextlib.suppress(Exception):
            page.wait_for_function(f"() => [...document.querySelectorAll('.dl-figure')].every({_CHART_SHOWN})", timeout=chart_timeout_ms)
        report.empty_charts = page.evaluate(f"() => [...document.querySelectorAll('.dl-figure')].filter(f => !({_CHART_SHOWN})(f)).length")
    page.wait_for_load_state("networkidle")
    for request in finished:
        path = urlparse(request.url).path
        report.requested.append(path)
        size = max(request.sizes()["responseBodySize"], 0)
        if path.startswith(SHARED_PREFIXES):
            report.shared_bytes[path] = size
        else:
            report.page_bytes += size
    measure_layout(page, report)
    if screenshot is not None:
        if page.locator(screenshot_of).count():
            # The element at the top of the screen, below the page's sticky header.
            page.locator(screenshot_of).first.evaluate("e => { e.scrollIntoView({block: 'start'}); window.scrollBy(0, -72); }")
            page.wait_for_timeout(200)
        page.screenshot(path=str(screenshot))
    if axe:
        report.violations = [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": len(v["nodes"]),
                "targets": [" ".join(node["target"]) for node in v["nodes"][:5]],
            }
            for v in Axe().run(page, options=AXE_OPTIONS).response["violations"]
        ]
    context.close()
    return report


_LAYOUT_SCRIPT = """([controls, focusable, minTarget, screen]) => {
  const name = e => (e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).slice(0, 2).join('.') : '') +
    ' "' + (e.getAttribute('aria-label') || e.title || e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"');
  const shown = e => {
    const r = e.getBoundingClientRect(), cs = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && !e.closest('[inert], dialog:not([open])');
  };
  const out = {scroll_width: document.documentElement.scrollWidth, overflowing_charts: [], charts_without_values: [],
               verdicts: 0, hidden_verdicts: [], small_targets: [], no_focus_ring: []};
  // Charts: the picture (or the interactive view, once drawn) inside its container, and its values in a table in the figure.
  for (const chart of document.querySelectorAll('.dl-figure')) {
    const box = chart.parentElement, cs = getComputedStyle(box);
    const right = box.getBoundingClientRect().left + box.clientLeft + box.clientWidth - parseFloat(cs.paddingRight);
    const parts = [chart, ...chart.querySelectorAll('img.dl-chart-image, svg.marks, canvas, .vega-bindings')].filter(p => p.getBoundingClientRect().width > 0);
    const widest = Math.max(...parts.map(p => p.getBoundingClientRect().right), chart.getBoundingClientRect().left + chart.scrollWidth);
    if (widest > Math.min(right, screen) + 1) out.overflowing_charts.push(`${chart.id}: ${Math.round(widest)} px > ${Math.round(Math.min(right, screen))} px`);
    const rows = chart.querySelectorAll('details.dl-chart-data table tbody tr').length;
    if (!rows) out.charts_without_values.push(chart.id);
  }
  // The claims ledger (any table with a Verdict column): every verdict on the screen without scrolling.
  for (const table of document.querySelectorAll('table')) {
    const heads = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim().toLowerCase());
    const column = heads.indexOf('verdict');
    if (column < 0) continue;
    for (const row of table.querySelectorAll('tbody tr')) {
      const cell = row.children[column];
      if (!cell) continue;
      out.verdicts += 1;
      let scroll = 0;
      for (let a = cell.parentElement; a; a = a.parentElement) scroll += a.scrollLeft || 0;
      const r = cell.getBoundingClientRect();
      if (r.left + scroll < -1 || r.right + scroll > screen + 1 || r.width < 20)
        out.hidden_verdicts.push(`${cell.textContent.trim().slice(0, 30)} at ${Math.round(r.left + scroll)}-${Math.round(r.right + scroll)} px`);
    }
  }
  // Targets of controls (links inside running text are exempt).
  for (const e of document.querySelectorAll(controls)) {
    if (e.closest('dialog')) continue;  // the menus' panels are measured open, by menu_check
    if (!shown(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.width < minTarget - 0.5 || r.height < minTarget - 0.5) out.small_targets.push(`${name(e)} ${Math.round(r.width)}x${Math.round(r.height)}`);
  }
  // A focus ring on every control: an outline (the browser's own, or 2 px or more) or a box-shadow that appears with focus.
  const visible = c => !/rgba\\([^)]*,\\s*0\\)|transparent/.test(c);
  for (const e of document.querySelectorAll(focusable)) {
    if (!shown(e) || e.disabled) continue;
    const before = getComputedStyle(e).boxShadow;
    e.focus({preventScroll: true});
    if (document.activeElement !== e) continue;
    const cs = getComputedStyle(e);
    const outline = cs.outlineStyle === 'auto' || cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 && visible(cs.outlineColor);
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== before && visible(cs.boxShadow);
    const inner = [...e.children].some(c => { const s = getComputedStyle(c); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; });
    if (!(outline || shadow || inner)) out.no_focus_ring.push(name(e));
    e.blur();
  }
  return out;
}"""


_SMALL_TARGETS_SCRIPT = """([scope, controls, minTarget]) => {
  const root = document.querySelector(scope);
  if (!root) return [];
  return [...root.querySelectorAll(controls)].filter(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden' &&
           (r.width < minTarget - 0.5 || r.height < minTarget - 0.5);
  }).map(e => `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40)}" ` +
               `${Math.round(e.getBoundingClientRect().width)}x${Math.round(e.getBoundingClientRect().height)}`);
}"""


def measure_layout(page, report: PageReport) -> None:
    """Measure, in the open page, what a phone reader meets (see :class:`PageReport`)."""
    # A key press first, so that the browser shows focus as it does for keyboard users.
    page.keyboard.press("Shift")
    found = page.evaluate(_LAYOUT_SCRIPT, [CONTROLS, FOCUSABLE, MIN_TARGET_PX, report.viewport_width])
    page.evaluate("window.scrollTo(0, 0)")
    for key, value in found.items():
        setattr(report, key, value)


def menu_check(browser, base_url: str, page_path: str, device: str) -> dict[str, bool]:
    """Operate the navigation as a reader does: tap it on a phone, click it on a desktop.

    On a phone, tapping the visible menu button must open the site navigation (its links on
    the screen) and tapping outside it must close it; the same for "On this page". On a desktop,
    the button must hide the sidebar and show it again. Returns what happened, step by step.
    """
    context = browser.new_context(**DEVICES[device])
    page = context.new_page()
    page.goto(urljoin(base_url, page_path), wait_until="load")
    page.wait_for_load_state("networkidle")
    result: dict[str, bool] = {}
    width = DEVICES[device]["viewport"]["width"]

    def links_on_screen(selector: str) -> bool:
        return page.evaluate(
            """([selector, width]) => [...document.querySelectorAll(selector)].some(a => {
            const r = a.getBoundingClientRect(), cs = getComputedStyle(a);
            return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= width && r.top >= 0 && r.top < innerHeight &&
                   cs.visibility !== 'hidden' && document.elementFromPoint(r.left + Math.min(r.width, 20) / 2, r.top + r.height / 2)?.closest('a') === a; })""",
            [selector, width],
        )

    def visible_button(selector: str):
        buttons = page.locator(selector)
        for index in range(buttons.count()):
            if buttons.nth(index).is_visible():
                return buttons.nth(index)
        return None

    if device == "phone":
        for name, toggle, links in (
            ("navigation", ".primary-toggle", "nav.bd-docs-nav a"),
            ("on_this_page", ".secondary-toggle", "nav.page-toc a, .bd-toc-nav a"),
        ):
            button = visible_button(toggle)
            result[f"{name}_button_visible"] = button is not None
            if button is None:
                continue
            result[f"{name}_closed_at_first"] = not links_on_screen(links)
            button.tap()
            page.wait_for_timeout(400)
            result[f"{name}_opens_by_tap"] = links_on_screen(links)
            small = page.evaluate(_SMALL_TARGETS_SCRIPT, ["dialog[open]", CONTROLS, MIN_TARGET_PX])
            result[f"{name}_targets_of_24px"] = not small
            if small:
                result[f"{name}_small_targets"] = small  # type: ignore[assignment]
            # Tap outside the open panel, on the widest strip of the dimmed page beside it.
            panel = page.evaluate("""() => { const d = document.querySelector('dialog[open]');
                return d ? [d.getBoundingClientRect().left, d.getBoundingClientRect().right] : null; }""")
            left, right = panel or (0, 0)
            x = left / 2 if left > width - right else (right + width) / 2
            page.touchscreen.tap(x, DEVICES[device]["viewport"]["height"] / 2)
            page.wait_for_timeout(400)
            result[f"{name}_closes_by_tap"] = not links_on_screen(links)
    else:
        button = visible_button(".primary-toggle")
        result["sidebar_button_visible"] = button is not None
        if button is not None:
            result["sidebar_shown_at_first"] = links_on_screen("nav.bd-docs-nav a")
            button.click()
            page.wait_for_timeout(600)
            result["sidebar_hides_by_click"] = not links_on_screen("nav.bd-docs-nav a")
            button.click()
            page.wait_for_timeout(600)
            result["sidebar_shows_again_by_click"] = links_on_screen("nav.bd-docs-nav a")
    context.close()
    return result


def broken_links(site: Path) -> list[str]:
    """Internal links, images and scripts whose target file or anchor does not exist."""
    ids_cache: dict[Path, set[str]] = {}

    def ids(path: Path) -> set[str]:
        if path not in ids_cache:
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            ids_cache[path] = {tag["id"] for tag in soup.find_all(id=True)} | {
                tag["name"] for tag in soup.find_all("a", attrs={"name": True})
            }
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
        for tag, attribute in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
            ("video", "src"),
            ("audio", "src"),
        ):
            for element in soup.find_all(tag, attrs={attribute: True}):
                if tag == "link" and not ({"stylesheet", "preload", "icon", "modulepreload", "prefetch"} & set(element.get("rel", []))):
                    continue
                if urlparse(element[attribute]).scheme in ("http", "https") or element[attribute].startswith("//"):
                    problems.append(f"{page}: <{tag} {attribute}={element[attribute]}>")
    for stylesheet in site.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8", errors="replace")
        for marker in ("@import url(http", "url(http", "url(//", '@import "http', "@import 'http"):
            if marker in text:
                problems.append(f"{stylesheet.relative_to(site)}: {marker}")
    return problems


def chart_specs(site: Path) -> dict[str, list[dict]]:
    """The vega-lite specification of every chart, by page, in the order of the page's figures
    (from the file each figure names in ``data-dl-spec``, or its inline specification)."""
    import json
    import re

    figure = re.compile(r'<figure class="dl-figure"(?P<attrs>[^>]*)>(?P<inner>.*?)</figure>', re.DOTALL)
    inline = re.compile(r'<script type="application/json" class="dl-chart-spec">(.*?)</script>', re.DOTALL)
    specs = {}
    for page in html_pages(site):
        found = []
        for match in figure.finditer((site / page).read_text(encoding="utf-8")):
            url = re.search(r'data-dl-spec="([^"]+)"', match["attrs"])
            if url:
                found.append(json.loads(((site / page).parent / unquote(url.group(1))).read_text(encoding="utf-8")))
            elif inline.search(match["inner"]):
                found.append(json.loads(inline.search(match["inner"]).group(1)))
        if found:
            specs[page] = found
    return specs


def multi_panel_chart(site: Path) -> tuple[str, int] | None:
    """The page and position of the book's first chart with panels or a slider (the phone's hard case)."""
    fallback = None
    for page, specs in chart_specs(site).items():
        for index, spec in enumerate(specs):
            fallback = fallback or (page, index)
            if any(key in spec for key in ("hconcat", "vconcat", "concat")) or "bind" in str(spec.get("params", "")):
                return page, index
    return fallback


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


RAW_FRAME_TEXT = re.compile(r"\bdtype: \w+|\[\d+ rows x \d+ columns\]")


def _frame_layout(text: str) -> bool:
    """Whether text is laid out as pandas prints a frame: an indented header line over rows that
    each start with an index label and hold columns two spaces apart or more."""
    lines = [line for line in text.rstrip().splitlines() if line.strip()]
    return len(lines) >= 3 and lines[0][:1] == " " and all(re.match(r"^\S.*?\s{2,}\S", line) for line in lines[1:])


def raw_frames(page_html: str) -> list[str]:
    """Tables a page shows without the book's display helper (``digital_labor.tables``): a pandas
    table (class ``dataframe``), a bare Styler table (ids ``T_…``), or a frame's or a series'
    plain-text repr in a cell's output. Each is named by its first header cells or its first line."""
    soup = BeautifulSoup(page_html, "html.parser")
    found = []
    for table in soup.find_all("table"):
        if "dataframe" in (table.get("class") or []) or str(table.get("id", "")).startswith("T_"):
            headers = [th.get_text(" ", strip=True) for th in table.find_all("th")[:4]]
            found.append(f"raw table: {headers}")
    for output in soup.select("div.cell_output div.output"):
        text = output.get_text()
        if "text_html" not in (output.get("class") or []) and (RAW_FRAME_TEXT.search(text) or _frame_layout(text)):
            found.append(f"text repr: {text.strip().splitlines()[0][:60]!r}")
    return found
