"""Revenue and net income per user-hour: a platform's average revenue (and net income) per user
divided by the user's time (a model).

The revenue and net income are data (Facebook's ARPU and its net margin); the time is an
assumption drawn from published figures (:data:`~digital_labor.attention_value.FACEBOOK_TIME`, its
bounds, and :data:`~digital_labor.attention_value.FACEBOOK_TIME_2021`). See
:data:`HOURLY_VALUE_ASSUMPTIONS`. :func:`minimum_wage_hours` sets local minimum wages, converted to
US$ an hour as chapter 3 converts them (:func:`digital_labor.microwork.current_minimum_wages`),
beside the hour of a user of the same Facebook region. Each of them takes a ``rule`` with the
signature of :func:`revenue_per_hour` (its default), so that a page can state the rule in its own
cell and pass it on.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ..microwork import current_minimum_wages
from ..params import require
from .data import arpu

__all__ = [
    "COUNTRY_REGIONS",
    "HOURLY_VALUE_ASSUMPTIONS",
    "hourly_value",
    "hours_in_period",
    "minimum_wage_hours",
    "region_gap",
    "revenue_per_hour",
]

# Facebook's regions (its own definition) of the countries whose minimum wages the book holds.
COUNTRY_REGIONS = {
    "USA": "US & Canada",
    "GBR": "Europe",
    "FRA": "Europe",
    "PHL": "Asia-Pacific",
    "IND": "Asia-Pacific",
    "BGD": "Asia-Pacific",
    "PAK": "Asia-Pacific",
    "KEN": "Rest of World",
    "NGA": "Rest of World",
}

HOURLY_VALUE_ASSUMPTIONS = (
    "Revenue per user-hour = average revenue per user in a period / hours the user spends on the platform in that "
    "period. Every user of every region is assumed to spend the same minutes a day, every day of the period, on "
    "Facebook's apps; revenue counts everything the company earned (almost all of it advertising), divided by its "
    "monthly active users. Net income per user-hour applies the company's worldwide net margin of the period to "
    "every region. Both are averages over all hours, not the value of one more hour (a marginal value), and not a "
    "price anyone pays."
)


def hours_in_period(days: float, minutes_per_day: float) -> float:
    """Hours spent in a period of ``days`` days at ``minutes_per_day`` minutes a day."""
    require(days > 0, "days must be positive.")
    require(minutes_per_day >= 0, "minutes_per_day must be zero or more.")
    return days * minutes_per_day / 60


def revenue_per_hour(arpu_usd: float, days: float, minutes_per_day: float) -> float:
    """US$ of revenue per user-hour: ARPU over a period of ``days`` divided by the hours spent in it."""
    require(arpu_usd >= 0, "arpu_usd must be zero or more.")
    require(minutes_per_day > 0, "minutes_per_day must be positive: with no time spent, an hour's value is undefined.")
    return arpu_usd / hours_in_period(days, minutes_per_day)


HourlyRule = Callable[[float, float, float], float]  # (US$ per user in a period, days, minutes a day) -> US$ per user-hour


def hourly_value(minutes_per_day: float, table: pd.DataFrame | None = None, rule: HourlyRule = revenue_per_hour) -> pd.DataFrame:
    """Every row of :func:`~digital_labor.attention_value.arpu` (or ``table``) with its hours
    (``hours``), revenue per user-hour (``usd_per_hour``) and, where the table has net income per
    user, net income per user-hour (``net_usd_per_hour``) at ``minutes_per_day``, both by ``rule``."""
    frame = (arpu() if table is None else table).copy()
    frame["hours"] = [hours_in_period(days, minutes_per_day) for days in frame["days"]]
    frame["usd_per_hour"] = [rule(a, d, minutes_per_day) for a, d in zip(frame["arpu_usd"], frame["days"])]
    if "net_income_per_user" in frame:
        frame["net_usd_per_hour"] = [rule(n, d, minutes_per_day) for n, d in zip(frame["net_income_per_user"], frame["days"])]
    return frame


def minimum_wage_hours(minutes_per_day: float, period: str = "2021-Q4", rule: HourlyRule = revenue_per_hour) -> pd.DataFrame:
    """Each general minimum wage of :func:`digital_labor.microwork.current_minimum_wages` (US$ an
    hour, chapter 3's conversion) beside the revenue and net income per user-hour of its country's
    Facebook region in ``period`` (by ``rule``), with the hours of a user's time it takes to bring in one hour of
    that wage (``hours_revenue``, ``hours_net``).

    Columns: ``label``, ``country_iso3``, ``region``, ``effective``, ``wage_usd_per_hour``,
    ``usd_per_hour``, ``net_usd_per_hour``, ``hours_revenue``, ``hours_net``.
    """
    hourly = hourly_value(minutes_per_day, rule=rule)
    by_region = hourly[hourly["period"] == period].set_index("region")
    require(not by_region.empty, f"No ARPU for the period {period}.")
    wages = current_minimum_wages()
    unknown = sorted(set(wages["country_iso3"]) - set(COUNTRY_REGIONS))
    require(not unknown, f"No Facebook region for {', '.join(unknown)}: add it to COUNTRY_REGIONS.")
    frame = wages[["label", "country_iso3", "effective", "usd_per_hour"]].rename(columns={"usd_per_hour": "wage_usd_per_hour"})
    frame.insert(2, "region", frame["country_iso3"].map(COUNTRY_REGIONS))
    frame["usd_per_hour"] = frame["region"].map(by_region["usd_per_hour"])
    frame["net_usd_per_hour"] = frame["region"].map(by_region["net_usd_per_hour"])
    frame["hours_revenue"] = frame["wage_usd_per_hour"] / frame["usd_per_hour"]
    frame["hours_net"] = frame["wage_usd_per_hour"] / frame["net_usd_per_hour"]
    return frame.sort_values("hours_revenue", ignore_index=True)


def region_gap(
    period: str,
    minutes_high: float = 1.0,
    minutes_low: float = 1.0,
    high: str = "US & Canada",
    low: str = "Rest of World",
    rule: HourlyRule = revenue_per_hour,
) -> float:
    """How many times an hour of a ``high``-region user is worth an hour of a ``low``-region user.

    With equal times (the default) the times cancel and the gap is the ratio of ARPUs; a reader
    can give each region its own minutes a day. Each hour's value is computed by ``rule``.
    """
    frame = arpu()
    rows = frame[frame["period"] == period].set_index("region")
    missing = [r for r in (high, low) if r not in rows.index]
    if missing:
        raise KeyError(f"No ARPU for {', '.join(missing)} in {period}.")
    days = float(rows.loc[high, "days"])
    return rule(float(rows.loc[high, "arpu_usd"]), days, minutes_high) / rule(float(rows.loc[low, "arpu_usd"]), days, minutes_low)
