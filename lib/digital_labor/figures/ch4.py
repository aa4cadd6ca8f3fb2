"""Chart builders of chapter 4: maps of online labour, the flow map and network, visibility charts.

Every builder returns an altair chart that went through :func:`digital_labor.charts.describe`
(title, source line, text description).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import charts
from ..countries import north_south
from ..flows import REST_OF_WORLD, flow_graph, strengths, top_corridors
from ..geo import centroids
from ..visibility import ALL_PAGES, LARGE_PAGES, PAY_MODEL_ASSUMPTIONS, organic_reach, rise_by_start, share_prices

__all__ = [
    "flow_map",
    "node_link_chart",
    "north_south_chart",
    "organic_reach_chart",
    "ranking_map",
    "representation_chart",
    "restore_reach_chart",
    "rise_by_start_chart",
    "share_price_chart",
    "shares_map",
]

GEOGRAPHY = ["online_labour_geography"]
FLOW_MODEL = "doubly constrained gravity model of buyer → worker flows from published margins"
PAY_MODEL = "pay-per-be-viewed cost of buying back lost organic reach"
GROUP_ORDER = ["North", "South", "unclassified", "not reported"]
GROUP_COLOURS = [charts.PALETTE[0], charts.PALETTE[1], charts.PALETTE[7], charts.MISSING_COLOUR]


def shares_map(values: pd.DataFrame, *, what: str, title: str, description: str) -> alt.Chart:
    """Choropleth of published country shares (% of ``what``); unreported countries in grey."""
    return charts.choropleth(
        values, value="share_pct", value_title=f"% of {what}", title=title, description=description,
        datasets=GEOGRAPHY, value_format=".1f",
    )


def ranking_map(ranking: pd.DataFrame, *, title: str, description: str) -> alt.Chart:
    """Choropleth of a ranking (rank 1 darkest); countries outside the ranking in grey."""
    return charts.choropleth(
        ranking, value="rank", value_title="Rank (1 = most workers)", title=title, description=description,
        datasets=["online_labour_rankings"], value_format=".0f",
        scale=alt.Scale(scheme=charts.SEQUENTIAL_SCHEME, reverse=True),
    )


def representation_chart(index: pd.DataFrame, *, definition: str = "un_developed") -> alt.Chart:
    """Dot plot (log scale) of each country's share of buyers or workers over its population share."""
    labels = north_south(definition)
    table = index.assign(country=index["name"] + " (" + index["iso3"].map(labels) + ")")
    series = list(dict.fromkeys(table["series"]))
    colour, shape = charts.category_scales(series)
    points = alt.Chart(table).mark_point(filled=True, size=110).encode(
        x=alt.X("index:Q", title="Share of online labour ÷ share of world population (log scale)", scale=alt.Scale(type="log")),
        y=alt.Y("country:N", title=None, sort=alt.EncodingSortField("index", op="max", order="descending")),
        color=alt.Color("series:N", title="Side", scale=colour),
        shape=alt.Shape("series:N", title="Side", scale=shape),
        tooltip=[alt.Tooltip("country:N", title="Country"), alt.Tooltip("series:N", title="Side"),
                 alt.Tooltip("share_pct:Q", title="% of online labour", format=".1f"),
                 alt.Tooltip("population_pct:Q", title="% of world population", format=".2f"),
                 alt.Tooltip("index:Q", title="Index", format=".2f")],
    )
    parity = alt.Chart(pd.DataFrame({"x": [1.0]})).mark_rule(strokeDash=[4, 3], color="#555").encode(x="x:Q")
    chart = (parity + points).properties(width=520, height=40 * table["country"].nunique())
    return charts.describe(
        chart, title="Online labour over population: who is over-represented?",
        description=(
            "Dot plot, log scale: for each country named by the Online Labour Index, its share of buyers or of workers "
            "divided by its share of the world's population; the dashed line at 1 marks parity. "
            + "; ".join(f"{r.country}, {r.series}: {r.index:.1f}" for r in table.itertuples())
        ),
        datasets=GEOGRAPHY + ["countries"],
    )


def north_south_chart(summary: pd.DataFrame) -> alt.Chart:
    """Stacked bars: published shares by North, South, unclassified and not reported, per definition."""
    table = summary.assign(order=summary["group"].map({g: i for i, g in enumerate(GROUP_ORDER)}))
    base = alt.Chart(table)
    bars = base.mark_bar(stroke="white").encode(
        x=alt.X("share_pct:Q", title="% of the series (workers or vacancies)", stack="zero", scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("series:N", title=None),
        color=alt.Color("group:N", title="Group", scale=alt.Scale(domain=GROUP_ORDER, range=GROUP_COLOURS)),
        order=alt.Order("order:Q"),
        tooltip=["series:N", "definition:N", "group:N", alt.Tooltip("share_pct:Q", title="%", format=".1f")],
    )
    # Each segment also says its group in letters (N, S, u, n), so colour is not the only carrier.
    labels = base.transform_window(
        cumulative="sum(share_pct)", sort=[alt.SortField("order")], groupby=["series", "definition"]
    ).transform_filter("datum.share_pct >= 5").transform_calculate(
        mid="datum.cumulative - datum.share_pct / 2", short="substring(datum.group, 0, 1)"
    ).mark_text(color="black", fontSize=11).encode(x="mid:Q", y="series:N", text="short:N")
    chart = alt.layer(bars, labels).properties(width=460, height=90).facet(
        row=alt.Row("definition:N", title="North/South definition"),
    )
    return charts.describe(
        chart, title="Published shares by North and South, under two definitions",
        description=(
            "Stacked horizontal bars, one per series and definition, splitting the published shares into North (N), "
            "South (S) and the part the publications do not report. "
            + "; ".join(f"{r.series}, {r.definition}, {r.group}: {r.share_pct:.1f} %" for r in summary.itertuples())
        ),
        datasets=GEOGRAPHY + ["countries"],
    )


def _with_positions(table: pd.DataFrame) -> pd.DataFrame:
    points = centroids().set_index("iso3")[["lon", "lat"]]
    table = table.join(points.rename(columns={"lon": "buyer_lon", "lat": "buyer_lat"}), on="buyer")
    return table.join(points.rename(columns={"lon": "worker_lon", "lat": "worker_lat"}), on="worker")


def flow_map(flows: pd.DataFrame, *, n: int = 10, parameters: str = "β = 0, γ = 0") -> alt.LayerChart:
    """World map with arcs from buyer to worker countries for the ``n`` largest cross-border corridors."""
    corridors = _with_positions(top_corridors(flows, n, domestic=False))
    nodes = strengths(flow_graph(flows))
    nodes = nodes[nodes["iso3"] != REST_OF_WORLD].assign(
        strength_pct=lambda t: 100 * (t["out_strength"] + t["in_strength"]),
        side_label=lambda t: t["side"].map({"buyer": "buyer country", "worker": "worker country"}),
    ).join(centroids().set_index("iso3")[["lon", "lat"]], on="iso3")
    colour, shape = charts.category_scales(["buyer country", "worker country"])
    # The basemap is decoration (aria=False): screen readers get the corridors and the description.
    land = alt.Chart(charts.world_geometry()).mark_geoshape(fill="#e8e8e8", stroke="white", strokeWidth=0.4, aria=False)
    arcs = alt.Chart(corridors).mark_rule(color=charts.PALETTE[3], opacity=0.7, strokeCap="round").encode(
        longitude="buyer_lon:Q", latitude="buyer_lat:Q", longitude2="worker_lon:Q", latitude2="worker_lat:Q",
        strokeWidth=alt.StrokeWidth("flow_pct:Q", title="Corridor, % of all flow", scale=alt.Scale(range=[1, 10])),
        tooltip=[alt.Tooltip("corridor:N", title="Corridor"), alt.Tooltip("flow_pct:Q", title="% of all flow", format=".2f"),
                 alt.Tooltip("distance_km:Q", title="Distance (km)", format=",.0f")],
    )
    dots = alt.Chart(nodes).mark_point(filled=True, opacity=0.9, stroke="white", strokeWidth=0.5).encode(
        longitude="lon:Q", latitude="lat:Q",
        size=alt.Size("strength_pct:Q", title="% bought or received", scale=alt.Scale(range=[40, 900])),
        color=alt.Color("side_label:N", title="Node", scale=colour),
        shape=alt.Shape("side_label:N", title="Node", scale=shape),
        tooltip=[alt.Tooltip("name:N", title="Country"), alt.Tooltip("side_label:N", title="As"),
                 alt.Tooltip("strength_pct:Q", title="% of all flow", format=".1f")],
    )
    chart = alt.layer(land, arcs, dots).project(type="equalEarth").properties(width=660, height=340)
    return charts.describe(
        chart, title=f"Modelled flows of online work: the {n} largest cross-border corridors ({parameters})",
        description=(
            "World map with straight arcs from buyer to worker countries, width proportional to the modelled flow. "
            + "; ".join(f"{r.corridor}: {r.flow_pct:.1f} %" for r in corridors.itertuples())
            + ". Work bought and done in the same country, and the pooled rest of the world, cannot be drawn on the map."
        ),
        datasets=GEOGRAPHY, model=FLOW_MODEL,
    )


def node_link_chart(flows: pd.DataFrame, *, definition: str = "un_developed", parameters: str = "β = 0, γ = 0") -> alt.LayerChart:
    """Bipartite node-link view: buyers on the left, workers on the right, every corridor drawn."""
    labels = north_south(definition)
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
    links = alt.Chart(edges).mark_rule(color="#888", opacity=0.5).encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q",
        strokeWidth=alt.StrokeWidth("flow_pct:Q", title="Corridor, % of all flow", scale=alt.Scale(range=[0.3, 12])),
        tooltip=[alt.Tooltip("corridor:N", title="Corridor"), alt.Tooltip("flow_pct:Q", title="% of all flow", format=".2f")],
    )
    dots = alt.Chart(nodes).mark_point(filled=True, size=220, opacity=1).encode(
        x=x, y=y, color=alt.Color("group:N", title=f"Group ({definition})", scale=colour),
        shape=alt.Shape("group:N", title=f"Group ({definition})", scale=shape),
        tooltip=[alt.Tooltip("name:N", title="Country"), alt.Tooltip("side:N", title="As"),
                 alt.Tooltip("strength_pct:Q", title="% of all flow", format=".1f")],
    )
    text_left = alt.Chart(nodes[nodes["side"] == "buyer"]).mark_text(align="right", dx=-14, fontSize=11).encode(x=x, y=y, text="label:N")
    text_right = alt.Chart(nodes[nodes["side"] == "worker"]).mark_text(align="left", dx=14, fontSize=11).encode(x=x, y=y, text="label:N")
    heads = alt.Chart(pd.DataFrame({"x": [0.0, 1.0], "y": [-0.7, -0.7], "t": ["Buyers (demand)", "Workers (supply)"]})).mark_text(
        fontWeight="bold", fontSize=12).encode(x=x, y=y, text="t:N")
    chart = alt.layer(links, dots, text_left, text_right, heads).properties(width=560, height=300)
    top = top_corridors(flows, 3, known_only=False)
    return charts.describe(
        chart, title=f"The flow model as a network: buyers → workers ({parameters})",
        description=(
            "Node-link diagram: buyer countries on the left, worker countries on the right, each with its share of "
            "all flow; links are as wide as the modelled flow. Largest corridors: "
            + "; ".join(f"{r.corridor} {r.flow_pct:.1f} %" for r in top.itertuples()) + "."
        ),
        datasets=GEOGRAPHY, model=FLOW_MODEL,
    )


def organic_reach_chart() -> alt.Chart:
    """Organic reach by month for all sampled pages and for pages with more than 500,000 likes."""
    table = organic_reach()
    colour, shape = charts.category_scales([ALL_PAGES, LARGE_PAGES])
    base = alt.Chart(table).encode(
        x=alt.X("yearmonth(month):T", title="Month", axis=alt.Axis(format="%b %Y", tickCount=5)),
        y=alt.Y("organic_reach_pct:Q", title="Organic reach (% of fans who see a post)", scale=alt.Scale(domain=[0, 14])),
        color=alt.Color("page_group:N", title="Pages", scale=colour),
    )
    chart = base.mark_line() + base.mark_point(filled=True, size=80).encode(
        shape=alt.Shape("page_group:N", title="Pages", scale=shape),
        tooltip=[alt.Tooltip("yearmonth(month):T", title="Month", format="%b %Y"), alt.Tooltip("page_group:N", title="Pages"),
                 alt.Tooltip("organic_reach_pct:Q", title="Organic reach (%)", format=".2f"), alt.Tooltip("confidence:N", title="Confidence")],
    )
    return charts.describe(
        chart.properties(width=520, height=280), title="Facebook's organic reach, October 2013 to February 2014",
        description="Line chart of organic reach by month. " + "; ".join(
            f"{r.page_group}, {r.month:%b %Y}: {r.organic_reach_pct:.2f} %" for r in table.itertuples()),
        datasets=["facebook_organic_reach"],
    )


def restore_reach_chart(grid: pd.DataFrame, *, monthly_pay_usd: float, default_cpm: float = 5.0) -> alt.LayerChart:
    """Monthly cost of buying back lost reach against fans, with a CPM slider and a pay reference line."""
    cpm = alt.param(name="cpm", value=default_cpm,
                    bind=alt.binding_range(min=float(grid["cpm_usd"].min()), max=float(grid["cpm_usd"].max()), step=0.5,
                                           name="Price of 1,000 impressions, CPM (US$): "))
    colour, shape = charts.category_scales([ALL_PAGES, LARGE_PAGES])
    x = alt.X("fans:Q", title="Fans of the page (log scale)", scale=alt.Scale(type="log"), axis=alt.Axis(format="~s"))
    y = alt.Y("monthly_cost_usd:Q", title="Monthly cost to restore reach (US$, log scale)", scale=alt.Scale(type="log", domain=[0.1, 1e6]))
    base = alt.Chart(grid).transform_filter("abs(datum.cpm_usd - cpm) < 0.01").encode(
        x=x, y=y, color=alt.Color("page_group:N", title="Reach lost by", scale=colour))
    lines = base.mark_line().add_params(cpm)
    dots = base.mark_point(filled=True, size=40).encode(
        shape=alt.Shape("page_group:N", title="Reach lost by", scale=shape),
        tooltip=[alt.Tooltip("page_group:N", title="Pages"), alt.Tooltip("fans:Q", title="Fans", format=",.0f"),
                 alt.Tooltip("cpm_usd:Q", title="CPM (US$)", format=".2f"), alt.Tooltip("monthly_cost_usd:Q", title="US$ a month", format=",.2f")])
    pay = alt.Chart(pd.DataFrame({"pay": [monthly_pay_usd], "label": [f"a click worker's monthly pay (US$ {monthly_pay_usd:.0f})"]}))
    rule = pay.mark_rule(strokeDash=[5, 4], color="black").encode(y="pay:Q")
    text = pay.mark_text(align="left", dx=4, dy=-6, fontSize=11).encode(y="pay:Q", x=alt.datum(1000), text="label:N")
    chart = alt.layer(lines, dots, rule, text).properties(width=520, height=320)
    return charts.describe(
        chart, title="What would a page pay to be seen again? (a model)",
        description=(
            "Line chart, log-log: the monthly cost of buying, as paid impressions, the views a page lost when organic reach "
            "fell from October 2013 to February 2014, against its number of fans, for the average page and for pages over "
            f"500,000 likes; a slider sets the price of 1,000 impressions (default US$ {default_cpm:.0f}); a dashed line "
            f"marks a click-farm worker's monthly pay. {PAY_MODEL_ASSUMPTIONS}"
        ),
        datasets=["facebook_organic_reach", "click_farms"], model=PAY_MODEL,
    )


def share_price_chart(window: tuple[str, str] = ("2013-10-01", "2014-02-28")) -> alt.LayerChart:
    """Facebook's monthly closes, with the essay's window shaded."""
    prices = share_prices().rename("close_usd").reset_index()
    shade = alt.Chart(pd.DataFrame({"start": [pd.Timestamp(window[0])], "end": [pd.Timestamp(window[1])]})).mark_rect(
        color=charts.PALETTE[1], opacity=0.2).encode(x="start:T", x2="end:T")
    line = alt.Chart(prices).mark_line(color=charts.PALETTE[0]).encode(
        x=alt.X("date:T", title="Date"), y=alt.Y("close_usd:Q", title="Closing price (US$ per share)"))
    points = line.mark_point(filled=True, color=charts.PALETTE[0], size=30).encode(
        tooltip=[alt.Tooltip("date:T", title="Day", format="%d %b %Y"), alt.Tooltip("close_usd:Q", title="Close (US$)", format=".2f")])
    first, last = prices.iloc[0], prices.iloc[-1]
    chart = alt.layer(shade, line, points).properties(width=560, height=280)
    return charts.describe(
        chart, title="Facebook's share price, 2012-2014, with the essay's window shaded",
        description=(
            f"Line chart of monthly closing prices from {first.date:%d %B %Y} (US$ {first.close_usd:.2f}) to "
            f"{last.date:%d %B %Y} (US$ {last.close_usd:.2f}); the shaded band marks {window[0]} to {window[1]}."
        ),
        datasets=["facebook_share_price"],
    )


def rise_by_start_chart(end: str = "2014-02-28", claimed_pct: float = 140.0) -> alt.LayerChart:
    """The rise to ``end`` from each earlier close, against the essay's claimed rise."""
    table = rise_by_start(end)
    base = alt.Chart(table).encode(
        x=alt.X("start:T", title="Start of the window (the window ends on " + end + ")", axis=alt.Axis(format="%b %Y", tickCount=8)),
        y=alt.Y("change_pct:Q", title="Change of the share price to the end (%)"),
        tooltip=[alt.Tooltip("start:T", title="From", format="%d %b %Y"), alt.Tooltip("change_pct:Q", title="Change (%)", format=".1f")],
    )
    bars = base.mark_rule(color=charts.PALETTE[0], strokeWidth=2).encode(y2=alt.datum(0)) + base.mark_point(filled=True, size=50, color=charts.PALETTE[0])
    claim = alt.Chart(pd.DataFrame({"y": [claimed_pct], "label": [f"the essay's +{claimed_pct:.0f} %"]}))
    rule = claim.mark_rule(strokeDash=[5, 4], color=charts.PALETTE[3]).encode(y="y:Q")
    text = claim.mark_text(align="left", dx=4, dy=-8, color=charts.PALETTE[3]).encode(y="y:Q", x=alt.datum(alt.DateTime(year=table["start"].min().year, month=table["start"].min().month, date=1)), text="label:N")
    chart = alt.layer(bars, rule, text).properties(width=560, height=260)
    return charts.describe(
        chart, title="How much did the share price rise? It depends on where the window starts",
        description=(
            f"Bar chart: percentage change of Facebook's close from each earlier month end to {end}; a dashed line marks "
            f"the essay's +{claimed_pct:.0f} %. Largest: {table['change_pct'].max():.0f} % from "
            f"{table.loc[table['change_pct'].idxmax(), 'start']:%B %Y}; from 1 October 2013: "
            f"{table.loc[table['start'] == pd.Timestamp('2013-10-01'), 'change_pct'].iloc[0]:.1f} %."
        ),
        datasets=["facebook_share_price"],
    )

