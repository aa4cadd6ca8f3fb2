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
(``ROW``). A pool has no single distance, so its kernel is the *mean of its members' kernels*
(:func:`pool_kernel`): by default each country outside the named ones weighs by its population
(``pool="population"``); ``pool="gdp"`` weighs the buyers' pool by GDP instead (workers' still by
population); ``pool="named"`` gives the pool the mean kernel of the named countries of its side,
and ``pool="neutral"`` the kernel 1 (distance zero, adjacent to everyone), which favours the pool
more the stronger the distance decay. Inside a weighted pool, a member's work for itself gets the
home bias, as a named country's does. All flows are fractions of the total
(they sum to 1).

Direction: a flow ``i → j`` runs from the buyer's country to the worker's, the way tasks are
sent and pay travels; the finished work (clicks, labels, data) goes the other way.

It is a model: each country's in-strength (out-strength) equals its supply (demand) share by
construction, whatever the parameters, so rankings of countries test the margins it is fed, not
its corridors, which only contract-level data could check.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache

import networkx as nx
import numpy as np
import pandas as pd

from ..countries import north_south
from ..data import load
from ..params import require

__all__ = [
    "REST_OF_WORLD",
    "distances_km",
    "flow_graph",
    "flow_matrix",
    "gravity_kernel",
    "Kernel",
    "POOLS",
    "kernel_matrix",
    "market_shares",
    "north_south_flows",
    "north_to_south_share",
    "pool_kernel",
    "pool_weights",
    "strengths",
    "top_corridors",
    "with_shares",
]

REST_OF_WORLD = "ROW"
REST_OF_WORLD_NAME = "Rest of the world"
EARTH_RADIUS_KM = 6371.0
POOLS = {
    "population": "the mean kernel of the countries not named on its side, weighted by population",
    "gdp": "as 'population', but the buyers' pool weighted by GDP (current US$; workers' still by population)",
    "named": "the mean kernel of the countries named on its side, each weighing the same",
    "neutral": "kernel 1, as if the pool were next door to every country",
}


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
        part = pd.DataFrame(
            {"side": side, "iso3": rows["country_iso3"], "name": rows["country"], "share": rows["value"] / 100, "published": True}
        )
        rest = 1 - part["share"].sum()
        if rest < -1e-9:
            raise ValueError(f"Series '{series}': the published shares add up to more than 100 %.")
        residual = pd.DataFrame(
            [{"side": side, "iso3": REST_OF_WORLD, "name": REST_OF_WORLD_NAME, "share": max(rest, 0.0), "published": False}]
        )
        frames += [part, residual]
    return pd.concat(frames, ignore_index=True)


def with_shares(shares: pd.DataFrame, side: str, values_pct: dict[str, float]) -> pd.DataFrame:
    """Margins with some named countries' shares replaced (in %), the rest of the world absorbing the change.

    A sensitivity tool: e.g. ``with_shares(shares, "worker", {"BGD": 10})`` puts Bangladesh at
    10 % of workers and gives the difference to the rest of the world, so each side still sums to 1.
    """
    require(side in ("buyer", "worker"), f"side must be 'buyer' or 'worker', not {side!r}")
    table = shares.copy()
    on_side = table["side"] == side
    for code, value in values_pct.items():
        row = on_side & (table["iso3"] == code) & table["published"]
        require(bool(row.any()), f"{code} is not a named {side} country of these margins")
        require(math.isfinite(value) and 0 <= value <= 100, f"the share of {code} must be between 0 and 100 %")
        table.loc[row, "share"] = value / 100
    rest = on_side & ~table["published"]
    residual = 1 - table.loc[on_side & table["published"], "share"].sum()
    require(residual >= -1e-9, f"the {side} shares would add up to more than 100 %")
    table.loc[rest, "share"] = max(residual, 0.0)
    return table


def _haversine_km(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    lon, lat = np.radians(lon), np.radians(lat)
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    h = np.sin(dlat / 2) ** 2 + np.cos(lat[:, None]) * np.cos(lat[None, :]) * np.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(h))


@lru_cache(maxsize=1)
def _world_distances() -> pd.DataFrame:
    """Distances (km) between the centroids of every country that has one; computed once per process."""
    from ..geo import centroids

    points = centroids().set_index("iso3")
    return pd.DataFrame(_haversine_km(points["lon"].to_numpy(), points["lat"].to_numpy()), index=points.index, columns=points.index)


def distances_km(codes: list[str]) -> pd.DataFrame:
    """Great-circle distances (km) between country centroids; NaN for the rest of the world."""
    world = _world_distances()
    known = [code for code in codes if code in world.index]
    return world.loc[known, known].reindex(index=codes, columns=codes)


def pool_weights(named: list[str], pool: str = "population", side: str = "worker") -> pd.Series:
    """How much each country weighs in a rest-of-the-world pool (sums to 1), by ISO3.

    ``pool="population"``: every country with a centroid that is not in ``named``, weighted by its
    population in the book's country table; ``pool="gdp"``: the same countries, weighted by GDP
    (current US$) on the buyers' ``side`` and by population on the workers' (countries without a
    GDP figure drop out of a GDP-weighted pool); ``pool="named"``: the ``named`` countries
    themselves, equally weighted. (``"neutral"`` has no members: see :func:`pool_kernel`.)
    """
    require(pool in ("population", "gdp", "named"), f"pool weights exist for 'population', 'gdp' or 'named', not {pool!r}")
    require(side in ("buyer", "worker"), f"side must be 'buyer' or 'worker', not {side!r}")
    if pool == "named":
        members = [code for code in dict.fromkeys(named) if code != REST_OF_WORLD]
        require(bool(members), "a 'named' pool needs at least one named country")
        return pd.Series(1 / len(members), index=members)
    column = "gdp_usd" if pool == "gdp" and side == "buyer" else "population"
    size = load("countries").set_index("iso3")[column].dropna()
    members = [code for code in _world_distances().index if code in size.index and code not in set(named)]
    weights = size.loc[members].astype(float)
    return weights / weights.sum()


def gravity_kernel(distance_km: np.ndarray, same_country: np.ndarray, distance_decay: float, home_bias: float) -> np.ndarray:
    """The attraction ``K(i, j)`` between buyer and worker countries: ``exp(−β · d / 10,000 km) · exp(γ · [i = j])``.

    ``distance_km`` and ``same_country`` are arrays of the same shape (a pair's distance, and
    whether it is one country's own market); ``distance_decay`` is β and ``home_bias`` is γ.
    """
    return np.exp(-distance_decay * np.asarray(distance_km) / 10_000) * np.where(same_country, math.exp(home_bias), 1.0)


Kernel = Callable[[np.ndarray, np.ndarray, float, float], np.ndarray]  # (distance_km, same_country, β, γ) -> K


def pool_kernel(
    rows: pd.Series, columns: pd.Series, *, distance_decay: float, home_bias: float = 0.0, kernel: Kernel = gravity_kernel
) -> float:
    """Mean kernel between two weighted groups of countries: ``Σ_k Σ_l w_k v_l K(k, l)``.

    ``rows`` and ``columns`` map ISO3 codes to weights summing to 1 (a single country is a
    weight of 1 on it). This is the attraction between a pool and a country (or another pool) if
    the pool's work were spread over its members in proportion to their weights. Domestic pairs
    (``k = l``) get the home bias, as between named countries. ``kernel`` is the rule for one pair
    (:func:`gravity_kernel` unless a reader passes another).
    """
    require(math.isclose(rows.sum(), 1) and math.isclose(columns.sum(), 1), "pool weights must each sum to 1")
    world = _world_distances()
    distance = world.loc[rows.index, columns.index].to_numpy()
    same = rows.index.to_numpy()[:, None] == columns.index.to_numpy()[None, :]
    return float(rows.to_numpy() @ kernel(distance, same, distance_decay, home_bias) @ columns.to_numpy())


def kernel_matrix(
    buyers: list[str],
    workers: list[str],
    *,
    distance_decay: float,
    home_bias: float,
    pool: str = "population",
    kernel: Kernel = gravity_kernel,
) -> np.ndarray:
    """The kernel ``K(i, j)`` between buyer and worker nodes, with the rest of the world as a pool.

    Between named countries, ``kernel`` (by default :func:`gravity_kernel`,
    ``exp(−β · distance / 10,000 km) · exp(γ · [i = j])``); a pair that involves a pool gets
    :func:`pool_kernel` over the pool's members (see :data:`POOLS`).
    """
    require(pool in POOLS, f"pool must be one of {list(POOLS)}, not {pool!r}")
    distance = distances_km(list(dict.fromkeys([*buyers, *workers]))).loc[buyers, workers].to_numpy()
    same = (np.array(buyers)[:, None] == np.array(workers)[None, :]) & (np.array(buyers)[:, None] != REST_OF_WORLD)
    attraction = np.asarray(kernel(np.nan_to_num(distance), same, distance_decay, home_bias), dtype=float)
    require(attraction.shape == distance.shape, f"the kernel must return one value per pair, shape {distance.shape}")
    if pool == "neutral":
        return np.where(np.isnan(distance), 1.0, attraction)
    groups = {
        "buyer": pool_weights([c for c in buyers if c != REST_OF_WORLD], pool, "buyer"),
        "worker": pool_weights([c for c in workers if c != REST_OF_WORLD], pool, "worker"),
    }

    def members(code: str, side: str) -> pd.Series:
        return groups[side] if code == REST_OF_WORLD else pd.Series({code: 1.0})

    for i, buyer in enumerate(buyers):
        for j, worker in enumerate(workers):
            if REST_OF_WORLD in (buyer, worker):
                attraction[i, j] = pool_kernel(
                    members(buyer, "buyer"), members(worker, "worker"), distance_decay=distance_decay, home_bias=home_bias, kernel=kernel
                )
    return attraction


def flow_matrix(
    shares: pd.DataFrame | None = None,
    *,
    distance_decay: float = 0.0,
    home_bias: float = 0.0,
    pool: str = "population",
    kernel: Kernel = gravity_kernel,
    tolerance: float = 1e-12,
    max_iterations: int = 10_000,
) -> pd.DataFrame:
    """Flows from every buyer node to every worker node under the gravity model (long form).

    ``distance_decay`` is β (per 10,000 km) and ``home_bias`` is γ; both must be ≥ 0. ``pool``
    says how the rest of the world is placed (:data:`POOLS`); ``kernel`` is the attraction between
    a buyer and a worker country (:func:`gravity_kernel` unless a reader passes another). Returns
    ``buyer``, ``buyer_name``, ``worker``, ``worker_name``, ``distance_km`` (NaN for a pool) and
    ``flow`` (a fraction of the total; row sums equal the demand shares, column sums the supply shares).
    """
    require(math.isfinite(distance_decay) and distance_decay >= 0, "distance_decay must be finite and zero or more")
    require(math.isfinite(home_bias) and home_bias >= 0, "home_bias must be finite and zero or more")
    shares = market_shares() if shares is None else shares
    buyers = shares[shares["side"] == "buyer"].reset_index(drop=True)
    workers = shares[shares["side"] == "worker"].reset_index(drop=True)
    demand, supply = buyers["share"].to_numpy(float), workers["share"].to_numpy(float)
    require(
        math.isclose(demand.sum(), 1, abs_tol=1e-9) and math.isclose(supply.sum(), 1, abs_tol=1e-9),
        "Demand and supply shares must each sum to 1.",
    )
    codes = list(dict.fromkeys([*buyers["iso3"], *workers["iso3"]]))
    distance = distances_km(codes).loc[buyers["iso3"], workers["iso3"]].to_numpy()
    attraction = kernel_matrix(
        buyers["iso3"].tolist(), workers["iso3"].tolist(), distance_decay=distance_decay, home_bias=home_bias, pool=pool, kernel=kernel
    )
    require(bool(np.isfinite(attraction).all() and (attraction >= 0).all()), "the kernel must be finite and zero or more for every pair")
    a, b = np.ones(len(demand)), np.ones(len(supply))
    for _ in range(max_iterations):
        a = np.divide(demand, attraction @ b, out=np.zeros_like(demand), where=demand > 0)
        b = np.divide(supply, attraction.T @ a, out=np.zeros_like(supply), where=supply > 0)
        flows = a[:, None] * attraction * b[None, :]
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
    """The ``n`` largest buyer → worker flows, with their share of the total flow in %.

    A corridor proper joins two named countries; ``known_only`` leaves out the flows that involve
    the pooled rest of the world, and ``domestic=False`` leaves out work bought and done in the same
    country (a domestic flow, not a corridor).
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
