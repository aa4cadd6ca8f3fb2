"""Revenue per user-hour: ARPU and time data, the model's arithmetic, the regional gap, the chart."""

from __future__ import annotations

from pathlib import Path

import jupytext
import pytest

from digital_labor import attention_value as av
from digital_labor.attention_value.model import hours_in_period, revenue_per_hour

PAGE = Path(__file__).resolve().parents[2] / "chapters" / "02-value-capture" / "user-hour.md"


def _page_rule():
    """The rule the page defines in an open cell (no tags)."""
    cells = [
        c.source
        for c in jupytext.read(PAGE).cells
        if c.cell_type == "code" and not c.metadata.get("tags") and "def per_user_hour(" in c.source
    ]
    assert len(cells) == 1, f"{PAGE.name}: {len(cells)} open cells define per_user_hour"
    namespace: dict = {}
    exec(cells[0], namespace)
    return namespace["per_user_hour"]


def test_arpu_has_the_length_of_each_period():
    frame = av.arpu().set_index(["period", "region"])
    assert frame.loc[("2013", "Worldwide"), "days"] == 365 and frame.loc[("2013", "Worldwide"), "per"] == "year"
    assert frame.loc[("2015-Q4", "US & Canada"), "days"] == 92 and frame.loc[("2015-Q4", "US & Canada"), "per"] == "quarter"
    assert av.arpu_value("2021-Q4", "Rest of World") == 3.43
    with pytest.raises(KeyError):
        av.arpu_value("2016-Q4", "Europe")


def test_time_figures_are_the_published_ones():
    assert av.minutes_per_day(av.FACEBOOK_TIME) == 50
    assert av.minutes_per_day(av.TIME_LOW) == 40
    assert av.minutes_per_day(av.TIME_HIGH) == 120  # "almost 2 hours", converted
    assert av.minutes_per_day("wearesocial2019", "Philippines") == 252
    with pytest.raises(KeyError, match="name one"):
        av.minutes_per_day("wearesocial2024")


def test_revenue_per_hour_arithmetic_and_limits():
    assert hours_in_period(92, 60) == 92
    assert revenue_per_hour(92.0, 92, 60) == pytest.approx(1.0)
    assert revenue_per_hour(0.0, 92, 60) == 0
    assert revenue_per_hour(10.0, 92, 120) == pytest.approx(revenue_per_hour(10.0, 92, 60) / 2)
    with pytest.raises(ValueError, match="minutes_per_day"):
        revenue_per_hour(1.0, 92, 0)
    hourly = av.hourly_value(50).set_index(["period", "region"])
    assert hourly.loc[("2015-Q4", "US & Canada"), "usd_per_hour"] == pytest.approx(13.54 / (92 * 50 / 60))


def test_regional_gap_is_the_arpu_ratio_with_equal_times_and_grows_with_more_time():
    assert av.region_gap("2015-Q4") == pytest.approx(13.54 / 1.22)
    assert round(av.region_gap("2015-Q4")) == 11 and round(av.region_gap("2021-Q4")) == 18  # the 11x and 18x
    assert av.region_gap("2021-Q4", 50, 50) == pytest.approx(av.region_gap("2021-Q4", 100, 100))
    assert av.region_gap("2021-Q4", 50, 100) == pytest.approx(2 * av.region_gap("2021-Q4"))
    with pytest.raises(KeyError):
        av.region_gap("2013")


def test_net_income_per_hour_applies_the_period_margin():
    margins = av.income().set_index("period")["net_margin"]
    assert margins["2015-Q4"] == pytest.approx(1562 / 5841) and margins["2021-Q4"] == pytest.approx(10285 / 33671)
    hourly = av.hourly_value(50).set_index(["period", "region"])
    row = hourly.loc[("2021-Q4", "US & Canada")]
    # Issue 24, item 4: net income per hour beside revenue per hour, well below it.
    assert row["net_usd_per_hour"] == pytest.approx(60.57 * 10285 / 33671 / (92 * 50 / 60))
    assert (hourly["net_usd_per_hour"] < hourly["usd_per_hour"]).all()


def test_2021_time_is_date_matched_and_narrower():
    assert av.minutes_per_day(av.FACEBOOK_TIME_2021) == pytest.approx(19.6 * 60 * 12 / 365, abs=0.05)
    assert av.minutes_per_day(av.FACEBOOK_TIME_2021) < av.minutes_per_day(av.FACEBOOK_TIME)


def test_local_minimum_wages_use_chapter_3_conversion():
    from digital_labor import microwork

    table = av.minimum_wage_hours(50).set_index("label")
    wages = microwork.current_minimum_wages().set_index("label")["usd_per_hour"]
    # Issue 24, item 4: the page converts local minimum wages as chapter 3 does, with its function.
    assert table["wage_usd_per_hour"].to_dict() == wages.to_dict()
    nigeria = table[table["country_iso3"] == "NGA"].iloc[0]
    assert nigeria["region"] == "Rest of World"
    assert nigeria["hours_revenue"] == pytest.approx(nigeria["wage_usd_per_hour"] / (3.43 / (92 * 50 / 60)))
    usa = table[table["country_iso3"] == "USA"].iloc[0]
    assert nigeria["hours_revenue"] < usa["hours_revenue"]  # against local floors the southern hour is not the cheaper one
    assert (table["hours_net"] > table["hours_revenue"]).all()


def test_pay_benchmarks_are_in_dollars_per_hour():
    assert av.pay_benchmark("US federal minimum wage") == 7.25
    assert av.pay_benchmark("Mechanical Turk workers' median hourly earnings") == 2
    with pytest.raises(KeyError, match="known"):
        av.pay_benchmark("UK living wage")


def test_chart_is_a_model_with_a_time_slider_and_describes_the_values():
    chart = av.hourly_value_chart(av.arpu(), av.pay_benchmarks(), default_minutes=50, low_minutes=40, high_minutes=120).to_dict()
    source = " ".join(chart["title"]["subtitle"])
    assert "Model:" in source and "average revenue per user" in source.lower()
    params = chart.get("params", []) + [p for layer in chart["layer"] for p in layer.get("params", [])]
    assert params[0]["name"] == "minutes" and params[0]["value"] == 50 and params[0]["bind"]["max"] == 120
    calc = [t["calculate"] for t in chart["layer"][0]["transform"] if "calculate" in t][0]
    assert calc == "datum.arpu_usd / (datum.days * minutes / 60)"
    assert "2015-Q4 US & Canada US$ 0.177 (net income US$ 0.0472)" in chart["description"]
    assert "US federal minimum wage US$ 7.25" in chart["description"]
    net_calc = [t["calculate"] for t in chart["layer"][0]["transform"] if t.get("as") == "net_usd_per_hour"][0]
    assert net_calc == "datum.net_income_per_user / (datum.days * minutes / 60)"
    assert chart["layer"][0]["encoding"]["shape"]["field"] == "period"


def test_user_hour_page_converts_local_minimum_wages_as_chapter_3_does():
    from pathlib import Path

    page = (Path(__file__).resolve().parents[2] / "chapters" / "02-value-capture" / "user-hour.md").read_text()
    # Issue 24, item 4: the page no longer declines the conversion that chapter 3 makes; it calls the same function.
    assert "leaves them out rather than guess" not in page
    assert "attention_value.minimum_wage_hours(" in page and "net_usd_per_hour" in page
    assert "FACEBOOK_TIME_2021" in page  # the 2021 hour is also computed with a 2021 time figure


def test_the_pages_rule_is_the_librarys_revenue_per_hour():
    """Issue 26, item 1: the page states the model's rule in an open cell; it must not drift from the library's."""
    rule = _page_rule()
    for amount, days, minutes in ((13.54, 92, 50), (1.22, 92, 40.0), (60.57, 92, 120), (24.96, 365, 19.6 * 60 * 12 / 365)):
        assert rule(amount, days, minutes) == pytest.approx(revenue_per_hour(amount, days, minutes))
    assert av.hourly_value(50, rule=rule)[["usd_per_hour", "net_usd_per_hour"]].equals(
        av.hourly_value(50)[["usd_per_hour", "net_usd_per_hour"]]
    )


def test_a_rule_passed_in_changes_every_result():
    """The page's rule reaches the machinery: a rule that halves the hour's value halves every value and doubles every hour count."""

    def half(amount_usd, days, minutes_per_day):
        return revenue_per_hour(amount_usd, days, minutes_per_day) / 2

    hourly, base = av.hourly_value(50, rule=half), av.hourly_value(50)
    assert hourly["usd_per_hour"].to_numpy() == pytest.approx(base["usd_per_hour"].to_numpy() / 2)
    assert hourly["net_usd_per_hour"].to_numpy() == pytest.approx(base["net_usd_per_hour"].to_numpy() / 2)
    wages = av.minimum_wage_hours(50, rule=half)
    assert wages["hours_revenue"].to_numpy() == pytest.approx(2 * av.minimum_wage_hours(50)["hours_revenue"].to_numpy())
    assert av.region_gap("2021-Q4", 50, 75, rule=lambda a, d, m: a) == pytest.approx(av.arpu_value("2021-Q4", "US & Canada") / 3.43)
