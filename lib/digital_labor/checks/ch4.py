"""Checks of chapter 4's claims (planetary inequalities, the market for visibility).

Each function computes what the data say about one claim of the ledger and returns a
:class:`~digital_labor.claims.Finding`.
"""

from __future__ import annotations

from ..claims import Finding
from ..countries import north_south
from ..data import load
from ..flows import ranking_overlap
from ..visibility import ALL_PAGES, LARGE_PAGES, fake_like_countries, price_change, reach_at, reached_fans

ESSAY_WINDOW = ("2013-10-01", "2014-02-28")
TWELVE_MONTHS = ("2013-02-28", "2014-02-28")


def ranking(name: str) -> list[str]:
    """ISO3 codes of a ranking of ``online_labour_rankings``, in rank order."""
    table = load("online_labour_rankings")
    return table[table["ranking"] == name].sort_values("rank")["country_iso3"].tolist()


def _names() -> dict[str, str]:
    """Short country names as the ranking sources write them, by ISO3 code."""
    table = load("online_labour_rankings")
    return dict(zip(table["country_iso3"], table["country"]))


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def top_producers() -> Finding:
    """The essay's five producer countries against the OLI's top five supply countries, 2017-2020."""
    essay = ranking("essay_top_producers")
    oli = ranking("oli_supply_top20_2017_2020")
    buyers = ranking("essay_top_buyers")
    names = _names()
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


def organic_reach_decline() -> Finding:
    """Organic reach of all sampled pages, October 2013 and February 2014."""
    before, after = reach_at("2013-10", ALL_PAGES), reach_at("2014-02", ALL_PAGES)
    return Finding(
        value=round(100 * (1 - after / before), 1),
        unit="% fall in organic reach, Oct 2013 to Feb 2014",
        summary=f"Organic reach fell from {before:.2f} % to {after:.2f} % of fans, a fall of {100 * (1 - after / before):.1f} %: it roughly halved.",
    )


def organic_reach_large_pages() -> Finding:
    """Organic reach of pages with more than 500,000 likes, February 2014."""
    before, after = reach_at("2013-10", LARGE_PAGES), reach_at("2014-02", LARGE_PAGES)
    return Finding(
        value=after,
        unit="% of fans (Feb 2014)",
        summary=f"Pages with more than 500,000 likes reached {after:.2f} % of their fans in February 2014, down from {before:.2f} % in October 2013.",
    )


def reach_arithmetic() -> Finding:
    """Fans of a one-million-fan large page who see a post at February 2014's reach."""
    seen = reached_fans(1_000_000, reach_at("2014-02", LARGE_PAGES))
    return Finding(
        value=round(seen),
        unit="fans of 1,000,000 who see a post",
        summary=f"At the measured {reach_at('2014-02', LARGE_PAGES):.2f} %, a post reaches {seen:,.0f} of a million fans; the essay's 21,000 uses the rounded 2.1 %.",
    )


def share_price_rise() -> Finding:
    """Facebook's share price over the essay's window and over twelve months to February 2014."""
    window = price_change(*ESSAY_WINDOW)
    year = price_change(*TWELVE_MONTHS)
    return Finding(
        value=round(window, 1),
        unit="% change, 1 Oct 2013 to 28 Feb 2014",
        summary=(
            f"Between 1 October 2013 and 28 February 2014 the close rose {window:.1f} %, not 140 %; "
            f"a rise of that order ({year:.0f} %) appears only over the twelve months to February 2014."
        ),
    )


def fake_likes_geography() -> Finding:
    """Where the fake likes of the one documented case came from, by North/South and UN region."""
    frame = fake_like_countries()
    countries = load("countries").set_index("iso3")
    south = {definition: north_south(definition).reindex(frame["iso3"]).eq("South").all() for definition in ("un_developed", "wb_high_income")}
    regions = sorted(countries.loc[frame["iso3"], "un_region"].unique())
    return Finding(
        value=frame.attrs["share_pct"],
        unit=f"% of {frame.attrs['likes']:,.0f} likes, from {len(frame)} countries",
        summary=(
            f"In the one case with figures (Veritasium, 2014), {frame.attrs['share_pct']:.0f} % of the page's likes came from "
            f"{', '.join(frame['country'])}: all in the South under {'both' if all(south.values()) else 'one of the'} "
            f"definitions, in {' and '.join(regions)}. Nothing in the data places them in South America."
        ),
    )
