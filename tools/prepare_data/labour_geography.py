"""The files of :mod:`digital_labor.labour_geography`: the published shares of online workers and
buyers by country (``online_labour_geography``) and the published rankings
(``online_labour_rankings``), from the fact tables with their sources' bibkeys."""

from __future__ import annotations

from pathlib import Path

from .common import with_sources, write

BIBKEYS: dict[str, dict[str, str]] = {
    "online_labour_geography": {
        "Kässi, O. & Lehdonvirta": "kassi2016",
        "OLI worker supplement": "kassi2017",
        "Stephany, F.": "stephany2021",
        "Graham, M. (2013?). A global division": "grahamnd",
    },
    "online_labour_rankings": {
        "World Bank (2021?)": "nayyar2021",
        "Oxford Internet Institute (2013), 'Uneven geographies": "graham2015a",
        "Casilli (seed essay)": "casilli2016plateformisation",
    },
}


def prepare(facts: Path, out: Path) -> None:
    for name, bibkeys in BIBKEYS.items():
        write(with_sources(facts, name, bibkeys), out, name)
