"""A store on a SPARQL 1.1 server, reached over HTTP (urllib): :class:`RemoteStore`.

It provides :class:`kg.store.GraphStore`, so a build can write into any SPARQL 1.1 server
instead of a local Oxigraph folder, one named graph per article as locally:

- reading: SPARQL 1.1 Protocol queries (POST, form-encoded) to the query endpoint, results
  as ``application/sparql-results+json`` parsed by pyoxigraph;
- writing an article: one SPARQL 1.1 Update request, ``DROP SILENT GRAPH <g> ; INSERT DATA
  { GRAPH <g> { ... } }``.  A server applies one update request atomically (SPARQL 1.1
  Update, section 2; Oxigraph runs it in one transaction), so the server never holds half
  an article.  A graph larger than ``max_update_bytes`` (Oxigraph accepts update bodies up
  to 1 MiB) is sent first by a Graph Store Protocol ``PUT`` into a staging graph of its
  own, then moved into place by one small update (so a failed send leaves the stored
  article as it was, never deleted);
- removing an article: a Graph Store Protocol ``DELETE`` of its graph.

Bound values (``select(..., bindings=...)``): the SPARQL Protocol has no parameter for
them, so each value is written as an RDF term by pyoxigraph (``str(ox.Literal(...))``,
``str(ox.NamedNode(...))``: N-Triples escaping of quotes, backslashes and newlines; IRIs
are validated) into a ``VALUES`` block after the query (``SELECT ... WHERE {...} VALUES
(?x) { ("...") }``, valid SPARQL 1.1).  A value can never change the query's text.  The
block is joined with the solutions of the WHERE clause, so a bound variable must occur in
a graph pattern: a ``FILTER`` or ``BIND`` alone does not see it (the local store
substitutes values before evaluation), and a query that ends in a ``VALUES`` block of its
own cannot take bindings.

Endpoints.  ``url`` is the server's base; the three endpoints default to the Oxigraph
server's layout (``oxigraph serve``): ``{url}/query``, ``{url}/update``, ``{url}/store``.
Other servers, with keyword arguments:

- Apache Jena Fuseki, dataset ``ds`` at ``http://host:3030/ds``: ``query_url=.../ds/query``
  (or ``/ds/sparql``), ``update_url=.../ds/update``, ``store_url=.../ds/data``;
- GraphDB (RDF4J), repository ``repo``: ``query_url=http://host:7200/repositories/repo``,
  ``update_url=.../repositories/repo/statements``,
  ``store_url=.../repositories/repo/rdf-graphs/service``.

As in a local :class:`~kg.store.Store`, each article is a named graph and the default graph
is their merge, maintained by the same SPARQL updates that write and remove articles, so
queries read the default graph with set semantics on any SPARQL 1.1 server.  Configure the
server with a plain default graph (not a "union default graph", which would count every
repeated fact once per article).  ``union=True`` asks Oxigraph for its union default graph
instead (``union_param``), for stores written by other tools.

Only the URLs given are contacted: redirects are refused, and proxies from the environment
are not used for a loopback server.
"""

from __future__ import annotations

import contextlib
import http.client
import io
import ipaddress
import re
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import Result

from kg.gateway import with_prefixes
from kg.rdf import Triples
from kg.store import (
    PREFIXES,
    StoreError,
    atomic_file,
    named_ntriples,
    removal_update,
    replace_update,
    serialize_rdf,
)

__all__ = ["RemoteStore", "RemoteStoreError", "values_clause", "with_prefixes"]

RESULTS_JSON = "application/sparql-results+json"
_VARIABLE = re.compile(r"\w+")


class RemoteStoreError(StoreError):
    """The SPARQL server could not be reached or refused a request."""


def values_clause(bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """A trailing ``VALUES`` block binding each variable to one RDF term.

    >>> values_clause({"name": ox.Literal('say "hi" } DELETE')})
    '\\nVALUES (?name) { ("say \\\\"hi\\\\" } DELETE") }\\n'
    """
    if not bindings:
        return ""
    names, terms = [], []
    for name, value in bindings.items():
        if not _VARIABLE.fullmatch(name):
            raise StoreError(f"{name!r} is not a SPARQL variable name")
        if not isinstance(value, (ox.NamedNode, ox.Literal)):
            raise StoreError(f"?{name}: only an IRI or a literal can be bound, "
                             f"not {type(value).__name__}")
        names.append(f"?{name}")
        terms.append(str(value))
    # on a line of its own: a comment on the query's last line must not swallow it
    return f"\nVALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}\n"


def _node(iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError as exc:
        raise StoreError(f"{iri!r} is not a valid IRI: {exc}") from exc


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Refuse redirects: talk to the URLs given and nowhere else."""

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int,
                         msg: str, headers: http.client.HTTPMessage, newurl: str
                         ) -> urllib.request.Request | None:
        return None


_TRACKED = threading.local()
"""``sockets``: the list a request of this thread records its connections in."""


def _track(sock: socket.socket | None) -> None:
    sockets = getattr(_TRACKED, "sockets", None)
    if sockets is not None and sock is not None:
        sockets.append(sock)


class _TrackedHTTP(http.client.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _track(self.sock)


class _TrackedHTTPS(http.client.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _track(self.sock)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_TrackedHTTP, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_TrackedHTTPS, req, context=self._context)  # type: ignore[attr-defined]


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RemoteStoreError(f"{url!r}: give the http(s) URL of a SPARQL server, "
                               "e.g. http://127.0.0.1:7878")
    return url


_DOCUMENTS = ("SELECT ?d ?src WHERE { GRAPH ?d { ?d a dip:Document ; dip:sourcePath ?src } }"
              " ORDER BY ?src")
_FIND = """SELECT DISTINCT ?d WHERE {
  { GRAPH ?d { ?d a dip:Document } BIND (STR(?d) AS ?key) }
  UNION { GRAPH ?d { ?d a dip:Document ; dip:sourcePath ?key }
          FILTER NOT EXISTS { GRAPH ?e { ?e a dip:Document } FILTER (STR(?e) = ?key) } }
} ORDER BY ?d"""
_SHA = "SELECT ?sha WHERE { GRAPH ?d { ?d dip:sha256 ?sha } }"
_PEOPLE = "SELECT DISTINCT ?l WHERE { GRAPH ?g { ?p a dip:Person ; rdfs:label ?l } } ORDER BY ?l"
_LABELS = ("SELECT ?e ?l WHERE { VALUES ?t { dip:Person dip:Organization dip:Place } "
           "?e a ?t ; rdfs:label ?l }")
_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
_ALL = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


class RemoteStore:
    """The graph on a SPARQL 1.1 server at ``url`` (e.g. ``http://127.0.0.1:7878``).

    ``timeout`` bounds each HTTP request's total time (seconds), however slowly the server
    sends.  Every failure (connection refused,
    an HTTP error status, a timeout) is a one-line :class:`RemoteStoreError`.
    """

    def __init__(self, url: str, *, query_url: str | None = None,
                 update_url: str | None = None, store_url: str | None = None,
                 union_param: str | None = "union-default-graph", timeout: float = 30.0,
                 max_update_bytes: int = 1_000_000) -> None:
        self.url = _check_url(url.rstrip("/"))
        self.query_url = _check_url(query_url or f"{self.url}/query")
        self.update_url = _check_url(update_url or f"{self.url}/update")
        self.store_url = _check_url(store_url or f"{self.url}/store")
        self.union_param = union_param
        self.timeout = timeout
        self.max_update_bytes = max_update_bytes
        hosts = {urllib.parse.urlsplit(u).hostname or "" for u in
                 (self.query_url, self.update_url, self.store_url)}
        proxies = urllib.request.ProxyHandler(
            {} if all(_is_loopback(h) for h in hosts) else None)
        self._opener = urllib.request.build_opener(_NoRedirect(), proxies, _HTTPHandler(),
                                                   _HTTPSHandler())

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r})"

    # -- HTTP ---------------------------------------------------------------------------
    def _http(self, method: str, url: str, *, body: bytes | None = None,
              content_type: str | None = None, accept: str | None = None,
              allow: tuple[int, ...] = ()) -> tuple[bytes, str]:
        """The body and media type of the answer; an error status not in ``allow`` (and
        every failure to get an answer) raises :class:`RemoteStoreError`."""
        headers = {"User-Agent": "diplomacy-kg"}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        where = f"{method} {url.split('?')[0]}"
        # ``timeout`` bounds the whole request, not each socket read: a server that sends a
        # byte every few seconds has its connection shut when the time is up
        sockets: list[socket.socket] = []
        expired = threading.Event()

        def expire() -> None:
            expired.set()
            for sock in list(sockets):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

        timer = threading.Timer(self.timeout, expire)
        timer.daemon = True
        _TRACKED.sockets = sockets
        timer.start()
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                data, kind = response.read(), response.headers.get_content_type()
            if expired.is_set():
                raise TimeoutError
            return data, kind
        except urllib.error.HTTPError as exc:
            if exc.code in allow:
                return b"", ""
            text = exc.read().decode("utf-8", "replace").strip()
            first = text.splitlines()[0][:300] if text else str(exc.reason)
            raise RemoteStoreError(f"{where}: HTTP {exc.code}: {first}") from exc
        except urllib.error.URLError as exc:
            if expired.is_set():
                raise RemoteStoreError(f"{where}: {self._why(TimeoutError())}") from exc
            raise RemoteStoreError(f"{where}: {self._why(exc.reason)}") from exc
        except (OSError, http.client.HTTPException) as exc:
            if expired.is_set():
                raise RemoteStoreError(f"{where}: {self._why(TimeoutError())}") from exc
            raise RemoteStoreError(f"{where}: {self._why(exc)}") from exc
        finally:
            timer.cancel()
            _TRACKED.sockets = None

    def _why(self, reason: object) -> str:
        if isinstance(reason, ConnectionRefusedError):
            return "connection refused (is the SPARQL server running?)"
        if isinstance(reason, TimeoutError):
            return f"no complete answer within {self.timeout:g} s"
        if isinstance(reason, socket.gaierror):
            return f"unknown host ({reason.strerror})"
        text = str(reason).strip()
        return text.splitlines()[0] if text else type(reason).__name__

    def _query(self, sparql: str, *, union: bool, accept: str) -> tuple[bytes, str]:
        params = {"query": sparql}
        if union and self.union_param:
            params[self.union_param] = "true"
        return self._http("POST", self.query_url, accept=accept,
                          body=urllib.parse.urlencode(params).encode("utf-8"),
                          content_type="application/x-www-form-urlencoded")

    def _update(self, sparql: str) -> None:
        self._http("POST", self.update_url, body=sparql.encode("utf-8"),
                   content_type="application/sparql-update")

    def _graph_url(self, iri: str) -> str:
        joiner = "&" if "?" in self.store_url else "?"
        return f"{self.store_url}{joiner}graph={urllib.parse.quote(iri, safe='')}"

    # -- GraphStore ---------------------------------------------------------------------
    def select(self, sparql: str, *, union: bool = False,
               bindings: dict[str, ox.NamedNode | ox.Literal] | None = None
               ) -> list[ox.QuerySolution]:
        """Rows of a SELECT query run by the server, with our prefixes declared and
        ``bindings`` joined as a trailing ``VALUES`` block (see the module notes)."""
        text = with_prefixes(sparql) + values_clause(bindings or {})
        data, _ = self._query(text, union=union, accept=RESULTS_JSON)
        try:
            result = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as exc:
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise RemoteStoreError(f"{self.query_url}: unreadable SPARQL results: {first}"
                                   ) from exc
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError("expected a SELECT query")
        return list(result)

    def stored_sha256(self, document: URIRef) -> str | None:
        """The text hash recorded for a document, or None when it is not stored."""
        rows = self.select(_SHA, union=False, bindings={"d": _node(str(document))})
        return str(rows[0][0].value) if rows else None

    def put_graph(self, graph: Graph | Triples) -> None:
        """Replace the named graph ``graph.identifier`` on the server with ``graph``."""
        name, text = named_ntriples(graph)
        iri = str(_node(str(name)))
        body = text.encode("utf-8")
        if 2 * len(body) <= self.max_update_bytes:
            self._update(replace_update(iri[1:-1], text))
            return
        # too large for one update: sent first into a graph of its own, then swapped in by
        # one small update, so a failed send leaves the stored article as it was
        staging = f"{iri[1:-1]}#staging-{uuid.uuid4().hex}"
        try:
            self._http("PUT", self._graph_url(staging), body=body,
                       content_type="application/n-triples")
            self._update(f"{removal_update(iri[1:-1])} ;\n"
                         f"INSERT {{ GRAPH {iri} {{ ?s ?p ?o }} ?s ?p ?o }} "
                         f"WHERE {{ GRAPH <{staging}> {{ ?s ?p ?o }} }} ;\n"
                         f"DROP SILENT GRAPH <{staging}>")
        except RemoteStoreError:
            with contextlib.suppress(RemoteStoreError):
                self._update(f"DROP SILENT GRAPH <{staging}>")
            raise

    def put_graphs(self, graphs: Sequence[Graph | Triples]) -> None:
        """Replace each graph in turn (one atomic update each)."""
        for graph in graphs:
            self.put_graph(graph)

    def remove_document(self, key: str) -> list[str]:
        """Delete the graphs of the articles whose source path or IRI is ``key``; returns
        their IRIs."""
        rows = self.select(_FIND, union=False, bindings={"key": ox.Literal(key)})
        gone = [str(r[0].value) for r in rows]
        for iri in gone:
            self._update(removal_update(iri))
        return gone

    def documents(self) -> list[tuple[str, str]]:
        """(IRI, source path) of every stored article."""
        return [(str(r[0].value), str(r[1].value))
                for r in self.select(_DOCUMENTS, union=False)]

    def entity_labels(self, base: str) -> dict[str, str]:
        """The label of every stored person, organisation and place, by key (IRI less
        ``base``)."""
        out: dict[str, str] = {}
        for r in self.select(_LABELS, union=False):
            iri = str(r[0].value)
            if iri.startswith(base):
                out.setdefault(iri[len(base):], str(r[1].value))
        return out

    def person_labels(self) -> list[str]:
        return [str(r[0].value) for r in self.select(_PEOPLE, union=False)]

    def _count(self, sparql: str) -> int:
        """The number a COUNT query answers; a server answering no row, or no number, is a
        :class:`RemoteStoreError`."""
        rows = self.select(sparql, union=False)
        value = rows[0][0] if rows else None
        try:
            return int(value.value) if value is not None else int("")
        except ValueError:
            raise RemoteStoreError(f"{self.query_url}: the server answered a COUNT query "
                                   f"with {'no rows' if not rows else repr(value)}") from None

    def __len__(self) -> int:
        """Quads in the server's named graphs (a RemoteStore writes nothing else)."""
        return self._count(_QUADS)

    def triple_count(self) -> int:
        """Distinct triples over every article (the merged default graph)."""
        return self._count(_TRIPLES)

    def quads(self) -> list[ox.Quad]:
        """Every quad of the server's named graphs."""
        return [ox.Quad(r[0], r[1], r[2], r[3]) for r in self.select(_ALL, union=False)]

    def serialize(self, fmt: str = "ttl") -> bytes:
        """The graph in ``fmt``; N-Quads and TriG keep one named graph per article.  Read
        with one SELECT (portable to every SPARQL server), written by pyoxigraph."""
        return serialize_rdf(self.quads(), fmt)

    def write(self, path: str | Path, fmt: str = "ttl") -> None:
        """Write the server's graph in ``fmt`` to a file, atomically (see
        :func:`kg.store.atomic_file`)."""
        data = self.serialize(fmt)
        with atomic_file(path) as tmp:
            tmp.write_bytes(data)

    def dataset(self) -> Dataset:
        """An rdflib Dataset whose queries the server answers (over the union of the
        articles' graphs); read-only."""
        ds = Dataset(store=_Reader(self), default_union=False)
        for prefix, iri in PREFIXES.items():
            ds.bind(prefix, iri)
        return ds

    def flush(self) -> None:
        """Nothing to do: the server has every write when its request returns."""

    def close(self) -> None:
        """Nothing to release: no connection outlives its request."""


class _Reader(SPARQLStore):
    """rdflib's read-only SPARQL store, sending its queries through :class:`RemoteStore`
    (its errors, its union-default-graph parameter, no redirects)."""

    def __init__(self, remote: RemoteStore) -> None:
        super().__init__(remote.query_url, returnFormat="json")
        self.remote = remote

    def _query(self, *args: Any, **kwargs: Any) -> Result:
        sparql = args[0] if args else kwargs["query"]
        data, media_type = self.remote._query(
            str(sparql), union=False, accept=f"{RESULTS_JSON}, application/n-triples;q=0.9")
        return Result.parse(io.BytesIO(data), content_type=media_type)
