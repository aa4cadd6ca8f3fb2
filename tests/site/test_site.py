"""The built book, page by page, in a real browser and on disk."""

from __future__ import annotations

import contextlib
import json
import re

import pytest
import sitecheck


def test_strict_build_has_no_warnings(book_build):
    code, log = book_build
    warnings = [line for line in log.splitlines() if re.search(r"\bWARNING\b", line) and "IPKernelApp" not in line]
    assert code == 0 and not warnings, "\n".join(warnings[:20])


def test_no_page_requests_another_host(all_audits):
    offenders = {(r.device, r.page): r.external_requests for r in all_audits if r.external_requests}
    assert not offenders


def test_no_console_errors(all_audits):
    offenders = {(r.device, r.page): r.console_errors for r in all_audits if r.console_errors}
    assert not offenders


def test_every_chart_renders(all_audits):
    assert sum(r.charts for r in all_audits) > 0, "the book should have charts"
    offenders = {(r.device, r.page): f"{r.empty_charts} of {r.charts} empty" for r in all_audits if r.empty_charts}
    assert not offenders


def test_no_serious_or_critical_accessibility_violation(all_audits, artifacts):
    report = {f"{r.device}: {r.page}": r.violations for r in all_audits if r.violations}
    (artifacts / "axe-report.json").write_text(json.dumps(report, indent=2))
    blocking = {(r.device, r.page): [(v["id"], v["targets"]) for v in r.blocking_violations] for r in all_audits if r.blocking_violations}
    assert not blocking


# ---- On a phone (390 x 844, touch) and on a desktop -----------------------------------------


def test_both_sizes_visit_every_page(site_audits, phone_audits):
    assert [r.page for r in site_audits] == [r.page for r in phone_audits]
    assert {r.viewport_width for r in site_audits} == {1280} and {r.viewport_width for r in phone_audits} == {390}


def test_no_page_is_wider_than_the_screen(all_audits):
    offenders = {(r.device, r.page): f"{r.scroll_width} px wide on a {r.viewport_width} px screen" for r in all_audits if r.too_wide}
    assert not offenders


def test_charts_fit_their_container(all_audits):
    assert sum(r.charts for r in all_audits if r.device == "phone") > 0
    offenders = {(r.device, r.page): r.overflowing_charts for r in all_audits if r.overflowing_charts}
    assert not offenders


def test_every_chart_shows_its_values_without_hovering(all_audits):
    offenders = {(r.device, r.page): r.charts_without_values for r in all_audits if r.charts_without_values}
    assert not offenders


def test_the_ledger_verdicts_are_on_a_phone_screen_without_scrolling(phone_audits):
    ledger = next(r for r in phone_audits if r.page == "appendix/claims-ledger.html")
    assert ledger.verdicts > 0, "the ledger should have a Verdict column"
    assert not ledger.hidden_verdicts


def test_every_control_is_a_target_of_at_least_24_px(all_audits):
    offenders = {(r.device, r.page): r.small_targets for r in all_audits if r.small_targets}
    assert not offenders


def test_every_control_shows_where_the_focus_is(all_audits):
    offenders = {(r.device, r.page): r.no_focus_ring for r in all_audits if r.no_focus_ring}
    assert not offenders


MENU_PAGES = ["index.html", "chapters/04-planetary-inequalities/where-workers-are.html", "appendix/claims-ledger.html"]


@pytest.mark.parametrize("page_path", MENU_PAGES)
def test_the_menu_opens_and_closes_by_tap_on_a_phone(site, browser, page_path):
    with sitecheck.serve(site) as base_url:
        steps = sitecheck.menu_check(browser, base_url, page_path, "phone")
    assert steps.get("navigation_button_visible") and steps.get("navigation_closed_at_first"), steps
    assert steps.get("navigation_opens_by_tap") and steps.get("navigation_closes_by_tap"), steps
    assert steps.get("navigation_targets_of_24px"), steps
    if steps.get("on_this_page_button_visible"):  # pages with sections: "On this page" too
        assert steps.get("on_this_page_opens_by_tap") and steps.get("on_this_page_closes_by_tap"), steps


@pytest.mark.parametrize("page_path", MENU_PAGES[:2])
def test_the_sidebar_hides_and_comes_back_on_a_desktop(site, browser, page_path):
    with sitecheck.serve(site) as base_url:
        steps = sitecheck.menu_check(browser, base_url, page_path, "desktop")
    assert steps == {
        "sidebar_button_visible": True,
        "sidebar_shown_at_first": True,
        "sidebar_hides_by_click": True,
        "sidebar_shows_again_by_click": True,
    }


def test_phone_screenshots_of_a_chart_page_and_of_the_ledger_are_saved(phone_audits, artifacts):
    for name in ("phone-chart-page.png", "phone-claims-ledger.png"):
        shot = artifacts / name
        assert shot.stat().st_size > 10_000
        assert shot.read_bytes()[16:24] == (780).to_bytes(4, "big") + (1688).to_bytes(4, "big")  # 390 x 844 at 2x


def test_a_chart_s_values_open_by_tap_on_a_phone(site, browser):
    page_path, index = sitecheck.multi_panel_chart(site)
    with sitecheck.serve(site) as base_url:
        context = browser.new_context(**sitecheck.DEVICES["phone"])
        page = context.new_page()
        page.goto(base_url + page_path)
        chart = page.locator(".dl-figure").nth(index)
        chart.locator("img.dl-chart-image").wait_for()
        details = chart.locator("details.dl-chart-data")
        table = details.locator("table").first
        assert not table.is_visible()
        details.locator("summary").tap()
        table.wait_for(state="visible")
        first_cell = table.locator("tbody td").first
        assert first_cell.inner_text().strip() and first_cell.bounding_box()["x"] >= 0
        assert table.locator("tbody tr").count() > 1
        context.close()


def test_charts_keep_their_sliders_and_tooltips_on_a_desktop(site, browser):
    with_slider = next(
        (page, index)
        for page, specs in sitecheck.chart_specs(site).items()
        for index, spec in enumerate(specs)
        if "'bind'" in str(spec.get("params", ""))
    )
    with sitecheck.serve(site) as base_url:
        context = browser.new_context(**sitecheck.DEVICES["desktop"])
        page = context.new_page()
        page.goto(base_url + with_slider[0])
        figure = page.locator(".dl-figure").nth(with_slider[1])
        assert figure.get_attribute("data-dl-interactive") == "controls"
        # The picture first; the interactive view (and vega) only once the reader asks for it.
        assert figure.locator("img.dl-chart-image").is_visible() and not figure.locator(".dl-chart svg").count()
        figure.locator("button.dl-chart-live").click()
        chart = figure.locator(".dl-chart")
        chart.locator("svg.marks").wait_for()
        assert not figure.locator("img.dl-chart-image").is_visible()
        before = chart.locator("svg.marks").inner_html()
        slider = chart.locator("input[type=range]")
        slider.focus()
        page.keyboard.press("End")  # the slider's highest value, as a keyboard user would set it
        page.wait_for_timeout(300)
        assert chart.locator("svg.marks").inner_html() != before, "moving the slider should redraw the chart"
        # Hover the chart's points until one shows its tooltip (some layers have none).
        tooltip = page.locator("#vg-tooltip-element")
        symbols = chart.locator("svg.marks path[role=graphics-symbol]")
        shown = False
        for index in range(min(symbols.count(), 60)):
            with contextlib.suppress(Exception):  # a mark of no size (an empty bar) cannot be hovered
                symbols.nth(index).hover(force=True, timeout=1_000)
            page.wait_for_timeout(60)
            if tooltip.is_visible() and tooltip.inner_text().strip():
                shown = True
                break
        assert shown, "hovering the chart's marks should show a tooltip"
        context.close()


def test_every_page_s_first_visit_stays_within_its_transfer_budget(site, artifacts):
    """gzip bytes of a first visit before the reader acts (page, styles, scripts, fonts, eager
    pictures): 150 KB without charts, 500 KB with; the budgets are in pyproject.toml."""
    from tools import page_audit

    visits = [page_audit.first_visit(site, page) for page in sitecheck.html_pages(site)]
    (artifacts / "page-weights.json").write_text(
        json.dumps({v.page: {"gzip_bytes": v.total, "charts": v.charts, "largest": v.largest(5)} for v in visits}, indent=2)
    )
    assert any(v.charts for v in visits) and any(not v.charts for v in visits)
    problems = page_audit.size_problems(visits, page_audit.budget())
    assert not problems, "\n".join(problems)


def test_no_broken_internal_links_or_anchors(site):
    assert not sitecheck.broken_links(site)


def test_html_loads_nothing_from_other_hosts(site):
    assert not sitecheck.external_loads(site)


def test_screenshot_of_a_chart_page_is_saved(site_audits, artifacts):
    assert (artifacts / "chart-page.png").stat().st_size > 10_000


def test_the_ledger_page_offers_its_rows_as_csv_and_json_and_publishes_a_claim_review_per_verdict(site):
    import frictionless

    from digital_labor import claims
    from digital_labor.data import load

    verdicts = load("claims")["verdict"].dropna().tolist()
    page = (site / "appendix" / "claims-ledger.html").read_text(encoding="utf-8")
    head = page.split("</head>", 1)[0]
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    reviews = json.loads(blocks[0])
    assert [r["reviewRating"]["alternateName"] for r in reviews] == verdicts
    assert all(f'id="{r["url"].split("#")[1]}"' in page for r in reviews)
    assert 'href="claims-ledger.csv"' in page and 'href="claims-ledger.json"' in page
    resource = json.loads((site / "appendix" / "claims-ledger.json").read_text(encoding="utf-8"))
    assert frictionless.Resource(resource).validate().valid
    assert [row["verdict"] for row in resource["data"]] == verdicts
    table = frictionless.Resource(claims.export_resource(resource["data"], path="claims-ledger.csv"), basepath=str(site / "appendix"))
    assert table.validate().valid and len(table.read_rows()) == len(verdicts)


def test_every_notebook_page_offers_its_ipynb(site):
    from sphinx_external_toc.parsing import parse_toc_yaml

    from book.sphinx_ext import is_notebook

    docnames = list(parse_toc_yaml(sitecheck.ROOT / "_toc.yml"))
    notebooks = [name for name in docnames if is_notebook(sitecheck.ROOT / f"{name}.md")]
    assert "index" in notebooks
    for docname in notebooks:
        ipynb = site / "_sources" / f"{docname}.ipynb"
        assert json.loads(ipynb.read_text())["nbformat"] == 4
        page = (site / f"{docname}.html").read_text()
        assert f"_sources/{docname}.ipynb" in page


def test_vega_is_served_by_the_site_but_loaded_by_no_page_before_the_reader_acts(site, all_audits):
    from book.sphinx_ext import charts_script_name, vega_bundle_name

    assert (site / "_static" / vega_bundle_name()).stat().st_size > 100_000
    assert vega_bundle_name() in (site / "_static" / charts_script_name()).read_text()  # the charts' script knows it
    for report in all_audits:
        html = (site / report.page).read_text()
        assert vega_bundle_name() not in html, report.page
        assert (charts_script_name() in html) == (report.charts > 0), report.page
        assert not [path for path in report.requested if vega_bundle_name() in path], report.page
        assert not [path for path in report.requested if "fontawesome.js" in path], report.page


def test_every_page_has_a_meta_description(site):
    from bs4 import BeautifulSoup

    descriptions = {}
    for page in sitecheck.html_pages(site):
        soup = BeautifulSoup((site / page).read_text(), "html.parser")
        if soup.find("meta", attrs={"http-equiv": "Refresh"}):
            continue  # a redirect (index.html to the first page) is no page of its own
        tags = soup.find_all("meta", attrs={"name": "description"})
        assert len(tags) == 1, f"{page}: {len(tags)} meta descriptions"
        descriptions[page] = tags[0]["content"]
        assert 20 <= len(descriptions[page]) <= 160, (page, descriptions[page])
    assert "search.html" in descriptions


def test_without_javascript_every_chart_is_a_picture_with_its_description(site, browser):
    """A reader with JavaScript off sees every chart: its SVG picture, described by its alt text."""
    specs = sitecheck.chart_specs(site)
    assert specs
    with sitecheck.serve(site) as base_url:
        for device in ("desktop", "phone"):
            context = browser.new_context(java_script_enabled=False, **sitecheck.DEVICES[device])
            page = context.new_page()
            for page_path, charts in specs.items():
                page.goto(base_url + page_path, wait_until="load")
                page.wait_for_load_state("networkidle")
                shown = page.evaluate("""() => [...document.querySelectorAll('.dl-figure')].map(f => {
                    const img = f.querySelector('img.dl-chart-image'), r = img ? img.getBoundingClientRect() : null;
                    const button = f.querySelector('button.dl-chart-live');
                    return {loaded: !!img && img.complete && img.naturalWidth > 0, width: r ? r.width : 0, height: r ? r.height : 0,
                            alt: img ? img.alt : '', src: img ? img.currentSrc : '',
                            button: !!button && button.getBoundingClientRect().height > 0}; })""")
                assert len(shown) == len(charts), page_path
                for spec, figure in zip(charts, shown, strict=True):
                    assert figure["loaded"] and figure["width"] > 100 and figure["height"] > 50, (device, page_path, figure)
                    assert figure["src"].endswith(".svg") and figure["alt"] == spec["description"], (device, page_path)
                    assert not figure["button"], (device, page_path, "a button that does nothing without JavaScript")
            context.close()


def test_the_scenario_explorer_comes_alive_offline_with_its_slider_and_selector(site, browser):
    page_path = "chapters/05-beyond-the-wage/scenario-explorer.html"
    requests = []
    with sitecheck.serve(site) as base_url:
        context = browser.new_context(**sitecheck.DEVICES["phone"])
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.goto(base_url + page_path)
        figures = page.locator('.dl-figure[data-dl-interactive="controls"]')
        assert figures.count() >= 1
        figure = figures.first
        figure.scroll_into_view_if_needed()
        page.mouse.wheel(0, 200)  # the reader's first scroll: charts with controls come alive in view
        figure.locator(".dl-chart svg.marks").wait_for(timeout=30_000)
        assert figure.locator(".dl-chart input[type=range]").count() >= 1
        assert figure.locator(".dl-chart select, .dl-chart input[type=radio]").count() >= 1
        assert all(url.startswith(base_url) for url in requests)
        context.close()


def test_every_chart_has_a_title_a_source_line_and_a_description(site):
    specs = sitecheck.chart_specs(site)
    assert specs
    for page, charts in specs.items():
        for spec in charts:
            title = spec.get("title", {})
            assert isinstance(title, dict) and title.get("text"), f"{page}: a chart without a title"
            subtitle = " ".join(title.get("subtitle", [])) if isinstance(title.get("subtitle"), list) else str(title.get("subtitle", ""))
            assert subtitle.startswith(("Source:", "Model:")), f"{page}: {title['text']!r} has no source line"
            assert len(spec.get("description", "")) > 40, f"{page}: {title['text']!r} has no real description"


def test_no_chart_picture_labels_a_number_with_an_si_prefix_or_in_scientific_notation(site):
    """Issue 26, item 5: '1G' for a billion people, '1.66e+3' for a ratio. Every picture a page shows is read."""
    pictures = {
        (page.relative_to(site).as_posix(), (page.parent / src).resolve())
        for page in site.rglob("*.html")
        for src in re.findall(r'src="([^"]*_images/dl-charts/[^"]+\.svg)"', page.read_text(encoding="utf-8"))
    }
    assert len(pictures) >= 40
    offenders = {}
    for page, picture in pictures:
        svg = picture.read_text(encoding="utf-8")
        texts = re.findall(r"<(?:text|tspan)[^>]*>([^<]+)</(?:text|tspan)>", svg)
        bad = [t for t in texts if re.fullmatch(r"-?[\d.,]+\s?[kMGT]", t.strip()) or re.search(r"\d[eE][+-]?\d", t)]
        if bad:
            offenders[f"{page}: {picture.name}"] = bad[:4]
    assert not offenders


def test_colour_is_never_the_only_carrier_of_a_category(site):
    offenders = {
        page: problems
        for page, charts in sitecheck.chart_specs(site).items()
        for problems in [sum((sitecheck.colour_only_encodings(s) for s in charts), [])]
        if problems
    }
    assert not offenders


@pytest.mark.parametrize("docname", ["index", "chapters/04-planetary-inequalities/where-workers-are"])
def test_a_downloaded_notebook_runs_outside_the_repository_and_shows_its_charts_offline(site, tmp_path, monkeypatch, page, docname):
    """A student's copy: the .ipynb from the download menu, run in an empty folder in plain Jupyter
    mode, needs none of the build's tools, and its chart outputs draw with no network at all."""
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.delenv("DIGITAL_LABOR_BOOK", raising=False)
    notebook = nbformat.read(site / "_sources" / f"{docname}.ipynb", as_version=4)
    assert not [cell for cell in notebook.cells if "myst_nb" in cell.source]  # no Sphinx needed to run it
    folder = tmp_path / "student"
    folder.mkdir()
    NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.get("outputs", [])]
    assert outputs and not [o for o in outputs if o.get("output_type") == "error"]
    assert list(folder.iterdir()) == []  # it wrote nothing next to itself

    # The chart outputs, in order, as a notebook front end shows them; every request is refused.
    html_outputs = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {}) and "dl-chart" in o["data"]["text/html"]]
    assert html_outputs, "the notebook should show its charts"
    (tmp_path / "outputs.html").write_text("<!doctype html><html><body>" + "\n".join(html_outputs) + "</body></html>")
    requests = []
    page.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith("file:") else (requests.append(route.request.url), route.abort()),
    )
    page.goto((tmp_path / "outputs.html").as_uri())
    page.wait_for_function("() => [...document.querySelectorAll('.dl-chart')].every(c => c.querySelector('svg'))", timeout=20_000)
    assert page.locator(".dl-chart").count() == len(html_outputs) and not requests


def test_a_two_panel_chart_stacks_on_a_phone_and_stays_side_by_side_on_a_desktop(site, browser, tmp_path):
    """The renderer's fitting, on a chart made for the test: 2 x 500 px panels in a page column."""
    import altair as alt
    import pandas as pd

    from book.sphinx_ext import vega_bundle_name
    from digital_labor import charts

    frame = pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 2]})
    panel = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(x=alt.X("x:Q", title="x"), y=alt.Y("y:Q", title="y"), tooltip=["x:Q", "y:Q"])
        .properties(width=500, height=200)
    )
    spec = alt.hconcat(panel, panel).properties(title="Two panels side by side").to_dict()
    div, script = charts._embed_markup(spec, "")  # the interactive view, as dl-charts.js draws it
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / vega_bundle_name()).write_bytes((site / "_static" / vega_bundle_name()).read_bytes())
    (tmp_path / "chart.html").write_text(
        f'<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<script src="_static/{vega_bundle_name()}"></script></head><body style="margin:0 16px">'
        f'<main style="max-width: 1100px"><div class="output">{div}<script>{script}</script></div></main></body></html>'
    )
    sizes = {}
    with sitecheck.serve(tmp_path) as base_url:
        for device in ("phone", "desktop"):
            context = browser.new_context(**sitecheck.DEVICES[device])
            page = context.new_page()
            page.goto(base_url + "chart.html")
            page.wait_for_function("() => document.querySelector('.dl-chart svg.marks')")
            page.wait_for_timeout(500)
            sizes[device] = page.evaluate("""() => { const s = document.querySelector('.dl-chart svg.marks').getBoundingClientRect();
                const box = document.querySelector('.output').getBoundingClientRect();
                return {width: s.width, height: s.height, right: s.right, room: box.right}; }""")
            context.close()
    phone, desktop = sizes["phone"], sizes["desktop"]
    assert phone["right"] <= phone["room"] + 1 and phone["height"] > 400  # narrower, the panels one above the other
    assert desktop["width"] > 1000 and desktop["height"] < 400  # side by side, as drawn
