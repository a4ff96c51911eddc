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
            batch_size: int = 32) -> Iterator[ArticleResult]:
    """Each article's resolution and named graph, people linked across the articles."""
    for res in link_across(list(resolutions(nlp, articles, batch_size=batch_size))):
        yield ArticleResult(res, article_graph(res, base))


def run(paths: Iterable[str | Path], *, nlp: Language | None = None, model: str | None = None,
        base: Namespace = DIPR, max_chars: int = DEFAULT_MAX_CHARS,
        on_problem: Callable[[InputProblem], None] | None = None,
        on_article: Callable[[ArticleResult], None] | None = None) -> Iterator[ArticleResult]:
    """Read ``paths`` and yield each article's result; report unreadable inputs to
    ``on_problem`` and go on with the rest."""
    language = nlp if nlp is not None else make_nlp(model)

    def articles() -> Iterator[Article]:
        for item in read_inputs(paths, max_chars=max_chars):
            if isinstance(item, InputProblem):
                if on_problem is not None:
                    on_problem(item)
            else:
                yield item

    for result in process(language, articles(), base=base):
        if on_article is not None:
            on_article(result)
        yield result
