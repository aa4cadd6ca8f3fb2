"""A model of "pay-per-be-viewed": what a page would pay to win back the reach it lost.

:func:`restore_reach_cost` is the arithmetic of buying, as paid impressions, the views of its
own fans that falling organic reach no longer gives a page. A model, not data: see
:data:`PAY_MODEL_ASSUMPTIONS`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .data import ALL_PAGES, LARGE_PAGES, reach_at

__all__ = ["PAY_MODEL_ASSUMPTIONS", "break_even_cpm", "reached_fans", "restore_reach_cost", "restore_reach_grid"]

PAY_MODEL_ASSUMPTIONS = (
    "A page posts a fixed number of times a month. Without paying, each post is seen by the "
    "organic-reach share of its fans. To be seen by as many fans as before the decline, it buys "
    "the missing views as paid impressions at a price per thousand (CPM), one impression per "
    "fan reached (no wasted or repeated impressions, so this is a lower bound on the cost)."
)


def reached_fans(fans: float, reach_pct: float) -> float:
    """How many fans see a post, given the page's fans and its organic reach in %."""
    if fans < 0 or not 0 <= reach_pct <= 100:
        raise ValueError("fans must be zero or more and reach_pct between 0 and 100.")
    return fans * reach_pct / 100


def restore_reach_cost(fans: float, reach_before_pct: float, reach_after_pct: float, cpm_usd: float, posts_per_month: float = 30) -> float:
    """Monthly cost (US$) of buying back, as paid impressions, the views lost to falling organic reach.

    ``cost = posts × fans × (reach_before − reach_after) / 100 / 1000 × CPM``; zero if reach did
    not fall. See :data:`PAY_MODEL_ASSUMPTIONS`.
    """
    if cpm_usd < 0 or posts_per_month < 0:
        raise ValueError("cpm_usd and posts_per_month must be zero or more.")
    lost = max(reached_fans(fans, reach_before_pct) - reached_fans(fans, reach_after_pct), 0.0)
    return posts_per_month * lost / 1000 * cpm_usd


def break_even_cpm(monthly_budget_usd: float, fans: float, reach_before_pct: float, reach_after_pct: float, posts_per_month: float = 30) -> float:
    """The CPM (US$) at which restoring reach costs exactly ``monthly_budget_usd`` a month."""
    per_dollar_cpm = restore_reach_cost(fans, reach_before_pct, reach_after_pct, 1.0, posts_per_month)
    if per_dollar_cpm == 0:
        return float("inf")
    return monthly_budget_usd / per_dollar_cpm


def restore_reach_grid(
    fans: tuple[float, ...] = tuple(10.0 ** np.arange(3, 7.01, 0.5)),
    cpms: tuple[float, ...] = tuple(np.round(np.arange(0.5, 20.01, 0.5), 2)),
    posts_per_month: float = 30,
    start: str = "2013-10",
    end: str = "2014-02",
) -> pd.DataFrame:
    """Long-form grid of the monthly cost of restoring reach, for each page group, fan count and CPM.

    The reach before and after are the data's values for ``start`` and ``end``.
    """
    rows = []
    for group in (ALL_PAGES, LARGE_PAGES):
        before, after = reach_at(start, group), reach_at(end, group)
        for cpm in cpms:
            for count in fans:
                cost = restore_reach_cost(count, before, after, cpm, posts_per_month)
                rows.append({"page_group": group, "cpm_usd": float(cpm), "fans": float(count), "monthly_cost_usd": round(cost, 2)})
    return pd.DataFrame(rows)
