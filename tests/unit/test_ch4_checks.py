"""Chapter 4's claim checks compute their values from the data."""

from __future__ import annotations

import pytest

from digital_labor import claims
from digital_labor.checks import ch4


def test_every_chapter_4_claim_is_checked_by_a_function_of_this_module():
    ledger = claims.ledger()
    rows = ledger[ledger["chapter"] == 4]
    assert len(rows) >= 7 and (rows["status"] == "checked").all()
    assert rows["check"].str.startswith("digital_labor.checks.ch4:").all()


@pytest.mark.parametrize(
    ("function", "value"),
    [
        (ch4.top_producers, "4 of 5"),
        (ch4.top_buyers, 64.0),
        (ch4.organic_reach_decline, 49.0),
        (ch4.organic_reach_large_pages, 2.11),
        (ch4.reach_arithmetic, 21_100),
        (ch4.share_price_rise, 35.8),
        (ch4.fake_likes_geography, 75.0),
    ],
)
def test_findings_have_the_expected_values(function, value):
    finding = function()
    assert isinstance(finding, claims.Finding)
    assert finding.value == value


def test_rankings_come_in_rank_order():
    assert ch4.ranking("essay_top_producers") == ["PHL", "PAK", "IND", "CHN", "BGD"]
    assert ch4.ranking("oli_supply_top20_2017_2020")[:2] == ["IND", "BGD"]


def test_producer_finding_names_countries_and_their_actual_ranks():
    summary = ch4.top_producers().summary
    assert "China ranks 7th" in summary and "United States (a buyer country in the essay)" in summary
    assert "CHN" not in summary and "PHL" not in summary
