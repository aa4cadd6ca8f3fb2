"""App work: the utilisation data, the time-budget model and its limiting cases, charts, finding."""

from __future__ import annotations

import math

import pytest

from digital_labor import app_work as aw
from digital_labor.app_work.data import MILES
from digital_labor.app_work.model import app_work_minutes, claim_holds


def test_phase_shares_read_time_and_miles_and_convert_minutes():
    shares = aw.phase_shares()
    london = shares[(shares["study"] == "Uber London blog 2015")]
    assert sorted(london["low_pct"].round(2)) == [26.67, 56.67]  # 16 and 34 minutes an hour
    assert set(shares["basis"]) == {aw.TIME, MILES} and set(shares["phase"]) == {"P1", "P2", "P3"}
    fehr = shares[(shares["study"] == "Fehr & Peers 2019") & (shares["phase"] == "P3")].iloc[0]
    assert (fehr["low_pct"], fehr["high_pct"], fehr["basis"]) == (54, 62, MILES)
    new_york_taxi = shares[(shares["city"] == "New York") & (shares["service"] == "taxi")]["low_pct"]
    assert sorted(new_york_taxi) == [48.0, 49.5]  # two secondary readings of Cramer & Krueger, both kept


def test_phase_budgets_sum_to_the_hour():
    budgets = aw.phase_budgets()
    assert len(budgets) == 4
    assert (budgets[["p1_pct", "p2_pct", "p3_pct"]].sum(axis=1) == 100).all()
    assert aw.default_p2() == 13.0


def test_time_budget_arithmetic():
    hour = aw.DriverHour(p3_pct=50, p2_pct=10, app_minutes=16, while_waiting=0.5)
    budget = aw.time_budget(hour)
    assert budget["with_passenger"] == 30 and budget["waiting"] == 24
    assert budget[aw.NARROW] == 16 and budget[aw.BROAD] == 16 + 24 - 8
    assert claim_holds(hour, aw.BROAD) and not claim_holds(hour, aw.NARROW)


def test_limiting_cases():
    assert app_work_minutes(aw.DriverHour(100, 0, 0), aw.BROAD) == 0  # always with a passenger, no app work
    assert not claim_holds(aw.DriverHour(60, 10, 0.0), aw.BROAD)
    assert claim_holds(aw.DriverHour(20, 10, 0.0), aw.BROAD)  # mostly waiting: holds with no app task at all
    assert aw.break_even_app_minutes(20, 10, aw.BROAD) == 0
    assert aw.break_even_app_minutes(50, 13, aw.NARROW) == 30
    assert aw.break_even_app_minutes(50, 13, aw.BROAD, while_waiting=0.0) == pytest.approx(30 - 22.2)
    # Everything done while waiting: broad app work can only exceed the passenger time as narrow does.
    assert aw.break_even_app_minutes(50, 13, aw.BROAD, while_waiting=1.0) == 30
    at = aw.break_even_app_minutes(50, 13, aw.BROAD)
    assert math.isclose(app_work_minutes(aw.DriverHour(50, 13, at), aw.BROAD), 30)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"p3_pct": 120, "p2_pct": 0}, "p3_pct"),
        ({"p3_pct": 70, "p2_pct": 40}, "exceed"),
        ({"p3_pct": 50, "p2_pct": 10, "app_minutes": -1}, "app_minutes"),
        ({"p3_pct": 50, "p2_pct": 10, "while_waiting": 2}, "while_waiting"),
    ],
)
def test_parameters_are_validated(kwargs, message):
    with pytest.raises(ValueError, match=message):
        aw.DriverHour(**kwargs)
    with pytest.raises(ValueError, match="definition"):
        app_work_minutes(aw.DriverHour(50, 10), "wide")


def test_claim_grid_and_study_thresholds():
    grid = aw.claim_grid()
    assert set(grid["region"]) == {"under both definitions", "only if waiting counts as app work", "under neither"}
    assert not grid[grid["narrow_holds"] & ~grid["broad_holds"]].shape[0]  # narrow implies broad
    studies = aw.study_thresholds()
    assert (studies["narrow_minutes"] == 0.6 * studies["p3_pct"]).all()
    times = studies[studies["study"] == "The Times 2019"].iloc[0]
    assert times["p2_published"] and times["broad_minutes"] == pytest.approx((25.2 - 21.0) / 0.5)


def test_charts_are_labelled_and_have_sliders():
    region = aw.claim_region_chart(aw.claim_grid(), aw.study_thresholds(), p2_pct=13).to_dict()
    assert "Model:" in " ".join(region["title"]["subtitle"])
    params = {p["name"]: p for p in region.get("params", []) + [p for layer in region["layer"] for p in layer.get("params", [])]}
    assert params["waiting_share"]["value"] == 50 and params["pickup"]["value"] == 13
    assert "The Times 2019: London; Nottingham; Glasgow 42 % (needs 25 min narrow, 8 min broad)" in region["description"]
    budgets = aw.budget_chart(aw.phase_budgets()).to_dict()
    assert "Model:" in " ".join(budgets["title"]["subtitle"]) and "with a passenger 25.2 min" in budgets["description"]
    utilisation = aw.utilisation_chart(aw.phase_shares()).to_dict()
    rows = [r for data in utilisation["datasets"].values() for r in data if r.get("row") == "New York, taxi|Cramer & Krueger 2016"]
    assert {(r["span_low"], r["span_high"]) for r in rows} == {(48.0, 49.5)}  # two readings shown as one range
    assert "Model:" not in " ".join(utilisation["title"]["subtitle"]) and "Fehr & Peers 2019" in utilisation["description"]


def test_finding():
    finding = aw.driver_app_time()
    assert finding.value == 15.6 and "30 minutes of every hour" in finding.summary and "none under the narrow definition" in finding.summary
