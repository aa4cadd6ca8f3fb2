"""Country names to ISO codes, and the two North/South definitions."""

from __future__ import annotations

import pytest

from digital_labor.countries import NAME_EXCEPTIONS, north_south, to_iso3
from digital_labor.data import DataError, load


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("India", "IND"),
        ("United States", "USA"),
        ("Viet Nam", "VNM"),
        ("Vietnam", "VNM"),
        ("Russia", "RUS"),
        ("Ivory Coast", "CIV"),
        ("  United   Kingdom ", "GBR"),
        ("Britain", "GBR"),
        ("Kosovo", "XKX"),
        ("PHL", "PHL"),
    ],
)
def test_names_resolve_to_iso3(name, code):
    assert to_iso3(name) == code


def test_unknown_name_raises_naming_it():
    with pytest.raises(DataError, match="'Atlantis' does not match any ISO 3166 country"):
        to_iso3("Atlantis")


def test_every_exception_is_needed_and_valid():
    import pycountry

    valid = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    for name, code in NAME_EXCEPTIONS.items():
        assert code in valid
        with pytest.raises(LookupError):
            pycountry.countries.lookup(name)  # otherwise the exception would be dead weight


def test_every_country_name_in_the_country_table_resolves_to_its_code():
    countries = load("countries")
    resolved = countries["name"].map(to_iso3)
    assert (resolved == countries["iso3"]).all()


def test_un_definition_labels_every_country():
    labels = north_south("un_developed")
    assert labels["FRA"] == "North" and labels["IND"] == "South" and labels["JPN"] == "North"
    assert labels.notna().all()
    assert (labels == "North").sum() == 55


def test_world_bank_definition_moves_gulf_states_north_and_leaves_unclassified_out():
    un, wb = north_south("un_developed"), north_south("wb_high_income")
    assert un["SAU"] == "South" and wb["SAU"] == "North"
    assert wb.isna().sum() == 2  # Ethiopia and Venezuela are not classified
    assert wb.isna()["ETH"]


def test_unknown_definition_is_refused():
    with pytest.raises(ValueError, match="Unknown North/South definition 'brandt'"):
        north_south("brandt")


def test_definitions_compared_country_by_country():
    from digital_labor.countries import AGREEMENT_CLASSES, compare_definitions

    table = compare_definitions().set_index("iso3")
    assert table.loc["FRA", "agreement"] == "North under both"
    assert table.loc["IND", "agreement"] == "South under both"
    assert table.loc["SAU", "agreement"] == "North for the World Bank only"
    assert table.loc["UKR", "agreement"] == "North for the UN only"
    assert table["agreement"].isna().sum() == 2
    assert set(table["agreement"].dropna()) <= set(AGREEMENT_CLASSES)


def test_population_shares_are_complementary_and_mostly_south():
    from digital_labor.countries import population_share

    for definition in ("un_developed", "wb_high_income"):
        south, north = population_share(definition, "South"), population_share(definition, "North")
        assert south + north == pytest.approx(100)
        assert 75 < south < 90


def test_gdp_per_person_divides_gdp_by_population_and_drops_missing():
    from digital_labor.countries import gdp_per_person

    ppp = gdp_per_person("ppp").set_index("iso3")
    assert ppp.loc["USA", "gdp_per_person"] == pytest.approx(29_184_890_000_000 / 340_110_988)
    assert "CUB" not in ppp.index  # no PPP figure: left out, not guessed
    assert gdp_per_person("usd").set_index("iso3").loc["IND", "gdp_year"] == 2023
    with pytest.raises(ValueError):
        gdp_per_person("nominal")
