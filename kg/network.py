"""RDF -> the who-met-whom graph as networkx, built by SPARQL.

Nodes are actors (IRI strings) with ``label``, ``type`` and ``country``; an edge joins two
actors that took part in one asserted meeting, with ``weight`` (number of meetings) and
``meetings`` (one dict per meeting: ``sentence``, ``source``, ``date``, ``place``).
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from rdflib import Graph

from kg.query import run_query

MEETING_PAIRS = """
SELECT ?m ?a ?b ?sentence ?source ?date ?dateText ?placeLabel WHERE {
  ?m a dip:Meeting ; dip:status "asserted" ; dip:participant ?a, ?b ;
     dip:evidence ?sentence ; prov:wasDerivedFrom ?doc .
  FILTER (STR(?a) < STR(?b))
  OPTIONAL { ?doc dip:sourcePath ?source }
  OPTIONAL { ?m dip:date ?date }
  OPTIONAL { ?m dip:dateText ?dateText }
  OPTIONAL { ?m dip:location ?place . ?place rdfs:label ?placeLabel }
}
"""

ACTORS = """
SELECT ?actor ?label ?type ?country WHERE {
  VALUES ?type { dip:Person dip:Organization dip:Country }
  ?actor a ?type ; rdfs:label ?label .
  OPTIONAL { ?actor dip:affiliation ?c . ?c a dip:Country ; rdfs:label ?country }
}
"""


def who_met_whom(graph: Graph) -> nx.Graph:
    """The undirected who-met-whom graph of every asserted meeting in ``graph``.

    Examples
    --------
    >>> from rdflib import Graph
    >>> who_met_whom(Graph()).number_of_nodes()
    0
    """
    g: nx.Graph = nx.Graph()
    edges: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
    for row in run_query(graph, MEETING_PAIRS):
        a, b = str(row.a), str(row.b)  # type: ignore[union-attr]
        meetings = edges.setdefault((a, b), {})
        meetings.setdefault(str(row.m), {  # type: ignore[union-attr]
            "sentence": str(row.sentence),  # type: ignore[union-attr]
            "source": str(row.source) if row.source is not None else None,  # type: ignore[union-attr]
            "date": str(row.date or row.dateText) if (row.date or row.dateText) else None,  # type: ignore[union-attr]
            "place": str(row.placeLabel) if row.placeLabel is not None else None,  # type: ignore[union-attr]
        })
    if not edges:
        return g
    ends = {n for pair in edges for n in pair}
    for row in run_query(graph, ACTORS):
        iri = str(row.actor)  # type: ignore[union-attr]
        if iri in ends and iri not in g:
            g.add_node(iri, label=str(row.label), type=str(row.type).rsplit("#", 1)[-1],  # type: ignore[union-attr]
                       country=str(row.country) if row.country is not None else None)  # type: ignore[union-attr]
    for (a, b), meetings in sorted(edges.items()):
        for n in (a, b):
            if n not in g:
                g.add_node(n, label=n.rsplit("/", 1)[-1], type="Actor", country=None)
        ordered = sorted(meetings.values(), key=lambda m: (m["source"] or "", m["sentence"]))
        g.add_edge(a, b, weight=len(ordered), meetings=ordered)
    return g
