"""Chart of the make-or-buy model: governance costs, the boundary, and the share made in house.

The builder takes the frames of :func:`digital_labor.firm_boundary.boundary_grid` and binds a
slider to the platform's cut in search costs, so the chart works in the static page.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..charts import PALETTE, category_scales, describe

__all__ = ["firm_boundary_chart"]

_FIRM_MODEL = "transaction-cost make-or-buy model (Williamson's heuristic)"
GOVERNANCE = ["market", "hierarchy"]
MODES = ["bought on the market", "made in house"]
K_AXIS = alt.X("asset_specificity:Q", title="Asset specificity k (0 = standard, 1 = tied to one partner)", scale=alt.Scale(domain=[0, 1]))


def _cut_slider(curves: pd.DataFrame) -> alt.Parameter:
    cuts = sorted(curves["search_cost_cut_pct"].unique())
    return alt.param(
        name="search_cut",
        value=int(cuts[0]),
        bind=alt.binding_range(
            min=int(cuts[0]), max=int(cuts[-1]), step=int(cuts[1] - cuts[0]), name="Platform cuts the market's search cost by (%): "
        ),
    )


def _selected(cut: alt.Parameter) -> str:
    return f"datum.search_cost_cut_pct == {cut.name}"


def _boundary_rule(shares: pd.DataFrame, cut: alt.Parameter) -> alt.Chart:
    return (
        alt.Chart(shares)
        .transform_filter(_selected(cut))
        .mark_rule(color="black", strokeDash=[2, 2])
        .encode(x=alt.X("boundary_specificity:Q"), tooltip=[alt.Tooltip("boundary_specificity:Q", title="Boundary k*", format=".3f")])
    )


def _cost_panel(curves: pd.DataFrame, shares: pd.DataFrame, cut: alt.Parameter) -> alt.LayerChart:
    """Market and hierarchy costs against asset specificity, with the boundary k* where they cross."""
    colours, shapes = category_scales(GOVERNANCE)
    cost_lines = (
        alt.Chart(curves)
        .transform_filter(_selected(cut))
        .mark_line(strokeWidth=3, point=alt.OverlayMarkDef(filled=True, size=30))
        .encode(
            x=K_AXIS,
            y=alt.Y("cost:Q", title="Governance cost (arbitrary units)", scale=alt.Scale(domain=[0, 5])),
            color=alt.Color("governance:N", title="Governance", scale=colours),
            shape=alt.Shape("governance:N", title="Governance", scale=shapes),
            strokeDash=alt.StrokeDash("governance:N", title="Governance", scale=alt.Scale(domain=GOVERNANCE, range=[[1, 0], [6, 3]])),
            tooltip=[
                alt.Tooltip("governance:N", title="Governance"),
                alt.Tooltip("asset_specificity:Q", title="k", format=".2f"),
                alt.Tooltip("cost:Q", title="Cost", format=".2f"),
            ],
        )
    )
    boundary_text = (
        alt.Chart(shares)
        .transform_filter(_selected(cut))
        .mark_text(align="left", dx=4, baseline="top", y=4)
        .encode(x="boundary_specificity:Q", text=alt.Text("boundary_specificity:Q", format=".2f"))
    )
    return (cost_lines + _boundary_rule(shares, cut) + boundary_text).properties(
        width=300, height=220, title="Cost of each governance mode; dotted line = boundary k*"
    )


def _transactions_panel(density: pd.DataFrame, shares: pd.DataFrame, cut: alt.Parameter) -> alt.LayerChart:
    """The density of the firm's transactions, split at the selected boundary into bought and made."""
    area_colours = alt.Scale(domain=MODES, range=[PALETTE[4], PALETTE[1]])
    area = (
        alt.Chart(density)
        .transform_calculate(search_cost_cut_pct=cut.name)
        .transform_lookup(
            lookup="search_cost_cut_pct",
            from_=alt.LookupData(shares, "search_cost_cut_pct", ["boundary_specificity"]),
        )
        .transform_calculate(mode=f"datum.asset_specificity >= datum.boundary_specificity ? '{MODES[1]}' : '{MODES[0]}'")
        .mark_area(opacity=0.8)
        .encode(
            x=K_AXIS,
            y=alt.Y("density:Q", title="Density of transactions"),
            color=alt.Color("mode:N", title="Transactions", scale=area_colours),
            tooltip=[alt.Tooltip("mode:N", title="Transactions")],
        )
    )
    # The two areas are also named in words, so colour is not the only thing that tells them apart.
    area_labels = [
        alt.Chart(pd.DataFrame({"mode": [mode], "asset_specificity": [k]}))
        .mark_text(align=align, baseline="top", dx=dx, fontSize=11)
        .encode(x=alt.X("asset_specificity:Q"), y=alt.value(4), text="mode:N")
        for mode, k, align, dx in ((MODES[0], 0.0, "left", 2), (MODES[1], 1.0, "right", -2))
    ]
    return alt.layer(area, _boundary_rule(shares, cut), *area_labels).properties(
        width=300, height=160, title="Where the firm's transactions lie"
    )


def _share_panel(shares: pd.DataFrame, cut: alt.Parameter) -> alt.LayerChart:
    """The share of transactions made in house against the cut, the selected cut marked."""
    x_cut = alt.X("search_cost_cut_pct:Q", title="Cut in the market's search cost (%)")
    y_share = alt.Y("in_house_share_pct:Q", title="Transactions made in house (%)", scale=alt.Scale(domain=[0, 100]))
    current = alt.Chart(shares).transform_filter(_selected(cut))
    share_line = alt.Chart(shares).mark_line(color=PALETTE[1]).encode(x=x_cut, y=y_share)
    share_dot = current.mark_point(filled=True, size=150, color="black", shape="diamond").encode(
        x=x_cut,
        y=y_share,
        tooltip=[
            alt.Tooltip("search_cost_cut_pct:Q", title="Cut (%)"),
            alt.Tooltip("in_house_share_pct:Q", title="Made in house (%)", format=".1f"),
            alt.Tooltip("boundary_specificity:Q", title="Boundary k*", format=".3f"),
        ],
    )
    share_text = current.mark_text(align="left", dx=10, fontWeight="bold").encode(
        x=x_cut, y=y_share, text=alt.Text("in_house_share_pct:Q", format=".1f")
    )
    return (share_line + share_dot + share_text).properties(width=230, height=420, title="Share made in house")


def firm_boundary_chart(curves: pd.DataFrame, density: pd.DataFrame, shares: pd.DataFrame) -> alt.HConcatChart:
    """Slider on the platform's cut in search costs: cost curves, boundary, and the in-house share."""
    cut = _cut_slider(curves)
    independent = {"color": "independent", "shape": "independent", "strokeDash": "independent"}
    left = alt.vconcat(_cost_panel(curves, shares, cut), _transactions_panel(density, shares, cut)).resolve_scale(**independent)
    chart = alt.hconcat(left, _share_panel(shares, cut)).add_params(cut).resolve_scale(**independent)
    first, last = shares.iloc[0], shares.iloc[-1]
    return describe(
        chart,
        title="A platform lowers the cost of the market and moves the boundary of the firm",
        description=(
            "Three panels with a slider for the platform's cut in the market's search and "
            "contracting cost. Top left: market and hierarchy governance costs against asset "
            "specificity; they cross at the boundary k*. Bottom left: the distribution of the "
            "firm's transactions, split at k* into bought and made. Right: the share made in house "
            f"falls from {first.in_house_share_pct:.1f} per cent with no cut to {last.in_house_share_pct:.1f} "
            f"per cent with a cut of {last.search_cost_cut_pct:.0f} per cent."
        ),
        model=_FIRM_MODEL,
    )
