"""The claims ledger as data: CSV and JSON downloads with their schema, and ClaimReview records."""

from __future__ import annotations

import json

import frictionless
import pandas as pd
import pytest
import yaml
from sphinx.errors import ExtensionError

from book.ledger_files import GLUE_NAME, csv_text, glued_records, json_ld
from digital_labor import claims
from digital_labor.data import data_dir

# The schema.org vocabulary (release 29) for the terms the records use: each property and the
# types it applies to (its domain), and each type's parent. Google's fact-check markup requires
# claimReviewed, reviewRating (with alternateName for a rating in words) and url.
PROPERTY_DOMAINS = {
    "url": {"Thing"},
    "name": {"Thing"},
    "alternateName": {"Thing"},
    "description": {"Thing"},
    "claimReviewed": {"ClaimReview"},
    "reviewRating": {"Review"},
    "reviewBody": {"Review"},
    "itemReviewed": {"Review", "AggregateRating"},
    "author": {"CreativeWork", "Rating"},
    "datePublished": {"CreativeWork"},
    "inLanguage": {"CreativeWork"},
    "isPartOf": {"CreativeWork"},
    "publisher": {"CreativeWork"},
    "appearance": {"Claim"},
}
PARENT = {
    "ClaimReview": "Review",
    "Review": "CreativeWork",
    "Claim": "CreativeWork",
    "Chapter": "CreativeWork",
    "Book": "CreativeWork",
    "CreativeWork": "Thing",
    "Rating": "Intangible",
    "Intangible": "Thing",
    "Person": "Thing",
    "Organization": "Thing",
}


def lineage(kind: str) -> set[str]:
    types = {kind}
    while kind in PARENT:
        kind = PARENT[kind]
        types.add(kind)
    return types


def vocabulary_errors(node: dict, path: str = "") -> list[str]:
    errors = []
    if node.get("@type") not in PARENT:
        return [f"{path or 'record'}: type {node.get('@type')!r} is not one the records may use"]
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in PROPERTY_DOMAINS:
            errors.append(f"{path}{key}: not a schema.org property the records may use")
        elif not PROPERTY_DOMAINS[key] & lineage(node["@type"]):
            errors.append(f"{path}{key}: schema.org does not define it on {node['@type']}")
        if isinstance(value, dict):
            errors += vocabulary_errors(value, f"{path}{key}.")
    return errors


def example_table() -> pd.DataFrame:
    rows = [
        {"id": "a", "chapter": 2, "claim": "A claim.", "essay_figure": "42 %", "verdict": "nuanced", "value": 41.5, "unit": "%",
         "finding": "About 41.5 %.", "comment": "Close.", "evidence": "countries", "check": "m:f"},
        {"id": "b", "chapter": 3, "claim": "Another, with a | bar.", "essay_figure": "x", "verdict": "indeterminate", "value": "n/a",
         "unit": None, "finding": "It depends.", "comment": float("nan"), "evidence": None, "check": "m:g"},
    ]  # fmt: skip
    return pd.DataFrame(rows)


def test_export_records_keep_every_column_and_turn_empty_cells_into_none():
    records = claims.export_records(example_table())
    assert list(records[0]) == list(claims.EXPORT_FIELDS)
    assert records[0]["chapter"] == 2 and records[0]["value"] == "41.5"
    assert records[1]["comment"] is None and records[1]["unit"] is None


def test_the_json_download_is_a_valid_frictionless_resource_and_the_csv_matches_its_schema(tmp_path):
    records = claims.export_records(example_table())
    report = frictionless.Resource(claims.export_resource(records)).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type"])
    (tmp_path / "ledger.csv").write_text(csv_text(records), encoding="utf-8")
    resource = frictionless.Resource(claims.export_resource(records, path="ledger.csv"), basepath=str(tmp_path))
    report = resource.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type"])
    assert resource.read_rows()[1]["claim"] == "Another, with a | bar."


def test_the_schema_refuses_a_verdict_the_ledger_does_not_know():
    records = claims.export_records(example_table())
    records[0]["verdict"] = "proven"
    report = frictionless.Resource(claims.export_resource(records)).validate()
    assert not report.valid and "constraint" in str(report.flatten(["type"]))


def test_claim_reviews_use_schema_org_terms_where_they_apply_and_google_s_required_ones():
    reviews = claims.claim_reviews(claims.export_records(example_table()), "claims-ledger.html", "2026-12-07", "The book's contributors")
    assert len(reviews) == 2
    for review in reviews:
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert vocabulary_errors(review) == []
        assert review["claimReviewed"] and review["reviewRating"]["alternateName"] in claims.VERDICTS
        assert review["url"].startswith("claims-ledger.html#claim-")
        assert review["itemReviewed"]["author"]["name"] == "Antonio A. Casilli"
    assert vocabulary_errors({"@type": "ClaimReview", "ratingValue": 1}) == ["ratingValue: not a schema.org property the records may use"]
    assert vocabulary_errors({"@type": "Rating", "claimReviewed": "x"}) == ["claimReviewed: schema.org does not define it on Rating"]


def test_json_ld_cannot_close_its_script_element_early():
    text = json_ld([{"@type": "ClaimReview", "claimReviewed": "a </script> b"}])
    assert text.count("</script>") == 1 and json.loads(text.split("\n", 1)[1].rsplit("\n</script>", 1)[0])


def test_the_ledger_page_links_each_row_to_its_anchor():
    text = claims.ledger_markdown(claims.ledger(pd.DataFrame([{**example_table().iloc[0].to_dict(), "status": "checked", "section": None,
                                                                  "check": "tests.unit.test_claims:example_finding"}])))  # fmt: skip
    assert '<span id="claim-a"></span>A claim.' in text


def test_glued_records_are_read_back_and_a_missing_glue_is_named(tmp_path):
    folder = tmp_path / "jupyter_execute" / "appendix"
    folder.mkdir(parents=True)
    with pytest.raises(ExtensionError, match="glued nothing"):
        glued_records(tmp_path)
    (folder / "claims-ledger.glue.json").write_text(json.dumps({"other": {"data": {"text/plain": "1"}}}), encoding="utf-8")
    with pytest.raises(ExtensionError, match=f"no value named '{GLUE_NAME}'.*other"):
        glued_records(tmp_path)
    (folder / "claims-ledger.glue.json").write_text(
        json.dumps({GLUE_NAME: {"data": {"text/plain": json.dumps([{"id": "a"}])}}}), encoding="utf-8"
    )
    assert glued_records(tmp_path) == [{"id": "a"}]
    (folder / "claims-ledger.glue.json").write_text(json.dumps({GLUE_NAME: {"data": {"text/plain": "{'id': 'a'}"}}}), encoding="utf-8")
    with pytest.raises(ExtensionError, match="rows as JSON text"):
        glued_records(tmp_path)


def test_the_manifest_knows_every_verdict_of_the_ledger():
    manifest = yaml.safe_load((data_dir() / "datapackage.yaml").read_text(encoding="utf-8"))
    fields = next(r for r in manifest["resources"] if r["name"] == "claims")["schema"]["fields"]
    assert next(f for f in fields if f["name"] == "verdict")["constraints"]["enum"] == list(claims.VERDICTS)
