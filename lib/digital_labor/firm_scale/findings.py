"""Findings of the claims ledger on firm scale: the GAFAM's market value, few employees for many users,
and the shift between formal and implicit work that users per employee can measure."""

from __future__ import annotations

from ..claims import Finding
from .capitalisation import top_five_by_date
from .data import facebook_revenue_per_employee, firm_ratio, time_weighted_change, users_employees

__all__ = ["few_employees_many_users", "formal_implicit_shift", "gafam_top_capitalisations"]


def gafam_top_capitalisations() -> Finding:
    """The essay's five firms as the five largest market capitalisations, ruled on each dated ranking."""
    summary = top_five_by_date()
    early = summary[summary["year"] == 2016]
    held = early[early["holds"]]
    missed = early[~early["holds"]]
    same_day = missed[missed["as_of"].isin(held["as_of"])]
    outsiders = sorted({name for names in missed["others_in_top_five"] for name in names.split(", ")})
    latest = summary.iloc[-1]
    printed = summary[(summary["year"] == 2018) & (summary["scope"] == "world")].iloc[0]
    return Finding(
        value=float(len(held)),
        unit=f"dated rankings of 2016, out of {len(early)}, in which the five GAFAM held the top five places",
        summary=(
            f"Of {len(early)} dated rankings of 2016, the five firms held the five largest market capitalisations in "
            f"{len(held)} ({'; '.join(held['ranking'])}). In the others ({'; '.join(missed['ranking'])}) the last of them "
            f"was placed {missed['last_gafam_rank'].min()}th to {missed['last_gafam_rank'].max()}th, behind "
            f"{' and '.join(outsiders)}; even on the day the claim held, the ranking during trading "
            f"({'; '.join(same_day['ranking'])}) had {', '.join(same_day['others_in_top_five'])} in the top five. "
            f"In every ranking that places all five, they are among the largest {summary['last_gafam_rank'].max()}, so the group's "
            f"weight is not in doubt; 'the five largest' held on {len(held)} dated close of 2016, weeks before the essay was "
            f"presented (9 September 2016), and the book has no ranking for the days between. On {printed['as_of']}, in the "
            f"year the essay was published, {printed['others_in_top_five']} held a top-five place; on {latest['as_of']}, "
            f"{latest['gafam_in_top_five']} of the five were in the top five, with {latest['others_in_top_five']}."
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


def formal_implicit_shift() -> Finding:
    """The essay's shift from formal employment to implicit work, ruled on Facebook's users per
    employee over time, with what the implicit-work model can and cannot add."""
    from ..implicit_work import facebook_case, implicit_ratio, walmart_case  # deferred: implicit_work imports this package

    frame = users_employees().set_index("year")["users_per_employee"]
    first, last = int(frame.index.min()), int(frame.index.max())
    fall = float(frame.loc[first] / frame.loc[last])
    break_even = 100 / implicit_ratio(facebook_case(2016, productive_share=1.0))
    weighted = time_weighted_change()
    minutes_2014, minutes_2018, time_adjusted = weighted["minutes_2014"], weighted["minutes_2018"], weighted["change"]
    walmart = implicit_ratio(walmart_case(5.0))
    return Finding(
        value=round(fall, 2),
        unit=f"times: the fall of Facebook's monthly users per employee from {first} to {last}",
        summary=(
            f"The one series that sets a platform's users against its formal staff runs against a shift towards implicit work: "
            f"Facebook's users per employee fell {fall:.1f}-fold, from {frame.loc[first]:,.0f} in {first} to "
            f"{frame.loc[last]:,.0f} in {last}. Weighting users by their time does not reverse it: world time on social media "
            f"rose from {minutes_2014:.0f} to {minutes_2018:.0f} minutes a day between 2014 and 2018, so users' time per "
            f"employee was {time_adjusted:.2f} times its 2014 level in 2018. The implicit-work model cannot decide the "
            f"question: its ratio is users per employee times constants, so it falls by the same factor, and its level exceeds "
            f"one employee for any productive share above {break_even:.4f} % of users' time (against {walmart:.2f} per "
            f"employee for a retailer's self-service customers). It shows a difference of scale between kinds of firm, "
            f"not a change over time."
        ),
    )
