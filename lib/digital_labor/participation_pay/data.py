"""What the participation-pay schemes the essay cites paid, the rights they left out, and how many
notifications phone users receive.

Data: ``pay_for_data_schemes`` (Tsu, Telefónica, Microsoft Rewards, YouTube Heroes) and
``phone_notifications`` (Pielot et al. 2014, 2018).
"""

from __future__ import annotations

import pandas as pd

from ..data import load

__all__ = ["RIGHTS", "SCHEME_RIGHTS", "notification_figure", "rights_table", "scheme_value", "schemes"]

# The "bundle of labour rights" the essay lists beside pay (our grouping of its list).
RIGHTS = [
    "contract",
    "working conditions and limits on strain",
    "insurance against risk and illness",
    "training and career",
    "control of one's own hours",
    "right to organise",
    "ownership of data and content",
]

# The book's reading of what the sources in pay_for_data_schemes say about each right, scheme by
# scheme: a right is "none described" unless a source describes it (reading as of the retrieval date).
SCHEME_RIGHTS: dict[str, dict[str, str]] = {
    "Tsu": {},
    "Telefónica personal data bank": {"ownership of data and content": "announced: customers to store, manage and sell their data"},
    "Telefónica R&D 'Money Walks' personal-data market experiment": {
        "ownership of data and content": "each participant sold access to their data by auction"
    },
    "Microsoft Rewards (formerly Bing Rewards)": {},
    "YouTube Heroes": {"training and career": "workshops among the perks of higher levels"},
}


def schemes() -> pd.DataFrame:
    """Every published figure on the schemes, with ``amount`` (the value as a number; missing where the unit is 'text')."""
    table = load("pay_for_data_schemes")
    amount = pd.to_numeric(table["value"].where(table["unit"] != "text"), errors="raise")
    return table.assign(amount=amount)[
        ["scheme", "operator", "country", "date", "quantity", "value", "amount", "unit", "bibkey", "confidence"]
    ]


def scheme_value(scheme: str, quantity: str) -> float:
    """One published number of a scheme; raises KeyError naming the scheme's quantities if absent."""
    table = schemes()
    rows = table[(table["scheme"] == scheme) & (table["quantity"] == quantity)]
    if len(rows) != 1 or pd.isna(rows["amount"].iloc[0]):
        known = "; ".join(table.loc[table["scheme"] == scheme, "quantity"])
        raise KeyError(f"No number '{quantity}' for '{scheme}'; its figures: {known or 'none (unknown scheme)'}.")
    return float(rows["amount"].iloc[0])


def rights_table(paid: pd.Series | None = None) -> pd.DataFrame:
    """One row per scheme of :data:`SCHEME_RIGHTS`, one column per right of :data:`RIGHTS`; with
    ``paid`` (what each scheme paid, by scheme name) as the first column when given."""
    rows = [
        {"scheme": scheme, **{right: described.get(right, "none described") for right in RIGHTS}}
        for scheme, described in SCHEME_RIGHTS.items()
    ]
    frame = pd.DataFrame(rows).set_index("scheme")
    if paid is not None:
        frame.insert(0, "what it paid", paid.reindex(frame.index))
    return frame


def notification_figure(quantity: str, bibkey: str | None = None) -> float:
    """One published figure of the notification studies, by quantity (e.g. 'notifications received
    per day (mean)') and, where both studies give it, by the study's ``bibkey``."""
    table = load("phone_notifications")
    rows = table[(table["quantity"] == quantity) & ((table["bibkey"] == bibkey) if bibkey else True)]
    if len(rows) != 1:
        raise KeyError(
            f"{len(rows)} rows for '{quantity}'"
            + (f" in {bibkey}" if bibkey else "")
            + f"; quantities: {'; '.join(table['quantity'].unique())}; name the study if two give it."
        )
    return float(rows["value"].iloc[0])
