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


def facebook_share_price(facts: Path) -> None:
    """Facebook's monthly closing prices (Yahoo Finance), as compiled (unchanged)."""
    table = pd.read_csv(facts / "facebook_share_price_monthly.csv", dtype=str, keep_default_na=False)
    table.to_csv(DATA / "facebook_share_price.csv", index=False, lineterminator="\n")


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


# Dated forecasts that machines will replace workers, and two replies: (year, author, work,
# bibkey, what it predicted or argued in the book's words, kind of claim). Source: the works
# themselves (all in references.bib); year is the first publication of the passage.
AUTOMATION_PROPHECIES = (
    (1801, "Thomas Mortimer", "Lectures on the Elements of Commerce, Politics, and Finances", "mortimer1801",
     "Labour-saving machines were being built to shut human labour almost entirely out of production, "
     "a prospect he deplored.", "prophecy"),
    (1821, "David Ricardo", "On the Principles of Political Economy and Taxation, 3rd ed., ch. 31 'On Machinery'",
     "ricardo1821", "Replacing workers with machinery can shrink the demand for labour and leave part of the "
     "working population without employment, at least for a time.", "theoretical argument"),
    (1835, "Andrew Ure", "The Philosophy of Manufactures", "ure1835",
     "Every improvement in machinery tends to do without skilled workers, or to replace them with cheaper, "
     "unskilled hands who only tend the machines.", "prophecy"),
    (1930, "John Maynard Keynes", "Economic Possibilities for our Grandchildren", "keynes1930",
     "Technology would cause 'technological unemployment' for a while, and within a century a working "
     "week of about fifteen hours would be enough.", "prophecy"),
    (2013, "Carl B. Frey and Michael A. Osborne", "The Future of Employment", "frey2013",
     "About half of United States employment is in occupations that computers could take over within a "
     "decade or two.", "quantitative estimate"),
    (2013, "International Federation of Robotics", "Positive Impact of Industrial Robots on Employment", "ifr2013",
     "Industrial robots create more jobs than they destroy: robotics would add millions of jobs worldwide "
     "by 2020.", "counter-argument"),
    (2015, "David H. Autor", "Why Are There Still So Many Jobs?", "autor2015",
     "Automation replaces some tasks but complements others; forecasts that count only the substitution "
     "overstate job losses.", "counter-argument"),
)


def automation_prophecies() -> None:
    """Dated automation forecasts and replies, typed from the works themselves."""
    columns = ["year", "author", "work", "bibkey", "prediction", "claim_kind"]
    table = pd.DataFrame(AUTOMATION_PROPHECIES, columns=columns)
    table.to_csv(DATA / "automation_prophecies.csv", index=False, lineterminator="\n")


FACT_TABLES: dict[str, dict[str, str]] = {
    "automation_forecasts": {
        "Frey, C. B.": "frey2013",
        "Arntz, M.": "arntz2016",
        "Nedelkoska, L.": "nedelkoska2018",
    },
    # Chapter 4: online labour geography, Facebook reach, click farms.
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
    "online_labour_context": {
        "Graham, M. Mapping the geographies": "graham2015b",
        "Kässi & Lehdonvirta (2016)": "kassi2016",
        "Stephany et al. 2021": "stephany2021",
        "Global earnings disparities": "lehdonvirta2021",
        "World Bank (2023)": "worldbank2023",
        "Kässi, O., Lehdonvirta, V. & Stephany": "kassi2021",
    },
    "facebook_organic_reach": {"Manson, M. (2014)": "manson2014"},
    "click_farms": {
        "Veritasium case": "pando2014",
        "The Guardian (2013)": "arthur2013",
        "De Cristofaro, E.": "decristofaro2014",
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
    facebook_share_price(args.facts)
    automation_prophecies()


if __name__ == "__main__":
    main()
