"""Tests for the occupation- versus task-based automation simulation."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pages import page_definition

import digital_labor as dl
from digital_labor import automation, prose
from digital_labor.automation import (
    OCCUPATION_BASED,
    TASK_BASED,
    AutomationEconomy,
    risk_by_heterogeneity,
    risk_by_threshold,
    simulate_workers,
)
from digital_labor.automation import data as automation_data
from digital_labor.automation import model as automation_model
from digital_labor.automation.data import RISK_BANDS
from digital_labor.automation.model import occupations, share_at_high_risk
from digital_labor.claims import Finding

SMALL = AutomationEconomy(n_occupations=120, workers_per_occupation=20)
PAGE = Path(__file__).resolve().parents[2] / "chapters" / "01-platforms-and-the-firm" / "automation-forecasts.md"


def test_the_pages_scoring_rule_is_the_librarys():
    page_rule = page_definition(PAGE, "worker_score")
    occupation, personal = np.array([0.05, 0.4, 0.95]), np.array([0.5, 0.2, 0.6])
    for h in (0.0, 0.3, 1.0):
        np.testing.assert_allclose(page_rule(occupation, personal, h), automation_model.worker_score(occupation, personal, h))
    pd.testing.assert_frame_equal(risk_by_heterogeneity(SMALL, [0.0, 0.5], score=page_rule), risk_by_heterogeneity(SMALL, [0.0, 0.5]))


def test_a_changed_scoring_rule_changes_the_simulation():
    def occupation_only(occupation_score, personal_mix_score, h):
        return occupation_score

    risk = risk_by_heterogeneity(SMALL, [0.5], score=occupation_only).set_index("method")["share_at_high_risk_pct"]
    assert risk[TASK_BASED] == risk[OCCUPATION_BASED]


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
    change = bands[bands["risk_band"] == RISK_BANDS[1]]
    assert list(change["share_of_jobs_pct"]) == [32]
    assert bands["label"].nunique() == 3


def test_score_distribution_sums_to_100_and_matches_high_risk_share():
    heterogeneities = [0.0, 0.5]
    distribution = automation.score_distribution(SMALL_CHART_ECONOMY, heterogeneities, n_bins=20)
    totals = distribution.groupby(["heterogeneity", "method"])["employment_pct"].sum()
    np.testing.assert_allclose(totals, 100)
    workers = automation.simulate_workers(SMALL_CHART_ECONOMY, 0.5)
    expected = share_at_high_risk(workers, 0.7)
    above = distribution[(distribution["heterogeneity"] == 0.5) & (distribution["bin_start"] >= 0.7 - 1e-9)]
    for method, value in expected.items():
        assert above.loc[above["method"] == method, "employment_pct"].sum() == pytest.approx(value, abs=1e-6)
    at_zero = distribution[distribution["heterogeneity"] == 0.0].pivot(index="bin_start", columns="method", values="employment_pct")
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
    assert estimates["task_based_exposed"] == pytest.approx(estimates["task_based_high"] + estimates["task_based_change"])


def test_jobs_at_risk_finding_states_the_range():
    finding = automation.jobs_at_risk()
    estimates = automation.high_risk_estimates(dl.load("automation_forecasts"))
    assert isinstance(finding, Finding)
    assert finding.value == f"{estimates['task_based_low']:.0f}–{estimates['task_based_high']:.0f}"
    assert f"{estimates['occupation_based']:.0f} %" in finding.summary


def test_jobs_at_risk_finding_reads_the_claim_the_essay_makes():
    """The row judges 'the prophecy is old and the 47 % was contested', from the data."""
    finding = automation.jobs_at_risk()
    oldest = int(dl.load("automation_prophecies")["year"].min())
    assert f"dates from {oldest}" in finding.summary
    estimates = automation.high_risk_estimates(dl.load("automation_forecasts"))
    # "The contest is real": every task-based estimate is far below the occupation-based one.
    assert estimates["task_based_high"] < estimates["occupation_based"] / 2
    dates = dl.load("automation_publication_dates")
    lead = automation.months_between(dates, "ifr2013", "frey2013")
    assert lead > 0  # the IFR study came first, as the sentence says
    assert f"{lead} months before Frey and Osborne" in finding.summary
    # "The earlier of the two task-based estimates ... appeared ... before the essay was presented."
    arntz_lead = automation.months_between(dates, "arntz2016", "casilli2016plateformisation")
    assert arntz_lead > 0
    assert f"appeared {arntz_lead} months before the essay" in finding.summary
    # The book does not claim that Arntz et al. were the first to contest the figure.
    assert "first task-based" not in finding.summary


def test_jobs_at_risk_finding_says_what_the_figure_measured():
    """The summary quotes the book's paraphrase of Frey and Osborne: a risk, not a disappearance."""
    finding = automation.jobs_at_risk()
    prophecies = dl.load("automation_prophecies")
    paraphrase = prophecies.loc[prophecies["bibkey"] == "frey2013", "prediction"].iloc[0]
    assert "could take over" in paraphrase
    assert paraphrase[1:] in finding.summary
    assert "not a forecast that jobs would disappear" in finding.summary


def test_jobs_at_risk_record_judges_the_claim_as_the_essay_states_it():
    """The ledger quotes the essay's 'disparition' and marks the claim nuanced, not confirmed."""
    record = dl.load("claims").set_index("id").loc["jobs-at-risk"]
    assert "disparition" in record["essay_figure"] and "contestée" in record["essay_figure"]
    assert "contested" in record["claim"] and "disappearance" in record["claim"]
    assert record["verdict"] == "nuanced"
    # The comment's two qualifications are those the data bear out.
    assert "overstates" in record["comment"] and "cannot have" in record["comment"]
    dates = dl.load("automation_publication_dates")
    assert automation.months_between(dates, "ifr2013", "frey2013") > 0


def test_first_public_month_is_that_of_the_cited_version():
    dates = dl.load("automation_publication_dates")
    months = automation.first_public(dates)
    assert months["ifr2013"] == pd.Timestamp("2013-01-01")  # not the 2011 first version
    assert months["frey2013"] == pd.Timestamp("2013-09-01")
    assert months.is_monotonic_increasing
    assert automation.months_between(dates, "frey2013", "ifr2013") == -automation.months_between(dates, "ifr2013", "frey2013")
    with pytest.raises(KeyError, match="nedelkoska2018"):
        automation.months_between(dates, "frey2013", "nedelkoska2018")


def test_timeline_description_names_every_century_and_work():
    prophecies, forecasts = dl.load("automation_prophecies"), dl.load("automation_forecasts")
    table = automation.timeline_table(prophecies, forecasts, dl.load("automation_publication_dates"))
    description = automation.prophecies_timeline(table).to_dict()["description"]
    assert "1 in the 20th century (1 prophecy: Keynes (1930))" in description
    assert "3 in the 19th century (2 prophecies, 1 theoretical argument" in description
    assert "in the 21st century" in description
    assert all(label in description for label in table["label"])
    counts = table.groupby((table["year"] - 1) // 100 + 1).size()
    assert sum(counts) == len(table)
    for century, count in counts.items():
        assert f"{count} in the {prose.ordinal(int(century))} century" in description


def test_timeline_orders_works_of_the_same_year_by_month_when_dates_are_given():
    prophecies, forecasts = dl.load("automation_prophecies"), dl.load("automation_forecasts")
    labels = list(automation.timeline_table(prophecies, forecasts, dl.load("automation_publication_dates"))["label"])
    assert labels.index("IFR (2013)") < labels.index("Frey & Osborne (2013)")
    undated = list(automation.timeline_table(prophecies, forecasts)["label"])
    assert sorted(undated) == sorted(labels)


def test_least_dispersed_heterogeneity_minimises_the_spread_of_worker_scores():
    grid = np.linspace(0, 1, 201)
    spreads = []
    for h in grid:
        workers = simulate_workers(SMALL, h)
        mean = np.average(workers["worker_score"], weights=workers["employment_weight"])
        spreads.append(np.average((workers["worker_score"] - mean) ** 2, weights=workers["employment_weight"]))
    assert automation.least_dispersed_heterogeneity(SMALL) == pytest.approx(grid[int(np.argmin(spreads))], abs=0.005)


def test_more_dispersed_personal_mixes_move_the_least_dispersed_point_down():
    values = [
        automation.least_dispersed_heterogeneity(
            AutomationEconomy(n_occupations=120, workers_per_occupation=20, personal_mix_concentration=c)
        )
        for c in (0.02, 0.1, 0.5)
    ]
    assert values[0] < values[1] < values[2] < 1


def test_task_based_share_bottoms_out_near_the_least_dispersed_point_then_rises():
    """The page explains the rise of the task-based share above h = 0.9 by this mechanism."""
    economy = AutomationEconomy()
    grid = np.round(np.linspace(0, 1, 21), 2)
    task = risk_by_heterogeneity(economy, grid).query("method == @TASK_BASED").set_index("heterogeneity")["share_at_high_risk_pct"]
    lowest = task.idxmin()
    assert 0 < lowest < 1
    assert lowest == pytest.approx(automation.least_dispersed_heterogeneity(economy), abs=0.1)
    assert task.loc[1.0] > task.loc[lowest]
    assert (np.diff(task.loc[:lowest]) < 0).all()  # falls all the way to the trough
    # At h = 1 the occupation plays no part: the share is that of the personal mixes alone.
    workers = simulate_workers(economy, 1.0)
    above = workers["personal_mix_score"] > economy.threshold
    assert task.loc[1.0] == pytest.approx(100 * workers.loc[above, "employment_weight"].sum())


@pytest.mark.parametrize("seed", [1, 2])
def test_the_trough_and_the_rise_do_not_depend_on_the_seed(seed):
    economy = AutomationEconomy(seed=seed)
    grid = np.round(np.linspace(0.5, 1, 11), 2)
    task = risk_by_heterogeneity(economy, grid).query("method == @TASK_BASED").set_index("heterogeneity")["share_at_high_risk_pct"]
    assert 0.5 < task.idxmin() < 1 and task.loc[1.0] > task.min()


def test_risk_chart_description_names_the_trough_when_there_is_one():
    economy = AutomationEconomy()
    heterogeneities = [0.0, 0.9, 1.0]
    risk = automation.risk_by_heterogeneity(economy, heterogeneities)
    chart = automation.risk_model_chart(risk, automation.score_distribution(economy, heterogeneities), economy.threshold)
    task = risk[risk["method"] == TASK_BASED].set_index("heterogeneity")["share_at_high_risk_pct"]
    assert task.idxmin() == 0.9
    assert f"its lowest value, {task.min():.1f} per cent, at h = 0.9" in chart.to_dict()["description"]
    monotone = automation.risk_by_heterogeneity(economy, [0.0, 0.5])
    chart = automation.risk_model_chart(monotone, automation.score_distribution(economy, [0.0, 0.5]), economy.threshold)
    assert "lowest value" not in chart.to_dict()["description"]


# The series after the essay (chapter pages 'Since the essay').
def test_risk_and_exposure_are_kept_apart_and_the_growth_check_is_not_a_share():
    measures = automation.automation_measures()
    assert set(measures["measure"]) == {automation_data.RISK, automation_data.SKILLS_RISK, automation_data.EXPOSURE}
    # The OECD's 27 % of 2023 is a skills-based measure of its own, not in the panel of 47 % and 9 %.
    assert measures.set_index("bibkey").loc["oecd2023eo", "measure"] == automation_data.SKILLS_RISK
    risk = measures[measures["measure"] == automation_data.RISK].set_index("bibkey")["share_pct"]
    # The essay-era estimates are all risk, never exposure: 47 % and 9 % are not on the exposure scale.
    assert risk["frey2013"] == 47
    assert risk["arntz2016"] == 9
    assert (
        not measures.loc[measures["measure"] == automation_data.EXPOSURE, "bibkey"].isin(["frey2013", "arntz2016", "nedelkoska2018"]).any()
    )
    growth = dl.load("automation_exposure").query("measure == 'employment growth 2012-2019'").set_index("group")["value_pct"]
    assert growth["occupations at high risk of automation"] < growth["occupations at low risk of automation"]


def test_the_automation_chart_draws_one_panel_per_measure():
    spec = automation.automation_measures_chart(automation.automation_measures()).to_dict()
    assert spec["facet"]["column"]["field"] == "measure"
    assert spec["description"]
    assert "since 2019" in " ".join(spec["title"]["subtitle"])
