"""The schematic platform graph: built from data, laid out, drawn."""

import json

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import digital_labor as dl
from digital_labor import DataError, platform_sides
from digital_labor.data import dataset
from digital_labor.platform_sides import node_link_frames
from digital_labor.platform_sides.graph import FLOWS, flow_summary


def platform_sides_graph():
    """The book's schematic, from its two tables in data/."""
    return platform_sides.platform_sides_graph(dl.load("platform_sides_nodes"), dl.load("platform_sides_flows"))


def test_every_edge_has_an_allowed_flow_and_a_label():
    graph = platform_sides_graph()
    for *_, data in graph.edges(data=True):
        assert data["flow"] in FLOWS
        assert data["label"]
    assert all(role for _, role in graph.nodes(data="role"))


def test_platform_stands_between_users_and_advertisers():
    graph = platform_sides_graph()
    assert nx.has_path(graph, "users", "advertisers")
    assert nx.has_path(graph, "advertisers", "users")
    without_platform = graph.copy()
    without_platform.remove_node("platform")
    assert not nx.has_path(without_platform, "users", "advertisers")
    assert not nx.has_path(without_platform, "advertisers", "users")


def test_users_give_data_and_are_paid_on_an_edge_the_essay_describes():
    graph = platform_sides_graph()
    summary = flow_summary(graph).set_index(["node", "flow", "direction"])
    assert summary.loc[("users", "data", "gives"), "n_flows"] > 0
    paid = [data for _, target, data in graph.in_edges("users", data=True) if data["flow"] == "money"]
    assert len(paid) == summary.loc[("users", "money", "receives"), "n_flows"] >= 1
    assert all(data["basis"] == "essay" for data in paid)
    assert any("micro-payments" in data["label"] for data in paid)


def test_every_flow_says_whether_the_essay_describes_it_or_the_schematic_assumes_it():
    flows = dl.load("platform_sides_flows")
    assert set(flows["basis"]) == {"essay", "assumption"}
    assert (flows["basis_note"].str.len() > 10).all()
    graph = platform_sides_graph()
    assert sorted(data["basis"] for *_, data in graph.edges(data=True)) == sorted(flows["basis"])


def test_flow_summary_counts_every_edge_once_each_way():
    graph = platform_sides_graph()
    totals = flow_summary(graph).groupby("direction")["n_flows"].sum()
    assert totals["gives"] == totals["receives"] == graph.number_of_edges()


def test_frames_have_one_row_per_node_and_edge_and_are_deterministic():
    graph = platform_sides_graph()
    nodes, edges = node_link_frames(graph)
    assert len(nodes) == graph.number_of_nodes() and len(edges) == graph.number_of_edges()
    assert set(edges.columns) >= {"source", "target", "flow", "label", "x", "y", "x2", "y2"}
    platform = nodes.set_index("id").loc["platform"]
    assert (platform["x"], platform["y"]) == (0.0, 0.0)
    again_nodes, again_edges = node_link_frames(graph)
    pd.testing.assert_frame_equal(nodes, again_nodes)
    pd.testing.assert_frame_equal(edges, again_edges)


def test_parallel_edges_do_not_overlap():
    _, edges = node_link_frames(platform_sides_graph())
    edges["pair"] = [tuple(sorted(pair)) for pair in zip(edges["source"], edges["target"])]
    for _, group in edges.groupby("pair"):
        midpoints = np.column_stack([group["x"] + group["x2"], group["y"] + group["y2"]]) / 2
        midpoints = np.round(midpoints, 9)
        assert len(np.unique(midpoints, axis=0)) == len(group)


def test_without_lanes_edges_run_between_node_centres():
    nodes, edges = node_link_frames(platform_sides_graph(), lane_width=0.0)
    position = nodes.set_index("id")[["x", "y"]]
    sources = position.loc[edges["source"]].to_numpy()
    targets = position.loc[edges["target"]].to_numpy()
    np.testing.assert_allclose(edges[["x", "y"]].to_numpy(), sources)
    np.testing.assert_allclose(edges[["x2", "y2"]].to_numpy(), targets)


def test_arrowheads_point_from_source_to_target():
    edges = pd.DataFrame({"x": [0.0, 0.0], "y": [0.0, 0.0], "x2": [1.0, 0.0], "y2": [0.0, -1.0]})
    heads = platform_sides.charts._arrowheads(edges)
    assert list(heads["angle"]) == pytest.approx([90.0, 180.0])
    assert heads["ax"].iloc[0] == pytest.approx(0.62)


def test_network_chart_draws_every_node_and_flow():
    nodes, edges = platform_sides.node_link_frames(platform_sides_graph())
    chart = platform_sides.platform_network_chart(nodes, edges)
    spec = json.dumps(chart.to_dict())
    source_line = " ".join(chart.to_dict()["title"]["subtitle"])
    assert "schematic" in source_line and "not data" in source_line
    assert "simulation" not in source_line  # a description of the essay, not a simulation
    for name in ("platform_sides_nodes", "platform_sides_flows"):  # the tables it is drawn from
        assert dataset(name).title in source_line
    assumed = int((edges["basis"] == "assumption").sum())
    assert f"{len(nodes)} groups and {len(edges)} flows" in chart.to_dict()["description"]
    assert f"{assumed} of them assumed" in chart.to_dict()["description"]
    assert "http" not in spec.replace("https://vega.github.io", "")


def test_a_flow_to_an_unknown_group_is_refused_with_its_line():
    nodes, flows = dl.load("platform_sides_nodes"), dl.load("platform_sides_flows")
    broken = flows.copy()
    broken.loc[3, "target"] = "shareholders"
    with pytest.raises(DataError, match="line 5: 'shareholders' is not a node id"):
        platform_sides.platform_sides_graph(nodes, broken)


def test_a_reader_can_change_who_is_paid_and_the_counts_follow():
    nodes, flows = dl.load("platform_sides_nodes"), dl.load("platform_sides_flows")
    paid_users = (flows["target"] == "users") & (flows["flow"] == "money")
    unpaid = platform_sides.platform_sides_graph(nodes, flows[~paid_users])
    summary = flow_summary(unpaid).set_index(["node", "flow", "direction"])
    assert summary.loc[("users", "money", "receives"), "n_flows"] == 0
    extra = pd.DataFrame([{"source": "advertisers", "target": "users", "flow": "money", "label": "cash back"}])
    more = platform_sides.platform_sides_graph(nodes, pd.concat([flows, extra], ignore_index=True))
    summary = flow_summary(more).set_index(["node", "flow", "direction"])
    assert summary.loc[("users", "money", "receives"), "n_flows"] == int(paid_users.sum()) + 1
    added = [data for source, _, data in more.in_edges("users", data=True) if source == "advertisers"]
    assert added[0]["basis"] == "unstated"  # a reader's row without a basis says so
