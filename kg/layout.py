"""Where each actor of the who-met-whom page sits: a layout computed once, in Python.

The page opens still because the positions travel with it.  Actors are first grouped by
their Louvain community (:func:`kg.smallgraph.communities`); each group is laid out by a
force-directed (Fruchterman-Reingold) pass of its own, sized to its number of actors, and
the groups are then placed by the same pass over the graph of groups (two groups attract
as much as their actors met) and pushed apart until no two overlap.  Everything is seeded
(:data:`SEED`), so the same graph always gives the same picture.  numpy alone does the
arithmetic, in blocks of rows, so 5,000 actors lay out in seconds without scipy.  The
graph is a :class:`kg.smallgraph.Graph` or a networkx graph (neither is imported here).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np

from kg.smallgraph import GraphLike, communities

__all__ = ["SEED", "SPACING", "layout"]

SEED = 7
"""The seed of every random start, so a graph always gets the same layout."""

SPACING = 80.0
"""About how far apart (in page units) two actors of a group end up."""

_BLOCK = 1024
_SEPARATE_UP_TO = 1500


def _spring(count: int, edges: Sequence[tuple[int, int, float]], *, iterations: int,
            init: np.ndarray | None = None, seed: int = SEED) -> np.ndarray:
    """Fruchterman-Reingold on ``count`` points in the unit square; returns (count, 2)."""
    rng = np.random.default_rng(seed)
    pos = (init.astype(np.float64) if init is not None
           else rng.random((count, 2)) * 2.0 - 1.0)
    if count < 2:
        return np.zeros((count, 2))
    k = 1.0 / np.sqrt(count)
    heads = np.array([e[0] for e in edges], dtype=np.int64)
    tails = np.array([e[1] for e in edges], dtype=np.int64)
    weights = np.array([e[2] for e in edges], dtype=np.float64)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        disp = np.zeros_like(pos)
        for start in range(0, count, _BLOCK):  # repulsion, a block of rows at a time
            delta = pos[start:start + _BLOCK, None, :] - pos[None, :, :]
            dist2 = np.maximum((delta ** 2).sum(axis=2), 1e-6)
            disp[start:start + _BLOCK] = (delta * (k * k / dist2)[:, :, None]).sum(axis=1)
        if len(edges):
            delta = pos[heads] - pos[tails]
            dist = np.sqrt(np.maximum((delta ** 2).sum(axis=1), 1e-9))
            pull = delta * (dist * weights / k)[:, None]
            np.add.at(disp, heads, -pull)
            np.add.at(disp, tails, pull)
        length = np.sqrt(np.maximum((disp ** 2).sum(axis=1), 1e-9))
        pos += disp / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature -= cooling
    centred: np.ndarray = pos - pos.mean(axis=0)
    return centred


def _fit(pos: np.ndarray, radius: float) -> np.ndarray:
    """``pos`` centred and scaled so that its farthest point is ``radius`` away."""
    if len(pos) == 0:
        return pos
    centred: np.ndarray = pos - pos.mean(axis=0)
    far = float(np.sqrt((centred ** 2).sum(axis=1)).max())
    scaled: np.ndarray = centred * (radius / far) if far > 0 else centred
    return scaled


def _separate(centres: np.ndarray, radii: np.ndarray, gap: float, rounds: int = 200) -> None:
    """Push circles apart (in place) until none overlaps another by more than a little."""
    for _ in range(rounds):
        delta = centres[:, None, :] - centres[None, :, :]
        dist = np.sqrt(np.maximum((delta ** 2).sum(axis=2), 1e-9))
        need = radii[:, None] + radii[None, :] + gap
        overlap = np.triu(np.maximum(need - dist, 0.0), 1)
        if overlap.max(initial=0.0) < gap * 0.05:
            return
        push = (delta / dist[:, :, None]) * (overlap / 2.0)[:, :, None]
        centres += push.sum(axis=1) - push.sum(axis=0)


def layout(graph: GraphLike, groups: Sequence[frozenset[Hashable]] | None = None
           ) -> dict[Hashable, tuple[float, float]]:
    """Positions (page units, y downwards) for every node of ``graph``.

    ``groups`` are its communities (computed when not given).  Edge ``weight`` pulls.

    Examples
    --------
    >>> from kg.smallgraph import Graph
    >>> g = Graph()
    >>> for u, v in [("a", "b"), ("b", "c"), ("x", "y")]:
    ...     g.add_edge(u, v)
    >>> pos = layout(g)
    >>> sorted(pos) == ["a", "b", "c", "x", "y"] and pos == layout(g)
    True
    """
    nodes = list(graph.nodes)
    if not nodes:
        return {}
    groups = list(groups) if groups is not None else communities(graph)
    group_of = {n: i for i, group in enumerate(groups) for n in group}
    edges = list(graph.edges(data=True))
    within: list[list[tuple[Hashable, Hashable, float]]] = [[] for _ in groups]
    for u, v, d in edges:  # each group's edges in the graph's order (not a set's)
        if group_of[u] == group_of[v]:
            within[group_of[u]].append((u, v, float(d.get("weight", 1) or 1) ** 0.5))
    local: list[np.ndarray] = []
    members: list[list[Hashable]] = []
    for group, group_edges in zip(groups, within, strict=True):
        names = sorted(group, key=str)
        index = {n: i for i, n in enumerate(names)}
        inner = [(index[u], index[v], w) for u, v, w in group_edges]
        steps = 80 if len(names) <= 1000 else 40
        pos = _fit(_spring(len(names), inner, iterations=steps),
                   SPACING * 0.55 * np.sqrt(len(names)))
        if 1 < len(names) <= _SEPARATE_UP_TO:  # no two actors closer than about SPACING
            _separate(pos, np.full(len(names), SPACING * 0.4), gap=SPACING * 0.1, rounds=50)
        local.append(pos)
        members.append(names)
    radii = np.array([max(float(np.sqrt((p ** 2).sum(axis=1)).max(initial=0.0)), SPACING / 2)
                      for p in local])
    links: dict[tuple[int, int], float] = {}
    for u, v, d in edges:
        a, b = sorted((group_of[u], group_of[v]))
        if a != b:
            links[a, b] = links.get((a, b), 0.0) + float(d.get("weight", 1) or 1)
    count = len(groups)
    # A spiral start, largest group in the middle, so unlinked groups gather round it.
    turn = np.arange(count) * 2.399963
    start = np.stack([np.cos(turn), np.sin(turn)], axis=1) * np.sqrt(np.arange(count) + 0.5)[
        :, None] / np.sqrt(count)
    centres = _spring(count, [(a, b, w ** 0.5) for (a, b), w in sorted(links.items())],
                      iterations=60, init=start)
    centres = _fit(centres, 1.2 * float(np.sqrt((radii ** 2).sum())) + SPACING)
    _separate(centres, radii, gap=SPACING * 0.6)
    for _ in range(12):  # then pull them in and push apart again: compact, same arrangement
        centres *= 0.8
        _separate(centres, radii, gap=SPACING * 0.6, rounds=60)
    placed: dict[Hashable, tuple[float, float]] = {}
    for names, pos, centre in zip(members, local, centres, strict=True):
        for n, (x, y) in zip(names, pos + centre, strict=True):
            placed[n] = (float(round(float(x))), float(round(float(y))))
    return placed
