"""Lighthouse's results judged on the median of several runs (tools/page_audit.py), with made-up
runs: no Lighthouse, no browser."""

from __future__ import annotations

import pytest

from tools import page_audit
from tools.page_audit import LighthouseResult

LIMITS = {
    "lighthouse_performance": 90,
    "lighthouse_accessibility": 100,
    "lighthouse_best_practices": 100,
    "lighthouse_seo": 100,
    "largest_contentful_paint_ms": 2500,
    "total_blocking_time_ms": 200,
    "lighthouse_runs": 3,
}


def run(performance: int, lcp: float = 1800, tbt: float = 0, accessibility: int = 100, fcp: float = 1500) -> LighthouseResult:
    failed = {"performance": [f"a diagnosis of the run that scored {performance}"]} if performance < 90 else {}
    if accessibility < 100:
        failed["accessibility"] = ["color-contrast: 2 elements"]
    return LighthouseResult(
        page="page.html",
        scores={"performance": performance, "accessibility": accessibility, "best-practices": 100, "seo": 100},
        lcp_ms=lcp,
        tbt_ms=tbt,
        fcp_ms=fcp,
        transfer_kb=100,
        lcp_element=f"<p run={performance}>",
        failed_audits=failed,
    )


def test_the_median_of_each_timing_is_taken_on_its_own():
    runs = [run(80, lcp=2600, tbt=400, fcp=1900), run(95, lcp=1700, tbt=30, fcp=1400), run(91, lcp=3000, tbt=10, fcp=1600)]
    result = page_audit.median_result(runs)
    assert result.scores["performance"] == 91
    assert (result.lcp_ms, result.tbt_ms, result.fcp_ms) == (2600, 30, 1600)
    assert result.runs == 3 and result.page == "page.html" and result.lcp_element == "<p run=91>"


def test_categories_that_do_not_depend_on_timing_come_from_the_first_run():
    runs = [run(80, accessibility=96), run(95), run(93)]
    result = page_audit.median_result(runs)
    assert result.scores["accessibility"] == 96 and result.failed_audits["accessibility"] == ["color-contrast: 2 elements"]
    assert "performance" not in result.failed_audits  # the median run (93) had no failing performance audit
    slow = page_audit.median_result([run(70), run(85), run(95)])
    assert slow.failed_audits["performance"] == ["a diagnosis of the run that scored 85"]


def test_the_median_judges_a_page_against_the_budgets():
    one_slow_run = page_audit.median_result([run(80, tbt=657), run(96), run(95)])
    assert page_audit.lighthouse_problems([one_slow_run], LIMITS) == []
    two_slow_runs = page_audit.median_result([run(80, tbt=657), run(86, tbt=250), run(95)])
    problems = page_audit.lighthouse_problems([two_slow_runs], LIMITS)
    assert len(problems) == 2 and "performance 86 < 90" in problems[0] and "total blocking time 250 ms" in problems[1]


def fake_lighthouse(*results: LighthouseResult):
    """A stand-in for one Lighthouse run: hands out ``results`` in order and counts the runs."""
    queue = list(results)
    calls = []

    def measure(page: str) -> LighthouseResult:
        calls.append(page)
        return queue.pop(0)

    return measure, calls


def test_a_page_that_meets_its_budgets_is_run_once():
    measure, calls = fake_lighthouse(run(94), run(50), run(50))
    result = page_audit.measure_page("page.html", measure, LIMITS)
    assert calls == ["page.html"] and result.runs == 1 and result.scores["performance"] == 94


@pytest.mark.parametrize("first", [run(85), run(95, lcp=2700), run(95, tbt=300)], ids=["score", "lcp", "tbt"])
def test_a_page_that_misses_a_timing_budget_is_run_twice_more_and_judged_on_the_median(first):
    measure, calls = fake_lighthouse(first, run(93), run(97))
    result = page_audit.measure_page("page.html", measure, LIMITS)
    assert calls == ["page.html"] * 3 and result.runs == 3
    assert page_audit.lighthouse_problems([result], LIMITS) == []


def test_a_page_that_misses_a_category_without_timing_is_not_run_again():
    measure, calls = fake_lighthouse(run(95, accessibility=96), run(95))
    result = page_audit.measure_page("page.html", measure, LIMITS)
    assert len(calls) == 1
    assert "accessibility 96 < 100" in page_audit.lighthouse_problems([result], LIMITS)[0]


def test_the_run_count_is_set_in_pyproject():
    assert page_audit.budget()["lighthouse_runs"] == 3
    measure, calls = fake_lighthouse(run(85))
    assert page_audit.measure_page("page.html", measure, {**LIMITS, "lighthouse_runs": 1}).runs == 1 and len(calls) == 1
