"""Court decisions and laws on platform work since 2016 (``platform_work_law``) and published pay
for the human work behind generative AI (``generative_ai_data_work``), loaded and checked.

:func:`digital_labor.data.load` checks each file against its Table Schema; the checks here add the
rules the schema cannot state (dates in the period covered, bounds in order), and stop with a
:class:`~digital_labor.data.DataError` naming the file, the line, the column and the rule.
"""

from __future__ import annotations

import pandas as pd

from ..data import DataError, dataset, load

__all__ = ["ESSAY_YEAR", "check_genai_pay", "check_law_timeline", "genai_pay", "law_timeline"]

ESSAY_YEAR = 2016  # the essay's first version; the timeline starts that year


def _fail(file_label: str, position: int, column: str, value: object, rule: str) -> None:
    """Raise a DataError for row ``position`` of a frame read from ``file_label`` (line = row + 2)."""
    raise DataError(f"{file_label}, line {position + 2}, column '{column}': value {value!r} breaks the rule: {rule}.")


def check_law_timeline(table: pd.DataFrame, file_label: str = "data/platform_work_law.csv") -> pd.DataFrame:
    """Check the rules the schema cannot state and return ``table`` sorted by date.

    Every act dates from the essay's year or later, was read on or after its date, and has an
    https address."""
    for position, row in enumerate(table.itertuples(index=False)):
        if row.date.year < ESSAY_YEAR:
            _fail(
                file_label,
                position,
                "date",
                str(row.date.date()),
                f"acts must date from {ESSAY_YEAR} or later (the book covers what followed the essay)",
            )
        if row.retrieved < row.date:
            _fail(file_label, position, "retrieved", str(row.retrieved.date()), "a page cannot be read before the act it records")
        if not str(row.url).startswith("https://"):
            _fail(file_label, position, "url", row.url, "the address must start with https://")
    return table.sort_values("date", kind="stable").reset_index(drop=True)


def check_genai_pay(table: pd.DataFrame, file_label: str = "data/generative_ai_data_work.csv") -> pd.DataFrame:
    """Check the rules the schema cannot state and return ``table``.

    The high bound, when given, is not below the low one, and the pay refers to a year no later
    than the publication's."""
    for position, row in enumerate(table.itertuples(index=False)):
        if pd.notna(row.pay_high) and row.pay_high < row.pay_low:
            _fail(file_label, position, "pay_high", row.pay_high, f"the high bound cannot be below the low bound ({row.pay_low})")
        published_year = int(str(row.published)[:4])
        if row.pay_year > published_year:
            _fail(file_label, position, "pay_year", row.pay_year, f"pay cannot refer to a year after its publication ({published_year})")
    return table


def law_timeline() -> pd.DataFrame:
    """The court decisions and laws on platform work since 2016, sorted by date."""
    return check_law_timeline(load("platform_work_law"), dataset("platform_work_law").file_label)


def genai_pay() -> pd.DataFrame:
    """Published pay for the human work behind generative AI, one row per figure."""
    return check_genai_pay(load("generative_ai_data_work"), dataset("generative_ai_data_work").file_label)
