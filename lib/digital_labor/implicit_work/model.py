"""The implicit-work ratio: users' productive time in full-time equivalents per employee (a model).

The essay's key shift is a change in the ratio between formal employment (a contract and a
wage) and implicit work (unrecognised, barely or not paid). Nobody measures the second, so the
book builds it from stated assumptions (:data:`RATIO_ASSUMPTIONS`): users × minutes a day × the
productive share of that time × days a year gives hours; hours / hours in a full-time year give
full-time equivalents (FTE); FTE / employees give the ratio. The same arithmetic applied to a
retailer's self-service customers gives the ratio for a traditional firm.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from ..attention_value.data import FACEBOOK_TIME, TIME_HIGH, TIME_LOW, minutes_per_day
from ..firm_scale.data import users_employees
from ..params import require
from .data import walmart_figure

__all__ = [
    "DEFAULT_PRODUCTIVE_SHARE",
    "PRODUCTIVE_SHARE_RANGE",
    "RATIO_ASSUMPTIONS",
    "ImplicitWork",
    "facebook_case",
    "firm_comparison",
    "implicit_fte",
    "implicit_hours",
    "implicit_ratio",
    "ratio_by_year",
    "sensitivity",
    "time_range",
    "walmart_case",
]

DEFAULT_PRODUCTIVE_SHARE = 0.10  # an assumption of the model, defended on the page
PRODUCTIVE_SHARE_RANGE = (0.05, 0.25)  # the narrow definition's plausible range (an assumption)
_HOURS_PER_FTE_RANGE = (1800.0, 2080.0)  # 45 to 52 weeks of 40 hours (a convention)

RATIO_ASSUMPTIONS = (
    "Implicit hours a year = users × minutes a day / 60 × 365 × productive share; full-time equivalents (FTE) = "
    "hours / 2,000 (40 hours a week for 50 weeks); ratio = FTE / the firm's employees. Every user is assumed to spend "
    "the same time every day; the productive share is the part of that time spent contributing (posting, commenting, "
    "reacting, sharing, rating, tagging, curating one's feed), 10 % by default; the rest is counted as consumption, "
    "although it too leaves data the platform sells."
)


@dataclass(frozen=True)
class ImplicitWork:
    """Parameters of the ratio model (see :data:`RATIO_ASSUMPTIONS`)."""

    users: float  # people using the service (or customer visits, for a retailer: see _consumer_work)
    minutes_per_day: float  # minutes each spends on it a day
    productive_share: float  # share of that time that is productive contribution, 0 to 1
    employees: float  # the firm's own employees
    hours_per_fte_year: float = 2000.0
    days_per_year: float = 365.0

    def __post_init__(self) -> None:
        require(self.users >= 0, "users must be zero or more.")
        require(0 <= self.minutes_per_day <= 1440, "minutes_per_day must be between 0 and 1,440.")
        require(0 <= self.productive_share <= 1, "productive_share must be between 0 and 1.")
        require(self.employees > 0, "employees must be positive.")
        require(self.hours_per_fte_year > 0, "hours_per_fte_year must be positive.")
        require(0 < self.days_per_year <= 366, "days_per_year must be in (0, 366].")


def implicit_hours(work: ImplicitWork) -> float:
    """Hours of productive contribution a year."""
    return work.users * work.minutes_per_day / 60 * work.days_per_year * work.productive_share


def implicit_fte(work: ImplicitWork) -> float:
    """Full-time equivalents of productive contribution."""
    return implicit_hours(work) / work.hours_per_fte_year


def implicit_ratio(work: ImplicitWork) -> float:
    """Full-time equivalents of implicit work per employee of the firm."""
    return implicit_fte(work) / work.employees


def time_range() -> tuple[float, float, float]:
    """The time parameter's low, default and high values (minutes a day), from published figures:
    Facebook alone for US users (2014), Facebook's apps for the average user (2016), and all social
    networks and messaging for internet users (2016)."""
    return minutes_per_day(TIME_LOW), minutes_per_day(FACEBOOK_TIME), minutes_per_day(TIME_HIGH)


def facebook_case(
    year: int = 2016, minutes: float | None = None, productive_share: float = DEFAULT_PRODUCTIVE_SHARE, hours_per_fte_year: float = 2000.0
) -> ImplicitWork:
    """The model's parameters for Facebook in ``year``: its users and employees from the data,
    the time from Facebook's 2016 statement unless ``minutes`` is given."""
    frame = users_employees().set_index("year")
    if year not in frame.index:
        raise KeyError(f"No users and employees for {year}; the data cover {frame.index.min()}-{frame.index.max()}.")
    return ImplicitWork(
        users=float(frame.loc[year, "users_millions"]) * 1e6,
        minutes_per_day=time_range()[1] if minutes is None else minutes,
        productive_share=productive_share,
        employees=float(frame.loc[year, "employees"]),
        hours_per_fte_year=hours_per_fte_year,
    )


def ratio_by_year(minutes: float | None = None, productive_share: float = DEFAULT_PRODUCTIVE_SHARE) -> pd.DataFrame:
    """Facebook's users, employees, implicit FTE and ratio for every year of the data."""
    rows = []
    for year in users_employees()["year"]:
        case = facebook_case(int(year), minutes, productive_share)
        rows.append(
            {
                "year": int(year),
                "users": case.users,
                "employees": case.employees,
                "implicit_fte": implicit_fte(case),
                "ratio": implicit_ratio(case),
            }
        )
    return pd.DataFrame(rows)


def sensitivity(base: ImplicitWork, ranges: dict[str, tuple[float, float]] | None = None) -> pd.DataFrame:
    """One-at-a-time sensitivity of the ratio (a tornado): each parameter set to its low and high
    value, the others kept at ``base``. Default ranges: time from :func:`time_range`, productive
    share :data:`PRODUCTIVE_SHARE_RANGE`, hours per FTE year :data:`_HOURS_PER_FTE_RANGE`.

    Columns: ``parameter``, ``label``, ``low``, ``high`` (parameter values), ``ratio_low``,
    ``ratio_high``, ``base_ratio``, ``swing`` (|ratio_high − ratio_low|), largest swing first.
    """
    low_time, _, high_time = time_range()
    ranges = ranges or {
        "minutes_per_day": (low_time, high_time),
        "productive_share": PRODUCTIVE_SHARE_RANGE,
        "hours_per_fte_year": _HOURS_PER_FTE_RANGE,
    }
    labels = {
        "minutes_per_day": "time on the platform (minutes a day)",
        "productive_share": "productive share of that time",
        "hours_per_fte_year": "hours in a full-time year",
        "users": "users",
        "employees": "employees",
    }
    rows = []
    for name, (low, high) in ranges.items():
        require(hasattr(base, name), f"unknown parameter '{name}'.")
        rows.append(
            {
                "parameter": name,
                "label": labels.get(name, name),
                "low": low,
                "high": high,
                "ratio_low": implicit_ratio(replace(base, **{name: low})),
                "ratio_high": implicit_ratio(replace(base, **{name: high})),
            }
        )
    frame = pd.DataFrame(rows)
    frame["base_ratio"] = implicit_ratio(base)
    frame["swing"] = (frame["ratio_high"] - frame["ratio_low"]).abs()
    return frame.sort_values("swing", ascending=False, ignore_index=True)


def _consumer_work(visits_per_week: float, minutes_per_visit: float, employees: float, hours_per_fte_year: float = 2000.0) -> ImplicitWork:
    """The model for a retailer: each visit adds ``minutes_per_visit`` of self-service (scanning and
    bagging at a self-checkout, ordering online). Visits a week × 52 / 365 play the role of daily
    users; all of the self-service time counts as productive (share 1)."""
    require(visits_per_week >= 0 and minutes_per_visit >= 0, "visits_per_week and minutes_per_visit must be zero or more.")
    return ImplicitWork(
        users=visits_per_week * 52 / 365,
        minutes_per_day=minutes_per_visit,
        productive_share=1.0,
        employees=employees,
        hours_per_fte_year=hours_per_fte_year,
    )


def walmart_case(minutes_per_visit: float) -> ImplicitWork:
    """:func:`_consumer_work` with Walmart's own 2016 figures of visits and associates."""
    return _consumer_work(walmart_figure("customer visits per week"), minutes_per_visit, walmart_figure("associates (employees) worldwide"))


def firm_comparison(
    minutes_per_visit: tuple[float, ...] = (2.0, 5.0, 10.0),
    shares: tuple[float, ...] = (0.05, DEFAULT_PRODUCTIVE_SHARE, 0.25, 1.0),
    year: int = 2016,
) -> pd.DataFrame:
    """Implicit FTE per employee for Facebook (``year``, at several productive shares) and for
    Walmart (2016, at several minutes of self-service per visit). Columns: ``firm``,
    ``scenario``, ``implicit_fte``, ``employees``, ``ratio``."""
    rows = []
    for share in shares:
        case = facebook_case(year, productive_share=share)
        rows.append(
            {
                "firm": "Facebook",
                "scenario": f"{share:.0%} of {case.minutes_per_day:g} minutes a day productive",
                "implicit_fte": implicit_fte(case),
                "employees": case.employees,
                "ratio": implicit_ratio(case),
            }
        )
    for minutes in minutes_per_visit:
        case = walmart_case(minutes)
        rows.append(
            {
                "firm": "Walmart",
                "scenario": f"{minutes:g} minutes of self-service per visit",
                "implicit_fte": implicit_fte(case),
                "employees": case.employees,
                "ratio": implicit_ratio(case),
            }
        )
    return pd.DataFrame(rows)
