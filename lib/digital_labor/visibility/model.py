"""Three models of the market for visibility, each labelled as one.

- *Inshoring*: how many hours of unpaid work the published volumes of Quick, Draw! and
  reCAPTCHA stand for, under stated seconds-per-item assumptions (:data:`INSHORING_ASSUMPTIONS`).
- *Pay-per-be-viewed*: what a page would pay to win back, as paid impressions, the views of its
  own fans that falling organic reach no longer gives it (:data:`PAY_MODEL_ASSUMPTIONS`).
- *Market model*: Facebook's monthly return explained by the market's, so that the return over
  the essay's window can be compared with what the market alone would predict
  (:data:`MARKET_MODEL_ASSUMPTIONS`). A statistical benchmark, not a causal analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..params import require
from .data import ALL_PAGES, INDICES, LARGE_PAGES, annotation_value, index_change, price_change, reach_at

__all__ = [
    "HOURS_PER_FULL_TIME_YEAR",
    "INSHORING_ASSUMPTIONS",
    "BENCHMARKS",
    "MARKET_MODEL_ASSUMPTIONS",
    "MARKET_SPECIFICATIONS",
    "MarketModel",
    "MarketSpec",
    "PAY_MODEL_ASSUMPTIONS",
    "abnormal_by_start",
    "break_even_cpm",
    "captcha_time_check",
    "full_time_years",
    "inshoring_scenarios",
    "least_squares",
    "market_adjusted_change",
    "market_model",
    "market_model_range",
    "month_end_returns",
    "reached_fans",
    "restore_reach_by_cpm",
    "restore_reach_cost",
    "restore_reach_grid",
    "unpaid_hours",
]

# -- inshoring ------------------------------------------------------------------------------

HOURS_PER_FULL_TIME_YEAR = 2000.0  # a convention of the model: 40 hours a week for 50 weeks

INSHORING_ASSUMPTIONS = (
    "Hours = items × seconds per item / 3600; a full-time year is 2,000 hours (40 hours a week, "
    "50 weeks). High scenario: each Quick, Draw! doodle takes the 20 seconds the game allows, and "
    "each reCAPTCHA word a whole CAPTCHA solve (about 10 seconds, the project's own figure). Low "
    "scenario: half of those times (a doodle finished early; only the unknown word's half of a "
    "solve). One solve per word, no retries: repeated solves of the same word would add time."
)


def unpaid_hours(items: float, seconds_per_item: float) -> float:
    """Hours of work in ``items`` tasks of ``seconds_per_item`` seconds each."""
    require(items >= 0, "items must be zero or more.")
    require(seconds_per_item >= 0, "seconds_per_item must be zero or more.")
    return items * seconds_per_item / 3600


def full_time_years(hours: float, hours_per_year: float = HOURS_PER_FULL_TIME_YEAR) -> float:
    """Full-time-equivalent years in ``hours`` of work."""
    require(hours_per_year > 0, "hours_per_year must be positive.")
    return hours / hours_per_year


# The inshoring rule: (items, seconds per item) -> hours of work.
HoursRule = Callable[[float, float], float]


def inshoring_scenarios(
    low_share: float = 0.5, hours_per_year: float = HOURS_PER_FULL_TIME_YEAR, *, hours: HoursRule = unpaid_hours
) -> pd.DataFrame:
    """Hours and full-time years of unpaid work in Quick, Draw! and reCAPTCHA (a model).

    The items and the high scenario's seconds per item are published figures
    (``dataset_annotation``); the low scenario takes ``low_share`` of those seconds. ``hours`` is
    the model's rule (:func:`unpaid_hours` unless a reader passes another). See
    :data:`INSHORING_ASSUMPTIONS`.
    """
    require(0 < low_share <= 1, "low_share must be in (0, 1].")
    projects = [
        (
            "Quick, Draw!",
            "doodles drawn, to December 2017",
            annotation_value("Quick, Draw!", "doodles drawn by players (all collected)"),
            annotation_value("Quick, Draw!", "time allowed per drawing"),
        ),
        (
            "reCAPTCHA",
            "words transcribed, to 2008",
            annotation_value("reCAPTCHA", "words transcribed (cumulative)"),
            annotation_value("CAPTCHA (all)", "time per CAPTCHA"),
        ),
    ]
    rows = []
    for project, items_label, items, high in projects:
        low = low_share * high
        rows.append(
            {
                "project": project,
                "items_label": items_label,
                "items": items,
                "seconds_low": low,
                "seconds_high": high,
                "hours_low": hours(items, low),
                "hours_high": hours(items, high),
                "fte_years_low": full_time_years(hours(items, low), hours_per_year),
                "fte_years_high": full_time_years(hours(items, high), hours_per_year),
            }
        )
    return pd.DataFrame(rows)


def captcha_time_check(*, hours: HoursRule = unpaid_hours) -> dict[str, float]:
    """The reCAPTCHA project's daily figures redone: CAPTCHAs a day × seconds each, in hours (by
    the ``hours`` rule, :func:`unpaid_hours` unless a reader passes another), against the hours a
    day it states."""
    solved = annotation_value("CAPTCHA (all)", "CAPTCHAs solved by humans")
    seconds = annotation_value("CAPTCHA (all)", "time per CAPTCHA")
    stated = annotation_value("CAPTCHA (all)", "human time spent solving CAPTCHAs")
    return {"captchas_per_day": solved, "seconds_each": seconds, "hours_computed": hours(solved, seconds), "hours_stated": stated}


# -- pay-per-be-viewed ----------------------------------------------------------------------

PAY_MODEL_ASSUMPTIONS = (
    "A page posts a fixed number of times a month. Without paying, each post is seen by the "
    "organic-reach share of its fans. To be seen by as many fans as before the decline, it buys "
    "the missing views as paid impressions at a price per thousand (CPM), one impression per "
    "fan reached (no wasted or repeated impressions, so this is a lower bound on the cost)."
)


def reached_fans(fans: float, reach_pct: float) -> float:
    """How many fans see a post, given the page's fans and its organic reach in %."""
    require(fans >= 0 and 0 <= reach_pct <= 100, "fans must be zero or more and reach_pct between 0 and 100.")
    return fans * reach_pct / 100


def restore_reach_cost(fans: float, reach_before_pct: float, reach_after_pct: float, cpm_usd: float, posts_per_month: float = 30) -> float:
    """Monthly cost (US$) of buying back, as paid impressions, the views lost to falling organic reach.

    ``cost = posts × fans × (reach_before − reach_after) / 100 / 1000 × CPM``; zero if reach did
    not fall. See :data:`PAY_MODEL_ASSUMPTIONS`.
    """
    require(cpm_usd >= 0 and posts_per_month >= 0, "cpm_usd and posts_per_month must be zero or more.")
    lost = max(reached_fans(fans, reach_before_pct) - reached_fans(fans, reach_after_pct), 0.0)
    return posts_per_month * lost / 1000 * cpm_usd


# The pay-per-be-viewed rule: (fans, reach before %, reach after %, CPM US$, posts a month) -> US$ a month.
CostRule = Callable[[float, float, float, float, float], float]


def break_even_cpm(
    monthly_budget_usd: float,
    fans: float,
    reach_before_pct: float,
    reach_after_pct: float,
    posts_per_month: float = 30,
    *,
    cost: CostRule = restore_reach_cost,
) -> float:
    """The CPM (US$) at which restoring reach costs exactly ``monthly_budget_usd`` a month.

    ``cost`` is the model's rule (:func:`restore_reach_cost` unless a reader passes another); it
    must be proportional to the CPM, as the model's is.
    """
    per_dollar_cpm = cost(fans, reach_before_pct, reach_after_pct, 1.0, posts_per_month)
    if per_dollar_cpm == 0:
        return float("inf")
    return monthly_budget_usd / per_dollar_cpm


def restore_reach_grid(
    fans: Iterable[float] = tuple(10.0 ** np.arange(3, 7.01, 0.5)),
    posts_per_month: float = 30,
    start: str = "2013-10",
    end: str = "2014-02",
    *,
    cost: CostRule = restore_reach_cost,
) -> pd.DataFrame:
    """The views a page must buy each month to restore its reach, by page group and fan count.

    The reach before and after are the data's values for ``start`` and ``end``. The monthly cost
    at a CPM of ``c`` US$ is ``views_bought_per_month / 1000 × c``, which a chart can compute for
    any price (:func:`~digital_labor.visibility.restore_reach_chart` does, with a slider). The views
    are the ``cost`` rule's at a CPM of US$ 1 (:func:`restore_reach_cost` unless a reader passes another).
    """
    rows = []
    for group in (ALL_PAGES, LARGE_PAGES):
        before, after = reach_at(start, group), reach_at(end, group)
        for count in fans:
            views = 1000 * cost(count, before, after, 1.0, posts_per_month)
            rows.append(
                {
                    "page_group": group,
                    "fans": float(count),
                    "reach_before_pct": before,
                    "reach_after_pct": after,
                    "views_bought_per_month": views,
                }
            )
    return pd.DataFrame(rows)


def restore_reach_by_cpm(
    cpms: pd.DataFrame,
    cases: Iterable[tuple[str, float]] = ((ALL_PAGES, 10_000), (LARGE_PAGES, 1_000_000)),
    posts_per_month: float = 30,
    start: str = "2013-10",
    end: str = "2014-02",
    *,
    cost: CostRule = restore_reach_cost,
) -> pd.DataFrame:
    """Monthly cost of restoring reach for each (page group, fans) case at each price of ``cpms``.

    ``cpms`` has a ``cpm_usd`` column (e.g. :func:`~digital_labor.visibility.cpm_benchmarks`);
    its other columns are kept, so each cost stays next to the benchmark it uses. ``cost`` is the
    model's rule (:func:`restore_reach_cost` unless a reader passes another).
    """
    rows = []
    for group, fans in cases:
        before, after = reach_at(start, group), reach_at(end, group)
        for _, price in cpms.iterrows():
            monthly = cost(fans, before, after, float(price["cpm_usd"]), posts_per_month)
            rows.append({**price.to_dict(), "page_group": group, "fans": float(fans), "monthly_cost_usd": monthly})
    return pd.DataFrame(rows)


# -- the share price against the market -----------------------------------------------------

MARKET_MODEL_ASSUMPTIONS = (
    "Market model: Facebook's monthly return = alpha + beta × the index's monthly return + noise, "
    "fitted by least squares on the months before the essay's window; the abnormal return of a "
    "later month is its actual return minus the fitted one, and the window's cumulative abnormal "
    "return is their sum. Returns are computed between month-end closes."
)

BENCHMARKS = {
    "market model": "alpha and beta fitted by least squares",
    "zero alpha": "alpha and beta fitted as in the market model, but alpha set to zero in the window: the share's "
    "own average drift in the estimation months is not projected",
    "market-adjusted": "alpha 0 and beta 1: Facebook's return minus the index's, nothing estimated",
}


def market_adjusted_change(start: str, end: str, index: str = "nasdaq_composite") -> float:
    """Facebook's percentage change between two days minus the index's over the same days (points)."""
    return price_change(start, end) - index_change(start, end, index)


def abnormal_by_start(end: str = "2014-02-28", index: str = "nasdaq_composite") -> pd.DataFrame:
    """For every earlier day in both files: Facebook's change to ``end``, the index's, and the gap."""
    from .data import prices_with_index

    table = prices_with_index()
    earlier = table[table["date"] < pd.Timestamp(end)]
    rows = [
        {"start": day, "facebook_pct": price_change(f"{day:%Y-%m-%d}", end), "index_pct": index_change(f"{day:%Y-%m-%d}", end, index)}
        for day in earlier["date"]
    ]
    frame = pd.DataFrame(rows)
    frame["abnormal_pts"] = frame["facebook_pct"] - frame["index_pct"]
    frame.attrs["index"] = INDICES[index]
    return frame


def month_end_returns(table: pd.DataFrame) -> pd.DataFrame:
    """Monthly returns (%) between month-end closes of every price column of ``table``.

    ``table`` has a ``date`` column and price columns (e.g.
    :func:`~digital_labor.visibility.prices_with_index`); days that are not the last of their
    month in the table (the listing day, 1 October 2013) are dropped first.
    """
    month = table["date"].dt.to_period("M")
    ends = table[table["date"] == table.groupby(month)["date"].transform("max")].set_index("date")
    return (100 * ends.pct_change()).dropna().reset_index()


@dataclass(frozen=True)
class MarketModel:
    """A fitted market model and its abnormal returns (see :data:`MARKET_MODEL_ASSUMPTIONS`)."""

    index: str
    alpha_pct: float
    beta: float
    beta_se: float
    residual_sd_pct: float
    n_estimation: int
    returns: pd.DataFrame  # date, facebook_pct, index_pct, expected_pct, abnormal_pct, period
    car_pct: float
    t_stat: float


def least_squares(index_pct: np.ndarray, facebook_pct: np.ndarray) -> tuple[float, float]:
    """Alpha and beta of the line ``facebook = alpha + beta × index`` fitted by least squares."""
    beta, alpha = np.polyfit(index_pct, facebook_pct, 1)
    return float(alpha), float(beta)


# The market model's estimator: (index returns %, Facebook returns %) -> (alpha, beta).
Estimator = Callable[[np.ndarray, np.ndarray], tuple[float, float]]


def _fit(x: np.ndarray, y: np.ndarray, benchmark: str, fit: Estimator = least_squares) -> tuple[float, float, float, float]:
    """alpha, beta, residual sd and beta's standard error under a benchmark of :data:`BENCHMARKS`."""
    if benchmark == "market-adjusted":
        return 0.0, 1.0, float(np.sqrt(((y - x) ** 2).sum() / len(x))), float("nan")
    alpha, beta = fit(x, y)
    sd = float(np.sqrt(((y - alpha - beta * x) ** 2).sum() / (len(x) - 2)))
    beta_se = sd / float(np.sqrt(((x - x.mean()) ** 2).sum()))
    return (0.0 if benchmark == "zero alpha" else float(alpha)), float(beta), sd, beta_se


def market_model(
    table: pd.DataFrame,
    index: str = "nasdaq_composite",
    estimation: tuple[str, str] = ("2012-06", "2013-09"),
    window: tuple[str, str] = ("2013-10", "2014-02"),
    benchmark: str = "market model",
    *,
    fit: Estimator = least_squares,
) -> MarketModel:
    """Fit Facebook's monthly returns on an index's over ``estimation`` months; abnormal returns after.

    ``index`` is a price column of ``table`` besides ``facebook`` (one of :data:`INDICES`, or a
    column a reader joined in). Months are 'YYYY-MM', inclusive. The t statistic of the
    cumulative abnormal return is ``CAR / (residual sd × √months in the window)``, assuming
    independent, equally variable errors: with so few months it is a rough gauge, not a test to
    lean on. ``benchmark`` (one of :data:`BENCHMARKS`) can fix alpha at zero, or alpha at zero
    and beta at one (then the estimation months only give the residual spread, and beta's
    standard error is NaN). ``fit`` estimates alpha and beta (:func:`least_squares` unless a
    reader passes another); the residual spread and beta's standard error follow from its line.
    """
    require(benchmark in BENCHMARKS, f"benchmark must be one of {list(BENCHMARKS)}, not {benchmark!r}.")
    require(
        index in table.columns and index not in ("date", "facebook"),
        f"index must be a price column of the table, e.g. one of {list(INDICES)}.",
    )
    returns = month_end_returns(table[["date", "facebook", index]])
    month = returns["date"].dt.to_period("M")
    est = returns[(month >= pd.Period(estimation[0])) & (month <= pd.Period(estimation[1]))]
    win_mask = (month >= pd.Period(window[0])) & (month <= pd.Period(window[1]))
    require(len(est) >= 3, "the estimation period needs at least three monthly returns.")
    require(win_mask.any(), "the window holds no monthly return in the data.")
    require(pd.Period(estimation[1]) < pd.Period(window[0]), "the estimation period must end before the window.")
    alpha, beta, sd, beta_se = _fit(est[index].to_numpy(), est["facebook"].to_numpy(), benchmark, fit)
    frame = pd.DataFrame(
        {
            "date": returns["date"],
            "facebook_pct": returns["facebook"],
            "index_pct": returns[index],
            "expected_pct": alpha + beta * returns[index],
        }
    )
    frame["abnormal_pct"] = frame["facebook_pct"] - frame["expected_pct"]
    frame["period"] = np.select(
        [(month >= pd.Period(estimation[0])) & (month <= pd.Period(estimation[1])), win_mask, month > pd.Period(window[1])],
        ["estimation", "essay's window", "after"],
        default="before",
    )
    car = float(frame.loc[win_mask, "abnormal_pct"].sum())
    return MarketModel(
        index=INDICES.get(index, index),
        alpha_pct=alpha,
        beta=beta,
        beta_se=beta_se,
        residual_sd_pct=sd,
        n_estimation=len(est),
        returns=frame,
        car_pct=car,
        t_stat=car / (sd * float(np.sqrt(win_mask.sum()))),
    )


@dataclass(frozen=True)
class MarketSpec:
    """One way of setting the share against the market: an index, estimation months, a benchmark."""

    label: str
    description: str
    index: str = "nasdaq_composite"
    estimation: tuple[str, str] = ("2012-06", "2013-09")
    benchmark: str = "market model"


def _specifications() -> tuple[MarketSpec, ...]:
    choices = [
        (
            "all months",
            "every month before the window that both series cover, June 2012 to September 2013: the slide "
            "after the listing and all five lock-up expiries included",
            ("2012-06", "2013-09"),
            "market model",
        ),
        (
            "from October 2012",
            "leaves out the four months after the listing (the slide and the first lock-up expiry, 16 August 2012); four expiries remain",
            ("2012-10", "2013-09"),
            "market model",
        ),
        (
            "2013 only",
            "January to September 2013: after the listing year, with one lock-up expiry left (18 May 2013)",
            ("2013-01", "2013-09"),
            "market model",
        ),
        (
            "zero alpha",
            "all months, but the share's own average drift is not projected into the window",
            ("2012-06", "2013-09"),
            "zero alpha",
        ),
        ("market-adjusted", "Facebook's return minus the index's: nothing is estimated", ("2012-06", "2013-09"), "market-adjusted"),
    ]
    return tuple(
        MarketSpec(f"{name}, {INDICES[index]}", description, index, estimation, benchmark)
        for index in INDICES
        for name, description, estimation, benchmark in choices
    )


MARKET_SPECIFICATIONS = _specifications()


def market_model_range(
    table: pd.DataFrame,
    specifications: Iterable[MarketSpec] = MARKET_SPECIFICATIONS,
    window: tuple[str, str] = ("2013-10", "2014-02"),
    *,
    fit: Estimator = least_squares,
) -> pd.DataFrame:
    """The window's cumulative abnormal return under each specification, one row each.

    Columns: ``specification``, ``description``, ``index``, ``benchmark``, ``estimation``
    ('YYYY-MM to YYYY-MM'), ``months``, ``alpha_pct``, ``beta``, ``beta_se``, ``car_pct`` and
    ``t_stat`` (see :func:`market_model`, which ``fit`` is passed to).
    """
    rows = []
    for spec in specifications:
        fitted = market_model(table, spec.index, spec.estimation, window, spec.benchmark, fit=fit)
        rows.append(
            {
                "specification": spec.label,
                "description": spec.description,
                "index": fitted.index,
                "benchmark": spec.benchmark,
                "estimation": f"{spec.estimation[0]} to {spec.estimation[1]}",
                "months": fitted.n_estimation,
                "alpha_pct": fitted.alpha_pct,
                "beta": fitted.beta,
                "beta_se": fitted.beta_se,
                "car_pct": fitted.car_pct,
                "t_stat": fitted.t_stat,
            }
        )
    return pd.DataFrame(rows)
