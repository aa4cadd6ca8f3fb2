"""Where online labour is: the Online Labour Index and the published shares of workers and buyers.

:mod:`.oli` validates the OLI worker file and computes shares from it; :mod:`.data` reads the
published shares and rankings and splits them by North and South; :mod:`.charts` maps them;
:mod:`.findings` gives the claims ledger its rows.
"""

from .charts import north_south_chart, ranking_map, representation_chart, shares_map, worker_counts_chart
from .data import (
    compare_over_representation,
    country_names,
    north_south_summary,
    published_shares,
    rank_of,
    ranking,
    ranking_north_south,
    ranking_overlap,
    representation_index,
    share_drift,
    worker_counts,
)
from .findings import top_buyers, top_producers
from .oli import load_worker_supply, supply_shares

# What the pages, the assignments and the claims ledger use; the modules hold the rest.
__all__ = [
    # charts
    "worker_counts_chart",
    "north_south_chart",
    "ranking_map",
    "representation_chart",
    "shares_map",
    # data
    "worker_counts",
    "compare_over_representation",
    "country_names",
    "north_south_summary",
    "published_shares",
    "rank_of",
    "ranking",
    "ranking_north_south",
    "ranking_overlap",
    "representation_index",
    "share_drift",
    # findings
    "top_buyers",
    "top_producers",
    # oli
    "load_worker_supply",
    "supply_shares",
]
