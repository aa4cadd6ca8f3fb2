"""Finding of the claims ledger on the ratio between formal employment and implicit work."""

from __future__ import annotations

from ..claims import Finding
from .model import (
    DEFAULT_PRODUCTIVE_SHARE,
    PRODUCTIVE_SHARE_RANGE,
    facebook_case,
    implicit_fte,
    implicit_ratio,
    joint_corners,
    monte_carlo,
    walmart_case,
)

__all__ = ["formal_implicit_ratio"]


def formal_implicit_ratio() -> Finding:
    """Full-time equivalents of users' productive time per Facebook employee in 2016 (daily active
    users), the band of a joint Monte Carlo draw of every parameter, and the same ratio for
    Walmart's self-service customers."""
    case = facebook_case(2016)
    ratio = implicit_ratio(case)
    ratios = monte_carlo(2016)["ratio"]
    low, high = joint_corners(2016)
    walmart = implicit_ratio(walmart_case(5.0))
    return Finding(
        value=round(ratio),
        unit="full-time equivalents of users' productive time per Facebook employee (2016, a model)",
        summary=(
            f"With Facebook's {case.users / 1e6:,.0f} million daily users spending {case.minutes_per_day:g} minutes a day, "
            f"{DEFAULT_PRODUCTIVE_SHARE:.0%} of it productive (an assumption: no study measures that share of time), users' "
            f"contributions amount to {implicit_fte(case) / 1e6:,.1f} million full-time jobs, {ratio:,.0f} for each of "
            f"Facebook's {case.employees:,.0f} employees. Drawing every parameter at once (users from daily to monthly, time "
            f"from published bounds, productive share {PRODUCTIVE_SHARE_RANGE[0]:.0%} to {PRODUCTIVE_SHARE_RANGE[1]:.0%}, hours "
            f"in a full-time year), 90 % of the draws fall between {ratios.quantile(0.05):,.0f} and {ratios.quantile(0.95):,.0f}; "
            f"the corners of the ranges give {low:,.0f} to {high:,.0f}. Five minutes of self-service per Walmart visit would "
            f"give {walmart:.2f} per Walmart employee. Implicit work is measured by nobody, so the ratio is a model's, not an "
            "observation."
        ),
    )
