"""Chart helpers: theme, offline renderer, source lines, choropleth."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd
import pytest

from digital_labor import chart_tables, charts


@pytest.fixture
def simple_chart():
    frame = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
    return alt.Chart(frame).mark_point().encode(x="x:Q", y="y:Q")


def test_describe_sets_title_source_and_description(simple_chart):
    chart = charts.describe(simple_chart, title="T", description="Two points.", datasets=["countries"])
    spec = chart.to_dict()
    assert spec["title"]["text"] == "T"
    assert spec["title"]["subtitle"][0].startswith("Source: Countries of the world")
    assert spec["description"] == "Two points."


def test_model_charts_say_they_are_models(simple_chart):
    spec = charts.describe(simple_chart, title="T", description="d", model="two-sided platform").to_dict()
    assert "Model: two-sided platform (a simulation, not data)" in " ".join(spec["title"]["subtitle"])


def test_long_source_lines_wrap_under_the_title(simple_chart):
    spec = charts.describe(simple_chart, title="T", description="d", datasets=["countries", "world", "automation_forecasts"]).to_dict()
    lines = spec["title"]["subtitle"]
    assert len(lines) > 1 and all(len(line) <= charts.SOURCE_LINE_WIDTH for line in lines)
    assert " ".join(lines) == charts.source_line(["countries", "world", "automation_forecasts"])


def test_a_chart_without_description_or_source_is_refused(simple_chart):
    with pytest.raises(ValueError, match="text description"):
        charts.describe(simple_chart, title="T", description=" ", datasets=["countries"])
    with pytest.raises(ValueError, match="at least one dataset or a model"):
        charts.describe(simple_chart, title="T", description="d")


def test_the_book_renderer_emits_the_specification_alone_for_the_build_to_draw(simple_chart):
    spec = charts.describe(simple_chart, title="T</script>", description='Say "hi"', datasets=["countries"]).to_dict()
    bundle = charts.render(spec)
    html = bundle["text/html"]
    assert html.startswith('<figure class="dl-figure" id="dl-figure-') and html.endswith("</script></figure>")
    assert "<img" not in html and "vegaEmbed(" not in html and "<button" not in html  # pictures are the build's
    spec_script = html.split('<script type="application/json" class="dl-chart-spec">', 1)[1].split("</script>", 1)[0]
    assert json.loads(spec_script)["title"]["text"] == "T</script>"  # the spec cannot close its tag
    assert "http" not in html.replace("http://www.w3.org", "")
    assert bundle["text/plain"] == "<chart: T</script>>"


def test_renderer_ids_are_deterministic_given_order(simple_chart):
    spec = simple_chart.to_dict()
    first, second = charts.render(spec)["text/html"], charts.render(spec)["text/html"]
    id_of = lambda html: html.split('id="')[1].split('"')[0]  # noqa: E731
    assert id_of(first).rsplit("-", 1)[0] == id_of(second).rsplit("-", 1)[0]
    assert id_of(first) != id_of(second)  # two identical charts on one page still get distinct ids


def test_category_scales_pair_colours_with_shapes():
    colour, shape = charts.category_scales(["a", "b", "c"])
    assert colour.to_dict()["range"] == charts.PALETTE[:3]
    assert shape.to_dict()["range"] == charts.SHAPES[:3]
    with pytest.raises(ValueError):
        charts.category_scales([str(i) for i in range(20)])


def test_world_geometry_is_inline_outside_the_book_and_a_url_inside(monkeypatch):
    monkeypatch.delenv(charts.BOOK_ENV, raising=False)
    inline = charts.world_geometry().to_dict()
    assert len(inline["values"]["features"]) == 177
    monkeypatch.setenv(charts.BOOK_ENV, "1")
    assert charts.world_geometry().to_dict()["url"] == "_data/world.geojson"


def test_choropleth_joins_values_and_refuses_duplicates(monkeypatch):
    monkeypatch.setenv(charts.BOOK_ENV, "1")
    values = pd.DataFrame({"iso3": ["IND", "USA"], "name": ["India", "United States"], "share": [24.0, 12.0]})
    chart = charts.choropleth(values, value="share", value_title="Share (%)", title="Workers", description="Map.", datasets=["countries"])
    spec = chart.to_dict()
    land, values_layer = spec["layer"]
    assert land["mark"]["fill"] == charts.MISSING_COLOUR  # countries without a value stay on the map
    lookup = [t for t in values_layer["transform"] if "lookup" in t][0]
    assert lookup["lookup"] == "properties.iso3"
    inline = spec["datasets"][lookup["from"]["data"]["name"]]
    assert {row["iso3"]: row["value"] for row in inline} == {"IND": 24.0, "USA": 12.0}
    assert spec["projection"]["type"] == "equalEarth"
    with pytest.raises(ValueError, match="appears twice"):
        charts.choropleth(pd.concat([values, values]), value="share", value_title="s", title="t", description="d", datasets=["countries"])


def test_theme_uses_the_colour_blind_safe_palette_and_system_fonts():
    config = charts.theme()["config"]
    assert config["range"]["category"] == charts.PALETTE
    assert "sans-serif" in config["font"] and "http" not in json.dumps(config)


def test_categorical_choropleth_uses_the_palette_in_order_and_refuses_unknown_values(monkeypatch):
    monkeypatch.setenv(charts.BOOK_ENV, "1")
    values = pd.DataFrame({"iso3": ["IND", "FRA"], "name": ["India", "France"], "side": ["South", "North"]})
    spec = charts.choropleth(
        values, value="side", value_title="Side", title="t", description="d", datasets=["countries"], categories=["North", "South"]
    ).to_dict()
    land, values_layer = spec["layer"]
    assert values_layer["encoding"]["color"]["scale"] == {"domain": ["North", "South"], "range": charts.PALETTE[:2]}
    calculate = {t["as"]: t["calculate"] for t in land["transform"] if "calculate" in t}
    assert calculate["shown"] == "'no data'"
    with pytest.raises(ValueError, match="not among the categories"):
        charts.choropleth(
            values, value="side", value_title="Side", title="t", description="d", datasets=["countries"], categories=["North"]
        )


def test_notebook_renderer_brings_vega_embed_once_then_only_the_chart(simple_chart, monkeypatch):
    monkeypatch.setattr(charts, "_notebook_has_vega", False)
    spec = simple_chart.to_dict()
    first, second = charts.render_in_notebook(spec)["text/html"], charts.render_in_notebook(spec)["text/html"]
    assert "window.vegaEmbed=" in first and "window.vegaEmbed=" not in second
    assert 'class="dl-chart"' in second and "vegaEmbed('#dl-chart-" in second
    assert "window.vegaEmbed=" in first.split("</script>", 1)[0]  # nothing in the bundle closes its tag early
    assert "https://cdn" not in first and "jsdelivr" not in first


def test_notebook_renderer_repeats_vega_embed_in_colab_whose_outputs_are_separate_pages(simple_chart, monkeypatch):
    import sys
    import types

    monkeypatch.setattr(charts, "_notebook_has_vega", True)
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    assert "window.vegaEmbed=" in charts.render_in_notebook(simple_chart.to_dict())["text/html"]


def test_setup_picks_the_site_renderer_in_a_build_and_the_notebook_one_elsewhere(monkeypatch):
    monkeypatch.setenv(charts.BOOK_ENV, "1")
    charts.setup()
    assert alt.renderers.active == "digital_labor"
    monkeypatch.delenv(charts.BOOK_ENV)
    charts.setup()
    assert alt.renderers.active == "digital_labor_notebook"


# ---- The renderer on a phone: the chart fits its container, its values are in a table -------


def _details(html_text: str) -> str:
    assert html_text.count('<details class="dl-chart-data">') == 1
    return html_text.split('<details class="dl-chart-data">', 1)[1].split("</details>", 1)[0]


def test_notebook_renderer_draws_through_the_fitting_embed_and_keeps_the_spec_readable(simple_chart):
    html_text = charts.render_in_notebook(simple_chart.to_dict())["text/html"].rsplit("</script>\n", 1)[1]
    script = html_text.split("<script>", 1)[1]
    assert "root.dlFitEmbed = root.dlFitEmbed ||" not in script  # it comes once, with the bundle
    assert "var vegaEmbed=window.dlFitEmbed;" in script and "vegaEmbed('#dl-chart-" in script
    bundle = charts.vega_javascript()
    assert "root.dlFitEmbed = root.dlFitEmbed ||" in bundle
    assert "window.vegaEmbed(el, s, options)" in bundle  # the fitting embed draws with the library's
    assert "</" not in script.rsplit("</script>", 1)[0]


def test_a_chart_s_values_are_in_a_folded_table_limited_to_the_encoded_fields():
    frame = pd.DataFrame({"year": [2013, 2016], "share": [47.0, 9.123], "study": ["Frey", "Arntz"], "unused": ["a", "b"]})
    chart = (
        alt.Chart(frame)
        .mark_point()
        .encode(
            x=alt.X("year:Q", title="Year"),
            y=alt.Y("share:Q", title="Share of jobs (%)"),
            tooltip=[alt.Tooltip("study:N", title="Study"), alt.Tooltip("share:Q", title="Share (%)", format=".1f")],
        )
    )
    details = _details(chart_tables.values_details(chart.to_dict()))
    assert "<summary>The values in this chart, as a table</summary>" in details
    assert '<th scope="col">Study</th><th scope="col">Share (%)</th><th scope="col">Year</th>' in details
    assert "<td>Frey</td><td>47.0</td><td>2013</td>" in details and "<td>Arntz</td><td>9.1</td><td>2016</td>" in details
    assert "unused" not in details and ">a<" not in details
    assert 'role="region" tabindex="0"' in details  # a table wider than a phone scrolls, by keyboard too


def test_a_slider_chart_s_table_shows_the_rows_at_the_slider_s_starting_value():
    frame = pd.DataFrame({"h": [0.0, 0.0, 0.5, 0.5], "x": [1, 2, 1, 2], "y": [10.0, 20.0, 30.0, 40.0]})
    slider = alt.param(name="h_value", value=0.5, bind=alt.binding_range(min=0, max=0.5, step=0.5, name="Heterogeneity h: "))
    chart = (
        alt.Chart(frame)
        .mark_line()
        .encode(x="x:Q", y=alt.Y("y:Q", title="Y"), tooltip=["x:Q", "y:Q"])
        .add_params(slider)
        .transform_filter(charts.param_equals("h", slider))
    )
    details = _details(chart_tables.values_details(chart.to_dict()))
    assert "<td>1</td><td>30</td>" in details and "<td>2</td><td>40</td>" in details
    assert "<td>10</td>" not in details
    assert "at the starting value of the control “Heterogeneity h” (0.5)" in details


def test_a_long_table_is_kept_light_and_says_so():
    frame = pd.DataFrame({"x": range(1000), "y": [i * 0.5 for i in range(1000)]})
    chart = alt.Chart(frame).mark_line().encode(x=alt.X("x:Q", title="X"), y=alt.Y("y:Q", title="Y"), tooltip=["x:Q", "y:Q"])
    details = _details(chart_tables.values_details(chart.to_dict()))
    rows = details.count("<tr>") - 1
    assert 30 <= rows <= chart_tables.DATA_TABLE_CELLS // 2 and "one row in 4 of 1000" in details
    assert "<td>0</td><td>0</td>" in details and "<td>4</td><td>2</td>" in details


def test_a_map_s_table_names_the_countries(monkeypatch):
    monkeypatch.setenv(charts.BOOK_ENV, "1")
    values = pd.DataFrame({"iso3": ["IND", "USA"], "name": ["India", "United States"], "share": [24.0, 12.0]})
    chart = charts.choropleth(values, value="share", value_title="Share (%)", title="Workers", description="Map.", datasets=["countries"])
    details = _details(chart_tables.values_details(chart.to_dict()))
    assert '<th scope="col">Country</th><th scope="col">Share (%)</th>' in details
    assert "<td>India</td><td>24</td>" in details and "no data" not in details


def test_a_chart_with_no_inline_data_gets_no_table():
    chart = alt.Chart(alt.Data(url="_data/world.geojson")).mark_geoshape()
    assert chart_tables.values_details(chart.to_dict()) == ""


def test_values_are_shown_as_the_tooltip_formats_them():
    assert chart_tables._format_value(0.1234, {"format": ".1%"}) == "12.3 %"
    assert chart_tables._format_value(13157.2, {"format": ",.0f"}) == "13,157"
    assert chart_tables._format_value(2013, {}) == "2013" and chart_tables._format_value(2.0, {}) == "2"
    assert chart_tables._format_value(0.123456, {}) == "0.1235" and chart_tables._format_value(123456.7, {}) == "123,457"
    assert chart_tables._format_value("2012-05-18T00:00:00", {"type": "temporal", "format": "%d %b %Y"}) == "18 May 2012"
    assert chart_tables._format_value(None, {}) == "" and chart_tables._format_value(float("nan"), {}) == ""
