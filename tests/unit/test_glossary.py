"""The glossary: every term has its French and English names, and the pages link to it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "appendix" / "glossary.md"
ROLE = re.compile(r"\{term\}`(?:[^`<]*<)?([^`>]+)>?`")


def glossary_entries() -> list[list[str]]:
    """The names of each entry: the unindented lines before its indented definition."""
    block = GLOSSARY.read_text(encoding="utf-8").split("```{glossary}", 1)[1].split("```", 1)[0]
    entries, names = [], []
    for line in block.strip("\n").split("\n"):
        if line and not line.startswith(" "):
            names.append(line.strip())
        elif names:
            entries.append(names)
            names = []
    return entries


def pages() -> list[Path]:
    return sorted(ROOT.glob("chapters/*/*.md")) + [ROOT / "index.md"]


def test_every_entry_has_at_least_one_name_and_a_definition_and_no_name_twice():
    entries = glossary_entries()
    names = [name.lower() for entry in entries for name in entry]
    assert len(entries) >= 15 and len(names) == len(set(names))
    bilingual = [entry for entry in entries if len(entry) >= 2]
    assert len(bilingual) >= len(entries) - 1  # 'inshoring' is the same word in both languages


def test_every_term_link_names_a_glossary_entry_and_every_chapter_links_some():
    known = {name.lower() for entry in glossary_entries() for name in entry}
    linked_by_chapter: dict[str, set[str]] = {}
    for page in pages():
        for target in ROLE.findall(page.read_text(encoding="utf-8")):
            assert target.strip().lower() in known, f"{page.relative_to(ROOT)}: {{term}} '{target}' is not in the glossary"
            linked_by_chapter.setdefault(page.parent.name, set()).add(target.strip().lower())
    chapters = {page.parent.name for page in pages() if page.parent.name.startswith("0")}
    assert chapters <= set(linked_by_chapter), f"chapters without a glossary link: {sorted(chapters - set(linked_by_chapter))}"


def test_a_page_that_speaks_of_microwork_links_the_term():
    for page in pages():
        text = page.read_text(encoding="utf-8")
        prose = re.sub(r"^#.*$", "", re.sub(r"```.*?```", "", text, flags=re.S), flags=re.M)  # no code, no headings
        if re.search(r"\bmicrowork", prose, re.I):
            assert "<microwork>`" in text or "{term}`microwork`" in text, f"{page.relative_to(ROOT)} never links 'microwork'"
