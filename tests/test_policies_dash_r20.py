"""A state named only in an aside set off by a pair of dashes is not the actor of the measure after the aside
("The decree – Chile was struck from it – halts ..."): the nearest-mention search skips it. All sentences are
invented."""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import _dash_asides, extract_policies


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


@pytest.mark.parametrize("text", [
    "The revised decree covers five nations – Chile was struck from the list last month – and still halts "
    "refugee admissions for ninety days.",
    "The rule — Peru had asked to be left out of it — suspends refugee admissions until spring.",
])
def test_state_in_a_dash_aside_is_no_actor(run, text):
    assert not {actor for actor, _type in run(text)} & {"CL", "PE"}


def test_an_aside_that_only_lists_names_is_the_subject(run):
    pairs = run("Two Nordic governments – Finland and Norway – chose last week to refuse entry to Belarusian truck "
                "drivers.")
    assert {("FI", "EntryBan"), ("NO", "EntryBan")} <= pairs


def test_aside_needs_a_pair_of_the_same_dash():
    lowers = ["a", "–", "b", "—", "c", "–", "d", "–", "e", "—", "f", "—"]
    assert _dash_asides(lowers, 0, len(lowers)) == [(5, 7), (9, 11)]  # a dash of the other kind opens anew
    assert _dash_asides(lowers, 0, 9) == [(5, 7)]  # only the dashes before the trigger count
    assert _dash_asides(["x", "—", "y"], 0, 3) == []
