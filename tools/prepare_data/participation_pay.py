"""The files of :mod:`digital_labor.participation_pay`: what the participation-pay schemes the essay
cites paid or promised (``pay_for_data_schemes``) and the notification studies
(``phone_notifications``, the notification rows of the time-use facts; the social-media rows are in
``social_media_time``). Sources are matched exactly (after 'same' is resolved), so that a new
source in a fact table stops the script instead of borrowing a key."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .common import exact_bibkey, insert_bibkey, read_fact_table, resolve_same, write

PAY_FOR_DATA_BIBKEYS = {
    "Tsu launch announcement (21 Oct 2014), founder Sebastian Sobczak, as reported by Re/code": "recode2014",
    "Tsu launch, as reported by New York Business Journal (TechFlash)": "bizjournals2014",
    "Tsu terms as described by a tech blog (secondary)": "technologyfacts2014",
    "Telefónica chairman José María Álvarez-Pallete, Santander, 5 Sept 2016; AFP report": "thelocal2016",
    "Chema Alonso (Telefónica Chief Data Officer), interview in European Communications (Nov 2016)": "alonso2016",
    "Economía Digital (2016) report on Álvarez-Pallete's proposal": "economiadigital2016",
    "Staiano, J., Oliver, N., Lepri, B., de Oliveira, R., Caraviello, M. & Sebe, N. (2014). Money Walks: A "
    "Human-Centric Study on the Economics of Personal Mobile Data. arXiv:1407.0566.": "staiano2014",
    "Vocativ (2014) report on Staiano et al.": "vocativ2014",
    "Microsoft Rewards UK launch (June 2017), as reported by E&T (IET)": "eandt2017",
    "Microsoft Rewards UK launch, as reported by Gizbot": "gizbot2017",
    "YouTube Heroes announcement (Sept 2016), as reported by Indian Express and ghacks": "indianexpress2016",
    "YouTube, as reported by Digital Trends": "digitaltrends2016",
}
NOTIFICATION_BIBKEYS = {
    "Pielot, M., Church, K. & de Oliveira, R. (2014). An In-Situ Study of Mobile Phone Notifications. MobileHCI 2014.": "pielot2014",
    "Pielot, M., Vradi, A. & Park, S. (2018). Dismissed! A Detailed Exploration of How Mobile Phone Users Handle "
    "Push Notifications. MobileHCI 2018.": "pielot2018",
}


def pay_for_data_schemes(facts: Path) -> pd.DataFrame:
    """What the participation-pay schemes the essay cites paid or promised: 'same' resolved, bibkeys added."""
    table = read_fact_table(facts, "pay_for_data_schemes")
    # "same as Re/code row" and "vox.com (as above)" point to the Re/code row, not to the row above.
    pointer = table["source"] == "same as Re/code row"
    recode = table.index[table["source"].str.contains("as reported by Re/code")][0]
    table.loc[pointer, ["source", "seen_at"]] = table.loc[recode, ["source", "seen_at"]].tolist()
    table = resolve_same(table, ("operator", "country", "source", "seen_at", "excerpt"))
    return insert_bibkey(table, table["source"].map(exact_bibkey(PAY_FOR_DATA_BIBKEYS, "pay_for_data_schemes")))


def phone_notifications(facts: Path) -> pd.DataFrame:
    """The notification rows of the time-use facts."""
    table = read_fact_table(facts, "notifications_time_use")
    table = resolve_same(table[table["topic"] == "notifications"].copy(), ("source", "seen_at", "excerpt"))
    table = insert_bibkey(table, table["source"].map(exact_bibkey(NOTIFICATION_BIBKEYS, "phone_notifications")))
    return table.drop(columns=["topic"])


def prepare(facts: Path, out: Path) -> None:
    write(pay_for_data_schemes(facts), out, "pay_for_data_schemes")
    write(phone_notifications(facts), out, "phone_notifications")
