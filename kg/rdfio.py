"""RDF files of the store: the formats ``--format`` accepts, our prefixes, streaming
serialisation (RDF/XML made valid XML), and atomic writes (a temporary file beside the
target, renamed over it when complete).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.model import KGError

EXPORT_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE, "turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
    "nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML, "rdf": ox.RdfFormat.RDF_XML,
    "rdfxml": ox.RdfFormat.RDF_XML, "n3": ox.RdfFormat.N3,
}
"""Names accepted by ``--format`` and the file suffixes read by :meth:`Store.load_file`."""

PREFIXES = {
    "dip": "https://w3id.org/diplomacy-kg/ontology#",
    "dipr": "https://w3id.org/diplomacy-kg/resource/",
    "prov": "http://www.w3.org/ns/prov#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "schema": "https://schema.org/", "org": "http://www.w3.org/ns/org#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}


class StoreError(KGError):
    """The store cannot be opened, read or written."""


def export_format(name: str) -> ox.RdfFormat:
    fmt = EXPORT_FORMATS.get(name.lower().lstrip("."))
    if fmt is None:
        raise StoreError(f"unknown RDF format {name!r}; choose one of "
                         f"{', '.join(sorted(set(EXPORT_FORMATS)))}")
    return fmt


@contextlib.contextmanager
def atomic_file(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write into; renamed over ``path`` when the block
    ends without an error, removed when it fails (the old file stays as it was)."""
    target = Path(path)
    if target.exists() and not target.is_file():  # /dev/stdout, a FIFO: write it directly
        yield target
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and exc.filename in (None, str(tmp), tmp):
            raise OSError(exc.errno, exc.strerror or str(exc), str(target)) from exc
        raise


def _umask() -> int:
    """The process's umask, read without setting it (os.umask would change it for every
    thread for a moment); 0o022 where /proc does not say."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def write_rdf(items: Iterable[ox.Quad] | Iterable[ox.Triple], fmt: str,
              output: BinaryIO | str | Path, *, distinct: bool = False) -> None:
    """Write quads (for N-Quads, TriG, JSON-LD) or triples (for the others) in ``fmt``,
    streaming; quads given for a triple format are merged into one graph (``distinct``: the
    triples are already distinct, so nothing is held in memory)."""
    rdf_format = export_format(fmt)
    target = str(output) if isinstance(output, Path) else output
    if rdf_format.supports_datasets:
        ox.serialize(items, target, rdf_format, prefixes=PREFIXES)
        return
    triples: Iterable[ox.Triple] = (i.triple if isinstance(i, ox.Quad) else i for i in items)
    if not distinct:
        triples = dict.fromkeys(triples)
    if rdf_format == ox.RdfFormat.RDF_XML:  # XML 1.0 cannot hold a NUL or a form feed
        triples = map(_xml_triple, triples)
    prefixes = PREFIXES if rdf_format in {
        ox.RdfFormat.TURTLE, ox.RdfFormat.N3, ox.RdfFormat.RDF_XML} else None
    ox.serialize(triples, target, rdf_format, prefixes=prefixes)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_triple(triple: ox.Triple) -> ox.Triple:
    """``triple`` with the characters XML 1.0 cannot hold in its literal replaced by
    U+FFFD (RDF/XML only: the other formats escape them)."""
    o = triple.object
    if isinstance(o, ox.Literal) and _NOT_XML.search(o.value):
        value = _NOT_XML.sub("\ufffd", o.value)
        o = ox.Literal(value, language=o.language) if o.language else \
            ox.Literal(value, datatype=o.datatype)
        return ox.Triple(triple.subject, triple.predicate, o)
    return triple


def serialize_rdf(items: Iterable[ox.Quad] | Iterable[ox.Triple], fmt: str) -> bytes:
    """:func:`write_rdf` into memory."""
    out = io.BytesIO()
    write_rdf(items, fmt, out)
    return out.getvalue()
