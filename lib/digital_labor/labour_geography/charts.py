"""Charts of the geography of online labour: maps of shares and ranks, over-representation, North/South.

Every builder takes a frame from :mod:`digital_labor.labour_geography` and returns a chart that
went through :func:`digital_labor.charts.describe` (title, source line, text description).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import charts

__all__ = ["north_south_chart", "ranking_map", "representation_chart", "shares_map", "worker_counts_chart"]

GEOGRAPHY = ["online_labour_geography"]
GROUP_ORDER = ["North", "South", "unclassified", "not reported"]
GROUP_COLOURS = [charts.PALETTE[0], charts.PALETTE[1], charts.PALETTE[7], charts.MISSING_COLOUR]


def shares_map(values: pd.DataFrame, *, what: str, title: str, description: str) -> alt.Chart:
    """Choropleth of published country shares (% of ``what``); unreported countries in grey."""
    return charts.choropleth(
        values,
        value="share_pct",
        value_title=f"% of {what}",
        title=title,
        description=description,
        datasets=GEOGRAPHY,
        value_format=".1f",
    )


def ranking_map(ranking: pd.DataFrame, *, title: str, description: str) -> alt.Chart:
    """Choropleth of a ranking (rank 1 darkest); countries outside the ranking in grey."""
    return charts.choropleth(
        ranking,
        value="rank",
        value_title="Rank (1 = most workers)",
        title=title,
        description=description,
        datasets=["online_labour_rankings"],
        value_format=".0f",
        scale=alt.Scale(scheme=charts.SEQUENTIAL_SCHEME, reverse=True),
    )


def representation_chart(index: pd.DataFrame) -> alt.Chart:
    """Dot plot (log scale) of each country's share of buyers or workers over its population share.

    ``index`` comes from :func:`~digital_labor.labour_geography.representation_index` (its
    ``group`` column labels each country North or South).
    """
    table = index.assign(country=index["name"] + " (" + index["group"] + ")")
    series = list(dict.fromkeys(table["series"]))
    colour, shape = charts.category_scales(series)
    points = (
        alt.Chart(table)
        .mark_point(filled=True, size=110)
        .encode(
            x=alt.X("index:Q", title="Share of online labour ÷ share of world population (log scale)", scale=alt.Scale(type="log")),
            y=alt.Y("country:N", title=None, sort=alt.EncodingSortField("index", op="max", order="descending")),
            color=alt.Color("series:N", title="Side", scale=colour),
            shape=alt.Shape("series:N", title="Side", scale=shape),
            tooltip=[
                alt.Tooltip("country:N", title="Country"),
                alt.Tooltip("series:N", title="Side"),
                alt.Tooltip("share_pct:Q", title="% of online labour", format=".1f"),
                alt.Tooltip("population_pct:Q", title="% of world population", format=".2f"),
                alt.Tooltip("index:Q", title="Index", format=".2f"),
            ],
        )
    )
    parity = alt.Chart(pd.DataFrame({"x": [1.0]})).mark_rule(strokeDash=[4, 3], color="#555").encode(x="x:Q")
    chart = (parity + points).properties(width=520, height=40 * table["country"].nunique())
    return charts.describe(
        chart,
        title="Online labour over population: who is over-represented?",
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
        tooltip=[
            alt.Tooltip("series:N", title="Series"),
            alt.Tooltip("definition:N", title="North/South definition"),
            alt.Tooltip("group:N", title="Group"),
            alt.Tooltip("share_pct:Q", title="% of the series", format=".1f"),
        ],
    )
    # Each segment also says its group in letters (N, S, u, n), so colour is not the only carrier.
    labels = (
        base.transform_window(cumulative="sum(share_pct)", sort=[alt.SortField("order")], groupby=["series", "definition"])
        .transform_filter("datum.share_pct >= 5")
        .transform_calculate(mid="datum.cumulative - datum.share_pct / 2", short="substring(datum.group, 0, 1)")
        .mark_text(color="black", fontSize=11)
        .encode(x="mid:Q", y="series:N", text="short:N")
    )
    chart = (
        alt.layer(bars, labels)
        .properties(width=460, height=90)
        .facet(
            row=alt.Row("definition:N", title="North/South definition"),
        )
    )
    return charts.describe(
        chart,
        title="Published shares by North and South, under two definitions",
        description=(
            "Stacked horizontal bars, one per series and definition, splitting the published shares into North (N), "
            "South (S) and the part the publications do not report. "
            + "; ".join(f"{r.series}, {r.definition}, {r.group}: {r.share_pct:.1f} %" for r in summary.itertuples())
        ),
        datasets=GEOGRAPHY + ["countries"],
    )


def worker_counts_chart(counts: pd.DataFrame) -> alt.LayerChart:
    """Each published count of online workers on a logarithmic axis: a bar from low to high for a
    range, a dot for a point estimate, with a colour and shape of its own when its authors corrected it."""
    order = list(counts["label"])
    base = alt.Chart(counts).encode(y=alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=420)))
    x = alt.X(
        "low_m:Q",
        title="People or profiles (millions, logarithmic scale)",
        scale=alt.Scale(type="log", domain=[1, 1000]),
    )
    tooltip = [
        alt.Tooltip("estimate:N", title="Estimate"),
        alt.Tooltip("definition:N", title="What is counted"),
        alt.Tooltip("low_m:Q", title="Low (millions)", format=",.1f"),
        alt.Tooltip("high_m:Q", title="High (millions)", format=",.1f"),
        alt.Tooltip("published:N", title="Published"),
        alt.Tooltip("status:N", title="Status"),
    ]
    colour, shape = charts.category_scales(["current", "superseded"])
    ranges = base.mark_rule(strokeWidth=7, opacity=0.6).encode(
        x=x, x2="high_m:Q", color=alt.Color("status:N", title="Status of the figure", scale=colour)
    )
    dots = base.mark_point(size=80, filled=True).encode(
        x=x,
        color=alt.Color("status:N", title="Status of the figure", scale=colour, legend=alt.Legend(orient="bottom")),
        shape=alt.Shape("status:N", title="Status of the figure", scale=shape),
        tooltip=tooltip,
    )
    chart = alt.layer(ranges, dots).properties(width=420, height=30 * len(order))
    return charts.describe(
        chart,
        title="How many online workers? Published counts differ by what they count",
        description="Published counts in millions, smallest first. "
        + "; ".join(
            f"{row.label}: {row.low_m:,.1f}" + ("" if row.high_m == row.low_m else f" to {row.high_m:,.1f}") + f" ({row.status})"
            for row in counts.itertuples()
        )
        + ".",
        datasets=sorted(set(counts["dataset"])),
    )
