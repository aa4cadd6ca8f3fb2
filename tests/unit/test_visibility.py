"""Organic reach, the pay-per-be-viewed model, the share-price windows and click-farm figures."""

from __future__ import annotations

import math

import pytest

from digital_labor import visibility as v


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
