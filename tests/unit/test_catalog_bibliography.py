"""The generated Data sources appendix and the bibliography table."""

from __future__ import annotations

import pytest

from digital_labor import bibliography, catalog
from digital_labor.data import DataError, manifest


def test_every_dataset_has_an_entry_with_source_licence_checksum_and_download():
    text = catalog.data_sources_markdown(page_dir=manifest().path.parent.parent / "appendix")
    for item in manifest():
        assert f"({item.name}-data)=" in text
        assert f"`{item.sha256}`" in text
        assert f"{{download}}`{item.path.name} <../data/{item.path.name}>`" in text
        for key in item.bibkeys:
            assert f"{{cite:t}}`{key}`" in text


def test_dataset_entry_lists_columns_with_units():
    item = manifest()["countries"]
    text = catalog.dataset_markdown(item, item.path.parent)
    folded = text[text.index('<details class="dl-columns">') : text.index("</details>")]
    assert f"<summary>Columns ({len(item.schema['fields'])})</summary>" in folded
    assert ("<dt><code>gdp_ppp_usd</code> number, current international $</dt><dd>GDP at purchasing power parity</dd>") in folded
    assert "<dt><code>iso3</code> string</dt>" in folded  # no unit, no trailing comma
    assert "\n\n" not in folded  # one raw HTML block: a blank line would end it


def test_references_table_marks_the_essay_citations(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@book{old1801, author={Mortimer, Thomas}, title={Lectures}, year={1801}, keywords={essay}}\n"
        "@article{new2016, author={Doe, Jane}, title={{A} Study}, journal={J}, year={2016}}\n"
        "@misc{undated, title={A web page}}\n"
    )
    table = bibliography.references(bib)
    assert list(table["key"]) == ["old1801", "new2016", "undated"]
    assert table.set_index("key").loc["old1801", "cited_by_essay"]
    assert table.set_index("key").loc["new2016", "kind"] == "journal article"
    summary = bibliography.summary(table)
    assert summary["count"] == 1 and summary["earliest"] == 1801 and summary["before_1900"] == 1


def test_essay_citation_without_a_year_is_an_error(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text("@misc{nodate, title={T}, keywords={essay}}\n")
    with pytest.raises(DataError, match="'nodate', cited by the essay, has no four-digit year"):
        bibliography.references(bib)


def test_the_book_bibliography_has_the_essay_citations():
    table = bibliography.references()
    essay = table[table["cited_by_essay"]]
    assert {"mortimer1801", "ricardo1821", "ure1835", "frey2013", "coase1937"} <= set(essay["key"])
    assert bibliography.summary(table)["count"] == len(essay)


def test_timeline_chart_describes_what_it_shows():
    spec = bibliography.timeline_chart(bibliography.references()).to_dict()
    assert spec["description"].startswith(f"Dot timeline of the {bibliography.summary(bibliography.references())['count']} works")
    assert spec["encoding"]["shape"]["field"] == spec["encoding"]["color"]["field"] == "kind"


def test_the_essay_s_references_are_dated_as_the_essay_cites_them(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@book{later2019, author={Doe, Jane}, title={Book}, year={2019}, essayyear={2018}, keywords={essay}}\n"
        "@book{old1801, author={Mortimer, Thomas}, title={Lectures}, year={1801}, keywords={essay}}\n"
    )
    table = bibliography.references(bib).set_index("key")
    assert table.loc["later2019", "year"] == 2019 and table.loc["later2019", "year_cited"] == 2018
    assert bibliography.summary(table.reset_index())["latest"] == 2018


def test_an_essayyear_that_is_not_a_year_is_an_error(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_text("@book{b, title={T}, year={2019}, essayyear={soon}, keywords={essay}}\n")
    with pytest.raises(DataError, match="'b' has an essayyear that is not a four-digit year"):
        bibliography.references(bib)


def test_the_book_dates_casilli_s_book_as_the_essay_does():
    table = bibliography.references()
    essay = table[table["cited_by_essay"]]
    assert essay.set_index("key").loc["casilli2019", "year_cited"] == 2018
    assert bibliography.summary(table)["latest"] <= 2018  # the essay (2016, revised) cites nothing later
