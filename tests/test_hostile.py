"""Hostile and broken input: nothing crashes, nothing is lost, nothing leaks.

Arbitrary text, markup and quotes in articles; SPARQL-looking values for canned questions; a
build killed with SIGKILL half way; two builds racing for one store; symlink loops, FIFOs and
broken links in an input folder; articles far too long to parse.  Every article text here is
invented for these tests.
"""

from __future__ import annotations

import csv
import hashlib
import inspect
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from spacy.language import Language
from typer.testing import CliRunner, Result

import kg
import kg.engine
import kg.rdfio
from kg.cli import app
from kg.model import Article
from kg.query import canned_queries
from kg.read import read_article
from kg.store import Store
from kg.validate import validate
from kg.vocab import DIP as DIP_NS
from tests.test_store import quads, same_dataset

ROOT = Path(__file__).resolve().parent.parent
DIP = "https://w3id.org/diplomacy-kg/ontology#"

# -- 1. any text at all ---------------------------------------------------------------------

MEETING = "Foreign Minister Ilse Brandt met Prime Minister Oskar Lenz in Linz on Monday. "
FRAGMENTS = st.sampled_from([
    MEETING, "<script>alert(1)</script>", '"""', "'''", '"', "{", "}", "} UNION {", "\\",
    "\\u0022", "\x00", "\x01", "\x0b", "\x0c", "\x1f", "\x7f", "\x85", "\r", "\r\n", "\n\n",
    "\u2028", "\ufeff", "\u202e", "\u200b", "@prefix x: <http://x/> .", "<http://x/y>", "^^",
    " .", "#", "&amp;", "]]>", "-->", "é", "Straße", "東京", "🙂", "\U0010fffd",
])
TEXTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=14).map("".join)
EVENTS = """
SELECT ?e ?evidence ?start ?end WHERE {
  ?e dip:evidence ?evidence ; dip:startChar ?start ; dip:endChar ?end }"""


def _same_graph(expected: Graph, actual: Graph) -> None:
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(to_isomorphic(expected),
                                                   to_isomorphic(actual))
        pytest.fail(f"graphs differ:\nonly expected:\n{only_expected.serialize(format='nt')}"
                    f"\nonly actual:\n{only_actual.serialize(format='nt')}")


@settings(max_examples=25, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=TEXTS)
@example(text=MEETING + "\x7f" + MEETING)  # found by Hypothesis: "\x7fForeign Minister"
@example(text="\x01")  # found by Hypothesis: an organisation named "\x01"
@example(text=MEETING + "\\" + MEETING)  # found by Hypothesis: "\\foreign Minister"
def test_hostile_any_text_builds_or_is_refused(text: str, nlp: Language, tmp_path: Path
                                               ) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("utf-8"))
    read = read_article(path)
    try:
        graph = kg.build([path], nlp=nlp)
    except kg.BuildError:
        assert not isinstance(read, Article), f"a readable article was refused: {text!r}"
        return
    assert isinstance(read, Article), f"built an article read_article refuses: {read}"
    # nothing lost: the stored hash is the text's, every event's evidence is its own slice
    sha = graph.table("SELECT ?sha WHERE { ?d dip:sha256 ?sha }").rows
    assert sha == ((hashlib.sha256(read.text.encode("utf-8")).hexdigest(),),)
    for _, evidence, start, end in graph.table(EVENTS).rows:
        assert isinstance(start, int) and isinstance(end, int)
        assert read.text[start:end] == evidence
    merged = graph.graph
    back = Graph().parse(data=graph.store.serialize("ttl"), format="turtle")
    _same_graph(merged, back)
    report = validate(merged)
    assert report.conforms, report.to_text()


@pytest.mark.parametrize("glue", ["\x01", "\x7f", "\x9b", "\u00ad", "\u200b", "\u2060",
                                  "\u202e", "\ufeff"])
def test_hostile_invisible_characters_stay_out_of_labels(nlp: Language, tmp_path: Path,
                                                         glue: str) -> None:
    path = tmp_path / "glued.txt"
    path.write_text(f"{MEETING}{glue}{MEETING}Later {glue}Ilse Brandt met Oskar Lenz in "
                    f"Li{glue}nz and Minister{glue} Vera Holm in {glue}Graz.\n", encoding="utf-8")
    graph = kg.build([path], nlp=nlp)
    labels = [str(r[0]) for r in graph.table(
        "SELECT ?l WHERE { ?x rdfs:label|skos:altLabel|dip:roleTitle ?l }").rows]
    assert "Linz" in labels and "Foreign Minister" in labels
    assert [label for label in labels if not label.isprintable()] == []
    report = validate(graph.graph)
    assert report.conforms, report.to_text()
    for _, evidence, start, end in graph.table(EVENTS).rows:  # evidence stays as written
        assert path.read_text(encoding="utf-8")[int(str(start)):int(str(end))] == evidence


@pytest.mark.parametrize("glue", ["\\", "^", "|", "@", "<", "(", '"', "~"])
def test_hostile_punctuation_glued_to_a_title_gives_one_label(nlp: Language, tmp_path: Path,
                                                              glue: str) -> None:
    path = tmp_path / "glued.txt"
    path.write_text(MEETING + glue + MEETING, encoding="utf-8")
    graph = kg.build([path], nlp=nlp)
    rows = graph.table("SELECT ?p ?l ?t WHERE { ?p a dip:Post ; rdfs:label ?l ; "
                       "dip:roleTitle ?t }").rows
    assert len({post for post, _, _ in rows}) == len(rows)  # one label and title per post
    labels = {str(label) for _, label, _ in rows}
    assert "Foreign Minister" in labels and not any(glue in label for label in labels)
    report = validate(graph.graph)
    assert report.conforms, report.to_text()


# -- 2. markup, quotes and SPARQL in the data ----------------------------------------------

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_SENTENCES = (
    f'Foreign Minister Anna Keller met Prime Minister Tomas Novak in Vienna, saying "{SCRIPT}"'
    ' and """ to reporters.',
    f"Keller later met Ruth Adler {IMG} in Graz on Tuesday.",
    "Envoy Mara Quist met Minister Jan Orel in Bled, calling it {a \"frank\"} \\ 'useful' talk.",
)
HOSTILE_NAMES = [
    'Anna Keller" } UNION { ?x ?y ?z } #',
    "Anna Keller' } ; DROP ALL ; #",
    "} UNION { GRAPH ?g { ?s ?p ?o } }",
    "DROP ALL",
    "Anna Keller\\",
    '"""',
    "# Anna Keller",
    "Anna Keller\n} INSERT DATA { <urn:x> <urn:y> <urn:z> }",
    "?name",
    "<https://w3id.org/diplomacy-kg/resource/person/anna-keller>",
]
RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig",
                  "jsonld": "json-ld", "xml": "xml"}


@dataclass(frozen=True)
class Hostile:
    graph: kg.KnowledgeGraph
    store: Store
    text: str


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Iterator[Hostile]:
    """One article of hostile sentences, built into a store on disk."""
    folder = tmp_path_factory.mktemp("hostile")
    text = "\n\n".join(HOSTILE_SENTENCES) + "\n"
    path = folder / "hostile.txt"
    path.write_text(text, encoding="utf-8")
    store = Store(folder / "store")
    graph = kg.build([path], nlp=nlp, store=store)
    yield Hostile(graph, store, text)
    graph.close()


def _evidence(graph: Graph | Dataset) -> set[str]:
    if isinstance(graph, Dataset):
        return {str(o) for g in graph.graphs()
                for o in g.objects(None, DIP_NS.evidence)}
    return {str(o) for o in graph.objects(None, DIP_NS.evidence)}


def test_hostile_markup_in_evidence_survives_every_format(hostile: Hostile) -> None:
    graph, text = hostile.graph, hostile.text
    rows = graph.table(EVENTS).rows
    expected = {str(r[1]) for r in rows}
    for sentence in HOSTILE_SENTENCES:
        assert sentence in expected, f"not extracted whole: {sentence!r} (got {expected})"
    for _, evidence, start, end in rows:
        assert text[int(str(start)):int(str(end))] == evidence
    for fmt, rdflib_format in RDFLIB_FORMATS.items():
        data = graph.store.serialize(fmt)
        back: Graph | Dataset
        if fmt in {"nq", "trig", "jsonld"}:
            back = Dataset()
            back.parse(data=data, format=rdflib_format)
            assert same_dataset(back, quads(hostile.store)), fmt
        else:
            back = Graph().parse(data=data, format=rdflib_format)
            _same_graph(graph.graph, back)
        assert _evidence(back) == expected, fmt


def test_hostile_markup_never_reaches_the_page(hostile: Hostile, tmp_path: Path) -> None:
    page = hostile.graph.to_html(tmp_path / "page.html").read_text(encoding="utf-8")
    for dangerous in (SCRIPT, "<script>alert", IMG, "<img src=x", "onerror=alert(1)>"):
        assert dangerous not in page
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page,
                      flags=re.S)
    assert match is not None
    payload = json.dumps(json.loads(match.group(1)), ensure_ascii=False)
    for sentence in HOSTILE_SENTENCES[:2]:  # still there, as data, character for character
        assert json.dumps(sentence, ensure_ascii=False)[1:-1] in payload


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_canned_values_answer_nothing_and_change_nothing(
        hostile: Hostile, name: str) -> None:
    graph, store = hostile.graph, hostile.store
    q = canned_queries()["meetings-of"]
    before = store.serialize("nq")
    count = len(store.ox)
    assert graph.table(q.sparql, **q.bindings([name])).rows == ()  # through rdflib
    assert store.select(q.sparql, bindings={"name": ox.Literal(name)}) == []  # Oxigraph
    assert len(store.ox) == count
    assert store.serialize("nq") == before
    assert graph.table(q.sparql, name="anna keller").rows  # the question itself works


# -- 3. and 4. real processes: SIGKILL mid-build, two builds on one store -----------------

FIRST = ["Anna", "Tomas", "Lena", "Pavel", "Ruth", "Karl", "Eva", "Jonas", "Mira", "Otto"]
LAST = ["Keller", "Novak", "Hartmann", "Dvorak", "Adler", "Berg", "Lind", "Vogel", "Kranz",
        "Sommer"]
PLACES = ["Vienna", "Prague", "Graz", "Brno", "Linz", "Salzburg"]
ARTICLES = 600
"""More than two of the engine's link chunks (256 articles), so a build writes its first
articles seconds before its last: time to kill it, or to race it."""


@dataclass(frozen=True)
class Corpus:
    folder: Path
    clean: Dataset
    """A clean in-process build of every article: what a store must end up holding."""


def _article(i: int) -> str:
    a = f"{FIRST[i % 10]} {LAST[i // 10 % 10]}"
    b = f"{FIRST[(i + 3) % 10]} {LAST[(i // 10 + 5) % 10]}"
    return (f"Foreign Minister {a} met Prime Minister {b} in {PLACES[i % 6]} on Monday. "
            f"Officials counted {i + 3} delegates at the talks on river shipping.\n")


@pytest.fixture(scope="module")
def corpus600(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Corpus:
    folder = tmp_path_factory.mktemp("many") / "articles"
    folder.mkdir()
    for i in range(ARTICLES):
        (folder / f"a{i:04d}.txt").write_text(_article(i), encoding="utf-8")
    store = Store()
    assert kg.build([folder], nlp=nlp, store=store).summary().meetings == ARTICLES
    return Corpus(folder, quads(store))


def _command(folder: Path, out: Path, *extra: str | Path) -> list[str]:
    return [sys.executable, "-m", "kg.cli", "build", str(folder), "--out", str(out), "--quiet",
            "--no-validate", "--no-html", *map(str, extra)]


def _env() -> dict[str, str]:
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": str(ROOT) + (os.pathsep + path if path else "")}


def _start(cmd: list[str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(cmd, cwd=cwd, env=_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=_env(), capture_output=True, text=True,
                          timeout=300, check=False)


_DOCUMENTS = ("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?d { ?d a "
              f"<{DIP}Document> }} }}")


def _stored_documents(store: Path) -> int:
    """Documents in a store another process has open for writing (0 while unreadable).

    The writer may still be creating the store, or compacting it under the reader: RocksDB then
    refuses a read-only view with OSError (no files yet, a table file gone) or RuntimeError (a
    column family not made yet). Both mean "not yet"; the last one is kept for a timeout report.
    """
    try:
        view = ox.Store.read_only(str(store))
        result = view.query(_DOCUMENTS)
        assert isinstance(result, ox.QuerySolutions)
        return int(next(iter(result))[0].value)
    except (OSError, RuntimeError) as e:
        _UNREADABLE[:] = [f"{type(e).__name__}: {e}"]
        return 0


_UNREADABLE: list[str] = []


def _wait(proc: subprocess.Popen[str], ready: Callable[[], bool], what: str,
          timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"the build ended (exit {proc.returncode}) before {what}; give it more "
                        f"articles\n{out}\n{err}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}; last read error: {_UNREADABLE}")
        time.sleep(0.1)


def _stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.communicate(timeout=60)


def test_hostile_sigkill_mid_build_loses_nothing(corpus600: Corpus, tmp_path: Path) -> None:
    out = tmp_path / "out"
    store = out / "store"
    cmd = _command(corpus600.folder, out)
    proc = _start(cmd, tmp_path)
    try:
        _wait(proc, lambda: _stored_documents(store) > 0, "it had stored an article")
        assert proc.poll() is None, "the build finished before the kill: give it more articles"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        _stop(proc)
    assert proc.returncode == -signal.SIGKILL, "the kill landed after the build had ended"

    with kg.load(store) as graph:  # opens after the crash
        assert isinstance(graph.store, Store)
        stored = len(graph.store.documents())
        assert 0 < stored < ARTICLES, f"{stored} documents: the kill was not mid-build"
        killed = quads(graph.store)
        missing = graph.store.select(
            "SELECT ?d WHERE { GRAPH ?d { ?d a dip:Document } "
            "FILTER NOT EXISTS { GRAPH ?d { ?d dip:sha256 ?sha ; dip:sourcePath ?src } } "
            "FILTER NOT EXISTS { GRAPH ?d { ?m a dip:Meeting ; prov:wasDerivedFrom ?d } } }")
        assert missing == []
        orphans = graph.store.select(
            "SELECT ?e WHERE { GRAPH ?g { ?e dip:evidence ?x } "
            "FILTER NOT EXISTS { GRAPH ?g { ?e prov:wasDerivedFrom ?g } } }")
        assert orphans == []
        # the merged default graph is exactly the union of the article graphs
        named = {q.triple for q in graph.store.ox.quads_for_pattern(None, None, None, None)
                 if not isinstance(q.graph_name, ox.DefaultGraph)}
        assert set(graph.store.union_triples()) == named
    clean = {str(g.identifier): g for g in corpus600.clean.graphs() if len(g)}
    for g in killed.graphs():
        if len(g):  # every article graph that made it is whole: as a clean build makes it
            _same_graph(clean[str(g.identifier)], g)

    rerun = _run(cmd, tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert "Traceback" not in rerun.stderr
    assert f"({ARTICLES - stored} added, {stored} unchanged)" in rerun.stdout
    with kg.load(store) as graph:
        assert isinstance(graph.store, Store)
        assert len(graph.store.documents()) == ARTICLES
        assert same_dataset(quads(graph.store), corpus600.clean)


def test_hostile_second_build_on_a_busy_store_is_refused(corpus600: Corpus, tmp_path: Path
                                                         ) -> None:
    store = tmp_path / "shared-store"
    first = _start(_command(corpus600.folder, tmp_path / "one", "--store", store), tmp_path)
    second_cmd = _command(corpus600.folder, tmp_path / "two", "--store", store)
    try:
        _wait(first, (store / "LOCK").is_file, "it had opened the store")
        second = _run(second_cmd, tmp_path)
        assert first.poll() is None, "the first build ended before the second one ran"
        _, err = first.communicate(timeout=300)
    finally:
        _stop(first)
    assert first.returncode == 0, err
    assert second.returncode != 0
    assert "Traceback" not in second.stderr
    lines = second.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), second.stderr
    assert "in use" in lines[0] and str(store) in lines[0]
    assert not (tmp_path / "two" / "graph.ttl").exists()

    with kg.load(store) as graph:  # the first build's store is whole
        assert isinstance(graph.store, Store)
        assert len(graph.store.documents()) == ARTICLES
        assert same_dataset(quads(graph.store), corpus600.clean)
    again = _run(second_cmd, tmp_path)
    assert again.returncode == 0, again.stderr
    assert f"(0 added, {ARTICLES} unchanged)" in again.stdout
    assert (tmp_path / "two" / "graph.ttl").is_file()


# -- 5. and 6. odd files and huge articles, through the CLI ---------------------------------

GOOD = "Defence Minister Lena Hartmann met Foreign Minister Pavel Dvorak in Prague on Friday.\n"


def _runner() -> CliRunner:
    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]  # pragma: no cover
    return CliRunner()


def _build(monkeypatch: pytest.MonkeyPatch, nlp: Language, *args: str | Path) -> Result:
    monkeypatch.setattr(kg.engine, "make_nlp", lambda model=None: nlp)
    result = _runner().invoke(app, ["build", *map(str, args), "--quiet", "--no-validate",
                                    "--no-html"])
    assert "Traceback" not in result.stdout + result.stderr
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def _skipped(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("skipped:")]


def test_hostile_links_fifos_and_sockets_in_a_folder(tmp_path: Path, nlp: Language,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "articles"
    (folder / "inner").mkdir(parents=True)
    (folder / "inner" / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink("..", folder / "inner" / "loop")  # a folder that contains itself
    os.symlink(folder / "absent.txt", folder / "gone.txt")
    os.mkfifo(folder / "pipe.txt")  # reading it would wait for a writer for ever
    os.mkfifo(folder / "pipe.jsonl")
    os.symlink("/dev/zero", folder / "zero.txt")  # reading it would never end
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(folder / "sock.md"))
        result = _build(monkeypatch, nlp, folder, "--out", tmp_path / "out", "--memory")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("1 documents")
    skipped = _skipped(result)
    assert len(skipped) == len(result.stderr.splitlines()) == 5, result.stderr
    problems = {line.split(": ", 2)[1]: line.split(": ", 2)[2] for line in skipped}
    assert problems[str(folder / "gone.txt")].startswith("broken symbolic link")
    for name in ("pipe.txt", "pipe.jsonl", "zero.txt", "sock.md"):
        assert problems[str(folder / name)].startswith("not a regular file"), problems


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file anyway")
def test_hostile_unreadable_file_is_one_line(tmp_path: Path, nlp: Language,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = folder / "locked.txt"
    locked.write_text(GOOD.replace("Prague", "Brno"), encoding="utf-8")
    locked.chmod(0)
    try:
        result = _build(monkeypatch, nlp, folder, "--out", tmp_path / "out", "--memory")
    finally:
        locked.chmod(0o600)
    assert result.exit_code == 0
    assert _skipped(result) == [f"skipped: {locked}: cannot read: Permission denied"]


def test_hostile_huge_article_refused_naming_max_chars(tmp_path: Path, nlp: Language,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    huge = folder / "huge.txt"
    line = "The delegates waited in the long hall while the rain kept falling outside.\n"
    huge.write_text(line * (50_000_000 // len(line) + 1), encoding="utf-8")
    started = time.monotonic()
    result = _build(monkeypatch, nlp, folder, "--out", tmp_path / "out", "--memory")
    assert time.monotonic() - started < 20  # refused, not parsed
    assert result.exit_code == 0, result.stderr
    [skipped] = _skipped(result)
    assert skipped.startswith(f"skipped: {huge}: too long") and "--max-chars" in skipped


@pytest.mark.parametrize(("chars", "max_chars"), [(1_500_000, None), (3_000_000, 3_500_000)])
def test_hostile_article_beyond_the_pipeline_is_refused(
        tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch, chars: int,
        max_chars: int | None) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    big = folder / "big.txt"
    paragraph = GOOD.replace("Friday", "Sunday") + "\n"
    big.write_text((paragraph * (chars // len(paragraph) + 1))[:chars], encoding="utf-8")
    limit = ["--max-chars", str(max_chars)] if max_chars else []
    result = _build(monkeypatch, nlp, folder, *limit, "--out", tmp_path / "out", "--memory")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("1 documents")
    [skipped] = _skipped(result)
    assert skipped.startswith(f"skipped: {big}: too long for the spaCy pipeline")
    assert f"{chars:,} characters" in skipped and f"{nlp.max_length:,}" in skipped


# -- 7. nothing lost: document identity, read-only readers, atomic files (issue 13) ---------

def _jsonl(path: Path, *records: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _sources(graph: kg.KnowledgeGraph) -> list[str]:
    return sorted(str(r[0]) for r in graph.table(
        "SELECT ?src WHERE { ?d a dip:Document ; dip:sourcePath ?src }").rows)


def test_hostile_jsonl_ids_of_two_files_never_collide(tmp_path: Path, nlp: Language) -> None:
    a = _jsonl(tmp_path / "a.jsonl", {"id": "1", "text": GOOD}, {"id": 2, "text": MEETING})
    b = _jsonl(tmp_path / "b.jsonl", {"id": "1", "text": GOOD.replace("Prague", "Brno")},
               {"id": "2", "text": MEETING.replace("Linz", "Graz")})
    together = kg.build([a, b], nlp=nlp)
    assert _sources(together) == [f"{a}#1", f"{a}#2", f"{b}#1", f"{b}#2"]
    assert together.problems == []  # the numeric id 2 is an id, not a missing one
    store = tmp_path / "store"
    kg.build([a], nlp=nlp, store=store).close()
    with kg.build([b], nlp=nlp, store=store) as graph:  # one after the other: all four stay
        assert len(_sources(graph)) == 4


def test_hostile_jsonl_id_equal_to_a_path_or_an_iri_replaces_nothing(
        tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(GOOD, encoding="utf-8")
    iri = str(kg.rdf.document_iri("a.txt"))
    _jsonl(tmp_path / "b.jsonl", {"id": "a.txt", "text": MEETING},
           {"id": iri, "text": MEETING.replace("Linz", "Graz")})
    with kg.build(["a.txt", "b.jsonl"], nlp=nlp, store="store") as graph:
        assert _sources(graph) == ["a.txt", "b.jsonl#a.txt", f"b.jsonl#{iri}"]
    result = _runner().invoke(app, ["remove", "store", iri])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [f"removed {iri} ({iri})"]
    with kg.load("store") as graph:
        assert _sources(graph) == ["b.jsonl#a.txt", f"b.jsonl#{iri}"]


def test_hostile_name_clashes_and_renamed_texts_are_reported(
        tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(GOOD, encoding="utf-8")
    Path("b.jsonl#1").write_text(MEETING, encoding="utf-8")  # a file named like a record
    _jsonl(tmp_path / "b.jsonl", {"id": "1", "text": MEETING.replace("Linz", "Graz")})
    result = _build(monkeypatch, nlp, "a.txt", "b.jsonl#1", "b.jsonl", "--store", "store")
    assert result.exit_code == 0, result.stderr
    assert _skipped(result) == ["skipped: b.jsonl#1: a second article with this name in "
                                "this build; the first one is kept"]
    Path("renamed.txt").write_text(GOOD, encoding="utf-8")  # a later build, a new name
    again = _build(monkeypatch, nlp, "renamed.txt", "--store", "store")
    assert _skipped(again) == ["skipped: renamed.txt: same text as a.txt, already in the "
                               "store; not built again"]


def test_hostile_bad_jsonl_fields_drop_only_what_is_bad(tmp_path: Path, nlp: Language,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    wire = tmp_path / "wire.jsonl"
    wire.write_text(
        json.dumps({"id": "ok", "text": GOOD, "date": "2018-13-45"}) + "\n"
        + '{"id": "s1", "text": "Lone \\ud800 surrogate met Oskar Lenz."}\n'
        + '{"id": "s2\\udfff", "text": "x"}\n'
        + json.dumps({"id": "far", "text": "Ilse Brandt met Oskar Lenz ten days ago. She met "
                      "Vera Holm yesterday and on Saturday.", "date": "0001-01-01"}) + "\n"
        + json.dumps({"id": "end", "text": "Ilse Brandt will meet Oskar Lenz next Saturday. "
                      "They met ten days ago.", "date": "9999-12-31"}) + "\n",
        encoding="utf-8")
    result = _build(monkeypatch, nlp, wire, "--out", tmp_path / "out", "--memory")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("3 documents"), result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 3, result.stderr
    assert lines[0].startswith(f"warning: {wire}:1: record 'ok': bad \"date\"")
    assert lines[0].endswith("built without it")
    assert lines[1].startswith(f"skipped: {wire}:2: \"text\" holds a lone surrogate")
    assert lines[2].startswith(f"skipped: {wire}:3: \"id\" holds a lone surrogate")


@pytest.mark.parametrize("phrase", ["on Saturday", "yesterday", "ten days ago",
                                    "next Saturday", "tomorrow", "June 12"])
@pytest.mark.parametrize("future", [False, True])
def test_hostile_dates_at_the_ends_of_the_calendar(phrase: str, future: bool) -> None:
    import datetime as dt

    from kg.dates import resolve_date

    for anchor in (dt.date(1, 1, 1), dt.date(9999, 12, 31)):  # OverflowError before
        day = resolve_date(phrase, anchor, future=future)
        assert day is None or abs((day - anchor).days) <= 366


def test_hostile_read_only_commands_write_nothing(tmp_path: Path, nlp: Language) -> None:
    docs = tmp_path / "mydocs"
    docs.mkdir()
    (docs / "note.txt").write_text(GOOD, encoding="utf-8")
    before = sorted(p.name for p in docs.iterdir())
    for args in (["query", str(docs), "who-met-whom"], ["validate", str(docs)],
                 ["export", str(docs)], ["remove", str(docs), "note.txt"],
                 ["network", str(docs)]):
        result = _runner().invoke(app, args)
        assert result.exit_code == 1, (args, result.stdout)
        assert result.stderr.strip().splitlines() == [
            f"error: {docs}: not an Oxigraph store (no CURRENT file); make one with kg build "
            "--store, nothing was written into it"], args
        assert sorted(p.name for p in docs.iterdir()) == before, args
    # a store folder that lost CURRENT keeps its data files: nothing new, nothing deleted
    store = tmp_path / "store"
    kg.build([docs], nlp=nlp, store=store).close()
    (store / "CURRENT").unlink()
    files = {p.name: p.stat().st_size for p in store.iterdir()}
    result = _runner().invoke(app, ["query", str(store), "who-met-whom"])
    assert result.exit_code == 1 and "not an Oxigraph store" in result.stderr
    assert {p.name: p.stat().st_size for p in store.iterdir()} == files


def test_hostile_build_never_writes_a_store_into_a_users_folder(
        tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "mydocs"
    docs.mkdir()
    (docs / "note.txt").write_text(GOOD, encoding="utf-8")
    result = _build(monkeypatch, nlp, docs, "--store", docs, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"error: {docs}: not an Oxigraph store and not empty; refusing to write a store into "
        "it (give a new or empty folder)")
    assert [p.name for p in docs.iterdir()] == ["note.txt"]


def test_hostile_readers_run_beside_a_writer_and_each_other(tmp_path: Path, nlp: Language
                                                            ) -> None:
    store = tmp_path / "store"
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    kg.build([tmp_path / "a.txt"], nlp=nlp, store=store).close()
    writer = Store(store)  # holds the folder's lock, as a running build or server does
    try:
        result = _runner().invoke(app, ["query", str(store), "who-met-whom", "--format", "csv"])
        assert result.exit_code == 0, result.stderr
        assert "Lena Hartmann" in result.stdout
    finally:
        writer.close()
    query = [sys.executable, "-m", "kg.cli", "query", str(store), "who-met-whom"]
    procs = [_start(query, tmp_path) for _ in range(4)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, [err for _, err in outs]
    assert all("Pavel Dvorak" in out for out, _ in outs)


def test_hostile_failed_exports_leave_the_old_file_whole(
        tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    store = tmp_path / "store"
    kg.build([tmp_path / "a.txt"], nlp=nlp, store=store).close()
    target = tmp_path / "all.nq"
    assert _runner().invoke(app, ["export", str(store), "--format", "nq", "--out",
                                  str(target)]).exit_code == 0
    good = target.read_bytes()
    assert b"Lena Hartmann" in good

    def full_disk(items: object, fmt: str, output: Path, **kw: object) -> None:
        Path(output).write_bytes(good[:20])  # half written, then the disk is full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kg.store, "write_rdf", full_disk)
    result = _runner().invoke(app, ["export", str(store), "--format", "nq", "--out",
                                    str(target)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: cannot write {target}: No space left on device"
    assert target.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "all.nq", "store"]
    # the build's graph.ttl and graph.html likewise (Oxigraph writes the Turtle itself:
    # the disk fills when the finished file would take the place of the old one)
    def full_disk_on_rename(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kg.rdfio.os, "replace", full_disk_on_rename)
    out = tmp_path / "out"
    built = _build(monkeypatch, nlp, tmp_path / "a.txt", "--out", out, "--memory", "--html")
    assert built.exit_code == 1 and "No space left on device" in built.stderr
    assert not (out / "graph.ttl").exists() and list(out.iterdir()) == []


def test_hostile_non_latin_names_keep_their_own_iris(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "cyrillic.txt"
    path.write_text("Secretary of State Mike Pompeo met Russian Foreign Minister Сергей Лавров "
                    "in Moscow on Monday. Mike Pompeo later met President Владимир Путин in "
                    "Sochi. Mike P\u043empeo also met Emmanuel Macron in Paris.\n",
                    encoding="utf-8")
    graph = kg.build([path], nlp=nlp)
    people = dict(graph.table("SELECT ?p ?l WHERE { ?p a dip:Person ; rdfs:label ?l }").rows)
    base = "https://w3id.org/diplomacy-kg/resource/person/"
    assert people == {f"{base}sergey-lavrov": "Сергей Лавров",
                      f"{base}vladimir-putin": "Владимир Путин",
                      f"{base}mike-pompeo": "Mike Pompeo",  # the look-alike folded into it
                      f"{base}emmanuel-macron": "Emmanuel Macron"}
    met = {frozenset((str(a), str(b))) for a, b in graph.table(
        "SELECT ?a ?b WHERE { ?a dip:metWith ?b }").rows}
    assert len(met) == 3 and all(f"{base}mike-pompeo" in pair for pair in met)


# -- 8. hostile graph files: no entity bomb, nothing fetched (issue 13) ---------------------

RDF_HEAD = ('<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n{entities}\n]>\n<rdf:RDF '
            'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:ex="http://example.org/">{body}</rdf:RDF>\n')


def _laughs(levels: int) -> str:
    """A "billion laughs" RDF/XML file (kept small here: 10**levels laughs)."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1)]
    return RDF_HEAD.format(entities="\n".join(entities), body=(
        f'<rdf:Description rdf:about="http://example.org/a"><ex:p>&lol{levels};</ex:p>'
        "</rdf:Description>"))


@pytest.mark.parametrize(("name", "text", "problem"), [
    ("bomb.rdf", _laughs(5), "refers to other entities"),
    ("wide.rdf", RDF_HEAD.format(entities=f'<!ENTITY big "{"x" * 10_000}">', body="".join(
        f'<rdf:Description rdf:about="http://example.org/{i}"><ex:p>{"&big;" * 200}</ex:p>'
        "</rdf:Description>" for i in range(10))), "expand to 20,000,000 characters"),
    ("external.rdf", RDF_HEAD.format(entities='<!ENTITY secret SYSTEM "file:///etc/hostname">',
                                     body='<rdf:Description rdf:about="http://example.org/a">'
                                          "<ex:p>&secret;</ex:p></rdf:Description>"),
     "external entity &secret;"),
])
def test_hostile_graph_file_entities_are_bounded(tmp_path: Path, name: str, text: str,
                                                 problem: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    for args in (["query", str(path), "SELECT * WHERE { ?s ?p ?o }"], ["validate", str(path)]):
        result = _runner().invoke(app, args)
        assert result.exit_code == 1, (args, result.stdout)
        [line] = result.stderr.strip().splitlines()
        assert line.startswith(f"error: {path}: ") and problem in line, line


def test_hostile_plain_entities_still_load(tmp_path: Path) -> None:
    path = tmp_path / "named.rdf"
    path.write_text(RDF_HEAD.format(entities='<!ENTITY ex "http://example.org/">', body=(
        '<rdf:Description rdf:about="&ex;a"><ex:p>v</ex:p></rdf:Description>')),
        encoding="utf-8")
    result = _runner().invoke(app, ["query", str(path), "SELECT ?s WHERE { ?s ?p ?o }",
                                    "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == ["s", "http://example.org/a"]


def test_hostile_remote_jsonld_context_is_never_fetched(tmp_path: Path) -> None:
    import http.server
    import threading

    hits: list[str] = []

    class Context(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            body = b'{"@context": {"name": "http://schema.org/name"}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Context)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/context.jsonld"
        path = tmp_path / "x.jsonld"
        path.write_text(json.dumps([{"@context": [url], "@id": "http://example.org/a",
                                     "name": "A"}]), encoding="utf-8")
        for args in (["validate", str(path)], ["query", str(path), "ASK { ?s ?p ?o }"]):
            result = _runner().invoke(app, args)
            assert result.exit_code == 1, (args, result.stdout)
            assert result.stderr.strip() == (f"error: {path}: @context {url!r} would be "
                                             "downloaded; nothing is fetched: put the "
                                             "context in the file"), args
        assert hits == []
    finally:
        server.shutdown()
        server.server_close()


# -- 9. output that reaches spreadsheets, XML tools and terminals (issue 13) ----------------

FORMULAS = ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tx", "＝1+2"]


def test_hostile_csv_cells_never_run_as_formulas(tmp_path: Path) -> None:
    from kg.network import write_graph

    ttl = tmp_path / "labels.ttl"
    ttl.write_text("".join(f'<urn:x:{n}> <http://www.w3.org/2000/01/rdf-schema#label> '
                           f'{json.dumps(label)} .\n' for n, label in enumerate(FORMULAS)),
                   encoding="utf-8")
    result = _runner().invoke(app, ["query", str(ttl), "SELECT ?l WHERE { ?s rdfs:label ?l "
                                    "} ORDER BY ?l", "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    cells = [row[0] for row in csv.reader(io.StringIO(result.stdout))][1:]
    assert sorted(cells) == sorted("'" + f for f in FORMULAS)
    g = nx.Graph()
    g.add_node("urn:a", label="=HYPERLINK(\"http://x\")")
    g.add_node("urn:b", label="Bob")
    g.add_edge("urn:a", "urn:b", weight=1, meetings=[
        {"sentence": "@SUM(1+1)", "source": "-x.txt", "place": "+Paris", "date": None}])
    out = write_graph(g, tmp_path / "net.csv")
    [row] = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert (row["source"], row["evidence"], row["article"], row["places"]) == (
        "'=HYPERLINK(\"http://x\")", "'@SUM(1+1)", "'-x.txt", "'+Paris")
    assert row["meetings"] == "1"


def test_hostile_control_characters_make_valid_xml(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    from kg.network import write_graph

    g = nx.Graph()
    g.add_node("urn:a", label="Ilse\x0cBrandt\x00")
    g.add_node("urn:b\x01", label="Oskar Lenz")
    g.add_edge("urn:a", "urn:b\x01", weight=1, meetings=[
        {"sentence": "Brandt\x0cmet\x1bLenz.", "source": "a.txt", "date": None}])
    for suffix in ("graphml", "gexf"):
        path = write_graph(g, tmp_path / f"net.{suffix}")
        texts = [t for e in ET.parse(path).iter() for t in (e.text, *e.attrib.values())]
        assert any(t and "Ilse\ufffdBrandt" in t for t in texts), suffix  # parsed: valid
    ttl = tmp_path / "ff.ttl"
    ttl.write_text('<urn:x:a> <urn:x:said> "Brandt\\fmet\\u0000Lenz" .\n', encoding="utf-8")
    result = _runner().invoke(app, ["export", str(ttl), "--format", "xml", "--out",
                                    str(tmp_path / "ff.rdf")])
    assert result.exit_code == 0, result.stderr
    back = Graph().parse(tmp_path / "ff.rdf", format="xml")
    assert [str(o) for o in back.objects()] == ["Brandt\ufffdmet\ufffdLenz"]


def test_hostile_terminal_sees_no_escape_sequences(tmp_path: Path, nlp: Language,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    ttl = tmp_path / "evil.ttl"
    ttl.write_text('<urn:x:a> <http://www.w3.org/2000/01/rdf-schema#label> '
                   '"\\u001B]0;owned\\u0007Ilse \\u001B]52;c;ZXZpbA==\\u0007Brandt\\r\\u202E" .\n',
                   encoding="utf-8")
    result = _runner().invoke(app, ["query", str(ttl), "SELECT ?l WHERE { ?s rdfs:label ?l }"])
    assert result.exit_code == 0, result.stderr
    assert "]0;ownedIlse ]52;c;ZXZpbA==Brandt" in result.stdout
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202e]", result.stdout)
    monkeypatch.chdir(tmp_path)
    name = "note\x1b]0;owned\x07.txt"
    Path(name).write_text(GOOD, encoding="utf-8")
    kg.build([name], nlp=nlp, store="store").close()
    removed = _runner().invoke(app, ["remove", "store", name])
    assert removed.exit_code == 0, removed.stderr
    assert removed.stdout.startswith("removed note]0;owned.txt (")
    assert "\x1b" not in removed.stdout and "\x07" not in removed.stdout


def test_hostile_full_standard_output_is_one_line(tmp_path: Path) -> None:
    ttl = tmp_path / "a.ttl"
    ttl.write_text('<urn:x:a> <urn:x:b> "c" .\n', encoding="utf-8")
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    for args in (["query", str(ttl), "SELECT * WHERE { ?s ?p ?o }"], ["export", str(ttl)]):
        with open("/dev/full", "w") as full:
            proc = subprocess.run([sys.executable, "-m", "kg.cli", *args], stdout=full,
                                  stderr=subprocess.PIPE, text=True, env=_env(), timeout=120,
                                  check=False)
        assert proc.returncode == 1, proc.stderr
        [line] = proc.stderr.strip().splitlines()
        assert line.startswith("error: cannot write") and "No space left on device" in line


# -- 10. hostile files and the smaller items of issue 13 ------------------------------------

def _kg(args: list[str | Path], cwd: Path, timeout: float = 120
        ) -> subprocess.CompletedProcess[str]:
    """``kg ARGS`` in a process of its own: a test of a hang fails instead of hanging."""
    try:
        return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], cwd=cwd,
                              env=_env(), capture_output=True, text=True, timeout=timeout,
                              check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"kg {' '.join(map(str, args))} did not end within {timeout} s")


def test_hostile_fifo_device_and_odd_names_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # named directly: reading it would wait for ever
    os.mkfifo(tmp_path / "pipe.jsonl")
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "fine.txt").write_text(MEETING, encoding="utf-8")
    bad_name = os.path.join(os.fsencode(folder), b"bad\xff.txt")
    with open(bad_name, "wb") as f:
        f.write(MEETING.replace("Linz", "Graz").encode())
    result = _kg(["build", "good.txt", "pipe.txt", "pipe.jsonl", "/dev/zero", "more",
                  "--memory", "--quiet", "--no-validate", "--no-html", "--out", "out"],
                 tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2 documents"), result.stdout
    assert sorted(result.stderr.splitlines()) == sorted([
        "skipped: pipe.txt: not a regular file (a FIFO, socket or device)",
        "skipped: pipe.jsonl: not a regular file (a FIFO, socket or device)",
        "skipped: /dev/zero: not a regular file (a FIFO, socket or device)",
        "skipped: more/bad\\udcff.txt: file name is not UTF-8; rename it"])


def test_hostile_size_is_checked_before_reading(tmp_path: Path) -> None:
    import tracemalloc

    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:  # sparse: 200 MB that take no disk
        f.truncate(200 * 2**20)
    tracemalloc.start()
    try:
        problem = read_article(huge, max_chars=1_000_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not isinstance(problem, Article)
    assert problem.reason.startswith("too long: 209,715,200 bytes") and "--max-chars" in \
        problem.reason
    assert peak < 10 * 2**20, f"{peak:,} bytes allocated to refuse it"


def test_hostile_bad_base_and_store_urls_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    common = ["build", "good.txt", "--quiet", "--no-validate", "--no-html", "--out", "out"]
    base = _kg([*common, "--memory", "--base", "not an iri/"], tmp_path)
    assert base.returncode == 2
    assert base.stderr.strip() == ("error: --base 'not an iri/': not an absolute IRI (such "
                                   "as https://example.org/kg/)")
    upper = _kg([*common, "--store", "HTTP://127.0.0.1:9/"], tmp_path)
    assert upper.returncode == 1 and "POST http://127.0.0.1:9/query" in upper.stderr
    ftp = _kg([*common, "--store", "ftp://127.0.0.1/store"], tmp_path)
    assert ftp.returncode == 1 and ftp.stderr.strip() == (
        "error: ftp://127.0.0.1/store: a store is a folder or an http(s):// URL of a SPARQL "
        "server; ftp:// is not supported")
    for result in (upper, ftp):
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.txt"]  # no folder "HTTP:"


def test_hostile_rebuild_of_a_folder_skips_its_own_page(tmp_path: Path, nlp: Language,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    monkeypatch.chdir(tmp_path)
    Path("good.txt").write_text(GOOD, encoding="utf-8")
    first = _runner().invoke(app, ["build", ".", "--quiet", "--no-validate", "--out", "out"])
    assert first.exit_code == 0 and Path("out/graph.html").is_file(), first.stderr
    monkeypatch.setattr(kg.engine, "make_nlp", lambda model=None: nlp)
    again = _runner().invoke(app, ["build", ".", "--quiet", "--no-validate", "--out", "out"])
    assert again.exit_code == 0, again.stderr
    assert again.stdout.startswith("1 documents")
    assert _skipped(again) == ["skipped: out/graph.html: a who-met-whom page written by kg, "
                               "not an article"]


@pytest.mark.parametrize(("meeting", "problem"), [
    ({"participants": "Ilse Brandt, Oskar Lenz"}, "participants: a list of names, not str"),
    ({"participants": ["Ilse Brandt", 7]}, "participants: a list of names, not a list of"),
    ({"participants": ["A", "B"], "status": "maybe"}, "status: asserted, planned or negated"),
])
def test_hostile_malformed_gold_is_one_line(tmp_path: Path, meeting: dict[str, object],
                                            problem: str) -> None:
    from kg.evaluate import GoldError, load_gold

    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "a.txt", "meetings": []}) + "\n"
                    + json.dumps({"doc": "a.txt", "meetings": [meeting]}) + "\n",
                    encoding="utf-8")
    with pytest.raises(GoldError) as err:
        load_gold(gold)
    assert str(err.value).startswith(f"{gold}:2: meetings[0].") and problem in str(err.value)


def test_hostile_viz_page_is_written_atomically(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.viz import VizError, write_html

    g = nx.Graph()
    g.add_node("urn:a", label="Ilse Brandt", type="Person")
    g.add_node("urn:b", label="Oskar Lenz", type="Person")
    g.add_edge("urn:a", "urn:b", weight=1, meetings=[
        {"sentence": "Brandt met Lenz.", "source": "a.txt", "date": None}])
    page = write_html(g, tmp_path / "page.html")
    good = page.read_bytes()

    def full_disk_on_rename(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kg.rdfio.os, "replace", full_disk_on_rename)
    with pytest.raises(VizError, match="No space left on device"):
        write_html(g, page, title="Another title")
    assert page.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]
