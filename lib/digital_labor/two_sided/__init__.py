"""Who pays on a multi-sided platform: a two-sided monopoly model (Armstrong 2006).

:mod:`.model` solves it; :mod:`.charts` draws prices across externalities; :mod:`.findings`
gives the claims ledger its row.
"""

from .charts import price_heatmap, prices_by_externality_chart
from .findings import multi_sided_prices
from .model import (
    TwoSidedMarket,
    optimal_prices,
    optimal_prices_numeric,
    price_map,
    price_signs,
    users_price_terms,
    users_price_threshold,
    users_price_threshold_indifferent,
)

# What the pages, the assignments and the claims ledger use; the modules hold the rest.
__all__ = [
    # charts
    "price_heatmap",
    "prices_by_externality_chart",
    # findings
    "multi_sided_prices",
    # model
    "TwoSidedMarket",
    "optimal_prices",
    "optimal_prices_numeric",
    "price_map",
    "price_signs",
    "users_price_terms",
    "users_price_threshold",
    "users_price_threshold_indifferent",
]
