"""Charts of the 'Since the essay' pages of chapters 1, 2 and 4.

Every builder takes a frame from :mod:`.data` and returns a described chart.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import charts
from .data import EXPOSURE, FACEBOOK_DAU, FAMILY_DAP, RISK, SKILLS_RISK

__all__ = ["automation_measures_chart", "daily_users_chart", "worker_counts_chart"]


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


def daily_users_chart(users: pd.DataFrame) -> alt.Chart:
    """Facebook's daily active users and Meta's daily active people across its apps, December of
    each year: two lines that overlap in 2022-2023 and are not one series."""
    colour, shape = charts.category_scales([FACEBOOK_DAU, FAMILY_DAP])
    base = alt.Chart(users).encode(
        x=alt.X("year:Q", title="Year (December average)", axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("millions:Q", title="Daily users or people (millions)", scale=alt.Scale(domain=[0, 4000])),
        color=alt.Color("series:N", title="Series", scale=colour, legend=alt.Legend(orient="bottom", labelLimit=300)),
    )
    lines = base.mark_line(strokeWidth=2)
    points = base.mark_point(filled=True, size=60).encode(
        shape=alt.Shape("series:N", title="Series", scale=shape),
        tooltip=[
            alt.Tooltip("series:N", title="Series"),
            alt.Tooltip("year:Q", title="Year", format="d"),
            alt.Tooltip("millions:Q", title="Millions (December average)", format=",.0f"),
            alt.Tooltip("dataset:N", title="Dataset"),
        ],
    )
    chart = alt.layer(lines, points).properties(width=460, height=260)
    return charts.describe(
        chart,
        title="Facebook's daily users end with 2023; Meta's daily people begin in 2022",
        description="December averages in millions. "
        + " ".join(
            f"{series}: " + ", ".join(f"{row.year} {row.millions:,.0f}" for row in group.itertuples()) + "."
            for series, group in users.groupby("series", sort=False)
        ),
        datasets=sorted(set(users["dataset"])),
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
