"""Packaging hook: a regular (non-editable) install carries the book's datasets with the library.

``pyproject.toml`` holds all the metadata. This file only copies ``data/`` and ``references.bib``
into the built package as ``digital_labor/bundled/``, so that ``pip install .`` (or the wheel of
the students' bundle) can load every dataset without the repository. An editable install reads
them from the repository itself.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithData(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "digital_labor" / "bundled"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(ROOT / "data", target / "data")
        shutil.copyfile(ROOT / "references.bib", target / "references.bib")


setup(cmdclass={"build_py": BuildWithData})
