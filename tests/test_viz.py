"""Tests of kg.viz: the page is self-contained, inert to article text, and works in Chromium.

The browser tests drive Debian's Chromium (``/usr/bin/chromium``) through Playwright's sync
API; they are skipped when either is missing.  Every request the page makes is routed: only
``file:`` and ``data:`` URLs are let through, anything else is aborted and recorded.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
import pytest
from spacy.language import Language

import kg
from kg.model import KGError
from kg.viz import TYPE_SHAPES, VizError, render_html, write_html
from tests.test_network import REPORTED_TWICE

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
EVIL_LABEL = "<script>alert(1)</script>"
XSS_SENTENCE = ("Tomas Irvek told the council <img src=x onerror=window.__pwned=1> and "
                "<script>window.__pwned=2</script> were not on the agenda.")
BASE = "https://example.org/dkg/"
ORLA, TOMAS, COUNCIL, EVIL = (BASE + "person/orla-venn", BASE + "person/tomas-irvek",
                              BASE + "org/northern-fisheries-council", BASE + "person/evil")
FIRST = "Orla Venn met Tomas Irvek in Port Meridian on Tuesday to discuss herring quotas."
SECOND = "Venn and Irvek met again a week later to sign off the harbour survey."
THIRD = "The Northern Fisheries Council received Orla Venn at its winter session."


def _meeting(sentence: str, source: str, date: str | None = None,
             place: str | None = None, **more: Any) -> dict[str, Any]:
    return {"sentence": sentence, "source": source, "date": date, "place": place, **more}


def _graph() -> nx.Graph:
    graph = nx.Graph()
    graph.add_node(ORLA, label="Orla Venn", type="Person", country="Valdoria")
    graph.add_node(TOMAS, label="Tomas Irvek", type="Person", country="Estmark")
    graph.add_node(COUNCIL, label="Northern Fisheries Council", type="Organization",
                   country=None)
    graph.add_node(EVIL, label=EVIL_LABEL, type="Person", country=None)
    graph.add_edge(ORLA, TOMAS, weight=2, meetings=[
        _meeting(FIRST, "articles/a1.txt", "2031-04-01", "Port Meridian"),
        _meeting(SECOND, "articles/a2.txt", "a week later", None)])
    graph.add_edge(ORLA, COUNCIL, weight=1, meetings=[
        _meeting(THIRD, "articles/a3.txt", None, "Harbour Hall")])
    graph.add_edge(TOMAS, EVIL, weight=1, meetings=[
        _meeting(XSS_SENTENCE, "articles/<b>evil</b>.txt", "2031-05-05", "<i>Nowhere</i>")])
    return graph


def _data(page: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page,
                      flags=re.S)
    assert match is not None
    data: dict[str, Any] = json.loads(match.group(1))
    return data


# --------------------------------------------------------------------------- pure Python


def test_viz_html_makes_no_network_reference() -> None:
    page = render_html(_graph())
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", page, flags=re.I)
    assert not re.search(r"<link\b", page, flags=re.I)
    assert not re.search(r"<(img|iframe|object|embed|source)\b", page, flags=re.I)
    assert "@import" not in page
    assert "bootstrap" not in page.lower() and "tom-select" not in page.lower()
    for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", page):
        assert url.startswith("data:"), url
    assert "default-src 'none'" in page


def test_viz_csp_hashes_match_inline_scripts() -> None:
    page = render_html(_graph())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert csp is not None
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    assert len(scripts) == 2  # vis-network and the page script; the data is not executable
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp.group(1)


def test_viz_article_text_is_escaped() -> None:
    page = render_html(_graph(), title=EVIL_LABEL)
    assert EVIL_LABEL not in page
    assert "<img src=x" not in page and "<b>evil" not in page and "<i>Nowhere" not in page
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page
    labels = {node["label"] for node in _data(page)["nodes"]}
    assert EVIL_LABEL in labels  # the text survives intact, as data


@pytest.mark.parametrize("text", ["A & B", "x > y", "line\u2028break", "para\u2029graph",
                                  "</script><script>alert(2)</script>", "<!-- x"])
def test_viz_json_escapes_dangerous_characters(text: str) -> None:
    graph = nx.Graph()
    graph.add_node("urn:x:1", label=text, type="Country", country=None)
    page = render_html(graph)
    raw = page[page.index('id="kg-data">'):]
    raw = raw[:raw.index("</script>")]
    for char in "<>&\u2028\u2029":
        assert char not in raw[len('id="kg-data">'):]
    assert _data(page)["nodes"][0]["label"] == text


def test_viz_data_carries_labels_sizes_and_meetings() -> None:
    data = _data(render_html(_graph()))
    nodes = {node["id"]: node for node in data["nodes"]}
    assert {n["label"] for n in nodes.values()} == {
        "Orla Venn", "Tomas Irvek", "Northern Fisheries Council", EVIL_LABEL}
    assert nodes[ORLA]["meetings"] == 3 and nodes[COUNCIL]["meetings"] == 1
    assert [n["rank"] for n in data["nodes"]] == [0, 1, 2, 3]  # most meetings first
    assert nodes[ORLA]["size"] == nodes[TOMAS]["size"] > nodes[EVIL]["size"]
    assert nodes[EVIL]["size"] == nodes[COUNCIL]["size"]
    assert nodes[COUNCIL]["shape"] == TYPE_SHAPES["Organization"]
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes.values())
    edges = {frozenset((e["from"], e["to"])): e for e in data["edges"]}
    pair = edges[frozenset((ORLA, TOMAS))]
    meetings = [data["meetings"][i] for i in pair["meetings"]]
    assert pair["weight"] == 2 and [m["sentence"] for m in meetings] == [FIRST, SECOND]
    assert meetings[0] == {**_meeting(FIRST, "articles/a1.txt", "2031-04-01", "Port Meridian"),
                           "id": "", "more": [], "reported": None, "when": "2031-04-01",
                           "status": "asserted"}
    assert pair["width"] > edges[frozenset((ORLA, COUNCIL))]["width"]
    assert data["options"]["physics"] == {"enabled": False}  # the layout comes with the data
    assert data["shown"] == 150 and data["statuses"] == ["asserted", "planned"]


def test_viz_one_meeting_of_three_actors_counts_once() -> None:
    graph = nx.Graph()
    record = {"id": "urn:m:1", "sentence": FIRST, "more": [SECOND], "source": "a.txt",
              "date": "2031-04-01", "place": None, "status": "asserted"}
    for a, b in [(ORLA, TOMAS), (ORLA, COUNCIL), (TOMAS, COUNCIL)]:
        graph.add_edge(a, b, weight=1, meetings=[dict(record)])
    graph.add_edge(ORLA, EVIL, weight=5, meetings=[{**record, "id": "urn:m:2"}] * 5)
    data = _data(render_html(graph))
    assert len(data["meetings"]) == 2 and data["meetings"][0]["more"] == [SECOND]
    nodes = {node["id"]: node for node in data["nodes"]}
    assert (nodes[ORLA]["meetings"], nodes[TOMAS]["meetings"], nodes[EVIL]["meetings"]) == (2, 1, 1)
    assert {e["weight"] for e in data["edges"]} == {1}  # five records of one meeting: one


def test_viz_layout_is_computed_once_and_is_the_same_every_time() -> None:
    graph = _graph()
    first, again = _data(render_html(graph)), _data(render_html(graph))
    where = {n["id"]: (n["x"], n["y"]) for n in first["nodes"]}
    assert where == {n["id"]: (n["x"], n["y"]) for n in again["nodes"]}
    assert len(set(where.values())) == len(where)  # no two actors on one spot


def test_viz_missing_attributes_have_defaults() -> None:
    graph = nx.Graph()
    graph.add_edge("urn:x:a/alpha", "urn:x:b#beta",
                   meetings=[_meeting("One.", "s.txt"), _meeting("Two.", "s.txt")])
    graph.nodes["urn:x:a/alpha"]["type"] = "Spaceship"
    data = _data(render_html(graph))
    assert [n["label"] for n in data["nodes"]] == ["alpha", "beta"]
    assert data["nodes"][0]["type"] == "Other"
    assert data["edges"][0]["weight"] == 2


@pytest.mark.parametrize("attrs", [{"weight": "two"}, {"weight": 0}, {"weight": -1},
                                   {"weight": 1.5}, {"weight": True},
                                   {"weight": 1, "meetings": "a sentence"},
                                   {"weight": 1, "meetings": ["a sentence"]},
                                   {"meetings": [{"sentence": "x", "more": "y"}]}])
def test_viz_bad_edge_attributes_raise(attrs: dict[str, Any]) -> None:
    graph = nx.Graph()
    graph.add_edge("urn:x:a", "urn:x:b", **attrs)
    with pytest.raises(VizError) as info:
        render_html(graph)
    assert isinstance(info.value, KGError)


def test_viz_shown_must_be_positive() -> None:
    with pytest.raises(VizError, match="shown must be at least 1"):
        render_html(_graph(), shown=0)


def test_viz_empty_graph_renders() -> None:
    page = render_html(nx.Graph())
    assert "no meetings found" in page
    assert _data(page)["nodes"] == [] and _data(page)["edges"] == []


def test_viz_page_is_the_same_from_our_graph_as_from_networkx(seed_graph: kg.KnowledgeGraph
                                                               ) -> None:
    """The build draws its page from a kg.smallgraph.Graph (no networkx to import): the
    graph read from the store is networkx's, node for node and edge for edge, and the page
    is the same, byte for byte."""
    from kg.meetinggraph import who_met_whom
    from kg.smallgraph import Graph
    from kg.viz import STATUSES

    big = seed_graph.who_met_whom(statuses=STATUSES)
    small = who_met_whom(seed_graph.store.ox, STATUSES, Graph())
    assert big.number_of_edges() >= 3
    assert small.nodes(data=True) == list(big.nodes(data=True))
    assert small.edges(data=True) == list(big.edges(data=True))
    assert render_html(small, title="Seed") == render_html(big, title="Seed")
    made = _graph()
    copy = Graph()
    for n, attrs in made.nodes(data=True):
        copy.add_node(n, **attrs)
    for u, v, attrs in made.edges(data=True):
        copy.add_edge(u, v, **attrs)
    assert render_html(copy) == render_html(made)


def test_viz_write_html_creates_parents(tmp_path: Path) -> None:
    out = write_html(_graph(), tmp_path / "deep" / "er" / "graph.html", title="Quota talks")
    assert out == tmp_path / "deep" / "er" / "graph.html"
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert write_html(_graph(), str(tmp_path / "g.html")).is_file()


def test_viz_write_html_reports_unwritable_path(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(VizError, match="cannot write"):
        write_html(_graph(), blocker / "graph.html")


# --------------------------------------------------------------------------- browser


@dataclass
class _Visit:
    page: Page
    blocked: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.blocked == [], f"requests left the page: {self.blocked}"
        assert all(u.startswith(("file:", "data:")) for u in self.requests), self.requests
        assert self.errors == [], f"errors in the page: {self.errors}"


Opener = Callable[..., _Visit]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="the playwright Python package is not installed")
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def visit(browser: Browser, tmp_path: Path) -> Iterator[Opener]:
    """Open a graph (written by write_html) or a ready-made HTML file in a fresh context."""
    contexts: list[Any] = []

    def _open(target: nx.Graph | Path, **options: Any) -> _Visit:
        path = (target if isinstance(target, Path)
                else write_html(target, tmp_path / f"graph{len(contexts)}.html", **options))
        context = browser.new_context(viewport={"width": 1200, "height": 800})
        contexts.append(context)
        page = context.new_page()
        seen = _Visit(page)

        def _route(route: Any) -> None:
            url = route.request.url
            if url.startswith(("file:", "data:")):
                route.continue_()
            else:
                seen.blocked.append(url)
                route.abort()

        context.route(lambda _url: True, _route)
        page.on("request", lambda request: seen.requests.append(request.url))
        page.on("pageerror", lambda exc: seen.errors.append(f"pageerror: {exc}"))
        page.on("console", lambda msg: seen.errors.append(f"console: {msg.text}")
                if msg.type == "error" else None)
        page.goto(path.resolve().as_uri())
        if not isinstance(target, Path) or options.get("wait"):
            page.wait_for_selector("body[data-kg-ready]", state="attached", timeout=30_000)
        return seen

    yield _open
    for context in contexts:
        context.close()


_POINT_ON_EDGE = """(id) => {
  const e = network.body.data.edges.get(id);
  const p = network.getPositions([e.from, e.to]);
  const box = document.getElementById("kg-network").getBoundingClientRect();
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
    const c = {x: p[e.from].x + t * (p[e.to].x - p[e.from].x),
               y: p[e.from].y + t * (p[e.to].y - p[e.from].y)};
    const d = network.canvasToDOM(c);
    if (network.getEdgeAt(d) === id && network.getNodeAt(d) === undefined) {
      return {x: d.x + box.left, y: d.y + box.top};
    }
  }
  return null;
}"""

_POINT_ON_NODE = """(id) => {
  const d = network.canvasToDOM(network.getPositions([id])[id]);
  const box = document.getElementById("kg-network").getBoundingClientRect();
  return {x: d.x + box.left, y: d.y + box.top};
}"""

_FOCUSED_ON = """(id) => {
  const d = network.canvasToDOM(network.getPositions([id])[id]);
  const box = document.getElementById("kg-network").getBoundingClientRect();
  return Math.abs(network.getScale() - 1.4) < 0.01 &&
         Math.abs(d.x - box.width / 2) < 2 && Math.abs(d.y - box.height / 2) < 2;
}"""


def edge_id(page: Page, a: str, b: str) -> str:
    found: str = page.evaluate(
        """([a, b]) => network.body.data.edges.get().find(
             (e) => (e.from === a && e.to === b) || (e.from === b && e.to === a)).id""", [a, b])
    return found


def click(page: Page, point: dict[str, float] | None) -> Any:
    """Click a point of the network and return the side panel once it shows."""
    assert point is not None, "no point on the edge is free of nodes"
    page.mouse.click(point["x"], point["y"])
    panel = page.locator("#kg-panel")
    panel.wait_for(state="visible", timeout=5_000)
    return panel


def click_edge(page: Page, a: str, b: str) -> Any:
    return click(page, page.evaluate(_POINT_ON_EDGE, edge_id(page, a, b)))


def click_node(page: Page, node: str) -> Any:
    return click(page, page.evaluate(_POINT_ON_NODE, node))


def test_viz_browser_harness_catches_outside_requests(
        visit: Opener, tmp_path: Path) -> None:
    # A control: the checks the other browser tests rely on do see a page that phones out.
    leaky = tmp_path / "leaky.html"
    leaky.write_text('<!DOCTYPE html><img src="http://192.0.2.1/pixel.png">'
                     '<script src="https://cdn.invalid/lib.js"></script>', encoding="utf-8")
    seen = visit(leaky)
    seen.page.wait_for_load_state("load")
    assert "http://192.0.2.1/pixel.png" in seen.blocked
    assert "https://cdn.invalid/lib.js" in seen.blocked
    with pytest.raises(AssertionError, match="requests left the page"):
        seen.assert_clean()


def test_viz_browser_page_holds_the_graph(visit: Opener, tmp_path: Path) -> None:
    seen = visit(_graph())
    page = seen.page
    assert page.evaluate("window.kgReady") is True
    assert set(page.evaluate("kgVisibleNodes()")) == {ORLA, TOMAS, COUNCIL, EVIL}
    edges = page.evaluate("network.body.data.edges.get()")
    assert {frozenset((e["from"], e["to"])) for e in edges} == {
        frozenset((ORLA, TOMAS)), frozenset((ORLA, COUNCIL)), frozenset((TOMAS, EVIL))}
    assert page.evaluate("window.nodes === network.body.data.nodes && "
                         "window.edges === network.body.data.edges")
    assert page.evaluate("network.physics.options.enabled") is False
    assert page.evaluate("document.scripts.length") == 3
    assert page.evaluate("kgStats()") == {"actors": 4, "links": 3, "meetings": 4}
    assert page.locator("#kg-counts").inner_text() == "4 actors, 3 links, 4 meetings"
    assert page.locator("#kg-legend li").all_inner_texts() == list(TYPE_SHAPES)
    assert page.locator("#kg-panel").is_hidden()
    shot = tmp_path / "graph.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    seen.assert_clean()


def test_viz_browser_page_opens_still(visit: Opener) -> None:
    graph = nx.Graph()
    for i in range(400):
        graph.add_node(f"urn:x:{i}", label=f"Actor {i}", type="Person", country=None)
    for i in range(1, 400):
        j = random.Random(i).randrange(i)
        graph.add_edge(f"urn:x:{i}", f"urn:x:{j}", weight=1 + i % 3,
                       meetings=[_meeting(f"Actor {i} met Actor {j}.", f"s{i}.txt")])
    seen = visit(graph)
    page = seen.page
    placed = {n["id"]: (n["x"], n["y"]) for n in _data(
        Path(page.url.removeprefix("file://")).read_text(encoding="utf-8"))["nodes"]}
    before = page.evaluate("network.getPositions()")
    assert 0 < len(before) <= 150  # the most connected first
    assert all(placed[k] == (v["x"], v["y"]) for k, v in before.items())  # as Python put them
    page.wait_for_timeout(300)
    assert page.evaluate("network.getPositions()") == before
    seen.assert_clean()


def test_viz_browser_edge_panel_lists_meetings_with_evidence(visit: Opener) -> None:
    seen = visit(_graph())
    page = seen.page
    panel = click_edge(page, ORLA, TOMAS)
    text = panel.inner_text()
    for expected in ("Orla Venn", "Tomas Irvek", "met 2 times", FIRST, SECOND,
                     "articles/a1.txt", "articles/a2.txt", "2031-04-01", "Port Meridian",
                     "asserted"):
        assert expected in text
    assert panel.locator("a").count() == 0  # evidence links to nothing outside the page
    assert panel.locator("blockquote").all_inner_texts() == [FIRST, SECOND]
    assert page.locator("div.vis-tooltip:visible").count() == 0  # a panel, not a tooltip
    seen.assert_clean()


def test_viz_browser_actor_panel_lists_its_meetings(visit: Opener) -> None:
    seen = visit(_graph())
    page = seen.page
    panel = click_node(page, ORLA)
    text = panel.inner_text()
    assert "Orla Venn" in text and "Person \u00b7 Valdoria" in text and "3 meetings" in text
    assert panel.locator("blockquote").all_inner_texts() == [FIRST, SECOND, THIRD]
    assert "with Northern Fisheries Council" in text and "with Tomas Irvek" in text
    page.click("#kg-panel-close")
    assert page.locator("#kg-panel").is_hidden()
    seen.assert_clean()


def test_viz_browser_panel_scrolls_a_long_list(visit: Opener) -> None:
    graph = nx.Graph()
    graph.add_edge(ORLA, TOMAS, meetings=[
        _meeting(f"Venn met Irvek for the {i}th time, again about herring.", f"s{i}.txt",
                 f"2031-01-{1 + i % 28:02d}") for i in range(60)])
    graph.nodes[ORLA].update(label="Orla Venn", type="Person")
    graph.nodes[TOMAS].update(label="Tomas Irvek", type="Person")
    seen = visit(graph)
    page = seen.page
    panel = click_edge(page, ORLA, TOMAS)
    assert "met 60 times" in panel.inner_text()
    assert page.evaluate("(() => { const p = document.getElementById('kg-panel');"
                         " return p.scrollHeight > p.clientHeight &&"
                         " getComputedStyle(p).overflowY === 'auto'; })()")
    seen.assert_clean()


def test_viz_browser_evidence_quote_has_one_opening_mark(visit: Opener) -> None:
    quoted = "\u201cWe met Tomas Irvek in Port Meridian,\u201d Orla Venn said."
    graph = nx.Graph()
    graph.add_edge(ORLA, TOMAS, meetings=[_meeting(quoted, "q.txt", "2031-04-01")])
    seen = visit(graph)
    panel = click_edge(seen.page, ORLA, TOMAS)
    shown = panel.locator("blockquote").inner_text()
    assert shown == quoted  # the sentence as written: no quote mark added before it
    before = seen.page.evaluate(
        "getComputedStyle(document.querySelector('#kg-panel blockquote'), '::before').content")
    assert before in ("none", "normal", "")
    seen.assert_clean()


def test_viz_browser_article_markup_stays_text(visit: Opener) -> None:
    seen = visit(_graph())
    page = seen.page
    panel = click_edge(page, TOMAS, EVIL)
    text = panel.inner_text()
    assert "<img src=x onerror=window.__pwned=1>" in text and "<script>window.__pwned=2" in text
    assert EVIL_LABEL in text and "articles/<b>evil</b>.txt" in text and "<i>Nowhere</i>" in text
    assert panel.locator("img, script, b, i").count() == 0
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    seen.assert_clean()


@pytest.mark.parametrize(("typed", "enter", "expected"), [
    ("Tomas Irvek", False, TOMAS),
    ("northern fisheries council", False, COUNCIL),
    ("fisheries", True, COUNCIL),
    (EVIL_LABEL, False, EVIL),
])
def test_viz_browser_search_selects_and_focuses(visit: Opener,
                                                typed: str, enter: bool, expected: str) -> None:
    seen = visit(_graph())
    page = seen.page
    page.fill("#kg-search", typed)
    if enter:
        page.press("#kg-search", "Enter")
    page.wait_for_function("(id) => network.getSelectedNodes().join() === id", arg=expected,
                           timeout=5_000)
    page.wait_for_function(_FOCUSED_ON, arg=expected, timeout=5_000)  # zoomed in, centred
    assert page.locator("#kg-panel").is_visible()
    assert page.url.startswith("file:") and "?" not in page.url  # the form did not navigate
    seen.assert_clean()


def test_viz_browser_search_lists_every_match(visit: Opener) -> None:
    seen = visit(_graph())
    page = seen.page
    page.fill("#kg-search", "r")  # Orla, Tomas Irvek, Northern Fisheries Council, <script>
    page.press("#kg-search", "Enter")
    items = page.locator("#kg-matches li")
    assert items.all_inner_texts() == [
        "Orla Venn Person, 3 meetings", "Tomas Irvek Person, 3 meetings",
        f"{EVIL_LABEL} Person, 1 meeting",
        "Northern Fisheries Council Organization, 1 meeting"]  # most meetings, then label
    assert page.locator("#kg-search-status").inner_text() == "4 actors match"
    assert page.evaluate("network.getSelectedNodes()") == []  # none picked for the user
    items.nth(3).locator("button").click()
    page.wait_for_function("(id) => network.getSelectedNodes().join() === id", arg=COUNCIL)
    assert "Northern Fisheries Council" in page.locator("#kg-panel h2").inner_text()
    seen.assert_clean()


def test_viz_browser_search_miss_clears_the_last_match(visit: Opener) -> None:
    seen = visit(_graph())
    page = seen.page
    page.fill("#kg-search", "Tomas Irvek")
    page.wait_for_function("(id) => network.getSelectedNodes().join() === id", arg=TOMAS)
    page.fill("#kg-search", "o")
    page.press("#kg-search", "Enter")
    assert page.locator("#kg-matches li").count() == 3
    page.fill("#kg-search", "Nobody Atall")
    page.press("#kg-search", "Enter")
    assert page.locator("#kg-search-status").inner_text() == "no actor matches"
    assert page.evaluate("network.getSelectedNodes()") == []
    assert page.locator("#kg-matches").is_hidden() and page.locator("#kg-panel").is_hidden()
    seen.assert_clean()


def test_viz_browser_empty_graph(visit: Opener) -> None:
    seen = visit(nx.Graph())
    page = seen.page
    assert page.locator("#kg-empty").is_visible()
    assert page.locator("#kg-empty").inner_text() == "no meetings found"
    assert page.evaluate("window.nodes.length + window.edges.length") == 0
    assert page.evaluate("kgStats()") == {"actors": 0, "links": 0, "meetings": 0}
    assert page.locator("#kg-time").is_hidden()
    seen.assert_clean()


# --------------------------------------------------------------------------- the controls
# The time slider, the status, place and type filters, "show more", labels that never
# overlap, and counts that are the store's own.

INES, KASIM, LEDA = BASE + "person/ines-marrow", BASE + "person/kasim-dole", BASE + "person/leda"
COMPACT, VALDORIA, ESTMARK = (BASE + "org/tidewater-compact", BASE + "country/VAL",
                              BASE + "country/EST")
PORT, HALL, VELL = "Port Meridian", "Harbour Hall", "<b>Vell</b>"


def _filter_graph() -> nx.Graph:
    """Six actors of three types; meetings dated in 2031, undated (one reported on a day),
    planned, or with no record at all."""
    graph = nx.Graph()
    for iri, label, kind in [(INES, "Ines Marrow", "Person"), (KASIM, "Kasim Dole", "Person"),
                             (LEDA, "Leda Quill", "Person"),
                             (COMPACT, "Tidewater Compact", "Organization"),
                             (VALDORIA, "Valdoria", "Country"), (ESTMARK, "Estmark", "Country")]:
        graph.add_node(iri, label=label, type=kind, country=None)
    graph.add_edge(INES, KASIM, weight=2, meetings=[
        _meeting("Marrow met Dole.", "f/1.txt", "2031-01-10", PORT),
        _meeting("Marrow and Dole met again.", "f/2.txt", None, HALL, dateText="the next day")])
    graph.add_edge(INES, COMPACT, weight=1, meetings=[
        _meeting("The Compact received Marrow.", "f/3.txt", "2031-03-05", HALL)])
    graph.add_edge(KASIM, VALDORIA, weight=1, meetings=[
        _meeting("Dole visited Valdoria.", "f/4.txt", "2031-06-20", PORT)])
    graph.add_edge(COMPACT, ESTMARK, weight=1, meetings=[
        _meeting("Estmark hosted the Compact.", "f/5.txt", None, None, dateText="last spring",
                 reported="2031-04-02")])
    graph.add_edge(VALDORIA, ESTMARK, weight=1, meetings=[
        _meeting("Valdoria and Estmark held talks.", "f/6.txt", "2031-02-14", VELL)])
    graph.add_edge(LEDA, ESTMARK, weight=1)  # no meeting records: one undated, placeless
    graph.add_edge(LEDA, KASIM, weight=1, meetings=[
        _meeting("Quill will meet Dole.", "f/7.txt", "2031-07-01", PORT, status="planned")])
    return graph


def _pair(a: str, b: str) -> frozenset[str]:
    return frozenset((a, b))


ASSERTED = {_pair(INES, KASIM), _pair(INES, COMPACT), _pair(KASIM, VALDORIA),
            _pair(COMPACT, ESTMARK), _pair(VALDORIA, ESTMARK), _pair(LEDA, ESTMARK)}
ALL_ACTORS = {INES, KASIM, LEDA, COMPACT, VALDORIA, ESTMARK}
DAYS = ["2031-01-10", "2031-02-14", "2031-03-05", "2031-04-02", "2031-06-20", "2031-07-01"]


def _shown(page: Page) -> tuple[set[frozenset[str]], set[str]]:
    """The pairs of the visible edges and the visible nodes, checked against `hidden`."""
    found = page.evaluate("""() => ({
        edges: kgVisibleEdges().map((id) => [edges.get(id).from, edges.get(id).to]),
        nodes: kgVisibleNodes(),
        hiddenEdges: edges.get().filter((e) => e.hidden).length,
        hiddenNodes: nodes.get().filter((n) => n.hidden).length,
        total: [edges.length, nodes.length]})""")
    pairs, actors = {frozenset(e) for e in found["edges"]}, set(found["nodes"])
    assert len(pairs) + found["hiddenEdges"] == found["total"][0]
    assert len(actors) + found["hiddenNodes"] == found["total"][1]
    return pairs, actors


def _slide(page: Page, first: str | None, last: str | None) -> None:
    """Move the time slider's handles to the days ``first`` and ``last`` (None: the end)."""
    page.evaluate("""([first, last]) => {
        const days = kgDays(), lo = document.getElementById("kg-from"),
              hi = document.getElementById("kg-to");
        lo.value = String(first === null ? 0 : days.indexOf(first));
        hi.value = String(last === null ? days.length - 1 : days.indexOf(last));
        lo.dispatchEvent(new Event("input", {bubbles: true}));
    }""", [first, last])


def test_viz_page_filters_start_with_asserted_meetings(visit: Opener) -> None:
    seen = visit(_filter_graph())
    page = seen.page
    assert _shown(page) == (ASSERTED, ALL_ACTORS)
    assert page.evaluate("kgFilterState()") == {
        "from": None, "to": None, "datedOnly": False, "place": None,
        "types": list(TYPE_SHAPES), "statuses": ["asserted"], "shown": 6}
    assert page.evaluate("kgDays()") == DAYS
    assert page.locator("#kg-place option").all_inner_texts() == [
        "all places", f"{VELL} (1)", f"{HALL} (2)", f"{PORT} (3)"]
    assert page.locator("#kg-place b").count() == 0  # the markup in a place stays text
    assert page.evaluate("kgStats()") == {"actors": 6, "links": 6, "meetings": 7}
    assert page.locator("#kg-counts").inner_text() == "6 actors, 6 links, 7 meetings"
    assert page.locator("#kg-legend li:visible").all_inner_texts() == [
        "Person", "Organization", "Country"]  # no Place or Other actor: not listed
    assert [page.locator(f"#{i}-day").inner_text() for i in ("kg-from", "kg-to")] == [
        DAYS[0], DAYS[-1]]
    seen.assert_clean()


def test_viz_page_time_slider_keeps_meetings_in_range(visit: Opener) -> None:
    seen = visit(_filter_graph())
    page = seen.page
    before = page.evaluate("network.getPositions()")
    _slide(page, "2031-02-14", "2031-04-02")
    assert page.evaluate("kgFilterState()")["from"] == "2031-02-14"
    assert page.locator("#kg-to-day").inner_text() == "2031-04-02"
    # in range: 03-05, 02-14 and the undated one reported on 04-02; an undated meeting
    # with no report day, and the edge without records, are out while a range is set
    assert _shown(page) == ({_pair(INES, COMPACT), _pair(VALDORIA, ESTMARK),
                             _pair(COMPACT, ESTMARK)}, {INES, COMPACT, VALDORIA, ESTMARK})
    assert page.evaluate("kgStats()") == {"actors": 4, "links": 3, "meetings": 3}
    panel = click_edge(page, COMPACT, ESTMARK)
    assert "reported on 2031-04-02 (last spring)" in panel.inner_text()  # marked as such
    assert panel.locator(".kg-when.kg-reported").count() == 1
    page.check("#kg-dated")
    assert _shown(page) == ({_pair(INES, COMPACT), _pair(VALDORIA, ESTMARK)},
                            {INES, COMPACT, VALDORIA, ESTMARK})
    page.uncheck("#kg-dated")
    _slide(page, "2031-06-20", None)
    assert _shown(page) == ({_pair(KASIM, VALDORIA)}, {KASIM, VALDORIA})
    _slide(page, None, None)
    assert _shown(page) == (ASSERTED, ALL_ACTORS)
    assert page.evaluate("network.getPositions()") == before  # the layout stays put
    seen.assert_clean()


def test_viz_page_status_filter_shows_planned_meetings(visit: Opener) -> None:
    seen = visit(_filter_graph())
    page = seen.page
    page.check("#kg-status input[value=planned]")
    assert _shown(page) == (ASSERTED | {_pair(LEDA, KASIM)}, ALL_ACTORS)
    assert page.evaluate("kgStats()")["meetings"] == 8
    page.uncheck("#kg-status input[value=asserted]")
    assert _shown(page) == ({_pair(LEDA, KASIM)}, {LEDA, KASIM})
    assert page.evaluate("kgFilterState()")["statuses"] == ["planned"]
    panel = click_edge(page, LEDA, KASIM)
    assert "planned" in panel.inner_text() and "Quill will meet Dole." in panel.inner_text()
    page.click("#kg-reset")
    assert _shown(page) == (ASSERTED, ALL_ACTORS)
    seen.assert_clean()


def test_viz_page_place_keeps_only_its_edges(visit: Opener) -> None:
    seen = visit(_filter_graph())
    page = seen.page
    page.select_option("#kg-place", PORT)
    assert _shown(page) == ({_pair(INES, KASIM), _pair(KASIM, VALDORIA)},
                            {INES, KASIM, VALDORIA})
    page.select_option("#kg-place", VELL)
    assert _shown(page) == ({_pair(VALDORIA, ESTMARK)}, {VALDORIA, ESTMARK})
    page.select_option("#kg-place", HALL)  # date and place must hold for the same meeting
    _slide(page, None, "2031-02-14")
    assert _shown(page) == (set(), set())
    assert page.locator("#kg-none").is_visible()
    page.click("#kg-reset")
    assert _shown(page) == (ASSERTED, ALL_ACTORS)
    assert not page.locator("#kg-none").is_visible()
    seen.assert_clean()


def test_viz_page_unticking_a_type_hides_its_actors_and_links(visit: Opener) -> None:
    seen = visit(_filter_graph())
    page = seen.page
    page.uncheck("#kg-legend input[value=Person]")
    assert _shown(page) == ({_pair(COMPACT, ESTMARK), _pair(VALDORIA, ESTMARK)},
                            {COMPACT, VALDORIA, ESTMARK})
    page.uncheck("#kg-legend input[value=Country]")
    assert _shown(page) == (set(), set())  # an actor left without a link is hidden too
    page.check("#kg-legend input[value=Person]")
    page.fill("#kg-search", "Valdoria")
    assert page.locator("#kg-search-status").inner_text() == (
        "\u201cValdoria\u201d is hidden by the filters")
    assert page.evaluate("network.getSelectedNodes()") == []
    seen.assert_clean()


def _big(count: int, seed: int = 3) -> nx.Graph:
    graph = nx.Graph()
    rng = random.Random(seed)
    for i in range(count):
        graph.add_node(f"urn:x:{i}", label=f"Actor number {i}", type="Person", country=None)
    for i in range(1, count):
        for j in {rng.randrange(i), rng.randrange(max(i // 3, 1))}:
            graph.add_edge(f"urn:x:{i}", f"urn:x:{j}", meetings=[
                {"id": f"urn:m:{i}-{j}", "sentence": f"Actor {i} met Actor {j}.",
                 "source": f"s{i}.txt", "date": None, "place": None}])
    return graph


def test_viz_page_opens_on_the_most_connected_and_shows_more(visit: Opener) -> None:
    graph = _big(400)
    seen = visit(graph, shown=50)
    page = seen.page
    shown = set(page.evaluate("kgVisibleNodes()"))
    ranked = sorted(graph.nodes, key=lambda n: (-graph.degree(n), graph.nodes[n]["label"]))
    assert 0 < len(shown) <= 50 and shown <= set(ranked[:50])
    assert page.locator("#kg-top-text").inner_text() == "the 50 most connected of 400 actors"
    page.click("#kg-more")
    assert page.evaluate("kgFilterState()")["shown"] == 200
    assert len(page.evaluate("kgVisibleNodes()")) > len(shown)
    page.click("#kg-more")  # 200 more: all 400
    assert page.locator("#kg-more").is_hidden()
    assert len(page.evaluate("kgVisibleNodes()")) == 400
    seen.assert_clean()


def test_viz_page_search_shows_an_actor_beyond_the_most_connected(visit: Opener) -> None:
    seen = visit(_big(400), shown=50)
    page = seen.page
    last = page.evaluate("JSON.parse(document.getElementById('kg-data').textContent)"
                         ".nodes.find((n) => n.rank === 399)")
    assert last["id"] not in page.evaluate("kgVisibleNodes()")
    page.fill("#kg-search", last["label"])
    page.wait_for_function("(id) => network.getSelectedNodes().join() === id", arg=last["id"])
    assert last["id"] in page.evaluate("kgVisibleNodes()")  # shown beside the 50 for it
    assert page.locator("#kg-panel h2").inner_text() == last["label"]
    seen.assert_clean()


def _overlaps(boxes: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(a["label"], b["label"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
            and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]]


def test_viz_page_labels_never_overlap_and_grow_with_zoom(visit: Opener) -> None:
    seen = visit(_big(600), shown=600)
    page = seen.page
    boxes = page.evaluate("kgLabels()")
    assert len(boxes) >= 10 and _overlaps(boxes) == []
    ranks = page.evaluate("Object.fromEntries(JSON.parse(document.getElementById('kg-data')"
                          ".textContent).nodes.map((n) => [n.id, n.rank]))")
    assert ranks[boxes[0]["id"]] == 0  # the most connected actor is labelled first
    page.evaluate("network.moveTo({scale: network.getScale() * 3})")
    before = ",".join(b["id"] for b in boxes)
    page.wait_for_function("(ids) => kgLabels().map((b) => b.id).join() !== ids", arg=before,
                           timeout=5_000)
    zoomed = page.evaluate("kgLabels()")
    assert _overlaps(zoomed) == []
    assert {b["id"] for b in zoomed} - {b["id"] for b in boxes}  # zoomed in: others named
    # on screen, every label drawn is a label the script chose
    drawn = page.evaluate("nodes.get().filter((n) => n.label).map((n) => n.id)")
    assert set(drawn) == {b["id"] for b in zoomed}
    seen.assert_clean()


ARTICLES = REPORTED_TWICE  # one meeting in two sentences, one planned meeting

STORE_COUNTS = """
SELECT (COUNT(DISTINCT ?m) AS ?meetings) (COUNT(DISTINCT ?a) AS ?actors) WHERE {
  ?m a dip:Meeting ; dip:status ?s ; dip:participant ?a, ?b .
  FILTER (?a != ?b && ?s IN (%s))
}"""

PAIRS = """
SELECT (COUNT(*) AS ?pairs) WHERE {
  { SELECT DISTINCT ?a ?b WHERE {
      ?m a dip:Meeting ; dip:status ?s ; dip:participant ?a, ?b .
      FILTER (STR(?a) < STR(?b) && ?s IN (%s)) } } }"""


def test_viz_page_counts_are_the_distinct_meetings_of_the_store(
        visit: Opener, nlp: Language, tmp_path: Path) -> None:
    source = tmp_path / "wire.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    graph = kg.build([source], nlp=nlp)
    spans = graph.table("SELECT (COUNT(*) AS ?n) WHERE { ?m dip:supportedBy ?s }").rows[0][0]
    assert isinstance(spans, int) and spans >= 1  # one meeting is reported twice
    page_file = graph.to_html(tmp_path / "graph.html")
    seen = visit(page_file, wait=True)
    page = seen.page
    for statuses in (['"asserted"'], ['"asserted"', '"planned"']):
        if len(statuses) == 2:
            page.check("#kg-status input[value=planned]")
        meetings, actors = graph.table(STORE_COUNTS % ", ".join(statuses)).rows[0]
        pairs = graph.table(PAIRS % ", ".join(statuses)).rows[0][0]
        assert page.evaluate("kgStats()") == {"actors": actors, "links": pairs,
                                              "meetings": meetings}
        assert page.locator("#kg-counts").inner_text() == (
            f"{actors} actors, {pairs} links, {meetings} meetings")
    page.uncheck("#kg-status input[value=planned]")
    who = {(str(r[0]), str(r[1])): r[2] for r in graph.ask("who-met-whom").rows}
    # each link's panel says as many meetings as the who-met-whom question counts
    for (a, b), count in who.items():
        ids = page.evaluate("""([a, b]) => { const d = JSON.parse(
            document.getElementById('kg-data').textContent); const by = {};
            d.nodes.forEach((n) => { by[n.label] = n.id; }); return [by[a], by[b]]; }""",
                            [a, b])
        panel = click_edge(page, ids[0], ids[1])
        word = "time" if count == 1 else "times"
        assert f"met {count} {word}" in panel.inner_text()
        page.click("#kg-panel-close")
    # and each actor's count in its panel is its asserted meetings in the meetings-of answer
    for actor in {name for pair in who for name in pair}:
        page.fill("#kg-search", actor)
        answer = graph.ask("meetings-of", [actor])
        status = answer.columns.index("status")
        count = sum(1 for row in answer.rows if row[status] == "asserted")
        page.wait_for_selector("#kg-panel .kg-count")
        word = "meeting" if count == 1 else "meetings"
        assert page.locator("#kg-panel .kg-count").inner_text() == f"{count} {word}"
    graph.close()
    seen.assert_clean()


def test_viz_command_opens_on_show_actors_and_carries_planned_meetings(
        tmp_path: Path, seed_graph: kg.KnowledgeGraph) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    ttl = seed_graph.write(tmp_path / "seed.ttl")
    out = tmp_path / "page.html"
    result = CliRunner().invoke(app, ["viz", str(ttl), "--out", str(out), "--show", "2"])
    assert result.exit_code == 0, result.output
    data = _data(out.read_text(encoding="utf-8"))
    assert data["shown"] == 2
    store = seed_graph.table("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a dip:Meeting ;"
                             ' dip:status ?s ; dip:participant ?a, ?b .'
                             ' FILTER (?a != ?b && ?s IN ("asserted", "planned")) }')
    assert len(data["meetings"]) == store.rows[0][0]
