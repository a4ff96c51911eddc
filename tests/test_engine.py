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


def _invented(i: int) -> str:
    """An article whose names and words no vocabulary has seen."""
    tag = "".join("aeiou"[int(d) % 5] + "rstvk"[int(d) // 2] for d in f"{i:02d}")
    a, b, w = f"Zor{tag}ian", f"Quill{tag}brandt", f"blorf{tag}ly"
    return (f"Foreign Minister Anna {a} met Chancellor Piet {b} in Vienna on Monday. "
            f"The talks went {w} well, {a} said.")


def test_memory_zones_span_batches_smaller_than_a_zone(nlp: Language) -> None:
    """A parse worker's case: batches of 3 against zones of 8 articles."""
    from kg.engine import ZonedParser
    from kg.model import Article

    arts = [Article(f"{i}.txt", _invented(100 + i)) for i in range(41)]
    parser = ZonedParser(nlp, zone=8)
    out = [r for i in range(0, 9, 3) for r in parser.parse(arts[i:i + 3])]  # warms: 9 >= 8
    warmed = len(nlp.vocab.strings)
    sizes = []
    for i in range(9, 41, 3):
        out += parser.parse(arts[i:i + 3])
        sizes.append(len(nlp.vocab.strings) - warmed)
    parser.close()
    # each zone (three batches, 9 articles) forgets its words when it ends: the vocabulary
    # falls back to the warmed size, so 32 articles of new words never pile up
    assert len(nlp.vocab.strings) == warmed
    assert sizes[2] == 0 and sizes[5] == 0 and max(sizes) > 0
    assert [r.extraction.article.source for r in out] == [a.source for a in arts]
    assert all(r.extraction.meetings for r in out)


def test_memory_zones_forget_the_words_of_parsed_articles(nlp: Language) -> None:
    from kg.engine import resolutions
    from kg.model import Article

    arts = [Article(f"{i}.txt", _invented(i)) for i in range(40)]
    before = len(nlp.vocab.strings)
    out = list(resolutions(nlp, arts[:4], zone=4))  # the first zone warms the caches
    warmed = len(nlp.vocab.strings)
    out += list(resolutions(nlp, arts[:4], zone=4))  # (again: a new stream warms again)
    grown_by_one = len(nlp.vocab.strings) - warmed
    assert warmed > before  # the first articles' words stay, as spaCy's cache needs them
    out = list(resolutions(nlp, arts, zone=4))
    # 36 more articles of new words, and the vocabulary holds only one zone's worth more
    assert len(nlp.vocab.strings) - warmed <= grown_by_one + 40
    # every article still gives its facts: nothing read a Doc after its zone ended
    pairs = [{nlp_label for m in r.extraction.meetings
              for nlp_label in (r.entity_of[p].label for p in m.participants)} for r in out]
    assert pairs == [{f"Anna {a.text.split()[3]}", f"Piet {a.text.split()[7]}"} for a in arts]
    assert len({frozenset(p) for p in pairs}) == 40


def test_store_flushes_rocksdb_as_it_grows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    import kg.store
    from tests.test_store import _triples

    flushed: list[int] = []
    monkeypatch.setattr(kg.store, "FLUSH_QUADS", 10)
    store = kg.store.Store(tmp_path / "s")
    real = store.flush
    monkeypatch.setattr(store, "flush", lambda: (flushed.append(store._unflushed), real()))
    for i in range(6):  # 6 graphs of 2 triples: 4 quads each with the merge
        store.put_graph(_triples(f"http://example.org/{i}", "a", str(i)))
    assert flushed == [12, 12]  # after every 10 quads or more
    assert store.triple_count() == 12 and len(store) == 12
