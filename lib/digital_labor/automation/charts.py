"""Charts of the automation debate: the timeline of forecasts and the simulation (the page draws the estimates).

Every builder takes frames (from :mod:`digital_labor.automation.data` or the simulation) and
returns a chart that went through :func:`digital_labor.charts.describe`. The interactive chart
binds a slider to a parameter and filters a precomputed long-form grid, so it works in the
static page without a kernel.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import charts
from ..charts import category_scales, describe, param_equals
from ..prose import ordinal, plural
from .data import EXPOSURE, RISK, SKILLS_RISK
from .model import OCCUPATION_BASED, TASK_BASED

__all__ = ["automation_measures_chart", "prophecies_timeline", "risk_model_chart"]

_AUTOMATION_MODEL = "synthetic economy of occupations made of tasks"
CLAIM_KINDS = ["prophecy", "theoretical argument", "quantitative estimate", "counter-argument"]
METHODS = [OCCUPATION_BASED, TASK_BASED]


def prophecies_timeline(table: pd.DataFrame) -> alt.Chart:
    """Dot timeline: one row per forecast, placed by year, coloured and shaped by kind of claim."""
    colours, shapes = category_scales(CLAIM_KINDS)
    order = table.sort_values("year")["label"].tolist()
    base = alt.Chart(table).encode(
        x=alt.X("year:Q", title="Year of publication", scale=alt.Scale(domain=[1790, 2030]), axis=alt.Axis(format="d", tickCount=12)),
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
            f"{table['label'].iloc[0]} to {table['label'].iloc[-1]}, by century: " + _by_century(table) + "."
        ),
        datasets=["automation_prophecies", "automation_forecasts"],
    )


def _by_century(table: pd.DataFrame) -> str:
    """'3 in the 19th century (Mortimer (1801), …); 1 in the 20th (…)', from the timeline table."""
    parts = []
    for century, rows in table.groupby((table["year"] - 1) // 100 + 1, sort=True):
        kinds = ", ".join(f"{count} {plural(kind, count)}" for kind, count in rows["claim_kind"].value_counts(sort=False).items())
        parts.append(f"{len(rows)} in the {ordinal(int(century))} century ({kinds}: {', '.join(rows['label'])})")
    return "; ".join(parts)


def _heterogeneity_slider(risk: pd.DataFrame) -> alt.Parameter:
    values = sorted(risk["heterogeneity"].unique())
    step = round(values[1] - values[0], 6) if len(values) > 1 else 1.0
    return alt.param(
        name="heterogeneity",
        value=0.5 if 0.5 in values else values[0],
        bind=alt.binding_range(min=values[0], max=values[-1], step=step, name="Within-occupation heterogeneity h: "),
    )


def _risk_share_panel(risk: pd.DataFrame, h: alt.Parameter) -> alt.LayerChart:
    """Share of employment at high risk against h, one line per method, the slider's h marked."""
    colours, shapes = category_scales(METHODS)
    colour = alt.Color("method:N", title="Method", scale=colours, legend=alt.Legend(orient="bottom"))
    shape = alt.Shape("method:N", scale=shapes, title="Method")
    share = alt.Y("share_at_high_risk_pct:Q", title="Employment at high risk (%)", scale=alt.Scale(domain=[0, 60]))
    x_h = alt.X("heterogeneity:Q", title="Share of time on a personal task mix (h)")
    lines = alt.Chart(risk).mark_line().encode(x=x_h, y=share, color=colour)
    marks = alt.Chart(risk).mark_point(filled=True, size=30).encode(x=x_h, y=share, color=colour, shape=shape)
    current = alt.Chart(risk).transform_filter(param_equals("heterogeneity", h))
    rule = current.mark_rule(color="#555555", strokeDash=[4, 3]).encode(x=x_h)
    dots = current.mark_point(filled=True, size=140, opacity=1).encode(
        x=x_h,
        y=share,
        color=colour,
        shape=shape,
        tooltip=[
            alt.Tooltip("method:N", title="Method"),
            alt.Tooltip("heterogeneity:Q", title="h", format=".2f"),
            alt.Tooltip("share_at_high_risk_pct:Q", title="At high risk (%)", format=".1f"),
        ],
    )
    text = current.mark_text(align="left", dx=10, fontWeight="bold").encode(
        x=x_h,
        y=share,
        color=colour,
        text=alt.Text("share_at_high_risk_pct:Q", format=".1f"),
    )
    return (lines + marks + rule + dots + text).properties(width=330, height=280, title="Share at high risk, by method")


def _score_panel(distribution: pd.DataFrame, h: alt.Parameter, threshold: float) -> alt.LayerChart:
    """Workers' own scores at the slider's h (bars) against the occupations' scores (step line)."""
    colours, shapes = category_scales(METHODS)
    shown = distribution[distribution["method"] == TASK_BASED]
    reference = distribution[
        (distribution["method"] == OCCUPATION_BASED) & (distribution["heterogeneity"] == distribution["heterogeneity"].min())
    ]
    x_score = alt.X("bin_start:Q", title="Automation score", bin="binned", scale=alt.Scale(domain=[0, 1]))
    bars = (
        alt.Chart(shown)
        .transform_filter(param_equals("heterogeneity", h))
        .mark_bar(color=colours.range[1], opacity=0.8)
        .encode(
            x=x_score,
            x2="bin_end:Q",
            y=alt.Y("employment_pct:Q", title="Employment (%)"),
            tooltip=[
                alt.Tooltip("bin_start:Q", title="Score from", format=".2f"),
                alt.Tooltip("bin_end:Q", title="to", format=".2f"),
                alt.Tooltip("employment_pct:Q", title="Workers' own score (%)", format=".1f"),
            ],
        )
    )
    steps = (
        alt.Chart(reference)
        .transform_calculate(centre="(datum.bin_start + datum.bin_end) / 2")
        .mark_line(
            interpolate="step",
            color=colours.range[0],
            strokeWidth=2,
            point=alt.OverlayMarkDef(shape=shapes.range[0], filled=True, size=25, color=colours.range[0]),
        )
        .encode(
            x=alt.X("centre:Q"),
            y="employment_pct:Q",
            tooltip=[
                alt.Tooltip("centre:Q", title="Score (bin centre)", format=".3f"),
                alt.Tooltip("employment_pct:Q", title="Occupation score (%)", format=".1f"),
            ],
        )
    )
    marker = pd.DataFrame({"threshold": [threshold], "text": [f"threshold {threshold:g}"]})
    cut = alt.Chart(marker).mark_rule(color="black", strokeDash=[6, 3]).encode(x="threshold:Q")
    cut_label = (
        alt.Chart(marker).mark_text(align="left", dx=4, dy=-4, baseline="bottom").encode(x="threshold:Q", y=alt.value(0), text="text:N")
    )
    return (bars + steps + cut + cut_label).properties(
        width=330, height=280, title="Scores: bars = workers' own (task-based); line = occupation's"
    )


def risk_model_chart(risk: pd.DataFrame, distribution: pd.DataFrame, threshold: float) -> alt.HConcatChart:
    """Slider on heterogeneity: high-risk shares by method, and the distribution of scores.

    ``risk`` comes from ``risk_by_heterogeneity`` and ``distribution`` from
    ``score_distribution``, on the same grid of heterogeneities.
    """
    h = _heterogeneity_slider(risk)
    chart = alt.hconcat(_risk_share_panel(risk, h), _score_panel(distribution, h, threshold)).add_params(h)
    low, high = risk["heterogeneity"].min(), risk["heterogeneity"].max()
    task = risk[risk["method"] == TASK_BASED].set_index("heterogeneity")["share_at_high_risk_pct"]
    occupation = risk[risk["method"] == OCCUPATION_BASED]["share_at_high_risk_pct"]
    lowest = task.idxmin()
    trough = f", with its lowest value, {task.min():.1f} per cent, at h = {lowest:g}" if low < lowest < high else ""
    return describe(
        chart,
        title="Why task-based estimates are lower: workers in one occupation do different tasks",
        description=(
            f"Two panels with a slider for the heterogeneity h, from {low:g} to {high:g}. Left: the share of "
            f"employment above the high-risk threshold of {threshold:g}, {occupation.iloc[0]:.1f} per cent under the "
            f"occupation-based method whatever h, and under the task-based method {task.loc[low]:.1f} per cent at "
            f"h = {low:g} and {task.loc[high]:.1f} per cent at h = {high:g}{trough}. Right: the distribution of workers' own "
            "automation scores, which moves towards the middle of the scale as h grows, against the U-shaped "
            "distribution of occupation scores."
        ),
        model=_AUTOMATION_MODEL,
    )


def automation_measures_chart(measures: pd.DataFrame) -> alt.FacetChart:
    """The published shares by year, one panel per kind of measure (the probability models of
    2013-2018, the OECD's skills-based risk of 2023, exposure to AI), so that they are never read
    as one series. Colour and shape give the authors or the
    institution (the ILO's two studies share theirs; the tooltip names each study)."""
    measures = measures.assign(author=measures["study"].str.replace(r" \(.*\)$", "", regex=True))
    colour, shape = charts.category_scales(list(dict.fromkeys(measures["author"])))
    chart = (
        alt.Chart(measures)
        .mark_point(filled=True, size=90, opacity=0.85)
        .encode(
            x=alt.X("year:Q", title="Year of publication", axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(domain=[2012, 2026])),
            y=alt.Y("share_pct:Q", title="Share of jobs, workers or employment (%)", scale=alt.Scale(domain=[0, 100])),
            color=alt.Color(
                "author:N", title="Authors or institution", scale=colour, legend=alt.Legend(orient="bottom", columns=2, labelLimit=300)
            ),
            shape=alt.Shape("author:N", title="Authors or institution", scale=shape),
            tooltip=[
                alt.Tooltip("study:N", title="Study"),
                alt.Tooltip("year:Q", title="Year", format="d"),
                alt.Tooltip("scope:N", title="Countries and group"),
                alt.Tooltip("share_pct:Q", title="Share (%)", format=".1f"),
                alt.Tooltip("definition:N", title="What is counted"),
                alt.Tooltip("confidence:N", title="Confidence"),
            ],
        )
        .properties(width=170, height=240)
        .facet(
            column=alt.Column(
                "measure:N", title=None, sort=[RISK, SKILLS_RISK, EXPOSURE], header=alt.Header(labelFontWeight="bold", labelLimit=200)
            )
        )
    )
    return charts.describe(
        chart,
        title="Jobs at high risk of automation and workers exposed to AI: three measures, three panels",
        description="Published shares, by year of publication. "
        + " ".join(
            f"{kind.capitalize()}: "
            + "; ".join(f"{row.study} ({row.year}, {row.scope}) {row.share_pct:g} %" for row in group.itertuples())
            + "."
            for kind, group in measures.groupby("measure", sort=False)
        ),
        datasets=sorted(set(measures["dataset"])),
    )
