"""The file of :mod:`digital_labor.app_work`: drivers' time or miles with a passenger and in the
other phases, by study and city (``ride_hail_utilisation``), from the fact table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import insert_bibkey, prefix_bibkey, read_fact_table, read_typed_table, resolve_same, with_range_bounds, write

RIDE_HAIL_BIBKEYS = {
    "Cramer, J.": "cramer2016",
    "Uber UK (2015)": "uberuk2015",
    "The Times (9 June 2019)": "times2019",
    "Henao, A. & Marshall": "henao2019",
    "Henao, A., University": "henao2017",
    "Fehr & Peers": "fehrpeers2019",
    "Parrott, J. A.": "parrott2020",
    "Hyman, L.": "hyman2020",
    "NYC Taxi and Limousine": "grabar2018",
    "Schaller, B. Empty Seats": "schaller2017",
    "Schaller, B. (2018)": "schaller2018",
    "San Francisco County": "sfcta2017",
}


def prepare(facts: Path, out: Path) -> None:
    """'same' resolved, a published range ('30-50') split into low and high bounds next to the
    published text, bibkeys added; Henao's per-ride times and miles (a typed table) appended."""
    table = resolve_same(read_fact_table(facts, "ride_hail_utilisation"))
    table = pd.concat([table, read_typed_table("ride_hail_henao_rides")], ignore_index=True)
    table["service"] = table["service"].mask(table["service"] == "same").ffill()
    table = with_range_bounds(table)
    write(insert_bibkey(table, table["source"].map(prefix_bibkey(RIDE_HAIL_BIBKEYS))), out, "ride_hail_utilisation")
