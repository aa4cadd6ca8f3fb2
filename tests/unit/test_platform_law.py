"""Platform work since the essay: the timeline of court decisions and laws, the generative-AI pay
figures, their checks, the join to chapter 3's microwork pay and the charts."""

from __future__ import annotations

import pandas as pd
import pytest

import digital_labor as dl
from digital_labor import platform_law
from digital_labor.data import DataError


@pytest.fixture(scope="module")
def timeline() -> pd.DataFrame:
    return platform_law.law_timeline()


@pytest.fixture(scope="module")
def comparison() -> pd.DataFrame:
    return platform_law.pay_comparison(platform_law.genai_pay(), dl.load("hourly_pay_benchmarks"))


@pytest.mark.parametrize(
    ("title", "date"),
    [
        ("Take Eat Easy, pourvoi n° 17-20.079", "2018-11-28"),
        ("Uber France and Uber BV v. M. X, pourvoi n° 19-13.316 (arrêt n° 374)", "2020-03-04"),
        ("Uber BV and others v Aslam and others [2021] UKSC 5", "2021-02-19"),
        ("Assembly Bill 5 (AB 5)", "2019-09-18"),
        ("Castellanos v. State of California, S279622", "2024-07-25"),
        ("Real Decreto-ley 9/2021 (Ley Rider)", "2021-05-11"),
        ("Directive (EU) 2024/2831 on improving working conditions in platform work", "2024-10-23"),
    ],
)
def test_the_verified_dates_are_the_ones_in_the_timeline(timeline, title, date):
    rows = timeline[timeline["title_or_parties"] == title]
    assert len(rows) == 1
    assert rows["date"].iloc[0] == pd.Timestamp(date)


def test_the_timeline_is_sorted_and_starts_in_the_essay_s_year(timeline):
    assert timeline["date"].is_monotonic_increasing
    assert timeline["date"].dt.year.min() == platform_law.data.ESSAY_YEAR


def test_bearing_counts_add_up_and_court_rulings_lean_towards_employment(timeline):
    counts = platform_law.bearing_counts(timeline)
    assert counts["acts"].sum() == len(timeline)
    employment = counts.loc["employment status recognised or presumed"]
    assert employment["acts"] == 8
    assert employment["court_decisions"] == 4
    assert counts.loc["independent status kept", "acts"] == 2


def test_an_act_dated_before_the_essay_is_refused_with_file_line_and_column(timeline):
    bad = timeline.copy()
    bad.loc[3, "date"] = pd.Timestamp("2014-05-01")
    with pytest.raises(DataError, match=r"data/platform_work_law.csv, line 5, column 'date'.*2016 or later"):
        platform_law.data.check_law_timeline(bad)


def test_a_page_read_before_its_act_is_refused(timeline):
    bad = timeline.copy()
    bad.loc[0, "retrieved"] = pd.Timestamp("2016-01-01")
    with pytest.raises(DataError, match=r"line 2, column 'retrieved'"):
        platform_law.data.check_law_timeline(bad)


def test_a_high_bound_below_the_low_one_is_refused():
    bad = platform_law.genai_pay().copy()
    bad.loc[0, "pay_high"] = 0.5
    with pytest.raises(DataError, match=r"generative_ai_data_work.csv, line 2, column 'pay_high'.*below the low bound"):
        platform_law.data.check_genai_pay(bad)


def test_pay_dated_after_its_publication_is_refused():
    bad = platform_law.genai_pay().copy()
    bad.loc[1, "pay_year"] = 2030
    with pytest.raises(DataError, match=r"line 3, column 'pay_year'"):
        platform_law.data.check_genai_pay(bad)


def test_the_comparison_leaves_out_the_client_s_price_and_keeps_both_groups(comparison):
    assert 12.5 not in set(comparison["low"])
    assert set(comparison["group"]) == {platform_law.GENAI, platform_law.model.MICROWORK}
    assert (comparison["group"] == platform_law.model.MICROWORK).sum() == len(platform_law.model.MICROWORK_BENCHMARKS)
    assert (comparison["high"] >= comparison["low"]).all()
    assert comparison["low"].is_monotonic_increasing


def test_the_kenyan_figures_are_within_half_again_of_the_mechanical_turk_median(comparison):
    mturk = "Mechanical Turk, workers' median earnings"
    ratio = platform_law.model.ratio_to(comparison, mturk, "high")
    kenya_2023 = comparison["label"].str.contains("KEN") & (comparison["years"] != "2019")
    assert comparison.loc[comparison["figure"] == mturk, "low"].item() == 2
    assert (ratio[kenya_2023] <= 1.5).all()
    sama = comparison[comparison["label"].str.startswith("Sama")]
    assert sama[["low", "high"]].iloc[0].tolist() == [1.32, 2.0]


def test_the_us_figures_sit_above_the_federal_minimum_wage(comparison):
    minimum = float(dl.load("hourly_pay_benchmarks").set_index("benchmark").loc["US federal minimum wage", "value"])
    us = comparison[comparison["country"] == "USA"]
    assert len(us) == 4
    assert (us["low"] > minimum).all()


def test_ratio_to_an_unknown_label_fails(comparison):
    with pytest.raises(ValueError, match="no single row for the figure"):
        platform_law.model.ratio_to(comparison, "nothing of the sort")


def test_charts_have_a_title_a_source_line_and_a_description(timeline, comparison):
    for chart in (platform_law.law_timeline_chart(timeline), platform_law.pay_comparison_chart(comparison, 7.25)):
        spec = chart.to_dict()
        assert spec["title"]["text"]
        assert any("Source" in line or "source" in line for line in spec["title"]["subtitle"])
        assert len(spec["description"]) > 100
    assert "Take Eat Easy" in platform_law.law_timeline_chart(timeline).to_dict()["description"]


def test_only_the_directive_and_the_loi_travail_reach_all_platform_work(timeline):
    table = platform_law.scope_counts(timeline)
    assert table.loc["delivery or ride-hail", "all"] == 8
    assert table.loc["all platform work", "all"] == 2
    assert table.loc["all", "all"] == len(timeline)
    wide = timeline[timeline["scope"] == "all platform work"]["title_or_parties"]
    assert wide.str.startswith(("Loi n° 2016-1088", "Directive (EU) 2024/2831")).all()
