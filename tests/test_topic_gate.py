"""The topic gate: policies and flows are read only in documents about people's movement or status.

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

from extractors.entities import extract_entities
from extractors.flows import extract_flows
from extractors.pipeline import build_pipeline
from extractors.policies import extract_policies
from extractors.topic import is_migration_text, on_topic

OFF_TOPIC = ("The senator asked the agency to hand over its records on the contract. "
             "Thousands of Canadians travelled to Mexico for the holidays, the airline said.")
ON_TOPIC = ("Hungary closed its border to Syrian refugees on Monday. "
            "Thousands of Syrians fled to Turkey last year, the agency said.")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def facts(nlp, text: str) -> tuple[set, set]:
    doc = nlp(text)
    assertions = extract_entities(doc)
    policies = {(p.actor_key, p.policy_type) for p in extract_policies(doc, assertions)}
    flows = {(f.origin, f.destination) for f in extract_flows(doc, assertions)}
    return policies, flows


def test_word_parts_match_inside_words_and_case_blind():
    assert is_migration_text("IMMIGRATION officials met on Friday.")
    assert is_migration_text("The asylum-seekers waited.")
    assert is_migration_text("They were deported.")
    assert not is_migration_text("The senator said the budget vote was delayed.")
    assert not is_migration_text("")


def test_an_off_topic_document_gives_no_policy_nor_flow(nlp, monkeypatch):
    monkeypatch.setenv("MIGRAPH_TOPIC_GATE", "1")
    assert facts(nlp, OFF_TOPIC) == (set(), set())


def test_an_on_topic_document_is_read(nlp, monkeypatch):
    monkeypatch.setenv("MIGRAPH_TOPIC_GATE", "1")
    policies, flows = facts(nlp, ON_TOPIC)
    assert ("HU", "EntryBan") in policies
    assert ("SY", "TR") in flows


def test_the_switch_turns_the_gate_off(nlp, monkeypatch):
    monkeypatch.setenv("MIGRAPH_TOPIC_GATE", "0")
    assert on_topic(nlp(OFF_TOPIC))
    monkeypatch.setenv("MIGRAPH_TOPIC_GATE", "1")
    assert not on_topic(nlp(OFF_TOPIC))


def test_the_gate_is_on_by_default(monkeypatch):
    from extractors.topic import gate_enabled

    monkeypatch.delenv("MIGRAPH_TOPIC_GATE", raising=False)
    assert gate_enabled()


LONG_FILLER = " ".join(["The committee met again on Tuesday to discuss the city budget and the new library."] * 25)


def test_a_long_document_needs_two_occurrences():
    once = LONG_FILLER + " A former refugee now runs the bakery on the corner."
    twice = once + " She says refugees from the war still write to her."
    assert len(once.split()) >= 300
    assert not is_migration_text(once)  # long, and migration named once in passing
    assert is_migration_text(twice)
    assert is_migration_text("A former refugee now runs the bakery on the corner.")  # short: one is enough


def test_occurrences_of_different_parts_add_up():
    text = LONG_FILLER + " The border town hosts a small museum. Its deportation archive opened in May."
    assert is_migration_text(text)
