"""Checks made before a graph file is parsed (``kg query FILE``, ``kg validate FILE``,
``kg.load``): a file must not make the parser expand entities without bound or fetch
anything.

- RDF/XML: a document type declaration may declare internal general entities whose text is
  plain (the usual ``<!ENTITY rdf "http://www.w3.org/1999/02/22-rdf-syntax-ns#">``); an
  entity whose text refers to another entity (the "billion laughs"), a parameter entity and
  an external entity (``SYSTEM``/``PUBLIC``, a file or URL the parser would read) are
  refused, and so is a file whose entity references would expand to more than
  :data:`MAX_EXPANSION` characters.
- JSON-LD: a ``@context`` (or ``@import``) given by IRI would be downloaded: refused; put
  the context in the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from kg.model import KGError

__all__ = ["MAX_EXPANSION", "GraphFileError", "check_graph_file"]

MAX_EXPANSION = 16_000_000
"""Characters that entity references in one RDF/XML file may add, at most."""

_DOCTYPE = re.compile(rb"<!DOCTYPE\b[^\[>]*(\[(?P<subset>.*?)\])?\s*>", re.DOTALL | re.I)
_ENTITY = re.compile(
    rb"""<!ENTITY\s+(?P<param>%\s+)?(?P<name>[^\s%"']+)\s+
         (?:(?P<external>SYSTEM|PUBLIC)\b|"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""",
    re.VERBOSE | re.DOTALL)
_REFERENCE = re.compile(rb"&([A-Za-z_:][\w.:-]*);")


class GraphFileError(KGError):
    """A graph file the parsers must not be given (unbounded expansion, a fetch)."""


def check_graph_file(path: str | Path, fmt: str) -> None:
    """Raise :class:`GraphFileError` (one line, naming the file) when the file at ``path``,
    in the format ``fmt`` (a suffix or format name), would make its parser expand entities
    without bound or fetch a resource; other formats, and missing files, pass."""
    kind = fmt.lower().lstrip(".")
    p = Path(path)
    if not p.is_file():
        return
    if kind in {"xml", "rdf", "rdfxml", "owl", "application/rdf+xml"}:
        _check_xml(p)
    elif kind in {"jsonld", "json-ld", "json"}:
        _check_jsonld(p)


def _check_xml(path: Path) -> None:
    data = path.read_bytes()
    head = _DOCTYPE.search(data)
    if head is None:
        if b"<!ENTITY" in data:
            raise GraphFileError(f"{path}: an entity declaration outside a well-formed "
                                 "DOCTYPE; refusing to parse it")
        return
    if re.search(rb"<!DOCTYPE\b[^\[>]*\b(SYSTEM|PUBLIC)\b", data[head.start():head.end()]):
        raise GraphFileError(f"{path}: its DOCTYPE names an external DTD; refusing to read "
                             "anything it points to")
    sizes: dict[bytes, int] = {}
    for m in _ENTITY.finditer(head["subset"] or b""):
        name = m["name"].decode("utf-8", "replace")
        if m["param"]:
            raise GraphFileError(f"{path}: parameter entity %{name} declared; refusing it")
        if m["external"]:
            raise GraphFileError(f"{path}: external entity &{name}; declared (a file or URL "
                                 "the parser would read); refusing it")
        text = m["dq"] if m["dq"] is not None else m["sq"] or b""
        if b"&" in text or b"%" in text:
            raise GraphFileError(f"{path}: entity &{name}; refers to other entities (nested "
                                 "expansion, a \"billion laughs\"); refusing it")
        sizes[m["name"]] = len(text)
    if (head["subset"] or b"").count(b"<!ENTITY") != len(sizes):
        raise GraphFileError(f"{path}: an entity declaration could not be read; refusing it")
    body = data[head.end():]
    grown = sum(sizes.get(m[1], 0) for m in _REFERENCE.finditer(body))
    if grown > MAX_EXPANSION:
        raise GraphFileError(f"{path}: its entity references expand to {grown:,} characters, "
                             f"more than {MAX_EXPANSION:,}; refusing it")


def _check_jsonld(path: Path) -> None:
    try:
        with path.open("rb") as f:
            document = json.load(f)
    except (ValueError, RecursionError):
        return  # not JSON: the parser says so in its own words
    for where, value in _contexts(document):
        remote = [v for v in (value if isinstance(value, list) else [value])
                  if isinstance(v, str)]
        if remote:
            raise GraphFileError(f"{path}: {where} {remote[0]!r} would be downloaded; "
                                 "nothing is fetched: put the context in the file")


def _contexts(node: object) -> Iterator[tuple[str, object]]:
    """Every ``@context`` and ``@import`` value in a JSON document."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key in ("@context", "@import"):
                    yield key, value
                stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
