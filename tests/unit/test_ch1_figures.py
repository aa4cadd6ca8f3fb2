"""Chapter 1: chart builders and the frames behind them."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import digital_labor as dl
from digital_labor import networks
from digital_labor.figures import ch1 as figures
from digital_labor.models import automation, firm_boundary as fb, two_sided

SMALL = automation.AutomationEconomy(n_occupations=60, workers_per_occupation=10)


def subtitle(chart) -> str:
    return " ".join(chart.to_dict()["title"]["subtitle"])


def params(chart) -> list[dict]:
    return chart.to_dict().get("params", [])


def test_prophecies_dataset_loads_and_is_cited():
    table = dl.load("automation_prophecies")
    assert {"mortimer1801", "ricardo1821", "ure1835", "frey2013"} <= set(table["bibkey"])
    assert table["year"].is_monotonic_increasing
    assert table["prediction"].str.len().min() > 20


def test_timeline_adds_task_based_estimates_once():
    table = figures.timeline_table(dl.load("automation_prophecies"), dl.load("automation_forecasts"))
    assert table["label"].is_unique
    assert (table["label"] == "Nedelkoska & Quintini (2018)").sum() == 1
    assert "Arntz et al. (2016)" in set(table["label"])
    assert "IFR (2013)" in set(table["label"])
    assert table["year"].is_monotonic_increasing
    chart = figures.prophecies_timeline(table)
    assert "Two centuries of forecasts" in subtitle(chart)


def test_forecast_bands_split_high_risk_from_change():
    bands = figures.forecast_bands(dl.load("automation_forecasts"))
    change = bands[bands["risk_band"] == figures.RISK_BANDS[1]]
    assert list(change["share_of_jobs_pct"]) == [32]
    assert bands["label"].nunique() == 3
    assert subtitle(figures.estimates_chart(bands)).startswith("Source: Estimates of the share of jobs")


def test_score_distribution_sums_to_100_and_matches_high_risk_share():
    heterogeneities = [0.0, 0.5]
    distribution = automation.score_distribution(SMALL, heterogeneities, n_bins=20)
    totals = distribution.groupby(["heterogeneity", "method"])["employment_pct"].sum()
    np.testing.assert_allclose(totals, 100)
    workers = automation.simulate_workers(SMALL, 0.5)
    expected = automation.share_at_high_risk(workers, 0.7)
    above = distribution[(distribution["heterogeneity"] == 0.5) & (distribution["bin_start"] >= 0.7 - 1e-9)]
    for method, value in expected.items():
        assert above.loc[above["method"] == method, "employment_pct"].sum() == pytest.approx(value, abs=1e-6)
    at_zero = distribution[distribution["heterogeneity"] == 0.0].pivot(
        index="bin_start", columns="method", values="employment_pct")
    np.testing.assert_allclose(at_zero[automation.OCCUPATION_BASED], at_zero[automation.TASK_BASED])


def test_risk_model_chart_is_a_labelled_model_with_a_slider():
    heterogeneities = [0.0, 0.5, 1.0]
    chart = figures.risk_model_chart(
        automation.risk_by_heterogeneity(SMALL, heterogeneities),
        automation.score_distribution(SMALL, heterogeneities),
        SMALL.threshold,
    )
    assert "(a simulation, not data)" in subtitle(chart)
    (slider,) = params(chart)
    assert slider["bind"]["input"] == "range" and slider["bind"]["step"] == 0.5


def test_boundary_grid_is_consistent_with_the_model():
    costs, transactions = fb.GovernanceCosts(), fb.SpecificityDistribution()
    curves, density, shares = figures.boundary_grid(costs, transactions, [0, 50, 100])
    assert list(shares["search_cost_cut_pct"]) == [0, 50, 100]
    assert shares["in_house_share_pct"].is_monotonic_decreasing
    market_at_zero = curves[(curves["governance"] == "market") & (curves["asset_specificity"] == 0)]
    np.testing.assert_allclose(market_at_zero.sort_values("search_cost_cut_pct")["cost"], [1.0, 0.5, 0.0])
    # The density integrates to one, and above k* to the in-house share.
    k, pdf = density["asset_specificity"].to_numpy(), density["density"].to_numpy()
    assert np.trapezoid(pdf, k) == pytest.approx(1.0, abs=1e-3)
    boundary = fb.boundary(costs)
    above = k >= boundary
    assert 100 * np.trapezoid(pdf[above], k[above]) == pytest.approx(shares["in_house_share_pct"].iloc[0], abs=1.0)
    chart = figures.firm_boundary_chart(curves, density, shares)
    assert "(a simulation, not data)" in subtitle(chart)
    assert params(chart)[0]["bind"]["max"] == 100


def test_price_charts_flag_signs_and_thresholds():
    grid = two_sided.price_map([0.5, 1.5, 1.9], [-0.1, 0.3])
    spec = figures.price_heatmap(grid).to_dict()
    values = next(iter(spec["datasets"].values()))
    signs = {(row["alpha_advertisers"], row["alpha_users"]): row["sign"] for row in values}
    assert signs[(0.5, -0.1)] == "+"
    assert signs[(1.5, -0.1)] == "−"
    assert signs[(1.9, 0.3)] == ""  # no interior optimum
    thresholds = pd.DataFrame({"alpha_users": [-0.1, 0.3], "alpha_advertisers": [1.22, 1.14]})
    chart = figures.prices_by_externality_chart(grid, thresholds)
    assert "(a simulation, not data)" in subtitle(chart)
    assert params(chart)[0]["value"] == -0.1


def test_arrowheads_point_from_source_to_target():
    edges = pd.DataFrame({"x": [0.0, 0.0], "y": [0.0, 0.0], "x2": [1.0, 0.0], "y2": [0.0, -1.0]})
    heads = figures._arrowheads(edges)
    assert list(heads["angle"]) == pytest.approx([90.0, 180.0])
    assert heads["ax"].iloc[0] == pytest.approx(0.62)


def test_network_chart_draws_every_node_and_flow():
    nodes, edges = networks.node_link_frames(networks.platform_sides_graph())
    chart = figures.platform_network_chart(nodes, edges)
    spec = json.dumps(chart.to_dict())
    assert "(a simulation, not data)" in subtitle(chart)
    assert f"{len(nodes)} groups and {len(edges)} flows" in chart.to_dict()["description"]
    assert "http" not in spec.replace("https://vega.github.io", "")
