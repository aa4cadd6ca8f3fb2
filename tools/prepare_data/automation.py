"""The files of :mod:`digital_labor.automation`: the published estimates of jobs at risk
(``automation_forecasts``, from the fact table) and the dated forecasts that machines will replace
workers, with two replies (``automation_prophecies``, typed from the works themselves into
``tables/automation_prophecies.csv``)."""

from __future__ import annotations

from pathlib import Path

from .common import read_typed_table, with_sources, write

FORECAST_BIBKEYS = {
    "Frey, C. B.": "frey2013",
    "Arntz, M.": "arntz2016",
    "Nedelkoska, L.": "nedelkoska2018",
}


def prepare(facts: Path, out: Path) -> None:
    write(with_sources(facts, "automation_forecasts", FORECAST_BIBKEYS), out, "automation_forecasts")
    write(read_typed_table("automation_prophecies"), out, "automation_prophecies")
