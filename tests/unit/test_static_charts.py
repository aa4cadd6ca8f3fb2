"""The site's figures: charts as pictures (layout for a column, SVG compaction), interactivity, and the site's files."""

from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd
import pytest

from book import static_charts
from book.figures import draw_figures
from book.sphinx_ext import lighten_page, page_description
from digital_labor import charts


@pytest.fixture
def frame():
    return pd.DataFrame({"x": [1, 2, 3], "y": [3.25, 1.5, 2.0], "g": ["a", "b", "a"]})


def test_a_chart_without_tooltips_or_params_is_a_picture_only(frame):
    assert static_charts.interactivity(alt.Chart(frame).mark_line().encode(x="x:Q", y="y:Q").to_dict()) == ""


def test_tooltips_and_selections_without_inputs_ask_for_a_pointer(frame):
    tooltip = alt.Chart(frame).mark_point().encode(x="x:Q", y="y:Q", tooltip=["x:Q"])
    assert static_charts.interactivity(tooltip.to_dict()) == "pointer"
    hover = alt.Chart(frame).mark_point().encode(x="x:Q", y="y:Q").add_params(alt.selection_point(on="pointerover"))
    assert static_charts.interactivity(hover.to_dict()) == "pointer"
    zoom = alt.Chart(frame).mark_point().encode(x="x:Q", y="y:Q").interactive()
    assert static_charts.interactivity(zoom.to_dict()) == "pointer"
    legend = (
        alt.Chart(frame).mark_point().encode(x="x:Q", y="y:Q", color="g:N").add_params(alt.selection_point(fields=["g"], bind="legend"))
    )
    assert static_charts.interactivity(legend.to_dict()) == "pointer"


def test_sliders_and_selectors_are_controls_even_in_a_layer(frame):
    slider = alt.param(name="rate", value=1, bind=alt.binding_range(min=0, max=2, step=0.5, name="Rate"))
    chart = alt.Chart(frame).mark_line().encode(x="x:Q", y="y:Q").add_params(slider)
    assert static_charts.interactivity(alt.layer(chart, chart.mark_point()).to_dict()) == "controls"
    rule = alt.param(name="rule", value="a", bind=alt.binding_select(options=["a", "b"], name="Rule"))
    assert static_charts.interactivity(alt.Chart(frame).mark_bar().encode(x="g:N", y="y:Q").add_params(rule).to_dict()) == "controls"


def test_fit_narrows_a_wide_plot_for_a_phone_and_leaves_the_original_alone(frame):
    spec = alt.Chart(frame).mark_line().encode(x="x:Q", y="y:Q").properties(width=600, height=200).to_dict()
    phone = static_charts.fit(spec, static_charts.PHONE_PX)
    assert phone["width"] <= static_charts.PHONE_PX - static_charts.AXES_PX + 1 and spec["width"] == 600
    drawn = static_charts.svg_size(static_charts.to_svg(phone))[0]
    assert static_charts.PHONE_PX - 60 < drawn + static_charts.ACTIONS_PX <= static_charts.PHONE_PX  # measured: fits, not far under
    assert static_charts.fit(spec, 1200)["width"] == 600  # never widened
    assert phone["config"]["legend"]["orient"] == "bottom"  # the compact layout on a narrow screen


def test_fit_stacks_side_by_side_panels_on_a_phone_and_keeps_them_on_a_desktop(frame):
    panel = alt.Chart(frame).mark_line().encode(x="x:Q", y="y:Q").properties(width=200, height=150)
    spec = alt.hconcat(panel, panel).to_dict()
    assert "vconcat" in static_charts.fit(spec, static_charts.PHONE_PX) and "hconcat" not in static_charts.fit(spec, 340)
    assert "hconcat" in static_charts.fit(spec, static_charts.DESKTOP_PX)


def test_a_map_keeps_its_proportions_when_narrowed():
    spec = {"mark": "geoshape", "projection": {"type": "equalEarth"}, "width": 600, "height": 294, "data": {"values": []}}
    fitted = static_charts.fit(spec, static_charts.PHONE_PX)
    assert fitted["width"] < 600 and abs(fitted["height"] / fitted["width"] - 0.49) < 0.02


def test_long_titles_wrap_to_the_phone_s_width(frame):
    title = "A title long enough to wrap on a phone but not on a desktop"
    spec = charts.describe(
        alt.Chart(frame).mark_point().encode(x="x:Q", y="y:Q"), title=title, description="Points.", datasets=["countries"]
    ).to_dict()
    phone = static_charts.fit(spec, static_charts.PHONE_PX)
    assert isinstance(phone["title"]["text"], list) and " ".join(phone["title"]["text"]) == title
    assert static_charts.fit(spec, static_charts.DESKTOP_PX)["title"]["text"] == title


def test_the_pictures_are_laid_out_by_the_page_s_own_fitting_script(frame, monkeypatch):
    """One algorithm: the build runs chart-fit.js and only draws and measures what it proposes."""
    proposed = []
    engine = static_charts._layout_engine()
    real_call = engine.call
    monkeypatch.setattr(engine, "call", lambda name, *args: proposed.append(name) or real_call(name, *args), raising=False)
    spec = alt.Chart(frame).mark_line().encode(x="x:Q", y="y:Q").properties(width=600, height=200).to_dict()
    static_charts.fit(spec, static_charts.PHONE_PX)
    assert proposed[0] == "dlChartLayout.start" and proposed.count("dlChartLayout.next") >= 2  # drawn, measured, narrowed


def test_the_fitting_steps_go_back_when_narrower_plots_do_not_narrow_the_chart():
    engine = static_charts._layout_engine()
    spec = {"mark": "point", "width": 400, "height": 100, "data": {"values": []}}
    state = engine.call("dlChartLayout.start", spec, 700)
    assert not state["compact"] and not state["done"]
    state = engine.call("dlChartLayout.next", state, 100)  # 100 px too wide: the plot narrows
    assert state["spec"]["width"] == 300 and not state["done"]
    state = engine.call("dlChartLayout.next", state, 100)  # no better: the layout before it again
    assert state["reverting"] and state["spec"]["width"] == 400
    state = engine.call("dlChartLayout.next", state, 100)  # still too wide: the compact layout next
    assert state["compact"] and state["spec"]["width"] == 400 and not state["done"]
    state = engine.call("dlChartLayout.next", state, 0)
    assert state["done"] and state["over"] == 0


def test_compact_svg_rounds_coordinates_and_drops_per_mark_aria():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" aria-label="Chart"><g role="graphics-object" '
        'aria-roledescription="group mark container"><path aria-label="x: 1; y: 2" role="graphics-symbol" '
        'd="M10.123456,20.987654L30.04,40.96" transform="translate(0.5,-0.04)"/>  <text x="1.26">Label 1.2345</text></g></svg>'
    )
    small = static_charts.compact_svg(svg)
    assert 'd="M10.1,21L30,41"' in small and 'transform="translate(0.5,0)"' in small and 'x="1.3"' in small
    assert "Label 1.2345" in small  # text is never changed
    assert "aria-roledescription" not in small and "graphics-symbol" not in small and 'aria-label="x: 1' not in small
    assert small.startswith('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" aria-label="Chart">')


def test_pictures_are_svg_at_two_widths_and_draw_the_data(frame):
    chart = charts.describe(
        alt.Chart(frame).mark_bar().encode(x=alt.X("g:N", title="Group"), y=alt.Y("y:Q", title="Y (units)")).properties(width=600),
        title="Bars",
        description="Two bars.",
        datasets=["countries"],
    )
    svgs = static_charts.picture_svgs(chart.to_dict())
    assert set(svgs) == {"desktop", "phone"}
    for svg in svgs.values():
        assert svg.startswith("<svg") and "Bars" in svg and "Group" in svg and svg.count("<path") >= 2
    assert static_charts.svg_size(svgs["phone"])[0] <= static_charts.PHONE_PX + 10
    assert static_charts.svg_size(svgs["desktop"])[0] > static_charts.svg_size(svgs["phone"])[0]


def test_a_map_is_drawn_from_the_site_s_shared_data(monkeypatch):
    monkeypatch.setenv(charts.BOOK_ENV, "1")
    values = pd.DataFrame({"iso3": ["IND"], "name": ["India"], "share": [24.0]})
    spec = charts.choropleth(
        values, value="share", value_title="Share (%)", title="Workers", description="Map.", datasets=["countries"]
    ).to_dict()
    assert "_data/world.geojson" in json.dumps(spec)
    svg = static_charts.picture_svgs(spec)["desktop"]
    assert svg.count("<path") > 150  # every country drawn
    with pytest.raises(ValueError, match="only be drawn from local data"):
        static_charts.inline_data({"data": {"url": "https://example.org/x.json"}})


def test_the_site_draws_pictures_and_specs_into_files_and_loads_later_pictures_lazily(tmp_path, frame):
    chart = alt.Chart(frame).mark_point().encode(x="x:Q", y="y:Q", tooltip=["x:Q"]).properties(description="Points.")
    body = "<p>Text</p>" + charts.render(chart.to_dict())["text/html"] + charts.render(chart.to_dict())["text/html"]
    page = draw_figures(body, tmp_path, lambda path: f"../{path}")
    assert "data:image" not in page and "dl-chart-spec" not in page
    files = sorted(p.name for p in (tmp_path / "_images" / "dl-charts").iterdir())
    assert len([f for f in files if f.endswith(".svg")]) == 2 and len([f for f in files if f.endswith(".json")]) == 1
    images = re.findall(r"<img [^>]*>", page)
    assert "loading" not in images[0] and 'loading="lazy"' in images[1]
    spec_url = re.search(r'data-dl-spec="\.\./([^"]+)"', page).group(1)
    assert json.loads((tmp_path / spec_url).read_text())["description"] == "Points."
    svg_url = re.search(r'<img class="dl-chart-image" src="\.\./([^"]+)"', page).group(1)
    assert (tmp_path / svg_url).read_text().startswith("<svg")


def test_a_page_description_is_the_front_matter_s_or_the_first_paragraph_cut_at_a_word():
    assert page_description("Short first paragraph.") == "Short first paragraph."
    assert page_description("Ignored.", "From the front matter.") == "From the front matter."
    long = "word " * 60
    cut = page_description(long)
    assert len(cut) <= 155 and cut.endswith("word…")
    assert page_description("  spaces\n and   lines  ") == "spaces and lines"


def test_pages_lose_the_search_scripts_except_the_search_page_and_the_icon_script_everywhere():
    head = (
        '<script src="_static/documentation_options.js?v=1"></script>\n'
        '<script defer src="_static/scripts/fontawesome.js?digest=abc"></script>\n'
        '<script src="_static/searchtools.js"></script>\n<script src="_static/language_data.js"></script>\n'
        '<script src="searchindex.js"></script>'
    )
    page = lighten_page(head, is_search_page=False)
    assert page == '<script src="_static/documentation_options.js?v=1"></script>'
    search = lighten_page(head, is_search_page=True)
    assert "searchtools.js" in search and "searchindex.js" in search and "fontawesome" not in search


def drawn(spec: dict, folder) -> str:
    """A chart's figure as the site shows it: the notebook's output, drawn by the build."""
    return draw_figures(charts.render(spec)["text/html"], folder, lambda path: path)


def test_a_figure_has_its_pictures_with_their_description_and_no_external_urls(tmp_path, frame):
    spec = alt.Chart(frame).mark_point().encode(x="x:Q", y="y:Q").properties(description='Say "hi"').to_dict()
    html = drawn(spec, tmp_path)
    assert html.startswith('<figure class="dl-figure" id="dl-figure-') and 'data-dl-interactive=""' in html  # a picture
    picture = re.search(r'<img class="dl-chart-image" src="([^"]+)"', html).group(1)
    assert (tmp_path / picture).read_text().startswith("<svg") and 'alt="Say &quot;hi&quot;"' in html
    assert "vegaEmbed(" not in html and 'class="dl-chart"' not in html and "<button" not in html
    assert "http" not in html.replace("http://www.w3.org", "")


def test_an_interactive_chart_gets_a_hidden_live_view_and_a_button(tmp_path, frame):
    spec = alt.Chart(frame).mark_point().encode(x="x:Q", y="y:Q", tooltip=["x:Q"]).properties(description="Two points.").to_dict()
    html = drawn(spec, tmp_path)
    assert 'data-dl-interactive="pointer"' in html
    assert '<div class="dl-chart" id="dl-chart-' in html and 'aria-label="Two points." hidden></div>' in html
    assert '<button type="button" class="dl-chart-live" hidden>' in html  # shown by dl-charts.js only
    figure_id = re.search(r'<figure class="dl-figure" id="dl-figure-([^"]+)"', html).group(1)
    assert f'id="dl-chart-{figure_id}"' in html  # the live view is named after its figure


def test_a_large_picture_is_drawn_to_the_whole_pixel():
    svg = '<svg width="10" height="10"><path d="M1.26,2.74L3.5,4.49"/></svg>'
    assert static_charts.compact_svg(svg, digits=0) == '<svg width="10" height="10"><path d="M1,3L4,4"/></svg>'


def test_a_picture_does_not_depend_on_what_was_drawn_before_it():
    """vega numbers gradients per process; the ids are renumbered in each picture."""
    frame = pd.DataFrame({"x": [1, 2], "y": [1, 2], "v": [0.5, 1.5]})
    chart = alt.Chart(frame).mark_point().encode(x="x:Q", y="y:Q", color="v:Q").to_dict()
    first, second = static_charts.to_svg(chart), static_charts.to_svg(chart)
    assert "gradient_1" in first and first == second
    assert static_charts.renumber_ids('<a fill="url(#gradient_7)"/><b id="gradient_7"/><c id="gradient_9"/>') == (
        '<a fill="url(#gradient_1)"/><b id="gradient_1"/><c id="gradient_2"/>'
    )


def test_pictures_are_drawn_once_and_kept_for_the_next_build(tmp_path, frame, monkeypatch):
    from book import figures

    spec = alt.Chart(frame).mark_point().encode(x="x:Q", y="y:Q").to_dict()
    body = charts.render(spec)["text/html"]
    assert figures.chart_specs([body, "<p>no chart</p>"]) == [{k: v for k, v in spec.items() if k != "$schema"}]
    other = alt.Chart(frame).mark_line().encode(x="x:Q", y="y:Q").to_dict()
    assert figures.draw_pictures([spec, spec, other], tmp_path / "store", processes=2) == 2  # each chart drawn once
    assert len(list((tmp_path / "store").glob("*.json"))) == 2
    assert figures.draw_pictures([spec], tmp_path / "store", processes=2) == 0
    assert len(list((tmp_path / "store").glob("*.json"))) == 1  # the chart no page shows any more is pruned
    drawn = []
    monkeypatch.setattr(figures, "picture_svgs", lambda s: drawn.append(s) or {"desktop": "<svg/>"})
    page = draw_figures(body, tmp_path / "site", lambda path: path, figures.PictureStore(tmp_path / "store"))
    assert drawn == [] and "dl-chart-image" in page  # read from the store, not drawn again


def test_the_picture_store_s_key_follows_the_layout_constants(monkeypatch):
    """The layout constants live in the library, outside the chart's specification: a change must
    not reuse the pictures drawn with the old ones."""
    from book import figures

    before = figures.drawing_version.__wrapped__()
    monkeypatch.setitem(charts.LAYOUT, "axesPx", charts.LAYOUT["axesPx"] + 1)
    assert figures.drawing_version.__wrapped__() != before
