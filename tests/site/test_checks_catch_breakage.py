"""Each site check, run on a deliberately broken page, reports the breakage (so a pass means something)."""

from __future__ import annotations

import pytest
import sitecheck

HEAVY_BYTES = 1_200_000  # a page's own download, past any budget
BROKEN_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Broken</title>
<script src="https://cdn.example.org/library.js"></script>
<link rel="stylesheet" href="https://fonts.example.org/font.css">
</head><body><main>
<h1>A broken page</h1>
<img src="missing.png">
<a href="other.html#no-such-anchor">a link to a missing anchor</a>
<a href="nowhere.html">a link to a missing page</a>
<figure class="dl-figure" id="never-drawn"><picture class="dl-picture"><img class="dl-chart-image" src="missing-chart.svg" alt="A chart whose picture is missing"></picture></figure>
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


def test_a_heavy_page_breaks_the_transfer_budget_naming_the_page_and_the_asset(tmp_path):
    import random

    from tools import page_audit

    random.seed(1)
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "heavy.js").write_text("var x = '" + "".join(random.choice("abcdef0123456789") for _ in range(400_000)) + "';")
    (tmp_path / "_static" / "late.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'>" + "<!-- x -->" * 10 + "</svg>")
    (tmp_path / "light.html").write_text(
        '<html><head><script src="_static/missing.js"></script></head><body>'
        '<img src="_static/late.svg" loading="lazy" alt=""></body></html>'
    )
    (tmp_path / "heavy.html").write_text('<html><head><script src="_static/heavy.js"></script></head><body></body></html>')
    (tmp_path / "chart.html").write_text(
        '<html><head><script src="_static/heavy.js"></script></head><body><figure class="dl-figure"></figure></body></html>'
    )
    visits = {page: page_audit.first_visit(tmp_path, page) for page in ("light.html", "heavy.html", "chart.html")}
    assert "_static/late.svg" not in visits["light.html"].assets  # a lazy picture is not part of the first visit
    assert visits["heavy.html"].total > 150 * 1024 and visits["chart.html"].charts == 1
    problems = page_audit.size_problems(list(visits.values()), {"page_without_charts_kb": 150, "page_with_charts_kb": 500})
    assert len(problems) == 1 and problems[0].startswith("heavy.html:") and "_static/heavy.js" in problems[0]
    assert "without charts" in problems[0]


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
    colour_only = {
        "mark": "line",
        "encoding": {"x": {"field": "year", "type": "quantitative"}, "color": {"field": "method", "type": "nominal"}},
    }
    assert sitecheck.colour_only_encodings(colour_only) == ["method (line)"]
    with_shape = {
        "layer": [{"mark": {"type": "point"}}],
        "encoding": {"color": {"field": "method", "type": "nominal"}, "shape": {"field": "method", "type": "nominal"}},
    }
    assert sitecheck.colour_only_encodings(with_shape) == []
    a_map = {"mark": {"type": "geoshape"}, "encoding": {"color": {"condition": {"field": "side", "type": "nominal"}}}}
    assert sitecheck.colour_only_encodings(a_map) == []


def test_chart_specs_are_read_back_from_the_page(tmp_path):
    (tmp_path / "charts").mkdir()
    (tmp_path / "charts" / "a.json").write_text('{"title": {"text": "From a file"}}')
    (tmp_path / "page.html").write_text(
        '<figure class="dl-figure" id="f1" data-dl-spec="charts/a.json"><img></figure>'
        '<figure class="dl-figure" id="f2"><script type="application/json" class="dl-chart-spec">{"title":{"text":"A <\\/b>"}}</script></figure>'
    )
    assert sitecheck.chart_specs(tmp_path) == {"page.html": [{"title": {"text": "From a file"}}, {"title": {"text": "A </b>"}}]}


def test_a_layer_can_carry_the_redundant_encoding_for_its_siblings():
    line_and_points = {
        "layer": [
            {"mark": "line", "encoding": {"color": {"field": "method", "type": "nominal"}}},
            {
                "mark": "point",
                "encoding": {"color": {"field": "method", "type": "nominal"}, "shape": {"field": "method", "type": "nominal"}},
            },
        ]
    }
    assert sitecheck.colour_only_encodings(line_and_points) == []
    two_panels = {"hconcat": [line_and_points, {"mark": "bar", "encoding": {"color": {"field": "side", "type": "nominal"}}}]}
    assert sitecheck.colour_only_encodings(two_panels) == ["side (bar)"]


def test_a_label_computed_from_the_category_counts_as_redundant():
    bars_with_letters = {
        "layer": [
            {"mark": "bar", "encoding": {"color": {"field": "group", "type": "nominal"}}},
            {
                "mark": "text",
                "transform": [{"calculate": "substring(datum.group, 0, 1)", "as": "short"}],
                "encoding": {"text": {"field": "short", "type": "nominal"}},
            },
        ]
    }
    assert sitecheck.colour_only_encodings(bars_with_letters) == []


# ---- The phone checks, on a page that breaks each rule, and on one that keeps them ---------

PHONE_BROKEN_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Broken on a phone</title>
<style>
  body { margin: 0 8px; font: 16px sans-serif; }
  figure { margin: 0; }
  .no-ring { min-height: 32px; }
  .no-ring:focus, .no-ring:focus-visible { outline: none; box-shadow: none; }
  .tiny { width: 16px; height: 16px; padding: 0; }
  .box { width: 360px; }
</style></head><body><main>
<h1>Broken on a phone</h1>
<div style="width: 700px">a banner as wide as a desktop screen</div>
<div class="box"><figure class="dl-figure" id="wide-chart"><picture class="dl-picture"><img class="dl-chart-image" width="640" height="200" alt="A wide chart" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='640' height='200'%3E%3C/svg%3E"></picture></figure></div>
<div style="overflow-x: auto"><table style="min-width: 640px">
<thead><tr><th>Claim</th><th>The essay</th><th>What the data says</th><th>Evidence</th><th>Verdict</th></tr></thead>
<tbody><tr><td>A claim</td><td>47 %</td><td>a long explanation of what the data says, which pushes the last column away</td>
<td>a dataset and three works cited</td><td>nuanced</td></tr></tbody></table></div>
<button class="tiny" aria-label="Tiny button">x</button>
<button class="no-ring">A button with no focus ring</button>
</main></body></html>
"""
PHONE_GOOD_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fine on a phone</title>
<style>
  body { margin: 0 8px; font: 16px sans-serif; }
  figure { margin: 0; }
  :focus-visible { outline: 3px solid #c0f; }
  button, summary { min-height: 24px; min-width: 24px; }
  .scroll { overflow-x: auto; }
  td { display: block; }
</style></head><body><main>
<h1>Fine on a phone</h1>
<div class="box"><figure class="dl-figure" id="narrow-chart"><picture class="dl-picture"><img class="dl-chart-image" width="300" height="200" alt="A narrow chart" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='300' height='200'%3E%3C/svg%3E"></picture>
<details class="dl-chart-data"><summary>The values in this chart, as a table</summary>
<div class="scroll" tabindex="0" role="region" aria-label="Values"><table><thead><tr><th>Year</th><th>Share</th></tr></thead>
<tbody><tr><td>2013</td><td>47</td></tr></tbody></table></div></details></figure></div>
<table><thead><tr><th>Claim</th><th>Verdict</th></tr></thead><tbody><tr><td>A claim</td><td>nuanced</td></tr></tbody></table>
<button aria-label="Menu">=</button>
</main></body></html>
"""


@pytest.fixture(scope="module")
def phone_reports(tmp_path_factory, browser):
    site = tmp_path_factory.mktemp("phone-site")
    (site / "broken.html").write_text(PHONE_BROKEN_PAGE)
    (site / "good.html").write_text(PHONE_GOOD_PAGE)
    with sitecheck.serve(site) as base_url:
        return {
            name: sitecheck.audit_page(browser, base_url, f"{name}.html", device="phone", axe=False, chart_timeout_ms=1_000)
            for name in ("broken", "good")
        }


def test_a_page_wider_than_a_phone_is_caught(phone_reports):
    assert phone_reports["broken"].too_wide and phone_reports["broken"].scroll_width >= 700
    assert not phone_reports["good"].too_wide


def test_a_chart_wider_than_its_container_is_caught(phone_reports):
    assert phone_reports["broken"].overflowing_charts == ["wide-chart: 648 px > 368 px"]
    assert phone_reports["good"].overflowing_charts == []


def test_a_chart_whose_values_show_only_on_hover_is_caught(phone_reports):
    assert phone_reports["broken"].charts_without_values == ["wide-chart"]
    assert phone_reports["good"].charts_without_values == []


def test_a_ledger_verdict_off_the_screen_is_caught(phone_reports):
    broken, good = phone_reports["broken"], phone_reports["good"]
    assert broken.verdicts == 1 and len(broken.hidden_verdicts) == 1 and broken.hidden_verdicts[0].startswith("nuanced")
    assert good.verdicts == 1 and good.hidden_verdicts == []


def test_a_target_smaller_than_24_px_is_caught(phone_reports):
    assert phone_reports["broken"].small_targets == ['button.tiny "Tiny button" 16x16']
    assert phone_reports["good"].small_targets == []


def test_a_control_without_a_focus_ring_is_caught(phone_reports):
    assert phone_reports["broken"].no_focus_ring == ['button.no-ring "A button with no focus ring"']
    assert phone_reports["good"].no_focus_ring == []


# A menu as the themes build it: a button, a dialog that holds the navigation while it is open,
# closed by a tap on its backdrop; and a desktop sidebar that the same button hides.
MENU_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Menu</title>
<style>
  body { margin: 0; font: 16px sans-serif; }
  button { min-width: 32px; min-height: 32px; }
  dialog { margin: 0; height: 100vh; max-height: 100vh; width: 70vw; padding: 1rem; border: 0; }
  #sidebar a, dialog a { display: block; min-height: 32px; }
  @media (max-width: 959px) { #sidebar { display: none; } }
  #sidebar.hidden { display: none; }
</style></head><body>
<button class="primary-toggle" aria-label="Site navigation">=</button>
<div id="sidebar"><nav class="bd-docs-nav"><a href="#one">One</a><a href="#two">Two</a></nav></div>
<dialog id="menu"></dialog>
<main><h1>Menu</h1><p>Text.</p></main>
<script>
  const WIRED = __WIRED__;
  const button = document.querySelector('.primary-toggle'), sidebar = document.getElementById('sidebar');
  const dialog = document.getElementById('menu'), nav = sidebar.querySelector('nav');
  if (WIRED) {
    button.addEventListener('click', () => {
      if (matchMedia('(min-width: 960px)').matches) { sidebar.classList.toggle('hidden'); return; }
      dialog.appendChild(nav); dialog.showModal();
    });
    dialog.addEventListener('click', event => { if (event.target === dialog) dialog.close(); });
    dialog.addEventListener('close', () => sidebar.appendChild(nav));
  }
</script></body></html>
"""


@pytest.fixture(scope="module")
def menu_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("menu-site")
    (site / "working.html").write_text(MENU_PAGE.replace("__WIRED__", "true"))
    (site / "dead.html").write_text(MENU_PAGE.replace("__WIRED__", "false"))
    return site


def test_a_menu_button_that_does_nothing_is_caught_by_tapping_it(menu_site, browser):
    with sitecheck.serve(menu_site) as base_url:
        dead = sitecheck.menu_check(browser, base_url, "dead.html", "phone")
        working = sitecheck.menu_check(browser, base_url, "working.html", "phone")
    assert dead["navigation_button_visible"] and not dead["navigation_opens_by_tap"]
    assert working["navigation_opens_by_tap"] and working["navigation_closes_by_tap"] and working["navigation_targets_of_24px"]


def test_a_sidebar_that_does_not_hide_on_a_desktop_is_caught(menu_site, browser):
    with sitecheck.serve(menu_site) as base_url:
        dead = sitecheck.menu_check(browser, base_url, "dead.html", "desktop")
        working = sitecheck.menu_check(browser, base_url, "working.html", "desktop")
    assert dead["sidebar_shown_at_first"] and not dead["sidebar_hides_by_click"]
    assert working == {
        "sidebar_button_visible": True,
        "sidebar_shown_at_first": True,
        "sidebar_hides_by_click": True,
        "sidebar_shows_again_by_click": True,
    }
