"""Microwork: what Mechanical Turk pays and why, how many people do microwork, and minimum wages.

:mod:`.data` reads the published figures (microwork earnings and workforces, minimum wages and
exchange rates); :mod:`.model` holds two labelled models (a simulation of workers' pay on a
microtask market, and the funnel from registered to active workers); :mod:`.charts` draws them;
:mod:`.findings` gives the claims ledger its rows.
"""

from .charts import (
    crowd_funnel_chart,
    crowd_sizes_chart,
    minimum_wage_chart,
    pay_distribution_chart,
    pay_sensitivity_chart,
)
from .data import (
    ESSAY_PLATFORM_SIZES,
    HOURS_PER_DAY,
    MEASUREMENT_WAGES,
    WEEKLY_HOURS,
    WEEKLY_HOURS_RANGE,
    context_figure,
    crowd_sizes,
    current_minimum_wages,
    microwork_figure,
    minimum_wages_at_measurement,
)
from .findings import microwork_crowd, microwork_pay, platform_sizes
from .model import (
    EXTRAPOLATION_ASSUMPTIONS,
    PAY_ASSUMPTIONS,
    MicroworkMarket,
    alternative_calibrations,
    crowd_funnel,
    gap_steps,
    pay_sensitivity,
    published_pay,
    simulate_pay,
    what_registered_may_mean,
)

# What the pages, the assignments and the claims ledger use; the modules hold the rest.
__all__ = [
    # charts
    "crowd_funnel_chart",
    "crowd_sizes_chart",
    "minimum_wage_chart",
    "pay_distribution_chart",
    "pay_sensitivity_chart",
    # data
    "ESSAY_PLATFORM_SIZES",
    "HOURS_PER_DAY",
    "MEASUREMENT_WAGES",
    "WEEKLY_HOURS",
    "WEEKLY_HOURS_RANGE",
    "context_figure",
    "crowd_sizes",
    "current_minimum_wages",
    "microwork_figure",
    "minimum_wages_at_measurement",
    # findings
    "microwork_crowd",
    "microwork_pay",
    "platform_sizes",
    # model
    "EXTRAPOLATION_ASSUMPTIONS",
    "PAY_ASSUMPTIONS",
    "MicroworkMarket",
    "alternative_calibrations",
    "crowd_funnel",
    "gap_steps",
    "pay_sensitivity",
    "published_pay",
    "simulate_pay",
    "what_registered_may_mean",
]
