"""Charts of the market for visibility: organic reach, the cost of paid reach, the share price.

Every builder takes a frame from :mod:`digital_labor.visibility` and returns a described chart;
none loads its own data, so a reader can pass another series.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import charts
from .data import ALL_PAGES, LARGE_PAGES
from .model import PAY_MODEL_ASSUMPTIONS

__all__ = ["PAY_MODEL", "organic_reach_chart", "restore_reach_chart", "rise_by_start_chart", "share_price_chart"]

PAY_MODEL = "pay-per-be-viewed cost of buying back lost organic reach"


def organic_reach_chart(table: pd.DataFrame) -> alt.Chart:
    """Organic reach by month for all sampled pages and for pages with more than 500,000 likes.

    ``table`` is :func:`~digital_labor.visibility.organic_reach` (or any frame with its columns).
    """
    colour, shape = charts.category_scales([ALL_PAGES, LARGE_PAGES])
    base = alt.Chart(table).encode(
        x=alt.X("yearmonth(month):T", title="Month", axis=alt.Axis(format="%b %Y", tickCount=5)),
        y=alt.Y("organic_reach_pct:Q", title="Organic reach (% of fans who see a post)", scale=alt.Scale(domain=[0, 14])),
        color=alt.Color("page_group:N", title="Pages", scale=colour),
    )
    chart = base.mark_line() + base.mark_point(filled=True, size=80).encode(
        shape=alt.Shape("page_group:N", title="Pages", scale=shape),
        tooltip=[alt.Tooltip("yearmonth(month):T", title="Month", format="%b %Y"), alt.Tooltip("page_group:N", title="Pages"),
                 alt.Tooltip("organic_reach_pct:Q", title="Organic reach (%)", format=".2f"), alt.Tooltip("confidence:N", title="Confidence")],
    )
    return charts.describe(
        chart.properties(width=520, height=280), title="Facebook's organic reach, October 2013 to February 2014",
        description="Line chart of organic reach by month. " + "; ".join(
            f"{r.page_group}, {r.month:%b %Y}: {r.organic_reach_pct:.2f} %" for r in table.itertuples()),
        datasets=["facebook_organic_reach"],
    )


def restore_reach_chart(grid: pd.DataFrame, *, monthly_pay_usd: float, default_cpm: float = 5.0) -> alt.LayerChart:
    """Monthly cost of buying back lost reach against fans, with a CPM slider and a pay reference line."""
    cpm = alt.param(name="cpm", value=default_cpm,
                    bind=alt.binding_range(min=float(grid["cpm_usd"].min()), max=float(grid["cpm_usd"].max()), step=0.5,
                                           name="Price of 1,000 impressions, CPM (US$): "))
    colour, shape = charts.category_scales([ALL_PAGES, LARGE_PAGES])
    x = alt.X("fans:Q", title="Fans of the page (log scale)", scale=alt.Scale(type="log"), axis=alt.Axis(format="~s"))
    y = alt.Y("monthly_cost_usd:Q", title="Monthly cost to restore reach (US$, log scale)", scale=alt.Scale(type="log", domain=[0.1, 1e6]))
    base = alt.Chart(grid).transform_filter("abs(datum.cpm_usd - cpm) < 0.01").encode(
        x=x, y=y, color=alt.Color("page_group:N", title="Reach lost by", scale=colour))
    lines = base.mark_line().add_params(cpm)
    dots = base.mark_point(filled=True, size=40).encode(
        shape=alt.Shape("page_group:N", title="Reach lost by", scale=shape),
        tooltip=[alt.Tooltip("page_group:N", title="Pages"), alt.Tooltip("fans:Q", title="Fans", format=",.0f"),
                 alt.Tooltip("cpm_usd:Q", title="CPM (US$)", format=".2f"), alt.Tooltip("monthly_cost_usd:Q", title="US$ a month", format=",.2f")])
    pay = alt.Chart(pd.DataFrame({"pay": [monthly_pay_usd], "label": [f"a click worker's monthly pay (US$ {monthly_pay_usd:.0f})"]}))
    rule = pay.mark_rule(strokeDash=[5, 4], color="black").encode(y="pay:Q")
    text = pay.mark_text(align="left", dx=4, dy=-6, fontSize=11).encode(y="pay:Q", x=alt.datum(1000), text="label:N")
    chart = alt.layer(lines, dots, rule, text).properties(width=520, height=320)
    return charts.describe(
        chart, title="What would a page pay to be seen again? (a model)",
        description=(
            "Line chart, log-log: the monthly cost of buying, as paid impressions, the views a page lost when organic reach "
            "fell from October 2013 to February 2014, against its number of fans, for the average page and for pages over "
            f"500,000 likes; a slider sets the price of 1,000 impressions (default US$ {default_cpm:.0f}); a dashed line "
            f"marks a click-farm worker's monthly pay. {PAY_MODEL_ASSUMPTIONS}"
        ),
        datasets=["facebook_organic_reach", "click_farms"], model=PAY_MODEL,
    )


def share_price_chart(prices: pd.DataFrame, window: tuple[str, str] = ("2013-10-01", "2014-02-28")) -> alt.LayerChart:
    """Monthly closes (``date``, ``close_usd``), with the essay's window shaded."""
    shade = alt.Chart(pd.DataFrame({"start": [pd.Timestamp(window[0])], "end": [pd.Timestamp(window[1])]})).mark_rect(
        color=charts.PALETTE[1], opacity=0.2).encode(x="start:T", x2="end:T")
    line = alt.Chart(prices).mark_line(color=charts.PALETTE[0]).encode(
        x=alt.X("date:T", title="Date"), y=alt.Y("close_usd:Q", title="Closing price (US$ per share)"))
    points = line.mark_point(filled=True, color=charts.PALETTE[0], size=30).encode(
        tooltip=[alt.Tooltip("date:T", title="Day", format="%d %b %Y"), alt.Tooltip("close_usd:Q", title="Close (US$)", format=".2f")])
    first, last = prices.iloc[0], prices.iloc[-1]
    chart = alt.layer(shade, line, points).properties(width=560, height=280)
    return charts.describe(
        chart, title="Facebook's share price, 2012-2014, with the essay's window shaded",
        description=(
            f"Line chart of monthly closing prices from {first.date:%d %B %Y} (US$ {first.close_usd:.2f}) to "
            f"{last.date:%d %B %Y} (US$ {last.close_usd:.2f}); the shaded band marks {window[0]} to {window[1]}."
        ),
        datasets=["facebook_share_price"],
    )


def rise_by_start_chart(table: pd.DataFrame, end: str = "2014-02-28", claimed_pct: float = 140.0) -> alt.LayerChart:
    """The rise to ``end`` from each earlier close (a :func:`~digital_labor.visibility.rise_by_start` frame),
    against the essay's claimed rise."""
    base = alt.Chart(table).encode(
        x=alt.X("start:T", title="Start of the window (the window ends on " + end + ")", axis=alt.Axis(format="%b %Y", tickCount=8)),
        y=alt.Y("change_pct:Q", title="Change of the share price to the end (%)"),
        tooltip=[alt.Tooltip("start:T", title="From", format="%d %b %Y"), alt.Tooltip("change_pct:Q", title="Change (%)", format=".1f")],
    )
    bars = base.mark_rule(color=charts.PALETTE[0], strokeWidth=2).encode(y2=alt.datum(0)) + base.mark_point(filled=True, size=50, color=charts.PALETTE[0])
    claim = alt.Chart(pd.DataFrame({"y": [claimed_pct], "label": [f"the essay's +{claimed_pct:.0f} %"]}))
    rule = claim.mark_rule(strokeDash=[5, 4], color=charts.PALETTE[3]).encode(y="y:Q")
    text = claim.mark_text(align="left", dx=4, dy=-8, color=charts.PALETTE[3]).encode(y="y:Q", x=alt.datum(alt.DateTime(year=table["start"].min().year, month=table["start"].min().month, date=1)), text="label:N")
    chart = alt.layer(bars, rule, text).properties(width=560, height=260)
    return charts.describe(
        chart, title="How much did the share price rise? It depends on where the window starts",
        description=(
            f"Bar chart: percentage change of Facebook's close from each earlier month end to {end}; a dashed line marks "
            f"the essay's +{claimed_pct:.0f} %. Largest: {table['change_pct'].max():.0f} % from "
            f"{table.loc[table['change_pct'].idxmax(), 'start']:%B %Y}; from 1 October 2013: "
            f"{table.loc[table['start'] == pd.Timestamp('2013-10-01'), 'change_pct'].iloc[0]:.1f} %."
        ),
        datasets=["facebook_share_price"],
    )
