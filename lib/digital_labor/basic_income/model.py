"""A digital basic income financed by a tax on platform revenue (a model, not data).

A base (platform revenue, fiscal 2024) is taxed at a rate; the tax raised is paid out to every
person of the :func:`~digital_labor.basic_income.model_countries` by one of four rules
(:data:`RULES`). Where the platforms' revenue comes from is not published by country, so the model
attributes it, in one of two ways (:data:`ATTRIBUTIONS`); who bears the tax is a second assumption
(:data:`INCIDENCE`). Every rule pays out exactly what the tax raises.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..attention_value import arpu
from ..params import require
from .data import FACEBOOK_REGIONS, facebook_users, model_countries, tax_bases

__all__ = [
    "ARPU_PERIOD",
    "ASSUMPTIONS",
    "ATTRIBUTIONS",
    "DEFAULT_ATTRIBUTION",
    "INCIDENCE",
    "NOT_SERVED",
    "RATES",
    "RULES",
    "Grid",
    "attributed_revenue",
    "gini",
    "grid",
    "lorenz",
    "payout_shares",
    "per_person",
    "rate_reaching",
    "rule_shares",
    "scenario",
    "transfer_to_south",
]

RULES = {
    "per_click": "pay per click",
    "territorial": "territorial",
    "flat": "transnational flat",
    "ppp": "transnational, cost-of-living adjusted",
}
RATES = np.arange(625) * 0.0005  # 0 % to 31.2 % of revenue, in steps of 0.05 point
ARPU_PERIOD = "2021-Q4"  # the latest period with revenue per user by region in the data
# Two ways to place the base's revenue in Facebook's four regions (within a region, by GDP at
# market prices): its users, or everyone (the first edition's rule, kept for comparison).
ATTRIBUTIONS = {
    "users": "revenue per user × monthly users in each region, China at zero",
    "population": "revenue per user × population in each region, as if every resident were a user",
}
DEFAULT_ATTRIBUTION = "users"
NOT_SERVED = ("CHN",)  # the bases' services are largely unavailable to China's users: no revenue is placed there (users attribution)
# Who bears the tax, against which the net transfers are measured.
INCIDENCE = {
    "advertisers": "full pass-through: borne where the revenue is earned, by local advertisers and their customers",
    "shareholders": "no pass-through: borne by the firms' shareholders, all placed in the North (a bound)",
}
ASSUMPTIONS = (
    "The tax is a rate on the base's revenue (fiscal 2024) and everything it raises is paid out, every year, to the "
    "residents of the countries that have a population and both GDP figures. Where the revenue comes from is not "
    "published by country: each of Facebook's four regions is given a share proportional to Facebook's revenue per user "
    f"there times its monthly users ({ARPU_PERIOD}), as if every base had Facebook's geography, and within a region "
    "revenue is attributed to countries in proportion to GDP at market prices, with China at zero (the page also shows "
    "the rule that counts every resident as a user). Pay per click gives each person a share of what the platform earns "
    "per user in their region; the territorial rule leaves each country the tax on the revenue attributed to it, shared "
    "equally among its residents; the flat rule pays the same dollars to everyone; the cost-of-living rule pays the same "
    "purchasing power (dollars in proportion to the GDP price level, GDP at market prices over GDP at PPP). Net transfers "
    "assume the tax is passed on to advertisers where the revenue is earned. GDP per person stands in for income per person."
)


def _per_user(arpu_period: str) -> pd.Series:
    revenue = arpu()
    per_user = revenue[revenue["period"] == arpu_period].set_index("region")["arpu_usd"]
    missing = [region for region in FACEBOOK_REGIONS if region not in per_user.index]
    require(not missing, f"No revenue per user for {missing} in {arpu_period}.")
    return per_user


def attributed_revenue(
    countries: pd.DataFrame | None = None, arpu_period: str = ARPU_PERIOD, attribution: str = DEFAULT_ATTRIBUTION
) -> np.ndarray:
    """Each country's share of the base's revenue (summing to 1) under an attribution (:data:`ATTRIBUTIONS`).

    A region's share is its revenue per user times its monthly users (``users``) or its population
    (``population``); within a region, revenue follows GDP at market prices, with the countries of
    :data:`NOT_SERVED` at zero under ``users``.
    """
    require(attribution in ATTRIBUTIONS, f"Unknown attribution '{attribution}'; use {list(ATTRIBUTIONS)}.")
    table = model_countries() if countries is None else countries
    per_user = _per_user(arpu_period)
    region = table["facebook_region"].to_numpy()
    population = table["population"].to_numpy(dtype=float)
    if attribution == "population":
        regional = pd.Series(population).groupby(region).sum() * per_user
    else:
        regional = facebook_users(arpu_period) * per_user
    served = ~table["iso3"].isin(NOT_SERVED).to_numpy() if attribution == "users" else np.ones(len(table), dtype=bool)
    gdp = table["gdp_usd"].to_numpy(dtype=float) * served
    gdp_in_region = pd.Series(gdp).groupby(region).transform("sum").to_numpy()
    region_share = pd.Series(region).map(regional / regional.sum()).to_numpy(dtype=float)
    return region_share * gdp / gdp_in_region


def payout_shares(population: np.ndarray, per_user: np.ndarray, price_level: np.ndarray, origin: np.ndarray) -> dict[str, np.ndarray]:
    """The four rules: each country's share of the tax (each rule's shares sum to 1), from its
    population, its region's revenue per user, its price level and its share of the revenue (``origin``)."""
    return {
        "per_click": population * per_user / (population * per_user).sum(),
        "territorial": origin,
        "flat": population / population.sum(),
        "ppp": population * price_level / (population * price_level).sum(),
    }


SharesRule = Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray], dict[str, np.ndarray]]


def rule_shares(
    countries: pd.DataFrame | None = None,
    arpu_period: str = ARPU_PERIOD,
    attribution: str = DEFAULT_ATTRIBUTION,
    *,
    rules: SharesRule = payout_shares,
) -> pd.DataFrame:
    """Each country's share of the tax paid out under each rule (columns :data:`RULES`, summing to 1)
    and ``origin``, its share of the revenue under ``attribution`` (which equals the territorial rule).

    ``rules`` computes the shares (default :func:`payout_shares`); a page can pass its own version."""
    table = model_countries() if countries is None else countries
    per_user = table["facebook_region"].map(_per_user(arpu_period)).to_numpy(dtype=float)
    origin = attributed_revenue(table, arpu_period, attribution)
    shares = rules(table["population"].to_numpy(dtype=float), per_user, table["price_level"].to_numpy(dtype=float), origin)
    missing = [rule for rule in RULES if rule not in shares]
    require(not missing, f"The rules function returned no shares for {missing}; it must return one array per rule of {list(RULES)}.")
    return pd.DataFrame({"iso3": table["iso3"].to_numpy(), **{rule: shares[rule] for rule in RULES}, "origin": origin})


def _checked_shares(table: pd.DataFrame, attribution: str, shares: pd.DataFrame | None) -> pd.DataFrame:
    """``shares`` (a :func:`rule_shares` frame) if given, checked against the countries; else the library's."""
    if shares is None:
        return rule_shares(table, attribution=attribution)
    require(list(shares["iso3"]) == list(table["iso3"]), "shares must list the same countries as countries, in order.")
    return shares


def _share_matrix(shares: pd.DataFrame, rules: tuple[str, ...]) -> np.ndarray:
    unknown = [rule for rule in rules if rule not in RULES]
    require(not unknown, f"Unknown rule(s) {unknown}; use {list(RULES)}.")
    return shares[list(rules)].to_numpy(dtype=float).T  # (rules, countries)


def per_person(
    base_musd: float,
    rates: np.ndarray | float,
    rule: str,
    countries: pd.DataFrame | None = None,
    attribution: str = DEFAULT_ATTRIBUTION,
    *,
    shares: pd.DataFrame | None = None,
) -> np.ndarray:
    """US$ per person per year in each country under ``rule`` for each rate (shape: rates × countries).

    ``shares`` (a :func:`rule_shares` frame for ``countries``) replaces the library's rules when given."""
    require(base_musd >= 0, "base_musd must be zero or more.")
    rates = np.atleast_1d(np.asarray(rates, dtype=float))
    require(bool(((rates >= 0) & (rates <= 1)).all()), "rates must be between 0 and 1 (a share of revenue).")
    table = model_countries() if countries is None else countries
    share = _share_matrix(_checked_shares(table, attribution, shares), (rule,))[0]
    return rates[:, None] * base_musd * 1e6 * share[None, :] / table["population"].to_numpy(dtype=float)[None, :]


def scenario(
    base_musd: float,
    rate: float,
    rule: str,
    countries: pd.DataFrame | None = None,
    attribution: str = DEFAULT_ATTRIBUTION,
    *,
    shares: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One scenario, country by country: the payout (US$ and PPP$ per person per year), as a share of
    GDP per person, and the tax raised on the revenue attributed to the country (US$ million).

    ``shares`` (a :func:`rule_shares` frame for ``countries``) replaces the library's rules when given."""
    table = model_countries() if countries is None else countries
    shares = _checked_shares(table, attribution, shares)
    amount = per_person(base_musd, rate, rule, table, attribution, shares=shares)[0]
    origin = shares["origin"].to_numpy()
    frame = table[
        [
            "iso3",
            "name",
            "population",
            "gdp_pc_usd",
            "gdp_pc_ppp",
            "price_level",
            "facebook_region",
            "un_developed",
            "wb_high_income",
            "income_group",
        ]
    ].copy()
    frame["usd_per_person"] = amount
    frame["ppp_per_person"] = amount / table["price_level"].to_numpy()
    frame["share_of_gdp_pct"] = 100 * amount / table["gdp_pc_usd"].to_numpy()
    frame["paid_musd"] = amount * table["population"].to_numpy() / 1e6
    frame["raised_musd"] = rate * base_musd * origin
    frame.attrs.update(rule=rule, rate=rate, base_musd=base_musd, attribution=attribution)
    return frame


def gini(values: np.ndarray, weights: np.ndarray) -> np.ndarray | float:
    """Population-weighted Gini coefficient over the last axis (0: everyone equal; towards 1: one has all).

    ``values`` has countries on its last axis (any leading axes are scenarios); ``weights`` are
    the countries' populations. Values must be zero or more, with a positive total.
    """
    values = np.asarray(values, dtype=float)
    weights = np.asarray(weights, dtype=float)
    require(values.shape[-1] == weights.shape[-1], "values and weights must have the same number of countries.")
    require(bool((values >= 0).all()) and bool((weights >= 0).all()), "values and weights must be zero or more.")
    count = values.shape[-1]
    rows = values.reshape(-1, count)  # one row per scenario
    # A stable sort is fastest on rows that are nearly in order already (see grid) and breaks ties
    # the same way on every machine; a flat take is faster than take_along_axis.
    order = np.argsort(rows, axis=-1, kind="stable")
    sorted_weights = weights[order]
    flat_index = order + (np.arange(rows.shape[0]) * count)[:, None]
    weighted = sorted_weights * np.take(rows, flat_index)
    total = weighted.sum(axis=-1)
    require(bool((total > 0).all()), "the values' total must be positive.")
    # With p the population shares and L the cumulative value shares (L_0 = 0), the area under the
    # Lorenz curve is the sum of p_k (L_k + L_(k-1)) / 2, and L_k + L_(k-1) = 2 L_k - (share of k).
    cumulative = np.cumsum(weighted, axis=-1)
    area = 2 * np.einsum("ij,ij->i", sorted_weights, cumulative) - np.einsum("ij,ij->i", sorted_weights, weighted)
    # Clipped at 0: equal values give 0 up to rounding, which would otherwise print as "-0".
    result = np.maximum(1 - area / (total * weights.sum()), 0.0).reshape(values.shape[:-1])
    return float(result) if np.ndim(result) == 0 else result


def lorenz(values: np.ndarray, weights: np.ndarray, order_by: np.ndarray | None = None) -> pd.DataFrame:
    """Lorenz curve: cumulative share of population (``population_share``) and of the values
    (``value_share``), from (0, 0), countries in increasing order of ``values`` (or of ``order_by``,
    which gives a concentration curve: who gets the values, poorest first)."""
    values = np.asarray(values, dtype=float)
    weights = np.asarray(weights, dtype=float)
    require(values.shape == weights.shape and values.ndim == 1, "values and weights must be two series of the same length.")
    order = np.argsort(values if order_by is None else np.asarray(order_by, dtype=float), kind="stable")
    population = np.concatenate([[0.0], np.cumsum(weights[order])])
    amounts = np.concatenate([[0.0], np.cumsum(weights[order] * values[order])])
    require(population[-1] > 0 and amounts[-1] > 0, "weights and values must have positive totals.")
    return pd.DataFrame({"population_share": population / population[-1], "value_share": amounts / amounts[-1]})


def transfer_to_south(paid_share: np.ndarray, origin: np.ndarray, labels: pd.Series | np.ndarray, incidence: str = "advertisers") -> float:
    """Net transfer to the South as a share of the tax raised: what the South receives minus the part
    of the tax it bears (positive: from North to South). Countries without a label count on neither side.

    Under ``incidence="advertisers"`` the South bears the tax raised on the revenue attributed to it
    (``origin``); under ``"shareholders"`` it bears none (all shareholders placed in the North), so
    the transfer is what it receives.
    """
    require(incidence in INCIDENCE, f"Unknown incidence '{incidence}'; use {list(INCIDENCE)}.")
    south = np.asarray(pd.Series(labels).eq("South"))
    borne = np.asarray(origin)[south].sum() if incidence == "advertisers" else 0.0
    return float(np.asarray(paid_share)[south].sum() - borne)


def rate_reaching(
    target_pct: float,
    base_musd: float,
    rule: str = "flat",
    group: str = "Low income",
    countries: pd.DataFrame | None = None,
    attribution: str = DEFAULT_ATTRIBUTION,
    *,
    shares: pd.DataFrame | None = None,
) -> float:
    """The tax rate (a share of revenue) at which the payout to the countries of a World Bank income
    ``group``, together, equals ``target_pct`` % of their GDP (infinite if the rule pays them nothing).

    ``shares`` (a :func:`rule_shares` frame for ``countries``) replaces the library's rules when given."""
    require(target_pct >= 0, "target_pct must be zero or more.")
    require(base_musd > 0, "base_musd must be positive.")
    table = model_countries() if countries is None else countries
    members = (table["income_group"] == group).to_numpy()
    require(bool(members.any()), f"No country in the income group '{group}'.")
    share = _share_matrix(_checked_shares(table, attribution, shares), (rule,))[0][members].sum()
    if share == 0:
        return float("inf")
    return float(target_pct / 100 * table["gdp_usd"].to_numpy()[members].sum() / (base_musd * 1e6 * share))


@dataclass(frozen=True)
class Grid:
    """Every scenario of bases × rates × rules, computed at once (see :func:`grid`).

    ``per_person`` is US$ per person per year, shape (bases, rates, rules, countries); the summaries
    have shape (bases, rates, rules): ``gini_after`` (population-weighted Gini of GDP per person at
    PPP plus the payout converted at the price level), ``transfer_un`` and ``transfer_wb`` (net
    transfer to the South, US$ million a year, under each North/South definition) and
    ``low_income_pct`` (the payout to low-income countries as a % of their GDP).
    """

    countries: pd.DataFrame
    bases: pd.DataFrame
    rates: np.ndarray
    rules: tuple[str, ...]
    per_person: np.ndarray
    gini_before: float
    gini_after: np.ndarray
    transfer_un: np.ndarray
    transfer_wb: np.ndarray
    low_income_pct: np.ndarray

    @property
    def scenarios(self) -> int:
        """How many scenarios the grid holds."""
        return int(np.prod(self.gini_after.shape))

    def table(self) -> pd.DataFrame:
        """One row per scenario: base, rate (%), rule, tax raised (US$ million), the flat-equivalent
        amount (US$ per person), and the summaries."""
        b, r, u = np.meshgrid(np.arange(len(self.bases)), np.arange(len(self.rates)), np.arange(len(self.rules)), indexing="ij")
        revenue = self.bases["revenue_musd"].to_numpy()
        raised = revenue[b] * self.rates[r]
        return pd.DataFrame(
            {
                "base": self.bases["base"].to_numpy()[b].ravel(),
                "rate_pct": 100 * self.rates[r].ravel(),
                "rule": np.asarray(self.rules)[u].ravel(),
                "raised_musd": raised.ravel(),
                "usd_per_person_world": (raised * 1e6 / self.countries["population"].sum()).ravel(),
                "gini_after": self.gini_after.ravel(),
                "transfer_un_musd": self.transfer_un.ravel(),
                "transfer_wb_musd": self.transfer_wb.ravel(),
                "low_income_pct_of_gdp": self.low_income_pct.ravel(),
            }
        )


def grid(
    bases: pd.DataFrame | None = None,
    rates: np.ndarray = RATES,
    rules: tuple[str, ...] = tuple(RULES),
    countries: pd.DataFrame | None = None,
    shares: pd.DataFrame | None = None,
) -> Grid:
    """Compute every scenario at once, with numpy (no loop over scenarios).

    The payouts are linear in the tax raised, so transfers and shares of GDP are products of the
    raised amounts and each rule's shares; only the Gini coefficients need every scenario's sort.
    Pass ``countries``, ``bases`` and ``shares`` (:func:`rule_shares`) already loaded to time the
    computation alone.
    """
    table = model_countries() if countries is None else countries
    bases = tax_bases() if bases is None else bases
    rates = np.asarray(rates, dtype=float)
    require(bool(((rates >= 0) & (rates <= 1)).all()), "rates must be between 0 and 1 (a share of revenue).")
    shares = _checked_shares(table, DEFAULT_ATTRIBUTION, shares)
    matrix = _share_matrix(shares, tuple(rules))  # (rules, countries)
    population = table["population"].to_numpy(dtype=float)
    raised = bases["revenue_musd"].to_numpy(dtype=float)[:, None] * rates[None, :]  # (bases, rates), US$ million
    payout = raised[:, :, None, None] * 1e6 * (matrix / population)[None, None, :, :]
    before = table["gdp_pc_ppp"].to_numpy(dtype=float)
    # GDP per person with the payout (at PPP), its countries ordered by GDP per person: the income
    # moves few of them, so each scenario's sort in gini starts nearly in order.
    poorest_first = np.argsort(before, kind="stable")
    per_raised = (matrix / population / table["price_level"].to_numpy(dtype=float))[:, poorest_first]
    after = before[poorest_first] + raised[:, :, None, None] * 1e6 * per_raised[None, None, :, :]
    origin = shares["origin"].to_numpy()
    transfers = {}
    for definition in ("un_developed", "wb_high_income"):
        per_rule = np.array([transfer_to_south(row, origin, table[definition]) for row in matrix])
        transfers[definition] = raised[:, :, None] * per_rule[None, None, :]
    low = (table["income_group"] == "Low income").to_numpy()
    low_share = matrix[:, low].sum(axis=1) / table["gdp_usd"].to_numpy()[low].sum()
    return Grid(
        countries=table,
        bases=bases.reset_index(drop=True),
        rates=rates,
        rules=tuple(rules),
        per_person=payout,
        gini_before=gini(before, population),
        gini_after=gini(after, population[poorest_first]),
        transfer_un=transfers["un_developed"],
        transfer_wb=transfers["wb_high_income"],
        low_income_pct=100 * raised[:, :, None] * 1e6 * low_share[None, None, :],
    )
