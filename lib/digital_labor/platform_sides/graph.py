"""The sides of a platform as a directed graph of flows, built from two tables in ``data/``.

A schematic description, not data: the book's map of a ride-hailing platform with a social,
ad-funded front end (datasets ``platform_sides_nodes`` and ``platform_sides_flows``), drawn
from the essay's description of a platform's sides. Nodes are the platform and the groups
around it; each directed edge is one flow of money, data, attention, labour or service from
one group to another, with its basis: a flow the essay describes, or an assumption the
schematic adds. Counting the edges restates what was drawn; it measures nothing. Change the
tables (add a group, stop paying the users) and the graph, its counts and its chart follow.
"""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd

from ..data import DataError

__all__ = ["FLOWS", "flow_summary", "node_link_frames", "platform_sides_graph"]

FLOWS = ("money", "data", "attention", "labour", "service")


def platform_sides_graph(nodes: pd.DataFrame, flows: pd.DataFrame) -> nx.MultiDiGraph:
    """The graph of a platform's sides from a node table and a flow table.

    ``nodes`` has ``id``, ``role`` and ``label`` (the centre has role ``platform``); ``flows``
    has ``source``, ``target``, ``flow`` (one of :data:`FLOWS`) and ``label``, and optionally
    ``basis`` (``essay`` or ``assumption``); a flow without one gets basis ``"unstated"``.
    Raises :class:`~digital_labor.DataError` naming the row of a flow whose end is not a node.
    """
    graph = nx.MultiDiGraph()
    for node in nodes.itertuples(index=False):
        graph.add_node(node.id, role=node.role, label=node.label)
    for row, flow in enumerate(flows.itertuples(index=False), start=2):
        unknown = [end for end in (flow.source, flow.target) if end not in graph]
        if unknown:
            raise DataError(f"Flow table, line {row}: '{unknown[0]}' is not a node id of the node table.")
        basis = getattr(flow, "basis", None)
        graph.add_edge(
            flow.source, flow.target, flow=flow.flow, label=flow.label, basis=basis if isinstance(basis, str) and basis else "unstated"
        )
    return graph


def _layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Platform nodes at the centre, the other nodes on a circle in node order."""
    centre = [node for node, role in graph.nodes(data="role") if role == "platform"]
    ring = [node for node in graph.nodes if node not in centre]
    positions = nx.shell_layout(graph, nlist=[centre, ring], rotate=0)
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}


def node_link_frames(graph: nx.MultiDiGraph, lane_width: float = 0.06) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Node and edge tables for an altair node-link chart.

    Deterministic shell layout (no randomness): the node with role
    ``"platform"`` at (0, 0), the others evenly spaced on a circle around it,
    in the graph's node order.
    Edges between the same pair of nodes (in either direction) are drawn as
    parallel lines ``lane_width`` apart so they do not overlap.

    Returns ``(nodes, edges)``. ``nodes`` columns: ``id``, ``role``,
    ``label``, ``x``, ``y``. ``edges`` columns: ``source``, ``target``,
    ``flow``, ``label``, ``basis``, ``x``, ``y``, ``x2``, ``y2``.
    """
    if lane_width < 0:
        raise ValueError("lane_width must be >= 0")
    positions = _layout(graph)
    nodes = pd.DataFrame(
        [
            {"id": node, "role": data["role"], "label": data["label"], "x": positions[node][0], "y": positions[node][1]}
            for node, data in graph.nodes(data=True)
        ]
    )
    edges = pd.DataFrame(
        [
            _edge_row(source, target, data, positions, offset)
            for (source, target, data), offset in zip(graph.edges(data=True), _lane_offsets(graph, lane_width))
        ]
    )
    return nodes, edges


def _lane_offsets(graph: nx.MultiDiGraph, lane_width: float) -> list[float]:
    """Signed sideways offset of each edge, centred within its node pair.

    Offsets are measured along the normal of the pair's canonical direction
    (from the alphabetically first node to the other), so edges in opposite
    directions get distinct lanes.
    """
    pair_edges: dict[tuple[str, str], list[int]] = {}
    for index, (source, target) in enumerate(graph.edges()):
        pair_edges.setdefault(tuple(sorted((source, target))), []).append(index)
    offsets = [0.0] * graph.number_of_edges()
    for indices in pair_edges.values():
        for lane, index in enumerate(indices):
            offsets[index] = lane_width * (lane - (len(indices) - 1) / 2)
    return offsets


def _edge_row(
    source: str,
    target: str,
    data: dict,
    positions: dict[str, tuple[float, float]],
    offset: float,
) -> dict[str, object]:
    """One edge's table row, shifted sideways by ``offset``."""
    first, second = sorted((source, target))
    (x1, y1), (x2, y2) = positions[first], positions[second]
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    shift_x, shift_y = -(y2 - y1) / length * offset, (x2 - x1) / length * offset
    (sx, sy), (tx, ty) = positions[source], positions[target]
    return {
        "source": source,
        "target": target,
        "flow": data["flow"],
        "label": data["label"],
        "basis": data.get("basis", "unstated"),
        "x": sx + shift_x,
        "y": sy + shift_y,
        "x2": tx + shift_x,
        "y2": ty + shift_y,
    }


def flow_summary(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """Count, per node and flow type, the flows it gives and receives.

    Long form with every combination present (zeros included). Columns:
    ``node``, ``role``, ``flow``, ``direction`` (``"gives"`` or
    ``"receives"``), ``n_flows``.
    """
    rows = []
    for node, role in graph.nodes(data="role"):
        for flow in FLOWS:
            gives = sum(data["flow"] == flow for *_, data in graph.out_edges(node, data=True))
            receives = sum(data["flow"] == flow for *_, data in graph.in_edges(node, data=True))
            rows.append({"node": node, "role": role, "flow": flow, "direction": "gives", "n_flows": gives})
            rows.append({"node": node, "role": role, "flow": flow, "direction": "receives", "n_flows": receives})
    return pd.DataFrame(rows)
