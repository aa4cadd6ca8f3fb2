"""Charts as pictures: every chart's vega-lite specification drawn to SVG at build time.

A reader sees each chart at once, with no script and on any link: :func:`picture_svgs` draws it
with vl-convert (offline, no browser) at two widths, one for a desktop column and one for a
phone, and :func:`compact_svg` makes the file small. :func:`interactivity` tells which charts
also deserve their interactive view (vega), loaded only when the reader reaches for it (see
``dl-charts.js`` and :mod:`book.figures`). The layout follows the constants of the script that
fits the interactive view (:data:`digital_labor.charts.LAYOUT`).
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from digital_labor.charts import CHART_DATA_DIR, LAYOUT, SHARED_CHART_DATA
from digital_labor.data import dataset

__all__ = [
    "DESKTOP_PX",
    "FONT_DIR",
    "PHONE_MEDIA",
    "PHONE_PX",
    "compact_svg",
    "fit",
    "inline_data",
    "interactivity",
    "picture_svgs",
    "register_font",
    "renumber_ids",
    "shared_chart_data",
    "svg_size",
    "to_svg",
]

DESKTOP_PX = 660  # the text column of a desktop page
PHONE_PX = 340  # a phone's column (390 px screen less the page's margins)
PHONE_MEDIA = "(max-width: 600px)"
AXES_PX = LAYOUT["axesPx"]  # room an axis and its title take beside a plot
GAP_PX = LAYOUT["gapPx"]  # between panels
MIN_PANEL_PX = LAYOUT["minPanelPx"]
COMPACT_BELOW_PX = LAYOUT["compactBelowPx"]  # narrower than this: legends under the plot, long labels cut
ACTIONS_PX = LAYOUT["actionsPx"]
_POINTER_KEYS = ("tooltip",)
LARGE_SVG_CHARS = 60_000  # above this, coordinates are rounded to the whole pixel
FONT_DIR = Path(__file__).with_name("fonts")  # the charts' font (Arimo), named first in the theme


def _walk(node: Any):
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key not in ("datasets", "data", "values"):
                yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def interactivity(spec: dict[str, Any]) -> str:
    """How a reader can act on a chart: ``"controls"``, ``"pointer"`` or ``""`` (a picture is all).

    ``"controls"``: a parameter bound to an input (slider, selector, check box): the chart
    changes only in its interactive view. ``"pointer"``: tooltips, hover or selection
    parameters without an input. ``""``: nothing to act on.
    """
    pointer = False
    for node in _walk(spec):
        for param in node.get("params", []) if isinstance(node.get("params"), list) else []:
            if not isinstance(param, dict):
                continue
            bind = param.get("bind")
            if isinstance(bind, dict) and "legend" not in bind:
                return "controls"  # an input: {"input": "range", ...}, or a select's options
            if "select" in param or bind in ("scales", "legend") or isinstance(bind, dict):
                pointer = True
        encoding = node.get("encoding")
        if isinstance(encoding, dict) and any(key in encoding for key in _POINTER_KEYS):
            pointer = True
        mark = node.get("mark")
        if isinstance(mark, dict) and mark.get("tooltip"):
            pointer = True
    return "pointer" if pointer else ""


def _lines(text: Any, px: float, size: float) -> Any:
    """A title wrapped into lines that fit ``px`` at font ``size`` (``charEm`` em a character)."""
    words = " ".join(text) if isinstance(text, list) else str(text)
    chars = max(LAYOUT["minLineChars"], int(px / (size * LAYOUT["charEm"])))
    if len(words) <= chars:
        return text
    out: list[str] = []
    line = ""
    for word in words.split():
        if line and len(line) + 1 + len(word) > chars:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        out.append(line)
    return out


def _width(node: dict[str, Any], default: float) -> float | None:
    width = node.get("width", default)
    return float(width) if isinstance(width, (int, float)) else None


def _estimate(node: dict[str, Any], default: float) -> float:
    """The width a view will take (plots, axes and gaps), as the vega-embed fitting estimates it."""
    if "hconcat" in node:
        return sum(_estimate(child, default) + GAP_PX for child in node["hconcat"]) - GAP_PX
    children = node.get("vconcat") or node.get("concat")
    if children:
        columns = min(node.get("columns", 1) or 1, len(children)) if "concat" in node else 1
        return max(_estimate(child, default) for child in children) * columns
    if isinstance(node.get("spec"), dict):
        return _estimate(node["spec"], default) * max(node.get("columns", 1) or 1, 1)
    return (_width(node, default) or default) + AXES_PX


def _scale(node: dict[str, Any], factor: float, default: float) -> None:
    """Narrow every plot of ``node`` by ``factor`` (maps keep their proportions)."""
    for key in ("hconcat", "vconcat", "concat"):
        for child in node.get(key, []):
            _scale(child, factor, default)
    if isinstance(node.get("spec"), dict):
        _scale(node["spec"], factor, default)
    if ("mark" in node or "layer" in node) and not any(k in node for k in ("hconcat", "vconcat", "concat")):
        width = _width(node, default)
        if width is None:
            return
        new = max(MIN_PANEL_PX, round(width * factor))
        if node.get("projection") and isinstance(node.get("height"), (int, float)):
            node["height"] = round(node["height"] * new / width)
        node["width"] = new


def _stack(node: dict[str, Any], room: float, default: float) -> None:
    """Panels side by side that cannot keep ``stackBelowPx`` each go one above the other."""
    if "hconcat" in node and _estimate(node, default) > room:
        count = len(node["hconcat"])
        if (room - (AXES_PX + GAP_PX) * count) / count < LAYOUT["stackBelowPx"]:
            node["vconcat"] = node.pop("hconcat")
    if ("concat" in node or "spec" in node) and (node.get("columns") or 1) > 1 and _estimate(node, default) > room:
        node["columns"] = 1
    for key in ("hconcat", "vconcat", "concat"):
        for child in node.get(key, []):
            _stack(child, room, default)
    if isinstance(node.get("spec"), dict):
        _stack(node["spec"], room, default)


def _wrap_titles(spec: dict[str, Any], room: float) -> None:
    config = spec.get("config", {}).get("title", {})
    size = config.get("fontSize", 13)
    for node in _walk(spec):
        title = node.get("title")
        if title is None:
            continue
        if "mark" not in node and "layer" not in node and not any(k in node for k in ("hconcat", "vconcat", "concat", "spec")):
            continue  # an axis or legend title, handled with the compact layout
        px = room if node is spec else room - AXES_PX
        if not isinstance(title, dict):
            title = node["title"] = {"text": title}
        title["text"] = _lines(title.get("text", ""), px, size)
        if title.get("subtitle"):
            title["subtitle"] = _lines(title["subtitle"], px, config.get("subtitleFontSize", size * 0.8))


def _compact(spec: dict[str, Any], room: float) -> None:
    """A narrow screen's layout: legends under the plot, long labels and axis titles shortened."""
    config = spec.setdefault("config", {})
    axis, legend = config.setdefault("axis", {}), config.setdefault("legend", {})
    for node in _walk(spec):
        encoding = node.get("encoding")
        if not isinstance(encoding, dict):
            continue
        for channel, definition in encoding.items():
            if not isinstance(definition, dict):
                continue
            if isinstance(definition.get("title"), str) and channel not in ("y", "tooltip"):
                definition["title"] = _lines(definition["title"], room - AXES_PX, axis.get("titleFontSize", 11))
            if isinstance(definition.get("axis"), dict) and definition["axis"].get("labelLimit", 0) > room * LAYOUT["labelShare"]:
                definition["axis"]["labelLimit"] = round(room * LAYOUT["labelShare"])
            own = definition.get("legend")
            if isinstance(own, dict):
                if own.get("orient") in ("left", "right"):
                    own["orient"] = "bottom"
                if own.get("gradientLength", 0) > room - LAYOUT["gradientMarginPx"]:
                    own["gradientLength"] = room - LAYOUT["gradientMarginPx"]
                for key in ("titleLimit", "labelLimit"):
                    if own.get(key, 0) > room - ACTIONS_PX:
                        own[key] = room - ACTIONS_PX
    for key in ("titleLimit", "labelLimit"):
        legend[key] = min(legend.get(key, room), room - ACTIONS_PX)
    legend.update({"orient": "bottom", "direction": "vertical"})
    axis["labelLimit"] = min(axis.get("labelLimit", LAYOUT["defaultLabelLimitPx"]), round(room * LAYOUT["labelShare"]))


def fit(spec: dict[str, Any], container_px: int) -> dict[str, Any]:
    """A copy of ``spec`` laid out for a container ``container_px`` wide.

    Panels side by side stack when they cannot fit, plots narrow (never widen), long titles
    wrap and, below :data:`COMPACT_BELOW_PX`, legends go under the plot. Fonts keep their size.
    """
    fitted = copy.deepcopy(spec)
    default = fitted.get("config", {}).get("view", {}).get("continuousWidth", 300)
    _stack(fitted, container_px, default)
    over = _estimate(fitted, default)
    if over > container_px:
        plots = over - AXES_PX * max(1, len(fitted.get("hconcat", [])))
        factor = max(0.2, (plots - (over - container_px)) / plots) if plots > 0 else 1.0
        _scale(fitted, factor, default)
    _wrap_titles(fitted, container_px)
    if container_px < COMPACT_BELOW_PX:
        _compact(fitted, container_px)
    return fitted


def shared_chart_data() -> dict[str, Path]:
    """The files of the site's shared chart data (:data:`digital_labor.charts.SHARED_CHART_DATA`), by name."""
    return {dataset(name).path.name: dataset(name).path for name in SHARED_CHART_DATA}


def inline_data(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``spec`` whose data URLs (the site's shared chart data) are inline values.

    A picture is drawn with no server: the shared chart data (the world map) is read from disk.
    """

    def load(url: str) -> Any:
        if not url.startswith(f"{CHART_DATA_DIR}/"):
            raise ValueError(f"chart data {url!r}: a picture can only be drawn from local data")
        path = shared_chart_data().get(Path(url).name)
        if path is None:
            raise ValueError(f"chart data {url!r}: not one of the site's shared chart data files")
        return _read_json(str(path))

    def visit(node: Any) -> Any:
        if isinstance(node, dict):
            if "url" in node and isinstance(node["url"], str) and set(node) <= {"url", "format", "name"}:
                return {**{k: v for k, v in node.items() if k != "url"}, "values": load(node["url"])}
            return {key: (value if key == "datasets" else visit(value)) for key, value in node.items()}
        if isinstance(node, list):
            return [visit(value) for value in node]
        return node

    return visit(spec)


@cache
def _read_json(path: str) -> Any:
    return json.loads(Path(path).read_text(encoding="utf-8"))


@cache
def register_font() -> None:
    """Give vl-convert the book's chart font, once per process.

    vl-convert lays out chart text with the fonts it finds on the machine: the same chart gave
    other pictures once Debian's ``fonts-liberation`` was installed. With Arimo registered and
    named first in the theme, text is measured with the font the book ships, on every machine.
    """
    import vl_convert

    vl_convert.register_font_directory(str(FONT_DIR))


def to_svg(spec: dict[str, Any]) -> str:
    """The chart drawn to SVG by vl-convert (vega-lite of altair's version), compacted."""
    import altair as alt
    import vl_convert

    register_font()

    version = ".".join(alt.VEGALITE_VERSION.split(".")[:2])
    spec = {key: value for key, value in spec.items() if key != "$schema"}
    svg = renumber_ids(vl_convert.vegalite_to_svg(spec, vl_version=version))
    small = compact_svg(svg)
    # A picture of thousands of shapes (a world map) is drawn to the whole pixel: half the bytes,
    # and no visible change at the size it is shown.
    return compact_svg(svg, digits=0) if len(small) > LARGE_SVG_CHARS else small


def picture_svgs(spec: dict[str, Any]) -> dict[str, str]:
    """The chart as SVG for a desktop column and for a phone: ``{"desktop": svg, "phone": svg}``.

    The phone's picture is left out when it would be the desktop's.
    """
    spec = inline_data(spec)
    desktop = fit(spec, DESKTOP_PX)
    phone = fit(spec, PHONE_PX)
    out = {"desktop": to_svg(desktop)}
    if phone != desktop:
        out["phone"] = to_svg(phone)
    return out


_GRADIENT_ID = re.compile(r"\bgradient_(\d+)\b")


def renumber_ids(svg: str) -> str:
    """The SVG with its gradients numbered from 1, in order of appearance.

    vega numbers gradients with one counter per process, so the same chart drawn after another
    would get other ids: the picture would depend on what the build drew before it.
    """
    numbers: dict[str, int] = {}
    return _GRADIENT_ID.sub(lambda m: f"gradient_{numbers.setdefault(m[1], len(numbers) + 1)}", svg)


_NUMBER = re.compile(r"-?\d+\.\d+(?:e-?\d+)?")
_DROPPED_ATTRIBUTES = re.compile(r'\s(?:aria-roledescription|aria-label|aria-hidden|role|pointer-events|class)="[^"]*"')


def _rounder(digits: int):
    def round_number(match: re.Match[str]) -> str:
        value = round(float(match.group()), digits)
        text = f"{value:.{digits}f}"
        text = text.rstrip("0").rstrip(".") if "." in text else text
        return "0" if text in ("-0", "") else text

    return round_number


def compact_svg(svg: str, digits: int = 1) -> str:
    """A smaller SVG that draws the same: coordinates to 0.1 px (or to ``digits``), no per-mark ARIA or class names.

    The marks' ARIA attributes describe each mark to a screen reader inside the interactive
    view; a picture is described once, by its ``alt`` text (the chart's description). The
    chart-level ``<title>``/``<desc>`` and the root's own attributes are kept.
    """
    head_end = svg.find(">") + 1
    head, body = svg[:head_end], svg[head_end:]
    body = _DROPPED_ATTRIBUTES.sub("", body)
    body = re.sub(
        r'(\s(?:d|transform|points|x|y|x1|x2|y1|y2|width|height|cx|cy|r)=")([^"]*)(")',
        lambda m: m.group(1) + _NUMBER.sub(_rounder(digits), m.group(2)) + m.group(3),
        body,
    )
    body = re.sub(r">\s+<", "><", body)
    return head + body


def svg_size(svg: str) -> tuple[int, int]:
    """The width and height an SVG declares, in px."""
    match = re.search(r'<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"', svg)
    if not match:
        raise ValueError("an SVG without width and height")
    return round(float(match.group(1))), round(float(match.group(2)))
