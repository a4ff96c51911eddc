"""Counts as written in news: "eight", "at least 12", "2,500", "twenty-one", "dozens"."""

from __future__ import annotations

import re

from spacy.tokens import Token

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}


def words_to_int(text: str) -> int | None:
    """Parse a cardinal written in digits or English words.

    >>> words_to_int("eight"), words_to_int("2,500"), words_to_int("twenty-one")
    (8, 2500, 21)
    >>> words_to_int("two hundred and five"), words_to_int("dozens") is None
    (205, True)
    """
    text = text.strip().lower().replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+(\.\d+)?\s*(million|thousand)", text):
        num, scale = text.split()
        return int(float(num) * _SCALES[scale])
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", text):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_count(token: Token) -> int | None:
    """The number a numeric token (and its compound number words) states."""
    words = [t for t in token.subtree if t.like_num or t.lower_ in {"and", "-"} | set(_SCALES)]
    words = [t for t in words if t.i <= token.i]
    text = " ".join(t.text for t in sorted(words, key=lambda t: t.i)) or token.text
    value = words_to_int(text)
    return value if value is not None else words_to_int(token.text)
