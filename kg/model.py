"""Frozen dataclasses shared by every stage of the pipeline.

The flow is ``Article -> Extraction -> Resolution -> RDF``.  Extraction works on
character spans of one article (:class:`Mention`); resolution maps each mention to
a canonical :class:`Entity`; the RDF stage mints triples from both.  Nothing here
imports spaCy or rdflib, so every stage can be tested on plain values.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

EntityKind = Literal["Person", "Organization", "Country", "Place"]
"""The kinds of named thing the graph knows.  Person, Organization and Country are actors."""

ACTOR_KINDS: frozenset[str] = frozenset({"Person", "Organization", "Country"})

Status = Literal["asserted", "planned", "negated"]
"""Realis of an event: did the text say it happened?"""


def visible(text: str) -> str:
    """``text`` without invisible control and format characters (a stray DEL, a zero-width
    space, a bidi override), as a label should be; whitespace and the zero-width
    (non-)joiners some scripts spell with are kept.

    >>> visible("Li\x7fnz"), visible("\u2060Foreign Minister\u200b")
    ('Linz', 'Foreign Minister')
    """
    if text.isprintable():  # no control or format character (the common case, in C)
        return text
    return "".join(c for c in text if c.isspace() or c in "\u200c\u200d"
                   or unicodedata.category(c) not in {"Cc", "Cf"})


class KGError(Exception):
    """Base of every error the library raises on purpose; the CLI turns it into a message."""


class InputError(KGError):
    """An input file or record could not be read as an article."""


@dataclass(frozen=True)
class Article:
    """One news article as read from disk (or a JSONL record)."""

    source: str
    """The input's path as given, or ``<file>#<id>`` for a JSONL record (``dip:sourcePath``)."""
    text: str
    title: str | None = None
    date: _dt.date | None = None
    url: str | None = None

    @property
    def sha256(self) -> str:
        """Hash of the text, so a re-ingest of the same article is recognised."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, order=True)
class Span:
    """A character range of the article text."""

    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A name as written in the article, with the kind the extractor settled on."""

    text: str
    start: int
    end: int
    kind: EntityKind
    cue: str = field(default="", compare=False)
    """For a person, the form of address or title written before the name, lower case
    ("mr", "mrs", "president", "first lady"): it tells which of two Trumps "Mrs Trump" is."""

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact came from, with its offsets in the article text."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Meeting:
    """One meeting; ``evidence`` is its main sentence and ``support`` the further sentences
    of the same article that report the same meeting (so it is counted once)."""

    participants: tuple[Mention, ...]
    evidence: Evidence
    location: Mention | None = None
    date_text: str | None = None
    status: Status = "asserted"
    cameo: str = "040"
    trigger: str = ""
    support: tuple[Evidence, ...] = ()
    date_anchor: str | None = None
    """The day of the saying, when the meeting is told inside a quotation and its date
    counts from that day ("'Yesterday I spoke with B,' A said on Sunday": "on Sunday")."""


@dataclass(frozen=True)
class Statement:
    speaker: Mention
    evidence: Evidence
    quote: str | None = None


@dataclass(frozen=True)
class Agreement:
    signatories: tuple[Mention, ...]
    evidence: Evidence
    date_text: str | None = None
    status: Status = "asserted"


@dataclass(frozen=True)
class Attack:
    evidence: Evidence
    location: Mention | None = None
    killed: int | None = None
    date_text: str | None = None


@dataclass(frozen=True)
class PostFact:
    """``person`` holds the post ``title`` of ``org`` (when the text names one)."""

    person: Mention
    title: str
    evidence: Evidence
    org: Mention | None = None


@dataclass(frozen=True)
class Affiliation:
    """``person`` belongs to (or is a national of) ``org``, as the text states."""

    person: Mention
    org: Mention
    evidence: Evidence


Event = Meeting | Statement | Agreement | Attack


@dataclass(frozen=True)
class Extraction:
    """Everything read from one article, before entity resolution."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    statements: tuple[Statement, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    attacks: tuple[Attack, ...] = ()
    posts: tuple[PostFact, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    other_names: tuple[str, ...] = ()
    """Names the NER read as something other than an actor (a law, a product, an event, a
    work): evidence, across articles, that a name is no person ("Brexit")."""
    dateline: Mention | None = None
    """The place the article was reported from ("TOKYO (AP) —"), kind "Place", with
    offsets in the original text (see :mod:`kg.clean`)."""


@dataclass(frozen=True)
class Entity:
    """A canonical real-world thing: one node of the graph."""

    key: str
    """Deterministic local name under the resource base, e.g. ``person/mike-pompeo``."""
    kind: EntityKind
    label: str
    alt_labels: frozenset[str] = field(default_factory=frozenset)
    iso3: str | None = None
    country: str | None = None
    """For a place: the ``key`` of the country it lies in, when known."""


@dataclass(frozen=True)
class Resolution:
    """An extraction with each mention mapped to its canonical entity."""

    extraction: Extraction
    entities: tuple[Entity, ...]
    entity_of: dict[Mention, Entity]

    def __hash__(self) -> int:  # pragma: no cover - dict field makes it unhashable otherwise
        return hash(self.extraction.article.sha256)
