"""The who-met-whom graph as networkx, and its export to files.

:func:`who_met_whom` is :func:`kg.meetinggraph.who_met_whom` into a networkx graph (its
nodes, edges and their data are described there); :func:`write_graph` saves such a graph as
GraphML or GEXF (for Gephi, yEd, Cytoscape) or as a CSV edge list, and :func:`curate` sees
it through the user's aliases.  The analyses over the graph (centrality, communities,
chains) live in :mod:`kg.analytics`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal, cast

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from kg.actors import NameIndex, curation
from kg.aliases import Aliases
from kg.meetinggraph import STATUSES as STATUSES
from kg.meetinggraph import NetworkError as NetworkError
from kg.meetinggraph import _meeting_list, _same, meeting_when
from kg.meetinggraph import count_meetings as count_meetings
from kg.meetinggraph import meeting_counts as meeting_counts
from kg.meetinggraph import who_met_whom as read_who_met_whom
from kg.query import csv_cell
from kg.store import atomic_file

__all__ = ["EXPORT_FORMATS", "ExportFormat", "NetworkError", "count_meetings", "curate",
           "flatten", "meeting_counts", "meeting_when", "who_met_whom", "write_graph"]

ExportFormat = Literal["graphml", "gexf", "csv"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("graphml", "gexf", "csv")
"""The file formats :func:`write_graph` writes."""

CSV_COLUMNS = ("source", "target", "meetings", "dates", "places", "evidence", "article",
               "source_id", "target_id")
"""The header of the CSV edge list: labels first, IRIs last."""

JOIN = "; "
"""Separator of the several values flattened into one GraphML/GEXF/CSV cell."""


def who_met_whom(graph: Graph | ox.Store, statuses: Iterable[str] = ("asserted",)) -> nx.Graph:
    """The undirected who-met-whom graph of every asserted meeting in ``graph`` (an rdflib
    graph, or a pyoxigraph ``Store`` read straight, without rdflib's SPARQL engine), as a
    networkx graph: :func:`kg.meetinggraph.who_met_whom` (its nodes, edges and data, in the
    same order).

    ``statuses`` widens it to other meetings (``("asserted", "planned")`` for the page,
    which filters by status); each meeting dict says its ``status``.

    Examples
    --------
    >>> from rdflib import Graph
    >>> who_met_whom(Graph()).number_of_nodes()
    0
    """
    found: nx.Graph = read_who_met_whom(graph, statuses, nx.Graph())
    return found


def _distinct(values: Iterable[object]) -> list[str]:
    """The non-empty values as strings, first occurrence first, without repeats."""
    return list(dict.fromkeys(str(v) for v in values if v is not None and str(v) != ""))


def _scalar(value: object) -> str | int | float | bool | None:
    """``value`` as something GraphML and GEXF can hold (None: leave the attribute out)."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, Iterable) and not isinstance(value, Mapping | bytes):
        return JOIN.join(_distinct(cast(Iterable[object], value)))
    return str(value)


def _flat_edge(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """An edge's attributes with ``meetings`` spelled out as counts and joined strings."""
    meetings = _meeting_list(attrs.get("meetings"))
    flat: dict[str, Any] = {k: _scalar(v) for k, v in attrs.items() if k != "meetings"}
    flat["weight"] = attrs.get("weight", max(len(meetings), 1))
    if "meetings" in attrs:
        flat["meetings"] = len(meetings)
        flat["dates"] = JOIN.join(_distinct(meeting_when(m) for m in meetings))
        flat["places"] = JOIN.join(_distinct(m.get("place") for m in meetings))
        flat["sources"] = JOIN.join(_distinct(m.get("source") for m in meetings))
        flat["evidence"] = str(meetings[0].get("sentence") or "") if meetings else ""
    return {k: v for k, v in flat.items() if v is not None}


def flatten(graph: nx.Graph) -> nx.Graph:
    """A copy of ``graph`` whose every attribute is a string, number or boolean.

    GraphML and GEXF hold only scalar attributes, so each edge's ``meetings`` list becomes
    ``meetings`` (a count), ``dates`` (as :func:`meeting_when` says them), ``places`` and
    ``sources`` (distinct values joined with ``"; "``) and ``evidence`` (the first
    meeting's sentence); other lists (a node's ``aliases``) are joined the same way, and
    ``None`` values are left out.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_node("urn:a", label="Mike Pompeo", country=None, aliases=("Pompeo", "Mike"))
    >>> g.add_edge("urn:a", "urn:b", weight=2, meetings=[
    ...     {"sentence": "Pompeo met Al Thani.", "source": "a.txt", "date": None,
    ...      "place": "Doha"},
    ...     {"sentence": "They met again.", "source": "b.txt", "date": "2020-09-12",
    ...      "place": "Doha"}])
    >>> flat = flatten(g)
    >>> flat.nodes["urn:a"]
    {'label': 'Mike Pompeo', 'aliases': 'Pompeo; Mike'}
    >>> flat.edges["urn:a", "urn:b"]["places"], flat.edges["urn:a", "urn:b"]["evidence"]
    ('Doha', 'Pompeo met Al Thani.')
    """
    flat: nx.Graph = nx.Graph()
    flat.graph.update({k: v for k, v in ((k, _scalar(v)) for k, v in graph.graph.items())
                       if v is not None})
    for n, attrs in graph.nodes(data=True):
        flat.add_node(n, **{k: v for k, v in ((k, _scalar(v)) for k, v in attrs.items())
                            if v is not None})
    for u, v, attrs in graph.edges(data=True):
        flat.add_edge(u, v, **_flat_edge(attrs))
    return flat


def _label(graph: nx.Graph, node: str) -> str:
    return str(graph.nodes[node].get("label") or node)


def _csv_rows(graph: nx.Graph) -> list[list[object]]:
    rows: list[list[object]] = []
    for u, v, attrs in graph.edges(data=True):
        a, b = sorted((str(u), str(v)), key=lambda n: (_label(graph, n), n))
        meetings = _meeting_list(attrs.get("meetings"))
        first = meetings[0] if meetings else {}
        rows.append([_label(graph, a), _label(graph, b),
                     attrs.get("weight", max(len(meetings), 1)),
                     JOIN.join(_distinct(meeting_when(m) for m in meetings)),
                     JOIN.join(_distinct(m.get("place") for m in meetings)),
                     first.get("sentence") or "", first.get("source") or "", a, b])
    return sorted(rows, key=lambda r: (str(r[0]), str(r[1]), str(r[7]), str(r[8])))


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_safe(graph: nx.Graph) -> nx.Graph:
    """``graph`` with every character XML 1.0 cannot hold (a NUL, a form feed, another
    control character) replaced by U+FFFD in its text attributes, in place."""
    def clean(data: dict[str, Any]) -> None:
        for key, value in data.items():
            if isinstance(value, str) and _NOT_XML.search(value):
                data[key] = _NOT_XML.sub("\ufffd", value)

    clean(graph.graph)
    for _, data in graph.nodes(data=True):
        clean(data)
    for _, _, data in graph.edges(data=True):
        clean(data)
    if any(isinstance(n, str) and _NOT_XML.search(n) for n in graph.nodes):
        graph = nx.relabel_nodes(graph, {n: _NOT_XML.sub("\ufffd", n) for n in graph.nodes
                                         if isinstance(n, str)})
    return graph


def write_graph(graph: nx.Graph, path: str | Path, fmt: str | None = None) -> Path:
    """Write the who-met-whom ``graph`` to ``path`` as GraphML, GEXF or a CSV edge list.

    Parameters
    ----------
    graph : networkx.Graph
        A graph as :func:`who_met_whom` (or :mod:`kg.analytics`) returns it.
    path : str or Path
        The file to write; missing parent folders are made.
    fmt : {"graphml", "gexf", "csv"}, optional
        The format; by default the suffix of ``path`` (``.graphml``, ``.gexf``, ``.csv``).
        GraphML and GEXF get a :func:`flatten`-ed copy (Gephi reads ``label`` as the node
        label and ``weight`` as the edge weight); the CSV has one row per pair with the
        header :data:`CSV_COLUMNS`: both labels, the number of meetings, their dates (as
        :func:`meeting_when` says them: "reported ..." for an undated one) and places,
        the first evidence sentence and its article, then both IRIs.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    NetworkError
        For an unknown format, or when the file cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> g = nx.Graph()
    >>> g.add_nodes_from([("urn:a", {"label": "Mike Pompeo"}), ("urn:b", {"label": "Al Thani"})])
    >>> g.add_edge("urn:a", "urn:b", weight=1, meetings=[{"sentence": "Pompeo met Al Thani.",
    ...            "source": "a.txt", "date": None, "place": "Doha"}])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = write_graph(g, Path(tmp) / "pairs.csv")
    ...     print(out.read_text(encoding="utf-8"), end="")
    source,target,meetings,dates,places,evidence,article,source_id,target_id
    Al Thani,Mike Pompeo,1,,Doha,Pompeo met Al Thani.,a.txt,urn:b,urn:a
    >>> try:
    ...     write_graph(g, "pairs.xlsx")
    ... except NetworkError as exc:
    ...     print(exc)
    cannot tell the format of pairs.xlsx: give one of graphml, gexf, csv
    """
    target = Path(path)
    chosen = (fmt or target.suffix.lstrip(".")).lower()
    if chosen not in EXPORT_FORMATS:
        what = f"unknown format {fmt!r}" if fmt else f"cannot tell the format of {target}"
        raise NetworkError(f"{what}: give one of {', '.join(EXPORT_FORMATS)}")
    try:
        with atomic_file(target) as tmp:  # a failed write leaves the old file whole
            if chosen == "csv":
                with tmp.open("w", encoding="utf-8", newline="") as f:
                    writer = csv.writer(f, lineterminator="\n")
                    writer.writerow(CSV_COLUMNS)
                    writer.writerows([csv_cell(v) for v in row] for row in _csv_rows(graph))
            elif chosen == "graphml":
                nx.write_graphml(_xml_safe(flatten(graph)), tmp, encoding="utf-8")
            else:
                nx.write_gexf(_xml_safe(flatten(graph)), tmp, encoding="utf-8")
    except OSError as exc:
        raise NetworkError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return target


def curate(graph: nx.Graph, aliases: Aliases) -> nx.Graph:
    """The who-met-whom ``graph`` seen through the user's ``aliases`` (a new graph).

    The nodes of a merge group become one node (the one named by the canonical name, see
    :func:`kg.actors.curation`), labelled as the file spells the canonical name, with the
    other labels among its ``aliases``; their edges are combined (meetings reported twice,
    same sentence and article, are counted once; a meeting of two merged nodes becomes no
    edge).  Nodes typed ``none`` are dropped with their edges, other forced types replace
    ``type``.  Split rules need the articles and do nothing here.

    Examples
    --------
    >>> from kg.aliases import parse_aliases
    >>> g = nx.Graph()
    >>> g.add_node("urn:t", label="Trump", aliases=())
    >>> g.add_node("urn:dt", label="Donald Trump", aliases=("Trump",), type="Person")
    >>> g.add_node("urn:b", label="Brexit", type="Person")
    >>> g.add_edge("urn:t", "urn:m", weight=1)
    >>> g.add_edge("urn:dt", "urn:m", weight=2)
    >>> g.add_edge("urn:b", "urn:m", weight=1)
    >>> view = curate(g, parse_aliases("Trump\\tDonald Trump\\nBrexit\\ttype\\tnone\\n"))
    >>> sorted(view.edges(data="weight"))
    [('urn:dt', 'urn:m', 3)]
    """
    index = NameIndex((str(n), str(d.get("label") or n), d.get("aliases") or ())
                      for n, d in graph.nodes(data=True))
    cure = curation(aliases, index, dict(graph.degree(weight="weight")))
    view: nx.Graph = nx.Graph()
    view.graph.update(graph.graph)
    names: dict[str, set[str]] = {}
    for n, data in graph.nodes(data=True):
        final = cure.target(str(n))
        if final is None:
            continue
        names.setdefault(final, set()).update(
            [str(data.get("label") or n), *(data.get("aliases") or ())])
        if final == n:
            view.add_node(n, **data)
    for n, found in names.items():
        attrs = view.nodes[n]
        attrs["label"] = cure.labels.get(n, attrs.get("label") or n)
        attrs["aliases"] = tuple(sorted(found - {attrs["label"]}))
        if cure.types.get(n):
            attrs["type"] = cure.types[n]
    for u, v, data in graph.edges(data=True):
        a, b = cure.target(str(u)), cure.target(str(v))
        if a is None or b is None or a == b:
            continue
        if not view.has_edge(a, b):
            view.add_edge(a, b, **{k: val for k, val in data.items() if k != "meetings"})
            if "meetings" in data:
                view.edges[a, b]["meetings"] = list(data["meetings"])
            continue
        edge = view.edges[a, b]
        if "meetings" in data and "meetings" in edge:
            seen = {_same(m) for m in edge["meetings"]}
            edge["meetings"] = sorted(
                [*edge["meetings"], *(m for m in data["meetings"] if _same(m) not in seen)],
                key=lambda m: (m.get("source") or "", m.get("sentence") or ""))
            edge["weight"] = len(edge["meetings"])
        else:
            edge["weight"] = int(edge.get("weight", 1)) + int(data.get("weight", 1))
    return count_meetings(view)
