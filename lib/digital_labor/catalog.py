"""The "Data sources" appendix, generated from the manifest at build time."""

from __future__ import annotations

import html
import os
from pathlib import Path

from .data import Dataset, load, manifest

__all__ = ["data_sources_markdown", "dataset_markdown"]


def dataset_markdown(item: Dataset, page_dir: Path) -> str:
    """One dataset's entry: description, sources, licence, retrieval, checksum, download, columns."""
    frame = load(item.name)
    download = Path(os.path.relpath(item.path, page_dir)).as_posix()
    sources = "; ".join(
        f"{{cite:t}}`{source['bibkey']}`, {source['title']}" + (f" (<{source['path']}>)" if source.get("path") else "")
        for source in item.sources
    )
    licences = "; ".join(f"[{lic['name']}]({lic['path']})" if lic.get("path") else lic["name"] for lic in item.licenses)
    licence_notes = "; ".join(lic["title"] for lic in item.licenses if lic.get("title"))
    lines = [
        f"({item.name}-data)=",
        f"## {item.title}",
        "",
        item.description,
        "",
        f"- **Source:** {sources}",
        f"- **Licence:** {licences}" + (f" — {licence_notes}" if licence_notes else ""),
        f"- **Retrieved:** {item.retrieved}; **SHA-256:** `{item.sha256}`",
        f"- **Size:** {len(frame)} rows; **download:** {{download}}`{item.path.name} <{download}>`",
    ]
    if item.notes:
        lines.append(f"- **How it was built:** {item.notes}")
    # The columns fold away (a <details> the reader opens, and print opens), as a definition list:
    # 33 open tables of some 1,200 cells (5,000 elements) cost a phone over a second of layout.
    fields = item.schema["fields"]
    entries = "".join(
        f"<dt><code>{html.escape(field['name'])}</code> {html.escape(_kind(field))}</dt><dd>{html.escape(field.get('title', ''))}</dd>"
        for field in fields
    )
    lines += [
        "",
        f'<details class="dl-columns"><summary>Columns ({len(fields)})</summary><dl class="dl-columns__list">{entries}</dl></details>',
    ]
    return "\n".join(lines) + "\n"


def _kind(field: dict) -> str:
    """A column's type, and its unit if it has one: ``number, current US$``."""
    return ", ".join(part for part in (field.get("type", "string"), field.get("unit", "")) if part)


def data_sources_markdown(page_dir: Path | None = None) -> str:
    """Every dataset of the manifest, in manifest order, as MyST Markdown."""
    here = Path(page_dir or Path.cwd())
    return "\n".join(dataset_markdown(item, here) for item in manifest())
