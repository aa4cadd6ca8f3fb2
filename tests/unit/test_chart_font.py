"""Chart pictures do not depend on the fonts of the machine that builds the book.

vl-convert measures chart text with the fonts it finds (the system's folders and the user's
``~/.fonts``). Two drawings of one chart in fresh processes, one with no user fonts and one with
a user font that claims to be Liberation Sans (made here from the book's own Arimo Bold, so its
letters are wider), must give the same SVG. The control shows that the check can fail: with the
theme's old font list (system fonts first), the same two drawings differ.
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
OLD_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
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
if sys.argv[1] == "old-theme":
    import vl_convert
    spec["config"]["font"] = sys.argv[2]
    spec.pop("$schema", None)
    print(vl_convert.vegalite_to_svg(spec))
else:
    print(json.dumps(static_charts.picture_svgs(spec)))
"""


def wider_liberation_sans(folder: Path) -> None:
    """A user font named "Liberation Sans", drawn from Arimo Bold: a machine whose fonts differ."""
    font = TTFont(static_charts.FONT_DIR / "Arimo-Bold.ttf")
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = "Liberation Sans"
        elif record.nameID == 6:
            record.string = "LiberationSans"
        elif record.nameID in (2, 17):
            record.string = "Regular"
    font["OS/2"].usWeightClass = 400
    folder.mkdir(parents=True)
    font.save(folder / "LiberationSans-Regular.ttf")


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
    wider_liberation_sans(other / ".fonts")
    return plain, other


def test_the_check_sees_a_machine_s_fonts_change_a_picture_drawn_with_system_fonts(homes):
    plain, other = homes
    assert draw(plain, "old-theme", OLD_FONT) != draw(other, "old-theme", OLD_FONT)


def test_the_book_s_pictures_are_the_same_whatever_fonts_the_machine_has(homes):
    plain, other = homes
    first, second = json.loads(draw(plain)), json.loads(draw(other))
    assert first == second
    assert 'font-family="Arimo' in first["desktop"]


def test_the_theme_names_the_shipped_font_first():
    import digital_labor.charts as charts

    assert charts.FONT.split(",")[0] == "Arimo"
    shipped = {TTFont(path)["name"].getDebugName(1) for path in static_charts.FONT_DIR.glob("*.ttf")}
    assert shipped == {"Arimo"}
