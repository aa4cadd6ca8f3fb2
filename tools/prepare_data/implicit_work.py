"""The file of :mod:`digital_labor.implicit_work`: Walmart's stated weekly customer visits and
headcount in 2016 (``walmart_customer_visits``), typed from its own page into
``tables/walmart_customer_visits.csv``, and Facebook's daily active users (``facebook_daily_users``),
typed from its fourth-quarter releases into ``tables/facebook_daily_users.csv``."""

from __future__ import annotations

from pathlib import Path

from .common import fill_same, insert_bibkey, read_typed_table, write


def prepare(facts: Path, out: Path) -> None:
    table = fill_same(read_typed_table("walmart_customer_visits"))
    write(insert_bibkey(table, "walmart2016"), out, "walmart_customer_visits")
    write(insert_bibkey(read_typed_table("facebook_daily_users"), "facebookq4releases"), out, "facebook_daily_users")
