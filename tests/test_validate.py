"""Tests for kg.validate: SHACL validation of produced graphs, files and stores."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import rdflib.namespace
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS
from spacy.language import Language

import kg
from kg.model import KGError
from kg.store import Store
from kg.validate import (
    BackgroundValidation,
    Report,
    ValidationError,
    Violation,
    short,
    validate,
    validate_file,
    validate_graphs,
    validate_store,
)
from kg.vocab import DIP, DIPR

pytest.importorskip("pyshacl")

XSD_INTEGER = rdflib.namespace.XSD.integer

DOC = DIPR["document/a-1"]
OTHER_DOC = DIPR["document/b-2"]
POMPEO = DIPR["person/mike-pompeo"]
LAVROV = DIPR["person/sergey-lavrov"]
MEETING = DIPR["event/meeting-1"]


def _document(g: Graph, doc: URIRef, sha: str) -> None:
    g.add((doc, RDF.type, DIP.Document))
    g.add((doc, DIP.sha256, Literal(sha * 64)))
    g.add((doc, DIP.sourcePath, Literal(f"{sha}.txt")))


def _person(g: Graph, person: URIRef, label: str) -> None:
    g.add((person, RDF.type, DIP.Person))
    g.add((person, RDFS.label, Literal(label)))


def _good() -> Graph:
    """One article: a document, two people and their meeting."""
    g = Graph(identifier=DOC)
    _document(g, DOC, "a")
    _person(g, POMPEO, "Mike Pompeo")
    _person(g, LAVROV, "Sergey Lavrov")
    g.add((MEETING, RDF.type, DIP.Meeting))
    g.add((MEETING, DIP.participant, POMPEO))
    g.add((MEETING, DIP.participant, LAVROV))
    g.add((MEETING, DIP.status, Literal("asserted")))
    g.add((MEETING, DIP.evidence, Literal("Pompeo met Lavrov on Tuesday.")))
    g.add((MEETING, DIP.startChar, Literal(0, datatype=XSD_INTEGER)))
    g.add((MEETING, DIP.endChar, Literal(29, datatype=XSD_INTEGER)))
    g.add((MEETING, PROV.wasDerivedFrom, DOC))
    g.add((MEETING, DIP.dateText, Literal("on Tuesday")))
    g.add((POMPEO, DIP.metWith, LAVROV))
    g.add((LAVROV, DIP.metWith, POMPEO))
    return g


def _bad() -> Graph:
    """A meeting with one participant, an actor with two labels, a date that is no date."""
    g = _good()
    g.remove((MEETING, DIP.participant, LAVROV))
    g.add((POMPEO, RDFS.label, Literal("Michael R. Pompeo")))
    g.add((MEETING, DIP.date, Literal("Tuesday")))
    return g


def _keys(report: Report) -> set[tuple[object, object, str, str]]:
    return {(v.focus, v.path, v.component, v.shape) for v in report.violations}


def test_validate_seed_graph_conforms(seed_graph: kg.KnowledgeGraph) -> None:
    report = validate(seed_graph.graph)
    assert report.conforms, report.to_text()
    assert report.violations == ()
    assert report.to_text() == "Conforms: no violations."


def test_validate_store_seed_conforms(seed_graph: kg.KnowledgeGraph) -> None:
    report = validate_store(seed_graph.store)
    assert report.conforms, report.to_text()


def test_validate_good_graph_conforms() -> None:
    assert validate(_good()).conforms


def test_validate_bad_graph_names_each_violation() -> None:
    report = validate(_bad())
    assert not report.conforms
    assert not report
    assert _keys(report) == {
        (MEETING, DIP.participant, "MinCount", "dipsh:MeetingShape"),
        (POMPEO, RDFS.label, "MaxCount", "dipsh:LabelledShape"),
        (MEETING, DIP.date, "Datatype", "dipsh:EventShape"),
    }
    by_component = {v.component: v for v in report.violations}
    assert by_component["MinCount"].message == "A meeting has two or more participants."
    assert all(v.severity == "Violation" for v in report.violations)
    assert by_component["Datatype"].value == Literal("Tuesday")
    assert "xsd:date" in by_component["Datatype"].message
    assert "dipr:person/mike-pompeo" in by_component["MaxCount"].message


def test_validate_leaves_the_graph_alone_unless_inplace() -> None:
    graph = _bad()
    before = set(graph)
    copied = validate(graph)
    assert set(graph) == before  # the ontology went into a copy
    mixed = validate(graph, inplace=True)
    assert set(graph) > before  # the ontology went into the graph itself...
    assert set(mixed.violations) == set(copied.violations)  # ...with the same findings
    assert mixed.conforms is copied.conforms is False


def test_validate_bad_graph_text_is_grouped_and_readable() -> None:
    text = validate(_bad()).to_text()
    lines = text.splitlines()
    assert lines[0] == "Does not conform: 3 violations in 3 groups"
    assert "[Violation] dipsh:MeetingShape dip:participant MinCount: 1" in lines
    assert "  dipr:event/meeting-1: A meeting has two or more participants." in lines
    assert "[Violation] dipsh:LabelledShape rdfs:label MaxCount: 1" in lines
    assert "[Violation] dipsh:EventShape dip:date Datatype: 1" in lines
    assert len(lines) == 1 + 3 * 2  # a heading, then a counted group and its line, each
    assert "https://" not in text  # IRIs are shortened with the project prefixes


def test_validate_text_groups_and_limits() -> None:
    v = [Violation(DIPR[f"event/meeting-{i}"], DIP.participant, "A meeting has two or more "
                   "participants.", "Violation", "dipsh:MeetingShape", "MinCount")
         for i in range(5)]
    text = Report(False, tuple(v)).to_text(limit=2)
    assert text.splitlines() == [
        "Does not conform: 5 violations in 1 group",
        "[Violation] dipsh:MeetingShape dip:participant MinCount: 5",
        "  dipr:event/meeting-0: A meeting has two or more participants.",
        "  dipr:event/meeting-1: A meeting has two or more participants.",
        "  ... and 3 more",
    ]


def test_validate_merge_keeps_each_result_once() -> None:
    v = Violation(MEETING, DIP.date, "bad date", "Violation", "dipsh:EventShape", "Datatype")
    merged = Report.merge([Report(True), Report(False, (v,)), Report(False, (v,))])
    assert merged == Report(False, (v,))
    assert Report.merge([]) == Report(True)


def _other_article(label: str) -> Graph:
    """A second article that names Pompeo ``label``."""
    g = Graph(identifier=OTHER_DOC)
    _document(g, OTHER_DOC, "b")
    _person(g, POMPEO, label)
    return g


def test_validate_graphs_batches_see_clashes_between_articles() -> None:
    graphs = [_good(), _other_article("Pompeo")]
    assert validate_graphs(graphs, batch=1).conforms  # each article alone is fine
    report = validate_graphs(iter(graphs))  # one batch: the union, with two labels
    assert _keys(report) == {(POMPEO, RDFS.label, "MaxCount", "dipsh:LabelledShape")}
    assert validate_graphs([_good(), _other_article("Mike Pompeo")]).conforms


def test_validate_graphs_merges_reports() -> None:
    report = validate_graphs([_good(), _bad(), _bad()], batch=1)
    assert not report.conforms
    assert len(report.violations) == 3
    assert validate_graphs([]).conforms
    with pytest.raises(ValueError, match="batch"):
        validate_graphs([_good()], batch=0)


@pytest.mark.parametrize("suffix", ["ttl", "nt", "nq", "trig", "jsonld", "xml"])
def test_validate_file_reads_each_format(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"bad.{suffix}"
    if suffix in {"nq", "trig"}:  # one named graph per article, as a store exports them
        store = Store()
        store.put_graph(_bad())
        path.write_bytes(store.serialize(suffix))
    else:
        _bad().serialize(path, format={"jsonld": "json-ld"}.get(suffix, suffix),
                         encoding="utf-8")
    assert len(validate_file(path).violations) == 3


def test_validate_file_of_seed_export_conforms(
        seed_graph: kg.KnowledgeGraph, tmp_path: Path) -> None:
    path = tmp_path / "seed.nq"
    seed_graph.serialize("nq", destination=path)
    assert validate_file(path).conforms


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("broken.ttl", "@prefix dip: <x#> .\ndip:a dip:b ", "cannot parse as turtle"),
    ("broken.nt", "<a> <b> .\n", "cannot parse as nt"),
    ("broken.jsonld", "{not json", "cannot parse as json-ld"),
    ("graph.csv", "a,b,c\n", "unknown RDF file suffix '.csv'"),
])
def test_validate_file_unparseable_is_one_line(
        tmp_path: Path, name: str, content: str, expected: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        validate_file(path)
    message = str(info.value)
    assert isinstance(info.value, KGError)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert expected in message


def test_validate_file_missing(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="no such file"):
        validate_file(tmp_path / "absent.ttl")


def test_validate_short_names() -> None:
    assert short(DIP.Meeting) == "dip:Meeting"
    assert short(URIRef("https://w3id.org/diplomacy-kg/shapes#MeetingShape")) == (
        "dipsh:MeetingShape")
    assert short(URIRef("http://example.org/x")) == "<http://example.org/x>"
    assert short(None) == "-"


# --- real articles --------------------------------------------------------------------------

def _sample(corpus: Path) -> list[Path]:
    """10 articles spread over three corpora: 4 BBC politics, 3 ABC background, 3 AllSides."""
    picked: list[Path] = []
    for sub, n in (("bbc/politics", 4), ("lee_abc/background", 3), ("allsides", 3)):
        files = sorted((corpus / sub).glob("*.txt"))
        if len(files) < n:
            pytest.skip(f"corpus {corpus / sub} has fewer than {n} articles")
        picked += [files[i * len(files) // n] for i in range(n)]
    return picked


def test_validate_corpus_sample_conforms(nlp: Language, corpus: Path) -> None:
    graph = kg.build(_sample(corpus), nlp=nlp)
    assert graph.summary().documents == 10
    report = validate_store(graph.store)
    assert report.conforms, report.to_text()


@pytest.mark.parametrize("rel", [
    "bbc/politics/155.txt",  # "met Prime Minister Tony Blair at 10 Downing Street"
    "allsides/2KntTnUKdSbWHh8E.txt",  # "Trump met with ... Moon Jae-in at the White House"
])
def test_validate_corpus_meeting_location_is_a_place(
        nlp: Language, corpus: Path, rel: str) -> None:
    # An organization named as where a meeting happened is minted as a dip:Place.
    report = validate_store(kg.build([corpus / rel], nlp=nlp).store)
    assert report.conforms, report.to_text()


def test_validate_corpus_labels_agree_across_articles(nlp: Language, corpus: Path) -> None:
    paths = [corpus / "bbc/politics/002.txt", corpus / "bbc/politics/073.txt"]
    report = validate_store(kg.build(paths, nlp=nlp).store)
    assert report.conforms, report.to_text()


def _nt(g: Graph) -> str:
    return g.serialize(format="nt")


def _article(i: int, *, bad: bool = False) -> str:
    """One small article graph as N-Triples: a document; a person, given two labels if bad."""
    g = Graph()
    doc, person = DIPR[f"document/d-{i}"], DIPR[f"person/p-{i}"]
    _document(g, doc, "abcdef"[i % 6])
    _person(g, person, f"Person {i}")
    if bad:
        g.add((person, RDFS.label, Literal(f"Someone {i}")))
    return _nt(g)


def test_background_validation_small_build_starts_no_process() -> None:
    checker = BackgroundValidation(batch=10)
    for i in range(3):
        checker.add(_article(i, bad=i == 1))
    report = checker.close()
    assert checker._worker is None  # fewer than one batch: validated here
    assert {(v.focus, v.component) for v in report.violations} == {
        (DIPR["person/p-1"], "MaxCount")}


def test_background_validation_in_a_worker_process_finds_every_violation() -> None:
    checker = BackgroundValidation(batch=4, in_flight=1)
    worker_pids = set()
    for i in range(11):  # two full batches in the worker, and the rest
        checker.add(_article(i, bad=i in {2, 9, 10}))
        if checker._worker is not None:
            worker_pids.add(checker._worker.pid)
    report = checker.close()
    assert len(worker_pids) == 1 and os.getpid() not in worker_pids
    assert {(v.focus, v.component) for v in report.violations} == {
        (DIPR[f"person/p-{i}"], "MaxCount") for i in (2, 9, 10)}
    assert len(checker._reports) == 3


def test_background_validation_worker_death_is_a_clear_error() -> None:
    checker = BackgroundValidation(batch=2, in_flight=1)
    checker.add(_article(0))
    checker.add(_article(1))
    assert checker._worker is not None
    checker._worker.kill()
    with pytest.raises(ValidationError, match="validation worker"):
        for i in range(2, 40):
            checker.add(_article(i))
        checker.close()
    checker.cancel()


def test_build_validates_in_the_background(nlp: Language, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """kg.build(validate=True) hands batches to the worker and reports what it found."""
    import kg.validate

    monkeypatch.setattr(kg.validate, "BACKGROUND_BATCH", 2)
    started: list[int] = []
    start = kg.validate.BackgroundValidation._start

    def spy(self: BackgroundValidation) -> None:
        start(self)
        assert self._worker is not None
        started.append(self._worker.pid)

    monkeypatch.setattr(kg.validate.BackgroundValidation, "_start", spy)
    for i, (who, other) in enumerate([("Anna Keller", "Tomas Novak"),
                                      ("Ruth Adler", "Piet Jansen"),
                                      ("Marta Lind", "Oskar Berg")]):
        (tmp_path / f"{i}.txt").write_text(
            f"Foreign Minister {who} met Prime Minister {other} in Vienna on Monday.\n",
            encoding="utf-8")
    graph = kg.build([tmp_path], nlp=nlp, validate=True)
    assert graph.validation is not None and graph.validation.conforms
    assert graph.summary().documents == 3
    assert len(started) == 1  # one worker took the batches
