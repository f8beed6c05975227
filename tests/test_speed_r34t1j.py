"""Round 34's output-identical speed-ups (T1j): each fast path gives what the general one gave, on text written here.

- the policy anchor index cut to a document tests, per pattern, only the requirements that do not list the anchor
  word (the document and the sentence reached through it hold that word): ``_anchor_checks``, ``_document_checks``;
  and it finds the requirements a document meets once, from its words (``_met_requirements``), instead of testing
  each requirement set of each pattern against them.
"""

from __future__ import annotations

import pytest

from extractors.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _reference_document_index(words: set[str], backoff: bool = True) -> dict:
    """Round 28's cut of the anchor index: every requirement set of every pattern tested."""
    from extractors.policies import _anchor_index, _anchor_words

    full = _anchor_index(backoff)
    return {h: kept for h in _anchor_words(backoff) & words
            if (kept := [(e, reqs) for e, reqs in full[h] if not any(map(words.isdisjoint, reqs))])}


def _reference_feasible(words: set[str], backoff: bool = True) -> list[str]:
    """Entries with a pattern whose every requirement the sentence meets, from the full anchor index."""
    from extractors.policies import _anchor_index

    full = _anchor_index(backoff)
    found = {e for h in full.keys() & words for e, reqs in full[h] if not any(map(words.isdisjoint, reqs))}
    return sorted(found)


WORD_SETS = [
    set(),
    {"the", "a", "of", "to"},
    {"halt", "halted", "deportation", "deportations", "of", "to", "asylum", "seekers", "the"},
    {"cabinet", "suspend", "suspended", "visa", "visas", "for", "nationals", "ban", "entry", "border", "shut"},
    {"grant", "granted", "asylum", "offer", "shelter", "send", "back", "return", "deport", "expel", "them", "home"},
    {"freeze", "froze", "aid", "refugee", "refugees", "camp", "money", "give", "gave", "help", "to", "displaced"},
]


@pytest.mark.parametrize("backoff", [True, False])
@pytest.mark.parametrize("words", WORD_SETS)
def test_document_index_and_checks_keep_the_same_patterns(words, backoff):
    from extractors.policies import _document_checks, _document_index

    reference = _reference_document_index(set(words), backoff)
    assert _document_index(set(words), backoff) == reference
    checks = _document_checks(set(words), backoff)
    assert list(checks) == list(reference)
    assert {h: [e for e, _ in kept] for h, kept in checks.items()} == \
        {h: [e for e, _ in kept] for h, kept in reference.items()}


def test_checks_leave_out_only_requirements_holding_the_anchor():
    from extractors.policies import _anchor_checks, _anchor_index, _requirement_numbers

    full, checks = _anchor_index(True), _anchor_checks(True)
    assert list(full) == list(checks)
    cut = 0
    for h, items in full.items():
        assert [item for item, _, _ in checks[h]] == items
        for (_entry_id, reqs), others, numbers in checks[h]:
            assert set(others) == {req for req in reqs if h not in req}
            assert numbers == {_requirement_numbers(True)[req] for req in others}
            assert len(others) < len(reqs)  # the anchor's own requirement always lists it
            cut += len(reqs) - len(others)
    assert cut


@pytest.mark.parametrize("backoff", [True, False])
@pytest.mark.parametrize("words", WORD_SETS)
def test_met_requirements_are_those_sharing_a_word(words, backoff):
    from extractors.policies import _met_requirements, _requirement_numbers

    expected = {number for req, number in _requirement_numbers(backoff).items() if not req.isdisjoint(words)}
    assert _met_requirements(set(words), backoff) == expected


def test_document_index_on_every_anchor_word():
    """A document holding every anchor and some word of every other requirement: many patterns kept, as before."""
    from extractors.policies import _anchor_words, _document_index, pattern_requirements

    words = set(_anchor_words(True))
    for patterns in pattern_requirements().values():
        for reqs in patterns[::2]:
            for req in reqs:
                words.add(min(req).lower())
    assert _document_index(words) == _reference_document_index(words)
    assert _document_index(words)


@pytest.mark.parametrize("backoff", [True, False])
@pytest.mark.parametrize("words", WORD_SETS)
def test_feasible_entries_through_the_checks(words, backoff):
    """A sentence holding these words (and a document holding them and more) gets the same entries either way."""
    from extractors.policies import _document_checks, _feasible_entries

    document = set(words) | {"minister", "said", "on", "tuesday", "migrants", "country"}
    expected = _reference_feasible(set(words), backoff)
    assert _feasible_entries(set(words), _document_checks(document, backoff)) == expected


TEXTS = [
    "The interior ministry suspended all visas for foreign students on Monday. Officials said the ban would last "
    "a month. Lawmakers in the capital halted the deportation of asylum seekers until the courts rule.",
    "Ministers agreed to send the migrants back to their home countries. The coalition also froze aid to the "
    "refugee camps near the frontier, and the navy was ordered to stop boats carrying people across the sea.",
    "Nothing in this short note concerns travel. The weather was mild and the market rose a little.",
    "The government will grant asylum to 500 families and offer shelter to those who fled the fighting; "
    "it has shut the border crossing in the north and refused entry to anyone without papers.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_trigger_windows_match_the_whole_sentence_reading(nlp, text):
    from extractors.policies import find_triggers

    doc = nlp(text)
    assert find_triggers(doc) == find_triggers(doc, windows=False)
    assert find_triggers(doc, backoff=False) == find_triggers(doc, windows=False, backoff=False)
