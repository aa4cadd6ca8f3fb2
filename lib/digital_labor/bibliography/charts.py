"""Chart of the essay's references by the year the essay gives them (for most, the year of publication)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..charts import category_scales, describe
from .data import summary

__all__ = ["timeline_chart"]


def timeline_chart(table: pd.DataFrame) -> alt.Chart:
    """Dot timeline of the essay's references by year, coloured and shaped by kind.

    ``table`` is :func:`~digital_labor.bibliography.references` (or a frame with its columns).
    """
    essay = table[table["cited_by_essay"]].copy()
    essay["stack"] = essay.groupby("year_cited").cumcount() + 1
    color, shape = category_scales(sorted(essay["kind"].unique()))
    facts = summary(table)
    chart = (
        alt.Chart(essay)
        .mark_point(filled=True, size=70, opacity=0.9)
        .encode(
            x=alt.X(
                "year_cited:Q",
                title="Year of publication (as the essay cites it)",
                scale=alt.Scale(domain=[1795, 2020]),
                axis=alt.Axis(format="d"),
            ),
            y=alt.Y("stack:Q", title="Works cited from that year", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("kind:N", title="Kind of work", scale=color),
            shape=alt.Shape("kind:N", title="Kind of work", scale=shape),
            tooltip=[
                alt.Tooltip("first_author:N", title="Author"),
                alt.Tooltip("year_cited:Q", title="Year"),
                alt.Tooltip("title:N", title="Title"),
                alt.Tooltip("kind:N", title="Kind"),
            ],
        )
        .properties(width=620, height=180)
    )
    return describe(
        chart,
        title="What the essay reads: its references by the year it gives them",
        description=(
            f"Dot timeline of the {facts['count']} works the essay cites, one dot per work, placed by "
            f"year (as the essay gives it) from {facts['earliest']} to {facts['latest']}; colour and shape show "
            f"the kind of work. {facts['before_1900']} works date from before 1900; half were published "
            f"in or after {facts['median_year']:.0f}."
        ),
        source="the essay's bibliography (references.bib of this book)",
    )
