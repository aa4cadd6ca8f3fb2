"""The OLI worker-supply loader: validation messages and shares, on a fixture in the real format."""

from __future__ import annotations

from pathlib import Path

import pytest

from digital_labor import DataError, oli

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "oli_worker_supply_sample.csv"
HEADER = ",".join(oli.COLUMNS)


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "worker_countrydata_test.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_fixture_has_exactly_the_published_columns():
    assert FIXTURE.read_text(encoding="utf-8").splitlines()[0] == "timestamp,country,occupation,num_workers,num_projects"


def test_fixture_loads_with_iso3_codes_and_types():
    table = oli.load_worker_supply(FIXTURE)
    assert list(table.columns) == [*oli.COLUMNS, "iso3"]
    assert set(table["iso3"]) == {"IND", "BGD", "USA", "RUS"}  # "Russia" goes through the name exceptions
    assert str(table["timestamp"].dtype).startswith("datetime64")
    assert table["num_workers"].sum() == 500


def test_shares_are_computed_per_snapshot_and_sum_to_100():
    shares = oli.supply_shares(oli.load_worker_supply(FIXTURE)).set_index("iso3")
    assert shares["share_pct"].sum() == pytest.approx(100)
    # Each snapshot gives India 40 %: the average must not be weighted by snapshot size.
    assert shares.loc["IND", "share_pct"] == pytest.approx(40)
    assert shares.loc["IND", "rank"] == 1 and shares.loc["RUS", "rank"] == 4


def test_shares_follow_the_period_and_occupation_filters():
    table = oli.load_worker_supply(FIXTURE)
    clerical = oli.supply_shares(table, start="2017-08-01", occupation="Clerical and data entry").set_index("iso3")
    assert clerical.loc["BGD", "share_pct"] == pytest.approx(100 * 45 / 105)
    with pytest.raises(DataError, match="no workers"):
        oli.supply_shares(table, start="2030-01-01")


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("2017-07-01,Atlantis,Writing and translation,3,1", r"line 2, column 'country': value 'Atlantis'.*to_iso3"),
        ("yesterday,India,Writing and translation,3,1", r"line 2, column 'timestamp'.*date"),
        ("2017-07-01,India,Writing and translation,-3,1", r"line 2, column 'num_workers'.*zero or more"),
        ("2017-07-01,India,Writing and translation,3,many", r"line 2, column 'num_projects'.*must be a number"),
        ("2017-07-01,India,,3,1", r"line 2, column 'occupation'.*not be empty"),
        ("2017-07-01,India,Writing and translation,3", r"line 2: 4 fields; the rule is 5"),
    ],
)
def test_bad_rows_name_file_line_column_and_rule(tmp_path, row, expected):
    path = write(tmp_path, HEADER, row)
    with pytest.raises(DataError, match=r"worker_countrydata_test\.csv, " + expected):
        oli.load_worker_supply(path)


def test_repeated_rows_header_and_missing_file_are_refused(tmp_path):
    row = "2017-07-01,India,Writing and translation,3,1"
    with pytest.raises(DataError, match="line 3.*repeats line 2"):
        oli.load_worker_supply(write(tmp_path, HEADER, row, row))
    with pytest.raises(DataError, match="line 1: the header"):
        oli.load_worker_supply(write(tmp_path, "time,country,occupation,workers,projects", row))
    with pytest.raises(DataError, match="not found.*figshare"):
        oli.load_worker_supply(tmp_path / "absent.csv")
    with pytest.raises(DataError, match="no data rows"):
        oli.load_worker_supply(write(tmp_path, HEADER))


def test_representation_index_is_share_over_population_share():
    index = oli.representation_index({"workers": "oli_supply_2017"}).set_index("iso3")
    assert index.loc["BGD", "index"] == pytest.approx(16 / index.loc["BGD", "population_pct"])
    assert index.loc["BGD", "index"] > index.loc["IND", "index"] > 1


def test_north_south_summary_sums_to_100_for_each_series_and_definition():
    summary = oli.north_south_summary({"buyers": "oli_demand_2016", "workers": "oli_supply_2017"})
    totals = summary.groupby(["series", "definition"])["share_pct"].sum()
    assert totals.to_numpy() == pytest.approx(100)
    buyers = summary[(summary["series"] == "buyers") & (summary["definition"] == "un_developed")].set_index("group")
    assert buyers.loc["North", "share_pct"] == pytest.approx(52 + 6.3 + 5.7)


def test_definitions_disagree_on_ukraine_and_serbia_in_the_top_20():
    ranking = oli.ranking_north_south().set_index("iso3")
    assert len(ranking) == 20
    changed = ranking[ranking["un_developed"] != ranking["wb_high_income"]].index
    assert set(changed) == {"UKR", "SRB", "VEN"}
