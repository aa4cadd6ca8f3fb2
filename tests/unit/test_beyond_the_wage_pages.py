"""Chapter 5's model cores, written on its pages (issue 26): each page's function agrees with the
library's default, the library takes it as a keyword, and changing it changes the results."""

from __future__ import annotations

import ast
from pathlib import Path

import jupytext
import numpy as np
import pandas as pd
import pytest

from digital_labor import attention_value
from digital_labor import basic_income as bi
from digital_labor import participation_pay as pp
from digital_labor.basic_income import hours
from digital_labor.basic_income import model as bi_model
from digital_labor.participation_pay import model as pp_model

CHAPTER = Path(__file__).resolve().parents[2] / "chapters" / "05-beyond-the-wage"


def page_function(page: str, name: str):
    """The function ``name`` as an open code cell of the page defines it (only its definition is run)."""
    for cell in jupytext.read(CHAPTER / f"{page}.md").cells:
        if cell.cell_type != "code" or any(tag.startswith(("hide-", "remove-")) for tag in cell.metadata.get("tags", [])):
            continue
        tree = ast.parse(cell.source)
        found = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == name]
        if found:
            namespace: dict = {}
            exec(compile(ast.Module(body=found, type_ignores=[]), f"{page}.md", "exec"), namespace)
            assert f"={name}" in cell.source, f"{page}.md defines {name} but does not pass it to the library in the same cell"
            return namespace[name]
    pytest.fail(f"{page}.md: no open cell defines {name}")


@pytest.fixture(scope="module")
def people():
    return bi.model_countries()


@pytest.mark.parametrize("page", ["basic-income", "scenario-explorer"])
def test_the_pages_rules_are_the_librarys(page, people):
    rules = page_function(page, "payout_shares")
    rng = np.random.default_rng(5)
    population, per_user, price_level, origin = rng.uniform(0.1, 10, size=(4, 6))
    ours, theirs = rules(population, per_user, price_level, origin), bi_model.payout_shares(population, per_user, price_level, origin)
    assert list(ours) == list(theirs) == list(bi.RULES)
    for rule in bi.RULES:
        assert ours[rule] == pytest.approx(theirs[rule])
    pd.testing.assert_frame_equal(bi.rule_shares(people, rules=rules), bi.rule_shares(people))


def test_the_pages_payout_per_hour_is_the_librarys():
    per_hour = page_function("paying-for-participation", "payout_per_hour")
    for share, arpu, days, minutes in [(0.9, 60.57, 92, 50), (0.5, 3.43, 91, 35), (1.0, 13.54, 92, 20)]:
        assert per_hour(share, arpu, days, minutes) == pytest.approx(pp_model.payout_per_hour(share, arpu, days, minutes))
    pd.testing.assert_frame_equal(pp.revenue_share_payout(0.9, 50, per_hour=per_hour), pp.revenue_share_payout(0.9, 50))


def test_a_rule_of_ones_own_changes_every_result(people):
    """Swapping two rules on the page swaps them in the scenarios, the rates that reach a target and the hours."""

    def swapped(population, per_user, price_level, origin):
        shares = bi_model.payout_shares(population, per_user, price_level, origin)
        return shares | {"flat": shares["ppp"], "ppp": shares["flat"]}

    mine = bi.rule_shares(people, rules=swapped)
    base = float(bi.tax_bases().set_index("base").loc[bi.DEFAULT_BASE, "revenue_musd"])
    flat = bi.scenario(base, 0.03, "flat", people, shares=mine)
    assert flat["usd_per_person"].to_numpy() == pytest.approx(bi.scenario(base, 0.03, "ppp", people)["usd_per_person"].to_numpy())
    assert bi.rate_reaching(1.0, base, countries=people, shares=mine) == pytest.approx(bi.rate_reaching(1.0, base, "ppp", countries=people))
    table = hours.payout_hours(countries=people, shares=mine).set_index(["rate_pct", "rule"])["usd_median_person"]
    default = hours.payout_hours(countries=people).set_index(["rate_pct", "rule"])["usd_median_person"]
    assert table.xs(bi.RULES["flat"], level="rule").to_numpy() == pytest.approx(default.xs(bi.RULES["ppp"], level="rule").to_numpy())
    with pytest.raises(ValueError, match="no shares for"):
        bi.rule_shares(people, rules=lambda *arrays: {"flat": arrays[0] / arrays[0].sum()})
    with pytest.raises(ValueError, match="same countries"):
        bi.scenario(base, 0.03, "flat", people.iloc[1:], shares=mine)


def test_a_payout_rule_of_ones_own_changes_the_payouts_and_the_chart():
    def capped(share, arpu_usd, days, minutes_per_day):
        return min(pp_model.payout_per_hour(share, arpu_usd, days, minutes_per_day), 0.05)  # at most 5 cents an hour

    minutes = attention_value.minutes_per_day(attention_value.FACEBOOK_TIME)
    payouts = pp.revenue_share_payout(0.9, minutes, per_hour=capped)
    assert payouts["cents_per_hour"].max() == pytest.approx(5)
    assert payouts["usd_per_year"].to_numpy() == pytest.approx(
        (payouts["usd_per_hour"] * payouts["hours"] * 365 / payouts["days"]).to_numpy()
    )
    chart = pp.payout_chart(payouts, share=0.9, minutes_per_day=minutes).to_dict()
    rows = max(chart["datasets"].values(), key=len)
    assert max(0.9 * row["full_cents"] for row in rows) == pytest.approx(5)  # at its starting share, the slider shows the page's payouts
