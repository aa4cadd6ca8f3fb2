"""Numbers and names in words: counts, ranks, plurals, country lists and periods."""

from __future__ import annotations

import pytest

from digital_labor import prose


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["India"], "India"),
        (["India", "Bangladesh"], "India and Bangladesh"),
        (["India", "Philippines", "Bangladesh"], "India, the Philippines and Bangladesh"),
        (["United States", "India", "Philippines"], "the United States, India and the Philippines"),
        (("Kenya", "Nigeria"), "Kenya and Nigeria"),  # any sequence
    ],
)
def test_name_list_joins_names_with_commas_and_and(names, expected):
    assert prose.name_list(names) == expected


def test_name_list_takes_another_conjunction_and_can_leave_articles_out():
    assert prose.name_list(["Canada", "France"], conjunction="or") == "Canada or France"
    assert prose.name_list(["United Kingdom", "India"], articles=False) == "United Kingdom and India"
    assert prose.name_list(["the United States first", "India second"], articles=False) == ("the United States first and India second")
    with pytest.raises(ValueError, match="at least one name"):
        prose.name_list([])


def test_country_phrase_adds_the_where_english_needs_it():
    assert prose.country_phrase("Philippines") == "the Philippines"
    assert prose.country_phrase("United Kingdom") == "the United Kingdom"
    assert prose.country_phrase("India") == "India"


def test_counts_are_words_to_twenty_and_digits_beyond():
    assert [prose.number_word(n) for n in (0, 5, 12, 20)] == ["zero", "five", "twelve", "twenty"]
    assert prose.number_word(21) == "21" and prose.number_word(35) == "35"


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (10, "10th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (19, "19th"),
        (20, "20th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
        (113, "113th"),
        (121, "121st"),
    ],
)
def test_ordinal_writes_digits_with_the_english_suffix(number, expected):
    assert prose.ordinal(number) == expected


def test_ordinal_words_to_twentieth_then_digits():
    assert [prose.ordinal_word(n) for n in (1, 4, 7, 20, 21, 22, 113)] == [
        "first",
        "fourth",
        "seventh",
        "twentieth",
        "21st",
        "22nd",
        "113th",
    ]
    assert all(prose.ordinal_word(n) == prose.ordinal(n) for n in range(21, 1000))


def test_plural_of_regular_nouns():
    assert prose.plural("prophecy", 1) == "prophecy"
    assert prose.plural("prophecy", 2) == "prophecies"
    assert prose.plural("counter-argument", 3) == "counter-arguments"
    assert prose.plural("quantitative estimate", 0) == "quantitative estimates"


def test_period_words():
    assert prose.period_words("2016-05/2016-09") == "May to September 2016"
    assert prose.period_words("2017-06/2020-10") == "June 2017 to October 2020"
    with pytest.raises(ValueError, match="YYYY-MM"):
        prose.period_words("2017 (mid-year)")
