"""Tests of kg.read: files and folders -> Article, or a one-line InputProblem naming the file.

Every article text here is invented for the tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import Article
from kg.read import InputProblem, read_article, read_inputs

TEXT = ("Foreign Minister Anna Keller met with Prime Minister Tomas Novak in Vienna on Monday.\n"
        "Keller said the talks on river shipping had been useful.\n")
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _assert_problem(item: object, source: str, *fragments: str) -> InputProblem:
    """``item`` is a problem about ``source`` whose message is one line naming it."""
    assert isinstance(item, InputProblem), item
    assert item.source == source
    message = str(item)
    assert "\n" not in message and "\r" not in message, message
    assert message.startswith(source), message
    for fragment in fragments:
        assert fragment in message, message
    return item


def test_read_article_utf8(tmp_path: Path) -> None:
    path = _write(tmp_path / "keller.txt", TEXT)
    article = read_article(path)
    assert isinstance(article, Article)
    assert article.text == TEXT
    assert article.source == str(path)
    assert article.title is None


def test_read_article_source_as_given(tmp_path: Path) -> None:
    path = _write(tmp_path / "keller.txt", TEXT)
    article = read_article(path, "articles/keller.txt")
    assert isinstance(article, Article)
    assert article.source == "articles/keller.txt"


@pytest.mark.parametrize(("encoding", "bom"), [
    ("utf-8-sig", b""),
    ("utf-16", b""),
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
])
def test_read_article_decodes_bom(tmp_path: Path, encoding: str, bom: bytes) -> None:
    text = TEXT + "Novak thanked Keller for the visit to Graz and Brno — both cities agreed.\n"
    path = _write(tmp_path / "bom.txt", bom + text.encode(encoding))
    article = read_article(path)
    assert isinstance(article, Article), article
    assert article.text == text
    assert "\ufeff" not in article.text


def test_read_article_normalises_crlf(tmp_path: Path) -> None:
    path = _write(tmp_path / "crlf.txt", TEXT.replace("\n", "\r\n").encode("utf-8"))
    article = read_article(path)
    assert isinstance(article, Article)
    assert article.text == TEXT


@pytest.mark.parametrize(("data", "fragments"), [
    pytest.param(b"", ("empty",), id="empty"),
    pytest.param(b"  \n\t\r\n  \n", ("whitespace",), id="whitespace"),
    pytest.param(b"\xef\xbb\xbf\n\n", ("whitespace",), id="utf8-bom-whitespace"),
    pytest.param(b"\xff\xfe" + " \n \n".encode("utf-16-le"), ("whitespace",),
                 id="utf16-whitespace"),
    pytest.param(PNG_HEADER, ("binary",), id="png"),
    pytest.param(b"Anna Keller\x00\x00\x00\x01met", ("binary",), id="nul-bytes"),
    pytest.param("The museum pass for Vienna now costs £12, Keller said.".encode("latin-1"),
                 ("UTF-8", "0xA3"), id="latin1-pound"),
    pytest.param("Novak visited Zürich.".encode("latin-1"), ("UTF-8", "0xFC"),
                 id="latin1-umlaut"),
    pytest.param(b"\xff\xfeA", ("utf-16",), id="truncated-utf16"),
])
def test_read_article_refuses(tmp_path: Path, data: bytes, fragments: tuple[str, ...]) -> None:
    path = _write(tmp_path / "bad.txt", data)
    _assert_problem(read_article(path), str(path), *fragments)


def test_read_article_missing(tmp_path: Path) -> None:
    path = tmp_path / "absent.txt"
    _assert_problem(read_article(path), str(path), "no such file")


def test_read_article_directory(tmp_path: Path) -> None:
    path = tmp_path / "folder.txt"
    path.mkdir()
    _assert_problem(read_article(path), str(path), "directory")


def test_read_problem_str_is_one_line_for_odd_names(tmp_path: Path) -> None:
    path = _write(tmp_path / "two\nlines\r.txt", b"")
    problem = read_article(path)
    assert isinstance(problem, InputProblem)
    message = str(problem)
    assert len(message.splitlines()) == 1, message
    assert "two" in message and "lines" in message and "empty" in message


@pytest.mark.parametrize("kind", ["missing-file", "missing-folder"])
def test_read_inputs_missing_path(tmp_path: Path, kind: str) -> None:
    raw = str(tmp_path / ("nope.txt" if kind == "missing-file" else "nope"))
    [item] = list(read_inputs([raw]))
    _assert_problem(item, raw, "no such file")


def test_read_inputs_file_keeps_source_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                ) -> None:
    _write(tmp_path / "in" / "keller.txt", TEXT)
    monkeypatch.chdir(tmp_path)
    [article] = list(read_inputs(["in/keller.txt"]))
    assert isinstance(article, Article)
    assert article.source == "in/keller.txt"


def test_read_inputs_folder_order_and_suffixes(tmp_path: Path) -> None:
    root = tmp_path / "articles"
    names = ["sub/deeper/y.md", "sub/z.txt", "sub/a.html", "b.txt", "a.md", "D.TXT",
             "c.html", "notes.json", "README", "sub/deeper/x.txt", "aa/k.txt"]
    for n, name in enumerate(names):
        _write(root / name, f"Minister Eva Lind met Envoy Karl Berg in Oslo, note {n}.\n")
    expected = ["D.TXT", "a.md", "b.txt", "aa/k.txt", "sub/z.txt", "sub/deeper/x.txt",
                "sub/deeper/y.md"]
    first = list(read_inputs([root]))
    assert all(isinstance(item, Article) for item in first), first
    assert [Path(a.source).relative_to(root).as_posix() for a in first] == expected
    assert [a.source for a in read_inputs([root])] == [a.source for a in first]


def test_read_inputs_mixed_good_and_bad_keeps_going(tmp_path: Path) -> None:
    root = tmp_path / "mixed"
    _write(root / "1_empty.txt", b"")
    _write(root / "2_good.txt", TEXT)
    _write(root / "3_image.txt", PNG_HEADER)
    _write(root / "4_latin1.txt", "Entry costs £3.".encode("latin-1"))
    _write(root / "5_good.md", "Envoy Karl Berg met Minister Eva Lind in Oslo on Friday.\n")
    items = list(read_inputs([root, tmp_path / "missing.txt"]))
    kinds = [type(item).__name__ for item in items]
    assert kinds == ["InputProblem", "Article", "InputProblem", "InputProblem", "Article",
                     "InputProblem"]
    for item in items:
        if isinstance(item, InputProblem):
            assert len(str(item).splitlines()) == 1
            assert Path(item.source).name in str(item)


@pytest.mark.parametrize("contents", [[], ["page.html", "data.json", "README"]],
                         ids=["empty", "no-articles"])
def test_read_inputs_folder_without_articles(tmp_path: Path, contents: list[str]) -> None:
    root = tmp_path / "nothing"
    root.mkdir()
    for name in contents:
        _write(root / name, "Minister Eva Lind met Envoy Karl Berg.\n")
    [item] = list(read_inputs([root]))
    _assert_problem(item, str(root), ".txt", ".md")


@pytest.mark.parametrize(("extra", "ok"), [(0, True), (1, False)])
def test_read_article_max_chars(tmp_path: Path, extra: int, ok: bool) -> None:
    limit = 500
    text = ("Anna Keller met Tomas Novak. " * 40)[: limit + extra]
    path = _write(tmp_path / "long.txt", text)
    for item in (read_article(path, max_chars=limit),
                 *read_inputs([path], max_chars=limit)):
        if ok:
            assert isinstance(item, Article)
            assert len(item.text) == limit
        else:
            _assert_problem(item, str(path), "too long", "--max-chars", f"{limit + 1}")


@pytest.mark.parametrize(("text", "title"), [
    ("Talks in Vienna\n\n" + TEXT, "Talks in Vienna"),
    ("\n\n  Talks in Vienna\n\n" + TEXT, "Talks in Vienna"),
    ("Talks in Vienna   \n\n" + TEXT, "Talks in Vienna"),
    ("Talks in Vienna\n   \n" + TEXT, "Talks in Vienna"),
    ("Talks in Vienna\r\n\r\n" + TEXT, "Talks in Vienna"),
    (TEXT.replace("\n", "\n\n", 1), None),
    ("Talks in Vienna\n" + TEXT, None),
    ("Will the talks in Vienna resume?\n\n" + TEXT, None),
    ("Keller: " + "very long headline " * 12 + "\n\n" + TEXT, None),
    ("Talks in Vienna", None),
])
def test_read_article_title(tmp_path: Path, text: str, title: str | None) -> None:
    path = _write(tmp_path / "titled.txt", text)
    article = read_article(path)
    assert isinstance(article, Article)
    assert article.title == title
    assert article.text == text.replace("\r\n", "\n")
