"""The two sides of a hyphenated pair in front of a meeting noun: "the Trump-Kim summit",
"US-China trade talks", "the Putin-Trump meeting".

The NER reads such a pair as one odd name (or none), and :func:`kg.mentions.find_mentions`
keeps no actor for it; here each side becomes a mention of its own when the article names
that person elsewhere or the word is a country.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg import gazetteer
from kg.mentions import MentionIndex
from kg.model import Mention
from kg.names import family_name, fold
from kg.rules import hyphen_pair


def hyphen_actors(noun: Token, index: MentionIndex) -> list[Mention]:
    """Both sides of the pair as mentions, or nothing when either side is unknown."""
    pair = hyphen_pair(noun)
    if pair is None:
        return []
    out = [_side(tok, index) for tok in pair]
    return [m for m in out if m is not None] if all(out) else []


def _side(tok: Token, index: MentionIndex) -> Mention | None:
    start, end = tok.idx, tok.idx + len(tok.text)
    m = index.at(tok)
    if m is not None and m.kind in {"Person", "Country", "Organization"} and \
            m.start == start and m.end == end:
        return m
    if gazetteer.country(tok.text) is not None:
        return Mention(tok.text, start, end, "Country")
    word = fold(tok.text)
    if any(other.kind == "Person" and family_name(other.text) == word
           for other in index.mentions):
        return Mention(tok.text, start, end, "Person")  # "Kim" of "Kim Jong Un"
    return None
