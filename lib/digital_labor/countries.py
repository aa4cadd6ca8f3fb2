"""Countries: names to ISO codes, and the contested line between Global North and South."""

from __future__ import annotations

from typing import Literal

import pandas as pd
import pycountry

from .data import NON_ISO_COUNTRY_CODES, DataError, load

__all__ = [
    "AGREEMENT_CLASSES",
    "NORTH_SOUTH_DEFINITIONS",
    "NAME_EXCEPTIONS",
    "compare_definitions",
    "gdp_per_person",
    "north_south",
    "population_share",
    "to_iso3",
]

# Names that sources use but ISO 3166 (as packaged by pycountry) does not list, each checked by hand.
NAME_EXCEPTIONS: dict[str, str] = {
    "Britain": "GBR",
    "UK": "GBR",
    "Russia": "RUS",
    "Ivory Coast": "CIV",
    "Turkey": "TUR",
    "Macedonia": "MKD",
    "Democratic Republic of the Congo": "COD",
    "Swaziland": "SWZ",
    "Cape Verde": "CPV",
    "Palestine": "PSE",
    "Micronesia": "FSM",
    "Kosovo": "XKX",
}

NorthSouth = Literal["un_developed", "wb_high_income"]
NORTH_SOUTH_DEFINITIONS: dict[str, str] = {
    "un_developed": (
        "UN M49 'developed regions' (Europe, Northern America, Australia, New Zealand, Japan, "
        "Israel…) against 'developing' ones: a label the UN Statistics Division dropped in 2021, "
        "kept here as a historical convention."
    ),
    "wb_high_income": (
        "World Bank high-income economies (FY2026, gross national income per person above about "
        "US$13,900) against all others; it moves the Gulf states, Chile, Uruguay, Panama and some "
        "Caribbean islands to the North and some Eastern European countries to the South."
    ),
}


def to_iso3(name: str) -> str:
    """ISO 3166-1 alpha-3 code of a country given by name, official name or code.

    Looks in the documented exceptions, then ISO 3166 (pycountry), then the UN M49 names of the
    book's country table.
    Raises :class:`DataError` naming the country when it cannot be resolved.
    """
    cleaned = " ".join(str(name).split())
    if cleaned in NAME_EXCEPTIONS:
        return NAME_EXCEPTIONS[cleaned]
    if cleaned.upper() in NON_ISO_COUNTRY_CODES:
        return cleaned.upper()
    try:
        return pycountry.countries.lookup(cleaned).alpha_3
    except LookupError:
        pass
    countries = load("countries")
    m49_names = dict(zip(countries["name"], countries["iso3"]))
    if cleaned in m49_names:
        return m49_names[cleaned]
    raise DataError(
        f"Country name '{name}' does not match any ISO 3166 country or a documented exception (digital_labor.countries.NAME_EXCEPTIONS)."
    )


def north_south(definition: NorthSouth = "un_developed", countries: pd.DataFrame | None = None) -> pd.Series:
    """'North' or 'South' for every country (indexed by ISO3), under a named definition.

    ``un_developed``: the UN's historical developed/developing label; ``wb_high_income``: World
    Bank high income versus the rest (countries the World Bank does not classify are left out:
    the result is missing for them, never guessed). See :data:`NORTH_SOUTH_DEFINITIONS`.
    """
    if definition not in NORTH_SOUTH_DEFINITIONS:
        known = ", ".join(NORTH_SOUTH_DEFINITIONS)
        raise ValueError(f"Unknown North/South definition '{definition}'; use one of: {known}.")
    table = (countries if countries is not None else load("countries")).set_index("iso3")
    if definition == "un_developed":
        north = table["un_developed"] == "Developed"
        labels = north.map({True: "North", False: "South"})
    else:
        income = table["wb_income_group"]
        labels = income.map(lambda group: "North" if group == "High income" else "South")
        labels = labels.where(income.notna())
    return labels.rename(f"north_south_{definition}").astype("str")


AGREEMENT_CLASSES = ["North under both", "South under both", "North for the World Bank only", "North for the UN only"]


def compare_definitions(countries: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every country under both North/South definitions, with the class of their (dis)agreement.

    Countries the World Bank does not classify get no class (missing), not a guess.
    """
    table = countries if countries is not None else load("countries")
    un = north_south("un_developed", table)
    wb = north_south("wb_high_income", table)
    frame = table.set_index("iso3")[["name", "population"]].assign(un_developed=un, wb_high_income=wb)
    classes = {
        ("North", "North"): AGREEMENT_CLASSES[0],
        ("South", "South"): AGREEMENT_CLASSES[1],
        ("South", "North"): AGREEMENT_CLASSES[2],
        ("North", "South"): AGREEMENT_CLASSES[3],
    }
    pairs = zip(frame["un_developed"], frame["wb_high_income"])
    frame["agreement"] = [classes.get(pair) for pair in pairs]
    return frame.reset_index()


def population_share(definition: NorthSouth, side: str = "South", countries: pd.DataFrame | None = None) -> float:
    """Share (%) of the population of the classified countries that lives on ``side``."""
    table = countries if countries is not None else load("countries")
    labels = north_south(definition, table)
    population = table.set_index("iso3")["population"].astype("float64")
    classified = labels.notna()
    return float(population[classified & (labels == side)].sum() / population[classified].sum() * 100)


def gdp_per_person(measure: Literal["ppp", "usd"] = "ppp", countries: pd.DataFrame | None = None) -> pd.DataFrame:
    """GDP per person by country (PPP international $ or current US$), with the year of the GDP figure.

    Population is for 2024 and GDP for its own latest year (see the country table's notes), so
    the ratio mixes years for some countries; countries without a GDP figure are left out.
    """
    if measure not in ("ppp", "usd"):
        raise ValueError("measure must be 'ppp' or 'usd'.")
    table = countries if countries is not None else load("countries")
    gdp, year = ("gdp_ppp_usd", "gdp_ppp_year") if measure == "ppp" else ("gdp_usd", "gdp_usd_year")
    frame = table[["iso3", "name", gdp, year, "population"]].dropna(subset=[gdp])
    per_person = frame[gdp] / frame["population"].astype("float64")
    return (
        frame.assign(gdp_per_person=per_person)[["iso3", "name", "gdp_per_person", year]]
        .rename(columns={year: "gdp_year"})
        .reset_index(drop=True)
    )
