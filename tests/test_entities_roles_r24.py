"""Roles before a name need a role noun: connecting words alone ("for", "former") are no role.

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def persons(nlp, text: str) -> dict[str, object]:
    result = extract_entities(nlp(text))
    return {e.name: e for (kind, _), e in result.entities.items() if kind == "Person"}


def test_a_preposition_before_a_headline_name_is_no_role(nlp):
    found = persons(nlp, "Voters blame Congress for Halvard Brenn asylum delay\n\n"
                         "Prime Minister Halvard Brenn postponed the asylum reform on Monday.")
    brenn = found["Halvard Brenn"]
    assert brenn.attributes["role"] == "Prime Minister"
    assert "affiliation" not in brenn.attributes  # "Congress for" does not make him a member of Congress


def test_connecting_words_alone_give_no_role_nor_owner(nlp):
    found = persons(nlp, "Protesters thanked Poland for Mirela Kostic rescue work. "
                         "Aid worker Mirela Kostic said the camp was full.")
    kostic = found["Mirela Kostic"]
    assert kostic.attributes.get("role") != "for"
    assert kostic.attributes.get("country") != "PL"


def test_person_nouns_and_chairs_still_name_roles(nlp):
    found = persons(nlp, "Her sister Eloni Vasquez waited at the gate. "
                         "Committee chair Bram Odell said the hearing would resume on Tuesday.")
    assert found["Eloni Vasquez"].attributes["role"] == "sister"
    assert found["Bram Odell"].attributes["role"].lower().endswith("chair")
