"""The site's figures: each chart a notebook showed becomes pictures, values and an interactive view.

In a book build a notebook's chart is only its specification, in a ``<figure class="dl-figure">``
(the library's :func:`digital_labor.charts.render`), so the notebooks' outputs depend on the
library and the data alone. When Sphinx writes a page, :func:`draw_figures` turns each of them
into what the reader gets:

- two SVG pictures drawn by vl-convert (see :mod:`book.static_charts`), one for a desktop
  column and one for a phone, as files under :data:`CHART_FILES` named by their content's
  digest; every picture but the page's first loads lazily;
- the chart's values as folded tables (:func:`digital_labor.chart_tables.values_details`);
- for a chart with tooltips or controls, the hidden container and button of its interactive
  view, and its specification as a file, which ``dl-charts.js`` loads with vega on demand.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from digital_labor.chart_tables import values_details

from .static_charts import PHONE_MEDIA, interactivity, picture_svgs, svg_size

__all__ = ["CHART_FILES", "CHART_MARKER", "FIGURE_CLASS", "LIVE_BUTTON_TEXT", "draw_figures", "figure_markup"]

FIGURE_CLASS = "dl-figure"
CHART_MARKER = f'class="{FIGURE_CLASS}"'
CHART_FILES = "_images/dl-charts"  # the charts' pictures and specifications, in the site
LIVE_BUTTON_TEXT = {"controls": "Interactive version (with its controls)", "pointer": "Interactive version (values on hover)"}
_FIGURE = re.compile(r'<figure class="dl-figure" id="dl-figure-(?P<key>[0-9a-f]+-\d+)">'
                     r'<script type="application/json" class="dl-chart-spec">(?P<json>.*?)</script></figure>', re.DOTALL)


def _description(spec: dict[str, Any]) -> str:
    title = spec.get("title", {})
    plain = title.get("text", "") if isinstance(title, dict) else title
    return html.escape(spec.get("description", "") or f"chart: {plain}")


def figure_markup(spec: dict[str, Any], key: str, store: Callable[[bytes, str], str], lazy: bool) -> str:
    """A chart's ``<figure>`` as the site shows it.

    ``key`` is the figure's ``<digest>-<number>`` (given by the notebook's renderer), ``store``
    writes a file's bytes and returns its URL from the page, and ``lazy`` defers the pictures'
    loading until the reader scrolls near them.
    """
    payload = json.dumps(spec, sort_keys=True, separators=(",", ":"))
    kind = interactivity(spec)
    description = _description(spec)
    svgs = picture_svgs(spec)
    width, height = svg_size(svgs["desktop"])
    source = ""
    if "phone" in svgs:
        phone_width, phone_height = svg_size(svgs["phone"])
        source = (f'<source media="{PHONE_MEDIA}" srcset="{store(svgs["phone"].encode(), ".svg")}" '
                  f'width="{phone_width}" height="{phone_height}">')
    loading = ' loading="lazy"' if lazy else ""
    picture = (f'<picture class="dl-picture">{source}<img class="dl-chart-image"{loading} src="{store(svgs["desktop"].encode(), ".svg")}" '
               f'alt="{description}" width="{width}" height="{height}" decoding="async"></picture>')
    live = ""
    if kind:
        live = (f'<div class="dl-chart" id="dl-chart-{key}" role="figure" aria-label="{description}" hidden></div>'
                f'<button type="button" class="dl-chart-live" hidden>{LIVE_BUTTON_TEXT[kind]}</button>')
    attributes = f' id="dl-figure-{key}" data-dl-interactive="{kind}" data-dl-spec="{store(payload.encode(), ".json")}"'
    return f'<figure class="{FIGURE_CLASS}"{attributes}>{picture}{live}{values_details(spec)}</figure>'


def draw_figures(body: str, outdir: Path, relative: Callable[[str], str]) -> str:
    """A page's body with every chart of its notebooks drawn (see the module's description).

    ``relative(path)`` gives the page's URL of a file of the site. Files are named by their
    content's digest, so the same picture on two pages is one file. The first chart's pictures
    load at once (they may be the largest thing a reader sees first); the others lazily.
    """
    folder = outdir / CHART_FILES
    count = 0

    def store(data: bytes, suffix: str) -> str:
        name = f"{hashlib.sha256(data).hexdigest()[:16]}{suffix}"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / name
        if not target.exists():
            target.write_bytes(data)
        return relative(f"{CHART_FILES}/{name}")

    def figure(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        spec = json.loads(match["json"])
        return figure_markup(spec, match["key"], store, lazy=count > 1)

    return _FIGURE.sub(figure, body)
