"""Check a graph against the SHACL shapes of ``ontology/shapes.ttl``.

pySHACL runs the shapes of :func:`kg.vocab.load_shapes` with the ontology of
:func:`kg.vocab.load_ontology` mixed in, so a shape that targets ``dip:Actor`` reaches a
node typed only ``dip:Person`` (SHACL's class targets follow ``rdfs:subClassOf``).  No
RDFS inference runs: it would type the value of every property by its range, which makes the
``sh:class`` checks pass whatever the graph says, and it cost three quarters of the time.
The result is a :class:`Report`
of :class:`Violation` values, each naming its focus node, path, message, severity and the
shape that failed.

Validating one large graph costs less than validating its articles one by one: each pySHACL
call pays a fixed price (mixing in the ontology, reading the shapes), so
:func:`validate_graphs` validates article graphs in batches, and :func:`validate_store`
validates the union of a store once, which also catches facts that only clash across
articles (one entity labelled differently by two articles).

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

import contextlib
import pickle
import queue
import re
import subprocess
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Protocol

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.model import KGError
from kg.store import PREFIXES
from kg.vocab import load_ontology, load_shapes
from kg.workers import first_line, read_frame, spawn, worker_pipes, write_frame

__all__ = [
    "DEFAULT_BATCH",
    "BackgroundValidation",
    "Report",
    "ValidationError",
    "Violation",
    "validate",
    "validate_file",
    "validate_graphs",
    "validate_ntriples",
    "validate_store",
]

DEFAULT_BATCH = 200
"""Article graphs validated together by :func:`validate_graphs` (one pySHACL call each)."""

BACKGROUND_BATCH = 100
"""Article graphs per batch of :class:`BackgroundValidation`: the last batch is validated
after the parse has ended, so it is kept smaller than :data:`DEFAULT_BATCH`."""

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


def validate_ntriples(text: str) -> Report:
    """Validate the graph written as N-Triples in ``text`` (what a background worker
    receives: text travels between processes cheaply)."""
    graph = Graph()
    graph.parse(data=text, format="nt")
    return validate(graph, inplace=True)


class BackgroundValidation:
    """Validates article graphs in batches while a build goes on.

    Graphs are held until ``batch`` of them are there; each full batch goes to one worker
    process (pySHACL is pure Python: a thread would compete with the parse for Python's
    lock, a process runs on another core).  The worker is ``python -c`` importing this
    module, fed N-Triples through a pipe by a thread of ours, so it needs no
    ``if __name__ == "__main__"`` guard in the caller's script and never forks a process
    that holds threads.  At most ``in_flight`` batches wait for it, so memory stays bounded.
    A build that never fills a batch validates here and starts nothing.  :meth:`close`
    returns the merged report.
    """

    def __init__(self, *, batch: int | None = None, in_flight: int = 2) -> None:
        self.batch = batch or BACKGROUND_BATCH
        self._texts: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue(maxsize=in_flight)
        self._reports: list[Report] = []
        self._error: BaseException | None = None
        self._worker: subprocess.Popen[bytes] | None = None
        self._feeder: threading.Thread | None = None

    def add(self, ntriples: str) -> None:
        """One article's graph, as N-Triples."""
        self._texts.append(ntriples)
        if len(self._texts) >= self.batch:
            text, self._texts = "".join(self._texts), []
            self._send(text)

    def _send(self, text: str) -> None:
        if self._worker is None:
            self._start()
        self._check()
        self._queue.put(text)

    def _start(self) -> None:
        self._worker = spawn("kg.validate:serve")
        self._feeder = threading.Thread(target=self._feed, name="kg-validation", daemon=True)
        self._feeder.start()

    def _feed(self) -> None:
        """Send each batch to the worker and read its report back (pipe I/O: no GIL)."""
        worker = self._worker
        assert worker is not None and worker.stdin is not None and worker.stdout is not None
        while (text := self._queue.get()) is not None:
            if self._error is not None:
                continue  # drain: the caller is told by _check or close
            try:
                write_frame(worker.stdin, text.encode("utf-8"))
                answer = read_frame(worker.stdout)
                if answer is None:
                    raise ValidationError("the validation worker process died (out of "
                                          "memory?); build with --no-validate, then run "
                                          "kg validate")
                result = pickle.loads(answer)
                if isinstance(result, BaseException):
                    raise result
                self._reports.append(result)
            except (OSError, ValidationError, pickle.UnpicklingError) as exc:
                self._error = exc if isinstance(exc, ValidationError) else ValidationError(
                    f"the validation worker failed: {first_line(exc)}")

    def _check(self) -> None:
        if self._error is not None:
            raise self._error

    def close(self) -> Report:
        """Validate what is left and wait for the worker: the report of every graph."""
        try:
            if self._texts and self._worker is not None:
                self._send("".join(self._texts))
            elif self._texts:
                self._reports.append(validate_ntriples("".join(self._texts)))
            self._texts = []
            self._stop()
            self._check()
        finally:
            self.cancel()
        return Report.merge(self._reports)

    def _stop(self) -> None:
        if self._feeder is not None:
            self._queue.put(None)
            self._feeder.join()
            self._feeder = None

    def cancel(self) -> None:
        """Stop the worker (what it has not validated yet is dropped)."""
        worker, self._worker = self._worker, None
        if worker is None:
            return
        if self._feeder is not None:  # still busy (the build failed): don't wait for it
            worker.kill()
            with contextlib.suppress(queue.Full):
                self._queue.put_nowait(None)
            self._feeder = None
        if worker.stdin is not None:
            with contextlib.suppress(OSError):
                worker.stdin.close()
        worker.wait()
        if worker.stdout is not None:
            worker.stdout.close()


def serve() -> None:
    """The validation worker: reads N-Triples batches from stdin, writes pickled reports
    (or the error) to stdout, until stdin closes."""
    source, out = worker_pipes()
    while (data := read_frame(source)) is not None:
        result: Report | KGError
        try:
            result = validate_ntriples(data.decode("utf-8"))
        except KGError as exc:
            result = exc
        write_frame(out, pickle.dumps(result))


def validate_store(store: GraphSource) -> Report:
    """Validate every triple of a store (the union of its articles) in one pass."""
    data = Graph()
    data.parse(data=store.serialize("nt"), format="nt")
    return validate(data)


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
