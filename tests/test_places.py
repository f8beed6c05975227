"""Places: accent-free spellings of cities, first-level divisions, and the names kept out of both."""

import pytest

from extractors.gazetteer import ascii_fold, gazetteer


@pytest.fixture(scope="module")
def nlp():
    from extractors.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="module")
def places():
    return gazetteer().places


def test_ascii_fold_drops_accents_and_special_letters():
    assert ascii_fold("Przemyśl") == "Przemysl"
    assert ascii_fold("Łódź") == "Lodz"
    assert ascii_fold("Chișinău") == "Chisinau"
    assert ascii_fold("Dover") == "Dover"


@pytest.mark.parametrize("surface, iso", [("Bialystok", "PL"), ("Lodz", "PL"), ("Przemysl", "PL")])
def test_cities_are_found_without_their_accents(places, surface, iso):
    assert places[surface].country == iso


@pytest.mark.parametrize("surface, iso", [("Chiapas", "MX"), ("Assam", "IN"), ("Hatay", "TR"), ("Podlaskie", "PL")])
def test_first_level_divisions_are_places_of_their_country(places, surface, iso):
    assert places[surface].country == iso


def test_a_us_state_is_not_taken_by_a_foreign_division_of_the_same_name(places):
    assert places["Maryland"].country == "US"  # Liberia has a Maryland county too


def test_curated_english_names_beat_a_bigger_city_elsewhere(places):
    assert places["Kent"].country == "GB"  # the Channel's landing county, not Kent, Washington
    assert places["Sicily"].country == "IT"


@pytest.mark.parametrize("surface", ["Balkan", "West Coast", "Garcia", "Zarate", "Chu", "Isabel", "Norte"])
def test_words_and_surnames_are_not_places(places, surface):
    assert surface not in places


def test_a_division_in_a_sentence_locates_the_story(nlp):
    from extractors.entities import extract_entities

    doc = nlp("Hundreds of migrants walked through Chiapas on Monday.")
    found = extract_entities(doc)
    assert [key for key in found.entities if key[0] == "Place"] == [("Place", "mx-chiapas")]
