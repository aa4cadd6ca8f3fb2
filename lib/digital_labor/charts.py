"""Charts: one theme, offline renderers, and helpers that give every chart its source line.

In Jupyter, charts are drawn by vega-embed, never loaded from another host: the first chart's
output carries it (:func:`render_in_notebook`). In a book build (``DIGITAL_LABOR_BOOK=1``) a
chart's output is its specification alone (:func:`render`), and the book's build draws the
site's pictures and interactive view from it. :func:`setup` picks the renderer.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import os
import re
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd

from .chart_tables import values_details
from .data import dataset

__all__ = [
    "COUNT_LABELS",
    "FIGURE_CLASS",
    "FIT_SCRIPT_DIGEST",
    "FONT",
    "LAYOUT",
    "MISSING_COLOUR",
    "PALETTE",
    "SEQUENTIAL_SCHEME",
    "SHARED_CHART_DATA",
    "book_mode",
    "category_scales",
    "choropleth",
    "describe",
    "fit_script",
    "param_equals",
    "render",
    "render_in_notebook",
    "setup",
    "source_line",
    "vega_javascript",
    "world_geometry",
]

# Okabe & Ito's colour-blind-safe palette (black first removed: kept for text).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "triangle-left", "stroke"]
SEQUENTIAL_SCHEME = "viridis"  # perceptually uniform and colour-blind safe
MISSING_COLOUR = "#d9d9d9"
# "Click Work Arimo" is Arimo under the book's own name, the font the build draws chart pictures
# with (book/fonts); a reader without it gets one of the fonts of the same widths that follow.
FONT = '"Click Work Arimo", Arimo, "Liberation Sans", Arial, Helvetica, sans-serif'
BOOK_ENV = "DIGITAL_LABOR_BOOK"
# Axis labels for counts and amounts in words a reader reads aloud ("1 billion", "10 million",
# "100,000"), never SI prefixes ("1G") or scientific notation: an axis's labelExpr.
COUNT_LABELS = (
    "datum.value >= 1e9 ? format(datum.value / 1e9, ',') + ' billion' : "
    "datum.value >= 1e6 ? format(datum.value / 1e6, ',') + ' million' : format(datum.value, ',')"
)
MAP_LEGEND = alt.Legend(orient="bottom", direction="vertical", titleLimit=600, labelLimit=400)
FIGURE_CLASS = "dl-figure"  # the figure a book build's chart output is (see render), drawn by the build
CHART_DATA_DIR = "_data"  # where the site serves shared chart data, relative to its root
SHARED_CHART_DATA = ("world",)  # the datasets served there once, rather than inlined in every chart
SOURCE_LINE_WIDTH = 100  # characters per line of the source line under a chart's title
_chart_numbers = itertools.count(1)


def book_mode() -> bool:
    """True while the book is being built (charts then use the site's own vega and data)."""
    return os.environ.get(BOOK_ENV) == "1"


def theme() -> dict[str, Any]:
    """The book's altair theme: Arimo (or a font of its widths), Okabe-Ito colours, quiet axes."""
    return {
        "config": {
            "font": FONT,
            "view": {"continuousWidth": 560, "continuousHeight": 320, "stroke": None},
            "title": {"anchor": "start", "fontSize": 15, "subtitleFontSize": 11, "subtitleColor": "#555", "offset": 10},
            "axis": {"labelFontSize": 11, "titleFontSize": 12, "titleFontWeight": "normal", "gridColor": "#e6e6e6"},
            "legend": {"labelFontSize": 11, "titleFontSize": 12, "titleFontWeight": "normal", "titleLimit": 400, "labelLimit": 300},
            "range": {"category": PALETTE, "ordinal": {"scheme": SEQUENTIAL_SCHEME}, "heatmap": {"scheme": SEQUENTIAL_SCHEME}},
            "mark": {"color": PALETTE[0]},
        }
    }


def setup() -> None:
    """Enable the theme and an offline renderer (the site's in a book build, Jupyter's elsewhere)."""
    alt.theme.register("digital_labor", enable=True)(theme)
    alt.renderers.register("digital_labor", render)
    alt.renderers.register("digital_labor_notebook", render_in_notebook)
    alt.renderers.enable("digital_labor" if book_mode() else "digital_labor_notebook")
    alt.data_transformers.disable_max_rows()


# How a chart fits its container: one script (chart-fit.js), appended to the vega bundle, with
# the layout constants below; the site's pictures (drawn at build time) follow the same constants.
LAYOUT = {
    "minPanelPx": 120,  # a plot is never narrowed below this width
    "actionsPx": 40,  # room kept beside a chart for vega-embed's menu
    "gapPx": 20,  # between panels side by side
    "axesPx": 70,  # room an axis and its title take beside a plot
    "stackBelowPx": 240,  # panels side by side that cannot each keep this width go one above the other
    "compactBelowPx": 620,  # narrower than this: legends under the plot, long labels cut
    "charEm": 0.58,  # the average width of a character, in em, to wrap titles
    "minLineChars": 16,  # a wrapped title keeps at least this many characters a line
    "labelShare": 0.45,  # an axis label takes at most this share of the width
    "gradientMarginPx": 80,  # a colour gradient's legend leaves this much of the width
    "defaultLabelLimitPx": 180,  # vega-lite's own limit of an axis label
}
_FIT_SCRIPT_FILE = Path(__file__).with_name("chart-fit.js")


def fit_script() -> str:
    """The fitting script as pages and notebooks get it: the layout in place, comment lines and
    indentation dropped."""
    text = _FIT_SCRIPT_FILE.read_text(encoding="utf-8").replace("__DL_CHART_LAYOUT__", json.dumps(LAYOUT, sort_keys=True))
    return "\n".join(line.strip() for line in text.strip().splitlines() if not line.strip().startswith("//"))


FIT_SCRIPT_DIGEST = hashlib.sha256(fit_script().encode()).hexdigest()[:8]  # names the bundle that carries it


def _embed_markup(spec: dict[str, Any], loader: str) -> tuple[str, str]:
    """A chart's markup and the script that draws it, fitted to its container, with vega-embed.

    The markup is the chart's ``<div>`` followed by its values as tables in a folded
    ``<details>`` (see :func:`~digital_labor.chart_tables.values_details`); ``loader`` sets
    where data URLs are found.
    """
    spec = {key: value for key, value in spec.items() if key != "$schema"}  # a URL; the mode is given below
    payload = json.dumps(spec, sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(payload.encode()).hexdigest()[:10]
    chart_id = f"dl-chart-{digest}-{next(_chart_numbers)}"
    options = {"mode": "vega-lite", "renderer": "svg", "actions": {"export": True, "source": False, "compiled": False, "editor": False}}
    options.update(spec.get("usermeta", {}).get("embedOptions", {}))
    description = spec.get("description", "")
    # The chart waits for the bundle (vega-embed and the fitting script): in a notebook, the first
    # chart's output brings it. The local vegaEmbed is the fitting one, which calls the library's.
    script = (
        f"(function draw(tries){{if(!window.dlFitEmbed){{if(tries<200){{setTimeout(function(){{draw(tries+1);}},50);}}return;}}"
        f"var vegaEmbed=window.dlFitEmbed;var options={json.dumps(options, sort_keys=True)};{loader}"
        f"vegaEmbed('#{chart_id}',{payload},options)"
        ".catch(function(e){console.error(e);});})(0);"
    ).replace("</", "<\\/")
    div = f'<div class="dl-chart" id="{chart_id}" role="figure" aria-label="{html.escape(description)}"></div>'
    return div + values_details(spec), script


def _plain_text(spec: dict[str, Any]) -> str:
    title = spec.get("title", {})
    return f"<chart: {title.get('text', '') if isinstance(title, dict) else title}>"


def render(spec: dict[str, Any], **_: Any) -> dict[str, str]:
    """Altair renderer of a book build: the chart's specification, in the figure the site draws.

    The output depends on the chart alone: the book's build (``book.figures``, outside this
    library) draws the pictures, the folded values and the interactive view when it writes the
    page. The figure's id is the specification's digest and the chart's number in the notebook.
    """
    spec = {key: value for key, value in spec.items() if key != "$schema"}
    payload = json.dumps(spec, sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(payload.encode()).hexdigest()[:10]
    safe = payload.replace("</", "<\\/")  # the specification cannot end its script element
    markup = (
        f'<figure class="{FIGURE_CLASS}" id="{FIGURE_CLASS}-{digest}-{next(_chart_numbers)}">'
        f'<script type="application/json" class="dl-chart-spec">{safe}</script></figure>'
    )
    return {"text/html": markup, "text/plain": _plain_text(spec)}


_notebook_has_vega = False


def vega_javascript() -> str:
    """vega, vega-lite and vega-embed (from vl-convert, versions matching altair), then the script
    that fits each chart to its container: one file for the site, one output in a notebook."""
    import vl_convert

    major_minor = ".".join(alt.VEGALITE_VERSION.split(".")[:2])
    bundle = vl_convert.javascript_bundle(vl_version=major_minor)
    # Wrapped in a function so that the bundle's top-level names cannot clash with the page's.
    return f"(function(){{\n{bundle}\n}})();\n{fit_script()}\n"


def render_in_notebook(spec: dict[str, Any], **_: Any) -> dict[str, str]:
    """Altair renderer for Jupyter outside the build: offline, in JupyterLab, VS Code or Colab.

    JupyterLab 4 renders vega-lite only up to version 5 and altair's default HTML loads vega
    from a CDN; this renderer instead puts vega-embed itself into the first chart's output (and
    into every chart's output in Colab, whose outputs do not share a page), so charts render
    with no connection. Interactive views need a trusted notebook, as any script output does.
    """
    global _notebook_has_vega
    import sys

    div, script = _embed_markup(spec, "")
    markup = f"{div}\n<script>{script}</script>"
    if not _notebook_has_vega or "google.colab" in sys.modules:
        bundle = re.sub(r"</(script)", r"<\\/\1", vega_javascript(), flags=re.IGNORECASE)  # cannot end its tag
        markup = f"<script>{bundle}</script>\n{markup}"
        _notebook_has_vega = True
    return {"text/html": markup, "text/plain": _plain_text(spec)}


def source_line(datasets: Iterable[str] = (), model: str | None = None, source: str | None = None) -> str:
    """'Source: …' from the manifest titles of the datasets (or a named source), plus a model label."""
    parts = [dataset(name).title for name in datasets] + ([source] if source else [])
    line = "Source: " + "; ".join(parts) + "." if parts else ""
    if model:
        line = f"{line} Model: {model} (a simulation, not data).".strip()
    if not line:
        raise ValueError("A chart needs at least one dataset or a model to cite.")
    return line


def describe(
    chart: alt.TopLevelMixin,
    *,
    title: str,
    description: str,
    datasets: Iterable[str] = (),
    model: str | None = None,
    source: str | None = None,
) -> alt.TopLevelMixin:
    """Give a chart its title, a source line (as subtitle) and a text description for screen readers.

    Cite ``datasets`` by manifest name; ``source`` names a source that is not a dataset (the
    bibliography, say); ``model`` labels a simulation as such.
    """
    if not description.strip():
        raise ValueError("A chart needs a text description for screen readers.")
    subtitle = textwrap.wrap(source_line(datasets, model, source), SOURCE_LINE_WIDTH)
    return chart.properties(title=alt.TitleParams(text=title, subtitle=subtitle), description=description)


def category_scales(categories: list[str]) -> tuple[alt.Scale, alt.Scale]:
    """Matching colour and shape scales, so that colour is never the only carrier of a category."""
    if len(categories) > len(PALETTE):
        raise ValueError(f"At most {len(PALETTE)} categories can get distinct colours and shapes.")
    colours = alt.Scale(domain=list(categories), range=PALETTE[: len(categories)])
    shapes = alt.Scale(domain=list(categories), range=SHAPES[: len(categories)])
    return colours, shapes


def world_geometry() -> alt.Data | alt.InlineData:
    """The world map for vega-lite: a URL to the site's copy in a book build, inline elsewhere."""
    fmt = alt.DataFormat(type="json", property="features")
    item = dataset("world")
    if book_mode():
        return alt.Data(url=f"{CHART_DATA_DIR}/{item.path.name}", format=fmt)
    return alt.InlineData(values=json.loads(item.path.read_text(encoding="utf-8")), format=fmt)


def _map_colour(
    table: pd.DataFrame, value_title: str, value_format: str, scale: alt.Scale | None, categories: list[str] | None
) -> tuple[alt.Color, str]:
    """The colour encoding of a map and the vega expression that shows a value in its tooltip."""
    if categories is not None:
        unknown = sorted(set(table["value"]) - set(categories))
        if unknown:
            raise ValueError(f"choropleth: values {unknown} are not among the categories {categories}.")
        return alt.Color("value:N", title=value_title, scale=category_scales(categories)[0], legend=MAP_LEGEND), "datum.value"
    legend = alt.Legend(orient="bottom", direction="horizontal", gradientLength=320, titleLimit=600)
    colour = alt.Color("value:Q", title=value_title, scale=scale or alt.Scale(scheme=SEQUENTIAL_SCHEME), legend=legend)
    return colour, f"format(datum.value, '{value_format}')"


def _no_data_layer(value_title: str) -> alt.Chart:
    """Every country of the world map in grey, its tooltip saying 'no data'."""
    return (
        alt.Chart(world_geometry())
        .mark_geoshape(fill=MISSING_COLOUR, stroke="white", strokeWidth=0.4)
        .transform_calculate(country="datum.properties.name", shown="'no data'")
        .encode(tooltip=[alt.Tooltip("country:N", title="Country"), alt.Tooltip("shown:N", title=value_title)])
    )


def _values_layer(table: pd.DataFrame, color: alt.Color, shown: str, value_title: str) -> alt.Chart:
    """The countries that have a value, coloured by it."""
    return (
        alt.Chart(world_geometry())
        .mark_geoshape(stroke="white", strokeWidth=0.4)
        .transform_lookup(lookup="properties.iso3", from_=alt.LookupData(table, "iso3", ["label", "value"]))
        .transform_calculate(country="datum.label", shown=shown)
        .encode(color=color, tooltip=[alt.Tooltip("country:N", title="Country"), alt.Tooltip("shown:N", title=value_title)])
    )


def choropleth(
    values: pd.DataFrame,
    *,
    value: str,
    value_title: str,
    title: str,
    description: str,
    datasets: Iterable[str],
    iso3: str = "iso3",
    label: str = "name",
    value_format: str = ",.1f",
    scale: alt.Scale | None = None,
    categories: list[str] | None = None,
    width: int = 600,
) -> alt.LayerChart:
    """A world map coloured by one value per country (Equal Earth projection).

    ``values`` has one row per country: an ISO3 column, a label column and the value. With
    ``categories`` the value is a category (colours from :data:`PALETTE`, in that order);
    otherwise a number on a sequential scale. Countries without a value are drawn in light
    grey and their tooltip says "no data".
    """
    missing = [c for c in (iso3, label, value) if c not in values.columns]
    if missing:
        raise ValueError(f"choropleth: column(s) {missing} not in the values frame.")
    if values[iso3].duplicated().any():
        duplicated = values.loc[values[iso3].duplicated(), iso3].iloc[0]
        raise ValueError(f"choropleth: country {duplicated} appears twice; give one value per country.")
    table = values[[iso3, label, value]].rename(columns={iso3: "iso3", label: "label", value: "value"})
    table = table.dropna(subset=["value"])
    color, shown = _map_colour(table, value_title, value_format, scale, categories)
    # Two layers: every country in grey ("no data"), then the countries that have a value. (A
    # lookup that finds nothing leaves the colour field empty, and vega-lite drops such marks.)
    chart = (
        alt.layer(_no_data_layer(value_title), _values_layer(table, color, shown, value_title))
        .project(type="equalEarth")
        .properties(width=width, height=round(width * 0.49))
    )
    return describe(chart, title=title, description=description, datasets=datasets)


def param_equals(field: str, param: alt.Parameter) -> str:
    """Vega expression: a float field equals a slider's value (up to rounding), for filters."""
    return f"abs(datum.{field} - {param.name}) < 1e-6"
