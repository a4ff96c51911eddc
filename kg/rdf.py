"""Entities and events -> RDF triples, one named graph per article.  The only minter.

Every IRI is deterministic: entities by their resolution key (``person/mike-pompeo``,
``country/USA``), posts by body and title, documents by their source path, events by a
hash of the document, the event kind and the offsets of the words that triggered it.  So
building the same articles twice gives the same graph.

Dates: ``dip:date`` is only ever a day, resolved from the phrase as written
(``dip:dateText``) against the article's publication date by :func:`kg.dates.resolve_date`,
read forward for a planned event.  Every event of an article with a known publication date
also carries ``dip:reportedOn``, that date: on all events, dated or not, so that "when was
this reported" never depends on whether a phrase resolved; readers that show an undated
event fall back to it and label it as a report date.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from itertools import combinations

from rdflib import XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from kg.dates import is_date_phrase, resolve_date
from kg.model import Entity, Evidence, Mention, Resolution
from kg.resolve import slugify
from kg.vocab import DIP, DIPR, bind_prefixes

_KIND_CLASS = {"Person": DIP.Person, "Organization": DIP.Organization,
               "Country": DIP.Country, "Place": DIP.Place}


def document_iri(source: str, base: Namespace = DIPR) -> URIRef:
    """The IRI of an article, from its source path (stable when the text changes)."""
    digest = hashlib.sha1(source.encode("utf-8")).hexdigest()[:10]
    return base[f"document/{slugify(source.replace('.', '-'))[-60:].strip('-')}-{digest}"]


def entity_iri(entity: Entity, base: Namespace = DIPR) -> URIRef:
    return base[entity.key]


def _event_iri(kind: str, doc_sha: str, ev: Evidence, extra: str, base: Namespace) -> URIRef:
    digest = hashlib.sha256(f"{doc_sha}|{kind}|{ev.start}|{ev.end}|{extra}".encode()).hexdigest()
    return base[f"event/{kind.lower()}-{digest[:16]}"]


_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _nt(term: Node) -> str:
    """A term in N-Triples syntax (also valid inside SPARQL INSERT DATA)."""
    if isinstance(term, Literal):
        text = '"' + str(term).translate(_NT_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{text}^^<{term.datatype}>"
        return text
    return f"<{term}>"


class Triples:
    """One article's triples in the order they were minted, as a named graph.

    Cheaper than an rdflib Graph (no indexes) for what a build does with them: write them
    to a store as N-Triples.  :meth:`graph` gives an rdflib Graph when one is wanted.
    """

    def __init__(self, identifier: URIRef) -> None:
        self.identifier = identifier
        self._triples: dict[tuple[Node, Node, Node], None] = {}
        self._text: str | None = None

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        self._triples[triple] = None
        self._text = None

    def __iter__(self) -> Iterator[tuple[Node, Node, Node]]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def ntriples(self) -> str:
        """The triples as N-Triples (made once: the store and the validation both ask)."""
        if self._text is None:
            self._text = "".join(f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o in self._triples)
        return self._text

    def graph(self) -> Graph:
        g = Graph(identifier=self.identifier)
        bind_prefixes(g)
        for t in self._triples:
            g.add(t)
        return g


class _Minter:
    def __init__(self, res: Resolution, base: Namespace) -> None:
        self.res = res
        self.base = base
        article = res.extraction.article
        self.doc = document_iri(article.source, base)
        self.g = Triples(self.doc)

    def entity(self, m: Mention) -> URIRef:
        return entity_iri(self.res.entity_of[m], self.base)

    def place(self, m: Mention) -> URIRef:
        """Where an event happened: a place or country; a body named as the place ("at 10
        Downing Street", "at the White House") stands for its premises, a Place."""
        e = self.res.entity_of[m]
        if e.kind != "Organization":
            return entity_iri(e, self.base)
        seat = Entity(f"place/{slugify(e.label)}", "Place", e.label)
        self.add_entity(seat)
        self.g.add((entity_iri(seat, self.base), DIP.mentionedIn, self.doc))
        return entity_iri(seat, self.base)

    def add_entity(self, e: Entity) -> None:
        s = entity_iri(e, self.base)
        self.g.add((s, RDF.type, _KIND_CLASS[e.kind]))
        self.g.add((s, RDFS.label, Literal(e.label)))
        for alt in sorted(e.alt_labels):
            self.g.add((s, SKOS.altLabel, Literal(alt)))
        if e.iso3:
            self.g.add((s, DIP.isoCode, Literal(e.iso3)))
        if e.country:
            self.g.add((s, DIP.inCountry, self.base[e.country]))

    def date(self, event: URIRef, text: str | None, *, future: bool = False,
             anchor: str | None = None) -> None:
        """The date phrase as written, and the day it names when the article's date (or
        the phrase itself) pins it down.  A phrase that is no date ("nearly daily", "1130
        GMT", "26-year-old": :func:`kg.dates.is_date_phrase`) is not kept at all.  An
        ``anchor`` (the day of a saying that quotes the phrase: "'Yesterday ...,' she said
        on Sunday") is read against the article's date first, and the phrase against it."""
        if not text or not is_date_phrase(text):
            return
        self.g.add((event, DIP.dateText, Literal(text)))
        published = self.res.extraction.article.date
        said = resolve_date(anchor, published) if anchor else None
        day = resolve_date(text, said or published, future=future)
        if day is not None:
            self.g.add((event, DIP.date, Literal(day, datatype=XSD.date)))

    def fact(self, s: URIRef, p: URIRef, o: URIRef, ev: Evidence) -> None:
        """Provenance of a post or affiliation: a reified ``rdf:Statement`` carrying the
        sentence, its offsets and the source article, like an event does."""
        extra = f"{s}|{p}|{o}"
        st = _event_iri("fact", self.res.extraction.article.sha256, ev, extra, self.base)
        g = self.g
        g.add((st, RDF.type, RDF.Statement))
        g.add((st, RDF.subject, s))
        g.add((st, RDF.predicate, p))
        g.add((st, RDF.object, o))
        g.add((st, DIP.evidence, Literal(ev.sentence)))
        g.add((st, DIP.startChar, Literal(ev.start, datatype=XSD.integer)))
        g.add((st, DIP.endChar, Literal(ev.end, datatype=XSD.integer)))
        g.add((st, PROV.wasDerivedFrom, self.doc))

    def event(self, cls: URIRef, kind: str, ev: Evidence, extra: str) -> URIRef:
        e = _event_iri(kind, self.res.extraction.article.sha256, ev, extra, self.base)
        g = self.g
        g.add((e, RDF.type, cls))
        g.add((e, DIP.evidence, Literal(ev.sentence)))
        g.add((e, DIP.startChar, Literal(ev.start, datatype=XSD.integer)))
        g.add((e, DIP.endChar, Literal(ev.end, datatype=XSD.integer)))
        g.add((e, PROV.wasDerivedFrom, self.doc))
        published = self.res.extraction.article.date
        if published is not None:  # on every event, dated or not: see the module docstring
            g.add((e, DIP.reportedOn, Literal(published, datatype=XSD.date)))
        return e


def article_graph(res: Resolution, base: Namespace = DIPR) -> Graph:
    """The named graph of one article as an rdflib Graph (see :func:`article_triples`)."""
    return article_triples(res, base).graph()


def article_triples(res: Resolution, base: Namespace = DIPR) -> Triples:
    """The named graph of one article: its document, entities, events and posts."""
    mint = _Minter(res, base)
    g = mint.g
    art = res.extraction.article
    g.add((mint.doc, RDF.type, DIP.Document))
    g.add((mint.doc, DIP.sourcePath, Literal(art.source)))
    g.add((mint.doc, DIP.sha256, Literal(art.sha256)))
    if art.title:
        g.add((mint.doc, DIP.title, Literal(art.title)))
    if art.date:
        g.add((mint.doc, DIP.published, Literal(art.date, datatype=XSD.date)))
    for ent in res.entities:
        mint.add_entity(ent)
        g.add((entity_iri(ent, base), DIP.mentionedIn, mint.doc))
    dateline = res.extraction.dateline
    if dateline is not None and dateline in res.entity_of:
        g.add((mint.doc, DIP.reportedFrom, mint.entity(dateline)))

    ex = res.extraction
    for m in ex.meetings:
        parts = sorted({mint.entity(p) for p in m.participants})
        if len(parts) < 2:
            continue  # two mentions of one entity ("Pompeo ... Mike Pompeo") are no meeting
        e = mint.event(DIP.Meeting, "meeting", m.evidence, "|".join(parts) + m.trigger)
        for p in parts:
            g.add((e, DIP.participant, p))
        g.add((e, DIP.status, Literal(m.status)))
        g.add((e, DIP.cameo, Literal(m.cameo)))
        for ev in m.support:  # further sentences reporting the same meeting
            span = _event_iri("span", art.sha256, ev, str(e), base)
            g.add((e, DIP.supportedBy, span))
            g.add((span, RDF.type, DIP.EvidenceSpan))
            g.add((span, DIP.evidence, Literal(ev.sentence)))
            g.add((span, DIP.startChar, Literal(ev.start, datatype=XSD.integer)))
            g.add((span, DIP.endChar, Literal(ev.end, datatype=XSD.integer)))
        if m.location is not None:
            g.add((e, DIP.location, mint.place(m.location)))
        mint.date(e, m.date_text, future=m.status == "planned", anchor=m.date_anchor)
        if m.status == "asserted":
            for a, b in combinations(parts, 2):
                g.add((a, DIP.metWith, b))
                g.add((b, DIP.metWith, a))
    for s in ex.statements:
        e = mint.event(DIP.Statement, "statement", s.evidence, str(mint.entity(s.speaker)))
        g.add((e, DIP.speaker, mint.entity(s.speaker)))
        g.add((e, DIP.status, Literal("asserted")))
        if s.quote:
            g.add((e, DIP.quote, Literal(s.quote)))
    for agr in ex.agreements:
        sigs = sorted({mint.entity(p) for p in agr.signatories})
        e = mint.event(DIP.Agreement, "agreement", agr.evidence, "|".join(sigs))
        for p in sigs:
            g.add((e, DIP.signatory, p))
        g.add((e, DIP.status, Literal(agr.status)))
        mint.date(e, agr.date_text, future=agr.status == "planned")
    for k in ex.attacks:
        e = mint.event(DIP.Attack, "attack", k.evidence, "")
        g.add((e, DIP.status, Literal("asserted")))
        if k.location is not None:
            g.add((e, DIP.location, mint.place(k.location)))
        if k.killed is not None:
            g.add((e, DIP.killed, Literal(k.killed, datatype=XSD.integer)))
        mint.date(e, k.date_text)
    from kg.posts import title_case  # spaCy-free readers of a store never load it

    titles: dict[str, str] = {}  # one label per post: the first spelling of its title
    for f in ex.posts:
        person = mint.entity(f.person)
        title = title_case(f.title)
        body = res.entity_of[f.org] if f.org is not None else None
        key = f"post/{slugify(body.key) if body else 'unattached'}/{slugify(title)}"
        title = titles.setdefault(key, title)
        post = base[key]
        g.add((post, RDF.type, DIP.Post))
        g.add((post, RDFS.label, Literal(f"{body.label} {title}" if body else title)))
        g.add((post, DIP.roleTitle, Literal(title)))
        g.add((person, DIP.holdsPost, post))
        mint.fact(person, DIP.holdsPost, post, f.evidence)
        if body is not None:
            g.add((post, DIP.postIn, entity_iri(body, base)))
            g.add((person, DIP.affiliation, entity_iri(body, base)))
            mint.fact(person, DIP.affiliation, entity_iri(body, base), f.evidence)
    return g
