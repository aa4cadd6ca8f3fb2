"""``world.geojson``, the map the library's :mod:`digital_labor.geo` reads: Natural Earth's 1:110m
countries as shipped in the ``pyogrio`` package (a test fixture), ISO3 codes fixed, coordinates rounded."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pyogrio

# Natural Earth marks some sovereign states -99 in iso_a3; these are the ISO codes they have.
NATURAL_EARTH_ISO_FIXES = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX"}
COORDINATE_DECIMALS = 2  # about 1 km at the equator: below the 1:110m map's own precision


def prepare(facts: Path, out: Path) -> None:
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
    (out / "world.geojson").write_text(json.dumps(geojson, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"world.geojson from pyogrio {pyogrio.__version__}: {len(frame)} features")
