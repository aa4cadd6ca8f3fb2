"""Two packages: the reader's library (``digital_labor``) and the book's build machinery (``book``).

The library is what a student installs; it never imports the build machinery, and each of its
public modules imports with none of the build's tools installed. No module of either package
takes part in an import circle. A subject package of the library exports by name what the pages,
the assignments and the claims ledger use, and nothing else.
"""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = {"digital_labor": ROOT / "lib" / "digital_labor", "book": ROOT / "book"}


def module_name(path: Path) -> str:
    package = next(name for name, folder in PACKAGES.items() if path.is_relative_to(folder))
    parts = [package, *path.relative_to(PACKAGES[package]).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The modules a file imports, anywhere in it (function bodies too), resolved to absolute names."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


def import_graph() -> nx.DiGraph:
    """Modules of both packages, an edge from each to every module of the two packages it imports."""
    files = {module_name(path): path for folder in PACKAGES.values() for path in folder.rglob("*.py")}
    graph = nx.DiGraph()
    graph.add_nodes_from(files)
    for name, path in files.items():
        graph.add_edges_from((name, target) for target in imports_of(path) if target in files and target != name)
    return graph


def test_the_library_never_imports_the_build_machinery():
    offenders = {
        module: sorted(t for t in imports_of(path) if t.split(".")[0] == "book")
        for path in PACKAGES["digital_labor"].rglob("*.py")
        if (module := module_name(path))
    }
    assert not {module: found for module, found in offenders.items() if found}


def test_no_module_takes_part_in_an_import_circle():
    graph = import_graph()
    assert graph.number_of_edges() > 50  # the graph sees the imports
    circles = [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1]
    # A package's __init__ importing its own modules, which import siblings, is not a circle
    # unless a module imports its package's __init__ back; such pairs would show here.
    assert not circles


def _requirement_names(requirements: list[str] | None) -> set[str]:
    """Names of the requirements a plain install brings (no extras), on this machine."""
    names = set()
    for line in requirements or []:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            names.add(canonicalize_name(requirement.name))
    return names


def base_closure() -> set[str]:
    """Distributions a base install brings: the library's dependencies, and theirs, recursively."""
    todo = list(_requirement_names(importlib.metadata.requires("digital-labor")))
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            todo += _requirement_names(importlib.metadata.requires(name))
        except importlib.metadata.PackageNotFoundError:
            continue
    return seen


def top_level_modules(distribution: importlib.metadata.Distribution) -> set[str]:
    """The importable names a distribution installs (from its RECORD: folders and modules at the top)."""
    names = set()
    for file in distribution.files or []:
        top = file.parts[0]
        if top.endswith((".dist-info", ".data", ".pth")) or top in ("..", "__pycache__"):
            continue
        if len(file.parts) > 1 or top.endswith((".py", ".so")):
            names.add(top.split(".")[0])
    return names


def build_only_modules() -> set[str]:
    """Top-level modules of the installed distributions a base install would not bring (Sphinx,
    jupyter-book, Otter, pytest…), and the build machinery itself."""
    closure = base_closure()
    blocked = {"book", "tools"}
    for distribution in importlib.metadata.distributions():
        name = canonicalize_name(distribution.metadata["Name"])
        if name in closure or name == "digital-labor":
            continue
        blocked |= top_level_modules(distribution)
    return blocked - {"digital_labor", "IPython", "ipykernel", "pandas", "numpy", "altair"}


def public_modules() -> list[str]:
    return sorted(
        module_name(path)
        for path in PACKAGES["digital_labor"].rglob("*.py")
        if not any(part.startswith("_") and part != "__init__.py" for part in path.relative_to(ROOT / "lib").parts)
    )


def test_every_public_module_of_the_library_imports_without_the_build_tools():
    blocked = build_only_modules()
    assert {"sphinx", "jupyter_book", "myst_nb", "otter"} <= blocked  # the check blocks the build's tools
    probe = (
        "import importlib, importlib.abc, sys\n"
        f"BLOCKED = {sorted(blocked)!r}\n"
        "class Block(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in BLOCKED:\n"
        "            raise ModuleNotFoundError(f'{name} is not in a base install')\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for module in {public_modules()!r}:\n"
        "    importlib.import_module(module)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT / "lib", timeout=300)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-3000:]


@pytest.mark.parametrize("name", ["book.sphinx_ext", "book.classroom", "book.figures"])
def test_the_probe_would_catch_a_build_module_in_the_library(name):
    """The blocker refuses what the build machinery needs (the probe above can fail)."""
    blocked = build_only_modules()
    needed = {target.split(".")[0] for target in imports_of(ROOT / (name.replace(".", "/") + ".py"))}
    assert needed & blocked, name


SUBJECTS = sorted(path.parent.name for path in PACKAGES["digital_labor"].glob("*/__init__.py"))


def reader_pages() -> list[Path]:
    """The book's pages and the assignments: where a reader's code uses the library."""
    return [
        *ROOT.glob("chapters/**/*.md"),
        *ROOT.glob("appendix/*.md"),
        *ROOT.glob("teaching/*.md"),
        *ROOT.glob("classroom/*.md"),
        ROOT / "index.md",
        ROOT / "how-to-use.md",
    ]


def reader_text() -> str:
    """The pages, the assignments and the claims ledger: what a subject package exports for."""
    return "\n".join(path.read_text(encoding="utf-8") for path in [*reader_pages(), ROOT / "data" / "claims.yaml"])


@pytest.mark.parametrize("subject", SUBJECTS)
def test_a_subject_package_exports_by_name_only_what_the_pages_and_the_ledger_use(subject):
    tree = ast.parse((PACKAGES["digital_labor"] / subject / "__init__.py").read_text(encoding="utf-8"))
    imported = [alias.asname or alias.name for node in tree.body if isinstance(node, ast.ImportFrom) for alias in node.names]
    assert "*" not in imported
    exported = importlib.import_module(f"digital_labor.{subject}").__all__
    assert sorted(exported) == sorted(set(imported))  # each name imported once and listed once
    # `subject.name` or `alias.name` in a code cell, `from digital_labor.subject.module import name`,
    # or `check: digital_labor.subject:name` in the ledger.
    text = reader_text()
    unused = [name for name in exported if not re.search(rf"\.{name}\b|\bimport [^\n]*\b{name}\b|:{name}\b", text)]
    assert not unused, f"digital_labor.{subject} exports names no page, assignment or ledger row uses: {unused}"


def test_every_name_a_page_or_an_assignment_reads_from_a_subject_package_is_exported():
    """`from digital_labor import flows, visibility as v` then `flows.x`, `v.y`: x and y are in __all__
    (the assignments in classroom/ are not executed by the unit tests; this reads them)."""
    missing, seen = set(), 0
    for path in reader_pages():
        text = path.read_text(encoding="utf-8")
        aliases = {}
        for imported in re.finditer(r"from digital_labor import ([\w ,]+)", text):
            for part in imported.group(1).split(","):
                words = part.split()
                if words and words[0] in SUBJECTS:
                    aliases[words[-1]] = words[0]
        for alias, subject in aliases.items():
            exported = importlib.import_module(f"digital_labor.{subject}").__all__
            for use in re.finditer(rf"(?<![\w.]){alias}\.(\w+)", text):
                seen += 1
                if use.group(1) not in exported:
                    missing.add(f"{path.relative_to(ROOT)}: {subject}.{use.group(1)}")
    assert seen > 500  # the check sees the pages' calls
    assert not missing, sorted(missing)
