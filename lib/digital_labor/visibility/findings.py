"""Findings of the claims ledger on the market for visibility."""

from __future__ import annotations

import re

from ..claims import Finding
from ..countries import north_south
from ..data import load
from .data import (
    ALL_PAGES,
    LARGE_PAGES,
    fake_like_countries,
    index_change,
    price_change,
    prices_with_index,
    reach_at,
    rise_by_start,
    rise_windows,
)
from .model import market_model, reached_fans

__all__ = [
    "fake_likes_geography",
    "organic_reach_decline",
    "organic_reach_large_pages",
    "reach_arithmetic",
    "share_price_rise",
]

ESSAY_WINDOW = ("2013-10-01", "2014-02-28")


CLAIMED_RISE_PCT = 140.0


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
    """Facebook's share price over the essay's window, the windows that give +140 %, and the market."""
    window = price_change(*ESSAY_WINDOW)
    rises = rise_by_start(ESSAY_WINDOW[1])
    spans = rise_windows(rises, CLAIMED_RISE_PCT)
    short = rises[rises["start"].isin(spans["exceptions"])]
    except_text = "".join(f", except {r.start:%B %Y} ({r.change_pct:.0f} %)" for r in short.itertuples())
    nasdaq = index_change(*ESSAY_WINDOW, "nasdaq_composite")
    fitted = market_model(prices_with_index(), "nasdaq_composite")
    return Finding(
        value=round(window, 1),
        unit="% change, 1 Oct 2013 to 28 Feb 2014",
        summary=(
            f"Between 1 October 2013 and 28 February 2014 the close rose {window:.1f} %, not {CLAIMED_RISE_PCT:.0f} %. "
            f"A rise of at least {CLAIMED_RISE_PCT:.0f} % to February 2014 needs a window starting between "
            f"{spans['first']:%B %Y} and {spans['last']:%B %Y}{except_text}. Over the essay's window the NASDAQ Composite "
            f"rose {nasdaq:.1f} %, so Facebook beat it by {window - nasdaq:.1f} points; a market model fitted on the earlier "
            f"months (beta {fitted.beta:.2f}) puts the window's abnormal return at {fitted.car_pct:+.1f} % (t = {fitted.t_stat:.2f}). "
            "The data show a rise; they cannot show that the fall in reach caused it."
        ),
    )


def fake_likes_geography() -> Finding:
    """What the book's data can say about where the workers behind bought likes are."""
    frame = fake_like_countries()
    countries = load("countries").set_index("iso3")
    south = {
        definition: north_south(definition).reindex(frame["iso3"]).eq("South").all() for definition in ("un_developed", "wb_high_income")
    }
    subregions = sorted(countries.loc[frame["iso3"], "un_subregion"].unique())
    farms = load("click_farms")
    located = sorted(
        {
            m.group(1)
            for q in farms.loc[farms["channel"] == "a click farm selling likes", "quantity"]
            for m in [re.search(r"at an? (\w+) click farm", q)]
            if m
        }
    )
    return Finding(
        value=frame.attrs["share_pct"],
        unit=f"% of {frame.attrs['likes']:,.0f} likes gained through Facebook's own ads, from {len(frame)} countries",
        summary=(
            f"The only country breakdown in the data is not of likes sold by a click farm: the Veritasium page's "
            f"{frame.attrs['likes']:,.0f} likes were {frame.attrs['channel']}. "
            f"{frame.attrs['share_pct']:.0f} % of them came from {', '.join(frame['country'])} (South under "
            f"{'both' if all(south.values()) else 'one of the'} definitions; {', '.join(subregions)}). "
            f"The only click farm with figures is in {' and '.join(located) or 'no named city'}. Where the workers behind "
            "bought likes live would take account-level data held by Facebook or the farms; South America cannot be "
            "confirmed or ruled out."
        ),
    )
