"""Session fixtures: the strict book build (run once) and one browser visit of every page."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import sitecheck

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"


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


@pytest.fixture(scope="session")
def site_audits(site, browser, artifacts) -> list[sitecheck.PageReport]:
    """Every page of the built book, visited once in headless Chromium (with axe-core)."""
    reports = []
    with sitecheck.serve(site) as base_url:
        for page in sitecheck.html_pages(site):
            screenshot = artifacts / "chart-page.png" if page == "intro.html" else None
            reports.append(sitecheck.audit_page(browser, base_url, page, screenshot=screenshot))
    summary = [
        {"page": r.page, "page_bytes": r.page_bytes, "charts": r.charts, "empty_charts": r.empty_charts,
         "console_errors": r.console_errors, "external_requests": r.external_requests, "violations": r.violations}
        for r in reports
    ]
    (artifacts / "site-audit.json").write_text(json.dumps(summary, indent=2))
    return reports
