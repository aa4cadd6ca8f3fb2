"""Chart of revenue and net income per user-hour by region and period, with a slider for the time
spent and hourly pay benchmarks for reference."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import charts
from .model import HOURLY_VALUE_ASSUMPTIONS, hourly_value

__all__ = ["hourly_value_chart"]

_HOURLY_MODEL = (
    "revenue per user-hour = average revenue per user / assumed hours on Facebook's apps; net income per user-hour = the "
    "same × the period's worldwide net margin"
)
X_DOMAIN = [0.002, 20]
SHORT_NAMES = {  # labels on the chart; the description and tooltips keep the full names
    "US federal minimum wage": "US minimum wage",
    "Mechanical Turk workers' median hourly earnings": "MTurk median",
    "Mechanical Turk requesters' average hourly pay offered": "MTurk offered",
    "Microtask platforms' average hourly wage (meta-analysis)": "microtask mean",
}


def _qualifier(unit: str) -> str:
    """'≈ ', '> ' or '< ' for a published amount given as approximate or as a bound."""
    for words, sign in (("approx", "≈ "), ("more than", "> "), ("less than", "< ")):
        if words in unit:
            return sign
    return ""


def _minutes_slider(default: float, low: float, high: float) -> alt.Parameter:
    return alt.param(
        name="minutes", value=default, bind=alt.binding_range(min=low, max=high, step=5, name="Minutes a day on Facebook's apps: ")
    )


def _benchmark_layer(benchmarks: pd.DataFrame) -> alt.LayerChart:
    ordered = benchmarks.sort_values("usd_per_hour", ignore_index=True)
    shown = ordered.assign(
        label=[
            f"{SHORT_NAMES.get(b, b)} {_qualifier(u)}{v:g}"
            for b, u, v in zip(ordered["benchmark"], ordered["unit"], ordered["usd_per_hour"])
        ],
        label_y=[8 + 13 * i for i in range(len(ordered))],
    )
    base = alt.Chart(shown)
    rules = base.mark_rule(strokeDash=[4, 3], color="#444444").encode(
        x=alt.X("usd_per_hour:Q"),
        tooltip=[
            alt.Tooltip("benchmark:N", title="Benchmark"),
            alt.Tooltip("unit:N", title="As published"),
            alt.Tooltip("usd_per_hour:Q", title="US$ per hour"),
            alt.Tooltip("period:N", title="Period"),
        ],
    )
    # Labels end at their line (align right), one under the other, so that they never overlap.
    text = base.mark_text(align="right", dx=-3, fontSize=10, color="#444444").encode(
        x="usd_per_hour:Q", y=alt.Y("label_y:Q", scale=None), text="label:N"
    )
    return rules + text


def hourly_value_chart(
    table: pd.DataFrame, benchmarks: pd.DataFrame, *, default_minutes: float, low_minutes: float, high_minutes: float
) -> alt.LayerChart:
    """Revenue per user-hour (filled marks) and net income per user-hour (open marks) for each
    (period, region) of ``table`` (an :func:`~digital_labor.attention_value.arpu` frame),
    recomputed in the page for the slider's minutes a day; dashed lines mark the hourly
    ``benchmarks`` (a :func:`~digital_labor.attention_value.pay_benchmarks` frame)."""
    minutes = _minutes_slider(default_minutes, low_minutes, high_minutes)
    at_default = hourly_value(default_minutes, table)
    periods = sorted(table["period"].unique())
    colour, shape = charts.category_scales(periods)
    shown = table.assign(row=table["period"] + " · " + table["region"])
    order = list(
        at_default.assign(row=at_default["period"] + " · " + at_default["region"]).sort_values(
            ["period", "usd_per_hour"], ascending=[True, False]
        )["row"]
    )
    hours = f"(datum.days * {minutes.name} / 60)"
    y = alt.Y("row:N", title=None, sort=order)
    x_title = "Revenue (filled) and net income (open) per user-hour (US$, log scale)"
    colour_shape = {
        "color": alt.Color("period:N", title="Period", scale=colour),
        "shape": alt.Shape("period:N", title="Period", scale=shape),
    }
    tooltip = [
        alt.Tooltip("period:N", title="Period"),
        alt.Tooltip("region:N", title="Region"),
        alt.Tooltip("arpu_usd:Q", title="ARPU (US$ per user per period)", format=".2f"),
        alt.Tooltip("net_margin:Q", title="Net margin (worldwide)", format=".0%"),
        alt.Tooltip("usd_per_hour:Q", title="Revenue per user-hour at the slider's time (US$)", format=".3f"),
        alt.Tooltip("net_usd_per_hour:Q", title="Net income per user-hour at the slider's time (US$)", format=".4f"),
        alt.Tooltip("confidence:N", title="Confidence"),
    ]
    base = (
        alt.Chart(shown)
        .transform_calculate(usd_per_hour=f"datum.arpu_usd / {hours}", net_usd_per_hour=f"datum.net_income_per_user / {hours}")
        .encode(y=y, tooltip=tooltip, **colour_shape)
    )
    scale = alt.Scale(type="log", domain=X_DOMAIN)
    dots = base.mark_point(filled=True, size=110).encode(x=alt.X("usd_per_hour:Q", title=x_title, scale=scale)).add_params(minutes)
    net = base.mark_point(filled=False, size=110, strokeWidth=1.5).encode(x=alt.X("net_usd_per_hour:Q", title=x_title, scale=scale))
    chart = alt.layer(dots, net, _benchmark_layer(benchmarks)).properties(width=470, height=300)
    return charts.describe(
        chart,
        title="What an hour of a user's attention brings Facebook, in revenue and in net income, by region (a model)",
        description=(
            f"Dot chart, log scale: revenue per user-hour (filled marks) and net income per user-hour (open marks) by period and "
            f"region, with a slider for the minutes a day spent on Facebook's apps (from {low_minutes:g} to {high_minutes:g}, "
            f"starting at {default_minutes:g}). At {default_minutes:g} minutes: "
            + "; ".join(
                f"{r.period} {r.region} US$ {r.usd_per_hour:.3f} (net income US$ {r.net_usd_per_hour:.4f})" for r in at_default.itertuples()
            )
            + ". Dashed lines mark hourly benchmarks: "
            + "; ".join(f"{r.benchmark} US$ {r.usd_per_hour:g}" for r in benchmarks.itertuples())
            + f". {HOURLY_VALUE_ASSUMPTIONS}"
        ),
        datasets=["facebook_arpu", "facebook_income", "social_media_time", "hourly_pay_benchmarks"],
        model=_HOURLY_MODEL,
    )
