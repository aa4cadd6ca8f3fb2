"""Attention value: what an hour of a user's time on a platform brings the platform in revenue.

:mod:`.data` reads Facebook's average revenue per user by region, published figures of time on
social media, and hourly pay benchmarks; :mod:`.model` turns revenue per user into revenue per
user-hour under a stated time assumption (a model); :mod:`.charts` draws it.
"""

from .charts import hourly_value_chart
from .data import (
    FACEBOOK_TIME,
    TIME_HIGH,
    TIME_LOW,
    arpu,
    arpu_value,
    minutes_per_day,
    pay_benchmark,
    pay_benchmarks,
    social_media_time,
)
from .model import hourly_value, region_gap

# What the pages, the assignments and the claims ledger use; the modules hold the rest.
__all__ = [
    # charts
    "hourly_value_chart",
    # data
    "FACEBOOK_TIME",
    "TIME_HIGH",
    "TIME_LOW",
    "arpu",
    "arpu_value",
    "minutes_per_day",
    "pay_benchmark",
    "pay_benchmarks",
    "social_media_time",
    # model
    "hourly_value",
    "region_gap",
]
