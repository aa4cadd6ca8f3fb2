"""The sides of a platform: a schematic graph of the flows between a platform and its groups.

:mod:`.graph` builds the graph from the tables ``platform_sides_nodes`` and
``platform_sides_flows`` and lays it out; :mod:`.charts` draws it.
"""

from .charts import platform_network_chart
from .graph import node_link_frames, platform_sides_graph

# What the pages, the assignments and the claims ledger use; the modules hold the rest.
__all__ = [
    # charts
    "platform_network_chart",
    # graph
    "node_link_frames",
    "platform_sides_graph",
]
