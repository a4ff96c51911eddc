"""Tests of kg.serve: a real ``oxigraph serve-read-only`` on a store built from two invented
articles, spoken to over HTTP with urllib only.  Every server is stopped by its fixture or a
``finally``; every file is under ``tmp_path``."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pyoxigraph as ox
import pytest
from spacy.language import Language

import kg
import kg.gateway
import kg.serve
from kg.serve import OxigraphServer, ServeError, find_oxigraph, serve
from kg.store import Store

ARTICLES = {
    "vienna.txt": "Foreign Minister Anna Keller met Prime Minister Tomas Novak in Vienna on "
                  "Monday. Keller said the talks were useful.\n",
    "berlin.txt": "President Maria Lopez of Chile met Chancellor Olaf Brandt in Berlin on "
                  "Tuesday.\n",
}
PREFIXES = ("PREFIX dip: <https://w3id.org/diplomacy-kg/ontology#> "
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ")
MEETINGS = PREFIXES + """
SELECT ?a ?b WHERE {
  ?m a dip:Meeting ; dip:participant ?x, ?y .
  ?x rdfs:label ?a . ?y rdfs:label ?b .
  FILTER (STR(?a) < STR(?b))
}"""
QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def http(method: str, url: str, body: bytes | None = None,
         content_type: str | None = None) -> tuple[int, bytes]:
    """Status and body of one request (an error status is returned, not raised)."""
    headers = {"Accept": "application/sparql-results+json"}
    if content_type:
        headers["Content-Type"] = content_type
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with NO_PROXY.open(request, timeout=10) as response:
            return int(response.status), bytes(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def rows(url: str, sparql: str) -> list[dict[str, str]]:
    status, body = http("POST", f"{url}/query", sparql.encode(), "application/sparql-query")
    assert status == 200, body
    return [{k: v["value"] for k, v in b.items()}
            for b in json.loads(body)["results"]["bindings"]]


def quad_count(url: str) -> int:
    return int(rows(url, QUADS)[0]["n"])


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    """A finished store of the two articles, its lock released."""
    root = tmp_path_factory.mktemp("serve")
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    with kg.build([root / n for n in ARTICLES], nlp=nlp, store=root / "store") as graph:
        assert graph.summary().documents == 2
    del graph
    gc.collect()
    return root / "store"


@pytest.fixture(scope="module")
def server(oxigraph: Path, store_dir: Path) -> Iterator[OxigraphServer]:
    running = serve(store_dir, port=free_port())
    try:
        yield running
    finally:
        running.stop()


def test_serve_answers_post_query(server: OxigraphServer) -> None:
    pairs = {(r["a"], r["b"]) for r in rows(server.url, MEETINGS)}
    assert pairs == {("Anna Keller", "Tomas Novak"), ("Maria Lopez", "Olaf Brandt")}


def test_serve_answers_get_query(server: OxigraphServer) -> None:
    query = PREFIXES + ('ASK { ?m a dip:Meeting ; dip:participant ?a, ?b . '
                        '?a rdfs:label "Anna Keller" . ?b rdfs:label "Tomas Novak" }')
    status, body = http("GET", f"{server.url}/query?" + urllib.parse.urlencode({"query": query}))
    assert status == 200, body
    assert json.loads(body)["boolean"] is True


@pytest.mark.parametrize(("method", "path", "body", "content_type"), [
    ("POST", "/update", b'INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:b> "c" } }',
     "application/sparql-update"),
    ("POST", "/update", urllib.parse.urlencode({"update": "DROP ALL"}).encode(),
     "application/x-www-form-urlencoded"),
    ("PUT", "/store?graph=urn%3Ax%3Ag", b'<urn:x:a> <urn:x:b> "c" .\n', "application/n-triples"),
    ("POST", "/store?default", b'<urn:x:a> <urn:x:b> "c" .\n', "application/n-triples"),
    ("DELETE", "/store", None, None),
])
def test_serve_refuses_writes(server: OxigraphServer, method: str, path: str,
                              body: bytes | None, content_type: str | None) -> None:
    before = quad_count(server.url)
    status, answer = http(method, server.url + path, body, content_type)
    assert 400 <= status < 500, (status, answer)
    assert quad_count(server.url) == before > 0
    status, body = http("POST", f"{server.url}/query", b"ASK { GRAPH <urn:x:g> { ?s ?p ?o } }",
                        "application/sparql-query")
    assert json.loads(body)["boolean"] is False


def test_serve_binds_loopback(server: OxigraphServer) -> None:
    port = urllib.parse.urlsplit(server.url).port
    assert server.url == f"http://127.0.0.1:{port}"
    assert server.gateway is not None and server.gateway.server_address[:2] == (
        "127.0.0.1", port)
    assert isinstance(server.args, list)  # the Oxigraph server behind it: loopback too
    inner = int(server.args[server.args.index("--bind") + 1].removeprefix("127.0.0.1:"))
    table = Path("/proc/net/tcp")
    if not table.is_file():
        pytest.skip("no /proc/net/tcp to list listening sockets")
    listening = [line.split()[1] for line in table.read_text().splitlines()[1:]
                 if line.split()[3] == "0A" and line.split()[1].endswith(f":{port:04X}")]
    assert listening == [f"0100007F:{port:04X}"]  # 127.0.0.1, not 0.0.0.0
    behind = [line.split()[1] for line in table.read_text().splitlines()[1:]
              if line.split()[3] == "0A" and line.split()[1].endswith(f":{inner:04X}")]
    assert behind == [f"0100007F:{inner:04X}"]


@pytest.mark.parametrize("case", ["missing", "empty", "file", "other"])
def test_serve_not_a_store(oxigraph: Path, tmp_path: Path, case: str) -> None:
    target = tmp_path / "store"
    if case == "empty":
        target.mkdir()
    elif case == "file":
        target.write_text("not a store", encoding="utf-8")
    elif case == "other":
        target.mkdir()
        (target / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(ServeError, match=r"store|folder") as info:
        serve(target, port=free_port())
    assert str(target) in str(info.value) and "\n" not in str(info.value)


def test_serve_writable_refuses_a_foreign_folder(oxigraph: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(ServeError, match="not an Oxigraph store and not empty"):
        serve(tmp_path, port=free_port(), read_only=False)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize("precheck", [True, False], ids=["checked-first", "told-by-oxigraph"])
def test_serve_port_taken(oxigraph: Path, store_dir: Path, monkeypatch: pytest.MonkeyPatch,
                          precheck: bool) -> None:
    if not precheck:
        monkeypatch.setattr(kg.serve, "_check_port", lambda host, port: None)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ServeError, match=f"127.0.0.1:{port} is already in use"):
            serve(store_dir, port=port)


def test_serve_port_taken_by_another_server(server: OxigraphServer, store_dir: Path) -> None:
    """The other server answers HTTP there, which must not pass for ours being ready."""
    port = urllib.parse.urlsplit(server.url).port
    assert port is not None
    with pytest.raises(ServeError, match="already in use"):
        serve(store_dir, port=port)
    assert quad_count(server.url) > 0  # the first one is untouched


def test_serve_writable_store_locked(oxigraph: Path, tmp_path: Path) -> None:
    held = Store(tmp_path / "store")
    try:
        with pytest.raises(ServeError, match="open in another process"):
            serve(tmp_path / "store", port=free_port(), read_only=False)
    finally:
        held.close()
    running = serve(tmp_path / "store", port=free_port(), read_only=False)
    try:
        assert quad_count(running.url) == 0
    finally:
        running.stop()


def test_serve_read_only_opens_a_held_store(oxigraph: Path, tmp_path: Path) -> None:
    """A read-only server takes no lock (what the module notes say about serving)."""
    held = Store(tmp_path / "store")
    try:
        held.ox.add(ox.Quad(ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:b"),
                            ox.Literal("c"), ox.NamedNode("urn:x:g")))
        held.flush()
        running = serve(tmp_path / "store", port=free_port())
        try:
            assert quad_count(running.url) == 1
        finally:
            running.stop()
    finally:
        held.close()


def test_serve_missing_binary(tmp_path: Path, store_dir: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ServeError, match="no oxigraph executable"):
        serve(store_dir, port=free_port(), executable=tmp_path / "oxigraph")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ServeError, match=r"not installed \(pip install 'oxigraph"):
        find_oxigraph()


RUN = """
import sys
from kg.serve import run_server
code = run_server(sys.argv[1], port=int(sys.argv[2]),
                  on_ready=lambda url: print("ready", url, flush=True))
print("stopped", code, flush=True)
"""


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_serve_run_server_forwards_signals(oxigraph: Path, store_dir: Path,
                                           signum: signal.Signals) -> None:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", RUN, str(store_dir), str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == f"ready http://127.0.0.1:{port}", proc.stderr
        assert quad_count(f"http://127.0.0.1:{port}") > 0
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert out.strip() == "stopped 0"
    deadline = time.monotonic() + 5
    while True:  # the oxigraph child is gone with its parent: nothing answers any more
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                break
        assert time.monotonic() < deadline, "the server outlived run_server"
        time.sleep(0.05)


# -- the gateway: SERVICE, prefixes, timeouts, answer size, idle clients (issue 13) ----------

class _Remote(BaseHTTPRequestHandler):
    """A SPARQL server elsewhere that a SERVICE clause would reach: counts its requests."""

    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        body = json.dumps({"head": {"vars": ["s"]}, "results": {"bindings": [
            {"s": {"type": "literal", "value": "fetched from elsewhere"}}]}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def elsewhere() -> Iterator[str]:
    _Remote.hits.clear()
    remote = ThreadingHTTPServer(("127.0.0.1", 0), _Remote)
    thread = threading.Thread(target=remote.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{remote.server_address[1]}/sparql"
    finally:
        remote.shutdown()
        remote.server_close()


def _service_requests(url: str, target: str) -> list[tuple[str, str, bytes | None, str | None]]:
    query = f"SELECT ?s WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}"
    sneaky = f"SELECT ?s WHERE {{ \\u0053ERVICE <{target}> {{ ?s ?p ?o }} }}"
    form = urllib.parse.urlencode({"query": query}).encode()
    return [("GET", f"{url}/query?" + urllib.parse.urlencode({"query": query}), None, None),
            ("POST", f"{url}/query", form, "application/x-www-form-urlencoded"),
            ("POST", f"{url}/query", query.encode(), "application/sparql-query"),
            ("POST", f"{url}/query", sneaky.encode(), "application/sparql-query"),
            ("POST", f"{url}/update", f"INSERT {{ <urn:x:a> <urn:x:b> ?s }} WHERE {{ SERVICE "
                                      f"<{target}> {{ ?s ?p ?o }} }}".encode(),
             "application/sparql-update")]


def test_serve_refuses_service(server: OxigraphServer) -> None:
    with elsewhere() as target:
        for method, url, body, kind in _service_requests(server.url, target):
            status, answer = http(method, url, body, kind)
            assert status == 403, (url, body, answer)
            assert b"SERVICE" in answer and b"--allow-service" in answer
        assert _Remote.hits == []  # nothing was fetched


def test_serve_allow_service_fetches(oxigraph: Path, store_dir: Path) -> None:
    running = serve(store_dir, port=free_port(), allow_service=True)
    try:
        with elsewhere() as target:
            method, url, body, kind = _service_requests(running.url, target)[2]
            status, answer = http(method, url, body, kind)
            assert status == 200, answer
            assert b"fetched from elsewhere" in answer and len(_Remote.hits) == 1
    finally:
        running.stop()


def _readme_curl() -> tuple[str, str]:
    """The query and Accept header of the README's curl example of the endpoint."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The SPARQL endpoint", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    command = block[block.index("curl"):].replace("\\\n", " ")
    accept = re.search(r"-H 'Accept: ([^']+)'", command)
    query = re.search(r"--data-urlencode\s+'query=(.*?)'", command, re.DOTALL)
    assert accept and query, command
    return query[1], accept[1]


def test_serve_answers_the_readme_prefixed_query(server: OxigraphServer) -> None:
    query, accept = _readme_curl()
    assert "dip:" in query and "PREFIX" not in query  # the prefixes are not declared there
    request = urllib.request.Request(
        f"{server.url}/query", data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
    with NO_PROXY.open(request, timeout=10) as response:
        lines = response.read().decode("utf-8").splitlines()
    assert lines[0].strip() == "a,b"
    assert {tuple(line.strip().split(",")) for line in lines[1:]} == {
        ("Anna Keller", "Tomas Novak"), ("Maria Lopez", "Olaf Brandt")}
    status, body = http("GET", f"{server.url}/query?" + urllib.parse.urlencode(
        {"query": "ASK { ?x dip:metWith ?y }"}))  # GET too, and our own PREFIX wins
    assert status == 200 and json.loads(body)["boolean"] is True


PATHOLOGICAL = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY DESC(?c) ?f ?i ?l",
]


def test_serve_stops_long_queries_and_keeps_answering(oxigraph: Path, store_dir: Path) -> None:
    running = serve(store_dir, port=free_port(), query_timeout=1)
    try:
        results: dict[str, tuple[int, float]] = {}

        def slow(query: str) -> None:
            started = time.monotonic()
            status, _ = http("POST", f"{running.url}/query", query.encode(),
                             "application/sparql-query")
            results[query] = (status, time.monotonic() - started)

        threads = [threading.Thread(target=slow, args=(q,)) for q in PATHOLOGICAL]
        for t in threads:
            t.start()
        time.sleep(0.2)
        started = time.monotonic()
        assert quad_count(running.url) > 0  # ordinary queries answer meanwhile
        assert time.monotonic() - started < 1
        for t in threads:
            t.join(20)
        for query in PATHOLOGICAL:
            status, seconds = results[query]
            assert status in (500, 504) and seconds < 1 + kg.gateway.GRACE + 1, (query, status)
    finally:
        running.stop()


def test_serve_bounds_the_answer(oxigraph: Path, store_dir: Path) -> None:
    running = serve(store_dir, port=free_port(), max_result_bytes=2000)
    try:
        status, body = http("POST", f"{running.url}/query",
                            b"SELECT * WHERE { ?s ?p ?o }", "application/sparql-query")
        assert status == 507 and b"larger than 2,000 bytes" in body
        assert quad_count(running.url) > 0  # small answers still pass
    finally:
        running.stop()


def test_serve_half_open_connections_block_nothing(server: OxigraphServer) -> None:
    host, port = "127.0.0.1", urllib.parse.urlsplit(server.url).port
    idle = []
    try:
        for n in range(300):
            sock = socket.create_connection((host, port), timeout=5)
            if n % 2:  # half a request line, then nothing
                sock.sendall(b"POST /query HTTP/1.1\r\nContent-Length: 100\r\n\r\nSEL")
            idle.append(sock)
        started = time.monotonic()
        assert quad_count(server.url) > 0
        assert time.monotonic() - started < 2
    finally:
        for sock in idle:
            sock.close()


def test_serve_died_server_names_its_own_error(tmp_path: Path) -> None:
    fake = tmp_path / "oxigraph"
    fake.write_text("#!/bin/sh\necho 'Listening for requests at http://127.0.0.1:1' >&2\n"
                    "echo 'thread main panicked: disk on fire' >&2\nexit 3\n")
    fake.chmod(0o755)
    server = OxigraphServer([str(fake)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server._start_reading()
    server.wait()
    assert server.error_line() == "thread main panicked: disk on fire"


def test_serve_endpoint_benchmark_runs(oxigraph: Path, store_dir: Path) -> None:
    """benchmarks/endpoint.py, in a second of each phase: every pathological query ends
    within the bound and the ordinary ones keep answering."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "endpoint.py"
    spec = importlib.util.spec_from_file_location("benchmarks_endpoint", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench
    spec.loader.exec_module(bench)
    report = bench.run(store_dir, clients=2, attackers=2, seconds=1.0, timeout=1.0, half=16)
    assert report["all_within_bound"] is True, report["pathological"]
    assert report["ordinary_errors"] == []
    assert report["quiet"]["queries"] > 0 and report["under_attack"]["queries"] > 0
    assert set(report["pathological"]) >= {"cartesian-count", "cartesian-order"}
    assert report["oxigraph_peak_rss_mb"] > 0
