"""Charts of the flow model: a flow map of the largest corridors, and the flows as a network.

Builders take the long-form flows of :func:`digital_labor.flows.flow_matrix` and the frames they
need (country positions, North/South labels); none loads data of its own.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import charts
from .model import REST_OF_WORLD, flow_graph, strengths, top_corridors

__all__ = ["flow_map", "node_link_chart"]

GEOGRAPHY = ["online_labour_geography"]
_DEFINITION_NAMES = {"un_developed": "UN", "wb_high_income": "World Bank"}  # the North/South definitions, for a legend
# The book's convention: a flow runs buyer → worker, the way tasks are sent and pay travels.
_FLOW_MODEL = "doubly constrained gravity model of flows from buyer to worker countries (tasks and pay), fitted to published margins"


def _with_positions(table: pd.DataFrame, points: pd.DataFrame) -> pd.DataFrame:
    table = table.join(points.rename(columns={"lon": "buyer_lon", "lat": "buyer_lat"}), on="buyer")
    return table.join(points.rename(columns={"lon": "worker_lon", "lat": "worker_lat"}), on="worker")


def flow_map(flows: pd.DataFrame, positions: pd.DataFrame, *, n: int = 10, parameters: str = "β = 0, γ = 0") -> alt.LayerChart:
    """World map with arcs from buyer to worker countries for the ``n`` largest cross-border corridors.

    ``positions`` has one row per country: ``iso3``, ``lon`` and ``lat`` (e.g. :func:`digital_labor.geo.centroids`).
    """
    points = positions.set_index("iso3")[["lon", "lat"]]
    corridors = _with_positions(top_corridors(flows, n, domestic=False), points)
    nodes = strengths(flow_graph(flows))
    nodes = (
        nodes[nodes["iso3"] != REST_OF_WORLD]
        .assign(
            strength_pct=lambda t: 100 * (t["out_strength"] + t["in_strength"]),
            side_label=lambda t: t["side"].map({"buyer": "buyer country", "worker": "worker country"}),
        )
        .join(points, on="iso3")
    )
    colour, shape = charts.category_scales(["buyer country", "worker country"])
    # The basemap is decoration (aria=False): screen readers get the corridors and the description.
    land = alt.Chart(charts.world_geometry()).mark_geoshape(fill="#e8e8e8", stroke="white", strokeWidth=0.4, aria=False)
    arcs = (
        alt.Chart(corridors)
        .mark_rule(color=charts.PALETTE[3], opacity=0.7, strokeCap="round")
        .encode(
            longitude="buyer_lon:Q",
            latitude="buyer_lat:Q",
            longitude2="worker_lon:Q",
            latitude2="worker_lat:Q",
            strokeWidth=alt.StrokeWidth("flow_pct:Q", title="Corridor, % of all flow", scale=alt.Scale(range=[1, 10])),
            tooltip=[
                alt.Tooltip("corridor:N", title="Corridor"),
                alt.Tooltip("flow_pct:Q", title="% of all flow", format=".2f"),
                alt.Tooltip("distance_km:Q", title="Distance (km)", format=",.0f"),
            ],
        )
    )
    dots = (
        alt.Chart(nodes)
        .mark_point(filled=True, opacity=0.9, stroke="white", strokeWidth=0.5)
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            size=alt.Size("strength_pct:Q", title="% bought or received", scale=alt.Scale(range=[40, 900])),
            color=alt.Color("side_label:N", title="Node", scale=colour),
            shape=alt.Shape("side_label:N", title="Node", scale=shape),
            tooltip=[
                alt.Tooltip("name:N", title="Country"),
                alt.Tooltip("side_label:N", title="As"),
                alt.Tooltip("strength_pct:Q", title="% of all flow", format=".1f"),
            ],
        )
    )
    chart = alt.layer(land, arcs, dots).project(type="equalEarth").properties(width=660, height=340)
    return charts.describe(
        chart,
        title=f"Modelled flows of online work, buyer → worker: the {n} largest cross-border corridors ({parameters})",
        description=(
            "World map with straight arcs from buyer to worker countries (the direction in which tasks are sent and pay "
            "travels; the finished work goes the other way), width proportional to the modelled flow. "
            + "; ".join(f"{r.corridor}: {r.flow_pct:.1f} %" for r in corridors.itertuples())
            + ". Work bought and done in the same country, and the pooled rest of the world, cannot be drawn on the map."
        ),
        datasets=GEOGRAPHY,
        model=_FLOW_MODEL,
    )


def node_link_chart(flows: pd.DataFrame, groups: pd.Series, *, parameters: str = "β = 0, γ = 0") -> alt.LayerChart:
    """Bipartite node-link view: buyers on the left, workers on the right, every corridor drawn.

    ``groups`` labels countries 'North' or 'South' by ISO3 (e.g. :func:`digital_labor.countries.north_south`);
    its name says which definition, as the legend will.
    """
    labels, definition = groups, str(groups.name).removeprefix("north_south_")
    legend = f"Group ({_DEFINITION_NAMES.get(definition, definition)} definition)"
    nodes = strengths(flow_graph(flows))
    nodes["strength_pct"] = 100 * (nodes["out_strength"] + nodes["in_strength"])
    nodes["group"] = [labels.get(c) if labels.get(c) in ("North", "South") else "unclassified" for c in nodes["iso3"]]
    nodes["x"] = nodes["side"].map({"buyer": 0.0, "worker": 1.0})
    nodes = nodes.sort_values(["side", "strength_pct"], ascending=[True, False])
    nodes["y"] = nodes.groupby("side").cumcount().astype(float)
    nodes["label"] = nodes["name"] + " " + nodes["strength_pct"].map("{:.1f} %".format)
    position = nodes.set_index("node")[["x", "y"]]
    edges = flows[flows["flow"] > 0].assign(source="buyer:" + flows["buyer"], target="worker:" + flows["worker"])
    edges = edges.join(position, on="source").join(position.rename(columns={"x": "x2", "y": "y2"}), on="target")
    edges = edges.assign(flow_pct=100 * edges["flow"], corridor=edges["buyer_name"] + " → " + edges["worker_name"])
    groups = ["North", "South", "unclassified"]
    colour, shape = charts.category_scales(groups)
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=[-0.6, 1.6]))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(reverse=True, domain=[-0.8, nodes["y"].max() + 0.5]))
    links = (
        alt.Chart(edges)
        .mark_rule(color="#888", opacity=0.5)
        .encode(
            x=x,
            y=y,
            x2="x2:Q",
            y2="y2:Q",
            strokeWidth=alt.StrokeWidth("flow_pct:Q", title="Corridor, % of all flow", scale=alt.Scale(range=[0.3, 12])),
            tooltip=[alt.Tooltip("corridor:N", title="Corridor"), alt.Tooltip("flow_pct:Q", title="% of all flow", format=".2f")],
        )
    )
    dots = (
        alt.Chart(nodes)
        .mark_point(filled=True, size=220, opacity=1)
        .encode(
            x=x,
            y=y,
            color=alt.Color("group:N", title=legend, scale=colour),
            shape=alt.Shape("group:N", title=legend, scale=shape),
            tooltip=[
                alt.Tooltip("name:N", title="Country"),
                alt.Tooltip("side:N", title="As"),
                alt.Tooltip("strength_pct:Q", title="% of all flow", format=".1f"),
            ],
        )
    )
    text_left = alt.Chart(nodes[nodes["side"] == "buyer"]).mark_text(align="right", dx=-14, fontSize=11).encode(x=x, y=y, text="label:N")
    text_right = alt.Chart(nodes[nodes["side"] == "worker"]).mark_text(align="left", dx=14, fontSize=11).encode(x=x, y=y, text="label:N")
    heads = (
        alt.Chart(pd.DataFrame({"x": [0.0, 1.0], "y": [-0.7, -0.7], "t": ["Buyers (demand)", "Workers (supply)"]}))
        .mark_text(fontWeight="bold", fontSize=12)
        .encode(x=x, y=y, text="t:N")
    )
    chart = alt.layer(links, dots, text_left, text_right, heads).properties(width=560, height=300)
    top = top_corridors(flows, 3, known_only=False)
    return charts.describe(
        chart,
        title=f"The flow model as a network, buyer → worker ({parameters})",
        description=(
            "Node-link diagram: buyer countries on the left, worker countries on the right, each with its share of "
            "all flow; links run from buyer to worker (tasks and pay) and are as wide as the modelled flow. Largest corridors: "
            + "; ".join(f"{r.corridor} {r.flow_pct:.1f} %" for r in top.itertuples())
            + "."
        ),
        datasets=GEOGRAPHY,
        model=_FLOW_MODEL,
    )
