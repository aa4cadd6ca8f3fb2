"""The claims ledger: each quantitative claim of the essay, what the data says, and a verdict.

Records live in ``data/claims.yaml``. A checked record names a library function
(``module:function``) that returns a :class:`Finding`; the ledger page calls them all at
build time, so the values it shows are computed, never typed in.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

import pandas as pd

from .data import DataError, load, manifest

__all__ = ["Finding", "VERDICTS", "claim", "evidence_keys", "finding", "ledger", "ledger_markdown"]

VERDICTS = {
    "confirmed": "the data agree with the claim as the essay states it",
    "nuanced": "the data support part of the claim, or support it only with a qualification",
    "contradicted": "the data disagree with the claim as the essay states it",
    "holds in the model": "a claim about mechanisms: an explicit model reproduces it, under stated "
    "assumptions; no data confirm or refute it",
    "indeterminate": "reasonable choices of data or method give answers on both sides of the claim; the row shows their range",
    "not checkable with public data": "the data that would settle the claim are not public; the row says which",
}


@dataclass(frozen=True)
class Finding:
    """What the data says about a claim: a value with its unit, and a sentence that reads it."""

    value: float | str
    unit: str
    summary: str

    def __post_init__(self) -> None:
        if self.value is None or (isinstance(self.value, float) and pd.isna(self.value)):
            raise ValueError("A finding needs a value.")
        if not self.summary.strip():
            raise ValueError("A finding needs a summary sentence.")


def evidence_keys(record: pd.Series) -> list[str]:
    """The dataset names and reference keys listed as a record's evidence."""
    text = record["evidence"]
    return [] if pd.isna(text) else [key.strip() for key in str(text).split(";") if key.strip()]


def finding(record: pd.Series) -> Finding:
    """Call the record's check function; raise :class:`DataError` if it is missing or broken."""
    target = record["check"]
    if pd.isna(target):
        raise DataError(f"Claim '{record['id']}' is marked checked but names no check function.")
    module_name, _, function_name = str(target).partition(":")
    try:
        function = getattr(importlib.import_module(module_name), function_name)
    except (ImportError, AttributeError):
        raise DataError(f"Claim '{record['id']}': check function {target} does not exist.") from None
    result = function()
    if not isinstance(result, Finding):
        raise DataError(f"Claim '{record['id']}': {target} returned {type(result).__name__}, not a Finding.")
    return result


def ledger(records: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ledger with each checked record's computed finding; rules are enforced here.

    A checked record must have a verdict and a check function that returns a finding; a pending
    record must have neither a verdict nor a check.
    """
    table = load("claims") if records is None else records
    rows = []
    for _, record in table.iterrows():
        checked = record["status"] == "checked"
        if checked and pd.isna(record["verdict"]):
            raise DataError(f"Claim '{record['id']}' is marked checked but has no verdict.")
        if checked and record["verdict"] not in VERDICTS:
            raise DataError(f"Claim '{record['id']}': verdict '{record['verdict']}' is not one of {list(VERDICTS)}.")
        if not checked and not (pd.isna(record["verdict"]) and pd.isna(record["check"])):
            raise DataError(f"Claim '{record['id']}' is pending but already has a verdict or a check.")
        result = finding(record) if checked else None
        rows.append(
            {
                **record.to_dict(),
                "value": None if result is None else result.value,
                "unit": None if result is None else result.unit,
                "finding": None if result is None else result.summary,
            }
        )
    return pd.DataFrame(rows)


def claim(claim_id: str, records: pd.DataFrame | None = None) -> pd.Series:
    """One row of the ledger, computed alone (the whole ledger runs every chapter's models).

    Raises :class:`DataError` if no record has this id.
    """
    table = load("claims") if records is None else records
    chosen = table[table["id"] == claim_id]
    if chosen.empty:
        raise DataError(f"No claim '{claim_id}' in the claims ledger; its ids: {', '.join(table['id'])}.")
    return ledger(chosen).iloc[0]


def ledger_markdown(table: pd.DataFrame | None = None) -> str:
    """The ledger as MyST Markdown, one block per chapter, with citations and section links."""
    table = ledger() if table is None else table
    datasets = {item.name: item.title for item in manifest()}
    lines = ["The verdicts:", ""] + [f"- **{verdict}**: {meaning}." for verdict, meaning in VERDICTS.items()] + [""]
    for chapter, records in table.groupby("chapter", sort=True):
        checked = int((records["status"] == "checked").sum())
        heading = f"## Chapter {chapter}" if checked else f"## Chapter {chapter} (in preparation)"
        lines += [heading, "", f"{checked} of {len(records)} claims checked.", ""]
        lines += ["| Claim | The essay | What the data says | Verdict | Evidence |", "|---|---|---|---|---|"]
        for _, record in records.iterrows():
            lines.append(_row_markdown(record, datasets))
        lines.append("")
    return "\n".join(lines)


def _row_markdown(record: pd.Series, datasets: dict[str, str]) -> str:
    claim = _cell(record["claim"])
    if not pd.isna(record["section"]):
        claim += f" ({{ref}}`discussion <{record['section']}>`)"
    says = _cell(record["finding"]) if record["status"] == "checked" else "*not yet examined*"
    verdict = f"**{record['verdict']}**" if record["status"] == "checked" else "pending"
    evidence = []
    for key in evidence_keys(record):
        evidence.append(f"dataset *{datasets[key]}*" if key in datasets else f"{{cite:t}}`{key}`")
    return f"| {claim} | {_cell(record['essay_figure'])} | {says} | {verdict} | {'; '.join(evidence) or '—'} |"


def _cell(text: object) -> str:
    return "" if pd.isna(text) else str(text).replace("|", "\\|").replace("\n", " ")
