"""Revenue and net income per user, time on social media and hourly pay benchmarks.

Data: Facebook's average revenue per user (ARPU) worldwide and by region (``facebook_arpu``);
the company's revenue and net income in the same periods (``facebook_income``); published daily
times on Facebook's apps and on social media (``social_media_time``); the US federal minimum wage
and microwork earnings in US$ per hour (``hourly_pay_benchmarks``).
"""

from __future__ import annotations

import pandas as pd

from ..data import load

__all__ = [
    "FACEBOOK_TIME",
    "FACEBOOK_TIME_2021",
    "TIME_HIGH",
    "TIME_LOW",
    "arpu",
    "arpu_value",
    "income",
    "minutes_per_day",
    "pay_benchmark",
    "pay_benchmarks",
    "social_media_time",
]

# Three published figures of daily time that bound the model's time parameter (bibkeys).
FACEBOOK_TIME = "facebook2016q1"  # Facebook's apps, average user, world, Q1 2016: "more than 50 minutes"
TIME_LOW = "facebook2014q2"  # Facebook alone, US users, Q2 2014
TIME_HIGH = "globalwebindex2017"  # all social networks and messaging, internet users, Q4 2016
FACEBOOK_TIME_2021 = "appannie2022"  # the Facebook app alone, Android phones, world without China, 2021


def income() -> pd.DataFrame:
    """Revenue and net income (US$ million) of each ARPU period, with the net margin (net income /
    revenue). Columns: ``period``, ``revenue_musd``, ``net_income_musd``, ``net_margin``."""
    table = load("facebook_income")[["period", "revenue_musd", "net_income_musd"]].copy()
    table["period"] = table["period"].astype(str)
    table["net_margin"] = table["net_income_musd"] / table["revenue_musd"]
    return table


def arpu() -> pd.DataFrame:
    """Average revenue per user by period and region, with the length of each period in days.

    Columns: ``period``, ``region``, ``arpu_usd`` (per user per period), ``per`` ('year' or
    'quarter'), ``days`` (days in that period), ``confidence``, and ``net_margin`` and
    ``net_income_per_user`` (US$ per user per period): the company's worldwide net margin of the
    period applied to the region's ARPU, since no net income is published by region.
    """
    table = load("facebook_arpu")
    frame = table[["period", "region", "arpu_usd", "confidence"]].copy()
    frame["per"] = table["unit"].str.removeprefix("US$ per user per ")
    frame["days"] = [_days(period) for period in frame["period"]]
    margins = income().set_index("period")["net_margin"]
    missing = sorted(set(frame["period"]) - set(margins.index))
    if missing:
        raise KeyError(f"facebook_income has no net income for the ARPU period(s) {', '.join(missing)}.")
    frame["net_margin"] = frame["period"].map(margins)
    frame["net_income_per_user"] = frame["arpu_usd"] * frame["net_margin"]
    return frame.sort_values(["period", "arpu_usd"], ascending=[True, False], ignore_index=True)


def _days(period: str) -> int:
    """Days in a year ('2013') or a quarter ('2015-Q4')."""
    if "-Q" in period:
        quarter = pd.Period(period.replace("-", ""), freq="Q")
        return int((quarter.end_time.normalize() - quarter.start_time).days) + 1
    return 366 if pd.Timestamp(f"{period}-12-31").is_leap_year else 365


def arpu_value(period: str, region: str) -> float:
    """ARPU (US$ per user per period) of one region in one period; raises KeyError if absent."""
    frame = arpu()
    rows = frame[(frame["period"] == period) & (frame["region"] == region)]
    if rows.empty:
        raise KeyError(f"No ARPU for '{region}' in {period}.")
    return float(rows["arpu_usd"].iloc[0])


def social_media_time() -> pd.DataFrame:
    """Published daily times (minutes per day), each with its source key, period and confidence."""
    table = load("social_media_time")
    return table[["quantity", "country", "iso3", "minutes_per_day", "unit", "period", "bibkey", "confidence"]].copy()


def minutes_per_day(bibkey: str, country: str | None = None) -> float:
    """The one published time (minutes per day) of a source, in a country if the source has several."""
    table = social_media_time()
    rows = table[table["bibkey"] == bibkey]
    if country is not None:
        rows = rows[rows["country"] == country]
    if len(rows) != 1:
        raise KeyError(f"{len(rows)} time figures for source '{bibkey}'" + (f" in {country}" if country else "") + "; name one.")
    return float(rows["minutes_per_day"].iloc[0])


def pay_benchmarks() -> pd.DataFrame:
    """Hourly pay benchmarks in US$ (``benchmark``, ``usd_per_hour``, ``unit``, ``period``, ``bibkey``)."""
    table = load("hourly_pay_benchmarks")
    return table.rename(columns={"value": "usd_per_hour"})[["benchmark", "usd_per_hour", "unit", "period", "bibkey", "confidence"]]


def pay_benchmark(name: str) -> float:
    """One benchmark (US$ per hour) by name; raises KeyError listing the known ones."""
    table = pay_benchmarks().set_index("benchmark")["usd_per_hour"]
    if name not in table.index:
        raise KeyError(f"No benchmark '{name}'; known: {', '.join(table.index)}.")
    return float(table[name])
