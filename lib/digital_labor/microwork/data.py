"""Microwork in data: earnings and workforces of microtask platforms, minimum wages in US$.

Data: ``microwork`` (Mechanical Turk earnings and workers, France's microworkers, the ILO, the
sizes platforms give), ``online_labour_context`` (registered and active online workers, the
World Bank's range), ``minimum_wages`` (statutory minimum wages in local currency) and
``exchange_rates`` (the World Bank's 2024 rates). :func:`minimum_wages_usd` is the loader the
book's other pages use for minimum wages in US$ an hour.
"""

from __future__ import annotations

import pandas as pd

from ..data import load
from ..params import require

__all__ = [
    "ESSAY_PLATFORM_SIZES",
    "HOURS_PER_DAY",
    "WEEKLY_HOURS",
    "WEEKLY_HOURS_RANGE",
    "context_figure",
    "crowd_sizes",
    "current_minimum_wages",
    "exchange_rate",
    "microwork_figure",
    "minimum_wages_usd",
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
        raise KeyError(f"No exchange rate for {iso3} in {year}; the data hold {sorted(table['iso3'])} for 2024.")
    return float(rows["lcu_per_usd"].iloc[0])


def _hours_per_unit(per: str, weekly_hours: float, hours_per_day: float) -> float:
    return {"hour": 1.0, "day": hours_per_day, "month": weekly_hours * WEEKS_PER_MONTH}[per]


def minimum_wages_usd(weekly_hours: float = WEEKLY_HOURS, hours_per_day: float = HOURS_PER_DAY, year: int = 2024) -> pd.DataFrame:
    """Every minimum wage of ``minimum_wages`` in US$ an hour (a conversion with assumptions).

    Hourly rates are divided by nothing; daily rates by ``hours_per_day``; monthly rates by
    ``weekly_hours`` × 52 / 12; then by the World Bank's exchange rate of ``year``. Adds
    ``hours_per_unit``, ``lcu_per_usd``, ``usd_per_hour`` and, for monthly rates, the bounds
    ``usd_per_hour_low`` / ``usd_per_hour_high`` over :data:`WEEKLY_HOURS_RANGE` (equal to
    ``usd_per_hour`` otherwise). The hours are assumptions: the sources state none.
    """
    require(weekly_hours > 0 and 0 < hours_per_day <= 24, "weekly_hours must be positive and hours_per_day in (0, 24].")
    table = _minimum_wages().copy()
    table["hours_per_unit"] = [_hours_per_unit(p, weekly_hours, hours_per_day) for p in table["per"]]
    table["lcu_per_usd"] = [exchange_rate(code, year) for code in table["country_iso3"]]
    table["usd_per_hour"] = table["value"] / table["hours_per_unit"] / table["lcu_per_usd"]
    monthly = table["per"] == "month"
    most, least = (_hours_per_unit("month", h, hours_per_day) for h in (WEEKLY_HOURS_RANGE[1], WEEKLY_HOURS_RANGE[0]))
    table["usd_per_hour_low"] = table["usd_per_hour"].where(~monthly, table["value"] / most / table["lcu_per_usd"])
    table["usd_per_hour_high"] = table["usd_per_hour"].where(~monthly, table["value"] / least / table["lcu_per_usd"])
    return table


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
