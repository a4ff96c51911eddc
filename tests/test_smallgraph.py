"""kg.smallgraph against networkx: the same graph order, the same Louvain communities and
modularity, and the same page from either graph."""

from __future__ import annotations

import random
from collections.abc import Hashable

import networkx as nx
import pytest

from kg.analytics import communities
from kg.layout import layout
from kg.smallgraph import Graph, louvain_communities, modularity
from kg.smallgraph import communities as small_communities


def _random_pair(trial: int) -> tuple[nx.Graph, Graph]:
    """The same random weighted graph built into both kinds, in the same order: repeated
    names, isolated nodes, a few self-loops, edges added twice."""
    r = random.Random(trial)
    names = [f"n{r.randint(0, 150)}" for _ in range(r.randint(1, 70))]
    p = r.random() * 0.3
    big, small = nx.Graph(), Graph()
    for n in names:
        big.add_node(n)
        small.add_node(n)
    for i, u in enumerate(names):
        for v in names[i if r.random() < 0.05 else i + 1:]:
            if r.random() < p:
                w = r.randint(1, 6)
                big.add_edge(u, v, weight=w)
                small.add_edge(u, v, weight=w)
    return big, small


@pytest.mark.parametrize("trial", range(300))
def test_smallgraph_louvain_is_networkx(trial: int) -> None:
    big, small = _random_pair(trial)
    assert list(small.nodes) == list(big.nodes)
    assert small.edges(data=True) == list(big.edges(data=True))
    assert small.degree("weight") == dict(big.degree(weight="weight"))
    seed = trial % 50
    expected = nx.community.louvain_communities(big, weight="weight", seed=seed)
    assert louvain_communities(small, weight="weight", seed=seed) == expected
    assert small_communities(small) == small_communities(big)
    if big.number_of_edges():
        assert modularity(small, expected) == nx.community.modularity(big, expected)


def _old_communities(graph: nx.Graph) -> list[frozenset[Hashable]]:
    """kg.analytics.communities as it was: networkx's Louvain on a sorted copy."""
    canon = nx.Graph()
    canon.add_nodes_from(sorted(graph.nodes))
    canon.add_weighted_edges_from(sorted((*sorted((u, v)), int(d.get("weight", 1)))
                                         for u, v, d in graph.edges(data=True)))
    found = nx.community.louvain_communities(canon, weight="weight", seed=42)
    return sorted((frozenset(c) for c in found),
                  key=lambda c: (-len(c), min((str(graph.nodes[n].get("label") or n), n)
                                             for n in c)))


@pytest.mark.parametrize("trial", range(300, 340))
def test_smallgraph_communities_as_analytics_gave_them(trial: int) -> None:
    big, small = _random_pair(trial)
    for n in big.nodes:
        big.nodes[n]["label"] = small.nodes[n]["label"] = f"L{hash(n) % 7}"
    assert communities(big) == _old_communities(big)
    assert small_communities(small) == _old_communities(big)


def test_smallgraph_layout_is_the_same_for_either_graph() -> None:
    big, small = _random_pair(7)
    assert big.number_of_edges() > 20
    assert layout(small) == layout(big)


def test_smallgraph_views() -> None:
    g = Graph()
    g.add_node("a", label="A")
    g.add_edge("a", "b", weight=2)
    g.add_edge("b", "a", meetings=[])
    g.add_node("a", type="Person")
    assert g.nodes["a"] == {"label": "A", "type": "Person"}
    assert g.nodes(data="label") == [("a", "A"), ("b", None)]
    assert g.edges(data=True) == [("a", "b", {"weight": 2, "meetings": []})]
    assert g.edges(["b"]) == [("b", "a")]
    assert g.number_of_nodes() == len(g) == 2 and g.number_of_edges() == 1
    assert "a" in g and "c" not in g and g.has_edge("b", "a")
    assert g.get_edge_data("a", "c", "none") == "none"
    assert g.size() == 1 and g.size("weight") == 2.0
    assert louvain_communities(Graph()) == []
    lonely = Graph()
    lonely.add_node("x")
    assert louvain_communities(lonely) == [{"x"}] and small_communities(lonely) == [{"x"}]
