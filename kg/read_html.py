"""A saved HTML page -> its main article text, title, date and URL, through trafilatura.

Only the bytes given are read: nothing is fetched, so a page's links, canonical URL and
images stay unvisited.  trafilatura drops navigation, comments and boilerplate (favouring
precision: a stray menu line read as a sentence makes false facts); tables are left out
too, since the pipeline reads prose.  Paragraphs are joined by a blank line,
as in the plain-text articles.  The date is the one the page's metadata states
(``article:published_time``, JSON-LD, ``<time>``, ...) without trafilatura's "extensive"
search of the body, and otherwise a "Published ..." line or dateline at the top of the
text (:func:`kg.dates.parse_published`).  trafilatura is imported on first use, so
reading plain text never pays for it.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from kg.dates import parse_published

_PROSE = re.compile(r"\w+\W+\w+\W+\w+.*[.!?][\"'”’)\]]*$", re.MULTILINE)
"""A line of three or more words ending a sentence: menus and footers have none."""


@dataclass(frozen=True)
class HtmlContent:
    """What a page holds for the pipeline: its main text and the metadata it states."""

    text: str
    title: str | None = None
    date: _dt.date | None = None
    url: str | None = None


def _iso_date(value: str | None) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value or None


def extract_html(html: str | bytes) -> HtmlContent | None:
    """The main text and metadata of an HTML page, or ``None`` if it holds no article.

    Parameters
    ----------
    html : str or bytes
        The page.  Bytes are decoded by trafilatura, which honours the page's charset.

    Returns
    -------
    HtmlContent or None
        ``None`` when no sentence of main text is found (an empty page, a menu).

    Examples
    --------
    >>> page = '''<html><head><title>Talks in Graz</title>
    ... <meta property="article:published_time" content="2019-03-12"></head>
    ... <body><nav><a href="/">Home</a></nav><article>
    ... <p>Minister Eva Lind met Envoy Karl Berg in Graz on Monday.</p>
    ... <p>Both said the talks were useful.</p></article></body></html>'''
    >>> content = extract_html(page)
    >>> print(content.text)
    Minister Eva Lind met Envoy Karl Berg in Graz on Monday.
    <BLANKLINE>
    Both said the talks were useful.
    >>> content.title, content.date
    ('Talks in Graz', datetime.date(2019, 3, 12))
    >>> extract_html("<html><body><nav>Home</nav></body></html>") is None
    True
    """
    from trafilatura import bare_extraction
    from trafilatura.settings import Document

    doc = bare_extraction(html, include_comments=False, include_tables=False,
                          favor_precision=True, with_metadata=True,
                          date_extraction_params={"extensive_search": False,
                                                  "original_date": True})
    if not isinstance(doc, Document) or not doc.text:
        return None
    text = "\n\n".join(line.strip() for line in doc.text.splitlines() if line.strip())
    if not _PROSE.search(text):
        return None
    return HtmlContent(text=text, title=_clean(doc.title),
                       date=_iso_date(doc.date) or parse_published(text),
                       url=_clean(doc.url))
