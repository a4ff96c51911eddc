"""Tests of kg.remote against a real writable ``oxigraph serve`` on a loopback port (started
by kg.serve and always stopped), with two invented articles.  What is on the server is
checked over plain HTTP (urllib), independently of RemoteStore."""

from __future__ import annotations

import contextlib
import http.server
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from spacy.language import Language

import kg
from kg.rdf import document_iri
from kg.remote import RemoteStore, RemoteStoreError, values_clause, with_prefixes
from kg.serve import OxigraphServer, serve
from kg.store import GraphStore, Store, StoreError

RDFS = "http://www.w3.org/2000/01/rdf-schema#"
VIENNA = ("Foreign Minister Anna Keller met Prime Minister Tomas Novak in Vienna on Monday. "
          "Keller said the talks were useful.\n")
PRAGUE = ("Foreign Minister Anna Keller met Prime Minister Tomas Novak in Prague on Friday.\n")
BERLIN = ("President Maria Lopez of Chile met Chancellor Olaf Brandt in Berlin on Tuesday.\n")
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))
TRICKY = [
    'say "hi" } DELETE WHERE { ?s ?p ?o } #',
    "{ } ; DROP ALL ; INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }",
    '\\u0022 ) } DELETE WHERE { ?s ?p ?o }',
    'line\nbreak """ \'\'\' \\ end\\',
    "Łódź – 東京 \t tab",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_rows(url: str, sparql: str) -> list[dict[str, str]]:
    """Rows of a query sent straight to the server (no union of graphs)."""
    request = urllib.request.Request(
        f"{url}/query", data=sparql.encode(), method="POST",
        headers={"Content-Type": "application/sparql-query",
                 "Accept": "application/sparql-results+json"})
    with NO_PROXY.open(request, timeout=10) as response:
        data = json.loads(response.read())
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def graph_names(url: str) -> set[str]:
    return {r["g"] for r in server_rows(url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")}


def server_graph(url: str, iri: str) -> Graph:
    """One named graph fetched by the Graph Store Protocol (GET), as rdflib."""
    query = urllib.parse.urlencode({"graph": iri})
    request = urllib.request.Request(f"{url}/store?{query}",
                                     headers={"Accept": "application/n-triples"})
    with NO_PROXY.open(request, timeout=10) as response:
        return Graph().parse(data=response.read().decode("utf-8"), format="nt")


def assert_isomorphic(a: Graph, b: Graph) -> None:
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
        pytest.fail("graphs differ:\nonly in first:\n"
                    f"{only_a.serialize(format='nt')}\nonly in second:\n"
                    f"{only_b.serialize(format='nt')}")


def by_graph(nquads: bytes) -> dict[str, Graph]:
    ds = Dataset()
    ds.parse(data=nquads.decode("utf-8"), format="nquads")
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


@pytest.fixture
def server(oxigraph: Path, tmp_path: Path) -> Iterator[OxigraphServer]:
    """A writable server on an empty store, no union default graph (plain SPARQL)."""
    running = serve(tmp_path / "remote", port=free_port(), read_only=False,
                    union_default_graph=False)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def articles(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / "vienna.txt", tmp_path / "berlin.txt"]
    paths[0].write_text(VIENNA, encoding="utf-8")
    paths[1].write_text(BERLIN, encoding="utf-8")
    return paths


def iri(path: Path) -> str:
    return str(document_iri(str(path)))


def test_remote_store_is_a_graph_store(server: OxigraphServer) -> None:
    store: GraphStore = RemoteStore(server.url)  # mypy checks the protocol here
    assert len(store) == 0 and store.documents() == [] and store.triple_count() == 0


def test_remote_build_pushes_named_graphs(server: OxigraphServer, articles: list[Path],
                                          nlp: Language) -> None:
    graph = kg.build(articles, nlp=nlp, store=RemoteStore(server.url))
    assert (graph.added, graph.unchanged) == (2, 0)
    assert graph_names(server.url) == {iri(p) for p in articles}
    meeting = server_rows(server.url, f"""
        PREFIX dip: <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?a ?b WHERE {{ GRAPH <{iri(articles[0])}> {{
          ?m a dip:Meeting ; dip:participant ?x, ?y .
          ?x rdfs:label ?a . ?y rdfs:label ?b FILTER (STR(?a) < STR(?b)) }} }}""")
    assert meeting == [{"a": "Anna Keller", "b": "Tomas Novak"}]
    # the KnowledgeGraph reads through the server too
    assert graph.summary().documents == 2
    assert sorted(graph.who_met_whom().nodes[n]["label"] for n in graph.who_met_whom()) == [
        "Anna Keller", "Maria Lopez", "Olaf Brandt", "Tomas Novak"]
    table = graph.table("SELECT ?p WHERE { ?p rdfs:label ?name }", name="Anna Keller")
    assert table.rows == (("https://w3id.org/diplomacy-kg/resource/person/anna-keller",),)
    assert graph.table("ASK { ?p rdfs:label ?name }", name="Tomas Novak").rows == ((True,),)


def test_remote_rebuild_skips_unchanged(server: OxigraphServer, articles: list[Path],
                                        nlp: Language) -> None:
    store = RemoteStore(server.url)
    kg.build(articles, nlp=nlp, store=store)
    quads, triples = len(store), store.triple_count()
    shas = {p: store.stored_sha256(URIRef(iri(p))) for p in articles}
    again = kg.build(articles, nlp=nlp, store=server.url)  # a URL opens a RemoteStore
    assert (again.added, again.unchanged) == (0, 2)
    assert (len(store), store.triple_count()) == (quads, triples) and quads > 0
    assert {p: store.stored_sha256(URIRef(iri(p))) for p in articles} == shas
    assert all(sha is not None and len(sha) == 64 for sha in shas.values())


@pytest.mark.parametrize("max_update_bytes", [1_000_000, 0], ids=["update", "gsp-put"])
def test_remote_changed_article_replaces_only_its_graph(
        server: OxigraphServer, articles: list[Path], nlp: Language,
        max_update_bytes: int) -> None:
    store = RemoteStore(server.url, max_update_bytes=max_update_bytes)
    kg.build(articles, nlp=nlp, store=store)
    vienna, berlin = (iri(p) for p in articles)
    berlin_before = server_graph(server.url, berlin)
    sha_before = store.stored_sha256(URIRef(vienna))
    articles[0].write_text(PRAGUE, encoding="utf-8")
    graph = kg.build(articles, nlp=nlp, store=store)
    assert (graph.added, graph.unchanged) == (1, 1)
    assert store.stored_sha256(URIRef(vienna)) not in (None, sha_before)
    places = {r["l"] for r in server_rows(server.url, f"""
        SELECT ?l WHERE {{ GRAPH <{vienna}> {{
          ?m <https://w3id.org/diplomacy-kg/ontology#location> ?p .
          ?p <http://www.w3.org/2000/01/rdf-schema#label> ?l }} }}""")}
    assert places == {"Prague"}  # Vienna's triples are gone with the old graph
    assert_isomorphic(server_graph(server.url, berlin), berlin_before)
    assert graph_names(server.url) == {vienna, berlin}


def test_remote_remove_document(server: OxigraphServer, articles: list[Path],
                                nlp: Language) -> None:
    store = RemoteStore(server.url)
    kg.build(articles, nlp=nlp, store=store)
    vienna, berlin = (iri(p) for p in articles)
    berlin_before = server_graph(server.url, berlin)
    assert store.remove_document(str(articles[0])) == [vienna]
    assert graph_names(server.url) == {berlin}
    assert_isomorphic(server_graph(server.url, berlin), berlin_before)
    assert store.remove_document("no-such-article.txt") == []
    assert store.remove_document(berlin) == [berlin]  # by IRI
    assert graph_names(server.url) == set() and len(store) == 0


def test_remote_export_matches_local_store(server: OxigraphServer, articles: list[Path],
                                           nlp: Language) -> None:
    remote = RemoteStore(server.url)
    kg.build(articles, nlp=nlp, store=remote)
    local = Store()
    kg.build(articles, nlp=nlp, store=local)
    remote_graphs, local_graphs = by_graph(remote.serialize("nq")), by_graph(local.serialize("nq"))
    assert set(remote_graphs) == set(local_graphs) == {iri(p) for p in articles}
    for name, graph in local_graphs.items():
        assert_isomorphic(remote_graphs[name], graph)
    assert_isomorphic(Graph().parse(data=remote.serialize("ttl"), format="turtle"),
                      Graph().parse(data=local.serialize("ttl"), format="turtle"))
    assert (len(remote), remote.triple_count()) == (len(local), local.triple_count())
    assert remote.documents() == local.documents()
    assert sorted(remote.person_labels()) == sorted(local.person_labels())
    for path in articles:
        assert remote.stored_sha256(URIRef(iri(path))) == local.stored_sha256(URIRef(iri(path)))


def test_remote_union_default_graph_server(oxigraph: Path, tmp_path: Path,
                                           articles: list[Path], nlp: Language) -> None:
    """Counts do not depend on whether the server reads every graph by default."""
    running = serve(tmp_path / "union", port=free_port(), read_only=False)
    try:
        remote = RemoteStore(running.url)
        kg.build(articles, nlp=nlp, store=remote)
        local = Store()
        kg.build(articles, nlp=nlp, store=local)
        assert (len(remote), remote.triple_count()) == (len(local), local.triple_count())
        assert remote.documents() == local.documents()
    finally:
        running.stop()


@pytest.mark.parametrize("value", TRICKY)
def test_remote_bound_values_cannot_change_the_query(
        server: OxigraphServer, articles: list[Path], nlp: Language, value: str) -> None:
    store = RemoteStore(server.url)
    kg.build(articles, nlp=nlp, store=store)
    before = len(store)
    rows = store.select("SELECT ?v WHERE { } # a comment on the last line",
                        bindings={"v": ox.Literal(value)})
    assert [r[0] for r in rows] == [ox.Literal(value)]  # the value came back whole
    assert store.remove_document(value) == []
    rows = store.select("SELECT ?d WHERE { GRAPH ?d { ?d dip:sourcePath ?src } }",
                        bindings={"src": ox.Literal(value)})
    assert rows == []
    assert len(store) == before and len(store.documents()) == 2


def test_remote_bindings_select_the_bound_value(server: OxigraphServer,
                                                articles: list[Path], nlp: Language) -> None:
    store = RemoteStore(server.url)
    kg.build(articles, nlp=nlp, store=store)
    rows = store.select("SELECT ?d WHERE { GRAPH ?d { ?d dip:sourcePath ?src } }",
                        bindings={"src": ox.Literal(str(articles[1]))})
    assert [str(r[0].value) for r in rows] == [iri(articles[1])]


@pytest.mark.parametrize("name", ["x) { } DELETE WHERE { ?s ?p ?o", "a b", "", "v}"])
def test_remote_bad_variable_name(name: str) -> None:
    with pytest.raises(StoreError, match="not a SPARQL variable name"):
        values_clause({name: ox.Literal("x")})


def test_remote_iri_is_validated(server: OxigraphServer) -> None:
    store = RemoteStore(server.url)
    with pytest.raises(StoreError, match="not a valid IRI"):
        store.stored_sha256(URIRef('https://example.org/a> } DELETE WHERE { ?s ?p ?o } #'))


def test_remote_prefixes_declared_once() -> None:
    text = with_prefixes("PREFIX dip: <urn:mine#>\nSELECT * WHERE { ?s dip:p ?o }")
    assert text.count("PREFIX dip:") == 1 and "PREFIX rdfs:" in text
    assert text.count("\n") == 1  # the server's error line numbers stay the query's


def test_remote_connection_refused(articles: list[Path], nlp: Language) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(RemoteStoreError, match="connection refused") as info:
        RemoteStore(url).documents()
    assert "\n" not in str(info.value) and url in str(info.value)
    with pytest.raises(kg.KGError, match="connection refused"):
        kg.build(articles, nlp=nlp, store=RemoteStore(url))


def test_remote_http_error(server: OxigraphServer) -> None:
    with pytest.raises(RemoteStoreError, match=r"HTTP 400: .+") as info:
        RemoteStore(server.url).select("SELECT nonsense")
    assert "\n" not in str(info.value)
    with pytest.raises(RemoteStoreError, match="HTTP 404"):
        RemoteStore(server.url, query_url=f"{server.url}/nowhere").documents()


def test_remote_timeout() -> None:
    with socket.socket() as silent:  # accepts connections (backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        with pytest.raises(RemoteStoreError, match=r"no complete answer within 0.3 s"):
            RemoteStore(url, timeout=0.3).documents()


class _Redirect(http.server.BaseHTTPRequestHandler):
    target = ""

    def do_POST(self) -> None:
        self.send_response(307)
        self.send_header("Location", self.target)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_remote_refuses_redirects(server: OxigraphServer) -> None:
    _Redirect.target = f"{server.url}/query"
    redirector = http.server.HTTPServer(("127.0.0.1", 0), _Redirect)
    thread = threading.Thread(target=redirector.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{redirector.server_address[1]}"
        with pytest.raises(RemoteStoreError, match="HTTP 307"):
            RemoteStore(url).documents()
    finally:
        redirector.shutdown()
        redirector.server_close()


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "127.0.0.1:7878",
                                 "http://"])
def test_remote_refuses_non_http_urls(url: str) -> None:
    with pytest.raises(RemoteStoreError, match="http"):
        RemoteStore(url)


class _Canned(http.server.BaseHTTPRequestHandler):
    """Answers every request with ``status`` and ``body``, sent ``drip`` bytes at a time
    every ``pause`` seconds (``drip=0``: all at once)."""

    status = 200
    body = b""
    content_type = "application/sparql-results+json"
    drip = 0
    pause = 0.0

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(self.status)
        self.send_header("Content-Type", self.content_type)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        if not self.drip:
            self.wfile.write(self.body)
            return
        for start in range(0, len(self.body), self.drip):
            self.wfile.write(self.body[start:start + self.drip])
            self.wfile.flush()
            time.sleep(self.pause)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def canned(**answer: object) -> Iterator[str]:
    handler = type("Handler", (_Canned,), answer)
    fake = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    fake.daemon_threads = True
    thread = threading.Thread(target=fake.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{fake.server_address[1]}"
    finally:
        fake.shutdown()
        fake.server_close()


def test_remote_large_article_survives_a_failed_send(
        server: OxigraphServer, articles: list[Path], nlp: Language) -> None:
    kg.build(articles, nlp=nlp, store=RemoteStore(server.url))
    vienna = iri(articles[0])
    before = server_graph(server.url, vienna)
    articles[0].write_text(PRAGUE, encoding="utf-8")
    with canned(status=503, body=b"Service Unavailable", content_type="text/plain") as down:
        store = RemoteStore(server.url, store_url=f"{down}/store", max_update_bytes=0)
        with pytest.raises(RemoteStoreError, match="HTTP 503"):
            kg.build(articles[:1], nlp=nlp, store=store)
    assert_isomorphic(server_graph(server.url, vienna), before)  # not deleted first
    assert len(graph_names(server.url)) == 2  # no staging graph left behind
    store = RemoteStore(server.url, max_update_bytes=0)  # and when the send succeeds
    kg.build(articles[:1], nlp=nlp, store=store)
    places = {r["l"] for r in server_rows(server.url, f"""
        SELECT ?l WHERE {{ ?m a <https://w3id.org/diplomacy-kg/ontology#Meeting> ;
          <https://w3id.org/diplomacy-kg/ontology#location>/<{RDFS}label> ?l }}""")}
    assert places == {"Prague", "Berlin"}  # the merged default graph follows the swap
    assert len(graph_names(server.url)) == 2


def test_remote_slow_server_is_bounded_in_total() -> None:
    body = json.dumps({"head": {"vars": ["d", "src"]}, "results": {"bindings": []}}).encode()
    with canned(body=body, drip=1, pause=0.2) as slow:  # a byte every 0.2 s: about 12 s
        started = time.monotonic()
        with pytest.raises(RemoteStoreError, match=r"no complete answer within 1 s"):
            RemoteStore(slow, timeout=1.0).documents()
        assert time.monotonic() - started < 3


def test_remote_empty_results_are_one_line_errors() -> None:
    body = json.dumps({"head": {"vars": ["n"]}, "results": {"bindings": []}}).encode()
    with canned(body=body) as empty:
        store = RemoteStore(empty)
        for count in (store.__len__, store.triple_count):
            with pytest.raises(RemoteStoreError, match="answered a COUNT query with no rows"):
                count()
