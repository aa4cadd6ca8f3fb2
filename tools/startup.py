"""Run first by every Python process of the build that loads jsonschema, before it loads it.

Notebook kernels (of the build, of ``make bench`` and of ``make lab``) run it through
``PYTHONSTARTUP``, which IPython kernels execute at start; the build's own process and its
Sphinx process import it first (``tools.build_book``). jsonschema, which altair, frictionless
and jupyter-book import, loads rfc3987-syntax (installed with jupyter's
``jsonschema[format-nongpl]``) to check the "iri" format, and that package compiles about 35
Earley parsers when imported: 3 s of every such process's start, for a format that no schema
the book uses has ("uri", which vega-lite's schema uses, is checked by rfc3986-validator).
Marking the module absent before jsonschema is imported makes jsonschema skip the "iri"
checker (python-jsonschema/jsonschema#1428). Outputs do not change.
"""

import sys as _sys  # IPython runs this file in the notebook's namespace: leave nothing there

if "jsonschema" not in _sys.modules:
    _sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]
del _sys
