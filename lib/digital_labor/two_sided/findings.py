"""Findings of the claims ledger on the prices of a multi-sided platform."""

from __future__ import annotations

from ..claims import Finding
from .model import TwoSidedMarket, optimal_prices, users_price_threshold

__all__ = ["multi_sided_prices"]


def multi_sided_prices() -> Finding:
    """Where the users' optimal price reaches zero in the default two-sided platform model."""
    market = TwoSidedMarket()
    at_default = optimal_prices(market)
    threshold = users_price_threshold(market)
    return Finding(
        value=round(threshold, 2),
        unit="advertisers' benefit per user (αa) at which users' price is zero (model)",
        summary=(
            f"In a monopoly two-sided platform model (Armstrong 2006), with the book's default "
            f"parameters users pay {at_default['price_users']:.3f} and advertisers "
            f"{at_default['price_advertisers']:.3f} at αa = {market.alpha_advertisers:g}; the "
            f"users' price falls to zero at αa = {threshold:.2f} and becomes a subsidy beyond it, "
            "while advertisers keep paying. Zero and negative prices are optimal when what users "
            "are worth to advertisers outweighs the cost of serving users and the mark-up their "
            "demand allows: the claim holds in the model, under conditions stated in its "
            "primitives; it is not a measurement."
        ),
    )
