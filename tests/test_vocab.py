"""Tests for kg.vocab: the DIP namespace, the ontology it mirrors, and the SHACL shapes."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from importlib.resources import files

import pytest
import rdflib.namespace
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SH, SKOS
from rdflib.term import Node

from kg.vocab import (
    DIP,
    DIPR,
    SCHEMA,
    SEM,
    bind_prefixes,
    load_ontology,
    load_shapes,
    ontology_text,
)

ONTOLOGY_IRI = URIRef("https://w3id.org/diplomacy-kg/ontology")
NS = "https://w3id.org/diplomacy-kg/ontology#"

# rdflib's XSD only warns on unknown names, and pytest probes module globals for
# attributes when it collects fixtures: keep the terms, not the namespace, as globals.
XSD_STRING = rdflib.namespace.XSD.string
XSD_DATE = rdflib.namespace.XSD.date
XSD_INTEGER = rdflib.namespace.XSD.integer

# The vocabulary contract of DESIGN.md section 1. Clients depend on these names: they may
# be extended, never renamed or dropped. Do not edit this list to make a test pass.
CONTRACT_CLASSES = (
    "Document",
    "Actor",
    "Person",
    "Organization",
    "Country",
    "Place",
    "Post",
    "Event",
    "Meeting",
    "Statement",
    "Agreement",
    "Attack",
)
CONTRACT_OBJECT_PROPERTIES = (
    "participant",
    "metWith",
    "location",
    "holdsPost",
    "postIn",
    "affiliation",
    "speaker",
    "signatory",
)
CONTRACT_DATATYPE_PROPERTIES = (
    "date",
    "dateText",
    "status",
    "quote",
    "killed",
    "evidence",
    "startChar",
    "endChar",
    "sourcePath",
    "sha256",
)

PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty)
TERM_TYPES = (OWL.Class, *PROPERTY_TYPES, OWL.AnnotationProperty, RDF.Property)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def _term(name: str) -> URIRef:
    """``DIP.<name>``, looked up by name as client code would with ``getattr``."""
    term = getattr(DIP, name)
    assert isinstance(term, URIRef)
    return term


def _local(iri: URIRef) -> str:
    return str(iri)[len(NS) :]


def _declared_terms(graph: Graph) -> set[str]:
    """Names of the dip: terms the ontology declares as a class or property."""
    return {
        _local(s)
        for kind in TERM_TYPES
        for s in graph.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and str(s).startswith(NS)
    }


def _mentioned_terms(graph: Graph) -> set[str]:
    """Names of every dip: IRI used anywhere in ``graph``."""
    return {
        _local(node)
        for triple in graph
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(NS)
    }


def _annotated_names() -> set[str]:
    """Names annotated on DIP, i.e. the terms the Python namespace accepts."""
    return {name for name in inspect.get_annotations(DIP) if not name.startswith("_")}


def _drift_message(left: str, only_left: set[str], right: str, only_right: set[str]) -> str:
    return (
        f"in {left} but not in {right}: {sorted(only_left)}; "
        f"in {right} but not in {left}: {sorted(only_right)}"
    )


def _properties(graph: Graph) -> list[URIRef]:
    return sorted(
        {
            s
            for kind in PROPERTY_TYPES
            for s in graph.subjects(RDF.type, kind)
            if isinstance(s, URIRef) and str(s).startswith(NS)
        }
    )


# --- the namespace and the ontology agree -------------------------------------------------


def test_vocab_ontology_and_namespace_do_not_drift(ontology: Graph) -> None:
    declared = _declared_terms(ontology)
    annotated = _annotated_names()
    assert declared == annotated, _drift_message(
        "diplomacy.ttl", declared - annotated, "kg.vocab.DIP", annotated - declared
    )


def test_vocab_ontology_uses_only_declared_terms(ontology: Graph) -> None:
    undeclared = _mentioned_terms(ontology) - _declared_terms(ontology)
    assert not undeclared, f"dip: terms used in diplomacy.ttl but never declared: {undeclared}"


def test_vocab_shapes_use_only_declared_terms(ontology: Graph, shapes: Graph) -> None:
    undeclared = _mentioned_terms(shapes) - _declared_terms(ontology)
    assert not undeclared, f"dip: terms used in shapes.ttl but not in diplomacy.ttl: {undeclared}"


@pytest.mark.parametrize("name", sorted(_annotated_names()))
def test_vocab_term_is_documented(ontology: Graph, name: str) -> None:
    term = _term(name)
    labels = list(ontology.objects(term, RDFS.label))
    assert len(labels) == 1, f"{name}: {len(labels)} rdfs:label"
    assert list(ontology.objects(term, RDFS.comment)), f"{name}: no rdfs:comment"
    assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in ontology, f"{name}: no rdfs:isDefinedBy"


def test_vocab_every_property_has_domain_and_range(ontology: Graph) -> None:
    properties = _properties(ontology)
    assert properties
    missing = [
        f"{_local(p)} ({what})"
        for p in properties
        for what, predicate in (("domain", RDFS.domain), ("range", RDFS.range))
        if ontology.value(p, predicate) is None
    ]
    assert not missing, f"properties without domain or range: {missing}"


def test_vocab_datatype_properties_range_over_datatypes(ontology: Graph) -> None:
    wrong = {
        _local(p): ontology.value(p, RDFS.range)
        for p in ontology.subjects(RDF.type, OWL.DatatypeProperty)
        if isinstance(p, URIRef)
        and ontology.value(p, RDFS.range) not in (XSD_STRING, XSD_DATE, XSD_INTEGER)
    }
    assert not wrong, f"datatype properties with an unexpected range: {wrong}"


# --- the contract ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [(name, OWL.Class) for name in CONTRACT_CLASSES]
    + [(name, OWL.ObjectProperty) for name in CONTRACT_OBJECT_PROPERTIES]
    + [(name, OWL.DatatypeProperty) for name in CONTRACT_DATATYPE_PROPERTIES],
)
def test_vocab_contract_term_is_declared(ontology: Graph, name: str, kind: URIRef) -> None:
    term = _term(name)
    assert term == URIRef(NS + name)
    assert (term, RDF.type, kind) in ontology, f"dip:{name} is not declared as {kind}"


@pytest.mark.parametrize(
    ("subject", "predicate", "obj"),
    [
        (DIP.Person, RDFS.subClassOf, DIP.Actor),
        (DIP.Organization, RDFS.subClassOf, DIP.Actor),
        (DIP.Country, RDFS.subClassOf, DIP.Actor),
        (DIP.Meeting, RDFS.subClassOf, DIP.Event),
        (DIP.Statement, RDFS.subClassOf, DIP.Event),
        (DIP.Agreement, RDFS.subClassOf, DIP.Event),
        (DIP.Attack, RDFS.subClassOf, DIP.Event),
        (DIP.metWith, RDF.type, OWL.SymmetricProperty),
        (DIP.participant, RDFS.domain, DIP.Event),
        (DIP.participant, RDFS.range, DIP.Actor),
        (DIP.holdsPost, RDFS.range, DIP.Post),
        (DIP.speaker, RDFS.range, DIP.Person),
        (DIP.date, RDFS.range, XSD_DATE),
        (DIP.killed, RDFS.range, XSD_INTEGER),
        (DIP.startChar, RDFS.range, XSD_INTEGER),
        (DIP.endChar, RDFS.range, XSD_INTEGER),
        (DIP.published, RDFS.range, XSD_DATE),
        (DIP.reportedOn, RDFS.domain, DIP.Event),
        (DIP.reportedOn, RDFS.range, XSD_DATE),
    ],
)
def test_vocab_contract_axiom(
    ontology: Graph, subject: URIRef, predicate: URIRef, obj: URIRef
) -> None:
    assert (subject, predicate, obj) in ontology


@pytest.mark.parametrize(
    ("subject", "predicate", "obj"),
    [
        (DIP.Event, RDFS.subClassOf, SCHEMA.Event),
        (DIP.Event, RDFS.subClassOf, SEM.Event),
        (DIP.Actor, RDFS.subClassOf, SEM.Actor),
        (DIP.Person, RDFS.subClassOf, SCHEMA.Person),
        (DIP.Person, RDFS.subClassOf, FOAF.Person),
        (DIP.Organization, RDFS.subClassOf, SCHEMA.Organization),
        (DIP.Organization, RDFS.subClassOf, FOAF.Organization),
        (DIP.Country, RDFS.subClassOf, SCHEMA.Country),
        (DIP.Place, RDFS.subClassOf, SCHEMA.Place),
        (DIP.Place, RDFS.subClassOf, SEM.Place),
        (DIP.Post, RDFS.subClassOf, ORG.Post),
        (DIP.Document, RDFS.subClassOf, SCHEMA.NewsArticle),
        (DIP.Document, RDFS.subClassOf, PROV.Entity),
        (DIP.participant, RDFS.subPropertyOf, SEM.hasActor),
        (DIP.participant, SKOS.closeMatch, SCHEMA.attendee),
        (DIP.location, RDFS.subPropertyOf, SCHEMA.location),
        (DIP.location, RDFS.subPropertyOf, SEM.hasPlace),
        (DIP.holdsPost, RDFS.subPropertyOf, ORG.holds),
        (DIP.postIn, RDFS.subPropertyOf, ORG.postIn),
        (DIP.affiliation, SKOS.closeMatch, ORG.memberOf),
    ],
)
def test_vocab_alignment(ontology: Graph, subject: URIRef, predicate: URIRef, obj: URIRef) -> None:
    assert (subject, predicate, obj) in ontology


@pytest.mark.parametrize("code", ["040", "042", "043", "044", "046"])
def test_vocab_cameo_codes_documented(ontology: Graph, code: str) -> None:
    assert code in str(ontology.value(DIP.cameo, RDFS.comment))


@pytest.mark.parametrize(
    ("prop", "union"),
    [
        (DIP.location, {DIP.Place, DIP.Country}),
        (DIP.postIn, {DIP.Organization, DIP.Country}),
        (DIP.affiliation, {DIP.Organization, DIP.Country}),
    ],
)
def test_vocab_union_range(ontology: Graph, prop: URIRef, union: set[URIRef]) -> None:
    range_ = ontology.value(prop, RDFS.range)
    assert isinstance(range_, BNode)
    members = ontology.value(range_, OWL.unionOf)
    assert members is not None
    assert set(ontology.items(members)) == union


def test_vocab_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    for predicate in (OWL.versionInfo, OWL.versionIRI, RDFS.label, RDFS.comment, DCTERMS.title):
        assert ontology.value(ONTOLOGY_IRI, predicate) is not None, predicate


# --- the closed namespace -----------------------------------------------------------------


def test_vocab_unknown_term_raises() -> None:
    with pytest.raises(AttributeError):
        _ = DIP.NotATerm
    with pytest.raises(AttributeError):
        _ = DIP["Meting"]


def test_vocab_unknown_schema_term_raises() -> None:
    assert SCHEMA.NewsArticle == URIRef("https://schema.org/NewsArticle")
    with pytest.raises(AttributeError):
        _ = SCHEMA.NewsArtcle


def test_vocab_known_term_is_uriref() -> None:
    assert DIP.Meeting == URIRef(NS + "Meeting")
    assert isinstance(DIP.metWith, URIRef)
    assert DIP.Meeting in DIP
    assert DIPR["country/USA"] == URIRef("https://w3id.org/diplomacy-kg/resource/country/USA")


# --- package data and prefixes --------------------------------------------------------------


def test_vocab_load_ontology_reads_package_data() -> None:
    package = files("kg.ontology")
    assert package.joinpath("diplomacy.ttl").is_file()
    assert package.joinpath("shapes.ttl").is_file()
    assert ontology_text() == package.joinpath("diplomacy.ttl").read_text(encoding="utf-8")
    first = load_ontology()
    assert (DIP.Meeting, RDF.type, OWL.Class) in first
    first.remove((None, None, None))
    assert len(load_ontology()) > 0, "load_ontology must return a fresh graph each call"


def test_vocab_ontology_text_missing_file() -> None:
    with pytest.raises(FileNotFoundError):
        ontology_text("no-such-file.ttl")


def test_vocab_bind_prefixes() -> None:
    g = Graph(bind_namespaces="none")
    g.bind("schema", "http://schema.org/")
    bind_prefixes(g)
    bound = {prefix: str(ns) for prefix, ns in g.namespaces()}
    assert bound == {
        "dip": NS,
        "dipr": "https://w3id.org/diplomacy-kg/resource/",
        "prov": str(PROV),
        "org": str(ORG),
        "schema": "https://schema.org/",
        "skos": str(SKOS),
        "rdfs": str(RDFS),
        "xsd": str(rdflib.namespace.XSD),
        "owl": str(OWL),
    }
    assert g.qname(DIP.holdsPost) == "dip:holdsPost"


# --- SHACL shapes ---------------------------------------------------------------------------

DOC = DIPR["document/0f3a"]
POMPEO = DIPR["person/mike-pompeo"]
LAVROV = DIPR["person/sergey-lavrov"]
USA = DIPR["country/USA"]
RUS = DIPR["country/RUS"]
SOCHI = DIPR["place/sochi"]
POST = DIPR["post/USA/secretary-of-state"]
MEETING = DIPR["event/meeting-1"]
STATEMENT = DIPR["event/statement-1"]
AGREEMENT = DIPR["event/agreement-1"]
ATTACK = DIPR["event/attack-1"]


def _event(g: Graph, event: URIRef, kind: URIRef, start: int, end: int) -> None:
    g.add((event, RDF.type, kind))
    g.add((event, DIP.status, Literal("asserted")))
    g.add((event, DIP.evidence, Literal("Pompeo met Lavrov in Sochi on Tuesday.")))
    g.add((event, DIP.startChar, Literal(start)))
    g.add((event, DIP.endChar, Literal(end)))
    g.add((event, PROV.wasDerivedFrom, DOC))


def _good_graph() -> Graph:
    """A small graph of the shape kg produces, one of each kind of node."""
    g = Graph()
    g.add((DOC, RDF.type, DIP.Document))
    g.add((DOC, DIP.sha256, Literal("0f3a" * 16)))
    g.add((DOC, DIP.sourcePath, Literal("articles/pompeo.txt")))
    g.add((DOC, DIP.title, Literal("Pompeo meets Lavrov in Sochi")))
    g.add((DOC, DIP.published, Literal("2019-05-14", datatype=XSD_DATE)))
    for person, label in ((POMPEO, "Mike Pompeo"), (LAVROV, "Sergey Lavrov")):
        g.add((person, RDF.type, DIP.Person))
        g.add((person, RDFS.label, Literal(label)))
        g.add((person, DIP.mentionedIn, DOC))
    g.add((POMPEO, SKOS.altLabel, Literal("Pompeo")))
    g.add((POMPEO, DIP.holdsPost, POST))
    g.add((POMPEO, DIP.affiliation, USA))
    g.add((POST, RDF.type, DIP.Post))
    g.add((POST, RDFS.label, Literal("Secretary of State of the United States")))
    g.add((POST, DIP.roleTitle, Literal("Secretary of State", datatype=XSD_STRING)))
    g.add((POST, DIP.postIn, USA))
    for country, label, code in ((USA, "United States", "USA"), (RUS, "Russia", "RUS")):
        g.add((country, RDF.type, DIP.Country))
        g.add((country, RDFS.label, Literal(label, lang="en")))
        g.add((country, DIP.isoCode, Literal(code)))
    g.add((SOCHI, RDF.type, DIP.Place))
    g.add((SOCHI, RDFS.label, Literal("Sochi")))
    g.add((SOCHI, DIP.inCountry, RUS))

    _event(g, MEETING, DIP.Meeting, 0, 38)
    g.add((MEETING, DIP.participant, POMPEO))
    g.add((MEETING, DIP.participant, LAVROV))
    g.add((MEETING, DIP.location, SOCHI))
    g.add((MEETING, DIP.date, Literal("2019-05-14", datatype=XSD_DATE)))
    g.add((MEETING, DIP.dateText, Literal("on Tuesday")))
    g.add((MEETING, DIP.reportedOn, Literal("2019-05-15", datatype=XSD_DATE)))
    g.add((MEETING, DIP.cameo, Literal("042")))
    g.add((POMPEO, DIP.metWith, LAVROV))
    g.add((LAVROV, DIP.metWith, POMPEO))

    _event(g, STATEMENT, DIP.Statement, 39, 80)
    g.add((STATEMENT, DIP.speaker, LAVROV))
    g.add((STATEMENT, DIP.quote, Literal("We are ready to talk.")))

    _event(g, AGREEMENT, DIP.Agreement, 81, 120)
    g.add((AGREEMENT, DIP.signatory, USA))
    g.add((AGREEMENT, DIP.location, RUS))

    _event(g, ATTACK, DIP.Attack, 121, 160)
    g.add((ATTACK, DIP.status, Literal("negated", datatype=XSD_STRING)))
    g.remove((ATTACK, DIP.status, Literal("asserted")))
    g.add((ATTACK, DIP.killed, Literal(0)))
    return g


def _violations(data: Graph, shapes: Graph, ontology: Graph) -> set[tuple[object, object, str]]:
    """(focus node, result path, constraint component name) of every validation result."""
    pyshacl = pytest.importorskip("pyshacl")
    conforms, report, _ = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=False
    )
    assert isinstance(report, Graph)
    def path(result: Node) -> object:
        """The result path; an inverse path as ("^", property)."""
        p = report.value(result, SH.resultPath)
        inverse = report.value(p, SH.inversePath) if isinstance(p, BNode) else None
        return ("^", inverse) if inverse is not None else p

    found: set[tuple[object, object, str]] = {
        (
            report.value(result, SH.focusNode),
            path(result),
            str(report.value(result, SH.sourceConstraintComponent)).removeprefix(str(SH)),
        )
        for result in report.subjects(RDF.type, SH.ValidationResult)
    }
    assert conforms == (not found)
    return found


def test_vocab_shapes_parse(shapes: Graph) -> None:
    assert len(list(shapes.subjects(RDF.type, SH.NodeShape))) >= 8


def test_vocab_shapes_accept_conforming_graph(shapes: Graph, ontology: Graph) -> None:
    assert _violations(_good_graph(), shapes, ontology) == set()


def test_vocab_shapes_reject_bad_graph(shapes: Graph, ontology: Graph) -> None:
    g = _good_graph()
    g.remove((MEETING, DIP.participant, LAVROV))
    g.add((POMPEO, RDFS.label, Literal("Michael R. Pompeo")))
    assert _violations(g, shapes, ontology) == {
        (MEETING, DIP.participant, "MinCountConstraintComponent"),
        (POMPEO, RDFS.label, "MaxCountConstraintComponent"),
    }


Mutation = Callable[[Graph], None]


def _add(*triples: tuple[URIRef, URIRef, URIRef | Literal]) -> Mutation:
    def mutate(g: Graph) -> None:
        for triple in triples:
            g.add(triple)

    return mutate


def _drop(subject: URIRef, predicate: URIRef) -> Mutation:
    def mutate(g: Graph) -> None:
        g.remove((subject, predicate, None))

    return mutate


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        pytest.param(
            _add((MEETING, DIP.status, Literal("maybe"))),
            {
                (MEETING, DIP.status, "MaxCountConstraintComponent"),
                (MEETING, DIP.status, "PatternConstraintComponent"),
            },
            id="status-not-in-list",
        ),
        pytest.param(
            _drop(MEETING, DIP.status),
            {(MEETING, DIP.status, "MinCountConstraintComponent")},
            id="status-missing",
        ),
        pytest.param(
            _add((MEETING, DIP.date, Literal("Tuesday"))),
            {
                (MEETING, DIP.date, "MaxCountConstraintComponent"),
                (MEETING, DIP.date, "DatatypeConstraintComponent"),
            },
            id="date-not-xsd-date",
        ),
        pytest.param(
            _add((MEETING, DIP.reportedOn, Literal("2019-05-16"))),
            {
                (MEETING, DIP.reportedOn, "MaxCountConstraintComponent"),
                (MEETING, DIP.reportedOn, "DatatypeConstraintComponent"),
            },
            id="reported-on-not-xsd-date",
        ),
        pytest.param(
            _drop(MEETING, DIP.evidence),
            {(MEETING, DIP.evidence, "MinCountConstraintComponent")},
            id="evidence-missing",
        ),
        pytest.param(
            _drop(MEETING, PROV.wasDerivedFrom),
            {(MEETING, PROV.wasDerivedFrom, "MinCountConstraintComponent")},
            id="source-missing",
        ),
        pytest.param(
            _add((MEETING, DIP.location, POMPEO)),
            {(MEETING, DIP.location, "OrConstraintComponent")},
            id="location-a-person",
        ),
        pytest.param(
            _add((STATEMENT, DIP.speaker, POMPEO)),
            {(STATEMENT, DIP.speaker, "MaxCountConstraintComponent")},
            id="two-speakers",
        ),
        pytest.param(
            _drop(AGREEMENT, DIP.signatory),
            {(AGREEMENT, DIP.signatory, "MinCountConstraintComponent")},
            id="no-signatory",
        ),
        pytest.param(
            _add((ATTACK, DIP.killed, Literal(-3))),
            {
                (ATTACK, DIP.killed, "MaxCountConstraintComponent"),
                (ATTACK, DIP.killed, "MinInclusiveConstraintComponent"),
            },
            id="negative-killed",
        ),
        pytest.param(
            _add((ATTACK, DIP.startChar, Literal(500))),
            {
                (ATTACK, DIP.startChar, "MaxCountConstraintComponent"),
                (ATTACK, DIP.startChar, "LessThanConstraintComponent"),
            },
            id="start-after-end",
        ),
        pytest.param(
            _drop(POST, DIP.roleTitle),
            {(POST, DIP.roleTitle, "MinCountConstraintComponent")},
            id="post-without-title",
        ),
        pytest.param(
            _drop(SOCHI, RDFS.label),
            {(SOCHI, RDFS.label, "MinCountConstraintComponent")},
            id="place-without-label",
        ),
        pytest.param(
            _drop(DOC, DIP.sha256),
            {(DOC, DIP.sha256, "MinCountConstraintComponent")},
            id="document-without-hash",
        ),
        pytest.param(
            _drop(DOC, DIP.sourcePath),
            {(DOC, DIP.sourcePath, "MinCountConstraintComponent")},
            id="document-without-path",
        ),
        pytest.param(
            _drop(LAVROV, DIP.metWith),
            # both ends are named: Pompeo met Lavrov, Lavrov was met by Pompeo
            {(POMPEO, ("^", DIP.metWith), "EqualsConstraintComponent"),
             (LAVROV, ("^", DIP.metWith), "EqualsConstraintComponent")},
            id="met-with-one-way",
        ),
    ],
)
def test_vocab_shapes_reject_violation(
    shapes: Graph, ontology: Graph, mutate: Mutation, expected: set[tuple[object, object, str]]
) -> None:
    g = _good_graph()
    mutate(g)
    assert _violations(g, shapes, ontology) == expected
