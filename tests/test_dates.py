"""Tests of kg.dates: date phrases as written in news -> one day, or None when unsure."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kg.dates import parse_published, resolve_date

WED = date(2019, 3, 13)
"""The anchor of most cases: an article published on Wednesday 13 March 2019."""


@pytest.mark.parametrize(("phrase", "expected"), [
    # absolute
    ("13 March 2005", date(2005, 3, 13)),
    ("March 13, 2005", date(2005, 3, 13)),
    ("2005-03-13", date(2005, 3, 13)),
    ("December 6 1975", date(1975, 12, 6)),
    ("on 13th March 2005", date(2005, 3, 13)),
    ("the 11th of September 2001", date(2001, 9, 11)),
    ("Sept. 11, 2001", date(2001, 9, 11)),
    ("Sunday, March 13, 2005", date(2005, 3, 13)),
    ("Feb. 29, 2020", date(2020, 2, 29)),
    # day and month: the latest such day no later than a week after the anchor
    ("13 March", date(2019, 3, 13)),
    ("January 15", date(2019, 1, 15)),
    ("March 13th", date(2019, 3, 13)),
    ("20 March", date(2019, 3, 20)),
    ("21 March", date(2018, 3, 21)),
    ("Tuesday, March 12", date(2019, 3, 12)),
    ("January 15 next year", date(2020, 1, 15)),
    ("13 March last year", date(2018, 3, 13)),
    ("July 4 this year", date(2019, 7, 4)),
    # weekdays: the latest such day before the anchor; "next" looks forward
    ("on Saturday", date(2019, 3, 9)),
    ("Monday", date(2019, 3, 11)),
    ("last Tuesday", date(2019, 3, 12)),
    ("Wednesday", date(2019, 3, 6)),
    ("last Friday", date(2019, 3, 8)),
    ("Tuesday's", date(2019, 3, 12)),
    ("late on Friday night", date(2019, 3, 8)),
    ("Sat.", date(2019, 3, 9)),
    ("next Monday", date(2019, 3, 18)),
    ("next Wednesday", date(2019, 3, 20)),
    # days counted from the anchor
    ("today", WED),
    ("tonight", WED),
    ("this morning", WED),
    ("yesterday", date(2019, 3, 12)),
    ("yesterday afternoon", date(2019, 3, 12)),
    ("last night", date(2019, 3, 12)),
    ("tomorrow", date(2019, 3, 14)),
    ("the day before yesterday", date(2019, 3, 11)),
    ("three days ago", date(2019, 3, 10)),
    ("2 days ago", date(2019, 3, 11)),
    # not one day, contradictory or impossible: None
    ("next week", None),
    ("last week", None),
    ("in February", None),
    ("February", None),
    ("recent months", None),
    ("March 2005", None),
    ("2005", None),
    ("this year", None),
    ("earlier this month", None),
    ("mid-March", None),
    ("the weekend", None),
    ("the 13th", None),
    ("March 13-14", None),
    ("this Friday", None),
    ("a few days ago", None),
    ("Monday, March 13, 2005", None),
    ("2005-02-30", None),
    ("February 29", None),
    ("13 March 2005 next year", None),
    ("Saturday next year", None),
    ("", None),
])
def test_dates_resolve_against_anchor(phrase: str, expected: date | None) -> None:
    assert resolve_date(phrase, WED) == expected


@pytest.mark.parametrize(("phrase", "expected"), [
    ("13 March 2005", date(2005, 3, 13)),
    ("2005-03-13", date(2005, 3, 13)),
    ("13 March", None),
    ("Saturday", None),
    ("yesterday", None),
    ("January 15 next year", None),
])
def test_dates_without_anchor_only_absolute(phrase: str, expected: date | None) -> None:
    assert resolve_date(phrase, None) == expected


@pytest.mark.parametrize(("phrase", "expected"), [
    ("Monday", date(2019, 3, 18)),
    ("on Wednesday", date(2019, 3, 20)),
    ("last Monday", date(2019, 3, 11)),
    ("January 15", date(2020, 1, 15)),
    ("7 March", date(2019, 3, 7)),
    ("5 March", date(2020, 3, 5)),
    ("February 29", date(2020, 2, 29)),
    ("13 March 2005", date(2005, 3, 13)),
])
def test_dates_future_looks_forward(phrase: str, expected: date | None) -> None:
    assert resolve_date(phrase, WED, future=True) == expected


@pytest.mark.parametrize("offset", range(7))
@pytest.mark.parametrize("weekday", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                     "Saturday", "Sunday"])
def test_dates_weekday_is_within_the_week_before(offset: int, weekday: str) -> None:
    anchor = WED + timedelta(days=offset)
    past = resolve_date(weekday, anchor)
    ahead = resolve_date(f"next {weekday}", anchor)
    assert past is not None and ahead is not None
    assert past.strftime("%A") == weekday == ahead.strftime("%A")
    assert anchor - timedelta(days=7) <= past < anchor < ahead <= anchor + timedelta(days=7)


def test_dates_year_less_date_crosses_new_year() -> None:
    assert resolve_date("30 December", date(2019, 1, 3)) == date(2018, 12, 30)
    assert resolve_date("2 January", date(2018, 12, 28)) == date(2019, 1, 2)


@pytest.mark.parametrize(("text", "expected"), [
    ("Talks resume\n\nPublished: 12 March 2019\n\nThe envoys met.", date(2019, 3, 12)),
    ("Talks resume\nPublished on March 12, 2019 at 9:30 a.m.\nThe envoys met.",
     date(2019, 3, 12)),
    ("Talks resume\nFirst published 09:30 GMT, 12 March 2019\nThe envoys met.",
     date(2019, 3, 12)),
    ("Talks resume\nUpdated 2019-03-14\nPublished: 2019-03-12\n", date(2019, 3, 12)),
    ("Talks resume\nUpdated 2019-03-14\nThe envoys met.", date(2019, 3, 14)),
    ("Talks resume\n\n2019-03-12T09:30:00Z\n\nThe envoys met.", date(2019, 3, 12)),
    ("By Rosa Tamm, Staff Writer | Tuesday, March 12, 2019\n\nThe envoys met.",
     date(2019, 3, 12)),
    ("OSLO, March 12, 2019 (Example News) - The envoys met.", date(2019, 3, 12)),
    ("ST. HELIER, Jersey, 12 March 2019 — The envoys met.", date(2019, 3, 12)),
    ("OSLO, March 12 (Example News) - The envoys met.", None),
    ("Talks resume\n\nThe envoys met on March 12, 2019 in Oslo.", None),
    ("Talks resume\n\nMarch 12, 2019: the day the talks failed\n", None),
    ("Talks resume\n\nDate: Sunday, March 12, 2019\n", None),
    ("Talks resume\n\nPublished: March 2019\n", None),
    ("Talks resume\n" + "The envoys met.\n" * 10 + "Published: 12 March 2019\n", None),
    ("", None),
])
def test_dates_parse_published(text: str, expected: date | None) -> None:
    assert parse_published(text) == expected
