"""The built book, page by page, in a real browser and on disk."""

from __future__ import annotations

import json
import re

import pytest

import sitecheck


def test_strict_build_has_no_warnings(book_build):
    code, log = book_build
    warnings = [line for line in log.splitlines() if re.search(r"\bWARNING\b", line) and "IPKernelApp" not in line]
    assert code == 0 and not warnings, "\n".join(warnings[:20])


def test_no_page_requests_another_host(site_audits):
    offenders = {r.page: r.external_requests for r in site_audits if r.external_requests}
    assert not offenders


def test_no_console_errors(site_audits):
    offenders = {r.page: r.console_errors for r in site_audits if r.console_errors}
    assert not offenders


def test_every_chart_renders(site_audits):
    assert sum(r.charts for r in site_audits) > 0, "the book should have charts"
    offenders = {r.page: f"{r.empty_charts} of {r.charts} empty" for r in site_audits if r.empty_charts}
    assert not offenders


def test_no_serious_or_critical_accessibility_violation(site_audits, artifacts):
    report = {r.page: r.violations for r in site_audits if r.violations}
    (artifacts / "axe-report.json").write_text(json.dumps(report, indent=2))
    blocking = {r.page: [(v["id"], v["targets"]) for v in r.blocking_violations] for r in site_audits if r.blocking_violations}
    assert not blocking


def test_pages_stay_within_the_weight_budget(site_audits, artifacts):
    limits = sitecheck.budget()
    weights = {r.page: r.page_bytes for r in site_audits}
    (artifacts / "page-weights.json").write_text(json.dumps(weights, indent=2))
    assert not sitecheck.weight_problems(site_audits, limits)


def test_no_broken_internal_links_or_anchors(site):
    assert not sitecheck.broken_links(site)


def test_html_loads_nothing_from_other_hosts(site):
    assert not sitecheck.external_loads(site)


def test_screenshot_of_a_chart_page_is_saved(site_audits, artifacts):
    assert (artifacts / "chart-page.png").stat().st_size > 10_000


def test_every_notebook_page_offers_its_ipynb(site):
    from sphinx_external_toc.parsing import parse_toc_yaml

    from digital_labor.sphinx_ext import is_notebook

    docnames = list(parse_toc_yaml(sitecheck.ROOT / "_toc.yml"))
    notebooks = [name for name in docnames if is_notebook(sitecheck.ROOT / f"{name}.md")]
    assert "intro" in notebooks
    for docname in notebooks:
        ipynb = site / "_sources" / f"{docname}.ipynb"
        assert json.loads(ipynb.read_text())["nbformat"] == 4
        page = (site / f"{docname}.html").read_text()
        assert f"_sources/{docname}.ipynb" in page


def test_vega_is_served_by_the_site_and_only_on_chart_pages(site, site_audits):
    from digital_labor.sphinx_ext import vega_bundle_name

    assert (site / "_static" / vega_bundle_name()).stat().st_size > 100_000
    for report in site_audits:
        html = (site / report.page).read_text()
        assert (vega_bundle_name() in html) == (report.charts > 0), report.page


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


def test_colour_is_never_the_only_carrier_of_a_category(site):
    offenders = {page: problems for page, charts in sitecheck.chart_specs(site).items()
                 for problems in [sum((sitecheck.colour_only_encodings(s) for s in charts), [])] if problems}
    assert not offenders


@pytest.mark.parametrize("docname", ["intro", "chapters/04-planetary-inequalities/where-workers-are"])
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
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else (requests.append(route.request.url), route.abort()))
    page.goto((tmp_path / "outputs.html").as_uri())
    page.wait_for_function("() => [...document.querySelectorAll('.dl-chart')].every(c => c.querySelector('svg'))", timeout=20_000)
    assert page.locator(".dl-chart").count() == len(html_outputs) and not requests
