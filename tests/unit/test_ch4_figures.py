"""Chapter 4's chart builders: titles, sources, model labels, and light specifications."""

from __future__ import annotations

import json

import pytest

from digital_labor import charts, flows, oli
from digital_labor import visibility as v
from digital_labor.figures import ch4 as fig


@pytest.fixture(autouse=True)
def book_mode(monkeypatch):
    monkeypatch.setenv(charts.BOOK_ENV, "1")  # the world map is then served by URL


def spec(chart) -> dict:
    return chart.to_dict()


def test_flow_map_draws_only_the_top_cross_border_corridors_over_the_world_map():
    chart = spec(fig.flow_map(flows.flow_matrix(), n=5))
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
    chart = spec(fig.node_link_chart(table))
    assert "a simulation, not data" in " ".join(chart["title"]["subtitle"])
    nodes = [layer for layer in chart["layer"] if layer["mark"]["type"] == "point"][0]
    assert len(chart["datasets"][nodes["data"]["name"]]) == table["buyer"].nunique() + table["worker"].nunique()


def test_restore_reach_chart_has_a_cpm_slider_and_filters_by_it():
    chart = spec(fig.restore_reach_chart(v.restore_reach_grid(), monthly_pay_usd=10))
    params = chart.get("params", []) + [p for layer in chart["layer"] for p in layer.get("params", [])]
    assert params and params[0]["name"] == "cpm" and params[0]["bind"]["input"] == "range"
    filters = [t["filter"] for layer in chart["layer"] for t in layer.get("transform", []) if "filter" in t]
    assert any("cpm" in str(f) for f in filters)
    assert "Model:" in " ".join(chart["title"]["subtitle"])


@pytest.mark.parametrize(
    "build",
    [
        lambda: fig.shares_map(oli.published_shares("oli_supply_2017"), what="online workers", title="t", description="d"),
        lambda: fig.ranking_map(oli.ranking_north_south(), title="t", description="d"),
        lambda: fig.representation_chart(oli.representation_index({"workers": "oli_supply_2017"})),
        lambda: fig.north_south_chart(oli.north_south_summary({"workers": "oli_supply_2017"})),
        fig.organic_reach_chart,
        fig.share_price_chart,
        fig.rise_by_start_chart,
    ],
)
def test_data_charts_cite_their_datasets_and_describe_themselves(build):
    chart = spec(build())
    source_line = " ".join(chart["title"]["subtitle"])
    assert source_line.startswith("Source:") and "Model:" not in source_line
    assert chart["description"].strip()
