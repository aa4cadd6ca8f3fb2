"""The labour inside a labelled dataset (a model, labelled as one).

Hours = items × labels per item × seconds per label × redundancy (the number of workers who
judge each label) / 3,600; full-time years at 2,000 hours (the book's convention, from
:mod:`digital_labor.visibility`); wages at microwork's hourly rates. Applied to ImageNet: the
candidate images and the speed are published figures (some of low confidence), the redundancy
is an assumption (:data:`IMAGENET_ASSUMPTIONS`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from ..params import require
from ..visibility.model import HOURS_PER_FULL_TIME_YEAR, full_time_years
from .data import imagenet_figure

__all__ = [
    "IMAGENET_ASSUMPTIONS",
    "REDUNDANCY",
    "AnnotationJob",
    "imagenet_job",
    "imagenet_scenarios",
    "labour_hours",
    "price_labour",
]

REDUNDANCY = {"low": 2.0, "central": 3.0, "high": 5.0}  # workers judging each candidate image (an assumption)

IMAGENET_ASSUMPTIONS = (
    "Hours = candidate images × one yes-or-no label each × seconds per label × workers per image / 3,600; a full-time "
    "year is 2,000 hours. Candidate images: over 160 million (Wikipedia's account of July 2008 to April 2010, low "
    "confidence) in the low and central scenarios, nearly a billion (Fei-Fei Li's talk, medium) in the high one. Speed: "
    "fifty images a minute (an exhibition text, low confidence), that is 1.2 seconds a label, halved in the low scenario "
    "and doubled in the high one. Workers per image, an assumption: 2, 3 and 5 (Deng et al. describe several independent "
    "votes per image, more for hard categories). Quality control, task search and unpaid time are left out."
)


@dataclass(frozen=True)
class AnnotationJob:
    """What a labelled dataset asks of its labellers (see :data:`IMAGENET_ASSUMPTIONS`)."""

    items: float  # things to label (candidate images)
    labels_per_item: float = 1.0  # questions asked about each item
    seconds_per_label: float = 1.2
    redundancy: float = 1.0  # workers who answer each question

    def __post_init__(self) -> None:
        require(self.items >= 0, "items must be zero or more.")
        require(self.labels_per_item >= 0, "labels_per_item must be zero or more.")
        require(self.seconds_per_label >= 0, "seconds_per_label must be zero or more.")
        require(self.redundancy >= 1, "redundancy must be at least 1 (one worker per label).")


def labour_hours(job: AnnotationJob) -> float:
    """Hours of labelling in a job."""
    return job.items * job.labels_per_item * job.seconds_per_label * job.redundancy / 3600


def price_labour(hours: float, usd_per_hour: float) -> float:
    """What ``hours`` of labelling cost at ``usd_per_hour``."""
    require(hours >= 0 and usd_per_hour >= 0, "hours and usd_per_hour must be zero or more.")
    return hours * usd_per_hour


def imagenet_job(scenario: str = "central") -> AnnotationJob:
    """ImageNet's labelling under one of three scenarios (``low``, ``central``, ``high``)."""
    require(scenario in REDUNDANCY, f"scenario must be one of {list(REDUNDANCY)}.")
    per_minute = imagenet_figure("images labelled per worker-minute")
    seconds = 60 / per_minute * {"low": 0.5, "central": 1.0, "high": 2.0}[scenario]
    items = (
        imagenet_figure("candidate images cleaned and sorted", "li2015")
        if scenario == "high"
        else imagenet_figure("candidate images filtered and labelled", "wikipediaimagenet")
    )
    return AnnotationJob(items=items, labels_per_item=1.0, seconds_per_label=seconds, redundancy=REDUNDANCY[scenario])


def imagenet_scenarios(
    rates: dict[str, float],
    workers: float | None = None,
    years: float | None = None,
    *,
    hours: Callable[[AnnotationJob], float] = labour_hours,
) -> pd.DataFrame:
    """Hours, full-time years, hours per worker, full-time workers over the labelling period and
    the wage bill at each hourly rate of ``rates`` (name → US$ an hour), for each scenario.

    ``workers`` and ``years`` default to the published 49,000 workers and 2.5 years (low confidence);
    ``hours`` turns a job into hours of labelling (default :func:`labour_hours`; a page can pass its own)."""
    workers = imagenet_figure("Mechanical Turk workers involved", "wikipediaimagenet") if workers is None else workers
    years = imagenet_figure("labelling duration") if years is None else years
    kept = imagenet_figure("images in the full database")
    rows = []
    for scenario in REDUNDANCY:
        job = imagenet_job(scenario)
        job_hours = hours(job)
        row = {
            "scenario": scenario,
            "items": job.items,
            "seconds_per_label": job.seconds_per_label,
            "redundancy": job.redundancy,
            "hours": job_hours,
            "fte_years": full_time_years(job_hours),
            "hours_per_worker": job_hours / workers,
            "full_time_workers": full_time_years(job_hours) / years,
            "seconds_per_kept_image": job_hours * 3600 / kept,
        }
        for name, rate in rates.items():
            row[f"wages_{name}"] = price_labour(job_hours, rate)
        rows.append(row)
    table = pd.DataFrame(rows)
    table.attrs.update(workers=workers, years=years, kept_images=kept, hours_per_year=HOURS_PER_FULL_TIME_YEAR)
    return table
