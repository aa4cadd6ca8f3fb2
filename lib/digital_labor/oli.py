"""The Online Labour Index worker-supply file: a validating loader and country shares.

The Oxford Internet Institute publishes the Online Labour Index (OLI) on figshare
(doi:10.6084/m9.figshare.3761562, CC BY 4.0). Its worker file (``worker_countrydata_*.csv``)
has one row per snapshot, country and occupation, with the columns
``timestamp,country,occupation,num_workers,num_projects``. The counts come from samples of
worker profiles on the largest English-language platforms, so they mean something only as
relative shares within a snapshot, never as head counts.

The book does not ship the full file (it is large and updated continuously). Download it from
figshare and pass its path to :func:`load_worker_supply`; :func:`supply_shares` then gives
country shares that replace the published shares of the fact tables.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from .countries import NORTH_SOUTH_DEFINITIONS, north_south, to_iso3
from .data import DataError, load

__all__ = [
    "COLUMNS",
    "DOI",
    "load_worker_supply",
    "north_south_summary",
    "published_shares",
    "ranking_north_south",
    "representation_index",
    "supply_shares",
]

COLUMNS = ("timestamp", "country", "occupation", "num_workers", "num_projects")
DOI = "10.6084/m9.figshare.3761562"


def _fail(path: Path, line: int, column: str, value: str, rule: str) -> DataError:
    return DataError(f"OLI worker file {path.name}, line {line}, column '{column}': value {value!r} breaks the rule: {rule}.")


def _count(path: Path, line: int, column: str, value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise _fail(path, line, column, value, "must be a number") from None
    if not number >= 0:  # also refuses NaN
        raise _fail(path, line, column, value, "must be zero or more")
    return number


def load_worker_supply(path: str | Path) -> pd.DataFrame:
    """Read and validate an OLI worker-supply file; add each country's ISO3 code.

    Returns the columns of the file (``timestamp`` as a datetime, counts as floats) plus
    ``iso3``. Raises :class:`~digital_labor.DataError` naming the file, the line, the column and
    the rule broken: a missing file, a wrong header, an unreadable timestamp, an empty
    occupation, a negative or non-numeric count, a country name that
    :func:`digital_labor.countries.to_iso3` cannot resolve, or a repeated
    (timestamp, country, occupation) row.
    """
    path = Path(path)
    if not path.is_file():
        raise DataError(f"OLI worker file {path}: not found. Download it from https://doi.org/{DOI}.")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError(f"OLI worker file {path.name}: not valid UTF-8 ({error.reason}).") from None
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if header is None:
        raise DataError(f"OLI worker file {path.name}: the file is empty.")
    if tuple(name.strip() for name in header) != COLUMNS:
        raise DataError(
            f"OLI worker file {path.name}, line 1: the header is {','.join(header)!r}; "
            f"the rule is exactly {','.join(COLUMNS)!r}."
        )
    codes: dict[str, str] = {}
    rows, seen = [], {}
    for line, cells in enumerate(reader, start=2):
        if not cells:
            continue
        if len(cells) != len(COLUMNS):
            raise DataError(f"OLI worker file {path.name}, line {line}: {len(cells)} fields; the rule is {len(COLUMNS)}.")
        timestamp, country, occupation, workers, projects = (cell.strip() for cell in cells)
        when = pd.to_datetime(timestamp, errors="coerce")
        if pd.isna(when):
            raise _fail(path, line, "timestamp", timestamp, "must be a date or date-time (e.g. 2017-07-01)")
        if country not in codes:
            try:
                codes[country] = to_iso3(country)
            except DataError:
                raise _fail(path, line, "country", country, "must be a country name that countries.to_iso3 resolves") from None
        if not occupation:
            raise _fail(path, line, "occupation", occupation, "must not be empty")
        key = (when, country, occupation)
        if key in seen:
            raise _fail(path, line, "country", country, f"one row per timestamp, country and occupation (repeats line {seen[key]})")
        seen[key] = line
        rows.append((when, country, occupation, _count(path, line, "num_workers", workers),
                     _count(path, line, "num_projects", projects), codes[country]))
    if not rows:
        raise DataError(f"OLI worker file {path.name}: no data rows after the header.")
    return pd.DataFrame(rows, columns=[*COLUMNS, "iso3"])


def supply_shares(
    supply: pd.DataFrame, start: str | None = None, end: str | None = None, occupation: str | None = None
) -> pd.DataFrame:
    """Each country's share of online workers (%), averaged over the snapshots in a period.

    Shares are computed within each snapshot (so that the size of the sample, which varies,
    does not weigh), then averaged over the snapshots between ``start`` and ``end`` (inclusive).
    ``occupation`` restricts to one occupation. Returns ``iso3``, ``name`` (as written in the
    file), ``share_pct`` and ``rank``, largest first; the shares sum to 100.
    """
    table = supply
    if start is not None:
        table = table[table["timestamp"] >= pd.Timestamp(start)]
    if end is not None:
        table = table[table["timestamp"] <= pd.Timestamp(end)]
    if occupation is not None:
        table = table[table["occupation"] == occupation]
    if table.empty or table["num_workers"].sum() == 0:
        raise DataError("supply_shares: no workers in the selected period and occupation.")
    per_snapshot = table.groupby(["timestamp", "iso3", "country"], as_index=False)["num_workers"].sum()
    totals = per_snapshot.groupby("timestamp")["num_workers"].transform("sum")
    per_snapshot = per_snapshot[totals > 0].assign(share_pct=100 * per_snapshot["num_workers"] / totals)
    snapshots = per_snapshot["timestamp"].nunique()
    shares = per_snapshot.groupby(["iso3", "country"], as_index=False)["share_pct"].sum()
    shares["share_pct"] = shares["share_pct"] / snapshots
    shares = shares.rename(columns={"country": "name"}).sort_values(["share_pct", "iso3"], ascending=[False, True], ignore_index=True)
    shares["rank"] = range(1, len(shares) + 1)
    return shares


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


def representation_index(series: dict[str, str]) -> pd.DataFrame:
    """Share of workers (or buyers) divided by share of world population, per country and series.

    ``series`` maps a label to a series name, e.g. ``{"workers (OLI 2017)": "oli_supply_2017"}``.
    An index of 1 means a country has as many online workers (buyers) as its population would
    predict; 7 means seven times as many. World population is the sum over the country table.
    """
    countries = load("countries").set_index("iso3")
    world = countries["population"].sum()
    frames = []
    for label, name in series.items():
        shares = published_shares(name)
        population_pct = 100 * countries.loc[shares["iso3"], "population"].to_numpy() / world
        frames.append(shares.assign(series=label, population_pct=population_pct,
                                    index=shares["share_pct"].to_numpy() / population_pct))
    return pd.concat(frames, ignore_index=True)


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
