"""The diplomacy-kg vocabulary: the ``dip:`` terms as Python names, and the ontology files.

:class:`DIP` mirrors every class and property declared in ``ontology/diplomacy.ttl``
(shipped as package data in :mod:`kg.ontology`). It is a closed namespace: ``DIP.Meeting``
is ``URIRef("https://w3id.org/diplomacy-kg/ontology#Meeting")`` and a typo such as
``DIP.Meting`` raises :class:`AttributeError` instead of minting a new IRI. A test checks
that the Python names and the ontology never drift apart.

Examples
--------
>>> DIP.Meeting
rdflib.term.URIRef('https://w3id.org/diplomacy-kg/ontology#Meeting')
>>> DIPR["country/USA"]
rdflib.term.URIRef('https://w3id.org/diplomacy-kg/resource/country/USA')
"""

from __future__ import annotations

from importlib.resources import files

import rdflib.namespace
from rdflib import Graph
from rdflib.namespace import ORG, OWL, PROV, RDFS, SKOS, Namespace
from rdflib.term import URIRef

# rdflib.namespace.DefinedNamespace, SDO and XSD are reached through their module rather than
# imported by name: as module globals they warn when pytest (doctest collection) probes them.

__all__ = [
    "DIP",
    "DIPR",
    "ORG",
    "PROV",
    "SCHEMA",
    "SEM",
    "SKOS",
    "bind_prefixes",
    "load_ontology",
    "load_shapes",
    "ontology_text",
]

ONTOLOGY_PACKAGE = "kg.ontology"
"""The package whose data files are ``diplomacy.ttl`` and ``shapes.ttl``."""


class DIP(rdflib.namespace.DefinedNamespace):
    """The diplomacy-kg ontology (``dip:``).

    News diplomacy as a graph: who met whom, where and when, who holds which post, who
    said what, who signed what, which attacks were reported, each fact traced to its
    sentence and article.

    Defined in: ontology/diplomacy.ttl (https://w3id.org/diplomacy-kg/ontology)
    """

    _fail = True

    # http://www.w3.org/2002/07/owl#Class
    Actor: URIRef  # Someone who can take part in diplomacy: a person, organization or country.
    Agreement: URIRef  # The signing or conclusion of an agreement; its parties are signatories.
    Attack: URIRef  # An attack, strike or bombing; dip:killed gives the stated casualties.
    Country: URIRef  # A sovereign state, as an actor and as a place; ISO 3166 alpha-3 coded.
    Document: URIRef  # A news article (or JSONL record) from which facts were extracted.
    Event: URIRef  # Something an article reports as happening, planned or denied.
    EvidenceSpan: URIRef  # A further sentence reporting the same event, with its offsets.
    Meeting: URIRef  # A meeting, visit, talks or negotiation between two or more actors.
    Organization: URIRef  # An international body, ministry, party or armed group.
    Person: URIRef  # A human being named in an article.
    Place: URIRef  # A location below or beside the country level: city, region, building.
    Post: URIRef  # A position in an organization or country that a person holds.
    Statement: URIRef  # Something a person said, as reported by an article.

    # http://www.w3.org/2002/07/owl#ObjectProperty
    affiliation: URIRef  # Person -> Organization or Country: membership or nationality.
    dateFrom: URIRef  # Meeting -> Meeting: where an inferred dip:date comes from.
    holdsPost: URIRef  # Person -> Post, e.g. Mike Pompeo -> Secretary of State of the US.
    inCountry: URIRef  # Place -> Country: the country a place lies in.
    location: URIRef  # Event -> Place or Country: where it happened.
    mentionedIn: URIRef  # Actor or Place -> Document: an article mentions it.
    metWith: URIRef  # Actor <-> Actor: symmetric, materialised for every pair of participants.
    participant: URIRef  # Event -> Actor: an actor taking part (a meeting has 2 or more).
    postIn: URIRef  # Post -> Organization or Country: whose post it is.
    reportedFrom: URIRef  # Document -> Place or Country: where the dateline places it.
    signatory: URIRef  # Agreement -> Actor: a party to the agreement.
    speaker: URIRef  # Statement -> Person: who said it.
    supportedBy: URIRef  # Event -> EvidenceSpan: a further sentence reporting the same event.

    # http://www.w3.org/2002/07/owl#DatatypeProperty
    cameo: URIRef  # Meeting -> string: CAMEO code (040, 042, 043, 044, 046).
    date: URIRef  # Event -> xsd:date, resolved against the article's date where known.
    dateText: URIRef  # Event -> string: the date phrase as written.
    endChar: URIRef  # Event -> xsd:integer: end offset (exclusive) of the evidence sentence.
    evidence: URIRef  # Event -> string: the sentence the fact came from.
    isoCode: URIRef  # Country -> string: ISO 3166-1 alpha-3 code, e.g. "USA".
    killed: URIRef  # Attack -> xsd:integer: casualties the text states.
    published: URIRef  # Document -> xsd:date: the day the article was published.
    quote: URIRef  # Statement -> string: what the speaker said.
    reportedOn: URIRef  # Event -> xsd:date: the publication date of the reporting article.
    roleTitle: URIRef  # Post -> string: the title as written, e.g. "Secretary of State".
    sha256: URIRef  # Document -> string: hex SHA-256 of the text, to recognise a re-ingest.
    sourcePath: URIRef  # Document -> string: the input path as given, or the JSONL record id.
    startChar: URIRef  # Event -> xsd:integer: start offset of the evidence sentence.
    status: URIRef  # Event -> "asserted", "planned" or "negated": did the text say it happened.
    title: URIRef  # Document -> string: the headline.

    _NS = Namespace("https://w3id.org/diplomacy-kg/ontology#")


DIPR = Namespace("https://w3id.org/diplomacy-kg/resource/")
"""Default base of minted resources (``dipr:person/mike-pompeo``); ``--base`` overrides."""


class SCHEMA(rdflib.namespace.SDO):
    """schema.org (``https://schema.org/``), closed: an unknown term raises AttributeError.

    rdflib's :class:`rdflib.namespace.SDO` only warns on an unknown term; this subclass
    fails like :class:`DIP`, so a typo cannot mint a schema.org IRI that does not exist.
    """

    _fail = True


SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
"""The Simple Event Model, which the ontology aligns events, actors and places to."""

_PREFIXES: tuple[tuple[str, str], ...] = (
    ("dip", str(DIP)),
    ("dipr", str(DIPR)),
    ("prov", str(PROV)),
    ("org", str(ORG)),
    ("schema", str(SCHEMA)),
    ("skos", str(SKOS)),
    ("rdfs", str(RDFS)),
    ("xsd", str(rdflib.namespace.XSD)),
    ("owl", str(OWL)),
)


def ontology_text(name: str = "diplomacy.ttl") -> str:
    """Return the text of a Turtle file shipped in :mod:`kg.ontology`.

    Parameters
    ----------
    name : str
        File name inside the package: ``"diplomacy.ttl"`` (the ontology) or
        ``"shapes.ttl"`` (the SHACL shapes).

    Returns
    -------
    str
        The file's contents, decoded as UTF-8.

    Raises
    ------
    FileNotFoundError
        If the package has no such file.

    Examples
    --------
    >>> "owl:Ontology" in ontology_text()
    True
    """
    return files(ONTOLOGY_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def _parse(name: str) -> Graph:
    graph = Graph()
    graph.parse(data=ontology_text(name), format="turtle")
    bind_prefixes(graph)
    return graph


def load_ontology() -> Graph:
    """Parse the diplomacy ontology into a new graph.

    Returns
    -------
    rdflib.Graph
        A fresh graph each call (callers may add to it), with the project prefixes bound.

    Examples
    --------
    >>> from rdflib import OWL, RDF
    >>> (DIP.Meeting, RDF.type, OWL.Class) in load_ontology()
    True
    """
    return _parse("diplomacy.ttl")


def load_shapes() -> Graph:
    """Parse the SHACL shapes that a produced graph should conform to.

    Validate with ``pyshacl.validate(data, shacl_graph=load_shapes(),
    ont_graph=load_ontology())`` so that shapes targeting a superclass (``dip:Actor``) reach
    instances typed with a subclass (``dip:Person``), as :func:`kg.validate.validate` does.

    Returns
    -------
    rdflib.Graph
        A fresh graph each call.
    """
    return _parse("shapes.ttl")


def bind_prefixes(g: Graph) -> None:
    """Bind the project's prefixes on ``g``, replacing other bindings of those prefixes.

    Binds ``dip``, ``dipr``, ``prov``, ``org``, ``schema``, ``skos``, ``rdfs``, ``xsd``
    and ``owl``, so serialisations use the names of the vocabulary contract.

    Examples
    --------
    >>> g = Graph()
    >>> bind_prefixes(g)
    >>> g.qname(DIP.metWith)
    'dip:metWith'
    """
    for prefix, namespace in _PREFIXES:
        g.bind(prefix, Namespace(namespace), override=True, replace=True)
