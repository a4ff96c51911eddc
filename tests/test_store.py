"""The Oxigraph store: idempotent builds, replacement, removal, exports and canned questions."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from spacy.language import Language

import kg
from kg.query import canned_queries
from kg.store import Store

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
