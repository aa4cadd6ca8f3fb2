"""Paying for participation: what the schemes the essay cites paid, the rights they leave out,
what paying users out of a platform's revenue per user would give, and notifications as orders.

:mod:`.data` reads the schemes' figures and the notification studies, and holds the book's reading
of the rights each scheme describes; :mod:`.model` does the arithmetic and the revenue-share
model; :mod:`.charts` draws it; :mod:`.findings` gives the claims ledger its row.
"""

from . import charts, data, findings, model
from .charts import *  # noqa: F403
from .data import *  # noqa: F403
from .findings import *  # noqa: F403
from .model import *  # noqa: F403

__all__ = [*data.__all__, *model.__all__, *charts.__all__, *findings.__all__]
