"""Implicit work: users' productive time on a platform counted in full-time jobs, against the
firm's own employees (the essay's ratio of formal employment to implicit work), and the same
ratio for a retailer's self-service customers.

:mod:`.data` reads Walmart's customer visits; :mod:`.model` holds the ratio model, labelled as
one, and its sensitivity analysis; :mod:`.charts` draws them; :mod:`.findings` gives the claims
ledger its row.
"""

from .charts import firm_comparison_chart, implicit_ratio_chart, sensitivity_chart
from .data import walmart_figure
from .findings import formal_implicit_ratio
from .model import (
    DEFAULT_PRODUCTIVE_SHARE,
    PRODUCTIVE_SHARE_RANGE,
    RATIO_ASSUMPTIONS,
    facebook_case,
    firm_comparison,
    implicit_fte,
    implicit_hours,
    implicit_ratio,
    ratio_by_year,
    sensitivity,
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
    "walmart_figure",
    # findings
    "formal_implicit_ratio",
    # model
    "DEFAULT_PRODUCTIVE_SHARE",
    "PRODUCTIVE_SHARE_RANGE",
    "RATIO_ASSUMPTIONS",
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
