"""Chart of a platform's sides: a node-link diagram of who gives what to whom.

The builder takes the frames of :func:`digital_labor.platform_sides.node_link_frames`.
"""

from __future__ import annotations

import math
import textwrap

import altair as alt
import pandas as pd

from ..charts import category_scales, describe

__all__ = ["platform_network_chart"]

_NETWORK_DATASETS = ("platform_sides_nodes", "platform_sides_flows")
_NETWORK_SOURCE = (
    "drawn from the essay's description of a platform's sides (Casilli 2016, after Benavent "
    "2016), with a few flows assumed to complete a ride-hailing example; a description, not data"
)
DASHES = [[1, 0], [8, 3], [2, 2], [8, 3, 2, 3], [4, 4]]


def _arrowheads(edges: pd.DataFrame, position: float = 0.62) -> pd.DataFrame:
    """A point on each edge, ``position`` of the way to its target, with the edge's heading.

    ``angle`` is in degrees clockwise from 'up', as vega-lite rotates point marks.
    """
    table = edges.copy()
    dx, dy = table["x2"] - table["x"], table["y2"] - table["y"]
    table["ax"] = table["x"] + position * dx
    table["ay"] = table["y"] + position * dy
    table["angle"] = [math.degrees(math.atan2(a, b)) % 360 for a, b in zip(dx, dy)]
    return table


def _flow_layers(edges: pd.DataFrame, domain: list[float]) -> alt.LayerChart:
    """The flows as lines with arrowheads, coloured and dashed by kind of flow."""
    flows = sorted(edges["flow"].unique())
    colours, _ = category_scales(flows)
    dashes = alt.Scale(domain=flows, range=DASHES[: len(flows)])
    tooltip = [
        alt.Tooltip("source:N", title="From"),
        alt.Tooltip("target:N", title="To"),
        alt.Tooltip("flow:N", title="Flow"),
        alt.Tooltip("label:N", title="What flows"),
        alt.Tooltip("basis:N", title="Basis (essay or assumption)"),
    ]
    links = (
        alt.Chart(edges)
        .mark_rule(strokeWidth=2.5)
        .encode(
            x=alt.X("x:Q", axis=None, scale=alt.Scale(domain=domain)),
            y=alt.Y("y:Q", axis=None, scale=alt.Scale(domain=domain)),
            x2="x2:Q",
            y2="y2:Q",
            color=alt.Color("flow:N", title="What flows", scale=colours),
            strokeDash=alt.StrokeDash("flow:N", title="What flows", scale=dashes),
            tooltip=tooltip,
        )
    )
    heads = (
        alt.Chart(_arrowheads(edges))
        .mark_point(shape="triangle-up", filled=True, size=110, opacity=1)
        .encode(
            x=alt.X("ax:Q", axis=None, scale=alt.Scale(domain=domain)),
            y=alt.Y("ay:Q", axis=None, scale=alt.Scale(domain=domain)),
            angle=alt.Angle("angle:Q", scale=None),
            color=alt.Color("flow:N", title="What flows", scale=colours),
            tooltip=tooltip,
        )
    )
    return links + heads


def _node_layers(nodes: pd.DataFrame, domain: list[float]) -> alt.LayerChart:
    """The groups as labelled circles."""
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=domain))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=domain))
    circles = (
        alt.Chart(nodes)
        .mark_circle(size=900, color="white", stroke="black", strokeWidth=1.5, opacity=1)
        .encode(x=x, y=y, tooltip=[alt.Tooltip("label:N", title="Side"), alt.Tooltip("role:N", title="Role")])
    )
    names = (
        alt.Chart(nodes.assign(name=[textwrap.wrap(label, 20) for label in nodes["label"]]))
        .mark_text(fontSize=12, fontWeight="bold", baseline="top", dy=20, lineHeight=14)
        .encode(x=x, y=y, text="name:N")
    )
    return circles + names


def _exchanges(nodes: pd.DataFrame, edges: pd.DataFrame) -> str:
    """'Users give data, attention; they receive service': each group's kinds of flow, in words."""
    sentences = []
    for node in nodes.itertuples(index=False):
        if node.role == "platform":
            continue
        gives = sorted(edges.loc[edges["source"] == node.id, "flow"].unique())
        receives = sorted(edges.loc[edges["target"] == node.id, "flow"].unique())
        sentences.append(f"{node.label} give {', '.join(gives) or 'nothing'} and receive {', '.join(receives) or 'nothing'}")
    return "; ".join(sentences)


def platform_network_chart(nodes: pd.DataFrame, edges: pd.DataFrame) -> alt.LayerChart:
    """Node-link chart of a platform's sides: each edge is a flow, coloured and dashed by kind."""
    reach = float(max(nodes["x"].abs().max(), nodes["y"].abs().max()))
    domain = [-1.45 * reach, 1.45 * reach]
    chart = (_flow_layers(edges, domain) + _node_layers(nodes, domain)).properties(width=600, height=600)
    assumed = int((edges["basis"] == "assumption").sum()) if "basis" in edges else 0
    return describe(
        chart,
        title="Around a platform: who gives what to whom (a schematic)",
        description=(
            f"Schematic network diagram of {len(nodes)} groups and {len(edges)} flows around a platform at the "
            f"centre, {assumed} of them assumed to complete the example rather than taken from the essay. " + _exchanges(nodes, edges) + "."
        ),
        datasets=_NETWORK_DATASETS,
        source=_NETWORK_SOURCE,
    )
