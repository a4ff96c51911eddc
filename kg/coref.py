"""Conservative coreference inside one article: pronouns and "the pair".

Precision first.  A pronoun ("he", "she", "his", "her") refers to the most recent person
who was the grammatical subject of a clause in the same or the previous two sentences, and
only when no other person was a subject in between.  "The pair", "the two men", "both
leaders" refer to the two people last coordinated as one subject ("Solomon Lew and Lindsay
Fox").  Anything less clear resolves to nothing.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from kg.mentions import (
    GROUP_NOUNS,
    HONORIFICS,
    MentionIndex,
    doc_text,
    people_named,
    title_holder,
)
from kg.model import Mention
from kg.names import RELATIVE_CUES, given_name_gender
from kg.rules import AUDIENCE, EVENT_NOUNS, ROLE_NOUNS, SAY_LEMMAS, TRIGGERS_KEY

PERSONAL = frozenset({"he", "she", "him", "his", "her"})
PAIR_HEADS = frozenset({"pair", "two", "both", "duo"})
PAIR_NOUNS = frozenset({"men", "women", "leaders", "ministers", "presidents", "sides",
                        "officials", "businessmen", "politicians"})
_SUBJ = frozenset({"nsubj", "nsubjpass"})
SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
KIN = frozenset({"son", "daughter", "brother", "sister", "son-in-law", "daughter-in-law",
                 "father", "mother", "niece", "nephew", "cousin", "uncle", "aunt"})
"""Cues of a family member who is not the couple "the Trumps" names (unlike "first lady")."""
TRAVELS = frozenset({"trip", "visit", "tour", "journey", "stop", "stay", "plane", "motorcade"})
"""A traveller's trip as a clause's subject stands for the traveller ("Pompeo's trip began in
Tokyo, where he met Abe": "he" is Pompeo)."""
WINDOW = 2
"""How many sentences before the pronoun's own are searched."""


_QUOTE_RE = re.compile(r"[\"“”]")


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges between paired double quotes, paragraph by paragraph.

    A quote that runs on into the next paragraph is left open there and reopened after the
    break; where a corpus has lost its paragraph breaks ("... a force like this. "Yes, it
    was ...," Fawzi said.") a mark that plainly opens a quote while one is open ends the
    open one before it, so the rest of the paragraph does not read as quoted.
    """
    ranges: list[tuple[int, int]] = []
    pos = 0
    for chunk in re.split(r"(\n\s*\n)", text):
        start: int | None = None
        for m in _QUOTE_RE.finditer(chunk):
            at = pos + m.start()
            if start is None:
                start = at
            elif _opens(text, at):
                ranges.append((start, at - 1))
                start = at
            else:
                ranges.append((start, at))
                start = None
        pos += len(chunk)
    return ranges


def _opens(text: str, at: int) -> bool:
    """Whether the quote mark at ``at`` can only open a quote: a curly opening mark, or a
    straight one after a sentence's end and a space, before a capital ('this. "Yes')."""
    if text[at] != '"':
        return text[at] == "“"
    return (at >= 2 and text[at - 1] == " " and text[at - 2] in ".?!"
            and at + 1 < len(text) and text[at + 1].isupper())


def _quoted(doc: Doc) -> set[int]:
    """Indices of tokens inside quotation marks (cached on the Doc)."""
    if "dip_quoted" not in doc.user_data:
        inside: set[int] = set()
        for a, b in quoted_ranges(doc_text(doc)):
            span = doc.char_span(a, b + 1, alignment_mode="expand")
            if span is not None:
                inside.update(range(span.start, span.end))
        doc.user_data["dip_quoted"] = inside
    quoted: set[int] = doc.user_data["dip_quoted"]
    return quoted


def _window_tokens(tok: Token, exclude: frozenset[int] = frozenset()) -> list[Token]:
    """Tokens of the pronoun's sentence before it and of the sentences before that, less
    quoted speech (people a speaker talks about are not the speaker) and ``exclude``."""
    doc = tok.doc
    sent = tok.sent
    start = sent.start
    for _ in range(WINDOW):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    quoted = _quoted(doc)
    return [doc[i] for i in range(start, tok.i) if i not in quoted and i not in exclude]


def _is_subject(t: Token) -> bool:
    """A clause's subject, or the agent of a passive ("delivered by Kim Yo Jong")."""
    while t.dep_ == "conj" and t.head != t:  # "Vogt and Wendt landed": both are subjects
        t = t.head
    if t.dep_ == "appos" and t.head.pos_ in {"NOUN", "PROPN"}:  # "the defence secretary,
        t = t.head  # Jo Park, said"
    if t.dep_ == "poss" and t.head.dep_ in _SUBJ and t.head.lemma_.lower() in TRAVELS:
        return True  # "Pompeo's trip started with a visit to Tokyo, where he met Abe"
    return t.dep_ in _SUBJ or (t.dep_ == "pobj" and t.head.dep_ == "agent") or (
        t.dep_ == "attr" and t.head.lemma_ == "be" and any(  # "It was Bush who signed it"
            c.dep_ == "nsubj" and c.lower_ == "it" for c in t.head.children)) or \
        _inverted_speaker(t)


CLOSING_QUOTES = frozenset({'"', "”", "''", "’"})
QUOTING_VERBS = frozenset({*SAY_LEMMAS, "joke", "quip", "laugh", "reply", "respond", "recall",
                           "exclaim", "remark", "ask", "continue", "observe", "muse"})
"""Verbs that put a speaker after a quotation ('"...," joked X')."""


def _inverted_speaker(t: Token) -> bool:
    """ '"...," joked Jeremy Ben-Ami': the speaker after a quotation's verb, which the parser
    often takes for the verb's object, is its subject."""
    verb = t.head
    return (t.dep_ == "dobj" and t.ent_type_ == "PERSON" and verb.pos_ == "VERB"
            and verb.lemma_.lower() in QUOTING_VERBS and verb.i < t.i and verb.i > 0
            and verb.doc[verb.i - 1].text in CLOSING_QUOTES
            and not any(c.dep_ in _SUBJ for c in verb.children))


def _other_subject_before(tok: Token, last: Mention, index: MentionIndex) -> bool:
    """Someone else heads a subject before the pronoun in its own sentence, so the named
    antecedent is a guess: a person named only by a title, as subject or possessor ("The
    queen received Bush, and she hosted Reagan", "The president's willingness was plain
    when he had a call with X"), or as object ("accusations against the president hinge on
    a conversation he had with X", where Giuliani said so), or the person whose people are
    the subject ("Johnson's aides let it be known that he called Kim", after a sentence
    about Trump)."""
    for t in tok.sent:
        if t.i >= tok.i:
            break
        if (t.dep_ in _SUBJ or (t.dep_ == "poss" and index.at(t) is None) or (
                t.dep_ in {"pobj", "dobj"} and t.tag_ == "NN" and index.at(t) is None
                and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
                and t.i not in _quoted(tok.doc))) and \
                t.lower_ in ROLE_NOUNS and t.pos_ == "NOUN" and not (
                (holder := title_holder(t, index)) is not None and same_person(holder, last)):
            return True
        m = index.at(t)
        if (t.dep_ == "poss" and t.head.dep_ in _SUBJ and m is not None
                and m.kind == "Person" and not same_person(m, last)):
            return True
    return False


def _subject_people(tokens: list[Token], index: MentionIndex, *, chain: bool = False
                    ) -> list[Mention]:
    """The people heading subjects among ``tokens``, in order; with ``chain``, the people
    that subject pronouns stand for too ("Kerry's statements shift as he adjusts. He
    spoke with Lavrov": the first "he" is Kerry, so the second is too)."""
    people: list[Mention] = []
    for t in tokens:
        m = index.at(t)
        if m is None and t.pos_ == "NOUN" and t.lower_ in ROLE_NOUNS and _is_subject(t):
            m = title_holder(t, index)  # "The prime minister took charge. He also spoke ..."
        if m is None and chain and t.lower_ in {"he", "she"} and _is_subject(t):
            m = pronoun_antecedent(t, index, chain=False)
        if (m is not None and m.kind == "Person" and _is_subject(t)
                and not family_plural(t, index)):  # "she" is never "the Obamas"
            people.append(m)
    return people


MALE_WORDS = frozenset({"mr", "mr.", "king", "prince", "emir", "sultan", "spokesman",
                        "chairman", "congressman", "businessman", "sir", "lord", "father",
                        "son", "husband", "brother", "sheikh", "crown"})
FEMALE_WORDS = frozenset({"ms", "ms.", "mrs", "mrs.", "miss", "queen", "princess",
                          "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "lady",
                          "dame", "mother", "daughter", "wife", "sister", "actress"})


def _addressed_as(m: Mention, doc: Doc) -> str | None:
    """The gender of the honorific right before this one mention ("Mr. Trump sent his
    daughter, Ivanka Trump": this "Trump" is a man, whatever a bare "Trump" is elsewhere)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    return HONORIFIC_GENDER.get(doc[span.start - 1].lower_)


def gender_of(m: Mention, doc: Doc) -> str | None:
    """ "m" or "f" when the article marks the person so ("Mr Johnson", "spokesman James
    Margolin", "Ms. Keller", "the actress Eva Lund") or, failing that, the given name does
    ("Anna Kovac"; a bare "Kovac" when every full name with it agrees), else None: "she" is
    never a man the article calls "Mr".  An honorific counts before the surname; a title
    word only before the full name ("his sister Kim Yo-jong" says nothing of Kim Jong-un)."""
    cache = doc.user_data.setdefault("dip_genders", {})
    words = m.text.lower().split()
    if not words:
        return None
    key = " ".join(words)
    if key not in cache:
        marks = {HONORIFIC_GENDER[doc[i - 1].lower_] for i in _positions(doc, words[-1])
                 if i > 0 and doc[i - 1].lower_ in HONORIFIC_GENDER}
        if len(words) > 1 and {f.lower() for f in _full_names_with(doc, words[-1])} - {key}:
            marks = set()  # "Mrs. Trump" is not "Donald Trump" when "Melania Trump" is named
        if len(words) > 1:
            for i in _positions(doc, words[0]):
                if doc[i:i + len(words)].text.lower() == key:
                    for b in doc[max(i - 4, 0):i]:
                        if b.lower_ in MALE_WORDS:
                            marks.add("m")
                        elif b.lower_ in FEMALE_WORDS:
                            marks.add("f")
        if len(words) == 1 and len(marks) == 1 and any(
                gender_of(Mention(full, 0, 0, "Person"), doc) not in marks
                for full in _full_names_with(doc, words[0])):
            marks = set()  # "Mrs. Trump" when "President Donald Trump" is named too: the
            # honorific marks her, not every bare "Trump"
        if not marks:  # "Anna Kovac", or a bare "Kovac" whose full names agree (not a
            # bare "Trump" when the only full name is "first lady Melania Trump")
            fulls = _full_names_with(doc, words[0]) if len(words) == 1 else {m.text}
            given = {given_name_gender(n) for n in fulls}
            marks = given if "" not in given and not (
                len(words) == 1 and any(_kin_named(doc, n) for n in fulls)) else set()
        cache[key] = next(iter(marks)) if len(marks) == 1 else None
    found: str | None = cache[key]
    return found


def _kin_named(doc: Doc, full: str) -> bool:
    """Whether the article introduces ``full`` as someone's relative ("first lady Melania
    Trump", "his son Donald Trump Jr.", "Ivanka Trump, the president's daughter"): a bare
    surname may then be another bearer."""
    words = full.lower().split()
    return any(doc[i:i + len(words)].text.lower() == full.lower() and any(
        b.lower_ in RELATIVE_CUES for b in (*doc[max(i - 4, 0):i], *doc[i + len(words):i + len(
            words) + 6])) for i in _positions(doc, words[0]))  # "Ivanka Trump, his daughter"


def _full_names_with(doc: Doc, surname: str) -> set[str]:
    """The article's full names (two words or more) that end in ``surname``."""
    return {e.text for e in doc.ents if e.label_ == "PERSON" and len(e.text.split()) > 1
            and e.text.lower().split()[-1] == surname}


def _positions(doc: Doc, word: str) -> list[int]:
    """Where the lower-case ``word`` stands in ``doc`` (one array of the Doc's words, made
    once per Doc)."""
    lowers = doc.user_data.get("dip_lowers")
    if lowers is None:
        lowers = doc.user_data["dip_lowers"] = doc.to_array([LOWER])
    return [int(i) for i in numpy.flatnonzero(lowers == doc.vocab.strings[word])]


HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f",
                    "miss": "f"}


def _in_subordinate_clause(t: Token) -> bool:
    """Whether a token sits in a clause below its sentence's main verb ("While Carter has
    been a critic, Kerry has taken the lead": Carter)."""
    while t.head != t:
        if t.dep_ in {"advcl", "ccomp", "relcl", "acl", "csubj", "xcomp"}:
            return True
        t = t.head
    return False


def _cataphor(tok: Token, index: MentionIndex) -> Mention | None:
    """The person named just after the fronted phrase a pronoun opens the sentence with:
    "Before his talks with X, Mr Johnson spoke ...", "When she met X, Keller said ..."."""
    sent = tok.sent
    comma = next((t for t in sent if t.i > tok.i and t.text == ","), None)
    if comma is None or comma.i - sent.start > 20 or any(  # only adjuncts before it
            t.pos_ in {"VERB", "AUX"} or t.text in {";", ":", "\u201c", '"'}
            for t in sent if t.i < tok.i):
        return None
    if tok.dep_ in _SUBJ and tok.head.dep_ == "ROOT" and tok.head.i < comma.i and not any(
            c.dep_ == "mark" for c in tok.head.children):
        return None  # "He also said that during the call, Mueller told him": the main
        # clause's own subject, no fronted phrase
    nxt = comma.i + 1
    while nxt < sent.end and (sent.doc[nxt].ent_type_ == "TITLE" or sent.doc[nxt].lower_ == "the"
                              or sent.doc[nxt].lower_ in HONORIFICS
                              or sent.doc[nxt].lower_ in ROLE_NOUNS):
        nxt += 1
    if nxt >= sent.end:
        return None
    head = sent.doc[nxt]
    m = index.at(head)
    if m is None or m.kind != "Person":
        return None
    # the name heads the main clause's subject ("..., Trump cast doubt", misparsed or not)
    span = sent.doc.char_span(m.start, m.end, alignment_mode="expand")
    root = span.root if span is not None else head
    return m if root.dep_ in _SUBJ or root.head.i > root.i else None


def _in_time_clause(doc: Doc, m: Mention) -> bool:
    """A mention in an adverbial clause opened by "while", "as", "after"... before its
    sentence's main clause, or in a sentence-initial clause the parser made the root
    ("While Carter was a critic, Kerry took the lead", with "took" parsed as a relative)."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and _fronted_clause(span.root)


def _fronted_clause(t: Token) -> bool:
    while True:
        marked = any(c.dep_ == "mark" and c.i == c.sent.start for c in t.children)
        if ((t.dep_ == "advcl" and t.i < t.head.i and any(c.dep_ == "mark" for c in t.children))
                or (t.head == t and marked)):
            return True
        if t.head == t:
            return False
        t = t.head


def same_person(a: Mention, b: Mention) -> bool:
    """One name is the other's shorter form ("Pompeo", "Mike Pompeo")."""
    ta, tb = set(a.text.lower().split()), set(b.text.lower().split())
    return ta <= tb or tb <= ta


def pronoun_antecedent(tok: Token, index: MentionIndex, *,
                       exclude: frozenset[int] = frozenset(), chain: bool = True
                       ) -> Mention | None:
    """The person a personal pronoun stands for, or None when in any doubt.

    ``exclude`` holds token indices that cannot hold the antecedent (for "..., he said",
    the reported clause itself)."""
    if tok.lower_ not in PERSONAL:
        return None
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text in {"-", "‑"}:
        return None  # "a case of he-said, she-said": a stock phrase, no one
    if (ahead := _cataphor(tok, index)) is not None:
        return ahead
    subjects = _subject_people(_window_tokens(tok, exclude), index, chain=chain)
    wanted = "f" if tok.lower_ in {"she", "her"} else "m"
    subjects = [m for m in subjects if gender_of(m, tok.doc) in {wanted, None}
                and _addressed_as(m, tok.doc) in {wanted, None}]
    if not subjects:
        return None
    last = subjects[-1]
    if _other_subject_before(tok, last, index):
        return None
    own = _own_subject(tok) if gender_of(last, tok.doc) == wanted else set()
    if tok.lower_ in {"his", "her"} and any(
            (m := index.at(t)) is not None and m.kind == "Person" and not same_person(m, last)
            and gender_of(m, tok.doc) in {wanted, None} and t.i not in own
            for t in tok.sent if t.i < tok.i and t.i not in _quoted(tok.doc)):
        return None  # "at Trump's order following his talks with Kim": Trump's, or not (but
        # "Hart said he would meet her": not Hart's, a man)
    sent_start = tok.sent.start
    # another person as subject in the pronoun's own sentence, before it: ambiguous
    same_sentence = [m for m, t in _subject_tokens(tok, index, exclude) if t.i >= sent_start
                     and gender_of(m, tok.doc) in {wanted, None}]
    if any(not same_person(m, last) for m in same_sentence):
        return None
    if _governs_its_clause(tok, last, index):
        return last  # "A travelled to Beijing, where he held talks with B": A's own clause
    # two different people as subjects of the previous sentence: ambiguous
    # (one in a fronted time clause is not: "While Carter was a critic, Kerry took the lead")
    prev = [m for m in subjects if m.start >= tok.doc[max(sent_start - 1, 0)].sent.start_char
            and not (m is not last and _in_time_clause(tok.doc, m))]
    if len({m.text.split()[-1].lower() for m in prev}) > 1 and not _about(last, prev, index):
        return None
    # another person before the verb of the antecedent's sentence ("A and B landed"), even
    # where the parser did not make both subjects: ambiguous
    ante = tok.doc.char_span(last.start, last.end, alignment_mode="expand")
    if ante is not None:
        sent = ante.sent
        before_verb = {index.at(t) for t in sent if t.i < sent.root.i and index.at(t)
                       and not _in_subordinate_clause(t) and not _fronted_clause(t)
                       and not _in_apposed_phrase(t)}
        rivals = [m for m in before_verb if m is not None and m.kind == "Person"
                  and not same_person(m, last)]
        if rivals and not _about(last, rivals, index):
            return None
    return last


def _governs_its_clause(tok: Token, last: Mention, index: MentionIndex) -> bool:
    """Whether ``last`` is the subject of the clause that a subject pronoun's "where",
    "when" or "after" clause hangs on, with no other person named between them ("A
    travelled to Beijing on Tuesday, where he met B"): the pronoun is A's, whoever the
    sentence before named."""
    if tok.dep_ != "nsubj" or tok.head.dep_ not in {"relcl", "advcl"}:
        return False
    ante = tok.doc.char_span(last.start, last.end, alignment_mode="expand")
    if ante is None or ante.root.sent != tok.sent or not _is_subject(ante.root):
        return False
    if ante.root.head not in list(tok.head.ancestors):
        return False
    return not any((m := index.at(t)) is not None and m.kind == "Person" and m != last
                   for t in tok.doc[ante.end:tok.i])


def _own_subject(tok: Token) -> set[int]:
    """The tokens of the subject of the verb an object "her" hangs on ("Trump met her",
    "Xi hosted her for dinner"): never hers to stand for, so no rival to an antecedent
    known to be a woman."""
    if tok.tag_ != "PRP" or tok.dep_ not in {"dobj", "dative", "pobj"}:
        return set()
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    return {t.i for s in verb.children if s.dep_ == "nsubj" for t in s.subtree}


SALIENT = 3
"""How many times more often than anyone else the article names the one it is about."""


def _about(last: Mention, others: list[Mention], index: MentionIndex) -> bool:
    """ "Trump faces a deadline, and Kerry has been ramping up his meetings. He met X": the
    last of two subjects is the pronoun's when the article is about him, naming him at least
    ``SALIENT`` times as often as the other."""
    mine = len(people_named(index, last.text.split()[-1].lower()))
    rivals = {m.text.split()[-1].lower() for m in others} - {last.text.split()[-1].lower()}
    return all(mine >= SALIENT * max(len(people_named(index, s)), 1) for s in rivals)


def _in_apposed_phrase(t: Token) -> bool:
    """ "Kim Yo Jong, the younger sister of leader Kim Jong Un, took ...": a name inside the
    subject's apposition is no second subject."""
    while t.head != t:
        if t.dep_ == "appos" and t.pos_ == "NOUN":
            return True
        t = t.head
    return False


def _subject_tokens(tok: Token, index: MentionIndex, exclude: frozenset[int]
                    ) -> list[tuple[Mention, Token]]:
    out = []
    for t in _window_tokens(tok, exclude):
        m = index.at(t)
        if m is not None and m.kind == "Person" and _is_subject(t):
            out.append((m, t))
    return out


def pair_antecedents(tok: Token, index: MentionIndex) -> list[Mention]:
    """ "The pair met ..." -> the two people last coordinated as one subject."""
    words = {c.lower_ for c in tok.children} | {tok.lower_}
    if tok.lower_ == "their" and tok.dep_ == "poss" and tok.head.pos_ == "NOUN":
        # "Putin said Trump appeared satisfied during their meeting": the sentence's two
        return (_coordinated_subjects(tok, index) or _named_in_sentence(tok, index)
                or _named_and_pronoun(tok, index, anywhere=True))  # "In their meeting,
        # Xi pressed him on trade": Xi and the one "him" stands for
    if tok.lower_ in {"they", "their"}:  # only two people just coordinated as a subject
        return (_coordinated_subjects(tok, index) or _subject_and_partner(tok, index)
                or _two_before_they_met(tok, index))
    if members := family(tok, index):
        return members
    if not ((tok.lower_ in PAIR_HEADS and "the" in words) or
            (tok.lower_ in PAIR_NOUNS and words & {"two", "both"})):
        return []
    apposed = [m for a in tok.children if a.dep_ == "appos"
               for c in (a, *a.conjuncts) if (m := index.at(c)) is not None and m.kind == "Person"]
    if len(set(apposed)) == 2:
        return list(dict.fromkeys(apposed))  # "the two leaders, Vidal and Kovac,": named here
    pair = (_coordinated_subjects(tok, index) or _named_in_sentence(tok, index, before=True)
            or _named_and_pronoun(tok, index)
            or _named_in_sentence(_previous_sentence(tok), index, strict=True)
            or _pair_of_earlier_meeting(tok, index) or _named_one_each(tok, index))
    if any(not any(same_person(m, p) for p in pair) for m in _people_before(tok, index)):
        return []  # "... a tiff with Kim that raised tensions, and the two leaders met": Kim
        # is one of the two, so an earlier "A and B" is not the pair
    return pair


MEETING_WINDOW = 4
"""How many sentences back "the two leaders" may find the meeting sentence that named them."""


def _pair_of_earlier_meeting(tok: Token, index: MentionIndex) -> list[Mention]:
    """ "Howard will go to Jakarta for a summit with President Megawati. ... Mr Howard
    expects to travel in March. ... The two leaders met in August": the two people named in
    the last sentence, of the few before, that holds a meeting word and exactly two people,
    when everyone named since is one of the two."""
    doc = tok.doc
    meeting_sents = {t.sent.start for t in doc.spans.get(TRIGGERS_KEY, []) if t.label_ == "MEET"}
    since: list[Mention] = []
    start = tok.sent.start
    for _ in range(MEETING_WINDOW):
        if start == 0:
            return []
        sent = doc[start - 1].sent
        start = sent.start
        pair = _named_in_sentence(sent.root, index, strict=True)
        if pair and sent.start in meeting_sents:
            return pair if all(any(same_person(m, p) for p in pair) for m in since) else []
        since += [m for t in sent if (m := index.at(t)) is not None and m.kind == "Person"]
    return []


def _people_before(tok: Token, index: MentionIndex) -> list[Mention]:
    """People named before ``tok`` in its sentence, outside quotes, as more than a modifier."""
    quoted = _quoted(tok.doc)
    return [m for t in tok.sent if t.i < tok.i and t.i not in quoted
            and (m := index.at(t)) is not None and m.kind == "Person"
            and not _modifier_name(t, index)]


def _previous_sentence(tok: Token) -> Token:
    """A token of the sentence before ``tok``'s ("Winer met Steele. The two met again")."""
    start = tok.sent.start
    return tok.doc[start - 1] if start > 0 else tok


def _subject_and_partner(tok: Token, index: MentionIndex) -> list[Mention]:
    """ "A forged a good relationship with B when they met", "A invited B to the rally when
    they met": "they" as the subject of a clause hung on a verb whose subject is one named
    person and whose object or "with" (on the verb or on its object) names one other, and
    nobody else.  An object "him"/"her" in a clause that C reports is C ("C said A invited
    him ... when they met")."""
    clause = tok.head
    if tok.dep_ != "nsubj" or clause.dep_ != "advcl" or clause.i < tok.i:
        return []
    verb = clause.head
    subj = [m for t in verb.children if t.dep_ in _SUBJ
            for m in [index.at(t)] if m is not None and m.kind == "Person"]
    hosts = [verb, *(d for d in verb.children if d.dep_ == "dobj")]
    partners = [m for h in hosts for p in h.children if p.dep_ == "prep" and p.lower_ == "with"
                for o in p.children if o.dep_ == "pobj" for c in (o, *o.conjuncts)
                for m in [index.at(c)] if m is not None and m.kind == "Person"]
    partners += [m for o in verb.children if o.dep_ == "dobj"
                 for m in [index.at(o) or _reporting(o, index)]
                 if m is not None and m.kind == "Person"]
    if len(subj) != 1 or len(partners) != 1 or same_person(subj[0], partners[0]):
        return []
    return [subj[0], partners[0]]


MET_ALONE = frozenset({"meet", "talk", "confer", "huddle", "dine", "negotiate"})
"""Verbs whose plural subject with no one else named is a meeting of its own members."""


def _two_before_they_met(tok: Token, index: MentionIndex) -> list[Mention]:
    """ "Vidal flew to Zagreb to see Kovac. They met at the palace": "they" as the subject of
    a meeting with no one else named, when the sentence before names exactly two people (by
    the strict count) and no plural people ("officials") who could be "they"."""
    verb = tok.head
    if tok.lower_ != "they" or tok.dep_ != "nsubj" or not (
            verb.lemma_.lower() in MET_ALONE or _held_one(verb) or _shook_hands(verb)) \
            or any(c.dep_ in {"dobj", "prep", "conj"} and (c.lower_ in {"with", "to"} or (
                c.dep_ == "dobj" and c.pos_ in {"PROPN", "PRON"})) for c in verb.children):
        return []
    named = [(t, m) for t in tok.sent if (m := index.at(t)) is not None and m.kind != "Place"]
    if named:  # (a place is no one who could be "they": "They met in Hanoi")
        return _two_fronted(tok, named, index)
    prev = _previous_sentence(tok)
    if prev.i == tok.i or _plural_people(prev.sent):
        return []  # "Diplomats from both sides were worried. They met": the diplomats
    return _named_in_sentence(prev, index, strict=True) or (
        [] if _plural_people(_previous_sentence(prev).sent) else _named_one_each(tok, index))


def _two_fronted(tok: Token, named: list[tuple[Token, Mention]], index: MentionIndex
                 ) -> list[Mention]:
    """ "After Vidal flew to Zagreb to see Kovac, they met at the palace": "they", the main
    clause's subject, after a clause or phrase fronted before it that names exactly two
    people (not "A said B invited the press when they met"), when no one else is named in
    it or after it (a country after it is a place: "shook hands on the border between the
    Koreas") and no plural people ("officials") stand before it."""
    verb = tok.head
    fronted = {t.i for c in verb.children if c.i < tok.i and c.dep_ in {"advcl", "prep"}
               for t in c.subtree}
    pair = _named_in_sentence(tok, index, before=True, strict=True)
    if not pair or verb.dep_ != "ROOT" or any(
            t.i not in fronted for t, m in named if t.i < tok.i and m.kind == "Person") \
            or _plural_people(tok.doc[tok.sent.start:tok.i]) or any(
            (m.kind == "Person" and not any(same_person(m, p) for p in pair))
            or (t.i < tok.i and m.kind != "Person") for t, m in named):
        return []
    return pair


def _shook_hands(verb: Token) -> bool:
    """ "They shook hands": a greeting among the subjects themselves."""
    return verb.lemma_.lower() == "shake" and any(
        c.dep_ == "dobj" and c.lower_ == "hands" for c in verb.children)


def _held_one(verb: Token) -> bool:
    """ "They held talks", "they had dinner": a meeting held among the subjects themselves
    (no one else named with it)."""
    return verb.lemma_.lower() in {"hold", "have"} and any(
        d.dep_ == "dobj" and d.lemma_.lower() in EVENT_NOUNS and not any(
            c.dep_ == "prep" and c.lower_ in {"with", "for", "between"} for c in d.children)
        for d in verb.children)


def _plural_people(sent: Span) -> bool:
    """Whether a sentence names people in the plural ("diplomats", "officials", "Democrats")
    who could be a later "they"."""
    return any(t.tag_ in {"NNS", "NNPS"} and (
        t.dep_ in _SUBJ or t.lemma_.lower() in ROLE_NOUNS or t.lower_ in GROUP_NOUNS
        or t.lower_ in AUDIENCE or t.ent_type_ == "NORP") for t in sent)


def _reporting(pronoun: Token, index: MentionIndex) -> Mention | None:
    """ "C said A invited him": the one person who says the clause the object "him" is in."""
    verb = pronoun.head
    if pronoun.lower_ not in {"him", "her"} or verb.dep_ != "ccomp" or \
            verb.head.lemma_.lower() not in SAY_LEMMAS:
        return None
    people = [m for s in verb.head.children if s.dep_ in _SUBJ
              for m in [index.at(s)] if m is not None and m.kind == "Person"]
    return people[0] if len(people) == 1 and object_fits(pronoun, people[0]) else None


def object_fits(pronoun: Token, m: Mention) -> bool:
    """Whether an object "him" or "her" in a clause someone reports can be ``m``: "her" a
    woman the text marks as one ("Xi said Li met her" is someone else), "him" anyone not
    marked a woman."""
    gender = gender_of(m, pronoun.doc)
    return gender == "f" if pronoun.lower_ == "her" else gender in {"m", None}


def _coordinated_subjects(tok: Token, index: MentionIndex) -> list[Mention]:
    """The two people of the last subject before ``tok`` when it is "A and B" ("Trump and
    his wife, Melania Trump": the wife by her apposed name), or the family a plural
    surname names ("the Trumps")."""
    for t in reversed(_window_tokens(tok)):
        if (pair := _reporter_and_partner(t, index)):
            return pair
        m = index.at(t)
        if m is None or m.kind != "Person" or t.dep_ not in _SUBJ | {"ROOT", "appos"}:
            continue
        if members := family(t, index):
            return members
        head = t.head if t.dep_ == "appos" else t  # "his wife, Melania Trump"
        while head.dep_ == "conj" and head.head != head:
            head = head.head
        if head.dep_ not in _SUBJ | {"ROOT"} and t.dep_ == "appos":
            continue
        group: list[Mention] = []
        for c in (head, *head.conjuncts):
            named = [c, *(a for a in c.children if a.dep_ == "appos")]
            cm = next((index.at(n) for n in named if index.at(n) is not None), None)
            if cm is not None and cm.kind == "Person" and cm not in group:
                group.append(cm)
        if len(group) == 1 and any(c.dep_ == "cc" and c.lower_ == "and" for c in head.subtree):
            # "Donald and Melania Trump" (or a "Donald Trump and Melania Trump" the pipeline
            # did not mend): the names inside the one subject
            group = list(dict.fromkeys(
                m for c in head.subtree if (m := index.at(c)) is not None and m.kind == "Person"
                and _in_name_chain(c, head)))
        return group if len(group) == 2 else []
    return []


def _in_name_chain(tok: Token, head: Token) -> bool:
    """Whether ``tok`` hangs on ``head`` through name parts and coordination only (not
    through a clause or a preposition: "Pompeo, accompanied by B")."""
    while tok != head:
        if tok.dep_ not in {"compound", "nmod", "conj", "flat", "appos"} or tok.head == tok:
            return False
        tok = tok.head
    return True


def _reporter_and_partner(t: Token, index: MentionIndex) -> list[Mention]:
    """ "Trump says he and Erdogan are friends, but their meeting ...": "he and B" after a
    saying verb are its subject and B."""
    if t.lower_ not in {"he", "she"} or t.dep_ not in _SUBJ or t.head.dep_ != "ccomp" or \
            t.head.head.lemma_ not in SAY_LEMMAS:
        return []
    sayer = [index.at(s) for s in t.head.head.children if s.dep_ in _SUBJ]
    partners = [index.at(c) for c in t.conjuncts]
    group = [m for m in (*sayer, *partners) if m is not None and m.kind == "Person"]
    return group if len(group) == 2 and group[0] != group[1] else []


def family_plural(tok: Token, index: MentionIndex) -> bool:
    """ "the Trumps", "both Trumps": after "the" or "both", the plural of a surname that a
    person the article names bears (a family, never one person nor a body, whatever the NER
    made of it)."""
    m = index.at(tok)
    if (m is None or " " in m.text or not m.text.endswith("s") or not m.text[:1].isupper()
            or tok.i == 0 or tok.doc[tok.i - 1].lower_ not in {"the", "both"}):
        return False
    return any(n.kind == "Person" and surname(n) == m.text[:-1] for n in index.mentions)


def surname(m: Mention) -> str:
    """The last word of a full name, generational suffixes aside ("" for one word)."""
    words = [w for w in m.text.split() if w not in SUFFIXES]
    return words[-1] if len(words) > 1 else ""


def family(tok: Token, index: MentionIndex) -> list[Mention]:
    """ "The Trumps", "the Obamas": the people of that surname the article names in full,
    when there are two or more of them; anything else is no family."""
    m = index.at(tok)
    if m is None or not family_plural(tok, index):
        return []
    members: list[Mention] = []
    cues: dict[str, set[str]] = {}
    for n in index.mentions:
        if n.kind == "Person" and surname(n) == m.text[:-1]:
            cues.setdefault(n.text, set()).add(n.cue)
            if not any(p.text == n.text for p in members):
                members.append(n)
    if len(members) > 2:  # "the Trumps" of an article naming Ivanka too: the couple
        members = [p for p in members if not (cues[p.text] & KIN or p.text.split()[-1]
                                              in SUFFIXES)]
    return members if len(members) == 2 else []


def _named_one_each(tok: Token, index: MentionIndex) -> list[Mention]:
    """ "Trump landed in Hanoi. Kim arrived by train. The two leaders met": the two sentences
    before ``tok``'s, each naming one person (by the strict count of
    :func:`_named_in_sentence`), and two different people, name the pair, when the two
    sentences before them name no one else."""
    prev = _previous_sentence(tok)
    first = _previous_sentence(prev)
    if prev.i == tok.i or first.i == prev.i:
        return []
    one, other = _named_in_sentence(first, index, strict=True, alone=True), \
        _named_in_sentence(prev, index, strict=True, alone=True)
    if len(one) != 1 or len(other) != 1 or same_person(one[0], other[0]):
        return []
    pair = [one[0], other[0]]
    earlier = first
    for _ in range(2):  # ("Kim and Moon met in April. Trump praised it. Pompeo said ...
        # The two leaders will meet again": Kim and Moon, whom the two sentences do not name)
        if (earlier := _previous_sentence(earlier)).sent == first.sent:
            break
        if any((m := index.at(t)) is not None and m.kind == "Person"
               and not any(same_person(m, p) for p in pair) for t in earlier.sent):
            return []
    return pair


def _named_in_sentence(tok: Token, index: MentionIndex, *, before: bool = False,
                       strict: bool = False, alone: bool = False) -> list[Mention]:
    """Exactly two people named in ``tok``'s sentence (``before`` it only: "Vogt lashed out
    at Wendt as the two leaders met"), outside quotes, in whatever roles.  A name that only
    modifies a noun ("Trump's aides", "Obama officials") is no candidate; with ``strict``
    (another sentence than the pronoun's) it still counts against there being just two
    ("Obama declined Mr. Putin's invitation, so Mr. Xi ... The two men met": which two?);
    with ``alone``, exactly one person instead."""
    people: list[Mention] = []
    others: list[Mention] = []
    quoted = _quoted(tok.doc)
    for t in tok.sent:
        if before and t.i >= tok.i:
            break
        m = index.at(t)
        if m is None or m.kind != "Person" or t.i in quoted:
            continue
        if _modifier_name(t, index):
            others.append(m)
        elif not any(same_person(m, p) for p in people):
            people.append(m)
    if strict and any(not any(same_person(o, p) for p in people) for o in others):
        return []
    return people if len(people) == (1 if alone else 2) else []


def _named_and_pronoun(tok: Token, index: MentionIndex, *, anywhere: bool = False
                       ) -> list[Mention]:
    """ "He was invited by President Castro, and the two men shook hands": the one person
    named before ``tok`` in its sentence and the one "he" or "she" there, when it stands for
    someone else.  With ``anywhere``, the person and a "he", "she", "him" or "her" anywhere
    in the sentence ("In their meeting, Xi pressed him")."""
    named: list[Mention] = []
    quoted = _quoted(tok.doc)
    people = _people_before(tok, index) if not anywhere else [
        m for t in tok.sent if t.i not in quoted and (m := index.at(t)) is not None
        and m.kind == "Person" and not _modifier_name(t, index)]
    for m in people:
        if not any(same_person(m, p) for p in named):
            named.append(m)
    forms = {"he", "she", "him", "her"} if anywhere else {"he", "she"}
    pronouns = [t for t in tok.sent if (anywhere or t.i < tok.i) and t.i not in quoted
                and t.lower_ in forms and not (t.lower_ == "her" and t.dep_ == "poss")]
    if len(named) != 1 or len(pronouns) != 1:
        return []
    sent = tok.sent
    other = pronoun_antecedent(pronouns[0], index, exclude=frozenset(
        range(sent.start, sent.end)) if pronouns[0].lower_ in {"him", "her"} else frozenset())
    # (an object's antecedent is never its own sentence's subject: "Xi pressed him")
    return [other, named[0]] if other is not None and not same_person(other, named[0]) else []


def _modifier_name(tok: Token, index: MentionIndex) -> bool:
    """Whether the name ``tok`` is in only modifies another noun ("Trump's aides", "Obama
    officials"): those people are not the ones named."""
    top = tok
    while top.head != top and index.at(top.head) is index.at(tok):
        top = top.head
    return top.dep_ in {"poss", "compound", "amod", "nmod"} and top.head.pos_ == "NOUN" and \
        not any(c.dep_ == "cc" for c in top.children)  # "Trump and North Korean leader Kim
    # issued": a name coordinated with the next, whatever the parser hung it on
