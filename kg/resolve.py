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

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable

from anyascii import anyascii

from kg import gazetteer, leaders
from kg.model import Entity, EntityKind, Extraction, Mention, Resolution, visible
from kg.names import (
    SUFFIXES,
    cue_gender,
    cue_relative,
    extends,
    family_name,
    initials,
    is_full_name,
    name_tokens,
)

_NAME_STOP = frozenset({"the", "of", "and", "for", "al", "el", "de", "bin"})


def slugify(text: str) -> str:
    """A lower-case ASCII slug: "Mullah Beradar" -> "mullah-beradar"; other scripts are
    transliterated (anyascii), so no two names in Cyrillic or Chinese share one slug, and a
    Cyrillic look-alike letter in a Latin name gives the Latin name's slug.

    >>> slugify("Jean-François Théodore"), slugify("U.S. State Department")
    ('jean-francois-theodore', 'us-state-department')
    >>> slugify("Сергей Лавров"), slugify("Pоmpeo")
    ('sergey-lavrov', 'pompeo')
    """
    text = anyascii(unicodedata.normalize("NFKC", text))
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


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _day_told_of(m: Mention, day: _dt.date | None, text: str | None) -> _dt.date | None:
    """The day a bare name's sentence is about: the article's, or the middle of the earliest
    year the sentence names when all are earlier ("In 1989, Castro met Gorbachev": Fidel's
    time, not Raul's)."""
    if day is None or text is None or text[m.start:m.end] != m.text:
        return day
    start = max(text.rfind(". ", 0, m.start), text.rfind("\n", 0, m.start)) + 1
    ends = [i for i in (text.find(". ", m.end), text.find("\n", m.end)) if i >= 0]
    years = {int(y) for y in _YEAR.findall(text[start:min(ends, default=len(text))])}
    past = {y for y in years if y < day.year}
    return _dt.date(min(past), 7, 1) if past and years == past else day


def people(mentions: list[Mention], day: _dt.date | None = None,
           text: str | None = None) -> dict[Mention, str]:
    """Each person mention of one article -> the label of the person it names.

    - Full names that differ only by initials, accents, hyphens or transliteration are one
      person ("Donald J. Trump", "Donald Trump"); a name whose words all stand in exactly
      one fuller name is that person ("Moon Jae" of "Moon Jae-in"), but a name without a
      generational suffix never joins one with it ("Donald Trump" is not "Donald Trump
      Jr.").
    - A bare family name ("Trump", "Mr Trump", "President Trump") goes to the bearer the
      article gives the same title, if any ("President Castro" is "President Raul Castro"),
      else to the one bearer in office on the article's ``day`` (:mod:`kg.leaders`; or in
      the earliest of the earlier years the mention's sentence names, in ``text``; for an
      undated article, in the time of the leaders it titles, :func:`kg.leaders.era`), else
      to the most salient bearer of it (most full mentions, then first named), never
      to a relative marked by a suffix ("Jr.") or a kinship or consort word ("his daughter
      Ivanka Trump", "first lady Melania Trump") unless the mention itself is addressed
      so; a female form of address ("Mrs Trump") goes to a bearer the article addresses
      so, a male one never does.  A bare name no full name of the article bears stays as
      written, for the corpus to decide; so does one that names a head of state or
      government in office on the article's ``day`` (:mod:`kg.leaders`) when no full name
      of the article is his ("Mr. Trump" in 2018 is not "Eric Trump", the one Trump the
      article names in full).
    - The label is the fullest form (most words, then most frequent, then longest).
    """
    if not mentions:
        return {}
    ordered = sorted(mentions, key=lambda m: m.start)
    full = [m for m in ordered if is_full_name(surface(m.text))]
    # 1. full names: one group per word set (initials, accents, spellings folded)
    by_words: dict[frozenset[str], set[frozenset[str]]] = {}
    for m in full:
        by_words.setdefault(frozenset(name_tokens(surface(m.text))), set()).add(
            initials(surface(m.text)))
    split = {w: max(sets - {frozenset()}, key=lambda s: sum(  # the initials the plain
        1 for m in full if initials(surface(m.text)) == s))  # name goes with: the most used
        for w, sets in by_words.items() if len(sets - {frozenset()}) > 1}

    def word_key(m: Mention) -> frozenset[str]:
        """The group of a full name; "George H.W. Bush" and "George W. Bush" of one article
        are two people, whose initials tell them apart ("George Bush" goes with the one
        the article names more)."""
        words = frozenset(name_tokens(surface(m.text)))
        if words not in split:
            return words
        marks = initials(surface(m.text)) or split[words]
        return words | {"#" + "".join(sorted(marks))}

    groups: dict[frozenset[str], list[Mention]] = {}
    for m in full:
        groups.setdefault(word_key(m), []).append(m)
    # a shorter full name joins the one fuller name containing all its words
    keys = sorted(groups, key=len)
    order = {k: name_tokens(surface(ms[0].text)) for k, ms in groups.items()}
    host: dict[frozenset[str], frozenset[str]] = {}
    for k in keys:
        sup = [o for o in keys if k < o and _suffix_of(o) == _suffix_of(k)
               and extends(order[k], order[o])]
        tops = [o for o in sup if not any(o < p for p in sup)]
        if len(tops) == 1:
            host[k] = tops[0]

    def root(k: frozenset[str]) -> frozenset[str]:
        while k in host:
            k = host[k]
        return k

    members: dict[frozenset[str], list[Mention]] = {}
    for k, ms in groups.items():
        members.setdefault(root(k), []).extend(ms)
    label = {k: _fullest([surface(m.text) for m in ms]) for k, ms in members.items()}
    first = {k: min(m.start for m in ms) for k, ms in members.items()}
    gender = {k: {cue_gender(m.cue) for m in ms} - {""} for k, ms in members.items()}
    relative = {k for k, ms in members.items() if any(cue_relative(m.cue) for m in ms)}
    titles = {k: {m.cue for m in ms if m.cue in OFFICE_CUES} for k, ms in members.items()}
    out = {m: label[root(word_key(m))] for m in full}
    # an undated article's time, from the leaders it titles (for a bare name's bearer in
    # office: "Kim" of "North Korean leader Kim Jong Un" and envoy "Kim Yong Chol")
    era = leaders.era(ordered, text) if day is None and text is not None else None
    # 2. bare names: the most salient bearer, never a relative
    for m in ordered:
        if m in out:
            continue
        name = surface(m.text)
        toks = name_tokens(name)
        if not toks:
            out[m] = name
            continue
        word = toks[-1] if toks[-1] not in SUFFIXES else toks[0]
        want_suffix = toks[-1] if toks[-1] in SUFFIXES else ""
        bearers = [k for k in members if family_name(label[k]) == word
                   and _suffix_of(k) == want_suffix]
        if not bearers:  # a given name or another word of exactly one full name
            bearers = [k for k in members if word in k and _suffix_of(k) == want_suffix]
            if len(bearers) > 1:
                out[m] = name
                continue
        g = cue_gender(m.cue)
        if not cue_relative(m.cue) and g != "f":  # "Trump" is not the first lady
            bearers = [k for k in bearers if k not in relative]
        if g:
            bearers = [k for k in bearers if gender[k] <= {g}]
            if g == "f":  # "Mrs. Clinton" is not "Bill Clinton", whom the table knows
                bearers = [k for k in bearers if not leaders.is_male_leader(label[k])]
            if g == "f" and len(bearers) > 1:
                bearers = [k for k in bearers if gender[k] == {"f"}] or bearers
            if g == "f" and len(bearers) > 1 and any(
                    cue_gender(o.cue) == "m" and name_tokens(surface(o.text))[-1:] == (word,)
                    for o in ordered if " " not in surface(o.text)):
                # "Mrs Trump" where "Mr Trump" is the most named bearer: she is another
                husband = max(bearers, key=lambda k: (len(members[k]), -first[k]))
                bearers = [k for k in bearers if k != husband]
        if not bearers or _two_name_orders([label[k] for k in bearers]):
            out[m] = name  # "Kim" of "Kim Jong Un" and "Sung Kim": the corpus decides
            continue
        if day is not None and not cue_relative(m.cue) and (
                rows := set(leaders.rows_for(m, day))) and not any(
                rows & set(leaders.rows_for(Mention(label[k], 0, 0, "Person"), day))
                for k in bearers):
            out[m] = name  # the leader in office, whom the article never names in full
            continue
        if m.cue in OFFICE_CUES and len(bearers) > 1:  # "President Castro" is the one the
            bearers = [k for k in bearers if m.cue in titles[k]] or bearers  # article calls
            # "President Raul Castro", however often it names his brother Fidel
        if len(bearers) > 1 and (told_of := _day_told_of(m, day or era, text)) is not None and \
                len(in_office := [
                k for k in bearers
                if leaders.rows_for(Mention(label[k], 0, 0, "Person"), told_of)]) == 1:
            bearers = in_office  # "Obama met Castro" in 2016, in an article that names
            # Fidel Castro more often: the brother in office then, Raul ("In 1989, Castro
            # met Gorbachev": Fidel)
        best = max(bearers, key=lambda k: (len(members[k]), -first[k]))
        out[m] = label[best]
    return out


GROUP_FORMS = {"g-7": "G7", "group of seven": "G7", "group of 7": "G7", "g-8": "G8",
               "group of eight": "G8", "group of 8": "G8", "g-20": "G20", "group of 20": "G20",
               "group of twenty": "G20"}
"""Spellings of the groups of leading economies -> one name (one node of the graph)."""


OFFICE_CUES = frozenset({"president", "prime minister", "chancellor", "premier", "king",
                         "queen", "emir", "crown prince", "vice president", "secretary",
                         "senator", "governor", "minister", "foreign minister", "speaker",
                         "ambassador", "general", "gen.", "sen.", "gov.", "rep."})
"""Titles of office before a name: a bare name with one of them is the bearer the article
gives the same title."""


def _two_name_orders(labels: list[str]) -> bool:
    """Bearers of one family name written in both orders ("Kim Jong Un", family name first;
    "Sung Kim", last): the article's counts cannot say which a bare "Kim" is."""
    firsts = {name_tokens(n)[0] == family_name(n) for n in labels if name_tokens(n)}
    return len(firsts) > 1


def _suffix_of(key: frozenset[str]) -> str:
    found = key & SUFFIXES
    return min(found) if found else ""


def _fullest(names: list[str]) -> str:
    """The fullest of several spellings: most words (initials not counted), then the most
    frequent, then the longest, then the alphabetically first."""
    counts: dict[str, int] = {}
    for n in names:
        counts[n] = counts.get(n, 0) + 1
    return min(counts, key=lambda n: (-len(name_tokens(n)), -counts[n], -len(n), n))


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


def _two_bare_bearers(labels: dict[Mention, str]) -> set[Mention]:
    """The mentions of a bare name that the article gives to a woman ("Ms. Kim") when it
    also gives the same bare name to a man ("Mr. Kim") and names neither in full: two
    people, kept apart (the corpus decides who each is)."""
    genders: dict[str, set[str]] = {}
    for m, label in labels.items():
        if " " not in label and (g := cue_gender(m.cue)):
            genders.setdefault(label, set()).add(g)
    return {m for m, label in labels.items()
            if genders.get(label) == {"f", "m"} and cue_gender(m.cue) == "f"}


def resolve(extraction: Extraction) -> Resolution:
    """Group the article's mentions into entities; return the mention -> entity map."""
    mentions = extraction.mentions
    by_kind: dict[EntityKind, list[Mention]] = {}
    for m in mentions:
        by_kind.setdefault(m.kind, []).append(m)
    entity_of: dict[Mention, Entity] = {}
    extra: list[Entity] = []

    labels = people(by_kind.get("Person", []), extraction.article.date, extraction.article.text)
    two = _two_bare_bearers(labels)
    for m, label in labels.items():
        key = f"person/{slugify(label)}"
        entity_of[m] = Entity(f"{key}-f" if m in two else key, "Person", label)
    bodies = by_kind.get("Organization", [])
    canon = _cluster(surface(m.text) for m in bodies)
    for m in bodies:
        label = canon[surface(m.text)]
        label = GROUP_FORMS.get(label.lower(), label)
        entity_of[m] = Entity(f"org/{slugify(label)}", "Organization", label)
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
