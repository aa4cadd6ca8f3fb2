"""A digital basic income financed by taxing platforms: tax bases, four distribution rules, the
full grid of scenarios, and the explorer.

:mod:`.data` prepares the countries (population, GDP, price levels, Facebook's regions), the tax
bases and the digital services taxes (with their status at a stated date); :mod:`.model` holds the model (labelled as one) and the
vectorised grid; :mod:`.charts` draws maps, curves and the explorer; :mod:`.findings` gives the
claims ledger its rows.
"""

from .charts import (
    EXPLORER_RATES,
    base_factors,
    concentration_chart,
    explorer_table,
    explorer_with_bases,
    grid_chart,
    payout_map,
    transfer_chart,
)
from .data import (
    DEFAULT_BASE,
    digital_services_taxes,
    enacted_rates,
    facebook_users,
    firm_accounts,
    model_countries,
    rates_in_force,
    tax_bases,
)
from .findings import digital_basic_income_yield, pay_per_click_gap
from .model import (
    ARPU_PERIOD,
    ATTRIBUTIONS,
    INCIDENCE,
    RULES,
    attributed_revenue,
    gini,
    grid,
    lorenz,
    per_person,
    rate_reaching,
    rule_shares,
    scenario,
    transfer_to_south,
)

# What the pages, the assignments and the claims ledger use; the modules hold the rest.
__all__ = [
    # charts
    "EXPLORER_RATES",
    "concentration_chart",
    "base_factors",
    "explorer_with_bases",
    "explorer_table",
    "grid_chart",
    "payout_map",
    "transfer_chart",
    # data
    "digital_services_taxes",
    "facebook_users",
    "firm_accounts",
    "model_countries",
    "tax_bases",
    # findings
    "DEFAULT_BASE",
    "digital_basic_income_yield",
    "pay_per_click_gap",
    "rates_in_force",
    "enacted_rates",
    # model
    "ARPU_PERIOD",
    "ATTRIBUTIONS",
    "INCIDENCE",
    "RULES",
    "attributed_revenue",
    "gini",
    "grid",
    "lorenz",
    "per_person",
    "rate_reaching",
    "rule_shares",
    "scenario",
    "transfer_to_south",
]
