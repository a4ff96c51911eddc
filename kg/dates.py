"""Date phrases as written in news -> :class:`datetime.date`, or ``None`` when unsure.

:func:`resolve_date` reads one phrase ("13 March 2005", "on Saturday", "yesterday",
"January 15 next year") against the article's publication date, the *anchor*, and the
tense of the clause it dates: a report of the past (the default) or, with
``future=True``, a planned event.  Its rules, kept simple so a reader can predict them:

- A date with a year ("13 March 2005", "March 13, 2005", "2005-03-13") is itself; it is
  the only kind that resolves without an anchor.  A weekday written beside it must agree
  ("Sunday, March 13, 2005" was a Sunday), else ``None``.
- A day and month without a year ("13 March", "June 12") take the year that fits the
  tense.  Past: the latest such day no later than a week after the anchor (the week's
  grace keeps "on March 15" in an article of March 10 in the same year).  Future: the
  earliest such day no earlier than a week before the anchor.  So "June 12" in an article
  of May 2018 is 2017-06-12 in a report and 2018-06-12 for a planned summit.
- "January 15 next year" / "last year" / "this year" count the year from the anchor's.
- A bare weekday ("Tuesday", "on Monday", "Friday night").  Past: the latest such day
  *on or before* the anchor; the anchor's own day counts, so "met on Tuesday" in a
  Tuesday article is that Tuesday.  Future: the first such day *on or after* the anchor;
  the anchor's own day counts too, since "will meet on Tuesday" in a Tuesday article means
  later that day (a writer meaning the week after says "next Tuesday").
- "last Tuesday" / "this past Tuesday" are strictly before the anchor (a Tuesday
  article's "last Tuesday" is a week earlier) whatever the tense; "next Monday" /
  "coming Monday" strictly after it; "this Monday" is ambiguous and gives ``None``.
- "today", "tonight", "this morning" -> the anchor; "yesterday", "last night" -> the day
  before; "tomorrow" -> the day after; "three days ago" -> three days before.
- A time of day beside a day is dropped ("Tuesday at 11:30 GMT" is Tuesday).
- Anything that is not one day ("next week", "last week", "in February", "March 2005",
  "recent months", "the 1990s", "the weekend", "March 13-14") gives ``None``, as does an
  impossible date.

:func:`is_date_phrase` tells a date phrase from the other things a named-entity tagger
labels DATE or TIME.  These are *not* dates, give no date, and are not kept as
``dip:dateText`` either: frequencies ("daily", "nearly daily", "weekly", "every year"),
times of day ("1130 GMT", "11:30", "noon", "the morning"), ages ("26-year-old", "70 years
old", "aged 70"), durations ("two hours", "three days", "a two-day", "for years": a
count of units, or a bare plural unit), bare numbers that are not years ("1130"), and
phrases with no date word (a month, weekday, day, week, year, season, holiday, digit...)
once their times of day are taken out ("11:30 in Bern").
Periods and vague dates ("2017", "the 1990s", "recent months", "the past two weeks",
"last week") are date phrases: kept as written, though they resolve to no day.

:func:`parse_published` finds the publication date near the top of an article's text:
a "Published: ..." / "Updated ..." line, a line holding only a date, a byline ending in
a date, or a dateline such as "VIENNA, March 12, 2019 (Agency) -".  It needs a year.
"""

from __future__ import annotations

import datetime as _dt
import re

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")
_WEEKDAY = (r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:rs?(?:day)?)?"
            r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b\.?")
_YEAR = r"(?:1[6-9]\d\d|2\d\d\d)(?!\d)"
_DATE = re.compile(
    rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:"
    rf"(?:the\s+)?(?<!\d)(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m1>{_MONTH})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
    rf")(?:,?\s+(?P<y>{_YEAR}))?"
    rf"|(?<!\d)(?P<iy>{_YEAR})-(?P<im>[01]?\d)-(?P<id>[0-3]?\d)(?!\d)",
    re.IGNORECASE)
"""A day with its month (and maybe a year and weekday), or an ISO ``YYYY-MM-DD`` date."""

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_NAMES = frozenset({"january", "february", "march", "april", "may", "june", "july",
                         "august", "september", "october", "november", "december", "jan.",
                         "feb.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec."})
"""Month names as written before a day, lower case ("July 25", "Sept. 4")."""
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_OFFSETS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
            "this evening": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
            "the day before yesterday": -2, "the day after tomorrow": 2}
_PAST = {"last": True, "past": True, "this past": True,
         "next": False, "coming": False, "this coming": False}
_GRACE = _dt.timedelta(days=7)

_ZONE = (r"(?:\s*(?:gmt|utc|z|[ecmp][sd]t|bst|cet|cest|msk|ist|jst|local(?:\s+time)?|hrs"
         r"|hours|h)\b\.?)")
_TIME = re.compile(
    r"(?:,?\s*\b(?:at|around|about|by|shortly\s+after|just\s+after|just\s+before)\s+)?"
    r"(?:\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\b\.?)?|\b\d{1,2}\s*[ap]\.?m\b\.?"
    rf"|\b\d{{3,4}}{_ZONE}|\b(?:noon|midnight|midday|mid-day))(?:{_ZONE})?",
    re.IGNORECASE)
"""A time of day ("11:30", "1130 GMT", "9 a.m.", "noon"), maybe after "at"."""

_COUNT = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
          r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|few"
          r"|a\s+few|many|some|couple\s+of|a\s+couple\s+of|half\s+an?|\d+(?:\.\d+)?"
          r"|[a-z]+-[a-z]+)")
_UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centur(?:y|ies))"
_NOT_DATE = re.compile("|".join((
    # frequencies: "daily", "nearly daily", "every year", "twice a week"
    r"(?:(?:nearly|almost|virtually|practically|roughly|more\s+or\s+less)\s+)?(?:daily"
    r"|nightly|(?:bi)?weekly|fortnightly|(?:bi)?monthly|quarterly|yearly|annually"
    r"|(?:bi|semi-?)?annual|hourly|everyday|every\s+day|day-to-day|day\s+to\s+day)",
    r"(?:every|each)\b.*",
    r"(?:once|twice|thrice|\w+\s+times)\s+(?:a|an|per|every|each)\s+\w+",
    # times of day without a day: "the morning", "late at night", "overnight"
    r"(?:(?:early|late|later|earlier)\s+)?(?:(?:in|on|at)\s+)?(?:the\s+|that\s+)?"
    r"(?:morning|afternoon|evening|night|dawn|dusk|daytime|nighttime)",
    r"overnight|(?:earlier|later)\s+(?:in\s+the\s+day|that\s+day)",
    # ages: "26-year-old", "70 years old", "aged 70", "in his 70s"
    r".*\b[\w-]+[- ]years?[- ]olds?\b.*",
    r"(?:aged?|at\s+age)\s+\d+.*|\d+\s+years?\s+of\s+age",
    r"(?:in\s+)?(?:his|her|their)\s+(?:early\s+|mid-?|late\s+)?(?:\d0s|\w+ties)",
    # durations: "two hours", "three days", "for years", "a two-day", "48-hour"
    r"(?:(?:about|around|nearly|almost|roughly|some|just|only|more\s+than|less\s+than"
    r"|fewer\s+than|over|under|at\s+least|up\s+to|another|an\s+additional|a\s+further"
    r"|a\s+full|the\s+full|for|within|the\s+better\s+part\s+of)\s+)*"
    rf"(?:{_COUNT}\s+)?(?:(?:and\s+a\s+half|full|long|straight|consecutive)\s+)?{_UNIT}"
    r"(?:\s+(?:and\s+a\s+half|long|straight|running|in\s+a\s+row))?",
    r"(?:an?\s+|the\s+)?(?:\d+|[a-z]+)(?:-and-a-half)?-(?:second|minute|hour|day|night|week"
    r"|month|year|decade)s?(?:-long)?",
    # numbers that are no year: "1130", "12", "two"
    r"(?!(?:1[6-9]\d\d|2\d\d\d)$)\d+(?:\.\d+)?",
    r"(?:a\s+)?(?:few|couple|several|many|one|two|three|four|five|six|seven|eight|nine|ten)",
)), re.IGNORECASE)
"""A phrase the tagger calls DATE or TIME that names no date (matched in full)."""


_DATE_WORD = re.compile(
    rf"\d|\b(?:{_MONTH}|{_WEEKDAY}|today|tonight|yesterday|tomorrow|morning|afternoon"
    r"|evening|night|days?|weeks?|weekends?|months?|years?|decades?|century|centuries|ago"
    r"|spring|summer|autumn|fall|winter|christmas|easter|ramadan|eid|thanksgiving"
    r"|hanukkah|passover|diwali|nowruz|holidays?)\b", re.IGNORECASE)
"""A word (or digit) without which a phrase is no date ("11:30 in Bern" minus its time)."""


def _strip_time(text: str) -> str:
    """``text`` without its times of day ("Tuesday at 11:30 GMT" -> "Tuesday")."""
    return " ".join(_TIME.sub(" ", text).split()).strip(" ,")


def _normal(phrase: str) -> str:
    return " ".join(phrase.replace("’", "'").lower().split()).strip(" .,;:!?\"'()")


def is_date_phrase(phrase: str) -> bool:
    """Whether a phrase tagged DATE or TIME is a date at all (see the module's rules).

    A date phrase may still name no single day ("last week", "2017"): it is kept as
    written, and :func:`resolve_date` gives ``None``.  Frequencies, times of day, ages,
    durations and bare numbers are not date phrases.

    Parameters
    ----------
    phrase : str
        The phrase as written.

    Returns
    -------
    bool
        ``False`` for a phrase that is no date, ``True`` otherwise.

    Examples
    --------
    >>> [is_date_phrase(p) for p in ("on Tuesday", "last week", "2017", "the 1990s")]
    [True, True, True, True]
    >>> [is_date_phrase(p) for p in ("nearly daily", "1130 GMT", "26-year-old", "two hours")]
    [False, False, False, False]
    """
    s = _strip_time(_normal(phrase))
    s = _normal(re.sub(r"'s$", "", s))
    return _DATE_WORD.search(s) is not None and _NOT_DATE.fullmatch(s) is None


def _weekday(word: str) -> int:
    return _WEEKDAYS.index(word[:3].lower())


def _month(word: str) -> int:
    return _MONTHS.index(word[:3].lower()) + 1


def _day(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _clean(phrase: str) -> str:
    s = _normal(_strip_time(_normal(phrase)))
    s = re.sub(r"'s$", "", s)
    if s not in _OFFSETS:  # "late on Friday night" is Friday; "last night" stays
        s = re.sub(r"^(?:(?:early|earlier|late|later|on)\s+)+", "", s)
        s = re.sub(r"\s+(?:morning|afternoon|evening|night)$", "", s)
    return s


def _nearest(month: int, day: int, anchor: _dt.date, future: bool) -> _dt.date | None:
    """The year-less ``day month`` nearest the anchor in the direction the text looks."""
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    days = [d for d in (_day(y, month, day) for y in years) if d is not None]
    if future:
        return next((d for d in days if d >= anchor - _GRACE), None)
    return next((d for d in reversed(days) if d <= anchor + _GRACE), None)


def _from_match(m: re.Match[str], anchor: _dt.date | None, *, year_shift: int | None,
                future: bool) -> _dt.date | None:
    """The date a :data:`_DATE` match names, or ``None`` when it needs an absent anchor."""
    if m["iy"]:
        return _day(int(m["iy"]), int(m["im"]), int(m["id"]))
    month = _month(m["m1"] or m["m2"])
    day = int(m["d1"] or m["d2"])
    if m["y"]:
        if year_shift is not None:
            return None  # "13 March 2005 next year" contradicts itself
        found = _day(int(m["y"]), month, day)
    elif anchor is None:
        return None
    elif year_shift is not None:
        found = _day(anchor.year + year_shift, month, day)
    else:
        found = _nearest(month, day, anchor, future)
    if found is not None and m["wd"] and found.weekday() != _weekday(m["wd"]):
        return None
    return found


def resolve_date(phrase: str, anchor: _dt.date | None, *,
                 future: bool = False) -> _dt.date | None:
    """The one day a date phrase names, read against the article's date; ``None`` if unsure.

    Parameters
    ----------
    phrase : str
        The phrase as written ("on Saturday", "13 March", "March 13, 2005").
    anchor : datetime.date or None
        The article's date.  Without it only phrases that carry a year resolve.
    future : bool
        Read bare weekdays and year-less dates forward from the anchor (for a planned
        event); by default they are read backward, as reports of the past.  Either way
        a bare weekday may be the anchor's own day.

    Returns
    -------
    datetime.date or None
        The day, or ``None`` for a phrase that names no single day or cannot be placed.

    Examples
    --------
    >>> from datetime import date
    >>> anchor = date(2019, 3, 13)  # a Wednesday
    >>> resolve_date("December 6 1975", None)
    datetime.date(1975, 12, 6)
    >>> resolve_date("on Saturday", anchor)
    datetime.date(2019, 3, 9)
    >>> resolve_date("on Wednesday", anchor), resolve_date("Friday", anchor, future=True)
    (datetime.date(2019, 3, 13), datetime.date(2019, 3, 15))
    >>> resolve_date("June 12", date(2018, 5, 20), future=True)
    datetime.date(2018, 6, 12)
    >>> resolve_date("next Monday", anchor)
    datetime.date(2019, 3, 18)
    >>> resolve_date("yesterday", anchor)
    datetime.date(2019, 3, 12)
    >>> resolve_date("January 15 next year", anchor)
    datetime.date(2020, 1, 15)
    >>> resolve_date("30 December", date(2019, 1, 3))
    datetime.date(2018, 12, 30)
    >>> resolve_date("in February", anchor) is None
    True
    >>> resolve_date("yesterday", date(1, 1, 1)) is None  # no day before year 1
    True
    """
    try:
        return _resolve_date(phrase, anchor, future=future)
    except OverflowError:  # the day would fall before year 1 or after year 9999
        return None


def told_from_speaker(phrase: str) -> bool:
    """Whether ``phrase`` counts days from the day it is spoken ("yesterday", "this
    morning", "earlier today", "three days ago"): inside a quotation, that is the day of
    the saying, not the article's (:mod:`kg.extract`).

    >>> [told_from_speaker(p) for p in ("Yesterday", "earlier today", "last night",
    ...                                  "two days ago", "on Sunday", "June 12")]
    [True, True, True, True, False, False]
    """
    s = _clean(phrase)
    return s in _OFFSETS or re.fullmatch(r"(?:\d{1,2}|[a-z]+) days? ago", s) is not None


def _resolve_date(phrase: str, anchor: _dt.date | None, *, future: bool) -> _dt.date | None:
    s = _clean(phrase)
    year_shift: int | None = None
    shifted = re.fullmatch(r"(.*\S)\s+(?:of\s+)?(next|last|this)\s+year", s)
    if shifted:
        s, year_shift = shifted[1], {"next": 1, "last": -1, "this": 0}[shifted[2]]
    m = _DATE.fullmatch(s)
    if m:
        return _from_match(m, anchor, year_shift=year_shift, future=future)
    if anchor is None or year_shift is not None:
        return None
    if s in _OFFSETS:
        return anchor + _dt.timedelta(days=_OFFSETS[s])
    ago = re.fullmatch(r"(\d{1,2}|[a-z]+) days? ago", s)
    if ago:
        n = int(ago[1]) if ago[1].isdigit() else _NUMBERS.get(ago[1])
        return anchor - _dt.timedelta(days=n) if n else None
    wd = re.fullmatch(rf"(?:(last|past|this past|next|coming|this coming)\s+)?({_WEEKDAY})", s)
    if not wd:
        return None
    target = _weekday(wd[2])
    strict = 7 if wd[1] else 0  # "last/next Tuesday" skips the anchor; "Tuesday" may be it
    if _PAST[wd[1]] if wd[1] else not future:
        return anchor - _dt.timedelta(days=(anchor.weekday() - target) % 7 or strict)
    return anchor + _dt.timedelta(days=(target - anchor.weekday()) % 7 or strict)


_PROBES = tuple(_dt.date(year, 7, 1) for year in range(2001, 2012))
"""Anchors whose years give every weekday to every day of the year (for :func:`names_day`)."""


def names_day(phrase: str) -> bool:
    """Whether the phrase names one day, given some publication date ("on Tuesday", "July
    10", "yesterday"; not "last week" or "2017").

    Examples
    --------
    >>> [names_day(p) for p in ("on Tuesday", "Tuesday, July 10", "this week", "2017")]
    [True, True, False, False]
    """
    return any(resolve_date(phrase, probe, future=future) is not None
               for probe in _PROBES for future in (False, True))


_KEYWORD = re.compile(r"(?:first\s+|last\s+|originally\s+)?(?P<kw>published|posted|updated"
                      r"|date|dated)\b", re.IGNORECASE)
_BYLINE = re.compile(r"by\s", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*(?:[|•·,]|\s[-–—])\s*")
_DATELINE = re.compile(r"[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,40})?,\s*")
_AFTER_DATELINE = re.compile(r"\s*(?:\([^()\n]{1,40}\))?\s*[-–—]")
_TIME_TAIL = re.compile(r"[\s,|•·–—-]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}\b.*|T\d{2}:\d{2}.*)?",
                        re.IGNORECASE)
_TOP_LINES = 8


def _dated(line: str, start: int, *, search: bool = False
           ) -> tuple[_dt.date | None, str]:
    """A date with a year at (or with ``search``, after) ``line[start:]``, and the rest."""
    m = _DATE.search(line, start) if search else _DATE.match(line, start)
    if m is None or not (m["y"] or m["iy"]):
        return None, ""
    return _from_match(m, None, year_shift=None, future=False), line[m.end():]


def _line_date(line: str) -> _dt.date | None:
    """The date a non-keyword top line states: alone, after a byline, or in a dateline."""
    found, rest = _dated(line, 0)
    if found and _TIME_TAIL.fullmatch(rest):
        return found
    if _BYLINE.match(line):
        for sep in _SEPARATOR.finditer(line):
            found, rest = _dated(line, sep.end())
            if found and _TIME_TAIL.fullmatch(rest):
                return found
    place = _DATELINE.match(line)
    if place:
        found, rest = _dated(line, place.end())
        if found and _AFTER_DATELINE.match(rest):
            return found
    return None


def parse_published(text: str) -> _dt.date | None:
    """The publication date stated near the top of an article, or ``None``.

    Looks at the first few non-blank lines for a "Published"/"Posted"/"Date" line (an
    "Updated" line only when there is no such line), a line holding only a date (and
    maybe a time), a byline "By ... | <date>", or a dateline "PLACE, <date> (Agency) -".
    The date must carry a year; a date in running text is never taken.

    Parameters
    ----------
    text : str
        The article text.

    Returns
    -------
    datetime.date or None
        The date, or ``None`` when the top of the text states none with a year.

    Examples
    --------
    >>> parse_published("Talks resume\\n\\nPublished: 12 March 2019\\n\\nThe envoys met.")
    datetime.date(2019, 3, 12)
    >>> parse_published("VIENNA, March 12, 2019 (Agency) - The envoys met.")
    datetime.date(2019, 3, 12)
    >>> parse_published("VIENNA, March 12 (Agency) - The envoys met.") is None
    True
    """
    updated: _dt.date | None = None
    lines = [ln.strip() for ln in text[:4000].splitlines() if ln.strip()][:_TOP_LINES]
    for line in lines:
        kw = _KEYWORD.match(line)
        if kw:
            found, _ = _dated(line, kw.end(), search=True)
            if found and kw["kw"].lower() != "updated":
                return found
            updated = updated or found
            continue
        found = _line_date(line)
        if found:
            return found
    return updated
