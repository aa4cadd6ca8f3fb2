"""The book's bibliography (``references.bib``): the works the essay cites and those the book adds.

:mod:`.data` reads it as a table; :mod:`.charts` draws the essay's references by year.
"""

from . import charts, data
from .charts import *  # noqa: F403
from .data import *  # noqa: F403

__all__ = [*data.__all__, *charts.__all__]
