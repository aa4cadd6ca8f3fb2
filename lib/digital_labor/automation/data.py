"""Data of the automation debate: dated forecasts and the published estimates of jobs at risk."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..data import load

__all__ = [
    "EXPOSURE",
    "RISK",
    "RISK_BANDS",
    "SKILLS_RISK",
    "automation_measures",
    "first_public",
    "forecast_bands",
    "high_risk_estimates",
    "months_between",
    "timeline_table",
]

RISK_BANDS = ("high risk (above 0.7)", "significant change (0.5 to 0.7)")
# The kinds of measure of automation_measures
RISK = "probability of automation"  # the 2013-2018 estimates of automation_forecasts
SKILLS_RISK = "high risk by automatable skills"  # the OECD's measure of 2023
EXPOSURE = "exposure to AI"


def first_public(dates: pd.DataFrame) -> pd.Series:
    """Month in which the cited version of each work was first made public, by bibkey.

    ``dates`` is the ``automation_publication_dates`` table; only rows about the version the
    essay and the book cite (``version_cited``) count. Sorted from the earliest.
    """
    cited = dates[dates["version_cited"].astype(bool)]
    return cited.groupby("bibkey")["month"].min().sort_values().rename("first_public")


def months_between(dates: pd.DataFrame, earlier: str, later: str) -> int:
    """Whole months from the first public month of work ``earlier`` to that of work ``later``.

    Negative when ``later`` was in fact made public first.
    """
    months = first_public(dates)
    for key in (earlier, later):
        if key not in months.index:
            raise KeyError(f"No dated event for '{key}' in the publication dates.")
    start, end = months[earlier], months[later]
    return (end.year - start.year) * 12 + (end.month - start.month)


def timeline_table(prophecies: pd.DataFrame, forecasts: pd.DataFrame, dates: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per dated forecast: the prophecies, plus task-based estimates not already there.

    Columns: ``year``, ``label`` ("Author (year)"), ``author``, ``work``, ``claim_kind``,
    ``prediction``. Estimates come from ``automation_forecasts`` (high-risk rows only, one per
    study) and are described by their headline share. Works of the same year are ordered by
    the month they were made public when ``dates`` (``automation_publication_dates``) gives it,
    so that the IFR's January 2013 study comes before Frey and Osborne's September 2013 paper.
    """
    rows = prophecies[["year", "author", "work", "claim_kind", "prediction", "bibkey"]].copy()
    extra = forecasts[~forecasts["bibkey"].isin(rows["bibkey"])]
    extra = extra[extra["risk_definition"].str.contains("> 0.7")].drop_duplicates("bibkey")
    extra = pd.DataFrame(
        {
            "year": extra["year"],
            "author": extra["study"],
            "work": extra["source"],
            "claim_kind": "quantitative estimate",
            "prediction": [
                f"{share:.0f} % of jobs at high risk ({method}, {scope})."
                for share, method, scope in zip(extra["share_of_jobs_pct"], extra["method"], extra["scope"])
            ],
            "bibkey": extra["bibkey"],
        }
    )
    table = pd.concat([rows, extra], ignore_index=True)
    table["month"] = pd.NaT if dates is None else table["bibkey"].map(first_public(dates))
    table = table.sort_values(["year", "month", "author"], kind="stable", na_position="last")
    table["label"] = [f"{_short_authors(author)} ({year})" for author, year in zip(table["author"], table["year"])]
    return table.drop(columns=["bibkey", "month"]).reset_index(drop=True)[["year", "label", "author", "work", "claim_kind", "prediction"]]


def _short_authors(authors: str) -> str:
    """'Frey & Osborne', 'Arntz et al.', 'Ure'; an institution is abbreviated by its initials."""
    if authors.startswith("International"):
        return "".join(word[0] for word in authors.split() if word[0].isupper())
    surnames = [name.split()[-1] for name in re.split(" and | & |, ", authors)]
    if len(surnames) > 2:
        return f"{surnames[0]} et al."
    return " & ".join(surnames)


def forecast_bands(forecasts: pd.DataFrame) -> pd.DataFrame:
    """The published estimates with a readable study label and risk band.

    Adds ``label`` ("Study (year): method, scope") and ``risk_band`` (one of ``RISK_BANDS``:
    rows whose definition covers probabilities of 0.5 to 0.7 are 'significant change').
    """
    table = forecasts.copy()
    table["label"] = table["study"] + " (" + table["year"].astype(str) + "): " + table["method"] + ", " + table["scope"]
    medium = table["risk_definition"].str.contains("0.5-0.7", regex=False)
    table["risk_band"] = np.where(medium, RISK_BANDS[1], RISK_BANDS[0])
    return table


def high_risk_estimates(forecasts: pd.DataFrame) -> dict[str, float]:
    """Headline shares (%) from the ``automation_forecasts`` table.

    Keys: ``occupation_based`` (Frey & Osborne's high-risk share), ``task_based_low`` and
    ``task_based_high`` (range of the task-based high-risk shares), ``task_based_change``
    (Nedelkoska & Quintini's 'significant change' band) and ``task_based_exposed`` (their
    high-risk plus significant-change shares).
    """
    high = forecasts[forecasts["risk_definition"].str.contains("> 0.7")]
    occupation = high.loc[high["method"] == "occupation-based", "share_of_jobs_pct"]
    task = high.loc[high["method"].str.startswith("task-based"), "share_of_jobs_pct"]
    change_rows = forecasts[forecasts["risk_definition"].str.contains("0.5-0.7", regex=False)]
    exposed = forecasts.loc[forecasts["bibkey"].isin(change_rows["bibkey"]), "share_of_jobs_pct"]
    return {
        "occupation_based": float(occupation.iloc[0]),
        "task_based_low": float(task.min()),
        "task_based_high": float(task.max()),
        "task_based_change": float(change_rows["share_of_jobs_pct"].iloc[0]),
        "task_based_exposed": float(exposed.sum()),
    }


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
