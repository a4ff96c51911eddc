"""Meetings in modern news: triggers, arguments, realis, joint meetings, captions and
meetings counted once, on sentences written for these tests, with the real spaCy model.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rdflib import RDF, Literal
from spacy.language import Language

from kg.evaluate import error_kind, miss_shape
from kg.extract import extract
from kg.meetings import _distinct_people, joint_appearances
from kg.mentions import conjuncts, find_mentions
from kg.model import Article, Extraction, Mention
from kg.rdf import article_graph
from kg.realis import status_of
from kg.resolve import resolve
from kg.syntax import caption_date
from kg.validate import validate
from kg.vocab import DIP

Pairs = set[tuple[frozenset[str], str]]


def run(nlp: Language, text: str, day: dt.date | None = None) -> Extraction:
    return extract(nlp(text), Article("test.txt", text, date=day))


def meetings(nlp: Language, text: str, day: dt.date | None = None) -> Pairs:
    """Each meeting as its participants' labels and its status (``day``: the article's)."""
    ex = run(nlp, text, day)
    res = resolve(ex)
    return {(frozenset(res.entity_of[p].label for p in m.participants), m.status)
            for m in ex.meetings}


KELLER_HANSEN = frozenset({"Anna Keller", "Peter Hansen"})
INTRO = ("Foreign Minister Anna Keller flew to Vienna on Sunday. Prime Minister Peter Hansen "
         "was in Vienna too. ")


@pytest.mark.parametrize(
    "text",
    [
        INTRO + "Keller said she had spoken with Hansen about the border.",
        "Foreign Minister Anna Keller spoke by phone with Prime Minister Peter Hansen on "
        "Monday.",
        "Foreign Minister Anna Keller spoke to Prime Minister Peter Hansen last week.",
        "Foreign Minister Anna Keller shook hands with Prime Minister Peter Hansen in Vienna.",
        "Foreign Minister Anna Keller was greeted by Prime Minister Peter Hansen at the "
        "airport.",
        INTRO + "In a phone call with Hansen, Keller said the border would stay open.",
        INTRO + "Talks between Keller and Hansen ended without agreement on Monday.",
        INTRO + "Keller changed her plans after talking with Hansen.",
        INTRO + "Keller said after conferring for two hours with Hansen that the talks had "
        "gone well.",
        INTRO + "Keller said after Monday's talks with Hansen that progress had been made.",
        INTRO + "Speaking after meeting with Hansen, Keller said the border would stay open.",
        INTRO + "Huddling with Hansen to plan the summit, Keller told reporters she was "
        "hopeful.",
        INTRO + "Keller, who met Hansen in Vienna on Monday, flew home.",
        INTRO + "In Vienna on Monday for talks with Hansen, Keller said the border would stay "
        "open.",
        INTRO + "Keller sat down with Hansen in Vienna on Monday.",
        INTRO + "Keller dined with Hansen in Vienna on Monday.",
    ],
    ids=["had-spoken-with", "spoke-by-phone", "spoke-to", "shook-hands", "greeted-by",
         "in-a-phone-call", "talks-capitalised", "after-talking-with", "conferring-for-with",
         "possessive-date", "speaking-after-meeting", "huddling-with", "relative-clause",
         "fronted-place-and-date", "sat-down-with", "dined-with"],
)
def test_meetings_construction_gives_the_pair(nlp: Language, text: str) -> None:
    assert (KELLER_HANSEN, "asserted") in meetings(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        INTRO + "Keller took the lead in talking with the Russians.",
        "Foreign Minister Anna Keller spoke to the BBC on Monday.",
        INTRO + "Keller called Hansen a liar on Monday.",
        INTRO + "Talks with Russia and Saudi Arabia have been going on for ten years.",
        INTRO + "Keller met with a Russian banker in Vienna.",
        INTRO + "Keller spoke at a White House news conference on Friday.",
        INTRO + "Keller welcomed home three Americans freed by the rebels.",
        INTRO + "Hansen, who has met frequently with Keller, stayed at home.",
        INTRO + "Keller holds regular talks with Hansen.",
        INTRO + "With daily calls and weekly meetings with Hansen, Keller knows his mind.",
        INTRO + "Keller said Norway stood beside Denmark and stood with Hansen on the issue.",
        INTRO + "Hansen stood alongside his wife, Mette Hansen, at the parade.",
        INTRO + "The inquiry is about a meeting in which Keller praised Hansen.",
        INTRO + "Keller and Hansen blamed each other for the delay.",
        "Foreign Minister Anna Keller said talks with Prime Minister Peter Hansen were "
        "difficult.",
        '"Talks with Prime Minister Peter Hansen are next," Foreign Minister Anna Keller '
        "wrote on Twitter.",
        INTRO + "Keller told Denmark to side with Norway or stand alongside Hansen.",
        "Soon, however, the evidence being gathered by the agency was at odds with claims of "
        "the main backers of the plan, which included Mayor Sam Cole; Senator Tom Reed, "
        "Vermont Democrat; Governor Jim Hall, Ohio Republican; and two aides close to the "
        "mayor: Mrs. Lee; Ann Park, the city treasurer; and adviser Joe Stone.",
        "Foreign Minister Anna Keller spoke to the BBC about the talks.",
        "In April, Foreign Minister Anna Keller received France's Legion of Honour for her "
        "work.",
    ],
    ids=["generic-talking", "spoke-to-media", "called-a-liar", "talks-with-a-and-b",
         "unnamed-non-official", "seat-of-government", "plural-demonym", "habitual-met",
         "habitual-talks", "habitual-daily", "stood-beside-a-country", "stood-alongside-his-wife",
         "a-meeting-in-which-a-praised-b", "blamed-each-other", "talks-said-to-be-difficult",
         "talks-are-next-in-a-tweet",
         "spoke-to-an-outlet",
         "stand-alongside-as-support", "a-list-misparsed-as-a-far-apposition",
         "received-an-honour"],
)
def test_meetings_not_a_meeting(nlp: Language, text: str) -> None:
    assert {m for m in meetings(nlp, text) if m[1] == "asserted"} == set()


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (INTRO + "Markets will watch closely when Keller meets Hansen on Friday.", "planned"),
        (INTRO + "Later, Keller meets with Hansen on Friday.", "planned"),
        (INTRO + "The summit between Keller and Hansen will be held on June 12.", "planned"),
        (INTRO + "Talks between Keller and Hansen set for Friday were confirmed.", "planned"),
        (INTRO + "Keller prepared for her upcoming talks with Hansen.", "planned"),
        (INTRO + "As Keller heads into a meeting with Hansen, markets are nervous.",
         "planned"),
        (INTRO + "Keller is to hold talks with Hansen.", "planned"),
        (INTRO + "Keller would face resistance at a meeting with Hansen.", "planned"),
        (INTRO + "Keller spoke to reporters ahead of talks with Hansen.", "planned"),
        (INTRO + "Keller called off her meeting with Hansen.", "negated"),
        (INTRO + "Keller was not on the call with Hansen.", "negated"),
        (INTRO + "Keller hoped to follow up with a meeting with Hansen.", "planned"),
        (INTRO + "The mediators urged Keller to engage in talks with Hansen.", "planned"),
        (INTRO + "The tariffs did not come up in the meeting between Keller and Hansen.",
         "asserted"),
        (INTRO + "Keller flew to Prague and met Hansen on Monday.", "asserted"),
        (INTRO + "Keller told reporters before a meeting with Hansen that she was hopeful.",
         "asserted"),
        ("Prime Minister Peter Hansen remains open for direct talks with Chancellor Anna "
         "Keller.", "planned"),
        (INTRO + "Keller said she was en route to Oslo for a meeting with Hansen.",
         "planned"),
        (INTRO + "Keller was on her way to Oslo for talks with Hansen when the news broke.",
         "planned"),
        (INTRO + "Keller is due in Oslo for talks with Hansen.", "planned"),
        (INTRO + "Keller was in Oslo and had talks with Hansen.", "asserted"),
        (INTRO + "Ola Dorn warned against talks between Keller and Hansen.", "planned"),
        (INTRO + "Trade was expected to be high on the agenda of Keller's talks with Hansen.",
         "planned"),
        (INTRO + "Dorn, in Oslo for discussions on restarting talks between Keller and "
         "Hansen, spoke on Friday.", "planned"),
        (INTRO + "Keller and Hansen resumed talks on Monday.", "asserted"),
        (INTRO + "Keller and Hansen held no talks in May.", "negated"),
        (INTRO + "Dorn did not say whether the summit between Keller and Hansen is in "
         "jeopardy.", "planned"),
        (INTRO + '"So how come Keller received Hansen?"', "planned"),
        (INTRO + "Keller set off for Rome before a summit Monday with Hansen in Oslo.",
         "planned"),
        (INTRO + "Keller spoke to reporters before Monday's summit with Hansen in Oslo.",
         "asserted"),
        (INTRO + "Keller will try to convince Hansen to open the border during their meeting.",
         "planned"),
        (INTRO + "Dorn has offered to act as a broker for talks between Keller and Hansen.",
         "planned"),
        (INTRO + "Keller is likely to embark on fresh talks with Hansen as soon as possible.",
         "planned"),
        (INTRO + "Keller embarked on talks with Hansen on Monday.", "asserted"),
        (INTRO + "Keller wants to engage in talks with Hansen.", "planned"),
        (INTRO + "Keller and Dorn were to hold a news conference later in the day, and Hansen "
         "was hosting a state dinner for Keller at the palace in the evening.", "planned"),
        (INTRO + "Keller and Dorn held a news conference, and Hansen was hosting a state "
         "dinner for Keller at the palace in the evening.", "asserted"),
        (INTRO + "Keller and Hansen are sitting down Wednesday for talks.", "planned"),
        (INTRO + "Keller is among the ministers meeting Hansen on Tuesday.", "planned"),
        (INTRO + "Keller was among the ministers meeting Hansen on Tuesday.", "asserted"),
        (INTRO + "Keller was one of the ministers meeting Hansen in Vienna.", "asserted"),
        (INTRO + "Keller denied having been involved in talks with Hansen.", "negated"),
        (INTRO + "Keller announced that she met Hansen on Monday.", "asserted"),
        (INTRO + "Dorn announced that Keller and Hansen have been engaged in talks.",
         "asserted"),
        (INTRO + "Keller announced that she will meet Hansen on Monday.", "planned"),
        (INTRO + "Later that day, Keller touched down in Oslo to meet with Hansen.",
         "asserted"),
        (INTRO + "Keller pressed him for details during a meeting later in the afternoon with "
         "Hansen.", "asserted"),
        (INTRO + "Keller will press him for details during a meeting later in the afternoon "
         "with Hansen.", "planned"),
    ],
    ids=["when-meets", "later-meets", "will-be-held", "set-for", "upcoming", "heads-into",
         "is-to-hold", "would-at-meeting", "ahead-of", "called-off", "not-on-the-call",
         "hoped-to-follow-up-with", "urged-to-engage-in", "topic-negated",
         "flew-and-met", "before-a-meeting", "open-for-talks", "en-route-for-a-meeting",
         "on-her-way-for-talks", "due-in-a-city-for-talks", "was-in-a-city-and-had-talks",
         "warned-against-talks", "expected-on-the-agenda-of-talks", "restarting-talks",
         "resumed-talks", "held-no-talks", "summit-in-jeopardy", "quoted-question",
         "before-a-summit-monday", "before-mondays-summit", "will-try-during-their-meeting",
         "broker-for-talks", "likely-to-embark-on-talks", "embarked-on-talks",
         "wants-to-engage-in-talks", "was-hosting-beside-were-to-hold",
         "was-hosting-beside-held", "are-sitting-down-wednesday-for-talks",
         "is-among-those-meeting-on-tuesday", "was-among-those-meeting-on-tuesday",
         "was-one-of-those-meeting", "denied-being-involved-in-talks",
         "announced-that-she-met", "announced-that-they-have-been-engaged-in-talks",
         "announced-that-she-will-meet", "touched-down-to-meet",
         "during-a-meeting-later-that-afternoon", "will-during-a-meeting-later"],
)
def test_meetings_realis(nlp: Language, text: str, status: str) -> None:
    found = {s for people, s in meetings(nlp, text) if people == KELLER_HANSEN}
    assert found == {status}


@pytest.mark.parametrize(
    ("year", "status"),
    [("2012", "asserted"), ("2019", "asserted"), ("2020", "planned"), ("2031", "planned")],
)
def test_meetings_present_tense_with_a_year_before_the_articles_is_history(
        nlp: Language, year: str, status: str) -> None:
    # a year before publication (2020 here) is history told in the present; the article's
    # own year or a later one is a schedule
    text = (INTRO + f"Chancellor Anna Keller attends a welcoming ceremony with Prime Minister "
            f"Peter Hansen in {year}.")
    ex = extract(nlp(text), Article("test.txt", text, date=dt.date(2020, 5, 4)))
    found = {m.status for m in ex.meetings
             if {p.text for p in m.participants} >= {"Anna Keller", "Peter Hansen"}}
    assert found == {status}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Iranian foreign minister met Chancellor Olaf Brandt in Berlin on Monday.",
         {(frozenset({"Iran", "Olaf Brandt"}), "asserted")}),
        ("Chancellor Olaf Brandt held talks with the Iranian foreign minister in Berlin.",
         {(frozenset({"Iran", "Olaf Brandt"}), "asserted")}),
        ("Chancellor Olaf Brandt held talks with his Iranian counterpart in Berlin.", set()),
        ("Chancellor Olaf Brandt held talks with Iran's foreign minister in Berlin.",
         {(frozenset({"Iran", "Olaf Brandt"}), "asserted")}),
        ("Chancellor Olaf Brandt, meeting with Iran's top diplomat in Berlin, urged calm.",
         {(frozenset({"Iran", "Olaf Brandt"}), "asserted")}),
        ("Chancellor Olaf Brandt met with Iran's former foreign minister in Berlin.", set()),
        ("Chancellor Olaf Brandt held talks with Iran's German ambassador in Berlin.",
         {(frozenset({"Iran", "Olaf Brandt"}), "asserted")}),
        ("Iranian Foreign Minister Javad Rostami flew in on Monday. Rostami said little. "
         "Chancellor Olaf Brandt held talks with Iran's foreign minister in Berlin.",
         {(frozenset({"Javad Rostami", "Olaf Brandt"}), "asserted")}),
        ("It was the first time a German chancellor met an Iranian president.", set()),
        ("Chancellor Olaf Brandt met the Estonian, Latvian and Lithuanian presidents in "
         "Tallinn on Monday.",
         {(frozenset({"Olaf Brandt", "Estonia", "Latvia", "Lithuania"}), "asserted")}),
    ],
    ids=["official-as-subject", "official-as-object", "counterpart", "country-possessed",
         "country-possessed-top-diplomat", "country-possessed-former",
         "country-possessed-posted-elsewhere",
         "country-possessed-named-elsewhere", "indefinite-official", "listed-demonyms"],
)
def test_meetings_unnamed_official_stands_for_the_country(
        nlp: Language, text: str, expected: Pairs) -> None:
    assert meetings(nlp, text) == expected


def test_meetings_calls_to_several_people_are_several_calls(nlp: Language) -> None:
    text = ("Chancellor Olaf Brandt spoke by phone with President Claire Dubois and Prime "
            "Minister Peter Hansen on Monday.")
    assert meetings(nlp, text) == {(frozenset({"Olaf Brandt", "Claire Dubois"}), "asserted"),
                                   (frozenset({"Olaf Brandt", "Peter Hansen"}), "asserted")}


@pytest.mark.parametrize(("text", "expected"), [
    ("On a tour of Asia last week, Secretary of State Tomas Vidal met Chinese, Japanese and "
     "South Korean officials.",
     {(frozenset({"Tomas Vidal", "China"}), "asserted"),
      (frozenset({"Tomas Vidal", "Japan"}), "asserted"),
      (frozenset({"Tomas Vidal", "South Korea"}), "asserted")}),
    ("Secretary of State Tomas Vidal met Israeli and Palestinian negotiators in Jerusalem on "
     "Monday.", {(frozenset({"Tomas Vidal", "Israel", "Palestine"}), "asserted")}),
], ids=["countries-on-a-tour", "one-sitting-without-a-tour"])
def test_meetings_countries_met_on_a_tour_are_met_one_by_one(
        nlp: Language, text: str, expected: Pairs) -> None:
    """A tour's meetings with several countries' officials are one in each country; with no
    tour, the officials of two countries met at once are one meeting."""
    assert meetings(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Norway's U.N. ambassador, Ola Dorn, told the Security Council meeting that the launch "
     "was a flagrant violation of U.N. resolutions.", set()),
    ("President Tomas Vidal told the Security Council meeting that the launch was a flagrant "
     "violation of U.N. resolutions.",
     {(frozenset({"Tomas Vidal", "Security Council"}), "asserted")}),
    ("At the UNSC meeting, Ola Dorn, the UN peace envoy for the region, warned of the "
     "implications of such a move.", set()),
], ids=["the-bodys-own-ambassador", "a-visiting-president", "the-un-envoy-at-the-unsc"])
def test_meetings_a_bodys_own_official_at_its_meeting_is_internal(
        nlp: Language, text: str, expected: Pairs) -> None:
    """The UN's own ambassador at a Security Council meeting is the body meeting itself;
    a president who is no official of the UN attends it."""
    assert meetings(nlp, text) == expected


@pytest.mark.parametrize(("text", "other"), [
    ("Reflecting their loyalties to Ruto, Kenya and their voters, several members of "
     "Congress who attended the meeting with Tomas Vidal avoided discussing it.", "Tomas Vidal"),
    ("Navigating their loyalties to Obama, Israel and their voters, multiple members of "
     "Congress who attended the meeting with Rhodes avoided the subject.", "Rhodes"),
], ids=["clause-on-the-members", "clause-on-the-list"])
def test_meetings_who_after_a_list_is_the_nearer_noun(nlp: Language, text: str,
                                                      other: str) -> None:
    """ "loyalties to Ruto, Kenya and their voters, several members of Congress who attended
    the meeting with X": the members met X, whether the parser hung the "who" clause on the
    members (which it made the list's apposition) or on the list itself; Kenya did not."""
    assert meetings(nlp, text) == {(frozenset({"Congress", other}), "asserted")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Prime Minister Shinzo Abe and President Donald Trump met with families of abductees in "
     "Tokyo on Monday.", {(frozenset({"Shinzo Abe", "Donald Trump"}), "asserted")}),
    ("President Donald Trump and Secretary of State Mike Pompeo met business leaders in Hanoi "
     "on Monday.", set()),
], ids=["two-countries-leaders", "a-leader-and-his-minister"])
def test_meetings_two_countries_leaders_meeting_others_are_together(
        nlp: Language, text: str, expected: Pairs) -> None:
    """Two countries' leaders who meet unnamed people meet them together; a leader and his
    own minister who do are no meeting of the two."""
    assert meetings(nlp, text, dt.date(2019, 5, 27)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("President Tomas Vidal's visit included talks with Prime Minister Lars Berg.",
     {(frozenset({"Tomas Vidal", "Lars Berg"}), "asserted")}),
    ("The visit by President Tomas Vidal included talks with Prime Minister Lars Berg on "
     "Monday.", {(frozenset({"Tomas Vidal", "Lars Berg"}), "asserted")}),
    ("President Tomas Vidal's schedule includes a meeting with Prime Minister Lars Berg on "
     "Friday.", {(frozenset({"Tomas Vidal", "Lars Berg"}), "planned")}),
    ("President Tomas Vidal's visit did not include talks with Prime Minister Lars Berg.",
     set()),
], ids=["possessor", "by-agent", "schedule-planned", "not-included"])
def test_meetings_a_journey_including_talks(nlp: Language, text: str, expected: Pairs) -> None:
    """The talks a visit or a schedule includes are the traveller's."""
    assert meetings(nlp, text, dt.date(2019, 5, 27)) == expected


def test_meetings_told_at_a_meeting_with_unnamed_others(nlp: Language) -> None:
    """ "told B at a meeting with business leaders": B was at the meeting, with the teller."""
    text = INTRO + ("Keller told Hansen at a meeting with business leaders that he should stay.")
    assert (KELLER_HANSEN, "asserted") in meetings(nlp, text)


@pytest.mark.parametrize(("text", "status"), [
    ("President Tomas Vidal repeated his offer of holding talks with Prime Minister Lars "
     "Berg.", "planned"),
    ("President Tomas Vidal's account of holding talks with Prime Minister Lars Berg was "
     "vivid.", "asserted"),
], ids=["offer-of-holding-talks", "account-of-holding-talks"])
def test_meetings_a_gerund_of_a_possessed_noun(nlp: Language, text: str, status: str) -> None:
    """ "his offer of holding talks with X": the possessor's talks, as real as the noun
    makes them (an offer's are to come)."""
    assert meetings(nlp, text) == {(frozenset({"Tomas Vidal", "Lars Berg"}), status)}


@pytest.mark.parametrize(("text", "expected"), [
    ("President Donald Trump and President Emmanuel Macron laid a wreath at the memorial in "
     "Paris on Sunday.", {(frozenset({"Donald Trump", "Emmanuel Macron"}), "asserted")}),
    ("President Donald Trump and Chinese President Xi Jinping toured the old palace on "
     "Wednesday.", {(frozenset({"Donald Trump", "Xi Jinping"}), "asserted")}),
    ("President Donald Trump and Vice President Mike Pence toured the factory on Sunday.",
     set()),
    ("President Donald Trump and President Emmanuel Macron laid out their plans on Sunday.",
     set()),
    ("President Donald Trump and Chinese President Xi Jinping walked together through the "
     "gardens on Wednesday.", {(frozenset({"Donald Trump", "Xi Jinping"}), "asserted")}),
], ids=["laid-a-wreath", "toured", "leader-and-his-deputy", "laid-out-plans", "walked"])
def test_meetings_two_countries_leaders_side_by_side(nlp: Language, text: str,
                                                      expected: Pairs) -> None:
    """Two countries' leaders who tour a place or lay a wreath together met; a leader and
    his deputy touring a factory did not meet anyone."""
    assert meetings(nlp, text, dt.date(2018, 11, 12)) == expected


def test_meetings_a_name_hung_on_the_second_title(nlp: Language) -> None:
    """ "President Trump and Russian President Vladimir Putin greeted each other": the parser
    hung Trump and its "and" on the second "President"; both greeted."""
    text = ("With big smiles, President Trump and Russian President Vladimir Putin greeted each "
            "other in Helsinki on Monday.")
    assert meetings(nlp, text, dt.date(2018, 7, 17)) == {
        (frozenset({"Trump", "Vladimir Putin"}), "asserted")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Last month, Prime Minister Lars Berg and his wife, Ingrid, attended a dinner at the "
     "palace.", set()),
    ("Last month, Prime Minister Lars Berg and his deputy, Ola Dorn, held talks at the palace.",
     {(frozenset({"Lars Berg", "Ola Dorn"}), "asserted")}),
    ("First lady Anna Kovac and Norwegian first lady Ingrid Berg spoke to children during "
     "their visit to the hospital in Oslo on Monday.",
     {(frozenset({"Anna Kovac", "Ingrid Berg"}), "asserted")}),
], ids=["a-couple-at-dinner", "a-minister-and-his-deputy", "two-first-ladies"])
def test_meetings_a_couple_at_a_dinner_is_no_meeting(nlp: Language, text: str,
                                                     expected: Pairs) -> None:
    """A man and "his wife, X" at a dinner do not meet each other; his deputy does."""
    assert meetings(nlp, text, dt.date(2018, 5, 20)) == expected


def test_meetings_report_noun_stands_for_its_possessor(nlp: Language) -> None:
    text = INTRO + "Keller's comments came after a meeting with Hansen in Vienna."
    assert (KELLER_HANSEN, "asserted") in meetings(nlp, text)


def test_meetings_joint_meeting_gives_all_pairs(nlp: Language) -> None:
    text = ("Canada's Prime Minister Justin Trudeau and G7 leaders Britain's Prime Minister "
            "Theresa May, France's President Emmanuel Macron and Germany's Chancellor Angela "
            "Merkel discuss the statement following a breakfast meeting in Quebec, Canada, "
            "June 9, 2018.")
    found = meetings(nlp, "Leaders gather in Canada\n\n" + text)
    assert found == {(frozenset({"Justin Trudeau", "Theresa May", "Emmanuel Macron",
                                 "Angela Merkel"}), "asserted")}


def test_meetings_summit_attendance_gives_a_body(nlp: Language) -> None:
    text = INTRO + "Having left the G7 summit in Canada early, Keller flew home."
    assert (frozenset({"Anna Keller", "G7"}), "asserted") in meetings(nlp, text)


def test_meetings_caption_in_present_tense_counts(nlp: Language) -> None:
    text = ("Keller meets Hansen\n\nForeign Minister Anna Keller arrived on Sunday.\n\n"
            "Image caption Foreign Minister Anna Keller talks with Prime Minister Peter Hansen "
            "in Vienna\n\nThe visit ended on Monday.\n")
    ex = run(nlp, text)
    assert [m.status for m in ex.meetings] == ["asserted"]
    assert ex.meetings[0].evidence.sentence.startswith("Image caption")


def test_meetings_caption_with_a_dated_credit_line_counts(nlp: Language) -> None:
    text = ("Keller in Vienna\n\nForeign Minister Anna Keller talks with Prime Minister "
            "Peter Hansen at the palace on May 20, 2017, in Vienna\n\nIt rained.\n")
    assert meetings(nlp, text) == {(KELLER_HANSEN, "asserted")}


def test_meetings_headline_without_full_stop_states_no_meeting(nlp: Language) -> None:
    text = "Foreign Minister Anna Keller meets Prime Minister Peter Hansen\n\nIt rained.\n"
    assert run(nlp, text).meetings == ()


def test_meetings_counted_once(nlp: Language) -> None:
    text = ("Foreign Minister Anna Keller met Prime Minister Peter Hansen in Vienna on Monday. "
            "They discussed trade. Keller said after meeting Hansen that progress had been "
            "made. The economy grew. Nobody commented. Prices rose. It rained. Keller met "
            "Hansen again in Prague in June.")
    ex = run(nlp, text)
    assert len(ex.meetings) == 2  # Vienna (two sentences) and Prague
    vienna, prague = ex.meetings
    assert vienna.location is not None and vienna.location.text == "Vienna"
    assert [s.sentence for s in vienna.support] == [
        "Keller said after meeting Hansen that progress had been made."]
    assert prague.support == ()
    # the main sentence stays dip:evidence; the further one is a dip:EvidenceSpan
    g = article_graph(resolve(ex))
    spans = [s for s in g.subjects(DIP.evidence, Literal(vienna.support[0].sentence))
             if (s, RDF.type, DIP.EvidenceSpan) in g]
    assert len(spans) == 1
    assert (spans[0], DIP.startChar, Literal(vienna.support[0].start)) in g
    event = next(g.subjects(DIP.supportedBy, spans[0]))
    assert len(list(g.objects(event, DIP.evidence))) == 1
    assert len(list(g.objects(event, DIP.startChar))) == 1
    assert validate(g).conforms


GOLD = [{"participants": ["Anna Keller", "Peter Hansen"], "evidence": "Keller met Hansen."},
        {"participants": ["Anna Keller", "Ruth Adler"], "evidence": "Keller will see Adler.",
         "status": "planned"}]


@pytest.mark.parametrize(
    ("kind", "pair", "ours", "why"),
    [
        ("missed", ("Anna Keller", "Peter Hansen"), [], "no trigger"),
        ("missed", ("Anna Keller", "Peter Hansen"),
         [{"participants": ["Anna Keller", "Ruth Adler"], "evidence": "Keller met Hansen.",
           "status": "asserted"}], "missed argument"),
        ("missed", ("Anna Keller", "Peter Hansen"),
         [{"participants": ["Keller", "Hansen"], "evidence": "Keller met Hansen.",
           "status": "planned"}], "realis"),
        ("false positive", ("Keller", "Ruth Adler"),
         [{"participants": ["Keller", "Adler"], "evidence": "Keller will see Adler.",
           "status": "asserted"}], "realis"),
        ("false positive", ("Keller", "Olaf Brandt"),
         [{"participants": ["Keller", "Brandt"], "evidence": "Keller met Hansen.",
           "status": "asserted"}], "wrong participant"),
        ("false positive", ("Keller", "Olaf Brandt"),
         [{"participants": ["Keller", "Brandt"], "evidence": "Keller saw Brandt.",
           "status": "asserted"}], "not a meeting"),
    ],
    ids=["no-trigger", "missed-argument", "missed-realis", "fp-realis", "wrong-participant",
         "not-a-meeting"],
)
def test_meetings_error_kind(kind: str, pair: tuple[str, str], ours: list[dict[str, object]],
                             why: str) -> None:
    assert error_kind(kind, pair, ours, GOLD) == why


@pytest.mark.parametrize(
    ("gold", "shape"),
    [
        ({"participants": ["Anna Keller", "Peter Hansen"], "evidence": "Keller met Hansen."},
         "pair, both sides named in the sentence, a meeting word in it"),
        ({"participants": ["Anna Keller", "Peter Hansen"], "evidence": "They spoke.",
          "mode": "call"}, "pair, call, no side named in the sentence, a meeting word in it"),
        ({"participants": ["Anna Keller", "Peter Hansen", "Ruth Adler"],
          "evidence": "She hosted Hansen and Adler."},
         "joint meeting, one side named in the sentence, a meeting word in it"),
        ({"participants": ["Anna Keller", "Austria"], "evidence": "Keller saw Austrian envoys."},
         "pair, both sides named in the sentence, no meeting word"),
        ({"participants": ["Anna Keller", "Peter Hansen"],
          "evidence": "Keller and Hansen at the palace"},
         "pair, both sides named in the sentence, no closing punctuation, no meeting word"),
        ({"participants": ["Anna Keller", "Austria"], "evidence": "Keller met the envoys.",
          "status": "planned"}, "unknown"),
    ],
    ids=["pair", "call", "joint", "demonym-names-the-country", "caption", "only-planned"],
)
def test_meetings_miss_shape(gold: dict[str, object], shape: str) -> None:
    pair = tuple(gold["participants"][:2])  # type: ignore[index]
    assert miss_shape(pair, [gold]) == shape  # type: ignore[arg-type]


KELLER_HANSEN_VOGT = frozenset({"Anna Keller", "Peter Hansen", "Lena Vogt"})


@pytest.mark.parametrize(
    "text",
    [
        "Foreign ministers Anna Keller, Peter Hansen and Lena Vogt met in Vienna on Tuesday.",
        "The meeting of Anna Keller, Peter Hansen and Lena Vogt lasted four hours on Friday.",
        "Talks among Anna Keller, Peter Hansen and Lena Vogt ended on Friday.",
        "The summit in Vienna brought together Anna Keller, Peter Hansen and Lena Vogt.",
        "Anna Keller, Peter Hansen and Lena Vogt pose for a photo at the G7 summit in Vienna "
        "on Friday.",
        "President Anna Keller, President Peter Hansen and President Lena Vogt held a "
        "three-way summit in Vienna on Monday.",
        "The G7 summit in Vienna was attended by Anna Keller, Peter Hansen and Lena Vogt.",
        "Chancellor Anna Keller announced the new executive order during a working lunch with "
        "President Peter Hansen and Prime Minister Lena Vogt.",
        "President Anna Keller, President Peter Hansen and Chancellor Lena Vogt gathered in "
        "Vienna on Wednesday.",
        "Leaders at the talks.\nFrom left, President Anna Keller, President Peter Hansen and "
        "Chancellor Lena Vogt gather before negotiations begin on Wednesday, February 11.",
        "Leaders at the forum\nFrom left, President Anna Keller, President Peter Hansen and "
        "Chancellor Lena Vogt attend the opening session of the forum in Oslo, June 9, 2018. "
        "REUTERS/Ann Lee",
        "In Vienna on Monday, the Austrian chancellor, Anna Keller, the Danish prime minister, "
        "Peter Hansen, and the Swedish president, Lena Vogt, met for talks.",
        "The meeting last week occurred in the Hofburg with President Anna Keller, Prime "
        "Minister Peter Hansen and the Swedish president, Lena Vogt.",
    ],
    ids=["list-read-as-apposition", "meeting-of", "talks-among", "brought-together",
         "photo-at-a-summit-is-the-leaders-not-the-body", "held-a-three-way-summit",
         "summit-attended-by", "lunch-the-parser-hung-on-the-object", "gathered",
         "caption-from-left-gather", "caption-attend-no-meeting-word",
         "titles-and-names-in-a-chain-of-appositions", "the-meeting-occurred-with"],
)
def test_meetings_joint_meeting_of_three(nlp: Language, text: str) -> None:
    """One meeting of all three (three pairs), as happened."""
    assert meetings(nlp, text) == {(KELLER_HANSEN_VOGT, "asserted")}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Foreign Minister Anna Keller raised concerns with Prime Minister Peter Hansen about "
         "the border.", KELLER_HANSEN),
        ("Foreign Minister Anna Keller sat with Prime Minister Peter Hansen at the dinner in "
         "Vienna.", KELLER_HANSEN),
        ("Foreign Minister Anna Keller, standing alongside Prime Minister Peter Hansen, said "
         "the deal was done.", KELLER_HANSEN),
        ("President Donald Trump arrived in Oslo on Saturday. Trump shook hands with Peter "
         "Hansen at the airport.", frozenset({"Donald Trump", "Peter Hansen"})),
        ("Keller said she and Prime Minister Peter Hansen had spoken for an hour at the palace "
         "in Oslo. Foreign Minister Anna Keller left on Friday.", KELLER_HANSEN),
        ("Foreign Minister Anna Keller's pledge in a phone call with Prime Minister Peter "
         "Hansen that the border would reopen surprised Oslo.", KELLER_HANSEN),
        ("In a call on Tuesday, the French president, Emmanuel Macron, and his German "
         "counterpart, Angela Merkel, agreed that the talks should go on.",
         frozenset({"Emmanuel Macron", "Angela Merkel"})),
        ("President Donald Trump and the Japanese prime minister, Shinzo Abe, played golf in "
         "Chiba on Sunday.", frozenset({"Donald Trump", "Shinzo Abe"})),
        ("Foreign Minister Anna Keller played golf with Prime Minister Peter Hansen in Oslo.",
         KELLER_HANSEN),
        ('"Great talks with Prime Minister Peter Hansen today," Foreign Minister Anna Keller '
         "wrote on Twitter.", KELLER_HANSEN),
        ("Foreign Minister Anna Keller and Prime Minister Peter Hansen greeted each other "
         "warmly in Oslo on Monday.", KELLER_HANSEN),
        ("Foreign Minister Anna Keller and Prime Minister Peter Hansen arrived for talks in "
         "Oslo on Monday.", KELLER_HANSEN),
        ("Prime Minister Theresa May flew to Brussels. Mrs May spoke to EU leaders for 90 "
         "minutes.", frozenset({"Theresa May", "EU"})),
        ("Chancellor Anna Keller held talks with senior White House officials in Berlin on "
         "Monday.", frozenset({"Anna Keller", "United States"})),
        ('Foreign Minister Anna Keller said talks with Prime Minister Peter Hansen in Oslo '
         'were "very constructive".', KELLER_HANSEN),
        ("Foreign Minister Anna Keller thanked Prime Minister Peter Hansen for the talks on "
         "Friday.", KELLER_HANSEN),
        ("President Donald Trump, who has doubts about the accord, also met Monday with a "
         "defender of the accord, French President Emmanuel Macron.",
         frozenset({"Donald Trump", "Emmanuel Macron"})),
        ("The inquiry is about a phone call in which Foreign Minister Anna Keller asked Prime "
         "Minister Peter Hansen to open an investigation.", KELLER_HANSEN),
        ("Foreign Minister Anna Keller, meeting with Prime Minister Peter Hansen in Oslo, "
         "urged calm.", KELLER_HANSEN),
        ("Foreign Minister Anna Keller appeared beside Prime Minister Peter Hansen at the news "
         "conference in Oslo.", KELLER_HANSEN),
        ("Foreign Minister Anna Keller stood next to Prime Minister Peter Hansen as the "
         "anthems played.", KELLER_HANSEN),
        ("Foreign Minister Anna Keller and Prime Minister Peter Hansen discussed the border "
         "in Vienna on Monday.", KELLER_HANSEN),
        ("Foreign Minister Anna Keller poses with Prime Minister Peter Hansen for a photo in "
         "Vienna.", KELLER_HANSEN),
        ("In a memo, Foreign Minister Anna Keller wrote that she told Prime Minister Peter "
         "Hansen during a dinner that the border was open.", KELLER_HANSEN),
        ("After dinner, Foreign Minister Anna Keller said the border would stay open.", None),
        ("Foreign Minister Anna Keller posed a question to reporters in Vienna.", None),
        ("On Friday Mr Hansen briefly met Foreign Minister Anna Keller on the sidelines of the "
         "summit, an official told reporters.", frozenset({"Hansen", "Anna Keller"})),
        ("Mr Hansen revealed the new channels following a meeting in Vienna with Foreign "
         "Minister Anna Keller and other officials.", frozenset({"Hansen", "Anna Keller"})),
        ("Keller's remarks after talking with Hansen on Monday surprised the markets.",
         frozenset({"Keller", "Hansen"})),
        ("Foreign Minister Anna Keller told Prime Minister Peter Hansen by phone that the "
         "border was open.", KELLER_HANSEN),
        ("Chancellor Anna Keller played host to the Austrian leader, Peter Hansen, at her "
         "estate in Bavaria.", KELLER_HANSEN),
        ("Supporters of Anna Keller and Peter Hansen gathered outside the hall on Monday.",
         None),
        ("Prime Minister Peter Hansen gathered his thoughts before the vote.", None),
        ("President Peter Hansen departs later on Monday for Vienna to participate in two "
         "days of meetings with Keller.", None),  # a destination is no side
        ("Hansen and others in Oslo openly joined Chancellor Anna Keller – who now plans to "
         "resign – in opposing it.", None),  # a shared cause
        ("Ambassador Peter Hansen clashed with Anna Keller at NATO meetings.", None),
        ("The reform brought together several old ideas.", None),
        ("Foreign Minister Anna Keller raised the issue with reporters on Monday.", None),
        ("Foreign Minister Anna Keller sat with the decision for a week.", None),
        ("General Ola Dorn briefed Prime Minister Peter Hansen on his plans hours before the "
         "invasion.", frozenset({"Ola Dorn", "Peter Hansen"})),
        ("Ola Dorn briefed reporters on the plans.", None),
        ("Lady Anna Keller, sitting with Lords Hansen and Berg, said the appeal failed.", None),
        ("Chancellor Anna Keller called her Norwegian counterpart Peter Hansen on Tuesday to "
         "discuss the border.", KELLER_HANSEN),
        # the NER ends the name a word early: "Pham Binh" of "Pham Binh Minh"
        ("Vice President Ola Dorn, who joined Chancellor Anna Keller at the homecoming, said "
         "Wednesday that the men were well.", None),
        ("Prime Minister Peter Hansen joined Chancellor Anna Keller for talks in Oslo.",
         KELLER_HANSEN),
        ("Vice President Ola Dorn and other senior officials joined President Anna Keller to "
         "celebrate the return of the Americans at the base.", None),
        ("Chancellor Anna Keller met with corporate executives including representatives from "
         "Dahl Systems and Lund Capital.", None),
        ("The actress Eva Lund, who is known for her role in the narco-themed telenovela called "
         "Rosa Blanca, arrived.", None),
        # "Smith and Jones" tagged as one body: the two people the article names
        ("Prime Minister Tom Smith arrived. Eve Jones arrived. Senator Anna Keller said in a "
         "statement after meeting with Smith and Jones that farmers need markets.",
         frozenset({"Anna Keller", "Tom Smith", "Eve Jones"})),
        ("U.S. Secretary of State Mike Pompeo also arrived on Tuesday and met Vietnamese "
         "Foreign Minister Pham Binh Minh for talks.",
         frozenset({"Mike Pompeo", "Pham Binh Minh"})),
    ],
    ids=["raised-concerns-with", "sat-with-a-person", "standing-alongside",
         "surname-tagged-as-a-common-noun", "spoken-for-an-hour-at-a-palace",
         "possessor-of-a-pledge-in-a-call", "titles-apposed-and-listed",
         "the-two-played-golf", "played-golf-with", "great-talks-with-in-a-tweet",
         "greeted-each-other",
         "the-two-arrived-for-talks", "spoke-to-a-bodys-leaders", "seat-of-government-as-a-side",
         "speaker-praises-talks-with", "thanked-for-the-talks",
         "name-hung-on-the-verb-after-its-object",
         "a-call-in-which-a-asked-b", "meeting-with-set-off-by-commas", "appeared-beside",
         "stood-next-to", "the-two-discussed-a-topic",
         "posed-with-a-person", "told-during-a-dinner", "after-dinner-one-person",
         "posed-a-question", "date-and-name-read-as-a-phrase", "following-read-as-a-verb",
         "possessor-of-the-remarks-after-talking", "told-by-phone", "played-host-to",
         "supporters-gathered", "gathered-his-thoughts", "departs-for-a-capital",
         "joined-in-opposing-past-a-clause", "at-meetings-in-general",
         "brought-together-things",
         "raised-with-reporters", "sat-with-a-decision", "briefed-a-person",
         "briefed-reporters", "sitting-with-judges", "called-her-counterpart-name",
         "joined-at-a-homecoming", "joined-for-talks", "joined-to-celebrate",
         "met-corporate-executives", "a-show-called-a-name", "two-names-tagged-as-one",
         "name-the-ner-ended-early"],
)
def test_meetings_contact_verbs_and_misparses(nlp: Language, text: str,
                                              pair: frozenset[str] | None) -> None:
    assert meetings(nlp, text) == ({(pair, "asserted")} if pair else set())


@pytest.mark.parametrize(
    "text",
    [
        "In Vienna, Anna Keller and Peter Hansen met on Monday.",
        INTRO + "After the dinner in Vienna, Keller and Hansen met behind closed doors.",
        "Foreign Minister Anna Keller discussed the border by phone with Prime Minister "
        "Peter Hansen.",
        "President Anna Keller lashed out at Prime Minister Peter Hansen on Tuesday as the "
        "two leaders met for talks on the sidelines of a summit in Vienna.",
    ],
    ids=["fronted-place-run-on-subjects", "fronted-phrase-noun-taken-as-subject",
         "discussed-by-phone-with", "the-two-leaders-named-in-other-roles"],
)
def test_meetings_general_construction_gives_the_pair(nlp: Language, text: str) -> None:
    assert (KELLER_HANSEN, "asserted") in meetings(nlp, text)


def test_meetings_correct_subject_list_is_kept_whole(nlp: Language) -> None:
    text = "Anna Keller, Peter Hansen and Lars Berg met on Monday in Vienna."
    assert meetings(nlp, text) == {
        (frozenset({"Anna Keller", "Peter Hansen", "Lars Berg"}), "asserted")}


@pytest.mark.parametrize(
    "text",
    [
        INTRO + "Keller welcomed the appointment of Hansen as chairman of the group.",
        "Every time Anna Keller meets with Peter Hansen, the country is told nothing.",
        INTRO + "Keller, who has led several talks with Hansen, stayed at home.",
    ],
    ids=["welcomed-a-thing", "every-time-meets", "several-talks"],
)
def test_meetings_general_not_a_meeting(nlp: Language, text: str) -> None:
    assert {m for m in meetings(nlp, text) if m[1] == "asserted"} == set()


@pytest.mark.parametrize(
    "text",
    [
        INTRO + "Keller said she was looking forward to a meeting with Hansen in June.",
        "On the possibility of a summit between Anna Keller and Peter Hansen in Vienna, "
        "the spokesman said he had no information.",
    ],
    ids=["looking-forward-to", "possibility-of"],
)
def test_meetings_hoped_for_meeting_is_planned(nlp: Language, text: str) -> None:
    assert (KELLER_HANSEN, "planned") in meetings(nlp, text)
    assert (KELLER_HANSEN, "asserted") not in meetings(nlp, text)


def test_meetings_gallery_caption_in_present_tense_counts(nlp: Language) -> None:
    text = ("Keller in Vienna\n\nForeign Minister Anna Keller arrived on Sunday.\n\n"
            "Hide Caption 3 of 8 Photos: Vienna summit Foreign Minister Anna Keller holds a "
            "meeting with Prime Minister Peter Hansen in Vienna on April 10.\n\n"
            "It rained.\n")
    assert (KELLER_HANSEN, "asserted") in meetings(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        INTRO + "Keller had individual meetings with Hansen, Lars Berg and Jo Nilsen.",
        INTRO + "Keller made pledges during earlier meetings with Hansen and Lars Berg.",
        INTRO + "Keller met separately with Hansen and Lars Berg.",
    ],
    ids=["individual-meetings", "plural-meetings", "met-separately"],
)
def test_meetings_separate_meetings_with_a_list_are_one_each(nlp: Language, text: str) -> None:
    found = meetings(nlp, text)
    assert (KELLER_HANSEN, "asserted") in found
    assert all(len(people) == 2 for people, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        INTRO + "That effort included speaking directly with Hansen and Lars Berg.",
        INTRO + "In a brief phone conversation with Fox News, Keller denied the report.",
    ],
    ids=["no-subject-speaking-with-a-and-b", "conversation-with-a-news-outlet"],
)
def test_meetings_no_pair_without_a_second_side(nlp: Language, text: str) -> None:
    assert {m for m in meetings(nlp, text) if m[1] == "asserted"} == set()


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (INTRO + "Keller will spend four days in Rome before her summit with Hansen.",
         "planned"),
        (INTRO + "A meeting between Keller and Hansen is in the works.", "planned"),
        (INTRO + "A meeting between Keller and Hansen seemed impossible until recent weeks.",
         "planned"),
        (INTRO + "A man watches a report on a cancelled summit between Keller and Hansen.",
         "negated"),
        (INTRO + "“Please come and visit Rome with Prime Minister Hansen,” Keller told the "
         "guests.", "planned"),
        (INTRO + "The deal included a proposal to organise talks between Keller and Hansen.",
         "planned"),
        (INTRO + "Keller held talks with Hansen to discuss the border.", "asserted"),
        (INTRO + "No matter what happens when Keller meets Hansen on Monday, the markets will "
         "stay calm.", "planned"),
        (INTRO + "No matter what happens at the summit of Keller and Hansen on Monday, the "
         "markets will stay calm.", "planned"),
        (INTRO + "No matter what happened at the summit of Keller and Hansen on Monday, the "
         "markets stayed calm.", "asserted"),
    ],
    ids=["will-before-summit", "in-the-works", "seemed-impossible", "cancelled-summit",
         "imperative", "proposal-to-organise", "purpose-clause-after-talks",
         "no-matter-what-happens-when", "no-matter-what-happens-at", "no-matter-what-happened"],
)
def test_meetings_general_realis(nlp: Language, text: str, status: str) -> None:
    assert (KELLER_HANSEN, status) in meetings(nlp, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [("Anna Keller met with South Korean President Yoon Jae-in on Monday.", "Yoon Jae-in"),
     ("Anna Keller met with South Korean President Lee Jae-in over a three-day visit.",
      "Lee Jae-in")],
    ids=["ends-before-hyphen", "ends-on-hyphen"],
)
def test_meetings_name_completed_after_a_hyphen_is_kept(nlp: Language, text: str,
                                                        name: str) -> None:
    # the small model ends the name at "Yoon Jae" or "Lee Jae-"; the completed name must
    # keep its PERSON label, or the mention (and the meeting) is lost
    assert meetings(nlp, text) == {(frozenset({"Anna Keller", name}), "asserted")}


@pytest.mark.parametrize(
    "text",
    [
        "During a private phone call on Monday, Anna Keller told Peter Hansen that she was "
        "upset.",
        "Anna Keller, with whom Peter Hansen met on Monday, was upset.",
    ],
    ids=["call-then-told", "with-whom"],
)
def test_meetings_other_side_from_the_clause(nlp: Language, text: str) -> None:
    assert (KELLER_HANSEN, "asserted") in meetings(nlp, text)


def test_meetings_told_reporters_in_a_meeting_is_no_pair(nlp: Language) -> None:
    text = "In a meeting on Monday, Anna Keller told reporters that she was upset."
    assert meetings(nlp, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Anna Keller has met with other world leaders, including Prime Minister Peter Hansen "
        "and President Lars Berg.",
        "Anna Keller met leaders such as Peter Hansen and Lars Berg in Vienna.",
    ],
    ids=["including", "such-as"],
)
def test_meetings_listed_examples_are_separate_meetings(nlp: Language, text: str) -> None:
    assert meetings(nlp, text) == {
        (KELLER_HANSEN, "asserted"), (frozenset({"Anna Keller", "Lars Berg"}), "asserted")}


def test_meetings_his_meeting_then_he(nlp: Language) -> None:
    text = "Anna Keller said that during her meeting with Peter Hansen, she raised the border."
    assert (KELLER_HANSEN, "asserted") in meetings(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Anna Keller and Peter Hansen landed in Vienna on Sunday. They met on Monday at the "
        "palace.",
        "Anna Keller and Peter Hansen landed in Vienna. After their meeting, the border "
        "stayed open.",
    ],
    ids=["they-met", "their-meeting"],
)
def test_meetings_they_are_the_two_coordinated_subjects(nlp: Language, text: str) -> None:
    assert (KELLER_HANSEN, "asserted") in meetings(nlp, text)


def test_meetings_they_after_one_person_is_no_one(nlp: Language) -> None:
    text = "Anna Keller landed in Vienna on Sunday. They met Peter Hansen on Monday."
    assert meetings(nlp, text) == set()


@pytest.mark.parametrize(
    "text",
    ["Foreign Minister Anna Keller phoned Prime Minister Peter Hansen on Monday.",
     "Foreign Minister Anna Keller telephoned Prime Minister Peter Hansen on Monday."],
    ids=["phoned", "telephoned"],
)
def test_meetings_phoned_is_a_call(nlp: Language, text: str) -> None:
    assert meetings(nlp, text) == {(KELLER_HANSEN, "asserted")}


def test_meetings_list_of_one_kind_is_not_a_run_on(nlp: Language) -> None:
    text = "The leaders of Norway, Sweden and Denmark met in Oslo on Monday."
    assert meetings(nlp, text) == {(frozenset({"Norway", "Sweden", "Denmark"}), "asserted")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Anna Keller and Prime Minister Peter Hansen spoke by phone on Monday.",
         {(KELLER_HANSEN, "asserted")}),
        ("The ministry confirmed that Anna Keller and Peter Hansen spoke on Friday.",
         {(KELLER_HANSEN, "asserted")}),
        ("Anna Keller and Peter Hansen spoke at the rally on Monday.", set()),
        ("Secretary of State Ann Wolde called Egyptian Foreign Minister Omar Nabil on Sunday "
         "to offer condolences, the ministry said.",
         {(frozenset({"Ann Wolde", "Omar Nabil"}), "asserted")}),
        ("Secretary of State Ann Wolde called Egyptian Foreign Minister Omar Nabil to "
         "resign.", set()),
        ("Venezuelan President Hugo Ramos hugs Prince Faisal during a summit in Caracas in "
         "September 2000.", {(frozenset({"Hugo Ramos", "Prince Faisal"}), "asserted")}),
        ("Emir Hamad is escorted by Turkish President Emre Kaya during a summit in Ankara.",
         {(frozenset({"Emir Hamad", "Emre Kaya"}), "asserted")}),
        (INTRO + "Only minutes after Keller finished a phone call with Hansen, the markets "
         "fell.", {(KELLER_HANSEN, "asserted")}),
    ],
    ids=["two-spoke-by-phone", "two-spoke", "two-spoke-at-a-rally", "called-to-offer",
         "called-to-resign", "hugs", "escorted-by", "finished-a-call"],
)
def test_meetings_conversation_verbs(nlp: Language, text: str, expected: Pairs) -> None:
    assert {m for m in meetings(nlp, text) if m[1] == "asserted"} == expected


def test_meetings_name_with_particles_is_one_person(nlp: Language) -> None:
    text = ("Prime Minister Peter Hansen spoke with Commission President Ursula von der Brink "
            "by phone on Tuesday.")
    assert meetings(nlp, text) == {
        (frozenset({"Peter Hansen", "Ursula von der Brink"}), "asserted")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prime Minister Peter Hansen said aid would be sent. He also spoke on the telephone "
         "to President Lars Berg, and the presidents of Sri Lanka and Indonesia.",
         {frozenset({"Peter Hansen", "Lars Berg"}), frozenset({"Peter Hansen", "Sri Lanka"}),
          frozenset({"Peter Hansen", "Indonesia"})}),
        ("Chancellor Olaf Brandt met the foreign ministers of Poland and Hungary in Berlin on "
         "Monday.", {frozenset({"Olaf Brandt", "Poland", "Hungary"})}),
        ("Peace talks between Israel and the Palestinians resumed in Cairo on Monday.",
         {frozenset({"Israel", "Palestine"})}),
    ],
    ids=["presidents-of-two-countries", "ministers-of-two-countries",
         "the-plural-demonym-is-a-side"],
)
def test_meetings_unnamed_officials_of_several_countries(
        nlp: Language, text: str, expected: set[frozenset[str]]) -> None:
    assert {p for p, s in meetings(nlp, text) if s == "asserted"} == expected


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Iranian Foreign Minister Javad Rostami arrived on Sunday. Chancellor Olaf Brandt "
         "held talks with his Iranian counterpart in Berlin.",
         frozenset({"Javad Rostami", "Olaf Brandt"})),
        ("Prime Minister Peter Hansen flew to Biarritz. The PM also met Council President "
         "Lars Berg, a day after the two men clashed.", frozenset({"Peter Hansen", "Lars Berg"})),
        ("Keller said she was impressed by how much Hansen seemed to agree with her during "
         "their 90-minute meeting in Vienna last week.", KELLER_HANSEN),
        ("President Anna Keller flew to Asia. Prime Minister Peter Hansen arrived too. The "
         "Keller-Hansen summit in Singapore ended with a vague statement.", KELLER_HANSEN),
    ],
    ids=["counterpart-named-elsewhere", "the-pm", "their-meeting", "hyphenated-pair"],
)
def test_meetings_sides_named_elsewhere(nlp: Language, text: str,
                                        pair: frozenset[str]) -> None:
    assert (pair, "asserted") in meetings(nlp, INTRO + text if "Keller said" in text else text)


def test_meetings_hyphenated_pair_needs_two_known_sides(nlp: Language) -> None:
    assert meetings(nlp, "President Anna Keller spoke about the Keller-Hansen talks.") == set()
    text = ("President Anna Keller flew to Asia. Prime Minister Peter Hansen arrived too. The "
            "upcoming Keller-Hansen summit in Singapore is in doubt.")
    assert meetings(nlp, text) == {(KELLER_HANSEN, "planned")}


def test_meetings_arriving_for_a_summit_attends_it(nlp: Language) -> None:
    text = "Chancellor Olaf Brandt arrived in Brussels on Monday for a NATO summit."
    assert meetings(nlp, text) == {(frozenset({"Olaf Brandt", "NATO"}), "asserted")}
    text = "Chancellor Olaf Brandt will arrive in Brussels on Monday for a NATO summit."
    assert meetings(nlp, text) == {(frozenset({"Olaf Brandt", "NATO"}), "planned")}


def test_meetings_planning_for_a_summit_is_planned(nlp: Language) -> None:
    text = ("President Anna Keller flew to Asia. Prime Minister Peter Hansen arrived too. "
            "Officials met on Sunday, as planning seemed to move ahead for the Keller-Hansen "
            "summit.")
    assert meetings(nlp, text) == {(KELLER_HANSEN, "planned")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Secretary of State Anna Keller and Foreign Minister Peter Hansen, who had met "
         "earlier on Wednesday, joined President Lars Berg for more than two hours.",
         {KELLER_HANSEN, frozenset({"Anna Keller", "Lars Berg"}),
          frozenset({"Peter Hansen", "Lars Berg"})}),
        ("Prime Minister Peter Hansen, joined by President Anna Keller and President Lars "
         "Berg, signed the agreement during a ceremony in Oslo.",
         {frozenset({"Anna Keller", "Lars Berg", "Peter Hansen"})}),
        ("Senator Mark Winer said that Christopher Steele alerted him in the summer of 2016. "
         "The two met in Washington in September 2016 to discuss the file.",
         {frozenset({"Mark Winer", "Christopher Steele"})}),
        ("President Anna Keller joined NATO leaders in Brussels on Monday.", set()),
    ],
    ids=["joined-a-person", "joined-by", "the-two-of-the-sentence-before", "joined-a-body"],
)
def test_meetings_joined_and_the_two(nlp: Language, text: str,
                                     expected: set[frozenset[str]]) -> None:
    assert {p for p, s in meetings(nlp, text) if s == "asserted"} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Keller is due to meet her Norwegian counterpart, Peter Hansen, in Oslo.",
        INTRO + "Keller says she is prepared to hold talks with Hansen at a summit next week.",
    ],
    ids=["due-to-meet", "prepared-to-hold-talks"],
)
def test_meetings_readiness_is_planned(nlp: Language, text: str) -> None:
    found = meetings(nlp, text)
    assert {s for p, s in found if p in {KELLER_HANSEN, frozenset({"Keller", "Peter Hansen"})}
            } == {"planned"}


@pytest.mark.parametrize(
    "text",
    [
        "Hungary and Austria have received close to 19,000 applications each.",
        "\"Our country is neither Libya nor Iraq, which have met a miserable fate,\" the "
        "minister said.",
        "Senator Ann Wolde and Senator Lars Berg have in recent months spoken stridently "
        "about Iran.",
        "Vice President Peter Hansen also spoke Wednesday with the parents of Otto Brandt.",
        "Foreign Minister Luis Herrera has been in Washington since Tuesday meeting with "
        "Keller administration officials. President Anna Keller was in Texas.",
    ],
    ids=["received-a-thing", "met-a-fate", "spoke-about-in-public", "parents-of-a-person",
         "administration-of-a-person"],
)
def test_meetings_no_false_sides(nlp: Language, text: str) -> None:
    assert {m for m in meetings(nlp, text) if m[1] == "asserted"} == set()


def test_meetings_the_title_alone_is_no_person_of_that_name(nlp: Language) -> None:
    text = ("King Abdullah ruled for a decade.\n\nHide Caption 3 of 8 Photos: The King meets "
            "with President Barack Obama at his desert camp on March 28.\n\nIt rained.\n")
    ex = run(nlp, text)
    names = {m.text for m in ex.mentions}
    assert "King" not in names and {"King Abdullah", "Barack Obama"} <= names


def test_meetings_spoke_of_in_a_call_is_a_call(nlp: Language) -> None:
    text = ("President Anna Keller and Prime Minister Peter Hansen also spoke of the missile "
            "test, according to a readout of the conversation.")
    assert meetings(nlp, text) == {(KELLER_HANSEN, "asserted")}


def test_meetings_a_summit_days_away_has_not_happened(nlp: Language) -> None:
    text = ("President Anna Keller flew to Asia. Prime Minister Peter Hansen arrived too. "
            "The summit between Keller and Hansen is just days away.")
    assert meetings(nlp, text) == {(KELLER_HANSEN, "planned")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Later on Friday, President Anna Keller addressed the issue during a NATO press "
         "conference.", set()),
        ("President Anna Keller and Prime Minister Peter Hansen held a joint press conference "
         "in Oslo.", {(KELLER_HANSEN, "asserted")}),
        ("\"We are friends,\" President Anna Keller said during a news conference in Oslo with "
         "Prime Minister Peter Hansen.", {(KELLER_HANSEN, "asserted")}),
    ],
    ids=["press-conference", "joint-press-conference", "news-conference-with"],
)
def test_meetings_press_conference_only_when_joint(nlp: Language, text: str,
                                                   expected: Pairs) -> None:
    assert meetings(nlp, text) == expected


def test_meetings_date_of_a_coordinated_clause_stays_there(nlp: Language) -> None:
    text = ("Chancellor Anna Keller met with President Lars Berg last week, and Foreign "
            "Secretary Peter Hansen met with Berg on Monday.")
    dates = {frozenset(p.text for p in m.participants): m.date_text
             for m in run(nlp, text).meetings}
    assert dates == {frozenset({"Anna Keller", "Lars Berg"}): "last week",
                     frozenset({"Peter Hansen", "Berg"}): "Monday"}


def test_meetings_summit_that_begins_on_a_named_day_is_planned(nlp: Language) -> None:
    text = ("President Lars Berg and Chancellor Anna Keller begin their second summit in the "
            "capital on Wednesday.")
    assert meetings(nlp, text) == {(frozenset({"Lars Berg", "Anna Keller"}), "planned")}


def test_meetings_couple_shares_the_surname(nlp: Language) -> None:
    text = ("President Anna Keller flew to Rome. Anna and Tom Keller arrived in Rome for the G7 "
            "summit on Saturday.")
    ex = run(nlp, text)
    assert "Anna" not in {m.text for m in ex.mentions}
    assert (frozenset({"Anna Keller", "G7"}), "asserted") in meetings(nlp, text)


def test_meetings_between_names_both_sides_and_its_date(nlp: Language) -> None:
    text = ("Norway offered more than $1 billion in new commitments at the dinner between Keller "
            "and Hansen on Saturday, the finance minister said on Monday.")
    found = run(nlp, text).meetings
    assert [(sorted(p.text for p in m.participants), m.date_text) for m in found] == [
        (["Hansen", "Keller"], "Saturday")]


def test_meetings_possible_venue_for_a_summit_is_planned(nlp: Language) -> None:
    text = ("President Anna Keller flew to Asia. Prime Minister Peter Hansen arrived too. An "
            "official said Singapore is being considered as a possible venue for the "
            "Keller-Hansen summit.")
    assert meetings(nlp, text) == {(KELLER_HANSEN, "planned")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The campaign said aides were making staff-level arrangements for a phone call "
         "between Anna Keller and Peter Hansen.", {(KELLER_HANSEN, "planned")}),
        ("President Anna Keller flew in. Prime Minister Peter Hansen came too. Whatever the "
         "outcome of the Keller-Hansen talks at the summit later this week, the scars stay.",
         {(KELLER_HANSEN, "planned")}),
        ("Foreign Minister Anna Keller joined Defense Secretary Peter Hansen in pressing the "
         "president to stay.", set()),
    ],
    ids=["arrangements-for-a-call", "talks-later-this-week", "joined-in-pressing"],
)
def test_meetings_from_the_second_allsides_sample(nlp: Language, text: str,
                                                   expected: Pairs) -> None:
    assert meetings(nlp, text) == expected


def test_meetings_a_later_date_of_another_clause_is_not_the_meetings(nlp: Language) -> None:
    text = (INTRO + "This was Keller's first meeting with Hansen after the recent announcement "
            "that troops will be cut by January 15 next year.")
    assert (KELLER_HANSEN, "asserted") in meetings(nlp, text)


def test_meetings_own_country_is_no_side(nlp: Language) -> None:
    text = ("Norwegian Prime Minister Peter Hansen said the ties were strong. Some forces wanted "
            "to end them, he told a meeting of Norwegian diplomats in Oslo.")
    assert meetings(nlp, text) == set()
    text = ("Norwegian Prime Minister Peter Hansen met Chancellor Olaf Brandt and Swedish "
            "officials in Oslo.")
    assert meetings(nlp, text) == {
        (frozenset({"Peter Hansen", "Olaf Brandt", "Sweden"}), "asserted")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Anna Keller and her husband, Tom Keller, flew to Oslo. On Monday, they met "
         "Prime Minister Lars Berg.", {(frozenset({"Anna Keller", "Lars Berg"}), "asserted"),
                                      (frozenset({"Tom Keller", "Lars Berg"}), "asserted")}),
        ("President Anna Keller and her husband Tom Keller flew to Oslo. On Monday, the Kellers "
         "visited the palace, where they met Crown Prince Haakon.",
         {(frozenset({"Anna Keller", "Haakon"}), "asserted"),
          (frozenset({"Tom Keller", "Haakon"}), "asserted")}),
        # the couple, not the daughter who came along
        ("President Anna Keller, her husband Tom Keller and their daughter Eva Keller flew "
         "to Oslo. The Kellers met Prime Minister Lars Berg on Monday.",
         {(frozenset({"Anna Keller", "Lars Berg"}), "asserted"),
          (frozenset({"Tom Keller", "Lars Berg"}), "asserted")}),
        # one Keller named in full: "the Kellers" is nobody the article lets us name
        ("President Anna Keller flew to Oslo. The Kellers met Crown Prince Haakon on Monday.",
         set()),
    ],
    ids=["they-after-apposed-spouse", "the-family-then-they", "the-couple-not-the-daughter",
         "one-family-member-named"],
)
def test_meetings_a_family_meets_as_its_members(nlp: Language, text: str,
                                                expected: Pairs) -> None:
    assert meetings(nlp, text) == expected


def test_meetings_a_name_parsed_as_modifier_of_the_next_is_listed(nlp: Language) -> None:
    text = ("The embassy said Keller spoke by phone with South Korean President Park Geun Hye "
            "and Japanese Prime Minister Kenji Sato.")
    assert meetings(nlp, text) == {(frozenset({"Keller", "Park Geun Hye"}), "asserted"),
                                   (frozenset({"Keller", "Kenji Sato"}), "asserted")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a curly apostrophe is still "will"
        ("“We’ll be meeting with Prime Minister Peter Hansen for two days,” Keller told "
         "reporters on Wednesday.", {(frozenset({"Keller", "Peter Hansen"}), "planned")}),
        # a couple together is no meeting
        ("President Tom Keller spoke. The president was joined by first lady Anna Keller to "
         "observe a moment of silence at the palace.", set()),
        # "she" after a family's sentence, with the queen as the subject before it: nobody
        ("Lars Berg and Karin Berg flew to Oslo. Later, the Bergs had dinner with Peter "
         "Hansen. The queen received President Tom Keller in 2008, and she hosted President "
         "Olaf Brandt and first lady Greta Brandt in 1982.",
         {(frozenset({"Lars Berg", "Peter Hansen"}), "asserted"),
          (frozenset({"Karin Berg", "Peter Hansen"}), "asserted")}),
        # a department before "Secretary" is part of the title, no body at the dinner
        ("Keller had dinner on Monday with Berg, Sherman and Energy Secretary Ernest Moniz.",
         {(frozenset({"Keller", "Berg", "Sherman"}), "asserted")}),
        # "he" after "Hansen's aides": Hansen, or the last subject Keller: no guess
        ("Keller declared he would no longer deal with Sir Lars Berg. Under fire, Mr Hansen's "
         "aides let it be known that he called Sir Lars this afternoon.", set()),
        # a plan holds no talks: the one who stresses it did, with each of the two in turn
        # (months of talks), and the two did not meet each other by it
        ("Keller stressed that the plan came after months of discussions with Afghanistan's "
         "president, Ashraf Ghani, and the nation's chief executive officer, Abdullah "
         "Abdullah.", {(frozenset({"Keller", "Ashraf Ghani"}), "asserted"),
                       (frozenset({"Keller", "Abdullah Abdullah"}), "asserted")}),
        # two travellers on a visit to a building meet no one there by it
        ("President Lars Berg and Prime Minister Peter Hansen last March discussed a slower "
         "timeline with American officials while on a visit to the White House.", set()),
        # "he" after "the president's" in its own sentence, with two presidents named: the
        # last subject (Berg) is only a guess
        ("President Lars Berg praised President Anna Keller on Monday. Berg spoke in Oslo. "
         "The president's willingness to shake up the old was apparent shortly after the "
         "inauguration, when he had a testy phone call with Prime Minister Peter Hansen.",
         set()),
        # "the two men" after a sentence naming three (one as a possessor): which two?
        ("Analysts see a budding friendship between President Lars Berg and President Peter "
         "Hansen. Chancellor Anna Keller declined Mr. Berg's invitation, so Mr. Hansen is the "
         "most prominent guest. The two men met five times last year, said an ambassador.",
         set()),
        # "It was Berg who signed it": the cleft's name is the subject "he" goes back to
        ("Was Keller responsible for the timing of the withdrawal? It was President Lars Berg "
         "who signed the agreement in 2008. \"The agreement lays out a framework,\" he said "
         "in a joint press conference with Prime Minister Peter Hansen at the time.",
         {(frozenset({"Lars Berg", "Peter Hansen"}), "asserted")}),
        # "her" is not the State Department that issued her a visa
        ("After that expired, the State Department issued her a visa in June 2016, just in "
         "time for her meeting with Peter Hansen, Lena Vogt and Lars Berg.",
         {(frozenset({"Peter Hansen", "Lena Vogt", "Lars Berg"}), "asserted")}),
        # two people of one side who met people unnamed did not meet each other
        ("On Monday, senior officials, including Peter Hansen and Lars Berg, met with chief "
         "executives of technology companies.", set()),
        ("Chancellor Anna Keller and President Peter Hansen met with reporters in Vienna on "
         "Monday.", set()),
        ("Chancellor Anna Keller and President Peter Hansen met with smiles and a brief "
         "conversation.", {(KELLER_HANSEN, "asserted")}),
        # "she" unknown: a meeting with each, not of the two
        ("She was speaking after meetings with Chancellor Anna Keller and Prime Minister "
         "Peter Hansen.", set()),
        ("Negotiations between Norway and the EU on their new relationship are due to start "
         "in earnest in March.", {(frozenset({"Norway", "EU"}), "planned")}),
        ("But it is not clear Hansen is looking for a confrontational summit with the Swedish "
         "leader, Anna Keller.", {(frozenset({"Hansen", "Anna Keller"}), "planned")}),
        # "Hansen son-in-law Jo Nilsen": Hansen only says whose son-in-law
        ("Campaign chairman Lars Berg and Hansen son-in-law Jo Nilsen also attended that "
         "meeting with Anna Keller.", {(frozenset({"Lars Berg", "Anna Keller"}), "asserted"),
                                      (frozenset({"Jo Nilsen", "Anna Keller"}), "asserted")}),
        # "calling Berg 'a journalist ...'": a name for him, no call
        ("Spokesman Peter Hansen continued, calling Berg \"a journalist I have great respect "
         "for.\"", set()),
        # three leaders together at an occasion, with no meeting word: one joint meeting; at
        # a funeral, no meeting
        ("President Anna Keller, President Peter Hansen and Chancellor Lena Vogt took part in "
         "a wreath-laying ceremony in Oslo on Sunday.",
         {(frozenset({"Anna Keller", "Peter Hansen", "Lena Vogt"}), "asserted")}),
        ("President Anna Keller, President Peter Hansen and Chancellor Lena Vogt attended the "
         "funeral in Oslo on Sunday.", set()),
        # the press is no side of a meeting
        ("Speaking to CNN's Lars Berg in Davos, Foreign Minister Anna Keller said she expects "
         "no changes.", set()),
        ("\"We ate their lunch,\" Keller said in a caucus meeting, according to the CNN "
         "reporter Lars Berg.", set()),
        ("North Korea said the drills were a reason to rethink the summit between Peter Hansen "
         "and Anna Keller.", {(frozenset({"Peter Hansen", "Anna Keller"}), "planned")}),
        # "every time" parsed with the clause as the time's relative: meetings in general
        ("\u201cEvery time Keller meets with Hansen, the country is told nothing.", set()),
    ],
    ids=["curly-will", "couple", "she-not-the-family", "department-title", "aides-he",
         "discussions-of-no-one", "fellow-visitors", "he-after-the-presidents",
         "the-two-men-after-three-names", "he-after-a-cleft", "no-body-for-her",
         "officials-met-unnamed-executives", "met-with-reporters", "met-with-smiles",
         "meetings-of-someone-unknown", "due-to-start", "looking-for-a-summit",
         "whose-son-in-law", "calling-x-a-name", "three-at-a-ceremony", "three-at-a-funeral",
         "speaking-to-a-journalist", "a-reporter-as-the-source", "rethink-the-summit",
         "every-time-in-a-quotation"],
)
def test_meetings_from_the_third_allsides_sample(nlp: Language, text: str,
                                                 expected: Pairs) -> None:
    assert meetings(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Keller reached that view on her own and not from a conversation with Peter Hansen.",
         {(frozenset({"Keller", "Peter Hansen"}), "negated")}),
        ("Sunday afternoon will see Mr Keller and Mrs Berg attend a peace conference with "
         "leaders including Mr Hansen.",
         {(frozenset({"Keller", "Hansen"}), "planned"),
          (frozenset({"Berg", "Hansen"}), "planned")}),
        ("Speaking to the Norwegian service members who will deploy next month, Keller said "
         "the mission mattered.", set()),
        ("President Anna Keller spoke to Norwegian troops at the base on Sunday.", set()),
        ("Anna Keller and Peter Hansen began a larger meeting with other Norwegian and Swedish "
         "officials.", {(KELLER_HANSEN, "asserted")}),
        ("French President Paul Girard hosted the summit. French Foreign Minister Luc Moreau "
         "spoke. Iranian Foreign Minister Javad Rostami was in Biarritz meeting with his French "
         "counterpart on Sunday.",
         {(frozenset({"Luc Moreau", "Javad Rostami"}), "asserted")}),
    ],
    ids=["not-from-a-conversation", "will-see-them-attend", "speech-to-service-members",
         "speech-to-troops", "other-officials-are-their-own", "counterpart-of-the-same-post"],
)
def test_meetings_from_the_fourth_allsides_sample(nlp: Language, text: str,
                                                  expected: Pairs) -> None:
    assert meetings(nlp, text) == expected


def test_meetings_pictures_of_people_are_not_the_people(nlp: Language) -> None:
    text = ("President Donald Trump landed in India on Monday. Enormous cardboard cutouts of "
            "Trump and Prime Minister Narendra Modi greeted the president along the route from "
            "the airport.")
    assert meetings(nlp, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Anna Keller held talks with the trade minister, Lars Berg, and the head of "
         "the delegation, Olaf Brandt.",
         {(frozenset({"Anna Keller", "Lars Berg", "Olaf Brandt"}), "asserted")}),
        ("President Anna Keller made calls to Prime Minister Peter Hansen and President Lars "
         "Berg on Monday.", {(KELLER_HANSEN, "asserted"),
                             (frozenset({"Anna Keller", "Lars Berg"}), "asserted")}),
        ("Minister of Defence Jo Park met President Anna Keller in Oslo.",
         {(frozenset({"Jo Park", "Anna Keller"}), "asserted")}),
        ("Keller ends her Gulf tour\n\nPresident Anna Keller flew to Riyadh on Monday.\n\n"
         "Image caption President Anna Keller talks with Prince Adil in Riyadh",
         {(frozenset({"Anna Keller", "Prince Adil"}), "asserted")}),
    ],
    ids=["apposed-list-with-a-post", "calls-to-two", "long-form-title", "royal-in-a-caption"],
)
def test_meetings_constructions_the_issue_names(nlp: Language, text: str,
                                                expected: Pairs) -> None:
    assert meetings(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Anna Keller told Prime Minister Peter Hansen at the border post that the "
         "crossing would reopen.", {(KELLER_HANSEN, "asserted")}),
        ("President Anna Keller told Prime Minister Peter Hansen at a news conference that the "
         "crossing would reopen.", set()),
        ("President Anna Keller told Peter Hansen at the time that the crossing would reopen.",
         set()),
        ("President Anna Keller told Prime Minister Peter Hansen that the crossing would "
         "reopen.", set()),
    ],
    ids=["at-a-place", "at-a-news-conference", "at-the-time", "no-place"],
)
def test_meetings_told_someone_at_a_place(nlp: Language, text: str, expected: Pairs) -> None:
    assert meetings(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The hilly region around Metz is sometimes called the Land of Three Borders because "
         "it is where France, Germany, and Luxembourg meet.", set()),
        ("“Instead of talking seriously with Hansen, the Swedes will ask who runs policy,” "
         "Keller says.", {(frozenset({"Keller", "Hansen"}), "negated")}),
        ("President Anna Keller called Lars Berg rather than meet Peter Hansen.",
         {(frozenset({"Anna Keller", "Lars Berg"}), "asserted"),
          (frozenset({"Anna Keller", "Peter Hansen"}), "negated")}),
        ("Sweden encouraged the resumption of direct talks between Norway and Finland.",
         {(frozenset({"Norway", "Finland"}), "planned")}),
        ("Meanwhile, Keller and other Norwegian officials attacked the press in the hours "
         "before the Hansen meeting.", {(frozenset({"Keller", "Hansen"}), "asserted")}),
    ],
    ids=["borders-meet", "instead-of", "rather-than", "encouraged-resumption",
         "other-officials-and-a-named-meeting"],
)
def test_meetings_from_the_fifth_allsides_sample(nlp: Language, text: str,
                                                 expected: Pairs) -> None:
    assert meetings(nlp, text) == expected


@pytest.mark.parametrize(("verb", "status"), [("have scheduled", "planned"),
                                              ("held", "asserted")])
def test_meetings_a_summit_a_meeting_is_held_at_shares_its_time(nlp: Language, verb: str,
                                                                status: str) -> None:
    """ "A and B have scheduled a meeting at the G-20 summit this week": their summit is
    as much to come as the meeting at it."""
    text = f"Norway and Sweden {verb} an emergency meeting at the G-20 summit in Osaka."
    found = meetings(nlp, "Leaders gathered.\n\n" + text)
    assert {s for people, s in found if "G20" in people} == {status}


@pytest.mark.parametrize(("sentence", "group"), [
    ("Chancellor Anna Keller attended the G-7 summit in Vienna on Saturday.", "G7"),
    ("Chancellor Anna Keller left the G-20 summit in Osaka early on Saturday.", "G20"),
    ("Chancellor Anna Keller attended the Group of Seven summit in Vienna on Saturday.", "G7"),
    ("Chancellor Anna Keller attended the Group of 20 summit in Osaka on Saturday.", "G20"),
    ("Chancellor Anna Keller departed the G-20 summit in Osaka early on Saturday.", "G20"),
], ids=["g-7", "g-20", "group-of-seven", "group-of-20", "departed"])
def test_meetings_a_groups_summit_however_spelled(nlp: Language, sentence: str,
                                                  group: str) -> None:
    """ "the G-7 summit" (a word the tagger calls an adjective) is the G7's, as "the G7
    summit" is, and "the Group of 20 summit" (the summit hung on the number) the G20's;
    every spelling of the group is one node."""
    assert meetings(nlp, "Leaders gathered.\n\n" + sentence) == {
        (frozenset({"Anna Keller", group}), "asserted")}


@pytest.mark.parametrize(("sentence", "status"), [
    ("Keller is scheduled to meet Hansen at the G7 summit in Vienna on Friday.", "planned"),
    ("Keller met Hansen at the G7 summit in Vienna on Friday.", "asserted"),
    ("Keller will skip out on G7 meetings about climate change.", "negated"),
    ("Aides were negotiating a meeting between Keller and the G7 leaders.", "planned"),
], ids=["scheduled-to-meet-at", "met-at", "skip-out-on", "negotiating-a-meeting"])
def test_meetings_at_a_summit_as_real_as_the_meeting_there(nlp: Language, sentence: str,
                                                           status: str) -> None:
    """Being at the summit where one is scheduled to meet someone is as planned as the
    meeting; meetings one skips out on are not attended."""
    found = meetings(nlp, INTRO + sentence)
    assert {s for p, s in found if "G7" in p} == {status}


def test_meetings_capitals_as_sides_are_their_countries(nlp: Language) -> None:
    """ "Washington and Beijing held talks": the capitals stand for their governments; a
    capital as the place of a meeting stays a place."""
    assert meetings(nlp, "Washington and Beijing held trade talks in Geneva on Monday.") == {
        (frozenset({"United States", "China"}), "asserted")}
    assert meetings(nlp, "President Anna Keller met Peter Hansen in Moscow on Monday.") == {
        (KELLER_HANSEN, "asserted")}


KOREAS = frozenset({"North Korea", "South Korea"})


@pytest.mark.parametrize(("text", "expected"), [
    ("North Korea tested a rocket. South Korea protested. The leaders of both Koreas met at "
     "the border in April.", {(KOREAS, "asserted")}),
    ("North Korea tested a rocket. South Korea protested. Talks between the two Koreas "
     "resumed in Panmunjom on Tuesday.", {(KOREAS, "asserted")}),
    ("Sudan and South Sudan traded fire. Talks between the two Sudans ended on Friday in "
     "Addis Ababa.", {(frozenset({"Sudan", "South Sudan"}), "asserted")}),
    ("North Korea tested a rocket. Japan protested. Talks between the two Koreas resumed in "
     "Panmunjom on Tuesday.", set()),
    ("North Korea tested a rocket. South Korea protested. The two Koreas last held a summit "
     "in 2007, when South Korean President Roh Moo-hyun and North Korean leader Kim Jong-il "
     "met in Pyongyang.", {(frozenset({"Roh Moo-hyun", "Kim Jong-il"}), "asserted")}),
    ("Officials spoke. Talks between North and South Korea resumed in Panmunjom on "
     "Tuesday.", {(KOREAS, "asserted")}),
    ("Officials spoke. North and South Korea held talks at the border on Tuesday.",
     {(KOREAS, "asserted")}),
], ids=["leaders-of-both", "talks-between-the-two", "two-sudans", "one-korea-named",
        "their-leaders-named", "between-north-and-south-korea", "north-and-south-korea-held"])
def test_meetings_the_two_koreas_are_both_sides(nlp: Language, text: str,
                                               expected: Pairs) -> None:
    """ "the two Koreas", "both Koreas", "North and South Korea" (which the NER takes for
    one place): the two countries, each a side; the countries' meeting is no second meeting
    when the sentence names the leaders who met."""
    assert meetings(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Keller and Hansen then sat across from each other at a working lunch with senior "
         "aides, including Foreign Minister Lars Berg and adviser Olaf Brandt.",
         {(frozenset({"Keller", "Hansen", "Lars Berg", "Olaf Brandt"}), "asserted")}),
        ("President Tom Keller flew in. First lady Anna Keller joined Keller at the Western "
         "Wall on Monday.", set()),
        ("At the time, Keller repeated her warning, themes she is sure to repeat while "
         "visiting King Harald.", {(frozenset({"Keller", "King Harald"}), "planned")}),
    ],
    ids=["one-table", "spouse-by-surname", "while-visiting-in-a-future-clause"],
)
def test_meetings_from_the_sixth_allsides_sample(nlp: Language, text: str,
                                                 expected: Pairs) -> None:
    assert meetings(nlp, text) == expected


def test_meetings_he_after_the_title_of_a_named_holder(nlp: Language) -> None:
    text = ("Prime Minister Peter Hansen returned to Oslo on Monday. Mr Hansen said aid would "
            "rise. Olaf Brandt, the opposition leader, said the help came late. The prime "
            "minister took personal charge of the response on Tuesday. He also spoke on the "
            "telephone to President Lars Berg, and the presidents of Sweden and Finland.")
    assert meetings(nlp, text) == {(frozenset({"Peter Hansen", "Lars Berg"}), "asserted"),
                                   (frozenset({"Peter Hansen", "Sweden"}), "asserted"),
                                   (frozenset({"Peter Hansen", "Finland"}), "asserted")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("POTUS and FLOTUS join President Lars Berg and Madame Berg at the palace to open "
         "today's meetings.", set()),
        ("Before joining the Keller administration, Olaf Brandt had no government experience.",
         set()),
        ("President Anna Keller flew home. Prime Minister Peter Hansen stayed. Sweden was "
         "especially supportive of a Keller-Hansen summit.", {(KELLER_HANSEN, "planned")}),
    ],
    ids=["acronym-titles", "joining-an-administration", "a-summit-is-one-that-may-come"],
)
def test_meetings_from_the_seventh_allsides_sample(nlp: Language, text: str,
                                                   expected: Pairs) -> None:
    assert meetings(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Barack Obama and Michelle Obama flew to London. President George W. Bush had "
         "visited in 2008. Later, the Obamas had dinner with Prince William at Kensington "
         "Palace, where they met little Prince George.",
         {(frozenset({"Barack Obama", "Prince William"}), "asserted"),
          (frozenset({"Michelle Obama", "Prince William"}), "asserted"),
          (frozenset({"Barack Obama", "Prince George"}), "asserted"),
          (frozenset({"Michelle Obama", "Prince George"}), "asserted")}),
        ("President Anna Keller on Saturday expressed optimism about her summit with Prime "
         "Minister Peter Hansen, but warned that the chance would not come again.",
         {(KELLER_HANSEN, "planned")}),
        ("“As President Anna Keller stated yesterday,” Berg wrote, “she ‘looks forward to "
         "someday meeting with leaders of Sweden.’”",
         {(frozenset({"Anna Keller", "Sweden"}), "planned")}),
        ("Huddling with Prime Minister Peter Hansen to strategize on the summit with Stockholm, "
         "President Anna Keller told reporters she was not sure the talks would go ahead.",
         {(KELLER_HANSEN, "asserted"), (frozenset({"Anna Keller", "Sweden"}), "planned")}),
    ],
    ids=["a-royal-name-is-no-place", "optimism-about-a-summit", "looks-forward-to-meeting",
         "strategize-on-a-summit"],
)
def test_meetings_from_the_final_allsides_sample(nlp: Language, text: str,
                                                 expected: Pairs) -> None:
    assert meetings(nlp, text) == expected


def test_meetings_a_persons_team_is_not_the_person(nlp: Language) -> None:
    text = ("Questions remain about why so many Keller team members met with the Swedish "
            "ambassador before the inauguration.")
    assert meetings(nlp, text) == set()
    # the same sentence with the person as the subject is his meeting
    text = ("Questions remain about why President Anna Keller met with the Swedish ambassador "
            "before the inauguration.")
    assert meetings(nlp, text) == {(frozenset({"Anna Keller", "Sweden"}), "asserted")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On June 5, Berg met with a key Keller adviser, Olaf Brandt, and told him that "
         "investment was needed.", {(frozenset({"Berg", "Olaf Brandt"}), "asserted")}),
        ("On the eve of his meeting with Sweden’s Lars Berg, Prime Minister Peter Hansen "
         "rattled allies once more.", {(frozenset({"Lars Berg", "Peter Hansen"}), "planned")}),
        ("Officials who worked for President Anna Keller were concerned by reports that "
         "Hansen’s aides tried to keep Keller officials from overhearing their conversations "
         "with the Swedes.", set()),
    ],
    ids=["a-persons-adviser-named-after", "on-the-eve-of", "their-of-two-modifiers"],
)
def test_meetings_from_the_last_allsides_sample(nlp: Language, text: str,
                                                expected: Pairs) -> None:
    assert meetings(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("If the summit between Norway and Sweden happens, it will be the first between "
         "leaders of the two countries.", {(frozenset({"Norway", "Sweden"}), "planned")}),
        ("The most immediate issue on the agenda of Keller’s talks with Hansen will be the "
         "future of a hotline between the two militaries.",
         {(frozenset({"Keller", "Hansen"}), "planned")}),
        ("Foreign Minister Anna Keller flew home on Friday. Sweden was concerned because the "
         "army, at President Lars Berg’s order following his talks with Hansen, has halted "
         "some exercises.", set()),
    ],
    ids=["if-the-summit-happens", "agenda-of-talks-will-be", "his-after-another-person"],
)
def test_meetings_after_the_last_allsides_sample(nlp: Language, text: str,
                                                 expected: Pairs) -> None:
    assert meetings(nlp, text) == expected


def test_meetings_a_body_tagged_as_a_person_is_no_participant(nlp: Language) -> None:
    """The small model tags "Caucus" of "the Senate Democratic Caucus meeting" a person;
    a name ending in a body's word is an organisation, and no person named after it."""
    text = "Lena Vogt walked into the Senate Democratic Caucus meeting with Rep. Peter Hansen."
    ex = run(nlp, text)
    assert {m.kind for m in ex.mentions if m.text == "Caucus"} == {"Organization"}
    assert meetings(nlp, text) == {(frozenset({"Lena Vogt", "Peter Hansen"}), "asserted")}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Late Saturday, President Anna Keller told Prime Minister Peter Hansen in a phone call "
         "that she was pleased, officials said on Sunday.", "Late Saturday"),
        ("Oslo had pushed to keep the talks on track as recently as Tuesday, when President "
         "Anna Keller met with Prime Minister Peter Hansen in Oslo.", "Tuesday"),
        ("So much was at stake Friday afternoon when President Anna Keller, Prime Minister "
         "Peter Hansen and Chancellor Lena Vogt gathered in Oslo.", "Friday"),
        ("As President Anna Keller visited Prime Minister Peter Hansen at the palace "
         "Wednesday, both sides looked to change the plan.", "Wednesday"),
        ("On Thursday, it was President Anna Keller who called Prime Minister Peter Hansen, "
         "thanking him for his praise.", "Thursday"),
    ],
    ids=["call-in-an-adjunct-of-a-dated-verb", "when-clause-of-a-day",
         "when-clause-of-a-dated-clause", "as-clause-of-a-dated-clause", "cleft"],
)
def test_meetings_date_of_the_governing_clause(nlp: Language, text: str, date: str) -> None:
    """A meeting whose own words name no day takes the day of the clause it hangs on."""
    assert [m.date_text for m in run(nlp, text).meetings] == [date]


def test_meetings_caption_date_is_the_photographs_day(nlp: Language) -> None:
    text = ("Leaders at the border\n\nFILE PHOTO: President Anna Keller shakes hands with Prime "
            "Minister Peter Hansen as they meet at the border village of Koppang, in Norway, "
            "June 30, 2019. REUTERS/Ann Lee\n\nIt rained on June 1, 2020, in Oslo.")
    doc = nlp(text)
    doc.user_data["dip_text"] = text
    caption, _, rain = list(doc.sents)[-3:]
    assert caption_date(caption) == "June 30, 2019"
    assert caption_date(rain) is None  # a date inside the line is no closing date
    assert [m.date_text for m in run(nlp, text).meetings] == ["June 30, 2019"]


def test_meetings_date_from_a_weekday_the_ner_left_untagged(nlp: Language) -> None:
    from kg.extract import _date_text
    doc = nlp("Late Saturday, President Anna Keller told Prime Minister Peter Hansen in a phone "
              "call that she was pleased.")
    told = next(t for t in doc if t.text == "told")
    scope = list(told.subtree)
    assert _date_text(scope) is not None  # tagged: "Late Saturday"
    doc.ents = [e for e in doc.ents if e.label_ not in {"DATE", "TIME"}]
    assert _date_text(scope) == "Saturday"
    doc.ents = []
    assert _date_text([t for t in scope if t.text != "Saturday"]) is None


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a subject in a fronted "while" clause does not compete with the main clause's
        ("While Mr. Dorn has been a harsh critic, Foreign Minister Anna Keller has taken the "
         "lead in the talks. Ms. Keller's recent remarks seem to soften as she adjusts to the "
         "new facts. She spoke on Tuesday with Prime Minister Peter Hansen.", KELLER_HANSEN),
        # "she" stands for the person an earlier "she" stood for
        ("Foreign Minister Anna Keller flew to Oslo. Her plane landed late, and she went "
         "straight to the palace. Reporters waited outside. She spoke there with Prime "
         "Minister Peter Hansen.", KELLER_HANSEN),
        # "the PM" is the prime minister the article names in full only further on
        ("Mr Hansen's morning began with a briefing in Oslo. The PM also met Foreign Minister "
         "Anna Keller before lunch. Prime Minister Peter Hansen later flew home.",
         KELLER_HANSEN),
        # two people as subjects of the previous sentence's main clauses stay ambiguous
        # (both women by their given names)...
        ("Anna Keller met reporters and Maria Hansen met the press. She spoke with Ola Dorn "
         "later.", None),
        # ... but "she" after a woman and a man is the woman
        ("Anna Keller met reporters and Peter Hansen met the press. She spoke with Ola Dorn "
         "later.", frozenset({"Anna Keller", "Ola Dorn"})),
        # a pronoun in a fronted phrase stands for the name that follows the phrase
        ("Ola Dorn was charged on Monday. On Thursday, before his first meeting with Peter "
         "Hansen, Lars Berg cast doubt on the report, saying nobody knows for sure.",
         frozenset({"Lars Berg", "Peter Hansen"})),
        ("Ola Dorn was charged on Monday. When he met Peter Hansen in Oslo, Lars Berg said "
         "little.", frozenset({"Lars Berg", "Peter Hansen"})),
        # "the German and French leaders" are the two the article names with those posts
        ("German Chancellor Anna Keller and French President Lars Berg flew to Oslo. The "
         "German and French leaders made no comments after Thursday's meeting.",
         frozenset({"Anna Keller", "Lars Berg"})),
        ("German Chancellor Anna Keller flew to Oslo. She held talks with the French leader.",
         frozenset({"Anna Keller", "France"})),

    ],
    ids=["while-clause-subject-no-rival", "pronoun-chain", "the-pm-named-later",
         "two-main-subjects-ambiguous", "two-main-subjects-one-woman",
         "fronted-his-names-the-next-subject",
         "fronted-he-names-the-next-subject", "the-german-and-french-leaders-named",
         "the-french-leader-unnamed"],
)
def test_meetings_coreference_of_the_subject(nlp: Language, text: str,
                                             pair: frozenset[str] | None) -> None:
    found = {people for people, status in meetings(nlp, text) if status == "asserted"}
    if pair is None:  # ("She met Ola Dorn" with one named subject before does give a pair)
        assert not any("Ola Dorn" in people for people in found)
    else:
        assert pair in found


CAPTION_INTRO = "Leaders gather in Vienna\n\n"
"""A title line: what follows it is an article's body, where a caption can be."""


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (CAPTION_INTRO + "From left are Danish Prime Minister Anna Keller, Norwegian Prime "
         "Minister Peter Hansen, Swedish Prime Minister Lars Berg and Polish President Ewa "
         "Nowak.", frozenset({"Anna Keller", "Peter Hansen", "Lars Berg", "Ewa Nowak"})),
        # one country's people in a line-up: a president with his staff, no meeting
        (CAPTION_INTRO + "Joining the President, from left, are his adviser Tom Berg, his "
         "spokeswoman Ann Dahl and his chief of staff Eva Lund.", None),
        (CAPTION_INTRO + "During a reception on Tuesday evening, Chancellor Anna Keller was "
         "seen standing with Prime Minister Peter Hansen, President Lars Berg and Prime "
         "Minister Ewa Nowak.",
         frozenset({"Anna Keller", "Peter Hansen", "Lars Berg", "Ewa Nowak"})),
        (CAPTION_INTRO + "Chancellor Anna Keller was seen standing with Prime Minister Peter "
         "Hansen, President Lars Berg and Prime Minister Ewa Nowak at the airport.", None),
        ("The meeting held in Vienna between Foreign Minister Anna Keller and Prime Minister "
         "Peter Hansen drew scrutiny.", KELLER_HANSEN),
        ("A meeting was held in Vienna on Monday between Foreign Minister Anna Keller and "
         "Prime Minister Peter Hansen.", KELLER_HANSEN),
    ],
    ids=["caption-line-up-of-leaders", "line-up-of-one-president's-staff",
         "standing-with-at-a-reception", "standing-with-at-the-airport",
         "meeting-held-between", "meeting-was-held-between"],
)
def test_meetings_line_ups_and_held_meetings(nlp: Language, text: str,
                                            pair: frozenset[str] | None) -> None:
    assert meetings(nlp, text) == ({(pair, "asserted")} if pair else set())


@pytest.mark.parametrize(
    ("text", "pair", "date"),
    [
        # the month the NER sees in "with May" is the surname of the woman named in full
        # (a call the spokesman announces Wednesday is Wednesday's, never "May"'s)
        ("Prime Minister Theresa May arrived in Oslo on Monday. A spokesman said Wednesday "
         "that Keller spoke with May about the attack.", frozenset({"Keller", "Theresa May"}),
         "Wednesday"),
        ("Prime Minister Theresa May arrived in Oslo on Monday. Keller met Hansen in May.",
         frozenset({"Keller", "Hansen"}), "May"),
        ("Chancellor Anna Keller hosted a lavish dinner for Prime Minister Peter Hansen.",
         KELLER_HANSEN, None),
    ],
    ids=["surname-may-after-with", "month-may-after-in", "hosted-a-dinner-for"],
)
def test_meetings_surname_months_and_hosted_meals(nlp: Language, text: str,
                                                  pair: frozenset[str], date: str | None
                                                  ) -> None:
    ex = run(nlp, text)
    res = resolve(ex)
    found = {(frozenset(res.entity_of[p].label for p in m.participants), m.date_text)
             for m in ex.meetings if m.status == "asserted"}
    assert found == {(pair, date)}


@pytest.mark.parametrize(
    "text",
    [
        "Anna Keller and Peter Hansen met on Monday. A year after a tiff with Ola Dorn raised "
        "tensions, the two leaders met in Oslo.",
        "Anna Keller hosted Peter Hansen on Monday. A year after a tiff with Ola Dorn raised "
        "tensions, the two leaders met in Oslo.",
    ],
    ids=["after-a-coordinated-subject", "after-two-named-in-the-sentence-before"],
)
def test_meetings_the_two_leaders_after_a_named_third(nlp: Language, text: str) -> None:
    """ "the two leaders" after one person named in their sentence: he is one of the two, so
    the last "A and B" subject, or the two people of the sentence before, are not the pair."""
    ex = run(nlp, text)
    sentences = {s.sentence for m in ex.meetings for s in (m.evidence, *m.support)}
    assert any("on Monday" in s for s in sentences)
    assert not any("the two leaders" in s for s in sentences)


def test_meetings_line_up_takes_the_day_of_the_picture_before(nlp: Language) -> None:
    text = (CAPTION_INTRO + "Leaders pose for a group photo at the summit in Vienna on May 26. "
            "From left are Danish Prime Minister Anna Keller, Norwegian Prime Minister Peter "
            "Hansen and Swedish Prime Minister Lars Berg.")
    ex = run(nlp, text)
    joint = [m for m in ex.meetings if len(m.participants) == 3]
    assert [(m.date_text, m.status) for m in joint] == [("May 26", "asserted")]


def test_meetings_caption_closing_weekday_and_day_dates_the_picture(nlp: Language) -> None:
    text = (CAPTION_INTRO + "From left, Danish Prime Minister Anna Keller, Norwegian Prime "
            "Minister Peter Hansen and Swedish Prime Minister Lars Berg gather before "
            "negotiations begin on Wednesday, February 11.")
    assert [(m.date_text, m.status) for m in run(nlp, text).meetings] == [
        ("Wednesday, February 11", "asserted")]


def test_meetings_spoke_with_leaders_including_named_ones(nlp: Language) -> None:
    text = ("Chancellor Anna Keller spoke with other world leaders on Friday as well, including "
            "Norwegian Prime Minister Peter Hansen and Swedish Prime Minister Lars Berg.")
    assert meetings(nlp, text) == {(KELLER_HANSEN, "asserted"),
                                   (frozenset({"Anna Keller", "Lars Berg"}), "asserted")}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "her" is never the man the article calls a spokesman
        ('Attorney Eva Lund flew to Oslo in May. "She was not granted a visa," office spokesman '
         "Tom Berg told reporters. Photos show the Oslo harbour in June, raising questions "
         "about her meeting with Peter Hansen.",
         {(frozenset({"Eva Lund", "Peter Hansen"}), "asserted")}),
        # "the leader of the Norwegian delegation" is not Norway's president: it is the man
        # named after it, behind his title
        ("Norwegian President Lars Berg spoke on Monday. Treasury Secretary Anna Keller dined "
         "with the leader of the Norwegian delegation, Deputy Minister Ola Dorn.",
         {(frozenset({"Anna Keller", "Ola Dorn"}), "asserted")}),
        # officials meeting with unnamed Democrats did not meet each other
        ("Top officials, including Labor Secretary Tom Perez, Treasury Secretary Jack Lund and "
         "Chief of Staff Dan Dahl, have been meeting with Democrats for several days.", set()),
        # a summit someone would broaden is still to come
        ("Chancellor Anna Keller met Prime Minister Peter Hansen in May. Some experts were "
         "skeptical of broadening the Keller-Hansen summit to include hacking.",
         {(KELLER_HANSEN, "asserted"), (KELLER_HANSEN, "planned")}),
        ("Chancellor Anna Keller met Prime Minister Peter Hansen in May. A spokesman said "
         "there would be no conditions for the Keller-Hansen meeting to occur.",
         {(KELLER_HANSEN, "asserted"), (KELLER_HANSEN, "planned")}),
        ("Chancellor Anna Keller met Prime Minister Peter Hansen in May. Keller wanted her team "
         "in place before any summit with Hansen.",
         {(KELLER_HANSEN, "asserted"), (KELLER_HANSEN, "planned")}),
        # "Norwegian leaders" when the article names one Norwegian head of state
        ("Norwegian President Lars Berg greeted the crowd. Chancellor Anna Keller, who met "
         "with Norwegian leaders throughout the day, hailed the new agreements.",
         {(frozenset({"Anna Keller", "Lars Berg"}), "asserted")}),
    ],
    ids=["her-not-a-spokesman", "leader-of-a-delegation", "meeting-with-democrats",
         "broadening-a-summit", "for-the-meeting-to-occur", "before-any-summit",
         "norwegian-leaders-named-one"],
)
def test_meetings_fourth_hand_sample(nlp: Language, text: str,
                                     found: set[tuple[frozenset[str], str]]) -> None:
    assert meetings(nlp, text) == found


def test_meetings_a_numbered_day_before_a_bare_weekday(nlp: Language) -> None:
    """Both hung on "hold" by the parser: the day with its number is the meeting's, the
    weekday the saying's."""
    text = ("Chancellor Anna Keller, in a complete reversal, said on Friday she would hold a "
            "summit with Prime Minister Peter Hansen on June 12 in Oslo in the latest twist.")
    assert [(m.date_text, m.status) for m in run(nlp, text).meetings] == [
        ("June 12", "planned")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Spokesman Tom Dahl said Wednesday Anna Keller spoke with Peter Hansen about the "
         "attack.", "Wednesday"),
        ("The office said late Thursday that Anna Keller personally briefed Peter Hansen on the "
         "details.", "late Thursday"),
        ("Anna Keller said later Tuesday that she had spoken recently with Peter Hansen.", None),
        ("Anna Keller said on Monday that she met Peter Hansen in Oslo.", None),
    ],
    ids=["said-day-spoke-with", "said-day-briefed", "spoken-recently", "said-day-met"],
)
def test_meetings_a_call_announced_on_a_day_is_that_days(nlp: Language, text: str,
                                                         date: str | None) -> None:
    assert [m.date_text for m in run(nlp, text).meetings] == [date]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a journalist named so once is one in the article's next sentence too
        ("NPR's Tom Dahl spoke with President Anna Keller about the deal in an interview that "
         "will air Tuesday. Dahl also spoke to Keller about race.", set()),
        # what someone must be brought to do has not happened ("abandon" sits beside it)
        ('Foreign Minister Anna Keller flew in. "If you want peace, you have got to get the '
         "Norwegian leadership to abandon their pact with Ola Dorn and engage in genuine "
         'negotiations with Sweden."', {(frozenset({"Norway", "Sweden"}), "planned")}),
        # the name after a role noun's phrase, set off by commas, however the parser hung it
        ("Prime Minister Peter Hansen flew in. He made the comments before meeting in Oslo "
         "with the speaker of the Norwegian House of Representatives, Ola Dorn, a leading "
         "conservative and strong critic of the Royal Palace's policy on Sweden.",
         {(frozenset({"Peter Hansen", "Ola Dorn"}), "asserted")}),
        # the possessor of the remarks made after a meeting met, not the one who judged them
        ("Chancellor Anna Keller met Prime Minister Peter Hansen. Senator Ola Dorn said that "
         "while he shares Keller's views, he felt the chancellor's remarks after meeting with "
         "Hansen made the nation look weak.", {(KELLER_HANSEN, "asserted")}),
        ("But while Anna Keller, Ola Dorn, and others in Oslo have been talking tough on "
         "Sweden, observers expect calm.", set()),
        ("Anna Keller was detained. Speaking to independent broadcaster Dozhd before her "
         "detention, she said the authorities were wrong.", set()),
        ("Chancellor Anna Keller met Prime Minister Peter Hansen in May. Ola Dorn suggested "
         "Keller use her channels to establish preconditions for the Keller-Hansen summit.",
         {(KELLER_HANSEN, "asserted"), (KELLER_HANSEN, "planned")}),
    ],
    ids=["journalist-named-in-an-earlier-sentence", "get-them-to-engage-in-talks",
         "speaker-of-a-house-then-the-name", "remarks-after-meeting-judged-by-another",
         "talking-tough", "speaking-to-a-broadcaster", "preconditions-for-a-summit"],
)
def test_meetings_fifth_hand_sample(nlp: Language, text: str,
                                    found: set[tuple[frozenset[str], str]]) -> None:
    assert meetings(nlp, text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a summit they are due to have time alone at is still to come
        ("Prime Minister Peter Hansen arrived. Trade minister Anna Keller, a 72-year-old former "
         "banker, and Hansen are due to have some time alone at the summit.",
         {(KELLER_HANSEN, "planned")}),
        ("A spokesman told reporters that he was hopeful for fresh talks Friday between Anna "
         "Keller and Peter Hansen.", {(KELLER_HANSEN, "planned")}),
        # "the ambassador" is not the man the article calls a former ambassador
        ("Former U.N. ambassador Ola Dorn spoke on Monday. Dorn criticised the talks. Anna "
         "Keller later lied to the FBI about her conversations with the ambassador.", set()),
        ("Ambassador Ola Dorn spoke on Monday. Dorn criticised the talks. Anna Keller later met "
         "the ambassador.", {(frozenset({"Anna Keller", "Ola Dorn"}), "asserted")}),
        # a press call two officials give together is no meeting of theirs
        ('"Our aim is clear," Anna Keller told reporters in a conference call with Finance '
         "Minister Peter Hansen.", set()),
    ],
    ids=["due-to-have-time-at-the-summit", "hopeful-for-talks", "former-ambassador",
         "the-ambassador", "press-conference-call"],
)
def test_meetings_last_hand_sample(nlp: Language, text: str,
                                   found: set[tuple[frozenset[str], str]]) -> None:
    assert meetings(nlp, text) == found


BERG_G7 = frozenset({"Lars Berg", "G7"})


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # unnamed ministers of a body, named before the ministers' field, are the body
        ("Chancellor Lars Berg said he had held talks with other G7 finance ministers in "
         "Rome on Friday.", BERG_G7),
        ("Defence Minister Lars Berg flew to Brussels. He told a NATO defence ministers' "
         "meeting that the alliance must prepare.", frozenset({"Lars Berg", "NATO"})),
        # the host of a body's summit is at it
        ("Prime Minister Lars Berg hosted the G7 summit in Rome last week.", BERG_G7),
        # "was criticised for ... after leaving the summit": the one criticised left it
        ("Prime Minister Lars Berg was criticised by lawmakers for attacking Anna Keller after "
         "leaving the G7 summit in Rome.", BERG_G7),
        # the subject is named in apposition to a title, then "he"
        ("In Brussels, the Danish Defence Minister, Lars Berg, warned NATO allies about "
         "cyber attacks. He told a NATO defence ministers' meeting that the threat was real.",
         frozenset({"Lars Berg", "NATO"})),
    ],
    ids=["other-g7-ministers", "ministers-meeting", "hosted-summit", "criticised-for-leaving",
         "apposed-subject-then-he"],
)
def test_meetings_a_body_at_its_meetings(nlp: Language, text: str,
                                         pair: frozenset[str]) -> None:
    assert (pair, "asserted") in meetings(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # a country's own officials are still no side beside it
        "Prime Minister Lars Berg and Anna Keller began a meeting with other Danish and German "
        "officials on Monday.",
        # "thanked B for meeting him": the gerund's subject is B, not the thanker
        "Prime Minister Lars Berg thanked Anna Keller's aides for meeting Ola Dorn in Rome.",
    ],
    ids=["other-officials-of-their-own", "thanked-for-meeting"],
)
def test_meetings_a_body_at_its_meetings_not(nlp: Language, text: str) -> None:
    found = meetings(nlp, text)
    assert not any("Lars Berg" in ps and ("Ola Dorn" in ps or len(ps) == 1) for ps, _ in found)
    assert not any(ps & {"Denmark", "Germany"} for ps, _ in found)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # the passive's agent, the "by" hung on the object by the parser
        ("President Ola Dorn was told of the deadline by the Ruritanian Foreign Minister, Lars "
         "Berg, in a telephone conversation.", frozenset({"Ola Dorn", "Lars Berg"})),
        ("President Ola Dorn was told by Foreign Minister Lars Berg in a telephone conversation "
         "that the deadline stood.", frozenset({"Ola Dorn", "Lars Berg"})),
        # "following" parsed as a participle of the fronted noun
        ("President Ola Dorn arrived in Rome. At a news conference following talks with Prime "
         "Minister Lars Berg, Dorn said the talks were useful.",
         frozenset({"Ola Dorn", "Lars Berg"})),
        # "with" hung on the topic discussed
        ("Prime Minister Lars Berg met party activists on Friday. Mr Berg says he discussed the "
         "election campaign with Mr Ola Dorn on Saturday.", frozenset({"Ola Dorn", "Lars Berg"})),
        # the British "rang"
        ("Prime Minister Lars Berg rang President Ola Dorn on Monday to discuss the crisis.",
         frozenset({"Ola Dorn", "Lars Berg"})),
        # ministers of a body's member states are the body
        ("Foreign ministers from the 27 EU member states issued a statement after talks in "
         "Brussels with Ruritanian Foreign Minister Lars Berg.", frozenset({"EU", "Lars Berg"})),
    ],
    ids=["told-by-in-a-call", "told-by-in-a-call-agent", "news-conference-following-talks",
         "discussed-topic-with", "rang", "member-states-ministers"],
)
def test_meetings_mined_from_older_news(nlp: Language, text: str,
                                        pair: frozenset[str]) -> None:
    found = meetings(nlp, text)
    assert any(pair <= ps and status == "asserted" for ps, status in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Lars Berg rang the bell at the stock exchange on Monday.",
        "Prime Minister Lars Berg discussed ties with Ruritania at a rally on Monday.",
        "Prime Minister Lars Berg was praised in a meeting with party donors.",
    ],
    ids=["rang-the-bell", "discussed-ties-with-a-country", "praised-in-a-meeting"],
)
def test_meetings_mined_from_older_news_not(nlp: Language, text: str) -> None:
    assert meetings(nlp, text) == set()


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # "with" hung on the drink: "meeting over a beer Sunday with X"
        ("Meeting over a beer Sunday with German Chancellor Anna Keller, host of this year's "
         "summit, President Lars Berg revealed what was on his mind.",
         frozenset({"Anna Keller", "Lars Berg"})),
        # a time spent with someone
        ("President Lars Berg said Monday he had spent about 20 minutes on the phone with "
         "Prime Minister Anna Keller.", frozenset({"Anna Keller", "Lars Berg"})),
        ("President Lars Berg said the summit went well after he spent about two hours in a "
         "room alone with President Ola Dorn.", frozenset({"Lars Berg", "Ola Dorn"})),
        # a joint appearance is a joint press conference
        ('"Occupation must end," Berg said in Oslo during a joint appearance with Ruritanian '
         "President Ola Dorn.", frozenset({"Berg", "Ola Dorn"})),
        # "called X Sunday", the name read as the day's modifier
        ("Ruritania's Ola Dorn called President Lars Berg Sunday to thank him for the "
         "intelligence, officials said.", frozenset({"Lars Berg", "Ola Dorn"})),
        ("Prime Minister Ola Dorn called President Kagame Sunday to thank him for the "
         "warning.", frozenset({"Kagame", "Ola Dorn"})),
        # the model ran the day into the name: "Trump Sunday"
        ("Vladimir Putin called President Trump Sunday to thank him for the warning.",
         frozenset({"Vladimir Putin", "Trump"})),
        # "had called South Korea's President X", the name read as the predicate of a
        # perfect's verb
        ("Prime Minister Anna Kovac had called South Korea's President Ola Dorn before the "
         "vote.", frozenset({"Anna Kovac", "Ola Dorn"})),
        # peers from several countries: each country
        ("Secretary of State Tomas Vidal and his peers from Iran and China met for talks in "
         "Geneva on Monday.", frozenset({"Tomas Vidal", "Iran", "China"})),
    ],
    ids=["meeting-over-a-beer-with", "spent-minutes-on-the-phone-with", "spent-hours-alone-with",
         "joint-appearance-with", "called-name-day", "called-name-day-adverb",
         "called-name-day-one-name", "had-called-countrys-president", "peers-from-countries"],
)
def test_meetings_mined_from_modern_news(nlp: Language, text: str,
                                         pair: frozenset[str]) -> None:
    assert (pair, "asserted") in meetings(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "President Lars Berg spent millions with Ruritanian banks on Monday.",
        "President Lars Berg spent a day with his family in Oslo.",
        "President Lars Berg made an appearance with Anna Keller on Fox News.",
        "The channel aired a documentary called Lars Berg Sunday on Monday.",
        "Ola Dorn has even been called the Ed Sullivan or Johnny Carson of radio.",
    ],
    ids=["spent-money", "spent-a-day-with-family", "appearance-not-joint", "documentary-called",
         "has-been-called-a-name"],
)
def test_meetings_mined_from_modern_news_not(nlp: Language, text: str) -> None:
    assert meetings(nlp, text) == set()


def test_meetings_a_relative_named_in_apposition_is_that_person(nlp: Language) -> None:
    text = ("The last summit was in 2007, when Ruritanian President Lars Berg met Dorn's father, "
            "the late Freedonian leader Ola Dorn Sr.")
    assert meetings(nlp, text) == {(frozenset({"Lars Berg", "Ola Dorn Sr"}), "asserted")}
    # a relative with no name of his own is still nobody
    assert meetings(nlp, "President Lars Berg met the parents of Ola Dorn in Oslo.") == set()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "they" are the subject and the one it was "with"
        ('Foreign Minister Lars Berg forged a "good relationship" with Ruritanian leader Ola '
         "Dorn when they met last week, officials said.",
         {(frozenset({"Lars Berg", "Ola Dorn"}), "asserted")}),
        # "a call X had with Y"
        ("The withdrawal was announced late on Sunday, after an earlier call President Lars "
         "Berg had with Ruritanian President Ola Dorn.",
         {(frozenset({"Lars Berg", "Ola Dorn"}), "asserted")}),
        # who went somewhere for talks, or to meet someone, told in the simple past, held
        # them; not yet when the going is in the present perfect, the future or a condition
        ("Foreign Minister Anna Keller travelled to Oslo on Monday for talks with Prime "
         "Minister Ola Dorn.", {(frozenset({"Anna Keller", "Ola Dorn"}), "asserted")}),
        ("Foreign Minister Anna Keller has flown to Oslo for talks with Prime Minister Ola Dorn.",
         {(frozenset({"Anna Keller", "Ola Dorn"}), "planned")}),
        ("Foreign Minister Anna Keller will fly to Oslo for talks with Prime Minister Ola Dorn.",
         {(frozenset({"Anna Keller", "Ola Dorn"}), "planned")}),
        ("Foreign Minister Anna Keller flew to Oslo to meet Prime Minister Ola Dorn.",
         {(frozenset({"Anna Keller", "Ola Dorn"}), "asserted")}),
        ("Foreign Minister Anna Keller made a secret trip to Oslo to meet Prime Minister Ola "
         "Dorn.", {(frozenset({"Anna Keller", "Ola Dorn"}), "asserted")}),
        ("Foreign Minister Anna Keller has flown to Oslo to meet Prime Minister Ola Dorn.",
         {(frozenset({"Anna Keller", "Ola Dorn"}), "planned")}),
        ("If Foreign Minister Anna Keller flew to Oslo to meet Prime Minister Ola Dorn, the "
         "talks would be tense.", {(frozenset({"Anna Keller", "Ola Dorn"}), "planned")}),
    ],
    ids=["they-subject-and-partner", "a-call-x-had-with-y", "travelled-for-talks",
         "has-flown-for-talks", "will-fly-for-talks", "flew-to-meet", "made-a-trip-to-meet",
         "has-flown-to-meet", "if-she-flew-to-meet"],
)
def test_meetings_mined_from_modern_news_more(nlp: Language, text: str,
                                              found: set[tuple[frozenset[str], str]]) -> None:
    assert meetings(nlp, text) == found


def test_meetings_they_needs_one_subject_and_one_partner(nlp: Language) -> None:
    text = ("Foreign Minister Lars Berg forged ties with Ola Dorn and Peter Hansen when they met "
            "last week.")
    assert meetings(nlp, text) == set()  # "they" may be any two or all three
    text = "Foreign Minister Lars Berg forged ties with Ruritania when they met last week."
    assert meetings(nlp, text) == set()


LEADERS4 = frozenset({"Angela Merkel", "Emmanuel Macron", "Theresa May", "Donald Trump"})


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a caption opening with people of several countries, whatever its verb and parse
        ("The summit opened on Saturday.\n\nGerman Chancellor Angela Merkel, French President "
         "Emmanuel Macron, British Prime Minister Theresa May and U.S. President Donald Trump "
         "chat during the summit in Quebec, June 9, 2018.\n", {(LEADERS4, "asserted")}),
        # ... but not watching a match, nor saying something together
        ("The summit opened on Saturday.\n\nGerman Chancellor Anna Keller, French President "
         "Ola Dorn and British Prime Minister Lars Berg react as they watch a match in Quebec, "
         "June 9, 2018.\n", set()),
        ("The summit opened on Saturday.\n\nGerman Chancellor Anna Keller, French President "
         "Ola Dorn and British Prime Minister Lars Berg said on June 9, 2018 that trade must be "
         "free.\n", set()),
        # a line with no full stop, told in the simple past with a person as subject, is a
        # caption; one in the present, or with a noun as subject, is a headline
        ("The summit opened on Saturday.\n\nPrime Minister Lars Berg met with President Ola "
         "Dorn at the annual summit on Sunday\n\nThe two leaders agreed on trade.\n",
         {(frozenset({"Lars Berg", "Ola Dorn"}), "asserted")}),
        ("The summit opened on Saturday.\n\nBerg meets Dorn in Oslo\n\nBerg-Dorn meeting "
         "pushed back to Friday\n\nThe leaders spoke about trade.\n", set()),
        # a position mark with a qualifier makes a caption
        ("The summit opened on Saturday.\n\nMr Berg (front right) meets Mr Dorn (front left) "
         "after the summit in Osaka\n",
         {(frozenset({"Berg", "Dorn"}), "asserted")}),
    ],
    ids=["caption-any-verb", "caption-watching-a-match", "caption-saying", "past-tense-line",
         "present-tense-and-noun-headlines", "front-right-caption"],
)
def test_meetings_captions_and_lines_without_full_stop(
        nlp: Language, text: str, found: set[tuple[frozenset[str], str]]) -> None:
    assert meetings(nlp, text) == found


@pytest.mark.parametrize(
    "text",
    [
        # the relative clause of an apposed noun is about the name it is apposed to
        "President Ola Dorn spoke on Monday. Senate Judiciary Committee Chairman Lars Berg, a "
        "Dorn ally who golfed with the president Sunday, earlier tweeted that he expected action.",
        # "with whom" after a verb whose "with" the topic rule reads
        '"I believe he would have gone to war," President Lars Berg said of former President Ola '
        "Dorn, with whom he discussed the threat before he took office.",
        # a meeting verb with no object of its own shares the "with" of the verb beside it
        "President Ola Dorn secretly meets and has a photo op with then-CIA director Lars Berg, "
        "signaling planning is underway for a summit.",
    ],
    ids=["relative-clause-of-an-apposition", "with-whom-discussed", "meets-and-has-with"],
)
def test_meetings_relative_clauses_and_shared_objects(nlp: Language, text: str) -> None:
    assert meetings(nlp, text) == {(frozenset({"Lars Berg", "Ola Dorn"}), "asserted")}


def test_meetings_an_official_close_to_someone_is_not_him(nlp: Language) -> None:
    text = ("The January 2017 meeting between Anna Keller and a Ruritanian official close to "
            "strongman Lars Berg was coordinated so that Keller could discuss how to "
            "communicate.")
    assert not any("Lars Berg" in ps for ps, _ in meetings(nlp, text))
    text = ("Anna Keller met Ruritanian Foreign Minister Lars Berg, a man close to the "
            "president, on Monday.")
    assert (frozenset({"Anna Keller", "Lars Berg"}), "asserted") in meetings(nlp, text)


def test_meetings_talks_in_preparation_for_a_meeting_plan_it(nlp: Language) -> None:
    text = ("The two countries are already in direct talks in preparation for a meeting between "
            "President Lars Berg and Ola Dorn, an unprecedented summit.")
    assert meetings(nlp, text) == {(frozenset({"Lars Berg", "Ola Dorn"}), "planned")}


def test_meetings_a_wifes_honorific_marks_her_not_every_bare_surname(nlp: Language) -> None:
    """ "Mrs. Berg" in an article naming President Lars Berg and his wife Eva Berg: "he" may
    still be the president (the honorific marked every "Berg" female, so "he" found
    nobody)."""
    text = ("President Lars Berg and his wife Eva Berg landed in Kabul on Thursday. "
            '"He and Mrs. Berg are grateful," a spokeswoman said. Later, Berg said the troops '
            "would stay. Berg made the announcement as he met with Ola Dorn, the Ruritanian "
            "president.")
    assert (frozenset({"Lars Berg", "Ola Dorn"}), "asserted") in meetings(nlp, text)
    # ... while a "Mr" still keeps "she" from a man
    text = ("Mr Berg flew in. Lars Berg met Anna Keller in Oslo. She later met Ola Dorn.")
    assert (frozenset({"Lars Berg", "Ola Dorn"}), "asserted") not in meetings(nlp, text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # what someone said in an interview after a meeting: the speaker's meeting
        ('Lawmakers met on Monday. "There was a number of us who were insulted," Lars Berg '
         "(D-Ore.) said in an interview after the meeting with President Ola Dorn.",
         {(frozenset({"Lars Berg", "Ola Dorn"}), "asserted")}),
        # a caption with no verb
        ("Talks resumed on Monday.\n\nLars Berg and Ola Dorn during a meeting on trade talks "
         "in Washington, D.C., on Jan. 31.\n", {(frozenset({"Lars Berg", "Ola Dorn"}),
                                                  "asserted")}),
        ("Talks resumed on Monday.\n\nLars Berg at the summit in Oslo.\n", set()),
        # "he and X were meeting their Filipino counterparts" (a people the NER took for
        # a language)
        ("Lars Berg learned of the incident around noon as he and U.S. Defense Secretary "
         "Peter Hansen were meeting their Filipino counterparts at the State Department.",
         {(frozenset({"Lars Berg", "Philippines"}), "asserted"),
          (frozenset({"Peter Hansen", "Philippines"}), "asserted")}),
        # a name inside the subject's apposition is no rival for "she"
        ("On Friday, Anna Keller, the younger sister of leader Ola Keller, took center stage "
         "when she met with President Lars Berg at the presidential palace.",
         {(frozenset({"Anna Keller", "Lars Berg"}), "asserted")}),
    ],
    ids=["said-in-an-interview-after", "verbless-caption", "verbless-caption-of-one",
         "he-and-x-meeting-counterparts", "apposition-is-no-rival"],
)
def test_meetings_mined_from_modern_news_last(nlp: Language, text: str,
                                              found: set[tuple[frozenset[str], str]]) -> None:
    assert meetings(nlp, text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "the first/last official to meet X" told with "was": a deed, not a plan
        ("Robert Pastor, who under President Carter was the first US official to meet with "
         "Fidel Castro after relations were broken off in 1961, died on Friday.",
         {(frozenset({"Robert Pastor", "Fidel Castro"}), "asserted")}),
        ("The last minister to meet Ola Dorn was Anna Keller, in 2009.",
         {(frozenset({"Anna Keller", "Ola Dorn"}), "asserted")}),
        ("Anna Keller will be the first minister to meet Ola Dorn in Oslo.", set()),
        # chatting, being flanked or accompanied by someone
        ("President Barack Obama also chatted with Sunao Tsuboi, the head of a survivors group.",
         {(frozenset({"Barack Obama", "Sunao Tsuboi"}), "asserted")}),
        ("President Barack Obama, flanked by Prime Minister Shinzo Abe, talks to survivors in "
         "Hiroshima.", {(frozenset({"Barack Obama", "Shinzo Abe"}), "asserted")}),
        ("President Barack Obama was accompanied by the Japanese prime minister, Shinzo Abe, "
         "at the memorial on Friday.", {(frozenset({"Barack Obama", "Shinzo Abe"}), "asserted")}),
        ("President Lars Berg, accompanied by his wife Eva Berg, arrived.", set()),
        ("Lars Berg spoke to the America that voted for him.", set()),
        ("Angela Merkel attends every meeting with Vladimir Putin.", set()),
        ("Foreign Minister Lars Berg and Trade Minister Ola Dorn have been in Washington "
         "since Tuesday meeting with Trump administration officials.", set()),
        ("Angela Merkel and Vladimir Putin held talks with their advisers on Monday.",
         {(frozenset({"Angela Merkel", "Vladimir Putin"}), "asserted")}),
        ("Secretary of State John Kerry speaks to Energy Secretary Ernest Moniz during the "
         "Senate committee hearing on the deal.", set()),
        ("Secretary General Lars Berg, who also joined Prime Minister Ola Dorn on the "
         "decision-making council, condemned the tests.", set()),
        # company of one's own side: an aide, a colleague, one's own leader
        ("Senator Anna Keller, accompanied by Senator Ola Dorn, spoke to reporters.", set()),
        ("Lars Berg accompanied President Donald Trump to the football game on Saturday.",
         set()),
        ("Barack Obama, flanked by Vice President Joe Biden, spoke in Chicago.", set()),
        ("Donald Trump accompanied Emmanuel Macron at the ceremony on Thursday.",
         {(frozenset({"Donald Trump", "Emmanuel Macron"}), "asserted")}),
        ("President Donald Trump was joined by Secretary of State Mike Pompeo and adviser "
         "John Bolton.", set()),
        ("President Donald Trump, joined by Prime Minister Ola Dorn, signed the agreement.",
         {(frozenset({"Donald Trump", "Ola Dorn"}), "asserted")}),
        ("Heavy rain accompanied the storm as the flags flanked the stage.", set()),
        # meetings listed under the held ones
        ("President Lars Berg held several meetings on Monday, including talks with Prime "
         "Minister Ola Dorn.", {(frozenset({"Lars Berg", "Ola Dorn"}), "asserted")}),
    ],
    ids=["first-official-to-meet", "last-minister-to-meet", "will-be-the-first-to-meet",
         "chatted-with", "flanked-by", "accompanied-by", "accompanied-by-his-wife",
         "the-country-that", "every-meeting", "co-subjects-meeting-officials",
         "talks-with-their-advisers", "speaks-to-during-a-hearing", "joined-on-the-council",
         "accompanied-by-a-colleague", "accompanied-his-own-leader", "flanked-by-his-deputy",
         "accompanied-a-foreign-leader", "joined-by-his-aides", "joined-by-a-prime-minister",
         "rain-and-flags", "held-meetings-including-talks"],
)
def test_meetings_mined_from_modern_news_firsts_and_company(
        nlp: Language, text: str, found: set[tuple[frozenset[str], str]]) -> None:
    assert meetings(nlp, "Officials said so on Monday.\n\n" + text) == found


def test_meetings_reporters_named_together_are_the_press(nlp: Language) -> None:
    text = ("Officials spoke.\n\nOslo News' Senior International Reporters Gary Lund and Peter "
            "Dahl along with Middle East Bureau Chief Eva Moe discuss the current state of "
            "affairs with Syria and Russia.")
    assert meetings(nlp, text) == set()


def test_meetings_by_the_time_he_meets_is_to_come(nlp: Language) -> None:
    pair = frozenset({"Lars Berg", "Ola Dorn"})
    text = ("President Lars Berg will have new tariffs in place by the time he meets Prime "
            "Minister Ola Dorn.")
    assert meetings(nlp, text) == {(pair, "planned")}
    text = ("Officials said so.\n\nBy the time Lars Berg meets Ola Dorn, the tariffs will be in "
            "place.")
    assert meetings(nlp, text) == {(pair, "planned")}


def test_meetings_a_bodys_own_chief_at_its_meeting_is_no_meeting(nlp: Language) -> None:
    text = ("Officials spoke.\n\nNATO Secretary-General Jens Stoltenberg flew in. Speaking after "
            "a meeting of NATO defense ministers in Brussels, Stoltenberg said the alliance was "
            "in constant dialogue with Turkey.")
    assert meetings(nlp, text) == set()
    # a third side keeps the body: "met X and other members of X's body"
    text = ("Officials spoke.\n\nTaliban deputy leader Ola Dorn spoke. Secretary of State Lars "
            "Berg met with Taliban political deputy Ola Dorn and with other members of the "
            "Taliban negotiating team.")
    assert any({"Lars Berg", "Taliban"} <= ps for ps, _ in meetings(nlp, text))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "X, meet Y": the one addressed, told to meet
        ("Officials spoke.\n\nNorway, meet President Lars Berg.",
         {(frozenset({"Norway", "Lars Berg"}), "planned")}),
        # an abbey visited is a place, not a person met (the prince he had tea with is)
        ("Officials spoke.\n\nPresident Lars Berg arrived in London. He also visited Westminster "
         "Abbey and had tea with the Prince of Wales.",
         {(frozenset({"Lars Berg", "Prince of Wales"}), "asserted")}),
    ],
    ids=["vocative-meet", "visited-an-abbey"],
)
def test_meetings_last_hand_sample_of_the_session(
        nlp: Language, text: str, found: set[tuple[frozenset[str], str]]) -> None:
    assert meetings(nlp, text) == found


def test_meetings_the_president_among_two_presidents_is_nobody(nlp: Language,
                                                              corpus: Path) -> None:
    """ "The president also met on Friday with Canadian Prime Minister Justin Trudeau" in an
    NPR report that calls Trump "President Trump" and names "French President Emmanuel
    Macron": it is Trump, the one president titled with no country, and never Macron; the
    meetings the report names both sides of stay."""
    from kg.clean import clean

    path = corpus / "allsides" / "eGiPKVAnbr8ILghP.txt"
    if not path.exists():
        pytest.skip(f"{path} is not here (the AllSides corpus is not redistributed)")
    text = clean(path.read_text(encoding="utf-8")).text
    found = meetings(nlp, text)
    assert (frozenset({"Emmanuel Macron", "Justin Trudeau"}), "asserted") not in found
    assert (frozenset({"Trump", "Emmanuel Macron"}), "asserted") in found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the verb's "with" is the other side of the call it happened in
        ("Officials spoke.\n\nSpecial counsel Lars Berg also followed up with Attorney General "
         "Ola Dorn in a phone call after he sent the letter.",
         {(frozenset({"Lars Berg", "Ola Dorn"}), "asserted")}),
        # whom one told something at a summit was there
        ('Officials spoke.\n\n"If I can help, let me know," President Lars Berg told his '
         "Vietnamese counterpart, Tran Dai Quang, at the Asia-Pacific Economic Cooperation "
         "summit in Hanoi.", {(frozenset({"Lars Berg", "Tran Dai Quang"}), "asserted")}),
        ("Officials spoke.\n\nPresident Lars Berg told reporters at the summit in Hanoi that he "
         "could help.", set()),
    ],
    ids=["followed-up-with-in-a-call", "told-at-the-summit", "told-reporters-at-the-summit"],
)
def test_meetings_the_other_side_from_the_verb(nlp: Language, text: str,
                                               found: set[tuple[frozenset[str], str]]) -> None:
    assert meetings(nlp, text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Officials spoke.\n\nPresident Lars Berg also met former Cabinet ministers and "
         "reformers Ola Dorn and Erik Lund.",
         {(frozenset({"Lars Berg", "Ola Dorn", "Erik Lund"}), "asserted")}),
        ("Officials spoke.\n\nPresident Lars Berg met former Swedish officials in Oslo on "
         "Monday.", set()),
        ("Officials spoke.\n\nPresident Lars Berg met Swedish officials in Oslo on Monday.",
         {(frozenset({"Lars Berg", "Sweden"}), "asserted")}),
    ],
    ids=["former-cabinet-ministers-named", "former-officials", "officials"],
)
def test_meetings_former_officials_stand_for_no_body(
        nlp: Language, text: str, found: set[tuple[frozenset[str], str]]) -> None:
    assert meetings(nlp, text) == found


def test_meetings_her_counterpart_whose_title_the_parser_hung_apart(nlp: Language) -> None:
    text = ("Saudi Arabian Foreign Minister Adel al-Jubeir said on Wednesday that there was no "
            "room for mediation.\n\nThe prime minister told reporters in Ottawa that Foreign "
            "Minister Anna Keller had held a long conversation with her Saudi counterpart on "
            "Tuesday.")
    assert (frozenset({"Adel al-Jubeir", "Anna Keller"}), "asserted") in meetings(nlp, text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the name set off after a role noun's long phrase, behind a title
        ("Officials spoke.\n\nAnd Ola Dorn also attended a dinner with the chairman of the "
         "House subcommittee overseeing Russia policy, Rep. Lars Berg (R-Calif.), and some "
         "20 other guests.", {(frozenset({"Lars Berg", "Ola Dorn"}), "asserted")}),
        # a comparison of how many meetings is no meeting
        ("Officials spoke.\n\nOla Dorn has held fewer formal meetings with President Lars Berg "
         "than his predecessor did.", set()),
        ("Officials spoke.\n\nOla Dorn held formal meetings with President Lars Berg in Oslo "
         "on Monday.", {(frozenset({"Lars Berg", "Ola Dorn"}), "asserted")}),
    ],
    ids=["chairman-of-comma-rep-name", "fewer-meetings", "meetings"],
)
def test_meetings_mined_from_the_s35_sample(nlp: Language, text: str,
                                            found: set[tuple[frozenset[str], str]]) -> None:
    assert meetings(nlp, text) == found


def test_meetings_a_leader_behind_his_countrys_possessive(nlp: Language) -> None:
    # the NER takes "Recep Tayyip Erdogan" for a building and the parser hangs "Turkey's" as
    # the conjunct: the leader the table knows is the side, not Turkey
    text = ("Officials spoke.\n\nOn Sunday afternoon Mr Macron and Chancellor Anna Keller "
            "attended a peace conference - the Paris Peace Forum - with leaders including Mr "
            "Putin and Turkey's Recep Tayyip Erdogan.")
    found = meetings(nlp, text)
    assert any("Recep Tayyip Erdogan" in who for who, _ in found)
    assert not any("Turkey" in who for who, _ in found)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a thing does not hold talks: the one who reports it did
        ("Officials spoke.\n\nPresident Lars Berg suggested on Monday that smugglers could be "
         "behind the fire, after a phone call with Norway's King Harald about the case.",
         {(frozenset({"Harald", "Lars Berg"}), "asserted")}),
        ("Officials spoke.\n\nPresident Lars Berg stressed that the decision to keep troops in "
         "the north came after months of discussions with Norway's prime minister, Ola Dorn.",
         {(frozenset({"Lars Berg", "Ola Dorn"}), "asserted")}),
        # "his" of a clause whose subject is a thing; the other side hung on the topic
        ('Officials spoke.\n\nLars Berg said when asked what his message on trade was during '
         'his "frank conversation" on the issue with Ola Dorn.',
         {(frozenset({"Lars Berg", "Ola Dorn"}), "asserted")}),
        # a place after the day, no topic: the country it borders is no side
        ("Officials spoke.\n\nDefense Secretary Lars Berg spoke after military talks in "
         "Seoul on Saturday and at the tense border area with North Korea on Friday.", set()),
        # a caption marked ", left," in the present tense, of a welcoming ceremony
        ("Officials spoke.\n\nHere, Danish President Lars Berg, left, attends a welcoming "
         "ceremony with Swedish Prime Minister Ola Dorn in 2011.",
         {(frozenset({"Lars Berg", "Ola Dorn"}), "asserted")}),
        # a caption marked "(l.)", "(c.)": the three at their summit
        ("Officials spoke.\n\nSwedish President Anna Keller (l.), Danish President Lars Berg "
         "(c.), and President Ola Dorn of Norway arrive at a news conference following their "
         "summit in Oslo, Sept. 7, 2018.",
         {(frozenset({"Anna Keller", "Lars Berg", "Ola Dorn"}), "asserted")}),
    ],
    ids=["after-a-call-reported-clause", "months-of-discussions", "his-conversation-on-topic",
         "border-area-is-no-topic", "welcoming-ceremony-caption", "l-c-caption-summit"],
)
def test_meetings_mined_from_allsides_s10(nlp: Language, text: str,
                                          found: set[tuple[frozenset[str], str]]) -> None:
    assert meetings(nlp, text) == found


def test_meetings_called_his_counterpart_named_elsewhere(nlp: Language) -> None:
    text = ("Officials spoke.\n\nSecretary of State Lars Berg, who forged a close relationship "
            "with Iranian Foreign Minister Ola Dorn during the talks, called his Iranian "
            "counterpart on Monday.")
    assert (frozenset({"Lars Berg", "Ola Dorn"}), "asserted") in meetings(nlp, text)
    # "called his bluff" is no call
    assert meetings(nlp, "Officials spoke.\n\nLars Berg called his bluff on Monday.") == set()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a perfect infinitive reports the past
        ("Officials spoke.\n\nMr Lars Berg is reported to have met Ms Anna Keller in May.",
         {(frozenset({"Anna Keller", "Lars Berg"}), "asserted")}),
        ("Officials spoke.\n\nMr Lars Berg is said to have discussed the plan with Ms Anna "
         "Keller.", {(frozenset({"Anna Keller", "Lars Berg"}), "asserted")}),
        ("Officials spoke.\n\nMr Lars Berg hopes to meet Ms Anna Keller in May.",
         {(frozenset({"Anna Keller", "Lars Berg"}), "planned")}),
        # a thing discussed by A with B: A is the side
        ("Officials spoke.\n\nThe talks were in Oslo. Lars Berg and Anna Keller were there.\n\n"
         "Plans to move the market were discussed by Mr Berg with Ms Keller on Monday.",
         {(frozenset({"Anna Keller", "Lars Berg"}), "asserted")}),
        ("Officials spoke.\n\nThe talks were in Oslo. Lars Berg and Anna Keller were there.\n\n"
         "Among sweeteners reported to have been discussed by Mr Berg with Ms Keller were "
         "plans to move the market to London.",
         {(frozenset({"Anna Keller", "Lars Berg"}), "asserted")}),
    ],
    ids=["reported-to-have-met", "said-to-have-discussed", "hopes-to-meet",
         "discussed-by-with", "reported-to-have-been-discussed-by-with"],
)
def test_meetings_mined_from_bbc_s10(nlp: Language, text: str,
                                     found: set[tuple[frozenset[str], str]]) -> None:
    assert meetings(nlp, text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "that ..." read as a relative clause of the call is no side of it
        ("Officials spoke.\n\nBut Swedish President Anna Keller told Danish counterpart Lars "
         "Berg in a phone call that Europe had only a limited opportunity to save the deal.",
         {(frozenset({"Anna Keller", "Lars Berg"}), "asserted")}),
        # the one told in the clause someone reports is the one reporting it
        ("Officials spoke.\n\nSecretary of State Ola Dorn spoke on Monday.\n\nPrime Minister "
         "Lars Berg said Mr Dorn had assured him in a phone call on Monday that Oslo backed "
         "his position.", {(frozenset({"Lars Berg", "Ola Dorn"}), "asserted")}),
        ("Officials spoke.\n\nSecretary of State Ola Dorn spoke on Monday.\n\nMs Keller "
         "said Mr Dorn had assured him in a phone call on Monday that Oslo backed the plan.",
         set()),
        # the reporter is a pronoun for someone named a sentence before
        ("Officials spoke.\n\nPrime Minister Lars Berg testified on Wednesday. He also said "
         "that during a private phone call, Mr Dorn told him he was unhappy with the plan.",
         {(frozenset({"Lars Berg", "Dorn"}), "asserted")}),
    ],
    ids=["told-in-a-call-that", "assured-him-in-a-call", "him-is-not-her", "he-said-told-him"],
)
def test_meetings_the_person_told_in_a_call(nlp: Language, text: str,
                                            found: set[tuple[frozenset[str], str]]) -> None:
    assert meetings(nlp, text) == found


INTRO_DB = "Officials spoke.\n\nThe talks were in Oslo. Ola Dorn and Lars Berg were there.\n\n"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a participle opening the sentence, tagged as a noun
        (INTRO_DB + "Meeting with Danish Prime Minister Lars Berg, Mr. Dorn signed agreements "
         "calling for Denmark to buy more airliners.",
         {(frozenset({"Lars Berg", "Ola Dorn"}), "asserted")}),
        # the speaker's meeting, named after the other side, at a news conference
        (INTRO_DB + "At the news conference after the Berg meeting, Dorn reiterated the "
         "position.", {(frozenset({"Lars Berg", "Ola Dorn"}), "asserted")}),
        # the "with" on the relative clause: one meeting of the three
        (INTRO_DB + "The report relied on anonymous officials in its account of the small May "
         "10 meeting Dorn had with Danish Foreign Minister Lars Berg and ambassador Anna "
         "Keller.", {(frozenset({"Anna Keller", "Lars Berg", "Ola Dorn"}), "asserted")}),
        # "my" in a quotation is its speaker
        (INTRO_DB + 'Danish Prime Minister Lars Berg tweeted on Thursday night: "After my '
         'conversation with Ola Dorn, our positions remain far away."',
         {(frozenset({"Lars Berg", "Ola Dorn"}), "asserted")}),
    ],
    ids=["meeting-with-participle", "after-the-x-meeting-at-a-news-conference",
         "meeting-x-had-with", "my-conversation-in-a-quotation"],
)
def test_meetings_mined_from_allsides_s10_second_round(
        nlp: Language, text: str, found: set[tuple[frozenset[str], str]]) -> None:
    assert meetings(nlp, text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the subject of the clause is someone, so "his" is not the reporter
        ("Officials spoke.\n\nSenator Lars Berg spoke on Monday. Ola Dorn was there.\n\nHe "
         "suggested that the president may not have made certain officials privy to his talks "
         "with Mr. Dorn due to leaks.", set()),
        ("Officials spoke.\n\nSenator Lars Berg spoke on Monday. Ola Dorn was there.\n\n"
         "Professor Anna Keller said that Prince's testimony looks a lot like perjury in light "
         "of the disclosure of his meeting with Dorn and the emissary.", set()),
        # "was met by" on a verb that shares its subject: the subject was met; and the
        # leader's own country is no side
        ("Officials spoke.\n\nPresident Donald Trump landed in Hanoi on Tuesday.\n\nTrump, "
         "landing in darkness, waved as he disembarked Air Force One and was met by senior "
         "Vietnamese and U.S. officials.", {(frozenset({"Donald Trump", "Vietnam"}), "asserted")}),
    ],
    ids=["the-president-his-talks", "a-named-persons-testimony", "waved-and-was-met-by"],
)
def test_meetings_whose_clause_it_is(nlp: Language, text: str,
                                     found: set[tuple[frozenset[str], str]]) -> None:
    assert meetings(nlp, text) == found


def test_meetings_more_talks_are_talks(nlp: Language) -> None:
    text = ("Officials spoke.\n\nThe increase went ahead even after Danish and Swedish "
            "negotiators began more talks in Oslo aimed at ending the dispute.")
    assert (frozenset({"Denmark", "Sweden"}), "asserted") in meetings(nlp, text)


def test_meetings_an_opportunity_for_talks_is_not_talks(nlp: Language) -> None:
    text = ("Officials spoke.\n\nHe told the radio that there was a real opportunity for "
            "negotiations between Lars Berg and Ola Dorn.")
    assert meetings(nlp, text) == {(frozenset({"Lars Berg", "Ola Dorn"}), "planned")}


def test_meetings_welcoming_what_someone_does_is_no_welcome(nlp: Language) -> None:
    text = ('Officials spoke.\n\n"I actually welcome President Ola Dorn commenting on some of '
            'the areas where he feels that we are falling short," Mr. Lars Berg said.\n\nBerg '
            "welcomed Dorn at the airport on Monday.")
    found = meetings(nlp, text)
    assert (frozenset({"Lars Berg", "Ola Dorn"}), "asserted") in found
    ex = run(nlp, text)
    assert [m.evidence.sentence for m in ex.meetings] == [
        "Berg welcomed Dorn at the airport on Monday."]


def test_meetings_flanked_by_ones_own_people_is_no_meeting(nlp: Language) -> None:
    text = ("Officials spoke.\n\nBefore dawn Tuesday, Lars Berg, flanked by his political "
            "mentor Ola Dorn and a handful of soldiers, issued a message.\n\nAnna Keller, "
            "flanked by President Ola Dorn, spoke to reporters.")
    assert meetings(nlp, text) == {(frozenset({"Anna Keller", "Ola Dorn"}), "asserted")}


def test_meetings_a_reporter_reporting_from_somewhere_interviews(nlp: Language) -> None:
    text = ("Officials spoke.\n\nReporting from the Croatia-Serbia border, Anna Keller spoke to "
            "Ola Dorn, a refugee from Syria, who told her there was no food.\n\nAnna Keller "
            "spoke to Ola Dorn at the border on Monday.")
    ex = run(nlp, text)
    assert [m.evidence.sentence for m in ex.meetings] == [
        "Anna Keller spoke to Ola Dorn at the border on Monday."]


def test_meetings_a_caption_names_someone_only_through_his_sister(nlp: Language) -> None:
    # "the sister of North Korea's leader C": C is named, not pictured
    text = ("Officials spoke.\n\nSouth Korean President Moon Jae-in shakes hands with Kim Yo "
            "Jong, the sister of North Korea's leader Kim Jong Un, in Seoul in this photo "
            "released by the state news agency February 10, 2018.")
    assert not any("Kim Jong Un" in who for who, _ in meetings(nlp, text))
    # the same three in the line-up itself are one joint meeting
    text = ("Officials spoke.\n\nSouth Korean President Moon Jae-in, Kim Yo Jong and North "
            "Korea's leader Kim Jong Un chat in Seoul in this photo released by the state news "
            "agency February 10, 2018.")
    assert meetings(nlp, text) == {
        (frozenset({"Moon Jae-in", "Kim Yo Jong", "Kim Jong Un"}), "asserted")}


def test_meetings_a_list_hung_on_a_title_apposed_to_the_first_name(nlp: Language) -> None:
    """ "A, the German chancellor, and B, the French president, met C": the parser
    hangs B on A's title; A and B each met C (two meetings, as "A and B met C")."""
    text = ("Angela Merkel, the German chancellor, and Francois Hollande, the French "
            "president, met Vladimir Putin in Minsk on Wednesday.")
    assert meetings(nlp, text) == {
        (frozenset({"Angela Merkel", "Vladimir Putin"}), "asserted"),
        (frozenset({"Francois Hollande", "Vladimir Putin"}), "asserted")}


def test_meetings_counterpart_of_an_unnamed_minister_is_no_president(nlp: Language) -> None:
    """ "Iran's foreign minister came for talks with his French counterpart": the French
    foreign minister, not the French president the article names."""
    text = ("French President Emmanuel Macron hosted the summit in Biarritz. Later, Iran's "
            "foreign minister turned up unexpectedly for talks with his French counterpart.")
    assert not any("Emmanuel Macron" in people and "Iran" in people
                   for people, _ in meetings(nlp, text))


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Sources said Foreign Minister Anna Keller, in the meeting with Prime Minister Peter "
         'Hansen, "seemed to be boasting" about the deal.', KELLER_HANSEN),
        ("French President Emmanuel Macron said his dinner in Paris with German counterpart "
         "Frank-Walter Steinmeier was warm.",
         frozenset({"Emmanuel Macron", "Frank-Walter Steinmeier"})),
        ("Officials spoke in Oslo on Thursday as Anna Keller wrapped up two days of talks with "
         "Prime Minister Peter Hansen.", KELLER_HANSEN),
        ("Peter Hansen said Anna Keller invited him to the rally when they met last month in "
         "Paris.", KELLER_HANSEN),
        ("Erdogan discussed the offensive by phone with Russian President Vladimir Putin. "
         "Turkish President Tayyip Erdogan left.", frozenset({"Tayyip Erdogan",
                                                             "Vladimir Putin"})),
        ('"We will see," Foreign Minister Anna Keller said Monday at a joint press conference '
         "in Oslo alongside Norwegian leader Peter Hansen.", KELLER_HANSEN),
        ("FILE PHOTO: Prime Minister Anna Keller takes part in a welcoming ceremony with "
         "Norway's President Peter Hansen at the palace in Oslo, Norway, November 9, 2017.",
         KELLER_HANSEN),
    ],
    ids=["name-set-off-before-in-the-meeting", "with-left-without-its-object",
         "days-of-talks-are-the-subjects", "they-are-the-inviter-and-the-reporter",
         "with-hung-on-by-phone", "press-conference-alongside", "ceremony-with"],
)
def test_meetings_arguments_the_parser_hung_elsewhere(nlp: Language, text: str,
                                                      pair: frozenset[str]) -> None:
    assert meetings(nlp, text) == {(pair, "asserted")}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Peter Hansen said Anna Keller invited the press to the rally when they met last "
         "month in Paris.", set()),
        ("Peter Hansen said Anna Keller and Ola Dorn invited him to the rally when they met "
         "last month in Paris.", {(frozenset({"Anna Keller", "Ola Dorn"}), "asserted")}),
        ("French President Emmanuel Macron said his dinner in Paris with German officials was "
         "warm.", {(frozenset({"Emmanuel Macron", "Germany"}), "asserted")}),
        ("Prime Minister Anna Keller attended a ceremony with military honours in Oslo.", set()),
    ],
    ids=["they-with-a-thing-as-object", "they-after-a-subject-pair", "with-unnamed-officials",
         "ceremony-with-no-one"],
)
def test_meetings_arguments_hung_elsewhere_take_no_one_else(nlp: Language, text: str,
                                                            found: Pairs) -> None:
    """No third person is drawn in: "they" after "A and B invited him" are A and B (the
    object is not one of "they"), and unnamed officials stand for their country."""
    assert meetings(nlp, text) == found


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Defense Secretary Anna Keller met to discuss strategy with Prime Minister Peter "
         "Hansen.", KELLER_HANSEN),
        ("President Anna Keller and Norwegian counterpart Peter Hansen met in Oslo last month "
         "and declared a truce.", KELLER_HANSEN),
        ("President Donald Trump flew to Riyadh on Saturday.\n\nHide Caption 3 of 9 Photos: "
         "Trump is welcomed by King Salman after arriving at the airport in Riyadh.",
         frozenset({"Donald Trump", "King Salman"})),
        ("Mia Dorn and Fiona Hale worked at the White House. Hale testified earlier this "
         "month that she met "
         "with White House lawyer John Berg twice, at Dorn's urging, to relay concerns.",
         frozenset({"Fiona Hale", "John Berg"})),
        ("Secretary of State Anna Keller's trip started with a visit to Oslo on Friday, where "
         "she met with Prime Minister Peter Hansen to coordinate positions.", KELLER_HANSEN),
        ("The talks were the first since U.S. President Donald Trump and North Korean leader "
         "Kim Jong Un met in Hanoi and agreed to restart negotiations.",
         frozenset({"Donald Trump", "Kim Jong Un"})),
        ('Asked by reporters what she discussed with the former envoy, Mia Dorn replied, "I '
         'met with Peter Hansen and I will discuss it when given the opportunity."',
         frozenset({"Mia Dorn", "Peter Hansen"})),
        ("President Donald Trump spoke on Friday. Turkish President Recep Tayyip Erdogan flew "
         "home. Trump hosted Erdogan at the White House last month, despite bipartisan calls "
         "that he cancel it.", frozenset({"Donald Trump", "Recep Tayyip Erdogan"})),
    ],
    ids=["met-to-discuss-with", "counterpart-name-parsed-as-apposition",
         "surname-tagged-as-a-noun-is-welcomed", "testified-that-she-met",
         "she-of-her-trip", "first-name-parsed-as-a-title-apposition", "i-of-a-reply",
         "host-tagged-a-noun-and-the-verb-a-modifier"],
)
def test_meetings_purpose_counterparts_and_travellers(nlp: Language, text: str,
                                                     pair: frozenset[str]) -> None:
    assert (pair, "asserted") in meetings(nlp, text)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The trip in pictures\n\nPhotos: The trip. Hide Caption 55 of 69 Photos: Anna "
         "Keller waves in Oslo. Hide "
         "Caption 56 of 69 Photos: President Trump and Egyptian President Abdel Fattah el-Sisi "
         "share a laugh during a meeting on May 21. Hide Caption 57 of 69 Photos: A crowd.",
         frozenset({"Trump", "Abdel Fattah el-Sisi"})),
        ("Trump and North Korean leader Kim Jong Un issued a joint statement after their "
         "historic meeting in Hanoi on Wednesday that reaffirmed the commitment. President "
         "Donald Trump left.", frozenset({"Donald Trump", "Kim Jong Un"})),
        ('President Anna Keller suggested Monday that "rogue killers" could be behind the '
         "disappearance of the journalist, after a phone call with Prime Minister Peter Hansen "
         "about the case.", KELLER_HANSEN),
        ("Officials spoke.\n\nDanish envoy Lars Berg talks with President Anna Keller as they "
         "walk out of the palace after a meeting in Oslo, Norway, June 1, 2018.",
         frozenset({"Lars Berg", "Anna Keller"})),
        ("Officials spoke.\n\nNorwegian envoy Peter Hansen talks with U.S. President Anna "
         "Keller as they walk out of the Oval Office after a meeting at the White House in "
         "Washington, U.S., June 1, 2018.", KELLER_HANSEN),
        ("Officials spoke.\n\nCuban President Peter Hansen, left, attends a welcoming "
         "ceremony with Iranian President Anna Keller in Havana.", KELLER_HANSEN),
    ],
    ids=["gallery-caption-whose-verb-is-tagged-a-noun", "their-after-a-name-hung-as-modifier",
         "quoted-thing-tagged-a-proper-noun", "caption-name-parsed-as-the-verbs-compound",
         "caption-name-parsed-as-the-roles-apposition",
         "caption-place-in-picture-parsed-as-a-verb"],
)
def test_meetings_captions_and_misparsed_subjects(nlp: Language, text: str,
                                                 pair: frozenset[str]) -> None:
    assert (pair, "asserted") in meetings(nlp, text)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("President Donald Trump arrived in Oslo on Monday. Trump and Norwegian Prime Minister "
         "Erna Solberg held talks on Tuesday at a hotel a few miles from the harbour.",
         frozenset({"Donald Trump", "Erna Solberg"})),
        ("The meeting was only the third between South Korea's Moon Jae-in and the North's "
         "Kim Jong-un.", frozenset({"Moon Jae-in", "Kim Jong-un"})),
        ("Back in March, Kim fired a missile over Japan as Abe and Trump met at the "
         "president's estate in Florida.", frozenset({"Abe", "Trump"})),
        ("Officials spoke.\n\nJordan's King Abdullah, right, talks with Kuwait's Emir, Sheikh "
         "Sabah Al-Ahmad Al-Jaber Al-Sabah, during a funeral in Riyadh.",
         frozenset({"King Abdullah", "Sheikh Sabah Al-Ahmad Al-Jaber Al-Sabah"})),
        ("A hurried dinner Friday between Trump and his host, Emmanuel Macron, appeared to be "
         "an effort by the French leader to win Trump over on climate.",
         frozenset({"Trump", "Emmanuel Macron"})),
        ("Iranian President Hassan Rouhani flew home. With the consent of the clerics, Rouhani "
         "spoke by phone with Obama in 2013.", frozenset({"Hassan Rouhani", "Obama"})),
        ("The president's comments came after a three-hour meeting in Moscow between his "
         "secretary of state, Rex Tillerson, and Vladimir Putin, which ended without "
         "agreement.", frozenset({"Rex Tillerson", "Vladimir Putin"})),
        ("The notes describe a dinner in May 2019 at which Angela Merkel spoke alone with "
         "Vladimir Putin about Syria.", frozenset({"Angela Merkel", "Vladimir Putin"})),
        ('Senator Bernie Sanders named his advisers. "I barely know him," said Robert Malley, '
         "a scholar at the Brookings Institution who says he spoke to Sanders twice about the "
         "deal.", frozenset({"Bernie Sanders", "Robert Malley"})),
        ("Mike Pompeo flew to Seoul on Sunday. Moon thanked Pompeo for flying straight to the "
         "capital after his meeting with Kim, calling it a good day.",
         frozenset({"Mike Pompeo", "Kim"})),
        ("Netanyahu and Abbas shook hands for the first time after Israel and the PLO signed "
         "the deal.", frozenset({"Netanyahu", "Abbas"})),
        ("Officials say Mr Tillerson received a phone call on Tuesday from Chief of Staff John "
         "Kelly, who told him to return.", frozenset({"Tillerson", "John Kelly"})),
        ("Obama also chatted to Mary Fowler, the 80-year-old head of a veterans group, who "
         "thanked the president for his visit.", frozenset({"Obama", "Mary Fowler"})),
        ('Ariel Sharon spoke on Monday. He also accused Mr Arafat of "doing little to halt" '
         "the violence, in a telephone call with French President Jacques Chirac, his office "
         "said.",
         frozenset({"Ariel Sharon", "Jacques Chirac"})),
        ("Leaders met in Watford.\n\nFILE PHOTO: German Chancellor Angela Merkel talks to "
         "Turkey's President Recep Tayyip Erdogan at the summit venue in Watford, Britain "
         "December 4, 2019.", frozenset({"Angela Merkel", "Recep Tayyip Erdogan"})),
        ("President Donald Trump flew home. Trump met on Friday with visiting Chinese President "
         "Xi Jinping.", frozenset({"Donald Trump", "Xi Jinping"})),
        ("Chancellor Angela Merkel says she and French President Emmanuel Macron are close "
         "allies, but their meeting on Monday in Berlin ended without a deal.",
         frozenset({"Angela Merkel", "Emmanuel Macron"})),
        ("President Donald Trump and Russian counterpart Vladimir Putin on Sunday spoke for the "
         "first time since the vote.", frozenset({"Donald Trump", "Vladimir Putin"})),
        ("President Emmanuel Macron and Russian counterpart Vladimir Putin on Monday spoke for "
         "the first time since the summit.", frozenset({"Emmanuel Macron", "Vladimir Putin"})),
        ("Secretary of State John Kerry walks outside a cafe after a lunch break from a "
         "bilateral meeting with Iranian Foreign Minister Mohammad Javad Zarif in Geneva, "
         "Switzerland, on March 20, 2015.", frozenset({"John Kerry", "Mohammad Javad Zarif"})),
        ("Chinese Vice Premier Liu He met Treasury Secretary Steven Mnuchin on Friday. He said "
         "they made progress.", frozenset({"Liu He", "Steven Mnuchin"})),
        ("Chancellor Angela Merkel flew home. Merkel faced criticism over her handling of a "
         "summit with the Chinese president, Xi Jinping, last week.",
         frozenset({"Angela Merkel", "Xi Jinping"})),
        ("The book includes Robert Gates's account of a tense meeting with Vladimir Putin in "
         "Munich.", frozenset({"Robert Gates", "Vladimir Putin"})),
    ],
    ids=["first-name-parsed-as-a-modifier-of-the-title", "ordinal-between",
         "pair-parsed-as-object-of-as", "caption-verb-tagged-a-noun-with-its-subject",
         "name-set-off-after-his-host", "surname-tagged-a-nationality",
         "name-set-off-after-secretary-of-state", "with-hung-on-alone",
         "he-of-a-scholar-who-says", "his-of-the-one-thanked-for-doing", "pair-shook-hands",
         "received-a-call-from", "chatted-to", "call-set-off-after-the-accusation",
         "file-photo-label", "with-visiting", "their-after-she-and-b",
         "pair-parsed-as-modifier-of-counterpart", "spoke-for-the-first-time",
         "break-from-a-meeting", "given-name-he", "her-handling-of-a-summit",
         "his-account-of-a-meeting"],
)
def test_meetings_sides_the_parser_misplaced(nlp: Language, text: str,
                                             pair: frozenset[str]) -> None:
    assert meetings(nlp, text) == {(pair, "asserted")}


@pytest.mark.parametrize(
    "text",
    ["The Trump and Obama administrations held talks with Iran.",
     "The talks were the first in years, the ministry said.",
     "Kim fired a missile over Japan as Abe watched and Trump met the press.",
     "Obama shook hands with the crowd, and the two men shook hands.",
     "Obama received a call for calm from the crowd.",
     "Obama and Abe spoke for the first time at a rally in Tokyo, and Kim said he and his "
     "generals are ready, but their meeting failed.",
     "Obama criticised the account of the meeting with Abe."],
)
def test_meetings_misplaced_sides_take_no_one_else(nlp: Language, text: str) -> None:
    assert not any(len(people) > 1 and people <= {"Trump", "Obama", "Abe", "Kim"}
                   for people, _ in meetings(nlp, text))


@pytest.mark.parametrize(
    ("text", "status"),
    [("Fiona Hill will describe a meeting she had with John Bolton in July.", "asserted"),
     ("Fiona Hill will describe a meeting she will have with John Bolton in July.", "planned"),
     ("Christopher Anderson worked at the State Department. Anderson, who spent five years "
      "on Ukraine policy, will describe a meeting he had with John Bolton on the topic.",
      "asserted")],
    ids=["she-had", "she-will-have", "with-hung-on-the-noun"],
)
def test_meetings_a_meeting_someone_had_is_past(nlp: Language, text: str, status: str) -> None:
    """ "will describe a meeting she had with X": the relative clause's own past tense says
    the meeting happened, whatever the describing."""
    assert {status for people, status in meetings(nlp, text)
            if "John Bolton" in people and len(people) == 2} == {status}


def test_meetings_a_gallery_label_is_no_second_person() -> None:
    """ "| Keller - President Anna Keller walks with B and C": the label before the caption
    names Keller again, not a fourth person at the walk; the fullest name stays.  In a
    line-up, "King Abdullah II, Saudi Prince Abdullah" are two people."""
    text = "| Keller – President Anna Keller walks with Peter Hansen and Ola Dorn."
    people = [Mention("Keller", 2, 8, "Person"), Mention("Anna Keller", 21, 32, "Person"),
              Mention("Peter Hansen", 44, 56, "Person"), Mention("Ola Dorn", 61, 69, "Person")]
    assert [text[m.start:m.end] for m in people] == [m.text for m in people]
    assert [m.text for m in _distinct_people(people, text)] == [
        "Anna Keller", "Peter Hansen", "Ola Dorn"]
    text = "From left, King Abdullah II, Saudi Prince Abdullah and Ola Dorn pose."
    people = [Mention("King Abdullah II", 11, 27, "Person"), Mention("Abdullah", 42, 50, "Person"),
              Mention("Ola Dorn", 55, 63, "Person")]
    assert [text[m.start:m.end] for m in people] == [m.text for m in people]
    assert len(_distinct_people(people, text)) == 3
    assert len(_distinct_people([*people, *people], text)) == 3  # a name met token by token


def test_meetings_a_gallery_label_before_another_persons_caption(nlp: Language) -> None:
    """ "1979 | Hansen – Then-Danish Prime Minister Peter Holm, left, shakes hands with B": the
    label names the gallery's subject; the caption's own first name is who shook hands."""
    text = ("Camp talks\n\n1979 | Hansen \u2013 Then-Danish Prime Minister Peter Holm, left, "
            "shakes hands with then-Norwegian Prime Minister Anna Keller, in the garden of "
            "the castle on September 6, 1978.\n")
    assert meetings(nlp, text) == {(frozenset({"Peter Holm", "Anna Keller"}), "asserted")}


def test_meetings_a_caption_of_one_countrys_officials_visiting_a_place(nlp: Language) -> None:
    """ "Russian President A, Defence Minister B and Deputy Defence Minister C visit the
    factory in Kazan, Russia": one government on a visit to a place; the country of the
    place is no second country among the people."""
    text = ("Factory visit\n\nDanish Prime Minister Lars Berg, Defence Minister Ola Dorn and "
            "Deputy Defence Minister Jo Nilsen visit the Aalborg shipyard in Aalborg, Denmark "
            "January 25, 2018.\n")
    assert {m for m in meetings(nlp, text) if m[1] == "asserted"} == set()


@pytest.mark.parametrize(("opening", "trudeau_met"), [
    ("President Donald Trump left early. Trump said the G7 was unfair. Trump spoke to "
     "reporters. Trump later tweeted. French President Emmanuel Macron disagreed.",
     "Donald Trump"),
    ("President Donald Trump left early. French President Emmanuel Macron disagreed. Macron "
     "said so. Trump said the G7 was unfair.", "Donald Trump"),
    ("President Donald Trump left early. President Emmanuel Macron disagreed. Macron said so. "
     "Trump said the G7 was unfair.", None),
    ("U.S. President Donald Trump left early. French President Emmanuel Macron disagreed. "
     "Macron said so. Trump said the G7 was unfair.", None),
], ids=["named-again-and-again", "even-one-titled-plainly", "both-plain", "both-foreign"])
def test_meetings_the_president_of_an_article_about_one(nlp: Language, opening: str,
                                                        trudeau_met: str | None) -> None:
    """ "The president also met with Trudeau" in an article that names Trump again and again
    and "French President Emmanuel Macron" once is Trump; with Macron named as often, it is
    still Trump, the one president the article titles with no country (its readers' own);
    with both titled alike (both plainly, or both with a country), it is nobody."""
    found = meetings(nlp, opening + " The president also met on Friday with Canadian Prime "
                               "Minister Justin Trudeau.")
    met = {p for people, _ in found if "Justin Trudeau" in people for p in people}
    assert met == ({trudeau_met, "Justin Trudeau"} if trudeau_met else set())


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The goal is near in the U.S. and Japan's talks on agriculture and auto trade, he "
         "said.", frozenset({"United States", "Japan"})),
        ("Norway and Sweden's talks on fishing ended on Friday.",
         frozenset({"Norway", "Sweden"})),
        ("The “goal is near” in the U.S. and Japan’s talks on farm issues, he said.",
         frozenset({"United States", "Japan"})),
        ("Keller and Hansen's meeting in Oslo ended without a deal. Anna Keller and Peter Hansen "
         "are rivals.", KELLER_HANSEN),
    ],
    ids=["noun-parsed-as-a-conjunct-of-the-first", "possessor-and-conjunct",
         "first-side-parsed-as-a-modifier", "two-people-possessing"],
)
def test_meetings_two_possessors_share_the_meeting(nlp: Language, text: str,
                                                  pair: frozenset[str]) -> None:
    assert meetings(nlp, text) == {(pair, "asserted")}


def test_meetings_two_possessors_of_a_meeting_that_could_come(nlp: Language) -> None:
    """ "Moon and Kim's meeting could bring a treaty", the noun parsed as a conjunct of
    "Moon": it is the subject of "could bring", so the meeting is still to come."""
    text = ("Talk has focused on the possibility that Moon and Kim's meeting could bring a "
            "peace treaty. Moon Jae-in and Kim Jong Un are rivals.")
    assert meetings(nlp, text) == {(frozenset({"Moon Jae-in", "Kim Jong Un"}), "planned")}


def test_meetings_a_singular_relative_on_a_pair_is_about_the_last(nlp: Language) -> None:
    """ "A and B, who is holding talks with C": B alone is in the talks; "who are holding
    talks" is both."""
    one = ("Foreign Minister Ola Dorn and Prime Minister Lena Vogt, who is holding talks with "
           "President Peter Hansen in Oslo, are due to hold press conferences later.")
    assert {people for people, status in meetings(nlp, one) if status == "asserted"} == {
        frozenset({"Lena Vogt", "Peter Hansen"})}
    both = ("Foreign Minister Ola Dorn and Prime Minister Lena Vogt, who are holding talks "
            "with President Peter Hansen in Oslo, will speak later.")
    assert {people for people, status in meetings(nlp, both) if status == "asserted"} == {
        frozenset({"Lena Vogt", "Peter Hansen"}), frozenset({"Ola Dorn", "Peter Hansen"})}


VOGT_HANSEN = frozenset({"Lena Vogt", "Peter Hansen"})


def _asserted(nlp: Language, text: str, day: dt.date | None = None) -> set[frozenset[str]]:
    return {people for people, status in meetings(nlp, text, day) if status == "asserted"}


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Prime Minister Peter Hansen's state dinner for President Lena Vogt last week was "
         "lavish.", {VOGT_HANSEN}),
        ("Prime Minister Peter Hansen's dinner for charity raised money last week.", set()),
        ("Foreign Minister Anna Keller met in Vienna with a professor later identified as "
         "Peter Hansen.", {KELLER_HANSEN}),
        ("A partner at the law firm Dahl and Berg, Peter Hansen, says he and his colleague, "
         "Anna Keller, attended a meeting with President Lena Vogt on May 3.",
         {VOGT_HANSEN, frozenset({"Anna Keller", "Lena Vogt"})}),
        ("During his meeting on Tuesday, Prime Minister Peter Hansen told Foreign Minister "
         "Anna Keller that the border would reopen.", {KELLER_HANSEN}),
        ("During his meeting with President Lena Vogt, Prime Minister Peter Hansen told "
         "reporters that the border would reopen.", {VOGT_HANSEN}),
        ("Foreign Minister Anna Keller held several meetings on Monday, including one with "
         "Prime Minister Peter Hansen.", {KELLER_HANSEN}),
        ("Foreign Minister Anna Keller held several meetings on Monday, including one on "
         "trade.", set()),
        ("An hour later, Prime Minister Peter Hansen and President Lena Vogt sat down for a "
         "private luncheon at the castle.", {VOGT_HANSEN}),
        ("At a luncheon with President Lena Vogt, Prime Minister Peter Hansen praised the "
         "harbour works.", {VOGT_HANSEN}),
    ],
    ids=["a-dinner-for-a-guest", "a-dinner-for-a-cause", "identified-as", "apposed-reporter",
         "during-his-meeting-told", "during-his-meeting-with-told-reporters",
         "several-meetings-including-one-with", "several-meetings-including-one-on",
         "sat-down-for-a-luncheon", "at-a-luncheon-with"],
)
def test_meetings_guests_and_sides_named_indirectly(nlp: Language, text: str,
                                                   pairs: set[frozenset[str]]) -> None:
    assert _asserted(nlp, text) == pairs


SUMMIT_PLAN = ("Prime Minister Peter Hansen said he will travel to Oslo for a summit with "
               "President Lena Vogt. Talks on the venue have been under way since Mr Hansen "
               "won the election. ")


def test_meetings_the_two_leaders_of_an_earlier_meeting(nlp: Language) -> None:
    """ "The two leaders met" a few sentences after a meeting sentence that named just two
    people, with only those two named since: the same two."""
    text = SUMMIT_PLAN + ("It will be his second visit this year. The two leaders met in Oslo "
                          "in May.")
    met = [m for m in run(nlp, text).meetings if m.evidence.sentence.startswith("The two")]
    assert [sorted(p.text for p in m.participants) for m in met] == [
        ["Lena Vogt", "Peter Hansen"]]
    assert met[0].status == "asserted"


def test_meetings_the_two_leaders_after_someone_else_is_no_one(nlp: Language) -> None:
    text = SUMMIT_PLAN + ("Foreign Minister Anna Keller criticised the plan. The two leaders "
                          "met in Oslo in May.")
    assert not [m for m in run(nlp, text).meetings if m.evidence.sentence.startswith("The two")]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Prime Minister Peter Hansen landed in Oslo on Tuesday. President Lena Vogt arrived "
         "by train. The two leaders met for dinner on Wednesday.",
         {frozenset({"Peter Hansen", "Lena Vogt"})}),
        ("Prime Minister Peter Hansen landed in Oslo on Tuesday. President Lena Vogt arrived "
         "by train. They met for dinner on Wednesday.", {frozenset({"Peter Hansen", "Lena Vogt"})}),
        # someone else named just before them: which two?
        ("Anna Keller and Ola Dorn met in April. Prime Minister Peter Hansen praised the "
         "meeting. President Lena Vogt said little. The two leaders met again in May.",
         {frozenset({"Anna Keller", "Ola Dorn"})}),
        # people that "they" may be
        ("Prime Minister Peter Hansen landed in Oslo on Tuesday. Officials were nervous. "
         "Advisers said the summit would go well. They met for dinner on Wednesday.", set()),
    ],
    ids=["the-two-leaders", "they", "someone-else-before", "officials-between"],
)
def test_meetings_the_two_named_one_in_each_sentence_before(
        nlp: Language, text: str, pairs: set[frozenset[str]]) -> None:
    """ "A landed in Oslo. B arrived by train. The two leaders met": the two sentences
    before, each naming one person, name the pair."""
    assert _asserted(nlp, text) == pairs


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("The memoir says Prime Minister Peter Hansen told Foreign Minister Anna Keller of his "
         "plans at a dinner hosted by President Lena Vogt in May.",
         {frozenset({"Peter Hansen", "Anna Keller", "Lena Vogt"})}),
        ("Governor Anna Keller told reporters at a breakfast hosted by the Oslo Monitor that "
         "she would run.", set()),
        ("The memoir says President Lena Vogt hosted a dinner where Prime Minister Peter Hansen "
         "told Foreign Minister Anna Keller he would resign.",
         {frozenset({"Peter Hansen", "Anna Keller", "Lena Vogt"})}),
        ("Foreign Minister Anna Keller met on Monday at the old tower with Prime Minister Peter "
         "Hansen.", {KELLER_HANSEN}),
        ("Foreign Minister Anna Keller met at a facility with high walls on Monday.", set()),
    ],
    ids=["told-at-a-dinner-hosted-by", "breakfast-hosted-by-a-newspaper",
         "hosted-a-dinner-where-told", "with-hung-on-the-place", "place-with-a-feature"],
)
def test_meetings_hosts_and_misplaced_sides(nlp: Language, text: str,
                                            people: set[frozenset[str]]) -> None:
    assert _asserted(nlp, text) == people


def test_meetings_caption_line_of_two_at_their_meeting(nlp: Language) -> None:
    """A verbless caption below the title, "A and B at their meeting in X", shows them at the
    meeting; the same words as the title state nothing."""
    body = ("Vogt and Hansen meet\n\nThe talks lasted two hours.\n\nPresident Lena Vogt and "
            "Prime Minister Peter Hansen at their meeting in Oslo\n\nBoth left later.")
    assert _asserted(nlp, body) == {VOGT_HANSEN}
    title = ("President Lena Vogt and Prime Minister Peter Hansen at their meeting in Oslo\n\n"
             "Both left later.")
    assert _asserted(nlp, title) == set()


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Foreign Minister Anna Keller consulted Prime Minister Peter Hansen on Monday.",
         {KELLER_HANSEN}),
        ("Foreign Minister Anna Keller consulted the records on Monday.", set()),
        ("Foreign Minister Anna Keller embraced Prime Minister Peter Hansen at the airport.",
         {KELLER_HANSEN}),
        ("Foreign Minister Anna Keller embraced the plan on Monday.", set()),
        ("Foreign Minister Anna Keller paid a courtesy call on Prime Minister Peter Hansen on "
         "Monday.", {KELLER_HANSEN}),
        ("Foreign Minister Anna Keller paid a visit to Prime Minister Peter Hansen on Monday.",
         {KELLER_HANSEN}),
        ("Foreign Minister Anna Keller paid tribute to Prime Minister Peter Hansen on Monday.",
         set()),
        ("Foreign Minister Anna Keller exchanged views with Prime Minister Peter Hansen on "
         "Monday.", {KELLER_HANSEN}),
        ("Foreign Minister Anna Keller exchanged fire with rebels on Monday.", set()),
        ("Anna Keller and Peter Hansen exchanged views in Rome on Monday.", {KELLER_HANSEN}),
        ("At the border, Anna Keller and Peter Hansen smiled and exchanged greetings.",
         {KELLER_HANSEN}),
        ("Anna Keller and Peter Hansen exchanged letters in May.", set()),
        ("Anna Keller and Peter Hansen exchanged insults on Twitter.", set()),
    ],
    ids=["consulted-a-person", "consulted-a-thing", "embraced-a-person", "embraced-a-plan",
         "paid-a-courtesy-call-on", "paid-a-visit-to", "paid-tribute-to",
         "exchanged-views-with", "exchanged-fire-with", "two-exchanged-views",
         "two-smiled-and-exchanged-greetings", "two-exchanged-letters", "two-exchanged-insults"],
)
def test_meetings_diplomatic_phrases(nlp: Language, text: str,
                                     people: set[frozenset[str]]) -> None:
    assert _asserted(nlp, text) == people


def test_meetings_group_photo_is_one_joint_meeting(nlp: Language) -> None:
    """ "A, B and C posed for a group photo": one meeting of the three; a family photo "with
    their parents" is no meeting."""
    text = ("Foreign Minister Anna Keller, Prime Minister Peter Hansen and President Lena Vogt "
            "posed for a group photo in Oslo on Monday.")
    assert _asserted(nlp, text) == {frozenset({"Anna Keller", "Peter Hansen", "Lena Vogt"})}
    family = ("The twins, Princess Ida and Prince Olaf, posed for their first photos with their "
              "parents, King Harald and Queen Sonja.")
    assert _asserted(nlp, family) == set()


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("At the start of a meeting with Prime Minister Peter Hansen, Foreign Minister Anna "
         "Keller said some points had been agreed.", {KELLER_HANSEN}),
        ("Speaking on the sidelines of talks with Prime Minister Peter Hansen, Foreign Minister "
         "Anna Keller said the deal was near.", {KELLER_HANSEN}),
        ("Fresh off a meeting with Prime Minister Peter Hansen, Foreign Minister Anna Keller is "
         "now turning to trade.", {KELLER_HANSEN}),
        ("On the sidelines of the summit, Foreign Minister Anna Keller met Prime Minister Peter "
         "Hansen.", {KELLER_HANSEN}),
    ],
    ids=["at-the-start-of-a-meeting", "on-the-sidelines-of-talks", "fresh-off-a-meeting",
         "object-name-parsed-as-an-adverb"],
)
def test_meetings_phases_and_idioms(nlp: Language, text: str,
                                    people: set[frozenset[str]]) -> None:
    assert _asserted(nlp, text) == people


def test_meetings_a_leader_the_ner_missed_is_still_a_side(nlp: Language) -> None:
    """ "Theresa May" opening a sentence is read as a month by the small model; the leaders
    table knows the full name, so she is a person (and "May" no date); a longer name that
    begins with a leader's ("Donald Trump Jr.") is not the leader."""
    text = "Theresa May flew to Strasbourg on Monday for last-minute talks with Mr Juncker."
    assert _asserted(nlp, text) == {frozenset({"Theresa May", "Juncker"})}
    junior = run(nlp, "Donald Trump Jr. spoke to reporters on Monday.")
    assert "Donald Trump" not in {m.text for m in junior.mentions}


def test_meetings_set_for_in_a_fragment_is_planned(nlp: Language) -> None:
    """ "A new round of talks between A and B ... is set for Friday", parsed as a noun phrase
    with "is set for" buried inside: still a meeting to come."""
    text = ("A new round of talks between Foreign Secretary Ola Dorn and Japanese officials to "
            "try to end the bruising trade dispute is set for Friday.")
    assert meetings(nlp, text) == {(frozenset({"Ola Dorn", "Japan"}), "planned")}


def test_meetings_a_name_modifying_a_conjunct_is_not_the_object(nlp: Language) -> None:
    """ "her talks with the Russian ambassador, Democrats and other Hansen critics": Hansen
    only names whose critics they are, no side of the talks."""
    text = ("Citing reports that the ministry warned the cabinet that Keller was exposed because "
            "she had misrepresented her talks with the Russian ambassador, Democrats and other "
            "Hansen critics said they would press Hansen for an inquiry.")
    assert meetings(nlp, text) == {(frozenset({"Keller", "Russia"}), "asserted")}


def test_meetings_before_meeting_under_a_future_clause_is_planned(nlp: Language) -> None:
    """ "Before meeting with B, A will try to ...": the meeting is still to come; "Before
    meeting with B, A spoke to reporters" reports one."""
    future = ("Before meeting with Prime Minister Peter Hansen, Foreign Minister Anna Keller "
              "will try to manage another rocky relationship.")
    assert meetings(nlp, future) == {(KELLER_HANSEN, "planned")}
    past = ("Before meeting with Prime Minister Peter Hansen, Foreign Minister Anna Keller "
            "spoke to reporters.")
    assert meetings(nlp, past) == {(KELLER_HANSEN, "asserted")}
    going_on = ("Foreign Minister Anna Keller is holding talks in Oslo this week after meeting "
                "with Prime Minister Peter Hansen in Vienna last week.")
    assert (KELLER_HANSEN, "asserted") in meetings(nlp, going_on)


def test_meetings_a_lawmaker_talking_to_the_white_house_is_his_own_side(nlp: Language) -> None:
    text = ("Officials spoke.\n\nSen. Ola Dorn, I-Maine, spoke on Sunday.\n\nDorn added: “I "
            "talked to [the White House]. They said no.”\n\nPrime Minister Lars Berg said he "
            "had talked to the White House on Monday.")
    assert meetings(nlp, text) == {(frozenset({"Lars Berg", "United States"}), "asserted")}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Angela Merkel's handshake with Vladimir Putin was brief.",
         {(frozenset({"Angela Merkel", "Vladimir Putin"}), "asserted")}),
        ("Donald Trump and Kim Jong Un shared a handshake in Singapore.",
         {(frozenset({"Donald Trump", "Kim Jong Un"}), "asserted")}),
        ("Angela Merkel got a golden handshake from the bank.", set()),
    ],
    ids=["handshake-with", "shared-a-handshake", "golden-handshake"],
)
def test_meetings_a_handshake_is_a_meeting(
        nlp: Language, text: str, found: set[tuple[frozenset[str], str]]) -> None:
    assert meetings(nlp, "Officials said so on Monday.\n\n" + text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("In his meeting with House Democrats last week, Lars Berg took a different tack.",
         {(frozenset({"Lars Berg", "House Democrats"}), "asserted")}),
        ("Barack Obama met Senate Republicans at the Capitol on Monday.",
         {(frozenset({"Barack Obama", "Senate Republicans"}), "asserted")}),
        ("House Democrats voted against the bill on Monday.", set()),
    ],
    ids=["meeting-with-house-democrats", "met-senate-republicans", "caucus-voted"],
)
def test_meetings_a_party_caucus_is_a_side(
        nlp: Language, text: str, found: set[tuple[frozenset[str], str]]) -> None:
    """A chamber's party members, with no member named, are one body (the guidelines'
    organisation side)."""
    assert meetings(nlp, "Officials said so on Monday.\n\n" + text) == found


def test_meetings_a_government_calling_its_own_agencies_is_no_meeting(nlp: Language) -> None:
    text = ("Officials said so on Monday.\n\nSenior White House officials placed calls to the "
            "CIA and the National Security Agency after the meeting.")
    assert meetings(nlp, text) == set()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Lars Berg's remarks on Friday came after a meeting with congressional leaders on "
         "the budget.", {(frozenset({"Lars Berg", "Congress"}), "asserted")}),
        ("Congressional Democrats met Barack Obama at the White House on Monday.",
         {(frozenset({"Barack Obama", "Congress"}), "asserted")}),
        ("Congressional leaders said on Monday that the bill would pass.", set()),
    ],
    ids=["meeting-with-congressional-leaders", "congressional-democrats-met", "leaders-said"],
)
def test_meetings_congressional_leaders_stand_for_congress(
        nlp: Language, text: str, found: set[tuple[frozenset[str], str]]) -> None:
    assert meetings(nlp, "Officials said so on Monday.\n\n" + text) == found


def test_meetings_a_later_bare_mention_of_a_planned_summit_is_that_plan(nlp: Language) -> None:
    """ "A summit next month between A and B will happen ... discussions about the A-B summit
    are a positive step": the summit named again, with no tense or day of its own, is the
    one still to come; told in the past tense after the plan, it is a held one."""
    plan = ("Amid hope on Sunday that a summit next month between President Lars Berg and "
            "Prime Minister Peter Hansen will go ahead, aides said the agenda was ready.\n\n"
            "The weather was cold in the capital.\n\nTraffic was light.\n\nShops were closed."
            "\n\nLawmakers said that while renewed discussions about the Berg-Hansen summit are "
            "a positive step, caution is needed.")
    assert meetings(nlp, plan) == {(frozenset({"Lars Berg", "Peter Hansen"}), "planned")}
    held = plan.replace("while renewed discussions about the Berg-Hansen summit are",
                        "the Berg-Hansen summit was")
    assert (frozenset({"Lars Berg", "Peter Hansen"}), "asserted") in meetings(nlp, held)


def test_meetings_between_a_title_and_a_name_parsed_as_a_modifier(nlp: Language) -> None:
    """ "between President A and Iranian leader B", A parsed as a modifier of B's title:
    both are sides."""
    held = ("Officials said a summit between President Trump and Ruritanian leader Ali Rahimi "
            "took place in Geneva on Monday.")
    assert meetings(nlp, held) == {(frozenset({"Trump", "Ali Rahimi"}), "asserted")}
    hoped = ("There is hope that a summit next month between President Trump and North Korean "
             "leader Kim Song-un will happen.")
    assert meetings(nlp, hoped) == {(frozenset({"Trump", "Kim Song-un"}), "planned")}


@pytest.mark.parametrize(
    ("title", "people"),
    [("The president", {frozenset({"Lars Berg", "Anna Keller"})}),
     ("The president in waiting", set()),
     ("The incoming president", set())],
    ids=["the-president", "in-waiting", "incoming"],
)
def test_meetings_a_title_not_yet_held_is_not_its_holder(
        nlp: Language, title: str, people: set[frozenset[str]]) -> None:
    """ "the president in waiting" is not the president the article names."""
    text = (f"President Lars Berg was cautious on Monday. {title} called Chancellor Anna Keller "
            "on Friday.")
    assert _asserted(nlp, text) == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Jean-Claude Juncker, Donald Tusk, Angela Merkel, Theresa May, Emmanuel Macron and "
         "Mark Rutte stand for a group photo in Brussels.",
         {"Jean-Claude Juncker", "Donald Tusk", "Angela Merkel", "Theresa May",
          "Emmanuel Macron", "Mark Rutte"}),
        ("German Chancellor Angela Merkel, British Prime Minister Theresa May, French President "
         "Emmanuel Macron, Canadian Prime Minister Justin Trudeau, Japanese Prime Minister "
         "Shinzo Abe and U.S. President Donald Trump discuss the joint statement.",
         {"Angela Merkel", "Theresa May", "Emmanuel Macron", "Justin Trudeau", "Shinzo Abe",
          "Donald Trump"}),
        ("Kim Jong Un, Moon Jae-in, Xi Jinping, Shinzo Abe, Vladimir Putin and Donald J. Trump "
         "met in Osaka on Saturday.",
         {"Kim Jong Un", "Moon Jae-in", "Xi Jinping", "Shinzo Abe", "Vladimir Putin",
          "Donald J. Trump"}),
        ("Angela Merkel, Macron, Conte, Sanchez, Morawiecki and Rutte held talks in Brussels "
         "on Sunday.", {"Angela Merkel", "Macron", "Conte", "Sanchez", "Morawiecki", "Rutte"}),
        ("Pope Francis, King Abdullah II, Emir Sheikh Tamim bin Hamad Al Thani, Ursula von der "
         "Leyen, Charles Michel and Boris Johnson attended a reception in Rome on Monday.",
         {"Francis", "King Abdullah II", "Sheikh Tamim bin Hamad Al Thani",
          "Ursula von der Leyen", "Charles Michel", "Boris Johnson"}),
        ("Giuseppe Conte of Italy, Angela Merkel of Germany, Emmanuel Macron of France, Theresa "
         "May of Britain, Shinzo Abe of Japan and Justin Trudeau of Canada joined the meeting "
         "on Sunday.",
         {"Giuseppe Conte", "Angela Merkel", "Emmanuel Macron", "Theresa May", "Shinzo Abe",
          "Justin Trudeau"}),
    ],
    ids=["a-name-tagged-as-a-body", "a-titled-name-parsed-as-an-apposition",
         "a-name-ending-in-a-noun", "a-surname-tagged-as-a-body", "a-regnal-number",
         "a-leader-tagged-as-a-place-and-a-month"],
)
def test_meetings_every_member_of_a_list_of_six(nlp: Language, text: str,
                                                 people: set[str]) -> None:
    """A joint meeting of six loses none of them to the tagger or the parser: a name the
    NER took for a body, a titled name hung on the first as an apposition, a name whose
    last word was tagged a common noun, a monarch's regnal number."""
    assert _asserted(nlp, text) == {frozenset(people)}


def test_meetings_a_list_with_a_company_keeps_the_company_out(nlp: Language) -> None:
    """A one-word name that is no one's (a brand the name check knows) in a list of three
    people is not made a person by the list rule; the people met."""
    text = ("Angela Merkel, Emmanuel Macron, Giuseppe Conte, Google and Mark Rutte held talks "
            "in Brussels on Sunday.")
    assert _asserted(nlp, text) == {frozenset({"Angela Merkel", "Emmanuel Macron",
                                               "Giuseppe Conte", "Mark Rutte"})}


def test_meetings_speaking_with_several_at_one_sitting_is_one_meeting(nlp: Language) -> None:
    """ "spoke with A, B and C during a session" is one conversation of them all; "spoke
    with A and B" alone may be two calls, and stays two meetings."""
    sitting = ("Lars Berg spoke with Anna Keller, Peter Hansen and Ola Dorn during a session "
               "in Oslo on Monday.")
    assert _asserted(nlp, sitting) == {
        frozenset({"Lars Berg", "Anna Keller", "Peter Hansen", "Ola Dorn"})}
    calls = "Lars Berg spoke with Anna Keller and Peter Hansen on Monday."
    assert _asserted(nlp, calls) == {frozenset({"Lars Berg", "Anna Keller"}),
                                     frozenset({"Lars Berg", "Peter Hansen"})}
    caption = ("Leaders meet\n\nLars Berg (C) speaks with Anna Keller (L), Peter Hansen (R) "
               "and Ola Dorn during a break in Oslo, June 9, 2018.")
    assert _asserted(nlp, caption) == {
        frozenset({"Lars Berg", "Anna Keller", "Peter Hansen", "Ola Dorn"})}


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Prime Minister Lars Berg arrived in Rome on Monday. Italian President Anna Keller "
         "greeted him at the airport.", {frozenset({"Lars Berg", "Anna Keller"})}),
        ("Lars Berg spoke to reporters in Oslo. Later, Anna Keller met with him in Rome.",
         {frozenset({"Lars Berg", "Anna Keller"})}),
        ("Peter Hansen said Lars Berg was tired. Anna Keller met him in Rome.", set()),
        ("Peter Hansen arrived in Rome on Monday. His son Lars Berg recalled that Anna Keller "
         "spoke with him about the deal.", {frozenset({"Lars Berg", "Anna Keller"})}),
        ("Peter Hansen arrived in Rome on Monday. Lars Berg and Ola Dorn recalled that Anna "
         "Keller spoke with him about the deal.", set()),
        ("Peter Hansen arrived in Rome on Monday. Anna Keller spoke with him, Lars Berg said.",
         set()),
    ],
    ids=["greeted-him", "met-with-him", "two-men-before", "one-man-before-in-its-sentence",
         "two-men-before-in-its-sentence", "a-man-after-in-its-sentence"],
)
def test_meetings_an_object_pronoun_is_the_person_spoken_of_before(
        nlp: Language, text: str, people: set[frozenset[str]]) -> None:
    """ "B greeted him": "him" is the one man the sentences before speak of; with two, no
    one."""
    assert _asserted(nlp, "Summit ends\n\n" + text) == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Lars Berg sits with Anna Keller, Peter Hansen and summit host Ola Dorn in Oslo.",
         {frozenset({"Lars Berg", "Anna Keller", "Peter Hansen", "Ola Dorn"})}),
        ("Talk show host Sean Berg spoke with Anna Keller on Monday.", set()),
        ("Fox News host Sean Berg spoke with Anna Keller on Monday.", set()),
        ("Phone records show Lars Berg Jr. called Peter Hansen. Later, Lars Berg Jr. met Anna "
         "Keller in Rome on Monday.", {frozenset({"Lars Berg Jr.", "Peter Hansen"}),
                                     frozenset({"Lars Berg Jr.", "Anna Keller"})}),
        ("Reporter Sam Lane Jr. spoke with Anna Keller on Monday. Lars Berg met Donald Hale Jr. "
         "on Tuesday.", {frozenset({"Lars Berg", "Donald Hale Jr."})}),
    ],
    ids=["summit-host", "talk-show-host", "news-host", "records-show", "a-journalist-jr"],
)
def test_meetings_a_summit_host_is_no_broadcaster(nlp: Language, text: str,
                                                  people: set[frozenset[str]]) -> None:
    """ "host" makes a journalist only with a broadcaster's word ("Fox News host", "talk
    show host"); "summit host Ola Dorn" is a leader, and so are those listed with him."""
    assert _asserted(nlp, text) == people


def test_meetings_looking_very_much_forward_to_meeting_is_planned(nlp: Language) -> None:
    text = ('"I have accepted the invitation of President Anna Keller and look very much '
            'forward to meeting her," said Lars Berg on Tuesday.')
    assert meetings(nlp, text) == {(frozenset({"Lars Berg", "Anna Keller"}), "planned")}


def test_meetings_a_meeting_held_and_one_to_come_in_one_sentence(nlp: Language) -> None:
    """ "A met B last week and will meet her again on Friday": two meetings, each with its
    own day."""
    ex = run(nlp, "Lars Berg met Anna Keller last week and will meet her again on Friday.")
    assert sorted((m.status, m.date_text) for m in ex.meetings) == [
        ("asserted", "last week"), ("planned", "Friday")]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Both sides talked about the start of negotiations between Norway and the Taliban.",
         "planned"),
        ("They discussed the resumption of talks between Norway and Sweden.", "planned"),
        ("Both sides talked about the next steps and the start of negotiations between Norway "
         "and the Taliban.", "planned"),
        ("Since the start of talks between Norway and the Taliban in 2018, trade has grown.",
         "asserted"),
    ],
    ids=["talked-about-the-start", "discussed-the-resumption", "a-second-topic", "since-2018"],
)
def test_meetings_the_start_of_talks_spoken_of_is_to_come(nlp: Language, text: str,
                                                          status: str) -> None:
    assert {s for _, s in meetings(nlp, text)} == {status}


def test_meetings_not_met_but_spoke_is_a_call(nlp: Language) -> None:
    """ "did not meet B but spoke with her by phone on Monday": the meeting denied, the call
    reported, and Monday the call's day."""
    ex = run(nlp, "Lars Berg did not meet Anna Keller but spoke with her by phone on Monday.")
    assert sorted((m.status, m.date_text) for m in ex.meetings) == [
        ("asserted", "Monday"), ("negated", None)]


def test_meetings_a_summit_in_a_planned_clause_is_that_plan(nlp: Language) -> None:
    """ "A and B will meet at the summit this weekend": the summit is the planned meeting,
    not a second, held one."""
    text = ("Perhaps President Lars Berg and his Danish counterpart Anna Keller will defuse the "
            "row when they meet at the Nordic summit this weekend.")
    assert meetings(nlp, text) == {(frozenset({"Lars Berg", "Anna Keller"}), "planned")}


def test_meetings_both_trumps_as_an_object_are_the_couple(nlp: Language) -> None:
    """ "shook hands with both Trumps": with each of the couple, who do not meet each other
    (no Donald-Melania pair)."""
    text = ("Summit ends\n\nPresident Donald Trump and first lady Melania Trump arrived in "
            "London on Monday. Queen Elizabeth II shook hands with both Trumps at the palace.")
    assert _asserted(nlp, text) == {frozenset({"Elizabeth II", "Donald Trump"}),
                                    frozenset({"Elizabeth II", "Melania Trump"})}


def test_meetings_a_day_run_into_a_possessive_name_is_cut_off(nlp: Language) -> None:
    """ "Trump’s July 25 phone call with Zelensky", tagged as one body "Trump’s July 25":
    the name is the possessor."""
    text = ("President Donald Trump spoke on Monday. Vindman also wrote that he reported "
            "Trump’s July 25 phone call with Zelensky to the top lawyer.")
    assert _asserted(nlp, text) == {frozenset({"Donald Trump", "Zelensky"})}


def test_meetings_talks_in_an_unless_clause_are_to_come(nlp: Language) -> None:
    text = ("Diplomats hoped Norway could accept a statement that nothing would apply to "
            "Svalbard unless Oslo consented to that after bilateral talks with Stockholm.")
    assert {s for _, s in meetings(nlp, text)} == {"planned"}


def test_meetings_a_name_cut_inside_its_brackets_loses_the_bracket(nlp: Language) -> None:
    """ "the Group of Seven (G-7" (the NER's span ends inside the brackets): the name is
    "Group of Seven"."""
    text = ("Prime Minister Lars Berg said he would invite Anna Keller to next year's Group of "
            "Seven (G-7) summit in Canada.")
    names = {m.text for m in run(nlp, text).mentions}
    assert not any("(" in n for n in names)


def test_meetings_welcoming_others_to_take_part_is_no_meeting(nlp: Language) -> None:
    text = ("\u201cNorway welcomes the Swedish side to participate in cooperation within the "
            "framework of the plan,\u201d said Lars Berg.")
    assert _asserted(nlp, text) == set()
    assert _asserted(nlp, "Lars Berg welcomed Anna Keller to Oslo on Monday.") == {
        frozenset({"Lars Berg", "Anna Keller"})}


VIDAL_KOVAC = ("Talks in Zagreb\n\nPrime Minister Tomas Vidal of Spain arrived in Zagreb on "
               "Monday. President Anna Kovac of Croatia said she was pleased. Foreign Minister "
               "Pavel Orlov and Secretary of State Mark Ellison were also in town. ")


@pytest.mark.parametrize("sentence", [
    "After meeting Kovac, Vidal flew to Moscow.",
    "After talks with Kovac, Vidal flew to Moscow.",
    "After hosting Vidal, Kovac posted a photo of the two.",
    "The two leaders, Vidal and Kovac, spoke for an hour.",
], ids=["after-meeting", "after-talks", "after-hosting", "two-leaders-named"])
def test_meetings_surnames_the_tagger_joined_or_took_for_nouns(nlp: Language,
                                                               sentence: str) -> None:
    """Surnames of people named earlier, which the model read as one body ("Kovac, Vidal",
    "Vidal and Kovac") or a common noun ("hosting Vidal"): the two named, not the pair the
    article named before them."""
    assert _asserted(nlp, VIDAL_KOVAC + sentence) == {frozenset({"Tomas Vidal", "Anna Kovac"})}


def test_meetings_a_meeting_that_came_after_an_event_was_held(nlp: Language) -> None:
    text = VIDAL_KOVAC + "Vidal's meeting with Kovac came a week after the vote."
    assert meetings(nlp, text) == {(frozenset({"Tomas Vidal", "Anna Kovac"}), "asserted")}
    text = VIDAL_KOVAC + "Vidal's meeting with Kovac is coming at a difficult time."
    assert meetings(nlp, text) == {(frozenset({"Tomas Vidal", "Anna Kovac"}), "planned")}


@pytest.mark.parametrize(("before", "then", "expected"), [
    ("Prime Minister Tomas Vidal flew to Zagreb on Monday to see President Anna Kovac.",
     "They met at the palace on Tuesday.", {(frozenset({"Tomas Vidal", "Anna Kovac"}),
                                             "asserted")}),
    ("Prime Minister Tomas Vidal criticised President Anna Kovac over the tariffs.",
     "They will meet on Tuesday.", {(frozenset({"Tomas Vidal", "Anna Kovac"}), "planned")}),
    ("Prime Minister Tomas Vidal praised the officials of President Anna Kovac.",
     "They met at the palace on Tuesday.", set()),
    ("Prime Minister Tomas Vidal criticised President Anna Kovac over the tariffs. Diplomats "
     "from both sides were worried.", "They met at the palace on Tuesday.", set()),
    ("Prime Minister Tomas Vidal criticised President Anna Kovac over the tariffs.",
     "They met with bankers on Tuesday.", set()),
    ("Prime Minister Tomas Vidal invited President Anna Kovac to Oslo.",
     "They met for dinner in Zagreb on Tuesday.", {(frozenset({"Tomas Vidal", "Anna Kovac"}),
                                                    "asserted")}),
    ("Prime Minister Tomas Vidal flew to Zagreb on Monday to see President Anna Kovac.",
     "They held talks at the palace on Tuesday.",
     {(frozenset({"Tomas Vidal", "Anna Kovac"}), "asserted")}),
    ("Prime Minister Tomas Vidal praised the officials of President Anna Kovac.",
     "They held talks at the palace on Tuesday.", set()),
], ids=["went-to-see", "criticised", "her-officials", "diplomats-between", "met-others",
        "met-in-a-named-place", "held-talks", "her-officials-held-talks"])
def test_meetings_they_after_a_sentence_naming_two(nlp: Language, before: str, then: str,
                                                   expected: Pairs) -> None:
    """ "They met" with no one else named: the two people of the sentence before, unless
    plural people there (or between) could be "they", or "they" met someone else."""
    got = {(p, s) for p, s in meetings(nlp, "Talks in Zagreb\n\n" + before + " " + then)}
    assert {g for g in got if g[0] == frozenset({"Tomas Vidal", "Anna Kovac"})} == expected


@pytest.mark.parametrize(("then", "expected"), [
    ("He was invited by Prime Minister Anna Kovac, and the two leaders met at the palace on "
     "Tuesday.", {(frozenset({"Tomas Vidal", "Anna Kovac"}), "asserted")}),
    ("He praised Prime Minister Anna Kovac, and the two leaders will meet on Friday.",
     {(frozenset({"Tomas Vidal", "Anna Kovac"}), "planned")}),
    ("She was invited by Prime Minister Anna Kovac, and the two leaders met on Tuesday.",
     set()),
], ids=["he-and-a-name", "he-and-a-name-planned", "she-is-the-named-one"])
def test_meetings_the_two_leaders_are_a_pronoun_and_a_name(nlp: Language, then: str,
                                                           expected: Pairs) -> None:
    """ "He was invited by X, and the two leaders met": the one "he" (someone else) and the
    one person named before "the two leaders" in their sentence; the invitation says nothing
    of the meeting's realis, which is its own clause's."""
    text = ("Talks in Zagreb\n\nPrime Minister Tomas Vidal of Spain arrived in Zagreb on "
            "Monday. " + then)
    got = {(p, s) for p, s in meetings(nlp, text) if len(p) == 2}
    assert got == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Vidal and Kovac appeared together at a news conference.", {"asserted"}),
    ("Vidal appeared with Kovac at a news conference on Tuesday.", {"asserted"}),
    ("Vidal and Kovac later appeared before reporters.", {"asserted"}),
    ("Vidal and Kovac will appear together at a news conference on Friday.", {"planned"}),
    ("Vidal, standing next to Kovac, told reporters the talks went well.", {"asserted"}),
    ("Vidal and Kovac appeared in court on Tuesday.", set()),
    ("Vidal appeared on television with Kovac on Tuesday.", set()),
    ("Vidal and Kovac appeared together on a talk show.", set()),
    ("Vidal and Kovac held a news conference in Madrid on Tuesday.", {"asserted"}),
    ("Vidal held a news conference in Madrid on Tuesday, and Kovac flew home.", set()),
    ("Vidal and Kovac sat down together in Madrid on Tuesday.", {"asserted"}),
], ids=["together-at-a-conference", "with-at-a-conference", "before-reporters", "will-appear",
        "standing-next-to", "in-court", "on-television", "on-a-show", "held-a-conference",
        "held-one-alone", "sat-down-together"])
def test_meetings_joint_appearance_before_the_press(nlp: Language, sentence: str,
                                                    expected: set[str]) -> None:
    """A joint news conference is a meeting; appearing in court or on air is not."""
    got = meetings(nlp, VIDAL_KOVAC + sentence)
    assert {s for p, s in got if p == frozenset({"Tomas Vidal", "Anna Kovac"})} == expected


@pytest.mark.parametrize("sentence", [
    "Tomas Vidal, Anna Kovac and Pavel Orlov pose for a family photo in Zagreb.",
    "Tomas Vidal, Anna Kovac and Pavel Orlov pose for a photo before their talks in Zagreb.",
    "Prime Minister Tomas Vidal, center, President Anna Kovac, left, and Foreign Minister "
    "Pavel Orlov, right, attend a news conference in Zagreb.",
    "Tomas Vidal, Anna Kovac and Pavel Orlov sat down together in Zagreb on Tuesday.",
], ids=["pose-for-a-photo", "pose-before-talks", "news-conference-with-positions",
        "sat-down-together"])
def test_meetings_three_appear_together(nlp: Language, sentence: str) -> None:
    """Three people who pose for one photo, hold one news conference (a caption's "center",
    "left", "right" between the names) or sit down together: one joint meeting."""
    assert (VIDAL_KOVAC_ORLOV, "asserted") in meetings(nlp, VIDAL_KOVAC + sentence)


@pytest.mark.parametrize(("published", "when", "status"), [
    (dt.date(2020, 5, 4), "in June 2010", "asserted"),
    (None, "in June 2010", "asserted"),
    (dt.date(2020, 5, 4), "in June 2020", "planned"),
    (dt.date(2020, 5, 4), "on Friday", "planned"),
], ids=["year-before", "no-article-date", "same-year", "weekday"])
def test_meetings_present_tense_with_a_dated_year_before_the_articles_is_history(
        nlp: Language, published: dt.date | None, when: str, status: str) -> None:
    """ "A meets with B in June 2010": a month with a year before the article's (or any
    year, when the article's date is unknown) is history told in the present; a schedule
    names a day to come."""
    text = VIDAL_KOVAC + f"Vidal meets with Kovac at the palace in Madrid {when}."
    ex = extract(nlp(text), Article("test.txt", text, date=published))
    found = {m.status for m in ex.meetings
             if {p.text for p in m.participants} >= {"Vidal", "Kovac"}}
    assert found == {status}


@pytest.mark.parametrize(("when", "status"), [
    ("on Tuesday, June 2, 2020", "asserted"),
    ("on June 4, 2020", "asserted"),
    ("on Friday, June 12, 2020", "planned"),
    ("on Friday", "planned"),
], ids=["before", "that-day", "after", "weekday"])
def test_meetings_present_tense_with_a_whole_date_by_the_articles_is_history(
        nlp: Language, when: str, status: str) -> None:
    """ "A meets with B ... on Tuesday, June 2, 2020" in an article of 4 June 2020: a
    caption's whole date no later than the article's is history told in the present; a day
    to come, or a weekday alone, is a schedule."""
    text = ("Prime Minister Tomas Vidal of Spain arrived in Madrid. Chancellor Anna Kovac of "
            f"Austria was there too. Vidal meets with Kovac at the palace in Madrid {when}.")
    ex = extract(nlp(text), Article("test.txt", text, date=dt.date(2020, 6, 4)))
    assert {m.status for m in ex.meetings} == {status}


@pytest.mark.parametrize(("when", "status"), [
    ("on June 2", "asserted"),
    ("on June 4", "planned"),
    ("on June 12", "planned"),
], ids=["two-days-before", "that-day", "after"])
def test_meetings_present_tense_with_a_month_and_day_just_before_the_articles_is_history(
        nlp: Language, when: str, status: str) -> None:
    """ "A speaks with B on June 2" in an article of 4 June: a month and day with no year
    that even read as a schedule's falls before the article's day is a caption's history;
    the day itself or one to come is a schedule."""
    text = ("Prime Minister Tomas Vidal of Spain arrived in Madrid. Chancellor Anna Kovac of "
            f"Austria was there too. Vidal meets with Kovac at the palace in Madrid {when}.")
    ex = extract(nlp(text), Article("test.txt", text, date=dt.date(2020, 6, 4)))
    assert {m.status for m in ex.meetings} == {status}


def test_meetings_told_to_his_face_by_an_untagged_surname(nlp: Language) -> None:
    """ "Vidal told Kovac at the palace": the surname the model left untagged is the person
    named in full before, and telling her at a place is a meeting."""
    text = VIDAL_KOVAC + "Vidal told Kovac at the palace that Spain would help."
    assert _asserted(nlp, text) == {frozenset({"Tomas Vidal", "Anna Kovac"})}
    doc = nlp(text)
    assert [e.label_ for e in doc.ents if e.text == "Kovac"] == ["PERSON"]


def test_meetings_his_after_a_nearer_possessor_is_that_person(nlp: Language) -> None:
    """ "Shortly before Keller alerted Oslo to Hansen's statements about his talks with Berg":
    the talks are Hansen's (the possessor on the way to the verb), not the subject's."""
    text = ("Foreign Minister Anna Keller and Prime Minister Peter Hansen were in Vienna. "
            "Shortly before Keller alerted Oslo to inconsistencies in Hansen's statements about "
            "his private talks with President Lars Berg, the press learned of them.")
    assert _asserted(nlp, text) == {frozenset({"Peter Hansen", "Lars Berg"})}


def test_meetings_names_apposed_to_posts_are_people(nlp: Language) -> None:
    """ "talks with the trade minister, Lars Berg, and the head of the delegation, Marko
    Babic": both names (tagged as bodies) are people; a firm apposed to "adviser" is not."""
    text = ("Prime Minister Tomas Vidal held talks with the trade minister, Lars Berg, and the "
            "head of the delegation, Marko Babic.")
    assert _asserted(nlp, text) == {frozenset({"Tomas Vidal", "Lars Berg", "Marko Babic"})}
    kinds = {m.text: m.kind for m in run(nlp, "The bank hired an adviser, Goldman Sachs, to "
                                              "run the sale.").mentions}
    assert kinds.get("Goldman Sachs") != "Person"


def test_meetings_caption_surname_read_as_a_noun(nlp: Language) -> None:
    """A caption "Vidal talks with Kovac at the palace ...", the verb parsed as the noun
    "talks" and the surname as its modifier noun."""
    text = VIDAL_KOVAC + ("Vidal talks with Kovac at the palace in Zagreb, Croatia, Tuesday, "
                          "June 19, 2018")
    assert _asserted(nlp, text) == {frozenset({"Tomas Vidal", "Anna Kovac"})}


def test_meetings_among_the_guests_at_a_summit(nlp: Language) -> None:
    """ "X was among the guests at the NATO summit": X attended it."""
    text = "Prime Minister Tomas Vidal was among the guests at the NATO summit."
    assert _asserted(nlp, text) == {frozenset({"Tomas Vidal", "NATO"})}


@pytest.mark.parametrize(("sentence", "status"), [
    ("Vidal was supposed to meet Kovac but the meeting was cancelled.", "negated"),
    ("Vidal was due to hold talks with Kovac on Friday, but the trip was called off.",
     "negated"),
    ("Vidal was to meet Kovac on Friday, but the meeting was postponed.", "planned"),
    ("Vidal met Kovac on Friday, but the dinner was cancelled.", "asserted"),
    ("Vidal and Kovac were due to meet at the gathering in Lima, but that event was "
     "cancelled.", "negated"),
], ids=["cancelled", "called-off", "postponed", "held-dinner-cancelled", "event-cancelled"])
def test_meetings_a_plan_cancelled_in_the_same_sentence(nlp: Language, sentence: str,
                                                        status: str) -> None:
    assert meetings(nlp, VIDAL_KOVAC + sentence) == {
        (frozenset({"Tomas Vidal", "Anna Kovac"}), status)}


def test_meetings_she_is_the_woman_by_her_given_name(nlp: Language) -> None:
    """ "Berg praised Denmark. She met the president": with no "Ms" anywhere, "she" is the
    one woman the given names tell of (Anna Keller), not the last subject (Lars Berg)."""
    text = ("President Lars Berg of Norway spoke in Oslo on Monday. Foreign Minister Anna "
            "Keller of Denmark arrived in Oslo on Sunday. Berg praised Denmark. She met the "
            "president on Monday.")
    assert _asserted(nlp, text) == {frozenset({"Anna Keller", "Lars Berg"})}


def test_meetings_a_bare_surname_is_not_the_relatives_sex(nlp: Language) -> None:
    """ "first lady Melania Trump" says nothing of a bare "Trump" (the president): "he" is
    still him."""
    text = ("President Trump arrived in Oslo with first lady Melania Trump on Monday. Trump "
            "praised Norway. He met Prime Minister Lars Berg on Tuesday.")
    assert _asserted(nlp, text) == {frozenset({"Trump", "Lars Berg"})}
    text = ("President Trump arrived in Oslo with Ivanka Trump, his daughter, on Monday. "
            "Trump praised Norway. He met Prime Minister Lars Berg on Tuesday.")
    assert _asserted(nlp, text) == {frozenset({"Trump", "Lars Berg"})}


def test_meetings_her_is_not_the_man_who_reports(nlp: Language) -> None:
    """ "Hart said he would meet her": "her" is the woman named before (by her given name),
    not Hart, who says it."""
    text = ("Prime Minister Theresa Vale of Britain flew to Washington on Monday. President "
            "Donald Hart welcomed the visit. Hart said he would meet her again in June.")
    assert meetings(nlp, text) == {(frozenset({"Theresa Vale", "Donald Hart"}), "planned")}


@pytest.mark.parametrize("sentence", [
    "Also attending the meeting were Vidal and Kovac.",
    "Among those at the meeting were Vidal and Kovac.",
    "The meeting was attended by Vidal and Kovac.",
], ids=["attending-were", "among-those-at", "attended-by"])
def test_meetings_attendees_named_after_the_meeting(nlp: Language, sentence: str) -> None:
    assert _asserted(nlp, VIDAL_KOVAC + sentence) == {frozenset({"Tomas Vidal", "Anna Kovac"})}


@pytest.mark.parametrize("sentence", [
    "At the summit in Oslo, Anna Keller and Peter Hansen agreed on a truce.",
    "During the talks in Oslo on Monday, Anna Keller and Peter Hansen clashed over fishing.",
    "At the summit in Oslo, Keller and Hansen failed to agree on fishing quotas.",
], ids=["agreed", "clashed", "failed-to-agree"])
def test_meetings_pair_after_the_opening_place(nlp: Language, sentence: str) -> None:
    """ "At the summit in Oslo, A and B agreed": the parser reads the pair as more places
    after "Oslo" and leaves the verb with no subject; the pair is its subject, and met."""
    assert _asserted(nlp, INTRO + sentence) == {KELLER_HANSEN}


def test_pipeline_gives_a_fronted_pair_back_to_its_verb(nlp: Language) -> None:
    """The mended parse: the pair is the verb's subject, and "Oslo" heads no list of them."""
    doc = nlp("At the summit in Oslo, Anna Keller and Peter Hansen agreed on a truce.")
    keller, oslo = doc[7], doc[4]
    assert (keller.text, keller.dep_, keller.head.text) == ("Keller", "nsubj", "agreed")
    assert [t.text for t in oslo.conjuncts] == []
    doc = nlp("In Oslo, Bergen and Tromso, fishermen protested on Monday.")
    assert [t.text for t in doc[1].conjuncts] == ["Bergen", "Tromso"]  # a list of places


def test_pipeline_gives_the_participles_subject_back_to_its_verb(nlp: Language) -> None:
    """ "Speaking at a news conference with X, Hansen said ...": the parser took "Hansen" for
    an apposition of X and the participle for the subject of "said"; mended, Hansen is the
    subject and was at the news conference with X."""
    sentence = ("Speaking at a news conference with German Chancellor Angela Merkel, Hansen "
                "said voters everywhere are worried about trade.")
    doc = nlp(sentence)
    hansen = next(t for t in doc if t.text == "Hansen")
    assert (hansen.dep_, hansen.head.text, doc[0].dep_) == ("nsubj", "said", "advcl")
    assert _asserted(nlp, INTRO + sentence) == {frozenset({"Peter Hansen", "Angela Merkel"})}
    doc = nlp("Speaking at a news conference with Angela Merkel, the spokesman said little.")
    assert next(t for t in doc if t.text == "spokesman").dep_ == "nsubj"


@pytest.mark.parametrize("sentence", [
    "At a dinner with German Chancellor Angela Merkel, Hansen said voters are worried.",
    "During talks with German Chancellor Angela Merkel, Prime Minister Hansen touted the "
    "benefits of free trade.",
], ids=["at-a-dinner", "during-talks"])
def test_pipeline_gives_the_subject_after_an_opening_phrase_back_to_its_verb(
        nlp: Language, sentence: str) -> None:
    """ "At a dinner with X, Hansen said ...": the parser read "Hansen" as an apposition of
    X and left the verb with no subject; mended, Hansen is the subject and met X."""
    doc = nlp(sentence)
    hansen = next(t for t in doc if t.text == "Hansen")
    assert (hansen.dep_, hansen.head.i) == ("nsubj", doc[hansen.i + 1].i)
    assert _asserted(nlp, INTRO + sentence) == {frozenset({"Peter Hansen", "Angela Merkel"})}


@pytest.mark.parametrize("sentence", [
    "Donald and Melania Trump arrived in France for the G7 summit on Saturday.",
    "President Donald Trump and first lady Melania Trump attended the G7 summit on Saturday.",
], ids=["couple-arrived", "first-lady-attended"])
def test_meetings_the_leaders_spouse_is_no_side_of_a_summit(nlp: Language,
                                                            sentence: str) -> None:
    """The leader attends a body's summit; the spouse beside him, with no office, is no side
    of it (but a couple who visit the queen both meet her)."""
    found = meetings(nlp, "Leaders gathered in Biarritz.\n\n" + sentence)
    assert (frozenset({"Donald Trump", "G7"}), "asserted") in found
    assert not any("Melania Trump" in people for people, _ in found)
    visit = meetings(nlp, "Royals waited.\n\nDonald and Melania Trump visited Buckingham "
                          "Palace on Monday, where they met Queen Elizabeth.")
    assert (frozenset({"Melania Trump", "Queen Elizabeth"}), "asserted") in visit


def test_meetings_our_dinner_in_a_quote_is_the_speakers(nlp: Language) -> None:
    """ "our dinner with X", in a quotation: the speaker dined with X; but "our talks with
    Denmark" are a government's, not the speaker's own meeting."""
    text = INTRO + ('"The deadline runs from the date of our warm dinner with Anna Keller in '
                    'Vienna," Peter Hansen said on Tuesday.')
    assert _asserted(nlp, text) == {KELLER_HANSEN}
    text = INTRO + '"We have built a strong team for our talks with Denmark," Hansen said.'
    assert _asserted(nlp, text) == set()


def test_meetings_one_used_a_meeting_one_was_at(nlp: Language) -> None:
    """ "used a joint news conference with X to condemn Y": the one who used it was there."""
    text = INTRO + ("That is what Keller did on Monday, when she used a joint news conference "
                    "with Peter Hansen to condemn the tariffs.")
    assert _asserted(nlp, text) == {KELLER_HANSEN}


@pytest.mark.parametrize(("sentence", "status"), [
    ("Keller has questioned whether a truce was possible after meeting Peter Hansen in "
     "Vienna on Monday.", "asserted"),
    ("Keller will say whether a truce is possible after meeting Peter Hansen in Vienna.",
     "planned"),
], ids=["questioned", "will-say"])
def test_meetings_time_phrase_hung_on_a_reported_thing(nlp: Language, sentence: str,
                                                       status: str) -> None:
    """ "A questioned whether a deal was possible after meeting B": the parser hangs "after
    meeting B" on the reported clause, but a deal meets no one; A met B, and it is as real
    as A's questioning."""
    assert meetings(nlp, INTRO + sentence) == {(KELLER_HANSEN, status)}


BRIDGE = (VIDAL_KOVAC + "Vidal met Kovac at the presidential palace on Tuesday. The meeting "
          "lasted two hours. ")
VIDAL_KOVAC_ORLOV = frozenset({"Tomas Vidal", "Anna Kovac", "Pavel Orlov"})


@pytest.mark.parametrize("sentence", [
    "Also attending the meeting was Foreign Minister Pavel Orlov.",
    "At the meeting, Orlov handed Kovac a letter from the king.",
    "Orlov, who attended the meeting, flew home on Wednesday.",
    "The meeting was attended by Orlov.",
], ids=["also-attending", "at-the-meeting", "who-attended", "attended-by"])
def test_meetings_someone_at_the_meeting_reported_before(nlp: Language, sentence: str) -> None:
    """ "the meeting" with someone new at it is the meeting reported before, with them too,
    and so counted once (no meeting of the first two beside it); the earlier sentence is
    kept as support."""
    ex = run(nlp, BRIDGE + sentence)
    res = resolve(ex)
    groups = [frozenset(res.entity_of[p].label for p in m.participants) for m in ex.meetings]
    joint = [m for m in ex.meetings
             if frozenset(res.entity_of[p].label for p in m.participants) == VIDAL_KOVAC_ORLOV]
    assert len(joint) == 1 and joint[0].status == "asserted"
    assert groups == [VIDAL_KOVAC_ORLOV]
    sentences = {joint[0].evidence.sentence, *(e.sentence for e in joint[0].support)}
    assert "Vidal met Kovac at the presidential palace on Tuesday." in sentences
    assert sentence in sentences


@pytest.mark.parametrize("text", [
    BRIDGE + "Orlov said the meeting had gone well.",  # words about it: a spokesman's too
    VIDAL_KOVAC + "Vidal called Kovac on Tuesday. At the meeting, Orlov spoke first.",  # a call
    BRIDGE + "Vidal toured the port. " * 8 + "At the meeting, Orlov spoke first.",  # too far
    VIDAL_KOVAC + "Vidal met Kovac, and Ellison met Orlov. Also attending the meeting was "
                  "Tomas Horvat.",  # which meeting?
    BRIDGE + "At the talks, Orlov did not meet Kovac but her deputy.",  # the verb's own
    BRIDGE + "He said he had slept at the meeting.",  # a pronoun: a guess
], ids=["said-about-it", "after-a-call", "too-far-back", "two-meetings-before", "did-not-meet",
        "pronoun"])
def test_meetings_no_one_joins_a_meeting_not_told(nlp: Language, text: str) -> None:
    found = _asserted(nlp, text)
    assert not any(len(people) > 2 for people in found), found


def test_meetings_one_who_did_not_attend_leaves_the_meeting_held(nlp: Language) -> None:
    """ "Orlov was invited but did not attend the meeting": the meeting reported before
    still took place, of its two."""
    found = _asserted(nlp, BRIDGE + "Orlov was invited but did not attend the meeting.")
    assert frozenset({"Tomas Vidal", "Anna Kovac"}) in found


def test_meetings_they_are_two_names_parsed_as_one(nlp: Language) -> None:
    """ "Donald Trump and Melania Trump visited ..., where they met King Harald": the parser
    read the subject as "(Donald Trump and Melania) Trump"; "they" are still the two."""
    text = ("On Monday, Donald Trump and Melania Trump visited the royal palace in Oslo, "
            "where they met King Harald.")
    assert _asserted(nlp, text) == {frozenset({"Donald Trump", "King Harald"}),
                                    frozenset({"Melania Trump", "King Harald"})}


def test_pipeline_coordinates_two_names_read_as_one(nlp: Language) -> None:
    """ "Donald Trump and Melania Trump" parsed as "(Donald Trump and Melania) Trump" is
    two coordinated names again, whatever the sentence does with them."""
    doc = nlp("King Harald met Donald Trump and Melania Trump at the royal palace in Oslo.")
    donald, melania = doc[4], doc[7]
    assert (donald.dep_, donald.head.text, melania.dep_, melania.head.i) == (
        "dobj", "met", "conj", donald.i)
    assert doc[6].head == melania  # "Melania" is the second name's own


def test_meetings_a_couple_met_is_two_meetings_with_the_host(nlp: Language) -> None:
    """ "A met Donald Trump and Melania Trump": A met each; the couple did not meet."""
    text = ("Prime Minister Lars Berg met Donald Trump and Melania Trump at the royal palace "
            "in Oslo.")
    assert _asserted(nlp, text) == {frozenset({"Lars Berg", "Donald Trump"}),
                                    frozenset({"Lars Berg", "Melania Trump"})}
    text = ("Prime Minister Lars Berg met Angela Merkel and Emmanuel Macron at the royal "
            "palace in Oslo.")
    assert _asserted(nlp, text) == {frozenset({"Lars Berg", "Angela Merkel",
                                               "Emmanuel Macron"})}


@pytest.mark.parametrize(("sentence", "found"), [
    ("Anna Keller joined Peter Hansen in Paris for talks on Monday.", {KELLER_HANSEN}),
    ("Keller joined Peter Hansen in pressing the bank on fees.", set()),  # a shared cause
], ids=["in-a-city", "in-pressing"])
def test_meetings_joined_in_a_place(nlp: Language, sentence: str, found: set) -> None:
    """ "A joined B in Vienna": a place, so they met; "joined B in pressing C": a cause."""
    assert _asserted(nlp, INTRO + sentence) == found


@pytest.mark.parametrize(("sentence", "found"), [
    ("The prime minister called the president on Tuesday.",
     {frozenset({"Lars Berg", "Anna Keller"})}),
    ("Critics called the president weak on Tuesday.", set()),  # a name for her
    ("Hart called the president who fired him a liar on Tuesday.", set()),
], ids=["called-the-president", "called-her-weak", "called-her-a-liar"])
def test_meetings_called_an_office_holder(nlp: Language, sentence: str, found: set) -> None:
    """ "called the president": the holder the article names for the office."""
    text = ("President Anna Keller of Finland flew home on Monday. Prime Minister Lars Berg "
            "of Norway stayed in Oslo. " + sentence)
    assert _asserted(nlp, text) == found


def test_meetings_a_countrys_president_named_once(nlp: Language) -> None:
    """ "Croatia's president" is the one the article names Croatian president, even if
    only once and in passing (not Croatia the country)."""
    text = ("Foreign Minister Anna Keller spoke at a news conference in Zagreb with Croatian "
            "President Lars Berg on Monday. After a morning meeting with Croatia's president "
            "on Tuesday, Keller signed a trade deal.")
    ex = run(nlp, text)
    res = resolve(ex)
    assert {(frozenset(res.entity_of[p].label for p in m.participants), m.date_text)
            for m in ex.meetings} == {(frozenset({"Anna Keller", "Lars Berg"}), "Monday"),
                                      (frozenset({"Anna Keller", "Lars Berg"}), "Tuesday")}


def test_meetings_counterpart_named_after_commas(nlp: Language) -> None:
    """ "talks with his Chinese counterpart, Wang Yi, on Tuesday": the name set off after
    the counterpart (which the parser hung on the verb) is who he is, not the one Chinese
    official the article names with a post (Xi)."""
    text = ("Chinese President Xi Jinping warned on Monday that trade tensions were rising. "
            "Secretary of State Mike Pompeo held talks with his Chinese counterpart, Wang Yi, "
            "on Tuesday.")
    assert _asserted(nlp, text) == {frozenset({"Mike Pompeo", "Wang Yi"})}


@pytest.mark.parametrize(("sentence", "found"), [
    ("Anna Keller and Peter Hansen chatted before the session.", {KELLER_HANSEN}),
    ("Anna Keller chats with Peter Hansen before the session in Vienna.", {KELLER_HANSEN}),
    ("Keller had a brief chat with Peter Hansen on Friday.", {KELLER_HANSEN}),
    ("Keller chatted with reporters on Friday.", set()),
], ids=["chatted", "caption-chats-with", "a-chat-with", "with-reporters"])
def test_meetings_a_chat(nlp: Language, sentence: str, found: set) -> None:
    assert _asserted(nlp, INTRO + sentence) == found


@pytest.mark.parametrize(("sentence", "found"), [
    ("Anna Keller met a Swedish diplomat in a Vienna bar in May.",
     {frozenset({"Anna Keller", "Sweden"})}),
    ("Anna Keller met a Swedish lawyer in a Vienna bar in May.", set()),  # no one's agent
    ("Anna Keller met a former Swedish diplomat in Vienna in May.", set()),
], ids=["a-diplomat", "a-lawyer", "a-former-diplomat"])
def test_meetings_one_unnamed_official_is_the_country(nlp: Language, sentence: str,
                                                      found: set) -> None:
    """ "met an Australian diplomat": as "Australian diplomats" would, the country."""
    assert _asserted(nlp, sentence) == found


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Prime Minister Lars Berg and his wife Karin Berg flew to Copenhagen on Sunday.\n\n"
         "On Monday, the Bergs visited the palace, where they met the queen and her son Prince "
         "Frederik.\n\nQueen Margrethe's state banquet: toasts and anthems",
         {frozenset({"Lars Berg", "Queen Margrethe"}),
          frozenset({"Karin Berg", "Queen Margrethe"}),
          frozenset({"Lars Berg", "Prince Frederik"}),
          frozenset({"Karin Berg", "Prince Frederik"})}),
        ("Foreign Minister Anna Keller met the king and his daughter Princess Ingrid in Oslo on "
         "Friday. King Harald thanked her.",
         {frozenset({"Anna Keller", "King Harald"}),
          frozenset({"Anna Keller", "Princess Ingrid"})}),
    ],
    ids=["guests-meet-the-queen-and-her-son", "the-king-and-his-daughter"])
def test_meetings_a_host_and_a_relative_are_one_side(nlp: Language, text: str,
                                                     pairs: set[frozenset[str]]) -> None:
    """ "met the queen and her son": each guest met each of the family, who did not meet each
    other; "the queen" is the one queen the article names, here only after the meeting."""
    assert _asserted(nlp, text) == pairs


def test_meetings_a_bare_surname_and_the_relative_named_in_full_are_two_guests(
        nlp: Language) -> None:
    """ "President Berg and first lady Karin Berg were greeted by the queen": two meetings
    of one sentence, not one report of the same people ("Berg" is not "Karin Berg")."""
    text = ("President Berg and first lady Karin Berg were greeted at the palace in Oslo on "
            "Monday by Queen Margrethe.\n")
    assert _asserted(nlp, text) == {frozenset({"Berg", "Queen Margrethe"}),
                                    frozenset({"Karin Berg", "Queen Margrethe"})}


KELLER_ABOUT = ("Foreign Minister Anna Keller is under fire for her diplomacy. Critics say Keller "
                "went too far. Keller denies it. ")


def test_meetings_a_pronoun_after_two_subjects_is_the_one_the_article_is_about(
        nlp: Language) -> None:
    """ "Berg faces a deadline, and Keller has been ramping up her meetings. She met X": two
    subjects, but the article is about Keller (named three times as often as Berg)."""
    text = (KELLER_ABOUT + "President Lars Berg faces a deadline, and Keller has been ramping "
            "up her meetings. She met Chancellor Ilse Brandt in Vienna on Monday.")
    assert _asserted(nlp, text) == {frozenset({"Anna Keller", "Ilse Brandt"})}
    even = ("President Lars Berg was in Oslo. Prime Minister Peter Hansen was in Rome. Berg "
            "faces a deadline, and Hansen has been ramping up his meetings. He met Chancellor "
            "Ilse Brandt in Vienna on Monday.")
    assert _asserted(nlp, even) == set()  # named alike: still in doubt


def test_meetings_she_is_never_the_man_addressed_as_mr_in_the_antecedent_sentence(
        nlp: Language) -> None:
    """ "Mr. Berg sent his daughter, Karin Berg, to the ceremony. She had dinner with X":
    whatever a bare "Berg" is elsewhere, this one is a man, and "she" is not him."""
    text = ("President Lars Berg spoke on Monday. Mr. Berg said the games were a success. "
            "Mr. Berg thanked the hosts. Mr. Berg sent his daughter, Karin Berg, to the closing "
            "ceremony. She had dinner with President Lena Vogt at the palace.")
    assert frozenset({"Lars Berg", "Lena Vogt"}) not in _asserted(nlp, text)


@pytest.mark.parametrize("text", [
    KELLER_ABOUT + "Mr. Hansen called it a case of he-said, she-said: “Berg says, ‘I did not "
    "talk about the treaty with Keller.’ Keller says, ‘You did.’”",
    "Prime Minister Lars Berg spoke on Monday. Last week, Berg criticized the talks, while "
    "calling Foreign Minister Anna Keller the “worst negotiator” he had “ever seen.”",
    "President Lena Vogt landed in Oslo on Monday. There was nobody there to greet her.",
    "President Lena Vogt landed in Oslo on Monday. There was no one at the airport to meet her.",
], ids=["he-said-she-said", "calling-x-the-worst-negotiator", "nobody-to-greet",
        "no-one-to-meet"])
def test_meetings_no_one_met_in_these(nlp: Language, text: str) -> None:
    assert _asserted(nlp, text) == set()


def test_meetings_can_tell_you_does_not_make_the_meeting_a_plan(nlp: Language) -> None:
    """ "I can tell you, I met with the president this morning": "can" is the speaker's, the
    meeting happened."""
    text = ("Ambassador Anna Keller praised President Lars Berg on Monday. Keller said Berg "
            "listens. “I can tell you, I met with the president this morning for an hour,” she "
            "told reporters.")
    assert (frozenset({"Anna Keller", "Lars Berg"}), "asserted") in meetings(nlp, text)


@pytest.mark.parametrize("headline", ["Berg Calls for Calm", "Berg Warns of Delay",
                                      "Vogt Says Berg Told Her to Wait"])
def test_meetings_a_headlines_verb_is_no_part_of_a_name(nlp: Language, headline: str) -> None:
    """ "Johnson Calls for Calm": a title-case headline's verb is no name's last word."""
    text = headline + "\n\nPresident Lars Berg met Chancellor Lena Vogt in Oslo on Monday.\n"
    names = {m.text for m in run(nlp, text).mentions if m.kind == "Person"}
    assert not any(n.split()[-1] in {"Calls", "Warns", "Told"} for n in names)
    assert "Berg" in names


def test_meetings_the_president_is_the_one_in_office_when_no_one_else_is_titled_so(
        nlp: Language) -> None:
    """ "The President met with Comey" in a report that names Trump again and again but titles
    only Nixon, in passing, "President": the president in office on the article's day whom
    it names (kg.leaders)."""
    text = ("The report says Trump wanted the inquiry closed. Trump denies it. Like President "
            "Richard Nixon, he tried to shape the story. When the President met with James "
            "Comey in the Oval Office, he cleared the room.")
    assert _asserted(nlp, text, dt.date(2019, 4, 19)) == {frozenset({"Trump", "James Comey"})}
    assert _asserted(nlp, text.replace("the President met", "the president of the college "
                                       "met"), dt.date(2019, 4, 19)) == set()


def test_meetings_a_vice_president_is_not_the_president(nlp: Language) -> None:
    """ "Vice President Lena Vogt" holds no post that "the president" stands for."""
    text = ("Vice President Lena Vogt spoke in Oslo. Vogt was upbeat. The president met "
            "Chancellor Ilse Brandt in Vienna on Monday.")
    assert frozenset({"Lena Vogt", "Ilse Brandt"}) not in _asserted(nlp, text)


def test_meetings_the_president_is_not_the_one_in_office_named_beside_it(
        nlp: Language) -> None:
    """ "whether the president sits down with Kim or with Putin": the president named in the
    same sentence is someone else than "the president" (no Kim-Putin meeting)."""
    text = ("Putin spoke in Moscow. Putin was upbeat. Whether the president sits down with Kim "
            "Jong Un or with Putin, those things have to happen, she said.")
    assert not any("Putin" in people  # of any status: "sits down" is a plan
                   for people, _ in meetings(nlp, text, dt.date(2018, 5, 4)))


@pytest.mark.parametrize(("sentence", "pairs"), [
    ("President Lars Berg complained to Chancellor Ilse Brandt in a phone call on Monday.",
     {frozenset({"Lars Berg", "Ilse Brandt"})}),
    ("President Lars Berg apologised to Chancellor Ilse Brandt in a telephone conversation "
     "on Monday.", {frozenset({"Lars Berg", "Ilse Brandt"})}),
    ("President Lars Berg said to reporters in a phone call on Monday that the deal was dead.",
     set()),
], ids=["complained-to", "apologised-to", "said-to-reporters"])
def test_meetings_spoke_to_someone_in_a_call(nlp: Language, sentence: str,
                                             pairs: set[frozenset[str]]) -> None:
    """ "A complained to B in a phone call": the one spoken to is the call's other side."""
    assert _asserted(nlp, sentence) == pairs


def test_meetings_lobbied_during_a_call_is_the_calls_other_side(nlp: Language) -> None:
    """ "During a phone call on Monday, A lobbied B to ...": B is the other side."""
    text = ("During a phone call on Monday, President Lars Berg lobbied Chancellor Ilse Brandt "
            "to keep the treaty.")
    assert _asserted(nlp, text) == {frozenset({"Lars Berg", "Ilse Brandt"})}


@pytest.mark.parametrize("sentence", [
    "Dorn talks to Vidal as he welcomes him in Madrid.",
    "Vidal talks to reporters as he meets with Prime Minister Anna Keller on May 22.",
], ids=["as-he-welcomes-him", "as-he-meets-with"])
def test_meetings_a_captions_as_clause_is_the_pictures_time(nlp: Language,
                                                            sentence: str) -> None:
    """A caption's "A talks to B as he welcomes him": the clause is the picture's present,
    also where the parser made "talks" a noun (so the clause hangs on no verb)."""
    doc = nlp(sentence)
    trigger = next(t for t in doc if t.lemma_ in {"welcome", "meet"})
    assert trigger.head.pos_ == "NOUN"  # the parse this test is about
    assert status_of(trigger, caption=True) == "asserted"
    assert status_of(trigger) == "planned"  # outside a caption: "as he meets X on May 22"


@pytest.mark.parametrize("sentence", [
    "Mr Lars Berg told Mr Jonas Dahl at a dinner that he would stand down.",
    "Ambassador Lena Vogt told Mr Jonas Dahl at the meeting that she would resign.",
], ids=["at-a-dinner", "at-the-meeting"])
def test_meetings_what_was_said_at_a_meeting_is_not_its_tense(nlp: Language,
                                                              sentence: str) -> None:
    """ "A told B at a dinner that he would stand down": the parser hangs "that he would ..."
    on "dinner" as a relative clause, but its "that" is a conjunction: the clause is what
    was said, and its "would" no plan for the dinner."""
    doc = nlp(sentence)
    assert any(t.dep_ == "relcl" and t.head.lower_ in {"dinner", "meeting"}
               for t in doc)  # the parse this test is about
    statuses = {st for pair, st in meetings(nlp, sentence) if len(pair) == 2}
    assert statuses == {"asserted"}


@pytest.mark.parametrize("sentence", [
    "President Kim Sung-ho met her at the palace.",
    "President Kim Sung-ho hosted her for dinner.",
], ids=["met-her", "hosted-her"])
def test_meetings_an_object_her_is_not_her_own_verbs_subject(nlp: Language,
                                                            sentence: str) -> None:
    """ "Brandt arrived in Seoul. President Kim met her": the subject of "met" can never be its
    object "her", so a subject whose sex the text does not give is no rival to a woman
    named before."""
    text = "Chancellor Ilse Brandt arrived in Seoul on Monday. " + sentence
    assert _asserted(nlp, text) == {frozenset({"Kim Sung-ho", "Ilse Brandt"})}


def test_meetings_an_object_her_in_a_report_wants_a_woman(nlp: Language) -> None:
    """ "Kim said Berg met her": "her" is no one whose sex the text does not give (Kim, who
    says it), so no pair with the one who says it."""
    text = ("Lena Vogt flew to Seoul on Monday. Foreign Minister Kim Sung-ho said President "
            "Lars Berg met her on Tuesday.")
    assert frozenset({"Lars Berg", "Kim Sung-ho"}) not in _asserted(nlp, text)


def test_meetings_business_leaders_are_no_country(nlp: Language) -> None:
    """ "a meeting with Swedish business leaders": the parser makes "business" a compound,
    and those leaders are still no side that stands for Sweden."""
    text = ("Earlier on Tuesday, President Lars Berg spoke at a meeting with Swedish business "
            "leaders in Oslo.")
    assert _asserted(nlp, text) == set()


@pytest.mark.parametrize(("sentence", "pairs"), [
    ("Chancellor Ilse Brandt, speaking alongside President Lars Berg, said more work remained.",
     {frozenset({"Ilse Brandt", "Lars Berg"})}),
    ("“We will be friends,” Brandt said, sitting next to President Lars Berg in Oslo.",
     {frozenset({"Ilse Brandt", "Lars Berg"})}),
    ("Chancellor Ilse Brandt sat next to President Lars Berg at the ceremony, but they did "
     "not speak.", set()),
    ("What Norway loses is small compared with what Chancellor Ilse Brandt gains by sitting "
     "alongside President Lars Berg.", set()),
], ids=["speaking-alongside", "sitting-next-to", "sat-next-to", "gains-by-sitting-alongside"])
def test_meetings_speaking_beside_someone(nlp: Language, sentence: str,
                                          pairs: set[frozenset[str]]) -> None:
    """ "A, speaking alongside B, said": two who speak side by side meet; only a participle
    hung on a clause reports it ("sat next to B at the ceremony, but they did not speak" is
    no more than a seat, "what A gains by sitting alongside B" a prize weighed)."""
    text = "Chancellor Ilse Brandt visited Oslo on Monday. " + sentence
    assert _asserted(nlp, text) == pairs


@pytest.mark.parametrize(("sentence", "pairs"), [
    ("Keller said President Lars Berg called her twice from Oslo.",
     {frozenset({"Anna Keller", "Lars Berg"})}),
    ("President Lars Berg called her on Sunday to thank her.",
     {frozenset({"Anna Keller", "Lars Berg"})}),
    ("President Lars Berg called her a liar on Sunday.", set()),
    ("President Lars Berg called her out on Sunday.", set()),
], ids=["twice-from", "on-a-day-to-thank", "a-name-for-her", "called-out"])
def test_meetings_called_her_is_a_call_with_a_time_or_purpose(
        nlp: Language, sentence: str, pairs: set[frozenset[str]]) -> None:
    """ "B called her twice from Oslo", "called her on Sunday to thank her": a phone call to
    the woman named before; "called her a liar", "called her out" are no calls."""
    text = "Chancellor Anna Keller landed in Rome on Saturday. " + sentence
    assert _asserted(nlp, text) == pairs


@pytest.mark.parametrize("sentence", [
    "After meeting the presidents of all three Baltic states, Vogt said the alliance stood firm.",
    "Chancellor Lena Vogt met the Baltic prime ministers in Riga on Monday.",
], ids=["presidents-of-the-baltic-states", "the-baltic-prime-ministers"])
def test_meetings_the_baltic_states_are_three_sides(nlp: Language, sentence: str) -> None:
    """ "met the presidents of all three Baltic states": Estonia, Latvia and Lithuania, each a
    side of one joint meeting (a region whose states are a closed set)."""
    text = "Chancellor Lena Vogt flew to Riga on Sunday. " + sentence
    assert frozenset({"Lena Vogt", "Estonia", "Latvia", "Lithuania"}) in _asserted(nlp, text)


def test_meetings_a_regions_states_alone_do_not_meet(nlp: Language) -> None:
    """ "talks with Baltic leaders" with no one named on the other side: no meeting of the
    three with one another."""
    assert _asserted(nlp, "There were talks with Baltic leaders in Riga on Monday.") == set()


@pytest.mark.parametrize("verb", ["hosted", "received"])
def test_meetings_a_hyphenated_name_welcomed(nlp: Language, verb: str) -> None:
    """ "hosted South Korea's President Moon Jae-in": the parser makes the last piece of the
    hyphenated name ("in") a common noun, the object; it is still the person welcomed."""
    text = f"President Lars Berg {verb} South Korea's President Park Jae-in in Oslo on Monday."
    doc = nlp(text)
    assert any(t.lower_ == "in" and t.dep_ == "dobj" and t.pos_ == "NOUN" for t in doc)
    assert _asserted(nlp, text) == {frozenset({"Lars Berg", "Park Jae-in"})}


@pytest.mark.parametrize(("text", "found"), [
    ("Minister Jonas Dahl travelled to Oslo in May to lay the groundwork for the summit "
     "between President Lars Berg and Chancellor Ilse Brandt.",
     {(frozenset({"Lars Berg", "Ilse Brandt"}), "planned")}),
    ("Minister Jonas Dahl arrived in Oslo on Monday to begin talks with Chancellor Ilse "
     "Brandt.", {(frozenset({"Jonas Dahl", "Ilse Brandt"}), "asserted")}),
    ("President Lars Berg went as far as to say the government should send Jonas Dahl to "
     "negotiate with Chancellor Ilse Brandt.",
     {(frozenset({"Jonas Dahl", "Ilse Brandt"}), "planned")}),
    ("Minister Jonas Dahl returned from the palace, where he had travelled to meet with "
     "President Lars Berg.", {(frozenset({"Jonas Dahl", "Lars Berg"}), "asserted")}),
    ("Minister Jonas Dahl returned from the palace, where he had travelled to meet with "
     "President Lars Berg but was told the meeting was cancelled.",
     {(frozenset({"Jonas Dahl", "Lars Berg"}), "planned")}),
    ("President Lars Berg stopped in Paris to meet Chancellor Ilse Brandt.",
     {(frozenset({"Lars Berg", "Ilse Brandt"}), "asserted")}),
    ("President Lars Berg appeared to meet Chancellor Ilse Brandt.",
     {(frozenset({"Lars Berg", "Ilse Brandt"}), "planned")}),
], ids=["to-prepare-a-summit", "arrived-to-begin-talks", "went-as-far-as", "travelled-where",
        "travelled-but-cancelled", "stopped-in-paris-to-meet", "appeared-to-meet"])
def test_meetings_what_a_past_journey_was_for(nlp: Language, text: str,
                                             found: set[tuple[frozenset[str], str]]) -> None:
    """A journey told in the past held the meeting it was made for ("arrived to begin talks
    with B"), not one it prepared ("travelled there to lay the groundwork for the summit
    between A and B"); and "went as far as to say" is no journey (the one the government
    should send would negotiate, a plan)."""
    assert {(p, st) for p, st in meetings(nlp, text) if st != "negated"} == found


@pytest.mark.parametrize(("text", "status"), [
    ("Lars Berg went straight to the palace to be welcomed by President Ilse Brandt.",
     "asserted"),
    ("Lars Berg will go to the palace to be welcomed by President Ilse Brandt.", "planned"),
], ids=["went-to-be-welcomed", "will-go-to-be-welcomed"])
def test_meetings_went_somewhere_to_be_welcomed(nlp: Language, text: str, status: str) -> None:
    """ "A went to the palace to be welcomed by B": A, the subject of the journey, is the one
    welcomed (the passive infinitive has no subject of its own)."""
    assert meetings(nlp, text) == {(frozenset({"Lars Berg", "Ilse Brandt"}), status)}


@pytest.mark.parametrize("text", [
    "President Lars Berg made a phone call this week to Chancellor Ilse Brandt.",
    "By making a phone call this week to Chancellor Ilse Brandt, President Lars Berg became "
    "the first president to do so.",
], ids=["made-a-call-this-week-to", "by-making-a-call-to-x-y-became"])
def test_meetings_a_call_made_to_someone(nlp: Language, text: str) -> None:
    """ "made a phone call this week to B": the "to" the parser hung on "made"; and "By making
    a call to B, A became ...", where it also took B for the subject and A for B's
    apposition."""
    assert _asserted(nlp, text) == {frozenset({"Lars Berg", "Ilse Brandt"})}


@pytest.mark.parametrize(("line", "status"), [
    ("In this Wednesday, photo provided on Thursday by the Norwegian government, Foreign "
     "Minister Anna Keller shakes hands with Prime Minister Peter Hansen.", "asserted"),
    ("In this Feb. 5, 2019 file photo, Foreign Minister Anna Keller shakes hands with Prime "
     "Minister Peter Hansen.", "asserted"),
    ("In this case, Foreign Minister Anna Keller meets Prime Minister Peter Hansen on Friday.",
     "planned"),
], ids=["in-this-photo-provided", "in-this-file-photo", "in-this-case"])
def test_meetings_in_this_photo_is_a_caption(nlp: Language, line: str, status: str) -> None:
    """ "In this Feb. 5 photo, A shakes hands with B": a caption, whose present tense is the
    picture's (but "In this case, A meets B on Friday" is no caption)."""
    text = "Keller in Oslo\n\nForeign Minister Anna Keller arrived on Sunday.\n\n" + line + "\n"
    assert (KELLER_HANSEN, status) in meetings(nlp, text)


def test_meetings_a_captions_list_the_parser_broke(nlp: Language) -> None:
    """ "A (L), B (C) and C (R) walk together at the G7 summit": the parser made B a modifier
    of the verb (and C his conjunct), so the verb's subject names A alone; a caption's people
    before its verb are still the group pictured."""
    text = ("Summit\n\nLeaders meet.\n\nJapan's Prime Minister Kenji Sato (L), U.S. "
            "President Jonas Dahl (C) and European Commission President Ilse Brandt (R) walk "
            "together at the G7 summit in Taormina, Sicily, Italy, May 26, 2017.\n")
    doc = nlp(text)
    dahl = next(t for t in doc if t.text == "Dahl")
    walk = next(t for t in doc if t.lemma_ == "walk")
    dahl.head, dahl.dep_ = walk, "nmod"  # the parse spaCy gives the same caption of real
    # leaders (Abe, Trump, Juncker); these names happen to parse better
    found = joint_appearances(doc, find_mentions(doc), lambda scope: None)
    assert {frozenset(p.text for p in m.participants) for m in found} == {
        frozenset({"Kenji Sato", "Jonas Dahl", "Ilse Brandt"})}


@pytest.mark.parametrize(("line", "people"), [
    ("President Lars Berg walks with Prime Minister Jonas Dahl of Norway, left, and President "
     "Ilse Brandt of Germany, at the palace on September 1, 2010.",
     {"Lars Berg", "Jonas Dahl", "Ilse Brandt"}),
    ("President Lars Berg stands between Norwegian Prime Minister Jonas Dahl, left, and Ilse "
     "Brandt at the palace on September 13, 1993.", {"Lars Berg", "Jonas Dahl", "Ilse Brandt"}),
    ("Then-Mexican President Vicente Ramos (left) and Jonas Dahl hold a press conference "
     "September 7, 2001, in Oslo.", {"Vicente Ramos", "Jonas Dahl"}),
    ("Talks 2000 | Berg – Then-Norwegian Prime Minister Jonas Dahl, left, with the "
     "then-President Lars Berg and German leader Ilse Brandt pose for a photograph on July 21, "
     "2000, at the palace.", {"Lars Berg", "Jonas Dahl", "Ilse Brandt"}),
], ids=["walks-with-a-left-and-b", "stands-between", "a-left-and-b-hold-a-press-conference",
        "a-left-with-b-and-c-pose"])
def test_meetings_caption_lists_with_positions(nlp: Language, line: str,
                                               people: set[str]) -> None:
    """Captions that place people ("A, left, and B"), whose lists the parser breaks: "walks
    with A, left, and B" (B hung on the verb), "stands between A, left, and B", "A (left) and
    B hold a press conference" (each a subject of its own: a joint one)."""
    text = "Photos\n\nPictures of the week.\n\n" + line + "\n"
    assert (frozenset(people), "asserted") in meetings(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Donald Trump and Theresa May hold talks at Chequers.",
         {(frozenset({"Donald Trump", "Theresa May"}), "asserted")}),
        ("Theresa May arrived in Berlin on Monday. May and Angela Merkel held talks on "
         "Tuesday.", {(frozenset({"Theresa May", "Angela Merkel"}), "asserted")}),
        ("Theresa May arrived in Berlin on Monday. Angela Merkel and May held talks on "
         "Tuesday.", {(frozenset({"Theresa May", "Angela Merkel"}), "asserted")}),
        # the month and the modal stay what they are
        ("Theresa May lost her majority in the election. In May, Angela Merkel met Emmanuel "
         "Macron in Aachen.", {(frozenset({"Angela Merkel", "Emmanuel Macron"}), "asserted")}),
        ("Angela Merkel may meet Emmanuel Macron in Aachen.",
         {(frozenset({"Angela Merkel", "Emmanuel Macron"}), "planned")}),
    ],
    ids=["given-name-before", "surname-alone-first", "surname-alone-second", "month",
         "modal"],
)
def test_meetings_may_the_surname_is_no_modal(nlp: Language, text: str, expected: Pairs
                                              ) -> None:
    """ "Donald Trump and Theresa May hold talks": the model reads "May" as the modal, left
    with no subject and no name (:func:`kg.rules.name_homographs`)."""
    assert meetings(nlp, text, dt.date(2018, 7, 20)) == expected


@pytest.mark.parametrize(("text", "pair"), [
    ("Anna Keller became the first minister to visit Oslo since Ola Dorn, a diplomat, met "
     "Lars Berg there in 2000.", frozenset({"Ola Dorn", "Lars Berg"})),
    ("Anna Keller will be the most senior official to hold talks in Oslo since Ola Dorn, a "
     "marshal, met then-President Lars Berg at the palace in 2000.",
     frozenset({"Ola Dorn", "Lars Berg"})),
    ("Anna Keller became the first minister to visit Oslo since Peter Hansen met Lars Berg "
     "there in 2000.", frozenset({"Peter Hansen", "Lars Berg"})),
], ids=["since-name-apposition", "since-after-talks", "since-plain"])
def test_meetings_since_a_named_person_met_another(nlp: Language, text: str,
                                                   pair: frozenset[str]) -> None:
    """ "the first visit since A, a marshal, met B in 2000": the parser made A the object of
    "since" and "met" a second verb of the main clause, with its subject; A met B."""
    assert _asserted(nlp, text) == {pair}


@pytest.mark.parametrize(("sentence", "place"), [
    ("Anna Keller met Lars Berg ahead of last month's summit in Oslo.", None),
    ("Anna Keller met Lars Berg before the summit in Oslo.", None),
    ("Anna Keller met Lars Berg during the summit in Oslo.", "Oslo"),
    ("Anna Keller met Lars Berg in Rome before the summit in Oslo.", "Rome"),
    ("It is her first visit since a summit between Anna Keller and Lars Berg in Oslo.",
     "Oslo"),
], ids=["ahead-of", "before", "during", "own-place-first", "the-meeting-itself"])
def test_meetings_the_place_of_an_event_at_another_time_is_not_the_meetings(
        nlp: Language, sentence: str, place: str | None) -> None:
    """ "who met Pompeo and Trump ahead of last month's summit in Singapore": the summit was
    in Singapore, the meeting before it was not."""
    ex = run(nlp, sentence, dt.date(2018, 7, 1))
    assert [m.location.text if m.location else None for m in ex.meetings] == [place]


@pytest.mark.parametrize(("sentence", "pairs"), [
    ("In their meeting, Lars Berg pressed him on trade.",
     {frozenset({"Peter Hansen", "Lars Berg"})}),
    ("During their talks, President Lars Berg told him that Norway wanted a deal.",
     {frozenset({"Peter Hansen", "Lars Berg"})}),
    # "he" is the named one himself: no second side
    ("During their talks, President Lars Berg said he wanted a deal.", set()),
], ids=["their-meeting-him", "their-talks-told-him", "their-talks-he-himself"])
def test_meetings_their_meeting_of_one_named_and_a_pronoun(nlp: Language, sentence: str,
                                                          pairs: set[frozenset[str]]) -> None:
    """ "Hansen arrived in Oslo. In their meeting, Berg pressed him": "their" is the one
    person named in the sentence and the one "him" stands for."""
    text = "Prime Minister Peter Hansen arrived in Oslo on Friday. " + sentence
    assert _asserted(nlp, text) == pairs


def test_meetings_the_sides_a_hyphen_names_are_not_the_governing_subjects(
        nlp: Language) -> None:
    """ "It had been seen by top US officials as a good choice for the Trump-Kim talks": the
    talks' sides are the two the hyphen names, not the officials of the clause above."""
    text = ("President Lars Berg of Norway and Prime Minister Peter Hansen of Denmark spoke "
            "on Monday. Oslo had been seen by top Swedish officials as a good, neutral choice "
            "for the Berg-Hansen talks.")
    ex = run(nlp, text, dt.date(2019, 2, 20))
    assert [sorted(p.text for p in m.participants) for m in ex.meetings
            if m.evidence.sentence.startswith("Oslo")] == [["Berg", "Hansen"]]


@pytest.mark.parametrize(("sentence", "pairs"), [
    ("Prime Minister Peter Hansen and President Lars Berg hugged at the airport on Friday.",
     {frozenset({"Peter Hansen", "Lars Berg"})}),
    ("Prime Minister Peter Hansen and President Lars Berg embraced at the airport on Friday.",
     {frozenset({"Peter Hansen", "Lars Berg"})}),
    ("Prime Minister Peter Hansen and President Lars Berg embraced the plan on Friday.", set()),
    ("Prime Minister Peter Hansen and President Lars Berg hugged their wives on Friday.", set()),
], ids=["hugged", "embraced", "embraced-a-plan", "hugged-others"])
def test_meetings_two_who_hugged(nlp: Language, sentence: str,
                                 pairs: set[frozenset[str]]) -> None:
    """ "Kim and Moon hugged at the airport": the two met (not "embraced the plan")."""
    assert _asserted(nlp, sentence) == pairs


@pytest.mark.parametrize(("pronoun", "pairs"), [
    ("he", set()),
    ("I", {frozenset({"Lars Vogt", "Lars Berg"})}),
], ids=["he-is-someone-else", "i-is-the-one-quoted"])
def test_meetings_a_he_in_a_quotation_is_not_the_one_quoted(
        nlp: Language, pronoun: str, pairs: set[frozenset[str]]) -> None:
    """ '"In Oslo, he spoke directly to the president," Vogt said': Vogt, who is quoted,
    would say "I" (and then it is his meeting); the "he" is someone else."""
    text = ("President Lars Berg arrived. Foreign Minister Lars Vogt spoke on Monday. \"In "
            f"Oslo, {pronoun} spoke directly to the president,\" Vogt said.")
    assert _asserted(nlp, text) == pairs


def test_meetings_a_leader_arriving_for_his_countrys_hyphened_summit_is_its_side(
        nlp: Language) -> None:
    """ "Trump arrives for the US-DPRK summit": the hyphen names two countries, and the one
    arriving is his country's side (where "the Trump-Kim talks" names the people)."""
    text = ("U.S. President Lars Berg arrives at the airport for the US-DPRK summit in Hanoi, "
            "Vietnam February 26, 2019.")
    found = {people for people, _ in meetings(nlp, text, dt.date(2019, 2, 27))}
    assert found == {frozenset({"Lars Berg", "North Korea"})}


def test_meetings_a_host_parsed_as_a_modifier_of_a_list_of_guests(nlp: Language) -> None:
    """ "Hansen hosted Berg and Brandt at the palace": the parser hung "hosted" on "Berg" as
    a modifier and made the list the sentence's root; both guests met their host (had been
    Hansen and Berg alone)."""
    text = ("Prime Minister Peter Hansen spoke about trade. President Lars Berg and Chancellor "
            "Ilse Brandt flew to Oslo. Hansen hosted Berg and Brandt at the palace on Sunday.")
    assert _asserted(nlp, text, dt.date(2019, 6, 30)) == {
        frozenset({"Peter Hansen", "Lars Berg", "Ilse Brandt"})}


def test_meetings_a_list_whose_second_name_the_parser_took_for_an_adverbial(
        nlp: Language) -> None:
    """ "Leaders A, B, C, D, E and F pose for a family photo": the small model parsed the
    second name as an adverbial ("npadvmod") of the first, the rest of the list coordinated
    with it (the parse it gave such a six-leader caption, rebuilt here with other names); the
    list is all six, not the first alone."""
    from spacy.tokens import Doc, Span
    words = ["Leaders", "Jonas", "Dahl", ",", "Lars", "Berg", ",", "Ilse", "Brandt", ",",
             "Peter", "Hansen", "and", "Anna", "Keller", "pose", "for", "a", "photo", "."]
    heads = [2, 2, 15, 2, 5, 2, 5, 8, 5, 8, 11, 8, 11, 14, 11, 15, 15, 18, 16, 15]
    deps = ["compound", "compound", "nsubj", "punct", "compound", "npadvmod", "punct",
            "compound", "conj", "punct", "compound", "conj", "cc", "compound", "conj", "ROOT",
            "prep", "det", "pobj", "punct"]
    pos = ["PROPN"] * 15 + ["VERB", "ADP", "DET", "NOUN", "PUNCT"]
    for k in (3, 6, 9, 12):
        pos[k] = "PUNCT" if words[k] == "," else "CCONJ"
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, i, i + 2, label="PERSON") for i in (1, 4, 7, 10, 13)]
    assert [t.text for t in conjuncts(doc[2])] == ["Dahl", "Berg", "Brandt", "Hansen",
                                                   "Keller"]
    # the same parse with only the first name tagged a person: an adverbial that names no
    # one, and no list of people goes on from it
    doc.ents = [Span(doc, 1, 3, label="PERSON")]
    assert [t.text for t in conjuncts(doc[2])] == ["Dahl"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Ola Dorn recalled a 2016 meeting in Bergen that included Lars Berg and Ilse Brandt.",
     {frozenset({"Lars Berg", "Ilse Brandt"})}),
    ("The June 2016 meeting at the Grand Hotel, which included Lars Berg, Ilse Brandt and Ola "
     "Dorn, lasted twenty minutes.", {frozenset({"Lars Berg", "Ilse Brandt", "Ola Dorn"})}),
    ("The summit, which included leaders from 55 countries, ended on Sunday.", set()),
    ("The talks, which did not include Ola Dorn, ended on Sunday.", set()),
], ids=["that-included", "which-included-on-the-place", "no-one-named", "not-included"])
def test_meetings_a_relative_clause_names_those_at_the_meeting(
        nlp: Language, sentence: str, expected: set[frozenset[str]]) -> None:
    """ "organized a 2016 meeting at Trump Tower that included A", "the meeting in the tower,
    which included A, B and C": the people the meeting included met there."""
    assert _asserted(nlp, sentence, dt.date(2019, 6, 30)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Former ambassador Ola Dorn criticised the plan. \"Ambassador Dorn is wrong,\" Lars Berg "
     "said. Berg resigned after misleading Vice President Anna Keller about his talks with "
     "Russia's ambassador to the United States. Berg later admitted lying about his "
     "conversations with the ambassador.", {frozenset({"Lars Berg", "Russia"})}),
    ("Former ambassador Ola Dorn criticised the plan. \"Ambassador Dorn is wrong,\" Lars Berg "
     "said. Berg later admitted lying about his conversations with the ambassador.",
     {frozenset({"Lars Berg", "Ola Dorn"})}),
], ids=["after-an-unnamed-foreign-ambassador", "the-only-ambassador"])
def test_meetings_the_title_last_used_of_an_unnamed_foreigner_is_not_a_named_holder(
        nlp: Language, text: str, expected: set[frozenset[str]]) -> None:
    """ "his discussions with Russia's ambassador ... his conversations with the ambassador":
    the ambassador is Russia's, left unnamed, not "Ambassador Bolton" quoted further back."""
    assert _asserted(nlp, text, dt.date(2019, 9, 11)) == expected


def test_meetings_the_speaker_after_a_quotations_verb_is_its_subject(nlp: Language) -> None:
    """ '"...," joked Jonas Ben-Dahl. "Of course I've met with Berg," he said': the parser
    took the speaker after "joked" for its object, so "he" skipped him for Berg, the subject
    before, and Berg met himself; "he" is Ben-Dahl."""
    text = ("Senator Lars Berg named several advisers. Other experts named by Berg seemed "
            "distant from him. \"I wish that everyone we meet with would list me as an "
            "adviser,\" joked Jonas Ben-Dahl. \"Of course I've met with Berg to lay out our "
            "agenda,\" he said.")
    assert _asserted(nlp, text, dt.date(2016, 3, 1)) == {frozenset({"Jonas Ben-Dahl",
                                                                    "Lars Berg"})}


@pytest.mark.parametrize("sentence", [
    "In a phone call on Monday, Prime Minister Tomas Vidal of Spain and Chancellor Anna Kovac "
    "of Austria agreed to cooperate.",
    "In a phone call on Monday, Vidal and Kovac agreed to cooperate.",
], ids=["a-of-x-and-b-of-y", "plain"])
def test_meetings_two_people_each_of_a_country_joined_by_and(nlp: Language,
                                                             sentence: str) -> None:
    """ "A of Spain and B of Austria agreed": the parser hung "and" on Spain and made B an
    apposition of A; B is the second subject, so the call in which they agreed is theirs."""
    text = ("Prime Minister Tomas Vidal of Spain spoke on Sunday. Chancellor Anna Kovac of "
            "Austria spoke too. " + sentence)
    assert _asserted(nlp, text, dt.date(2020, 6, 4)) == {frozenset({"Tomas Vidal",
                                                                   "Anna Kovac"})}


def test_meetings_a_second_who_clause_joined_to_the_main_verb(nlp: Language) -> None:
    """ "Also on the list is A, a former envoy, who was thought to have dropped out, but who
    visited B on Friday": the parser joined the second "who" clause to "is"; it is about A."""
    text = ("President-elect Lars Berg is choosing a foreign minister. Also on the newly "
            "extended list is Ola Dorn, a former ambassador to the UN, who was thought to have "
            "dropped out of contention, but who visited Berg in Bergen on Friday and is said to "
            "be still under consideration.")
    assert _asserted(nlp, text, dt.date(2016, 12, 5)) == {frozenset({"Ola Dorn",
                                                                     "Lars Berg"})}


@pytest.mark.parametrize("sentence", [
    "Prime Minister Ola Dorn announced his decision to resign after a meeting with President "
    "Lars Berg.",
    "Prime Minister Ola Dorn announced his plans to withdraw troops following a telephone "
    "conversation with President Lars Berg.",
], ids=["decision-after-a-meeting", "plans-following-a-call"])
def test_meetings_his_plans_after_a_meeting_are_the_announcers(nlp: Language,
                                                               sentence: str) -> None:
    """ "Trump announced his plans to withdraw troops following a call with Erdogan": the
    time phrase hangs on the plan's verb, whose subject is the announcer of his plans."""
    assert _asserted(nlp, sentence, dt.date(2018, 12, 24)) == {frozenset({"Ola Dorn",
                                                                          "Lars Berg"})}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("President Lars Berg accepted an invitation to meet with Prime Minister Ola Dorn.",
     {(frozenset({"Lars Berg", "Ola Dorn"}), "planned")}),
    ("Prime Minister Ola Dorn expressed his willingness to meet with President Lars Berg.",
     {(frozenset({"Lars Berg", "Ola Dorn"}), "planned")}),
    ("Prime Minister Ola Dorn repeated his offer to hold talks with President Lars Berg.",
     {(frozenset({"Lars Berg", "Ola Dorn"}), "planned")}),
    ("Prime Minister Ola Dorn repeated his offer of talks with President Lars Berg.",
     {(frozenset({"Lars Berg", "Ola Dorn"}), "planned")}),
    ("President Lars Berg rejected an offer to meet with Prime Minister Ola Dorn.", set()),
], ids=["accepted-an-invitation", "his-willingness", "his-offer-to-hold-talks",
        "his-offer-of-talks", "rejected-an-offer"])
def test_meetings_an_offer_or_wish_to_meet_is_planned(nlp: Language, sentence: str,
                                                      expected: Pairs) -> None:
    """ "Putin repeated his offer to hold talks with Trump", "Trump accepted an invitation to
    meet with Kim": a meeting offered or wished for, planned (the guidelines: offered and
    hoped-for meetings are planned), its side the one whose offer it is or who voices it;
    an offer rejected names no side."""
    assert meetings(nlp, sentence, dt.date(2018, 3, 9)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Norway's ambassador to the US, Ola Dorn, resigned on Wednesday. Lars Berg later spoke "
     "to the ambassador to express his regret.", {frozenset({"Lars Berg", "Ola Dorn"})}),
], ids=["the-ambassador-just-named"])
def test_meetings_a_title_just_named_once_is_that_holder(nlp: Language, text: str,
                                                         expected: set[frozenset[str]]) -> None:
    """ "Britain's ambassador to the US, Kim Darroch, resigned. Johnson spoke to the
    ambassador": the holder named once, in the sentence before, is the one meant (a holder
    named once had been taken for a passing mention)."""
    assert _asserted(nlp, text, dt.date(2019, 7, 11)) == expected


@pytest.mark.parametrize("sentence", [
    "President William Ruto and Chancellor Paul Kagame discussed trade at the palace on "
    "Friday.",
    "President William Ruto and Chancellor Paul Kagame played golf on Friday.",
    "President William Ruto and Chancellor Paul Kagame sat down together on Friday.",
], ids=["discussed", "played-golf", "sat-down-together"])
def test_meetings_two_titled_names_parsed_as_one_are_a_pair(nlp: Language,
                                                           sentence: str) -> None:
    """ "President A and Chancellor B discussed trade": the parser made A and its "and" a
    modifier of B's name; the subject is the two of them."""
    assert _asserted(nlp, sentence, dt.date(2019, 7, 11)) == {frozenset({"William Ruto",
                                                                         "Paul Kagame"})}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("One of his allies, Ola Dorn, met Berg on Monday.", {frozenset({"Ola Dorn", "Lars Berg"})}),
    ("One of the ministers met Berg on Monday.", set()),
], ids=["one-of-named", "one-of-unnamed"])
def test_meetings_one_of_a_group_named_in_apposition(nlp: Language, sentence: str,
                                                     expected: set[frozenset[str]]) -> None:
    """ "One of Trump's few allies, Benjamin Netanyahu, met the US president": the one named
    in apposition to "one" is the subject; "one of the ministers", unnamed, is no one."""
    text = "President Lars Berg spoke on Sunday. " + sentence
    assert _asserted(nlp, text, dt.date(2018, 12, 3)) == expected


@pytest.mark.parametrize(("clause", "pair"), [
    ("Berg promised to help.", frozenset({"Ola Dorn", "Lars Berg"})),
    ("Norway agreed to help.", frozenset({"Ola Dorn", "Lars Berg"})),
    ("Foreign Minister Anna Keller agreed to help.", frozenset({"Anna Keller", "Lars Berg"})),
], ids=["the-other-side", "a-country", "a-third-person"])
def test_meetings_a_reported_meeting_whose_clause_is_about_the_other_side(
        nlp: Language, clause: str, pair: frozenset[str]) -> None:
    """ "Erekat said that in a meeting with Friedman, the ambassador tried to convince us":
    the reported clause's subject is the other side (or a country), so the meeting is the
    reporter's; a third person there is that person's own."""
    text = ("Prime Minister Ola Dorn said that in a meeting with President Lars Berg, "
            + clause)
    assert _asserted(nlp, text, dt.date(2018, 12, 3)) == {pair}


@pytest.mark.parametrize(("sentence", "status"), [
    ("Prime Minister Ola Dorn called his meeting with President Lars Berg a success.",
     "asserted"),
    ("Prime Minister Ola Dorn called his talks with President Lars Berg very good.",
     "asserted"),
    ("Prime Minister Ola Dorn called for talks with President Lars Berg.", "planned"),
], ids=["a-success", "very-good", "called-for"])
def test_meetings_a_verdict_on_a_meeting_is_no_call_for_one(nlp: Language, sentence: str,
                                                            status: str) -> None:
    """ "Trump called his meeting with Kim a success": "called" names a verdict on a meeting
    held, not a call for one to come ("called for talks")."""
    assert meetings(nlp, sentence, dt.date(2018, 12, 3)) == {
        (frozenset({"Ola Dorn", "Lars Berg"}), status)}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("After President Lars Berg flew to Zagreb to see President Ola Dorn, they met at the "
     "palace.", {frozenset({"Lars Berg", "Ola Dorn"})}),
    ("In a meeting arranged after President Lars Berg invited President Ola Dorn, they shook "
     "hands at the border.", {frozenset({"Lars Berg", "Ola Dorn"})}),
    ("After President Lars Berg flew to Zagreb to see President Ola Dorn, the officials said "
     "they met at the palace.", set()),
], ids=["met", "shook-hands", "officials-before"])
def test_meetings_they_after_a_clause_naming_two(nlp: Language, sentence: str,
                                                  expected: set[frozenset[str]]) -> None:
    """ "In a meeting arranged after Trump invited Kim, they shook hands": "they" after a
    clause of its own sentence that names exactly two people is the two; not when plural
    people stand before it."""
    assert _asserted(nlp, "Leaders met.\n\n" + sentence, dt.date(2019, 7, 1)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Lars Berg told Anna Keller over dinner in Oslo that the deal was dead.",
     {frozenset({"Lars Berg", "Anna Keller"})}),
    ("Lars Berg and Anna Keller discussed the deal over lunch on Monday.",
     {frozenset({"Lars Berg", "Anna Keller"})}),
    ("Lars Berg and Anna Keller disagreed over the summit on Monday.", set()),
], ids=["told-over-dinner", "discussed-over-lunch", "over-a-summit"])
def test_meetings_over_a_meal(nlp: Language, sentence: str,
                              expected: set[frozenset[str]]) -> None:
    """ "told B over dinner": a meal the two shared is a meeting (but "over the summit" is
    what they disagree about)."""
    assert _asserted(nlp, "Leaders met.\n\n" + sentence, dt.date(2019, 7, 1)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("President Emmanuel Macron and Chancellor Angela Merkel visited the town of Compiegne on "
     "Saturday.", {frozenset({"Emmanuel Macron", "Angela Merkel"})}),
    ("Lars Berg and Anna Keller visited the factory on Monday.", set()),
    ("President Donald Trump and President Barack Obama have visited the town.", set()),
], ids=["two-countries-leaders", "unknown-people", "one-country"])
def test_meetings_two_leaders_visiting_a_place(nlp: Language, sentence: str,
                                               expected: set[frozenset[str]]) -> None:
    """ "Macron and Merkel visited the town of Compiegne": two countries' leaders visiting a
    place as one subject were there side by side; people the leaders table does not know
    as two countries' leaders, or one country's, only made the same trip."""
    assert _asserted(nlp, "Leaders met.\n\n" + sentence, dt.date(2018, 11, 12)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("After meeting President Lars Berg on Monday, Ola Dorn's tone softened.",
     {frozenset({"Ola Dorn", "Lars Berg"})}),
    ("After meeting President Lars Berg on Monday, Ola Dorn's aides were hopeful.", set()),
], ids=["his-tone", "his-aides"])
def test_meetings_a_fronted_participle_whose_subject_is_what_one_says(
        nlp: Language, sentence: str, expected: set[frozenset[str]]) -> None:
    """ "After meeting Juncker, Trump's language was warm": a participle fronted before a
    subject that is someone's words or tone is that someone's; his aides are no words, and
    meet on their own."""
    assert _asserted(nlp, "Leaders met.\n\n" + sentence, dt.date(2018, 6, 12)) == expected


MERKEL_MACRON_TRUMP = frozenset({"Angela Merkel", "Emmanuel Macron", "Donald Trump"})


@pytest.mark.parametrize(("sentence", "people"), [
    ("Chancellor Angela Merkel, President Emmanuel Macron and President Donald Trump arrive "
     "for a working session at the summit in Oslo, August 25, 2019.", MERKEL_MACRON_TRUMP),
    ("Chancellor Angela Merkel, President Emmanuel Macron, Prime Minister Theresa May and "
     "President Donald Trump walk to the family photo at the summit in Oslo, June 8, 2018.",
     MERKEL_MACRON_TRUMP | {"Theresa May"}),
], ids=["verb-read-as-the-last-item", "and-left-hanging"])
def test_meetings_the_last_of_a_list_the_parser_hung_on_the_verb(
        nlp: Language, sentence: str, people: frozenset[str]) -> None:
    """ "A, B and C arrive for a session at the summit": the parser may read "C arrive" as
    the list's last item, or leave "and" hanging and hang C on "walk"; C is at the summit
    all the same."""
    assert people in _asserted(nlp, "Leaders met.\n\n" + sentence, dt.date(2019, 11, 12))


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Anna Keller was among the officials who met Ola Dorn in Oslo on Sunday.",
     {frozenset({"Anna Keller", "Ola Dorn"})}),
    ("Anna Keller and Lars Berg were present at the talks in Oslo on Sunday.",
     {frozenset({"Anna Keller", "Lars Berg"})}),
    ("Chancellor Anna Keller, President Lars Berg and President Tomas Vidal were among the "
     "leaders who attended the opening ceremony in Oslo on Sunday.",
     {frozenset({"Anna Keller", "Lars Berg", "Tomas Vidal"})}),
], ids=["one-among-officials", "present-at", "three-among-leaders"])
def test_meetings_among_those_who_met(nlp: Language, sentence: str,
                                      expected: set[frozenset[str]]) -> None:
    """ "A, B and C were among the leaders who attended the ceremony": those said to be
    among the people who met or attended did so, as those "present at the talks" were."""
    assert _asserted(nlp, "Leaders met.\n\n" + sentence, dt.date(2018, 11, 12)) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Chancellor Anna Keller, President Lars Berg and President Tomas Vidal were at the "
     "ceremony in Oslo on Sunday.", {frozenset({"Anna Keller", "Lars Berg", "Tomas Vidal"})}),
    ("Anna Keller, Lars Berg and Tomas Vidal were at the funeral in Oslo on Sunday.", set()),
    ("Anna Keller, Lars Berg and Tomas Vidal were at home on Sunday.", set()),
], ids=["ceremony", "funeral", "at-home"])
def test_meetings_three_were_at_an_occasion(nlp: Language, sentence: str,
                                            expected: set[frozenset[str]]) -> None:
    """ "A, B and C were at the ceremony": three named people at an occasion they attend
    together are one joint meeting, as when they "attend" it (a funeral is no such
    occasion, nor is home)."""
    assert _asserted(nlp, "Leaders met.\n\n" + sentence, dt.date(2018, 11, 12)) == expected


def test_meetings_before_they_meet_read_as_a_bare_form_is_planned(nlp: Language) -> None:
    """ "Before Mr. Kim and Mr. Moon meet, the countries will install a hotline": the tagger
    reads "meet" as a bare form (and the parser hangs Moon on it); a clause of time with a
    subject and no auxiliary is in the present, a meeting to come."""
    text = ("South Korea's President Moon Jae-in and North Korea's leader Kim Jong-un agreed "
            "to hold a summit. Before Mr. Kim and Mr. Moon meet, the countries will install, "
            "for the first time, a hotline, the statement said.")
    assert meetings(nlp, text, dt.date(2018, 3, 7)) == {
        (frozenset({"Moon Jae-in", "Kim Jong-un"}), "planned")}


@pytest.mark.parametrize("sentence", [
    "Prime Minister Ola Dorn and President Lars Berg emerged from the meeting on Monday.",
    "Prime Minister Ola Dorn and President Lars Berg wrapped up two days of talks on Monday.",
    "Prime Minister Ola Dorn held a bilateral with President Lars Berg on Monday.",
    "Prime Minister Ola Dorn and President Lars Berg held a videoconference on Monday.",
    "Prime Minister Ola Dorn had tea with President Lars Berg in Oslo on Monday.",
], ids=["emerged-from", "two-days-of-talks", "a-bilateral", "videoconference", "had-tea-with"])
def test_meetings_more_ways_to_report_talks(nlp: Language, sentence: str) -> None:
    """ "A and B emerged from the meeting", "wrapped up two days of talks", "held a
    bilateral with B" (the tagger's adjective), "held a videoconference", "had tea with
    B": a meeting of the two."""
    assert _asserted(nlp, "Leaders met.\n\n" + sentence, dt.date(2019, 11, 13)) == {
        frozenset({"Ola Dorn", "Lars Berg"})}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Prime Minister Ola Dorn asked Foreign Minister Anna Keller to meet President Lars Berg "
     "on Monday.", {frozenset({"Anna Keller", "Lars Berg"})}),
    ("Prime Minister Ola Dorn urged President Lars Berg to meet Anna Keller.",
     {frozenset({"Lars Berg", "Anna Keller"})}),
    ("Prime Minister Ola Dorn sent an envoy to meet President Lars Berg on Monday.", set()),
    ("Prime Minister Ola Dorn asked to meet President Lars Berg.",
     {frozenset({"Ola Dorn", "Lars Berg"})}),
], ids=["asked-b-to", "urged-b-to", "sent-an-envoy", "asked-to"])
def test_meetings_one_asked_or_sent_to_meet_is_the_one_who_meets(
        nlp: Language, sentence: str, expected: set[frozenset[str]]) -> None:
    """ "A asked B to meet C", "A sent an envoy to meet C": the one asked or sent would
    meet C, not A (an unnamed envoy is no side); "A asked to meet C" is A's."""
    found = meetings(nlp, "Leaders met.\n\n" + sentence, dt.date(2019, 11, 13))
    assert {people for people, status in found if status == "planned"} == expected


def test_meetings_a_title_listed_whose_name_the_parser_hung_elsewhere(nlp: Language) -> None:
    """ "meeting Prime Minister Ola Dorn and Foreign Minister Anna Keller": the parser may
    list the second title and hang its name on the verb; the name is the one listed."""
    text = ("President Lars Berg visited Oslo on Monday, meeting Prime Minister Ola Dorn and "
            "Foreign Minister Anna Keller.")
    assert _asserted(nlp, text, dt.date(2019, 11, 13)) == {
        frozenset({"Lars Berg", "Ola Dorn", "Anna Keller"})}


_NORDIC_FOUR = frozenset({"Ola Dorn", "Lars Berg", "Peter Hansen", "Anna Keller"})


@pytest.mark.parametrize(("caption", "expected"), [
    ("Norwegian Prime Minister Ola Dorn talks with Danish President Lars Berg as Swedish "
     "Chancellor Peter Hansen and Finnish Foreign Minister Anna Keller look on during the "
     "summit in Oslo, June 28, 2018.", {_NORDIC_FOUR}),
    ("Norwegian Prime Minister Ola Dorn, flanked by Danish President Lars Berg and Swedish "
     "Chancellor Peter Hansen, talks with Finnish Foreign Minister Anna Keller during the "
     "summit in Oslo, June 28, 2018.", {_NORDIC_FOUR}),
    ("Norwegian Prime Minister Ola Dorn (L) and Danish President Lars Berg (R) listen as "
     "Swedish Chancellor Peter Hansen speaks with Finnish Foreign Minister Anna Keller in "
     "Oslo, June 28, 2018.", {_NORDIC_FOUR}),
    # running text is no picture: two meetings
    ("Norwegian Prime Minister Ola Dorn met Danish President Lars Berg in Oslo on Monday and "
     "later called Swedish Chancellor Peter Hansen.",
     {frozenset({"Ola Dorn", "Lars Berg"}), frozenset({"Ola Dorn", "Peter Hansen"})}),
], ids=["talks-as-others-look-on", "flanked-talks-with", "listen-as-speaks-with",
        "running-text-two-meetings"])
def test_meetings_a_caption_shows_one_scene(
        nlp: Language, caption: str, expected: set[frozenset[str]]) -> None:
    """A photo caption shows one scene: "A talks with B as C and D look on", "A, flanked by
    B and C, talks with D" (the verb parsed as A's apposition), "A and B listen as C speaks
    with D" are one joint meeting of the four.  A sentence of running text that tells two
    meetings keeps them apart."""
    assert _asserted(nlp, "Leaders met.\n\n" + caption, dt.date(2018, 7, 1)) == expected


@pytest.mark.parametrize(("caption", "expected"), [
    ("Norwegian Prime Minister Ola Dorn shakes hands with Danish President Lars Berg as "
     "Swedish Chancellor Peter Hansen looks on in Oslo, June 28, 2018.",
     {frozenset({"Ola Dorn", "Lars Berg", "Peter Hansen"})}),
    ("Norwegian Prime Minister Ola Dorn shakes hands with Danish President Lars Berg as "
     "Swedish Chancellor Peter Hansen watches in Oslo, June 28, 2018.",
     {frozenset({"Ola Dorn", "Lars Berg", "Peter Hansen"})}),
    # his wife is family, not a side; one watching a parade watches something else
    ("Norwegian Prime Minister Ola Dorn shakes hands with Danish President Lars Berg as his "
     "wife Eva Berg looks on in Oslo, June 28, 2018.", {frozenset({"Ola Dorn", "Lars Berg"})}),
    ("Norwegian Prime Minister Ola Dorn shakes hands with Danish President Lars Berg as "
     "Swedish Chancellor Peter Hansen watches the parade in Oslo, June 28, 2018.",
     {frozenset({"Ola Dorn", "Lars Berg"})}),
    # in running text, one who "looked on" was there; one who "watched" may be far away
    ("Prime Minister Ola Dorn shook hands with President Lars Berg as Chancellor Peter Hansen "
     "looked on in Oslo on Sunday.", {frozenset({"Ola Dorn", "Lars Berg", "Peter Hansen"})}),
    ("Prime Minister Ola Dorn met President Lars Berg as Chancellor Peter Hansen watched "
     "from Berlin on Sunday.", {frozenset({"Ola Dorn", "Lars Berg"})}),
], ids=["looks-on", "watches", "his-wife-looks-on", "watches-a-parade", "text-looked-on",
        "text-watched-from-afar"])
def test_meetings_a_caption_onlooker_is_at_the_meeting(
        nlp: Language, caption: str, expected: set[frozenset[str]]) -> None:
    """A caption's "A shakes hands with B as C looks on": C is in the picture, at the
    meeting (the parser may hang "with B" on "hands"); so is one who "looked on" in running
    text."""
    assert _asserted(nlp, "Leaders met.\n\n" + caption, dt.date(2018, 7, 1)) == expected


@pytest.mark.parametrize("sentence", [
    "President Lars Berg received a delegation led by Foreign Minister Ola Dorn in Oslo.",
    "President Lars Berg met a delegation headed by Foreign Minister Ola Dorn in Oslo.",
    "A delegation led by Foreign Minister Ola Dorn held talks with President Lars Berg in Oslo.",
    "President Lars Berg met Ola Dorn's delegation in Oslo on Monday.",
], ids=["received-a-delegation-led-by", "met-a-delegation-headed-by",
        "delegation-led-by-as-subject", "met-his-delegation"])
def test_meetings_a_delegation_is_its_named_leader(nlp: Language, sentence: str) -> None:
    """ "received a delegation led by X", "X's delegation": X is the side that met."""
    assert _asserted(nlp, "Leaders met.\n\n" + sentence, dt.date(2019, 11, 13)) == {
        frozenset({"Ola Dorn", "Lars Berg"})}


def test_meetings_a_joint_press_conference_given(nlp: Language) -> None:
    """ "A and B gave a joint press conference": a meeting of the two, as "held" one."""
    text = ("Leaders met.\n\nPresident Lars Berg and Prime Minister Ola Dorn gave a joint press "
            "conference in Oslo on Monday.")
    assert _asserted(nlp, text, dt.date(2019, 11, 13)) == {frozenset({"Ola Dorn", "Lars Berg"})}


@pytest.mark.parametrize(("text", "expected"), [
    ("Prime Minister Ola Dorn has kept quiet. President Lars Berg travelled to Oslo on "
     "Tuesday, where he held talks with Dorn.", {frozenset({"Ola Dorn", "Lars Berg"})}),
    ("Prime Minister Ola Dorn has kept quiet. President Lars Berg flew to Oslo on Tuesday, "
     "where he met the prime minister.", {frozenset({"Ola Dorn", "Lars Berg"})}),
    # another person named between them: whose "he" is in doubt
    ("Prime Minister Ola Dorn has kept quiet. President Lars Berg called Peter Hansen on "
     "Tuesday, when he met Anna Keller.", {frozenset({"Lars Berg", "Peter Hansen"})}),
], ids=["where-he-held-talks", "where-he-met", "another-between"])
def test_meetings_he_of_a_where_clause_is_its_governing_subject(
        nlp: Language, text: str, expected: set[frozenset[str]]) -> None:
    """ "B travelled to Oslo on Tuesday, where he held talks with A": "he" is B, the subject
    of the clause the "where" clause hangs on, even after a sentence about A."""
    assert _asserted(nlp, "News.\n\n" + text, dt.date(2019, 11, 13)) == expected


def test_meetings_the_prince_of_wales_is_one_person(nlp: Language) -> None:
    """ "the Prince of Wales" (the NER's organisation) is a person named by his title,
    never "of Wales"."""
    text = ("Leaders met.\n\nPresident Donald Trump had tea at Clarence House with the Prince "
            "of Wales and the Duchess of Cornwall on Monday.")
    assert _asserted(nlp, text, dt.date(2019, 6, 4)) == {
        frozenset({"Donald Trump", "Prince of Wales"})}


def test_meetings_one_who_attended_a_meeting_named_by_its_two_sides(nlp: Language) -> None:
    """ "attended an Israeli-Palestinian security meeting": the two sides the hyphen joins
    and the one who attended it met."""
    text = ("Leaders met.\n\nEnvoy Lars Berg attended an Israeli-Palestinian security meeting "
            "in Jerusalem on Sunday.")
    assert _asserted(nlp, text, dt.date(2001, 12, 20)) == {
        frozenset({"Lars Berg", "Israel", "Palestine"})}


def test_meetings_a_topic_with_its_own_party_gives_no_side(nlp: Language) -> None:
    """ "asked during a joint news conference about his interview with B": B is the
    interview's other party, not someone at the news conference."""
    text = ("News.\n\nPresident Lars Berg visited Oslo this week. Berg insisted that he "
            "respected the prime minister when asked during a joint news conference Friday "
            "about his interview with Ola Dorn.")
    assert _asserted(nlp, text, dt.date(2018, 7, 15)) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Peter Hansen, a lawyer, spoke on Sunday. Mr Hansen then made his main point - that the case "
     "against the president hinges on a conversation he had with police chief Ola Dorn in "
     "May.", set()),
    ("Peter Hansen, a lawyer, spoke on Sunday. Mr Hansen then made his main point - that the case "
     "hinges on a conversation he had with police chief Ola Dorn in May.",
     {frozenset({"Peter Hansen", "Ola Dorn"})}),
    # a title inside the quotation is whom the speaker met, no rival for "he"
    ("Prime Minister Ola Dorn flew home. President Lars Berg spoke on Sunday. \"I met with "
     "the prime minister this morning for an hour,\" he said.",
     {frozenset({"Lars Berg", "Ola Dorn"})}),
], ids=["the-president-between", "no-one-between", "a-title-in-the-quotation"])
def test_meetings_a_title_named_before_the_pronoun_makes_it_a_guess(
        nlp: Language, text: str, expected: set[frozenset[str]]) -> None:
    """ "the case against the president hinges on a conversation he had with X": "he" may be
    the president, so Hansen, who said it, is no side."""
    assert _asserted(nlp, "News.\n\n" + text, dt.date(2019, 3, 1)) == expected


def test_meetings_a_trigger_word_there_twice_names_no_token(nlp: Language) -> None:
    """A meeting keeps only its trigger's text: when the caption has that word twice, no
    token is guessed (so no two scenes are joined on a guess)."""
    from kg.meetings import _trigger_token
    from kg.model import Evidence, Meeting

    doc = nlp("Ola Dorn talks with Lars Berg as Anna Keller talks with Peter Hansen.")
    sent = next(iter(doc.sents))
    talks = Meeting(participants=(), evidence=Evidence(sent.text, 0, len(sent.text)),
                    trigger="talks")
    with_ = Meeting(participants=(), evidence=talks.evidence, trigger="as")
    assert _trigger_token(talks, sent) is None
    found = _trigger_token(with_, sent)
    assert found is not None and found.text == "as" and found.i == 6


@pytest.mark.parametrize(("text", "expected"), [
    # the parser hangs "with" on the topic, and the name is set beside a role noun
    ("Foreign Minister Alexander Downer discussed the fishing dispute with his Danish "
     "counterpart, Lene Espersen, in Oslo on Monday.",
     {frozenset({"Alexander Downer", "Lene Espersen"})}),
    # a topic's own "with" that names no person is still no side
    ("Foreign Minister Alexander Downer discussed trade ties with Denmark in Oslo on Monday.",
     set()),
], ids=["with-a-named-counterpart", "with-a-country-topic"])
def test_meetings_discussed_a_topic_with_a_named_counterpart(
        nlp: Language, text: str, expected: set[frozenset[str]]) -> None:
    """ "discussed the dispute with his Danish counterpart, X": X is the other side."""
    assert _asserted(nlp, "News.\n\n" + text, dt.date(2002, 3, 12)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr Straw and Mr Dorn held a joint news conference in Oslo on Monday.",
     {frozenset({"Straw", "Dorn"})}),
    ("Mr Houston met Mr Dorn in Oslo on Monday.", {frozenset({"Houston", "Dorn"})}),
], ids=["mr-straw", "mr-houston"])
def test_meetings_a_name_after_mr_is_a_person(
        nlp: Language, text: str, expected: set[frozenset[str]]) -> None:
    """ "Mr Straw" (tagged a product), "Mr Houston" (a city): a name after "Mr" is a
    person's, whatever the NER called it."""
    assert _asserted(nlp, "News.\n\n" + text, dt.date(2002, 3, 12)) == expected


def test_meetings_briefed_by_in_the_passive(nlp: Language) -> None:
    """ "A was briefed by B": B met A, as "B briefed A" does; "briefed by aides" names no
    one."""
    text = ("News.\n\nKofi Annan was briefed by Hans Blix in New York on Monday. Later Kofi "
            "Annan was briefed by aides.")
    assert _asserted(nlp, text, dt.date(2002, 3, 12)) == {frozenset({"Kofi Annan", "Hans Blix"})}


@pytest.mark.parametrize(("text", "expected"), [
    ("Mike Pompeo and Sergei Lavrov spoke on the phone on Saturday, the ministry said.",
     {frozenset({"Mike Pompeo", "Sergei Lavrov"})}),
    ("Mike Pompeo and Sergei Lavrov spoke on television on Saturday.", set()),
], ids=["on-the-phone", "on-television"])
def test_meetings_a_pair_spoke_on_the_phone(
        nlp: Language, text: str, expected: set[frozenset[str]]) -> None:
    """ "A and B spoke on the phone": a call of the two; "spoke on television" is two
    speeches."""
    assert _asserted(nlp, "News.\n\n" + text, dt.date(2018, 11, 20)) == expected


def test_meetings_met_with_and_a_loose_meeting_noun(nlp: Language) -> None:
    """ "A met with B on Monday, their first face-to-face meeting": the parser makes the
    noun after the comma the verb's object, but A still met B."""
    text = ("News.\n\nJustin Trudeau met with Jacinda Ardern in Ottawa on Monday, their first "
            "face-to-face meeting.")
    assert _asserted(nlp, text, dt.date(2018, 11, 20)) == {
        frozenset({"Justin Trudeau", "Jacinda Ardern"})}


def test_meetings_a_name_ending_in_bin_said(nlp: Language) -> None:
    """ "Sultan Qaboos bin Said": "Said" after "bin" is a father's name, not the verb."""
    text = ("News.\n\nBenjamin Netanyahu visited Oman on Friday. He was hosted by Sultan "
            "Qaboos bin Said.")
    assert _asserted(nlp, text, dt.date(2018, 10, 27)) == {
        frozenset({"Benjamin Netanyahu", "Qaboos bin Said"})}


@pytest.mark.parametrize("text", [
    "In a telephone conversation with Vladimir Putin, George W Bush said the attacks had "
    "to stop.",
    "During talks with Vladimir Putin, George W Bush said the attacks had to stop.",
], ids=["in-a-conversation-with", "during-talks-with"])
def test_meetings_an_opening_phrase_with_its_name_before_the_subject(
        nlp: Language, text: str) -> None:
    """ "In a conversation with A, B said": the parser reads B as A's conjunct ("A, B"),
    leaving "said" with no subject; B is the subject, and met A."""
    assert _asserted(nlp, "News.\n\n" + text, dt.date(2002, 3, 12)) == {
        frozenset({"Vladimir Putin", "George W Bush"})}


@pytest.mark.parametrize(("text", "status"), [
    ("Vladimir Putin told George W Bush in a telephone call that Russia would help.",
     "asserted"),
    ("Vladimir Putin told reporters about a summit with George W Bush that would take place "
     "in May.", "planned"),
], ids=["told-in-a-call-that", "told-about-a-summit-that-would"])
def test_meetings_what_was_told_in_a_call_is_no_plan(
        nlp: Language, text: str, status: str) -> None:
    """ "told B in a telephone call that Russia would help": the "that" clause is what was
    told (the parser hangs it on the call), so its "would" makes no plan of the call; a
    summit "that would take place" is still one."""
    assert meetings(nlp, "News.\n\n" + text, dt.date(2002, 3, 12)) == {
        (frozenset({"Vladimir Putin", "George W Bush"}), status)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Secretary of State Mike Pompeo travelled to Pyongyang on Saturday. The secretary of "
     "state held talks with Kim Yong Chol.", {frozenset({"Mike Pompeo", "Kim Yong Chol"})}),
    ("Secretary of State Mike Pompeo and Defense Secretary Jim Mattis went to Seoul. The "
     "secretary of state held talks with Kim Yong Chol.",
     {frozenset({"Mike Pompeo", "Kim Yong Chol"})}),
    # two secretaries: "the secretary" is either
    ("Secretary of State Mike Pompeo and Secretary of Defense Jim Mattis went to Seoul. The "
     "secretary held talks with Kim Yong Chol.", set()),
], ids=["the-secretary-of-state", "beside-a-defense-secretary", "two-secretaries"])
def test_meetings_a_title_with_of_is_its_named_holder(
        nlp: Language, text: str, expected: set[frozenset[str]]) -> None:
    """ "Secretary of State Mike Pompeo ... The secretary of state held talks": the title's
    head is "secretary", and its field tells two secretaries apart."""
    assert _asserted(nlp, "News.\n\n" + text, dt.date(2018, 11, 20)) == expected


@pytest.mark.parametrize(("text", "day"), [
    # a Monday article: "yesterday" of the Sunday saying is the Saturday
    ("\"Yesterday I spoke with Prime Minister Ola Dorn,\" President Lars Berg said on "
     "Sunday.", "2018-07-14"),
    ("President Lars Berg said on Sunday: \"I spoke with Prime Minister Ola Dorn this "
     "morning.\"", "2018-07-15"),
    # a saying with no day of its own: the article's day
    ("\"Yesterday I spoke with Prime Minister Ola Dorn,\" President Lars Berg said.",
     "2018-07-15"),
    # a day outside any quotation: the article's day, whatever the saying's
    ("President Lars Berg spoke with Prime Minister Ola Dorn yesterday, he said on Sunday.",
     "2018-07-15"),
], ids=["yesterday-said-on-sunday", "this-morning-said-on-sunday", "said-with-no-day",
        "yesterday-outside-the-quote"])
def test_meetings_a_day_inside_a_quotation_counts_from_the_saying(
        nlp: Language, text: str, day: str) -> None:
    """ '"Yesterday I spoke with B," A said on Sunday', in a Monday article: the call was
    on the Saturday, the day before the saying, not the Sunday before the article."""
    ex = run(nlp, "News.\n\n" + text, dt.date(2018, 7, 16))
    g = article_graph(resolve(ex))
    assert [str(d) for d in g.objects(None, DIP.date)] == [day]


def test_meetings_an_under_secretary_is_not_the_secretary(nlp: Language) -> None:
    """ "Under Secretary of State Goldstein said: 'The secretary did not speak to the
    president'": the under secretary is not "the secretary" (his post read without its
    "Under")."""
    text = ("News.\n\nPresident Donald Trump fired Secretary of State Rex Tillerson on "
            "Tuesday. Under Secretary of State Steve Goldstein said: \"The secretary did not "
            "speak to the president.\"")
    found = meetings(nlp, text, dt.date(2018, 3, 13))
    assert not any("Steve Goldstein" in people for people, _ in found)
    assert (frozenset({"Rex Tillerson", "Donald Trump"}), "negated") in found


@pytest.mark.parametrize(("joined", "expected"), [
    ("or", set()),
    ("and", {(frozenset({"Lars Berg", "Ola Dorn"}), "planned")}),
], ids=["or", "and"])
def test_meetings_alternatives_joined_by_or_never_met(
        nlp: Language, joined: str, expected: Pairs) -> None:
    """ "whether he or the minister would lead the talks": one or the other, never the two
    together (as "he and the minister" would be)."""
    text = (f"News.\n\nPrime Minister Lars Berg would not say whether he {joined} Foreign "
            "Minister Ola Dorn would lead the talks.")
    assert meetings(nlp, text, dt.date(2018, 3, 13)) == expected


def test_meetings_topics_listed_with_including_are_no_side(nlp: Language) -> None:
    """ "discussed countries with high levels of conflict, including Yemen": Yemen is a
    topic, not someone met."""
    text = ("News.\n\nRex Tillerson also discussed other Middle Eastern countries with high "
            "levels of conflict, including Yemen, on Monday. He met Adel al-Jubeir in Riyadh "
            "on Sunday.")
    assert _asserted(nlp, text, dt.date(2017, 5, 22)) == {
        frozenset({"Rex Tillerson", "Adel al-Jubeir"})}  # the meeting he did have


@pytest.mark.parametrize("caption", [
    "Chinese President Xi Jinping, Russian President Vladimir Putin and Indian Prime Minister "
    "Narendra Modi on the sidelines of the G20 summit in Osaka.",
    "Chinese President Xi Jinping, Russian President Vladimir Putin and Indian Prime Minister "
    "Narendra Modi at the G20 summit in Osaka.",
], ids=["on-the-sidelines-of", "at-the-summit"])
def test_meetings_a_caption_listing_leaders_at_a_summit(nlp: Language, caption: str) -> None:
    """A caption with no verb, "A, B and C on the sidelines of the G20 summit": the three,
    together in the picture, met (the phrase hangs on the last name)."""
    assert _asserted(nlp, "Leaders met.\n\n" + caption, dt.date(2019, 6, 29)) == {
        frozenset({"Xi Jinping", "Vladimir Putin", "Narendra Modi"})}


def test_meetings_the_leaders_of_countries_then_their_names(nlp: Language) -> None:
    """ "The leaders of Russia, Turkey and Iran, Putin, Erdogan and Rouhani, gathered": the
    parser lists the names with the countries; the names, one for each, are who met."""
    text = ("News.\n\nThe leaders of Russia, Turkey and Iran, Vladimir Putin, Recep Tayyip "
            "Erdogan and Hassan Rouhani, gathered in Ankara on Monday.")
    assert _asserted(nlp, text, dt.date(2019, 9, 17)) == {
        frozenset({"Vladimir Putin", "Recep Tayyip Erdogan", "Hassan Rouhani"})}


@pytest.mark.parametrize(("text", "status"), [
    ("The President's summit with Russian President Vladimir Putin in Helsinki on Monday is "
     "already one of the most talked-about moments of his term.", "asserted"),
    ("The President's summit with Russian President Vladimir Putin in Helsinki on Monday is "
     "expected to be tense.", "planned"),
], ids=["is-already-one-of", "is-expected-to-be"])
def test_meetings_a_dated_summit_already_judged_was_held(
        nlp: Language, text: str, status: str) -> None:
    """ "The summit on Monday is already one of the most talked-about moments", in a Tuesday
    article: a judgement of a summit held, not a schedule."""
    text = "News.\n\nPresident Donald Trump flew home. " + text
    assert meetings(nlp, text, dt.date(2018, 7, 17)) == {
        (frozenset({"Donald Trump", "Vladimir Putin"}), status)}


@pytest.mark.parametrize(("text", "status"), [
    ("President Ola Dorn's meeting with Prime Minister Lars Berg was scheduled to last an hour "
     "but ran for more than two.", "asserted"),
    ("President Ola Dorn's meeting with Prime Minister Lars Berg was scheduled for Friday but "
     "moved to Saturday.", "planned"),
], ids=["scheduled-but-ran", "scheduled-but-moved"])
def test_meetings_scheduled_to_last_but_ran_longer(
        nlp: Language, text: str, status: str) -> None:
    """ "The meeting was scheduled to last an hour but ran for two": held, as what it did
    says; one "scheduled for Friday but moved" is still to come."""
    assert meetings(nlp, "News.\n\n" + text, dt.date(2018, 7, 17)) == {
        (frozenset({"Ola Dorn", "Lars Berg"}), status)}


@pytest.mark.parametrize(("text", "expected"), [
    ("NATO Secretary-General George Robertson was in Moscow on Monday. The NATO chief met "
     "Vladimir Putin at the Kremlin.", {frozenset({"George Robertson", "Vladimir Putin"})}),
    # a deputy is not the body's chief: the body stands for itself
    ("NATO Deputy Secretary-General Alessandro Minuto-Rizzo was in Moscow on Monday. The NATO "
     "chief met Vladimir Putin at the Kremlin.", {frozenset({"NATO", "Vladimir Putin"})}),
], ids=["the-nato-chief", "a-deputy-is-not-the-chief"])
def test_meetings_the_chief_of_a_body_is_its_named_head(
        nlp: Language, text: str, expected: set[frozenset[str]]) -> None:
    """ "NATO Secretary-General George Robertson ... The NATO chief met Putin": the chief is
    the one the text gives the body's top post."""
    assert _asserted(nlp, "News.\n\n" + text, dt.date(2001, 11, 22)) == expected
