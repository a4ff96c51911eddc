"""Tests for kg.clean: web page furniture out, offsets mapped back, datelines as places.

Every example is invented; the shapes follow what the AllSides corpus really holds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

import kg
from kg.clean import Cleaned, clean, restore
from kg.model import Article, Evidence, Extraction, Meeting, Mention
from kg.resolve import resolve

CARD = "Thomas Henry BradleyBradley faces test in Asia Critics pan 'summit' plan MORE"


@pytest.mark.parametrize(("text", "expected", "kind"), [
    # hover cards: the visible name stays, the card goes
    (f"President Tom Bradley {CARD} on Sunday said", "President Tom Bradley on Sunday said",
     "hover-card"),
    (f"President Tom Bradley {CARD}'s lawyer", "President Tom Bradley's lawyer", "hover-card"),
    ("Minister Mike Dolan Michael (Mike) Ray DolanDolan hits back: 'no deal' Two more MORE, "
     "who", "Minister Mike Dolan, who", "hover-card"),
    ("pleas from Jon DoeJon Quincy DoeThe Daily: Doe talks MORE.", "pleas from Jon Doe.",
     "hover-card"),
    ("Speaker Paul Ryde Paul Davis Ryde Retirees should say no to plan MORE (R-Wis.) said",
     "Speaker Paul Ryde (R-Wis.) said", "hover-card"),
    ("secretary Sara Hale Sara Ann ByrneBill Press: Byrne briefs MORE Byrne said",
     "secretary Sara Hale Byrne said", "hover-card"),
    ("met Tom Bradley Jr. Thomas (Tom) Henry BradleyBradley Jr's book debuts MORE and",
     "met Tom Bradley Jr. and", "hover-card"),
    # pictures: the credit and the label go, the caption stays
    ("Image copyright AFP Image caption Bradley met Sato in Oslo\n\nText.",
     "Bradley met Sato in Oslo\n\nText.", "image-credit"),
    ("Image copyright UK Parliament/Lena Frost Image caption MPs voted\n",
     "MPs voted\n", "image-credit"),
    ("Intro.\n\nImage copyright Getty Images\n\nText.", "Intro.\n\n\n\nText.", "image-credit"),
    ("Image caption Sato arrives\n", "Sato arrives\n", "image-credit"),
    ("Enlarge this image toggle caption Lena Frost/AP Lena Frost/AP\n\nText.", "\n\nText.",
     "image-credit"),
    ("Text.\n\nHide caption Sato and Bradley meet in Oslo. Previous Next Lena Frost/AP\n\nMore.",
     "Text.\n\nSato and Bradley meet in Oslo.\n\nMore.", "caption-label"),
    ("Media playback is unsupported on your device Media caption Sato: We will talk\n\nText.",
     "Sato: We will talk\n\nText.", "media-label"),
    ("Tom Bradley and Kenji Sato Photographer: Lena Frost/Bloomberg\n\nText.",
     "Tom Bradley and Kenji Sato\n\nText.", "photo-credit"),
    ("Sato waves in Oslo. (Photo by Lena Frost/Getty Images)\n", "Sato waves in Oslo.\n",
     "photo-credit"),
    ("Sato speaks. (AP Photo/Lena Frost, File)\n", "Sato speaks.\n", "photo-credit"),
    ("Sato speaks. (Photo: Lena Frost, AFP/Getty Images)", "Sato speaks.", "photo-credit"),
    ("Protesters march in Oslo. Photo: Lena Frost/AFP/Getty Images\n",
     "Protesters march in Oslo.\n", "photo-credit"),
    ("Bradley's team is divided. | Lena Frost/Getty Images\n", "Bradley's team is divided.\n",
     "photo-credit"),
    ("Sato in Oslo, Norway, June 20, 2017. REUTERS/Lena Frost/File Photo\n",
     "Sato in Oslo, Norway, June 20, 2017.\n", "photo-credit"),
    ("Sato in Oslo, May 5, 2017. Lena Frost/Pool via REUTERS/File Photo\n",
     "Sato in Oslo, May 5, 2017.\n", "photo-credit"),
    ("Sato, an adviser. (Norway Embassy Oslo via AP)\n", "Sato, an adviser.\n",
     "photo-credit"),
    ("FILE - In this Feb. 4, 2019 file photo, Sato speaks.",
     "In this Feb. 4, 2019 file photo, Sato speaks.", "file-prefix"),
    # link, share and sign-up lines
    ("Text.\n\nRead more: Bradley plans trip to Seoul\n\nMore.", "Text.\n\n\n\nMore.", "link"),
    ("Text.\n\nMore: Bradley says Sato is 'a friend'\n", "Text.\n\n\n", "link"),
    ("Text.\n\nRelated:\n\nMore.", "Text.\n\n\n\nMore.", "link"),
    ("Text.\n\nREAD MORE: Sato hails the talks\n", "Text.\n\n\n", "link"),
    ("Text.\n\nBradley hails talks with Sato Read more\n", "Text.\n\n\n", "link"),
    ("Text.\n\nDon't see the graphic above? Click here.\n", "Text.\n\n\n", "link"),
    ("Text.\n\nRead or Share this story: https://example.org/s/1\n", "Text.\n\n\n", "link"),
    ("Text.\n\nShare this with Email Facebook Messenger Twitter\n", "Text.\n\n\n",
     "share-bar"),
    ("Text.\n\nSign up for the morning briefing\n", "Text.\n\n\n", "sign-up"),
    ("Text.\n\nContributing: Lena Frost\n", "Text.\n\n\n", "byline"),
    # a gallery's title repeated after each caption number ("... visits Oslo Sato speaks")
    ("Hide Caption 1 of 9 Photos: Bradley visits Oslo Sato greets Bradley. Hide Caption 2 of "
     "9 Photos: Bradley visits Oslo Lena Frost speaks with Sato. Hide Caption 3 of 9 Photos: "
     "Bradley visits Oslo Bradley walks.",
     "Hide Caption 1 of 9 Photos: Sato greets Bradley. Hide Caption 2 of 9 Photos: Lena Frost "
     "speaks with Sato. Hide Caption 3 of 9 Photos: Bradley walks.", "gallery title"),
    # two galleries in one article, each with its own title
    ("Hide Caption 1 of 9 Photos: Bradley in Oslo Sato greets Bradley. Hide Caption 2 of 9 "
     "Photos: Bradley in Oslo Lena Frost speaks. Hide Caption 3 of 9 Photos: Bradley in Oslo "
     "Bradley walks. Hide Caption 1 of 4 Photos: Visitors to Norway Sato arrives. Hide "
     "Caption 2 of 4 Photos: Visitors to Norway Frost leaves. Hide Caption 3 of 4 Photos: "
     "Visitors to Norway Bradley waves.",
     "Hide Caption 1 of 9 Photos: Sato greets Bradley. Hide Caption 2 of 9 Photos: Lena Frost "
     "speaks. Hide Caption 3 of 9 Photos: Bradley walks. Hide Caption 1 of 4 Photos: Sato "
     "arrives. Hide Caption 2 of 4 Photos: Frost leaves. Hide Caption 3 of 4 Photos: Bradley "
     "waves.", "gallery title"),
    # a photo credit opening the caption line
    ("Text.\n\nLena Frost/Reuters Sato signs documents in Oslo, May 5, 2017.",
     "Text.\n\nSato signs documents in Oslo, May 5, 2017.", "photo-credit"),
])
def test_clean_drops_furniture(text: str, expected: str, kind: str) -> None:
    c = clean(text)
    assert c.text == expected
    assert kind in c.counts()


@pytest.mark.parametrize("text", [
    "Sato wants to do more, he said.\n\nRead more about the plan in the report, Sato said.",
    'Protesters chanted "NO MORE WAR" as Bradley passed.',
    "- WHAT MORE CAN THE ALLIANCE DO? -\n\nText.",
    "Text.\n\nNATO - the alliance - met in Oslo.",
    "Text.\n\nBREAKING — Sato resigns as minister.",
    "Text.\n\nUN officials met Sato in Geneva.",
    "Text.\n\nThe Reuters/Ipsos poll shows Sato ahead.",
    "He flew to TOKYO — and back — in one day.",
    "Bradley met Sato at the palace\n\nText.",  # a caption's own text
    "He worked as a Photographer: a long career in Oslo.",
    "Text.\n\nSource: a senior official told Reuters the talks failed.",
    "Sato spoke to Reuters. Source: Mr. Lee, a close aide, said so to AP",
    "Sign up rates fell in March, the ministry said.",
    "Citizens can click here, or vote by post, Sato said.",
    "Trump met Bradley, then Bradley met Trump.",
    "Sato told the channel (CNN) on Monday that Bradley met him.",
])
def test_clean_keeps_news(text: str) -> None:
    c = clean(text)
    assert c.text == text
    assert not c.changed and c.dateline is None


@pytest.mark.parametrize(("text", "place", "rest"), [
    ("TOKYO (AP) — Sato met Bradley.", "TOKYO", "Sato met Bradley."),
    ("WASHINGTON — Sato met Bradley.", "WASHINGTON", "Sato met Bradley."),
    ("WASHINGTON—Sato met Bradley.", "WASHINGTON", "Sato met Bradley."),
    ("NEW YORK (Reuters) - Sato met Bradley.", "NEW YORK", "Sato met Bradley."),
    ("SEOUL, South Korea (AP) — Sato met Bradley.", "SEOUL", "Sato met Bradley."),
    ("HANOI – Sato met Bradley.", "HANOI", "Sato met Bradley."),
    ("BEIJING/WASHINGTON (Reuters) - Sato met Bradley.", "BEIJING", "Sato met Bradley."),
    ("PALM BEACH, Fla. (AP) — Sato met Bradley.", "PALM BEACH", "Sato met Bradley."),
    ("Envoys meet\n\nBERLIN — Sato met Bradley.", "BERLIN", "Envoys meet\n\nSato met Bradley."),
    # CNN's title-case place with the agency in brackets ("Washington" was read as a subject)
    ("Washington (CNN) Sato met Bradley.", "Washington", "Sato met Bradley."),
    ("Hong Kong (CNN)Sato met Bradley.", "Hong Kong", "Sato met Bradley."),
])
def test_clean_dateline_is_a_place_not_text(text: str, place: str, rest: str) -> None:
    c = clean(text)
    assert c.text == rest
    assert c.dateline is not None
    assert text[c.dateline[0]:c.dateline[1]] == place
    assert c.original[c.to_original(0):c.to_original_end(len(c.text))].endswith(
        "Sato met Bradley.")


def test_clean_nothing_removed_costs_nothing() -> None:
    text = "Envoy Ann Lee met Bo Ray in Oslo on Monday."
    c = clean(text)
    assert c.text is text and not c.kept
    assert [c.to_original(i) for i in (0, 5, len(text))] == [0, 5, len(text)]
    assert c.to_original_end(7) == 7


def test_clean_offsets_span_removed_furniture() -> None:
    text = f"President Tom Bradley {CARD} met Kenji Sato."
    c = clean(text)
    s = c.text.index("Bradley")
    e = c.text.index(" met") + len(" met")
    assert text[c.to_original(s):c.to_original_end(e)] == f"Bradley {CARD} met"
    # a span that ends where the card begins does not take the card in
    assert text[c.to_original(s):c.to_original_end(s + 7)] == "Bradley"
    whole = text[c.to_original(0):c.to_original_end(len(c.text))]
    assert whole == text and clean(whole).text == c.text


# -- the offset map, for random texts with furniture inserted ------------------------------

_WORDS = st.sampled_from(["the", "envoy", "met", "minister", "in", "Oslo", "talks", "more",
                          "read", "sign", "photo", "on", "Monday", "said", "caption", "Lee"])


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORDS, min_size=1, max_size=8).filter(
        lambda ws: ws != ["read", "more"]))  # "Read more." alone on a line is a link line
    return " ".join(words).capitalize() + "."


@st.composite
def _document(draw: st.DrawFn) -> tuple[str, str]:
    """A text with furniture inserted, and the same text without it."""
    pairs: list[tuple[str, str]] = []
    if draw(st.booleans()):
        s = draw(_sentence())
        pairs.append((f"OSLO (AP) — {s}", s))
    for _ in range(draw(st.integers(1, 6))):
        s = draw(_sentence())
        kind = draw(st.sampled_from(["plain", "caption", "media", "link", "credit", "photo",
                                     "card", "file"]))
        pairs.append({
            "plain": (s, s),
            "caption": (f"Image copyright Lena Frost/AFP Image caption {s}", s),
            "media": ("Media playback is unsupported on your device", ""),
            "link": (f"Read more: {s}", ""),
            "credit": (f"{s} Photographer: Lena Frost/Bloomberg", s),
            "photo": (f"{s} (AP Photo/Lena Frost)", s),
            "card": (f"Envoy Tom Bradley {CARD} {s.lower()}", f"Envoy Tom Bradley {s.lower()}"),
            "file": (f"FILE - {s}", s),
        }[kind])
    sep = draw(st.sampled_from(["\n\n", "\n"]))
    return sep.join(p[0] for p in pairs), sep.join(p[1] for p in pairs)


def _kept_chars(c: Cleaned, a: int, b: int) -> str:
    """The characters of ``original[a:b]`` that no removal covers."""
    return "".join(ch for i, ch in enumerate(c.original[a:b], a)
                   if not any(r.start <= i < r.end for r in c.removed))


@settings(max_examples=150, deadline=None)
@given(_document(), st.data())
def test_clean_offset_map_is_consistent(doc: tuple[str, str], data: st.DataObject) -> None:
    text, expected = doc
    c = clean(text)
    assert c.text == expected
    n = len(c.text)
    starts = [c.to_original(i) for i in range(n)]
    assert starts == sorted(set(starts))  # strictly increasing
    assert all(c.original[o] == ch for o, ch in zip(starts, c.text, strict=True))
    s = data.draw(st.integers(0, n))
    e = data.draw(st.integers(s, n))
    a, b = c.to_original(s), c.to_original_end(e)
    if e > s:
        assert _kept_chars(c, a, b) == c.text[s:e]
        assert a == starts[s] and b == starts[e - 1] + 1


# -- resolution and the built graph --------------------------------------------------------

@pytest.mark.parametrize(("name", "key", "kind"), [
    ("SEOUL", "place/seoul", "Place"),
    ("MEXICO CITY", "place/mexico-city", "Place"),
    ("ISRAEL", "country/ISR", "Country"),
])
def test_clean_dateline_resolves_to_a_place(name: str, key: str, kind: str) -> None:
    dateline = Mention(name, 0, len(name), "Place")
    res = resolve(Extraction(Article("a", f"{name} — Text."), dateline=dateline))
    assert res.entity_of[dateline].key == key
    assert res.entity_of[dateline].kind == kind
    assert all(e.kind in {"Place", "Country"} for e in res.entities)


def test_clean_restore_maps_every_offset() -> None:
    text = f"TOKYO (AP) — Envoy Tom Bradley {CARD} met Kenji Sato."
    c = clean(text)
    seen = Article("a", c.text)
    tom = Mention("Tom Bradley", c.text.index("Tom"), c.text.index(" met"), "Person")
    ken = Mention("Kenji Sato", c.text.index("Kenji"), len(c.text) - 1, "Person")
    ev = Evidence(c.text, 0, len(c.text))
    ex = Extraction(seen, mentions=(tom, ken),
                    meetings=(Meeting((tom, ken), ev, trigger="met"),))
    original = Article("a", text)
    out = restore(ex, c, original)
    assert out.article is original and out.dateline == Mention("TOKYO", 0, 5, "Place")
    assert [text[m.start:m.end] for m in out.mentions] == ["Tom Bradley", "Kenji Sato"]
    assert out.meetings[0].participants == out.mentions
    got = out.meetings[0].evidence
    assert got.sentence == c.text and clean(text[got.start:got.end]).text == c.text


def test_clean_restore_reaches_every_kind_of_fact() -> None:
    from kg.model import Affiliation, Agreement, Attack, PostFact, Statement

    text = "OSLO (AP) — Sato of Norway signed, spoke and was attacked."
    c = clean(text)
    shift = text.index("Sato")
    m = Mention("Sato", 0, 4, "Person")
    org = Mention("Norway", 8, 14, "Country")
    ev = Evidence(c.text, 0, len(c.text))
    ex = Extraction(Article("a", c.text), mentions=(m, org),
                    statements=(Statement(m, ev),), agreements=(Agreement((m, org), ev),),
                    attacks=(Attack(ev, location=org),), posts=(PostFact(m, "Envoy", ev, org),),
                    affiliations=(Affiliation(m, org, ev),))
    out = restore(ex, c, Article("a", text))
    found = [out.statements[0].speaker, out.agreements[0].signatories[1],
             out.attacks[0].location, out.posts[0].org, out.affiliations[0].person,
             out.statements[0].evidence, out.attacks[0].evidence, out.posts[0].evidence]
    assert all(x.start >= shift for x in found)
    assert [text[x.start:x.end] for x in found[:5]] == ["Sato", "Norway", "Norway", "Norway",
                                                        "Sato"]
    assert all(text[x.start:x.end] == c.text for x in found[5:])


ARTICLE = f"""Envoys meet in Oslo

OSLO (AP) — President Tom Bradley {CARD} met Foreign Minister Kenji Sato Kenji Hiro \
SatoSato warns of tariffs Sato: 'We will not yield' MORE on Monday in Oslo.

Image copyright AFP Image caption Bradley met Sato at the royal palace in Oslo.

Tom Bradley and Kenji Sato Photographer: Lena Frost/Bloomberg

Read more: Bradley plans trip to Berlin

Sato met Bradley again on Tuesday, and he told reporters that more talks would follow.
"""


def test_clean_build_offsets_point_into_the_original(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "oslo.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    graph = kg.build([path], nlp=nlp)
    rows = graph.query("""SELECT ?e ?ev ?s ?t WHERE {
        ?e dip:evidence ?ev ; dip:startChar ?s ; dip:endChar ?t .
        { ?e a dip:Meeting } UNION { ?m a dip:Meeting ; dip:supportedBy ?e } }""")
    evidence = {str(ev): ARTICLE[int(s):int(t)] for _, ev, s, t in rows}
    clean_sentence = "President Tom Bradley met Foreign Minister Kenji Sato on Monday in Oslo."
    assert clean_sentence in evidence
    assert "Bradley met Sato at the royal palace in Oslo." in evidence  # a caption counts
    every = graph.query("SELECT ?ev ?s ?t WHERE { ?e dip:evidence ?ev ; dip:startChar ?s ; "
                        "dip:endChar ?t }")  # events, and the facts of posts
    assert len(every) > len(rows)
    for ev, s, t in every:
        original = ARTICLE[int(s):int(t)]
        assert clean(original).text == str(ev)
        if "MORE" not in original:
            assert original == str(ev)
    assert "Thomas Henry" in evidence[clean_sentence]
    actors = {str(label): str(cls).rsplit("#", 1)[1] for label, cls in graph.query(
        "SELECT ?l ?c WHERE { ?x a ?c ; rdfs:label ?l . "
        "FILTER(?c IN (dip:Person, dip:Organization, dip:Country)) }")}
    assert {"Tom Bradley", "Kenji Sato"} <= set(actors)
    assert actors["Tom Bradley"] == actors["Kenji Sato"] == "Person"
    junk = ("Photographer", "Thomas", "Henry", "Hiro", "Frost", "OSLO", "Oslo", "MORE", "AP")
    assert not [a for a in actors if any(j in a for j in junk)], actors
    places = graph.query("""SELECT ?p ?l WHERE { ?d dip:reportedFrom ?p .
        ?p a dip:Place ; rdfs:label ?l }""")
    assert [str(label) for _, label in places] == ["Oslo"]
    alt = graph.query("SELECT ?a WHERE { ?p skos:altLabel ?a FILTER(?a = 'OSLO') }")
    assert not list(alt)


def test_clean_reported_from_shape_wants_a_place(nlp: Language) -> None:
    from rdflib import URIRef
    from rdflib.namespace import RDF

    from kg.engine import process
    from kg.validate import validate
    from kg.vocab import DIP

    (result,) = process(nlp, [Article("oslo.txt", ARTICLE)])
    graph = result.graph
    assert validate(graph).conforms
    doc = next(iter(graph.subjects(RDF.type, DIP.Document)))
    person = next(iter(graph.subjects(RDF.type, DIP.Person)))
    assert isinstance(doc, URIRef) and isinstance(person, URIRef)
    graph.remove((doc, DIP.reportedFrom, None))
    graph.add((doc, DIP.reportedFrom, person))
    assert {v.component for v in validate(graph).violations} == {"Or"}
