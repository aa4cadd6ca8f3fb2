"""Two models of microwork, each labelled as one.

- *What a microworker earns* (:func:`simulate_pay`): a seeded simulation of a microtask market
  in which requesters offer different hourly rates and the lower-paying ones post more of the
  work, and in which workers spend unpaid time searching for tasks, on tasks they return and on
  work that is rejected (:data:`PAY_ASSUMPTIONS`). It shows how an average offer above US$11 an
  hour can go with a median worker earning about US$2.
- *How big is the crowd?* (:func:`crowd_funnel`, :func:`what_registered_may_mean`): published
  counts from registered profiles to active workers, and what the ratios they give would make of
  a platform's count of registered users (an extrapolation, not a measurement).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from ..params import require
from .data import ESSAY_PLATFORM_SIZES, context_figure, microwork_figure

__all__ = [
    "PAY_ASSUMPTIONS",
    "EXTRAPOLATION_ASSUMPTIONS",
    "ALTERNATIVE_CALIBRATIONS",
    "MicroworkMarket",
    "PaySimulation",
    "alternative_calibrations",
    "crowd_funnel",
    "gap_attribution",
    "gap_steps",
    "pay_sensitivity",
    "published_pay",
    "requester_task_shares",
    "simulate_pay",
    "what_registered_may_mean",
]

_PAY_RANGES: dict[str, tuple[float, float]] = {  # the assumptions' ranges, for the sensitivity
    "rate_spread": (0.5, 1.5),
    "volume_exponent": (0.0, 2.0),
    "selectivity": (0.0, 1.0),
    "returned_share": (0.0, 0.3),
    "rejected_share": (0.0, 0.1),
    "search_share": (0.1, 0.5),
}
PARAMETER_LABELS = {
    "rate_spread": "spread of requesters' rates (log scale)",
    "volume_exponent": "how much more work low payers post (exponent)",
    "selectivity": "workers' selectivity (mean)",
    "returned_share": "tasks returned unfinished (share)",
    "rejected_share": "submitted work rejected (share)",
    "search_share": "time spent searching (share)",
}


@dataclass(frozen=True)
class MicroworkMarket:
    """Parameters of the pay simulation (see :data:`PAY_ASSUMPTIONS`)."""

    mean_offer: float = 11.0  # US$ an hour, the requesters' average offer (Hara et al. 2018: more than 11)
    rate_spread: float = 1.0  # standard deviation of log hourly rates across requesters
    volume_exponent: float = 1.6  # a requester's share of tasks ∝ rate ** -volume_exponent
    selectivity: float = 0.5  # mean of workers' exponential selectivity (0: tasks taken as posted)
    returned_share: float = 0.10  # share of started tasks returned unfinished, after half their time, unpaid
    rejected_share: float = 0.02  # share of submitted tasks rejected: full time, no pay
    search_share: float = 0.30  # mean share of a worker's time spent searching for tasks (unpaid)
    search_spread: float = 0.10  # standard deviation of that share across workers (0: the same for all)
    task_minutes: float = 1.0  # median length of a task, minutes (sets hours, not rates)
    requesters: int = 1000
    workers: int = 2676  # Hara et al. (2018)
    tasks: int = 3_800_000  # Hara et al. (2018)
    tasks_spread: float = 1.5  # standard deviation of log tasks per worker
    seed: int = 2018

    def __post_init__(self) -> None:
        require(self.mean_offer > 0, "mean_offer must be positive.")
        require(self.rate_spread >= 0, "rate_spread must be zero or more.")
        require(self.selectivity >= 0, "selectivity must be zero or more.")
        for name in ("returned_share", "rejected_share"):
            require(0 <= getattr(self, name) < 1, f"{name} must be in [0, 1).")
        require(0 <= self.search_share < 1, "search_share must be in [0, 1).")
        require(
            self.search_spread >= 0 and (self.search_spread == 0 or self.search_spread**2 < self.search_share * (1 - self.search_share)),
            "search_spread must be zero or small enough for a beta distribution with mean search_share.",
        )
        require(self.task_minutes > 0, "task_minutes must be positive.")
        require(
            self.requesters >= 1 and self.workers >= 1 and self.tasks >= self.workers,
            "requesters and workers must be at least 1, and tasks at least workers.",
        )


_DEFAULT = MicroworkMarket()
PAY_ASSUMPTIONS = (
    f"Requesters' hourly rates are log-normal, with a mean equal to the published average offer (more than "
    f"US${_DEFAULT.mean_offer:g} an hour, Hara et al. 2018) and a spread of {_DEFAULT.rate_spread:g} (log scale; range "
    f"{_PAY_RANGES['rate_spread'][0]:g}-{_PAY_RANGES['rate_spread'][1]:g}). Lower-paying requesters post more work: a requester's "
    f"share of the tasks is proportional to its rate to the power -{_DEFAULT.volume_exponent:g} (range "
    f"{_PAY_RANGES['volume_exponent'][0]:g}-{_PAY_RANGES['volume_exponent'][1]:g}). Workers take tasks as they are posted, some "
    f"favouring better-paid requesters (their selectivity is exponential with mean {_DEFAULT.selectivity:g}, range "
    f"{_PAY_RANGES['selectivity'][0]:g}-{_PAY_RANGES['selectivity'][1]:g}; a selectivity equal to the volume exponent would give "
    f"the requesters' average). {_DEFAULT.workers:,} workers share {_DEFAULT.tasks / 1e6:g} million tasks (the study's "
    f"counts), log-normally (spread {_DEFAULT.tasks_spread:g}). Unpaid time: {100 * _DEFAULT.returned_share:g} % of started "
    f"tasks are returned unfinished after half their time (range {100 * _PAY_RANGES['returned_share'][0]:g}-"
    f"{100 * _PAY_RANGES['returned_share'][1]:g} %), {100 * _DEFAULT.rejected_share:g} % of submitted work is rejected (range "
    f"{100 * _PAY_RANGES['rejected_share'][0]:g}-{100 * _PAY_RANGES['rejected_share'][1]:g} %), and searching for tasks takes a "
    f"share of each worker's time drawn from a beta distribution with mean {100 * _DEFAULT.search_share:g} % (range "
    f"{100 * _PAY_RANGES['search_share'][0]:g}-{100 * _PAY_RANGES['search_share'][1]:g} %). Task lengths are log-normal around "
    f"{_DEFAULT.task_minutes:g} minute{'' if _DEFAULT.task_minutes == 1 else 's'}; they set the hours worked, not the hourly rates. These values are assumptions "
    "chosen within ranges, and the defaults were set so that the simulation reproduces the two published figures."
)


@dataclass(frozen=True)
class PaySimulation:
    """The simulated market: its requesters, its workers, and the figures that compare with the data."""

    market: MicroworkMarket
    requesters: pd.DataFrame  # rate, share of tasks
    workers: pd.DataFrame  # tasks, hours (paid, returned, rejected, searching), earnings, hourly rates

    @property
    def requester_average(self) -> float:
        """Mean hourly rate over requesters: the published 'average requester' figure."""
        return float(self.requesters["rate"].mean())

    @property
    def work_weighted_offer(self) -> float:
        """Mean hourly rate over the tasks posted (each requester weighted by its share of tasks)."""
        return float((self.requesters["rate"] * self.requesters["task_share"]).sum())

    @property
    def median_hourly(self) -> float:
        """Median over workers of earnings per hour worked, unpaid time included."""
        return float(self.workers["hourly"].median())

    def share_above(self, wage: float) -> float:
        """Share (%) of workers whose hourly earnings exceed ``wage``."""
        return float(100 * (self.workers["hourly"] > wage).mean())


def requester_task_shares(rates: np.ndarray, market: MicroworkMarket) -> np.ndarray:
    """Each requester's share of the tasks posted, ∝ its hourly rate ** -volume_exponent: lower payers post more."""
    volume = rates**-market.volume_exponent
    return volume / volume.sum()


TaskShares = Callable[[np.ndarray, MicroworkMarket], np.ndarray]  # (requesters' rates, market) -> shares of the tasks


def _task_counts(market: MicroworkMarket, rng: np.random.Generator) -> np.ndarray:
    weights = rng.lognormal(0.0, market.tasks_spread, market.workers)
    counts = np.maximum(1, np.floor(weights / weights.sum() * market.tasks)).astype(int)
    counts[np.argmax(counts)] += market.tasks - counts.sum()  # the total is exact
    return counts


def simulate_pay(market: MicroworkMarket | None = None, *, task_shares: TaskShares = requester_task_shares) -> PaySimulation:
    """Simulate the market (seeded: the same parameters give the same numbers); see :data:`PAY_ASSUMPTIONS`.

    ``task_shares`` is the rule that says who posts the work (default :func:`requester_task_shares`);
    a page can pass its own. Each worker draws its tasks from the requesters, with probabilities ∝ share of tasks ×
    rate ** selectivity; each task is returned (half its time, unpaid) or submitted, and a
    submitted task is paid unless rejected; the worker's searching time is added so that it is
    the drawn share of all its time. Hourly earnings = pay / all hours.
    """
    market = market or MicroworkMarket()
    rng = np.random.default_rng(market.seed)
    mu = np.log(market.mean_offer) - market.rate_spread**2 / 2  # log-normal with the stated mean
    rates = (
        rng.lognormal(mu, market.rate_spread, market.requesters)
        if market.rate_spread > 0
        else np.full(market.requesters, market.mean_offer)
    )
    rates *= market.mean_offer / rates.mean()  # the sample's mean is the published average exactly
    task_share = np.asarray(task_shares(rates, market), dtype=float)
    require(
        task_share.shape == rates.shape and (task_share >= 0).all() and np.isclose(task_share.sum(), 1.0),
        f"task_shares must return one share per requester ({market.requesters}), none negative, adding up to 1.",
    )
    counts = _task_counts(market, rng)
    selectivity = rng.exponential(market.selectivity, market.workers) if market.selectivity > 0 else np.zeros(market.workers)
    worker = np.repeat(np.arange(market.workers), counts)
    # Requesters drawn per worker by inverse CDF; workers grouped into 40 selectivity classes.
    classes = np.minimum((selectivity / (selectivity.max() or 1) * 40).astype(int), 39)
    centres = np.array([selectivity[classes == c].mean() if (classes == c).any() else 0.0 for c in range(40)])
    cdfs = np.cumsum(task_share[None, :] * rates[None, :] ** centres[:, None], axis=1)
    cdfs /= cdfs[:, -1:]
    draws = rng.random(len(worker))
    requester = np.empty(len(worker), dtype=int)
    ends = np.cumsum(counts)
    for w, (start, end) in enumerate(zip(ends - counts, ends)):  # a worker's tasks are contiguous
        requester[start:end] = np.searchsorted(cdfs[classes[w]], draws[start:end])
    np.minimum(requester, market.requesters - 1, out=requester)
    minutes = rng.lognormal(np.log(market.task_minutes), 1.0, len(worker))
    returned = rng.random(len(worker)) < market.returned_share
    rejected = ~returned & (rng.random(len(worker)) < market.rejected_share)
    paid = ~returned & ~rejected
    pay = np.where(paid, rates[requester] * minutes / 60, 0.0)
    hours = np.where(returned, 0.5, 1.0) * minutes / 60

    def per_worker_total(values: np.ndarray) -> np.ndarray:  # every worker has at least one task
        return np.bincount(worker, values, market.workers)

    per_worker = pd.DataFrame(
        {
            "tasks": counts,
            "pay": per_worker_total(pay),
            "hours": per_worker_total(hours),
            "paid_hours": per_worker_total(np.where(paid, hours, 0.0)),
            "returned_hours": per_worker_total(np.where(returned, hours, 0.0)),
            "rejected_hours": per_worker_total(np.where(rejected, hours, 0.0)),
        },
        index=pd.RangeIndex(market.workers, name="worker"),
    )
    if market.search_spread > 0 and market.search_share > 0:
        m, v = market.search_share, market.search_spread**2
        k = m * (1 - m) / v - 1
        search = rng.beta(m * k, (1 - m) * k, market.workers)
    else:
        search = np.full(market.workers, market.search_share)
    per_worker["selectivity"] = selectivity
    per_worker["search_share"] = search
    per_worker["search_hours"] = per_worker["hours"] * search / (1 - search)
    per_worker["all_hours"] = per_worker["hours"] + per_worker["search_hours"]
    per_worker["offered_rate"] = np.bincount(worker, rates[requester] * minutes, market.workers) / np.bincount(
        worker, minutes, market.workers
    )
    per_worker["paid_rate"] = per_worker["pay"] / per_worker["paid_hours"].where(per_worker["paid_hours"] > 0)
    per_worker["rate_with_returned_rejected"] = per_worker["pay"] / per_worker["hours"]
    per_worker["hourly"] = per_worker["pay"] / per_worker["all_hours"]
    requesters = pd.DataFrame({"rate": rates, "task_share": task_share})
    return PaySimulation(market=market, requesters=requesters, workers=per_worker.reset_index())


def gap_steps(simulation: PaySimulation) -> pd.DataFrame:
    """From the average offer to the median worker's pay, one mechanism at a time (a model)."""
    workers = simulation.workers
    steps = [
        ("The average requester's offer", simulation.requester_average, "the mean over requesters of their hourly rates"),
        ("The average task's offer", simulation.work_weighted_offer, "lower-paying requesters post more of the work"),
        (
            "The median worker's offer",
            float(workers["offered_rate"].median()),
            "the rates of the tasks each worker did, by time; some workers seek better-paid requesters",
        ),
        (
            "After returned and rejected work",
            float(workers["rate_with_returned_rejected"].median()),
            "time on tasks returned unfinished or rejected is not paid",
        ),
        ("After searching for tasks", simulation.median_hourly, "time spent finding tasks is not paid"),
    ]
    return pd.DataFrame([{"step": s, "usd_per_hour": v, "why": w, "order": i} for i, (s, v, w) in enumerate(steps)])


def gap_attribution(simulation: PaySimulation) -> dict[str, float]:
    """Shares (%) of the gap, in logs, from the average offer to the median pay that the structure of
    demand (who posts the work, net of workers' selectivity: steps 1-2 of :func:`gap_steps`) and
    unpaid time (steps 3-4) account for; they add up to 100."""
    steps = gap_steps(simulation)["usd_per_hour"].to_numpy()
    gap = np.log(steps[0] / steps[-1])
    require(gap > 0, "the median pay must be below the average offer for the gap to be shared out.")
    demand = 100 * float(np.log(steps[0] / steps[2]) / gap)
    return {"demand_pct": demand, "unpaid_pct": 100 - demand}


# Calibrations that hit both published targets (median about US$2 an hour within US$0.25, share above
# US$7.25 about 4 % within 2 points) with unpaid time at the low or the high end of its ranges: for each,
# the exponent was found by bisection on the median (7 seeded runs) for selectivities 0.3, 0.6 and 1.0,
# and the selectivity kept whose share is closest to 4 %. With little unpaid time the exponent (2.086)
# is just above its stated range.
ALTERNATIVE_CALIBRATIONS: dict[str, MicroworkMarket] = {
    "the book's defaults": MicroworkMarket(),
    "little unpaid time": MicroworkMarket(
        volume_exponent=2.086, selectivity=0.6, returned_share=0.0, rejected_share=0.0, search_share=0.1, search_spread=0.05
    ),
    "much unpaid time": MicroworkMarket(volume_exponent=1.148, selectivity=0.6, returned_share=0.3, rejected_share=0.1, search_share=0.5),
}


def alternative_calibrations(
    calibrations: dict[str, MicroworkMarket] | None = None, *, task_shares: TaskShares = requester_task_shares
) -> pd.DataFrame:
    """Each calibration's parameters, the two figures it must reproduce, and how it shares out the gap
    (:func:`gap_attribution`): the data cannot tell them apart if all hit the targets. ``task_shares``
    as in :func:`simulate_pay`."""
    rows = []
    for name, market in (calibrations or ALTERNATIVE_CALIBRATIONS).items():
        simulation = simulate_pay(market, task_shares=task_shares)
        rows.append(
            {
                "calibration": name,
                **{parameter: getattr(market, parameter) for parameter in _PAY_RANGES},
                "median_hourly": simulation.median_hourly,
                "share_above_pct": simulation.share_above(7.25),
                **gap_attribution(simulation),
            }
        )
    return pd.DataFrame(rows)


def pay_sensitivity(
    base: MicroworkMarket | None = None,
    ranges: dict[str, tuple[float, float]] | None = None,
    *,
    task_shares: TaskShares = requester_task_shares,
) -> pd.DataFrame:
    """The median hourly pay and the share above US$7.25 with one assumption at a time at the low
    and high ends of its range (:data:`_PAY_RANGES`), the others at ``base``; ``task_shares`` as in
    :func:`simulate_pay`."""
    base = base or MicroworkMarket()
    rows = []
    for name, (low, high) in (ranges or _PAY_RANGES).items():
        require(name in _PAY_RANGES, f"unknown parameter '{name}'; use one of {list(_PAY_RANGES)}.")
        results = {}
        for end, value in (("low", low), ("high", high)):
            changes = {name: value}
            if name == "search_share":
                changes["search_spread"] = min(base.search_spread, 0.9 * float(np.sqrt(value * (1 - value))))
            results[end] = simulate_pay(replace(base, **changes), task_shares=task_shares)
        rows.append(
            {
                "parameter": name,
                "label": PARAMETER_LABELS[name],
                "low": low,
                "high": high,
                "median_low": results["low"].median_hourly,
                "median_high": results["high"].median_hourly,
                "above_low": results["low"].share_above(7.25),
                "above_high": results["high"].share_above(7.25),
            }
        )
    table = pd.DataFrame(rows)
    table["swing"] = (table["median_high"] - table["median_low"]).abs()
    return table.sort_values("swing", ascending=False, ignore_index=True)


def published_pay() -> dict[str, float]:
    """The published figures the simulation must reproduce (Hara et al. 2018)."""
    return {
        "median_hourly": microwork_figure("median hourly earnings of workers"),
        "share_above_minimum_pct": microwork_figure("share of workers earning above US federal minimum wage (7.25 US$/h)"),
        "mean_offer": microwork_figure("average hourly pay offered by requesters"),
        "workers": microwork_figure("workers in the earnings dataset"),
        "tasks": microwork_figure("tasks in the earnings dataset"),
    }


# -- how big is the crowd ---------------------------------------------------------------------

EXTRAPOLATION_ASSUMPTIONS = (
    "A platform's registered users are assumed to obtain work and to be active in the same proportions as the "
    "freelancer profiles counted across online labour platforms by Kässi et al. (2021): 14 million of 163 million "
    "profiles had ever obtained work, 3.3 million were significantly active. One platform may differ a lot from the average."
)


def crowd_funnel() -> pd.DataFrame:
    """Published counts from the widest to the narrowest circle of workers, in three studies, with
    each stage's share of the widest."""
    stages = [
        (
            "Online labour platforms (Kässi et al. 2021)",
            "freelancer profiles",
            context_figure("freelancer profiles on online labour platforms"),
            "kassi2021",
        ),
        (
            "Online labour platforms (Kässi et al. 2021)",
            "ever obtained work",
            context_figure("profiles that ever obtained work"),
            "kassi2021",
        ),
        (
            "Online labour platforms (Kässi et al. 2021)",
            "significantly active",
            context_figure("significantly active online workers"),
            "kassi2021",
        ),
        ("Microworkers in France (Le Ludec et al. 2019)", "occasional", microwork_figure("occasional microworkers"), "leludec2019"),
        ("Microworkers in France (Le Ludec et al. 2019)", "regular", microwork_figure("regular microworkers"), "leludec2019"),
        ("Microworkers in France (Le Ludec et al. 2019)", "very active", microwork_figure("very active microworkers"), "leludec2019"),
        ("Mechanical Turk (Difallah et al. 2018)", "distinct workers (to 2017)", microwork_figure("unique workers"), "difallah2018"),
        (
            "Mechanical Turk (Difallah et al. 2018)",
            "active at any given time",
            microwork_figure("workers active at any given time"),
            "difallah2018",
        ),
    ]
    table = pd.DataFrame(stages, columns=["study", "stage", "people", "bibkey"])
    table["stage_order"] = table.groupby("study").cumcount()
    table["share_of_widest_pct"] = 100 * table["people"] / table.groupby("study")["people"].transform("first")
    return table


def what_registered_may_mean(registered: float | None = None, platform: str = "Zhubajie") -> dict[str, float]:
    """People who would ever have worked and would be active among ``registered`` users, at the
    ratios of Kässi et al. (an extrapolation; see :data:`EXTRAPOLATION_ASSUMPTIONS`)."""
    registered = ESSAY_PLATFORM_SIZES[platform] if registered is None else registered
    require(registered >= 0, "registered must be zero or more.")
    profiles = context_figure("freelancer profiles on online labour platforms")
    worked = context_figure("profiles that ever obtained work") / profiles
    active = context_figure("significantly active online workers") / profiles
    return {
        "registered": registered,
        "worked_share_pct": 100 * worked,
        "active_share_pct": 100 * active,
        "ever_worked": registered * worked,
        "active": registered * active,
    }
