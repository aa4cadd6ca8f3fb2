"""A glued number in a translated edition keeps the English edition's digits and takes the
language's separators (book.i18n.localized_number)."""

from __future__ import annotations

import pytest

from book.i18n import french_spacing, localized_number


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("1,788.6", "1\u202f788,6"),
        ("0.46", "0,46"),
        ("12.5%", "12,5\u00a0%"),
        ("+1.5", "+1,5"),
        ("-1,234,567", "-1\u202f234\u202f567"),
        ("2017", "2017"),  # a year glued without a format stays as it is
        ("2.67", "2,67"),  # Python's rounding of 2.675, not Babel's 2,68: the same digits as the English page
    ],
)
def test_french_separators_around_the_english_digits(english, french):
    assert localized_number(english, "fr") == french


@pytest.mark.parametrize("language", ["en", "de"])
def test_other_languages_keep_the_number_as_formatted(language):
    assert localized_number("1,788.6", language) == "1,788.6"


def test_the_digits_are_pythons():
    assert localized_number(format(2.675, ".2f"), "fr") == "2,67"


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Oui ; non ? Si !", "Oui\u202f; non\u202f? Si\u202f!"),
        ("le « travail » : 12 %", "le «\u00a0travail\u00a0»\u00a0: 12\u00a0%"),
        ("https://example.org:8080", "https://example.org:8080"),  # no space typed: nothing inserted
        ("à 10:30", "à 10:30"),
        ("deux  espaces ;", "deux  espaces\u202f;"),
    ],
)
def test_french_spacing_makes_the_typed_spaces_unbreakable(typed, printed):
    assert french_spacing(typed) == printed
