"""Who pays on a multi-sided platform: a two-sided monopoly model (Armstrong 2006).

:mod:`.model` solves it; :mod:`.charts` draws prices across externalities; :mod:`.findings`
gives the claims ledger its row.
"""

from . import charts, findings, model
from .charts import *  # noqa: F403
from .findings import *  # noqa: F403
from .model import *  # noqa: F403

__all__ = [*model.__all__, *charts.__all__, *findings.__all__]
