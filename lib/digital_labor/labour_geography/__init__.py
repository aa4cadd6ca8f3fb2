"""Where online labour is: the Online Labour Index and the published shares of workers and buyers.

:mod:`.oli` validates the OLI worker file and computes shares from it; :mod:`.data` reads the
published shares and rankings and splits them by North and South; :mod:`.charts` maps them;
:mod:`.findings` gives the claims ledger its rows.
"""

from . import charts, data, findings, oli
from .charts import *  # noqa: F403
from .data import *  # noqa: F403
from .findings import *  # noqa: F403
from .oli import *  # noqa: F403

__all__ = [*oli.__all__, *data.__all__, *charts.__all__, *findings.__all__]
