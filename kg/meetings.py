"""Meetings: who met whom, from a ``MEET`` trigger word and its arguments in the parse.

A verb trigger takes its subject and its objects ("A met (with) B", "A spoke with B", "B
was greeted by A"); a noun trigger takes the subject of its light verb or of the clause its
preposition hangs on ("A held talks with B", "after talks with B, A said"), its possessor
("A's meeting with B") and a body that names it ("the G7 summit").  Realis comes from
:mod:`kg.realis`.  The sentences of one article that report the same meeting become one
:class:`~kg.model.Meeting` with further ``support`` sentences (:func:`merge_reports`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg import gazetteer, leaders
from kg.coref import (
    family,
    family_plural,
    object_fits,
    pair_antecedents,
    pronoun_antecedent,
    same_person,
    surname,
)
from kg.gazetteer import capital_of
from kg.hyphens import hyphen_actors
from kg.mentions import (
    GOVERNMENT_NOUNS,
    GROUP_NOUNS,
    OFFICIAL_NOUNS,
    RELATIONS,
    MentionIndex,
    actors,
    argument_actors,
    conjuncts,
    dedupe,
    doc_ents,
    doc_text,
    examples,
    other_group,
)
from kg.model import Meeting, Mention
from kg.names import RELATIVE_CUES, cue_gender, cue_relative
from kg.names import SUFFIXES as NAME_SUFFIXES
from kg.realis import status_of
from kg.rules import (
    AUDIENCE,
    CALL_WORDS,
    CO_PRESENCE,
    EXCHANGES,
    LIGHT_VERBS,
    MEET_NOUNS,
    ROLE_NOUNS,
    SAY_LEMMAS,
    STRETCHES,
    addressed_in,
    alone_with,
    beside,
    body_name,
    by_phone_with,
    call_from,
    called_person,
    held_verb,
    held_with,
    included_people,
    joint_appearance,
    journey_includes,
    listed_subject,
    named_person,
    ordinal_between,
    pair_as_modifier,
    paired_subject,
    played_golf,
    posed_together,
    shared_possessors,
    spent_with,
    spoke_together,
    spoken_beside,
    thanked_for,
)
from kg.syntax import (
    REPORT_NOUNS,
    SUBJ,
    TIME_PREPS,
    WISH_NOUNS,
    Quote,
    caption_date,
    children,
    clause_subjects,
    evidence,
    fronted_subject,
    is_caption,
    is_headline,
    listed_with_root,
    might_be_captions,
    place_of,
    prep_objects,
    run_on_subjects,
    scope_of,
    separate_meetings,
    speaker_for,
    thanked_for_doing,
    thing,
)

RECIPROCAL = frozenset({"meet", "met", "talk", "speak", "confer", "negotiate", "parley",
                        "huddle", "dine", "lunch", "golf", "sit", "shake", "meeting", "discuss",
                        "gather", "chat", "hug", "embrace"})
"""Verbs whose subjects alone can be the meeting ("A and B met", "A and B hugged at the
airport"; but "A and B embraced the plan" has an object); "A and B received X" or
"hosted X" needs its object."""

CALL_PURPOSES = frozenset({"offer", "express", "convey", "congratulate", "thank", "discuss",
                           "wish", "brief", "apologize", "apologise", "extend"})
"""What a caller calls someone to do himself ("called X to offer condolences"); any other
complement is the callee's ("called X to resign", "called on X to")."""

CALLS = frozenset({"speak", "call", "phone", "telephone", "ring"})
"""Contacts that are one call per person: "spoke by phone with A and B" is two calls."""

HABITUAL = frozenset({"frequently", "regularly", "often", "routinely", "repeatedly",
                      "usually", "sometimes", "occasionally", "regular", "frequent",
                      "periodic", "always", "several", "numerous", "countless", "daily",
                      "weekly", "monthly", "nightly"})
"""Habitual or generic meetings are not annotated as meetings (guidelines)."""

DateText = Callable[[list[Token]], "str | None"]
"""Finds the date phrase among a meeting's words (``kg.extract`` owns the date rules)."""

FIRST_PERSON = frozenset({"i", "we", "my", "our"})
"""Words for the speaker of a quotation ("After my conversation with X, ...", "our dinner
with X")."""

NEGOTIATIONS = frozenset({"talk", "talks", "negotiation", "negotiations", "dialogue"})
"""Meeting nouns a government holds: "our talks with X" in a quote are its talks, not the
speaker's own."""

PRAISE = frozenset({"good", "great", "excellent", "productive", "wonderful", "fantastic",
                    "terrific", "constructive", "fruitful", "warm", "useful", "frank",
                    "positive", "cordial", "friendly", "successful"})
"""What a speaker calls his own meeting in a verbless line ("Great meeting with X!")."""


DATES = frozenset({"DATE", "TIME"})


PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them", "his", "its", "their"})


CAMEO = {"visit": "042", "host": "043", "receive": "043", "welcome": "043",
         "negotiate": "046", "negotiations": "046", "call": "040", "conversation": "040"}


SPEECH_SETTINGS = frozenset({"conference", "briefing", "rally", "hearing", "interview", "event",
                             "ceremony", "speech", "debate", "forum", "session", "lecture",
                             "meeting", "summit", "dinner", "luncheon", "breakfast", "talks",
                             "gathering", "convention", "parliament", "congress", "time",
                             "end", "start", "outset", "beginning", "moment", "point", "stage"})
"""Where "told X at ..." is no meeting of its own: a speech or hearing, or an event that is a
meeting trigger itself (found there), or a time ("at the time")."""


def contact_objects(verb: Token) -> list[Token]:
    """The other side of a meeting verb: "met B", "met with B", "spoke with/to B", "shook
    hands with B", "was greeted by B"."""
    lemma = verb.lemma_.lower()
    preps = {"with", "to"} if lemma in {"speak", "talk", "chat"} else {"with", "between"}
    if lemma == "discuss":  # "discussed the issue with X": the object is the topic, and
        # the parser may hang "with X" on it (a person only: "discussed ties with China")
        return _whom(verb, prep_objects(verb, {"with"}) + [
            p for d in children(verb, {"dobj"}) for p in prep_objects(d, {"with"})
            if named_person(p)] + by_phone_with(verb))
    if lemma == "exchange":  # "exchanged views with X", "with" on the verb or the noun
        return [p for p in prep_objects(verb, {"with"}) + [
            p for d in children(verb, {"dobj"}) for p in prep_objects(d, {"with"})]
            if p.ent_type_ == "PERSON"]
    if lemma == "raise":  # "raised concerns with X", "with" on the verb or on "concerns"
        return prep_objects(verb, {"with"}) + [
            p for d in children(verb, {"dobj"}) for p in prep_objects(d, {"with"})]
    if lemma == "bring":  # "brought together A and B": the people brought
        return children(verb, {"dobj"})
    if lemma == "spend":  # "spent 20 minutes on the phone with X"
        return spent_with(verb)
    if played_golf(verb):
        return prep_objects(verb, {"with"})  # "played golf with X"
    if lemma == "play":  # "played host to X"
        return prep_objects(verb, {"to"}) + [
            p for h in children(verb, {"dobj"}) for p in prep_objects(h, {"to"})]
    if lemma in {"stand", "appear"}:  # "standing alongside X", "stood next to X",
        return beside(verb) + (prep_objects(verb, {"with"})  # "appeared with X at a news
                               if joint_appearance(verb) else [])  # conference"
    if by := spoken_beside(verb):
        return by  # "Merkel, speaking alongside Hollande, said", "sitting next to Putin"
    out = prep_objects(verb, preps)
    if lemma == "shake":  # "shakes hands with B", the "with" hung on "hands"
        out += [p for d in children(verb, {"dobj"}) if d.lower_ in {"hands", "hand"}
                for p in prep_objects(d, {"with"})]
    out += alone_with(verb)  # "spoke alone with X", the "with" on "alone"
    for prep in children(verb, {"prep"}):  # "conferred for 90 minutes with X", "meeting
        if prep.lower_ in {"for", "over"}:  # over a beer Sunday with X"
            out += [w for p in children(prep, {"pobj"}) for w in prep_objects(p, {"with"})]
    if lemma not in {"speak", "talk", "shake"}:
        out = [d for d in children(verb, {"dobj"}) if _personal_object(d, lemma)] + out
    if lemma == "call" and (callee := called_person(verb)) is not None:
        out = [callee, *out]
    if any(c.dep_ == "nsubjpass" for c in verb.children) or (
            verb.dep_ == "acl" and verb.tag_ == "VBN"):  # "Hansen, joined by Keller, ..."
        out += [p for a in children(verb, {"agent"}) for p in children(a, {"pobj"})]
    if any(t.tag_ == "NNS" and (t.lemma_.lower() in ROLE_NOUNS or t.lower_ in GROUP_NOUNS)
           for t in out):  # "spoke with other leaders on Friday, including A and B"
        out += [p for prep in children(verb, {"prep"}) if prep.lower_ == "including"
                for p in children(prep, {"pobj"})]
    if out:  # "spoke to A, and the presidents of B and C": the list hung on the verb
        out += [c for c in children(verb, {"conj"}) if c.pos_ in {"NOUN", "PROPN"}
                and not any(k.dep_ in SUBJ for k in c.children)]
    if out and all(t.ent_type_ != "PERSON" for t in out):  # "met two of his counterparts,
        out += [c for c in verb.children if c.dep_ == "npadvmod" and c.ent_type_ == "PERSON"
                and c.i > verb.i and c.left_edge.i > 0
                and c.doc[c.left_edge.i - 1].text == ","]  # Wang Yi and Lavrov": the names
        # the parser hung on the verb say who the object is
    if not out and lemma in {"meet", "talk", "speak"}:  # "met on Monday at the tower with
        out = [w for prep in children(verb, {"prep"}) if prep.lower_ in {"at", "in", "on"}
               for p in children(prep, {"pobj"}) if p.ent_type_ != "PERSON"  # X": the "with"
               for w in prep_objects(p, {"with"}) if w.ent_type_ == "PERSON"]  # on the place
    if not out and lemma == "meet":  # "A met Prime Minister B", the name parsed as an
        out = [c for c in verb.children if c.dep_ == "npadvmod" and c.i > verb.i  # adverb
               and c.ent_type_ == "PERSON" and c.left_edge.i == verb.i + 1]
    if not out and lemma == "meet":  # "Kim meets and has a photo op with Pompeo"
        out = [p for c in children(verb, {"conj"}) if c.lemma_.lower() in LIGHT_VERBS
               for h in (c, *children(c, {"dobj"})) for p in prep_objects(h, {"with"})]
    if not out and lemma == "meet":  # "met to discuss strategy with X" (the "with" on the
        # purpose; "met to plot strategy with X", the parser's "to" a preposition)
        purposes = [c for c in verb.children if c.dep_ in {"advcl", "xcomp"} and any(
            k.dep_ == "aux" and k.lower_ == "to" for k in c.children)]
        purposes += [p for prep in children(verb, {"prep"}) if prep.lower_ == "to"
                     for p in children(prep, {"pobj"}) if p.pos_ == "NOUN"]
        out = [p for c in purposes for h in (c, *children(c, {"dobj"}))
               for p in prep_objects(h, {"with"})]
    return _whom(verb, out)


def _whom(verb: Token, objects: list[Token]) -> list[Token]:
    """ "Obama, with whom he discussed the threat": the noun the relative clause is about."""
    return [verb.head if t.lower_ == "whom" and verb.dep_ == "relcl" else t for t in objects]


OUTINGS = frozenset({"homecoming", "rally", "ceremony", "funeral", "game", "match", "event",
                     "celebration", "parade", "service", "memorial", "concert", "festival",
                     "inauguration", "launch", "tour", "campaign", "trip", "stage", "podium",
                     "fundraiser", "march", "vigil", "commemoration", "show", "council",
                     "board", "committee", "panel", "ticket", "commission", "bench"})
"""Occasions someone joins another at without meeting him: "joined Trump at the rally";
and bodies one joins another on: "joined Tillerson on the council" is membership."""

CHEERS = frozenset({"celebrate", "welcome", "mark", "watch", "greet", "honor", "honour",
                    "cheer", "applaud", "commemorate", "attend", "witness", "see", "tour"})
"""What someone joins another to do at an event: "joined Trump to celebrate the return"."""

BENCH = frozenset({"lords", "judges", "justices", "justice", "judge", "magistrates"})
"""Those a judge sits with on the bench: a court sitting is no meeting."""

WELCOMES = frozenset({"welcome", "greet", "receive", "host", "hug", "escort", "join",
                      "accompany", "flank"})


HEAD_CUES = frozenset({"president", "prime minister", "premier", "chancellor", "king",
                       "queen", "emir", "sultan"})
"""Titles of a head of state or government written before a name ("President Ola Dorn")."""


def _foreign_leaders(one: Mention, other: Mention) -> bool:
    """Whether ``one`` and ``other`` are leaders of different countries: both in the
    table, for different countries ("Obama", "Shinzo Abe"), or one the table does not know
    titled a head of state or government ("President Ola Dorn", "Trump, joined by Canadian
    Prime Minister Trudeau"; but not "Giuliani accompanied Trump")."""
    if not one.kind == other.kind == "Person":
        return False
    ours, theirs = leaders.countries_of(one.text), leaders.countries_of(other.text)
    if ours and theirs:
        return not ours & theirs
    return (not ours and one.cue in HEAD_CUES) or (not theirs and other.cue in HEAD_CUES)


def _visited_together(verb: Token, objects: list[Mention]) -> bool:
    """ "Macron and Merkel visited the town of Compiegne": a place two people visited, named
    as one subject, is a place they were at side by side (when they are two countries'
    leaders, as for :data:`CO_PRESENCE`); a visit to a person is a meeting of its own."""
    return verb.lemma_.lower() == "visit" and verb.pos_ == "VERB" and not objects and any(
        c.dep_ == "nsubj" and listed_subject(c) for c in verb.children) and any(
        c.dep_ == "dobj" and c.ent_type_ != "PERSON" for c in verb.children)


def _known_foreign_leaders(one: Mention, other: Mention) -> bool:
    """Whether the table of leaders knows ``one`` and ``other`` as leaders of different
    countries ("Donald Trump", "Xi Jinping"), with no title to go by."""
    ours, theirs = leaders.countries_of(one.text), leaders.countries_of(other.text)
    return one.kind == other.kind == "Person" and bool(ours) and bool(theirs) and \
        not ours & theirs


def _personal_object(obj: Token, lemma: str) -> bool:
    """ "welcomed Hansen", "hosted the Norwegian delegation"; not "welcomed the appointment
    of Hansen", "received a letter from X": a thing welcomed is no meeting."""
    if lemma not in WELCOMES or obj.pos_ != "NOUN" or obj.ent_type_ == "PERSON" or any(
            c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in obj.children):
        return True  # (a name the tagger took for a common noun: "After hosting Vidal,";
        # the end of a hyphenated name: "received President Moon Jae-in", its "in" a noun)
    return obj.lower_ in ROLE_NOUNS or obj.lower_ in GROUP_NOUNS or obj.lower_ in \
        GOVERNMENT_NOUNS or obj.lower_ in OFFICIAL_NOUNS or obj.lower_ in {"counterpart",
                                                                          "guests", "guest"}


def find_meetings(trigger: Token, index: MentionIndex, quotes: list[Quote],
                  date_text: DateText) -> list[Meeting]:
    """The meetings a ``MEET`` trigger word reports (several for "A and B met C")."""
    if (trigger.dep_ in {"amod", "compound"} and trigger.lower_ in {"welcoming", "welcome"}
            and trigger.head.lemma_.lower() == "ceremony"):
        trigger = trigger.head  # "attends a welcoming ceremony with B": the ceremony
    if (trigger.dep_ == "amod" and trigger.pos_ == "VERB" and trigger.i > 0
            and trigger.head.i > trigger.i and trigger.head.ent_type_ == "PERSON"
            and (host := index.at(trigger.doc[trigger.i - 1])) is not None
            and (guest := index.at(trigger.head)) is not None
            and host.kind == guest.kind == "Person" and host != guest):
        # "Trump hosted Erdogan at the White House": "Trump" tagged the noun "trump", the
        # verb parsed as a modifier of the name after it; with the names listed after it
        # ("Macron hosted Trump and Merkel", the list parsed as the sentence's root)
        guests = [g for c in conjuncts(trigger.head) if (g := index.at(c)) is not None
                  and g.kind == "Person" and g != host]
        met = _make_meeting(trigger, trigger, [host, *dict.fromkeys(guests)],
                            [trigger.doc[trigger.i - 1]], index, date_text)
        return [met] if met is not None else []
    if trigger.dep_ in {"amod", "compound"} or _press_conference(trigger) or (
            _habitual(trigger) and not _including_one(trigger)):  # "several meetings,
        # including one with X" is that one meeting
        return []
    if _no_one_to(trigger):
        return []  # "There was nobody there to greet him": no one did
    callee = called_person(trigger) if trigger.lemma_ == "call" else None
    if trigger.lemma_ == "call" and trigger.pos_ == "VERB" and (any(
            c.dep_ in {"oprd", "attr", "xcomp", "ccomp", "acomp", "prt"}
            and c.lemma_ not in CALL_PURPOSES and c != callee
            and not (callee is not None and callee.head == c) for c in trigger.children)
            or sum(c.dep_ == "dobj" for c in trigger.children) > 1
            or any(r.dep_ == "relcl" and sum(k.dep_ in {"dative", "dobj"}
                                             for k in r.children) > 1
                   for d in children(trigger, {"dobj"}) for r in d.children)
            or any(a.dep_ == "appos" and a.pos_ == "NOUN" and a.left_edge.i == d.i + 1
                   for d in children(trigger, {"dobj"}) for a in d.children)):
        return []  # "called X a liar" (the name read as a second object too; or the name
        # "a liar" of "called the president who fired him a liar" read as the clause's;
        # or "calling X the worst negotiator", with no comma, read as an apposition),
        # "called on X to", "called off": no call
    if trigger.lemma_ == "welcome" and trigger.pos_ == "VERB" and any(
            c.dep_ in {"xcomp", "ccomp"} and any(k.dep_ == "aux" and k.lower_ == "to"
                                                 for k in c.children)
            for c in trigger.children):
        return []  # "China welcomes the U.S. side to participate in the initiative": a wish
        # that others join in, no one received
    if trigger.lemma_ == "tell" and any(p.lemma_.lower() in SPEECH_SETTINGS
                                        for p in prep_objects(trigger, {"at"})):
        return []  # "told Hansen at a news conference", "at the time": no meeting stated
    if (trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.lemma_ == "call"
            and trigger.head.lower_ in {"in", "on", "during"}
            and any(c.lower_ == "conference" for c in trigger.children)
            and trigger.head.head.lemma_ in {
            "tell", "say", "brief"} and any(c.dep_ in {"dobj", "dative"} and c.lower_ in AUDIENCE
                                          for c in trigger.head.head.children)):
        return []  # "Pompeo told reporters in a conference call with Mnuchin": a briefing
    if trigger.pos_ == "VERB" and any(c.dep_ == "advcl" and c.lower_ == "reporting"
                                      for c in trigger.children):
        return []  # "Reporting from the border, Lauren Frayer spoke to X": an interview
    if trigger.lemma_ == "welcome" and trigger.pos_ == "VERB" and any(
            c.dep_ in {"advcl", "acl", "xcomp", "ccomp"} and c.tag_ == "VBG"
            for c in [*trigger.children, *(g for d in trigger.children if d.dep_ == "dobj"
                                           for g in d.children)]):
        return []  # "I welcome President Castro commenting on ...": welcoming what he does
    if trigger.lemma_ == "talk" and any(c.lower_ in {"tough", "big", "trash", "smack"}
                                        for c in trigger.children):
        return []  # "A and B have been talking tough on North Korea": rhetoric
    if trigger.lemma_ == "speak" and not any(c.dep_ == "prep" and c.lower_ in {"with", "to"}
                                             for c in trigger.children) \
            and not spoke_together(trigger) and not alone_with(trigger):
        return []  # "Trump and Xi spoke at the rally": speeches
    verb = trigger
    is_noun = trigger.pos_ in {"NOUN"} or (trigger.pos_ == "PROPN" and trigger.lower_ != "met") \
        or (trigger.pos_ == "ADJ" and trigger.dep_ in {"dobj", "pobj"})  # "a bilateral with"
    lemma = trigger.lemma_.lower()
    subj_toks: list[Token] = []
    obj_toks: list[Token] = []
    agents: list[Token] = []  # "was joined by B": the passive's doers
    run_on: list[Token] = []
    hyphen: list[Mention] = []
    bodies: list[Token] = []
    meal_for = [p for c in children(trigger, {"dobj"}) if lemma == "host"
                and c.lemma_.lower() in MEALS for p in prep_objects(c, {"for"})]
    if not is_noun and not meal_for and any(
            c.dep_ == "dobj" and c.lower_ in MEET_NOUNS and not (
                c.left_edge.i > trigger.i + 1 and c.doc[c.left_edge.i - 1].text == ",")
            for c in trigger.children):
        return []  # "hosted talks between X and Y": the noun is the event, not the host
        # (but "met B on Monday, their first meeting" is a met B the parser gave an object)
    if is_noun and any(c.dep_ in {"det", "predet"} and c.lower_ in {"all", "every", "each"}
                       for c in trigger.children):
        return []  # "the secretary attends all meetings between the President and world
        # leaders": a habit, no meeting of its own
    if is_noun:
        if trigger.dep_ == "dobj" and trigger.head.pos_ in {"VERB", "AUX"}:
            verb = trigger.head
            if verb.lemma_.lower() in (*LIGHT_VERBS, "leave", "depart", "use") or (
                    verb.lemma_.lower() == "host" and any(
                        body_name(c) for c in children(trigger, {"compound", "nmod"}))):
                # "held talks with"; "hosted the G7 summit": its host is a member at it;
                # "used a joint news conference with X to condemn": one used it, being there
                subj_toks = clause_subjects(verb) or _gerund_owner(verb)
                obj_toks = prep_objects(verb, {"with"}) + _including_one(trigger)
            obj_toks += prep_objects(verb, {"between"})
        for had in children(trigger, {"relcl"}):  # "a call X had with Y"
            if had.lemma_.lower() in LIGHT_VERBS and (
                    prep_objects(had, {"with"}) or prep_objects(trigger, {"with"})) and not any(
                    c.dep_ == "nsubj" and c.tag_ in {"WP", "WDT"} for c in had.children):
                # (the "with" on the noun: "describe a meeting he had with X")
                subj_toks += children(had, {"nsubj"})
                obj_toks += prep_objects(had, {"with"})
        for said in children(trigger, {"relcl"}):  # "a phone call in which A asked B to"
            if addressed_in(trigger, said):
                if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in {"host", "give"}:
                    subj_toks += clause_subjects(trigger.head)  # "C hosted a dinner where
                    # A told B": the host at his own table
                subj_toks += children(said, {"nsubj"})
                obj_toks += [d for d in children(said, {"dobj"}) if d.ent_type_ == "PERSON"]
        subj_toks += _attended_by(trigger)  # "the summit was attended by A, B and C"
        subj_toks += included_people(trigger)  # "a meeting that included A and B"
        subj_toks += journey_includes(trigger)  # "A's visit included talks with B"
        subj_toks += attendees_after_copula(trigger)  # "Attending the talks were A and B"
        if trigger.dep_ == "advcl":  # "Meeting with X, Y signed": the main clause's subject
            subj_toks += clause_subjects(trigger)
        if (trigger.dep_ == "dobj" and trigger.head.lower_ == "fresh"
                and trigger.head.dep_ in {"advcl", "advmod"}):  # "Fresh off a meeting with
            subj_toks += children(trigger.head.head, SUBJ)  # X, Y is ...": Y's meeting
        if trigger.dep_ == "ROOT":  # a caption parsed as a noun: "Lee talks with Kim",
            subj_toks += [c for c in children(trigger, {"compound", "nmod", "nsubj"})
                          if c.pos_ == "PROPN" or (  # "King Salman, right, talks with the Emir"
                              (cm := index.at(c)) is not None and cm.kind == "Person")]
            subj_toks += [a for c in children(trigger, {"compound", "nmod", "nsubj"})
                          if c.pos_ == "NOUN" for a in children(c, {"appos"})
                          if a.ent_type_ == "PERSON"]  # "North Korean envoy Kim Yong Chol
            # talks with Trump", the name parsed as the role's apposition
        apposed_verb = (trigger.dep_ == "appos" and trigger.tag_ == "NNS"
                        and trigger.i > trigger.head.i and trigger.head.ent_type_ == "PERSON"
                        and is_caption(trigger.sent))
        if apposed_verb:  # a caption's verb parsed as its name's apposition: "A, flanked
            subj_toks.append(trigger.head)  # by B and C, talks with D"
        if (trigger.dep_ == "ROOT" or apposed_verb) and trigger.lower_ == "talks":
            obj_toks += prep_objects(trigger, {"to"})  # "Trump talks to Erdogan at NATO"
        # "after Monday's talks with X": a date is no participant
        subj_toks += [c for c in children(trigger, {"poss"}) if c.ent_type_ not in DATES]
        shared = shared_possessors(trigger)  # "A and B's meeting": both
        subj_toks += [t for t in shared if t not in subj_toks]
        if not subj_toks and (pair := hyphen_actors(trigger, index)):
            hyphen = pair  # "the Trump-Kim summit": both sides
        elif (trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in ATTENDING
              and (pair := hyphen_actors(trigger, index))):
            hyphen = pair  # "Zinni attended an Israeli-Palestinian security meeting": both
            # sides and the one who attended it
        # "the G7 summit", "a NATO meeting": the body is a participant
        bodies = [c for c in children(trigger, {"compound", "nmod", "amod"}) if body_name(c)]
        obj_toks += bodies
        # "in the hours before the Kim meeting": the person it is named after
        obj_toks += [c for c in children(trigger, {"compound"})
                     if (cm := index.at(c)) is not None and cm.kind == "Person"
                     and not hyphen and c.i == trigger.i - 1]
        # "told a meeting of Israeli and Palestinian officials"
        obj_toks += [p for p in prep_objects(trigger, {"of"}) if p.lower_ in GROUP_NOUNS or (
            p.ent_type_ == "PERSON" and len(conjuncts(p)) > 1)]  # "the meeting of A and B"
        occurred_with: list[Token] = []
        if (held := held_verb(trigger)) is not None:  # "the meeting held at the tower
            obj_toks += prep_objects(held, {"between"})  # between A and B"
            occurred_with = held_with(held)  # "the meeting occurred ... with A, B and C"
        obj_toks += [t for t in _host_agents(trigger)  # "at a dinner hosted by Prescott"
                     if (tm := index.at(t)) is not None and tm.kind == "Person"]  # (a host
        # that is a body, "a breakfast hosted by The Monitor", is a newsmaker breakfast)
        listed_in = trigger.head.head if trigger.head.lower_ == "including" else None
        if (trigger.dep_ == "pobj" and listed_in is not None and listed_in.dep_ == "dobj"
                and listed_in.lower_ in MEET_NOUNS
                and listed_in.head.lemma_.lower() in LIGHT_VERBS):
            subj_toks = clause_subjects(listed_in.head)  # "Putin held several meetings,
            # including talks with Abbas"
        between = argument_actors(prep_objects(trigger, {"between"}), index)
        if not subj_toks and not (hyphen and all(m.kind == "Person" for m in hyphen)) and (
                trigger.dep_ == "pobj" or (
                trigger.dep_ == "dobj" and trigger.head.lower_ == "following")) and len(
                between) < 2:  # "following" as the parser's participle: "At a news
            # conference following talks with Y, X said"; not "China offered X at the
            # dinner between Xi and Trump": those two met
            subj_toks = _governing_subjects(trigger)  # (not for "a good choice for the
            # Trump-Kim talks, officials said": the talks' sides are named in the noun; but
            # "Trump arrives for the US-DPRK summit": he is the US side)
            subj_toks = _reporter_instead(trigger, subj_toks, index)
            obj_toks += _addressees(trigger) + _passive_agents(trigger)
        elif trigger.dep_ == "pobj" and subj_toks and all(
                t.lower_ in {"his", "her"} for t in subj_toks):
            obj_toks += _addressees(trigger)  # "During his meeting, Putin told Abe that"
        obj_toks += prep_objects(trigger, {"with", "between"})
        obj_toks += _named_host(trigger)
        if callers := call_from(trigger):  # "received a phone call from X": X called
            obj_toks += callers
            subj_toks = subj_toks or clause_subjects(trigger.head)
        obj_toks += ordinal_between(trigger)  # "the meeting is the second between A and B"
        obj_toks += [t for p in children(trigger, {"prep"}) if p.lower_ == "with"
                     for t in [_name_after(p, index)] if t is not None]
        if lemma in MEALS:  # "Trump's formal dinner for Chinese President Xi": the guest
            obj_toks += [p for p in prep_objects(trigger, {"for"})
                         if (pm := index.at(p)) is not None and pm.kind == "Person"]
        obj_toks += prep_objects(trigger, {"alongside"})  # "at a joint press conference
        # in Tokyo alongside Japanese leader Shinzo Abe"
        obj_toks += [w for topic in prep_objects(trigger, {"on", "about", "over"})
                     if topic.head.lower_ in {"on", "about", "over"}
                     and topic.lower_ not in MEET_NOUNS and topic.lemma_.lower() not in WITH_NOUNS
                     for w in prep_objects(topic, {"with"})]  # "his conversation on the
        # issue with Castro": the parser hung the other side on the topic (but "talks on
        # Saturday and at the border area with North Korea": a place, no topic)
        if (thanker := thanked_for(trigger)) is not None:  # "A thanked B for the talks"
            subj_toks = subj_toks or clause_subjects(thanker)
            obj_toks += [d for d in children(thanker, {"dobj"}) if d.ent_type_ == "PERSON"]
        if not subj_toks and _praised_by_speaker(trigger):  # "A said talks with B were
            subj_toks = children(trigger.head.head, SUBJ)  # very constructive": A's talks
        if not _someone(subj_toks, index) and not prep_objects(trigger, {"between"}) and not any(
                c.dep_ == "nsubj" for c in trigger.children):
            # "talks with A and B have been going on": each with someone unnamed
            obj_toks = [t for t in obj_toks if t.dep_ != "pobj" or t.head.lower_ != "with"
                        ] if len(argument_actors(obj_toks, index)) > 1 else obj_toks
        obj_toks += occurred_with
        if lemma == "visit" or lemma in CALLS:  # "a visit to X", "made calls to A and B"
            obj_toks += prep_objects(trigger, {"to"})
            if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in {"make", "place", "pay"}:
                obj_toks += prep_objects(trigger.head, {"to"})  # "making a call this week
                # to X", the "to" hung on the verb
            if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() == "pay":
                obj_toks += [p for p in prep_objects(trigger, {"on"})  # "paid a courtesy
                             if p.ent_type_ == "PERSON"]  # call on X"
        if prep_objects(trigger, {"with"}):  # "talks with the minister, A, and the head of
            obj_toks += [c for c in trigger.children  # the delegation, B", parsed with
                         if c.dep_ == "conj" and c.lemma_.lower() in ROLE_NOUNS]  # "head" a conj
    else:
        run_on = [t for t in run_on_subjects(trigger) if not listed_with_root(t, index)]
        subj_toks = [] if run_on else clause_subjects(trigger)
        subj_toks += [a for t in subj_toks for c in children(t, {"conj"})
                      if _bare_role(c)
                      for a in children(t, {"appos"}) if a.i > c.i and a.ent_type_ == "PERSON"]
        # "President A and Norwegian counterpart B met": B parsed as A's apposition
        subj_toks += [a for t in subj_toks for c in children(t, {"compound"})
                      for a in children(c, {"appos"}) if a.ent_type_ == "PERSON"
                      and any(k.dep_ == "conj" and _bare_role(k) for k in a.children)]
        # "U.S. President A and North Korean leader B met": A parsed as the apposition of a
        # title that is B's compound
        obj_toks = contact_objects(trigger) + meal_for  # "hosted a dinner for X"
        agents = [p for a in children(trigger, {"agent"}) for p in children(a, {"pobj"})]
        if lemma in {"accompany", "flank", "stand", "appear"}:  # "flanked by his mentor B",
            own = [p for p in agents if any(  # "accompanied by his sister, B": his own side
                c.dep_ == "poss" and c.lower_ in {"his", "her", "their"}
                for k in [p, *children(p, {"compound"})] for c in k.children)]
            agents = [p for p in agents if p not in own]
            obj_toks = [t for t in obj_toks if t not in own]
        patients = [t for t in subj_toks if t.dep_ != "agent"]
        if agents and not run_on and not patients and (trigger.dep_ == "conj" or (
                trigger.dep_ == "advcl" and any(c.dep_ == "auxpass" for c in trigger.children))):
            patients = clause_subjects(trigger.head)  # "A waved and was met by B": A was met
            # ("A went to the palace to be welcomed by B": A too)
            if _someone(patients, index):
                subj_toks = patients
                obj_toks += [t for t in agents if t not in obj_toks]
        elif agents and not run_on and not _someone(patients, index):
            # "plans were discussed by A with B": a thing is no side, the agent is
            subj_toks = agents
            obj_toks = [t for t in obj_toks if t not in agents]
        if lemma == "bring" and all(t.lower_ in MEET_NOUNS for t in subj_toks):
            subj_toks = []  # "the summit brought together A, B and C": the event, no side
    subj_toks += _coordinated_modifiers(subj_toks, index)
    participants: list[Mention] = list(hyphen)
    joint = False
    lone = _one_of_a_pair(verb)
    for tok in subj_toks:
        if lone is not None and tok.i == lone.i:
            participants.extend(actors(tok, index))  # "A and B, who is holding talks"
        elif tok.lower_ in {"they", "their"} and (pair := pair_antecedents(tok, index)):
            participants.extend(pair)  # "Vogt and Wendt landed. They met on Monday."
            joint = tok.lower_ == "their"  # "they met C": each with C, like "A and B met C"
        elif (tok.lower_ in FIRST_PERSON or tok.lower_ in PRONOUNS) and index.at(tok) is None:
            # (not the "He" of "Vice Premier Liu He", a name)
            speaker = speaker_for(tok, quotes) if tok.lower_ in FIRST_PERSON and not (
                tok.lower_ == "our" and lemma in NEGOTIATIONS) else None  # (not "our
            # talks with X": a government's)
            if speaker is None and tok.lower_ in {"his", "her"} and is_noun:
                speaker = _clause_subject_person(trigger, index)
            if speaker is None and tok.lower_ in {"he", "she"}:
                speaker = _reporter(tok, index)
            if speaker is None:
                speaker = pronoun_antecedent(tok, index)
            if (speaker is not None and tok.lower_ not in FIRST_PERSON
                    and (quoting := speaker_for(tok, quotes)) is not None
                    and same_person(speaker, quoting) and not any(
                        t.text in {"'", "‘", "’"} and t.pos_ == "PUNCT"
                        for t in tok.doc[tok.sent.start:tok.i])):
                speaker = None  # '"In Hanoi, he spoke directly to the president," Pompeo
                # said': a "he" in a quotation is never the one quoted, who says "I" (but
                # in a quotation that quotes another, '"\'The EU is ready,\' she told a
                # press conference", the "she" may be)
            if speaker is not None:
                participants.append(speaker)
                participants.extend(argument_actors(tok.conjuncts, index))  # "as he and
                # Defense Secretary X were meeting their Filipino counterparts"
        elif pair := pair_antecedents(tok, index):
            participants.extend(pair)
            joint = not family_plural(tok, index)  # "the pair met X": one meeting of three
        elif family_plural(tok, index):
            continue  # "the Trumps" with no two Trumps named in full: nobody known
        else:
            participants.extend(argument_actors([tok], index))
    participants.extend(_capital_sides(subj_toks, index))  # "Washington and Beijing held talks"
    participants.extend(_plural_sides(subj_toks, index))  # "the two Koreas held talks"
    participants.extend(_congress_sides(subj_toks, index))
    if run_on:
        participants.extend(m for t in run_on for m in actors(t, index))
        subj_toks = run_on
    if not subj_toks and (not is_noun or _praised_line(trigger)):
        speaker = speaker_for(trigger, quotes)  # tweet: "Met with both sides in Doha.",
        if speaker is not None:  # "Good meeting with President Trump", A tweeted
            participants.append(speaker)
    unnamed_others = not is_noun and any(
        (t.pos_ == "NOUN" and (t.lemma_.lower() in ROLE_NOUNS or t.lower_ in GROUP_NOUNS
                               or t.lower_ in AUDIENCE or t.lower_ in RELATIONS))
        or (t.ent_type_ == "NORP" and t.tag_ in {"NNPS", "NNS"})  # "met with Democrats"
        for t in obj_toks)
    obj_toks = [t for t in obj_toks if not _audience(t) and not _figurative_country(t)]
    if subj_toks and obj_toks and all(other_group(t) for t in obj_toks) and not any(
            m.kind == "Organization" for m in argument_actors(obj_toks, index)):
        obj_toks = []  # "A and B began a meeting with other U.S. and Russian officials": the
        # officials' countries are the subjects' own (but "talks with other G8 finance
        # ministers" are talks with the G8)
    objects = [m for m in argument_actors(obj_toks, index) if not _plural_people(m, trigger.doc)]
    if kin := {index.at(t): family(t, index) for t in obj_toks if family_plural(t, index)}:
        objects = [m for o in objects for m in kin.get(o, [o])]  # "shook hands with both
        # Trumps": Donald and Melania Trump
    objects += [m for t in obj_toks if t.lower_ in {"him", "her"}
                for m in [_told_reporter(t, index) or _object_antecedent(t, index, participants)]
                if m is not None and not any(same_person(m, p) for p in participants)]
    objects += _capital_sides(obj_toks, index)  # "talks between Moscow and Kiev"
    objects += _plural_sides(obj_toks, index)  # "talks between the two Koreas"
    objects += _regional_sides(obj_toks) if participants else []  # "met the Baltic
    # presidents" (never the region's states alone, meeting one another)
    objects += _congress_sides(obj_toks, index)  # "a meeting with congressional leaders"
    objects = [_as_government(m) for m in objects]
    if any(_seat_of_washington(o, trigger.doc) for o in objects) and any(
            _lawmaker(m, index) for m in participants):
        objects = [o for o in objects if not _seat_of_washington(o, trigger.doc)]
        # "Senator King said he talked to the White House": his own government
    participants = [_as_government(m) for m in participants]
    participants = [m for m in participants if not _news_outlet(m, trigger.doc)]
    objects = [m for m in objects if not _news_outlet(m, trigger.doc)]  # an interview
    objects = [m for m in objects if not (m.kind == "Organization" and m.text.split()[-1].lower()
                                          in AWARDS)]  # "received the Legion of Honour"
    if lemma == "join" and (any(c.dep_ == "prep" and c.lower_ == "in" and not all(
            p.ent_type_ in {"GPE", "LOC", "FAC"} for p in children(c, {"pobj"}))
                                for c in verb.children)
                            or any(t.lower_ == "in" and t.i > verb.i and any(
                                c.dep_ == "pcomp" and c.tag_ == "VBG" for c in t.children)
                                for t in verb.subtree)):
        return []  # "joined Mattis in pressing Trump" (the "in" hung on a clause between:
        # "joined Cameron - who plans to resign - in opposing it"): a shared cause
    if lemma == "join" and (any(p.lemma_.lower() in OUTINGS
                                for p in prep_objects(verb, {"at", "for", "on"}))
                            or any(c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in CHEERS
                                   for c in verb.children)):
        return []  # "Pence, who joined Trump at the homecoming", "joined Trump to celebrate
        # the return": company at an event
    if lemma == "join" and agents:  # "Trump was joined by Pompeo and Bolton": his aides
        joiners = argument_actors(agents, index)
        objects = [o for o in objects if o.kind != "Person" or o not in joiners
                   or any(_foreign_leaders(s, o) for s in participants)]
    if lemma in CALLS | {"talk", "chat"} and not is_noun and any(
            p.lemma_.lower() in HEARINGS for p in prep_objects(verb, {"during", "at", "before"})):
        return []  # "Kerry speaks to Moniz during the Senate committee hearing": a word
        # between witnesses, not talks
    if lemma in {"accompany", "flank"}:
        objects = [o for o in objects if any(_foreign_leaders(s, o) for s in participants)]
        if not objects:
            return []  # "Pompeo, accompanied by Ambassador Sung Kim", "Obama, flanked by
            # Clinton and Biden", "Giuliani accompanied Trump": one's own side; only another
            # country's leader is company that meets ("Obama, flanked by Shinzo Abe")
    visited = False  # "A and B visited the town": side by side (two leaders, see below)
    if lemma in {"visit", "join"}:  # a visit to a country, city or institution is a trip;
        objects = [m for m in objects if m.kind == "Person"]  # "joined NATO" is membership
        visited = not is_noun and _visited_together(verb, objects)
        if not objects and not any(c.dep_ == "poss" for c in trigger.children) and not visited:
            return []  # "A and B, on a visit to the White House": fellow travellers
    elif lemma in CALLS | {"talk", "discuss"} and not is_noun:  # not "spoke to the BBC"
        officials = {m for t in obj_toks if t.pos_ == "NOUN" and t.tag_ == "NNS" and (
            t.lemma_.lower() in ROLE_NOUNS or t.lower_ in GROUP_NOUNS)
            for m in argument_actors([t], index)}  # but "spoke to EU leaders": the body's
        objects = [m for m in objects if m.kind in {"Person", "Country"} or m in officials]
    if is_noun and trigger.lemma_.lower() in MEALS and not any(
            family_plural(t, index) for t in subj_toks):
        joint = True  # "A and B sat down to a working lunch with aides C and D": one table
    subjects = list(dedupe(participants))
    if (lemma in CO_PRESENCE or visited) and not is_noun:  # "A and B toured the factory": the two
        people = [m for m in subjects if m.kind == "Person"]  # side by side, when they are
        if len(people) < 2 or not all(  # two countries' leaders (not a leader and his aide)
                _known_foreign_leaders(a, b) for i, a in enumerate(people)
                for b in people[i + 1:]):
            return []
        subjects, objects = people, []  # (the factory, or Germany toured, is no side)
    if (is_noun and subj_toks and not subjects and len(objects) > 1
            and separate_meetings(trigger)):
        return []  # "She spoke after meetings with A and B", "she" unknown: each with her
        # (but "her meeting with A, B and C" is one meeting of the three)
    if sum(m.kind == "Person" for m in subjects) > 1:  # "A and G7 leaders B, C": the people
        subjects = [m for m in subjects if m.kind == "Person"]
    # "A and B met C": two meetings with C, not a meeting of A with B.
    if bodies and set(obj_toks) <= set(bodies) and sum(
            m.kind == "Person" for m in subjects) > 1 and not _one_family(subjects):
        objects = []  # "A, B and C pose for a photo at the G7 summit": the leaders met (but
        # "Anna and Tom Keller arrived for the G7 summit": a couple is no meeting)
    if len(subjects) == 1 and objects:  # "A greets B as C looks on": C is in the picture
        objects += [m for m in _onlookers(verb, index) if m not in subjects + objects]
    groups = [[s, *objects] for s in subjects] if len(subjects) > 1 and objects and not joint \
        else [subjects + objects]
    if len(subjects) > 1 and not joint and (_couple(objects) or _kin(objects, obj_toks)):
        groups = [[s, o] for s in subjects for o in objects]  # "the Trumps met the queen and
        # her son": each guest with each host
    if len(subjects) == 1 and len(objects) > 1 and (
            (lemma in CALLS and not _one_sitting(verb)) or separate_meetings(trigger)
            or any(examples(t) or t.head.lower_ == "including" for t in obj_toks)
            or _couple(objects) or _kin(objects, obj_toks) or _countries_on_a_tour(
                objects, trigger)):
        groups = [[subjects[0], o] for o in objects]  # "called A and B": two calls; "met
        # Donald Trump and Melania Trump": a couple met them, who did not meet each other
    if not objects and len(subjects) == 2 and _his_relative(subj_toks):
        return []  # "Abe and his wife, Akie, celebrated her birthday during a dinner": a
        # couple at a dinner is no meeting of the two (but "Melania Trump and Israeli
        # first lady Sara Netanyahu" are two countries' first ladies)
    if lemma == "sit" and any(t.lower_ in BENCH or any(c.lower_ in BENCH for c in t.children)
                              for t in obj_toks):
        return []  # "Lady Hale, sitting with Lords Bingham and Steyn, said": a court sitting
    if not is_noun and not objects and _where_borders_meet(verb, subjects):
        return []  # "the region where France, Germany and Luxembourg meet": borders
    leaders_together = unnamed_others and len(subjects) == 2 and _known_foreign_leaders(
        *subjects)
    if not is_noun and not objects and unnamed_others and len(subjects) > 1 and not (
            leaders_together):
        return []  # "A and officials including B met with chief executives": the two met
        # people unnamed, not each other (but "President A and China's President B meet
        # business leaders in Beijing": two countries' leaders, there together)
    if is_noun and not objects and len(subjects) > 1 and any(
            t.pos_ == "NOUN" and t.tag_ == "NNS" and t.head.lower_ == "with"
            and t.head.head == trigger and t.lemma_.lower() in ROLE_NOUNS
            and not any(c.dep_ == "poss" for c in t.children) for t in obj_toks):
        return []  # "A and B have been in Washington since Tuesday meeting with Trump
        # administration officials": the two met the officials, not each other (but "A and
        # B held talks with their aides": A met B)
    together = not is_noun and (played_golf(verb) or _each_other(verb) or posed_together(verb)
                                or joint_appearance(verb) or leaders_together
                                or lemma in CO_PRESENCE or visited
                                or (lemma == "exchange" and any(  # "A and B exchanged views"
                                    c.dep_ == "dobj" and c.lower_ in EXCHANGES
                                    for c in verb.children)))
    if not is_noun and not objects and not together and (lemma not in RECIPROCAL or (
            lemma != "discuss" and any(c.dep_ == "dobj" and not (
                lemma == "shake" and c.lower_ == "hands") for c in verb.children)) or (
            lemma == "discuss" and obj_toks)):
        # "A and B discussed trade" is theirs ("trade" a topic); "A and B discussed it with
        # officials" is the two with someone unnamed ("A and B negotiated the budget" may be
        # two of one side, negotiating with others)
        return []  # "Hungary and Austria received applications", "have met a grim fate"
    if not subjects and not is_noun and not (lemma == "bring" and len(objects) > 1):
        # "That effort included speaking with A and B", "He [unresolved] spoke to A and B":
        # each with someone unnamed, never a meeting of A with B
        return []
    if any(c.dep_ == "cc" and c.lower_ in {"or", "nor"} for t in subj_toks for c in t.children):
        return []  # "whether he or the secretary would lead the talks": one or the other
        # (but "willing to speak to A or B" is an offer to each, a plan with each)
    out = [m for g in groups for m in [_make_meeting(trigger, verb, g, subj_toks, index, date_text)]
           if m is not None]
    return out


WITH_NOUNS = frozenset({"interview", "relationship"})
"""Topics whose own "with" names their other party: "asked at a news conference about his
interview with The Sun" is no news conference with The Sun (but "talks on a trade deal with
China" are talks with China)."""
ATTENDING = frozenset({"attend", "chair", "join", "convene"})
"""Verbs of taking part in a meeting named by its two sides ("attended the A-B talks"): the
light verbs whose object is a trigger (:data:`kg.rules.LIGHT_VERBS`)."""
ONLOOKING = frozenset({"look", "watch", "listen"})
"""What a caption's "as C looks on" does: C is at the meeting the picture shows."""


def _onlookers(verb: Token, index: MentionIndex) -> list[Mention]:
    """The people of a caption's "as C looks on", "while C and D watch" hung on a meeting
    verb: there, in the picture of the meeting (not "as his wife looks on": family, nor
    "as C watches the match": something else); in running text, "as C looked on"."""
    clauses = [c for c in children(verb, {"advcl"}) if c.lemma_.lower() in ONLOOKING
               and any(k.dep_ == "mark" and k.lower_ in {"as", "while"} for k in c.children)
               and not any(k.dep_ in {"dobj", "ccomp"} for k in c.children)
               and (c.lemma_.lower() != "look" or any(
                   k.lower_ == "on" and not children(k, {"pobj"}) for k in c.children))]
    if not clauses:
        return []
    if not is_caption(verb.sent):  # in running text only one who "looked on" ("as Trump
        clauses = [c for c in clauses if c.lemma_.lower() == "look"]  # watched" may be on
        # television)
    toks = [s for c in clauses for s in clause_subjects(c) if s.lemma_.lower() not in RELATIONS]
    return [m for m in argument_actors(toks, index) if m.kind == "Person"]


def _gerund_owner(verb: Token) -> list[Token]:
    """ "his offer of holding talks with X", "Vidal's idea of having dinner with X": the one
    whose noun the gerund completes."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.lower_ != "of" or \
            verb.head.head.pos_ != "NOUN":
        return []
    return [c for c in verb.head.head.children if c.dep_ == "poss"]


TOURS = frozenset({"trip", "tour", "swing"})
"""Nouns of a journey through several countries, whose meetings are one in each."""


def _countries_on_a_tour(objects: list[Mention], trigger: Token) -> bool:
    """ "on a trip to the region, meeting with top Chinese, South Korean and Japanese
    officials": only countries met, in a sentence about a tour, are one meeting in each
    (but "met Israeli and Palestinian negotiators in Jerusalem" is one meeting of three)."""
    return all(o.kind == "Country" for o in objects) and any(
        t.pos_ == "NOUN" and t.lemma_.lower() in TOURS for t in trigger.sent)


def _object_antecedent(pronoun: Token, index: MentionIndex,
                       participants: list[Mention]) -> Mention | None:
    """ "A arrived in Rome on Monday. B greeted him at the airport": an object "him" or
    "her" of a meeting verb is the person the sentences before speak of (never B, the
    sentence's own subject), when no doubt remains; when its own sentence names one other
    person before it, of the pronoun's gender, it is that one ("Hunter recalled Joe spoke
    with him", "Trump said he got a letter from Xi and would speak to him"), and when it
    names any more, or one after it, no one."""
    if pronoun.dep_ not in {"dobj", "pobj"}:
        return None
    sent = pronoun.sent
    others = [m for m in index.mentions if m.kind == "Person"
              and sent.start_char <= m.start < sent.end_char
              and not any(same_person(m, p) for p in participants)]
    if others:
        one = others[0]
        return one if len(others) == 1 and one.end <= pronoun.idx and object_fits(
            pronoun, one) else None
    return pronoun_antecedent(pronoun, index, exclude=frozenset(range(sent.start, sent.end)))


SITTINGS = frozenset({"session", "meeting", "dinner", "lunch", "luncheon", "breakfast",
                      "reception", "ceremony", "roundtable", "banquet"})
"""One sitting at which someone speaks with several people at once."""


def _one_sitting(verb: Token) -> bool:
    """ "A speaks with B, C and D during a session", a photo caption's "A (C) speaks with B
    (L) and C (R)": one conversation of them all, not a call to each."""
    return verb.lemma_.lower() == "speak" and (is_caption(verb.sent) or any(
        p.lemma_.lower() in SITTINGS for prep in children(verb, {"prep"})
        if prep.lower_ == "during" for p in children(prep, {"pobj"})))


def _audience(tok: Token) -> bool:
    """ "American troops", "the service members who will deploy": an audience, no side."""
    return tok.lower_ in AUDIENCE or (tok.lower_ == "members" and any(
        c.lower_ == "service" for c in tok.children))


def _figurative_country(tok: Token) -> bool:
    """ "Macron speaks to the France that is doing well": a part of a country's people, told
    by a determiner and a relative clause on a one-word country name, is no side."""
    return tok.ent_type_ == "GPE" and tok.tag_ == "NNP" and tok.dep_ == "pobj" and any(
        c.dep_ == "det" and c.lower_ in {"the", "a", "an"} for c in tok.children) and any(
        c.dep_ == "relcl" for c in tok.children) and not any(
        c.dep_ == "compound" for c in tok.children)


DESTINATION_WORDS = frozenset({"for", "to", "into", "toward", "towards", "from", "in", "at"})


AWARDS = frozenset({"honour", "honor", "prize", "award", "medal", "merit", "doctorate"})
"""Last words of honours one receives, which the NER may call bodies ("the Legion of
Honour"): no side of a meeting."""


def _capital_sides(toks: list[Token], index: MentionIndex) -> list[Mention]:
    """Capitals named as a side stand for their governments: "Washington and Beijing held
    talks" is the United States and China (the mention keeps the capital's place in the
    text)."""
    out: list[Mention] = []
    for tok in toks:
        if tok.i > 0 and tok.doc[tok.i - 1].lower_ in DESTINATION_WORDS:
            continue  # "departs for Hanoi to take part": a destination the parser took for
            # a subject
        for c in conjuncts(tok):
            m = index.at(c)
            if m is not None and m.kind == "Place" and (found := capital_of(m.text)):
                out.append(Mention(found.label, m.start, m.end, "Country"))
    return out


def _plural_sides(toks: list[Token], index: MentionIndex) -> list[Mention]:
    """ "talks between the two Koreas", "leaders of both Koreas", "the two Sudans": the two
    countries the article names whose names end in that word (North and South Korea; Sudan
    and South Sudan), each a side (the mentions keep the plural's place in the text)."""
    out: list[Mention] = []
    for tok in toks:
        for c in conjuncts(tok):
            for t in (c, *(p for prep in children(c, {"prep"}) if prep.lower_ in {"of", "from"}
                           for p in children(prep, {"pobj"}))):  # "leaders of both Koreas"
                if not (t.tag_ in {"NNPS", "NNS", "NNP"} and t.is_title and t.lower_.endswith("s")
                        and any(k.dep_ in {"det", "nummod", "predet"}
                                and k.lower_ in {"two", "both"} for k in t.children)):
                    continue
                word = t.text[:-1]
                found = {k.iso3: k for m in index.mentions if m.kind == "Country"
                         and (k := gazetteer.country(m.text)) is not None
                         and k.label.split()[-1] == word}
                if len(found) == 2:
                    out += [Mention(k.label, t.idx, t.idx + len(t.text), "Country")
                            for k in found.values()]
    return out


REGIONS = {"baltic": ("Estonia", "Latvia", "Lithuania")}
"""Regions whose states are a closed, well-known set: "the Baltic states" are these three."""

REGION_HEADS = frozenset({"states", "countries", "nations", "republics", "governments",
                          "leaders", "presidents", "premiers", "ministers"})


def _regional_sides(toks: list[Token]) -> list[Mention]:
    """ "met the presidents of all three Baltic states", "met the Baltic leaders": each state
    of the region, a side of its own (the mentions keep the plural's place in the text)."""
    out: list[Mention] = []
    for tok in toks:
        for c in conjuncts(tok):
            for t in (c, *(p for prep in children(c, {"prep"}) if prep.lower_ in {"of", "from"}
                           for p in children(prep, {"pobj"}))):  # "presidents of the Baltic
                region = next((REGIONS[k.lower_] for k in t.children  # states"
                               if k.dep_ in {"amod", "compound"} and k.lower_ in REGIONS), None)
                if t.lower_ in REGION_HEADS and region is not None:
                    out += [Mention(name, t.idx, t.idx + len(t.text), "Country")
                            for name in region]
                    break
    return out


LAWMAKER_CUES = frozenset({"sen", "senator", "rep", "representative", "congressman",
                           "congresswoman", "gov", "governor"})
"""Titles of American lawmakers and governors, for whom the White House is their own side."""


def _lawmaker(m: Mention, index: MentionIndex) -> bool:
    """Whether the article titles ``m`` senator, representative or governor."""
    return m.kind == "Person" and any(o.cue in LAWMAKER_CUES for o in index.mentions
                                      if o.kind == "Person" and same_person(o, m))


def _seat_of_washington(m: Mention, doc: Doc) -> bool:
    """ "the White House" or "Washington" standing for the United States."""
    found = capital_of(doc_text(doc)[m.start:m.end])
    return m.kind == "Country" and found is not None and found.label == "United States"


CONGRESS_GROUPS = frozenset({"leaders", "lawmakers", "members", "negotiators", "delegation",
                             "delegations", "republicans", "democrats"})


def _congress_sides(toks: list[Token], index: MentionIndex) -> list[Mention]:
    """ "congressional leaders" with none of them named: Congress, the body they stand for
    (as "Israeli leaders" stand for Israel)."""
    out: list[Mention] = []
    for tok in toks:
        for c in conjuncts(tok):
            if c.lower_ not in CONGRESS_GROUPS or index.at(c) is not None:
                continue
            out.extend(Mention("Congress", a.idx, a.idx + len(a.text), "Organization")
                       for a in c.children if a.dep_ == "amod" and a.lower_ == "congressional")
    return out


def _as_government(m: Mention) -> Mention:
    """A capital the NER took for a body ("Kiev") as a side is its country."""
    if m.kind == "Organization" and (found := capital_of(m.text)):
        return Mention(found.label, m.start, m.end, "Country")
    return m


def _where_borders_meet(verb: Token, subjects: list[Mention]) -> bool:
    """ "where France, Germany and Luxembourg meet": countries meeting in a place clause are
    borders, not governments."""
    return (all(m.kind in {"Country", "Place"} for m in subjects)
            and any(c.lower_ == "where" for c in verb.children))


def _someone(subj_toks: list[Token], index: MentionIndex) -> bool:
    """Whether the subject tokens name or point to anyone ("The decision came after talks
    with A and B": a decision is no one, so A and B each talked with someone unnamed)."""
    return any(t.lower_ in PRONOUNS | FIRST_PERSON or argument_actors([t], index)
               for t in subj_toks)


HEARINGS = frozenset({"hearing", "testimony", "trial", "deposition", "inquest"})
"""Sittings where people speak to each other without holding talks (the guidelines: evidence
given to a committee is no meeting)."""
US_BODIES = frozenset({"CIA", "NSA", "National Security Agency", "FBI", "Pentagon",
                       "State Department", "Department of State", "Justice Department",
                       "Department of Justice", "Treasury", "Treasury Department",
                       "Defense Department", "Department of Defense", "Homeland Security",
                       "Department of Homeland Security", "Commerce Department", "Congress",
                       "Senate", "White House", "National Security Council"})
"""Bodies of the American government: with the United States as a side, its own side."""


def _make_meeting(trigger: Token, verb: Token, group: list[Mention], subj_toks: list[Token],
                  index: MentionIndex, date_text: DateText) -> Meeting | None:
    participants = list(dedupe(group))
    if any(m.kind == "Country" and (c := gazetteer.country(m.text)) is not None
           and c.iso3 == "USA" for m in participants):
        participants = [m for m in participants  # "White House officials placed calls to
                        if not (m.kind == "Organization" and m.text in US_BODIES)]  # the CIA"
    lemma = trigger.lemma_.lower()
    if len(participants) < 2 or _one_family(participants):
        return None
    skip = {t.i for t in subj_toks}
    scope = scope_of(trigger, skip) + (
        [] if verb is trigger else scope_of(verb, skip | {trigger.i}))
    location = place_of(scope, index, set(participants))
    return Meeting(
        participants=tuple(participants),
        evidence=evidence(trigger.sent),
        location=location,
        date_text=date_text(scope) or (_adjacent_date(trigger, date_text) if trigger.pos_ in {
            "NOUN", "PROPN"} else None) or _governing_date(trigger, skip, date_text)
        or caption_date(trigger.sent),
        status=status_of(trigger, caption=is_caption(trigger.sent)),
        cameo=CAMEO.get(lemma, CAMEO.get(trigger.lower_, "040")),
        trigger=trigger.text,
    )


def _governing_date(trigger: Token, skip: set[int], date_text: DateText) -> str | None:
    """The date of the clause a meeting hangs on, when the meeting's own words name none:
    "Late Saturday, Trump told Moon in a phone call" (a meeting noun in an adjunct of a
    verb), "as recently as Tuesday, when Moon met Trump" and "So much was at stake Friday
    when A, B and C gathered" (a "when" clause: the time of what it modifies)."""
    head = trigger.head
    if (trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ == "pobj"
            and head.lower_ in {"in", "during", "at", "on", "over"}
            and head.head.pos_ in {"VERB", "AUX"}):
        verb = head.head
        return date_text(scope_of(verb, skip | {head.i}))
    if trigger.pos_ in {"VERB", "AUX"} and trigger.dep_ in {"advcl", "relcl"} and any(
            c.dep_ in {"advmod", "mark"} and c.lower_ in {"when", "as", "while"}
            for c in trigger.children):
        if head.ent_type_ in DATES:  # "Tuesday, when Moon met Trump", "Friday afternoon
            return date_text([t for t in head.subtree if t.i not in skip  # when they met"
                              and t.i < trigger.left_edge.i])
        if head.pos_ in {"VERB", "AUX"}:  # "was at stake Friday when they gathered", "As
            return date_text(scope_of(head, skip | {trigger.i}))  # A visited B, ... Monday"
    if (trigger.pos_ == "VERB" and trigger.dep_ == "ccomp" and trigger.lemma_.lower() in
            CALLS | {"talk", "brief"} and head.lemma_.lower() in {"say", "confirm", "announce"}
            and trigger.tag_ in {"VBD", "VBN"} and not any(
                c.lower_ in {"recently", "earlier", "previously", "already", "once", "ever",
                             "before", "often", "repeatedly", "twice"}
                for c in trigger.children)):
        # "Spicer said Wednesday Trump spoke with May", "the White House said late Thursday
        # that Obama briefed Netanyahu": a call the report announces is the day's
        return date_text([d for c in head.children if c.dep_ in {"npadvmod", "prep"}
                          for d in c.subtree if d.i not in skip] + [
            c for s in children(trigger, SUBJ) for c in s.children  # "said Wednesday Trump
            if c.dep_ == "compound" and c.ent_type_ in DATES])  # spoke", misparsed
    if (trigger.dep_ == "relcl" and head.dep_ == "attr" and head.head.lemma_ == "be"
            and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.head.children)):
        return date_text(scope_of(head.head, skip | {trigger.i}))  # "On Thursday, it was
        # Trump who called Putin"
    return None


def _adjacent_date(noun: Token, date_text: DateText) -> str | None:
    """ "at the dinner between Xi and Trump on Saturday": a date right after the meeting's
    phrase, which the parser hung on the clause's verb, is the meeting's."""
    doc, end = noun.doc, noun.right_edge.i + 1
    if end < len(doc) and doc[end].lower_ in {"on", "in"}:
        end += 1
    if end >= len(doc) or doc[end].ent_type_ not in DATES or doc[end].ent_iob_ != "B":
        return None
    ent = next(e for e in doc_ents(doc) if e.start == end)  # cached: Doc.ents walks the doc
    return date_text([*ent, *(doc[i] for i in range(noun.right_edge.i + 1, ent.start))])


MEALS = frozenset({"lunch", "dinner", "breakfast", "banquet", "luncheon", "supper",
                   "reception", "tea"})
"""Meeting nouns of one table: everyone named at it met everyone else."""


def _couple(people: list[Mention]) -> bool:
    """Two full names of one family ("Donald Trump and Melania Trump"): met together, they
    do not meet each other (but "King Salman and the crown prince", a bare name and a
    title, are two officials at one table)."""
    return _one_family(people) and all(len(p.text.split()) > 1 for p in people)


def _no_one_to(trigger: Token) -> bool:
    """ "There was nobody there to greet him", "no one at the airport to meet him": an
    infinitive whose doer is no one."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return False
    head = trigger.head
    doers = [head, *(c for c in head.children if c.dep_ == "attr")]
    return any(t.lower_ in {"nobody", "none"} or (t.lower_ == "one" and any(
        c.dep_ == "det" and c.lower_ == "no" for c in t.children)) for t in doers)


def _kin(people: list[Mention], toks: list[Token]) -> bool:
    """ "met the queen and her son Prince Charles": a person and a relative, one family who
    received a guest together, not a meeting of the two."""
    return len(people) == 2 and all(p.kind == "Person" for p in people) and (
        any(cue_relative(p.cue) for p in people) or _his_relative(toks))


def _his_relative(toks: list[Token]) -> bool:
    """ "A and his wife, B": one of the words is the other's relative."""
    return any(t.lower_ in RELATIVE_CUES and any(c.dep_ == "poss" and c.lower_ in {"his", "her"}
                                                 for c in t.children)
               for o in toks for t in (o, *o.conjuncts))


def _one_family(participants: list[Mention]) -> bool:
    """ "The president was joined by first lady Melania Trump", "Melania Trump joined Trump":
    two relatives with one surname together is family life, not a meeting."""
    if len(participants) != 2 or any(p.kind != "Person" for p in participants):
        return False
    a, b = participants
    if a.text == b.text:
        return False
    # "Melania Trump" and "Trump" (a bare name is its own surname) or two full names
    family = [surname(p) or p.text for p in participants]
    return family[0] == family[1] and bool(surname(a) or surname(b))


def _press_conference(noun: Token) -> bool:
    """ "during a NATO press conference": a speaker and reporters, no meeting; a joint one is
    ("a joint news conference", "a news conference with May", "A and B held a news
    conference")."""
    kids = {c.lower_ for c in noun.children}
    return noun.lower_ == "conference" and bool(kids & {"press", "news"}) and not (
        kids & {"with", "between", "alongside"}) and not (
        kids & {"joint", "together"} or any(c.lower_ == "together" for c in noun.head.children)
    ) and not (noun.dep_ == "dobj" and noun.head.lemma_.lower() in {"hold", "give"} and (any(
        c.dep_ == "nsubj" and paired_subject(c) for c in noun.head.children) or sum(
        c.dep_ == "nsubj" for c in noun.head.children) >= 2))  # ("A (left) and B hold a news
    # conference": the parser made each a subject of its own)


def _habitual(trigger: Token) -> bool:
    """ "has met frequently with X", "holds regular talks with X": no one meeting."""
    words = [*trigger.children, *(trigger.head.children if trigger.dep_ == "dobj" else ())]
    if any(w.dep_ == "mark" and w.lower_ == "whenever" for w in words):
        return True  # "whenever X meets Y"
    if any(w.dep_ == "npadvmod" and w.lower_ == "time" and any(
            d.lower_ in {"every", "each", "any"} for d in w.children)
            for w in (*words, *([trigger.head] if trigger.dep_ == "relcl" else []))):
        return True  # "every time X meets with Y, ..." (the clause parsed as the time's too)
    if (trigger.tag_ == "NNS" and trigger.lower_ in {"meetings", "summits"}
            and trigger.dep_ == "pobj" and trigger.head.lower_ in {"at", "in", "during"}
            and not any(c.dep_ in {"det", "poss", "nummod"} or (
                c.dep_ == "prep" and c.lower_ in {"with", "between", "among"})
                for c in trigger.children)):
        return True  # "clashed with X at Security Council meetings": meetings in general
    if trigger.tag_ == "NNS" and any(c.dep_ == "amod" and c.lower_ == "fewer"
                                     for c in trigger.children):
        return True  # "has convened fewer meetings with the president": a comparison (but
        # "began more talks in Washington" are talks)
    return any(w.dep_ in {"advmod", "amod", "npadvmod"} and w.lower_ in HABITUAL for w in words)


MEDIA = frozenset({"broadcaster", "newspaper", "channel", "network", "station", "daily",
                   "tabloid", "outlet", "radio", "television", "magazine", "agency", "website"})
"""Nouns before a body's name that make it the press ("the broadcaster Dozhd")."""
JOURNALISTS = frozenset({"reporter", "correspondent", "journalist", "anchor", "host",
                         "columnist", "interviewer", "presenter", "editor"})
"""Words before a name that make its bearer the press, not a side of a meeting."""
SHOWS = frozenset({"show", "tv", "radio", "talk", "podcast", "programme", "program"})
"""Words that make a "host" a broadcaster's ("talk show host")."""
NEWS = re.compile(r"\b(?:News|Times|Post|Journal|Press|Reuters|CNN|BBC|NBC|CBS|ABC|NPR|MSNBC|"
                  r"Al Jazeera|Bloomberg|Politico|Xinhua|KCNA|Yonhap|TASS|Telegraph|Guardian|"
                  r"Tribune|Herald|Gazette|Newsweek|Axios|Fox|Breitbart|CNBC|Newsmax|HuffPost|"
                  r"Sputnik|Interfax|Kyodo|AFP)\b")


def _news_outlet(m: Mention, doc: Doc | None = None) -> bool:
    """ "a phone conversation with Fox News", "CBS News met the family": reporting; and, with
    the doc, a journalist named so ("CNN's Richard Quest", "the CNN reporter Manu Raju"):
    an interview or a report, no meeting."""
    if m.kind == "Organization":
        if NEWS.search(m.text):
            return True
        if doc is None:
            return False
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and any(t.lower_ in MEDIA for t in doc[max(span.start - 3, 0):
                                                                       span.start])
        # "speaking to independent broadcaster Dozhd": the press by its own noun
    if m.kind != "Person" or doc is None:
        return False
    words = [w for w in m.text.lower().split() if w.rstrip(".") not in NAME_SUFFIXES]
    return bool(words) and words[-1] in _journalists(doc)  # "Donald Trump Jr.": "trump"


def _journalists(doc: Doc) -> set[str]:
    """Surnames of the people the article names as journalists anywhere ("NPR's Steve
    Inskeep spoke with Obama ... Inskeep also spoke to Obama about race"), cached."""
    found = doc.user_data.get("dip_journalists")
    if found is None:
        found = set()
        for ent in doc_ents(doc):
            if ent.label_ != "PERSON":
                continue
            # words of the name's own phrase: "NPR's", "the CNN reporter", "Fox News host"
            before = [t for t in doc[max(ent.start - 4, 0):ent.start]
                      if ent.start <= t.head.i < ent.end or (
                          t.head.i < ent.start and ent.start <= t.head.head.i < ent.end)]
            press = _press(before)
            # "Fox News host", "talk show host"; but "summit host Justin Trudeau" is the
            # leader who holds it
            on_air = _on_air(before)
            words = [t.lower_ for t in before if t.lower_.rstrip("s") in JOURNALISTS
                     and (t.lower_.rstrip("s") != "host" or on_air)]
            head = ent.root.head
            if press or words or (ent.root.dep_ == "appos" and (
                    head.lower_ in JOURNALISTS - {"host"} or head.lower_ in MEDIA
                    or (head.lower_ == "host" and _on_air(list(head.lefts))))):
                named = [t for t in ent if t.lower_.rstrip(".") not in NAME_SUFFIXES]
                found.add((named or list(ent))[-1].lower_)
                if any(w.endswith("s") for w in words):  # "Reporters Gary Lane and George
                    found.update(c.lower_ for c in ent.root.conjuncts  # Thomas": both
                                 if c.ent_type_ == "PERSON")
        doc.user_data["dip_journalists"] = found
    return set(found)


def _press(words: list[Token]) -> bool:
    """Whether words before a name make its bearer the press ("NPR's", "the broadcaster")."""
    return bool(NEWS.search(" ".join(t.text for t in words))) or any(
        t.lower_ in MEDIA for t in words)


def _on_air(words: list[Token]) -> bool:
    """Whether the words before "host" make a broadcaster's ("Fox News", "talk show")."""
    return _press(words) or any(t.lower_ in SHOWS for t in words)


def _each_other(verb: Token) -> bool:
    """ "A and B greeted each other", "spoke with one another" (also "each other
    face-to-face", parsed with "other" on "face"): the subjects alone are the meeting."""
    return any({"each", "other"} <= words or {"one", "another"} <= words
               for o in (*children(verb, {"dobj"}), *prep_objects(verb, {"with", "to"}))
               for words in [{o.lower_, *(c.lower_ for c in o.children)}])


def _praised_by_speaker(noun: Token) -> bool:
    """ "A said talks with B in Brussels were 'very constructive'": a meeting with someone,
    the subject of a reported clause that praises it, is the speaker's own."""
    clause = noun.head
    return (noun.dep_ == "nsubj" and clause.dep_ == "ccomp" and clause.lemma_ == "be"
            and clause.head.lemma_.lower() in SAY_LEMMAS and bool(prep_objects(noun, {"with"}))
            and not any(c.dep_ in {"poss", "det"} and c.lower_ != "the" for c in noun.children)
            and any(c.dep_ == "acomp" and c.lower_ in PRAISE for c in clause.children))


def _praised_line(noun: Token) -> bool:
    """ "“Good meeting with President Trump – ...,” A tweeted": a meeting noun that opens a
    quotation or a line, praised, with no verb of its own: the speaker's meeting."""
    start = noun.left_edge
    return (any(c.dep_ == "amod" and c.lower_ in PRAISE for c in noun.children)
            and (start.i == start.sent.start or start.nbor(-1).text in {'"', "“", "'", "‘"})
            and not any(c.dep_ in {"nsubj", "poss"} for c in noun.children))


def _plural_people(m: Mention, doc: Doc) -> bool:
    """ "welcomed home three Americans": a plural demonym is people, not their country; "talks
    between Israel and the Palestinians": with "the" it is the side, the country."""
    if not (m.kind == "Country" and m.text[-1:] == "s" and m.text.lower().rstrip(
            "s").endswith(("an", "ian", "i", "ese", "ch", "sh")) and " " not in m.text):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is None or span.start == 0 or doc[span.start - 1].lower_ != "the"


TELL = frozenset({"tell", "ask", "assure", "inform", "urge", "warn", "promise", "press",
                  "lobby"})


HOSTING = frozenset({"host", "chair", "convene"})
AT_TABLE = MEALS | {"meeting", "talks"}


def _host_agents(noun: Token) -> list[Token]:
    """ "told Brown at a dinner hosted by Prescott", "attended a meeting chaired by Brown":
    the host of a meal or meeting is at it (not the host of a summit or a conference, whose
    attendees need not have met him)."""
    if noun.lower_ not in AT_TABLE:
        return []
    return [p for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
            and c.lemma_.lower() in HOSTING
            for a in children(c, {"agent"}) for p in children(a, {"pobj"})]


def _including_one(noun: Token) -> list[Token]:
    """ "held several meetings on Monday, including one with Lavrov": the other side of the
    one meeting singled out ("including" hung on the noun or on its verb, the "with" on
    "one" or on a place inside its phrase)."""
    if noun.tag_ != "NNS":
        return []
    return [w for inc in (*children(noun, {"prep"}), *children(noun.head, {"prep"}))
            if inc.lower_ == "including"
            for one in children(inc, {"pobj"}) if one.lower_ == "one"
            for t in one.subtree if t.dep_ == "prep" and t.lower_ == "with"
            for w in children(t, {"pobj"})]


def _addressees(noun: Token) -> list[Token]:
    """ "During a phone call on Monday, A told B that ...", "told his counterpart, B, at the
    APEC summit", "told B over dinner": with no "with", the person told is the other side
    of the call; "followed up with B in a phone call": the verb's "with" is, or its "to"
    ("complained to B in a phone call")."""
    prep = noun.head
    if (noun.lemma_ not in {"call", "conversation", "meeting", "talk", "dinner", "lunch",
                            "luncheon", "breakfast", "summit"} or prep.dep_ != "prep"
            or prep.lower_ not in {"during", "in", "on", "at", "over"}
            or (prep.lower_ == "over" and noun.lemma_ not in MEALS)
            or any(c.dep_ == "prep" and c.lower_ in {"with", "between"} and any(
                p.ent_type_ != "" or p.pos_ != "NOUN" for p in children(c, {"pobj"}))
                   for c in noun.children)):
        return []  # (but "told B at a meeting with business leaders": B too)
    verb = prep.head
    if verb.lemma_.lower() in TELL:
        return children(verb, {"dobj", "dative"})
    if noun.lemma_ in {"call", "conversation"} and verb.pos_ == "VERB":
        return prep_objects(verb, {"with"}) or [  # "complained to B in a phone call"
            p for p in prep_objects(verb, {"to"}) if p.ent_type_ == "PERSON"]
    return []


SAYING_NOUNS = frozenset({"interview", "statement", "speech", "briefing", "remark",
                          "tweet", "post", "op-ed", "appearance", "conference"})
"""Where something was said: "said in an interview after the meeting with Y" is the
speaker's meeting."""
PHASES = frozenset({"start", "end", "beginning", "close", "conclusion", "outset", "sidelines",
                    "margins", "margin", "sideline"})
"""Parts of a meeting a clause is set in: "at the start of a meeting with Y, X said"."""
OCCASIONS = frozenset({"photo", "photograph", "picture", "portrait", "session", "ceremony",
                       "dinner", "lunch", "breakfast", "banquet", "reception", "plenary",
                       "opening", "gathering", "event", "round", "break", "recess"})
"""Parts of a summit that its attendees pose for or attend: "A and B pose for a family photo
at the G7 summit" is A and B at the summit; "A walks out after a lunch break from a meeting
with B" is A at the meeting."""


def _passive_agents(noun: Token) -> list[Token]:
    """ "A was told of the deadline by B in a telephone conversation": the one by whom the
    passive verb the noun's preposition hangs on was done (the parser may hang the "by" on
    the object between them)."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    while verb.dep_ == "pobj" and verb.head.head != verb:  # "of the deadline"
        verb = verb.head.head
    if verb.pos_ not in {"VERB", "AUX"} or not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    near = [verb, *(p for prep in children(verb, {"prep"}) for p in children(prep, {"pobj"}))]
    return [p for h in near for a in h.children if a.dep_ == "agent" or (
        a.dep_ == "prep" and a.lower_ == "by" and h != verb)
        for p in children(a, {"pobj"})]


def _one_of_a_pair(verb: Token) -> Token | None:
    """ "Juncker and Tusk, who is holding talks with Varadkar": a singular relative clause
    hung on the last of a coordination is about that one alone (not "who are holding")."""
    subj = children(verb, SUBJ)
    if (verb.dep_ != "relcl" or len(subj) != 1 or subj[0].tag_ not in {"WP", "WDT"}
            or verb.head.dep_ != "conj"):
        return None
    singular = verb.tag_ == "VBZ" or any(
        k.dep_ in {"aux", "auxpass"} and k.lower_ in {"is", "has", "was", "'s"}
        for k in verb.children)
    return verb.head if singular else None


def _coordinated_modifiers(subj_toks: list[Token], index: MentionIndex) -> list[Token]:
    """ "Trump and Indian Prime Minister Narendra Modi held talks": the parser read "Trump and
    Indian" as a modifier of the title; a person so coordinated before the subject's name is a
    subject too (not "the Trump and Obama administrations": their head is no person)."""
    out: list[Token] = []
    for t in subj_toks:
        if t.ent_type_ != "PERSON" and not pair_as_modifier(t):
            continue  # (a title whose apposition names the second: "A and Russian
        for k in t.subtree:  # counterpart B")
            if k.i >= t.i:
                break
            if (k.dep_ in {"amod", "compound", "nmod"}
                    and any(c.dep_ == "cc" and c.lower_ == "and" for c in k.children)
                    and (any(c.dep_ == "conj" for c in k.children) or pair_as_modifier(t)
                         or (k.dep_ == "nmod" and k.head.dep_ == "compound"
                             and k.head.head == t))  # "President Trump and Russian
                    # President Vladimir Putin": Trump hung on the second title
                    and (m := index.at(k)) is not None and m.kind == "Person"
                    and m != index.at(t)):
                out.append(k)
    return out


def _named_host(noun: Token) -> list[Token]:
    """ "a lunch between Trump and his host, Emmanuel Macron": the name set off after a role
    ("host", "counterpart", "minister") among the meeting's sides, which the parser hung on
    the meeting noun itself."""
    sides = prep_objects(noun, {"with", "between"})
    roles = [r for p in sides for r in [p, *p.conjuncts]
             if (_role_word(r) or r.lemma_.lower() == "host")
             and not any(k.ent_type_ == "PERSON" for k in r.subtree)]
    return [a for h in [noun, *sides] for a in children(h, {"appos"})
            if a.ent_type_ == "PERSON" and any(r.i < a.i for r in roles)]


def _role_word(tok: Token) -> bool:
    """ "leader", "minister", "counterpart": a word that names a post, not a person."""
    return tok.lemma_.lower() in ROLE_NOUNS or tok.lower_ == "counterpart"


def _bare_role(tok: Token) -> bool:
    """A role noun with no name of its own ("Norwegian counterpart", "North Korean leader")."""
    return _role_word(tok) and not any(k.ent_type_ == "PERSON" for k in tok.subtree)


def _name_after(prep: Token, index: MentionIndex) -> Token | None:
    """ "his dinner in Paris with German counterpart Frank-Walter Steinmeier was warm": a
    "with" the parser left without its object (the name taken for the next verb's subject)
    is followed, after title words only, by the name it governs."""
    if children(prep, {"pobj"}):
        return None
    for t in prep.doc[prep.i + 1:prep.i + 8]:
        if t.ent_type_ in {"NORP", "TITLE"} or _role_word(t):
            continue  # "German counterpart", "Prime Minister"
        m = index.at(t)
        return t if m is not None and m.kind == "Person" else None
    return None


ATTENDEES = frozenset({"leader", "participant", "guest", "attendee", "delegate", "head",
                       "minister", "dignitary", "official", "president"})
"""Those "among" whom someone is at a meeting ("among the leaders at the summit")."""


def _attended_by(noun: Token) -> list[Token]:
    """ "The meeting was attended by A and B": the passive's agents."""
    if noun.dep_ != "nsubjpass" or noun.head.lemma_.lower() not in {"attend", "join"}:
        return []
    return [p for a in children(noun.head, {"agent"}) for p in children(a, {"pobj"})]


def attendees_after_copula(noun: Token) -> list[Token]:
    """ "Also attending the meeting were A and B", "Among those at the summit were A and B":
    the people named after the copula."""
    be: Token | None = None
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in {"attend", "join"} and \
            head.dep_ == "csubj":
        be = head.head
    elif noun.dep_ == "dobj" and head.lemma_.lower() in {"attend", "join"} and \
            head.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lemma_ == "be" and c.i > noun.i
                                        for c in head.children):
        be = head  # "Also attending the meeting was B", parsed with "was" as its auxiliary
    elif noun.dep_ == "pobj" and head.lower_ == "at" and head.head.lower_ == "those" and \
            head.head.dep_ == "pobj" and head.head.head.lower_ == "among":
        be = head.head.head.head
    if be is None or (be.lemma_ != "be" and be != head):
        return []
    return [c for c in be.children if c.dep_ in {"attr", "nsubj"} and c.i > noun.i
            and c.ent_type_ == "PERSON"]


def _reporter_instead(noun: Token, subj_toks: list[Token], index: MentionIndex
                      ) -> list[Token]:
    """ "A said that in a meeting with B, B promised to help" (or "the president", or "his
    country agreed"): the reported clause's subject is the other side or a country, so the
    meeting in it is the reporter's."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"in", "during", "at"}:
        return subj_toks
    clause = prep.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SAY_LEMMAS:
        return subj_toks
    reporter = [s for s in children(clause.head, SUBJ)
                if (m := index.at(s)) is not None and m.kind == "Person"]
    others = argument_actors(prep_objects(noun, {"with"}), index)
    mine = argument_actors(subj_toks, index)
    if reporter and others and mine and all(
            m.kind in {"Country", "Organization"} or any(same_person(m, o) for o in others)
            for m in mine):
        return reporter
    return subj_toks


SIDELINES = frozenset({"sidelines", "sideline", "margins", "margin"})
"""Where side meetings happen: "on the sidelines of the G20 summit"."""


def _first_conjunct(tok: Token) -> Token:
    """The first of the names a name is listed with ("C" of "A, B and C" is "A")."""
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok


def _governing_subjects(noun: Token) -> list[Token]:
    """ "X spoke at a news conference with Y", "Mr Straw, speaking at a conference with Y":
    the subject of the verb the noun's preposition hangs on."""
    prep = noun.head
    verb = prep.head
    doc = noun.doc
    if (fronted := fronted_subject(noun)) is not None:
        return [fronted]
    if (prep.dep_ == "prep" and prep.lower_ in {"in", "during"} and prep.i >= 2
            and doc[prep.i - 1].text == "," and doc[prep.i - 2].ent_type_ == "PERSON"
            and doc[prep.i - 2].dep_ != "pobj" and prep.right_edge.i + 1 < len(doc)
            and doc[prep.right_edge.i + 1].text == ","):
        return [doc[prep.i - 2]]  # "Sources said Mr. Trump, in the meeting with Mr. Lavrov,
        # seemed ...": the name the phrase is set off after, wherever the parser hung it
    if (prep.lower_ == "of" and verb.dep_ == "dobj" and verb.lemma_.lower() in STRETCHES
            and verb.head.pos_ == "VERB" and verb.head.lemma_.lower() in LIGHT_VERBS):
        return clause_subjects(verb.head)  # "as Mr. Trump wrapped up two days of talks
        # with Xi": the days are his (not "presented months of negotiations with X")
    if prep.dep_ == "acl" and prep.lower_ == "following":  # "revealed the channels following
        # a meeting with X": a preposition the parser took for a participle
        while verb.dep_ in {"dobj", "pobj", "attr"} and verb.pos_ in {"NOUN", "PROPN"}:
            verb = verb.head.head if verb.dep_ == "pobj" else verb.head
        return children(verb, SUBJ) if verb.pos_ in {"VERB", "AUX"} else []
    if verb.dep_ == "advmod" and verb.lower_ in {"ahead", "prior"}:
        verb = verb.head  # "X spoke ahead of talks with Y"
    for _ in range(3):  # "In London on Saturday for talks with Y, X said"
        if verb.dep_ == "pobj" and verb.ent_type_ in {"GPE", "LOC", "FAC", "DATE", "TIME"}:
            if prep.lower_ == "of" and verb.ent_type_ in {"DATE", "TIME"}:
                prep = verb.head  # "after months of discussions with Y": "after" says when
            verb = verb.head.head
        elif (verb.dep_ == "pobj" and verb.lemma_.lower() in SAYING_NOUNS
              and verb.head.lower_ in {"in", "at", "during"} and prep.lower_ in TIME_PREPS):
            verb = verb.head.head  # "X said in an interview after the meeting with Y"
        elif (verb.dep_ == "pobj" and verb.lemma_.lower() in PHASES and prep.lower_ == "of"
              and verb.head.dep_ == "prep"):
            prep, verb = verb.head, verb.head.head  # "At the start of a meeting with Y, X
            # said": the start is the meeting's
        elif verb.dep_ in {"pobj", "dobj"} and verb.lemma_.lower() in OCCASIONS:
            verb = verb.head.head if verb.dep_ == "pobj" else verb.head  # "A and B pose for
            # a photo at the G7 summit", "attend a working session at the summit"
        elif verb.dep_ == "prep" and verb.pos_ == "ADP" and verb.head != verb:
            verb = verb.head
        elif (verb.dep_ == "pobj" and verb.head.lower_ == "among" and prep.lower_ == "at"
              and verb.lemma_.lower() in ATTENDEES):
            verb = verb.head.head  # "A and B were among the leaders at the G20 summit"
        elif (verb.dep_ == "pobj" and prep.lower_ in {"in", "during"} and any(
                c.dep_ == "auxpass" for c in verb.head.head.children)):
            verb = verb.head.head  # "A was told of the deadline by B in a call": the
            # parser hung the call on the object of the passive verb
        elif verb.dep_ == "acomp" and verb.lower_ == "present" and prep.lower_ == "at":
            verb = verb.head  # "A and B were present at the talks"
        elif (verb.dep_ == "pobj" and verb.lower_ in SIDELINES and prep.lower_ == "of"
              and verb.head.dep_ == "prep" and verb.head.lower_ in {"on", "at"}):
            prep, verb = verb.head, verb.head.head  # "A and B on the sidelines of the G20
            # summit": where the summit is, they are
        elif (verb.dep_ == "dobj" and verb.pos_ == "NOUN" and verb.head.pos_ == "VERB"
              and prep.lower_ in TIME_PREPS | {"during", "at"}):
            verb = verb.head  # "announced the order during a lunch with X": the parser hung
            # the time on the object
        else:
            break
    if (prep.dep_ == "prep" and (prep.lower_ in {"during", "at"} or (
            prep.lower_ == "on" and noun.head.head.lower_ in SIDELINES))
            and (first := _first_conjunct(verb)).dep_ == "ROOT" and verb.ent_type_ == "PERSON"
            and not any(t.pos_ in {"VERB", "AUX"} for t in verb.sent)):
        return [first]  # a caption with no verb: "A and B during a meeting in Washington"
        # (the phrase may hang on the last name: "A, B and C on the sidelines of ...")
    if (prep.dep_ == "prep" and prep.lower_ in {"during", "at"} and is_caption(noun.sent)
            and not any(t.pos_ in {"VERB", "AUX"} for t in noun.sent)):
        # a caption whose verb the tagger took for a noun: "A and B share a laugh during a
        # meeting on May 21": the people named before it
        return [t for t in noun.sent if t.i < prep.i and t.ent_type_ == "PERSON"
                and t.dep_ not in {"compound", "flat"}]
    if (prep.dep_ == "prep" and prep.lower_ == "of" and verb.pos_ == "NOUN"
            and verb.lemma_.lower() in ACCOUNTS | WISH_NOUNS):
        # "his handling of a summit with Putin", "Comey's account of a meeting with Trump":
        # the possessor of the account is the one who met
        return [c for c in verb.children if c.dep_ == "poss"]
    if (prep.dep_ == "prep" and verb.pos_ == "NOUN" and verb.lower_ in REPORT_NOUNS
            and prep.lower_ in {"in", "during", "after", "at", "following"}):
        # "Trump's declaration in a phone call with Erdogan that ...": its possessor
        return [c for c in verb.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    if (prep.lower_ in {"in", "during"} and prep.i > 0 and doc[prep.i - 1].text == ","
            and verb.dep_ == "pcomp" and verb.head.head.pos_ == "VERB"
            and children(verb.head.head, SUBJ)):
        verb = verb.head.head  # "He accused Arafat of doing nothing, in a telephone call
        # with Chirac": the phrase set off goes with the accusing, not the deed
    if prep.dep_ != "prep" or verb.pos_ not in {"VERB", "AUX"}:
        return []
    subj = children(verb, SUBJ)
    if (len(subj) == 1 and subj[0].tag_ in {"WP", "WDT"} and verb.dep_ == "relcl"
            and verb.head.pos_ in {"PROPN", "NOUN"}):
        return [verb.head]  # "China, which is engaged in trade talks with the US"
    owners = [c for s in subj if s.pos_ == "NOUN" and s.lower_ in REPORT_NOUNS
              for c in s.children if c.dep_ == "poss"]
    if owners:
        return owners  # "Trump's comments came after a meeting with Y"
    if (not subj and verb.dep_ == "acl" and verb.head.pos_ == "NOUN"
            and verb.head.ent_type_ == "" and verb.head.dep_ == "dobj"
            and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in verb.head.children)):
        # "Trump announced his plans to withdraw troops following a call with Erdogan": the
        # one whose plans they are, the announcer
        return children(verb.head.head, SUBJ)
    if not subj and verb.dep_ == "acl" and verb.head.pos_ in {"PROPN", "NOUN"}:
        return [verb.head]  # "Mr Straw, speaking at a news conference with ..."
    if not subj and verb.dep_ in {"advcl", "pcomp", "xcomp", "conj"}:
        return clause_subjects(verb)  # ", speaking at ..., Mr Straw stressed"
    if (verb.dep_ == "ccomp" and prep.lower_ in TIME_PREPS and prep.i < verb.i
            and all(s.pos_ in {"NOUN", "PRON"} and s.ent_type_ == "" for s in subj)):
        # "Kerry said after Monday's talks with X that progress was made": the preposition
        # hangs on the reported clause in the parse, but goes with the saying
        return children(verb.head, SUBJ) or subj
    if verb.dep_ == "ccomp" and prep.lower_ in TIME_PREPS and subj and all(
            thing(s) for s in subj):
        # "A suggested that rogue killers were behind it, after a call with B"; "A stressed
        # that the decision came after months of discussions with B": a thing does not hold
        # talks, the one reporting it did
        return children(verb.head, SUBJ) or subj
    return subj


ACCOUNTS = frozenset({"handling", "account", "description", "recollection", "version",
                      "recounting", "readout", "memo", "summary", "conduct"})
"""Nouns of telling or handling one's own meeting: "his account of the meeting with X"."""


def _told_reporter(pronoun: Token, index: MentionIndex) -> Mention | None:
    """ "A said B had assured him in a phone call": the person told is the one saying so,
    when the pronoun is the object in the clause A reports and B is someone else."""
    verb = pronoun.head
    if pronoun.dep_ not in {"dobj", "dative"} or verb.dep_ != "ccomp" or \
            verb.head.lemma_.lower() not in SAY_LEMMAS:
        return None
    wanted = "f" if pronoun.lower_ == "her" else "m"
    for s in children(verb.head, SUBJ):
        m = index.at(s)
        if m is None and s.lower_ == {"him": "he", "her": "she"}[pronoun.lower_]:
            m = pronoun_antecedent(s, index)  # "He also said that ... Mueller told him"
        if m is not None and m.kind == "Person" and not any(
                index.at(o) == m for o in children(verb, SUBJ)) and \
                cue_gender(m.cue) in {wanted, ""} and object_fits(pronoun, m):
            # (not "Hart said he would meet her")
            return m
    return None


def _reporter(pronoun: Token, index: MentionIndex) -> Mention | None:
    """ "Keller said she had spoken with X": the subject of the saying verb whose reported
    clause the pronoun is the subject of (a person named in that very sentence)."""
    clause = pronoun.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SAY_LEMMAS:
        return None
    for s in children(clause.head, SUBJ):
        if s.lower_ == "who" and clause.head.dep_ == "relcl":  # "Takeyh, a scholar at the
            s = clause.head.head  # Institute who says he spoke to Sanders": the person the
            for _ in range(4):  # clause is about (the parser may hang it on the institute)
                m = index.at(s)
                if (m is not None and m.kind == "Person") or s.dep_ not in {
                        "pobj", "prep", "appos"}:
                    break
                s = s.head
        m = index.at(s)
        if m is None and s.pos_ == "NOUN":
            m = _apposed_in(s, index)  # "A partner of the firm, John Gibbons, says he ..."
        if m is not None and m.kind == "Person":
            return m
    return None


def _apposed_in(subject: Token, index: MentionIndex) -> Mention | None:
    """ "A partner for accountancy firm Ernst and Young, John Gibbons,": the one person set
    off by commas in a subject noun's phrase, wherever the parser hung the name."""
    people = {m for t in subject.subtree if t.dep_ == "appos" and t.i > subject.i
              and (m := index.at(t)) is not None and m.kind == "Person"
              and t.right_edge.i + 1 < len(t.doc) and t.doc[t.right_edge.i + 1].text == ","}
    return people.pop() if len(people) == 1 else None


def _clause_subject_person(trigger: Token, index: MentionIndex) -> Mention | None:
    """ "In his meeting with X, Pompeo called ...": "his" is the clause's subject (but in
    "Flynn's statements about his conversations with X", the nearer possessor's)."""
    t = trigger
    while t.head != t and t.pos_ not in {"VERB", "AUX"}:
        t = t.head
        owners = [m for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"
                  for m in [index.at(c)] if m is not None and m.kind == "Person"
                  ] if t.pos_ == "NOUN" else []
        if owners:
            return owners[0]
    other = [index.at(n) for p in children(trigger, {"prep"}) if p.lower_ == "with"
             for n in [_name_after(p, index)] if n is not None]  # "his dinner with German
    # counterpart X was warm", X parsed as a second subject of "was": the other side
    if (t.dep_ == "pcomp" and not children(t, SUBJ)
            and (thanked := thanked_for_doing(t.head))):  # "Moon thanked Pompeo for coming
        m = index.at(thanked[0])  # after his meeting with Kim": Pompeo's
        return m if m is not None and m.kind == "Person" else None
    for _ in range(3):
        subjects = [s for s in children(t, SUBJ) if index.at(s) not in other]
        for s in subjects:
            m = index.at(s)
            if m is not None and s.pos_ == "PROPN" and (m.kind == "Person" or (
                    m.kind == "Organization" and " " not in m.text and not m.text.isupper()
                    and any(p.kind == "Person" and p.text.split()[-1] == m.text
                            for p in index.mentions))):
                return m  # a surname the model took for a body ("Trump") is still the person
                # ("the Kremlin denied that ... his meeting" is no one's);
                # "the State Department issued her a visa in time for her meeting" is no body's
            if s.lower_ in {"he", "she"}:  # "Vogt said that during his meeting with X, he"
                return _reporter(s, index) or pronoun_antecedent(s, index)
        if t.dep_ not in {"ccomp", "advcl"} or not all(thing(s) for s in subjects):
            return None  # "the president", "Prince's testimony": someone's own clause
        t = t.head  # "A said when asked what his message was during his conversation with
        # B": a clause whose subject is a thing is the reporter's
        if t.pos_ not in {"VERB", "AUX"}:
            return None
    return None


def unique_meetings(meetings: list[Meeting]) -> list[Meeting]:
    """One meeting per sentence, set of participants and status (two triggers, one event;
    but "A met B last week and will meet her again on Friday" is two); a joint meeting of
    three or more takes in any meeting of some of its people told in the same sentence,
    with the same status and no other day or place."""
    seen: dict[tuple[int, frozenset[str], str], Meeting] = {}
    for m in meetings:
        key = (m.evidence.start, frozenset(p.text.lower() for p in m.participants), m.status)
        seen.setdefault(key, m)
    return [m for k, m in seen.items() if not any(
        o[0] == k[0] and o[2] == k[2] and k[1] < o[1] and len(o[1]) > 2
        and _compatible(m.date_text, other.date_text)
        and (m.location is None or other.location is None or m.location == other.location)
        for o, other in seen.items())]  # "A, B, C and D chat during the summit", the verb
    # finding three of the four and the caption all four: one joint meeting, the larger


def caption_scenes(meetings: list[Meeting], doc: Doc) -> list[Meeting]:
    """A photo caption shows one scene: the happened meetings it tells that share a person
    are one joint meeting ("A and B listen as C speaks with D", "A, flanked by B and C,
    talks with D": the four).  Not when their days or places differ, and not in running
    text, where "A met B and later called C" is two meetings."""
    out = list(meetings)
    i = 0
    while i < len(out):
        a = out[i]
        j = next((j for j in range(i + 1, len(out)) if _same_scene(a, out[j], doc)), None)
        if j is None:
            i += 1
            continue
        b = out.pop(j)  # (the joined meeting is tried again against the rest)
        out[i] = replace(a, participants=(*a.participants, *(
            y for y in b.participants if not any(_one_person(x, y) for x in a.participants))),
            date_text=a.date_text or b.date_text, location=a.location or b.location,
            date_anchor=a.date_anchor if a.date_text else b.date_anchor,
            support=tuple(dict.fromkeys((*a.support, *b.support))))
    return out


def _same_scene(a: Meeting, b: Meeting, doc: Doc) -> bool:
    """Whether two meetings are told by one caption of one scene (see :func:`caption_scenes`),
    with no family joined to a pair it is not part of."""
    if not (a.evidence == b.evidence and a.status == b.status == "asserted"
            and _compatible(a.date_text, b.date_text)
            and (a.location is None or b.location is None or a.location == b.location)
            and any(_one_person(x, y) for x in a.participants for y in b.participants)):
        return False
    span = doc.char_span(a.evidence.start, a.evidence.end, alignment_mode="expand")
    return span is not None and is_caption(span[0].sent) and _one_scene(
        a, b, span[0].sent) and not any(
        _one_family([x, y]) for x in a.participants for y in b.participants
        if not _one_person(x, y))


def _trigger_token(m: Meeting, sent: Span) -> Token | None:
    """The word of ``sent`` that triggered ``m``, or None when the word is there twice (a
    meeting keeps only its trigger's text, and a guess could join two scenes)."""
    found = [t for t in sent if t.text == m.trigger]
    return found[0] if len(found) == 1 else None


def _one_scene(a: Meeting, b: Meeting, sent: Span) -> bool:
    """Whether two meetings a caption tells are one scene: the caption's group and the
    meeting its verb tells ("A and B listen as C speaks with D"), a flanked person's
    meeting ("A, flanked by B and C, talks with D"), or a meeting and the "as ..." clause
    hung on it.  Not two meetings of one verb ("A and B met C": each met C), nor one told
    as another's time ("visited B after his summit with C")."""
    ta, tb = _trigger_token(a, sent), _trigger_token(b, sent)
    if ta is None or tb is None:
        return False
    if ta == tb:
        return max(len(a.participants), len(b.participants)) > 2
    for x, y in ((ta, tb), (tb, ta)):
        if x.lemma_.lower() in {"flank", "accompany"} and x.dep_ == "acl" and (
                y.head == x.head or x.head in children(y, SUBJ)):
            return True
        if y.dep_ == "advcl" and y.head == x and any(
                k.dep_ == "mark" and k.lower_ in {"as", "while"} for k in y.children):
            return True
    return False


NEARBY = 3
"""How many sentences apart two reports of one meeting may be (counted from the last one
merged), so that a later, separate meeting of the same people stays its own."""


def _same_people(a: tuple[Mention, ...], b: tuple[Mention, ...]) -> bool:
    """The same participants, a name matching its longer form ("Pompeo" is "Mike
    Pompeo"), never two people who share a surname ("Donald Trump", "Melania Trump")."""
    return len(a) == len(b) and all(any(_one_person(x, y) for y in b) for x in a) \
        and all(any(_one_person(x, y) for x in a) for y in b)


def _one_person(a: Mention, b: Mention) -> bool:
    """The same person, but a bare surname is not the relative the other names in full
    ("President Trump and first lady Melania Trump were greeted": two guests)."""
    return same_person(a, b) and not (
        cue_relative(a.cue) != cue_relative(b.cue) and (" " not in a.text or " " not in b.text))


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.lower() == b.lower()


def still_planned(found: list[tuple[Token, Meeting]]) -> list[Meeting]:
    """The meetings of an article's triggers, where a meeting noun with no tense or day of its
    own that comes after a planned meeting of the same people, named by the same word, is
    that planned meeting: "Trump and Kim will hold a summit next month. ... Lawmakers said
    that renewed discussions about the Trump-Kim summit are a positive step" reports no held
    summit (but "the summit was a success" after it, in the past tense, still does)."""
    found = [(t, _as_its_verb(t, m, found)) for t, m in found]
    out: list[Meeting] = []
    for trigger, m in found:
        if (m.status == "asserted" and trigger.pos_ == "NOUN" and m.date_text is None
                and not _past_clause(trigger)
                and any(p.status == "planned" and p.evidence.start < m.evidence.start
                        and p.trigger.lower() in {trigger.lower_, trigger.lemma_.lower()}
                        and _same_people(p.participants, m.participants) for p in out)):
            m = replace(m, status="planned")
        out.append(m)
    return out


def _as_its_verb(noun: Token, m: Meeting, found: list[tuple[Token, Meeting]]) -> Meeting:
    """A meeting noun inside the clause of a meeting verb of the same people is that verb's
    meeting and takes its status: "A and B plan to meet soon at a summit" is one planned
    meeting, not a planned one and a held one (but "A met B last week and will meet her
    again" is two, each verb its own)."""
    if noun.pos_ != "NOUN":
        return m
    for verb, other in found:
        if (verb.pos_ == "VERB" and other.status != m.status and other.evidence == m.evidence
                and verb.is_ancestor(noun) and _same_people(other.participants, m.participants)):
            return replace(m, status=other.status)
    return m


def _past_clause(noun: Token) -> bool:
    """Whether the clause around a noun is in a past tense (its nearest verb)."""
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return False
    return verb.tag_ in {"VBD", "VBN"} or any(
        k.dep_ == "aux" and (k.tag_ in {"VBD", "VBN"} or k.lower_ in {"has", "have", "had"})
        for k in verb.children)


def merge_reports(meetings: list[Meeting], doc: Doc) -> list[Meeting]:
    """Count each meeting once: the sentences of one article that report a meeting of the
    same participants with the same status, a compatible date and place, and at most
    ``NEARBY`` sentences after the previous report, become one :class:`Meeting` whose
    ``evidence`` is the first sentence and whose ``support`` holds the others.

    Notes
    -----
    "Vogt met Wendt in Oslo on Monday. The two leaders ... Vogt said after meeting Wendt
    that ..." gives one meeting with two sentences; "Vogt met Wendt again in June", ten
    sentences on, is another meeting.
    """
    sentence_of = {s.start_char: n for n, s in enumerate(doc.sents)}
    merged: list[Meeting] = []
    last_seen: list[int] = []
    for m in sorted(meetings, key=lambda m: m.evidence.start):
        n = sentence_of.get(m.evidence.start, -1)
        for i, prev in enumerate(merged):
            if (_same_people(prev.participants, m.participants)
                    and prev.status == m.status and 0 <= n - last_seen[i] <= NEARBY
                    and _compatible(prev.date_text, m.date_text)
                    and _compatible(prev.location.text if prev.location else None,
                                    m.location.text if m.location else None)):
                if m.evidence.start != prev.evidence.start and m.evidence not in prev.support:
                    merged[i] = replace(prev, support=(*prev.support, m.evidence),
                                        date_text=prev.date_text or m.date_text,
                                        date_anchor=(prev.date_anchor if prev.date_text
                                                     else m.date_anchor),
                                        location=prev.location or m.location)
                last_seen[i] = n
                break
        else:
            merged.append(m)
            last_seen.append(n)
    return merged


BRIDGED_NOUNS = frozenset({"meeting", "talks", "session", "summit", "encounter", "dinner",
                           "lunch", "luncheon", "breakfast", "gathering", "sit-down"})
"""Meeting nouns that refer back to a meeting reported before: "the meeting", "the talks"."""
CONTACT_WORDS = CALL_WORDS | {"calls", "calling", "telephoned", "spoke", "spoken", "speaks",
                              "talked", "conversations"}
"""Trigger words of a meeting that may have been a call, which no one "also attends"."""
BRIDGE_SENTENCES = 8
"""How many sentences back the meeting "the meeting" refers to may be reported."""


def bridged_meetings(unmatched: list[Token], triggers: set[Token], found: list[Meeting],
                     index: MentionIndex) -> list[Meeting]:
    """ "A met B at the tower. ... Also attending the meeting was C": a meeting referred to
    again by a definite noun, with someone new at it, is the nearest meeting reported before
    it, now with C too.  Only words that put C at the meeting count ("attended the
    meeting", "At the meeting, C told", "Also attending the meeting was C"), never one's
    words about it ("C said the meeting went well": a spokesman may say so); and the
    meeting before must be the only one in its sentence.  The new meeting keeps the earlier
    sentence as support, so each of its sides is traceable.  ``unmatched`` are the meeting
    triggers :func:`find_meetings` found no meeting for; ``triggers`` all of them."""
    if not found:
        return []
    out: list[Meeting] = []
    for noun in unmatched:
        if (noun.pos_ != "NOUN" or noun.lower_ not in BRIDGED_NOUNS
                or not any(c.dep_ == "det" and c.lower_ in {"the", "that", "this"}
                           for c in noun.children)
                or any(c.dep_ in {"prep", "compound", "nmod", "amod", "poss"}
                       and c.lower_ not in {"in", "at", "on"} for c in noun.children)):
            continue  # "the meeting with X", "the G7 summit", "his talks": its own sides
        people = _bridge_attendees(noun, index, triggers)
        if not people:
            continue
        sent = noun.sent
        before = [m for m in found if m.evidence.end <= sent.start_char]
        if not before:
            continue
        last = max(m.evidence.start for m in before)
        there = [m for m in before if m.evidence.start == last]
        back = noun.doc.char_span(last, sent.start_char, alignment_mode="expand")
        if (len({frozenset(m.participants) for m in there}) != 1 or back is None
                or sum(bool(t.is_sent_start) for t in back) > BRIDGE_SENTENCES):
            continue
        prior = there[0]
        new = [p for p in people
               if not any(same_person(p, q) for q in prior.participants)]
        if not new or (noun.lower_ in MEALS) != (prior.trigger.lower() in MEALS) or (
                prior.trigger.lower() in CONTACT_WORDS):
            continue  # (a call has no one "also attending"; a dinner is its own occasion)
        status = status_of(noun, caption=is_caption(sent))
        out.append(replace(
            prior, participants=(*prior.participants, *new), evidence=evidence(sent),
            status=prior.status if status == "asserted" else status, trigger=noun.text,
            support=(prior.evidence,)))
    return out


def _bridge_attendees(noun: Token, index: MentionIndex, triggers: set[Token]) -> list[Mention]:
    """Who a sentence puts at a meeting it names by a definite noun alone."""
    head = noun.head
    toks = attendees_after_copula(noun)
    if noun.dep_ == "dobj" and head.lemma_.lower() in {"attend", "join"}:
        toks += clause_subjects(head)
    elif noun.dep_ == "nsubjpass":
        toks += _attended_by(noun)
    elif (noun.dep_ == "pobj" and head.lower_ in {"at", "during"} and head.dep_ == "prep"
          and head.head.pos_ == "VERB" and head.head not in triggers
          and not any(c.dep_ == "neg" for c in head.head.children)):
        toks += children(head.head, {"nsubj"})  # "At the meeting, C told B", "C said at the
        # meeting that": C was there (but "At the talks, C did not meet B": another meeting)
    return [m for m in argument_actors(toks, index) if m.kind == "Person"]  # (a pronoun's
    # antecedent, a guess, is not enough to add someone to a meeting told before)


APPEARANCE_VERBS = frozenset({"attend", "stand", "walk", "arrive", "participate", "take",
                              "listen", "watch", "wave", "smile", "applaud", "line", "lay",
                              "pose"})
"""Verbs of several leaders appearing together: "A, B, C and D attend the opening session"."""
APPEARANCE_OCCASIONS = frozenset({"ceremony", "session", "photo", "photograph", "plenary",
                                  "commemoration", "commemorations", "parade", "gala",
                                  "banquet", "reception", "forum", "retreat", "part",
                                  "roundtable", "opening", "wreath", "family", "picture",
                                  "portrait", "pictures", "photos"})
"""What they attend together; a funeral or a match brings people to one place, not to a
meeting, and is left out."""


def joint_appearances(doc: Doc, index: MentionIndex, date_text: DateText) -> list[Meeting]:
    """A joint meeting of three or more named people who appear together at one occasion,
    with no meeting word ("From left, A, B, C and D attend the opening session of the
    forum", "A, B and C take part in a wreath-laying ceremony"): the annotators' joint
    meetings that no trigger finds.  A headline states none."""
    out: list[Meeting] = []
    for verb in doc:
        if (not (verb.pos_ == "VERB" and verb.lemma_.lower() in APPEARANCE_VERBS)
                and not _were_there(verb)) or is_headline(verb.sent):
            continue
        # "during a reception, C was seen standing with ...": the occasion of the verb above
        hosts = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
        things = [*children(verb, {"dobj"}),
                  *(p for h in hosts for prep in children(h, {"prep"}) if prep.lower_ in {
                      "in", "at", "for", "during", "to"} for p in children(prep, {"pobj"}))]
        occasion = any(t.lemma_.lower() in APPEARANCE_OCCASIONS or any(
            c.dep_ == "compound" and (c.lower_ in APPEARANCE_OCCASIONS or (
                t.lower_ == "conference" and c.lower_ in {"news", "press"}))
            for c in t.children) for t in things)  # (a news conference of three: a joint one)
        if not (occasion or is_caption(verb.sent)):
            continue
        subjects = clause_subjects(verb)
        # "was seen standing with B, C and D during a reception": the "with" people too
        company = [*prep_objects(verb, {"with", "between"}), *(  # "stands between A and B"
            c for h in (verb, *(p for p in verb.children if p.lower_ in POSITIONS))
            for c in h.children if c.dep_ == "conj" and c.ent_type_ == "PERSON")
        ] if verb.lemma_.lower() in COMPANY_VERBS else []  # ("walks with A, left, and B": B
        # hung on the verb, or on "left", by the parser)
        people = _distinct_people([m for m in argument_actors([*subjects, *company], index)
                                   if m.kind == "Person"], doc_text(doc))
        if len(people) < 3 and is_caption(verb.sent):
            people = _pictured(verb, index, _after_dashes(verb))  # "A (L), B (C) and C (R)
            # walk together": a list the parser broke, before the caption's verb (after a
            # dateline's or a gallery label's dashes: "Pyeongchang, South Korea - ... - A")
        if len(people) < 3 or _one_family(people):
            continue
        met = _make_meeting(verb, verb, people, subjects, index, date_text)
        if met is not None:
            out.append(met)
    return out + _caption_groups(doc, index, date_text) + _lineups(doc, index, date_text)


def _were_there(verb: Token) -> bool:
    """ "A, B and C were at the ceremony": a copula whose "at" is an occasion they attend
    together (the occasion is checked with the appearance verbs')."""
    return verb.lemma_ == "be" and verb.pos_ == "AUX" and verb.dep_ == "ROOT" and any(
        c.dep_ == "prep" and c.lower_ == "at" for c in verb.children)


_LABEL_GAP = re.compile(r"\s*[–—-]\s*(?:[\w.]+\s+){0,3}")
"""Between a gallery's label and the caption's name: "Obama – President Barack Obama"."""


def _distinct_people(people: list[Mention], text: str) -> list[Mention]:
    """Each person once, by the fullest name given: "| Obama - President Barack Obama walks
    with B and C" (a gallery's label before the caption) is one Obama, not two people (but
    "King Abdullah II, Saudi Prince Abdullah" are two)."""
    out: list[Mention] = []
    for m in people:
        same = next((i for i, k in enumerate(out) if k == m or (
            same_person(k, m) and _LABEL_GAP.fullmatch(
                text[min(k.end, m.end):max(k.start, m.start)]))), None)
        if same is None:
            out.append(m)
        elif len(m.text) > len(out[same].text):
            out[same] = m
    return out


def _caption_groups(doc: Doc, index: MentionIndex, date_text: DateText) -> list[Meeting]:
    """Photo captions that open with three or more people of two or more countries and then
    a verb, whatever it is and however parsed ("A, B, C and D chat during the summit in
    Quebec, June 9, 2018"): the picture shows them together.  Not a saying ("A, B and C
    said"), nor a caption with a verb that keeps them apart ("watch a match", "leave");
    the appearance verbs are :func:`joint_appearances`' own."""
    out: list[Meeting] = []
    if not might_be_captions(doc_text(doc)):
        return out
    for sent in doc.sents:
        verb = next((t for t in sent if t.pos_ == "VERB"), None)
        if (verb is None or verb.lemma_.lower() in _NOT_CAPTION_VERBS
                or not is_caption(sent)):
            continue
        people = _pictured(verb, index)
        if not people:
            continue
        met = _make_meeting(verb, verb, people, [], index, date_text)
        if met is not None and met.status == "asserted":
            out.append(met)
    return out


def _after_dashes(verb: Token) -> int:
    """The first token after the last free-standing dash or bar before ``verb`` in its
    sentence (its start when there is none; a hyphen inside a name does not count)."""
    doc = verb.doc
    dashes = [t.i for t in doc[verb.sent.start:verb.i] if t.text in {"–", "—", "|"} or (
        t.text == "-" and t.whitespace_ and t.i > 0 and doc[t.i - 1].whitespace_)]
    return dashes[-1] + 1 if dashes else verb.sent.start


def _pictured(verb: Token, index: MentionIndex, start: int = 0) -> list[Mention]:
    """The people a caption names before its verb (from token ``start`` on), when they are
    three or more of two or more countries and not one family: the picture shows them
    together (else none).  One named twice ("| Clinton - Barak, left, with Bill Clinton")
    is one person."""
    sent = verb.sent
    if any(t.pos_ == "VERB" and t.lemma_.lower() in APART and t.lower_ not in POSITIONS
           for t in sent):
        return []  # "react as they watch a match": apart (but "A, left, and B" places A)
    named = [m for t in sent if start <= t.i < verb.i
             and (m := index.at(t)) is not None and m.kind == "Person"
             and not any(a.lower_ in RELATIONS for a in t.ancestors)]
    people = _distinct_people([m for m in named if not any(
        o.text != m.text and len(o.text) > len(m.text) and same_person(o, m) for o in named)],
        doc_text(verb.doc))
    # ("B, the sister of North Korea's leader C": C is named, not pictured)
    # (of the people before the verb: "visit the factory in Kazan, Russia" names a place)
    countries = _countries([t for t in sent if start <= t.i < verb.i], index)
    if len(people) < 3 or len(countries) < 2 or _one_family(people):
        return []
    return people


def _countries(tokens: list[Token], index: MentionIndex) -> set[str]:
    """The distinct countries named among ``tokens`` ("Russian" and "Russia" are one)."""
    return {found.iso3 if (found := gazetteer.country(m.text)) is not None else m.text
            for t in tokens if (m := index.at(t)) is not None and m.kind == "Country"}


_NOT_CAPTION_VERBS = APPEARANCE_VERBS | frozenset(SAY_LEMMAS)
APART = frozenset({"watch", "miss", "skip", "boycott", "leave", "depart", "vote", "compete",
                   "play", "race", "run", "win", "lose"})
"""Verbs of people in one picture who are not meeting: watching or playing a match,
leaving, voting."""


COMPANY_VERBS = frozenset({"stand", "walk", "pose", "sit"})
"""Appearance verbs whose "with" names the others present ("standing with B, C and D")."""
POSITIONS = frozenset({"left", "right", "center", "centre"})
"""Words a caption places people by ("A, left, and B"), which the tagger may make verbs."""
_LINEUP = re.compile(r"\b(?:[Ff]rom left|[Ll]eft to right|L-R|L to R)\b")


def _lineups(doc: Doc, index: MentionIndex, date_text: DateText) -> list[Meeting]:
    """A photo caption that lists three or more people of two or more countries from left
    to right, with no verb of meeting ("From left are the Canadian prime minister A, the
    German chancellor B, ... and the Japanese prime minister E"): the leaders of a summit
    in its group picture, one joint meeting.  A caption naming one country's people (a
    president and his family or staff) is no meeting."""
    out: list[Meeting] = []
    if not _LINEUP.search(doc_text(doc)):
        return out
    for sent in doc.sents:
        if not _LINEUP.search(sent.text) or not is_caption(sent) or is_headline(sent):
            continue
        named = next((m for t in sent if (m := index.at(t)) is not None
                      and m.kind == "Person"), None)
        span = None if named is None else doc.char_span(named.start, named.end,
                                                         alignment_mode="expand")
        if span is None:
            continue
        first = span.root
        listed = [t for c in conjuncts(first) for t in c.subtree]
        people = list(dedupe([m for t in listed if (m := index.at(t)) is not None
                              and m.kind == "Person"]))
        countries = _countries(list(sent), index)
        if len(people) < 3 or len(countries) < 2 or _one_family(people):
            continue
        met = _make_meeting(sent.root, sent.root, people, [], index, date_text)
        if met is None:
            continue
        if met.date_text is None and sent.start > 0 and _LINEUP.match(sent.text.strip()):
            # "Leaders pose for a group photo at the summit on May 26. From left are ...":
            # the line-up names the people of the sentence before, and its day
            before = list(doc[sent.start - 1].sent)
            if "\n" not in doc[before[0].i:sent.start].text.strip():
                met = replace(met, date_text=date_text(before))
        out.append(replace(met, status="asserted"))
    return out
