"""The book's bibliography (``references.bib``) as a table.

Entries that the essay itself cites carry ``keywords = {essay}``; the others are works the
book adds (models, later measurements, data sources). Where the entry holds a later edition than
the one the essay cites, ``essayyear`` gives the year the essay gives, and the essay's references
are dated by it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pybtex.database

from ..data import BUNDLED, DataError

__all__ = ["references", "summary"]

_KINDS = {
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


def _bibliography_path() -> Path:
    """``references.bib``: at the root of the repository, or the copy a regular install carries."""
    repository = Path(__file__).resolve().parents[3] / "references.bib"
    return repository if repository.exists() else BUNDLED / "references.bib"


def references(path: Path | None = None) -> pd.DataFrame:
    """One row per entry: key, kind, year of the edition held (missing if undated), the year as the
    essay cites it (``essayyear``, else the same), first author, title, cited by the essay?"""
    source = Path(path or _bibliography_path())
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
        as_cited = re.fullmatch(r"\d{4}", entry.fields.get("essayyear", "")) if "essayyear" in entry.fields else year
        if "essayyear" in entry.fields and as_cited is None:
            raise DataError(f"Bibliography {source.name}: entry '{key}' has an essayyear that is not a four-digit year.")
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        author = " ".join(people[0].last_names) if people else entry.fields.get("organization", entry.fields.get("institution", ""))
        rows.append(
            {
                "key": key,
                "kind": _KINDS.get(entry.type.lower(), "web page, dataset or other"),
                "year": int(year.group()) if year else None,
                "year_cited": int(as_cited.group()) if as_cited else None,
                "first_author": author.replace("{", "").replace("}", ""),
                "title": entry.fields.get("title", "").replace("{", "").replace("}", ""),
                "cited_by_essay": "essay" in keywords,
            }
        )
    table = pd.DataFrame(rows).astype({"year": "Int64", "year_cited": "Int64"})
    return table.sort_values(["year", "key"], ignore_index=True)


def summary(table: pd.DataFrame) -> dict[str, float]:
    """Counts and dates of the essay's references (as the essay dates them): how many, the span, how recent."""
    essay = table[table["cited_by_essay"]]
    if essay.empty:
        raise DataError("No bibliography entry is marked as cited by the essay (keywords = {essay}).")
    return {
        "count": int(len(essay)),
        "earliest": int(essay["year_cited"].min()),
        "latest": int(essay["year_cited"].max()),
        "median_year": float(essay["year_cited"].median()),
        "share_since_2010_pct": float((essay["year_cited"] >= 2010).mean() * 100),
        "before_1900": int((essay["year_cited"] < 1900).sum()),
    }
