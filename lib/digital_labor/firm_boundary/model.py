"""Make or buy: where a platform moves the boundary of the firm.

Coase (1937) asked why firms exist if markets coordinate production; his
answer was that using the market has costs. Williamson's heuristic ranks
transactions by *asset specificity* ``k`` between 0 (a standard transaction
that anybody could supply) and 1 (a transaction tied to one relationship).
Governance costs are linear in ``k``::

    market:    M(k) = m0 + m1 * k
    hierarchy: H(k) = h0 + h1 * k

Markets are cheap for standard transactions (``m0 < h0``) but become costly
when assets are specific, through haggling and hold-up (``m1 > h1``). A
transaction is organised inside the firm when ``H(k) < M(k)``, that is above
the boundary ``k* = (h0 - m0) / (m1 - h1)``, clipped to [0, 1].

A platform's algorithmic matching, ratings and standard contracts cut the
market's fixed search-and-contracting cost ``m0`` and possibly the safeguard
cost ``m1``. This moves ``k*`` up, so more transactions are bought on the
market (outsourced to the crowd) instead of being made in house.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from scipy import stats

from ..params import require

__all__ = [
    "GovernanceCosts",
    "SpecificityDistribution",
    "boundary",
    "boundary_grid",
    "cost_curves",
    "hierarchy_cost",
    "in_house_share_by_platform_cut",
    "market_cost",
    "share_made_in_house",
    "with_platform",
]


@dataclass(frozen=True)
class GovernanceCosts:
    """Governance cost of one transaction (arbitrary cost units), linear in k.

    Assumptions, in plain English:

    * Transactions differ only by asset specificity ``k``, from 0 (standard)
      to 1 (tied to a single relationship).
    * Using the market costs ``market_fixed + market_slope * k``: search and
      contracting, plus haggling and hold-up risk that grow with ``k``.
    * Using the hierarchy (the firm) costs ``hierarchy_fixed +
      hierarchy_slope * k``: bureaucracy, plus a milder growth with ``k``.
    * The market's cost rises more steeply with ``k`` than the firm's
      (``market_slope > hierarchy_slope``), Williamson's core assumption.
    * All costs are non-negative. Production costs are taken to be the same
      under both modes, so only governance costs decide.
    """

    market_fixed: float = 1.0
    market_slope: float = 4.0
    hierarchy_fixed: float = 2.0
    hierarchy_slope: float = 1.0

    def __post_init__(self) -> None:
        for name in ("market_fixed", "market_slope", "hierarchy_fixed", "hierarchy_slope"):
            require(getattr(self, name) >= 0, f"{name} must be >= 0")
        require(
            self.market_slope > self.hierarchy_slope,
            "market_slope must be greater than hierarchy_slope",
        )


@dataclass(frozen=True)
class SpecificityDistribution:
    """How a firm's transactions are spread over asset specificity.

    Assumption, in plain English: asset specificity ``k`` follows a
    Beta(``a``, ``b``) distribution on [0, 1]. The default Beta(2, 3) has a
    mean of 0.4: most transactions are fairly standard, few are highly
    specific.
    """

    a: float = 2.0
    b: float = 3.0

    def __post_init__(self) -> None:
        require(self.a > 0, "a must be > 0")
        require(self.b > 0, "b must be > 0")


def market_cost(costs: GovernanceCosts, specificity: np.ndarray | float) -> np.ndarray:
    """Market governance cost M(k) at asset specificity ``k``."""
    return costs.market_fixed + costs.market_slope * np.asarray(specificity)


def hierarchy_cost(costs: GovernanceCosts, specificity: np.ndarray | float) -> np.ndarray:
    """Hierarchy (firm) governance cost H(k) at asset specificity ``k``."""
    return costs.hierarchy_fixed + costs.hierarchy_slope * np.asarray(specificity)


def boundary(costs: GovernanceCosts) -> float:
    """Boundary of the firm k*: transactions with k above it are made in house.

    Closed form ``(h0 - m0) / (m1 - h1)``, clipped to [0, 1]: 0 means the firm
    makes everything, 1 means it buys everything on the market.
    """
    crossing = (costs.hierarchy_fixed - costs.market_fixed) / (costs.market_slope - costs.hierarchy_slope)
    return float(np.clip(crossing, 0.0, 1.0))


def with_platform(costs: GovernanceCosts, search_cost_cut: float, safeguard_cut: float = 0.0) -> GovernanceCosts:
    """Market costs once a platform intermediates the market.

    ``search_cost_cut`` is the fraction (0 to 1) by which matching and
    standard contracts cut the market's fixed cost; ``safeguard_cut`` the
    fraction by which ratings and platform rules cut its slope in ``k``.
    Hierarchy costs are unchanged. The slope cut may not bring the market's
    slope down to the firm's.
    """
    require(0 <= search_cost_cut <= 1, "search_cost_cut must be between 0 and 1")
    require(0 <= safeguard_cut <= 1, "safeguard_cut must be between 0 and 1")
    require(
        costs.market_slope * (1 - safeguard_cut) > costs.hierarchy_slope,
        "safeguard_cut must leave market_slope above hierarchy_slope",
    )
    return replace(
        costs,
        market_fixed=costs.market_fixed * (1 - search_cost_cut),
        market_slope=costs.market_slope * (1 - safeguard_cut),
    )


BoundaryRule = Callable[[GovernanceCosts], float]


def share_made_in_house(costs: GovernanceCosts, specificity: SpecificityDistribution, boundary_rule: BoundaryRule = boundary) -> float:
    """Share (0 to 1) of transactions organised inside the firm.

    It is the probability that a transaction's specificity exceeds the
    boundary: ``1 - F(k*)`` with ``F`` the Beta CDF. ``boundary_rule`` gives
    k* from the costs (:func:`boundary` unless a page passes its own rule).
    """
    return float(stats.beta.sf(boundary_rule(costs), specificity.a, specificity.b))


def cost_curves(costs: GovernanceCosts, n_points: int = 101) -> pd.DataFrame:
    """Governance cost curves in long form, for a line chart.

    Columns: ``asset_specificity``, ``governance`` (``"market"`` or
    ``"hierarchy"``), ``cost``; ``n_points`` evenly spaced values of k per
    curve.
    """
    require(isinstance(n_points, int) and n_points >= 2, "n_points must be an integer >= 2")
    k = np.linspace(0.0, 1.0, n_points)
    curves = {"market": market_cost(costs, k), "hierarchy": hierarchy_cost(costs, k)}
    return pd.concat(
        [pd.DataFrame({"asset_specificity": k, "governance": name, "cost": cost}) for name, cost in curves.items()],
        ignore_index=True,
    )


def in_house_share_by_platform_cut(
    costs: GovernanceCosts,
    specificity: SpecificityDistribution,
    search_cost_cuts: list[float] | np.ndarray,
    safeguard_cut: float = 0.0,
    boundary_rule: BoundaryRule = boundary,
) -> pd.DataFrame:
    """In-house share as a function of the platform's cut in search costs.

    Columns: ``search_cost_cut_pct``, ``safeguard_cut_pct``,
    ``boundary_specificity`` (k*, from ``boundary_rule``), ``in_house_share_pct``.
    """
    rows = []
    for cut in search_cost_cuts:
        platform_costs = with_platform(costs, cut, safeguard_cut)
        rows.append(
            {
                "search_cost_cut_pct": 100 * float(cut),
                "safeguard_cut_pct": 100 * float(safeguard_cut),
                "boundary_specificity": boundary_rule(platform_costs),
                "in_house_share_pct": 100 * share_made_in_house(platform_costs, specificity, boundary_rule),
            }
        )
    return pd.DataFrame(rows)


def boundary_grid(
    costs: GovernanceCosts,
    specificity: SpecificityDistribution,
    search_cost_cuts_pct: list[int] | np.ndarray,
    n_points: int = 11,
    boundary_rule: BoundaryRule = boundary,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Precomputed frames for the interactive make-or-buy chart, one slice per platform cut.

    Returns ``(curves, density, shares)``:

    * ``curves``: ``search_cost_cut_pct``, ``asset_specificity``, ``governance``, ``cost``
      (``n_points`` values of k per curve);
    * ``density``: ``asset_specificity`` and ``density`` (the Beta pdf of the firm's
      transactions; the chart splits it at the boundary of the selected cut);
    * ``shares``: the output of ``in_house_share_by_platform_cut`` (with ``boundary_rule``), cuts in whole percent.
    """
    cuts = [int(cut) for cut in search_cost_cuts_pct]
    curves = pd.concat(
        [cost_curves(with_platform(costs, cut / 100), n_points).assign(search_cost_cut_pct=cut) for cut in cuts],
        ignore_index=True,
    )[["search_cost_cut_pct", "asset_specificity", "governance", "cost"]]
    k = np.linspace(0.0, 1.0, 201)
    density = pd.DataFrame({"asset_specificity": k, "density": stats.beta.pdf(k, specificity.a, specificity.b)})
    shares = in_house_share_by_platform_cut(costs, specificity, [cut / 100 for cut in cuts], boundary_rule=boundary_rule)
    shares["search_cost_cut_pct"] = shares["search_cost_cut_pct"].round().astype(int)
    return curves, density, shares
