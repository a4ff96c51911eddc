"""Tests of kg.actors, the canned questions about one actor or place, and ``kg actors``:
actors listed with their meetings and articles, names resolved to IRIs (label first, then
alternative names, ambiguity reported), and the aliases file applied to views.

The graph is a small Turtle file written by hand (invented people), so every count is known;
one test builds a graph from invented sentences.
"""

from __future__ import annotations

import csv
import inspect
import io
import json
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner, Result

import kg
from kg.aliases import parse_aliases
from kg.cli import app
from kg.query import QueryError

TTL = """\
@prefix dip: <https://w3id.org/diplomacy-kg/ontology#> .
@prefix p: <https://w3id.org/diplomacy-kg/resource/person/> .
@prefix o: <https://w3id.org/diplomacy-kg/resource/org/> .
@prefix c: <https://w3id.org/diplomacy-kg/resource/country/> .
@prefix pl: <https://w3id.org/diplomacy-kg/resource/place/> .
@prefix d: <https://w3id.org/diplomacy-kg/resource/document/> .
@prefix e: <https://w3id.org/diplomacy-kg/resource/event/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

d:a a dip:Document ; dip:sourcePath "a.txt" .
d:b a dip:Document ; dip:sourcePath "b.txt" .
d:c a dip:Document ; dip:sourcePath "c.txt" .

p:anna-keller a dip:Person ; rdfs:label "Anna Keller" ; skos:altLabel "Keller", "A. Keller" ;
  dip:mentionedIn d:a, d:b, d:c .
p:jonas-keller a dip:Person ; rdfs:label "Jonas Keller" ; skos:altLabel "Keller" ;
  dip:mentionedIn d:a .
p:tomas-novak a dip:Person ; rdfs:label "Tomas Novak" ; skos:altLabel "Novak" ;
  dip:mentionedIn d:a, d:c .
p:novak a dip:Person ; rdfs:label "Novak" ; dip:mentionedIn d:b .
p:brexit a dip:Person ; rdfs:label "Brexit" ; dip:mentionedIn d:c .
o:river-board a dip:Organization ; rdfs:label "River Board" ; dip:mentionedIn d:a, d:b, d:c .
c:AUT a dip:Country ; rdfs:label "Austria" ; skos:altLabel "Austrian" ; dip:mentionedIn d:b .
pl:vienna a dip:Place ; rdfs:label "Vienna" ; dip:inCountry c:AUT .

e:m1 a dip:Meeting ; dip:participant p:anna-keller, p:tomas-novak, p:jonas-keller ;
  dip:status "asserted" ; dip:location pl:vienna ; dip:date "2020-01-06"^^xsd:date ;
  dip:evidence "Anna Keller met Tomas Novak and Jonas Keller in Vienna." ;
  prov:wasDerivedFrom d:a .
e:m2 a dip:Meeting ; dip:participant p:anna-keller, p:novak ; dip:status "asserted" ;
  dip:location c:AUT ; dip:dateText "on Friday" ;
  dip:evidence "Keller met Novak in Austria on Friday." ; prov:wasDerivedFrom d:b .
e:m3 a dip:Meeting ; dip:participant p:jonas-keller, p:tomas-novak ; dip:status "planned" ;
  dip:evidence "Jonas Keller will meet Tomas Novak." ; prov:wasDerivedFrom d:a .
e:m4 a dip:Meeting ; dip:participant p:anna-keller, p:brexit, p:tomas-novak ;
  dip:status "asserted" ; dip:evidence "Anna Keller met Tomas Novak on Brexit." ;
  prov:wasDerivedFrom d:c .
e:s1 a dip:Statement ; dip:speaker p:anna-keller ; dip:status "asserted" ;
  dip:evidence "Keller said the talks were useful." ; prov:wasDerivedFrom d:a .
"""

P = "https://w3id.org/diplomacy-kg/resource/person/"
ALIASES = ("# invented rules\n"
           "Novak\tTomas Novak\n"
           "Brexit\ttype\tnone\n"
           "Jonas Keller\t!=\tAnna Keller\n"
           "River Board\ttype\tCountry\n")


def _runner() -> CliRunner:
    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]  # pragma: no cover
    return CliRunner()


def _invoke(*args: object) -> Result:
    result = _runner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.stdout + result.stderr
    return result


def _ok(*args: object) -> Result:
    result = _invoke(*args)
    assert result.exit_code == 0, result.stdout + result.stderr
    return result


def _error(*args: object) -> str:
    result = _invoke(*args)
    assert result.exit_code == 1, result.stdout
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("error: ")]
    assert len(lines) == 1, result.stderr
    return lines[0][len("error: "):]


def _json(*args: object) -> list[dict[str, object]]:
    data = json.loads(_ok(*args, "--format", "json").stdout)
    assert isinstance(data, list)
    return data


@pytest.fixture()
def ttl(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    path.write_text(TTL, encoding="utf-8")
    return path


@pytest.fixture()
def aliases(tmp_path: Path) -> Path:
    path = tmp_path / "aliases.tsv"
    path.write_text(ALIASES, encoding="utf-8")
    return path


def test_actors_lists_every_actor_with_counts(ttl: Path) -> None:
    rows = _json("actors", ttl)
    assert [(r["label"], r["type"], r["names"], r["meetings"], r["articles"]) for r in rows] == [
        ("Anna Keller", "Person", "A. Keller; Keller", 3, 3),
        ("Tomas Novak", "Person", "Novak", 2, 2),
        ("Brexit", "Person", "", 1, 1),
        ("Jonas Keller", "Person", "Keller", 1, 1),
        ("Novak", "Person", "", 1, 1),
        ("River Board", "Organization", "", 0, 3),
        ("Austria", "Country", "Austrian", 0, 1),
    ]
    assert rows[0]["iri"] == P + "anna-keller"


def test_actors_search_type_top_csv(ttl: Path) -> None:
    found = _ok("actors", ttl, "--search", "KELL", "--format", "csv").stdout
    table = list(csv.DictReader(io.StringIO(found)))
    assert [r["label"] for r in table] == ["Anna Keller", "Jonas Keller"]
    assert table[0]["names"] == "A. Keller; Keller" and table[0]["meetings"] == "3"
    assert [r["label"] for r in _json("actors", ttl, "--search", "austrian")] == ["Austria"]
    assert [r["label"] for r in _json("actors", ttl, "--type", "Organization")] == [
        "River Board"]
    assert [r["label"] for r in _json("actors", ttl, "--top", "2")] == [
        "Anna Keller", "Tomas Novak"]
    text = _ok("actors", ttl, "--search", "nobody at all").stdout
    assert "(0 rows)" in text
    assert _invoke("actors", ttl, "--type", "Place").exit_code == 2


def test_actors_with_aliases(ttl: Path, aliases: Path) -> None:
    result = _ok("actors", ttl, "--aliases", aliases, "--format", "json")
    rows = [(r["label"], r["type"], r["names"], r["meetings"], r["articles"])
            for r in json.loads(result.stdout)]
    assert rows == [
        ("Anna Keller", "Person", "A. Keller; Keller", 3, 3),
        ("Tomas Novak", "Person", "Novak", 3, 3),  # m1, m4 and m2 of the old "Novak"
        ("Jonas Keller", "Person", "Keller", 1, 1),
        ("River Board", "Country", "", 0, 3),
        ("Austria", "Country", "Austrian", 0, 1),
    ]
    assert "take effect at `kg build --aliases` time" in result.stderr


def test_actors_bad_aliases_file_is_one_line(ttl: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("Novak\tTomas Novak\nNovak Tomas Novak\n", encoding="utf-8")
    assert _error("actors", ttl, "--aliases", bad).startswith(f"{bad}:2: no TAB")
    for command in (["query", ttl, "meetings-of", "Novak"], ["network", ttl],
                    ["ego", ttl, "Novak"], ["path", ttl, "Novak", "Keller"],
                    ["viz", ttl, "--out", tmp_path / "x.html"]):
        assert _error(*command, "--aliases", bad).startswith(f"{bad}:2:"), command


def test_meetings_of_ambiguous_name_lists_candidates(ttl: Path) -> None:
    assert _error("query", ttl, "meetings-of", "keller") == (
        "'keller' names 2 actors: Anna Keller (Person, 3 meetings), Jonas Keller (Person, "
        "1 meeting); ask for one of them by its full name")


def test_ambiguity_lists_at_most_ten(tmp_path: Path) -> None:
    lines = [f"<urn:p{i}> a <https://w3id.org/diplomacy-kg/ontology#Person> ; "
             f"<http://www.w3.org/2000/01/rdf-schema#label> \"Kim {i:02d}\" ; "
             "<http://www.w3.org/2004/02/skos/core#altLabel> \"Kim\" ." for i in range(12)]
    path = tmp_path / "kims.ttl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    message = _error("query", path, "timeline", "Kim")
    assert message.startswith("'Kim' names 12 actors: Kim 00 (Person, 0 meetings), Kim 01 ")
    assert message.endswith("Kim 09 (Person, 0 meetings), and 2 more; ask for one of them by "
                            "its full name")


def test_meetings_of_unknown_name_suggests_close_matches(ttl: Path) -> None:
    assert _error("query", ttl, "timeline", "Kell") == (
        "no actor named 'Kell'; close matches: Anna Keller, Jonas Keller")
    assert _error("query", ttl, "meetings-of", "Zed") == "no actor named 'Zed'"
    assert _error("query", ttl, "meetings-in", "Graz") == "no place named 'Graz'"


def test_meetings_of_each_meeting_once(ttl: Path) -> None:
    rows = _json("query", ttl, "meetings-of", "anna  KELLER")
    assert len(rows) == 3
    by_source = {r["source"]: r for r in rows}
    assert sorted(by_source) == ["a.txt", "b.txt", "c.txt"]
    assert sorted(str(by_source["a.txt"]["with"]).split(", ")) == ["Jonas Keller",
                                                                   "Tomas Novak"]
    assert sorted(str(by_source["c.txt"]["with"]).split(", ")) == ["Brexit", "Tomas Novak"]
    assert by_source["a.txt"]["date"] == "2020-01-06" and by_source["a.txt"]["place"] == "Vienna"
    assert by_source["b.txt"]["date"] == "on Friday" and by_source["b.txt"]["place"] == "Austria"
    assert by_source["b.txt"]["with"] == "Novak"
    # "Novak" is the label of one actor: the label wins over Tomas Novak's alternative name
    assert [r["source"] for r in _json("query", ttl, "meetings-of", "Novak")] == ["b.txt"]
    # an alternative name of one actor only finds that actor
    assert len(_json("query", ttl, "meetings-of", "a. keller")) == 3


def test_meetings_in_each_meeting_once(ttl: Path) -> None:
    vienna = _json("query", ttl, "meetings-in", "vienna")
    assert [r["source"] for r in vienna] == ["a.txt"]
    assert sorted(str(vienna[0]["participants"]).split(", ")) == [
        "Anna Keller", "Jonas Keller", "Tomas Novak"]
    # the country counts, directly or as the country of the place
    assert sorted(str(r["source"]) for r in _json("query", ttl, "meetings-in", "Austrian")
                  ) == ["a.txt", "b.txt"]


def test_timeline_each_event_once(ttl: Path) -> None:
    rows = _json("query", ttl, "timeline", "Jonas Keller")
    assert sorted((r["kind"], r["status"]) for r in rows) == [("Meeting", "asserted"),
                                                             ("Meeting", "planned")]
    kinds = [r["kind"] for r in _json("query", ttl, "timeline", "Anna Keller")]
    assert sorted(kinds) == ["Meeting", "Meeting", "Meeting", "Statement"]


def test_merged_group_takes_part_once(ttl: Path) -> None:
    """Two actors merged by aliases who met each other: their meeting is one row, and
    neither is listed as the other's partner."""
    rules = parse_aliases("Jonas Keller\tAnna Keller\n")
    with kg.load(ttl) as graph:
        timeline = graph.ask("timeline", ["Jonas Keller"], rules)
        assert sorted(str(r[5]) for r in timeline.rows) == ["a.txt", "a.txt", "a.txt",
                                                          "b.txt", "c.txt"]
        meetings = graph.ask("meetings-of", ["Anna Keller"], rules)
        assert len(meetings.rows) == 4
        assert sorted(tuple(sorted(str(r[1]).split(", "))) for r in meetings.rows) == [
            ("Brexit", "Tomas Novak"), ("Novak",), ("Tomas Novak",), ("Tomas Novak",)]


def test_canned_questions_through_aliases(ttl: Path, aliases: Path) -> None:
    result = _invoke("query", ttl, "meetings-of", "novak", "--aliases", aliases,
                     "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert sorted((r["source"], r["status"]) for r in rows) == [
        ("a.txt", "asserted"), ("a.txt", "planned"), ("b.txt", "asserted"),
        ("c.txt", "asserted")]
    assert "!= rule take effect" in result.stderr
    assert _error("query", ttl, "meetings-of", "brexit", "--aliases", aliases) == (
        "'brexit' is no actor: the aliases file types it none")
    assert _invoke("query", ttl, "SELECT * WHERE { ?s ?p ?o }", "--aliases",
                   aliases).exit_code == 2


def test_api_actor_resolution(ttl: Path) -> None:
    rules = parse_aliases(ALIASES)
    with kg.load(ttl) as graph:
        assert str(graph.actor("A. KELLER")) == P + "anna-keller"
        assert str(graph.actor("Novak")) == P + "novak"
        assert str(graph.actor("Novak", rules)) == P + "tomas-novak"
        with pytest.raises(QueryError, match="names 2 actors"):
            graph.actor("Keller")
        rows = graph.ask("meetings-of", ["Tomas Novak"], rules).rows
        assert len(rows) == 4
        with pytest.raises(QueryError, match=r"^no actor named 'Vienna'$"):
            graph.actor("Vienna")
        retyped = parse_aliases("vienna\ttype\tOrganization\n")
        assert str(graph.actor("Vienna", retyped)).endswith("/place/vienna")


@pytest.mark.parametrize("hostile", ['Keller" } UNION { ?x ?y ?z', "x') } ; DROP ALL ; #",
                                     "Keller\\", "<urn:x> } #"])
def test_resolution_binds_hostile_names(ttl: Path, hostile: str) -> None:
    with kg.load(ttl) as graph:
        before = len(graph)
        for question in ("meetings-of", "timeline", "meetings-in"):
            with pytest.raises(QueryError, match=r"^no (actor|place) named"):
                graph.ask(question, [hostile])
        assert len(graph) == before


def test_network_with_aliases_merges_and_drops(ttl: Path, aliases: Path,
                                               tmp_path: Path) -> None:
    plain = {r["actor"]: r for r in _json("network", ttl)}
    assert {"Brexit", "Novak", "Tomas Novak"} <= set(plain)
    assert plain["Anna Keller"]["partners"] == 4  # Tomas Novak, Novak, Jonas Keller, Brexit
    curated = {r["actor"]: r for r in _json("network", ttl, "--aliases", aliases)}
    assert set(curated) == {"Anna Keller", "Tomas Novak", "Jonas Keller"}
    assert curated["Anna Keller"]["partners"] == 2
    # distinct meetings: m1 (with Tomas and Jonas), m2 and m4 (with Tomas)
    assert curated["Anna Keller"]["meetings"] == 3
    assert curated["Tomas Novak"]["meetings"] == 3
    hop = _ok("path", ttl, "Novak", "Jonas Keller", "--aliases", aliases).stdout
    assert "Tomas Novak met Jonas Keller (once)" in hop
    ego = _ok("ego", ttl, "Novak", "--aliases", aliases).stdout
    assert "Brexit" not in ego and "Anna Keller (Person), met 3 times" in ego
    viz = _ok("viz", ttl, "--aliases", aliases, "--out", tmp_path / "v.html").stdout
    assert viz.startswith("3 actors, 3 pairs")
    graph = kg.load(ttl).who_met_whom(parse_aliases(ALIASES))
    assert graph.nodes[P + "tomas-novak"]["aliases"] == ("Novak",)


def test_actors_on_a_built_graph(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Foreign Minister Anna Keller met Prime Minister Tomas Novak in Vienna on Monday. "
        "Keller said the talks were useful.\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "Prime Minister Tomas Novak met President Elena Lopez in Madrid on Friday. "
        "Novak and Lopez met again in Toledo on Saturday.\n", encoding="utf-8")
    kg.build([folder], nlp=nlp, store=tmp_path / "store").close()
    rows = _json("actors", tmp_path / "store", "--type", "Person")
    assert [(r["label"], r["meetings"], r["articles"]) for r in rows] == [
        ("Tomas Novak", 3, 2), ("Elena Lopez", 2, 1), ("Anna Keller", 1, 1)]
    assert "Keller" in str(rows[2]["names"]).split("; ")
    assert len(_json("query", tmp_path / "store", "meetings-of", "Novak")) == 3
