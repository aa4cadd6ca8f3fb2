"""Project files agree with each other: pyproject, environment.yml, lock file, packaging, CI entry point."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import yaml
from packaging.requirements import Requirement

import digital_labor as dl
from digital_labor import bibliography

ROOT = Path(__file__).resolve().parents[2]


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def requirements(*extras: str) -> dict[str, str]:
    """Package name -> version range, for the base dependencies and the named extras."""
    project = pyproject()
    listed = project["dependencies"] + [r for extra in extras for r in project["optional-dependencies"][extra]]
    return {Requirement(r).name.lower(): str(Requirement(r).specifier) for r in listed}


def test_lock_file_satisfies_every_range():
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.lower().replace("_", "-")] = version
    for name, spec in requirements(*pyproject()["optional-dependencies"]).items():
        assert name in pins, f"{name} is not pinned in requirements.lock"
        assert Requirement(f"{name}{spec}").specifier.contains(pins[name]), f"{name}=={pins[name]} breaks {spec}"


def test_environment_yml_installs_the_project_with_the_lock_instead_of_repeating_it():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(item["pip"] for item in environment["dependencies"] if isinstance(item, dict))
    assert "-c requirements.lock" in pip_section and any(line.startswith("-e .[") for line in pip_section)
    conda_packages = [item for item in environment["dependencies"] if isinstance(item, str)]
    assert all(item.startswith(("python", "pip")) for item in conda_packages), conda_packages


def imported_packages(folder: Path) -> dict[str, set[str]]:
    """Top-level packages imported by each module under ``folder`` (relative imports left out)."""
    found = {}
    for module in folder.rglob("*.py"):
        tree = ast.parse(module.read_text())
        names = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        names |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module}
        found[module.relative_to(folder).as_posix()] = names - set(sys.stdlib_module_names) - {"digital_labor"}
    return found


DISTRIBUTION_OF = {"yaml": "pyyaml", "vl_convert": "vl-convert-python", "IPython": "ipython"}


def test_the_library_imports_only_its_base_dependencies_and_the_build_its_extras():
    base = set(requirements()) | {"ipython"}  # IPython comes with ipykernel
    build = base | set(requirements("book")) | set(requirements("classroom"))
    for folder, declared in ((ROOT / "lib" / "digital_labor", base), (ROOT / "book", build)):
        for module, packages in imported_packages(folder).items():
            undeclared = {DISTRIBUTION_OF.get(p, p).lower() for p in packages} - declared - {"book"}
            assert not undeclared, f"{folder.name}/{module} imports {undeclared}, not among its dependencies"


def test_tools_and_tests_do_not_import_each_other_s_helpers():
    for module, packages in imported_packages(ROOT / "tools").items():
        assert not packages & {"tests", "notebooks", "sitecheck", "conftest"}, module


def test_a_regular_install_carries_the_datasets_and_the_bibliography(tmp_path):
    """`pip install .` (not editable) must find the data without the repository."""
    wheel_dir, unpacked, elsewhere = tmp_path / "wheel", tmp_path / "site", tmp_path / "elsewhere"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheel_dir), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = wheel_dir.glob("digital_labor-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(unpacked)
    assert "digital_labor/bundled/data/datapackage.yaml" in names and "digital_labor/bundled/references.bib" in names
    elsewhere.mkdir()
    probe = ("import digital_labor as dl; from digital_labor import bibliography; "
             "print(dl.data.data_dir()); print(len(dl.load('countries')), len(bibliography.references()))")
    environment = {key: value for key, value in os.environ.items() if key != "DIGITAL_LABOR_DATA"}
    environment["PYTHONPATH"] = str(unpacked)
    result = subprocess.run([sys.executable, "-c", probe], cwd=elsewhere, capture_output=True, text=True, env=environment)
    assert result.returncode == 0, result.stderr
    folder, counts = result.stdout.splitlines()
    assert Path(folder) == unpacked / "digital_labor" / "bundled" / "data"
    assert counts == f"{len(dl.load('countries'))} {len(bibliography.references())}"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme.split("\n\n")[1]
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", ci, re.MULTILINE)


def test_the_build_s_kernels_skip_the_slow_iri_checker_but_keep_uri_checks(monkeypatch):
    """Kernels started with the build's environment do not compile rfc3987-syntax's parsers (3 s)."""
    from jupyter_client.manager import start_new_kernel

    from tools.build_book import STARTUP, prepare_kernel_environment

    for name in ("PYTHONSTARTUP", "DIGITAL_LABOR_BOOK", "PYDEVD_DISABLE_FILE_VALIDATION"):
        monkeypatch.delenv(name, raising=False)  # restored after the test, whatever it sets
    prepare_kernel_environment()
    assert os.environ["PYTHONSTARTUP"] == str(STARTUP)
    probe = ("import importlib.util, sys; import altair, jsonschema; checker = jsonschema.Draft7Validator.FORMAT_CHECKER; "
             "print(importlib.util.find_spec('lark') is not None, 'lark' in sys.modules, 'iri' in checker.checkers, "
             "checker.conforms('https://example.org/a', 'uri'), checker.conforms('not a uri', 'uri'))")
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


def test_the_sphinx_process_skips_the_slow_iri_checker_too():
    from tools import build_book

    code = build_book.build_command()[2]
    prelude = code.split("from jupyter_book")[0]
    probe = prelude + "import jsonschema, sys; print('lark' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False"]
