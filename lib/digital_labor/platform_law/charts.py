"""Charts of platform work since the essay: the timeline of court decisions and laws, and the
hourly pay of the human work behind generative AI beside chapter 3's microwork.

Every builder takes a frame (from :mod:`.data` or :mod:`.model`) and returns a described chart.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import charts
from .model import GENAI, MICROWORK

__all__ = ["law_timeline_chart", "pay_comparison_chart"]

BEARINGS = ["employment status recognised or presumed", "platform duties without employment status", "independent status kept"]


def law_timeline_chart(timeline: pd.DataFrame) -> alt.Chart:
    """One mark per act on a time axis, a row per jurisdiction, colour and shape by bearing on
    employment status (the kind of act is in the tooltip and the description)."""
    order = list(dict.fromkeys(timeline.sort_values("date")["jurisdiction"]))
    colour, shape = charts.category_scales(BEARINGS)
    base = alt.Chart(timeline).encode(
        x=alt.X(
            "date:T",
            title="Date of the decision or of the act's adoption (year)",
            axis=alt.Axis(format="%Y", tickCount="year"),
            scale=alt.Scale(domain=[f"{timeline['date'].min().year}-01-01", f"{timeline['date'].max().year + 1}-01-01"]),
        ),
        y=alt.Y("jurisdiction:N", title="Jurisdiction", sort=order),
    )
    points = base.mark_point(filled=True, size=140, opacity=0.85).encode(
        color=alt.Color(
            "bearing:N", title="Bearing on employment status", scale=colour, legend=alt.Legend(orient="bottom", columns=1, labelLimit=400)
        ),
        shape=alt.Shape("bearing:N", title="Bearing on employment status", scale=shape),
        tooltip=[
            alt.Tooltip("date:T", title="Date", format="%d %B %Y"),
            alt.Tooltip("body:N", title="Court or legislature"),
            alt.Tooltip("title_or_parties:N", title="Act or case"),
            alt.Tooltip("kind:N", title="Kind"),
            alt.Tooltip("what_was_decided:N", title="What was decided"),
            alt.Tooltip("source:N", title="Source"),
        ],
    )
    chart = points.properties(width=520, height=34 * len(order))
    return charts.describe(
        chart,
        title="Court decisions and laws on platform work since the essay, 2016-2024",
        description="Timeline of acts on the employment status of platform workers, by date and jurisdiction. "
        + "; ".join(
            f"{row.date:%d %B %Y}, {row.jurisdiction}, {row.body}: {row.title_or_parties} ({row.kind}; {row.bearing})"
            for row in timeline.sort_values("date").itertuples()
        )
        + ".",
        datasets=["platform_work_law"],
    )


def pay_comparison_chart(comparison: pd.DataFrame, minimum_wage: float | None = None) -> alt.LayerChart:
    """Ranges of published hourly pay (a bar from low to high bound, a dot at the low bound), the
    generative-AI accounts beside chapter 3's microwork, with the US federal minimum wage marked
    when ``minimum_wage`` is given."""
    order = list(comparison["label"])
    colour, shape = charts.category_scales([GENAI, MICROWORK])
    base = alt.Chart(comparison).encode(y=alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=360)))
    tooltip = [
        alt.Tooltip("label:N", title="Figure"),
        alt.Tooltip("low:Q", title="Low (US$ an hour)", format=".2f"),
        alt.Tooltip("high:Q", title="High (US$ an hour)", format=".2f"),
        alt.Tooltip("period:N", title="Period"),
        alt.Tooltip("bibkey:N", title="Source (bibliography key)"),
        alt.Tooltip("confidence:N", title="Confidence"),
    ]
    x = alt.X("low:Q", title="Published pay (US$ an hour, as published; years differ)", scale=alt.Scale(domain=[0, 26]))
    ranges = base.mark_rule(strokeWidth=6, opacity=0.6).encode(
        x=x, x2="high:Q", color=alt.Color("group:N", title="Work", scale=colour, legend=alt.Legend(orient="bottom")), tooltip=tooltip
    )
    dots = base.mark_point(filled=True, size=70).encode(
        x=x, color=alt.Color("group:N", scale=colour), shape=alt.Shape("group:N", title="Work", scale=shape), tooltip=tooltip
    )
    layers = [ranges, dots]
    if minimum_wage is not None:
        rule = alt.Chart(pd.DataFrame({"wage": [minimum_wage]})).mark_rule(strokeDash=[4, 3], color="black").encode(x="wage:Q")
        note = rule.mark_text(align="left", dx=4, dy=-4, fontSize=9, color="black").encode(
            y=alt.value(0), text=alt.value("US federal minimum wage")
        )
        layers += [rule, note]
    chart = alt.layer(*layers).properties(width=420, height=22 * len(order))
    return charts.describe(
        chart,
        title="What the human work behind generative AI is paid, beside microwork",
        description="Published hourly pay in US dollars, lowest first. "
        + "; ".join(
            f"{row.label}: {row.low:.2f}"
            + ("" if row.high == row.low else f" to {row.high:.2f}")
            + (" or more" if row.open_ended else "")
            + f" ({row.years})"
            for row in comparison.itertuples()
        )
        + ("" if minimum_wage is None else f". The US federal minimum wage, {minimum_wage:.2f} US$ an hour, is marked")
        + ".",
        datasets=["generative_ai_data_work", "hourly_pay_benchmarks"],
    )
