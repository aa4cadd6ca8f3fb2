"""Measure the book's set-up and build times on this machine (``make bench``).

In a temporary copy of the book: a fresh set-up (a new virtual environment installed the
Makefile's way, by tools/setup_env.sh), and with that environment, as on a fresh clone, a clean
build (every notebook executed), a rebuild with no
change, a rebuild after editing one notebook's code; and the bare execution time of all
notebooks without Sphinx (nbclient, one after the other). Prints the figures, the set-up and the
clean build against their budgets (``[tool.digital-labor.build-budget]`` in pyproject.toml; a
report, never a failure) and the ratios that the README reports, with a description
of the machine, and the time of the basic-income model's grid of scenarios (best of three runs,
data loaded beforehand), and each notebook's start-up: a fresh kernel running the notebook's
first code cell (its imports and set-up).
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from tools.build_book import (
    cached_executions,
    clean_build_budget,
    executed_between,
    prepare_kernel_environment,
    project_settings,
    toc_notebooks,
)

ROOT = Path(__file__).resolve().parents[1]

IGNORE = shutil.ignore_patterns(".git", ".venv", "_build", "node_modules", "test-artifacts", "__pycache__")
GOALS = {"clean / bare execution": 1.3, "no-change / clean": 0.10}


def setup_budget(root: Path = ROOT) -> float:
    """Seconds a fresh set-up may take: ``setup_seconds`` in ``[tool.digital-labor.build-budget]``."""
    return float(project_settings(root)["build-budget"]["setup_seconds"])


def fresh_setup(root: Path, venv: Path) -> tuple[float, str]:
    """Seconds to set up the book's environment from nothing, the Makefile's way: tools/setup_env.sh
    of ``root`` into the new virtual environment ``venv`` (created by ``PYTHON``, as in the
    Makefile, default python3), with uv's and pip's download caches as this machine has them; and
    the script's last line (which installer did it)."""
    start = time.perf_counter()
    result = subprocess.run(["bash", str(root / "tools" / "setup_env.sh"), str(venv)], cwd=root, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"set-up failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    lines = [line for line in result.stdout.splitlines() if line.startswith("set-up:")]
    return elapsed, lines[-1] if lines else ""


def timed_build(root: Path, python: Path) -> tuple[float, list[str]]:
    """Seconds taken by the book's build in ``root``, run by ``python``, and the notebooks it executed."""
    before = cached_executions(root)
    start = time.perf_counter()
    result = subprocess.run([str(python), "-m", "tools.build_book"], cwd=root, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed in {root}:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return elapsed, executed_between(before, cached_executions(root))


def bare_execution(source: Path) -> float:
    """Seconds to execute one MyST notebook with nbclient alone, in its folder, as the build does."""
    import jupytext
    from nbclient import NotebookClient

    notebook = jupytext.read(source, fmt="md:myst")
    start = time.perf_counter()
    NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(source.parent)}}).execute()
    return time.perf_counter() - start


def startup(source: Path) -> float:
    """Seconds from a fresh kernel to the end of the notebook's first code cell (imports, set-up)."""
    import jupytext
    from nbclient import NotebookClient

    notebook = jupytext.read(source, fmt="md:myst")
    first = next((cell for cell in notebook.cells if cell.cell_type == "code"), None)
    notebook.cells = [first] if first is not None else []
    start = time.perf_counter()
    NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(source.parent)}}).execute()
    return time.perf_counter() - start


def basic_income_grid(runs: int = 3) -> str:
    """The basic-income grid (countries × scenarios), timed alone with its data loaded: best of ``runs``."""
    from digital_labor import basic_income

    countries = basic_income.model_countries()
    bases = basic_income.tax_bases()
    shares = basic_income.rule_shares(countries)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        grid = basic_income.grid(bases, countries=countries, shares=shares)
        best = min(best, time.perf_counter() - start)
    return f"basic-income grid: {len(countries)} countries x {grid.scenarios} scenarios in {best:.2f} s"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}"


def main() -> None:
    grid_line = basic_income_grid()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "book"
        shutil.copytree(ROOT, copy, ignore=IGNORE)
        python = Path(folder) / "venv" / "bin" / "python"
        setup, installer = fresh_setup(copy, python.parents[1])
        sources = toc_notebooks(copy)
        clean, executed_clean = timed_build(copy, python)
        no_change, executed_again = timed_build(copy, python)
        edited = copy / "index.md"
        edited.write_text(edited.read_text().replace("dl.setup()\n", "dl.setup()\n# bench edit\n", 1))
        one_edit, executed_one = timed_build(copy, python)
        prepare_kernel_environment()
        bare = sum(bare_execution(source) for source in sources)
        startups = {source.relative_to(copy).as_posix(): startup(source) for source in sources}
    budget, setup_goal = clean_build_budget(), setup_budget()
    rows = [
        (
            "fresh set-up (tools/setup_env.sh)",
            setup,
            f"{installer.removeprefix('set-up: ').split(' into ')[0]}; goal ≤ "
            f"{setup_goal:.0f} s ({'met' if setup <= setup_goal else 'NOT met'})",
        ),
        (
            "clean build",
            clean,
            f"{len(executed_clean)} notebooks executed; goal ≤ {budget:.0f} s ({'met' if clean <= budget else 'NOT met'})",
        ),
        ("no-change rebuild", no_change, f"{len(executed_again)} notebooks executed"),
        ("rebuild after editing one notebook", one_edit, f"executed: {', '.join(Path(p).name for p in executed_one)}"),
        ("bare execution of all notebooks (nbclient)", bare, f"{len(sources)} notebooks"),
    ]
    print(f"Machine: {machine()}")
    print(grid_line)
    for label, seconds, note in rows:
        print(f"  {label:<45} {seconds:7.1f} s   {note}")
    both, goal = setup + clean, setup_goal + budget
    print(
        f"  {'fresh set-up + clean build':<45} {both:7.1f} s   goal ≤ {goal:.0f} s on the 2-CPU build machine "
        f"({'met' if both <= goal else 'NOT met'}; budgets are reported, never a failure)"
    )
    print(
        f"Per-notebook start-up (fresh kernel to the end of the first code cell), {len(startups)} notebooks, "
        f"mean {sum(startups.values()) / max(len(startups), 1):.1f} s:"
    )
    for name, seconds in sorted(startups.items(), key=lambda item: -item[1]):
        print(f"  start-up {name:<60} {seconds:5.1f} s")
    ratios = {"clean / bare execution": clean / bare, "no-change / clean": no_change / clean}
    for label, value in ratios.items():
        print(f"  {label:<45} {value:7.2f}     goal ≤ {GOALS[label]}")


if __name__ == "__main__":
    main()
