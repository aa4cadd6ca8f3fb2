"""Inshoring volumes, organic reach, the pay-per-be-viewed model, the share price against the
market, and click-farm figures."""

from __future__ import annotations

import math
from pathlib import Path

import altair as alt
import jupytext
import numpy as np
import pandas as pd
import pytest

import digital_labor as dl
from digital_labor import visibility as v
from digital_labor.claims import Finding, claim
from digital_labor.visibility.model import least_squares, month_end_returns, restore_reach_cost, unpaid_hours

PAGE = Path(__file__).resolve().parents[2] / "chapters" / "04-planetary-inequalities" / "market-for-visibility.md"


def run_page_cells(*markers: str, **names) -> dict:
    """Run the page's open cells that contain each marker, in order, with ``names``; return the names they leave."""
    cells = [cell for cell in jupytext.read(PAGE).cells if cell.cell_type == "code"]
    namespace = dict(names)
    for marker in markers:
        found = [cell for cell in cells if marker in cell.source]
        assert len(found) == 1, f"{PAGE.name}: expected one cell containing {marker!r}"
        tags = found[0].metadata.get("tags", [])
        assert not any(tag.startswith(("hide-", "remove-")) for tag in tags), f"{PAGE.name}: the cell with {marker!r} is not open"
        exec(found[0].source, namespace)
    return namespace


# -- inshoring ------------------------------------------------------------------------------


def test_annotation_values_are_the_published_figures():
    assert v.annotation_value("reCAPTCHA", "websites using reCAPTCHA") == 40_000
    assert v.annotation_value("reCAPTCHA", "words transcribed (cumulative)") == 440_000_000
    assert v.annotation_value("Quick, Draw!", "time allowed per drawing") == 20
    with pytest.raises(KeyError, match="No figure 'nothing' for 'reCAPTCHA'"):
        v.annotation_value("reCAPTCHA", "nothing")


def test_unpaid_hours_and_full_time_years():
    assert unpaid_hours(3600, 10) == pytest.approx(10)
    assert v.full_time_years(4000) == pytest.approx(2)
    assert v.full_time_years(4000, hours_per_year=1000) == pytest.approx(4)
    with pytest.raises(ValueError, match="seconds_per_item"):
        unpaid_hours(10, -1)
    with pytest.raises(ValueError, match="hours_per_year"):
        v.full_time_years(10, 0)


def test_inshoring_scenarios_multiply_items_by_seconds():
    table = v.inshoring_scenarios().set_index("project")
    quick = table.loc["Quick, Draw!"]
    assert quick["hours_high"] == pytest.approx(1e9 * 20 / 3600)
    assert quick["fte_years_high"] == pytest.approx(1e9 * 20 / 3600 / 2000)
    assert quick["seconds_low"] == pytest.approx(10)
    recaptcha = table.loc["reCAPTCHA"]
    assert recaptcha["hours_high"] == pytest.approx(440e6 * 10 / 3600)
    assert recaptcha["fte_years_low"] == pytest.approx(recaptcha["fte_years_high"] / 2)
    whole = v.inshoring_scenarios(low_share=1).set_index("project")
    assert (whole["hours_low"] == whole["hours_high"]).all()
    with pytest.raises(ValueError, match="low_share"):
        v.inshoring_scenarios(low_share=0)


def test_the_page_s_hours_rule_is_the_library_s_and_the_scenarios_use_the_rule_given():
    page_hours = run_page_cells("def unpaid_hours(", visibility=v)["unpaid_hours"]
    for items, seconds in [(0, 20), (1e9, 20), (4.4e8, 5), (123_456, 0.5)]:
        assert page_hours(items, seconds) == pytest.approx(unpaid_hours(items, seconds))
    doubled = v.inshoring_scenarios(hours=lambda items, seconds: 2 * unpaid_hours(items, seconds))
    assert doubled["fte_years_high"].to_numpy() == pytest.approx(2 * v.inshoring_scenarios()["fte_years_high"].to_numpy())
    assert v.captcha_time_check(hours=lambda items, seconds: 0.0)["hours_computed"] == 0


def test_captcha_figures_are_consistent_with_ten_seconds_each():
    check = v.captcha_time_check()
    assert check["hours_computed"] == pytest.approx(60e6 * 10 / 3600)
    assert check["hours_stated"] == 150_000
    assert check["hours_computed"] > check["hours_stated"]  # "more than 150,000 hours"


# -- organic reach and the pay model --------------------------------------------------------


def test_reach_values_match_the_source_end_points():
    assert v.reach_at("2013-10", v.ALL_PAGES) == pytest.approx(12.05)
    assert v.reach_at("2014-02", v.LARGE_PAGES) == pytest.approx(2.11)
    with pytest.raises(KeyError):
        v.reach_at("2013-11", v.LARGE_PAGES)


def test_reach_sample_is_read_from_the_data():
    assert v.reach_sample() == {"pages": 106.0, "fans_million": 48.2}


def test_reached_fans_is_the_essays_arithmetic():
    assert v.reached_fans(1_000_000, 2.1) == pytest.approx(21_000)
    with pytest.raises(ValueError):
        v.reached_fans(100, 120)


def test_restore_cost_is_linear_and_zero_without_a_decline():
    one = restore_reach_cost(1_000_000, 4.04, 2.11, 5.0, 30)
    assert one == pytest.approx(30 * 1_000_000 * 0.0193 / 1000 * 5)
    assert restore_reach_cost(2_000_000, 4.04, 2.11, 5.0, 30) == pytest.approx(2 * one)
    assert restore_reach_cost(1_000_000, 4.04, 2.11, 10.0, 30) == pytest.approx(2 * one)
    assert restore_reach_cost(1_000_000, 2.0, 3.0, 5.0) == 0


def test_the_page_s_cost_rule_is_the_library_s():
    page_cost = run_page_cells("def restore_reach_cost(")["restore_reach_cost"]
    for case in [(1_000_000, 4.04, 2.11, 5.0, 30), (10_000, 12.05, 6.15, 1.95, 30), (10_000, 2.0, 3.0, 5.0, 30), (500, 8.0, 1.0, 0.5, 4)]:
        assert page_cost(*case) == pytest.approx(restore_reach_cost(*case))
    assert page_cost(1_000_000, 4.04, 2.11, 5.0, 30) == pytest.approx(restore_reach_cost(1_000_000, 4.04, 2.11, 5.0))


def test_the_cost_machinery_uses_the_rule_it_is_given():
    def doubled(*args):
        return 2 * restore_reach_cost(*args)

    bench = v.cpm_benchmarks()
    assert v.restore_reach_by_cpm(bench, cost=doubled)["monthly_cost_usd"].to_numpy() == pytest.approx(
        2 * v.restore_reach_by_cpm(bench)["monthly_cost_usd"].to_numpy()
    )
    assert v.restore_reach_grid(cost=doubled)["views_bought_per_month"].to_numpy() == pytest.approx(
        2 * v.restore_reach_grid()["views_bought_per_month"].to_numpy()
    )
    assert v.break_even_cpm(10.0, 10_000, 12.05, 6.15, cost=doubled) == pytest.approx(v.break_even_cpm(10.0, 10_000, 12.05, 6.15) / 2)


def test_break_even_cpm_inverts_the_cost():
    cpm = v.break_even_cpm(10.0, 10_000, 12.05, 6.15, posts_per_month=4)
    assert restore_reach_cost(10_000, 12.05, 6.15, cpm, 4) == pytest.approx(10.0)
    assert math.isinf(v.break_even_cpm(10.0, 10_000, 5.0, 5.0))


def test_grid_gives_the_views_to_buy_so_any_cpm_prices_them():
    grid = v.restore_reach_grid(fans=(1e3, 1e6))
    assert len(grid) == 2 * 2 and not grid.duplicated(["page_group", "fans"]).any()
    large = grid[(grid["page_group"] == v.LARGE_PAGES) & (grid["fans"] == 1e6)].iloc[0]
    assert large["views_bought_per_month"] == pytest.approx(30 * 1e6 * (4.04 - 2.11) / 100)
    assert large["views_bought_per_month"] / 1000 * 3.0 == pytest.approx(restore_reach_cost(1e6, 4.04, 2.11, 3.0))


def test_cpm_benchmarks_bound_the_model_parameter():
    bench = v.cpm_benchmarks()
    assert list(bench["cpm_usd"]) == sorted(bench["cpm_usd"])
    assert bench["cpm_usd"].min() == pytest.approx(0.46) and bench["cpm_usd"].max() == pytest.approx(4.50)
    costs = v.restore_reach_by_cpm(bench)
    assert {"period", "scope", "cpm_usd", "page_group", "fans", "monthly_cost_usd"} <= set(costs.columns)
    large = costs[costs["page_group"] == v.LARGE_PAGES].set_index("cpm_usd")["monthly_cost_usd"]
    assert large[4.50] == pytest.approx(restore_reach_cost(1e6, 4.04, 2.11, 4.50))
    assert large[4.50] / large[0.46] == pytest.approx(4.50 / 0.46)


# -- share price and market -----------------------------------------------------------------


def test_price_windows_match_the_sources_note():
    assert v.price_change("2013-10-01", "2014-02-28") == pytest.approx(35.8, abs=0.05)
    assert type(v.price_change("2013-10-01", "2014-02-28")) is float  # prints as a number on the page
    assert v.price_change("2013-02-28", "2014-02-28") == pytest.approx(151, abs=0.5)
    with pytest.raises(KeyError, match="2013-10-15"):
        v.price_change("2013-10-15", "2014-02-28")


def test_rise_by_start_covers_every_earlier_close():
    table = v.rise_by_start("2014-02-28")
    assert table["start"].max() < pd.Timestamp("2014-02-28")
    assert len(table) == len(v.share_prices()[:"2014-02-27"])


def test_rise_windows_give_the_first_and_last_start_of_a_claimed_rise():
    spans = v.rise_windows(v.rise_by_start("2014-02-28"), 140)
    assert spans["first"] == pd.Timestamp("2012-07-31") and spans["last"] == pd.Timestamp("2013-06-28")
    assert spans["exceptions"] == [pd.Timestamp("2013-01-31")]
    assert spans["count"] == 11
    toy = pd.DataFrame(
        {"start": pd.to_datetime(["2020-01-31", "2020-02-29", "2020-03-31", "2020-04-30"]), "change_pct": [10, 150, 90, 200]}
    )
    assert v.rise_windows(toy, 100) == {
        "first": pd.Timestamp("2020-02-29"),
        "last": pd.Timestamp("2020-04-30"),
        "count": 2,
        "exceptions": [pd.Timestamp("2020-03-31")],
    }
    assert v.rise_windows(toy, 500)["count"] == 0


def test_prices_with_index_join_on_the_shared_days():
    table = v.prices_with_index()
    assert len(table) == 25 and table["date"].max() == pd.Timestamp("2014-03-31")
    assert {"facebook", "nasdaq_composite", "sp500"} <= set(table.columns)
    assert v.index_change("2013-10-01", "2014-02-28") == pytest.approx(100 * (4308.12 / 3817.98 - 1))
    assert v.market_adjusted_change("2013-10-01", "2014-02-28", "sp500") == pytest.approx(
        v.price_change("2013-10-01", "2014-02-28") - 100 * (1859.45 / 1695.00 - 1)
    )
    with pytest.raises(KeyError, match="March 2014"):
        v.index_change("2013-10-01", "2014-08-29")
    with pytest.raises(KeyError, match="Unknown index"):
        v.index_change("2013-10-01", "2014-02-28", "dax")


def test_abnormal_by_start_is_the_gap_between_the_two_rises():
    table = v.abnormal_by_start("2014-02-28")
    row = table[table["start"] == pd.Timestamp("2013-10-01")].iloc[0]
    assert row["abnormal_pts"] == pytest.approx(row["facebook_pct"] - row["index_pct"])
    assert row["facebook_pct"] == pytest.approx(v.price_change("2013-10-01", "2014-02-28"))
    assert table.attrs["index"] == "NASDAQ Composite"


def test_month_end_returns_drop_days_that_are_not_month_ends():
    returns = month_end_returns(v.prices_with_index())
    assert pd.Timestamp("2013-10-01") not in set(returns["date"]) and pd.Timestamp("2012-05-18") not in set(returns["date"])
    june = returns[returns["date"] == pd.Timestamp("2012-06-29")].iloc[0]
    assert june["facebook"] == pytest.approx(100 * (31.10 / 29.60 - 1))


def _synthetic_prices(beta: float, alpha_pct: float, shock_pct: float = 0.0) -> pd.DataFrame:
    rng = np.random.default_rng(1)
    dates = pd.date_range("2012-05-31", periods=24, freq="ME")
    market = rng.normal(1.0, 3.0, len(dates) - 1)
    firm = alpha_pct + beta * market
    firm[dates[1:].to_period("M") == pd.Period("2013-12")] += shock_pct
    level = lambda r: 100 * np.concatenate([[1.0], np.cumprod(1 + r / 100)])  # noqa: E731
    return pd.DataFrame({"date": dates, "facebook": level(firm), "nasdaq_composite": level(market)})


def test_market_model_recovers_a_known_beta_and_a_planted_shock():
    exact = v.market_model(_synthetic_prices(beta=2.0, alpha_pct=0.5))
    assert exact.beta == pytest.approx(2.0) and exact.alpha_pct == pytest.approx(0.5)
    assert exact.car_pct == pytest.approx(0.0, abs=1e-9)
    shocked = v.market_model(_synthetic_prices(beta=2.0, alpha_pct=0.5, shock_pct=7.0))
    assert shocked.car_pct == pytest.approx(7.0)
    assert set(shocked.returns["period"]) >= {"estimation", "essay's window"}
    with pytest.raises(ValueError, match="end before the window"):
        v.market_model(_synthetic_prices(2.0, 0.5), estimation=("2012-06", "2013-11"))
    with pytest.raises(ValueError, match="price column"):
        v.market_model(_synthetic_prices(2.0, 0.5), index="dax")
    renamed = _synthetic_prices(2.0, 0.5).rename(columns={"nasdaq_composite": "dji"})
    assert v.market_model(renamed, index="dji").index == "dji"


def test_the_page_s_estimator_is_the_library_s_and_the_market_model_uses_the_one_given():
    page_fit = run_page_cells("def least_squares(", np=np)["least_squares"]
    rng = np.random.default_rng(7)
    for _ in range(3):
        x = rng.normal(0, 4, 16)
        y = 0.8 + 1.6 * x + rng.normal(0, 2, 16)
        assert page_fit(x, y) == pytest.approx(least_squares(x, y))
    joined = v.prices_with_index()
    assert v.market_model(joined, fit=page_fit).car_pct == pytest.approx(v.market_model(joined).car_pct)
    flat = v.market_model(joined, fit=lambda x, y: (0.0, 0.0))
    assert flat.beta == 0 and flat.car_pct == pytest.approx(
        flat.returns.loc[flat.returns["period"] == "essay's window", "facebook_pct"].sum()
    )
    assert v.market_model_range(joined, fit=lambda x, y: (0.0, 0.0))["beta"].isin([0.0, 1.0]).all()  # 1: the market-adjusted rows


def test_market_model_on_the_real_series():
    fitted = v.market_model(v.prices_with_index())
    assert fitted.n_estimation == 16 and fitted.index == "NASDAQ Composite"
    assert fitted.beta == pytest.approx(2.36, abs=0.01)
    assert fitted.car_pct == pytest.approx(-2.0, abs=0.05)
    assert abs(fitted.t_stat) < 1
    window = fitted.returns[fitted.returns["period"] == "essay's window"]
    assert list(window["date"].dt.month) == [10, 11, 12, 1, 2]


# -- click farms and findings ---------------------------------------------------------------


def test_click_farm_figures_and_fake_like_countries():
    figures = v.click_farm_figures()
    assert figures["likes_worth_a_year_of_pay"] == pytest.approx(120 / 15 * 1000)
    countries = v.fake_like_countries()
    assert list(countries["iso3"]) == ["IND", "EGY", "PHL", "BGD", "NPL", "LKA"]
    assert countries.attrs["share_pct"] == 75.0 and countries.attrs["likes"] == 135000.0
    assert "Facebook's own paid ads" in countries.attrs["channel"] and "no click farm" in countries.attrs["channel"]


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


def test_share_price_finding_names_the_windows_the_daily_limit_and_the_market():
    text = v.share_price_rise().summary
    assert "between the ends of July 2012 and June 2013, except January 2013 (121 %)" in text
    assert "daily closes move the latest start to 24 July 2013 (158 %)" in text
    assert "NASDAQ Composite rose 12.8 %" in text and "share-price-cause" in text


def test_daily_closes_put_the_last_start_of_a_140_percent_rise_on_24_july_2013():
    # Issue 24, item 18: the month-end answer (28 June 2013) is a limit of monthly data.
    daily = v.last_daily_start("2014-02-28", 140)
    assert daily["start"] == pd.Timestamp("2013-07-24") and daily["close_usd"] == 26.51
    assert daily["change_pct"] >= 140 > daily["next_change_pct"] and daily["next"] == pd.Timestamp("2013-07-25")
    monthly = v.rise_windows(v.rise_by_start("2014-02-28"), 140)["last"]
    assert monthly == pd.Timestamp("2013-06-28") and v.whole_months_between(monthly, "2013-10-01") == 3
    prices, daily_prices = v.share_prices(), v.daily_share_prices()
    shared = prices.index.intersection(daily_prices.index)
    assert len(shared) >= 14 and (prices[shared] == daily_prices[shared]).all()
    comment = claim("share-price-rise")["comment"]
    assert "limit of monthly data" in comment and "24 July 2013" in comment


def test_the_abnormal_return_changes_sign_across_specifications():
    table = v.market_model_range(v.prices_with_index())
    assert len(table) == len(v.MARKET_SPECIFICATIONS) == 10 and table["description"].str.len().min() > 20
    car = table.set_index("specification")["car_pct"].round(1)
    assert car["all months, NASDAQ Composite"] == -2.0
    assert car["from October 2012, NASDAQ Composite"] == -24.1 and car["2013 only, NASDAQ Composite"] == -13.2
    assert car["zero alpha, NASDAQ Composite"] == 1.6 and car["market-adjusted, NASDAQ Composite"] == 20.1
    assert car.min() < 0 < car.max() and (table["t_stat"].abs() < 1).all()
    adjusted = table.set_index("specification").loc["market-adjusted, NASDAQ Composite"]
    assert adjusted["beta"] == 1 and adjusted["alpha_pct"] == 0 and np.isnan(adjusted["beta_se"])


def test_the_market_model_verdict_is_the_range_not_the_single_reading():
    # Issue 24, item 17: the -2 % of one specification must not come back as the ruling.
    finding = v.share_price_abnormal_return()
    assert finding.value == "-24 to +23" and "10 specifications" in finding.unit
    assert "-24.1 %" in finding.summary and "+23.4 %" in finding.summary and "-2.0" not in finding.summary
    row = claim("share-price-cause")
    assert row["verdict"] == "indeterminate" and row["check"] == "digital_labor.visibility:share_price_abnormal_return"
    assert claim("share-price-rise")["verdict"] == "contradicted"
    with pytest.raises(ValueError, match="benchmark"):
        v.market_model(v.prices_with_index(), benchmark="capm")


def test_abnormal_range_chart_shows_every_specification_and_zero():
    table = v.market_model_range(v.prices_with_index())
    spec = v.abnormal_range_chart(table).to_dict()
    assert len(spec["layer"]) == 2 and spec["layer"][1]["encoding"]["x"]["field"] == "car_pct"
    assert "-24.1 %" in spec["description"] and "+23.4 %" in spec["description"]


def test_fake_likes_finding_says_the_one_breakdown_is_not_a_click_farm():
    text = v.fake_likes_geography().summary
    assert "not of likes sold by a click farm" in text and "Facebook's own paid ads" in text
    assert "Dhaka" in text and "Northern Africa" in text


# -- charts ---------------------------------------------------------------------------------


def _params(chart: dict) -> list[dict]:
    return chart.get("params", []) + [p for layer in chart["layer"] for p in layer.get("params", [])]


def test_restore_reach_chart_prices_the_views_at_the_slider_and_the_benchmarks():
    bench = v.cpm_benchmarks()
    chart = v.restore_reach_chart(v.restore_reach_grid(), monthly_pay_usd=10, benchmarks=bench).to_dict()
    params = _params(chart)
    assert params and params[0]["name"] == "cpm" and params[0]["bind"]["input"] == "range"
    assert params[0]["value"] == pytest.approx(bench["cpm_usd"].median())
    calcs = [t["calculate"] for layer in chart["layer"] for t in layer.get("transform", []) if "calculate" in t]
    assert any(c.endswith("* cpm") for c in calcs)
    assert any(c.endswith("* 0.46") for c in calcs) and any(c.endswith("* 4.5") for c in calcs)
    subtitle = " ".join(chart["title"]["subtitle"])
    assert "Model:" in subtitle and "Facebook ad impressions" in subtitle
    assert "US$ 0.46 to 4.50" in chart["description"]


def test_model_charts_are_labelled_and_describe_their_numbers():
    inshoring = v.inshoring_chart(v.inshoring_scenarios()).to_dict()
    assert "Model:" in " ".join(inshoring["title"]["subtitle"])
    assert "2,778 full-time years" in inshoring["description"]
    fitted = v.market_model(v.prices_with_index())
    abnormal = v.abnormal_returns_chart(fitted).to_dict()
    assert f"beta {fitted.beta:.2f}" in abnormal["description"] and "cumulative -2.0 %" in abnormal["description"]


def test_market_model_chart_is_a_fit_to_data_not_a_simulation_and_not_colour_only():
    # A regression on observed prices: its source line cites the data and calls it a fitted benchmark,
    # never "a simulation, not data"; and the period of each month is carried by a shape as well as colour.
    spec = v.abnormal_returns_chart(v.market_model(v.prices_with_index())).to_dict()
    source_line = " ".join(spec["title"]["subtitle"])
    assert source_line.startswith("Source:") and "simulation, not data" not in source_line
    assert "fitted to these data" in source_line and "Market model" in source_line
    shaped = [layer for layer in spec["layer"] if "shape" in layer.get("encoding", {})]
    assert shaped and shaped[0]["encoding"]["shape"]["field"] == shaped[0]["encoding"]["color"]["field"] == "period"


@pytest.mark.parametrize(
    "build",
    [
        lambda: v.organic_reach_chart(v.organic_reach()),
        lambda: v.rise_by_start_chart(v.rise_by_start("2014-02-28")),
        lambda: v.rise_by_start_chart(v.rise_by_start("2014-02-28"), index=v.abnormal_by_start("2014-02-28")),
        lambda: run_page_cells("levels = ", "index_chart = ", pd=pd, alt=alt, dl=dl, joined=v.prices_with_index())["index_chart"],
    ],
)
def test_data_charts_cite_their_datasets_and_describe_themselves(build):
    chart = build().to_dict()
    source_line = " ".join(chart["title"]["subtitle"])
    assert source_line.startswith("Source:") and "Model:" not in source_line
    assert chart["description"].strip()


def test_rise_chart_describes_the_windows_and_draws_the_index_too():
    spec = v.rise_by_start_chart(v.rise_by_start("2014-02-28"), index=v.abnormal_by_start("2014-02-28")).to_dict()
    assert "at least +140 % for 11 start dates, from July 2012 to June 2013" in spec["description"]
    values = next(iter(spec["datasets"].values()))
    assert {row["series"] for row in values} == {"Facebook", "NASDAQ Composite"}
    assert "NASDAQ Composite and S&P 500" in " ".join(spec["title"]["subtitle"])


def test_the_page_s_index_comparison_is_rebased_at_the_start_of_the_window():
    page = run_page_cells("levels = ", "index_chart = ", pd=pd, alt=alt, dl=dl, joined=v.prices_with_index())
    assert len(page["levels"]) == 3 * len(v.prices_with_index())
    spec = page["index_chart"].to_dict()
    values = next(rows for rows in spec["datasets"].values() if "level" in rows[0])
    at_base = {row["series"]: row["level"] for row in values if str(row["date"]).startswith("2013-10-01")}
    assert at_base == pytest.approx({"Facebook": 100.0, "NASDAQ Composite": 100.0, "S&P 500": 100.0})
    assert "Facebook 135.8, NASDAQ Composite 112.8, S&P 500 109.7" in spec["description"]


def test_charts_draw_the_frame_they_are_given_not_the_book_dataset():
    reach = v.organic_reach()
    halved = reach.assign(organic_reach_pct=reach["organic_reach_pct"] / 2)
    values = next(iter(v.organic_reach_chart(halved).to_dict()["datasets"].values()))
    assert sorted(row["organic_reach_pct"] for row in values) == sorted(halved["organic_reach_pct"])
    assert f"{halved['organic_reach_pct'].iloc[0]:.2f} %" in v.organic_reach_chart(halved).to_dict()["description"]


def test_whole_months_count_calendar_months_from_a_close_to_a_window_s_start():
    assert v.whole_months_between("2013-06-28", "2013-10-01") == 3  # not 4, as month numbers alone say
    assert v.whole_months_between("2013-07-01", "2013-10-01") == 3
    assert v.whole_months_between("2013-05-31", "2013-10-01") == 4
    assert v.whole_months_between("2013-01-31", "2013-02-28") == 1  # month end to month end
    assert v.whole_months_between("2012-12-31", "2013-12-31") == 12
    with pytest.raises(ValueError, match="comes after"):
        v.whole_months_between("2013-10-01", "2013-06-28")


def test_the_last_month_end_start_that_gives_the_essay_s_rise_is_three_months_before_its_window():
    spans = v.rise_windows(v.rise_by_start("2014-02-28"), threshold_pct=140)
    assert spans["last"] == pd.Timestamp("2013-06-28")  # the data hold month-end closes only
    assert v.whole_months_between(spans["last"], "2013-10-01") == 3
