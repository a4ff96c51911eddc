"""The engines: local (one or more processes) and Dask give the same graph, streamed."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import kg
from kg.engine import link_stream
from tests.test_store import quads, same_dataset


def sample(corpus: Path, n: int = 8) -> list[Path]:
    return sorted((corpus / "bbc" / "politics").glob("*.txt"))[:n]


def test_engine_two_processes_same_graph(nlp: Language, corpus: Path) -> None:
    paths = sample(corpus)
    one = kg.build(paths, nlp=nlp)
    two = kg.build(paths, nlp=nlp, jobs=2)
    assert same_dataset(quads(one.store), quads(two.store))


def test_engine_dask_local_cluster_same_graph(nlp: Language, corpus: Path) -> None:
    pytest.importorskip("distributed")
    paths = sample(corpus)
    local = kg.build(paths, nlp=nlp)
    dask = kg.build(paths, engine="dask", jobs=2, batch_size=3)
    assert dask.added == len(paths)
    assert same_dataset(quads(local.store), quads(dask.store))


def test_engine_unknown_scheduler_is_a_clear_error(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    import kg.distributed

    monkeypatch.setattr(kg.distributed, "CONNECT_TIMEOUT", "2s")
    (tmp_path / "a.txt").write_text("Envoy Mark Hollis met Sara Lind in Oslo.\n",
                                    encoding="utf-8")
    with pytest.raises(kg.KGError, match="cannot reach the Dask scheduler"):
        kg.build([tmp_path], engine="dask", scheduler="tcp://127.0.0.1:9")


def test_engine_progress_hears_every_input(nlp: Language, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Envoy Mark Hollis met Sara Lind in Oslo.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    events: list[str] = []
    graph = kg.build([tmp_path], nlp=nlp, progress=events.append)
    assert sorted(events) == ["added", "skipped"]
    kg.build([tmp_path / "a.txt"], nlp=nlp, store=graph.store, progress=events.append)
    assert events[-1] == "unchanged"


def test_engine_links_people_across_chunks() -> None:
    from kg.model import Article, Extraction, Mention
    from kg.resolve import resolve

    def one(name: str) -> kg.model.Resolution:  # type: ignore[name-defined]
        m = Mention(name, 0, len(name), "Person")
        return resolve(Extraction(Article(name, name), mentions=(m,)))

    stream = [one("Mike Pompeo"), one("Ruth Adler"), one("Pompeo"), one("Adler")]
    keys = [r.entities[0].key for r in link_stream(iter(stream), chunk=2)]
    # the full names came in the first chunk; the surnames in the second join them
    assert keys == ["person/mike-pompeo", "person/ruth-adler"] * 2
