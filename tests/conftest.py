"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from spacy.language import Language

import kg
from kg.nlp import make_nlp

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_28493343f67b95bb.txt"


def shared_dir() -> Path:
    """``../shared`` beside the project (or ``$KG_SHARED``)."""
    return Path(os.environ.get("KG_SHARED", ROOT.parent / "shared"))


def corpus_dir() -> Path:
    """The real news corpora: ``$KG_CORPUS`` or ``../shared/corpus``."""
    return Path(os.environ.get("KG_CORPUS", shared_dir() / "corpus"))


@pytest.fixture(scope="session")
def nlp() -> Language:
    return make_nlp()


@pytest.fixture(scope="session")
def seed_graph(nlp: Language) -> kg.KnowledgeGraph:
    """The seed article's graph, built from the path as a user gives it: seeds/<file>."""
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        return kg.build([SEED.relative_to(ROOT)], nlp=nlp)
    finally:
        os.chdir(here)


@pytest.fixture(scope="session")
def corpus() -> Path:
    path = corpus_dir()
    if not path.is_dir():
        pytest.skip(f"news corpus not found at {path} (set KG_CORPUS to run corpus tests)")
    return path


@pytest.fixture(scope="module")
def oxigraph() -> Path:
    """The ``oxigraph`` server executable; skips when it is not installed."""
    from kg.serve import ServeError, find_oxigraph

    try:
        return find_oxigraph()
    except ServeError as exc:
        pytest.skip(f"the oxigraph server is not installed: {exc}")
