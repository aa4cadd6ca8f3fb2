"""Users and revenue per employee, from Facebook's own series and the Fortune Global 500.

Data: Facebook's monthly active users in each fourth quarter and its year-end headcount
(``facebook_users_employees``); revenue and employees of platform and traditional firms in
fiscal 2016 (``platform_firms_fy2016``); Facebook's 2019 and Meta's 2024 results
(``platform_revenues_recent``).
"""

from __future__ import annotations

import pandas as pd

from ..data import DataError, dataset, load

__all__ = [
    "FACEBOOK_DAU",
    "FAMILY_DAP",
    "GAFAM",
    "daily_users",
    "facebook_revenue_per_employee",
    "firm_ratio",
    "firms_fy2016",
    "meta_year_ends",
    "time_weighted_change",
    "users_employees",
    "users_per_employee",
]

GAFAM = ("Alphabet", "Apple", "Facebook", "Amazon.com", "Microsoft")  # names as in the Fortune list
# The two series of daily_users: two populations, not one series
FACEBOOK_DAU = "Facebook daily active users"
FAMILY_DAP = "daily active people, all Meta apps"


def users_employees() -> pd.DataFrame:
    """Facebook's users (millions, Q4) and employees (31 December) by year, with users per employee.

    Years without a headcount (2012) are dropped. Columns: ``year``, ``users_millions``,
    ``employees``, ``users_per_employee``, ``users_index`` and ``employees_index`` (first year =
    100), ``confidence``.
    """
    table = load("facebook_users_employees").dropna(subset=["employees_year_end"])
    frame = pd.DataFrame(
        {
            "year": table["year"].astype(int),
            "users_millions": table["monthly_active_users_millions_q4"].astype(float),
            "employees": table["employees_year_end"].astype(int),
            "confidence": table["confidence"],
        }
    ).sort_values("year", ignore_index=True)
    frame["users_per_employee"] = frame["users_millions"] * 1e6 / frame["employees"]
    frame["users_index"] = 100 * frame["users_millions"] / frame["users_millions"].iloc[0]
    frame["employees_index"] = 100 * frame["employees"] / frame["employees"].iloc[0]
    return frame


def users_per_employee(year: int) -> float:
    """Facebook's monthly active users per employee in ``year``; raises KeyError if not in the data."""
    frame = users_employees().set_index("year")
    if year not in frame.index:
        raise KeyError(f"No users and employees for {year}; the data cover {frame.index.min()}-{frame.index.max()}.")
    return float(frame.loc[year, "users_per_employee"])


def firms_fy2016() -> pd.DataFrame:
    """The Fortune Global 500 firms of fiscal 2016 with revenue per employee (US$ million),
    highest first; ``gafam`` marks the five firms the essay names."""
    table = load("platform_firms_fy2016")
    frame = table[["company", "kind", "fiscal_year", "revenue_musd", "employees", "confidence"]].copy()
    frame["revenue_per_employee_musd"] = frame["revenue_musd"] / frame["employees"]
    frame["gafam"] = frame["company"].isin(GAFAM)
    return frame.sort_values("revenue_per_employee_musd", ascending=False, ignore_index=True)


def firm_ratio(company: str, numerator: str = "revenue_per_employee_musd") -> float:
    """One column of :func:`firms_fy2016` for one company; raises KeyError naming the known ones."""
    frame = firms_fy2016().set_index("company")
    if company not in frame.index:
        raise KeyError(f"No firm '{company}' in platform_firms_fy2016; known: {', '.join(frame.index)}.")
    return float(frame.loc[company, numerator])


def facebook_revenue_per_employee() -> pd.DataFrame:
    """Facebook's (Meta's) revenue per employee in the years the book's data give both figures.

    2016 from the Fortune list; 2019 from Facebook's results and its year-end headcount; 2024
    from Meta's results and its 10-K headcount. Columns: ``year``, ``company``,
    ``revenue_musd``, ``employees``, ``revenue_per_employee_musd``, ``dataset``.
    """
    rows = []
    fortune = firms_fy2016().set_index("company").loc["Facebook"]
    rows.append(
        {
            "year": int(fortune["fiscal_year"]),
            "company": "Facebook",
            "revenue_musd": float(fortune["revenue_musd"]),
            "employees": int(fortune["employees"]),
            "dataset": "platform_firms_fy2016",
        }
    )
    recent = load("platform_revenues_recent")
    staff = users_employees().set_index("year")["employees"]
    for (company, year), group in recent.groupby(["company", "fiscal_year"]):
        if company == "Uber Technologies":
            continue
        values = group.set_index("quantity")["value"]
        employees = int(values["employees"]) if "employees" in values else int(staff.get(year, 0))
        if "revenue" in values and employees:
            rows.append(
                {
                    "year": int(year),
                    "company": company,
                    "revenue_musd": float(values["revenue"]),
                    "employees": employees,
                    "dataset": "platform_revenues_recent",
                }
            )
    frame = pd.DataFrame(rows).sort_values("year", ignore_index=True)
    frame["revenue_per_employee_musd"] = frame["revenue_musd"] / frame["employees"]
    return frame


WORLD_TIME_PERIODS = ("2014", "2018 (Digital 2019 report)")  # GlobalWebIndex, internet users 16-64, in social_media_time


def _world_social_minutes(period: str) -> float:
    table = load("social_media_time")
    rows = table[table["country"].str.startswith("world (internet users 16-64)") & (table["period"] == period)]
    if len(rows) != 1:
        raise DataError(f"social_media_time.csv: expected one world row for period '{period}', found {len(rows)}.")
    return float(rows["minutes_per_day"].iloc[0])


def time_weighted_change() -> dict[str, float]:
    """Facebook's users per employee weighted by world daily minutes on social media, 2014 to 2018.

    Returns the two years' minutes (``minutes_2014``, ``minutes_2018``) and ``change``, users'
    time per employee in 2018 as a multiple of 2014 (below one: formal staff grew faster).
    """
    frame = users_employees().set_index("year")["users_per_employee"]
    first, last = (_world_social_minutes(period) for period in WORLD_TIME_PERIODS)
    change = (frame.loc[2018] * last) / (frame.loc[2014] * first)
    return {"minutes_2014": first, "minutes_2018": last, "change": float(change)}


def _unit_error(label: str, position: int, value: object, measure: str, expected: str) -> DataError:
    """The error for a row of ``label`` whose unit does not go with its measure (line = row + 2)."""
    return DataError(f"{label}, line {position + 2}, column 'unit': value {value!r} breaks the rule: '{measure}' is given in {expected}.")


def _meta() -> pd.DataFrame:
    """``meta_since2021`` checked: no measure twice in a year (the schema's key) and the unit that
    goes with each measure."""
    table = load("meta_since2021")
    label = dataset("meta_since2021").file_label
    units = {"employees": "people", "revenue": "US$ million"}
    for position, row in enumerate(table.itertuples(index=False)):
        expected = units.get(row.measure, "millions")
        if row.unit != expected:
            raise _unit_error(label, position, row.unit, row.measure, expected)
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
