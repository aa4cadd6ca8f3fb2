"""The flows of online work from buyer to worker countries: a gravity model on published margins.

:mod:`.model` builds the flows and the network; :mod:`.charts` maps them.
"""

from . import charts, model
from .charts import *  # noqa: F403
from .model import *  # noqa: F403

__all__ = [*model.__all__, *charts.__all__]
