"""The boundary of the firm: a transaction-cost make-or-buy model, and how a platform moves it.

:mod:`.model` holds the model and the grid its chart needs; :mod:`.charts` draws it.
"""

from . import charts, model
from .charts import *  # noqa: F403
from .model import *  # noqa: F403

__all__ = [*model.__all__, *charts.__all__]
