"""Tests of kg.cli through Typer's runner: bad input gives one-line messages, never a traceback.

The spaCy pipeline is the session's (``kg.engine.make_nlp`` is patched to return it), so the
model loads once.  Every article text here is invented for the tests.
"""

from __future__ import annotations

import csv
import inspect
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import rdflib
import typer.main
from spacy.language import Language
from typer.testing import CliRunner, Result

import kg.engine
from kg.cli import app

FIRST = ("Talks in Vienna\n\n"
         "Foreign Minister Anna Keller met with Prime Minister Tomas Novak in Vienna on Monday. "
         "Keller said the talks on river shipping were useful.\n")
SECOND = ("Defence Minister Lena Hartmann met Foreign Minister Pavel Dvorak in Prague on Friday "
          "to discuss border security.\n")
PEOPLE = ["Anna Keller", "Lena Hartmann", "Pavel Dvorak", "Tomas Novak"]
PERSONS_QUERY = "SELECT ?label WHERE { ?p a dip:Person ; rdfs:label ?label } ORDER BY ?label"
MEETING_QUERY = """
ASK {
  ?m a dip:Meeting ; dip:participant ?a, ?b .
  ?a rdfs:label "Anna Keller" .
  ?b rdfs:label "Tomas Novak" .
}"""
PREFIXES = {"dip": "https://w3id.org/diplomacy-kg/ontology#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}
BAD_FILES = {
    "empty.txt": b"",
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    "latin1.txt": "Entry to the Vienna summit hall costs £4.".encode("latin-1"),
}


def _runner() -> CliRunner:
    """A runner with stderr apart from stdout (older runners needed ``mix_stderr=False``)."""
    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]  # pragma: no cover
    return CliRunner()


def _invoke(args: list[str]) -> Result:
    result = _runner().invoke(app, [str(a) for a in args])
    everything = result.stdout + result.stderr
    assert "Traceback" not in everything, everything
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def _one_error(result: Result) -> str:
    """The single ``error:`` line on stderr (other stderr lines are skip notices)."""
    assert result.exit_code != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    return errors[0]


@pytest.fixture(autouse=True)
def _session_nlp(monkeypatch: pytest.MonkeyPatch, nlp: Language) -> None:
    monkeypatch.setattr(kg.engine, "make_nlp", lambda model=None: nlp)


@dataclass(frozen=True)
class Built:
    inputs: Path
    out: Path
    result: Result

    @property
    def ttl(self) -> Path:
        return self.out / "graph.ttl"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Iterator[Built]:
    """``kg build`` over two good articles and three bad files, run once for the module."""
    root = tmp_path_factory.mktemp("cli")
    inputs = root / "articles"
    inputs.mkdir()
    (inputs / "keller.txt").write_text(FIRST, encoding="utf-8")
    (inputs / "hartmann.md").write_text(SECOND, encoding="utf-8")
    for name, data in BAD_FILES.items():
        (inputs / name).write_bytes(data)
    out = root / "out"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(kg.engine, "make_nlp", lambda model=None: nlp)
        result = _invoke(["build", inputs, "--out", out])
    yield Built(inputs, out, result)


def test_cli_build_skips_bad_inputs(built: Built) -> None:
    result = built.result
    assert result.exit_code == 0, result.output
    assert built.ttl.is_file()
    assert (built.out / "graph.html").is_file()
    assert "2 documents" in result.stdout
    assert "3 inputs skipped" in result.stdout
    lines = [ln for ln in result.stderr.splitlines()
             if not ln.startswith("building: ")]  # progress: stderr is no terminal here
    assert len(lines) == len(BAD_FILES), result.stderr
    for name in BAD_FILES:
        assert sum(name in line for line in lines) == 1, (name, lines)


def test_cli_build_writes_meeting(built: Built) -> None:
    graph = rdflib.Graph().parse(built.ttl, format="turtle")
    assert len(graph) > 0
    assert graph.query(MEETING_QUERY, initNs=PREFIXES).askAnswer
    labels = {str(row[0]) for row in graph.query(PERSONS_QUERY, initNs=PREFIXES)}
    assert labels == set(PEOPLE)


@pytest.mark.parametrize("case", ["all-bad", "missing", "empty-folder", "no-articles"])
def test_cli_build_fails_when_nothing_readable(tmp_path: Path, case: str) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    if case == "all-bad":
        for name, data in BAD_FILES.items():
            (inputs / name).write_bytes(data)
    elif case == "missing":
        inputs = tmp_path / "no-such-folder"
    elif case == "no-articles":
        (inputs / "page.html").write_text("<p>Anna Keller met Tomas Novak.</p>",
                                          encoding="utf-8")
    out = tmp_path / "out"
    result = _invoke(["build", inputs, "--out", out])
    assert "no article could be read" in _one_error(result)
    assert not (out / "graph.ttl").exists()
    if case == "all-bad":
        assert len([ln for ln in result.stderr.splitlines()
                    if not ln.startswith("building: ")]) == len(BAD_FILES) + 1


def test_cli_build_unwritable_out(tmp_path: Path) -> None:
    (tmp_path / "keller.txt").write_text(FIRST, encoding="utf-8")
    out = tmp_path / "taken"
    out.write_text("a file, not a folder", encoding="utf-8")
    result = _invoke(["build", tmp_path / "keller.txt", "--out", out])
    assert "taken" in _one_error(result)


def test_cli_query_argument(built: Built) -> None:
    result = _invoke(["query", built.ttl, PERSONS_QUERY])
    assert result.exit_code == 0, result.output
    for person in PEOPLE:
        assert person in result.stdout
    assert "(4 rows)" in result.stdout


def test_cli_query_file(built: Built, tmp_path: Path) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text(MEETING_QUERY, encoding="utf-8")
    result = _invoke(["query", built.ttl, "--file", rq])
    assert result.exit_code == 0, result.output
    assert "True" in result.stdout


def test_cli_query_csv(built: Built) -> None:
    result = _invoke(["query", built.ttl, PERSONS_QUERY, "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["label"] for row in rows] == PEOPLE


def test_cli_query_json(built: Built) -> None:
    result = _invoke(["query", built.ttl, PERSONS_QUERY, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"label": person} for person in PEOPLE]


@pytest.mark.parametrize("both", [True, False], ids=["both", "neither"])
def test_cli_query_needs_exactly_one_source(built: Built, tmp_path: Path, both: bool) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text(PERSONS_QUERY, encoding="utf-8")
    args = ["query", built.ttl] + ([PERSONS_QUERY, "--file", rq] if both else [])
    result = _invoke(args)
    assert result.exit_code == 2
    assert "--file" in _one_error(result)
    assert result.stdout == ""


@pytest.mark.parametrize("sparql", [
    "SELEC ?x WHERE { ?x ?p ?o }",
    "SELECT ?x WHERE { ?x ?p ?o ",
    "SELECT ?x WHERE { ?x nope:thing ?o }",
])
def test_cli_query_syntax_error(built: Built, sparql: str) -> None:
    result = _invoke(["query", built.ttl, sparql])
    assert _one_error(result).startswith("error: SPARQL error")
    assert result.exit_code == 1


@pytest.mark.parametrize("case", ["missing-graph", "unparsable-graph", "missing-query-file",
                                  "latin1-query-file"])
def test_cli_query_bad_files(built: Built, tmp_path: Path, case: str) -> None:
    graph, rq = built.ttl, tmp_path / "q.rq"
    rq.write_text(PERSONS_QUERY, encoding="utf-8")
    if case == "missing-graph":
        graph = tmp_path / "absent.ttl"
    elif case == "unparsable-graph":
        graph = tmp_path / "broken.ttl"
        graph.write_text("this is <not turtle", encoding="utf-8")
    elif case == "missing-query-file":
        rq = tmp_path / "absent.rq"
    else:
        rq.write_bytes("# price in £\nSELECT ?x WHERE { ?x ?p ?o }".encode("latin-1"))
    result = _invoke(["query", graph, "--file", rq])
    named = rq if case.endswith("query-file") else graph
    assert str(named) in _one_error(result)


def _commands() -> dict[str, Any]:
    """The app's commands by name (duck-typed: Typer >= 0.29 vendors its own Click)."""
    root = typer.main.get_command(app)
    commands = getattr(root, "commands", None)
    assert commands, "kg should be a group of commands"
    return dict(commands)


@pytest.mark.parametrize("name", [None, *sorted(_commands())])
def test_cli_help(name: str | None) -> None:
    result = _invoke(([name] if name else []) + ["--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.stdout
    if name is None:
        for command in _commands():
            assert command in result.stdout
        return
    command = _commands()[name]
    assert command.help and command.help.split("\n")[0].strip()[:30] in result.stdout
    for param in command.params:
        if param.param_type_name == "option" and not getattr(param, "hidden", False):
            assert param.opts[0] in result.stdout, (name, param.opts)


def test_cli_store_rebuild_export_remove(tmp_path: Path, nlp: Language) -> None:
    """The store a build leaves behind: a second build adds nothing, export writes every
    format, remove deletes one article, canned questions take values."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "keller.txt").write_text(FIRST, encoding="utf-8")
    (inputs / "hartmann.txt").write_text(SECOND, encoding="utf-8")
    out = tmp_path / "out"
    assert _invoke(["build", inputs, "--out", out]).exit_code == 0
    again = _invoke(["build", inputs, "--out", out])
    assert again.exit_code == 0 and "(0 added, 2 unchanged)" in again.stdout
    assert "nothing added" in again.stdout and "valid:" not in again.stdout
    store = out / "store"
    for fmt in ("ttl", "nq", "trig", "jsonld", "xml", "nt"):
        result = _invoke(["export", store, "--format", fmt, "--out", tmp_path / f"g.{fmt}"])
        assert result.exit_code == 0 and (tmp_path / f"g.{fmt}").stat().st_size > 0
    assert "not a format" not in _one_error(_invoke(["export", store, "--format", "docx"]))
    met = _invoke(["query", store, "meetings-of", "anna keller", "--format", "json"])
    assert met.exit_code == 0
    assert {row["with"] for row in json.loads(met.stdout)} == {"Tomas Novak"}
    assert "takes NAME" in _one_error(_invoke(["query", store, "meetings-of"]))
    removed = _invoke(["remove", store, str(inputs / "keller.txt")])
    assert removed.exit_code == 0 and "removed" in removed.stdout
    left = _invoke(["query", store, "SELECT ?s WHERE { ?d dip:sourcePath ?s }", "--format",
                    "csv"])
    assert list(csv.reader(io.StringIO(left.stdout)))[1:] == [[str(inputs / "hartmann.txt")]]
    assert "not in the store" in _one_error(_invoke(["remove", store, "nothing.txt"]))


def test_cli_network_path_ego_viz_validate(tmp_path: Path, nlp: Language) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(
        "Foreign Minister Anna Keller met Prime Minister Tomas Novak in Vienna on Monday.\n",
        encoding="utf-8")
    (inputs / "b.txt").write_text(
        "Prime Minister Tomas Novak met President Elena Lopez in Madrid on Friday.\n",
        encoding="utf-8")
    out = tmp_path / "out"
    built = _invoke(["build", inputs, "--out", out])
    assert built.exit_code == 0 and "valid:" in built.stdout
    store = out / "store"
    net = _invoke(["network", store, "--format", "json", "--export", tmp_path / "g.gexf"])
    assert net.exit_code == 0
    top = json.loads(net.stdout)[0]
    assert (top["actor"], top["partners"]) == ("Tomas Novak", 2)
    assert (tmp_path / "g.gexf").stat().st_size > 0
    path = _invoke(["path", store, "Keller", "Lopez"])
    assert path.exit_code == 0 and "(2 steps)" in path.stdout
    assert "Anna Keller met Tomas Novak" in path.stdout
    assert "no actor called" in _one_error(_invoke(["path", store, "Keller", "Nobody"]))
    ego = _invoke(["ego", store, "Keller", "--depth", "1"])
    assert ego.exit_code == 0 and "Tomas Novak" in ego.stdout and "Elena Lopez" not in ego.stdout
    page = tmp_path / "page.html"
    viz = _invoke(["viz", store, "--out", page, "--top", "2"])
    assert viz.exit_code == 0 and page.stat().st_size > 0 and "2 actors" in viz.stdout
    assert _invoke(["validate", store]).exit_code == 0
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix dip: <https://w3id.org/diplomacy-kg/ontology#> .\n"
                   "<http://x/m> a dip:Meeting ; dip:participant <http://x/a> .\n",
                   encoding="utf-8")
    invalid = _invoke(["validate", bad])
    assert invalid.exit_code == 1 and "Does not conform" in invalid.stdout


def test_cli_build_strict_fails_on_skipped_input(tmp_path: Path, nlp: Language) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(FIRST, encoding="utf-8")
    (inputs / "scan.pdf.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\x00stream")
    lenient = _invoke(["build", inputs, "--out", tmp_path / "a", "--quiet"])
    assert lenient.exit_code == 0 and "1 inputs skipped" in lenient.stdout
    strict = _invoke(["build", inputs, "--out", tmp_path / "b", "--quiet", "--strict"])
    assert strict.exit_code == 1
    assert "--strict: 1 input skipped" in _one_error(strict)
    assert (tmp_path / "b" / "graph.ttl").is_file()  # everything readable is still built
    assert "scan.pdf.txt: binary file" in strict.stderr


_LIGHT_RUN = """
import shutil, sys
from kg.cli import app

heavy = ("spacy", "thinc", "torch")
for args in [a.split("\\x1f") for a in sys.argv[1:]]:
    sys.argv = ["kg", *args]
    try:
        app()
    except SystemExit as exc:
        if exc.code not in (0, None):
            print(f"FAILED {args[0]}: exit {exc.code}", file=sys.stderr)
    loaded = [m for m in heavy if m in sys.modules]
    print(f"@@ {' '.join(args[:2])}: {','.join(loaded) or 'light'}", file=sys.stderr)
"""


def test_cli_reading_commands_never_import_spacy(built: Built, tmp_path: Path) -> None:
    """`kg --help`, `kg query --help` and the commands that read a store (query, export,
    network, viz, actors, remove, validate; serve's help) run without importing spaCy: a
    fresh interpreter runs them one after another and says after each what it loaded."""
    import shutil
    import subprocess
    import sys

    store = tmp_path / "store"
    shutil.copytree(built.out / "store", store)
    commands = [
        ["--help"], ["query", "--help"], ["serve", "--help"],
        ["query", store, "posts"], ["query", store, "meetings-of", "Anna Keller"],
        ["query", store, PERSONS_QUERY, "--format", "csv"],
        ["export", store, "--format", "nt", "--out", tmp_path / "all.nt"],
        ["network", store], ["viz", store, "--out", tmp_path / "page.html"],
        ["actors", store], ["validate", store],
        ["remove", store, str(built.inputs / "keller.txt")],
    ]
    done = subprocess.run([sys.executable, "-c", _LIGHT_RUN,
                           *("\x1f".join(str(a) for a in c) for c in commands)],
                          capture_output=True, text=True, timeout=300)
    assert "FAILED" not in done.stderr, done.stderr
    reports = [ln for ln in done.stderr.splitlines() if ln.startswith("@@ ")]
    assert len(reports) == len(commands), done.stderr
    assert all(ln.endswith(": light") for ln in reports), reports
    assert (tmp_path / "all.nt").stat().st_size > 0 and (tmp_path / "page.html").is_file()


_BUILD_RUN = """
import sys
from kg.cli import main

sys.argv = ["kg", "build", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    assert exc.code in (0, None), exc.code
print("@@", ",".join(m for m in ("networkx", "pyshacl") if m in sys.modules),
      file=sys.stderr)
"""


def test_cli_one_article_build_imports_no_networkx(tmp_path: Path) -> None:
    """A small build writes its page without networkx (kg.smallgraph) and validates
    without pySHACL when nothing is suspect: a fresh interpreter builds the seed article
    and says what it loaded; the page and the store are there."""
    import subprocess
    import sys

    from tests.conftest import SEED

    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-c", _BUILD_RUN, str(SEED), "--out", str(out),
                           "--quiet"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "valid: the store conforms" in done.stdout
    assert "@@ \n" in done.stderr + "\n", done.stderr
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert '"nodes": [' in page or '"nodes":[' in page
    assert (out / "graph.ttl").stat().st_size > 0 and (out / "store" / "CURRENT").is_file()


def test_cli_actor_types_agree_with_kg_actors() -> None:
    from kg import cli
    from kg.actors import ACTOR_TYPES

    assert cli.ACTOR_TYPES == ACTOR_TYPES


def test_cli_plain_progress_lines_give_rate_and_time_left() -> None:
    from kg.cli import PlainProgress

    now = [100.0]
    progress = PlainProgress(50, every=10.0, clock=lambda: now[0])
    lines = []
    import kg.cli

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(kg.cli.typer, "echo", lambda text, err=False: lines.append((text, err)))
        for _ in range(20):  # 20 articles in 8 s: too soon for a line
            now[0] += 0.4
            progress("added")
        assert lines == []
        for _ in range(10):  # passing 10 s: one line
            now[0] += 0.4
            progress("added")
        assert lines == [("building: 25/50 inputs (50%), 2.5 articles/s, about 10 s left",
                          True)]
        for _ in range(20):  # the last input always says so
            now[0] += 0.01
            progress("unchanged")
    assert lines[-1][0].startswith("building: 50/50 inputs (100%)")
    assert "left" not in lines[-1][0] and len(lines) == 2
    quick = PlainProgress(3, every=10.0, clock=lambda: now[0])
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(kg.cli.typer, "echo", lambda text, err=False: lines.append((text, err)))
        for _ in range(3):  # done within the first 10 s: no line at all
            quick("added")
    assert len(lines) == 2


def test_cli_build_prints_plain_progress_when_not_a_terminal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.cli

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "keller.txt").write_text(FIRST, encoding="utf-8")
    (inputs / "hartmann.txt").write_text(SECOND, encoding="utf-8")
    monkeypatch.setattr(kg.cli, "PROGRESS_SECONDS", 0.0)
    shown = _invoke(["build", inputs, "--out", tmp_path / "a", "--no-validate"])
    progress = [ln for ln in shown.stderr.splitlines() if ln.startswith("building:")]
    assert shown.exit_code == 0
    assert [ln.split(",")[0] for ln in progress] == ["building: 1/2 inputs (50%)",
                                                    "building: 2/2 inputs (100%)"]
    assert "articles/s" in progress[0] and "left" in progress[0]
    quiet = _invoke(["build", inputs, "--out", tmp_path / "b", "--no-validate", "--quiet"])
    assert quiet.exit_code == 0 and "building:" not in quiet.stderr


def test_cli_console_script_is_main() -> None:
    """The installed `kg` runs :func:`kg.cli.main` (the named command alone, the process's
    objects frozen at the end), not the whole typer group."""
    from importlib.metadata import entry_points

    import tomllib

    from tests.conftest import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["kg"] == "kg.cli:main"
    installed = [e for e in entry_points(group="console_scripts") if e.name == "kg"]
    assert [e.value for e in installed] == ["kg.cli:main"]


def test_cli_main_freezes_the_objects_it_leaves(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc
    import sys

    from kg.cli import main

    monkeypatch.setattr(sys, "argv", ["kg", "--help"])
    assert gc.get_freeze_count() == 0
    try:
        with pytest.raises(SystemExit):
            main()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_cli_entry_point_builds_the_named_command_alone_with_the_same_answers(
        tmp_path: Path) -> None:
    """`kg COMMAND ...` builds only that command (typer reads every command's signature
    otherwise); its help, its errors and the group's own answers stay those of the group."""
    import subprocess
    import sys

    def entry(*args: str) -> subprocess.CompletedProcess[str]:
        code = "import sys; from kg.cli import main; sys.argv = ['kg', *sys.argv[1:]]; main()"
        return subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                              text=True, timeout=120)

    def group(*args: str) -> Result:
        return _runner().invoke(app, list(args))

    for args in (["query", "--help"], ["build", "--help"], ["--help"]):
        alone, whole = entry(*args), group(*args)
        assert alone.returncode == whole.exit_code == 0
        assert alone.stdout == whole.stdout, args
    missing = entry("query", str(tmp_path / "nowhere"), "posts")
    assert missing.returncode != 0 and "nowhere" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    unknown = entry("frobnicate")
    assert unknown.returncode == 2 and "frobnicate" in unknown.stderr
