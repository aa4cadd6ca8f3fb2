"""Where online workers and buyers are: the published shares, rankings and their North/South split."""

from __future__ import annotations

import pandas as pd

from ..countries import NORTH_SOUTH_DEFINITIONS, NorthSouth, north_south
from ..data import load

__all__ = [
    "country_names",
    "north_south_summary",
    "published_shares",
    "ranking",
    "ranking_north_south",
    "ranking_overlap",
    "representation_index",
]


def ranking(name: str) -> list[str]:
    """ISO3 codes of a ranking of ``online_labour_rankings``, in rank order."""
    table = load("online_labour_rankings")
    return table[table["ranking"] == name].sort_values("rank")["country_iso3"].tolist()


def country_names() -> dict[str, str]:
    """Short country names as the ranking sources write them, by ISO3 code."""
    table = load("online_labour_rankings")
    return dict(zip(table["country_iso3"], table["country"]))


def ranking_overlap(predicted: list[str], observed: list[str]) -> dict[str, object]:
    """How far a predicted top list agrees with an observed one: shared, missed and unexpected codes."""
    shared = [code for code in observed if code in predicted]
    return {
        "shared": shared,
        "missed": [code for code in observed if code not in predicted],
        "unexpected": [code for code in predicted if code not in observed],
        "overlap": len(shared),
        "size": len(observed),
    }


def published_shares(series: str) -> pd.DataFrame:
    """One series of ``online_labour_geography``: ``iso3``, ``name``, ``share_pct``, ``confidence``."""
    table = load("online_labour_geography")
    rows = table[table["series"] == series]
    if rows.empty:
        raise ValueError(f"No series '{series}' in online_labour_geography.")
    return pd.DataFrame(
        {"iso3": rows["country_iso3"], "name": rows["country"], "share_pct": rows["value"],
         "period": rows["period"], "confidence": rows["confidence"]}
    ).reset_index(drop=True)


def representation_index(series: dict[str, str], definition: NorthSouth = "un_developed") -> pd.DataFrame:
    """Share of workers (or buyers) divided by share of world population, per country and series.

    ``series`` maps a label to a series name, e.g. ``{"workers (OLI 2017)": "oli_supply_2017"}``.
    An index of 1 means a country has as many online workers (buyers) as its population would
    predict; 7 means seven times as many. World population is the sum over the country table.
    ``group`` is each country's North/South label under ``definition``.
    """
    countries = load("countries").set_index("iso3")
    world = countries["population"].sum()
    frames = []
    for label, name in series.items():
        shares = published_shares(name)
        population_pct = 100 * countries.loc[shares["iso3"], "population"].to_numpy() / world
        frames.append(shares.assign(series=label, population_pct=population_pct,
                                    index=shares["share_pct"].to_numpy() / population_pct))
    table = pd.concat(frames, ignore_index=True)
    return table.assign(group=table["iso3"].map(north_south(definition)))


def north_south_summary(series: dict[str, str]) -> pd.DataFrame:
    """Published shares summed by North, South and 'not reported', under both definitions.

    One row per series, definition and group, with ``share_pct`` (the three groups sum to 100).
    Countries a definition leaves unclassified are counted as 'unclassified'.
    """
    rows = []
    for definition in NORTH_SOUTH_DEFINITIONS:
        labels = north_south(definition)
        for label, name in series.items():
            shares = published_shares(name)
            groups = shares["iso3"].map(lambda code: labels.get(code)).where(lambda g: g.isin(["North", "South"]), "unclassified")
            summed = shares.groupby(groups)["share_pct"].sum()
            for group in ("North", "South", "unclassified"):
                rows.append({"series": label, "definition": definition, "group": group, "share_pct": float(summed.get(group, 0.0))})
            rows.append({"series": label, "definition": definition, "group": "not reported",
                         "share_pct": max(100 - float(summed.sum()), 0.0)})
    return pd.DataFrame(rows)


def ranking_north_south(ranking: str = "oli_supply_top20_2017_2020") -> pd.DataFrame:
    """The countries of a ranking with their North/South group under each definition."""
    table = load("online_labour_rankings")
    rows = table[table["ranking"] == ranking].sort_values("rank")
    frame = pd.DataFrame({"rank": rows["rank"].to_numpy(), "iso3": rows["country_iso3"].to_numpy(), "name": rows["country"].to_numpy()})
    for definition in NORTH_SOUTH_DEFINITIONS:
        labels = north_south(definition)
        frame[definition] = [labels.get(code) if labels.get(code) in ("North", "South") else "unclassified" for code in frame["iso3"]]
    return frame
