"""A ride-hail driver's time budget (a model, labelled as one).

A logged-in hour is split, as cities and researchers split it, into time with a passenger (P3),
driving to a pick-up (P2) and waiting for a request (P1); the shares come from published studies
(``ride_hail_utilisation``). While waiting, a driver either cruises (drives around looking for
work) or waits parked; *driving* is P2 + P3 + the cruising part of P1. On top of driving, the
driver works *on the app*: rating riders, reading and answering messages, accepting or declining
requests while watching an acceptance rate, checking surge maps, planning the week, managing a
profile and documents. No study gives that time, so it is a stated range
(:data:`APP_WORK_ASSUMPTIONS`). Two definitions of app work are compared with driving: the
explicit app tasks alone (*narrow*, the essay's "finger work"), or those plus the time spent
parked, logged in and waiting for the app (*broad*).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..params import require
from .data import TIME, henao_speeds, phase_shares

__all__ = [
    "APP_MINUTES",
    "APP_MINUTES_RANGE",
    "APP_WORK_ASSUMPTIONS",
    "BROAD",
    "NARROW",
    "Budget",
    "DriverHour",
    "WHILE_WAITING",
    "app_work_minutes",
    "break_even_app_minutes",
    "claim_grid",
    "claim_holds",
    "claim_sweep",
    "cruising_range",
    "default_cruising",
    "default_p2",
    "driving_over_half",
    "study_thresholds",
    "time_budget",
]

NARROW, BROAD = "narrow", "broad"
# Minutes of explicit app work per logged-in hour: no study times them, so a stated range.
# Low end: a minute of taps per trip (accept, start, end, rate) at about two trips an hour.
# High end: a third of every logged-in hour, a deliberately generous ceiling.
APP_MINUTES_RANGE = (2.0, 20.0)
APP_MINUTES = 8.0  # the default inside that range (an assumption); the ledger's ruling is computed at both ends
WHILE_WAITING = 0.5  # share of that app work done while parked and waiting (an assumption; 0 to 1)

APP_WORK_ASSUMPTIONS = (
    "A logged-in hour = time with a passenger (P3) + driving to a pick-up (P2) + waiting for a request (P1), with "
    "published shares; a share of P1 is spent cruising (driving around for work), the rest parked. Driving = P2 + P3 + "
    "cruising. Explicit app work (rating riders, messages, accepting or declining requests, watching surge maps, "
    "planning the week, profile and documents, the off-shift part spread over logged-in hours) takes "
    f"{APP_MINUTES:g} minutes per logged-in hour, within a stated range of {APP_MINUTES_RANGE[0]:g} (a minute of taps per "
    f"trip) to {APP_MINUTES_RANGE[1]:g} (a third of the hour); {100 * WHILE_WAITING:.0f} % of it is done while parked and "
    "waiting (range 0-100 %), the rest outside the logged-in hour. Narrow app work = the explicit app work; broad app "
    "work = the explicit app work + the parked waiting not already spent on it. The claim holds when app work takes "
    "more minutes than driving."
)


def cruising_range() -> tuple[float, float]:
    """The share of waiting time spent driving in Henao's Denver rides, if cruising is as fast as
    driving with a passenger (low) or as driving to a pick-up (high): his mean speed while waiting
    over his speed in P3 and in P2."""
    speed = henao_speeds()
    return float(speed["P1"] / speed["P3"]), float(speed["P1"] / speed["P2"])


def default_cruising() -> float:
    """The share of waiting time spent cruising, where a study does not say: the high end of
    :func:`cruising_range` (cruising on city streets is nearer a pick-up drive than a fare)."""
    return cruising_range()[1]


@dataclass(frozen=True)
class DriverHour:
    """Parameters of one logged-in hour (shares in %; see :data:`APP_WORK_ASSUMPTIONS`)."""

    p3_pct: float  # with a passenger
    p2_pct: float  # driving to a pick-up
    app_minutes: float = APP_MINUTES  # explicit app work per logged-in hour
    while_waiting: float = WHILE_WAITING  # share of the app work done while parked and waiting
    cruising: float = 0.0  # share of the waiting time (P1) spent driving around for work

    def __post_init__(self) -> None:
        require(0 <= self.p3_pct <= 100 and 0 <= self.p2_pct <= 100, "p3_pct and p2_pct must be between 0 and 100.")
        require(self.p3_pct + self.p2_pct <= 100, "p3_pct + p2_pct cannot exceed 100 % of the hour.")
        require(self.app_minutes >= 0, "app_minutes must be zero or more.")
        require(0 <= self.while_waiting <= 1, "while_waiting must be between 0 and 1.")
        require(0 <= self.cruising <= 1, "cruising must be between 0 and 1.")

    @property
    def p1_pct(self) -> float:
        """Waiting for a request: the rest of the hour."""
        return 100 - self.p3_pct - self.p2_pct


def time_budget(hour: DriverHour) -> dict[str, float]:
    """Minutes per logged-in hour: with a passenger, to a pick-up, cruising, parked, driving in all,
    and app work under each definition."""
    cruising = 0.6 * hour.p1_pct * hour.cruising
    parked = 0.6 * hour.p1_pct - cruising
    during_wait = min(hour.while_waiting * hour.app_minutes, parked)
    budget = {
        "with_passenger": 0.6 * hour.p3_pct,
        "to_pickup": 0.6 * hour.p2_pct,
        "cruising": cruising,
        "parked": parked,
        "driving": 0.6 * (hour.p3_pct + hour.p2_pct) + cruising,
        "app_tasks": hour.app_minutes,
        "app_tasks_while_waiting": during_wait,
        NARROW: hour.app_minutes,
        BROAD: hour.app_minutes + parked - during_wait,
    }
    return {key: float(value) for key, value in budget.items()}


Budget = Callable[[DriverHour], dict[str, float]]  # an hour's parameters -> minutes by activity, as :func:`time_budget`


def app_work_minutes(hour: DriverHour, definition: str = NARROW) -> float:
    """Minutes of app work per logged-in hour under ``definition`` (:data:`NARROW` or :data:`BROAD`)."""
    require(definition in (NARROW, BROAD), f"definition must be '{NARROW}' or '{BROAD}'.")
    return time_budget(hour)[definition]


def claim_holds(hour: DriverHour, definition: str = NARROW) -> bool:
    """Does app work take more of the hour than driving (P2 + P3 + cruising)?"""
    return app_work_minutes(hour, definition) > time_budget(hour)["driving"]


def break_even_app_minutes(
    p3_pct: float, p2_pct: float, definition: str = NARROW, while_waiting: float = WHILE_WAITING, cruising: float = 0.0
) -> float:
    """Minutes of explicit app work per logged-in hour at which app work equals driving.

    Zero if the claim holds with no app work at all (broad definition, more parked waiting than
    driving).
    """
    hour = DriverHour(p3_pct, p2_pct, 0.0, while_waiting, cruising)  # validates the shares
    require(definition in (NARROW, BROAD), f"definition must be '{NARROW}' or '{BROAD}'.")
    budget = time_budget(hour)
    driving, parked = budget["driving"], budget["parked"]
    if definition == NARROW:
        return driving
    gap = driving - parked
    if gap <= 0:
        return 0.0
    # While the app work done while waiting fits in the parked time, broad = parked + (1 - w) * app;
    # beyond, all the parked time is spent on the app and broad = app, as narrow.
    if while_waiting < 1 and while_waiting * gap / (1 - while_waiting) <= parked:
        return gap / (1 - while_waiting)
    return driving


def default_p2() -> float:
    """The share of time driving to a pick-up used when a study gives none: the median of the
    published time shares of P2 (%)."""
    shares = phase_shares()
    return float(shares[(shares["phase"] == "P2") & (shares["basis"] == TIME) & shares["ride_hail"]]["low_pct"].median())


def _p1_is_cruising(shares: pd.DataFrame) -> set[tuple[str, str, str]]:
    """Studies whose waiting phase (P1) is published as time spent cruising for work."""
    p1 = shares[(shares["phase"] == "P1") & shares["measure"].str.contains("cruising")]
    return set(zip(p1["study"], p1["city"], p1["service"], strict=True))


def study_thresholds(while_waiting: float = WHILE_WAITING, p2_pct: float | None = None, cruising: float | None = None) -> pd.DataFrame:
    """For every published ride-hail share of time with a passenger: the minutes of app work per
    hour at which the claim would hold, under each definition.

    Where the study gives no P2 share, ``p2_pct`` (default :func:`default_p2`) is used and
    ``p2_published`` is False. Where it publishes its waiting phase as cruising for work, all of
    it is driving; elsewhere ``cruising`` (default :func:`default_cruising`) of it is. A study's
    average over cities it also reports one by one (Cramer & Krueger's five-city average) is left
    out: it would count the same drivers twice.
    """
    shares = phase_shares()
    time = shares[(shares["basis"] == TIME) & shares["ride_hail"] & ~shares["city"].str.contains(r"\(average\)")]
    p2 = time[time["phase"] == "P2"].set_index(["study", "city", "service"])["low_pct"]
    fallback = default_p2() if p2_pct is None else p2_pct
    share_cruising = default_cruising() if cruising is None else cruising
    cruising_studies = _p1_is_cruising(time)
    rows = []
    for r in time[time["phase"] == "P3"].itertuples():
        key = (r.study, r.city, r.service)
        published = key in p2.index
        share2 = float(p2.loc[key]) if published else fallback
        c = 1.0 if key in cruising_studies else share_cruising
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
                    "cruising": c,
                    "cruising_published": key in cruising_studies,
                    "narrow_minutes": break_even_app_minutes(p3, share2, NARROW, while_waiting, c),
                    "broad_minutes": break_even_app_minutes(p3, share2, BROAD, while_waiting, c),
                }
            )
    return pd.DataFrame(rows).sort_values("p3_pct", ignore_index=True)


def driving_over_half(p2_pct: float | None = None) -> int:
    """How many published budgets spend more than half the logged-in hour with a passenger or
    driving to a pick-up (P2 + P3, no cruising counted). In those, app tasks done off the wheel
    within the hour cannot outlast driving, whatever their length. ``p2_pct`` stands in for the
    pick-up shares a study does not publish (default :func:`default_p2`; 0 counts published ones only)."""
    budgets = study_thresholds(p2_pct=p2_pct, cruising=0.0)
    return int((budgets["p3_pct"] + budgets["p2_pct"] > 50).sum())


def claim_grid(
    p3_values: np.ndarray | None = None,
    app_values: np.ndarray | None = None,
    p2_pct: float | None = None,
    while_waiting: float = WHILE_WAITING,
    cruising: float | None = None,
) -> pd.DataFrame:
    """Where the claim holds: a grid of shares with a passenger × minutes of app work, with the
    definitions under which app work exceeds driving."""
    p3_values = np.arange(20, 71, 2.0) if p3_values is None else np.asarray(p3_values, dtype=float)
    app_values = np.arange(0, 61, 2.0) if app_values is None else np.asarray(app_values, dtype=float)
    p2 = default_p2() if p2_pct is None else p2_pct
    c = default_cruising() if cruising is None else cruising
    rows = []
    for p3 in p3_values:
        for minutes in app_values:
            hour = DriverHour(float(p3), p2, float(minutes), while_waiting, c)
            narrow, broad = claim_holds(hour, NARROW), claim_holds(hour, BROAD)
            region = "under both definitions" if narrow else ("only if parked waiting counts as app work" if broad else "under neither")
            rows.append(
                {"p3_pct": float(p3), "app_minutes": float(minutes), "narrow_holds": narrow, "broad_holds": broad, "region": region}
            )
    return pd.DataFrame(rows)


def claim_sweep() -> pd.DataFrame:
    """How many published budgets the claim holds in, under each definition, across the stated
    ranges: cruising share (none, Henao's low and high estimates, all), share of app work done
    while parked (none, half) and minutes of app work (both ends of the range and the default)."""
    low, high = cruising_range()
    cruising = {"none (all waiting parked)": 0.0, "Henao, low": low, "Henao, high (default)": high, "all (waiting spent driving)": 1.0}
    rows = []
    for label, c in cruising.items():
        for w in (0.0, WHILE_WAITING):
            studies = study_thresholds(while_waiting=w, cruising=c)
            for minutes in (APP_MINUTES_RANGE[0], APP_MINUTES, APP_MINUTES_RANGE[1]):
                for definition in (NARROW, BROAD):
                    holds = studies[studies[f"{definition}_minutes"] < minutes]
                    rows.append(
                        {
                            "cruising": label,
                            "cruising_share": c,
                            "while_waiting": w,
                            "app_minutes": minutes,
                            "definition": definition,
                            "holds": len(holds),
                            "budgets": len(studies),
                            "where": "; ".join(f"{r.city}, {r.period}" for r in holds.itertuples()),
                        }
                    )
    return pd.DataFrame(rows)
