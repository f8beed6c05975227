"""Round 36, helper Q4l: round 35's open policy classes on the read pages. Aid in agentless passives ("they were
given food and water"): the state the sentence names, else the story's acting state, else the one state the sentence
before names as where the people are; not a state they fled, not inside a "where" clause on a shelter. Agentless
interceptions ("a boat with 40 migrants was intercepted") the same way, as BorderBarrier. Sentences written for
these tests."""

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
    # aid in agentless passives
    ("About 300 refugees reached a beach in Indonesia on Sunday. They were given food and water.", ("ID", "Aid")),
    ("Dozens of migrants came ashore in Lampedusa, Italy, overnight. The migrants were being given blankets and "
     "medical care, the coastguard said.", ("IT", "Aid")),
    ("Refugees crossing into Moldova were given shelter and hot meals.", ("MD", "Aid")),
    ("About 300 migrants from Libya reached Italy on Sunday, and were given food and water.", ("IT", "Aid")),
    ("Malaysia's navy stopped a boat with 200 Rohingya refugees. Malaysia said the refugees would stay. The admiral "
     "told reporters the refugees looked weak and thirsty, and were given rice and water.", ("MY", "Aid")),
    # agentless interceptions
    ("Spain has seen more boats arriving this week. Spain said arrivals doubled. A boat with 58 migrants was "
     "intercepted on its way to the islands.", ("ES", "BorderBarrier")),
    ("Britain has seen more small boats this spring. Britain said crossings doubled. On Sunday three more dinghies "
     "with about 60 migrants aboard were intercepted.", ("GB", "BorderBarrier")),
])
def test_new_readings(nlp, text, expected):
    assert expected in policies(nlp, text)


@pytest.mark.parametrize("text, unexpected", [
    ("Migrants who fled Syria were given food and shelter.", ("SY", "Aid")),
    ("The Border Patrol dropped migrants at a shelter in Texas where they were given food.", ("US", "Aid")),
    ("Britain has seen more small boats this spring. Each arriving migrant is given a medical check before "
     "fingerprinting, officials said.", ("GB", "Aid")),
    # a story state named once, in an aside far from the sentence, acts for no interception
    ("Some of the men had worked in Iraq for years before they set out. Crossings to the islands doubled this "
     "spring, officials said. Many boats reached the beaches on their own. A boat with 58 migrants was intercepted "
     "on its way to the islands.", ("IQ", "BorderBarrier")),
    ("About 300 refugees reached a beach in Indonesia on Sunday. They will be given food and water if they stay.",
     ("ID", "Aid")),
])
def test_not_read(nlp, text, unexpected):
    assert unexpected not in policies(nlp, text)
