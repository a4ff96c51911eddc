"""Which nodes of a store could violate the SHACL shapes: a fast, sound filter before pySHACL.

pySHACL spends about 0.3 ms per triple, most of it confirming that nodes conform.  This
module reads the shapes once and checks each node of the store against them in plain Python
over Oxigraph's triples; a node it cannot show to conform is a *suspect*, and only suspects
go to pySHACL (:func:`kg.validate.validate_store`), which decides and words every result.
The filter only has to be sound: every node pySHACL would report must be a suspect.  So a
constraint kind it does not know makes every node its shape targets a suspect, a shape
targeting nodes other than by class, or a store or ontology it cannot reason about (an
``rdfs:subClassOf`` in the data, an instance in the ontology) turns the filter off
(:func:`suspects` returns None: validate everything).

Known constraints: ``sh:targetClass`` (through ``rdfs:subClassOf`` in the ontology),
``sh:nodeKind sh:IRI``, and on a predicate path or its ``sh:inversePath``: ``sh:minCount``,
``sh:maxCount``, ``sh:datatype``, ``sh:class``, ``sh:or`` of datatypes or of classes,
``sh:minLength``, ``sh:pattern``, ``sh:minInclusive``, ``sh:equals``, ``sh:lessThan``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH, XSD

_IGNORED = {RDF.type, RDFS.comment, RDFS.label, SH.message, SH.name, SH.description,
            SH.severity, SH.order, SH.group}
_STRINGS = {str(XSD.string), str(RDF.langString)}
_TYPE = str(RDF.type)
_XSD_INTEGER = str(XSD.integer)
_XSD_DATE = str(XSD.date)


@dataclass
class Check:
    """The constraints of one property shape, as far as this module knows them."""

    path: str
    inverse: bool = False
    min_count: int | None = None
    max_count: int | None = None
    datatypes: frozenset[str] | None = None
    classes: frozenset[str] | None = None
    iri: bool = False
    min_length: int | None = None
    pattern: re.Pattern[str] | None = None
    min_inclusive: float | None = None
    equals: str | None = None
    less_than: str | None = None
    unknown: bool = False


@dataclass
class ShapeCheck:
    targets: frozenset[str]
    iri: bool
    checks: tuple[Check, ...]
    unknown: bool


class Shapes:
    """The shapes as checks, or ``usable`` False when some target cannot be followed."""

    def __init__(self, shapes: Graph, ontology: Graph) -> None:
        self.usable = True
        self._ontology = ontology
        self.shapes: list[ShapeCheck] = []
        for node in set(shapes.subjects(RDF.type, SH.NodeShape)):
            self.shapes.append(self._node_shape(shapes, node))
        self.targeted = frozenset().union(*(s.targets for s in self.shapes)) \
            if self.shapes else frozenset()
        if any(True for c in self.targeted for _ in ontology.subjects(RDF.type, URIRef(c))):
            self.usable = False  # the ontology's own instances would be validated too

    def _closure(self, classes: Iterable[Any]) -> frozenset[str]:
        out: set[str] = set()
        todo = [URIRef(str(c)) for c in classes]
        while todo:
            c = todo.pop()
            if str(c) in out:
                continue
            out.add(str(c))
            todo.extend(u for u in self._ontology.subjects(RDFS.subClassOf, c)
                        if isinstance(u, URIRef))
        return frozenset(out)

    def _node_shape(self, g: Graph, node: Any) -> ShapeCheck:
        targets: list[Any] = []
        iri, unknown = False, False
        checks: list[Check] = []
        for p, o in g.predicate_objects(node):
            if p == SH.targetClass:
                targets.append(o)
            elif p == SH.nodeKind and o == SH.IRI:
                iri = True
            elif p == SH.property:
                checks.append(self._property(g, o))
            elif p in _IGNORED:
                continue
            elif str(p).startswith(str(SH)) and "target" in str(p).lower():
                self.usable = False  # targets other than by class: validate everything
            else:
                unknown = True
        return ShapeCheck(self._closure(targets), iri, tuple(checks), unknown)

    def _property(self, g: Graph, node: Any) -> Check:
        path = g.value(node, SH.path)
        check = Check(path=str(path))
        if isinstance(path, BNode):
            inverse = g.value(path, SH.inversePath)
            if isinstance(inverse, URIRef) and len(list(g.predicate_objects(path))) == 1:
                check.path, check.inverse = str(inverse), True
            else:
                check.unknown = True
        elif not isinstance(path, URIRef):
            check.unknown = True
        for p, o in g.predicate_objects(node):
            if p == SH.path or p in _IGNORED:
                continue
            if p == SH.minCount:
                check.min_count = int(str(o))
            elif p == SH.maxCount:
                check.max_count = int(str(o))
            elif p == SH.datatype:
                check.datatypes = frozenset({str(o)}) & (check.datatypes or frozenset({str(o)}))
            elif p == SH.nodeKind and o == SH.IRI:
                check.iri = True
            elif p == SH.minLength:
                check.min_length = int(str(o))
            elif p == SH.pattern and g.value(node, SH.flags) is None:
                check.pattern = re.compile(str(o))
            elif p == SH.minInclusive and isinstance(o, Literal) and isinstance(
                    o.toPython(), (int, float)):
                check.min_inclusive = float(o.toPython())
            elif p == SH.equals and isinstance(o, URIRef):
                check.equals = str(o)
            elif p == SH.lessThan and isinstance(o, URIRef):
                check.less_than = str(o)
            elif p == SH["class"]:
                check.classes = self._closure([o]) if check.classes is None else \
                    check.classes & self._closure([o])
            elif p == SH["or"]:
                self._or(g, o, check)
            else:
                check.unknown = True
        return check

    def _or(self, g: Graph, head: Any, check: Check) -> None:
        kinds: dict[Any, set[str]] = {SH.datatype: set(), SH["class"]: set()}
        for member in Collection(g, head):
            pairs = list(g.predicate_objects(member))
            if len(pairs) != 1 or pairs[0][0] not in kinds:
                check.unknown = True
                return
            kinds[pairs[0][0]].add(str(pairs[0][1]))
        if kinds[SH.datatype] and kinds[SH["class"]]:
            check.unknown = True
        elif kinds[SH.datatype]:
            allowed = frozenset(kinds[SH.datatype])
            check.datatypes = allowed if check.datatypes is None else check.datatypes & allowed
        else:
            allowed = self._closure(kinds[SH["class"]])
            check.classes = allowed if check.classes is None else check.classes & allowed


_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _valid(term: ox.Literal) -> bool:
    """Whether a literal's text is surely a valid value of its datatype (else: suspect)."""
    kind = term.datatype.value
    if kind in _STRINGS:
        return True
    if kind == _XSD_INTEGER:
        return bool(_INTEGER.match(term.value))
    if kind == _XSD_DATE and _DATE.match(term.value):
        try:
            _dt.date.fromisoformat(term.value)
            return True
        except ValueError:
            return False
    return False


class Suspects:
    """Checks nodes of one Oxigraph store against :class:`Shapes`."""

    def __init__(self, store: Any, shapes: Shapes) -> None:
        self.store, self.shapes = store, shapes
        self._types: dict[Any, frozenset[str]] = {}
        self._rdf_type = ox.NamedNode(str(RDF.type))
        self._default = ox.DefaultGraph()

    def types(self, node: Any) -> frozenset[str]:
        found = self._types.get(node)
        if found is None:
            found = self._types[node] = frozenset(
                q.object.value for q in self.store.quads_for_pattern(
                    node, self._rdf_type, None, self._default))
            if len(self._types) > 200_000:
                self._types.clear()
        return found

    def suspect(self, node: Any, quads: list[Any]) -> bool:
        """Whether ``node`` (with all its triples ``quads``) may violate a shape."""
        values: dict[str, list[Any]] = {}
        for q in quads:
            values.setdefault(q.predicate.value, []).append(q.object)
        types = frozenset(t.value for t in values.get(_TYPE, ()))
        if not types & self.shapes.targeted:
            return False
        for shape in self.shapes.shapes:
            if not shape.targets & types:
                continue
            if shape.unknown or (shape.iri and not isinstance(node, ox.NamedNode)):
                return True
            for check in shape.checks:
                if check.unknown or not self._holds(node, values, check):
                    return True
        return False

    def _values(self, node: Any, values: dict[str, list[Any]], path: str, inverse: bool
                ) -> list[Any]:
        if inverse:
            return [q.subject for q in self.store.quads_for_pattern(
                None, ox.NamedNode(path), node, self._default)]
        return values.get(path, [])

    def _holds(self, node: Any, quads: dict[str, list[Any]], c: Check) -> bool:
        values = self._values(node, quads, c.path, c.inverse)
        if c.min_count is not None and len(values) < c.min_count:
            return False
        if c.max_count is not None and len(values) > c.max_count:
            return False
        for v in values:
            literal = isinstance(v, ox.Literal)
            if c.iri and not isinstance(v, ox.NamedNode):
                return False
            if c.datatypes is not None and not (
                    literal and v.datatype.value in c.datatypes and _valid(v)):
                return False
            if c.classes is not None and (literal or not c.classes & self.types(v)):
                return False
            if c.min_length is not None and (isinstance(v, ox.BlankNode)
                                             or len(v.value) < c.min_length):
                return False
            if c.pattern is not None and (isinstance(v, ox.BlankNode)
                                          or not c.pattern.search(v.value)):
                return False
            if c.min_inclusive is not None and not (
                    literal and v.datatype.value == _XSD_INTEGER and _valid(v)
                    and int(v.value) >= c.min_inclusive):
                return False
        if c.equals is not None and set(values) != set(
                self._values(node, quads, c.equals, False)):
            return False
        if c.less_than is not None:
            others = self._values(node, quads, c.less_than, False)
            for v in values:
                for w in others:
                    if not (isinstance(v, ox.Literal) and isinstance(w, ox.Literal)
                            and v.datatype.value == w.datatype.value == _XSD_INTEGER
                            and _valid(v) and _valid(w) and int(v.value) < int(w.value)):
                        return False
        return True


def usable_on(store: Any, shapes: Shapes) -> bool:
    """Whether the filter can be trusted on ``store``: the shapes allow it and the data
    declares no subclass of its own."""
    sub = ox.NamedNode(str(RDFS.subClassOf))
    return shapes.usable and next(iter(store.quads_for_pattern(
        None, sub, None, ox.DefaultGraph())), None) is None
