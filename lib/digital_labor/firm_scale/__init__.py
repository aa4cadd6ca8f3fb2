"""Firm scale: how many users and how much revenue a platform firm has for each of its employees.

:mod:`.data` reads Facebook's users and headcount (2012-2020), the Fortune Global 500 figures of
platform and traditional firms (fiscal 2016) and later company results; :mod:`.charts` draws
them; :mod:`.findings` gives the claims ledger its rows.
"""

from . import charts, data, findings
from .charts import *  # noqa: F403
from .data import *  # noqa: F403
from .findings import *  # noqa: F403

__all__ = [*data.__all__, *charts.__all__, *findings.__all__]
