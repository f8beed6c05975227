"""The tokenizer's faster affix searches (extractors/affixes.py) find exactly what spaCy's regexes find."""

import random
import re

import pytest
import spacy

from extractors.affixes import (
    _EdgeSearch,
    _InfixFinditer,
    _required_chars,
    _RequiredCharsMatch,
    drop_redundant_special_cases,
    speed_up_affixes,
    split_alternatives,
)
from extractors.pipeline import TITLE_ABBREVIATIONS, build_pipeline

WORDS = [
    "the", "U.S.", "Mr.", "don't", "(AP)", "—", "2,000", "10km", "5%", "$5", "US$300", "£20m", "state-run",
    "Kyiv's", "Kyiv’s", "...", "Hello...", "well…", "“quoted”", "'single'", "[Jo/AP]", "a/b", "x:y", "3+4",
    "1-2", "end.Next", "one,two", "°C.", "5°C.", "mid-2023", "e-mail", "http://example.com/a?b=c", "#tag",
    "@user", "12:30", "9/11", "U.N.-backed", "‘It", "it’", "so?!", "(", ")", "\n", "\n\n", " ", "a\n",
    "Przemyśl", "Łódź", "日本", "😀", "ok😀", "«non»", "5mph", "3kg.", "C$", "--", "---", "a--b", "—and",
]


@pytest.fixture(scope="module")
def regexes():
    tokenizer = spacy.blank("en").tokenizer
    return (tokenizer.prefix_search.__self__, tokenizer.suffix_search.__self__,
            tokenizer.infix_finditer.__self__)


def _fuzz(seed: int = 7, count: int = 20000) -> list[str]:
    rng = random.Random(seed)
    alphabet = list("abXZ09.,-–—'’\"()[]%$€#/:;!?…+*^=<>~_&°\n") + [chr(rng.randrange(0x20, 0x30000))
                                                                       for _ in range(60)]
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 7))) for _ in range(count)]


def _span(match):
    return None if match is None else match.span()


def test_split_alternatives_keeps_the_pattern(regexes):
    for regex in regexes:
        parts = split_alternatives(regex.pattern)
        assert "|".join(parts) == regex.pattern and len(parts) > 1
    assert split_alternatives(r"a|[|]|(b|c)|\||[]|]|[^]|]") == ["a", "[|]", "(b|c)", r"\|", "[]|]", "[^]|]"]


def test_same_matches_as_the_regexes(regexes):
    prefix, suffix, infix = regexes
    fast_prefix, fast_suffix = _EdgeSearch(prefix, last=False), _EdgeSearch(suffix, last=True)
    fast_infix = _InfixFinditer(infix)
    for word in WORDS + _fuzz() + [""]:
        assert _span(fast_prefix.search(word)) == _span(prefix.search(word)), word
        assert _span(fast_suffix.search(word)) == _span(suffix.search(word)), word
        assert [m.span() for m in fast_infix.finditer(word)] == [m.span() for m in infix.finditer(word)], word


def test_url_match_needs_a_dot():
    tokenizer = spacy.blank("en").tokenizer
    url = tokenizer.url_match.__self__
    fast = _RequiredCharsMatch(url, "match")
    assert fast.required == (".",)
    for word in WORDS + _fuzz(seed=11) + ["www.example.com", "http://x.org/a", "1.2.3.4", "user@host.de",
                                          "ex.co:8080/p?q", "bbc.co.uk", "localhost", "http://localhost"]:
        assert _span(fast.match(word)) == _span(url.match(word)), word


def test_required_chars():
    from re import _parser

    def required(pattern):
        return _required_chars(_parser.parse(pattern))

    assert required(r"a(?:b|cb)d+[x]") == {"a", "b", "d", "x"}
    assert required(r"a?b*(?:c|d)(?=e)[fg]\.") == {"."}
    assert required(r"(?i:a)") == set()


def test_unknown_alternatives_are_always_searched():
    # "\w" and "." are not worked out: their alternatives run for every string
    search = _EdgeSearch(re.compile(r"\w\.$|x$|.y$"), last=True)
    assert _span(search.search("ab.")) == (1, 3) and _span(search.search("zzx")) == (2, 3)
    assert _span(search.search("qy")) == (0, 2) and search.search("q") is None
    finditer = _InfixFinditer(re.compile(r"-|\w(?=\d)"))
    assert finditer.starts is None and [m.span() for m in finditer.finditer("a1-b")] == [(0, 1), (2, 3)]


def test_pipeline_tokenizer_is_unchanged():
    nlp = build_pipeline()
    plain = spacy.blank("en")
    for abbreviation in TITLE_ABBREVIATIONS:  # the pipeline's own special cases, here too
        plain.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    text = " ".join(WORDS) + " Lt. Smith said: “We can’t (and won’t) pay $5,000.” U.S.-based firms, 10km away..."
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in plain.make_doc(text)]
    assert isinstance(nlp.tokenizer.tokenizer.suffix_search.__self__, _EdgeSearch)


def test_serialisation_writes_the_original_rules():
    nlp = spacy.blank("en")
    original = nlp.tokenizer.to_bytes()
    speed_up_affixes(nlp.tokenizer)
    assert nlp.tokenizer.to_bytes() == original


def test_dropping_redundant_special_cases_keeps_tokens_and_norms():
    plain = spacy.blank("en")
    trimmed = spacy.blank("en")
    dropped = drop_redundant_special_cases(trimmed.tokenizer)
    assert {"\n", "—", "’", "it’s", "It's"} <= set(dropped)
    assert "Mr." not in dropped and "don't" not in dropped and "Jan." not in dropped  # other tokens or a NORM
    # invented text: line breaks and dashes before and after the special cases that stay
    text = ("Officials — she said — met\n\nMr. Lee on Jan. 5; it’s (he's) what they don't say.\n"
            "“It's late,” 'he’s' gone —and Mr.Lee—left at 5 p.m. in Calif.\t\xa0It’s ok.\n" * 2)
    def tokens(nlp):
        return [(t.text, t.whitespace_, t.norm_, t.is_space, t.idx) for t in nlp.make_doc(text)]
    assert tokens(trimmed) == tokens(plain)
    assert tokens(trimmed) == tokens(plain)  # again, with the chunks now cached
