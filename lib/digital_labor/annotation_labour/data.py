"""ImageNet's labelling in data: images, categories, candidate images, workers, duration, speed
(``imagenet_annotation``), each figure with its source and confidence."""

from __future__ import annotations

import pandas as pd

from ..data import load

__all__ = ["imagenet_figure", "imagenet_figures"]


def imagenet_figures() -> pd.DataFrame:
    """The published figures on ImageNet and its 2012 challenge subset."""
    return load("imagenet_annotation")


def imagenet_figure(quantity: str, bibkey: str | None = None, dataset: str = "ImageNet", bound: str = "low") -> float:
    """One published figure (its ``low`` or ``high`` bound); ``bibkey`` picks among two accounts
    of the same quantity. Raises KeyError naming what is missing."""
    table = imagenet_figures()
    rows = table[(table["dataset"] == dataset) & (table["quantity"] == quantity) & ((table["bibkey"] == bibkey) if bibkey else True)]
    if rows.empty:
        raise KeyError(f"No figure '{quantity}' for {dataset}" + (f" from {bibkey}" if bibkey else "") + " in imagenet_annotation.")
    return float(rows[bound].iloc[0])
