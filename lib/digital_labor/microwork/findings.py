"""Findings of the claims ledger on microwork: platform sizes, pay, and the size of the crowd."""

from __future__ import annotations

from ..annotation_labour import imagenet_figure
from ..claims import Finding
from .data import ESSAY_PLATFORM_SIZES, context_figure, microwork_figure, minimum_wages_at_measurement
from .model import alternative_calibrations, published_pay, what_registered_may_mean

__all__ = ["microwork_crowd", "microwork_pay", "platform_sizes"]


def platform_sizes() -> Finding:
    """The essay's platform sizes against what the platforms say and what studies measure."""
    zhubajie = microwork_figure("Zhubajie users")
    providers = microwork_figure("Zhubajie service providers")
    odesk = context_figure("odesk registered workers")
    mcent = microwork_figure("mCent users (Jana's claim)")
    publicis = microwork_figure("Publicis Groupe investment in Jana")
    extrapolated = what_registered_may_mean(ESSAY_PLATFORM_SIZES["Zhubajie"])
    return Finding(
        value=round(extrapolated["active"], -3),
        unit="significantly active workers among Zhubajie's 15 million users, at the ratio measured across platforms (an extrapolation)",
        summary=(
            f"Zhubajie's 15 million is the platform's own count for 2015 ({zhubajie / 1e6:.0f} million users, "
            f"{providers / 1e6:.0f} million of them service providers; low confidence), and mCent's 30 million is its maker "
            f"Jana's own claim of {mcent / 1e6:.0f} million users in February 2016; Publicis was an investor in Jana "
            f"(US$ {publicis / 1e6:.0f} million in 2013, with a seat on its board; again among its investors in 2016), not its owner, "
            f"so the essay's 'contrôlé par Publicis' overstates the tie. For Upwork the book found no statement of the company's "
            f"own for 12 million; its predecessor oDesk counted {odesk / 1e6:.1f} million registered workers in 2013. "
            f"All three count users or accounts, not workers. Across online labour platforms, {extrapolated['worked_share_pct']:.1f} % of "
            f"profiles had ever obtained work and {extrapolated['active_share_pct']:.1f} % were significantly active "
            f"(Kässi et al. 2021): at those ratios Zhubajie's 15 million would be about "
            f"{extrapolated['ever_worked'] / 1e6:.1f} million people who ever worked and {extrapolated['active'] / 1e3:,.0f} thousand active workers."
        ),
    )


def microwork_pay() -> Finding:
    """Mechanical Turk workers' median hourly earnings (measured) against the minimum wages of their
    countries in the years of measurement; rewards per task, which no data in the book measure."""
    published = published_pay()
    ilo = microwork_figure("online platform workers earning under 2 US$ per hour")
    wages = minimum_wages_at_measurement().set_index("country_iso3")
    attribution = alternative_calibrations()["demand_pct"]
    return Finding(
        value=published["median_hourly"],
        unit="US$ per hour, median earnings of Mechanical Turk workers, c. 2014-2017 (about; Hara et al. 2018)",
        summary=(
            f"Measured by the hour, the pay is micro: Hara et al. found a median of about US$ {published['median_hourly']:g} an hour over "
            f"{published['workers']:,.0f} workers and {published['tasks'] / 1e6:.1f} million tasks, with only "
            f"{published['share_above_minimum_pct']:g} % above the US federal minimum wage of US$ {wages.loc['USA', 'usd_per_hour']:.2f}, "
            f"which applied to the {wages.loc['USA', 'workers_share_pct']:.0f} % of workers in the United States; for the "
            f"{wages.loc['IND', 'workers_share_pct']:.0f} % in India, the national floor of the time came to about US$ "
            f"{wages.loc['IND', 'usd_per_hour']:.2f} an hour at 2016 exchange rates (the study gives no median by country). "
            f"The ILO found {ilo:g} % of online platform workers under US$ 2 an hour. Per task, nothing is ruled: the book holds "
            f"no published distribution of rewards per task, and cents per task computed from hourly pay rest on an assumed "
            f"task length. The pay simulation does not say where the gap with the average offer (more than US$ "
            f"{published['mean_offer']:g}) comes from: calibrations that all reproduce the published figures put "
            f"{attribution.min():.0f} to {attribution.max():.0f} % of it on who posts the work."
        ),
    )


def microwork_crowd() -> Finding:
    """How many people do microwork: Mechanical Turk, France, ImageNet's labellers, all platforms (each at its own date)."""
    mturk = microwork_figure("unique workers")
    at_once = microwork_figure("workers active at any given time")
    france = microwork_figure("occasional microworkers")
    worked = context_figure("profiles that ever obtained work")
    imagenet = imagenet_figure("Mechanical Turk workers involved", "li2015")
    return Finding(
        value=mturk,
        unit="distinct Mechanical Turk workers, to November 2017 (more than; Difallah et al. 2018)",
        summary=(
            f"More than {mturk:,.0f} distinct people worked on Mechanical Turk in the period Difallah et al. observed (to 2017), "
            f"though only a little more than {at_once:,.0f} at any one time; almost {imagenet:,.0f} had labelled ImageNet there in "
            f"2007-10 (Li 2015), a different period from that count, so the two cannot be added or nested; France alone had {france:,.0f} occasional "
            f"microworkers in 2018-19 (Le Ludec et al. 2019), and {worked / 1e6:.0f} million profiles on online labour platforms had "
            "obtained work at least once by 2020-21 (Kässi et al. 2021). Hundreds of thousands is, if anything, an understatement of "
            "those who have done such work; those doing it at a given moment are far fewer."
        ),
    )
