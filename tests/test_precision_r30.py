"""Round 30 precision audit (helper Q3f): predictions on 250 fresh migration articles were judged (train/audit/,
"r30 audit"), and the widest wrong-actor constructions narrowed.

- An official whose state the text does not give ("President X") was read as serving the state the document names
  most as a place. When another state is named more often counting its people and adjectives too ("American
  students", "U.S. officials"), that guess is no evidence: the official acts for no state (a blocker, as an
  official of another state), and an agentless "travel ban" gets no actor from the document either (better none
  than the wrong state). A story whose places and people point to the same state keeps its reading.
- A state naming the group affected ("UK travellers will not need a visa") is not the measure's actor.
- "borders are shut", quoted from a speaker who speaks for no state: bare plural borders are no one state's, so the
  story's state is not read for them ("its borders", "the borders" and narration keep their readings).
- A country named in an aside of examples ("from Asia (chiefly China and India)") is not a state the story shows
  acting; a state in parentheses on its own ("(UAE)") still is.
- A one-word name in parentheses spelling the initials of the capitalised words before it ("the Legal Immigration
  and Migrant Access (Lima) programme") is an acronym, not the place it also spells; a country's own acronym
  after its name ("the United Arab Emirates (UAE)") is still the country.
- "removes the ban on refugees": a measure removed, nobody deported.
- "grants from sanctuary cities", "the sanctuary law": sanctuary as a modifier of a city, law or policy is no asylum
  offered; "granted sanctuary to 300 refugees" still is.
- An arrest of suspects is no detention of migrants: the group read after a criminal charge is what the arrested
  moved ("were arrested and charged with moving illegal immigrants"), and people not named as migrants in a
  sentence stating a charge or drugs are suspects. Migrants arrested and charged with illegal entry stay detained.
- Entry barred to a building ("barred from entering a church"), an admission to hospital ("admitted to a
  children's ward"), and closing a border agency's stations ("shut down seven Border Patrol stations") are no
  migration measures.

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies
from extractors.quotes import extract_quotes


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def policies(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(p.actor_key, p.policy_type) for p in extract_policies(doc, extract_entities(doc))}


def policies_with_quotes(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    assertions = extract_entities(doc)
    assertions.quotations = extract_quotes(doc, assertions)  # as graph.build does: quotations are read first
    return {(p.actor_key, p.policy_type) for p in extract_policies(doc, assertions)}


# ---- an official of unstated state in a story naming another state as a place but his own people more often

@pytest.mark.parametrize("text, wrong", [
    ("Protesters marched against President Trump's travel ban in Madrid, Spain, on Saturday. American students and "
     "American tourists joined them. Several American families said American diplomats had warned them. Refugees "
     "and migrants also came.", ("ES", "EntryBan")),
    ("A judge in Oregon blocked President Trump's entry ban on travellers from six nations, a ruling praised in "
     "France. American lawyers, American professors and American students welcomed it. Refugees and migrants "
     "waiting abroad were relieved, French officials said.", ("FR", "EntryBan")),
])
def test_contested_main_state_gives_official_no_state(nlp, text, wrong):
    assert wrong not in policies(nlp, text)


def test_uncontested_main_state_still_read(nlp):
    text = ("President Trump's travel ban took effect in the United States on Friday. Refugees and migrants "
            "waiting in camps were stranded. Lawyers in the United States said the United States had acted "
            "in haste, and American students protested.")
    assert ("US", "EntryBan") in policies(nlp, text)


# ---- the group's own state is not the actor

def test_state_naming_the_group_is_not_the_actor(nlp):
    text = ("Brussels said on Monday that UK travellers will not need a visa for short trips after the split. "
            "Migrants and refugees face other rules.")
    assert ("GB", "VisaFree") not in policies(nlp, text)


# ---- bare plural borders in a private speaker's quotation

def test_quoted_bare_borders_have_no_story_state(nlp):
    text = ('"I would leave if I could, but borders are shut and no planes are flying," said a nurse from Manila '
            "who works in London. Migrant workers and refugees in Britain are struggling, Britain said.")
    assert ("GB", "EntryBan") not in policies_with_quotes(nlp, text)


@pytest.mark.parametrize("text", [
    "Hungary has taken a hard line on migrants. Its borders were closed on Tuesday, and refugees waited in Serbia. "
    "Hungary said it would not yield.",
    "Hungary has taken a hard line on migrants. On Tuesday, land borders were closed and refugees waited in Serbia. "
    "Hungary said it would not yield.",
])
def test_owned_or_narrated_borders_keep_story_state(nlp, text):
    assert ("HU", "EntryBan") in policies_with_quotes(nlp, text)


# ---- a country in parentheses does not make the story's acting state

def test_parenthesised_country_is_no_acting_state(nlp):
    text = ("Deportations rose steeply in 2012. Nowadays, most undocumented newcomers arrive from Asia (chiefly China "
            "and India) and enter the country with visas, then overstay them, and few are detained. Many live on in "
            "the United States for a decade, and some move within the United States.")
    found = policies(nlp, text)
    assert ("CN", "Deportation") not in found
    assert ("US", "Deportation") in found


# ---- an acronym in parentheses is not a place

def test_bracketed_acronym_is_not_a_capital(nlp):
    text = ("The Legal Immigration and Migrant Access (Lima) programme lets some 20,000 migrants stay in Canada. "
            "Officials in Canada created it for migrants and refugees.")
    assert ("PE", "Admission") not in policies(nlp, text)


# ---- a measure removed is no removal of people

def test_removing_a_ban_is_no_deportation(nlp):
    text = ("The new order leaves out Sudan and removes a sweeping ban on Yemeni refugees, officials in Washington "
            "said. Migrants and refugees had waited for months.")
    assert not any(kind == "Deportation" for _actor, kind in policies(nlp, text))


def test_removing_migrants_is_still_a_deportation(nlp):
    text = "Canada removes hundreds of migrants every week, officials said. Refugees and asylum seekers are held first."
    assert ("CA", "Deportation") in policies(nlp, text)


# ---- sanctuary cities and laws are no asylum offer

def test_sanctuary_city_grants_are_no_asylum_offer(nlp):
    text = ("The White House also gave up on a proposal that would take grants from sanctuary cities refusing to "
            "cooperate with federal immigration agents. Migrants and asylum seekers in the United States were "
            "relieved.")
    assert ("US", "AsylumOffer") not in policies(nlp, text)


def test_granted_sanctuary_to_refugees_is_still_an_offer(nlp):
    text = "Canada granted sanctuary to 300 refugees last year. Migrants and asylum seekers are welcome there."
    assert ("CA", "AsylumOffer") in policies(nlp, text)


# ---- buildings, hospitals and border agencies

def test_entry_to_a_building_is_no_entry_ban(nlp):
    text = ("The family said that in 1965 they were barred from entering St Mary's Church in Leeds because of their "
            "accent. Later, Britain admitted many refugees and migrants.")
    assert ("GB", "EntryBan") not in policies(nlp, text)


def test_entry_to_a_country_is_still_an_entry_ban(nlp):
    text = "Hungary barred the migrants from entering the country on Monday, and refugees waited in Serbia."
    assert ("HU", "EntryBan") in policies(nlp, text)


def test_admission_to_hospital_is_no_admission(nlp):
    text = ("During visits to a Border Patrol station in Texas, our doctors found four sick infants who were "
            "admitted to the pediatric intensive care ward of a nearby hospital. Migrants and asylum seekers in the "
            "United States wait for months.")
    assert ("US", "Admission") not in policies(nlp, text)


def test_admission_to_a_country_is_still_an_admission(nlp):
    text = ("Refugees were admitted to the United States last year, officials said. Migrants and asylum seekers in "
            "the United States wait for months.")
    assert ("US", "Admission") in policies(nlp, text)


def test_closing_border_agency_stations_is_no_entry_ban(nlp):
    text = ("Weeks after President Obama issued a decree for young undocumented immigrants, the government intends to "
            "shut down seven Border Patrol stations, which angers ranchers near the frontier. Migrants cross the "
            "border there every night.")
    assert ("US", "EntryBan") not in policies(nlp, text)


def test_country_acronym_after_its_name_is_still_the_state(nlp):
    text = ("Last year the United Arab Emirates (UAE) expelled 300 migrants, and refugees and asylum seekers wait in "
            "camps.")
    assert ("AE", "Deportation") in policies(nlp, text)
