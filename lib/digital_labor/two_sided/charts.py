"""Charts of the two-sided platform model: who pays, and when a side's price falls below zero.

Builders take the frames of :func:`digital_labor.two_sided.price_map` (and the thresholds the
notebook computes) and return described charts; the slider works without a kernel.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..charts import MISSING_COLOUR, category_scales, describe, param_equals
from .model import price_signs

__all__ = ["price_heatmap", "prices_by_externality_chart"]

_TWO_SIDED_MODEL = "two-sided monopoly platform (Armstrong 2006)"
SIDES = ["users", "advertisers"]


def _users_slider(grid: pd.DataFrame) -> alt.Parameter:
    alpha_users = sorted(grid["alpha_users"].unique())
    return alt.param(
        name="alpha_u",
        value=min(alpha_users, key=lambda value: abs(value + 0.1)),
        bind=alt.binding_range(
            min=alpha_users[0],
            max=alpha_users[-1],
            step=round(alpha_users[1] - alpha_users[0], 6),
            name="Users' benefit from each advertiser αu: ",
        ),
    )


def _long_prices(grid: pd.DataFrame) -> pd.DataFrame:
    """One row per interior grid point and side, with that side's optimal price."""
    long = grid[grid["interior"]].melt(
        id_vars=["alpha_advertisers", "alpha_users"],
        value_vars=["price_users", "price_advertisers"],
        var_name="side",
        value_name="price",
    )
    long["side"] = long["side"].map({"price_users": "users", "price_advertisers": "advertisers"})
    return long


def _price_lines(long: pd.DataFrame, users: alt.Parameter) -> alt.Chart:
    colours, shapes = category_scales(SIDES)
    return (
        alt.Chart(long)
        .transform_filter(param_equals("alpha_users", users))
        .mark_line(point=alt.OverlayMarkDef(filled=True, size=35))
        .encode(
            x=alt.X("alpha_advertisers:Q", title="Advertisers' benefit from each user αa (money units)"),
            y=alt.Y("price:Q", title="Optimal price (money units per member)"),
            color=alt.Color("side:N", title="Side", scale=colours),
            shape=alt.Shape("side:N", title="Side", scale=shapes),
            tooltip=[
                alt.Tooltip("side:N", title="Side"),
                alt.Tooltip("alpha_advertisers:Q", title="αa", format=".2f"),
                alt.Tooltip("alpha_users:Q", title="αu", format=".2f"),
                alt.Tooltip("price:Q", title="Price", format=".3f"),
            ],
        )
    )


def _zero_price_marker(thresholds: pd.DataFrame, users: alt.Parameter) -> alt.LayerChart:
    """The zero line, and a dashed rule where the users' price crosses it at the slider's αu."""
    zero = alt.Chart(pd.DataFrame({"price": [0.0]})).mark_rule(color="black").encode(y="price:Q")
    cross = alt.Chart(thresholds).transform_filter(param_equals("alpha_users", users))
    cross_rule = cross.mark_rule(color="#555555", strokeDash=[4, 3]).encode(x="alpha_advertisers:Q")
    cross_text = (
        cross.transform_calculate(text="'users pay nothing at αa = ' + format(datum.alpha_advertisers, '.2f')")
        .mark_text(align="right", dx=-6, baseline="bottom", y=12)
        .encode(x="alpha_advertisers:Q", text="text:N")
    )
    return zero + cross_rule + cross_text


def prices_by_externality_chart(grid: pd.DataFrame, thresholds: pd.DataFrame) -> alt.LayerChart:
    """Slider on the users' externality: optimal prices on each side against advertisers' externality.

    ``grid`` comes from ``price_map``; ``thresholds`` has ``alpha_users`` and
    ``alpha_advertisers`` (the value at which the users' price is zero).
    """
    users = _users_slider(grid)
    chart = (_zero_price_marker(thresholds, users) + _price_lines(_long_prices(grid), users)).add_params(users)
    low, high = thresholds["alpha_advertisers"].min(), thresholds["alpha_advertisers"].max()
    return describe(
        chart.properties(width=560, height=320),
        title="The more users are worth to advertisers, the less users pay",
        description=(
            "Line chart with a slider for the users' externality. The advertisers' optimal price "
            "rises and the users' optimal price falls as the advertisers' benefit per user grows; "
            "the users' price crosses zero at the dashed line and becomes a subsidy beyond it. "
            f"Over the slider's range the crossing lies between αa = {low:.2f} and {high:.2f}."
        ),
        model=_TWO_SIDED_MODEL,
    )


def price_heatmap(grid: pd.DataFrame) -> alt.Chart:
    """Heatmap of the users' optimal price over both externalities, with its sign written in each cell."""
    table = grid.copy()
    table["sign"] = price_signs(table)
    table["price_users"] = table["price_users"].astype(float)
    x = alt.X(
        "alpha_advertisers:O", title="Advertisers' benefit from each user αa (money units)", axis=alt.Axis(format=".1f", labelAngle=0)
    )
    y = alt.Y("alpha_users:O", title="Users' benefit from each advertiser αu (money units)", sort="descending", axis=alt.Axis(format=".1f"))
    rect = (
        alt.Chart(table)
        .mark_rect()
        .encode(
            x=x,
            y=y,
            color=alt.condition(
                "datum.interior",
                alt.Color(
                    "price_users:Q", title="Users' price (money units)", scale=alt.Scale(scheme="blueorange", domainMid=0, reverse=True)
                ),
                alt.value(MISSING_COLOUR),
            ),
            tooltip=[
                alt.Tooltip("alpha_advertisers:Q", title="αa", format=".2f"),
                alt.Tooltip("alpha_users:Q", title="αu", format=".2f"),
                alt.Tooltip("price_users:Q", title="Users' price", format=".3f"),
                alt.Tooltip("price_advertisers:Q", title="Advertisers' price", format=".3f"),
            ],
        )
    )
    text = (
        alt.Chart(table)
        .mark_text(fontSize=12, fontWeight="bold")
        .encode(
            x=x,
            y=y,
            text="sign:N",
            color=alt.condition("abs(datum.price_users) > 0.3", alt.value("white"), alt.value("black")),
        )
    )
    chart = (rect + text).properties(width=560, height=300)
    return describe(
        chart,
        title="Who pays? The users' optimal price across externalities",
        description=(
            f"Heatmap of the users' optimal price for each of {len(table)} pairs of externalities, "
            f"αa from {table['alpha_advertisers'].min():g} to {table['alpha_advertisers'].max():g} and "
            f"αu from {table['alpha_users'].min():g} to {table['alpha_users'].max():g}; each cell is "
            "marked + (users pay), 0 (free) or − (users are subsidised). " + _sign_summary(table)
        ),
        model=_TWO_SIDED_MODEL,
    )


def _sign_summary(table: pd.DataFrame) -> str:
    """How many cells of each sign, where the negative ones lie, and how many have no optimum."""
    counts = table["sign"].value_counts()
    negative = table[table["sign"] == "−"]
    where = f", all at αa of {negative['alpha_advertisers'].min():g} or more" if len(negative) else ""
    return (
        f"Users pay in {counts.get('+', 0)} cells, pay about nothing in {counts.get('0', 0)} and are "
        f"paid in {counts.get('−', 0)}{where}; {counts.get('', 0)} grey cells have no interior optimum."
    )
