"""The Python API that notebooks, scripts and the CLI use.

>>> import kg
>>> graph = kg.build(["seeds/"])                          # doctest: +SKIP
>>> graph.query("SELECT ?p WHERE { ?p dip:metWith ?q }")  # doctest: +SKIP
>>> graph.who_met_whom()                                  # doctest: +SKIP
>>> graph.to_html("out/graph.html")                       # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.query import Result
from spacy.language import Language

from kg.engine import ArticleResult, run
from kg.model import KGError
from kg.network import who_met_whom
from kg.query import Table, run_query, to_table
from kg.read import DEFAULT_MAX_CHARS, InputProblem
from kg.viz import write_html
from kg.vocab import DIP, DIPR, bind_prefixes

__all__ = ["BuildError", "KnowledgeGraph", "Summary", "build", "load"]

FORMATS = {"ttl": "turtle", "turtle": "turtle", "nt": "nt", "ntriples": "nt",
           "xml": "xml", "rdfxml": "xml", "jsonld": "json-ld", "json-ld": "json-ld",
           "n3": "n3", "nq": "nquads", "nquads": "nquads", "trig": "trig"}


class BuildError(KGError):
    """Nothing could be built: every input was missing or unreadable."""


@dataclass(frozen=True)
class Summary:
    documents: int
    entities: int
    meetings: int
    triples: int
    problems: int

    def __str__(self) -> str:
        return (f"{self.documents} documents, {self.entities} entities, "
                f"{self.meetings} meetings, {self.triples} triples"
                + (f", {self.problems} inputs skipped" if self.problems else ""))


@dataclass
class KnowledgeGraph:
    """The diplomacy graph: one named graph per article in an rdflib Dataset."""

    dataset: Dataset = field(default_factory=lambda: Dataset(default_union=True))
    problems: list[InputProblem] = field(default_factory=list)

    def __post_init__(self) -> None:
        bind_prefixes(self.dataset)

    def add(self, result: ArticleResult) -> None:
        """Add (or replace) one article's named graph."""
        ctx = self.dataset.graph(result.graph.identifier)
        ctx.remove((None, None, None))
        for triple in result.graph:
            ctx.add(triple)

    @property
    def graph(self) -> Graph:
        """All articles' triples merged into one graph (what Turtle holds)."""
        g = Graph()
        bind_prefixes(g)
        for s, p, o, _ in self.dataset.quads((None, None, None, None)):
            g.add((s, p, o))
        return g

    def __len__(self) -> int:
        return len(set(self.dataset.triples((None, None, None))))

    def query(self, sparql: str, **bindings: object) -> Result:
        """Run SPARQL over the whole graph; ``bindings`` become bound variables."""
        return run_query(self.dataset, sparql, bindings)

    def table(self, sparql: str, **bindings: object) -> Table:
        """Like :meth:`query`, returning plain rows."""
        return to_table(self.query(sparql, **bindings))

    def who_met_whom(self) -> nx.Graph:
        return who_met_whom(self.graph)

    def serialize(self, format: str = "turtle", destination: str | Path | None = None) -> str:
        """The graph as text in ``format`` (ttl, nt, xml, jsonld, n3; nq/trig keep the
        named graphs); written to ``destination`` too when given."""
        fmt = FORMATS.get(format.lower())
        if fmt is None:
            raise KGError(f"unknown format {format!r}; choose one of {', '.join(sorted(FORMATS))}")
        source: Graph = self.dataset if fmt in {"nquads", "trig"} else self.graph
        text = source.serialize(format=fmt)
        if destination is not None:
            Path(destination).parent.mkdir(parents=True, exist_ok=True)
            Path(destination).write_text(text, encoding="utf-8")
        return text

    def to_html(self, path: str | Path, *, title: str = "Who met whom") -> Path:
        """Write the self-contained who-met-whom page (opens offline)."""
        return write_html(self.who_met_whom(), path, title=title)

    def summary(self) -> Summary:
        g = self.graph
        ents = {s for t in (DIP.Person, DIP.Organization, DIP.Country, DIP.Place)
                for s in g.subjects(predicate=URIRef(str(_RDF_TYPE)), object=t)}
        return Summary(
            documents=len(set(g.subjects(URIRef(str(_RDF_TYPE)), DIP.Document))),
            entities=len(ents),
            meetings=len(set(g.subjects(URIRef(str(_RDF_TYPE)), DIP.Meeting))),
            triples=len(g),
            problems=len(self.problems),
        )


_RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def build(paths: Iterable[str | Path] | str | Path, *, model: str | None = None,
          nlp: Language | None = None, base: str | None = None,
          max_chars: int = DEFAULT_MAX_CHARS, on_problem: object = None) -> KnowledgeGraph:
    """Build the graph of the articles in ``paths`` (files or folders of .txt/.md).

    Unreadable inputs are collected in ``.problems`` (and passed to ``on_problem`` when it
    is callable); the rest are built.  Raises :class:`BuildError` when nothing was readable.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    kg = KnowledgeGraph()

    def problem(p: InputProblem) -> None:
        kg.problems.append(p)
        if callable(on_problem):
            on_problem(p)

    ns = Namespace(base) if base else DIPR
    count = 0
    for result in run(paths, nlp=nlp, model=model, base=ns, max_chars=max_chars,
                      on_problem=problem):
        kg.add(result)
        count += 1
    if count == 0:
        raise BuildError("no article could be read" + (
            f" ({len(kg.problems)} input{'s' if len(kg.problems) != 1 else ''} skipped)"
            if kg.problems else ""))
    return kg


def load(path: str | Path, format: str | None = None) -> KnowledgeGraph:
    """Load a graph file written by ``kg build`` (Turtle, N-Triples, N-Quads, TriG, ...)."""
    p = Path(path)
    if not p.exists():
        raise KGError(f"{path}: no such file")
    fmt = FORMATS.get((format or p.suffix.lstrip(".")).lower(), "turtle")
    kg = KnowledgeGraph()
    try:
        if fmt in {"nquads", "trig"}:
            kg.dataset.parse(p, format=fmt)
        else:
            kg.dataset.default_graph.parse(p, format=fmt)
    except Exception as exc:
        msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise KGError(f"{path}: cannot parse as {fmt}: {msg}") from exc
    return kg
