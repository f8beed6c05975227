"""Round 35, helper Q3k: round 34's open policy classes on the read pages. Provisions of a bill, deal or plan with
no state subject take the instrument's owner; nominal and idiomatic measures ("confirmed for removal", "deemed
inadmissible", "preparations for introducing border checks", a ban on re-entry, "no longer allowed to seek asylum");
verbs not read before ("clamped down its borders", "limit the number of migrants crossing", "admit N through the
relocation scheme"); actor resolution ("sent back from the A island of X" is A's; "follow A's lead" names A as the
model, not the actor). Sentences written for these tests."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies

STORY = "Migrants and refugees keep coming, and many migrants wait months for a hearing on asylum. \n\n"


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def policies(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(STORY + text)
    return {(p.actor_key, p.policy_type) for p in extract_policies(doc, extract_entities(doc))}


@pytest.mark.parametrize("text, expected", [
    # provisions of an instrument: its owner's
    ("Denmark's new asylum law was passed on Friday after a long debate. Those arriving without papers would "
     "then be detained for up to six weeks.", ("DK", "Detention")),
    ("Under the Spain-Morocco readmission deal, signed last week, all migrants who reach the enclaves would be "
     "returned.", ("ES", "Deportation")),
    ("The Japan-Brazil pact was signed in May after two years of talks. Also part of the pact is visa-free travel "
     "for students.", ("JP", "VisaFree")),
    # the state where asylum would be claimed, the state re-entered
    ("Britain's government published its new asylum bill on Monday. People arriving by small boat would no longer "
     "be allowed to seek asylum in Britain.", ("GB", "AsylumRestriction")),
    ("Canada's cabinet unveiled its plan on Tuesday. Those removed would be banned from ever re-entering Canada.",
     ("CA", "EntryBan")),
    # nominal and idiomatic measures
    ("Norway's immigration office has begun issuing notices to rejected asylum seekers. Dozens of them have been "
     "confirmed for removal this month.", ("NO", "Deportation")),
    ("Norway said asylum seekers who crossed from Sweden would be deemed inadmissible.",
     ("NO", "AsylumRestriction")),
    ("Italy announced preparations for introducing border checks along its frontier with Slovenia to stop "
     "migrants.", ("IT", "BorderBarrier")),
    # verbs not read before
    ("Hungary clamped down on its borders to migrants on Monday.", ("HU", "EntryBan")),
    ("Croatia said it would follow Hungary's lead and limit the number of migrants crossing its borders.",
     ("HR", "EntryBan")),
    ("Portugal will admit 30 asylum seekers a month through the relocation scheme.", ("PT", "Relocation")),
    # a return named by where it starts
    ("Migrants sent back from the Italian island of Lampedusa arrived in Tunisia on Monday.", ("IT", "Deportation")),
])
def test_open_classes_read(nlp, text, expected):
    assert expected in policies(nlp, text)


@pytest.mark.parametrize("text, wrong", [
    # a demand, warning or condition is no provision
    ("Britain's new asylum bill was published on Tuesday. Rights groups warned migrants would be detained for "
     "months.", ("GB", "Detention")),
    ("Britain's new asylum bill was published on Tuesday. If it passes, migrants could be detained for months.",
     ("GB", "Detention")),
    # a member's bill in a legislature
    ("US senators debated the immigration bill all week. Migrants arriving without papers would be detained for "
     "a month.", ("US", "Detention")),
    # no migration: nothing returned, no re-entry ban by a state
    ("Under the Spain-Morocco trade deal, signed last week, the deposits would be returned.", ("ES", "Deportation")),
    ("Fans who rioted in Madrid were banned from ever re-entering the stadium.", ("ES", "EntryBan")),
    # the model followed is not the actor; the place of a return is not its actor when a "by" agent acts
    ("Croatia said it would follow Hungary's lead and limit the number of migrants crossing its borders.",
     ("HU", "EntryBan")),
    ("Migrants sent back from the Italian island of Lampedusa arrived in Tunisia on Monday.", ("TN", "Deportation")),
])
def test_open_classes_near_misses(nlp, text, wrong):
    assert wrong not in policies(nlp, text)


@pytest.mark.parametrize("text, expected, wrong", [
    # stopping departures from a coast is border enforcement, not an exit ban
    ("French police stopped 900 migrants from leaving the beaches near Calais this year.",
     ("FR", "BorderBarrier"), ("FR", "EntryBan")),
    # a state of emergency along a border shuts it
    ("Estonia's cabinet voted on Monday to declare a state of emergency at the frontier with Russia.",
     ("EE", "EntryBan"), None),
    # a fence in a relative clause: the state named builds it
    ("The migrants were stopped by a new fence Bulgaria erected on its frontier last year.",
     ("BG", "BorderBarrier"), None),
])
def test_exit_emergency_fence(nlp, text, expected, wrong):
    found = policies(nlp, text)
    assert expected in found
    if wrong is not None:
        assert wrong not in found


def test_relocation_scheme_keeps_the_scheme_reading(nlp):
    found = policies(nlp, "Portugal will admit 30 asylum seekers a month through the EU relocation scheme.")
    assert ("PT", "Relocation") in found


def test_emergency_not_along_a_border_is_no_entry_ban(nlp):
    found = policies(nlp, "After the bombings in its capital, Belgium declared a state of emergency and tightened "
                          "border checks with its neighbours.")
    assert ("BE", "EntryBan") not in found


def test_an_effort_to_limit_crossings_is_no_entry_ban(nlp):
    found = policies(nlp, "The step is part of Chile's efforts to curb the number of asylum seekers entering "
                          "by its northern border.")
    assert ("CL", "EntryBan") not in found

