"""Doc -> events: meetings, statements, agreements, attacks, with their sentence and offsets.

Each rule starts from a trigger found by ``dip_triggers`` (see :mod:`kg.rules`) and reads
its arguments from the dependency parse.  Precision comes first: an event whose actors
cannot be named is dropped rather than guessed, a meeting needs two distinct actors, and
the realis of the clause (``will meet``, ``did not meet``, ``plans to meet``, questions,
conditionals) is kept in ``status`` so that only asserted meetings count as meetings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg import gazetteer
from kg.coref import pronoun_antecedent, quoted_ranges, same_person
from kg.dates import is_date_phrase, names_day, told_from_speaker
from kg.leaders import countries_of, is_leader_name, known_holders
from kg.meetings import (
    bridged_meetings,
    caption_scenes,
    find_meetings,
    joint_appearances,
    merge_reports,
    still_planned,
    unique_meetings,
)
from kg.mentions import (
    NOT_DATES_KEY,
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
    Extraction,
    Meeting,
    Mention,
    PostFact,
    Statement,
)
from kg.names import family_name
from kg.numbers import parse_count
from kg.posts import body_heads, find_posts, table_holders, title_holders
from kg.realis import PUBLISHED_KEY, status_of
from kg.rules import MEET_NOUNS, SAY_LEMMAS, TRIGGERS_KEY
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


_NOT_WHEN = frozenset({"since", "until", "till", "before", "after", "by", "from", "through",
                       "throughout", "following", "ahead", "prior", "despite"})
"""Prepositions whose date is not the meeting's ("met after Monday's vote")."""


_TIMES_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "midday", "noon",
                           "lunchtime", "dawn", "day", "week", "weekend"})
"""Nouns a day's name modifies that are still a time ("Friday afternoon")."""


def _sets_the_time(noun: Token) -> bool:
    """ "During the 2012 campaign, A hosted B": a noun in a phrase of time on the clause's
    verb (not "interference in the 2016 election", on a noun)."""
    while noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "the 2012 re-election campaign"
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in {"during", "in", "at", "on", "throughout"} \
        and prep.head.pos_ in {"VERB", "AUX"}


def _date_text(scope: list[Token]) -> str | None:
    """The date phrase of the meeting clause: a DATE or TIME entity whose head lies in the
    scope (or is a possessive of a scope word: "Monday's talks"), that
    :func:`kg.dates.is_date_phrase` accepts ("1130 GMT", "26-year-old", "nearly daily" are
    tagged too) and that no "since"/"after"/... governs; one that names a day before one that
    does not ("this week, on Tuesday"), a day with its number before a bare weekday ("said on
    Friday he would hold a summit on June 12", both hung on "hold"), then the one nearest
    the trigger in the parse, then the first."""
    if not scope:
        return None
    inside = {t.i for t in scope}
    found: list[tuple[bool, bool, int, int, str]] = []
    surnames = scope[0].doc.user_data.get(NOT_DATES_KEY, ())
    for ent in scope[0].doc.ents:
        root = ent.root
        if ent.label_ not in {"DATE", "TIME"} or ent.start in surnames or not (
                root.i in inside or (root.dep_ == "poss" and root.head.i in inside)):
            continue  # "Monday's talks": the possessive is read as the talks' subject
        if root.dep_ in {"compound", "nummod", "amod", "nmod"} and root.head.pos_ == "NOUN" \
                and root.head.i > root.i and root.head.lower_ not in MEET_NOUNS \
                and root.head.lower_ not in _TIMES_OF_DAY and not _sets_the_time(root.head):
            continue  # "abandoning the 2015 accord": the accord's year (not "the June 12
            # summit", nor "During the 2012 campaign, A hosted B")
        depth, tok = 0, ent.root
        while tok.head.i in inside and tok.head is not tok and depth < 50:
            tok, depth = tok.head, depth + 1
            if tok.lower_ in _NOT_WHEN:
                break
        else:
            if is_date_phrase(ent.text):
                text = ent.text.strip(" ,;:")  # "the same day," as the tagger spans it
                found.append((not names_day(text), not re.search(r"\d", text), depth,
                              ent.start, text))
    if not found:  # "Late Saturday, Trump told Moon ...": a weekday the NER left untagged
        for t in scope:
            if t.ent_type_ == "" and t.pos_ == "PROPN" and t.lower_ in _WEEKDAY_NAMES:
                found.append((False, True, 0, t.i, t.text))
    return min(found)[-1] if found else None


_WEEKDAY_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                            "sunday"})


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


def _without_own_country(meetings: list[Meeting], own: dict[str, set[str]]) -> list[Meeting]:
    """ "Putin told a meeting of Russian diplomats", "Obama was met by a U.S. delegation": a
    country is no side of a meeting with its own office-holder (a post the text gives, or
    one :mod:`kg.leaders` knows on the article's date), nor a body with its own ("NATO
    Secretary-General Stoltenberg" after "a meeting of NATO defense ministers"); the meeting
    goes when fewer than two sides are left (``own``: :func:`_own_sides`)."""
    if not own:
        return meetings
    out = []
    for m in meetings:
        people = {own_iso for p in m.participants if p.kind == "Person"
                  for own_iso in own.get(p.text.split()[-1].lower(), set())}
        kept = tuple(p for p in m.participants if not (
            p.kind == "Country" and (c := gazetteer.country(p.text)) is not None
            and c.iso3 in people) and not (  # a body only when it is the one other side:
            p.kind == "Organization" and p.text.lower() in people  # "met Beradar and other
            and len(m.participants) == 2))  # members of the Taliban team" keeps the Taliban
        if len(kept) == len(m.participants):
            out.append(m)
        elif len(kept) >= 2:
            out.append(replace(m, participants=kept))
    return out


def _countries_met_in_person(meetings: list[Meeting], own: dict[str, set[str]]
                             ) -> list[Meeting]:
    """ "The last summit between leaders of the two Koreas occurred in 2007 when Roh and Kim
    Jong-il met": a meeting of countries is the meeting of their office-holders (by the
    posts the article gives, or ever held by :mod:`kg.leaders`) that the same sentence
    names, not another one."""
    out = []
    for m in meetings:
        countries = {c.iso3 for p in m.participants if p.kind == "Country"
                     and (c := gazetteer.country(p.text)) is not None}
        if len(countries) == len(m.participants) and any(
                o is not m and o.evidence == m.evidence and o.status == m.status
                and countries <= {
                    iso for p in o.participants if p.kind == "Person"
                    for iso in own.get(p.text.split()[-1].lower(), set())
                    | countries_of(p.text)}
                for o in meetings):
            continue
        out.append(m)
    return out


def _without_consorts(meetings: list[Meeting], posts: list[PostFact]) -> list[Meeting]:
    """ "Donald and Melania Trump arrived in France for the G7 summit": the leader attends a
    body's summit; the spouse beside him, who holds no office, is no side of it (but both
    met the queen they visited).  A person is a consort here when a leader of the same
    family name (:mod:`kg.leaders`, or a post the article gives) is at the same body's
    meeting in the same sentence."""
    office = {f.person.text for f in posts}

    def principal(p: Mention) -> bool:
        return is_leader_name(p.text) or p.text in office

    out = []
    for m in meetings:
        bodies = {p.text for p in m.participants if p.kind == "Organization"}
        if not bodies:
            out.append(m)
            continue
        leads = [q for o in meetings if o.evidence == m.evidence
                 and bodies <= {p.text for p in o.participants}
                 for q in o.participants if q.kind == "Person" and principal(q)]
        kept = tuple(p for p in m.participants if not (
            p.kind == "Person" and not principal(p) and " " in p.text and any(
                family_name(q.text) == family_name(p.text) and q.text != p.text
                for q in leads)))
        if len(kept) == len(m.participants):
            out.append(m)
        elif sum(p.kind != "Organization" for p in kept) >= 1 and len(kept) >= 2:
            out.append(replace(m, participants=kept))
    return out


UN_BODIES = frozenset({"security council", "general assembly", "human rights council"})
"""Bodies of the United Nations, whose meetings are the UN's own."""
_UN_NAMES = frozenset({"un", "united nations", "unsc", "unga", "unhrc"}) | UN_BODIES
"""The UN and its bodies, under their names and abbreviations ("At the UNSC meeting, the UN
envoy warned ...")."""


def _body_key(name: str) -> str:
    """ "U.N.", "UN", "United Nations" -> "un"; a body of the UN is the UN's."""
    key = re.sub(r"^the ", "", name.lower().replace(".", "").strip())
    key = re.sub(r"^(?:un|united nations) ", "", key)
    return "un" if key in _UN_NAMES else key


def _without_members(meetings: list[Meeting], posts: list[PostFact]) -> list[Meeting]:
    """ "China's U.N. ambassador, Liu Jieyi, told the Security Council meeting": a body's own
    official at its meeting is an internal meeting of the body, which is no meeting (the
    guidelines); only the pair of the two alone is dropped."""
    out = []
    for m in meetings:
        people = [p for p in m.participants if p.kind == "Person"]
        bodies = [p for p in m.participants if p.kind == "Organization"]
        if len(m.participants) == 2 and len(people) == 1 and len(bodies) == 1 and any(
                f.org is not None and _body_key(f.org.text) == _body_key(bodies[0].text)
                and (f.person.text == people[0].text or same_person(f.person, people[0]))
                for f in posts):
            continue
        out.append(m)
    return out


def _own_sides(posts: list[PostFact], leaders: Iterable[tuple[Mention, str, str]]
               ) -> dict[str, set[str]]:
    """Surname -> the countries (ISO3) and bodies the person holds an office of."""
    own: dict[str, set[str]] = {}
    for person, _, iso in leaders:
        own.setdefault(person.text.split()[-1].lower(), set()).add(iso)
    for f in posts:
        found = gazetteer.country(f.org.text) if f.org is not None else None
        if found is not None:
            own.setdefault(f.person.text.split()[-1].lower(), set()).add(found.iso3)
        elif f.org is not None and f.org.kind == "Organization":  # "NATO Secretary-General
            own.setdefault(f.person.text.split()[-1].lower(), set()).add(  # Stoltenberg"
                f.org.text.lower())  # after "a meeting of NATO defense ministers"
    return own


_SAY = frozenset(SAY_LEMMAS)


def _quoted_day(m: Meeting, doc: Doc, quotes: list[Quote]) -> Meeting:
    """ "'Yesterday I spoke with B,' A said on Sunday": a day counted from the speaker's
    day, inside a quotation, counts from the day of the saying ("on Sunday", its date
    phrase outside the quotation), not from the article's date.  The meeting keeps the
    phrase as written and gains that anchor (:attr:`kg.model.Meeting.date_anchor`)."""
    if not m.date_text or not told_from_speaker(m.date_text):
        return m
    at = m.evidence.sentence.lower().find(m.date_text.lower())
    if at < 0:
        return m
    at += m.evidence.start
    quote = next((q for q in quotes if q.start <= at < q.end), None)
    if quote is None:
        return m
    anchor = _saying_day(doc, quote)
    return replace(m, date_anchor=anchor) if anchor is not None else m


def _saying_day(doc: Doc, quote: Quote) -> str | None:
    """The date phrase of the verb of saying that introduces or closes ``quote`` ("said on
    Sunday", "told reporters Thursday"), outside the quotation; None if it names none."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for sent in {t.sent.start: t.sent for t in (span[0], span[-1])}.values():  # the
        # sentences that open and close it
        for ent in sent.ents:
            if ent.label_ not in {"DATE", "TIME"} or quote.start <= ent.start_char < quote.end:
                continue
            head = ent.root
            for _ in range(4):
                if head.head == head or quote.start <= head.head.idx < quote.end:
                    break
                head = head.head
                if head.lemma_.lower() in _SAY and head.pos_ in {"VERB", "AUX"}:
                    return ent.text if is_date_phrase(ent.text) else None
                if head.pos_ in {"VERB", "AUX"}:
                    break
    return None


def extract(doc: Doc, article: Article) -> Extraction:
    """All mentions, events, posts and affiliations of one parsed article."""
    doc.user_data.setdefault("dip_text", article.text)  # the text the Doc was made from
    doc.user_data[PUBLISHED_KEY] = article.date  # (kg.realis: "attends ... in 2012")
    index = find_mentions(doc)
    posts = find_posts(doc, index)
    leaders = known_holders(index.mentions, article.date)
    stated = title_holders(posts)
    index = replace(index, title_holders=stated,
                    table_holders=table_holders(leaders, stated), body_heads=body_heads(posts))
    triggers = [t for t in doc.spans.get(TRIGGERS_KEY, [])
                if not is_headline(t.sent)]
    statements = [s for t in triggers if t.label_ == "SAY"
                  for s in [_statement(t.root, index)] if s is not None]
    quotes = find_quotes(doc, index, statements)
    by_trigger = [(t.root, find_meetings(t.root, index, quotes, _date_text))
                  for t in triggers if t.label_ == "MEET"]
    meetings = still_planned([(root, m) for root, found in by_trigger for m in found])
    bridged = bridged_meetings([root for root, found in by_trigger if not found],
                               {root for root, _ in by_trigger}, meetings, index)
    meetings = [m for m in meetings if not any(  # "A met B. C also attended the meeting":
        m.evidence in b.support and set(m.participants) < set(b.participants)  # one meeting
        and m.status == b.status for b in bridged)] + bridged  # of the three, counted once
    # (not when C "did not attend the meeting": A and B still met)
    meetings += [m for m in joint_appearances(doc, index, _date_text) if not any(
        o.evidence == m.evidence and set(m.participants) <= set(o.participants)
        for o in meetings)]  # "A, B and C pose for a photo at the G7 summit": the summit's
    agreements = [a for t in triggers if t.label_ == "SIGN"
                  for a in [_agreement(t.root, index)] if a is not None]
    attacks: dict[int, Attack] = {}
    for t in triggers:
        if t.label_ == "ATTACK":
            a = _attack(t.root, index)
            if a is not None and a.evidence.start not in attacks:
                attacks[a.evidence.start] = a
    own = _own_sides(posts, leaders)
    meetings = _without_members(_without_consorts(_countries_met_in_person(
        _without_own_country(meetings, own), own), posts), posts)
    meetings = [_quoted_day(m, doc, quotes) for m in meetings]
    known = set(index.mentions)
    # sides of "the Trump-Kim summit" that no name of the NER covers (kg.hyphens)
    added = {p: None for m in meetings for p in m.participants if p not in known}
    return Extraction(
        article=article,
        mentions=tuple(sorted((*index.mentions, *added), key=lambda m: m.start)),
        meetings=tuple(merge_reports(caption_scenes(unique_meetings(meetings), doc), doc)),
        statements=tuple(statements),
        agreements=tuple(agreements),
        attacks=tuple(attacks.values()),
        posts=tuple(posts),
        other_names=index.other_names,
    )
