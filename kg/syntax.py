"""Reading arguments from the dependency parse: subjects, objects, scope, place, quotes.

Shared by the event rules of :mod:`kg.meetings` and :mod:`kg.extract`; also tells headlines
from photo captions, which report events in the present tense without a final full stop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.mentions import GROUP_NOUNS, OFFICIAL_NOUNS, MentionIndex, doc_text
from kg.model import Evidence, Mention
from kg.rules import EVENT_NOUNS, ORDINALS, ROLE_NOUNS

SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})


CLAUSAL = frozenset({"relcl", "advcl", "ccomp", "acl", "parataxis", "xcomp", "csubj"})


TIME_PREPS = frozenset({"after", "following", "since", "upon", "on", "while", "when", "before",
                        "by", "during"})


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    speaker: Mention | None


def evidence(sent: Span) -> Evidence:
    text = sent.text.rstrip()
    return Evidence(text, sent.start_char, sent.start_char + len(text))


CLOSING = (".", "!", "?", '"', "”", "’", "'", ")", ":")
"""What ends a sentence of running text (a headline or a caption may end without it)."""


def is_headline(sent: Span) -> bool:
    """A line with no closing punctuation (a headline, a teaser link) states no event,
    unless it is a photo caption (see :func:`is_caption`) or a line below the first told
    in the simple past with a person as its subject, as captions are and headlines are not
    ("Donald and Melania Trump arrived in France for the G7 summit on Saturday", against
    "Putin says Trump satisfied with denials" and "Trump-Merkel meeting pushed back")."""
    return (not sent.text.rstrip().endswith(CLOSING)
            and not is_caption(sent) and not _told_in_the_past(sent)
            and not _pair_at_a_meeting(sent))


def _pair_at_a_meeting(sent: Span) -> bool:
    """A line below the first that is only "A and B at their meeting in Helsinki": a photo
    caption with no verb, naming the people it shows at the meeting."""
    root = sent.root
    return (root.ent_type_ == "PERSON" and root.pos_ == "PROPN"
            and any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in root.children)
            and any(c.dep_ == "prep" and c.lower_ in {"at", "during"} and any(
                p.dep_ == "pobj" and p.lemma_.lower() in EVENT_NOUNS for p in c.children)
                    for c in root.children)
            and _line(sent) is not None)


def _told_in_the_past(sent: Span) -> bool:
    root = sent.root  # a named subject: not a headline's "Trump-Merkel meeting pushed back"
    if root.tag_ != "VBD" or not any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON"
                                     for c in root.children):
        return False
    line = _line(sent)
    return (line is not None and line == sent.text.strip() and ":" not in line
            and not line.isupper())


_LEADING_SPACE = re.compile(r"\s*")


def _line(sent: Span) -> str | None:
    """The line of text the sentence ends on, or None on the article's first line (its
    title)."""
    text = doc_text(sent.doc)
    start = text.rfind("\n", 0, sent.start_char) + 1
    lead = _LEADING_SPACE.match(text)
    if start == 0 or (lead is not None and lead.end() >= start):
        return None
    end = text.find("\n", sent.start_char + len(sent.text.rstrip()))
    return text[start:end if end >= 0 else len(text)].strip()


_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October"
          r"|November|December)")
_FULL_DATE = rf"{_MONTH} \d{{1,2}}, \d{{4}}"
_CAPTION = re.compile(
    r"\b(?:Image caption|Media caption|Hide Caption|FILE PHOTO|PHOTO:|Photo:|Pictured:)"
    r"|\((?:(?:front|back|far|top|bottom|centre|center|second|third|2nd|3rd)[ ,-]+"
    r"(?:row,? )?(?:from )?)?(?:R|L|C|right|left|centre|center)\)"
    r"|\b(?:[Ff]rom left|[Ff]rom L|\(?[Ll]eft to right|L-R|\(?L to R)\b"
    r"|(?m:^)In this\b(?:[^\n,]|,(?=\s*(?:\d|photo|image|picture))){0,60}?"
    r"\b(?:photo|image|picture)\b"  # "In this Feb. 5, 2019 file photo," (not "In this case,")
    r"|\w, (?:(?:far|second from|third from) )?(?:left|right|center|centre), "
    r"|\((?:l|r|c)\.\)"
    r"|\b(?:REUTERS|Reuters|AP Photo|AFP|Getty Images|EPA)\b\S*\s*$"
    rf"|\b{_FULL_DATE}\b")
_WEEKDAY_DATE = rf"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), {_MONTH} \d{{1,2}}"
_CAPTION_DATE = re.compile(
    rf"(?:{_FULL_DATE}|{_WEEKDAY_DATE})(?=\W*(?:\(?(?:REUTERS|Reuters|AP|AFP|Getty|EPA)\b.*)?$)")
"""A caption's closing day: "June 9, 2018", or "Wednesday, February 11" (the year is the
report's)."""


def might_be_captions(text: str) -> bool:
    """Whether any line of ``text`` may be a photo caption (one search of the whole text)."""
    return bool(_CAPTION.search(text))


def is_caption(sent: Span) -> bool:
    """Whether the sentence is part of a photo caption: a line that is not the article's
    first (its title) and that carries a caption's marks ("Image caption", "(right)", a
    closing "June 9, 2018" or photo credit).  Captions report in the present tense what
    happened ("Brandt talks with Prince Adil"), often with no final full stop."""
    line = _line(sent)
    return line is not None and bool(_CAPTION.search(line))


def caption_date(sent: Span) -> str | None:
    """A photo caption's closing "June 9, 2018" (before any photo credit): the day the
    picture was taken, so the day of the meeting it shows."""
    if not is_caption(sent):
        return None
    found = _CAPTION_DATE.search(sent.text.rstrip())
    return found.group(0) if found else None


def children(tok: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    """Objects of "with"/"between" attached to ``tok``, following "and with ...";
    "among" counts as "between" ("talks among A, B and C")."""
    out: list[Token] = []
    if "between" in preps:
        preps = preps | {"among", "amongst"}
    for prep in children(tok, {"prep"}):
        if prep.lower_ not in preps:
            continue
        for p in [prep, *prep.conjuncts]:
            for o in children(p, {"pobj"}):
                out.append(o)
                if p.lower_ == "between" and o.ent_type_ == "PERSON":
                    # "between President A and leader B", A parsed as a modifier of B's title
                    # (not "between the A and B teams": the teams are the sides)
                    out.extend(t for t in o.subtree if t.dep_ in {"nmod", "compound", "amod"}
                               and t.ent_type_ == "PERSON" and t.head.ent_type_ != "PERSON"
                               and any(c.dep_ == "cc" and c.lower_ == "and"
                                       for c in t.children))
            out.extend(d for c in children(p, {"pcomp"}) if c.lower_ == "visiting"
                       for d in children(c, {"dobj"}))  # "with visiting President Xi"
    return out


SENDING = frozenset({"ask", "send", "urge", "tell", "instruct", "order", "direct",
                     "dispatch", "authorize", "authorise", "encourage", "push", "press",
                     "pressure", "persuade", "convince", "force", "appoint", "task",
                     "commission", "delegate", "assign", "mandate", "empower"})
"""Verbs whose object does what the infinitive after it says: "A asked B to meet C" is B's
meeting with C, not A's."""
REPORT_NOUNS = frozenset({"comments", "remarks", "announcement", "statement", "decision",
                          "words", "visit", "trip", "comment", "remark", "language", "tone",
                          "performance", "answers", "tweets", "declaration", "pledge",
                          "promise", "assurance", "assurances", "claim", "threat", "offer"})
"""What someone says or does after a meeting, whose possessor is the one who met:
"Trump's comments came after talks with X", "he felt the president's remarks after meeting
with Putin"."""


WISH_NOUNS = frozenset({"offer", "invitation", "willingness", "readiness", "desire", "wish",
                        "eagerness", "intention", "proposal", "bid", "plan", "request"})
"""Nouns whose infinitive names a meeting someone offers or wants ("an offer to meet X")."""
VOICING = frozenset({"repeat", "express", "renew", "reiterate", "extend", "make", "accept",
                     "signal", "voice", "indicate", "announce", "reaffirm", "convey"})
"""Verbs whose subject voices the offer or wish they govern (not "rejected an offer")."""


def clause_subjects(verb: Token) -> list[Token]:
    """The verb's subject, or the one of the clause it hangs on: "A flew in and met B",
    "Speaking after meeting with B, A said", "A dictated it after talking with B"."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return [verb.head]  # "Hansen, joined by Keller, signed": the noun it modifies
    if (verb.dep_ == "acl" and verb.tag_ == "VB" and verb.head.lemma_.lower() in WISH_NOUNS
            and not children(verb, SUBJ)):
        # "Putin repeated his offer to hold talks with Trump", "Trump accepted an invitation
        # to meet with Kim": the one whose offer or willingness it is, or who voices it
        noun = verb.head
        owner = children(noun, {"poss"})
        if owner:
            return owner
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in VOICING:
            return children(noun.head, SUBJ)
        return []
    if first_to(verb):  # "the last official to meet Kim was Albright", "Pastor, who was
        noun, be = verb.head, verb.head.head  # the first official to meet Castro"
        if noun.dep_ == "nsubj":
            return children(be, {"attr"})
        subj = children(be, SUBJ)
        if len(subj) == 1 and subj[0].tag_ in {"WP", "WDT"} and be.dep_ == "relcl":
            return [be.head]
        return subj
    subj = children(verb, SUBJ)
    if not subj and (placed := _placed_subject(verb)):
        return placed
    if not subj and verb.dep_ == "conj" and (stranded := _stranded_subject(verb)):
        return stranded
    t = verb
    while not subj and t.dep_ in {"xcomp", "conj", "advcl", "pcomp", "acl", "acomp",
                                  "appos"} and \
            t.head != t:
        if (t.dep_ == "acl" or (t.dep_ == "appos" and t.tag_ == "VBG")) and \
                t.head.pos_ in {"NOUN", "PROPN"}:
            return _among(t.head) or [t.head]  # "Mr Straw, speaking after talks with B": the
            # noun it modifies
        if t.dep_ in {"xcomp", "advcl"} and any(  # (an advcl a purpose: "sent B to")
                c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and \
                t.head.lemma_.lower() in SENDING and (doer := children(t.head, {"dobj"})):
            return doer  # "A asked B to meet C", "sent an envoy to meet C": B, the envoy (not
            # "told reporters traveling with him": a participle)
        t = t.head
        if t.dep_ == "prep" and t.head != t:  # "after talking with": pcomp -> prep -> verb
            if t.lower_ == "for" and (thanked := thanked_for_doing(t)):
                return thanked  # "Moon thanked Pompeo for coming after meeting Kim": Pompeo
            if t.lower_ not in TIME_PREPS and not (t.lower_ == "for" and any(
                    c.dep_ == "auxpass" for c in t.head.children)):
                return []  # "took the lead in talking with X": no one meeting (but "was
                # criticised for leaving the summit": the one criticised left it)
            prep, t = t, t.head
            if t.pos_ == "NOUN":  # "Trump's language after meeting Juncker": the possessor
                return [c for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
            said = prep.doc[prep.i - 1] if prep.i > 0 else prep  # "he felt the president's
            if said.head == t and said.dep_ == "dobj" and said.lower_ in REPORT_NOUNS:  # remarks
                owner = [c for c in said.children if c.dep_ == "poss"]  # after meeting X"
                if owner and owner[0].pos_ in {"PROPN", "NOUN"}:  # (hung on "felt")
                    return owner
            if children(t, SUBJ) and reported_thing(t, prep):
                return children(t.head, SUBJ)  # "Obama questioned whether a deal was
                # possible after meeting Putin": a deal meets no one, the questioner did
        subj = children(t, SUBJ)
    words = subj[0] if len(subj) == 1 else t if not subj and t.pos_ == "NOUN" else None
    if t is not verb and words is not None and words.lower_ in REPORT_NOUNS and \
            verb.tag_ in {"VBG", "VBN"} and verb.i < words.i and (
            owner := [c for c in words.children if c.dep_ == "poss" and c.pos_ == "PROPN"]):
        return owner  # "After meeting Juncker, Trump's language was warm": his, who met
        # (or the parser hung "Having left the summit" on "Trump's announcement" itself);
        # only a participle before it, not "X's visit marked the first since A met B"
    if (len(subj) == 1 and subj[0].tag_ in {"WP", "WDT"} and t.dep_ == "relcl"
            and t.head.pos_ in {"PROPN", "NOUN"}):
        if after_a_list(t.head):  # "loyalties to Obama, Israel and their constituents,
            return [t.head]  # multiple members of Congress who attended the meeting": the
            # members, which the parser took for the list's apposition
        among = t.head.head
        if t.head.dep_ == "pobj" and among.lower_ == "among" and among.head.lemma_ == "be" \
                and (members := children(among.head, {"nsubj"})):
            return members  # "A and B were among the leaders who attended the ceremony"
        if t.head.dep_ == "appos" and t.head.pos_ == "NOUN":  # "Graham, a Trump ally who
            return [t.head.head]  # golfed with the president": Graham
        after = [a for a in t.head.children if a.dep_ == "appos" and a.i < t.i
                 and after_a_list(a)]
        if after:  # (the clause hung on the list)
            return after[-1:]
        return [t.head]  # "Kim, who met Trump in June, ...": the noun the clause is about
    if len(subj) == 1 and subj[0].tag_ == "WP" and t.dep_ == "conj":
        # "A, who was thought to have dropped out, but who visited B on Friday": the second
        # "who" clause, which the parser joined to the main verb, is about the first's noun
        first = next((w.head.head for w in reversed(subj[0].doc[subj[0].sent.start:subj[0].i])
                      if w.tag_ == "WP" and w.dep_ in SUBJ and w.head.dep_ == "relcl"
                      and w.head.head.pos_ in {"PROPN", "NOUN"}), None)
        if first is not None:
            return [first.head] if first.dep_ == "appos" and first.pos_ == "NOUN" else [first]
    return subj or _dated_name(verb)


def after_a_list(appos: Token) -> bool:
    """An apposition the parser hung on the first of a list, after the list's last item
    ("to Obama, Israel and their constituents, multiple members of Congress"): no
    apposition of the list, but the next phrase."""
    return appos.dep_ == "appos" and any(c.dep_ == "conj" and c.i < appos.i
                                         for c in appos.head.children)


def reported_thing(clause: Token, prep: Token) -> bool:
    """ "Obama questioned whether a deal was possible after meeting Putin": the parser hung
    the time phrase (``prep``) on the reported clause, whose subject is a thing; it goes
    with the reporting verb above, which has a subject of its own."""
    return (clause.dep_ == "ccomp" and prep.lower_ in TIME_PREPS and prep.i > clause.i
            and all(thing(s) for s in children(clause, SUBJ))
            and bool(children(clause.head, SUBJ)))


def time_host(prep: Token) -> Token:
    """The verb a time phrase ("after meeting B") goes with: the one it hangs on, or the
    reporting verb above when it hangs on a reported thing (:func:`reported_thing`)."""
    verb = prep.head
    return verb.head if reported_thing(verb, prep) else verb


def thing(subject: Token) -> bool:
    """A subject that is neither someone nor a named person's: "the decision", "rogue
    killers", "his message" (not "the president", "officials", "Prince's testimony", "he")."""
    return ((subject.pos_ == "NOUN" or (subject.pos_ == "PROPN" and subject.is_lower))
            and subject.ent_type_ == ""  # ("rogue killers" in quotes, tagged a proper noun)
            and subject.lemma_.lower() not in ROLE_NOUNS and subject.lower_ not in GROUP_NOUNS
            and subject.lemma_.lower() not in OFFICIAL_NOUNS
            and not any(c.dep_ == "poss" and c.pos_ != "PRON" for c in subject.children))


def _among(noun: Token) -> list[Token]:
    """The subject of "X is among the ministers" or "X was one of the ministers": who the
    ministers meeting Y include ("X is among the dissidents meeting Obama")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"among", "of"}:
        return []
    be = prep.head
    if prep.lower_ == "of":
        if prep.head.lower_ != "one" or prep.head.dep_ != "attr":
            return []
        be = prep.head.head
    if be.lemma_ != "be":
        return []
    return [s for s in children(be, SUBJ) if s.tag_ not in {"WP", "WDT", "EX"}]


PLACES_IN_PICTURE = frozenset({"left", "right", "center", "centre"})


def _placed_subject(verb: Token) -> list[Token]:
    """ "Raul Castro, left, attends a ceremony with X": a caption's place in the picture,
    which the parser read as a verb ("left") taking the name for its subject; or a name the
    parser hung on the verb as a compound."""
    doc = verb.doc
    if verb.pos_ == "VERB" and verb.dep_ == "ROOT":  # "Danish envoy Lars Berg talks with X",
        named = [c for c in children(verb, {"compound"})  # the name hung on the verb as if
                 if c.i < verb.i and c.ent_type_ == "PERSON"]  # it were a noun
        if named:
            return named
    return [s for c in verb.children if c.dep_ == "advcl" and c.lower_ in PLACES_IN_PICTURE
            and c.i > 0 and doc[c.i - 1].text == "," and c.i + 1 < len(doc)
            and doc[c.i + 1].text == "," for s in children(c, SUBJ)]


def thanked_for_doing(prep: Token) -> list[Token]:
    """ "Moon thanked Pompeo for coming": the one thanked (praised, blamed) for doing it is
    who did it."""
    verb = prep.head
    if prep.lower_ != "for" or verb.pos_ != "VERB":
        return []
    return [d for d in verb.children if d.dep_ == "dobj" and d.pos_ == "PROPN"]


CLAUSE_PREPS = frozenset({"as", "while", "when", "after", "before", "until", "since"})


def _stranded_subject(verb: Token) -> list[Token]:
    """ "Kim fired a missile as Abe and Trump met at the estate": the parser took the pair
    for the object of "as" and the verb for a conjunct of the main one; the pair right
    before the verb is its subject."""
    if verb.i == 0:
        return []
    t = verb.doc[verb.i - 1]
    while t.dep_ == "conj" and t.head.i < t.i:
        t = t.head
    if (t.dep_ == "pobj" and t.head.lower_ in CLAUSE_PREPS and t.head.head.i == verb.head.i
            and t.head.i == t.left_edge.i - 1 and t.right_edge.i == verb.i - 1
            and t.ent_type_ in {"PERSON", "GPE", "ORG", "NORP"}):
        return [t]
    return []


def first_to(verb: Token) -> bool:
    """ "the first US official to meet with Castro", "the last official to meet Kim": an
    infinitive on a noun an ordinal marks, the noun a subject or complement of "be" (a deed
    told, not a plan)."""
    noun = verb.head
    return (verb.dep_ in {"relcl", "acl"} and noun.pos_ == "NOUN"
            and noun.dep_ in {"attr", "nsubj"} and noun.head.lemma_ == "be"
            and noun.head.tag_ in {"VBD", "VBZ", "VBP"}  # not "will be the first to meet"
            and not any(c.dep_ == "aux" for c in noun.head.children)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and any(c.dep_ == "amod" and c.lower_ in ORDINALS for c in noun.children))


def _dated_name(verb: Token) -> list[Token]:
    """ "On Friday Mr Trump met Putin": with no comma after the date, the parser makes the
    name the object of "On" ("Friday" its compound) and leaves the verb with no subject."""
    for prep in children(verb, {"prep"}):
        if prep.i > verb.i or prep.lower_ not in {"on", "in", "at", "by", "last"}:
            continue
        for name in children(prep, {"pobj"}):
            if name.ent_type_ == "PERSON" and name.i < verb.i and any(
                    c.ent_type_ in {"DATE", "TIME"} for c in name.children
                    if c.dep_ in {"compound", "nmod"}):
                return [name]
    return []


def run_on_subjects(verb: Token) -> list[Token]:
    """ "In Oslo, Keller and Hansen met": the parser often runs the subject into the
    fronted phrase's place as a list ("Oslo, Keller and Hansen") and leaves the verb with
    no subject; the names between the last comma and the verb are its subjects."""
    if verb.dep_ not in {"ROOT", "advcl", "ccomp"}:
        return []
    sent = verb.sent
    comma = next((t.i for t in reversed(sent[: verb.i - sent.start]) if t.text == ","), None)
    if comma is None or comma == verb.i - 1 or any(s.i > comma for s in children(verb, SUBJ)):
        return []  # "After the talks in Oslo, Keller and ...": "talks" is no subject
    words = verb.doc[comma + 1: verb.i]
    if any(t.pos_ not in {"PROPN", "CCONJ", "PUNCT"} for t in words):
        return []
    names = [t for t in words if t.pos_ == "PROPN" and t.dep_ in {"conj", "appos"}]
    for name in names:
        root = name
        while root.dep_ in {"conj", "appos"} and root.head != root:
            root = root.head
        if root.dep_ in SUBJ:
            return []  # "Keller, Hansen and Park met": a list the parser got right
    return names if len(names) >= 2 else []


SEPARATE = frozenset({"separate", "separately", "individual", "individually", "respective",
                      "earlier", "several", "bilateral"})
"""Words by which "meetings with A and B" are one meeting with each."""

def separate_meetings(noun: Token) -> bool:
    """ "individual meetings with A, B and C", "earlier meetings with A and B": a plural
    meeting noun (not "talks": a plural with one meeting's sense), one marked separate, or
    months of them."""
    words = {c.lower_ for c in noun.children} | {
        c.lower_ for c in noun.head.children if noun.dep_ == "dobj"}
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.ent_type_ == "DATE":
        return True  # "months of discussions with A and B": a series, not one of the three
    return (noun.pos_ == "NOUN" and noun.lower_ in {"meetings", "calls", "conversations",
                                                     "summits"}) or bool(words & SEPARATE)


def listed_with_root(name: Token, index: MentionIndex) -> bool:
    """ "the leaders of Norway, Sweden and Denmark met": a list of one kind is a list,
    unlike a place the parser ran people into ("In Oslo, Keller and Hansen met")."""
    root = name
    while root.dep_ in {"conj", "appos"} and root.head != root:
        root = root.head
    a, b = index.at(root), index.at(name)
    return a is not None and b is not None and a.kind == b.kind


def contrasted(tok: Token) -> bool:
    """A conjunct set against the word it hangs on: "did not meet B but spoke with her"."""
    return tok.dep_ == "conj" and any(k.dep_ == "cc" and k.lower_ in {"but", "yet"}
                                      for k in tok.head.children)


def _own_clause(verb: Token) -> bool:
    """A coordinated verb with a clause of its own: "A met B last week, and C met D on
    Monday" (its own subject), "and will meet her again on Friday" (its own modal), "did not
    meet B but spoke with her on Monday" (set against the first)."""
    if verb.dep_ != "conj" or verb.pos_ not in {"VERB", "AUX"}:
        return False
    return contrasted(verb) or any(
        k.dep_ in {"nsubj", "nsubjpass"} or (k.dep_ == "aux" and k.tag_ == "MD")
        for k in verb.children)


def scope_of(trigger: Token, skip: set[int]) -> list[Token]:
    """The trigger's subtree without nested clauses and without ``skip`` subtrees."""
    out: list[Token] = []
    stack = [trigger]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.i in skip or (c.dep_ in CLAUSAL and c.pos_ in {"VERB", "AUX"}) or \
                    _own_clause(c):
                continue
            stack.append(c)
    return out


def place_of(scope: list[Token], index: MentionIndex, exclude: set[Mention]) -> Mention | None:
    """The first place or country named "in"/"at" in the scope, not inside another event
    at another time ("met X ahead of last month's summit in Singapore": not Singapore)."""
    within = {t.i for t in scope}
    for tok in sorted(scope, key=lambda t: t.i):
        if tok.dep_ == "pobj" and tok.head.lower_ in {"in", "at"} and not _of_another_time(
                tok, within):
            m = index.at(tok)
            # "at 10 Downing Street", "at the White House": a body's seat is a place too
            kinds = {"Place", "Country"} | ({"Organization"} if tok.head.lower_ == "at" else set())
            if m is not None and m.kind in kinds and m not in exclude and \
                    m.text.upper() not in TIME_ZONES and tok.ent_type_ != "TIME":
                return m  # (not "at 1130 GMT")
    return None


ANOTHER_TIME = frozenset({"before", "since", "until", "till"})
"""Prepositions of an event at another time than the meeting's: "ahead of", "before" (not
"after the summit in Rome", where a meeting on its heels is most often in Rome too)."""


def _of_another_time(tok: Token, within: set[int]) -> bool:
    """Whether ``tok`` lies inside an event noun that is the object of "ahead of", "before",
    "since" ... within the scope: the event's place, not the meeting's."""
    for a in tok.ancestors:
        if a.i not in within:
            return False
        if a.pos_ == "NOUN" and a.lemma_.lower() in EVENT_NOUNS and a.dep_ == "pobj" and (
                a.head.i in within) and (  # (not the meeting noun itself: "since a summit
                # between A and B in Singapore" is in Singapore)
                a.head.lower_ in ANOTHER_TIME or (a.head.lower_ == "of"
                                                  and a.head.head.lower_ == "ahead")):
            return True
    return False


TIME_ZONES = frozenset({"GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "ET", "CST", "CDT",
                        "MST", "MDT", "PST", "PDT", "PT", "JST", "KST", "IST", "AEST", "AEDT"})
"""Zones after a time of day ("at 1130 GMT"), which the model may tag as bodies."""


def speaker_for(tok: Token, quotes: list[Quote]) -> Mention | None:
    for q in quotes:
        if q.start <= tok.idx < q.end:
            return q.speaker
    return None


def fronted_subject(noun: Token) -> Token | None:
    """ "In a telephone conversation with Putin, Bush said ...": the parser may read the
    main clause's subject as a conjunct of the name that ends the opening phrase ("Putin,
    Bush"), leaving the verb with no subject; that conjunct, after the comma with no "and",
    is the subject."""
    prep = noun.head
    verb = prep.head
    doc = noun.doc
    if not (noun.dep_ == "pobj" and prep.dep_ == "prep" and all(
            doc[i].is_space or doc[i].is_punct for i in range(prep.sent.start, prep.i))
            and verb.pos_ in {"VERB", "AUX"} and verb.dep_ == "ROOT"
            and not children(verb, SUBJ)):
        return None
    for other in prep_objects(noun, {"with"}):
        if other.ent_type_ != "PERSON" or children(other, {"cc"}):
            continue
        for c in children(other, {"conj"}):
            if c.ent_type_ == "PERSON" and doc[c.left_edge.i - 1].text == "," and c.i < verb.i:
                return c
    return None
