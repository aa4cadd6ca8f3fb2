"""The scenario explorer with a menu of tax bases and a slider over the grid's rates, so that every
scenario of the grid can be tried.

The page carries the payouts for each point of rate on the largest base (an
:func:`~digital_labor.basic_income.explorer_table`); since payouts are proportional to the base as
well as to the rate, a second menu multiplies them by the chosen base's revenue over the largest
one's. The map and the curves are those of :func:`~digital_labor.basic_income.explorer_chart`.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from .. import charts
from .charts import DATASETS, RULE_LABELS, _explorer_lorenz, _explorer_map, _payout_expression
from .model import ASSUMPTIONS, RATES, RULES

__all__ = ["SLIDER", "base_factors", "explorer_with_bases"]

# The slider runs over the grid's own rates (% of revenue): lowest non-zero, highest, step.
SLIDER = (round(100 * float(RATES[1]), 2), round(100 * float(RATES[-1]), 2), round(100 * float(RATES[1] - RATES[0]), 2))


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
    low, high, step = SLIDER
    rate = alt.param(name="rate", value=rate_pct, bind=alt.binding_range(min=low, max=high, step=step, name="Tax rate (% of revenue): "))
    chosen = alt.param(name="rule", value=rule, bind=alt.binding_select(options=list(RULES), labels=RULE_LABELS, name="Rule: "))
    scale = alt.param(
        name="base",
        value=float(factors[base]),
        bind=alt.binding_select(options=factors.round(6).tolist(), labels=labels, name="Tax base: "),
    )
    payout = f"{scale.name} * {_payout_expression(rate, chosen)}"
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
