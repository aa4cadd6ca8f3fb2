"""Charts of microwork: the simulated distribution of hourly pay, the
simulation's sensitivity, minimum wages in US$, the funnel of workers and the platforms' sizes.

Every builder takes frames (from :mod:`digital_labor.microwork` data or models) and returns a
described chart; none loads its own data.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from .. import charts
from .data import HOURS_PER_DAY, WEEKLY_HOURS, WEEKLY_HOURS_RANGE
from .model import PAY_ASSUMPTIONS, PaySimulation

__all__ = [
    "crowd_funnel_chart",
    "crowd_sizes_chart",
    "minimum_wage_chart",
    "pay_distribution_chart",
    "pay_sensitivity_chart",
]

_PAY_MODEL = "simulation of a microtask market (requesters' rates, the work they post, workers' unpaid time)"
WAGE_MODEL = "conversion of daily and monthly minimum wages to hourly ones, with assumed hours"
TOP_BIN = 15.0  # US$ an hour: the last bin of the distribution holds everything above
# Axis labels on two lines, split at ': ' (what, then the detail): readable on a phone.
TWO_LINE_AXIS = alt.Axis(labelLimit=240, labelExpr="split(datum.label, ': ')", labelPadding=4)


def pay_distribution_chart(simulation: PaySimulation, minimum_wage: float = 7.25) -> alt.LayerChart:
    """Histogram of the simulated workers' hourly earnings (US$ 0.50 bins, the last open-ended),
    with the median, the US federal minimum wage and the requesters' average offer marked."""
    hourly = simulation.workers["hourly"].clip(upper=TOP_BIN - 0.01)
    edges = np.arange(0, TOP_BIN + 0.5, 0.5)
    counts, _ = np.histogram(hourly, edges)
    bins = pd.DataFrame({"start": edges[:-1], "end": edges[1:], "workers": counts})
    bins["label"] = [f"US$ {a:.2f}-{b:.2f}" if b < TOP_BIN else f"US$ {a:.2f} or more" for a, b in zip(bins["start"], bins["end"])]
    bars = (
        alt.Chart(bins)
        .mark_bar(color=charts.PALETTE[0])
        .encode(
            x=alt.X("start:Q", title="Hourly earnings, unpaid time included (US$ per hour)", scale=alt.Scale(domain=[0, TOP_BIN])),
            x2="end:Q",
            y=alt.Y("workers:Q", title="Simulated workers"),
            y2=alt.datum(0),
            tooltip=[alt.Tooltip("label:N", title="Hourly earnings"), alt.Tooltip("workers:Q", title="Workers")],
        )
    )
    marks = pd.DataFrame(
        {
            "usd": [simulation.median_hourly, minimum_wage, simulation.requester_average],
            "what": [
                f"median worker: {simulation.median_hourly:.2f}",
                f"US minimum wage: {minimum_wage:.2f}",
                f"average offer: {simulation.requester_average:.2f}",
            ],
            "y": [1.0, 0.9, 0.8],
        }
    )
    peak = float(bins["workers"].max())
    marks["label_y"] = marks["y"] * peak
    rules = alt.Chart(marks).mark_rule(strokeDash=[5, 4], color=charts.PALETTE[3]).encode(x="usd:Q")
    text = (
        alt.Chart(marks).mark_text(align="left", dx=4, fontSize=11, color="#333333").encode(x="usd:Q", y=alt.Y("label_y:Q"), text="what:N")
    )
    chart = alt.layer(bars, rules, text).properties(width=520, height=280)
    above = simulation.share_above(minimum_wage)
    return charts.describe(
        chart,
        title="What a simulated microworker earns per hour (a model)",
        description=(
            f"Histogram of the hourly earnings of {len(simulation.workers):,} simulated workers, unpaid time included, in "
            f"bins of US$ 0.50 up to {TOP_BIN:.0f} (the last bin holds everything above). The median is US$ "
            f"{simulation.median_hourly:.2f}; {above:.1f} % of workers earn more than the US minimum wage of US$ "
            f"{minimum_wage:.2f}; the requesters' average offer is US$ {simulation.requester_average:.2f}. Most workers fall "
            f"between US$ {simulation.workers['hourly'].quantile(0.1):.2f} (10th percentile) and "
            f"{simulation.workers['hourly'].quantile(0.9):.2f} (90th). {PAY_ASSUMPTIONS}"
        ),
        datasets=["microwork"],
        model=_PAY_MODEL,
    )


def pay_sensitivity_chart(table: pd.DataFrame, base_median: float, published_median: float = 2.0) -> alt.LayerChart:
    """The median hourly pay at each end of each assumption's range (a
    :func:`~digital_labor.microwork.pay_sensitivity` frame), the default and the published median marked."""
    shown = table.assign(left=table[["median_low", "median_high"]].min(axis=1), right=table[["median_low", "median_high"]].max(axis=1))
    y = alt.Y(
        "label:N",
        title=None,
        sort=list(table["label"]),
        # Two lines, the second starting at the parenthesis, which the label keeps.
        axis=alt.Axis(labelLimit=240, labelExpr="split(replace(datum.label, ' (', '|('), '|')", labelPadding=4),
    )
    bars = (
        alt.Chart(shown)
        .mark_bar(height=18, color=charts.PALETTE[4])
        .encode(
            y=y,
            x=alt.X("left:Q", title="Median hourly earnings (US$)", scale=alt.Scale(zero=True)),
            x2="right:Q",
            tooltip=[
                alt.Tooltip("label:N", title="Assumption"),
                alt.Tooltip("low:Q", title="Low value"),
                alt.Tooltip("median_low:Q", title="Median at the low value", format=".2f"),
                alt.Tooltip("high:Q", title="High value"),
                alt.Tooltip("median_high:Q", title="Median at the high value", format=".2f"),
            ],
        )
    )
    refs = pd.DataFrame({"usd": [base_median, published_median], "what": ["the model's default", "published median"]})
    rules = (
        alt.Chart(refs)
        .mark_rule()
        .encode(
            x="usd:Q",
            color=alt.Color("what:N", title=None, scale=alt.Scale(range=["#000000", charts.PALETTE[3]])),
            strokeDash=alt.StrokeDash("what:N", title=None, scale=alt.Scale(range=[[4, 3], [1, 0]])),
        )
    )
    chart = alt.layer(bars, rules).properties(width=420, height=40 * len(table))
    return charts.describe(
        chart,
        title="Which assumption moves the median pay most? (a model)",
        description="Range chart, one bar per assumption moved across its range, the others at their defaults: "
        + "; ".join(f"{r.label}: US$ {r.median_low:.2f} at {r.low:g}, {r.median_high:.2f} at {r.high:g}" for r in table.itertuples())
        + f". Dashed lines: the default's median (US$ {base_median:.2f}) and the published median (US$ {published_median:g}).",
        datasets=["microwork"],
        model=_PAY_MODEL,
    )


def minimum_wage_chart(wages: pd.DataFrame, microwork_median: float = 2.0) -> alt.LayerChart:
    """Minimum wages in US$ an hour, one row per wage (a
    :func:`~digital_labor.microwork.current_minimum_wages` frame), the monthly ones with the range
    of assumed hours, against microworkers' median pay (log scale)."""
    shown = wages.assign(below="above the microwork median")
    shown.loc[shown["usd_per_hour"] < microwork_median, "below"] = "below the microwork median"
    colour, shape = charts.category_scales(["below the microwork median", "above the microwork median"])
    y = alt.Y("label:N", title=None, sort=alt.EncodingSortField("usd_per_hour", order="ascending"), axis=TWO_LINE_AXIS)
    x = alt.X(
        "usd_per_hour:Q",
        title="Minimum wage (US$ per hour, log scale)",
        scale=alt.Scale(type="log", domain=[0.1, 20]),
        axis=alt.Axis(values=[0.1, 0.2, 0.5, 1, 2, 5, 10, 20], labelOverlap=True),
    )
    base = alt.Chart(shown).encode(y=y)
    ranges = base.mark_rule(strokeWidth=2, color="#888888").encode(
        x=alt.X("usd_per_hour_low:Q", scale=alt.Scale(type="log", domain=[0.1, 20])), x2="usd_per_hour_high:Q"
    )
    dots = base.mark_point(filled=True, size=80).encode(
        x=x,
        # Titled for the table of values; the legend needs no title.
        color=alt.Color("below:N", title="Against the MTurk median", scale=colour, legend=alt.Legend(title=None)),
        shape=alt.Shape("below:N", title="Against the MTurk median", scale=shape, legend=alt.Legend(title=None)),
        tooltip=[
            alt.Tooltip("label:N", title="Minimum wage"),
            alt.Tooltip("value:Q", title="As published", format=",.2f"),
            alt.Tooltip("currency:N", title="Currency"),
            alt.Tooltip("per:N", title="Per"),
            alt.Tooltip("effective:N", title="In force from"),
            alt.Tooltip("usd_per_hour:Q", title="US$ per hour", format=".2f"),
        ],
    )
    marker = alt.Chart(pd.DataFrame({"usd": [microwork_median], "text": [f"MTurk median US$ {microwork_median:g}"]}))
    rule = marker.mark_rule(strokeDash=[5, 4], color=charts.PALETTE[3]).encode(x="usd:Q")
    note = marker.mark_text(align="left", dx=4, dy=-6, fontSize=10, color=charts.PALETTE[3]).encode(
        x="usd:Q", y=alt.value(0), text="text:N"
    )
    chart = alt.layer(ranges, dots, rule, note).properties(width=420, height=34 * len(shown))
    return charts.describe(
        chart,
        title="Minimum wages in force in 2024, in US$ per hour",
        description=(
            f"Dot chart, log scale, of {len(shown)} statutory minimum wages in US$ an hour, lowest first: "
            + "; ".join(f"{r.label} {r.usd_per_hour:.2f}" for r in shown.itertuples())
            + f". A dashed line marks Mechanical Turk workers' median of US$ {microwork_median:g} an hour, measured in 2014-17: "
            "a reference, not a comparison matched by country and year. Daily wages are divided "
            f"by {HOURS_PER_DAY:g} hours; monthly wages by {WEEKLY_HOURS:g} hours a week, with grey bars for "
            f"{WEEKLY_HOURS_RANGE[0]:g} to {WEEKLY_HOURS_RANGE[1]:g} hours; amounts are converted at the World Bank's 2024 "
            "average exchange rates."
        ),
        datasets=["minimum_wages", "exchange_rates", "microwork"],
        model=WAGE_MODEL,
    )


def crowd_funnel_chart(funnel: pd.DataFrame) -> alt.LayerChart:
    """Each stage's share of the widest circle, by study (a :func:`~digital_labor.microwork.crowd_funnel` frame)."""
    studies = list(dict.fromkeys(funnel["study"]))
    colour, _ = charts.category_scales(studies)
    shown = funnel.assign(text=[f"{p:,.0f} ({s:.1f} %)" for p, s in zip(funnel["people"], funnel["share_of_widest_pct"])])
    rows = list(funnel["study"].str.split(" \\(").str[0] + ": " + funnel["stage"])
    # The row label is computed from the study, so that the axis names the study as the colour does.
    y = alt.Y("row:N", title=None, sort=rows, axis=TWO_LINE_AXIS)
    base = alt.Chart(shown).transform_calculate(row="split(datum.study, ' (')[0] + ': ' + datum.stage").encode(y=y)
    bars = base.mark_bar(height=16).encode(
        x=alt.X("share_of_widest_pct:Q", title="Share of the widest circle of the same study (%)", scale=alt.Scale(domain=[0, 135])),
        color=alt.Color("study:N", title="Study", scale=colour),
        tooltip=[
            alt.Tooltip("study:N", title="Study"),
            alt.Tooltip("stage:N", title="Stage"),
            alt.Tooltip("people:Q", title="People", format=",.0f"),
            alt.Tooltip("share_of_widest_pct:Q", title="Share of the widest (%)", format=".1f"),
        ],
    )
    text = base.mark_text(align="left", dx=4, fontSize=10).encode(x="share_of_widest_pct:Q", text="text:N")
    chart = alt.layer(bars, text).properties(width=360, height=34 * len(shown))
    return charts.describe(
        chart,
        title="From registered to active: three counts of the crowd",
        description="Bar chart of each stage's share of the widest circle, by study: "
        + "; ".join(f"{r.study}, {r.stage}: {r.people:,.0f} ({r.share_of_widest_pct:.1f} %)" for r in funnel.itertuples())
        + ".",
        datasets=["online_labour_context", "microwork"],
    )


def crowd_sizes_chart(sizes: pd.DataFrame) -> alt.LayerChart:
    """Counts of people on platforms, log scale (a :func:`~digital_labor.microwork.crowd_sizes`
    frame): the kind of figure by colour and shape, its confidence in the tooltip and by opacity."""
    kinds = ["the essay's figure", "the platform's own figure", "a measurement", "an estimate (range)"]
    colour, shape = charts.category_scales(kinds)
    order = list(sizes.sort_values("high", ascending=False)["label"])
    shown = sizes.assign(confidence_shown=sizes["confidence"].replace({"n/a": "not applicable (the essay)"}))
    y = alt.Y("label:N", title=None, sort=order, axis=TWO_LINE_AXIS)
    scale = alt.Scale(type="log", domain=[1e3, 1e9])
    base = alt.Chart(shown).encode(y=y)
    span = base.mark_rule(strokeWidth=3, color=charts.PALETTE[3]).encode(x=alt.X("low:Q", scale=scale), x2="high:Q")
    dots = base.mark_point(filled=True, size=90).encode(
        x=alt.X(
            "high:Q",
            title="People (log scale)",
            scale=scale,
            axis=alt.Axis(labelExpr=charts.COUNT_LABELS, values=[1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9], labelOverlap=True),
        ),
        color=alt.Color("kind:N", title="Kind of figure", scale=colour),
        shape=alt.Shape("kind:N", title="Kind of figure", scale=shape),
        opacity=alt.Opacity(
            "confidence:N",
            title="Confidence",
            scale=alt.Scale(domain=["high", "medium", "low", "n/a"], range=[1.0, 0.75, 0.45, 1.0]),
            legend=None,
        ),
        tooltip=[
            alt.Tooltip("label:N", title="Figure"),
            alt.Tooltip("low:Q", title="People (low)", format=",.0f"),
            alt.Tooltip("high:Q", title="People (high)", format=",.0f"),
            alt.Tooltip("period:N", title="Period"),
            alt.Tooltip("confidence_shown:N", title="Confidence"),
        ],
    )
    chart = alt.layer(span, dots).properties(width=380, height=32 * len(shown))
    return charts.describe(
        chart,
        title="How many people? The essay's figures beside claims and measurements",
        description="Dot chart on a log scale: "
        + "; ".join(
            f"{r.label}: {r.low:,.0f}" + (f" to {r.high:,.0f}" if r.high != r.low else "") + f" ({r.kind}, confidence {r.confidence})"
            for r in sizes.itertuples()
        )
        + ". Fainter dots have lower confidence.",
        datasets=["microwork", "online_labour_context"],
        source="Casilli (2016) for the essay's figures",
    )
