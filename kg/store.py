"""Where the graph lives: an Oxigraph dataset in memory or on disk, one named graph per article.

Each article has its own named graph; the default graph is their merge (every distinct
triple once), kept up to date in the same update that writes or removes an article.
Queries read the default graph, so they see set semantics and stay fast however many
articles repeat a fact.  Writing an article replaces its named graph (and its share of
the merge) in one SPARQL update, so a store never holds half an article.  An article
whose text is already stored (same ``dip:sha256``) is recognised before it is parsed; a
changed article replaces its own named graph and nothing else.  Facts about an entity are
repeated in each article's graph that mentions it, so removing one article never removes
what the others say.
"""

from __future__ import annotations

import gc
import queue
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pyoxigraph as ox

from kg.graphfile import check_graph_file
from kg.rdfio import EXPORT_FORMATS as EXPORT_FORMATS
from kg.rdfio import PREFIXES as PREFIXES
from kg.rdfio import StoreError as StoreError
from kg.rdfio import atomic_file as atomic_file
from kg.rdfio import export_format as export_format
from kg.rdfio import serialize_rdf as serialize_rdf
from kg.rdfio import write_rdf as write_rdf

if TYPE_CHECKING:  # a reader of the store (kg query) never imports rdflib
    from rdflib import Dataset, Graph, URIRef

    from kg.rdf import Triples


def check_store_folder(path: Path) -> None:
    """Raise :class:`StoreError` unless ``path`` is a folder holding an Oxigraph store."""
    if not path.exists():
        raise StoreError(f"{path}: no such store folder")
    if not path.is_dir():
        raise StoreError(f"{path}: not a folder (give the folder of kg build --store)")
    if not (path / "CURRENT").is_file():
        raise StoreError(f"{path}: not an Oxigraph store (no CURRENT file); make one with "
                         "kg build --store, nothing was written into it")


def named_ntriples(graph: Graph | Triples) -> tuple[URIRef, str]:
    """The name and the N-Triples text of an article's graph."""
    from rdflib import URIRef

    from kg.rdf import Triples

    name = graph.identifier
    if not isinstance(name, URIRef):
        raise StoreError("an article graph needs an IRI as its name")
    if isinstance(graph, Triples):
        return name, graph.ntriples()
    return name, graph.serialize(format="nt")


def nquads(name: URIRef | str, ntriples: str) -> str:
    """N-Quads that put the N-Triples ``ntriples`` both in graph ``name`` and in the
    merged default graph.

    >>> print(nquads("http://ex/g", '<http://ex/a> <http://ex/b> "c" .\\n'), end="")
    <http://ex/a> <http://ex/b> "c" <http://ex/g> .
    <http://ex/a> <http://ex/b> "c" .
    """
    # only "\n" ends a line: N-Triples leaves U+2028 and U+0085 unescaped in literals
    lines = [line for line in ntriples.split("\n") if line.strip()]
    named = "".join(f"{line.rstrip()[:-1]}<{name}> .\n" for line in lines)
    return named + "".join(f"{line}\n" for line in lines)


def replace_update(name: URIRef | str, ntriples: str) -> str:
    """One SPARQL update that replaces article graph ``name`` with ``ntriples`` and keeps
    the default graph the merge of all article graphs."""
    return (f"{removal_update(name)} ;\n"
            f"INSERT DATA {{ GRAPH <{name}> {{\n{ntriples}}} }} ;\n"
            f"INSERT DATA {{\n{ntriples}}}")


def removal_update(name: URIRef | str) -> str:
    """One SPARQL update that removes article graph ``name``: its triples leave the merged
    default graph unless another article states them too."""
    g = f"<{name}>"
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER (?h != {g}) }} }} ;\n"
            f"DROP SILENT GRAPH {g}")


DOCUMENT_BY_KEY = """SELECT DISTINCT ?d ?key WHERE {
  { GRAPH ?d { ?d a dip:Document } FILTER (STR(?d) = ?key) }
  UNION
  { GRAPH ?d { ?d a dip:Document ; dip:sourcePath ?key }
    FILTER NOT EXISTS { GRAPH ?e { ?e a dip:Document } FILTER (STR(?e) = ?key) } } }"""
"""The article a ``kg remove`` argument names: by IRI first, else by source path."""


FLUSH_QUADS = 64_000
"""Quads written between two flushes of an on-disk store (about 50 MB of RocksDB's memory)."""

MERGE_UPDATE = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
"""Rebuild the merged default graph from the article graphs (after loading quads)."""


class GraphStore(Protocol):
    """What a build needs from a store; :class:`Store` (Oxigraph, local) and
    :class:`kg.remote.RemoteStore` (any SPARQL 1.1 server) provide it."""

    def stored_sha256(self, document: URIRef) -> str | None: ...
    def put_graph(self, graph: Graph | Triples) -> None: ...
    def put_graphs(self, graphs: Sequence[Graph | Triples]) -> None: ...
    def remove_document(self, key: str) -> list[str]: ...
    def documents(self) -> list[tuple[str, str]]: ...
    def person_labels(self) -> list[str]: ...
    def entity_labels(self, base: str) -> dict[str, str]: ...
    def select(self, sparql: str, *, union: bool = False,
               bindings: dict[str, ox.NamedNode | ox.Literal] | None = None
               ) -> list[ox.QuerySolution]: ...
    def serialize(self, fmt: str = "ttl") -> bytes: ...
    def write(self, path: str | Path, fmt: str = "ttl") -> None: ...
    def triple_count(self) -> int: ...
    def __len__(self) -> int: ...
    def flush(self) -> None: ...
    def close(self) -> None: ...
    def dataset(self) -> Dataset: ...


class WriteBehind:
    """Writes article graphs to ``store`` from a background thread, in the order given,
    while the caller goes on parsing: Oxigraph (and an HTTP server) work without Python's
    lock, so on a second core the writing costs the parse almost nothing.

    At most ``depth`` graphs wait besides the batch being written (memory stays bounded:
    :meth:`put` blocks when the writer is behind); whatever has queued up is written
    together (:meth:`Store.put_graphs`).  A
    write error stops the writer and is raised by the next :meth:`put` or by :meth:`close`,
    which waits for every graph to be written.
    """

    def __init__(self, store: GraphStore, *, depth: int = 64) -> None:
        self.store = store
        self._queue: queue.Queue[Graph | Triples | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._failed = False
        self._thread = threading.Thread(target=self._run, name="kg-store-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            batch = [first]
            while first is not None:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                batch.append(item)
                if item is None:
                    break
            graphs = [g for g in batch if g is not None]
            if graphs and not self._failed:
                try:
                    self.store.put_graphs(graphs)
                except BaseException as exc:  # reported to the caller by put() or close()
                    self._error, self._failed = exc, True
            if batch[-1] is None:
                return

    def _raise(self) -> None:
        """Raise the writer's error, once."""
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def put(self, graph: Graph | Triples) -> None:
        """Queue one article's graph (blocks while ``depth`` graphs are waiting)."""
        self._raise()
        if self._failed or not self._thread.is_alive():
            raise StoreError("the store writer has stopped")
        self._queue.put(graph)

    def close(self) -> None:
        """Wait until every queued graph is written; raise the writer's error, if any."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        self._raise()


class Store:
    """An Oxigraph dataset: in memory (``path=None``) or kept on disk in a folder."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False,
                 existing: bool = False) -> None:
        """Open (or, writable and not ``existing``, create) the store at ``path``.

        ``read_only`` writes nothing into the folder and takes no lock, so any number of
        readers run side by side; with it, or with ``existing``, a folder that holds no
        store (no ``CURRENT`` file) is refused instead of being made one; a new store is only
        made in a missing or empty folder."""
        self.path = Path(path) if path is not None else None
        self.read_only = read_only and self.path is not None
        self._unflushed = 0
        self._flushing: threading.Thread | None = None
        self._flush_error: BaseException | None = None
        if self.path is not None and (read_only or existing):
            check_store_folder(self.path)
        elif self.path is not None and self.path.is_dir() and any(self.path.iterdir()) \
                and not (self.path / "CURRENT").is_file():  # a folder of the user's own
            raise StoreError(f"{self.path}: not an Oxigraph store and not empty; refusing to "
                             "write a store into it (give a new or empty folder)")
        try:
            if self.path is None:
                self.ox = ox.Store()
            elif read_only:
                self.ox = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.ox = ox.Store(str(self.path))
        except (OSError, RuntimeError) as exc:  # RocksDB says "Corruption: ..." as RuntimeError
            if "lock" in str(exc).lower():
                raise StoreError(f"{self.path}: the store is in use by another kg command "
                                 "(a build or a server); try again when it has finished"
                                 ) from exc
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else "unknown error"
            raise StoreError(f"{self.path}: cannot open the store: {first}") from exc

    def select(self, sparql: str, *, union: bool = False,
               bindings: dict[str, ox.NamedNode | ox.Literal] | None = None
               ) -> list[ox.QuerySolution]:
        """Rows of a SELECT query over the merged default graph (``union``: over every graph
        as a multiset instead), with our prefixes and ``bindings`` substituted."""
        result = self.ox.query(
            sparql, prefixes=PREFIXES, use_default_graph_as_union=union,
            substitutions={ox.Variable(k): v for k, v in (bindings or {}).items()})
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError("expected a SELECT query")
        return list(result)

    # -- articles -------------------------------------------------------------------------
    def stored_sha256(self, document: URIRef) -> str | None:
        """The text hash recorded for a document, or None when it is not stored."""
        rows = self.select("SELECT ?d ?sha WHERE { GRAPH ?d { ?d dip:sha256 ?sha } }",
                           bindings={"d": ox.NamedNode(str(document))})
        return str(rows[0][1].value) if rows else None

    def put_graph(self, graph: Graph | Triples) -> None:
        """Replace the named graph ``graph.identifier`` with ``graph``, atomically."""
        self.put_graphs([graph])

    def put_graphs(self, graphs: Sequence[Graph | Triples]) -> None:
        """Write article graphs in order, each atomically.  Graphs new to the store are
        loaded as N-Quads together, in one transaction (no SPARQL to parse, nothing to
        remove); a graph already stored is replaced by its own update."""
        fresh: dict[URIRef, str] = {}
        try:
            for graph in graphs:
                name, body = named_ntriples(graph)
                if name in fresh or self.ox.contains_named_graph(ox.NamedNode(name)):
                    self._load(fresh)
                    self.ox.update(replace_update(name, body))
                    self._written(2 * body.count("\n"))
                else:
                    fresh[name] = nquads(name, body)
            self._load(fresh)
        except OSError as exc:
            raise StoreError(f"{self.path or 'memory store'}: cannot write: {exc}") from exc

    def _load(self, fresh: dict[URIRef, str]) -> None:
        if fresh:
            text = "".join(fresh.values())
            self.ox.load(text, format=ox.RdfFormat.N_QUADS)
            self._written(text.count("\n"))
            fresh.clear()

    def _written(self, quads: int) -> None:
        """Flush to disk after every :data:`FLUSH_QUADS` quads: RocksDB keeps what was
        written in memory until then, and without this a long build's memory would grow
        with the store (about 0.75 KB per quad)."""
        self._unflushed += quads
        if self._unflushed >= FLUSH_QUADS:
            self.flush()

    def remove_document(self, key: str) -> list[str]:
        """Remove the article whose IRI is ``key``, else those whose source path is ``key``;
        returns their IRIs.  (An IRI never also matches another article's source.)"""
        gone = [str(r[0].value) for r in self.select(DOCUMENT_BY_KEY,
                                                     bindings={"key": ox.Literal(key)})]
        for iri in gone:
            self.ox.update(removal_update(iri))
        return gone

    def documents(self) -> list[tuple[str, str]]:
        """(IRI, source path) of every stored article."""
        rows = self.select(
            "SELECT ?d ?src WHERE { GRAPH ?d { ?d a dip:Document ; dip:sourcePath ?src } } "
            "ORDER BY ?src")
        return [(str(r[0].value), str(r[1].value)) for r in rows]

    def entity_labels(self, base: str) -> dict[str, str]:
        """The label of every stored person, organisation and place, by key (IRI less
        ``base``): what later articles must call them."""
        rows = self.select(
            "SELECT ?e ?l WHERE { VALUES ?t { dip:Person dip:Organization dip:Place } "
            "?e a ?t ; rdfs:label ?l }")
        out: dict[str, str] = {}
        for r in rows:
            iri = str(r[0].value)
            if iri.startswith(base):
                out.setdefault(iri[len(base):], str(r[1].value))
        return out

    def person_labels(self) -> list[str]:
        rows = self.select("SELECT DISTINCT ?l WHERE { ?p a dip:Person ; rdfs:label ?l }")
        return [str(r[0].value) for r in rows]

    # -- reading ----------------------------------------------------------------------------
    def __len__(self) -> int:
        """Quads in the article graphs (the merged default graph is not counted)."""
        return len(self.ox) - self.triple_count()

    def union_triples(self) -> Iterator[ox.Triple]:
        """Every distinct triple of every article (the merged default graph; what a Turtle
        file holds)."""
        for q in self.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            yield q.triple

    def triple_count(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(rows[0][0].value)

    def dataset(self) -> Dataset:
        """The store as an rdflib Dataset (queries are answered by Oxigraph)."""
        from oxrdflib import OxigraphStore
        from rdflib import Dataset

        ds = Dataset(store=OxigraphStore(store=self.ox), default_union=False)
        for prefix, iri in PREFIXES.items():
            ds.bind(prefix, iri)
        return ds

    def write(self, path: str | Path, fmt: str = "ttl") -> None:
        """Write the graph in ``fmt`` to a file, streaming (memory stays flat), atomically:
        into a temporary file beside it, renamed over ``path`` once complete, so a full disk
        or a kill leaves the previous file whole."""
        rdf_format = export_format(fmt)
        with atomic_file(path) as tmp:
            if rdf_format.supports_datasets:
                write_rdf((q for q in self.ox.quads_for_pattern(None, None, None, None)
                           if not isinstance(q.graph_name, ox.DefaultGraph)), fmt, tmp)
            else:
                write_rdf(self.union_triples(), fmt, tmp, distinct=True)

    def serialize(self, fmt: str = "ttl") -> bytes:
        """The graph in ``fmt``; N-Quads and TriG keep one named graph per article."""
        if export_format(fmt).supports_datasets:  # the article graphs; the merge is derived
            return serialize_rdf((q for q in self.ox.quads_for_pattern(None, None, None, None)
                                  if not isinstance(q.graph_name, ox.DefaultGraph)), fmt)
        return serialize_rdf(self.union_triples(), fmt)

    def load_file(self, path: str | Path, fmt: str | None = None) -> None:
        """Load a graph file; triples go to the default graph, quads keep their graphs."""
        p = Path(path)
        if not p.is_file():
            raise StoreError(f"{path}: no such file")
        rdf_format = export_format(fmt or p.suffix or "ttl")
        check_graph_file(p, fmt or p.suffix or "ttl")  # no entity bomb, nothing fetched
        try:
            self.ox.bulk_load(path=str(p), format=rdf_format)
            if rdf_format.supports_datasets:
                self.ox.update(MERGE_UPDATE)
        except (SyntaxError, ValueError, OSError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"{path}: cannot parse as {rdf_format.name}: {first}") from exc

    def flush(self, *, wait: bool = True) -> None:
        """Write what RocksDB holds in memory out to disk (and free it).

        ``wait=False`` returns at once and the flush goes on in a thread of its own: it is
        mostly waiting for the disk (0.05-0.15 s at the end of a small build, 0.01 s of
        CPU), during which the build validates and writes its files, reading the store as
        usual.  The next flush, and :meth:`close`, wait for it (and raise its error)."""
        self._wait_for_flush()
        self._unflushed = 0
        if self.path is None or self.read_only:
            return
        if wait:
            self.ox.flush()
            return
        self._flushing = threading.Thread(target=self._flush_now, name="kg-store-flush")
        self._flushing.start()

    def _flush_now(self) -> None:
        try:
            self.ox.flush()
        except BaseException as exc:  # raised in the caller's thread by _wait_for_flush
            self._flush_error = exc

    def _wait_for_flush(self) -> None:
        if self._flushing is not None:
            self._flushing.join()
            self._flushing = None
        if self._flush_error is not None:
            error, self._flush_error = self._flush_error, None
            if isinstance(error, OSError):
                raise StoreError(f"{self.path}: cannot write: {error}") from error
            raise error

    def close(self) -> None:
        """Write everything out and release the folder's lock (another process, or a later
        build in this one, can then open it), even when the last flush failed (its error is
        raised)."""
        try:
            self.flush()
        finally:
            self.ox = ox.Store()  # drop our handle on the folder
            if "oxrdflib" in sys.modules:  # rdflib views of the store hold it in cycles
                gc.collect()

