"""Chart of the labour inside ImageNet (a model): full-time years and wages by scenario."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import charts
from .model import IMAGENET_ASSUMPTIONS

__all__ = ["labour_chart"]

_ANNOTATION_MODEL = "labour hours = items × labels per item × seconds per label × workers per label"


def labour_chart(scenarios: pd.DataFrame, rates: dict[str, float]) -> alt.HConcatChart:
    """Two panels for an :func:`~digital_labor.annotation_labour.imagenet_scenarios` frame: the
    full-time years of labelling, and the wages they would be paid at each of ``rates`` (log scale)."""
    order = list(scenarios["scenario"])
    colour, shape = charts.category_scales(order)
    years = (
        alt.Chart(scenarios)
        .mark_bar(height=22)
        .encode(
            y=alt.Y("scenario:N", title="Scenario", sort=order),
            # A bar on a log scale cannot start at zero: the bars start at one full-time year.
            x=alt.X(
                "fte_years:Q",
                title="Full-time years of labelling (2,000 hours each, log scale)",
                scale=alt.Scale(type="log", domainMin=1),
                axis=alt.Axis(values=[1, 10, 100, 1000, 10000], labelExpr=charts.COUNT_LABELS),
            ),
            x2=alt.datum(1),
            color=alt.Color("scenario:N", title="Scenario", scale=colour, legend=None),
            tooltip=[
                alt.Tooltip("scenario:N", title="Scenario"),
                alt.Tooltip("items:Q", title="Candidate images", format=",.0f"),
                alt.Tooltip("redundancy:Q", title="Workers per image"),
                alt.Tooltip("seconds_per_label:Q", title="Seconds per label", format=".1f"),
                alt.Tooltip("hours:Q", title="Hours", format=",.0f"),
                alt.Tooltip("fte_years:Q", title="Full-time years", format=",.0f"),
            ],
        )
        .properties(width=240, height=110)
    )
    years = years + years.mark_text(align="left", dx=4, fontSize=10).encode(
        text=alt.Text("fte_years:Q", format=",.0f"), color=alt.value("black")
    )
    long = pd.concat(
        [scenarios[["scenario"]].assign(rate=name, usd_per_hour=rate, wages=scenarios[f"wages_{name}"]) for name, rate in rates.items()],
        ignore_index=True,
    )
    wages = (
        alt.Chart(long)
        .mark_point(filled=True, size=80)
        .encode(
            y=alt.Y("scenario:N", title=None, sort=order),
            x=alt.X(
                "wages:Q",
                title="Wages at the hourly rate (US$, log scale)",
                scale=alt.Scale(type="log"),
                axis=alt.Axis(labelExpr=charts.COUNT_LABELS),
            ),
            color=alt.Color("rate:N", title="Hourly rate", scale=charts.category_scales(list(rates))[0]),
            shape=alt.Shape("rate:N", title="Hourly rate", scale=charts.category_scales(list(rates))[1]),
            tooltip=[
                alt.Tooltip("scenario:N", title="Scenario"),
                alt.Tooltip("rate:N", title="Rate"),
                alt.Tooltip("usd_per_hour:Q", title="US$ per hour", format=".2f"),
                alt.Tooltip("wages:Q", title="Wages (US$)", format=",.0f"),
            ],
        )
        .properties(width=240, height=110)
    )
    chart = alt.hconcat(years, wages).resolve_scale(color="independent", shape="independent")
    return charts.describe(
        chart,
        title="The labour inside ImageNet, in full-time years and in wages (a model)",
        description="Two panels by scenario. "
        + "; ".join(
            f"{r['scenario']}: {r['items']:,.0f} candidate images × {r['redundancy']:g} workers × {r['seconds_per_label']:.1f} s = "
            f"{r['hours']:,.0f} hours, {r['fte_years']:,.0f} full-time years, "
            + ", ".join(f"US$ {r[f'wages_{n}']:,.0f} at {n}" for n in rates)
            for _, r in scenarios.iterrows()
        )
        + f". {IMAGENET_ASSUMPTIONS}",
        datasets=["imagenet_annotation", "hourly_pay_benchmarks"],
        model=_ANNOTATION_MODEL,
    )
