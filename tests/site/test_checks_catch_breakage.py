"""Each site check, run on a deliberately broken page, reports the breakage (so a pass means something)."""

from __future__ import annotations

import pytest

import sitecheck

HEAVY_BYTES = 1_200_000
BROKEN_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Broken</title>
<script src="https://cdn.example.org/library.js"></script>
<link rel="stylesheet" href="https://fonts.example.org/font.css">
</head><body><main>
<h1>A broken page</h1>
<img src="missing.png">
<a href="other.html#no-such-anchor">a link to a missing anchor</a>
<a href="nowhere.html">a link to a missing page</a>
<div class="dl-chart" id="never-drawn"></div>
<script>console.error("boom"); fetch("heavy.json");</script>
</main></body></html>
"""
OTHER_PAGE = '<!DOCTYPE html><html lang="en"><head><title>Other</title></head><body><main><h1 id="top">Other</h1></main></body></html>'


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("broken-site")
    (site / "broken.html").write_text(BROKEN_PAGE)
    (site / "other.html").write_text(OTHER_PAGE)
    (site / "heavy.json").write_text("[" + ",".join(["1"] * (HEAVY_BYTES // 2)) + "]")
    return site


@pytest.fixture(scope="module")
def broken_report(broken_site, browser):
    with sitecheck.serve(broken_site) as base_url:
        return sitecheck.audit_page(browser, base_url, "broken.html", chart_timeout_ms=1_000)


def test_request_to_another_host_is_caught(broken_report):
    assert "https://cdn.example.org/library.js" in broken_report.external_requests


def test_console_error_is_caught(broken_report):
    assert any("boom" in message for message in broken_report.console_errors)


def test_empty_chart_is_caught(broken_report):
    assert (broken_report.charts, broken_report.empty_charts) == (1, 1)


def test_accessibility_violation_is_caught(broken_report):
    assert "image-alt" in {v["id"] for v in broken_report.blocking_violations}


def test_heavy_page_breaks_the_budget(broken_report):
    assert broken_report.page_bytes > HEAVY_BYTES
    problems = sitecheck.weight_problems([broken_report], {"page_max_bytes": 1_000_000, "site_max_bytes": 20_000_000})
    assert problems and problems[0].startswith("broken.html:")
    assert sitecheck.weight_problems([broken_report], {"page_max_bytes": 2_000_000, "site_max_bytes": 1_000_000})


def test_broken_links_and_anchors_are_caught(broken_site):
    problems = sitecheck.broken_links(broken_site)
    assert any("other.html#no-such-anchor -> missing anchor" in p for p in problems)
    assert any("nowhere.html -> missing file" in p for p in problems)
    assert any("missing.png -> missing file" in p for p in problems)
    assert not any("other.html:" in p for p in problems)


def test_external_scripts_and_stylesheets_are_caught_on_disk(broken_site):
    problems = sitecheck.external_loads(broken_site)
    assert any("cdn.example.org" in p for p in problems) and any("fonts.example.org" in p for p in problems)


def test_colour_only_categories_are_caught():
    colour_only = {"mark": "line", "encoding": {"x": {"field": "year", "type": "quantitative"},
                                                "color": {"field": "method", "type": "nominal"}}}
    assert sitecheck.colour_only_encodings(colour_only) == ["method (line)"]
    with_shape = {"layer": [{"mark": {"type": "point"}}], "encoding": {
        "color": {"field": "method", "type": "nominal"}, "shape": {"field": "method", "type": "nominal"}}}
    assert sitecheck.colour_only_encodings(with_shape) == []
    a_map = {"mark": {"type": "geoshape"}, "encoding": {"color": {"condition": {"field": "side", "type": "nominal"}}}}
    assert sitecheck.colour_only_encodings(a_map) == []


def test_chart_specs_are_read_back_from_the_page(tmp_path):
    (tmp_path / "page.html").write_text(
        "<div class='dl-chart'></div><script>vegaEmbed('#c',{\"title\":{\"text\":\"A <\\/b>\"}},options)</script>")
    assert sitecheck.chart_specs(tmp_path) == {"page.html": [{"title": {"text": "A </b>"}}]}


def test_a_layer_can_carry_the_redundant_encoding_for_its_siblings():
    line_and_points = {"layer": [
        {"mark": "line", "encoding": {"color": {"field": "method", "type": "nominal"}}},
        {"mark": "point", "encoding": {"color": {"field": "method", "type": "nominal"},
                                       "shape": {"field": "method", "type": "nominal"}}}]}
    assert sitecheck.colour_only_encodings(line_and_points) == []
    two_panels = {"hconcat": [line_and_points, {"mark": "bar", "encoding": {"color": {"field": "side", "type": "nominal"}}}]}
    assert sitecheck.colour_only_encodings(two_panels) == ["side (bar)"]


def test_a_label_computed_from_the_category_counts_as_redundant():
    bars_with_letters = {"layer": [
        {"mark": "bar", "encoding": {"color": {"field": "group", "type": "nominal"}}},
        {"mark": "text", "transform": [{"calculate": "substring(datum.group, 0, 1)", "as": "short"}],
         "encoding": {"text": {"field": "short", "type": "nominal"}}}]}
    assert sitecheck.colour_only_encodings(bars_with_letters) == []
