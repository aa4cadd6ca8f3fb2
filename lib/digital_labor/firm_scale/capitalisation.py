"""The GAFAM's places among the largest listed firms by market capitalisation, on dated days.

Data: ``market_capitalisation`` (one row per firm and dated ranking, with its source). The
essay says the five firms *are* the five largest capitalisations; this module rules on that
sentence at each date the data hold.
"""

from __future__ import annotations

import pandas as pd

from ..data import DataError, load

__all__ = ["BASIS_LABELS", "capitalisation_rankings", "top_five_by_date"]

BASIS_LABELS = {"close": "close", "intraday": "during trading", "list": "published list"}
_CONFIDENCE_ORDER = ["low", "medium", "high"]


def capitalisation_rankings() -> pd.DataFrame:
    """The dated rankings, one row per firm, with a ``ranking`` label per date and kind of value.

    A ranking may be partial (a source that names only some places) if it places a firm other than
    the five in the top five, which settles the claim for that date. Raises :class:`DataError` if a
    ranking repeats a place or a firm, or is partial and settles nothing.
    """
    table = load("market_capitalisation")
    table["ranking"] = table["as_of"] + " (" + table["basis"].map(BASIS_LABELS) + ", " + table["scope"] + ")"
    for label, group in table.groupby("ranking", sort=False):
        if group["rank"].duplicated().any():
            raise DataError(f"market_capitalisation.csv, ranking {label}: column 'rank' repeats a place.")
        if group["firm"].duplicated().any() or int(group["gafam"].sum()) > 5:
            raise DataError(f"market_capitalisation.csv, ranking {label}: a firm appears twice, or 'gafam' marks more than five.")
        if int(group["gafam"].sum()) < 5 and not (~group["gafam"] & (group["rank"] <= 5)).any():
            raise DataError(
                f"market_capitalisation.csv, ranking {label}: a partial ranking (fewer than five GAFAM firms) must place "
                "another firm in the top five, or it settles nothing."
            )
    return table.sort_values(["as_of", "basis", "rank"], ignore_index=True)


def top_five_by_date() -> pd.DataFrame:
    """One row per dated ranking: how many GAFAM firms held a top-five place, and who else did.

    Columns: ``ranking``, ``as_of``, ``year``, ``basis``, ``scope``, ``complete`` (the source places
    all five), ``gafam_in_top_five`` (at most, for a partial ranking), ``holds`` (all five in the top
    five), ``last_gafam_rank`` (missing for a partial ranking), ``others_in_top_five`` (names),
    ``confidence`` (the lowest of the ranking's rows), ``bibkey``.
    """
    rows = []
    for label, group in capitalisation_rankings().groupby("ranking", sort=False):
        five = group[group["gafam"]]
        others = group[~group["gafam"] & (group["rank"] <= 5)].sort_values("rank")
        first = group.iloc[0]
        complete = len(five) == 5
        in_top = int((five["rank"] <= 5).sum())
        rows.append(
            {
                "ranking": label,
                "as_of": first["as_of"],
                "year": int(first["as_of"][:4]),
                "basis": first["basis"],
                "scope": first["scope"],
                "complete": complete,
                "gafam_in_top_five": in_top if complete else 5 - len(others),
                "holds": complete and in_top == 5,
                "last_gafam_rank": int(five["rank"].max()) if complete else pd.NA,
                "others_in_top_five": ", ".join(others["firm"]) or "none",
                "confidence": min(group["confidence"], key=_CONFIDENCE_ORDER.index),
                "bibkey": first["bibkey"],
            }
        )
    return pd.DataFrame(rows)
