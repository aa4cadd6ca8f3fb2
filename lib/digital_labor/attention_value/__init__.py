"""Attention value: what an hour of a user's time on a platform brings the platform in revenue.

:mod:`.data` reads Facebook's average revenue per user by region, published figures of time on
social media, and hourly pay benchmarks; :mod:`.model` turns revenue per user into revenue per
user-hour under a stated time assumption (a model); :mod:`.charts` draws it.
"""

from . import charts, data, model
from .charts import *  # noqa: F403
from .data import *  # noqa: F403
from .model import *  # noqa: F403

__all__ = [*data.__all__, *model.__all__, *charts.__all__]
