"""What the timeline and the pay figures say, computed openly.

:func:`bearing_counts` tallies the acts by their bearing on employment status (the book's
classification, not a legal category). :func:`pay_comparison` sets the hourly pay published for
the human work behind generative AI beside chapter 3's microwork pay (``hourly_pay_benchmarks``),
in US dollars an hour as published, each figure with the years it refers to: a comparison of
published figures, not a model, and the years differ.
"""

from __future__ import annotations

import pandas as pd

from ..params import require

__all__ = [
    "GENAI",
    "MICROWORK",
    "CLIENT_PRICE",
    "MICROWORK_BENCHMARKS",
    "bearing_counts",
    "pay_comparison",
    "ratio_to",
    "scope_counts",
]

CLIENT_PRICE = "price paid by the client"  # a price per hour of work, not a wage: left out of pay comparisons

# Chapter 3's microwork pay in US$ an hour (rows of hourly_pay_benchmarks), with a short label.
MICROWORK_BENCHMARKS = {
    "Mechanical Turk workers' median hourly earnings": "Mechanical Turk, workers' median earnings",
    "Microtask platforms' average hourly wage (meta-analysis)": "Microtask platforms, average wage (under)",
    "Mechanical Turk requesters' average hourly pay offered": "Mechanical Turk, requesters' average offer",
}

GENAI = "generative AI (press accounts)"
MICROWORK = "microwork (chapter 3)"


def bearing_counts(timeline: pd.DataFrame) -> pd.DataFrame:
    """Acts by bearing and kind, with the first and last date of each bearing."""
    grouped = timeline.groupby("bearing")
    return pd.DataFrame(
        {
            "acts": grouped.size(),
            "court_decisions": grouped["kind"].apply(lambda kinds: int((kinds == "court decision").sum())),
            "first": grouped["date"].min(),
            "last": grouped["date"].max(),
        }
    ).sort_values("acts", ascending=False)


def scope_counts(timeline: pd.DataFrame) -> pd.DataFrame:
    """Acts by the work they concerned (rows) and their bearing on employment status (columns)."""
    return pd.crosstab(timeline["scope"], timeline["bearing"], margins=True, margins_name="all")


def _genai_rows(genai: pd.DataFrame) -> pd.DataFrame:
    wages = genai[genai["measure"] != CLIENT_PRICE]
    require((wages["currency"] == "USD").all() and (wages["unit"] == "hour").all(), "generative-AI pay must be in USD an hour.")
    return pd.DataFrame(
        {
            "group": GENAI,
            "figure": wages["firm"] + " for " + wages["client"] + ", " + wages["country"],
            "period": wages["pay_period"],
            "country": wages["country"],
            "low": wages["pay_low"],
            "high": wages["pay_high"].fillna(wages["pay_low"]),
            "open_ended": wages["pay_high"].isna(),
            "years": wages["pay_year"].astype(str),
            "bibkey": wages["bibkey"],
            "confidence": wages["confidence"],
        }
    )


def _microwork_rows(benchmarks: pd.DataFrame) -> pd.DataFrame:
    table = benchmarks.set_index("benchmark")
    missing = [name for name in MICROWORK_BENCHMARKS if name not in table.index]
    require(not missing, f"hourly_pay_benchmarks has no rows named {missing}.")
    rows = table.loc[list(MICROWORK_BENCHMARKS)]
    require(rows["unit"].str.startswith("US$ per hour").all(), "chapter 3's microwork benchmarks must be in US$ per hour.")
    return pd.DataFrame(
        {
            "group": MICROWORK,
            "figure": [MICROWORK_BENCHMARKS[name] for name in rows.index],
            "period": rows["period"].to_numpy(),
            "country": "several",
            "low": rows["value"].to_numpy(),
            "high": rows["value"].to_numpy(),
            "open_ended": False,
            "years": rows["period"].to_numpy(),
            "bibkey": rows["bibkey"].to_numpy(),
            "confidence": rows["confidence"].to_numpy(),
        }
    )


def pay_comparison(genai: pd.DataFrame, benchmarks: pd.DataFrame) -> pd.DataFrame:
    """Generative-AI pay beside chapter 3's microwork pay, in US$ an hour, lowest first.

    ``genai`` is the ``generative_ai_data_work`` table (the client's price is left out: it is not
    a wage); ``benchmarks`` is ``hourly_pay_benchmarks``. ``low`` and ``high`` are the published
    bounds (equal for a single figure; ``open_ended`` marks a floor with no stated top); ``years``
    says which years each figure refers to; ``label`` names the figure and its years."""
    table = pd.concat([_genai_rows(genai), _microwork_rows(benchmarks)], ignore_index=True)
    table.insert(1, "label", table["figure"] + " (" + table["years"] + ")")
    return table.sort_values(["low", "high"], kind="stable").reset_index(drop=True)


def ratio_to(comparison: pd.DataFrame, figure: str, bound: str = "low") -> pd.Series:
    """Each figure's ``bound`` divided by the same bound of the row whose ``figure`` is ``figure``."""
    require(bound in ("low", "high"), "bound must be 'low' or 'high'.")
    rows = comparison[comparison["figure"] == figure]
    require(len(rows) == 1, f"no single row for the figure {figure!r} in the comparison.")
    return comparison[bound] / float(rows[bound].iloc[0])
