"""The two packages in the build: an edit to the build machinery (``book/``) writes every page again
and executes no notebook; an edit to the library executes them all (``test_incremental.py``). What
the students' wheel carries is checked in ``test_build_tools.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import notebooks
import pytest

from tools import build_book

ROOT = notebooks.ROOT
SKIPPED = {".git", ".venv", "node_modules", "test-artifacts", "__pycache__"}
SKIPPED_BUILDS = {"student", "classroom", "pdf"}  # under _build/ only: the top-level classroom/ is a source


def copy_ignore(folder: str, names: list[str]) -> set[str]:
    """What the copy leaves out: tool folders anywhere, and the other editions' builds in _build/."""
    ignored = SKIPPED & set(names)
    return ignored | (SKIPPED_BUILDS & set(names) if Path(folder).name == "_build" else set())


@pytest.fixture(scope="module")
def built_copy(site, tmp_path_factory):
    """The book with its warm cache and its built site, copied so that tests can edit it."""
    copy = tmp_path_factory.mktemp("book") / "book"
    shutil.copytree(ROOT, copy, ignore=copy_ignore)
    return copy


def test_an_edit_to_the_build_machinery_writes_every_page_and_executes_no_notebook(built_copy):
    page = built_copy / "_build" / "html" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", "<!-- stale --></body>"), encoding="utf-8")
    module = built_copy / "book" / "icons.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# a change in the build machinery\n", encoding="utf-8")
    before = build_book.cached_executions(built_copy)
    result = subprocess.run([sys.executable, "-m", "tools.build_book"], cwd=built_copy, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "every page is written again" in result.stdout
    assert build_book.executed_between(before, build_book.cached_executions(built_copy)) == []
    assert "<!-- stale -->" not in page.read_text(encoding="utf-8")  # the page was written anew
