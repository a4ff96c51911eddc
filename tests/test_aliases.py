"""Tests of kg.aliases: the user's aliases file, its rules and its one-line errors."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kg.aliases import AliasError, Aliases, load_aliases
from kg.model import KGError

GOOD = ("# curated by hand\n"
        "\n"
        "Trump\tDonald Trump\n"
        "Donald J.  Trump\t=\tTRUMP\n"
        "  # an indented comment\n"
        "Donald Trump\t!=\tDonald Trump Jr.\n"
        "Kim\t!=\tKim Jong-un\n"
        "Breaking David Cameron\ttype\tnone\n"
        "Brexit\ttype\tnone\n"
        "Erdogan\ttype\tperson\n"
        "Recep Tayyip Erdogan\t=\tRecep Tayyip Erdoğan\n")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "aliases.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_aliases_good_file(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    aliases = load_aliases(path)
    assert aliases.merges == {"trump": "donald trump", "donald j. trump": "donald trump",
                              "recep tayyip erdogan": "recep tayyip erdoğan"}
    assert aliases.splits == frozenset({frozenset({"donald trump", "donald trump jr."}),
                                        frozenset({"kim", "kim jong-un"})})
    assert aliases.types == {"breaking david cameron": None, "brexit": None,
                             "erdogan": "Person"}
    assert aliases.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert aliases.canonical("  donald J.   trump") == "donald trump"
    assert aliases.canonical("Mike Pompeo") == "mike pompeo"
    assert aliases.label("trump") == "Donald Trump"
    assert aliases.label("Recep Tayyip Erdogan") == "Recep Tayyip Erdoğan"
    assert aliases.group("Trump") == {"trump", "donald j. trump", "donald trump"}
    assert aliases.different("Donald J. Trump", "donald trump jr.")  # through the merge
    assert aliases.different("Kim Jong-un", "KIM")
    assert not aliases.different("Trump", "Donald Trump")
    assert not aliases.different("Kim", "Donald Trump")
    assert aliases.type_of("BREXIT") == (True, None)
    assert aliases.type_of("Trump") == (False, None)
    assert aliases


def test_aliases_empty() -> None:
    empty = Aliases.empty()
    assert not empty and empty.merges == {} and empty.splits == frozenset()
    assert empty.types == {} and empty.sha256 == hashlib.sha256(b"").hexdigest()
    assert empty.canonical("A  B") == "a b" and not empty.different("a", "b")


def test_aliases_chains_are_followed(tmp_path: Path) -> None:
    aliases = load_aliases(_write(tmp_path, "A\tB\nB\t=\tC\nC\tD\nE\tB\n"))
    assert aliases.merges == {"a": "d", "b": "d", "c": "d", "e": "d"}
    assert aliases.label("e") == "D"


def test_aliases_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "aliases.tsv"
    path.write_bytes("\ufeffPutin\tVladimir Putin\r\n".encode())
    assert load_aliases(path).merges == {"putin": "vladimir putin"}


@pytest.mark.parametrize(("text", "line", "message"), [
    ("Trump Donald Trump\n", 1, "no TAB"),
    ("# ok\nA\tB\n\nA\tB\tC\tD\n", 4, "4 fields, at most 3"),
    ("A\t=\n", 1, "'=' needs a value after another TAB"),
    ("A\t!=\n", 1, "'!=' needs a value after another TAB"),
    ("A\tis\tB\n", 1, "unknown relation 'is': use =, != or type"),
    ("\tB\n", 1, "empty NAME"),
    ("A\t=\t\n", 1, "nothing after '='"),
    ("A\ttype\tPerzon\n", 1,
     "unknown type 'Perzon': use Person, Organization, Country, Place or none"),
    ("A\t=\ta\n", 1, "'A' = itself"),
    ("A\t!=\t A \n", 1, "'A' != itself"),
    ("A\tB\nA\tC\n", 2, "'A' is merged into 'C', but line 1 merges it into 'b'"),
    ("A\ttype\tPerson\nA\ttype\tnone\n", 2, "'A' is typed none, but line 1 types it Person"),
])
def test_aliases_bad_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(AliasError) as err:
        load_aliases(path)
    assert str(err.value).startswith(f"{path}:{line}: {message}")
    assert "\n" not in str(err.value)
    assert isinstance(err.value, KGError)


@pytest.mark.parametrize(("text", "line", "cycle"), [
    ("A\tB\nB\tA\n", 2, "'a' = 'b' = 'a'"),
    ("A\tB\nX\tY\nB\t=\tC\nC\tA\n", 4, "'a' = 'b' = 'c' = 'a'"),
])
def test_aliases_merge_cycle(tmp_path: Path, text: str, line: int, cycle: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(AliasError, match="merge cycle") as err:
        load_aliases(path)
    assert str(err.value) == f"{path}:{line}: merge cycle: {cycle}"


@pytest.mark.parametrize(("text", "message"), [
    ("A\tB\nA\t!=\tB\n", ":2: 'a' != 'b' contradicts the merge into 'b' (line 1)"),
    ("A\tC\nB\tC\nB\t!=\tA\n", ":3: 'a' != 'b' contradicts the merge into 'c' (lines 1, 2)"),
    ("A\t!=\tC\nA\tB\nB\tC\n", ":1: 'a' != 'c' contradicts the merge into 'c' (line 2)"),
    ("A\ttype\tPerson\nB\ttype\tCountry\nA\tB\n",
     ":2: 'b' is typed Country, but 'a' (line 1), the same actor 'b', is typed Person"),
])
def test_aliases_contradiction(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(AliasError) as err:
        load_aliases(path)
    assert str(err.value) == f"{path}{message}"
    assert "\n" not in str(err.value)


def test_aliases_unreadable(tmp_path: Path) -> None:
    with pytest.raises(AliasError, match=r"absent\.tsv: cannot read"):
        load_aliases(tmp_path / "absent.tsv")
    latin = tmp_path / "latin.tsv"
    latin.write_bytes("Erdo\u011fan\tErdogan\nM\xfcller\tMueller\n".encode("latin-1",
                                                                         "replace"))
    with pytest.raises(AliasError, match=r"latin\.tsv: not UTF-8 text \(byte 0x"):
        load_aliases(latin)
