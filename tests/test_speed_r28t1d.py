"""Session 28 (T1d) output-identical speed-ups: each fast path against the general one, on sentences written here."""

import random
import re

import spacy

from extractors.affixes import (
    _cannot_match_within,
    add_plain_word_match,
    plain_word_match,
    speed_up_affixes,
)
from extractors.pipeline import TITLE_ABBREVIATIONS, build_pipeline

LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

# invented text: plain words beside every kind of affix, special case and glued unit the rules handle
TEXT = ("The ferry left Tuesday with 212 passengers; cannot they wait? \"Nobody,\" she said, \"gonna stop us.\" "
        "Officials (AP) counted 10km of fence, 5% more than in 2019, and US$300 per visa. It's the mayor's call — "
        "she'd rather not... Mr. Okafor, Lt. Diaz and Dr. Ruiz met at 9:30 a.m. in St. Louis. E-mail x@y.org or "
        "visit www.example.org/asylum?id=4. Numbers: 1,200; 3.5; 4-5; 2020s; 1990-91. Don't, can't, won't.\n\n"
        "Asylum-seekers arrived in Lampedusa.Next day—the boats left. 'Single quotes' and ‘curly’ ones; "
        "TIMES, OK, ok, NATO's, U.S.-backed, mid-2023, #hashtag @handle 😀 café Łódź 日本 a/b x:y 3+4")


def _tokens(tokenizer, text):
    return [(t.text, t.whitespace_, t.norm_, t.idx) for t in tokenizer(text)]


def test_plain_word_match_on_english_rules():
    match = plain_word_match(spacy.blank("en").tokenizer)
    assert match is not None and match.__self__.pattern == r"[A-Za-z]+\Z"
    assert match("Refugees") and match("x")
    for word in ("2016", "10km", "it's", "word.", "café", "a\n", "state-run", "A1"):
        assert not match(word), word
    regex = re.compile(match.__self__.pattern)  # what a tokenizer loaded from its bytes matches with
    for word in ("Refugees", "x", "2016", "10km", "it's", "word.", "café", "a\n", "ABC", "q" * 40):
        assert bool(regex.match(word)) == match(word), word


def test_pipeline_tokenizer_uses_it():
    nlp = build_pipeline()
    assert nlp.tokenizer.tokenizer.token_match is not None
    assert nlp.tokenizer.tokenizer.token_match("migrants")


def test_same_tokens_with_and_without_plain_word_match():
    plain = spacy.blank("en")
    fast = spacy.blank("en")
    speed_up_affixes(fast.tokenizer)
    assert add_plain_word_match(fast.tokenizer)
    for tokenizer in (plain.tokenizer, fast.tokenizer):
        for abbreviation in TITLE_ABBREVIATIONS:
            tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    assert _tokens(fast.tokenizer, TEXT) == _tokens(plain.tokenizer, TEXT)
    rng = random.Random(28)
    alphabet = list("abZQ019.,-—'’\"()%$#/:;!?+ \n") + ["can", "not", "gon", "na", "km", "s"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        assert _tokens(fast.tokenizer, text) == _tokens(plain.tokenizer, text), text
    assert _tokens(fast.tokenizer, TEXT) == _tokens(plain.tokenizer, TEXT)  # again, from the cache


def test_plain_chunks_skip_the_affix_searches():
    nlp = spacy.blank("en")
    add_plain_word_match(nlp.tokenizer)
    searched = []
    prefix = nlp.tokenizer.prefix_search

    def counting(string):
        searched.append(string)
        return prefix(string)

    nlp.tokenizer.prefix_search = counting
    searched.clear()  # (setting it re-reads the special cases)
    nlp.tokenizer("ferries left Kyiv")
    assert searched == []
    nlp.tokenizer("(ferries")
    assert searched == ["(ferries"]  # the bracket is split off by the prefix rule; "ferries" is not searched again


def test_no_match_for_a_class_some_rule_can_split():
    nlp = spacy.blank("en")
    # a zero-width infix between a lower-case and a capital letter can split a chunk of letters alone
    nlp.tokenizer.infix_finditer = re.compile(r"(?<=[a-z])(?=[A-Z])|-").finditer
    assert plain_word_match(nlp.tokenizer) is None
    nlp.tokenizer.infix_finditer = re.compile(r"(?<=[0-9])(?=[a-z])|-").finditer  # needs a digit: letters qualify
    assert plain_word_match(nlp.tokenizer) is not None
    nlp.tokenizer.suffix_search = re.compile(r"(?<=[0-9])km$|es$").search  # "-es" can be split off letters
    assert plain_word_match(nlp.tokenizer) is None
    nlp.tokenizer.suffix_search = lambda string: None  # not a regex: nothing is assumed
    assert plain_word_match(nlp.tokenizer) is None
    nlp.tokenizer.token_match = re.compile("x").match  # a token_match of its own is kept
    assert not add_plain_word_match(nlp.tokenizer)


def test_cannot_match_within():
    assert _cannot_match_within(re.compile(r"(?<=[0-9])(?:km|mph)$|'s$|\.$"), LETTERS)
    assert not _cannot_match_within(re.compile(r"(?<=[0-9])(?:km|mph)$|s$"), LETTERS)
    assert not _cannot_match_within(re.compile(r"(?<![0-9])x"), LETTERS)  # a negative look-behind is not read
    assert not _cannot_match_within(re.compile(r"\w\.|[^a]"), LETTERS)  # categories, negated sets
    assert not _cannot_match_within(re.compile(r"(?i:K)"), LETTERS)
    assert _cannot_match_within(re.compile(r"(?:a|b)*-|[0-9]+x"), LETTERS)
    assert not _cannot_match_within(re.compile("k", re.IGNORECASE), frozenset("x"))


def test_serialised_tokenizer_tokenises_the_same():
    nlp = spacy.blank("en")
    speed_up_affixes(nlp.tokenizer)
    add_plain_word_match(nlp.tokenizer)
    loaded = spacy.blank("en")
    loaded.tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    assert loaded.tokenizer.token_match("Refugees") and not loaded.tokenizer.token_match("Refugees.")
    assert _tokens(loaded.tokenizer, TEXT) == _tokens(nlp.tokenizer, TEXT)
