"""Charts of chapter 1: automation forecasts, the boundary of the firm, who pays on a platform.

Each builder takes tidy frames (from ``digital_labor.load`` or a model) and returns a described
altair chart. Interactive charts bind a slider to a parameter and filter a small precomputed
long-form grid, so they work in the static page without a kernel.
"""

from __future__ import annotations

import math
import re
import textwrap

import altair as alt
import numpy as np
import pandas as pd
from scipy import stats

from ..charts import MISSING_COLOUR, PALETTE, category_scales, describe
from ..models import firm_boundary as fb
from ..models.automation import OCCUPATION_BASED, TASK_BASED

__all__ = [
    "AUTOMATION_MODEL",
    "FIRM_MODEL",
    "NETWORK_MODEL",
    "TWO_SIDED_MODEL",
    "RISK_BANDS",
    "boundary_grid",
    "estimates_chart",
    "firm_boundary_chart",
    "forecast_bands",
    "platform_network_chart",
    "price_heatmap",
    "prices_by_externality_chart",
    "prophecies_timeline",
    "risk_model_chart",
    "timeline_table",
]

AUTOMATION_MODEL = "synthetic economy of occupations made of tasks"
FIRM_MODEL = "transaction-cost make-or-buy model (Williamson's heuristic)"
TWO_SIDED_MODEL = "two-sided monopoly platform (Armstrong 2006)"
NETWORK_MODEL = "schematic flows around a ride-hailing and ad-funded platform"
RISK_BANDS = ("high risk (above 0.7)", "significant change (0.5 to 0.7)")
_KINDS = ["prophecy", "theoretical argument", "quantitative estimate", "counter-argument"]
_METHODS = [OCCUPATION_BASED, TASK_BASED]


def _near(field: str, param: alt.Parameter) -> str:
    """Vega expression: a float field equals the slider value (up to rounding)."""
    return f"abs(datum.{field} - {param.name}) < 1e-6"


# --- Notebook 1: forecasts ------------------------------------------------------------------


def timeline_table(prophecies: pd.DataFrame, forecasts: pd.DataFrame) -> pd.DataFrame:
    """One row per dated forecast: the prophecies, plus task-based estimates not already there.

    Columns: ``year``, ``label`` ("Author (year)"), ``author``, ``work``, ``claim_kind``,
    ``prediction``. Estimates come from ``automation_forecasts`` (high-risk rows only, one per
    study) and are described by their headline share.
    """
    rows = prophecies[["year", "author", "work", "claim_kind", "prediction", "bibkey"]].copy()
    extra = forecasts[~forecasts["bibkey"].isin(rows["bibkey"])]
    extra = extra[extra["risk_definition"].str.contains("> 0.7")].drop_duplicates("bibkey")
    extra = pd.DataFrame(
        {
            "year": extra["year"],
            "author": extra["study"],
            "work": extra["source"],
            "claim_kind": "quantitative estimate",
            "prediction": [
                f"{share:.0f} % of jobs at high risk ({method}, {scope})."
                for share, method, scope in zip(extra["share_of_jobs_pct"], extra["method"], extra["scope"])
            ],
            "bibkey": extra["bibkey"],
        }
    )
    table = pd.concat([rows, extra], ignore_index=True).sort_values(["year", "author"], kind="stable")
    table["label"] = [f"{_short_authors(author)} ({year})" for author, year in zip(table["author"], table["year"])]
    return table.drop(columns="bibkey").reset_index(drop=True)[
        ["year", "label", "author", "work", "claim_kind", "prediction"]
    ]


def _short_authors(authors: str) -> str:
    """'Frey & Osborne', 'Arntz et al.', 'Ure'; an institution is abbreviated by its initials."""
    if authors.startswith("International"):
        return "".join(word[0] for word in authors.split() if word[0].isupper())
    surnames = [name.split()[-1] for name in re.split(" and | & |, ", authors)]
    if len(surnames) > 2:
        return f"{surnames[0]} et al."
    return " & ".join(surnames)


def prophecies_timeline(table: pd.DataFrame) -> alt.Chart:
    """Dot timeline: one row per forecast, placed by year, coloured and shaped by kind of claim."""
    colours, shapes = category_scales(_KINDS)
    order = table.sort_values("year")["label"].tolist()
    base = alt.Chart(table).encode(
        x=alt.X("year:Q", title="Year of publication", scale=alt.Scale(domain=[1790, 2030]),
                axis=alt.Axis(format="d", tickCount=12)),
        y=alt.Y("label:N", title=None, sort=order, axis=alt.Axis(grid=True)),
    )
    points = base.mark_point(size=160, filled=True, opacity=1).encode(
        color=alt.Color("claim_kind:N", title="Kind of claim", scale=colours),
        shape=alt.Shape("claim_kind:N", title="Kind of claim", scale=shapes),
        tooltip=[
            alt.Tooltip("author:N", title="Author"),
            alt.Tooltip("year:Q", title="Year", format="d"),
            alt.Tooltip("work:N", title="Work"),
            alt.Tooltip("prediction:N", title="What it said"),
        ],
    )
    chart = points.properties(width=560, height=28 * len(table))
    return describe(
        chart,
        title="Two centuries of forecasts that machines will replace workers",
        description=(
            f"Dot timeline of {len(table)} dated forecasts and replies, from "
            f"{table['label'].iloc[0]} to {table['label'].iloc[-1]}: prophecies of the nineteenth "
            "century, then a cluster of quantitative estimates and counter-arguments after 2013."
        ),
        datasets=["automation_prophecies", "automation_forecasts"],
    )


def forecast_bands(forecasts: pd.DataFrame) -> pd.DataFrame:
    """The published estimates with a readable study label and risk band.

    Adds ``label`` ("Study (year): method, scope") and ``risk_band`` (one of ``RISK_BANDS``:
    rows whose definition covers probabilities of 0.5 to 0.7 are 'significant change').
    """
    table = forecasts.copy()
    table["label"] = (
        table["study"] + " (" + table["year"].astype(str) + "): " + table["method"] + ", " + table["scope"]
    )
    medium = table["risk_definition"].str.contains("0.5-0.7", regex=False)
    table["risk_band"] = np.where(medium, RISK_BANDS[1], RISK_BANDS[0])
    return table


def estimates_chart(bands: pd.DataFrame) -> alt.Chart:
    """Stacked horizontal bars: share of jobs at high risk (and at risk of change) per study."""
    colours = alt.Scale(domain=list(RISK_BANDS), range=[PALETTE[3], PALETTE[4]])
    order = bands.sort_values("year")["label"].drop_duplicates().tolist()
    band_order = f"indexof({list(RISK_BANDS)!r}, datum.risk_band)"
    base = alt.Chart(bands).transform_calculate(band_order=band_order).encode(
        y=alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=420)),
        x=alt.X("share_of_jobs_pct:Q", title="Share of jobs (%)", stack="zero",
                scale=alt.Scale(domain=[0, 60])),
        order=alt.Order("band_order:Q"),
    )
    legend = alt.Legend(orient="bottom", labelLimit=320)
    # A dashed outline marks the second band, so that colour is not its only mark.
    dashes = alt.Scale(domain=list(RISK_BANDS), range=[[1, 0], [5, 3]])
    bars = base.mark_bar(height=26, stroke="black", strokeWidth=1).encode(
        color=alt.Color("risk_band:N", title="Risk band", scale=colours, legend=legend),
        strokeDash=alt.StrokeDash("risk_band:N", title="Risk band", scale=dashes, legend=legend),
        tooltip=[
            alt.Tooltip("study:N", title="Study"),
            alt.Tooltip("year:Q", title="Year", format="d"),
            alt.Tooltip("scope:N", title="Coverage"),
            alt.Tooltip("risk_definition:N", title="Definition"),
            alt.Tooltip("share_of_jobs_pct:Q", title="Share of jobs (%)"),
        ],
    )
    labels = base.mark_text(align="right", dx=-6, color="black", fontWeight="bold").encode(
        text=alt.Text("share_of_jobs_pct:Q", format=".0f"),
        x=alt.X("share_of_jobs_pct:Q", stack="zero"),
    )
    chart = (bars + labels).properties(width=560, height=150)
    return describe(
        chart,
        title="Jobs at high risk of automation: one occupation-based and two task-based estimates",
        description="Horizontal stacked bars, one per study: " + "; ".join(
            f"{row.study} ({row.year}), {row.method}, {row.scope}: {row.share_of_jobs_pct:.0f} per cent, {row.risk_band}"
            for row in bands.sort_values(["year", "risk_band"]).itertuples()
        ) + ".",
        datasets=["automation_forecasts"],
    )


def risk_model_chart(risk: pd.DataFrame, distribution: pd.DataFrame, threshold: float) -> alt.HConcatChart:
    """Slider on heterogeneity: high-risk shares by method, and the distribution of scores.

    ``risk`` comes from ``risk_by_heterogeneity`` and ``distribution`` from
    ``score_distribution``, on the same grid of heterogeneities.
    """
    values = sorted(risk["heterogeneity"].unique())
    step = round(values[1] - values[0], 6) if len(values) > 1 else 1.0
    h = alt.param(
        name="heterogeneity",
        value=0.5 if 0.5 in values else values[0],
        bind=alt.binding_range(min=values[0], max=values[-1], step=step,
                               name="Within-occupation heterogeneity h: "),
    )
    colours, shapes = category_scales(_METHODS)
    colour = alt.Color("method:N", title="Method", scale=colours, legend=alt.Legend(orient="bottom"))
    share = alt.Y("share_at_high_risk_pct:Q", title="Employment at high risk (%)",
                  scale=alt.Scale(domain=[0, 60]))
    x_h = alt.X("heterogeneity:Q", title="Share of time on a personal task mix (h)")
    lines = alt.Chart(risk).mark_line().encode(x=x_h, y=share, color=colour)
    marks = alt.Chart(risk).mark_point(filled=True, size=30).encode(x=x_h, y=share, color=colour,
                                                                     shape=alt.Shape("method:N", scale=shapes, title="Method"))
    current = alt.Chart(risk).transform_filter(_near("heterogeneity", h))
    rule = current.mark_rule(color="#555555", strokeDash=[4, 3]).encode(x=x_h)
    dots = current.mark_point(filled=True, size=140, opacity=1).encode(
        x=x_h, y=share, color=colour, shape=alt.Shape("method:N", scale=shapes, title="Method"),
        tooltip=[alt.Tooltip("method:N", title="Method"),
                 alt.Tooltip("heterogeneity:Q", title="h", format=".2f"),
                 alt.Tooltip("share_at_high_risk_pct:Q", title="At high risk (%)", format=".1f")],
    )
    text = current.mark_text(align="left", dx=10, fontWeight="bold").encode(
        x=x_h, y=share, color=colour, text=alt.Text("share_at_high_risk_pct:Q", format=".1f"),
    )
    left = (lines + marks + rule + dots + text).properties(
        width=330, height=280, title="Share at high risk, by method")

    shown = distribution[distribution["method"] == TASK_BASED]
    reference = distribution[(distribution["method"] == OCCUPATION_BASED)
                             & (distribution["heterogeneity"] == distribution["heterogeneity"].min())]
    x_score = alt.X("bin_start:Q", title="Automation score", bin="binned", scale=alt.Scale(domain=[0, 1]))
    bars = alt.Chart(shown).transform_filter(_near("heterogeneity", h)).mark_bar(
        color=colours.range[1], opacity=0.8).encode(
        x=x_score, x2="bin_end:Q", y=alt.Y("employment_pct:Q", title="Employment (%)"),
        tooltip=[alt.Tooltip("bin_start:Q", title="Score from", format=".2f"),
                 alt.Tooltip("bin_end:Q", title="to", format=".2f"),
                 alt.Tooltip("employment_pct:Q", title="Workers' own score (%)", format=".1f")],
    )
    steps = alt.Chart(reference).transform_calculate(centre="(datum.bin_start + datum.bin_end) / 2").mark_line(
        interpolate="step", color=colours.range[0], strokeWidth=2, point=alt.OverlayMarkDef(
            shape=shapes.range[0], filled=True, size=25, color=colours.range[0])).encode(
        x=alt.X("centre:Q"), y="employment_pct:Q",
        tooltip=[alt.Tooltip("centre:Q", title="Score (bin centre)", format=".3f"),
                 alt.Tooltip("employment_pct:Q", title="Occupation score (%)", format=".1f")],
    )
    cut = alt.Chart(pd.DataFrame({"threshold": [threshold]})).mark_rule(
        color="black", strokeDash=[6, 3]).encode(x="threshold:Q")
    cut_label = alt.Chart(pd.DataFrame({"threshold": [threshold], "text": [f"threshold {threshold:g}"]})).mark_text(
        align="left", dx=4, dy=-4, baseline="bottom").encode(x="threshold:Q", y=alt.value(0), text="text:N")
    right = (bars + steps + cut + cut_label).properties(
        width=330, height=280,
        title="Scores: bars = workers' own (task-based); line = occupation's")
    chart = alt.hconcat(left, right).add_params(h)
    return describe(
        chart,
        title="Why task-based estimates are lower: workers in one occupation do different tasks",
        description=(
            "Two panels with a slider for the heterogeneity h. Left: the share of employment above "
            "the high-risk threshold, constant under the occupation-based method and falling with h "
            "under the task-based one. Right: the distribution of workers' own automation scores, "
            "which moves towards the middle of the scale as h grows, against the U-shaped "
            "distribution of occupation scores."
        ),
        model=AUTOMATION_MODEL,
    )


# --- Notebook 2: the boundary of the firm ---------------------------------------------------


def boundary_grid(
    costs: fb.GovernanceCosts,
    specificity: fb.SpecificityDistribution,
    search_cost_cuts_pct: list[int] | np.ndarray,
    n_points: int = 11,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Precomputed frames for the interactive make-or-buy chart, one slice per platform cut.

    Returns ``(curves, density, shares)``:

    * ``curves``: ``search_cost_cut_pct``, ``asset_specificity``, ``governance``, ``cost``
      (``n_points`` values of k per curve);
    * ``density``: ``asset_specificity`` and ``density`` (the Beta pdf of the firm's
      transactions; the chart splits it at the boundary of the selected cut);
    * ``shares``: the output of ``in_house_share_by_platform_cut``, cuts in whole percent.
    """
    cuts = [int(cut) for cut in search_cost_cuts_pct]
    curves = pd.concat(
        [fb.cost_curves(fb.with_platform(costs, cut / 100), n_points).assign(search_cost_cut_pct=cut)
         for cut in cuts],
        ignore_index=True,
    )[["search_cost_cut_pct", "asset_specificity", "governance", "cost"]]
    k = np.linspace(0.0, 1.0, 201)
    density = pd.DataFrame({"asset_specificity": k, "density": stats.beta.pdf(k, specificity.a, specificity.b)})
    shares = fb.in_house_share_by_platform_cut(costs, specificity, [cut / 100 for cut in cuts])
    shares["search_cost_cut_pct"] = shares["search_cost_cut_pct"].round().astype(int)
    return curves, density, shares


def firm_boundary_chart(curves: pd.DataFrame, density: pd.DataFrame, shares: pd.DataFrame) -> alt.HConcatChart:
    """Slider on the platform's cut in search costs: cost curves, boundary, and the in-house share."""
    cuts = sorted(curves["search_cost_cut_pct"].unique())
    cut = alt.param(
        name="search_cut",
        value=int(cuts[0]),
        bind=alt.binding_range(min=int(cuts[0]), max=int(cuts[-1]), step=int(cuts[1] - cuts[0]),
                               name="Platform cuts the market's search cost by (%): "),
    )
    where = f"datum.search_cost_cut_pct == {cut.name}"
    governance = ["market", "hierarchy"]
    colours, shapes = category_scales(governance)
    k_axis = alt.X("asset_specificity:Q", title="Asset specificity k (0 = standard, 1 = tied to one partner)",
                   scale=alt.Scale(domain=[0, 1]))
    cost_lines = alt.Chart(curves).transform_filter(where).mark_line(
        strokeWidth=3, point=alt.OverlayMarkDef(filled=True, size=30)).encode(
        x=k_axis, y=alt.Y("cost:Q", title="Governance cost (cost units)", scale=alt.Scale(domain=[0, 5])),
        color=alt.Color("governance:N", title="Governance", scale=colours),
        shape=alt.Shape("governance:N", title="Governance", scale=shapes),
        strokeDash=alt.StrokeDash("governance:N", title="Governance",
                                  scale=alt.Scale(domain=governance, range=[[1, 0], [6, 3]])),
        tooltip=[alt.Tooltip("governance:N", title="Governance"),
                 alt.Tooltip("asset_specificity:Q", title="k", format=".2f"),
                 alt.Tooltip("cost:Q", title="Cost", format=".2f")],
    )
    current = alt.Chart(shares).transform_filter(where)
    boundary_rule = current.mark_rule(color="black", strokeDash=[2, 2]).encode(
        x=alt.X("boundary_specificity:Q"),
        tooltip=[alt.Tooltip("boundary_specificity:Q", title="Boundary k*", format=".3f")])
    boundary_text = current.mark_text(align="left", dx=4, baseline="top", y=4).encode(
        x="boundary_specificity:Q", text=alt.Text("boundary_specificity:Q", format=".2f"))
    top = (cost_lines + boundary_rule + boundary_text).properties(
        width=300, height=220, title="Cost of each governance mode; dotted line = boundary k*")

    modes = ["bought on the market", "made in house"]
    area_colours = alt.Scale(domain=modes, range=[PALETTE[4], PALETTE[1]])
    area = alt.Chart(density).transform_calculate(search_cost_cut_pct=cut.name).transform_lookup(
        lookup="search_cost_cut_pct",
        from_=alt.LookupData(shares, "search_cost_cut_pct", ["boundary_specificity"]),
    ).transform_calculate(
        mode="datum.asset_specificity >= datum.boundary_specificity ? 'made in house' : 'bought on the market'"
    ).mark_area(opacity=0.8).encode(
        x=k_axis, y=alt.Y("density:Q", title="Density of transactions"),
        color=alt.Color("mode:N", title="Transactions", scale=area_colours),
        tooltip=[alt.Tooltip("mode:N", title="Transactions")],
    )
    # The two areas are also named in words, so colour is not the only thing that tells them apart.
    area_labels = [
        alt.Chart(pd.DataFrame({"mode": [mode], "asset_specificity": [k]}))
        .mark_text(align=align, baseline="top", dx=dx, fontSize=11)
        .encode(x=alt.X("asset_specificity:Q"), y=alt.value(4), text="mode:N")
        for mode, k, align, dx in ((modes[0], 0.0, "left", 2), (modes[1], 1.0, "right", -2))
    ]
    bottom = alt.layer(area, boundary_rule, *area_labels).properties(
        width=300, height=160, title="Where the firm's transactions lie")

    x_cut = alt.X("search_cost_cut_pct:Q", title="Cut in the market's search cost (%)")
    y_share = alt.Y("in_house_share_pct:Q", title="Transactions made in house (%)", scale=alt.Scale(domain=[0, 100]))
    share_line = alt.Chart(shares).mark_line(color=PALETTE[1]).encode(x=x_cut, y=y_share)
    share_dot = current.mark_point(filled=True, size=150, color="black", shape="diamond").encode(
        x=x_cut, y=y_share,
        tooltip=[alt.Tooltip("search_cost_cut_pct:Q", title="Cut (%)"),
                 alt.Tooltip("in_house_share_pct:Q", title="Made in house (%)", format=".1f"),
                 alt.Tooltip("boundary_specificity:Q", title="Boundary k*", format=".3f")])
    share_text = current.mark_text(align="left", dx=10, fontWeight="bold").encode(
        x=x_cut, y=y_share, text=alt.Text("in_house_share_pct:Q", format=".1f"))
    right = (share_line + share_dot + share_text).properties(
        width=230, height=420, title="Share made in house")
    independent = {"color": "independent", "shape": "independent", "strokeDash": "independent"}
    left = alt.vconcat(top, bottom).resolve_scale(**independent)
    chart = alt.hconcat(left, right).add_params(cut).resolve_scale(**independent)
    return describe(
        chart,
        title="A platform lowers the cost of the market and moves the boundary of the firm",
        description=(
            "Three panels with a slider for the platform's cut in the market's search and "
            "contracting cost. Top left: market and hierarchy governance costs against asset "
            "specificity; they cross at the boundary k*. Bottom left: the distribution of the "
            "firm's transactions, split at k* into bought and made. Right: the share made in house "
            "falls as the cut grows."
        ),
        model=FIRM_MODEL,
    )


# --- Notebook 3: who pays -------------------------------------------------------------------


def prices_by_externality_chart(grid: pd.DataFrame, thresholds: pd.DataFrame) -> alt.Chart:
    """Slider on the users' externality: optimal prices on each side against advertisers' externality.

    ``grid`` comes from ``price_map``; ``thresholds`` has ``alpha_users`` and
    ``alpha_advertisers`` (the value at which the users' price is zero).
    """
    alpha_users = sorted(grid["alpha_users"].unique())
    start = min(alpha_users, key=lambda value: abs(value + 0.1))
    users = alt.param(
        name="alpha_u",
        value=start,
        bind=alt.binding_range(min=alpha_users[0], max=alpha_users[-1],
                               step=round(alpha_users[1] - alpha_users[0], 6),
                               name="Users' benefit from each advertiser αu: "),
    )
    long = grid[grid["interior"]].melt(
        id_vars=["alpha_advertisers", "alpha_users"],
        value_vars=["price_users", "price_advertisers"], var_name="side", value_name="price",
    )
    long["side"] = long["side"].map({"price_users": "users", "price_advertisers": "advertisers"})
    sides = ["users", "advertisers"]
    colours, shapes = category_scales(sides)
    x = alt.X("alpha_advertisers:Q", title="Advertisers' benefit from each user αa (money units)")
    y = alt.Y("price:Q", title="Optimal price (money units per member)")
    selected = alt.Chart(long).transform_filter(_near("alpha_users", users))
    lines = selected.mark_line(point=alt.OverlayMarkDef(filled=True, size=35)).encode(
        x=x, y=y,
        color=alt.Color("side:N", title="Side", scale=colours),
        shape=alt.Shape("side:N", title="Side", scale=shapes),
        tooltip=[alt.Tooltip("side:N", title="Side"),
                 alt.Tooltip("alpha_advertisers:Q", title="αa", format=".2f"),
                 alt.Tooltip("alpha_users:Q", title="αu", format=".2f"),
                 alt.Tooltip("price:Q", title="Price", format=".3f")],
    )
    zero = alt.Chart(pd.DataFrame({"price": [0.0]})).mark_rule(color="black").encode(y="price:Q")
    cross = alt.Chart(thresholds).transform_filter(_near("alpha_users", users))
    cross_rule = cross.mark_rule(color="#555555", strokeDash=[4, 3]).encode(x="alpha_advertisers:Q")
    cross_text = cross.transform_calculate(
        text="'users pay nothing at αa = ' + format(datum.alpha_advertisers, '.2f')"
    ).mark_text(align="right", dx=-6, baseline="bottom", y=12).encode(x="alpha_advertisers:Q", text="text:N")
    chart = (zero + lines + cross_rule + cross_text).add_params(users).properties(width=560, height=320)
    return describe(
        chart,
        title="The more users are worth to advertisers, the less users pay",
        description=(
            "Line chart with a slider for the users' externality. The advertisers' optimal price "
            "rises and the users' optimal price falls as the advertisers' benefit per user grows; "
            "the users' price crosses zero at the dashed line and becomes a subsidy beyond it."
        ),
        model=TWO_SIDED_MODEL,
    )


def price_heatmap(grid: pd.DataFrame) -> alt.Chart:
    """Heatmap of the users' optimal price over both externalities, with its sign written in each cell."""
    table = grid.copy()
    table["sign"] = np.select(
        [~table["interior"], table["price_users"] < -0.005, table["price_users"] > 0.005],
        ["", "−", "+"], default="0",
    )
    table["price_users"] = table["price_users"].astype(float)
    x = alt.X("alpha_advertisers:O", title="Advertisers' benefit from each user αa",
              axis=alt.Axis(format=".1f", labelAngle=0))
    y = alt.Y("alpha_users:O", title="Users' benefit from each advertiser αu",
              sort="descending", axis=alt.Axis(format=".1f"))
    rect = alt.Chart(table).mark_rect().encode(
        x=x, y=y,
        color=alt.condition(
            "datum.interior",
            alt.Color("price_users:Q", title="Users' price",
                      scale=alt.Scale(scheme="blueorange", domainMid=0, reverse=True)),
            alt.value(MISSING_COLOUR),
        ),
        tooltip=[alt.Tooltip("alpha_advertisers:Q", title="αa", format=".2f"),
                 alt.Tooltip("alpha_users:Q", title="αu", format=".2f"),
                 alt.Tooltip("price_users:Q", title="Users' price", format=".3f"),
                 alt.Tooltip("price_advertisers:Q", title="Advertisers' price", format=".3f")],
    )
    text = alt.Chart(table).mark_text(fontSize=12, fontWeight="bold").encode(
        x=x, y=y, text="sign:N",
        color=alt.condition("abs(datum.price_users) > 0.3", alt.value("white"), alt.value("black")),
    )
    chart = (rect + text).properties(width=560, height=300)
    return describe(
        chart,
        title="Who pays? The users' optimal price across externalities",
        description=(
            "Heatmap of the users' optimal price for each pair of externalities; each cell is "
            "marked + (users pay), 0 (free) or − (users are subsidised). Prices turn negative in the "
            "right-hand part, where advertisers value each user highly; grey cells have no "
            "interior optimum."
        ),
        model=TWO_SIDED_MODEL,
    )


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


def platform_network_chart(nodes: pd.DataFrame, edges: pd.DataFrame) -> alt.LayerChart:
    """Node-link chart of a platform's sides: each edge is a flow, coloured and dashed by kind."""
    flows = sorted(edges["flow"].unique())
    colours, _ = category_scales(flows)
    dashes = alt.Scale(domain=flows, range=[[1, 0], [8, 3], [2, 2], [8, 3, 2, 3], [4, 4]][: len(flows)])
    reach = float(max(nodes["x"].abs().max(), nodes["y"].abs().max()))
    domain = [-1.45 * reach, 1.45 * reach]
    x = alt.X("x:Q", axis=None, scale=alt.Scale(domain=domain))
    y = alt.Y("y:Q", axis=None, scale=alt.Scale(domain=domain))
    tooltip = [alt.Tooltip("source:N", title="From"), alt.Tooltip("target:N", title="To"),
               alt.Tooltip("flow:N", title="Flow"), alt.Tooltip("label:N", title="What flows")]
    links = alt.Chart(edges).mark_rule(strokeWidth=2.5).encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q",
        color=alt.Color("flow:N", title="What flows", scale=colours),
        strokeDash=alt.StrokeDash("flow:N", title="What flows", scale=dashes),
        tooltip=tooltip,
    )
    heads = alt.Chart(_arrowheads(edges)).mark_point(shape="triangle-up", filled=True, size=110, opacity=1).encode(
        x=alt.X("ax:Q", axis=None, scale=alt.Scale(domain=domain)),
        y=alt.Y("ay:Q", axis=None, scale=alt.Scale(domain=domain)),
        angle=alt.Angle("angle:Q", scale=None),
        color=alt.Color("flow:N", title="What flows", scale=colours),
        tooltip=tooltip,
    )
    circles = alt.Chart(nodes).mark_circle(size=900, color="white", stroke="black", strokeWidth=1.5, opacity=1).encode(
        x=x, y=y, tooltip=[alt.Tooltip("label:N", title="Side"), alt.Tooltip("role:N", title="Role")])
    names = alt.Chart(nodes.assign(name=[textwrap.wrap(label, 20) for label in nodes["label"]])).mark_text(
        fontSize=12, fontWeight="bold", baseline="top", dy=20, lineHeight=14).encode(x=x, y=y, text="name:N")
    chart = (links + heads + circles + names).properties(width=600, height=600)
    return describe(
        chart,
        title="Around a platform: who gives what to whom",
        description=(
            f"Network diagram of {len(nodes)} groups and {len(edges)} flows around a platform at "
            "the centre. Users give data, attention and unpaid labour and receive a free service; "
            "money flows from advertisers, data brokers and payment operators to the platform and "
            "from the platform to drivers and moderators."
        ),
        model=NETWORK_MODEL,
    )
