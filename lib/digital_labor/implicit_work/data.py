"""Data of the implicit-work model besides the platform's own: a retailer's customer visits.

Data: Walmart's own statement of its weekly customer visits and headcount in 2016
(``walmart_customer_visits``). Facebook's users and employees come from
:mod:`digital_labor.firm_scale`, the time on its apps from :mod:`digital_labor.attention_value`.
"""

from __future__ import annotations

from ..data import load

__all__ = ["walmart_figure"]


def walmart_figure(quantity: str) -> float:
    """One figure of ``walmart_customer_visits`` ('customer visits per week' or 'associates
    (employees) worldwide'); raises KeyError naming the known quantities."""
    table = load("walmart_customer_visits").set_index("quantity")["value"]
    if quantity not in table.index:
        raise KeyError(f"No figure '{quantity}'; known: {', '.join(table.index)}.")
    return float(table[quantity])
