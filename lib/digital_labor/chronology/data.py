"""The dated events since the essay that chapters 1, 2 and 4 record (``since_essay_events``), checked
and written to their precision; chapter 5's rulings and laws are in :mod:`digital_labor.platform_law`.

:func:`digital_labor.data.load` checks the file against its Table Schema; :func:`check_events` adds
the rules the schema cannot state and stops with a :class:`~digital_labor.data.DataError` naming
the file, the line, the column and the rule.
"""

from __future__ import annotations

import pandas as pd

from ..data import DataError, dataset, load

__all__ = ["ESSAY_YEAR", "check_events", "events", "events_table"]

ESSAY_YEAR = 2016  # the essay's first version

DATE_FORMATS = {"day": "%d %B %Y", "month": "%B %Y", "year": "%Y"}


def _fail(file_label: str, position: int, column: str, value: object, rule: str) -> None:
    """Raise a DataError for row ``position`` of a frame read from ``file_label`` (line = row + 2)."""
    raise DataError(f"{file_label}, line {position + 2}, column '{column}': value {value!r} breaks the rule: {rule}.")


def check_events(table: pd.DataFrame, file_label: str = "data/since_essay_events.csv") -> pd.DataFrame:
    """Check that every event dates from the essay's year or later, was read after it happened,
    and that a month or year date is the first day of its period; return ``table`` by date."""
    for position, row in enumerate(table.itertuples(index=False)):
        if row.date.year < ESSAY_YEAR:
            _fail(file_label, position, "date", str(row.date.date()), f"events must date from {ESSAY_YEAR} or later")
        if row.retrieved < row.date:
            _fail(file_label, position, "retrieved", str(row.retrieved.date()), "a page cannot be read before the event it records")
        if (row.precision in ("month", "year") and row.date.day != 1) or (row.precision == "year" and row.date.month != 1):
            _fail(file_label, position, "date", str(row.date.date()), f"a date known to the {row.precision} must be the first day of it")
    return table.sort_values(["chapter", "date"], kind="stable").reset_index(drop=True)


def events(chapter: int) -> pd.DataFrame:
    """The dated events of one chapter, in order, with the date written to its precision (``when``)."""
    table = check_events(load("since_essay_events"), dataset("since_essay_events").file_label)
    rows = table[table["chapter"] == chapter].reset_index(drop=True)
    if rows.empty:
        raise ValueError(f"No events for chapter {chapter} in since_essay_events.")
    rows["when"] = [row.date.strftime(DATE_FORMATS[row.precision]).lstrip("0") for row in rows.itertuples()]
    return rows


def events_table(chapter: int) -> pd.DataFrame:
    """The events of one chapter as the page shows them, with labelled columns."""
    return events(chapter)[["when", "event", "bibkey", "confidence"]].rename(
        columns={"when": "Date", "event": "What happened", "bibkey": "Source (bibliography key)", "confidence": "Confidence"}
    )
