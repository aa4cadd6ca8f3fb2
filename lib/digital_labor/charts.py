"""Charts: one theme, one offline renderer, and helpers that give every chart its source line.

The book renders altair charts with vega-embed, never loaded from another host: in a book build
(``DIGITAL_LABOR_BOOK=1``) the site serves it (see :mod:`digital_labor.sphinx_ext`); in Jupyter
the first chart's output carries it. :func:`setup` picks the renderer.
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
from typing import Any

import altair as alt
import pandas as pd

from .data import dataset

__all__ = [
    "FONT",
    "MISSING_COLOUR",
    "PALETTE",
    "SEQUENTIAL_SCHEME",
    "book_mode",
    "category_scales",
    "choropleth",
    "describe",
    "figure_markup",
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
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
BOOK_ENV = "DIGITAL_LABOR_BOOK"
MAP_LEGEND = alt.Legend(orient="bottom", direction="vertical", titleLimit=600, labelLimit=400)
CHART_DATA_DIR = "_data"
SOURCE_LINE_WIDTH = 100  # characters per line of the source line under a chart's title  # where the site serves shared chart data, relative to its root
_chart_numbers = itertools.count(1)


def book_mode() -> bool:
    """True while the book is being built (charts then use the site's own vega and data)."""
    return os.environ.get(BOOK_ENV) == "1"


def theme() -> dict[str, Any]:
    """The book's altair theme: system fonts, Okabe-Ito colours, quiet axes."""
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


# How a chart fits its container (a phone, or a page beside the "Contents" sidebar): drawn by
# vega-embed, measured, and redrawn narrower, panels stacked, long titles wrapped; fonts keep
# their size. It travels once, at the end of the vega bundle (see :func:`vega_javascript`).
_FIT_SCRIPT = "\n".join(line.strip() for line in r"""
window.dlFitEmbed = window.dlFitEmbed || (function () {
  // Draws a chart with vega-embed so that it fits the width of its container: panels side by
  // side stack when they cannot fit, panels narrow (maps keep their proportions), long titles
  // wrap. Fonts keep their size. Measured after each drawing and redrawn until it fits.
  var MIN = 120, ACTIONS = 40, GAP = 20, AXES = 70;
  function copy(o) { return JSON.parse(JSON.stringify(o)); }
  function room(el) {
    var p = el.parentElement; if (!p) { return 0; }
    var cs = getComputedStyle(p);
    return p.clientWidth - (parseFloat(cs.paddingLeft) || 0) - (parseFloat(cs.paddingRight) || 0);
  }
  function lines(text, px, size) {
    var all = Array.isArray(text) ? text.join(" ") : String(text);
    var chars = Math.max(16, Math.floor(px / (size * 0.58)));
    if (all.length <= chars) { return text; }
    var out = [], line = "";
    all.split(/\s+/).forEach(function (w) {
      if (line && (line + " " + w).length > chars) { out.push(line); line = w; } else { line = line ? line + " " + w : w; }
    });
    if (line) { out.push(line); }
    return out;
  }
  function needed(el) {
    var box = el.getBoundingClientRect(), right = box.right - (parseFloat(getComputedStyle(el).paddingRight) || 0);
    Array.prototype.forEach.call(el.querySelectorAll("svg, canvas, .vega-bindings"), function (part) {
      if (!part.closest(".vega-actions") && !part.closest("summary")) { right = Math.max(right, part.getBoundingClientRect().right); }
    });
    return right - box.left + (parseFloat(getComputedStyle(el).paddingRight) || 0);
  }
  function width(n, def) { return typeof n.width === "number" ? n.width : (n.width === undefined ? def : null); }
  function est(n, def) {
    if (n.hconcat) { return n.hconcat.reduce(function (a, c) { return a + est(c, def) + GAP; }, -GAP); }
    var kids = n.vconcat || n.concat;
    if (kids) { return Math.max.apply(null, kids.map(function (c) { return est(c, def); })) * (n.concat && n.columns > 1 ? Math.min(n.columns, kids.length) : 1); }
    if (n.spec) { return est(n.spec, def) * (n.columns > 1 ? n.columns : 1); }
    return (width(n, def) || def) + AXES;
  }
  function stack(n, inner, def) {
    if (n.hconcat && est(n, def) > inner && (inner - (AXES + GAP) * n.hconcat.length) / n.hconcat.length < 240) {
      n.vconcat = n.hconcat; delete n.hconcat;
    }
    if ((n.concat || n.spec) && n.columns > 1 && est(n, def) > inner) { n.columns = 1; }
    ["hconcat", "vconcat", "concat"].forEach(function (k) { (n[k] || []).forEach(function (c) { stack(c, inner, def); }); });
    if (n.spec) { stack(n.spec, inner, def); }
  }
  function titles(n, inner, cfg) {
    var title = cfg.title || {}, size = title.fontSize || 13;
    (function visit(node) {
      if (!node || typeof node !== "object") { return; }
      if (Array.isArray(node)) { node.forEach(visit); return; }
      var px = node === n ? inner : inner - AXES;
      if (node.title) {
        if (typeof node.title !== "object" || Array.isArray(node.title)) { node.title = { text: node.title }; }
        node.title.text = lines(node.title.text, px, size);
        if (node.title.subtitle) { node.title.subtitle = lines(node.title.subtitle, px, title.subtitleFontSize || size * 0.8); }
      }
      ["layer", "hconcat", "vconcat", "concat"].forEach(function (k) { visit(node[k]); });
      visit(node.spec);
    })(n);
  }
  function texts(n, inner, cfg) {
    var axis = cfg.axis || {}, legend = cfg.legend || {};
    (function visit(node) {
      if (!node || typeof node !== "object") { return; }
      if (Array.isArray(node)) { node.forEach(visit); return; }
      var enc = node.encoding || {};
      Object.keys(enc).forEach(function (ch) {
        var e = enc[ch];
        if (!e || typeof e !== "object" || Array.isArray(e)) { return; }
        if (typeof e.title === "string" && ch !== "y" && ch !== "tooltip") {
          e.title = lines(e.title, inner - (ch === "x" ? AXES : ACTIONS), axis.titleFontSize || 11);
        }
        if (e.axis && typeof e.axis === "object" && e.axis.labelLimit > inner * 0.45) { e.axis.labelLimit = Math.round(inner * 0.45); }
        if (e.legend && typeof e.legend === "object") {
          if (e.legend.orient === "left" || e.legend.orient === "right") { e.legend.orient = "bottom"; }
          if (e.legend.gradientLength > inner - 80) { e.legend.gradientLength = inner - 80; }
          ["titleLimit", "labelLimit"].forEach(function (k) { if (e.legend[k] > inner - ACTIONS) { e.legend[k] = inner - ACTIONS; } });
        }
      });
      ["layer", "hconcat", "vconcat", "concat"].forEach(function (k) { visit(node[k]); });
      visit(node.spec);
    })(n);
    ["titleLimit", "labelLimit"].forEach(function (k) { legend[k] = Math.min(legend[k] || inner, inner - ACTIONS); });
    // Legends go under the chart, one entry a line, where they do not take the plot's width.
    legend.orient = "bottom"; legend.direction = "vertical";
    legend.layout = { bottom: { direction: "vertical", anchor: "start" } };
    axis.labelLimit = Math.min(axis.labelLimit || 180, Math.round(inner * 0.45));
    cfg.axis = axis; cfg.legend = legend;
  }
  function prepare(spec, r, compact) {
    var s = copy(spec);
    if (!(r > 0)) { return s; }
    var cfg = s.config = s.config || {};
    var def = (cfg.view || {}).continuousWidth || 300, inner = r - ACTIONS;
    stack(s, inner, def);
    titles(s, inner, cfg);
    if (compact) { texts(s, inner, cfg); }
    return s;
  }
  function shrink(n, by, def) {
    var changed = false;
    if (n.hconcat) {
      n.hconcat.forEach(function (c) { changed = shrink(c, Math.ceil(by / n.hconcat.length), def) || changed; });
      return changed;
    }
    var kids = n.vconcat || n.concat;
    if (kids) {
      var most = est(n, def);
      kids.forEach(function (c) { var e = est(c, def); if (e > most - by) { changed = shrink(c, e - (most - by), def) || changed; } });
      return changed;
    }
    if (n.spec) { return shrink(n.spec, Math.ceil(by / (n.columns > 1 ? n.columns : 1)), def); }
    if (!(n.mark || n.layer)) { return false; }
    var w = width(n, def);
    if (w === null) { return false; }
    var nw = Math.max(MIN, Math.round(w - by));
    if (nw >= w) { return false; }
    // Maps keep their proportions.
    if (n.projection && typeof n.height === "number") { n.height = Math.round(n.height * nw / w); }
    n.width = nw;
    return true;
  }
  return function (target, spec, options) {
    var el = typeof target === "string" ? document.querySelector(target) : target;
    var result = null, drawn = -1, timer = null;
    function draw(s) {
      if (result) { result.finalize(); result = null; }
      el.innerHTML = "";
      el.removeAttribute("data-dl-scale");
      return window.vegaEmbed(el, s, options).then(function (r) {
        result = r;
        // vega-embed's export menu is a <summary> holding only an icon: it gets a name.
        var menu = el.querySelector("summary");
        if (menu) { menu.setAttribute("aria-label", "Export this chart"); }
        return r;
      });
    }
    // Last resort, for a chart that is wider than the screen at any plot size (labels beside a
    // diagram, say): draw it smaller, down to 0.8 of its size. (The SVG renderer finds the
    // hovered mark from the pointer's target, so tooltips still match.)
    function scale(over) {
      var svg = el.querySelector("svg.marks");
      if (!svg) { return; }
      var w = parseFloat(svg.getAttribute("width")), f = Math.max(0.8, (w - over) / w);
      svg.style.width = Math.floor(w * f) + "px";
      svg.style.height = "auto";
      el.setAttribute("data-dl-scale", f);
    }
    function fit() {
      var r = room(el);
      drawn = r;
      // Panels narrowed step by step; if that is not enough, again in the compact layout
      // (legends under the plot, long labels cut), which a narrow screen gets at once.
      function attempt(compact) {
        var s = prepare(spec, r, compact), passes = 0, last = null, before = Infinity;
        var def = ((s.config || {}).view || {}).continuousWidth || 300;
        function pass() {
          return draw(s).then(function () {
            var over = Math.ceil(needed(el) - r);
            // Narrower panels that did not make the chart narrower: something else is wide; go back.
            if (last && over > before - 2) { s = last; return draw(s).then(function () { return Math.ceil(needed(el) - r); }); }
            last = copy(s); before = over;
            if (r > 0 && over > 1 && passes < 5 && shrink(s, over, def)) { passes += 1; return pass(); }
            return over;
          });
        }
        return pass();
      }
      var compact = r - ACTIONS < 620;
      return attempt(compact).then(function (over) {
        return r > 0 && over > 1 && !compact ? attempt(true) : over;
      }).then(function (over) {
        if (r > 0 && over > 1) { scale(over); }
        return result;
      });
    }
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var r = room(el);
        if (r > 0 && Math.abs(r - drawn) >= 24) {
          fit().then(function () { el.dispatchEvent(new Event("dl-chart-drawn")); }).catch(function (e) { console.error(e); });
        }
      }, 250);
    });
    return fit().then(function (res) { el.dispatchEvent(new Event("dl-chart-drawn")); return res; });
  };
})();
""".strip().splitlines() if not line.strip().startswith("//"))
FIT_SCRIPT_DIGEST = hashlib.sha256(_FIT_SCRIPT.encode()).hexdigest()[:8]  # names the bundle that carries it
DATA_TABLE_CELLS = 500  # a chart's data table keeps at most about this many cells (rows evenly spaced)
# Filters that keep the rows at a slider's value: param_equals's, or an equality.
_PARAM_FILTERS = (re.compile(r"^abs\(datum\.(?P<field>\w+) - (?P<param>\w+)\) < (?P<tol>[0-9.e-]+)$"),
                  re.compile(r"^datum\.(?P<field>\w+) ===? (?P<param>\w+)$"))
_LAYOUT_CHANNELS = {"latitude", "longitude", "latitude2", "longitude2", "order", "detail", "key", "href", "angle"}
_LEGEND_CHANNELS = {"color", "fill", "stroke", "shape", "strokeDash", "size", "opacity", "strokeWidth"}


def _embed_markup(spec: dict[str, Any], loader: str) -> tuple[str, str]:
    """A chart's markup and the script that draws it, fitted to its container, with vega-embed.

    The markup is the chart's ``<div>`` followed by its values as tables in a folded
    ``<details>`` (see :func:`_data_details`); ``loader`` sets where data URLs are found.
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
    return div + _data_details(spec), script


def _encodings(node: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(channel, field definition) pairs of one view's encoding, tooltips first, in their order."""
    pairs = []
    for channel, value in node.get("encoding", {}).items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                item = item.get("condition", item) if "field" not in item else item
                if isinstance(item, dict) and isinstance(item.get("field"), str):
                    pairs.append((channel, item))
    return sorted(pairs, key=lambda pair: pair[0] != "tooltip")


def _views(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every drawn view: its datasets (own or inherited, and lookups), encodings and filters."""
    views: list[dict[str, Any]] = []

    def visit(node: dict[str, Any], data: Any, encoding: dict[str, Any], transforms: list[dict[str, Any]]) -> None:
        data = node.get("data", data)
        encoding = {**encoding, **node.get("encoding", {})}
        transforms = [*transforms, *node.get("transform", [])]
        if "mark" in node:
            sources = [data] + [t["from"]["data"] for t in transforms if "lookup" in t and isinstance(t.get("from", {}).get("data"), dict)]
            views.append({"sources": [d for d in sources if isinstance(d, dict)], "encoding": _encodings({"encoding": encoding}),
                          "calculate": {t["as"]: t["calculate"] for t in transforms if "calculate" in t},
                          "filters": [t["filter"] for t in transforms if isinstance(t.get("filter"), str)]})
        for key in ("layer", "hconcat", "vconcat", "concat"):
            for child in node.get(key, []):
                visit(child, data, encoding if key == "layer" else {}, transforms)
        if isinstance(node.get("spec"), dict):
            visit(node["spec"], data, {}, transforms)

    visit(spec, None, {}, [])
    return views


def _params(spec: dict[str, Any]) -> dict[str, tuple[Any, str]]:
    """Every parameter with a starting value: name -> (value, the label of its control)."""
    found: dict[str, tuple[Any, str]] = {}

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for param in node.get("params", []) if isinstance(node.get("params"), list) else []:
                if isinstance(param, dict) and "value" in param and not isinstance(param["value"], (dict, list)):
                    label = (param.get("bind") or {}).get("name", param["name"]) if isinstance(param.get("bind"), dict) else param["name"]
                    found[param["name"]] = (param["value"], str(label).strip().rstrip(":").strip())
            for key, value in node.items():
                if key != "datasets":
                    visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(spec)
    return found


def _format_value(value: Any, definition: dict[str, Any]) -> str:
    """A value as the chart's tooltip would show it (the d3 formats the book uses), or plainly."""
    import datetime as dt
    import math

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    fmt = definition.get("format")
    if definition.get("type") == "temporal" and isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
        return moment.strftime(fmt) if isinstance(fmt, str) else moment.date().isoformat()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    match = re.fullmatch(r"(,)?(?:\.(\d+))?([fd%e])?", fmt) if isinstance(fmt, str) else None
    if match:
        comma, digits, kind = match.group(1) or "", int(match.group(2) or 0), match.group(3) or "f"
        if kind == "%":
            return f"{value * 100:{comma}.{digits}f} %"
        if kind == "d":
            return f"{round(value):{comma}d}"
        if kind == "e":
            return f"{value:.{digits}e}"
        return f"{value:{comma}.{digits}f}"
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:,.0f}" if abs(value) >= 10_000 else f"{value:.4g}"


def _data_tables(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The chart's inline data as tables, limited to the fields its views encode.

    Views with a tooltip show values only on hover: their datasets are tabled, with the tooltip
    fields first and the other encoded fields after (layout coordinates left out). A chart
    without tooltips tables every dataset it encodes. Fields computed by a ``calculate`` stand
    for the dataset fields they read. When every view of a dataset filters it to a slider's
    value (``param_equals``), the table shows the rows at the slider's starting value.
    """
    datasets = spec.get("datasets", {})
    views = _views(spec)
    params = _params(spec)
    any_tooltip = any(channel == "tooltip" for view in views for channel, _ in view["encoding"])
    tabled: dict[str, dict[str, Any]] = {}
    for view in views:
        for source in view["sources"]:
            name = source.get("name")
            rows = datasets.get(name) if name else source.get("values")
            if not isinstance(rows, list) or not rows or not isinstance(rows[0], dict):
                continue
            key = name or f"inline-{id(source)}"
            entry = tabled.setdefault(key, {"rows": rows, "fields": {}, "tooltip": False, "filters": []})
            columns = set().union(*(row.keys() for row in rows[:50]))
            entry["tooltip"] |= any(channel == "tooltip" for channel, _ in view["encoding"])
            # Positions without an axis (a network's layout, say) are coordinates, not values.
            hidden = {c for c, d in view["encoding"] if c in ("x", "y") and d.get("axis", {}) is None}
            for channel, definition in view["encoding"]:
                if channel in _LAYOUT_CHANNELS or channel[:1] in hidden and channel in ("x", "y", "x2", "y2"):
                    continue
                # With tooltips, what the chart already writes out (text marks, untitled axes' labels) stays out.
                if any_tooltip and channel != "tooltip" and channel not in _LEGEND_CHANNELS and not definition.get("title"):
                    continue
                field = definition["field"]
                read = [field] if field in columns else [f for f in re.findall(r"datum\.(\w+)", view["calculate"].get(field, "")) if f in columns]
                for column in read:
                    title = definition.get("title") if len(read) == 1 and isinstance(definition.get("title"), str) else None
                    known = entry["fields"].get(column)
                    if known is None or (known["title"] is None and title):
                        entry["fields"][column] = {"title": title or (known or {}).get("title"), "definition": definition}
            matched = [m for f in view["filters"] for m in (p.match(f.strip()) for p in _PARAM_FILTERS) if m and m["param"] in params]
            entry["filters"].append([(m["field"], m["param"], float(m.groupdict().get("tol") or 1e-9)) for m in matched])
    tables = []
    for entry in tabled.values():
        if not entry["fields"] or (any_tooltip and not entry["tooltip"]):
            continue
        rows, note = entry["rows"], []
        common = set(entry["filters"][0]).intersection(*map(set, entry["filters"][1:])) if entry["filters"] else set()
        for field, param, tolerance in sorted(common):
            value, label = params[param]
            kept = [row for row in rows if row.get(field) == value or isinstance(row.get(field), (int, float))
                    and isinstance(value, (int, float)) and abs(row[field] - value) <= tolerance]
            if kept:
                rows = kept
                note.append(f"at the starting value of the control “{label}” ({value})")
        fields = list(entry["fields"])
        cells = [[_format_value(row.get(f), entry["fields"][f]["definition"]) for f in fields] for row in rows]
        cells = list(dict.fromkeys(map(tuple, cells)))  # drop rows that repeat once reduced to these fields
        total, most = len(cells), max(30, DATA_TABLE_CELLS // max(len(fields), 1))
        if total > most:
            step = -(-total // most)
            cells = cells[::step]
            note.append(f"one row in {step} of {total}")
        headers = [entry["fields"][f]["title"] or f.replace("_", " ") for f in fields]
        table = {"headers": headers, "rows": cells, "note": "; ".join(note)}
        if table not in tables:  # two layers drawing the same values (lines and arrows, say) give one table
            tables.append(table)
    return tables


def _data_details(spec: dict[str, Any]) -> str:
    """The chart's values, folded under the chart: reachable without hovering, by keyboard and touch."""
    tables = _data_tables(spec)
    if not tables:
        return ""
    title = spec.get("title", {})
    title = title.get("text", "") if isinstance(title, dict) else title
    title = " ".join(title) if isinstance(title, list) else str(title or "the chart")
    parts = []
    for number, table in enumerate(tables, 1):
        caption = f"Values of “{title}”" + (f", table {number} of {len(tables)}" if len(tables) > 1 else "")
        caption += f" ({table['note']})" if table["note"] else ""
        head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in table["headers"])
        body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in table["rows"])
        parts.append(f'<div class="dl-chart-data__table" role="region" tabindex="0" aria-label="{html.escape(caption)}">'
                     f"<table><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")
    return f'<details class="dl-chart-data"><summary>The values in this chart, as a table</summary>{"".join(parts)}</details>'


def _plain_text(spec: dict[str, Any]) -> str:
    title = spec.get("title", {})
    return f"<chart: {title.get('text', '') if isinstance(title, dict) else title}>"


def render(spec: dict[str, Any], **_: Any) -> dict[str, str]:
    """Altair renderer of the book: the chart as a picture, and its interactive view on demand.

    The chart is drawn to SVG now, at two widths (desktop and phone), by vl-convert (see
    :mod:`digital_labor.static_charts`): a reader sees it with no script. Charts with sliders,
    selectors or tooltips also carry a hidden container and an "Interactive version" button;
    the site's ``dl-charts.js`` loads vega (served by the site, see :mod:`digital_labor.sphinx_ext`)
    only when the reader reaches for such a chart. The pictures and the specification travel
    inline here; the site's build moves them into files of their own.
    """
    return {"text/html": figure_markup(spec), "text/plain": _plain_text(spec)}


FIGURE_CLASS = "dl-figure"
LIVE_BUTTON_TEXT = {"controls": "Interactive version (with its controls)", "pointer": "Interactive version (values on hover)"}


def figure_markup(spec: dict[str, Any]) -> str:
    """A chart's ``<figure>``: its pictures, its specification, its values as tables, and for an
    interactive chart the container and button of its interactive view."""
    import base64

    from .static_charts import PHONE_MEDIA, interactivity, picture_svgs, svg_size

    spec = {key: value for key, value in spec.items() if key != "$schema"}
    payload = json.dumps(spec, sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(payload.encode()).hexdigest()[:10]
    number = next(_chart_numbers)
    kind = interactivity(spec)
    description = html.escape(spec.get("description", "") or _plain_text(spec).strip("<>"))
    svgs = picture_svgs(spec)

    def uri(svg: str) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()

    width, height = svg_size(svgs["desktop"])
    source = ""
    if "phone" in svgs:
        phone_width, phone_height = svg_size(svgs["phone"])
        source = f'<source media="{PHONE_MEDIA}" srcset="{uri(svgs["phone"])}" width="{phone_width}" height="{phone_height}">'
    picture = (f'<picture class="dl-picture">{source}<img class="dl-chart-image" src="{uri(svgs["desktop"])}" alt="{description}" '
               f'width="{width}" height="{height}" decoding="async"></picture>')
    live = ""
    if kind:
        live = (f'<div class="dl-chart" id="dl-chart-{digest}-{number}" role="figure" aria-label="{description}" hidden></div>'
                f'<button type="button" class="dl-chart-live" hidden>{LIVE_BUTTON_TEXT[kind]}</button>')
    safe = payload.replace("</", "<\\/")  # the specification cannot end its script element
    spec_script = f'<script type="application/json" class="dl-chart-spec">{safe}</script>'
    return (f'<figure class="{FIGURE_CLASS}" id="dl-figure-{digest}-{number}" data-dl-interactive="{kind}">'
            f"{picture}{live}{spec_script}{_data_details(spec)}</figure>")


_notebook_has_vega = False


def vega_javascript() -> str:
    """vega, vega-lite and vega-embed (from vl-convert, versions matching altair), then the script
    that fits each chart to its container: one file for the site, one output in a notebook."""
    import vl_convert

    major_minor = ".".join(alt.VEGALITE_VERSION.split(".")[:2])
    bundle = vl_convert.javascript_bundle(vl_version=major_minor)
    # Wrapped in a function so that the bundle's top-level names cannot clash with the page's.
    return f"(function(){{\n{bundle}\n}})();\n{_FIT_SCRIPT}\n"


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
