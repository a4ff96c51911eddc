"""How fast is the who-met-whom count on Oxigraph, against rdflib's in-memory Graph?

Builds the real graph of a corpus sample once with ``kg.build`` (cached as N-Quads under the
temp folder), replicates it with renamed document and event IRIs until it holds at least
``--triples`` distinct triples (entity IRIs stay shared, so meetings pile up on the same
pairs as in a large real graph), writes the result as one N-Triples file, loads that file
into a pyoxigraph Store and an rdflib Graph, and times the same SPARQL query on both.

    .venv/bin/python benchmarks/sparql_speed.py                 # 1,000,000 triples, a table
    .venv/bin/python benchmarks/sparql_speed.py --triples 2000000 --repeat 7 --json
    .venv/bin/python benchmarks/sparql_speed.py --sample graph.nq   # replicate a built graph

Targets: Oxigraph at least 20 times faster than rdflib, and under one second.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib
import rdflib.query

RESOURCE = "https://w3id.org/diplomacy-kg/resource/"
RENAMED = (f"{RESOURCE}document/", f"{RESOURCE}event/")
"""IRIs replicated per copy; every other IRI (entities, posts) is shared by all copies."""

QUERY = """PREFIX dip: <https://w3id.org/diplomacy-kg/ontology#>
SELECT ?a ?b (COUNT(DISTINCT ?m) AS ?n) WHERE {
  ?m a dip:Meeting ; dip:status ?status ; dip:participant ?a, ?b .
  FILTER(?status = "asserted" && STR(?a) < STR(?b))
} GROUP BY ?a ?b"""
"""Who met whom, and how often: the count behind ``kg``'s network, viz and the canned
``who-met-whom`` question, written as kg writes it (the status tested in the FILTER)."""

QUERY_FILTER = QUERY.replace("dip:status ?status", 'dip:status "asserted"').replace(
    '?status = "asserted" && ', "")
"""The same question with the status as a constant in the pattern (``--variant``): the same
rows, but Oxigraph 0.5 starts from ``?m dip:status "asserted"`` (every asserted event of any
kind) and is about ten times slower; kg's queries avoid that form."""

MIN_RATIO = 20.0
MAX_SECONDS = 1.0
DEFAULT_SAMPLE = (("bbc/politics", 150), ("lee_abc/background", 100), ("allsides", 50))
"""Corpus folders (under ``$KG_SHARED/corpus``) and how many articles each gives the sample."""


class BenchError(Exception):
    """A missing corpus or sample: reported in one line, exit code 1."""


def shared_dir() -> Path:
    return Path(os.environ.get("KG_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def sample_paths(corpus: Path, spec: Sequence[tuple[str, int]] = DEFAULT_SAMPLE) -> list[Path]:
    """Articles spread evenly over each folder of ``spec`` (sorted, so always the same)."""
    picked: list[Path] = []
    for sub, n in spec:
        files = sorted((corpus / sub).glob("*.txt"))
        if not files:
            raise BenchError(f"{corpus / sub}: no .txt articles (set KG_SHARED or --sample)")
        step = max(len(files) / n, 1.0)
        picked += [files[int(i * step)] for i in range(min(n, len(files)))]
    return picked


def cache_key(paths: Iterable[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(f"{p.resolve()}|{p.stat().st_size}|{p.stat().st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def build_sample(paths: Sequence[Path], cache_dir: Path, *, rebuild: bool = False) -> Path:
    """The N-Quads of ``kg.build(paths)``, built once and kept in ``cache_dir``."""
    out = cache_dir / f"sample-{len(paths)}-{cache_key(paths)}.nq"
    if out.is_file() and not rebuild:
        return out
    import kg  # spaCy loads only when a sample has to be built
    from kg.nlp import make_nlp

    print(f"building the graph of {len(paths)} articles into {out}...", file=sys.stderr)

    graph = kg.build(paths, nlp=make_nlp())
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".part")
    tmp.write_bytes(graph.store.serialize("nq"))
    tmp.replace(out)
    return out


def read_triples(path: Path) -> list[ox.Triple]:
    """The distinct triples of an RDF file (the union of its named graphs)."""
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=ox.RdfFormat.from_extension(path.suffix[1:])
                        or ox.RdfFormat.N_QUADS)
    except (SyntaxError, ValueError, OSError) as exc:
        raise BenchError(f"{path}: cannot load: {str(exc).splitlines()[0]}") from exc
    seen = {ox.Triple(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, None)}
    return sorted(seen, key=str)


def _renamed(term: ox.NamedNode, copy: int) -> ox.NamedNode:
    return ox.NamedNode(f"{term.value}-r{copy}")


def _local(triple: ox.Triple) -> bool:
    return any(isinstance(t, ox.NamedNode) and t.value.startswith(RENAMED)
               for t in (triple.subject, triple.object))


@dataclass(frozen=True)
class Plan:
    shared: int
    local: int
    copies: int

    @property
    def triples(self) -> int:
        return self.shared + self.local * self.copies


def plan(sample: Sequence[ox.Triple], target: int) -> Plan:
    """How many copies of the article-local triples reach ``target`` distinct triples."""
    local = sum(map(_local, sample))
    if local == 0:
        raise BenchError("the sample has no document or event triples to replicate")
    shared = len(sample) - local
    return Plan(shared, local, max(1, math.ceil((target - shared) / local)))


def replicate(sample: Sequence[ox.Triple], copies: int) -> Iterator[ox.Triple]:
    """The sample with its shared triples once and its article-local triples ``copies``
    times; copy ``k > 0`` renames each document and event IRI ``x`` to ``x-rk``."""
    local = [t for t in sample if _local(t)]
    yield from (t for t in sample if not _local(t))
    yield from local
    for k in range(1, copies):
        for t in local:
            s, o = t.subject, t.object
            if isinstance(s, ox.NamedNode) and s.value.startswith(RENAMED):
                s = _renamed(s, k)
            if isinstance(o, ox.NamedNode) and o.value.startswith(RENAMED):
                o = _renamed(o, k)
            yield ox.Triple(s, t.predicate, o)


def write_ntriples(triples: Iterable[ox.Triple], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        ox.serialize(triples, f, ox.RdfFormat.N_TRIPLES)


Rows = list[tuple[str, str, int]]


def oxigraph_query(store: ox.Store, query: str = QUERY) -> Rows:
    result = store.query(query)
    if not isinstance(result, ox.QuerySolutions):
        raise BenchError("expected SELECT results")
    return [(str(r[0].value), str(r[1].value), int(r[2].value)) for r in result]


def rdflib_query(graph: rdflib.Graph, query: str = QUERY) -> Rows:
    rows: Rows = []
    for row in graph.query(query):
        assert isinstance(row, rdflib.query.ResultRow)
        rows.append((str(row[0]), str(row[1]), int(str(row[2]))))
    return rows


def median_seconds(run: Callable[[], Rows], repeat: int) -> tuple[float, Rows]:
    """Median wall time of ``repeat`` runs, and the rows of the last."""
    times: list[float] = []
    rows: Rows = []
    for _ in range(repeat):
        start = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), rows


@dataclass(frozen=True)
class Result:
    triples: int
    sample_triples: int
    copies: int
    meetings: int
    pairs: int
    oxigraph_load_s: float
    rdflib_load_s: float
    oxigraph_s: float
    rdflib_s: float
    ratio: float
    repeat: int
    results_agree: bool
    ratio_target_met: bool
    time_target_met: bool
    variant_oxigraph_s: float | None = None
    variant_rdflib_s: float | None = None
    variant_agrees: bool | None = None

    @property
    def targets_met(self) -> bool:
        return self.ratio_target_met and self.time_target_met

    def to_text(self) -> str:
        def yes(ok: bool) -> str:
            return "yes" if ok else "NO"
        return "\n".join([
            f"graph      {self.triples:,} triples ({self.sample_triples:,}-triple sample "
            f"x {self.copies} copies), {self.meetings:,} meetings",
            f"query      who-met-whom count: {self.pairs:,} pairs, engines agree: "
            f"{yes(self.results_agree)}",
            f"load       oxigraph {self.oxigraph_load_s:.1f} s, rdflib {self.rdflib_load_s:.1f} s",
            f"oxigraph   {self.oxigraph_s:.4f} s  (median of {self.repeat})",
            f"rdflib     {self.rdflib_s:.4f} s  (median of {self.repeat})",
            f"ratio      {self.ratio:.1f}x",
            f"targets    >= {MIN_RATIO:.0f}x faster: {yes(self.ratio_target_met)}; "
            f"oxigraph < {MAX_SECONDS:.0f} s: {yes(self.time_target_met)}",
            *self._variant_lines(),
        ])

    def _variant_lines(self) -> list[str]:
        ox_s, rdf_s = self.variant_oxigraph_s, self.variant_rdflib_s
        if ox_s is None or rdf_s is None:
            return []
        ratio = rdf_s / ox_s if ox_s > 0 else math.inf
        return [f"variant    status as a constant: oxigraph {ox_s:.4f} s, rdflib {rdf_s:.4f} s, "
                f"ratio {ratio:.1f}x, same rows: {'yes' if self.variant_agrees else 'NO'}"]


def measure(nt: Path, *, repeat: int, sample_triples: int, copies: int,
            variant: bool = False) -> Result:
    """Load ``nt`` into both engines and time the query on each (and :data:`QUERY_FILTER`
    too with ``variant``)."""
    start = time.perf_counter()
    store = ox.Store()
    store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    ox_load = time.perf_counter() - start
    start = time.perf_counter()
    graph = rdflib.Graph()
    graph.parse(nt, format="nt")
    rdf_load = time.perf_counter() - start

    ox_s, ox_rows = median_seconds(lambda: oxigraph_query(store), repeat)
    rdf_s, rdf_rows = median_seconds(lambda: rdflib_query(graph), repeat)
    meetings = store.query("PREFIX dip: <https://w3id.org/diplomacy-kg/ontology#> "
                           "SELECT (COUNT(*) AS ?n) WHERE { ?m a dip:Meeting }")
    assert isinstance(meetings, ox.QuerySolutions)
    ratio = rdf_s / ox_s if ox_s > 0 else math.inf
    vox_s: float | None = None
    vrdf_s: float | None = None
    v_agrees: bool | None = None
    if variant:
        vox_s, vox_rows = median_seconds(lambda: oxigraph_query(store, QUERY_FILTER), repeat)
        vrdf_s, vrdf_rows = median_seconds(lambda: rdflib_query(graph, QUERY_FILTER), repeat)
        v_agrees = sorted(vox_rows) == sorted(vrdf_rows) == sorted(ox_rows)
    return Result(
        triples=len(store), sample_triples=sample_triples, copies=copies,
        meetings=int(next(iter(meetings))[0].value), pairs=len(ox_rows),
        oxigraph_load_s=ox_load, rdflib_load_s=rdf_load, oxigraph_s=ox_s, rdflib_s=rdf_s,
        ratio=ratio, repeat=repeat, results_agree=sorted(ox_rows) == sorted(rdf_rows),
        ratio_target_met=ratio >= MIN_RATIO, time_target_met=ox_s < MAX_SECONDS,
        variant_oxigraph_s=vox_s, variant_rdflib_s=vrdf_s, variant_agrees=v_agrees)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--triples", type=int, default=1_000_000,
                    help="distinct triples to reach (default 1,000,000)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per engine; the median counts")
    ap.add_argument("--json", action="store_true", help="print the numbers as JSON")
    ap.add_argument("--sample", type=Path,
                    help="an RDF graph file (nq, nt, ttl, trig) to replicate instead of "
                         "building the corpus sample")
    ap.add_argument("--corpus", type=Path, help="corpus folder (default $KG_SHARED/corpus)")
    ap.add_argument("--cache", type=Path,
                    default=Path(tempfile.gettempdir()) / "diplomacy-kg-bench",
                    help="where the built sample and the replicated graph are kept")
    ap.add_argument("--rebuild", action="store_true", help="build the sample again")
    ap.add_argument("--variant", action="store_true",
                    help="also time the query with the status tested in its FILTER")
    ap.add_argument("--check", action="store_true", help="exit 2 when a target is missed")
    args = ap.parse_args(argv)
    if args.triples < 1 or args.repeat < 1:
        ap.error("--triples and --repeat must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.sample is not None:
            if not args.sample.is_file():
                raise BenchError(f"{args.sample}: no such file")
            sample_file: Path = args.sample
        else:
            paths = sample_paths(args.corpus or shared_dir() / "corpus")
            sample_file = build_sample(paths, args.cache, rebuild=args.rebuild)
        sample = read_triples(sample_file)
        how = plan(sample, args.triples)
        nt = args.cache / f"replicated-{cache_key([sample_file])}-{how.copies}.nt"
        if not nt.is_file() or args.rebuild:
            write_ntriples(replicate(sample, how.copies), nt)
        result = measure(nt, repeat=args.repeat, sample_triples=len(sample),
                         copies=how.copies, variant=args.variant)
    except BenchError as exc:
        print(f"sparql_speed: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({**asdict(result), "targets_met": result.targets_met}, indent=2))
    else:
        print(result.to_text())
    return 2 if args.check and not result.targets_met else 0


if __name__ == "__main__":
    sys.exit(main())
