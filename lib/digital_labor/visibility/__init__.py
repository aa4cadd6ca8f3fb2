"""The market for visibility on Facebook: organic reach, paid reach, the share price, click farms.

:mod:`.data` reads the series; :mod:`.model` prices "pay-per-be-viewed"; :mod:`.charts` draws
them; :mod:`.findings` gives the claims ledger its rows.
"""

from . import charts, data, findings, model
from .charts import *  # noqa: F403
from .data import *  # noqa: F403
from .findings import *  # noqa: F403
from .model import *  # noqa: F403

__all__ = [*data.__all__, *model.__all__, *charts.__all__, *findings.__all__]
