"""Roles with "-elect" or "-designate" before a name ("President-elect Jo Ross") are roles.

The hyphen and the lower-case suffix cut the role words off the name's run of capitalised words, so such a person
had no role at all. All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def roles(nlp, text: str) -> dict[str, object]:
    result = extract_entities(nlp(text))
    return {e.name: e.attributes.get("role") for (kind, _), e in result.entities.items() if kind == "Person"}


@pytest.mark.parametrize("text, name, role", [
    ("President-elect Halvard Brenn said the border would stay open.", "Halvard Brenn", "President-elect"),
    ("Prime Minister-designate Halvard Brenn met the refugees.", "Halvard Brenn", "Prime Minister-designate"),
    ("Vice President-elect Mira Holt spoke to the press on Monday.", "Mira Holt", "Vice President-elect"),
])
def test_a_suffixed_role_is_the_persons_role(nlp, text, name, role):
    assert roles(nlp, text)[name] == role


@pytest.mark.parametrize("text", [
    "Self-elect Halvard Brenn said the border would stay open.",  # no role head before the suffix
    "The newly re-elected Halvard Brenn said the border would stay open.",
])
def test_other_hyphenated_words_give_no_role(nlp, text):
    assert roles(nlp, text)["Halvard Brenn"] is None
