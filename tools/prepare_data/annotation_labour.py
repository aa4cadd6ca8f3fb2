"""The file of :mod:`digital_labor.annotation_labour`: the ImageNet and ILSVRC rows of the
annotation fact table (``imagenet_annotation``), every confidence kept (the test images left out),
a published range ('500-1000') split into low and high bounds, bibkeys added."""

from __future__ import annotations

from pathlib import Path

from .common import insert_bibkey, prefix_bibkey, read_fact_table, resolve_same, with_range_bounds, write

IMAGENET_BIBKEYS = {
    "Deng, J.": "deng2009",
    "ImageNet project site": "imagenet2013",
    "Fei-Fei Li (2015)": "li2015",
    "Wikipedia article 'ImageNet'": "wikipediaimagenet",
    "Wikipedia article 'ImageNet Large": "wikipediailsvrc",
    "Imitation Game exhibition": "imitationgame2023",
    "Russakovsky, O.": "russakovsky2015",
}


def prepare(facts: Path, out: Path) -> None:
    table = resolve_same(read_fact_table(facts, "dataset_annotation"))
    table = table[table["dataset"].str.startswith(("ImageNet", "ILSVRC")) & ~table["quantity"].str.startswith("test images")].copy()
    table = with_range_bounds(table)
    write(insert_bibkey(table, table["source"].map(prefix_bibkey(IMAGENET_BIBKEYS))), out, "imagenet_annotation")
