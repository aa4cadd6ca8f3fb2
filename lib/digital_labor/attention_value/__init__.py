"""Attention value: what an hour of a user's time on a platform brings the platform in revenue.

:mod:`.data` reads Facebook's average revenue per user by region, its revenue and net income,
published figures of time on social media, and hourly pay benchmarks; :mod:`.model` turns revenue
and net income per user into values per user-hour under a stated time assumption (a model) and
sets local minimum wages beside them; :mod:`.charts` draws it.
"""

from .charts import hourly_value_chart
from .data import (
    FACEBOOK_TIME,
    FACEBOOK_TIME_2021,
    TIME_HIGH,
    TIME_LOW,
    arpu,
    arpu_value,
    income,
    minutes_per_day,
    pay_benchmark,
    pay_benchmarks,
    social_media_time,
)
from .model import hourly_value, minimum_wage_hours, region_gap

# What the pages, the assignments and the claims ledger use; the modules hold the rest.
__all__ = [
    # charts
    "hourly_value_chart",
    # data
    "FACEBOOK_TIME",
    "FACEBOOK_TIME_2021",
    "TIME_HIGH",
    "TIME_LOW",
    "arpu",
    "arpu_value",
    "income",
    "minutes_per_day",
    "pay_benchmark",
    "pay_benchmarks",
    "social_media_time",
    # model
    "hourly_value",
    "minimum_wage_hours",
    "region_gap",
]
