"""Participation-pay schemes, the bundle of rights, the revenue-share model, notifications, and the ledger row."""

from __future__ import annotations

import pytest

from digital_labor import charts
from digital_labor import participation_pay as pp
from digital_labor.claims import Finding
from digital_labor.data import load
from digital_labor.participation_pay.data import SCHEME_RIGHTS


def test_schemes_keep_text_values_and_read_numbers():
    table = pp.schemes()
    assert set(table["scheme"]) >= {"Tsu", "YouTube Heroes", "Microsoft Rewards (formerly Bing Rewards)"}
    text = table[table["unit"] == "text"]
    assert text["amount"].isna().all() and (text["value"] == "payment or bill discount").any()
    assert pp.scheme_value("Tsu", pp.TSU_SHARE) == 90
    with pytest.raises(KeyError, match="its figures"):
        pp.scheme_value("Tsu", "nothing of the kind")
    with pytest.raises(KeyError, match="number"):
        pp.scheme_value("Telefónica personal data bank", "form of compensation envisaged")  # a text value


def test_rights_table_has_one_column_per_right_and_the_paid_column_first():
    import pandas as pd

    table = pp.rights_table(pd.Series({"Tsu": "90 %"}))
    assert list(table.columns) == ["what it paid", *pp.RIGHTS]
    assert table.loc["Tsu", "what it paid"] == "90 %" and pd.isna(table.loc["YouTube Heroes", "what it paid"])
    assert (table.loc["Tsu", pp.RIGHTS] == "none described").all()
    assert table.loc["YouTube Heroes", "training and career"] != "none described"
    assert set(SCHEME_RIGHTS) <= set(pp.schemes()["scheme"])


def test_microsoft_and_money_walks_arithmetic():
    rewards = pp.microsoft_rewards()
    assert rewards["gbp_per_search"] == pytest.approx(3 * 5 / 5300)
    assert rewards["gbp_per_day_level2"] == pytest.approx(150 * 5 / 5300)
    walks = pp.money_walks()
    assert walks["eur_per_participant"] == pytest.approx(262 / 60)
    assert walks["eur_per_participant_week"] == pytest.approx(262 / 60 / 6)
    # An auction paid tens of cents, not "a fraction of a penny per gesture" (the ledger once said so of every scheme).
    assert walks["eur_per_auction"] == pytest.approx(262 / 596) and walks["eur_per_auction"] > 0.01
    comment = load("claims").set_index("id").loc["pay-for-participation", "comment"]
    assert "per gesture" not in comment and "per auction" in comment


def test_revenue_share_payout_limits_and_gap():
    full = pp.revenue_share_payout(1.0, 50).set_index(["period", "region"])
    none = pp.revenue_share_payout(0.0, 50)
    assert (none["usd_per_hour"] == 0).all()
    us, row = full.loc[("2021-Q4", "US & Canada")], full.loc[("2021-Q4", "Rest of World")]
    assert us["usd_per_year"] == pytest.approx(60.57 * 365 / 92)
    assert us["cents_per_hour"] / row["cents_per_hour"] == pytest.approx(60.57 / 3.43)
    half = pp.revenue_share_payout(0.5, 50).set_index(["period", "region"])
    assert half.loc[("2021-Q4", "US & Canada"), "cents_per_hour"] == pytest.approx(us["cents_per_hour"] / 2)
    assert "net_usd_per_hour" not in half, "the firm's net income per hour is not a payout: it must not ride along unscaled"
    with pytest.raises(ValueError, match="share"):
        pp.revenue_share_payout(1.5, 50)


def test_notifications_and_their_interval():
    assert pp.notification_figure("notifications received per day (mean)") == 63.5
    assert pp.notification_figure("participants in the study", "pielot2018") == 278
    with pytest.raises(KeyError, match="name the study"):
        pp.notification_figure("participants in the study")
    assert pp.notification_interval(64, 16) == pytest.approx(15)
    with pytest.raises(ValueError, match="per_day"):
        pp.notification_interval(0)
    with pytest.raises(ValueError, match="waking_hours"):
        pp.notification_interval(10, 30)


def test_payout_chart_is_a_model_with_a_share_slider():
    charts.setup()
    spec = pp.payout_chart(pp.revenue_share_payout(0.9, 50), share=0.9, minutes_per_day=50).to_dict()
    assert "Model:" in " ".join(spec["title"]["subtitle"])
    assert spec["params"][0]["name"] == "share" and spec["params"][0]["value"] == 90
    assert "2021-Q4 US & Canada 71.10 cents an hour" in spec["description"]


def test_pay_for_participation_finding():
    result = pp.pay_for_participation()
    assert isinstance(result, Finding) and result.value == 1
    assert "June 2017" in result.summary and "no money" in result.summary
