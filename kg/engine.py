"""Run the pipeline: read -> spaCy -> extract -> resolve -> one RDF graph per article.

The spaCy pipeline is built once and fed through ``nlp.pipe`` in batches; each article's
named graph is yielded as soon as it is made, so callers can stream them into a store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Namespace
from spacy.language import Language

from kg.extract import extract
from kg.model import Article, Resolution
from kg.nlp import make_nlp
from kg.rdf import article_graph
from kg.read import DEFAULT_MAX_CHARS, InputProblem, read_inputs
from kg.resolve import link_across, resolve
from kg.vocab import DIPR


@dataclass(frozen=True)
class ArticleResult:
    """What one article gave: its resolution (for callers that want the dataclasses) and
    its named graph."""

    resolution: Resolution
    graph: Graph


def resolutions(nlp: Language, articles: Iterable[Article], *, batch_size: int = 32
                ) -> Iterator[Resolution]:
    """Parse, extract and resolve each article inside itself; in input order."""
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield resolve(extract(doc, article))


def process(nlp: Language, articles: Iterable[Article], *, base: Namespace = DIPR,
            batch_size: int = 32, known_people: Iterable[str] = ()) -> Iterator[ArticleResult]:
    """Each article's resolution and named graph, people linked across the articles (and to
    ``known_people``, the full names already in the store)."""
    linked = link_across(list(resolutions(nlp, articles, batch_size=batch_size)),
                         known=known_people)
    for res in linked:
        yield ArticleResult(res, article_graph(res, base))


def run(paths: Iterable[str | Path], *, nlp: Language | None = None, model: str | None = None,
        base: Namespace = DIPR, max_chars: int = DEFAULT_MAX_CHARS,
        on_problem: Callable[[InputProblem], None] | None = None,
        skip: Callable[[Article], bool] | None = None,
        known_people: Iterable[str] = ()) -> Iterator[ArticleResult]:
    """Read ``paths`` and yield each article's result.

    Unreadable inputs go to ``on_problem`` and the rest goes on; articles for which
    ``skip`` is true (already stored, unchanged) are not parsed at all.
    """
    language = nlp if nlp is not None else make_nlp(model)

    def articles() -> Iterator[Article]:
        for item in read_inputs(paths, max_chars=max_chars):
            if isinstance(item, InputProblem):
                if on_problem is not None:
                    on_problem(item)
            elif skip is None or not skip(item):
                yield item

    yield from process(language, articles(), base=base, known_people=known_people)
