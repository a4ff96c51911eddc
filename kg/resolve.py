"""Mentions -> canonical entities, inside one article.

- People: "Pompeo" joins "Mike Pompeo" when every token of the shorter name is in exactly
  one longer name of the article; the fullest name is the label.
- Countries: names, short forms and demonyms ("US", "American", "United States",
  "Afghan government", "Islamic Republic of Afghanistan") resolve through
  :mod:`kg.gazetteer` to one ISO 3166 country.
- Places: a city resolves through GeoNames and is linked to its country.
- Organisations: "State Department" joins "US State Department" by the same token rule.

Keys are deterministic (``person/mike-pompeo``, ``country/USA``), so the same name in
another article, or a second build, lands on the same IRI.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from kg import gazetteer
from kg.model import Entity, EntityKind, Extraction, Mention, Resolution, visible

_NAME_STOP = frozenset({"the", "of", "and", "for", "al", "el", "de", "bin"})


def slugify(text: str) -> str:
    """A lower-case ASCII slug: "Mullah Beradar" -> "mullah-beradar".

    >>> slugify("Jean-François Théodore"), slugify("U.S. State Department")
    ('jean-francois-theodore', 'us-state-department')
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[.'’]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "unnamed"


def surface(text: str) -> str:
    """A mention's text as a label: possessive, invisible characters and stray whitespace
    removed."""
    text = re.sub(r"\s+", " ", visible(text).replace("’", "'")).strip()
    return re.sub(r"'s?$", "", text).strip()


_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|at|an|ar|az)-(?=\w)")


def name_words(name: str) -> list[str]:
    """Lower-case words of a name, Arabic article prefixes dropped: "al-Abadi" -> "abadi"."""
    return [_ARTICLE_PREFIX.sub("", w) for w in re.findall(r"[\w-]+", name.lower())]


def _tokens(name: str) -> frozenset[str]:
    words = name_words(name)
    return frozenset(w for w in words if w not in _NAME_STOP) or frozenset(words)


def _cluster(names: Iterable[str]) -> dict[str, str]:
    """Map each name to the fullest name that contains all its tokens, when unambiguous."""
    unique = sorted(set(names), key=lambda n: (-len(_tokens(n)), -len(n), n))
    canonical: dict[str, str] = {}
    heads: list[str] = []
    for name in unique:
        toks = _tokens(name)
        hosts = {canonical[h] for h in heads if toks <= _tokens(h)}
        if len(hosts) == 1:
            canonical[name] = hosts.pop()
        else:
            canonical[name] = name
        heads.append(name)
    return canonical


def _place(m: Mention) -> tuple[Entity, Entity | None]:
    name = surface(m.text)
    city = gazetteer.city(name)
    if city is not None:
        country = gazetteer.country_by_iso2(city.iso2)
        c_ent = _country_entity(country) if country else None
        return (Entity(f"place/{slugify(city.name)}", "Place", city.name,
                       country=c_ent.key if c_ent else None), c_ent)
    return Entity(f"place/{slugify(name)}", "Place", name), None


def _reported_from(dateline: Mention | None) -> list[Entity]:
    """The place of a dateline ("SEOUL", "WASHINGTON", "MEXICO CITY") and the country it
    lies in, or the country when the dateline names one: a place, never an actor."""
    if dateline is None:
        return []
    name = surface(dateline.text)
    if name.isupper():
        name = name.title()
    c = gazetteer.country(name)
    if c is not None:
        return [_country_entity(c)]
    place, country = _place(Mention(name, dateline.start, dateline.end, "Place"))
    return [place] if country is None else [place, country]


def _country_entity(c: gazetteer.Country) -> Entity:
    return Entity(f"country/{c.iso3}", "Country", c.label, iso3=c.iso3)


def resolve(extraction: Extraction) -> Resolution:
    """Group the article's mentions into entities; return the mention -> entity map."""
    mentions = extraction.mentions
    by_kind: dict[EntityKind, list[Mention]] = {}
    for m in mentions:
        by_kind.setdefault(m.kind, []).append(m)
    entity_of: dict[Mention, Entity] = {}
    extra: list[Entity] = []

    people_and_bodies: tuple[tuple[EntityKind, str], ...] = (
        ("Person", "person"), ("Organization", "org"))
    for kind, prefix in people_and_bodies:
        group = by_kind.get(kind, [])
        canon = _cluster(surface(m.text) for m in group)
        for m in group:
            label = canon[surface(m.text)]
            entity_of[m] = Entity(f"{prefix}/{slugify(label)}", kind, label)
    for m in by_kind.get("Country", []):
        c = gazetteer.country(surface(m.text))
        if c is None:  # pragma: no cover - find_mentions only makes Country from the gazetteer
            continue
        entity_of[m] = _country_entity(c)
    for m in by_kind.get("Place", []):
        place, country = _place(m)
        entity_of[m] = place
        if country is not None:
            extra.append(country)
    reported = _reported_from(extraction.dateline)
    extra.extend(reported)

    # One Entity per key, carrying every surface form as an alternative label.
    forms: dict[str, set[str]] = {}
    first: dict[str, Entity] = {}
    for m, e in entity_of.items():
        first.setdefault(e.key, e)
        forms.setdefault(e.key, set()).add(surface(m.text))
    for e in extra:
        first.setdefault(e.key, e)
        forms.setdefault(e.key, set())
    merged = {
        key: Entity(e.key, e.kind, e.label, frozenset(forms[key] - {e.label}), e.iso3, e.country)
        for key, e in first.items()
    }
    entity_of = {m: merged[e.key] for m, e in entity_of.items()}
    if extraction.dateline is not None and reported:
        entity_of[extraction.dateline] = merged[reported[0].key]
    entities = tuple(sorted(merged.values(), key=lambda e: e.key))
    return Resolution(extraction, entities, entity_of)


def _person_tokens(label: str) -> frozenset[str]:
    return frozenset(w for w in name_words(label) if w not in _NAME_STOP)


class PersonIndex:
    """Full person names seen so far (by earlier chunks, or stored by earlier builds),
    indexed by word so that the fuller names containing a partial one are found without
    comparing every pair: linking stays linear in the size of the corpus.

    A key spelled two ways keeps its alphabetically first label.
    """

    def __init__(self, labels: Iterable[str] = ()) -> None:
        self.people: dict[str, Entity] = {}
        self.tokens: dict[str, frozenset[str]] = {}
        self.by_word: dict[str, set[str]] = {}
        for label in labels:
            self.add(label)

    def __len__(self) -> int:
        return len(self.people)

    def add(self, label: str) -> None:
        """A full name (of its key's spellings, the alphabetically first is kept)."""
        key = f"person/{slugify(label)}"
        old = self.people.get(key)
        if old is None or label < old.label:
            self.put(Entity(key, "Person", label))

    def put(self, person: Entity) -> None:
        """Index ``person`` under its key, replacing what the key held."""
        key = person.key
        for w in self.tokens.get(key, ()):
            self.by_word[w].discard(key)
        self.people[key] = person
        self.tokens[key] = _person_tokens(person.label)
        for w in self.tokens[key]:
            self.by_word.setdefault(w, set()).add(key)

    def containing(self, toks: frozenset[str]) -> set[str]:
        """Keys of the names that have every word in ``toks`` (non-empty)."""
        sets = sorted((self.by_word.get(w, set()) for w in toks), key=len)
        return set(sets[0]).intersection(*sets[1:])


def link_across(resolutions: list[Resolution], *, known: Iterable[str] | PersonIndex = ()
                ) -> list[Resolution]:
    """One IRI per person across articles: a partial name ("Pompeo", "George Bush") joins
    the one fuller name of the corpus that contains all its tokens ("Mike Pompeo",
    "George W Bush").  Names that fit two fuller names stay as they are.

    ``known`` holds the full names of earlier articles (a :class:`PersonIndex`, or labels).

    Examples
    --------
    >>> from kg.model import Article, Extraction, Mention
    >>> def one(name):
    ...     m = Mention(name, 0, len(name), "Person")
    ...     return resolve(Extraction(Article(name, name), mentions=(m,)))
    >>> [r.entities[0].key for r in link_across([one("Mike Pompeo"), one("Pompeo")])]
    ['person/mike-pompeo', 'person/mike-pompeo']
    """
    index = known if isinstance(known, PersonIndex) else PersonIndex(known)
    here = PersonIndex()  # this chunk's people that ``index`` lacks (first spelling wins)
    for res in resolutions:
        for e in res.entities:
            if e.kind == "Person" and e.key not in index.people and e.key not in here.people:
                here.put(e)

    def tokens(k: str) -> frozenset[str]:
        return index.tokens[k] if k in index.tokens else here.tokens[k]

    target: dict[str, Entity] = {}
    for key in {e.key for res in resolutions for e in res.entities if e.kind == "Person"}:
        toks = tokens(key)
        if not toks:
            continue
        hosts = [k for k in index.containing(toks) | here.containing(toks)
                 if k != key and toks < tokens(k)]
        # the fullest names among the hosts must all be one name
        tops = {k for k in hosts if not any(tokens(k) < tokens(o) for o in hosts)}
        if len(tops) == 1:
            top = tops.pop()
            target[key] = index.people[top] if top in index.people else here.people[top]
    if not target:
        return resolutions
    out = []
    for res in resolutions:
        if not any(e.key in target for e in res.entities):
            out.append(res)
            continue
        forms: dict[str, set[str]] = {}
        first: dict[str, Entity] = {}
        for e in res.entities:
            t = target.get(e.key, e)
            first.setdefault(t.key, t)
            forms.setdefault(t.key, set()).update(e.alt_labels | {e.label})
        merged = {k: Entity(e.key, e.kind, e.label, frozenset(forms[k] - {e.label}), e.iso3,
                            e.country) for k, e in first.items()}
        entity_of = {m: merged[target.get(e.key, e).key] for m, e in res.entity_of.items()}
        out.append(Resolution(res.extraction, tuple(sorted(merged.values(),
                                                           key=lambda e: e.key)), entity_of))
    return out
