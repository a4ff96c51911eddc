"""diplomacy-kg: news articles -> a knowledge graph of diplomacy.

>>> import kg
>>> graph = kg.build(["seeds/"])             # doctest: +SKIP
>>> graph.who_met_whom().number_of_edges()   # doctest: +SKIP
"""

from kg.api import BuildError, KnowledgeGraph, Summary, build, load
from kg.model import KGError

__all__ = ["BuildError", "KGError", "KnowledgeGraph", "Summary", "build", "load"]
__version__ = "0.1.0"
