"""Automation forecasts: the dated prophecies, the published estimates, and a simulation.

The simulation (:mod:`.model`) shows why occupation-based and task-based estimates of "jobs at
risk" differ; :mod:`.data` prepares the published figures; :mod:`.charts` draws both;
:mod:`.findings` gives the claims ledger its row.
"""

from .charts import automation_measures_chart, prophecies_timeline, risk_model_chart
from .data import RISK_BANDS, automation_measures, first_public, forecast_bands, high_risk_estimates, months_between, timeline_table
from .findings import jobs_at_risk
from .model import (
    OCCUPATION_BASED,
    TASK_BASED,
    AutomationEconomy,
    least_dispersed_heterogeneity,
    risk_by_heterogeneity,
    risk_by_threshold,
    score_distribution,
    simulate_workers,
)

# What the pages, the assignments and the claims ledger use; the modules hold the rest.
__all__ = [
    # charts
    "automation_measures_chart",
    "prophecies_timeline",
    "risk_model_chart",
    # data
    "automation_measures",
    "RISK_BANDS",
    "first_public",
    "forecast_bands",
    "high_risk_estimates",
    "months_between",
    "timeline_table",
    # findings
    "jobs_at_risk",
    # model
    "OCCUPATION_BASED",
    "TASK_BASED",
    "AutomationEconomy",
    "least_dispersed_heterogeneity",
    "risk_by_heterogeneity",
    "risk_by_threshold",
    "score_distribution",
    "simulate_workers",
]
