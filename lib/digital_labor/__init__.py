"""Helper library of the executable book on platformization and digital labor.

Notebooks start with ``import digital_labor as dl; dl.setup()``, load data with
``dl.load(name)``, put computed numbers into their text with ``dl.glue(name, value)`` and show
tables with ``dl.table(frame, caption=…, source=…, labels=…)``; each subject (automation,
flows, visibility, …) is a subpackage with its data, model and charts.
"""

from __future__ import annotations

from . import charts
from .data import DataError, load
from .notebook import glue, glue_all
from .tables import table

__all__ = ["DataError", "glue", "glue_all", "load", "setup", "table"]
__version__ = "0.1.0"


def setup() -> None:
    """Prepare a notebook: the book's chart theme and renderer, and pandas display options."""
    import pandas as pd

    charts.setup()
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.width", 120)
