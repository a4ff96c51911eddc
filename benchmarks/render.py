"""The who-met-whom page of a whole corpus: its size, and how it behaves in headless Chromium.

Builds the graph of a corpus with :func:`kg.build` (default model) -- by default the BBC
News corpus, its five category folders of 2,225 ``.txt`` files (never the ``articles.jsonl``
beside them, which holds the same texts) -- or opens a store folder or graph file given with
``--graph``.  Writes the page with :func:`kg.viz.write_html`, optionally pruned to the
``--top`` N actors, opens it in headless Chromium (``/usr/bin/chromium`` through Playwright)
with every request that is not ``file:`` or ``data:`` aborted, and prints in one run: nodes
and edges, file size, seconds to a stable (frozen) layout, blocked and failed requests and
page errors (the last three must be 0; the exit code is 1 otherwise).

The built store is cached under ``--work`` (default: ``$TMPDIR/diplomacy-kg-render``) as
``store-<hash>/``, the hash taken over the inputs, ``--limit`` and ``--model``, with
``store-<hash>.json`` beside it once the build has finished; a later run with the same inputs
opens it instead of parsing the corpus again (about a quarter of an hour on two cores).  An
interrupted build is resumed: articles already stored are not parsed twice.

Run from the repository root::

    .venv/bin/python benchmarks/render.py [ARTICLES ...] [--limit N] [--top N] [--json]
    .venv/bin/python benchmarks/render.py --graph STORE_OR_FILE [--top N] [--json]

ARTICLES default to ``$KG_SHARED/corpus/bbc/<category>`` (``$KG_SHARED`` defaults to
``../shared``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

import kg
from kg.model import KGError
from kg.viz import write_html

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
WIDTH, HEIGHT = 1200, 800
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


class RenderError(KGError):
    """The corpus, the browser or the page is not there or not usable."""


def shared_dir() -> Path:
    return Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))


def default_sources() -> list[Path]:
    """The BBC corpus's category folders (its ``articles.jsonl`` repeats their texts)."""
    bbc = shared_dir() / "corpus" / "bbc"
    folders = sorted(p for p in bbc.iterdir() if p.is_dir()) if bbc.is_dir() else []
    if not folders:
        raise RenderError(f"no corpus folders under {bbc}; pass article folders or --graph")
    return folders


def article_files(sources: Sequence[Path], limit: int) -> list[Path]:
    """The first ``limit`` article files (by path) in ``sources``, folders searched deeply.

    Examples
    --------
    >>> article_files([], 5)
    []
    """
    found: list[Path] = []
    for source in sources:
        if source.is_dir():
            found.extend(sorted(p for p in source.rglob("*")
                                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES))
        else:
            found.append(source)
    return found[:limit]


def cache_key(sources: Sequence[Path], limit: int | None, model: str | None) -> str:
    """A short hash naming the cached store of one set of inputs.

    Examples
    --------
    >>> cache_key([Path("/a")], None, None) == cache_key([Path("/a")], None, None)
    True
    >>> cache_key([Path("/a")], 10, None) == cache_key([Path("/a")], None, None)
    False
    """
    spec = json.dumps({"sources": [str(p) for p in sources], "limit": limit, "model": model})
    return hashlib.sha256(spec.encode("utf-8")).hexdigest()[:12]


@dataclass
class Built:
    graph: nx.Graph
    store: str
    how: str  # "built", "opened cached store" or "opened"
    seconds: float
    summary: str


def build_or_load(sources: Sequence[Path], *, work: Path, limit: int | None = None,
                  model: str | None = None) -> Built:
    """The who-met-whom graph of ``sources``, built into ``work`` once and reused after."""
    resolved = [p.resolve() for p in sources]
    for path in resolved:
        if not path.exists():
            raise RenderError(f"{path} does not exist")
    store = work / f"store-{cache_key(resolved, limit, model)}"
    manifest = store.with_suffix(".json")  # beside the store: written once it is complete
    started = time.perf_counter()
    if manifest.is_file():
        with kg.load(store) as graph:
            who = graph.who_met_whom()
            summary = str(graph.summary())
        return Built(who, str(store), "opened cached store", time.perf_counter() - started,
                     summary)
    inputs = article_files(resolved, limit) if limit is not None else resolved
    with kg.build(inputs, model=model, store=store) as graph:
        who = graph.who_met_whom()
        summary = str(graph.summary())
    manifest.write_text(json.dumps({"sources": [str(p) for p in resolved], "limit": limit,
                                    "model": model, "summary": summary}, indent=1) + "\n",
                        encoding="utf-8")
    return Built(who, str(store), "built", time.perf_counter() - started, summary)


def load_graph(path: Path) -> Built:
    """The who-met-whom graph of a store folder or RDF graph file."""
    if not path.exists():
        raise RenderError(f"{path} does not exist")
    started = time.perf_counter()
    with kg.load(path) as graph:
        who = graph.who_met_whom()
        summary = str(graph.summary())
    return Built(who, str(path), "opened", time.perf_counter() - started, summary)


def prune(graph: nx.Graph, top: int | None) -> nx.Graph:
    """The ``top`` actors by weighted degree (meetings) and the edges among them, without
    the actors left unlinked; ``graph`` itself when ``top`` is None or not smaller.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_edge("a", "b", weight=3); g.add_edge("b", "c", weight=1)
    >>> g.add_edge("c", "d", weight=1)
    >>> sorted(prune(g, 2).nodes), sorted(prune(g, 3).edges)
    (['a', 'b'], [('a', 'b'), ('b', 'c')])
    """
    if top is None or top >= graph.number_of_nodes():
        return graph
    ranked = sorted(graph.degree(weight="weight"), key=lambda item: (-item[1], str(item[0])))
    kept: nx.Graph = graph.subgraph(node for node, _ in ranked[:top]).copy()
    kept.remove_nodes_from([n for n in list(kept.nodes) if kept.degree(n) == 0])
    return kept


@dataclass
class Visit:
    """What one page load in Chromium did."""

    load_s: float = 0.0
    stable_s: float = 0.0
    frozen: bool = False
    filter_ms: float = 0.0
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise RenderError("the playwright Python package is not installed") from exc
    if not Path(CHROMIUM).is_file():
        raise RenderError(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import Error as PlaywrightError

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                yield browser
            finally:
                browser.close()
    except PlaywrightError as exc:  # a timeout, a crashed page, a browser that won't start
        raise RenderError(f"Chromium: {exc}".splitlines()[0]) from exc


_FROZEN = """async () => {
  const ids = nodes.getIds().slice(0, 50), before = JSON.stringify(network.getPositions(ids));
  await new Promise((done) => setTimeout(done, 500));
  return !network.physics.options.enabled &&
         JSON.stringify(network.getPositions(ids)) === before;
}"""

_FILTER_MS = """() => {
  const box = document.querySelector("#kg-legend input[value=Person]");
  const t = performance.now();
  for (const ticked of [false, true]) {
    box.checked = ticked;
    box.dispatchEvent(new Event("change", {bubbles: true}));
  }
  return (performance.now() - t) / 2;
}"""


def visit(browser: Browser, page_path: Path, *, timeout_s: float = 600.0,
          screenshot: Path | None = None) -> Visit:
    """Open ``page_path`` with every non-file request blocked; time it to a frozen layout."""
    seen = Visit()
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    try:
        def route(request_route: Any) -> None:
            url = request_route.request.url
            if url.startswith(("file:", "data:")):
                request_route.continue_()
            else:
                seen.blocked.append(url)
                request_route.abort()

        context.route(lambda _url: True, route)
        page = context.new_page()
        page.on("request", lambda request: seen.requests.append(request.url))
        page.on("requestfailed", lambda request: seen.failed.append(request.url))
        page.on("pageerror", lambda exc: seen.errors.append(f"pageerror: {exc}"))
        page.on("console", lambda msg: seen.errors.append(f"console: {msg.text}")
                if msg.type == "error" else None)
        started = time.perf_counter()
        page.goto(page_path.resolve().as_uri(), wait_until="load",
                  timeout=timeout_s * 1000)
        seen.load_s = time.perf_counter() - started
        page.wait_for_function("() => window.kgReady === true", timeout=timeout_s * 1000,
                               polling=50)
        seen.stable_s = time.perf_counter() - started
        seen.frozen = bool(page.evaluate(_FROZEN))
        seen.filter_ms = float(page.evaluate(_FILTER_MS))
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot), full_page=True)
    finally:
        context.close()
    return seen


def _report(result: dict[str, Any]) -> str:
    graph, page, browser = result["graph"], result["page"], result["browser"]
    lines = [
        f"graph      {graph['nodes']} actors, {graph['edges']} links"
        + (f" (of {graph['all_nodes']} and {graph['all_edges']} before --top)"
           if graph["pruned"] else ""),
        f"built      {graph['summary']}",
        f"           {graph['how']} {graph['store']} in {graph['seconds']:.1f} s",
        f"page       {page['path']}: {page['bytes']:,} bytes ({page['bytes'] / 1e6:.2f} MB),"
        f" written in {page['seconds']:.2f} s",
        f"load       {browser['load_s']:.2f} s to the load event",
        f"stable     {browser['stable_s']:.2f} s to a stable layout "
        f"({'frozen' if browser['frozen'] else 'STILL MOVING'})",
        f"filter     {browser['filter_ms']:.1f} ms to hide or show every Person",
        f"requests   {len(browser['requests'])} made, {len(browser['blocked'])} blocked, "
        f"{len(browser['failed'])} failed",
        f"errors     {len(browser['errors'])} page errors",
    ]
    lines += [f"  blocked: {url}" for url in browser["blocked"]]
    lines += [f"  failed: {url}" for url in browser["failed"]]
    lines += [f"  {error}" for error in browser["errors"]]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> dict[str, Any]:
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    if args.graph is not None:
        built = load_graph(Path(args.graph))
    else:
        sources = [Path(p) for p in args.articles] or default_sources()
        built = build_or_load(sources, work=work, limit=args.limit, model=args.model)
    drawn = prune(built.graph, args.top)
    html_path = Path(args.html) if args.html else work / "graph.html"
    started = time.perf_counter()
    write_html(drawn, html_path, title=args.title)
    written = time.perf_counter() - started
    with chromium() as browser:
        seen = visit(browser, html_path, timeout_s=args.timeout)
    return {
        "graph": {"nodes": drawn.number_of_nodes(), "edges": drawn.number_of_edges(),
                  "all_nodes": built.graph.number_of_nodes(),
                  "all_edges": built.graph.number_of_edges(),
                  "pruned": drawn is not built.graph, "top": args.top,
                  "summary": built.summary, "store": built.store, "how": built.how,
                  "seconds": round(built.seconds, 2)},
        "page": {"path": str(html_path), "bytes": html_path.stat().st_size,
                 "seconds": round(written, 3)},
        "browser": {"load_s": round(seen.load_s, 3), "stable_s": round(seen.stable_s, 3),
                    "frozen": seen.frozen, "filter_ms": round(seen.filter_ms, 2),
                    "requests": seen.requests, "blocked": seen.blocked,
                    "failed": seen.failed, "errors": seen.errors},
    }


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="benchmarks/render.py", description=__doc__.split("\n")[0])
    p.add_argument("articles", nargs="*", help="article files or folders (default: the BBC "
                   "corpus's category folders)")
    p.add_argument("--graph", help="a store folder or graph file to draw instead of building")
    p.add_argument("--limit", type=int, help="build only the first N article files")
    p.add_argument("--top", type=int, help="draw only the N actors with the most meetings")
    p.add_argument("--model", help="spaCy model (default: kg's default)")
    p.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "diplomacy-kg-render"),
                   help="where the built store is cached and the page written")
    p.add_argument("--html", help="where to write the page (default: WORK/graph.html)")
    p.add_argument("--title", default="Who met whom: BBC News 2004-2005")
    p.add_argument("--timeout", type=float, default=600.0,
                   help="seconds to wait for a stable layout")
    p.add_argument("--json", action="store_true", help="print JSON instead of a report")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if any(n is not None and n < 1 for n in (args.limit, args.top)):
        print("render.py: --limit and --top must be positive", file=sys.stderr)
        return 2
    try:
        result = run(args)
    except KGError as exc:
        print(f"render.py: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=1) if args.json else _report(result))
    browser = result["browser"]
    clean = not (browser["blocked"] or browser["failed"] or browser["errors"])
    return 0 if clean and browser["frozen"] else 1


if __name__ == "__main__":
    sys.exit(main())
