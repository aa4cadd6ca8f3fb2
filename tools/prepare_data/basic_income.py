"""The files of :mod:`digital_labor.basic_income`: the digital services taxes and levies in force
(``digital_services_taxes``: rates, bases, thresholds, expected yields) and the fiscal 2024 revenue,
income, segments and regions of the largest platform firms (``platform_firms_recent``), from the
fact tables with their sources' bibkeys. Sources are matched exactly (after 'same' is resolved), so
that a new source in a fact table stops the script instead of borrowing a key."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import exact_bibkey, insert_bibkey, read_fact_table, resolve_same, write

DIGITAL_SERVICES_TAX_BIBKEYS = {
    "French law of 24 July 2019 (taxe sur les services numériques)": "loi2019tsn",
    "Finance Act 2020": "ukfinanceact2020",
    "Italian budget law 2019/2020": "italybudget2019",
    "Spanish law 4/2020": "spainlaw2020",
    "Tax Foundation summary": "taxfoundationdst",
    "Finance Act 2016 (India)": "indiafinanceact2016",
    "Finance Act 2020 (India)": "indiafinanceact2020",
}
PLATFORM_FIRM_BIBKEYS = {  # by company, then by the start of the source where a company has two
    "Alphabet": "alphabet2025",
    "Amazon": "amazon2025",
    "Apple": "apple2024",
    "Meta Platforms": "meta2025a",
    "Alibaba Group": "alibaba2024",
    "Tencent": "tencent2025",
    "Baidu": "baidu2025",
    ("Microsoft", "Microsoft Corporation, Form 10-K"): "microsoft2025",
    ("Microsoft", "Microsoft FY2024 Q4 earnings release"): "microsoft2024",
    ("ByteDance", "The Information (2025)"): "theinformation2025",
    ("ByteDance", "The Information (Nov 2024)"): "theinformation2024",
}


def digital_services_taxes(facts: Path) -> pd.DataFrame:
    """Digital services taxes and levies in force (rates, bases, thresholds, expected yields), with bibkeys."""
    table = read_fact_table(facts, "digital_services_taxes")
    return insert_bibkey(table, table["source"].map(exact_bibkey(DIGITAL_SERVICES_TAX_BIBKEYS, "digital_services_taxes")))


def platform_firms_recent(facts: Path) -> pd.DataFrame:
    """FY2024 revenue, income, segments and regions of the largest platform firms, with bibkeys."""
    table = resolve_same(read_fact_table(facts, "platform_firms_recent"), ("source", "seen_at", "excerpt"))

    def key(company: str, source: str) -> str:
        matches = [
            k
            for c, k in PLATFORM_FIRM_BIBKEYS.items()
            if c == company or (isinstance(c, tuple) and c[0] == company and source.startswith(c[1]))
        ]
        if len(matches) != 1:
            raise SystemExit(f"platform_firms_recent: no unique bibkey for {company!r}, {source!r}")
        return matches[0]

    return insert_bibkey(table, [key(c, s) for c, s in zip(table["company"], table["source"])])


def prepare(facts: Path, out: Path) -> None:
    write(digital_services_taxes(facts), out, "digital_services_taxes")
    write(platform_firms_recent(facts), out, "platform_firms_recent")
