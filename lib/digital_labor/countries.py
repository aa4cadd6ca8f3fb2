"""Countries: names to ISO codes, and the contested line between Global North and South."""

from __future__ import annotations

from typing import Literal

import pandas as pd
import pycountry

from .data import NON_ISO_COUNTRY_CODES, DataError, load

__all__ = ["NORTH_SOUTH_DEFINITIONS", "NAME_EXCEPTIONS", "north_south", "to_iso3"]

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
            f"Country name '{name}' does not match any ISO 3166 country or a documented exception "
            "(digital_labor.countries.NAME_EXCEPTIONS)."
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
