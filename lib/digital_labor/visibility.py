"""The market for visibility on Facebook: organic reach, paid reach, the share price, click farms.

Data: organic reach of brand pages (Manson 2014), Facebook's monthly closing prices (Yahoo
Finance) and a few published figures on click farms. Model: :func:`restore_reach_cost`, the
"pay-per-be-viewed" arithmetic of what a page would pay to win back, with paid impressions, the
fans that organic reach no longer gives it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .data import load

__all__ = [
    "ALL_PAGES",
    "LARGE_PAGES",
    "PAY_MODEL_ASSUMPTIONS",
    "break_even_cpm",
    "click_farm_figures",
    "fake_like_countries",
    "organic_reach",
    "price_change",
    "reach_at",
    "reached_fans",
    "restore_reach_cost",
    "restore_reach_grid",
    "rise_by_start",
]

ALL_PAGES = "all pages in sample"
LARGE_PAGES = "pages with more than 500k likes"
PAY_MODEL_ASSUMPTIONS = (
    "A page posts a fixed number of times a month. Without paying, each post is seen by the "
    "organic-reach share of its fans. To be seen by as many fans as before the decline, it buys "
    "the missing views as paid impressions at a price per thousand (CPM), one impression per "
    "fan reached (no wasted or repeated impressions, so this is a lower bound on the cost)."
)


def organic_reach() -> pd.DataFrame:
    """Organic reach (% of fans) by month and page group, with its source confidence."""
    table = load("facebook_organic_reach")
    return table[["month", "page_group", "organic_reach_pct", "confidence", "note"]].sort_values(["page_group", "month"], ignore_index=True)


def reach_at(month: str, page_group: str = ALL_PAGES) -> float:
    """Organic reach (%) of a page group in a month ('YYYY-MM'); raises if the data lack it."""
    table = organic_reach()
    rows = table[(table["month"] == pd.Timestamp(month)) & (table["page_group"] == page_group)]
    if rows.empty:
        raise KeyError(f"No organic reach for '{page_group}' in {month}.")
    return float(rows["organic_reach_pct"].iloc[0])


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


def share_prices() -> pd.Series:
    """Facebook's closing prices (US$), indexed by trading day."""
    table = load("facebook_share_price")
    return table.set_index("date")["close_usd"].sort_index()


def price_change(start: str, end: str) -> float:
    """Percentage change of Facebook's close between two trading days present in the data."""
    prices = share_prices()
    missing = [day for day in (start, end) if pd.Timestamp(day) not in prices.index]
    if missing:
        raise KeyError(f"No closing price on {', '.join(missing)}; the data has month ends and 2013-10-01.")
    return 100 * (prices[pd.Timestamp(end)] / prices[pd.Timestamp(start)] - 1)


def rise_by_start(end: str = "2014-02-28") -> pd.DataFrame:
    """Percentage change from every earlier close in the data to the close on ``end``."""
    prices = share_prices()
    end_day = pd.Timestamp(end)
    if end_day not in prices.index:
        raise KeyError(f"No closing price on {end}.")
    earlier = prices[prices.index < end_day]
    return pd.DataFrame(
        {"start": earlier.index, "close_usd": earlier.to_numpy(), "change_pct": 100 * (prices[end_day] / earlier.to_numpy() - 1)}
    )


def click_farm_figures() -> dict[str, float]:
    """Price of 1,000 likes, a click worker's annual pay, and what one buys of the other."""
    table = load("click_farms").set_index("quantity")["value"]
    price = float(table["price of 1000 likes at a Dhaka click farm"])
    pay = float(table["annual pay of a Dhaka click-farm worker"])
    return {
        "price_per_1000_likes_usd": price,
        "annual_pay_usd": pay,
        "monthly_pay_usd": pay / 12,
        "price_per_like_usd": price / 1000,
        "likes_worth_a_year_of_pay": pay / price * 1000,
    }


def fake_like_countries() -> pd.DataFrame:
    """The countries behind most likes in the Veritasium case, read from the source's excerpt.

    Returns ``country`` and ``iso3``, plus the share (%) of likes those countries gave together
    (in the frame's ``attrs['share_pct']``) and the number of likes (``attrs['likes']``).
    """
    from .countries import to_iso3

    table = load("click_farms").set_index("quantity")
    row = table.loc["share of a YouTube channel's Facebook likes from six countries"]
    listed = str(row["excerpt"]).split("came from", 1)[1]
    names = [name.strip().removeprefix("the ").strip() for name in listed.replace(" and ", ", ").split(",")]
    frame = pd.DataFrame({"country": names, "iso3": [to_iso3(name) for name in names]})
    frame.attrs["share_pct"] = float(row["value"])
    frame.attrs["likes"] = float(str(row["unit"]).split()[-2])
    return frame
