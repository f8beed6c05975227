"""Round 19 policy precision (helper Q1): a detention, deportation, entry ban or admission is a migration measure
only when it concerns people on the move (its group is migrants or foreigners, its sentence or the whole story speaks of
migration); state agencies are listed once, in organizations.json, for the gazetteer and the policies alike.
All sentences are invented."""

from __future__ import annotations

import json

import pytest

from extractors.entities import extract_entities
from extractors.gazetteer import gazetteer, load_json
from extractors.pipeline import build_pipeline
from extractors.policies import DATA_FILE, extract_policies, lexicon


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


@pytest.fixture(scope="module")
def run(nlp):
    """Text -> (actor, type) pairs."""

    def _run(text: str) -> set[tuple[str, str]]:
        doc = nlp(text)
        assertions = extract_entities(doc)
        return {(p.actor_key, p.policy_type) for p in extract_policies(doc, assertions)}

    return _run


@pytest.mark.parametrize("text, expected", [
    # migrants, foreigners or a migration word in the sentence: a migration measure
    ("Belgian police detained forty migrants who had hidden in a lorry near the port.", {("BE", "Detention")}),
    ("Austria expelled two Afghan men whose asylum claims had been rejected.", {("AT", "Deportation")}),
    ("Portugal deported a convicted forger to Brazil last week.", {("PT", "Deportation")}),
    ("Egypt barred the visiting reporter from entering the country at Cairo airport.", {("EG", "EntryBan")}),
    ("The Dutch government expelled three Moroccan nationals on Friday.", {("NL", "Deportation")}),
    ("Ireland agreed to accept 400 refugees from the camps in Greece.", {("IE", "Admission")}),
])
def test_migration_measures_kept(run, text, expected):
    assert expected <= run(text)


@pytest.mark.parametrize("text, absent", [
    # no migrant, no foreigner, no migration word in the sentence or the story: no migration measure
    ("Ecuador's ruling party announced the removal of its treasurer after the audit.", ("EC", "Deportation")),
    ("Estonia announced the expulsion of two embassy staff over the espionage case.", ("EE", "Deportation")),
    ("The Uruguayan army held the prisoners of war in a camp near the coast.", ("UY", "Detention")),
    ("Chile shut its doors to the visiting football fans after the riot.", ("CL", "EntryBan")),
    ("Peru welcomed home three of its sailors freed by the pirates.", ("PE", "Admission")),
    ("Ecuador let in the students who had waited at the school gate.", ("EC", "Admission")),
])
def test_non_migration_uses_dropped(run, text, absent):
    assert absent not in run(text)


def test_story_about_migration_keeps_a_bare_sentence(run):
    """A sentence without a migration word still counts in a story that speaks of migration throughout."""
    story = ("Migrants keep arriving in Lithuania. The migrants say they crossed from Belarus. Refugee groups count "
             "the migrants at the camps, and asylum claims pile up. Officials say more migrants will come. ")
    assert ("LT", "Detention") in run(story + "Lithuania has held the new arrivals in two former schools.")
    assert ("LT", "Detention") not in run("Lithuania has held the prisoners in two former schools.")


def test_state_agencies_listed_once():
    """The policies' agency table is the state_agency organisations of organizations.json, and the gazetteer
    gives each of them its state."""
    assert "agency_states" not in json.loads(DATA_FILE.read_text(encoding="utf-8"))
    records = [r for r in load_json("organizations.json")["organizations"] if r.get("state_agency")]
    assert records
    agencies = lexicon()["_agencies"]
    organizations = gazetteer().organizations
    for record in records:
        for surface in (record["name"], *record["aliases"]):
            assert agencies[tuple(surface.lower().replace(",", " ,").split())] == record["country"]
            assert organizations[surface].country == record["country"]
    assert agencies[("bamf",)] == "DE" and agencies[("justice", "department")] == "US"


@pytest.mark.parametrize("text, expected", [
    ("The BAMF deported 300 rejected asylum seekers to Georgia in May.", ("DE", "Deportation")),
    ("Carabinieri detained a group of migrants who had landed on the beach.", ("IT", "Detention")),
])
def test_agency_acts_for_its_state(run, text, expected):
    assert expected in run(text)
