"""The flows of online work from buyer to worker countries: a gravity model on published margins.

:mod:`.model` builds the flows and the network; :mod:`.charts` maps them.
"""

from .charts import flow_map, node_link_chart
from .model import (
    POOLS,
    REST_OF_WORLD,
    flow_graph,
    flow_matrix,
    market_shares,
    north_to_south_share,
    pool_weights,
    strengths,
    top_corridors,
    with_shares,
)

# What the pages, the assignments and the claims ledger use; the modules hold the rest.
__all__ = [
    # charts
    "flow_map",
    "node_link_chart",
    # model
    "POOLS",
    "REST_OF_WORLD",
    "flow_graph",
    "flow_matrix",
    "market_shares",
    "north_to_south_share",
    "pool_weights",
    "strengths",
    "top_corridors",
    "with_shares",
]
