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


def _person(name: str) -> kg.model.Resolution:  # type: ignore[name-defined]
    from kg.model import Article, Extraction, Mention
    from kg.resolve import resolve

    m = Mention(name, 0, len(name), "Person")
    return resolve(Extraction(Article(name, name), mentions=(m,)))


def test_engine_linking_across_chunks_matches_linking_at_once() -> None:
    """The word index gives what comparing every pair of names gave: a partial name joins
    its one fullest host, two hosts leave it alone, whichever chunk each came in."""
    names = ["George W Bush", "George Bush", "Bush", "Laura Bush", "Mike Pompeo",
             "Pompeo", "Ruth Adler", "Adler", "Kim Jong-un", "Kim", "Jong-un",
             "Haider al-Abadi", "Abadi"]
    at_once = [r.entities[0].key for r in link_stream(iter(map(_person, names)),
                                                      chunk=len(names))]
    assert at_once[names.index("George Bush")] == "person/george-w-bush"
    assert at_once[names.index("Bush")] == "person/bush"  # George W or Laura: ambiguous
    assert at_once[names.index("Pompeo")] == "person/mike-pompeo"
    assert at_once[names.index("Abadi")] == "person/haider-al-abadi"
    def linked(chunk: int) -> list[str]:
        return [r.entities[0].key for r in link_stream(iter(map(_person, names)), chunk=chunk)]

    # one article per chunk: "Bush" comes before "Laura Bush", so it has one host then
    bush = names.index("Bush")
    assert linked(1) == [*at_once[:bush], "person/george-w-bush", *at_once[bush + 1:]]
    assert linked(2) == at_once  # "Bush" and "Laura Bush" share a chunk
    later = [r.entities[0].key for r in link_stream(iter(map(_person, ["Pompeo", "Abadi"])),
                                                    known_people=["Mike Pompeo",
                                                                  "Haider al-Abadi"])]
    assert later == ["person/mike-pompeo", "person/haider-al-abadi"]


def test_person_index_keeps_the_first_label_of_a_key() -> None:
    from kg.resolve import PersonIndex

    index = PersonIndex(["Jean Claude Juncker", "Jean-Claude Juncker"])
    assert len(index) == 1
    assert index.people["person/jean-claude-juncker"].label == "Jean Claude Juncker"
    assert index.containing(frozenset({"juncker"})) == {"person/jean-claude-juncker"}
    assert index.containing(frozenset({"jean-claude"})) == set()  # that spelling is gone
