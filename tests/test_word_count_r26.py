"""``graph.ingest.word_count`` is ``len(text.split())``."""

from __future__ import annotations

import random

import pytest

from graph.ingest import word_count

SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]


@pytest.mark.parametrize("text", [
    "", " ", "\n\n", "word", " word", "word ", "  two   words  ", "a\tb\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x1fj",
    "non\xa0breaking\u2009thin\u3000ideographic\u2028line\x85next", "emoji 😀 between", "lone \ud800 surrogate",
    "\u200bzero-width is no space\u200b", "“Curly,” she said — twice.\n\nNew paragraph.",
])
def test_word_count_is_split_length(text):
    assert word_count(text) == len(text.split())


def test_word_count_random_texts():
    rng = random.Random(26)
    alphabet = SPACES + list("abcXYZ09.,’“”—é😀") + ["\ud83d", "\u200b"]
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert word_count(text) == len(text.split()), repr(text)
