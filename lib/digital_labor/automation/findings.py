"""Findings of the claims ledger on the automation debate."""

from __future__ import annotations

from ..claims import Finding
from ..data import load
from .data import high_risk_estimates

__all__ = ["jobs_at_risk"]


def jobs_at_risk() -> Finding:
    """The 47 % figure against the task-based estimates that followed it."""
    shares = high_risk_estimates(load("automation_forecasts"))
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
