"""Screenshots of the who-met-whom page for the documentation, taken in headless Chromium.

Writes two 1200x800 PNGs of the page as it opens (``data-kg-ready``):

- ``docs/img/seed-graph.png``: the graph of the seed article, ``kg.build(["seeds"])``;
- ``docs/img/corpus-graph.png``: the graph of the whole BBC News corpus (2,225 articles),
  built and cached under ``--work`` exactly as ``benchmarks/render.py`` does it (so after a
  render.py run it only opens the store; otherwise the build takes a quarter of an hour on
  two cores), optionally pruned to the ``--top`` N actors; ``--graph`` draws a store folder
  or graph file instead.

Every request that is not ``file:`` or ``data:`` is blocked; a blocked request, a page error
or overlapping labels fail the run (exit code 1).  ``benchmarks/render.py --shots docs/img``
takes the pictures of its three cases (a corpus at 150 actors, at all, and 5,000 synthetic
actors).  Run from the repository root::

    .venv/bin/python benchmarks/screenshots.py [--out docs/img] [--graph STORE] [--top N]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import networkx as nx
import render  # benchmarks/render.py: Python puts a script's own folder first on sys.path

import kg
from kg.model import KGError
from kg.viz import STATUSES, write_html

SEED_TITLE = "Who met whom: the seed article"
CORPUS_TITLE = "Who met whom: BBC News, 2004-2005"


def seed_graph() -> nx.Graph:
    """The seed folder's graph, built from the path as a user types it (``seeds``)."""
    seeds = Path(os.path.relpath(render.ROOT / "seeds"))
    with kg.build([seeds]) as graph:
        who: nx.Graph = graph.who_met_whom(statuses=STATUSES)
    return who


def corpus_graph(args: argparse.Namespace) -> nx.Graph:
    if args.graph is not None:
        built = render.load_graph(Path(args.graph))
        return render.prune(built.graph, args.top)
    built = render.build_or_load(render.default_sources(), work=Path(args.work))
    return render.prune(built.graph, args.top)


def shoot(graph: nx.Graph, title: str, html: Path, png: Path) -> render.Visit:
    write_html(graph, html, title=title)
    with render.chromium() as browser:
        return render.visit(browser, html, screenshot=png)


def parser() -> argparse.ArgumentParser:
    work = render.parser().get_default("work")
    p = argparse.ArgumentParser(prog="benchmarks/screenshots.py",
                                description=__doc__.split("\n")[0])
    p.add_argument("--out", default=str(render.ROOT / "docs" / "img"), help="folder for the PNGs")
    p.add_argument("--graph", help="a store folder or graph file for the corpus picture")
    p.add_argument("--top", type=int, help="draw only the N actors with the most meetings")
    p.add_argument("--work", default=work, help="where stores are cached and pages written")
    p.add_argument("--seed-only", action="store_true",
                   help="only the seed picture (render.py --shots takes the corpus ones)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    out, work = Path(args.out), Path(args.work)
    failed = False
    try:
        shots = [("seed-graph", SEED_TITLE, seed_graph())]
        if not args.seed_only:
            shots.append(("corpus-graph", CORPUS_TITLE, corpus_graph(args)))
        for name, title, graph in shots:
            png = out / f"{name}.png"
            seen = shoot(graph, title, work / f"{name}.html", png)
            problems = seen.blocked + seen.failed + seen.errors
            problems += [f"{seen.overlaps} overlapping labels"] if seen.overlaps else []
            failed = failed or bool(problems)
            print(f"{png}: {graph.number_of_nodes()} actors, {graph.number_of_edges()} links,"
                  f" still in {seen.still_s:.1f} s, {len(problems)} problems")
            for problem in problems:
                print(f"  {problem}")
    except KGError as exc:
        print(f"screenshots.py: {exc}", file=sys.stderr)
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
