"""The market for visibility on Facebook, in data: organic reach, the share price, click farms.

Data: organic reach of brand pages (Manson 2014), Facebook's monthly closing prices (Yahoo
Finance) and a few published figures on click farms.
"""

from __future__ import annotations

import pandas as pd

from ..countries import to_iso3
from ..data import load

__all__ = [
    "ALL_PAGES",
    "LARGE_PAGES",
    "click_farm_figures",
    "fake_like_countries",
    "organic_reach",
    "price_change",
    "reach_at",
    "rise_by_start",
    "share_prices",
]

ALL_PAGES = "all pages in sample"


LARGE_PAGES = "pages with more than 500k likes"


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
    table = load("click_farms").set_index("quantity")
    row = table.loc["share of a YouTube channel's Facebook likes from six countries"]
    listed = str(row["excerpt"]).split("came from", 1)[1]
    names = [name.strip().removeprefix("the ").strip() for name in listed.replace(" and ", ", ").split(",")]
    frame = pd.DataFrame({"country": names, "iso3": [to_iso3(name) for name in names]})
    frame.attrs["share_pct"] = float(row["value"])
    frame.attrs["likes"] = float(str(row["unit"]).split()[-2])
    return frame
