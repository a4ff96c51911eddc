"""The canned questions rewritten for speed on a large store (issue 15) give the rows their
old, straightforward text gave, on a small store built by the real pipeline; and reading a
store (`kg query`) imports neither rdflib nor spaCy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from spacy.language import Language

import kg
from kg.query import canned_queries
from kg.rdfio import PREFIXES

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_28493343f67b95bb.txt"

# the texts as they were before the rewrite: joins one lookup after another
OLD_POSTS = """
SELECT ?person ?post ?body (COUNT(DISTINCT ?doc) AS ?articles) WHERE {
  ?p dip:holdsPost ?x ; rdfs:label ?person .
  ?x dip:roleTitle ?post .
  OPTIONAL { ?x dip:postIn/rdfs:label ?body }
  ?st rdf:subject ?p ; rdf:predicate dip:holdsPost ; rdf:object ?x ; prov:wasDerivedFrom ?doc .
}
GROUP BY ?person ?post ?body
ORDER BY ?person ?post
"""

OLD_MEETINGS_IN = """
SELECT ?place ?participants (SAMPLE(?s) AS ?status) (MIN(?d) AS ?date)
       (SAMPLE(?ev) AS ?evidence) (SAMPLE(?src) AS ?source) WHERE {
  {
    SELECT ?place ?m (GROUP_CONCAT(DISTINCT ?p; separator=", ") AS ?participants) WHERE {
      VALUES ?where { $WHERE }
      { ?m dip:location ?where } UNION { ?m dip:location/dip:inCountry ?where }
      ?m a dip:Meeting ; dip:participant/rdfs:label ?p .
    } GROUP BY ?place ?m
  }
  ?m dip:status ?s ; dip:evidence ?ev ; prov:wasDerivedFrom ?doc .
  OPTIONAL { ?doc dip:sourcePath ?src }
  OPTIONAL { ?m dip:date ?day }
  OPTIONAL { ?m dip:dateText ?dt }
  OPTIONAL { ?m dip:reportedOn ?r }
  BIND (IF(BOUND(?dt), CONCAT(" (", ?dt, ")"), "") AS ?written)
  BIND (COALESCE(STR(?day), CONCAT("reported ", STR(?r), ?written), ?dt) AS ?d)
} GROUP BY ?place ?m ?participants
ORDER BY ?date ?source
"""

# two more articles: posts said again (counts of 2), posts of other bodies, meetings in
# Doha and in Kabul, so that Qatar and Afghanistan hold meetings through their cities
MORE = {
    "talks.txt": "Pompeo meets Taliban in Doha\n\nPublished: 2020-09-12\n\n"
                 "US Secretary of State Mike Pompeo met Taliban political deputy Mullah "
                 "Beradar in Doha on Saturday. Afghan President Ashraf Ghani welcomed the "
                 "talks. Qatari Foreign Minister Mohammed bin Abdulrahman Al Thani met "
                 "Pompeo later that day.\n",
    "kabul.txt": "Envoy in Kabul\n\nPublished: 2020-10-02\n\n"
                 "US envoy Zalmay Khalilzad met Afghan President Ashraf Ghani in Kabul on "
                 "Friday. Secretary of State Mike Pompeo said the talks were going well. "
                 "NATO Secretary General Jens Stoltenberg met Ghani in Kabul on Thursday.\n",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    """The folder of a store of three articles built by the real pipeline."""
    root = tmp_path_factory.mktemp("rewrite")
    inputs = root / "articles"
    inputs.mkdir()
    shutil.copy(SEED, inputs / SEED.name)
    for name, text in MORE.items():
        (inputs / name).write_text(text, encoding="utf-8")
    kg.build([inputs], nlp=nlp, store=root / "store").close()
    return root / "store"


@pytest.fixture(scope="module")
def store(folder: Path) -> ox.Store:
    return ox.Store.read_only(str(folder))


def _rows(store: ox.Store, sparql: str, **values: str) -> list[tuple[str, ...]]:
    result = store.query(sparql, prefixes=PREFIXES, substitutions={
        ox.Variable(k): ox.Literal(v) for k, v in values.items()})
    assert isinstance(result, ox.QuerySolutions)
    return [tuple("" if t is None else str(t) for t in row) for row in result]


def test_query_posts_rewrite_gives_the_old_rows(store: ox.Store) -> None:
    new = _rows(store, canned_queries()["posts"].sparql)
    old = _rows(store, OLD_POSTS)
    assert new == old
    assert len(new) >= 5  # something to compare: the seed's posts and the new ones
    assert any(row[3].startswith('"2"') for row in new)  # a post two articles state


@pytest.mark.parametrize("place", ["Doha", "Qatar", "Kabul", "Afghanistan"])
def test_query_meetings_in_rewrite_gives_the_old_rows(store: ox.Store, folder: Path,
                                                      place: str) -> None:
    from kg.actors import resolve

    with kg.load(folder) as graph:  # the place resolved as kg query resolves it
        iris = resolve(graph.dataset, place, place=True)
    question = canned_queries()["meetings-in"]
    new = _rows(store, question.bound_to(iris), place=place)
    old = _rows(store, OLD_MEETINGS_IN.replace(
        "$WHERE", " ".join(f"<{i}>" for i in iris)), place=place)
    assert sorted(new) == sorted(old)  # rows of one date and source come in either order
    assert [r[3:6] for r in new] == [r[3:6] for r in old]  # sorted alike
    assert new, f"no meeting in {place} to compare"


_READ_ONLY_RUN = """
import sys
from kg.cli import app

sys.argv = ["kg", *sys.argv[1:]]
try:
    app()
except SystemExit as exc:
    assert exc.code in (0, None), exc.code
heavy = [m for m in ("rdflib", "spacy", "networkx", "pyshacl") if m in sys.modules]
print("@@", ",".join(heavy) or "light", file=sys.stderr)
"""


@pytest.mark.parametrize("question", [
    ["posts"], ["who-met-whom"],
    ["SELECT ?n WHERE { ?d a dip:Document ; dip:sourcePath ?n }", "--format", "csv"]])
def test_query_reading_a_store_imports_no_rdflib(folder: Path, question: list[str]) -> None:
    """`kg query STORE posts` (and any question that needs no name resolved) answers from
    Oxigraph alone: neither rdflib nor spaCy, networkx or pySHACL is imported."""
    done = subprocess.run([sys.executable, "-c", _READ_ONLY_RUN, "query", str(folder),
                           *question], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "@@ light", done.stderr
    assert done.stdout.strip()


@pytest.mark.parametrize("statuses", [("asserted",), ("asserted", "planned")])
def test_query_who_met_whom_straight_from_oxigraph_equals_through_rdflib(
        folder: Path, statuses: tuple[str, ...]) -> None:
    """The page's graph read straight from Oxigraph (as a build writes it now) is the graph
    read through rdflib's view of the store, node and edge data alike, in the same order."""
    from kg.network import who_met_whom

    with kg.load(folder) as graph:
        assert isinstance(graph.store, kg.api.Store)
        fast = who_met_whom(graph.store.ox, statuses)
        slow = who_met_whom(graph.dataset, statuses)
    assert fast.number_of_edges() >= 3
    assert list(fast.nodes(data=True)) == list(slow.nodes(data=True))
    assert list(fast.edges(data=True)) == list(slow.edges(data=True))
