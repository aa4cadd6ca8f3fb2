"""The market for visibility: users' unpaid data work (inshoring), Facebook's organic and paid
reach, its share price against the market, and click farms.

:mod:`.data` reads the series; :mod:`.model` holds three labelled models (hours of unpaid work,
"pay-per-be-viewed", a market model of the share price); :mod:`.charts` draws them;
:mod:`.findings` gives the claims ledger its rows.
"""

from .charts import (
    abnormal_range_chart,
    abnormal_returns_chart,
    inshoring_chart,
    organic_reach_chart,
    restore_reach_chart,
    rise_by_start_chart,
)
from .data import (
    ALL_PAGES,
    LARGE_PAGES,
    annotation_value,
    annotation_volumes,
    click_farm_figures,
    cpm_benchmarks,
    daily_share_prices,
    fake_like_countries,
    index_change,
    last_daily_start,
    organic_reach,
    price_change,
    prices_with_index,
    reach_at,
    reach_sample,
    rise_by_start,
    rise_windows,
    share_prices,
    whole_months_between,
)
from .findings import (
    fake_likes_geography,
    organic_reach_decline,
    organic_reach_large_pages,
    reach_arithmetic,
    share_price_abnormal_return,
    share_price_rise,
)
from .model import (
    MARKET_SPECIFICATIONS,
    MarketSpec,
    abnormal_by_start,
    break_even_cpm,
    captcha_time_check,
    full_time_years,
    inshoring_scenarios,
    market_adjusted_change,
    market_model,
    market_model_range,
    reached_fans,
    restore_reach_by_cpm,
    restore_reach_grid,
)

# What the pages, the assignments and the claims ledger use; the modules hold the rest.
__all__ = [
    # charts
    "abnormal_range_chart",
    "abnormal_returns_chart",
    "inshoring_chart",
    "organic_reach_chart",
    "restore_reach_chart",
    "rise_by_start_chart",
    # data
    "ALL_PAGES",
    "LARGE_PAGES",
    "annotation_value",
    "annotation_volumes",
    "click_farm_figures",
    "cpm_benchmarks",
    "daily_share_prices",
    "fake_like_countries",
    "index_change",
    "last_daily_start",
    "organic_reach",
    "price_change",
    "prices_with_index",
    "reach_at",
    "reach_sample",
    "rise_by_start",
    "rise_windows",
    "share_prices",
    "whole_months_between",
    # findings
    "fake_likes_geography",
    "organic_reach_decline",
    "organic_reach_large_pages",
    "reach_arithmetic",
    "share_price_abnormal_return",
    "share_price_rise",
    # model
    "MARKET_SPECIFICATIONS",
    "MarketSpec",
    "abnormal_by_start",
    "break_even_cpm",
    "captcha_time_check",
    "full_time_years",
    "inshoring_scenarios",
    "market_adjusted_change",
    "market_model",
    "market_model_range",
    "reached_fans",
    "restore_reach_by_cpm",
    "restore_reach_grid",
]
