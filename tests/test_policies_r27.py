"""Round 27 policy mechanisms (helper Q1c), found on fresh migration articles no rule was written on.

A long group phrase between "bar" and "from entering" still bars it; a ban on a group named by where it comes from
("ban refugees from Syria") is an entry ban; a passive permission to enter a named country is that country's
admission; a tariff "used" against a state over migration is a sanction; suspending deportations is no deportation;
a leader's plan or request for a border wall is a planned barrier; an office holder named in apposition to a
lower-case office with a state before it ("the Hungarian prime minister, X") or after a possessive state ("Turkey's
president X") acts for that state. All sentences are invented."""

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
    """Text -> (actor, type) pairs."""

    def _run(text: str) -> set[tuple[str, str]]:
        doc = nlp(text)
        assertions = extract_entities(doc)
        return {(p.actor_key, p.policy_type) for p in extract_policies(doc, assertions)}

    return _run


@pytest.mark.parametrize("text, expected", [
    # a group phrase of nine words between the verb and "from entering"
    ("Slovakia's new law bars migrants who have crossed through Austria and several other countries from entering.",
     {("SK", "EntryBan")}),
    ("The decree keeps asylum seekers out, and Slovakia now prevents people who arrive without any papers at all from "
     "entering.", {("SK", "EntryBan")}),
    # a group named by its origin
    ("Slovakia will ban refugees from Syria, the government in Bratislava said.", {("SK", "EntryBan")}),
    ("The United States has long taken in refugees. The administration now plans to ban migrants from Yemen.",
     {("US", "Admission"), ("US", "EntryBan")}),
    # near misses: a ban on what people do, and a country that is no origin
    ("Slovakia banned migrants from working in the capital.", set()),
])
def test_entry_bans(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Thousands of Haitian migrants were allowed to enter Canada after the storm.", {("CA", "Admission")}),
    ("Haitian migrants were not allowed to enter Canada after the storm.", {("CA", "EntryBan")}),
    # near misses: a place that is no country, and a limit on how many may enter
    ("Migrants from Syria are allowed to enter the shelter at night.", set()),
    ("The new rule caps how many asylum-seekers are allowed to enter Canada each week.", set()),
])
def test_passive_permission_to_enter(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Mexican president is using a tariff to push Guatemala into halting the migrants who travel north.",
     {("MX", "Sanction")}),
    # near miss: a tariff with nothing about migration in its sentence
    ("The Mexican president is using a tariff to protect the steel industry of the country.", set()),
])
def test_tariff_used(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Canada's prime minister unveiled a proposal to suspend the deportation of 5,000 Haitian migrants.",
     {("CA", "AsylumOffer")}),
    ("Canada said it would postpone the deportation of 500 Haitian migrants until spring.", {("CA", "AsylumOffer")}),
    # the deportation itself still counts
    ("Canada has ordered the deportation of 500 Haitian migrants.", {("CA", "Deportation")}),
])
def test_suspended_deportation(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The United States has a long southern border. President Ana Cruz spoke on Sunday. She made a request for wall "
     "funding on the border.", {("US", "BorderBarrier")}),
    ("The United States has a long southern border. President Ana Cruz on Tuesday renewed her plans for a border "
     "wall to keep out migrants.", {("US", "BorderBarrier")}),
    # near misses: a plan rejected, and a request turned down
    ("The United States has a long southern border. Lawmakers said they would not agree to President Ana Cruz's "
     "plans for a border wall.", set()),
])
def test_wall_plans(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Refugees are arriving in Austria every day. The Slovak prime minister, Jan Novak, spoke on Monday. Novak said "
     "he would close the border to migrants.", {("SK", "EntryBan")}),
    ("Refugees are arriving in Austria every day. Slovakia's interior minister, Jan Novak, spoke on Monday. Novak "
     "said he would close the border to migrants.", {("SK", "EntryBan")}),
    ("Refugees are arriving in Austria every day. Slovakia's president Jan Novak spoke on Monday. Novak said he "
     "would close the border to migrants.", {("SK", "EntryBan")}),
])
def test_appositive_office_state(run, text, expected):
    assert run(text) == expected


def test_appositive_office_needs_a_state(nlp):
    # "Like the prime minister, X said": no owner before the office, so X holds no office
    doc = nlp("Like the prime minister, Jan Novak said the plan was sound.")
    person = next(e for (kind, _), e in extract_entities(doc).entities.items() if kind == "Person")
    assert "country" not in person.attributes and "role" not in person.attributes


def test_appositive_office_role_and_country(nlp):
    doc = nlp("The Slovak prime minister, Jan Novak, spoke on Monday.")
    person = next(e for (kind, _), e in extract_entities(doc).entities.items() if kind == "Person")
    assert person.attributes.get("country") == "SK"
    assert person.attributes.get("role") == "prime minister"


@pytest.mark.parametrize("text, expected", [
    # the match begins on the document noun ("ban bars ... from entering"): the ban is the subject
    ("The United States announced new rules on Monday. The travel ban bars citizens of Chad and Mali from entering.",
     {("US", "EntryBan")}),
    # a state named inside the match is where the group comes from, not the story's issuer
    ("President Ana Cruz signed the order on Friday. The new order bars citizens of Chad from entering the country.",
     set()),
])
def test_document_subject(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The United States is divided. The judge's ruling affected President Ana Cruz's amnesty for illegal immigrant "
     "parents.", {("US", "AsylumOffer")}),
    # near misses: the rights group, and an amnesty opposed
    ("The United States is divided. Amnesty International criticised the treatment of migrants at the border.", set()),
    ("The United States is divided. Republicans oppose any amnesty for illegal immigrants.", set()),
    # a visa scheme ended
    ("Canada's government will end the visa lottery for migrants from 20 countries.", {("CA", "VisaRestriction")}),
    # r39: ending visa-free travel brings a visa requirement in, as "reintroduced visas" does (visa_tighten)
    ("Canada's government will end visa-free travel for migrants from Mexico.", {("CA", "VisaRestriction")}),
])
def test_amnesty_and_visa_end(run, text, expected):
    assert run(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A share of the migrants will receive permits to stay and the rest will be sent back home, the Chilean "
     "government says.",
     {("CL", "Admission"), ("CL", "Deportation")}),
    ("Chile issued residence permits to 2,000 Venezuelan refugees last year.", {("CL", "Admission")}),
    # near miss: a permit to leave
    ("Chilean officials handed the migrants permits allowing them two weeks to leave the country.", set()),
    # citizenship for migrants, in a story about migration without words of persecution
    ("Peru's president looks to grant citizenship to some 30,000 Venezuelans who arrived as migrants.",
     {("PE", "AsylumOffer")}),
    # near miss: citizenship for one person in a story with no migrants
    ("Chile granted citizenship to the football star last year after he moved from Spain.", set()),
])
def test_permits_and_citizenship(run, text, expected):
    assert run(text) == expected
