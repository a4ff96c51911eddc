"""SPARQL over a graph, with values bound as variables (never pasted into query text), and
the result as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from kg.model import KGError

if TYPE_CHECKING:  # rdflib loads when a query runs through it: `kg --help` never needs it
    from rdflib import Graph
    from rdflib.query import Result


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""How a cell starts that a spreadsheet would read as a formula (OWASP, CSV injection)."""


def csv_cell(value: object) -> object:
    """A value for a CSV cell: ``None`` is empty, a text a spreadsheet would run as a
    formula gets a leading ``'`` (as OWASP advises), numbers stay numbers.

    >>> print(csv_cell('=HYPERLINK("http://x")'), csv_cell("-2"), csv_cell(-2))
    '=HYPERLINK("http://x") '-2 -2
    >>> csv_cell(None)
    ''
    """
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class QueryError(KGError):
    """A SPARQL query that could not be parsed or run."""


@dataclass(frozen=True)
class Table:
    """A SELECT result: column names and rows of plain Python values (str/int/None)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]

    def to_csv(self) -> str:
        """The table as CSV; a text cell a spreadsheet would run as a formula is escaped
        (:func:`csv_cell`)."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow([csv_cell(c) for c in self.columns])
        w.writerows([csv_cell(v) for v in row] for row in self.rows)
        return buf.getvalue()

    def to_json(self) -> str:
        return json.dumps([dict(zip(self.columns, row, strict=True)) for row in self.rows],
                          ensure_ascii=False, indent=2, default=str)

    def __str__(self) -> str:
        """The table as :meth:`to_text` gives it, so ``print(table)`` shows it."""
        return self.to_text()

    def to_text(self) -> str:
        """Aligned columns (cells cut at 80 characters), a rule under the header and the
        number of rows."""
        cells = [[str(c) for c in self.columns]]
        cells += [["" if v is None else str(v) for v in row] for row in self.rows]
        widths = [min(max(len(r[i]) for r in cells), 80) for i in range(len(self.columns))]
        lines = []
        for n, r in enumerate(cells):
            lines.append("  ".join(c[:80].ljust(w) for c, w in zip(r, widths, strict=True)))
            if n == 0:
                lines.append("  ".join("-" * w for w in widths))
        lines.append(f"({len(self.rows)} row{'s' if len(self.rows) != 1 else ''})")
        return "\n".join(lines)


def _plain(v: object) -> object:
    from rdflib import Literal

    if v is None:
        return None
    if isinstance(v, Literal):
        py = v.toPython()
        return py if isinstance(py, (int, float, bool)) else str(v)
    return str(v)


def run_query(graph: Graph, sparql: str, bindings: Mapping[str, object] | None = None
              ) -> Result:
    """Run SPARQL with our prefixes predeclared and ``bindings`` as initial bindings."""
    from rdflib import Literal, URIRef

    from kg.rdfio import PREFIXES

    init = {k: (v if isinstance(v, (URIRef, Literal)) else Literal(v))
            for k, v in (bindings or {}).items()}
    try:
        return graph.query(sparql, initNs={k: URIRef(v) for k, v in PREFIXES.items()},
                           initBindings=init)
    except Exception as exc:  # rdflib and Oxigraph raise assorted errors
        raise _error(exc) from exc


def _error(exc: Exception) -> QueryError:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "SELECT projection" in first:
        first += " (a bound variable must be selected: add it to SELECT, or use SELECT *)"
    return QueryError(f"SPARQL error: {first}")


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = frozenset(_XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
    "unsignedByte"))
_FLOATS = frozenset((_XSD + "double", _XSD + "float"))


def _plain_ox(term: Any) -> object:
    """An Oxigraph term as :func:`_plain` gives the rdflib one: numbers and booleans as
    Python values, everything else as its text."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.Literal):
        kind = term.datatype.value
        try:
            if kind in _INTEGERS:
                return int(term.value)
            if kind in _FLOATS:
                return float(term.value)
            if kind == _XSD + "boolean" and term.value in {"true", "false", "1", "0"}:
                return term.value in {"true", "1"}
        except ValueError:  # an ill-typed literal reads as its text, as in rdflib
            pass
        return term.value
    return str(term.value)


def oxigraph_table(store: Any, sparql: str, bindings: Mapping[str, object] | None = None
                   ) -> Table:
    """Run SPARQL on a pyoxigraph ``store`` (its merged default graph) straight into a
    :class:`Table`, with our prefixes and ``bindings`` as :func:`run_query` has them: the
    same answer without rdflib, which a `kg query` would spend longer importing than
    answering."""
    import pyoxigraph as ox

    from kg.rdfio import PREFIXES

    def term(v: object) -> ox.NamedNode | ox.Literal:
        if isinstance(v, (ox.NamedNode, ox.Literal)):
            return v
        if isinstance(v, bool):
            return ox.Literal(str(v).lower(), datatype=ox.NamedNode(_XSD + "boolean"))
        if isinstance(v, int):
            return ox.Literal(str(v), datatype=ox.NamedNode(_XSD + "integer"))
        if type(v).__name__ == "URIRef":  # an rdflib IRI, without importing rdflib
            return ox.NamedNode(str(v))
        return ox.Literal(str(v))

    try:
        result = store.query(sparql, prefixes=PREFIXES, substitutions={
            ox.Variable(k): term(v) for k, v in (bindings or {}).items()})
        if isinstance(result, ox.QueryBoolean):
            return Table(("ask",), ((bool(result),),))
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("only SELECT and ASK results print as tables; "
                             "use CONSTRUCT/DESCRIBE through the Python API")
        cols = tuple(v.value for v in result.variables)
        rows = tuple(tuple(_plain_ox(row[i]) for i in range(len(cols))) for row in result)
    except QueryError:
        raise
    except Exception as exc:  # Oxigraph raises SyntaxError, OSError... on a bad query
        raise _error(exc) from exc
    return Table(cols, rows)


def select_rows(graph: Any, sparql: str) -> Iterator[Any]:
    """The rows of a SELECT query with our prefixes, each with its variables as attributes.

    ``graph`` is an rdflib graph (rows as :func:`run_query` gives them) or a pyoxigraph
    ``Store``, whose merged default graph answers straight, without rdflib: each value is
    then the term's text (an IRI, a literal's lexical form), which is what ``str()`` gives
    of the rdflib term, or None when unbound.
    """
    import pyoxigraph as ox

    if not isinstance(graph, ox.Store):
        yield from run_query(graph, sparql)
        return
    from collections import namedtuple

    from kg.rdfio import PREFIXES

    try:
        result = graph.query(sparql, prefixes=PREFIXES)
    except Exception as exc:  # Oxigraph raises SyntaxError, OSError... on a bad query
        raise _error(exc) from exc
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("expected a SELECT query")
    names = [v.value for v in result.variables]
    row_type = namedtuple("Row", names)  # type: ignore[misc]
    for row in result:
        yield row_type(*(None if row[i] is None else row[i].value for i in range(len(names))))


def to_table(result: Result) -> Table:
    if result.type == "ASK":
        return Table(("ask",), ((bool(result.askAnswer),),))
    if result.type != "SELECT":
        raise QueryError("only SELECT and ASK results print as tables; "
                         "use CONSTRUCT/DESCRIBE through the Python API")
    cols = tuple(str(v) for v in result.vars or ())
    rows = tuple(tuple(_plain(row[i]) for i in range(len(cols)))  # type: ignore[index]
                 for row in result)
    return Table(cols, rows)


_MARKED = re.compile(r"^([ \t]*).*#[ \t]*(actor|place)[ \t]+\?(\w+)[ \t]*$", re.M)
"""The line of a canned question that finds its actor (or place) by name, ending with a
comment such as ``# actor ?x``; :meth:`CannedQuery.bound_to` replaces it."""
_OTHERS = re.compile(r"^([ \t]*).*#[ \t]*others[ \t]+\?(\w+)[ \t]*$", re.M)
"""A line keeping other participants apart from the actor (``# others ?y``), replaced by
one that keeps out the whole resolved group."""


@dataclass(frozen=True)
class CannedQuery:
    """A question shipped with kg (``kg/queries/NAME.rq``) and the values it takes.

    A question about one actor (or place) names it by its first parameter and marks the
    line that matches that name to entities (``# actor ?x`` or ``# place ?where`` at its
    end); :attr:`entity` says which, and :meth:`bound_to` gives the question asked about
    entities already resolved (see :func:`kg.actors.resolve`).
    """

    name: str
    sparql: str
    params: tuple[str, ...]
    description: str

    @property
    def entity(self) -> str | None:
        """"actor", "place", or None when the question is not about one named entity."""
        found = _MARKED.search(self.sparql)
        return found.group(2) if found else None

    def bound_to(self, iris: Sequence[Any]) -> str:
        """The question with its marked line replaced by ``VALUES ?x { iris }`` (and a line
        marked ``# others ?y`` by ``FILTER (?y NOT IN (iris))``).

        The IRIs are checked (an invalid one raises) and are ones the graph itself holds;
        the user's words stay bound variables.

        >>> from rdflib import URIRef
        >>> q = CannedQuery("q", "SELECT ?x WHERE {\\n  ?x ?p ?l . # actor ?x\\n}", (), "")
        >>> print(q.bound_to([URIRef("urn:a"), URIRef("urn:b")]))
        SELECT ?x WHERE {
          VALUES ?x { <urn:a> <urn:b> }
        }
        """
        found = _MARKED.search(self.sparql)
        if found is None:
            raise QueryError(f"{self.name} is not a question about one actor or place")
        terms = [iri_term(str(i)) for i in iris]
        line = f"{found.group(1)}VALUES ?{found.group(3)} {{ {' '.join(terms)} }}"
        sparql = self.sparql[:found.start()] + line + self.sparql[found.end():]
        return _OTHERS.sub(lambda m: f"{m.group(1)}FILTER (?{m.group(2)} NOT IN "
                                     f"({', '.join(terms)}))", sparql)

    def bindings(self, values: list[str]) -> dict[str, object]:
        if len(values) != len(self.params):
            wanted = " ".join(p.upper() for p in self.params) or "no value"
            raise QueryError(f"{self.name} takes {wanted}, got {len(values)} value"
                             f"{'s' if len(values) != 1 else ''}")
        return dict(zip(self.params, values, strict=True))


_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def iri_term(iri: str) -> str:
    """``<iri>`` for SPARQL text, refusing what no IRI may hold (as rdflib's ``n3()``).

    >>> iri_term("urn:a"), iri_term("https://w3id.org/x#y")
    ('<urn:a>', '<https://w3id.org/x#y>')
    """
    if not iri or _NOT_IN_IRI.search(iri):
        raise QueryError(f"not an IRI: {iri!r}")
    return f"<{iri}>"


def canned_queries() -> dict[str, CannedQuery]:
    """The canned questions by name: who-met-whom, meetings-of, meetings-in, posts, ..."""
    out: dict[str, CannedQuery] = {}
    folder = files("kg.queries")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        comments = [ln[1:].strip() for ln in text.splitlines() if ln.startswith("#")]
        params = tuple(c.split(":", 1)[1].strip() for c in comments if c.startswith("param:"))
        desc = next((c for c in comments if not c.startswith("param:")), "")
        out[entry.name[:-3]] = CannedQuery(entry.name[:-3], text, params, desc)
    return out
