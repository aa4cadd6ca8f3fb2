"""Findings of the claims ledger on where online workers and buyers are."""

from __future__ import annotations

from ..claims import Finding
from ..data import load
from .data import country_names, ranking, ranking_overlap

__all__ = ["top_buyers", "top_producers"]


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def top_producers() -> Finding:
    """The essay's five producer countries against the OLI's top five supply countries, 2017-2020."""
    essay = ranking("essay_top_producers")
    oli = ranking("oli_supply_top20_2017_2020")
    buyers = ranking("essay_top_buyers")
    names = country_names()
    result = ranking_overlap(oli[:5], essay)
    missed = [
        f"{names[code]} ranks {_ordinal(oli.index(code) + 1)}" if code in oli else f"{names[code]} is not in the top 20"
        for code in result["missed"]
    ]
    unexpected = [names[code] + (" (a buyer country in the essay)" if code in buyers else "") for code in result["unexpected"]]
    return Finding(
        value=f"{result['overlap']} of {result['size']}",
        unit="of the essay's producers in the OLI top five",
        summary=(
            f"{result['overlap']} of the essay's {result['size']} producer countries "
            f"({', '.join(names[code] for code in result['shared'])}) are in the Online Labour Index's top five "
            f"supply countries of June 2017 to October 2020; {'; '.join(missed)}; the top five also holds "
            f"{', '.join(unexpected)}."
        ),
    )


def top_buyers() -> Finding:
    """The essay's five buyer countries against the OLI's published demand shares, 2016."""
    essay = ranking("essay_top_buyers")
    geography = load("online_labour_geography")
    demand = geography[geography["series"] == "oli_demand_2016"].sort_values("value", ascending=False)
    listed = demand["country_iso3"].tolist()
    shared = demand[demand["country_iso3"].isin(essay)]
    others = demand[~demand["country_iso3"].isin(essay)]
    return Finding(
        value=round(float(shared["value"].sum()), 1),
        unit="% of OLI vacancies posted from the essay's buyer countries that the OLI names",
        summary=(
            f"Of the four largest buyer countries the OLI reported for May-September 2016 ({', '.join(listed)}), "
            f"{len(shared)} are on the essay's list and post {shared['value'].sum():.1f} % of vacancies "
            f"(the United States alone {demand.iloc[0]['value']:.0f} %); "
            f"{', '.join(others['country'])} ({others['value'].sum():.1f} %) is not on it, and the OLI's "
            "published figures do not rank Canada or France."
        ),
    )
