"""A small undirected graph and Louvain communities, without networkx.

The who-met-whom page needs a graph with node and edge data, its communities and a layout;
importing networkx for that costs 0.1-0.25 s (more than the rest of the page of a small
build).  :class:`Graph` is the part of :class:`networkx.Graph`'s interface the page uses,
with the same insertion and iteration order, and :func:`louvain_communities` is networkx's
Louvain method (``networkx.community.louvain_communities``, undirected graphs) carried over
step for step: the same random choices from the same seed, the same sums in the same
order, so both give the same communities (``tests/test_smallgraph.py`` checks them
against networkx on many graphs).  The analyses that need more (centrality, paths, file
exports) keep using networkx (:mod:`kg.analytics`, :mod:`kg.network`).

:func:`louvain_communities`, :func:`_one_level`, :func:`_gen_graph` and :func:`modularity`
follow networkx's code (``networkx/algorithms/community/louvain.py`` and ``quality.py``)
closely, so its notice is kept here, as its 3-clause BSD license asks:

    Copyright (c) 2004-2025, NetworkX Developers
    Aric Hagberg <hagberg@lanl.gov>
    Dan Schult <dschult@colgate.edu>
    Pieter Swart <swart@lanl.gov>
    All rights reserved.

    Redistribution and use in source and binary forms, with or without modification, are
    permitted provided that the following conditions are met: redistributions of source
    code must retain the above copyright notice, this list of conditions and the following
    disclaimer; redistributions in binary form must reproduce the above copyright notice,
    this list of conditions and the following disclaimer in the documentation and/or other
    materials provided with the distribution; neither the name of the NetworkX Developers
    nor the names of its contributors may be used to endorse or promote products derived
    from this software without specific prior written permission.

    THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY
    EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF
    MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL
    THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL,
    SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO,
    PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS
    INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT
    LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
    OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any, Protocol

__all__ = ["COMMUNITY_SEED", "Graph", "GraphLike", "communities", "louvain_communities",
           "modularity"]

COMMUNITY_SEED = 42
"""The seed of :func:`communities` (``kg.analytics.SEED``)."""


class _NodeView(Mapping[Hashable, dict[str, Any]]):
    """``graph.nodes``: the nodes in insertion order; ``nodes[n]`` is n's data dict and
    ``nodes(data=True)`` (or ``data="key"``) pairs each node with its data."""

    def __init__(self, data: dict[Hashable, dict[str, Any]]) -> None:
        self._data = data

    def __getitem__(self, node: Hashable) -> dict[str, Any]:
        return self._data[node]

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __call__(self, data: bool | str = False, default: Any = None) -> Iterable[Any]:
        if data is False:
            return list(self._data)
        if data is True:
            return list(self._data.items())
        return [(n, d.get(data, default)) for n, d in self._data.items()]


class GraphLike(Protocol):
    """What the page reads of a graph: :class:`Graph` or a :class:`networkx.Graph`."""

    @property
    def nodes(self) -> Any: ...
    def edges(self, *args: Any, **kwargs: Any) -> Any: ...
    def number_of_nodes(self) -> int: ...


class Graph:
    """An undirected graph with data on nodes and edges, ordered like
    :class:`networkx.Graph`: nodes as first added, each node's neighbours as first joined,
    and :meth:`edges` yielding each edge once, from the end added first.

    >>> g = Graph()
    >>> g.add_edge("a", "b", weight=2)
    >>> g.add_node("c", label="C")
    >>> list(g.nodes), g.edges(data=True), g.nodes["c"]
    (['a', 'b', 'c'], [('a', 'b', {'weight': 2})], {'label': 'C'})
    """

    def __init__(self) -> None:
        self._node: dict[Hashable, dict[str, Any]] = {}
        self._adj: dict[Hashable, dict[Hashable, dict[str, Any]]] = {}

    @property
    def nodes(self) -> _NodeView:
        return _NodeView(self._node)

    def add_node(self, node: Hashable, **attr: Any) -> None:
        if node not in self._node:
            self._adj[node] = {}
            self._node[node] = attr
        else:
            self._node[node].update(attr)

    def add_nodes_from(self, nodes: Iterable[Hashable]) -> None:
        for n in nodes:
            self.add_node(n)

    def add_edge(self, u: Hashable, v: Hashable, **attr: Any) -> None:
        for n in (u, v):
            if n not in self._node:
                self._adj[n] = {}
                self._node[n] = {}
        data = self._adj[u].get(v, {})
        data.update(attr)
        self._adj[u][v] = data
        self._adj[v][u] = data

    def add_weighted_edges_from(self, edges: Iterable[tuple[Hashable, Hashable, Any]],
                                weight: str = "weight") -> None:
        for u, v, w in edges:
            self.add_edge(u, v, **{weight: w})

    def has_edge(self, u: Hashable, v: Hashable) -> bool:
        return u in self._adj and v in self._adj[u]

    def get_edge_data(self, u: Hashable, v: Hashable, default: Any = None) -> Any:
        return self._adj[u][v] if self.has_edge(u, v) else default

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self._node)

    def __len__(self) -> int:
        return len(self._node)

    def __contains__(self, node: object) -> bool:
        return node in self._node

    def __getitem__(self, node: Hashable) -> dict[Hashable, dict[str, Any]]:
        return self._adj[node]

    def number_of_nodes(self) -> int:
        return len(self._node)

    def number_of_edges(self) -> int:
        return len(self.edges())

    def edges(self, nbunch: Iterable[Hashable] | None = None, data: bool | str = False,
              default: Any = None) -> list[Any]:
        """Each edge once: ``(u, v)``, ``(u, v, data)`` or ``(u, v, data[key])``; with
        ``nbunch``, the edges of those nodes (in ``nbunch``'s order)."""
        nodes = self._adj if nbunch is None else [n for n in nbunch if n in self._adj]
        seen: set[Hashable] = set()
        out: list[Any] = []
        for n in nodes:
            for nbr, d in self._adj[n].items():
                if nbr not in seen:
                    out.append((n, nbr) if data is False else (n, nbr, d) if data is True
                               else (n, nbr, d.get(data, default)))
            seen.add(n)
        return out

    def degree(self, weight: str | None = None) -> dict[Hashable, Any]:
        """Each node's degree, or the sum of its edges' ``weight`` (a self-loop twice)."""
        out: dict[Hashable, Any] = {}
        for n, nbrs in self._adj.items():
            if weight is None:
                out[n] = len(nbrs) + (n in nbrs)
            else:
                out[n] = sum(d.get(weight, 1) for d in nbrs.values()) + (
                    n in nbrs and nbrs[n].get(weight, 1))
        return out

    def size(self, weight: str | None = None) -> float:
        total = sum(self.degree(weight).values())
        half: float = total // 2 if weight is None else total / 2
        return half


def modularity(graph: Graph, partition: list[set[Hashable]], weight: str = "weight",
               resolution: float = 1) -> float:
    """The modularity of ``partition`` (networkx's ``modularity``, undirected, summed in
    its order)."""
    degree = graph.degree(weight=weight)
    total = sum(degree.values())
    m = total / 2
    norm = 1 / total ** 2

    def contribution(community: set[Hashable]) -> float:
        comm = set(community)
        inner = sum(wt for u, v, wt in graph.edges(comm, data=weight, default=1) if v in comm)
        degree_sum = sum(degree[u] for u in comm)
        return float(inner / m - resolution * degree_sum * degree_sum * norm)

    return float(sum(map(contribution, partition)))


def louvain_communities(graph: Graph, weight: str = "weight", resolution: float = 1,
                        threshold: float = 0.0000001, seed: int | None = None
                        ) -> list[set[Hashable]]:
    """The communities of the Louvain method's last level, as
    ``networkx.community.louvain_communities(graph, weight, resolution, threshold, seed)``
    finds them (``seed`` seeds :class:`random.Random`, as networkx does).

    >>> g = Graph()
    >>> g.add_weighted_edges_from([("a", "b", 1), ("b", "c", 1), ("a", "c", 1), ("x", "y", 1)])
    >>> sorted(sorted(c) for c in louvain_communities(g, seed=1))
    [['a', 'b', 'c'], ['x', 'y']]
    """
    rng = random.Random(seed)
    partition: list[set[Hashable]] = [{u} for u in graph.nodes]
    if not graph.edges():
        return partition
    mod = modularity(graph, partition, resolution=resolution, weight=weight)
    work = Graph()
    work.add_nodes_from(graph)
    work.add_weighted_edges_from(graph.edges(data=weight, default=1))
    m = work.size(weight="weight")
    groups: dict[Hashable, set[Hashable]] = {}
    partition, inner, _ = _one_level(work, groups, m, partition, resolution, rng)
    improvement = True  # networkx keeps the first level whether or not a node moved
    while improvement:
        last = [s.copy() for s in partition]
        new_mod = modularity(work, inner, resolution=resolution, weight="weight")
        if new_mod - mod <= threshold:
            return last
        mod = new_mod
        work, groups = _gen_graph(work, groups, inner)
        partition, inner, improvement = _one_level(work, groups, m, partition, resolution,
                                                   rng)
    return last


def _one_level(graph: Graph, groups: dict[Hashable, set[Hashable]], m: float,
               partition: list[set[Hashable]], resolution: float, rng: random.Random
               ) -> tuple[list[set[Hashable]], list[set[Hashable]], bool]:
    """One pass of moving nodes to the neighbouring community that gains most (networkx's
    ``_one_level``); ``groups`` holds each aggregated node's original nodes."""
    node2com = {u: i for i, u in enumerate(graph.nodes)}
    inner: list[set[Hashable]] = [{u} for u in graph.nodes]
    degrees = graph.degree(weight="weight")
    stot = list(degrees.values())
    nbrs = {u: {v: data["weight"] for v, data in graph[u].items() if v != u} for u in graph}
    order = list(graph.nodes)
    rng.shuffle(order)
    moves = 1
    improvement = False
    while moves > 0:
        moves = 0
        for u in order:
            best_mod = 0.0
            best_com = node2com[u]
            weights2com: defaultdict[int, float] = defaultdict(float)
            for nbr, wt in nbrs[u].items():
                weights2com[node2com[nbr]] += wt
            degree = degrees[u]
            stot[best_com] -= degree
            remove_cost = -weights2com[best_com] / m + resolution * (
                stot[best_com] * degree) / (2 * m ** 2)
            for nbr_com, wt in weights2com.items():
                gain = remove_cost + wt / m - resolution * (stot[nbr_com] * degree) / (2 * m ** 2)
                if gain > best_mod:
                    best_mod = gain
                    best_com = nbr_com
            stot[best_com] += degree
            if best_com != node2com[u]:
                com = groups.get(u, {u})
                partition[node2com[u]].difference_update(com)
                inner[node2com[u]].remove(u)
                partition[best_com].update(com)
                inner[best_com].add(u)
                improvement = True
                moves += 1
                node2com[u] = best_com
    return list(filter(len, partition)), list(filter(len, inner)), improvement


def _gen_graph(graph: Graph, groups: dict[Hashable, set[Hashable]],
               partition: list[set[Hashable]]
               ) -> tuple[Graph, dict[Hashable, set[Hashable]]]:
    """The graph of communities (networkx's ``_gen_graph``): node ``i`` is community ``i``,
    edges sum the weights between (and, as self-loops, within) communities."""
    out = Graph()
    node2com: dict[Hashable, int] = {}
    members: dict[Hashable, set[Hashable]] = {}
    for i, part in enumerate(partition):
        nodes: set[Hashable] = set()
        for node in part:
            node2com[node] = i
            nodes.update(groups.get(node, {node}))
        out.add_node(i)
        members[i] = nodes
    for node1, node2, data in graph.edges(data=True):
        com1, com2 = node2com[node1], node2com[node2]
        before = out.get_edge_data(com1, com2, {"weight": 0})["weight"]
        out.add_edge(com1, com2, weight=data["weight"] + before)
    return out, members


def communities(graph: GraphLike) -> list[frozenset[Hashable]]:
    """Groups of actors that meet among themselves more than with others (Louvain on the
    meeting counts, seed :data:`COMMUNITY_SEED`); largest first, then by smallest label.

    Every node is in exactly one group (an isolated node is a group of its own).  The graph
    is a :class:`Graph` or a networkx graph; the result does not depend on the order its
    nodes were added in (Louvain runs on a copy with nodes and edges in sorted order).

    >>> g = Graph()
    >>> g.add_weighted_edges_from([("a", "b", 1), ("b", "c", 1), ("a", "c", 1), ("x", "y", 1)])
    >>> [sorted(c) for c in communities(g)]
    [['a', 'b', 'c'], ['x', 'y']]
    """
    if graph.number_of_nodes() == 0:
        return []
    canon = Graph()
    canon.add_nodes_from(sorted(graph.nodes))
    canon.add_weighted_edges_from(sorted((*sorted((u, v)), int(d.get("weight", 1)))
                                         for u, v, d in graph.edges(data=True)))
    found = louvain_communities(canon, weight="weight", seed=COMMUNITY_SEED)

    def label(node: Hashable) -> str:
        return str(graph.nodes[node].get("label") or node)

    return sorted((frozenset(c) for c in found),
                  key=lambda c: (-len(c), min((label(n), str(n)) for n in c)))
