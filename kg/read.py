"""Input files -> :class:`~kg.model.Article`, with a clear one-line problem for bad input.

``read_inputs`` walks files and folders of articles in a stable order and yields either
an Article or an :class:`InputProblem` naming the input and what is wrong with it
(missing, empty, binary, not UTF-8 text, too large, no article in it), so one broken
file never stops the others.  It reads:

- ``.txt`` / ``.md`` text: a first line that reads as a headline (short, no final full
  stop, followed by a blank line) becomes the title; a "Published: ..." line, a date
  line, byline or dateline at the top gives the date (:func:`kg.dates.parse_published`).
- ``.html`` / ``.htm`` pages: the main text, title, date and URL through trafilatura
  (:mod:`kg.read_html`), offline.
- ``.jsonl`` files, streamed line by line: one article per line, an object with ``id``
  and ``text`` (non-empty strings) and optional ``title``, ``url`` and ``date``
  (``"YYYY-MM-DD"`` or null).  The article's source is the file and the record's ``id``
  (``wire.jsonl#42``), so ids of two files never collide.  A bad line is a problem named
  ``<file>:<line>``; the other lines are still read (a bad optional ``date`` is reported
  and dropped, the article kept).

An article's date is the one its format states (the JSONL field, the page's metadata),
else one stated at the top of its text; it is never guessed.  Offsets always refer to
the whole text the Article carries.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from kg.dates import parse_published
from kg.model import Article
from kg.read_html import extract_html

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
INPUT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
"""What a folder is searched for; a file named on its own is read whatever its suffix."""
DEFAULT_MAX_CHARS = 2_000_000
"""Articles longer than this are refused (spaCy's own limit is 1,000,000 per Doc)."""
HTML_BYTES_PER_CHAR = 10
"""An HTML page may hold this many bytes of markup per character of the text limit."""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class InputProblem:
    """A file (or a JSONL line, ``<file>:<line>``) that is not an article, and why (one line)."""

    source: str
    reason: str
    kept: bool = field(default=False, repr=False)
    """True when the input was still built (only part of it, such as a date, was bad)."""

    def __str__(self) -> str:
        source = "".join(c if c.isprintable() else repr(c)[1:-1] for c in self.source)
        return f"{source}: {self.reason}"


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else is refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes), not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02X} at offset {exc.start}); "
            "convert it with iconv -t UTF-8"
        ) from None


def _title(text: str) -> str | None:
    first, sep, rest = text.lstrip().partition("\n")
    first = first.strip()
    blank, newline, _ = rest.partition("\n")
    if sep and newline and not blank.strip() and 0 < len(first) <= 200 and (
            not first.endswith((".", "!", "?", '"', "”"))):
        return first
    return None


def _too_long(name: str, length: int, max_chars: int) -> InputProblem:
    return InputProblem(name, f"too long: {length:,} characters, the limit is "
                              f"{max_chars:,} (raise it with --max-chars)")


def _read_bytes(path: Path, name: str, limit: int | None = None) -> bytes | InputProblem:
    """The file's bytes, or a problem; a file over ``limit`` bytes is refused before it is
    read (by its size, and by reading at most ``limit + 1`` bytes when it has none: a device
    such as /dev/zero), and a FIFO, socket or device named directly is never opened."""
    try:
        if _special(path):
            return InputProblem(name, "not a regular file (a FIFO, socket or device)")
        size = path.stat().st_size
        if limit is None or size <= limit:
            with path.open("rb") as f:
                data = f.read(limit + 1) if limit is not None else f.read()
            size = len(data)
        if limit is not None and size > limit:  # not read (or not past the limit)
            over = "over " if size == limit + 1 else ""
            if path.suffix.lower() in HTML_SUFFIXES:
                return InputProblem(name, f"too large: {over}{size:,} bytes of HTML, the "
                                          f"limit is {limit:,} (raise it with --max-chars)")
            return InputProblem(name, f"too long: {over}{size:,} bytes, more than the "
                                      f"character limit allows ({limit:,} bytes; raise it "
                                      "with --max-chars)")
    except FileNotFoundError:
        if path.is_symlink():
            return InputProblem(name, f"broken symbolic link (to {os.readlink(path)!r})")
        return InputProblem(name, "no such file")
    except IsADirectoryError:
        return InputProblem(name, "is a directory")
    except OSError as exc:
        return InputProblem(name, f"cannot read: {exc.strerror or exc}")
    if not data.strip():
        return InputProblem(name, "empty file" if not data else "only whitespace")
    return data


def _html_article(data: bytes, name: str, max_chars: int) -> Article | InputProblem:
    limit = HTML_BYTES_PER_CHAR * max_chars
    if len(data) > limit:
        return InputProblem(name, f"too large: {len(data):,} bytes of HTML, the limit is "
                                  f"{limit:,} (raise it with --max-chars)")
    html: str | bytes = data
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            html = _decode(data)
        except (ValueError, UnicodeDecodeError) as exc:
            return InputProblem(name, str(exc))
    elif b"\x00" in data[:8192]:
        return InputProblem(name, "binary file (contains NUL bytes), not an HTML page")
    if b"window.kgVisibleNodes" in data:  # "kg build ." finding its own out/graph.html
        return InputProblem(name, "a who-met-whom page written by kg, not an article")
    content = extract_html(html)  # any other charset: trafilatura reads the page's own
    if content is None:
        return InputProblem(name, "no article text found in the HTML")
    if len(content.text) > max_chars:
        return _too_long(name, len(content.text), max_chars)
    return Article(source=name, text=content.text, title=content.title, date=content.date,
                   url=content.url)


def read_article(path: Path, source: str | None = None, *,
                 max_chars: int = DEFAULT_MAX_CHARS) -> Article | InputProblem:
    """Read one text or HTML article; never raises for bad content.

    Parameters
    ----------
    path : Path
        The file.  ``.html``/``.htm`` is read as a web page, anything else as text.
    source : str, optional
        The name to give the article and its problems (default: ``str(path)``).
    max_chars : int
        Longer articles are refused.

    Returns
    -------
    Article or InputProblem
        The article, or a one-line reason it could not be read.  A ``.jsonl`` file holds
        many articles: it is a problem here; read it with :func:`read_jsonl`.

    Examples
    --------
    >>> read_article(Path("no/such/file.txt"))
    InputProblem(source='no/such/file.txt', reason='no such file')
    """
    name = source if source is not None else str(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        return InputProblem(name, "a JSONL file holds many articles; read it with read_jsonl")
    html = path.suffix.lower() in HTML_SUFFIXES
    # a character takes at most 4 bytes of UTF-8 (2 of UTF-16); a page has its markup too
    data = _read_bytes(path, name, HTML_BYTES_PER_CHAR * max_chars if html else 4 * max_chars + 4)
    if isinstance(data, InputProblem):
        return data
    if html:
        return _html_article(data, name, max_chars)
    try:
        text = _decode(data)
    except (ValueError, UnicodeDecodeError) as exc:
        return InputProblem(name, str(exc))
    if not text.strip():
        return InputProblem(name, "only whitespace")
    if len(text) > max_chars:
        return _too_long(name, len(text), max_chars)
    text = text.replace("\r\n", "\n")
    return Article(source=name, text=text, title=_title(text), date=parse_published(text))


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    """``record[key]`` as a one-line string, ``None`` if absent, null or blank."""
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f'"{key}" must be a string or null, not {type(value).__name__}')
    return " ".join(value.split()) or None


def _iso_date(record: dict[str, Any]) -> _dt.date | None:
    value = record.get("date")
    if value is None:
        return None
    try:
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            return _dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise ValueError(f'bad "date" {str(value)[:40]!r} (YYYY-MM-DD or null)')


def _record(raw: bytes, where: str, seen: dict[str, int], line: int, max_chars: int,
            source: str, notes: list[InputProblem]) -> Article | InputProblem:
    """One JSONL line -> an Article, or the one-line reason it is not one (a problem that
    leaves the article standing, such as a bad optional date, is added to ``notes``)."""
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return InputProblem(where, f"not UTF-8 text (byte 0x{raw[exc.start]:02X} at column "
                                   f"{exc.start + 1})")
    except json.JSONDecodeError as exc:
        return InputProblem(where, f"not JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return InputProblem(where, "not JSON: nested too deeply")
    if not isinstance(record, dict):
        return InputProblem(where, f"not a JSON object but {type(record).__name__}")
    rid, text = record.get("id"), record.get("text")
    if isinstance(rid, int) and not isinstance(rid, bool):
        rid = str(rid)  # a numeric id names the record as well as a string does
    if not isinstance(rid, str) or not rid.strip():
        found = "missing" if rid is None else f"not a string but {type(rid).__name__}" \
            if not isinstance(rid, str) else "empty"
        return InputProblem(where, f'"id" is {found} (a non-empty string or an integer)')
    broken = next((k for k in ("id", "text", "title", "url")
                   if isinstance(record.get(k), str) and _surrogate(record[k])), None)
    if broken is not None:
        return InputProblem(where, f'"{broken}" holds a lone surrogate escape (such as '
                                   '\\ud800), which is no character')
    if rid in seen:
        return InputProblem(where, f"duplicate id {rid!r} (first on line {seen[rid]})")
    if not isinstance(text, str) or not text.strip():
        return InputProblem(where, f'record {rid!r}: missing or empty "text"')
    if len(text) > max_chars:
        return _too_long(where, len(text), max_chars)
    try:
        title = _optional_str(record, "title")
        url = _optional_str(record, "url")
    except ValueError as exc:
        return InputProblem(where, f"record {rid!r}: {exc}")
    try:
        date = _iso_date(record)
    except ValueError as exc:  # the optional date is dropped, not the article
        notes.append(InputProblem(where, f"record {rid!r}: {exc}; built without it",
                                  kept=True))
        date = None
    seen[rid] = line
    text = text.replace("\r\n", "\n")
    return Article(source=record_source(source, rid), text=text, title=title,
                   date=date or parse_published(text), url=url)


def record_source(file: str, rid: str) -> str:
    """A JSONL record's source: its file and its id, so two files' ids never collide.

    >>> record_source("wire/a.jsonl", "1")
    'wire/a.jsonl#1'
    """
    return f"{file}#{rid}"


def _surrogate(text: str) -> bool:
    """True when ``text`` holds a lone surrogate (JSON's ``\\ud800``), which UTF-8 cannot
    encode."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _lines(f: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The file's lines; ``None`` for a line longer than ``limit`` bytes (skipped)."""
    while raw := f.readline(limit):
        if len(raw) < limit or raw.endswith(b"\n"):
            yield raw
            continue
        while (rest := f.readline(limit)) and not rest.endswith(b"\n"):
            pass
        yield None


def read_jsonl(path: Path, source: str | None = None, *,
               max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | InputProblem]:
    """The articles of a JSONL file, streamed a line at a time; never raises for bad content.

    Parameters
    ----------
    path : Path
        The file: UTF-8, one JSON object per line; blank lines are skipped.
    source : str, optional
        The file's name in problems (default: ``str(path)``); a line's problem is named
        ``<source>:<line number>``.
    max_chars : int
        Longer texts are refused.

    Yields
    ------
    Article or InputProblem
        One per non-blank line in file order (the Article's source is ``<source>#<id>``),
        or one problem for the whole file when it cannot be read at all.

    Examples
    --------
    >>> list(read_jsonl(Path("no/such/file.jsonl")))
    [InputProblem(source='no/such/file.jsonl', reason='no such file')]
    """
    name = source if source is not None else str(path)
    limit = 6 * max_chars + 65_536  # a character may take six bytes as a JSON escape
    seen: dict[str, int] = {}
    records = 0
    if _special(path):
        yield InputProblem(name, "not a regular file (a FIFO, socket or device)")
        return
    try:
        with path.open("rb") as f:
            if b"\x00" in f.read(8192):
                yield InputProblem(name, "binary file (contains NUL bytes), not UTF-8 JSON lines")
                return
            f.seek(0)
            for number, raw in enumerate(_lines(f, limit), start=1):
                where = f"{name}:{number}"
                if raw is None:
                    yield InputProblem(where, f"line too long: over {limit:,} bytes "
                                              "(raise the limit with --max-chars)")
                    records += 1
                    continue
                if number == 1:
                    raw = raw.removeprefix(b"\xef\xbb\xbf")
                if raw.strip():
                    records += 1
                    notes: list[InputProblem] = []
                    item = _record(raw, where, seen, number, max_chars, name, notes)
                    yield from notes
                    yield item
    except FileNotFoundError:
        yield InputProblem(name, "no such file")
        return
    except IsADirectoryError:
        yield InputProblem(name, "is a directory")
        return
    except OSError as exc:
        yield InputProblem(name, f"cannot read: {exc.strerror or exc}")
        return
    if not records:
        yield InputProblem(name, "no records (empty file or only blank lines)")


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for f in sorted(filenames):
            p = Path(dirpath) / f
            if p.suffix.lower() in INPUT_SUFFIXES:
                yield p


def _special(path: Path) -> bool:
    """A FIFO, socket or device (or a link to one): found in a folder, it is not read."""
    return path.exists() and not path.is_file() and not path.is_dir()


def _read_file(path: Path, name: str, max_chars: int) -> Iterator[Article | InputProblem]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl(path, name, max_chars=max_chars)
    else:
        yield read_article(path, name, max_chars=max_chars)


def read_inputs(paths: Iterable[str | Path], *, max_chars: int = DEFAULT_MAX_CHARS
                ) -> Iterator[Article | InputProblem]:
    """Articles from files and folders, in a stable order; problems are yielded, not raised.

    Parameters
    ----------
    paths : iterable of str or Path
        Files (read whatever their suffix: ``.jsonl`` as JSON lines, ``.html``/``.htm``
        as pages, anything else as text) and folders (searched recursively, in sorted
        order, for the suffixes in :data:`INPUT_SUFFIXES`).
    max_chars : int
        Longer articles are refused.

    Yields
    ------
    Article or InputProblem
        In the order of ``paths``, then of sorted file names, then of JSONL lines.

    Examples
    --------
    >>> [str(item) for item in read_inputs(["no/such/folder"])]
    ['no/such/folder: no such file or folder']
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = False
            for p in _walk(path):
                found = True
                if _surrogate(str(p)):  # os.walk keeps undecodable bytes as surrogates
                    yield InputProblem(str(p), "file name is not UTF-8; rename it")
                elif _special(p):  # reading a FIFO blocks, a device never ends
                    yield InputProblem(str(p), "not a regular file (a FIFO, socket or device)")
                else:
                    yield from _read_file(p, str(p), max_chars)
            if not found:
                yield InputProblem(str(raw), "folder holds no .txt, .md, .html or .jsonl "
                                             "articles")
        elif not path.exists():
            yield InputProblem(str(raw), "no such file or folder")
        else:
            yield from _read_file(path, str(raw), max_chars)


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many articles ``read_inputs`` will yield at most (files, plus JSONL lines), found
    without decoding anything: the total of a progress bar."""
    total = 0
    for raw in paths:
        path = Path(raw)
        files = _walk(path) if path.is_dir() else [path] if path.is_file() else []
        for f in files:
            if f.suffix.lower() in JSONL_SUFFIXES and not _special(f):
                try:
                    with f.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total
