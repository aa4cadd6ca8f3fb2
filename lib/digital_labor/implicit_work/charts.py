"""Charts of the implicit-work model: the ratio over the years with sliders, its sensitivity to
each assumption (a tornado), and a platform against a retailer (the page draws the joint band)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import charts
from .model import DEFAULT_PRODUCTIVE_SHARE, DEFAULT_USERS, RATIO_ASSUMPTIONS

__all__ = ["firm_comparison_chart", "implicit_ratio_chart", "sensitivity_chart"]

_RATIO_MODEL = "implicit-work ratio = users' productive hours in full-time equivalents / the firm's employees"
FIRMS = ["Facebook", "Walmart"]

LOG_TICKS = [0.01, 0.1, 1, 10, 100, 1_000, 10_000, 100_000]  # powers of ten: a log axis labelled in words


def _sliders(default_minutes: float, low_minutes: float, high_minutes: float) -> tuple[alt.Parameter, alt.Parameter, alt.Parameter]:
    share = alt.param(
        name="share",
        value=round(100 * DEFAULT_PRODUCTIVE_SHARE),
        bind=alt.binding_range(min=0, max=100, step=5, name="Productive share of the time (%): "),
    )
    minutes = alt.param(
        name="minutes",
        value=default_minutes,
        bind=alt.binding_range(min=low_minutes, max=high_minutes, step=5, name="Minutes a day on Facebook's apps: "),
    )
    users = alt.param(
        name="users",
        value=DEFAULT_USERS,
        bind=alt.binding_radio(options=["daily", "monthly"], name="Users counted (active users): "),
    )
    return share, minutes, users


def implicit_ratio_chart(
    by_year: pd.DataFrame, *, default_minutes: float, low_minutes: float, high_minutes: float, hours_per_fte_year: float = 2000.0
) -> alt.LayerChart:
    """Full-time equivalents of implicit work per employee, by year, recomputed in the page for
    two sliders (productive share, minutes a day) and a choice of users counted (daily or monthly
    active); ``by_year`` is a :func:`~digital_labor.implicit_work.ratio_by_year` frame (its
    ``ratio`` column, at the defaults, is used for the description)."""
    share, minutes, users = _sliders(default_minutes, low_minutes, high_minutes)
    counted = f"({users.name} == 'daily' ? datum.daily_users : datum.monthly_users)"
    formula = f"{counted} * {minutes.name} / 60 * 365 * {share.name} / 100 / {hours_per_fte_year:g} / datum.employees"
    base = (
        alt.Chart(by_year)
        .transform_calculate(ratio_now=formula)
        .encode(
            x=alt.X("year:O", title="Year"),
            y=alt.Y("ratio_now:Q", title="Implicit work per employee (full-time equivalents)", scale=alt.Scale(zero=True)),
        )
    )
    line = base.mark_line(color=charts.PALETTE[0]).add_params(share, minutes, users)
    points = base.mark_point(filled=True, size=60, color=charts.PALETTE[0]).encode(
        tooltip=[
            alt.Tooltip("year:O", title="Year"),
            alt.Tooltip("daily_users:Q", title="Daily active users (December)", format=",.0f"),
            alt.Tooltip("monthly_users:Q", title="Monthly active users (31 December)", format=",.0f"),
            alt.Tooltip("employees:Q", title="Employees", format=",.0f"),
            alt.Tooltip("ratio_now:Q", title="FTE of implicit work per employee", format=",.0f"),
        ]
    )
    labels = base.mark_text(dy=-10, fontSize=10).encode(text=alt.Text("ratio_now:Q", format=",.0f"))
    chart = alt.layer(line, points, labels).properties(width=520, height=280)
    first, last = by_year.iloc[0], by_year.iloc[-1]
    return charts.describe(
        chart,
        title="How many full-time jobs of users' work per Facebook employee? (a model)",
        description=(
            f"Line chart by year of the full-time equivalents of users' productive time per Facebook employee, with two sliders: "
            f"the productive share (0 to 100 %, starting at {DEFAULT_PRODUCTIVE_SHARE:.0%}) and the minutes a day ({low_minutes:g} "
            f"to {high_minutes:g}, starting at {default_minutes:g}), and a choice of users counted (daily or monthly active, "
            f"starting at {DEFAULT_USERS}). At the starting values the ratio goes from {first.ratio:,.0f} "
            f"in {int(first.year)} to {last.ratio:,.0f} in {int(last.year)}: "
            + "; ".join(f"{int(r.year)} {r.ratio:,.0f}" for r in by_year.itertuples())
            + f". {RATIO_ASSUMPTIONS}"
        ),
        datasets=["facebook_users_employees", "facebook_daily_users", "social_media_time"],
        model=_RATIO_MODEL,
    )


def sensitivity_chart(table: pd.DataFrame) -> alt.LayerChart:
    """Tornado chart of a :func:`~digital_labor.implicit_work.sensitivity` frame: for each
    parameter, the ratio at its low and its high value, the base ratio marked."""
    base_ratio = float(table["base_ratio"].iloc[0])
    shown = table.assign(
        low_label=[_value_label(r.parameter, r.low) for r in table.itertuples()],
        high_label=[_value_label(r.parameter, r.high) for r in table.itertuples()],
        left=table[["ratio_low", "ratio_high"]].min(axis=1),
        right=table[["ratio_low", "ratio_high"]].max(axis=1),
    )
    y = alt.Y("label:N", title=None, sort=list(table["label"]))
    x_title = "Implicit work per employee (full-time equivalents)"
    bars = (
        alt.Chart(shown)
        .mark_bar(height=22, color=charts.PALETTE[4])
        .encode(
            y=y,
            x=alt.X("left:Q", title=x_title, scale=alt.Scale(zero=True)),
            x2="right:Q",
            tooltip=[
                alt.Tooltip("label:N", title="Parameter"),
                alt.Tooltip("low_label:N", title="Low value"),
                alt.Tooltip("ratio_low:Q", title="Ratio at the low value", format=",.0f"),
                alt.Tooltip("high_label:N", title="High value"),
                alt.Tooltip("ratio_high:Q", title="Ratio at the high value", format=",.0f"),
            ],
        )
    )
    low_text = alt.Chart(shown).mark_text(align="right", dx=-4, fontSize=10).encode(y=y, x="left:Q", text=alt.Text("left:Q", format=",.0f"))
    high_text = (
        alt.Chart(shown).mark_text(align="left", dx=4, fontSize=10).encode(y=y, x="right:Q", text=alt.Text("right:Q", format=",.0f"))
    )
    rule = alt.Chart(pd.DataFrame({"base": [base_ratio]})).mark_rule(color="black", strokeDash=[4, 3]).encode(x="base:Q")
    chart = alt.layer(bars, low_text, high_text, rule).properties(width=460, height=40 * len(table))
    return charts.describe(
        chart,
        title="Which assumption matters most? One parameter at a time (a model)",
        description=(
            f"Tornado chart: the ratio is {base_ratio:,.0f} full-time equivalents per employee at the base values (dashed line). "
            + "; ".join(
                f"{r.label}: {r.ratio_low:,.0f} at {_value_label(r.parameter, r.low)}, {r.ratio_high:,.0f} at "
                f"{_value_label(r.parameter, r.high)}"
                for r in table.itertuples()
            )
            + f". {RATIO_ASSUMPTIONS}"
        ),
        datasets=["facebook_users_employees", "facebook_daily_users", "social_media_time"],
        model=_RATIO_MODEL,
    )


def _value_label(parameter: str, value: float) -> str:
    if parameter == "productive_share":
        return f"{value:.0%}"
    if parameter == "minutes_per_day":
        return f"{value:g} minutes"
    if parameter == "hours_per_fte_year":
        return f"{value:,.0f} hours"
    if parameter == "users":
        return f"{value / 1e6:,.0f} million users"
    return f"{value:,.0f}"


def _ratio_text(ratio: float) -> str:
    """A ratio as a reader reads it: whole numbers from 100 up, three decimals below one, never '1.66e+3'."""
    if ratio >= 100:
        return f"{ratio:,.0f}"
    return f"{ratio:.1f}" if ratio >= 1 else f"{ratio:.3f}"


def firm_comparison_chart(table: pd.DataFrame) -> alt.LayerChart:
    """Implicit work per employee for each scenario of a
    :func:`~digital_labor.implicit_work.firm_comparison` frame, log scale, firms told apart by
    colour and shape."""
    colour, shape = charts.category_scales(FIRMS)
    shown = table.assign(row=table["firm"] + ": " + table["scenario"], shown=[_ratio_text(r) for r in table["ratio"]])
    base = alt.Chart(shown).encode(
        y=alt.Y("row:N", title=None, sort=list(shown["row"]), axis=alt.Axis(labelLimit=360)),
        x=alt.X(
            "ratio:Q",
            title="Implicit work per employee (full-time equivalents, log scale)",
            scale=alt.Scale(type="log"),
            axis=alt.Axis(values=LOG_TICKS, labelExpr=charts.COUNT_LABELS),
        ),
    )
    dots = base.mark_point(filled=True, size=110).encode(
        color=alt.Color("firm:N", title="Firm", scale=colour),
        shape=alt.Shape("firm:N", title="Firm", scale=shape),
        tooltip=[
            alt.Tooltip("firm:N", title="Firm"),
            alt.Tooltip("scenario:N", title="Scenario"),
            alt.Tooltip("implicit_fte:Q", title="FTE of implicit work", format=",.0f"),
            alt.Tooltip("employees:Q", title="Employees", format=",.0f"),
            alt.Tooltip("shown:N", title="FTE per employee"),
        ],
    )
    labels = base.mark_text(align="left", dx=9, fontSize=11).encode(text="shown:N")
    chart = alt.layer(dots, labels).properties(width=420, height=30 * len(table))
    return charts.describe(
        chart,
        title="A platform's users and a retailer's customers: implicit work per employee (a model)",
        description="Dot chart, log scale, of full-time equivalents of unpaid work per employee: "
        + "; ".join(f"{r.firm}, {r.scenario}: {_ratio_text(r.ratio)}" for r in table.itertuples())
        + f". {RATIO_ASSUMPTIONS} For Walmart: weekly customer visits × 52 × minutes of self-service per visit, all of it counted.",
        datasets=["facebook_users_employees", "facebook_daily_users", "social_media_time", "walmart_customer_visits"],
        model=_RATIO_MODEL,
    )
