"""The market for visibility: users' unpaid data work (inshoring), Facebook's organic and paid
reach, its share price against the market, and click farms.

:mod:`.data` reads the series; :mod:`.model` holds three labelled models (hours of unpaid work,
"pay-per-be-viewed", a market model of the share price); :mod:`.charts` draws them;
:mod:`.findings` gives the claims ledger its rows.
"""

from . import charts, data, findings, model
from .charts import *  # noqa: F403
from .data import *  # noqa: F403
from .findings import *  # noqa: F403
from .model import *  # noqa: F403

__all__ = [*data.__all__, *model.__all__, *charts.__all__, *findings.__all__]
