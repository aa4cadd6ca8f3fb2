"""Tests for the occupation- versus task-based automation simulation."""

import numpy as np
import pandas as pd
import pytest

import digital_labor as dl
from digital_labor.automation import (
    OCCUPATION_BASED,
    TASK_BASED,
    AutomationEconomy,
    occupations,
    risk_by_heterogeneity,
    risk_by_threshold,
    share_at_high_risk,
    simulate_workers,
)
from digital_labor import automation
from digital_labor.claims import Finding

SMALL = AutomationEconomy(n_occupations=120, workers_per_occupation=20)


def test_without_heterogeneity_both_methods_agree():
    workers = simulate_workers(SMALL, 0.0)
    shares = share_at_high_risk(workers, SMALL.threshold)
    assert shares[OCCUPATION_BASED] == shares[TASK_BASED]
    np.testing.assert_array_equal(workers["worker_score"], workers["occupation_score"])


def test_full_heterogeneity_uses_only_the_personal_mix():
    workers = simulate_workers(SMALL, 1.0)
    np.testing.assert_array_equal(workers["worker_score"], workers["personal_mix_score"])


def test_default_calibration_reproduces_frey_osborne():
    shares = share_at_high_risk(simulate_workers(AutomationEconomy(), 0.0))
    assert shares[OCCUPATION_BASED] == pytest.approx(47.0, abs=2.0)


def test_calibration_follows_the_target():
    params = AutomationEconomy(n_occupations=120, workers_per_occupation=1, target_share_pct=20.0)
    table = occupations(params)
    high = table.loc[table["occupation_score"] > params.threshold, "employment_share"].sum()
    assert 100 * high == pytest.approx(20.0, abs=3.0)


def test_occupation_scores_are_u_shaped():
    table = occupations(AutomationEconomy())
    bins = pd.cut(table["occupation_score"], [0, 0.3, 0.7, 1])
    per_bin = table.groupby(bins, observed=False)["employment_share"].sum().to_numpy()
    assert per_bin[0] > per_bin[1] and per_bin[2] > per_bin[1]


def test_employment_weights_sum_to_one():
    assert simulate_workers(SMALL, 0.3)["employment_weight"].sum() == pytest.approx(1.0)


def test_same_seed_same_output_different_seed_different_output():
    first = simulate_workers(SMALL, 0.5)
    pd.testing.assert_frame_equal(first, simulate_workers(SMALL, 0.5))
    other_seed = AutomationEconomy(n_occupations=120, workers_per_occupation=20, seed=1)
    other = simulate_workers(other_seed, 0.5)
    assert not np.allclose(first["worker_score"], other["worker_score"])


def test_task_based_share_collapses_with_full_heterogeneity():
    shares = share_at_high_risk(simulate_workers(AutomationEconomy(), 1.0))
    assert shares[TASK_BASED] < shares[OCCUPATION_BASED] / 4


def test_occupation_based_share_ignores_heterogeneity_and_shares_are_percentages():
    long = risk_by_heterogeneity(SMALL, np.linspace(0, 1, 6))
    assert len(long) == 12
    assert long["share_at_high_risk_pct"].between(0, 100).all()
    occupation_based = long.loc[long["method"] == OCCUPATION_BASED, "share_at_high_risk_pct"]
    assert occupation_based.nunique() == 1


def test_raising_the_threshold_never_raises_a_share():
    long = risk_by_threshold(simulate_workers(SMALL, 0.5), np.linspace(0, 1, 21))
    for _, group in long.groupby("method"):
        assert (np.diff(group.sort_values("threshold")["share_at_high_risk_pct"]) <= 0).all()
    at_zero = long.loc[long["threshold"] == 0, "share_at_high_risk_pct"]
    assert (at_zero == 100).all()


@pytest.mark.parametrize(
    "field, value",
    [
        ("n_tasks", 1),
        ("n_occupations", 0),
        ("workers_per_occupation", 2.5),
        ("threshold", 1.0),
        ("target_share_pct", 0.0),
        ("core_task_spread", 0.0),
        ("personal_mix_concentration", -1.0),
        ("seed", -1),
    ],
)
def test_invalid_parameters_raise(field, value):
    with pytest.raises(ValueError, match=field):
        AutomationEconomy(**{field: value})


def test_invalid_heterogeneity_or_threshold_raises():
    with pytest.raises(ValueError, match="heterogeneity"):
        simulate_workers(SMALL, 1.5)
    with pytest.raises(ValueError, match="threshold"):
        share_at_high_risk(simulate_workers(SMALL, 0.0), -0.1)


SMALL_CHART_ECONOMY = automation.AutomationEconomy(n_occupations=60, workers_per_occupation=10)


def subtitle(chart) -> str:
    return " ".join(chart.to_dict()["title"]["subtitle"])


def test_prophecies_dataset_loads_and_is_cited():
    table = dl.load("automation_prophecies")
    assert {"mortimer1801", "ricardo1821", "ure1835", "frey2013"} <= set(table["bibkey"])
    assert table["year"].is_monotonic_increasing
    assert table["prediction"].str.len().min() > 20


def test_timeline_adds_task_based_estimates_once():
    table = automation.timeline_table(dl.load("automation_prophecies"), dl.load("automation_forecasts"))
    assert table["label"].is_unique
    assert (table["label"] == "Nedelkoska & Quintini (2018)").sum() == 1
    assert "Arntz et al. (2016)" in set(table["label"])
    assert "IFR (2013)" in set(table["label"])
    assert table["year"].is_monotonic_increasing
    chart = automation.prophecies_timeline(table)
    assert "Two centuries of forecasts" in subtitle(chart)


def test_forecast_bands_split_high_risk_from_change():
    bands = automation.forecast_bands(dl.load("automation_forecasts"))
    change = bands[bands["risk_band"] == automation.RISK_BANDS[1]]
    assert list(change["share_of_jobs_pct"]) == [32]
    assert bands["label"].nunique() == 3
    assert subtitle(automation.estimates_chart(bands)).startswith("Source: Estimates of the share of jobs")


def test_score_distribution_sums_to_100_and_matches_high_risk_share():
    heterogeneities = [0.0, 0.5]
    distribution = automation.score_distribution(SMALL_CHART_ECONOMY, heterogeneities, n_bins=20)
    totals = distribution.groupby(["heterogeneity", "method"])["employment_pct"].sum()
    np.testing.assert_allclose(totals, 100)
    workers = automation.simulate_workers(SMALL_CHART_ECONOMY, 0.5)
    expected = automation.share_at_high_risk(workers, 0.7)
    above = distribution[(distribution["heterogeneity"] == 0.5) & (distribution["bin_start"] >= 0.7 - 1e-9)]
    for method, value in expected.items():
        assert above.loc[above["method"] == method, "employment_pct"].sum() == pytest.approx(value, abs=1e-6)
    at_zero = distribution[distribution["heterogeneity"] == 0.0].pivot(
        index="bin_start", columns="method", values="employment_pct")
    np.testing.assert_allclose(at_zero[automation.OCCUPATION_BASED], at_zero[automation.TASK_BASED])


def test_risk_model_chart_is_a_labelled_model_with_a_slider():
    heterogeneities = [0.0, 0.5, 1.0]
    chart = automation.risk_model_chart(
        automation.risk_by_heterogeneity(SMALL_CHART_ECONOMY, heterogeneities),
        automation.score_distribution(SMALL_CHART_ECONOMY, heterogeneities),
        SMALL_CHART_ECONOMY.threshold,
    )
    assert "(a simulation, not data)" in subtitle(chart)
    (slider,) = chart.to_dict()["params"]
    assert slider["bind"]["input"] == "range" and slider["bind"]["step"] == 0.5


def test_high_risk_estimates_read_the_dataset():
    estimates = automation.high_risk_estimates(dl.load("automation_forecasts"))
    table = dl.load("automation_forecasts")
    assert estimates["occupation_based"] == table.loc[table["method"] == "occupation-based", "share_of_jobs_pct"].iloc[0]
    assert estimates["task_based_low"] < estimates["task_based_high"] < estimates["occupation_based"]
    nq = table.loc[table["bibkey"] == "nedelkoska2018", "share_of_jobs_pct"]
    assert estimates["task_based_exposed"] == pytest.approx(nq.sum())
    assert estimates["task_based_exposed"] == pytest.approx(
        estimates["task_based_high"] + estimates["task_based_change"]
    )


def test_jobs_at_risk_finding_states_the_range():
    finding = automation.jobs_at_risk()
    estimates = automation.high_risk_estimates(dl.load("automation_forecasts"))
    assert isinstance(finding, Finding)
    assert finding.value == f"{estimates['task_based_low']:.0f}–{estimates['task_based_high']:.0f}"
    assert f"{estimates['occupation_based']:.0f} %" in finding.summary
