"""Who pays on a multi-sided platform (Rochet and Tirole 2003; Armstrong 2006).

A monopoly platform serves two sides, users (``u``) and advertisers (``a``).
A member of side ``i`` gets utility ``U_i = alpha_i * n_j - p_i`` from
joining, where ``n_j`` is participation on the other side, ``alpha_i`` the
benefit from each member of the other side (``alpha_u < 0``: users dislike
ads) and ``p_i`` the price. Each side is a unit mass of potential members
whose joining costs are spread uniformly between 0 and ``t_i``; a member with
stand-alone value ``v_i`` joins when ``v_i + U_i`` exceeds their joining
cost. Participation is therefore linear (Armstrong's ``phi_i``)::

    n_i = phi_i(U_i) = (v_i + U_i) / t_i, clipped to [0, 1]

Derivation. Following Armstrong, let the platform choose participation and
read prices off the demand curves: ``p_i = v_i + alpha_i * n_j - t_i * n_i``.
With per-member costs ``f_i`` and ``A = alpha_u + alpha_a``, profit is::

    Profit = n_u (p_u - f_u) + n_a (p_a - f_a)
           = A n_u n_a - t_u n_u**2 - t_a n_a**2 + (v_u - f_u) n_u + (v_a - f_a) n_a

It is concave if and only if ``D = 4 t_u t_a - A**2 > 0`` (second-order
condition: cross-side externalities must be weak relative to the demand
slopes). The first-order conditions ``2 t_u n_u - A n_a = v_u - f_u`` and
``2 t_a n_a - A n_u = v_a - f_a`` give::

    n_u = (2 t_a (v_u - f_u) + A (v_a - f_a)) / D
    n_a = (2 t_u (v_a - f_a) + A (v_u - f_u)) / D

and, substituting back, Armstrong's pricing rule
``p_i = f_i - alpha_j * n_j + phi_i(U_i) / phi_i'(U_i)`` with
``phi_i / phi_i' = t_i * n_i``: each side's price is its cost, minus the
external benefit its members bring to the other side, plus a monopoly
mark-up. A negative price is a subsidy (a free service and more).

The same rule in the model's primitives. Write ``s_u = v_u - f_u`` and
``s_a = v_a - f_a`` (what each side's stand-alone value leaves above its
cost). Substituting the optimal participations gives::

    D * p_u = [f_u D + t_u (2 t_a s_u + alpha_u s_a)] - alpha_a (t_u s_a + A s_u)

so the users' optimal price is zero or negative exactly when::

    alpha_a (t_u s_a + A s_u)  >=  f_u D + t_u (2 t_a s_u + alpha_u s_a)

(:func:`users_price_terms`). On the left, what users are worth to the
advertisers, scaled by how much surplus there is to extract from the
advertisers; on the right, the cost of serving users and the mark-up their
price sensitivity allows. When users are indifferent to ads
(``alpha_u = 0``) the condition is a threshold on ``alpha_a`` in closed
form (:func:`users_price_threshold_indifferent`)::

    alpha_a >= (sqrt(t_u**2 s_a**2 + 8 v_u t_u t_a (v_u + f_u)) - t_u s_a) / (2 v_u)

Ad-funded media, where viewers pay nothing and dislike ads, are the setting
of Anderson and Coate (2005); Rochet and Tirole (2003) price per transaction
(usage fees), which this membership model does not have.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from numpy.polynomial import Polynomial
from scipy import optimize

from ..params import require

__all__ = [
    "NoInteriorOptimum",
    "TwoSidedMarket",
    "armstrong_prices",
    "optimal_prices",
    "optimal_prices_numeric",
    "price_map",
    "price_signs",
    "users_price_terms",
    "users_price_threshold",
    "users_price_threshold_indifferent",
]

_OUTCOME_KEYS = (
    "price_users",
    "price_advertisers",
    "participation_users",
    "participation_advertisers",
    "profit",
)


class NoInteriorOptimum(ValueError):
    """The closed form does not apply: no interior profit maximum exists."""


@dataclass(frozen=True)
class TwoSidedMarket:
    """A monopoly platform with two sides: users and advertisers.

    Assumptions, in plain English:

    * Each side is a unit mass of potential members (participation is a
      share between 0 and 1).
    * ``alpha_users`` is what a user gains from each advertiser on the
      platform (negative: users dislike ads); ``alpha_advertisers`` is what an
      advertiser gains from each user reached.
    * ``value_users`` and ``value_advertisers`` are the stand-alone values of
      joining; joining costs are spread evenly between 0 and
      ``spread_users`` / ``spread_advertisers`` (higher spread, less
      price-sensitive demand).
    * ``cost_users`` and ``cost_advertisers`` are the platform's cost of
      serving one member of each side.
    * The platform sets one price per side, and members coordinate on the
      participation levels the platform aims for.
    * Prices, values and costs share one arbitrary money unit per member; a
      negative price is a subsidy. The defaults are illustrative, not
      estimates: users mildly dislike ads, advertisers value reaching users.
    """

    alpha_users: float = -0.1
    alpha_advertisers: float = 0.5
    cost_users: float = 0.1
    cost_advertisers: float = 0.1
    value_users: float = 0.5
    value_advertisers: float = 0.5
    spread_users: float = 1.0
    spread_advertisers: float = 1.0

    def __post_init__(self) -> None:
        for name in ("alpha_users", "alpha_advertisers"):
            require(np.isfinite(getattr(self, name)), f"{name} must be a finite number")
        for name in ("cost_users", "cost_advertisers"):
            require(getattr(self, name) >= 0, f"{name} must be >= 0")
        for name in ("value_users", "value_advertisers", "spread_users", "spread_advertisers"):
            require(getattr(self, name) > 0, f"{name} must be > 0")


def _implied_prices(market: TwoSidedMarket, n_users: float, n_advertisers: float) -> tuple[float, float]:
    """Prices that make the demand curves deliver the given participation."""
    price_users = market.value_users + market.alpha_users * n_advertisers - market.spread_users * n_users
    price_advertisers = market.value_advertisers + market.alpha_advertisers * n_users - market.spread_advertisers * n_advertisers
    return price_users, price_advertisers


def armstrong_prices(market: TwoSidedMarket, n_users: float, n_advertisers: float) -> tuple[float, float]:
    """Armstrong's pricing rule at participation ``(n_u, n_a)``: ``p_i = f_i - alpha_j n_j + t_i n_i``.

    Each side's price is its cost, minus what its members bring to the other side, plus a
    mark-up. At the profit-maximising participation it equals the price read off the demand curves.
    """
    price_users = market.cost_users - market.alpha_advertisers * n_advertisers + market.spread_users * n_users
    price_advertisers = market.cost_advertisers - market.alpha_users * n_users + market.spread_advertisers * n_advertisers
    return price_users, price_advertisers


PricingRule = Callable[[TwoSidedMarket, float, float], tuple[float, float]]


def _outcome(market: TwoSidedMarket, n_users: float, n_advertisers: float, pricing_rule: PricingRule = _implied_prices) -> dict[str, float]:
    """Prices (from ``pricing_rule``), participation and profit at the given participation levels."""
    price_users, price_advertisers = pricing_rule(market, n_users, n_advertisers)
    profit = n_users * (price_users - market.cost_users) + n_advertisers * (price_advertisers - market.cost_advertisers)
    values = (price_users, price_advertisers, n_users, n_advertisers, profit)
    return {key: float(value) for key, value in zip(_OUTCOME_KEYS, values)}


def _scaled_solution(
    market: TwoSidedMarket, total_alpha: float | Polynomial
) -> tuple[float | Polynomial, float | Polynomial, float | Polynomial]:
    """Closed-form solution scaled by ``D``: ``(D, D * n_u, D * n_a)``.

    ``total_alpha`` is ``alpha_u + alpha_a``; it may be a number or a
    polynomial in alpha_a (as used by ``users_price_threshold``).
    """
    margin = 4 * market.spread_users * market.spread_advertisers - total_alpha**2
    surplus_users = market.value_users - market.cost_users
    surplus_advertisers = market.value_advertisers - market.cost_advertisers
    scaled_users = 2 * market.spread_advertisers * surplus_users + total_alpha * surplus_advertisers
    scaled_advertisers = 2 * market.spread_users * surplus_advertisers + total_alpha * surplus_users
    return margin, scaled_users, scaled_advertisers


def optimal_prices(market: TwoSidedMarket, pricing_rule: PricingRule = armstrong_prices) -> dict[str, float]:
    """Profit-maximising prices from the closed form (interior solution).

    The optimal participations solve the first-order conditions; ``pricing_rule`` prices them
    (:func:`armstrong_prices` unless a page passes its own rule). Returns ``price_users``, ``price_advertisers``, ``participation_users``,
    ``participation_advertisers`` and ``profit``. Raises
    ``NoInteriorOptimum`` (a ``ValueError``) if the second-order condition
    fails or if the optimum would put either side's participation at 0 or 1.
    """
    margin, scaled_users, scaled_advertisers = _scaled_solution(market, market.alpha_users + market.alpha_advertisers)
    if margin <= 0:
        raise NoInteriorOptimum(
            "second-order condition fails: (alpha_users + alpha_advertisers)**2 must be below 4 * spread_users * spread_advertisers"
        )
    n_users, n_advertisers = scaled_users / margin, scaled_advertisers / margin
    if not (0 < n_users < 1 and 0 < n_advertisers < 1):
        raise NoInteriorOptimum("optimal participation is not strictly between 0 and 1 on both sides")
    return _outcome(market, n_users, n_advertisers, pricing_rule)


def optimal_prices_numeric(market: TwoSidedMarket) -> dict[str, float]:
    """Profit-maximising prices found numerically, as a cross-check.

    Maximises profit over participation levels in [0, 1] x [0, 1] (bounded
    L-BFGS-B from a 3 x 3 grid of starting points, best result kept), then
    reads prices off the demand curves (not a pricing rule: it checks one). Unlike ``optimal_prices`` it also
    returns corner solutions. Same keys as ``optimal_prices``.
    """

    def loss(shares: np.ndarray) -> float:
        return -_outcome(market, shares[0], shares[1])["profit"]

    starts = [(u, a) for u in (0.1, 0.5, 0.9) for a in (0.1, 0.5, 0.9)]
    results = [
        optimize.minimize(
            loss,
            np.array(start),
            method="L-BFGS-B",
            bounds=[(0.0, 1.0), (0.0, 1.0)],
            options={"ftol": 1e-15, "gtol": 1e-12},
        )
        for start in starts
    ]
    best = min(results, key=lambda result: result.fun)
    return _outcome(market, best.x[0], best.x[1])


def price_map(
    alpha_advertisers_values: list[float] | np.ndarray,
    alpha_users_values: list[float] | np.ndarray,
    base: TwoSidedMarket = TwoSidedMarket(),
    pricing_rule: PricingRule = armstrong_prices,
) -> pd.DataFrame:
    """Optimal prices over a grid of externalities, in long form (for a heatmap).

    One row per (``alpha_advertisers``, ``alpha_users``) pair, other
    parameters taken from ``base``, prices from ``pricing_rule`` (see :func:`optimal_prices`). Columns: ``alpha_advertisers``,
    ``alpha_users``, ``interior`` (False where no interior optimum exists;
    then the remaining columns are NaN), ``price_users``,
    ``price_advertisers``, ``participation_users``,
    ``participation_advertisers``, ``profit``.
    """
    rows = []
    for alpha_a in alpha_advertisers_values:
        for alpha_u in alpha_users_values:
            market = replace(base, alpha_advertisers=float(alpha_a), alpha_users=float(alpha_u))
            rows.append({"alpha_advertisers": float(alpha_a), "alpha_users": float(alpha_u)} | _interior_outcome(market, pricing_rule))
    return pd.DataFrame(rows)


def price_signs(grid: pd.DataFrame, column: str = "price_users", tolerance: float = 0.005) -> pd.Series:
    """Sign of a price over a ``price_map`` grid: ``"+"``, ``"0"``, ``"−"``, or ``""`` (no optimum).

    A price within ``tolerance`` of zero counts as ``"0"``, so that a price that is zero up to
    rounding (a grid point on the threshold) is not counted as a subsidy.
    """
    require(tolerance >= 0, "tolerance must be >= 0")
    prices = grid[column].astype(float)
    signs = np.select([~grid["interior"].astype(bool), prices < -tolerance, prices > tolerance], ["", "−", "+"], default="0")
    return pd.Series(signs, index=grid.index, name=f"{column}_sign")


def _interior_outcome(market: TwoSidedMarket, pricing_rule: PricingRule = armstrong_prices) -> dict[str, float | bool]:
    """``optimal_prices`` plus an ``interior`` flag; NaN values if none exists."""
    try:
        return {"interior": True} | optimal_prices(market, pricing_rule)
    except NoInteriorOptimum:
        return {"interior": False} | dict.fromkeys(_OUTCOME_KEYS, np.nan)


def users_price_threshold(market: TwoSidedMarket) -> float:
    """Advertisers' externality alpha_a at which the users' optimal price hits 0.

    With every other parameter of ``market`` fixed, the users' price times
    ``D`` is a quadratic in alpha_a with negative leading coefficient
    (``-value_users``). The users' price falls through zero at its larger
    root, returned here (closed form). Raises ``NoInteriorOptimum`` if that
    root does not exist or lies outside the region with an interior optimum.
    """
    alpha_a = Polynomial([0.0, 1.0])
    margin, scaled_users, scaled_advertisers = _scaled_solution(market, market.alpha_users + alpha_a)
    # Armstrong's rule p_u = f_u - alpha_a n_a + t_u n_u, multiplied by D > 0.
    scaled_price_users = market.cost_users * margin - alpha_a * scaled_advertisers + market.spread_users * scaled_users
    real_roots = [root.real for root in scaled_price_users.roots() if abs(root.imag) < 1e-12]
    if not real_roots:
        raise NoInteriorOptimum("the users' price never reaches 0")
    threshold = max(real_roots)
    # Raises NoInteriorOptimum if the root lies outside the interior region.
    optimal_prices(replace(market, alpha_advertisers=threshold))
    return float(threshold)


def users_price_terms(market: TwoSidedMarket) -> dict[str, float]:
    """The two sides of the zero-price condition for users, in the model's primitives.

    Returns ``cross_side_gain`` = ``alpha_a (t_u s_a + A s_u)`` and ``cost_and_markup`` =
    ``f_u D + t_u (2 t_a s_u + alpha_u s_a)``, with ``s_i = v_i - f_i``, ``A = alpha_u +
    alpha_a`` and ``D = 4 t_u t_a - A**2``, plus ``margin`` (``D``). At an interior optimum
    (``D > 0``), ``D * price_users = cost_and_markup - cross_side_gain``: users pay nothing
    or are paid exactly when the gain is at least the cost and mark-up.
    """
    total_alpha = market.alpha_users + market.alpha_advertisers
    margin = 4 * market.spread_users * market.spread_advertisers - total_alpha**2
    surplus_users = market.value_users - market.cost_users
    surplus_advertisers = market.value_advertisers - market.cost_advertisers
    gain = market.alpha_advertisers * (market.spread_users * surplus_advertisers + total_alpha * surplus_users)
    cost_and_markup = market.cost_users * margin + market.spread_users * (
        2 * market.spread_advertisers * surplus_users + market.alpha_users * surplus_advertisers
    )
    return {"cross_side_gain": float(gain), "cost_and_markup": float(cost_and_markup), "margin": float(margin)}


def users_price_threshold_indifferent(market: TwoSidedMarket) -> float:
    """Closed-form alpha_a at which users' price is zero when users are indifferent to ads.

    Sets ``alpha_users`` to 0 (the other parameters from ``market``) and solves the
    zero-price condition of :func:`users_price_terms` for alpha_a:
    ``(sqrt(t_u**2 s_a**2 + 8 v_u t_u t_a (v_u + f_u)) - t_u s_a) / (2 v_u)``.
    The threshold rises with the cost of serving users (``f_u``) and with advertisers'
    price-insensitivity (``t_a``), and falls as advertisers have more surplus to extract
    (``s_a``) or users become more price-sensitive (smaller ``t_u``).
    """
    t_u, t_a = market.spread_users, market.spread_advertisers
    v_u, f_u = market.value_users, market.cost_users
    s_a = market.value_advertisers - market.cost_advertisers
    root = np.sqrt(t_u**2 * s_a**2 + 8 * v_u * t_u * t_a * (v_u + f_u))
    return float((root - t_u * s_a) / (2 * v_u))
