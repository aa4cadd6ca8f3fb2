"""The value tables under the book's charts read as the charts do (issue 26, item 5).

Each test builds a chart as its page does and reads its table: the defects the issue found
(a header twice, a bar's start as a column, a plotted ratio missing, a region grid without its
outcome) would fail them.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

from digital_labor import app_work, chart_tables, implicit_work, microwork
from digital_labor.vega_expr import Unsupported, evaluate


def tables_of(chart: alt.TopLevelMixin) -> list[dict]:
    return chart_tables.data_tables(chart.to_dict())


def test_crowd_sizes_table_has_one_confidence_column():
    (table,) = tables_of(microwork.crowd_sizes_chart(microwork.crowd_sizes()))
    assert table["headers"].count("Confidence") == 1
    assert len(table["headers"]) == len(set(table["headers"]))


def test_tornado_tables_have_no_column_for_the_bars_start():
    case = implicit_work.facebook_case(2016)
    swings = implicit_work.sensitivity(case, implicit_work.sensitivity_ranges(2016))
    (table, *_) = tables_of(implicit_work.sensitivity_chart(swings))
    assert table["headers"] == ["Parameter", "Low value", "Ratio at the low value", "High value", "Ratio at the high value"]


def test_the_implicit_work_table_shows_the_plotted_ratio_at_the_controls_starting_values():
    low, default, high = implicit_work.time_range()
    by_year = implicit_work.ratio_by_year()
    (table,) = tables_of(implicit_work.implicit_ratio_chart(by_year, default_minutes=default, low_minutes=low, high_minutes=high))
    column = table["headers"].index("FTE of implicit work per employee")
    # The page's ratio at its default values is the ratio the chart draws at its sliders' starting values.
    assert [row[column] for row in table["rows"]] == [f"{ratio:,.0f}" for ratio in by_year["ratio"]]
    assert "starting values" in table["note"]


def test_the_app_work_region_table_gives_the_outcome_in_runs():
    thresholds = app_work.study_thresholds()
    chart = app_work.claim_region_chart(
        app_work.claim_grid(), thresholds, p2_pct=app_work.default_p2(), cruising=app_work.default_cruising()
    )
    region, _diamonds = tables_of(chart)
    assert region["headers"] == ["With a passenger (%)", "App work (min per hour)", "The claim holds"]
    outcomes = {row[2] for row in region["rows"]}
    assert outcomes and outcomes <= set(app_work.charts.REGIONS)
    shares = {row[0] for row in region["rows"]}
    assert len(region["rows"]) <= 3 * len(shares) < 100  # at most one run per outcome and share, not one row per cell
    assert all("–" in row[1] or row[1].isdigit() for row in region["rows"])


def test_calculated_fields_are_evaluated_and_an_unknown_function_falls_back():
    frame = pd.DataFrame({"a": [1.0, 2.0], "b": [4.0, 8.0]})
    rate = alt.param(name="rate", value=3, bind=alt.binding_range(min=0, max=10, name="Rate: "))
    chart = (
        alt.Chart(frame)
        .transform_calculate(c="datum.b / datum.a * rate")
        .mark_point()
        .encode(x=alt.X("a:Q", title="A"), y=alt.Y("c:Q", title="C"), tooltip=[alt.Tooltip("c:Q", title="C", format=".1f")])
        .add_params(rate)
    )
    (table,) = tables_of(chart)
    assert table["rows"] == [["12.0", "1"], ["12.0", "2"]] and "“Rate” 3" in table["note"]
    with pytest.raises(Unsupported):
        evaluate("sampleNormal()", {}, {})
    assert evaluate("datum.x > 2 ? 'high' : max(datum.x, 1) + '-ish'", {"x": 1.5}, {}) == "1.5-ish"
