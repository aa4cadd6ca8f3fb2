"""Implicit work: users' productive time on a platform counted in full-time jobs, against the
firm's own employees (the essay's ratio of formal employment to implicit work), and the same
ratio for a retailer's self-service customers.

:mod:`.data` reads Facebook's daily users and Walmart's customer visits; :mod:`.model` holds the
ratio model, labelled as one, its one-at-a-time sensitivity and its joint (Monte Carlo) draws;
:mod:`.charts` draws them (the page draws the joint band itself). The claims ledger rules on the essay's shift with Facebook's series
(:func:`digital_labor.firm_scale.formal_implicit_shift`): the model measures a level, not a change.
"""

from .charts import firm_comparison_chart, implicit_ratio_chart, sensitivity_chart
from .data import daily_users, walmart_figure
from .model import (
    DEFAULT_PRODUCTIVE_SHARE,
    HOURS_PER_FTE_RANGE,
    PRODUCTIVE_SHARE_RANGE,
    RATIO_ASSUMPTIONS,
    SEED,
    facebook_case,
    firm_comparison,
    implicit_ratio,
    joint_corners,
    monte_carlo,
    ratio_by_year,
    sensitivity,
    sensitivity_ranges,
    time_range,
    walmart_case,
)

# What the pages, the assignments and the claims ledger use; the modules hold the rest.
__all__ = [
    # charts
    "firm_comparison_chart",
    "implicit_ratio_chart",
    "sensitivity_chart",
    # data
    "daily_users",
    "walmart_figure",
    # model
    "DEFAULT_PRODUCTIVE_SHARE",
    "HOURS_PER_FTE_RANGE",
    "PRODUCTIVE_SHARE_RANGE",
    "RATIO_ASSUMPTIONS",
    "SEED",
    "facebook_case",
    "firm_comparison",
    "implicit_ratio",
    "joint_corners",
    "monte_carlo",
    "ratio_by_year",
    "sensitivity",
    "sensitivity_ranges",
    "time_range",
    "walmart_case",
]
