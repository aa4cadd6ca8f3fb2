"""App work: a ride-hail driver's time budget, from published utilisation to a model of app tasks.

:mod:`.data` reads the published shares of drivers' time and miles with a passenger (and in the
other phases); :mod:`.model` holds the time-budget model (labelled as one); :mod:`.charts` draws
them; :mod:`.findings` gives the claims ledger its row.
"""

from . import charts, data, findings, model
from .charts import *  # noqa: F403
from .data import *  # noqa: F403
from .findings import *  # noqa: F403
from .model import *  # noqa: F403

__all__ = [*data.__all__, *model.__all__, *charts.__all__, *findings.__all__]
