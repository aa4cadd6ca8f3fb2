"""The labour inside a labelled dataset: the arithmetic, its limiting cases, ImageNet's scenarios, the chart."""

from __future__ import annotations

import pytest

from digital_labor import annotation_labour as al
from digital_labor.annotation_labour.model import REDUNDANCY

RATES = {"the MTurk median": 2.0, "the US minimum wage": 7.25}


def test_labour_arithmetic_and_limits():
    job = al.AnnotationJob(items=3600, labels_per_item=2, seconds_per_label=1, redundancy=3)
    assert al.labour_hours(job) == 6
    assert al.labour_hours(al.AnnotationJob(items=0)) == 0
    assert al.labour_hours(al.AnnotationJob(items=3600, seconds_per_label=1)) == 1  # one worker, one label
    assert al.price_labour(10, 2.0) == 20 and al.price_labour(0, 7.25) == 0


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"items": -1}, "items"),
        ({"items": 1, "redundancy": 0.5}, "redundancy"),
        ({"items": 1, "seconds_per_label": -1}, "seconds_per_label"),
    ],
)
def test_parameters_are_validated(kwargs, message):
    with pytest.raises(ValueError, match=message):
        al.AnnotationJob(**kwargs)
    with pytest.raises(ValueError, match="usd_per_hour"):
        al.price_labour(1, -2)


def test_imagenet_figures_and_scenarios():
    assert al.imagenet_figure("images in the full database") == 14_197_122
    assert al.imagenet_figure("target images per synset", bound="high") == 1000
    assert al.imagenet_figure("Mechanical Turk workers involved", "li2015") == 50_000
    with pytest.raises(KeyError, match="No figure"):
        al.imagenet_figure("unicorns")
    central = al.imagenet_job("central")
    assert (central.items, central.seconds_per_label, central.redundancy) == (160e6, 1.2, 3.0)
    table = al.imagenet_scenarios(RATES).set_index("scenario")
    assert table.loc["central", "hours"] == pytest.approx(160e6 * 1.2 * 3 / 3600)
    assert table.loc["central", "fte_years"] == pytest.approx(80) and table.loc["central", "full_time_workers"] == pytest.approx(32)
    assert table.loc["central", "wages_the MTurk median"] == pytest.approx(320_000)
    assert table["hours"].is_monotonic_increasing
    with pytest.raises(ValueError, match="scenario"):
        al.imagenet_job("extreme")


def test_chart_is_labelled_and_described():
    spec = al.labour_chart(al.imagenet_scenarios(RATES), RATES).to_dict()
    assert "Model:" in " ".join(spec["title"]["subtitle"])
    assert "central: 160,000,000 candidate images × 3 workers × 1.2 s = 160,000 hours, 80 full-time years" in spec["description"]


def test_the_assumptions_text_names_the_figures_in_the_data():
    # The text spells some figures out; if the data change, this test says the text must follow.
    text = al.IMAGENET_ASSUMPTIONS
    assert al.imagenet_figure("candidate images filtered and labelled", "wikipediaimagenet") == 160e6 and "over 160 million" in text
    assert al.imagenet_figure("candidate images cleaned and sorted", "li2015") == 1e9 and "nearly a billion" in text
    assert al.imagenet_figure("images labelled per worker-minute") == 50 and "fifty images a minute" in text
    assert f"{60 / 50:g} seconds a label" in text
    assert ", ".join(f"{r:g}" for r in list(REDUNDANCY.values())[:-1]) + f" and {REDUNDANCY['high']:g}" in text
    confidence = al.imagenet_figures().set_index("bibkey").loc["li2015", "confidence"].iloc[0]
    assert f"Fei-Fei Li's talk, {confidence}" in text


def test_both_panels_draw_their_marks_and_label_counts_in_words():
    """Issue 26, item 5: the log-scale bars started at zero (an empty panel) and the axes read '1k'."""
    import re

    import vl_convert as vlc

    svg = vlc.vegalite_to_svg(al.labour_chart(al.imagenet_scenarios(RATES), RATES).to_dict())
    bars = re.findall(r'aria-roledescription="bar"[^>]*d="M([-\d.]+),[-\d.]+h([-\d.]+)', svg)
    assert bars and all(float(width) > 0 for _, width in bars)
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "1,000" in labels and not [label for label in labels if re.fullmatch(r"[\d.]+[kMG]", label)]


def test_the_page_s_labour_hours_is_the_library_s_and_drives_the_scenarios():
    """The humans-in-AI page writes the hours equation in an open cell and passes it to the scenarios."""
    from pathlib import Path

    from pages import page_definition

    page = Path(__file__).resolve().parents[2] / "chapters" / "03-uber-to-facebook" / "humans-in-ai.md"
    page_hours = page_definition(page, "labour_hours", annotation_labour=al)
    for job in (
        al.AnnotationJob(items=3600, labels_per_item=2, seconds_per_label=1, redundancy=3),
        al.imagenet_job("high"),
        al.AnnotationJob(0),
    ):
        assert page_hours(job) == al.labour_hours(job)
    assert al.imagenet_scenarios(RATES, hours=page_hours).equals(al.imagenet_scenarios(RATES))
    doubled = al.imagenet_scenarios(RATES, hours=lambda job: 2 * al.labour_hours(job))
    assert list(doubled["fte_years"]) == pytest.approx(list(2 * al.imagenet_scenarios(RATES)["fte_years"]))
