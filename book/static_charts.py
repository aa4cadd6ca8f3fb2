"""Charts as pictures: every chart's vega-lite specification drawn to SVG at build time.

A reader sees each chart at once, with no script and on any link: :func:`picture_svgs` draws it
with vl-convert (offline, no browser) at two widths, one for a desktop column and one for a
phone, and :func:`compact_svg` makes the file small. :func:`interactivity` tells which charts
also deserve their interactive view (vega), loaded only when the reader reaches for it (see
``dl-charts.js`` and :mod:`book.figures`). The layout is the one the page gives the interactive
view: the same script (``chart-fit.js``) runs here, in V8, and measures vl-convert's drawings.
"""

from __future__ import annotations

import atexit
import json
import math
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

from digital_labor.charts import CHART_DATA_DIR, LAYOUT, SHARED_CHART_DATA, fit_script
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
ACTIONS_PX = LAYOUT["actionsPx"]  # room the page keeps beside a chart for its menu
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


def _layout_engine() -> Any:
    """The page's fitting script (``chart-fit.js``) in a JavaScript engine (V8), one per process."""
    global _engine
    if _engine is None or _engine[0] != os.getpid():  # a forked worker starts its own
        from py_mini_racer import MiniRacer

        context = MiniRacer()
        context.eval(fit_script())
        # Closed before the interpreter shuts down: a V8 context left open can keep a finished
        # process from exiting (3 of 8 concurrent drawing processes hung without the close, 0 of 8 with it).
        atexit.register(context.close)
        _engine = (os.getpid(), context)
    return _engine[1]


_engine: tuple[int, Any] | None = None


def _fit_and_draw(spec: dict[str, Any], column_px: int, drawn: dict[str, str]) -> tuple[dict[str, Any], str]:
    """``spec`` laid out for a column ``column_px`` wide, and its picture.

    The layout is the page's own (``chart-fit.js``, run here in V8): each layout it proposes is
    drawn with vl-convert and measured, as the page measures its drawing, with the room the page
    keeps for the chart's menu, so the picture is the chart a reader gets when the interactive
    view replaces it. ``drawn`` keeps the pictures already drawn, by specification.
    """
    engine = _layout_engine()
    state = engine.call("dlChartLayout.start", spec, column_px)
    while True:
        key = json.dumps(state["spec"], sort_keys=True)
        if key not in drawn:
            drawn[key] = to_svg(inline_data(state["spec"]))
        width = svg_size(drawn[key], exact=True)[0]
        state = engine.call("dlChartLayout.next", state, math.ceil(width + ACTIONS_PX - column_px))
        if state["done"]:
            return state["spec"], drawn[json.dumps(state["spec"], sort_keys=True)]


def fit(spec: dict[str, Any], column_px: int) -> dict[str, Any]:
    """A copy of ``spec`` laid out for a column ``column_px`` wide, as the page lays it out.

    Panels side by side stack when they cannot fit, plots narrow (never widen; maps keep their
    proportions), long titles wrap and, in a narrow column, legends go under the plot. Fonts keep
    their size.
    """
    return _fit_and_draw(spec, column_px, {})[0]


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
    drawn: dict[str, str] = {}
    desktop, desktop_svg = _fit_and_draw(spec, DESKTOP_PX, drawn)
    phone, phone_svg = _fit_and_draw(spec, PHONE_PX, drawn)
    out = {"desktop": desktop_svg}
    if phone != desktop:
        out["phone"] = phone_svg
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


def svg_size(svg: str, exact: bool = False) -> tuple[float, float]:
    """The width and height an SVG declares, in px (rounded to the pixel unless ``exact``)."""
    match = re.search(r'<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"', svg)
    if not match:
        raise ValueError("an SVG without width and height")
    width, height = float(match.group(1)), float(match.group(2))
    return (width, height) if exact else (round(width), round(height))
