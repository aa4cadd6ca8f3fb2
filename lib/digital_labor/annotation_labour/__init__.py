"""The labour inside a labelled dataset: items × labels × seconds × redundancy, in hours,
full-time years and wages (a model), applied to ImageNet's published figures.

:mod:`.data` reads the published figures on ImageNet (``imagenet_annotation``); :mod:`.model`
holds the labour model (labelled as one); :mod:`.charts` draws it.
"""

from . import charts, data, model
from .charts import *  # noqa: F403
from .data import *  # noqa: F403
from .model import *  # noqa: F403

__all__ = [*data.__all__, *model.__all__, *charts.__all__]
