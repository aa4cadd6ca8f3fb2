"""A ride-hail driver's time budget (a model, labelled as one).

A logged-in hour is split, as cities and researchers split it, into time with a passenger (P3),
driving to a pick-up (P2) and waiting for a request (P1); the shares come from published studies
(``ride_hail_utilisation``). On top of driving, the driver works *on the app*: rating riders,
reading and answering messages, accepting or declining requests while watching an acceptance
rate, checking surge maps, planning the week, managing a profile and documents. No study gives
that time, so it is an assumption (:data:`APP_WORK_ASSUMPTIONS`). Two definitions of app work are
compared with the time spent driving a passenger: the explicit app tasks alone (*narrow*), or
those plus the idle time spent logged in and waiting for the app (*broad*).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..params import require
from .data import TIME, phase_shares

__all__ = [
    "APP_MINUTES",
    "APP_MINUTES_RANGE",
    "APP_WORK_ASSUMPTIONS",
    "BROAD",
    "NARROW",
    "DriverHour",
    "WHILE_WAITING",
    "app_work_minutes",
    "break_even_app_minutes",
    "claim_grid",
    "claim_holds",
    "default_p2",
    "study_thresholds",
    "time_budget",
]

NARROW, BROAD = "narrow", "broad"
APP_MINUTES = 8.0  # minutes of explicit app work per logged-in hour (an assumption)
APP_MINUTES_RANGE = (2.0, 20.0)
WHILE_WAITING = 0.5  # share of that app work done while waiting for a request (an assumption)

APP_WORK_ASSUMPTIONS = (
    "A logged-in hour = time with a passenger (P3) + driving to a pick-up (P2) + waiting for a request (P1), with "
    "published shares. Explicit app work (rating riders, messages, accepting or declining requests, watching surge maps, "
    "planning the week, profile and documents, the off-shift part spread over logged-in hours) is assumed to take "
    f"{APP_MINUTES:g} minutes per logged-in hour (range {APP_MINUTES_RANGE[0]:g}-{APP_MINUTES_RANGE[1]:g}); "
    f"{100 * WHILE_WAITING:.0f} % of it is done while waiting (range 0-100 %). Narrow app work = the explicit app work; broad app "
    "work = the explicit app work + the waiting time not already spent on it. The claim holds when app work takes more "
    "minutes than driving with a passenger."
)


@dataclass(frozen=True)
class DriverHour:
    """Parameters of one logged-in hour (shares in %; see :data:`APP_WORK_ASSUMPTIONS`)."""

    p3_pct: float  # with a passenger
    p2_pct: float  # driving to a pick-up
    app_minutes: float = APP_MINUTES  # explicit app work per logged-in hour
    while_waiting: float = WHILE_WAITING  # share of the app work done while waiting (P1)

    def __post_init__(self) -> None:
        require(0 <= self.p3_pct <= 100 and 0 <= self.p2_pct <= 100, "p3_pct and p2_pct must be between 0 and 100.")
        require(self.p3_pct + self.p2_pct <= 100, "p3_pct + p2_pct cannot exceed 100 % of the hour.")
        require(self.app_minutes >= 0, "app_minutes must be zero or more.")
        require(0 <= self.while_waiting <= 1, "while_waiting must be between 0 and 1.")

    @property
    def p1_pct(self) -> float:
        """Waiting for a request: the rest of the hour."""
        return 100 - self.p3_pct - self.p2_pct


def time_budget(hour: DriverHour) -> dict[str, float]:
    """Minutes per logged-in hour: with a passenger, to a pick-up, waiting, and app work under each definition."""
    waiting = 0.6 * float(hour.p1_pct)
    during_wait = min(hour.while_waiting * hour.app_minutes, waiting)
    budget = {
        "with_passenger": 0.6 * hour.p3_pct,
        "to_pickup": 0.6 * hour.p2_pct,
        "waiting": waiting,
        "app_tasks": hour.app_minutes,
        "app_tasks_while_waiting": during_wait,
        NARROW: hour.app_minutes,
        BROAD: hour.app_minutes + waiting - during_wait,
    }
    return {key: float(value) for key, value in budget.items()}


def app_work_minutes(hour: DriverHour, definition: str = NARROW) -> float:
    """Minutes of app work per logged-in hour under ``definition`` (:data:`NARROW` or :data:`BROAD`)."""
    require(definition in (NARROW, BROAD), f"definition must be '{NARROW}' or '{BROAD}'.")
    return time_budget(hour)[definition]


def claim_holds(hour: DriverHour, definition: str = NARROW) -> bool:
    """Does app work take more of the hour than driving with a passenger?"""
    return app_work_minutes(hour, definition) > time_budget(hour)["with_passenger"]


def break_even_app_minutes(p3_pct: float, p2_pct: float, definition: str = NARROW, while_waiting: float = WHILE_WAITING) -> float:
    """Minutes of explicit app work per logged-in hour at which app work equals time with a passenger.

    Zero if the claim holds with no app work at all (broad definition, more waiting than
    driving with a passenger).
    """
    DriverHour(p3_pct, p2_pct, 0.0, while_waiting)  # validates the shares
    p3_pct, p2_pct = float(p3_pct), float(p2_pct)
    require(definition in (NARROW, BROAD), f"definition must be '{NARROW}' or '{BROAD}'.")
    passenger, waiting = 0.6 * p3_pct, 0.6 * (100 - p3_pct - p2_pct)
    if definition == NARROW:
        return passenger
    gap = passenger - waiting
    if gap <= 0:
        return 0.0
    # While the app work done while waiting fits in the waiting time, broad = waiting + (1 - w) * app;
    # beyond, all the waiting is spent on the app and broad = app, as narrow.
    if while_waiting < 1 and while_waiting * gap / (1 - while_waiting) <= waiting:
        return gap / (1 - while_waiting)
    return passenger


def default_p2() -> float:
    """The share of time driving to a pick-up used when a study gives none: the median of the
    published time shares of P2 (%)."""
    shares = phase_shares()
    return float(shares[(shares["phase"] == "P2") & (shares["basis"] == TIME) & shares["ride_hail"]]["low_pct"].median())


def study_thresholds(while_waiting: float = WHILE_WAITING, p2_pct: float | None = None) -> pd.DataFrame:
    """For every published ride-hail share of time with a passenger: the minutes of app work per
    hour at which the claim would hold, under each definition. Where the study gives no P2 share,
    ``p2_pct`` (default :func:`default_p2`) is used and ``p2_published`` is False."""
    shares = phase_shares()
    time = shares[(shares["basis"] == TIME) & shares["ride_hail"]]
    p2 = time[time["phase"] == "P2"].set_index(["study", "city", "service"])["low_pct"]
    fallback = default_p2() if p2_pct is None else p2_pct
    rows = []
    for r in time[time["phase"] == "P3"].itertuples():
        published = (r.study, r.city, r.service) in p2.index
        share2 = float(p2.loc[(r.study, r.city, r.service)]) if published else fallback
        for p3 in sorted({r.low_pct, r.high_pct}):
            rows.append(
                {
                    "study": r.study,
                    "city": r.city,
                    "service": r.service,
                    "period": r.period,
                    "confidence": r.confidence,
                    "bibkey": r.bibkey,
                    "p3_pct": p3,
                    "p2_pct": share2,
                    "p2_published": published,
                    "narrow_minutes": break_even_app_minutes(p3, share2, NARROW, while_waiting),
                    "broad_minutes": break_even_app_minutes(p3, share2, BROAD, while_waiting),
                }
            )
    return pd.DataFrame(rows).sort_values("p3_pct", ignore_index=True)


def claim_grid(
    p3_values: np.ndarray | None = None,
    app_values: np.ndarray | None = None,
    p2_pct: float | None = None,
    while_waiting: float = WHILE_WAITING,
) -> pd.DataFrame:
    """Where the claim holds: a grid of shares with a passenger × minutes of app work, with the
    definitions under which app work exceeds time with a passenger."""
    p3_values = np.arange(20, 71, 2.0) if p3_values is None else np.asarray(p3_values, dtype=float)
    app_values = np.arange(0, 41, 2.0) if app_values is None else np.asarray(app_values, dtype=float)
    p2 = default_p2() if p2_pct is None else p2_pct
    rows = []
    for p3 in p3_values:
        for minutes in app_values:
            hour = DriverHour(float(p3), p2, float(minutes), while_waiting)
            narrow, broad = claim_holds(hour, NARROW), claim_holds(hour, BROAD)
            region = "under both definitions" if narrow else ("only if waiting counts as app work" if broad else "under neither")
            rows.append(
                {"p3_pct": float(p3), "app_minutes": float(minutes), "narrow_holds": narrow, "broad_holds": broad, "region": region}
            )
    return pd.DataFrame(rows)
