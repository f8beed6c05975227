"""Session 32, T1h (quotes stage and tokenizer, output-identical): fast paths give what the general paths give.

All sentences are invented for these tests.
"""

from __future__ import annotations

import random
import re

import pytest
import spacy

import extractors.quotes as quotes
from extractors.affixes import _CharacterSet, add_word_match, alpha_word_match, speed_up_affixes
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


# --------------------------------------------------------------------------- token_match of letters of any script

LETTER_TEXT = (
    "Officials in Zürich and Kraków said the café near the Øresund crossing had closed. Erdoğan's adviser, "
    "Ayşe Kılıç, told the Δελτίο paper (in Greek) that Москва had not replied; «Nein», said Jürgen. "
    "The ½-price tickets, the ²nd round and 10km walks: 'Señora' Núñez called it «très» odd—ça va.\n\nÉtat"
)


def _tokens(tokenizer, text):
    return [(t.text, t.whitespace_, t.norm_, t.idx) for t in tokenizer(text)]


def test_alpha_word_match_on_english_rules():
    tokenizer = spacy.blank("en").tokenizer
    speed_up_affixes(tokenizer)
    match = alpha_word_match(tokenizer)
    assert match is not None
    for word in ("Refugees", "x", "café", "Erdoğan", "Москва", "Δελτίο", "ß"):
        assert match(word), word
    for word in ("2016", "10km", "it's", "word.", "a\n", "state-run", "A1", "½", "²", "Señora,"):
        assert not match(word), word


def test_alpha_pattern_matches_what_isalpha_accepts():
    match = alpha_word_match(spacy.blank("en").tokenizer)
    regex = re.compile(match.__self__.pattern)  # what a tokenizer loaded from its bytes matches with
    for code in list(range(0, 0x3000)) + list(range(0x3000, 0x110000, 97)):
        char = chr(code)
        assert bool(regex.match(char)) == char.isalpha(), hex(code)
    for word in ("café", "Erdoğan", "a²", "x_y", "Москва", "abc1"):
        assert bool(regex.match(word)) == word.isalpha(), word


def test_same_tokens_with_letters_of_any_script():
    plain = spacy.blank("en")
    fast = spacy.blank("en")
    speed_up_affixes(fast.tokenizer)
    assert add_word_match(fast.tokenizer)
    assert fast.tokenizer.token_match("Kraków")  # the widened test, not the ASCII one
    assert _tokens(fast.tokenizer, LETTER_TEXT) == _tokens(plain.tokenizer, LETTER_TEXT)
    rng = random.Random(3202)
    alphabet = list("aZéßøЖΩ019.,-—'’\"()%$#/:;!?+½² \n") + ["can", "not", "gon", "na", "km", "s", "ç", "ñ"]
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        assert _tokens(fast.tokenizer, text) == _tokens(plain.tokenizer, text), text
    assert _tokens(fast.tokenizer, LETTER_TEXT) == _tokens(plain.tokenizer, LETTER_TEXT)  # again, from the cache


def test_serialised_alpha_match_tokenises_the_same():
    nlp = spacy.blank("en")
    speed_up_affixes(nlp.tokenizer)
    add_word_match(nlp.tokenizer)
    loaded = spacy.blank("en")
    loaded.tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    assert loaded.tokenizer.token_match("Kraków") and not loaded.tokenizer.token_match("Kraków.")
    assert _tokens(loaded.tokenizer, LETTER_TEXT) == _tokens(nlp.tokenizer, LETTER_TEXT)


def test_a_rule_splitting_some_letters_keeps_the_ascii_match():
    nlp = spacy.blank("en")
    nlp.tokenizer.suffix_search = re.compile(r"(?<=[0-9])km$|é$").search  # "é" can be split off letters
    assert alpha_word_match(nlp.tokenizer) is None
    assert add_word_match(nlp.tokenizer)
    assert isinstance(nlp.tokenizer.token_match.__self__, _CharacterSet)  # ASCII letters alone: still one token
    other = spacy.blank("en")
    other.tokenizer.infix_finditer = re.compile(r"(?<=[a-zа-я])(?=[A-ZА-Я])").finditer
    assert alpha_word_match(other.tokenizer) is None and not add_word_match(other.tokenizer)


def test_pipeline_uses_the_alpha_match():
    nlp = build_pipeline()
    match = nlp.tokenizer.tokenizer.token_match
    assert match("Kraków") and match("migrants") and not match("migrants,")
