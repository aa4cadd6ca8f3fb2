"""Findings of the claims ledger on platforms that pay for participation."""

from __future__ import annotations

from ..claims import Finding
from .data import schemes
from .model import TSU_SHARE, microsoft_rewards, money_walks

__all__ = ["pay_for_participation"]

MONEY_UNITS = ("US$", "EUR", "GBP")
# The four examples of the essay, and the schemes of the data that stand for each.
ESSAY_EXAMPLES = {
    "Telefónica": (
        "Telefónica personal data platform",
        "Telefónica personal data bank",
        "Telefónica R&D 'Money Walks' personal-data market experiment",
    ),
    "Microsoft (Bing)": ("Microsoft Rewards (formerly Bing Rewards)",),
    "Tsu": ("Tsu",),
    "YouTube Heroes": ("YouTube Heroes",),
}


def pay_for_participation() -> Finding:
    """Which of the schemes the essay cites paid users, in what, and when, according to the sources."""
    table = schemes()
    revenue_share = set(table.loc[table["quantity"] == TSU_SHARE, "scheme"])
    in_money = [example for example, names in ESSAY_EXAMPLES.items() if revenue_share & set(names)]
    rewards, walks = microsoft_rewards(), money_walks()
    heroes_money = table[(table["scheme"] == "YouTube Heroes") & table["unit"].str.startswith(MONEY_UNITS)].shape[0]
    return Finding(
        value=len(in_money),
        unit=f"of the {len(ESSAY_EXAMPLES)} schemes the essay names promised users a share of revenue in money",
        summary=(
            f"Only Tsu promised money: {table.loc[table['quantity'] == TSU_SHARE, 'value'].iloc[0]} % of its advertising revenue "
            f"(2014), payable from US$ {table.loc[table['quantity'] == 'minimum balance before payout', 'value'].iloc[0]}; how much "
            f"it paid was not found. Microsoft Rewards paid in gift cards, about GBP {rewards['gbp_per_search']:.4f} a search; "
            f"the sources date its UK launch to June 2017, after the 2016 talk and before the text's publication (2018). "
            f"Telefónica announced a personal data bank in 2016 with no price; its researchers' 2014 experiment paid "
            f"EUR {walks['total_eur']:.0f} in vouchers to {walks['participants']:.0f} people. YouTube Heroes paid "
            f"{'no money' if heroes_money == 0 else 'money'}: points, levels and perks."
        ),
    )
