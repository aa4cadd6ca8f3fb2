"""Data of the implicit-work model: Facebook's daily users and a retailer's customer visits.

Data: Facebook's daily active users in December of each year (``facebook_daily_users``) and
Walmart's own statement of its weekly customer visits and headcount in 2016
(``walmart_customer_visits``). Facebook's monthly users and employees come from
:mod:`digital_labor.firm_scale`, the time on its apps from :mod:`digital_labor.attention_value`.
"""

from __future__ import annotations

import pandas as pd

from ..data import load

__all__ = ["daily_users", "walmart_figure"]


def daily_users() -> pd.Series:
    """Facebook's daily active users (people, December average) indexed by year."""
    table = load("facebook_daily_users")
    return (table.set_index("year")["daily_active_users_millions"] * 1e6).astype(float)


def walmart_figure(quantity: str) -> float:
    """One figure of ``walmart_customer_visits`` ('customer visits per week' or 'associates
    (employees) worldwide'); raises KeyError naming the known quantities."""
    table = load("walmart_customer_visits").set_index("quantity")["value"]
    if quantity not in table.index:
        raise KeyError(f"No figure '{quantity}'; known: {', '.join(table.index)}.")
    return float(table[quantity])
