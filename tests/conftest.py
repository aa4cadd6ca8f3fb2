"""The test tiers (markers by folder), and the session fixtures: the strict book build (run once)
and one browser visit of every page."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sitecheck

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"

# Each folder's markers (declared in pyproject.toml). `make test` runs tests/unit (the `unit` tier:
# the library and the chart compilation, no build); `make check` runs everything, the `book` tier
# (the strict build and what needs it, slow checks of the build's tools, the classroom proofs)
# included; `browser` tests open the built site in Chromium. `lighthouse` is set on its tests.
TIERS = {"unit": ("unit",), "book": ("book",), "site": ("book", "browser"), "classroom": ("book",)}


def pytest_collection_modifyitems(config, items):
    """Mark every test with its folder's tier (``pytest -m unit``, ``-m "book and not browser"``...)."""
    tests = Path(__file__).resolve().parent
    for item in items:
        try:
            folder = Path(item.path).resolve().relative_to(tests).parts[0]
        except ValueError:
            continue
        for marker in TIERS.get(folder, ()):
            item.add_marker(marker)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def book_build(artifacts):
    """Run the README's strict build (tools/build_book.py) once; return its exit code and log."""
    result = subprocess.run([sys.executable, "-m", "tools.build_book"], cwd=ROOT, capture_output=True, text=True)
    log = result.stdout + result.stderr
    (artifacts / "build.log").write_text(log)
    return result.returncode, log


@pytest.fixture(scope="session")
def site(book_build) -> Path:
    code, log = book_build
    assert code == 0, "the strict book build failed; see test-artifacts/build.log:\n" + log[-3000:]
    return ROOT / "_build" / "html"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright's browser, launched from Debian's Chromium (never a downloaded build)."""
    return {**browser_type_launch_args, **sitecheck.LAUNCH_ARGS}


def _summary(reports: list[sitecheck.PageReport]) -> list[dict]:
    fields = (
        "page",
        "device",
        "page_bytes",
        "charts",
        "empty_charts",
        "console_errors",
        "external_requests",
        "violations",
        "viewport_width",
        "scroll_width",
        "overflowing_charts",
        "charts_without_values",
        "verdicts",
        "hidden_verdicts",
        "small_targets",
        "no_focus_ring",
    )
    return [{name: getattr(r, name) for name in fields} for r in reports]


@pytest.fixture(scope="session")
def site_audits(site, browser, artifacts) -> list[sitecheck.PageReport]:
    """Every page of the built book, visited once in headless Chromium at desktop size (with axe-core)."""
    reports = []
    with sitecheck.serve(site) as base_url:
        for page in sitecheck.html_pages(site):
            screenshot = artifacts / "chart-page.png" if page == "index.html" else None
            reports.append(sitecheck.audit_page(browser, base_url, page, screenshot=screenshot))
    (artifacts / "site-audit.json").write_text(json.dumps(_summary(reports), indent=2))
    return reports


@pytest.fixture(scope="session")
def phone_audits(site, browser, artifacts) -> list[sitecheck.PageReport]:
    """Every page again, on a 390 x 844 touch screen (with axe-core: the layout differs).

    Screenshots: the first chart with panels or a slider, and the claims ledger.
    """
    chart_page, chart_index = sitecheck.multi_panel_chart(site) or ("", 0)
    shots = {
        chart_page: (artifacts / "phone-chart-page.png", f".dl-figure >> nth={chart_index}"),
        "appendix/claims-ledger.html": (artifacts / "phone-claims-ledger.png", "table"),
    }
    reports = []
    with sitecheck.serve(site) as base_url:
        for page in sitecheck.html_pages(site):
            screenshot, target = shots.get(page, (None, ".dl-figure"))
            reports.append(sitecheck.audit_page(browser, base_url, page, device="phone", screenshot=screenshot, screenshot_of=target))
    (artifacts / "phone-site-audit.json").write_text(json.dumps(_summary(reports), indent=2))
    return reports


@pytest.fixture(scope="session")
def all_audits(site_audits, phone_audits) -> list[sitecheck.PageReport]:
    """The visits at both sizes: the checks that hold for every page hold on a desktop and on a phone."""
    return site_audits + phone_audits
