"""The files of :mod:`digital_labor.firm_scale`: the Fortune Global 500 figures of fiscal 2016
(``platform_firms_fy2016``), Facebook's users and headcount (``facebook_users_employees``) and
later company results (``platform_revenues_recent``), from the fact tables with their sources' bibkeys."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import read_fact_table, with_sources, write

BIBKEYS: dict[str, dict[str, str]] = {
    "platform_firms_fy2016": {"Fortune Global 500": "fortune2017"},
    "platform_revenues_recent": {
        "Meta Q4 and full-year 2024 results release": "meta2025a",
        "news reports of Meta's 2024 10-K": "meta2025b",
        "Facebook Q4 and full-year 2019 results release": "facebook2020",
        "Uber 10-K": "uber2025",
    },
}


def facebook_users_employees(facts: Path) -> pd.DataFrame:
    """Facebook's Q4 monthly active users and year-end headcount: 'same' resolved, bibkeys added."""
    table = read_fact_table(facts, "facebook_users_employees")
    # "same (a remark)" means the row above's source; the remark goes to a note column.
    remark = table["source_employees"].str.extract(r"^same \((.*)\)$")[0].fillna("")
    for column in ("source_mau", "source_employees"):
        same = table[column].str.startswith("same")
        table[column] = table[column].mask(same).ffill().where(table[column] != "", "")
    table["note"] = remark
    table.insert(table.columns.get_loc("source_mau"), "bibkey_mau", "facebookreleases")
    table.insert(
        table.columns.get_loc("source_employees"), "bibkey_employees", table["source_employees"].map(lambda s: "facebook10k" if s else "")
    )
    return table


def prepare(facts: Path, out: Path) -> None:
    write(with_sources(facts, "platform_firms_fy2016", BIBKEYS["platform_firms_fy2016"]), out, "platform_firms_fy2016")
    write(facebook_users_employees(facts), out, "facebook_users_employees")
    write(with_sources(facts, "platform_revenues_recent", BIBKEYS["platform_revenues_recent"]), out, "platform_revenues_recent")
