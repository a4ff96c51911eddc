"""Doc -> events: meetings, statements, agreements, attacks, with their sentence and offsets.

Each rule starts from a trigger found by ``dip_triggers`` (see :mod:`kg.rules`) and reads
its arguments from the dependency parse.  Precision comes first: an event whose actors
cannot be named is dropped rather than guessed, a meeting needs two distinct actors, and
the realis of the clause (``will meet``, ``did not meet``, ``plans to meet``, questions,
conditionals) is kept in ``status`` so that only asserted meetings count as meetings.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.coref import pronoun_antecedent, quoted_ranges
from kg.meetings import find_meetings, merge_reports, unique_meetings
from kg.mentions import MentionIndex, argument_actors, dedupe, doc_text, find_mentions
from kg.model import Agreement, Article, Attack, Extraction, Statement
from kg.numbers import parse_count
from kg.posts import find_posts, title_holders
from kg.realis import status_of
from kg.rules import TRIGGERS_KEY
from kg.syntax import (
    Quote,
    children,
    clause_subjects,
    evidence,
    is_headline,
    place_of,
    prep_objects,
    scope_of,
)

WEAPON_WORDS = frozenset({"rocket", "bomb", "suicide", "missile", "drone", "terror",
                          "terrorist", "militant", "air", "mortar", "car", "gun", "knife",
                          "grenade", "artillery", "chemical", "insurgent", "taliban", "rebel",
                          "sniper", "shooting", "gas", "arson", "truck"})


CASUALTY_VERBS = frozenset({"kill", "die", "slay", "wound", "injure", "murder"})


def find_quotes(doc: Doc, index: MentionIndex, statements: list[Statement]) -> list[Quote]:
    """Quoted passages and, where a statement attributes them, their speaker."""
    quotes: list[Quote] = []
    for a, b in quoted_ranges(doc_text(doc)):
        speaker = None
        for st in statements:
            ev = st.evidence
            # "..." X said  /  X said: "..."
            if ev.start <= b <= ev.end or ev.start <= a <= ev.end:
                speaker = st.speaker
                break
        quotes.append(Quote(a, b, speaker))
    return quotes


def _date_text(scope: list[Token]) -> str | None:
    for tok in sorted(scope, key=lambda t: t.i):
        if tok.ent_type_ == "DATE" and tok.ent_iob_ == "B":
            end = tok.i + 1
            while end < len(tok.doc) and tok.doc[end].ent_iob_ == "I":
                end += 1
            return tok.doc[tok.i:end].text
    return None


def _statement(trigger: Token, index: MentionIndex) -> Statement | None:
    subj = children(trigger, {"nsubj"})
    speakers = [m for m in argument_actors(subj, index) if m.kind == "Person"]
    if not speakers and len(subj) == 1:
        reported = frozenset(t.i for c in trigger.children if c.dep_ in {"ccomp", "xcomp"}
                             for t in c.subtree)
        antecedent = pronoun_antecedent(subj[0], index, exclude=reported)
        speakers = [antecedent] if antecedent is not None else []
    if len(speakers) != 1:
        return None
    sent = trigger.sent
    comp = children(trigger, {"ccomp"})
    quote = None
    if comp:
        toks = sorted(comp[0].subtree, key=lambda t: t.i)
        quote = trigger.doc[toks[0].i: toks[-1].i + 1].text.strip(" \"“”,")
    return Statement(speaker=speakers[0], evidence=evidence(sent), quote=quote or None)


def _agreement(trigger: Token, index: MentionIndex) -> Agreement | None:
    obj = [c for c in children(trigger, {"dobj"})]
    parties = clause_subjects(trigger) + prep_objects(trigger, {"with", "between"})
    for o in obj:
        parties += prep_objects(o, {"with", "between"})
    signatories = dedupe(argument_actors(parties, index))
    if not signatories:
        return None
    scope = scope_of(trigger, set())
    return Agreement(signatories=signatories, evidence=evidence(trigger.sent),
                     date_text=_date_text(scope), status=status_of(trigger))


def _killed(sent: Span) -> int | None:
    for tok in sent:
        if tok.lemma_.lower() in CASUALTY_VERBS and tok.lemma_.lower() in {"kill", "slay",
                                                                           "murder", "die"}:
            for arg in [*tok.children, tok.head]:
                for num in [arg, *arg.children]:
                    if num.like_num and num.dep_ in {"nummod", "nsubj", "nsubjpass", "dobj"}:
                        count = parse_count(num)
                        if count is not None:
                            return count
    return None


def _attack(trigger: Token, index: MentionIndex) -> Attack | None:
    if trigger.dep_ in {"amod"} or any(c.lower_ == "heart" for c in trigger.children):
        return None
    sent = trigger.sent
    killed = _killed(sent)
    weapon = any(c.lower_ in WEAPON_WORDS for c in trigger.children) or any(
        c.lower_ in WEAPON_WORDS for c in trigger.lefts)
    scope = list(trigger.subtree)
    if trigger.dep_ in {"nsubj", "nsubjpass", "dobj"}:  # "A car bomb killed 12 in Mosul"
        scope += scope_of(trigger.head, {trigger.i})
    location = None
    for tok in sorted(scope, key=lambda t: t.i):
        m = index.at(tok)
        if m is not None and m.kind == "Place":
            location = m
            break
    if location is None:
        location = place_of(scope, index, set())
    if killed is None and not weapon:
        return None
    return Attack(evidence=evidence(sent), location=location, killed=killed,
                  date_text=_date_text(scope))


def extract(doc: Doc, article: Article) -> Extraction:
    """All mentions, events, posts and affiliations of one parsed article."""
    doc.user_data.setdefault("dip_text", article.text)  # the text the Doc was made from
    index = find_mentions(doc)
    posts = find_posts(doc, index)
    index = replace(index, title_holders=title_holders(posts))
    triggers = [t for t in doc.spans.get(TRIGGERS_KEY, [])
                if not is_headline(t.sent)]
    statements = [s for t in triggers if t.label_ == "SAY"
                  for s in [_statement(t.root, index)] if s is not None]
    quotes = find_quotes(doc, index, statements)
    meetings = [m for t in triggers if t.label_ == "MEET"
                for m in find_meetings(t.root, index, quotes, _date_text)]
    agreements = [a for t in triggers if t.label_ == "SIGN"
                  for a in [_agreement(t.root, index)] if a is not None]
    attacks: dict[int, Attack] = {}
    for t in triggers:
        if t.label_ == "ATTACK":
            a = _attack(t.root, index)
            if a is not None and a.evidence.start not in attacks:
                attacks[a.evidence.start] = a
    return Extraction(
        article=article,
        mentions=index.mentions,
        meetings=tuple(merge_reports(unique_meetings(meetings), doc)),
        statements=tuple(statements),
        agreements=tuple(agreements),
        attacks=tuple(attacks.values()),
        posts=tuple(posts),
    )
