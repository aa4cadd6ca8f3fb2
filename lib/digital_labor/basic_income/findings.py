"""Findings of the claims ledger on a digital basic income and on paying users per click."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..attention_value import region_gap
from ..claims import Finding
from .data import DEFAULT_BASE, enacted_rates, model_countries, rates_in_force, tax_bases
from .model import RULES, gini, rate_reaching, rule_shares, scenario

__all__ = ["digital_basic_income_yield", "pay_per_click_gap"]


def _promise_in_hours() -> str:
    """The flat income at the enacted rates and the largest scenario, in hours of median Mechanical Turk pay."""
    from .hours import payout_hours  # hours builds on this module's rates

    flat = payout_hours().query("rule == @RULES['flat']")
    hours = [f"{h:.1f}" for h in flat["hours_at_median_wage"]]
    return (
        f"Counted in the median hourly pay of Mechanical Turk workers, the flat income is worth {hours[0]} hours of microwork a "
        f"year at {flat['rate_pct'].iloc[0]:g} %, {hours[1]} at {flat['rate_pct'].iloc[1]:g} % and {hours[2]} at "
        f"{flat['rate_pct'].iloc[2]:g} % of all the GAFAM's revenue: not enough to free click workers from their micro-wages."
    )


def digital_basic_income_yield() -> Finding:
    """What a tax on the advertising platforms' revenue at the rates countries have enacted would raise
    and pay, by rule, and what the flat income is worth in hours of microwork pay."""
    bases = tax_bases().set_index("base")
    base = float(bases.loc[DEFAULT_BASE, "revenue_musd"])
    median, highest = enacted_rates()
    _, highest_now, as_of = rates_in_force()
    countries = model_countries()
    parts = []
    for rate in (median, highest):
        amounts = {rule: scenario(base, rate, rule, countries).set_index("iso3")["usd_per_person"] for rule in RULES}
        parts.append(
            f"at {100 * rate:g} % it raises US$ {rate * base / 1000:,.1f} billion a year: US$ {amounts['flat'].iloc[0]:.2f} per "
            f"person under the flat rule, from US$ {amounts['per_click'].min():.2f} to {amounts['per_click'].max():.2f} per click "
            f"(by region), from US$ {amounts['territorial'].min():.2f} to {amounts['territorial'].max():.2f} under the territorial "
            f"rule and from US$ {amounts['ppp'].min():.2f} to {amounts['ppp'].max():.2f} with the cost-of-living adjustment"
        )
    flat = base * 1e6 * median / countries["population"].sum()
    low_rate = rate_reaching(1.0, base, countries=countries)
    gafam_rate = rate_reaching(1.0, float(bases.loc["gafam", "revenue_musd"]), countries=countries)
    return Finding(
        value=round(flat, 2),
        unit=f"US$ per person per year, flat rule, {100 * median:g} % of the advertising platforms' revenue",
        summary=(
            f"A model. Taxing the US$ {base / 1000:,.0f} billion of revenue of Google Services, Meta and Amazon's advertising "
            f"(fiscal 2024), at the median and the highest rate of the digital services taxes countries have enacted (the "
            f"highest still levied on {pd.Timestamp(as_of):%-d %B %Y} is {100 * highest_now:g} %): {parts[0]}; {parts[1]}. For the flat income to reach "
            f"1 % of low-income countries' GDP, the rate would have to be {100 * low_rate:.1f} % of that base, or "
            f"{100 * gafam_rate:.1f} % of all the GAFAM's revenue. {_promise_in_hours()}"
        ),
    )


def pay_per_click_gap() -> Finding:
    """How unequal an income paid per click would be, beside the flat rule, and how the gap moved."""
    countries = model_countries()
    shares = rule_shares(countries)
    population = countries["population"].to_numpy()
    per_click = shares["per_click"].to_numpy() / population
    gap21, gap15 = region_gap("2021-Q4"), region_gap("2015-Q4")
    south = countries["un_developed"].eq("South").to_numpy()
    return Finding(
        value=round(gap21, 1),
        unit="times as much per person in the US & Canada as in the Rest of World (2021-Q4 revenue per user)",
        summary=(
            f"A model with data. Paid in proportion to what the platform earns per user, a resident of the US and Canada would get "
            f"{gap21:.1f} times what a resident of the Rest of World gets, up from {gap15:.1f} times with the figures of the end "
            f"of 2015. The South (UN definition), {100 * population[south].sum() / population.sum():.0f} % of the population "
            f"covered, would receive {100 * shares['per_click'].to_numpy()[south].sum():.0f} % of the money; the Gini coefficient "
            f"of the payouts across the world's population is {gini(per_click, population):.2f} per click, "
            f"{gini(np.ones_like(population), population):.0f} under the flat rule."
        ),
    )
