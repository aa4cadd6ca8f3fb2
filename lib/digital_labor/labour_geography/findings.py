"""Findings of the claims ledger on where online workers and buyers are.

The findings are sentences that the ledger and the chapter's pages print as they are; country
lists, ranks, counts and periods are written in words by :mod:`digital_labor.prose`.
"""

from __future__ import annotations

from ..claims import Finding
from ..data import load
from ..prose import country_phrase, name_list, number_word, ordinal_word, period_words
from .data import country_names, ranking, ranking_overlap

__all__ = ["top_buyers", "top_producers"]


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def top_producers() -> Finding:
    """The essay's five producer countries, judged first on its own period (oDesk, March 2013), then on the OLI 2017-2020."""
    essay = ranking("essay_top_producers")
    then = ranking("odesk_2013_dollar_inflows")
    later = ranking("oli_supply_top20_2017_2020")
    buyers = ranking("essay_top_buyers")
    names = country_names()
    size = len(essay)

    # The essay's period: the oDesk ranking of payments received, all of it (the source ranks seven countries).
    at_the_time = ranking_overlap(then, essay)
    count = (
        f"all {number_word(size)}"
        if at_the_time["overlap"] == size
        else f"{number_word(at_the_time['overlap'])} of the {number_word(size)}"
    )
    sentence = (
        f"In the essay's own period, {count} producer countries it names "
        f"({name_list([names[c] for c in essay])}) are among the {number_word(len(then))} largest recipients of "
        f"oDesk payments in March 2013 (the source ranks only {number_word(len(then))} countries)"
    )
    if at_the_time["missed"]:
        sentence += f" ({name_list([names[c] for c in at_the_time['missed']])} not)"
    omitted = [f"{country_phrase(names[c])} ({ordinal_word(then.index(c) + 1)})" for c in at_the_time["unexpected"]]
    if omitted:
        sentence += f"; that ranking also holds {name_list(omitted, articles=False)}, which the essay leaves out"
    below = [f"{country_phrase(names[c])} {ordinal_word(then.index(c) + 1)}" for c in essay if c in then and then.index(c) >= size]
    if below:
        sentence += f", and puts {name_list(below, articles=False)}"

    # What changed: the OLI's top five, June 2017 to October 2020.
    afterwards = ranking_overlap(later[:size], essay)
    changes = [
        f"{country_phrase(names[c])} ranks {ordinal_word(later.index(c) + 1)}"
        if c in later
        else f"{country_phrase(names[c])} is not in the top {number_word(len(later))}"
        for c in afterwards["missed"]
    ]
    changes += [
        f"{country_phrase(names[c])}, "
        + ("one of the essay's buyer countries, " if c in buyers else "")
        + f"is {ordinal_word(later.index(c) + 1)}"
        for c in afterwards["unexpected"]
    ]
    later_sentence = (
        f"In the Online Labour Index's ranking of June 2017 to October 2020, {number_word(afterwards['overlap'])} of them "
        f"are in the top {number_word(size)}"
    )
    if changes:
        later_sentence += ": " + "; ".join(changes)
    return Finding(
        value=f"{at_the_time['overlap']} of {at_the_time['size']}",
        unit=f"of the essay's producers among the {number_word(len(then))} largest recipients of oDesk payments, March 2013",
        summary=f"{sentence}. {later_sentence}.",
    )


def top_buyers() -> Finding:
    """The essay's five buyer countries against the OLI's published demand shares, 2016."""
    essay = ranking("essay_top_buyers")
    names = country_names()
    geography = load("online_labour_geography")
    demand = geography[geography["series"] == "oli_demand_2016"].sort_values("value", ascending=False)
    shared = demand[demand["country_iso3"].isin(essay)]
    others = demand[~demand["country_iso3"].isin(essay)]
    unranked = [names[code] for code in essay if code not in set(demand["country_iso3"])]
    leader = demand.iloc[0]
    sentence = (
        f"Of the {number_word(len(demand))} largest buyer countries the OLI reported for "
        f"{period_words(demand['period'].iloc[0])} ({name_list(demand['country'].tolist())}), "
        f"{number_word(len(shared))} are on the essay's list and post {shared['value'].sum():.1f} % of vacancies "
        f"({country_phrase(leader['country'])} alone {leader['value']:.0f} %)"
    )
    if not others.empty:
        verb = "is" if len(others) == 1 else "are"
        sentence += f"; {name_list(others['country'].tolist())} ({others['value'].sum():.1f} %) {verb} not on it"
    if unranked:
        sentence += f", and the OLI's published figures do not rank {name_list(unranked, conjunction='or')}"
    return Finding(
        value=round(float(shared["value"].sum()), 1),
        unit="% of OLI vacancies posted from the essay's buyer countries that the OLI names",
        summary=_capitalised(sentence) + ".",
    )
