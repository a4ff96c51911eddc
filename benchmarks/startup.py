"""Fixed costs: how long the everyday commands take, against loading spaCy alone.

In one run, each a whole process from a cold start (a fresh interpreter), interleaved and
repeated ``--repeat`` times (best and median kept, since the machines are shared):

1. ``kg --help``;
2. ``kg query STORE posts`` on a store of ``--store`` (default: the 2,000-article AllSides
   store, copied to a temporary folder first, since a query opens the store read-write);
3. ``kg build ARTICLE`` of one article into a fresh folder (store, validation, Turtle, page:
   what a user runs), and the same with ``--no-validate --no-html``;
4. ``python -c "import spacy; spacy.load(MODEL)"``: the model load that any build pays;
5. ``python -c "from kg.nlp import make_nlp; make_nlp()"``: the model load as ``kg`` does it
   (our components added, the components the package disables left out), so that the
   build's own fixed costs show apart from what its load saves.

Targets: ``kg --help`` and ``kg query`` under 0.5 s; a one-article build under 1.3 times the
model load (4.); the ratio to 5. is printed beside it.  Besides wall time, each command's
CPU time (user + system, of the process and its children) is kept: on a shared machine it
varies less.  ``--breakdown`` also times, in this process, each fixed cost of a build (CPU
seconds); ``--queries`` times every canned question on the store, in this process, as ``kg
query`` asks it (the name resolved, then the question), best of ``--repeat``.

Usage::

    .venv/bin/python benchmarks/startup.py [--store DIR] [--article FILE] [--repeat N]
        [--breakdown] [--queries] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
KG = Path(sys.executable).parent / "kg"
DEFAULT_STORE = Path("/work/stores/allsides-final/store")
SEED = ROOT / "seeds" / "000_28493343f67b95bb.txt"


CPU: dict[str, list[float]] = {}
"""CPU seconds of each command's runs (user + system of the process and its children)."""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def wall(argv: list[str], name: str | None = None) -> float:
    """Seconds ``argv`` takes as a process (it must succeed); its CPU seconds go to
    :data:`CPU` under ``name``."""
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    CPU.setdefault(name or argv[0], []).append(_children_cpu() - cpu)
    return seconds


def commands(store: Path, article: Path, model: str, tmp: Path
             ) -> dict[str, Callable[[], float]]:
    """The runs, by name; each returns its seconds."""
    counter = iter(range(10**6))

    def build(name: str, *extra: str) -> Callable[[], float]:
        def run() -> float:
            out = tmp / f"build-{next(counter)}"
            seconds = wall([str(KG), "build", str(article), "--out", str(out), "--quiet",
                            *extra], name)
            shutil.rmtree(out, ignore_errors=True)
            return seconds
        return run

    return {
        "kg --help": lambda: wall([str(KG), "--help"], "kg --help"),
        "kg query STORE posts": lambda: wall([str(KG), "query", str(store), "posts"],
                                             "kg query STORE posts"),
        "kg build (one article)": build("kg build (one article)"),
        "kg build --no-validate --no-html": build("kg build --no-validate --no-html",
                                                  "--no-validate", "--no-html"),
        "spacy.load": lambda: wall([sys.executable, "-c",
                                    f"import spacy; spacy.load({model!r})"], "spacy.load"),
        "kg.nlp.make_nlp": lambda: wall([sys.executable, "-c",
                                         f"from kg.nlp import make_nlp; make_nlp({model!r})"],
                                        "kg.nlp.make_nlp"),
    }


def breakdown(article: Path) -> dict[str, float]:
    """CPU seconds of each fixed cost of a one-article build, in order, in this process (the
    imports are counted where they are first needed), as ``kg build`` runs them; the last
    line is what Python's shutdown would spend walking the objects for garbage cycles had
    ``kg.cli.main`` not frozen them."""
    import gc

    out: dict[str, float] = {}

    def timed(name: str, step: Callable[[], Any]) -> Any:
        start = time.process_time()
        value = step()
        out[name] = round(time.process_time() - start, 3)
        return value

    timed("import kg.cli (typer)", lambda: __import__("kg.cli"))
    timed("import kg.api (pyoxigraph)", lambda: __import__("kg.api"))
    timed("import kg.engine (rdflib, our stages)", lambda: __import__("kg.engine"))
    from kg.nlp import make_nlp

    threshold = gc.get_threshold()
    gc.set_threshold(0)  # as kg.engine loads it: no collection walks the model
    nlp = timed("import spacy, spacy.load, our components", make_nlp)
    gc.set_threshold(*threshold)
    gc.freeze()
    from kg import gazetteer

    timed("gazetteer: countries and cities", lambda: (gazetteer.country("France"),
                                                       gazetteer.city("Doha")))
    import kg

    with tempfile.TemporaryDirectory() as tmp:
        graph = timed("parse, extract, store (one article)",
                      lambda: kg.build([article], nlp=nlp, store=Path(tmp) / "store"))
        timed("import kg.validate", lambda: __import__("kg.validate"))
        from kg.validate import validate_store

        timed("validate the store", lambda: validate_store(graph.store))
        timed("write Turtle", lambda: graph.write(Path(tmp) / "graph.ttl"))
        timed("import kg.viz (no networkx)", lambda: __import__("kg.viz"))
        timed("write the page", lambda: graph.to_html(Path(tmp) / "graph.html"))
        timed("summary", graph.summary)
        timed("close the store", graph.close)
    gc.unfreeze()
    timed("(a full collection: the shutdown's walk, unfrozen)", gc.collect)
    return out


QUESTIONS: list[tuple[str, list[str]]] = [
    ("posts", []), ("who-met-whom", []),
    ("meetings-of", ["Mike Pompeo"]), ("meetings-of", ["Donald Trump"]),
    ("meetings-in", ["Doha"]), ("meetings-in", ["United States"]),
    ("timeline", ["Mike Pompeo"]), ("timeline", ["Donald Trump"]),
]
"""The canned questions ``--queries`` times (a name the store lacks is reported, not timed)."""


def questions(store: Path, repeat: int) -> dict[str, dict[str, Any]]:
    """Best seconds (of ``repeat``) of each canned question on ``store`` in this process: the
    whole of :meth:`kg.KnowledgeGraph.ask` (the name resolved, then the question) and the
    question alone in Oxigraph (bound to the resolved IRIs), with its rows."""
    import pyoxigraph as ox

    import kg
    from kg.query import QueryError, canned_queries, oxigraph_table

    canned = canned_queries()
    out: dict[str, dict[str, Any]] = {}
    with kg.load(store) as graph:
        ox_store = getattr(graph.store, "ox", None)
        assert isinstance(ox_store, ox.Store)
        for name, values in QUESTIONS:
            label = " ".join([name, *values])
            q = canned[name]
            try:
                sparql = q.sparql
                if q.entity is not None:
                    from kg.actors import resolve

                    sparql = q.bound_to(resolve(graph.dataset, values[0],
                                                place=q.entity == "place"))
            except QueryError as exc:
                out[label] = {"error": str(exc)}
                continue
            bindings = q.bindings(values)
            whole, alone, rows = [], [], 0
            for _ in range(repeat):
                start = time.perf_counter()
                rows = len(graph.ask(name, values).rows)
                whole.append(time.perf_counter() - start)
                start = time.perf_counter()
                oxigraph_table(ox_store, sparql, bindings)
                alone.append(time.perf_counter() - start)
            out[label] = {"ask_s": round(min(whole), 3), "oxigraph_s": round(min(alone), 3),
                          "rows": rows}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE,
                        help="a store to query (copied first; default: the AllSides store)")
    parser.add_argument("--article", type=Path, default=SEED)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--breakdown", action="store_true")
    parser.add_argument("--queries", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not (args.store / "CURRENT").is_file():
        print(f"error: {args.store}: not an Oxigraph store folder (--store)", file=sys.stderr)
        return 1
    from kg.nlp import default_model

    model = default_model()
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        shutil.copytree(args.store, store, ignore=shutil.ignore_patterns("LOCK"))
        documents = subprocess.run(
            [str(KG), "query", str(store), "SELECT (COUNT(*) AS ?n) WHERE "
             "{ ?d a dip:Document }", "--format", "csv"],
            check=True, capture_output=True, text=True).stdout.split()[-1]
        runs = commands(store, args.article, model, Path(tmp))
        for r in range(args.repeat):
            order = list(runs) if r % 2 == 0 else list(reversed(runs))
            for name in order:
                times.setdefault(name, []).append(runs[name]())
            print(f"round {r + 1}/{args.repeat} done", file=sys.stderr, flush=True)
    best = {name: min(t) for name, t in times.items()}
    report: dict[str, Any] = {
        "store_documents": int(documents), "article": str(args.article), "model": model,
        "repeat": args.repeat, "cpus": os.cpu_count(),
        "load_average": os.getloadavg()[0],
        "best_s": {k: round(v, 3) for k, v in best.items()},
        "median_s": {k: round(statistics.median(t), 3) for k, t in times.items()},
        "build_over_spacy_load": round(best["kg build (one article)"] / best["spacy.load"], 3),
        "cpu_best_s": {k: round(min(CPU[k]), 3) for k in times if k in CPU},
        "build_over_spacy_load_cpu": round(min(CPU["kg build (one article)"])
                                           / min(CPU["spacy.load"]), 3),
        "bare_build_over_spacy_load": round(
            best["kg build --no-validate --no-html"] / best["spacy.load"], 3),
        "build_over_make_nlp": round(best["kg build (one article)"]
                                     / best["kg.nlp.make_nlp"], 3),
    }
    if args.breakdown:
        report["breakdown_cpu_s"] = breakdown(args.article)
    if args.queries:
        report["queries"] = questions(args.store, args.repeat)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{report['store_documents']:,}-article store, model {model}, best (median) of "
          f"{args.repeat}, load average {report['load_average']:.1f} on "
          f"{report['cpus']} cores")
    for name in times:
        print(f"{name:36} {best[name]:6.2f} s  ({report['median_s'][name]:.2f})"
              f"  cpu {report['cpu_best_s'][name]:.2f} s")
    print(f"kg --help              target < 0.5 s: {best['kg --help']:.2f}")
    print(f"kg query               target < 0.5 s: {best['kg query STORE posts']:.2f}")
    print(f"one-article build / spacy.load target < 1.3: {report['build_over_spacy_load']:.2f}"
          f" (without validation and page: {report['bare_build_over_spacy_load']:.2f};"
          f" in CPU time {report['build_over_spacy_load_cpu']:.2f};"
          f" over kg's own model load {report['build_over_make_nlp']:.2f})")
    for name, seconds in report.get("breakdown_cpu_s", {}).items():
        print(f"  {name:40} {seconds:6.3f} s cpu")
    for name, row in report.get("queries", {}).items():
        print(f"  {name:32} " + (row["error"] if "error" in row else
              f"ask {row['ask_s']:.3f} s, Oxigraph {row['oxigraph_s']:.3f} s, "
              f"{row['rows']} rows"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
