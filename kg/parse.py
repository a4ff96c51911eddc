"""The parse step every engine runs: spaCy over cleaned text, then extraction and
resolution inside each article.

The local engine (:mod:`kg.engine`), the parse workers (:mod:`kg.workers`) and the Dask
workers (:mod:`kg.distributed`) all import :func:`parse` (through :class:`ZonedParser` where
a stream is long); this module imports none of them, so the flow reads one way:
engine -> workers / distributed -> parse -> extract, resolve.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.clean import Cleaned, clean, restore
from kg.model import Article, Resolution
from kg.resolve import resolve

if TYPE_CHECKING:
    from spacy.language import Language

ZONE = 1000
"""Articles parsed inside one spaCy memory zone."""


ZONE_CHARS = 20_000_000
"""At most this much text is read ahead for one memory zone (a few very long articles)."""


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """``articles`` in lists of ``size``, or fewer when their text passes :data:`ZONE_CHARS`.

    >>> [len(c) for c in _chunks((Article(str(i), "x") for i in range(5)), 2)]
    [2, 2, 1]
    """
    chunk: list[Article] = []
    chars = 0
    for article in articles:
        chunk.append(article)
        chars += len(article.text)
        if len(chunk) >= size or chars >= ZONE_CHARS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def resolutions(nlp: Language, articles: Iterable[Article], *, batch_size: int = 32,
                n_process: int = 1, zone: int = ZONE) -> Iterator[Resolution]:
    """Parse, extract and resolve each article inside itself, in this process; in input
    order (``n_process`` > 1 is handed to spaCy's ``nlp.pipe``; the engine sends a pipeline
    made by :func:`kg.nlp.make_nlp` to our own workers instead:
    :func:`kg.engine.resolutions`).

    After the first ``zone`` articles (which warm spaCy's caches), each ``zone`` articles
    are parsed inside :meth:`Language.memory_zone`, which forgets the words they added to
    the vocabulary: a stream of millions of articles does not grow spaCy's memory.  Nothing
    made from a Doc outlives it but plain dataclasses.
    """
    parser = ZonedParser(nlp, zone=zone, batch_size=batch_size, n_process=n_process)
    try:
        for chunk in _chunks(articles, zone):
            yield from parser.parse(chunk)
    finally:
        parser.close()  # zones must not nest: the next stream on this pipeline opens its own


class ZonedParser:
    """Parses batches of articles (:func:`parse`) so that spaCy's memory stays flat: the
    first ``zone`` articles warm its caches, then each ``zone`` articles are parsed inside
    :meth:`Language.memory_zone`, which forgets the words they added to the vocabulary.  The
    local engine and each parse worker (:mod:`kg.workers`) keep one for their stream."""

    def __init__(self, nlp: Language, *, zone: int = ZONE, batch_size: int = 32,
                 n_process: int = 1) -> None:
        self.nlp, self.zone = nlp, zone
        self.batch_size, self.n_process = batch_size, n_process
        self._warm_left = zone  # articles still to parse before the first zone
        self._in_zone = 0  # articles parsed in the open zone
        self._open: AbstractContextManager[object] | None = None

    def parse(self, batch: list[Article]) -> Iterator[Resolution]:
        """Each article of ``batch`` parsed, extracted and resolved, in order."""
        if self._warm_left <= 0 and self._open is None:
            self._open, self._in_zone = self.nlp.memory_zone(), 0
            self._open.__enter__()
        yield from parse(self.nlp, batch, batch_size=self.batch_size,
                         n_process=self.n_process)
        if self._open is None:
            self._warm_left -= len(batch)
        else:
            self._in_zone += len(batch)
            if self._in_zone >= self.zone:
                self.close()

    def close(self) -> None:
        """End the open zone, if any (what it parsed is forgotten)."""
        if self._open is not None:
            zone, self._open = self._open, None
            zone.__exit__(None, None, None)


def parse(nlp: Language, articles: Iterable[Article], *, batch_size: int = 32,
          n_process: int = 1) -> Iterator[Resolution]:
    """Each article parsed by ``nlp``, then extracted and resolved inside itself: the one
    step every engine runs (here, in a parse worker, on a Dask worker).

    spaCy reads each text without its page furniture (:func:`kg.clean.clean`); the
    extraction's offsets are then mapped back into the original text, which stays the
    article's text (its sha256 names the document)."""
    from kg.extract import extract  # here: importing the engine costs no spaCy until a parse

    def cleaned() -> Iterator[tuple[str, tuple[Article, Cleaned]]]:
        for a in articles:
            c = clean(a.text)
            yield c.text, (a, c)

    for doc, (article, c) in nlp.pipe(cleaned(), as_tuples=True, batch_size=batch_size,
                                      n_process=n_process):
        seen = replace(article, text=c.text) if c.changed else article
        yield resolve(restore(extract(doc, seen), c, article))


