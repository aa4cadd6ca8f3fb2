"""Tables for readers: a frame shown with labelled columns, formatted numbers, a caption and a source.

Every table a page shows goes through :func:`table`, built on pandas' Styler. Its HTML is small
and self-contained (no script, no style element, no external address): a ``<table>`` with a
caption and scoped headers, wrapped in a scrollable region, and the source line under it. In a
plain notebook the same object shows as HTML, and as aligned text where HTML is not read.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .charts import source_line
from .data import dataset

__all__ = ["Table", "TableError", "default_format", "manifest_labels", "table"]

_SCIENTIFIC = re.compile(r"[eEgGn]$")
_SPEC = re.compile(r"^[,_]?(?:\.\d+)?[df%]?$")
_YEAR_LABEL = re.compile(r"^(?:fiscal )?year\b", re.IGNORECASE)  # "Year", "Fiscal year"; not "US$ a year" nor "Full-time years"
MAX_DECIMALS = 4
PER_VALUE = "per value"  # the format of a column of mixed magnitudes: each number its own decimals


class TableError(ValueError):
    """A table asked for something its frame cannot give: the message names the column and the rule."""


def default_format(values: pd.Series, label: str = "") -> str:
    """A format spec for a numeric column: integers as integers (years without a separator), else
    fixed decimals (as many as the column's values need at three significant digits, one to four),
    with thousands separators. A year is a whole column whose label starts with the word "Year" (or "Fiscal year").
    A column whose magnitudes span three orders or more (figures of different kinds, as published)
    gets :data:`PER_VALUE`: each value its own decimals."""
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    whole = numbers.empty or bool((numbers == numbers.round()).all())
    if whole and _YEAR_LABEL.match(label.strip()) and numbers.between(1800, 2200).all():
        return ".0f"
    if pd.api.types.is_integer_dtype(values) or whole:
        return ",.0f"
    smallest = numbers[numbers != 0].abs().min()
    if pd.notna(smallest) and numbers.abs().max() / smallest >= 1_000:
        return PER_VALUE
    decimals = max((_decimals(value) for value in numbers if value != 0), default=1)
    return f",.{max(1, decimals)}f"


def _decimals(value: float) -> int:
    """The decimals a number needs at three significant digits (at most four), trailing zeros dropped."""
    needed = min(MAX_DECIMALS, max(0, 2 - math.floor(math.log10(abs(value)))))
    if round(value, needed) == 0:  # below the last decimal shown: all of them (the value shows as a bound)
        return needed
    return next(d for d in range(needed + 1) if round(value, d) == round(value, needed))


def _is_number_column(values: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)


def _check_spec(column: Any, spec: str) -> str:
    """The spec, once checked: a fixed-point, integer or percent format (or :data:`PER_VALUE`), never scientific notation."""
    if spec == PER_VALUE:
        return spec
    if not isinstance(spec, str) or _SCIENTIFIC.search(spec) or not _SPEC.match(spec):
        raise TableError(
            f"column {column!r}: format {spec!r} is not a fixed-point format such as ',.1f', ',.0f', ',d' or '.1%' "
            "(scientific notation is not allowed)"
        )
    return spec


def manifest_labels(datasets: Iterable[str]) -> dict[str, str]:
    """Each field of the datasets as the manifest titles it, with its unit: ``"GDP (current US$)"``."""
    labels: dict[str, str] = {}
    for name in datasets:
        for field in dataset(name).schema["fields"]:
            title = field.get("title", field["name"])
            labels.setdefault(field["name"], f"{title} ({field['unit']})" if field.get("unit") else title)
    return labels


def _tiny(value: float, spec: str) -> str | None:
    """A nonzero value that ``spec`` would round to zero, as a bound: "< 0.0001" (or "> -0.0001"); else None."""
    text = format(value, spec)
    if value == 0 or pd.isna(value) or text.strip("-0.,") != "":
        return None
    decimals = int(spec.rpartition(".")[2][:-1] or 0)
    step = format(10.0**-decimals, f".{decimals}f")
    return f"< {step}" if value > 0 else f"> -{step}"


def _per_value(value: float) -> str:
    """One number as an integer if it is one, else with three significant digits (one to four
    decimals); a nonzero value below the fourth decimal as a bound (:func:`_tiny`)."""
    if float(value).is_integer():
        return f"{value:,.0f}"
    spec = f",.{max(1, _decimals(value))}f"
    return _tiny(value, f",.{MAX_DECIMALS}f") or format(value, spec)


def _formatter(spec: str, bound_tiny: bool = False) -> Any:
    """The function showing one value with ``spec``; with ``bound_tiny`` (the default formats), a
    nonzero value the spec would show as zero is shown as a bound (:func:`_tiny`)."""
    if spec == PER_VALUE:
        return _per_value
    if spec.endswith("%"):  # "12.3 %", as the book writes a percentage
        return lambda value: format(value, spec)[:-1] + " %"
    if bound_tiny and spec.endswith("f"):
        return lambda value: _tiny(value, spec) or format(value, spec)
    return lambda value: format(value, spec)


def _header_names(frame: pd.DataFrame) -> set[Any]:
    columns = frame.columns
    if isinstance(columns, pd.MultiIndex):
        return {value for level in columns.levels for value in level}
    return set(columns)


@dataclass(frozen=True)
class Table:
    """A formatted table: shows as HTML in a page or a notebook, as aligned text elsewhere."""

    styler: Any  # pandas.io.formats.style.Styler
    caption: str
    source: str  # the source line: "Source: …." and a model label
    number_columns: tuple[int, ...]  # positions (among the cells of a row) of the numeric columns
    row_headers: int  # how many leading cells of a row are its headers (the index, when it is data)
    text: str  # the table as aligned text

    def to_html(self) -> str:
        """The table's HTML: a region holding the table (caption, scoped headers) and its source line."""
        body = self.styler.to_html(exclude_styles=True)
        body = re.sub(r"<table>", '<table class="dl-table__table">', body, count=1)
        head, _, rest = body.partition("</thead>")
        head = re.sub(r"<th (colspan=\"\d+\")\s*>", r'<th scope="colgroup" \1>', head)
        head = re.sub(r"<th\s*>", '<th scope="col">', head)
        rest = re.sub(r"<tr>(.*?)</tr>", self._cells, rest, flags=re.DOTALL)
        label = html.escape(self.caption, quote=True)
        source = f'<p class="dl-table__source">{html.escape(self.source)}</p>'
        table = re.sub(r"\n\s*", "", head + "</thead>" + rest)
        return f'<div class="dl-table"><div class="dl-table__scroll" role="region" tabindex="0" aria-label="{label}">{table}</div>{source}</div>'

    def _cells(self, row: re.Match[str]) -> str:
        """One body row: its leading index cells as row headers, its number cells marked for alignment."""
        positions = iter(range(len(row.group(1))))

        def cell(match: re.Match[str]) -> str:
            position = next(positions)
            if position < self.row_headers:
                return f'<th scope="row">{match.group(1)}</th>'
            return ('<td class="dl-num">' if position in self.number_columns else "<td>") + match.group(1) + "</td>"

        return "<tr>" + re.sub(r"<td\s*>(.*?)</td>", cell, row.group(1), flags=re.DOTALL) + "</tr>"

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return f"{self.caption}\n\n{self.text}\n\n{self.source}"


def table(
    frame: pd.DataFrame,
    *,
    caption: str,
    source: str | None = None,
    datasets: Iterable[str] = (),
    model: str | None = None,
    labels: Mapping[Any, str] | None = None,
    formats: Mapping[Any, str] | None = None,
    index: bool = False,
    missing: str = "–",
) -> Table:
    """Show ``frame`` for a reader, with a caption and a source line.

    The source line is the charts' (:func:`digital_labor.charts.source_line`): the manifest
    titles of ``datasets``, a named ``source`` (a publication, a register), and a ``model``
    label when the table holds a simulation's results.

    ``labels`` maps column (or, with ``index=True``, index) names to the headers a reader sees,
    with their units; a column it leaves out takes the manifest's title and unit of the field of
    that name in ``datasets``; every other header must already read as words (no ``_``).
    ``formats`` maps numeric columns to a fixed-point spec (``",.1f"``, ``",.0f"``, ``".1%"``);
    other numeric columns get :func:`default_format`. The index is hidden unless ``index`` says it
    is data. Raises :class:`TableError` naming the column for a label or format of a missing
    column, a format for a non-numeric column, a scientific format, or an unlabelled snake_case header.
    """
    if not isinstance(frame, pd.DataFrame):
        raise TableError(f"table() takes a DataFrame, not {type(frame).__name__}")
    if not caption.strip():
        raise TableError("a table needs a caption")
    try:
        line = source_line(datasets, model, source)
    except ValueError:
        raise TableError(f"table {caption!r}: name its source (datasets, source or model)") from None
    formats = dict(formats or {})
    shown = frame.reset_index() if index else frame.copy()
    shown.columns = shown.columns.set_names([None] * shown.columns.nlevels)  # a pivot's column-axis name is not a header
    row_headers = frame.index.nlevels if index else 0
    names = _header_names(shown)
    for column in labels or {}:
        if column not in names:
            raise TableError(f"labels: column {column!r} is not in the frame (its columns: {list(shown.columns)})")
    labels = {**{k: v for k, v in manifest_labels(datasets).items() if k in names}, **(labels or {})}
    for column, spec in formats.items():
        if column not in shown.columns:
            raise TableError(f"formats: column {column!r} is not in the frame (its columns: {list(shown.columns)})")
        if not _is_number_column(shown[column]):
            raise TableError(f"formats: column {column!r} holds {shown[column].dtype} values, not numbers: a number format does not apply")
        _check_spec(column, spec)
    for name in names:
        if isinstance(name, str) and "_" in name and name not in labels:
            raise TableError(f"column {name!r} has no label: pass labels={{{name!r}: 'what it is (unit)'}}")
    numeric = [c for c in shown.columns if _is_number_column(shown[c])]
    specs = {c: formats.get(c) or default_format(shown[c], str(labels.get(c, c))) for c in numeric}
    for column in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[column]):  # dates as dates, without a time of day
            shown[column] = shown[column].dt.strftime("%Y-%m-%d")
    formatters = {c: _formatter(spec, bound_tiny=c not in formats) for c, spec in specs.items()}
    escaped = {c: lambda v, show=show: html.escape(show(v), quote=False) for c, show in formatters.items()}
    styler = shown.style.format(escaped, na_rep=missing, escape="html")  # a cell's text is text, even "< 0.0001"
    styler = styler.format_index(lambda v: labels.get(v, v), axis="columns").hide(axis="index").set_caption(caption)
    text = shown.copy()
    for column, show in formatters.items():
        text[column] = text[column].map(lambda v, show=show: missing if pd.isna(v) else show(v))
    text = text.rename(columns=labels).fillna(missing).to_string(index=False)
    positions = tuple(i for i, c in enumerate(shown.columns) if c in specs)
    return Table(styler=styler, caption=caption, source=line, number_columns=positions, row_headers=row_headers, text=text)
