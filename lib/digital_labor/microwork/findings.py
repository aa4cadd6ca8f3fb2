"""Findings of the claims ledger on microwork: platform sizes, pay, and the size of the crowd."""

from __future__ import annotations

from ..claims import Finding
from .data import ESSAY_PLATFORM_SIZES, context_figure, microwork_figure
from .model import published_pay, simulate_pay, what_registered_may_mean

__all__ = ["microwork_crowd", "microwork_pay", "platform_sizes"]


def platform_sizes() -> Finding:
    """The essay's platform sizes against what the platforms say and what studies measure."""
    zhubajie = microwork_figure("Zhubajie users")
    providers = microwork_figure("Zhubajie service providers")
    odesk = context_figure("odesk registered workers")
    extrapolated = what_registered_may_mean(ESSAY_PLATFORM_SIZES["Zhubajie"])
    return Finding(
        value=round(extrapolated["active"], -3),
        unit="significantly active workers among Zhubajie's 15 million users, at the ratio measured across platforms (an extrapolation)",
        summary=(
            f"Zhubajie's 15 million is the platform's own count for 2015 ({zhubajie / 1e6:.0f} million users, "
            f"{providers / 1e6:.0f} million of them service providers; low confidence), and Upwork's predecessor oDesk "
            f"counted {odesk / 1e6:.1f} million registered workers in 2013; no source in the book gives mCent's 30 million. "
            f"All three count users or accounts, not workers. Across online labour platforms, {extrapolated['worked_share_pct']:.1f} % of "
            f"profiles had ever obtained work and {extrapolated['active_share_pct']:.1f} % were significantly active "
            f"(Kässi et al. 2021): at those ratios Zhubajie's 15 million would be about "
            f"{extrapolated['ever_worked'] / 1e6:.1f} million people who ever worked and {extrapolated['active'] / 1e3:,.0f} thousand active workers."
        ),
    )


def microwork_pay() -> Finding:
    """Mechanical Turk workers' median hourly earnings, and what the simulation makes of the gap with the average offer."""
    published = published_pay()
    simulation = simulate_pay()
    ilo = microwork_figure("online platform workers earning under 2 US$ per hour")
    per_task = simulation.median_hourly * simulation.market.task_minutes / 60 * 100
    return Finding(
        value=published["median_hourly"],
        unit="US$ per hour, median earnings of Mechanical Turk workers (about; Hara et al. 2018)",
        summary=(
            f"Hara et al. measured a median of about US$ {published['median_hourly']:g} an hour over "
            f"{published['workers']:,.0f} workers and {published['tasks'] / 1e6:.1f} million tasks, with only "
            f"{published['share_above_minimum_pct']:g} % above the US federal minimum wage, although the average requester "
            f"offered more than US$ {published['mean_offer']:g}; the ILO found {ilo:g} % of online platform workers under "
            f"US$ 2 an hour. A simulation in which low-paying requesters post most of the work and workers lose time to "
            f"searching, returned and rejected tasks gives a median of US$ {simulation.median_hourly:.2f} and "
            f"{simulation.share_above(7.25):.1f} % above US$ 7.25. At that median a one-minute task pays about "
            f"{per_task:.0f} cents: the essay's 'few cents' per task is what such hourly rates mean."
        ),
    )


def microwork_crowd() -> Finding:
    """How many people do microwork: Mechanical Turk, France, ImageNet's labellers, all platforms."""
    mturk = microwork_figure("unique workers")
    at_once = microwork_figure("workers active at any given time")
    france = microwork_figure("occasional microworkers")
    worked = context_figure("profiles that ever obtained work")
    return Finding(
        value=mturk,
        unit="distinct Mechanical Turk workers, to November 2017 (more than; Difallah et al. 2018)",
        summary=(
            f"More than {mturk:,.0f} distinct people worked on Mechanical Turk in the period Difallah et al. observed, "
            f"though only a little more than {at_once:,.0f} at any one time; France alone had {france:,.0f} occasional microworkers "
            f"(Le Ludec et al. 2019), and {worked / 1e6:.0f} million profiles on online labour platforms had obtained work "
            "at least once (Kässi et al. 2021). Hundreds of thousands is, if anything, an understatement of those who "
            "have done such work; those doing it at a given moment are far fewer."
        ),
    )
