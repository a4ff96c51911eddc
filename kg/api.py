"""The Python API that notebooks, scripts and the CLI use.

>>> import kg
>>> graph = kg.build(["seeds/"])                          # doctest: +SKIP
>>> graph.table("SELECT ?p WHERE { ?p dip:metWith ?q }")  # doctest: +SKIP
>>> graph.who_met_whom()                                  # doctest: +SKIP
>>> graph.to_html("out/graph.html")                       # doctest: +SKIP
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.model import Article, KGError
from kg.query import QueryError, Table, canned_queries, oxigraph_table, run_query, to_table
from kg.read import DEFAULT_MAX_CHARS, InputProblem
from kg.store import (
    PREFIXES,
    GraphStore,
    Store,
    StoreError,
    WriteBehind,
    atomic_file,
    export_format,
)

if TYPE_CHECKING:  # loaded on first use: reading a store imports neither spaCy, networkx
    import networkx as nx  # nor rdflib (kg query answers straight from Oxigraph)
    from rdflib import Dataset, Graph, URIRef
    from rdflib.query import Result
    from spacy.language import Language

    from kg.actors import ActorRow
    from kg.aliases import Aliases
    from kg.engine import ArticleResult
    from kg.validate import Report

__all__ = ["BuildError", "KnowledgeGraph", "Summary", "build", "load", "open_store"]


class BuildError(KGError):
    """Nothing could be built: every input was missing or unreadable."""


@dataclass(frozen=True)
class Summary:
    documents: int
    entities: int
    meetings: int
    triples: int
    problems: int = 0
    added: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        text = (f"{self.documents} documents, {self.entities} entities, "
                f"{self.meetings} meetings, {self.triples} triples")
        if self.unchanged:
            text += f" ({self.added} added, {self.unchanged} unchanged)"
        if self.problems:
            text += f", {self.problems} inputs skipped"
        return text


_COUNTS = """
SELECT
  (COUNT(DISTINCT ?doc) AS ?documents) (COUNT(DISTINCT ?ent) AS ?entities)
  (COUNT(DISTINCT ?meeting) AS ?meetings)
WHERE {
  { ?doc a dip:Document } UNION
  { VALUES ?t { dip:Person dip:Organization dip:Country dip:Place } ?ent a ?t } UNION
  { ?meeting a dip:Meeting }
}"""


class KnowledgeGraph:
    """The diplomacy graph: one named graph per article in an Oxigraph :class:`Store`.

    ``query``/``table`` run SPARQL (answered by Oxigraph), ``graph`` is an rdflib copy of
    every triple, ``dataset`` an rdflib view of the store itself.
    """

    def __init__(self, store: GraphStore | None = None) -> None:
        self.store = store if store is not None else Store()
        self.problems: list[InputProblem] = []
        self.validation: Report | None = None
        self.added = 0
        self.unchanged = 0

    def close(self) -> None:
        """Release the store (on disk: its lock); the object is unusable afterwards."""
        self.__dict__.pop("dataset", None)
        self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, result: ArticleResult) -> None:
        """Add (or replace) one article's named graph."""
        self.store.put_graph(result.triples)
        self.__dict__.pop("dataset", None)

    @cached_property
    def dataset(self) -> Dataset:
        return self.store.dataset()

    @property
    def graph(self) -> Graph:
        """All articles' triples merged into one rdflib graph (what Turtle holds)."""
        from rdflib import Graph

        from kg.vocab import bind_prefixes

        g = Graph()
        bind_prefixes(g)
        g.parse(data=self.store.serialize("nt"), format="nt")
        return g

    def __len__(self) -> int:
        return self.store.triple_count()

    def query(self, sparql: str, **bindings: object) -> Result:
        """Run SPARQL over the whole graph; ``bindings`` become bound variables."""
        return run_query(self.dataset, sparql, bindings)

    def table(self, sparql: str, **bindings: object) -> Table:
        """Like :meth:`query`, returning plain rows (from a local store straight from
        Oxigraph, without going through rdflib)."""
        if isinstance(self.store, Store):
            return oxigraph_table(self.store.ox, sparql, bindings)
        return to_table(self.query(sparql, **bindings))

    def who_met_whom(self, aliases: Aliases | None = None,
                     statuses: Iterable[str] = ("asserted",)) -> nx.Graph:
        """The who-met-whom graph (see :func:`kg.network.who_met_whom`) of the meetings
        with one of ``statuses``, seen through ``aliases`` when given
        (:func:`kg.network.curate`; the store is unchanged)."""
        from kg.network import curate, who_met_whom

        g = who_met_whom(self._meeting_source(), statuses)
        return curate(g, aliases) if aliases else g

    def _meeting_source(self) -> ox.Store | Dataset:
        # a local store answers straight from Oxigraph, without rdflib's SPARQL engine
        return self.store.ox if isinstance(self.store, Store) else self.dataset

    def actors(self, *, search: str | None = None, type: str | None = None,
               top: int | None = None, aliases: Aliases | None = None) -> list[ActorRow]:
        """The actors with their names, meetings and articles (:func:`kg.actors.list_actors`)."""
        from kg.actors import list_actors

        return list_actors(self.dataset, search=search, type=type, top=top, aliases=aliases)

    def actor(self, name: str, aliases: Aliases | None = None) -> URIRef:
        """The IRI of the one actor called ``name``: its label wins, else an alternative name.

        Raises :class:`~kg.query.QueryError` when no actor, or several, are so called (the
        message lists them); with ``aliases`` a merged name gives its canonical actor.
        """
        from kg.actors import resolve

        found = resolve(self.dataset, name, aliases=aliases)
        if len(found) > 1 and aliases:  # a merge group: the canonical name's own actor
            try:
                own = resolve(self.dataset, aliases.label(name))
            except QueryError:
                own = ()
            found = tuple(i for i in own if i in found) or found
        return found[0]

    def ask(self, question: str, values: Sequence[str] = (),
            aliases: Aliases | None = None) -> Table:
        """Answer a canned question (:func:`kg.query.canned_queries`) for ``values``.

        A question about an actor or place first resolves the name to IRIs
        (:func:`kg.actors.resolve`, through ``aliases`` when given) and runs bound to them,
        so an ambiguous or unknown name is a :class:`~kg.query.QueryError` listing the
        candidates or close matches.
        """
        canned = canned_queries()
        if question not in canned:
            raise QueryError(f"no canned question {question!r}: use {', '.join(canned)}")
        q = canned[question]
        bindings = q.bindings(list(values))
        sparql = q.sparql
        if q.entity is not None:
            from kg.actors import resolve_iris

            iris = resolve_iris(self, str(bindings[q.params[0]]), aliases=aliases,
                                place=q.entity == "place")
            sparql = q.bound_to(iris)
        return self.table(sparql, **bindings)

    def serialize(self, format: str = "turtle", destination: str | Path | None = None) -> str:
        """The graph as text in ``format`` (ttl, nt, xml, n3; nq, trig and jsonld keep one
        named graph per article); written to ``destination`` too when given."""
        data = self.store.serialize(format)
        if destination is not None:
            Path(destination).parent.mkdir(parents=True, exist_ok=True)
            Path(destination).write_bytes(data)
        return data.decode("utf-8")

    def write(self, path: str | Path, format: str = "turtle") -> Path:
        """Write the graph in ``format`` to ``path``, streaming: fit for stores of any size.

        From a local store a one-graph format (Turtle, N-Triples, RDF/XML, N3) is written
        by Oxigraph itself from the merged graph, without a Python loop over the triples
        (the same bytes :meth:`Store.write` gives, in two thirds of the time)."""
        fmt = export_format(format)
        # RDF/XML goes through Store.write, which replaces characters XML 1.0 cannot hold
        if isinstance(self.store, Store) and not fmt.supports_datasets and \
                fmt != ox.RdfFormat.RDF_XML:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            prefixes = PREFIXES if fmt in {ox.RdfFormat.TURTLE, ox.RdfFormat.N3} else None
            with atomic_file(path) as tmp:  # a failed write leaves yesterday's file whole
                self.store.ox.dump(str(tmp), fmt, from_graph=ox.DefaultGraph(),
                                   prefixes=prefixes)
            return Path(path)
        self.store.write(path, format)
        return Path(path)

    def to_html(self, path: str | Path, *, title: str = "Who met whom",
                shown: int | None = None) -> Path:
        """Write the self-contained who-met-whom page (opens offline) of the asserted and
        planned meetings; it opens on the ``shown`` most connected actors (default
        :data:`kg.viz.SHOWN`)."""
        from kg.meetinggraph import who_met_whom
        from kg.smallgraph import Graph
        from kg.viz import SHOWN, STATUSES, write_html

        # the same graph as :meth:`who_met_whom`, in a graph of our own: no networkx to import
        graph = who_met_whom(self._meeting_source(), STATUSES, Graph())
        with atomic_file(path) as tmp:  # a failed write leaves the previous page whole
            write_html(graph, tmp, title=title, shown=SHOWN if shown is None else shown)
        return Path(path)

    def summary(self) -> Summary:
        row = self.table(_COUNTS).rows[0]
        return Summary(documents=int(str(row[0])), entities=int(str(row[1])),
                       meetings=int(str(row[2])), triples=len(self),
                       problems=sum(not p.kept for p in self.problems), added=self.added,
                       unchanged=self.unchanged)


def open_store(spec: str | Path | GraphStore | None) -> GraphStore:
    """A store from what a user gives: None (in memory), a folder, a URL, or a store."""
    if spec is None or isinstance(spec, (str, Path)):
        text = str(spec) if spec is not None else ""
        scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", text)
        if scheme and scheme[1].lower() in ("http", "https"):
            from kg.remote import RemoteStore

            return RemoteStore(scheme[1].lower() + text[len(scheme[1]):])
        if scheme:  # never a folder named like a URL
            raise StoreError(f"{text}: a store is a folder or an http(s):// URL of a SPARQL "
                             f"server; {scheme[1]}:// is not supported")
        return Store(spec)
    return spec


def build(paths: Iterable[str | Path] | str | Path, *, model: str | None = None,
          nlp: Language | None = None, base: str | None = None,
          max_chars: int = DEFAULT_MAX_CHARS, store: str | Path | GraphStore | None = None,
          on_problem: Callable[[InputProblem], None] | None = None,
          progress: Callable[[str], None] | None = None, jobs: int = 1,
          batch_size: int = 32, engine: str = "local", scheduler: str | None = None,
          validate: bool = False, aliases: Aliases | str | Path | None = None
          ) -> KnowledgeGraph:
    """Build the graph of the articles in ``paths``: files or folders of .txt, .md, .html
    and .jsonl articles.

    With ``store`` (a folder, or a :class:`Store`) the graph is kept in Oxigraph on disk and
    each build adds to it: an article already stored with the same text is not parsed again,
    a changed one replaces its own named graph.  Unreadable inputs are collected in
    ``.problems`` (and passed to ``on_problem``); the rest are built.  Raises
    :class:`BuildError` when nothing could be read.

    ``progress`` is called once per input with "added", "unchanged" or "skipped".
    ``validate`` checks the store against the SHACL shapes once the new articles are
    written (the whole store, streamed: :func:`kg.validate.validate_store`, so the report
    is the one ``kg validate`` gives); the report is ``.validation``, None when nothing was
    added (the store is as it was).
    ``jobs`` parses in that many processes; ``engine="dask"`` runs parsing and extraction on
    a Dask cluster (``scheduler`` address, or a local cluster of ``jobs`` workers).
    ``aliases`` (an :class:`~kg.aliases.Aliases` or the path of an aliases file) forces
    merges, splits and types of actors (:mod:`kg.identity`); stored articles that mention a
    name the file speaks of are built again, so the rules reach them too.
    """
    opening = _Opening(store)  # a new store on disk is mostly the disk's time: 0.1 s
    from rdflib import Namespace  # ... in which the build's own modules are imported

    from kg.aliases import Aliases, AliasRules, load_aliases
    from kg.engine import run
    from kg.rdf import document_iri
    from kg.vocab import DIPR

    if isinstance(paths, (str, Path)):
        paths = [paths]
    target = opening.result()
    graph = KnowledgeGraph(target)
    ns = Namespace(base) if base else DIPR

    def tick(event: str) -> None:
        if progress is not None:
            progress(event)

    def problem(p: InputProblem) -> None:
        graph.problems.append(p)
        if on_problem is not None:
            on_problem(p)
        if not p.kept:
            tick("skipped")

    seen: dict[str, str] = {}
    sources: set[str] = set()
    rules = None
    if aliases is not None:
        rules = AliasRules(aliases if isinstance(aliases, Aliases) else load_aliases(aliases))
    stored = bool(target.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"))  # len() counts all
    again = mentioning(target, rules.names) if rules is not None and stored else set()

    def unchanged(article: Article) -> bool:
        if article.source in sources:  # a path given twice, or a file named "a.jsonl#1"
            problem(InputProblem(article.source, "a second article with this name in this "
                                                 "build; the first one is kept"))
            return True
        sources.add(article.source)
        first = seen.setdefault(article.sha256, article.source)
        if first != article.source:  # the same text twice in one build ("a.txt", a.jsonl)
            problem(InputProblem(article.source, f"same text as {first}, built once"))
            return True
        iri = document_iri(article.source, ns)
        stored = target.stored_sha256(iri)
        if stored != article.sha256 and len(target):
            other = stored_as(target, article.sha256, iri)
            if other is not None:  # a later build gives a stored text a new name
                problem(InputProblem(article.source, f"same text as {other}, already in the "
                                                     "store; not built again"))
                return True
        same = stored == article.sha256 and str(iri) not in again
        graph.unchanged += same
        if same:
            tick("unchanged")
        return same

    writer = WriteBehind(target)  # the store writes on another core while we parse
    results = run(paths, nlp=nlp, model=model, base=ns, max_chars=max_chars,
                  on_problem=problem, skip=unchanged,
                  known_labels=target.entity_labels(str(ns)) if stored else None,
                  aliases=rules, jobs=jobs, batch_size=batch_size, engine=engine,
                  scheduler=scheduler, on_parsed=lambda article: tick("added"), store=target)
    try:
        for result in results:
            writer.put(result.triples)
            graph.added += 1
    except BaseException:
        results.close()  # stops parse workers and Dask now, not when the error is collected
        raise
    finally:
        writer.close()  # every article parsed so far is written, even after an error
    if isinstance(target, Store):  # the disk is waited for while the build goes on
        target.flush(wait=False)
    else:
        target.flush()
    if validate and graph.added:  # the whole store, as `kg validate` sees it: one report
        from kg.validate import validate_store

        graph.validation = validate_store(target)
    if graph.added + graph.unchanged == 0:
        raise BuildError("no article could be read" + (
            f" ({len(graph.problems)} input{'s' if len(graph.problems) != 1 else ''} skipped)"
            if graph.problems else ""))
    return graph


class _Opening:
    """:func:`open_store` on a thread of its own; :meth:`result` waits for the store (or
    raises what opening it raised)."""

    def __init__(self, spec: str | Path | GraphStore | None) -> None:
        self._store: GraphStore | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._open, args=(spec,),
                                        name="kg-store-open")
        self._thread.start()

    def _open(self, spec: str | Path | GraphStore | None) -> None:
        try:
            self._store = open_store(spec)
        except BaseException as exc:  # raised in the caller's thread by result()
            self._error = exc

    def result(self) -> GraphStore:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._store is not None
        return self._store


def stored_as(store: GraphStore, sha256: str, iri: URIRef) -> str | None:
    """The source of a stored article other than ``iri`` whose text hashes to ``sha256``."""
    rows = store.select("SELECT ?src ?sha ?iri WHERE { GRAPH ?d { ?d dip:sha256 ?sha ; "
                        "dip:sourcePath ?src } FILTER (?d != ?iri) } LIMIT 1",
                        bindings={"sha": ox.Literal(sha256), "iri": ox.NamedNode(str(iri))})
    return str(rows[0][0].value) if rows else None


def mentioning(store: GraphStore, names: Iterable[str]) -> set[str]:
    """IRIs of the stored articles in which an entity is named by one of ``names`` (compared
    as :func:`kg.names.norm` compares them)."""
    from kg.names import norm

    wanted = frozenset(names)
    if not wanted:
        return set()
    rows = store.select("SELECT DISTINCT ?l ?d WHERE { ?e rdfs:label|skos:altLabel ?l ; "
                        "dip:mentionedIn ?d }")
    return {str(r[1].value) for r in rows if norm(str(r[0].value)) in wanted}


def load(path: str | Path, format: str | None = None, *, read_only: bool = True
         ) -> KnowledgeGraph:
    """Open a graph: a store folder written by ``kg build --store``, or a graph file
    (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) loaded into memory.

    A store folder is opened read-only unless ``read_only=False``: nothing is written into
    it, several readers (and a server) can open it at once, and a folder that holds no
    store is refused rather than made into one."""
    p = Path(path)
    if p.is_dir():
        return KnowledgeGraph(Store(p, read_only=read_only, existing=True))
    store = Store()
    store.load_file(p, format)
    return KnowledgeGraph(store)
