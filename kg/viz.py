"""The who-met-whom graph (networkx or :class:`kg.smallgraph.Graph`) -> one self-contained,
interactive HTML page.

The page inlines the vis-network library that ships inside the pyvis wheel, so it opens
offline and makes no network request at all (a Content-Security-Policy with ``default-src
'none'`` enforces it).  Text that came from articles -- labels, sentences, sources, places --
never becomes markup: the graph travels as JSON inside ``<script type="application/json">``
with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, and the page builds its side panel and
lists as DOM elements filled through ``textContent``.  The page's own script and styles live
beside this module in ``kg/static/viz.js`` and ``kg/static/viz.css`` (package data).

Readable from ten actors to thousands:

- the layout is computed here, once (:func:`kg.layout.layout`: Louvain communities laid
  out apart), and travels with the page, which opens still, with no physics;
- colour says the community (:func:`kg.smallgraph.communities`, a legend names each by its
  most connected actor), shape the actor's type;
- the page opens on the ``shown`` most connected actors (a button shows more); labels are
  drawn by importance (most meetings first) wherever they overlap no other label, so more
  appear as one zooms in;
- clicking an actor or a link opens a side panel listing its meetings, each once (a
  meeting of three actors, or reported in several sentences, is one meeting): the day, or
  "reported on" the day of the article for an undated one, the place, the status, every
  evidence sentence (``dip:evidence`` and ``dip:supportedBy``) and the source article;
- a time slider over the meetings' days (an undated meeting sits at its report day; with
  a range set, a meeting with neither is left out), a status filter (asserted, planned),
  places, actor types; search lists every actor that matches with its type and meeting
  count, and a miss clears the last match.

Every count shown is of distinct meetings.  Hooks for tests and benchmarks:
``window.kgVisibleNodes()`` / ``kgVisibleEdges()`` (ids shown), ``kgFilterState()``,
``kgStats()`` (``{actors, links, meetings}`` shown), ``kgLabels()`` (the label boxes drawn),
``kgDays()``; ``data-kg-ready`` on the body once the first still picture is drawn.

This is the only module that reads pyvis (its files, without importing it).
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.layout import layout
from kg.meetinggraph import meeting_when
from kg.model import KGError
from kg.smallgraph import communities

if TYPE_CHECKING:  # the page takes a networkx graph or our own, and imports neither
    from kg.smallgraph import GraphLike

__all__ = ["PALETTE", "SHOWN", "STATUSES", "TYPE_SHAPES", "VizError", "render_html",
           "write_html"]

TYPE_SHAPES: dict[str, str] = {
    "Person": "dot",
    "Organization": "square",
    "Country": "diamond",
    "Place": "triangle",
    "Other": "dot",
}
"""Node shape by ``type`` (colour says the community); a type outside the contract is
drawn as ``Other``."""

PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948",
           "#9c755f", "#ff9da7", "#2f6f8f", "#8cd17d", "#d37295")
"""The colours of the largest communities, largest first; the rest are :data:`GREY`."""
GREY = "#aab4be"

SHOWN = 150
"""How many actors (the most connected) the page shows when it opens."""

STATUSES = ("asserted", "planned")
"""The meeting statuses the page can show (asserted ones when it opens)."""

_VIS_DIR = "vis-9.1.2"
_MIN_SIZE, _MAX_SIZE = 7.0, 26.0
_MAX_WIDTH = 12.0
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}


class VizError(KGError):
    """The graph cannot be drawn (bad attribute values) or the page cannot be written."""


@dataclass(frozen=True)
class _Meeting:
    id: str
    sentence: str
    more: tuple[str, ...]
    source: str
    date: str | None
    reported: str | None
    when: str | None
    place: str | None
    status: str


@dataclass(frozen=True)
class _Node:
    id: str
    label: str
    type: str
    country: str | None
    shape: str
    color: str
    size: float
    meetings: int
    rank: int
    community: int
    x: float
    y: float


@dataclass(frozen=True)
class _Edge:
    id: str
    source: str
    target: str
    weight: int
    width: float
    meetings: tuple[int, ...]

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


class _Meetings:
    """The page's table of distinct meetings; edges point into it by index."""

    def __init__(self) -> None:
        self.rows: list[_Meeting] = []
        self.index: dict[tuple[str, ...], int] = {}

    def add(self, item: Mapping[str, Any], where: str) -> int:
        more = item.get("more") or ()
        if not isinstance(more, list | tuple) or not all(isinstance(m, str) for m in more):
            raise VizError(f"{where}: a meeting's 'more' must be a list of sentences")
        status = _text(item.get("status")) or "asserted"
        meeting = _Meeting(id=_text(item.get("id")) or "",
                           sentence=_text(item.get("sentence")) or "", more=tuple(more),
                           source=_text(item.get("source")) or "",
                           date=_text(item.get("date")), reported=_text(item.get("reported")),
                           when=_text(meeting_when(item)), place=_text(item.get("place")),
                           status=status)
        key = (("id", meeting.id) if meeting.id else
               (meeting.sentence, meeting.source, meeting.date or "", meeting.place or ""))
        if key not in self.index:
            self.index[key] = len(self.rows)
            self.rows.append(meeting)
        return self.index[key]


def _meetings(raw: object, where: str, table: _Meetings) -> tuple[int, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list | tuple):
        raise VizError(f"{where}: 'meetings' must be a list of dicts, got {type(raw).__name__}")
    found: list[int] = []
    for item in raw:
        if not isinstance(item, Mapping):
            raise VizError(f"{where}: each meeting must be a dict, got {type(item).__name__}")
        found.append(table.add(item, where))
    return tuple(dict.fromkeys(found))


def _weight(raw: object, meetings: tuple[int, ...], where: str) -> int:
    if raw is None:
        return max(len(meetings), 1)
    if isinstance(raw, bool) or not isinstance(raw, int | float) or raw != int(raw) or raw < 1:
        raise VizError(f"{where}: 'weight' must be a positive whole number, got {raw!r}")
    return int(raw)


def _edges(graph: GraphLike, table: _Meetings) -> list[_Edge]:
    edges: list[_Edge] = []
    for index, (u, v, attrs) in enumerate(graph.edges(data=True)):
        where = f"edge {u!s} -- {v!s}"
        meetings = _meetings(attrs.get("meetings"), where, table)
        weight = len(meetings) if meetings else _weight(attrs.get("weight"), meetings, where)
        _weight(attrs.get("weight"), meetings, where)  # validated even when recounted
        width = min(1.0 + 1.5 * math.log2(weight), _MAX_WIDTH)
        edges.append(_Edge(id=f"e{index}", source=str(u), target=str(v), weight=weight,
                           width=round(width, 2), meetings=meetings))
    return edges


def _nodes(graph: GraphLike, edges: list[_Edge]) -> tuple[list[_Node], list[dict[str, Any]]]:
    """The nodes, most meetings first, and the legend's communities."""
    seen: dict[str, set[object]] = {str(n): set() for n in graph.nodes}
    for edge in edges:
        keys: list[object] = (list(edge.meetings) if edge.meetings
                              else [(edge.id, i) for i in range(edge.weight)])
        seen[edge.source].update(keys)
        seen[edge.target].update(keys)
    count = {n: len(keys) for n, keys in seen.items()}
    groups = communities(graph)
    group_of = {str(n): i for i, group in enumerate(groups) for n in group}
    where = layout(graph, groups)
    top = max(count.values(), default=0)
    labels = {str(n): _text(a.get("label")) or _iri_tail(str(n)) for n, a in graph.nodes(data=True)}
    ranked = sorted(graph.nodes(data=True), key=lambda item: (-count[str(item[0])],
                                                             labels[str(item[0])], str(item[0])))
    nodes: list[_Node] = []
    for rank, (node, attrs) in enumerate(ranked):
        key = str(node)
        kind = attrs.get("type")
        kind = kind if isinstance(kind, str) and kind in TYPE_SHAPES else "Other"
        share = math.sqrt(count[key] / top) if top else 0.0
        group = group_of[key]
        x, y = where[node]
        nodes.append(_Node(id=key, label=labels[key], type=kind,
                           country=_text(attrs.get("country")), shape=TYPE_SHAPES[kind],
                           color=_colour(group, len(groups[group])),
                           size=round(_MIN_SIZE + (_MAX_SIZE - _MIN_SIZE) * share, 2),
                           meetings=count[key], rank=rank, community=group, x=x, y=y))
    legend = []
    for i, members in enumerate(groups[:len(PALETTE)]):
        if len(members) < 3:
            break
        lead = min(members, key=lambda n: (-count[str(n)], labels[str(n)]))
        legend.append({"index": i, "name": labels[str(lead)], "size": len(members),
                       "color": PALETTE[i]})
    return nodes, legend


def _colour(group: int, size: int) -> str:
    return PALETTE[group] if group < len(PALETTE) and size >= 3 else GREY


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _iri_tail(iri: str) -> str:
    tail = iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return tail or iri


def _options(node_count: int) -> dict[str, Any]:
    """vis-network options: positions given, no physics, labels chosen by the page script."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {"borderWidth": 1, "fixed": False,
                  "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3,
                           "strokeColor": "#ffffff"}},
        "edges": {"smooth": False, "color": {"color": "#b5bec8", "highlight": "#1f2933",
                                             "hover": "#1f2933"},
                  "selectionWidth": 1.5, "hoverWidth": 1.0},
        "interaction": {"hover": node_count <= 1000, "tooltipDelay": 120,
                        "hideEdgesOnDrag": node_count > 1000,
                        "hideEdgesOnZoom": node_count > 1000, "dragNodes": False,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
        "physics": {"enabled": False},
    }


def _script_json(value: object) -> str:
    """JSON that is inert inside a ``<script>`` element, whatever strings it holds."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return "".join(_JSON_ESCAPES.get(char, char) for char in text)


def _vis_asset(name: str) -> str:
    # the pyvis package is found, not imported (which costs 0.07 s and is never needed):
    # its wheel ships the vis-network build we inline
    spec = importlib.util.find_spec("pyvis")
    try:
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("no module named 'pyvis'")
        folder = Path(next(iter(spec.submodule_search_locations))) / "lib" / _VIS_DIR
        return (folder / name).read_text(encoding="utf-8")
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


def _types() -> str:
    """One ticked checkbox per node type (its shape drawn beside it): the type filter."""
    return "".join(f'<li><label><input type="checkbox" class="kg-type" value="{html.escape(kind)}"'
                   f' checked><span class="kg-shape kg-s-{shape}"></span>{html.escape(kind)}'
                   "</label></li>" for kind, shape in TYPE_SHAPES.items())


def _statuses() -> str:
    return "".join(f'<label><input type="checkbox" class="kg-status" value="{status}"'
                   f'{" checked" if status == "asserted" else ""}> {status}</label>'
                   for status in STATUSES)


_FILTERS = "".join([
    '<span id="kg-time"><label>from <input id="kg-from" type="range" min="0" max="0" value="0"'
    ' aria-label="Meetings from"></label><output id="kg-from-day"></output>',
    '<label>to <input id="kg-to" type="range" min="0" max="0" value="0"'
    ' aria-label="Meetings until"></label><output id="kg-to-day"></output></span>',
    '<label><input id="kg-dated" type="checkbox"> dated meetings only</label>',
    '<label>place <select id="kg-place" aria-label="Meeting place">',
    '<option value="">all places</option></select></label>',
])


def render_html(graph: GraphLike, *, title: str = "Who met whom", shown: int = SHOWN) -> str:
    """Render ``graph`` as a self-contained HTML page and return its text.

    Parameters
    ----------
    graph : kg.smallgraph.Graph or networkx.Graph
        Who-met-whom graph: node ids are IRIs with ``label``, ``type`` and ``country``;
        edges carry ``weight`` and ``meetings`` (dicts with ``id``, ``sentence``, ``more``,
        ``source``, ``date``, ``reported``, ``place``, ``status``, as
        :func:`kg.meetinggraph.who_met_whom` gives them).  A meeting on several edges (three
        actors or more) is one meeting of the page, known by its ``id``.
    title : str
        Shown as the page title and heading (escaped).
    shown : int
        How many actors, the most connected, the page opens with (a button shows more).

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
    if shown < 1:
        raise VizError(f"shown must be at least 1, got {shown}")
    table = _Meetings()
    edges = _edges(graph, table)
    nodes, legend = _nodes(graph, edges)
    payload = {"nodes": [asdict(node) for node in nodes],
               "edges": [edge.to_json() for edge in edges],
               "meetings": [asdict(m) for m in table.rows],
               "communities": legend, "shown": shown, "statuses": list(STATUSES),
               "options": _options(len(nodes))}
    vis_js = _vis_asset("vis-network.min.js").replace("</script", "<\\/script")
    vis_css = _vis_asset("vis-network.css").replace("</style", "<\\/style")
    app_js, app_css = _own_asset("viz.js"), _own_asset("viz.css")
    csp = ("default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'; "
           f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}; base-uri 'none'; "
           "form-action 'none'")
    heading = html.escape(title)
    return "".join([
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f"<title>{heading}</title>\n<style>\n{vis_css}\n</style>\n",
        f"<style>\n{app_css}\n</style>\n</head>\n<body>\n",
        f'<header id="kg-header"><h1>{heading}</h1>\n',
        '<form id="kg-search-form" role="search" autocomplete="off">',
        '<input id="kg-search" type="search" placeholder="Find an actor"'
        ' aria-label="Find an actor by name"><button type="submit">Find</button>',
        '<span id="kg-search-status" role="status"></span>',
        '<ul id="kg-matches" hidden aria-label="Actors that match"></ul></form>\n',
        '<span id="kg-counts" role="status"></span>\n',
        '<span id="kg-top"><span id="kg-top-text"></span> <button id="kg-more" type="button">'
        "show more</button></span>\n",
        '<button id="kg-reset" type="button" title="Clear every filter">reset</button>\n',
        '<form id="kg-filters" autocomplete="off" aria-label="Filter the graph">',
        f'<ul id="kg-legend" aria-label="Actor types shown">{_types()}</ul>',
        f'<span id="kg-status">{_statuses()}</span>',
        f"{_FILTERS}</form></header>\n",
        '<main id="kg-main"><div id="kg-network"></div>',
        '<ul id="kg-communities" aria-label="Communities (colours)"></ul>',
        '<aside id="kg-panel" hidden aria-label="Selected actor or link">'
        '<button id="kg-panel-close" type="button" aria-label="Close">\u00d7</button>'
        '<div id="kg-panel-body"></div></aside>',
        '<p id="kg-empty" hidden>no meetings found</p>',
        '<p id="kg-none" hidden>no meetings match the filters</p></main>\n',
        f'<script type="application/json" id="kg-data">{_script_json(payload)}</script>\n',
        f"<script>{vis_js}</script>\n<script>{app_js}</script>\n</body>\n</html>\n",
    ])


def write_html(graph: GraphLike, path: str | Path, *, title: str = "Who met whom",
               shown: int = SHOWN) -> Path:
    """Write :func:`render_html` of ``graph`` to ``path`` (parents created); return the path.

    Raises
    ------
    VizError
        If the graph cannot be drawn or the file cannot be written.
    """
    from kg.rdfio import atomic_file

    target = Path(path)
    page = render_html(graph, title=title, shown=shown)
    try:  # atomically: a failed write leaves the previous page whole
        with atomic_file(target) as tmp:
            tmp.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise VizError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return target
