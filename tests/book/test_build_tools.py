"""The slow checks of the project's tools that used to be unit tests: a wheel of the library, the
build's notebook pre-execution and a kernel started with the build's environment. They need no built
book, but they build a wheel, run notebooks or start a Jupyter kernel, so they are in the full tier
(`make check`), not in `make test`."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import digital_labor as dl
from digital_labor import bibliography

ROOT = Path(__file__).resolve().parents[2]


def test_a_regular_install_carries_the_datasets_and_the_bibliography(tmp_path):
    """`pip install .` (not editable) must find the data without the repository."""
    wheel_dir, unpacked, elsewhere = tmp_path / "wheel", tmp_path / "site", tmp_path / "elsewhere"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheel_dir), str(ROOT)], check=True, capture_output=True
    )
    (wheel,) = wheel_dir.glob("digital_labor-*.whl")
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


NOTEBOOK = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# {title}

```{{code-cell}} ipython3
{code}
```
"""


def test_pre_execution_caches_what_runs_and_leaves_a_failing_notebook_to_sphinx(tmp_path, capsys):
    from tools import build_book

    (tmp_path / "_config.yml").write_text("execute:\n  cache: _build/.jupyter_cache\n  timeout: 120\n")
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: good\nchapters:\n- file: failing\n- file: also-good\n")
    (tmp_path / "good.md").write_text(NOTEBOOK.format(title="Good", code="print(6 * 7)"))
    (tmp_path / "failing.md").write_text(NOTEBOOK.format(title="Failing", code="1 / 0"))
    (tmp_path / "also-good.md").write_text(NOTEBOOK.format(title="Also good", code="print(7 * 6)"))
    executed = build_book.pre_execute(tmp_path)
    assert executed == [str(tmp_path / "good.md"), str(tmp_path / "also-good.md")]
    assert f"{tmp_path / 'failing.md'} failed" in capsys.readouterr().out
    assert sorted(Path(uri).name for uri, _, _ in build_book.cached_executions(tmp_path)) == ["also-good.md", "good.md"]
    assert build_book.pre_execute(tmp_path) == []  # what is cached does not run again; the failure runs again
