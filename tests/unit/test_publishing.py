"""Ready to publish: one setting turns the repository and Binder buttons on; the citation file and
the publishing workflow agree with the project."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

from book.sphinx_ext import publishing_options

ROOT = Path(__file__).resolve().parents[2]
GENERATED_OPTIONS = {  # what Jupyter Book 1 generates from _config.yml's `repository` and `launch_buttons`
    "launch_buttons": {
        "notebook_interface": "jupyterlab",
        "binderhub_url": "https://mybinder.org",
        "thebe": False,
        "colab_url": "https://colab.research.google.com",
    },
    "repository_branch": "main",
    "path_to_docs": "",
}


def test_without_a_repository_address_no_button_points_anywhere():
    options = publishing_options({**GENERATED_OPTIONS, "repository_url": ""})
    assert options["launch_buttons"] == {}
    assert not options["use_repository_button"] and not options["use_issues_button"] and not options["use_edit_page_button"]
    assert options["use_download_button"] and options["show_toc_level"] == 2  # the book's own options stay


def test_a_repository_address_turns_on_the_repository_and_binder_buttons_but_not_colab():
    options = publishing_options({**GENERATED_OPTIONS, "repository_url": "https://github.com/example/click-work"})
    assert options["use_repository_button"] and options["use_issues_button"] and options["use_edit_page_button"]
    assert options["launch_buttons"]["binderhub_url"] == "https://mybinder.org"
    assert "colab_url" not in options["launch_buttons"]  # Colab cannot open the book's MyST notebooks


def test_the_configuration_leaves_jupyter_book_s_theme_options_in_place(tmp_path):
    """A `sphinx.config.html_theme_options` in _config.yml would replace the repository and launch
    options that Jupyter Book generates: the address would then turn on nothing."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert "html_theme_options" not in config["sphinx"]["config"]
    assert config["repository"]["url"] == ""  # not published yet: no button
    config["repository"]["url"] = "https://github.com/example/click-work"
    (tmp_path / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    shutil.copyfile(ROOT / "_toc.yml", tmp_path / "_toc.yml")
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    subprocess.run([str(jupyter_book), "config", "sphinx", str(tmp_path)], check=True, capture_output=True)
    namespace: dict = {}
    exec((tmp_path / "conf.py").read_text(encoding="utf-8"), namespace)  # noqa: S102 (the generated conf.py)
    generated = namespace["html_theme_options"]
    assert generated["repository_url"] == "https://github.com/example/click-work"
    assert publishing_options(generated)["launch_buttons"]["binderhub_url"]


def test_the_citation_file_names_the_book_its_version_and_the_essay():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0" and citation["message"] and citation["authors"]
    assert citation["title"] == config["title"] and citation["version"] == project["version"]
    essay = citation["references"][0]
    assert essay["authors"][0]["family-names"] == "Casilli" and essay["year"] == 2018


def test_the_publishing_workflow_runs_the_full_check_and_deploys_the_built_site():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    build = workflow["jobs"]["check-and-build"]
    assert any(step.get("run") == "make check" for step in build["steps"])
    upload = next(step for step in build["steps"] if "upload-pages-artifact" in step.get("uses", ""))
    assert upload["with"]["path"] == "_build/html"
    assert "deploy-pages" in workflow["jobs"]["deploy"]["steps"][0]["uses"]
