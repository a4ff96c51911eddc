"""Actors as a user sees and curates them: the list of actors with their names, meetings and
articles; a name resolved to the actor(s) it means; and the user's aliases file applied to a
view (the actor list, the who-met-whom graph) without rewriting the store.

A name resolves by the same rule everywhere: actors whose ``rdfs:label`` equals the name
(ignoring case and runs of spaces) win; else actors with such a ``skos:altLabel``.  With an
aliases file, a name stands for its whole merge group (:meth:`kg.aliases.Aliases.group`):
the canonical name by that rule, and each merged name when it is the label of actors, or the
alternative name of exactly one (an alternative name several actors share is ambiguous and
merges nothing).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from kg.aliases import Aliases, normalise
from kg.query import QueryError, Table, iri_term, run_query

if TYPE_CHECKING:  # resolving a name reads the store through Oxigraph alone (kg query)
    from rdflib import Graph, URIRef


class Tabular(Protocol):
    """What answers SPARQL as plain rows (:class:`kg.api.KnowledgeGraph`)."""

    def table(self, sparql: str, **bindings: object) -> Table: ...

__all__ = ["ACTOR_TYPES", "PLACE_TYPES", "ActorRow", "Candidate", "Curation", "NameIndex",
           "actors_table", "curation", "list_actors", "resolve"]

ACTOR_TYPES = ("Person", "Organization", "Country")
"""The classes ``kg actors`` lists and actor questions resolve to."""
PLACE_TYPES = ("Place", "Country")
"""The classes a place question (``meetings-in``) resolves to."""

MAX_LISTED = 10
"""The most candidates an ambiguity error lists (those with most meetings)."""

_LABELS = """
SELECT ?actor ?type ?label (GROUP_CONCAT(DISTINCT STR(?alt); separator="\\u001f") AS ?alts)
WHERE {
  VALUES ?type { dip:Person dip:Organization dip:Country }
  ?actor a ?type ; rdfs:label ?label .
  OPTIONAL { ?actor skos:altLabel ?alt }
} GROUP BY ?actor ?type ?label
"""

_COUNTS = """
SELECT ?actor (COUNT(DISTINCT ?m) AS ?meetings) (COUNT(DISTINCT ?doc) AS ?articles) WHERE {
  { ?m a dip:Meeting ; dip:participant ?actor ; dip:status "asserted" }
  UNION { ?actor dip:mentionedIn ?doc }
} GROUP BY ?actor
"""

_GROUP_COUNTS = """
SELECT (COUNT(DISTINCT ?m) AS ?meetings) (COUNT(DISTINCT ?doc) AS ?articles) WHERE {
  VALUES ?actor { $ACTORS }
  { ?m a dip:Meeting ; dip:participant ?actor ; dip:status "asserted" }
  UNION { ?actor dip:mentionedIn ?doc }
}
"""

_RESOLVE_SHAPE = """
SELECT ?name ?entity ?type ?label ?how (COUNT(DISTINCT ?m) AS ?meetings) WHERE {
  { SELECT ?name ?entity ?how WHERE {  # the names first: 6 times faster on a large store
    $NAMES
  } }
  ?entity a ?type ; rdfs:label ?label .
  FILTER (?type IN (dip:Person, dip:Organization, dip:Country, dip:Place))
  OPTIONAL { ?m dip:participant ?entity ; a dip:Meeting ; dip:status "asserted" }
} GROUP BY ?name ?entity ?type ?label ?how
"""

_RESOLVE = _RESOLVE_SHAPE.replace("$NAMES", """\
{ ?entity rdfs:label ?l BIND (1 AS ?how) } UNION { ?entity skos:altLabel ?l BIND (2 AS ?how) }
    FILTER (LCASE(STR(?l)) = LCASE(STR(?name)))""")
"""The names equal to the one asked for in any case."""

_RESOLVE_EXACT = _RESOLVE_SHAPE.replace("$NAMES", """\
{ ?entity rdfs:label ?name BIND (1 AS ?how) }
    UNION { ?entity skos:altLabel ?name BIND (2 AS ?how) }""")
"""The names spelled exactly as asked, tried first: an index look-up, where comparing every
name of the store in lower case takes a good part of a second on 2,000 articles."""

_CLOSE = """
SELECT DISTINCT ?name ?label ?type WHERE {
  ?entity rdfs:label|skos:altLabel ?l .
  FILTER (CONTAINS(LCASE(STR(?l)), LCASE(STR(?name))))
  ?entity a ?type ; rdfs:label ?label .
  FILTER (?type IN (dip:Person, dip:Organization, dip:Country, dip:Place))
} ORDER BY STRLEN(?label) ?label LIMIT 50
"""


def _kind(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1]


@dataclass(frozen=True)
class ActorRow:
    """One row of :func:`list_actors`."""

    iri: str
    label: str
    type: str
    """Its class (Person, Organization, Country); two joined by "/" when it has two."""
    names: tuple[str, ...]
    """Its alternative names (``skos:altLabel``), sorted."""
    meetings: int
    """Distinct asserted meetings it takes part in."""
    articles: int
    """Documents it is ``dip:mentionedIn``."""


class NameIndex:
    """Which entities a normalised name is the label, or an alternative name, of."""

    def __init__(self, entries: Iterable[tuple[str, str, Iterable[str]]]) -> None:
        self.by_label: dict[str, set[str]] = defaultdict(set)
        self.by_alt: dict[str, set[str]] = defaultdict(set)
        for iri, label, alts in entries:
            self.by_label[normalise(label)].add(iri)
            for alt in alts:
                self.by_alt[normalise(alt)].add(iri)

    def matches(self, name: str) -> frozenset[str]:
        """The entities with ``name`` as label; else the one with it as alternative name.

        >>> index = NameIndex([("urn:d", "Donald Trump", ["Trump"]),
        ...                    ("urn:m", "Melania Trump", ["Trump"])])
        >>> sorted(index.matches("donald trump")), sorted(index.matches("Trump"))
        (['urn:d'], [])
        """
        key = normalise(name)
        if self.by_label.get(key):
            return frozenset(self.by_label[key])
        alts = self.by_alt.get(key, set())
        return frozenset(alts) if len(alts) == 1 else frozenset()


@dataclass(frozen=True)
class Curation:
    """What an aliases file does to a view: entity -> the entity it merges into, the new
    label of a merged entity, and forced types (None: drop it, it is no actor)."""

    into: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    types: dict[str, str | None] = field(default_factory=dict)

    def target(self, iri: str) -> str | None:
        """Where ``iri`` ends up in the view: itself, its merge target, or None (dropped)."""
        final = self.into.get(iri, iri)
        if final in self.types and self.types[final] is None:
            return None
        return final


def curation(aliases: Aliases, index: NameIndex, weight: Mapping[str, int]) -> Curation:
    """Apply ``aliases`` to the entities of ``index``.

    Each merge group becomes the entity its canonical name matches (the one with the largest
    ``weight`` when several do, or when none does, the heaviest member), labelled as the
    file spells the canonical name.

    Examples
    --------
    >>> from kg.aliases import parse_aliases
    >>> index = NameIndex([("urn:dt", "Donald Trump", ["Trump"]), ("urn:t", "Trump", []),
    ...                    ("urn:b", "Brexit", [])])
    >>> rules = parse_aliases("Trump\\tDONALD TRUMP\\nBrexit\\ttype\\tnone\\n")
    >>> cure = curation(rules, index, {"urn:dt": 5, "urn:t": 1})
    >>> cure.into, cure.labels, cure.target("urn:b")
    ({'urn:dt': 'urn:dt', 'urn:t': 'urn:dt'}, {'urn:dt': 'DONALD TRUMP'}, None)
    """
    def heaviest(iris: Iterable[str]) -> str:
        return min(iris, key=lambda i: (-weight.get(i, 0), i))

    into: dict[str, str] = {}
    labels: dict[str, str] = {}
    for root, names in aliases.groups().items():
        members = {i for n in sorted(names) for i in index.matches(n)} - set(into)
        if not members:
            continue
        own = index.matches(root) & members
        base = heaviest(own or members)
        labels[base] = aliases.label(root)
        into.update(dict.fromkeys(sorted(members), base))
    types: dict[str, str | None] = {}
    for name in sorted(aliases.types):
        forced, kind = aliases.type_of(name)
        for member in sorted(aliases.group(name)):
            for iri in index.matches(member):
                types.setdefault(into.get(iri, iri), kind if forced else None)
    return Curation(into, labels, types)


def _rows(graph: Graph) -> list[ActorRow]:
    counts = {str(r.actor): (int(r.meetings), int(r.articles))  # type: ignore[union-attr]
              for r in run_query(graph, _COUNTS)}
    found: dict[str, tuple[str, set[str], set[str]]] = {}
    for r in run_query(graph, _LABELS):
        iri = str(r.actor)  # type: ignore[union-attr]
        label, kinds, alts = found.setdefault(iri, (str(r.label), set(), set()))  # type: ignore[union-attr]
        found[iri] = (min(label, str(r.label)), kinds, alts)  # type: ignore[union-attr]
        kinds.add(_kind(r.type))  # type: ignore[union-attr]
        alts.update(a for a in str(r.alts or "").split("\x1f") if a)  # type: ignore[union-attr]
    return [ActorRow(iri, label, "/".join(sorted(kinds)), tuple(sorted(alts - {label})),
                     *counts.get(iri, (0, 0)))
            for iri, (label, kinds, alts) in found.items()]


def _group_counts(graph: Graph, iris: Iterable[str]) -> tuple[int, int]:
    """Distinct meetings and articles of a merged group of actors (one query)."""
    values = " ".join(iri_term(i) for i in sorted(iris))  # IRIs from the store itself
    row = next(iter(run_query(graph, _GROUP_COUNTS.replace("$ACTORS", values))))
    return int(str(row[0])), int(str(row[1]))  # type: ignore[index]


def _curated(graph: Graph, rows: list[ActorRow], aliases: Aliases) -> list[ActorRow]:
    index = NameIndex((r.iri, r.label, r.names) for r in rows)
    cure = curation(aliases, index, {r.iri: r.meetings for r in rows})
    groups: dict[str, list[ActorRow]] = defaultdict(list)
    for r in rows:
        final = cure.target(r.iri)
        if final is not None:
            groups[final].append(r)
    out = []
    for final, members in groups.items():
        base = next(r for r in members if r.iri == final)
        label = cure.labels.get(final, base.label)
        kind = cure.types.get(final) or base.type
        if len(members) == 1:
            out.append(ActorRow(base.iri, label, kind,
                                tuple(sorted((set(base.names) | {base.label}) - {label})),
                                base.meetings, base.articles))
            continue
        names = {n for r in members for n in (r.label, *r.names)} - {label}
        out.append(ActorRow(base.iri, label, kind, tuple(sorted(names)),
                            *_group_counts(graph, (r.iri for r in members))))
    return out


def list_actors(graph: Graph, *, search: str | None = None, type: str | None = None,
                top: int | None = None, aliases: Aliases | None = None) -> list[ActorRow]:
    """The actors (persons, organizations, countries) of ``graph``, most meetings first,
    then most articles, then label.

    ``search`` keeps actors with it in their label or an alternative name (ignoring case);
    ``type`` keeps one class; ``top`` the first N; ``aliases`` merges, retypes and drops
    actors in this list (the store is unchanged).  Two SPARQL queries, grouped by Oxigraph,
    plus one per merge group the aliases form.
    """
    if type is not None and type not in ACTOR_TYPES:
        raise QueryError(f"unknown actor type {type!r}: use {', '.join(ACTOR_TYPES)}")
    if top is not None and top < 1:
        raise QueryError(f"top must be at least 1, got {top}")
    rows = _rows(graph)
    if aliases:
        rows = _curated(graph, rows, aliases)
    if search is not None:
        wanted = normalise(search)
        rows = [r for r in rows if any(wanted in normalise(n) for n in (r.label, *r.names))]
    if type is not None:
        rows = [r for r in rows if type in r.type.split("/")]
    rows.sort(key=lambda r: (-r.meetings, -r.articles, r.label, r.iri))
    return rows[:top]


def actors_table(rows: Iterable[ActorRow]) -> Table:
    """``rows`` as a :class:`~kg.query.Table` (label, type, names, meetings, articles, iri)."""
    return Table(("label", "type", "names", "meetings", "articles", "iri"),
                 tuple((r.label, r.type, "; ".join(r.names), r.meetings, r.articles, r.iri)
                       for r in rows))


@dataclass(frozen=True)
class Candidate:
    """An entity a name may mean."""

    iri: str
    label: str
    type: str
    meetings: int
    by_label: bool

    def __str__(self) -> str:
        return (f"{self.label} ({self.type}, {self.meetings} meeting"
                f"{'s' if self.meetings != 1 else ''})")


def _select(source: Graph | Tabular, sparql: str, name: str) -> list[dict[str, Any]]:
    """Rows of ``sparql`` with ``?name`` bound, from a graph (rdflib) or a knowledge graph
    (its store's own engine), as {column: plain value}."""
    if hasattr(source, "table"):
        t = source.table(sparql, name=name)
        return [dict(zip(t.columns, row, strict=True)) for row in t.rows]
    from rdflib import Literal

    return [dict(r.asdict())  # type: ignore[union-attr]
            for r in run_query(source, sparql, {"name": Literal(name)})]


def _candidates(graph: Graph | Tabular, name: str, types: tuple[str, ...]
                ) -> list[Candidate]:
    found: dict[str, Candidate] = {}
    rows = _select(graph, _RESOLVE_EXACT, name)
    if not any(_kind(r["type"]) in types for r in rows):
        rows = _select(graph, _RESOLVE, name)  # "DONALD TRUMP", "kim jong un"
    for r in rows:
        kind = _kind(r["type"])
        if kind not in types:
            continue
        c = Candidate(str(r["entity"]), str(r["label"]), kind, int(str(r["meetings"])),
                      int(str(r["how"])) == 1)
        old = found.get(c.iri)
        if old is None or (c.by_label, c.type) > (old.by_label, old.type):
            found[c.iri] = c
    best = [c for c in found.values() if c.by_label] or list(found.values())
    return sorted(best, key=lambda c: (-c.meetings, c.label, c.iri))


def _not_found(graph: Graph | Tabular, name: str, what: str, types: tuple[str, ...]
               ) -> QueryError:
    close: list[str] = []
    for r in _select(graph, _CLOSE, name):
        if _kind(r["type"]) in types and str(r["label"]) not in close:
            close.append(str(r["label"]))
    hint = f"; close matches: {', '.join(close[:5])}" if close else ""
    return QueryError(f"no {what} named {name!r}{hint}")


def resolve(graph: Graph | Tabular, name: str, *, aliases: Aliases | None = None,
            place: bool = False) -> tuple[URIRef, ...]:
    """The IRIs ``name`` stands for: one actor, its merge group, or (``place``) every place
    or country so named (as :func:`resolve_iris`, as rdflib IRIs)."""
    from rdflib import URIRef

    return tuple(URIRef(i) for i in resolve_iris(graph, name, aliases=aliases, place=place))


def resolve_iris(graph: Graph | Tabular, name: str, *, aliases: Aliases | None = None,
                 place: bool = False) -> tuple[str, ...]:
    """The IRIs ``name`` stands for: one actor, its merge group, or (``place``) every place
    or country so named.

    Raises
    ------
    QueryError
        When nothing is so named (with up to five close matches by substring), when the
        aliases file types it ``none``, or when an actor name fits several actors and no
        merge makes them one (the message lists them with their meetings).
    """
    wanted = " ".join(name.split())
    what = "place" if place else "actor"
    types: tuple[str, ...] = PLACE_TYPES if place else ACTOR_TYPES
    rules = aliases or Aliases.empty()
    forced, kind = rules.type_of(wanted)
    if forced and kind is None:
        raise QueryError(f"{wanted!r} is no {what}: the aliases file types it none")
    if forced and not place and kind in ACTOR_TYPES:
        types = (*ACTOR_TYPES, "Place")  # retyped: a place the file says is an actor
    group = rules.group(wanted)
    if len(group) > 1:
        iris: set[str] = set()
        for member in sorted(group):
            found = _candidates(graph, member, types)
            if len(found) == 1 or any(c.by_label for c in found):
                iris.update(c.iri for c in found)
        if not iris:
            raise _not_found(graph, wanted, what, types)
        return tuple(sorted(iris))
    found = _candidates(graph, wanted, types)
    if not found:
        raise _not_found(graph, wanted, what, types)
    if len(found) > 1 and not place:
        listed = ", ".join(str(c) for c in found[:MAX_LISTED])
        more = f", and {len(found) - MAX_LISTED} more" if len(found) > MAX_LISTED else ""
        raise QueryError(f"{wanted!r} names {len(found)} actors: {listed}{more}; ask for one "
                         "of them by its full name")
    return tuple(c.iri for c in found)
