"""Tests of kg.dates: date phrases as written in news -> one day, or None when unsure."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from spacy.language import Language

from kg.dates import is_date_phrase, names_day, parse_published, resolve_date
from kg.extract import extract
from kg.model import Article

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
    # weekdays: the latest such day on or before the anchor; "last"/"next" skip the anchor
    ("on Saturday", date(2019, 3, 9)),
    ("Monday", date(2019, 3, 11)),
    ("last Tuesday", date(2019, 3, 12)),
    ("Wednesday", WED),
    ("last Wednesday", date(2019, 3, 6)),
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
    ("on Wednesday", WED),
    ("next Wednesday", date(2019, 3, 20)),
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
def test_dates_weekday_is_within_the_week_around_the_anchor(offset: int, weekday: str) -> None:
    anchor = WED + timedelta(days=offset)
    past, future = resolve_date(weekday, anchor), resolve_date(weekday, anchor, future=True)
    last, ahead = resolve_date(f"last {weekday}", anchor), resolve_date(f"next {weekday}", anchor)
    assert past is not None and future is not None and last is not None and ahead is not None
    assert {d.strftime("%A") for d in (past, future, last, ahead)} == {weekday}
    week = timedelta(days=7)
    assert anchor - week < past <= anchor <= future < anchor + week
    assert anchor - week <= last < anchor < ahead <= anchor + week


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


# --- the rules of issue 12, as a table ------------------------------------------------------

PAST, FUTURE = False, True
SINGAPORE = date(2018, 6, 12)
"""A Tuesday: the day of the Singapore summit and of the articles reporting it."""


@pytest.mark.parametrize(("published", "phrase", "future", "expected"), [
    # a weekday in a report of the past: the latest one on or before publication
    (SINGAPORE, "on Tuesday", PAST, SINGAPORE),
    (SINGAPORE, "Tuesday", PAST, SINGAPORE),
    (SINGAPORE, "on Monday", PAST, date(2018, 6, 11)),
    (SINGAPORE, "on Wednesday", PAST, date(2018, 6, 6)),
    (SINGAPORE, "Sunday night", PAST, date(2018, 6, 10)),
    (SINGAPORE, "early Tuesday", PAST, SINGAPORE),
    (SINGAPORE, "earlier Tuesday", PAST, SINGAPORE),
    (SINGAPORE, "later on Tuesday", FUTURE, SINGAPORE),
    (SINGAPORE, "earlier this month", PAST, None),
    (SINGAPORE, "Tuesday at 9 a.m.", PAST, SINGAPORE),
    (SINGAPORE, "on Tuesday at 0900 GMT", PAST, SINGAPORE),
    (SINGAPORE, "last Tuesday", PAST, date(2018, 6, 5)),
    (date(2018, 6, 13), "on Tuesday", PAST, SINGAPORE),
    (date(2018, 1, 1), "on Friday", PAST, date(2017, 12, 29)),  # across the new year
    # a weekday in a planned event: the next one on or after publication (same day counts)
    (date(2019, 3, 14), "on Friday", FUTURE, date(2019, 3, 15)),
    (date(2019, 3, 14), "on Thursday", FUTURE, date(2019, 3, 14)),
    (date(2019, 3, 14), "Wednesday", FUTURE, date(2019, 3, 20)),
    (date(2019, 3, 14), "next Thursday", FUTURE, date(2019, 3, 21)),
    (date(2019, 3, 14), "next Friday", PAST, date(2019, 3, 15)),
    (date(2019, 3, 14), "last Friday", FUTURE, date(2019, 3, 8)),
    (date(2018, 12, 29), "on Tuesday", FUTURE, date(2019, 1, 1)),  # across the new year
    (date(2018, 12, 29), "Monday morning", FUTURE, date(2018, 12, 31)),
    # a month and day without a year: the year that fits the tense
    (date(2018, 5, 20), "June 12", FUTURE, SINGAPORE),
    (date(2018, 5, 20), "June 12", PAST, date(2017, 6, 12)),
    (date(2018, 5, 20), "on June 12 in Singapore", FUTURE, None),
    (date(2018, 5, 20), "12 June", FUTURE, SINGAPORE),
    (date(2018, 5, 20), "May 18", PAST, date(2018, 5, 18)),
    (date(2018, 5, 20), "May 18", FUTURE, date(2018, 5, 18)),  # a week's grace
    (date(2018, 5, 20), "May 1", FUTURE, date(2019, 5, 1)),
    (date(2018, 5, 20), "May 25", PAST, date(2018, 5, 25)),  # a week's grace
    (date(2018, 5, 20), "June 1", PAST, date(2017, 6, 1)),
    (date(2018, 12, 28), "January 3", FUTURE, date(2019, 1, 3)),
    (date(2018, 12, 28), "January 3", PAST, date(2019, 1, 3)),  # grace over the new year
    (date(2018, 12, 28), "January 10", PAST, date(2018, 1, 10)),
    (date(2019, 1, 2), "December 30", PAST, date(2018, 12, 30)),
    (date(2019, 1, 2), "December 30", FUTURE, date(2018, 12, 30)),
    (date(2018, 5, 20), "Tuesday, June 12", FUTURE, SINGAPORE),
    (date(2018, 5, 20), "Monday, June 12", FUTURE, None),  # the weekday disagrees
    (date(2018, 5, 20), "June 12, 2018", PAST, SINGAPORE),
    # days counted from publication, whatever the tense
    (SINGAPORE, "today", FUTURE, SINGAPORE),
    (SINGAPORE, "yesterday", PAST, date(2018, 6, 11)),
    (SINGAPORE, "tomorrow", FUTURE, date(2018, 6, 13)),
    (date(2018, 3, 1), "yesterday", PAST, date(2018, 2, 28)),
    # no single day
    (SINGAPORE, "last week", PAST, None),
    (SINGAPORE, "next week", FUTURE, None),
    (SINGAPORE, "this Tuesday", FUTURE, None),
    (SINGAPORE, "in June", PAST, None),
    (SINGAPORE, "2017", PAST, None),
    (SINGAPORE, "recent months", PAST, None),
    # not dates at all
    (SINGAPORE, "1130 GMT", PAST, None),
    (SINGAPORE, "1130", PAST, None),
    (SINGAPORE, "26-year-old", PAST, None),
    (SINGAPORE, "nearly daily", PAST, None),
    (SINGAPORE, "two hours", FUTURE, None),
    (SINGAPORE, "three days", PAST, None),
])
def test_dates_table(published: date, phrase: str, future: bool, expected: date | None) -> None:
    assert resolve_date(phrase, published, future=future) == expected


@pytest.mark.parametrize("phrase", [
    "on Tuesday", "Tuesday", "June 12", "June 12, 2018", "yesterday", "this morning",
    "Tuesday at 11:30 GMT", "Friday night", "last week", "next month", "2017", "the 1990s",
    "recent months", "the past two weeks", "three days ago", "earlier this month",
    "the weekend", "that day", "Tuesday's", "Christmas",
])
def test_dates_is_date_phrase(phrase: str) -> None:
    assert is_date_phrase(phrase)


@pytest.mark.parametrize("phrase", [
    # frequencies
    "daily", "nearly daily", "weekly", "monthly", "annual", "every year", "each day",
    "twice a week",
    # times of day
    "1130 GMT", "1130", "11:30", "11.30 a.m.", "9 pm", "noon", "midnight", "at noon",
    "the morning", "late at night", "overnight", "11:30 in Bern",
    # ages
    "26-year-old", "70 years old", "aged 70", "in his 70s",
    # durations
    "two hours", "three days", "a week", "48 hours", "several months", "for years",
    "decades", "more than two years", "a two-day", "48-hour", "five-year",
    # numbers and nothing
    "12", "two", "", " , ",
])
def test_dates_is_not_date_phrase(phrase: str) -> None:
    assert not is_date_phrase(phrase)
    assert resolve_date(phrase, SINGAPORE) is None


@pytest.mark.parametrize(("phrase", "expected"), [
    ("on Tuesday", True), ("Tuesday, July 10", True), ("Monday, July 10", True),
    ("July 10, 2018", True), ("yesterday", True), ("February 29", True), ("next Friday", True),
    ("this week", False), ("last month", False), ("2017", False), ("the same day", False),
    ("1130 GMT", False), ("February 30", False),
])
def test_dates_names_day(phrase: str, expected: bool) -> None:
    assert names_day(phrase) is expected


# --- the extractor keeps the meeting clause's date phrase, and only a date phrase ----------

@pytest.mark.parametrize(("text", "expected"), [
    ("Prime Minister Tomas Novak met Foreign Minister Anna Keller in Vienna at 1130 GMT on "
     "Tuesday.", "Tuesday"),
    ("President Omar Haddad met the 26-year-old crown prince Adil Saqr in Doha on Monday.",
     "Monday"),
    ("Chancellor Ruth Adler met President Omar Haddad, 70, in Bern on Wednesday.", "Wednesday"),
    ("Chancellor Ruth Adler met President Omar Haddad in Bern at 1130 GMT.", None),
    ("Chancellor Ruth Adler met President Omar Haddad in Bern for three days.", None),
    ("Chancellor Ruth Adler met the 70-year-old President Omar Haddad in Bern.", None),
    ("Chancellor Ruth Adler has met President Omar Haddad in Bern four times since 2015.", None),
    ("Chancellor Ruth Adler met President Omar Haddad in Bern after the election in March.",
     None),
    ("Chancellor Ruth Adler met President Omar Haddad in Bern last week.", "last week"),
    ("Chancellor Ruth Adler will meet President Omar Haddad in Oslo on June 12.", "June 12"),
    ("On Friday, Chancellor Ruth Adler met President Omar Haddad in Bern.", "Friday"),
    ("Monday's talks between Chancellor Ruth Adler and President Omar Haddad in Bern were "
     "useful.", "Monday"),
    # a phrase that names a day before a vaguer one
    ("Chancellor Ruth Adler met President Omar Haddad in Bern on the same day, July 10, "
     "after the vote.", "July 10"),
    ("Chancellor Ruth Adler met President Omar Haddad in Bern this week, on Tuesday.",
     "Tuesday"),
    # the year of a thing talked about is not the meeting's; the year of its summit is
    ("In a phone call with President Omar Haddad, Chancellor Ruth Adler voiced concern about "
     "leaving the 2015 accord.", None),
    ("Chancellor Ruth Adler met President Omar Haddad at the 2018 summit in Bern.", "2018"),
    ("During the 2012 campaign, Chancellor Ruth Adler hosted a dinner for President Omar "
     "Haddad.", "2012"),
])
def test_dates_extractor_keeps_the_meeting_date(nlp: Language, text: str,
                                                expected: str | None) -> None:
    found = extract(nlp(text), Article("test.txt", text)).meetings
    assert [m.date_text for m in found] == [expected]


def test_dates_a_habit_is_no_meeting_and_so_no_date(nlp: Language) -> None:
    """ "met X nearly daily" is a habit, which the guidelines leave out: no meeting, so its
    "nearly daily" is never taken for a date either."""
    text = "Chancellor Ruth Adler met President Omar Haddad nearly daily in Bern."
    assert extract(nlp(text), Article("test.txt", text)).meetings == ()


def test_dates_a_time_zone_is_no_place(nlp: Language) -> None:
    text = "Prime Minister Tomas Novak met Chancellor Ruth Adler at 1130 GMT on Tuesday."
    found = extract(nlp(text), Article("test.txt", text)).meetings
    assert [(m.location, m.date_text) for m in found] == [(None, "Tuesday")]
