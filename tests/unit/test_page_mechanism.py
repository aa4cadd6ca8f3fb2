"""Pages a student learns from: each chapter shows its mechanism in open cells (issue 26).

Read from the pages' sources, without running them:
- every page that runs a model defines its core (a function or a parameter class) in an open cell,
  and a later cell passes it on, so that changing the cell changes the page's results;
- every chapter builds at least one altair chart and shapes its data with at least one pandas step
  (a merge, a group-by, a reshape) in open cells;
- a section of a page hides at most one cell (its glued results, ``dl.glue_all``);
- a page imports nothing it does not use.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import jupytext
import pytest

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted(path.name for path in (ROOT / "chapters").iterdir() if path.is_dir())
PAGES = sorted(path for path in (ROOT / "chapters").glob("*/*.md") if "```{code-cell}" in path.read_text(encoding="utf-8"))
# Pages whose results come from a model (a simulation, an optimisation, a budget of stated assumptions).
MODEL_PAGES = [
    "01-platforms-and-the-firm/automation-forecasts",
    "01-platforms-and-the-firm/firm-boundary",
    "01-platforms-and-the-firm/who-pays",
    "02-value-capture/implicit-work",
    "02-value-capture/user-hour",
    "03-uber-to-facebook/app-work",
    "03-uber-to-facebook/humans-in-ai",
    "03-uber-to-facebook/microwork-pay",
    "04-planetary-inequalities/flows-of-microwork",
    "04-planetary-inequalities/market-for-visibility",
    "05-beyond-the-wage/basic-income",
    "05-beyond-the-wage/paying-for-participation",
    "05-beyond-the-wage/scenario-explorer",
]
DATA_STEPS = {"merge", "join", "groupby", "pivot", "pivot_table", "melt", "stack", "unstack", "explode", "crosstab", "concat"}
SECTION = re.compile(r"^## ", re.MULTILINE)


def page_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def code_cells(path: Path) -> list[tuple[set[str], ast.Module]]:
    """(tags, parsed source) of each code cell of a page, in order; IPython magics are left out."""
    notebook = jupytext.read(path)
    cells = []
    for cell in notebook.cells:
        if cell.cell_type == "code":
            source = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!")))
            cells.append((set(cell.metadata.get("tags", [])), ast.parse(source, filename=str(path))))
    return cells


def is_open(tags: set[str]) -> bool:
    return not any(tag.startswith(("hide-", "remove-")) for tag in tags)


def calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def builds_altair_chart(tree: ast.AST) -> bool:
    """A call ``alt.Chart(...)`` (or ``alt.Chart(...).mark_…``), not a library builder."""
    return any(
        isinstance(call.func, ast.Attribute)
        and call.func.attr == "Chart"
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == "alt"
        for call in calls(tree)
    )


def shapes_data(tree: ast.AST) -> bool:
    return any(isinstance(call.func, ast.Attribute) and call.func.attr in DATA_STEPS for call in calls(tree))


def defined_names(tree: ast.Module) -> set[str]:
    return {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}


def used_names(tree: ast.AST) -> set[str]:
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)}


def test_the_model_pages_exist():
    assert {page_id(path) for path in PAGES} >= set(MODEL_PAGES)


@pytest.mark.parametrize("page", MODEL_PAGES)
def test_a_model_page_defines_its_core_in_an_open_cell_that_a_later_cell_uses(page):
    cells = code_cells(ROOT / "chapters" / f"{page}.md")
    for index, (tags, tree) in enumerate(cells):
        if not is_open(tags):
            continue
        later = set().union(*(used_names(other) for _, other in cells[index + 1 :]))
        # Used later in the same cell counts too: a function defined and then passed to the machinery.
        for name in defined_names(tree):
            rest = ast.Module(body=[node for node in tree.body if getattr(node, "name", None) != name], type_ignores=[])
            if name in later or name in used_names(rest):
                return
    pytest.fail(f"{page}.md: no open cell defines a function or class that the page then uses (its model's core, issue 26 item 1)")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_a_chapter_builds_a_chart_and_shapes_data_in_open_cells(chapter):
    open_trees = [tree for path in PAGES if path.parent.name == chapter for tags, tree in code_cells(path) if is_open(tags)]
    assert any(builds_altair_chart(tree) for tree in open_trees), f"{chapter}: no open cell builds an altair chart (alt.Chart)"
    assert any(shapes_data(tree) for tree in open_trees), (
        f"{chapter}: no open cell shapes data with pandas ({', '.join(sorted(DATA_STEPS))})"
    )


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_a_section_hides_at_most_one_cell(path):
    sections = SECTION.split(path.read_text(encoding="utf-8"))
    for number, section in enumerate(sections):
        cells = jupytext.reads("\n".join(["---", "jupytext: {text_representation: {format_name: myst}}", "---", section]), fmt="myst").cells
        removed = [cell for cell in cells if cell.cell_type == "code" and "remove-cell" in cell.metadata.get("tags", [])]
        heading = section.splitlines()[0] if number else "(before the first section)"
        assert len(removed) <= 1, (
            f"{page_id(path)}.md, section {heading!r}: {len(removed)} removed cells; glue its results in one cell (dl.glue_all)"
        )


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_a_page_imports_only_what_it_uses(path):
    cells = code_cells(path)
    imported = {}
    for _, tree in cells:
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    imported[alias.asname or alias.name.split(".")[0]] = alias.name
    used = set().union(*(used_names(tree) for _, tree in cells))
    unused = sorted(name for name in imported if name not in used)
    assert not unused, f"{page_id(path)}.md imports names it never uses: {', '.join(unused)}"
