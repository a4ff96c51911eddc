"""Posts and affiliations stated inside a person's own noun phrase.

Three shapes cover most news writing:

- a title before the name: "US Secretary of State Mike Pompeo", "Qatari foreign minister
  Al Thani", "Pakistan's President Pervez Musharraf";
- an apposition after the name: "Philippe Sands, a QC and international law professor";
- the name in apposition to the title: "the Victorian Premier, Steve Bracks",
  "Taliban political deputy and head of the political office Mullah Beradar".

A leading country, demonym or organisation is the body the post belongs to; a trailing
"of <body>" does the same ("President Musharraf of Pakistan").  Coordinated titles give
one post each.  A phrase is a post only when its head is a word for a role, so
"the ceasefire Pompeo" never becomes a title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token

from kg import gazetteer
from kg.mentions import ADDRESS, RELATIONS, MentionIndex, doc_text
from kg.model import Evidence, Mention, PostFact, visible
from kg.names import ROYAL_TITLES
from kg.rules import ROLE_NOUNS

_STRIP_WORDS = frozenset({"the", "a", "an", "his", "her", "its", "their", "then", "then-",
                          "former", "new", "current", "incoming", "outgoing", "acting",
                          "also", "now", "who", "is", "was"})
_SMALL = frozenset({"of", "the", "for", "and", "in", "on", "at", "to"})


def title_case(title: str) -> str:
    """One spelling per title so one post gets one label: "Head of the Political Office";
    "Vice-President" and "vice president" are both "Vice President"."""
    title = re.sub(r"(?<=\w)-(?=\w)", " ", visible(title)).replace("’", "'")
    title = re.sub(r"^[\W_]+|[\W_]+$", "", title)  # quotes, brackets, "\\", "^", "@"
    words = title.split()
    out = []
    for i, w in enumerate(words):
        if w.isupper() and len(w) > 1:
            out.append(w)
        elif i > 0 and w.lower() in _SMALL:
            out.append(w.lower())
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


RANKS = frozenset({"general", "gen", "colonel", "col", "major", "maj", "captain", "capt",
                   "lieutenant", "lt", "admiral", "adm", "brigadier", "sergeant", "sgt",
                   "marshal"})
"""Military ranks used as titles ("Gen Musharraf") are forms of address, not posts."""


def _title_text(words: list[Token]) -> str:
    """The title as written (hyphens kept), a plural head made singular: "Businessmen" is
    each man's title "Businessman"."""
    doc = words[0].doc
    text = doc_text(doc)[words[0].idx: words[-1].idx + len(words[-1].text)]
    head = words[-1]
    if head.tag_ in {"NNS", "NNPS"} and head.lemma_ and text.endswith(head.text):
        lemma = head.lemma_ if head.text.islower() else head.lemma_.capitalize()
        text = text[: -len(head.text)] + lemma
    return re.sub(r"\s+", " ", text)


POSTED_TO = frozenset({"to", "for"})
"""Prepositions of the place or matter a post is for ("ambassador to the UN")."""


def _is_role(tokens: list[Token]) -> bool:
    return any(t.lower_ in ROLE_NOUNS or (t.pos_ in {"NOUN", "PROPN"} and t.lemma_.lower()
                                           in ROLE_NOUNS) for t in tokens)


def _split_titles(tokens: list[Token], index: MentionIndex) -> tuple[Mention | None, list[str]]:
    """Separate a leading body ("US", "Qatari", "Pakistan's") from the titles after it."""
    org: Mention | None = None
    while tokens and (tokens[0].lower_ in _STRIP_WORDS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and index.at(tokens[0]) is not None:
        m = index.at(tokens[0])
        if m is None or m.kind == "Person" or m.kind == "Place":
            break
        org = m
        tokens = tokens[1:]
        while tokens and (tokens[0].tag_ == "POS" or index.at(tokens[0]) is m):
            tokens = tokens[1:]
    titles: list[str] = []
    current: list[Token] = []
    for tok in [*tokens, None]:
        if tok is None or (tok.dep_ == "cc" and tok.lower_ in {"and", "&"}) or tok.text == ",":
            words = list(current)
            while words and words[0].lower_ in _STRIP_WORDS:
                words = words[1:]
            cut = next((k for k, t in enumerate(words) if k and t.lower_ in POSTED_TO
                        and t.dep_ == "prep" and t.head in words[:k]
                        and _is_role([t.head])
                        and not any(w.lower_ == "of" for w in words[:k])), None)
            if cut is not None:  # "ambassador to the US", "envoy for Afghanistan": the post
                words = words[:cut]  # (whose words a gold title holds), not the place; but
                # "Secretary of State for Business" is no Secretary of State
            while words and (words[-1].lower_ in ADDRESS or words[-1].is_punct):
                words = words[:-1]
            if (words and _is_role(words) and all(index.at(t) is None for t in words)
                    and not (len(words) == 1 and words[0].lower_.rstrip(".") in RANKS)):
                titles.append(title_case(_title_text(words)))
            current = []
        else:
            current.append(tok)
    return org, titles


def _trailing_body(head: Token, index: MentionIndex) -> Mention | None:
    """ "President Musharraf of Pakistan", "founder of the Survivors Fund"."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "for", "at"}:
            for pobj in child.children:
                m = index.at(pobj)
                if pobj.dep_ == "pobj" and m is not None and (m.kind == "Organization" or (
                        m.kind == "Country" and child.lower_ != "for")):
                    return m  # (not "director for Iran", "envoy for Afghanistan": its brief)
    return None


def _evidence(token: Token) -> Evidence:
    sent = token.sent
    text = sent.text.rstrip()
    return Evidence(text, sent.start_char, sent.start_char + len(text))


def _facts(person: Mention, tokens: list[Token], index: MentionIndex, ev: Evidence,
           tail: Token | None) -> list[PostFact]:
    org, titles = _split_titles(tokens, index)
    if org is None and tail is not None:
        org = _trailing_body(tail, index)
    return [PostFact(person, t, ev, org) for t in titles]


def find_posts(doc: Doc, index: MentionIndex) -> list[PostFact]:
    """Posts stated in the noun phrase of each person mention."""
    facts: list[PostFact] = []
    for person in index.mentions:
        if person.kind != "Person":
            continue
        span = doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        ev = _evidence(head)
        first = person.text.split()[0].lower() if person.text.split() else ""
        if first in ROYAL_TITLES and first not in {"crown", "prince", "princess"}:
            # "Queen Elizabeth": a monarch's post; a prince's rank is none
            facts.append(PostFact(person, title_case(first), ev, None))
        # 1. Title before the name, inside the name's own subtree.
        left: list[Token] = []
        i = span.start - 1
        sub = set(t.i for t in head.subtree)
        while i >= 0 and i in sub and doc[i].text not in {",", "(", "\n"} and not doc[i].is_space:
            if doc[i].dep_ == "cc" and not left:
                break
            left.insert(0, doc[i])
            i -= 1
        if not left or not _facts(person, left, index, ev, head):
            left = _title_before(doc, span.start)  # the parser hung the name elsewhere:
            # "Saudi Foreign Minister Adel al-Jubeir said", with "Minister" as the subject
        if left:
            found = _facts(person, left, index, ev, head)
            facts.extend(found)
            if left[-1].tag_ in {"NNS", "NNPS"}:  # "Businessmen Solomon Lew and Lindsay Fox"
                for c in head.conjuncts:
                    other = index.at(c)
                    if other is not None and other.kind == "Person":
                        facts.extend(PostFact(other, f.title, ev, f.org) for f in found)
        # 2. Apposition after the name: "Philippe Sands, a QC and law professor".
        listed = any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in head.children)
        for child in head.children:
            if listed and any(c.dep_ == "conj" for c in child.children):
                continue  # "Mrs May, the Prince of Wales, the Duchess of Cornwall, A and B
                # attended": a list of guests, not her titles
            if child.dep_ == "appos" and child.i > head.i and index.at(child) is None:
                np = [t for t in child.subtree if t.i >= child.left_edge.i]
                np = _cut_clauses(np, child)
                facts.extend(_facts(person, np, index, ev, child))
        # 3. Name in apposition to a title: "the Victorian Premier, Steve Bracks".
        if head.dep_ == "appos" and index.at(head.head) is None:
            top = head.head
            while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.pos_ in {
                    "NOUN", "PROPN"} and index.at(top.head.head) is None \
                    and top.head.lower_ not in POSTED_TO:  # "an adviser to President B": B
                # holds the presidency, not the adviser's post
                top = top.head.head
            np = [t for t in top.subtree if t.i < span.start and t.i not in sub]
            np = _cut_clauses(np, top)
            if np and _is_role(np):
                facts.extend(_facts(person, np, index, ev, top))
    return _unique(facts)


def _title_before(doc: Doc, start: int) -> list[Token]:
    """The title words (and the country or people naming them) written right before a name,
    however the parser attached them: "Saudi Foreign Minister" of "Saudi Foreign Minister
    Adel al-Jubeir".  Empty unless a title word is among them."""
    out: list[Token] = []
    i = start - 1
    while i >= 0 and doc[i].ent_type_ in {"TITLE", "NORP", "GPE"} and not doc[i].is_punct:
        out.insert(0, doc[i])
        i -= 1
    return out if any(t.ent_type_ == "TITLE" for t in out) else []


def _cut_clauses(tokens: list[Token], top: Token) -> list[Token]:
    """Keep the noun phrase proper: stop at relative clauses, participles and commas."""
    out: list[Token] = []
    for t in tokens:
        if t.dep_ in {"relcl", "acl", "advcl", "punct"} and t.i > top.i:
            break
        out.append(t)
    return out


_POSSESSIVE = re.compile(r"^.*?(?:\w['’]s|s['’])\s+")
"""A title's leading possessive ("Country's Leader", "That Country's Foreign Minister"): the
post is what follows it."""


def _without_possessor(title: str) -> str | None:
    """ "Country's Leader" -> "Leader"; "President's Son", "President's Former Lawyer",
    "Prime Minister's" -> None: a relative or an aide of someone is no post.

    >>> _without_possessor("Country's Leader"), _without_possessor("Prime Minister's")
    ('Leader', None)
    """
    if re.search(r"(?:['’]s|s['’])$", title):
        return None  # "Prime Minister's" (of a cut phrase): no post
    rest = _POSSESSIVE.sub("", title)
    if rest == title:
        return title
    if not rest or rest.split()[-1].lower() in RELATIONS or "'" in rest or "’" in rest:
        return None
    return rest


def _unique(facts: list[PostFact]) -> list[PostFact]:
    seen: dict[tuple[Mention, str], PostFact] = {}
    for fact in facts:
        title = _without_possessor(fact.title)
        if title is None:
            continue
        f = fact if title == fact.title else replace(fact, title=title)
        key = (f.person, re.sub(r"\W+", " ", f.title.lower()))
        if key not in seen or (seen[key].org is None and f.org is not None):
            seen[key] = f
    return list(seen.values())


def title_holders(posts: list[PostFact]) -> dict[str, tuple[tuple[Mention, str | None], ...]]:
    """Head word of each title ("president") -> the people holding it, with the ISO3 code of
    the post's country when it has one; the input of title coreference."""
    out: dict[str, list[tuple[Mention, str | None]]] = {}
    for f in posts:
        before, _, field = f.title.lower().partition(" of ")
        head = (before.split() or [before])[-1]  # "Secretary of State": "secretary"
        if re.search(r"\b(?:vice|deputy|assistant|under|lieutenant|associate)[ -]",
                     f.title, re.IGNORECASE) or re.search(
                rf"\b(?:vice|deputy|assistant|under|lieutenant|associate)[ -]+{re.escape(f.title)}",
                f.evidence.sentence, re.IGNORECASE):
            continue  # "Vice President Pence" is not "the president", nor a deputy the PM
            # (nor "Under Secretary of State Goldstein", his title read without its "Under")
        if re.search(rf"\b(?:former|ex-|then-?)\s*(?:[\w.-]+\s+){{0,3}}{re.escape(head)}\b",
                     f.evidence.sentence, re.IGNORECASE):
            continue  # "former U.N. ambassador John Bolton" is not "the ambassador"
        country = gazetteer.country(f.org.text) if f.org is not None else None
        held = (f.person, country.iso3 if country else None)
        out.setdefault(head, []).append(held)
        if field and country is None:  # "the secretary of state": that secretary
            out.setdefault(f"{head} of {field.removeprefix('the ')}", []).append(held)
        if f.title.lower().endswith("prime minister"):  # "the PM", "the premier"
            out.setdefault("pm", []).append(held)
            out.setdefault("premier", []).append(held)
    return {k: tuple(v) for k, v in out.items()}


BODY_POSTS = frozenset({"secretary-general", "secretary general", "president", "chief",
                        "head", "director", "director-general", "director general", "chairman",
                        "chairwoman", "chair", "leader", "high representative"})
"""Titles of a body's top post ("NATO Secretary-General")."""


def body_heads(posts: list[PostFact]) -> dict[str, tuple[Mention, ...]]:
    """A body's name (lower case) -> the people the text gives its top post, the input of
    "the NATO chief" (:func:`kg.mentions.actors`); no deputies ("Deputy Secretary-General")."""
    out: dict[str, list[Mention]] = {}
    for f in posts:
        if f.org is None or f.org.kind != "Organization":
            continue
        title = f.title.lower()
        if not any(title == b or title.endswith(" " + b) for b in BODY_POSTS) or re.search(
                r"\b(?:vice|deputy|assistant|under|former|ex-|acting)\b", title):
            continue
        people = out.setdefault(f.org.text.lower(), [])
        if f.person not in people:
            people.append(f.person)
    return {k: tuple(v) for k, v in out.items()}


def table_holders(known: Iterable[tuple[Mention, str, str]],
                  stated: dict[str, tuple[tuple[Mention, str | None], ...]]
                  ) -> dict[str, tuple[tuple[Mention, str], ...]]:
    """The posts :mod:`kg.leaders` knows of people the article names, where the text does not
    give that post's country ("Kim Jong Un" bare, "President Trump"): a title that names a
    country ("the North Korean leader") stands for them when no holder the text gives with
    that country does; a bare "the president" never does."""
    out: dict[str, list[tuple[Mention, str]]] = {}
    for person, head, iso in known:
        surname = person.text.split()[-1].lower()
        if not any(p.text.split()[-1].lower() == surname and c is not None
                   for p, c in stated.get(head, ())):
            out.setdefault(head, []).append((person, iso))
    return {k: tuple(v) for k, v in out.items()}
