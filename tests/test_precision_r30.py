"""Round 30 precision audit (helper Q3f): predictions on 250 fresh migration articles were judged (train/audit/,
"r30 audit"), and the widest wrong-actor constructions narrowed.

- An official whose state the text does not give ("President X") was read as serving the state the document names
  most as a place. When another state is named more often counting its people and adjectives too ("American
  students", "U.S. officials"), that guess is no evidence: the official acts for no state (a blocker, as an
  official of another state), and an agentless "travel ban" gets no actor from the document either (better none
  than the wrong state). A story whose places and people point to the same state keeps its reading.

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def policies(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(p.actor_key, p.policy_type) for p in extract_policies(doc, extract_entities(doc))}


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
