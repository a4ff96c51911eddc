"""A whole corpus built twice into one store, and one article removed and added back.

In one run, on the BBC corpus by default (its five category folders, not articles.jsonl):

1. build every article into a fresh Oxigraph store and count the quads of the article graphs;
2. build the same articles again into the same store: nothing may be added and the quad
   count must not change;
3. remove one article (``--remove``, default: the 100th file) and add it back: the dataset
   must be the same as before, graph by graph (``rdflib.compare.isomorphic``).

Usage::

    .venv/bin/python benchmarks/store_idempotence.py [--corpus DIR] [--limit N] [--store DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

ROOT = Path(__file__).resolve().parent.parent


def default_corpus() -> Path:
    shared = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))
    return Path(os.environ.get("KG_CORPUS", shared / "corpus")) / "bbc"


def graphs(data: bytes) -> dict[str, Graph]:
    ds = Dataset()
    ds.parse(data=data, format="nquads")
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=Path, default=None)
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--remove", type=int, default=100, help="index of the article to remove")
    p.add_argument("--store", type=Path, default=None, help="store folder (default: a temp)")
    args = p.parse_args(argv)
    folder = args.corpus or default_corpus()
    if not folder.is_dir():
        print(f"error: corpus not found at {folder}", file=sys.stderr)
        return 1
    import kg
    from kg.nlp import make_nlp

    files = sorted(folder.rglob("*.txt"))[: args.limit]
    nlp = make_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or Path(tmp) / "store"
        start = time.perf_counter()
        first = kg.build(files, nlp=nlp, store=store)
        quads = len(first.store)
        print(f"first build   {first.added} added, {len(first.problems)} skipped, "
              f"{quads:,} quads, {time.perf_counter() - start:.0f} s")
        start = time.perf_counter()
        second = kg.build(files, nlp=nlp, store=first.store)
        print(f"second build  {second.added} added, {second.unchanged} unchanged, "
              f"{len(second.store):,} quads, {time.perf_counter() - start:.0f} s")
        before = graphs(second.store.serialize("nq"))
        victim = files[args.remove % len(files)]
        gone = second.store.remove_document(str(victim))
        after_remove = len(second.store)
        again = kg.build([victim], nlp=nlp, store=second.store)
        after = graphs(again.store.serialize("nq"))
        same = before.keys() == after.keys() and all(isomorphic(before[k], after[k])
                                                     for k in before)
        print(f"remove        {victim.relative_to(folder)}: {len(gone)} graph, "
              f"{after_remove:,} quads left; added back: {len(again.store):,} quads")
        ok = second.added == 0 and len(second.store) == quads and same
        print(f"same quads after the second build: {'yes' if len(second.store) == quads else 'NO'}"
              f"; same dataset after remove and re-add: {'yes' if same else 'NO'}")
        again.close()
        return 0 if ok else 2


if __name__ == "__main__":
    sys.exit(main())
