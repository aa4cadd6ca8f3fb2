"""Microwork: what Mechanical Turk pays and why, how many people do microwork, and minimum wages.

:mod:`.data` reads the published figures (microwork earnings and workforces, minimum wages and
exchange rates); :mod:`.model` holds two labelled models (a simulation of workers' pay on a
microtask market, and the funnel from registered to active workers); :mod:`.charts` draws them;
:mod:`.findings` gives the claims ledger its rows.
"""

from . import charts, data, findings, model
from .charts import *  # noqa: F403
from .data import *  # noqa: F403
from .findings import *  # noqa: F403
from .model import *  # noqa: F403

__all__ = [*data.__all__, *model.__all__, *charts.__all__, *findings.__all__]
