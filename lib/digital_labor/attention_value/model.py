"""Revenue per user-hour: a platform's average revenue per user divided by the user's time (a model).

The revenue is data (Facebook's ARPU); the time is an assumption drawn from published figures
(:data:`~digital_labor.attention_value.FACEBOOK_TIME` and its bounds). See
:data:`HOURLY_VALUE_ASSUMPTIONS`.
"""

from __future__ import annotations

import pandas as pd

from ..params import require
from .data import arpu

__all__ = ["HOURLY_VALUE_ASSUMPTIONS", "hourly_value", "hours_in_period", "region_gap", "revenue_per_hour"]

HOURLY_VALUE_ASSUMPTIONS = (
    "Revenue per user-hour = average revenue per user in a period / hours the user spends on the platform in that "
    "period. Every user of every region is assumed to spend the same minutes a day, every day of the period, on "
    "Facebook's apps; revenue counts everything the company earned (almost all of it advertising), divided by its "
    "monthly active users. The result is what an hour brings the platform on average, not a price anyone pays."
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


def hourly_value(minutes_per_day: float, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every row of :func:`~digital_labor.attention_value.arpu` (or ``table``) with its hours
    (``hours``) and revenue per user-hour (``usd_per_hour``) at ``minutes_per_day``."""
    frame = (arpu() if table is None else table).copy()
    frame["hours"] = [hours_in_period(days, minutes_per_day) for days in frame["days"]]
    frame["usd_per_hour"] = [revenue_per_hour(a, d, minutes_per_day) for a, d in zip(frame["arpu_usd"], frame["days"])]
    return frame


def region_gap(
    period: str, minutes_high: float = 1.0, minutes_low: float = 1.0, high: str = "US & Canada", low: str = "Rest of World"
) -> float:
    """How many times an hour of a ``high``-region user is worth an hour of a ``low``-region user.

    With equal times (the default) the times cancel and the gap is the ratio of ARPUs; a reader
    can give each region its own minutes a day.
    """
    frame = arpu()
    rows = frame[frame["period"] == period].set_index("region")
    missing = [r for r in (high, low) if r not in rows.index]
    if missing:
        raise KeyError(f"No ARPU for {', '.join(missing)} in {period}.")
    days = float(rows.loc[high, "days"])
    return revenue_per_hour(float(rows.loc[high, "arpu_usd"]), days, minutes_high) / revenue_per_hour(
        float(rows.loc[low, "arpu_usd"]), days, minutes_low
    )
