"""Round 24 policy recall (helper Q1): general mechanisms that left whole kinds of sentence without a policy.

- a hyphenated modifier ("large-scale", "long-promised", "90-day") split by the tokenizer into three tokens
  cut a noun trigger from the verb that governs it ("carried out large-scale deportations"): it now counts
  as one word between them, unless a name stands before the hyphen ("U.S.-Mexico");
- a ban or moratorium on a group of travellers as a noun ("a ban on migrants from X") is an entry ban; a ban
  on what people do ("a ban on migrants working") is not;
- aid, money or goods given to a nation's people ("gave $200 million in aid to Syrians") in a story on migrants;
- a state body that rescues or picks up people (not only "migrants") in a sentence about the sea or a boat
  gives humanitarian help (Aid, as the guidelines' annotators read coast-guard rescues).
All sentences are invented."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


@pytest.fixture(scope="module")
def run(nlp):
    """Text -> (actor, type, status) triples."""

    def _run(text: str) -> set[tuple[str, str, str]]:
        doc = nlp(text)
        assertions = extract_entities(doc)
        return {(p.actor_key, p.policy_type, p.status) for p in extract_policies(doc, assertions)}

    return _run


STORY = ("Refugees and migrants crossed the border in large numbers this year, and the refugee camps are full. "
         "Most refugees want asylum in Europe. The migrants and refugees say they fled war. ")
US = "U.S. President Donald Trump spoke on Monday in Washington. "
MIGRATION = ("Migrants and refugees waited at the border for weeks to ask for asylum. Most of the migrants and "
             "refugees at the border had fled violence at home. ")


@pytest.mark.parametrize("text, expected", [
    (US + "The administration carried out large-scale deportations of undocumented immigrants.",
     {("US", "Deportation", "in_force")}),
    (US + "The administration has stepped up its long-promised deportations of undocumented immigrants.",
     {("US", "Deportation", "in_force")}),
    ("Hungary imposed a 90-day entry ban on Syrian refugees.", {("HU", "EntryBan", "in_force")}),
])
def test_hyphenated_modifier_between_verb_and_noun_trigger(run, text, expected):
    assert run(text) == expected


def test_hyphenated_word_without_a_governing_verb_is_still_no_measure(run):
    assert run("A first-ever study of deportations was published by researchers.") == set()


@pytest.mark.parametrize("text, expected", [
    ("Hungary announced a ban on migrants from Serbia.", {("HU", "EntryBan", "in_force")}),
    (US + "The administration imposed a ban on travelers from China.", {("US", "EntryBan", "in_force")}),
    (US + MIGRATION + "The administration imposed a 90-day ban on citizens of seven countries.",
     {("US", "EntryBan", "in_force")}),
])
def test_ban_on_a_group_of_travellers(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text", [
    "Italy announced a ban on migrants working in farms.",  # a ban on what they do
    "Kenya lifted its ban on people smuggling boats.",
    "Critics said the ban on refugees was cruel.",  # no one imposes it here
    US + MIGRATION + "The senator kept proposing a total ban on migrants from the region.",  # only proposed
])
def test_ban_on_an_activity_or_without_an_actor_is_no_entry_ban(run, text):
    assert ("EntryBan" not in {t for _, t, _ in run(text)})


@pytest.mark.parametrize("text, expected", [
    (STORY + "Authorities in Cyprus rescued 114 people off the coast after their boat ran into trouble.",
     {("CY", "Aid", "in_force")}),
    (STORY + "The Spanish coast guard picked up 57 people from two boats in the Strait of Gibraltar.",
     {("ES", "Aid", "in_force")}),
    (STORY + "Malta's armed forces picked up 80 people from a rubber boat.", {("MT", "Aid", "in_force")}),
])
def test_state_rescue_of_people_at_sea_is_aid(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text", [
    "Firefighters rescued 20 people from a flooded building.",  # no state body, no sea
    "Greek police rescued 20 people from a fire in an Athens hotel.",  # a state body, but no sea or boat
    "The government picked up the tab for the boat owners.",  # picks up a thing
    "The governor picked up 20 votes among refugees in the county.",
    "Mexican officials rescued five children from smugglers travelling with a migrant caravan.",  # no sea
    "The agency lets relatives pick up migrant children at government shelters.",
    "Thousands of tourists reached the coast. The Maltese coast guard rescued 300 people from a sinking boat.",
])
def test_rescue_near_misses(run, text):
    assert ("Aid" not in {t for _, t, _ in run(text)})



@pytest.mark.parametrize("text, expected", [
    (STORY + "Japan gave $200 million in aid to Syrians in Jordan.", {("JP", "Aid", "in_force")}),
    (STORY + "Saudi Arabia, Qatar and Kuwait have donated funds to Syrians in Jordan.",
     {("SA", "Aid", "in_force"), ("QA", "Aid", "in_force"), ("KW", "Aid", "in_force")}),
])
def test_aid_to_a_nations_people_in_a_story_on_migrants(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text", [
    STORY + "Washington sent $300 million in military aid to Ukrainians.",  # military aid
    STORY + "Japan gave $200 million to the project.",  # no nation's people
    "Japan gave $200 million in aid to Syrians in Jordan.",  # no story on migrants, no humanitarian word
])
def test_aid_to_nationals_near_misses(run, text):
    assert ("Aid" not in {t for _, t, _ in run(text)})
