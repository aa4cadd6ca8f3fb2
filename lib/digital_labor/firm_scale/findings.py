"""Findings of the claims ledger on firm scale: the GAFAM's weight and few employees for many users."""

from __future__ import annotations

from ..claims import Finding
from .data import facebook_revenue_per_employee, firm_ratio, firms_fy2016, users_employees

__all__ = ["few_employees_many_users", "gafam_top_capitalisations"]


def gafam_top_capitalisations() -> Finding:
    """What the book's data can say about the GAFAM as the five largest market capitalisations."""
    firms = firms_fy2016()
    five = firms[firms["gafam"]]
    walmart = firms.set_index("company").loc["Walmart", "revenue_musd"]
    return Finding(
        value=round(float(five["revenue_musd"].sum()) / 1000, 1),
        unit="US$ billion of revenue of the five GAFAM in fiscal 2016 (no market capitalisation in the data)",
        summary=(
            f"The book holds no market capitalisations, so it cannot rank firms by them. What it holds is revenue: in fiscal "
            f"2016 the five firms together had US$ {five['revenue_musd'].sum() / 1000:,.1f} billion, against Walmart's "
            f"US$ {walmart / 1000:,.1f} billion alone. Settling the claim would take the market value of every listed firm on "
            "a stated day of 2016 (share price times shares outstanding), from an exchange or a data vendor; such tables "
            "are mostly behind licences."
        ),
    )


def few_employees_many_users() -> Finding:
    """Facebook's users per employee and revenue per employee against Walmart's, and the trend."""
    frame = users_employees().set_index("year")
    first, last = int(frame.index.min()), int(frame.index.max())
    facebook, walmart = firm_ratio("Facebook"), firm_ratio("Walmart")
    amazon, ford = firm_ratio("Amazon.com"), firm_ratio("Ford Motor")
    meta = facebook_revenue_per_employee().set_index("year")["revenue_per_employee_musd"]
    return Finding(
        value=round(float(frame.loc[2016, "users_per_employee"])),
        unit="Facebook monthly active users per employee (2016)",
        summary=(
            f"In 2016 Facebook had {frame.loc[2016, 'users_per_employee']:,.0f} monthly active users per employee and "
            f"US$ {facebook:.2f} million of revenue per employee, against US$ {walmart:.2f} million at Walmart "
            f"({facebook / walmart:.1f} times as much). But users per employee fell from {frame.loc[first, 'users_per_employee']:,.0f} "
            f"in {first} to {frame.loc[last, 'users_per_employee']:,.0f} in {last}: headcount grew faster than users (the data do "
            f"not say in which jobs); revenue per employee stayed high (US$ {meta.loc[meta.index.max()]:.2f} million in "
            f"{meta.index.max()}). 'Platform' is not one model: Amazon, with its warehouses, made US$ {amazon:.2f} million per "
            f"employee, less than Ford's {ford:.2f}. Contractors and outsourced moderators are in no headcount."
        ),
    )
