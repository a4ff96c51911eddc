"""Fixed costs: how long the everyday commands take, against loading spaCy alone.

In one run, each a whole process from a cold start (a fresh interpreter), interleaved and
repeated ``--repeat`` times (best and median kept, since the machines are shared):

1. ``kg --help``;
2. ``kg query STORE posts`` on a store of ``--store`` (default: the 2,000-article AllSides
   store, copied to a temporary folder first, since a query opens the store read-write);
3. ``kg build ARTICLE`` of one article into a fresh folder (store, validation, Turtle, page:
   what a user runs), and the same with ``--no-validate --no-html``;
4. ``python -c "import spacy; spacy.load(MODEL)"``: the model load that any build pays.

Targets: ``kg --help`` and ``kg query`` under 0.5 s; a one-article build under 1.3 times the
model load.  ``--breakdown`` also times, in this process, each fixed cost of a build.

Usage::

    .venv/bin/python benchmarks/startup.py [--store DIR] [--article FILE] [--repeat N]
        [--breakdown] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
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
DEFAULT_STORE = Path("/work/stores/allsides-81a6f61/store")
SEED = ROOT / "seeds" / "000_28493343f67b95bb.txt"


def wall(argv: list[str]) -> float:
    """Seconds ``argv`` takes as a process (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def commands(store: Path, article: Path, model: str, tmp: Path
             ) -> dict[str, Callable[[], float]]:
    """The runs, by name; each returns its seconds."""
    counter = iter(range(10**6))

    def build(*extra: str) -> Callable[[], float]:
        def run() -> float:
            out = tmp / f"build-{next(counter)}"
            seconds = wall([str(KG), "build", str(article), "--out", str(out), "--quiet",
                            *extra])
            shutil.rmtree(out, ignore_errors=True)
            return seconds
        return run

    return {
        "kg --help": lambda: wall([str(KG), "--help"]),
        "kg query STORE posts": lambda: wall([str(KG), "query", str(store), "posts"]),
        "kg build (one article)": build(),
        "kg build --no-validate --no-html": build("--no-validate", "--no-html"),
        "spacy.load": lambda: wall([sys.executable, "-c",
                                    f"import spacy; spacy.load({model!r})"]),
    }


def breakdown(article: Path) -> dict[str, float]:
    """Seconds of each fixed cost of a one-article build, in order, in this process (the
    imports are counted where they are first needed)."""
    out: dict[str, float] = {}

    def timed(name: str, step: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        value = step()
        out[name] = round(time.perf_counter() - start, 3)
        return value

    timed("import kg.cli (typer)", lambda: __import__("kg.cli"))
    timed("import kg.api (rdflib, pyoxigraph)", lambda: __import__("kg.api"))
    timed("import kg.engine (spaCy)", lambda: __import__("kg.engine"))
    from kg.nlp import make_nlp

    nlp = timed("spacy.load + our components", make_nlp)
    from kg import gazetteer

    timed("gazetteer: countries and cities", lambda: (gazetteer.country("France"),
                                                       gazetteer.city("Doha")))
    import kg

    with tempfile.TemporaryDirectory() as tmp:
        graph = timed("parse, extract, store (one article)",
                      lambda: kg.build([article], nlp=nlp, store=Path(tmp) / "store"))
        timed("import pyshacl + shapes", lambda: __import__("kg.validate").validate
              ._shapes_and_ontology())
        from kg.validate import validate_store

        timed("validate the store", lambda: validate_store(graph.store))
        timed("write Turtle", lambda: graph.write(Path(tmp) / "graph.ttl"))
        timed("import networkx + viz", lambda: __import__("kg.viz"))
        timed("write the page", lambda: graph.to_html(Path(tmp) / "graph.html"))
        timed("summary", graph.summary)
        timed("close the store", graph.close)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE,
                        help="a store to query (copied first; default: the AllSides store)")
    parser.add_argument("--article", type=Path, default=SEED)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--breakdown", action="store_true")
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
        "bare_build_over_spacy_load": round(
            best["kg build --no-validate --no-html"] / best["spacy.load"], 3),
    }
    if args.breakdown:
        report["breakdown_s"] = breakdown(args.article)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{report['store_documents']:,}-article store, model {model}, best (median) of "
          f"{args.repeat}, load average {report['load_average']:.1f} on "
          f"{report['cpus']} cores")
    for name in times:
        print(f"{name:36} {best[name]:6.2f} s  ({report['median_s'][name]:.2f})")
    print(f"kg --help              target < 0.5 s: {best['kg --help']:.2f}")
    print(f"kg query               target < 0.5 s: {best['kg query STORE posts']:.2f}")
    print(f"one-article build / spacy.load target < 1.3: {report['build_over_spacy_load']:.2f}"
          f" (without validation and page: {report['bare_build_over_spacy_load']:.2f})")
    for name, seconds in report.get("breakdown_s", {}).items():
        print(f"  {name:40} {seconds:6.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
