"""The RDF a build mints: dates resolved against the article's date, stable IRIs."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language

import kg


def test_rdf_dates_resolve_against_the_article_date(nlp: Language, tmp_path: Path) -> None:
    record = {"id": "wire/1", "date": "2019-05-08", "text": (
        "Foreign Minister Anna Keller met Prime Minister Tomas Novak in Vienna on Saturday. "
        "Keller will meet Chancellor Ruth Adler on Monday. "
        "Keller met President Omar Haddad in Geneva in February.")}
    src = tmp_path / "wire.jsonl"
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    graph = kg.build([src], nlp=nlp)
    rows = set(graph.table("""SELECT ?text ?day ?status WHERE {
        ?m a dip:Meeting ; dip:dateText ?text ; dip:status ?status .
        OPTIONAL { ?m dip:date ?day } }""").rows)
    assert rows == {("Saturday", "2019-05-04", "asserted"),   # the Saturday before
                    ("Monday", "2019-05-13", "planned"),      # a plan: the Monday after
                    ("February", None, "asserted")}           # no single day
    published = graph.table("SELECT ?d WHERE { ?doc dip:published ?d ; dip:sourcePath ?s }"
                            ).rows
    assert published == (("2019-05-08",),)


def test_rdf_same_text_twice_is_built_once(nlp: Language, tmp_path: Path) -> None:
    text = "Foreign Minister Anna Keller met Prime Minister Tomas Novak in Vienna.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    graph = kg.build([tmp_path], nlp=nlp)
    assert graph.summary().documents == 1
    assert [str(p) for p in graph.problems] == [f"{tmp_path / 'b.txt'}: same text as "
                                                f"{tmp_path / 'a.txt'}, built once"]


def test_rdf_reported_on_every_event_and_no_non_date_kept(nlp: Language,
                                                          tmp_path: Path) -> None:
    records = [
        {"id": "wire/2", "date": "2018-06-12", "text": (
            "Chairman Kim Sun met President Dana Ford in Singapore on Tuesday. "
            "Prime Minister Tomas Novak met Chancellor Ruth Adler in Geneva at 1130 GMT.")},
        {"id": "wire/3", "text": "Prime Minister Tomas Novak met Chancellor Ruth Adler in Oslo."},
    ]
    src = tmp_path / "wire.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    graph = kg.build([src], nlp=nlp)
    rows = set(graph.table("""SELECT ?place ?text ?day ?reported WHERE {
        ?m a dip:Meeting ; dip:location/rdfs:label ?place .
        OPTIONAL { ?m dip:dateText ?text } OPTIONAL { ?m dip:date ?day }
        OPTIONAL { ?m dip:reportedOn ?reported } }""").rows)
    assert rows == {("Singapore", "Tuesday", "2018-06-12", "2018-06-12"),  # the same day
                    ("Geneva", None, None, "2018-06-12"),  # "1130 GMT" is no date, nor
                    # "GMT" a place
                    ("Oslo", None, None, None)}  # an article without a date
