"""The datasets of the 'Since the essay' pages of chapters 1, 2 and 4, loaded, checked and joined
to the series the chapters already hold (without repeating their rows).

:func:`digital_labor.data.load` checks each file against its Table Schema; the checks here add the
rules the schema cannot state and stop with a :class:`~digital_labor.data.DataError` naming the
file, the line, the column and the rule.
"""

from __future__ import annotations

import pandas as pd

from ..data import DataError, dataset, load

__all__ = [
    "ESSAY_YEAR",
    "EXPOSURE",
    "RISK",
    "SKILLS_RISK",
    "automation_measures",
    "check_events",
    "daily_users",
    "events",
    "events_table",
    "meta_year_ends",
    "worker_counts",
]

ESSAY_YEAR = 2016  # the essay's first version
RISK = "probability of automation"  # the 2013-2018 estimates of automation_forecasts
SKILLS_RISK = "high risk by automatable skills"  # the OECD's measure of 2023
EXPOSURE = "exposure to AI"
FACEBOOK_DAU = "Facebook daily active users"
FAMILY_DAP = "daily active people, all Meta apps"
DATE_FORMATS = {"day": "%d %B %Y", "month": "%B %Y", "year": "%Y"}


def _fail(file_label: str, position: int, column: str, value: object, rule: str) -> None:
    """Raise a DataError for row ``position`` of a frame read from ``file_label`` (line = row + 2)."""
    raise DataError(f"{file_label}, line {position + 2}, column '{column}': value {value!r} breaks the rule: {rule}.")


def check_events(table: pd.DataFrame, file_label: str = "data/since_essay_events.csv") -> pd.DataFrame:
    """Check that every event dates from the essay's year or later, was read after it happened,
    and that a month or year date is the first day of its period; return ``table`` by date."""
    for position, row in enumerate(table.itertuples(index=False)):
        if row.date.year < ESSAY_YEAR:
            _fail(file_label, position, "date", str(row.date.date()), f"events must date from {ESSAY_YEAR} or later")
        if row.retrieved < row.date:
            _fail(file_label, position, "retrieved", str(row.retrieved.date()), "a page cannot be read before the event it records")
        if (row.precision in ("month", "year") and row.date.day != 1) or (row.precision == "year" and row.date.month != 1):
            _fail(file_label, position, "date", str(row.date.date()), f"a date known to the {row.precision} must be the first day of it")
    return table.sort_values(["chapter", "date"], kind="stable").reset_index(drop=True)


def events(chapter: int) -> pd.DataFrame:
    """The dated events of one chapter, in order, with the date written to its precision (``when``)."""
    table = check_events(load("since_essay_events"), dataset("since_essay_events").file_label)
    rows = table[table["chapter"] == chapter].reset_index(drop=True)
    if rows.empty:
        raise ValueError(f"No events for chapter {chapter} in since_essay_events.")
    rows["when"] = [row.date.strftime(DATE_FORMATS[row.precision]).lstrip("0") for row in rows.itertuples()]
    return rows


def events_table(chapter: int) -> pd.DataFrame:
    """The events of one chapter as the page shows them, with labelled columns."""
    return events(chapter)[["when", "event", "bibkey", "confidence"]].rename(
        columns={"when": "Date", "event": "What happened", "bibkey": "Source (bibliography key)", "confidence": "Confidence"}
    )


def automation_measures() -> pd.DataFrame:
    """Every published share of jobs or workers at high risk of automation or exposed to AI, one
    row each: the high-risk estimates of 2013-2018 from ``automation_forecasts`` (:data:`RISK`)
    and the later ones from ``automation_exposure`` (:data:`SKILLS_RISK`, :data:`EXPOSURE`; its
    employment-growth rows are left out: not a share).

    Columns: ``study``, ``year``, ``scope``, ``measure``,
    ``share_pct``, ``definition``, ``bibkey``, ``confidence``, ``dataset``."""
    forecasts = load("automation_forecasts")
    early = forecasts[forecasts["risk_definition"].str.contains("> 0.7", regex=False)]
    early = pd.DataFrame(
        {
            "study": early["study"],
            "year": early["year"],
            "scope": early["scope"],
            "measure": RISK,
            "share_pct": early["share_of_jobs_pct"],
            "definition": early["risk_definition"],
            "bibkey": early["bibkey"],
            "confidence": early["confidence"],
            "dataset": "automation_forecasts",
        }
    )
    later = load("automation_exposure")
    later = (
        later[later["measure"].isin([SKILLS_RISK, EXPOSURE])]
        .rename(columns={"value_pct": "share_pct"})
        .assign(dataset="automation_exposure")
    )
    later["scope"] = later["scope"].where(later["group"] == "all workers", later["scope"] + ", " + later["group"])
    columns = list(early.columns)
    return pd.concat([early, later[columns]], ignore_index=True).sort_values(["year", "study"], kind="stable", ignore_index=True)


def _meta() -> pd.DataFrame:
    """``meta_since2021`` checked: no measure twice in a year (the schema's key) and the unit that
    goes with each measure."""
    table = load("meta_since2021")
    label = dataset("meta_since2021").file_label
    units = {"employees": "people", "revenue": "US$ million"}
    for position, row in enumerate(table.itertuples(index=False)):
        expected = units.get(row.measure, "millions")
        if row.unit != expected:
            _fail(label, position, "unit", row.unit, f"'{row.measure}' is given in {expected}")
    return table


def daily_users() -> pd.DataFrame:
    """Facebook's daily active users (December averages, 2013-2023) and Meta's daily active people
    across its apps (2022-2025), in one long frame with a ``series`` column: two populations, not
    one series. Columns: ``year``, ``series``, ``millions``, ``dataset``."""
    facebook = load("facebook_daily_users")
    old = pd.DataFrame(
        {
            "year": facebook["year"],
            "series": FACEBOOK_DAU,
            "millions": facebook["daily_active_users_millions"],
            "dataset": "facebook_daily_users",
        }
    )
    meta = _meta()
    names = {"facebook daily active users": FACEBOOK_DAU, "family daily active people": FAMILY_DAP}
    new = meta[meta["measure"].isin(names)]
    new = pd.DataFrame({"year": new["year"], "series": new["measure"].map(names), "millions": new["value"], "dataset": "meta_since2021"})
    frame = pd.concat([old, new], ignore_index=True)
    repeated = frame.duplicated(["year", "series"])
    if repeated.any():
        first = frame[repeated].iloc[0]
        raise DataError(f"meta_since2021 repeats {first.series} for {first.year}, already in facebook_daily_users.")
    return frame.sort_values(["series", "year"], ignore_index=True)


def meta_year_ends() -> pd.DataFrame:
    """Meta's year-end figures 2022-2025, one row a year: ``family_dap_m``, ``facebook_dau_m`` and
    ``facebook_mau_m`` (missing from 2024), ``employees``, ``revenue_musd`` (2024 from
    ``platform_revenues_recent``), ``revenue_per_employee_musd``, ``people_per_employee`` (daily
    active people per employee) and ``users_per_employee`` (Facebook's monthly users per employee,
    the measure of ``firm_scale.users_employees``)."""
    wide = _meta().pivot(index="year", columns="measure", values="value")
    recent = load("platform_revenues_recent")
    meta_2024 = recent[(recent["company"] == "Meta Platforms") & (recent["fiscal_year"] == 2024)].set_index("quantity")["value"]
    for column, quantity in (("employees", "employees"), ("revenue", "revenue")):
        if pd.notna(wide.loc[2024].get(column)):
            raise DataError(f"meta_since2021 repeats Meta's 2024 {column}, already in platform_revenues_recent.")
        wide.loc[2024, column] = float(meta_2024[quantity])
    frame = pd.DataFrame(
        {
            "family_dap_m": wide["family daily active people"],
            "facebook_dau_m": wide["facebook daily active users"],
            "facebook_mau_m": wide["facebook monthly active users"],
            "employees": wide["employees"],
            "revenue_musd": wide["revenue"],
        }
    )
    frame["revenue_per_employee_musd"] = frame["revenue_musd"] / frame["employees"]
    frame["people_per_employee"] = frame["family_dap_m"] * 1e6 / frame["employees"]
    frame["users_per_employee"] = frame["facebook_mau_m"] * 1e6 / frame["employees"]
    return frame.rename_axis("year").reset_index()


# The book's words for what each head count in online_labour_context counts.
CONTEXT_COUNTS = {
    "freelancer profiles on online labour platforms": (
        "Kässi et al., v4 (2021)",
        "freelancer profiles registered on online labour platforms",
    ),
    "profiles that ever obtained work": ("Kässi et al., v4 (2021)", "profiles that obtained work through the platform at least once"),
    "significantly active online workers": ("Kässi et al., v4 (2021)", "profiles with at least 10 projects or US$1000 earned"),
}
WORLD_BANK = ("online gig workers worldwide (low)", "online gig workers worldwide (high)")


def worker_counts() -> pd.DataFrame:
    """The published counts of people doing online platform work, one row per estimate (a range
    for the World Bank's): ``estimate``, ``definition``, ``low``, ``high`` (people), ``published``,
    ``status``, ``bibkey``, ``dataset``, and for the chart ``label``, ``low_m`` and ``high_m``
    (millions). Kässi et al.'s version 4 and the World Bank come from
    ``online_labour_context``; the preprint's superseded counts from ``online_work_since2016``."""
    context = load("online_labour_context").set_index("quantity")
    rows = []
    for quantity, (study, definition) in CONTEXT_COUNTS.items():
        value = float(context.loc[quantity, "value"])
        rows.append((study, definition, value, value, "2021-10", "current", context.loc[quantity, "bibkey"], "online_labour_context"))
    low, high = (float(context.loc[name, "value"]) for name in WORLD_BANK)
    rows.append(
        (
            "World Bank (2023)",
            "online gig workers (low and high estimates)",
            low,
            high,
            "2023-09",
            "current",
            "worldbank2023",
            "online_labour_context",
        )
    )
    later = load("online_work_since2016")
    for row in later[later["unit"] == "people"].itertuples():
        rows.append(
            (
                "Kässi et al., preprint (2021)",
                row.definition,
                row.value,
                row.value,
                row.published[:7],
                row.status,
                row.bibkey,
                "online_work_since2016",
            )
        )
    columns = ["estimate", "definition", "low", "high", "published", "status", "bibkey", "dataset"]
    frame = pd.DataFrame(rows, columns=columns).sort_values("low", ignore_index=True)
    frame["label"] = frame["estimate"] + ": " + frame["definition"]
    frame["low_m"], frame["high_m"] = frame["low"] / 1e6, frame["high"] / 1e6
    return frame
