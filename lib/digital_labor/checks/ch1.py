"""Checks of chapter 1's claims: each computes a finding from data or a model."""

from __future__ import annotations

from ..claims import Finding
from ..data import load
from ..models import two_sided

__all__ = ["high_risk_estimates", "jobs_at_risk", "multi_sided_prices"]


def high_risk_estimates() -> dict[str, float]:
    """Headline shares (%) from ``automation_forecasts``.

    Keys: ``occupation_based`` (Frey & Osborne's high-risk share), ``task_based_low`` and
    ``task_based_high`` (range of the task-based high-risk shares), ``task_based_change``
    (Nedelkoska & Quintini's 'significant change' band) and ``task_based_exposed`` (their
    high-risk plus significant-change shares).
    """
    table = load("automation_forecasts")
    high = table[table["risk_definition"].str.contains("> 0.7")]
    occupation = high.loc[high["method"] == "occupation-based", "share_of_jobs_pct"]
    task = high.loc[high["method"].str.startswith("task-based"), "share_of_jobs_pct"]
    change_rows = table[table["risk_definition"].str.contains("0.5-0.7", regex=False)]
    change = change_rows["share_of_jobs_pct"]
    exposed = table.loc[table["bibkey"].isin(change_rows["bibkey"]), "share_of_jobs_pct"]
    return {
        "occupation_based": float(occupation.iloc[0]),
        "task_based_low": float(task.min()),
        "task_based_high": float(task.max()),
        "task_based_change": float(change.iloc[0]),
        "task_based_exposed": float(exposed.sum()),
    }


def jobs_at_risk() -> Finding:
    """The 47 % figure against the task-based estimates that followed it."""
    shares = high_risk_estimates()
    return Finding(
        value=f"{shares['task_based_low']:.0f}–{shares['task_based_high']:.0f}",
        unit="% of jobs at high risk (task-based)",
        summary=(
            f"Frey and Osborne's {shares['occupation_based']:.0f} % scores whole occupations. "
            f"Task-based estimates for OECD countries find {shares['task_based_low']:.0f} % to "
            f"{shares['task_based_high']:.0f} % of jobs at high risk, with another "
            f"{shares['task_based_change']:.0f} % facing significant change "
            f"({shares['task_based_exposed']:.0f} % exposed in all): much work will change, far "
            "less is likely to disappear."
        ),
    )


def multi_sided_prices() -> Finding:
    """Where the users' optimal price reaches zero in the default two-sided platform model."""
    market = two_sided.TwoSidedMarket()
    at_default = two_sided.optimal_prices(market)
    threshold = two_sided.users_price_threshold(market)
    return Finding(
        value=round(threshold, 2),
        unit="advertisers' benefit per user (αa) at which users' price is zero (model)",
        summary=(
            f"In a monopoly two-sided platform model (Armstrong 2006), with the book's default "
            f"parameters users pay {at_default['price_users']:.3f} and advertisers "
            f"{at_default['price_advertisers']:.3f} at αa = {market.alpha_advertisers:g}; the "
            f"users' price falls to zero at αa = {threshold:.2f} and becomes a subsidy beyond it, "
            "while advertisers keep paying. Zero and negative prices are optimal when one side is "
            "worth enough to the other: a model result under stated conditions, not a measurement."
        ),
    )
