"""The claims ledger: rules on checked and pending records, computed findings, the generated page."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from digital_labor import claims
from digital_labor.claims import Finding
from digital_labor.data import DataError, load


def example_finding() -> Finding:
    return Finding(value=42.0, unit="%", summary="Forty-two per cent.")


def record(**overrides) -> dict:
    base = {
        "id": "x",
        "chapter": 1,
        "claim": "A claim.",
        "essay_figure": "42 %",
        "status": "checked",
        "check": "tests.unit.test_claims:example_finding",
        "verdict": "confirmed",
        "evidence": "countries; frey2013",
        "section": None,
        "comment": None,
    }
    base.update(overrides)
    return base


def test_checked_record_gets_its_computed_finding():
    table = claims.ledger(pd.DataFrame([record()]))
    assert table.loc[0, "value"] == 42.0 and table.loc[0, "finding"] == "Forty-two per cent."


def test_one_claim_is_computed_alone_with_the_ledger_s_rules():
    table = pd.DataFrame([record(id="x"), record(id="broken", check="tests.unit.test_claims:nothing_here")])
    row = claims.claim("x", table)
    assert row["id"] == "x" and row["value"] == 42.0  # the broken record is never computed
    with pytest.raises(DataError, match="does not exist"):
        claims.claim("broken", table)
    with pytest.raises(DataError, match="No claim 'missing'.*x, broken"):
        claims.claim("missing", table)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"check": None}, "marked checked but names no check function"),
        ({"verdict": None}, "marked checked but has no verdict"),
        ({"check": "tests.unit.test_claims:nothing_here"}, "does not exist"),
        ({"check": "tests.unit.test_claims:record"}, "returned dict, not a Finding"),
        ({"status": "pending"}, "pending but already has a verdict or a check"),
    ],
)
def test_ledger_rules_are_enforced(overrides, message):
    with pytest.raises(DataError, match=message):
        claims.ledger(pd.DataFrame([record(**overrides)]))


def test_a_finding_needs_a_value_and_a_summary():
    with pytest.raises(ValueError):
        Finding(value=float("nan"), unit="%", summary="s")
    with pytest.raises(ValueError):
        Finding(value=1.0, unit="%", summary=" ")


def test_every_checked_claim_of_the_book_has_a_computed_value():
    table = claims.ledger()
    checked = table[table["status"] == "checked"]
    assert checked["finding"].notna().all() and checked["value"].notna().all()
    assert table.loc[table["status"] == "pending", "finding"].isna().all()


def test_every_claim_evidence_key_is_a_dataset_or_a_reference():
    from digital_labor.bibliography import references
    from digital_labor.data import manifest

    known = set(references()["key"]) | {item.name for item in manifest()}
    for _, row in load("claims").iterrows():
        unknown = [key for key in claims.evidence_keys(row) if key not in known]
        assert not unknown, f"claim {row['id']}: unknown evidence {unknown}"


def test_ledger_markdown_groups_by_chapter_and_cites():
    table = claims.ledger(
        pd.DataFrame([record(), record(id="y", chapter=4, status="pending", check=None, verdict=None, evidence=None, section=None)])
    )
    text = claims.ledger_markdown(table)
    assert "## Chapter 1\n" in text and "## Chapter 4 (in preparation)\n" in text
    assert "1 of 1 claims checked." in text and "0 of 1 claims checked." in text
    assert "{cite:t}`frey2013`" in text and "dataset *Countries of the world" in text
    assert "*not yet examined*" in text


def test_ledger_page_explains_every_verdict_and_refuses_others():
    text = claims.ledger_markdown(claims.ledger(pd.DataFrame([record()])))
    for verdict, meaning in claims.VERDICTS.items():
        assert f"- **{verdict}**: {meaning}." in text
    with pytest.raises(DataError, match="verdict 'proven' is not one of"):
        claims.ledger(pd.DataFrame([record(verdict="proven")]))


LIBRARY = Path(claims.__file__).parent
SUBJECTS = sorted(folder.name for folder in LIBRARY.iterdir() if (folder / "__init__.py").exists())


def test_findings_are_looked_up_in_subject_modules_never_by_chapter():
    checked = load("claims").query("status == 'checked'")
    modules = {str(target).partition(":")[0] for target in checked["check"]}
    assert modules <= {f"digital_labor.{subject}" for subject in SUBJECTS}
    assert not [subject for subject in SUBJECTS if re.search(r"ch(apter)?_?\d", subject)]
    assert {"digital_labor.automation", "digital_labor.two_sided", "digital_labor.visibility"} <= modules


def test_ledger_values_equal_what_the_subject_functions_compute():
    from digital_labor import automation, two_sided

    rows = claims.ledger().set_index("id")
    assert rows.loc["jobs-at-risk", "value"] == automation.jobs_at_risk().value
    assert rows.loc["multi-sided-prices", "value"] == two_sided.multi_sided_prices().value


def test_the_pages_say_every_claim_has_a_verdict_exactly_when_none_is_pending():
    """The introduction and the ledger's page say that every claim has a verdict: true while no
    claim is pending; a pending claim must come with pages that no longer say so."""
    all_checked = bool((load("claims")["status"] == "checked").all())
    root = Path(__file__).resolve().parents[2]
    pages = {"index.md": "every claim in it has a verdict from a chapter", "appendix/claims-ledger.md": "every claim has a verdict"}
    for page, sentence in pages.items():
        text = " ".join((root / page).read_text(encoding="utf-8").split())
        assert (sentence in text) == all_checked, page
