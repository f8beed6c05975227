"""The spaCy pipeline: ``spacy.blank("en")`` plus migraph's registered components.

No trained English pipeline can be downloaded here, so the default pipeline is made of
rules and data: news-aware sentence boundaries, page-boilerplate detection, gazetteer
matching (countries, demonyms, places, organisations) and a rule-based person finder.
``build_pipeline(model=...)`` loads an installed trained pipeline instead and adds the
same components after it, so its entities and parse are used alongside the rules.
"""

from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extractors import names
from extractors.gazetteer import gazetteer, is_common_word, lexicon

for _name, _default in (("boilerplate", []), ("bylines", [])):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name in ("iso", "canonical", "role", "source"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Token.has_extension("in_boilerplate"):
    Token.set_extension("in_boilerplate", default=False)

OPENING_QUOTES = {'"', "“", "‘", "'", "«", "„", "(", "["}
CLOSING_QUOTES = {'"', "”", "’", "'", "»", ")", "]"}
TERMINAL = {".", "!", "?", "…", "...", "?!", "!?"}

BYLINE_RE = re.compile(
    r"(?im)^(?:[^\n]{0,80}\b(?:writers?|reporters?|correspondents?|journalists?)\b[^\n]*"
    r"\bcontributed\b[^\n]*|By [A-Z][^\n]{0,80}|\(AP Photo/[^)\n]*\)|\([A-Z][A-Za-z ]{1,20} Photo/[^)\n]*\))"
)
PHOTO_CREDIT_RE = re.compile(r"\((?:AP|AFP|Reuters|Getty)[^()\n]{0,20}Photo/[^)\n]*\)|\(Photo by [^)\n]*\)")


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines that are page furniture, not article text."""
    lex = lexicon()
    exact = set(lex["boilerplate_lines"])
    prefixes = tuple(lex["boilerplate_prefixes"])
    ranges = []
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and (stripped.lower() in exact or stripped.startswith(prefixes)):
            ranges.append((offset, offset + len(line)))
        offset += len(line)
    for match in re.finditer(r"_{3,}\s*Follow [^.\n]*?(?:https?://\S+)", text):
        ranges.append(match.span())
    return ranges


def byline_ranges(text: str) -> list[tuple[int, int]]:
    """Contributor lines and photo credits: the persons there wrote or photographed, not acted."""
    spans = [m.span() for m in BYLINE_RE.finditer(text)]
    spans += [m.span() for m in PHOTO_CREDIT_RE.finditer(text)]
    return sorted(set(spans))


@Language.component("migraph_boilerplate")
def mark_boilerplate(doc: Doc) -> Doc:
    doc._.boilerplate = boilerplate_ranges(doc.text)
    doc._.bylines = byline_ranges(doc.text)
    for start, end in doc._.boilerplate:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for token in span:
                token._.in_boilerplate = True
    return doc


def _is_sentence_start_candidate(token: Token) -> bool:
    text = token.text
    return bool(text) and (text[0].isupper() or text[0].isdigit() or text in OPENING_QUOTES
                           or text in {"—", "–", "-"} and False)


@Language.component("migraph_sentencizer")
def news_sentencizer(doc: Doc) -> Doc:
    """Sentence boundaries for news: paragraphs, terminal punctuation, quotes, abbreviations.

    Abbreviations ("St.", "Sen.", "U.S.") and initials ("M.") stay single tokens in
    spaCy's English tokenizer, so only a stand-alone terminal mark can end a sentence;
    a closing quote or bracket after it stays with the sentence it closes.
    """
    if len(doc) == 0:
        return doc
    for token in doc:
        token.is_sent_start = token.i == 0
    pending = False  # a terminal mark was seen, the sentence may end after closers
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text and previous.is_space:
            token.is_sent_start = not token.is_space
            pending = False
            continue
        if token.is_space:
            token.is_sent_start = False
            continue
        if previous.text in TERMINAL:
            pending = True
        elif previous.text not in CLOSING_QUOTES:
            pending = False
        if pending and token.text in CLOSING_QUOTES and token.text not in {'"', "'"}:
            token.is_sent_start = False
            continue
        if pending and token.text in {'"', "'"}:
            # A straight quote after a full stop closes when glued to it, opens otherwise.
            token.is_sent_start = bool(previous.whitespace_)
            if token.is_sent_start:
                pending = False
            continue
        token.is_sent_start = pending and _is_sentence_start_candidate(token)
        if token.is_sent_start:
            pending = False
    return doc


@Language.component("migraph_gazetteer")
def match_gazetteer(doc: Doc) -> Doc:
    """Countries, demonyms, places and organisations, keyed to their canonical records."""
    matcher = _phrase_matcher(doc.vocab)
    spans = list(doc.ents)
    gaz = gazetteer()
    for match_id, start, end in matcher(doc):
        label = doc.vocab.strings[match_id]
        span = Span(doc, start, end, label=label)
        surface = span.text
        if any(t._.in_boilerplate for t in span):
            continue
        if label == "GPE":
            span._.iso = gaz.country_by_surface[surface]
            span._.canonical = gaz.country_name(span._.iso)
        elif label == "NORP":
            span._.iso = gaz.demonym_by_surface[surface]
            span._.canonical = gaz.country_name(span._.iso)
        elif label == "LOC":
            place = gaz.places[surface]
            span._.iso = place.country or None
            span._.canonical = place.name
        elif label == "ORG":
            org = gaz.organizations[surface]
            span._.iso = org.country or None
            span._.canonical = org.name
        span._.source = "gazetteer"
        if label == "LOC" and (_next_to_name(doc, span) or (
                len(span) == 1 and names.person_cue_before(doc, start) and names.first_name_gender(surface))):
            continue  # "her daughter Sophia": a person, not Sofia
        if label == "LOC" and _next_to_name(doc, span):
            continue  # "Nancy Faeser", "Vanessa Gera": a person, not the city
        spans.append(span)
    spans += names.organization_spans(doc)
    doc.ents = _merge(doc, spans)
    return doc


def _next_to_name(doc: Doc, span: Span) -> bool:
    """Whether a place match is glued to another capitalised word that is no place."""
    gaz = gazetteer()
    neighbours = []
    if span.start > 0 and not span[0].is_sent_start:
        neighbours.append(doc[span.start - 1])
    if span.end < len(doc):
        neighbours.append(doc[span.end])
    for token in neighbours:
        if (names.is_name_token(token) and token.text not in gaz.places
                and token.text not in gaz.country_by_surface and token.text not in gaz.demonym_by_surface
                and token.text not in gaz.organizations
                and not is_common_word(token.text)):
            return True
    return False


@Language.component("migraph_person_rules")
def find_persons(doc: Doc) -> Doc:
    """Rule-based persons (and the organisations the rules recognise on the way)."""
    found = names.person_spans(doc)
    doc.ents = _merge(doc, list(doc.ents) + found)
    return doc


def _merge(doc: Doc, spans: list[Span]) -> list[Span]:
    """Non-overlapping entities: longest wins, then gazetteer over model, then earliest."""
    keep = filter_spans(spans)
    return sorted(keep, key=lambda s: s.start)


_MATCHERS: dict[int, object] = {}


def _phrase_matcher(vocab):
    key = id(vocab)
    if key not in _MATCHERS:
        from spacy.matcher import PhraseMatcher

        gaz = gazetteer()
        tokenizer = spacy.blank("en").tokenizer
        matcher = PhraseMatcher(vocab, attr="ORTH")
        for label, surfaces in (
            ("GPE", gaz.country_by_surface),
            ("NORP", gaz.demonym_by_surface),
            ("LOC", gaz.places),
            ("ORG", gaz.organizations),
        ):
            matcher.add(label, [tokenizer(s) for s in sorted(surfaces)])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


MIGRAPH_COMPONENTS = ("migraph_boilerplate", "migraph_gazetteer", "migraph_person_rules")


def build_pipeline(model: str | None = None) -> Language:
    """The default rule pipeline, or an installed trained pipeline with migraph's rules added."""
    if model:
        try:
            nlp = spacy.load(model)
        except OSError as error:
            raise ValueError(f"spaCy pipeline {model!r} is not installed or not a pipeline "
                             f"folder: {error}") from error
        has_sentences = any(nlp.has_pipe(n) for n in ("parser", "senter", "sentencizer"))
        nlp.add_pipe("migraph_boilerplate", first=True)
        if not has_sentences:
            nlp.add_pipe("migraph_sentencizer", after="migraph_boilerplate")
        nlp.add_pipe("migraph_gazetteer", last=True)
        nlp.add_pipe("migraph_person_rules", last=True)
        return nlp
    nlp = spacy.blank("en")
    nlp.add_pipe("migraph_boilerplate")
    nlp.add_pipe("migraph_sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("migraph_gazetteer")
    nlp.add_pipe("migraph_person_rules")
    nlp.initialize()
    return nlp
