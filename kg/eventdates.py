"""Date a meeting from another report of the same meeting: a corpus-level stage.

Most reports of a famous meeting name no day in their own sentence ("his summit with Kim",
"after meeting Putin"); another article, or another sentence of the same one, often does.
After the actors are settled across the build (:mod:`kg.identity`), this stage gives an
undated asserted meeting the day of a dated one when both are surely the same real event:

- the same canonical participants (the same set of actor IRIs);
- compatible places: the same place, a city and the country it lies in, or one unknown;
- the dated meeting's day falls on or before the undated report's publication date
  (``dip:reportedOn``) and at most :data:`WINDOW_DAYS` days before it: a report published
  shortly after the event;
- the undated one is asserted (never planned nor negated) and names no day of its own; a
  period it does name ("last week", "in June", "2018") must contain the day;
- no competition: the dated meetings that pass these tests, and those up to
  :data:`AHEAD_DAYS` after the report, state one day only; two days (two summits in the
  window, or reports disagreeing on the day) date nothing.

A report with a place and nothing near it in time (an article with no publication day, or
one long after: "after Tuesday's summit with Kim in Singapore", "their Helsinki summit")
takes the one day every dated report of the same participants at that place states, when
the place is a venue abroad, in a known country where none of them holds a post
(:func:`place_day`); at home, where the same two meet again and again, it stays undated.

Only a meeting whose own sentence states its day (its own ``dip:date``) is a source, so
an inferred date never feeds another.  The inference is ``?m dip:date ?day ; dip:dateFrom
?source``, so every such date stays traceable to the sentence that states it; the
triples live in one named graph of their own (:func:`inferred_graph`), recomputed over the
whole store at the end of every build that added articles: a later build dates older
meetings, and a build whose new articles bring a competing date takes an earlier inference
back.  (``kg remove`` does not recompute: a date inferred from a removed article stays until
the next build, and ``kg validate`` reports its ``dip:dateFrom`` as no meeting.)

The window: the day a meeting happens and the next few days bring most of the reports
that speak of it without a date ("their Helsinki meeting", "after the summit"); a longer
window reaches back to more dated meetings of two leaders who meet often, each a competitor
that leaves the report undated, and to the wrongly dated reports of the extractor (a plan
read as a past meeting).  A dated meeting up to :data:`AHEAD_DAYS` days after the report
competes too: the report may be of that coming meeting, its plan read as a fact.  On the
AllSides build, 5 days dated 53 of the well-known leaders' meetings with 2 wrong days (and 3
reports of the second day of a two-day summit dated to its first), 10 days 37 with 1 wrong
(and the same 3), 14 days 41; see ``README.md``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from rdflib import RDF, XSD, Literal, Namespace, URIRef

from kg.rdf import Triples
from kg.vocab import DIP, DIPR

if TYPE_CHECKING:
    import pyoxigraph as ox

    from kg.store import GraphStore

WINDOW_DAYS = 5
"""How many days before a report's publication the dated meeting may lie (see above)."""

AHEAD_DAYS = 3
"""How many days after a report's publication a dated meeting of the same participants
still competes: the report may be of that coming meeting, its plan read as a fact."""


@dataclass(frozen=True)
class MeetingRecord:
    """What the rule needs of one asserted meeting (IRIs as strings)."""

    iri: str
    graph: str
    participants: frozenset[str]
    date: _dt.date | None = None
    reported: _dt.date | None = None
    places: frozenset[str] = frozenset()
    date_text: str | None = None


@dataclass(frozen=True)
class Inference:
    """``meeting`` took place on ``day``, as ``source``'s own sentence states."""

    meeting: str
    day: _dt.date
    source: str


def inferred_graph(base: Namespace = DIPR) -> URIRef:
    """The named graph that holds every inferred date of a store."""
    return base["graph/inferred-dates"]


# -- the rule ---------------------------------------------------------------------------

_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"), 1)}


def _month_before(day: _dt.date) -> tuple[int, int]:
    return (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)


def text_allows(text: str | None, day: _dt.date, reported: _dt.date) -> bool:
    """Whether the date phrase of an undated report (one that named no day) can mean
    ``day``, for an article of ``reported``: no phrase, or a period holding the day.
    Phrases it cannot read ("the day", "weeks later", a bare weekday) allow nothing.

    >>> day, r = _dt.date(2018, 6, 12), _dt.date(2018, 6, 20)
    >>> text_allows(None, day, r), text_allows("last week", day, r), text_allows("June", day, r)
    (True, True, True)
    >>> text_allows("June 2017", day, r), text_allows("this week", day, r)
    (False, False)
    >>> text_allows("the day", day, r), text_allows("Sunday", day, r)
    (False, False)
    """
    if text is None:
        return True
    t = " ".join(re.sub(r"['’]s\b", "", text.lower()).split())
    t = re.sub(r"^(earlier|late|early|later) ", "", t)
    week = day.isocalendar()[:2]
    this_week = reported.isocalendar()[:2]
    last_week = (reported - _dt.timedelta(days=7)).isocalendar()[:2]
    simple = {
        "this week": week == this_week,
        "last week": week == last_week, "this month": (day.year, day.month) == (
            reported.year, reported.month),
        "last month": (day.year, day.month) == _month_before(reported),
        "this year": day.year == reported.year, "last year": day.year == reported.year - 1,
        "recent days": True, "the past week": True, "recent weeks": True,
        "the past few days": True, "a few days ago": True, "just a few days ago": True,
    }
    if t in simple:
        return simple[t]
    m = re.fullmatch(r"(?:(last|this) )?([a-z]+)?(?: (\d{4}))?", t)
    if m is None or not (m[2] or m[3]) or (m[2] and m[2] not in _MONTHS):
        return False
    if m[2] and _MONTHS[m[2]] != day.month:
        return False
    # the day lies within a few days before the report: a month is its month (whatever
    # "last"/"this" say), a year its year
    return not m[3] or int(m[3]) == day.year


def named_month(text: str | None, reported: _dt.date) -> tuple[int, int] | None:
    """The (year, month) a report's month phrase names, read back from its publication day:
    "June" or "last June" is the latest June before the report (this month's own name is
    this month, unless "last" says the one a year before), "June 2018" is that one.

    >>> r = _dt.date(2019, 2, 21)
    >>> named_month("last June", r), named_month("in June", r), named_month("February", r)
    ((2018, 6), (2018, 6), (2019, 2))
    >>> named_month("last February", r), named_month("June 2016", r), named_month("Monday", r)
    ((2018, 2), (2016, 6), None)
    >>> named_month("last month's", r), named_month("earlier this month", r)
    ((2019, 1), (2019, 2))
    """
    if text is None:
        return None
    t = re.sub(r"^(?:earlier|late|early|later) ", "", " ".join(
        re.sub(r"['’]s\b", "", text.lower()).split()))
    if t in {"last month", "this month"}:  # "last month's summit between Moon and Kim"
        return _month_before(reported) if t == "last month" else (reported.year, reported.month)
    m = re.fullmatch(r"(?:in |since |from )?(?:(last|this|early|late|mid-?) ?)?([a-z]+)"
                     r"(?:,? (\d{4}))?", " ".join(text.lower().split()))
    if m is None or m[2] not in _MONTHS:
        return None
    month = _MONTHS[m[2]]
    if m[3]:
        return int(m[3]), month
    if m[1] == "this":
        return (reported.year, month) if month <= reported.month else None
    year = reported.year if month < reported.month or (
        month == reported.month and m[1] != "last") else reported.year - 1
    return year, month


def places_agree(a: frozenset[str], b: frozenset[str], country_of: Mapping[str, str]
                 ) -> bool:
    """Same place, a place and its country, or one of them unknown."""
    if not a or not b or a & b:
        return True
    wide_a = a | {country_of[p] for p in a if p in country_of}
    wide_b = b | {country_of[p] for p in b if p in country_of}
    return bool((a & wide_b) or (b & wide_a))


def infer_dates(meetings: Iterable[MeetingRecord], country_of: Mapping[str, str], *,
                window: int = WINDOW_DAYS, ahead: int = AHEAD_DAYS,
                homes: Mapping[str, frozenset[str]] | None = None) -> list[Inference]:
    """The dates the rule of this module gives the undated ``meetings`` (all asserted),
    sorted by meeting IRI; each names the earliest-reported meeting stating the day.
    ``homes`` gives the countries a participant holds a post in (see :func:`place_day`)."""
    homes = homes or {}
    dated: dict[frozenset[str], list[MeetingRecord]] = defaultdict(list)
    undated: list[MeetingRecord] = []
    unreported: list[MeetingRecord] = []
    for m in meetings:
        if m.date is not None:
            dated[m.participants].append(m)
        elif m.reported is not None:
            undated.append(m)
        elif m.places:
            unreported.append(m)
    out: list[Inference] = []
    for m in unreported:
        if (at := place_day(m, dated.get(m.participants, ()), country_of, homes)) is not None:
            out.append(at)
    for m in undated:
        reported = m.reported
        assert reported is not None
        earliest = reported - _dt.timedelta(days=window)
        latest = reported + _dt.timedelta(days=ahead)
        if (month := named_month(m.date_text, reported)) is not None:
            # "his meeting with Kim in Singapore last June": the one day of that month
            near = [d for d in dated.get(m.participants, ())
                    if d.iri != m.iri and d.date is not None and d.date <= reported
                    and (d.date.year, d.date.month) == month
                    and places_agree(m.places, d.places, country_of)]
            month_days = {d.date for d in near if d.date is not None}
            if len(month_days) == 1:
                (only,) = month_days
                first = min(near, key=lambda d: (d.reported or only, d.iri))
                out.append(Inference(m.iri, only, first.iri))
            continue
        near = [d for d in dated.get(m.participants, ())
                if d.iri != m.iri and d.date is not None and earliest <= d.date <= latest
                and places_agree(m.places, d.places, country_of)]
        days = {d.date for d in near}
        if not days and m.places:
            # nothing near the report: the one day the same participants met at that place
            if (found_at := place_day(m, dated.get(m.participants, ()), country_of, homes)):
                out.append(found_at)
            continue
        if len(days) != 1:
            continue  # none, or competing days: the meeting stays undated
        found = [d for d in near if d.date is not None and d.date <= reported]
        if not found:
            continue  # the one day comes after the report: a report of a plan
        (day,) = days
        if day is None or not text_allows(m.date_text, day, reported):
            continue
        source = min(found, key=lambda d: (d.reported or day, d.iri))
        out.append(Inference(m.iri, day, source.iri))
    return sorted(out, key=lambda i: i.meeting)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def phrase_fits(text: str | None, day: _dt.date, reported: _dt.date | None) -> bool:
    """Whether the date phrase of an undated report can mean ``day``, however long ago:
    no phrase; a weekday of a report with no publication date ("on Tuesday"); a month, a
    year or both; the relative periods :func:`text_allows` reads, when the report has its
    publication day.

    >>> d = _dt.date(2018, 6, 12)
    >>> phrase_fits(None, d, None), phrase_fits("Tuesday", d, None), phrase_fits("Monday", d, None)
    (True, True, False)
    >>> phrase_fits("June 2018", d, None), phrase_fits("2018", d, None)
    (True, True)
    >>> phrase_fits("2017", d, None)
    False
    >>> phrase_fits("last year", d, _dt.date(2019, 2, 1)), phrase_fits("last year", d, None)
    (True, False)
    """
    if text is None:
        return True
    t = " ".join(re.sub(r"['’]s\b", "", text.lower()).split())
    t = re.sub(r"^(?:on |in |late |early |late on |early on )", "", t)
    t = re.sub(r" (?:morning|afternoon|evening|night)$", "", t)
    if t in _WEEKDAYS:
        return reported is None and _WEEKDAYS.index(t) == day.weekday()
    m = re.fullmatch(r"(?:([a-z]+),? )?(\d{4})", t) or re.fullmatch(r"([a-z]+)()", t)
    if m is not None and (not m[1] or m[1] in _MONTHS):
        month_ok = not m[1] or _MONTHS[m[1]] == day.month
        year_ok = not m[2] or int(m[2]) == day.year
        if not m[2] and reported is not None:
            return named_month(t, reported) == (day.year, day.month)
        return month_ok and year_ok
    return reported is not None and text_allows(text, day, reported)


def place_day(m: MeetingRecord, dated: Iterable[MeetingRecord],
              country_of: Mapping[str, str],
              homes: Mapping[str, frozenset[str]] | None = None) -> Inference | None:
    """The day an undated meeting with a known place took place when every dated report of
    the same participants at that place (a place each report names) states one day, and
    the undated report's phrase fits it ("after Tuesday's summit with Kim in Singapore", in
    an article with no publication date; "their Helsinki summit", a year later).  A dated
    report of them there after the undated one's publication leaves it undated: it may be
    a report of that coming meeting.  Two days there (two visits, or a two-day summit)
    date nothing.  Only a place in a known country where none of the participants holds a
    post counts (a summit's venue abroad, not the White House or a capital one of them
    lives in, where the same two meet again and again, and the build may have dated only
    one of those days).

    >>> d = MeetingRecord("d", "g", frozenset("ab"), _dt.date(2018, 6, 12),
    ...                   places=frozenset({"sgp"}))
    >>> u = MeetingRecord("u", "g", frozenset("ab"), places=frozenset({"singapore"}),
    ...                   date_text="Tuesday")
    >>> place_day(u, [d], {"singapore": "sgp", "sgp": "sgp"})
    Inference(meeting='u', day=datetime.date(2018, 6, 12), source='d')
    >>> place_day(u, [d], {"singapore": "sgp", "sgp": "sgp"}, {"a": frozenset({"sgp"})})
    """
    home = frozenset().union(*((homes or {}).get(p, frozenset()) for p in m.participants))
    abroad = {p for p in m.places if country_of.get(p) not in home | {None}}
    if not m.places or abroad != set(m.places):
        return None
    there = [d for d in dated if d.iri != m.iri and d.date is not None and d.places
             and places_agree(m.places, d.places, country_of)]
    if m.reported is not None and any(d.date is not None and d.date > m.reported
                                      for d in there):
        return None
    days = {d.date for d in there}
    if len(days) != 1:
        return None
    (day,) = days
    if day is None or not phrase_fits(m.date_text, day, m.reported):
        return None
    source = min(there, key=lambda d: (d.reported or day, d.iri))
    return Inference(m.iri, day, source.iri)


# -- reading meetings from a store and from a build's graphs ----------------------------

_STORED = """SELECT ?m ?g ?p ?date ?rep ?loc ?text WHERE { GRAPH ?g {
  ?m a dip:Meeting ; dip:status "asserted" ; dip:participant ?p .
  OPTIONAL { ?m dip:date ?date } OPTIONAL { ?m dip:reportedOn ?rep }
  OPTIONAL { ?m dip:location ?loc } OPTIONAL { ?m dip:dateText ?text } }
  FILTER (?g != <%s>) }"""

_COUNTRIES = """SELECT DISTINCT ?p ?c WHERE {
  { ?p dip:inCountry ?c } UNION { ?p a dip:Country BIND (?p AS ?c) } }"""

_HOMES = """SELECT DISTINCT ?p ?c WHERE {
  ?p dip:holdsPost ?post . ?post dip:postIn ?c . ?c a dip:Country }"""


def stored_homes(store: GraphStore) -> dict[str, frozenset[str]]:
    """The countries each person of ``store`` holds a post in (for :func:`place_day`)."""
    homes: dict[str, set[str]] = defaultdict(set)
    for r in store.select(_HOMES):
        homes[str(r[0].value)].add(str(r[1].value))
    return {p: frozenset(c) for p, c in homes.items()}


def graph_homes(triples: Triples) -> dict[str, frozenset[str]]:
    """The countries each person of one article's graph holds a post in."""
    posts: list[tuple[str, str]] = []
    post_in: dict[str, str] = {}
    countries: set[str] = set()
    for s, p, o in triples:
        if p == DIP.holdsPost:
            posts.append((str(s), str(o)))
        elif p == DIP.postIn:
            post_in[str(s)] = str(o)
        elif p == RDF.type and o == DIP.Country:
            countries.add(str(s))
    homes: dict[str, set[str]] = defaultdict(set)
    for person, post in posts:
        if post_in.get(post) in countries:
            homes[person].add(post_in[post])
    return {p: frozenset(c) for p, c in homes.items()}


def _day(value: str | None) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _records(rows: Iterable[tuple[str, str, str, str | None, str | None, str | None,
                                  str | None]]) -> list[MeetingRecord]:
    """Records from (meeting, graph, participant, date, reported, place, text) rows."""
    parts: dict[str, set[str]] = defaultdict(set)
    places: dict[str, set[str]] = defaultdict(set)
    first: dict[str, tuple[str, str | None, str | None, str | None]] = {}
    for m, g, p, date, rep, loc, text in rows:
        parts[m].add(p)
        if loc:
            places[m].add(loc)
        first.setdefault(m, (g, date, rep, text))
    return [MeetingRecord(m, g, frozenset(parts[m]), _day(date), _day(rep),
                          frozenset(places[m]), text)
            for m, (g, date, rep, text) in first.items() if len(parts[m]) >= 2]


def stored_meetings(store: GraphStore, base: Namespace = DIPR
                    ) -> tuple[list[MeetingRecord], dict[str, str]]:
    """The asserted meetings of ``store`` with their own dates (not the inferred ones), and
    the country of each place (a country's is itself)."""
    def v(term: ox.NamedNode | ox.Literal | None) -> str | None:
        return None if term is None else str(term.value)

    rows = store.select(_STORED % inferred_graph(base), union=False)
    records = _records((str(v(r[0])), str(v(r[1])), str(v(r[2])), v(r[3]), v(r[4]), v(r[5]),
                        v(r[6])) for r in rows)
    countries = {str(r[0].value): str(r[1].value) for r in store.select(_COUNTRIES)}
    return records, countries


def graph_meetings(triples: Triples) -> tuple[list[MeetingRecord], dict[str, str]]:
    """The asserted meetings of one article's graph, and the country of each place in it."""
    meetings: set[str] = set()
    asserted: set[str] = set()
    props: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    countries: dict[str, str] = {}
    wanted = {DIP.participant, DIP.date, DIP.reportedOn, DIP.location, DIP.dateText}
    for s, p, o in triples:
        if p == RDF.type and o == DIP.Meeting:
            meetings.add(str(s))
        elif p == DIP.status and str(o) == "asserted":
            asserted.add(str(s))
        elif p == DIP.inCountry:
            countries[str(s)] = str(o)
        elif p == RDF.type and o == DIP.Country:
            countries[str(s)] = str(s)  # a country is its own
        elif p in wanted:
            props[str(s)][str(p)].append(str(o))
    g = str(triples.identifier)
    rows = []
    for m in sorted(meetings & asserted):
        got = props[m]

        def one(p: URIRef, got: dict[str, list[str]] = got) -> str | None:
            return got[str(p)][0] if got[str(p)] else None

        locs: list[str | None] = [*got[str(DIP.location)]] or [None]
        rows += [(m, g, part, one(DIP.date), one(DIP.reportedOn), loc, one(DIP.dateText))
                 for part in got[str(DIP.participant)] for loc in locs]
    return _records(rows), countries


def inference_triples(inferences: Iterable[Inference], base: Namespace = DIPR) -> Triples:
    """The inferred graph: ``?m dip:date ?day ; dip:dateFrom ?source`` for each."""
    g = Triples(inferred_graph(base))
    for i in inferences:
        g.add((URIRef(i.meeting), DIP.date, Literal(i.day, datatype=XSD.date)))
        g.add((URIRef(i.meeting), DIP.dateFrom, URIRef(i.source)))
    return g


# -- the build stage --------------------------------------------------------------------

class _HasTriples(Protocol):
    @property
    def triples(self) -> Triples: ...


R = TypeVar("R", bound=_HasTriples)


def date_meetings(results: Iterable[R], *, store: GraphStore | None,
                  base: Namespace = DIPR, window: int = WINDOW_DAYS) -> Iterator[R]:
    """Pass a build's article results through unchanged, then, once the stream ends, write
    the store's inferred dates (:func:`infer_dates` over the store's meetings and this
    build's) as the store's one inferred-dates graph.

    The store is read before the first result is passed on, so before the build writes
    anything; an article built again replaces its stored meetings.  Without a store the
    stream passes unchanged.
    """
    if store is None:
        yield from results
        return
    stored, countries = stored_meetings(store, base)
    homes: dict[str, set[str]] = defaultdict(set)
    for person, home in stored_homes(store).items():
        homes[person] |= home
    by_graph: dict[str, list[MeetingRecord]] = defaultdict(list)
    for m in stored:
        by_graph[m.graph].append(m)
    had_graph = bool(store.select(
        f"SELECT ?s WHERE {{ GRAPH <{inferred_graph(base)}> {{ ?s ?p ?o }} }} LIMIT 1"))
    for result in results:
        records, places = graph_meetings(result.triples)
        by_graph[str(result.triples.identifier)] = records
        countries.update(places)
        for person, home in graph_homes(result.triples).items():
            homes[person] |= home
        yield result
    found = infer_dates((m for ms in by_graph.values() for m in ms), countries,
                        window=window, homes={p: frozenset(c) for p, c in homes.items()})
    if found or had_graph:
        # written beside the build's own writer thread: this graph shares no triple with
        # an article graph (only undated meetings get a date), so the order is free
        store.put_graph(inference_triples(found, base))
