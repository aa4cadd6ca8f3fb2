"""dl.glue writes what myst-nb's glue writes, so the build reads values glued without myst-nb."""

from __future__ import annotations

import pytest
from IPython.core.interactiveshell import InteractiveShell
from myst_nb import glue as myst_glue

import digital_labor as dl


def displayed(callback) -> list[tuple[dict, dict]]:
    """The (data, metadata) pairs that ``callback`` sends to IPython's display."""
    shell = InteractiveShell.instance()
    shown = []
    publisher = shell.display_pub
    original = publisher.publish
    publisher.publish = lambda data, metadata=None, **_: shown.append((data, metadata or {}))
    try:
        callback()
    finally:
        publisher.publish = original
    return shown


@pytest.mark.parametrize("display", [False, True])
def test_glue_output_equals_myst_nb_s(display):
    for value in (3.25, "text", 12):
        ours = displayed(lambda value=value: dl.glue("a_value", value, display=display))
        theirs = displayed(lambda value=value: myst_glue("a_value", value, display=display))
        assert ours == theirs and ours


def test_glue_hides_the_value_by_default():
    ((data, metadata),) = displayed(lambda: dl.glue("hidden", 1.5))
    assert list(data) == ["application/papermill.record/text/plain"]
    assert metadata["scrapbook"] == {"name": "hidden", "mime_prefix": "application/papermill.record/"}


def test_glue_refuses_a_name_the_text_could_not_use():
    with pytest.raises(ValueError, match="not a valid identifier"):
        dl.glue("two words", 1)


def test_glue_stores_a_numpy_scalar_as_the_number_the_text_formats():
    import numpy as np

    ((data, _),) = displayed(lambda: dl.glue("ratio", np.float64(1.32)))
    assert data["application/papermill.record/text/plain"] == "1.32"  # not "np.float64(1.32)", which {glue:text} cannot format
    ((data, _),) = displayed(lambda: dl.glue("count", np.int64(7)))
    assert data["application/papermill.record/text/plain"] == "7"


def test_glue_all_glues_each_named_result_in_order_as_glue_does():
    values = {"first": 1.5, "second": "text", "third": 3}
    together = displayed(lambda: dl.glue_all(values))
    one_by_one = displayed(lambda: [dl.glue(name, value) for name, value in values.items()])
    assert together == one_by_one
    assert [metadata["scrapbook"]["name"] for _, metadata in together] == list(values)


def test_glue_all_refuses_a_bad_name_before_the_text_reads_it():
    with pytest.raises(ValueError, match="'bad name'"):
        dl.glue_all({"good": 1, "bad name": 2})
