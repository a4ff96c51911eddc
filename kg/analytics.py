"""Questions over the who-met-whom graph: who is central, which groups meet among
themselves, and how one actor is connected to another.

Every function takes the networkx graph :func:`kg.network.who_met_whom` returns (nodes are
actor IRIs with ``label``, ``type``, ``country``, ``aliases``; edges carry ``weight``, the
number of meetings, and ``meetings``, their evidence) and tolerates a bare graph without
those attributes.  Results do not depend on the order nodes were added in: the algorithms
run on a copy with nodes and edges in sorted order, and random choices use :data:`SEED`.
Functions that take an actor accept its label, any alternative form, or its IRI
(see :func:`find_actor`).
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

import networkx as nx

from kg.network import NetworkError, meeting_counts
from kg.smallgraph import COMMUNITY_SEED
from kg.smallgraph import communities as louvain_groups

__all__ = ["BETWEENNESS_SAMPLE", "SEED", "ActorNotFound", "ActorStats", "Hop", "NoChain",
           "actor_table", "chain", "communities", "ego", "find_actor", "prune"]

SEED = COMMUNITY_SEED
"""The seed of Louvain (:func:`communities`) and of the betweenness sample
(:func:`actor_table`), so both give the same answer on every run."""

BETWEENNESS_SAMPLE = 300
"""On a graph with more actors than this, betweenness is estimated from this many sources."""


class ActorNotFound(NetworkError):
    """No actor (or more than one) answers to the name given."""


class NoChain(NetworkError):
    """No chain of meetings links the two actors."""


@dataclass(frozen=True)
class ActorStats:
    """One actor's row of :func:`actor_table`."""

    id: str
    label: str
    type: str | None
    country: str | None
    degree: int
    """Distinct meeting partners."""
    weighted_degree: int
    """Meetings, counted once per partner met (a meeting of three counts twice)."""
    meetings: int
    """Distinct meetings (a meeting of three counts once)."""
    betweenness: float
    """Normalised betweenness centrality, with ``1 / meetings`` as the length of an edge."""
    community: int
    """Index into :func:`communities` (0 is the largest group)."""


@dataclass(frozen=True)
class Hop:
    """One link of a :func:`chain`: ``from_label`` met ``to_label``.

    >>> print(Hop("a", "Ann", "b", "Bo", 1, "\u201cWe met,\u201d Ann said.", "x.txt"))
    Ann met Bo (once): \u201cWe met,\u201d Ann said. [x.txt]
    """

    from_id: str
    from_label: str
    to_id: str
    to_label: str
    meetings: int
    sentence: str | None
    """The first evidence sentence of their meetings (None on a graph without evidence)."""
    source: str | None
    """The article that sentence came from."""

    def __str__(self) -> str:
        times = "once" if self.meetings == 1 else f"{self.meetings} times"
        text = f"{self.from_label} met {self.to_label} ({times})"
        if self.sentence:
            # a sentence that opens with a quote mark is shown as it is: no second mark
            opens = self.sentence.lstrip()[:1] in _QUOTE_MARKS
            text += f": {self.sentence}" if opens else f': "{self.sentence}"'
            if self.source:
                text += f" [{self.source}]"
        return text


_QUOTE_MARKS = frozenset("\"'\u201c\u2018\u201e\u00ab")


def _label(graph: nx.Graph, node: str) -> str:
    return str(graph.nodes[node].get("label") or node)


def _weight(attrs: Mapping[str, Any]) -> int:
    return int(attrs.get("weight", 1))


def _canonical(graph: nx.Graph) -> nx.Graph:
    """A copy with nodes and edges inserted in sorted order and ``weight`` always set."""
    canon: nx.Graph = nx.Graph()
    canon.add_nodes_from(sorted(graph.nodes))
    canon.add_weighted_edges_from(sorted((*sorted((u, v)), _weight(d))
                                         for u, v, d in graph.edges(data=True)))
    return canon


def _ranked(graph: nx.Graph) -> list[str]:
    """Nodes by distinct meetings (most first), then label, then IRI."""
    strength = meeting_counts(graph)
    return sorted(graph.nodes, key=lambda n: (-strength[n], _label(graph, n), n))


def _tokens(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.casefold()))


def _names(graph: nx.Graph, node: str) -> list[str]:
    aliases = graph.nodes[node].get("aliases") or ()
    return [_label(graph, node), *(str(a) for a in aliases)]


def _describe(graph: nx.Graph, nodes: Iterable[str]) -> str:
    found = sorted(nodes, key=lambda n: (_label(graph, n), n))
    labels = [_label(graph, n) for n in found]
    return ", ".join(f"{lab} <{n}>" if labels.count(lab) > 1 else lab
                     for lab, n in zip(labels, found, strict=True))


def find_actor(graph: nx.Graph, name: str) -> str:
    """The node of the actor called ``name``.

    Tried in turn, ignoring case and spacing: the node's IRI, its ``label``, one of its
    ``aliases``, and then a name whose words are all in one actor's label or alias
    ("Pompeo" finds "Mike Pompeo").  The first step that finds anything decides.

    Raises
    ------
    ActorNotFound
        When no actor matches (the message suggests up to five close labels), or when
        several do (the message names them).

    Examples
    --------
    >>> g = nx.Graph([("urn:a", "urn:b"), ("urn:b", "urn:c")])
    >>> nx.set_node_attributes(g, {"urn:a": "Mike Pompeo", "urn:b": "Al Thani",
    ...                            "urn:c": "Mike Pence"}, "label")
    >>> find_actor(g, "al thani"), find_actor(g, "Pompeo")
    ('urn:b', 'urn:a')
    >>> find_actor(g, "Mike")
    Traceback (most recent call last):
    ...
    kg.analytics.ActorNotFound: 'Mike' is ambiguous: Mike Pence, Mike Pompeo
    >>> find_actor(g, "Pompey")
    Traceback (most recent call last):
    ...
    kg.analytics.ActorNotFound: no actor called 'Pompey'; close labels: Mike Pompeo
    """
    wanted = " ".join(name.split()).casefold()
    if name in graph:
        return name
    steps: list[Callable[[str], bool]] = [
        lambda n: _label(graph, n).casefold() == wanted,
        lambda n: any(" ".join(a.split()).casefold() == wanted for a in _names(graph, n)),
        lambda n: bool(_tokens(wanted)) and any(_tokens(wanted) <= _tokens(a)
                                                for a in _names(graph, n)),
    ]
    for step in steps:
        found = [n for n in graph.nodes if step(n)]
        if len(found) == 1:
            return str(found[0])
        if found:
            raise ActorNotFound(f"{name!r} is ambiguous: {_describe(graph, found)}")
    close = _close_labels(graph, wanted)
    hint = (f"; close labels: {', '.join(close)}" if close
            else f" among {graph.number_of_nodes()} actors")
    raise ActorNotFound(f"no actor called {name!r}{hint}")


def _close_labels(graph: nx.Graph, wanted: str, n: int = 5) -> list[str]:
    """Up to ``n`` labels whose names, or a word of them, look like ``wanted`` (difflib)."""
    owners: dict[str, set[str]] = {}
    for node in sorted(graph.nodes):
        label = _label(graph, node)
        for alias in _names(graph, node):
            for key in {alias.casefold(), *(t for t in _tokens(alias) if len(t) > 2)}:
                owners.setdefault(key, set()).add(label)
    found: list[str] = []
    for key in difflib.get_close_matches(wanted, sorted(owners), n=4 * n, cutoff=0.6):
        found += sorted(owners[key] - set(found))
    return found[:n]


def communities(graph: nx.Graph) -> list[frozenset[str]]:
    """Groups of actors that meet among themselves more than with others (Louvain on the
    meeting counts, seed :data:`SEED`); largest first, then by smallest label.

    Every node is in exactly one group (an isolated node is a group of its own).  It is
    :func:`kg.smallgraph.communities`: networkx's Louvain method carried over step for
    step, which the page runs without importing networkx; the groups are networkx's.

    Examples
    --------
    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")])
    >>> [sorted(c) for c in communities(g)]
    [['a', 'b', 'c'], ['x', 'y']]
    """
    return cast("list[frozenset[str]]", louvain_groups(graph))


def actor_table(graph: nx.Graph, top: int | None = 20, *,
                sample: int | None = BETWEENNESS_SAMPLE) -> list[ActorStats]:
    """The ``top`` actors (all when None) by weighted degree, then label, with their
    centrality and community.

    Betweenness is exact on graphs of up to ``sample`` actors.  On larger ones it is
    estimated from the shortest paths of ``sample`` source actors drawn with :data:`SEED`
    (exact betweenness takes minutes on thousands of actors); ``sample=None`` asks for the
    exact value whatever the size.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_edge("urn:a", "urn:b", weight=3)
    >>> g.add_edge("urn:b", "urn:c", weight=1)
    >>> nx.set_node_attributes(g, {"urn:a": "Ann", "urn:b": "Bo", "urn:c": "Cy"}, "label")
    >>> for row in actor_table(g):
    ...     print(row.label, row.degree, row.weighted_degree, row.betweenness)
    Bo 2 4 1.0
    Ann 1 3 0.0
    Cy 1 1 0.0
    """
    for option, value in (("top", top), ("sample", sample)):
        if value is not None and value < 1:
            raise NetworkError(f"{option} must be at least 1, got {value}")
    canon = _canonical(graph)
    for _, _, d in canon.edges(data=True):
        d["distance"] = 1.0 / d["weight"] if d["weight"] > 0 else float("inf")
    k = sample if sample is not None and canon.number_of_nodes() > sample else None
    between = nx.betweenness_centrality(canon, k=k, weight="distance", normalized=True,
                                        seed=SEED)
    group = {n: i for i, c in enumerate(communities(graph)) for n in c}
    rows = []
    counts = meeting_counts(graph)
    for n in _ranked(graph)[:top]:
        attrs = graph.nodes[n]
        rows.append(ActorStats(
            id=str(n), label=_label(graph, n), type=attrs.get("type"),
            country=attrs.get("country"), degree=int(graph.degree(n)),
            weighted_degree=int(graph.degree(n, weight="weight")),
            meetings=counts[n],
            betweenness=round(float(between[n]), 6), community=group[n]))
    return rows


def ego(graph: nx.Graph, name: str, depth: int = 2, top: int | None = None) -> nx.Graph:
    """The actors within ``depth`` meetings of ``name``, with the meetings among them.

    A copy (attributes included) from :func:`networkx.ego_graph`; ``graph.graph["center"]``
    names the actor's node and ``graph.graph["within"]`` how many actors (the centre
    included) were within ``depth``.  With ``top``, only that many are kept: the centre,
    then the nearest, the most connected (distinct meetings) first, and of those only the
    ones still linked to the centre.

    Examples
    --------
    >>> g = nx.path_graph(["a", "b", "c", "d"])
    >>> nx.set_node_attributes(g, {"a": "Ann", "b": "Bo", "c": "Cy", "d": "Di"}, "label")
    >>> sorted(ego(g, "Bo", depth=1)), sorted(ego(g, "Ann"))
    (['a', 'b', 'c'], ['a', 'b', 'c'])
    >>> sorted(ego(g, "Bo", depth=2, top=3)), ego(g, "Bo", depth=2, top=3).graph["within"]
    (['a', 'b', 'c'], 4)
    """
    if depth < 0:
        raise NetworkError(f"depth must be at least 0, got {depth}")
    if top is not None and top < 1:
        raise NetworkError(f"top must be at least 1, got {top}")
    center = find_actor(graph, name)
    sub: nx.Graph = nx.ego_graph(graph, center, radius=depth).copy()
    within = sub.number_of_nodes()
    if top is not None and within > top:
        dist = nx.single_source_shortest_path_length(sub, center)
        counts = meeting_counts(sub)
        ranked = sorted(sub.nodes, key=lambda n: (dist[n], -counts[n], _label(sub, n), n))
        kept = sub.subgraph(ranked[:top])
        sub = sub.subgraph(nx.node_connected_component(kept, center)).copy()
    sub.graph["center"] = center
    sub.graph["within"] = within
    return sub


def chain(graph: nx.Graph, a: str, b: str) -> list[Hop]:
    """How ``a`` is connected to ``b``: the shortest chain of meetings from one to the other.

    Among chains with the fewest hops, the one whose pairs met most often is taken (then
    the first in IRI order), so the answer is stable.  The chain from an actor to itself is
    empty.

    Raises
    ------
    ActorNotFound
        When either name does not identify one actor.
    NoChain
        When no chain of meetings links them.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_edge("urn:a", "urn:b", weight=2, meetings=[
    ...     {"sentence": "Ann met Bo.", "source": "x.txt"}, {"sentence": "Again."}])
    >>> g.add_edge("urn:b", "urn:c")
    >>> g.add_edge("urn:d", "urn:e")
    >>> nx.set_node_attributes(g, {"urn:a": "Ann", "urn:b": "Bo", "urn:c": "Cy",
    ...                            "urn:d": "Di", "urn:e": "Ed"}, "label")
    >>> for hop in chain(g, "Ann", "Cy"):
    ...     print(hop)
    Ann met Bo (2 times): "Ann met Bo." [x.txt]
    Bo met Cy (once)
    >>> chain(g, "Ann", "Ed")
    Traceback (most recent call last):
    ...
    kg.analytics.NoChain: no chain of meetings links Ann and Ed
    """
    start, end = find_actor(graph, a), find_actor(graph, b)
    canon = _canonical(graph)
    # Fewest hops first; the fraction (< 1 over any simple path) prefers frequent meetings.
    scale = float(canon.number_of_nodes() + 1)
    for _, _, d in canon.edges(data=True):
        d["cost"] = 1.0 + 1.0 / (max(d["weight"], 1) * scale)
    try:
        path = nx.dijkstra_path(canon, start, end, weight="cost")
    except nx.NetworkXNoPath:
        raise NoChain(f"no chain of meetings links {_label(graph, start)} and "
                      f"{_label(graph, end)}") from None
    hops = []
    for u, v in itertools.pairwise(path):
        attrs = graph.edges[u, v]
        meetings = attrs.get("meetings") or [{}]
        first = meetings[0]
        hops.append(Hop(from_id=u, from_label=_label(graph, u), to_id=v,
                        to_label=_label(graph, v), meetings=_weight(attrs),
                        sentence=first.get("sentence"), source=first.get("source")))
    return hops


def prune(graph: nx.Graph, *, top: int | None = None,
          min_meetings: int | None = None) -> nx.Graph:
    """A copy of ``graph`` cut down for reading or drawing.

    Edges with fewer than ``min_meetings`` meetings go first; then only the ``top`` actors
    by weighted degree (counted on what is left) are kept, with the edges among them.
    Actors left without an edge are dropped.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_weighted_edges_from([("a", "b", 3), ("b", "c", 1), ("c", "d", 1)])
    >>> sorted(prune(g, min_meetings=2).edges)
    [('a', 'b')]
    >>> sorted(prune(g, top=3).edges)
    [('a', 'b'), ('b', 'c')]
    """
    for option, value in (("top", top), ("min_meetings", min_meetings)):
        if value is not None and value < 1:
            raise NetworkError(f"{option} must be at least 1, got {value}")
    kept: nx.Graph = graph.copy()
    if min_meetings is not None:
        kept.remove_edges_from([(u, v) for u, v, d in graph.edges(data=True)
                                if _weight(d) < min_meetings])
    if top is not None:
        kept = kept.subgraph(_ranked(kept)[:top]).copy()
    kept.remove_nodes_from([n for n in list(kept.nodes) if kept.degree(n) == 0])
    return kept
