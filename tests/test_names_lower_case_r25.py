"""Capitalised dictionary words are no person's name without a given name or a cue that introduces a person.

``is_common_word`` asks how frequent a word is, so rare dictionary words ("accountability", "alley") passed as
"uncommon capitalised words", i.e. a name. ``gazetteer.lower_case_words`` asks how a word is mostly written:
names are mostly capitalised, dictionary words mostly not. All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.gazetteer import is_lower_case_word, lower_case_words
from extractors.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def person_names(nlp, text: str) -> set[str]:
    result = extract_entities(nlp(text))
    return {e.name for (kind, _), e in result.entities.items() if kind == "Person"}


def test_the_case_table_tells_dictionary_words_from_names():
    assert len(lower_case_words()) > 20_000
    for word in ("accountability", "Alley", "Protocols", "xenophobia", "Development"):
        assert is_lower_case_word(word), word
    for word in ("Martinez", "Kaepernick", "Sanders", "King", "Trump"):
        assert not is_lower_case_word(word), word


@pytest.mark.parametrize("text, not_a_person", [
    ("A second scheme, known as Deferred Relief for Parental Accountability, was halted by a judge.",
     "Parental Accountability"),
    ("Voters lined up at Jim's Bowling Alley in a small mining town on Tuesday.", "Bowling Alley"),
    ("The ministry began to apply the so-called Regional Transfer Protocols to new arrivals.",
     "Regional Transfer Protocols"),
    ("Critics denounced what they called Blatant Xenophobia in the new rules.", "Blatant Xenophobia"),
])
def test_dictionary_words_are_no_name(nlp, text, not_a_person):
    assert not_a_person not in person_names(nlp, text)


def test_a_thing_called_by_one_dictionary_word_is_no_person(nlp):
    assert "Right" not in person_names(nlp, '"The law is called Right to Stay," the mayor told reporters.')


@pytest.mark.parametrize("text, person", [
    ("Hope Hicks said the border plan was sound.", "Hope Hicks"),
    ("Lawmaker Mark Green said the camps were full.", "Mark Green"),
    ("Senator Price Young said the shelters needed more money.", "Price Young"),
    ("Pushkar Sharma said the visa rules had changed twice this year.", "Pushkar Sharma"),
    ("The refugee's brother, called Amir Haddad, crossed the river at night.", "Amir Haddad"),
])
def test_names_with_dictionary_words_and_a_cue_or_a_given_name_stay(nlp, text, person):
    assert person in person_names(nlp, text)
