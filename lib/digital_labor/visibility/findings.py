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
    last_daily_start,
    price_change,
    prices_with_index,
    reach_at,
    rise_by_start,
    rise_windows,
)
from .model import market_model_range, reached_fans

__all__ = [
    "fake_likes_geography",
    "organic_reach_decline",
    "organic_reach_large_pages",
    "reach_arithmetic",
    "share_price_abnormal_return",
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
    """Facebook's share price over the essay's window, and the windows that give +140 %."""
    window = price_change(*ESSAY_WINDOW)
    rises = rise_by_start(ESSAY_WINDOW[1])
    spans = rise_windows(rises, CLAIMED_RISE_PCT)
    short = rises[rises["start"].isin(spans["exceptions"])]
    except_text = "".join(f", except {r.start:%B %Y} ({r.change_pct:.0f} %)" for r in short.itertuples())
    daily = last_daily_start(ESSAY_WINDOW[1], CLAIMED_RISE_PCT)
    nasdaq = index_change(*ESSAY_WINDOW, "nasdaq_composite")
    return Finding(
        value=round(window, 1),
        unit="% change, 1 Oct 2013 to 28 Feb 2014",
        summary=(
            f"Between 1 October 2013 and 28 February 2014 the close rose {window:.1f} %, not {CLAIMED_RISE_PCT:.0f} %. "
            f"Among month-end closes, a rise of at least {CLAIMED_RISE_PCT:.0f} % to February 2014 needs a start between "
            f"the ends of {spans['first']:%B %Y} and {spans['last']:%B %Y}{except_text}; daily closes move the latest start to "
            f"{daily['start'].day} {daily['start']:%B %Y} ({daily['change_pct']:.0f} %); from the next close, "
            f"{daily['next'].day} {daily['next']:%B}, the rise is only {daily['next_change_pct']:.0f} %. Over the essay's window the NASDAQ Composite rose {nasdaq:.1f} %, so Facebook beat "
            f"it by {window - nasdaq:.1f} points; whether by more than its volatility predicts is another row (share-price-cause)."
        ),
    )


def share_price_abnormal_return() -> Finding:
    """The window's cumulative abnormal return across the specifications of the market model."""
    table = market_model_range(prices_with_index())
    low, high = table.loc[table["car_pct"].idxmin()], table.loc[table["car_pct"].idxmax()]
    negative = int((table["car_pct"] < 0).sum())
    return Finding(
        value=f"{low['car_pct']:+.0f} to {high['car_pct']:+.0f}",
        unit=f"% cumulative abnormal return, Oct 2013 to Feb 2014, across {len(table)} specifications",
        summary=(
            f"Against the market, the window's cumulative abnormal return runs from {low['car_pct']:+.1f} % ({low['specification']}) "
            f"to {high['car_pct']:+.1f} % ({high['specification']}); {negative} of {len(table)} specifications give a negative "
            f"one, and no t statistic exceeds {table['t_stat'].abs().max():.2f} in absolute value. Each rests on "
            f"{table['months'].min()} to {table['months'].max()} monthly returns from the share's first year and a half of "
            "trading, with its lock-up expiries; none can be singled out. The data "
            "neither show nor rule out that Facebook did better than the market predicts while reach fell, and a price "
            "series cannot say why it moved."
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
