"""The flow model: margins, limiting cases, monotonicity, and the network measures."""

from __future__ import annotations

import json

import numpy as np
import pytest

from digital_labor import charts, countries, flows, geo


@pytest.fixture(scope="module")
def shares():
    return flows.market_shares()


def matrix(table):
    return table.pivot(index="buyer", columns="worker", values="flow")


def test_market_shares_sum_to_one_per_side_with_a_residual(shares):
    assert shares.groupby("side")["share"].sum().to_numpy() == pytest.approx(1)
    rest = shares[~shares["published"]].set_index("side")["share"]
    assert rest["buyer"] == pytest.approx(1 - 0.699) and rest["worker"] == pytest.approx(0.42)


def test_proportional_matching_is_the_outer_product(shares):
    table = flows.flow_matrix(shares)
    demand = shares[shares["side"] == "buyer"].set_index("iso3")["share"]
    supply = shares[shares["side"] == "worker"].set_index("iso3")["share"]
    expected = np.outer(demand, supply)
    assert matrix(table).loc[demand.index, supply.index].to_numpy() == pytest.approx(expected)


@pytest.mark.parametrize(("beta", "gamma"), [(0.0, 0.0), (1.5, 0.0), (0.0, 2.0), (3.0, 1.0)])
def test_margins_hold_for_any_parameters(shares, beta, gamma):
    table = flows.flow_matrix(shares, distance_decay=beta, home_bias=gamma)
    graph = flows.flow_graph(table)
    strength = flows.strengths(graph).set_index("node")
    for row in shares.itertuples():
        column = "out_strength" if row.side == "buyer" else "in_strength"
        assert strength.loc[f"{row.side}:{row.iso3}", column] == pytest.approx(row.share, abs=1e-9)
    assert table["flow"].sum() == pytest.approx(1)


def test_home_bias_keeps_more_work_at_home(shares):
    domestic = [flows.flow_matrix(shares, home_bias=g).query("buyer == worker and buyer != 'ROW'")["flow"].sum() for g in (0, 1, 3)]
    assert domestic[0] < domestic[1] < domestic[2]


def test_distance_decay_shortens_the_average_trip(shares):
    def mean_distance(beta):
        table = flows.flow_matrix(shares, distance_decay=beta).dropna(subset=["distance_km"])
        return np.average(table["distance_km"], weights=table["flow"])

    assert mean_distance(0) > mean_distance(1) > mean_distance(4)


def test_invalid_parameters_are_refused(shares):
    with pytest.raises(ValueError):
        flows.flow_matrix(shares, home_bias=-1)
    with pytest.raises(ValueError, match="sum to 1"):
        flows.flow_matrix(shares.assign(share=shares["share"] * 2))
    with pytest.raises(ValueError, match="No series"):
        flows.market_shares(supply_series="nonexistent")


def test_distances_are_symmetric_zero_on_the_diagonal_and_plausible():
    distance = flows.distances_km(["USA", "IND", "GBR", "ROW"])
    assert distance.loc["USA", "IND"] == pytest.approx(distance.loc["IND", "USA"])
    assert distance.loc["GBR", "GBR"] == 0
    assert 6000 < distance.loc["GBR", "IND"] < 9000
    assert np.isnan(distance.loc["ROW", "USA"])


def test_north_to_south_bounds_bracket_the_known_flows(shares):
    table = flows.flow_matrix(shares)
    result = flows.north_to_south_share(table, "un_developed")
    north_buyers, south_workers = 0.52 + 0.063 + 0.057, 0.24 + 0.16
    assert result["low"] == pytest.approx(100 * north_buyers * south_workers)
    assert result["low"] <= result["high"] <= 100
    grouped = flows.north_south_flows(table)
    assert grouped["flow_pct"].sum() == pytest.approx(100)


def test_top_corridors(shares):
    top = flows.top_corridors(flows.flow_matrix(shares), 3, domestic=False)
    assert top["corridor"].iloc[0] == "United States → India"
    assert (top["buyer"] != top["worker"]).all() and top["flow_pct"].is_monotonic_decreasing


@pytest.fixture
def book_mode(monkeypatch):
    monkeypatch.setenv(charts.BOOK_ENV, "1")  # the world map is then served by URL


def test_flow_map_draws_only_the_top_cross_border_corridors_over_the_world_map(book_mode):
    chart = flows.flow_map(flows.flow_matrix(), geo.centroids(), n=5).to_dict()
    assert "Model:" in " ".join(chart["title"]["subtitle"]) and chart["description"]
    rules = [layer for layer in chart["layer"] if layer["mark"]["type"] == "rule"]
    assert len(rules) == 1
    arcs = chart["datasets"][rules[0]["data"]["name"]]
    assert len(arcs) == 5 and all(row["buyer"] != row["worker"] for row in arcs)
    assert {"longitude", "latitude", "longitude2", "latitude2"} <= set(rules[0]["encoding"])
    assert chart["layer"][0]["data"]["url"].endswith("world.geojson")
    assert len(json.dumps(chart)) < 60_000


def test_node_link_view_has_every_node_and_is_labelled_as_a_model():
    table = flows.flow_matrix()
    chart = flows.node_link_chart(table, countries.north_south("un_developed")).to_dict()
    assert "a simulation, not data" in " ".join(chart["title"]["subtitle"])
    nodes = [layer for layer in chart["layer"] if layer["mark"]["type"] == "point"][0]
    assert len(chart["datasets"][nodes["data"]["name"]]) == table["buyer"].nunique() + table["worker"].nunique()
