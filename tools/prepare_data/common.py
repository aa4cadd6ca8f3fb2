"""What the subject modules share: reading fact tables and typed tables, resolving 'same', adding
bibkeys, splitting published ranges, and writing a file of ``data/`` the one way they are all written."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
TABLES = Path(__file__).resolve().parent / "tables"


def read_fact_table(facts: Path, name: str) -> pd.DataFrame:
    """A compiled fact table (``facts/NAME.csv``), every cell as the text it holds."""
    return pd.read_csv(facts / f"{name}.csv", dtype=str, keep_default_na=False)


def read_typed_table(name: str) -> pd.DataFrame:
    """A table typed for the book (``tables/NAME.csv``, origins in ``tables/README.md``), every cell as text."""
    return pd.read_csv(TABLES / f"{name}.csv", dtype=str, keep_default_na=False)


def write(table: pd.DataFrame, out: Path, name: str) -> None:
    """``out/NAME.csv``: UTF-8, no index, LF line ends."""
    table.to_csv(out / f"{name}.csv", index=False, lineterminator="\n")


def fill_same(table: pd.DataFrame, columns: tuple[str, ...] = ("source", "seen_at", "excerpt")) -> pd.DataFrame:
    """A cell that is exactly 'same' takes the value of the row above. Columns the table lacks are left alone."""
    for column in (c for c in columns if c in table):
        table[column] = table[column].mask(table[column] == "same").ffill()
    return table


def resolve_same(table: pd.DataFrame, columns: tuple[str, ...] = ("source", "seen_at", "excerpt")) -> pd.DataFrame:
    """'same' (also 'same as …' and '… (as above)') means the row above's value; 'same; more' the
    row above's value followed by '; more'. Columns the table lacks are left alone."""
    for column in (c for c in columns if c in table):
        values: list[str] = []
        for value in table[column]:
            if value.startswith("same; "):
                value = f"{values[-1]}; {value.removeprefix('same; ')}"
            elif re.match(r"^same\b", value) or value.endswith("(as above)"):
                value = values[-1]
            values.append(value)
        table[column] = values
    return table


def prefix_bibkey(bibkeys: dict[str, str]) -> Callable[[str], str]:
    """The bibkey of a source: the one key whose prefix starts the source (stops the script otherwise)."""

    def lookup(source: str) -> str:
        matches = [key for prefix, key in bibkeys.items() if source.startswith(prefix)]
        if len(matches) != 1:
            raise SystemExit(f"no unique bibkey for source {source!r}")
        return matches[0]

    return lookup


def exact_bibkey(bibkeys: dict[str, str], name: str) -> Callable[[str], str]:
    """The bibkey of a source matched exactly, so that a new source stops the script instead of borrowing a key."""

    def lookup(source: str) -> str:
        if source not in bibkeys:
            raise SystemExit(f"{name}: no bibkey for source {source!r}")
        return bibkeys[source]

    return lookup


def insert_bibkey(table: pd.DataFrame, keys: pd.Series | list[str] | str, column: str = "bibkey", before: str = "source") -> pd.DataFrame:
    """The table with a bibkey column just before its source column."""
    table.insert(table.columns.get_loc(before), column, keys)
    return table


def with_sources(facts: Path, name: str, bibkeys: dict[str, str]) -> pd.DataFrame:
    """A fact table with 'same' resolved to the row above and the source's bibkey added (by prefix)."""
    table = fill_same(read_fact_table(facts, name))
    return insert_bibkey(table, table["source"].map(prefix_bibkey(bibkeys)))


def with_range_bounds(table: pd.DataFrame) -> pd.DataFrame:
    """The table with ``low`` and ``high`` columns after ``value``: a published range ('30-50') split
    in two, a single value ('47') repeated."""
    parts = table["value"].str.split("-", n=1, expand=True)
    low = parts[0]
    high = parts[1].fillna(parts[0]) if parts.shape[1] > 1 else parts[0]
    table.insert(table.columns.get_loc("value") + 1, "low", low)
    table.insert(table.columns.get_loc("value") + 2, "high", high)
    return table
