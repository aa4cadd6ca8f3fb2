"""Where online workers and buyers are: the published shares, rankings and their North/South split."""

from __future__ import annotations

import pandas as pd

from ..countries import NORTH_SOUTH_DEFINITIONS, NorthSouth, north_south
from ..data import load

__all__ = [
    "compare_over_representation",
    "country_names",
    "north_south_summary",
    "published_shares",
    "rank_of",
    "ranking",
    "ranking_north_south",
    "ranking_overlap",
    "representation_index",
    "share_drift",
    "worker_counts",
]

Series = str | tuple[str, str]  # a series name, or (series name, period) for a series with several periods


def ranking(name: str) -> list[str]:
    """ISO3 codes of a ranking of ``online_labour_rankings``, in rank order."""
    table = load("online_labour_rankings")
    return table[table["ranking"] == name].sort_values("rank")["country_iso3"].tolist()


def rank_of(name: str, code: str) -> int | None:
    """The rank of country ``code`` in ranking ``name`` (1 = first), or None if it is not ranked."""
    codes = ranking(name)
    return codes.index(code) + 1 if code in codes else None


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


def published_shares(series: str, period: str | None = None) -> pd.DataFrame:
    """One series of ``online_labour_geography``: ``iso3``, ``name``, ``share_pct``, ``period``, ``confidence``.

    A series that holds several periods (``oli_supply_2017_2021``: 2017 and 2021) needs ``period``.
    """
    table = load("online_labour_geography")
    rows = table[table["series"] == series]
    if rows.empty:
        raise ValueError(f"No series '{series}' in online_labour_geography.")
    periods = list(dict.fromkeys(rows["period"]))
    if period is not None:
        if period not in periods:
            raise ValueError(f"Series '{series}' has no period '{period}'; its periods: {', '.join(periods)}.")
        rows = rows[rows["period"] == period]
    elif len(periods) > 1:
        raise ValueError(f"Series '{series}' has several periods ({', '.join(periods)}); pick one with period=.")
    return pd.DataFrame(
        {
            "iso3": rows["country_iso3"],
            "name": rows["country"],
            "share_pct": rows["value"],
            "period": rows["period"],
            "confidence": rows["confidence"],
        }
    ).reset_index(drop=True)


def representation_index(series: dict[str, Series], definition: NorthSouth = "un_developed") -> pd.DataFrame:
    """Share of workers (or buyers) divided by share of world population, per country and series.

    ``series`` maps a label to a series name, e.g. ``{"workers (OLI 2017)": "oli_supply_2017"}``,
    or to ``(series name, period)`` for a series with several periods.
    An index of 1 means a country has as many online workers (buyers) as its population would
    predict; 7 means seven times as many. World population is the sum over the country table.
    ``group`` is each country's North/South label under ``definition``.
    """
    countries = load("countries").set_index("iso3")
    world = countries["population"].sum()
    frames = []
    for label, name in series.items():
        shares = published_shares(*name) if isinstance(name, tuple) else published_shares(name)
        population_pct = 100 * countries.loc[shares["iso3"], "population"].to_numpy() / world
        frames.append(shares.assign(series=label, population_pct=population_pct, index=shares["share_pct"].to_numpy() / population_pct))
    table = pd.concat(frames, ignore_index=True)
    return table.assign(group=table["iso3"].map(north_south(definition)))


def compare_over_representation(index: pd.DataFrame, first: str, second: str) -> pd.DataFrame:
    """Is ``first`` more over-represented than ``second``, under each series that publishes ``second``?

    ``index`` comes from :func:`representation_index`. One row per series holding ``second``:
    both indices, the series each was taken from, the code of the ``higher`` one and the
    ``ratio`` first / second. When a series does not publish ``first``, its index is taken from
    the first series in ``index`` that does (``first_from`` says which): that compares two
    sources, and the page must say so.
    """
    rows = []
    values = {label: part.set_index("iso3")["index"] for label, part in index.groupby("series", sort=False)}
    fallback = next((label for label, part in values.items() if first in part.index), None)
    if fallback is None:
        raise ValueError(f"No series in the index publishes {first}.")
    for label, part in values.items():
        if second not in part.index:
            continue
        source = label if first in part.index else fallback
        a, b = float(values[source][first]), float(part[second])
        rows.append(
            {
                "series": label,
                "first": first,
                "first_index": a,
                "first_from": source,
                "second": second,
                "second_index": b,
                "higher": first if a > b else second,
                "ratio": a / b,
            }
        )
    if not rows:
        raise ValueError(f"No series in the index publishes {second}.")
    return pd.DataFrame(rows)


def share_drift(series: str = "oli_supply_2017_2021") -> pd.DataFrame:
    """Change of each country's share, in percentage points a year, between a series' first and last periods.

    The periods must be years (``2017``, ``2021``). Returns ``iso3``, ``name``, ``start``,
    ``end``, the shares at both ends and ``points_per_year``.
    """
    table = load("online_labour_geography")
    rows = table[table["series"] == series]
    if rows.empty:
        raise ValueError(f"No series '{series}' in online_labour_geography.")
    periods = set(rows["period"])
    if not all(str(period).isdigit() for period in periods):
        raise ValueError(f"Series '{series}': a drift needs periods that are years, not {', '.join(sorted(periods))}.")
    years = sorted(int(period) for period in periods)
    if len(years) < 2:
        raise ValueError(f"Series '{series}' has one period only; a drift needs two.")
    start, end = years[0], years[-1]
    wide = rows.assign(year=rows["period"].astype(int)).pivot(index=["country_iso3", "country"], columns="year", values="value")
    wide = wide.dropna(subset=[start, end]).reset_index()
    return pd.DataFrame(
        {
            "iso3": wide["country_iso3"],
            "name": wide["country"],
            "start": start,
            "end": end,
            "start_pct": wide[start],
            "end_pct": wide[end],
            "points_per_year": (wide[end] - wide[start]) / (end - start),
        }
    )


def north_south_summary(series: dict[str, Series]) -> pd.DataFrame:
    """Published shares summed by North, South and 'not reported', under both definitions.

    ``series`` maps a label to a series name or to ``(series name, period)``. One row per series,
    definition and group, with ``share_pct`` (the groups sum to 100). Countries a definition
    leaves unclassified are counted as 'unclassified'.
    """
    rows = []
    for definition in NORTH_SOUTH_DEFINITIONS:
        labels = north_south(definition)
        for label, name in series.items():
            shares = published_shares(*name) if isinstance(name, tuple) else published_shares(name)
            groups = shares["iso3"].map(labels.get).where(lambda g: g.isin(["North", "South"]), "unclassified")
            summed = shares.groupby(groups)["share_pct"].sum()
            for group in ("North", "South", "unclassified"):
                rows.append({"series": label, "definition": definition, "group": group, "share_pct": float(summed.get(group, 0.0))})
            rows.append(
                {"series": label, "definition": definition, "group": "not reported", "share_pct": max(100 - float(summed.sum()), 0.0)}
            )
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


# The book's words for what each head count in online_labour_context counts.
CONTEXT_COUNTS = {
    "freelancer profiles on online labour platforms": (
        "Kässi et al., v4 (2021)",
        "freelancer profiles registered on online labour platforms",
    ),
    "profiles that ever obtained work": ("Kässi et al., v4 (2021)", "profiles that obtained work through the platform at least once"),
    "significantly active online workers": ("Kässi et al., v4 (2021)", "profiles with at least 10 projects or US$1000 earned"),
}

WORLD_BANK = ("online gig workers worldwide (low)", "online gig workers worldwide (high)")


def worker_counts() -> pd.DataFrame:
    """The published counts of people doing online platform work, one row per estimate (a range
    for the World Bank's): ``estimate``, ``definition``, ``low``, ``high`` (people), ``published``,
    ``status``, ``bibkey``, ``dataset``, and for the chart ``label``, ``low_m`` and ``high_m``
    (millions). Kässi et al.'s version 4 and the World Bank come from
    ``online_labour_context``; the preprint's superseded counts from ``online_work_since2016``."""
    context = load("online_labour_context").set_index("quantity")
    rows = []
    for quantity, (study, definition) in CONTEXT_COUNTS.items():
        value = float(context.loc[quantity, "value"])
        rows.append((study, definition, value, value, "2021-10", "current", context.loc[quantity, "bibkey"], "online_labour_context"))
    low, high = (float(context.loc[name, "value"]) for name in WORLD_BANK)
    rows.append(
        (
            "World Bank (2023)",
            "online gig workers (low and high estimates)",
            low,
            high,
            "2023-09",
            "current",
            "worldbank2023",
            "online_labour_context",
        )
    )
    later = load("online_work_since2016")
    for row in later[later["unit"] == "people"].itertuples():
        rows.append(
            (
                "Kässi et al., preprint (2021)",
                row.definition,
                row.value,
                row.value,
                row.published[:7],
                row.status,
                row.bibkey,
                "online_work_since2016",
            )
        )
    columns = ["estimate", "definition", "low", "high", "published", "status", "bibkey", "dataset"]
    frame = pd.DataFrame(rows, columns=columns).sort_values("low", ignore_index=True)
    frame["label"] = frame["estimate"] + ": " + frame["definition"]
    frame["low_m"], frame["high_m"] = frame["low"] / 1e6, frame["high"] / 1e6
    return frame
