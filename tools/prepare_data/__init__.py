"""Rebuild the files in data/ from their upstream copies (a maintainer's tool, not run by the build).

Provenance, not convenience: this package is the record of how each file in ``data/`` was made,
in one module per subject of the library, named after the subject whose modules read the file
(``automation``, ``visibility``…; ``countries`` and ``geo`` for the shared base). Fact tables
come from the project's compiled tables (``../shared/facts``, each row naming the original
publication); rows typed for the book from a publication are CSV files in ``tables/``, whose
origins ``tables/README.md`` gives; the world map comes from the Natural Earth copy shipped in the
``pyogrio`` package. Every module has ``prepare(facts, out)``, which writes its files into ``out``.

After running it, record the new checksum of each file that changed in ``data/datapackage.yaml``
(``python -m digital_labor hash NAME --write``) and check the diff.

Usage: python -m tools.prepare_data [--facts ../shared/facts] [--out data]
"""
