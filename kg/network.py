"""RDF -> the who-met-whom graph as networkx, built by SPARQL, and its export to files.

Nodes are actors (IRI strings) with ``label``, ``type``, ``country``, ``aliases`` (the
actor's ``skos:altLabel`` forms, sorted) and ``meetings`` (how many distinct meetings of the
graph the actor took part in); an edge joins two actors that took part in one asserted
meeting, with ``weight`` (number of distinct meetings: one ``dip:Meeting`` reported in
several sentences counts once) and ``meetings`` (one dict per meeting: ``id`` (its IRI),
``sentence``, ``more`` (its further evidence sentences, ``dip:supportedBy``), ``source``,
``date``, ``dateText``, ``reported``, ``place``, ``status``).
``date`` is the day the meeting happened (``dip:date``, ISO) or ``None``; ``dateText`` the
date phrase as written; ``reported`` the publication date of the reporting article
(``dip:reportedOn``).  :func:`meeting_when` says when a meeting was, falling back to the
report date for an undated one and saying so ("reported 2018-06-12").

:func:`write_graph` saves such a graph as GraphML or GEXF (for Gephi, yEd, Cytoscape) or as a
CSV edge list.  The analyses over the graph (centrality, communities, chains) live in
:mod:`kg.analytics`.
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
from kg.model import KGError
from kg.query import csv_cell, select_rows
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


class NetworkError(KGError):
    """The who-met-whom graph cannot be analysed or written as asked."""


MEETING_PAIRS = """
SELECT ?m ?a ?b ?status ?sentence ?source ?date ?dateText ?reported ?placeLabel WHERE {
  VALUES ?status { %s }
  ?m a dip:Meeting ; dip:participant ?a, ?b ; dip:status ?status ;
     dip:evidence ?sentence ; prov:wasDerivedFrom ?doc .
  FILTER (STR(?a) < STR(?b))
  OPTIONAL { ?doc dip:sourcePath ?source }
  OPTIONAL { ?m dip:date ?date }
  OPTIONAL { ?m dip:dateText ?dateText }
  OPTIONAL { ?m dip:reportedOn ?reported }
  OPTIONAL { ?m dip:location ?place . ?place rdfs:label ?placeLabel }
}
"""

SUPPORT = """
SELECT DISTINCT ?m ?sentence ?start WHERE {
  VALUES ?status { %s }
  ?m a dip:Meeting ; dip:status ?status ; dip:supportedBy ?span .
  ?span dip:evidence ?sentence .
  OPTIONAL { ?span dip:startChar ?start }
} ORDER BY ?m ?start ?sentence
"""
"""The further sentences reporting each meeting, in the order of the article."""

STATUSES = ("asserted", "planned", "negated")
"""The values of ``dip:status``."""

ACTORS = """
SELECT ?actor ?label ?type ?country (COUNT(?fact) AS ?n) WHERE {
  VALUES ?type { dip:Person dip:Organization dip:Country }
  ?actor a ?type ; rdfs:label ?label .
  OPTIONAL {
    ?actor dip:affiliation ?c . ?c a dip:Country ; rdfs:label ?country .
    OPTIONAL { ?fact rdf:subject ?actor ; rdf:predicate dip:affiliation ; rdf:object ?c }
  }
} GROUP BY ?actor ?label ?type ?country
ORDER BY ?actor DESC(?n) ?country
"""
"""Each actor with its countries, the one most articles state first (an actor merged from
many articles may have a stray affiliation or two)."""

ALIASES = """
SELECT DISTINCT ?actor ?alt WHERE {
  ?m a dip:Meeting ; dip:participant ?actor ; dip:status ?status .
  FILTER (?status = "asserted")
  ?actor skos:altLabel ?alt .
}
"""


def who_met_whom(graph: Graph | ox.Store, statuses: Iterable[str] = ("asserted",)) -> nx.Graph:
    """The undirected who-met-whom graph of every asserted meeting in ``graph`` (an rdflib
    graph, or a pyoxigraph ``Store`` read straight, without rdflib's SPARQL engine).

    ``statuses`` widens it to other meetings (``("asserted", "planned")`` for the page,
    which filters by status); each meeting dict says its ``status``.  Nodes are added in
    IRI order and edges in pair order, so the same RDF always gives the same graph, down
    to iteration order.

    Examples
    --------
    >>> from rdflib import Graph
    >>> who_met_whom(Graph()).number_of_nodes()
    0
    """
    wanted = tuple(dict.fromkeys(statuses))
    unknown = [s for s in wanted if s not in STATUSES]
    if unknown or not wanted:
        raise NetworkError(f"unknown meeting status {unknown[0] if unknown else 'none'!r}: "
                           f"give some of {', '.join(STATUSES)}")
    values = " ".join(f'"{s}"' for s in wanted)
    more: dict[str, list[str]] = {}
    for row in select_rows(graph, SUPPORT % values):
        more.setdefault(str(row.m), []).append(str(row.sentence))
    g: nx.Graph = nx.Graph()
    edges: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
    records: dict[str, dict[str, Any]] = {}  # one dict per meeting, shared by its pairs
    for row in select_rows(graph, MEETING_PAIRS % values):
        a, b, m = str(row.a), str(row.b), str(row.m)
        record = records.setdefault(m, {
            "id": m,
            "sentence": str(row.sentence),
            "more": [s for s in dict.fromkeys(more.get(m, []))
                     if s != str(row.sentence)],
            "source": str(row.source) if row.source is not None else None,
            "date": _str(row.date),
            "dateText": _str(row.dateText),
            "reported": _str(row.reported),
            "place": str(row.placeLabel) if row.placeLabel is not None else None,
            "status": str(row.status),
        })
        edges.setdefault((a, b), {}).setdefault(m, record)
    if not edges:
        return g
    ends = {n for pair in edges for n in pair}
    attrs: dict[str, dict[str, Any]] = {}
    for row in select_rows(graph, ACTORS):
        iri = str(row.actor)
        if iri in ends and iri not in attrs:
            attrs[iri] = {"label": str(row.label),
                          "type": str(row.type).rsplit("#", 1)[-1],
                          "country": str(row.country) if row.country is not None else None}
    aliases: dict[str, set[str]] = {}
    for row in select_rows(graph, ALIASES):
        aliases.setdefault(str(row.actor), set()).add(str(row.alt))
    for n in sorted(ends):
        data = attrs.get(n) or {"label": n.rsplit("/", 1)[-1], "type": "Actor", "country": None}
        g.add_node(n, **data, aliases=tuple(sorted(aliases.get(n, set()) - {data["label"]})))
    for (a, b), meetings in sorted(edges.items()):
        ordered = sorted(meetings.values(), key=lambda m: (m["source"] or "", m["sentence"]))
        g.add_edge(a, b, weight=len(ordered), meetings=ordered)
    return count_meetings(g)


def count_meetings(graph: nx.Graph) -> nx.Graph:
    """Set each node's ``meetings``: the distinct meetings among its edges; return ``graph``.

    A meeting is known by its ``id`` (else by its sentence, article, date and place), so a
    meeting of three actors, on two of one actor's edges, counts once.  An edge without
    meeting records counts as ``weight`` meetings of its own.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_edge("a", "b", meetings=[{"id": "m1"}, {"id": "m2"}])
    >>> g.add_edge("a", "c", meetings=[{"id": "m1"}])
    >>> g.add_edge("a", "d", weight=2)
    >>> dict(count_meetings(g).nodes(data="meetings"))
    {'a': 4, 'b': 2, 'c': 1, 'd': 2}
    """
    for n, count in meeting_counts(graph).items():
        graph.nodes[n]["meetings"] = count
    return graph


def meeting_counts(graph: nx.Graph) -> dict[Any, int]:
    """Each node's number of distinct meetings among its edges (see :func:`count_meetings`).
    """
    seen: dict[Any, set[object]] = {n: set() for n in graph.nodes}
    for u, v, data in graph.edges(data=True):
        records = _meeting_list(data.get("meetings"))
        keys: list[object] = ([_same(m) for m in records] if records else
                              [("edge", u, v, i) for i in range(int(data.get("weight", 1)))])
        seen[u].update(keys)
        seen[v].update(keys)
    return {n: len(keys) for n, keys in seen.items()}


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def meeting_when(meeting: Mapping[str, Any]) -> str | None:
    """When a meeting was, as shown to a reader: its day, else the day it was reported.

    The day (``date``) when the text named one; else "reported <day>" from ``reported``,
    with the date phrase as written in brackets when there is one; else that phrase;
    else ``None``.

    Examples
    --------
    >>> meeting_when({"date": "2018-06-12", "reported": "2018-06-12"})
    '2018-06-12'
    >>> meeting_when({"date": None, "reported": "2018-06-12"})
    'reported 2018-06-12'
    >>> meeting_when({"dateText": "last week", "reported": "2018-06-12"})
    'reported 2018-06-12 (last week)'
    >>> meeting_when({"dateText": "Monday"}), meeting_when({}) is None
    ('Monday', True)
    """
    date, text, reported = (meeting.get(k) for k in ("date", "dateText", "reported"))
    if date:
        return str(date)
    if reported:
        return f"reported {reported}" + (f" ({text})" if text else "")
    return str(text) if text else None


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


def _meeting_list(value: object) -> list[Mapping[str, Any]]:
    if not isinstance(value, Iterable) or isinstance(value, str | bytes | Mapping):
        return []
    return [m for m in cast(Iterable[object], value) if isinstance(m, Mapping)]


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
    >>> write_graph(g, "pairs.xlsx")
    Traceback (most recent call last):
    ...
    kg.network.NetworkError: cannot tell the format of pairs.xlsx: give one of graphml, gexf, csv
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


def _same(meeting: Mapping[str, Any]) -> tuple[str, ...]:
    """What makes two records one meeting: its IRI, else its sentence, article, date and
    place."""
    if meeting.get("id"):
        return ("id", str(meeting["id"]))
    return tuple(str(meeting.get(k) or "") for k in ("sentence", "source", "date", "place"))
