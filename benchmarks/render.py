"""The who-met-whom page at three sizes, measured in headless Chromium side by side.

Draws one graph -- a store folder or graph file given with ``--graph`` (the AllSides build,
say), or else a corpus built with :func:`kg.build` (by default the BBC News corpus's five
category folders), cached under ``--work`` -- in three pages, the cases:

- ``top``: only its ``--top`` (150) most connected actors (``kg viz --top 150``);
- ``all``: every actor (``kg viz``), which opens on the 150 most connected;
- ``synthetic``: a generated graph of ``--synthetic`` (5,000) actors in communities, with
  dated meetings, to see the page past any corpus we have.

Each page is opened in headless Chromium (``/usr/bin/chromium`` through Playwright) with
every request that is not ``file:`` or ``data:`` aborted, and the run prints for each: actors
and links, file size, seconds to the first paint and to the first still picture (the layout
comes with the page; ``data-kg-ready``), requests beyond the page itself, blocked and failed
requests and page errors (all must be 0), frames per second while the view is dragged
around (as the page opens, and with every actor shown), and the labels drawn with how many
overlap (must be 0).  ``--shots DIR`` saves a 1200x800 picture of each default view.  The
exit code is 1 when a page phoned out, failed, or drew overlapping labels.

Run from the repository root::

    .venv/bin/python benchmarks/render.py --graph STORE [--top 150] [--synthetic 5000]
        [--shots docs/img] [--name allsides] [--json]
    .venv/bin/python benchmarks/render.py [ARTICLES ...] [--limit N] ...
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
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
from kg.viz import STATUSES, write_html

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
            who = graph.who_met_whom(statuses=STATUSES)
            summary = str(graph.summary())
        return Built(who, str(store), "opened cached store", time.perf_counter() - started,
                     summary)
    inputs = article_files(resolved, limit) if limit is not None else resolved
    with kg.build(inputs, model=model, store=store) as graph:
        who = graph.who_met_whom(statuses=STATUSES)
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
        who = graph.who_met_whom(statuses=STATUSES)
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


def synthetic(count: int, seed: int = 11) -> nx.Graph:
    """A who-met-whom graph of ``count`` actors: communities of 10 to 120 actors that meet
    mostly among themselves, hubs more than others, each meeting dated in 2018-2020.

    Examples
    --------
    >>> g = synthetic(60)
    >>> g.number_of_nodes(), nx.is_connected(g)
    (60, True)
    """
    rng = random.Random(seed)
    graph: nx.Graph = nx.Graph()
    kinds = ("Person", "Person", "Person", "Organization", "Country")
    groups: list[list[str]] = []
    made = 0
    while made < count:
        size = min(rng.randint(10, 120), count - made)
        groups.append([f"urn:synthetic:{made + i}" for i in range(size)])
        made += size
    for g, members in enumerate(groups):
        for i, node in enumerate(members):
            graph.add_node(node, label=f"{rng.choice(FIRST)} {rng.choice(LAST)} {g}-{i}",
                           type=rng.choice(kinds), country=None)
            if i:
                partners = {members[int(i * rng.random() ** 2)]}  # early members are hubs
                if rng.random() < 0.4:
                    partners.add(members[rng.randrange(i)])
                if rng.random() < 0.03 and g:
                    other = groups[rng.randrange(g)]
                    partners.add(other[int(len(other) * rng.random() ** 3)])
                for partner in partners:
                    _meet(graph, node, partner, rng)
        if g:
            _meet(graph, members[0], groups[rng.randrange(g)][0], rng)
    return graph


FIRST = ("Anna", "Omar", "Li", "Maria", "Kofi", "Ivan", "Sara", "Jonas", "Amina", "Pedro")
LAST = ("Keller", "Haddad", "Wei", "Lopez", "Mensah", "Petrov", "Cohen", "Berg", "Diallo",
        "Silva")


def _meet(graph: nx.Graph, a: str, b: str, rng: random.Random) -> None:
    meetings = [{"id": f"urn:synthetic:m{graph.number_of_edges()}-{k}",
                 "sentence": f"{graph.nodes[a]['label']} met {graph.nodes[b]['label']}.",
                 "source": f"synthetic/{rng.randrange(10_000)}.txt",
                 "date": f"{rng.randint(2018, 2020)}-{rng.randint(1, 12):02d}-"
                         f"{rng.randint(1, 28):02d}",
                 "place": None, "status": "asserted"} for k in range(rng.choice((1, 1, 1, 2, 3)))]
    graph.add_edge(a, b, weight=len(meetings), meetings=meetings)


@dataclass
class Visit:
    """What one page load in Chromium did."""

    first_paint_s: float = 0.0
    still_s: float = 0.0
    fps: float = 0.0
    fps_all: float = 0.0
    shown: int = 0
    labels: int = 0
    overlaps: int = 0
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


_COUNT_FRAMES = """() => {
  window.__frames = 0;
  if (!window.__counting) {
    window.__counting = true;
    network.on("afterDrawing", () => { window.__frames += 1; });
  }
}"""

_OVERLAPS = """() => {
  const b = kgLabels();
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    for (let j = i + 1; j < b.length; j++) {
      if (b[i].x < b[j].x + b[j].w && b[j].x < b[i].x + b[i].w &&
          b[i].y < b[j].y + b[j].h && b[j].y < b[i].y + b[i].h) { n += 1; }
    }
  }
  return [b.length, n];
}"""


def _fps(page: Any, seconds: float = 2.0) -> float:
    """Frames drawn per second while the mouse drags the view around in circles."""
    page.evaluate(_COUNT_FRAMES)
    cx, cy = WIDTH / 2, HEIGHT / 2 + 40
    page.mouse.move(cx, cy)
    page.mouse.down()
    started = time.perf_counter()
    step = 0
    while time.perf_counter() - started < seconds:
        step += 1
        angle = step / 10
        page.mouse.move(cx + 150 * math.cos(angle), cy + 100 * math.sin(angle))
    page.mouse.up()
    elapsed = time.perf_counter() - started
    page.wait_for_timeout(100)
    frames = int(page.evaluate("window.__frames"))
    return frames / elapsed


def visit(browser: Browser, page_path: Path, *, timeout_s: float = 600.0,
          screenshot: Path | None = None) -> Visit:
    """Open ``page_path`` with every non-file request blocked; time it, pan it, count."""
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
        page.goto(page_path.resolve().as_uri(), wait_until="load", timeout=timeout_s * 1000)
        page.wait_for_selector("body[data-kg-ready]", state="attached",
                               timeout=timeout_s * 1000)
        page.wait_for_timeout(200)  # the labels are chosen 60 ms after a change of view
        timing = page.evaluate("""() => ({ready: window.kgReadyAt, paint: (performance
            .getEntriesByName('first-paint')[0] || {startTime: null}).startTime})""")
        seen.still_s = float(timing["ready"]) / 1000
        seen.first_paint_s = float(timing["paint"] or timing["ready"]) / 1000
        seen.shown = len(page.evaluate("kgVisibleNodes()"))
        seen.labels, seen.overlaps = page.evaluate(_OVERLAPS)
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot))
        seen.fps = _fps(page)
        while page.locator("#kg-more").is_visible():
            page.click("#kg-more")
        page.evaluate("network.fit({animation: false})")
        page.wait_for_timeout(200)
        seen.fps_all = _fps(page)
    finally:
        context.close()
    return seen


def _report(result: dict[str, Any]) -> str:
    lines = [f"graph      {result['summary']} ({result['how']} {result['store']})"]
    for case in result["cases"]:
        page, seen = case["page"], case["browser"]
        lines += [
            f"{case['name']:<10} {case['nodes']:,} actors, {case['edges']:,} links; opens on "
            f"{seen['shown']:,} actors",
            f"  page     {page['bytes']:,} bytes ({page['bytes'] / 1e6:.2f} MB), written in "
            f"{page['seconds']:.2f} s",
            f"  paint    {seen['first_paint_s']:.2f} s to the first paint, "
            f"{seen['still_s']:.2f} s to the first still picture",
            f"  panning  {seen['fps']:.1f} frames/s as it opens, {seen['fps_all']:.1f} frames/s "
            "with every actor shown",
            f"  labels   {seen['labels']} drawn, {seen['overlaps']} overlapping",
            f"  requests {len(seen['requests']) - 1} beyond the page, {len(seen['blocked'])} "
            f"blocked, {len(seen['failed'])} failed; {len(seen['errors'])} page errors",
        ]
        lines += [f"    blocked: {url}" for url in seen["blocked"]]
        lines += [f"    failed: {url}" for url in seen["failed"]]
        lines += [f"    {error}" for error in seen["errors"]]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> dict[str, Any]:
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    if args.graph is not None:
        built = load_graph(Path(args.graph))
    else:
        sources = [Path(p) for p in args.articles] or default_sources()
        built = build_or_load(sources, work=work, limit=args.limit, model=args.model)
    cases = [("top", prune(built.graph, args.top), f"{args.name}-top{args.top}"),
             ("all", built.graph, f"{args.name}-all")]
    if args.synthetic:
        cases.append(("synthetic", synthetic(args.synthetic), f"synthetic-{args.synthetic}"))
    results = []
    with chromium() as browser:
        for name, graph, stem in cases:
            html_path = work / f"{stem}.html"
            started = time.perf_counter()
            write_html(graph, html_path, title=f"Who met whom: {args.title} ({name})"
                       if name != "synthetic" else "Who met whom: a synthetic graph")
            written = time.perf_counter() - started
            shot = Path(args.shots) / f"{stem}.png" if args.shots else None
            seen = visit(browser, html_path, timeout_s=args.timeout, screenshot=shot)
            results.append({
                "name": name, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
                "page": {"path": str(html_path), "bytes": html_path.stat().st_size,
                         "seconds": round(written, 3), "screenshot": str(shot) if shot else None},
                "browser": {"first_paint_s": round(seen.first_paint_s, 3),
                            "still_s": round(seen.still_s, 3), "fps": round(seen.fps, 1),
                            "fps_all": round(seen.fps_all, 1), "shown": seen.shown,
                            "labels": seen.labels, "overlaps": seen.overlaps,
                            "requests": seen.requests, "blocked": seen.blocked,
                            "failed": seen.failed, "errors": seen.errors}})
    return {"summary": built.summary, "store": built.store, "how": built.how,
            "cases": results}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="benchmarks/render.py", description=__doc__.split("\n")[0])
    p.add_argument("articles", nargs="*", help="article files or folders (default: the BBC "
                   "corpus's category folders)")
    p.add_argument("--graph", help="a store folder or graph file to draw instead of building")
    p.add_argument("--limit", type=int, help="build only the first N article files")
    p.add_argument("--top", type=int, default=150, help="actors in the 'top' case")
    p.add_argument("--synthetic", type=int, default=5000,
                   help="actors in the synthetic case (0: none)")
    p.add_argument("--model", help="spaCy model (default: kg's default)")
    p.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "diplomacy-kg-render"),
                   help="where the built store is cached and the pages written")
    p.add_argument("--shots", help="save a picture of each page's default view here")
    p.add_argument("--name", default="corpus", help="names the pages and pictures")
    p.add_argument("--title", default="the corpus")
    p.add_argument("--timeout", type=float, default=600.0,
                   help="seconds to wait for the page")
    p.add_argument("--json", action="store_true", help="print JSON instead of a report")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if any(n is not None and n < 1 for n in (args.limit, args.top)) or args.synthetic < 0:
        print("render.py: --limit and --top must be positive", file=sys.stderr)
        return 2
    try:
        result = run(args)
    except KGError as exc:
        print(f"render.py: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=1) if args.json else _report(result))
    clean = all(len(c["browser"]["requests"]) == 1 and not c["browser"]["blocked"]
                and not c["browser"]["failed"] and not c["browser"]["errors"]
                and c["browser"]["overlaps"] == 0 for c in result["cases"])
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
