"""The implicit-work ratio model: limiting cases, the data it uses, sensitivity, charts, finding."""

from __future__ import annotations

from dataclasses import replace

import pytest

from digital_labor import implicit_work as iw
from digital_labor.implicit_work.model import ImplicitWork


def _case(**changes) -> ImplicitWork:
    return replace(ImplicitWork(users=1e6, minutes_per_day=60, productive_share=0.5, employees=100), **changes)


def test_arithmetic_of_hours_fte_and_ratio():
    case = _case()
    assert iw.implicit_hours(case) == pytest.approx(1e6 * 1 * 365 * 0.5)
    assert iw.implicit_fte(case) == pytest.approx(1e6 * 365 * 0.5 / 2000)
    assert iw.implicit_ratio(case) == pytest.approx(1e6 * 365 * 0.5 / 2000 / 100)


@pytest.mark.parametrize("changes", [{"productive_share": 0.0}, {"minutes_per_day": 0.0}, {"users": 0.0}])
def test_no_productive_time_gives_a_zero_ratio(changes):
    assert iw.implicit_ratio(_case(**changes)) == 0


def test_ratio_is_proportional_to_share_and_inverse_to_employees():
    assert iw.implicit_ratio(_case(productive_share=1.0)) == pytest.approx(2 * iw.implicit_ratio(_case()))
    assert iw.implicit_ratio(_case(employees=200)) == pytest.approx(iw.implicit_ratio(_case()) / 2)
    assert iw.implicit_ratio(_case(hours_per_fte_year=1000)) == pytest.approx(2 * iw.implicit_ratio(_case()))


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"productive_share": 1.5}, "productive_share"),
        ({"employees": 0}, "employees"),
        ({"minutes_per_day": 2000}, "minutes_per_day"),
        ({"users": -1}, "users"),
        ({"hours_per_fte_year": 0}, "hours_per_fte_year"),
    ],
)
def test_parameters_are_validated(changes, message):
    with pytest.raises(ValueError, match=message):
        _case(**changes)


def test_facebook_case_reads_the_data():
    assert iw.time_range() == (40.0, 50.0, 120.0)
    case = iw.facebook_case(2016)
    assert (case.users, case.employees, case.minutes_per_day, case.productive_share) == (1860e6, 17048, 50.0, 0.10)
    assert iw.implicit_ratio(case) == pytest.approx(1860e6 * 50 / 60 * 365 * 0.10 / 2000 / 17048)
    by_year = iw.ratio_by_year().set_index("year")["ratio"]
    assert by_year.is_monotonic_decreasing and by_year.loc[2016] == pytest.approx(iw.implicit_ratio(case))
    with pytest.raises(KeyError):
        iw.facebook_case(2012)


def test_sensitivity_moves_one_parameter_at_a_time():
    case = iw.facebook_case(2016)
    table = iw.sensitivity(case).set_index("parameter")
    base = iw.implicit_ratio(case)
    assert table.loc["productive_share", "ratio_low"] == pytest.approx(base / 2)
    assert table.loc["productive_share", "ratio_high"] == pytest.approx(base * 2.5)
    assert table.loc["minutes_per_day", "ratio_high"] == pytest.approx(base * 120 / 50)
    assert table.loc["hours_per_fte_year", "ratio_low"] == pytest.approx(base * 2000 / 1800)
    assert list(table.index)[0] == "productive_share"  # the largest swing comes first
    with pytest.raises(ValueError, match="unknown parameter"):
        iw.sensitivity(case, {"colour": (0, 1)})


def test_retail_consumer_work_uses_walmart_figures():
    assert iw.walmart_figure("customer visits per week") == 260e6
    case = iw.walmart_case(5.0)
    hours = 260e6 * 52 * 5 / 60
    assert iw.implicit_hours(case) == pytest.approx(hours)
    assert iw.implicit_ratio(case) == pytest.approx(hours / 2000 / 2.3e6)
    assert iw.implicit_ratio(iw.walmart_case(0.0)) == 0
    comparison = iw.firm_comparison()
    assert (
        comparison.loc[comparison["firm"] == "Walmart", "ratio"].max() < 1 < comparison.loc[comparison["firm"] == "Facebook", "ratio"].min()
    )
    with pytest.raises(KeyError, match="known"):
        iw.walmart_figure("stores")


def test_finding_is_the_model_ratio():
    finding = iw.formal_implicit_ratio()
    assert finding.value == 1659 and "28.3 million full-time jobs" in finding.summary
    assert "830 to 4,148" in finding.summary and "0.24 per Walmart employee" in finding.summary


def test_charts_are_labelled_as_models_with_sliders_and_descriptions():
    ratio = iw.implicit_ratio_chart(iw.ratio_by_year(), default_minutes=50, low_minutes=40, high_minutes=120).to_dict()
    assert "Model:" in " ".join(ratio["title"]["subtitle"])
    params = {p["name"]: p for p in ratio.get("params", []) + [p for layer in ratio["layer"] for p in layer.get("params", [])]}
    assert params["share"]["value"] == 10 and params["minutes"]["value"] == 50
    assert params["minutes"]["bind"]["min"] == 40 and params["minutes"]["bind"]["max"] == 120
    calc = [t["calculate"] for t in ratio["layer"][0]["transform"] if "calculate" in t][0]
    assert "minutes" in calc and "share / 100" in calc and "datum.employees" in calc
    assert "2016 1,659" in ratio["description"]
    tornado = iw.sensitivity_chart(iw.sensitivity(iw.facebook_case(2016))).to_dict()
    assert "Model:" in " ".join(tornado["title"]["subtitle"]) and "1,659 full-time equivalents" in tornado["description"]
    assert "productive share of that time: 830 at 5%, 4,148 at 25%" in tornado["description"]
    firms = iw.firm_comparison_chart(iw.firm_comparison()).to_dict()
    assert "Walmart's weekly customer visits" in " ".join(firms["title"]["subtitle"])
    assert "Walmart, 5 minutes of self-service per visit: 0.245" in firms["description"]
