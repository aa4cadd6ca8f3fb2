"""Microwork in data: earnings and workforces of microtask platforms, minimum wages in US$.

Data: ``microwork`` (Mechanical Turk earnings and workers, France's microworkers, the ILO, the
sizes platforms give), ``online_labour_context`` (registered and active online workers, the
World Bank's range), ``minimum_wages`` (statutory minimum wages in local currency) and
``exchange_rates`` (the World Bank's rates for 2024, and for 2015-2017 in the currencies of
Mechanical Turk's workers). :func:`wage_usd_per_hour` is the book's one conversion of a wage in
local currency per hour, day or month into US$ an hour; :func:`minimum_wages_usd` applies it to
every minimum wage, and :func:`minimum_wages_at_measurement` to those of Mechanical Turk's workers
in the years their pay was measured.
"""

from __future__ import annotations

import pandas as pd

from ..data import load
from ..params import require

__all__ = [
    "ESSAY_PLATFORM_SIZES",
    "HOURS_PER_DAY",
    "MEASUREMENT_WAGES",
    "MEASUREMENT_YEARS",
    "WEEKLY_HOURS",
    "WEEKLY_HOURS_RANGE",
    "context_figure",
    "crowd_sizes",
    "current_minimum_wages",
    "exchange_rate",
    "microwork_figure",
    "minimum_wages_at_measurement",
    "minimum_wages_usd",
    "wage_usd_per_hour",
]

# The sizes the essay gives (Casilli 2016, section 3), in people: what the essay states, not data.
ESSAY_PLATFORM_SIZES = {"Zhubajie": 15_000_000, "Upwork": 12_000_000, "mCent": 30_000_000}

ESSAY_SIZE_LABELS = {"Zhubajie": "users", "Upwork": "registered users", "mCent": "people doing its tasks"}

HOURS_PER_DAY = 8.0  # an assumption: a daily minimum wage is paid for an eight-hour day
WEEKLY_HOURS = 48.0  # an assumption: a monthly minimum wage is paid for 48 hours a week (six days of eight)
WEEKLY_HOURS_RANGE = (40.0, 52.0)  # the assumption's range: a five-day week to a six-day week of long days
WEEKS_PER_MONTH = 52 / 12


def _microwork_figures() -> pd.DataFrame:
    """The published microwork figures (``microwork``), each with its source and confidence."""
    return load("microwork")


def microwork_figure(quantity: str, topic: str | None = None) -> float:
    """One figure of ``microwork`` by its quantity (and topic); raises KeyError if it is missing."""
    table = _microwork_figures()
    rows = table[(table["quantity"] == quantity) & ((table["topic"] == topic) if topic else True)]
    if rows.empty:
        raise KeyError(f"No figure '{quantity}' in the microwork data.")
    return float(rows["value"].iloc[0])


def context_figure(quantity: str) -> float:
    """One figure of ``online_labour_context`` (profiles, active workers, the World Bank's range)."""
    table = load("online_labour_context").set_index("quantity")
    if quantity not in table.index:
        raise KeyError(f"No figure '{quantity}' in online_labour_context.")
    return float(table.loc[quantity, "value"])


def _minimum_wages() -> pd.DataFrame:
    """Statutory minimum wages as published (``minimum_wages``), in local currency."""
    return load("minimum_wages")


def exchange_rate(iso3: str, year: int = 2024) -> float:
    """Local currency units per US$ (World Bank, annual average) for a country and year."""
    table = load("exchange_rates")
    rows = table[(table["iso3"] == iso3) & (table["year"] == year)]
    if rows.empty:
        held = sorted(f"{code} {int(y)}" for code, y in zip(table["iso3"], table["year"]))
        raise KeyError(f"No exchange rate for {iso3} in {year} in exchange_rates; it holds {', '.join(held)}.")
    return float(rows["lcu_per_usd"].iloc[0])


def _hours_per_unit(per: str, weekly_hours: float, hours_per_day: float) -> float:
    units = {"hour": 1.0, "day": hours_per_day, "month": weekly_hours * WEEKS_PER_MONTH}
    require(per in units, f"per must be one of {list(units)}, not '{per}'.")
    return units[per]


def wage_usd_per_hour(
    value: float, per: str, lcu_per_usd: float, weekly_hours: float = WEEKLY_HOURS, hours_per_day: float = HOURS_PER_DAY
) -> float:
    """A wage of ``value`` local currency units per ``per`` ('hour', 'day' or 'month') in US$ an hour.

    A daily wage is divided by ``hours_per_day``, a monthly one by ``weekly_hours`` × 52 / 12 (both
    assumptions: the sources state no hours), then by ``lcu_per_usd`` (local currency per US$; take
    the rate of the year the wage was paid, with :func:`exchange_rate`). The book's one conversion:
    every page that puts a local wage in US$ an hour calls it.
    """
    require(value >= 0 and lcu_per_usd > 0, "value must be zero or more and lcu_per_usd positive.")
    require(weekly_hours > 0 and 0 < hours_per_day <= 24, "weekly_hours must be positive and hours_per_day in (0, 24].")
    return value / _hours_per_unit(per, weekly_hours, hours_per_day) / lcu_per_usd


def minimum_wages_usd(weekly_hours: float = WEEKLY_HOURS, hours_per_day: float = HOURS_PER_DAY, year: int = 2024) -> pd.DataFrame:
    """Every minimum wage of ``minimum_wages`` in US$ an hour, at the exchange rates of ``year``
    (:func:`wage_usd_per_hour`, a conversion with assumptions).

    Adds ``hours_per_unit``, ``lcu_per_usd``, ``usd_per_hour`` and, for monthly rates, the bounds
    ``usd_per_hour_low`` / ``usd_per_hour_high`` over :data:`WEEKLY_HOURS_RANGE` (equal to
    ``usd_per_hour`` otherwise).
    """
    require(weekly_hours > 0 and 0 < hours_per_day <= 24, "weekly_hours must be positive and hours_per_day in (0, 24].")
    table = _minimum_wages().copy()
    table["hours_per_unit"] = [_hours_per_unit(p, weekly_hours, hours_per_day) for p in table["per"]]
    table["lcu_per_usd"] = [exchange_rate(code, year) for code in table["country_iso3"]]

    def convert(weekly: float) -> list[float]:
        rows = zip(table["value"], table["per"], table["lcu_per_usd"])
        return [wage_usd_per_hour(v, p, r, weekly, hours_per_day) for v, p, r in rows]

    table["usd_per_hour"] = convert(weekly_hours)
    table["usd_per_hour_low"] = convert(WEEKLY_HOURS_RANGE[1])  # only monthly rates depend on the weekly hours
    table["usd_per_hour_high"] = convert(WEEKLY_HOURS_RANGE[0])
    return table


# Mechanical Turk's pay was measured c. 2014-2017 (Hara et al. 2018): the minimum wages in force then
# in the two countries of most of its workers (Ipeirotis 2015), by their `effective` date in the data.
MEASUREMENT_YEARS = (2015, 2016, 2017)
MEASUREMENT_WAGES = {"USA": ("United States", "the United States", "2009-07-24"), "IND": ("India", "India", "2015-07-01")}


def minimum_wages_at_measurement(year: int = 2016) -> pd.DataFrame:
    """The minimum wages in force when Mechanical Turk's pay was measured, in the countries of most of
    its workers, in US$ an hour at the exchange rate of ``year`` (low and high over
    :data:`MEASUREMENT_YEARS`), beside the workers' share and the study's median pay.

    India's national floor of July 2015 was in force for most of the period (the data hold no rate for
    2014); the study's median is over all its workers: the data give no median by country.
    """
    require(year in MEASUREMENT_YEARS, f"year must be one of {MEASUREMENT_YEARS}, the years Mechanical Turk's pay was measured.")
    wages = _minimum_wages()
    median = microwork_figure("median hourly earnings of workers", "mturk")
    rows = []
    for iso3, (country, in_country, effective) in MEASUREMENT_WAGES.items():
        wage = wages[(wages["country_iso3"] == iso3) & wages["effective"].str.startswith(effective)].iloc[0]
        usd = {y: wage_usd_per_hour(wage["value"], wage["per"], exchange_rate(iso3, y)) for y in MEASUREMENT_YEARS}
        rows.append(
            {
                "country_iso3": iso3,
                "country": country,
                "workers_share_pct": microwork_figure(f"share of workers in {in_country}", "mturk"),
                "minimum_wage": f"{wage['value']:g} {wage['currency']} per {wage['per']} (from {wage['effective'][:10]})",
                "usd_per_hour": usd[year],
                "usd_per_hour_low": min(usd.values()),
                "usd_per_hour_high": max(usd.values()),
                "mturk_median_usd": median,
                "median_to_minimum": median / usd[year],
            }
        )
    return pd.DataFrame(rows)


def current_minimum_wages(weekly_hours: float = WEEKLY_HOURS, hours_per_day: float = HOURS_PER_DAY) -> pd.DataFrame:
    """The general adult minimum wages in force in 2024, one or more rows per country, in US$ an
    hour: previous rates, the 2025 Philippine order, tipped and youth rates, net and monthly
    French rates are left out. Adds a short ``label`` (country and who is covered)."""
    table = minimum_wages_usd(weekly_hours, hours_per_day)
    dropped = (
        table["effective"].str.contains("previous")
        | table["effective"].str.startswith(("2025", "2015"))
        | table["coverage"].str.contains("tipped|aged 18-20")
        | (
            (table["country_iso3"] == "FRA")
            & ((table["per"] != "hour") | ~table["currency"].str.contains("gross") | ~table["effective"].str.startswith("2024-11"))
        )
    )
    kept = table[~dropped].copy()
    short = kept["coverage"].str.replace(r"\s*\(.*?\)", "", regex=True).str.split(";").str[0].str.split(",").str[0]
    kept["label"] = kept["country"] + ": " + short.str.strip()
    return kept.sort_values("usd_per_hour", ignore_index=True)


def crowd_sizes() -> pd.DataFrame:
    """Counts of people on microwork and online labour platforms: the essay's figures, the
    platforms' own claims and independent measurements, with the kind and confidence of each.

    ``low`` and ``high`` differ only for a published range (the World Bank's estimate)."""
    micro = _microwork_figures().set_index("quantity")
    context = load("online_labour_context").set_index("quantity")
    rows = [
        (
            f"{name}: {ESSAY_SIZE_LABELS[name]} (the essay)",
            name,
            "the essay's figure",
            size,
            size,
            "2016",
            "casilli2016plateformisation",
            "n/a",
        )
        for name, size in ESSAY_PLATFORM_SIZES.items()
    ]
    for frame, counts in (
        (
            micro,
            (
                ("Zhubajie users", "Zhubajie: users (2015)", "Zhubajie", "the platform's own figure"),
                ("Zhubajie service providers", "Zhubajie: service providers (2015)", "Zhubajie", "the platform's own figure"),
                ("Zhubajie workers", "Zhubajie: workers (2013)", "Zhubajie", "the platform's own figure"),
                ("mCent users (Jana's claim)", "mCent: users (its maker's claim, 2016)", "mCent", "the platform's own figure"),
                ("Clickworker registered users", "Clickworker: registered people", "Clickworker", "the platform's own figure"),
                ("people earning on Uber each month", "Uber: people earning each month (2024)", "Uber", "the platform's own figure"),
                ("unique workers", "Mechanical Turk: distinct workers (to 2017)", "Mechanical Turk", "a measurement"),
                ("workers active at any given time", "Mechanical Turk: active at any given time", "Mechanical Turk", "a measurement"),
            ),
        ),
        (
            context,
            (
                ("odesk registered workers", "oDesk (now Upwork): registered workers (2013)", "Upwork", "the platform's own figure"),
                (
                    "freelancer profiles on online labour platforms",
                    "All platforms: freelancer profiles",
                    "all online labour platforms",
                    "a measurement",
                ),
                (
                    "profiles that ever obtained work",
                    "All platforms: profiles that ever obtained work",
                    "all online labour platforms",
                    "a measurement",
                ),
                (
                    "significantly active online workers",
                    "All platforms: significantly active workers",
                    "all online labour platforms",
                    "a measurement",
                ),
            ),
        ),
    ):
        for quantity, label, platform, kind in counts:
            row = frame.loc[quantity]
            rows.append((label, platform, kind, row["value"], row["value"], row["period"], row["bibkey"], row["confidence"]))
    low, high = context.loc["online gig workers worldwide (low)"], context.loc["online gig workers worldwide (high)"]
    rows.append(
        (
            "World: online gig workers (estimate)",
            "all online gig work",
            "an estimate (range)",
            low["value"],
            high["value"],
            low["period"],
            low["bibkey"],
            low["confidence"],
        )
    )
    return pd.DataFrame(rows, columns=["label", "platform", "kind", "low", "high", "period", "bibkey", "confidence"])
