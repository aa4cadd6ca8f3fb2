"""Chart pictures do not depend on the fonts of the machine that builds the book.

vl-convert measures chart text with the fonts it finds (the system's folders and the user's
``~/.fonts``). Two drawings of one chart in fresh processes, one with no user fonts and one with
user fonts that take the names a machine might have (Arimo, Liberation Sans, and a probe family
no machine has), made here from the book's own font in bold so that their letters are wider,
must give the same SVG. The control shows that the check can fail: a chart whose font list
starts with the probe family changes between the two drawings.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from book import static_charts

ROOT = Path(__file__).resolve().parents[2]
PROBE = "Probe Sans For Tests"  # a family only the second set of fonts has
DRAW = """
import json, sys
import altair as alt, pandas as pd
import digital_labor as dl
from book import static_charts
dl.setup()
frame = pd.DataFrame({"country": ["India", "United States", "Philippines"], "share": [24.0, 12.5, 8.75]})
chart = dl.charts.describe(alt.Chart(frame).mark_bar().encode(x=alt.X("share:Q", title="Share of workers (%)"),
                           y=alt.Y("country:N", title="Country")), title="Where online workers live, by country",
                           description="Bars.", datasets=["countries"])
spec = chart.to_dict()
if sys.argv[1] == "probe-first":
    import vl_convert
    spec["config"]["font"] = sys.argv[2]
    spec.pop("$schema", None)
    print(vl_convert.vegalite_to_svg(spec))
else:
    print(json.dumps(static_charts.picture_svgs(spec)))
"""


def wider_fonts(folder: Path) -> None:
    """User fonts named as a machine's might be, drawn from the book's font in bold (wider letters)."""
    folder.mkdir(parents=True)
    for family in ("Arimo", "Liberation Sans", PROBE):
        font = TTFont(static_charts.FONT_DIR / "ClickWorkArimo-Bold.ttf")
        for record in font["name"].names:
            if record.nameID in (1, 4, 16):
                record.string = family
            elif record.nameID == 6:
                record.string = family.replace(" ", "")
            elif record.nameID in (2, 17):
                record.string = "Regular"
        font["OS/2"].usWeightClass = 400
        font.save(folder / f"{family.replace(' ', '')}-Regular.ttf")


def draw(home: Path, *mode: str) -> str:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    environment.update(HOME=str(home), PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "lib")]))
    result = subprocess.run(
        [sys.executable, "-c", DRAW, *(mode or ["book"])], capture_output=True, text=True, env=environment, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.fixture(scope="module")
def homes(tmp_path_factory) -> tuple[Path, Path]:
    plain, other = tmp_path_factory.mktemp("plain"), tmp_path_factory.mktemp("other-fonts")
    wider_fonts(other / ".fonts")
    return plain, other


def test_the_check_sees_a_machine_s_fonts_change_a_picture_drawn_with_them(homes):
    plain, other = homes
    font = f'"{PROBE}", sans-serif'
    assert draw(plain, "probe-first", font) != draw(other, "probe-first", font)


def test_the_book_s_pictures_are_the_same_whatever_fonts_the_machine_has(homes):
    plain, other = homes
    first, second = json.loads(draw(plain)), json.loads(draw(other))
    assert first == second
    assert 'font-family="&quot;Click Work Arimo&quot;, Arimo, ' in first["desktop"]


def test_the_theme_names_the_shipped_font_first():
    import digital_labor.charts as charts

    assert charts.FONT.split(",")[0] == '"Click Work Arimo"'
    shipped = {TTFont(path)["name"].getDebugName(1) for path in static_charts.FONT_DIR.glob("*.ttf")}
    assert shipped == {"Click Work Arimo"}
