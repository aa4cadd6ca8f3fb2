"""The dated events since the essay of chapters 1, 2 and 4: dated, sourced, in order, and checked
(a bad row is refused with its file, line and column)."""

from __future__ import annotations

import pandas as pd
import pytest

import digital_labor as dl
from digital_labor import chronology
from digital_labor.chronology import data as chronology_data
from digital_labor.data import DataError


@pytest.mark.parametrize("chapter", [1, 2, 4])
def test_each_chapter_has_at_least_three_dated_sourced_events_since_the_essay(chapter):
    events = chronology.events(chapter)
    assert len(events) >= 3
    assert events["date"].is_monotonic_increasing
    assert (events["date"].dt.year >= chronology_data.ESSAY_YEAR).all()
    assert events["bibkey"].str.len().gt(0).all()


@pytest.mark.parametrize(
    ("chapter", "event", "date"),
    [
        (2, "renames itself Meta", "2021-10-28"),
        (2, "designates six gatekeepers", "2023-09-06"),
        (2, "First fines under the Digital Markets Act", "2025-04-23"),
        (4, "stops collecting data", "2024-09-01"),
        (4, "154 to 435 million", "2023-09-07"),
        (1, "IMF staff note", "2024-01-14"),
    ],
)
def test_the_verified_dates_are_the_ones_in_the_events(chapter, event, date):
    rows = chronology.events(chapter)
    rows = rows[rows["event"].str.contains(event, regex=False)]
    assert len(rows) == 1
    assert rows["date"].iloc[0] == pd.Timestamp(date)


def test_a_date_known_to_the_month_must_be_its_first_day_and_the_error_names_file_line_column():
    bad = dl.load("since_essay_events")
    bad.loc[2, ["date", "precision"]] = [pd.Timestamp("2021-01-15"), "month"]
    with pytest.raises(DataError, match=r"data/since_essay_events.csv, line 4, column 'date'.*first day"):
        chronology_data.check_events(bad)


def test_an_event_before_the_essay_is_refused():
    bad = dl.load("since_essay_events")
    bad.loc[0, "date"] = pd.Timestamp("2013-01-01")
    with pytest.raises(DataError, match=r"line 2, column 'date'.*2016 or later"):
        chronology_data.check_events(bad)
