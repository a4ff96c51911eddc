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
    assert nodes[ORLA]["degree"] == 3 and nodes[COUNCIL]["degree"] == 1
    assert nodes[ORLA]["size"] == nodes[TOMAS]["size"] > nodes[EVIL]["size"]
    assert nodes[EVIL]["size"] == nodes[COUNCIL]["size"]
    assert nodes[COUNCIL]["color"] == TYPE_COLOURS["Organization"]
    edges = {frozenset((e["from"], e["to"])): e for e in data["edges"]}
    pair = edges[frozenset((ORLA, TOMAS))]
    assert pair["weight"] == 2 and [m["sentence"] for m in pair["meetings"]] == [FIRST, SECOND]
    assert pair["meetings"][0] == {**_meeting(FIRST, "articles/a1.txt", "2031-04-01",
                                              "Port Meridian"),
                                   "reported": None, "when": "2031-04-01"}
    assert pair["width"] > edges[frozenset((ORLA, COUNCIL))]["width"]
    assert data["options"]["physics"]["stabilization"]["enabled"] is True


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
                                   {"weight": 1, "meetings": ["a sentence"]}])
def test_viz_bad_edge_attributes_raise(attrs: dict[str, Any]) -> None:
    graph = nx.Graph()
    graph.add_edge("urn:x:a", "urn:x:b", **attrs)
    with pytest.raises(VizError) as info:
        render_html(graph)
    assert isinstance(info.value, KGError)


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


Opener = Callable[[nx.Graph | Path], _Visit]


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

    def _open(target: nx.Graph | Path) -> _Visit:
        path = (target if isinstance(target, Path)
                else write_html(target, tmp_path / f"graph{len(contexts)}.html"))
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
        if not isinstance(target, Path):
            page.wait_for_function("() => window.kgReady === true", timeout=30_000)
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


def _edge_id(page: Page, a: str, b: str) -> str:
    found: str = page.evaluate(
        """([a, b]) => network.body.data.edges.get().find(
             (e) => (e.from === a && e.to === b) || (e.from === b && e.to === a)).id""", [a, b])
    return found


def _hover(page: Page, point: dict[str, float] | None) -> Any:
    assert point is not None, "no point on the edge is free of nodes"
    page.mouse.move(5, 5)
    page.mouse.move(point["x"] - 3, point["y"] - 3)
    page.mouse.move(point["x"], point["y"], steps=3)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    return tooltip


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


def test_viz_browser_page_holds_the_graph(visit: Opener,
                                          tmp_path: Path) -> None:
    seen = visit(_graph())
    page = seen.page
    nodes = page.evaluate("network.body.data.nodes.get()")
    assert {n["label"] for n in nodes} == {"Orla Venn", "Tomas Irvek",
                                          "Northern Fisheries Council", EVIL_LABEL}
    edges = page.evaluate("network.body.data.edges.get()")
    assert {frozenset((e["from"], e["to"])): e["weight"] for e in edges} == {
        frozenset((ORLA, TOMAS)): 2, frozenset((ORLA, COUNCIL)): 1, frozenset((TOMAS, EVIL)): 1}
    assert page.evaluate("window.nodes === network.body.data.nodes && "
                         "window.edges === network.body.data.edges")
    assert page.evaluate("network.physics.options.enabled") is False  # frozen once stable
    assert page.evaluate("document.scripts.length") == 3
    assert page.locator("#kg-legend li").all_inner_texts() == list(TYPE_COLOURS)
    shot = tmp_path / "graph.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    seen.assert_clean()


def test_viz_browser_edge_tooltip_shows_evidence(visit: Opener) -> None:
    seen = visit(_graph())
    page = seen.page
    edge = _edge_id(page, ORLA, TOMAS)
    tooltip = _hover(page, page.evaluate(_POINT_ON_EDGE, edge))
    text = tooltip.inner_text()
    for expected in ("Orla Venn", "Tomas Irvek", "met 2 times", FIRST, SECOND,
                     "articles/a1.txt", "articles/a2.txt", "2031-04-01", "Port Meridian"):
        assert expected in text
    seen.assert_clean()


def test_viz_browser_node_tooltip_shows_label_and_type(
        visit: Opener) -> None:
    seen = visit(_graph())
    page = seen.page
    tooltip = _hover(page, page.evaluate(_POINT_ON_NODE, COUNCIL))
    text = tooltip.inner_text()
    assert "Northern Fisheries Council" in text and "Organization" in text
    seen.assert_clean()


def test_viz_browser_article_markup_stays_text(visit: Opener) -> None:
    seen = visit(_graph())
    page = seen.page
    tooltip = _hover(page, page.evaluate(_POINT_ON_EDGE, _edge_id(page, TOMAS, EVIL)))
    text = tooltip.inner_text()
    assert "<img src=x onerror=window.__pwned=1>" in text and "<script>window.__pwned=2" in text
    assert EVIL_LABEL in text and "articles/<b>evil</b>.txt" in text and "<i>Nowhere</i>" in text
    assert tooltip.locator("img, script, b, i").count() == 0
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
    assert page.url.startswith("file:") and "?" not in page.url  # the form did not navigate
    seen.assert_clean()


def test_viz_browser_search_reports_no_match(visit: Opener) -> None:
    seen = visit(_graph())
    page = seen.page
    page.fill("#kg-search", "Nobody Atall")
    page.press("#kg-search", "Enter")
    assert page.locator("#kg-search-status").inner_text() == "no actor matches"
    assert page.evaluate("network.getSelectedNodes()") == []
    seen.assert_clean()


def test_viz_browser_empty_graph(visit: Opener) -> None:
    seen = visit(nx.Graph())
    page = seen.page
    assert page.locator("#kg-empty").is_visible()
    assert page.locator("#kg-empty").inner_text() == "no meetings found"
    assert page.evaluate("window.nodes.length + window.edges.length") == 0
    seen.assert_clean()


def test_viz_browser_larger_graph_freezes(visit: Opener) -> None:
    graph = nx.Graph()
    for i in range(400):
        graph.add_node(f"urn:x:{i}", label=f"Actor {i}", type="Person", country=None)
    for i in range(1, 400):
        j = random.Random(i).randrange(i)
        graph.add_edge(f"urn:x:{i}", f"urn:x:{j}", weight=1 + i % 3,
                       meetings=[_meeting(f"Actor {i} met Actor {j}.", f"s{i}.txt")])
    seen = visit(graph)
    page = seen.page
    assert page.evaluate("network.physics.options.enabled") is False
    before = page.evaluate("network.getPositions(['urn:x:1'])['urn:x:1']")
    page.wait_for_timeout(300)
    assert page.evaluate("network.getPositions(['urn:x:1'])['urn:x:1']") == before
    seen.assert_clean()


# --------------------------------------------------------------------------- filters

INES, KASIM, LEDA = BASE + "person/ines-marrow", BASE + "person/kasim-dole", BASE + "person/leda"
COMPACT, VALDORIA, ESTMARK = (BASE + "org/tidewater-compact", BASE + "country/VAL",
                              BASE + "country/EST")
PORT, HALL, VELL = "Port Meridian", "Harbour Hall", "<b>Vell</b>"


def _filter_graph() -> nx.Graph:
    """Six actors of three types; meetings dated in 2031, undated, or with no record."""
    graph = nx.Graph()
    for iri, label, kind in [(INES, "Ines Marrow", "Person"), (KASIM, "Kasim Dole", "Person"),
                             (LEDA, "Leda Quill", "Person"),
                             (COMPACT, "Tidewater Compact", "Organization"),
                             (VALDORIA, "Valdoria", "Country"), (ESTMARK, "Estmark", "Country")]:
        graph.add_node(iri, label=label, type=kind, country=None)
    graph.add_edge(INES, KASIM, weight=2, meetings=[
        _meeting("Marrow met Dole.", "f/1.txt", "2031-01-10", PORT),
        _meeting("Marrow and Dole met again.", "f/2.txt", "the next day", HALL)])
    graph.add_edge(INES, COMPACT, weight=1, meetings=[
        _meeting("The Compact received Marrow.", "f/3.txt", "2031-03-05", HALL)])
    graph.add_edge(KASIM, VALDORIA, weight=1, meetings=[
        _meeting("Dole visited Valdoria.", "f/4.txt", "2031-06-20", PORT)])
    graph.add_edge(COMPACT, ESTMARK, weight=1, meetings=[
        _meeting("Estmark hosted the Compact.", "f/5.txt", "last spring", None)])
    graph.add_edge(VALDORIA, ESTMARK, weight=1, meetings=[
        _meeting("Valdoria and Estmark held talks.", "f/6.txt", "2031-02-14", VELL)])
    graph.add_edge(LEDA, ESTMARK, weight=1)  # no meeting records: one undated, placeless
    return graph


def _pair(a: str, b: str) -> frozenset[str]:
    return frozenset((a, b))


ALL_PAIRS = {_pair(INES, KASIM), _pair(INES, COMPACT), _pair(KASIM, VALDORIA),
             _pair(COMPACT, ESTMARK), _pair(VALDORIA, ESTMARK), _pair(LEDA, ESTMARK)}
ALL_ACTORS = {INES, KASIM, LEDA, COMPACT, VALDORIA, ESTMARK}


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


def test_viz_html_has_filter_controls() -> None:
    page = render_html(_filter_graph())
    for control in ('id="kg-from" type="date"', 'id="kg-to" type="date"',
                    'id="kg-dated" type="checkbox"', '<select id="kg-place"',
                    '<option value="">all places</option>', 'id="kg-reset" type="button"'):
        assert control in page
    for kind in TYPE_COLOURS:
        assert f'class="kg-type" value="{kind}" checked' in page
    assert not re.search(r"\son[a-z]+\s*=", page.split("<script>")[0], flags=re.I)
    assert "Vell" not in page.split('id="kg-data"')[0]  # places reach the page as data only


def test_viz_browser_filters_start_with_everything_shown(visit: Opener) -> None:
    seen = visit(_filter_graph())
    page = seen.page
    assert _shown(page) == (ALL_PAIRS, ALL_ACTORS)
    assert page.evaluate("kgFilterState()") == {
        "from": None, "to": None, "datedOnly": False, "place": None,
        "types": list(TYPE_COLOURS)}
    assert page.locator("#kg-place option").all_inner_texts() == [
        "all places", f"{VELL} (1)", f"{HALL} (2)", f"{PORT} (2)"]
    assert page.locator("#kg-place b").count() == 0  # the markup in a place stays text
    assert page.locator("#kg-counts").inner_text() == "6 actors, 6 links"
    assert page.locator("#kg-legend li:visible").all_inner_texts() == [
        "Person", "Organization", "Country"]  # no Place or Other actor: not listed
    assert page.locator("#kg-legend li").nth(0).get_attribute("title") == "3 actors"
    assert page.evaluate("[kgFilterState === window.kgFilterState, "
                         "document.getElementById('kg-from').min, "
                         "document.getElementById('kg-to').max]") == [
        True, "2031-01-10", "2031-06-20"]
    seen.assert_clean()


def test_viz_browser_date_range_hides_edges_outside_it(visit: Opener) -> None:
    seen = visit(_filter_graph())
    page = seen.page
    before = page.evaluate("network.getPositions(nodes.getIds())")
    page.fill("#kg-from", "2031-02-01")
    page.fill("#kg-to", "2031-04-30")
    pairs, actors = _shown(page)
    # inside: 03-05, 02-14; kept for an undated meeting: the next day, last spring, no record
    assert pairs == ALL_PAIRS - {_pair(KASIM, VALDORIA)}
    assert actors == ALL_ACTORS
    page.check("#kg-dated")
    pairs, actors = _shown(page)
    assert pairs == {_pair(INES, COMPACT), _pair(VALDORIA, ESTMARK)}
    assert actors == {INES, COMPACT, VALDORIA, ESTMARK}
    assert page.locator("#kg-counts").inner_text() == "4 of 6 actors, 2 of 6 links"
    assert page.evaluate("kgFilterState()")["from"] == "2031-02-01"
    page.fill("#kg-from", "2031-06-01")
    page.fill("#kg-to", "")
    assert _shown(page) == ({_pair(KASIM, VALDORIA)}, {KASIM, VALDORIA})
    assert page.evaluate("network.getPositions(nodes.getIds())") == before  # the layout stays put
    assert page.evaluate("network.physics.options.enabled") is False
    seen.assert_clean()


def test_viz_browser_place_keeps_only_its_edges(visit: Opener) -> None:
    seen = visit(_filter_graph())
    page = seen.page
    page.select_option("#kg-place", PORT)
    assert _shown(page) == ({_pair(INES, KASIM), _pair(KASIM, VALDORIA)},
                            {INES, KASIM, VALDORIA})
    page.select_option("#kg-place", VELL)
    assert _shown(page) == ({_pair(VALDORIA, ESTMARK)}, {VALDORIA, ESTMARK})
    # place and date must hold for the same meeting: Harbour Hall's dated one is in March
    page.select_option("#kg-place", HALL)
    page.fill("#kg-to", "2031-02-01")
    assert _shown(page) == ({_pair(INES, KASIM)}, {INES, KASIM})  # its undated meeting
    page.check("#kg-dated")
    assert _shown(page) == (set(), set())
    assert page.locator("#kg-none").is_visible()
    page.click("#kg-reset")
    assert _shown(page) == (ALL_PAIRS, ALL_ACTORS)
    assert not page.locator("#kg-none").is_visible()
    assert page.evaluate("kgFilterState()")["place"] is None
    seen.assert_clean()


def test_viz_browser_unticking_a_type_hides_its_nodes_and_edges(visit: Opener) -> None:
    seen = visit(_filter_graph())
    page = seen.page
    page.uncheck("#kg-legend input[value=Person]")
    assert _shown(page) == ({_pair(COMPACT, ESTMARK), _pair(VALDORIA, ESTMARK)},
                            {COMPACT, VALDORIA, ESTMARK})
    assert page.evaluate("kgFilterState()")["types"] == [
        t for t in TYPE_COLOURS if t != "Person"]
    page.uncheck("#kg-legend input[value=Country]")
    assert _shown(page) == (set(), {COMPACT})  # a type filter alone keeps unlinked actors
    page.check("#kg-legend input[value=Person]")
    assert _shown(page) == ({_pair(INES, KASIM), _pair(INES, COMPACT)},
                            {INES, KASIM, LEDA, COMPACT})
    page.fill("#kg-search", "Valdoria")
    assert page.locator("#kg-search-status").inner_text() == "“Valdoria” is hidden by the filters"
    assert page.evaluate("network.getSelectedNodes()") == []
    page.check("#kg-legend input[value=Country]")
    assert _shown(page) == (ALL_PAIRS, ALL_ACTORS)
    seen.assert_clean()


def test_viz_browser_hidden_items_are_not_drawn(visit: Opener) -> None:
    seen = visit(_filter_graph())
    page = seen.page
    at = "(id) => network.getNodeAt(network.canvasToDOM(network.getPositions([id])[id])) ?? null"
    assert page.evaluate(at, LEDA) == LEDA
    page.uncheck("#kg-legend input[value=Person]")
    assert page.evaluate(at, LEDA) is None  # hidden: nothing there to hover or click
    seen.assert_clean()


def test_viz_browser_filters_on_an_empty_graph(visit: Opener) -> None:
    seen = visit(nx.Graph())
    page = seen.page
    assert page.locator("#kg-place option").all_inner_texts() == ["all places"]
    assert page.locator("#kg-legend li:visible").count() == len(TYPE_COLOURS)
    page.fill("#kg-from", "2031-01-01")
    page.check("#kg-dated")
    page.uncheck("#kg-legend input[value=Person]")
    page.click("#kg-reset")
    assert page.evaluate("[kgVisibleNodes().length, kgVisibleEdges().length]") == [0, 0]
    assert page.locator("#kg-empty").is_visible() and not page.locator("#kg-none").is_visible()
    assert page.locator("#kg-counts").inner_text() == "0 actors, 0 links"
    seen.assert_clean()


def _reported_graph() -> nx.Graph:
    """Orla met Tomas on a named day; met the Council on no named day, reported in May."""
    graph = nx.Graph()
    graph.add_node(ORLA, label="Orla Venn", type="Person", country=None)
    graph.add_node(TOMAS, label="Tomas Irvek", type="Person", country=None)
    graph.add_node(COUNCIL, label="Northern Fisheries Council", type="Organization",
                   country=None)
    graph.add_edge(ORLA, TOMAS, weight=1, meetings=[
        {**_meeting(FIRST, "a1.txt", "2031-04-01"), "reported": "2031-04-02"}])
    graph.add_edge(ORLA, COUNCIL, weight=1, meetings=[
        {**_meeting(THIRD, "a3.txt"), "dateText": "last week", "reported": "2031-05-06"}])
    return graph


def test_viz_data_says_when_an_undated_meeting_was_reported() -> None:
    edges = {frozenset((e["from"], e["to"])): e
             for e in _data(render_html(_reported_graph()))["edges"]}
    dated = edges[_pair(ORLA, TOMAS)]["meetings"][0]
    undated = edges[_pair(ORLA, COUNCIL)]["meetings"][0]
    assert (dated["date"], dated["when"]) == ("2031-04-01", "2031-04-01")
    assert (undated["date"], undated["reported"]) == (None, "2031-05-06")
    assert undated["when"] == "reported 2031-05-06 (last week)"


def test_viz_browser_undated_meeting_shows_and_filters_by_report_date(visit: Opener) -> None:
    seen = visit(_reported_graph())
    page = seen.page
    tooltip = _hover(page, page.evaluate(_POINT_ON_EDGE, _edge_id(page, ORLA, COUNCIL)))
    assert "reported 2031-05-06 (last week)" in tooltip.inner_text()
    page.fill("#kg-from", "2031-05-01")
    assert _shown(page) == ({_pair(ORLA, COUNCIL)}, {ORLA, COUNCIL})  # by its report date
    page.fill("#kg-from", "2031-03-01")
    page.fill("#kg-to", "2031-04-30")
    assert _shown(page) == ({_pair(ORLA, TOMAS)}, {ORLA, TOMAS})
    page.fill("#kg-to", "")
    page.check("#kg-dated")  # a report date is no date of the meeting's own
    assert _shown(page) == ({_pair(ORLA, TOMAS)}, {ORLA, TOMAS})
    seen.assert_clean()
