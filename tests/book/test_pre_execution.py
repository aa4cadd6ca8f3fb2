"""The build's parallel pre-execution, in a tiny book: every notebook runs once per cold cache and
lands in the cache (only the build's process writes it), a failing notebook is left to Sphinx,
and the kernels start without ipykernel's warning about unencrypted TCP."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from jupyter_cache.cache.db import NbProjectRecord
from jupyter_cache.readers import get_reader

from tools import build_book

NAMES = [f"page{n}" for n in range(8)]
FOLDERS = {name: "chapter" if n % 2 else "" for n, name in enumerate(NAMES)}  # half in a sub-folder
WARNING = "Kernel is running over TCP without encryption"


def notebook(code: str) -> str:
    return (
        textwrap.dedent("""\
        ---
        jupytext:
          text_representation: {extension: .md, format_name: myst, format_version: 0.13}
        kernelspec: {display_name: Python 3, language: python, name: python3}
        ---
        # A page

        ```{code-cell} ipython3
        %s
        ```
        """)
        % code
    )


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """Eight notebooks in _toc.yml order; each appends its name to runs.log in its working folder."""
    (tmp_path / "_config.yml").write_text(
        "execute:\n  execute_notebooks: cache\n  cache: _build/.jupyter_cache\n  allow_errors: false\n  timeout: 60\n  run_in_temp: false\n"
    )
    files = [f"{FOLDERS[name]}/{name}".lstrip("/") for name in NAMES]
    (tmp_path / "_toc.yml").write_text(f"format: jb-book\nroot: {files[0]}\nchapters:\n" + "".join(f"- file: {f}\n" for f in files[1:]))
    (tmp_path / "chapter").mkdir()
    for name, file in zip(NAMES, files):
        (tmp_path / f"{file}.md").write_text(notebook(f'open("runs.log", "a").write("{name}\\n")\nprint("{name} ran")'))
    return tmp_path


def sources(book: Path) -> list[Path]:
    return [book / FOLDERS[name] / f"{name}.md" for name in NAMES]


def runs(book: Path) -> list[str]:
    """The notebooks that ran, from the runs.log files (which also show each ran in its own folder)."""
    lines = []
    for folder in (book, book / "chapter"):
        log = folder / "runs.log"
        names = log.read_text().split() if log.exists() else []
        assert all(FOLDERS[name] == folder.relative_to(book).as_posix().strip(".") for name in names)
        lines += names
    return sorted(lines)


def cached_output(book: Path, source: Path) -> str:
    """The printed output of the notebook's cached execution, found as Sphinx finds it (myst-nb's reader)."""
    cache = build_book.notebook_cache(book)
    record = cache.match_cache_notebook(get_reader(build_book.MYST_READER)(str(source)))
    assert record.uri == str(source)
    return "".join(output.get("text", "") for output in cache.get_cache_bundle(record.pk).nb.cells[0].outputs)


def test_each_notebook_runs_once_per_cold_cache_and_is_cached(book, capfd):
    for _ in range(2):  # the failing notebook's test below makes a third cold run
        shutil.rmtree(book / "_build", ignore_errors=True)
        for log in book.rglob("runs.log"):
            log.unlink()
        assert build_book.pre_execute(book) == [str(path) for path in sources(book)]
        assert runs(book) == sorted(NAMES)
        assert len(build_book.notebook_cache(book).list_cache_records()) == len(NAMES)
        for name, source in zip(NAMES, sources(book)):
            assert cached_output(book, source) == f"{name} ran\n"
    assert build_book.pre_execute(book) == []  # a warm cache: nothing runs
    assert runs(book) == sorted(NAMES)
    assert WARNING not in capfd.readouterr().err


def test_a_failing_notebook_is_not_cached_and_keeps_its_traceback(book, capsys):
    failing = sources(book)[3]
    failing.write_text(notebook("1 / 0"))
    executed = build_book.pre_execute(book)
    assert executed == [str(path) for path in sources(book) if path != failing]
    assert runs(book) == sorted(name for name in NAMES if name != failing.stem)
    assert f"{failing} failed" in capsys.readouterr().out
    cache = build_book.notebook_cache(book)
    assert sorted(r.uri for r in cache.list_cache_records()) == sorted(executed)
    assert "ZeroDivisionError" in NbProjectRecord.record_from_uri(str(failing), cache.db).traceback
    for source in sources(book):
        if source != failing:
            assert cached_output(book, source) == f"{source.stem} ran\n"


def test_sphinx_starts_its_kernels_without_the_tcp_warning(book):
    """The Sphinx process (its prelude) runs a notebook the way myst-nb does, through jupyter-cache."""
    prelude = build_book.build_command()[2].split("from jupyter_book")[0]
    probe = prelude + textwrap.dedent(f"""
        import jupytext
        from jupyter_cache.executors.utils import single_nb_execution
        result = single_nb_execution(jupytext.read({str(sources(book)[0])!r}), cwd={str(book)!r}, timeout=60, allow_errors=False)
        print(result.err is None)
        """)
    result = subprocess.run([sys.executable, "-c", probe], cwd=build_book.ROOT, capture_output=True, text=True)
    assert result.stdout.split() == ["True"], result.stderr
    assert WARNING not in result.stderr
