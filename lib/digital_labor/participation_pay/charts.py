"""Chart of what paying out a share of the revenue per user would give users, by region."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import charts
from ..params import require
from .model import PAYOUT_ASSUMPTIONS

__all__ = ["payout_chart"]

_PAYOUT_MODEL = "pay per user = share paid out × revenue per user; per hour = that / assumed hours on the apps"


def payout_chart(payouts: pd.DataFrame, *, share: float, minutes_per_day: float) -> alt.Chart:
    """Dots (log scale): US cents per hour that each (period, region) of ``payouts`` (a
    :func:`~digital_labor.participation_pay.revenue_share_payout` frame) would pay, with a slider
    for the share of revenue paid out (starting at ``share``)."""
    slider = alt.param(
        name="share", value=round(100 * share), bind=alt.binding_range(min=10, max=100, step=5, name="Share of revenue paid out (%): ")
    )
    require(share > 0, "share must be positive: the slider scales the payout at that share.")
    # The payouts at the slider's share: the page's payouts scaled by the slider over their share.
    table = payouts.assign(
        row=payouts["period"] + " · " + payouts["region"],
        full_cents=payouts["cents_per_hour"] / share,
        full_year=payouts["usd_per_year"] / share,
    )
    periods = sorted(table["period"].unique())
    colour, shape = charts.category_scales(periods)
    order = list(table.sort_values(["period", "cents_per_hour"], ascending=[True, False])["row"])
    chart = (
        alt.Chart(table)
        .transform_calculate(cents=f"datum.full_cents * {slider.name} / 100", per_year=f"datum.full_year * {slider.name} / 100")
        .mark_point(filled=True, size=110)
        .encode(
            y=alt.Y("row:N", title=None, sort=order),
            x=alt.X("cents:Q", title="US cents per hour on the apps (log scale)", scale=alt.Scale(type="log", domain=[0.1, 100])),
            color=alt.Color("period:N", title="Period", scale=colour),
            shape=alt.Shape("period:N", title="Period", scale=shape),
            tooltip=[
                alt.Tooltip("period:N", title="Period"),
                alt.Tooltip("region:N", title="Region"),
                alt.Tooltip("arpu_usd:Q", title="Revenue per user in the period (US$)", format=".2f"),
                alt.Tooltip("cents:Q", title="US cents per hour at the slider's share", format=".2f"),
                alt.Tooltip("per_year:Q", title="US$ per user per year at the slider's share", format=".2f"),
            ],
        )
        .add_params(slider)
        .properties(width=460, height=26 * len(table))
    )
    return charts.describe(
        chart,
        title="If the platform paid out its revenue per user: cents per hour, by region (a model)",
        description=(
            f"Dot chart, log scale: what paying out a share of Facebook's revenue per user would pay per hour on its apps, at "
            f"{minutes_per_day:g} minutes a day, with a slider for the share (from 10 % to 100 %, starting at {100 * share:g} %). "
            f"At {100 * share:g} %: "
            + "; ".join(
                f"{r.period} {r.region} {r.cents_per_hour:.2f} cents an hour, US$ {r.usd_per_year:.2f} a year" for r in table.itertuples()
            )
            + f". {PAYOUT_ASSUMPTIONS}"
        ),
        datasets=["facebook_arpu", "social_media_time"],
        model=_PAYOUT_MODEL,
    )
