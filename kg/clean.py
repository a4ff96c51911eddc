"""Web page furniture out of news text before it is parsed, with an offset map back.

Scraped news carries text that is not news: one outlet's hover cards glued into sentences
("Rex Tillerson Rex Wayne TillersonSomeone: 'headline' ... MORE and"), picture furniture
("Image copyright AFP Image caption", "Photographer: Name/Agency", "(AP Photo/Name)"), link
and share lines ("Read more: ...", "Click here ...", "Sign up ..."), and datelines
("TOKYO (AP) —").  :func:`clean` finds them with compiled regular expressions and deletes
them; nothing is ever inserted, so the cleaned text is a concatenation of pieces of the
original and :class:`Cleaned` maps any offset back with one bisect.  A dateline is
removed from the text but kept as the place of the report (:attr:`Cleaned.dateline`).

Captions are kept: "Image copyright AFP Image caption Kim and Moon met in Panmunjom" leaves
"Kim and Moon met in Panmunjom".  Line breaks are never removed, so paragraphs stay
paragraphs.

Examples
--------
>>> c = clean("TOKYO (AP) — Envoy Ann Lee met Bo Ray.")
>>> c.text, c.original[slice(*c.dateline)]
('Envoy Ann Lee met Bo Ray.', 'TOKYO')
>>> c.original[c.to_original(0):c.to_original_end(len(c.text))]
'Envoy Ann Lee met Bo Ray.'
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import TypeVar

from kg.model import Article, Evidence, Extraction, Mention, Span

__all__ = ["Cleaned", "Removal", "clean", "restore"]

_T = TypeVar("_T")


@dataclass(frozen=True)
class Removal:
    """A span of the original text that was dropped, and why."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Cleaned:
    """The text the parser should see, and how it maps back to the original.

    ``kept`` lists the original ``(start, end)`` pieces whose concatenation is ``text``;
    it is empty when nothing was removed (then ``text is original`` and every offset maps
    to itself).
    """

    original: str
    text: str
    removed: tuple[Removal, ...] = ()
    dateline: tuple[int, int] | None = None
    """The place name of the dateline as a span of the original text ("TOKYO")."""
    kept: tuple[tuple[int, int], ...] = ()
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @property
    def changed(self) -> bool:
        """Whether anything was removed."""
        return bool(self.removed)

    def to_original(self, i: int) -> int:
        """The original offset of the character at cleaned offset ``i`` (a start offset;
        ``len(text)`` maps to ``len(original)``)."""
        if not self.kept:
            return i
        if i >= len(self.text):
            return len(self.original) + i - len(self.text)
        k = bisect_right(self._starts, i) - 1
        return self.kept[k][0] + i - self._starts[k]

    def to_original_end(self, e: int) -> int:
        """The original offset just after the character before cleaned offset ``e`` (an
        end offset): ``original[to_original(s):to_original_end(e)]`` covers exactly the
        original characters of ``text[s:e]`` and any furniture removed inside it."""
        if not self.kept:
            return e
        if e <= 0:
            return self.to_original(0)
        return self.to_original(e - 1) + 1

    def counts(self) -> Counter[str]:
        """How many spans of each kind were removed."""
        return Counter(r.kind for r in self.removed)


# -- hover cards ---------------------------------------------------------------------------
# One outlet links each politician's name to a card: the full legal name, glued without a
# space to the first of a few headlines, closed by "MORE".  Scraped, the card sits between
# the visible name and the rest of the sentence.  Every card ends in " MORE", so that word
# anchors the search; the card begins after a name that its legal name repeats.
_MORE = re.compile(r"[ \t]MORE\b")
_NAME = r"[A-Z][\w'’-]*"
_TOKEN = r"[A-Z(\"“][\w'’.()\"”-]*"
_GLUE = r"(?=[A-Z0-9\"“‘$]|'(?!s\b))"
_SUFFIX = r"(?:,? Jr\.|,? Sr\.| I{2,3})?"
_CARDS = (
    # "Rex Tillerson Rex Wayne TillersonSteve ...", "George PapadopoulosGeorge Demetrios ..."
    re.compile(rf"\b(?P<vis>{_NAME}){_SUFFIX}(?P<cut>)[ \t]*(?:{_TOKEN}[ \t]+){{0,6}}?(?P=vis)"
               rf"{_SUFFIX}(?P<rep>){_GLUE}[^\n]*\Z"),
    # "Sarah Huckabee Sarah Elizabeth SandersBill ... MORE Sanders": the link is split
    re.compile(rf"\b(?P<vis>{_NAME})(?:[ \t]+{_NAME}){{0,2}}?(?P<cut>)[ \t]+(?P=vis)"
               rf"(?:[ \t]+{_TOKEN}){{0,4}}?[a-z](?P<rep>){_GLUE}[^\n]*\Z"),
    # "Paul Ryan Paul Davis Ryan Retirees should ..." (no glue: the name is repeated)
    re.compile(rf"\b(?P<vis>{_NAME}){_SUFFIX}(?P<cut>)[ \t]+(?:{_TOKEN}[ \t]+){{1,6}}?(?P=vis)"
               rf"{_SUFFIX}(?P<rep>)[ \t]+(?=[A-Z0-9\"“‘'])[^\n]*\Z"),
)
_CARD_REACH = 1500
"""How far before its "MORE" a card may begin."""


def _cards(text: str) -> list[Removal]:
    out: list[Removal] = []
    floor = 0
    for more in _MORE.finditer(text):
        lo = max(floor, text.rfind("\n", 0, more.start()) + 1, more.start() - _CARD_REACH)
        for card in _CARDS:
            m = card.search(text, lo, more.start())
            # "Paul Ryde Paul Davis Ryde": of two readings, the one whose repeated name
            # is the surname ends the legal name later
            while m is not None:
                later = card.search(text, m.start() + 1, more.start())
                if later is None or later.start() >= m.end("rep"):
                    break
                m = later
            if m is not None:
                out.append(Removal(m.end("cut"), more.end(), "hover-card"))
                floor = more.end()
                break
    return out


# -- picture, media, link and share furniture ----------------------------------------------
_CREDIT = (r"(?=[A-Z])(?:[^\n!?;:.,]|\.(?! [a-z])){0,80}?"
           r"(?:/|Getty|AFP|Reuters|\bAP\b|EPA|Bloomberg|Pool|\bPA\b)[^\n!?;:,]{0,40}")
"""A picture credit: a name and an agency, not a sentence."""
_FURNITURE: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (kind, needles, re.compile(pattern, re.MULTILINE)) for kind, needles, pattern in (
        # BBC: the credit and the label go, the caption stays
        ("image-credit", ("Image c",), r"^Image copyright [^\n]{1,80}? Image caption |"
                                       r"^Image copyright [^\n]{1,80}$|^Image caption "),
        ("media-label", ("Media ",), r"^Media playback is unsupported on your device"
                                     r"(?: Media caption |[ \t]*$)|^Media caption "),
        # NPR: "Enlarge this image toggle caption Name/AP Name/AP"
        ("image-credit", ("toggle caption",),
         r"^Enlarge this image toggle caption (?P<c>[^\n]{1,80}?) (?P=c)(?:[ \t]+|$)"),
        # NPR galleries: "Hide caption A and B meet in the village. Previous Next Pool/AP"
        ("caption-label", ("Hide caption",),
         r"^Hide caption (?=[A-Z])|(?<=[.!?])[ \t]+Previous Next\b[^\n]{0,80}$"),
        ("photo-credit", ("Photographer: ",), rf"(?:[ \t]*\bPhotographer: {_CREDIT})+$"),
        ("photo-credit", ("Photo",),
         r"[ \t]*\((?:(?:AP|AFP|Reuters|EPA|Getty) )?Photo(?:s|graph)?"
         r"(?:\)| by [^()\n]{1,120}\)|: ?[^()\n]{1,120}\)|/[^()\n]{1,120}\))"),
        ("photo-credit", ("Photo: ", "Source: ", "Credit: "),
         rf"[ \t]*\b(?:Photo|Source|Credit): {_CREDIT}$"),
        ("photo-credit", (" | ",),
         r"[ \t]+\|[ \t]+[^|\n]{0,60}(?:/Getty Images|/AP Photo|AP Photo|/AFP|/Reuters)\b"
         r"(?:[ \t]*$)?"),
        ("photo-credit", ("REUTERS/",),
         r"[ \t]*(?:\b[A-Z][^\n!?;:,.]{0,40}? ?via )?\bREUTERS/[A-Z][^\n!?;:,]{0,60}$"),
        ("photo-credit", (" via AP)", " via Reuters)", " via AFP)"),
         r"[ \t]*\((?=[A-Z])[^()\n!?;:,]{1,80} via (?:AP|Reuters|AFP)\)"),
        ("photo-credit", ("Getty Images",), r"^(?:[^\n/.:]{1,60}/){0,3}Getty Images[ \t]*$"),
        # "Henry Romero/Reuters Canadian Deputy Prime Minister ...": a credit opening the line
        ("photo-credit", ("/Reuters ", "/AP ", "/AFP ", "/EPA ", "/Getty Images ", "/Pool "),
         r"^(?:[A-Z][\w'’.-]*[ \t]){1,3}?[A-Z][\w'’.-]*/(?:Reuters|AP|AFP|EPA|Getty Images|Pool)"
         r"[ \t]+(?=[A-Z])"),
        ("file-prefix", ("FILE",), r"^FILE(?: PHOTO)? ?[-–—] "),
        ("link", ("Read", "READ", "Related", "More", "MORE", "See also", "SEE ALSO", "Watch",
                  "WATCH", "Listen", "LISTEN"),
         r"^(?:Read more|READ MORE|Related|More|MORE|See also|SEE ALSO|READ|Read|"
         r"Watch|WATCH|Listen|LISTEN|(?:MORE FROM|More from) [^\n:]{1,40})[ \t]*:"
         r"[^\n]{0,250}$"),
        ("link", ("Read more", "READ MORE"),
         r"^(?:Read more|READ MORE)\.?[ \t]*$|^[^\n]{10,200} Read more[ \t]*$"),
        ("link", ("Share this story",), r"^Read or Share this story: \S+[ \t]*$"),
        ("link", ("Click here",), r"^(?:[^\n]{0,80}\? )?Click here\b[^\n]{0,200}$"),
        ("link", ("WANT MORE", "Want more"),
         r"^(?:WANT MORE|Want more)\b[^\n]{0,40}\?[^\n]{0,80}$"),
        ("sign-up", ("Sign up",),
         r"^(?:[^\n]{0,120}\bnewsletter\b[^\n]{0,120})?Sign up(?:[ \t]*$| (?:for|here|to|today|"
         r"now)\b[^\n]{0,250}$)"),
        ("share-bar", ("Share this ",), r"^Share this (?:with|on|story|article)\b[^\n]{0,200}$"),
        ("share-bar", ("SHARE THIS ARTICLE",),
         r"^(?:LISTEN TO ARTICLE [\d:]+ )?SHARE THIS ARTICLE(?: (?:Share|Tweet|Post|Email))*"
         r"[ \t]*$"),
        ("link", ("MORE FROM",), r"^MORE FROM [^\n:a-z]{1,40}[ \t]*$"),
        ("byline", ("Follow @",), r"^Follow @\w+ on (?:Twitter|Instagram|Facebook)\.?[ \t]*$"),
        ("byline", ("Contributing: ",), r"^Contributing: [^\n]{1,120}$"),
        ("share-bar", ("ADVERTISEMENT", "Advertisement"),
         r"^(?:ADVERTISEMENT|Advertisement)[ \t]*$"),
    ))
"""Each kind of furniture: the literal words without which its pattern cannot match (a
cheap test that spares most texts most patterns), and the pattern."""


# -- datelines -----------------------------------------------------------------------------
_AGENCY = r"AP|Reuters|AFP|CNN|UPI|Xinhua|Bloomberg|dpa|ANI|TASS|Yonhap|NBC News|CNBC|RNS"
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){0,3})"
    r"(?:/[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){0,3})*"
    r"(?:,[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})?"
    rf"(?:[ \t]+\((?:{_AGENCY})\))?(?:[ \t]*(?:—|–|--)[ \t]*|[ \t]+-[ \t]+)(?=\S)",
    re.MULTILINE)
_DATELINE_TITLED = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}(?:,[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?)"
    rf"[ \t]+\((?:{_AGENCY})\)[ \t]*(?:(?:—|–|--|-)[ \t]*)?(?=\S)",
    re.MULTILINE)
"""CNN's "Washington (CNN) Less than a month after ...": a place in title case, the agency
in brackets."""
DATELINE_REACH = 2000
"""A dateline is looked for in the first this many characters of the text."""
_NOT_PLACES = frozenset({
    "FILE", "FILE PHOTO", "PHOTO", "VO", "HELP", "UPDATE", "UPDATED", "BREAKING",
    "EXCLUSIVE", "ANALYSIS", "OPINION", "EDITOR'S NOTE", "CORRECTION", "WATCH", "LISTEN",
    "READ", "MORE", "NOTE", "AIPAC", "NATO", "UN", "EU", "US", "U.S.", "UK", "BBC", "CNN",
    "AP", "AFP", "VIDEO", "LIVE", "SOT", "Q", "A"})


def _dateline(text: str) -> tuple[Removal, tuple[int, int]] | None:
    """The first dateline at the start of the text or of a line, if any."""
    m = _DATELINE.search(text, 0, DATELINE_REACH)
    while m is not None and m.group("place") in _NOT_PLACES:
        m = _DATELINE.search(text, m.end(), DATELINE_REACH)
    titled = _DATELINE_TITLED.search(text, 0, DATELINE_REACH)
    if titled is not None and (m is None or titled.start() < m.start()):
        m = titled
    if m is None or len(m.group("place")) < 3:
        return None
    return Removal(m.start(), m.end(), "dateline"), m.span("place")


_GALLERY = re.compile(r"Hide Caption \d+ of (\d+) Photos: ")


def _gallery_titles(text: str) -> list[Removal]:
    """The photo gallery's title that one site repeats after every "Hide Caption 5 of 19
    Photos:" ("President Obama visits Cuba U.S. Secretary of State John Kerry speaks with
    ..." made Obama the speaker): the words all of three or more captions of one gallery
    (one "of 19") begin with; an article may hold several galleries."""
    galleries: dict[str, list[int]] = {}
    for m in _GALLERY.finditer(text):
        galleries.setdefault(m.group(1), []).append(m.end())
    out: list[Removal] = []
    for starts in galleries.values():
        if len(starts) < 3:
            continue
        heads = [text[a:a + 200].split(" ") for a in starts]
        common: list[str] = []
        for words in zip(*heads, strict=False):
            if len(set(words)) != 1 or "\n" in words[0]:
                break
            common.append(words[0])
        if common:
            size = len(" ".join(common)) + 1  # and the space after it
            out += [Removal(a, a + size, "gallery title") for a in starts]
    return sorted(out, key=lambda r: r.start)


def clean(text: str) -> Cleaned:
    """``text`` without page furniture, with the map back and the dateline place.

    Examples
    --------
    >>> c = clean("Secretary Rex Tillerson Rex Wayne TillersonHeadline one Two MORE left.")
    >>> c.text
    'Secretary Rex Tillerson left.'
    >>> clean("No furniture here.").changed
    False
    """
    found: list[Removal] = _cards(text) if "MORE" in text else []
    if "Hide Caption" in text:
        found.extend(_gallery_titles(text))
    for kind, needles, pattern in _FURNITURE:
        if not any(n in text for n in needles):
            continue
        found.extend(Removal(m.start(), m.end(), kind) for m in pattern.finditer(text)
                     if m.end() > m.start())
    place: tuple[int, int] | None = None
    dl = _dateline(text)
    if dl is not None and not any(r.start < dl[0].end and dl[0].start < r.end for r in found):
        found.append(dl[0])
        place = dl[1]
    if not found:
        return Cleaned(text, text)
    found.sort(key=lambda r: (r.start, -r.end))
    removed: list[Removal] = []
    for r in found:  # drop spans inside (or overlapping) an earlier one
        if removed and r.start < removed[-1].end:
            if r.end > removed[-1].end:
                last = removed[-1]
                removed[-1] = Removal(last.start, r.end, last.kind)
            continue
        removed.append(r)
    kept: list[tuple[int, int]] = []
    starts: list[int] = []
    pos = size = 0
    for r in removed:
        if r.start > pos:
            kept.append((pos, r.start))
            starts.append(size)
            size += r.start - pos
        pos = r.end
    if pos < len(text) or not kept:
        kept.append((pos, len(text)))
        starts.append(size)
    cleaned = "".join(text[a:b] for a, b in kept)
    return Cleaned(text, cleaned, tuple(removed), place, tuple(kept), tuple(starts))


def restore(extraction: Extraction, cleaned: Cleaned, article: Article) -> Extraction:
    """``extraction`` (made from ``cleaned.text``) with every offset mapped back into the
    original text and ``article`` (the original) as its article; the dateline, if any,
    becomes :attr:`Extraction.dateline`.  Texts (mention names, evidence sentences) stay
    as they were read, without the furniture.

    Every :class:`~kg.model.Mention`, :class:`~kg.model.Evidence` and
    :class:`~kg.model.Span` inside the extraction's dataclasses is mapped, wherever it
    sits, so an event kind added later is mapped too.
    """
    dateline = None
    if cleaned.dateline is not None:
        s, e = cleaned.dateline
        dateline = Mention(cleaned.original[s:e], s, e, "Place")
    if cleaned.kept:
        memo: dict[int, object] = {}
        extraction = replace(extraction, **{
            f.name: _mapped(getattr(extraction, f.name), cleaned, memo)
            for f in fields(extraction) if f.name not in {"article", "dateline"}})
    return replace(extraction, article=article, dateline=dateline)


def _mapped(value: _T, c: Cleaned, memo: dict[int, object]) -> _T:
    """``value`` with the offsets of every mention, evidence and span it holds mapped."""
    done = memo.get(id(value))
    if done is not None:
        return done  # type: ignore[return-value]
    out: object
    if isinstance(value, (Mention, Evidence, Span)):
        out = replace(value, start=c.to_original(value.start),
                      end=c.to_original_end(value.end))
    elif isinstance(value, tuple):
        out = tuple(_mapped(v, c, memo) for v in value)
    elif is_dataclass(value) and not isinstance(value, (type, Article)):
        out = replace(value, **{f.name: _mapped(getattr(value, f.name), c, memo)
                                for f in fields(value)})
    else:
        return value
    memo[id(value)] = out
    return out  # type: ignore[return-value]
