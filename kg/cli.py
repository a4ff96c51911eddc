"""The ``kg`` command: a thin shell over :mod:`kg.api`.

Every command parses its arguments, calls the library and turns a :class:`KGError` into a
one-line message on stderr and a non-zero exit code; it never shows a traceback for bad
input.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from kg.model import KGError
from kg.query import Table, canned_queries
from kg.read import DEFAULT_MAX_CHARS, InputProblem

if TYPE_CHECKING:  # each command imports what it uses: `kg query` never loads spaCy
    import networkx as nx

    from kg.aliases import Aliases

_SETTINGS: dict[str, Any] = {"add_completion": False, "pretty_exceptions_enable": False}
"""What the group and the one-command app of :func:`main` share."""

app = typer.Typer(
    name="kg",
    help="Turn news articles into a knowledge graph of diplomacy: who met whom, where, "
         "when, in which post.",
    no_args_is_help=True,
    **_SETTINGS,
)


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


ACTOR_TYPES = ("Person", "Organization", "Country")
"""kg.actors.ACTOR_TYPES, spelled here so that `kg --help` need not import rdflib (a test
checks that the two agree)."""

ActorType = Enum("ActorType", {t: t for t in ACTOR_TYPES}, type=str)  # type: ignore[misc]

AliasesOption = Annotated[Path | None, typer.Option(
    "--aliases", help="An aliases file (TSV: NAME, =, CANONICAL; NAME, type, KIND; ...) "
                      "applied to this view; the store is unchanged.", show_default=False)]


def _aliases(path: Path | None) -> Aliases | None:
    """The aliases file at ``path`` (None: none); says on stderr that splits wait for a build."""
    if path is None:
        return None
    from kg.aliases import load_aliases

    aliases = load_aliases(path)
    if aliases.splits:
        typer.echo(f"note: {path}: the {len(aliases.splits)} != rule"
                   f"{'s' if len(aliases.splits) != 1 else ''} take effect at "
                   "`kg build --aliases` time, not in this view", err=True)
    return aliases


_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(text: str) -> str:
    """``text`` without control characters (escape sequences that retitle the window or
    write the clipboard, a carriage return that hides a line) or bidi overrides: what
    articles say reaches the terminal as text only; tabs and line breaks stay."""
    return _TERMINAL_UNSAFE.sub("", text)


def _say(text: str, *, err: bool = False) -> None:
    typer.echo(_visible(text), err=err)


def _fail(message: str, code: int = 1) -> NoReturn:
    _say(f"error: {message}", err=True)
    raise typer.Exit(code)


def _warn(problem: InputProblem) -> None:
    typer.echo(f"{'warning' if problem.kept else 'skipped'}: {problem}", err=True)


@app.command()
def build(
    inputs: Annotated[list[Path], typer.Argument(
        help="Article files (.txt, .md, .html, .jsonl) or folders of them.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    store: Annotated[str | None, typer.Option(
        "--store", help="Oxigraph store folder to build into [default: OUT/store], or the URL "
                        "of a SPARQL 1.1 server (Graph Store Protocol).")] = None,
    memory: Annotated[bool, typer.Option(
        "--memory", help="Keep no store: build in memory, write only the files.")] = False,
    model: Annotated[str | None, typer.Option(
        help="spaCy pipeline to load (default: best installed English pipeline).")] = None,
    base: Annotated[str | None, typer.Option(
        help="Base IRI of minted resources.")] = None,
    max_chars: Annotated[int, typer.Option(
        help="Refuse articles longer than this many characters.")] = DEFAULT_MAX_CHARS,
    html: Annotated[bool, typer.Option(
        "--html/--no-html", help="Also write the who-met-whom page.")] = True,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=1, help="Processes that parse (or Dask workers).")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per spaCy batch.")] = 32,
    engine: Annotated[Engine, typer.Option(
        help="local (this machine) or dask (a Dask cluster).")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        help="Dask scheduler address (default: a local cluster of --jobs workers).")
                         ] = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress bar.")] = False,
    validate: Annotated[bool, typer.Option(
        "--validate/--no-validate", help="Check the store against the SHACL shapes once the "
                                         "new articles are in, and report its violations.")
                                         ] = True,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Exit 1 when any input was skipped or any shape is violated "
                         "(everything readable is still built).")] = False,
    aliases: Annotated[Path | None, typer.Option(
        "--aliases", help="An aliases file (TSV) forcing merges, splits and types of actors; "
                          "stored articles naming one of its names are built again.")] = None,
) -> None:
    """Build the graph of INPUTS into a store and OUT/graph.ttl and OUT/graph.html.

    Building again adds to the store: unchanged articles are skipped, changed ones replace
    their own facts.
    """
    import gc

    from kg.api import build as build_graph

    # spaCy's model is a few million objects that live as long as this command: collect
    # cyclic garbage less often than Python's default (700 allocations), 0.1 s a build
    gc.set_threshold(50_000, 20, 10)
    target = None if memory else (store or str(out / "store"))
    if base is not None and not _is_iri(base):
        _fail(f"--base {base!r}: not an absolute IRI (such as https://example.org/kg/)", 2)
    try:
        with _progress(inputs, quiet) as tick, build_graph(
                inputs, model=model, base=base, max_chars=max_chars, on_problem=_warn,
                store=target, progress=tick, jobs=jobs, batch_size=batch_size,
                engine=engine.value, scheduler=scheduler, validate=validate,
                aliases=aliases) as graph:
            ttl = graph.write(out / "graph.ttl", "turtle")
            written = [ttl]
            if html:
                written.append(graph.to_html(out / "graph.html"))
            summary = graph.summary()
            report = graph.validation
    except KGError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot write {exc.filename or out}: {exc.strerror or exc}")
    typer.echo(str(summary))
    if validate and summary.added == 0:
        typer.echo("nothing added: the store is as it was, not validated again "
                   "(kg validate checks it)")
    elif report is not None:
        if report.conforms:
            typer.echo("valid: the store conforms to the SHACL shapes")
        else:
            n = len(report.violations)
            typer.echo(f"not valid: the store has {n} SHACL violation{'s' if n != 1 else ''}"
                       " (listed on stderr; kg validate lists them all)")
            typer.echo(report.to_text(limit=20), err=True)
    if target is not None:
        typer.echo(f"store {target}")
    for path in written:
        typer.echo(f"wrote {path}")
    if strict and (summary.problems or (report is not None and not report.conforms)):
        typer.echo("error: --strict: "
                   + ", ".join(part for part in (
                       f"{summary.problems} input{'s' if summary.problems != 1 else ''} "
                       "skipped" if summary.problems else "",
                       "shape violations" if report is not None and not report.conforms
                       else "") if part), err=True)
        raise typer.Exit(1)


@contextmanager
def _progress(inputs: list[Path], quiet: bool) -> Iterator[Callable[[str], None] | None]:
    """A progress bar on stderr (articles, rate, time left); plain lines when stderr is not
    a terminal; nothing when quiet."""
    if quiet:  # rich is not even imported
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from kg.read import count_inputs

    console = Console(stderr=True)
    if not console.is_terminal:  # a log file or CI: plain lines, every PROGRESS_SECONDS
        yield PlainProgress(count_inputs(inputs) or None)
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"),
               TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("building", total=count_inputs(inputs) or None, rate="")

        def tick(event: str) -> None:
            bar.advance(task)
            speed = bar.tasks[task].speed
            bar.update(task, rate=f"{speed:.1f} articles/s" if speed else "")

        yield tick


PROGRESS_SECONDS = 10.0
"""Seconds between two plain progress lines (stderr not a terminal)."""


class PlainProgress:
    """Progress for a log: a line on stderr every :data:`PROGRESS_SECONDS` (and at the last
    input, if a line was shown before) with the articles done, the rate and the time left,
    e.g.
    ``building: 120/2,000 inputs (6%), 4.1 articles/s, about 7 min 38 s left``."""

    def __init__(self, total: int | None, *, every: float | None = None,
                 clock: Callable[[], float] | None = None) -> None:
        import time

        self.total, self.done = total, 0
        self.every = PROGRESS_SECONDS if every is None else every
        self.clock = clock or time.monotonic
        self.start = self.last = self.clock()
        self.shown = False  # a build done before the first line says nothing

    def __call__(self, event: str) -> None:
        self.done += 1
        now = self.clock()
        last = bool(self.total and self.done == self.total)
        if now - self.last >= self.every or (last and self.shown):
            self.last, self.shown = now, True
            typer.echo(self.line(now), err=True)

    def line(self, now: float) -> str:
        rate = self.done / (now - self.start) if now > self.start else 0.0
        text = f"building: {self.done:,}"
        if self.total:
            text += f"/{self.total:,} inputs ({100 * self.done // self.total}%)"
        else:
            text += " inputs"
        text += f", {rate:.1f} articles/s"
        if self.total and rate > 0 and self.done < self.total:
            left = round((self.total - self.done) / rate)
            text += (f", about {left // 60} min {left % 60} s left" if left >= 60
                     else f", about {left} s left")
        return text


def _read_query(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except OSError as exc:
        _fail(f"{file}: cannot read: {exc.strerror or exc}")
    except UnicodeDecodeError as exc:
        _fail(f"{file}: not UTF-8 text (byte 0x{exc.object[exc.start]:02X} "
              f"at offset {exc.start})")


def _is_iri(text: str) -> bool:
    import pyoxigraph as ox

    try:
        ox.NamedNode(f"{text}x")
    except ValueError:
        return False
    return True


def _uses_service(sparql: str) -> bool:
    """:func:`kg.gateway.uses_service`, imported only for a user's own SPARQL (a canned
    question never fetches; the gateway module costs 0.035 s to import)."""
    from kg.gateway import uses_service

    return uses_service(sparql)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _print_table(table: Table, fmt: OutputFormat) -> None:
    try:
        terminal = sys.stdout.isatty()  # a file or a pipe gets the data as it is
        if fmt is OutputFormat.csv:
            text = table.to_csv()
            sys.stdout.write(_visible(text) if terminal else text)
        elif fmt is OutputFormat.json:
            typer.echo(_visible(table.to_json()) if terminal else table.to_json())
        else:
            _say(table.to_text())
        sys.stdout.flush()
    except OSError as exc:  # a full disk, a closed pipe
        _stdout_gone()
        _fail(f"cannot write the answer to standard output: {exc.strerror or exc}")


def _stdout_gone() -> None:
    """Point standard output at /dev/null, so the flush at exit raises nothing more."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


@app.command()
def query(
    graph: Annotated[Path, typer.Argument(
        help="A store folder, or a graph file (ttl, nt, nq, trig, jsonld, xml).")],
    question: Annotated[str | None, typer.Argument(
        help="SPARQL text, or the name of a canned question: "
             + ", ".join(f"{q.name} {' '.join(p.upper() for p in q.params)}".strip()
                         for q in canned_queries().values())
             + ". Prefixes dip:, dipr:, prov:, rdf:, rdfs:, skos:, schema:, org:, xsd: are "
               "predeclared.", show_default=False)] = None,
    values: Annotated[list[str] | None, typer.Argument(
        help="Values for a canned question (bound as variables, never pasted into it).",
        show_default=False)] = None,
    file: Annotated[Path | None, typer.Option(
        "--file", "-f", help="Read the query from this file.")] = None,
    fmt: Annotated[OutputFormat, typer.Option(
        "--format", help="Output format.")] = OutputFormat.table,
    aliases_file: AliasesOption = None,
    allow_service: Annotated[bool, typer.Option(
        "--allow-service", help="Run federated queries (SERVICE), which fetch other "
                                "addresses.")] = False,
) -> None:
    """Ask GRAPH a SPARQL question (answered by Oxigraph) and print the answer.

    A canned question about an actor or place first finds the one it names (its label wins,
    then an alternative name); an ambiguous name lists the candidates.
    """
    from kg.api import load

    if (question is None) == (file is None):
        _fail("give the query either as an argument or with --file, not both", 2)
    canned = canned_queries()
    bindings: dict[str, object] = {}
    try:
        if file is not None:
            sparql = _read_query(file)
        elif question in canned:
            sparql = canned[question].sparql
            bindings = canned[question].bindings(values or [])
        else:
            sparql = question or ""
        if values and not bindings:
            _fail(f"values are only for canned questions ({', '.join(canned)})", 2)
        if not allow_service and question not in canned and _uses_service(sparql):
            _fail("SERVICE (a federated query) is refused: kg query fetches nothing from "
                  "other addresses unless given --allow-service")
        if aliases_file is not None and question not in canned:
            _fail("--aliases applies to canned questions, not to SPARQL text", 2)
        aliases = _aliases(aliases_file)
        with load(graph) as kgraph:
            if question in canned:
                table = kgraph.ask(question or "", values or [], aliases)
            else:
                table = kgraph.table(sparql, **bindings)
    except KGError as exc:
        _fail(str(exc))
    except typer.Exit:
        raise
    except (OSError, RuntimeError, ValueError) as exc:  # raised while the rows are read
        _fail(f"the query failed: {_first_line(exc)}")
    _print_table(table, fmt)


@app.command()
def export(
    graph: Annotated[Path, typer.Argument(help="A store folder or a graph file.")],
    fmt: Annotated[str, typer.Option(
        "--format", help="ttl, nt, nq, trig, jsonld or xml (nq, trig and jsonld keep one named "
                         "graph per article).")] = "ttl",
    output: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Write here instead of standard output.")] = None,
) -> None:
    """Write the whole graph of GRAPH in another RDF format."""
    from kg.api import load

    try:
        with load(graph) as kgraph:
            if output is None:
                sys.stdout.buffer.write(kgraph.store.serialize(fmt))
                sys.stdout.flush()
            else:
                kgraph.write(output, fmt)
    except KGError as exc:
        _fail(str(exc))
    except OSError as exc:
        if output is None:
            _stdout_gone()
        _fail(f"cannot write {output or 'to standard output'}: {exc.strerror or exc}")
    if output is not None:
        typer.echo(f"wrote {output}", err=True)


@app.command()
def remove(
    store: Annotated[Path, typer.Argument(help="A store folder written by kg build.")],
    documents: Annotated[list[str], typer.Argument(
        help="Source paths (as given to kg build) or document IRIs.", show_default=False)],
) -> None:
    """Delete articles and their facts from STORE; facts other articles state stay."""
    if not store.is_dir():
        _fail(f"{store}: not a store folder")
    from kg.api import load

    try:
        missing = []
        with load(store, read_only=False) as kgraph:
            for doc in documents:
                gone = kgraph.store.remove_document(doc)
                if not gone:
                    missing.append(doc)
                for iri in gone:
                    _say(f"removed {doc} ({iri})")
    except KGError as exc:
        _fail(str(exc))
    if missing:
        _fail(f"not in the store: {', '.join(missing)}")


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold annotations (JSONL, one article a line).")],
    docs: Annotated[Path, typer.Option(
        "--docs", help="Folder the gold's doc paths are relative to.")] = Path("."),
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to load.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")
                       ] = False,
    errors: Annotated[bool, typer.Option(
        "--errors", help="Also list every false positive and missed fact.")] = False,
) -> None:
    """Score extraction against GOLD: precision, recall and F1 of meeting pairs, posts and
    speakers."""
    from kg.evaluate import evaluate as run_evaluation
    from kg.nlp import make_nlp

    try:
        report = run_evaluation(gold, docs, make_nlp(model))
    except KGError as exc:
        _fail(str(exc))
    if as_json:
        data = report.to_dict()
        if errors:
            data["errors"] = report.errors
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    typer.echo(report.to_text())
    if errors:
        typer.echo(report.errors_text())


def _network(graph: Path, aliases_file: Path | None = None,
             statuses: tuple[str, ...] = ("asserted",)) -> nx.Graph:
    from kg.api import load

    aliases = _aliases(aliases_file)
    with load(graph) as kgraph:
        return kgraph.who_met_whom(aliases, statuses)


@app.command()
def network(
    graph: Annotated[Path, typer.Argument(help="A store folder or a graph file.")],
    top: Annotated[int, typer.Option(min=1, help="How many actors to list.")] = 20,
    export_to: Annotated[Path | None, typer.Option(
        "--export", help="Also write the who-met-whom graph here (.graphml, .gexf or .csv; "
                         "Gephi opens GraphML and GEXF).")] = None,
    exact: Annotated[bool, typer.Option(
        "--exact", help="Exact betweenness even on large graphs (slow).")] = False,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="Output format.")
                   ] = OutputFormat.table,
    aliases_file: AliasesOption = None,
) -> None:
    """The most connected actors: meetings, partners, betweenness, community."""
    from kg.analytics import actor_table, communities
    from kg.network import write_graph

    try:
        g = _network(graph, aliases_file)
        rows = actor_table(g, top=top, **({"sample": None} if exact else {}))
        if export_to is not None:
            write_graph(g, export_to)
    except KGError as exc:
        _fail(str(exc))
    table = Table(("actor", "type", "country", "meetings", "partners", "betweenness",
                   "community"),
                  tuple((r.label, r.type, r.country, r.meetings, r.degree,
                         round(r.betweenness, 4), r.community) for r in rows))
    _print_table(table, fmt)
    if fmt is OutputFormat.table:
        typer.echo(f"{g.number_of_nodes()} actors, {g.number_of_edges()} pairs that met, "
                   f"{len(communities(g)) if g.number_of_nodes() else 0} communities")
    if export_to is not None:
        typer.echo(f"wrote {export_to}", err=True)


@app.command()
def path(
    graph: Annotated[Path, typer.Argument(help="A store folder or a graph file.")],
    source: Annotated[str, typer.Argument(help="An actor's name (or part of it).")],
    target: Annotated[str, typer.Argument(help="Another actor's name.")],
    aliases_file: AliasesOption = None,
) -> None:
    """How is SOURCE connected to TARGET: the shortest chain of meetings, with evidence."""
    from kg.analytics import chain

    try:
        hops = chain(_network(graph, aliases_file), source, target)
    except KGError as exc:
        _fail(str(exc))
    for hop in hops:
        _say(str(hop))
    typer.echo(f"({len(hops)} step{'s' if len(hops) != 1 else ''})")


@app.command()
def ego(
    graph: Annotated[Path, typer.Argument(help="A store folder or a graph file.")],
    actor: Annotated[str, typer.Argument(help="An actor's name (or part of it).")],
    depth: Annotated[int, typer.Option(min=1, help="How many meetings away.")] = 2,
    top: Annotated[int, typer.Option(
        min=2, help="At most N actors: the nearest, most connected first.")] = 50,
    html_out: Annotated[Path | None, typer.Option(
        "--html", help="Also write this neighbourhood as a page.")] = None,
    aliases_file: AliasesOption = None,
) -> None:
    """ACTOR's neighbourhood: everyone within DEPTH meetings, and who met whom among them."""
    import networkx as nx

    from kg.analytics import ego as ego_graph
    from kg.viz import write_html

    try:
        sub = ego_graph(_network(graph, aliases_file), actor, depth=depth, top=top)
        if html_out is not None:
            write_html(sub, html_out, title=f"Around {sub.nodes[sub.graph['center']]['label']}")
    except KGError as exc:
        _fail(str(exc))
    center = sub.graph["center"]
    dist = nx.single_source_shortest_path_length(sub, center)
    for node in sorted(sub.nodes, key=lambda n: (dist[n], str(sub.nodes[n].get("label")))):
        if node == center:
            continue
        data = sub.nodes[node]
        meetings = sub.edges[center, node]["weight"] if sub.has_edge(center, node) else 0
        _say(f"{dist[node]}  {data.get('label')} ({data.get('type')})"
             + (f", met {meetings} time{'s' if meetings != 1 else ''}" if meetings else ""))
    shown = (f"{sub.number_of_nodes() - 1} actors within {depth} of "
             f"{sub.nodes[center]['label']}")
    if sub.graph["within"] > sub.number_of_nodes():
        shown = (f"{sub.number_of_nodes() - 1} of the {sub.graph['within'] - 1} actors within "
                 f"{depth} of {sub.nodes[center]['label']} (the nearest, most connected "
                 "first; --top to change)")
    _say(f"{shown}, {sub.number_of_edges()} pairs that met")
    if html_out is not None:
        typer.echo(f"wrote {html_out}", err=True)


@app.command()
def viz(
    graph: Annotated[Path, typer.Argument(help="A store folder or a graph file.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The page to write.")
                   ] = Path("graph.html"),
    top: Annotated[int | None, typer.Option(
        min=1, help="Only the N most connected actors.")] = None,
    min_meetings: Annotated[int | None, typer.Option(
        min=1, help="Only pairs that met at least K times.")] = None,
    title: Annotated[str, typer.Option(help="The page's title.")] = "Who met whom",
    show: Annotated[int, typer.Option(
        min=1, help="How many actors (the most connected) the page opens with.")] = 150,
    aliases_file: AliasesOption = None,
) -> None:
    """Write the interactive who-met-whom page: one file that opens offline."""
    from kg.analytics import prune
    from kg.viz import write_html

    try:
        g = _network(graph, aliases_file, ("asserted", "planned"))
        if top is not None or min_meetings is not None:
            g = prune(g, top=top, min_meetings=min_meetings)
        write_html(g, out, title=title, shown=show)
    except KGError as exc:
        _fail(str(exc))
    typer.echo(f"{g.number_of_nodes()} actors, {g.number_of_edges()} pairs; wrote {out}")


@app.command()
def actors(
    graph: Annotated[Path, typer.Argument(help="A store folder or a graph file.")],
    search: Annotated[str | None, typer.Option(
        help="Only actors with this text in their label or an alternative name (any case).")
                      ] = None,
    kind: Annotated[ActorType | None, typer.Option(
        "--type", help="Only actors of this type.", show_default=False)] = None,
    top: Annotated[int | None, typer.Option(
        min=1, help="Only the N actors with most meetings (then articles).")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="Output format.")
                   ] = OutputFormat.table,
    aliases_file: AliasesOption = None,
) -> None:
    """List the actors (persons, organizations, countries): label, type, alternative
    names, meetings and articles, most meetings first."""
    from kg.actors import actors_table
    from kg.api import load

    try:
        aliases = _aliases(aliases_file)
        with load(graph) as kgraph:
            rows = kgraph.actors(search=search, type=kind.value if kind else None, top=top,
                                 aliases=aliases)
    except KGError as exc:
        _fail(str(exc))
    _print_table(actors_table(rows), fmt)


@app.command("validate")
def validate_command(
    graph: Annotated[Path, typer.Argument(
        help="A store folder, or a graph file (ttl, nt, nq, trig, jsonld, xml).")],
    limit: Annotated[int, typer.Option(min=1, help="Violations to list at most.")] = 50,
) -> None:
    """Check GRAPH against the SHACL shapes; exit 1 when it does not conform."""
    from kg.api import load
    from kg.graphfile import check_graph_file
    from kg.validate import validate_file, validate_store

    try:
        if graph.is_dir():
            with load(graph) as kgraph:
                report = validate_store(kgraph.store)
        else:
            check_graph_file(graph, graph.suffix)  # no entity bomb, nothing fetched
            report = validate_file(graph)
    except KGError as exc:
        _fail(str(exc))
    typer.echo(report.to_text(limit=limit))
    if not report.conforms:
        raise typer.Exit(1)


@app.command()
def serve(
    store: Annotated[Path, typer.Argument(help="A store folder written by kg build.")],
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 7878,
    host: Annotated[str, typer.Option(
        help="Address to bind; the default keeps the endpoint on this machine.")
                    ] = "127.0.0.1",
    writable: Annotated[bool, typer.Option(
        "--writable", help="Also accept SPARQL updates and Graph Store writes.")] = False,
    timeout: Annotated[float, typer.Option(
        "--timeout", min=1, help="Stop a query after this many seconds.")] = 30.0,
    max_result_mb: Annotated[int, typer.Option(
        "--max-result-mb", min=1, help="Refuse answers larger than this (MiB).")] = 64,
    allow_service: Annotated[bool, typer.Option(
        "--allow-service", help="Run federated queries (SERVICE), which make the endpoint "
                                "fetch other addresses.")] = False,
) -> None:
    """Serve STORE as a SPARQL 1.1 endpoint (read-only unless --writable) until Ctrl-C.

    Queries go to http://HOST:PORT/query; every article's graph is part of the default
    graph; the prefixes kg query predeclares are predeclared; SERVICE is refused.
    """
    from kg.serve import run_server
    from kg.store import PREFIXES

    def ready(url: str) -> None:
        typer.echo(f"SPARQL endpoint: {url}/query ({'read-write' if writable else 'read-only'};"
                   f" queries stop after {timeout:g} s; prefixes "
                   f"{' '.join(p + ':' for p in PREFIXES)} predeclared; Ctrl-C to stop)")

    try:
        code = run_server(store, host=host, port=port, read_only=not writable, on_ready=ready,
                          query_timeout=timeout, allow_service=allow_service,
                          max_result_bytes=max_result_mb * 2**20)
    except KGError as exc:
        _fail(str(exc))
    raise typer.Exit(code)


def main() -> None:  # pragma: no cover - console entry point
    """Run the command named on the command line, building only that one: typer reads the
    signature of every registered command when it builds the whole group (0.08 s, a sixth
    of a `kg query`), and one command needs one."""
    import gc
    import sys

    name = sys.argv[1] if len(sys.argv) > 1 else ""
    chosen = [c for c in app.registered_commands if name and name == (
        c.name or (c.callback.__name__.replace("_", "-") if c.callback else ""))]
    try:
        if not chosen:
            app()  # --help, no command, an unknown one: the whole group answers
            return
        one = typer.Typer(**_SETTINGS)
        one.registered_commands = chosen
        one(args=sys.argv[2:], prog_name=f"kg {name}")
    finally:
        # The command is over and the process ends: Python's shutdown would still walk
        # every object (spaCy and a model are millions) looking for garbage cycles that
        # the exit frees anyway, 0.2-0.3 s after a build.  Frozen objects are not walked;
        # everything is released as before.
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    app()
