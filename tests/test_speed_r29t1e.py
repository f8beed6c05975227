"""Session 29 (T1e) output-identical speed-ups: each fast path against the general one, on strings written here."""

import random
import re

import numpy
import spacy

from extractors.affixes import _EdgeSearch, _tail_plan
from extractors.doccache import WORD_CLASSES_KEY, class_positions


def _span(match):
    return None if match is None else match.span()


# invented chunks ending in every kind of character the English suffix rules split off
WORDS = ["year.", "U.S.", "Sen.", "p.m.", "10km.", "5°F.", "wait...", "no..", "so....", "ok.", "A.", "a.", ".",
         "..", "said,", "boats;", "camps:", "Why?", "now!", "(AP)", "[sic]", "“yes”", "'no'", "mayor's", "MAYOR'S",
         "it’s", "10km", "3kg", "40mph", "US$300", "$5", "5$", "20%", "12,000", "—", "x—", "asylum-", "ferries",
         "Kyiv", "café.", "Łódź.", "日本。", "2019.", "1990s.", "9:30", "x\n", "a.\n", "", "'", "’s", "s", "ss",
         "rights’", "visas.”", "border.)", "…", "end…", "km.", "Lt.", "Dr.", "e.g.", "i.e.,", "St.Louis."]


def _fuzz(seed, count=2000):
    rng = random.Random(seed)
    alphabet = list("abcXYZ019.,;:!?'’\"”“()[]%$°—–-+/…s ") + ["km", "mph", "'s", "..", "F", "n't"]
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(count)]


def test_suffix_search_as_the_full_regex():
    suffix = spacy.blank("en").tokenizer.suffix_search.__self__
    fast = _EdgeSearch(suffix, last=True)
    for word in WORDS + _fuzz(29):
        assert _span(fast.search(word)) == _span(suffix.search(word)), word


def test_tail_plan_bounds_the_start():
    find, reach, wide = _tail_plan(re.compile(r"(?<=[a-z])\.$|km\.$|\.\.+$"))
    assert reach == 3  # "km." is the longest bounded alternative
    assert wide("so..") is not None and wide("so.") is None  # the unbounded one, searched on its own
    find, reach, wide = _tail_plan(re.compile(r"s$|x"))  # an alternative without "$" can match anywhere
    assert reach == 1 and wide("axb") is not None


def test_search_starts_late_but_finds_the_same():
    # a look-behind before the start position, an unbounded run, an alternative without "$", a word boundary
    for pattern in (r"(?<=[0-9])km$|(?<=[a-z]{3})\.$", r"\.\.+$|(?<=x)\.$", r"ab$|z|q\.$", r"\bx$|(?<=\w)y$",
                    r"(?:\.|,)$|(?<=[A-Z][A-Z])\.$"):
        regex = re.compile(pattern)
        fast = _EdgeSearch(regex, last=True)
        for word in _fuzz(7, 500) + ["10km", "abc.", "zzz..", "x.", "ab", "zab", "q.", "xx", "y", "ay", "AB.",
                                     "A.", "a,", "x\n"]:
            assert _span(fast.search(word)) == _span(regex.search(word)), (pattern, word)


def test_suffix_search_does_not_scan_from_the_start():
    suffix = spacy.blank("en").tokenizer.suffix_search.__self__
    fast = _EdgeSearch(suffix, last=True)
    starts = []

    class Recording:
        def __init__(self, search):
            self.inner = search

        def search(self, string, pos=0):
            starts.append(pos)
            return self.inner(string, pos)

    # the closure's plan for "." holds the sub-regex's search: swap it for one that records where it starts
    closure = fast.search.__func__.__closure__
    plans = next(cell.cell_contents for cell in closure if isinstance(cell.cell_contents, dict)
                 and "." in cell.cell_contents)
    find, reach, wide = plans["."]
    plans["."] = (Recording(find).search, reach, wide)
    assert _span(fast.search("migration.")) == (9, 10)
    assert starts == [len("migration.") - reach]
    starts.clear()
    assert _span(fast.search("wait...")) == (4, 7)  # "\.\.+$" matches: the whole string is searched
    assert starts == [0]


class _Doc:
    """What ``class_positions`` reads of a Doc: its length and ``user_data``."""

    def __init__(self, classes):
        self.user_data = {WORD_CLASSES_KEY: (6, numpy.array(classes, dtype="uint32"))}
        self.n = len(classes)

    def __len__(self):
        return self.n


def test_class_positions_as_a_scan_of_every_token():
    rng = random.Random(5)
    for size in (0, 1, 7, 300):
        classes = [rng.choice([0, 0, 0, 1, 2, 5, 32, 63]) for _ in range(size)]
        doc = _Doc(classes)
        for bit in (1, 2, 4, 8, 16, 32):
            expected = [i for i, c in enumerate(classes) if c & bit]
            assert class_positions(doc, bit) == expected
            assert class_positions(doc, bit) == expected  # again, from the kept non-zero positions
        assert class_positions(doc, 64) is None  # a class registered after the array was made


def test_class_positions_follow_a_new_class_array():
    doc = _Doc([1, 0, 1])
    assert class_positions(doc, 1) == [0, 2]
    doc.user_data[WORD_CLASSES_KEY] = (6, numpy.array([0, 1, 0], dtype="uint32"))  # the lemmatizer ran again
    assert class_positions(doc, 1) == [1]
    kept = doc.user_data["migraph.classed_tokens"]
    assert kept[1].tolist() == [1] and kept[0] is doc.user_data[WORD_CLASSES_KEY][1]


def _persons(text):
    from extractors.entities import extract_entities
    from extractors.pipeline import build_pipeline

    nlp = _persons.__dict__.setdefault("nlp", build_pipeline())
    result = extract_entities(nlp(text))
    return {e.name: e.attributes.get("age") for e in result.entities.values() if e.kind == "Person"}


def test_age_before_a_name_needs_the_marker_in_the_sentence(monkeypatch):
    from extractors.entities import DocIndex

    asked = []
    sent_range = DocIndex.sent_range
    monkeypatch.setattr(DocIndex, "sent_range", lambda self, i: asked.append(i) or sent_range(self, i))
    # no "-year-old" within 60 characters before any name: the sentence is never looked up
    ages = _persons("The ferry operator Tomas Varga said on Friday that the crossing would reopen. Varga added that "
                    "buses would wait at the harbour.")
    assert ages == {"Tomas Varga": None} and asked == []
    # the marker in the same sentence gives the age; one in the sentence before does not
    assert _persons("Officers met a 34-year-old teacher named Lina Osei at the bus depot.") == {"Lina Osei": 34}
    asked.clear()
    ages = _persons("He was only 19-year-old. Lina Osei waited at the depot.")
    assert ages == {"Lina Osei": None} and asked


# invented text: contractions bare, capitalised, curly, between brackets and quotes, before punctuation, glued to
# hyphens, beside the title abbreviations and abbreviations the special cases keep
CONTRACTIONS = ("We didn't know. They'll say we're fine, can't they? (Don't) I'd go at 10am, she’d stay till 5pm. "
                "\"Won't,\" he said; 'you've' ... Mr. Diaz wasn't sure it's Lt. Ruiz's call — couldn't-care-less, "
                "DIDN'T, didn't've, Y'all gonna wait? Ain't n't did not. It’s 9:30 a.m. in St. Louis; who'd've "
                "guessed.")


def _all_tokens(tokenizer, text):
    return [(t.text, t.whitespace_, t.norm_, t.norm, t.idx) for t in tokenizer(text)]


def test_pipeline_tokens_and_norms_as_with_the_special_cases():
    from extractors.pipeline import TITLE_ABBREVIATIONS, build_pipeline

    nlp = build_pipeline()
    plain = spacy.blank("en")
    for abbreviation in TITLE_ABBREVIATIONS:
        plain.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])

    def tokenize(text):  # the pipeline's tokenizer without the glued-name split, which plain spaCy lacks
        return nlp.tokenizer.tokens(text)  # (r30: with the fallback for the abbreviations unsplit_abbreviations moved)

    assert _all_tokens(tokenize, CONTRACTIONS) == _all_tokens(plain.make_doc, CONTRACTIONS)
    assert _all_tokens(nlp.make_doc, CONTRACTIONS) == _all_tokens(plain.make_doc, CONTRACTIONS)
    rng = random.Random(29)
    pieces = ["didn't", "Didn't", "we're", "can’t", "I'd", "10am", "(", ")", ",", ".", "'", "\"", "-", " ", " ",
              "\n", "x", "Mr.", "it's", "don't've", "n't", "do", "did"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        assert _all_tokens(tokenize, text) == _all_tokens(plain.make_doc, text), text
    doc = nlp.make_doc("They didn't. Did they? They did.")
    assert [(t.text, t.norm_) for t in doc][1:3] == [("did", "do"), ("n't", "not")]
    assert doc[-2].norm_ == "did"  # a "did" of its own keeps its word's NORM


def test_contractions_are_cut_by_the_infix_search():
    from extractors.affixes import _InfixFinditer
    from extractors.pipeline import build_pipeline

    tokenizer = build_pipeline().tokenizer.tokenizer
    for string in ("didn't", "we're", "can’t", "10am", "Y'all"):
        assert string not in tokenizer.rules, string  # no special case: the chunks after it are cached
    finditer = tokenizer.infix_finditer.__self__
    assert isinstance(finditer, _InfixFinditer)
    assert [m.span() for m in finditer.finditer("didn't")] == [(3, 3)]
    assert [m.span() for m in finditer.finditer("didn't-")] == []  # only the whole string is cut
    for kept in ("Mr.", "Lt.", "a.m."):  # abbreviations the suffix rules would split stay special cases
        assert kept in tokenizer.rules


def test_loaded_tokenizer_cuts_contractions_alike():
    from extractors.pipeline import build_pipeline

    tokenizer = build_pipeline().tokenizer.tokenizer
    loaded = spacy.blank("en")
    loaded.tokenizer.from_bytes(tokenizer.to_bytes())
    texts = [t.text for t in tokenizer(CONTRACTIONS)]
    assert [t.text for t in loaded.tokenizer(CONTRACTIONS)] == texts
    assert "did" in texts and "n't" in texts


def test_sentencizer_reads_the_orths_the_tokenizer_kept():
    from extractors.pipeline import TOKEN_ORTHS_KEY, build_pipeline, news_sentencizer

    nlp = build_pipeline()
    text = "We didn't stop. The ferry left at 9 p.m. on Friday.\n\nOfficials said they'd wait."
    doc = nlp(text)
    kept = doc.user_data[TOKEN_ORTHS_KEY]
    assert kept.tolist() == [t.orth for t in doc]
    again = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "migraph_sentencizer":
            break
        again = component(again)
    del again.user_data[TOKEN_ORTHS_KEY]  # the general path: the sentencizer reads the ORTH column itself
    assert [s.text for s in news_sentencizer(again).sents] == [s.text for s in doc.sents]


def test_suffix_plans_parse_each_alternative_once():
    """The per-character sub-regexes of the English suffix rules repeat the same alternatives and the same patterns:
    building the fast search parses each distinct one once (parsing them again cost 4-5 s per pipeline)."""
    from extractors.affixes import _alternative_shape, _tail_shape

    _alternative_shape.cache_clear()
    _tail_shape.cache_clear()
    suffix = spacy.blank("en").tokenizer.suffix_search.__self__
    _EdgeSearch(suffix, last=True)
    parsed, plans = _alternative_shape.cache_info(), _tail_shape.cache_info()
    assert plans.hits > 10 * plans.misses  # thousands of characters, a few dozen distinct sub-regexes
    assert parsed.misses < 200
    fast = _EdgeSearch(suffix, last=True)  # built again from the caches: the same answers
    for word in WORDS:
        assert _span(fast.search(word)) == _span(suffix.search(word)), word
