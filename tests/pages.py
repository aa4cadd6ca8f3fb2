"""Read the book's pages as a student reads them: the code of their open cells."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import jupytext


def page_definition(path: Path, name: str, **names: Any) -> Any:
    """The function or class ``name`` as an open cell of the page defines it, executed on its own
    (with ``names``, the page's imports it uses, as its globals)."""
    for cell in jupytext.read(path).cells:
        if cell.cell_type != "code" or any(tag.startswith(("hide-", "remove-")) for tag in cell.metadata.get("tags", [])):
            continue
        for node in ast.parse(cell.source).body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name == name:
                scope: dict = dict(names)
                exec(compile(ast.Module(body=[node], type_ignores=[]), str(path), "exec"), scope)
                return scope[name]
    raise AssertionError(f"{path.name}: no open cell defines {name}")
