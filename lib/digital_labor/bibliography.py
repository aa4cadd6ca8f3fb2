"""The book's bibliography (``references.bib``) as a table.

Entries that the essay itself cites carry ``keywords = {essay}``; the others are works the
book adds (models, later measurements, data sources).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pybtex.database

from .data import DataError

__all__ = ["KINDS", "bibliography_path", "references"]

KINDS = {
    "article": "journal article",
    "book": "book",
    "incollection": "book chapter",
    "inbook": "book chapter",
    "inproceedings": "conference paper",
    "techreport": "report",
    "report": "report",
    "phdthesis": "thesis",
    "misc": "web page, dataset or other",
    "online": "web page, dataset or other",
    "unpublished": "web page, dataset or other",
}


def bibliography_path() -> Path:
    """``references.bib`` at the root of the repository."""
    return Path(__file__).resolve().parents[2] / "references.bib"


def references(path: Path | None = None) -> pd.DataFrame:
    """One row per entry: key, kind, year (missing if undated), first author, title, cited by the essay?"""
    source = Path(path or bibliography_path())
    try:
        entries = pybtex.database.parse_file(str(source)).entries
    except (OSError, pybtex.database.PybtexError) as error:
        raise DataError(f"Cannot read the bibliography {source}: {error}") from None
    rows = []
    for key, entry in entries.items():
        year = re.match(r"\d{4}", entry.fields.get("year", ""))
        keywords = {word.strip() for word in entry.fields.get("keywords", "").split(",")}
        if not year and "essay" in keywords:
            raise DataError(f"Bibliography {source.name}: entry '{key}', cited by the essay, has no four-digit year.")
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        author = " ".join(people[0].last_names) if people else entry.fields.get("organization", entry.fields.get("institution", ""))
        rows.append(
            {
                "key": key,
                "kind": KINDS.get(entry.type.lower(), "web page, dataset or other"),
                "year": int(year.group()) if year else None,
                "first_author": author.replace("{", "").replace("}", ""),
                "title": entry.fields.get("title", "").replace("{", "").replace("}", ""),
                "cited_by_essay": "essay" in keywords,
            }
        )
    table = pd.DataFrame(rows).astype({"year": "Int64"})
    return table.sort_values(["year", "key"], ignore_index=True)


def summary(table: pd.DataFrame) -> dict[str, float]:
    """Counts and dates of the essay's references: how many, the span, and how recent."""
    essay = table[table["cited_by_essay"]]
    if essay.empty:
        raise DataError("No bibliography entry is marked as cited by the essay (keywords = {essay}).")
    return {
        "count": int(len(essay)),
        "earliest": int(essay["year"].min()),
        "latest": int(essay["year"].max()),
        "median_year": float(essay["year"].median()),
        "share_since_2010_pct": float((essay["year"] >= 2010).mean() * 100),
        "before_1900": int((essay["year"] < 1900).sum()),
    }


def timeline_chart(table: pd.DataFrame):
    """Dot timeline of the essay's references by year, coloured and shaped by kind."""
    import altair as alt

    from .charts import category_scales, describe

    essay = table[table["cited_by_essay"]].copy()
    essay["stack"] = essay.groupby("year").cumcount() + 1
    color, shape = category_scales(sorted(essay["kind"].unique()))
    facts = summary(table)
    chart = (
        alt.Chart(essay)
        .mark_point(filled=True, size=70, opacity=0.9)
        .encode(
            x=alt.X("year:Q", title="Year of publication", scale=alt.Scale(domain=[1795, 2020]), axis=alt.Axis(format="d")),
            y=alt.Y("stack:Q", title="Works cited from that year", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("kind:N", title="Kind of work", scale=color),
            shape=alt.Shape("kind:N", title="Kind of work", scale=shape),
            tooltip=[alt.Tooltip("first_author:N", title="Author"), alt.Tooltip("year:Q", title="Year"),
                     alt.Tooltip("title:N", title="Title"), alt.Tooltip("kind:N", title="Kind")],
        )
        .properties(width=620, height=180)
    )
    return describe(
        chart,
        title="What the essay reads: its references by year of publication",
        description=(
            f"Dot timeline of the {facts['count']} works the essay cites, one dot per work, placed by "
            f"year of publication from {facts['earliest']} to {facts['latest']}; colour and shape show "
            f"the kind of work. {facts['before_1900']} works date from before 1900; half were published "
            f"in or after {facts['median_year']:.0f}."
        ),
        source="the essay's bibliography (references.bib of this book)",
    )
