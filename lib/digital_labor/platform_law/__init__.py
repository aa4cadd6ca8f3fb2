"""Platform work since the essay: court decisions and laws on platform workers' status since 2016,
and what the human work behind generative AI is published to pay, beside chapter 3's microwork.

:mod:`.data` loads and checks the two datasets (``platform_work_law``, ``generative_ai_data_work``);
:mod:`.model` tallies the acts and joins the pay figures; :mod:`.charts` draws them.
"""

from .charts import law_timeline_chart, pay_comparison_chart
from .data import genai_pay, law_timeline
from .model import CLIENT_PRICE, GENAI, bearing_counts, pay_comparison, scope_counts

# What the pages and the tests use; the modules hold the rest.
__all__ = [
    # charts
    "law_timeline_chart",
    "pay_comparison_chart",
    # data
    "genai_pay",
    "law_timeline",
    # model
    "CLIENT_PRICE",
    "GENAI",
    "bearing_counts",
    "pay_comparison",
    "scope_counts",
]
