"""Run the pipeline: read -> spaCy -> extract -> resolve -> one RDF graph per article.

The spaCy pipeline is built once and fed through ``nlp.pipe`` in batches; articles stream
through in bounded chunks and each article's named graph is yielded as soon as it is made,
so memory does not grow with the number of articles and callers can write to a store as
they go.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, Namespace

from kg import parse as parse_step
from kg.aliases import AliasView
from kg.eventdates import date_meetings
from kg.identity import Identity, stored_entities
from kg.model import Article, KGError, Resolution
from kg.nlp import default_model, make_nlp, model_of
from kg.parse import ZONE
from kg.rdf import Triples, article_triples
from kg.read import DEFAULT_MAX_CHARS, InputProblem, read_inputs
from kg.vocab import DIPR
from kg.workers import parse_resolutions

if TYPE_CHECKING:  # spaCy loads with the model, when an article is there to parse
    from spacy.language import Language

    from kg.store import GraphStore


@dataclass(frozen=True)
class ArticleResult:
    """What one article gave: its resolution (for callers that want the dataclasses) and
    its named graph's triples."""

    resolution: Resolution
    triples: Triples

    @property
    def graph(self) -> Graph:
        """The article's named graph as an rdflib Graph."""
        return self.triples.graph()


PIPELINE_MAX_LENGTH = 1_000_000
"""The longest text a spaCy pipeline parses (its default ``nlp.max_length``, which
:func:`kg.nlp.make_nlp` keeps); the Dask workers' limit."""


def too_long_to_parse(length: int, max_length: int) -> str:
    """Why an article longer than the pipeline's ``max_length`` is skipped (one line)."""
    return (f"too long for the spaCy pipeline: {length:,} characters, its limit is "
            f"{max_length:,} per article (split the article into smaller files)")


LINK_CHUNK = 256
"""Articles resolved together before their graphs are written: bounds memory."""


def resolutions(nlp: Language, articles: Iterable[Article], *, batch_size: int = 32,
                n_process: int = 1, zone: int = ZONE) -> Iterator[Resolution]:
    """Parse, extract and resolve each article inside itself; in input order.

    ``n_process`` > 1 parses and extracts in that many worker processes of our own
    (:func:`kg.workers.parse_resolutions`), each building the pipeline from the model
    ``nlp`` was made from; otherwise (or for a pipeline not made by
    :func:`kg.nlp.make_nlp`, which spaCy's own ``n_process`` then runs) it is
    :func:`kg.parse.resolutions`, in this process, with memory zones.
    """
    model = model_of(nlp) if n_process > 1 else None
    if model is not None:
        head, articles = one_batch(articles, batch_size)
        if head is None:
            return parse_resolutions(model, articles, jobs=n_process, batch_size=batch_size,
                                     zone=zone)
        articles = head  # one batch is all there is: no worker to start
    return parse_step.resolutions(nlp, articles, batch_size=batch_size, n_process=n_process,
                                  zone=zone)


def one_batch(articles: Iterable[Article], batch_size: int
              ) -> tuple[list[Article] | None, Iterator[Article]]:
    """``(the articles, ...)`` when there are at most ``batch_size`` of them (workers would
    cost more than they save), else ``(None, all of them)``; reads one article past a batch.

    >>> one_batch(iter([Article("a", "x")]), 2)[0] == [Article("a", "x")]
    True
    >>> one_batch(iter([Article(str(i), "x") for i in range(3)]), 2)[0] is None
    True
    """
    stream = iter(articles)
    head = list(islice(stream, batch_size + 1))
    if len(head) <= batch_size:
        return head, iter(head)
    return None, chain(head, stream)


IDENTITY_WINDOW = 5000
"""Articles whose actors are decided together, corpus-wide (:mod:`kg.identity`); a longer
stream is decided in further chunks against everything seen before."""


def link_stream(stream: Iterable[Resolution], *, identity: Identity | None = None,
                known_labels: dict[str, str] | None = None, window: int = IDENTITY_WINDOW,
                chunk: int = LINK_CHUNK) -> Iterator[Resolution]:
    """One actor per real-world entity across the stream (:class:`kg.identity.Identity`).

    The first ``window`` articles are observed and decided together, so an early article
    gains from what later ones say; after that each ``chunk`` articles are decided
    against everything seen.  Every entity keeps the label it was first given (or the one
    the store holds, ``known_labels`` by key), so no node ever gets two labels.  Memory
    holds the window, then one chunk, plus the corpus's names.
    """
    ident = identity if identity is not None else Identity()
    labels: dict[str, str] = dict(known_labels or {})
    held: list[Resolution] = []
    size = window
    for res in stream:
        held.append(res)
        ident.observe(res)
        if len(held) >= size:
            ident.decide()
            for r in held:
                yield relabel(ident.apply(r), labels)
            held.clear()
            size = chunk
    if held:
        ident.decide()
        for r in held:
            yield relabel(ident.apply(r), labels)


def relabel(res: Resolution, labels: dict[str, str]) -> Resolution:
    """``res`` with each entity's label as first recorded in ``labels`` (which learns the
    labels of entities it has not seen); other spellings become alternative labels."""
    changed = False
    for e in res.entities:
        first = labels.setdefault(e.key, e.label)
        changed |= first != e.label
    if not changed:
        return res
    new = {e.key: replace(e, label=labels[e.key],
                          alt_labels=(e.alt_labels | {e.label}) - {labels[e.key]})
           for e in res.entities}
    return Resolution(res.extraction, tuple(new[e.key] for e in res.entities),
                      {m: new[e.key] for m, e in res.entity_of.items()})


def process(nlp: Language, articles: Iterable[Article], *, base: Namespace = DIPR,
            batch_size: int = 32, n_process: int = 1, identity: Identity | None = None
            ) -> Iterator[ArticleResult]:
    """Each article's resolution and named graph, streamed in input order."""
    stream = resolutions(nlp, articles, batch_size=batch_size, n_process=n_process)
    yield from _results(stream, base, identity=identity)


def _results(stream: Iterable[Resolution], base: Namespace, *,
             identity: Identity | None = None,
             known_labels: dict[str, str] | None = None) -> Iterator[ArticleResult]:
    """Actors settled across the stream, then each article's triples."""
    for res in link_stream(stream, identity=identity, known_labels=known_labels):
        yield ArticleResult(res, article_triples(res, base))


def run(paths: Iterable[str | Path], *, nlp: Language | None = None, model: str | None = None,
        base: Namespace = DIPR, max_chars: int = DEFAULT_MAX_CHARS,
        on_problem: Callable[[InputProblem], None] | None = None,
        skip: Callable[[Article], bool] | None = None,
        known_labels: dict[str, str] | None = None, aliases: AliasView | None = None,
        jobs: int = 1, batch_size: int = 32, engine: str = "local",
        scheduler: str | None = None,
        on_parsed: Callable[[Article], None] | None = None, store: GraphStore | None = None
        ) -> Generator[ArticleResult, None, None]:
    """Read ``paths`` and yield each article's result, in input order.

    Unreadable inputs go to ``on_problem`` and the rest goes on; articles for which
    ``skip`` is true (already stored, unchanged) are not parsed at all.  ``engine="dask"``
    parses and extracts on a Dask cluster (``scheduler`` address, or a local cluster of
    ``jobs`` workers); the driver links people and mints the graphs either way, so both
    engines give the same graph.  ``on_parsed`` hears of each article as soon as it is
    parsed (graphs follow in chunks, after people are linked).  With ``store`` (the one the
    results go to), meetings are dated from other reports of the same meeting once the
    stream ends (:func:`kg.eventdates.date_meetings`).
    """
    language = nlp
    max_length = language.max_length if language is not None else PIPELINE_MAX_LENGTH

    def articles() -> Iterator[Article]:
        for item in read_inputs(paths, max_chars=max_chars):
            if not isinstance(item, InputProblem) and len(item.text) > max_length:
                item = InputProblem(item.source, too_long_to_parse(len(item.text), max_length))
            if isinstance(item, InputProblem):
                if on_problem is not None:
                    on_problem(item)
            elif skip is None or not skip(item):
                yield item

    if engine == "dask":
        from kg.distributed import dask_resolutions

        stream: Iterator[Resolution] = dask_resolutions(
            articles(), model=model, scheduler=scheduler, workers=jobs,
            batch_size=batch_size)
    elif engine == "local" and language is not None:
        stream = resolutions(language, articles(), batch_size=batch_size, n_process=jobs)
    elif engine == "local" and jobs == 1:  # the model loads when an article needs it
        stream = _parse_here(model, articles(), batch_size)
    elif engine == "local":
        head, rest = one_batch(articles(), batch_size)
        if head is not None:  # one batch is all there is: parse it here, start no worker
            stream = _parse_here(model, iter(head), batch_size)
        else:
            stream = parse_resolutions(model or default_model(), rest, jobs=jobs,
                                       batch_size=batch_size, zone=ZONE)
    else:
        raise KGError(f"unknown engine {engine!r}; choose local or dask")
    source = stream
    if on_parsed is not None:
        stream = _tap(stream, on_parsed)
    try:
        first = next(stream, None)
        if first is None:  # nothing to parse: no actors to weigh against the store's
            return
        identity = Identity(stored_entities(known_labels or {}), aliases)
        yield from date_meetings(_results(chain([first], stream), base, identity=identity,
                                          known_labels=known_labels), store=store, base=base)
    finally:  # an error, or the caller closing us: stop the workers now, not when the
        # traceback that holds this frame is collected
        close = getattr(source, "close", None)
        if close is not None:
            close()


def _parse_here(model: str | None, articles: Iterator[Article], batch_size: int
                ) -> Iterator[Resolution]:
    """:func:`kg.parse.resolutions` with a pipeline loaded once the first article is read:
    a build that finds every article already stored loads no model (nor spaCy).

    Python's cyclic collector walks every tracked object of the generations it collects,
    and spaCy with a model is millions of them, none of them garbage.  So no automatic
    collection runs while the pipeline loads (spaCy's msgpack reader turns the collector
    back on midway, and the one collection that followed walked the whole model: 0.05 s
    of a small build), and once loaded its objects are frozen out of every collection
    (:func:`gc.freeze`) until the parse is over; then they are collected as usual.  A
    process that froze objects itself is left alone."""
    first = next(articles, None)
    if first is None:
        return
    own = gc.get_freeze_count() == 0
    threshold = gc.get_threshold()
    if own:
        gc.set_threshold(0)
    try:
        nlp = make_nlp(model)
    finally:
        if own:
            gc.set_threshold(*threshold)
    if own:
        gc.freeze()
    try:
        yield from parse_step.resolutions(nlp, chain([first], articles),
                                          batch_size=batch_size)
    finally:
        if own:
            gc.unfreeze()


def _tap(stream: Iterator[Resolution], seen: Callable[[Article], None]
         ) -> Iterator[Resolution]:
    for res in stream:
        seen(res.extraction.article)
        yield res
