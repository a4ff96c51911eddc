"""Who held the top posts of the countries the news names most, and when (``data/leaders.tsv``).

An article says "the US President" or "his Russian counterpart" for a person it names
elsewhere only by name ("President Trump", "Putin").  The post facts of the text cannot tell
whose president Trump is, so "the US President" used to become the United States.  This table
fills in the country: for each person the article itself names, the posts the table gives
that person on the article's date (any date when the article has none).  It never adds a
person to a meeting: it only says which of the people named a title stands for.

>>> row = _parse_row("USA\\tpresident leader\\t2017-01-20\\t2021-01-20\\t\\tDonald Trump;Trump")
>>> row.iso3, row.heads, row.names
('USA', ('president', 'leader'), ('donald trump', 'trump'))
>>> row.held_on(_dt.date(2018, 6, 12)), row.held_on(_dt.date(2016, 6, 12)), row.held_on(None)
(True, False, True)
>>> key("Kim Jong-un"), key("François Hollande"), key("Donald J. Trump")
('kim jong un', 'francois hollande', 'donald j trump')
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kg.model import Mention

_FEMALE_CUES = frozenset({"mrs", "ms", "miss", "madam", "first lady", "lady"})
"""Forms of address that rule out a man's row ("Mrs Trump" is not the president)."""


@dataclass(frozen=True)
class Holder:
    """One term of one post: the table's row."""

    iso3: str
    heads: tuple[str, ...]
    start: _dt.date
    end: _dt.date | None
    female: bool
    names: tuple[str, ...]
    """Normalised names (see :func:`key`); a one-word name is a surname used alone."""

    def held_on(self, day: _dt.date | None) -> bool:
        return day is None or (self.start <= day and (self.end is None or day <= self.end))


@lru_cache(maxsize=8192)
def key(name: str) -> str:
    """A name as the table compares it: accents, case, dots, hyphens and apostrophes dropped."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[.\-'’‘]", " ", plain).lower().split())


def _parse_row(line: str) -> Holder:
    iso3, heads, start, end, female, names = line.rstrip("\n").split("\t")
    return Holder(iso3=iso3, heads=tuple(heads.split()), start=_dt.date.fromisoformat(start),
                  end=_dt.date.fromisoformat(end) if end else None, female=female == "f",
                  names=tuple(key(n) for n in names.split(";")))


@lru_cache(maxsize=1)
def table() -> tuple[Holder, ...]:
    text = resources.files("kg.data").joinpath("leaders.tsv").read_text(encoding="utf-8")
    return tuple(_parse_row(line) for line in text.splitlines()
                 if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _by_name() -> dict[str, tuple[Holder, ...]]:
    out: dict[str, list[Holder]] = {}
    for row in table():
        for name in row.names:
            out.setdefault(name, []).append(row)
            words = name.split()
            if len(words) > 2:  # "Donald John Trump" is also "Donald Trump"
                out.setdefault(f"{words[0]} {words[-1]}", []).append(row)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


@lru_cache(maxsize=1)
def _people() -> dict[str, int]:
    """Each full name of the table -> one number per person: the names of a row are the
    person its first name names ("Enrique Pena Nieto", "Pena Nieto"), and rows with the
    same first name are one person; a name listed for two such people ("George Bush") and
    a one-word name ("Trump") are nobody's."""
    owners: dict[str, set[str]] = {}
    for row in table():
        for name in row.names:
            owners.setdefault(name, set()).add(row.names[0])
    firsts = sorted({row.names[0] for row in table()})
    number = {f: i for i, f in enumerate(firsts)}
    return {n: number[next(iter(o))] for n, o in owners.items()
            if len(o) == 1 and " " in n}


def person_of(name: str) -> int | None:
    """The table's number for the person ``name`` names, if it is one of the table's
    names and names one person.

    >>> person_of("Pena Nieto") == person_of("Enrique Peña Nieto") != None
    True
    """
    return _people().get(key(name))


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """First words of the table's full names ("theresa" of "Theresa May")."""
    return frozenset(k.split()[0] for k in _by_name() if " " in k)


def countries_of(name: str) -> frozenset[str]:
    """The countries (ISO3) the table's leaders named ``name`` led, at any time.

    >>> sorted(countries_of("Shinzo Abe")), sorted(countries_of("Mike Pompeo"))
    (['JPN'], [])
    """
    return frozenset(r.iso3 for r in _named(name))


def _named(name: str) -> tuple[Holder, ...]:
    """The table's rows for the person ``name`` names, at any time."""
    words = key(name).split()
    found = _by_name().get(" ".join(words), ())
    if not found and len(words) > 2:  # "Donald J. Trump"
        found = _by_name().get(f"{words[0]} {words[-1]}", ())
    return found


def is_leader_name(name: str) -> bool:
    """Whether ``name`` is a full name (two words or more) of a leader in the table.

    >>> is_leader_name("Donald Trump"), is_leader_name("Melania Trump"), is_leader_name("Trump")
    (True, False, False)
    """
    k = key(name)
    return " " in k and k in _by_name()


def is_male_leader(name: str) -> bool:
    """Whether ``name`` is the full name of a leader the table knows as a man ("Mrs
    Clinton" is not "Bill Clinton").

    >>> is_male_leader("Bill Clinton"), is_male_leader("Theresa May")
    (True, False)
    >>> is_male_leader("Hillary Clinton")
    False
    """
    k = key(name)
    rows = _by_name().get(k, ()) if " " in k else ()
    return bool(rows) and not any(r.female for r in rows)


def rows_for(mention: Mention, day: _dt.date | None) -> tuple[Holder, ...]:
    """The posts the person ``mention`` names held on ``day``; none when the name is not in
    the table or names people of two countries ("King Abdullah" of Jordan and of Saudi
    Arabia, before 2015)."""
    if mention.kind != "Person":
        return ()
    rows = tuple(r for r in _named(mention.text) if r.held_on(day)
                 and not (mention.cue in _FEMALE_CUES and not r.female))
    return rows if len({r.iso3 for r in rows}) == 1 else ()


_PAST_MARKS = re.compile(r"(?:former|then|late|ex|onetime|one-time)[\s-]*$", re.IGNORECASE)
_CUE_HEADS = {"president": "president", "prime minister": "pm", "premier": "premier",
              "chancellor": "chancellor", "king": "king", "queen": "queen",
              "chairman": "chairman"}
"""Titles written before a name -> the table's head word for the post (not "vice president"
nor "former president")."""


def era(mentions: Iterable[Mention], text: str) -> _dt.date | None:
    """A day within the time an undated article was written: the middle of the longest span
    in which all the leaders it titles with a post held it at once ("President Donald
    Trump", "Prime Minister Shinzo Abe"; not "former President Bill Clinton"); None when it
    titles none the table knows, or leaders of different times.

    >>> def titled(text, *names):
    ...     return [Mention(n, text.index(n), text.index(n) + len(n), "Person", cue)
    ...             for n, cue in names]
    >>> text = "U.S. President Donald Trump met Prime Minister Shinzo Abe."
    >>> era(titled(text, ("Donald Trump", "president"), ("Shinzo Abe", "prime minister")), text)
    datetime.date(2018, 11, 18)
    >>> text = "former President Bill Clinton and President Donald Trump"
    >>> era(titled(text, ("Bill Clinton", "president"), ("Donald Trump", "president")), text)
    datetime.date(2019, 1, 20)
    >>> text = "former President Bill Clinton and President Donald Trump"
    >>> era(titled(text, ("Bill Clinton", "former president"), ("Donald Trump", "president")),
    ...     text)
    datetime.date(2019, 1, 20)
    >>> text = "President Bill Clinton met President Donald Trump"
    >>> era(titled(text, ("Bill Clinton", "president"), ("Donald Trump", "president")), text)
    """
    spans = [(_dt.date.min, _dt.date.max)]
    seen = False
    for m in mentions:
        if m.kind != "Person" or " " not in m.text or m.cue not in _CUE_HEADS:
            continue
        before = text[max(0, m.start - 60):m.start]
        at = before.lower().rfind(m.cue)
        if at < 0 or _PAST_MARKS.search(before[:at]):
            continue  # "former President Bill Clinton" says nothing of the article's time
        head = _CUE_HEADS.get(m.cue)
        rows = [(r.start, r.end or _dt.date.max) for r in _named(m.text) if head in r.heads]
        if not rows:
            continue
        seen = True
        spans = [(max(a, c), min(b, d)) for a, b in spans for c, d in rows
                 if max(a, c) <= min(b, d)]
    if not seen or not spans:
        return None
    lo, hi = max(spans, key=lambda s: min(s[1] - s[0], _OPEN_TERM))  # (not today's date:
    return lo if hi == _dt.date.max else lo + (hi - lo) / 2  # a build is reproducible)


_OPEN_TERM = _dt.timedelta(days=3650)
"""How long a term still running counts when spans are compared."""


def known_holders(mentions: Iterable[Mention], day: _dt.date | None
                  ) -> list[tuple[Mention, str, str]]:
    """(first mention of each person the table knows, title head, ISO3) for every post the
    person held on ``day``."""
    out: list[tuple[Mention, str, str]] = []
    seen: set[str] = set()
    for m in sorted(mentions, key=lambda m: m.start):
        rows = rows_for(m, day)
        if not rows or rows[0].names[0] in seen:
            continue
        seen.add(rows[0].names[0])
        out.extend((m, head, r.iso3) for r in rows for head in r.heads)
    return out
