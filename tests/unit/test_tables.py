"""The display helper for a page's tables: labels, formats, caption, source, and HTML a checker accepts."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import numpy as np
import pandas as pd
import pytest

import digital_labor as dl
from digital_labor.tables import TableError, default_format, table


@pytest.fixture
def firms() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "firm": ["Alpha", "Beta"],
            "raised_musd": [14_143_750.0, np.nan],
            "workers": [107_995.0, 1_228.0],
            "year": [2016, 2017],
            "share": [0.0012, 0.5],
        }
    )


def shown(firms: pd.DataFrame, **options) -> str:
    return table(
        firms, caption="Money raised by two firms", source="Crunchbase (2017)", labels={"raised_musd": "Raised (US$)"}, **options
    ).to_html()


def test_numbers_read_as_numbers(firms):
    page = shown(firms, formats={"share": ".1%"})
    assert "14,143,750" in page and "107,995" in page and "1,228" in page  # separators, counts as integers
    assert ">2016<" in page and "2,016" not in page  # years without a separator
    assert ">0.1 %<" in page and ">50.0 %<" in page
    assert not re.search(r"\de[+-]\d", page) and "107995.0" not in page and "nan" not in page.lower()


def test_default_formats_are_fixed_point():
    assert default_format(pd.Series([1.0, 2.0])) == ",.0f"
    assert default_format(pd.Series([3, 4])) == ",.0f"
    assert default_format(pd.Series([1.54, 4.5])) == ",.2f"
    assert default_format(pd.Series([0.00046, 0.2])) == ",.4f"
    assert default_format(pd.Series([12_345.6, 20_000.5])) == ",.1f"
    assert default_format(pd.Series([2016, 2017]), "Year") == ".0f"


def test_labels_caption_source_and_no_index(firms):
    page = shown(firms)
    assert '<th scope="col">Raised (US$)</th>' in page and "raised_musd" not in page
    assert "<caption>Money raised by two firms</caption>" in page
    assert '<p class="dl-table__source">Source: Crunchbase (2017).</p>' in page
    assert "<tbody><tr><td>Alpha</td>" in page  # no index column


def test_an_index_that_is_data_is_shown_as_row_headers(firms):
    page = table(
        firms.set_index("firm"), caption="c", source="s", labels={"firm": "Firm", "raised_musd": "Raised (US$)"}, index=True
    ).to_html()
    assert '<th scope="col">Firm</th>' in page and '<th scope="row">Alpha</th>' in page


def test_grouped_headers_are_scoped():
    frame = pd.DataFrame([[1.5, 2.25]], columns=pd.MultiIndex.from_tuples([("US$ an hour", "low"), ("US$ an hour", "high")]))
    page = table(frame, caption="c", source="s").to_html()
    assert '<th scope="colgroup" colspan="2">US$ an hour</th>' in page and '<th scope="col">low</th>' in page


class _Checker(HTMLParser):
    VOID = {"br", "img", "meta", "link", "input", "hr", "col", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, f"</{tag}> closes nothing open"


def test_html_is_well_formed_small_and_self_contained(firms):
    page = shown(firms)
    checker = _Checker()
    checker.feed(page)
    assert not checker.stack
    names = [tag for tag, _ in checker.tags]
    assert "script" not in names and "style" not in names and "link" not in names
    assert "http" not in page and "style=" not in page and " id=" not in page  # no external address, no inline style, no random id
    assert all(attrs.get("scope") in ("col", "colgroup", "row") for tag, attrs in checker.tags if tag == "th")
    region = next(attrs for tag, attrs in checker.tags if attrs.get("role") == "region")
    assert region["aria-label"] == "Money raised by two firms" and region["tabindex"] == "0"
    assert len(page) < 1_500
    assert page == shown(firms)  # deterministic


def test_plain_text_for_a_notebook_or_a_terminal(firms):
    text = repr(table(firms, caption="Money raised", source="Crunchbase (2017)", labels={"raised_musd": "Raised (US$)"}))
    assert text.splitlines()[0] == "Money raised" and "Raised (US$)" in text and "14,143,750" in text
    assert text.rstrip().endswith("Source: Crunchbase (2017).")


def test_the_source_line_is_the_charts_one(firms):
    page = table(firms, caption="c", datasets=["claims"], model="a toy", labels={"raised_musd": "r"}).to_html()
    assert f'<p class="dl-table__source">{dl.charts.source_line(["claims"], "a toy")}</p>' in page
    with pytest.raises(TableError, match="name its source"):
        table(firms, caption="c", labels={"raised_musd": "r"})


def test_the_package_exports_it(firms):
    assert dl.table is table


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"labels": {"raised_usd": "Raised"}}, "'raised_usd'"),
        ({"formats": {"workers_n": ",.0f"}}, "'workers_n'"),
        ({"formats": {"firm": ",.0f"}}, "'firm'"),
        ({"formats": {"workers": ".2e"}}, "'workers'"),
        ({"formats": {"workers": "g"}}, "'workers'"),
        ({"labels": {}}, "'raised_musd' has no label"),
    ],
)
def test_bad_input_names_the_column(firms, options, named):
    with pytest.raises(TableError, match=re.escape(named)):
        table(firms, caption="c", source="s", **options)


def test_a_table_needs_a_frame_and_a_caption(firms):
    with pytest.raises(TableError, match="DataFrame"):
        table(firms["workers"], caption="c", source="s", labels={"raised_musd": "r"})
    with pytest.raises(TableError, match="caption"):
        table(firms, caption=" ", source="s", labels={"raised_musd": "r"})


def test_unlabelled_columns_take_the_manifest_s_titles_and_units():
    frame = pd.DataFrame({"iso3": ["FRA"], "population": [68_000_000], "gdp_usd": [3.0e12]})
    page = table(frame, caption="c", datasets=["countries"], labels={"iso3": "Country code"}).to_html()
    assert '<th scope="col">Population (people)</th>' in page and '<th scope="col">GDP (current US$)</th>' in page
    assert '<th scope="col">Country code</th>' in page and "3,000,000,000,000" in page


def test_a_column_of_mixed_magnitudes_gives_each_value_its_decimals():
    values = pd.Series([14_197_122.0, 2.5, 0.046])
    assert default_format(values) == "per value"
    page = table(pd.DataFrame({"value": values}), caption="c", source="s").to_html()
    assert "14,197,122" in page and ">2.5<" in page and ">0.046<" in page


def test_default_decimals_are_the_ones_the_values_need():
    assert default_format(pd.Series([0.6, 1.2, 2.4])) == ",.1f"
    assert default_format(pd.Series([0.6, 1.25])) == ",.2f"


def test_dates_show_without_a_time_of_day():
    frame = pd.DataFrame({"date": pd.to_datetime(["2016-08-08", "2018-11-28"])})
    page = table(frame, caption="c", source="s").to_html()
    assert ">2016-08-08<" in page and "00:00" not in page


def test_only_a_label_starting_with_year_marks_a_year():
    years = pd.Series([2016, 2017])
    assert default_format(years, "Year") == ".0f" and default_format(years, "Fiscal year") == ".0f"
    assert default_format(years, "Pay (US$ a year)") == ",.0f" and default_format(years, "Full-time years") == ",.0f"
    page = table(pd.DataFrame({"pay": [2016, 2017]}), caption="c", source="s", labels={"pay": "Pay (US$ a year)"}).to_html()
    assert ">2,016<" in page


def test_a_tiny_nonzero_value_is_not_shown_as_zero():
    page = table(pd.DataFrame({"value": [0.00002, 0.5, -0.00003, 0.0]}), caption="c", source="s").to_html()
    assert ">&lt; 0.0001<" in page and ">&gt; -0.0001<" in page and ">0.5<" in page and ">0<" in page
    close = table(pd.DataFrame({"value": [0.00002, 0.00004]}), caption="c", source="s")
    assert "< 0.0001" in repr(close) and "0.0000" not in repr(close)
    chosen = table(pd.DataFrame({"value": [0.00002, 0.5]}), caption="c", source="s", formats={"value": ",.1f"})
    assert "0.0" in repr(chosen) and "<" not in repr(chosen).split("\n\n")[1]  # a format the page chose is kept
