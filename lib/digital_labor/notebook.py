"""Gluing computed values into a page's text, without needing the book's build tools.

:func:`glue` writes the same output as ``myst_nb.glue``, which the book's build reads to fill
``{glue:text}`` roles, but needs only IPython: a student running a downloaded notebook does not
have to install Sphinx and myst-nb.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from IPython.core.formatters import format_display_data
from IPython.display import display as show

__all__ = ["GLUE_PREFIX", "glue", "glue_all"]

GLUE_PREFIX = "application/papermill.record/"  # the mime prefix myst-nb reads for hidden values


def glue(name: str, value: Any, display: bool = False) -> None:
    """Store ``value`` under ``name`` for the page's text (``{glue:text}`name```); show it if ``display``."""
    if not name.isidentifier():
        raise ValueError(f"glue: the name {name!r} is not a valid identifier; use letters, digits and underscores.")
    if hasattr(value, "item") and getattr(value, "shape", None) == ():  # a NumPy scalar: its repr is not a number
        value = value.item()
    bundle, metadata = format_display_data(value)
    prefix = "" if display else GLUE_PREFIX
    metadata["scrapbook"] = {"name": name, "mime_prefix": prefix}
    show({prefix + mime: data for mime, data in bundle.items()}, raw=True, metadata=metadata)


def glue_all(values: Mapping[str, Any]) -> None:
    """Store each named result of ``values`` for the page's text, as :func:`glue` does for one.

    One call per section keeps a page's glued numbers in one place: ``dl.glue_all({"ch2_gap": gap, ...})``.
    """
    for name, value in values.items():
        glue(name, value)
