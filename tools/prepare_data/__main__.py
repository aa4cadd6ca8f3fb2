"""python -m tools.prepare_data [--facts ../shared/facts] [--out data]: every subject's files, into data/."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import (
    __doc__ as package_doc,
)
from . import (
    annotation_labour,
    app_work,
    attention_value,
    automation,
    basic_income,
    countries,
    firm_scale,
    geo,
    implicit_work,
    labour_geography,
    microwork,
    participation_pay,
    visibility,
)
from .common import ROOT

# In the order of the book: the shared base, then the subjects as the chapters meet them.
SUBJECTS = (
    geo,
    countries,
    automation,
    firm_scale,
    implicit_work,
    attention_value,
    app_work,
    microwork,
    annotation_labour,
    labour_geography,
    visibility,
    participation_pay,
    basic_income,
)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.prepare_data", description=package_doc.split("\n")[0])
    parser.add_argument(
        "--facts", type=Path, default=ROOT.parent / "shared" / "facts", help="folder of the compiled fact tables (default: ../shared/facts)"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "data", help="folder to write the files into (default: data/)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for subject in SUBJECTS:
        subject.prepare(args.facts, args.out)


if __name__ == "__main__":
    main()
