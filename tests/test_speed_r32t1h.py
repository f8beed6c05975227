"""Session 32, T1h (quotes stage, output-identical): fast paths give what the general paths give.

All sentences are invented for these tests.
"""

from __future__ import annotations

import random

import pytest

import extractors.quotes as quotes
from extractors.doccache import class_positions
from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline

TEXTS = [
    'A senior border official said the new rules would take effect in May. "We are ready," the official told '
    "reporters. Their spokesman, Tom Reyes, said several agencies had objected to the plan.",
    'The ministry said in a statement that its inspectors had found two boats. "This is not over," it added. '
    "Some residents of the island, many of them fishermen, told a local paper that the coast guard came late.",
    '"We have nowhere else to go," said one mother who reached the camp this week. Another woman, who gave only '
    "her first name, said her three children were sick. The agency's regional director, Lena Ortiz, said that "
    "this winter would be the hardest one yet.",
    "Officials in the capital said four ministers had met the union leaders. That group's chief negotiator, a "
    'former judge, called the offer "a first step" and said the talks would go on.',
]


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def _window_scan(determiners: list[int], heads: list[int]) -> list[int]:
    """The determiners among the six tokens before each head, read head by head (the general path)."""
    wanted = set(determiners)
    found = set()
    for h in heads:
        found.update(d for d in range(max(0, h - 6), h) if d in wanted)
    return sorted(found)


def test_determiners_before_heads_equals_the_window_scan():
    rng = random.Random(3201)
    for _ in range(500):
        n = rng.randrange(0, 60)
        determiners = sorted(rng.sample(range(n), rng.randrange(0, n + 1))) if n else []
        heads = sorted(rng.sample(range(n), rng.randrange(0, n + 1))) if n else []
        assert quotes._determiners_before_heads(determiners, heads) == _window_scan(determiners, heads)
    assert quotes._determiners_before_heads([0, 3, 10], [7]) == [3]  # 7 - 3 = 4; 0 is 7 away; 10 after
    assert quotes._determiners_before_heads([1], [7]) == [1]  # six tokens before: still in
    assert quotes._determiners_before_heads([2, 5], [5]) == [2]  # a head on the determiner's own token: not after


def test_phrase_starts_same_with_and_without_word_classes(nlp, monkeypatch):
    kept = []
    for text in TEXTS:
        doc = nlp(text)
        entities = extract_entities(doc)
        spans = quotes.find_spans(doc)
        assert class_positions(doc, quotes._DETERMINER_WORD) is not None  # the fast path is the one taken
        kept.append((doc, entities, spans, quotes._Context(doc, entities, spans).phrase_starts))
    monkeypatch.setattr(quotes, "class_positions", lambda doc, bit: None)
    for doc, entities, spans, fast in kept:
        doc.user_data.pop(quotes._WORDS_KEY, None)
        doc.user_data.pop(quotes._SPEECH_KEY, None)
        doc.user_data.pop(quotes._SPEECH_POSITIONS_KEY, None)
        general = quotes._Context(doc, entities, spans).phrase_starts
        assert fast == general
        determiners = {i for i, low in enumerate(quotes.doc_lowers(doc)) if low in quotes.cues()["determiners"]}
        assert determiners & set(fast)  # the sentences do exercise the determiner rule
