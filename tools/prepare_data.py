"""Rebuild the files in data/ from their upstream copies (a maintainer's tool, not run by the build).

Provenance, not convenience: this script is the record of how each file in ``data/`` was made.
Fact tables come from the project's compiled tables (``../shared/facts``, each row naming the
original publication); the world map from the Natural Earth copy shipped in the ``pyogrio``
package. After running it, record the new checksums in ``data/datapackage.yaml``
(``python -m digital_labor.data hash NAME``) and check the diff.

Usage: python tools/prepare_data.py [--facts ../shared/facts]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

DATA = Path(__file__).resolve().parents[1] / "data"
# Natural Earth marks some sovereign states -99 in iso_a3; these are the ISO codes they have.
NATURAL_EARTH_ISO_FIXES = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX"}
COORDINATE_DECIMALS = 2  # about 1 km at the equator: below the 1:110m map's own precision


def world() -> None:
    """Natural Earth 1:110m countries (pyogrio test fixture), ISO3 fixed, coordinates rounded."""
    fixture = Path(pyogrio.__file__).parent / "tests/fixtures/naturalearth_lowres/naturalearth_lowres.shp"
    countries = gpd.read_file(fixture)
    iso3 = countries["iso_a3"].where(countries["iso_a3"] != "-99")
    iso3 = iso3.fillna(countries["name"].map(NATURAL_EARTH_ISO_FIXES))
    frame = gpd.GeoDataFrame(
        {"iso3": iso3.fillna(""), "name": countries["name"], "continent": countries["continent"]},
        geometry=countries.geometry.set_precision(10**-COORDINATE_DECIMALS),
        crs=countries.crs,
    )
    frame = frame.sort_values(["iso3", "name"]).reset_index(drop=True)
    geojson = json.loads(frame.to_json(drop_id=True))
    (DATA / "world.geojson").write_text(json.dumps(geojson, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"world.geojson from pyogrio {pyogrio.__version__}: {len(frame)} features")


def countries(facts: Path) -> None:
    """World Bank and UN M49 country facts, as compiled (unchanged)."""
    table = pd.read_csv(facts / "countries.csv", dtype=str, keep_default_na=False)
    table.to_csv(DATA / "countries.csv", index=False, lineterminator="\n")


def facebook_share_price(facts: Path) -> None:
    """Facebook's monthly closing prices (Yahoo Finance), as compiled (unchanged)."""
    table = pd.read_csv(facts / "facebook_share_price_monthly.csv", dtype=str, keep_default_na=False)
    table.to_csv(DATA / "facebook_share_price.csv", index=False, lineterminator="\n")


def with_sources(facts: Path, name: str, bibkeys: dict[str, str], out: str | None = None) -> None:
    """Copy a fact table, resolving 'same' to the row above and adding the source's bibkey."""
    table = pd.read_csv(facts / f"{name}.csv", dtype=str, keep_default_na=False)
    for column in ("source", "seen_at", "excerpt"):
        if column in table:
            table[column] = table[column].mask(table[column] == "same").ffill()
    table.insert(table.columns.get_loc("source"), "bibkey", table["source"].map(_bibkey(bibkeys)))
    table.to_csv(DATA / f"{out or name}.csv", index=False, lineterminator="\n")


def _bibkey(bibkeys: dict[str, str]):
    def lookup(source: str) -> str:
        matches = [key for prefix, key in bibkeys.items() if source.startswith(prefix)]
        if len(matches) != 1:
            raise SystemExit(f"no unique bibkey for source {source!r}")
        return matches[0]

    return lookup


# Dated forecasts that machines will replace workers, and two replies: (year, author, work,
# bibkey, what it predicted or argued in the book's words, kind of claim). Source: the works
# themselves (all in references.bib); year is the first publication of the passage.
AUTOMATION_PROPHECIES = (
    (1801, "Thomas Mortimer", "Lectures on the Elements of Commerce, Politics, and Finances", "mortimer1801",
     "Labour-saving machines were being built to shut human labour almost entirely out of production, "
     "a prospect he deplored.", "prophecy"),
    (1821, "David Ricardo", "On the Principles of Political Economy and Taxation, 3rd ed., ch. 31 'On Machinery'",
     "ricardo1821", "Replacing workers with machinery can shrink the demand for labour and leave part of the "
     "working population without employment, at least for a time.", "theoretical argument"),
    (1835, "Andrew Ure", "The Philosophy of Manufactures", "ure1835",
     "Every improvement in machinery tends to do without skilled workers, or to replace them with cheaper, "
     "unskilled hands who only tend the machines.", "prophecy"),
    (1930, "John Maynard Keynes", "Economic Possibilities for our Grandchildren", "keynes1930",
     "Technology would cause 'technological unemployment' for a while, and within a century a working "
     "week of about fifteen hours would be enough.", "prophecy"),
    (2013, "Carl B. Frey and Michael A. Osborne", "The Future of Employment", "frey2013",
     "About half of United States employment is in occupations that computers could take over within a "
     "decade or two.", "quantitative estimate"),
    (2013, "International Federation of Robotics", "Positive Impact of Industrial Robots on Employment", "ifr2013",
     "Industrial robots create more jobs than they destroy: robotics would add millions of jobs worldwide "
     "by 2020.", "counter-argument"),
    (2015, "David H. Autor", "Why Are There Still So Many Jobs?", "autor2015",
     "Automation replaces some tasks but complements others; forecasts that count only the substitution "
     "overstate job losses.", "counter-argument"),
)


def automation_prophecies() -> None:
    """Dated automation forecasts and replies, typed from the works themselves."""
    columns = ["year", "author", "work", "bibkey", "prediction", "claim_kind"]
    table = pd.DataFrame(AUTOMATION_PROPHECIES, columns=columns)
    table.to_csv(DATA / "automation_prophecies.csv", index=False, lineterminator="\n")


FACT_TABLES: dict[str, dict[str, str]] = {
    "automation_forecasts": {
        "Frey, C. B.": "frey2013",
        "Arntz, M.": "arntz2016",
        "Nedelkoska, L.": "nedelkoska2018",
    },
    # Chapter 4: online labour geography, Facebook reach, click farms.
    "online_labour_geography": {
        "Kässi, O. & Lehdonvirta": "kassi2016",
        "OLI worker supplement": "kassi2017",
        "Stephany, F.": "stephany2021",
        "Graham, M. (2013?). A global division": "grahamnd",
    },
    "online_labour_rankings": {
        "World Bank (2021?)": "nayyar2021",
        "Oxford Internet Institute (2013), 'Uneven geographies": "graham2015a",
        "Casilli (seed essay)": "casilli2016plateformisation",
    },
    "online_labour_context": {
        "Graham, M. Mapping the geographies": "graham2015b",
        "Kässi & Lehdonvirta (2016)": "kassi2016",
        "Stephany et al. 2021": "stephany2021",
        "Global earnings disparities": "lehdonvirta2021",
        "World Bank (2023)": "worldbank2023",
        "Kässi, O., Lehdonvirta, V. & Stephany": "kassi2021",
    },
    "facebook_organic_reach": {"Manson, M. (2014)": "manson2014"},
    "click_farms": {
        "Veritasium case": "pando2014",
        "The Guardian (2013)": "arthur2013",
        "De Cristofaro, E.": "decristofaro2014",
    },
}


# -- Value capture: few employees and many users, implicit work, the value of a user's hour ----
# Appended for the pages on capturing the value that comes from use.

VALUE_CAPTURE_FACT_TABLES: dict[str, dict[str, str]] = {
    "platform_firms_fy2016": {"Fortune Global 500": "fortune2017"},
    "facebook_arpu": {
        "Facebook 10-K 2013": "facebook2014",
        "Facebook Q4 2015 earnings slides": "facebook2016",
        "Facebook Q4 2019 earnings release": "facebook2020",
        "Meta Q4 2021 earnings": "meta2022",
    },
    "platform_revenues_recent": {
        "Meta Q4 and full-year 2024 results release": "meta2025a",
        "news reports of Meta's 2024 10-K": "meta2025b",
        "Facebook Q4 and full-year 2019 results release": "facebook2020",
        "Uber 10-K": "uber2025",
    },
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
    "United States": "USA", "Philippines": "PHL", "Brazil": "BRA", "Japan": "JPN", "Kenya": "KEN",
    "South Africa": "ZAF", "Nigeria": "NGA", "Indonesia": "IDN",
}

# Walmart's own description of its scale, 2016 (the only figure of customer visits the book holds).
WALMART_CUSTOMER_VISITS = (
    ("customer visits per week", 260_000_000, "visits (nearly)", "2016",
     "Walmart Inc., corporate website, 'Our Story' page (2016 text)",
     "copies of the page's text in public GitHub repositories (e.g. an example app, file CardModalExample.js)",
     "Today, nearly 260 million customers visit our more than 11,500 stores under 63 banners in 28 countries and "
     "e-commerce sites in 11 countries each week. With fiscal year 2016 revenue of $482.1 billion, Walmart employs "
     "2.3 million associates worldwide", "medium"),
    ("associates (employees) worldwide", 2_300_000, "people", "2016", "same", "same", "same", "medium"),
)


def facebook_users_employees(facts: Path) -> None:
    """Facebook's Q4 monthly active users and year-end headcount: 'same' resolved, bibkeys added."""
    table = pd.read_csv(facts / "facebook_users_employees.csv", dtype=str, keep_default_na=False)
    # "same (a remark)" means the row above's source; the remark goes to a note column.
    remark = table["source_employees"].str.extract(r"^same \((.*)\)$")[0].fillna("")
    for column in ("source_mau", "source_employees"):
        same = table[column].str.startswith("same")
        table[column] = table[column].mask(same).ffill().where(table[column] != "", "")
    table["note"] = remark
    table.insert(table.columns.get_loc("source_mau"), "bibkey_mau", "facebookreleases")
    table.insert(table.columns.get_loc("source_employees"), "bibkey_employees", table["source_employees"].map(lambda s: "facebook10k" if s else ""))
    table.to_csv(DATA / "facebook_users_employees.csv", index=False, lineterminator="\n")


def social_media_time(facts: Path) -> None:
    """The 'social media time' rows of the time-use facts, with ISO3 codes and minutes per day.

    The Statista row (an aggregator, low confidence) is left out; ``value`` and ``unit`` are kept
    as published and ``minutes_per_day`` converts the hours of the survey rows (× 60).
    """
    table = pd.read_csv(facts / "notifications_time_use.csv", dtype=str, keep_default_na=False)
    table = table[(table["topic"] == "social media time") & ~table["source"].str.startswith("Statista")].copy()
    for column in ("source", "seen_at", "excerpt"):
        table[column] = table[column].mask(table[column] == "same").ffill()
    table.insert(table.columns.get_loc("source"), "bibkey", table["source"].map(_bibkey(SOCIAL_MEDIA_TIME_BIBKEYS)))
    table.insert(table.columns.get_loc("country") + 1, "iso3", table["country"].map(SOCIAL_MEDIA_TIME_ISO3).fillna(""))
    hours = table["unit"].str.startswith("hours")
    minutes = pd.to_numeric(table["value"]) * hours.map({True: 60, False: 1})
    table.insert(table.columns.get_loc("unit") + 1, "minutes_per_day", minutes.round(1).map(lambda m: f"{m:g}"))
    table.drop(columns=["topic"]).to_csv(DATA / "social_media_time.csv", index=False, lineterminator="\n")


def hourly_pay_benchmarks(facts: Path) -> None:
    """Hourly pay in US$ to compare with: the US federal minimum wage and microwork earnings."""
    wages = pd.read_csv(facts / "minimum_wages.csv", dtype=str, keep_default_na=False)
    wages = wages[(wages["country_iso3"] == "USA") & (wages["coverage"].str.startswith("all covered"))]
    rows = [{"benchmark": "US federal minimum wage", "value": wages["usd_value"].iloc[0], "unit": "US$ per hour",
             "period": wages["effective"].iloc[0], "bibkey": "flsa2007", "source": wages["source"].iloc[0],
             "seen_at": wages["seen_at"].iloc[0], "excerpt": wages["excerpt"].iloc[0], "confidence": wages["confidence"].iloc[0]}]
    micro = pd.read_csv(facts / "microwork.csv", dtype=str, keep_default_na=False)
    for column in ("source", "seen_at", "excerpt"):
        micro[column] = micro[column].mask(micro[column] == "same").ffill()
    picks = {
        "median hourly earnings of workers": ("Mechanical Turk workers' median hourly earnings", "hara2018"),
        "average hourly pay offered by requesters": ("Mechanical Turk requesters' average hourly pay offered", "hara2018"),
        "average hourly wage on microtask platforms": ("Microtask platforms' average hourly wage (meta-analysis)", "hornuf2022"),
    }
    for quantity, (name, bibkey) in picks.items():
        row = micro[micro["quantity"] == quantity].iloc[0]
        rows.append({"benchmark": name, "value": row["value"], "unit": row["unit"], "period": row["period"], "bibkey": bibkey,
                     "source": row["source"], "seen_at": row["seen_at"], "excerpt": row["excerpt"], "confidence": row["confidence"]})
    pd.DataFrame(rows).to_csv(DATA / "hourly_pay_benchmarks.csv", index=False, lineterminator="\n")


def walmart_customer_visits() -> None:
    """Walmart's stated weekly customer visits and headcount (2016), typed from its own page."""
    columns = ["quantity", "value", "unit", "period", "source", "seen_at", "excerpt", "confidence"]
    table = pd.DataFrame(WALMART_CUSTOMER_VISITS, columns=columns)
    for column in ("source", "seen_at", "excerpt"):
        table[column] = table[column].mask(table[column] == "same").ffill()
    table.insert(table.columns.get_loc("source"), "bibkey", "walmart2016")
    table.to_csv(DATA / "walmart_customer_visits.csv", index=False, lineterminator="\n")


def value_capture(facts: Path) -> None:
    """Every data file of the value-capture pages."""
    for name, bibkeys in VALUE_CAPTURE_FACT_TABLES.items():
        with_sources(facts, name, bibkeys)
    facebook_users_employees(facts)
    social_media_time(facts)
    hourly_pay_benchmarks(facts)
    walmart_customer_visits()


# Chapter 4, market for visibility (added with the market-for-visibility revision).
CLICK_FARM_CHANNELS = {
    # How the likes of each row were obtained (Muller 2014 for the Veritasium case).
    "share of a YouTube channel's Facebook likes from six countries":
        "gained while the page was promoted with Facebook's own paid ads; no click farm was hired (Muller 2014)",
    "price of 1000 likes at a Dhaka click farm": "a click farm selling likes",
    "annual pay of a Dhaka click-farm worker": "a click farm selling likes",
    "honeypot pages used to study like farms": "likes bought both through Facebook ads and from like farms (honeypot study)",
}


def click_farm_channels() -> None:
    """Add the book's `channel` column to click_farms.csv (after with_sources has written it)."""
    table = pd.read_csv(DATA / "click_farms.csv", dtype=str, keep_default_na=False)
    table.insert(table.columns.get_loc("excerpt") + 1, "channel", table["quantity"].map(CLICK_FARM_CHANNELS))
    if table["channel"].isna().any():
        raise SystemExit("click_farms: a row has no channel")
    table.to_csv(DATA / "click_farms.csv", index=False, lineterminator="\n")


ANNOTATION_ROWS = (
    ("Quick, Draw!", "drawings in the released dataset"), ("Quick, Draw!", "categories"),
    ("Quick, Draw!", "doodles drawn by players (all collected)"),
    ("reCAPTCHA", "websites using reCAPTCHA"), ("reCAPTCHA", "words transcribed (cumulative)"),
    ("reCAPTCHA", "word accuracy of transcription"),
    ("CAPTCHA (all)", "CAPTCHAs solved by humans"), ("CAPTCHA (all)", "human time spent solving CAPTCHAs"),
    ("CAPTCHA (all)", "time per CAPTCHA"),
    ("Crowdsource by Google (Open Images Extended)", "images open-sourced from app contributors"),
    ("Crowdsource by Google (Open Images Extended)", "countries of contributors"),
    ("Crowdsource by Google (Open Images Extended)", "share of images from India"),
)
ANNOTATION_BIBKEYS = {
    "Google Creative Lab": "googlecreativelab2017", "Johnson, I. (2017)": "johnson2017", "Ha, D.": "ha2017",
    "von Ahn": "vonahn2008", "reCAPTCHA project website": "recaptchand", "Sarin, S.": "sarinnd",
    "Google, Open Images Extended": "googleoiend",
}
QUICK_DRAW_TIME_ROW = {  # typed for the book from Ha & Eck's description of the game
    "dataset": "Quick, Draw!", "quantity": "time allowed per drawing", "value": "20", "unit": "seconds (less than)",
    "period": "2016-11/2017",
    "source": "Ha, D. & Eck, D. (2017). A Neural Representation of Sketch Drawings. arXiv:1704.03477 (ICLR 2018).",
    "seen_at": "huggingface.co/datasets/google/quickdraw (dataset card, which takes its description of the data from the paper)",
    "excerpt": "an online game where the players are asked to draw objects belonging to a particular object class in less than 20 seconds",
    "confidence": "medium",
}


def dataset_annotation(facts: Path) -> None:
    """The inshoring rows of the annotation fact table (low confidence left out), plus Quick, Draw!'s time limit."""
    table = pd.read_csv(facts / "dataset_annotation.csv", dtype=str, keep_default_na=False)
    for column in ("source", "seen_at", "excerpt"):
        table[column] = table[column].mask(table[column] == "same").ffill()
    table = table[table["confidence"] != "low"]
    rows = pd.concat([table[(table["dataset"] == d) & (table["quantity"] == q)] for d, q in ANNOTATION_ROWS])
    if len(rows) != len(ANNOTATION_ROWS):
        raise SystemExit("dataset_annotation: a selected row is missing or duplicated")
    rows = pd.concat([rows.iloc[:3], pd.DataFrame([QUICK_DRAW_TIME_ROW]), rows.iloc[3:]], ignore_index=True)
    rows.insert(rows.columns.get_loc("source"), "bibkey", rows["source"].map(_bibkey(ANNOTATION_BIBKEYS)))
    rows.to_csv(DATA / "dataset_annotation.csv", index=False, lineterminator="\n")


def market_index_monthly(facts: Path) -> None:
    """NASDAQ Composite and S&P 500 month-end closes (Yahoo Finance), as compiled (unchanged)."""
    table = pd.read_csv(facts / "market_index_monthly.csv", dtype=str, keep_default_na=False)
    table.to_csv(DATA / "market_index_monthly.csv", index=False, lineterminator="\n")


# Published 2014 Facebook CPMs, typed from the Social.com benchmark as cited (period, scope, US$,
# where read, excerpt); source: Salesforce Marketing Cloud (2015), bibkey salesforce2015.
CPM_SOURCE = ("Salesforce Marketing Cloud (2015). Social.com Advertising Benchmark, January 2015 "
              "(ads bought through Social.com, January to September 2014)")
CPM_BENCHMARKS = (
    ("2014-Q1", "Facebook ads, all regions (Social.com advertisers)", "0.46",
     "DMNews, 'Social Ad Spend Tripled Last Year' (2015)", "CPMs that rose from 46 cents in the first quarter to $1.54 in Q3"),
    ("2014-Q3", "Facebook ads, all regions (Social.com advertisers)", "1.54",
     "DMNews, 'Social Ad Spend Tripled Last Year' (2015)", "CPMs that rose from 46 cents in the first quarter to $1.54 in Q3"),
    ("2014-Q2/Q3", "Facebook mobile ads, United States (Social.com advertisers)", "4.50",
     "vdocuments.us (copy of the benchmark's slides)",
     "CPM costs have risen as well ... and have somewhat stabilized in Q2 and Q3, at $4.50"),
)


def facebook_cpm_benchmarks() -> None:
    """Published Facebook CPMs for 2014, typed from the report as cited."""
    table = pd.DataFrame(
        [{"period": p, "scope": s, "cpm_usd": v, "bibkey": "salesforce2015", "source": CPM_SOURCE, "seen_at": w,
          "excerpt": e, "confidence": "medium"} for p, s, v, w, e in CPM_BENCHMARKS])
    table.to_csv(DATA / "facebook_cpm_benchmarks.csv", index=False, lineterminator="\n")


# -- App work, microwork and the labour inside datasets ----------------------------------------
# Appended for the pages on digital labor from Uber to Facebook (drivers' time, microwork pay,
# the size of the crowd, annotation labour); minimum_wages.csv also serves the pages beyond the wage.

MICROWORK_BIBKEYS = {
    "Hara, K.": "hara2018", "Difallah, D.": "difallah2018", "Ipeirotis, P. (2015)": "ipeirotis2015",
    "Le Ludec, C.": "leludec2019", "ILO (2021)": "ilo2021", "Hornuf, L.": "hornuf2022",
    "TechNode (2015)": "alltechasia2016", "China Daily": "chinadaily2013", "Clickworker": "clickworker",
    "Uber Q1 2024": "uber2024",
}
RIDE_HAIL_BIBKEYS = {
    "Cramer, J.": "cramer2016", "Uber UK (2015)": "uberuk2015", "The Times (9 June 2019)": "times2019",
    "Henao, A. & Marshall": "henao2019", "Henao, A., University": "henao2017", "Fehr & Peers": "fehrpeers2019",
    "Parrott, J. A.": "parrott2020", "Hyman, L.": "hyman2020", "NYC Taxi and Limousine": "grabar2018",
    "Schaller, B. Empty Seats": "schaller2017", "Schaller, B. (2018)": "schaller2018", "San Francisco County": "sfcta2017",
}
MINIMUM_WAGE_BIBKEYS = {
    "Fair Minimum Wage Act": "flsa2007", "RTWPB-NCR Wage Order No. NCR-25": "rtwpbncr2024",
    "RTWPB-NCR Wage Order No. NCR-26": "rtwpbncr2025", "Ministry of Labour and Employment, National": "indianflmw2017",
    "Ministry of Labour and Employment, as reported": "indianflmw2015", "Bangladesh Minimum Wage Board": "bangladeshmwb2023",
    "Government of Pakistan": "pakistan2024", "Regulation of Wages (General)": "kenya2024general",
    "Presidential Labour Day": "kenya2024labourday", "Regulation of Wages (Agricultural": "kenya2024agricultural",
    "National Minimum Wage (Amendment) Act": "nigeria2024", "UK Government": "ukminimumwage2024",
    "Décret n° 2024-951": "smic2024nov", "Décret revalorisant": "smic2024jan",
}
IMAGENET_BIBKEYS = {
    "Deng, J.": "deng2009", "ImageNet project site": "imagenet2013", "Fei-Fei Li (2015)": "li2015",
    "Wikipedia article 'ImageNet'": "wikipediaimagenet", "Wikipedia article 'ImageNet Large": "wikipediailsvrc",
    "Imitation Game exhibition": "imitationgame2023", "Russakovsky, O.": "russakovsky2015",
}
# Official exchange rates, local currency units per US$, period average (World Bank WDI indicator
# PA.NUS.FCRF), typed from the open-numbers packaging of the WDI
# (github.com/open-numbers/ddf--open_numbers--world_development_indicators, commit
# 01a34e8b54d76160a61b0325d74254e22db06b93, datapoints/ddf--datapoints--pa_nus_fcrf--by--geo--time.csv),
# for the year of the minimum wages in force, for the currencies of minimum_wages.csv.
EXCHANGE_RATES_2024 = (
    ("USA", "USD", 1.0), ("PHL", "PHP", 57.29066), ("IND", "INR", 83.66928), ("BGD", "BDT", 115.60365),
    ("PAK", "PKR", 278.58072), ("KEN", "KES", 134.82248), ("NGA", "NGN", 1478.9652), ("GBR", "GBP", 0.78241),
    ("FRA", "EUR", 0.92389),
)


def _resolve_same(table: pd.DataFrame, columns: tuple[str, ...] = ("source", "seen_at", "excerpt")) -> pd.DataFrame:
    """'same' (also 'same as …' and '… (as above)') means the row above's value; 'same; more' the
    row above's value followed by '; more'. Columns the table lacks are left alone."""
    for column in (c for c in columns if c in table):
        values: list[str] = []
        for value in table[column]:
            if value.startswith("same; "):
                value = f"{values[-1]}; {value.removeprefix('same; ')}"
            elif re.match(r"^same\b", value) or value.endswith("(as above)"):
                value = values[-1]
            values.append(value)
        table[column] = values
    return table


def _published_range(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Low and high bounds of published values such as '47' or '30-50'."""
    parts = values.str.split("-", n=1, expand=True)
    low = parts[0]
    high = parts[1].fillna(parts[0]) if parts.shape[1] > 1 else parts[0]
    return low, high


def microwork(facts: Path) -> None:
    """Published figures on microwork (MTurk earnings and workers, France, ILO, platform sizes)."""
    table = _resolve_same(pd.read_csv(facts / "microwork.csv", dtype=str, keep_default_na=False))
    table.insert(table.columns.get_loc("source"), "bibkey", table["source"].map(_bibkey(MICROWORK_BIBKEYS)))
    table.to_csv(DATA / "microwork.csv", index=False, lineterminator="\n")


def _with_range_bounds(table: pd.DataFrame) -> pd.DataFrame:
    """The table with `low` and `high` columns after `value`: a published range split in two."""
    low, high = _published_range(table["value"])
    table.insert(table.columns.get_loc("value") + 1, "low", low)
    table.insert(table.columns.get_loc("value") + 2, "high", high)
    return table


def ride_hail_utilisation(facts: Path) -> None:
    """Drivers' time or miles with a passenger and in the other phases, by study and city; a
    published range ('30-50') is split into low and high bounds next to the published text."""
    table = _resolve_same(pd.read_csv(facts / "ride_hail_utilisation.csv", dtype=str, keep_default_na=False))
    table["service"] = table["service"].mask(table["service"] == "same").ffill()
    table = _with_range_bounds(table)
    table.insert(table.columns.get_loc("source"), "bibkey", table["source"].map(_bibkey(RIDE_HAIL_BIBKEYS)))
    table.to_csv(DATA / "ride_hail_utilisation.csv", index=False, lineterminator="\n")


def minimum_wages(facts: Path) -> None:
    """Statutory minimum wages as published, in local currency (nine countries), with bibkeys."""
    table = _resolve_same(pd.read_csv(facts / "minimum_wages.csv", dtype=str, keep_default_na=False))
    table.insert(table.columns.get_loc("source"), "bibkey", table["source"].map(_bibkey(MINIMUM_WAGE_BIBKEYS)))
    table.to_csv(DATA / "minimum_wages.csv", index=False, lineterminator="\n")


def exchange_rates() -> None:
    """The World Bank's official exchange rates for 2024 (LCU per US$), typed from the WDI as packaged."""
    table = pd.DataFrame(
        [{"iso3": iso3, "currency": currency, "year": 2024, "lcu_per_usd": repr(rate), "bibkey": "worldbankfx",
          "indicator": "PA.NUS.FCRF (official exchange rate, LCU per US$, period average)"}
         for iso3, currency, rate in EXCHANGE_RATES_2024])
    table.to_csv(DATA / "exchange_rates.csv", index=False, lineterminator="\n")


def imagenet_annotation(facts: Path) -> None:
    """The ImageNet and ILSVRC rows of the annotation fact table, every confidence kept; a
    published range ('500-1000') is split into low and high bounds."""
    table = _resolve_same(pd.read_csv(facts / "dataset_annotation.csv", dtype=str, keep_default_na=False))
    table = table[table["dataset"].str.startswith(("ImageNet", "ILSVRC")) & ~table["quantity"].str.startswith("test images")].copy()
    table = _with_range_bounds(table)
    table.insert(table.columns.get_loc("source"), "bibkey", table["source"].map(_bibkey(IMAGENET_BIBKEYS)))
    table.to_csv(DATA / "imagenet_annotation.csv", index=False, lineterminator="\n")


def app_work_and_microwork(facts: Path) -> None:
    """Every data file of the pages on app work, microwork and annotation labour."""
    microwork(facts)
    ride_hail_utilisation(facts)
    minimum_wages(facts)
    exchange_rates()
    imagenet_annotation(facts)


# -- Beyond the wage: paying for participation, platform taxes, a digital basic income --------
# Appended for the pages on going beyond the wage. Sources are matched exactly (after 'same' is
# resolved), so that a new source in a fact table stops the script instead of borrowing a key.

DIGITAL_SERVICES_TAX_BIBKEYS = {
    "French law of 24 July 2019 (taxe sur les services numériques)": "loi2019tsn",
    "Finance Act 2020": "ukfinanceact2020",
    "Italian budget law 2019/2020": "italybudget2019",
    "Spanish law 4/2020": "spainlaw2020",
    "Tax Foundation summary": "taxfoundationdst",
    "Finance Act 2016 (India)": "indiafinanceact2016",
    "Finance Act 2020 (India)": "indiafinanceact2020",
}
PAY_FOR_DATA_BIBKEYS = {
    "Tsu launch announcement (21 Oct 2014), founder Sebastian Sobczak, as reported by Re/code": "recode2014",
    "Tsu launch, as reported by New York Business Journal (TechFlash)": "bizjournals2014",
    "Tsu terms as described by a tech blog (secondary)": "technologyfacts2014",
    "Telefónica chairman José María Álvarez-Pallete, Santander, 5 Sept 2016; AFP report": "thelocal2016",
    "Chema Alonso (Telefónica Chief Data Officer), interview in European Communications (Nov 2016)": "alonso2016",
    "Economía Digital (2016) report on Álvarez-Pallete's proposal": "economiadigital2016",
    "Staiano, J., Oliver, N., Lepri, B., de Oliveira, R., Caraviello, M. & Sebe, N. (2014). Money Walks: A "
    "Human-Centric Study on the Economics of Personal Mobile Data. arXiv:1407.0566.": "staiano2014",
    "Vocativ (2014) report on Staiano et al.": "vocativ2014",
    "Microsoft Rewards UK launch (June 2017), as reported by E&T (IET)": "eandt2017",
    "Microsoft Rewards UK launch, as reported by Gizbot": "gizbot2017",
    "YouTube Heroes announcement (Sept 2016), as reported by Indian Express and ghacks": "indianexpress2016",
    "YouTube, as reported by Digital Trends": "digitaltrends2016",
}
NOTIFICATION_BIBKEYS = {
    "Pielot, M., Church, K. & de Oliveira, R. (2014). An In-Situ Study of Mobile Phone Notifications. MobileHCI 2014.": "pielot2014",
    "Pielot, M., Vradi, A. & Park, S. (2018). Dismissed! A Detailed Exploration of How Mobile Phone Users Handle "
    "Push Notifications. MobileHCI 2018.": "pielot2018",
}
PLATFORM_FIRM_BIBKEYS = {  # by company, then by the start of the source where a company has two
    "Alphabet": "alphabet2025", "Amazon": "amazon2025", "Apple": "apple2024", "Meta Platforms": "meta2025a",
    "Alibaba Group": "alibaba2024", "Tencent": "tencent2025", "Baidu": "baidu2025",
    ("Microsoft", "Microsoft Corporation, Form 10-K"): "microsoft2025",
    ("Microsoft", "Microsoft FY2024 Q4 earnings release"): "microsoft2024",
    ("ByteDance", "The Information (2025)"): "theinformation2025",
    ("ByteDance", "The Information (Nov 2024)"): "theinformation2024",
}


def _exact_bibkey(bibkeys: dict[str, str], name: str):
    def lookup(source: str) -> str:
        if source not in bibkeys:
            raise SystemExit(f"{name}: no bibkey for source {source!r}")
        return bibkeys[source]

    return lookup


def digital_services_taxes(facts: Path) -> None:
    """Digital services taxes and levies in force (rates, bases, thresholds, expected yields), with bibkeys."""
    table = pd.read_csv(facts / "digital_services_taxes.csv", dtype=str, keep_default_na=False)
    table.insert(table.columns.get_loc("source"), "bibkey", table["source"].map(_exact_bibkey(DIGITAL_SERVICES_TAX_BIBKEYS, "digital_services_taxes")))
    table.to_csv(DATA / "digital_services_taxes.csv", index=False, lineterminator="\n")


def pay_for_data_schemes(facts: Path) -> None:
    """What the participation-pay schemes the essay cites paid or promised: 'same' resolved, bibkeys added."""
    table = pd.read_csv(facts / "pay_for_data_schemes.csv", dtype=str, keep_default_na=False)
    # "same as Re/code row" and "vox.com (as above)" point to the Re/code row, not to the row above.
    pointer = table["source"] == "same as Re/code row"
    recode = table.index[table["source"].str.contains("as reported by Re/code")][0]
    table.loc[pointer, ["source", "seen_at"]] = table.loc[recode, ["source", "seen_at"]].tolist()
    table = _resolve_same(table, ("operator", "country", "source", "seen_at", "excerpt"))
    table.insert(table.columns.get_loc("source"), "bibkey", table["source"].map(_exact_bibkey(PAY_FOR_DATA_BIBKEYS, "pay_for_data_schemes")))
    table.to_csv(DATA / "pay_for_data_schemes.csv", index=False, lineterminator="\n")


def phone_notifications(facts: Path) -> None:
    """The notification rows of the time-use facts (the social-media rows are in social_media_time.csv)."""
    table = pd.read_csv(facts / "notifications_time_use.csv", dtype=str, keep_default_na=False)
    table = _resolve_same(table[table["topic"] == "notifications"].copy(), ("source", "seen_at", "excerpt"))
    table.insert(table.columns.get_loc("source"), "bibkey", table["source"].map(_exact_bibkey(NOTIFICATION_BIBKEYS, "phone_notifications")))
    table.drop(columns=["topic"]).to_csv(DATA / "phone_notifications.csv", index=False, lineterminator="\n")


def platform_firms_recent(facts: Path) -> None:
    """FY2024 revenue, income, segments and regions of the largest platform firms, with bibkeys."""
    table = pd.read_csv(facts / "platform_firms_recent.csv", dtype=str, keep_default_na=False)
    table = _resolve_same(table, ("source", "seen_at", "excerpt"))

    def key(company: str, source: str) -> str:
        matches = [k for c, k in PLATFORM_FIRM_BIBKEYS.items()
                   if c == company or (isinstance(c, tuple) and c[0] == company and source.startswith(c[1]))]
        if len(matches) != 1:
            raise SystemExit(f"platform_firms_recent: no unique bibkey for {company!r}, {source!r}")
        return matches[0]

    table.insert(table.columns.get_loc("source"), "bibkey", [key(c, s) for c, s in zip(table["company"], table["source"])])
    table.to_csv(DATA / "platform_firms_recent.csv", index=False, lineterminator="\n")


def beyond_the_wage(facts: Path) -> None:
    """Every data file of the pages on going beyond the wage."""
    digital_services_taxes(facts)
    pay_for_data_schemes(facts)
    phone_notifications(facts)
    platform_firms_recent(facts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--facts", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "facts")
    args = parser.parse_args()
    world()
    countries(args.facts)
    for name, bibkeys in FACT_TABLES.items():
        with_sources(args.facts, name, bibkeys)
    facebook_share_price(args.facts)
    automation_prophecies()
    click_farm_channels()
    dataset_annotation(args.facts)
    market_index_monthly(args.facts)
    facebook_cpm_benchmarks()
    value_capture(args.facts)
    beyond_the_wage(args.facts)
    app_work_and_microwork(args.facts)


if __name__ == "__main__":
    main()
