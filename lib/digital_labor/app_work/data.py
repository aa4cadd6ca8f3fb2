"""Drivers' time in data: published shares of time or miles with a passenger, and in the phases
before (P1, waiting for a request; P2, driving to a pick-up), by study and city
(``ride_hail_utilisation``)."""

from __future__ import annotations

import re

import pandas as pd

from ..data import load

__all__ = ["TIME", "MILES", "henao_speeds", "phase_budgets", "phase_shares", "utilisation"]

TIME, MILES = "share of time", "share of miles"
_PHASE_PATTERNS = (  # (regular expression on the measure, phase, basis)
    (r"with a passenger|P3|with passengers|occupied|meter running", "P3"),
    (r"P2|driving to pick-up", "P2"),
    (r"P1|cruising for work", "P1"),
)


def utilisation() -> pd.DataFrame:
    """Every published figure of ``ride_hail_utilisation``, as published."""
    return load("ride_hail_utilisation")


def _phase(measure: str) -> str | None:
    for pattern, phase in _PHASE_PATTERNS:
        if re.search(pattern, measure):
            return phase
    return None


def phase_shares() -> pd.DataFrame:
    """The figures that are a share of drivers' time or miles in one phase, in %.

    Adds ``phase`` (P1, P2, P3), ``basis`` (:data:`TIME` or :data:`MILES`), ``low_pct`` and
    ``high_pct``; minutes per working hour are turned into a share (minutes / 60). Figures of
    another kind (pick-up times, extra miles, deadheading, out-of-service miles) are left out.
    """
    table = utilisation()
    table["phase"] = [_phase(m) for m in table["measure"]]
    minutes = table["unit"].str.startswith("minutes per hour")
    share = table["unit"].str.startswith("%") | minutes
    table = table[table["phase"].notna() & share].copy()
    table["basis"] = [MILES if "miles" in m or "VMT" in m else TIME for m in table["measure"]]
    scale = table["unit"].str.startswith("minutes per hour").map({True: 100 / 60, False: 1.0})
    table["low_pct"], table["high_pct"] = table["low"] * scale, table["high"] * scale
    table["ride_hail"] = ~table["service"].str.contains("taxi")
    return table.reset_index(drop=True)


def phase_budgets() -> pd.DataFrame:
    """Studies that publish all three phases of drivers' time (P1, P2, P3 as % of logged-in time),
    one row per study, city and service; ``p1_cruising`` is True where the study publishes its
    waiting phase as time spent cruising for work."""
    shares = phase_shares()
    shares = shares[(shares["basis"] == TIME) & shares["ride_hail"]]
    wide = shares.pivot_table(
        index=["study", "city", "service", "period", "bibkey", "confidence"], columns="phase", values="low_pct", aggfunc="first"
    ).reset_index()
    wide = wide.dropna(subset=["P1", "P2", "P3"]).rename(columns={"P1": "p1_pct", "P2": "p2_pct", "P3": "p3_pct"})
    wide.columns.name = None
    cruising = shares[(shares["phase"] == "P1") & shares["measure"].str.contains("cruising")]
    wide["p1_cruising"] = [key in set(cruising["study"]) for key in wide["study"]]
    return wide.sort_values("p3_pct", ignore_index=True)


def henao_speeds() -> pd.Series:
    """Mean speed (miles per hour) in each phase of A. Henao's own rides in the Denver region, from
    his average minutes and miles per ride: the one source giving both for the same driver. The
    minute spent waiting for the passenger at the pick-up is counted in P2."""
    rows = utilisation()
    rows = rows[rows["unit"].isin(["minutes per ride", "miles per ride"])]
    totals = pd.DataFrame(
        {"quantity": rows["unit"].str.split().str[0], "phase": [_phase(m) or "P2" for m in rows["measure"]], "value": rows["low"]}
    ).pivot_table(index="phase", columns="quantity", values="value", aggfunc="sum")
    return (totals["miles"] / (totals["minutes"] / 60)).rename("miles per hour")
