"""Execute the book's notebooks outside Sphinx and compare their outputs (reproducibility checks)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

from tools.build_book import encrypt_kernel_transport, toc_notebooks

ROOT = Path(__file__).resolve().parents[1]
__all__ = ["differences", "execute", "output_signature", "read", "toc_notebooks"]


def read(path: Path) -> nbformat.NotebookNode:
    return jupytext.read(path, fmt="md:myst")


def execute(path: Path, timeout: int = 600) -> tuple[nbformat.NotebookNode, float]:
    """Run a MyST notebook in its own folder, as the book build does; return it and the seconds taken."""
    notebook = read(path)
    os.environ["DIGITAL_LABOR_BOOK"] = "1"
    encrypt_kernel_transport()
    start = time.perf_counter()
    NotebookClient(notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    return notebook, time.perf_counter() - start


def output_signature(notebook: nbformat.NotebookNode) -> list[tuple[int, str, dict]]:
    """Every output of every code cell (numbered among code cells): its kind and data (glue, charts, text)."""
    signature = []
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for index, cell in enumerate(code_cells):
        for output in cell.get("outputs", []):
            data = output.get("data", {}) if "data" in output else {"text": output.get("text", "")}
            signature.append((index, output["output_type"], dict(data)))
    return signature


def differences(first: nbformat.NotebookNode, second: nbformat.NotebookNode) -> list[str]:
    """Human-readable differences between the outputs of two executions of one notebook."""
    a, b = output_signature(first), output_signature(second)
    if len(a) != len(b):
        return [f"{len(a)} outputs against {len(b)}"]
    return [f"cell {x[0]}: {x[1]} output differs" for x, y in zip(a, b) if x != y]
