"""Our own parse workers (``--jobs`` > 1): the same answers as one process, in input order,
with memory zones, and clear errors when a worker cannot work."""

from __future__ import annotations

import os
import signal
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from spacy.language import Language

import kg
from kg.engine import resolutions
from kg.model import Article, KGError
from kg.nlp import default_model, make_nlp, model_of
from kg.workers import WorkerError, parse_resolutions


def _articles(corpus: Path, n: int) -> list[Article]:
    files = sorted((corpus / "bbc" / "politics").glob("*.txt"))[:n]
    return [Article(str(f), f.read_text(encoding="utf-8")) for f in files]


def _children(marker: str) -> list[int]:
    """Our child processes whose command line holds ``marker`` (Linux /proc)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmd = (entry / "cmdline").read_bytes().decode(errors="replace")
        except (OSError, IndexError, ValueError):
            continue
        if ppid == os.getpid() and marker in cmd:
            pids.append(int(entry.name))
    return pids


def test_workers_same_resolutions_in_order_across_memory_zones(nlp: Language,
                                                               corpus: Path) -> None:
    articles = _articles(corpus, 14)
    one = list(resolutions(nlp, articles))
    # batches of 2 over 2 workers with zones of 3: each worker warms on its first 3
    # articles, then opens and closes zones across batch boundaries
    two = list(parse_resolutions(default_model(), articles, jobs=2, batch_size=2, zone=3))
    assert [r.extraction.article.source for r in two] == [a.source for a in articles]
    assert two == one
    assert sum(len(r.extraction.meetings) for r in two) > 0  # the sample has facts to compare


def test_workers_model_of_knows_only_unchanged_pipelines(nlp: Language) -> None:
    assert model_of(nlp) == default_model()
    other = make_nlp()
    other.remove_pipe("dip_triggers")
    assert model_of(other) is None  # changed: the workers could not rebuild it


def test_workers_changed_pipeline_still_parses_in_two_processes(corpus: Path) -> None:
    changed = make_nlp()
    changed.remove_pipe("dip_triggers")
    articles = _articles(corpus, 4)
    # spaCy's own processes parse it (fork), and extraction runs here: the same answers
    assert list(resolutions(changed, articles, n_process=2)) == \
        list(resolutions(changed, articles))


def test_workers_unknown_model_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Envoy Mark Hollis met Sara Lind in Oslo.\n",
                                    encoding="utf-8")
    with pytest.raises(KGError, match="'no_such_model' is not installed") as err:
        kg.build([tmp_path], model="no_such_model", jobs=2)
    assert "\n" not in str(err.value)
    assert _children("kg.workers") == []  # the workers are gone


def test_workers_death_is_a_clear_error_and_stops_the_rest(corpus: Path) -> None:
    articles = _articles(corpus, 40)

    def stream() -> Iterator[Article]:
        for i, article in enumerate(articles):
            if i == 30:  # the workers are up and busy: kill one
                [victim, *_] = _children("kg.workers")
                os.kill(victim, signal.SIGKILL)
            yield article

    got = []
    with pytest.raises(WorkerError, match=r"a parse worker process died \(exit code -9\)"):
        for res in parse_resolutions(default_model(), stream(), jobs=2, batch_size=2,
                                     zone=1000):
            got.append(res)
    assert len(got) < len(articles)
    assert _children("kg.workers") == []  # the other worker is stopped too


def test_workers_abandoned_stream_stops_the_workers(corpus: Path) -> None:
    stream = iter(parse_resolutions(default_model(), _articles(corpus, 12), jobs=2,
                                    batch_size=2, zone=1000))
    assert isinstance(stream, Generator)
    first = next(stream)
    assert first.extraction.article.source.endswith(".txt")
    assert len(_children("kg.workers")) == 2
    stream.close()  # the caller stops reading (an error in the build, Ctrl-C)
    assert _children("kg.workers") == []


def test_workers_build_stopped_by_a_callback_stops_them_at_once(nlp: Language,
                                                               corpus: Path) -> None:
    paths = sorted((corpus / "bbc" / "politics").glob("*.txt"))[:40]
    heard: list[str] = []

    def progress(event: str) -> None:
        heard.append(event)
        if len(heard) == 5:
            raise KeyboardInterrupt  # as Ctrl-C lands in a progress bar

    with pytest.raises(KeyboardInterrupt) as err:
        kg.build(paths, nlp=nlp, jobs=2, batch_size=2, progress=progress)
    assert _children("kg.workers") == []
    assert err.traceback


def test_workers_small_build_starts_only_the_workers_it_needs(corpus: Path) -> None:
    stream = iter(parse_resolutions(default_model(), _articles(corpus, 3), jobs=4,
                                    batch_size=32, zone=1000))
    assert isinstance(stream, Generator)
    assert len([next(stream) for _ in range(2)]) == 2
    assert len(_children("kg.workers")) == 1  # one batch: one worker, not four
    assert len(list(stream)) == 1
    assert _children("kg.workers") == []
