"""The slow checks of the project's tools: the library's wheel (what it carries, what it leaves out) and
a kernel started with the build's environment. They need no built book, but they build a wheel or
start a Jupyter kernel, so they are in the full tier (`make check`), not in `make test`. The
build's pre-execution has its own tests (`test_pre_execution.py`)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import digital_labor as dl
from digital_labor import bibliography

ROOT = Path(__file__).resolve().parents[2]


BUILD_FILES = {path.name for path in (ROOT / "book").rglob("*") if path.is_file()} - {"__init__.py", "README.md"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The library's wheel, as the students' bundle builds it (`pip wheel --no-deps .`)."""
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(folder), str(ROOT)], check=True, capture_output=True
    )
    (built,) = folder.glob("digital_labor-*.whl")
    return built


def test_the_students_wheel_holds_the_library_and_none_of_the_build_machinery(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert {name.split("/")[0] for name in names} == {"digital_labor", "digital_labor-0.1.0.dist-info"}
    assert "digital_labor/chart-fit.js" in names and "digital_labor/charts.py" in names
    shipped = {name.rsplit("/", 1)[-1] for name in names if not name.startswith("digital_labor/bundled/")}
    assert not shipped & BUILD_FILES, sorted(shipped & BUILD_FILES)


def test_a_regular_install_carries_the_datasets_and_the_bibliography(wheel, tmp_path):
    """`pip install .` (not editable) must find the data without the repository."""
    unpacked, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(unpacked)
    assert "digital_labor/bundled/data/datapackage.yaml" in names and "digital_labor/bundled/references.bib" in names
    elsewhere.mkdir()
    probe = (
        "import digital_labor as dl; from digital_labor import bibliography; "
        "print(dl.data.data_dir()); print(len(dl.load('countries')), len(bibliography.references()))"
    )
    environment = {key: value for key, value in os.environ.items() if key != "DIGITAL_LABOR_DATA"}
    environment["PYTHONPATH"] = str(unpacked)
    result = subprocess.run([sys.executable, "-c", probe], cwd=elsewhere, capture_output=True, text=True, env=environment)
    assert result.returncode == 0, result.stderr
    folder, counts = result.stdout.splitlines()
    assert Path(folder) == unpacked / "digital_labor" / "bundled" / "data"
    assert counts == f"{len(dl.load('countries'))} {len(bibliography.references())}"


def test_the_build_s_kernels_skip_the_slow_iri_checker_but_keep_uri_checks(monkeypatch):
    """Kernels started with the build's environment do not compile rfc3987-syntax's parsers (3 s)."""
    from jupyter_client.manager import start_new_kernel

    from tools.build_book import STARTUP, prepare_kernel_environment

    for name in ("PYTHONSTARTUP", "DIGITAL_LABOR_BOOK", "PYDEVD_DISABLE_FILE_VALIDATION"):
        monkeypatch.delenv(name, raising=False)  # restored after the test, whatever it sets
    prepare_kernel_environment()
    assert os.environ["PYTHONSTARTUP"] == str(STARTUP)
    probe = (
        "import importlib.util, sys; import altair, jsonschema; checker = jsonschema.Draft7Validator.FORMAT_CHECKER; "
        "print(importlib.util.find_spec('lark') is not None, 'lark' in sys.modules, 'iri' in checker.checkers, "
        "checker.conforms('https://example.org/a', 'uri'), checker.conforms('not a uri', 'uri'))"
    )
    manager, client = start_new_kernel(kernel_name="python3")
    printed = []
    try:
        client.execute_interactive(probe, timeout=60, output_hook=lambda message: printed.append(message["content"].get("text", "")))
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert "".join(printed).split() == ["True", "False", "False", "True", "False"]
