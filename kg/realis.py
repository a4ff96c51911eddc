"""Realis: did the text say that an event happened, or that it is planned, or that it did not?

A trigger word's status comes from the verb group it belongs to: a modal ("will meet",
"would take place"), a planning or expecting head ("plans to meet", "is set for"), a
conditional or a question, a present-tense report in running text (news reports a past
meeting in the past tense: "when Hollande meets Putin Friday", "Later, Trump meets ..."
announce one), a prospective modifier ("upcoming talks", "ahead of a meeting") or a
negation ("did not meet", "was not on the call", "cancelled the summit").
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from kg.dates import resolve_date
from kg.model import Status
from kg.rules import shared_possessors
from kg.syntax import contrasted, first_to, time_host

MODALS = frozenset({"will", "would", "shall", "'ll", "’ll", "may", "might", "could", "should",
                    "can", "wo", "must", "ca"})
PLAN_HEADS = frozenset({"plan", "expect", "hope", "want", "schedule", "set", "due", "agree",
                        "seek", "intend", "prepare", "aim", "try", "wish", "propose", "offer",
                        "invite", "ready", "willing", "likely", "arrange", "call", "ask",
                        "urge", "need", "going", "consider", "announce", "promise", "vow",
                        "able", "eager", "keen", "go", "travel", "fly", "head", "arrive",
                        "come", "return", "prepared", "poised", "determined", "encourage",
                        "advocate", "demand", "insist"})
TELLING_HEADS = frozenset({"announce", "insist"})
"""Plan heads that also report what happened: "announced that she met X on Monday"."""
CAUSING = frozenset({"get", "make", "force", "persuade", "convince", "push", "press",
                     "pressure", "encourage", "allow", "help", "need", "require", "compel"})
"""Verbs whose "X to do" is what someone is to be brought to do, not what was done."""
MOTION_HEADS = frozenset({"go", "travel", "fly", "head", "arrive", "come", "return"})
"""Plan heads only when the meeting is their purpose and the going is still to come ("will
fly to Oslo to meet X"; a journey told in the past held it, :func:`_past_errand`), not when
it follows them ("flew to Oslo and met X")."""
NEG_HEADS = frozenset({"refuse", "decline", "fail", "cancel", "reject", "deny", "postpone",
                       "avoid", "snub", "boycott", "abandon", "rule", "halt", "suspend",
                       "scrap"})
PARTICIPATE = frozenset({"be", "participate", "take", "attend", "join", "appear", "show"})
"""Verbs whose negation denies the meeting their preposition names ("was not on the
call"), unlike "the bill did not come up in his meeting with X"."""
SUBJECT_PLAN_HEADS = frozenset({"shape", "loom", "set", "schedule", "expect", "due", "plan",
                                "slate", "come"})
"""Verbs whose subject is a meeting not yet held ("the summit is shaping up")."""
PROSPECTIVE = frozenset({"upcoming", "planned", "proposed", "possible", "potential", "future",
                         "forthcoming", "prospective", "expected", "scheduled", "next",
                         "impending", "mooted", "hoped", "anticipated", "coming", "second"})
HYPOTHETICAL = frozenset({"possibility", "prospect", "idea", "chance", "hope", "proposal",
                          "offer", "invitation", "request", "prospects", "plan", "talk"})
"""Nouns whose "of" names a meeting that has not happened ("the prospect of talks")."""
UNREAL = frozenset({"impossible", "unlikely", "possible", "likely", "unthinkable",
                    "inconceivable", "imminent", "due", "set", "scheduled", "slated",
                    "expected"})
CANCELLED = frozenset({"cancelled", "canceled", "scrapped", "aborted", "postponed",
                       "abandoned", "called-off"})
PREPARING = frozenset({"plan", "planning", "preparation", "preparations", "prepare", "ready",
                       "ahead", "gear", "brace", "groundwork", "possible", "potential",
                       "venue", "arrangement", "arrangements", "arrange", "arranging",
                       "precondition", "preconditions", "stage", "logistics", "agenda",
                       "broker", "brokers", "mediator", "mediators", "push", "bid", "call"})
"""Words of getting ready for a meeting that has not happened yet."""

PROSPECT_TOPICS = frozenset({"optimism", "optimistic", "hope", "hopeful", "expectation",
                             "doubt", "pessimism", "skepticism", "scepticism", "speculation",
                             "uncertainty", "strategize", "strategise", "plan", "prepare",
                             "preparation", "negotiate"})
"""Words whose "about"/"on" names a meeting still to come ("optimism about his summit")."""

SCHEDULED = frozenset({"set", "scheduled", "slated", "due", "expected", "planned"})
IF = frozenset({"if", "unless", "whether"})
WHEN = frozenset({"when", "once", "until", "before", "after", "as"})
"""Time clauses that announce a future meeting in the present tense ("when X meets Y")."""
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday"})
_PRESENT = frozenset({"VBZ", "VBP"})
SOON = frozenset({"later", "tomorrow", "tonight", "soon", "next"})


ENTERING = frozenset({"embark", "engage", "participate", "involve"})
"""Verbs whose "on"/"in" phrase is the talks they enter: "is likely to embark on talks with
X" is as planned as "is likely to hold talks", and "denied being involved in talks" as
negated as "denied holding talks"."""


def _chain(trigger: Token) -> list[Token]:
    """The trigger and the words of its verb group above it: "is expected to meet",
    "plans to hold talks", "heads into a meeting"."""
    chain = [trigger]
    t = trigger
    while t.head != t and len(chain) < 6 and not contrasted(t) and not (
            t.dep_ == "conj" and t.pos_ in {"VERB", "AUX"} and any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)) and (
            # ("did not meet A but spoke with her", "was invited by A, and the two men shook
            # hands": the second verb is its own clause)
            t.dep_ in {"xcomp", "dobj", "acomp", "attr", "ccomp", "conj"}
            or (t.dep_ in {"pobj", "pcomp"} and t.head.lower_ in {"for", "to", "of", "into"})
            or (t.dep_ == "prep" and t.lower_ in {"for", "to", "of", "into"})
            or (t.dep_ == "pobj" and t.head.lower_ in {"on", "in"}
                and t.head.head.lemma_.lower() in ENTERING)
            or (t.dep_ == "prep" and t.lower_ in {"on", "in"}
                and t.head.lemma_.lower() in ENTERING)):
        t = t.head
        chain.append(t)
        if t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"xcomp", "conj"}:
            break
    return chain


def _naming(verb: Token) -> bool:
    """ "called his meeting with X a success", "called the talks productive": a verdict on a
    meeting, not a call for one."""
    return verb.lemma_.lower() == "call" and any(
        k.dep_ in {"oprd", "acomp", "ccomp", "xcomp"} and k.i > verb.i for k in verb.children
    ) and any(k.dep_ == "dobj" for k in verb.children)


def _argued_against(trigger: Token) -> bool:
    """A meeting someone speaks or decides against: one that has not happened."""
    t = trigger.head if trigger.dep_ == "acl" and trigger.head.dep_ == "pobj" else trigger
    return t.dep_ in {"pobj", "pcomp"} and t.head.lower_ == "against" and \
        t.head.head.pos_ == "VERB"


def _on_the_way(tok: Token) -> bool:
    """ "was en route to X", "was on her way to X": travelling to a meeting not yet held."""
    return any(k.dep_ == "prep" and (k.lower_, g.lower_) in {("en", "route"), ("on", "way")}
               for k in tok.children for g in k.children if g.dep_ == "pobj")


def _negated(tok: Token) -> bool:
    return any(k.dep_ == "neg" or k.lower_ in {"never", "not", "n't"} for k in tok.children)


def _can_tell(tok: Token) -> bool:
    """ "I can tell you (that) I met the president this morning": the modal is the speaker's
    ability to say it, not a doubt about what is said."""
    return tok.lemma_.lower() in {"tell", "say", "confirm", "assure"} and not _negated(tok) \
        and all(k.lower_ == "can" for k in tok.children
                if k.dep_ in {"aux", "auxpass"} and k.lower_ in MODALS)


def _modal(tok: Token) -> bool:
    return any(k.dep_ in {"aux", "auxpass"} and k.lower_ in MODALS for k in tok.children)


def status_of(trigger: Token, *, caption: bool = False) -> Status:
    """Realis of the clause a trigger word belongs to.

    ``caption`` marks a photo caption, where the present tense reports what happened
    ("Brandt talks with Prince Adil").
    """
    chain = _chain(trigger)
    if (trigger.dep_ == "relcl" and trigger.tag_ in _PRESENT and trigger.head.lower_ == "time"
            and trigger.head.head.lower_ in {"by", "until", "till"}):
        return "planned"  # "by the time he meets Xi"
    if trigger.pos_ == "NOUN" and any(
            c.dep_ == "relcl" and c.lemma_ in {"have", "hold"} and c.tag_ == "VBD"
            and any(k.dep_ == "nsubj" and k.tag_ not in {"WP", "WDT"} for k in c.children)
            and not _negated(c) for c in trigger.children):
        return "asserted"  # "will describe a meeting he had with X": his own past tense
    if any(a.lower_ == "matter" and any(c.dep_ == "neg" and c.lower_ == "no" for c in a.children)
           and any(c.dep_ == "ccomp" and c.tag_ in _PRESENT for c in a.children)
           for a in trigger.ancestors):
        return "planned"  # "no matter what happens at the summit Monday, ..." (not "no
        # matter what happened at the summit")
    if _argued_against(trigger):
        return "planned"  # "warned against talks with X", "advised against him speaking to X"
    if trigger.dep_ == "pobj" and _negated(trigger.head):
        return "negated"  # "not from a conversation with Putin"
    if _instead(trigger):
        return "negated"  # "instead of talking seriously with X"
    if (trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and trigger.head.pos_ in {"VERB", "AUX"}
            and status_of(trigger.head, caption=caption) == "planned"):
        return "planned"  # "themes he is sure to repeat while visiting Salman"
    if (trigger.dep_ == "pcomp" and trigger.tag_ == "VBG" and trigger.head.dep_ == "prep"
            and (host := time_host(trigger.head)).pos_ in {"VERB", "AUX"} and not (
                host.tag_ == "VBG" and any(  # (not "are holding talks this
                    k.dep_ == "aux" and k.lower_ in {"is", "are"}  # week after meeting in
                    for k in host.children))  # Beijing last week": going on)
            and status_of(host, caption=caption) == "planned"):
        return "planned"  # "Before meeting with Putin, Trump will try to ...": the meeting
        # is as much to come as what is done before it
    if (trigger.dep_ in {"pcomp", "pobj"} and trigger.head.lower_ == "to"
            and trigger.head.head.lower_ == "forward"
            and trigger.head.head.head.lemma_.lower() == "look"):
        return "planned"  # "look very much forward to meeting him" ("forward" an adverb)
    if _called_off_after(chain[-1]):
        return "negated"  # "was to meet X, but the meeting was cancelled"
    for prev, tok in zip([None, *chain], chain, strict=False):
        if _negated(tok):
            return "negated"
        if tok is not trigger and prev is not None and prev.dep_ != "conj" and (
                tok.lemma_.lower() in NEG_HEADS or (tok.lemma_.lower() == "call" and any(
                    c.lower_ == "off" for c in tok.children))):
            return "negated"  # "refused to meet", "called off the talks" (not "abandon
            # their pact and engage in talks": a verb beside it, not above it)
    for prev, tok in zip([None, *chain], chain, strict=False):
        kids = list(tok.children)
        if _modal(tok) and not (tok is not trigger and _can_tell(tok)):
            return "planned"
        marks = {k.lower_ for k in kids if k.dep_ in {"mark", "advmod"}}
        present = tok.tag_ in _PRESENT or (  # "Before Kim and Moon meet": a present the
            tok.tag_ == "VB" and any(k.dep_ == "nsubj" for k in kids)  # tagger took for a
            and not any(k.dep_ in {"aux", "auxpass"} for k in kids))  # bare form
        as_caption = (caption and tok is trigger and marks & WHEN == {"as"}
                      and present and tok.dep_ == "advcl")  # ("as C and D look on")
        if as_caption and tok.head.pos_ in {"VERB", "AUX"}:
            return status_of(tok.head, caption=caption)  # a caption's "A shakes hands with B
            # as they meet at the border": the time of the clause it hangs on (also where
            # the parser made that clause's verb a noun: "A talks to B as he welcomes him")
        if marks & IF or (marks & WHEN and present and not as_caption):
            return "planned"
        if tok is not trigger and tok.lemma_ == "be" and any(
                k.dep_ in {"acomp", "attr"} and k.lower_ in SCHEDULED for k in kids):
            return "planned"  # "is due in Berlin for talks with X"
        if (tok.dep_ in {"ccomp", "xcomp"} and tok.head.lemma_.lower() in CAUSING
                and any(k.dep_ == "aux" and k.lower_ == "to" for k in kids)):
            return "planned"  # "get the leadership to abandon X and engage in talks"
        if tok is not trigger and _on_the_way(tok):
            return "planned"  # "was en route to Singapore for a meeting with Kim"
        if (tok.tag_ == "VBG" and tok.dep_ == "conj"
                and any(k.dep_ == "aux" and k.lower_ in {"was", "were"} for k in kids)
                and any(status_of(h, caption=caption) == "planned" for h in (
                    tok.head, *(x for x in tok.head.children if x.dep_ == "xcomp")))):
            return "planned"  # "A and B were to hold a news conference later, and C was
            # hosting a dinner for B in the evening": the day's programme as it stood
        if tok.lemma_.lower() == "look" and any(k.lower_ == "forward" for k in kids):
            return "planned"  # "is looking forward to a meeting with X"
        if tok is not trigger and tok.lemma_.lower() in PLAN_HEADS and not (
                tok.lemma_.lower() in MOTION_HEADS and prev is not None and prev.dep_ == "conj"
        ) and not _naming(tok) and not _arrived_for_summit(tok, trigger) and not (
                prev is not None and prev.head == tok and _held_on_errand(prev, trigger)) and not (
                tok.lemma_.lower() in TELLING_HEADS and prev is not None
                and prev.dep_ == "ccomp" and _past_or_perfect(prev)):
            return "planned"
        perfect = tok.tag_ == "VBN" and any(k.dep_ == "aux" and k.lower_ == "have"
                                            for k in kids)  # "is said to have met X": past
        if any(k.dep_ == "aux" and k.lower_ == "to" for k in kids) and not first_to(tok) and \
                not perfect and not _held_on_errand(tok, trigger) and (
                (tok is trigger and trigger.dep_ in {"xcomp", "advcl", "acl", "relcl"})
                or tok.head.lemma_ == "be" or tok.dep_ in {"acl", "advcl"}):
            return "planned"  # "to meet X", "is to hold talks"
    top = chain[-1]
    if top.tag_ in {"VB", "VBP"} and top.dep_ == "ccomp" and not _has_aux(top) and _modal(top.head):
        return "planned"  # "Sunday will see A and B attend a conference": the tense is "will"
    if _imperative(trigger):
        return "planned"  # "Please come and visit Oslo with X"
    if trigger.tag_ == "VBG" and any(k.dep_ == "aux" and k.lower_ in {"is", "are", "am", "'s",
                                                                       "'re"}
                                      for k in trigger.children):
        return "planned"  # "is meeting Ms Furse on Thursday": an arrangement
    if trigger.tag_ in _PRESENT and not caption and _dated(trigger):
        return "planned"  # "Later, Trump meets with ... on Friday": a schedule, not a report
    if (trigger.tag_ == "VBG" and trigger.dep_ in {"acl", "advcl"} and not caption
            and not any(k.dep_ == "aux" for k in trigger.children) and _dated(trigger)
            and (finite := next((a for a in trigger.ancestors if a.pos_ in {"VERB", "AUX"}),
                                None)) is not None and finite.tag_ in _PRESENT):
        return "planned"  # "X is among the dissidents meeting Obama on Tuesday": the
        # present of a dated meeting is its schedule (but "X was among ...": a report)
    if trigger.sent.text.rstrip().rstrip("\"\u201d\u2019' ").endswith("?"):
        return "planned"  # a question, also inside quotation marks
    if trigger.pos_ in {"NOUN", "PROPN"}:
        return _noun_status(trigger, caption=caption)
    return "asserted"


CANCELLING = frozenset({"cancel", "scrap", "abandon", "scuttle", "scratch"})
CALLED_OFF = frozenset({"meeting", "talk", "talks", "summit", "visit", "trip", "call", "event",
                        "gathering", "conference", "forum"})


def _called_off_after(top: Token) -> bool:
    """ "Vidal was supposed to meet Kovac, but the meeting was cancelled": the plan named
    again as the subject of a cancelling verb in a clause joined to the trigger's (a
    postponed meeting is still to come)."""
    return any(c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and (
        c.lemma_.lower() in CANCELLING or (c.lemma_.lower() == "call" and any(
            k.lower_ == "off" for k in c.children))) and any(
        s.dep_ in {"nsubj", "nsubjpass"} and s.lemma_.lower() in CALLED_OFF
        for s in c.children) for c in top.children)


def _instead(trigger: Token) -> bool:
    """ "instead of talking with X", "rather than meet X": what was not done."""
    head = trigger.head
    if trigger.dep_ in {"pcomp", "pobj"} and head.lower_ == "of":
        return any(k.lower_ == "instead" for k in head.children) or head.head.lower_ == "instead"
    if trigger.dep_ in {"pcomp", "pobj", "advcl"} and head.lower_ == "than":
        return head.i > 0 and trigger.doc[head.i - 1].lower_ == "rather"
    if trigger.dep_ == "conj":  # "call A rather than meet B", parsed with "than" as the cc
        return any(k.dep_ == "cc" and k.lower_ == "than" and k.i > 0
                   and trigger.doc[k.i - 1].lower_ == "rather" for k in head.children)
    return False


def _subject_of_a_future(noun: Token) -> bool:
    """The meeting noun sits in the subject of a verb in the future tense, through "of" or
    "on" ("every detail of the meeting will be scrutinized", "the issue on the agenda of
    the talks will be the hotline"): what it says of the meeting is still to come."""
    t = noun
    for _ in range(4):
        if t.dep_ != "pobj" or t.head.lower_ not in {"of", "on"}:
            return False
        t = t.head.head
        if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ == "NOUN":
            verb = t.head
            return any(k.dep_ in {"aux", "auxpass"} and k.lower_ in {"will", "'ll", "’ll",
                                                                     "shall"}
                       for k in verb.children)
    return False


RAN = frozenset({"run", "last", "go", "drag", "stretch", "overrun", "end", "finish",
                 "conclude"})
"""What a meeting did as it was held: "was scheduled to last an hour but ran for two"."""


def _has_aux(verb: Token) -> bool:
    return any(k.dep_ in {"aux", "auxpass"} for k in verb.children)


def _arrived_for_summit(verb: Token, trigger: Token) -> bool:
    """ "arrived in France for the G7 summit", "travelled to Oslo for talks with X": who
    went somewhere for a meeting, told in the simple past, met there (but "has flown to
    Oslo for talks", "is heading there for talks" are still to come)."""
    return (verb.lemma_.lower() in MOTION_HEADS and verb.tag_ == "VBD"
            and not _modal(verb) and not _has_aux(verb)
            and (trigger.lemma_.lower() == "summit" or (
                trigger.dep_ == "pobj" and trigger.head.lower_ == "for"
                and trigger.head.head == verb)))


ERRANDS = frozenset({"trip", "visit", "journey", "mission"})
HOLDING = frozenset({"hold", "have", "begin", "start", "open", "resume", "attend", "join",
                     "conduct"})
"""Verbs of taking part in a meeting, as an errand's purpose: "arrived to begin talks with
X" (not "travelled there to lay the foundation for the summit": that is still to come)."""
DESTINED = frozenset({"to", "in", "at", "into", "for", "from", "on"})
JOURNEYS = MOTION_HEADS | {"land", "journey", "appear", "stop", "drop", "touch"}
"""Verbs of going somewhere, whose past tense with a meeting as purpose reports it held
("stopped in Paris to meet X", "appeared at the airport to greet X", "touched down in
Seoul to meet X")."""


def _held_on_errand(purpose: Token, trigger: Token) -> bool:
    """The meeting ``trigger`` was the purpose of a journey told in the past: the purpose
    is the meeting itself or taking part in it ("flew there to meet X", "arrived to begin
    talks"), and :func:`_past_errand` holds."""
    return (purpose is trigger or purpose.lemma_.lower() in HOLDING) and _past_errand(purpose)


def _past_errand(purpose: Token) -> bool:
    """ "flew to Pyongyang to meet Kim", "went to the Pentagon to talk to X", "made a secret
    trip to North Korea to meet Kim", "was on his second trip there to meet Kim": a journey
    told in the simple past (or past perfect), its purpose a meeting, which it reports as
    held, as "travelled to Oslo for talks with X" does (but "has flown to Oslo to meet X",
    "will fly ... to meet", "was to fly ... to meet" are still to come)."""
    verb = purpose.head
    if purpose.dep_ != "advcl" or not any(k.dep_ == "aux" and k.lower_ == "to"
                                          for k in purpose.children):
        return False
    if verb.tag_ != "VBD" and not (verb.tag_ == "VBN" and any(
            k.dep_ == "aux" and k.lower_ == "had" for k in verb.children)):
        return False
    if any(k.dep_ == "aux" and k.lower_ != "had" for k in verb.children) or \
            status_of(verb) != "asserted":  # ("If she flew there to meet X, ...")
        return False
    if any(t.lemma_.lower() in CANCELLING | NEG_HEADS for t in verb.sent):
        return False  # "had travelled there to meet X but was told the meeting was
        # cancelled", "flew to Oslo to meet X, who refused to see him"
    lemma = verb.lemma_.lower()
    return (lemma in JOURNEYS and any(  # a journey somewhere (not "went as far as to say")
        (c.dep_ == "prep" and c.lower_ in DESTINED) or (
            c.dep_ == "advmod" and c.lower_ in {"where", "there", "here", "home", "abroad"})
        for c in verb.children)) or (
        lemma in {"make", "take", "be"} and any(
            w.lemma_.lower() in ERRANDS for c in verb.children
            for w in (c, *(p for p in c.children if c.dep_ == "prep"))
            if c.dep_ in {"dobj", "prep"}))


def _imperative(verb: Token) -> bool:
    """A bare verb that heads its sentence with no subject and no auxiliary: a request."""
    head = verb
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    return (verb.pos_ == "VERB" and head.tag_ == "VB" and head.dep_ in {"ROOT", "ccomp"}
            and not any(k.dep_ in {"nsubjpass", "aux", "auxpass", "expl"} or (
                k.dep_ == "nsubj" and not _vocative(k)) for k in head.children))


def _vocative(subj: Token) -> bool:
    """ "Mexico, meet Donald Trump": a name set off by a comma before a bare verb is the
    one addressed, not the subject."""
    nxt = subj.doc[subj.i + 1] if subj.i + 1 < len(subj.doc) else None
    return subj.i < subj.head.i and nxt is not None and nxt.text == "," and nxt.i + 1 == subj.head.i


def _dated(verb: Token) -> bool:
    """A time phrase on the verb: a date ("Friday", "next week") or "later", "tomorrow"; not
    a year before the article's ("attends a ceremony with X in 2012": history)."""
    return not _past_year(verb) and any(c.ent_type_ in {"DATE", "TIME"} or c.lower_ in SOON
               or (c.dep_ == "prep" and any(g.ent_type_ in {"DATE", "TIME"} for g in c.children))
               for c in verb.children)


PUBLISHED_KEY = "dip_published"
"""The key of ``doc.user_data`` that holds the article's publication date (or None)."""


def _past_year(verb: Token) -> bool:
    """ "Castro attends a ceremony with X in 2012", "A and B hold a press conference March
    3, 2010": a year before the article's, or a whole date no later than its day, is history
    told in the present, as captions do, not a schedule.  So is a whole date with its year
    in an article of unknown date (a schedule names the day, not the year: "meets X on
    Friday")."""
    published = verb.doc.user_data.get(PUBLISHED_KEY)
    years = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
             for g in c.children if g.dep_ == "pobj"]
    if published is not None and len(years) == 1 and years[0].text.isdigit() and \
            len(years[0].text) == 4 and int(years[0].text) < published.year:
        return True
    dates = [*(c for c in verb.children if c.ent_type_ == "DATE"),
             *(g for c in verb.children if c.dep_ == "prep" for g in c.children
               if g.dep_ == "pobj" and g.ent_type_ == "DATE")]
    named = [int(t.text) for d in dates for t in d.subtree
             if t.ent_type_ == "DATE" and t.like_num and len(t.text) == 4 and t.text.isdigit()]
    if published is not None and named and any(
            (day := resolve_date(e.text, None)) is not None and day <= published
            for e in {e for d in dates for e in verb.doc.ents if e.start <= d.i < e.end}):
        return True  # "talks with X in Biarritz on Sunday, Aug. 25, 2019" in an article of
        # the 28th: a caption's whole date, on or before the day of publication
    if published is not None and not named and any(
            _recent_month_day(e.text, published)
            for e in {e for d in dates for e in verb.doc.ents if e.start <= d.i < e.end}):
        return True
    return bool(named) and any(t.ent_type_ == "DATE" and t.pos_ == "PROPN"
                               for d in dates for t in d.subtree) and (
        all(y < published.year for y in named) if published is not None
        else all(y > 1900 for y in named))


def _recent_month_day(phrase: str, published: dt.date) -> bool:
    """ "X speaks with Y on March 21" in an article of 22 March: a month and day without a
    year that even read forward, as a schedule's, falls before the article's day (in the
    week before it: :func:`kg.dates.resolve_date`) is history told in the present, as
    captions do, not a schedule."""
    ahead = resolve_date(phrase, published, future=True)
    return ahead is not None and ahead < published


DOUBTING = frozenset({"rethink", "reconsider", "jeopardize", "jeopardise", "derail",
                      "doubt", "question", "threaten", "salvage", "rescue", "scuttle",
                      "broaden", "expand", "negotiate", "request", "propose"})
"""Verbs whose object is a meeting still to come: "threatened to derail the summit", "were
negotiating a meeting between A and B"."""
SEEKING = frozenset({"look", "call", "push", "press", "ask", "seek", "hope", "wait",
                     "angle", "clamor", "clamour", "lobby", "appeal", "vie", "fight"})
"""Verbs whose "for" names a meeting wanted, not held: "pushing for talks with X"."""
READY = frozenset({"open", "ready", "available", "willing", "receptive", "hopeful", "eager",
                   "keen"})
"""Adjectives of a meeting one would take part in: "open to talks with X"."""


HELD_AT = frozenset({"meeting", "talk", "talks", "dinner", "lunch", "session", "conference",
                     "summit", "breakfast", "encounter", "discussion", "discussions"})
"""Meetings held at a larger one: "a meeting at the G20 summit"."""


def _noun_status(noun: Token, *, caption: bool) -> Status:
    """A meeting noun's own realis: the verb it is the subject of ("the summit will be held",
    "talks did not take place"), the verb its preposition hangs on ("was not on the call"),
    and prospective modifiers ("upcoming talks", "talks set for Friday", "ahead of talks")."""
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if (verb is not None and verb.tag_ == "VBG" and not caption and _dated(verb)
            and any(k.dep_ == "aux" and k.lower_ in {"is", "are", "'re", "'s"}
                    for k in verb.children)):
        return "planned"  # "A and B are sitting down Wednesday for two days of talks": an
        # arrangement, like "is meeting X on Thursday"
    head = noun.head
    if (noun.dep_ == "pobj" and head.lower_ in {"at", "during"} and head.head.pos_ == "NOUN"
            and head.head.lemma_.lower() in HELD_AT and head.head.dep_ in {"dobj", "nsubj",
                                                                          "nsubjpass"}):
        return status_of(head.head, caption=caption)  # "have scheduled a meeting at the G20
        # summit this week": the summit is as much to come as the meeting held at it
    if noun.dep_ == "conj" and shared_possessors(noun):
        return _noun_status(head, caption=caption)  # "Moon and Kim's meeting could lead to a
        # treaty", the noun parsed as a conjunct of "Moon": it stands where "Moon" stands
    if (noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN"
            and head.head.dep_ in {"nsubj", "nsubjpass"}
            and head.head.lower_ in {"round", "series", "rounds", "set", "day", "days"}):
        return _noun_status(head.head, caption=caption)  # "a new round of talks is set for"
    if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children) and any(
            c.dep_ == "compound" and c.text[:1].isupper()
            and any(k.text == "-" for k in c.children) for c in noun.children) and not (
            noun.dep_ == "dobj" and head.lemma_.lower() in {"hold", "have", "attend"}):
        return "planned"  # "supportive of a Trump-Kim summit": one that may come, not the one
        # (but "held a three-way summit", "had a Trump-Kim meeting" report one)
    if (noun.dep_ == "pobj" and head.lower_ == "of"
            and head.head.lower_ in {"eve", "run-up", "lead-up", "runup", "leadup"}):
        return "planned"  # "on the eve of his meeting with Putin"
    if _subject_of_a_future(noun):
        return "planned"  # "every detail of the Trump-Putin meeting will be scrutinized"
    if noun.dep_ == "pobj" and head.lower_ in {"for", "to"} and (
            head.head.lower_ in READY or any(c.dep_ == "acomp" and c.lower_ in READY
                                              for c in head.head.children)):
        return "planned"  # "remains open for direct talks with Iran" ("for" on either word)
    if noun.dep_ == "dobj" and head.lemma_.lower() in DOUBTING:
        return "planned"  # "a reason to rethink the Trump-Kim summit": one still to come
    if (noun.dep_ == "pobj" and head.lower_ == "for"
            and head.head.lemma_.lower() in SEEKING):
        return "planned"  # "is looking for a summit with Putin", "called for talks"
    if (noun.dep_ == "pobj" and head.lower_ == "for"
            and head.head.lemma_.lower() in HYPOTHETICAL | {"opportunity", "need", "room"}):
        return "planned"  # "a real opportunity for negotiations between Kim and Trump"
    if (noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in BEGINNING
            and _topic_of_talk(head.head)):
        return "planned"  # "talked about the start of negotiations between A and B"
    if (noun.dep_ == "pobj" and head.lower_ in {"about", "on", "over"}
            and head.head.lemma_.lower() in PROSPECT_TOPICS):
        return "planned"  # "optimism about his summit", "to strategize on the summit"
    if any(c.dep_ == "det" and c.lower_ == "any" and not _hardly(c) for c in noun.children):
        return "planned"  # "before any summit with Kim": whichever may come
    if noun.dep_ in {"nsubj", "nsubjpass"} and head.pos_ in {"VERB", "AUX"}:
        if _negated(head):
            return "negated"
        if any(c.dep_ == "conj" and c.tag_ == "VBD" and c.lemma_.lower() in RAN and not _negated(c)
               and not any(k.dep_ in {"nsubj", "nsubjpass"} for k in c.children)
               for c in head.children) and any(
                c.dep_ == "cc" and c.lower_ == "but" for c in head.children):
            return "asserted"  # "the meeting was scheduled to last an hour but ran for
            # two": what it did says it was held
        if any(k.dep_ == "aux" and k.lower_ == "to" for k in head.children):
            return "planned"  # "conditions for the Trump-Kim meeting to occur"
        if _modal(head) or (head.lemma_.lower() in SUBJECT_PLAN_HEADS and not (
                head.lemma_.lower() == "come" and head.tag_ == "VBD")) or any(
                k.dep_ == "mark" and k.lower_ in IF for k in head.children):
            return "planned"  # "if the summit happens", "the summit is coming" (but "his
            # meeting with X came a week after the vote": held)
        if head.tag_ in _PRESENT and _dated(head) and not any(
                k.dep_ == "advmod" and k.lower_ == "already" for k in head.children):
            return "planned"  # "the summit takes place Friday" (but "the summit on Monday is
            # already one of the most notorious moments": a judgement of one held)
        if any(k.dep_ in {"acomp", "oprd"} and k.lower_ in UNREAL for k in head.children) or any(
                k.dep_ == "prep" and k.lower_ == "in" and any(
                    g.lower_ in {"works", "pipeline", "offing"} for g in k.children)
                for k in head.children):
            return "planned"  # "a meeting seemed impossible", "a summit is in the works"
        if any(k.lower_ == "away" and k.dep_ in {"advmod", "acomp", "prt"}
               for k in head.children):
            return "planned"  # "his summit with Kim is just days away"
        if any(k.dep_ == "prep" and (k.lower_, g.lower_) in JEOPARDY
               for k in head.children for g in k.children):
            return "planned"  # "whether the summit is in jeopardy": not held yet
    if (noun.dep_ == "dobj" and head.pos_ == "VERB" and head.tag_ in _PRESENT
            and not caption and _dated(head)):
        return "planned"  # "Trump and Kim begin their second summit on Wednesday"
    if (noun.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in {
            "skip", "bail"} and any(c.dep_ == "prt" and c.lower_ == "out"
                                    for c in head.head.children)):
        return "negated"  # "will skip out on G7 meetings about climate change"
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
        verb = head.head
        if any(k.dep_ == "mark" and k.lower_ in IF for k in verb.children):
            return "planned"  # "unless Madrid consented after bilateral talks with London"
        if (_negated(verb) and head.lower_ in {"on", "in", "at", "to", "for"}
                and verb.lemma_.lower() in PARTICIPATE):
            return "negated"  # "was not on the call", "did not take part in the talks"
        if head.lower_ == "during" and any(_modal(v) for v in _xcomp_chain(verb)):
            return "planned"  # "will try to convince B to allow inspections during their
            # meeting" (not "seemed to agree with her during their meeting")
        if (head.lower_ in {"with", "in", "at"} and verb.pos_ == "VERB"
                and (verb.lemma_.lower() not in {"meet", "talk", "speak"} or head.lower_ == "at")
                and status_of(verb, caption=caption) == "planned"):
            return "planned"  # "hoped to follow up with a meeting", "to engage in talks",
            # "is scheduled to meet X at the G20 summit" (attending it is as planned)
        if _modal(verb) and head.lower_ in {"at", "in", "during", "with", "for", "before"}:
            return "planned"  # "will face resistance at a meeting with X" (not "after": "X
            # could be behind the fire, after a call with Y", the parser's attachment)
        if head.lower_ == "with" and verb.tag_ in _PRESENT and not caption and _dated(verb):
            return "planned"  # "He ends the day with a dinner with X": a schedule

    if (noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "NOUN"
            and head.head.dep_ in {"dobj", "attr"} and head.head.head.pos_ == "VERB"
            and status_of(head.head.head, caption=caption) == "planned"):
        return "planned"  # "are due to have some time alone at the summit"
    if any(c.dep_ in {"amod", "compound"} and c.lower_ in CANCELLED for c in noun.children):
        return "negated"  # "a cancelled summit"
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children) or any(
            c.dep_ in {"amod", "det"} and c.lower_ == "any" and _hardly(c)
            for c in noun.children):
        return "negated"  # "held no talks", "held hardly any conversations"
    if (noun.dep_ == "dobj" and head.lemma_.lower() in RESTART and head.tag_ != "VBD") or any(
            c.dep_ == "amod" and c.tag_ == "VBG" and c.lemma_.lower() in RESTART
            for c in noun.children):
        return "planned"  # "discussions on restarting peace talks between A and B"
    if _expected_above(noun):
        return "planned"  # "Iran was expected to be high on the agenda of A's talks with B"
    if _prospective_noun(noun) or (_soon(noun) and not _simple_past_above(noun)):
        return "planned"  # (but "pressed him during a meeting later in the afternoon": the
        # later hour of a day told in the past)
    if _scheduled_fragment(noun):
        return "planned"
    return "asserted"


BEGINNING = frozenset({"start", "resumption", "launch", "beginning", "opening", "restart",
                       "revival", "resume"})
"""Nouns of a meeting's beginning: "the start of negotiations" spoken of is still to come."""
TALKING = frozenset({"talk", "speak", "discuss", "agree", "push", "call", "press", "hope",
                     "consider", "propose", "seek", "urge", "welcome", "announce"})


def _topic_of_talk(noun: Token) -> bool:
    """Whether a noun (or the first of its conjuncts) is what people talk of or press for:
    "discussed the resumption of talks", "talked about the steps and the start of ...";
    not "since the start of talks in 2018"."""
    while noun.dep_ == "conj" and noun.head != noun:
        noun = noun.head
    if noun.pos_ == "VERB":  # "talked about the steps and the start of ...", the second
        return noun.lemma_.lower() in TALKING  # object hung on the verb as a conjunct
    if noun.dep_ == "dobj":
        return noun.head.lemma_.lower() in TALKING
    return (noun.dep_ == "pobj" and noun.head.lower_ in {"about", "on", "over", "for"}
            and noun.head.head.lemma_.lower() in TALKING)


def _scheduled_fragment(noun: Token) -> bool:
    """ "A new round of talks between A and B to end the dispute is set for Friday", parsed as
    a noun phrase with "is set for" buried in its clause: a sentence whose root is a noun (a
    subject the parser could not attach) and that says it is set, scheduled or due."""
    root = noun.sent.root
    return root.pos_ == "NOUN" and noun in root.subtree and any(
        t.tag_ == "VBN" and t.lower_ in SCHEDULED and any(
            a.dep_ in {"aux", "auxpass"} and a.lower_ in {"is", "are"} for a in t.children)
        for t in noun.sent if t.i > noun.i)


JEOPARDY = frozenset({("in", "jeopardy"), ("in", "doubt"), ("in", "limbo"), ("at", "risk"),
                      ("in", "question")})
RESTART = frozenset({"restart", "resume", "revive", "relaunch", "reopen", "reconvene"})
"""Verbs that bring back talks not held now: planned unless in the past tense."""


def _hardly(any_word: Token) -> bool:
    """ "hardly any", "barely any": as good as none."""
    return any(k.lower_ in {"hardly", "barely", "scarcely"} for k in any_word.children)


def _expected_above(noun: Token) -> bool:
    """The meeting noun hangs, through prepositions and nouns, on a clause that "is
    expected" or "is set" to be ("was expected to be high on the agenda of the talks")."""
    t = noun
    for _ in range(6):
        if t.dep_ not in {"pobj", "prep", "attr", "acomp", "npadvmod"} and not (
                t.pos_ == "NOUN" and t.dep_ in {"pobj", "dobj"}):
            break
        t = t.head
        if t.lemma_ == "be" and t.dep_ == "xcomp" and t.head.lemma_.lower() in SCHEDULED | {
                "expect", "schedule", "set", "slate"} and any(
                k.dep_ == "auxpass" for k in t.head.children):
            return True
    return False


def _past_or_perfect(verb: Token) -> bool:
    """A clause in the simple past or a perfect, with no modal: "she met X", "they have
    been engaged in talks", "had met"."""
    return not _modal(verb) and (verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        k.dep_ in {"aux", "auxpass"} and k.lemma_ == "have" for k in verb.children)))


def _simple_past_above(noun: Token) -> bool:
    """Whether the nearest verb above a noun is a simple past with no modal ("pressed")."""
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and verb.tag_ == "VBD" and not _modal(verb)


def _soon(noun: Token) -> bool:
    """ "the Trump-Xi talks at G-20 later this week": a date of the noun's own that lies
    ahead."""
    doc = noun.doc
    after = doc[noun.right_edge.i + 1:noun.right_edge.i + 4]
    near = [t for t in noun.subtree if noun in {t.head, t.head.head, t.head.head.head}]
    return any(t.ent_type_ in {"DATE", "TIME"} and t.lower_ in SOON | {"coming", "upcoming"}
               for t in (*near, *after))  # not "the meeting after cuts due by next year"


def _xcomp_chain(verb: Token) -> list[Token]:
    """The verb and those it is the open complement of ("will try to convince B to allow")."""
    out = [verb]
    while out[-1].dep_ == "xcomp" and out[-1].head != out[-1] and len(out) < 4:
        out.append(out[-1].head)
    return out


TELLING = frozenset({"tell", "assure", "inform", "warn", "promise", "say"})


def _what_was_told(noun: Token, clause: Token) -> bool:
    """ "told B in a telephone call that Russia would help": the "that" clause is what was
    told, though the parser hung it on the call as a relative clause (a verb of telling
    with no complement of its own)."""
    prep = noun.head
    if not (noun.dep_ == "pobj" and prep.dep_ == "prep"
            and prep.lower_ in {"in", "during", "over", "at"}):
        return False  # (not "told reporters about a summit that would take place")
    verb = prep.head
    return verb.lemma_.lower() in TELLING and clause.i > noun.i and \
        clause.left_edge.lower_ == "that" and clause.right_edge == noun.right_edge and not any(
            c.dep_ in {"ccomp", "xcomp"} for c in verb.children)


def _prospective_noun(noun: Token) -> bool:
    """ "a summit between X and Y to take place", "pushed toward a summit", "ahead of talks
    with X", "upcoming talks", "talks set for Friday": not held yet."""
    for c in noun.children:
        if c.dep_ in {"acl", "relcl"} and any(
                k.dep_ == "aux" and (k.lower_ == "to" or k.lower_ in MODALS) for k in c.children
        ) and not any(k.dep_ == "mark" and k.lower_ == "that" for k in c.children) and not (
                _what_was_told(noun, c)):
            return True  # (a "that" the parser marks a conjunction starts what was said, hung
            # on the noun by mistake: "told B at a dinner that he would quit")
        if c.dep_ == "acl" and c.lower_ in SCHEDULED:
            return True
        if c.dep_ in {"amod", "compound"} and c.lower_ in PROSPECTIVE - {"second", "next"}:
            return True
    if (noun.dep_ == "dobj" and noun.head.dep_ == "pcomp" and noun.head.head.lower_ == "of"
            and noun.head.head.head.lemma_.lower() in HYPOTHETICAL):
        return True  # "his offer of holding talks with X", "the idea of having dinner"
    t = noun
    while t.dep_ == "pobj" and t.head.dep_ == "prep":
        if t.head.lower_ == "of" and t.head.head.lemma_.lower() in HYPOTHETICAL:
            return True  # "the possibility of a summit between X and Y"
        if t.head.lower_ in {"toward", "towards", "ahead"} or (
                t.head.lower_ == "of" and t.head.head.lower_ == "ahead"):
            return True
        if t.head.lower_ == "before" and any(c.lower_ in {"a", "an"} for c in t.children) \
                and any(c.dep_ in {"npadvmod", "compound"} and c.ent_type_ == "DATE"
                        and c.lower_ in _WEEKDAYS for c in t.children):
            return True  # "embarked on a trip before a summit Monday with X": the summit
            # comes after the trip ("before Monday's summit" may lie in the past)
        if t.head.lower_ == "for" and any(
                w.lemma_.lower() in PREPARING
                for w in (t.head.head, *t.head.head.children, *t.head.head.head.children,
                          *(g for c in t.head.head.children if c.dep_ == "prep"
                            for g in c.children))):
            return True  # "planning moved ahead for the summit", "preparations for talks",
            # "talks in preparation for a meeting" (the "for" hung on "talks")
        if t.head.lower_ == "on" and t.head.head.lemma_.lower() == "work" and any(
                c.lower_ in {"a", "an"} for c in t.children):
            return True  # "officials are working on a meeting between X and Y" (not
            # "worked on the issue at the meeting")
        t = t.head.head
    return False
