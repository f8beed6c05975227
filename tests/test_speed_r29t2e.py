"""Round 29's output-identical speed-ups (T2e): each fast path gives what the general one gave, on text written here.

- flows find "that country", "those countries" from the nouns the document has (``_anaphor_positions``);
- events drop a trigger that needs 100 or more people where no such count can be, before reading the quantities;
- (checked here too: the policy anchor index cut to a document and the trigger windows find what the general path
  finds).
"""

from __future__ import annotations

import pytest

from extractors.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _reference_document_index(words: set[str], backoff: bool = True) -> dict:
    """Round 28's cut of the anchor index: every requirement set tested again for every pattern that has it."""
    from extractors.policies import _anchor_index, _anchor_words

    full = _anchor_index(backoff)
    return {h: kept for h in _anchor_words(backoff) & words
            if (kept := [(e, reqs) for e, reqs in full[h] if not any(map(words.isdisjoint, reqs))])}


WORD_SETS = [
    set(),
    {"the", "a", "of"},
    {"stop", "halt", "deportation", "deportations", "of", "to", "refugees", "the"},
    {"government", "suspend", "suspended", "visa", "visas", "for", "citizens", "ban", "entry", "border", "close"},
    {"grant", "granted", "asylum", "offer", "protection", "send", "back", "return", "deport", "expel", "them"},
]


@pytest.mark.parametrize("backoff", [True, False])
@pytest.mark.parametrize("words", WORD_SETS)
def test_document_index_is_the_per_pattern_test(words, backoff):
    from extractors.policies import _document_index

    assert _document_index(set(words), backoff) == _reference_document_index(set(words), backoff)


def test_document_index_on_every_anchor_word():
    """A document holding every anchor and some of each requirement: many patterns kept, none added or lost."""
    from extractors.policies import _anchor_words, _document_index, pattern_requirements

    words = set(_anchor_words(True))
    for patterns in pattern_requirements().values():
        for reqs in patterns[::2]:
            for req in reqs:
                words.add(min(req).lower())
    assert _document_index(words) == _reference_document_index(words)
    assert _document_index(words)


ANAPHOR_TEXTS = [
    "Many fled Sudan. People from that country reached Chad, and those countries that border it took more.",
    "That country. These nations, those nations and that nation: these countries and this country.",
    "That was all. Those who left said these were hard days.",
    "country that",
    "that",
    "",
    "They said that countries like these took in those who fled, and that nation's people.",
]


@pytest.mark.parametrize("text", ANAPHOR_TEXTS)
def test_anaphor_positions_from_the_nouns_are_the_scan(nlp, text):
    from extractors.doccache import doc_lowers
    from extractors.flows import _anaphor_positions

    W = doc_lowers(nlp(text))
    expected = _anaphor_positions(W)
    assert _anaphor_positions(W, set(W)) == expected
    assert _anaphor_positions(W, set(W) | {"country", "nations", "refugee"}) == expected  # a superset: the same


def test_anaphor_positions_found():
    from extractors.flows import _anaphor_positions

    W = ["that", "country", ",", "those", "countries", "these", "nation", "this", "country", "those", "nations"]
    assert _anaphor_positions(W, set(W)) == [0, 3, 9]
    assert _anaphor_positions(W) == [0, 3, 9]


TRIGGER_TEXTS = [
    "The government said on Monday it would halt the deportation of asylum seekers to the war zone.",
    "Officials suspended visas for citizens of the two countries and closed the southern border.",
    "The minister vowed to stop the boats. Police detained 40 of them near the coast on Friday.",
    "Nothing here is about borders at all, said the baker.",
]


@pytest.mark.parametrize("text", TRIGGER_TEXTS)
def test_trigger_windows_find_the_whole_sentence_matches(nlp, text):
    from extractors.policies import find_triggers

    doc = nlp(text)
    assert find_triggers(doc) == find_triggers(doc, windows=False)


def test_trigger_matches_found(nlp):
    from extractors.policies import find_triggers

    found = find_triggers(nlp(TRIGGER_TEXTS[0]))
    assert found and all(isinstance(e, str) and s < end for e, s, end in found)


def _events_and_quantities_read(nlp, text):
    from extractors.entities import extract_entities
    from extractors.events import extract_events
    from extractors.quantities import extract_quantities

    doc = nlp(text)
    assertions = extract_entities(doc)
    assertions.deferred_quantities = lambda: extract_quantities(doc)
    events = extract_events(doc, assertions)
    return [(e.event_type, e.trigger) for e in events], assertions.deferred_quantities is None


EXODUS_TEXTS = [
    # (text, an Exodus is found, the quantities are read)
    ("Families fled the fighting in the north after the bridge fell.", False, False),
    ("More than 20,000 people fled the fighting in the north last week.", True, True),
    ("Tens of thousands of people, most of them farmers, fled the valley.", True, True),
    ("Twelve people fled the village, and a dozen more escaped at night.", False, False),
    ("Ninety-nine families fled the town in 2023.", False, True),  # a digit (the year): read, as before
    ("Half a million people have fled the region since spring.", True, True),
]


@pytest.mark.parametrize(("text", "exodus", "read"), EXODUS_TEXTS)
def test_exodus_reads_quantities_only_where_a_count_may_be(nlp, text, exodus, read):
    events, was_read = _events_and_quantities_read(nlp, text)
    assert ("Exodus" in {t for t, _ in events}) is exodus
    assert was_read is read


def test_hundreds_pattern_finds_every_large_count(nlp):
    """Every quantity of 100 or more in these sentences holds what ``_HUNDREDS_RE`` looks for."""
    from extractors.events import _HUNDREDS_RE
    from extractors.quantities import extract_quantities

    text = ("Some 300 migrants, hundreds of children, two thousand men, half a million people, a dozen boys, "
            "ninety-nine women, tens of thousands of families, 1.5 million refugees and 2m people moved.")
    quantities = extract_quantities(nlp(text))
    assert len([q for q in quantities if q.value >= 100]) >= 6
    for q in quantities:
        assert (q.value >= 100) <= bool(_HUNDREDS_RE.search(q.text)), q
