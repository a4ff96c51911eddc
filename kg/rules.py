"""Our spaCy components: entity fixes before NER and event-trigger matchers after the parse.

``dip_entities`` runs before ``ner``: it marks post titles ("Secretary of State") so the
statistical NER cannot read "State" as an organisation, and pins the label of armed groups
and international bodies that the small model often mislabels.  ``dip_triggers`` runs last:
it finds the words that introduce meetings, statements, agreements and attacks and stores
them in ``doc.spans["dip_triggers"]``, each labelled ``MEET``, ``SAY``, ``SIGN`` or
``ATTACK``.  ``kg.extract`` reads the arguments of each trigger from the dependency parse.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

import numpy
from spacy.attrs import DEP, ENT_IOB, IS_TITLE, LEMMA, LOWER, ORTH, POS
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from kg import gazetteer

TRIGGERS_KEY = "dip_triggers"
TITLES_KEY = "dip_titles"

MEET_VERBS = ("meet", "met", "meets", "meeting", "dine", "dined", "dines", "dining")
TALK_VERBS = ("talk", "confer", "negotiate", "parley", "huddle", "golf", "lunch", "gather",
              "chat")
VISIT_VERBS = ("visit", "host", "receive", "welcome", "greet", "hug", "escort", "join",
               "accompany", "flank")
CO_PRESENCE = ("tour", "inspect", "stroll", "walk", "toast", "lay", "plant", "unveil")
"""Acts two people do side by side ("A and B toured the factory", "laid a wreath",
"inspected an honour guard"): a meeting when the two are leaders of different countries
(:mod:`kg.meetings` decides that; a wreath is the only thing laid)."""
CONTACT_VERBS = ("speak", "shake", "call", "sit", "discuss", "phone", "telephone", "ring",
                 "bring", "raise", "pose", "play", "brief", "spend", "stand", "appear",
                 "exchange", "consult", "embrace", *CO_PRESENCE)
"""Meeting verbs only with the right dependent: "spoke with/to X", "shook hands with X",
"called X" (a person, with no complement: "called X a liar" is no call), "sat down with X",
"discussed the issue (by phone) with X", "A and B discussed trade", "told X at the border
post" (a place: said face to face), "brought together X and Y", "raised concerns with X",
"posed with X", "played host to X", "played golf with X" (or "A and B played golf"),
"briefed X" (a named person), "exchanged views with X", "consulted X", "embraced X" (a
named person), "spent 20 minutes on the phone with X" (a time spent with a
named person), "standing alongside X", "appeared beside X", "stood next to X" (a named
person: a joint appearance; "stood with Israel" is support).  "tell" is a ``SAY`` verb
too, and listed there."""
CEREMONY_NOUNS = ("ceremony", "ceremonies")
"""A ceremony is a meeting of those it is held with: "at a ceremony with Xi", "takes part in a
welcoming ceremony with X" (a person named as the "with")."""
JOINT_NOUNS = ("appearance", "appearances")
"""Nouns that are a meeting when joint: "during a joint appearance with X"; "his appearance
with X on Fox News" is a broadcast."""
EXCHANGES = frozenset({"views", "greetings", "pleasantries", "ideas", "opinions", "gifts",
                       "handshakes", "toasts"})
"""What two people exchange face to face or on the phone: "exchanged views with X"."""
RAISED = frozenset({"concern", "concerns", "issue", "issues", "matter", "question", "questions",
                    "objection", "objections", "case", "worries", "subject", "topic"})
"""What one raises with a person to their face ("raised the issue with Putin")."""
MEET_NOUNS = ("meeting", "meetings", "talks", "summit", "negotiations", "discussions",
              "conference", "call", "calls", "conversation", "conversations", "lunch", "luncheon",
              "dinner", "breakfast", "address", "consultations", "visit", "audience",
              "encounter", "summits", "handshake", "chat", "chats", "bilateral", "bilaterals",
              "videoconference", "videoconferences", "tea")
TABLE_NOUNS = frozenset({"lunch", "luncheon", "dinner", "breakfast", "tea"})
"""Meals one person gives for another: "Trump's state dinner for President Xi"."""
EVENT_NOUNS = frozenset({"meeting", "talk", "talks", "summit", "call", "conversation",
                         "encounter", "conference", "dinner", "lunch", "luncheon",
                         "breakfast"})
"""Meeting nouns that name a meeting even without a "with" ("after the meeting, A and B
said", "the G7 summit")."""
SEATS = frozenset({"house", "kremlin", "pentagon", "street", "department", "office", "palace",
                   "hall", "tower"})
"""Last words of seats of government: "a White House meeting" is no meeting with a body."""
BODY_WORDS = frozenset({"group", "union", "nations", "council", "league", "alliance", "forum",
                        "commonwealth", "organisation", "organization"})
BODY_DEPS = frozenset({"compound", "nmod", "poss", "amod"})
OPENING_NOUNS = frozenset({"talks", "negotiations", "discussions", "consultations"})
"""Meeting nouns that may open a sentence with a capital ("Talks between X and Y ...");
other capitalised nouns are names ("Breakfast with Frost" is a programme)."""
ADJUNCT_PREPS = frozenset({"after", "following", "during", "at", "before", "in"})
LIGHT_VERBS = ("hold", "have", "conduct", "begin", "open", "start", "resume", "attend",
               "address", "tell", "chair", "join", "convene", "lead", "eat", "share", "make",
               "place", "finish", "end", "conclude", "wrap", "complete", "pay", "give")
"""Verbs whose subject takes part in the meeting they govern ("held talks", "told a meeting")."""
STRETCHES = frozenset({"day", "hour", "week", "month", "round", "series", "session"})
"""Nouns that measure out talks: "two days of talks with X", "a round of talks with X"."""
RETURNS = frozenset({"emerge", "return"})
"""Verbs of coming out of a meeting one was at: "A and B emerged from the talks"."""
SAY_LEMMAS = ("say", "tell", "add", "warn", "argue", "insist", "claim", "deny", "announce",
              "urge", "accuse", "reveal", "admit", "state", "tweet", "write", "explain",
              "stress", "declare", "note", "confirm", "acknowledge", "suggest", "testify",
              "reply")
SIGN_VERBS = ("sign", "conclude", "reach", "strike", "seal", "ink", "agree")
AGREEMENT_NOUNS = ("agreement", "deal", "accord", "treaty", "pact", "memorandum", "ceasefire",
                   "truce", "protocol", "convention", "contract")
ATTACK_NOUNS = ("attack", "attacks", "bombing", "bombings", "bomb", "bombs", "bomber",
                "bombers", "shooting", "blast", "explosion", "strike",
                "strikes", "airstrike", "airstrikes", "shelling", "ambush", "assault",
                "massacre", "raid")
ATTACK_VERBS = ("attack", "bomb", "shell", "ambush", "storm", "raid")

# Words for a role: a phrase is a post title only when one of them is its head.
ROLE_NOUNS = frozenset({
    "minister", "secretary", "president", "premier", "chancellor", "leader", "chief", "head",
    "deputy", "spokesman", "spokesperson", "spokeswoman", "envoy", "ambassador", "diplomat",
    "adviser", "advisor", "director", "chairman", "chairwoman", "chair", "governor", "mayor",
    "king", "queen", "prince", "princess", "emir", "emperor", "monarch", "sultan", "general",
    "commander", "officer", "official", "negotiator", "representative", "correspondent",
    "editor", "founder", "owner", "member", "senator", "congressman", "congresswoman",
    "lawmaker", "mp", "mep", "qc", "professor", "judge", "ceo", "executive", "businessman",
    "businessmen", "businesswoman", "analyst", "economist", "coordinator", "commissioner",
    "delegate", "mediator", "counsel", "attorney", "speaker", "whip", "candidate", "nominee",
    "consul", "chargé", "ayatollah", "cleric", "vice-president", "vice", "chancellor-elect",
    "president-elect", "prime", "secretary-general", "negotiators", "representatives",
    "inspector", "rapporteur", "administrator", "superintendent", "marshal", "lieutenant",
    "captain", "colonel", "admiral", "general-secretary", "chairperson", "treasurer",
    "governor-general", "ex-foreign", "viceroy", "premier-elect", "dean", "provost", "rector",
    "pastor", "bishop", "archbishop", "cardinal",
})

# Titles that contain a word the NER would otherwise tag ("State", "Defence", "Commons").
TITLE_PHRASES = (
    "Secretary of State", "Secretary-of-State", "Secretary of Defense", "Secretary of Defence",
    "Minister of State", "Head of State", "Secretary of the Treasury", "Secretary of Energy",
    "Secretary of Homeland Security", "Secretary of Commerce", "Secretary of the Interior",
    "Secretary of Health", "Secretary of Agriculture", "Secretary of the Navy",
    "Secretary of the Army", "Chief of Staff", "Speaker of the House", "Leader of the House",
    "Secretary of State for Foreign Affairs", "Foreign Secretary", "Home Secretary",
    "Defence Secretary", "Defense Secretary", "Chancellor of the Exchequer", "Prime Minister",
    "Deputy Prime Minister", "Foreign Minister", "Defence Minister", "Defense Minister",
    "First Minister", "Attorney General", "Secretary General", "Secretary-General",
    "Home Office Minister", "Interior Minister", "Finance Minister", "Vice President",
    "Vice-President", "Supreme Leader", "Crown Prince",
    # a department's name before "Secretary"/"Minister" is part of the title, never a body
    *(f"{dept} {post}" for dept in (
        "Energy", "Homeland Security", "Treasury", "Commerce", "Interior", "Health",
        "Agriculture", "Education", "Labor", "Labour", "Transportation", "Transport",
        "Veterans Affairs", "Navy", "Army", "Air Force", "Trade", "Economy", "Justice",
        "Environment", "Culture", "Brexit", "Business", "Industry", "Oil", "Petroleum",
        "Information", "Intelligence", "Security", "Economic", "Culture", "Communications")
      for post in ("Secretary", "Minister")),
    # long forms: "Minister of Defence Jo Park"
    *(f"{post} {prep} {dept}" for dept in (
        "Defence", "Defense", "Foreign Affairs", "Finance", "the Interior", "Interior",
        "Justice", "Trade", "Health", "Economy", "Energy", "Agriculture", "Education",
        "Home Affairs", "External Affairs", "Foreign Trade", "National Defence",
        "National Defense", "Public Security", "Industry", "Information")
      for post in ("Minister", "Secretary") for prep in ("of", "for")),
)

# Bodies the small model often tags NORP or leaves out.
ORG_NAMES = (
    "Taliban", "Hamas", "Hezbollah", "Hizbollah", "al-Qaeda", "al Qaeda",
    "Al Qaeda", "Al-Qaeda", "Islamic State", "ISIS", "ISIL", "Daesh", "Islamic Jihad",
    "Fatah", "Houthis", "Houthi rebels", "NATO", "Nato", "European Union", "EU",
    "United Nations", "UN", "U.N.", "IMF", "World Bank", "WTO", "OPEC", "Opec", "G7", "G8",
    "G20", "G-7", "G-8", "G-20", "African Union", "Arab League", "ASEAN", "Kremlin",
    "Pentagon", "State Department", "US State Department", "Foreign Office", "White House",
    "Downing Street",
)


def _title_patterns() -> list[dict[str, Any]]:
    """Phrase patterns (matched on lower-case text by a PhraseMatcher: cheap)."""
    return [{"label": "TITLE", "pattern": phrase} for phrase in TITLE_PHRASES]


def _org_patterns() -> list[dict[str, Any]]:
    """Names as phrases; short all-capital acronyms ("UN", "EU") as exact-case token
    patterns, so "un" or "eu" in running text never match."""
    out: list[dict[str, Any]] = []
    for name in ORG_NAMES:
        if name.isupper() and len(name.replace(".", "")) <= 4:
            out.append({"label": "ORG", "pattern": [{"ORTH": name}]})
        else:
            out.append({"label": "ORG", "pattern": name})
    return out


@Language.factory("dip_entities", default_config={"overwrite_ents": True})
def make_dip_entities(nlp: Language, name: str, *, overwrite_ents: bool) -> EntityRuler:
    """An entity ruler with our post titles (label ``TITLE``) and armed groups/bodies (``ORG``).

    Put it before ``ner``: the statistical model keeps preset entities, so "State" in
    "Secretary of State" is never read as an organisation.  ``kg.extract`` moves ``TITLE``
    spans out of ``doc.ents``.
    """
    ruler = EntityRuler(nlp, name, overwrite_ents=overwrite_ents, phrase_matcher_attr="LOWER")
    ruler.add_patterns(_title_patterns() + _org_patterns())
    return ruler


MEET_PREPS = frozenset({"with", "between", "to", "among", "amongst"})


class TriggerMatcher:
    """Finds event words and stores them in ``doc.spans``; each rule is an anchor word and,
    for some, one of its direct dependents:

    ``MEET``
        "X met (with) Y", "X and Y met", tweets' subject-less "Met with" (a form of *meet*
        tagged VERB, AUX or PROPN); a talk or visit verb ("talked", "visited", "hosted");
        a lower-case meeting noun that is the direct object of a light verb ("held
        talks"); a lower-case meeting noun with a *with*/*between*/*to* preposition ("a
        meeting with Y", "X's visit to Y").  Lower case only: "Breakfast with Frost" is a
        programme, not a breakfast.
    ``SAY``
        a speech verb with a nominal subject.
    ``SIGN``
        a signing verb whose direct object is an agreement noun ("signed a treaty").
    ``ATTACK``
        an attack noun, or an attack verb.

    Candidates are picked by a vectorised look-up of every token's lower-case form and
    lemma; only those few are checked in Python, so the component costs a small fraction of
    the parse (a :class:`~spacy.matcher.DependencyMatcher` with the same rules cost several
    times more; ``tests/test_rules.py`` checks the two agree on real articles).
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        strings = nlp.vocab.strings
        self._lower = numpy.array(sorted({strings.add(w) for w in (
            *MEET_VERBS, *MEET_NOUNS, *JOINT_NOUNS, *CEREMONY_NOUNS, *ATTACK_NOUNS)}),
            dtype="uint64")
        self._lemma = numpy.array(sorted({strings.add(w) for w in (
            *TALK_VERBS, *VISIT_VERBS, *CONTACT_VERBS, *SAY_LEMMAS, *SIGN_VERBS,
            *ATTACK_VERBS)}),
            dtype="uint64")

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        if len(doc):
            arr = doc.to_array([LOWER, LEMMA])
            hits = numpy.isin(arr[:, 0], self._lower) | numpy.isin(arr[:, 1], self._lemma)
            for i in numpy.flatnonzero(hits).tolist():
                for label in sorted(_labels(doc[i])):
                    found.append(Span(doc, i, i + 1, label=label))
        doc.spans[TRIGGERS_KEY] = found
        return doc


_MEET_VERBS = frozenset(MEET_VERBS)
_MEET_LEMMAS = frozenset(TALK_VERBS + VISIT_VERBS)
_MEET_NOUNS = frozenset(MEET_NOUNS)
_LIGHT_VERBS = frozenset(LIGHT_VERBS)
_SAY = frozenset(SAY_LEMMAS)
_SIGN = frozenset(SIGN_VERBS)
_AGREEMENTS = frozenset(AGREEMENT_NOUNS)
_ATTACK_NOUNS = frozenset(ATTACK_NOUNS)
_ATTACK_VERBS = frozenset(ATTACK_VERBS)


def _labels(tok: Token) -> set[str]:
    """The trigger labels of one candidate token (see :class:`TriggerMatcher`)."""
    lower, lemma, pos = tok.lower_, tok.lemma_, tok.pos_
    out: set[str] = set()
    # "Talks between X and Y ended": a capital only as the sentence's first word
    opening = tok.is_sent_start and tok.is_title and lower in OPENING_NOUNS
    if ((lower in _MEET_VERBS and pos in {"VERB", "AUX", "PROPN"})
            or (lemma in _MEET_LEMMAS and pos == "VERB")
            or (pos == "VERB" and _contact(tok))
            or (lower in _MEET_NOUNS and tok.is_lower
                and tok.dep_ == "dobj" and tok.head.i != tok.i
                and tok.head.lemma_ in _LIGHT_VERBS)
            or (lower in _MEET_NOUNS and (tok.is_lower or opening)
                and pos in {"NOUN", "PROPN"} and any(
                    c.dep_ == "prep" and c.lower_ in MEET_PREPS for c in tok.children))
            or (lower in _MEET_NOUNS and tok.is_lower and pos == "NOUN" and any(
                c.dep_ == "relcl" and c.lemma_ in {"have", "hold"} and any(
                    k.dep_ == "prep" and k.lower_ == "with" for k in c.children)
                for c in tok.children))  # "the meeting Trump had with Lavrov"
            or (lower in _MEET_NOUNS and tok.is_lower and pos == "NOUN" and any(
                addressed_in(tok, c) for c in tok.children))  # "a call in which A asked B"
            or (lower == "meeting" and tok.is_sent_start and tok.is_title
                and tok.dep_ == "advcl" and any(  # "Meeting with X, Y signed ...": the
                    c.dep_ == "prep" and c.lower_ == "with" for c in tok.children))  # participle
            or (lower in _MEET_NOUNS and tok.is_lower and pos == "NOUN"
                and _held_between(tok))
            or (lower in _MEET_NOUNS and tok.is_lower and pos == "NOUN"
                and tok.dep_ == "nsubjpass" and tok.head.lemma_ == "attend" and any(
                    c.dep_ == "agent" for c in tok.head.children))  # "the meeting was
            # attended by A and B"
            or (lower in _MEET_NOUNS and tok.is_lower and pos == "NOUN"
                and lemma in EVENT_NOUNS and tok.dep_ == "nsubj" and tok.head.tag_ == "VBD"
                and any(  # "but their meeting Wednesday failed" (a past verb: not "their
                    c.dep_ == "poss" and c.lower_ == "their"  # meeting takes place amid
                    for c in tok.children))  # unease", of a meeting to come)
            or (lower in _MEET_NOUNS and tok.is_lower and pos == "NOUN"
                and bool(call_from(tok)))  # "received a phone call from X"
            or (lower in _MEET_NOUNS and tok.is_lower and pos == "NOUN"
                and bool(included_people(tok)))  # "a meeting that included A and B"
            or (lower in TABLE_NOUNS and pos == "NOUN" and tok.is_lower and any(
                c.dep_ == "poss" and c.ent_type_ == "PERSON" for c in tok.children) and any(
                c.dep_ == "prep" and c.lower_ == "for" and any(
                    p.dep_ == "pobj" and p.ent_type_ == "PERSON" for p in c.children)
                for c in tok.children))  # "Trump's dinner for President Xi"
            or (lower in _MEET_NOUNS and tok.is_lower and pos == "NOUN"
                and bool(ordinal_between(tok)))  # "the meeting is the second between A and B"
            or (lower in _MEET_NOUNS and pos == "NOUN" and tok.is_lower
                and lemma in EVENT_NOUNS and _named_event(tok))
            or (lower in _MEET_NOUNS and pos == "NOUN" and tok.is_lower and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(
                    p.dep_ == "pobj" and p.ent_type_ == "PERSON" and any(
                        k.dep_ == "conj" for k in p.children) for p in c.children)
                for c in tok.children))  # "the meeting of A, B and C"
            or (lower in _MEET_NOUNS and pos == "NOUN" and tok.is_lower and any(
                c.dep_ == "compound" and any(k.dep_ == "punct" and k.text == "-"
                                             for k in c.children) for c in tok.children))
            or (lower in CEREMONY_NOUNS and pos == "NOUN" and any(
                c.dep_ == "prep" and c.lower_ == "with" and any(
                    p.dep_ == "pobj" and p.ent_type_ == "PERSON" for p in c.children)
                for c in tok.children))
            or (lower in JOINT_NOUNS and pos == "NOUN" and any(
                c.dep_ == "amod" and c.lower_ == "joint" for c in tok.children) and any(
                c.dep_ == "prep" and c.lower_ == "with" for c in tok.children))):
        out.add("MEET")
    if pos == "VERB":
        if lemma in _SAY and any(c.dep_ == "nsubj" for c in tok.children):
            out.add("SAY")
        if lemma in _SIGN and any(c.dep_ == "dobj" and c.lemma_ in _AGREEMENTS
                                  for c in tok.children):
            out.add("SIGN")
    if (lower in _ATTACK_NOUNS and pos == "NOUN") or (lemma in _ATTACK_VERBS and pos == "VERB"):
        out.add("ATTACK")
    return out


HELD_VERBS = frozenset({"hold", "host", "convene", "organize", "organise", "arrange"})
OCCUR_VERBS = frozenset({"occur", "happen"})
"""Verbs a meeting is the subject of, whose "with" lists all its sides."""


def held_verb(noun: Token) -> Token | None:
    """The verb that holds a meeting noun and carries its sides: "the meeting held at the
    tower between A and B", "a meeting was held in Oslo between A and B"."""
    if noun.dep_ == "nsubjpass" and noun.head.lemma_ in HELD_VERBS:
        return noun.head
    if noun.dep_ == "nsubj" and noun.head.lemma_ in OCCUR_VERBS:
        return noun.head  # "the meeting occurred in the Oval Office with A, B and C"
    return next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                 and c.lemma_ in HELD_VERBS), None)


RECEIVES = frozenset({"receive", "get", "take"})


def call_from(noun: Token) -> list[Token]:
    """ "Tillerson received a phone call on Friday from John Kelly": the caller, on the noun
    or on the verb that receives it."""
    if noun.lemma_ != "call" or noun.dep_ != "dobj" or noun.head.lemma_ not in RECEIVES:
        return []
    return [p for h in (noun, noun.head) for prep in h.children
            if prep.dep_ == "prep" and prep.lower_ == "from"
            for p in prep.children if p.dep_ == "pobj"]


INCLUDE_VERBS = frozenset({"include", "involve"})
"""Verbs of a meeting's relative clause whose object lists those at it."""


def included_people(noun: Token) -> list[Token]:
    """ "a 2016 meeting that included A and B", "the meeting at Trump Tower, which included
    A, B and C" (the clause hung on the place): the first person a relative clause on the
    meeting names as its members (not "a summit which included leaders from 55 countries",
    no one named; not "a meeting that did not include A")."""
    heads = [noun, *(p for c in noun.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}
                     for p in c.children if p.dep_ == "pobj" and p.ent_type_ != "PERSON")]
    return [o for h in heads for r in h.children if r.dep_ == "relcl"
            and r.lemma_.lower() in INCLUDE_VERBS
            and any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in r.children)
            and not any(c.dep_ == "neg" for c in r.children)
            for o in r.children if o.dep_ == "dobj" and o.ent_type_ == "PERSON"]


JOURNEYS = frozenset({"visit", "trip", "tour", "stay", "itinerary", "schedule", "agenda"})
"""Nouns of a journey or a programme, whose parts ("talks with X") the traveller takes in."""


def journey_includes(noun: Token) -> list[Token]:
    """ "Vidal's visit included talks with Berg", "the visit by Vidal included talks with
    Berg": the traveller whose journey a meeting is part of (its possessor, or the agent of
    "by"); none when the journey names no one."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in INCLUDE_VERBS or any(
            c.dep_ == "neg" for c in noun.head.children):
        return []
    trips = [s for s in noun.head.children if s.dep_ == "nsubj"
             and s.lemma_.lower() in JOURNEYS]
    return [t for s in trips for t in (
        *(c for c in s.children if c.dep_ == "poss" and c.ent_type_ == "PERSON"),
        *(p for c in s.children if c.dep_ == "prep" and c.lower_ == "by"
          for p in c.children if p.dep_ == "pobj" and p.ent_type_ == "PERSON"))]


ORDINALS = frozenset({"first", "last", "only", "second", "third", "latest"})


def ordinal_between(noun: Token) -> list[Token]:
    """ "The meeting is only the second between Moon and Kim": the sides hang on the
    ordinal the meeting noun is equated with."""
    if noun.dep_ != "nsubj" or noun.head.lemma_ != "be":
        return []
    return [p for a in noun.head.children if a.dep_ == "attr" and a.lower_ in ORDINALS
            for prep in a.children if prep.dep_ == "prep" and prep.lower_ in {"between", "among"}
            for p in prep.children if p.dep_ == "pobj"]


def _held_between(noun: Token) -> bool:
    verb = held_verb(noun)
    return verb is not None and (any(c.dep_ == "prep" and c.lower_ in {"between", "among"}
                                     for c in verb.children) or bool(held_with(verb)))


def held_with(verb: Token) -> list[Token]:
    """Those a meeting "occurred with" ("... occurred in the Oval Office with A, B and C",
    the "with" on the verb or, misparsed, on its place)."""
    if verb.lemma_ not in OCCUR_VERBS:
        return []
    heads = [verb, *(p for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}
                     for p in c.children if p.dep_ == "pobj")]
    return [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
            for p in c.children if p.dep_ == "pobj"]


ADDRESS_VERBS = frozenset({"ask", "tell", "urge", "press", "assure", "reassure", "thank",
                           "invite", "warn", "congratulate", "promise", "inform", "pressure",
                           "push", "encourage", "implore", "request"})
"""What one side of a call or meeting does to the other: "a call in which A asked B to"."""


def addressed_in(noun: Token, clause: Token) -> bool:
    """ "a phone call in which A asked B to ...", "the meeting during which A urged B", "a
    dinner where A told B": a
    relative clause on a meeting noun, one side addressing the other (a named person)."""
    return (clause.dep_ == "relcl" and clause.head == noun and noun.lemma_ in EVENT_NOUNS
            and clause.lemma_.lower() in ADDRESS_VERBS
            and any(c.dep_ == "nsubj" for c in clause.children)
            and any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in clause.children)
            and any((c.dep_ == "prep" and c.lower_ in {"in", "during"} and any(
                p.lower_ == "which" for p in c.children))
                or (c.dep_ == "advmod" and c.lower_ == "where")  # "a dinner where A told B"
                for c in clause.children))


PHOTOS = frozenset({"photo", "photograph", "picture", "portrait", "photos", "pictures",
                    "photographs"})


def posed_together(verb: Token) -> bool:
    """ "A, B and C posed for a group photo": those photographed together met (with a
    "with", the rule for "posed with X" decides: "posed for photos with their parents"; a
    caption's present "pose for a photo at the summit" is the summit's)."""
    return verb.lemma_.lower() == "pose" and verb.tag_ in {"VBD", "VBN"} and not any(
        c.dep_ == "prep" and c.lower_ == "with" for h in (verb, *(
            p for f in verb.children if f.dep_ == "prep" and f.lower_ == "for"
            for p in f.children)) for c in h.children) and any(
        c.dep_ == "nsubj" and listed_subject(c) for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "for" and any(
            p.dep_ == "pobj" and p.lower_ in PHOTOS for p in c.children) for c in verb.children)


WREATHS = frozenset({"wreath", "wreaths"})


def side_by_side(verb: Token) -> bool:
    """ "A and B toured the factory", "A and B laid a wreath at the memorial": an act of
    :data:`CO_PRESENCE` whose subject names two or more people (a wreath the only thing
    laid: not "laid out their plans")."""
    lemma = verb.lemma_.lower()
    return lemma in CO_PRESENCE and verb.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and listed_subject(c) for c in verb.children) and (
        lemma != "lay" or any(c.dep_ == "dobj" and c.lower_ in WREATHS for c in verb.children))


def played_golf(verb: Token) -> bool:
    """ "played golf": a round is a meeting of those who play it together."""
    return verb.lemma_.lower() == "play" and any(c.dep_ == "dobj" and c.lower_ == "golf"
                                                 for c in verb.children)


BESIDE = frozenset({"alongside", "beside"})


AUDIENCE = frozenset({"troops", "soldiers", "sailors", "marines", "airmen", "servicemen",
                      "students", "crowd", "crowds", "audience", "workers", "voters", "fans",
                      "residents", "citizens", "people", "journalists", "reporters", "veterans",
                      "families", "supporters", "pilgrims", "worshippers", "graduates"})
"""People spoken to as an audience: "speaking to American troops" is a speech, and their
country no side of a meeting."""

BRIEFINGS = frozenset({"conference", "briefing", "availability", "presser"})
PRESS = frozenset({"reporters", "journalists", "press", "cameras", "media", "newsmen"})


def joint_appearance(verb: Token) -> bool:
    """ "A and B appeared together at a news conference", "A appeared with B at a press
    conference", "A and B appeared before reporters": a joint appearance before the press is
    a meeting (not "appeared on television with B", nor "A and B appeared in court")."""
    if verb.lemma_.lower() != "appear":
        return False
    kids = list(verb.children)
    briefing = any(c.dep_ == "prep" and any(p.dep_ == "pobj" and (
        (c.lower_ in {"at", "for"} and p.lemma_.lower() in BRIEFINGS)
        or (c.lower_ == "before" and p.lower_ in PRESS)) for p in c.children) for c in kids)
    together = any(c.dep_ == "advmod" and c.lower_ == "together" for c in kids)
    paired = any(c.dep_ == "nsubj" and paired_subject(c) for c in kids)
    with_someone = any(c.dep_ == "prep" and c.lower_ == "with" and any(
        p.dep_ == "pobj" and p.ent_type_ == "PERSON" for p in c.children) for c in kids)
    return (briefing and (paired or with_someone)) or (paired and together and not any(
        c.dep_ == "prep" and c.lower_ in {"on", "in"} for c in kids))


def beside(verb: Token) -> list[Token]:
    """Whom someone stands or appears beside: "alongside X", "beside X", "next to X"."""
    heads = [verb, *(n for n in verb.children
                     if n.lower_ == "next" and n.dep_ in {"advmod", "prep"})]
    return [p for h in heads for prep in h.children if prep.dep_ == "prep"
            and (prep.lower_ in BESIDE or (prep.lower_ == "to" and h is not verb))
            for p in prep.children if p.dep_ == "pobj"]


def spoken_beside(verb: Token) -> list[Token]:
    """The people a participle of speaking or sitting hung on a clause has beside it:
    "Merkel, speaking alongside Hollande, said", "said, sitting next to Putin" (not "gains
    by sitting alongside Trump", nor "sat next to B at the ceremony")."""
    if verb.lemma_.lower() not in {"speak", "sit"} or verb.tag_ != "VBG" or \
            verb.dep_ not in {"advcl", "acl"}:
        return []
    return [p for p in beside(verb) if p.ent_type_ == "PERSON"]


def by_phone_with(verb: Token) -> list[Token]:
    """ "discussed the incursion by phone with X": the people the parser hung on "phone"
    (under the verb or its object) rather than on the verb."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return [p for h in heads for by in h.children if by.dep_ == "prep" and by.lower_ == "by"
            for ph in by.children if ph.dep_ == "pobj" and ph.lower_ in {"phone", "telephone"}
            for w in ph.children if w.dep_ == "prep" and w.lower_ == "with"
            for p in w.children if p.dep_ == "pobj" and p.ent_type_ == "PERSON"]


def alone_with(verb: Token) -> list[Token]:
    """ "Comey spoke alone with Trump": the "with" the parser hung on the adverb."""
    return [p for a in verb.children if a.dep_ == "advmod"
            for w in a.children if w.dep_ == "prep" and w.lower_ == "with"
            for p in w.children if p.dep_ == "pobj"]


def named_person(t: Token) -> bool:
    """A person's name, or an office a name is set beside: "with his Indonesian
    counterpart, Hassan Wirajuda"; not "messages with candidate X" (a candidate holds no
    office) nor "the ambassador, Spicer and other officials said" (a list, misparsed)."""
    return t.ent_type_ == "PERSON" or (
        (t.lemma_ == "counterpart" or (t.lemma_ in ROLE_NOUNS and t.lemma_ != "candidate"))
        and any(a.dep_ == "appos" and a.ent_type_ == "PERSON" and not any(
            k.dep_ == "conj" for k in a.children) for a in t.children))


def _contact(verb: Token) -> bool:
    """ "spoke with/to X", "shook hands with X", "called X" (see ``CONTACT_VERBS``)."""
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    if spoken_beside(verb):
        return True  # "Merkel, speaking alongside Hollande, said", "sitting next to Putin"
    if lemma == "speak":
        return any(c.dep_ == "prep" and c.lower_ in {"with", "to"} for c in kids) or any(
            c.dep_ == "nsubj" and (paired_subject(c) or pair_as_modifier(c)) for c in kids
        ) or bool(alone_with(verb))
    if lemma == "discuss":  # "discussed the incursion by phone with X"
        if any(c.dep_ == "prep" and c.lower_ == "with" for c in kids) or any(
                k.dep_ == "prep" and k.lower_ == "with" and any(
                    p.dep_ == "pobj" and named_person(p) for p in k.children)
                for c in kids if c.dep_ == "dobj" for k in c.children) or by_phone_with(verb):
            return True  # "discussed the campaign with Mr Dorn" (the "with" hung on it)
        return not any(k.dep_ == "prep" and k.lower_ == "with"  # "Trump and Putin discussed
                       for c in kids if c.dep_ == "dobj" for k in c.children) and any(  # trade",
            c.dep_ == "nsubj" and paired_subject(c) for c in kids)  # not "... it with others"
    if lemma in CO_PRESENCE:  # "A and B toured the factory", "laid a wreath"
        return side_by_side(verb)
    if played_golf(verb):  # "A and B played golf", "played golf with B" (a person)
        return any(c.dep_ == "nsubj" and paired_subject(c) for c in kids) or any(
            c.dep_ == "prep" and c.lower_ == "with" and any(
                p.dep_ == "pobj" and p.ent_type_ == "PERSON" for p in c.children)
            for c in kids)
    if lemma == "play":  # "played host to X"
        return any(c.dep_ == "dobj" and c.lower_ == "host" for c in kids) and any(
            c.dep_ == "prep" and c.lower_ == "to" for c in (*kids, *(
                k for h in kids if h.lower_ == "host" for k in h.children)))
    if lemma == "pose":  # a caption's "Kim poses with Trump for a photo"
        return posed_together(verb) or any(c.dep_ == "prep" and c.lower_ == "with" and any(
            p.dep_ == "pobj" and p.ent_type_ == "PERSON" for p in c.children) for c in kids)
    if lemma == "bring":  # "the summit brought together A, B and C"
        return any(c.dep_ in {"advmod", "prt"} and c.lower_ == "together" for c in kids) and any(
            c.dep_ == "dobj" and c.pos_ in {"PROPN", "NOUN"} for c in kids)
    if lemma == "raise":  # "raised concerns with X" ("with" on the verb or on "concerns");
        raised = [c for c in kids if c.dep_ == "dobj" and c.lower_ in RAISED]  # not "raised
        return any(c.dep_ == "prep" and c.lower_ == "with" and any(  # taxes with a vote"
            p.dep_ == "pobj" and p.pos_ == "PROPN" for p in c.children)
            for c in (*kids, *(k for r in raised for k in r.children))) and bool(raised)
    if lemma == "sit":  # "sat down with X", "sits with Kim" (a person: not "sat with the
        withs = [c for c in kids if c.dep_ == "prep" and c.lower_ == "with"]  # decision")
        if any(c.dep_ == "advmod" and c.lower_ == "together" for c in kids) and any(
                c.dep_ == "nsubj" and listed_subject(c) for c in kids):
            return True  # "A and B sat down together"
        return bool(withs) and (any(c.dep_ == "prt" and c.lower_ == "down" for c in kids) or any(
            p.dep_ == "pobj" and p.ent_type_ == "PERSON" for w in withs for p in w.children))
    if lemma == "shake":
        return any(c.dep_ == "dobj" and c.lower_ == "hands" for c in kids)
    if lemma in {"stand", "appear"}:  # "standing alongside X", "stood next to X"; not the
        return (verb.tag_ != "VB" and any(  # support of "(will) stand alongside X"
            p.ent_type_ == "PERSON" for p in beside(verb))) or joint_appearance(verb)
    if lemma == "spend":  # "spent 20 minutes on the phone with X", "two hours alone with X"
        return any(c.dep_ == "dobj" and c.lemma_ in TIME_SPENT for c in kids) and any(
            p.pos_ == "PROPN" for p in spent_with(verb))
    if lemma in {"brief", "consult", "embrace"}:  # "Suharto briefed President Ford on his
        return any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in kids) or (  # plans":
            lemma == "brief" and any(c.dep_ == "nsubjpass" and c.ent_type_ == "PERSON"
                                     for c in kids) and any(  # "was briefed by Hans Blix"
                c.dep_ == "agent" and any(p.dep_ == "pobj" and p.ent_type_ == "PERSON"
                                          for p in c.children) for c in kids)) or (
            lemma == "embrace" and any(c.dep_ == "nsubj" and any(  # a named person (not
                k.dep_ == "conj" for k in c.children) for c in kids))  # "consulted the
        # records", "embraced the plan"); "A and B embraced" (kg.meetings drops "A and B
        # embraced the plan": an object that is no one)
    if lemma == "exchange":  # "exchanged views with X" (the "with" on the verb or the noun)
        swapped = [c for c in kids if c.dep_ == "dobj" and c.lower_ in EXCHANGES]
        return bool(swapped) and (any(c.dep_ == "prep" and c.lower_ == "with" and any(
            p.dep_ == "pobj" and p.ent_type_ == "PERSON" for p in c.children)
            for c in (*kids, *(k for d in swapped for k in d.children))) or any(
            c.dep_ == "nsubj" and paired_subject(c)  # "A and B (smiled and) exchanged
            for c in (*kids, *(verb.head.children if verb.dep_ == "conj" else ()))))  # greetings"
    if lemma == "tell":  # "told Hansen at the border post": to his face (kg.meetings drops
        told = [c for c in kids if c.dep_ == "dobj" and c.ent_type_ == "PERSON"]  # "at a news
        if told and any(c.dep_ == "prep" and c.lower_ == "at" for c in kids):  # conference")
            return True
        return any(c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or any(  # "told his
            a.dep_ == "appos" and a.ent_type_ == "PERSON" for a in c.children))  # counterpart
            for c in kids) and any(  # Mark Esper by phone"
            c.dep_ == "prep" and c.lower_ in {"by", "over"} and any(
                p.lower_ in {"phone", "telephone"} for p in c.children) for c in kids)
    if lemma in {"call", "phone", "telephone", "ring"}:  # kg.meetings drops "called X a liar"
        before = verb.doc[verb.i - 1] if verb.i > 0 else verb
        named = before.is_lower and before.pos_ in {"NOUN", "PROPN"} and \
            before.lower_ not in ROLE_NOUNS  # "a telenovela called Reina", however tagged
        return any(c.dep_ in {"dobj", "oprd"} and c.pos_ == "PROPN" and (
            c.dep_ == "dobj" or (c.ent_type_ == "PERSON" and not named and (
                verb.tag_ != "VBN" or perfect(verb))))
            for c in kids) or any(  # not "a telenovela called Reina del Sur"
            c.dep_ == "dobj" and any(a.dep_ == "appos" and a.ent_type_ == "PERSON"
                                     for a in c.children)
            for c in kids) or called_on_a_day(verb) is not None or any(  # "called his
            c.dep_ == "dobj" and c.lemma_ == "counterpart" and any(  # Russian counterpart
                p.dep_ == "poss" and p.lower_ in {"his", "her", "their"} for p in c.children)
            for c in kids) or any(  # (Vladimir Putin)", "called President Lars Berg Sunday"
            c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_ in ROLE_NOUNS and any(
                d.dep_ == "det" and d.lower_ == "the" for d in c.children)
            for c in kids) or called_them(verb)  # "called the president", "phoned the
    # Iranian foreign minister"
    return False


CALL_CUES = frozenset({"twice", "times", "again", "back", "earlier", "later", "repeatedly",
                       "today", "yesterday", "tonight", "overnight"})
"""Words on "called him" that make it a phone call: how often or when."""


def called_them(verb: Token) -> bool:
    """ "Trump called him at least twice", "called her on Tuesday to congratulate her", "had
    called him from Air Force One": an object "him"/"her" rung up, with a time, a count, a
    place called from or a purpose; never with a name for them ("called him a moron",
    "called him mentally deranged") or "called him out"."""
    kids = list(verb.children)
    if not any(c.dep_ == "dobj" and c.lower_ in {"him", "her"} for c in kids) or any(
            c.dep_ in {"oprd", "attr", "acomp", "ccomp", "xcomp"} or (
                c.dep_ == "prt" and c.lower_ in {"out", "off"}) for c in kids):
        return False
    return any(c.ent_type_ in {"DATE", "TIME"} or c.lower_ in CALL_CUES
               or (c.dep_ == "prep" and (c.lower_ == "from" or any(
                   p.ent_type_ in {"DATE", "TIME"} for p in c.children)))
               or (c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to"
                                             for a in c.children)) for c in kids)


def hyphen_pair(noun: Token) -> tuple[Token, Token] | None:
    """ "the Trump-Kim summit", "US-China trade talks": the two names a hyphen joins in front
    of a meeting noun, or None."""
    doc = noun.doc
    for i in range(max(noun.left_edge.i, noun.i - 6), noun.i - 1):
        a, dash, b = doc[i], doc[i + 1], doc[i + 2]
        if (dash.text == "-" and not a.whitespace_ and not dash.whitespace_
                and a.text[:1].isupper() and b.text[:1].isupper()
                and a.is_alpha and b.is_alpha and b.i < noun.i):
            return a, b
    return None


TIME_SPENT = frozenset({"minute", "hour", "day", "time", "morning", "afternoon", "evening",
                        "night", "weekend", "week"})


def spent_with(verb: Token) -> list[Token]:
    """Whom a time was spent with: "spent an hour with X", "on the phone with X", "in a room
    alone with X"."""
    heads = [verb, *(p for prep in verb.children if prep.dep_ == "prep"
                     and prep.lower_ in {"on", "in", "over"}
                     for p in prep.children if p.dep_ == "pobj")]
    heads += [a for h in heads for a in h.children
              if a.dep_ == "advmod" and a.lower_ in {"alone", "together"}]
    return [p for h in heads for prep in h.children if prep.dep_ == "prep"
            and prep.lower_ == "with" for p in prep.children if p.dep_ == "pobj"]


def called_person(verb: Token) -> Token | None:
    """ "called Foreign Minister Sameh Shoukry on Sunday": the person called, when the parser
    took the name for a predicate ("oprd") because nothing else is the object."""
    kids = list(verb.children)
    if (verb.tag_ != "VBN" or perfect(verb)) and not any(c.dep_ == "dobj" for c in kids):
        named = next((c for c in kids if c.dep_ == "oprd" and c.ent_type_ == "PERSON"), None)
        if named is not None:  # ("a telenovela called Reina del Sur" names it)
            return named
    return called_on_a_day(verb)


def perfect(verb: Token) -> bool:
    """ "had called Saudi Arabia's King Salman": a participle of a perfect tense, with its own
    "have", which a participle naming a thing ("a telenovela called Reina") never has."""
    return verb.tag_ == "VBN" and verb.dep_ != "acl" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children) and not any(
        c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)  # ("has been called the
    # Ed Sullivan of podcasting": a passive names him)


def called_on_a_day(verb: Token) -> Token | None:
    """ "Dorn called President Lars Berg Sunday": the name the parser read as the modifier
    of the day it took for the predicate or the object (the verb may be tagged a
    participle)."""
    days = [c for c in verb.children if c.dep_ in {"oprd", "dobj", "npadvmod"}
            and c.ent_type_ == "DATE" and c.lower_ in DAY_NAMES]
    if any(c.dep_ == "dobj" and c not in days for c in verb.children) or (
            verb.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in verb.children)):
        return None
    return next((k for c in days for k in reversed(list(c.children))
                 if k.dep_ == "compound" and k.ent_type_ == "PERSON"), None)


DAY_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday"})


PAIR_SUBJECTS = frozenset({"leaders", "men", "women", "presidents", "ministers"})


def paired_subject(subj: Token) -> bool:
    """ "Trump and Xi", "the two leaders": a subject naming both sides of a conversation."""
    return any(c.dep_ == "conj" for c in subj.children) or (
        subj.lower_ in PAIR_SUBJECTS and any(c.lower_ in {"two", "both"} and c.dep_ in {
            "nummod", "det", "predet"} for c in subj.children)) or (
        subj.ent_type_ == "PERSON" and _modifier_pair(subj))  # "President A and Chancellor
    # B discussed": A and its "and" parsed as a modifier of B


def _modifier_pair(subj: Token) -> bool:
    """A name with a first name and its "and" hung on it as a modifier: "President A and
    Chancellor B", "President A and Russian counterpart B"."""
    return any(c.dep_ in {"nmod", "compound"} and c.ent_type_ == "PERSON" and any(
        k.dep_ == "cc" and k.lower_ == "and" for k in c.children) for c in subj.children)


def listed_subject(subj: Token) -> bool:
    """A subject naming two or more people (:func:`paired_subject`), also "A, B and C"
    parsed as A with the apposition "B and C"."""
    return paired_subject(subj) or any(
        a.dep_ == "appos" and a.ent_type_ == "PERSON" and any(k.dep_ == "conj" for k in a.children)
        for a in subj.children)


def pair_as_modifier(subj: Token) -> bool:
    """ "President Donald Trump and Russian counterpart Vladimir Putin spoke": the parser
    made the first name and its "and" a modifier of the second's title."""
    return _modifier_pair(subj) and any(
        a.dep_ == "appos" and a.ent_type_ == "PERSON" for a in subj.children)


def spoke_together(verb: Token) -> bool:
    """ "Trump and Xi spoke on Friday", "the two leaders spoke by phone": a paired subject
    and nothing said to anyone else; not "A and B spoke at the rally" (speeches)."""
    kids = list(verb.children)
    if any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in kids):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(
            "hour" in g.lower_ or g.lemma_ == "minute" for g in c.subtree) for c in kids):
        return True  # "he and May had spoken for an hour-and-a-half at the dinner": a talk
    if any(c.dep_ == "prep" and c.lower_ in SPEECH_PREPS and not any(
            g.ent_type_ in {"DATE", "TIME"} for g in c.subtree) and not _first_time(c)
           and not any(p.dep_ == "pobj" and p.lower_ in {"phone", "telephone"}
                       for p in c.children)  # "spoke on the phone": a call
           for c in kids):  # ("spoke for the first time since the vote" is no speech)
        return False
    # "Bolton and Pompeo have spoken stridently about Iran": publicly, unless a call is named
    return not any(c.dep_ == "prep" and c.lower_ in {"of", "about"} for c in kids) or any(
        w.lower_ in CALL_WORDS for w in verb.sent)


def _first_time(prep: Token) -> bool:
    """ "for the first time"."""
    return prep.lower_ == "for" and any(
        p.dep_ == "pobj" and p.lower_ == "time" and any(a.ent_type_ == "ORDINAL"
                                                       for a in p.children)
        and not any(k.dep_ == "prep" and k.lower_ in SPEECH_PREPS for k in p.children)
        for p in prep.children)  # (not "for the first time at a rally")


CALL_WORDS = frozenset({"phone", "call", "telephone", "conversation", "readout", "phoned",
                        "called", "rang"})


SPEECH_PREPS = frozenset({"at", "before", "in", "during", "for", "against", "on", "out"})
"""Prepositions of a speech ("spoke at the rally"); "spoke on Friday" names a date."""


ARRIVALS = frozenset({"arrive", "sit", "gather"})
"""Verbs whose "for" names the meeting a paired subject comes to ("A and B arrive for talks")."""


def thanked_for(noun: Token) -> Token | None:
    """The verb of "A thanked B for the talks", "thanked B for having fruitful discussions"
    (B a named person): a meeting of the two."""
    t = noun
    if t.dep_ == "dobj" and t.head.lemma_ == "have" and t.head.dep_ == "pcomp":
        t = t.head  # "for having fruitful discussions"
    if t.dep_ not in {"pobj", "pcomp"} or t.head.lower_ != "for":
        return None
    verb = t.head.head
    return verb if verb.lemma_ == "thank" and any(
        c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in verb.children) else None


def _named_event(noun: Token) -> bool:
    """A meeting noun in an adjunct ("after the meeting", "during a call", "at the summit",
    a meal's "over dinner", "emerged from the talks", "held two days of talks")
    or named by a body ("the G7 summit", "a NATO meeting")."""
    if noun.dep_ == "pobj" and noun.head.lower_ in ADJUNCT_PREPS:
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "over" and noun.lower_ in TABLE_NOUNS \
            and noun.head.head.pos_ == "VERB":
        return True  # "told B over dinner" (not a dispute "over the summit")
    if noun.dep_ == "pobj" and noun.head.lower_ == "from" and \
            noun.head.head.lemma_.lower() in RETURNS:
        return True  # "A and B emerged from the meeting"
    stretch = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and stretch.lemma_ in STRETCHES \
            and stretch.dep_ == "dobj" and stretch.head.lemma_.lower() in LIGHT_VERBS:
        return True  # "A and B wrapped up two days of talks"
    if thanked_for(noun) is not None:
        return True  # "A thanked B for the talks"
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_ in ARRIVALS \
            and any(c.dep_ == "nsubj" and paired_subject(c) for c in noun.head.head.children):
        return True  # "A and B arrive for a breakfast meeting": the two of them
    if shared_possessors(noun):
        return True  # "Keller and Hansen's meeting", "the U.S. and Japan's talks"
    return noun.lemma_ in {"summit", "meeting"} and any(
        c.dep_ in BODY_DEPS and body_name(c) for c in noun.children)


_SIDE_TYPES = frozenset({"PERSON", "GPE", "NORP", "ORG"})


def shared_possessors(noun: Token) -> list[Token]:
    """The two named possessors of "A and B's meeting": parsed as a possessor with a
    conjunct, or, as often, as "A" coordinated with the noun itself ("the U.S. and Japan's
    talks": "talks" a conjunct of "U.S.", "Japan" its possessor)."""
    poss = [c for c in noun.children if c.dep_ in {"poss", "nmod"} and c.ent_type_ in _SIDE_TYPES]
    if len(poss) != 1:
        return []
    joined = [k for k in poss[0].children if k.dep_ == "conj" and k.ent_type_ in _SIDE_TYPES]
    if joined and (poss[0].dep_ == "poss" or any(  # "the U.S. and Japan's talks", the first
            c.dep_ == "case" for k in joined for c in k.children)):  # side parsed as nmod
        return [poss[0], *joined]
    if poss[0].dep_ != "poss":
        return []
    head = noun.head
    if noun.dep_ == "conj" and head.ent_type_ in _SIDE_TYPES and head.i < poss[0].i and any(
            c.dep_ == "cc" for c in head.children):
        return [head, poss[0]]
    return []


def body_name(tok: Token) -> bool:
    """A name that is a multilateral body ("G7", "NATO", "Group of Seven"), not a seat of
    government ("White House") nor a person the model took for an organisation."""
    return tok.ent_type_ == "ORG" and tok.lower_ not in SEATS and (
        tok.pos_ != "ADJ" or _GROUP_OF.fullmatch(tok.text) is not None) and (
        tok.is_upper or tok.lower_ in BODY_WORDS)  # not a tweet's "a GREAT meeting" (but
    # "the G-7 summit", the group tagged an adjective)


_GROUP_OF = re.compile(r"G-?\d{1,2}")
"""The groups of seven, eight, twenty: "G7", "G-20"."""


NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "da", "di",
                            "du", "dos", "das", "la", "le", "ter", "ten", "bin", "ibn", "al",
                            "el"})
"""Lower-case words inside a person's name ("Ursula von der Leyen", "Mohammed bin Salman"),
where the small model often ends the name early and tags the rest as a place."""


def _untagged_surnames(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Vidal told Kovac at the palace": a lone capitalised proper noun outside every entity
    (or tagged a people, and no country's) that is the surname of a person the article names
    in full is that person (the model often leaves a foreign surname untagged once the full
    name is behind it)."""
    surnames = {e[-1].orth_.lower() for e in ents if e.label_ == "PERSON" and len(e) > 1
                and e[-1].is_title and e[-1].is_alpha} - ROLE_NOUNS  # ("Erik Prince": a
    # lone "Prince" may be a title)
    if not surnames:
        return ents
    arr = doc.to_array([POS, ENT_IOB, IS_TITLE, LOWER, DEP])  # picked in C, not per token
    keys = [doc.vocab.strings[n] for n in surnames]
    hits = numpy.flatnonzero((arr[:, 0] == PROPN) & (arr[:, 1] == 2) & (arr[:, 2] == 1)
                             & numpy.isin(arr[:, 3], numpy.array(keys, dtype=arr.dtype))
                             & (arr[:, 4] != doc.vocab.strings["compound"])).tolist()
    new = [Span(doc, i, i + 1, label="PERSON") for i in hits
           if not (i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and doc[i + 1].is_title)
           and not (i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_title)]
    ents = [Span(doc, e.start, e.end, label="PERSON") if e.label_ == "NORP" and len(e) == 1
            and e[0].is_title and e[0].lower_ in surnames and gazetteer.country(e.text) is None
            else e for e in ents]  # "standing next to Kovac", the name taken for a people
    return sorted([*ents, *new], key=lambda e: e.start) if new else ents


def _untagged_full_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Ivanka Trump, a senior adviser, did not ..." at the start of a sentence: a run of
    capitalised proper nouns outside every entity that spells, word for word, a person the
    model tagged elsewhere in the article (two words or more, and never tagged otherwise)
    is that person."""
    labels: dict[tuple[str, ...], set[str]] = {}
    for e in ents:
        labels.setdefault(tuple(t.lower_ for t in e), set()).add(e.label_)
    names = [k for k, v in labels.items() if v == {"PERSON"} and len(k) >= 2]
    if not names:
        return ents
    arr = doc.to_array([POS, ENT_IOB, IS_TITLE, LOWER])
    free = (arr[:, 1] == 2) & (arr[:, 2] == 1)  # capitalised, untagged (however tagged
    # for its part of speech: "Ilse" may be an adjective)
    lows = arr[:, 3]
    new: list[Span] = []
    for name in names:
        keys = [doc.vocab.strings[w] for w in name]
        n = len(keys)
        for i in numpy.flatnonzero(free & (lows == keys[0])).tolist():
            if i + n <= len(doc) and all(free[i + j] and lows[i + j] == keys[j]
                                         for j in range(1, n)) and not (
                    i + n < len(doc) and free[i + n] and arr[i + n, 0] == PROPN) and not (
                    i > 0 and free[i - 1] and arr[i - 1, 0] == PROPN
                    and doc[i - 1].lower_ not in ROLE_NOUNS):  # (but "Envoy Ilse Brandt")
                new.append(Span(doc, i, i + n, label="PERSON"))
    return sorted([*ents, *new], key=lambda e: e.start) if new else ents


def _weekday_tails(ents: list[Span]) -> list[Span]:
    """ "called President Trump Sunday": the model ran the day into the name ("Trump
    Sunday"); a person's name that ends in a weekday is the name, then the day."""
    out: list[Span] = []
    for e in ents:
        if e.label_ == "PERSON" and len(e) >= 2 and e[-1].lower_ in DAY_NAMES and \
                e[-1].is_title and e[-2].is_alpha:
            out += [Span(e.doc, e.start, e.end - 1, label="PERSON"),
                    Span(e.doc, e.end - 1, e.end, label="DATE")]
        else:
            out.append(e)
    return out


def _split_named_pairs(ents: list[Span]) -> list[Span]:
    """ "After meeting Kovac, Vidal flew home", "the two leaders, Vidal and Kovac, spoke": the
    model read "Kovac, Vidal" or "Vidal and Kovac" as one body (as it would a law firm). Where
    the words on each side of the comma or "and" are two people the article names elsewhere,
    they are those two."""
    named: dict[str, set[int]] = {}
    for n, e in enumerate(ents):
        if e.label_ == "PERSON" and "," not in e.text:
            for key in {e.text.lower(), e[-1].lower_}:
                named.setdefault(key, set()).add(n)
    out: list[Span] = []
    for n, e in enumerate(ents):
        cuts = [t.i for t in e if t.text == "," or t.lower_ == "and"]
        parts = [Span(e.doc, e.start, cuts[0], label="PERSON"),
                 Span(e.doc, cuts[0] + 1, e.end, label="PERSON")] if len(cuts) == 1 else []
        if parts and parts[0].text != parts[1].text and all(
                len(p) and named.get(p.text.lower(), set()) - {n} for p in parts):
            out.extend(parts)
        else:
            out.append(e)
    return out


_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_SUBJECT_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _fronted_subjects(doc: Doc) -> None:
    """ "At the summit in Osaka, Trump and Xi agreed to a truce": the parser read the pair as
    more items of a list after the place that ends the opening phrase, and left the verb with
    no subject.  The named list right before a subject-less main verb is its subject again."""
    deps = doc.to_array(DEP)
    conj = doc.vocab.strings["conj"]
    for i in numpy.flatnonzero(deps == conj).tolist():
        tok = doc[i]
        if tok.left_edge.i < 2 or doc[tok.left_edge.i - 1].text != "," or not (
                tok.ent_type_ in _SUBJECT_TYPES or tok.lower_ in {"he", "she"}):
            continue
        root = tok.sent.root
        if (root.pos_ not in {"VERB", "AUX"} or root.i != tok.right_edge.i + 1
                or any(c.dep_ in _CLAUSE_SUBJECTS for c in root.children)):
            continue
        up = tok.head  # the list runs back into a phrase that opens the sentence
        while up.head != root and up.head != up:
            up = up.head
        if (up.head == root and up.dep_ == "prep" and up.i == tok.sent.start
                and tok.head.ent_type_ in {"GPE", "LOC", "FAC", "DATE", "ORG", ""}
                and tok.head.ent_type_ != tok.ent_type_):  # (not "In Paris, Lyon and Nice")
            tok.head = root
            tok.dep_ = "nsubj"


def _participle_subjects(doc: Doc) -> None:
    """ "Speaking at a news conference with Chancellor Merkel, Obama said ...": the parser
    took the opening participle for the verb's subject and the name after the comma for an
    apposition of the last name in it.  The name is the subject again, the participle an
    adjunct.  So too after an opening phrase ("At a dinner with Chancellor Merkel, Obama
    said"), which the parser had right."""
    deps = doc.to_array(DEP)
    appos = doc.vocab.strings["appos"]
    for i in numpy.flatnonzero(deps == appos).tolist():
        tok = doc[i]
        if tok.ent_type_ != "PERSON" or tok.left_edge.i < 2 or \
                doc[tok.left_edge.i - 1].text != ",":
            continue
        root = tok.sent.root
        opener = doc[tok.sent.start]
        if (root.pos_ != "VERB" or root.i != tok.right_edge.i + 1
                or opener.head != root or not (
                    (opener.tag_ == "VBG" and opener.dep_ in {"csubj", "advcl"})
                    or (opener.dep_ == "prep" and opener.tag_ == "IN"))  # "At a dinner with
                or not opener.is_ancestor(tok)  # Chancellor Merkel, Obama said"
                or any(c.dep_ in _CLAUSE_SUBJECTS for c in root.children if c != opener)):
            continue
        tok.head, tok.dep_ = root, "nsubj"
        if opener.tag_ == "VBG":
            opener.dep_ = "advcl"


def _opening_object_subjects(doc: Doc) -> None:
    """ "By making a call to Mullah Baradar, President Trump became ...": the parser took the
    name that ends the opening phrase for the verb's subject, and the subject after the comma
    for its apposition, leaving the phrase's last preposition with no object.  The name is
    that preposition's object again, and the apposition the subject."""
    deps = doc.to_array(DEP)
    appos = doc.vocab.strings["appos"]
    for i in numpy.flatnonzero(deps == appos).tolist():
        tok = doc[i]
        named = tok.head
        if tok.ent_type_ != "PERSON" or tok.left_edge.i < 2 or \
                doc[tok.left_edge.i - 1].text != "," or named.ent_type_ != "PERSON":
            continue
        root = tok.sent.root
        opener = doc[tok.sent.start]
        if (named.dep_ != "nsubj" or named.head != root or root.pos_ != "VERB"
                or root.i != tok.right_edge.i + 1 or opener.dep_ != "prep"
                or opener.head != root or named.left_edge.i < 1):
            continue
        prep = doc[named.left_edge.i - 1]
        if prep.dep_ != "prep" or any(c.dep_ == "pobj" for c in prep.children) or \
                not opener.is_ancestor(prep):
            continue
        named.head, named.dep_ = prep, "pobj"
        tok.head, tok.dep_ = root, "nsubj"


TIME_CONJUNCTIONS = frozenset({"since", "after", "before", "until", "till"})


def _conjunction_subjects(doc: Doc) -> None:
    """ "the first visit since Jo Myong Rok, a marshal, met Bill Clinton in 2000": the parser
    read "since" as a preposition with the name as its object, and "met" as a second verb of
    the main clause, whose subject it took.  The name is the subject of "met", which is a
    clause of its own, "since" its conjunction."""
    lowers = doc.to_array(LOWER)
    keys = numpy.array([doc.vocab.strings[w] for w in TIME_CONJUNCTIONS], dtype=lowers.dtype)
    for i in numpy.flatnonzero(numpy.isin(lowers, keys)).tolist():
        prep = doc[i]
        if prep.dep_ != "prep":
            continue
        objs = [c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "PERSON"]
        if len(objs) != 1:
            continue
        name = objs[0]
        after = name.right_edge.i + 1
        if after < len(doc) and doc[after].text == ",":
            after += 1
        if after >= len(doc):
            continue
        verb = doc[after]
        if (verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb.dep_ != "conj"
                or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
                or verb.sent != prep.sent):
            continue
        host = next((a for a in (prep.head, *prep.head.ancestors)
                     if a.pos_ in {"VERB", "AUX"}), None)
        if host is None or host == verb or verb.is_ancestor(host):
            continue
        verb.head, verb.dep_ = host, "advcl"
        name.head, name.dep_ = verb, "nsubj"
        prep.head, prep.dep_ = verb, "mark"


def _numbered_groups(doc: Doc) -> None:
    """ "attended the Group of 20 summit": the parser hangs the summit on "of" as the
    number's noun and the model ends the name before the number, so no summit of the group
    is read.  The group is one ORG ("Group of 20"), the summit's modifier, and the summit
    takes the group's place in the clause (as in "the Group of Seven summit")."""
    lowers = doc.to_array(LOWER)
    found: list[Span] = []
    for i in numpy.flatnonzero(lowers == doc.vocab.strings["group"]).tolist():
        if i + 3 >= len(doc):
            continue
        group, of, num, noun = doc[i], doc[i + 1], doc[i + 2], doc[i + 3]
        if not (group.text == "Group" and of.lower_ == "of" and num.text.isdigit()
                and noun.pos_ == "NOUN" and noun.is_lower and noun.head == of
                and num.head == noun and group.dep_ != "ROOT" and of.head == group):
            continue
        noun.head, noun.dep_ = group.head, group.dep_
        group.head, group.dep_ = noun, "nmod"
        num.head, num.dep_ = of, "pobj"
        found.append(Span(doc, i, i + 3, label="ORG"))
    if found:
        doc.ents = sorted([*(e for e in doc.ents if not any(
            e.start < f.end and f.start < e.end for f in found)), *found],
            key=lambda e: e.start)


def _coordinated_names(doc: Doc) -> None:
    """ "Donald Trump and Melania Trump met X": the parser read "(Donald Trump and Melania)
    Trump", the first name hung on the second as a modifier.  Two PERSON names with only
    "and" between them are coordinated again: the first heads the pair, the second is its
    conjunct."""
    ents = [e for e in doc.ents if e.label_ == "PERSON"]
    for one, two in pairwise(ents):
        if two.start != one.end + 1 or doc[one.end].lower_ != "and":
            continue
        first, second, cc = one.root, two.root, doc[one.end]
        if first.head != second or first.dep_ not in {"nmod", "compound"} or second == first:
            continue
        top, dep = second.head, second.dep_
        first.head = top if top != second else first
        first.dep_ = dep if top != second else "ROOT"
        second.head, second.dep_ = first, "conj"
        cc.head, cc.dep_ = first, "cc"
        for t in two:
            if t != second and t.head not in two:
                t.head, t.dep_ = second, "compound"  # "Melania", hung on the first name


@Language.component("dip_names")
def name_particles(doc: Doc) -> Doc:
    """A person's name runs on over lower-case particles to the capitalised word after them:
    "Ursula von" + "der" + "Leyen" (which the model took for a place) is one PERSON.  Before
    that, misparses of names are mended (:func:`_coordinated_names`: "(Donald Trump and
    Melania) Trump"; :func:`_fronted_subjects`: a subject hung on the phrase that opens the
    sentence; :func:`_numbered_groups`: "the Group of 20 summit", the summit hung on the
    number; :func:`_conjunction_subjects`: "since A, a marshal, met B", A read as the object
    of "since"; :func:`_participle_subjects`: a subject taken for an apposition in an opening
    participle; :func:`_opening_object_subjects`: a subject taken for an apposition of the
    name that ends an opening phrase), and so are names the model left untagged
    (:func:`_split_named_pairs`, :func:`_untagged_full_names`, :func:`_untagged_surnames`).
    Put it after ``ner``."""
    _numbered_groups(doc)
    _conjunction_subjects(doc)
    _coordinated_names(doc)
    _fronted_subjects(doc)
    _participle_subjects(doc)
    _opening_object_subjects(doc)
    ents = list(doc.ents)
    if not any(e.label_ == "PERSON" for e in ents):
        return doc
    ents = _untagged_surnames(doc, _untagged_full_names(doc, _split_named_pairs(
        _weekday_tails(ents))))
    out: list[Span] = []
    skip_to = -1
    for ent in ents:
        if ent.start < skip_to:
            continue
        if ent.label_ == "PERSON":
            end = ent.end
            while ent[-1].lower_ in NAME_PARTICLES and end > ent.start + 1 and \
                    doc[end - 1].is_lower:
                end -= 1  # "Ursula von": the particle opens the rest of the name
            # a one-word name only runs on when the model put the particle in it: "Reina"
            # of the telenovela "Reina del Sur" is no "Reina del Sur"
            j = end if end - ent.start >= 2 or end < ent.end else len(doc)
            while j < len(doc) and doc[j].lower_ in NAME_PARTICLES and doc[j].is_lower:
                j += 1
            if j > end and j < len(doc) and doc[j].is_title and doc[j].is_alpha:
                k = j + 1
                while k < len(doc) and doc[k].is_title and doc[k].is_alpha and \
                        doc[k].pos_ == "PROPN":
                    k += 1
                ent, skip_to = Span(doc, ent.start, k, label="PERSON"), k
        out.append(ent)
    out = [e for e in out if e.start >= 0]
    kept: list[Span] = []
    for e in out:  # an entity inside an extended name goes
        if kept and e.start < kept[-1].end:
            continue
        kept.append(e)
    doc.ents = kept
    return doc


NAME_HOMOGRAPHS = {"May": "smith"}
"""Surnames spelt like a function word, with a surname's norm to read them by: the model
takes "Theresa May hold talks" for the modal "may" (no subject, no name), and the other
words of the sentence with it."""
GIVEN_BEFORE = frozenset({"Theresa", "Mrs", "Mrs.", "Ms", "Ms.", "Mr", "Mr.", "Minister",
                          "Premier", "PM"})
"""Words before a homograph that make it a surname ("Theresa May", "Mrs May", "Prime
Minister May")."""
NOT_BEFORE_NAME = frozenset({"in", "on", "of", "since", "until", "till", "by", "from",
                             "through", "early", "late", "mid", "last", "next", "this",
                             "during", "before", "after", "the", "each", "every", "between",
                             "to"})
"""Words before a homograph that keep it what it is ("in May", "the May elections")."""
MONTH_NAMES = frozenset({"january", "february", "march", "april", "june", "july", "august",
                         "september", "october", "november", "december"})


@Language.component("dip_homographs")
def name_homographs(doc: Doc) -> Doc:
    """ "Theresa May and Trump hold talks": a surname spelt like a function word is read as
    the surname (its norm, which the model's embeddings start from, is set to a surname's)
    after a given name or title, and anywhere in an article that names her so, unless a
    preposition, article or number marks the month.  Put it first, before ``tok2vec``."""
    if not len(doc):
        return doc
    orths = doc.to_array(ORTH)  # one vectorised pass, not a Python loop per token
    for word, norm in NAME_HOMOGRAPHS.items():
        hits = [doc[i] for i in numpy.flatnonzero(orths == doc.vocab.strings[word]).tolist()]
        if not hits:
            continue
        named = any(t.i > 0 and doc[t.i - 1].text in GIVEN_BEFORE for t in hits)
        for t in hits:
            before = doc[t.i - 1] if t.i > 0 else None
            after = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if before is not None and before.text in GIVEN_BEFORE:
                t.norm_ = norm
            elif named and (before is None or before.lower_ not in NOT_BEFORE_NAME) and not (
                    before is not None and t.i > 1
                    and before.lower_ in {"and", "or", "-", "–", "to", ","}
                    and doc[t.i - 2].lower_ in MONTH_NAMES) and not (
                    after is not None and (after.like_num or after.is_title
                                           or after.lower_ in {"day", "-", "–"})):
                t.norm_ = norm  # "May said", "Trump and May met", "May's deal" (not "May
                # 2017", "May Day", "early May", "April and May", nor a headline's "Trump May
                # Visit")
    return doc


@Language.component("dip_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line always ends a sentence: a headline or a teaser line never runs into the
    paragraph after it.  Put it before ``parser``, which keeps preset sentence starts."""
    spaces = doc.to_array("IS_SPACE")  # one vectorised pass, not a Python loop per token
    for i in spaces.nonzero()[0][:]:
        if i + 1 < len(doc) and doc[int(i)].text.count("\n") >= 2:
            doc[int(i) + 1].is_sent_start = True
    # "Hide Caption 5 of 19 Photos: Trump and Sisi share a laugh": a gallery's counter is
    # no part of the caption after it, which the parser reads better on its own
    photos = numpy.flatnonzero(doc.to_array(LOWER) == doc.vocab.strings["photos"])
    for i in photos.tolist():
        if 4 <= i < len(doc) - 2 and doc[i + 1].text == ":" and doc[i - 4].lower_ == "caption":
            doc[i + 2].is_sent_start = True
    # "FILE PHOTO: Trump talks to Erdogan at NATO headquarters": the label likewise
    for i in numpy.flatnonzero(doc.to_array(LOWER) == doc.vocab.strings["photo"]).tolist():
        if (1 <= i < len(doc) - 2 and doc[i].text == "PHOTO" and doc[i - 1].text == "FILE"
                and doc[i + 1].text == ":"):
            doc[i + 2].is_sent_start = True
    return doc


@Language.factory("dip_triggers")
def make_dip_triggers(nlp: Language, name: str) -> TriggerMatcher:
    """Event-trigger matcher; needs the dependency parse, so add it after ``parser``."""
    return TriggerMatcher(nlp, name)
