"""Tests for kg.validate: SHACL validation of produced graphs, files and stores."""

from __future__ import annotations

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
    Report,
    ValidationError,
    Violation,
    short,
    validate,
    validate_file,
    validate_graphs,
    validate_store,
    validate_union,
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


def _broken_store(path: Path | None = None) -> Store:
    """A store whose violations need other articles to be seen, and nodes the checks of
    which reach outside their own triples: two labels for one person from two articles, a
    one-way dip:metWith, a participant that is no actor, a post held by a node typed in
    another article, and plain faults (a meeting with one participant, a bad date)."""
    store = Store(path)
    store.put_graph(_bad())
    store.put_graph(_other_article("Pompeo"))
    third = Graph(identifier=DIPR["document/c-3"])
    _document(third, DIPR["document/c-3"], "c")
    ghost, post = DIPR["person/ghost"], DIPR["post/x/minister"]
    _person(third, ghost, "Ghost")
    third.add((ghost, DIP.metWith, LAVROV))  # Lavrov does not meet him back
    third.add((ghost, DIP.holdsPost, post))
    third.add((MEETING, DIP.participant, DIPR["document/c-3"]))  # a document, no actor
    store.put_graph(third)
    fourth = Graph(identifier=DIPR["document/d-4"])
    _document(fourth, DIPR["document/d-4"], "d")
    fourth.add((post, RDF.type, DIP.Post))  # typed here, used in the third article
    fourth.add((post, RDFS.label, Literal("Minister")))
    fourth.add((post, DIP.roleTitle, Literal("Minister")))
    for n, (start, date) in enumerate([(10, "2018-02-28"), (0, "2018-02-30")]):
        talks = DIPR[f"event/meeting-{4 + n}"]  # one fault each, that only values show
        fourth.add((talks, RDF.type, DIP.Meeting))
        for who in (POMPEO, LAVROV):
            fourth.add((talks, DIP.participant, who))
        fourth.add((talks, DIP.status, Literal("asserted")))
        fourth.add((talks, DIP.evidence, Literal("They met.")))
        fourth.add((talks, PROV.wasDerivedFrom, DIPR["document/d-4"]))
        fourth.add((talks, DIP.reportedOn,
                    Literal(date, datatype=rdflib.namespace.XSD.date)))
        fourth.add((talks, DIP.startChar, Literal(start, datatype=XSD_INTEGER)))
        fourth.add((talks, DIP.endChar, Literal(5, datatype=XSD_INTEGER)))
    fourth.add((DIPR["country/usa"], RDF.type, DIP.Country))
    fourth.add((DIPR["country/usa"], RDFS.label, Literal("USA")))
    fourth.add((DIPR["country/usa"], DIP.isoCode, Literal("usa")))
    store.put_graph(fourth)
    return store


@pytest.mark.parametrize("on_disk", [True, False])
@pytest.mark.parametrize("prefilter", [True, False])
@pytest.mark.parametrize("batch", [1, 7, 40, 10_000])
def test_validate_store_streamed_gives_the_whole_graph_report(
        batch: int, prefilter: bool, on_disk: bool, tmp_path: Path) -> None:
    """Streamed in batches of any size, with or without the filter of suspects, the report
    is the whole union's: the same violations (focus, path, message, value, shape), none
    more, none fewer.  On disk the store is read in one pass, subject by subject."""
    store = _broken_store(tmp_path / "store" if on_disk else None)
    whole = validate_union(store)
    union = Graph()
    union.parse(data=store.serialize("nt"), format="nt")
    assert set(validate(union).violations) == set(whole.violations)
    assert {(v.focus, v.component) for v in whole.violations} >= {
        (POMPEO, "MaxCount"), (LAVROV, "Equals"), (MEETING, "Class"), (MEETING, "Datatype"),
        (DIPR["event/meeting-4"], "LessThan"), (DIPR["event/meeting-5"], "Datatype"),
        (DIPR["country/usa"], "Pattern")}
    # the post is typed by another article: held rightly, whichever batch it falls in
    assert not [v for v in whole.violations if v.path == DIP.holdsPost]
    streamed = validate_store(store, batch=batch, prefilter=prefilter)
    assert set(streamed.violations) == set(whole.violations)
    assert len(streamed.violations) == len(whole.violations)
    assert streamed.conforms is whole.conforms is False
    if on_disk:  # Oxigraph on disk lists each subject's triples together: one pass
        from kg.validate import _subject_runs

        runs = [s for s, _ in _subject_runs(store.ox, grouped=True)]
        assert len(runs) == len(set(runs)) > 10


def test_validate_store_streamed_conforms_when_the_union_does() -> None:
    store = Store()
    store.put_graph(_good())
    store.put_graph(_other_article("Mike Pompeo"))
    assert validate_store(store, batch=3).conforms
    assert validate_store(Store()).conforms


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def test_build_reports_the_whole_store_as_kg_validate_does(
        nlp: Language, tmp_path: Path) -> None:
    """One validation report: a build validates the store it wrote (not only its new
    articles), so its count is `kg validate`'s; a build that adds nothing says so."""
    store_dir = tmp_path / "store"
    first = _write(tmp_path / "a", "a.txt", "Foreign Minister Anna Keller met Prime Minister "
                                            "Tomas Novak in Vienna on Monday.\n")
    graph = kg.build([first], nlp=nlp, store=store_dir, validate=True)
    assert graph.validation is not None and graph.validation.conforms
    graph.store.put_graph(_bad())  # violations from outside this build
    graph.close()
    second = _write(tmp_path / "b", "b.txt", "President Elena Lopez met Prime Minister Tomas "
                                             "Novak in Madrid on Friday.\n")
    graph = kg.build([second], nlp=nlp, store=store_dir, validate=True)
    report = graph.validation
    assert report is not None and not report.conforms
    assert set(report.violations) == set(validate_union(graph.store).violations)
    assert {v.focus for v in report.violations} >= {POMPEO, MEETING}  # not from this build
    graph.close()
    again = kg.build([second], nlp=nlp, store=store_dir, validate=True)
    assert again.added == 0 and again.validation is None
    again.close()


def test_suspects_are_few_and_hold_every_violation(seed_graph: kg.KnowledgeGraph) -> None:
    """The filter before pySHACL is sound (every node reported is a suspect) and useful (a
    store that conforms has no suspect at all)."""
    from kg.suspects import Shapes, Suspects
    from kg.validate import _shapes_and_ontology, _subject_runs

    shapes = Shapes(*_shapes_and_ontology())
    assert shapes.usable and len(shapes.shapes) >= 10
    store = _broken_store()
    checker = Suspects(store.ox, shapes)
    runs = list(_subject_runs(store.ox))
    suspects = {URIRef(s.value) for s, quads in runs if checker.suspect(s, quads)}
    assert {v.focus for v in validate_union(store).violations} <= suspects
    assert len(suspects) < len(runs)
    clean = Suspects(seed_graph.store.ox, shapes)  # type: ignore[attr-defined]
    assert not [s for s, q in _subject_runs(seed_graph.store.ox)  # type: ignore[attr-defined]
                if clean.suspect(s, q)]


def test_suspects_an_unknown_constraint_makes_every_target_a_suspect() -> None:
    from kg.suspects import Shapes, Suspects
    from kg.validate import _shapes_and_ontology

    shapes_graph, ontology = _shapes_and_ontology()
    extra = Graph()
    extra += shapes_graph
    extra.parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix dip: <https://w3id.org/diplomacy-kg/ontology#> .
        <urn:shape> a sh:NodeShape ; sh:targetClass dip:Document ;
            sh:property [ sh:path dip:title ; sh:hasValue "x" ] .""", format="turtle")
    store = Store()
    store.put_graph(_good())
    runs = {s.value: q for s, q in _subject_runs_of(store)}
    plain = Suspects(store.ox, Shapes(shapes_graph, ontology))
    strict = Suspects(store.ox, Shapes(extra, ontology))
    doc = next(s for s in runs if s == str(DOC))
    import pyoxigraph as ox

    assert not plain.suspect(ox.NamedNode(doc), runs[doc])
    assert strict.suspect(ox.NamedNode(doc), runs[doc])
    targets = Graph()
    targets.parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:shape> a sh:NodeShape ; sh:targetSubjectsOf <urn:p> .""", format="turtle")
    assert not Shapes(targets, ontology).usable  # a target it cannot follow: no filter


def _subject_runs_of(store: Store) -> list[tuple[object, list[object]]]:
    from kg.validate import _subject_runs

    return list(_subject_runs(store.ox))
