"""The Oxigraph store: idempotent builds, replacement, removal, exports and canned questions."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from spacy.language import Language

import kg
from kg.query import canned_queries
from kg.rdf import Triples
from kg.store import Store, StoreError, WriteBehind

KELLER = "Foreign Minister Anna Keller met Prime Minister Tomas Novak in Vienna on Monday.\n"
ADLER = "Chancellor Ruth Adler met Foreign Minister Anna Keller in Berlin on Friday.\n"


def articles(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text(KELLER, encoding="utf-8")
    b.write_text(ADLER, encoding="utf-8")
    return a, b


def quads(store: Store) -> Dataset:
    ds = Dataset()
    ds.parse(data=store.serialize("nq"), format="nquads")
    return ds


def same_dataset(x: Dataset, y: Dataset) -> bool:
    gx = {str(g.identifier): g for g in x.graphs() if len(g)}
    gy = {str(g.identifier): g for g in y.graphs() if len(g)}
    return gx.keys() == gy.keys() and all(isomorphic(gx[k], gy[k]) for k in gx)


def test_store_second_build_adds_nothing(nlp: Language, tmp_path: Path) -> None:
    a, b = articles(tmp_path)
    first = kg.build([a, b], nlp=nlp, store=tmp_path / "store")
    n = len(first.store.ox)
    second = kg.build([a, b], nlp=nlp, store=first.store)
    assert (second.added, second.unchanged) == (0, 2)
    assert len(second.store.ox) == n


def test_store_persists_on_disk(nlp: Language, tmp_path: Path) -> None:
    a, b = articles(tmp_path)
    built = kg.build([a, b], nlp=nlp, store=tmp_path / "store")
    expected = built.summary().meetings
    del built
    gc.collect()
    again = kg.load(tmp_path / "store")
    assert again.summary().meetings == expected == 2


def test_store_changed_article_replaces_only_its_graph(nlp: Language, tmp_path: Path) -> None:
    a, b = articles(tmp_path)
    graph = kg.build([a, b], nlp=nlp)
    before_b = [g for g in quads(graph.store).graphs() if "b-txt" in str(g.identifier)]
    a.write_text("Foreign Minister Anna Keller met President Omar Haddad in Geneva.\n",
                 encoding="utf-8")
    again = kg.build([a, b], nlp=nlp, store=graph.store)
    assert (again.added, again.unchanged) == (1, 1)
    people = {r[0] for r in again.table(
        "SELECT ?l WHERE { ?m a dip:Meeting ; dip:participant/rdfs:label ?l }").rows}
    assert people == {"Anna Keller", "Omar Haddad", "Ruth Adler"}  # Novak is gone
    after_b = [g for g in quads(again.store).graphs() if "b-txt" in str(g.identifier)]
    assert len(before_b) == len(after_b) == 1 and isomorphic(before_b[0], after_b[0])


def test_store_remove_keeps_what_other_articles_say(nlp: Language, tmp_path: Path) -> None:
    a, b = articles(tmp_path)
    graph = kg.build([a, b], nlp=nlp)
    full = quads(graph.store)
    assert graph.store.remove_document(str(a))
    # Anna Keller is still a person with her one label: article b names her too
    assert graph.table('SELECT ?p WHERE { ?p a dip:Person ; rdfs:label "Anna Keller" }').rows
    assert not graph.table('SELECT ?p WHERE { ?p rdfs:label "Tomas Novak" }').rows
    # adding it back gives the same dataset, graph by graph
    kg.build([a], nlp=nlp, store=graph.store)
    assert same_dataset(quads(graph.store), full)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig", "jsonld", "xml"])
def test_store_exports_parse_back(seed_graph: kg.KnowledgeGraph, fmt: str) -> None:
    data = seed_graph.store.serialize(fmt)
    rdflib_format = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig",
                     "jsonld": "json-ld", "xml": "xml"}[fmt]
    if fmt in {"nq", "trig", "jsonld"}:  # dataset formats keep the article's named graph
        ds = Dataset()
        ds.parse(data=data, format=rdflib_format)
        assert same_dataset(ds, quads(seed_graph.store))
        named = [g for g in ds.graphs() if len(g) and "document/" in str(g.identifier)]
        assert len(named) == 1  # the article's own named graph
    else:
        back = Graph().parse(data=data, format=rdflib_format)
        assert isomorphic(back, seed_graph.graph)


def test_store_load_file_formats(seed_graph: kg.KnowledgeGraph, tmp_path: Path) -> None:
    for fmt in ("ttl", "nq", "jsonld"):
        path = tmp_path / f"g.{fmt}"
        path.write_bytes(seed_graph.store.serialize(fmt))
        assert kg.load(path).summary().meetings == seed_graph.summary().meetings


def test_store_bad_file_is_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(kg.KGError) as err:
        kg.load(bad)
    assert str(bad) in str(err.value) and "\n" not in str(err.value)


def test_store_corrupt_folder_is_one_line_error(tmp_path: Path) -> None:
    store = tmp_path / "store"
    store.mkdir()
    (store / "CURRENT").write_text("not a manifest name\n", encoding="utf-8")
    for open_it in (lambda: kg.load(store), lambda: Store(store, read_only=True)):
        with pytest.raises(kg.KGError) as err:
            open_it()
        assert str(store) in str(err.value) and "Corruption" in str(err.value)
        assert "\n" not in str(err.value)


@pytest.mark.parametrize("name", sorted(canned_queries()))
def test_store_canned_questions_answer(seed_graph: kg.KnowledgeGraph, name: str) -> None:
    q = canned_queries()[name]
    value = {"name": "Mike Pompeo", "place": "Doha"}
    rows = seed_graph.table(q.sparql, **q.bindings([value[p] for p in q.params])).rows
    assert rows


def test_store_canned_values_cannot_change_the_query(seed_graph: kg.KnowledgeGraph) -> None:
    q = canned_queries()["meetings-of"]
    for hostile in ['Mike Pompeo" } UNION { ?x ?y ?z', "x') } ; DROP ALL ; #",
                    "Mike Pompeo\\"]:
        assert seed_graph.table(q.sparql, name=hostile).rows == ()
    assert len(seed_graph.table(q.sparql, name="mike pompeo").rows) >= 5


def test_store_who_met_whom_question(seed_graph: kg.KnowledgeGraph) -> None:
    rows = seed_graph.table(canned_queries()["who-met-whom"].sparql).rows
    assert ("Al Thani", "Mike Pompeo", 1) in rows


def _triples(name: str, *objects: str) -> Triples:
    t = Triples(URIRef(name))
    for o in objects:
        t.add((URIRef(name), URIRef("http://example.org/says"), Literal(o)))
    return t


def test_put_graphs_new_and_replaced_graphs_keep_the_merge() -> None:
    store = Store()
    # odd line breaks inside literals: only "\n" may end an N-Quads line
    store.put_graphs([_triples("http://example.org/a", "one\u2028two", "x\x85y\x1cz"),
                      _triples("http://example.org/b", "shared")])
    store.put_graphs([_triples("http://example.org/a", "shared", "new"),
                      _triples("http://example.org/c", "shared")])
    said = {str(r[0].value) for r in store.select("SELECT ?o WHERE { ?s ?p ?o }")}
    assert said == {"shared", "new"}
    assert len(store) == 4 and store.triple_count() == 4  # a: 2, b: 1, c: 1; merge: 4
    store.remove_document("http://example.org/a")  # nothing: not a dip:Document


def test_put_graphs_same_graph_twice_in_one_batch_keeps_the_last() -> None:
    store = Store()
    store.put_graphs([_triples("http://example.org/a", "first"),
                      _triples("http://example.org/a", "second")])
    said = [str(r[0].value) for r in store.select("SELECT ?o WHERE { ?s ?p ?o }")]
    assert said == ["second"] and len(store) == 1


class _SlowStore(Store):
    """A store whose writes are slow or fail, to watch the background writer."""

    def __init__(self, fail_on: str | None = None, delay: float = 0.0) -> None:
        super().__init__()
        self.fail_on, self.delay = fail_on, delay
        self.batches: list[int] = []

    def put_graphs(self, graphs: Sequence[Graph | Triples]) -> None:
        time.sleep(self.delay)
        if self.fail_on is not None and any(self.fail_on in str(g.identifier) for g in graphs):
            raise StoreError("disk full")
        self.batches.append(len(graphs))
        super().put_graphs(graphs)


def test_write_behind_writes_everything_in_order() -> None:
    store = _SlowStore(delay=0.01)
    writer = WriteBehind(store, depth=4)
    for i in range(40):
        writer.put(_triples(f"http://example.org/{i % 7}", str(i)))
    writer.close()
    said = {str(r[0].value) for r in store.select("SELECT ?o WHERE { ?s ?p ?o }")}
    assert said == {str(i) for i in range(33, 40)}  # each graph holds its last write
    assert sum(store.batches) == 40 and max(store.batches) > 1  # queued graphs go together


class _StuckStore(Store):
    """A store whose first write waits until released."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def put_graphs(self, graphs: Sequence[Graph | Triples]) -> None:
        self.release.wait(10)
        super().put_graphs(graphs)


def test_write_behind_put_blocks_when_the_writer_is_behind() -> None:
    """Memory stays bounded: with the store stuck, the caller stops once ``depth`` graphs
    wait besides the batch being written (at most ``depth`` + 1), and goes on once the
    store moves."""
    store = _StuckStore()
    writer = WriteBehind(store, depth=3)
    done: list[int] = []

    def produce() -> None:
        for i in range(10):
            writer.put(_triples(f"http://example.org/{i}", str(i)))
            done.append(i)

    producer = threading.Thread(target=produce)
    producer.start()
    time.sleep(0.5)
    assert producer.is_alive() and len(done) <= 2 * 3 + 1  # still blocked, 10 to go
    store.release.set()
    producer.join(10)
    writer.close()
    assert done == list(range(10)) and len(store) == 10


def test_write_behind_reports_a_write_error_once() -> None:
    store = _SlowStore(fail_on="http://example.org/bad")
    writer = WriteBehind(store)
    writer.put(_triples("http://example.org/good", "ok"))
    writer.put(_triples("http://example.org/bad", "no"))
    with pytest.raises(StoreError, match="disk full"):
        for i in range(1000):  # a later put() raises the error...
            writer.put(_triples(f"http://example.org/n{i}", "later"))
            time.sleep(0.001)
    writer.close()  # ...and close() does not raise it twice
    with pytest.raises(StoreError, match="stopped"):
        writer.put(_triples("http://example.org/late", "late"))
    assert {str(r[0].value) for r in store.select("SELECT ?o WHERE { ?s ?p ?o }")} <= {"ok"}


def test_build_reports_a_store_that_cannot_write(nlp: Language, tmp_path: Path) -> None:
    a, b = articles(tmp_path)
    with pytest.raises(StoreError, match="disk full"):
        kg.build([a, b], nlp=nlp, store=_SlowStore(fail_on="http"))  # every graph fails
