"""Our spaCy components: entity fixes before NER and event-trigger matchers after the parse.

``dip_entities`` runs before ``ner``: it marks post titles ("Secretary of State") so the
statistical NER cannot read "State" as an organisation, and pins the label of armed groups
and international bodies that the small model often mislabels.  ``dip_triggers`` runs last:
a :class:`~spacy.matcher.DependencyMatcher` finds the words that introduce meetings,
statements, agreements and attacks and stores them in ``doc.spans["dip_triggers"]``, each
labelled ``MEET``, ``SAY``, ``SIGN`` or ``ATTACK``.  ``kg.extract`` reads the arguments of
each trigger from the dependency parse.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

TRIGGERS_KEY = "dip_triggers"
TITLES_KEY = "dip_titles"

MEET_VERBS = ("meet", "met", "meets", "meeting")
TALK_VERBS = ("talk", "confer", "negotiate", "parley")
VISIT_VERBS = ("visit", "host", "receive", "welcome")
MEET_NOUNS = ("meeting", "meetings", "talks", "summit", "negotiations", "discussions",
              "conference", "call", "conversation", "lunch", "dinner", "breakfast", "address",
              "consultations", "visit", "audience")
LIGHT_VERBS = ("hold", "have", "conduct", "begin", "open", "start", "resume", "attend",
               "address", "tell", "chair", "join", "convene", "lead", "eat", "share", "make",
               "place")
"""Verbs whose subject takes part in the meeting they govern ("held talks", "told a meeting")."""
SAY_LEMMAS = ("say", "tell", "add", "warn", "argue", "insist", "claim", "deny", "announce",
              "urge", "accuse", "reveal", "admit", "state", "tweet", "write", "explain",
              "stress", "declare", "note", "confirm", "acknowledge", "suggest")
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
)

# Bodies the small model often tags NORP or leaves out.
ORG_NAMES = (
    "Taliban", "Hamas", "Hezbollah", "Hizbollah", "al-Qaeda", "al Qaeda",
    "Al Qaeda", "Al-Qaeda", "Islamic State", "ISIS", "ISIL", "Daesh", "Islamic Jihad",
    "Fatah", "Houthis", "Houthi rebels", "NATO", "Nato", "European Union", "EU",
    "United Nations", "UN", "U.N.", "IMF", "World Bank", "WTO", "OPEC", "Opec", "G7", "G8",
    "G20", "African Union", "Arab League", "ASEAN", "Kremlin", "Pentagon", "State Department",
    "US State Department", "Foreign Office", "White House", "Downing Street",
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


def _pattern(anchor: dict[str, Any], *children: tuple[str, str, dict[str, Any]]
             ) -> list[dict[str, Any]]:
    """A DependencyMatcher pattern: an anchor token and its direct dependents."""
    pattern: list[dict[str, Any]] = [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": anchor}]
    for i, (rel, dep, attrs) in enumerate(children):
        pattern.append({"LEFT_ID": "trigger", "REL_OP": rel, "RIGHT_ID": f"c{i}",
                        "RIGHT_ATTRS": {"DEP": dep, **attrs}})
    return pattern


def trigger_patterns() -> dict[str, list[list[dict[str, Any]]]]:
    """The trigger patterns by label; the anchor token (``trigger``) is the event word."""
    return {
        "MEET": [
            # "X met Y", "X met with Y", "X and Y met", tweets' subject-less "Met with".
            _pattern({"LOWER": {"IN": list(MEET_VERBS)},
                      "POS": {"IN": ["VERB", "AUX", "PROPN"]}}),
            # "X talked with Y", "held talks", "visited", "hosted".
            _pattern({"LEMMA": {"IN": list(TALK_VERBS + VISIT_VERBS)}, "POS": "VERB"}),
            # "X held talks with Y": the noun is the event word.
            [{"RIGHT_ID": "light", "RIGHT_ATTRS": {"LEMMA": {"IN": list(LIGHT_VERBS)}}},
             {"LEFT_ID": "light", "REL_OP": ">", "RIGHT_ID": "trigger",
              "RIGHT_ATTRS": {"LOWER": {"IN": list(MEET_NOUNS)}, "DEP": "dobj",
                              "IS_LOWER": True}}],
            # "a meeting with Y", "talks between X and Y", "X's visit to Y".
            # lower case: "Breakfast with Frost" is a programme, not a breakfast
            _pattern({"LOWER": {"IN": list(MEET_NOUNS)}, "POS": {"IN": ["NOUN", "PROPN"]},
                      "IS_LOWER": True},
                     (">", "prep", {"LOWER": {"IN": ["with", "between", "to"]}})),
        ],
        "SAY": [_pattern({"LEMMA": {"IN": list(SAY_LEMMAS)}, "POS": "VERB"},
                         (">", "nsubj", {}))],
        "SIGN": [
            _pattern({"LEMMA": {"IN": list(SIGN_VERBS)}, "POS": "VERB"},
                     (">", "dobj", {"LEMMA": {"IN": list(AGREEMENT_NOUNS)}})),
        ],
        "ATTACK": [
            _pattern({"LOWER": {"IN": list(ATTACK_NOUNS)}, "POS": "NOUN"}),
            _pattern({"LEMMA": {"IN": list(ATTACK_VERBS)}, "POS": "VERB"}),
        ],
    }


class TriggerMatcher:
    """Finds event words with a DependencyMatcher; stores them in ``doc.spans``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.matcher = DependencyMatcher(nlp.vocab)
        self._anchor: dict[str, tuple[str, int]] = {}
        for label, patterns in trigger_patterns().items():
            for k, pattern in enumerate(patterns):
                key = f"{label}#{k}"
                ids = [node["RIGHT_ID"] for node in pattern]
                self._anchor[key] = (label, ids.index("trigger"))
                self.matcher.add(key, [pattern])

    def __call__(self, doc: Doc) -> Doc:
        seen: dict[tuple[int, str], Span] = {}
        for match_id, token_ids in self.matcher(doc):
            label, anchor = self._anchor[doc.vocab.strings[match_id]]
            i = token_ids[anchor]
            seen.setdefault((i, label), Span(doc, i, i + 1, label=label))
        doc.spans[TRIGGERS_KEY] = sorted(seen.values(), key=lambda s: (s.start, s.label_))
        return doc


@Language.component("dip_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line always ends a sentence: a headline or a teaser line never runs into the
    paragraph after it.  Put it before ``parser``, which keeps preset sentence starts."""
    spaces = doc.to_array("IS_SPACE")  # one vectorised pass, not a Python loop per token
    for i in spaces.nonzero()[0][:]:
        if i + 1 < len(doc) and doc[int(i)].text.count("\n") >= 2:
            doc[int(i) + 1].is_sent_start = True
    return doc


@Language.factory("dip_triggers")
def make_dip_triggers(nlp: Language, name: str) -> TriggerMatcher:
    """Event-trigger matcher; needs the dependency parse, so add it after ``parser``."""
    return TriggerMatcher(nlp, name)
