"""Tests of kg.read: files and folders -> Article, or a one-line InputProblem naming the file.

Every article text here is invented for the tests.
"""

from __future__ import annotations

import json
import socket
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from kg.model import Article
from kg.read import InputProblem, read_article, read_inputs, read_jsonl

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


def _page(body: str, head: str = "<title>Talks in Oslo</title>") -> str:
    """A small invented HTML page with a menu and a footer around ``body``."""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}</head><body>'
            '<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul>'
            f"</nav><article>{body}</article><footer><p>Example Gazette</p></footer>"
            "</body></html>")


def _line(**record: object) -> str:
    return json.dumps(record) + "\n"


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
             "c.htm", "notes.json", "README", "sub/deeper/x.txt", "aa/k.txt", "e.jsonl",
             "page.xhtml"]
    for n, name in enumerate(names):
        sentence = f"Minister Eva Lind met Envoy Karl Berg in Oslo, note {n}."
        if name.endswith((".html", ".htm")):
            _write(root / name, _page(f"<p>{sentence}</p>"))
        elif name.endswith(".jsonl"):
            _write(root / name, "".join(_line(id=f"e-{k}", text=f"{sentence} {k}")
                                        for k in (2, 1)))
        else:
            _write(root / name, sentence + "\n")
    expected = ["D.TXT", "a.md", "b.txt", "c.htm", "e.jsonl#e-2", "e.jsonl#e-1", "aa/k.txt",
                "sub/a.html", "sub/z.txt", "sub/deeper/x.txt", "sub/deeper/y.md"]
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


@pytest.mark.parametrize("contents", [[], ["page.xml", "data.json", "README", "a.csv"]],
                         ids=["empty", "no-articles"])
def test_read_inputs_folder_without_articles(tmp_path: Path, contents: list[str]) -> None:
    root = tmp_path / "nothing"
    root.mkdir()
    for name in contents:
        _write(root / name, "Minister Eva Lind met Envoy Karl Berg.\n")
    [item] = list(read_inputs([root]))
    _assert_problem(item, str(root), ".txt", ".md", ".html", ".jsonl")


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


# Dates stated at the top of a text article.

@pytest.mark.parametrize(("top", "expected"), [
    ("Published: 12 March 2019", date(2019, 3, 12)),
    ("Updated 2019-03-12", date(2019, 3, 12)),
    ("March 12, 2019", date(2019, 3, 12)),
    ("Tue 12 Mar 2019 14.05 GMT", date(2019, 3, 12)),
    ("By Rosa Tamm | 12 March 2019", date(2019, 3, 12)),
    ("OSLO, March 12, 2019 (Example News) - Lind met Berg.", date(2019, 3, 12)),
    ("OSLO, March 12 (Example News) - Lind met Berg.", None),
    ("Lind said the pact of March 12, 2019 still held.", None),
    ("Published: March 2019", None),
])
def test_read_article_date_from_top_of_text(tmp_path: Path, top: str,
                                            expected: date | None) -> None:
    path = _write(tmp_path / "dated.txt", f"Talks in Oslo\n\n{top}\n\n{TEXT}")
    article = read_article(path)
    assert isinstance(article, Article)
    assert article.date == expected
    assert article.title == "Talks in Oslo"


def test_read_article_date_only_near_the_top(tmp_path: Path) -> None:
    body = "\n\n".join(f"Paragraph {n} of the talks in Oslo." for n in range(12))
    path = _write(tmp_path / "late.txt", f"{body}\n\nPublished: 12 March 2019\n")
    article = read_article(path)
    assert isinstance(article, Article)
    assert article.date is None


# HTML pages.

ARTICLE_HTML = _page(
    "<h1>Ferry talks resume in Oslo</h1>"
    "<p>Minister Eva Lind met Envoy Karl Berg in Oslo on Monday to discuss the ferry route "
    "across the strait.</p>"
    "<p>\u201cWe made progress,\u201d Lind said after the meeting in the harbour office.</p>"
    '<div class="comments"><p>Reader42: What about the bridge plan? Nobody asked us.</p></div>',
    head='<title>Ferry talks | Example Gazette</title>'
         '<meta property="og:title" content="Ferry talks resume in Oslo">'
         '<meta property="article:published_time" content="2019-03-12T09:30:00+01:00">'
         '<link rel="canonical" href="https://gazette.example.org/2019/ferry-talks">'
         '<img src="https://images.example.org/ferry.jpg">')


def test_read_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = _write(tmp_path / "ferry.html", ARTICLE_HTML)
    article = read_article(path, "pages/ferry.html")
    assert isinstance(article, Article), article
    assert article.source == "pages/ferry.html"
    assert "Minister Eva Lind met Envoy Karl Berg in Oslo on Monday" in article.text
    assert "\u201cWe made progress,\u201d Lind said" in article.text
    for boilerplate in ("Home", "World", "Example Gazette", "Reader42", "<p>"):
        assert boilerplate not in article.text
    assert article.title == "Ferry talks resume in Oslo"
    assert article.date == date(2019, 3, 12)
    assert article.url == "https://gazette.example.org/2019/ferry-talks"


def test_read_html_never_touches_the_network(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    path = _write(tmp_path / "ferry.htm", ARTICLE_HTML)
    [article] = list(read_inputs([path]))
    assert isinstance(article, Article), article
    assert article.url is not None


@pytest.mark.parametrize("html", [
    pytest.param(_page(""), id="menu-only"),
    pytest.param("<html><head><title>Ferry talks</title></head><body></body></html>",
                 id="empty-body"),
    pytest.param("<html><body><script>var talks = 1;</script></body></html>", id="script"),
    pytest.param("Minister Eva Lind met Envoy Karl Berg in Oslo.", id="not-html"),
    pytest.param('{"text": "Minister Eva Lind met Envoy Karl Berg."}', id="json"),
])
def test_read_html_without_article_text(tmp_path: Path, html: str) -> None:
    path = _write(tmp_path / "empty.html", html)
    for item in (read_article(path), *read_inputs([path])):
        _assert_problem(item, str(path), "no article text found in the HTML")


@pytest.mark.parametrize(("data", "fragments"), [
    pytest.param(b"", ("empty",), id="empty"),
    pytest.param(b" \n\n ", ("whitespace",), id="whitespace"),
    pytest.param(PNG_HEADER, ("binary",), id="png"),
])
def test_read_html_refuses(tmp_path: Path, data: bytes, fragments: tuple[str, ...]) -> None:
    path = _write(tmp_path / "bad.html", data)
    _assert_problem(read_article(path), str(path), *fragments)


@pytest.mark.parametrize(("encoding", "charset"), [
    ("cp1252", "windows-1252"), ("utf-16", "utf-16"), ("utf-8-sig", "utf-8"),
])
def test_read_html_encodings(tmp_path: Path, encoding: str, charset: str) -> None:
    html = _page("<p>Minister Eva Lind met Envoy Karl Berg in Zürich for \u201cfrank\u201d "
                 "talks on the ferry route.</p>").replace("utf-8", charset)
    path = _write(tmp_path / "zurich.html", html.encode(encoding))
    article = read_article(path)
    assert isinstance(article, Article), article
    assert "in Zürich for \u201cfrank\u201d talks" in article.text


def test_read_html_date_from_dateline(tmp_path: Path) -> None:
    html = _page("<p>OSLO, March 12, 2019 (Example News) - Minister Eva Lind met Envoy Karl "
                 "Berg to discuss the ferry route.</p><p>They will meet again soon.</p>")
    article = read_article(_write(tmp_path / "dateline.html", html))
    assert isinstance(article, Article), article
    assert article.date == date(2019, 3, 12)


def test_read_html_no_date_is_not_guessed(tmp_path: Path) -> None:
    html = _page("<p>Minister Eva Lind met Envoy Karl Berg to discuss the ferry route.</p>"
                 "<p>The last such talks were held on April 2, 2015, Lind said.</p>")
    article = read_article(_write(tmp_path / "undated.html", html))
    assert isinstance(article, Article), article
    assert article.date is None
    assert article.url is None


def test_read_html_max_chars(tmp_path: Path) -> None:
    html = _page("".join(f"<p>Minister Eva Lind met Envoy Karl Berg in Oslo, talk {n}.</p>"
                         for n in range(20)))
    path = _write(tmp_path / "long.html", html)
    _assert_problem(read_article(path, max_chars=200), str(path), "too long", "--max-chars")
    _assert_problem(read_article(path, max_chars=20), str(path), "too large", "bytes of HTML")


# JSONL files.

def test_read_jsonl_records(tmp_path: Path) -> None:
    path = _write(tmp_path / "batch.jsonl", "".join([
        _line(id="oslo-1", text="Minister Eva Lind met Envoy Karl Berg in Oslo.",
              title="Talks in Oslo", date="2019-03-12", url="https://example.org/1",
              topic="ferries"),
        _line(id="oslo-2", text="Berg met Lind again.\r\nBoth were pleased.", title=None,
              date=None),
        _line(id="oslo-3", text="OSLO, March 14, 2019 (Example News) - Lind met Berg."),
    ]))
    items = list(read_inputs([path]))
    assert all(isinstance(item, Article) for item in items), items
    assert items == [
        Article(source=f"{path}#oslo-1", text="Minister Eva Lind met Envoy Karl Berg in Oslo.",
                title="Talks in Oslo", date=date(2019, 3, 12), url="https://example.org/1"),
        Article(source=f"{path}#oslo-2", text="Berg met Lind again.\nBoth were pleased."),
        Article(source=f"{path}#oslo-3",
                text="OSLO, March 14, 2019 (Example News) - Lind met Berg.",
                date=date(2019, 3, 14)),
    ]


GOOD = {"id": "good", "text": "Minister Eva Lind met Envoy Karl Berg in Oslo."}


@pytest.mark.parametrize(("line", "fragments"), [
    pytest.param('{"id": "x", "text": "Lind met Berg."', ("not JSON",), id="truncated"),
    pytest.param("Lind met Berg in Oslo.", ("not JSON",), id="prose"),
    pytest.param('["x", "Lind met Berg."]', ("not a JSON object", "list"), id="array"),
    pytest.param("42", ("not a JSON object", "int"), id="number"),
    pytest.param('{"text": "Lind met Berg."}', ('"id"',), id="no-id"),
    pytest.param('{"id": "", "text": "Lind met Berg."}', ('"id"',), id="empty-id"),
    pytest.param('{"id": 7.5, "text": "Lind met Berg."}', ('"id"', "float"), id="float-id"),
    pytest.param('{"id": true, "text": "Lind met Berg."}', ('"id"', "bool"), id="bool-id"),
    pytest.param('{"id": "x"}', ('"text"', "'x'"), id="no-text"),
    pytest.param('{"id": "x", "text": "  \\n "}', ('"text"',), id="blank-text"),
    pytest.param('{"id": "x", "text": ["Lind"]}', ('"text"',), id="list-text"),
    pytest.param('{"id": "x", "text": "Lind met Berg.", "title": ["a"]}',
                 ('"title"', "string"), id="list-title"),
    pytest.param('{"id": "x", "text": "Lind met Berg.", "url": 3}', ('"url"',), id="int-url"),
    pytest.param(b'{"id": "x", "text": "Z\xfcrich"}', ("not UTF-8", "0xFC"), id="latin1"),
])
def test_read_jsonl_bad_line_is_reported_and_others_kept(
        tmp_path: Path, line: str | bytes, fragments: tuple[str, ...]) -> None:
    bad = line if isinstance(line, bytes) else line.encode("utf-8")
    data = _line(**GOOD).encode() + bad + b"\n" + _line(**{**GOOD, "id": "also"}).encode()
    path = _write(tmp_path / "batch.jsonl", data)
    first, problem, last = list(read_inputs([path]))
    assert isinstance(first, Article) and first.source == f"{path}#good"
    assert isinstance(last, Article) and last.source == f"{path}#also"
    _assert_problem(problem, f"{path}:2", *fragments)


def test_read_jsonl_duplicate_id_reports_the_later(tmp_path: Path) -> None:
    path = _write(tmp_path / "dup.jsonl", "".join([
        _line(id="a", text="   "),
        _line(id="a", text="Lind met Berg in Oslo."),
        _line(id="b", text="Berg met Lind in Bergen."),
        _line(id="a", text="Lind met Berg again."),
    ]))
    items = list(read_jsonl(path, "dup.jsonl"))
    assert [type(i).__name__ for i in items] == ["InputProblem", "Article", "Article",
                                                 "InputProblem"]
    assert isinstance(items[1], Article) and items[1].text == "Lind met Berg in Oslo."
    _assert_problem(items[3], "dup.jsonl:4", "duplicate id 'a'", "line 2")


def test_read_jsonl_blank_lines_bom_and_line_numbers(tmp_path: Path) -> None:
    data = ("\ufeff" + _line(**GOOD) + "\n  \n" + "not json\n" + _line(**{**GOOD, "id": "z"})
            ).replace("\n", "\r\n")
    path = _write(tmp_path / "gaps.jsonl", data)
    items = list(read_inputs([path]))
    assert [getattr(i, "source", None) for i in items] == [f"{path}#good", f"{path}:4",
                                                           f"{path}#z"]


@pytest.mark.parametrize(("data", "fragments"), [
    pytest.param(b"", ("no records",), id="empty"),
    pytest.param(b"\n \n\n", ("no records",), id="blank-lines"),
    pytest.param(PNG_HEADER, ("binary",), id="png"),
    pytest.param(_line(**GOOD).encode("utf-16"), ("binary",), id="utf16"),
])
def test_read_jsonl_refuses_file(tmp_path: Path, data: bytes, fragments: tuple[str, ...]
                                 ) -> None:
    path = _write(tmp_path / "bad.jsonl", data)
    [item] = list(read_inputs([path]))
    _assert_problem(item, str(path), *fragments)


def test_read_jsonl_missing_and_directory(tmp_path: Path) -> None:
    _assert_problem(next(read_jsonl(tmp_path / "absent.jsonl")),
                    str(tmp_path / "absent.jsonl"), "no such file")
    (tmp_path / "dir.jsonl").mkdir()
    _assert_problem(next(read_jsonl(tmp_path / "dir.jsonl")), str(tmp_path / "dir.jsonl"),
                    "directory")


def test_read_article_refuses_jsonl(tmp_path: Path) -> None:
    path = _write(tmp_path / "batch.jsonl", _line(**GOOD))
    _assert_problem(read_article(path), str(path), "read_jsonl")


@pytest.mark.parametrize(("line", "fragments"), [
    pytest.param('{"id": "x", "text": "Lind met Berg.", "date": "12 March 2019"}',
                 ('"date"', "12 March 2019", "YYYY-MM-DD"), id="prose-date"),
    pytest.param('{"id": "x", "text": "Lind met Berg.", "date": "2019-02-30"}',
                 ('"date"', "2019-02-30"), id="impossible-date"),
    pytest.param('{"id": "x", "text": "Lind met Berg.", "date": "2019-3-12"}',
                 ('"date"',), id="short-date"),
    pytest.param('{"id": "x", "text": "Lind met Berg.", "date": 20190312}',
                 ('"date"',), id="int-date"),
])
def test_read_jsonl_bad_date_is_reported_and_the_article_kept(
        tmp_path: Path, line: str, fragments: tuple[str, ...]) -> None:
    path = _write(tmp_path / "batch.jsonl", line + "\n")
    note, article = list(read_inputs([path]))
    _assert_problem(note, f"{path}:1", *fragments, "built without it")
    assert isinstance(note, InputProblem) and note.kept
    assert article == Article(source=f"{path}#x", text="Lind met Berg.")


def test_read_jsonl_numeric_id_names_the_record(tmp_path: Path) -> None:
    path = _write(tmp_path / "batch.jsonl", '{"id": 7, "text": "Lind met Berg."}\n')
    assert list(read_jsonl(path, "batch.jsonl")) == [
        Article(source="batch.jsonl#7", text="Lind met Berg.")]


def test_read_jsonl_limits(tmp_path: Path) -> None:
    long_text = "Lind met Berg. " * 20
    huge = "x" * 70_000
    path = _write(tmp_path / "limits.jsonl", "".join([
        _line(id="long", text=long_text),
        _line(id="huge", text=huge),
        _line(**GOOD),
    ]))
    items = list(read_inputs([path], max_chars=100))
    _assert_problem(items[0], f"{path}:1", "too long", "--max-chars")
    _assert_problem(items[1], f"{path}:2", "line too long", "--max-chars")
    assert isinstance(items[2], Article) and items[2].source == f"{path}#good"


def test_read_jsonl_streams_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    text = "Minister Eva Lind met Envoy Karl Berg in Oslo. " * 60
    with path.open("w", encoding="utf-8") as f:
        for n in range(4000):
            f.write(_line(id=f"r{n}", text=text))
    size = path.stat().st_size
    tracemalloc.start()
    try:
        count = sum(1 for item in read_jsonl(path) if isinstance(item, Article))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 4000
    assert peak < size / 10, (peak, size)
