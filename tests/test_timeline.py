"""The timeline canned question: a day when the text names one, else the report date, said so."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language

import kg
from kg.query import canned_queries


def test_timeline_falls_back_to_the_report_date(nlp: Language, tmp_path: Path) -> None:
    records = [
        {"id": "wire/1", "date": "2018-06-12", "text": (
            "Chairman Kim Sun met President Dana Merrow in Singapore on Tuesday. "
            "Merrow met Prime Minister Tomas Novak in Oslo last week.")},
        {"id": "wire/2", "date": "2018-05-20", "text": (
            "President Dana Merrow met Chancellor Ruth Adler in Bern.")},
        {"id": "wire/3", "text": (
            "President Dana Merrow met President Omar Haddad in Geneva on Friday.")},
    ]
    src = tmp_path / "wire.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    graph = kg.build([src], nlp=nlp)
    q = canned_queries()["timeline"]
    table = graph.table(q.sparql, **q.bindings(["Dana Merrow"]))
    col = table.columns.index("date")
    rows = [(row[col], row[table.columns.index("source")]) for row in table.rows]
    assert rows == [("Friday", f"{src}#wire/3"),  # no article date: the phrase as written
                    ("reported 2018-05-20", f"{src}#wire/2"),
                    ("2018-06-12", f"{src}#wire/1"),
                    ("reported 2018-06-12 (last week)", f"{src}#wire/1")]


def test_meetings_in_and_of_fall_back_to_the_report_date(nlp: Language, tmp_path: Path
                                                         ) -> None:
    records = [
        {"id": "wire/1", "date": "2018-06-12", "text": (
            "Chairman Kim Sun met President Dana Merrow in Singapore on Tuesday.")},
        {"id": "wire/2", "date": "2018-05-20", "text": (
            "President Dana Merrow met Chancellor Ruth Adler in Singapore.")},
    ]
    src = tmp_path / "wire.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    graph = kg.build([src], nlp=nlp)
    for name, value in (("meetings-in", "Singapore"), ("meetings-of", "Dana Merrow")):
        table = graph.ask(name, [value])
        dates = [row[table.columns.index("date")] for row in table.rows]
        assert dates == ["2018-06-12", "reported 2018-05-20"], name
