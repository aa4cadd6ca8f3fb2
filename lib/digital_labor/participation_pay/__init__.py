"""Paying for participation: what the schemes the essay cites paid, the rights they leave out,
what paying users out of a platform's revenue per user would give, and notifications as orders.

:mod:`.data` reads the schemes' figures and the notification studies, and holds the book's reading
of the rights each scheme describes; :mod:`.model` does the arithmetic and the revenue-share
model; :mod:`.charts` draws it; :mod:`.findings` gives the claims ledger its row.
"""

from .charts import payout_chart
from .data import RIGHTS, notification_figure, rights_table, scheme_value, schemes
from .findings import pay_for_participation
from .model import (
    TSU_SHARE,
    WAKING_HOURS,
    WAKING_HOURS_RANGE,
    microsoft_rewards,
    money_walks,
    notification_interval,
    revenue_share_payout,
)

# What the pages, the assignments and the claims ledger use; the modules hold the rest.
__all__ = [
    # charts
    "payout_chart",
    # data
    "RIGHTS",
    "notification_figure",
    "rights_table",
    "scheme_value",
    "schemes",
    # findings
    "pay_for_participation",
    # model
    "TSU_SHARE",
    "WAKING_HOURS",
    "WAKING_HOURS_RANGE",
    "microsoft_rewards",
    "money_walks",
    "notification_interval",
    "revenue_share_payout",
]
