"""One actor per real-world entity across articles: the corpus-wide identity stage.

Each article is first resolved on its own (:func:`kg.resolve.resolve`).  This stage
then sees every article of a build (:meth:`Identity.observe`), decides once, for the
whole corpus (:meth:`Identity.decide`), and maps each article's entities to the
canonical actors (:meth:`Identity.apply`).  Its rules, deterministic and explainable:

- **Names**: full names that differ only by initials, accents, hyphens or
  transliteration are one person ("Kim Jong-un" / "Kim Jong Un", "Erdoğan" / "Erdogan",
  "Sergey V. Lavrov" / "Sergei Lavrov"); a full name whose words all stand in exactly
  one fuller name joins it ("Moon Jae" of "Moon Jae-in", "Barack Obama" of "Barack
  Hussein Obama"), never across a generational suffix ("Donald Trump Jr.") or different
  initials ("George W. Bush" / "George H. W. Bush").
- **Bare names** an article never completes ("Trump", "Kim") join the one corpus person
  whose family name they are when only one bears it, or when the article's own evidence
  singles one out: a post it gives the name (President of the United States) that only
  one bearer holds, or the names it mentions alongside, which one bearer co-occurs with
  far more than any other.  Otherwise an ambiguous bare name is no actor at all.
- **Type**: one per actor, by the majority of its mentions (all articles), over
  gazetteers: a country is a Country, a city a Place, a well-known body an Organization,
  and a law, award or product ("Brexit", "Purple Heart") no actor.
- **Label**: the fullest clean name seen (most words, initials not counted; a form seen
  only once among many loses to a more frequent one); every other form is an
  alternative label.  An actor already in the store keeps its IRI and label.
- **Aliases**: a user's aliases file (:mod:`kg.aliases`) forces merges, splits and
  types; it wins over every rule above.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from kg import gazetteer, leaders
from kg.aliases import AliasView
from kg.model import ACTOR_KINDS, Entity, EntityKind, Extraction, Mention, Resolution
from kg.names import (
    KNOWN_BODIES,
    NON_ACTORS,
    ROYAL_TITLES,
    SUFFIXES,
    cue_gender,
    cue_relative,
    extends,
    family_name,
    initials,
    is_clean_person_name,
    is_full_name,
    name_tokens,
    norm,
)
from kg.resolve import slugify

_PREFIX = {"Person": "person", "Organization": "org", "Place": "place", "Country": "country"}
COOC_CAP = 400
"""Co-occurring actors remembered per person (the most frequent): bounds memory."""


@dataclass
class _Person:
    """A full name as seen across the corpus (one word set and initials)."""

    tokens: frozenset[str]
    forms: Counter[str] = field(default_factory=Counter)
    articles: int = 0
    posts: Counter[str] = field(default_factory=Counter)
    cooc: Counter[str] = field(default_factory=Counter)
    genders: Counter[str] = field(default_factory=Counter)
    relative: int = 0
    """Articles that introduce the person as someone's relative ("his wife", "first lady")."""
    stored: Entity | None = None


@dataclass(frozen=True)
class _Bare:
    """A bare name (one word) that an article never completed, with its evidence."""

    source: str
    key: str
    word: str
    suffix: str
    form: str
    posts: frozenset[str]
    context: frozenset[str]
    gender: str


def _pkey(name: str) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(name_tokens(name)), initials(name)


def _initials_clash(a: tuple[frozenset[str], frozenset[str]],
                    b: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether ``a``'s initials are not the given names ``b`` adds ("H.R. McMaster" is no
    "Henry McMaster": no given name of his starts with R; "George W. Bush" may be "George
    Walker Bush")."""
    extra = {w[0] for w in b[0] - a[0] if w}
    return bool(a[1]) and bool(b[0] - a[0]) and not a[1] <= extra


class Identity:
    """The corpus-wide identity of actors (see the module docstring).

    Parameters
    ----------
    known : mapping of str to Entity, optional
        Entities a store already holds, by key: they keep their IRI, type and label.
    aliases : AliasView, optional
        The user's forced merges, splits and types.
    """

    def __init__(self, known: Mapping[str, Entity] | None = None,
                 aliases: AliasView | None = None) -> None:
        self.aliases = aliases or AliasView()
        self.known = dict(known or {})
        self.people: dict[tuple[frozenset[str], frozenset[str]], _Person] = {}
        self.bare: list[_Bare] = []
        self.kinds: dict[str, Counter[str]] = {}
        self.forms: dict[str, Counter[str]] = {}  # non-person key -> label forms
        self._root: dict[tuple[frozenset[str], frozenset[str]], tuple[frozenset[str],
                                                                         frozenset[str]]] = {}
        self._canon: dict[tuple[frozenset[str], frozenset[str]], Entity] = {}
        self._bare_to: dict[tuple[str, str], Entity | None] = {}
        self._kind: dict[str, EntityKind | None] = {}
        self._families: set[str] = set()
        self._royals: set[str] = set()  # one-word names a royal title heads ("Queen Elizabeth")
        self._cut: set[tuple[frozenset[str], frozenset[str]]] = set()
        self._groups: dict[tuple[frozenset[str], frozenset[str]], list[_Person]] = {}
        self._labels: dict[str, str] = {}
        for key, e in self.known.items():
            if e.kind == "Person" and is_full_name(e.label):
                p = self._person(e.label)
                p.stored = e
                p.forms[e.label] += 1
            self.kinds.setdefault(norm(e.label), Counter())[e.kind] += 1
            self._labels[key] = e.label

    # -- observing ----------------------------------------------------------------------
    def _person(self, name: str) -> _Person:
        k = _pkey(name)
        p = self.people.get(k)
        if p is None:
            p = self.people[k] = _Person(k[0])
        return p

    def observe(self, res: Resolution) -> None:
        """Count what one article says of its entities."""
        ex = res.extraction
        posts: dict[str, set[str]] = {}
        for f in ex.posts:
            person = res.entity_of.get(f.person)
            if person is None:
                continue
            org = res.entity_of.get(f.org) if f.org is not None else None
            title = f.title.lower().split()[-1] if f.title else ""
            posts.setdefault(person.key, set()).add(f"{title}|{org.key if org else ''}")
        cues: dict[str, set[str]] = {}
        for m, e in res.entity_of.items():
            if m.cue:
                cues.setdefault(e.key, set()).add(m.cue)
        context = frozenset(e.key for e in res.entities
                            if e.kind in {"Country", "Organization"}
                            or (e.kind == "Person" and is_full_name(e.label)))
        for name in ex.other_names:
            self.kinds.setdefault(norm(name), Counter())["none"] += 1
        for e in res.entities:
            n = norm(e.label)
            self.kinds.setdefault(n, Counter())[e.kind] += 1
            if e.kind != "Person":
                self.forms.setdefault(e.key, Counter())[e.label] += 1
                if e.kind == "Country" or len(n.split()) != 1 or n in KNOWN_BODIES or \
                        not is_clean_person_name(e.label) or gazetteer.city(e.label):
                    continue  # a one-word body or place may be a surname ("Varga met")
            if e.kind == "Person" and is_full_name(e.label):
                p = self._person(e.label)
                p.articles += 1
                p.forms[e.label] += 1
                for alt in e.alt_labels:
                    p.forms[alt] += 0  # a form, not a vote for the label
                p.posts.update(posts.get(e.key, ()))
                p.genders.update(cue_gender(c) for c in cues.get(e.key, ()) if cue_gender(c))
                p.relative += any(cue_relative(c) for c in cues.get(e.key, ()))
                p.cooc.update(context - {e.key})
                if len(p.cooc) > 2 * COOC_CAP:
                    p.cooc = Counter(dict(p.cooc.most_common(COOC_CAP)))
            else:
                toks = name_tokens(e.label)
                if not toks:
                    continue
                suffix = toks[-1] if toks[-1] in SUFFIXES else ""
                word = toks[0] if suffix else toks[-1]
                genders = {cue_gender(c) for c in cues.get(e.key, ())} - {""}
                if cues.get(e.key, set()) & ROYAL_TITLES:
                    self._royals.add(n)
                self.bare.append(_Bare(
                    ex.article.source, e.key, word, suffix, e.label,
                    frozenset(posts.get(e.key, ())), context,
                    genders.pop() if len(genders) == 1 else ""))

    # -- deciding -----------------------------------------------------------------------
    def decide(self) -> None:
        """Settle kinds, persons, labels and bare names from everything observed."""
        self._families = {family_name(f) for p in self.people.values() for f in p.forms
                          if is_full_name(f)}
        self._kind = {n: self._decide_kind(n, votes) for n, votes in self.kinds.items()}
        self._link_people()
        self._decide_bare()

    def _decide_kind(self, name: str, votes: Counter[str]) -> EntityKind | None:
        forced, kind = self.aliases.kind(name)
        if forced:
            return kind if kind in _PREFIX else None  # type: ignore[return-value]
        if name in NON_ACTORS:
            return None
        if name in KNOWN_BODIES:
            return "Organization"
        if gazetteer.country(name) is not None and " " not in name.strip():
            return "Country"
        city_or_country = gazetteer.big_city(name) or gazetteer.country(name)
        actor = {k: v for k, v in votes.items() if k != "none"}
        if votes["none"] > sum(actor.values()):
            return None
        if not actor:
            return None
        best = max(sorted(actor), key=lambda k: actor[k])
        if best != "Person" and name in self._families and city_or_country is None and \
                name not in KNOWN_BODIES:
            return "Person"  # "Varga met ...": a surname the NER read as a body
        if len(name.split()) > 1 and gazetteer.city(name) is not None and \
                gazetteer.country(name) is None:
            return "Place"  # "Ciudad Juarez": a city is never a person or a body
        if best == "Person" and len(name.split()) == 1 and name.endswith("s") and \
                name[:-1] in self._families:
            return None  # "the Obamas", "the Trumps": a family, no actor
        if best != "Person" and len(name.split()) > 1 and \
                3 * actor.get("Person", 0) >= sum(actor.values()) and \
                gazetteer.city(name) is None and is_clean_person_name(name.title()):
            return "Person"  # "Nikki Haley" read as a body by the NER now and then
        if len(name.split()) == 1:
            city = gazetteer.big_city(name)
            family = name in self._families
            if best == "Person" and not family and city is not None and \
                    name not in self._royals:
                return "Place"  # "Arak": a city named alone is a place, not a person
            if best != "Person" and family and city is None and \
                    3 * actor.get("Person", 0) >= sum(actor.values()):
                return "Person"  # "Erdogan" read as a place by one model, a surname here
        return best  # type: ignore[return-value]

    def _link_people(self) -> None:
        # merges the user forced
        keys = list(self.people)
        by_norm: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        for k, p in self.people.items():
            for f in p.forms:
                by_norm.setdefault(norm(f), k)
        root: dict[tuple[frozenset[str], frozenset[str]],
                   tuple[frozenset[str], frozenset[str]]] = {}
        for k, p in self.people.items():
            for f in p.forms:
                forced = self.aliases.canonical(norm(f))
                target = by_norm.get(norm(forced)) if forced != norm(f) else None
                if target is not None and target != k:
                    root[k] = target
                    break
        # names the leaders table gives one person ("Pena Nieto", "Enrique Pena Nieto";
        # "Salman bin Abdulaziz", "King Salman") are one, under the most reported of them
        listed: dict[int, list[tuple[frozenset[str], frozenset[str]]]] = {}
        for k, p in self.people.items():
            found = {n for f in p.forms if _pkey(f) == k  # (its own spellings: not a
                     and (n := leaders.person_of(f)) is not None}  # shorter name it took in)
            if len(found) == 1 and k not in root:
                listed.setdefault(found.pop(), []).append(k)
        for ks in listed.values():
            host = max(ks, key=lambda k: (self.people[k].articles, len(k[0])))
            for k in ks:
                if k != host and not self._apart(k, host):
                    root[k] = host
        # initials: a name without initials joins the one variant with them, if only one
        by_tokens: dict[frozenset[str], list[tuple[frozenset[str], frozenset[str]]]] = {}
        for k in keys:
            by_tokens.setdefault(k[0], []).append(k)
        for toks, ks in by_tokens.items():
            plain: tuple[frozenset[str], frozenset[str]] = (toks, frozenset())
            with_initials = [k for k in ks if k[1]]
            if plain in self.people and len(with_initials) == 1 and plain not in root \
                    and not self._apart(with_initials[0], plain):
                root.setdefault(with_initials[0], plain)  # the plain form is the common one
        # a shorter full name joins the one fuller name that is it with middle names
        orders = self._orders()
        index: dict[str, set[frozenset[str]]] = {}
        for toks in by_tokens:
            for w in toks:
                index.setdefault(w, set()).add(toks)
        for toks in sorted(by_tokens, key=len):
            sets = sorted((index[w] for w in toks), key=len)
            sup = set(sets[0]).intersection(*sets[1:]) - {toks}
            sup = {o for o in sup if (o & SUFFIXES) == (toks & SUFFIXES)
                   and extends(orders.get(toks, ()), orders.get(o, ()))}
            tops = [o for o in sup if not any(o < q for q in sup)]
            if len(tops) != 1:
                continue
            for k in by_tokens[toks]:
                if k in root:
                    continue
                targets = by_tokens[tops[0]]
                if len(targets) == 1 and not self._apart(k, targets[0]):
                    root[k] = targets[0]

        # a name without its first given name ("Tayyip Erdogan") joins the one fuller name
        # ending like it, when that name is in at least twice as many articles (and three):
        # a rare fuller name ("Justin Pierre Trudeau") never takes in another person
        # ("Pierre Trudeau"); "Lopez Obrador" joins "Andres Manuel Lopez Obrador"
        articles = {toks: sum(self.people[k].articles for k in ks)
                    for toks, ks in by_tokens.items()}
        for toks in sorted(by_tokens, key=len):
            order = orders.get(toks, ())
            if len(order) < 2 or any(k in root for k in by_tokens[toks]) or \
                    len(set(order)) < len(order):  # "Abdullah Abdullah" is no "King Abdullah"
                continue
            sets = sorted((index[w] for w in toks), key=len)
            hosts = [o for o in set(sets[0]).intersection(*sets[1:]) - {toks}
                     if orders.get(o, ())[-1:] == order[-1:] and (o & SUFFIXES) ==
                     (toks & SUFFIXES)]
            if len(hosts) == 1 and len(by_tokens[hosts[0]]) == 1 and \
                    articles[hosts[0]] >= max(2 * articles[toks], 3):
                for k in by_tokens[toks]:
                    if not self._apart(k, by_tokens[hosts[0]][0]):
                        root[k] = by_tokens[hosts[0]][0]
        # a name cut short by the tagger ("Kim Kye" of "Kim Kye Gwan") joins the one name it
        # begins; one that begins several ("Kim Jong": Un, Il, Nam) is no actor
        self._cut = set()
        by_first: dict[str, list[frozenset[str]]] = {}
        for toks, order in orders.items():
            if order:
                by_first.setdefault(order[0], []).append(toks)
        for toks in by_tokens:
            order = orders.get(toks, ())
            if len(order) < 2 or toks & SUFFIXES or any(k in root for k in by_tokens[toks]):
                continue
            longer = {o for o in by_first.get(order[0], [])
                      if len(orders[o]) > len(order) and orders[o][:len(order)] == order
                      and not o & SUFFIXES}
            if len(longer) == 1:
                (o,) = longer
                if len(by_tokens[o]) == 1:
                    for k in by_tokens[toks]:
                        if not self._apart(k, by_tokens[o][0]):
                            root[k] = by_tokens[o][0]
            elif len(longer) > 1 and not any(self.people[k].stored for k in by_tokens[toks]):
                self._cut.update(by_tokens[toks])

        def top(k: tuple[frozenset[str], frozenset[str]]) -> tuple[frozenset[str],
                                                                     frozenset[str]]:
            seen = set()
            while k in root and k not in seen:
                seen.add(k)
                k = root[k]
            return k

        self._root = {k: top(k) for k in keys}
        groups: dict[tuple[frozenset[str], frozenset[str]], list[_Person]] = {}
        for k, r in self._root.items():
            groups.setdefault(r, []).append(self.people[k])
        self._groups = groups
        self._canon = {}
        for r, members in groups.items():
            self._canon[r] = e = self._person_entity(members)
            for p in members:  # decided once: later chunks keep its IRI and label
                if p.stored is None:
                    p.stored = e

    def _orders(self) -> dict[frozenset[str], tuple[str, ...]]:
        """The words of each name in the order its most frequent spelling gives them."""
        best: dict[frozenset[str], tuple[int, str]] = {}
        for k, p in self.people.items():
            for f, n in p.forms.items():
                if frozenset(name_tokens(f)) == k[0]:
                    best[k[0]] = max(best.get(k[0], (-1, "")), (n, f))
        return {k: name_tokens(f) for k, (_, f) in best.items()}

    def _apart(self, a: tuple[frozenset[str], frozenset[str]],
               b: tuple[frozenset[str], frozenset[str]]) -> bool:
        fa = [norm(f) for f in self.people[a].forms]
        fb = [norm(f) for f in self.people[b].forms]
        return any(self.aliases.different(x, y) for x in fa for y in fb) or \
            _initials_clash(a, b) or _initials_clash(b, a)

    def _person_entity(self, members: list[_Person]) -> Entity:
        forms: Counter[str] = Counter()
        for p in members:
            forms.update(p.forms)
        clean = [f for f in forms if is_clean_person_name(f)] or list(forms)
        # a forced merge: the canonical name's own person gives the IRI and the label
        merged_into = {norm(f): self.aliases.canonical(norm(f)) for f in forms}
        targets = {c for n, c in merged_into.items() if c != n}
        own = [p for p in members if any(norm(f) in targets for f in p.forms)]
        first = own[:1] + members
        stored = next((p.stored for p in first if p.stored is not None), None)
        if own and stored is None:
            label = max((f for f in own[0].forms if norm(f) in targets),
                        key=lambda f: (own[0].forms[f], f))
            return Entity(f"person/{slugify(label)}", "Person", label,
                          frozenset(f for f in clean if f != label))
        if stored is not None:
            label = stored.label
            key = stored.key
        else:
            total = sum(forms.values()) or 1
            by_key: Counter[frozenset[str]] = Counter()
            for f, n in forms.items():
                by_key[frozenset(name_tokens(f))] += n
            seen = {f: by_key[frozenset(name_tokens(f))] for f in clean}
            label = min(clean, key=lambda f: (
                -(len(name_tokens(f)) if seen[f] >= 2 or seen[f] * 10 >= total else 1),
                -forms[f], -len(f), f))
            key = f"person/{slugify(label)}"
        alts = frozenset(f for f in clean if f != label)
        return Entity(key, "Person", label, alts)

    def _decide_bare(self) -> None:
        by_family: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
        first_names: set[str] = set()
        for r, e in self._canon.items():
            by_family.setdefault(family_name(e.label), []).append(r)
            toks = name_tokens(e.label)
            if toks:
                first_names.add(toks[0])
        self._bare_to = {}
        for b in self.bare:
            self._bare_to[(b.source, b.key)] = self._one_bare(b, by_family, first_names)

    def _one_bare(self, b: _Bare, by_family: dict[str, list[tuple[frozenset[str],
                                                                     frozenset[str]]]],
                  first_names: set[str]) -> Entity | None:
        forced = self.aliases.canonical(norm(b.form))
        if forced != norm(b.form):
            for e in self._canon.values():
                if norm(e.label) == forced or forced in {norm(a) for a in e.alt_labels}:
                    return e
        kind = self._kind.get(norm(b.form), "Person")
        if kind != "Person":
            return self._other(b.form, kind) if kind is not None else None
        cands = [r for r in by_family.get(b.word, [])
                 if (r[0] & SUFFIXES) == ({b.suffix} if b.suffix else frozenset())
                 and not self.aliases.different(norm(b.form), norm(self._canon[r].label))]
        if b.gender != "f":  # "Trump" is not the president's daughter, nor the first lady
            # when she is the only Trump named in full ("President Trump and first lady
            # Melania Trump")
            kept = [r for r in cands if not all(2 * p.relative >= max(p.articles, 1)
                                                for p in self._members(r))]
            cands = kept or (cands if len(cands) > 1 else [])
        if marks := initials(b.form):  # "H.R. McMaster" is no "Henry McMaster"
            cands = [r for r in cands if not _initials_clash(
                (frozenset(name_tokens(b.form)), marks), r)]
        if b.gender:  # "Mrs Trump" is no man the corpus calls Mr, and the reverse
            other = "m" if b.gender == "f" else "f"
            cands = [r for r in cands if not any(p.genders[other] > p.genders[b.gender]
                                                 for p in self._members(r))]
        if not cands:
            royal = sorted(t for t, _, _ in (p.partition("|") for p in b.posts)
                           if t in ROYAL_TITLES)
            if royal and is_clean_person_name(b.form):  # "Queen Elizabeth", whom the NER
                # called "Elizabeth": a regnal name, however common as a given name
                return Entity(b.key, "Person", f"{royal[0].title()} {b.form}")
            if b.word in first_names or not is_clean_person_name(b.form):
                return None  # "Donald" alone: a given name, no actor of its own
            return Entity(b.key, "Person", b.form)
        if len(cands) == 1:
            return self._canon[cands[0]]
        chosen = self._by_posts(b, cands) or self._by_context(b, cands)
        return self._canon[chosen] if chosen is not None else None

    def _members(self, r: tuple[frozenset[str], frozenset[str]]) -> list[_Person]:
        """The spellings of one decided person (kept by :meth:`_link_people`)."""
        return self._groups.get(r, [])

    def _by_posts(self, b: _Bare, cands: list[tuple[frozenset[str], frozenset[str]]]
                  ) -> tuple[frozenset[str], frozenset[str]] | None:
        if not b.posts:
            return None
        holders = [r for r in cands if any(_same_post(post, held) for p in self._members(r)
                                           for held in p.posts for post in b.posts)]
        return holders[0] if len(holders) == 1 else None

    def _by_context(self, b: _Bare, cands: list[tuple[frozenset[str], frozenset[str]]]
                    ) -> tuple[frozenset[str], frozenset[str]] | None:
        scores = []
        for r in cands:
            members = self._members(r)
            arts = sum(p.articles for p in members) or 1
            shared = sum(math.log1p(sum(p.cooc[k] for p in members)) for k in b.context)
            scores.append((shared * math.log1p(arts), r))
        scores.sort(key=lambda s: -s[0])
        best, second = scores[0][0], scores[1][0]
        if best >= 2.0 and best >= 2.5 * second:
            return scores[0][1]
        return None

    def _other(self, label: str, kind: EntityKind) -> Entity:
        if kind == "Country":
            c = gazetteer.country(label)
            if c is not None:
                return Entity(f"country/{c.iso3}", "Country", c.label, iso3=c.iso3)
        if kind == "Place":
            city = gazetteer.city(label)
            if city is not None:
                country = gazetteer.country_by_iso2(city.iso2)
                return Entity(f"place/{slugify(city.name)}", "Place", city.name,
                              country=f"country/{country.iso3}" if country else None)
        key = f"{_PREFIX[kind]}/{slugify(label)}"
        return Entity(key, kind, self._labels.get(key, label))

    # -- applying -----------------------------------------------------------------------
    def canonical(self, e: Entity, source: str) -> Entity | None:
        """The actor an article's entity is (None: no actor)."""
        if e.kind == "Country":
            forced, kind = self.aliases.kind(norm(e.label))
            return None if forced and kind is None else e
        n = norm(e.label)
        kind = self._kind.get(n, e.kind)
        if kind is None:
            return None
        if e.kind == "Person" or kind == "Person":
            if is_full_name(e.label):
                if kind != "Person" and e.kind == "Person":
                    return self._other(e.label, kind)
                if _pkey(e.label) in self._cut:
                    return None
                r = self._root.get(_pkey(e.label))
                if r is None:
                    return replace(e, kind="Person", key=f"person/{slugify(e.label)}") \
                        if is_clean_person_name(e.label) else None
                return self._canon[r]
            if (source, e.key) in self._bare_to:
                return self._bare_to[(source, e.key)]
            if kind != "Person":
                return self._other(e.label, kind)
            return e if e.kind == "Person" else None
        if kind != e.kind:
            return self._other(e.label, kind)
        if e.kind in {"Organization", "Place"} and e.key not in self._labels:
            forms = self.forms.get(e.key)
            if forms:
                self._labels[e.key] = min(forms, key=lambda f: (-forms[f], f))
        label = self._labels.get(e.key, e.label)
        return e if label == e.label else replace(e, label=label)

    def apply(self, res: Resolution) -> Resolution:
        """``res`` with each entity replaced by its canonical actor; facts about what is no
        actor are dropped (a meeting keeps its other participants if two remain)."""
        source = res.extraction.article.source
        to: dict[str, Entity | None] = {e.key: self.canonical(e, source) for e in res.entities}
        dateline = res.extraction.dateline
        if dateline is not None and dateline in res.entity_of:  # a dateline is a place
            here = res.entity_of[dateline]
            there = to.get(here.key)
            if there is None or there.kind not in {"Place", "Country"}:
                to[here.key] = here
        forms: dict[str, set[str]] = {}
        first: dict[str, Entity] = {}
        for e in res.entity_of.values():
            t = to.get(e.key)
            if t is None:
                continue
            first.setdefault(t.key, t)
            forms.setdefault(t.key, set()).add(e.label)
            forms[t.key].update(e.alt_labels)
        for e in res.entities:  # entities no mention names (a place's country)
            t = to.get(e.key)
            if t is not None:
                first.setdefault(t.key, t)
                forms.setdefault(t.key, set())
        for e in list(first.values()):  # a place made here needs its country here
            if e.kind == "Place" and e.country and e.country not in first:
                c = gazetteer.country_by_iso3(e.country.split("/", 1)[1])
                if c is not None:
                    first[e.country] = Entity(e.country, "Country", c.label, iso3=c.iso3)
                    forms[e.country] = set()
        merged = {k: replace(e, alt_labels=frozenset(  # the forms this article uses
            f for f in forms[k] - {e.label} if e.kind != "Person" or is_clean_person_name(f)))
            for k, e in first.items()}
        entity_of: dict[Mention, Entity] = {}
        for m, e in res.entity_of.items():
            t = to.get(e.key)
            if t is not None:
                entity_of[m] = merged[t.key]
        ex = _keep(res.extraction, entity_of)
        return Resolution(ex, tuple(sorted(merged.values(), key=lambda e: e.key)), entity_of)


def _same_post(a: str, b: str) -> bool:
    """Posts "title|body": the same title, and the same body when both name one."""
    ta, _, oa = a.partition("|")
    tb, _, ob = b.partition("|")
    return ta == tb and (oa == ob or not oa or not ob)


def _keep(ex: Extraction, entity_of: Mapping[Mention, Entity]) -> Extraction:
    """The extraction without facts about mentions that are no actor."""
    def ok(m: Mention | None) -> bool:
        return m is not None and m in entity_of

    def person(m: Mention) -> bool:
        return ok(m) and entity_of[m].kind == "Person"

    def actor(m: Mention) -> bool:
        return ok(m) and entity_of[m].kind in ACTOR_KINDS

    def body(m: Mention | None) -> bool:  # whose a post or affiliation is
        return m is not None and ok(m) and entity_of[m].kind in {"Organization", "Country"}

    def where(m: Mention | None) -> Mention | None:  # a body's seat counts, a person never
        return m if m is not None and ok(m) and entity_of[m].kind != "Person" else None

    meetings = []
    for mt in ex.meetings:
        parts = tuple(p for p in mt.participants if actor(p))
        if len({entity_of[p].key for p in parts}) < 2:
            continue
        meetings.append(replace(mt, participants=parts, location=where(mt.location)))
    return replace(
        ex,
        mentions=tuple(m for m in ex.mentions if ok(m)),
        meetings=tuple(meetings),
        statements=tuple(s for s in ex.statements if person(s.speaker)),
        agreements=tuple(replace(a, signatories=tuple(p for p in a.signatories if actor(p)))
                         for a in ex.agreements if any(actor(p) for p in a.signatories)),
        attacks=tuple(replace(a, location=where(a.location)) for a in ex.attacks),
        posts=tuple(replace(f, org=f.org if body(f.org) else None)
                    for f in ex.posts if person(f.person)),
        affiliations=tuple(a for a in ex.affiliations if person(a.person) and body(a.org)),
        dateline=ex.dateline if ok(ex.dateline) else None,
    )


def stored_entities(labels: Mapping[str, str], kinds: Mapping[str, str] | None = None
                    ) -> dict[str, Entity]:
    """Entities a store holds (key -> label), as :class:`Identity` takes them."""
    out = {}
    for key, label in labels.items():
        prefix = key.split("/", 1)[0]
        kind = {"person": "Person", "org": "Organization", "place": "Place",
                "country": "Country"}.get(prefix)
        if kind is not None:
            out[key] = Entity(key, kind, label)  # type: ignore[arg-type]
    return out


def link(resolutions: Iterable[Resolution], identity: Identity | None = None
         ) -> list[Resolution]:
    """Observe, decide and apply in one go (for a batch held in memory)."""
    ident = identity or Identity()
    batch = list(resolutions)
    for r in batch:
        ident.observe(r)
    ident.decide()
    return [ident.apply(r) for r in batch]
