"""Finding of the claims ledger on the ratio between formal employment and implicit work."""

from __future__ import annotations

from ..claims import Finding
from .model import DEFAULT_PRODUCTIVE_SHARE, PRODUCTIVE_SHARE_RANGE, facebook_case, implicit_fte, implicit_ratio, sensitivity, walmart_case

__all__ = ["formal_implicit_ratio"]


def formal_implicit_ratio() -> Finding:
    """Full-time equivalents of users' productive time per Facebook employee in 2016, its range,
    and the same ratio for Walmart's self-service customers."""
    case = facebook_case(2016)
    ratio = implicit_ratio(case)
    swings = sensitivity(case)
    low, high = float(swings[["ratio_low", "ratio_high"]].min().min()), float(swings[["ratio_low", "ratio_high"]].max().max())
    walmart = implicit_ratio(walmart_case(5.0))
    return Finding(
        value=round(ratio),
        unit="full-time equivalents of users' productive time per Facebook employee (2016, a model)",
        summary=(
            f"With {case.users / 1e6:,.0f} million users spending {case.minutes_per_day:g} minutes a day, {DEFAULT_PRODUCTIVE_SHARE:.0%} "
            f"of it productive, users' contributions amount to {implicit_fte(case) / 1e6:,.1f} million full-time jobs, "
            f"{ratio:,.0f} for each of Facebook's {case.employees:,.0f} employees; varying one assumption at a time "
            f"(productive share {PRODUCTIVE_SHARE_RANGE[0]:.0%} to {PRODUCTIVE_SHARE_RANGE[1]:.0%}, time, hours in a full-time year) "
            f"gives {low:,.0f} to {high:,.0f}. Five minutes of self-service per Walmart visit would give {walmart:.2f} per Walmart "
            "employee: the shift the essay describes is one of orders of magnitude, under any of these assumptions. Implicit "
            "work is measured by nobody, so the ratio is a model's, not an observation."
        ),
    )
