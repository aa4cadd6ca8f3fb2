"""A digital basic income financed by taxing platforms: tax bases, four distribution rules, the
full grid of scenarios, and the explorer.

:mod:`.data` prepares the countries (population, GDP, price levels, Facebook's regions), the tax
bases and today's digital services taxes; :mod:`.model` holds the model (labelled as one) and the
vectorised grid; :mod:`.charts` draws maps, curves and the explorer; :mod:`.findings` gives the
claims ledger its rows.
"""

from . import charts, data, findings, model
from .charts import *  # noqa: F403
from .data import *  # noqa: F403
from .findings import *  # noqa: F403
from .model import *  # noqa: F403

__all__ = [*data.__all__, *model.__all__, *charts.__all__, *findings.__all__]
