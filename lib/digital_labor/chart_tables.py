"""A chart's values as tables, folded under it: readable without hovering, by keyboard and touch.

Both renderers use it: the site's figures (the build's ``book.figures``) and the charts of a
notebook run in Jupyter (:func:`digital_labor.charts.render_in_notebook`). The tables are read
from the chart's specification: the values each view draws, in the fields it encodes, formatted
as its tooltips format them.
"""

from __future__ import annotations

import html
import re
from typing import Any

from .vega_expr import Unsupported, evaluate, names_read

__all__ = ["DATA_TABLE_CELLS", "data_tables", "values_details"]

DATA_TABLE_CELLS = 500  # a chart's data table keeps at most about this many cells (rows evenly spaced)
# Filters that keep the rows at a slider's value: param_equals's, or an equality.
_PARAM_FILTERS = (
    re.compile(r"^abs\(datum\.(?P<field>\w+) - (?P<param>\w+)\) < (?P<tol>[0-9.e-]+)$"),
    re.compile(r"^datum\.(?P<field>\w+) ===? (?P<param>\w+)$"),
)
_LAYOUT_CHANNELS = {"latitude", "longitude", "latitude2", "longitude2", "order", "detail", "key", "href", "angle"}
_LEGEND_CHANNELS = {"color", "fill", "stroke", "shape", "strokeDash", "size", "opacity", "strokeWidth"}


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
            views.append(
                {
                    "sources": [d for d in sources if isinstance(d, dict)],
                    "encoding": _encodings({"encoding": encoding}),
                    "calculate": {t["as"]: t["calculate"] for t in transforms if "calculate" in t},
                    "filters": [t["filter"] for t in transforms if isinstance(t.get("filter"), str)],
                    "mark": node["mark"].get("type") if isinstance(node["mark"], dict) else node["mark"],
                }
            )
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


def _calculated(
    view: dict[str, Any], rows: list[dict[str, Any]], params: dict[str, tuple[Any, str]]
) -> tuple[dict[str, list[Any]], set[str]]:
    """The view's calculated fields it can evaluate on every row, at the parameters' starting
    values (field -> values, row by row), and the parameters they read."""
    values = {name: value for name, (value, _) in params.items()}
    computed: dict[str, list[Any]] = {}
    read: set[str] = set()
    for field, expression in view["calculate"].items():
        try:
            column = []
            for row, *done in zip(rows, *computed.values(), strict=True):
                column.append(evaluate(expression, {**row, **dict(zip(computed, done, strict=True))}, values))
        except Unsupported:
            continue
        computed[field] = column
        read |= names_read(expression) & set(params)
    return computed, read


def _redundant(fields: dict[str, dict[str, Any]], rows: list[dict[str, Any]]) -> set[str]:
    """The fields a reader does not need: one that no tooltip names and whose header, or whose
    value in every row, another tabled field already shows (a bar's start, say)."""
    dropped: set[str] = set()
    for name, field in fields.items():
        if field["tooltip"]:
            continue
        others = [other for other in fields if other != name and other not in dropped]
        header = field["title"] or name
        same_title = any((fields[other]["title"] or other) == header for other in others[: list(fields).index(name)])
        repeated = bool(rows) and all(any(row.get(name) == row.get(other) for other in others) for row in rows)
        if same_title or repeated:
            dropped.add(name)
    return dropped


def _grid_runs(cells: list[list[str]], x: int, y: int) -> list[list[str]]:
    """A grid's rows (x by y, an outcome in the other columns), with each run of consecutive x
    cells that share a y and an outcome given as one row, its x as a range (“0–18”)."""

    def number(text: str) -> tuple[int, float | str]:
        try:
            return (0, float(text.replace(",", "")))
        except ValueError:
            return (1, text)

    merged: list[list[str]] = []
    for row in sorted(cells, key=lambda row: (number(row[y]), number(row[x]))):
        last = merged[-1] if merged else None
        if (
            last
            and last[y] == row[y]
            and [c for i, c in enumerate(last) if i not in (x, y)] == [c for i, c in enumerate(row) if i not in (x, y)]
        ):
            last[x] = last[x].split("–")[0] + "–" + row[x]
        else:
            merged.append(list(row))
    return merged


def data_tables(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The chart's inline data as tables, limited to the fields its views encode.

    Views with a tooltip show values only on hover: their datasets are tabled, with the tooltip
    fields first and the other encoded fields after (layout coordinates left out). A chart
    without tooltips tables every dataset it encodes. A field computed by a ``calculate`` is
    evaluated at the controls' starting values (:mod:`digital_labor.vega_expr`); one it cannot
    evaluate stands for the dataset fields it reads. A column no tooltip names that repeats
    another's header or values is left out. When every view of a dataset filters it to a slider's
    value (``param_equals``), the table shows the rows at the slider's starting value. A grid of
    rectangles (a region chart) is tabled as runs along its x axis.
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
            entry = tabled.setdefault(
                key, {"rows": [dict(row) for row in rows], "fields": {}, "tooltip": False, "filters": [], "params": set(), "grid": None}
            )
            computed, read_params = _calculated(view, entry["rows"], params)
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
                if field not in columns and field in computed:
                    for row, value in zip(entry["rows"], computed[field], strict=True):
                        row[field] = value
                    columns.add(field)
                    entry["params"] |= read_params
                read = (
                    [field]
                    if field in columns
                    else [f for f in re.findall(r"datum\.(\w+)", view["calculate"].get(field, "")) if f in columns]
                )
                for column in read:
                    title = definition.get("title") if len(read) == 1 and isinstance(definition.get("title"), str) else None
                    known = entry["fields"].get(column)
                    # A tooltip's title and format win over an axis's: the table shows values as the tooltip does.
                    from_tooltip = channel == "tooltip" and known is not None and not known["tooltip"]
                    if known is None or (known["title"] is None and title) or from_tooltip:
                        entry["fields"][column] = {
                            "title": title or (known or {}).get("title"),
                            "definition": definition,
                            "tooltip": channel == "tooltip" or bool(known and known["tooltip"]),
                        }
            if view["mark"] == "rect":
                axes = {c: d["field"] for c, d in view["encoding"] if c in ("x", "y") and d.get("type") in ("ordinal", "nominal")}
                entry["grid"] = (axes["x"], axes["y"]) if len(axes) == 2 else None
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
            kept = [
                row
                for row in rows
                if row.get(field) == value
                or isinstance(row.get(field), (int, float))
                and isinstance(value, (int, float))
                and abs(row[field] - value) <= tolerance
            ]
            if kept:
                rows = kept
                note.append(f"at the starting value of the control “{label}” ({value})")
        if entry["params"] - {param for _, param, _ in common}:
            starting = ", ".join(f"“{params[p][1]}” {params[p][0]}" for p in sorted(entry["params"]))
            note.append(f"computed at the controls' starting values ({starting})")
        dropped = _redundant(entry["fields"], rows)
        fields = [f for f in entry["fields"] if f not in dropped]
        cells = [[_format_value(row.get(f), entry["fields"][f]["definition"]) for f in fields] for row in rows]
        cells = list(dict.fromkeys(map(tuple, cells)))  # drop rows that repeat once reduced to these fields
        if entry["grid"] and all(axis in fields for axis in entry["grid"]) and len(fields) > 2:
            cells = _grid_runs([list(row) for row in cells], fields.index(entry["grid"][0]), fields.index(entry["grid"][1]))
            note.append("runs of cells with the same outcome in one row")
        total, most = len(cells), max(30, DATA_TABLE_CELLS // max(len(fields), 1))
        if total > most:
            step = -(-total // most)
            cells = cells[::step]
            note.append(f"one row in {step} of {total}")
        headers = [entry["fields"][f]["title"] or f.replace("_", " ") for f in fields]
        table = {"headers": headers, "rows": [list(row) for row in cells], "note": "; ".join(note)}
        if table not in tables:  # two layers drawing the same values (lines and arrows, say) give one table
            tables.append(table)
    return tables


def values_details(spec: dict[str, Any]) -> str:
    """The chart's values, folded under the chart: reachable without hovering, by keyboard and touch."""
    tables = data_tables(spec)
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
        parts.append(
            f'<div class="dl-chart-data__table" role="region" tabindex="0" aria-label="{html.escape(caption)}">'
            f"<table><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
        )
    return f'<details class="dl-chart-data"><summary>The values in this chart, as a table</summary>{"".join(parts)}</details>'
