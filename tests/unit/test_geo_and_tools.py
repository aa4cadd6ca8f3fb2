"""World geometry, the Sphinx extension's helpers and the data command line."""

from __future__ import annotations

import shutil

import pytest
import yaml

from book.sphinx_ext import is_notebook, register_plaintext_backend, vega_bundle_name, write_vega_bundle
from digital_labor import __main__ as cli
from digital_labor import charts, data, geo


def test_world_is_equal_area_and_joined_to_countries():
    world = geo.world()
    assert world.crs.to_epsg() == 8857
    france = world[world["iso3"] == "FRA"].iloc[0]
    assert france["population"] == 68_551_653
    # Equal-area: land areas in km² come out right (Natural Earth 1:110m, so within a few per cent).
    assert world.loc[world["iso3"] == "FRA"].area.iloc[0] / 1e6 == pytest.approx(640_000, rel=0.05)
    assert world.area.sum() / 1e12 == pytest.approx(148.9, rel=0.03)


def test_centroids_place_france_in_europe():
    points = geo.centroids().set_index("iso3")
    assert 0 < points.loc["FRA", "lon"] < 8 and 42 < points.loc["FRA", "lat"] < 51
    assert points.index.is_unique


def test_is_notebook_tells_notebooks_from_pages(tmp_path):
    notebook = tmp_path / "nb.md"
    notebook.write_text("---\njupytext:\n  text_representation: {}\nkernelspec:\n  name: python3\n---\n# T\n")
    page = tmp_path / "page.md"
    page.write_text("# Just a page\n")
    assert is_notebook(notebook) and not is_notebook(page)


def test_pybtex_finds_its_plain_text_backend_without_reading_entry_points(monkeypatch):
    import pybtex.plugin
    from pybtex.backends.plaintext import Backend

    register_plaintext_backend()

    def no_scan(**_):
        raise AssertionError("pybtex read the installed packages' entry points")

    monkeypatch.setattr(pybtex.plugin, "entry_points", no_scan)
    assert pybtex.plugin.find_plugin("pybtex.backends", "plaintext") is Backend


def test_vega_bundle_is_written_once_and_wrapped(tmp_path):
    target = write_vega_bundle(tmp_path)
    assert target.name == vega_bundle_name()
    text = target.read_text()
    assert text.startswith("(function(){") and "window.vegaEmbed" in text and "root.dlFitEmbed" in text
    assert charts.FIT_SCRIPT_DIGEST in target.name  # a new fitting script gets a new file, never a stale one
    target.write_text("kept")
    assert write_vega_bundle(tmp_path).read_text() == "kept"


def test_hash_write_records_the_new_checksum(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(data.data_dir(), folder)
    monkeypatch.setenv("DIGITAL_LABOR_DATA", str(folder))
    (folder / "countries.csv").write_text((folder / "countries.csv").read_text().replace("Aruba", "Aruba "))
    with pytest.raises(data.DataError, match="SHA-256"):
        data.load("countries")
    digest = cli.record_hash("countries")
    entries = {e["name"]: e for e in yaml.safe_load((folder / "datapackage.yaml").read_text())["resources"]}
    assert entries["countries"]["hash"] == f"sha256:{digest}"
    assert entries["world"]["hash"] == f"sha256:{data.sha256(folder / 'world.geojson')}"  # others untouched


def test_accessible_body_fixes_citation_roles_and_toggle_labels():
    from book.sphinx_ext import accessible_body

    body = (
        '<div role="list" class="citation-list"><div class="citation" role="doc-biblioentry">A</div></div>'
        '<details><summary aria-label="Toggle hidden content"><p>Show code cell source</p></summary></details>'
    )
    fixed = accessible_body(body)
    assert 'role="listitem"' in fixed and "doc-biblioentry" not in fixed
    assert "<summary><p>Show code cell source</p>" in fixed


def test_the_theme_options_keep_pydata_s_navbar_and_its_hidden_menu_buttons_out():
    from book.sphinx_ext import theme_without_navbar

    assert theme_without_navbar({"use_download_button": True}) == {"navbar_persistent": [], "use_download_button": True}
    assert theme_without_navbar({"navbar_persistent": ["search-button"]})["navbar_persistent"] == ["search-button"]


def test_wide_tables_become_cards_with_their_column_names_and_narrow_ones_stay():
    from docutils import nodes
    from docutils.core import publish_doctree

    from book.sphinx_ext import card_tables

    source = """
.. list-table::
   :header-rows: 1

   * - Claim
     - The essay
     - What the data says
     - Verdict
   * - Half of jobs
     - 47 %
     - 9 % to 14 %
     - **nuanced**

.. list-table::
   :header-rows: 1

   * - Year
     - Share
   * - 2013
     - 47
"""
    doctree = publish_doctree(source, settings_overrides={"report_level": 5})
    assert card_tables(doctree) == 1
    wide, narrow = list(doctree.findall(nodes.table))
    assert "dl-cards" in wide["classes"] and "dl-cards" not in narrow["classes"]
    cells = list(wide.findall(nodes.tbody))[0].findall(nodes.entry)
    cells = list(cells)
    assert [cell["classes"] for cell in cells] == [
        ["dl-col-claim"],
        ["dl-col-the-essay"],
        ["dl-col-what-the-data-says"],
        ["dl-col-verdict"],
    ]
    verdict = cells[3]
    label, value = verdict.children
    assert label["classes"] == ["dl-cell-label"] and label.astext() == "Verdict" and value.astext() == "nuanced"
    header = list(wide.findall(nodes.thead))[0]
    assert [p["classes"] for p in header.findall(nodes.paragraph)] == [[], [], [], []]  # the header itself unchanged
    assert card_tables(doctree) == 0  # marking twice changes nothing
