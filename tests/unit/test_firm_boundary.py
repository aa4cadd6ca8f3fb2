"""Tests for the make-or-buy (Coase, Williamson) model."""

from pathlib import Path

import numpy as np
import pytest
from pages import page_definition
from scipy import optimize

from digital_labor import firm_boundary
from digital_labor.firm_boundary import (
    GovernanceCosts,
    SpecificityDistribution,
    in_house_share_by_platform_cut,
    share_made_in_house,
)
from digital_labor.firm_boundary import model as firm_boundary_model
from digital_labor.firm_boundary.model import boundary, cost_curves, hierarchy_cost, market_cost, with_platform

PAGE = Path(__file__).resolve().parents[2] / "chapters" / "01-platforms-and-the-firm" / "firm-boundary.md"
INTERIOR_CASES = [
    GovernanceCosts(),
    GovernanceCosts(market_fixed=0.5, market_slope=3.0, hierarchy_fixed=1.7, hierarchy_slope=0.2),
    GovernanceCosts(market_fixed=0.0, market_slope=10.0, hierarchy_fixed=9.0, hierarchy_slope=0.0),
]


@pytest.mark.parametrize("costs", INTERIOR_CASES)
def test_boundary_is_the_root_of_market_minus_hierarchy(costs):
    root = optimize.brentq(lambda k: market_cost(costs, k) - hierarchy_cost(costs, k), 0, 1)
    assert boundary(costs) == pytest.approx(root, abs=1e-12)


def test_firm_makes_transactions_above_the_boundary():
    costs = GovernanceCosts()
    curves = cost_curves(costs, n_points=11).pivot(index="asset_specificity", columns="governance", values="cost")
    assert len(curves) == 11
    in_house = curves["hierarchy"] < curves["market"]
    np.testing.assert_array_equal(in_house.to_numpy(), curves.index.to_numpy() > boundary(costs))


@pytest.mark.parametrize("specificity", [SpecificityDistribution(), SpecificityDistribution(0.5, 0.7)])
def test_share_matches_a_monte_carlo_count(specificity):
    costs = GovernanceCosts()
    k = np.random.default_rng(0).beta(specificity.a, specificity.b, size=200_000)
    made_in_house = np.mean(hierarchy_cost(costs, k) < market_cost(costs, k))
    assert share_made_in_house(costs, specificity) == pytest.approx(made_in_house, abs=0.005)


def test_market_cheaper_everywhere_means_nothing_in_house_and_vice_versa():
    k = np.linspace(0, 1, 11)
    market_wins = GovernanceCosts(market_fixed=0.0, hierarchy_fixed=5.0)
    firm_wins = GovernanceCosts(market_fixed=2.0, hierarchy_fixed=1.0)
    assert (market_cost(market_wins, k) < hierarchy_cost(market_wins, k)).all()
    assert (hierarchy_cost(firm_wins, k) < market_cost(firm_wins, k)).all()
    assert (boundary(market_wins), boundary(firm_wins)) == (1.0, 0.0)
    assert share_made_in_house(market_wins, SpecificityDistribution()) == 0.0
    assert share_made_in_house(firm_wins, SpecificityDistribution()) == 1.0


def test_bigger_platform_cuts_never_raise_the_in_house_share():
    costs, specificity = GovernanceCosts(), SpecificityDistribution()
    cuts = np.linspace(0, 1, 21)
    low = in_house_share_by_platform_cut(costs, specificity, cuts)
    high = in_house_share_by_platform_cut(costs, specificity, cuts, safeguard_cut=0.5)
    assert (np.diff(low["in_house_share_pct"]) <= 0).all()
    assert (np.diff(low["boundary_specificity"]) >= 0).all()
    assert (high["in_house_share_pct"] <= low["in_house_share_pct"]).all()
    assert low["in_house_share_pct"].iloc[-1] < low["in_house_share_pct"].iloc[0]


def test_platform_changes_only_market_costs():
    costs = GovernanceCosts()
    platform = with_platform(costs, search_cost_cut=0.5, safeguard_cut=0.25)
    assert platform.market_fixed == pytest.approx(0.5)
    assert platform.market_slope == pytest.approx(3.0)
    assert platform.hierarchy_fixed == costs.hierarchy_fixed
    assert platform.hierarchy_slope == costs.hierarchy_slope


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"market_fixed": -1.0}, "market_fixed"),
        ({"hierarchy_slope": -0.5}, "hierarchy_slope"),
        ({"market_slope": 1.0, "hierarchy_slope": 1.0}, "market_slope"),
    ],
)
def test_invalid_costs_raise(kwargs, name):
    with pytest.raises(ValueError, match=name):
        GovernanceCosts(**kwargs)


def test_invalid_platform_cuts_and_distributions_raise():
    with pytest.raises(ValueError, match="search_cost_cut"):
        with_platform(GovernanceCosts(), search_cost_cut=1.5)
    with pytest.raises(ValueError, match="safeguard_cut"):
        with_platform(GovernanceCosts(), search_cost_cut=0.0, safeguard_cut=0.9)
    with pytest.raises(ValueError, match="a must"):
        SpecificityDistribution(a=0.0)
    with pytest.raises(ValueError, match="n_points"):
        cost_curves(GovernanceCosts(), n_points=1)


def subtitle(chart) -> str:
    return " ".join(chart.to_dict()["title"]["subtitle"])


def test_boundary_grid_is_consistent_with_the_model():
    costs, transactions = firm_boundary.GovernanceCosts(), firm_boundary.SpecificityDistribution()
    curves, density, shares = firm_boundary.boundary_grid(costs, transactions, [0, 50, 100])
    assert list(shares["search_cost_cut_pct"]) == [0, 50, 100]
    assert shares["in_house_share_pct"].is_monotonic_decreasing
    market_at_zero = curves[(curves["governance"] == "market") & (curves["asset_specificity"] == 0)]
    np.testing.assert_allclose(market_at_zero.sort_values("search_cost_cut_pct")["cost"], [1.0, 0.5, 0.0])
    # The density integrates to one, and above k* to the in-house share.
    k, pdf = density["asset_specificity"].to_numpy(), density["density"].to_numpy()
    assert np.trapezoid(pdf, k) == pytest.approx(1.0, abs=1e-3)
    boundary = firm_boundary_model.boundary(costs)
    above = k >= boundary
    assert 100 * np.trapezoid(pdf[above], k[above]) == pytest.approx(shares["in_house_share_pct"].iloc[0], abs=1.0)
    chart = firm_boundary.firm_boundary_chart(curves, density, shares)
    assert "(a simulation, not data)" in subtitle(chart)
    assert chart.to_dict()["params"][0]["bind"]["max"] == 100


CLIPPED_CASES = [
    GovernanceCosts(market_fixed=3.0, market_slope=4.0, hierarchy_fixed=1.0, hierarchy_slope=1.0),  # crossing below 0
    GovernanceCosts(market_fixed=0.0, market_slope=2.0, hierarchy_fixed=5.0, hierarchy_slope=1.0),  # crossing above 1
]


@pytest.mark.parametrize("costs", INTERIOR_CASES + CLIPPED_CASES)
def test_the_pages_boundary_is_the_librarys(costs):
    page_boundary = page_definition(PAGE, "boundary")
    assert page_boundary(costs) == pytest.approx(boundary(costs))
    transactions = SpecificityDistribution()
    assert share_made_in_house(costs, transactions, boundary_rule=page_boundary) == pytest.approx(share_made_in_house(costs, transactions))


def test_a_changed_boundary_rule_changes_the_grid():
    costs, transactions = GovernanceCosts(), SpecificityDistribution()
    _, _, shares = firm_boundary.boundary_grid(costs, transactions, [0, 50], boundary_rule=lambda _: 0.0)
    assert list(shares["in_house_share_pct"]) == pytest.approx([100.0, 100.0])
