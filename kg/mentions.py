"""Named mentions in a parsed article, and the noun phrases that point at them.

The statistical NER gives spans and labels; this module decides what each span denotes
(a Person, Organization, Country or Place), repairs the small model's usual slips (a
surname tagged GPE because of "Pompeo's", "Afghan government" split into a demonym and a
noun) and answers the question every event rule asks: which actors does this argument
token stand for?  "negotiators from the Afghan government and the Taliban" stands for two
actors; "Taliban political deputy ... Mullah Beradar" stands for the person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy
from spacy.attrs import DEP, ENT_TYPE, IS_TITLE, LOWER, POS
from spacy.strings import hash_string  # type: ignore[attr-defined]  # (no stub)
from spacy.symbols import ADJ, NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from kg import gazetteer, leaders
from kg.dates import MONTH_NAMES
from kg.model import ACTOR_KINDS, EntityKind, Mention, visible
from kg.names import (
    FURNITURE_WORDS,
    GIVEN_NAMES_LIKE_COUNTRIES,
    PARTICLES,
    ROYAL_TITLES,
    SUFFIXES,
    fold,
    is_clean_person_name,
)
from kg.rules import ORG_NAMES, ROLE_NOUNS, TITLES_KEY

HONORIFICS = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "president", "gen",
    "gen.", "general", "prime", "minister", "senator", "sen.", "rep.", "prof", "prof.",
    "professor", "chancellor", "secretary", "ambassador", "premier", "judge", "justice",
    "king", "queen", "prince", "princess", "pope", "col", "col.", "colonel", "lt", "capt",
    "captain", "major", "adm", "admiral", "envoy", "foreign", "deputy", "vice", "former",
    "then", "chief", "governor", "gov.", "mayor", "lady", "councilor", "councillor",
    "taoiseach", "tanaiste",
})
"""Words that open a name in running text but are not part of it ("Mr Straw")."""

GOVERNMENT_NOUNS = frozenset({"government", "administration", "regime", "authorities"})

OFFICIAL_NOUNS = frozenset({"government", "state", "side"})
"""Nouns besides role words whose modifiers name the actor ("the Afghan side").  Not
"counterpart": "his Iranian counterpart" is nearly always a minister the article names,
and standing for the country it made a wrong pair each time on the dev sets."""

GROUP_NOUNS = frozenset({
    "negotiators", "team", "teams", "delegation", "delegations", "representatives",
    "officials", "members", "leaders", "ministers", "diplomats", "envoys", "side", "sides",
    "counterparts", "peers", "leadership", "mission", "emissaries", "negotiating", "officers",
    "commanders", "chiefs", "heads", "deputies", "ambassadors", "staff", "supporters",
    "insurgents", "militants", "fighters", "troops", "forces",
})
"""Nouns that stand for the body named in their modifiers ("Taliban negotiators").  A
singular title ("the Pakistani president") stands for one person, never for the country."""

BODY_WORDS = frozenset({
    "council", "committee", "party", "ministry", "department", "union", "bank", "court",
    "agency", "commission", "organisation", "organization", "office", "assembly", "group",
    "army", "police", "company", "corporation", "fund", "association", "authority", "board",
    "service", "institute", "university", "league", "front", "movement", "forces", "house",
})
"""Words that mark a name as a body, not a person."""

ADDRESS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr."})
"""Forms of address before a surname ("Ms Jamieson"); not part of the name."""

PEERAGE = frozenset({"lord", "baroness", "lady", "mullah", "sheikh", "ayatollah"})
"""Words that are part of a name and stay in it ("Lord Goldsmith", "Mullah Beradar")."""

_LABEL_KIND: dict[str, EntityKind] = {
    "PERSON": "Person", "ORG": "Organization", "FAC": "Place", "LOC": "Place",
}
_ORG_NAMES_LOWER = frozenset(n.lower() for n in ORG_NAMES)
_JUNK = re.compile(r"[\[\]{}<>@#|_=+*/\\]|\d{3,}|https?:")


@dataclass(frozen=True)
class MentionIndex:
    """The mentions of one document and the token -> mention look-up."""

    mentions: tuple[Mention, ...]
    by_token: dict[int, Mention]
    title_holders: dict[str, tuple[tuple[Mention, str | None], ...]] = field(
        default_factory=dict)
    """Head word of a post title -> (person, ISO3 of the post's country) stated in the text."""
    table_holders: dict[str, tuple[tuple[Mention, str], ...]] = field(default_factory=dict)
    """Head word -> (person, ISO3) that kg.leaders knows of people the text never gives that
    title: only a title naming a country ("the North Korean leader") may stand for them."""
    other_names: tuple[str, ...] = ()
    """Names the NER labelled as laws, products, events or works (see OTHER_LABELS)."""
    body_heads: dict[str, tuple[Mention, ...]] = field(default_factory=dict)
    """A body's name (lower case) -> the people the text gives its top post ("NATO
    Secretary-General George Robertson"): who "the NATO chief" is."""

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once (``Doc.text`` joins every token on each call);
    :func:`kg.extract.extract` primes it with the article's own text."""
    text = doc.user_data.get("dip_text")
    if text is None:
        text = doc.user_data["dip_text"] = doc.text
    return str(text)


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """The Doc's entities, listed once (``Doc.ents`` walks every token on each call)."""
    ents = doc.user_data.get("dip_ents")
    if ents is None:
        ents = doc.user_data["dip_ents"] = tuple(doc.ents)
    return tuple(ents)


def clean_name(span: Span, *, person: bool = False) -> tuple[int, int, str]:
    """Character range and text of a name without "the", honorifics or a possessive.

    For a person (``person=True``) the name also ends before a possessive ("Theresa May's
    Brexit" is Theresa May) or a quotation mark, and loses leading lower-case words ("first
    lady Melania Trump") and furniture words around it ("Breaking David Cameron", "Wilbur
    Ross Photographer", "Trump Sunday"); a royal title stays before a single name ("King
    Salman", "Queen Elizabeth II"), as royal names are written.
    """
    tokens = [t for t in span if not t.is_space]
    while tokens and (tokens[0].lower_ in {"the", "a", "an"} or tokens[0].is_punct):
        tokens = tokens[1:]
    if person:
        tokens = _person_tokens(tokens)
    while len(tokens) > 1 and tokens[0].lower_ in HONORIFICS and not (
            person and _royal(tokens)) and tokens[1].lower_ not in {"of", "and", "&"}:
        tokens = tokens[1:]  # ("the Prince of Wales" is a title that names one, not "of
        # Wales"; "Justice and Development Party" a party, not "and Development Party")
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    opened = [i for i, t in enumerate(tokens) if t.text == "("]
    if opened and not any(t.text == ")" for t in tokens[opened[-1]:]):
        tokens = tokens[:opened[-1]]  # "Group of Seven (G-7", its bracket cut off
    if not tokens:
        return span.start_char, span.start_char, ""
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return start, end, doc_text(span.doc)[start:end]


_PEERAGE = re.compile(r"(?:Prince|Princess|Duke|Duchess|Earl|Countess) of [A-Z][\w-]+")
"""A royal or peerage title that names one person ("Prince of Wales")."""


def _royal(tokens: list[Token]) -> bool:
    """ "King Salman", "Queen Elizabeth II", "Prince Harry": a royal title and one name."""
    rest = [t for t in tokens[1:] if not re.fullmatch(r"[IVX]+", t.text)]
    return tokens[0].lower_ in ROYAL_TITLES and len(rest) == 1 and rest[0].is_title


_HEAD_TITLES = frozenset({"king", "queen", "prince", "princess", "emir", "sultan", "president",
                          "prime"})
_DEMONYM_ENDS = ("ian", "ese", "ish", "an", "i")


def _person_tokens(tokens: list[Token]) -> list[Token]:
    """A person span cut to the name: up to a possessive or quote, without lower-case or
    furniture words before it and furniture words after it."""
    for i, t in enumerate(tokens):
        if i and (t.tag_ == "POS" or t.text in {'"', "“", "”", "(", "[", "—", "–"}
                  or t.text.startswith(("'s", "’s"))):
            tokens = tokens[:i]
            break
    while len(tokens) > 1 and (tokens[0].is_lower or fold(tokens[0].text) in FURNITURE_WORDS
                               or tokens[0].tag_ in {"VBG", "VBD", "VBZ", "VBN"}):
        if tokens[0].lower_ in PARTICLES or tokens[0].lower_.startswith(("al-", "el-")):
            break
        tokens = tokens[1:]
    while len(tokens) > 2 and gazetteer.country(tokens[0].text) is not None and (
            fold(tokens[0].text) not in GIVEN_NAMES_LIKE_COUNTRIES
            or tokens[1].lower_ in HONORIFICS) and tokens[1].is_title:
        tokens = tokens[1:]  # "Nigerian Shehu Sani", "Jordanian King Abdullah II"
    while len(tokens) > 2 and tokens[1].lower_ in _HEAD_TITLES and tokens[0].is_title and \
            tokens[0].lower_ not in HONORIFICS and tokens[0].lower_.endswith(_DEMONYM_ENDS):
        tokens = tokens[1:]  # "(Saudi) Arabian King Salman": a people's adjective
    doc = tokens[0].doc if tokens else None
    if doc is not None and len(tokens) > 2 and tokens[0].i > 0 and \
            doc[tokens[0].i - 1].lower_ in {"to", "of"} and \
            gazetteer.country(tokens[0].text) is not None and tokens[1].is_title:
        tokens = tokens[1:]  # "Ambassador to Israel Dan Shapiro"
    while len(tokens) > 1 and (fold(tokens[-1].text) in FURNITURE_WORDS
                               or tokens[-1].is_punct or tokens[-1].is_lower):
        if tokens[-1].is_lower and tokens[-2].text == "-" and not tokens[-2].whitespace_:
            break  # "Moon Jae-in"
        if tokens[-1].is_title and tokens[-2].lower_ in {"bin", "ibn", "bint"}:
            break  # "Sultan Qaboos bin Said": a father's name, not "said"
        tokens = tokens[:-1]
    return tokens


def _kind(label: str, text: str) -> EntityKind | None:
    if gazetteer.country(text) is not None and label in {"GPE", "NORP", "ORG", "PERSON",
                                                         "LANGUAGE"}:
        return "Country"
    if label == "GPE":
        return "Place"
    if label == "NORP":
        return "Organization" if text.lower() in _ORG_NAMES_LOWER else None
    return _LABEL_KIND.get(label)


def _person_names(doc: Doc) -> set[str]:
    """Surface forms that name a person in this document: full names and their surnames."""
    names: set[str] = set()
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON":
            continue
        _, _, text = clean_name(ent, person=True)
        if not text or not is_clean_person_name(text) or _org_tail(text):
            continue
        names.add(text.lower())
        parts = text.split()
        if len(parts) > 1:
            names.add(parts[-1].lower())
            names.add(re.sub(r"^(?:al|el)-", "", parts[-1].lower()))  # "Abadi" of "al-Abadi"
            names.add(parts[0].lower())  # family name first: "Moon" of "Moon Jae-in"
    return names


MISTERS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr."})
"""Honorifics only a person's name follows."""


def _mister(ent: Span) -> bool:
    """ "Mr Straw", "Mr Houston", "Mr Kilroy-Silk": a short capitalised name right after
    "Mr", "Mrs", "Ms" or "Dr" names a person, whatever the NER called it (a product, a
    city, a firm); not a country ("Mr Jordan" stays Jordan: a country's name is rarer)."""
    doc = ent.doc
    return ent.start > 0 and doc[ent.start - 1].lower_ in MISTERS and len(ent) <= 3 and all(
        t.is_title or t.text == "-" for t in ent) and gazetteer.country(ent.text) is None


def _after_role_word(doc: Doc, ent: Span) -> bool:
    """ "Nato spokeswoman Ingrid Dahl", "the trade minister, Ivo Horvat": a two-or-more-word
    name right after a role word, or apposed to one, which the small model often tags ORG,
    names a person."""
    if ent.start == 0 or len(ent) < 2 or ent.text.lower() in _ORG_NAMES_LOWER:
        return False
    if any(t.lower_ in BODY_WORDS or not t.is_title for t in ent):
        return False  # "the 15-member Security Council"
    prev = doc[ent.start - 1]
    if prev.lower_ in ROLE_NOUNS and ent.start <= prev.head.i < ent.end:
        return True
    root = ent.root  # "the trade minister, Ivo Horvat, and the head of the delegation, Marko
    return root.dep_ == "appos" and root.head.lower_ in POST_NOUNS and prev.text == ","  # Babic"


POST_NOUNS = frozenset({"minister", "secretary", "president", "premier", "ambassador", "envoy",
                        "head", "chief", "spokesman", "spokeswoman", "spokesperson", "leader",
                        "negotiator", "official", "governor", "mayor", "senator", "chancellor",
                        "commander", "deputy", "diplomat", "emissary"})
"""Posts held only by people: a name apposed to one is a person's ("the minister, Ivo
Horvat"); not "an adviser, Goldman Sachs", a firm."""


def _untagged_names(doc: Doc, persons: set[str]) -> list[Mention]:
    """Names the NER missed but the grammar gives away: a proper noun headed by a peerage
    word ("Lord Falconer", "Baroness Morgan") or right after a post title ("Home Office
    Minister Lord Falconer")."""
    found: list[Mention] = []
    if not len(doc):
        return found
    arr = doc.to_array([POS, ENT_TYPE, DEP, IS_TITLE])  # candidates picked in C, not one
    # token at a time: proper nouns, and capitalised common nouns ("Trump shook hands")
    candidates = numpy.flatnonzero(((arr[:, 0] == PROPN) | ((arr[:, 0] == NOUN)
                                                            & (arr[:, 3] == 1)))
                                   & (arr[:, 1] == 0)
                                   & (arr[:, 2] != doc.vocab.strings["compound"]))
    for i in candidates.tolist():
        tok = doc[i]
        if tok.pos_ == "NOUN" and not (tok.is_title and tok.tag_ == "NN" and tok.lower_ in persons
                                       and (tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj",
                                                         "conj"} or (
                                           tok.dep_ == "nmod" and tok.i + 1 < len(doc)
                                           and doc[tok.i + 1].pos_ == "VERB"))):
            continue  # "Trump shook hands" tagged as the noun "trump": a surname all the same
            # (as a modifier only right before a verb: "Trump hosted Erdogan", misparsed)
        left = tok
        while left.i > 0 and doc[left.i - 1].pos_ == "PROPN" and not doc[left.i - 1].ent_type_ \
                and doc[left.i - 1].head == tok:
            left = doc[left.i - 1]
        before = doc[left.i - 1] if left.i > 0 else None
        titled = before is not None and (before.ent_type_ == "TITLE" or (
            before.lower_ in ROLE_NOUNS and before.head == tok))
        if left == tok and tok.lower_ in persons and tok.is_title and not (
                tok.lower_ in ROLE_NOUNS and before is not None and before.lower_ == "the"):
            # a surname the article gave in full elsewhere, which the NER missed here
            found.append(Mention(tok.text, tok.idx, tok.idx + len(tok.text), "Person"))
        elif left.lower_ in ADDRESS and left != tok:  # "Ms Jamieson": the name after the title
            start, end = doc[left.i + 1].idx, tok.idx + len(tok.text)
            found.append(Mention(doc_text(doc)[start:end], start, end, "Person"))
        elif (left.lower_ in PEERAGE and left != tok) or (titled and left.is_title) or (
                left.lower_ in ROYAL_TITLES and left.is_title and left.i == tok.i - 1
                and tok.is_title) or (  # "Prince Adil": a royal title and one name
                left.lower_ in ROYAL_TITLES and left.is_title and left.i == tok.i - 2
                and doc[tok.i - 1].is_title and tok.text in REGNAL):  # "King Abdullah II"
            start, end = left.idx, tok.idx + len(tok.text)
            found.append(Mention(doc_text(doc)[start:end], start, end, "Person"))
    for root in (sent.root for sent in doc.sents):  # a caption's "Vidal talks with Kovac",
        # parsed as a noun "talks" with the surname (tagged a noun) its modifier
        if root.pos_ == "NOUN" and root.lower_ in CAPTION_VERBS:
            found += [Mention(c.text, c.idx, c.idx + len(c.text), "Person")
                      for c in root.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                      and c.is_title and not c.ent_type_ and c.lower_ in persons]
    # "their Filipino counterparts", "the Estonian, Latvian and Lithuanian presidents": a
    # demonym the NER left untagged (a modifier, or listed with one)
    amod, conj = doc.vocab.strings["amod"], doc.vocab.strings["conj"]
    for i in numpy.flatnonzero((arr[:, 0] == ADJ) & (arr[:, 1] == 0)
                               & ((arr[:, 2] == amod) | (arr[:, 2] == conj))).tolist():
        tok = doc[i]
        if tok.dep_ == "conj" and not (tok.head.dep_ in {"amod", "conj"} and tok.head.ent_type_):
            continue  # listed with a tagged demonym
        if tok.is_title and tok.i > tok.sent.start and gazetteer.country(tok.text) is not None:
            found.append(Mention(tok.text, tok.idx, tok.idx + len(tok.text), "Country"))
    return found


CAPTION_VERBS = frozenset({"talks", "meets", "shakes", "speaks", "chats", "greets", "welcomes",
                           "embraces", "hugs"})
"""A caption's present-tense verbs, which the parser often reads as plural nouns."""

REGNAL = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"})
"""The numbers after a monarch's name ("King Abdullah II")."""

NOT_DATES_KEY = "dip_not_dates"
"""``doc.user_data`` key: start tokens of DATE entities that are surnames ("with May")."""
MONTH_WORDS = frozenset({"in", "on", "since", "until", "till", "by", "early", "late", "mid",
                         "last", "next", "this", "of", "through", "from", "before", "after",
                         "during", "throughout", "between", "and", "or", "to", "-"})
"""Words before a month that keep it a month: "in May", "since May", "April to May"."""


def _month_surname(ent: Span, known: set[str]) -> bool:
    """ "spoke with May", "May said": the month the NER saw is the surname of a person the
    article names in full ("Theresa May"), when no date word stands around it."""
    if ent.label_ != "DATE" or len(ent) != 1 or ent.text != "May" or "may" not in known:
        return False
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end] if ent.end < len(doc) else None
    return before not in MONTH_WORDS and not (after is not None and (
        after.like_num or after.lower_ in MONTH_WORDS - {"and"}))


def _listed_with_people(ent: Span, text: str) -> bool:
    """ "Jean-Claude Juncker, Donald Tusk, Angela Merkel and ...": a full name the NER took
    for a body or a building, in a list whose other members include two people, is a
    person (but not "the White House", "Trump Tower" or a country); so is a surname in a
    list of three or more people and nothing else ("Merkel, Macron, Conte, Sanchez and
    Rutte")."""
    if not all(t.is_title or t.text == "-" for t in ent) or ent.text.isupper() or \
            text.lower() in _ORG_NAMES_LOWER or _org_tail(text) or \
            not is_clean_person_name(text) or any(t.lower_ in BODY_WORDS for t in ent) or \
            gazetteer.country(text) is not None or gazetteer.city(text) is not None:
        return False
    root = ent.root
    listed = [t for t in root.conjuncts if not ent.start <= t.i < ent.end]
    people = sum(t.ent_type_ == "PERSON" for t in listed)
    if len(ent) == 1:
        return people >= 3 and all(t.ent_type_ == "PERSON" for t in listed)
    return people >= 2


_COMPASS_PAIR = re.compile(r"(North|South|East|West) and (North|South|East|West) (\w+)")


def _compass_pair(text: str) -> tuple[str, str] | None:
    """ "North and South Korea" -> ("North Korea", "South Korea"), when both are countries."""
    found = _COMPASS_PAIR.fullmatch(text)
    if found is None:
        return None
    one, two = f"{found[1]} {found[3]}", f"{found[2]} {found[3]}"
    known = [gazetteer.country(n) for n in (one, two)]
    return (one, two) if all(known) and len({k.iso3 for k in known if k}) == 2 else None


def _paired_country(m: Mention, index: MentionIndex, text: str) -> Mention | None:
    """The first country of "North and South Korea" for the mention of the second (the two
    mentions :func:`_compass_pair` made: "North" stands for North Korea)."""
    if text[max(0, m.start - 5):m.start] != " and ":
        return None
    return next((o for o in index.mentions if o.kind == "Country" and o.end < m.start
                 and text[o.end:m.start] == " and " and text[o.start:o.end] != o.text
                 and _compass_pair(f"{text[o.start:o.end]} and {m.text}") is not None), None)


def _before_dated_possessive(ent: Span) -> Span:
    """ "Trump’s July 25" (a call's day run into the name): the name before the possessive;
    a name that ends in one ("McDonald's") or goes on in words ("Macy's Parade") stays."""
    for t in ent[:-1]:
        if (t.tag_ == "POS" or t.lower_ in {"'s", "\u2019s"}) and t.i > ent.start:
            after = ent.doc[t.i + 1]
            if after.lower_ in MONTH_NAMES or after.like_num:
                return Span(ent.doc, ent.start, t.i, label=ent.label_)
    return ent


def find_mentions(doc: Doc) -> MentionIndex:
    """Every named Person, Organization, Country and Place in ``doc``.

    ``TITLE`` spans from ``dip_entities`` are moved to ``doc.spans["dip_titles"]``.  A
    span tagged GPE or ORG that repeats a person's name or surname found elsewhere in
    the article is a Person ("Pompeo's visit"), unless it names a country.  A demonym or
    country followed by "government" becomes one Country mention ("Afghan government").
    """
    ents = _caucuses(doc_ents(doc))
    doc.spans[TITLES_KEY] = [e for e in ents if e.label_ == "TITLE"]
    persons = _person_names(doc)
    known = {w for p in persons if " " in p for w in (p, p.split()[-1], p.split()[0])}
    # every name the article gives on its own, whatever the NER called it ("Trump" as ORG)
    named = known | persons | {e.text.lower() for e in ents if "-" not in e.text}
    mentions: list[Mention] = []
    other: list[str] = []
    for ent in (part for e in ents for part in _split_pair(e, known | persons)):
        if ent.label_ == "TITLE":
            continue
        if ent.label_ != "PERSON" and _mister(ent):
            ent = Span(doc, ent.start, ent.end, label="PERSON")  # "Mr Straw" as a product
        if ent.label_ in OTHER_LABELS and not _demonym_as_language(ent):
            other.append(clean_name(ent)[2])
            continue
        surname = _month_surname(ent, known)
        if surname:  # "spoke with May": a surname, so no date (kg.extract reads this set)
            doc.user_data.setdefault(NOT_DATES_KEY, set()).add(ent.start)
        ent = _before_dated_possessive(ent)
        if ent.label_ == "PERSON":
            ent = _name_tail(_hyphen_tail(ent))
        if _compound_of_names(ent, named):
            continue  # "the Trump-Kim summit": a modifier naming two actors, no actor
        start, end, text = clean_name(ent, person=ent.label_ == "PERSON")
        if not visible(text).strip() or _JUNK.search(text):
            continue  # "Hillary] Clinton", "@POTUS", "\x01": scraping debris, not a name
        kind = "Person" if surname or (ent.label_ != "PERSON" and leaders.is_leader_name(
            text)) else _kind(ent.label_, text)
        # (a leader's full name the NER took for a building or a body is still the leader)
        if kind == "Person" and (not is_clean_person_name(text) or _org_tail(text)):
            kind = _not_a_person(text)  # "Trump Tower", "Wilbur Ross Photographer", "the
            # Democratic Caucus" (a clean-looking name that ends in a body's word)
        titled = ent.start > 0 and (doc[ent.start - 1].lower_ in HONORIFICS
                                    or doc[ent.start - 1].lower_ in ROLE_NOUNS)
        # "visits Manchester": a one-word city is no person ("King Hassan" is), nor "Ciudad
        # Juarez", whichever the NER called it
        city_name = kind == "Person" and (len(ent) > 1 or text.lower() not in known) and \
            not titled and gazetteer.big_city(text) is not None
        if city_name:
            kind = "Place"
        if kind == "Person" and len(ent) == 1 and ent.start > 0 and \
                doc[ent.start - 1].lower_ == "the" and text.lower() in ROLE_NOUNS:
            continue  # "The King meets Obama": a title, not Angus King
        if kind in {"Place", "Organization"} and _royal(list(ent)) and \
                gazetteer.country(text) is None:
            kind = "Person"  # "they met little Prince George": a royal name, no place
            start, end, text = clean_name(ent, person=True)
        if kind in {"Place", "Organization"} and _PEERAGE.fullmatch(text):
            kind = "Person"  # "the Prince of Wales", "the Duchess of Cornwall": one person
        if kind is None and ent.label_ == "NORP" and len(ent) == 1 and ent[0].pos_ == "PROPN" \
                and text.lower() in known:
            kind = "Person"  # "Rouhani spoke with Obama": a surname the NER took for a people
        if kind in {"Place", "Organization"} and not city_name and (
                text.lower() in known or _after_role_word(doc, ent)
                or (text.lower() in persons and gazetteer.big_city(text) is None)
                or _listed_with_people(ent, text)):
            kind = "Person"
        if kind is None or not re.search(r"[^\W_]", re.sub(r"['’]s$", "", text)) or \
                text.upper() in ACRONYM_TITLES:
            continue  # a possessive "’s" or punctuation the NER tagged alone names nothing;
            # "POTUS" is a title
        prev = doc[ent.start - 1] if ent.start > 0 else None
        if prev is not None and prev.lower_ in PEERAGE and prev.is_title and kind in {
                "Person", "Organization", "Place"} and not (
                prev.i > 0 and doc[prev.i - 1].lower_ == "first"):  # "first lady Melania Trump"
            kind, start, text = "Person", prev.idx, doc_text(doc)[prev.idx:end]
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if kind == "Country" and nxt is not None and nxt.lower_ in GOVERNMENT_NOUNS:
            end = nxt.idx + len(nxt.text)
            text = doc_text(doc)[start:end]
        if kind in {"Place", "Country"} and (pair := _compass_pair(text)):
            # "talks between North and South Korea": the NER's one place is two countries
            first = len(text.split()[0])
            mentions += [Mention(pair[0], start, start + first, "Country"),
                         Mention(pair[1], end - len(pair[1]), end, "Country")]
            continue
        mentions.append(Mention(text, start, end, kind,
                                _cue(doc, start) if kind == "Person" else ""))
    mentions += _untagged_names(doc, persons)
    mentions = _leader_names(doc, mentions)
    mentions = _given_name_he(doc, mentions)
    mentions = _shared_surnames(doc, mentions)
    by_token: dict[int, Mention] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            for tok in span:
                by_token[tok.i] = m
    return MentionIndex(tuple(mentions), by_token, other_names=tuple(n for n in other if n))


@lru_cache(maxsize=1)
def _first_word_hashes() -> numpy.ndarray:
    """spaCy's hashes of the first words of the leaders table's full names."""
    return numpy.array(sorted(hash_string(w) for w in leaders.first_words()), dtype=numpy.uint64)


def _leader_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A leader's full name from :mod:`kg.leaders` that the NER missed or took for
    something else ("Theresa May flew to Strasbourg": "May" read as a month) is a person; a
    longer name it begins ("Donald Trump Jr.") is not that leader."""
    people = [m for m in mentions if m.kind == "Person"]
    out = list(mentions)
    if not len(doc):
        return out
    text = doc_text(doc)
    arr = doc.to_array([LOWER, IS_TITLE])  # candidates picked in C: a leader's first name
    candidates = numpy.flatnonzero(numpy.isin(arr[:, 0], _first_word_hashes())
                                   & (arr[:, 1] == 1))
    for i in candidates.tolist():
        tok = doc[i]
        if any(m.start <= tok.idx < m.end for m in people):
            continue
        for n in (4, 3, 2):
            span = doc[tok.i:tok.i + n]
            if len(span) < n or not leaders.is_leader_name(span.text) or not span[-1].is_title:
                continue
            if any(m.start < span.end_char and m.end > span.start_char for m in people):
                break  # "King Salman bin Abdulaziz", the NER's person without the title
            after = doc[span.end] if span.end < len(doc) else None
            if after is not None and (after.lower_.rstrip(".") in SUFFIXES or (
                    after.is_title and after.pos_ == "PROPN" and after.whitespace_ != ""
                    and not after.is_sent_start and after.ent_type_ in {"", "PERSON"})):
                break  # "Donald Trump Jr.", "George Bush Senior"
            start, end = span.start_char, span.end_char
            out = [m for m in out if m.end <= start or m.start >= end]
            name = Mention(text[start:end], start, end, "Person", _cue(doc, start))
            out.append(name)
            people.append(name)
            doc.user_data.setdefault(NOT_DATES_KEY, set()).update(t.i for t in span)
            break
    return out


def _given_name_he(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Vice Premier Liu He": a capital "He" inside a sentence, right after a capitalised
    name, is the given name of a Chinese name, not the pronoun (which the tagger takes it
    for, so the NER misses the name or tags "Liu" alone)."""
    out = list(mentions)
    text = doc_text(doc)
    for tok in doc:
        if tok.text != "He" or tok.is_sent_start or tok.i == 0:
            continue
        prev = doc[tok.i - 1]
        if (not prev.is_title or prev.pos_ != "PROPN" or not prev.is_alpha
                or prev.whitespace_ != " " or prev.lower_ in ROLE_NOUNS
                or prev.ent_type_ not in {"", "PERSON"} or fold(prev.text) in FURNITURE_WORDS):
            continue
        before = doc[prev.i - 1] if prev.i > 0 else None
        if prev.ent_type_ != "PERSON" and not (before is not None and (
                before.lower_ in ROLE_NOUNS or before.ent_type_ == "TITLE")):
            continue  # a name or a title before it: not a headline's "Trump Says He Will"
        end = tok.idx + len(tok)
        own = [m for m in out if m.start <= prev.idx < m.end]
        if own and (own[0].kind != "Person" or own[0].end != prev.idx + len(prev)):
            continue
        start = own[0].start if own else prev.idx
        name = Mention(text[start:end], start, end, "Person",
                       own[0].cue if own else _cue(doc, start))
        if own:
            out[out.index(own[0])] = name
        else:
            out.append(name)
    return out


def _demonym_as_language(ent: Span) -> bool:
    """ "their Filipino counterparts": a people's name the NER took for their language,
    modifying a noun (not "spoke Filipino")."""
    return (ent.label_ == "LANGUAGE" and len(ent) == 1 and ent.root.dep_ == "amod"
            and gazetteer.country(ent.text) is not None)


def _shared_surnames(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Donald and Melania Trump", "Bill and Hillary Clinton": the first given name shares
    the surname after "and" when the article gives that whole name elsewhere, or it is a
    leader's name kg.leaders knows (the mention keeps its place in the text, its name is
    whole)."""
    text = doc_text(doc)
    out = list(mentions)
    for i, m in enumerate(out):
        if m.kind != "Person" or " " in m.text:
            continue
        nxt = next((n for n in out if n.kind == "Person" and n.start > m.end), None)
        if (nxt is not None and text[m.end:nxt.start] == " and "
                and len(nxt.text.split()) == 2 and nxt.text.split()[1][:1].isupper()):
            whole = f"{m.text} {nxt.text.split()[1]}"
            if any(n.text == whole for n in out) or leaders.is_leader_name(whole):
                out[i] = replace(m, text=whole)  # never "Hansen and Lars Berg"
    return out


ACRONYM_TITLES = frozenset({"POTUS", "FLOTUS", "VPOTUS", "SCOTUS", "SLOTUS"})
"""Titles written as acronyms ("POTUS and FLOTUS join President Xi"): whom they name is
the article's business, not a name of their own."""

OTHER_LABELS = frozenset({"LAW", "PRODUCT", "EVENT", "WORK_OF_ART", "LANGUAGE"})
"""NER labels of names that are no actor: counted against a name being a person."""

_FACILITY = frozenset({"tower", "towers", "square", "hotel", "hotels", "palace", "hall",
                       "street", "avenue", "road", "bridge", "airport", "station", "center",
                       "centre", "park", "plaza", "building", "resort", "stadium", "base",
                       "island", "islands", "hospital", "museum", "memorial", "abbey",
                       "cathedral", "church", "chapel", "mosque", "temple", "synagogue",
                       "castle", "cemetery", "monument"})


ORG_TAILS = frozenset({
    "organization", "organisation", "foundation", "inc", "corp", "administration", "cabinet",
    "caucus", "committee", "party", "commission", "agency", "ministry", "department",
    "institute", "association", "coalition", "federation", "assembly", "parliament",
    "senate", "university", "college", "company", "corporation", "board", "bureau",
    "army", "navy", "police", "club", "society", "movement", "front", "brigade", "brigades"})
"""Last words of bodies' names ("Democratic Caucus", "Judiciary Committee")."""


def _org_tail(text: str) -> bool:
    """A name ending in a body's word ("the Democratic Caucus") or a building's that is no
    family name ("Westminster Abbey"; not "Hall" nor "Park")."""
    words = text.split()
    last = fold(words[-1]).strip(".") if words else ""
    return last in ORG_TAILS or last in _BUILDINGS


_BUILDINGS = frozenset({"abbey", "cathedral", "mosque", "synagogue", "cemetery", "monument",
                        "museum", "airport", "stadium", "hospital", "palace", "hotel",
                        "plaza", "tower", "towers", "memorial"})
"""Last words of places that no person's name ends in."""


def _not_a_person(text: str) -> EntityKind | None:
    """What a span the NER called a person but no person is called may be instead: a
    building or square is a Place, a body an Organization; anything else is dropped."""
    last = fold(text.split()[-1]).strip(".") if text.split() else ""
    if last in _FACILITY:
        return "Place"
    if last in BODY_WORDS or last in ORG_TAILS:
        return "Organization"
    return None


def _hyphen_tail(ent: Span) -> Span:
    """ "Moon Jae-in": the small model often ends the name before "-in"; take the hyphen
    and the word glued to it back into the name."""
    doc, end = ent.doc, ent.end
    if (end < len(doc) and len(ent) > 1 and ent[-1].text == "-" and not ent[-1].whitespace_
            and doc[end].is_alpha and doc[end].is_lower):
        end += 1  # "Lee Jae-" + "in"
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].is_lower:
        end += 2
    # a new Span keeps the label: a bare slice has none, and the name was dropped
    return Span(doc, ent.start, end, label=ent.label_) if end != ent.end else ent


CHAMBERS = frozenset({"house", "senate"})
PARTY_PLURALS = frozenset({"democrats", "republicans"})


def _caucuses(ents: tuple[Span, ...]) -> tuple[Span, ...]:
    """ "House" and "Democrats" tagged apart: one body, "House Democrats" (the guidelines'
    side when no member is named: "met with House Democrats")."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if (prev is not None and prev.end == ent.start and prev.label_ == "ORG"
                and prev.text.lower() in CHAMBERS and ent.label_ == "NORP"
                and ent.text.lower() in PARTY_PLURALS):
            out[-1] = Span(ent.doc, prev.start, ent.end, label="ORG")
        else:
            out.append(ent)
    return tuple(out)


def _split_pair(ent: Span, known: set[str]) -> tuple[Span, ...]:
    """ "Trump and Pence" tagged as one name: two people, one on each side of "and" (a
    body's name only when both sides are people the article names: "Johnson & Johnson")."""
    if ent.label_ not in {"PERSON", "ORG"}:
        return (ent,)
    cut = next((t.i for t in ent if t.lower_ in {"and", "&"} and t.dep_ == "cc"), None)
    if cut is None or cut == ent.start or cut + 1 >= ent.end or not (
            ent.doc[cut - 1].is_title and ent.doc[cut + 1].is_title):
        return (ent,)
    if ent.label_ == "ORG" and not (ent.doc[cut - 1].lower_ in known
                                    and ent.doc[ent.end - 1].lower_ in known
                                    and ent.doc[cut - 1].lower_ != ent.doc[ent.end - 1].lower_):
        return (ent,)
    return (Span(ent.doc, ent.start, cut, label="PERSON"),
            Span(ent.doc, cut + 1, ent.end, label="PERSON"))


BUSINESS_PEOPLE = frozenset({"executives", "ceos", "businessmen", "businesspeople",
                             "businesswomen", "bosses", "investors", "bankers"})


def _name_tail(ent: Span) -> Span:
    """ "Pham Binh Minh" tagged "Pham Binh": the word the name's last word is a compound
    of, a capitalised word right after it that the NER left out, ends the name (not a
    body's word: "the Obama Administration")."""
    doc, end = ent.doc, ent.end
    if end < len(doc) and ent[-1].dep_ == "compound" and ent[-1].head.i == end:
        nxt = doc[end]
        if (nxt.pos_ == "PROPN" and nxt.is_alpha and nxt.is_title and nxt.ent_type_ == ""
                and nxt.lower_ not in ORG_TAILS | GOVERNMENT_NOUNS | GROUP_NOUNS | ROLE_NOUNS):
            return Span(doc, ent.start, end + 1, label=ent.label_)
    return ent


def _compound_of_names(ent: Span, known: set[str]) -> bool:
    """ "Trump-Kim", "Donald Trump-Kim Jong Un": two names joined by a hyphen, each known
    in the article as a person (or a country), make a modifier, not a name."""
    text = ent.text
    for m in re.finditer(r"(?<=[a-z])-(?=[A-Z])", text):
        left, right = text[:m.start()].split()[-1], text[m.end():].split()[0]
        if all(w.lower() in known or gazetteer.country(w) is not None for w in (left, right)):
            return True
    return False


def _cue(doc: Doc, start: int) -> str:
    """The form of address or title written just before a person's name, lower case."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return ""
    words: list[str] = []
    i = span.start - 1
    while i >= 0 and len(words) < 3 and (doc[i].lower_ in HONORIFICS or doc[i].lower_ in
                                         ADDRESS or doc[i].lower_ in {"first", "lady"}
                                         or doc[i].lower_ in KIN):
        words.insert(0, doc[i].lower_.rstrip("."))
        i -= 1
    return " ".join(words)


KIN = frozenset({"wife", "husband", "son", "daughter", "brother", "sister", "son-in-law",
                 "daughter-in-law", "father", "mother", "widow", "niece", "nephew", "cousin",
                 "uncle", "aunt", "spouse", "fiancee", "fiancée", "girlfriend", "boyfriend"})
"""Words before a name that make its bearer a relative of someone ("his daughter Ivanka
Trump"): a bare surname goes to the relative only when the text says so."""


def _title_end(token: Token) -> int:
    """The last token of a noun and its "of" phrase ("secretary of state")."""
    return max([token.i, *(k.i for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                           and c.i == token.i + 1 for k in c.subtree)])


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("X and Y", "X, Y and Z"), including a
    list of names the parser read as an apposition ("Lavrov, Zarif and Cavusoglu met")."""
    out = [token]
    first = token.head if _list_appos(token) else token
    todo = [first]
    while todo:  # (an apposed member may carry the next: "A of X, B of Y, C of Z and D")
        t = todo.pop(0)
        for c in (t, *t.conjuncts):
            if c not in out:
                out.append(c)
            todo.extend(a for a in c.children if _list_appos(a) and a not in out)
    if token.ent_type_ == "PERSON":
        # "A, B and C arrive for the session": the parser read the verb as the last item,
        # "C" its compound; the name is the item
        out.extend(k for c in out[1:] if c.is_lower and c.ent_type_ == ""
                   for k in c.children if k.dep_ == "compound" and k.ent_type_ == "PERSON"
                   and k.i == c.i - 1 and k not in out)
        out.extend(e.root for c in out[1:] if c.ent_type_ == "TITLE" and c.dep_ == "conj"
                   for e in c.doc.ents if e.start == c.i + 1 and e.label_ == "PERSON"
                   and e.root not in out)  # "A and Foreign Minister B": the title listed,
        # the name after it hung elsewhere
        last = out[-1]  # or "... and C walk": "and" left hanging, C hung on the verb
        if any(c.dep_ == "cc" for c in last.children) and not any(
                c.dep_ == "conj" for c in last.children):
            out.extend(k for k in token.head.children if k.dep_ == "compound"
                       and k.ent_type_ == "PERSON" and k.i > last.i and k not in out
                       and k.i == token.head.i - 1)
        # "Prime Minister A of Spain and Chancellor B of Austria agreed": the parser hung
        # "and" on Spain and made B an apposition of A; a person is no apposition of a
        # person joined to the first by "and"
        for a in token.children:
            if (a.dep_ == "appos" and a.ent_type_ == "PERSON" and a.i > token.i
                    and a not in out and any(
                        t.dep_ == "cc" and t.lower_ == "and" and t.head.dep_ == "pobj"
                        and t.head.head.dep_ == "prep" and t.head.head.head == token
                        for t in token.doc[token.i + 1:a.left_edge.i])):
                out.extend(c for c in (a, *a.conjuncts) if c not in out)
    if token.pos_ in {"NOUN", "PROPN"} and token.lower_ not in RELATION_HEADS:
        # "the US president, Donald Trump, and his South Korean counterpart, Moon Jae-in",
        # "A, the German chancellor, and B, the French president": the "and" hung on the
        # apposition, or a chain of them ("the French president, A, the German chancellor,
        # B, and the Russian president, C"); not "his daughter Ivanka Trump, Bolton and
        # Mnuchin", parsed alike: a relative heads no such list
        other = "PROPN" if token.pos_ == "NOUN" else "NOUN"
        stack = [a for a in token.children if a.dep_ == "appos" and a.pos_ == other
                 and a.lower_ not in RELATION_HEADS and a.left_edge.i - _title_end(token) <= 2]
        # (set off right after the noun or its "of": "his secretary of state, Rex Tillerson,
        # and Vladimir Putin"; but "the information being gathered ... included A; B, a
        # senator; and C" is a misparse thirty words long, no apposition)
        seen: set[int] = set()
        while stack:
            a = stack.pop()
            if a.i in seen:
                continue
            seen.add(a.i)
            for c in a.children:
                if c.dep_ in {"conj", "appos"} and c.pos_ in {"NOUN", "PROPN"} and \
                        c.lower_ not in RELATION_HEADS:
                    if c not in out and (c.dep_ == "conj" or c.pos_ == "PROPN"):
                        out.append(c)  # not "the French president" of "B, the French
                    stack.append(c)  # president": B's description, B himself listed
    return out


def _list_appos(token: Token) -> bool:
    """A name apposed to a name that goes on with "and" ("Merkel, Macron, Putin and
    Poroshenko"): the parser's reading of a list, not a second name for the first person."""
    if token.dep_ == "npadvmod" and token.head.pos_ == "PROPN" and token.head.i < token.i:
        # "Leaders A, B, C and D pose": B read as an adverbial of A, the list going on from
        # B; only a name set off by a comma, both named people, the list going on
        return (token.ent_type_ == token.head.ent_type_ == "PERSON"
                and token.doc[token.left_edge.i - 1].text == ","
                and any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in token.children))
    if token.dep_ != "appos" or token.head.pos_ != "PROPN" or token.head.i > token.i:
        return False
    if token.pos_ == "PROPN" and any(c.dep_ == "conj" and c.pos_ == "PROPN"
                                     for c in token.children):
        return True
    # "German Chancellor A, British Prime Minister B, French President C and D": B hung on
    # A as an apposition, the list going on from A ("Kim Jong Un, Moon Jae-in, Xi Jinping,
    # ...", the last word of "Jae-in" tagged a common noun)
    return token.head.ent_type_ == "PERSON" and (
        token.ent_type_ == "PERSON" or (token.ent_type_ == "" and token.pos_ == "PROPN")
        or leaders.is_leader_name(" ".join(  # "Theresa May" tagged a place and a month
            [*(c.text for c in token.lefts if c.dep_ == "compound"), token.text]))) and any(
        c.dep_ in {"conj", "appos"} and c.i > token.i and c.ent_type_ == "PERSON"
        for c in token.head.children)  # (or a name the NER missed: "King Abdullah II")


RELATIONS = frozenset({"parents", "family", "relatives", "wife", "husband", "son", "daughter",
                       "widow", "mother", "father", "children", "lawyer", "lawyers", "attorney",
                       "attorneys", "aides", "aide", "friends", "friend", "associates",
                       "sister", "brother", "uncle", "aunt", "cousin", "niece", "nephew"})
"""People known only through someone else ("the parents of X", "Trump's lawyers")."""


def _modifier_actors(token: Token, index: MentionIndex, depth: int) -> list[Mention]:
    """Actors named in a group noun's modifiers: compounds, adjectives, possessives, of/from.
    A government noun stands only for a country ("the Afghan government"), never for a person
    or a body ("Trump administration officials").  Former officials stand for nobody
    ("former Cabinet ministers", "former Israeli officials")."""
    if any(c.dep_ == "amod" and c.lower_ in {"former", "ex", "retired"}
           for c in token.children):
        return []
    if token.lower_ in GOVERNMENT_NOUNS or _of_government(token):
        return [m for m in _modifiers(token, index, depth) if m.kind == "Country"]
    return _modifiers(token, index, depth)


def _of_government(token: Token) -> bool:
    """ "Trump administration officials": the modifiers name a government, not its people."""
    return any(c.dep_ in {"compound", "amod"} and c.lower_ in GOVERNMENT_NOUNS
               for c in token.children)


def _modifiers(token: Token, index: MentionIndex, depth: int) -> list[Mention]:
    found: list[Mention] = []
    for child in token.children:
        if child.dep_ in {"compound", "amod", "nmod", "poss"}:
            for c in conjuncts(child):
                found.extend(actors(c, index, depth=depth + 1) or _field_modifiers(c, index))
        elif child.dep_ == "prep" and child.lower_ in {"from", "of", "for"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    for c in conjuncts(pobj):
                        found.extend(actors(c, index, depth=depth + 1)
                                     or _field_modifiers(c, index))
    return found


def _field_modifiers(token: Token, index: MentionIndex) -> list[Mention]:
    """ "G8 finance ministers", "a NATO defence ministers' meeting", "ministers from the EU
    member states": the body or country named before a common noun of the ministers' field
    or membership (never a person: "Trump campaign officials" are his people, not him)."""
    if token.pos_ != "NOUN" or token.dep_ not in {"compound", "pobj"}:
        return []
    out: list[Mention] = []
    for c in token.children:
        if c.dep_ in {"compound", "amod", "nmod"} and c.i < token.i:
            m = index.at(c)
            if m is not None and m.kind in {"Organization", "Country"}:
                out.append(m)
            elif m is None and c.pos_ == "NOUN" and c.dep_ == "compound":
                out += _field_modifiers(c, index)  # "EU member states"
    return out


TOPICS = frozenset({"level", "issue", "topic", "matter", "subject", "area", "conflict",
                    "crisis", "problem", "question", "case", "thing", "region", "place", "site",
                    "hotspot", "flashpoint", "concern", "war", "dispute"})
"""Plural nouns whose examples are things talked about, not people met ("discussed countries
with high levels of conflict, including Yemen")."""


def examples(noun: Token) -> list[Token]:
    """The names a plural noun lists after "including" or "such as" ("leaders, including
    A and B"), first conjuncts only."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in TOPICS:
        return []  # (not "conflicts, including Yemen": topics)
    return [p for c in noun.children if c.dep_ == "prep" and (
                c.lower_ == "including" or (c.lower_ == "as" and any(
                    k.lower_ == "such" for k in c.children)))
            for p in c.children if p.dep_ == "pobj"]


def actors(token: Token, index: MentionIndex, *, depth: int = 0) -> list[Mention]:
    """The actors an argument token stands for (without its conjuncts).

    A name stands for itself; a role noun with a person in apposition stands for the person;
    a group or government noun stands for the bodies in its modifiers.
    """
    if depth > 4:
        return []
    m = index.at(token)
    if m is not None and m.kind == "Country" and (
            first := _paired_country(m, index, doc_text(token.doc))):
        return [first, m]  # "between North and South Korea"
    if m is not None and m.kind == "Country":
        m = _possessed_person(m, token.doc, index) or m
    if m is not None:
        return [m] if m.kind in ACTOR_KINDS else []
    if token.lower_ == "one" and token.pos_ in {"NUM", "PRON"}:
        # "One of Trump's few allies, Benjamin Netanyahu, met him": the one named
        return [m for a in token.children if a.dep_ == "appos"
                for m in actors(a, index, depth=depth + 1) if m.kind == "Person"][:1]
    if token.pos_ not in {"NOUN", "PROPN", "ADJ", "VERB"}:
        return []
    if token.lower_ in BUSINESS_PEOPLE or any(
            c.dep_ in {"amod", "compound"} and c.lower_ in {"corporate", "business", "industry"}
            for c in token.children):  # (the parser makes "business leaders" a compound)
        return []  # "corporate executives including representatives from BAE Systems"
        # stand for no side of a diplomatic meeting, nor do their firms
    listed = [c for p in examples(token) for c in conjuncts(p)]
    if listed:  # "other world leaders, including A and B": A and B
        return [m for c in listed for m in actors(c, index, depth=depth + 1)]
    # "Taliban political deputy and head of the political office Mullah Beradar"
    if token.lower_ in RELATIONS:  # "the parents of Otto Warmbier" are not Warmbier, but
        return [m for a in token.children if a.dep_ == "appos"  # "Kim's father, the late
                for m in actors(a, index, depth=depth + 1) if m.kind == "Person"]  # leader
        # Kim Jong Il" is the man named
    for desc in token.subtree:
        dm = index.at(desc)
        if (dm is not None and dm.kind == "Person" and desc.dep_ in {"appos", "compound"}
                and token.lower_ not in GOVERNMENT_NOUNS  # "the Trump administration"
                and not (desc.dep_ == "compound" and (token.lower_ in GROUP_NOUNS
                                                      or desc.i < token.i))
                and _within_np(desc, token) and not _of_government(desc.head)
                and (token.lemma_.lower() in ROLE_NOUNS or not _through_prep(desc, token))):
            return [dm]  # not "cutouts of Trump and Modi" nor "a Zelenskiy adviser, Oleg Ustenko"
    if token.lower_ in GROUP_NOUNS or token.lower_ in GOVERNMENT_NOUNS or (
            token.tag_ == "NNS" and token.lemma_ in ROLE_NOUNS and _definite(token)):
        # "the presidents of Sri Lanka and Indonesia": each country
        found = _modifier_actors(token, index, depth)
        people = [m for m in found if m.kind == "Person"]
        if people and any(d.lower_ == "other" for left in token.lefts for d in left.subtree):
            return people  # "Trump and other White House officials", parsed as one noun
        countries = [m for m in found if m.kind == "Country"]
        if len(people) >= 2 and len(people) == len(countries) and min(
                p.start for p in people) > max(c.start for c in countries):
            return people  # "the leaders of Russia, Turkey and Iran, Putin, Erdogan and
            # Rouhani": the names after the countries, one for each (the parser listed both)
        if token.lower_ in GROUP_NOUNS:  # "Trump team members", "the Kim delegation":
            found = [m for m in found if m.kind != "Person"]  # a person's people, not him
        return _named_leaders(token, found, index) if (
            _definite(token) or token.tag_ == "NNS") else found
    if (named := _apposed_after(token, index)) is not None:
        return [named]  # "the speaker of the U.S. House, John Boehner," (misparsed)
    if (named := _identified_as(token, index)) is not None:
        return [named]  # "a professor later identified as Joseph Mifsud"
    holder = title_holder(token, index) or _counterpart(token, index)
    if holder is not None:
        return [holder]
    if (token.lower_ in ROLE_NOUNS or token.lower_ in OFFICIAL_NOUNS) and \
            _country_possessed(token) and not _definite(token):
        # "Russia's U.S. ambassador": the possessor's official (the U.S. is his posting)
        owner = [m for c in token.children if c.dep_ == "poss"
                 for m in actors(c, index, depth=depth + 1)]
        return _named_leaders(token, owner, index)
    if (head := _body_head(token, index)) is not None:
        return [head]  # "NATO Secretary-General Robertson ... the NATO chief met Putin"
    if (token.lower_ in ROLE_NOUNS or token.lower_ in OFFICIAL_NOUNS) and _definite(token):
        # "talks with the Ruritanian foreign minister", "his Russian counterpart": an
        # unnamed official stands for the country; "a Russian banker" stands for no one
        return _named_leaders(token, _modifier_actors(token, index, depth), index)
    if token.lower_ in STATE_AGENTS and any(c.dep_ == "det" and c.lower_ in {"a", "an"}
                                            for c in token.children):
        # "met an Australian diplomat", "a senior North Korean official": one of the
        # country's officials, unnamed, as the plural would be; "a Russian lawyer" is no one's
        return [m for m in _modifier_actors(token, index, depth) if m.kind == "Country"]
    return []


BODY_HEADS = frozenset({"chief", "head", "secretary-general", "leader", "boss", "president",
                        "director", "director-general", "chairman", "chairwoman", "chair"})
"""Nouns for the top post of a body: "the NATO chief", "the IAEA head"."""


def _body_head(token: Token, index: MentionIndex) -> Mention | None:
    """ "the NATO chief", "the EU foreign policy chief": the one person the text gives the
    top post of that body, when it names one (else None: the body stands for itself)."""
    if token.lower_ not in BODY_HEADS or not _definite(token) or not index.body_heads:
        return None
    bodies = {m.text.lower() for t in token.subtree if t.i < token.i
              and (m := index.at(t)) is not None and m.kind == "Organization"}
    people = {p.text.split()[-1].lower(): p for b in bodies
              for p in index.body_heads.get(b, ()) if p.text.split()}
    return next(iter(people.values())) if len(bodies) == 1 and len(people) == 1 else None


STATE_AGENTS = frozenset({"diplomat", "official", "envoy", "ambassador", "negotiator",
                          "minister", "delegate", "emissary"})
"""Role nouns of someone acting for a state: one unnamed stands for the country."""

IDENTIFIES = frozenset({"identify", "name"})


def _identified_as(token: Token, index: MentionIndex) -> Mention | None:
    """ "a professor later identified as Joseph Mifsud", "a lawyer named as X": the person
    a participle of naming gives the noun."""
    if token.pos_ != "NOUN":
        return None
    people = [m for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"
              and c.lemma_.lower() in IDENTIFIES
              for p in c.children if p.dep_ == "prep" and p.lower_ == "as"
              for o in p.children if o.dep_ == "pobj"
              for m in [index.at(o)] if m is not None and m.kind == "Person"]
    return people[0] if len(people) == 1 else None


def _possessed_person(m: Mention, doc: Doc, index: MentionIndex) -> Mention | None:
    """ "Turkey's Recep Tayyip Erdogan" parsed with the country as the conjunct: the person
    the country's possessive names."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.end + 1 >= len(doc) or doc[span.end].lower_ not in {"'s", "’s"}:
        return None
    after = index.at(doc[span.end + 1])
    return after if after is not None and after.kind == "Person" else None


def _apposed_after(token: Token, index: MentionIndex) -> Mention | None:
    """ "the speaker of the U.S. House of Representatives, John Boehner": the name set off
    by a comma right after a definite role noun's phrase, however the parser hung it."""
    if (token.lower_ not in ROLE_NOUNS and token.lower_ != "counterpart") or \
            token.tag_ != "NN" or not _definite(token):
        return None  # ("his Chinese counterpart, Wang Yi,", the name hung on the verb)
    doc, end = token.doc, token.right_edge.i
    if end + 2 >= len(doc) or doc[end + 1].text != ",":
        return None
    at = end + 2
    while at + 1 < len(doc) and index.at(doc[at]) is None and (
            doc[at].ent_type_ == "TITLE" or doc[at].lower_ in HONORIFICS):
        at += 1  # ", Rep. Dana Rohrabacher (R-Calif.)"
    m = index.at(doc[at])
    if m is None or m.kind != "Person":
        return None
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return m if span is not None and span.end < len(doc) and doc[span.end].is_punct else None


def _country_possessed(token: Token) -> bool:
    """ "North Korea's foreign minister", "China's top diplomat": one serving official of
    the country (the one the article names, else the country); not "North Korea's former
    intelligence chief"."""
    return token.tag_ == "NN" and any(
        c.dep_ == "poss" and (c.ent_type_ == "GPE" or (  # ("Croatia's", tagged ORG)
            c.ent_type_ == "ORG" and gazetteer.country(c.text) is not None))
        and any(k.tag_ == "POS" for k in c.children)
        for c in token.children) and not any(
        c.lower_ in {"former", "ex", "late", "then"} for c in token.subtree)


def _definite(token: Token) -> bool:
    """ "the Iranian foreign minister", "his Saudi counterpart": one official; not "a North
    Korean leader" (anyone) nor "North Korea's former intelligence chief" (a person the
    article names: only the title-holder look-up may find him)."""
    return any((c.dep_ == "det" and c.lower_ == "the")
               or (c.dep_ == "poss" and c.lower_ in {"his", "her", "their", "its"})
               for c in token.children)


NOT_YET = frozenset({"incoming", "future", "designate", "next"})
"""Words that make a title someone's who does not hold it yet ("the incoming president")."""

DOMINANT = 4
"""How many times more often than any other holder of a title the article must name one for
a bare "the president" to be that one."""


def title_holder(token: Token, index: MentionIndex) -> Mention | None:
    """ "the Pakistani president" -> the one person the article earlier named as president
    (of Pakistan, when the phrase names a country).  None when there is any doubt."""
    if token.tag_ not in {"NN", "NNP"}:
        return None
    key = "pm" if token.lower_ == "minister" and any(
        c.lower_ == "prime" for c in token.children) else token.lower_  # "the prime minister"
    field = [" ".join(w.lower_ for w in p.subtree if w.lower_ != "the")
             for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
             for p in c.children if p.dep_ == "pobj" and p.ent_type_ not in {"GPE", "NORP"}]
    if field and f"{key} of {field[0]}" in index.title_holders:
        key = f"{key} of {field[0]}"  # "the secretary of state", not the defense secretary
    if key not in index.title_holders and key not in index.table_holders:
        return None
    if not any(c.lower_ == "the" for c in token.children) and not _country_possessed(token):
        return None
    if any(c.lower_ in NOT_YET for c in token.children) or any(
            c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "waiting" for g in c.children)
            for c in token.children):
        return None  # "the president in waiting", "the incoming president": another person
    country = None
    for c in token.children:
        m = index.at(c)
        if c.dep_ in {"amod", "compound", "poss"} and m is not None:
            if m.kind != "Country":
                return None
            found = gazetteer.country(m.text)
            country = found.iso3 if found else None
    if country is None and _last_was_unnamed_foreigner(token, index):
        return None
    # the holder named before the title, or by surname only ("Mr Johnson ... The PM also
    # met Tusk ... Prime Minister Boris Johnson met leaders")
    seen = {m.text.split()[-1].lower() for m in index.mentions
            if m.kind == "Person" and m.start < token.idx and m.text.split()}
    # the holders the text states ("President Trump" for "the president"); for a title that
    # names a country and no such holder, those kg.leaders knows ("the US President" is the
    # Trump the table gives that post on the article's date)
    people = _holders_by_surname(
        index, lambda head, p, iso: head == key and (
            p.start < token.idx or p.text.split()[-1].lower() in seen
            or key in _ONE_HOLDER)
        and (country is None or iso == country), table=country is not None)
    if not people and country is None:
        return _sitting_holder(token, key, index, seen)
    if country is None and people:  # "President Trump" before "the president", where the
        for m in index.mentions:  # article names "French President Macron" too: either
            if m.kind == "Person" and m.cue == key and m.start < token.idx and m.text.split():
                people.setdefault(m.text.split()[-1].lower(), m)
    counts = {s: len(people_named(index, s)) for s in people}
    if len(people) > 1 and country is None:
        # "the president" in an article that names Trump twenty times and "French President
        # Macron" twice: the one it is about, when one holder dwarfs every other
        top = max(counts, key=lambda s: counts[s])
        # or the one the article titles with no country ("President Trump" beside "Russian
        # President Vladimir Putin"): the president of its own readers
        plain = {p.text.split()[-1].lower() for p, iso in index.title_holders.get(key, ())
                 if iso is None and p.text.split()} & set(people)
        if counts[top] >= DOMINANT * max(c for s, c in counts.items() if s != top):
            people = {top: people[top]}
        elif len(plain) == 1 and all(
                iso is not None for p, iso in index.title_holders.get(key, ())
                if p.text.split() and p.text.split()[-1].lower() in set(people) - plain):
            people = {s: people[s] for s in plain}
    if len(people) != 1:
        return None
    surname, holder = next(iter(people.items()))
    # a holder named once, in passing ("as President Richard Nixon did"), is not who "the
    # President" of the article is; but "Vietnam's president" is the one the article names
    # Vietnamese president, however often
    named = counts[surname]
    span = token.doc.char_span(holder.start, holder.end, alignment_mode="expand")
    subject = span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}
    if named >= 2 or subject or country is not None or key in _ONE_HOLDER:
        return holder
    if key not in TOP_POSTS and key != "minister" and token.sent.start > 0 and \
            holder.start >= token.doc[token.sent.start - 1].sent.start_char:
        return holder  # "Britain's ambassador, Kim Darroch, resigned. Johnson spoke to the
        # ambassador": the one just named (not so for "the president", which the article's
        # own leader keeps, however recently another was named in passing)
    return _sitting_holder(token, key, index, seen) if country is None else None


def _last_was_unnamed_foreigner(token: Token, index: MentionIndex) -> bool:
    """ "... his discussions with Russia's ambassador to the United States. Flynn pleaded
    guilty to lying about his conversations with the ambassador": the last use of the
    title, in this sentence or the one before, was a country's holder the article leaves
    unnamed (no holder it names: not "the US president", Trump); "the ambassador" is that
    one, not the "Ambassador Bolton" named further back."""
    doc = token.doc
    start = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else token.sent.start
    last = next((t for t in reversed(doc[start:token.i]) if t.lower_ == token.lower_), None)
    if last is None or any(c.dep_ in {"appos", "compound"} and (m := index.at(c)) is not None
                           and m.kind == "Person" for c in last.children):
        return False
    if index.at(last) is not None or (last.dep_ == "compound" and index.at(last.head)):
        return False  # "Ambassador Bolton": a name's title
    return any(c.dep_ in {"amod", "compound", "poss"} and (m := index.at(c)) is not None
               and m.kind == "Country" for c in last.children) and title_holder(
        last, index) is None  # ("the US president's threats": Trump, named elsewhere)


def _sitting_holder(token: Token, key: str, index: MentionIndex, seen: set[str]
                    ) -> Mention | None:
    """ "the President" where the text titles no one so, or only someone named once in
    passing ("as President Richard Nixon did"): the one holder of that post in office on
    the article's day (:mod:`kg.leaders`) whom the article names more than once, but not
    in the title's own sentence (not "the president of the college")."""
    if any(c.dep_ == "prep" for c in token.children):
        return None
    people = {p.text.split()[-1].lower(): p for p, _ in index.table_holders.get(key, ())
              if p.text.split() and (p.start < token.idx or p.text.split()[-1].lower() in seen)}
    if len(people) != 1:
        return None
    surname, holder = next(iter(people.items()))
    named = people_named(index, surname)
    sent = token.sent
    if any(sent.start_char <= m.start < sent.end_char for m in named):
        return None  # "whether the president sits down with Putin": someone else
    return holder if len(named) >= 2 else None


def people_named(index: MentionIndex, surname: str) -> list[Mention]:
    """The article's person mentions that end in ``surname`` (lower case): how often, and
    where, it names someone."""
    return [m for m in index.mentions if m.kind == "Person" and m.text.split()
            and m.text.split()[-1].lower() == surname]


_ONE_HOLDER = frozenset({"queen", "king", "pope"})
"""Titles of the one holder an article has, whom it may name after "the queen"."""


TOP_POSTS = frozenset({"president", "chancellor", "pm", "premier", "king", "queen", "emir",
                       "sultan", "leader"})
"""Title heads of the person "the German leader" stands for."""


def _named_leaders(token: Token, found: list[Mention], index: MentionIndex) -> list[Mention]:
    """ "the German and French leaders" -> the one head of government or state the article
    names for each country (kept as the country when it names none or several); "met with
    Vietnamese leaders" -> the one it names for that one country."""
    if token.lemma_.lower() != "leader" or any(
            c.dep_ == "prep" and c.lower_ in {"of", "from"} for c in token.children):
        return found  # "the leader of the Chinese delegation" heads no state
    out: list[Mention] = []
    for m in found:
        country = gazetteer.country(m.text) if m.kind == "Country" else None
        people = _holders_by_surname(index, _top_post_of(country.iso3)) \
            if country is not None else {}
        if len(people) == 1 and (_definite(token) or len(found) == 1):
            out.extend(people.values())  # "met with Vietnamese leaders": the one it names
        else:
            out.append(m)
    return out


def _counterpart(token: Token, index: MentionIndex) -> Mention | None:
    """ "her Saudi counterpart" -> the one person the article names with a Saudi post; None
    when it names none or several (the country alone made a wrong pair on the dev sets)."""
    if token.lower_ != "counterpart" or not any(
            c.dep_ == "poss" and c.lower_ in {"his", "her", "their"} for c in token.children):
        return None
    isos = set()
    for c in token.children:
        m = index.at(c)
        if c.dep_ in {"amod", "compound"} and m is not None and m.kind == "Country":
            found = gazetteer.country(m.text)
            isos.add(found.iso3 if found else None)
    if len(isos) != 1 or None in isos:
        return None
    # "Iran's foreign minister Zarif met his French counterpart": the French foreign minister,
    # not the French president; the post of the person before it in the sentence says which
    before = {index.at(t) for t in token.sent if t.i < token.i} - {None}
    held = [(head, p, iso) for holders in (index.title_holders, index.table_holders)
            for head, by in holders.items() for p, iso in by]
    posts = {head for head, p, iso in held if p in before and iso is not None
             and iso not in isos}
    # or an unnamed one's: "Iran's foreign minister turned up for talks with his French
    # counterpart" (the French foreign minister, whom the article may not name)
    posts |= {"pm" if t.lower_ == "minister" and any(c.lower_ == "prime" for c in t.children)
              else t.lower_ for t in token.sent if t.i < token.i and t.pos_ == "NOUN"
              and t.lower_ in ROLE_NOUNS and index.at(t) is None and any(
                  (m := index.at(c)) is not None and m.kind == "Country"
                  for c in t.children if c.dep_ in {"poss", "amod", "compound"})}
    people = _holders_by_surname(
        index, lambda head, p, iso: iso in isos and (not posts or head in posts))
    return next(iter(people.values())) if len(people) == 1 else None


def _top_post_of(iso3: str) -> Callable[[str, Mention, str | None], bool]:
    """The test of a head of state or government of ``iso3`` for :func:`_holders_by_surname`."""
    return lambda head, person, iso: head in TOP_POSTS and iso == iso3


def _holders_by_surname(index: MentionIndex,
                        keep: Callable[[str, Mention, str | None], bool], *,
                        table: bool = True) -> dict[str, Mention]:
    """Surname -> holder, among the post holders ``keep(head, person, iso)`` accepts: those
    the text states; only when it states none, those kg.leaders knows (with ``table``)."""
    for holders in (index.title_holders, index.table_holders if table else {}):
        found = {p.text.split()[-1].lower(): p for head, by in holders.items()
                 for p, iso in by if p.text.split() and keep(head, p, iso)}
        if found:
            return found
    return {}


def _through_prep(desc: Token, top: Token) -> bool:
    """Whether ``desc`` hangs from ``top`` through a preposition ("cutouts of Trump")."""
    t = desc
    while t != top and t.head != t:
        if t.dep_ == "pobj":
            return True
        t = t.head
    return False


def _within_np(desc: Token, top: Token) -> bool:
    """``desc`` hangs from ``top`` through nominal and prepositional links only."""
    t = desc
    while t != top:
        if t.dep_ not in {"appos", "compound", "pobj", "prep", "conj", "nmod", "amod"}:
            return False
        if t.dep_ == "conj" and t.head == top and desc.dep_ in {"compound", "nmod", "poss"}:
            return False  # "the Russian ambassador, Democrats and other Trump critics": a name
            # modifying a conjunct of the noun is not the noun's (but "the President, A, and
            # the Taoiseach, B" may give B, the parser hanging the list on the first noun)
        t = t.head
        if t != top and (t.lower_ in GOVERNMENT_NOUNS or t.lower_ in RELATIONS
                         or (t.dep_ == "amod" and t.pos_ == "ADJ")):
            return False  # "Trump administration officials", "officials and Trump's lawyers",
            # "an official close to Putin" (an adjective's object is someone else)
    return True


def argument_actors(tokens: Iterable[Token], index: MentionIndex) -> list[Mention]:
    """Actors of argument tokens and of everything coordinated with them, in text order."""
    seen: dict[Mention, None] = {}
    for tok in tokens:
        tok = _delegation_leader(_captioned(tok, index), index)
        named = index.at(tok)
        for c in conjuncts(tok) + _listed_as_modifier(tok, index):
            if c is not tok and named is not None and named.kind == "Person" and other_group(c):
                continue  # "Trump and other White House officials": his own side
            if c is not tok and _names_a_relation(c):
                continue  # "Manafort and Trump son-in-law Kushner": whose, parsed as listed
            for m in actors(c, index):
                seen.setdefault(m, None)
    return sorted(seen, key=lambda m: m.start)


def _captioned(tok: Token, index: MentionIndex) -> Token:
    """ "1979 | Carter – Then-Egyptian President Anwar Sadat, left, shakes hands with B": a
    gallery's label, a dash, then the caption, whose first name the parser hung on the
    label as its apposition; the caption's name is the one that acts."""
    doc = tok.doc
    label = index.at(tok)
    if label is None or label.kind != "Person" or tok.i + 1 >= len(doc) or \
            doc[tok.i + 1].text not in {"\u2013", "\u2014"}:
        return tok
    named = [c for c in tok.children if c.dep_ == "appos" and c.i > tok.i
             and (m := index.at(c)) is not None and m.kind == "Person" and m != label]
    return named[0] if len(named) == 1 else tok


def _delegation_leader(tok: Token, index: MentionIndex) -> Token:
    """ "a delegation led by X", "X's delegation": the delegation's named leader is the side
    that meets (else the delegation itself, as before)."""
    if tok.lower_ not in {"delegation", "delegations"}:
        return tok
    leaders = [p for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in {"lead", "head"}
               for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    leaders += [c for c in tok.children if c.dep_ == "poss"]
    named = [t for t in leaders if (m := index.at(t)) is not None and m.kind == "Person"]
    return named[0] if len(named) == 1 else tok


RELATION_HEADS = RELATIONS | KIN | frozenset({
    "aide", "adviser", "advisor", "spokesman", "spokeswoman", "ally", "associate",
    "confidant", "nephew", "niece", "cousin"})


def _names_a_relation(tok: Token) -> bool:
    """ "Trump son-in-law Jared Kushner", "Trump lawyer Rudy Giuliani": a name right before
    a word of kinship or service only says whose, though the parser may list it."""
    return (tok.pos_ == "PROPN" and tok.i + 1 < len(tok.doc)
            and tok.doc[tok.i + 1].lower_ in RELATION_HEADS)


def other_group(tok: Token) -> bool:
    """ "other U.S. and Russian officials": a group the people named beside it belong to
    (not "other leaders, including A and B", whose examples are named)."""
    return any(c.dep_ == "amod" and c.lower_ == "other" for c in tok.children) \
        and tok.lower_ in GROUP_NOUNS and not examples(tok)


def _listed_as_modifier(tok: Token, index: MentionIndex) -> list[Token]:
    """ "with President Park Geun Hye and Prime Minister Shinzo Abe", parsed with the first
    name as a modifier of the second: a name that heads its own "and" is listed beside it."""
    own = index.at(tok)
    return [c for c in tok.children
            if c.dep_ in {"nmod", "compound"} and c.i < tok.i
            and (m := index.at(c)) is not None and m is not own and m.kind == "Person"
            and any(g.dep_ == "cc" and g.lower_ == "and" for g in c.children)]


def dedupe(mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """Drop repeated mentions of the same surface form (case-insensitive), keep order."""
    out: dict[str, Mention] = {}
    for m in mentions:
        out.setdefault(re.sub(r"\W+", " ", m.text.lower()).strip(), m)
    return tuple(out.values())
