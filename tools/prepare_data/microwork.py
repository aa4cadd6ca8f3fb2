"""The files of :mod:`digital_labor.microwork`: the published figures on microwork (``microwork``:
Mechanical Turk earnings and workers, France, the ILO, platform sizes), registered and active online
workers (``online_labour_context``), statutory minimum wages in local currency (``minimum_wages``,
nine countries; they also serve the pages beyond the wage), from the fact tables with their
sources' bibkeys; and the World Bank's official exchange rates for 2024 (``exchange_rates``).

The exchange rates (local currency units per US$, period average, World Bank WDI indicator
PA.NUS.FCRF) are typed into ``tables/exchange_rates_2024.csv`` from the open-numbers packaging of
the WDI (github.com/open-numbers/ddf--open_numbers--world_development_indicators, commit
01a34e8b54d76160a61b0325d74254e22db06b93,
datapoints/ddf--datapoints--pa_nus_fcrf--by--geo--time.csv), for the year of the minimum wages in
force and the currencies of ``minimum_wages``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import insert_bibkey, prefix_bibkey, read_fact_table, read_typed_table, resolve_same, with_sources, write

MICROWORK_BIBKEYS = {
    "Hara, K.": "hara2018",
    "Difallah, D.": "difallah2018",
    "Ipeirotis, P. (2015)": "ipeirotis2015",
    "Le Ludec, C.": "leludec2019",
    "ILO (2021)": "ilo2021",
    "Hornuf, L.": "hornuf2022",
    "TechNode (2015)": "alltechasia2016",
    "China Daily": "chinadaily2013",
    "Clickworker": "clickworker",
    "Uber Q1 2024": "uber2024",
}
CONTEXT_BIBKEYS = {
    "Graham, M. Mapping the geographies": "graham2015b",
    "Kässi & Lehdonvirta (2016)": "kassi2016",
    "Stephany et al. 2021": "stephany2021",
    "Global earnings disparities": "lehdonvirta2021",
    "World Bank (2023)": "worldbank2023",
    "Kässi, O., Lehdonvirta, V. & Stephany": "kassi2021",
}
MINIMUM_WAGE_BIBKEYS = {
    "Fair Minimum Wage Act": "flsa2007",
    "RTWPB-NCR Wage Order No. NCR-25": "rtwpbncr2024",
    "RTWPB-NCR Wage Order No. NCR-26": "rtwpbncr2025",
    "Ministry of Labour and Employment, National": "indianflmw2017",
    "Ministry of Labour and Employment, as reported": "indianflmw2015",
    "Bangladesh Minimum Wage Board": "bangladeshmwb2023",
    "Government of Pakistan": "pakistan2024",
    "Regulation of Wages (General)": "kenya2024general",
    "Presidential Labour Day": "kenya2024labourday",
    "Regulation of Wages (Agricultural": "kenya2024agricultural",
    "National Minimum Wage (Amendment) Act": "nigeria2024",
    "UK Government": "ukminimumwage2024",
    "Décret n° 2024-951": "smic2024nov",
    "Décret revalorisant": "smic2024jan",
}
EXCHANGE_RATE_YEAR = 2024
EXCHANGE_RATE_INDICATOR = "PA.NUS.FCRF (official exchange rate, LCU per US$, period average)"


def sourced(facts: Path, name: str, bibkeys: dict[str, str]) -> pd.DataFrame:
    """A fact table with 'same' resolved (every form of it) and bibkeys added."""
    table = resolve_same(read_fact_table(facts, name))
    return insert_bibkey(table, table["source"].map(prefix_bibkey(bibkeys)))


def exchange_rates() -> pd.DataFrame:
    """The World Bank's official exchange rates (LCU per US$) for 2024, and for 2015-2017 (the years
    Mechanical Turk's pay was measured) in the currencies of its workers, typed from the WDI as packaged."""
    current = read_typed_table("exchange_rates_2024")
    current.insert(current.columns.get_loc("currency") + 1, "year", str(EXCHANGE_RATE_YEAR))
    table = pd.concat([current, read_typed_table("exchange_rates_2015_2017")], ignore_index=True)
    table["bibkey"] = "worldbankfx"
    table["indicator"] = EXCHANGE_RATE_INDICATOR
    return table


def prepare(facts: Path, out: Path) -> None:
    microwork = pd.concat([sourced(facts, "microwork", MICROWORK_BIBKEYS), read_typed_table("platform_claims")], ignore_index=True)
    write(microwork, out, "microwork")
    write(with_sources(facts, "online_labour_context", CONTEXT_BIBKEYS), out, "online_labour_context")
    write(sourced(facts, "minimum_wages", MINIMUM_WAGE_BIBKEYS), out, "minimum_wages")
    write(exchange_rates(), out, "exchange_rates")
