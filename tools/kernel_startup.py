"""Run by each notebook kernel of the build, the benchmark and ``make lab`` before the first cell.

They point ``PYTHONSTARTUP`` at this file, which IPython kernels execute at start. jsonschema,
which altair and frictionless import, loads rfc3987-syntax (installed with jupyter's
``jsonschema[format-nongpl]``) to check the "iri" format, and that package compiles about 35
Earley parsers when imported: 3 s of every notebook's start-up, for a format that no schema
the book uses has ("uri", which vega-lite's schema uses, is checked by rfc3986-validator).
Marking the module absent before jsonschema is imported makes jsonschema skip the "iri"
checker (python-jsonschema/jsonschema#1428). Outputs do not change.
"""

import sys

if "jsonschema" not in sys.modules:
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]
