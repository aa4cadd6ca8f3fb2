"""Findings of the claims ledger on the market for visibility."""

from __future__ import annotations

from ..claims import Finding
from ..countries import north_south
from ..data import load
from .data import ALL_PAGES, LARGE_PAGES, fake_like_countries, price_change, reach_at
from .model import reached_fans

__all__ = [
    "fake_likes_geography",
    "organic_reach_decline",
    "organic_reach_large_pages",
    "reach_arithmetic",
    "share_price_rise",
]

ESSAY_WINDOW = ("2013-10-01", "2014-02-28")


TWELVE_MONTHS = ("2013-02-28", "2014-02-28")


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
