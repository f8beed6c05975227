"""Session 30 (T1f): abbreviations kept whole by the suffix search instead of special cases, the infix search tried
only where a match can start, and a larger tokenizer cache. Sentences written for these tests."""

from __future__ import annotations

import random
import re

import spacy

TEXT = ("Sen. Ada Brook (D-Md.) and Rep. Tom Vale met Mr.Okafor at 9 a.m., then-Gov. Lin spoke. Ms. Ruiz, Jr. said "
        "the plan, e.g. visas, was signed (Dr. Amin) vs. the old one... Prof. Ito's co. left at 5 p.m.; St. Paul "
        "waits.\nMr . Holt and Lt. Sgt.-Maj. Ray - Sen.- Rep.) x.Mr. well-known U.S.-Mexico 1,200-1,500 km.")


def _tokens(doc):
    return [(t.text, t.whitespace_, t.norm_, t.norm, t.idx) for t in doc]


def _unsplit_pipeline():
    from extractors.pipeline import build_pipeline, unsplit_period_abbreviations

    nlp = build_pipeline()
    unsplit_period_abbreviations(nlp)
    return nlp


def test_abbreviations_leave_the_special_cases():
    from extractors.pipeline import TOKENIZER_CACHE_SIZE, build_pipeline

    assert "Sen." in build_pipeline().tokenizer.tokenizer.rules  # not done by default (see build_pipeline)
    tokenizer = _unsplit_pipeline().tokenizer
    for string in ("Sen.", "Rep.", "Mr.", "Gov.", "p.m.", "Lt."):
        assert string not in tokenizer.tokenizer.rules, string  # no special case: the chunks after it are cached
    for string in ("Calif.", "Sept."):  # a NORM of their own ("California"): still special cases
        assert string in tokenizer.tokenizer.rules, string
    assert tokenizer.tokenizer.max_cache_size == TOKENIZER_CACHE_SIZE > 10_000


def test_tokens_as_with_all_special_cases():
    nlp = _unsplit_pipeline()
    full = nlp.tokenizer.merged[1]()  # the tokenizer with every special case, as before the move

    def reference(text):
        doc = full(text)
        from extractors.pipeline import restore_norms
        restore_norms(doc, nlp.tokenizer.fixes)
        return doc

    assert _tokens(nlp.tokenizer.tokens(TEXT)) == _tokens(reference(TEXT))
    rng = random.Random(30)
    pieces = ["Sen.", "Mr.", "p.m.", "Md.", "Calif.", "x", "Smith", "(", ")", ",", ".", "-", "'s", " ", " ", "\n",
              "didn't", "e.g.", "Rep", "..."]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        assert _tokens(nlp.tokenizer.tokens(text)) == _tokens(reference(text)), text


def test_glued_abbreviation_goes_to_the_full_tokenizer():
    from spacy.attrs import ORTH

    from extractors.pipeline import holds_merged_sequence

    nlp = _unsplit_pipeline()
    merged = nlp.tokenizer.merged[0]
    bare = nlp.tokenizer.tokenizer("Mr.Okafor said so. Rep . Vale")  # "Mr", ".", "Okafor" cut by the infix search
    assert holds_merged_sequence(bare.to_array(ORTH), merged)
    assert not holds_merged_sequence(nlp.tokenizer.tokenizer("Mr. Okafor and Rep. Vale.").to_array(ORTH), merged)
    assert [t.text for t in nlp.make_doc("Mr.Okafor left")][:2] == ["Mr.", "Okafor"]  # as spaCy's matcher merged
    assert [t.text for t in nlp.make_doc("(D-Md.) said")] == ["(", "D", "-", "Md.", ")", "said"]


def test_serialised_suffix_search_keeps_the_abbreviations_whole():
    tokenizer = _unsplit_pipeline().tokenizer.tokenizer
    pattern = re.compile(tokenizer.suffix_search.__self__.pattern)
    assert pattern.search("Sen.") is None and pattern.search("Mr.") is None  # (spaCy searches what follows a prefix)
    assert pattern.search("Senate.").group() == "." and pattern.search("Sen.,").group() == ","
    loaded = spacy.blank("en")
    loaded.tokenizer.from_bytes(tokenizer.to_bytes())
    text = "Sen. Brook (Mr. Vale) met Gov. Lin at 9 a.m., Ms. Ruiz said."
    assert [t.text for t in loaded.tokenizer(text)] == [t.text for t in tokenizer(text)]


def test_infix_matches_at_start_characters_as_the_full_scan():
    from extractors.affixes import _InfixFinditer

    nlp = spacy.blank("en")
    regex = nlp.tokenizer.infix_finditer.__self__
    finditer = _InfixFinditer(regex)
    assert finditer.starts is not None
    words = ["well-known", "U.S.-Mexico", "1,200-1,500", "a...b", "Smith/Jones", "x:y", "Brook,Vale", "2+2=4",
             "then-Sen.", "north–south", "e.g.visas", "A.B", "plain", "mid-2020s", "x--y", "a…b"]
    for word in words:
        expected = [m.span() for m in regex.finditer(word)]
        assert [m.span() for m in finditer._matches_at_starts(word)] == expected, word
        assert [m.span() for m in finditer.finditer(word)] == expected, word
