"""Firm scale: how many users and how much revenue a platform firm has for each of its employees.

:mod:`.data` reads Facebook's users and headcount (2012-2020), the Fortune Global 500 figures of
platform and traditional firms (fiscal 2016) and later company results; :mod:`.capitalisation`
rules on the GAFAM's places among the largest market capitalisations on dated days; :mod:`.charts` draws
them; :mod:`.findings` gives the claims ledger its rows.
"""

from .capitalisation import capitalisation_rankings, top_five_by_date
from .charts import capitalisation_chart, daily_users_chart, revenue_per_employee_chart, users_employees_chart
from .data import (
    daily_users,
    facebook_revenue_per_employee,
    firm_ratio,
    firms_fy2016,
    meta_year_ends,
    time_weighted_change,
    users_employees,
    users_per_employee,
)
from .findings import few_employees_many_users, formal_implicit_shift, gafam_top_capitalisations

# What the pages, the assignments and the claims ledger use; the modules hold the rest.
__all__ = [
    # capitalisation
    "capitalisation_rankings",
    "top_five_by_date",
    # charts
    "daily_users_chart",
    "capitalisation_chart",
    "revenue_per_employee_chart",
    "users_employees_chart",
    # data
    "meta_year_ends",
    "daily_users",
    "facebook_revenue_per_employee",
    "firm_ratio",
    "firms_fy2016",
    "time_weighted_change",
    "users_employees",
    "users_per_employee",
    # findings
    "few_employees_many_users",
    "formal_implicit_shift",
    "gafam_top_capitalisations",
]
