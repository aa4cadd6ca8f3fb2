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

Pictures are kept in a store beside the site (:class:`PictureStore`), keyed by the chart and by
what draws it (:func:`drawing_version`): a page written again
reuses them, and the build's wrapper draws a clean build's pictures on every CPU beforehand
(:func:`draw_pictures`).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import uuid
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from digital_labor.chart_tables import values_details
from digital_labor.charts import FIGURE_CLASS

from .static_charts import PHONE_MEDIA, interactivity, picture_svgs, svg_size

__all__ = [
    "CHART_FILES",
    "CHART_MARKER",
    "FIGURE_CLASS",
    "LIVE_BUTTON_TEXT",
    "PictureStore",
    "chart_specs",
    "draw_figures",
    "draw_pictures",
    "figure_markup",
]

CHART_MARKER = f'class="{FIGURE_CLASS}"'
CHART_FILES = "_images/dl-charts"  # the charts' pictures and specifications, in the site
LIVE_BUTTON_TEXT = {"controls": "Interactive version (with its controls)", "pointer": "Interactive version (values on hover)"}
_FIGURE = re.compile(
    rf'<figure class="{FIGURE_CLASS}" id="{FIGURE_CLASS}-(?P<key>[0-9a-f]+-\d+)">'
    r'<script type="application/json" class="dl-chart-spec">(?P<json>.*?)</script></figure>',
    re.DOTALL,
)


@cache
def drawing_version() -> str:
    """A digest of what draws the pictures: the picture code, the fitting script and its layout
    constants, the chart font, the shared chart data (the world map), vl-convert and vega-lite."""
    from importlib.metadata import version

    import altair as alt
    import vl_convert

    from digital_labor.charts import LAYOUT, fit_script

    from . import static_charts

    versions = f"{vl_convert.__version__} {alt.VEGALITE_VERSION} {version('mini-racer')}"
    digest = hashlib.sha256(f"{versions} {json.dumps(LAYOUT, sort_keys=True)} {fit_script()}".encode())
    files = [Path(static_charts.__file__), Path(__file__), *sorted(static_charts.FONT_DIR.glob("*.ttf"))]
    for path in files + sorted(static_charts.shared_chart_data().values()):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _payload(spec: dict[str, Any]) -> str:
    """The specification as the notebook's figure carries it: sorted, compact, without ``$schema``."""
    return json.dumps({key: value for key, value in spec.items() if key != "$schema"}, sort_keys=True, separators=(",", ":"))


class PictureStore:
    """A chart's pictures (:func:`book.static_charts.picture_svgs`), drawn once and kept in ``folder``."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _path(self, spec: dict[str, Any]) -> Path | None:
        if self.folder is None:
            return None
        key = hashlib.sha256(f"{drawing_version()}\0{_payload(spec)}".encode()).hexdigest()[:32]
        return self.folder / f"{key}.json"

    def has(self, spec: dict[str, Any]) -> bool:
        path = self._path(spec)
        return path is not None and path.exists()

    def pictures(self, spec: dict[str, Any]) -> dict[str, str]:
        path = self._path(spec)
        if path is not None and path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
        svgs = picture_svgs(spec)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.{uuid.uuid4().hex}.tmp")
            partial.write_text(json.dumps(svgs), encoding="utf-8")
            partial.replace(path)  # whole or not at all, whichever process writes it
        return svgs

    def prune(self, specs: Iterable[dict[str, Any]]) -> int:
        """Delete the stored pictures of every chart not in ``specs`` (old charts, old drawing
        versions), so that the store does not grow with each change; how many were deleted."""
        if self.folder is None or not self.folder.exists():
            return 0
        kept = {path.name for path in map(self._path, specs) if path is not None}
        stale = [path for path in self.folder.glob("*.json") if path.name not in kept]
        for path in stale:
            path.unlink(missing_ok=True)
        return len(stale)


def chart_specs(html_outputs: Iterable[str]) -> list[dict[str, Any]]:
    """The chart specifications in notebook outputs (the figures of :func:`digital_labor.charts.render`)."""
    return [json.loads(match["json"]) for text in html_outputs for match in _FIGURE.finditer(text)]


def _draw_into(job: tuple[str, str]) -> None:
    folder, payload = job
    PictureStore(Path(folder)).pictures(json.loads(payload))


def draw_pictures(specs: Iterable[dict[str, Any]], folder: Path, processes: int) -> int:
    """Draw the pictures of ``specs`` that ``folder``'s store lacks, on ``processes`` CPUs, after
    deleting those of charts no longer in ``specs``; how many were drawn."""
    import multiprocessing

    store = PictureStore(folder)
    specs = list(specs)
    store.prune(specs)
    missing = list({_payload(spec): spec for spec in specs if not store.has(spec)})
    jobs = [(str(folder), payload) for payload in missing]
    if processes <= 1 or len(jobs) <= 1:
        for job in jobs:
            _draw_into(job)
    elif jobs:
        # Fresh processes ("spawn"): a process forked after vl-convert's JavaScript engine has
        # started can hang on the engine's threads.
        with multiprocessing.get_context("spawn").Pool(min(processes, len(jobs))) as pool:
            pool.map(_draw_into, jobs, chunksize=1)
    return len(missing)


def _description(spec: dict[str, Any]) -> str:
    title = spec.get("title", {})
    plain = title.get("text", "") if isinstance(title, dict) else title
    return html.escape(spec.get("description", "") or f"chart: {plain}")


def figure_markup(
    spec: dict[str, Any], key: str, store: Callable[[bytes, str], str], lazy: bool, pictures: PictureStore | None = None
) -> str:
    """A chart's ``<figure>`` as the site shows it.

    ``key`` is the figure's ``<digest>-<number>`` (given by the notebook's renderer), ``store``
    writes a file's bytes and returns its URL from the page, ``lazy`` defers the pictures'
    loading until the reader scrolls near them, and ``pictures`` keeps pictures already drawn.
    """
    payload = _payload(spec)
    kind = interactivity(spec)
    description = _description(spec)
    svgs = (pictures or PictureStore(None)).pictures(spec)
    width, height = svg_size(svgs["desktop"])
    source = ""
    if "phone" in svgs:
        phone_width, phone_height = svg_size(svgs["phone"])
        source = (
            f'<source media="{PHONE_MEDIA}" srcset="{store(svgs["phone"].encode(), ".svg")}" width="{phone_width}" height="{phone_height}">'
        )
    loading = ' loading="lazy"' if lazy else ""
    picture = (
        f'<picture class="dl-picture">{source}<img class="dl-chart-image"{loading} src="{store(svgs["desktop"].encode(), ".svg")}" '
        f'alt="{description}" width="{width}" height="{height}" decoding="async"></picture>'
    )
    live = ""
    if kind:
        live = (
            f'<div class="dl-chart" id="dl-chart-{key}" role="figure" aria-label="{description}" hidden></div>'
            f'<button type="button" class="dl-chart-live" hidden>{LIVE_BUTTON_TEXT[kind]}</button>'
        )
    attributes = f' id="{FIGURE_CLASS}-{key}" data-dl-interactive="{kind}" data-dl-spec="{store(payload.encode(), ".json")}"'
    return f'<figure class="{FIGURE_CLASS}"{attributes}>{picture}{live}{values_details(spec)}</figure>'


def draw_figures(body: str, outdir: Path, relative: Callable[[str], str], pictures: PictureStore | None = None) -> str:
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
        return figure_markup(spec, match["key"], store, lazy=count > 1, pictures=pictures)

    return _FIGURE.sub(figure, body)
