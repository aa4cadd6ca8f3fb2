"""The files of :mod:`digital_labor.visibility`: Facebook's organic reach (``facebook_organic_reach``),
click farms (``click_farms``, with the book's ``channel`` column from ``tables/click_farm_channels.csv``),
users' unpaid data work (``dataset_annotation``: rows picked from the annotation fact table by
``tables/annotation_rows.csv``, plus Quick, Draw!'s time limit, ``tables/quick_draw_time.csv``),
Facebook's share price and the market indices (copied unchanged), and the published 2014 CPMs
(``facebook_cpm_benchmarks``, typed into ``tables/facebook_cpm_benchmarks.csv``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import fill_same, insert_bibkey, prefix_bibkey, read_fact_table, read_typed_table, with_sources, write

ORGANIC_REACH_BIBKEYS = {"Manson, M. (2014)": "manson2014"}
CLICK_FARM_BIBKEYS = {
    "Veritasium case": "pando2014",
    "The Guardian (2013)": "arthur2013",
    "De Cristofaro, E.": "decristofaro2014",
}
ANNOTATION_BIBKEYS = {
    "Google Creative Lab": "googlecreativelab2017",
    "Johnson, I. (2017)": "johnson2017",
    "Ha, D.": "ha2017",
    "von Ahn": "vonahn2008",
    "reCAPTCHA project website": "recaptchand",
    "Sarin, S.": "sarinnd",
    "Google, Open Images Extended": "googleoiend",
}
# The source of every row of tables/facebook_cpm_benchmarks.csv (the Social.com benchmark as cited).
CPM_SOURCE = (
    "Salesforce Marketing Cloud (2015). Social.com Advertising Benchmark, January 2015 "
    "(ads bought through Social.com, January to September 2014)"
)
CPM_BIBKEY, CPM_CONFIDENCE = "salesforce2015", "medium"


def click_farms(facts: Path) -> pd.DataFrame:
    """The click-farm facts with bibkeys and the book's ``channel`` column after ``excerpt``: how the likes were obtained."""
    table = with_sources(facts, "click_farms", CLICK_FARM_BIBKEYS)
    channels = read_typed_table("click_farm_channels").set_index("quantity")["channel"]
    table.insert(table.columns.get_loc("excerpt") + 1, "channel", table["quantity"].map(channels))
    if table["channel"].isna().any():
        raise SystemExit("click_farms: a row has no channel")
    return table


def dataset_annotation(facts: Path) -> pd.DataFrame:
    """The inshoring rows of the annotation fact table (low confidence left out), plus Quick, Draw!'s time limit."""
    table = fill_same(read_fact_table(facts, "dataset_annotation"))
    table = table[table["confidence"] != "low"]
    picked = read_typed_table("annotation_rows")
    rows = pd.concat([table[(table["dataset"] == d) & (table["quantity"] == q)] for d, q in picked.itertuples(index=False)])
    if len(rows) != len(picked):
        raise SystemExit("dataset_annotation: a selected row is missing or duplicated")
    typed = read_typed_table("quick_draw_time")  # goes after the last picked row of its dataset
    after = int((rows["dataset"] == typed["dataset"].iloc[0]).to_numpy().nonzero()[0].max()) + 1
    rows = pd.concat([rows.iloc[:after], typed, rows.iloc[after:]], ignore_index=True)
    return insert_bibkey(rows, rows["source"].map(prefix_bibkey(ANNOTATION_BIBKEYS)))


def facebook_cpm_benchmarks() -> pd.DataFrame:
    """Published Facebook CPMs for 2014, typed from the report as cited."""
    table = read_typed_table("facebook_cpm_benchmarks")
    table.insert(table.columns.get_loc("seen_at"), "source", CPM_SOURCE)
    table = insert_bibkey(table, CPM_BIBKEY)
    table["confidence"] = CPM_CONFIDENCE
    return table


def prepare(facts: Path, out: Path) -> None:
    write(with_sources(facts, "facebook_organic_reach", ORGANIC_REACH_BIBKEYS), out, "facebook_organic_reach")
    write(click_farms(facts), out, "click_farms")
    write(dataset_annotation(facts), out, "dataset_annotation")
    # Yahoo Finance's monthly closes of Facebook, the NASDAQ Composite and the S&P 500, as compiled (unchanged).
    write(read_fact_table(facts, "facebook_share_price_monthly"), out, "facebook_share_price")
    write(read_fact_table(facts, "market_index_monthly"), out, "market_index_monthly")
    write(facebook_cpm_benchmarks(), out, "facebook_cpm_benchmarks")
