"""World geometry: Natural Earth countries joined to the country table, in an equal-area projection."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from .data import load

__all__ = ["EQUAL_AREA_CRS", "centroids", "world"]

# Equal Earth (EPSG:8857): equal-area, so a country's colour covers an area proportional to its size.
EQUAL_AREA_CRS = "EPSG:8857"


def world(crs: str = EQUAL_AREA_CRS, with_countries: bool = True) -> gpd.GeoDataFrame:
    """Country polygons (Natural Earth 1:110m), projected, with the country table's columns joined on ISO3.

    Polygons without an ISO3 code (Northern Cyprus, Somaliland) are kept with empty country
    columns; countries of the table that have no polygon at this scale are not added.
    """
    shapes = load("world").to_crs(crs)
    if not with_countries:
        return shapes
    countries = load("countries").drop(columns=["name"])
    joined = shapes.merge(countries, on="iso3", how="left", validate="many_to_one")
    return gpd.GeoDataFrame(joined, geometry="geometry", crs=shapes.crs)


def centroids(crs: str = EQUAL_AREA_CRS) -> pd.DataFrame:
    """One point per country with an ISO3 code: projected x, y and longitude/latitude.

    The point is the centroid of the country's largest polygon (so that France is placed in
    Europe, not pulled towards French Guiana), computed in the equal-area projection.
    """
    shapes = load("world").to_crs(crs)
    shapes = shapes[shapes["iso3"].notna()]
    largest = shapes.geometry.explode(index_parts=True)
    largest = largest.loc[largest.area.groupby(level=0).idxmax()].droplevel(1)
    points = gpd.GeoSeries(largest.centroid, crs=crs)
    lonlat = points.to_crs("EPSG:4326")
    return pd.DataFrame(
        {
            "iso3": shapes["iso3"].values,
            "name": shapes["name"].values,
            "x": points.x.values,
            "y": points.y.values,
            "lon": lonlat.x.values,
            "lat": lonlat.y.values,
        }
    ).sort_values("iso3", ignore_index=True)
