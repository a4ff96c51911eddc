"""How does ``kg serve`` hold up under a bounded hostile load on loopback?

Serves a store folder (give a COPY of a built store, e.g. the AllSides build) with
:func:`kg.serve.serve` and, side by side in one run:

1. *quiet*: ``--clients`` threads send ordinary queries (the canned who-met-whom question,
   counts, an actor's meetings, a label search with LIMIT) for ``--seconds``;
2. *under attack*: the same clients again, while ``--attackers`` threads send pathological
   queries in a loop (cartesian products with COUNT and ORDER BY, an unbounded property
   path, a regex over every literal, a whole-store dump, a SERVICE to another address) and
   ``--half-open`` connections are held open having sent half a request.

It prints, for each phase, throughput and p50/p99 latency of the ordinary queries and their
errors, the ratio of the two phases' p50 and p99, every pathological query's slowest
answer and status (each must end within the timeout plus the gateway's grace), and the peak
resident memory of the Oxigraph server (``VmHWM``) and of this process (the gateway and the
clients).  Exit status 1 when a pathological query outlived the bound or an ordinary query
failed.

    .venv/bin/python benchmarks/endpoint.py /tmp/allsides-copy/store
    .venv/bin/python benchmarks/endpoint.py STORE --clients 8 --attackers 2 --seconds 20 \\
        --timeout 5 --half-open 256 --json
"""

from __future__ import annotations

import argparse
import json
import resource
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.gateway import GRACE
from kg.query import canned_queries
from kg.serve import OxigraphServer, serve

ORDINARY = {
    "who-met-whom": canned_queries()["who-met-whom"].sparql,
    "count": "SELECT (COUNT(*) AS ?n) WHERE { ?m a dip:Meeting }",
    "meetings-of": ("SELECT ?m ?d WHERE { ?p rdfs:label \"Mike Pompeo\" . "
                    "?m dip:participant ?p . OPTIONAL { ?m dip:date ?d } } LIMIT 50"),
    "search": ("SELECT ?a ?l WHERE { ?a a dip:Person ; rdfs:label ?l "
               "FILTER (CONTAINS(LCASE(?l), \"kim\")) } LIMIT 20"),
}
PATHOLOGICAL = {
    "cartesian-count": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "cartesian-order": ("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } "
                        "ORDER BY DESC(?c) ?f ?i"),
    "path-closure": ("SELECT ?x ?y WHERE { ?x (dip:metWith|^dip:metWith|dip:participant|"
                     "^dip:participant)+ ?y } ORDER BY ?x ?y"),
    "regex-all": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?t ?q ?o "
                 "FILTER (REGEX(STR(?o), \"(a|aa)*b\")) }",
    "dump": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }",
    "service": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
}
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class Phase:
    name: str
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, float | int | str]:
        ordered = sorted(self.latencies) or [float("nan")]
        return {"phase": self.name, "queries": len(self.latencies),
                "per_second": round(len(self.latencies) / self.seconds, 1),
                "p50_ms": round(1000 * ordered[len(ordered) // 2], 1),
                "p99_ms": round(1000 * ordered[min(len(ordered) - 1,
                                                   int(0.99 * len(ordered)))], 1),
                "errors": len(self.errors)}


def ask(url: str, sparql: str, timeout: float) -> tuple[int, float, int]:
    """Status, seconds and answer bytes of one POSTed query."""
    request = urllib.request.Request(
        f"{url}/query", data=sparql.encode("utf-8"), method="POST",
        headers={"Content-Type": "application/sparql-query",
                 "Accept": "application/sparql-results+json"})
    started = time.monotonic()
    try:
        with NO_PROXY.open(request, timeout=timeout) as response:
            size = len(response.read())
            return int(response.status), time.monotonic() - started, size
    except urllib.error.HTTPError as exc:
        size = len(exc.read())
        return exc.code, time.monotonic() - started, size
    except OSError:
        return 0, time.monotonic() - started, 0


def ordinary_load(url: str, phase: Phase, clients: int, seconds: float) -> None:
    queries = list(ORDINARY.values())
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def client(n: int) -> None:
        i = n
        while time.monotonic() < stop:
            status, took, _ = ask(url, queries[i % len(queries)], 60)
            with lock:
                if status == 200:
                    phase.latencies.append(took)
                else:
                    phase.errors.append(f"{list(ORDINARY)[i % len(queries)]}: HTTP {status}")
            i += 1

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    phase.seconds = time.monotonic() - started


def half_open(url: str, count: int, stop: threading.Event) -> None:
    """Keep ``count`` connections open that sent half a request (reopened when dropped)."""
    parts = urllib.parse.urlsplit(url)
    held: list[socket.socket] = []
    while not stop.is_set():
        held = [s for s in held if s.fileno() != -1]
        while len(held) < count and not stop.is_set():
            try:
                s = socket.create_connection((parts.hostname, parts.port), timeout=5)
                s.sendall(b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nSEL")
                held.append(s)
            except OSError:
                break
        stop.wait(2)
        for s in held:  # a dropped one reads as closed
            s.setblocking(False)
            try:
                if s.recv(1, socket.MSG_PEEK) == b"":
                    s.close()
            except BlockingIOError:
                pass
            except OSError:
                s.close()
    for s in held:
        s.close()


def attack(url: str, attackers: int, stop: threading.Event,
           results: dict[str, list[tuple[int, float]]]) -> list[threading.Thread]:
    names = list(PATHOLOGICAL)

    def attacker(n: int) -> None:
        i = n
        while not stop.is_set():
            name = names[i % len(names)]
            status, took, _ = ask(url, PATHOLOGICAL[name], 120)
            results.setdefault(name, []).append((status, took))
            i += 1

    threads = [threading.Thread(target=attacker, args=(n,), daemon=True)
               for n in range(attackers)]
    for t in threads:
        t.start()
    return threads


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run(store: Path, *, clients: int, attackers: int, seconds: float, timeout: float,
        half: int) -> dict[str, object]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server: OxigraphServer = serve(store, port=port, query_timeout=timeout)
    try:
        for query in ORDINARY.values():  # warm the caches once
            ask(server.url, query, 60)
        quiet = Phase("quiet")
        ordinary_load(server.url, quiet, clients, seconds)
        stop = threading.Event()
        results: dict[str, list[tuple[int, float]]] = {}
        holder = threading.Thread(target=half_open, args=(server.url, half, stop), daemon=True)
        holder.start()
        threads = attack(server.url, attackers, stop, results)
        time.sleep(1)
        loud = Phase("under attack")
        ordinary_load(server.url, loud, clients, seconds)
        stop.set()
        for t in threads:
            t.join(timeout + GRACE + 30)
        holder.join(10)
        oxigraph_mb = peak_rss_mb(server.pid)
    finally:
        server.stop()
    bound = timeout + GRACE + 1
    worst: dict[str, dict[str, object]] = {
        name: {"runs": len(r), "slowest_s": round(max(t for _, t in r), 2),
               "statuses": sorted({s for s, _ in r})} for name, r in sorted(results.items())}
    within = all(max(t for _, t in r) <= bound for r in results.values())
    quiet_s, loud_s = quiet.summary(), loud.summary()
    return {
        "store": str(store), "clients": clients, "attackers": attackers, "seconds": seconds,
        "timeout_s": timeout, "half_open": half, "quiet": quiet_s, "under_attack": loud_s,
        "p50_ratio": round(float(loud_s["p50_ms"]) / float(quiet_s["p50_ms"]), 2),
        "p99_ratio": round(float(loud_s["p99_ms"]) / float(quiet_s["p99_ms"]), 2),
        "pathological": worst, "bound_s": bound,
        "all_within_bound": within,
        "oxigraph_peak_rss_mb": round(oxigraph_mb, 1),
        "this_process_peak_rss_mb": round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "ordinary_errors": (quiet.errors + loud.errors)[:5],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path, help="a COPY of a built store folder")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--attackers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--timeout", type=float, default=5.0,
                        help="kg serve --timeout for the run (seconds)")
    parser.add_argument("--half-open", type=int, default=256)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not (args.store / "CURRENT").is_file():
        print(f"error: {args.store}: not a store folder", file=sys.stderr)
        return 2
    report = run(args.store, clients=args.clients, attackers=args.attackers,
                 seconds=args.seconds, timeout=args.timeout, half=args.half_open)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for key in ("quiet", "under_attack"):
            print(" ".join(f"{k}={v}" for k, v in report[key].items()))  # type: ignore[attr-defined]
        print(f"p50 ratio (under attack / quiet) {report['p50_ratio']}, "
              f"p99 ratio {report['p99_ratio']}")
        for name, v in report["pathological"].items():  # type: ignore[attr-defined]
            print(f"  {name:16} runs={v['runs']} slowest={v['slowest_s']} s "
                  f"statuses={v['statuses']}")
        print(f"every pathological query ended within {report['bound_s']} s: "
              f"{report['all_within_bound']}")
        print(f"peak RSS: oxigraph {report['oxigraph_peak_rss_mb']} MB, gateway and clients "
              f"{report['this_process_peak_rss_mb']} MB")
    ok = report["all_within_bound"] and not report["ordinary_errors"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
