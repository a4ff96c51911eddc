"""The engines: local (one or more processes) and Dask give the same graph, streamed."""

from __future__ import annotations

import json
from collections.abc import Iterable
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
    two = kg.build(paths, nlp=nlp, jobs=2, batch_size=3)  # three batches: two workers
    assert same_dataset(quads(one.store), quads(two.store))


@pytest.mark.parametrize("with_nlp", [True, False])
def test_engine_one_batch_starts_no_worker(nlp: Language, tmp_path: Path, with_nlp: bool,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """--jobs 2 on what fits one batch parses here: no process to start, the same graph."""
    import kg.engine
    import kg.workers

    for i, (who, other) in enumerate([("Anna Keller", "Tomas Novak"),
                                      ("Ruth Adler", "Piet Jansen")]):
        (tmp_path / f"{i}.txt").write_text(f"Foreign Minister {who} met Prime Minister "
                                           f"{other} in Vienna on Monday.\n", encoding="utf-8")
    one = kg.build([tmp_path], nlp=nlp)
    monkeypatch.setattr(kg.workers, "spawn", lambda entry: pytest.fail("a worker started"))
    monkeypatch.setattr(kg.engine, "make_nlp", lambda model=None: nlp)
    two = kg.build([tmp_path], nlp=nlp if with_nlp else None, jobs=2, batch_size=2)
    assert two.added == 2 and same_dataset(quads(one.store), quads(two.store))
    with pytest.raises(BaseException, match="a worker started"):  # three: two batches
        (tmp_path / "2.txt").write_text("Envoy Mark Hollis met Sara Lind in Oslo.\n",
                                        encoding="utf-8")
        kg.build([tmp_path], nlp=nlp if with_nlp else None, jobs=2, batch_size=2)


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


def _keys(resolutions: Iterable[kg.model.Resolution]  # type: ignore[name-defined]
          ) -> list[str | None]:
    return [r.entities[0].key if r.entities else None for r in resolutions]


def test_engine_identity_is_decided_over_the_window() -> None:
    """Within the window every article gains from all the others: a bare name that comes
    before its full name still joins it; an ambiguous one is no actor; later chunks are
    decided against everything seen and keep the labels already given."""
    names = ["Bush", "Pompeo", "George W Bush", "George Bush", "Laura Bush", "Mike Pompeo",
             "Kim", "Kim Jong-un", "Haider al-Abadi", "Abadi"]
    keys = _keys(link_stream(iter(map(_person, names))))
    assert keys[names.index("Bush")] is None  # George W or Laura: ambiguous, no actor
    assert keys[names.index("Pompeo")] == "person/mike-pompeo"  # before its full name
    assert keys[names.index("George Bush")] == keys[names.index("George W Bush")]
    assert keys[names.index("Kim")] == keys[names.index("Kim Jong-un")] == "person/kim-jong-un"
    assert keys[names.index("Abadi")] == "person/haider-al-abadi"
    # a window of 1: each article decided against those before it only
    one = _keys(link_stream(iter(map(_person, ["Pompeo", "Mike Pompeo", "Pompeo"])),
                            window=1, chunk=1))
    assert one == ["person/pompeo", "person/mike-pompeo", "person/mike-pompeo"]


def test_engine_identity_keeps_what_the_store_holds() -> None:
    from kg.identity import Identity, stored_entities

    known = stored_entities({"person/mike-pompeo": "Mike Pompeo",
                             "person/haider-al-abadi": "Haider al-Abadi"})
    later = _keys(link_stream(iter(map(_person, ["Pompeo", "Abadi", "Mike R. Pompeo"])),
                              identity=Identity(known)))
    assert later == ["person/mike-pompeo", "person/haider-al-abadi", "person/mike-pompeo"]


def _invented(i: int) -> str:
    """An article whose names and words no vocabulary has seen."""
    tag = "".join("aeiou"[int(d) % 5] + "rstvk"[int(d) // 2] for d in f"{i:02d}")
    a, b, w = f"Zor{tag}ian", f"Quill{tag}brandt", f"blorf{tag}ly"
    return (f"Foreign Minister Anna {a} met Chancellor Piet {b} in Vienna on Monday. "
            f"The talks went {w} well, {a} said.")


def test_memory_zones_span_batches_smaller_than_a_zone(nlp: Language) -> None:
    """A parse worker's case: batches of 3 against zones of 8 articles."""
    from kg.model import Article
    from kg.parse import ZonedParser

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
    from kg.model import Article
    from kg.parse import resolutions

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


def _check_imports() -> object:
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "scripts" / "check_imports.py"
    spec = importlib.util.spec_from_file_location("check_imports", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_import_circle_in_kg() -> None:
    """engine -> workers / distributed -> parse, never back up (imports inside functions
    count too): the check `make lint` runs."""
    check = _check_imports()
    graph = check.imports(Path(kg.__file__).parent)  # type: ignore[attr-defined]
    assert "kg.parse" in graph["kg.workers"] and "kg.parse" in graph["kg.distributed"]
    assert not graph["kg.parse"] & {"kg.engine", "kg.workers", "kg.distributed"}
    assert check.circles(graph) == []  # type: ignore[attr-defined]


def test_import_check_finds_a_circle_inside_a_function(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg.b import x\n")
    (package / "b.py").write_text("x = 1\n\ndef f():\n    from pkg import a\n    return a\n")
    (package / "c.py").write_text("import pkg.a\n")
    check = _check_imports()
    assert check.circles(check.imports(package)) == [["pkg.a", "pkg.b"]]  # type: ignore[attr-defined]


def test_city_index_is_kept_between_runs_and_rebuilt_when_unreadable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The GeoNames city index (0.6 s of a small build) is read back from the cache; a
    broken cache file is rebuilt, never trusted."""
    from kg import gazetteer

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    built = gazetteer._build_city_index()
    gazetteer._city_index.cache_clear()
    try:
        assert gazetteer._city_index() == built  # built, and written
        path = gazetteer.city_cache_file()
        assert path.parent == tmp_path / "cache" and path.is_file()
        gazetteer._city_index.cache_clear()
        monkeypatch.setattr(gazetteer, "_build_city_index", lambda: pytest.fail("rebuilt"))
        assert gazetteer._city_index() == built  # read back, not rebuilt
        assert gazetteer._city_index()["doha"].iso2 == "QA"
        monkeypatch.undo()
        monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
        path.write_text('[["doha", 1, "Nowhere"', encoding="utf-8")  # cut off
        gazetteer._city_index.cache_clear()
        assert gazetteer._city_index() == built
        assert json.loads(path.read_text(encoding="utf-8"))  # written again, whole
    finally:
        gazetteer._city_index.cache_clear()


@pytest.mark.parametrize("fmt", ["ttl", "nt", "xml"])
def test_write_from_oxigraph_gives_the_store_writers_bytes(
        seed_graph: kg.KnowledgeGraph, tmp_path: Path, fmt: str) -> None:
    """KnowledgeGraph.write lets Oxigraph dump the merged graph: the very bytes
    Store.write streams through Python."""
    seed_graph.write(tmp_path / f"fast.{fmt}", fmt)
    seed_graph.store.write(tmp_path / f"slow.{fmt}", fmt)
    fast = (tmp_path / f"fast.{fmt}").read_bytes()
    assert fast == (tmp_path / f"slow.{fmt}").read_bytes() and len(fast) > 1000


def test_engine_nothing_to_parse_loads_no_model(nlp: Language, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A build that finds every article stored loads no pipeline and weighs no actors."""
    import kg.engine

    (tmp_path / "a.txt").write_text("Envoy Mark Hollis met Sara Lind in Oslo.\n",
                                    encoding="utf-8")
    graph = kg.build([tmp_path], nlp=nlp, store=tmp_path / "store")
    graph.close()
    monkeypatch.setattr(kg.engine, "make_nlp", lambda model=None: pytest.fail("loaded"))
    monkeypatch.setattr(kg.engine, "Identity", lambda *a: pytest.fail("identity"))
    again = kg.build([tmp_path], store=tmp_path / "store")
    assert (again.added, again.unchanged) == (0, 1)
    again.close()


def test_engine_pipeline_is_spared_by_the_collector_while_it_parses(
        nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """No automatic collection while the pipeline loads, its objects frozen out of the
    collector while the articles are parsed, and the collector as it was afterwards; a
    process that froze objects itself is left alone."""
    import gc

    import kg.engine
    from tests.conftest import SEED

    thresholds: list[int] = []

    def load(model: str | None = None) -> Language:
        thresholds.append(gc.get_threshold()[0])
        return nlp

    monkeypatch.setattr(kg.engine, "make_nlp", load)
    frozen: list[int] = []
    before = gc.get_threshold()
    kg.build([SEED], progress=lambda event: frozen.append(gc.get_freeze_count()))
    assert thresholds == [0] and gc.get_threshold() == before
    assert frozen and all(count > 0 for count in frozen)
    assert gc.get_freeze_count() == 0
    gc.freeze()
    try:
        mine = gc.get_freeze_count()
        frozen.clear()
        kg.build([SEED], progress=lambda event: frozen.append(gc.get_freeze_count()))
        assert thresholds[-1] == before[0] and frozen == [mine]
        assert gc.get_freeze_count() == mine
    finally:
        gc.unfreeze()
