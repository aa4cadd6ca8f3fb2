"""Automation forecasts: the dated prophecies, the published estimates, and a simulation.

The simulation (:mod:`.model`) shows why occupation-based and task-based estimates of "jobs at
risk" differ; :mod:`.data` prepares the published figures; :mod:`.charts` draws both;
:mod:`.findings` gives the claims ledger its row.
"""

from . import charts, data, findings, model
from .charts import *  # noqa: F403
from .data import *  # noqa: F403
from .findings import *  # noqa: F403
from .model import *  # noqa: F403

__all__ = [*model.__all__, *data.__all__, *charts.__all__, *findings.__all__]
