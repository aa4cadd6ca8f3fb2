"""Findings of the claims ledger on the automation debate."""

from __future__ import annotations

from ..claims import Finding
from ..data import load
from .data import first_public, high_risk_estimates, months_between

__all__ = ["jobs_at_risk"]


def jobs_at_risk() -> Finding:
    """The essay's claim: the replacement prophecy is old, and Frey and Osborne's 47 % was contested.

    Reads the dated prophecies (with the book's paraphrase of what Frey and Osborne predicted),
    the published estimates and the publication dates of the works in the debate. The value is
    the range of the task-based estimates, which is what the contest of the 47 % rests on. The
    summary also says what the data hold against the way the essay states the claim: what the
    figure measured, and when the works the essay cites for the contest appeared.
    """
    prophecies = load("automation_prophecies")
    shares = high_risk_estimates(load("automation_forecasts"))
    dates = load("automation_publication_dates")
    months = first_public(dates)
    oldest = prophecies.loc[prophecies["year"].idxmin()]
    frey = prophecies.loc[prophecies["bibkey"] == "frey2013", "prediction"].iloc[0]
    ifr_lead = months_between(dates, "ifr2013", "frey2013")
    arntz_lead = months_between(dates, "arntz2016", "casilli2016plateformisation")
    ifr_order = (
        f"the IFR's study was presented in {months['ifr2013']:%B %Y}, {ifr_lead} months before Frey and "
        f"Osborne's paper ({months['frey2013']:%B %Y}), so it answers the replacement thesis in general, "
        f"not the {shares['occupation_based']:.0f} %"
        if ifr_lead > 0
        else f"the IFR's study ({months['ifr2013']:%B %Y}) came after Frey and Osborne's paper ({months['frey2013']:%B %Y})"
    )
    before_essay = (
        f"{arntz_lead} months before the essay was presented" if arntz_lead > 0 else f"{-arntz_lead} months after the essay was presented"
    )
    return Finding(
        value=f"{shares['task_based_low']:.0f}–{shares['task_based_high']:.0f}",
        unit=f"% of jobs at high risk (task-based), against the occupation-based {shares['occupation_based']:.0f} %",
        summary=(
            f"The prophecy is old: the oldest forecast in the book's dataset dates from {oldest['year']} "
            f"({oldest['author']}). Frey and Osborne's {shares['occupation_based']:.0f} % comes from "
            f"scoring whole occupations; task-based estimates, which score what workers actually do, "
            f"find {shares['task_based_low']:.0f} % to {shares['task_based_high']:.0f} % of jobs at "
            f"high risk in OECD countries, with another {shares['task_based_change']:.0f} % facing "
            "significant change. The contest is real and has held up; the earlier of the two task-based "
            f"estimates in the book's data (Arntz, Gregory and Zierahn) appeared {before_essay}. Two "
            "qualifications bear on the claim as the essay states it. The figure was not a forecast "
            f"that jobs would disappear: in the book's paraphrase of the paper, {frey[0].lower() + frey[1:]} "
            f"And of the two works the essay cites for the contest, {ifr_order}."
        ),
    )
