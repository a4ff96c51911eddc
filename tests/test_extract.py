"""Extraction on sentences written for these tests, with the real spaCy model.

Each case asserts the exact facts extracted: who met whom with which status, where and
when; who holds which post of which body; who spoke; agreements and attacks.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract import extract
from kg.model import Article, Extraction
from kg.resolve import resolve


def run(nlp: Language, text: str) -> Extraction:
    return extract(nlp(text), Article("test.txt", text))


def meetings(nlp: Language, text: str) -> set[tuple[frozenset[str], str | None, str]]:
    ex = run(nlp, text)
    res = resolve(ex)
    return {
        (frozenset(res.entity_of[p].label for p in m.participants),
         res.entity_of[m.location].label if m.location else None, m.status)
        for m in ex.meetings
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("German Chancellor Olaf Brandt met French President Claire Dubois in Berlin on "
         "Tuesday.", {(frozenset({"Olaf Brandt", "Claire Dubois"}), "Berlin", "asserted")}),
        ("Dutch Foreign Minister Pieter Jansen held talks with his Belgian counterpart Marc "
         "Leclerc in Brussels.",
         {(frozenset({"Pieter Jansen", "Marc Leclerc"}), "Brussels", "asserted")}),
        ("Kenyan President Daniel Mwangi and Ugandan President Grace Okello met in Nairobi "
         "last week.", {(frozenset({"Daniel Mwangi", "Grace Okello"}), "Nairobi", "asserted")}),
        ("Egyptian President Omar Farouk received Jordan's King Hassan at the presidential "
         "palace in Cairo.", {(frozenset({"Omar Farouk", "Hassan"}), "Cairo", "asserted")}),
        ("Ms Lindqvist met with negotiators from the Sudanese government and the African "
         "Union in Addis Ababa.",
         {(frozenset({"Lindqvist", "Sudan", "African Union"}), "Addis Ababa", "asserted")}),
    ],
    ids=["met", "held-talks-with", "x-and-y-met", "received", "delegations"],
)
def test_extract_meeting_forms(nlp: Language, text: str, expected: set[object]) -> None:
    assert meetings(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Prime Minister Anna Lindqvist will meet Chinese Premier Wei Zhang next month.",
         "planned"),
        ("The Swedish envoy Lars Berg did not meet Iranian officials during his trip.",
         "negated"),
        ("Pakistani officials refused to meet the Indian delegation.", "negated"),
        ("Kenyan President Daniel Mwangi is expected to meet Grace Okello in Kampala.",
         "planned"),
    ],
    ids=["will", "did-not", "refused", "expected-to"],
)
def test_extract_meeting_realis(nlp: Language, text: str, status: str) -> None:
    found = meetings(nlp, text)
    assert found and {s for _, _, s in found} == {status}


@pytest.mark.parametrize(
    "text",
    [
        "Norway hosted talks between Colombian negotiators and rebel commanders in Oslo.",
        "Secretary General Tomas Berger visited Kabul in March.",
        "The two leaders held talks in Oslo.",
        "The budget meets the government's golden rule, Chancellor Ruth Adler said.",
    ],
    ids=["host-is-no-participant", "visit-to-a-place", "unnamed-sides", "meet-a-rule"],
)
def test_extract_no_invented_meeting(nlp: Language, text: str) -> None:
    assert meetings(nlp, text) == set()


def test_extract_quote_speaker_is_the_subject_of_a_tweet(nlp: Language) -> None:
    text = ('"Met with the Estonian and Latvian delegations in Riga today," Foreign '
            'Secretary Helen Marsh said on Twitter.')
    found = meetings(nlp, text)
    assert (frozenset({"Helen Marsh", "Estonia", "Latvia"}), "Riga", "asserted") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("German Chancellor Olaf Brandt arrived on Monday.",
         {("Olaf Brandt", "Chancellor", "Germany")}),
        ("Brazil's foreign minister, Rafael Costa, said the talks were productive.",
         {("Rafael Costa", "Foreign Minister", "Brazil")}),
        ("Ahmed Karimi, Iran's deputy foreign minister, told reporters that the sanctions "
         "must end.", {("Ahmed Karimi", "Deputy Foreign Minister", "Iran")}),
        ("Nato spokeswoman Ingrid Dahl declined to comment.",
         {("Ingrid Dahl", "Spokeswoman", "Nato")}),
        ("Prime Minister Anna Lindqvist spoke first.", {("Anna Lindqvist", "Prime Minister",
                                                          None)}),
        ("The ceasefire Lindqvist signed was short-lived.", set()),
        # a relative of someone is no post; a post after a possessive is that post
        ("The president's son, Tom Keller, flew to Oslo.", set()),
        ("The country's leader, Anna Keller, spoke first.", {("Anna Keller", "Leader", None)}),
        # a monarch's title is a post, a prince's rank is not
        ("Prince Harald met the delegation on Monday.", set()),
        # the title read as the subject and the name hung apart from it
        ("Saudi Arabian Foreign Minister Adel al-Jubeir said on Wednesday that there was no "
         "room for mediation.", {("Adel al-Jubeir", "Foreign Minister", "Saudi Arabia")}),
        # a list of guests is no apposition of titles
        ("Lars Berg, the Prince of Wales, the Duchess of Cornwall, Labour leader Tom Berg and "
         "Scotland's First Minister Ana Ruiz later attended a service.",
         {("Tom Berg", "Leader", "Labour"), ("Ana Ruiz", "First Minister", None)}),
        # the post, not the place it is posted to ("ambassador to the US")
        ("Norway's ambassador to the US, Ola Dorn, resigned on Wednesday.",
         {("Ola Dorn", "Ambassador", "Norway")}),
        ("Ola Dorn, Norway's ambassador to the US, resigned on Wednesday.",
         {("Ola Dorn", "Ambassador", "Norway")}),
        ("Jonas Lind, the special envoy to the region, flew to Doha.",
         {("Jonas Lind", "Special Envoy", None)}),
        # a country after "for" is the post's brief, not its body
        ("Jonas Lind, the special envoy for Afghanistan, flew to Doha.",
         {("Jonas Lind", "Special Envoy", None)}),
        # the one an adviser advises holds his own post, not the adviser's
        ("Mette Lind, a senior adviser to Norway's Prime Minister Ola Dorn, said the plan was "
         "right.", {("Mette Lind", "Senior Adviser", None),
                    ("Ola Dorn", "Prime Minister", "Norway")}),
    ],
    ids=["title-before", "appos-after-possessive", "appos-after-name", "org-title",
         "no-body", "not-a-title", "relative", "post-after-possessive", "prince",
         "title-parsed-apart", "list-of-guests", "ambassador-to-before",
         "ambassador-to-after", "envoy-to", "envoy-for-a-country", "adviser-to-a-leader"],
)
def test_extract_posts(nlp: Language, text: str, expected: set[tuple[str, str, str | None]]
                       ) -> None:
    ex = run(nlp, text)
    res = resolve(ex)
    got = {(res.entity_of[p.person].label, p.title,
            res.entity_of[p.org].label if p.org else None) for p in ex.posts}
    assert got == expected


def test_extract_statements_name_people_only(nlp: Language) -> None:
    text = ("Defence Minister Karl Wendt said the exercise would go ahead. "
            "The ministry said nothing more. Officials said the border was calm.")
    ex = run(nlp, text)
    assert [s.speaker.text for s in ex.statements] == ["Karl Wendt"]
    assert ex.statements[0].quote == "the exercise would go ahead"


def test_extract_testimony_is_a_statement(nlp: Language) -> None:
    ex = run(nlp, "Ambassador Fiona Hale testified on Tuesday that the aid had been frozen.")
    assert [(s.speaker.text, s.quote) for s in ex.statements] == [
        ("Fiona Hale", "that the aid had been frozen")]


def test_extract_agreement(nlp: Language) -> None:
    ex = run(nlp, "Japan and South Korea signed a fisheries agreement in Seoul on Friday.")
    assert [sorted(m.text for m in a.signatories) for a in ex.agreements] == [
        ["Japan", "South Korea"]]
    assert ex.agreements[0].date_text == "Friday"
    assert ex.meetings == ()


@pytest.mark.parametrize(
    ("text", "place", "killed"),
    [
        ("A car bomb killed at least 12 people in Mosul on Sunday, police said.", "Mosul", 12),
        ("Two suicide bombers attacked a market in Maiduguri, killing twenty-one people.",
         "Maiduguri", 21),
    ],
)
def test_extract_attacks(nlp: Language, text: str, place: str, killed: int) -> None:
    ex = run(nlp, text)
    assert [(a.location.text if a.location else None, a.killed) for a in ex.attacks] == [
        (place, killed)]


def test_extract_figurative_attack_is_no_attack(nlp: Language) -> None:
    ex = run(nlp, "The minister launched a fierce attack on the opposition's budget plans.")
    assert ex.attacks == ()


def test_extract_surname_tagged_as_place_is_the_person(nlp: Language) -> None:
    text = ("Foreign Minister Lena Vogt met Chinese Premier Wei Zhang in Geneva. "
            "Vogt's visit came after months of tension.")
    ex = run(nlp, text)
    res = resolve(ex)
    vogt = {res.entity_of[m].key for m in ex.mentions if "Vogt" in m.text}
    assert vogt == {"person/lena-vogt"}
    assert all(m.kind == "Person" for m in ex.mentions if "Vogt" in m.text)


@pytest.mark.parametrize("text", [
    "Ambassador Ilse Brandt flew to Oslo on Monday. Ilse Brandt attends the medal ceremony.",
    "Envoy Ilse Brandt arrived in Seoul. Ilse Brandt, a senior adviser to the president, did "
    "not speak to the delegation, an official said.",
], ids=["tagged-as-an-adjective", "title-before-the-untagged-name"])
def test_extract_full_name_the_model_left_untagged_is_the_person(nlp: Language,
                                                                 text: str) -> None:
    """A full name the model tagged as a person once and left untagged elsewhere (at the
    start of a sentence, or after a title) is that person wherever it is spelled out."""
    with nlp.select_pipes(disable=["dip_names", "dip_triggers"]):  # the model's own tags
        base = [e.text for e in nlp(text).ents if e.label_ == "PERSON"]
    assert base.count("Ilse Brandt") == 1  # what this test is about
    ex = run(nlp, text)
    assert [m.text for m in ex.mentions if m.kind == "Person"].count("Ilse Brandt") == 2


def test_extract_title_refers_back_to_the_named_holder(nlp: Language) -> None:
    text = ("Malian Prime Minister Idrissa Kone arrived in Dakar on Sunday. On Monday the "
            "Malian prime minister met President Awa Sarr at the presidential palace.")
    assert meetings(nlp, text) == {(frozenset({"Idrissa Kone", "Awa Sarr"}), None,
                                    "asserted")}


def test_extract_title_without_a_named_holder_stands_for_the_country(nlp: Language) -> None:
    """The annotation guidelines (issue 12): an unnamed official stands for the country."""
    text = "On Monday the Malian prime minister met President Awa Sarr in Dakar."
    assert meetings(nlp, text) == {(frozenset({"Mali", "Awa Sarr"}), "Dakar", "asserted")}


def test_extract_two_subjects_meeting_one_object_are_two_meetings(nlp: Language) -> None:
    text = ("Estonian President Kaja Tamm and Latvian President Janis Ozols met Mr Lindgren "
            "in Stockholm on Friday.")
    assert meetings(nlp, text) == {
        (frozenset({"Kaja Tamm", "Lindgren"}), "Stockholm", "asserted"),
        (frozenset({"Janis Ozols", "Lindgren"}), "Stockholm", "asserted"),
    }


def test_extract_present_progressive_is_an_arrangement(nlp: Language) -> None:
    found = meetings(nlp, "Finance chief Paolo Greco is meeting Ms Weber on Thursday.")
    assert found == {(frozenset({"Paolo Greco", "Weber"}), None, "planned")}


def test_extract_peerage_names(nlp: Language) -> None:
    text = ("On 4 May Lord Ashby met Home Office Minister Lord Pemberton and Downing Street "
            "adviser Baroness Hale.")
    assert meetings(nlp, text) == {
        (frozenset({"Lord Ashby", "Lord Pemberton", "Baroness Hale"}), None, "asserted")}


def test_extract_joint_news_conference(nlp: Language) -> None:
    text = ("Mr Lindgren, speaking at a joint news conference with Polish Foreign Minister "
            "Marek Nowak, urged calm.")
    assert meetings(nlp, text) == {(frozenset({"Lindgren", "Marek Nowak"}), None, "asserted")}


def test_extract_a_title_alone_is_no_person(nlp: Language) -> None:
    ex = run(nlp, "The Secretary of State met the Foreign Minister of Qatar in Doha.")
    assert [m for m in ex.mentions if m.kind == "Person"] == []
    assert ex.meetings == ()


@pytest.mark.parametrize(("text", "person"), [
    ("Saudi Arabian King Salman met Mr Dorn in Riyadh on Sunday.", "King Salman"),
    ("U.S. Ambassador to Israel Ola Dorn met Mr Berg on Monday.", "Ola Dorn"),
    ("State Councilor Lars Berg met Mr Dorn in Beijing on Monday.", "Lars Berg"),
    ("Taoiseach Peter Hansen met Mr Dorn in Dublin on Monday.", "Peter Hansen"),
])
def test_extract_titles_and_peoples_run_into_a_name(nlp: Language, text: str,
                                                    person: str) -> None:
    """A people's adjective before a title, a country after "to", and the long titles
    "State Councilor" and "Taoiseach" are no part of the name."""
    people = {m.text for m in run(nlp, text).mentions if m.kind == "Person"}
    assert person in people and "Taoiseach" not in people


def test_extract_share_buttons_and_cities_are_no_names(nlp: Language) -> None:
    text = ("Officials spoke.\n\nFacebook Twitter Pinterest Lena Vogt, flanked by Prime "
            "Minister Peter Hansen, talks to a survivor.\n\nThe Pope's visit to Ciudad Juarez "
            "will also take place just as voters are heading to the polls.")
    people = {m.text for m in run(nlp, text).mentions if m.kind == "Person"}
    assert "Lena Vogt" in people and "Ciudad Juarez" not in people
    assert not any("Pinterest" in p for p in people)


def test_extract_mr_surname_is_the_named_person(nlp: Language) -> None:
    text = ("Prime Minister Tony Blair arrived in Paris on Monday. Mr Blair met President "
            "Jacques Chirac at the Elysee Palace.")
    assert meetings(nlp, text) == {(frozenset({"Tony Blair", "Jacques Chirac"}),
                                    "Elysee Palace", "asserted")}


def test_extract_the_minister_said_after_a_named_minister(nlp: Language) -> None:
    text = ("Finance Minister Ruth Adler presented the budget on Tuesday. "
            "The minister said the deficit would shrink.")
    ex = run(nlp, text)
    assert [resolve(ex).entity_of[s.speaker].label for s in ex.statements] == ["Ruth Adler"]


def test_extract_pronoun_after_one_named_subject(nlp: Language) -> None:
    text = "Foreign Minister Lena Vogt landed in Oslo. She met Prime Minister Jonas Berg."
    assert meetings(nlp, text) == {(frozenset({"Lena Vogt", "Jonas Berg"}), None, "asserted")}


def test_extract_pronoun_after_two_named_subjects_is_left_alone(nlp: Language) -> None:
    text = ("Foreign Minister Lena Vogt and Defence Minister Karl Wendt landed in Oslo. "
            "He met Prime Minister Jonas Berg on Friday.")
    assert meetings(nlp, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Mr Hollis is touring the north this week as he visits Manchester, Leeds and York.",
        "Home Secretary Ruth Adler told BBC One's Breakfast with Frost that crime was falling.",
    ],
    ids=["trip-to-cities", "programme-named-breakfast"],
)
def test_extract_no_meeting_in_trips_or_programmes(nlp: Language, text: str) -> None:
    assert meetings(nlp, text) == set()


def test_extract_title_named_in_passing_is_not_the_articles_holder(nlp: Language) -> None:
    """ "the President" of an article is not a former president named once in passing."""
    text = ("Aides feared a comparison to President Walter Brenning's purge of officials in "
            "1974. In December the President met with Karl Ostrow in the Oval Office.")
    assert meetings(nlp, text) == set()


def test_extract_a_possessive_tagged_alone_is_no_place(nlp: Language) -> None:
    """The NER sometimes tags a lone "’s" as a place; it names nothing (its empty label
    broke the store's SHACL shapes)."""
    from spacy.tokens import Span

    from kg.mentions import find_mentions

    doc = nlp("“Talks went well, let’s see what comes next,” Anna Keller said in Oslo.")
    poss = next(t for t in doc if t.text == "’s")
    doc.ents = [e for e in doc.ents if poss.i not in range(e.start, e.end)] + [
        Span(doc, poss.i, poss.i + 1, "GPE")]
    texts = [m.text for m in find_mentions(doc).mentions]
    assert "’s" not in texts and "Anna Keller" in texts


def test_extract_one_spelling_per_post_title() -> None:
    from kg.posts import title_case

    assert title_case("Head of the Country’s Force") == title_case("head of the country's force")


def test_extract_quote_run_on_from_a_lost_paragraph_ends_at_the_next_quote() -> None:
    """A quote left open where a paragraph broke (the break lost), then a new quote: the new
    mark opens a quote, so what follows the second quote is not quoted."""
    from kg.coref import quoted_ranges

    text = ('"We need time. "Yes, we will move fast," Mr Berg said. In Rome, Keller met Dorn.')
    quoted = [text[a:b + 1] for a, b in quoted_ranges(text)]
    assert quoted == ['"We need time. ', '"Yes, we will move fast,"']
    assert quoted_ranges('He said "no." She said "yes."') == [(8, 12), (23, 28)]


@pytest.mark.parametrize(
    ("text", "name", "absent"),
    [
        ("Chinese Vice Premier Liu He met Treasury Secretary Steven Mnuchin on Friday. He said "
         "they made progress.", "Liu He", "He"),
        ("U.S. President Donald Trump meets with China's Vice Premier Liu He in the Oval Office "
         "on Thursday.", "Liu He", "He"),
        ("Trump Says He Will Meet Kim Jong Un In May", None, "Says He"),
    ],
)
def test_extract_a_capital_he_after_a_name_is_a_given_name(
        nlp: Language, text: str, name: str | None, absent: str) -> None:
    """ "Vice Premier Liu He": the tagger reads "He" as the pronoun; after a title and a
    capitalised name it is the name's second part (not in a title-case headline)."""
    from kg.mentions import find_mentions

    texts = [m.text for m in find_mentions(nlp(text)).mentions]
    assert (name is None or name in texts) and absent not in texts


def test_extract_two_surnames_tagged_as_one_body_are_two_people(nlp: Language) -> None:
    """ "after meeting with Trump and Pence", tagged as one organisation: two people when the
    article names each of them alone, even with no full name given."""
    from kg.mentions import find_mentions

    text = ("Mr. Trump left early. Mr. Pence stayed. Senator Ola Dorn said he felt better "
            "after meeting with Trump and Pence on Monday.")
    found = [(m.text, m.kind) for m in find_mentions(nlp(text)).mentions]
    assert ("Trump and Pence", "Organization") not in found
    assert found.count(("Trump", "Person")) == 2 and found.count(("Pence", "Person")) == 2


def test_extract_a_body_whose_name_opens_with_an_honorific_keeps_it(nlp: Language) -> None:
    """ "Justice and Development (AK) Party": "Justice" opens the party's name here, not a
    judge's honorific, so the name is whole (never "and Development (AK) Party")."""
    from kg.mentions import find_mentions

    text = ("Erdogan met with the executive members of his Justice and Development (AK) Party "
            "and his coalition partner, the Nationalist Movement Party.")
    texts = [m.text for m in find_mentions(nlp(text)).mentions]
    assert "Justice and Development (AK) Party" in texts
    assert not any(t.startswith("and ") for t in texts)
