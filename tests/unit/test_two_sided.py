"""Tests for the two-sided platform pricing model (Armstrong 2006)."""

from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pages import page_definition

from digital_labor import two_sided
from digital_labor.two_sided import (
    TwoSidedMarket,
    optimal_prices,
    optimal_prices_numeric,
    price_map,
    users_price_threshold,
)
from digital_labor.two_sided import model as two_sided_model
from digital_labor.two_sided.model import NoInteriorOptimum

PAGE = Path(__file__).resolve().parents[2] / "chapters" / "01-platforms-and-the-firm" / "who-pays.md"
MARKETS = [
    TwoSidedMarket(),
    TwoSidedMarket(alpha_users=0.2, alpha_advertisers=-0.3, cost_users=0.0, value_users=0.8),
    TwoSidedMarket(alpha_users=-0.4, alpha_advertisers=1.5, spread_users=1.5, spread_advertisers=0.8),
]


def test_without_externalities_each_side_gets_the_one_sided_monopoly_price():
    market = TwoSidedMarket(
        alpha_users=0.0, alpha_advertisers=0.0, cost_users=0.2, value_users=0.9, value_advertisers=0.6, spread_advertisers=2.0
    )
    result = optimal_prices(market)
    # Linear demand n = (v - p) / t: monopoly price (v + f) / 2.
    assert result["price_users"] == pytest.approx((0.9 + 0.2) / 2)
    assert result["price_advertisers"] == pytest.approx((0.6 + 0.1) / 2)
    assert result["participation_advertisers"] == pytest.approx((0.6 - 0.1) / (2 * 2.0))


@pytest.mark.parametrize("market", MARKETS)
def test_closed_form_matches_numeric_optimum(market):
    closed, numeric = optimal_prices(market), optimal_prices_numeric(market)
    for key, value in closed.items():
        assert numeric[key] == pytest.approx(value, abs=1e-6), key


@pytest.mark.parametrize("market", MARKETS)
def test_armstrong_pricing_rule_holds(market):
    r = optimal_prices(market)
    expected = (
        market.cost_users - market.alpha_advertisers * r["participation_advertisers"] + market.spread_users * r["participation_users"]
    )
    assert r["price_users"] == pytest.approx(expected)


def test_users_price_crosses_zero_at_the_threshold():
    market = TwoSidedMarket()
    threshold = users_price_threshold(market)

    def price_at(alpha_a: float) -> float:
        return optimal_prices(replace(market, alpha_advertisers=alpha_a))["price_users"]

    assert price_at(threshold) == pytest.approx(0.0, abs=1e-9)
    assert price_at(threshold + 0.01) < 0 < price_at(threshold - 0.01)


def test_users_price_falls_as_advertisers_value_users_more():
    grid = price_map(np.linspace(-1.0, 1.6, 27), [-0.1])
    assert grid["interior"].all()
    assert (np.diff(grid["price_users"]) < 0).all()


def test_strong_externalities_violate_the_second_order_condition():
    market = TwoSidedMarket(alpha_users=0.5, alpha_advertisers=1.6)
    with pytest.raises(NoInteriorOptimum, match="second-order"):
        optimal_prices(market)
    assert not price_map([1.6], [0.5])["interior"].iloc[0]
    corner = optimal_prices_numeric(market)
    assert corner["participation_users"] == pytest.approx(1.0)


def test_price_map_is_long_form_with_missing_values_off_the_interior():
    grid = price_map([0.0, 1.0, 3.0], [-0.5, 0.0])
    assert len(grid) == 6
    assert grid.loc[~grid["interior"], "price_users"].isna().all()
    assert grid.loc[grid["interior"], "price_users"].notna().all()


@pytest.mark.parametrize(
    "field, value",
    [
        ("spread_users", 0.0),
        ("value_advertisers", -1.0),
        ("cost_users", -0.1),
        ("alpha_users", np.nan),
    ],
)
def test_invalid_parameters_raise(field, value):
    with pytest.raises(ValueError, match=field):
        TwoSidedMarket(**{field: value})


def test_price_charts_flag_signs_and_thresholds():
    grid = two_sided.price_map([0.5, 1.5, 1.9], [-0.1, 0.3])
    spec = two_sided.price_heatmap(grid).to_dict()
    values = next(iter(spec["datasets"].values()))
    signs = {(row["alpha_advertisers"], row["alpha_users"]): row["sign"] for row in values}
    assert signs[(0.5, -0.1)] == "+"
    assert signs[(1.5, -0.1)] == "−"
    assert signs[(1.9, 0.3)] == ""  # no interior optimum
    thresholds = pd.DataFrame({"alpha_users": [-0.1, 0.3], "alpha_advertisers": [1.22, 1.14]})
    chart = two_sided.prices_by_externality_chart(grid, thresholds)
    assert "(a simulation, not data)" in " ".join(chart.to_dict()["title"]["subtitle"])
    assert chart.to_dict()["params"][0]["value"] == -0.1


def test_price_signs_count_a_price_zero_up_to_rounding_as_zero():
    # With users indifferent to ads the users' price is zero at alpha_a = 1.2, up to rounding.
    grid = two_sided.price_map([0.5, 1.2, 1.5, 1.9], [0.0, 0.3])
    at_threshold = grid[(grid["alpha_advertisers"] == 1.2) & (grid["alpha_users"] == 0.0)]
    assert abs(at_threshold["price_users"].iloc[0]) < 1e-9
    signs = two_sided.price_signs(grid).set_axis(list(zip(grid["alpha_advertisers"], grid["alpha_users"])))
    assert signs[(1.2, 0.0)] == "0"
    assert signs[(0.5, 0.0)] == "+" and signs[(1.5, 0.0)] == "−" and signs[(1.9, 0.3)] == ""
    assert (two_sided.price_signs(grid, tolerance=0.0)[grid["interior"]] != "").all()
    with pytest.raises(ValueError, match="tolerance"):
        two_sided.price_signs(grid, tolerance=-1)


def test_negative_users_prices_lie_beyond_the_threshold_of_their_row():
    """The page: on the heatmap, users are paid only where advertisers value them highly."""
    alpha_u = np.round(np.arange(-0.6, 0.61, 0.1), 2) + 0.0
    grid = price_map(np.round(np.arange(0, 2.01, 0.1), 2), alpha_u)
    negative = grid[two_sided.price_signs(grid) == "−"]
    assert len(negative) > 0
    for u, rows in negative.groupby("alpha_users"):
        threshold = users_price_threshold(replace(TwoSidedMarket(), alpha_users=u))
        assert (rows["alpha_advertisers"] > threshold).all()


def test_heatmap_description_is_computed_from_the_grid():
    grid = price_map(np.round(np.arange(0, 2.01, 0.1), 2), np.round(np.arange(-0.6, 0.61, 0.1), 2) + 0.0)
    chart = two_sided.price_heatmap(grid).to_dict()
    signs = two_sided.price_signs(grid)
    description = chart["description"]
    assert f"each of {len(grid)} pairs" in description
    assert f"paid in {(signs == '−').sum()}, all at αa of" in description
    assert f"{(signs == '').sum()} grey cells have no interior optimum" in description
    assert f"Users pay in {(signs == '+').sum()} cells" in description
    assert "(money units)" in chart["layer"][0]["encoding"]["x"]["title"]


def test_multi_sided_prices_finding_is_the_model_threshold():
    finding = two_sided.multi_sided_prices()
    threshold = two_sided.users_price_threshold(two_sided.TwoSidedMarket())
    assert finding.value == pytest.approx(threshold, abs=0.005)
    assert "holds in the model" in finding.summary
    from digital_labor.data import load

    assert load("claims").set_index("id").loc["multi-sided-prices", "verdict"] == "holds in the model"


def random_interior_markets(count: int = 400, seed: int = 3) -> list[TwoSidedMarket]:
    rng = np.random.default_rng(seed)
    markets = []
    while len(markets) < count:
        market = TwoSidedMarket(
            alpha_users=rng.uniform(-1, 1),
            alpha_advertisers=rng.uniform(-1, 2),
            cost_users=rng.uniform(0, 0.5),
            cost_advertisers=rng.uniform(0, 0.5),
            value_users=rng.uniform(0.1, 1),
            value_advertisers=rng.uniform(0.1, 1),
            spread_users=rng.uniform(0.3, 2),
            spread_advertisers=rng.uniform(0.3, 2),
        )
        try:
            optimal_prices(market)
        except NoInteriorOptimum:
            continue
        markets.append(market)
    return markets


def test_zero_price_condition_in_primitives_gives_the_price_and_its_sign():
    markets = random_interior_markets()
    signs = set()
    for market in markets:
        terms = two_sided.users_price_terms(market)
        price = optimal_prices(market)["price_users"]
        assert terms["margin"] * price == pytest.approx(terms["cost_and_markup"] - terms["cross_side_gain"], abs=1e-9)
        assert (price <= 0) == (terms["cross_side_gain"] >= terms["cost_and_markup"])
        signs.add(price <= 0)
    assert signs == {True, False}  # the sample has paying and paid users


def test_closed_form_threshold_when_users_ignore_ads():
    base = TwoSidedMarket(alpha_users=0.0)
    cases = [
        base,
        replace(base, cost_users=0.3),
        replace(base, value_advertisers=0.9),
        replace(base, spread_advertisers=1.3),
        replace(base, value_users=0.7, spread_users=1.2),
    ]
    for market in cases:
        assert two_sided.users_price_threshold_indifferent(market) == pytest.approx(users_price_threshold(market))
    closed = two_sided.users_price_threshold_indifferent
    assert closed(replace(base, cost_users=0.3)) > closed(base)  # costlier users: later subsidy
    assert closed(replace(base, value_advertisers=0.9)) < closed(base)  # more to extract: sooner
    assert closed(replace(base, spread_users=0.5)) < closed(base)  # more price-sensitive users
    assert closed(replace(base, alpha_users=-0.3)) == closed(base)  # it sets alpha_users to 0


def test_default_market_users_pay_less_than_advertisers_and_the_condition_says_they_pay():
    """The page's sentences on the default market: users pay, less than advertisers, at equal cost."""
    market = TwoSidedMarket()
    prices = optimal_prices(market)
    assert market.cost_users == market.cost_advertisers
    assert 0 < prices["price_users"] < prices["price_advertisers"]
    terms = two_sided.users_price_terms(market)
    assert terms["cross_side_gain"] < terms["cost_and_markup"]


@pytest.mark.parametrize("market", MARKETS)
def test_the_pages_pricing_rule_is_the_librarys(market):
    page_rule = page_definition(PAGE, "armstrong_prices")
    for n_users, n_advertisers in ((0.2, 0.7), (0.5, 0.5), (0.9, 0.1)):
        assert page_rule(market, n_users, n_advertisers) == pytest.approx(two_sided_model.armstrong_prices(market, n_users, n_advertisers))
    assert optimal_prices(market, pricing_rule=page_rule) == pytest.approx(optimal_prices(market))


@pytest.mark.parametrize("market", MARKETS)
def test_armstrongs_rule_prices_the_optimum_as_the_demand_curves_do(market):
    closed, numeric = optimal_prices(market), optimal_prices_numeric(market)
    for key in closed:
        assert closed[key] == pytest.approx(numeric[key], abs=1e-6)


def test_a_changed_pricing_rule_changes_the_price_map():
    def no_cross_side_discount(market, n_users, n_advertisers):
        return market.cost_users + market.spread_users * n_users, market.cost_advertisers + market.spread_advertisers * n_advertisers

    grid = price_map([0.5], [-0.1], pricing_rule=no_cross_side_discount)
    default = price_map([0.5], [-0.1])
    assert grid["price_users"].iloc[0] > default["price_users"].iloc[0]
