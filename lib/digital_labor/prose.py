"""Numbers and names written as a reader would read them in a sentence.

The book glues counts, ranks, lists of countries and periods into its prose; these helpers write
them in words ('seven', 'third', 'India, the Philippines and Bangladesh', 'May to September
2016'), never as codes or digits dropped into a sentence. They are the one place the book spells
such things, for the library's findings and chart descriptions and for the pages.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence

__all__ = ["country_phrase", "name_list", "number_word", "ordinal", "ordinal_word", "period_words", "plural"]

_NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
_ORDINAL_WORDS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
)
# Country names that English writes with "the" (as the book's sources spell them).
_WITH_ARTICLE = frozenset(
    {
        "United States",
        "United Kingdom",
        "Philippines",
        "Netherlands",
        "United Arab Emirates",
        "Czech Republic",
        "Dominican Republic",
        "Central African Republic",
        "Russian Federation",
        "Bahamas",
        "Gambia",
        "Maldives",
        "Comoros",
        "Solomon Islands",
        "Marshall Islands",
    }
)


def number_word(number: int) -> str:
    """A count as a word from zero to twenty ('seven'); digits beyond ('35')."""
    return _NUMBER_WORDS[number] if 0 <= number < len(_NUMBER_WORDS) else str(number)


def ordinal(number: int) -> str:
    """A rank in digits with its English suffix: 1 → '1st', 19 → '19th', 21 → '21st', 112 → '112th'."""
    suffix = "th" if number % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def ordinal_word(number: int) -> str:
    """A rank as a word from first to twentieth ('seventh'); :func:`ordinal` beyond ('21st')."""
    return _ORDINAL_WORDS[number - 1] if 1 <= number <= len(_ORDINAL_WORDS) else ordinal(number)


def plural(noun: str, count: int) -> str:
    """The noun for ``count`` things: ('prophecy', 1) → 'prophecy', ('prophecy', 2) → 'prophecies',
    ('counter-argument', 2) → 'counter-arguments'. Regular plurals only."""
    if count == 1:
        return noun
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


def country_phrase(name: str) -> str:
    """A country's name as it stands in a sentence: 'the United States', 'India'."""
    return f"the {name}" if name in _WITH_ARTICLE else name


def name_list(names: Sequence[str], *, conjunction: str = "and", articles: bool = True) -> str:
    """Names joined as in a sentence: 'India', 'India and Bangladesh', 'the United States, India and Bangladesh'.

    ``articles`` adds 'the' where English needs it before a country's name (:func:`country_phrase`);
    ``conjunction`` joins the last two ('and', 'or'). No serial comma, as in the rest of the book.
    """
    words = [country_phrase(name) if articles else name for name in names]
    if not words:
        raise ValueError("name_list needs at least one name.")
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def period_words(period: str) -> str:
    """A period written 'YYYY-MM/YYYY-MM' as words: '2016-05/2016-09' → 'May to September 2016',
    '2017-06/2020-10' → 'June 2017 to October 2020'."""
    try:
        (y1, m1), (y2, m2) = (tuple(int(part) for part in side.split("-")) for side in period.split("/"))
    except ValueError:
        raise ValueError(f"period_words expects 'YYYY-MM/YYYY-MM', not {period!r}.") from None
    first, last = calendar.month_name[m1], calendar.month_name[m2]
    return f"{first} to {last} {y2}" if y1 == y2 else f"{first} {y1} to {last} {y2}"
