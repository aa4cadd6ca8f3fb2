"""The OLI worker-supply loader: validation messages and shares, on a fixture in the real format."""

from __future__ import annotations

from pathlib import Path

import pytest

from digital_labor import DataError, charts, labour_geography
from digital_labor.chart_tables import data_tables
from digital_labor.claims import Finding
from digital_labor.labour_geography.oli import COLUMNS, OLI_WORKER_SCHEMA

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "oli_worker_supply_sample.csv"
HEADER = ",".join(COLUMNS)


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "worker_countrydata_test.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_fixture_has_exactly_the_published_columns():
    assert FIXTURE.read_text(encoding="utf-8").splitlines()[0] == "timestamp,country,occupation,num_workers,num_projects"


def test_fixture_loads_with_iso3_codes_and_types():
    table = labour_geography.load_worker_supply(FIXTURE)
    assert list(table.columns) == [*COLUMNS, "iso3"]
    assert set(table["iso3"]) == {"IND", "BGD", "USA", "RUS"}  # "Russia" goes through the name exceptions
    assert str(table["timestamp"].dtype).startswith("datetime64")
    assert table["num_workers"].sum() == 500


def test_shares_are_computed_per_snapshot_and_sum_to_100():
    shares = labour_geography.supply_shares(labour_geography.load_worker_supply(FIXTURE)).set_index("iso3")
    assert shares["share_pct"].sum() == pytest.approx(100)
    # Each snapshot gives India 40 %: the average must not be weighted by snapshot size.
    assert shares.loc["IND", "share_pct"] == pytest.approx(40)
    assert shares.loc["IND", "rank"] == 1 and shares.loc["RUS", "rank"] == 4


def test_shares_follow_the_period_and_occupation_filters():
    table = labour_geography.load_worker_supply(FIXTURE)
    clerical = labour_geography.supply_shares(table, start="2017-08-01", occupation="Clerical and data entry").set_index("iso3")
    assert clerical.loc["BGD", "share_pct"] == pytest.approx(100 * 45 / 105)
    with pytest.raises(DataError, match="no workers"):
        labour_geography.supply_shares(table, start="2030-01-01")


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("2017-07-01,Atlantis,Writing and translation,3,1", r"line 2, column 'country': value 'Atlantis'.*to_iso3"),
        (
            "yesterday,India,Writing and translation,3,1",
            r"line 2, column 'timestamp': value 'yesterday' breaks the rule of its type \(\"datetime",
        ),
        ("2017-07-01,India,Writing and translation,-3,1", r"line 2, column 'num_workers': value '-3' breaks the rule 'minimum = 0'"),
        (
            "2017-07-01,India,Writing and translation,3,many",
            r"line 2, column 'num_projects': value 'many' breaks the rule of its type \(\"number",
        ),
        ("2017-07-01,India,,3,1", r"line 2, column 'occupation' breaks the rule 'required = True'"),
        ("2017-07-01,India,Writing and translation,3", r"line 2, column 'num_projects'.* breaks the rule 'required = True'"),
    ],
)
def test_bad_rows_name_file_line_column_and_rule(tmp_path, row, expected):
    path = write(tmp_path, HEADER, row)
    with pytest.raises(DataError, match=r"worker_countrydata_test\.csv\)?, " + expected):
        labour_geography.load_worker_supply(path)


def test_repeated_rows_header_and_missing_file_are_refused(tmp_path):
    row = "2017-07-01,India,Writing and translation,3,1"
    with pytest.raises(DataError, match="line 3 breaks the rule that the key must be unique"):
        labour_geography.load_worker_supply(write(tmp_path, HEADER, row, row))
    with pytest.raises(DataError, match="column 'timestamp' is missing from the header"):
        labour_geography.load_worker_supply(write(tmp_path, "time,country,occupation,workers,projects", row))
    with pytest.raises(DataError, match="not found.*figshare"):
        labour_geography.load_worker_supply(tmp_path / "absent.csv")
    with pytest.raises(DataError, match="no data rows"):
        labour_geography.load_worker_supply(write(tmp_path, HEADER))


def test_representation_index_is_share_over_population_share():
    index = labour_geography.representation_index({"workers": "oli_supply_2017"}).set_index("iso3")
    assert index.loc["BGD", "index"] == pytest.approx(16 / index.loc["BGD", "population_pct"])
    assert index.loc["BGD", "index"] > index.loc["IND", "index"] > 1


def test_north_south_summary_sums_to_100_for_each_series_and_definition():
    summary = labour_geography.north_south_summary({"buyers": "oli_demand_2016", "workers": "oli_supply_2017"})
    totals = summary.groupby(["series", "definition"])["share_pct"].sum()
    assert totals.to_numpy() == pytest.approx(100)
    buyers = summary[(summary["series"] == "buyers") & (summary["definition"] == "un_developed")].set_index("group")
    assert buyers.loc["North", "share_pct"] == pytest.approx(52 + 6.3 + 5.7)


def test_definitions_disagree_on_ukraine_and_serbia_in_the_top_20():
    ranking = labour_geography.ranking_north_south().set_index("iso3")
    assert len(ranking) == 20
    changed = ranking[ranking["un_developed"] != ranking["wb_high_income"]].index
    assert set(changed) == {"UKR", "SRB", "VEN"}


def test_oli_file_is_validated_by_its_table_schema():
    assert OLI_WORKER_SCHEMA["primaryKey"] == ["timestamp", "country", "occupation"]
    assert [field["name"] for field in OLI_WORKER_SCHEMA["fields"]] == list(COLUMNS)


@pytest.mark.parametrize(
    ("function", "value"),
    [(labour_geography.top_producers, "5 of 5"), (labour_geography.top_buyers, 64.0)],
)
def test_findings_have_the_expected_values(function, value):
    finding = function()
    assert isinstance(finding, Finding)
    assert finding.value == value


def test_rankings_come_in_rank_order():
    assert labour_geography.ranking("essay_top_producers") == ["PHL", "PAK", "IND", "CHN", "BGD"]
    assert labour_geography.ranking("oli_supply_top20_2017_2020")[:2] == ["IND", "BGD"]
    assert labour_geography.rank_of("oli_supply_top20_2017_2020", "CHN") == 7
    assert labour_geography.rank_of("oli_supply_top20_2017_2020", "FRA") is None


def test_producer_finding_judges_the_essay_s_period_first_then_what_changed():
    summary = labour_geography.top_producers().summary
    essay_period, later = summary.index("March 2013"), summary.index("June 2017 to October 2020")
    assert essay_period < later
    then = summary[:later]
    assert "all five producer countries" in then and "among the seven largest recipients of oDesk payments" in then
    assert "Ukraine (third) and Russia (sixth), which the essay leaves out" in then and "China seventh" in then
    afterwards = summary[later:]
    assert "four of them are in the top five" in afterwards and "China ranks seventh" in afterwards
    assert "the United States, one of the essay's buyer countries, is fourth" in afterwards
    assert not any(code in summary for code in ("CHN", "PHL", "USA", "UKR", " 7th", " 5 "))


def test_buyer_finding_names_countries_in_a_sentence():
    summary = labour_geography.top_buyers().summary
    assert summary.startswith(
        "Of the four largest buyer countries the OLI reported for May to September 2016 "
        "(the United States, the United Kingdom, India and Australia), three are on the essay's list"
    )
    assert "India (5.9 %) is not on it" in summary and summary.endswith("do not rank Canada or France.")
    assert "USA" not in summary and "GBR" not in summary


def test_a_series_with_several_periods_needs_one_picked():
    with pytest.raises(ValueError, match="several periods"):
        labour_geography.published_shares("oli_supply_2017_2021")
    with pytest.raises(ValueError, match="no period '2019'"):
        labour_geography.published_shares("oli_supply_2017_2021", period="2019")
    shares = labour_geography.published_shares("oli_supply_2017_2021", period="2017").set_index("iso3")["share_pct"]
    assert shares.to_dict() == {"IND": 25, "BGD": 10}


SERIES = {"press report": "oli_supply_2017", "Stephany et al.": ("oli_supply_2017_2021", "2017")}


def test_bangladesh_and_the_united_kingdom_swap_places_with_the_series():
    index = labour_geography.representation_index(SERIES)
    comparison = labour_geography.compare_over_representation(index, "GBR", "BGD").set_index("series")
    population = index.drop_duplicates("iso3").set_index("iso3")["population_pct"]
    # Press report: Bangladesh (16 %) is more over-represented than the United Kingdom (6 %).
    assert comparison.loc["press report", "higher"] == "BGD"
    assert comparison.loc["press report", "ratio"] == pytest.approx((6 / population["GBR"]) / (16 / population["BGD"]))
    # Stephany et al.'s 2017 figure (10 %): the comparison reverses; the UK comes from the press report.
    assert comparison.loc["Stephany et al.", "higher"] == "GBR"
    assert comparison.loc["Stephany et al.", "first_from"] == "press report"
    assert comparison.loc["Stephany et al.", "second_index"] == pytest.approx(10 / population["BGD"])
    with pytest.raises(ValueError, match="publishes FRA"):
        labour_geography.compare_over_representation(index, "GBR", "FRA")


def test_share_drift_is_points_per_year_between_the_series_ends():
    drift = labour_geography.share_drift().set_index("iso3")
    assert drift.loc["IND", "points_per_year"] == pytest.approx((33 - 25) / 4)
    assert drift.loc["BGD", "points_per_year"] == pytest.approx((15 - 10) / 4)
    with pytest.raises(ValueError, match="periods that are years"):
        labour_geography.share_drift("oli_supply_2017")
    with pytest.raises(ValueError, match="No series"):
        labour_geography.share_drift("nonexistent")


@pytest.mark.parametrize(
    "build",
    [
        lambda: labour_geography.shares_map(
            labour_geography.published_shares("oli_supply_2017"), what="online workers", title="t", description="d"
        ),
        lambda: labour_geography.ranking_map(labour_geography.ranking_north_south(), title="t", description="d"),
        lambda: labour_geography.representation_chart(labour_geography.representation_index({"workers": "oli_supply_2017"})),
        lambda: labour_geography.north_south_chart(labour_geography.north_south_summary({"workers": "oli_supply_2017"})),
    ],
)
def test_data_charts_cite_their_datasets_and_describe_themselves(build, monkeypatch):
    monkeypatch.setenv(charts.BOOK_ENV, "1")  # the world map is then served by URL
    chart = build().to_dict()
    source_line = " ".join(chart["title"]["subtitle"])
    assert source_line.startswith("Source:") and "Model:" not in source_line
    assert chart["description"].strip()


def test_representation_chart_labels_countries_with_the_index_groups():
    index = labour_geography.representation_index({"workers": "oli_supply_2017"}, definition="wb_high_income")
    assert set(index["group"]) <= {"North", "South"}
    datasets = labour_geography.representation_chart(index).to_dict()["datasets"].values()
    values = next(rows for rows in datasets if "country" in rows[0])
    assert {row["country"] for row in values} == {f"{name} ({group})" for name, group in zip(index["name"], index["group"])}


def test_ranking_overlap_lists_shared_missed_and_unexpected_codes():
    overlap = labour_geography.ranking_overlap(["IND", "BGD", "USA"], ["PHL", "IND", "BGD"])
    assert overlap == {"shared": ["IND", "BGD"], "missed": ["PHL"], "unexpected": ["USA"], "overlap": 2, "size": 3}


def test_north_south_chart_value_table_has_titled_columns():
    summary = labour_geography.north_south_summary({"workers": "oli_supply_2017"})
    headers = [header for table in data_tables(labour_geography.north_south_chart(summary).to_dict()) for header in table["headers"]]
    assert headers == ["Series", "North/South definition", "Group", "% of the series"]


# The series after the essay (chapter pages 'Since the essay').
def test_worker_counts_keep_each_definition_and_flag_the_corrected_preprint():
    counts = labour_geography.worker_counts()
    assert counts["label"].is_unique
    superseded = counts[counts["status"] == "superseded"].set_index("definition")["low_m"]
    current = counts[counts["estimate"].str.contains("v4")].set_index("definition")["low_m"]
    ever = "profiles that obtained work through the platform at least once"
    assert (superseded.loc[ever], current.loc[ever]) == (19, 14)
    assert (counts["high_m"] >= counts["low_m"]).all()
    wb = counts[counts["bibkey"] == "worldbank2023"].iloc[0]
    assert (wb["low_m"], wb["high_m"]) == (154, 435)


def test_the_series_after_the_essay_are_charted_with_a_title_a_source_line_and_a_description():
    spec = labour_geography.worker_counts_chart(labour_geography.worker_counts()).to_dict()
    assert spec["title"]["text"]
    assert spec["title"]["subtitle"]
    assert len(spec["description"]) > 40
