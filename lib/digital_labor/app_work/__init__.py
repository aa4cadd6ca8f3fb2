"""App work: a ride-hail driver's time budget, from published utilisation to a model of app tasks.

:mod:`.data` reads the published shares of drivers' time and miles with a passenger (and in the
other phases); :mod:`.model` holds the time-budget model (labelled as one); :mod:`.charts` draws
them; :mod:`.findings` gives the claims ledger its row.
"""

from .charts import budget_chart, claim_region_chart, utilisation_chart
from .data import henao_speeds, phase_budgets, phase_shares, utilisation
from .findings import driver_app_time
from .model import (
    APP_MINUTES,
    APP_MINUTES_RANGE,
    BROAD,
    NARROW,
    WHILE_WAITING,
    DriverHour,
    break_even_app_minutes,
    claim_grid,
    claim_sweep,
    cruising_range,
    default_cruising,
    default_p2,
    driving_over_half,
    study_thresholds,
    time_budget,
)

# What the pages, the assignments and the claims ledger use; the modules hold the rest.
__all__ = [
    # charts
    "budget_chart",
    "claim_region_chart",
    "utilisation_chart",
    # data
    "henao_speeds",
    "phase_budgets",
    "phase_shares",
    "utilisation",
    # findings
    "driver_app_time",
    # model
    "APP_MINUTES",
    "APP_MINUTES_RANGE",
    "BROAD",
    "NARROW",
    "WHILE_WAITING",
    "DriverHour",
    "break_even_app_minutes",
    "claim_grid",
    "claim_sweep",
    "cruising_range",
    "default_cruising",
    "default_p2",
    "driving_over_half",
    "study_thresholds",
    "time_budget",
]
