"""The implicit-work ratio: users' productive time in full-time equivalents per employee (a model).

The essay's key shift is a change in the ratio between formal employment (a contract and a
wage) and implicit work (unrecognised, barely or not paid). Nobody measures the second, so the
book builds it from stated assumptions (:data:`RATIO_ASSUMPTIONS`): users × minutes a day × the
productive share of that time × days a year gives hours; hours / hours in a full-time year give
full-time equivalents (FTE); FTE / employees give the ratio. The same arithmetic applied to a
retailer's self-service customers gives the ratio for a traditional firm. :func:`ratio_rule` is
that arithmetic; every function here takes a ``rule`` of the same signature (default
:func:`ratio_rule`), so that a page can state the rule in its own cell and pass it on.
:func:`sensitivity` moves one parameter at a time; :func:`monte_carlo` draws all of them at once
over :data:`JOINT_RANGES` (seeded).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, replace

import numpy as np
import pandas as pd

from ..attention_value.data import FACEBOOK_TIME, TIME_HIGH, TIME_LOW, minutes_per_day
from ..firm_scale.data import users_employees
from ..params import require
from .data import daily_users, walmart_figure

__all__ = [
    "DEFAULT_PRODUCTIVE_SHARE",
    "DEFAULT_USERS",
    "HOURS_PER_FTE_RANGE",
    "JOINT_RANGES",
    "PRODUCTIVE_SHARE_RANGE",
    "RATIO_ASSUMPTIONS",
    "SEED",
    "ImplicitWork",
    "facebook_case",
    "firm_comparison",
    "implicit_ratio",
    "joint_corners",
    "joint_ranges",
    "monte_carlo",
    "ratio_by_year",
    "ratio_rule",
    "sensitivity",
    "sensitivity_ranges",
    "time_range",
    "walmart_case",
]

DEFAULT_PRODUCTIVE_SHARE = 0.10  # an assumption: no study measures the share of time spent contributing
PRODUCTIVE_SHARE_RANGE = (0.05, 0.25)  # the assumption's range: three to fifteen minutes of every hour
HOURS_PER_FTE_RANGE = (1800.0, 2080.0)  # 45 to 52 weeks of 40 hours (a convention)
DEFAULT_USERS = "daily"  # the time is an average over the people who use the apps on a day: count daily users
USER_COUNTS = ("daily", "monthly")
SEED = 20161231  # the Monte Carlo's seed (any fixed value; the band barely moves with it at 20,000 draws)

# Ranges of the joint (Monte Carlo) draw besides the time (bounded by time_range()), each uniform; the
# productive share is drawn uniform on a log scale, since its range spans a factor of five and no value
# inside it is better supported. "users_fraction" runs from daily (0) to monthly (1) active users.
JOINT_RANGES: dict[str, tuple[float, float]] = {
    "users_fraction": (0.0, 1.0),
    "productive_share": PRODUCTIVE_SHARE_RANGE,
    "hours_per_fte_year": HOURS_PER_FTE_RANGE,
}

RATIO_ASSUMPTIONS = (
    "Implicit hours a year = users × minutes a day / 60 × 365 × productive share; full-time equivalents (FTE) = "
    "hours / 2,000 (40 hours a week for 50 weeks); ratio = FTE / the firm's employees. Users are Facebook's daily "
    "active users (December average) by default, each spending the stated minutes every day; the productive share "
    "is the part of that time spent contributing (posting, commenting, reacting, sharing, rating, tagging, curating "
    "one's feed), an assumption of 10 % (range 5-25 %) that no study measures; the rest is counted as consumption, "
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


Quantity = float | np.ndarray | pd.Series  # one value, or one per draw


def ratio_rule(
    users: Quantity,
    minutes_per_day: Quantity,
    productive_share: Quantity,
    employees: Quantity,
    hours_per_fte_year: Quantity = 2000.0,
    days_per_year: Quantity = 365.0,
) -> Quantity:
    """Full-time equivalents of productive time per employee: the model's arithmetic, on numbers or
    on arrays alike (the default ``rule`` of the functions of this module)."""
    return users * minutes_per_day / 60 * days_per_year * productive_share / hours_per_fte_year / employees


RatioRule = Callable[..., Quantity]  # a function with ratio_rule's keyword arguments


def implicit_ratio(work: ImplicitWork, rule: RatioRule = ratio_rule) -> float:
    """Full-time equivalents of implicit work per employee of the firm, by ``rule``."""
    return float(rule(**asdict(work)))


def time_range() -> tuple[float, float, float]:
    """The time parameter's low, default and high values (minutes a day), from published figures:
    Facebook alone for US users (2014), Facebook's apps for the average user (2016), and all social
    networks and messaging for internet users (2016)."""
    return minutes_per_day(TIME_LOW), minutes_per_day(FACEBOOK_TIME), minutes_per_day(TIME_HIGH)


def facebook_case(
    year: int = 2016,
    minutes: float | None = None,
    productive_share: float = DEFAULT_PRODUCTIVE_SHARE,
    hours_per_fte_year: float = 2000.0,
    users: str = DEFAULT_USERS,
) -> ImplicitWork:
    """The model's parameters for Facebook in ``year``: its daily (or, with ``users='monthly'``,
    monthly) active users and its employees from the data, the time from Facebook's 2016
    statement unless ``minutes`` is given."""
    require(users in USER_COUNTS, f"users must be one of {', '.join(USER_COUNTS)}, not '{users}'.")
    frame = users_employees().set_index("year")
    if year not in frame.index:
        raise KeyError(f"No users and employees for {year}; the data cover {frame.index.min()}-{frame.index.max()}.")
    counted = float(frame.loc[year, "users_millions"]) * 1e6 if users == "monthly" else float(daily_users()[year])
    return ImplicitWork(
        users=counted,
        minutes_per_day=time_range()[1] if minutes is None else minutes,
        productive_share=productive_share,
        employees=float(frame.loc[year, "employees"]),
        hours_per_fte_year=hours_per_fte_year,
    )


def ratio_by_year(
    minutes: float | None = None,
    productive_share: float = DEFAULT_PRODUCTIVE_SHARE,
    users: str = DEFAULT_USERS,
    rule: RatioRule = ratio_rule,
) -> pd.DataFrame:
    """Facebook's daily and monthly users, employees, implicit FTE and ratio (for the ``users``
    counted, by ``rule``) for every year of the data."""
    rows = []
    for year in users_employees()["year"]:
        case = facebook_case(int(year), minutes, productive_share, users=users)
        ratio = implicit_ratio(case, rule)
        rows.append(
            {
                "year": int(year),
                "daily_users": facebook_case(int(year), users="daily").users,
                "monthly_users": facebook_case(int(year), users="monthly").users,
                "users": case.users,
                "employees": case.employees,
                "implicit_fte": ratio * case.employees,
                "ratio": ratio,
            }
        )
    return pd.DataFrame(rows)


def sensitivity_ranges(year: int = 2016) -> dict[str, tuple[float, float]]:
    """The tornado's ranges for Facebook in ``year``: users from daily to monthly active users,
    time from :func:`time_range`, the productive share and the hours in a full-time year."""
    low_time, _, high_time = time_range()
    return {
        "users": (facebook_case(year, users="daily").users, facebook_case(year, users="monthly").users),
        "minutes_per_day": (low_time, high_time),
        "productive_share": PRODUCTIVE_SHARE_RANGE,
        "hours_per_fte_year": HOURS_PER_FTE_RANGE,
    }


def sensitivity(base: ImplicitWork, ranges: dict[str, tuple[float, float]] | None = None, rule: RatioRule = ratio_rule) -> pd.DataFrame:
    """One-at-a-time sensitivity of the ratio (by ``rule``, a tornado): each parameter set to its low
    and high value, the others kept at ``base``. Default ranges: time from :func:`time_range`, productive
    share :data:`PRODUCTIVE_SHARE_RANGE`, hours per FTE year :data:`HOURS_PER_FTE_RANGE`.

    Columns: ``parameter``, ``label``, ``low``, ``high`` (parameter values), ``ratio_low``,
    ``ratio_high``, ``base_ratio``, ``swing`` (|ratio_high − ratio_low|), largest swing first.
    """
    low_time, _, high_time = time_range()
    ranges = ranges or {
        "minutes_per_day": (low_time, high_time),
        "productive_share": PRODUCTIVE_SHARE_RANGE,
        "hours_per_fte_year": HOURS_PER_FTE_RANGE,
    }
    labels = {
        "minutes_per_day": "time on the platform (minutes a day)",
        "productive_share": "productive share of that time",
        "hours_per_fte_year": "hours in a full-time year",
        "users": "users counted (daily to monthly active)",
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
                "ratio_low": implicit_ratio(replace(base, **{name: low}), rule),
                "ratio_high": implicit_ratio(replace(base, **{name: high}), rule),
            }
        )
    frame = pd.DataFrame(rows)
    frame["base_ratio"] = implicit_ratio(base, rule)
    frame["swing"] = (frame["ratio_high"] - frame["ratio_low"]).abs()
    return frame.sort_values("swing", ascending=False, ignore_index=True)


def joint_ranges() -> dict[str, tuple[float, float]]:
    """The ranges of the joint draw: :data:`JOINT_RANGES` and the time's published bounds (:func:`time_range`)."""
    low_time, _, high_time = time_range()
    return {**JOINT_RANGES, "minutes_per_day": (low_time, high_time)}


def monte_carlo(
    year: int = 2016,
    draws: int = 20_000,
    seed: int = SEED,
    ranges: dict[str, tuple[float, float]] | None = None,
    rule: RatioRule = ratio_rule,
) -> pd.DataFrame:
    """The ratio (by ``rule``, applied to the columns of draws) for ``draws`` joint draws of every
    uncertain parameter over ``ranges`` (default :func:`joint_ranges`; keys ``users_fraction``,
    ``minutes_per_day``, ``productive_share``, ``hours_per_fte_year``), from a generator seeded
    with ``seed``.

    Users are drawn between the year's daily and monthly active users; minutes and hours in a
    full-time year uniformly; the productive share uniformly on a log scale. Columns: the drawn
    parameters (``users``, ``minutes_per_day``, ``productive_share``, ``hours_per_fte_year``) and
    ``ratio``.
    """
    require(draws > 0, "draws must be positive.")
    ranges = joint_ranges() if ranges is None else ranges
    missing = sorted(set(joint_ranges()) - set(ranges))
    require(not missing, f"ranges lacks {', '.join(missing)}.")
    require(all(low <= high for low, high in ranges.values()), "each range must be (low, high) with low <= high.")
    require(0 <= ranges["users_fraction"][0] and ranges["users_fraction"][1] <= 1, "users_fraction must lie in [0, 1].")
    require(ranges["productive_share"][0] > 0, "the productive share's range must be positive (it is drawn on a log scale).")
    rng = np.random.default_rng(seed)
    daily, monthly = facebook_case(year, users="daily"), facebook_case(year, users="monthly")
    fraction = rng.uniform(*ranges["users_fraction"], draws)
    share_low, share_high = ranges["productive_share"]
    frame = pd.DataFrame(
        {
            "users": daily.users + fraction * (monthly.users - daily.users),
            "minutes_per_day": rng.uniform(*ranges["minutes_per_day"], draws),
            "productive_share": np.exp(rng.uniform(np.log(share_low), np.log(share_high), draws)),
            "hours_per_fte_year": rng.uniform(*ranges["hours_per_fte_year"], draws),
        }
    )
    frame["ratio"] = rule(
        users=frame["users"],
        minutes_per_day=frame["minutes_per_day"],
        productive_share=frame["productive_share"],
        employees=daily.employees,
        hours_per_fte_year=frame["hours_per_fte_year"],
        days_per_year=daily.days_per_year,
    )
    return frame


def joint_corners(year: int = 2016, rule: RatioRule = ratio_rule) -> tuple[float, float]:
    """The lowest and highest ratio (by ``rule``) over :data:`JOINT_RANGES`: every parameter at the
    end of its range that lowers (raises) the ratio at once."""
    ranges = joint_ranges()
    low = facebook_case(year, ranges["minutes_per_day"][0], ranges["productive_share"][0], ranges["hours_per_fte_year"][1], users="daily")
    high = facebook_case(
        year, ranges["minutes_per_day"][1], ranges["productive_share"][1], ranges["hours_per_fte_year"][0], users="monthly"
    )
    return implicit_ratio(low, rule), implicit_ratio(high, rule)


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
    rule: RatioRule = ratio_rule,
) -> pd.DataFrame:
    """Implicit FTE per employee (by ``rule``) for Facebook (``year``, at several productive shares)
    and for Walmart (2016, at several minutes of self-service per visit). Columns: ``firm``,
    ``scenario``, ``implicit_fte``, ``employees``, ``ratio``."""
    facebook = [facebook_case(year, productive_share=share) for share in shares]
    walmart = [walmart_case(minutes) for minutes in minutes_per_visit]
    cases = [("Facebook", f"{case.productive_share:.0%} of {case.minutes_per_day:g} minutes a day productive", case) for case in facebook]
    cases += [("Walmart", f"{case.minutes_per_day:g} minutes of self-service per visit", case) for case in walmart]
    rows = []
    for firm, scenario, case in cases:
        ratio = implicit_ratio(case, rule)
        rows.append(
            {"firm": firm, "scenario": scenario, "implicit_fte": ratio * case.employees, "employees": case.employees, "ratio": ratio}
        )
    return pd.DataFrame(rows)
