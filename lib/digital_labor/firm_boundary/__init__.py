"""The boundary of the firm: a transaction-cost make-or-buy model, and how a platform moves it.

:mod:`.model` holds the model and the grid its chart needs; :mod:`.charts` draws it.
"""

from .charts import firm_boundary_chart
from .model import (
    GovernanceCosts,
    SpecificityDistribution,
    boundary_grid,
    in_house_share_by_platform_cut,
    share_made_in_house,
)

# What the pages, the assignments and the claims ledger use; the modules hold the rest.
__all__ = [
    # charts
    "firm_boundary_chart",
    # model
    "GovernanceCosts",
    "SpecificityDistribution",
    "boundary_grid",
    "in_house_share_by_platform_cut",
    "share_made_in_house",
]
