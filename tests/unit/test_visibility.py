"""Organic reach, the pay-per-be-viewed model, the share-price windows and click-farm figures."""

from __future__ import annotations

import math

import pytest

import digital_labor as dl
from digital_labor import visibility as v
from digital_labor.claims import Finding


def test_reach_values_match_the_source_end_points():
    assert v.reach_at("2013-10", v.ALL_PAGES) == pytest.approx(12.05)
    assert v.reach_at("2014-02", v.LARGE_PAGES) == pytest.approx(2.11)
    with pytest.raises(KeyError):
        v.reach_at("2013-11", v.LARGE_PAGES)


def test_reached_fans_is_the_essays_arithmetic():
    assert v.reached_fans(1_000_000, 2.1) == pytest.approx(21_000)
    with pytest.raises(ValueError):
        v.reached_fans(100, 120)


def test_restore_cost_is_linear_and_zero_without_a_decline():
    one = v.restore_reach_cost(1_000_000, 4.04, 2.11, 5.0, 30)
    assert one == pytest.approx(30 * 1_000_000 * 0.0193 / 1000 * 5)
    assert v.restore_reach_cost(2_000_000, 4.04, 2.11, 5.0, 30) == pytest.approx(2 * one)
    assert v.restore_reach_cost(1_000_000, 4.04, 2.11, 10.0, 30) == pytest.approx(2 * one)
    assert v.restore_reach_cost(1_000_000, 2.0, 3.0, 5.0) == 0


def test_break_even_cpm_inverts_the_cost():
    cpm = v.break_even_cpm(10.0, 10_000, 12.05, 6.15, posts_per_month=4)
    assert v.restore_reach_cost(10_000, 12.05, 6.15, cpm, 4) == pytest.approx(10.0)
    assert math.isinf(v.break_even_cpm(10.0, 10_000, 5.0, 5.0))


def test_grid_is_long_form_with_one_cost_per_group_fan_count_and_cpm():
    grid = v.restore_reach_grid(fans=(1e3, 1e6), cpms=(1.0, 2.0))
    assert len(grid) == 2 * 2 * 2
    assert not grid.duplicated(["page_group", "fans", "cpm_usd"]).any()
    large = grid[grid["page_group"] == v.LARGE_PAGES].set_index(["fans", "cpm_usd"])["monthly_cost_usd"]
    assert large[(1e6, 2.0)] == pytest.approx(2 * large[(1e6, 1.0)], rel=1e-3)


def test_price_windows_match_the_sources_note():
    assert v.price_change("2013-10-01", "2014-02-28") == pytest.approx(35.8, abs=0.05)
    assert v.price_change("2013-02-28", "2014-02-28") == pytest.approx(151, abs=0.5)
    with pytest.raises(KeyError, match="2013-10-15"):
        v.price_change("2013-10-15", "2014-02-28")


def test_rise_by_start_covers_every_earlier_close():
    table = v.rise_by_start("2014-02-28")
    assert table["start"].max() < __import__("pandas").Timestamp("2014-02-28")
    assert len(table) == len(v.share_prices()[: "2014-02-27"])


def test_click_farm_figures_and_fake_like_countries():
    figures = v.click_farm_figures()
    assert figures["likes_worth_a_year_of_pay"] == pytest.approx(120 / 15 * 1000)
    countries = v.fake_like_countries()
    assert list(countries["iso3"]) == ["IND", "EGY", "PHL", "BGD", "NPL", "LKA"]
    assert countries.attrs == {"share_pct": 75.0, "likes": 135000.0}


@pytest.mark.parametrize(
    ("function", "value"),
    [
        (v.organic_reach_decline, 49.0),
        (v.organic_reach_large_pages, 2.11),
        (v.reach_arithmetic, 21_100),
        (v.share_price_rise, 35.8),
        (v.fake_likes_geography, 75.0),
    ],
)
def test_findings_have_the_expected_values(function, value):
    finding = function()
    assert isinstance(finding, Finding)
    assert finding.value == value


def test_restore_reach_chart_has_a_cpm_slider_and_filters_by_it():
    chart = v.restore_reach_chart(v.restore_reach_grid(), monthly_pay_usd=10).to_dict()
    params = chart.get("params", []) + [p for layer in chart["layer"] for p in layer.get("params", [])]
    assert params and params[0]["name"] == "cpm" and params[0]["bind"]["input"] == "range"
    filters = [t["filter"] for layer in chart["layer"] for t in layer.get("transform", []) if "filter" in t]
    assert any("cpm" in str(f) for f in filters)
    assert "Model:" in " ".join(chart["title"]["subtitle"])


@pytest.mark.parametrize(
    "build",
    [
        lambda: v.organic_reach_chart(v.organic_reach()),
        lambda: v.share_price_chart(dl.load("facebook_share_price")),
        lambda: v.rise_by_start_chart(v.rise_by_start("2014-02-28")),
    ],
)
def test_data_charts_cite_their_datasets_and_describe_themselves(build):
    chart = build().to_dict()
    source_line = " ".join(chart["title"]["subtitle"])
    assert source_line.startswith("Source:") and "Model:" not in source_line
    assert chart["description"].strip()


def test_charts_draw_the_frame_they_are_given_not_the_book_dataset():
    reach = v.organic_reach()
    halved = reach.assign(organic_reach_pct=reach["organic_reach_pct"] / 2)
    values = next(iter(v.organic_reach_chart(halved).to_dict()["datasets"].values()))
    assert sorted(row["organic_reach_pct"] for row in values) == sorted(halved["organic_reach_pct"])
    assert f"{halved['organic_reach_pct'].iloc[0]:.2f} %" in v.organic_reach_chart(halved).to_dict()["description"]
