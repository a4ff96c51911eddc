"""Input files -> :class:`~kg.model.Article`, with a clear one-line problem for bad input.

``read_inputs`` walks files and folders of ``.txt``/``.md`` articles in a stable order and
yields either an Article or an :class:`InputProblem` naming the file and what is wrong with
it (missing, empty, binary, not UTF-8 text, too large), so one broken file never stops the
others.  A first line that reads as a headline (short, no final full stop, followed by a
blank line) becomes the article's title; offsets always refer to the whole text.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.model import Article

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
DEFAULT_MAX_CHARS = 2_000_000
"""Articles longer than this are refused (spaCy's own limit is 1,000,000 per Doc)."""


@dataclass(frozen=True)
class InputProblem:
    """A file that could not be read as an article, and why (one line)."""

    source: str
    reason: str

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


def read_article(path: Path, source: str | None = None, *,
                 max_chars: int = DEFAULT_MAX_CHARS) -> Article | InputProblem:
    """Read one file; never raises for bad content, returns an InputProblem instead."""
    name = source if source is not None else str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return InputProblem(name, "no such file")
    except IsADirectoryError:
        return InputProblem(name, "is a directory")
    except OSError as exc:
        return InputProblem(name, f"cannot read: {exc.strerror or exc}")
    if not data.strip():
        return InputProblem(name, "empty file" if not data else "only whitespace")
    try:
        text = _decode(data)
    except (ValueError, UnicodeDecodeError) as exc:
        return InputProblem(name, str(exc))
    if not text.strip():
        return InputProblem(name, "only whitespace")
    if len(text) > max_chars:
        return InputProblem(name, f"too long: {len(text):,} characters, the limit is "
                                  f"{max_chars:,} (raise it with --max-chars)")
    text = text.replace("\r\n", "\n")
    return Article(source=name, text=text, title=_title(text))


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for f in sorted(filenames):
            p = Path(dirpath) / f
            if p.suffix.lower() in TEXT_SUFFIXES:
                yield p


def read_inputs(paths: Iterable[str | Path], *, max_chars: int = DEFAULT_MAX_CHARS
                ) -> Iterator[Article | InputProblem]:
    """Articles from files and folders, in a stable order; problems are yielded, not raised."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = False
            for p in _walk(path):
                found = True
                yield read_article(p, max_chars=max_chars)
            if not found:
                yield InputProblem(str(raw), "folder holds no .txt or .md articles")
        elif not path.exists():
            yield InputProblem(str(raw), "no such file or folder")
        else:
            yield read_article(path, str(raw), max_chars=max_chars)
