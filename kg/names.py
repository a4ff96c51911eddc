"""What a person's name looks like: its comparable words, its family name, and whether a
span the NER tagged is a clean name at all.

Everything here is a plain function over strings, so the rules can be read and tested on
their own:

- :func:`name_tokens` gives the words two spellings of one name share: ASCII-folded
  ("Erdoğan" is "erdogan"), hyphens split ("Kim Jong-un" is "Kim Jong Un"), initials
  dropped ("Donald J. Trump" is "Donald Trump"), common transliterations made one
  ("Sergey" is "Sergei"), and a patronymic bound to its particle ("bin Salman" is one
  word, so a bare "Salman" is never Mohammed bin Salman).
- :func:`family_name` is the word a bare mention of the person uses: the last word, or
  the first for East Asian names written family name first ("Kim" of "Kim Jong Un").
- :func:`is_clean_person_name` refuses what no person is called: scraping residue
  ("John TrumpTrump"), quotes, digits, page furniture ("Photographer"), buildings and
  bodies ("Trump Tower", "Kim Il Sung Square").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

from anyascii import anyascii

from kg import gazetteer

SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Generational suffixes: "Donald Trump Jr." is another person than "Donald Trump"."""

PARTICLES = frozenset({"bin", "ibn", "bint", "ben", "abu", "al", "el", "de", "da", "di", "du",
                       "del", "della", "der", "den", "van", "von", "la", "le", "ter", "y",
                       "dos", "das", "st"})
"""Lower-case words that may stand inside a name ("Mohammed bin Salman", "Ursula von der
Leyen")."""

PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben"})

ROYAL_TITLES = frozenset({"king", "queen", "prince", "princess", "emir", "sultan", "pope",
                          "emperor", "empress", "crown"})
"""Titles that are part of a royal name ("King Salman", "Queen Elizabeth II")."""

_TRANSLIT = {
    "sergey": "sergei", "raoul": "raul", "sergej": "sergei", "yevgeny": "evgeny",
    "yevgeniy": "evgeny",
    "evgeni": "evgeny", "dmitri": "dmitry", "dmitriy": "dmitry", "yuri": "yury", "yuriy": "yury",
    "aleksandr": "alexander", "alexandr": "alexander", "aleksander": "alexander",
    "aleksei": "alexei", "alexey": "alexei", "aleksey": "alexei", "andrey": "andrei",
    "nikolay": "nikolai", "vasily": "vasili", "vasiliy": "vasili",
    "arkady": "arkadi", "anatoly": "anatoli", "valery": "valeri", "gennady": "gennadi",
    "grigory": "grigori", "maksim": "maxim", "zelenskyy": "zelensky", "zelenskiy": "zelensky",
    "mohammad": "mohammed", "muhammad": "mohammed", "mohamed": "mohammed",
    "muhammed": "mohammed", "mohamad": "mohammed", "mohammad-javad": "mohammed-javad",
    "hassan": "hasan", "hussain": "hussein", "husain": "hussein", "osama": "usama",
    "mahmoud": "mahmud", "ahmad": "ahmed", "ahmet": "ahmed", "abdallah": "abdullah",
    "abdulla": "abdullah", "qaddafi": "gaddafi", "gadhafi": "gaddafi", "kadhafi": "gaddafi",
    "qadhafi": "gaddafi", "rouhani": "rohani", "rowhani": "rohani", "el-sisi": "sisi",
}
_TRANSLIT.update({  # short forms of English given names
    "mike": "michael", "bill": "william", "bob": "robert", "jim": "james", "joe": "joseph",
    "tom": "thomas", "chuck": "charles", "dan": "daniel", "dave": "david", "tony": "anthony",
    "jeff": "jeffrey", "nick": "nicholas", "matt": "matthew", "chris": "christopher",
    "ron": "ronald", "larry": "lawrence", "rick": "richard", "dick": "richard",
    "liz": "elizabeth", "kate": "katherine", "sandy": "alexandra", "rudy": "rudolph"})
"""Spellings of one name in English news, folded to one.  Kept short and explicit: a
reader can predict every merge it causes."""

EAST_ASIAN_FAMILY = frozenset({
    "kim", "lee", "park", "moon", "choi", "chung", "jung", "yoon", "roh", "ban", "kang",
    "cho", "jang", "han", "shin", "hwang", "ahn", "song", "oh", "ri", "yun", "hong", "ko",
    "xi", "li", "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu",
    "sun", "ma", "zhu", "hu", "guo", "he", "lin", "luo", "zheng", "liang", "xie", "tang",
    "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai",
    "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren", "shen", "yao",
    "wen", "jia", "fu", "tsai", "lam", "tam", "leung", "wong", "chan", "ng", "lai", "chiang",
    "hun", "mao", "kuo", "hou",
})
"""Family names written first ("Kim Jong Un", "Xi Jinping", "Moon Jae-in"): their bare
form names the person by the first word.  Vietnamese names are not here: news calls "Le
Van Mai" "Mai", by the last word."""

FURNITURE_WORDS = frozenset({
    "photographer", "photo", "photos", "getty", "images", "reuters", "afp", "ap", "epa",
    "more", "says", "said", "breaking", "invoking", "via", "file", "caption", "copyright",
    "video", "watch", "read", "click", "subscribe", "newsletter", "update", "updated",
    "exclusive", "live", "opinion", "analysis", "twitter", "tweet", "tweets", "facebook",
    "instagram", "youtube", "podcast", "pinterest", "whatsapp", "linkedin", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "june", "july",
    "august", "september", "october", "november", "december", "administration",
    "presidency", "campaign", "doctrine", "era", "impeachment", "summit", "visit", "team",
    # a headline's verb after its subject ("May Says Trump Told Her to Sue the EU")
    "told", "tells", "calls", "slams", "urges", "warns", "asks", "blasts", "vows", "praises",
    "defends", "denies", "accuses", "admits", "reveals", "insists", "threatens", "hails",
    "rejects", "announces", "confirms",
})
"""Words no person's name contains; a name that ends or starts with one is trimmed or
refused ("Wilbur Ross Photographer", "Trump Says", "Breaking David Cameron")."""

PLACE_WORDS = frozenset({
    "tower", "towers", "square", "hotel", "hotels", "palace", "house", "hall", "street",
    "avenue", "road", "bridge", "airport", "station", "center", "centre", "park", "plaza",
    "building", "resort", "club", "stadium", "university", "college", "school", "institute",
    "foundation", "organization", "organisation", "corporation", "company", "group", "party",
    "hospital", "museum", "library", "memorial", "base", "island", "islands", "river",
    "mountain", "lake", "sea", "bay", "cabinet", "council", "committee", "ministry",
    "department", "agency", "office", "court", "bank", "fund", "act", "law", "bill", "prize",
    "award", "medal", "heart", "cup", "games", "accord", "accords", "treaty", "deal",
    "plan", "doctrine", "inc", "ltd", "llc", "co", "corp", "news", "times", "post",
    "journal", "network", "tv", "radio", "magazine", "airlines", "airways", "motors",
    "tweet", "tweets", "channel", "show", "twitter", "world", "energy", "oil", "petroleum",
    "holdings", "capital", "partners", "industries", "systems", "technologies", "media",
    "pharmaceuticals", "communications", "international", "global", "resources", "solutions",
    "ventures", "investments", "securities", "financial", "insurance", "steel", "mining",
    "chemicals", "foods", "entertainment", "studios", "records", "films",
})
"""Last words of places, bodies, laws and awards ("Trump Tower", "Kim Il Sung Square",
"Purple Heart"): a span ending with one is no person."""

NON_ACTORS = frozenset({
    "brexit", "obamacare", "medicare", "medicaid", "purple heart", "nobel peace prize",
    "medal of freedom", "presidential medal of freedom", "the purple heart", "jcpoa",
    "nafta", "usmca", "new start", "brexit party", "covid", "covid-19", "coronavirus",
    "christmas", "easter", "ramadan", "eid", "hanukkah", "thanksgiving", "god", "allah",
    "jesus", "jesus christ", "twitter", "facebook", "instagram", "youtube", "google",
    "parliament",
})
"""Names the small model often tags as people that are laws, awards, products, holidays or
bodies: never a person, and no actor ("Parliament" is every country's; "Congress" and
"Senate" are bodies, :data:`KNOWN_BODIES`)."""

KNOWN_BODIES = frozenset(n.lower() for n in (
    # international bodies and alliances
    "United Nations", "UN", "NATO", "Nato", "European Union", "EU", "European Commission",
    "European Parliament", "African Union", "Arab League", "ASEAN", "OPEC", "Opec", "G7",
    "G-7", "G8", "G20", "G-20", "IMF", "World Bank", "WTO", "WHO", "UNESCO", "UNICEF",
    "UNHCR", "IAEA", "OSCE", "Interpol", "Red Cross", "Security Council", "Hamas",
    "Hezbollah", "Taliban", "al-Qaeda", "Islamic State", "ISIS", "ISIL", "Daesh", "Fatah",
    "Houthis", "Kremlin", "Pentagon", "White House", "Congress", "Senate", "Parliament",
    "Bundestag", "Knesset", "Duma", "Politburo", "Likud", "Labour", "Conservatives", "Tories",
    "Democrats", "Republicans", "GOP", "SNP", "Sinn Fein", "Amnesty International",
    "Human Rights Watch", "FBI", "CIA", "NSA", "DHS", "ICE", "NASA", "Mossad", "MI5", "MI6",
    "KGB", "FSB", "GRU", "IRGC", "Revolutionary Guards", "Quds Force", "Wagner",
    # companies
    "Apple", "Google", "Alphabet", "Amazon", "Microsoft", "Facebook", "Meta", "Twitter",
    "Huawei", "ZTE", "Samsung", "Sony", "Toyota", "Honda", "Nissan", "Volkswagen", "BMW",
    "Daimler", "Mercedes", "Ford", "General Motors", "GM", "Tesla", "Boeing", "Airbus",
    "Lockheed Martin", "Raytheon", "Northrop Grumman", "BAE Systems", "General Electric",
    "GE", "Exxon", "ExxonMobil", "Exxon Mobil", "Chevron", "Shell", "Royal Dutch Shell", "BP",
    "Total", "Gazprom", "Rosneft", "Lukoil", "Aramco", "Saudi Aramco", "Glencore",
    "GlaxoSmithKline", "GSK", "Pfizer", "Moderna", "AstraZeneca", "Johnson & Johnson",
    "Novartis", "Roche", "Sanofi", "Bayer", "Reckitt Benckiser", "Unilever", "Nestle",
    "Goldman Sachs", "JPMorgan", "JPMorgan Chase", "Morgan Stanley", "Citigroup", "Citi",
    "HSBC", "Barclays", "Deutsche Bank", "UBS", "Credit Suisse", "BlackRock", "Walmart",
    "Carrier", "Harley-Davidson", "Caterpillar", "Intel", "Qualcomm", "Nvidia", "IBM",
    "Oracle", "Cisco", "Uber", "Netflix", "Disney", "Alibaba", "Tencent", "Baidu", "ByteDance",
    "TikTok", "WeChat", "Kaspersky", "Siemens", "Nokia", "Ericsson", "Embraer", "Petrobras",
    "Odebrecht", "Pemex", "Trump Organization", "Deripaska", "Rusal", "Halliburton",
    # news organisations
    "Reuters", "AP", "Associated Press", "AFP", "BBC", "CNN", "Fox News", "NBC", "CBS",
    "ABC", "NPR", "MSNBC", "Al Jazeera", "Bloomberg", "Politico", "The Hill", "Breitbart",
    "Newsmax", "New York Times", "Washington Post", "Wall Street Journal", "Guardian",
    "USA Today", "Xinhua", "KCNA", "Yonhap", "TASS", "RIA Novosti", "Sputnik", "RT",
    "Axios", "Vox", "Daily Caller", "Times", "Telegraph", "Financial Times", "Economist",
))
"""Well-known bodies and companies: never a person, whatever the NER said."""

NOT_ALONE = frozenset({"president", "jr", "sr", "embassy", "minister", "secretary",
                       "senator", "governor", "king", "queen", "prince", "general", "mr",
                       "mrs", "ms", "sir", "lord", "lady", "pope", "chancellor", "premier",
                       "ambassador", "envoy", "spokesman", "spokeswoman", "official"})
"""Words that alone name no one (a title, a suffix)."""

SHARE_BUTTONS = frozenset({"facebook", "twitter", "pinterest", "instagram", "whatsapp",
                           "linkedin", "youtube", "tumblr", "reddit", "snapchat"})
"""Share buttons of scraped pages: no word of a person's name."""

TITLES_ONLY = frozenset({"sheikh", "shaikh", "sheik", "emir", "amir", "sultan", "imam",
                         "ayatollah", "crown", "vice", "taoiseach", "tanaiste", "councilor",
                         "councillor"})
"""Titles that, with no name after them, are no one's name ("Emir Sheikh")."""

NOT_LAST = frozenset({"president", "lawyer", "lawyers", "minister", "secretary", "spokesman",
                      "spokeswoman", "official", "officials", "adviser", "advisor",
                      "ambassador", "embassy", "memo", "memos", "email", "emails", "sign",
                      "labour", "labor", "tory", "democrat", "republican", "aide", "aides",
                      "envoy", "camp", "allies", "supporters", "loyalists", "voters", "fans",
                      "family", "government", "regime", "forces", "troops", "statement",
                      "letter", "speech", "remarks", "interview", "call", "meeting", "talks",
                      "trip", "visit", "tour", "summit"})
"""Words a person's name never ends with ("Trump Lawyer", "James Comey Memos")."""

HYPHEN_SUFFIXES = frozenset({
    "related", "led", "backed", "era", "style", "like", "based", "linked", "born", "appointed",
    "owned", "run", "funded", "allied", "aligned", "friendly", "free", "inspired", "brokered",
    "sponsored", "affiliated", "controlled", "supported", "imposed", "made", "bound", "held",
    "level", "type", "wide", "centric", "focused", "loyal", "leaning", "tied"})
"""English words after a hyphen that turn a name into an adjective ("Trump-related")."""

GIVEN_NAMES_LIKE_COUNTRIES = frozenset({"chad", "jordan", "israel", "georgia", "india",
                                        "kenya", "china", "france", "ireland", "malaysia"})

_NOT_IN_NAMES = re.compile(r"[\d\"“”()\[\]{}<>@#|_=+*/\\:;!?,&]")
_INITIAL = re.compile(r"^[a-z]\.?$")
_CAMEL = re.compile(r"[a-z]{2}[A-Z]")
_CAMEL_OK = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O'|D'|Al|El|Bin|Abu|St)[A-Z]")


def fold(text: str) -> str:
    """Lower-case ASCII: "Erdoğan" -> "erdogan", curly apostrophes dropped.

    >>> fold("Recep Tayyip Erdoğan"), fold("Jean-Marc Ayrault"), fold("Сергей Лавров")
    ('recep tayyip erdogan', 'jean-marc ayrault', 'sergey lavrov')

    Other scripts are transliterated (anyascii), so a name with a look-alike letter from
    another script ("Pоmpeo" with a Cyrillic "о") folds to the Latin name.
    """
    text = anyascii(unicodedata.normalize("NFKC", text))
    return re.sub(r"['`]", "", text.lower())


def _words(name: str) -> list[str]:
    """Folded words; "HW" between a given and a family name is two initials."""
    raw = [w for w in re.split(r"[\s.]+", name.replace("’", "")) if w]
    out: list[str] = []
    for i, w in enumerate(raw):
        if 0 < i < len(raw) - 1 and re.fullmatch(r"[A-Z]{2,3}", w):
            out.extend(fold(c) for c in w)
        else:
            out.append(fold(w))
    return [w for w in out if w]


def norm(name: str) -> str:
    """A name as identity and the aliases file compare it across articles: folded, hyphens
    as spaces, words joined by one space.

    >>> norm("Kim  Jong-un"), norm("Erdoğan")
    ('kim jong un', 'erdogan')
    """
    return " ".join(fold(name).replace("-", " ").split())


def name_tokens(name: str) -> tuple[str, ...]:
    """The words two spellings of one person's name share, in order.

    >>> name_tokens("Donald J. Trump"), name_tokens("Kim Jong-un"), name_tokens("Kim Jong Un")
    (('donald', 'trump'), ('kim', 'jong', 'un'), ('kim', 'jong', 'un'))
    >>> name_tokens("Sergey V. Lavrov"), name_tokens("Mohammed bin Salman")
    (('sergei', 'lavrov'), ('mohammed', 'bin salman'))
    >>> name_tokens("Bashar al-Assad"), name_tokens("Donald Trump Jr.")
    (('bashar', 'assad'), ('donald', 'trump', 'jr'))
    """
    out: list[str] = []
    words = _words(name)
    i = 0
    while i < len(words):
        w = _TRANSLIT.get(words[i], words[i])
        i += 1
        if w in PATRONYMIC and i < len(words):
            out.append(f"{w} {_TRANSLIT.get(words[i], words[i])}")
            i += 1
            continue
        w = re.sub(r"^(?:al|el|ad|as|ash|at|an|ar|az)-(?=\w)", "", w)
        for part in w.split("-"):
            part = _TRANSLIT.get(part, part)
            if not part or (_INITIAL.match(part) and len(words) > 1) or part in {"al", "el"}:
                continue
            out.append(part)
    return tuple(out)


def extends(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether ``full`` is ``short`` with middle names added: the same first and last word,
    and every word of ``short`` in it ("Barack Obama" of "Barack Hussein Obama", never
    "Pierre Trudeau" of "Justin Pierre Trudeau").

    >>> extends(("barack", "obama"), ("barack", "hussein", "obama"))
    True
    >>> extends(("pierre", "trudeau"), ("justin", "pierre", "trudeau"))
    False
    """
    s = [t for t in short if t not in SUFFIXES]
    f = [t for t in full if t not in SUFFIXES]
    return bool(s and f) and s[0] == f[0] and s[-1] == f[-1] and set(s) < set(f)


def initials(name: str) -> frozenset[str]:
    """The initials written in a name: {"h", "w"} of "George H. W. Bush".

    >>> sorted(initials("George H.W. Bush")), sorted(initials("Donald Trump"))
    (['h', 'w'], [])
    """
    words = _words(name)  # a last lone letter ("Putin I") is no initial
    return frozenset(w[0] for w in words[:-1] if len(words) > 1 and _INITIAL.match(w))


FEMALE_CUES = frozenset({"mrs", "ms", "miss", "madam", "first lady", "lady", "queen",
                         "princess", "dame", "baroness", "empress"})
MALE_CUES = frozenset({"mr", "sir", "king", "prince", "lord", "emperor"})


def cue_gender(cue: str) -> str:
    """ "f" or "m" when a form of address tells ("Mrs", "first lady"; "Mr", "Sir"), else ""."""
    last = cue.split()[-1] if cue else ""
    if cue in FEMALE_CUES or last in FEMALE_CUES:
        return "f"
    return "m" if last in MALE_CUES else ""


@cache
def _given_names() -> dict[str, str]:
    """``data/first_names.tsv``: given name -> "f" or "m" (see scripts/first_names.py)."""
    text = resources.files("kg.data").joinpath("first_names.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines()
                if line and not line.startswith("#"))


def given_name_gender(name: str) -> str:
    """ "f" or "m" when the first word of a full name is a given name that almost always
    names a woman or a man ("Anna Kovac", "Lars Berg"), else "": one word, a family name
    written first ("Kim Jong Un", "Moon Jae-in"), or a name both sexes bear ("Jean",
    "Andrea")."""
    toks = [t for t in name_tokens(name) if t not in SUFFIXES]
    if len(toks) < 2 or family_name(name) == toks[0]:
        return ""
    return _given_names().get(toks[0], "")


RELATIVE_CUES = frozenset({"first lady", "lady", "wife", "husband", "son", "daughter",
                           "brother", "sister", "son-in-law", "daughter-in-law", "father",
                           "mother", "widow", "niece", "nephew", "cousin", "uncle", "aunt",
                           "spouse", "fiancee", "fiancée", "girlfriend", "boyfriend"})


def cue_relative(cue: str) -> bool:
    """Whether a cue makes the person a relative or consort ("first lady", "daughter")."""
    words = cue.split()
    return cue in RELATIVE_CUES or bool(words and words[-1] in RELATIVE_CUES) or \
        " ".join(words[-2:]) in RELATIVE_CUES


def core_tokens(name: str) -> frozenset[str]:
    """The name's words without generational suffixes and particles: what a shorter
    mention of the person may repeat."""
    return frozenset(t for t in name_tokens(name) if t not in SUFFIXES and t not in PARTICLES)


def is_full_name(name: str) -> bool:
    """Two or more words besides suffixes and particles: a given and a family name, or a
    name written twice ("Abdullah Abdullah", never a bare "Abdullah")."""
    return len([t for t in name_tokens(name) if t not in SUFFIXES and t not in PARTICLES]) >= 2


def suffix(name: str) -> str:
    """ "jr", "sr", "ii", ... when the name ends with one, else ""."""
    toks = name_tokens(name)
    return toks[-1] if toks and toks[-1] in SUFFIXES else ""


def family_name(name: str) -> str:
    """The word a bare mention of this person uses.

    >>> family_name("Donald Trump Jr."), family_name("Kim Jong Un"), family_name("Xi Jinping")
    ('trump', 'kim', 'xi')
    >>> family_name("Mohammed bin Salman"), family_name("Kim Darroch")
    ('bin salman', 'darroch')
    """
    toks = [t for t in name_tokens(name) if t not in SUFFIXES]
    if not toks:
        return ""
    if len(toks) >= 3 and toks[0] in EAST_ASIAN_FAMILY:
        return toks[0]  # "Kim Jong Un", "Moon Jae In"
    if len(toks) == 2 and toks[0] in EAST_ASIAN_FAMILY and _east_asian_given(name):
        return toks[0]  # "Xi Jinping", "Moon Jae-in" written with a hyphen
    return toks[-1]


def _east_asian_given(name: str) -> bool:
    """ "Xi Jinping", "Moon Jae-in", "Wang Yi": a given name that is hyphenated or one or two
    Pinyin syllables, after a family name of the list; not a Western given name ("Kim
    Darroch", "Lee Anderson")."""
    words = fold(name).split()
    if len(words) != 2:
        return False
    given = words[1]
    return "-" in given or (bool(_PINYIN.fullmatch(given)) and given not in _WESTERN_GIVEN)


_PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua"
    r"|uo|ue|er|a|e|i|o|u)){1,2}")
_WESTERN_GIVEN = frozenset({"bruce", "dean", "jean", "joan", "mae", "bo", "ken", "ben", "dan",
                            "don", "ron", "tom", "tim", "jim", "sam", "pam", "ann", "anne",
                            "kim", "lee", "jo", "ted", "ed", "al", "jay", "ray", "guy", "max"})


def is_clean_person_name(name: str) -> bool:
    """Could ``name`` (already stripped of titles and possessives) be what a person is
    called?  Refuses scraping residue, furniture, quotes, digits, lower-case words other
    than particles, and the names of places, bodies, laws and awards.

    >>> [is_clean_person_name(n) for n in ("Donald Trump", "Ursula von der Leyen",
    ...     "John TrumpTrump Jr", "Trump Tower", "Kim \\"Rocket Man", "Mitch McConnell")]
    [True, True, False, False, False, True]
    """
    if not name or len(name) > 60 or _NOT_IN_NAMES.search(name):
        return False
    if fold(name) in NON_ACTORS or name.lower() in KNOWN_BODIES:
        return False
    if any(fold(w) in SHARE_BUTTONS for w in name.split()):
        return False  # "Pinterest Barack Obama": a share button run into a caption
    words = name.replace("’", "'").split()
    if not 1 <= len(words) <= 6:
        return False
    if len(words) == 1 and fold(words[0].strip(".'")) in NOT_ALONE:
        return False  # "President", "Jr.", "Embassy"
    if all(fold(w.strip(".'")) in NOT_ALONE | ROYAL_TITLES | TITLES_ONLY for w in words):
        return False  # "Emir", "Emir Sheikh": titles with the name left out
    if len(words) > 1 and fold(words[-1].strip(".'")) in NOT_LAST:
        return False  # "Trump Lawyer", "James Comey Memos", "Ken Clarke Labour"
    if len(words) > 1 and fold(words[0]) not in GIVEN_NAMES_LIKE_COUNTRIES and \
            gazetteer.country(words[0]) is not None:
        return False  # "Cuba Obama", "Bahrain King": a country run into a name
    folded = [fold(w.strip(".'")) for w in words if fold(w.strip(".'")) not in PARTICLES]
    if len(set(folded)) < len(folded) and len(folded) > 2:
        return False  # "Donald Trump Donald": a name and a link's residue run together
    for i, w in enumerate(words):
        bare = w.strip(".'")
        if not bare:
            return False
        low = fold(bare)
        if low in FURNITURE_WORDS and not (i and fold(words[i - 1]) in {"bin", "ibn", "bint"}):
            return False  # (but "Qaboos bin Said": a father's name)
        if not bare[0].isupper():
            prefixed = re.match(r"^(?:al|el|ad|as|ash|at|an|ar|az)-[a-z]", low) is not None
            if (low not in PARTICLES and not prefixed) or (i == len(words) - 1 and not prefixed):
                return False
        if _CAMEL.search(bare) and not _CAMEL_OK.match(bare):
            return False
        if "-" in low and low.rsplit("-", 1)[1] in HYPHEN_SUFFIXES:
            return False  # "Trump-related", "Saudi-led"
        if bare.isupper() and len(bare) > 3 and len(words) == 1:
            return False  # "TOKYO", "NATO": shouting is no personal name
    return fold(words[-1].strip(".'")) not in PLACE_WORDS
