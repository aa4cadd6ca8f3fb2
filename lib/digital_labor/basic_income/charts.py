"""Charts of the basic-income model: maps of the payouts, concentration curves,
North-South transfers, a summary of the grid, and the explorer that recomputes a scenario in the page.

Every builder takes frames from :mod:`digital_labor.basic_income` and returns a chart that went
through :func:`digital_labor.charts.describe`.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from .. import charts
from ..params import require
from .model import ASSUMPTIONS, RATES, RULES

__all__ = [
    "EXPLORER_RATES",
    "concentration_chart",
    "base_factors",
    "explorer_with_bases",
    "explorer_table",
    "grid_chart",
    "payout_map",
    "transfer_chart",
]

_MODEL = "a digital basic income financed by a tax on platform revenue, paid out by four rules"
DATASETS = ["platform_firms_recent", "facebook_arpu", "countries"]
RULE_LABELS = list(RULES.values())
DEFINITION_LABELS = {"un_developed": "UN (former developed regions)", "wb_high_income": "World Bank (high income)"}
# The slider runs over the grid's own rates (% of revenue): lowest non-zero, highest, step.
EXPLORER_RATES = (round(100 * float(RATES[1]), 2), round(100 * float(RATES[-1]), 2), round(100 * float(RATES[1] - RATES[0]), 2))
MAP_DOMAIN = [0.05, 200]  # US$ per person per year on the explorer's log colour scale


def _rule_scales() -> tuple[alt.Scale, alt.Scale]:
    colour, _ = charts.category_scales(RULE_LABELS)
    dashes = alt.Scale(domain=RULE_LABELS, range=[[1, 0], [6, 3], [2, 2], [8, 2, 2, 2]])
    return colour, dashes


def payout_map(frame: pd.DataFrame, *, measure: str = "usd_per_person", title: str, log: bool = True) -> alt.LayerChart:
    """World map of one scenario (a :func:`~digital_labor.basic_income.scenario` frame): US$ per
    person per year (``usd_per_person``), PPP$ (``ppp_per_person``) or % of GDP per person.

    Drawn by :func:`digital_labor.charts.choropleth`; its source line also labels the model."""
    titles = {
        "usd_per_person": "US$ per person per year",
        "ppp_per_person": "PPP$ per person per year",
        "share_of_gdp_pct": "% of GDP per person",
    }
    params = frame.attrs
    values = frame[frame[measure] > 0] if log else frame
    ordered = frame.sort_values(measure)
    low, high = ordered.iloc[0], ordered.iloc[-1]
    return charts.choropleth(
        values,
        value=measure,
        value_title=titles[measure],
        title=title,
        description=(
            f"World map (a model): {titles[measure]} under the {RULES[params['rule']]} rule, at a tax of "
            f"{100 * params['rate']:g} % on US$ {params['base_musd'] / 1000:,.0f} billion of platform revenue. "
            f"Lowest: {low['name']} ({low[measure]:,.2f}); highest: {high['name']} ({high[measure]:,.2f}); "
            f"median country: {frame[measure].median():,.2f}. Countries without GDP figures are grey. {ASSUMPTIONS}"
        ),
        datasets=DATASETS,
        value_format=",.2f",
        scale=alt.Scale(type="log", scheme=charts.SEQUENTIAL_SCHEME) if log else None,
    ).properties(title=alt.TitleParams(text=title, subtitle=textwrap.wrap(charts.source_line(DATASETS, _MODEL), charts.SOURCE_LINE_WIDTH)))


def concentration_chart(curves: pd.DataFrame) -> alt.LayerChart:
    """Concentration curves: the cumulative share of the income received by the poorest x % of the
    world's population (countries ranked by GDP per person at PPP), one line per rule.

    ``curves`` has ``rule`` (a label of :data:`RULES`), ``population_share`` and ``value_share``.
    """
    colour, dashes = _rule_scales()
    table = curves.assign(population_pct=100 * curves["population_share"], value_pct=100 * curves["value_share"])
    equality = alt.Chart(pd.DataFrame({"x": [0, 100], "y": [0, 100]})).mark_line(color="#999", strokeWidth=1).encode(x="x:Q", y="y:Q")
    lines = (
        alt.Chart(table)
        .mark_line(strokeWidth=2)
        .encode(
            x=alt.X("population_pct:Q", title="World population, poorest countries first (cumulative %)", scale=alt.Scale(domain=[0, 100])),
            y=alt.Y("value_pct:Q", title="Share of the income received (cumulative %)", scale=alt.Scale(domain=[0, 100])),
            color=alt.Color("rule:N", title="Rule", scale=colour),
            strokeDash=alt.StrokeDash("rule:N", title="Rule", scale=dashes),
            order="population_pct:Q",
            tooltip=[
                alt.Tooltip("rule:N", title="Rule"),
                alt.Tooltip("population_pct:Q", title="Poorest % of the population", format=".1f"),
                alt.Tooltip("value_pct:Q", title="% of the income they receive", format=".1f"),
            ],
        )
    )
    chart = alt.layer(equality, lines).properties(width=420, height=320)
    half = {
        rule: float(group.loc[(group["population_share"] - 0.5).abs().idxmin(), "value_share"]) for rule, group in curves.groupby("rule")
    }
    return charts.describe(
        chart,
        title="Who receives the income? Concentration curves by rule (a model)",
        description=(
            "Lines from the lower left to the upper right: for each rule, the cumulative share of the income received by the "
            "world's population ranked from the poorest country to the richest (GDP per person at PPP); the grey diagonal is an "
            "equal amount for everyone. The poorest half of the world's population receives: "
            + "; ".join(f"{rule} {100 * share:.0f} %" for rule, share in half.items())
            + f". {ASSUMPTIONS}"
        ),
        datasets=DATASETS,
        model=_MODEL,
    )


def transfer_chart(transfers: pd.DataFrame) -> alt.FacetChart:
    """Bars: the net transfer from North to South (US$ million a year) by rule, one panel per
    North/South definition. ``transfers`` has ``rule`` (label), ``definition`` and ``transfer_musd``."""
    transfers = transfers.assign(definition=transfers["definition"].replace(DEFINITION_LABELS))
    base = alt.Chart(transfers).encode(y=alt.Y("rule:N", title=None, sort=RULE_LABELS))
    bars = base.mark_bar(color=charts.PALETTE[1]).encode(
        x=alt.X("transfer_musd:Q", title="Net transfer from North to South (US$ million a year)"),
        tooltip=[
            alt.Tooltip("definition:N", title="North/South"),
            alt.Tooltip("rule:N", title="Rule"),
            alt.Tooltip("transfer_musd:Q", title="US$ million a year", format=",.0f"),
            alt.Tooltip("share_pct:Q", title="% of the tax raised", format=".1f"),
        ],
    )
    text = base.mark_text(align="left", dx=4, fontSize=11).encode(x="transfer_musd:Q", text=alt.Text("transfer_musd:Q", format=",.0f"))
    chart = (
        alt.layer(bars, text, data=transfers)
        .properties(width=400, height=120)
        .facet(row=alt.Row("definition:N", title="North/South definition"))
    )
    return charts.describe(
        chart,
        title="How much would cross from North to South? (a model)",
        description=(
            "Horizontal bars, one panel per North/South definition: what the South receives minus the tax raised on the revenue "
            "attributed to it, US$ million a year. "
            + "; ".join(
                f"{r.definition}, {r.rule}: {r.transfer_musd:,.0f} ({r.share_pct:.1f} % of the tax)" for r in transfers.itertuples()
            )
            + f". {ASSUMPTIONS}"
        ),
        datasets=DATASETS,
        model=_MODEL,
    )


def grid_chart(table: pd.DataFrame, base_label: str, target_pct: float = 1.0) -> alt.LayerChart:
    """Lines from the grid (a :meth:`Grid.table` frame for one base): the payout to low-income
    countries as a % of their GDP against the tax rate, one line per rule, and the ``target_pct`` line."""
    colour, dashes = _rule_scales()
    columns = ["rate_pct", "rule", "low_income_pct_of_gdp", "usd_per_person_world"]
    shown = table[columns].assign(rule=table["rule"].map(RULES))
    lines = (
        alt.Chart(shown)
        .mark_line(strokeWidth=2)
        .encode(
            x=alt.X("rate_pct:Q", title="Tax rate (% of the base's revenue)"),
            y=alt.Y("low_income_pct_of_gdp:Q", title="Payout to low-income countries (% of their GDP)"),
            color=alt.Color("rule:N", title="Rule", scale=colour),
            strokeDash=alt.StrokeDash("rule:N", title="Rule", scale=dashes),
            tooltip=[
                alt.Tooltip("rule:N", title="Rule"),
                alt.Tooltip("rate_pct:Q", title="Rate (%)", format=".2f"),
                alt.Tooltip("low_income_pct_of_gdp:Q", title="% of low-income GDP", format=".2f"),
                alt.Tooltip("usd_per_person_world:Q", title="World average, US$ per person per year", format=",.2f"),
            ],
        )
    )
    target = alt.Chart(pd.DataFrame({"y": [target_pct]})).mark_rule(strokeDash=[4, 3], color="#444").encode(y="y:Q")
    chart = alt.layer(target, lines).properties(width=440, height=300)
    top = shown[shown["rate_pct"] == shown["rate_pct"].max()]
    return charts.describe(
        chart,
        title=f"What the grid says: the income as a share of low-income countries' GDP ({base_label})",
        description=(
            f"Lines, one per rule: the payout to the World Bank's low-income countries, as a % of their GDP, for tax rates from "
            f"{shown['rate_pct'].min():g} % to {shown['rate_pct'].max():g} % of the base ({base_label}); the dashed line marks "
            f"{target_pct:g} %. At the highest rate: "
            + "; ".join(f"{r.rule} {r.low_income_pct_of_gdp:.2f} %" for r in top.itertuples())
            + f". {ASSUMPTIONS}"
        ),
        datasets=DATASETS,
        model=_MODEL,
    )


def explorer_table(countries: pd.DataFrame, shares: pd.DataFrame, base_musd: float) -> pd.DataFrame:
    """What the explorer carries: per country, the payout (US$ per person per year) for each point of
    tax rate under each rule, with population, GDP per person at PPP and the price level. The payouts
    are linear in the rate, so the page multiplies by the slider's value."""
    per_point = {rule: base_musd * 1e6 * 0.01 * shares[rule].to_numpy() / countries["population"].to_numpy() for rule in RULES}
    frame = countries[["iso3", "name", "population", "gdp_pc_ppp", "price_level"]].assign(**per_point)
    return frame.round({"gdp_pc_ppp": 0, "price_level": 4, **{rule: 5 for rule in RULES}})


def _choice(param: alt.Parameter, values: dict[str, str]) -> str:
    """Vega expression that reads a menu whose options are labels: the value of the chosen label."""
    quoted = [label for label in values if "'" in label]
    require(not quoted, f"Menu labels cannot hold a single quote: {quoted}.")
    *first, (last_label, last) = values.items()
    return "(" + "".join(f"{param.name} === '{label}' ? {value} : " for label, value in first) + f"{last})"


def _payout_expression(rate: alt.Parameter, rule: alt.Parameter) -> str:
    """Vega expression of the payout at the controls' rate and rule (US$ per person per year); the
    rule menu's value is the rule's label."""
    return f"{rate.name} * " + _choice(rule, {label: f"datum.{key}" for key, label in RULES.items()})


def _explorer_map(table: pd.DataFrame, payout: str, width: int) -> alt.LayerChart:
    colour = alt.Color(
        "payout:Q",
        title="US$ per person per year (log scale)",
        scale=alt.Scale(type="log", domain=MAP_DOMAIN, clamp=True, scheme=charts.SEQUENTIAL_SCHEME),
        legend=alt.Legend(orient="bottom", direction="horizontal", gradientLength=300, titleLimit=600),
    )
    fields = ["name", *RULES]
    values = (
        alt.Chart(charts.world_geometry())
        .mark_geoshape(stroke="white", strokeWidth=0.4)
        .transform_lookup(lookup="properties.iso3", from_=alt.LookupData(table, "iso3", fields))
        .transform_filter("isValid(datum.name)")
        .transform_calculate(payout=payout, country="datum.name", shown="format(datum.payout, ',.2f')")
        .encode(
            color=colour,
            tooltip=[
                alt.Tooltip("country:N", title="Country"),
                alt.Tooltip("shown:N", title="US$ per person per year, at the chosen rate and rule"),
                *[
                    alt.Tooltip(f"{rule}:Q", title=f"{label}: US$ per person per year for each point of rate", format=",.3f")
                    for rule, label in RULES.items()
                ],
            ],
        )
    )
    # The library's no-data layer (every country in grey) goes under the values, as in charts.choropleth.
    return (
        alt.layer(charts._no_data_layer("US$ per person per year"), values)
        .project(type="equalEarth")
        .properties(width=width, height=round(width * 0.49))
    )


def _explorer_lorenz(table: pd.DataFrame, payout: str, gini_before: float) -> alt.LayerChart:
    colour, dashes = charts.category_scales(["who receives the income", "GDP per person plus the income"])
    dash_scale = alt.Scale(domain=colour.domain, range=[[1, 0], [6, 3]])
    base = alt.Chart(table).transform_calculate(payout=payout)
    axes = dict(
        x=alt.X("x:Q", title="World population, poorest first (cumulative %)", scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("y:Q", title="Cumulative %", scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("curve:N", title="Curve", scale=colour),
        strokeDash=alt.StrokeDash("curve:N", title="Curve", scale=dash_scale),
        order="x:Q",
    )
    tooltip = [
        alt.Tooltip("curve:N", title="Curve"),
        alt.Tooltip("x:Q", title="Poorest % of the population", format=".1f"),
        alt.Tooltip("y:Q", title="Their cumulative %", format=".1f"),
    ]
    received = (
        base.transform_calculate(paid="datum.payout * datum.population")
        .transform_window(cum_pop="sum(population)", cum_paid="sum(paid)", sort=[alt.SortField("gdp_pc_ppp")])
        .transform_joinaggregate(total_pop="sum(population)", total_paid="sum(paid)")
        .transform_calculate(
            x="100 * datum.cum_pop / datum.total_pop", y="100 * datum.cum_paid / datum.total_paid", curve="'who receives the income'"
        )
        .mark_line(strokeWidth=2)
        .encode(**axes, tooltip=tooltip)
    )
    after = (
        base.transform_calculate(income="datum.gdp_pc_ppp + datum.payout / datum.price_level")
        .transform_calculate(weighted="datum.income * datum.population")
        .transform_window(cum_pop="sum(population)", cum_inc="sum(weighted)", sort=[alt.SortField("income")])
        .transform_joinaggregate(total_pop="sum(population)", total_inc="sum(weighted)")
        .transform_calculate(
            x="100 * datum.cum_pop / datum.total_pop", y="100 * datum.cum_inc / datum.total_inc", curve="'GDP per person plus the income'"
        )
    )
    after_line = after.mark_line(strokeWidth=2).encode(**axes, tooltip=tooltip)
    # Gini = 1 - sum of p_k (2 L_k - q_k): p the population share, L the cumulative share, q the country's share.
    gini_text = (
        after.transform_calculate(
            term="datum.population / datum.total_pop * (2 * datum.cum_inc / datum.total_inc - datum.weighted / datum.total_inc)"
        )
        .transform_aggregate(area="sum(term)")
        .transform_calculate(
            label=f"'Gini of GDP per person (PPP)\\nwith the income: ' + format(1 - datum.area, '.4f') + '\\nwithout: {gini_before:.4f}'"
        )
        .mark_text(align="left", baseline="top", fontSize=11, lineBreak="\n")
        .encode(x=alt.value(6), y=alt.value(6), text="label:N")
    )
    equality = alt.Chart(pd.DataFrame({"x": [0, 100], "y": [0, 100]})).mark_line(color="#999", strokeWidth=1).encode(x="x:Q", y="y:Q")
    return alt.layer(equality, received, after_line, gini_text).properties(width=300, height=300)


def base_factors(bases: pd.DataFrame) -> pd.Series:
    """Each base's revenue over the largest base's (indexed by base), the factor the base menu applies."""
    revenue = bases.set_index("base")["revenue_musd"].astype(float)
    return revenue / revenue.max()


def explorer_with_bases(
    table: pd.DataFrame, bases: pd.DataFrame, *, gini_before: float, base: str, rate_pct: float = 3.0, rule: str = "per_click"
) -> alt.HConcatChart:
    """The explorer with three controls: the tax rate, the distribution rule and the tax base.

    ``table`` is an :func:`~digital_labor.basic_income.explorer_table` computed on the largest of
    ``bases`` (a :func:`~digital_labor.basic_income.tax_bases` frame); ``base`` is the menu's first choice.
    """
    factors = base_factors(bases)
    if base not in factors.index:
        raise ValueError(f"Unknown base '{base}'; use one of {list(factors.index)}.")
    if rule not in RULES:
        raise ValueError(f"Unknown rule '{rule}'; use one of {list(RULES)}.")
    labels = bases.set_index("base").loc[factors.index, "label"].tolist()
    low, high, step = EXPLORER_RATES
    rate = alt.param(name="rate", value=rate_pct, bind=alt.binding_range(min=low, max=high, step=step, name="Tax rate (% of revenue): "))
    # The menus' values are their labels, so that a reader (and the value tables' note) sees the choice, not a code.
    chosen = alt.param(name="rule", value=RULES[rule], bind=alt.binding_select(options=RULE_LABELS, name="Rule: "))
    scale = alt.param(
        name="base", value=labels[list(factors.index).index(base)], bind=alt.binding_select(options=labels, name="Tax base: ")
    )
    factor = _choice(scale, {label: f"{value:.6f}" for label, value in zip(labels, factors)})
    payout = f"{factor} * {_payout_expression(rate, chosen)}"
    chart = (
        alt.hconcat(_explorer_map(table, payout, 420), _explorer_lorenz(table, payout, gini_before))
        .add_params(rate, chosen, scale)
        .resolve_legend(color="independent", strokeDash="independent")
    )
    revenue = bases.set_index("base")["revenue_musd"]
    return charts.describe(
        chart,
        title="Try a policy: a digital basic income from a tax on platforms' revenue (a model)",
        description=(
            f"Interactive model. A slider sets the tax rate ({low:g} % to {high:g} % of revenue, starting at {rate_pct:g} %), a "
            f"menu picks the rule ({', '.join(RULE_LABELS)}) and another the tax base ("
            + "; ".join(f"{label}: US$ {revenue[key] / 1000:,.0f} billion" for key, label in zip(factors.index, labels))
            + f"; starting with {bases.set_index('base').loc[base, 'label']}). Left: a world map of the payout in US$ per person "
            "per year (log colour scale). Right: the share of the income received by the poorest x % of the world's population, "
            "and the Lorenz curve of GDP per person at PPP with the income added, with its Gini coefficient "
            f"({gini_before:.4f} without the income). {ASSUMPTIONS}"
        ),
        datasets=DATASETS,
        model="a digital basic income financed by a tax on platform revenue, paid out by four rules",
    )
