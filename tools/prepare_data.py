"""Rebuild the files in data/ from their upstream copies (a maintainer's tool, not run by the build).

Provenance, not convenience: this script is the record of how each file in ``data/`` was made.
Fact tables come from the project's compiled tables (``../shared/facts``, each row naming the
original publication); the world map from the Natural Earth copy shipped in the ``pyogrio``
package. After running it, record the new checksums in ``data/datapackage.yaml``
(``python -m digital_labor.data hash NAME``) and check the diff.

Usage: python tools/prepare_data.py [--facts ../shared/facts]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

DATA = Path(__file__).resolve().parents[1] / "data"
# Natural Earth marks some sovereign states -99 in iso_a3; these are the ISO codes they have.
NATURAL_EARTH_ISO_FIXES = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX"}
COORDINATE_DECIMALS = 2  # about 1 km at the equator: below the 1:110m map's own precision


def world() -> None:
    """Natural Earth 1:110m countries (pyogrio test fixture), ISO3 fixed, coordinates rounded."""
    fixture = Path(pyogrio.__file__).parent / "tests/fixtures/naturalearth_lowres/naturalearth_lowres.shp"
    countries = gpd.read_file(fixture)
    iso3 = countries["iso_a3"].where(countries["iso_a3"] != "-99")
    iso3 = iso3.fillna(countries["name"].map(NATURAL_EARTH_ISO_FIXES))
    frame = gpd.GeoDataFrame(
        {"iso3": iso3.fillna(""), "name": countries["name"], "continent": countries["continent"]},
        geometry=countries.geometry.set_precision(10**-COORDINATE_DECIMALS),
        crs=countries.crs,
    )
    frame = frame.sort_values(["iso3", "name"]).reset_index(drop=True)
    geojson = json.loads(frame.to_json(drop_id=True))
    (DATA / "world.geojson").write_text(json.dumps(geojson, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"world.geojson from pyogrio {pyogrio.__version__}: {len(frame)} features")


def countries(facts: Path) -> None:
    """World Bank and UN M49 country facts, as compiled (unchanged)."""
    table = pd.read_csv(facts / "countries.csv", dtype=str, keep_default_na=False)
    table.to_csv(DATA / "countries.csv", index=False, lineterminator="\n")


def with_sources(facts: Path, name: str, bibkeys: dict[str, str], out: str | None = None) -> None:
    """Copy a fact table, resolving 'same' to the row above and adding the source's bibkey."""
    table = pd.read_csv(facts / f"{name}.csv", dtype=str, keep_default_na=False)
    for column in ("source", "seen_at", "excerpt"):
        if column in table:
            table[column] = table[column].mask(table[column] == "same").ffill()
    table.insert(table.columns.get_loc("source"), "bibkey", table["source"].map(_bibkey(bibkeys)))
    table.to_csv(DATA / f"{out or name}.csv", index=False, lineterminator="\n")


def _bibkey(bibkeys: dict[str, str]):
    def lookup(source: str) -> str:
        matches = [key for prefix, key in bibkeys.items() if source.startswith(prefix)]
        if len(matches) != 1:
            raise SystemExit(f"no unique bibkey for source {source!r}")
        return matches[0]

    return lookup


FACT_TABLES: dict[str, dict[str, str]] = {
    "automation_forecasts": {
        "Frey, C. B.": "frey2013",
        "Arntz, M.": "arntz2016",
        "Nedelkoska, L.": "nedelkoska2018",
    },
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--facts", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "facts")
    args = parser.parse_args()
    world()
    countries(args.facts)
    for name, bibkeys in FACT_TABLES.items():
        with_sources(args.facts, name, bibkeys)


if __name__ == "__main__":
    main()
