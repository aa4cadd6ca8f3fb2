"""The essay's promise, tested: what a digital basic income is worth in hours of microwork pay.

The essay hopes the income would free click workers from their micro-wages. Each payout of the
model is divided by what a microworker earns in an hour: the median measured on Mechanical Turk
(Hara et al. 2018) and, as an upper reference, the meta-analysis' average on microtask platforms
(Hornuf & Vrankar 2022, "less than" that figure). The Mechanical Turk pay was measured around
2014-2017 and the payouts are in dollars of 2024; neither is adjusted for inflation, which makes
the hours too many, not too few.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..microwork.data import microwork_figure
from ..params import require
from .data import DEFAULT_BASE, enacted_rates, model_countries, tax_bases
from .model import RATES, RULES, per_person

__all__ = ["microwork_wages", "payout_hours", "scenarios", "weighted_median"]

WORKING_DAY_HOURS = 8.0  # the yardsticks the page and the ledger read the hours against
WORKING_WEEK_HOURS = 5 * WORKING_DAY_HOURS


def microwork_wages() -> dict[str, float]:
    """Hourly microwork pay (US$ per hour): the Mechanical Turk median and the microtask platforms' average (an upper bound)."""
    return {
        "median": microwork_figure("median hourly earnings of workers", "mturk"),
        "upper": microwork_figure("average hourly wage on microtask platforms", "global"),
    }


def scenarios() -> list[tuple[str, float]]:
    """The scenarios tested, as (base, rate): the median and the highest rate of the digital services
    taxes countries have enacted, on the default (advertising) base, and the grid's highest rate on
    all the GAFAM's revenue."""
    median, highest = enacted_rates()
    return [(DEFAULT_BASE, median), (DEFAULT_BASE, highest), ("gafam", float(RATES[-1]))]


def weighted_median(values: np.ndarray, weights: np.ndarray) -> float:
    """The value received by the person in the middle of the population (weights: populations)."""
    values = np.asarray(values, dtype=float)
    weights = np.asarray(weights, dtype=float)
    require(values.shape == weights.shape and values.size > 0, "values and weights must be two series of the same, non-zero length.")
    require(bool((weights >= 0).all()) and weights.sum() > 0, "weights must be zero or more, with a positive total.")
    order = np.argsort(values, kind="stable")
    cumulative = np.cumsum(weights[order])
    return float(values[order][np.searchsorted(cumulative, cumulative[-1] / 2)])


def payout_hours(
    chosen: list[tuple[str, float]] | None = None, countries: pd.DataFrame | None = None, *, shares: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per scenario and rule: the payout (US$ per person per year) to the world's median person
    and in the best-paid country (named), and in hours of microwork pay: the median person's at each wage
    of :func:`microwork_wages`, the best-paid country's at the median wage. ``shares`` (a
    :func:`~digital_labor.basic_income.rule_shares` frame for ``countries``) replaces the library's rules when given."""
    table = model_countries() if countries is None else countries
    bases = tax_bases().set_index("base")
    chosen = scenarios() if chosen is None else chosen
    unknown = [base for base, _ in chosen if base not in bases.index]
    require(not unknown, f"Unknown base(s) {unknown}; use {list(bases.index)}.")
    wages = microwork_wages()
    population = table["population"].to_numpy(dtype=float)
    rows = []
    for base, rate in chosen:
        for rule, label in RULES.items():
            amounts = per_person(float(bases.loc[base, "revenue_musd"]), rate, rule, table, shares=shares)[0]
            middle = weighted_median(amounts, population)
            best = "all equal" if np.ptp(amounts) < 1e-9 * amounts.max() else table["name"].iloc[int(np.argmax(amounts))]
            rows.append(
                {
                    "base": bases.loc[base, "label"],
                    "rate_pct": 100 * rate,
                    "rule": label,
                    "usd_median_person": middle,
                    "best_paid_country": best,
                    "usd_best_paid_country": float(amounts.max()),
                    "hours_at_median_wage": middle / wages["median"],
                    "hours_at_upper_wage": middle / wages["upper"],
                    "best_paid_hours_at_median_wage": float(amounts.max()) / wages["median"],
                }
            )
    return pd.DataFrame(rows)
