"""The who-met-whom graph's analyses and exports (kg.network, kg.analytics).

Three graphs: a small one built from invented sentences whose answers are known exactly
(Keller met Novak twice, Novak met Lopez, Lopez met Brandt, and apart from them Hartmann met
Dvorak), the seed article's, and 30 real BBC politics articles (sanity checks only).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import pytest
from spacy.language import Language

import kg
from kg.analytics import (
    ActorNotFound,
    ActorStats,
    Hop,
    NoChain,
    actor_table,
    chain,
    communities,
    ego,
    find_actor,
    prune,
)
from kg.model import KGError
from kg.network import CSV_COLUMNS, NetworkError, flatten, meeting_when, write_graph

PERSON = "https://w3id.org/diplomacy-kg/resource/person/"
KELLER, NOVAK, LOPEZ, BRANDT = (PERSON + s for s in
                                ("anna-keller", "tomas-novak", "maria-lopez", "olaf-brandt"))
HARTMANN, DVORAK = PERSON + "lena-hartmann", PERSON + "pavel-dvorak"
ARTICLES = {
    "a1.txt": "Foreign Minister Anna Keller met Prime Minister Tomas Novak in Vienna on Monday.",
    "a2.txt": "Foreign Minister Anna Keller met Prime Minister Tomas Novak again in Prague on "
              "Friday.",
    "b.txt": "Prime Minister Tomas Novak met President Maria Lopez in Madrid on Tuesday.",
    "c.txt": "President Maria Lopez met Chancellor Olaf Brandt in Berlin on Wednesday.",
    "d.txt": "Defence Minister Lena Hartmann met Foreign Minister Pavel Dvorak in Warsaw on "
             "Thursday.",
}
POMPEO = PERSON + "mike-pompeo"
AL_THANI, BERADAR = PERSON + "al-thani", PERSON + "mullah-beradar"
AFGHANISTAN = "https://w3id.org/diplomacy-kg/resource/country/AFG"


@pytest.fixture(scope="module")
def invented(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> nx.Graph:
    folder = tmp_path_factory.mktemp("invented")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return kg.build(sorted(folder.glob("*.txt")), nlp=nlp).who_met_whom()


@pytest.fixture(scope="module")
def seed(seed_graph: kg.KnowledgeGraph) -> nx.Graph:
    return seed_graph.who_met_whom()


@pytest.fixture(scope="module")
def bbc(nlp: Language, corpus: Path) -> nx.Graph:
    sample = sorted((corpus / "bbc" / "politics").glob("*.txt"))[:30]
    assert len(sample) == 30
    return kg.build(sample, nlp=nlp).who_met_whom()


def labels(graph: nx.Graph, nodes: Iterable[str]) -> list[str]:
    return sorted(graph.nodes[n]["label"] for n in nodes)


def hops(found: list[Hop]) -> list[tuple[str, str, int]]:
    return [(h.from_label, h.to_label, h.meetings) for h in found]


# --- the invented graph: exact answers ----------------------------------------------------

def test_network_invented_graph_has_the_written_meetings(invented: nx.Graph) -> None:
    weights = {frozenset(labels(invented, (u, v))): w
               for u, v, w in invented.edges(data="weight")}
    assert weights == {frozenset({"Anna Keller", "Tomas Novak"}): 2,
                       frozenset({"Tomas Novak", "Maria Lopez"}): 1,
                       frozenset({"Maria Lopez", "Olaf Brandt"}): 1,
                       frozenset({"Lena Hartmann", "Pavel Dvorak"}): 1}
    assert list(invented.nodes) == sorted(invented.nodes)  # stable order


@pytest.mark.parametrize(("name", "expected"), [
    ("Anna Keller", KELLER), ("anna  KELLER", KELLER), ("Keller", KELLER), ("novak", NOVAK),
    ("Olaf", BRANDT), (LOPEZ, LOPEZ), ("Brandt Olaf", BRANDT),
])
def test_network_find_actor_by_label_word_or_iri(invented: nx.Graph, name: str,
                                                 expected: str) -> None:
    assert find_actor(invented, name) == expected


def test_network_find_actor_unknown_suggests_close_labels(invented: nx.Graph) -> None:
    with pytest.raises(ActorNotFound) as caught:
        find_actor(invented, "Anna Kellar")
    message = str(caught.value)
    assert isinstance(caught.value, KGError) and "\n" not in message
    assert message == "no actor called 'Anna Kellar'; close labels: Anna Keller"
    with pytest.raises(ActorNotFound, match="close labels: Tomas Novak"):
        find_actor(invented, "Nowak")
    with pytest.raises(ActorNotFound, match=r"^no actor called 'Zyx' among 6 actors$"):
        find_actor(invented, "Zyx")


def test_network_find_actor_suggests_at_most_five() -> None:
    graph = nx.Graph()
    graph.add_nodes_from((f"urn:{i}", {"label": f"Actor Number{i}"}) for i in range(9))
    with pytest.raises(ActorNotFound) as caught:
        find_actor(graph, "Number")  # not a word of any label, but close to nine
    assert str(caught.value).count("Actor Number") == 5


def test_network_find_actor_ambiguous_names_the_candidates() -> None:
    graph = nx.Graph([("urn:a", "urn:b"), ("urn:c", "urn:b")])
    nx.set_node_attributes(graph, {"urn:a": "Mike Pompeo", "urn:b": "Georgia",
                                   "urn:c": "Mike Pence"}, "label")
    with pytest.raises(ActorNotFound, match=r"^'mike' is ambiguous: Mike Pence, Mike Pompeo$"):
        find_actor(graph, "mike")
    graph.add_node("urn:d", label="Georgia")  # the country and the US state
    with pytest.raises(ActorNotFound,
                       match=r"'Georgia' is ambiguous: Georgia <urn:b>, Georgia <urn:d>"):
        find_actor(graph, "Georgia")
    assert find_actor(graph, "urn:d") == "urn:d"


def test_network_actor_table_ranks_by_weighted_degree(invented: nx.Graph) -> None:
    rows = actor_table(invented)
    assert [(r.label, r.degree, r.weighted_degree, r.betweenness, r.community) for r in rows] == [
        ("Tomas Novak", 2, 3, 0.2, 0),  # on 2 of the 10 shortest paths between other pairs
        ("Anna Keller", 1, 2, 0.0, 0),
        ("Maria Lopez", 2, 2, 0.2, 2),
        ("Lena Hartmann", 1, 1, 0.0, 1),
        ("Olaf Brandt", 1, 1, 0.0, 2),
        ("Pavel Dvorak", 1, 1, 0.0, 1),
    ]
    assert rows[0] == ActorStats(id=NOVAK, label="Tomas Novak", type="Person", country=None,
                                 degree=2, weighted_degree=3, meetings=3, betweenness=0.2,
                                 community=0)
    assert [r.label for r in actor_table(invented, top=2)] == ["Tomas Novak", "Anna Keller"]
    with pytest.raises(NetworkError, match="top must be at least 1"):
        actor_table(invented, top=0)


def test_network_actor_table_samples_betweenness_on_large_graphs() -> None:
    graph = nx.relabel_nodes(nx.connected_watts_strogatz_graph(120, 4, 0.2, seed=1),
                             lambda n: f"urn:{n:03}")
    nx.set_node_attributes(graph, {n: f"Actor {n[4:]}" for n in graph}, "label")
    exact = {r.id: r.betweenness for r in actor_table(graph, top=None)}
    estimate = {r.id: r.betweenness for r in actor_table(graph, top=None, sample=60)}
    assert estimate == {r.id: r.betweenness for r in actor_table(graph, top=None, sample=60)}
    assert estimate != exact
    assert max(abs(estimate[n] - exact[n]) for n in graph) < 0.1
    assert exact == {r.id: r.betweenness for r in actor_table(graph, top=None, sample=120)}
    with pytest.raises(NetworkError, match="sample must be at least 1"):
        actor_table(graph, sample=0)


def test_network_communities_exact_partition(invented: nx.Graph) -> None:
    assert [labels(invented, c) for c in communities(invented)] == [
        ["Anna Keller", "Tomas Novak"], ["Lena Hartmann", "Pavel Dvorak"],
        ["Maria Lopez", "Olaf Brandt"]]
    assert communities(nx.Graph()) == []


def test_network_communities_ignore_insertion_order(invented: nx.Graph) -> None:
    shuffled = nx.Graph()
    shuffled.add_nodes_from(reversed(list(invented.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(invented.edges(data=True))))
    assert communities(shuffled) == communities(invented)
    assert actor_table(shuffled) == actor_table(invented)


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("Keller", "Brandt", [("Anna Keller", "Tomas Novak", 2), ("Tomas Novak", "Maria Lopez", 1),
                          ("Maria Lopez", "Olaf Brandt", 1)]),
    ("Olaf Brandt", "Tomas Novak", [("Olaf Brandt", "Maria Lopez", 1),
                                    ("Maria Lopez", "Tomas Novak", 1)]),
    ("Hartmann", "Dvorak", [("Lena Hartmann", "Pavel Dvorak", 1)]),
    ("Novak", "Novak", []),
])
def test_network_chain_exact(invented: nx.Graph, a: str, b: str,
                             expected: list[tuple[str, str, int]]) -> None:
    assert hops(chain(invented, a, b)) == expected


def test_network_chain_keeps_first_evidence_and_source(invented: nx.Graph) -> None:
    first = chain(invented, "Keller", "Novak")[0]
    assert (first.from_id, first.to_id) == (KELLER, NOVAK)
    assert first.sentence == ARTICLES["a1.txt"]
    assert first.source is not None and first.source.endswith("a1.txt")
    assert str(first).startswith('Anna Keller met Tomas Novak (2 times): "Foreign Minister')


def test_network_chain_between_components_raises(invented: nx.Graph) -> None:
    with pytest.raises(NoChain, match="no chain of meetings links Anna Keller and Pavel Dvorak"):
        chain(invented, "Keller", "Dvorak")
    with pytest.raises(ActorNotFound):
        chain(invented, "Keller", "Nobody Atall")


def test_network_chain_prefers_the_pairs_that_met_most() -> None:
    graph = nx.Graph()
    graph.add_weighted_edges_from([("a", "b", 1), ("b", "d", 1), ("a", "c", 3), ("c", "d", 2),
                                   ("a", "e", 1), ("e", "f", 9), ("f", "d", 9)])
    nx.set_node_attributes(graph, {n: n.upper() for n in graph}, "label")
    assert hops(chain(graph, "A", "D")) == [("A", "C", 3), ("C", "D", 2)]


@pytest.mark.parametrize(("depth", "expected"), [
    (0, ["Tomas Novak"]),
    (1, ["Anna Keller", "Maria Lopez", "Tomas Novak"]),
    (2, ["Anna Keller", "Maria Lopez", "Olaf Brandt", "Tomas Novak"]),
])
def test_network_ego_by_depth(invented: nx.Graph, depth: int, expected: list[str]) -> None:
    around = ego(invented, "Novak", depth=depth)
    assert labels(around, around) == expected
    assert around.graph["center"] == NOVAK
    if depth:
        assert around.edges[KELLER, NOVAK]["meetings"] == invented.edges[KELLER, NOVAK][
            "meetings"]


def test_network_ego_is_a_copy(invented: nx.Graph) -> None:
    around = ego(invented, "Hartmann")
    around.nodes[HARTMANN]["label"] = "changed"
    assert invented.nodes[HARTMANN]["label"] == "Lena Hartmann"
    with pytest.raises(NetworkError):
        ego(invented, "Hartmann", depth=-1)


@pytest.mark.parametrize(("top", "min_meetings", "expected"), [
    (None, None, {("Anna Keller", "Tomas Novak"), ("Maria Lopez", "Tomas Novak"),
                  ("Maria Lopez", "Olaf Brandt"), ("Lena Hartmann", "Pavel Dvorak")}),
    (None, 2, {("Anna Keller", "Tomas Novak")}),
    (3, None, {("Anna Keller", "Tomas Novak"), ("Maria Lopez", "Tomas Novak")}),
    (2, None, {("Anna Keller", "Tomas Novak")}),
    (4, 2, {("Anna Keller", "Tomas Novak")}),  # isolated actors are dropped
])
def test_network_prune(invented: nx.Graph, top: int | None, min_meetings: int | None,
                       expected: set[tuple[str, str]]) -> None:
    kept = prune(invented, top=top, min_meetings=min_meetings)
    assert {tuple(labels(kept, e)) for e in kept.edges} == expected
    assert {n for e in kept.edges for n in e} == set(kept.nodes)
    assert invented.number_of_edges() == 4  # the input is untouched


@pytest.mark.parametrize("option", ["top", "min_meetings"])
def test_network_prune_refuses_non_positive(invented: nx.Graph, option: str) -> None:
    with pytest.raises(NetworkError, match=f"{option} must be at least 1"):
        prune(invented, **{option: 0})


# --- export ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("fmt", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_write_graph_parses_back(invented: nx.Graph, tmp_path: Path, fmt: str,
                                         read: object) -> None:
    path = write_graph(invented, tmp_path / "out" / f"g.{fmt}")
    back = read(path)  # type: ignore[operator]
    assert set(back.nodes) == set(invented.nodes)
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in invented.edges}
    assert back.nodes[NOVAK]["label"] == "Tomas Novak"
    assert back.nodes[NOVAK]["type"] == "Person"
    edge = back.edges[KELLER, NOVAK]
    assert int(edge["weight"]) == 2 and int(edge["meetings"]) == 2
    assert edge["dates"] == "Monday; Friday" and edge["places"] == "Vienna; Prague"
    assert edge["evidence"] == ARTICLES["a1.txt"]
    assert edge["sources"].endswith("a2.txt")


def test_network_write_graph_format_by_argument_or_suffix(invented: nx.Graph,
                                                          tmp_path: Path) -> None:
    path = write_graph(invented, tmp_path / "edges.txt", "GEXF")
    assert nx.read_gexf(path).number_of_edges() == 4
    with pytest.raises(NetworkError, match="unknown format 'dot'"):
        write_graph(invented, tmp_path / "g.dot", "dot")
    with pytest.raises(NetworkError, match="cannot tell the format"):
        write_graph(invented, tmp_path / "g")
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(NetworkError, match="cannot write"):
        write_graph(invented, tmp_path / "file" / "g.csv")


def test_network_write_graph_csv_edge_list(invented: nx.Graph, tmp_path: Path) -> None:
    path = write_graph(invented, tmp_path / "edges.csv")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == CSV_COLUMNS
    table = [r[:6] for r in rows[1:]]
    assert table == [
        ["Anna Keller", "Tomas Novak", "2", "Monday; Friday", "Vienna; Prague",
         ARTICLES["a1.txt"]],
        ["Lena Hartmann", "Pavel Dvorak", "1", "Thursday", "Warsaw", ARTICLES["d.txt"]],
        ["Maria Lopez", "Olaf Brandt", "1", "Wednesday", "Berlin", ARTICLES["c.txt"]],
        ["Maria Lopez", "Tomas Novak", "1", "Tuesday", "Madrid", ARTICLES["b.txt"]],
    ]
    assert rows[1][6].endswith("a1.txt") and rows[1][7:] == [KELLER, NOVAK]


def test_network_flatten_leaves_the_graph_alone(invented: nx.Graph) -> None:
    flat = flatten(invented)
    assert isinstance(invented.edges[KELLER, NOVAK]["meetings"], list)
    scalars = (str, int, float, bool)
    assert all(isinstance(v, scalars) for _, d in flat.nodes(data=True) for v in d.values())
    assert all(isinstance(v, scalars) for _, _, d in flat.edges(data=True) for v in d.values())


# --- the seed article -------------------------------------------------------------------------

def test_network_seed_find_actor_by_alias(seed: nx.Graph) -> None:
    assert "Pompeo" in seed.nodes[POMPEO]["aliases"]
    assert find_actor(seed, "Pompeo") == POMPEO
    assert find_actor(seed, "islamic republic of afghanistan") == AFGHANISTAN
    assert find_actor(seed, "Thani") == AL_THANI
    with pytest.raises(ActorNotFound, match="close labels: Mike Pompeo"):
        find_actor(seed, "Pompei")


def test_network_seed_pompeo_is_the_top_actor(seed: nx.Graph) -> None:
    top = actor_table(seed, top=1)[0]
    assert (top.label, top.degree, top.country) == ("Mike Pompeo", 4, "United States")
    assert top.weighted_degree == sum(w for *_, w in seed.edges(POMPEO, data="weight"))
    assert top.betweenness == max(r.betweenness for r in actor_table(seed, top=None))


def test_network_seed_chain_goes_through_pompeo(seed: nx.Graph) -> None:
    found = chain(seed, "Al Thani", "Mullah Beradar")
    assert hops(found) == [("Al Thani", "Mike Pompeo", 1), ("Mike Pompeo", "Mullah Beradar", 1)]
    assert found[0].sentence is not None and "Doha" in found[0].sentence
    assert found[0].source == "seeds/000_28493343f67b95bb.txt"
    assert labels(seed, ego(seed, "Al Thani", depth=1)) == ["Al Thani", "Mike Pompeo"]


def test_network_seed_graphml_keeps_aliases(seed: nx.Graph, tmp_path: Path) -> None:
    back = nx.read_graphml(write_graph(seed, tmp_path / "seed.graphml"))
    assert "Pompeo" in back.nodes[POMPEO]["aliases"].split("; ")
    assert back.number_of_edges() == seed.number_of_edges()


# --- 30 real BBC politics articles: sanity only -------------------------------------------------

def test_network_corpus_metrics_cover_every_actor(bbc: nx.Graph) -> None:
    assert bbc.number_of_edges() > 0
    rows = actor_table(bbc, top=None)
    assert {r.id for r in rows} == set(bbc.nodes)
    assert all(0.0 <= r.betweenness <= 1.0 and r.weighted_degree >= r.degree >= 1 for r in rows)
    assert [r.weighted_degree for r in rows] == sorted((r.weighted_degree for r in rows),
                                                       reverse=True)
    groups = communities(bbc)
    assert sorted(n for c in groups for n in c) == sorted(bbc.nodes)  # a partition
    assert [len(c) for c in groups] == sorted((len(c) for c in groups), reverse=True)
    assert {r.community for r in rows} == set(range(len(groups)))


def test_network_corpus_chain_and_exports(bbc: nx.Graph, tmp_path: Path) -> None:
    biggest = max(nx.connected_components(bbc), key=len)
    a, b = sorted(biggest)[0], sorted(biggest)[-1]
    found = chain(bbc, a, b)
    assert len(found) == nx.shortest_path_length(bbc, a, b)
    assert all(h.sentence for h in found)
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        back = read(write_graph(bbc, tmp_path / f"bbc.{fmt}"))
        assert back.number_of_nodes() == bbc.number_of_nodes()
        assert back.number_of_edges() == bbc.number_of_edges()
    names = [bbc.nodes[n]["label"] for n in bbc]
    for row in actor_table(bbc, top=5):
        assert find_actor(bbc, row.id) == row.id
        if names.count(row.label) == 1:
            assert find_actor(bbc, row.label) == row.id


def test_network_undated_meeting_falls_back_to_its_report_date(nlp: Language,
                                                               tmp_path: Path) -> None:
    record = {"id": "wire/7", "date": "2019-05-08", "text": (
        "Foreign Minister Anna Keller met Prime Minister Tomas Novak in Vienna on Monday. "
        "Keller met President Maria Lopez in Madrid last week.")}
    (tmp_path / "wire.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    graph = kg.build([tmp_path / "wire.jsonl"], nlp=nlp).who_met_whom()
    dated = graph.edges[KELLER, NOVAK]["meetings"][0]
    undated = graph.edges[KELLER, LOPEZ]["meetings"][0]
    assert (dated["date"], dated["dateText"], dated["reported"]) == (
        "2019-05-06", "Monday", "2019-05-08")
    assert (undated["date"], undated["dateText"], undated["reported"]) == (
        None, "last week", "2019-05-08")
    assert meeting_when(dated) == "2019-05-06"
    assert meeting_when(undated) == "reported 2019-05-08 (last week)"
    flat = flatten(graph)
    assert flat.edges[KELLER, LOPEZ]["dates"] == "reported 2019-05-08 (last week)"
    rows = list(csv.DictReader(write_graph(graph, tmp_path / "e.csv").open(encoding="utf-8")))
    assert {r["dates"] for r in rows} == {"2019-05-06", "reported 2019-05-08 (last week)"}


def test_network_country_is_the_one_most_articles_state(nlp: Language, tmp_path: Path
                                                        ) -> None:
    texts = ["US Senator Dana Merrow met Chancellor Ruth Adler in Bern.",
             "US Senator Dana Merrow met Mayor Omar Haddad in Geneva.",
             "French Senator Dana Merrow met Mayor Omar Haddad in Lyon."]
    paths = []
    for i, text in enumerate(texts):
        paths.append(tmp_path / f"a{i}.txt")
        paths[-1].write_text(text + "\n", encoding="utf-8")
    g = kg.build(paths, nlp=nlp).who_met_whom()
    merrow = next(n for n, d in g.nodes(data=True) if d["label"] == "Dana Merrow")
    assert g.nodes[merrow]["country"] == "United States"


# --- distinct meetings: one dip:Meeting counts once, however it is reported ----------------

REPORTED_TWICE = [
    {"id": "vienna", "date": "2031-05-04", "text": (
        "Foreign Minister Anna Keller met Prime Minister Peter Hansen in Vienna on Monday. "
        "They discussed trade. Keller said after meeting Hansen that progress had been made. "
        "The economy grew. Nobody commented. Prices rose. It rained. Keller met Hansen "
        "again in Prague in June.")},
    {"id": "madrid", "date": "2031-05-06", "text": (
        "President Maria Lopez met Prime Minister Peter Hansen in Madrid on Tuesday. "
        "Lopez will meet Foreign Minister Anna Keller in Lisbon next week.")},
]
SUPPORT = "Keller said after meeting Hansen that progress had been made."


@pytest.fixture(scope="module")
def reported(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> kg.KnowledgeGraph:
    source = tmp_path_factory.mktemp("reported") / "wire.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in REPORTED_TWICE), encoding="utf-8")
    return kg.build([source], nlp=nlp)


def _by_labels(graph: nx.Graph, a: str, b: str) -> dict[str, object]:
    ids = {graph.nodes[n]["label"]: n for n in graph}
    edge: dict[str, object] = graph.edges[ids[a], ids[b]]
    return edge


def test_network_meeting_reported_in_two_sentences_is_one_meeting(
        reported: kg.KnowledgeGraph) -> None:
    who = reported.who_met_whom()
    edge = _by_labels(who, "Anna Keller", "Peter Hansen")
    meetings = edge["meetings"]
    assert isinstance(meetings, list) and edge["weight"] == len(meetings) == 2  # Vienna, Prague
    vienna = next(m for m in meetings if m["place"] == "Vienna")
    assert vienna["more"] == [SUPPORT] and vienna["status"] == "asserted"
    assert vienna["id"].startswith("https://w3id.org/diplomacy-kg/resource/")
    store = reported.table("SELECT ?n (COUNT(DISTINCT ?m) AS ?c) WHERE { ?m a dip:Meeting ;"
                           ' dip:status "asserted" ; dip:participant/rdfs:label ?n } GROUP BY ?n')
    counted = {str(row[0]): row[1] for row in store.rows}
    assert {who.nodes[n]["label"]: who.nodes[n]["meetings"] for n in who} == counted
    assert {r.label: r.meetings for r in actor_table(who, top=None)} == counted
    pairs = {(r[0], r[1]): r[2] for r in reported.ask("who-met-whom").rows}
    assert pairs == {("Anna Keller", "Peter Hansen"): 2, ("Maria Lopez", "Peter Hansen"): 1}


def test_network_planned_meetings_only_when_asked(reported: kg.KnowledgeGraph) -> None:
    asserted = reported.who_met_whom()
    both = reported.who_met_whom(statuses=("asserted", "planned"))
    assert both.number_of_edges() == asserted.number_of_edges() + 1
    planned = _by_labels(both, "Anna Keller", "Maria Lopez")["meetings"]
    assert isinstance(planned, list) and [m["status"] for m in planned] == ["planned"]
    with pytest.raises(NetworkError, match="unknown meeting status 'maybe'"):
        reported.who_met_whom(statuses=("maybe",))


def test_network_exports_count_distinct_meetings(reported: kg.KnowledgeGraph,
                                                 tmp_path: Path) -> None:
    who = reported.who_met_whom()
    back = nx.read_graphml(write_graph(who, tmp_path / "g.graphml"))
    by_label = {d["label"]: d for _, d in back.nodes(data=True)}
    assert by_label["Peter Hansen"]["meetings"] == 3 and by_label["Maria Lopez"]["meetings"] == 1
    weights = sorted(d["weight"] for *_, d in back.edges(data=True))
    assert weights == [1, 2]


def test_network_count_meetings_counts_a_meeting_of_three_once() -> None:
    g = nx.Graph()
    three = {"id": "urn:m:1", "sentence": "A, B and C met.", "source": "x.txt"}
    g.add_edges_from([("a", "b"), ("a", "c"), ("b", "c")], weight=1, meetings=[three])
    g.add_edge("a", "d", weight=1, meetings=[{"id": "urn:m:2", "sentence": "A met D."}])
    rows = {r.id: r for r in actor_table(g, top=None)}
    assert (rows["a"].meetings, rows["a"].weighted_degree) == (2, 3)
    assert [r.id for r in actor_table(g, top=2)] == ["a", "b"]


def test_network_curate_counts_one_meeting_once_by_its_iri() -> None:
    from kg.aliases import parse_aliases
    from kg.network import curate

    g = nx.Graph()
    g.add_node("urn:t", label="Trump", aliases=())
    g.add_node("urn:dt", label="Donald Trump", aliases=(), type="Person")
    g.add_node("urn:k", label="Kim", aliases=(), type="Person")
    one = {"id": "urn:m:1", "sentence": "Trump met Kim.", "source": "x.txt"}
    g.add_edge("urn:t", "urn:k", weight=1, meetings=[one])
    g.add_edge("urn:dt", "urn:k", weight=1, meetings=[{**one, "sentence": "Donald Trump met Kim."}])
    view = curate(g, parse_aliases("Trump\tDonald Trump\n"))
    assert view.edges["urn:dt", "urn:k"]["weight"] == 1
    assert view.nodes["urn:k"]["meetings"] == 1


def test_network_ego_caps_its_size_keeping_the_nearest_most_connected() -> None:
    g = nx.relabel_nodes(nx.star_graph(30), lambda n: f"urn:{n:03d}")
    for n in range(1, 31):
        g.add_edge(f"urn:{n:03d}", f"urn:{100 + n:03d}")  # a partner two steps from the centre
    g.add_edge("urn:001", "urn:200")  # spoke 1 is the best connected
    nx.set_node_attributes(g, {n: f"Actor {n[4:]}" for n in g}, "label")
    sub = ego(g, "Actor 000", depth=2, top=12)
    assert sub.number_of_nodes() == 12 and sub.graph["within"] == 62
    assert "urn:001" in sub and all(n < "urn:100" for n in sub)  # spokes before partners
    assert nx.is_connected(sub)
    assert ego(g, "Actor 000", depth=2).number_of_nodes() == 62
    with pytest.raises(NetworkError, match="top must be at least 1"):
        ego(g, "Actor 000", top=0)


def test_network_ego_command_says_when_it_caps(tmp_path: Path,
                                               seed_graph: kg.KnowledgeGraph) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    ttl = seed_graph.write(tmp_path / "seed.ttl")
    result = CliRunner().invoke(app, ["ego", str(ttl), "Pompeo", "--depth", "2", "--top", "3"])
    assert result.exit_code == 0, result.output
    assert "2 of the " in result.output and "--top to change" in result.output


def test_network_table_prints_itself() -> None:
    from kg.query import Table

    table = Table(("who", "n"), (("Anna Keller", 2), ("Peter Hansen", None)))
    assert str(table) == table.to_text() == (
        "who           n\n------------  -\nAnna Keller   2\nPeter Hansen   \n(2 rows)")
    assert f"{table}" == str(table)


def test_network_readme_api_example_prints_its_table_as_a_script(tmp_path: Path) -> None:
    import re
    import shutil
    import subprocess
    import sys

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## The Python API"):]
    code = re.search(r"```python\n(.*?)```", section, flags=re.S)
    assert code is not None
    shutil.copytree(Path(__file__).resolve().parent.parent / "seeds", tmp_path / "seeds")
    (tmp_path / "example.py").write_text(code.group(1), encoding="utf-8")
    done = subprocess.run([sys.executable, "example.py"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.split() == ["who", "title", "body"])
    assert set(lines[header + 1]) <= {"-", " "}
    rows = re.search(r"^\((\d+) rows?\)$", done.stdout, flags=re.M)
    assert rows is not None and int(rows.group(1)) >= 1
    assert "Mike Pompeo" in done.stdout
    assert (tmp_path / "out" / "graph.html").is_file()
