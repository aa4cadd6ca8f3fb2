"""Since the essay, for chapters 1, 2 and 4: what became of the automation forecasts, of
Facebook's users and employees, and of the counts of online workers after 2016.

:mod:`.data` loads and checks the datasets (``since_essay_events``, ``automation_exposure``,
``meta_since2021``, ``online_work_since2016``) and joins them to the series the chapters already
hold; :mod:`.charts` draws them.
"""

from .charts import automation_measures_chart, daily_users_chart, worker_counts_chart
from .data import (
    automation_measures,
    daily_users,
    events,
    events_table,
    meta_year_ends,
    worker_counts,
)

# What the pages and the tests use; the modules hold the rest.
__all__ = [
    # charts
    "automation_measures_chart",
    "daily_users_chart",
    "worker_counts_chart",
    # data
    "automation_measures",
    "daily_users",
    "events",
    "events_table",
    "meta_year_ends",
    "worker_counts",
]
