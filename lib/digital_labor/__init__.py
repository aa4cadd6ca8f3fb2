"""Helper library of the executable book on platformization and digital labor.

Notebooks start with ``import digital_labor as dl; dl.setup()`` and then load data with
``dl.load(name)``; charts, maps, models and the claims ledger live in the submodules.
"""

from __future__ import annotations

from . import charts
from .data import DataError, load

__all__ = ["DataError", "load", "setup"]
__version__ = "0.1.0"


def setup() -> None:
    """Prepare a notebook: the book's chart theme and renderer, and pandas display options."""
    import pandas as pd

    charts.setup()
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.width", 120)
