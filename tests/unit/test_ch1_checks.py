"""Chapter 1: the ledger checks compute their findings from data and models."""

from __future__ import annotations

import pytest

import digital_labor as dl
from digital_labor.checks import ch1
from digital_labor.claims import Finding, ledger
from digital_labor.models import two_sided


def test_high_risk_estimates_read_the_dataset():
    estimates = ch1.high_risk_estimates()
    table = dl.load("automation_forecasts")
    assert estimates["occupation_based"] == table.loc[table["method"] == "occupation-based", "share_of_jobs_pct"].iloc[0]
    assert estimates["task_based_low"] < estimates["task_based_high"] < estimates["occupation_based"]
    nq = table.loc[table["bibkey"] == "nedelkoska2018", "share_of_jobs_pct"]
    assert estimates["task_based_exposed"] == pytest.approx(nq.sum())
    assert estimates["task_based_exposed"] == pytest.approx(
        estimates["task_based_high"] + estimates["task_based_change"]
    )


def test_jobs_at_risk_finding_states_the_range():
    finding = ch1.jobs_at_risk()
    estimates = ch1.high_risk_estimates()
    assert isinstance(finding, Finding)
    assert finding.value == f"{estimates['task_based_low']:.0f}–{estimates['task_based_high']:.0f}"
    assert f"{estimates['occupation_based']:.0f} %" in finding.summary


def test_multi_sided_prices_finding_is_the_model_threshold():
    finding = ch1.multi_sided_prices()
    threshold = two_sided.users_price_threshold(two_sided.TwoSidedMarket())
    assert finding.value == pytest.approx(threshold, abs=0.005)
    assert "model" in finding.summary


def test_chapter_one_rows_are_checked_with_these_functions():
    table = ledger()
    rows = table[table["chapter"] == 1].set_index("id")
    assert set(rows["status"]) == {"checked"}
    assert rows.loc["jobs-at-risk", "check"] == "digital_labor.checks.ch1:jobs_at_risk"
    assert rows.loc["multi-sided-prices", "check"] == "digital_labor.checks.ch1:multi_sided_prices"
    assert rows.loc["multi-sided-prices", "value"] == ch1.multi_sided_prices().value
