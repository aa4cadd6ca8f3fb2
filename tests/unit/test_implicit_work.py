"""The implicit-work ratio model: limiting cases, the data it uses, sensitivity, charts, finding."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import altair as alt
import jupytext
import numpy as np
import pandas as pd
import pytest

import digital_labor as dl
from digital_labor import implicit_work as iw
from digital_labor.implicit_work.model import ImplicitWork, ratio_rule

PAGE = Path(__file__).resolve().parents[2] / "chapters" / "02-value-capture" / "implicit-work.md"


def _open_cell(text: str) -> str:
    """The source of the page's open code cell (no tags) that contains ``text``."""
    cells = [c.source for c in jupytext.read(PAGE).cells if c.cell_type == "code" and not c.metadata.get("tags") and text in c.source]
    assert len(cells) == 1, f"{PAGE.name}: {len(cells)} open cells contain {text!r}"
    return cells[0]


def _page_rule():
    namespace: dict = {}
    exec(_open_cell("def fte_per_employee("), namespace)
    return namespace["fte_per_employee"]


def _case(**changes) -> ImplicitWork:
    return replace(ImplicitWork(users=1e6, minutes_per_day=60, productive_share=0.5, employees=100), **changes)


def test_arithmetic_of_hours_fte_and_ratio():
    case = _case()
    assert ratio_rule(users=1e6, minutes_per_day=60, productive_share=0.5, employees=1) == pytest.approx(1e6 * 365 * 0.5 / 2000)
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


def test_facebook_case_counts_daily_users_by_default():
    assert iw.time_range() == (40.0, 50.0, 120.0)
    case = iw.facebook_case(2016)
    # Issue 24, item 3: daily active users from the releases (1.23 billion in December 2016), not monthly users.
    assert iw.model.DEFAULT_USERS == "daily"
    assert (case.users, case.employees, case.minutes_per_day, case.productive_share) == (1230e6, 17048, 50.0, 0.10)
    assert iw.facebook_case(2016, users="monthly").users == 1860e6
    assert iw.implicit_ratio(case) == pytest.approx(1230e6 * 50 / 60 * 365 * 0.10 / 2000 / 17048)
    by_year = iw.ratio_by_year().set_index("year")
    assert by_year["ratio"].is_monotonic_decreasing and by_year.loc[2016, "ratio"] == pytest.approx(iw.implicit_ratio(case))
    assert (by_year["daily_users"] < by_year["monthly_users"]).all()
    with pytest.raises(KeyError):
        iw.facebook_case(2012)
    with pytest.raises(ValueError, match="users must be one of"):
        iw.facebook_case(2016, users="weekly")


def test_daily_users_are_the_published_series():
    dau = iw.daily_users()
    assert dau[2013] == 757e6 and dau[2016] == 1230e6 and dau[2021] == 1930e6
    assert dau.is_monotonic_increasing


def test_sensitivity_moves_one_parameter_at_a_time():
    case = iw.facebook_case(2016)
    table = iw.sensitivity(case, iw.sensitivity_ranges(2016)).set_index("parameter")
    base = iw.implicit_ratio(case)
    assert table.loc["users", "ratio_high"] == pytest.approx(base * 1860 / 1230)
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
    assert iw.implicit_ratio(case) == pytest.approx(hours / 2000 / 2.3e6)
    assert iw.implicit_ratio(iw.walmart_case(0.0)) == 0
    comparison = iw.firm_comparison()
    assert (
        comparison.loc[comparison["firm"] == "Walmart", "ratio"].max() < 1 < comparison.loc[comparison["firm"] == "Facebook", "ratio"].min()
    )
    with pytest.raises(KeyError, match="known"):
        iw.walmart_figure("stores")


def test_monte_carlo_is_seeded_and_stays_inside_the_corners():
    first, again = iw.monte_carlo(2016, draws=2_000), iw.monte_carlo(2016, draws=2_000)
    assert first.equals(again)
    assert not first.equals(iw.monte_carlo(2016, draws=2_000, seed=1))
    low, high = iw.joint_corners(2016)
    assert low < first["ratio"].min() and first["ratio"].max() < high
    assert first["productive_share"].between(0.05, 0.25).all() and first["minutes_per_day"].between(40, 120).all()
    assert first["users"].between(1230e6, 1860e6).all()
    assert iw.monte_carlo(2016, draws=2_000, ranges=iw.model.joint_ranges()).equals(first)
    fixed = {**iw.model.joint_ranges(), "productive_share": (0.1, 0.1), "minutes_per_day": (50, 50), "users_fraction": (0, 0)}
    pinned = iw.monte_carlo(2016, draws=100, ranges={**fixed, "hours_per_fte_year": (2000, 2000)})
    assert pinned["ratio"].to_numpy() == pytest.approx(iw.implicit_ratio(iw.facebook_case(2016)))
    with pytest.raises(ValueError, match="draws"):
        iw.monte_carlo(2016, draws=0)
    with pytest.raises(ValueError, match="lacks"):
        iw.monte_carlo(2016, ranges={"productive_share": (0.1, 0.2)})


def test_the_model_ratio_counts_daily_users_and_has_a_joint_band():
    # Issue 24, item 3: daily users (1,097), not monthly users (the old 1,659); the joint band, not the tornado's range
    # (the old "830 to 4,148"); the corners of the joint ranges, 422 to 11,062 (the "about 660 to 10,000").
    case = iw.facebook_case(2016)
    assert round(iw.implicit_ratio(case)) == 1097 and round(iw.implicit_ratio(case) * case.employees / 1e5) == 187
    ratios = iw.monte_carlo(2016)["ratio"]
    assert (round(ratios.quantile(0.05)), round(ratios.quantile(0.95))) == (925, 6131)
    assert [round(x) for x in iw.joint_corners(2016)] == [422, 11062]
    assert round(iw.implicit_ratio(iw.walmart_case(5.0)), 2) == 0.24


def test_charts_are_labelled_as_models_with_sliders_and_descriptions():
    ratio = iw.implicit_ratio_chart(iw.ratio_by_year(), default_minutes=50, low_minutes=40, high_minutes=120).to_dict()
    assert "Model:" in " ".join(ratio["title"]["subtitle"])
    params = {p["name"]: p for p in ratio.get("params", []) + [p for layer in ratio["layer"] for p in layer.get("params", [])]}
    assert params["share"]["value"] == 10 and params["minutes"]["value"] == 50 and params["users"]["value"] == "daily"
    assert params["minutes"]["bind"]["min"] == 40 and params["minutes"]["bind"]["max"] == 120
    calc = [t["calculate"] for t in ratio["layer"][0]["transform"] if "calculate" in t][0]
    assert "minutes" in calc and "share / 100" in calc and "datum.employees" in calc and "datum.daily_users" in calc
    assert "2016 1,097" in ratio["description"]
    tornado = iw.sensitivity_chart(iw.sensitivity(iw.facebook_case(2016), iw.sensitivity_ranges(2016))).to_dict()
    assert "Model:" in " ".join(tornado["title"]["subtitle"]) and "1,097 full-time equivalents" in tornado["description"]
    assert "productive share of that time: 549 at 5%, 2,743 at 25%" in tornado["description"]
    assert "users counted (daily to monthly active): 1,097 at 1,230 million users, 1,659 at 1,860 million users" in tornado["description"]
    firms = iw.firm_comparison_chart(iw.firm_comparison()).to_dict()
    assert "Walmart's weekly customer visits" in " ".join(firms["title"]["subtitle"])
    assert "Walmart, 5 minutes of self-service per visit: 0.245" in firms["description"]


def test_ledger_comment_states_the_computed_band():
    from digital_labor.data import load

    comment = load("claims").set_index("id").loc["formal-implicit-ratio", "comment"]
    ratios = iw.monte_carlo(2016)["ratio"]
    low, high = (round(float(ratios.quantile(q)), -2) for q in (0.05, 0.95))
    assert f"between about {low:,.0f} and {high:,.0f}" in comment
    corner_low, corner_high = iw.joint_corners(2016)
    assert f"about {round(corner_low, -1):,.0f} to {round(corner_high, -3):,.0f}" in comment


def test_implicit_work_page_labels_the_share_an_assumption_and_shows_the_joint_band():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "chapters" / "02-value-capture"
    page = (root / "implicit-work.md").read_text()
    # Issue 24, item 3: the 90-9-1 rule no longer stands in for a share of time; the joint band is on the page.
    assert "time spent producing is therefore a minority of the time spent" not in page
    assert "hampton2012" in page and "implicit_work.monte_carlo(" in page and "alt.Chart(band)" in page
    summary = (root / "summary.md").read_text()
    assert "These fractions are hypothetical" not in summary and "implicit_work.daily_users()" in summary


def test_the_firm_comparison_writes_ratios_in_full_and_does_not_cut_its_labels():
    """Issue 26, item 5: the chart printed '1.66e+3' and truncated its row labels."""
    import re

    import vl_convert as vlc

    spec = iw.firm_comparison_chart(iw.firm_comparison()).to_dict()
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", vlc.vegalite_to_svg(spec))
    assert "1,097" in texts and "0.245" in texts and not [t for t in texts if "e+" in t or t.endswith("…")]
    assert "e+" not in spec["description"]


def test_the_pages_rule_is_the_librarys_ratio_rule():
    """Issue 26, item 1: the page states the model's arithmetic in an open cell; it must not drift from the library's."""
    rule = _page_rule()
    for case in (iw.facebook_case(2016), iw.facebook_case(2013, users="monthly"), iw.walmart_case(5.0), _case(days_per_year=250)):
        assert iw.implicit_ratio(case, rule=rule) == pytest.approx(iw.implicit_ratio(case))
    users, minutes = np.array([1e6, 2e9]), np.array([10.0, 120.0])
    assert rule(users, minutes, 0.1, 100, 1800.0, 365.0) == pytest.approx(ratio_rule(users, minutes, 0.1, 100, 1800.0, 365.0))


def test_a_rule_passed_in_changes_every_result():
    """The page's rule reaches the machinery: a rule that doubles the ratio doubles every result."""

    def double(**parameters):
        return 2 * ratio_rule(**parameters)

    case = iw.facebook_case(2016)
    assert iw.implicit_ratio(case, rule=double) == pytest.approx(2 * iw.implicit_ratio(case))
    assert iw.ratio_by_year(rule=double)["ratio"].to_numpy() == pytest.approx(2 * iw.ratio_by_year()["ratio"].to_numpy())
    swings = iw.sensitivity(case, iw.sensitivity_ranges(2016), rule=double)
    assert swings["ratio_high"].to_numpy() == pytest.approx(2 * iw.sensitivity(case, iw.sensitivity_ranges(2016))["ratio_high"].to_numpy())
    draws = iw.monte_carlo(2016, draws=500, rule=double)["ratio"]
    assert draws.to_numpy() == pytest.approx(2 * iw.monte_carlo(2016, draws=500)["ratio"].to_numpy())
    assert iw.joint_corners(2016, rule=double) == pytest.approx(tuple(2 * x for x in iw.joint_corners(2016)))
    comparison = iw.firm_comparison(rule=double)
    assert comparison["ratio"].to_numpy() == pytest.approx(2 * iw.firm_comparison()["ratio"].to_numpy())
    assert comparison["implicit_fte"].to_numpy() == pytest.approx(2 * iw.firm_comparison()["implicit_fte"].to_numpy())


def test_the_pages_joint_band_and_its_chart():
    """The band by year is shaped on the page (concat, group-by, merge) and drawn there in altair."""
    namespace = {
        "pd": pd,
        "alt": alt,
        "dl": dl,
        "implicit_work": iw,
        "fte_per_employee": _page_rule(),
        "ranges": iw.model.joint_ranges(),
        "draws": range(2_000),
        "by_year": iw.ratio_by_year(),
    }
    exec(_open_cell("every_year = pd.concat("), namespace)
    band = namespace["band"].set_index("year")
    assert len(band) == 8 and (band["low"] < band["median"]).all() and (band["median"] < band["high"]).all()
    ratios = iw.monte_carlo(2016, draws=2_000)["ratio"]
    assert band.loc[2016, ["low", "median", "high"]].to_list() == pytest.approx([ratios.quantile(q) for q in (0.05, 0.5, 0.95)])
    assert band.loc[2016, "ratio"] == pytest.approx(iw.implicit_ratio(iw.facebook_case(2016)))
    chart_cell = ast.parse(_open_cell("alt.Chart(band)"))
    last = chart_cell.body[-1]
    assert isinstance(last, ast.Expr), "the chart cell ends with the chart"
    chart_cell.body[-1] = ast.copy_location(ast.Assign(targets=[ast.Name("chart", ast.Store())], value=last.value), last)
    exec(compile(ast.fix_missing_locations(chart_cell), PAGE.name, "exec"), namespace)
    spec = namespace["chart"].to_dict()
    assert "Model:" in " ".join(spec["title"]["subtitle"]) and "2,000 joint draws" in spec["description"]
    assert "2016: " in spec["description"] and "full-time equivalents, log scale" in str(spec["layer"][0]["encoding"]["y"])
