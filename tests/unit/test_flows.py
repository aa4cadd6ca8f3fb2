"""The flow model: margins, limiting cases, monotonicity, and the network measures."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from digital_labor import charts, countries, flows, geo
from digital_labor.chart_tables import data_tables
from digital_labor.flows.model import distances_km, gravity_kernel, kernel_matrix, north_south_flows, pool_kernel, pool_weights


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


@pytest.mark.parametrize("pool", list(flows.POOLS))
@pytest.mark.parametrize(("beta", "gamma"), [(0.0, 0.0), (1.5, 0.0), (0.0, 2.0), (3.0, 1.0)])
def test_margins_hold_for_any_parameters(shares, beta, gamma, pool):
    table = flows.flow_matrix(shares, distance_decay=beta, home_bias=gamma, pool=pool)
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
    with pytest.raises(ValueError, match="home_bias"):
        flows.flow_matrix(shares, home_bias=-1)
    with pytest.raises(ValueError, match="distance_decay"):
        flows.flow_matrix(shares, distance_decay=float("inf"))
    with pytest.raises(ValueError, match="pool must be one of"):
        flows.flow_matrix(shares, pool="somewhere")
    with pytest.raises(ValueError, match="sum to 1"):
        flows.flow_matrix(shares.assign(share=shares["share"] * 2))
    with pytest.raises(ValueError, match="No series"):
        flows.market_shares(supply_series="nonexistent")


def test_distances_are_symmetric_zero_on_the_diagonal_and_plausible():
    distance = distances_km(["USA", "IND", "GBR", "ROW"])
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
    grouped = north_south_flows(table)
    assert grouped["flow_pct"].sum() == pytest.approx(100)


def test_top_corridors(shares):
    top = flows.top_corridors(flows.flow_matrix(shares), 3, domestic=False)
    assert top["corridor"].iloc[0] == "United States → India"
    assert (top["buyer"] != top["worker"]).all() and top["flow_pct"].is_monotonic_decreasing


def test_without_frictions_every_pool_gives_proportional_matching(shares):
    reference = matrix(flows.flow_matrix(shares, pool="neutral"))
    for pool in ("population", "named"):
        kernel = kernel_matrix(["USA", "ROW"], ["IND", "ROW"], distance_decay=0, home_bias=0, pool=pool)
        assert kernel == pytest.approx(np.ones((2, 2)))
        assert matrix(flows.flow_matrix(shares, pool=pool)).to_numpy() == pytest.approx(reference.to_numpy())


def test_a_pool_of_one_country_has_that_country_s_kernel():
    distance = distances_km(["IND", "USA"]).loc["IND", "USA"]
    one = pd.Series({"IND": 1.0})
    assert pool_kernel(one, pd.Series({"USA": 1.0}), distance_decay=2) == pytest.approx(np.exp(-2 * distance / 10_000))
    assert pool_kernel(one, one, distance_decay=2, home_bias=1) == pytest.approx(np.e)


def test_a_pool_kernel_is_a_weighted_mean_of_its_members_kernels():
    members = pd.Series({"IND": 0.25, "BGD": 0.75})
    usa = pd.Series({"USA": 1.0})
    single = {code: pool_kernel(pd.Series({code: 1.0}), usa, distance_decay=3) for code in members.index}
    pooled = pool_kernel(members, usa, distance_decay=3)
    assert pooled == pytest.approx(0.25 * single["IND"] + 0.75 * single["BGD"])
    assert min(single.values()) < pooled < max(single.values())
    with pytest.raises(ValueError, match="sum to 1"):
        pool_kernel(members * 2, usa, distance_decay=3)


def test_pool_weights_cover_the_unnamed_countries_by_population_or_the_named_ones_equally():
    weights = pool_weights(["USA", "GBR", "IND", "AUS"])
    assert weights.sum() == pytest.approx(1) and not {"USA", "GBR", "IND", "AUS"} & set(weights.index)
    assert weights.idxmax() == "CHN" and "BGD" in weights.index
    named = pool_weights(["USA", "GBR", "IND", "AUS", "ROW"], "named")
    assert named.to_dict() == pytest.approx({"USA": 0.25, "GBR": 0.25, "IND": 0.25, "AUS": 0.25})
    with pytest.raises(ValueError):
        pool_weights(["USA"], "neutral")


def test_with_strong_decay_the_pool_keeps_only_its_domestic_part():
    # As β grows, every cross-border kernel vanishes: what is left of K(rest-of-world buyers, Bangladesh)
    # is Bangladesh's own weight in the buyer pool times the home bonus.
    weight = pool_weights(["USA", "GBR", "IND", "AUS"])["BGD"]
    kernel = kernel_matrix(["USA", "GBR", "IND", "AUS", "ROW"], ["BGD"], distance_decay=500, home_bias=1)
    assert kernel[-1, 0] == pytest.approx(weight * np.e, rel=1e-6)
    assert kernel[0, 0] < 1e-100
    neutral = kernel_matrix(["ROW"], ["BGD"], distance_decay=500, home_bias=1, pool="neutral")
    assert neutral[0, 0] == 1


def test_the_neutral_pool_drives_part_of_the_fall_of_the_north_to_south_share(shares):
    def among_classified(beta, gamma, pool):
        table = flows.flow_matrix(shares, distance_decay=beta, home_bias=gamma, pool=pool)
        return flows.north_to_south_share(table)["among_classified"]

    start = among_classified(0, 0, "population")
    assert start == pytest.approx(100 * (0.64 / 0.699) * (0.40 / 0.58))
    neutral, named, population = (among_classified(2, 1, pool) for pool in ("neutral", "named", "population"))
    assert start > population > named > neutral
    assert neutral == pytest.approx(38.57, abs=0.01) and population == pytest.approx(46.74, abs=0.01)


def test_with_shares_moves_named_countries_and_lets_the_rest_of_the_world_absorb_it(shares):
    changed = flows.with_shares(shares, "worker", {"BGD": 10, "IND": 22})
    workers = changed[changed["side"] == "worker"].set_index("iso3")["share"]
    assert workers["BGD"] == pytest.approx(0.10) and workers["IND"] == pytest.approx(0.22)
    assert workers["ROW"] == pytest.approx(1 - 0.10 - 0.22 - 0.12 - 0.06) and workers.sum() == pytest.approx(1)
    assert changed[changed["side"] == "buyer"]["share"].to_numpy() == pytest.approx(shares[shares["side"] == "buyer"]["share"].to_numpy())
    with pytest.raises(ValueError, match="more than 100"):
        flows.with_shares(shares, "worker", {"BGD": 90})
    with pytest.raises(ValueError, match="not a named worker"):
        flows.with_shares(shares, "worker", {"FRA": 5})


@pytest.fixture
def book_mode(monkeypatch):
    monkeypatch.setenv(charts.BOOK_ENV, "1")  # the world map is then served by URL


def test_flow_map_draws_only_the_top_cross_border_corridors_over_the_world_map(book_mode):
    chart = flows.flow_map(flows.flow_matrix(), geo.centroids(), n=5).to_dict()
    assert "Model:" in " ".join(chart["title"]["subtitle"]) and chart["description"]
    assert "buyer → worker" in chart["title"]["text"] and "from buyer to worker countries" in chart["description"]
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
    assert "buyer → worker" in chart["title"]["text"] and "from buyer to worker" in chart["description"]
    nodes = [layer for layer in chart["layer"] if layer["mark"]["type"] == "point"][0]
    assert len(chart["datasets"][nodes["data"]["name"]]) == table["buyer"].nunique() + table["worker"].nunique()


def test_weighting_the_buyers_pool_by_gdp_moves_the_north_to_south_share_little(shares):
    # Issue 24, item 18: the population-weighted buyers' pool (China about 23 %) is checked against
    # a GDP-weighted one; the share moves from 46.7 % to 48.0 %, not more.
    named = shares.query("side == 'buyer' and published")["iso3"].tolist()
    by_population, by_gdp = pool_weights(named, "population", "buyer"), pool_weights(named, "gdp", "buyer")
    assert by_population["CHN"] == pytest.approx(0.227, abs=0.001) and by_gdp.sum() == pytest.approx(1)
    assert by_gdp["JPN"] > by_population["JPN"] and by_gdp["BGD"] < by_population["BGD"]
    assert pool_weights(named, "gdp", "worker").equals(pool_weights(named, "population", "worker"))

    def among_classified(pool):
        return flows.north_to_south_share(flows.flow_matrix(shares, distance_decay=2, home_bias=1, pool=pool))["among_classified"]

    assert round(among_classified("population"), 1) == 46.7 and round(among_classified("gdp"), 1) == 48.0


def test_pairs_inside_a_weighted_pool_get_the_home_bias():
    members = pool_weights(["USA", "GBR", "IND", "AUS"])
    without, with_bias = (pool_kernel(members, members, distance_decay=2, home_bias=gamma) for gamma in (0, 1))
    assert with_bias - without == pytest.approx((np.e - 1) * float((members**2).sum()))


def page_cell_namespace(page: str, name: str) -> dict:
    """Run the open cell of a chapter page that defines ``name``, with NumPy, and return its names."""
    import jupytext

    path = Path(__file__).resolve().parents[2] / "chapters" / page
    cells = [cell for cell in jupytext.read(path).cells if cell.cell_type == "code" and f"def {name}(" in cell.source]
    assert len(cells) == 1 and not cell_tags(cells[0]), f"{page}: expected one open cell defining {name}"
    namespace = {"np": np}
    exec(cells[0].source, namespace)
    return namespace


def cell_tags(cell) -> list[str]:
    return cell.metadata.get("tags", [])


def test_the_page_s_kernel_is_the_library_s():
    page_kernel = page_cell_namespace("04-planetary-inequalities/flows-of-microwork.md", "gravity_kernel")["gravity_kernel"]
    distance = np.array([[0.0, 1_000.0, 8_000.0], [12_500.0, 0.0, 19_000.0]])
    same = np.array([[True, False, False], [False, True, False]])
    for beta, gamma in [(0.0, 0.0), (2.0, 1.0), (4.0, 2.0), (0.5, 0.0)]:
        assert page_kernel(distance, same, beta, gamma) == pytest.approx(gravity_kernel(distance, same, beta, gamma))


def test_flow_matrix_uses_the_kernel_it_is_given(shares):
    default = flows.flow_matrix(shares, distance_decay=2.0, home_bias=1.0)
    assert flows.flow_matrix(shares, distance_decay=2.0, home_bias=1.0, kernel=gravity_kernel)["flow"].to_numpy() == pytest.approx(
        default["flow"].to_numpy()
    )

    def no_home_bias(distance_km, same_country, distance_decay, home_bias):
        return gravity_kernel(distance_km, same_country, distance_decay, 0.0)

    other = flows.flow_matrix(shares, distance_decay=2.0, home_bias=1.0, kernel=no_home_bias)
    assert other["flow"].to_numpy() == pytest.approx(flows.flow_matrix(shares, distance_decay=2.0)["flow"].to_numpy())
    us_domestic = "buyer == 'USA' and worker == 'USA'"
    assert other.query(us_domestic)["flow"].sum() < default.query(us_domestic)["flow"].sum()
    with pytest.raises(ValueError, match="kernel must be finite"):
        flows.flow_matrix(shares, kernel=lambda d, s, b, g: -np.ones_like(d))


def test_node_link_legend_names_the_definition_in_words():
    spec = flows.node_link_chart(flows.flow_matrix(), countries.north_south("un_developed")).to_dict()
    headers = [header for table in data_tables(spec) for header in table["headers"]]
    assert "Group (UN definition)" in headers and not any("_" in header for header in headers)
