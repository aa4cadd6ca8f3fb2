"""The files of :mod:`digital_labor.attention_value`: Facebook's average revenue per user by region
(``facebook_arpu``), the published time on social media (``social_media_time``, the rows of the
time-use facts on it) and hourly pay to compare with (``hourly_pay_benchmarks``: the US federal
minimum wage and the microwork earnings picked by ``tables/hourly_pay_benchmarks.csv``), and the
company's revenue and net income for the periods of the ARPU (``facebook_income``, typed in
``tables/facebook_income.csv``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import fill_same, insert_bibkey, prefix_bibkey, read_fact_table, read_typed_table, with_sources, write

ARPU_BIBKEYS = {
    "Facebook 10-K 2013": "facebook2014",
    "Facebook Q4 2015 earnings slides": "facebook2016",
    "Facebook Q4 2019 earnings release": "facebook2020",
    "Meta Q4 2021 earnings": "meta2022",
}
SOCIAL_MEDIA_TIME_BIBKEYS = {
    "Facebook Q1 2016 earnings call": "facebook2016q1",
    "Facebook Q2 2014 earnings call": "facebook2014q2",
    "Facebook Q1 2015 earnings call": "facebook2015q1",
    "GlobalWebIndex (2014)": "globalwebindex2014",
    "GlobalWebIndex (2017)": "globalwebindex2017",
    "We Are Social & Hootsuite (2018)": "wearesocial2018",
    "We Are Social & Hootsuite (2019)": "wearesocial2019",
    "We Are Social & Meltwater (2024)": "wearesocial2024",
}
SOCIAL_MEDIA_TIME_ISO3 = {
    "United States": "USA",
    "Philippines": "PHL",
    "Brazil": "BRA",
    "Japan": "JPN",
    "Kenya": "KEN",
    "South Africa": "ZAF",
    "Nigeria": "NGA",
    "Indonesia": "IDN",
}


def social_media_time(facts: Path) -> pd.DataFrame:
    """The 'social media time' rows of the time-use facts, with ISO3 codes and minutes per day.

    The Statista row (an aggregator, low confidence) is left out; ``value`` and ``unit`` are kept
    as published and ``minutes_per_day`` converts the hours of the survey rows (× 60).
    """
    table = read_fact_table(facts, "notifications_time_use")
    table = fill_same(table[(table["topic"] == "social media time") & ~table["source"].str.startswith("Statista")].copy())
    table = insert_bibkey(table, table["source"].map(prefix_bibkey(SOCIAL_MEDIA_TIME_BIBKEYS)))
    table.insert(table.columns.get_loc("country") + 1, "iso3", table["country"].map(SOCIAL_MEDIA_TIME_ISO3).fillna(""))
    hours = table["unit"].str.startswith("hours")
    minutes = pd.to_numeric(table["value"]) * hours.map({True: 60, False: 1})
    table.insert(table.columns.get_loc("unit") + 1, "minutes_per_day", minutes.round(1).map(lambda m: f"{m:g}"))
    table = pd.concat([table.drop(columns=["topic"]), _typed_time()], ignore_index=True)
    return table


def _typed_time() -> pd.DataFrame:
    """The time figures no fact table holds (``tables/social_media_time_2021.csv``): App Annie's
    2021 average hours a month per user of the Facebook app, converted (× 60 × 12 / 365)."""
    table = read_typed_table("social_media_time_2021")
    table = insert_bibkey(table, "appannie2022")
    table.insert(table.columns.get_loc("country") + 1, "iso3", "")
    minutes = pd.to_numeric(table["value"]) * 60 * 12 / 365
    table.insert(table.columns.get_loc("unit") + 1, "minutes_per_day", minutes.round(1).map(lambda m: f"{m:g}"))
    return table


def facebook_income(facts: Path) -> pd.DataFrame:
    """Revenue and net income of the periods of ``facebook_arpu`` (``arpu_bibkey``: the key of the ARPU's source)."""
    table = read_typed_table("facebook_income")
    table = insert_bibkey(table, table["arpu_source"].map(ARPU_BIBKEYS), column="arpu_bibkey", before="arpu_source")
    return insert_bibkey(table.drop(columns=["arpu_source"]), "facebookq4releases")


def hourly_pay_benchmarks(facts: Path) -> pd.DataFrame:
    """Hourly pay in US$ to compare with: the US federal minimum wage and microwork earnings."""
    wages = read_fact_table(facts, "minimum_wages")
    wages = wages[(wages["country_iso3"] == "USA") & (wages["coverage"].str.startswith("all covered"))]
    rows = [
        {
            "benchmark": "US federal minimum wage",
            "value": wages["usd_value"].iloc[0],
            "unit": "US$ per hour",
            "period": wages["effective"].iloc[0],
            "bibkey": "flsa2007",
            "source": wages["source"].iloc[0],
            "seen_at": wages["seen_at"].iloc[0],
            "excerpt": wages["excerpt"].iloc[0],
            "confidence": wages["confidence"].iloc[0],
        }
    ]
    micro = fill_same(read_fact_table(facts, "microwork"))
    for pick in read_typed_table("hourly_pay_benchmarks").itertuples(index=False):
        row = micro[micro["quantity"] == pick.quantity].iloc[0]
        rows.append(
            {
                "benchmark": pick.benchmark,
                "value": row["value"],
                "unit": row["unit"],
                "period": row["period"],
                "bibkey": pick.bibkey,
                "source": row["source"],
                "seen_at": row["seen_at"],
                "excerpt": row["excerpt"],
                "confidence": row["confidence"],
            }
        )
    return pd.DataFrame(rows)


def prepare(facts: Path, out: Path) -> None:
    write(with_sources(facts, "facebook_arpu", ARPU_BIBKEYS), out, "facebook_arpu")
    write(social_media_time(facts), out, "social_media_time")
    write(hourly_pay_benchmarks(facts), out, "hourly_pay_benchmarks")
    write(facebook_income(facts), out, "facebook_income")
