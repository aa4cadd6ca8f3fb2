"""Incremental builds: nothing re-runs without a change, an edited notebook re-runs alone, and a
change in lib/ or data/ re-runs every notebook (the book never serves stale outputs)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import notebooks
import pytest

from tools import build_book

ROOT = notebooks.ROOT
COPY_IGNORE = shutil.ignore_patterns(".git", ".venv", "node_modules", "test-artifacts", "__pycache__", "html")


def build(root, *options: str) -> list[str]:
    """Run the book's build in ``root``; return the notebooks it executed (from the cache's records)."""
    before = build_book.cached_executions(root)
    result = subprocess.run([sys.executable, "-m", "tools.build_book", *options], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return build_book.executed_between(before, build_book.cached_executions(root))


def test_a_second_build_executes_no_notebook(site):
    assert build(ROOT) == []


@pytest.fixture(scope="module")
def book_copy(site, tmp_path_factory):
    """The book with its warm cache, copied so that tests can edit sources freely."""
    copy = tmp_path_factory.mktemp("book") / "book"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORE)
    return copy


def timed_build(root) -> tuple[list[str], float]:
    """The notebooks one build of ``root`` executed, and the seconds it took."""
    start = time.perf_counter()
    executed = build(root)
    return executed, time.perf_counter() - start


@pytest.fixture(scope="module")
def rebuilds(book_copy) -> dict[str, tuple[list[str], float]]:
    """Four builds of the copy, in order, each with the notebooks it executed and its seconds: the
    warm copy as it is; after editing one notebook's code; after a change in lib/ (the cache and the
    parsed pages cleared, every notebook executed again and every page written anew: the work of a
    clean build); and once more with no change."""
    done = {"warm copy": timed_build(book_copy)}
    target = book_copy / "index.md"
    target.write_text(target.read_text().replace("dl.setup()\n", "dl.setup()\n# an edit\n", 1))
    done["one notebook edited"] = timed_build(book_copy)
    module = book_copy / "lib" / "digital_labor" / "countries.py"
    module.write_text(module.read_text() + "\n# a change in the library\n")
    done["library changed"] = timed_build(book_copy)
    done["no change"] = timed_build(book_copy)
    return done


def test_editing_one_notebook_re_executes_only_it(book_copy, rebuilds):
    assert rebuilds["warm copy"][0] == []
    assert rebuilds["one notebook edited"][0] == [str(book_copy / "index.md")]


def test_a_change_in_lib_re_executes_every_notebook(book_copy, rebuilds):
    assert rebuilds["library changed"][0] == sorted(str(p) for p in notebooks.toc_notebooks(book_copy))
    assert rebuilds["no change"][0] == []


def test_rebuilds_cost_a_fraction_of_a_build_that_executes_every_notebook(rebuilds):
    """Ratios of times measured on the same machine in the same minutes, so they hold on a fast
    machine and a slow one; the clean build's absolute time is a benchmark figure, printed by
    `make bench` against `clean_build_seconds` (pyproject.toml), not a test. On the build machine:
    no change 0.1 s and one edited notebook 11.7 s, against a clean build of 76 s (0.00 and 0.15).
    The bounds leave room for a busy machine."""
    full = rebuilds["library changed"][1]
    no_change, one_edit = rebuilds["no change"][1], rebuilds["one notebook edited"][1]
    assert no_change / full <= 0.10, f"a build with no change took {no_change:.1f} s, a full one {full:.1f} s"
    assert one_edit / full <= 0.5, f"a build after editing one notebook took {one_edit:.1f} s, a full one {full:.1f} s"


def test_fingerprint_covers_lib_data_bibliography_and_config(tmp_path):
    for folder in ("lib", "data"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "file.txt").write_text("one")
    (tmp_path / "references.bib").write_text("@misc{a, year={2020}}")
    (tmp_path / "_config.yml").write_text("title: t")
    before = build_book.fingerprint(tmp_path)
    for changed in ("lib/file.txt", "data/file.txt", "references.bib", "_config.yml"):
        (tmp_path / changed).write_text("two")
        after = build_book.fingerprint(tmp_path)
        assert after != before, changed
        before = after
    (tmp_path / "lib" / "__pycache__").mkdir()
    (tmp_path / "lib" / "__pycache__" / "x.pyc").write_text("bytecode")
    assert build_book.fingerprint(tmp_path) == before


def test_invalidation_clears_the_cache_only_when_inputs_change(tmp_path):
    root, build_dir = tmp_path / "root", tmp_path / "build"
    (root / "lib").mkdir(parents=True)
    (root / "lib" / "module.py").write_text("x = 1")
    (build_dir / ".jupyter_cache").mkdir(parents=True)
    assert build_book.invalidate_if_inputs_changed(build_dir, root)  # no fingerprint yet
    (build_dir / ".jupyter_cache").mkdir()
    build_book.record_inputs(build_dir, root)
    assert not build_book.invalidate_if_inputs_changed(build_dir, root)
    assert (build_dir / ".jupyter_cache").exists()
    (root / "lib" / "module.py").write_text("x = 2")
    assert build_book.invalidate_if_inputs_changed(build_dir, root)
    assert not (build_dir / ".jupyter_cache").exists()


def test_site_counts_as_current_until_any_page_source_changes(tmp_path):
    root, build_dir = tmp_path / "root", tmp_path / "build"
    (root / "chapters").mkdir(parents=True)
    (root / "chapters" / "page.md").write_text("# A page")
    (build_dir / "html").mkdir(parents=True)
    (build_dir / "html" / "index.html").write_text("<html></html>")
    assert not build_book.site_is_current(build_dir, root)  # never built
    build_book.record_inputs(build_dir, root)
    assert build_book.site_is_current(build_dir, root)
    (root / "chapters" / "page.md").write_text("# A page, edited")
    assert not build_book.site_is_current(build_dir, root)


def test_student_edition_has_the_exercises_without_their_solutions(site):
    assert build(ROOT, "--student") == []  # the same cache as the book
    student = ROOT / "_build" / "student" / "_build" / "html"
    summaries = sorted(site.glob("chapters/*/summary.html"))
    assert summaries
    for teacher_page in summaries:
        student_page = (student / teacher_page.relative_to(site)).read_text()
        assert 'class="exercise' in student_page
        assert 'class="solution' in teacher_page.read_text() and 'class="solution' not in student_page


def test_a_change_undone_after_a_failed_build_clears_the_cache_again(tmp_path):
    """The fingerprints are recorded when the cache is cleared, not only after a good build: a
    change undone after a failed build (whose notebooks ran with the change) is a change too."""
    root, build_dir = tmp_path / "root", tmp_path / "build"
    (root / "lib").mkdir(parents=True)
    (root / "book").mkdir()
    (root / "lib" / "module.py").write_text("x = 1")
    (root / "book" / "ext.py").write_text("y = 1")
    build_book.record_inputs(build_dir, root)  # a good build of x = 1
    (root / "lib" / "module.py").write_text("x = 2")
    assert build_book.invalidate_if_inputs_changed(build_dir, root)
    (build_dir / ".jupyter_cache").mkdir()  # the failed build cached outputs of x = 2
    (root / "lib" / "module.py").write_text("x = 1")  # undone
    assert build_book.invalidate_if_inputs_changed(build_dir, root)
    assert not (build_dir / ".jupyter_cache").exists()
    assert not build_book.invalidate_pages_if_machinery_changed(build_dir, root)
    (root / "book" / "ext.py").write_text("y = 2")
    assert build_book.invalidate_pages_if_machinery_changed(build_dir, root)
    (build_dir / ".doctrees").mkdir()
    (root / "book" / "ext.py").write_text("y = 1")  # undone after a failed build
    assert build_book.invalidate_pages_if_machinery_changed(build_dir, root)
    assert not (build_dir / ".doctrees").exists()
