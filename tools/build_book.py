"""Build the executed book into _build/html, strictly, without ever serving stale outputs.

jupyter-cache re-executes a notebook only when its own code changes. The library in ``lib/``
and the data in ``data/`` are inputs of every notebook too, so this wrapper fingerprints them:
when the fingerprint changes, it clears the notebook cache and the parsed pages, and every
notebook runs again. The book's build machinery (``book/``, the templates and the static files)
shapes the pages, not the notebooks' outputs: when it changes, the parsed pages are cleared, so
that Sphinx writes every page again, and no notebook runs. Otherwise a rebuild executes only
the notebooks whose code changed, and when nothing at all changed since the last good build,
Sphinx is not started.

Before Sphinx starts, a pool of one process per CPU runs the notebooks that the cache lacks
(:func:`pre_execute`) and hands them back to this process, the cache's only writer; Sphinx then
only reads them back. A notebook that fails is left to Sphinx, which reports the error as usual.
Every kernel of the build encrypts its traffic (:func:`encrypt_kernel_transport`).

Usage: python -m tools.build_book [--student] [extra jupyter-book options]

``--student`` builds the edition for students, without the exercises' solutions, into
``_build/student/_build/html`` (same executed notebooks, from the same cache).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from tools import startup  # noqa: F401  (first: before anything loads jsonschema)

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
CACHE = BUILD / ".jupyter_cache"
DOCTREES = BUILD / ".doctrees"
FINGERPRINT = BUILD / "inputs.sha256"
SITE_FINGERPRINT = BUILD / "site.sha256"
MACHINERY_FINGERPRINT = BUILD / "machinery.sha256"
PICTURES = BUILD / ".dl-pictures"  # the charts' pictures, kept between builds (book.figures.PictureStore)
INPUT_DIRS = ("lib", "data", "references.bib", "_config.yml")  # every notebook's inputs
MACHINERY_DIRS = ("book", "_templates", "_static")  # the site's build: every page's shape
STARTUP = ROOT / "tools" / "startup.py"
SITE_DIRS = (
    *INPUT_DIRS,
    *MACHINERY_DIRS,
    "_toc.yml",
    "assets",
    "index.md",
    "how-to-use.md",
    "chapters",
    "appendix",
    "teaching",
    "classroom",
)


def input_files(root: Path = ROOT, names: tuple[str, ...] = INPUT_DIRS) -> list[Path]:
    """Files that every notebook depends on besides its own source, in a stable order."""
    files: list[Path] = []
    for name in names:
        path = root / name
        if not path.exists():
            continue
        candidates = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        files += [p for p in candidates if not any(part == "__pycache__" or part.endswith(".egg-info") for part in p.parts)]
    return files


def fingerprint(root: Path = ROOT, names: tuple[str, ...] = INPUT_DIRS) -> str:
    """SHA-256 over the paths and contents of :func:`input_files`."""
    digest = hashlib.sha256()
    for path in input_files(root, names):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _write_stamp(build: Path, stamp: Path, value: str) -> None:
    build.mkdir(parents=True, exist_ok=True)
    (build / stamp.name).write_text(value + "\n")


def _stamp_matches(build: Path, stamp: Path, value: str) -> bool:
    path = build / stamp.name
    return path.exists() and path.read_text().strip() == value


def invalidate_if_inputs_changed(build: Path = BUILD, root: Path = ROOT) -> bool:
    """Clear cached executions and parsed pages if lib/ or data/ changed; True if cleared.

    The new fingerprints are recorded at once, whether the build then succeeds or not: a later
    build of other inputs (a change undone after a failed build, say) clears them again."""
    current = fingerprint(root)
    if _stamp_matches(build, FINGERPRINT, current):
        return False
    for folder in (build / CACHE.name, build / DOCTREES.name):
        shutil.rmtree(folder, ignore_errors=True)
    _write_stamp(build, FINGERPRINT, current)
    _write_stamp(build, MACHINERY_FINGERPRINT, fingerprint(root, MACHINERY_DIRS))
    return True


def invalidate_pages_if_machinery_changed(build: Path = BUILD, root: Path = ROOT) -> bool:
    """Clear the parsed pages (not the notebook cache) if the build machinery changed; True if cleared.

    Sphinx then reads and writes every page again, from the cached notebooks."""
    current = fingerprint(root, MACHINERY_DIRS)
    if _stamp_matches(build, MACHINERY_FINGERPRINT, current):
        return False
    shutil.rmtree(build / DOCTREES.name, ignore_errors=True)
    _write_stamp(build, MACHINERY_FINGERPRINT, current)
    return True


def record_inputs(build: Path = BUILD, root: Path = ROOT) -> None:
    """Record, after a good build, the fingerprints of what it was built from."""
    _write_stamp(build, FINGERPRINT, fingerprint(root))
    _write_stamp(build, MACHINERY_FINGERPRINT, fingerprint(root, MACHINERY_DIRS))
    _write_stamp(build, SITE_FINGERPRINT, fingerprint(root, SITE_DIRS))


def site_is_current(build: Path = BUILD, root: Path = ROOT) -> bool:
    """True if no source, library, data or configuration file changed since the last good build."""
    stamp = build / SITE_FINGERPRINT.name
    built = (build / "html" / "index.html").exists()
    return built and stamp.exists() and stamp.read_text().strip() == fingerprint(root, SITE_DIRS)


def build_command(root: Path = ROOT, extra: list[str] | None = None) -> list[str]:
    """The strict build: nitpicky, warnings as errors, all warnings reported."""
    return [
        sys.executable,
        "-c",
        "import tools.startup, tools.build_book; tools.build_book.encrypt_kernel_transport(); "
        "from jupyter_book.cli.main import main; main()",
        "build",
        str(root),
        "--builder",
        "html",
        "-n",
        "-W",
        "--keep-going",
        *(extra or []),
    ]


STUDENT_OUTPUT = BUILD / "student"
MYST_READER = {"name": "myst_nb_md", "type": "plugin"}  # myst-nb's reader, registered with jupyter-cache


def project_settings(root: Path = ROOT) -> dict[str, Any]:
    """The book's own settings: ``[tool.digital-labor]`` in pyproject.toml (the budgets)."""
    import tomllib

    return tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["digital-labor"]


def clean_build_budget(root: Path = ROOT) -> float:
    """Seconds a clean build may take: ``[tool.digital-labor.build-budget]`` in pyproject.toml."""
    return float(project_settings(root)["build-budget"]["clean_build_seconds"])


def execution_settings(root: Path = ROOT) -> dict[str, Any]:
    """The ``execute`` section of ``_config.yml`` (cache folder, timeout, allow_errors)."""
    import yaml

    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    return config.get("execute", {})


def toc_notebooks(root: Path = ROOT) -> list[Path]:
    """Source paths of the notebooks listed in ``_toc.yml``, in order."""
    from sphinx_external_toc.parsing import parse_toc_yaml

    from book.sphinx_ext import is_notebook

    paths = [root / f"{name}.md" for name in parse_toc_yaml(root / "_toc.yml")]
    return [path for path in paths if path.exists() and is_notebook(path)]


def notebook_cache(root: Path = ROOT):
    """The jupyter-cache that myst-nb reads (``execute.cache`` in ``_config.yml``)."""
    from jupyter_cache import get_cache

    return get_cache(root / execution_settings(root).get("cache", "_build/.jupyter_cache"))


def cached_executions(root: Path = ROOT) -> set[tuple[str, str, str]]:
    """Every execution stored in the cache: notebook path, code hash and time of execution.

    Comparing this set before and after a build tells which notebooks the build executed.
    """
    if not (root / execution_settings(root).get("cache", "_build/.jupyter_cache")).exists():
        return set()
    return {(r.uri, r.hashkey, r.created.isoformat()) for r in notebook_cache(root).list_cache_records()}


def executed_between(before: set[tuple[str, str, str]], after: set[tuple[str, str, str]]) -> list[str]:
    """The notebook paths of the executions in ``after`` that ``before`` did not hold."""
    return sorted(uri for uri, _, _ in after - before)


def _execute(job: tuple[str, str, int, bool]) -> tuple[str, str | None, str | None, float]:
    """Pool worker: execute one notebook (nbformat JSON) in its own folder; it never opens the cache.

    Returns the notebook's path, the executed notebook as JSON (None if it failed), the traceback
    of the failure (None if it ran) and the seconds taken.
    """
    import traceback

    import nbformat
    from jupyter_cache.executors.utils import single_nb_execution

    uri, source, timeout, allow_errors = job
    notebook = nbformat.reads(source, nbformat.NO_CONVERT)
    try:
        result = single_nb_execution(notebook, cwd=str(Path(uri).parent), timeout=timeout, allow_errors=allow_errors)
    except Exception:  # the kernel died or did not start: left to Sphinx, like a failing cell
        return uri, None, traceback.format_exc(), 0.0
    if result.err is not None:
        return uri, None, result.exc_string, result.time
    return uri, nbformat.writes(result.nb), None, result.time


def pre_execute(root: Path = ROOT) -> list[str]:
    """Execute, in parallel, the notebooks whose current code is not in the cache; cache them.

    A pool of one process per CPU runs the notebooks of ``_toc.yml`` that the cache lacks (read
    with myst-nb's reader, so that the cache keys match what Sphinx looks up), one at a time in
    the order of the table of contents, each in its own folder. The workers only execute; this
    process alone writes the cache, as each notebook comes back (jupyter-cache's own workers
    write it concurrently, and its clean-up after each write then raced the other worker's
    write). A failure's traceback is stored as jupyter-cache's executor stores it, and the
    notebook is left for Sphinx, which reports the error. Returns the paths executed successfully.
    """
    import multiprocessing

    import nbformat
    from jupyter_cache.base import CacheBundleIn
    from jupyter_cache.cache.db import NbProjectRecord

    settings = execution_settings(root)
    cache = notebook_cache(root)
    order = {str(path.absolute()): rank for rank, path in enumerate(toc_notebooks(root))}
    for uri in order:
        cache.add_nb_to_project(uri, read_data=MYST_READER)
    pending = sorted(cache.list_unexecuted(filter_uris=list(order)), key=lambda record: order[record.uri])
    if not pending:
        return []
    NbProjectRecord.remove_tracebacks([record.pk for record in pending], cache.db)  # as jupyter-cache's executor does
    print(f"build: executing {len(pending)} notebook(s) in parallel", flush=True)
    timeout, allow_errors = settings.get("timeout", 600), settings.get("allow_errors", False)
    jobs = [(r.uri, nbformat.writes(cache.get_project_notebook(r.pk).nb), timeout, allow_errors) for r in pending]
    executed = []
    with multiprocessing.Pool(min(os.cpu_count() or 1, len(jobs)), initializer=encrypt_kernel_transport) as pool:
        for uri, notebook, error, seconds in pool.imap_unordered(_execute, jobs, chunksize=1):
            if error is not None:
                NbProjectRecord.set_traceback(uri, error, cache.db)
                print(f"build: {uri} failed; Sphinx will run it again and report the error", flush=True)
                continue
            bundle = CacheBundleIn(nbformat.reads(notebook, nbformat.NO_CONVERT), uri, data={"execution_seconds": seconds})
            cache.cache_notebook_bundle(bundle, check_validity=False, overwrite=True)
            executed.append(uri)
    return sorted(executed, key=order.__getitem__)


def draw_chart_pictures(root: Path = ROOT) -> int:
    """Draw, on every CPU, the pictures of the charts in the notebooks' cached outputs that the
    store lacks (Sphinx would draw them one after the other as it writes the pages); how many."""
    from book.figures import chart_specs, draw_pictures

    cache = notebook_cache(root)
    outputs: list[str] = []
    for path in toc_notebooks(root):
        record = cache.get_cached_project_nb(str(path.absolute()))
        if record is None:
            continue
        for cell in cache.get_cache_bundle(record.pk).nb.cells:
            for output in cell.get("outputs", []):
                text = output.get("data", {}).get("text/html", "")
                outputs.append("".join(text) if isinstance(text, list) else text)
    return draw_pictures(chart_specs(outputs), root / PICTURES.relative_to(ROOT), os.cpu_count() or 1)


def report(executed: list[str]) -> None:
    for uri in executed:
        print(f"build: executed {Path(uri).relative_to(ROOT) if Path(uri).is_relative_to(ROOT) else uri}", flush=True)


def student_config(root: Path = ROOT) -> Path:
    """A copy of _config.yml that hides the solutions of the exercises (sphinx-exercise)."""
    import yaml

    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = f"{config['title']} (student edition, without solutions)"
    config.setdefault("sphinx", {}).setdefault("config", {})["hide_solutions"] = True
    target = STUDENT_OUTPUT / "_config.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


def encrypt_kernel_transport() -> None:
    """Have the Jupyter kernels that this process starts encrypt their traffic (CurveZMQ).

    ipykernel 7.4 warns, at the start of every kernel that talks to its manager over TCP in plain
    text, "Kernel is running over TCP without encryption". jupyter_client (8.10) hands a kernel
    CurveZMQ keys when ``KernelManager.transport_encryption`` is "auto" and the kernelspec declares
    support (ipykernel's does), but its default is "disabled", and jupyter-cache and myst-nb
    (Sphinx's own executions) start kernels through nbclient with no way to pass configuration:
    this sets the default, for this process only. (IPC transport, the warning's other remedy,
    fails with nbclient: it names the sockets relative to the manager's folder, and the kernel,
    started in the notebook's folder, does not find them.)
    """
    import zmq
    from jupyter_client.manager import KernelManager

    if zmq.has("curve"):  # libzmq built with libsodium (pyzmq's wheels are)
        KernelManager.class_traits()["transport_encryption"].default_value = "auto"


def prepare_kernel_environment() -> None:
    """The environment every notebook kernel inherits: the book's flag and its start-up file
    (``tools/startup.py``, which spares each kernel 3 s of imports); and encrypted kernel traffic."""
    os.environ["DIGITAL_LABOR_BOOK"] = "1"
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    os.environ.setdefault("PYTHONSTARTUP", str(STARTUP))
    os.environ["DIGITAL_LABOR_PICTURES"] = str(PICTURES)  # one store for the book and its students' edition
    encrypt_kernel_transport()


def main(argv: list[str] | None = None) -> int:
    prepare_kernel_environment()
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--student" in argv:
        argv.remove("--student")
        invalidate_if_inputs_changed()
        report(pre_execute())
        draw_chart_pictures()
        # --all: every page read and written again (from the cached notebooks), so that a change in
        # lib/, data/ or book/ never leaves the students' edition with old pages.
        extra = ["--all", "--config", str(student_config()), "--path-output", str(STUDENT_OUTPUT), *argv]
        return subprocess.run(build_command(ROOT, extra), cwd=ROOT).returncode
    if site_is_current():
        print("build: _build/html is up to date (no source, library, data or configuration change)", flush=True)
        return 0
    (BUILD / SITE_FINGERPRINT.name).unlink(missing_ok=True)  # until this build succeeds
    if invalidate_if_inputs_changed():
        print("build: lib/, data/ or the configuration changed (or first build): every notebook will run", flush=True)
    elif invalidate_pages_if_machinery_changed():
        print("build: the build machinery changed (book/, _templates/, _static/): every page is written again", flush=True)
    report(pre_execute())
    drawn = draw_chart_pictures()
    if drawn:
        print(f"build: drew the pictures of {drawn} chart(s) in parallel", flush=True)
    result = subprocess.run(build_command(ROOT, argv), cwd=ROOT)
    if result.returncode == 0:
        record_inputs()
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
