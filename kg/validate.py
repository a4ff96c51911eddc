"""Check a graph against the SHACL shapes of ``ontology/shapes.ttl``.

pySHACL runs the shapes of :func:`kg.vocab.load_shapes` with the ontology of
:func:`kg.vocab.load_ontology` mixed in, so a shape that targets ``dip:Actor`` reaches a
node typed only ``dip:Person`` (SHACL's class targets follow ``rdfs:subClassOf``).  No
RDFS inference runs: it would type the value of every property by its range, which makes the
``sh:class`` checks pass whatever the graph says, and it cost three quarters of the time.
The result is a :class:`Report`
of :class:`Violation` values, each naming its focus node, path, message, severity and the
shape that failed.

Each pySHACL call pays a fixed price (mixing in the ontology, reading the shapes), so
:func:`validate_graphs` validates article graphs in batches.  :func:`validate_store`
validates a whole store, which also catches facts that only clash across articles (one
entity labelled differently by two articles), without holding it in memory: it streams the
merged graph subject by subject, in batches of nodes each validated with the few triples
their shapes reach outside the batch, and gives the report a validation of the whole union
gives.

Examples
--------
>>> from rdflib import RDF, RDFS, Graph, Literal
>>> from kg.vocab import DIP, DIPR
>>> g = Graph()
>>> g.add((DIPR["country/FRA"], RDF.type, DIP.Country))  # doctest: +ELLIPSIS
<Graph ...>
>>> validate(g).conforms
False
>>> g.add((DIPR["country/FRA"], RDFS.label, Literal("France")))  # doctest: +ELLIPSIS
<Graph ...>
>>> print(validate(g).to_text())
Conforms: no violations.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.model import KGError
from kg.store import PREFIXES
from kg.suspects import Shapes, Suspects, usable_on
from kg.vocab import load_ontology, load_shapes
from kg.workers import first_line

__all__ = [
    "DEFAULT_BATCH",
    "Report",
    "ValidationError",
    "Violation",
    "validate",
    "validate_file",
    "validate_graphs",
    "validate_store",
    "validate_union",
]

DEFAULT_BATCH = 200
"""Article graphs validated together by :func:`validate_graphs` (one pySHACL call each)."""

SHAPES_NS = "https://w3id.org/diplomacy-kg/shapes#"

FILE_FORMATS: dict[str, str] = {
    ".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".ntriples": "nt", ".nq": "nquads",
    ".nquads": "nquads", ".trig": "trig", ".jsonld": "json-ld", ".json": "json-ld",
    ".xml": "xml", ".rdf": "xml", ".owl": "xml", ".n3": "n3",
}
"""rdflib parser of each file suffix :func:`validate_file` reads."""

_SHORT: tuple[tuple[str, str], ...] = tuple(sorted(
    [*PREFIXES.items(), ("dipsh", SHAPES_NS), ("sh", str(SH))],
    key=lambda item: -len(item[1])))
_IRI_IN_TEXT = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s\"]*)>")


class ValidationError(KGError):
    """A graph that could not be validated: a missing or unparseable file, no pySHACL."""


class GraphSource(Protocol):
    """Anything that can write its whole graph as N-Triples (:class:`kg.store.Store`)."""

    def serialize(self, fmt: str = "ttl") -> bytes: ...


def short(node: Node | None) -> str:
    """``node`` for people: an IRI with a project prefix (``dipr:person/mike-pompeo``),
    otherwise in N3; ``-`` for None.

    Examples
    --------
    >>> short(URIRef("https://w3id.org/diplomacy-kg/resource/country/USA"))
    'dipr:country/USA'
    >>> short(Literal("2019"))
    '"2019"'
    """
    if node is None:
        return "-"
    if isinstance(node, URIRef):
        text = str(node)
        for prefix, ns in _SHORT:
            if text.startswith(ns) and len(text) > len(ns):
                return f"{prefix}:{text[len(ns):]}"
        return f"<{text}>"
    if isinstance(node, (Literal, BNode)):
        return node.n3()
    return str(node)


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result."""

    focus: Node
    """The node that failed (an event, actor, document...)."""
    path: Node | None
    """The property checked (``dip:participant``), or None for a node-level constraint."""
    message: str
    """What is wrong, with project prefixes for IRIs."""
    severity: str
    """``Violation``, ``Warning`` or ``Info``."""
    shape: str
    """The failing shape, named by its node shape (``dipsh:MeetingShape``)."""
    component: str = ""
    """The constraint kind without its suffix: ``MinCount``, ``Datatype``, ``SPARQL``..."""
    value: Node | None = None
    """The offending value, when the constraint is about one value."""

    @property
    def group(self) -> tuple[str, str, str, str]:
        """What violations are grouped by: severity, shape, path and constraint kind."""
        return (self.severity, self.shape, short(self.path), self.component)

    def to_line(self) -> str:
        return f"{short(self.focus)}: {self.message}"


@dataclass(frozen=True)
class Report:
    """The outcome of a validation: whether the graph conforms and every result."""

    conforms: bool
    violations: tuple[Violation, ...] = ()

    def __bool__(self) -> bool:
        return self.conforms

    def counts(self) -> Counter[tuple[str, str, str, str]]:
        """Number of results per :attr:`Violation.group`."""
        return Counter(v.group for v in self.violations)

    def to_text(self, *, limit: int | None = None) -> str:
        """One line per result under a counted heading per group (severity, shape, path,
        constraint); ``limit`` caps the lines shown per group."""
        if not self.violations:
            return "Conforms: no violations." if self.conforms else "Does not conform."
        kinds = Counter(v.severity for v in self.violations)
        summary = ", ".join(f"{n} {sev.lower()}{'s' if n != 1 else ''}"
                            for sev, n in sorted(kinds.items()))
        groups = self.counts()
        lines = [f"{'Conforms' if self.conforms else 'Does not conform'}: {summary} "
                 f"in {len(groups)} group{'s' if len(groups) != 1 else ''}"]
        by_group: dict[tuple[str, str, str, str], list[Violation]] = {}
        for v in sorted(self.violations, key=lambda v: (v.group, short(v.focus), v.message)):
            by_group.setdefault(v.group, []).append(v)
        for (severity, shape, path, component), members in sorted(
                by_group.items(), key=lambda item: (-len(item[1]), item[0])):
            lines.append(f"[{severity}] {shape} {path} {component}: {len(members)}")
            shown = members if limit is None else members[:limit]
            lines.extend(f"  {v.to_line()}" for v in shown)
            if len(shown) < len(members):
                lines.append(f"  ... and {len(members) - len(shown)} more")
        return "\n".join(lines)

    @classmethod
    def merge(cls, reports: Iterable[Report]) -> Report:
        """One report of several: conforms when all do, each distinct result once."""
        conforms = True
        seen: dict[Violation, None] = {}
        for report in reports:
            conforms &= report.conforms
            seen.update(dict.fromkeys(report.violations))
        return cls(conforms, tuple(seen))


@lru_cache(maxsize=1)
def _shapes_and_ontology() -> tuple[Graph, Graph]:
    """The shapes and the ontology, parsed once per process.  pySHACL mixes the ontology
    into a copy of the data graph and leaves it as it is; on its first use of the shapes
    graph it adds two RDFS axioms (owl:Class rdfs:subClassOf rdfs:Class, ...) and nothing
    after, so sharing the graphs between calls changes no result."""
    return load_shapes(), load_ontology()


def _local(node: Node | None, namespace: str) -> str:
    text = str(node) if node is not None else ""
    return text[len(namespace):] if text.startswith(namespace) else text


def _shape_name(shape: Node | None, shapes: Graph) -> str:
    """A property shape (a blank node) is named by the node shape that holds it."""
    if isinstance(shape, BNode):
        owner = shapes.value(predicate=SH.property, object=shape)
        if owner is not None:
            return short(owner)
    return short(shape)


def _message(report: Graph, result: Node) -> str:
    texts = sorted(str(m) for m in report.objects(result, SH.resultMessage))
    text = "; ".join(texts) or "constraint violated"
    return _IRI_IN_TEXT.sub(lambda m: short(URIRef(m.group(1))), text)


def _violations(report: Graph, shapes: Graph) -> Iterator[Violation]:
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        if focus is None:
            continue
        component = _local(report.value(result, SH.sourceConstraintComponent), str(SH))
        yield Violation(
            focus=focus,
            path=report.value(result, SH.resultPath),
            message=_message(report, result),
            severity=_local(report.value(result, SH.resultSeverity), str(SH)),
            shape=_shape_name(report.value(result, SH.sourceShape), shapes),
            component=component.removesuffix("ConstraintComponent"),
            value=report.value(result, SH.value),
        )


def validate(graph: Graph, *, inplace: bool = False) -> Report:
    """Validate ``graph`` against the project's shapes, with the ontology mixed in.

    The graph is not changed (pySHACL mixes the ontology into a copy), unless ``inplace``:
    then the ontology is mixed into ``graph`` itself, which saves copying it (for a graph
    made only to be validated).

    Parameters
    ----------
    graph : rdflib.Graph
        The data: one article's named graph, or the union of many.

    Returns
    -------
    Report
        ``conforms`` and every validation result.

    Raises
    ------
    ValidationError
        When pySHACL is not installed or fails on the input.
    """
    try:
        import pyshacl
    except ImportError as exc:  # pragma: no cover - pyshacl is installed with the tests
        raise ValidationError("validation needs pySHACL: pip install pyshacl") from exc
    shapes, ontology = _shapes_and_ontology()
    try:
        conforms, report, _ = pyshacl.validate(
            graph, shacl_graph=shapes, ont_graph=ontology, inference="none", inplace=inplace)
    except pyshacl.errors.ReportableRuntimeError as exc:
        raise ValidationError(f"SHACL validation failed: {first_line(exc)}") from exc
    if not isinstance(report, Graph):  # pragma: no cover - pySHACL returns a Graph here
        raise ValidationError("SHACL validation returned no report graph")
    return Report(bool(conforms), tuple(_violations(report, shapes)))


def validate_graphs(graphs: Iterable[Graph], *, batch: int = DEFAULT_BATCH) -> Report:
    """Validate many graphs (one per article) and merge the reports.

    ``batch`` graphs are validated together as one union, since each pySHACL call has a
    fixed cost: a batch also reports what clashes between its articles (one entity with two
    labels), which one-by-one validation (``batch=1``) cannot see.  The iterable is read
    lazily, a batch at a time.

    Examples
    --------
    >>> validate_graphs([]).conforms
    True
    """
    if batch < 1:
        raise ValueError("batch must be at least 1")
    reports: list[Report] = []
    it = iter(graphs)
    while chunk := list(islice(it, batch)):
        if len(chunk) == 1:
            reports.append(validate(chunk[0]))
            continue
        union = Graph()
        for g in chunk:
            union += g
        reports.append(validate(union))
    return Report.merge(reports)


STREAM_TRIPLES = 40_000
"""Triples of the store validated together by :func:`validate_store` (one pySHACL call per
batch; a batch also holds the few triples its nodes' checks look at outside it)."""

_RDF_TYPE = str(RDF.type)
_MET_WITH = "https://w3id.org/diplomacy-kg/ontology#metWith"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class _Terms:
    """Oxigraph terms as the rdflib terms N-Triples parsing would give (a simple literal
    stays a plain literal), remembered while a batch is built."""

    def __init__(self) -> None:
        self.iris: dict[str, URIRef] = {}

    def __call__(self, term: Any) -> Node:
        import pyoxigraph as ox

        if isinstance(term, ox.NamedNode):
            iri = self.iris.get(term.value)
            if iri is None:
                iri = self.iris[term.value] = URIRef(term.value)
            return iri
        if isinstance(term, ox.BlankNode):
            return BNode(term.value)
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))


class _NotGrouped(Exception):
    """The store's default graph does not list each subject's triples together."""


def _subject_runs(store: Any, *, grouped: bool = False
                  ) -> Iterator[tuple[Any, list[Any]]]:
    """(subject, all its triples) of the merged default graph, subject by subject.

    ``grouped``: read the graph in one pass, each subject's triples together, as an on-disk
    Oxigraph store lists them (its indexes are sorted by subject); a subject met again
    after its run raises :class:`_NotGrouped`.  Otherwise each subject is looked up."""
    import pyoxigraph as ox

    default = ox.DefaultGraph()
    if grouped:
        done: set[Any] = set()
        current: Any = None
        run: list[Any] = []
        for quad in store.quads_for_pattern(None, None, None, default):
            if quad.subject != current:
                if run:
                    yield current, run
                    done.add(current)
                current, run = quad.subject, []
                if current in done:
                    raise _NotGrouped
            run.append(quad)
        if run:
            yield current, run
        return
    subjects = [row[0] for row in store.query(
        "SELECT DISTINCT ?s WHERE { ?s ?p ?o }")]
    for subject in subjects:
        yield subject, list(store.quads_for_pattern(subject, None, None, default))


def _validate_batch(store: Any, focus: dict[Any, list[Any]]) -> Report:
    """Validate the nodes of ``focus`` (subject -> all its triples) with what their shapes
    look at outside them: who met them (``dip:metWith`` in), and the types of every IRI they
    point to.  Only results about ``focus`` nodes (or about no node of the store: the
    ontology's) are kept; the other nodes here are partial, validated in their own batch."""
    import pyoxigraph as ox

    terms = _Terms()
    graph = Graph()
    add = graph.add
    extra: set[Any] = set()
    met_with = ox.NamedNode(_MET_WITH)
    rdf_type = ox.NamedNode(_RDF_TYPE)
    default = ox.DefaultGraph()
    for subject, quads in focus.items():
        for q in quads:
            add((terms(q.subject), terms(q.predicate), terms(q.object)))
            if isinstance(q.object, ox.NamedNode) and q.object not in focus:
                extra.add(q.object)
        for q in store.quads_for_pattern(None, met_with, subject, default):
            if q.subject not in focus:
                extra.add(q.subject)
                add((terms(q.subject), terms(q.predicate), terms(q.object)))
    for node in extra:
        for q in store.quads_for_pattern(node, rdf_type, None, default):
            add((terms(q.subject), terms(q.predicate), terms(q.object)))
    report = validate(graph, inplace=True)
    outside = {terms(n) for n in extra}
    kept = tuple(v for v in report.violations if v.focus not in outside)
    return Report(not kept, kept)


@lru_cache(maxsize=1)
def _suspect_shapes() -> Shapes:
    return Shapes(*_shapes_and_ontology())


def validate_store(store: GraphSource, *, batch: int = STREAM_TRIPLES,
                   prefilter: bool = True) -> Report:
    """Validate every triple of a store (the union of its articles), streaming: the merged
    graph is read subject by subject and validated in batches of about ``batch`` triples,
    each with what its nodes' shapes reach outside it (:func:`_validate_batch`), so memory
    stays bounded and the report is the one a validation of the whole union gives.

    With ``prefilter`` only the nodes :mod:`kg.suspects` cannot show to conform go to
    pySHACL (a sound filter: the report is the same, in a fraction of the time).  A store
    that is not a local Oxigraph one (a remote SPARQL server) is validated whole.
    """
    ox_store = getattr(store, "ox", None)
    if ox_store is None:
        return validate_union(store)
    checker = None
    if prefilter and usable_on(ox_store, _suspect_shapes()):
        checker = Suspects(ox_store, _suspect_shapes())
    on_disk = getattr(store, "path", None) is not None
    try:
        return _stream(ox_store, checker, batch, grouped=on_disk)
    except _NotGrouped:  # not sorted after all: look each subject up
        return _stream(ox_store, checker, batch, grouped=False)


def _stream(ox_store: Any, checker: Suspects | None, batch: int, *, grouped: bool) -> Report:
    reports: list[Report] = []
    focus: dict[Any, list[Any]] = {}
    size = 0
    for subject, quads in _subject_runs(ox_store, grouped=grouped):
        if checker is not None and not checker.suspect(subject, quads):
            continue
        focus[subject] = quads
        size += len(quads)
        if size >= batch:
            reports.append(_validate_batch(ox_store, focus))
            focus, size = {}, 0
    if focus:
        reports.append(_validate_batch(ox_store, focus))
    merged = Report.merge(reports)
    return Report(not merged.violations, merged.violations)


def validate_union(store: GraphSource) -> Report:
    """Validate the union of a store's articles as one graph in memory (what
    :func:`validate_store` streams; kept for stores it cannot read triple by triple)."""
    data = Graph()
    data.parse(data=store.serialize("nt"), format="nt")
    return validate(data, inplace=True)


def validate_file(path: str | Path) -> Report:
    """Parse an RDF file (format by suffix: ttl, nt, nq, trig, jsonld, xml, n3) and
    validate its triples; named graphs of N-Quads and TriG are validated as one union.

    Raises
    ------
    ValidationError
        A one-line message naming the file when it is missing, has an unknown suffix or
        cannot be parsed.
    """
    p = Path(path)
    fmt = FILE_FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise ValidationError(f"{path}: unknown RDF file suffix {p.suffix!r}; use one of "
                              f"{', '.join(sorted(FILE_FORMATS))}")
    if not p.is_file():
        raise ValidationError(f"{path}: no such file")
    try:
        if fmt in {"nquads", "trig"}:
            ds = Dataset()
            ds.parse(p, format=fmt)
            data = Graph()
            for s, pr, o, _ in ds.quads((None, None, None, None)):
                data.add((s, pr, o))
        else:
            data = Graph()
            data.parse(p, format=fmt)
    except Exception as exc:  # rdflib's parsers raise many types on bad input
        raise ValidationError(f"{path}: cannot parse as {fmt}: {first_line(exc)}") from exc
    return validate(data)
