"""The sides of a platform: a schematic graph of the flows between a platform and its groups.

:mod:`.graph` builds the graph from the tables ``platform_sides_nodes`` and
``platform_sides_flows`` and lays it out; :mod:`.charts` draws it.
"""

from . import charts, graph
from .charts import *  # noqa: F403
from .graph import *  # noqa: F403

__all__ = [*graph.__all__, *charts.__all__]
