"""Project files agree with each other: pyproject, environment.yml, lock file, CI entry point."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]


def pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["test"]
    found = {Requirement(r).name.lower(): str(Requirement(r).specifier) for r in requirements}
    found["python"] = project["requires-python"]
    return found


def conda_requirements() -> dict[str, str]:
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    found = {}
    for item in environment["dependencies"]:
        if isinstance(item, str) and item != "pip":
            name, spec = re.match(r"([A-Za-z0-9_.-]+)(.*)", item).groups()
            found[name.lower()] = ",".join(sorted(spec.split(","))) if spec else ""
    return found


def normalised(specs: dict[str, str]) -> dict[str, str]:
    return {name: ",".join(sorted(spec.split(","))) for name, spec in specs.items()}


def test_environment_yml_matches_pyproject():
    assert conda_requirements() == normalised(pyproject_requirements())


def test_lock_file_satisfies_every_range():
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.lower().replace("_", "-")] = version
    for name, spec in pyproject_requirements().items():
        if name == "python":
            continue
        assert name in pins, f"{name} is not pinned in requirements.lock"
        assert Requirement(f"{name}{spec}").specifier.contains(pins[name]), f"{name}=={pins[name]} breaks {spec}"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme.split("\n\n")[1]
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", ci, re.MULTILINE)
