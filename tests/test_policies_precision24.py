"""Policy precision (round 24, lead): being "shut out of" talks about the border closes no border.

All sentences are invented."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def pairs(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(p.actor_key, p.policy_type) for p in extract_policies(doc, extract_entities(doc))}


@pytest.mark.parametrize("text", [
    "The agency, shut out of border talks, warned that the plans would free thousands of criminals, officials "
    "in the United States said.",
    "Greek negotiators were shut out of the border negotiations with Turkey last week, migrants' groups said.",
])
def test_shut_out_of_border_talks_is_no_entry_ban(nlp, text):
    assert not {pair for pair in pairs(nlp, text) if pair[1] == "EntryBan"}


def test_sealing_crossings_still_closes_the_border(nlp):
    text = "Hungary sealed off the crossings on its southern border with Serbia on Tuesday as migrants gathered."
    assert ("HU", "EntryBan") in pairs(nlp, text)
