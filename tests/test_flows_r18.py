"""Round-18 flow recall: plural demonyms placed in a country ("Hondurans in Mexico") in a document about migrants.

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline

CONTEXT = "Honduran migrants and Syrian refugees keep coming, and asylum offices are busy with migrants. "


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def pairs(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(f.origin, f.destination) for f in extract_flows(doc, extract_entities(doc))}


def test_plural_demonym_in_a_country(nlp):
    assert ("HN", "MX") in pairs(nlp, CONTEXT + "Hondurans in Mexico wait months for a hearing on their claims.")


def test_plural_demonym_registered_in_a_list_of_countries(nlp):
    found = pairs(nlp, CONTEXT + "Syrians currently registered as “persons of concern” in Jordan, Iraq and "
                            "Egypt number millions.")
    assert {("SY", "JO"), ("SY", "IQ"), ("SY", "EG")} <= found


def test_camp_for_a_nationality_in_a_country(nlp):
    assert ("SY", "JO") in pairs(nlp, CONTEXT + "A new camp for Syrians in northern Jordan opened on Monday.")


def test_coordinated_demonyms_in_a_country(nlp):
    found = pairs(nlp, "Asylum seekers and migrants wait at the border. Migrants say the wait is long. "
                       "Guatemalans, Hondurans and Salvadorans in Mexico now outnumber other migrants there.")
    assert {("GT", "MX"), ("HN", "MX"), ("SV", "MX")} <= found


def test_no_migration_document_gives_nothing(nlp):
    assert pairs(nlp, "Hondurans in Mexico watched the final on television. The match ended in a draw.") == set()


def test_nationality_not_called_migrants_needs_a_migration_word(nlp):
    assert ("RU", "UA") not in pairs(nlp, CONTEXT + "Russians in Ukraine were accused of looting shops.")
    assert ("US", "MX") not in pairs(nlp, CONTEXT + "Americans in Mexico were told to stay indoors.")


def test_the_demonym_as_a_state_gives_nothing(nlp):
    assert ("SY", "TR") not in pairs(nlp, CONTEXT + "The Syrians in Turkey answered the letter on Friday.")


def test_tourists_and_troops_give_nothing(nlp):
    assert ("HN", "MX") not in pairs(nlp, CONTEXT + "Hondurans on holiday in Mexico spent more than tourists did.")
    assert ("SY", "LB") not in pairs(nlp, CONTEXT + "Syrians stationed in Lebanon included troops and officers.")


def test_adjective_demonym_is_left_to_the_other_rules(nlp):
    assert ("HN", "MX") not in pairs(nlp, CONTEXT + "Honduran officials in Mexico discussed trade.")


STORY = ("Lawmakers in Canada debated the budget on Monday. Canada plans new rail lines, and the Canadian "
         "economy grew. Critics in Canada said the plan came late. ")


def test_unflowed_story_people_are_in_the_story_state(nlp):
    found = pairs(nlp, STORY + "Marta Ruiz, a Peruvian immigrant who runs a bakery, praised the new rail line.")
    assert found == {("PE", "CA")}


def test_unflowed_story_people_asylum_seekers_split_at_the_hyphen(nlp):
    found = pairs(nlp, STORY + "Four Eritrean asylum-seekers spoke at the hearing about the rail line.")
    assert found == {("ER", "CA")}


def test_unflowed_story_topic_nouns_give_nothing(nlp):
    assert pairs(nlp, STORY + "Critics said the Syrian refugee crisis deserved more attention.") == set()


def test_unflowed_story_hedges_give_nothing(nlp):
    assert pairs(nlp, STORY + "The party would not accept Syrian refugees, its leader said.") == set()
    assert pairs(nlp, STORY + "He was accused of being a Peruvian immigrant without papers.") == set()


def test_unflowed_story_needs_a_clear_story_state(nlp):
    assert pairs(nlp, "Marta Ruiz, a Peruvian immigrant who runs a bakery, praised the new rail line.") == set()


def test_unflowed_story_not_used_when_the_document_has_flows(nlp):
    found = pairs(nlp, STORY + "Thousands of Syrians have fled to Turkey this year. "
                              "Marta Ruiz, a Peruvian immigrant who runs a bakery, praised the new rail line.")
    assert ("PE", "CA") not in found


@pytest.mark.parametrize("text, expected", [
    ("A Honduran asylum seeker waited in Tijuana with her two sons.", ("HN", "MX")),
    ("The Guatemalan caravan reached Mexico after a week on the road.", ("GT", "MX")),
])
def test_singular_asylum_seeker_and_caravan_are_groups(nlp, text, expected):
    assert expected in pairs(nlp, text)


def test_caravan_of_goods_is_no_group(nlp):
    assert pairs(nlp, "A caravan of trucks carried Mexican avocados to the United States.") == set()
