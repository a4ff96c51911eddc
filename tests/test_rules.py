"""``dip_triggers`` against the same rules written as a spaCy DependencyMatcher.

The component looks candidates up in arrays and checks dependents in Python because the
DependencyMatcher cost several times more; these tests hold the two to the same answers on
sentences written for them and on real corpus articles.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from kg.rules import (
    ADDRESS_VERBS,
    ADJUNCT_PREPS,
    AGREEMENT_NOUNS,
    ARRIVALS,
    ATTACK_NOUNS,
    ATTACK_VERBS,
    BODY_DEPS,
    BODY_WORDS,
    BRIEFINGS,
    CALL_CUES,
    CEREMONY_NOUNS,
    CO_PRESENCE,
    DAY_NAMES,
    EVENT_NOUNS,
    EXCHANGES,
    HELD_VERBS,
    INCLUDE_VERBS,
    JOINT_NOUNS,
    LIGHT_VERBS,
    MEET_NOUNS,
    MEET_PREPS,
    MEET_VERBS,
    OCCUR_VERBS,
    OPENING_NOUNS,
    ORDINALS,
    PAIR_SUBJECTS,
    PHOTOS,
    PRESS,
    RAISED,
    RECEIVES,
    RETURNS,
    ROLE_NOUNS,
    SAY_LEMMAS,
    SEATS,
    SIGN_VERBS,
    STRETCHES,
    TABLE_NOUNS,
    TALK_VERBS,
    TIME_SPENT,
    TRIGGERS_KEY,
    VISIT_VERBS,
)

MODIFIER_PAIRS: list[tuple[dict[str, Any], list[dict[str, Any]]]] = [
    ({"ENT_TYPE": "PERSON"}, [{"LEFT_ID": "subj", "REL_OP": ">", "RIGHT_ID": "first",
                               "RIGHT_ATTRS": {"DEP": dep, "ENT_TYPE": "PERSON"}},
                              {"LEFT_ID": "first", "REL_OP": ">", "RIGHT_ID": "and",
                               "RIGHT_ATTRS": {"DEP": "cc", "LOWER": "and"}}])
    for dep in ("nmod", "compound")]
"""A pair the parser made one name: "President A and Chancellor B", A and its "and" a
modifier of B (:func:`kg.rules.paired_subject`)."""
LISTED_SUBJECTS: list[tuple[dict[str, Any], list[dict[str, Any]]]] = [
    ({}, [{"LEFT_ID": "subj", "REL_OP": ">", "RIGHT_ID": "conj",
           "RIGHT_ATTRS": {"DEP": "conj"}}]),
    ({"LOWER": {"IN": sorted(PAIR_SUBJECTS)}},
     [{"LEFT_ID": "subj", "REL_OP": ">", "RIGHT_ID": "two",
       "RIGHT_ATTRS": {"DEP": {"IN": ["nummod", "det", "predet"]},
                       "LOWER": {"IN": ["two", "both"]}}}]),
    # "A, B and C" parsed as A with the apposition "B and C"
    ({}, [{"LEFT_ID": "subj", "REL_OP": ">", "RIGHT_ID": "listed",
           "RIGHT_ATTRS": {"DEP": "appos", "ENT_TYPE": "PERSON"}},
          {"LEFT_ID": "listed", "REL_OP": ">", "RIGHT_ID": "conj",
           "RIGHT_ATTRS": {"DEP": "conj"}}]),
    *MODIFIER_PAIRS]
"""The subject of a shared act ("posed for a photo", "sat down together"): two or more
people (:func:`kg.rules.listed_subject`)."""


def _pattern(anchor: dict[str, Any], *children: tuple[str, dict[str, Any]]
             ) -> list[dict[str, Any]]:
    pattern: list[dict[str, Any]] = [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": anchor}]
    for i, (dep, attrs) in enumerate(children):
        pattern.append({"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": f"c{i}",
                        "RIGHT_ATTRS": {"DEP": dep, **attrs}})
    return pattern


def _spent_paths() -> list[list[dict[str, Any]]]:
    """Where the "with" of a time spent hangs: on the verb, on the object of its "on",
    "in" or "over", or on an "alone"/"together" under either."""
    prep = {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "prep",
            "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": ["on", "in", "over"]}}}
    pobj = {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "place",
            "RIGHT_ATTRS": {"DEP": "pobj"}}

    def alone(on: str) -> dict[str, Any]:
        return {"LEFT_ID": on, "REL_OP": ">", "RIGHT_ID": "alone",
                "RIGHT_ATTRS": {"DEP": "advmod", "LOWER": {"IN": ["alone", "together"]}}}
    return [[], [prep, pobj], [alone("trigger")], [prep, pobj, alone("place")]]


def _golf() -> list[dict[str, Any]]:
    """The trigger of "played golf" and its object."""
    return [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "play", "POS": "VERB"}},
            {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "golf",
             "RIGHT_ATTRS": {"DEP": "dobj", "LOWER": "golf"}}]


_EVENT_NOUN = {"LOWER": {"IN": list(MEET_NOUNS)}, "POS": "NOUN", "IS_LOWER": True,
               "LEMMA": {"IN": sorted(EVENT_NOUNS)}}
_SIDES = ["PERSON", "GPE", "NORP", "ORG"]
BESIDE_VERBS: list[dict[str, Any]] = [
    {"LEMMA": {"IN": ["stand", "appear"]}, "POS": "VERB", "TAG": {"NOT_IN": ["VB"]}},
    {"LEMMA": {"IN": ["speak", "sit"]}, "POS": "VERB", "TAG": "VBG",
     "DEP": {"IN": ["advcl", "acl"]}}]
"""Verbs of whom one stands or speaks beside (a participle's adjunct: "said, sitting next to
Kagame"; not "gains by sitting alongside Kagame")."""

ORACLE: dict[str, list[list[dict[str, Any]]]] = {
    "MEET": [
        _pattern({"LOWER": {"IN": list(MEET_VERBS)}, "POS": {"IN": ["VERB", "AUX", "PROPN"]}}),
        _pattern({"LEMMA": {"IN": list(TALK_VERBS + VISIT_VERBS)}, "POS": "VERB"}),
        [{"RIGHT_ID": "light", "RIGHT_ATTRS": {"LEMMA": {"IN": list(LIGHT_VERBS)}}},
         {"LEFT_ID": "light", "REL_OP": ">", "RIGHT_ID": "trigger",
          "RIGHT_ATTRS": {"LOWER": {"IN": list(MEET_NOUNS)}, "DEP": "dobj", "IS_LOWER": True}}],
        _pattern({"LOWER": {"IN": list(MEET_NOUNS)}, "POS": {"IN": ["NOUN", "PROPN"]},
                  "IS_LOWER": True},
                 ("prep", {"LOWER": {"IN": sorted(MEET_PREPS)}})),
        _pattern({"LOWER": {"IN": sorted(OPENING_NOUNS & set(MEET_NOUNS))},
                  "POS": {"IN": ["NOUN", "PROPN"]}, "IS_SENT_START": True, "IS_TITLE": True},
                 ("prep", {"LOWER": {"IN": sorted(MEET_PREPS)}})),
        # "the meeting Trump had with Lavrov": the "with" on the relative clause
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": list(MEET_NOUNS)},
                                                  "POS": "NOUN", "IS_LOWER": True}},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "had",
            "RIGHT_ATTRS": {"DEP": "relcl", "LEMMA": lemma}},
           {"LEFT_ID": "had", "REL_OP": ">", "RIGHT_ID": "with",
            "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "with"}}] for lemma in ("have", "hold")],
        # "a phone call in which Ruto asked Kagame to ...", "a dinner where Ruto told Kagame
        # that ...": one side addressing the other
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {
            "LOWER": {"IN": sorted(set(MEET_NOUNS))}, "LEMMA": {"IN": sorted(EVENT_NOUNS)},
            "POS": "NOUN", "IS_LOWER": True}},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "said",
            "RIGHT_ATTRS": {"DEP": "relcl", "LEMMA": {"IN": sorted(ADDRESS_VERBS)}}},
           {"LEFT_ID": "said", "REL_OP": ">", "RIGHT_ID": "subj",
            "RIGHT_ATTRS": {"DEP": "nsubj"}},
           {"LEFT_ID": "said", "REL_OP": ">", "RIGHT_ID": "whom",
            "RIGHT_ATTRS": {"DEP": "dobj", "ENT_TYPE": "PERSON"}}, *where]
          for where in (
            [{"LEFT_ID": "said", "REL_OP": ">", "RIGHT_ID": "in",
              "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": ["in", "during"]}}},
             {"LEFT_ID": "in", "REL_OP": ">", "RIGHT_ID": "which",
              "RIGHT_ATTRS": {"LOWER": "which"}}],
            [{"LEFT_ID": "said", "REL_OP": ">", "RIGHT_ID": "where",
              "RIGHT_ATTRS": {"DEP": "advmod", "LOWER": "where"}}])],
        # "Meeting with X, Y signed ...": a participle the tagger took for a noun
        _pattern({"LOWER": "meeting", "IS_SENT_START": True, "IS_TITLE": True, "DEP": "advcl"},
                 ("prep", {"LOWER": "with"})),
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": list(MEET_NOUNS)},
                                                 "POS": "NOUN", "IS_LOWER": True}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "of",
          "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "of"}},
         {"LEFT_ID": "of", "REL_OP": ">", "RIGHT_ID": "person",
          "RIGHT_ATTRS": {"DEP": "pobj", "ENT_TYPE": "PERSON"}},
         {"LEFT_ID": "person", "REL_OP": ">", "RIGHT_ID": "conj", "RIGHT_ATTRS": {"DEP": "conj"}}],
        _pattern({"LEMMA": "speak", "POS": "VERB"}, ("prep", {"LOWER": {"IN": ["with", "to"]}})),
        _pattern({"LEMMA": "sit", "POS": "VERB"}, ("prt", {"LOWER": "down"}),
                 ("prep", {"LOWER": "with"})),
        # "Ruto and Kagame sat down together", "the two leaders", "A, B and C" (parsed as A
        # with the apposition "B and C")
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "sit", "POS": "VERB"}},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "together",
            "RIGHT_ATTRS": {"DEP": "advmod", "LOWER": "together"}},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "subj",
            "RIGHT_ATTRS": {"DEP": "nsubj", **subj}}, *listed]
          for subj, listed in LISTED_SUBJECTS],
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "sit", "POS": "VERB"}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "with",
          "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "with"}},
         {"LEFT_ID": "with", "REL_OP": ">", "RIGHT_ID": "person",
          "RIGHT_ATTRS": {"DEP": "pobj", "ENT_TYPE": "PERSON"}}],
        _pattern({"LEMMA": "shake", "POS": "VERB"}, ("dobj", {"LOWER": "hands"})),
        _pattern({"LEMMA": {"IN": ["brief", "consult", "embrace"]}, "POS": "VERB"},
                 ("dobj", {"ENT_TYPE": "PERSON"})),
        # "Ruto was briefed by Odinga": a named person briefed by a named person
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "brief", "POS": "VERB"}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "subj",
          "RIGHT_ATTRS": {"DEP": "nsubjpass", "ENT_TYPE": "PERSON"}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "by", "RIGHT_ATTRS": {"DEP": "agent"}},
         {"LEFT_ID": "by", "REL_OP": ">", "RIGHT_ID": "person",
          "RIGHT_ATTRS": {"DEP": "pobj", "ENT_TYPE": "PERSON"}}],
        # "Abe and Modi embraced": two subjects, no one else
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "embrace", "POS": "VERB"}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "subj", "RIGHT_ATTRS": {"DEP": "nsubj"}},
         {"LEFT_ID": "subj", "REL_OP": ">", "RIGHT_ID": "conj", "RIGHT_ATTRS": {"DEP": "conj"}}],
        # "exchanged views with Ruto", the "with" on the verb or on the noun
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "exchange", "POS": "VERB"}},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "swapped",
            "RIGHT_ATTRS": {"DEP": "dobj", "LOWER": {"IN": sorted(EXCHANGES)}}},
           {"LEFT_ID": on, "REL_OP": ">", "RIGHT_ID": "with",
            "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "with"}},
           {"LEFT_ID": "with", "REL_OP": ">", "RIGHT_ID": "person",
            "RIGHT_ATTRS": {"DEP": "pobj", "ENT_TYPE": "PERSON"}}]
          for on in ("trigger", "swapped")],
        _pattern({"LEMMA": "discuss", "POS": "VERB"}, ("prep", {"LOWER": "with"})),
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "discuss", "POS": "VERB"}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "topic",
          "RIGHT_ATTRS": {"DEP": "dobj"}},
         {"LEFT_ID": "topic", "REL_OP": ">", "RIGHT_ID": "with",
          "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "with"}},
         {"LEFT_ID": "with", "REL_OP": ">", "RIGHT_ID": "person",
          "RIGHT_ATTRS": {"DEP": "pobj", "ENT_TYPE": "PERSON"}}],
        # "discussed the border with his counterpart, Ruto": the name set beside the noun (the
        # rule also wants a counterpart or an office, no candidate; the sentences agree)
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "discuss", "POS": "VERB"}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "topic",
          "RIGHT_ATTRS": {"DEP": "dobj"}},
         {"LEFT_ID": "topic", "REL_OP": ">", "RIGHT_ID": "with",
          "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "with"}},
         {"LEFT_ID": "with", "REL_OP": ">", "RIGHT_ID": "noun", "RIGHT_ATTRS": {"DEP": "pobj"}},
         {"LEFT_ID": "noun", "REL_OP": ">", "RIGHT_ID": "person",
          "RIGHT_ATTRS": {"DEP": "appos", "ENT_TYPE": "PERSON"}}],
        # "discussed the incursion by phone with Ruto": the "with" hung on "phone", under
        # the verb or under its object
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "discuss", "POS": "VERB"}},
           *([{"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "topic",
               "RIGHT_ATTRS": {"DEP": "dobj"}}] if on == "topic" else []),
           {"LEFT_ID": on, "REL_OP": ">", "RIGHT_ID": "by",
            "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "by"}},
           {"LEFT_ID": "by", "REL_OP": ">", "RIGHT_ID": "phone",
            "RIGHT_ATTRS": {"DEP": "pobj", "LOWER": {"IN": ["phone", "telephone"]}}},
           {"LEFT_ID": "phone", "REL_OP": ">", "RIGHT_ID": "with",
            "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "with"}},
           {"LEFT_ID": "with", "REL_OP": ">", "RIGHT_ID": "person",
            "RIGHT_ATTRS": {"DEP": "pobj", "ENT_TYPE": "PERSON"}}] for on in ("trigger", "topic")],
        # (the rule also wants no "with" on the object: "A and B discussed it with others";
        # the sentences below have none, so the matcher without that test must agree)
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "discuss", "POS": "VERB"}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "subj",
          "RIGHT_ATTRS": {"DEP": "nsubj"}},
         {"LEFT_ID": "subj", "REL_OP": ">", "RIGHT_ID": "conj", "RIGHT_ATTRS": {"DEP": "conj"}}],
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "discuss", "POS": "VERB"}},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "subj",
            "RIGHT_ATTRS": {"DEP": "nsubj", **subj}}, *pair] for subj, pair in MODIFIER_PAIRS],
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "play", "POS": "VERB"}},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "host",
            "RIGHT_ATTRS": {"DEP": "dobj", "LOWER": "host"}},
           {"LEFT_ID": on, "REL_OP": ">", "RIGHT_ID": "to",
            "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "to"}}] for on in ("trigger", "host")],
        # "Ruto, Kagame and Museveni posed for a group photo", "the two leaders posed for ..."
        # (the rule also wants no "with" on the verb or the photo, which the "posed with X"
        # rule decides; the sentences below have none)
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "pose", "POS": "VERB",
                                                   "TAG": {"IN": ["VBD", "VBN"]}}},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "for",
            "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "for"}},
           {"LEFT_ID": "for", "REL_OP": ">", "RIGHT_ID": "photo",
            "RIGHT_ATTRS": {"DEP": "pobj", "LOWER": {"IN": sorted(PHOTOS)}}},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "subj",
            "RIGHT_ATTRS": {"DEP": "nsubj", **subj}}, *listed]
          for subj, listed in LISTED_SUBJECTS],
        # "Ruto and Kagame toured the factory", "laid a wreath": acts side by side
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": lemma, "POS": "VERB"}},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "subj",
            "RIGHT_ATTRS": {"DEP": "nsubj", **subj}}, *listed, *([
                {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "wreath",
                 "RIGHT_ATTRS": {"DEP": "dobj", "LOWER": {"IN": ["wreath", "wreaths"]}}}]
                if lemma == "lay" else [])]
          for lemma in CO_PRESENCE for subj, listed in LISTED_SUBJECTS],
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "pose", "POS": "VERB"}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "with",
          "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "with"}},
         {"LEFT_ID": "with", "REL_OP": ">", "RIGHT_ID": "person",
          "RIGHT_ATTRS": {"DEP": "pobj", "ENT_TYPE": "PERSON"}}],
        # "standing alongside Putin", "appeared beside Ruto", "stood next to Kagame", and as
        # a participle "speaking alongside Putin", "sitting next to Kagame"
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": verb},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "by",
            "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": ["alongside", "beside"]}}},
           {"LEFT_ID": "by", "REL_OP": ">", "RIGHT_ID": "person",
            "RIGHT_ATTRS": {"DEP": "pobj", "ENT_TYPE": "PERSON"}}] for verb in BESIDE_VERBS],
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": verb},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "next",
            "RIGHT_ATTRS": {"DEP": dep, "LOWER": "next"}},
           {"LEFT_ID": "next", "REL_OP": ">", "RIGHT_ID": "to",
            "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "to"}},
           {"LEFT_ID": "to", "REL_OP": ">", "RIGHT_ID": "person",
            "RIGHT_ATTRS": {"DEP": "pobj", "ENT_TYPE": "PERSON"}}]
          for dep in ("advmod", "prep") for verb in BESIDE_VERBS],
        *[_pattern({"LEMMA": "bring", "POS": "VERB"}, (dep, {"LOWER": "together"}),
                   ("dobj", {"POS": {"IN": ["PROPN", "NOUN"]}})) for dep in ("advmod", "prt")],
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "raise", "POS": "VERB"}},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "what",
            "RIGHT_ATTRS": {"DEP": "dobj", "LOWER": {"IN": sorted(RAISED)}}},
           {"LEFT_ID": on, "REL_OP": ">", "RIGHT_ID": "with",
            "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "with"}},
           {"LEFT_ID": "with", "REL_OP": ">", "RIGHT_ID": "whom",
            "RIGHT_ATTRS": {"DEP": "pobj", "POS": "PROPN"}}] for on in ("trigger", "what")],
        # "Ruto and Kagame appeared together at a news conference" (the rule also wants no
        # "on"/"in" with "together", and "Ruto appeared with Kagame at a briefing"
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "appear", "POS": "VERB"}},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "side",
            "RIGHT_ATTRS": side},
           *([{"LEFT_ID": "side", "REL_OP": ">", "RIGHT_ID": "conj",
               "RIGHT_ATTRS": {"DEP": "conj"}}] if side["DEP"] == "nsubj" else
             [{"LEFT_ID": "side", "REL_OP": ">", "RIGHT_ID": "whom",
               "RIGHT_ATTRS": {"DEP": "pobj", "ENT_TYPE": "PERSON"}}]),
           *where]
          for side in ({"DEP": "nsubj"}, {"DEP": "prep", "LOWER": "with"})
          for where in (
            [{"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "at",
              "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": ["at", "for"]}}},
             {"LEFT_ID": "at", "REL_OP": ">", "RIGHT_ID": "briefing",
              "RIGHT_ATTRS": {"DEP": "pobj", "LEMMA": {"IN": sorted(BRIEFINGS)}}}],
            [{"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "before",
              "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "before"}},
             {"LEFT_ID": "before", "REL_OP": ">", "RIGHT_ID": "press",
              "RIGHT_ATTRS": {"DEP": "pobj", "LOWER": {"IN": sorted(PRESS)}}}],
            [{"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "together",
              "RIGHT_ATTRS": {"DEP": "advmod", "LOWER": "together"}}])
          if side["DEP"] == "nsubj" or where[0]["RIGHT_ID"] == "at"],
        _pattern({"LEMMA": "tell", "POS": "VERB"}, ("dobj", {"ENT_TYPE": "PERSON"}),
                 ("prep", {"LOWER": "at"})),
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "tell", "POS": "VERB"}},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "told",
            "RIGHT_ATTRS": {"DEP": "dobj", **told}},
           *extra,
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "by",
            "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": ["by", "over"]}}},
           {"LEFT_ID": "by", "REL_OP": ">", "RIGHT_ID": "phone",
            "RIGHT_ATTRS": {"LOWER": {"IN": ["phone", "telephone"]}}}]
          for told, extra in (({"ENT_TYPE": "PERSON"}, []),
                              ({}, [{"LEFT_ID": "told", "REL_OP": ">", "RIGHT_ID": "name",
                                     "RIGHT_ATTRS": {"DEP": "appos", "ENT_TYPE": "PERSON"}}]))],
        *[_pattern({"LEMMA": lemma, "POS": "VERB"}, ("dobj", {"POS": "PROPN"}))
          for lemma in ("call", "phone", "telephone", "ring")],
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": lemma, "POS": "VERB"}},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "whom",
            "RIGHT_ATTRS": {"DEP": "dobj"}},
           {"LEFT_ID": "whom", "REL_OP": ">", "RIGHT_ID": "name",
            "RIGHT_ATTRS": {"DEP": "appos", "ENT_TYPE": "PERSON"}}]
          for lemma in ("call", "phone", "telephone", "ring")],
        # "called his Iranian counterpart" (the counterpart found by title coreference)
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": lemma, "POS": "VERB"}},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "whom",
            "RIGHT_ATTRS": {"DEP": "dobj", "LEMMA": "counterpart"}},
           {"LEFT_ID": "whom", "REL_OP": ">", "RIGHT_ID": "poss",
            "RIGHT_ATTRS": {"DEP": "poss", "LOWER": {"IN": ["his", "her", "their"]}}}]
          for lemma in ("call", "phone", "telephone", "ring")],
        # "called the president", "phoned the Iranian foreign minister": an office's holder
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": lemma, "POS": "VERB"}},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "whom",
            "RIGHT_ATTRS": {"DEP": "dobj", "POS": "NOUN", "LEMMA": {"IN": sorted(ROLE_NOUNS)}}},
           {"LEFT_ID": "whom", "REL_OP": ">", "RIGHT_ID": "the",
            "RIGHT_ATTRS": {"DEP": "det", "LOWER": "the"}}]
          for lemma in ("call", "phone", "telephone", "ring")],
        # "called Kim" read as a complement, unless a common noun names the thing called
        # ("a documentary called No More Mr Nasty")
        *[[*_pattern({"LEMMA": lemma, "POS": "VERB", "TAG": {"NOT_IN": ["VBN"]}},
                     ("oprd", {"POS": "PROPN", "ENT_TYPE": "PERSON"})),
           {"LEFT_ID": "trigger", "REL_OP": ";", "RIGHT_ID": "before", "RIGHT_ATTRS": before}]
          for lemma in ("call", "phone", "telephone", "ring")
          for before in ({"POS": {"NOT_IN": ["NOUN", "PROPN"]}},
                         {"POS": {"IN": ["NOUN", "PROPN"]}, "IS_LOWER": False},
                         {"POS": {"IN": ["NOUN", "PROPN"]}, "LOWER": {"IN": sorted(ROLE_NOUNS)}})],
        # "had called Saudi Arabia's King Ruto": a perfect's participle, with its "have"
        # (the rule also wants no passive, "has been called the Ed Sullivan of podcasting";
        # the sentences below have none)
        *[_pattern({"LEMMA": lemma, "POS": "VERB", "TAG": "VBN", "DEP": {"NOT_IN": ["acl"]}},
                   ("oprd", {"POS": "PROPN", "ENT_TYPE": "PERSON"}), ("aux", {"LEMMA": "have"}))
          for lemma in ("call", "phone", "telephone", "ring")],
        # "called President Ruto Sunday": the name read as the day's modifier (a verb
        # tagged as a participle only with a subject of its own)
        *[[*_pattern({"LEMMA": lemma, "POS": "VERB", **tag}, *subj),
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "day",
            "RIGHT_ATTRS": {"DEP": {"IN": ["oprd", "dobj", "npadvmod"]}, "ENT_TYPE": "DATE",
                            "LOWER": {"IN": sorted(DAY_NAMES)}}},
           {"LEFT_ID": "day", "REL_OP": ">", "RIGHT_ID": "name",
            "RIGHT_ATTRS": {"DEP": "compound", "ENT_TYPE": "PERSON"}}]
          for lemma in ("call", "phone", "telephone", "ring")
          for tag, subj in (({"TAG": {"NOT_IN": ["VBN"]}}, ()),
                            ({"TAG": "VBN"}, (("nsubj", {}),)))],
        # "called him twice", "called her from Nairobi", "called him on Sunday", "called her
        # to thank her" (the rule also wants no name for them, "called him a liar", and no
        # "called him out"; the sentences below have neither with such a cue)
        *[[*_pattern({"LEMMA": lemma, "POS": "VERB"},
                     ("dobj", {"LOWER": {"IN": ["him", "her"]}})),
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "cue", "RIGHT_ATTRS": cue}]
          for lemma in ("call", "phone", "telephone", "ring") for cue in (
              {"ENT_TYPE": {"IN": ["DATE", "TIME"]}}, {"LOWER": {"IN": sorted(CALL_CUES)}},
              {"DEP": "prep", "LOWER": "from"})],
        *[[*_pattern({"LEMMA": lemma, "POS": "VERB"},
                     ("dobj", {"LOWER": {"IN": ["him", "her"]}})),
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "cue", "RIGHT_ATTRS": cue},
           {"LEFT_ID": "cue", "REL_OP": ">", "RIGHT_ID": "what", "RIGHT_ATTRS": what}]
          for lemma in ("call", "phone", "telephone", "ring") for cue, what in (
              ({"DEP": "prep"}, {"ENT_TYPE": {"IN": ["DATE", "TIME"]}}),
              ({"DEP": "advcl"}, {"DEP": "aux", "LOWER": "to"}))],
        # "spent 20 minutes on the phone with Ruto", "two hours in a room alone with Ruto"
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "spend", "POS": "VERB"}},
           {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "time",
            "RIGHT_ATTRS": {"DEP": "dobj", "LEMMA": {"IN": sorted(TIME_SPENT)}}},
           *path,
           {"LEFT_ID": path[-1]["RIGHT_ID"] if path else "trigger", "REL_OP": ">",
            "RIGHT_ID": "with", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "with"}},
           {"LEFT_ID": "with", "REL_OP": ">", "RIGHT_ID": "whom",
            "RIGHT_ATTRS": {"DEP": "pobj", "POS": "PROPN"}}]
          for path in _spent_paths()],
        _pattern({"LOWER": {"IN": list(JOINT_NOUNS)}, "POS": "NOUN"},
                 ("amod", {"LOWER": "joint"}), ("prep", {"LOWER": "with"})),
        # "Kenya and Uganda's talks": a possessor with a conjunct; "the U.S. and Japan's
        # talks": the noun parsed as a conjunct of the first side, the second its possessor
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {**_EVENT_NOUN}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "poss",
          "RIGHT_ATTRS": {"DEP": "poss", "ENT_TYPE": {"IN": _SIDES}}},
         {"LEFT_ID": "poss", "REL_OP": ">", "RIGHT_ID": "conj",
          "RIGHT_ATTRS": {"DEP": "conj", "ENT_TYPE": {"IN": _SIDES}}}],
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {**_EVENT_NOUN}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "nmod",
          "RIGHT_ATTRS": {"DEP": "nmod", "ENT_TYPE": {"IN": _SIDES}}},
         {"LEFT_ID": "nmod", "REL_OP": ">", "RIGHT_ID": "conj",
          "RIGHT_ATTRS": {"DEP": "conj", "ENT_TYPE": {"IN": _SIDES}}},
         {"LEFT_ID": "conj", "REL_OP": ">", "RIGHT_ID": "case", "RIGHT_ATTRS": {"DEP": "case"}}],
        [{"RIGHT_ID": "side", "RIGHT_ATTRS": {"ENT_TYPE": {"IN": _SIDES}}},
         {"LEFT_ID": "side", "REL_OP": ">", "RIGHT_ID": "trigger",
          "RIGHT_ATTRS": {**_EVENT_NOUN, "DEP": "conj"}},
         {"LEFT_ID": "side", "REL_OP": ">", "RIGHT_ID": "cc", "RIGHT_ATTRS": {"DEP": "cc"}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "poss",
          "RIGHT_ATTRS": {"DEP": "poss", "ENT_TYPE": {"IN": _SIDES}}}],
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": list(CEREMONY_NOUNS)},
                                                "POS": "NOUN"}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "with",
          "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "with"}},
         {"LEFT_ID": "with", "REL_OP": ">", "RIGHT_ID": "person",
          "RIGHT_ATTRS": {"DEP": "pobj", "ENT_TYPE": "PERSON"}}],
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "speak", "POS": "VERB"}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "subj",
          "RIGHT_ATTRS": {"DEP": "nsubj"}},
         {"LEFT_ID": "subj", "REL_OP": ">", "RIGHT_ID": "conj", "RIGHT_ATTRS": {"DEP": "conj"}}],
        # "Ruto and Kagame played golf", "the two leaders played golf", "played golf with X"
        [*_golf(), {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "subj",
                   "RIGHT_ATTRS": {"DEP": "nsubj"}},
         {"LEFT_ID": "subj", "REL_OP": ">", "RIGHT_ID": "conj", "RIGHT_ATTRS": {"DEP": "conj"}}],
        [*_golf(), {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "subj",
                   "RIGHT_ATTRS": {"DEP": "nsubj", "LOWER": {"IN": sorted(PAIR_SUBJECTS)}}},
         {"LEFT_ID": "subj", "REL_OP": ">", "RIGHT_ID": "two",
          "RIGHT_ATTRS": {"DEP": {"IN": ["nummod", "det", "predet"]},
                          "LOWER": {"IN": ["two", "both"]}}}],
        [*_golf(), {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "with",
                   "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "with"}},
         {"LEFT_ID": "with", "REL_OP": ">", "RIGHT_ID": "person",
          "RIGHT_ATTRS": {"DEP": "pobj", "ENT_TYPE": "PERSON"}}],
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "speak", "POS": "VERB"}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "subj",
          "RIGHT_ATTRS": {"DEP": "nsubj", "LOWER": {"IN": sorted(PAIR_SUBJECTS)}}},
         {"LEFT_ID": "subj", "REL_OP": ">", "RIGHT_ID": "two",
          "RIGHT_ATTRS": {"DEP": {"IN": ["nummod", "det", "predet"]},
                          "LOWER": {"IN": ["two", "both"]}}}],
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": list(MEET_NOUNS)},
                                                 "POS": "NOUN", "IS_LOWER": True}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "side",
          "RIGHT_ATTRS": {"DEP": "compound"}},
         {"LEFT_ID": "side", "REL_OP": ">", "RIGHT_ID": "dash",
          "RIGHT_ATTRS": {"DEP": "punct", "ORTH": "-"}}],
        [{"RIGHT_ID": "prep", "RIGHT_ATTRS": {"LOWER": {"IN": sorted(ADJUNCT_PREPS)}}},
         {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "trigger",
          "RIGHT_ATTRS": {"LOWER": {"IN": list(MEET_NOUNS)}, "LEMMA": {"IN": sorted(EVENT_NOUNS)},
                          "DEP": "pobj", "POS": "NOUN", "IS_LOWER": True}}],
        [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(RETURNS)}}},
         {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "prep",
          "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "from"}},
         {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "trigger",
          "RIGHT_ATTRS": {**_EVENT_NOUN, "DEP": "pobj"}}],  # "emerged from the talks"
        [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": list(LIGHT_VERBS)}}},
         {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "stretch",
          "RIGHT_ATTRS": {"DEP": "dobj", "LEMMA": {"IN": sorted(STRETCHES)}}},
         {"LEFT_ID": "stretch", "REL_OP": ">", "RIGHT_ID": "of",
          "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "of"}},
         {"LEFT_ID": "of", "REL_OP": ">", "RIGHT_ID": "trigger",
          "RIGHT_ATTRS": {**_EVENT_NOUN, "DEP": "pobj"}}],  # "held two days of talks"
        [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}},
         {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "prep",
          "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "over"}},
         {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "trigger",
          "RIGHT_ATTRS": {"LOWER": {"IN": sorted(TABLE_NOUNS)}, "DEP": "pobj",
                          "POS": "NOUN"}}],  # "told Kagame over dinner"
        # "Ruto thanked Kagame for the talks", "for having fruitful discussions"
        *[[{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "thank"}},
           {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "whom",
            "RIGHT_ATTRS": {"DEP": "dobj", "ENT_TYPE": "PERSON"}},
           {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "for",
            "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "for"}}, *path,
           {"LEFT_ID": path[-1]["RIGHT_ID"] if path else "for", "REL_OP": ">",
            "RIGHT_ID": "trigger",
            "RIGHT_ATTRS": {"LOWER": {"IN": list(MEET_NOUNS)},
                            "LEMMA": {"IN": sorted(EVENT_NOUNS)}, "POS": "NOUN",
                            "IS_LOWER": True, "DEP": "dobj" if path else "pobj"}}]
          for path in ([], [{"LEFT_ID": "for", "REL_OP": ">", "RIGHT_ID": "having",
                             "RIGHT_ATTRS": {"DEP": "pcomp", "LEMMA": "have"}}])],
        # "Ruto and Kagame arrived for talks", "the two leaders sat for a dinner"
        *[[{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(ARRIVALS)}}},
           {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "prep",
            "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "for"}},
           {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "trigger",
            "RIGHT_ATTRS": {"LOWER": {"IN": list(MEET_NOUNS)},
                            "LEMMA": {"IN": sorted(EVENT_NOUNS)},
                            "DEP": "pobj", "POS": "NOUN", "IS_LOWER": True}},
           *pair] for pair in (
            [{"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "subj",
              "RIGHT_ATTRS": {"DEP": "nsubj"}},
             {"LEFT_ID": "subj", "REL_OP": ">", "RIGHT_ID": "conj",
              "RIGHT_ATTRS": {"DEP": "conj"}}],
            [{"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "subj",
              "RIGHT_ATTRS": {"DEP": "nsubj", "LOWER": {"IN": sorted(PAIR_SUBJECTS)}}},
             {"LEFT_ID": "subj", "REL_OP": ">", "RIGHT_ID": "two",
              "RIGHT_ATTRS": {"DEP": {"IN": ["nummod", "det", "predet"]},
                              "LOWER": {"IN": ["two", "both"]}}}])],
        # "the meeting held in Oslo between A and B", "a meeting was held ... between A and B"
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": list(MEET_NOUNS)},
                                                   "POS": "NOUN", "IS_LOWER": True, **dep}},
           {"LEFT_ID": "trigger", "REL_OP": rel, "RIGHT_ID": "held",
            "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(HELD_VERBS)}, **held}},
           {"LEFT_ID": "held", "REL_OP": ">", "RIGHT_ID": "between",
            "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": ["between", "among"]}}}]
          for rel, dep, held in ((">", {}, {"DEP": "acl", "TAG": "VBN"}),
                                 ("<", {"DEP": "nsubjpass"}, {}))],
        # "President A and Russian counterpart B spoke": A and its "and" hung on the title
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "speak", "POS": "VERB"}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "subj",
          "RIGHT_ATTRS": {"DEP": "nsubj"}},
         {"LEFT_ID": "subj", "REL_OP": ">", "RIGHT_ID": "first",
          "RIGHT_ATTRS": {"DEP": {"IN": ["nmod", "compound"]}, "ENT_TYPE": "PERSON"}},
         {"LEFT_ID": "first", "REL_OP": ">", "RIGHT_ID": "and",
          "RIGHT_ATTRS": {"DEP": "cc", "LOWER": "and"}},
         {"LEFT_ID": "subj", "REL_OP": ">", "RIGHT_ID": "second",
          "RIGHT_ATTRS": {"DEP": "appos", "ENT_TYPE": "PERSON"}}],
        # "their meeting failed": the pair's, the subject of a past verb
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": list(MEET_NOUNS)},
                                                 "LEMMA": {"IN": sorted(EVENT_NOUNS)},
                                                 "POS": "NOUN", "IS_LOWER": True,
                                                 "DEP": "nsubj"}},
         {"LEFT_ID": "trigger", "REL_OP": "<", "RIGHT_ID": "verb",
          "RIGHT_ATTRS": {"TAG": "VBD"}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "their",
          "RIGHT_ATTRS": {"DEP": "poss", "LOWER": "their"}}],
        # "received a phone call from X" (the "from" on the noun or on the verb)
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": list(MEET_NOUNS)},
                                                   "LEMMA": "call", "POS": "NOUN",
                                                   "IS_LOWER": True, "DEP": "dobj"}},
           {"LEFT_ID": "trigger", "REL_OP": "<", "RIGHT_ID": "verb",
            "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(RECEIVES)}}},
           {"LEFT_ID": hang, "REL_OP": ">", "RIGHT_ID": "from",
            "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "from"}},
           {"LEFT_ID": "from", "REL_OP": ">", "RIGHT_ID": "caller",
            "RIGHT_ATTRS": {"DEP": "pobj"}}] for hang in ("trigger", "verb")],
        # "spoke alone with X": the "with" hung on the adverb
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "speak", "POS": "VERB"}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "alone",
          "RIGHT_ATTRS": {"DEP": "advmod"}},
         {"LEFT_ID": "alone", "REL_OP": ">", "RIGHT_ID": "with",
          "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "with"}},
         {"LEFT_ID": "with", "REL_OP": ">", "RIGHT_ID": "side",
          "RIGHT_ATTRS": {"DEP": "pobj"}}],
        # "Ruto's dinner for President Kagame": a meal one person gives for another
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": sorted(TABLE_NOUNS)},
                                                 "POS": "NOUN", "IS_LOWER": True}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "host",
          "RIGHT_ATTRS": {"DEP": "poss", "ENT_TYPE": "PERSON"}},
         {"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "for",
          "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "for"}},
         {"LEFT_ID": "for", "REL_OP": ">", "RIGHT_ID": "guest",
          "RIGHT_ATTRS": {"DEP": "pobj", "ENT_TYPE": "PERSON"}}],
        # "the meeting is the second between A and B"
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": list(MEET_NOUNS)},
                                                 "POS": "NOUN", "IS_LOWER": True,
                                                 "DEP": "nsubj"}},
         {"LEFT_ID": "trigger", "REL_OP": "<", "RIGHT_ID": "be", "RIGHT_ATTRS": {"LEMMA": "be"}},
         {"LEFT_ID": "be", "REL_OP": ">", "RIGHT_ID": "nth",
          "RIGHT_ATTRS": {"DEP": "attr", "LOWER": {"IN": sorted(ORDINALS)}}},
         {"LEFT_ID": "nth", "REL_OP": ">", "RIGHT_ID": "between",
          "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": ["between", "among"]}}},
         {"LEFT_ID": "between", "REL_OP": ">", "RIGHT_ID": "side",
          "RIGHT_ATTRS": {"DEP": "pobj"}}],
        # "the meeting occurred (in the Oval Office) with A, B and C"
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": list(MEET_NOUNS)},
                                                   "POS": "NOUN", "IS_LOWER": True,
                                                   "DEP": "nsubj"}},
           {"LEFT_ID": "trigger", "REL_OP": "<", "RIGHT_ID": "held",
            "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(OCCUR_VERBS)}}}, *path,
           {"LEFT_ID": path[-1]["RIGHT_ID"] if path else "held", "REL_OP": ">",
            "RIGHT_ID": "with", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "with"}},
           {"LEFT_ID": "with", "REL_OP": ">", "RIGHT_ID": "side",
            "RIGHT_ATTRS": {"DEP": "pobj"}}]
          for path in ([], [{"LEFT_ID": "held", "REL_OP": ">", "RIGHT_ID": "in",
                             "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": ["in", "at"]}}},
                            {"LEFT_ID": "in", "REL_OP": ">", "RIGHT_ID": "place",
                             "RIGHT_ATTRS": {"DEP": "pobj"}}])],
        # "a meeting that included A and B", "the meeting at the hotel, which included A"
        # (a negated "did not include" is left to the code: the matcher has no absent child)
        *[[{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": list(MEET_NOUNS)},
                                                   "POS": "NOUN", "IS_LOWER": True}}, *path,
           {"LEFT_ID": path[-1]["RIGHT_ID"] if path else "trigger", "REL_OP": ">",
            "RIGHT_ID": "included",
            "RIGHT_ATTRS": {"DEP": "relcl", "LEMMA": {"IN": sorted(INCLUDE_VERBS)}}},
           {"LEFT_ID": "included", "REL_OP": ">", "RIGHT_ID": "which",
            "RIGHT_ATTRS": {"DEP": "nsubj", "TAG": "WDT"}},
           {"LEFT_ID": "included", "REL_OP": ">", "RIGHT_ID": "person",
            "RIGHT_ATTRS": {"DEP": "dobj", "ENT_TYPE": "PERSON"}}]
          for path in ([], [{"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "in",
                             "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": ["in", "at"]}}},
                            {"LEFT_ID": "in", "REL_OP": ">", "RIGHT_ID": "place",
                             "RIGHT_ATTRS": {"DEP": "pobj", "ENT_TYPE": {"NOT_IN": ["PERSON"]}}}])],
        # "the meeting was attended by A and B"
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": list(MEET_NOUNS)},
                                                 "POS": "NOUN", "IS_LOWER": True,
                                                 "DEP": "nsubjpass"}},
         {"LEFT_ID": "trigger", "REL_OP": "<", "RIGHT_ID": "attended",
          "RIGHT_ATTRS": {"LEMMA": "attend"}},
         {"LEFT_ID": "attended", "REL_OP": ">", "RIGHT_ID": "by",
          "RIGHT_ATTRS": {"DEP": "agent"}}],
        *[_pattern({"LOWER": {"IN": list(MEET_NOUNS)}, "LEMMA": {"IN": ["summit", "meeting"]},
                    "POS": "NOUN", "IS_LOWER": True},
                   (dep, {"ENT_TYPE": "ORG", "LOWER": {"NOT_IN": sorted(SEATS)}, **name}))
          for dep in sorted(BODY_DEPS)
          for name in ({"IS_UPPER": True}, {"LOWER": {"IN": sorted(BODY_WORDS)}})],
    ],
    "SAY": [_pattern({"LEMMA": {"IN": list(SAY_LEMMAS)}, "POS": "VERB"}, ("nsubj", {}))],
    "SIGN": [_pattern({"LEMMA": {"IN": list(SIGN_VERBS)}, "POS": "VERB"},
                      ("dobj", {"LEMMA": {"IN": list(AGREEMENT_NOUNS)}}))],
    "ATTACK": [_pattern({"LOWER": {"IN": list(ATTACK_NOUNS)}, "POS": "NOUN"}),
               _pattern({"LEMMA": {"IN": list(ATTACK_VERBS)}, "POS": "VERB"})],
}


@pytest.fixture(scope="module")
def oracle(nlp: Language) -> tuple[DependencyMatcher, dict[str, tuple[str, int]]]:
    """The matcher, and for each pattern key its label and the index of its anchor node."""
    matcher = DependencyMatcher(nlp.vocab)
    anchors: dict[str, tuple[str, int]] = {}
    for label, patterns in ORACLE.items():
        for k, pattern in enumerate(patterns):
            key = f"{label}#{k}"
            anchors[key] = (label, [n["RIGHT_ID"] for n in pattern].index("trigger"))
            matcher.add(key, [pattern])
    return matcher, anchors


def expected(oracle: tuple[DependencyMatcher, dict[str, tuple[str, int]]], doc: Doc
             ) -> list[tuple[int, str]]:
    matcher, anchors = oracle
    out = set()
    for match_id, token_ids in matcher(doc):
        label, anchor = anchors[doc.vocab.strings[match_id]]
        out.add((token_ids[anchor], label))
    return sorted(out)


def found(doc: Doc) -> list[tuple[int, str]]:
    return [(s.start, s.label_) for s in doc.spans[TRIGGERS_KEY]]


SENTENCES = [
    "The two foreign ministers met in Geneva and talked for three hours.",
    "Met with the Kenyan delegation this morning.",
    "She held talks with her Chilean counterpart and hosted a dinner for the envoys.",
    "A meeting between the rival leaders was planned, but the summit with Japan was not.",
    "Breakfast with Frost returns on Sunday.",
    "Officials said the ceasefire would hold; he told reporters nothing had changed.",
    "The two governments signed a trade agreement and sealed the pact with a handshake.",
    "Rebels attacked the convoy after a bombing near the airport killed four soldiers.",
    "Talks collapsed.  The visit to Seoul went ahead, and the President visited the troops.",
    "Talks between Kenya and Uganda ended after the NATO summit; she spoke with Ruto.",
    "He called Ruto, sat down with Museveni, shook hands with Kagame and spoke to reporters.",
    "She discussed the border by phone with Ruto, then phoned Kagame and telephoned Tshisekedi.",
    "Ruto and Kagame spoke on Friday; the two leaders spoke again after the Kenya-Uganda talks.",
    "Secretary of State Ann Wolde called Egyptian Foreign Minister Omar Nabil on Sunday to "
    "offer condolences, the ministry said.",
    "During the call, at the G7 summit and after a White House meeting, nothing changed.",
    "The forum brought together Ruto and Kagame; she raised concerns with Museveni but "
    "brought the pot together and raised taxes with a vote.",
    "Ruto and Kagame discussed trade; Ruto posed with Kagame, and posed with a smile.",
    "Ruto played host to Kagame; the envoys gathered in Nairobi and played cards.",
    "Ruto sat with Kagame at dinner; Museveni sat with the decision for a week.",
    "Ruto and Kagame sat down together in Kigali, and Museveni sat together with nobody; "
    "the two leaders sat together, and Ruto, Paul Kagame, Yoweri Museveni and Felix "
    "Tshisekedi sat down together.",
    "The meeting of Ruto, Kagame and Museveni and talks among the envoys followed the "
    "meeting of Ruto and a visit of the Kenyan.",
    "Odinga told Kenyatta by phone that he would come, and told his counterpart, Ruto, "
    "over the telephone that he agreed; he told reporters by phone nothing.",
    "Odinga had raised the issue with Mr Kenyatta about the vote, and raised it with Ruto.",
    "Odinga briefed President Ruto on the plan; aides briefed reporters and were briefed.",
    "Ruto called his Ugandan counterpart Yoweri Museveni and phoned the envoy on Monday.",
    "Odinga called the president on Monday, phoned the Ugandan foreign minister and called "
    "the shots.",
    "She starred in a telenovela called Reina Dahl; Ruto later called Kagame.",
    "President William Ruto was briefed by Raila Odinga on Monday, and he was briefed by aides.",
    "William Ruto discussed the dam dispute with his Ugandan counterpart, Yoweri Museveni, and "
    "discussed ties with Uganda.",
    "Ruto told Kagame over dinner that the row over lunch breaks was over.",
    "Ruto had tea with Kagame and gave a joint press conference; Odinga drank green tea.",
    "Ruto and Kagame emerged from the talks and wrapped up two days of talks; Museveni "
    "returned from the meeting and held a bilateral with Tshisekedi, a bilateral success.",
    "Ruto and Kagame toured the factory and laid a wreath; Odinga and Museveni laid out "
    "their plans.",
    "William Ruto and Paul Kagame walked together through the gardens; Odinga walked home.",
    "Odinga had called Kenya's President William Ruto before the vote.",
    "Odinga called his Ugandan counterpart on Monday, then called her bluff and rang their "
    "counterparts.",
    "Meeting with Ugandan President Yoweri Museveni, Mr. Ruto signed agreements on Monday.",
    "The report described the small meeting Ruto had with Kagame and the talks he held with "
    "Museveni in May.",
    "Odinga rang Kenyatta on Monday and rang the bell; he discussed the election campaign "
    "with Mr Ruto and discussed ties with Uganda.",
    "Kenya's Raila Odinga called President William Ruto Sunday to thank him, aides said.",
    "Odinga spent 20 minutes on the phone with Ruto, two hours in a room alone with Kagame "
    "and a day with his family, then spent money with Museveni.",
    "Ruto spoke during a joint appearance with Kagame after his appearance with Museveni.",
    "Ruto, flanked by Kagame and accompanied by Museveni, chatted with the envoys.",
    "The inquiry is about a phone call in which Ruto asked President Paul Kagame for help, "
    "and a meeting in which Ruto praised Museveni.",
    "The meeting occurred in the State House with Ruto, Kagame and Museveni; a talk happened "
    "with Odinga, and the summit occurred in May.",
    "Ruto thanked President Paul Kagame for the talks and thanked Kenya for the talks; he "
    "thanked Yoweri Museveni for having fruitful talks and thanked Odinga for his call.",
    "Ruto and Kagame arrived for talks; the two leaders arrived for a dinner, Ruto arrived "
    "for a meeting.",
    "Ruto and Kagame appeared together at a news conference; Ruto appeared with Kagame at a "
    "briefing, and Ruto and Museveni later appeared before reporters.",
    "Ruto appeared at the rally; Ruto and Kagame appeared together, and Ruto appeared with "
    "Museveni.",
    "The meeting was attended by Ruto and Kagame, and the summit was attended for a day; the "
    "talks were attended by envoys.",
    "Ruto and Kagame played golf; the two leaders played golf again, Ruto played golf with "
    "President Yoweri Museveni and played golf alone.",
    "Ruto, standing alongside President Paul Kagame, said Kenya stood beside Uganda; he "
    "later appeared next to Yoweri Museveni and stood with the envoys.",
    "Odinga told Uganda to side with Kenya or stand alongside President Paul Kagame.",
    "Ruto said Kagame called him twice from Kigali. Museveni called her on Sunday to thank her. "
    "Odinga called him a liar and called him out.",
    "Ruto, speaking alongside President Paul Kagame, said the talks went well; Museveni, "
    "sitting next to Yoweri Museveni's envoy, spoke alongside the envoys and sat beside Kagame. "
    "Ruto gains much by sitting alongside Kagame.",
    "The meeting held in Nairobi between Ruto and Kagame came after a meeting was held in "
    "Kampala among the envoys; a dinner held for Ruto followed.",
    "Erdogan discussed the incursion by phone with Russian President Vladimir Putin; Ruto "
    "discussed it by phone with the envoys.",
    "Ruto took part in a welcoming ceremony with President Paul Kagame; the ceremony with "
    "military honours followed.",
    "The U.S. and Japan's talks on trade ended, and Ruto and Kagame's meeting in Kigali "
    "followed; Ruto's meeting ran late.",
    "The goal is near in Kenya and Uganda's talks on trade, and Ruto and Kagame's meeting in "
    "Kigali went well; Ruto's meeting ran late.",
    "The “goal is near” in the U.S. and Japan’s talks on farm issues, he said.",
    "President Donald Trump and Russian counterpart Vladimir Putin on Saturday spoke for the "
    "first time.",
    "Ruto says he and Kagame are friends, but their meeting in May failed; their talks and "
    "their lunch went on, and their summit takes place in June.",
    "Ruto received a phone call on Friday from Kagame and got calls from the envoys; he "
    "received a call for calm.",
    "The notes describe a dinner in May 2019 at which Ruto spoke alone with Kagame; Ruto "
    "spoke alone.",
    "The meeting was only the second between Ruto and Kagame; the talks were the first in "
    "years, and the summit was the last among the envoys.",
    "The book says Ruto gave a dinner where Odinga told President Paul Kagame he would go, "
    "and a lunch where the envoys told reporters nothing.",
    "Ruto exchanged views with President Paul Kagame, exchanged fire with rebels, consulted "
    "President Yoweri Museveni and the records, and embraced Kagame but not the plan.",
    "Ruto paid a courtesy call on President Paul Kagame and paid a visit to Museveni.",
    "Ruto and Kagame embraced at the airport; Ruto and Museveni embraced the plan.",
    "Ruto, Kagame and Museveni posed for a group photo; the two leaders posed for pictures, "
    "and Ruto posed for a portrait; Ruto and Kagame pose for a photo.",
    "Foreign Minister Anna Keller, Prime Minister Peter Hansen and President Lena Vogt posed "
    "for a group photo in Oslo on Monday.",
    "So was Ruto's formal dinner for President Paul Kagame last week; Ruto's lunch for "
    "charity and a dinner for Kagame were smaller.",
    "President William Ruto and Chancellor Paul Kagame discussed trade on Friday.",
    "Odinga recalled a 2016 meeting in Nairobi that included Ruto and President Paul Kagame; "
    "the June meeting at the Serena Hotel, which included Yoweri Museveni, was brief, and the "
    "summit, which included leaders from ten countries, ended.",
    "",
    "   ",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_same_triggers_as_the_dependency_matcher(
        nlp: Language, oracle: tuple[DependencyMatcher, dict[str, tuple[str, int]]],
        text: str) -> None:
    doc = nlp(text)
    assert found(doc) == expected(oracle, doc)


def test_the_sentences_exercise_every_label(nlp: Language) -> None:
    labels = {s.label_ for doc in nlp.pipe(SENTENCES) for s in doc.spans[TRIGGERS_KEY]}
    assert labels == {"MEET", "SAY", "SIGN", "ATTACK"}


def test_held_talks_marks_the_noun(nlp: Language) -> None:
    doc = nlp("She held talks with her Chilean counterpart.")
    assert [(doc[i].text, label) for i, label in found(doc)] == [("talks", "MEET")]


def test_same_triggers_on_real_articles(
        nlp: Language, oracle: tuple[DependencyMatcher, dict[str, tuple[str, int]]],
        corpus: Path) -> None:
    files = sorted((corpus / "bbc" / "politics").glob("*.txt"))[:60]
    texts = [f.read_text(encoding="utf-8") for f in files]
    triggers = 0
    for f, doc in zip(files, nlp.pipe(texts), strict=True):
        assert found(doc) == expected(oracle, doc), f.name
        triggers += len(doc.spans[TRIGGERS_KEY])
    assert triggers > 500  # the articles are full of meetings, statements and attacks
