"""The market for visibility, in data: inshoring volumes, organic reach, prices, click farms.

Data: published volumes of Quick, Draw!, reCAPTCHA and Crowdsource (``dataset_annotation``);
organic reach of brand pages (Manson 2014); Facebook's monthly closing prices and the NASDAQ
Composite and S&P 500 on the same days, and its daily closes of January 2013 to February 2014
(Yahoo Finance); published prices of Facebook ad
impressions in 2014; a few published figures on click farms.
"""

from __future__ import annotations

import re

import pandas as pd

from ..countries import to_iso3
from ..data import load

__all__ = [
    "ALL_PAGES",
    "INDICES",
    "LARGE_PAGES",
    "annotation_value",
    "annotation_volumes",
    "click_farm_figures",
    "cpm_benchmarks",
    "daily_share_prices",
    "fake_like_countries",
    "index_change",
    "last_daily_start",
    "organic_reach",
    "price_change",
    "prices_with_index",
    "reach_at",
    "reach_sample",
    "rise_by_start",
    "rise_windows",
    "whole_months_between",
    "share_prices",
]

ALL_PAGES = "all pages in sample"


LARGE_PAGES = "pages with more than 500k likes"


INDICES = {"nasdaq_composite": "NASDAQ Composite", "sp500": "S&P 500"}  # column -> name


# -- inshoring ------------------------------------------------------------------------------


def annotation_volumes() -> pd.DataFrame:
    """Published volumes of unpaid data work (Quick, Draw!, reCAPTCHA, CAPTCHAs, Crowdsource)."""
    return load("dataset_annotation")


def annotation_value(project: str, quantity: str) -> float:
    """One published figure of ``dataset_annotation``; raises KeyError naming what is missing."""
    table = annotation_volumes()
    rows = table[(table["dataset"] == project) & (table["quantity"] == quantity)]
    if rows.empty:
        raise KeyError(f"No figure '{quantity}' for '{project}' in dataset_annotation.")
    return float(rows["value"].iloc[0])


# -- organic reach --------------------------------------------------------------------------


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


def reach_sample() -> dict[str, float]:
    """The size of Manson's sample (pages and millions of fans), read from the dataset's note."""
    notes = " ".join(organic_reach()["note"])
    found = re.search(r"sample: (\d+) [^,]*pages, ([\d.]+) million fans", notes)
    if found is None:
        raise KeyError("The organic-reach data no longer state the size of the sample.")
    return {"pages": float(found.group(1)), "fans_million": float(found.group(2))}


# -- share price and market indices ---------------------------------------------------------


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
    return float(100 * (prices[pd.Timestamp(end)] / prices[pd.Timestamp(start)] - 1))


def daily_share_prices() -> pd.Series:
    """Facebook's daily closing prices (US$), 2 January 2013 to 28 February 2014, indexed by day."""
    return load("facebook_share_price_daily").set_index("date")["close_usd"].sort_index()


def last_daily_start(end: str = "2014-02-28", threshold_pct: float = 140.0) -> dict[str, object]:
    """The latest trading day of the daily file from which the close rose ``threshold_pct`` % or more to ``end``.

    Returns the day (``start``), its close, the rise to ``end`` (``change_pct``) and the next
    trading day with its rise (``next``, ``next_change_pct``), which falls short. Raises if no
    day of the file qualifies, since the answer would then lie before the file begins.
    """
    prices = daily_share_prices()
    end_day = pd.Timestamp(end)
    if end_day not in prices.index:
        raise KeyError(f"facebook_share_price_daily: no close on {end}.")
    rises = 100 * (prices[end_day] / prices[prices.index < end_day] - 1)
    hits = rises[rises >= threshold_pct]
    if hits.empty:
        raise ValueError(f"facebook_share_price_daily: no day before {end} gives a rise of {threshold_pct} %; the file starts too late.")
    start = hits.index.max()
    following = rises[rises.index > start]
    return {
        "start": start,
        "close_usd": float(prices[start]),
        "change_pct": float(rises[start]),
        "next": following.index.min(),
        "next_change_pct": float(following.iloc[0]),
    }


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


def whole_months_between(earlier: str | pd.Timestamp, later: str | pd.Timestamp) -> int:
    """Whole calendar months from ``earlier`` to ``later``, as calendars add months.

    28 June to 1 October 2013 is three; a month end to the next month's end is one (31 January
    to 28 February). ``earlier`` must not come after ``later``.
    """
    first, last = pd.Timestamp(earlier), pd.Timestamp(later)
    if first > last:
        raise ValueError(f"whole_months_between: {first:%Y-%m-%d} comes after {last:%Y-%m-%d}")
    months = (last.year - first.year) * 12 + last.month - first.month
    return months - 1 if first + pd.DateOffset(months=months) > last else months


def rise_windows(rises: pd.DataFrame, threshold_pct: float = 140.0) -> dict[str, object]:
    """Which start dates of a :func:`rise_by_start` frame give a rise of at least ``threshold_pct``.

    Returns the first and last such start (``first``, ``last``), how many there are (``count``),
    and the starts between the two that fall short (``exceptions``, a list of timestamps).
    """
    hits = rises[rises["change_pct"] >= threshold_pct]
    if hits.empty:
        return {"first": None, "last": None, "count": 0, "exceptions": []}
    first, last = hits["start"].min(), hits["start"].max()
    between = rises[(rises["start"] >= first) & (rises["start"] <= last)]
    short = between[between["change_pct"] < threshold_pct]["start"]
    return {"first": first, "last": last, "count": len(hits), "exceptions": list(short)}


def prices_with_index() -> pd.DataFrame:
    """Facebook's close and the two indices on the days both files have (``date``, ``facebook``,
    ``nasdaq_composite``, ``sp500``)."""
    index = load("market_index_monthly").rename(columns={"nasdaq_composite_close": "nasdaq_composite", "sp500_close": "sp500"})
    facebook = load("facebook_share_price").rename(columns={"close_usd": "facebook"})
    return facebook.merge(index, on="date", how="inner").sort_values("date", ignore_index=True)


def index_change(start: str, end: str, index: str = "nasdaq_composite") -> float:
    """Percentage change of a market index (a key of :data:`INDICES`) between two days in the data."""
    if index not in INDICES:
        raise KeyError(f"Unknown index '{index}'; use one of {list(INDICES)}.")
    table = prices_with_index().set_index("date")[index]
    missing = [day for day in (start, end) if pd.Timestamp(day) not in table.index]
    if missing:
        raise KeyError(f"No index close on {', '.join(missing)}; the index data end in March 2014.")
    return float(100 * (table[pd.Timestamp(end)] / table[pd.Timestamp(start)] - 1))


# -- paid reach -----------------------------------------------------------------------------


def cpm_benchmarks() -> pd.DataFrame:
    """Published average prices of 1,000 Facebook ad impressions in 2014, lowest first."""
    return load("facebook_cpm_benchmarks").sort_values("cpm_usd", ignore_index=True)


# -- click farms ----------------------------------------------------------------------------


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

    Returns ``country`` and ``iso3``; its ``attrs`` hold the share (%) of likes those countries
    gave together (``share_pct``), the number of likes (``likes``) and how the likes were
    obtained (``channel``: through Facebook's own ads, not from a click farm).
    """
    table = load("click_farms").set_index("quantity")
    row = table.loc["share of a YouTube channel's Facebook likes from six countries"]
    listed = str(row["excerpt"]).split("came from", 1)[1]
    names = [name.strip().removeprefix("the ").strip() for name in listed.replace(" and ", ", ").split(",")]
    frame = pd.DataFrame({"country": names, "iso3": [to_iso3(name) for name in names]})
    frame.attrs["share_pct"] = float(row["value"])
    frame.attrs["likes"] = float(str(row["unit"]).split()[-2])
    frame.attrs["channel"] = str(row["channel"])
    return frame
