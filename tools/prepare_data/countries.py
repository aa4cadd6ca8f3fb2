"""``countries.csv``, the country table the library's :mod:`digital_labor.countries` reads: the
World Bank and UN M49 country facts, as compiled (unchanged)."""

from __future__ import annotations

from pathlib import Path

from .common import read_fact_table, write


def prepare(facts: Path, out: Path) -> None:
    write(read_fact_table(facts, "countries"), out, "countries")
