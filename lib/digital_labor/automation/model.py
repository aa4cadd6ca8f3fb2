"""Why occupation-based and task-based estimates of "jobs at risk" differ.

Frey and Osborne (2013) scored whole occupations and found that 47 % of US
employment was at high risk of automation (probability above 0.7). Arntz,
Gregory and Zierahn (2016) scored the tasks that individual workers actually
perform and found 9 % (OECD average); Nedelkoska and Quintini (2018) found
14 %. This module is a *simulation* of a synthetic economy, not an estimate.
It shows the mechanism behind the gap: workers who share an occupation do
different mixes of tasks.

The synthetic economy:

* Tasks have automatability scores spread evenly between 0 and 1.
* Each occupation has a *centre* on that scale; its core tasks are the tasks
  whose scores lie near the centre. The occupation's score is the weighted
  mean automatability of its core tasks.
* Each worker spends a share ``h`` of their time (the within-occupation
  heterogeneity) on a personal mix of tasks drawn at random from all tasks,
  and the rest on the occupation's core tasks::

      worker_score = (1 - h) * occupation_score + h * personal_mix_score

* Occupation-based method: a worker is at high risk when their occupation's
  score exceeds the threshold. Task-based method: when their own score does.

At ``h = 0`` both methods agree; as ``h`` grows, worker scores are pulled
towards the middle of the scale and fewer of them cross a high threshold.

The fall is not monotone all the way to ``h = 1``. A worker's score is a
weighted average of two scores drawn independently of each other, and the
spread of such an average is smallest at an intermediate weight
(:func:`least_dispersed_heterogeneity`, about 0.9 with the defaults): the
occupation scores are far more dispersed (U-shaped) than the personal mixes,
so the least dispersed average puts most, but not all, of the weight on the
mixes. Beyond that weight the personal mixes' own spread takes over, and the
upper tail above the threshold grows again a little. At ``h = 1`` the
occupation plays no part and the task-based share is simply the share of
personal mixes scoring above the threshold. This is a property of the model's
assumption that personal mixes are unrelated to the occupation, not an
estimate of anything.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from ..params import require

__all__ = [
    "AutomationEconomy",
    "OCCUPATION_BASED",
    "least_dispersed_heterogeneity",
    "TASK_BASED",
    "occupations",
    "risk_by_heterogeneity",
    "risk_by_threshold",
    "score_distribution",
    "share_at_high_risk",
    "simulate_workers",
    "worker_score",
]

OCCUPATION_BASED = "occupation-based"
TASK_BASED = "task-based"

_CENTRE_SHAPE = 0.5
_EMPLOYMENT_CONCENTRATION = 2.0
_CALIBRATION_LOG_RANGE = (np.log(0.01), np.log(100.0))
_CALIBRATION_STEPS = 60

# A worker's own score from their occupation's score, their personal mix's score and h.
ScoreRule = Callable[[np.ndarray, np.ndarray, float], np.ndarray]


@dataclass(frozen=True)
class AutomationEconomy:
    """Parameters of the synthetic economy (a simulation, not data).

    Assumptions, in plain English:

    * There are ``n_tasks`` tasks whose automatability scores are spread
      evenly between 0 and 1.
    * There are ``n_occupations`` occupations of different sizes; their
      employment shares are drawn at random (Dirichlet with concentration 2).
    * An occupation's core tasks are those close to its centre on the
      automatability scale (Gaussian weights with standard deviation
      ``core_task_spread``). The occupation's score is the weighted mean
      automatability of those tasks.
    * Occupation centres follow a U-shaped distribution, Beta(0.5, b): as in
      Frey and Osborne, most occupations score either very low or very high.
    * Calibration (a choice, not an estimate): ``b`` is tuned so that the
      occupation-based share of employment at high risk is as close as
      possible to ``target_share_pct`` (47 %, Frey and Osborne's figure).
    * Every worker spends the same share ``h`` of their time (the
      heterogeneity, chosen when simulating) on a personal task mix and the
      rest on their occupation's core tasks.
    * The personal mix is drawn from a Dirichlet distribution over all tasks
      with concentration ``personal_mix_concentration`` (a small value means
      each worker concentrates on a handful of tasks). It is unrelated to the
      occupation: a deliberately simple, extreme assumption.
    * A worker is at high risk when a score is strictly above ``threshold``.
    * ``workers_per_occupation`` workers are simulated per occupation; each
      represents an equal part of the occupation's employment.
    * All randomness comes from ``seed``: the same seed gives the same economy.
    """

    n_tasks: int = 60
    n_occupations: int = 200
    workers_per_occupation: int = 50
    threshold: float = 0.7
    target_share_pct: float = 47.0
    core_task_spread: float = 0.08
    personal_mix_concentration: float = 0.1
    seed: int = 0

    def __post_init__(self) -> None:
        _require_count(self.n_tasks, "n_tasks", minimum=2)
        _require_count(self.n_occupations, "n_occupations", minimum=1)
        _require_count(self.workers_per_occupation, "workers_per_occupation", minimum=1)
        _require_count(self.seed, "seed", minimum=0)
        require(0 < self.threshold < 1, "threshold must be strictly between 0 and 1")
        require(
            0 < self.target_share_pct < 100,
            "target_share_pct must be strictly between 0 and 100",
        )
        require(self.core_task_spread > 0, "core_task_spread must be > 0")
        require(
            self.personal_mix_concentration > 0,
            "personal_mix_concentration must be > 0",
        )


def _require_count(value: int, name: str, minimum: int) -> None:
    """Raise ValueError unless ``value`` is an integer of at least ``minimum``."""
    require(
        isinstance(value, (int, np.integer)) and value >= minimum,
        f"{name} must be an integer >= {minimum}",
    )


def _streams(params: AutomationEconomy) -> list[np.random.Generator]:
    """Two independent random streams from ``seed``: occupations, then workers."""
    return np.random.default_rng(params.seed).spawn(2)


def _task_scores(params: AutomationEconomy) -> np.ndarray:
    """Automatability of each task: evenly spaced mid-points of [0, 1]."""
    return (np.arange(params.n_tasks) + 0.5) / params.n_tasks


def _core_scores(centres: np.ndarray, tasks: np.ndarray, spread: float) -> np.ndarray:
    """Occupation scores: mean task automatability under Gaussian core weights."""
    squared_gaps = (tasks[None, :] - centres[:, None]) ** 2
    # Subtracting each row's smallest gap avoids underflow for tiny spreads.
    squared_gaps -= squared_gaps.min(axis=1, keepdims=True)
    weights = np.exp(-squared_gaps / (2 * spread**2))
    weights /= weights.sum(axis=1, keepdims=True)
    return weights @ tasks


def _high_risk_pct(scores: np.ndarray, weights: np.ndarray, threshold: float) -> float:
    """Percentage of total weight whose score is strictly above the threshold."""
    return float(100 * weights[scores > threshold].sum() / weights.sum())


def _calibrated_centres(params: AutomationEconomy, quantiles: np.ndarray, employment: np.ndarray) -> np.ndarray:
    """Occupation centres from Beta(0.5, b), with b tuned by bisection.

    Raising ``b`` moves every centre (and so every score) down, so the
    high-risk share falls monotonically in ``b``; bisection on log(b) finds
    the value whose share is closest to the target.
    """
    tasks = _task_scores(params)

    def centres_for(log_b: float) -> np.ndarray:
        return stats.beta.ppf(quantiles, _CENTRE_SHAPE, np.exp(log_b))

    def share_for(log_b: float) -> float:
        scores = _core_scores(centres_for(log_b), tasks, params.core_task_spread)
        return _high_risk_pct(scores, employment, params.threshold)

    low, high = _CALIBRATION_LOG_RANGE
    for _ in range(_CALIBRATION_STEPS):
        middle = (low + high) / 2
        if share_for(middle) >= params.target_share_pct:
            low = middle
        else:
            high = middle
    gaps = [abs(share_for(log_b) - params.target_share_pct) for log_b in (low, high)]
    return centres_for(low if gaps[0] <= gaps[1] else high)


def occupations(params: AutomationEconomy) -> pd.DataFrame:
    """One row per occupation: employment share, centre and automation score.

    Columns: ``occupation``, ``employment_share``, ``centre``,
    ``occupation_score``. Useful for a histogram of occupation scores.
    """
    rng = _streams(params)[0]
    employment = rng.dirichlet(np.full(params.n_occupations, _EMPLOYMENT_CONCENTRATION))
    quantiles = rng.uniform(size=params.n_occupations)
    centres = _calibrated_centres(params, quantiles, employment)
    scores = _core_scores(centres, _task_scores(params), params.core_task_spread)
    return pd.DataFrame(
        {
            "occupation": np.arange(params.n_occupations),
            "employment_share": employment,
            "centre": centres,
            "occupation_score": scores,
        }
    )


def _personal_mix_scores(params: AutomationEconomy) -> np.ndarray:
    """Automatability of each simulated worker's personal task mix.

    Drawn from their own stream so that they do not depend on how many draws
    the occupations needed.
    """
    rng = _streams(params)[1]
    n_workers = params.n_occupations * params.workers_per_occupation
    alphas = np.full(params.n_tasks, params.personal_mix_concentration)
    return rng.dirichlet(alphas, size=n_workers) @ _task_scores(params)


def worker_score(occupation_score: np.ndarray, personal_mix_score: np.ndarray, heterogeneity: float) -> np.ndarray:
    """A worker's own score: ``(1 - h) * occupation_score + h * personal_mix_score``."""
    return (1 - heterogeneity) * occupation_score + heterogeneity * personal_mix_score


def simulate_workers(params: AutomationEconomy, heterogeneity: float, score: ScoreRule = worker_score) -> pd.DataFrame:
    """Simulate every worker's automation score for a heterogeneity ``h``.

    ``heterogeneity`` is the share of working time (0 to 1) spent on a
    personal task mix rather than on the occupation's core tasks. The same
    seed gives the same draws for every ``h``, so results for different
    ``h`` are directly comparable. ``score`` turns the occupation's score,
    the personal mix's score and ``h`` into the worker's own score
    (:func:`worker_score` unless a page passes its own rule).

    Columns: ``worker``, ``occupation``, ``employment_weight`` (share of total
    employment the simulated worker stands for; sums to 1),
    ``occupation_score``, ``personal_mix_score``, ``heterogeneity``,
    ``worker_score``.
    """
    require(0 <= heterogeneity <= 1, "heterogeneity must be between 0 and 1")
    table = occupations(params)
    repeat = params.workers_per_occupation
    occupation_score = np.repeat(table["occupation_score"].to_numpy(), repeat)
    personal = _personal_mix_scores(params)
    return pd.DataFrame(
        {
            "worker": np.arange(occupation_score.size),
            "occupation": np.repeat(table["occupation"].to_numpy(), repeat),
            "employment_weight": np.repeat(table["employment_share"].to_numpy() / repeat, repeat),
            "occupation_score": occupation_score,
            "personal_mix_score": personal,
            "heterogeneity": heterogeneity,
            "worker_score": score(occupation_score, personal, heterogeneity),
        }
    )


def least_dispersed_heterogeneity(params: AutomationEconomy) -> float:
    """The heterogeneity ``h`` at which workers' own scores are least dispersed.

    A worker's score is ``(1 - h) * o + h * p`` (occupation score ``o``,
    personal-mix score ``p``). With employment-weighted variances ``V_o``,
    ``V_p`` and covariance ``C`` of the simulated workers, the variance of the
    score, ``(1 - h)**2 V_o + h**2 V_p + 2 h (1 - h) C``, is smallest at::

        h* = (V_o - C) / (V_o + V_p - 2 C), clipped to [0, 1]

    Near ``h*`` the share of workers above a high threshold is at its lowest;
    beyond it, the personal mixes' own spread makes the share rise again.
    """
    workers = simulate_workers(params, 0.0)
    weights = workers["employment_weight"].to_numpy()
    occupation = workers["occupation_score"].to_numpy()
    personal = workers["personal_mix_score"].to_numpy()
    occupation_gap = occupation - np.average(occupation, weights=weights)
    personal_gap = personal - np.average(personal, weights=weights)
    var_occupation = np.average(occupation_gap**2, weights=weights)
    var_personal = np.average(personal_gap**2, weights=weights)
    covariance = np.average(occupation_gap * personal_gap, weights=weights)
    denominator = var_occupation + var_personal - 2 * covariance
    if denominator <= 0:  # both scores identical for every worker: any h will do
        return 0.0
    return float(np.clip((var_occupation - covariance) / denominator, 0.0, 1.0))


def share_at_high_risk(workers: pd.DataFrame, threshold: float = 0.7) -> pd.Series:
    """Employment share (%) at high risk under each method.

    A score counts as high risk when it is strictly above ``threshold``.
    Returns a Series indexed by method (``"occupation-based"``,
    ``"task-based"``) named ``share_at_high_risk_pct``.
    """
    require(0 <= threshold <= 1, "threshold must be between 0 and 1")
    weights = workers["employment_weight"].to_numpy()
    shares = {
        OCCUPATION_BASED: _high_risk_pct(workers["occupation_score"].to_numpy(), weights, threshold),
        TASK_BASED: _high_risk_pct(workers["worker_score"].to_numpy(), weights, threshold),
    }
    return pd.Series(shares, name="share_at_high_risk_pct").rename_axis("method")


def risk_by_heterogeneity(
    params: AutomationEconomy, heterogeneities: list[float] | np.ndarray, score: ScoreRule = worker_score
) -> pd.DataFrame:
    """High-risk shares for several heterogeneities, in long form.

    Uses ``params.threshold`` and the scoring rule ``score`` (see :func:`simulate_workers`). Columns: ``heterogeneity``, ``method``,
    ``share_at_high_risk_pct`` (two rows per heterogeneity), ready for a chart
    with a slider on ``heterogeneity``.
    """
    frames = [
        share_at_high_risk(simulate_workers(params, h, score), params.threshold).reset_index().assign(heterogeneity=float(h))
        for h in heterogeneities
    ]
    return pd.concat(frames, ignore_index=True)[["heterogeneity", "method", "share_at_high_risk_pct"]]


def risk_by_threshold(workers: pd.DataFrame, thresholds: list[float] | np.ndarray) -> pd.DataFrame:
    """High-risk shares of simulated workers for several thresholds, in long form.

    Columns: ``threshold``, ``method``, ``share_at_high_risk_pct``.
    """
    frames = [share_at_high_risk(workers, t).reset_index().assign(threshold=float(t)) for t in thresholds]
    return pd.concat(frames, ignore_index=True)[["threshold", "method", "share_at_high_risk_pct"]]


def score_distribution(
    params: AutomationEconomy,
    heterogeneities: list[float] | np.ndarray,
    n_bins: int = 20,
    score: ScoreRule = worker_score,
) -> pd.DataFrame:
    """Employment (%) by automation score under each method, binned, in long form.

    The occupation-based score is the occupation's; the task-based score is
    the worker's own, from the rule ``score`` (see :func:`simulate_workers`). Bins split [0, 1] into ``n_bins`` equal intervals.
    Columns: ``heterogeneity``, ``method``, ``bin_start``, ``bin_end``,
    ``employment_pct`` (sums to 100 per heterogeneity and method). Small
    enough to chart with a slider on ``heterogeneity``.
    """
    _require_count(n_bins, "n_bins", minimum=1)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    columns = {OCCUPATION_BASED: "occupation_score", TASK_BASED: "worker_score"}
    frames = []
    for h in heterogeneities:
        workers = simulate_workers(params, h, score)
        for method, column in columns.items():
            counts, _ = np.histogram(workers[column], bins=edges, weights=workers["employment_weight"])
            frames.append(
                pd.DataFrame(
                    {
                        "heterogeneity": float(h),
                        "method": method,
                        "bin_start": edges[:-1],
                        "bin_end": edges[1:],
                        "employment_pct": 100 * counts / counts.sum(),
                    }
                )
            )
    return pd.concat(frames, ignore_index=True)
