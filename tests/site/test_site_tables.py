"""Every table on a built page goes through the book's display helper (issue 26, item 4)."""

from __future__ import annotations

import pandas as pd
import sitecheck

import digital_labor as dl


def test_no_page_shows_a_raw_dataframe(site):
    offenders = {}
    for page in sitecheck.html_pages(site):
        found = sitecheck.raw_frames((site / page).read_text(encoding="utf-8"))
        if found:
            offenders[page] = found
    assert not offenders, f"{sum(map(len, offenders.values()))} raw table(s): {offenders}"


def _output(html: str, kind: str = "text_html") -> str:
    return f'<div class="cell_output docutils container"><div class="output {kind}">{html}</div></div>'


def test_the_check_catches_raw_frames_and_passes_the_helper():
    """A probe: pages with a raw frame, a bare Styler, a frame's and a series' text repr fail;
    the helper's table passes."""
    frame = pd.DataFrame({"raised_musd": [14_143_750.0, 2.5]})
    raw = [
        _output(frame.to_html()),
        _output(frame.style.to_html()),
        _output(f"<pre>{frame.describe()!r}</pre>", "text_plain"),
        _output(f"<pre>{pd.DataFrame({'a': range(100)})!r}</pre>", "text_plain"),
    ]
    for html in raw:
        assert sitecheck.raw_frames(html), html
    shown = dl.table(frame, caption="Money raised", source="a register", labels={"raised_musd": "Raised (US$ million)"})
    assert sitecheck.raw_frames(_output(shown.to_html())) == []
    assert sitecheck.raw_frames(_output("<pre>boundary k* = 0.333</pre>", "stream")) == []
