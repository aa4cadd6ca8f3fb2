"""Tests for the two-sided platform pricing model (Armstrong 2006)."""

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from digital_labor.two_sided import (
    NoInteriorOptimum,
    TwoSidedMarket,
    optimal_prices,
    optimal_prices_numeric,
    price_map,
    users_price_threshold,
)
from digital_labor import two_sided
from digital_labor.claims import Finding

MARKETS = [
    TwoSidedMarket(),
    TwoSidedMarket(alpha_users=0.2, alpha_advertisers=-0.3, cost_users=0.0, value_users=0.8),
    TwoSidedMarket(
        alpha_users=-0.4, alpha_advertisers=1.5, spread_users=1.5, spread_advertisers=0.8
    ),
]


def test_without_externalities_each_side_gets_the_one_sided_monopoly_price():
    market = TwoSidedMarket(alpha_users=0.0, alpha_advertisers=0.0, cost_users=0.2,
                            value_users=0.9, value_advertisers=0.6, spread_advertisers=2.0)
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
    expected = (market.cost_users - market.alpha_advertisers * r["participation_advertisers"]
                + market.spread_users * r["participation_users"])
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


def test_multi_sided_prices_finding_is_the_model_threshold():
    finding = two_sided.multi_sided_prices()
    threshold = two_sided.users_price_threshold(two_sided.TwoSidedMarket())
    assert finding.value == pytest.approx(threshold, abs=0.005)
    assert "model" in finding.summary
