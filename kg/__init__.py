"""diplomacy-kg: news articles -> a knowledge graph of diplomacy.

>>> import kg
>>> graph = kg.build(["seeds/"])             # doctest: +SKIP
>>> graph.who_met_whom().number_of_edges()   # doctest: +SKIP

``import kg`` is cheap: the API (and with it rdflib, networkx and, for a build, spaCy) is
imported on first use of one of its names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.model import KGError

if TYPE_CHECKING:
    from kg.api import BuildError, KnowledgeGraph, Summary, build, load

__all__ = ["BuildError", "KGError", "KnowledgeGraph", "Summary", "build", "load"]
__version__ = "0.1.0"

_LAZY = frozenset({"BuildError", "KnowledgeGraph", "Summary", "build", "load"})


def __getattr__(name: str) -> Any:
    """``kg.build``, ``kg.load``...: imported from :mod:`kg.api` when first asked for."""
    if name in _LAZY:
        from kg import api

        value = getattr(api, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
