"""Charts of the market for visibility: unpaid work, organic reach, paid reach, the share price.

Every builder takes frames from :mod:`digital_labor.visibility` and returns a described chart;
none loads its own data, so a reader can pass another series.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import charts
from .data import ALL_PAGES, LARGE_PAGES, rise_windows
from .model import INSHORING_ASSUMPTIONS, MARKET_MODEL_ASSUMPTIONS, PAY_MODEL_ASSUMPTIONS, MarketModel

__all__ = [
    "abnormal_range_chart",
    "abnormal_returns_chart",
    "inshoring_chart",
    "organic_reach_chart",
    "restore_reach_chart",
    "rise_by_start_chart",
]

_PAY_MODEL = "pay-per-be-viewed cost of buying back lost organic reach"


_INSHORING_MODEL = "hours of unpaid work = published items × assumed seconds per item"


_MARKET_MODEL = "market model of Facebook's monthly returns on the index's, fitted by least squares on earlier months"


def inshoring_chart(scenarios: pd.DataFrame) -> alt.LayerChart:
    """Low-high range of full-time years of unpaid work per project (an
    :func:`~digital_labor.visibility.inshoring_scenarios` frame)."""
    y = alt.Y("project:N", title=None, sort=alt.EncodingSortField("fte_years_high", order="descending"))
    tooltip = [
        alt.Tooltip("project:N", title="Project"),
        alt.Tooltip("items:Q", title="Items", format=",.0f"),
        alt.Tooltip("seconds_low:Q", title="Seconds each (low)"),
        alt.Tooltip("seconds_high:Q", title="Seconds each (high)"),
        alt.Tooltip("fte_years_low:Q", title="Full-time years (low)", format=",.0f"),
        alt.Tooltip("fte_years_high:Q", title="Full-time years (high)", format=",.0f"),
    ]
    base = alt.Chart(scenarios).encode(y=y, tooltip=tooltip)
    bar = base.mark_bar(height=18, color=charts.PALETTE[0], opacity=0.5).encode(
        x=alt.X("fte_years_low:Q", title="Full-time years of unpaid work (2,000 hours each)"), x2="fte_years_high:Q"
    )
    low = base.mark_point(filled=True, size=70, shape="circle", color=charts.PALETTE[0]).encode(x="fte_years_low:Q")
    high = base.mark_point(filled=True, size=70, shape="diamond", color=charts.PALETTE[3]).encode(x="fte_years_high:Q")
    chart = alt.layer(bar, low, high).properties(width=520, height=120)
    return charts.describe(
        chart,
        title="How much unpaid work? Two of Google's data projects in full-time years (a model)",
        description="Range chart, one bar per project from the low to the high scenario. "
        + "; ".join(
            f"{r.project}: {r.items:,.0f} {r.items_label}, {r.seconds_low:g} to {r.seconds_high:g} seconds each, "
            f"{r.hours_low:,.0f} to {r.hours_high:,.0f} hours, {r.fte_years_low:,.0f} to {r.fte_years_high:,.0f} full-time years"
            for r in scenarios.itertuples()
        )
        + f". {INSHORING_ASSUMPTIONS}",
        datasets=["dataset_annotation"],
        model=_INSHORING_MODEL,
    )


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
        tooltip=[
            alt.Tooltip("yearmonth(month):T", title="Month", format="%b %Y"),
            alt.Tooltip("page_group:N", title="Pages"),
            alt.Tooltip("organic_reach_pct:Q", title="Organic reach (%)", format=".2f"),
            alt.Tooltip("confidence:N", title="Confidence"),
        ],
    )
    return charts.describe(
        chart.properties(width=520, height=280),
        title="Facebook's organic reach, October 2013 to February 2014",
        description="Line chart of organic reach by month. "
        + "; ".join(f"{r.page_group}, {r.month:%b %Y}: {r.organic_reach_pct:.2f} %" for r in table.itertuples()),
        datasets=["facebook_organic_reach"],
    )


def _pay_reference(monthly_pay_usd: float) -> alt.LayerChart:
    pay = alt.Chart(pd.DataFrame({"pay": [monthly_pay_usd], "label": [f"a click worker's monthly pay (US$ {monthly_pay_usd:.0f})"]}))
    rule = pay.mark_rule(strokeDash=[5, 4], color="black").encode(y="pay:Q")
    text = pay.mark_text(align="left", dx=4, dy=-6, fontSize=11).encode(y="pay:Q", x=alt.datum(1000), text="label:N")
    return rule + text


def restore_reach_chart(
    grid: pd.DataFrame, *, monthly_pay_usd: float, benchmarks: pd.DataFrame, default_cpm: float | None = None
) -> alt.LayerChart:
    """Monthly cost of buying back lost reach against fans: a band over the published CPM range,
    a line at the slider's CPM, and a click worker's monthly pay for reference.

    ``grid`` is :func:`~digital_labor.visibility.restore_reach_grid`; ``benchmarks`` has a
    ``cpm_usd`` column (:func:`~digital_labor.visibility.cpm_benchmarks`), whose lowest and highest
    values bound the band; the slider starts at ``default_cpm`` (their median if not given).
    """
    low, high = float(benchmarks["cpm_usd"].min()), float(benchmarks["cpm_usd"].max())
    start = float(benchmarks["cpm_usd"].median()) if default_cpm is None else default_cpm
    cpm = alt.param(
        name="cpm", value=start, bind=alt.binding_range(min=0.1, max=10.0, step=0.01, name="Price of 1,000 impressions, CPM (US$): ")
    )
    colour, shape = charts.category_scales([ALL_PAGES, LARGE_PAGES])
    powers = [10.0**k for k in range(-1, 8)]  # log axes labelled at powers of ten, in words
    x = alt.X(
        "fans:Q",
        title="Fans of the page (log scale)",
        scale=alt.Scale(type="log"),
        axis=alt.Axis(values=powers, labelExpr=charts.COUNT_LABELS),
    )
    y = alt.Y(
        "monthly_cost_usd:Q",
        title="Monthly cost to restore reach (US$, log scale)",
        scale=alt.Scale(type="log", domain=[0.1, 1e6]),
        axis=alt.Axis(values=powers, labelExpr=charts.COUNT_LABELS),
    )
    base = alt.Chart(grid).encode(x=x, color=alt.Color("page_group:N", title="Reach lost by", scale=colour))
    band = (
        base.transform_calculate(
            cost_low=f"datum.views_bought_per_month / 1000 * {low}", cost_high=f"datum.views_bought_per_month / 1000 * {high}"
        )
        .mark_area(opacity=0.18)
        .encode(y=alt.Y("cost_low:Q", scale=alt.Scale(type="log", domain=[0.1, 1e6])), y2="cost_high:Q")
    )
    at_slider = base.transform_calculate(monthly_cost_usd="datum.views_bought_per_month / 1000 * cpm").encode(y=y)
    lines = at_slider.mark_line().add_params(cpm)
    dots = at_slider.mark_point(filled=True, size=40).encode(
        shape=alt.Shape("page_group:N", title="Reach lost by", scale=shape),
        tooltip=[
            alt.Tooltip("page_group:N", title="Pages"),
            alt.Tooltip("fans:Q", title="Fans", format=",.0f"),
            alt.Tooltip("views_bought_per_month:Q", title="Views to buy a month", format=",.0f"),
            alt.Tooltip("monthly_cost_usd:Q", title="US$ a month at the slider's CPM", format=",.2f"),
        ],
    )
    chart = alt.layer(band, lines, dots, _pay_reference(monthly_pay_usd)).properties(width=520, height=320)
    return charts.describe(
        chart,
        title="What would a page pay to be seen again? (a model)",
        description=(
            "Line chart, log-log: the monthly cost of buying, as paid impressions, the views a page lost when organic reach "
            "fell from October 2013 to February 2014, against its number of fans, for the average page and for pages over "
            f"500,000 likes. The shaded bands span the published 2014 prices of 1,000 Facebook impressions, US$ {low:.2f} "
            f"to {high:.2f}; the lines follow a slider (starting at US$ {start:.2f}); a dashed line marks a click-farm "
            f"worker's monthly pay. {PAY_MODEL_ASSUMPTIONS}"
        ),
        datasets=["facebook_organic_reach", "facebook_cpm_benchmarks", "click_farms"],
        model=_PAY_MODEL,
    )


def rise_by_start_chart(
    table: pd.DataFrame, end: str = "2014-02-28", claimed_pct: float = 140.0, index: pd.DataFrame | None = None
) -> alt.LayerChart:
    """The rise to ``end`` from each earlier close (a :func:`~digital_labor.visibility.rise_by_start`
    frame) against the essay's claimed rise; with ``index`` (an
    :func:`~digital_labor.visibility.abnormal_by_start` frame), the index's rise from the same days too."""
    series = [("Facebook", table[["start", "change_pct"]])]
    if index is not None:
        series.append((index.attrs.get("index", "market index"), index[["start", "index_pct"]].rename(columns={"index_pct": "change_pct"})))
    long = pd.concat([frame.assign(series=name) for name, frame in series], ignore_index=True)
    colour, shape = charts.category_scales([name for name, _ in series])
    base = alt.Chart(long).encode(
        x=alt.X("start:T", title="Start of the window (the window ends on " + end + ")", axis=alt.Axis(format="%b %Y", tickCount=8)),
        y=alt.Y("change_pct:Q", title="Change to the end of the window (%)"),
        color=alt.Color("series:N", title=None, scale=colour),
    )
    marks = base.mark_line(strokeWidth=1.5) + base.mark_point(filled=True, size=50).encode(
        shape=alt.Shape("series:N", title=None, scale=shape),
        tooltip=[
            alt.Tooltip("series:N", title="Series"),
            alt.Tooltip("start:T", title="From", format="%d %b %Y"),
            alt.Tooltip("change_pct:Q", title="Change (%)", format=".1f"),
        ],
    )
    claim = alt.Chart(pd.DataFrame({"y": [claimed_pct], "label": [f"the essay's +{claimed_pct:.0f} %"]}))
    rule = claim.mark_rule(strokeDash=[5, 4], color=charts.PALETTE[3]).encode(y="y:Q")
    first = table["start"].min()
    text = claim.mark_text(align="left", dx=4, dy=-8, color=charts.PALETTE[3]).encode(
        y="y:Q", x=alt.datum(alt.DateTime(year=first.year, month=first.month, date=1)), text="label:N"
    )
    windows = rise_windows(table, claimed_pct)
    reach = (
        f"at least +{claimed_pct:.0f} % for {windows['count']} start dates, from {windows['first']:%B %Y} to {windows['last']:%B %Y}"
        if windows["count"]
        else f"never +{claimed_pct:.0f} %"
    )
    also = "" if index is None else f" The second series is the {series[1][0]}'s change from the same days."
    chart = alt.layer(marks, rule, text).properties(width=560, height=260)
    return charts.describe(
        chart,
        title="How much did the share price rise? It depends on where the window starts",
        description=(
            f"Line chart: percentage change of Facebook's close from each earlier close to {end}; a dashed line marks the "
            f"essay's +{claimed_pct:.0f} %. The change is {reach}. Largest: {table['change_pct'].max():.0f} % from "
            f"{table.loc[table['change_pct'].idxmax(), 'start']:%B %Y}." + also
        ),
        datasets=["facebook_share_price"] + ([] if index is None else ["market_index_monthly"]),
    )


def abnormal_returns_chart(model: MarketModel) -> alt.LayerChart:
    """Monthly abnormal returns of a fitted :class:`~digital_labor.visibility.model.MarketModel`, by period."""
    periods = [p for p in ("before", "estimation", "essay's window", "after") if p in set(model.returns["period"])]
    colour, shape = charts.category_scales(periods)
    base = alt.Chart(model.returns).encode(
        x=alt.X("yearmonth(date):T", title="Month", axis=alt.Axis(format="%b %Y", tickCount=10)),
        y=alt.Y("abnormal_pct:Q", title="Abnormal return (% in the month)"),
        color=alt.Color("period:N", title="Months", scale=colour),
        tooltip=[
            alt.Tooltip("yearmonth(date):T", title="Month", format="%b %Y"),
            alt.Tooltip("facebook_pct:Q", title="Facebook (%)", format=".1f"),
            alt.Tooltip("index_pct:Q", title=f"{model.index} (%)", format=".1f"),
            alt.Tooltip("expected_pct:Q", title="Expected (%)", format=".1f"),
            alt.Tooltip("abnormal_pct:Q", title="Abnormal (%)", format=".1f"),
            alt.Tooltip("period:N", title="Months"),
        ],
    )
    # The period is carried by a shape at the tip of each bar as well as by colour.
    tips = base.mark_point(filled=True, size=60).encode(shape=alt.Shape("period:N", title="Months", scale=shape))
    chart = alt.layer(base.mark_bar(opacity=0.8), tips).properties(width=560, height=260)
    window = model.returns[model.returns["period"] == "essay's window"]
    return charts.describe(
        chart,
        title="Facebook's monthly return beyond what the market predicts (a model)",
        description=(
            f"Bar chart of monthly abnormal returns against the {model.index}: beta {model.beta:.2f} (standard error "
            f"{model.beta_se:.2f}), fitted on {model.n_estimation} months; residual standard deviation {model.residual_sd_pct:.1f} % a month. "
            "Essay's window: "
            + ", ".join(f"{r.date:%b %Y} {r.abnormal_pct:+.1f} %" for r in window.itertuples())
            + f"; cumulative {model.car_pct:+.1f} % (t = {model.t_stat:.2f}). {MARKET_MODEL_ASSUMPTIONS}"
        ),
        datasets=["facebook_share_price", "market_index_monthly"],
        source=f"{_MARKET_MODEL[0].upper()}{_MARKET_MODEL[1:]} (a statistical benchmark fitted to these data, not a simulation)",
    )


def abnormal_range_chart(specifications: pd.DataFrame) -> alt.LayerChart:
    """The window's cumulative abnormal return under each specification of a
    :func:`~digital_labor.visibility.market_model_range` table, with a rule at zero."""
    indices = list(dict.fromkeys(specifications["index"]))
    colour, shape = charts.category_scales(indices)
    order = list(specifications.sort_values("car_pct")["specification"])
    points = (
        alt.Chart(specifications)
        .mark_point(filled=True, size=90)
        .encode(
            x=alt.X("car_pct:Q", title="Cumulative abnormal return, October 2013 to February 2014 (%)"),
            y=alt.Y("specification:N", title="Specification", sort=order),
            color=alt.Color("index:N", title="Index", scale=colour),
            shape=alt.Shape("index:N", title="Index", scale=shape),
            tooltip=[
                alt.Tooltip("specification:N", title="Specification"),
                alt.Tooltip("description:N", title="What it assumes"),
                alt.Tooltip("months:Q", title="Estimation months"),
                alt.Tooltip("beta:Q", title="Beta", format=".2f"),
                alt.Tooltip("car_pct:Q", title="Cumulative abnormal return (%)", format="+.1f"),
                alt.Tooltip("t_stat:Q", title="t statistic", format=".2f"),
            ],
        )
    )
    zero = alt.Chart(pd.DataFrame({"car_pct": [0.0]})).mark_rule(color="black", strokeDash=[4, 3]).encode(x="car_pct:Q")
    low, high = specifications["car_pct"].min(), specifications["car_pct"].max()
    return charts.describe(
        alt.layer(zero, points).properties(width=460, height=24 * len(specifications)),
        title="Facebook's abnormal return over the essay's window depends on the specification",
        description=(
            f"Dot plot of the cumulative abnormal return over October 2013 to February 2014 under {len(specifications)} "
            f"specifications, from {low:+.1f} % to {high:+.1f} %: "
            + "; ".join(f"{r.specification} {r.car_pct:+.1f} %" for r in specifications.itertuples())
            + ". A dashed line marks zero."
        ),
        datasets=["facebook_share_price", "market_index_monthly"],
        source=f"{_MARKET_MODEL[0].upper()}{_MARKET_MODEL[1:]}, under several specifications (statistical benchmarks, not simulations)",
    )
