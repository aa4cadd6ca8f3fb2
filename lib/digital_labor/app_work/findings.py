"""Finding of the claims ledger on drivers' app work."""

from __future__ import annotations

from ..claims import Finding
from .model import APP_MINUTES, APP_MINUTES_RANGE, BROAD, NARROW, WHILE_WAITING, break_even_app_minutes, default_p2, study_thresholds

__all__ = ["driver_app_time"]


def driver_app_time() -> Finding:
    """Minutes of app work per logged-in hour needed for the essay's claim, under each definition,
    at the published 'about half' of time with a passenger."""
    p2 = default_p2()
    narrow = break_even_app_minutes(50.0, p2, NARROW)
    broad = break_even_app_minutes(50.0, p2, BROAD)
    studies = study_thresholds()
    holds = studies[studies["broad_minutes"] <= APP_MINUTES_RANGE[1]]
    at_default = studies[studies["broad_minutes"] < APP_MINUTES]
    return Finding(
        value=round(broad, 1),
        unit="minutes of app work per logged-in hour for app work (waiting included) to exceed time with a passenger, at 50 % utilisation (a model)",
        summary=(
            f"UberX drivers had a passenger about half the time they were logged in (Cramer & Krueger 2016, as quoted). Counting "
            f"only explicit app tasks, app work would have to take {narrow:.0f} minutes of every hour to exceed driving with a "
            f"passenger, beyond the model's range ({APP_MINUTES_RANGE[0]:g} to {APP_MINUTES_RANGE[1]:g}). Counting the time spent "
            f"logged in and waiting for the app as app work, {broad:.1f} minutes would do (with {p2:g} % of the hour driving to "
            f"pick-ups and {100 * WHILE_WAITING:.0f} % of the app work done while waiting). Of {len(studies)} published shares of time, "
            f"{len(holds)} make the claim hold under the broad definition with at most {APP_MINUTES_RANGE[1]:g} minutes of app work, "
            f"{len(at_default)} with the assumed {APP_MINUTES:g} minutes; none under the narrow definition."
        ),
    )
