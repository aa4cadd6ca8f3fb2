"""Two executions give identical glued values and chart specifications; the check catches a notebook that does not."""

from __future__ import annotations

import textwrap

import notebooks
import pytest
from jupyter_cache import get_cache

ROOT = notebooks.ROOT


@pytest.mark.parametrize("source", notebooks.toc_notebooks(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_fresh_execution_matches_the_build(site, source):
    cache = get_cache(ROOT / "_build" / ".jupyter_cache")
    record = cache.match_cache_notebook(notebooks.read(source))
    built = cache.get_cache_bundle(record.pk).nb
    fresh, _ = notebooks.execute(source)
    assert notebooks.output_signature(fresh), "a notebook of the book should produce outputs"
    assert not notebooks.differences(built, fresh)


def test_the_check_catches_an_unseeded_notebook(tmp_path):
    source = tmp_path / "unseeded.md"
    source.write_text(
        textwrap.dedent("""\
        ---
        jupytext:
          text_representation: {extension: .md, format_name: myst, format_version: 0.13}
        kernelspec: {display_name: Python 3, language: python, name: python3}
        ---
        # Not reproducible

        ```{code-cell} ipython3
        import numpy as np
        from myst_nb import glue
        glue("draw", float(np.random.default_rng().normal()))
        ```
        """)
    )
    first, _ = notebooks.execute(source)
    second, _ = notebooks.execute(source)
    assert notebooks.differences(first, second) == ["cell 0: display_data output differs"]
