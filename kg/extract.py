"""Doc -> events: meetings, statements, agreements, attacks, with their sentence and offsets.

Each rule starts from a trigger found by ``dip_triggers`` (see :mod:`kg.rules`) and reads
its arguments from the dependency parse.  Precision comes first: an event whose actors
cannot be named is dropped rather than guessed, a meeting needs two distinct actors, and
the realis of the clause (``will meet``, ``did not meet``, ``plans to meet``, questions,
conditionals) is kept in ``status`` so that only asserted meetings count as meetings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from kg.coref import pair_antecedents, pronoun_antecedent, quoted_ranges
from kg.mentions import (
    GROUP_NOUNS,
    MentionIndex,
    argument_actors,
    dedupe,
    doc_text,
    find_mentions,
)
from kg.model import (
    Agreement,
    Article,
    Attack,
    Evidence,
    Extraction,
    Meeting,
    Mention,
    Statement,
)
from kg.numbers import parse_count
from kg.posts import find_posts, title_holders
from kg.realis import status_of
from kg.rules import LIGHT_VERBS, MEET_NOUNS, SEATS, TRIGGERS_KEY

SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
CLAUSAL = frozenset({"relcl", "advcl", "ccomp", "acl", "parataxis", "xcomp", "csubj"})
FIRST_PERSON = frozenset({"i", "we"})
DATES = frozenset({"DATE", "TIME"})
TIME_PREPS = frozenset({"after", "following", "since", "upon", "on", "while", "when", "before",
                        "by", "during"})
PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them", "his", "its", "their"})
CAMEO = {"visit": "042", "host": "043", "receive": "043", "welcome": "043",
         "negotiate": "046", "negotiations": "046", "call": "040", "conversation": "040"}
WEAPON_WORDS = frozenset({"rocket", "bomb", "suicide", "missile", "drone", "terror",
                          "terrorist", "militant", "air", "mortar", "car", "gun", "knife",
                          "grenade", "artillery", "chemical", "insurgent", "taliban", "rebel",
                          "sniper", "shooting", "gas", "arson", "truck"})
CASUALTY_VERBS = frozenset({"kill", "die", "slay", "wound", "injure", "murder"})


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    speaker: Mention | None


def evidence(sent: Span) -> Evidence:
    text = sent.text.rstrip()
    return Evidence(text, sent.start_char, sent.start_char + len(text))


def is_headline(sent: Span) -> bool:
    """A line with no closing punctuation (a headline, a teaser link) states no event,
    unless it is a photo caption (see :func:`is_caption`)."""
    return (not sent.text.rstrip().endswith((".", "!", "?", '"', "”", "’", "'", ")", ":"))
            and not is_caption(sent))


_CAPTION = re.compile(
    r"\b(?:Image caption|Media caption|FILE PHOTO|PHOTO:|Photo:|Pictured:)"
    r"|\((?:R|L|C|right|left|centre|center|second left|second right)\)"
    r"|\b(?:REUTERS|Reuters|AP Photo|AFP|Getty Images|EPA)\b\S*\s*$"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December) \d{1,2}, \d{4}\W*$")


def is_caption(sent: Span) -> bool:
    """Whether the sentence is part of a photo caption: a line that is not the article's
    first (its title) and that carries a caption's marks ("Image caption", "(right)", a
    closing "June 9, 2018" or photo credit).  Captions report in the present tense what
    happened ("Brandt talks with Prince Adil"), often with no final full stop."""
    text = doc_text(sent.doc)
    start = text.rfind("\n", 0, sent.start_char) + 1
    if start == 0 or not text[:start].strip():
        return False  # the title
    end = text.find("\n", sent.end_char)
    line = text[start:end if end >= 0 else len(text)].strip()
    return bool(_CAPTION.search(line))


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


def _children(tok: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    """Objects of "with"/"between" attached to ``tok``, following "and with ..."."""
    out: list[Token] = []
    for prep in _children(tok, {"prep"}):
        if prep.lower_ not in preps:
            continue
        for p in [prep, *prep.conjuncts]:
            out.extend(_children(p, {"pobj"}))
    return out


def _subjects(verb: Token) -> list[Token]:
    """The verb's subject, or the one of the clause it hangs on: "A flew in and met B",
    "Speaking after meeting with B, A said", "A dictated it after talking with B"."""
    subj = _children(verb, SUBJ)
    t = verb
    while not subj and t.dep_ in {"xcomp", "conj", "advcl", "pcomp", "acl"} and t.head != t:
        if t.dep_ == "acl" and t.head.pos_ in {"NOUN", "PROPN"}:
            return [t.head]  # "Mr Straw, speaking after talks with B": the noun it modifies
        t = t.head
        if t.dep_ == "prep" and t.head != t:  # "after talking with": pcomp -> prep -> verb
            if t.lower_ not in TIME_PREPS:
                return []  # "took the lead in talking with X": no one meeting
            t = t.head
        subj = _children(t, SUBJ)
    return subj


def contact_objects(verb: Token) -> list[Token]:
    """The other side of a meeting verb: "met B", "met with B", "spoke with/to B", "shook
    hands with B", "was greeted by B"."""
    lemma = verb.lemma_.lower()
    preps = {"with", "to"} if lemma in {"speak", "talk"} else {"with", "between"}
    out = _prep_objects(verb, preps)
    for prep in _children(verb, {"prep"}):  # "conferred for 90 minutes with X"
        if prep.lower_ == "for":
            out += [w for p in _children(prep, {"pobj"}) for w in _prep_objects(p, {"with"})]
    if lemma not in {"speak", "talk", "shake"}:
        out = _children(verb, {"dobj"}) + out
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        out += [p for a in _children(verb, {"agent"}) for p in _children(a, {"pobj"})]
    return out


def _scope(trigger: Token, skip: set[int]) -> list[Token]:
    """The trigger's subtree without nested clauses and without ``skip`` subtrees."""
    out: list[Token] = []
    stack = [trigger]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.i in skip or (c.dep_ in CLAUSAL and c.pos_ in {"VERB", "AUX"}):
                continue
            stack.append(c)
    return out


def _location(scope: list[Token], index: MentionIndex, exclude: set[Mention]) -> Mention | None:
    for tok in sorted(scope, key=lambda t: t.i):
        if tok.dep_ == "pobj" and tok.head.lower_ in {"in", "at"}:
            m = index.at(tok)
            # "at 10 Downing Street", "at the White House": a body's seat is a place too
            kinds = {"Place", "Country"} | ({"Organization"} if tok.head.lower_ == "at" else set())
            if m is not None and m.kind in kinds and m not in exclude:
                return m
    return None


def _date_text(scope: list[Token]) -> str | None:
    for tok in sorted(scope, key=lambda t: t.i):
        if tok.ent_type_ == "DATE" and tok.ent_iob_ == "B":
            end = tok.i + 1
            while end < len(tok.doc) and tok.doc[end].ent_iob_ == "I":
                end += 1
            return tok.doc[tok.i:end].text
    return None


def _speaker_for(tok: Token, quotes: list[Quote]) -> Mention | None:
    for q in quotes:
        if q.start <= tok.idx < q.end:
            return q.speaker
    return None


def _meetings(trigger: Token, index: MentionIndex, quotes: list[Quote]) -> list[Meeting]:
    if trigger.dep_ in {"amod", "compound"}:
        return []
    verb = trigger
    is_noun = trigger.pos_ in {"NOUN"} or (trigger.pos_ == "PROPN" and trigger.lower_ != "met")
    lemma = trigger.lemma_.lower()
    subj_toks: list[Token] = []
    obj_toks: list[Token] = []
    if not is_noun and any(c.dep_ == "dobj" and c.lower_ in MEET_NOUNS
                           for c in trigger.children):
        return []  # "hosted talks between X and Y": the noun is the event, not the host
    if is_noun:
        if trigger.dep_ == "dobj" and trigger.head.pos_ in {"VERB", "AUX"}:
            verb = trigger.head
            if verb.lemma_.lower() in (*LIGHT_VERBS, "leave"):  # "held talks with"
                subj_toks = _subjects(verb)
                obj_toks = _prep_objects(verb, {"with"})
            obj_toks += _prep_objects(verb, {"between"})
        # "after Monday's talks with X": a date is no participant
        subj_toks += [c for c in _children(trigger, {"poss"}) if c.ent_type_ not in DATES]
        # "the G7 summit", "a NATO meeting": the body is a participant
        obj_toks += [c for c in _children(trigger, {"compound", "nmod", "amod"})
                     if c.ent_type_ == "ORG" and _body_name(c)]
        # "told a meeting of Israeli and Palestinian officials"
        obj_toks += [p for p in _prep_objects(trigger, {"of"}) if p.lower_ in GROUP_NOUNS]
        if not subj_toks and trigger.dep_ == "pobj":
            subj_toks = _governing_subjects(trigger)
        obj_toks += _prep_objects(trigger, {"with", "between"})
        if not subj_toks and not _prep_objects(trigger, {"between"}) and not any(
                c.dep_ == "nsubj" for c in trigger.children):
            # "talks with A and B have been going on": each with someone unnamed
            obj_toks = [t for t in obj_toks if t.dep_ != "pobj" or t.head.lower_ != "with"
                        ] if len(argument_actors(obj_toks, index)) > 1 else obj_toks
        if lemma == "visit":
            obj_toks += _prep_objects(trigger, {"to"})
    else:
        subj_toks = _subjects(trigger)
        obj_toks = contact_objects(trigger)
    participants: list[Mention] = []
    joint = False
    for tok in subj_toks:
        if tok.lower_ in FIRST_PERSON or tok.lower_ in PRONOUNS:
            speaker = _speaker_for(tok, quotes) if tok.lower_ in FIRST_PERSON else None
            if speaker is None and tok.lower_ in {"his", "her"} and is_noun:
                speaker = _clause_subject_person(trigger, index)
            if speaker is None:
                speaker = pronoun_antecedent(tok, index)
            if speaker is not None:
                participants.append(speaker)
        elif pair := pair_antecedents(tok, index):
            participants.extend(pair)
            joint = True  # "the pair met X": one meeting of three
        else:
            participants.extend(argument_actors([tok], index))
    if not subj_toks and not is_noun:
        speaker = _speaker_for(trigger, quotes)  # tweet: "Met with both sides in Doha."
        if speaker is not None:
            participants.append(speaker)
    objects = [m for m in argument_actors(obj_toks, index) if not _plural_people(m, index)]
    if lemma in {"visit"}:  # a visit to a country, city or institution is a trip
        objects = [m for m in objects if m.kind == "Person"]
    elif lemma in {"speak", "talk", "call"} and not is_noun:  # not "spoke to the BBC"
        objects = [m for m in objects if m.kind in {"Person", "Country"}]
    subjects = list(dedupe(participants))
    if sum(m.kind == "Person" for m in subjects) > 1:  # "A and G7 leaders B, C": the people
        subjects = [m for m in subjects if m.kind == "Person"]
    # "A and B met C": two meetings with C, not a meeting of A with B.
    groups = [[s, *objects] for s in subjects] if len(subjects) > 1 and objects and not joint \
        else [subjects + objects]
    out = [m for g in groups for m in [_make_meeting(trigger, verb, g, subj_toks, index)]
           if m is not None]
    return out


def _make_meeting(trigger: Token, verb: Token, group: list[Mention], subj_toks: list[Token],
                  index: MentionIndex) -> Meeting | None:
    participants = list(dedupe(group))
    lemma = trigger.lemma_.lower()
    if len(participants) < 2:
        return None
    skip = {t.i for t in subj_toks}
    scope = _scope(trigger, skip) + ([] if verb is trigger else _scope(verb, skip | {trigger.i}))
    location = _location(scope, index, set(participants))
    return Meeting(
        participants=tuple(participants),
        evidence=evidence(trigger.sent),
        location=location,
        date_text=_date_text(scope),
        status=status_of(trigger, caption=is_caption(trigger.sent)),
        cameo=CAMEO.get(lemma, CAMEO.get(trigger.lower_, "040")),
        trigger=trigger.text,
    )


def _body_name(tok: Token) -> bool:
    """A name that is a multilateral body ("G7", "NATO", "Group of Seven"), not a seat of
    government ("White House") nor a person the model took for an organisation."""
    return tok.lower_ not in SEATS and (
        tok.text.isupper() or any(ch.isdigit() for ch in tok.text)
        or tok.lower_ in {"group", "union", "nations", "council", "league", "alliance",
                          "forum", "commonwealth", "organisation", "organization"})


def _plural_people(m: Mention, index: MentionIndex) -> bool:
    """ "welcomed home three Americans": a plural demonym is people, not their country."""
    return m.kind == "Country" and m.text[-1:] == "s" and m.text.lower().rstrip("s").endswith(
        ("an", "ian", "i", "ese", "ch", "sh")) and " " not in m.text and index is not None


def _governing_subjects(noun: Token) -> list[Token]:
    """ "X spoke at a news conference with Y", "Mr Straw, speaking at a conference with Y":
    the subject of the verb the noun's preposition hangs on."""
    prep = noun.head
    verb = prep.head
    if prep.dep_ != "prep" or verb.pos_ not in {"VERB", "AUX"}:
        return []
    subj = _children(verb, SUBJ)
    if not subj and verb.dep_ == "acl" and verb.head.pos_ in {"PROPN", "NOUN"}:
        return [verb.head]  # "Mr Straw, speaking at a news conference with ..."
    if not subj and verb.dep_ in {"advcl", "pcomp", "xcomp", "conj"}:
        return _subjects(verb)  # ", speaking at ..., Mr Straw stressed"
    if (verb.dep_ == "ccomp" and prep.lower_ in TIME_PREPS and prep.i < verb.i
            and all(s.pos_ in {"NOUN", "PRON"} and s.ent_type_ == "" for s in subj)):
        # "Kerry said after Monday's talks with X that progress was made": the preposition
        # hangs on the reported clause in the parse, but goes with the saying
        return _children(verb.head, SUBJ) or subj
    return subj


def _clause_subject_person(trigger: Token, index: MentionIndex) -> Mention | None:
    """ "In his meeting with X, Pompeo called ...": "his" is the clause's subject."""
    t = trigger
    while t.head != t and t.pos_ not in {"VERB", "AUX"}:
        t = t.head
    for s in _children(t, SUBJ):
        m = index.at(s)
        if m is not None and m.kind in {"Person", "Organization"} and s.pos_ == "PROPN":
            return m  # a surname the model took for a body ("Trump") is still the person
    return None


def _statement(trigger: Token, index: MentionIndex) -> Statement | None:
    subj = _children(trigger, {"nsubj"})
    speakers = [m for m in argument_actors(subj, index) if m.kind == "Person"]
    if not speakers and len(subj) == 1:
        reported = frozenset(t.i for c in trigger.children if c.dep_ in {"ccomp", "xcomp"}
                             for t in c.subtree)
        antecedent = pronoun_antecedent(subj[0], index, exclude=reported)
        speakers = [antecedent] if antecedent is not None else []
    if len(speakers) != 1:
        return None
    sent = trigger.sent
    comp = _children(trigger, {"ccomp"})
    quote = None
    if comp:
        toks = sorted(comp[0].subtree, key=lambda t: t.i)
        quote = trigger.doc[toks[0].i: toks[-1].i + 1].text.strip(" \"“”,")
    return Statement(speaker=speakers[0], evidence=evidence(sent), quote=quote or None)


def _agreement(trigger: Token, index: MentionIndex) -> Agreement | None:
    obj = [c for c in _children(trigger, {"dobj"})]
    parties = _subjects(trigger) + _prep_objects(trigger, {"with", "between"})
    for o in obj:
        parties += _prep_objects(o, {"with", "between"})
    signatories = dedupe(argument_actors(parties, index))
    if not signatories:
        return None
    scope = _scope(trigger, set())
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
        scope += _scope(trigger.head, {trigger.i})
    location = None
    for tok in sorted(scope, key=lambda t: t.i):
        m = index.at(tok)
        if m is not None and m.kind == "Place":
            location = m
            break
    if location is None:
        location = _location(scope, index, set())
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
                for m in _meetings(t.root, index, quotes)]
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
        meetings=tuple(_unique_meetings(meetings)),
        statements=tuple(statements),
        agreements=tuple(agreements),
        attacks=tuple(attacks.values()),
        posts=tuple(posts),
    )


def _unique_meetings(meetings: list[Meeting]) -> list[Meeting]:
    """One meeting per sentence and set of participants (two triggers, one event)."""
    seen: dict[tuple[int, frozenset[str]], Meeting] = {}
    for m in meetings:
        key = (m.evidence.start, frozenset(p.text.lower() for p in m.participants))
        seen.setdefault(key, m)
    return list(seen.values())
