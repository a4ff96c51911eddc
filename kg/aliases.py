"""The user's aliases file: which names are one actor, which are never one, and which type
an actor has (or that a name is no actor at all).

The file is UTF-8 text, one rule a line, fields separated by a TAB; blank lines and lines
starting with ``#`` are ignored.  Names are compared ignoring case and runs of spaces.

=================================  ============================================================
``NAME<TAB>CANONICAL``             the actor called NAME is the actor called CANONICAL
``NAME<TAB>=<TAB>CANONICAL``       the same (force a merge; CANONICAL's label wins)
``NAME<TAB>!=<TAB>OTHER``          never the same actor (force a split)
``NAME<TAB>type<TAB>KIND``         KIND is Person, Organization, Country, Place, or ``none``
                                   (not an actor at all: junk)
=================================  ============================================================

Merges chain (``A = B`` and ``B = C`` make A, B and C one actor, labelled C).  A malformed
line, a merge cycle, a merge that contradicts a split and two types for one actor are each an
:class:`AliasError` naming the file and line.

Examples
--------
>>> import tempfile, os
>>> text = ("# who is who\\n"
...         "Trump\\tDonald Trump\\n"
...         "Donald J. Trump\\t=\\tTrump\\n"
...         "Donald Trump\\t!=\\tDonald Trump Jr.\\n"
...         "Breaking David Cameron\\ttype\\tnone\\n")
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = os.path.join(tmp, "aliases.tsv")
...     with open(path, "w", encoding="utf-8") as f:
...         _ = f.write(text)
...     aliases = load_aliases(path)
>>> aliases.canonical("donald  J. TRUMP")
'donald trump'
>>> aliases.label("donald j. trump")
'Donald Trump'
>>> aliases.different("Trump", "Donald Trump Jr.")
True
>>> aliases.types
{'breaking david cameron': None}
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import KGError
from kg.names import norm

__all__ = ["KINDS", "AliasError", "Aliases", "load_aliases", "normalise", "parse_aliases"]

KINDS = ("Person", "Organization", "Country", "Place")
"""The types a ``type`` line may force (besides ``none``)."""

MERGE, SPLIT, TYPE = "=", "!=", "type"


class AliasError(KGError):
    """The aliases file cannot be read, or a line of it is malformed or contradicts another."""


def normalise(name: str) -> str:
    """``name`` as aliases compare it: case folded, runs of whitespace as one space.

    >>> normalise("  Donald   J. TRUMP ")
    'donald j. trump'
    """
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Aliases:
    """The rules of an aliases file, names normalised (see :func:`normalise`)."""

    merges: dict[str, str] = field(default_factory=dict)
    """Name -> the canonical name it is merged into, chains followed (A=B, B=C: A -> C)."""
    splits: frozenset[frozenset[str]] = frozenset()
    """Pairs of names that are never the same actor."""
    types: dict[str, str | None] = field(default_factory=dict)
    """Name -> forced type (one of :data:`KINDS`), or None: not an actor."""
    sha256: str = hashlib.sha256(b"").hexdigest()
    """Hash of the file's bytes, so a build can tell the rules changed."""
    labels: dict[str, str] = field(default_factory=dict)
    """Normalised name -> the name as the file first spells it (CANONICAL's label wins)."""

    @classmethod
    def empty(cls) -> Aliases:
        """No rules at all.

        >>> Aliases.empty().canonical("Mike  Pompeo")
        'mike pompeo'
        """
        return cls()

    def __bool__(self) -> bool:
        return bool(self.merges or self.splits or self.types)

    def canonical(self, name: str) -> str:
        """The normalised canonical name of ``name`` (itself, normalised, when not merged)."""
        key = normalise(name)
        return self.merges.get(key, key)

    def label(self, name: str) -> str:
        """The label of ``name``'s canonical actor as the file spells it (else ``name``)."""
        return self.labels.get(self.canonical(name), " ".join(name.split()))

    def group(self, name: str) -> frozenset[str]:
        """Every normalised name merged with ``name``, its canonical name included.

        >>> sorted(Aliases({"trump": "donald trump"}).group("Donald Trump"))
        ['donald trump', 'trump']
        """
        root = self.canonical(name)
        return frozenset({root, *(n for n, c in self.merges.items() if c == root)})

    def groups(self) -> dict[str, frozenset[str]]:
        """Canonical name -> its whole group, for every canonical name some name merges into."""
        return {root: self.group(root) for root in sorted(set(self.merges.values()))}

    def different(self, a: str, b: str) -> bool:
        """Whether a split rule keeps ``a`` and ``b`` apart (merges followed both ways)."""
        pair = {self.canonical(a), self.canonical(b)}
        return any({self.canonical(x) for x in split} == pair for split in self.splits)

    def type_of(self, name: str) -> tuple[bool, str | None]:
        """``(forced, kind)``: the type a rule forces on ``name``'s group, if any rule does.

        ``kind`` None with ``forced`` True means "not an actor".

        >>> Aliases(types={"brexit": None}).type_of("BREXIT")
        (True, None)
        >>> Aliases().type_of("Brexit")
        (False, None)
        """
        for member in sorted(self.group(name), key=lambda n: n != self.canonical(name)):
            if member in self.types:
                return True, self.types[member]
        return False, None


def _fields(raw: str) -> list[str]:
    return [" ".join(f.split()) for f in raw.split("\t")]


def _parse_line(fields: list[str]) -> tuple[str, str, str]:
    """``(name, relation, other)`` of one rule line; ValueError says what is wrong."""
    if len(fields) == 1:
        raise ValueError("no TAB: expected NAME<TAB>CANONICAL, NAME<TAB>=<TAB>CANONICAL, "
                         "NAME<TAB>!=<TAB>OTHER or NAME<TAB>type<TAB>KIND")
    if len(fields) > 3:
        raise ValueError(f"{len(fields)} fields, at most 3 (NAME, relation, value)")
    name = fields[0]
    if len(fields) == 2:
        relation, other = MERGE, fields[1]
        if other.casefold() in (MERGE, SPLIT, TYPE):
            raise ValueError(f"{other!r} needs a value after another TAB")
    else:
        relation, other = fields[1].casefold(), fields[2]
        if relation not in (MERGE, SPLIT, TYPE):
            raise ValueError(f"unknown relation {fields[1]!r}: use =, != or type")
    if not name:
        raise ValueError("empty NAME")
    if not other:
        raise ValueError(f"nothing after {relation!r}")
    if relation == TYPE:
        kinds = {k.casefold(): k for k in KINDS}
        if other.casefold() != "none" and other.casefold() not in kinds:
            raise ValueError(f"unknown type {other!r}: use {', '.join(KINDS)} or none")
        other = kinds.get(other.casefold(), "none")
    elif normalise(name) == normalise(other):
        raise ValueError(f"{name!r} {relation} itself")
    return name, relation, other


def parse_aliases(text: str, source: str = "<aliases>") -> Aliases:
    """The :class:`Aliases` of ``text`` (the file's content); ``source`` names it in errors.

    >>> parse_aliases("A\\t=\\tB\\nB\\tC\\n").merges
    {'a': 'c', 'b': 'c'}
    >>> parse_aliases("A\\tB\\nB\\tA\\n", "aliases.tsv")
    Traceback (most recent call last):
    ...
    kg.aliases.AliasError: aliases.tsv:2: merge cycle: 'a' = 'b' = 'a'
    >>> parse_aliases("A B\\n", "aliases.tsv")
    Traceback (most recent call last):
    ...
    kg.aliases.AliasError: aliases.tsv:1: no TAB: expected NAME<TAB>CANONICAL, \
NAME<TAB>=<TAB>CANONICAL, NAME<TAB>!=<TAB>OTHER or NAME<TAB>type<TAB>KIND
    """
    direct: dict[str, tuple[str, int]] = {}  # name -> (canonical, line)
    splits: dict[frozenset[str], int] = {}
    types: dict[str, tuple[str | None, int]] = {}
    labels: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        where = f"{source}:{number}"
        try:
            name, relation, other = _parse_line(_fields(raw))
        except ValueError as exc:
            raise AliasError(f"{where}: {exc}") from None
        key = normalise(name)
        labels.setdefault(key, name)
        if relation == TYPE:
            kind = None if other == "none" else other
            if key in types and types[key][0] != kind:
                raise AliasError(f"{where}: {name!r} is typed {other}, but line "
                                 f"{types[key][1]} types it {types[key][0] or 'none'}")
            types.setdefault(key, (kind, number))
            continue
        target = normalise(other)
        if relation == MERGE:
            labels[target] = other  # CANONICAL's spelling wins
            if key in direct and direct[key][0] != target:
                raise AliasError(f"{where}: {name!r} is merged into {other!r}, but line "
                                 f"{direct[key][1]} merges it into {direct[key][0]!r}")
            direct.setdefault(key, (target, number))
        else:
            labels.setdefault(target, other)
            splits.setdefault(frozenset({key, target}), number)
    merges = _follow(direct, source)
    _check(merges, direct, splits, types, source)
    return Aliases(merges=merges, splits=frozenset(splits),
                   types={k: v[0] for k, v in types.items()},
                   sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), labels=labels)


def _follow(direct: Mapping[str, tuple[str, int]], source: str) -> dict[str, str]:
    """Each merged name -> the end of its chain; a cycle is an error at its last line."""
    merges: dict[str, str] = {}
    for start in direct:
        seen = [start]
        node = start
        while node in direct:
            node = direct[node][0]
            if node in seen:
                cycle = [*seen[seen.index(node):], node]
                line = max(direct[n][1] for n in cycle[:-1])
                raise AliasError(f"{source}:{line}: merge cycle: "
                                 + " = ".join(repr(n) for n in cycle))
            seen.append(node)
        merges[start] = node
    return dict(sorted(merges.items()))


def _check(merges: Mapping[str, str], direct: Mapping[str, tuple[str, int]],
           splits: Mapping[frozenset[str], int],
           types: Mapping[str, tuple[str | None, int]], source: str) -> None:
    """Contradictions between rules: a split inside one merge group, two types in one."""
    for pair, line in splits.items():
        a, b = sorted(pair)
        root = merges.get(a, a)
        if root == merges.get(b, b):
            via = sorted(direct[n][1] for n in pair if n in direct)
            raise AliasError(f"{source}:{line}: {a!r} != {b!r} contradicts the merge into "
                             f"{root!r} (line{'s' if len(via) > 1 else ''} "
                             f"{', '.join(map(str, via))})")
    kinds: dict[str, tuple[str, str | None, int]] = {}
    for name, (kind, line) in sorted(types.items(), key=lambda kv: kv[1][1]):
        root = merges.get(name, name)
        if root in kinds and kinds[root][1] != kind:
            first, other, at = kinds[root]
            raise AliasError(f"{source}:{line}: {name!r} is typed {kind or 'none'}, but "
                             f"{first!r} (line {at}), the same actor {root!r}, is typed "
                             f"{other or 'none'}")
        kinds.setdefault(root, (name, kind, line))


def load_aliases(path: str | Path) -> Aliases:
    """Read and check the aliases file at ``path``.

    Raises
    ------
    AliasError
        When the file cannot be read, is not UTF-8, or a rule is malformed or contradicts
        another (the message names ``file:line``).
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise AliasError(f"{p}: cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AliasError(f"{p}: not UTF-8 text (byte 0x{data[exc.start]:02X} at offset "
                         f"{exc.start})") from None
    parsed = parse_aliases(text, str(p))
    return Aliases(merges=parsed.merges, splits=parsed.splits, types=parsed.types,
                   sha256=hashlib.sha256(data).hexdigest(), labels=parsed.labels)


class AliasView:
    """What :class:`Identity` needs of a user's aliases file (see :mod:`kg.aliases`)."""

    def canonical(self, name: str) -> str:
        return name

    def different(self, a: str, b: str) -> bool:
        return False

    def kind(self, name: str) -> tuple[bool, str | None]:
        """(forced?, kind or None for "no actor")."""
        return False, None


class AliasRules(AliasView):
    """A user's aliases file (:class:`kg.aliases.Aliases`) in the terms identity compares
    names in (:func:`norm`: accents folded, hyphens as spaces)."""

    def __init__(self, aliases: Aliases) -> None:
        self.merges = {norm(k): norm(v) for k, v in aliases.merges.items()}
        self.splits = {frozenset(norm(n) for n in pair) for pair in aliases.splits}
        self.types: dict[str, str | None] = {}
        for name, kind in aliases.types.items():
            for member in aliases.group(name):
                self.types.setdefault(norm(member), kind)
            self.types[norm(name)] = kind
        self.names = frozenset(self.merges) | frozenset(self.merges.values()) | \
            frozenset(n for pair in self.splits for n in pair) | frozenset(self.types)
        """Every name a rule speaks of: the articles that mention one are built again."""

    def canonical(self, name: str) -> str:
        return self.merges.get(name, name)

    def different(self, a: str, b: str) -> bool:
        return frozenset({self.canonical(a), self.canonical(b)}) in {
            frozenset(self.canonical(n) for n in pair) for pair in self.splits}

    def kind(self, name: str) -> tuple[bool, str | None]:
        for n in (name, self.canonical(name)):
            if n in self.types:
                return True, self.types[n]
        return False, None
