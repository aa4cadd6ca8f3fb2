"""Project files agree with each other: pyproject, environment.yml, lock file, packaging, CI entry point."""

from __future__ import annotations

import ast
import inspect
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement

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
        names |= {
            node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
        }
        found[module.relative_to(folder).as_posix()] = names - set(sys.stdlib_module_names) - {"digital_labor"}
    return found


DISTRIBUTION_OF = {
    "yaml": "pyyaml",
    "myst_nb": "myst-nb",
    "vl_convert": "vl-convert-python",
    "IPython": "ipython",
    "py_mini_racer": "mini-racer",
}


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


def test_ci_runs_the_readme_s_full_check():
    readme = (ROOT / "README.md").read_text()
    commands = readme.split("\n\n")[1]
    assert "make test" in commands and "make check" in commands
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make check$", ci, re.MULTILINE)
    assert re.search(r"^set -euo pipefail$", ci, re.MULTILINE)  # a failing check fails CI


def make_recipe(target: str) -> str:
    """The commands of one Makefile target."""
    text = (ROOT / "Makefile").read_text()
    match = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", text, re.MULTILINE)
    assert match, f"no target {target} in the Makefile"
    return match.group(1)


def test_make_test_runs_only_the_unit_tier_on_every_cpu_and_make_check_adds_the_rest_in_one_session():
    test, check = make_recipe("test"), make_recipe("check")
    assert "pytest tests/unit -n auto" in test
    assert not re.search(r"tests/(book|site|classroom)|pytest .* -m ", test)
    unit_run, full_run = (line for line in check.splitlines() if "pytest" in line)
    assert "pytest tests/unit -n auto" in unit_run
    assert '-m "not unit"' in full_run and " -n " not in full_run  # one session: the book is built once
    assert "exit $$status" in test and "exit $$status" in check  # a failure fails make


def test_make_and_make_bench_set_up_the_environment_with_one_script_uv_first_then_pip():
    assert "bash tools/setup_env.sh $(VENV)" in (ROOT / "Makefile").read_text()
    script = (ROOT / "tools" / "setup_env.sh").read_text()
    extras = re.search(r'requirement="\.\[([a-z,]+)\]"', script).group(1).split(",")
    assert sorted(extras) == sorted(pyproject()["optional-dependencies"])  # every extra, as the lock pins them
    assert "-c requirements.lock uv" in script and '-m uv pip install --python "$py" --compile-bytecode -c requirements.lock' in script
    assert '-m pip install --progress-bar off -c requirements.lock -e "$requirement"' in script  # the fallback
    assert re.search(r"^uv==\d", (ROOT / "requirements.lock").read_text(), re.MULTILINE)
    from tools import bench

    assert "setup_env.sh" in inspect.getsource(bench.fresh_setup)


def test_every_test_file_has_a_name_of_its_own():
    """The test folders are not packages: pytest imports each file by its base name, so two files
    of one name in two tiers stop the full run at collection."""
    names = [path.name for path in (ROOT / "tests").rglob("test_*.py")]
    assert len(names) == len(set(names)), sorted({name for name in names if names.count(name) > 1})


def test_the_sphinx_process_skips_the_slow_iri_checker_too():
    from tools import build_book

    code = build_book.build_command()[2]
    prelude = code.split("from jupyter_book")[0]
    probe = prelude + "import jsonschema, sys; print('lark' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False"]
