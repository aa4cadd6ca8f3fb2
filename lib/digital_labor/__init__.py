"""Helper library of the executable book on platformization and digital labor.

Notebooks start with ``import digital_labor as dl; dl.setup()``, load data with
``dl.load(name)`` and put computed numbers into their text with ``dl.glue(name, value)``; each
subject (automation, flows, visibility, …) is a subpackage with its data, model and charts.
"""

from __future__ import annotations

import sys

# jsonschema, which altair and frictionless import, loads rfc3987-syntax (installed with
# jupyter's jsonschema[format-nongpl]) to check the "iri" format, and that package compiles
# about 35 Earley parsers when imported: 3 s of every notebook's start-up, for a format no
# schema the book uses has ("uri", which vega-lite's schema uses, is checked by another
# package). Marking the module absent before jsonschema is imported makes jsonschema skip
# the "iri" checker (python-jsonschema/jsonschema#1428); an import that already happened is left alone.
if "jsonschema" not in sys.modules:
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]

from . import charts  # noqa: E402
from .data import DataError, load  # noqa: E402
from .notebook import glue  # noqa: E402

__all__ = ["DataError", "glue", "load", "setup"]
__version__ = "0.1.0"


def setup() -> None:
    """Prepare a notebook: the book's chart theme and renderer, and pandas display options."""
    import pandas as pd

    charts.setup()
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.width", 120)
