"""Round 27's output-identical speed-ups: each fast path gives what the general one gave, on sentences written here.

- the sentencizer reads the token columns value by value where it looks (``ndarray.item``), not as whole lists;
- policies answer "does this range of the text hold a word of that list" once per document (``_range_has``);
- quotes count the double marks from their positions, and the single marks with ``str.find`` up to the number needed.
"""

from __future__ import annotations

import pytest

from extractors.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


# sentence boundaries after line breaks, white space tokens, abbreviations, straight and curly quotes, brackets
SENTENCES = [
    ("He left.  She stayed.\n\nThen  \n it rained!", ["He left.  She stayed.\n\n", "Then  \n ", "it rained!"]),
    ('They moved to the U.S. He said "yes." Then (they left.) Later "We go," she said.',
     ["They moved to the U.S.", 'He said "yes."', "Then (they left.)", 'Later "We go," she said.']),
    ('\n\nFirst line\nSecond line. "Quoted.""Glued." Next one? Yes!',
     ["\n\n", "First line\n", "Second line.", '"Quoted.""Glued."', "Next one?", "Yes!"]),
    ("Sen. Jo Roe spoke. ‘Fine,’ he said.   Done", ["Sen. Jo Roe spoke.", "‘Fine,’ he said.   Done"]),
    ("One", ["One"]),
    ("Why? 'Because,' he said. 'Fine.'", ["Why?", "'Because,' he said.", "'Fine.'"]),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentencizer_boundaries(nlp, text, expected):
    assert [sent.text for sent in nlp(text).sents] == expected


RANGE_TEXT = ("The ministry said 300 Refugees crossed the border. Police detained 40 of them. "
              "The ÉLITE unit left the İzmir coast by boat.")


def test_range_has_is_the_direct_test_and_kept_per_document(nlp):
    from extractors.policies import _RANGE_WORDS_KEY, _range_has

    doc = nlp(RANGE_TEXT)
    lists = {"refugees": ["migrant", "refugee", "asylum"], "sea": ["at sea", "boat", "coast"],
             "none": ["visa", "élite unit"], "empty": []}
    ranges = [(0, len(RANGE_TEXT)), (0, 50), (51, 80), (81, len(RANGE_TEXT)), (10, 10), (90, 120)]
    for _ in range(2):  # the second round reads the kept answers
        for start, end in ranges:
            for name, words in lists.items():
                expected = any(word in RANGE_TEXT[start:end].lower() for word in words)
                assert _range_has(doc, start, end, name, words) is expected, (start, end, name)
    answers, lowered = doc.user_data[_RANGE_WORDS_KEY]
    assert len(answers) == len(ranges) * len(lists) and len(lowered) == len(ranges)
    assert _range_has(doc, 81, len(RANGE_TEXT), "none", ["visa", "élite unit"])  # lower-cased text, not tokens


def test_carried_context_reads_the_sentence_before(nlp):
    from extractors.policies import _carried_context

    doc = nlp(RANGE_TEXT)
    first, second, _third = list(doc.sents)
    words = set(t.lower_ for t in second)
    assert _carried_context(doc, first, words, "refugees")
    assert not _carried_context(doc, second, words, "refugees")  # no refugee word there
    assert not _carried_context(doc, None, words, "refugees")
    assert not _carried_context(doc, first, {"police", "detained"}, "refugees")  # no "them"/"those"
    assert not _carried_context(doc, first, words, "no such context")


@pytest.mark.parametrize("text", ["", "'", "it's", "“A,” he said. “B,” she said; it’s ‘fine’.", "'a' 'b' 'c' 'd'",
                                  '"A" "B" ' + "'x' " * 6, "‘’’" * 5])
@pytest.mark.parametrize("limit", [0, 1, 2, 5, 20])
def test_holds_more_than_counts(text, limit):
    from extractors.quotes import SINGLE_MARKS, _holds_more_than

    assert _holds_more_than(text, SINGLE_MARKS, limit) == (sum(text.count(c) for c in SINGLE_MARKS) > limit)


@pytest.mark.parametrize("text", [
    '"A," he said. "B," she said.', "'A,' he said. 'B,' she said.", "It's the voters' 'choice'.",
    '"A" "B" "C" "D" ' + " ".join(f"'Word {k},' she said." for k in range(6)),
    '"A" "B" "C" "D" ' + " ".join(f"'Word {k},' she said." for k in range(2)),
    "“A,” he said; ‘B,’ and ‘C’ and ‘D’ and ‘E’, she’s sure.", "", "'", "«Oui», dit-il. 'Non,' 'non.'",
])
def test_convention_with_the_double_marks_counted(text):
    from extractors.quotes import _convention, _double_mark_positions

    assert _convention(text, len(_double_mark_positions(text))) == _convention(text)


def test_single_mark_story_keeps_its_quotations(nlp):
    from extractors.entities import extract_entities
    from extractors.quotes import extract_quotes

    text = ("'We will build the camp,' said Jo Quillfeather, the mayor. 'It is ready,' she added. "
            "Her deputy said: 'No.'")
    doc = nlp(text)
    quotes = extract_quotes(doc, extract_entities(doc))
    assert [q.text for q in quotes] == ["We will build the camp", "It is ready", "No."]


LEMMA_TEXT = ("Thousands fled as the army mobilised. Protesters marched; prices fell and Fell Street closed. "
              "Canada followed suit, Chile did the same and Peru took similar steps. The Draft Board drafted them.")


def test_lemma_word_classes_are_the_lemma_scans(nlp):
    from extractors.doccache import class_positions, doc_lemmas
    from extractors.events import _FIRST_LEMMA, _lexicon
    from extractors.policies import _SAME_MEASURE_HEAD, _same_measure_phrases, _same_measure_spans

    doc = nlp(LEMMA_TEXT)
    lemmas = doc_lemmas(doc)
    for bit, wanted in ((_FIRST_LEMMA, _lexicon()[0]), (_SAME_MEASURE_HEAD, _same_measure_phrases()[0])):
        expected = [i for i, lemma in enumerate(lemmas) if lemma in wanted]
        assert expected and class_positions(doc, bit) == expected
    spans = _same_measure_spans(doc)
    assert [doc[a:b].text for a, b in spans] == ["followed suit", "did the same", "took similar steps"]


def test_event_candidates_with_and_without_word_classes(nlp):
    from extractors.doccache import WORD_CLASSES_KEY
    from extractors.events import _Words

    doc = nlp(LEMMA_TEXT)
    with_classes = _Words(doc).candidates()
    del doc.user_data[WORD_CLASSES_KEY]  # (no classes: the scan of the lower forms and lemmas)
    assert with_classes and _Words(doc).candidates() == with_classes
