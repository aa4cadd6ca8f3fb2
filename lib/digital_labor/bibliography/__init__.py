"""The book's bibliography (``references.bib``): the works the essay cites and those the book adds.

:mod:`.data` reads it as a table; :mod:`.charts` draws the essay's references by year.
"""

from .charts import timeline_chart
from .data import references, summary

# What the pages, the assignments and the claims ledger use; the modules hold the rest.
__all__ = [
    # charts
    "timeline_chart",
    # data
    "references",
    "summary",
]
