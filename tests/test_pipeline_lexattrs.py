"""The default pipeline computes only the lexical attributes migraph reads, with spaCy's values."""

from __future__ import annotations

import re
from pathlib import Path

import spacy

from extractors.pipeline import build_pipeline, lexical_attribute_getters

WORDS = ["", " ", "\n\n", "\t", "Hello", "hello", "HELLO", "hElLo", "U.S.", "Mr.", "don't", "’s", "--", "—", "...",
         "…", "!?", "(", "»", "$", "€", "3", "42", "1,000", "3.5", "+7", "-12", "±3", "~40", "1/2", "1/2/3", "a/b",
         "twenty", "Twenty", "TWENTY", "first", "Ninetieth", "21st", "2nd", "3rd", "4th", "th", "st", "zero",
         "bazillion", "Kyiv", "İstanbul", "ß", "ǅemal", "Ⅻ", "½", "²", "٣", "x²", "e-mail", "a@b.org",
         "https://example.org", "#tag", "@user", "'", '"', "“", "12:30", "9am", "COVID-19", "Ms", "ok.",
         "‐", "¿", "_", "__", "a_b", "¡Hola!"]


def _english_getters() -> dict:
    return spacy.blank("en").vocab.lex_attr_getters


def test_each_kept_getter_gives_spacys_value():
    english = _english_getters()
    kept = lexical_attribute_getters(spacy.blank("en"))
    assert [(attr, word, getter(word)) for word in WORDS for attr, getter in kept.items()] == [
        (attr, word, english[attr](word)) for word in WORDS for attr in kept]


def test_token_attributes_migraph_reads_match_a_blank_english_pipeline():
    text = ("On 3rd May, twenty-one families (about 1,500 people) crossed near Kyiv; "
            "“We waited,” said Ms. Orlova — 1/2 of them U.S.-bound!\n\nSee https://example.org ...")
    ours = build_pipeline()(text)
    theirs = spacy.blank("en")(text)
    read = ("text", "lower_", "norm_", "is_alpha", "is_digit", "is_lower", "is_space", "is_title", "is_upper",
            "is_punct", "like_num")
    assert [[getattr(t, a) for a in read] for t in ours] == [[getattr(t, a) for a in read] for t in theirs]


# Token attributes (and Matcher pattern keys) the default pipeline no longer computes: reading one would silently
# give "" or False there.
_DROPPED_ATTRIBUTES = re.compile(
    r"\.(?:shape_|prefix_|suffix_|is_stop|like_url|like_email|is_ascii|is_bracket|is_quote|is_left_punct"
    r"|is_right_punct|is_currency)\b(?!\s*=)"
    r"|[\"'](?:SHAPE|PREFIX|SUFFIX|IS_STOP|LIKE_URL|LIKE_EMAIL|IS_ASCII|IS_BRACKET|IS_QUOTE|IS_LEFT_PUNCT"
    r"|IS_RIGHT_PUNCT|IS_CURRENCY)[\"']"
    r"|\bimport\b[^\n]*\b(?:SHAPE|PREFIX|SUFFIX|IS_STOP|LIKE_URL|LIKE_EMAIL|IS_ASCII|IS_BRACKET|IS_QUOTE"
    r"|IS_LEFT_PUNCT|IS_RIGHT_PUNCT|IS_CURRENCY)\b"
)


def test_no_module_reads_an_attribute_the_default_pipeline_leaves_out():
    root = Path(__file__).resolve().parent.parent
    files = [*root.glob("extractors/**/*.py"), *root.glob("graph/**/*.py"), *root.glob("extractors/data/*.json"),
             root / "build_graph.py"]
    readers = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            readers += [f"{path.relative_to(root)}:{number}: {m.group()}" for m in _DROPPED_ATTRIBUTES.finditer(line)]
    assert not readers, "read by migraph: add it to pipeline.lexical_attribute_getters\n" + "\n".join(readers)


def test_a_trained_pipeline_keeps_all_of_spacys_lexical_attributes(tmp_path):
    trained = spacy.blank("en")
    trained.add_pipe("sentencizer")
    trained.to_disk(tmp_path / "model")
    nlp = build_pipeline(model=str(tmp_path / "model"))
    assert set(nlp.vocab.lex_attr_getters) == set(_english_getters())
    assert nlp("Refugees waited.")[0].shape_ == "Xxxxx"
