"""networkx who-met-whom graph -> one self-contained, interactive HTML page.

The page inlines the vis-network library that ships inside the pyvis wheel, so it opens
offline and makes no network request at all (a Content-Security-Policy with ``default-src
'none'`` enforces it).  Text that came from articles -- labels, sentences, sources, places --
never becomes markup: the graph travels as JSON inside ``<script type="application/json">``
with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, and the page builds tooltips as DOM
elements filled through ``textContent``.  The page's own script and styles live beside this
module in ``kg/static/viz.js`` and ``kg/static/viz.css`` (package data).

Each meeting in an edge's tooltip shows when it was (:func:`kg.network.meeting_when`): its
day, or for an undated meeting "reported <day>", the publication date of the article that
reports it.  The page filters what it shows, all in the browser: a date range (an edge is
shown when one of its meetings has an ISO date inside it or, undated, was reported inside
it; meetings with neither stay; "dated meetings only" keeps only meetings with a day of
their own), a place (one of its meetings was there; date and place must hold for the same
meeting) and the actor types of the legend (unticking one hides its actors and their
edges).  While a date or place is set, actors left without a shown edge are hidden too.
Filtering sets ``hidden`` on items of ``window.nodes`` and ``window.edges``, which stay the
full DataSets the network draws (``network.body.data``), so the frozen layout never moves;
``window.kgVisibleNodes()`` and ``window.kgVisibleEdges()`` return the ids still shown and
``window.kgFilterState()`` the controls' values (``from``, ``to``, ``datedOnly``, ``place``,
``types``).  ``window.kgReady`` turns true once the layout is stable and frozen.

This is the only module that imports pyvis.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from kg.model import KGError
from kg.network import meeting_when

__all__ = ["TYPE_COLOURS", "VizError", "render_html", "write_html"]

TYPE_COLOURS: dict[str, str] = {
    "Person": "#4e79a7",
    "Organization": "#f28e2b",
    "Country": "#59a14f",
    "Place": "#b07aa1",
    "Other": "#9d9d9d",
}
"""Node colour by ``type``; a type outside the contract is drawn as ``Other``."""

_VIS_DIR = "vis-9.1.2"
_MIN_SIZE, _MAX_SIZE = 10.0, 42.0
_MAX_WIDTH = 12.0
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}


class VizError(KGError):
    """The graph cannot be drawn (bad attribute values) or the page cannot be written."""


@dataclass(frozen=True)
class _Meeting:
    sentence: str
    source: str
    date: str | None
    reported: str | None
    when: str | None
    place: str | None


@dataclass(frozen=True)
class _Node:
    id: str
    label: str
    type: str
    country: str | None
    color: str
    size: float
    degree: int


@dataclass(frozen=True)
class _Edge:
    id: str
    source: str
    target: str
    weight: int
    width: float
    meetings: tuple[_Meeting, ...]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["from"], data["to"] = data.pop("source"), data.pop("target")
        return data


def _text(value: object) -> str | None:
    """An attribute as display text; ``None`` and empty strings stay absent."""
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text or None


def _meetings(raw: object, where: str) -> tuple[_Meeting, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list | tuple):
        raise VizError(f"{where}: 'meetings' must be a list of dicts, got {type(raw).__name__}")
    found: list[_Meeting] = []
    for item in raw:
        if not isinstance(item, Mapping):
            raise VizError(f"{where}: each meeting must be a dict, got {type(item).__name__}")
        found.append(_Meeting(sentence=_text(item.get("sentence")) or "",
                              source=_text(item.get("source")) or "",
                              date=_text(item.get("date")),
                              reported=_text(item.get("reported")),
                              when=_text(meeting_when(item)), place=_text(item.get("place"))))
    return tuple(found)


def _weight(raw: object, meetings: tuple[_Meeting, ...], where: str) -> int:
    if raw is None:
        return max(len(meetings), 1)
    if isinstance(raw, bool) or not isinstance(raw, int | float) or raw != int(raw) or raw < 1:
        raise VizError(f"{where}: 'weight' must be a positive whole number, got {raw!r}")
    return int(raw)


def _edges(graph: nx.Graph) -> list[_Edge]:
    edges: list[_Edge] = []
    for index, (u, v, attrs) in enumerate(graph.edges(data=True)):
        where = f"edge {u!s} -- {v!s}"
        meetings = _meetings(attrs.get("meetings"), where)
        weight = _weight(attrs.get("weight"), meetings, where)
        width = min(1.0 + 2.0 * math.log2(weight), _MAX_WIDTH)
        edges.append(_Edge(id=f"e{index}", source=str(u), target=str(v), weight=weight,
                           width=round(width, 2), meetings=meetings))
    return edges


def _nodes(graph: nx.Graph, edges: list[_Edge]) -> list[_Node]:
    degree: dict[str, int] = {str(n): 0 for n in graph.nodes}
    for edge in edges:
        degree[edge.source] += edge.weight
        degree[edge.target] += edge.weight
    top = max(degree.values(), default=0)
    nodes: list[_Node] = []
    for node, attrs in graph.nodes(data=True):
        key = str(node)
        kind = attrs.get("type")
        kind = kind if isinstance(kind, str) and kind in TYPE_COLOURS else "Other"
        share = math.sqrt(degree[key] / top) if top else 0.0
        nodes.append(_Node(id=key, label=_text(attrs.get("label")) or _iri_tail(key), type=kind,
                           country=_text(attrs.get("country")), color=TYPE_COLOURS[kind],
                           size=round(_MIN_SIZE + (_MAX_SIZE - _MIN_SIZE) * share, 2),
                           degree=degree[key]))
    return nodes


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _iri_tail(iri: str) -> str:
    tail = iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return tail or iri


def _options(node_count: int) -> dict[str, Any]:
    """vis-network options: straight edges, physics that stabilises and is then frozen.

    Past about 50 actors the layout is drawn tighter and labels larger, so that once the
    whole graph is fitted to the window its labels are still readable.
    """
    iterations = 1000 if node_count <= 100 else max(100, 100_000 // node_count)
    crowded = node_count > 50
    return {
        "autoResize": True,
        "layout": {"improvedLayout": node_count <= 150, "randomSeed": 7},
        "nodes": {"shape": "dot", "borderWidth": 1,
                  "font": {"size": 18 if crowded else 14, "face": "sans-serif",
                           "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"smooth": False, "color": {"color": "#9aa5b1", "highlight": "#1f2933",
                                             "hover": "#1f2933"},
                  "selectionWidth": 1.5, "hoverWidth": 1.0},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": node_count > 500,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
        "physics": {"enabled": node_count > 0, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60,
                                         "centralGravity": 0.02 if crowded else 0.01,
                                         "springLength": 80 if crowded else 120,
                                         "springConstant": 0.08, "avoidOverlap": 0.4},
                    "minVelocity": 0.75,
                    "stabilization": {"enabled": True, "iterations": iterations,
                                      "updateInterval": 25, "fit": True}},
    }


def _script_json(value: object) -> str:
    """JSON that is inert inside a ``<script>`` element, whatever strings it holds."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return "".join(_JSON_ESCAPES.get(char, char) for char in text)


def _vis_asset(name: str) -> str:
    try:
        import pyvis  # the only pyvis import: its wheel ships the vis-network build we inline

        folder = resources.files(pyvis).joinpath("lib").joinpath(_VIS_DIR)
        return folder.joinpath(name).read_text(encoding="utf-8")
    except (ImportError, OSError) as exc:
        raise VizError(f"cannot read vis-network's {name} from the pyvis package: {exc}") from exc


def _own_asset(name: str) -> str:
    # Beside this module rather than importlib.resources: that fails while ``kg`` is a
    # namespace package (an editable install before kg/__init__.py exists).
    path = Path(__file__).resolve().with_name("static") / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise VizError(f"cannot read {path}; was kg/static/ installed?: {exc}") from exc


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _legend() -> str:
    """One ticked checkbox per node type: the legend doubles as the actor-type filter."""
    return "".join(f'<li><label><input type="checkbox" class="kg-type" value="{html.escape(kind)}"'
                   f' checked><span class="kg-swatch kg-t-{kind}"></span>{html.escape(kind)}'
                   "</label></li>" for kind in TYPE_COLOURS)


_FILTERS = "".join([
    '<label>from <input id="kg-from" type="date" aria-label="Meetings from"></label>',
    '<label>to <input id="kg-to" type="date" aria-label="Meetings until"></label>',
    '<label><input id="kg-dated" type="checkbox"> dated meetings only</label>',
    '<label>place <select id="kg-place" aria-label="Meeting place">',
    '<option value="">all places</option></select></label>',
])


def render_html(graph: nx.Graph, *, title: str = "Who met whom") -> str:
    """Render ``graph`` as a self-contained HTML page and return its text.

    Parameters
    ----------
    graph : networkx.Graph
        Who-met-whom graph: node ids are IRIs with ``label``, ``type`` and ``country``;
        edges carry ``weight`` (meeting count) and ``meetings`` (dicts with ``sentence``,
        ``source``, ``date``, ``reported``, ``place``, as :func:`kg.network.who_met_whom`
        gives them).
    title : str
        Shown as the page title and heading (escaped).

    Raises
    ------
    VizError
        If an edge's ``weight`` or ``meetings`` has the wrong shape, or vis-network's files
        cannot be read from the pyvis package.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_node("urn:x:a", label="Ada <b>", type="Person", country=None)
    >>> page = render_html(g, title="Demo")
    >>> "Ada \\\\u003cb\\\\u003e" in page and "<script src=" not in page
    True
    """
    edges = _edges(graph)
    nodes = _nodes(graph, edges)
    payload = {"nodes": [asdict(node) for node in nodes],
               "edges": [edge.to_json() for edge in edges],
               "options": _options(len(nodes))}
    vis_js = _vis_asset("vis-network.min.js").replace("</script", "<\\/script")
    vis_css = _vis_asset("vis-network.css").replace("</style", "<\\/style")
    app_js, app_css = _own_asset("viz.js"), _own_asset("viz.css")
    csp = ("default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; "
           f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}; base-uri 'none'; "
           "form-action 'none'")
    colours = "".join(f".kg-t-{kind}{{background:{colour}}}"
                      for kind, colour in TYPE_COLOURS.items())
    heading = html.escape(title)
    return "".join([
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f"<title>{heading}</title>\n<style>\n{vis_css}\n</style>\n",
        f"<style>\n{app_css}{colours}\n</style>\n</head>\n<body>\n",
        f'<header id="kg-header"><h1>{heading}</h1>\n',
        '<form id="kg-search-form" role="search" autocomplete="off">',
        '<input id="kg-search" type="search" list="kg-labels" placeholder="Find an actor"'
        ' aria-label="Find an actor by name"><button type="submit">Find</button>',
        '<datalist id="kg-labels"></datalist><span id="kg-search-status" role="status">'
        "</span></form>\n",
        f'<span id="kg-counts" role="status">{_plural(len(nodes), "actor")}, '
        f'{_plural(len(edges), "link")}</span>\n',
        '<button id="kg-reset" type="button" title="Clear every filter">show all</button>\n',
        '<form id="kg-filters" autocomplete="off" aria-label="Filter the graph">',
        f'<ul id="kg-legend" aria-label="Actor types shown">{_legend()}</ul>',
        f"{_FILTERS}</form></header>\n",
        '<main id="kg-main"><div id="kg-network"></div>',
        '<p id="kg-empty" hidden>no meetings found</p>',
        '<p id="kg-none" hidden>no meetings match the filters</p>',
        '<p id="kg-progress" aria-live="polite"></p></main>\n',
        f'<script type="application/json" id="kg-data">{_script_json(payload)}</script>\n',
        f"<script>{vis_js}</script>\n<script>{app_js}</script>\n</body>\n</html>\n",
    ])


def write_html(graph: nx.Graph, path: str | Path, *, title: str = "Who met whom") -> Path:
    """Write :func:`render_html` of ``graph`` to ``path`` (parents created); return the path.

    Raises
    ------
    VizError
        If the graph cannot be drawn or the file cannot be written.
    """
    target = Path(path)
    page = render_html(graph, title=title)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise VizError(f"cannot write {target}: {exc}") from exc
    return target
