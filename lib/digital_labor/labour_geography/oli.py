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

from pathlib import Path

import pandas as pd

from ..countries import to_iso3
from ..data import DataError, load_file

__all__ = ["COLUMNS", "OLI_WORKER_SCHEMA", "load_worker_supply", "supply_shares"]

COLUMNS = ("timestamp", "country", "occupation", "num_workers", "num_projects")
_DOI = "10.6084/m9.figshare.3761562"
# The published file as a Table Schema: the data layer validates it like every dataset of the book.
OLI_WORKER_SCHEMA = {
    "primaryKey": ["timestamp", "country", "occupation"],
    "fields": [
        {"name": "timestamp", "type": "datetime", "format": "any", "title": "Snapshot date", "constraints": {"required": True}},
        {"name": "country", "type": "string", "title": "Country name", "constraints": {"required": True}},
        {"name": "occupation", "type": "string", "title": "Occupation", "constraints": {"required": True}},
        {"name": "num_workers", "type": "number", "title": "Workers in the sample", "constraints": {"required": True, "minimum": 0}},
        {"name": "num_projects", "type": "number", "title": "Projects in the sample", "constraints": {"required": True, "minimum": 0}},
    ],
}


def load_worker_supply(path: str | Path) -> pd.DataFrame:
    """Read and validate an OLI worker-supply file; add each country's ISO3 code.

    Returns the columns of the file (``timestamp`` as a datetime, counts as floats) plus
    ``iso3``. The file is checked against :data:`OLI_WORKER_SCHEMA` by the data layer, and every
    country name must resolve through :func:`digital_labor.countries.to_iso3`; any failure raises
    :class:`~digital_labor.DataError` naming the file, the line, the column and the rule broken.
    """
    path = Path(path)
    if not path.is_file():
        raise DataError(f"OLI worker file {path}: not found. Download it from https://doi.org/{_DOI}.")
    table = load_file(path, OLI_WORKER_SCHEMA, name="oli_worker_supply")
    if table.empty:
        raise DataError(f"OLI worker file {path.name}: no data rows after the header.")
    codes = {}
    for line, country in enumerate(table["country"], start=2):
        if country not in codes:
            try:
                codes[country] = to_iso3(country)
            except DataError:
                raise DataError(
                    f"OLI worker file {path.name}, line {line}, column 'country': value {country!r} breaks the rule: "
                    "must be a country name that countries.to_iso3 resolves."
                ) from None
    return table.assign(iso3=table["country"].map(codes))


def supply_shares(supply: pd.DataFrame, start: str | None = None, end: str | None = None, occupation: str | None = None) -> pd.DataFrame:
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
