"""What users would be paid if platforms paid for participation (arithmetic on published figures,
and one model: a platform paying out a share of its revenue per user by the hour).

The revenue per user is data (Facebook's ARPU); the time users spend is an assumption, the same
as in :mod:`digital_labor.attention_value`. See :data:`PAYOUT_ASSUMPTIONS`.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ..attention_value import hourly_value
from ..attention_value.model import hours_in_period
from ..params import require
from .data import scheme_value

__all__ = [
    "PAYOUT_ASSUMPTIONS",
    "TSU_SHARE",
    "WAKING_HOURS",
    "WAKING_HOURS_RANGE",
    "microsoft_rewards",
    "money_walks",
    "notification_interval",
    "payout_per_hour",
    "revenue_share_payout",
]

TSU_SHARE = "share of ad revenue paid out to users"  # the quantity of Tsu's promised payout in the data
WAKING_HOURS = 16.0  # an assumption: hours a day with the phone at hand
WAKING_HOURS_RANGE = (14.0, 18.0)  # the range of that assumption
PAYOUT_ASSUMPTIONS = (
    "A platform pays each user a share of the revenue it earns per user (Facebook's ARPU by region), spread over the "
    "hours the user spends on its apps: every user of every region is assumed to spend the same minutes a day, every "
    "day. The result is what such a payment would give, not what any platform pays."
)


def payout_per_hour(share: float, arpu_usd: float, days: float, minutes_per_day: float) -> float:
    """US$ an hour: ``share`` of a period's revenue per user, spread over the hours spent on the apps in the period."""
    return share * arpu_usd / hours_in_period(days, minutes_per_day)


def revenue_share_payout(
    share: float,
    minutes_per_day: float,
    table: pd.DataFrame | None = None,
    *,
    per_hour: Callable[[float, float, float, float], float] = payout_per_hour,
) -> pd.DataFrame:
    """Every row of :func:`~digital_labor.attention_value.arpu` (or ``table``) with what paying out
    ``share`` of it would give: per hour (``usd_per_hour``, ``cents_per_hour``, by ``per_hour``,
    default :func:`payout_per_hour`) and per user per year (``usd_per_year``, those hours' pay over a year).
    The firm's net income per hour is dropped: a payout is a share of revenue, not of profit."""
    require(0 <= share <= 1, "share must be between 0 and 1.")
    frame = hourly_value(minutes_per_day, table).drop(columns="net_usd_per_hour", errors="ignore")
    frame["usd_per_hour"] = [per_hour(share, a, d, minutes_per_day) for a, d in zip(frame["arpu_usd"], frame["days"])]
    frame["cents_per_hour"] = 100 * frame["usd_per_hour"]
    frame["usd_per_year"] = frame["usd_per_hour"] * frame["hours"] * 365 / frame["days"]
    return frame


def microsoft_rewards() -> dict[str, float]:
    """What Microsoft Rewards paid in the UK (2017): GBP per search and the daily maximum at levels 1 and 2.

    The value of a point is the gift card's GBP 5 over the points it costs (the sources give no
    price per point); the arithmetic is the book's.
    """
    gbp_per_point = 5 / scheme_value("Microsoft Rewards (formerly Bing Rewards)", "points needed for a GBP 5 Xbox gift card")
    search = scheme_value("Microsoft Rewards (formerly Bing Rewards)", "points per Bing search") * gbp_per_point
    level1 = scheme_value("Microsoft Rewards (formerly Bing Rewards)", "maximum search points per day (Level 1)") * gbp_per_point
    level2 = (
        scheme_value("Microsoft Rewards (formerly Bing Rewards)", "maximum points per day at Level 2 (after 500 points in a month)")
        * gbp_per_point
    )
    return {"gbp_per_point": gbp_per_point, "gbp_per_search": search, "gbp_per_day_level1": level1, "gbp_per_day_level2": level2}


def money_walks() -> dict[str, float]:
    """Telefónica's data-auction experiment (2014): the vouchers paid per participant, per week and per auction (EUR)."""
    scheme = "Telefónica R&D 'Money Walks' personal-data market experiment"
    total = scheme_value(scheme, "total paid to participants for their data")
    people, weeks, auctions = (scheme_value(scheme, q) for q in ("participants", "study duration", "auctions held"))
    return {
        "total_eur": total,
        "participants": people,
        "weeks": weeks,
        "auctions": auctions,
        "eur_per_participant": total / people,
        "eur_per_participant_week": total / people / weeks,
        "eur_per_auction": total / auctions,
    }


def notification_interval(per_day: float, waking_hours: float = WAKING_HOURS) -> float:
    """Minutes between two notifications, if ``per_day`` notifications arrive evenly over the waking hours."""
    require(per_day > 0, "per_day must be positive.")
    require(0 < waking_hours <= 24, "waking_hours must be between 0 and 24.")
    return waking_hours * 60 / per_day
