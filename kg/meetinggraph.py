"""The who-met-whom graph read from RDF: the meetings' pairs, their evidence and their
actors, into a graph of the caller's kind.

:func:`who_met_whom` fills an empty graph with the interface of :class:`networkx.Graph`
(``add_node``, ``add_edge``, ``nodes``, ``edges``): a networkx graph for the analyses and
exports (:func:`kg.network.who_met_whom`), or a :class:`kg.smallgraph.Graph` for the page of
a build, which then imports no networkx (0.1-0.25 s).  Nodes are actors (IRI strings) with
``label``, ``type``, ``country``, ``aliases`` (the actor's ``skos:altLabel`` forms, sorted)
and ``meetings`` (how many distinct meetings of the graph the actor took part in); an edge
joins two actors that took part in one meeting, with ``weight`` (number of distinct
meetings: one ``dip:Meeting`` reported in several sentences counts once) and ``meetings``
(one dict per meeting: ``id`` (its IRI), ``sentence``, ``more`` (its further evidence
sentences, ``dip:supportedBy``), ``source``, ``date``, ``dateText``, ``reported``,
``place``, ``status``).  ``date`` is the day the meeting happened (``dip:date``, ISO) or
``None``; ``dateText`` the date phrase as written; ``reported`` the publication date of the
reporting article (``dip:reportedOn``).  :func:`meeting_when` says when a meeting was,
falling back to the report date for an undated one and saying so ("reported 2018-06-12").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from kg.model import KGError
from kg.query import select_rows

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Graph

__all__ = ["STATUSES", "NetworkError", "count_meetings", "meeting_counts", "meeting_when",
           "who_met_whom"]


class NetworkError(KGError):
    """The who-met-whom graph cannot be analysed or written as asked."""


class _Fillable(Protocol):
    """An empty graph to fill: :class:`networkx.Graph` or :class:`kg.smallgraph.Graph`."""

    @property
    def nodes(self) -> Any: ...
    def edges(self, *args: Any, **kwargs: Any) -> Any: ...
    def add_node(self, node: Any, **attr: Any) -> None: ...
    def add_edge(self, u: Any, v: Any, **attr: Any) -> None: ...


G = TypeVar("G", bound=_Fillable)


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


def who_met_whom(graph: Graph | ox.Store, statuses: Iterable[str], into: G) -> G:
    """``into`` (an empty graph) filled with the undirected who-met-whom graph of the
    meetings in ``graph`` (an rdflib graph, or a pyoxigraph ``Store`` read straight, without
    rdflib's SPARQL engine) whose status is one of ``statuses``.

    ``statuses`` widens it to other meetings (``("asserted", "planned")`` for the page,
    which filters by status); each meeting dict says its ``status``.  Nodes are added in
    IRI order and edges in pair order, so the same RDF always gives the same graph, down
    to iteration order.

    Examples
    --------
    >>> from rdflib import Graph
    >>> from kg.smallgraph import Graph as SmallGraph
    >>> who_met_whom(Graph(), ["asserted"], SmallGraph()).number_of_nodes()
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
    g = into
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


def count_meetings(graph: G) -> G:
    """Set each node's ``meetings``: the distinct meetings among its edges; return ``graph``.

    A meeting is known by its ``id`` (else by its sentence, article, date and place), so a
    meeting of three actors, on two of one actor's edges, counts once.  An edge without
    meeting records counts as ``weight`` meetings of its own.

    Examples
    --------
    >>> from kg.smallgraph import Graph
    >>> g = Graph()
    >>> g.add_edge("a", "b", meetings=[{"id": "m1"}, {"id": "m2"}])
    >>> g.add_edge("a", "c", meetings=[{"id": "m1"}])
    >>> g.add_edge("a", "d", weight=2)
    >>> dict(count_meetings(g).nodes(data="meetings"))
    {'a': 4, 'b': 2, 'c': 1, 'd': 2}
    """
    for n, count in meeting_counts(graph).items():
        graph.nodes[n]["meetings"] = count
    return graph


def meeting_counts(graph: _Fillable) -> dict[Any, int]:
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


def _meeting_list(value: object) -> list[Mapping[str, Any]]:
    if not isinstance(value, Iterable) or isinstance(value, str | bytes | Mapping):
        return []
    return [m for m in cast(Iterable[object], value) if isinstance(m, Mapping)]


def _same(meeting: Mapping[str, Any]) -> tuple[str, ...]:
    """What makes two records one meeting: its IRI, else its sentence, article, date and
    place."""
    if meeting.get("id"):
        return ("id", str(meeting["id"]))
    return tuple(str(meeting.get(k) or "") for k in ("sentence", "source", "date", "place"))
