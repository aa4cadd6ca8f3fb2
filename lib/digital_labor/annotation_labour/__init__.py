"""The labour inside a labelled dataset: items × labels × seconds × redundancy, in hours,
full-time years and wages (a model), applied to ImageNet's published figures.

:mod:`.data` reads the published figures on ImageNet (``imagenet_annotation``); :mod:`.model`
holds the labour model (labelled as one); :mod:`.charts` draws it.
"""

from .charts import labour_chart
from .data import imagenet_figure, imagenet_figures
from .model import (
    IMAGENET_ASSUMPTIONS,
    AnnotationJob,
    imagenet_job,
    imagenet_scenarios,
    labour_hours,
    price_labour,
)

# What the pages, the assignments and the claims ledger use; the modules hold the rest.
__all__ = [
    # charts
    "labour_chart",
    # data
    "imagenet_figure",
    "imagenet_figures",
    # model
    "IMAGENET_ASSUMPTIONS",
    "AnnotationJob",
    "imagenet_job",
    "imagenet_scenarios",
    "labour_hours",
    "price_labour",
]
