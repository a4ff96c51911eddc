"""Meetings dated from another report of the same meeting (kg.eventdates), built through
the real pipeline from articles of our own."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from spacy.language import Language

import kg
from kg.eventdates import (
    AHEAD_DAYS,
    WINDOW_DAYS,
    MeetingRecord,
    infer_dates,
    inferred_graph,
    places_agree,
    text_allows,
)
from kg.query import canned_queries

# 2018-03-06 is a Tuesday: "on Monday" is 2018-03-05
DATED = {"id": "dated", "date": "2018-03-06", "text": (
    "German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on "
    "Monday.\n\nThe two leaders discussed trade.")}
UNDATED = {"id": "undated", "date": "2018-03-09", "text": (
    "French President Emmanuel Macron said on Friday that his talks with German Chancellor "
    "Angela Merkel had been productive.\n\nHe gave no details.")}
OTHER_DAY = {"id": "other-day", "date": "2018-03-08", "text": (
    "German Chancellor Angela Merkel met French President Emmanuel Macron on "
    "Wednesday.\n\nThey spoke about Russia.")}
PLANNED = {"id": "planned", "date": "2018-03-09", "text": (
    "Angela Merkel will meet Emmanuel Macron again soon.\n\nNo date was given.")}
ELSEWHERE = {"id": "elsewhere", "date": "2018-03-09", "text": (
    "German Chancellor Angela Merkel met with French President Emmanuel Macron in Berlin, "
    "officials said.\n\nNothing was agreed.")}
LATE = {"id": "late", "date": "2018-04-20", "text": (
    "German Chancellor Angela Merkel met with French President Emmanuel Macron, officials "
    "said.\n\nNothing was agreed.")}

ROWS = """SELECT ?id ?status ?date ?text ?from WHERE {
  ?m a dip:Meeting ; dip:status ?status ; prov:wasDerivedFrom/dip:sourcePath ?src .
  BIND (STRAFTER(?src, "#") AS ?id)
  OPTIONAL { ?m dip:date ?date } OPTIONAL { ?m dip:dateText ?text }
  OPTIONAL { ?m dip:dateFrom/prov:wasDerivedFrom/dip:sourcePath ?fsrc }
  BIND (STRAFTER(?fsrc, "#") AS ?from) } ORDER BY ?id"""


def write(path: Path, *records: dict[str, str]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def meetings(graph: kg.KnowledgeGraph) -> dict[str, tuple[str, str | None, str | None]]:
    """(status, date, the article the date comes from) of each article's one meeting."""
    out: dict[str, tuple[str, str | None, str | None]] = {}
    for id_, status, date, _, source in graph.table(ROWS).rows:
        assert id_ not in out, f"article {id_} gave two meetings"
        out[str(id_)] = (str(status), None if date is None else str(date),
                         None if source is None else str(source))
    return out


def test_eventdates_a_later_undated_report_takes_the_reported_day(nlp: Language,
                                                                  tmp_path: Path) -> None:
    src = write(tmp_path / "wire.jsonl", DATED, UNDATED)
    with kg.build([src], nlp=nlp, store=tmp_path / "store", validate=True) as graph:
        got = meetings(graph)
        assert got == {"dated": ("asserted", "2018-03-05", None),
                       "undated": ("asserted", "2018-03-05", "dated")}
        # the source's own sentence states the day; the inferred one states none
        rows = {r[0]: r[3] for r in graph.table(ROWS).rows}
        assert str(rows["dated"]) == "Monday" and rows["undated"] is None
        assert graph.validation is not None and graph.validation.conforms
        # the inference is in a graph of its own, not in either article's
        quads = graph.store.select(
            "SELECT ?m ?d WHERE { GRAPH ?g { ?m dip:dateFrom ?x ; dip:date ?d } }",
            union=False)
        assert len(quads) == 1
        named = graph.store.select(
            f"SELECT ?m WHERE {{ GRAPH <{inferred_graph()}> {{ ?m dip:dateFrom ?x }} }}")
        assert len(named) == 1
        # the canned questions show it as a day like any other
        q = canned_queries()["timeline"]
        table = graph.table(q.sparql, **q.bindings(["Emmanuel Macron"]))
        kind, date = table.columns.index("kind"), table.columns.index("date")
        assert [r[date] for r in table.rows if r[kind] == "Meeting"] == ["2018-03-05"] * 2


def test_eventdates_dates_a_later_sentence_of_the_same_article(nlp: Language,
                                                                tmp_path: Path) -> None:
    filler = "\n\n".join(f"Paragraph {i} is about the exports of Spain." for i in range(12))
    text = ("German Chancellor Angela Merkel met French President Emmanuel Macron in Paris "
            f"on Monday.\n\n{filler}\n\nMacron later said his talks with Merkel had been "
            "productive.\n")
    src = write(tmp_path / "wire.jsonl", {"id": "one", "date": "2018-03-06", "text": text})
    with kg.build([src], nlp=nlp) as graph:
        rows = sorted((str(r[2]), r[3] is None, r[4] is None) for r in graph.table(ROWS).rows)
    # two meetings of one article (too far apart to be merged): the second takes the day
    # of the first, and names the first as the source (same article, so ?from is "one")
    assert rows == [("2018-03-05", False, True), ("2018-03-05", True, False)]


def test_eventdates_a_venue_abroad_dates_a_report_of_no_date(nlp: Language,
                                                             tmp_path: Path) -> None:
    # 2018-03-06 is a Tuesday: "on Monday" is 2018-03-05
    abroad = {"id": "abroad", "date": "2018-03-06", "text": (
        "German Chancellor Angela Merkel met French President Emmanuel Macron in Brussels on "
        "Monday.\n\nThe two leaders discussed trade.")}
    # an article with no publication date, and one published long after at home in Paris
    no_date = {"id": "no-date", "date": None, "text": (
        "German Chancellor Angela Merkel spoke after Monday's talks with French President "
        "Emmanuel Macron in Brussels.\n\nShe gave no details.")}
    at_home = {"id": "at-home", "date": "2018-03-06", "text": (
        "German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on "
        "Monday.\n\nThe two leaders discussed trade.")}
    months_on = {"id": "months-on", "date": "2018-09-10", "text": (
        "German Chancellor Angela Merkel recalled her talks with French President Emmanuel "
        "Macron in Paris.\n\nShe gave no details.")}
    src = write(tmp_path / "wire.jsonl", abroad, no_date, at_home, months_on)
    with kg.build([src], nlp=nlp, store=tmp_path / "store", validate=True) as graph:
        got = meetings(graph)
        assert graph.validation is not None and graph.validation.conforms
    assert got["no-date"] == ("asserted", "2018-03-05", "abroad")
    assert got["months-on"] == ("asserted", None, None)  # Paris: Macron's own country


@pytest.mark.parametrize(("other", "why"), [
    (OTHER_DAY, "two dated meetings of the pair in the window: ambiguous"),
    (ELSEWHERE, "an undated report placed elsewhere (Berlin, not Paris)"),
    (LATE, f"a report more than {WINDOW_DAYS} days after the dated meeting"),
])
def test_eventdates_leaves_undated_what_may_be_another_meeting(
        nlp: Language, tmp_path: Path, other: dict[str, str], why: str) -> None:
    records = [DATED, other] + ([UNDATED] if other is OTHER_DAY else [])
    src = write(tmp_path / "wire.jsonl", *records)
    with kg.build([src], nlp=nlp) as graph:
        got = meetings(graph)
    undated = "undated" if other is OTHER_DAY else str(other["id"])
    assert got[undated] == ("asserted", None, None), why
    assert got["dated"] == ("asserted", "2018-03-05", None)


def test_eventdates_never_dates_a_planned_meeting(nlp: Language, tmp_path: Path) -> None:
    src = write(tmp_path / "wire.jsonl", DATED, PLANNED)
    with kg.build([src], nlp=nlp) as graph:
        got = meetings(graph)
    assert got["planned"] == ("planned", None, None)


@pytest.mark.parametrize("order", [("dated", "undated"), ("undated", "dated")])
def test_eventdates_incremental_builds_either_order(nlp: Language, tmp_path: Path,
                                                    order: tuple[str, str]) -> None:
    by_id = {"dated": DATED, "undated": UNDATED}
    store = tmp_path / "store"
    first = write(tmp_path / "first.jsonl", by_id[order[0]])
    with kg.build([first], nlp=nlp, store=store) as graph:
        assert all(date is None or id_ == "dated"
                   for id_, (_, date, _) in meetings(graph).items())
    second = write(tmp_path / "second.jsonl", by_id[order[1]])
    with kg.build([second], nlp=nlp, store=store, validate=True) as graph:
        got = meetings(graph)
        assert got == {"dated": ("asserted", "2018-03-05", None),
                       "undated": ("asserted", "2018-03-05", "dated")}
        assert graph.validation is not None and graph.validation.conforms


def test_eventdates_a_later_build_takes_back_an_ambiguous_date(nlp: Language,
                                                               tmp_path: Path) -> None:
    store = tmp_path / "store"
    with kg.build([write(tmp_path / "a.jsonl", DATED, UNDATED)], nlp=nlp, store=store) as g:
        assert meetings(g)["undated"] == ("asserted", "2018-03-05", "dated")
    with kg.build([write(tmp_path / "b.jsonl", OTHER_DAY)], nlp=nlp, store=store) as g:
        got = meetings(g)
        assert got["undated"] == ("asserted", None, None)
        assert got["other-day"] == ("asserted", "2018-03-07", None)
        assert not g.store.select("SELECT ?m WHERE { ?m dip:dateFrom ?x }")


# -- the rule on its own -----------------------------------------------------------------

def rec(iri: str, parts: str, *, date: str | None = None, reported: str | None = None,
        places: str = "", text: str | None = None) -> MeetingRecord:
    return MeetingRecord(iri, "g", frozenset(parts.split()),
                         dt.date.fromisoformat(date) if date else None,
                         dt.date.fromisoformat(reported) if reported else None,
                         frozenset(places.split()), text)


REPORT = dt.date(2018, 6, 13)
LAST = dt.date(2018, 6, 12) + dt.timedelta(days=WINDOW_DAYS)
AFTER = LAST + dt.timedelta(days=1)
SOON = REPORT + dt.timedelta(days=AHEAD_DAYS)
LATER = SOON + dt.timedelta(days=1)


@pytest.mark.parametrize(("records", "expected"), [
    ([rec("d", "a b", date="2018-06-12"), rec("u", "a b", reported="2018-06-12")],
     ("2018-06-12", "d")),  # reported on the day itself
    ([rec("d", "a b", date="2018-06-12"), rec("u", "a b", reported=str(LAST))],
     ("2018-06-12", "d")),  # the last day of the window
    ([rec("d", "a b", date="2018-06-12"), rec("u", "a b", reported=str(AFTER))], None),
    ([rec("d", "a b", date="2018-06-12"), rec("n", "a b", date=str(SOON)),
      rec("u", "a b", reported="2018-06-13")], None),  # may be a report of the next one
    ([rec("d", "a b", date="2018-06-12"), rec("n", "a b", date=str(LATER)),
      rec("u", "a b", reported="2018-06-13")], ("2018-06-12", "d")),
    ([rec("d", "a b", date="2018-06-12"), rec("u", "a b", reported="2018-06-11")], None),
    ([rec("d", "a b c", date="2018-06-12"), rec("u", "a b", reported="2018-06-13")], None),
    ([rec("d", "a b", date="2018-06-12", places="sgp"),
      rec("u", "a b", reported="2018-06-13", places="singapore")], ("2018-06-12", "d")),
    ([rec("d", "a b", date="2018-06-12", places="hanoi"),
      rec("u", "a b", reported="2018-06-13", places="singapore")], None),
    ([rec("d", "a b", date="2018-06-12"), rec("e", "a b", date="2018-06-12"),
      rec("u", "a b", reported="2018-06-14")], ("2018-06-12", "d")),  # agreeing sources
    ([rec("d", "a b", date="2018-06-12"), rec("e", "a b", date="2018-06-11"),
      rec("u", "a b", reported="2018-06-14")], None),
    ([rec("d", "a b", date="2018-06-12"),
      rec("u", "a b", reported="2018-06-14", text="last year")], None),
    ([rec("d", "a b", date="2018-06-12"),
      rec("u", "a b", reported="2018-06-14", text="this week")], ("2018-06-12", "d")),
    ([rec("d", "a b", date="2018-06-12"), rec("u", "a b")], None),  # no publication date
    # a named month, long after: "his meeting with Kim in Singapore last June"
    ([rec("d", "a b", date="2018-06-12"),
      rec("u", "a b", reported="2019-02-21", text="last June")], ("2018-06-12", "d")),
    ([rec("d", "a b", date="2018-06-12"),
      rec("u", "a b", reported="2019-02-21", text="June 2018")], ("2018-06-12", "d")),
    ([rec("d", "a b", date="2018-06-12"),  # two days in that month: which one?
      rec("e", "a b", date="2018-06-20"),
      rec("u", "a b", reported="2019-02-21", text="in June")], None),
    ([rec("d", "a b", date="2018-06-12"),  # June 2019 is not the June of a 2018 meeting
      rec("u", "a b", reported="2019-07-01", text="June")], None),
    ([rec("d", "a b", date="2018-06-12", places="hanoi"),
      rec("u", "a b", reported="2019-02-21", text="last June", places="singapore")], None),
    # "last month's summit between Moon and Kim", weeks after it: the one day of that month
    ([rec("d", "a b", date="2018-04-27"),
      rec("u", "a b", reported="2018-05-15", text="last month's")], ("2018-04-27", "d")),
    ([rec("d", "a b", date="2018-05-02"),
      rec("u", "a b", reported="2018-05-15", text="last month")], None),
    ([rec("d", "a b", date="2018-05-02"),
      rec("u", "a b", reported="2018-05-25", text="earlier this month")], ("2018-05-02", "d")),
])
def test_eventdates_rule(records: list[MeetingRecord],
                         expected: tuple[str, str] | None) -> None:
    got = infer_dates(records, {"singapore": "sgp"})
    assert [(str(i.day), i.source) for i in got] == ([expected] if expected else [])
    assert all(i.meeting == "u" for i in got)


SGP = {"singapore": "sgp", "sgp": "sgp", "white-house": "usa"}


@pytest.mark.parametrize(("records", "homes", "expected"), [
    # an article with no publication date: "after Tuesday's summit with Kim in Singapore"
    ([rec("d", "a b", date="2018-06-12", places="sgp"),
      rec("u", "a b", places="singapore", text="Tuesday")], {}, ("2018-06-12", "d")),
    ([rec("d", "a b", date="2018-06-12", places="sgp"),
      rec("u", "a b", places="singapore", text="Monday")], {}, None),
    ([rec("d", "a b", date="2018-06-12", places="sgp"),
      rec("u", "a b", places="singapore")], {}, ("2018-06-12", "d")),
    ([rec("d", "a b", date="2018-06-12", places="sgp"),  # the place is needed
      rec("u", "a b", text="Tuesday")], {}, None),
    ([rec("d", "a b", date="2018-06-12"),  # and so is the source's own place
      rec("u", "a b", places="singapore", text="Tuesday")], {}, None),
    ([rec("d", "a b", date="2018-06-12", places="sgp"),  # two days there
      rec("e", "a b", date="2018-06-13", places="singapore"),
      rec("u", "a b", places="singapore")], {}, None),
    # long after: "one in Singapore last year", "before meeting Kim in Singapore"
    ([rec("d", "a b", date="2018-06-12", places="sgp"),
      rec("u", "a b", reported="2019-05-26", places="singapore", text="last year")], {},
     ("2018-06-12", "d")),
    ([rec("d", "a b", date="2018-06-12", places="sgp"),
      rec("u", "a b", reported="2019-05-26", places="singapore", text="2017")], {}, None),
    ([rec("d", "a b", date="2018-06-12", places="sgp"),
      rec("u", "a b", reported="2018-07-23", places="singapore")], {}, ("2018-06-12", "d")),
    ([rec("d", "a b", date="2018-06-12", places="sgp"),  # reported before it: a plan
      rec("e", "a b", date="2016-06-12", places="sgp"),
      rec("u", "a b", reported="2017-05-01", places="singapore")], {}, None),
    # at home of one of them, where they meet again and again: no inference
    ([rec("d", "a b", date="2017-03-17", places="white-house"),
      rec("u", "a b", reported="2018-04-28", places="white-house")], {"a": frozenset({"usa"})},
     None),
    ([rec("d", "a b", date="2018-06-12", places="sgp"),
      rec("u", "a b", places="singapore")], {"b": frozenset({"sgp"})}, None),
    ([rec("d", "a b", date="2018-06-12", places="oslo"),  # a place of no known country
      rec("u", "a b", places="oslo")], {}, None),
])
def test_eventdates_one_day_at_a_venue_abroad(records: list[MeetingRecord],
                                              homes: dict[str, frozenset[str]],
                                              expected: tuple[str, str] | None) -> None:
    got = infer_dates(records, SGP, homes=homes)
    assert [(str(i.day), i.source) for i in got] == ([expected] if expected else [])
    assert all(i.meeting == "u" for i in got)


@pytest.mark.parametrize(("text", "day", "reported", "allowed"), [
    ("last week", "2018-06-12", "2018-06-20", True),
    ("last week", "2018-06-12", "2018-06-14", False),
    ("this week", "2018-06-12", "2018-06-14", True),
    ("last month", "2018-05-30", "2018-06-04", True),
    ("last month", "2018-06-01", "2018-06-04", False),
    ("June", "2018-06-12", "2018-06-20", True),
    ("last June", "2018-06-12", "2018-06-20", True),
    ("May", "2018-06-12", "2018-06-20", False),
    ("June 2018", "2018-06-12", "2018-06-20", True),
    ("2017", "2018-06-12", "2018-06-20", False),
    ("earlier this year", "2018-06-12", "2018-06-20", True),
    ("last year", "2018-06-12", "2018-06-20", False),
    ("the weekend", "2018-06-16", "2018-06-18", False),
    ("Monday", "2018-06-11", "2018-06-18", False),
])
def test_eventdates_date_phrases(text: str, day: str, reported: str, allowed: bool) -> None:
    assert text_allows(text, dt.date.fromisoformat(day),
                       dt.date.fromisoformat(reported)) is allowed


def test_eventdates_places() -> None:
    country_of = {"helsinki": "fin"}
    assert places_agree(frozenset(), frozenset({"helsinki"}), country_of)
    assert places_agree(frozenset({"fin"}), frozenset({"helsinki"}), country_of)
    assert not places_agree(frozenset({"moscow"}), frozenset({"helsinki"}), country_of)


def test_eventdates_benchmark_counts_the_leaders_inferred_dates(nlp: Language,
                                                                tmp_path: Path) -> None:
    """``benchmarks/dates.py --leaders STORE``: own and inferred dates of leaders' meetings."""
    import importlib.util
    import sys

    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location("benchmarks_dates_leaders",
                                                  ROOT / "benchmarks" / "dates.py")
    assert spec is not None and spec.loader is not None
    dates = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = dates
    spec.loader.exec_module(dates)
    src = write(tmp_path / "wire.jsonl", DATED, UNDATED, LATE)
    kg.build([src], nlp=nlp, store=tmp_path / "store").close()
    report = dates.leaders(tmp_path / "store")
    assert (report["pairs"], report["dated"], report["inferred"]) == (3, 2, 1)
    (only,) = report["inferred_pairs"]
    assert (only["pair"], only["day"], only["reported"]) == (
        "Angela Merkel | Emmanuel Macron", "2018-03-05", "2018-03-09")
    assert only["source"].startswith("German Chancellor Angela Merkel met")
