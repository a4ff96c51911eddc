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

from kg.model import KGError
from kg.viz import TYPE_SHAPES, VizError, render_html, write_html

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
             place: str | None = None) -> dict[str, Any]:
    return {"sentence": sentence, "source": source, "date": date, "place": place}


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
