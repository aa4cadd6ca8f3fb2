"""Make the charts' font from Debian's Arimo (a maintainer's tool, not run by the build).

The build draws chart pictures with Arimo (book/fonts/README.md). A machine may have its own
font called "Arimo" (Debian's fonts-croscore, Google Fonts), which vl-convert would prefer to one
it is given, and which may differ; so the book ships Arimo under a family name of its own,
"Click Work Arimo": only the name table changes (the SIL Open Font License allows it, and Arimo
has no reserved font name). Run it on the files of Debian's fonts-croscore 20201225-1:

    apt-get download fonts-croscore && dpkg-deb -x fonts-croscore_*.deb croscore
    python -m tools.chart_font croscore/usr/share/fonts/truetype/croscore
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parents[1] / "book" / "fonts"
FAMILY = "Click Work Arimo"
STYLES = ("Regular", "Bold")


def rename(source: Path, style: str, target: Path) -> None:
    """Write ``source`` (Arimo in ``style``) to ``target`` under the book's family name."""
    font = TTFont(source, recalcTimestamp=False)
    postscript = FAMILY.replace(" ", "")
    for record in font["name"].names:
        old = record.toUnicode()
        if record.nameID in (1, 16):  # family
            record.string = FAMILY
        elif record.nameID == 4:  # full name
            record.string = FAMILY if style == "Regular" else f"{FAMILY} {style}"
        elif record.nameID == 6:  # PostScript name
            record.string = f"{postscript}-{style}"
        elif record.nameID == 3:  # unique identifier
            record.string = f"{FAMILY} {style}; renamed from {old}"
    font.save(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the folder of Debian's Arimo-*.ttf")
    args = parser.parse_args()
    for style in STYLES:
        target = FONTS / f"{FAMILY.replace(' ', '')}-{style}.ttf"
        rename(args.folder / f"Arimo-{style}.ttf", style, target)
        print(f"{target.name}: from Arimo-{style}.ttf")


if __name__ == "__main__":
    main()
