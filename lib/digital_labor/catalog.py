"""The "Data sources" appendix, generated from the manifest at build time."""

from __future__ import annotations

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
    licences = "; ".join(
        f"[{lic['name']}]({lic['path']})" if lic.get("path") else lic["name"] for lic in item.licenses
    )
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
    # The columns fold away (a <details> the reader opens, and print opens): 33 open tables of
    # some 1,200 cells cost a phone a second of layout before the first paint.
    fields = item.schema["fields"]
    lines += ["", f'<details class="dl-columns"><summary>Columns ({len(fields)})</summary>', "",
              "| Column | Type | Unit | Meaning |", "|---|---|---|---|"]
    for field in fields:
        unit = field.get("unit", "")
        lines.append(f"| `{field['name']}` | {field.get('type', 'string')} | {unit} | {field.get('title', '')} |")
    lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


def data_sources_markdown(page_dir: Path | None = None) -> str:
    """Every dataset of the manifest, in manifest order, as MyST Markdown."""
    here = Path(page_dir or Path.cwd())
    return "\n".join(dataset_markdown(item, here) for item in manifest())
