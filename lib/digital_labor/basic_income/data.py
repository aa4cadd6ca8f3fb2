"""Countries, tax bases and the dated digital services taxes, as the basic-income model needs them.

Data: the country table (population, GDP at market prices and at purchasing-power parity),
Facebook's average revenue per user by region (``facebook_arpu``, read through
:mod:`digital_labor.attention_value`), the fiscal-2024 accounts of the largest platform firms
(``platform_firms_recent``), Facebook's monthly users by region (``facebook_users_regions``) and the
digital services taxes in force at some time in 2016-2024 (``digital_services_taxes``), each with its
status at a stated date (``digital_services_taxes_status``).
"""

from __future__ import annotations

import pandas as pd

from ..countries import north_south
from ..data import load

__all__ = [
    "BASES",
    "DEFAULT_BASE",
    "FACEBOOK_REGIONS",
    "digital_services_taxes",
    "enacted_rates",
    "facebook_region",
    "facebook_users",
    "firm_accounts",
    "model_countries",
    "rates_in_force",
    "tax_bases",
]

FACEBOOK_REGIONS = ["US & Canada", "Europe", "Asia-Pacific", "Rest of World"]
# Facebook's reporting regions, from its 10-K: Europe includes Russia and Turkey; Rest of World is
# Africa, Latin America and the Middle East. Countries are placed by their UN region, with these
# exceptions (Turkey by Facebook's note; Cyprus as a member of the European Union and Greenland as
# part of the Danish realm, which are the book's choices).
_FACEBOOK_REGION_EXCEPTIONS = {"USA": "US & Canada", "CAN": "US & Canada", "TUR": "Europe", "CYP": "Europe", "GRL": "Europe"}

# Tax bases (US$ million, fiscal 2024): which revenue lines of platform_firms_recent each one adds.
BASES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "meta": ("Meta", [("Meta Platforms", "world")]),
    "google_meta": ("Google Services + Meta", [("Alphabet", "Google Services segment"), ("Meta Platforms", "world")]),
    "advertising": (
        "Google Services + Meta + Amazon ads",
        [("Alphabet", "Google Services segment"), ("Meta Platforms", "world"), ("Amazon", "advertising services")],
    ),
    "gafam": (
        "All revenue of the five GAFAM",
        [("Alphabet", "world"), ("Amazon", "world"), ("Apple", "world"), ("Meta Platforms", "world"), ("Microsoft", "world")],
    ),
}


def facebook_region(countries: pd.DataFrame) -> pd.Series:
    """Facebook's reporting region of every country (indexed by ISO3): UN region, then the exceptions."""
    table = countries.set_index("iso3")
    by_un = table["un_region"].map(
        {"Europe": "Europe", "Asia": "Asia-Pacific", "Oceania": "Asia-Pacific", "Africa": "Rest of World", "Americas": "Rest of World"}
    )
    by_un = by_un.where(table["un_subregion"] != "Western Asia", "Rest of World")
    regions = by_un.copy()
    for code, region in _FACEBOOK_REGION_EXCEPTIONS.items():
        if code in regions.index:
            regions[code] = region
    if regions.isna().any():
        raise ValueError(f"No Facebook region for {sorted(regions[regions.isna()].index)}.")
    return regions.rename("facebook_region")


def model_countries(countries: pd.DataFrame | None = None) -> pd.DataFrame:
    """The countries the model covers: those with a population and both GDP figures.

    Columns: ``iso3``, ``name``, ``population``, ``gdp_usd``, ``gdp_ppp_usd``, ``gdp_pc_usd``,
    ``gdp_pc_ppp``, ``price_level`` (GDP at market prices over GDP at PPP, scaled so that the United
    States is 1, as the international dollar requires), ``facebook_region``, ``un_developed`` and
    ``wb_high_income`` ('North'/'South'; the World Bank's is missing where it classifies no
    income group) and ``income_group``. The countries left out are listed in ``attrs["left_out"]``.
    """
    table = load("countries") if countries is None else countries
    kept = table.dropna(subset=["population", "gdp_usd", "gdp_ppp_usd"])
    kept = kept[kept["population"] > 0]
    frame = kept[["iso3", "name", "population", "gdp_usd", "gdp_ppp_usd"]].copy()
    frame["population"] = frame["population"].astype("float64")
    frame["gdp_pc_usd"] = frame["gdp_usd"] / frame["population"]
    frame["gdp_pc_ppp"] = frame["gdp_ppp_usd"] / frame["population"]
    ratio = frame["gdp_usd"] / frame["gdp_ppp_usd"]
    if "USA" not in set(frame["iso3"]):
        raise ValueError("The price level is scaled to the United States, which is missing from the table.")
    frame["price_level"] = ratio / float(ratio[frame["iso3"] == "USA"].iloc[0])
    frame["facebook_region"] = facebook_region(kept).reindex(frame["iso3"]).to_numpy()
    for definition in ("un_developed", "wb_high_income"):
        labels = north_south(definition, kept).reindex(frame["iso3"])
        frame[definition] = labels.where(labels.isin(["North", "South"])).to_numpy()
    frame["income_group"] = kept["wb_income_group"].to_numpy()
    frame = frame.sort_values("iso3", ignore_index=True)
    frame.attrs["left_out"] = sorted(set(table["name"]) - set(frame["name"]))
    return frame


def firm_accounts() -> pd.DataFrame:
    """Revenue and net income (US$ million, fiscal 2024) of each firm, from its worldwide rows.

    Chinese firms are given in the company's own dollar translation where it publishes one; a
    firm's net income is its reported bottom line (Tencent's is profit attributable to equity
    holders, in renminbi only, so it is left out).
    """
    table = load("platform_firms_recent")
    world = table[(table["region"] == "world") & table["unit"].str.startswith("US$ million")]
    revenue = world[world["quantity"].str.startswith("revenue") & ~world["quantity"].str.contains("first half")]
    income = world[world["quantity"].str.startswith("net income")]
    frame = revenue.groupby("company", sort=False).agg(revenue_musd=("value", "first"), confidence=("confidence", "first"))
    frame["net_income_musd"] = income.groupby("company")["value"].first()
    return frame.reset_index()


def tax_bases() -> pd.DataFrame:
    """The model's tax bases (:data:`BASES`): name, label, revenue (US$ million, fiscal 2024) and the lines they add."""
    table = load("platform_firms_recent")
    rows = []
    for name, (label, lines) in BASES.items():
        total, parts = 0.0, []
        for company, region in lines:
            match = table[
                (table["company"] == company)
                & (table["region"] == region)
                & table["quantity"].str.startswith("revenue")
                & (table["unit"] == "US$ million")
            ]
            if len(match) != 1:
                raise KeyError(f"Base '{name}': {len(match)} revenue rows for {company}, {region}.")
            total += float(match["value"].iloc[0])
            parts.append(f"{company} ({region})" if region != "world" else company)
        rows.append({"base": name, "label": label, "revenue_musd": total, "lines": "; ".join(parts)})
    return pd.DataFrame(rows)


def facebook_users(period: str) -> pd.Series:
    """Facebook's monthly active users (millions, end of ``period``) in each of :data:`FACEBOOK_REGIONS`."""
    table = load("facebook_users_regions")
    users = table[table["period"] == period].set_index("region")["mau_millions"].astype(float)
    missing = [region for region in FACEBOOK_REGIONS if region not in users.index]
    if missing:
        raise KeyError(f"facebook_users_regions: no monthly users for {missing} in {period}.")
    return users.reindex(FACEBOOK_REGIONS)


def digital_services_taxes() -> pd.DataFrame:
    """Digital services taxes in force at some time in 2016-2024: country, tax, the rate they were
    enacted with (``rate_pct``), base, start, expected yield, bibkey, and their status at a stated
    date (``as_of``, ``rate_as_of_pct``: 0 where suspended or abolished, ``status``, ``status_bibkey``)."""
    table = load("digital_services_taxes")
    columns = ["country_iso3", "country", "tax", "rate_pct", "base", "start", "expected_yield", "bibkey", "confidence"]
    status = load("digital_services_taxes_status").rename(columns={"bibkey": "status_bibkey", "confidence": "status_confidence"})
    frame = table[columns].merge(status.drop(columns="seen_at"), on=["country_iso3", "tax"], how="left", validate="one_to_one")
    unmatched = frame.loc[frame["as_of"].isna(), "tax"].tolist()
    if unmatched:
        raise ValueError(f"digital_services_taxes_status: no row for {unmatched} (key: country_iso3, tax).")
    return frame


DEFAULT_BASE = "advertising"  # Google Services, Meta and Amazon's advertising: revenue drawn from users' activity


def enacted_rates() -> tuple[float, float]:
    """The median and the highest rate (as shares of revenue) that the digital services taxes in the
    data were enacted with (each in force at some time since 2016, as dated in the data): the page's two scenarios."""
    rates = digital_services_taxes()["rate_pct"]
    return float(rates.median()) / 100, float(rates.max()) / 100


def rates_in_force() -> tuple[float, float, str]:
    """The median and the highest rate (shares of revenue) of the taxes still levied at their
    ``as_of`` dates (suspended and abolished ones left out), and the latest of those dates."""
    taxes = digital_services_taxes()
    levied = taxes.loc[taxes["rate_as_of_pct"] > 0, "rate_as_of_pct"]
    return float(levied.median()) / 100, float(levied.max()) / 100, str(taxes["as_of"].max())
