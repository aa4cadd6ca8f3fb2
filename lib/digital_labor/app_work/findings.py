"""Finding of the claims ledger on drivers' app work."""

from __future__ import annotations

from ..claims import Finding
from .model import APP_MINUTES, APP_MINUTES_RANGE, BROAD, NARROW, claim_sweep, cruising_range, driving_over_half, study_thresholds

__all__ = ["driver_app_time"]


def driver_app_time() -> Finding:
    """The least explicit app work per logged-in hour that would make it exceed driving (P2 + P3 +
    cruising) in any published budget, and how many budgets the claim holds in across the ranges."""
    sweep = claim_sweep()
    low, high = cruising_range()
    most_favourable = study_thresholds(cruising=0.0)
    needed = most_favourable.sort_values("narrow_minutes").iloc[0]
    narrow = sweep[sweep["definition"] == NARROW]
    broad = sweep[sweep["definition"] == BROAD]
    measured = broad[broad["cruising_share"].between(low, high)]
    best_measured = measured.sort_values("holds").iloc[-1]
    at_default = broad[(broad["app_minutes"] == APP_MINUTES) & (broad["cruising_share"] == high)]["holds"].max()
    no_cruising = broad[broad["cruising_share"] == 0.0]["holds"].max()
    top = APP_MINUTES_RANGE[1]
    over_half, over_half_published = driving_over_half(), driving_over_half(p2_pct=0.0)
    return Finding(
        value=round(float(needed["narrow_minutes"]), 1),
        unit="minutes of explicit app work per logged-in hour needed to exceed driving, in the most favourable published budget (a model)",
        summary=(
            f"Driving is time with a passenger, driving to a pick-up and cruising for work. Of {int(sweep['budgets'].iloc[0])} "
            f"published budgets of drivers' time, explicit app tasks exceed driving in {_count(narrow['holds'].max())}, even at "
            f"{top:g} minutes an hour (the top of the stated range) and counting no cruising at all: the least they would need is "
            f"{needed['narrow_minutes']:.1f} minutes of every logged-in hour ({needed['city']}, {needed['period']}); the next budget "
            f"needs {most_favourable['narrow_minutes'].nsmallest(2).iloc[-1]:.1f}. The verdict does not rest on the assumed ceiling "
            f"alone: in {over_half} budgets ({over_half_published} without the median pick-up share standing in for unpublished ones) "
            "a passenger and the drive to a pick-up fill more than half the hour, so app tasks done off the wheel within the hour "
            "cannot outlast driving at any length. Counting parked waiting as app work too, the claim "
            f"holds in {_count(at_default)} of them at the assumed {APP_MINUTES:g} minutes with {100 * high:.0f} % of waiting spent "
            f"cruising (Henao's rides imply {100 * low:.0f} to {100 * high:.0f} %), and in at most {int(best_measured['holds'])} "
            f"({best_measured['where']}) within that measured range, at {top:g} minutes with none of them done while parked; only "
            f"if drivers never cruised, which the miles they drive while waiting rule out, would it reach {no_cruising}."
        ),
    )


def _count(n: int) -> str:
    return "none" if n == 0 else str(int(n))
