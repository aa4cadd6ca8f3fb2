"""Implicit work: users' productive time on a platform counted in full-time jobs, against the
firm's own employees (the essay's ratio of formal employment to implicit work), and the same
ratio for a retailer's self-service customers.

:mod:`.data` reads Walmart's customer visits; :mod:`.model` holds the ratio model, labelled as
one, and its sensitivity analysis; :mod:`.charts` draws them; :mod:`.findings` gives the claims
ledger its row.
"""

from . import charts, data, findings, model
from .charts import *  # noqa: F403
from .data import *  # noqa: F403
from .findings import *  # noqa: F403
from .model import *  # noqa: F403

__all__ = [*data.__all__, *model.__all__, *charts.__all__, *findings.__all__]
