"""Command line of the data layer: ``python -m digital_labor check`` or ``hash NAME [--write]``."""

from __future__ import annotations

import argparse
import re

from .data import dataset, load, manifest, sha256


def record_hash(name: str) -> str:
    """Write the current SHA-256 of dataset ``name``'s file into the manifest; return it."""
    item = dataset(name)
    digest = sha256(item.path)
    path = manifest().path
    text = path.read_text(encoding="utf-8")
    block = re.compile(rf"(- name: {re.escape(name)}\n(?:(?!  - name: ).*\n)*?    hash: sha256:)[0-9a-f]{{64}}")
    updated, count = block.subn(rf"\g<1>{digest}", text)
    if count != 1:
        raise SystemExit(f"Could not find the hash line of dataset '{name}' in {path}.")
    path.write_text(updated, encoding="utf-8")
    return digest


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m digital_labor", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="load and validate every dataset")
    hasher = sub.add_parser("hash", help="print (or --write into the manifest) the SHA-256 of a dataset's file")
    hasher.add_argument("name")
    hasher.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "hash":
        digest = record_hash(args.name) if args.write else sha256(dataset(args.name).path)
        print(f"sha256:{digest}")
        return
    for item in manifest():
        frame = load(item.name)
        print(f"{item.name}: {len(frame)} rows, checksum and schema OK")


if __name__ == "__main__":
    main()
