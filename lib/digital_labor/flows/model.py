"""A model of the flows of online work from buyer countries to worker countries, as a network.

No public source gives the country-to-country flows of online work in the period of the essay:
the Online Labour Index publishes where buyers are (demand shares) and where workers are (supply
shares), separately. This module builds the flows from those two margins under a stated model,
a *doubly constrained gravity model* (Wilson 1967):

    flow(i → j) = a_i · b_j · K(i, j),   K(i, j) = exp(−β · distance(i, j) / 10,000 km) · exp(γ · [i = j])

where the balancing factors ``a_i`` and ``b_j`` are set (by iterative proportional fitting) so
that every buyer country ``i`` spends its demand share and every worker country ``j`` receives
its supply share. With ``β = γ = 0`` this is *proportional matching*: each buyer spreads its work
over worker countries in proportion to their supply shares, ``flow(i → j) = D_i · S_j``.

Countries without a published share are pooled into one "rest of the world" node on each side
(``ROW``); its distance to anything is unknown, so pairs involving it get ``K = 1``. All flows
are fractions of the total (they sum to 1). It is a model: it cannot be checked corridor by
corridor, only against rankings that the data do give.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd

from ..countries import north_south
from ..data import load

__all__ = [
    "REST_OF_WORLD",
    "distances_km",
    "flow_graph",
    "flow_matrix",
    "market_shares",
    "north_south_flows",
    "north_to_south_share",
    "strengths",
    "top_corridors",
]

REST_OF_WORLD = "ROW"
REST_OF_WORLD_NAME = "Rest of the world"
EARTH_RADIUS_KM = 6371.0


def market_shares(demand_series: str = "oli_demand_2016", supply_series: str = "oli_supply_2017") -> pd.DataFrame:
    """Published demand and supply shares (as fractions), plus a rest-of-the-world residual per side.

    Returns one row per node: ``side`` ('buyer' or 'worker'), ``iso3``, ``name``, ``share``
    (fractions summing to 1 on each side) and ``published`` (False for the residual).
    """
    geography = load("online_labour_geography")
    frames = []
    for side, series in (("buyer", demand_series), ("worker", supply_series)):
        rows = geography[geography["series"] == series]
        if rows.empty:
            known = ", ".join(sorted(geography["series"].unique()))
            raise ValueError(f"No series '{series}' in online_labour_geography; known: {known}.")
        if rows["country_iso3"].duplicated().any():
            raise ValueError(f"Series '{series}' has several periods; pick a series with one value per country.")
        part = pd.DataFrame({"side": side, "iso3": rows["country_iso3"], "name": rows["country"],
                             "share": rows["value"] / 100, "published": True})
        rest = 1 - part["share"].sum()
        if rest < -1e-9:
            raise ValueError(f"Series '{series}': the published shares add up to more than 100 %.")
        residual = pd.DataFrame([{"side": side, "iso3": REST_OF_WORLD, "name": REST_OF_WORLD_NAME,
                                  "share": max(rest, 0.0), "published": False}])
        frames += [part, residual]
    return pd.concat(frames, ignore_index=True)


def distances_km(codes: list[str]) -> pd.DataFrame:
    """Great-circle distances (km) between country centroids; NaN for the rest of the world."""
    from ..geo import centroids

    points = centroids().set_index("iso3")
    lon = np.radians([points.loc[c, "lon"] if c in points.index else np.nan for c in codes])
    lat = np.radians([points.loc[c, "lat"] if c in points.index else np.nan for c in codes])
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    h = np.sin(dlat / 2) ** 2 + np.cos(lat[:, None]) * np.cos(lat[None, :]) * np.sin(dlon / 2) ** 2
    return pd.DataFrame(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(h)), index=codes, columns=codes)


def flow_matrix(
    shares: pd.DataFrame | None = None,
    *,
    distance_decay: float = 0.0,
    home_bias: float = 0.0,
    tolerance: float = 1e-12,
    max_iterations: int = 10_000,
) -> pd.DataFrame:
    """Flows from every buyer node to every worker node under the gravity model (long form).

    ``distance_decay`` is β (per 10,000 km) and ``home_bias`` is γ; both must be ≥ 0. Returns
    ``buyer``, ``buyer_name``, ``worker``, ``worker_name``, ``distance_km`` and ``flow`` (a
    fraction of the total; row sums equal the demand shares, column sums the supply shares).
    """
    if distance_decay < 0 or home_bias < 0 or not (math.isfinite(distance_decay) and math.isfinite(home_bias)):
        raise ValueError("distance_decay and home_bias must be finite and zero or more.")
    shares = market_shares() if shares is None else shares
    buyers = shares[shares["side"] == "buyer"].reset_index(drop=True)
    workers = shares[shares["side"] == "worker"].reset_index(drop=True)
    demand, supply = buyers["share"].to_numpy(float), workers["share"].to_numpy(float)
    if not math.isclose(demand.sum(), 1, abs_tol=1e-9) or not math.isclose(supply.sum(), 1, abs_tol=1e-9):
        raise ValueError("Demand and supply shares must each sum to 1.")
    codes = list(dict.fromkeys([*buyers["iso3"], *workers["iso3"]]))
    distance = distances_km(codes).loc[buyers["iso3"], workers["iso3"]].to_numpy()
    kernel = np.where(np.isnan(distance), 1.0, np.exp(-distance_decay * np.nan_to_num(distance) / 10_000))
    same = (buyers["iso3"].to_numpy()[:, None] == workers["iso3"].to_numpy()[None, :])
    same &= buyers["iso3"].to_numpy()[:, None] != REST_OF_WORLD
    kernel = kernel * np.where(same, math.exp(home_bias), 1.0)
    a, b = np.ones(len(demand)), np.ones(len(supply))
    for _ in range(max_iterations):
        a = np.divide(demand, kernel @ b, out=np.zeros_like(demand), where=demand > 0)
        b = np.divide(supply, kernel.T @ a, out=np.zeros_like(supply), where=supply > 0)
        flows = a[:, None] * kernel * b[None, :]
        if np.abs(flows.sum(axis=1) - demand).max() < tolerance:
            break
    else:
        raise RuntimeError("The gravity model did not converge; lower distance_decay or home_bias.")
    return pd.DataFrame(
        {
            "buyer": np.repeat(buyers["iso3"].to_numpy(), len(workers)),
            "buyer_name": np.repeat(buyers["name"].to_numpy(), len(workers)),
            "worker": np.tile(workers["iso3"].to_numpy(), len(buyers)),
            "worker_name": np.tile(workers["name"].to_numpy(), len(buyers)),
            "distance_km": distance.ravel(),
            "flow": flows.ravel(),
        }
    )


def flow_graph(flows: pd.DataFrame) -> nx.DiGraph:
    """The flows as a directed graph: nodes ``buyer:ISO3`` and ``worker:ISO3``, edge ``weight`` = flow."""
    graph = nx.DiGraph()
    for side in ("buyer", "worker"):
        for code, name in flows[[side, f"{side}_name"]].drop_duplicates().itertuples(index=False):
            graph.add_node(f"{side}:{code}", side=side, iso3=code, name=name)
    for row in flows.itertuples(index=False):
        if row.flow > 0:
            graph.add_edge(f"buyer:{row.buyer}", f"worker:{row.worker}", weight=float(row.flow))
    return graph


def strengths(graph: nx.DiGraph) -> pd.DataFrame:
    """Weighted out-strength (work bought) and in-strength (work received) of every node."""
    out_strength = dict(graph.out_degree(weight="weight"))
    in_strength = dict(graph.in_degree(weight="weight"))
    rows = [
        {"node": node, **data, "out_strength": out_strength[node], "in_strength": in_strength[node]}
        for node, data in graph.nodes(data=True)
    ]
    return pd.DataFrame(rows).sort_values(["side", "node"], ignore_index=True)


def top_corridors(flows: pd.DataFrame, n: int = 10, *, known_only: bool = True, domestic: bool = True) -> pd.DataFrame:
    """The ``n`` largest buyer → worker corridors, with their share of the total flow in %.

    ``known_only`` leaves out corridors that involve the rest of the world; ``domestic=False``
    leaves out work bought and done in the same country.
    """
    table = flows
    if known_only:
        table = table[(table["buyer"] != REST_OF_WORLD) & (table["worker"] != REST_OF_WORLD)]
    if not domestic:
        table = table[table["buyer"] != table["worker"]]
    table = table.sort_values(["flow", "buyer", "worker"], ascending=[False, True, True]).head(n)
    table = table.assign(flow_pct=100 * table["flow"], corridor=table["buyer_name"] + " → " + table["worker_name"])
    return table.reset_index(drop=True)


def _groups(codes: pd.Series, definition: str) -> pd.Series:
    labels = north_south(definition)
    known = codes.map(lambda code: labels.get(code))
    return known.where(known.isin(["North", "South"]), "Unclassified")


def north_south_flows(flows: pd.DataFrame, definition: str = "un_developed") -> pd.DataFrame:
    """Total flow (%) by buyer group and worker group: North, South or Unclassified (rest of the world)."""
    table = flows.assign(buyer_group=_groups(flows["buyer"], definition), worker_group=_groups(flows["worker"], definition))
    grouped = table.groupby(["buyer_group", "worker_group"], as_index=False)["flow"].sum()
    return grouped.assign(flow_pct=100 * grouped["flow"]).drop(columns="flow")


def north_to_south_share(flows: pd.DataFrame, definition: str = "un_developed") -> dict[str, float]:
    """Share (%) of all flow that goes from North buyers to South workers, with bounds.

    ``low`` counts only flows between classified countries; ``high`` adds every flow in which
    an unclassified node (the rest of the world) could be a North buyer or a South worker.
    ``among_classified`` is the North → South share of the flows between classified countries.
    """
    grouped = north_south_flows(flows, definition).set_index(["buyer_group", "worker_group"])["flow_pct"]

    def value(buyer: str, worker: str) -> float:
        return float(grouped.get((buyer, worker), 0.0))

    low = value("North", "South")
    high = low + sum(value(b, w) for b in ("North", "Unclassified") for w in ("South", "Unclassified") if (b, w) != ("North", "South"))
    classified = sum(value(b, w) for b in ("North", "South") for w in ("North", "South"))
    return {"low": low, "high": high, "among_classified": 100 * low / classified if classified else math.nan}
