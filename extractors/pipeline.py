"""The spaCy pipeline: ``spacy.blank("en")`` plus migraph's registered components.

No trained English pipeline can be downloaded here, so the default pipeline is made of
rules and data: news-aware sentence boundaries, page-boilerplate detection, gazetteer
matching (countries, demonyms, places, organisations) and a rule-based person finder.
``build_pipeline(model=...)`` loads an installed trained pipeline instead and adds the
same components after it, so its entities and parse are used alongside the rules.
"""

from __future__ import annotations

import bisect
import os
import re
from functools import cache

import numpy
import spacy
from spacy.attrs import (
    ENT_ID,
    ENT_IOB,
    ENT_KB_ID,
    ENT_TYPE,
    IDX,
    IS_ALPHA,
    IS_DIGIT,
    IS_LOWER,
    IS_PUNCT,
    IS_SPACE,
    IS_TITLE,
    IS_UPPER,
    LANG,
    LEMMA,
    LIKE_NUM,
    LOWER,
    NORM,
    ORTH,
    SENT_START,
    SPACY,
)
from spacy.errors import Errors
from spacy.lang import lex_attrs as spacy_lex_attrs
from spacy.lang.en import lex_attrs as english_lex_attrs
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors import names
from extractors.affixes import (
    add_plain_word_match,
    add_word_match,
    drop_redundant_special_cases,
    speed_up_affixes,
    split_contractions,
    unsplit_abbreviations,
)
from extractors.doccache import (
    BOILERPLATE_TOKENS_KEY,
    WORD_CLASSES_KEY,
    classify_word,
    doc_text,
    forget_entities,
    kept_entities,
    kept_entity_columns,
    lower_text,
    remember_entities,
    remember_sentence_columns,
    remember_text,
    remember_token_starts,
    seed_token_strings,
    sentence_columns,
    word_class_count,
)
from extractors.gazetteer import gazetteer, is_common_word, lexicon
from extractors.temporal import digit_run_starts

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

_NAME = r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|van|von|der|de|la|al|el|bin))*"
BYLINE_RE = re.compile(
    r"(?m)"
    # "By Jane Doe", "By Jane Doe and John Roe, Reuters" at the start of a line (not "By Tuesday, ...")
    rf"^By (?!(?:{'|'.join(names.WEEKDAYS_MONTHS).replace('.', '[.]')}|The|Then|Now|Last|Late|Early|Mid)\b)"
    rf"{_NAME}(?:,? (?:and|&) {_NAME})*"
    # "ABC News' Jane Doe contributed", "Reuters' Jane Doe reported from Kyiv"
    rf"|\b[A-Z][\w.]*(?:'s|’s|'|’) {_NAME} (?:contributed|reports|reported|reporting)\b"
    rf"|{_NAME} (?:reported|reporting|reports) from\b"
    r"|\(AP Photo/[^)\n]*\)|\([A-Z][A-Za-z ]{1,20} Photo/[^)\n]*\)",
)
PHOTO_CREDIT_RE = re.compile(
    r"\((?:AP|AFP|Reuters|Getty)[^()\n]{0,20}Photo/[^)\n]*\)|\((?:Photo|Image|Credit)(?: by|:) [^)\n]*\)"
    r"|\b(?:Photo|Image|Picture|Credit)(?: by|:) [A-Z][^\n.;|]{0,60}"
    r"|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}/(?:Getty Images|AFP|AP|Reuters|EPA|Shutterstock|Anadolu|Sipa|NurPhoto"
    r"|Bloomberg|Alamy|TASS|Sputnik|SOPA|LightRocket|Pool)\b"
)
# Credits written with a slash: "[Jo Smith/Al Jazeera]", a line "Jo Smith/Staff", "REUTERS/Jo Smith/File Photo".
# A name and a source joined by "/" at the start of a line, after a bracket or after an agency in capitals.
SLASH_CREDIT_RE = re.compile(
    r"(?:^|(?<=[\[(]))[ \t]*[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}/[A-Z][\w.'’&-]*(?:[ /][A-Z][\w.'’&-]*){0,4}"
    r"(?=[\])]|[ \t]*$)"
    r"|\b[A-Z]{2,}/[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}\b",
    re.M,
)
BYLINE_CUE_RE = None
# "Associated Press writers X in Warsaw and Y in London contributed." anywhere in a paragraph
CONTRIBUTORS_RE = re.compile(
    r"\b(?:[Ww]riters?|[Rr]eporters?|[Cc]orrespondents?|[Jj]ournalists?|[Ss]tringers?)\b"
    r"(?:[^.!?\n]|(?<=\b[A-Z])\.){0,200}?\bcontributed\b(?=\s*(?:[.;]|$|to (?:this|the)\b|reporting\b))"
)
_CONTRIBUTOR_STEMS = ("riter", "eporter", "orrespondent", "ournalist", "tringer")
"""``CONTRIBUTORS_RE``'s nouns less their first letter: every match starts one character before one of these."""


def _contributor_matches(text: str) -> list[re.Match]:
    """``list(CONTRIBUTORS_RE.finditer(text))``, the pattern tried only where a match can start (one character before
    a stem), in order, each from the end of the last match as ``finditer`` does: opening with ``\\b``, the pattern
    was tried at every character (about 10x slower). Its look-behinds read the text before the start as in a search."""
    starts: set[int] = set()
    for stem in _CONTRIBUTOR_STEMS:
        i = text.find(stem, 1)
        while i >= 0:
            starts.add(i - 1)
            i = text.find(stem, i + 1)
    found = []
    done = 0
    match = CONTRIBUTORS_RE.match
    for start in sorted(starts):
        if start < done:
            continue
        m = match(text, start)
        if m:
            found.append(m)
            done = m.end()
    return found


def _byline_cue_re() -> re.Pattern:
    global BYLINE_CUE_RE
    if BYLINE_CUE_RE is None:
        cues = sorted(lexicon()["byline_cues"], key=len, reverse=True)
        BYLINE_CUE_RE = re.compile(r"(?i)\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b")
    return BYLINE_CUE_RE


_SENTENCE_END_RE = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\bSt)[.!?][\"”’']?(?=\s)|\n")


_SENTENCE_MARK_RE = re.compile(r"[.!?\n]")
"""The characters a ``_SENTENCE_END_RE`` match starts with."""


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The rough sentence (by punctuation, not splitting after initials) holding text[start:end]."""
    # The sentence begins after the last _SENTENCE_END_RE match in text[:start]. A match is one of the marks,
    # maybe followed by a quote (never a mark), so the matches are the marks where the pattern matches: try those
    # from the right (the pattern's look-behinds at every character of the text cost more).
    begin = 0
    for mark in reversed([m.start() for m in _SENTENCE_MARK_RE.finditer(text, 0, start)]):
        match = _SENTENCE_END_RE.match(text, mark, start)  # the end bound as finditer(text, 0, start) sets it
        if match:
            begin = match.end()
            break
    after = _SENTENCE_END_RE.search(text, end)
    return begin, after.end() if after else len(text)


@cache
def _boilerplate_lines() -> tuple[frozenset[str], tuple[str, ...], int]:
    """The lexicon's boilerplate lines (lower-case), line prefixes, and the longest line's length."""
    lex = lexicon()
    exact = frozenset(lex["boilerplate_lines"])
    return exact, tuple(lex["boilerplate_prefixes"]), max(map(len, exact), default=0)


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines that are page furniture, not article text."""
    exact, prefixes, longest = _boilerplate_lines()
    ranges = []
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        # lower-casing never shortens a string: a longer line cannot be one of the exact lines
        if stripped and (len(stripped) <= longest and stripped.lower() in exact or stripped.startswith(prefixes)):
            ranges.append((offset, offset + len(line)))
        offset += len(line)
    if "___" in text:  # (every match opens with it; the regex, opening with a repeat, is tried at every character)
        for match in re.finditer(r"_{3,}\s*Follow [^.\n]*?(?:https?://\S+)", text):
            ranges.append(match.span())
    return ranges


# Words each pattern cannot match without. No match of these patterns crosses a line break, so
# they run only over the lines holding such a word: most lines hold none, and the patterns try
# their alternatives at every capital letter. (BYLINE_RE: "By " opens its first alternative, a space and
# "contributed" or "report" + "s"/"ed"/"ing" are in the next two, "Photo/" in the last two.)
_BYLINE_NEEDLES = ("By ", " contributed", " reports", " reported", " reporting", "Photo/")
_PHOTO_CREDIT_NEEDLES = ("Photo", "Image", "Picture", "Credit", "/Getty Images", "/AFP", "/AP", "/Reuters", "/EPA",
                         "/Shutterstock", "/Anadolu", "/Sipa", "/NurPhoto", "/Bloomberg", "/Alamy", "/TASS",
                         "/Sputnik", "/SOPA", "/LightRocket", "/Pool")


def _matches_in_lines(pattern: re.Pattern, text: str, needles: tuple[str, ...]) -> list[re.Match]:
    """``pattern.finditer(text)`` for a pattern whose matches stay within a line and hold a needle (no needle holds a
    line break)."""
    matches: list[re.Match] = []
    for line_start, line_end in _lines_with(text, needles):
        matches += pattern.finditer(text, line_start, line_end)
    return matches


def _lines_with(text: str, needles: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of the lines holding a needle, in order, the end before the line break. Found with ``str.find``,
    past the rest of a line once it holds the needle: a regex of the needles, opening with a set of first characters,
    tested each character of the text (about 50 instructions each)."""
    lines: set[tuple[int, int]] = set()
    words, by_mark = _needle_groups(needles)
    for needle in words:
        at = text.find(needle)
        while at >= 0:
            line_end = text.find("\n", at + len(needle))
            if line_end < 0:
                line_end = len(text)
            lines.add((text.rfind("\n", 0, at) + 1, line_end))
            at = text.find(needle, line_end)
    for mark, group in by_mark.items():
        at = text.find(mark)
        while at >= 0:
            if text.startswith(group, at):
                line_end = text.find("\n", at)
                if line_end < 0:
                    line_end = len(text)
                lines.add((text.rfind("\n", 0, at) + 1, line_end))
                at = line_end
            at = text.find(mark, at + 1)
    return sorted(lines)


@cache
def _needle_groups(needles: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """The needles opening with a letter, digit or space, and the others by their first character ("/AFP",
    "/Reuters", ...: one search for the rare "/" then a test per needle where it occurs, not a search per needle)."""
    by_mark: dict[str, list[str]] = {}
    for needle in needles:
        if not (needle[0].isalnum() or needle[0].isspace()):
            by_mark.setdefault(needle[0], []).append(needle)
    words = tuple(needle for needle in needles if needle[0] not in by_mark)
    return words, {mark: tuple(group) for mark, group in by_mark.items()}


_BYLINE_CUE_WORDS: tuple[str, ...] = ()


@cache
def _byline_cue_groups(cues: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The cues by their first word: (the longest beginning they share, the cues) for a word several cues open with,
    (the cue, (the cue,)) for the others; a cue holding another cue is left out (the other is found wherever it is).
    ``byline_ranges`` tests a group's cues only in a text holding that beginning: most texts hold no cue, and each
    test scans the whole text (17 scans were about 0.5% of the pipeline's instructions)."""
    kept = [cue for cue in cues if not any(other != cue and other in cue for other in cues)]
    by_word: dict[str, list[str]] = {}
    for cue in kept:
        by_word.setdefault(cue.split(" ", 1)[0], []).append(cue)
    return tuple((os.path.commonprefix(group), tuple(group)) for group in by_word.values())


# '"...," NPR's X reports from Rome': a reporter named right after a closing mark is quoted in the story, not
# its byline (annotators list such reporters as persons and speakers).
_ATTRIBUTES_QUOTE_RE = re.compile(r"[,.!?…][\"”’'][ \t]*$")


def byline_ranges(text: str) -> list[tuple[int, int]]:
    """Contributor lines and photo credits: the persons there wrote or photographed, not acted."""
    global _BYLINE_CUE_WORDS
    if not _BYLINE_CUE_WORDS:
        _BYLINE_CUE_WORDS = tuple(sorted({c.lower() for c in lexicon()["byline_cues"]}))
    spans = [m.span() for m in _matches_in_lines(BYLINE_RE, text, _BYLINE_NEEDLES)
             if text[m.start()] == "(" or not _ATTRIBUTES_QUOTE_RE.search(text, max(0, m.start() - 4), m.start())]
    lowered = lower_text(text)
    if len(lowered) == len(text):  # the cues are case-insensitive: find them in the lower-cased text
        # most texts hold none of the cue phrases (a substring test each, in C): no line to search then
        cues = []
        if any(key in lowered and (len(group) == 1 or any(cue in lowered for cue in group))
               for key, group in _byline_cue_groups(_BYLINE_CUE_WORDS)):
            cues = [m.span() for m in _matches_in_lines(_byline_cue_re(), lowered, _BYLINE_CUE_WORDS)]
    else:  # lower-casing changed offsets (rare letters such as "İ"): search the text itself
        cues = [m.span() for m in _byline_cue_re().finditer(text)]
    spans += [_sentence_around(text, start, end) for start, end in cues]
    if "contributed" in text:  # its look-ahead may read past the line, so it runs over the whole text
        spans += [_sentence_around(text, *m.span()) for m in _contributor_matches(text)]
    spans += [m.span() for m in _matches_in_lines(PHOTO_CREDIT_RE, text, _PHOTO_CREDIT_NEEDLES)]
    if "/" in text:
        spans += [m.span() for m in _matches_in_lines(SLASH_CREDIT_RE, text, ("/",))]
    return sorted(set(spans))


@Language.component("migraph_boilerplate")
def mark_boilerplate(doc: Doc) -> Doc:
    text = doc_text(doc)
    doc._.boilerplate = boilerplate_ranges(text)
    doc._.bylines = byline_ranges(text)
    positions: set[int] = set()
    user_data = doc.user_data
    token_starts = None
    for start, end in doc._.boilerplate:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            if token_starts is None:
                token_starts = doc.to_array([IDX]).ravel().tolist()
            # ``token._.in_boilerplate = True`` for each token, written where spaCy's Underscore writes it (the
            # extension has a default, no setter) without a Token and an Underscore object per token
            for i in range(span.start, span.end):
                user_data[("._.", "in_boilerplate", token_starts[i], None)] = True
            positions.update(range(span.start, span.end))
    doc.user_data[BOILERPLATE_TOKENS_KEY] = frozenset(positions)
    return doc




@Language.component("migraph_sentencizer")
def news_sentencizer(doc: Doc) -> Doc:
    """Sentence boundaries for news: paragraphs, terminal punctuation, quotes, abbreviations.

    Abbreviations ("St.", "Sen.", "U.S.") and initials ("M.") stay single tokens in
    spaCy's English tokenizer, so only a stand-alone terminal mark can end a sentence;
    a closing quote or bracket after it stays with the sentence it closes.
    """
    if len(doc) == 0:
        return doc
    # A boundary can only follow a line break or a terminal mark, so the token attributes are read
    # as arrays once and the rules run only from those places on (reading every Token object cost
    # more than the rest of the component). All boundaries are then set in one from_array call:
    # the Token.is_sent_start setter checks the whole doc for a parse on each call.
    # The loop below decodes only the strings it looks at, and reads the columns' values one by one with
    # ``ndarray.item`` (a Python int, as in ``tolist``): it visits about one token in fifteen (the trigger and the
    # token after it, mostly), where making a list of each whole column cost a sixth of the component.
    kept = doc.user_data.get(TOKEN_ORTHS_KEY)
    if kept is not None and len(kept) == len(doc):  # the tokenizer's (``restore_norms``): no ORTH column again
        orth = kept
        is_space_array, trailing_array = doc.to_array([IS_SPACE, SPACY]).T
    else:
        orth, is_space_array, trailing_array = doc.to_array([ORTH, IS_SPACE, SPACY]).T
    strings = doc.vocab.strings
    orth_at, is_space, trailing_space = orth.item, is_space_array.item, trailing_array.item
    n = len(orth)
    starts = numpy.full(n, -1, dtype="int64")
    starts[0] = 1
    line_breaks = [i for i in is_space_array.nonzero()[0].tolist() if "\n" in strings[orth_at(i)]]
    final_abbreviations, openers = _sentence_final_abbreviations()
    # one C pass for both kinds of marks (terminal punctuation, sentence-final abbreviations)
    marks = _is_mark(doc, orth).nonzero()[0].tolist()
    after_line_break = {i + 1 for i in line_breaks}
    triggers = sorted(after_line_break.union([i + 1 for i in marks]))
    done = 0  # tokens before this index are decided
    for first in triggers:
        if first < done or first >= n:
            continue
        pending = False  # a terminal mark was seen, the sentence may end after closers
        i = first
        while i < n:
            text = strings[orth_at(i)]
            previous = strings[orth_at(i - 1)]
            if i in after_line_break:
                if not is_space(i):
                    starts[i] = 1
                pending = False
            elif is_space(i):
                pass
            elif previous in final_abbreviations and text in openers and trailing_space(i - 1):
                starts[i] = 1  # "... into the U.S. He said": the abbreviation's full stop ends the sentence
                pending = False
            else:
                if previous in TERMINAL:
                    pending = True
                elif previous not in CLOSING_QUOTES:
                    pending = False
                if pending and text in CLOSING_QUOTES and text not in {'"', "'"}:
                    pass
                elif pending and text in {'"', "'"}:
                    # A straight quote after a full stop closes when glued to it, opens otherwise.
                    if trailing_space(i - 1):
                        starts[i] = 1
                        pending = False
                elif pending and _is_sentence_start_text(text) and not (
                        text[0].isdigit() and previous == "." and i >= 2 and strings[orth_at(i - 2)] in NUMBER_SIGNS):
                    starts[i] = 1  # (not "the No. 2 Senate Democrat": 'No.' before a number is the number sign)
                    pending = False
            i += 1
            if not pending and i not in after_line_break:
                break
        done = i
    sent_starts = starts.astype("uint64")
    doc.from_array([SENT_START], sent_starts.reshape(-1, 1))
    remember_sentence_columns(doc, orth, trailing_array, sent_starts)  # read again by later components
    return doc


NUMBER_SIGNS = frozenset({"No", "Nos", "NO"})  # 'No. 2', 'Nos. 3 and 4'


@cache
def _sentence_final_abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """Abbreviations that may end a sentence, and the words that then open the next one (lexicon.json)."""
    words = lexicon()
    return frozenset(words["sentence_final_abbreviations"]), frozenset(words["sentence_openers"])


def _is_sentence_start_text(text: str) -> bool:
    return bool(text) and (text[0].isupper() or text[0].isdigit() or text in OPENING_QUOTES)


def _orth_ids(doc: Doc, texts: set[str]) -> list[int]:
    """The vocabulary's hash of each text, to compare with ``doc.to_array([ORTH])``."""
    return [doc.vocab.strings.add(text) for text in sorted(texts)]


_MARK_IDS: list = [None, None]  # the string store last asked, and the sorted hashes of the marks added to it


def _is_mark(doc: Doc, orth: numpy.ndarray) -> numpy.ndarray:
    """``numpy.isin(orth, _orth_ids(doc, TERMINAL | final abbreviations))``: the hashes are made once per string
    store (a string's hash is fixed), and found by a binary search in them (isin cost twice as much, per document)."""
    strings = doc.vocab.strings
    if _MARK_IDS[0] is not strings:
        final_abbreviations, _ = _sentence_final_abbreviations()
        ids = numpy.array(sorted(set(_orth_ids(doc, TERMINAL | final_abbreviations))), dtype="uint64")
        _MARK_IDS[:] = [strings, ids]
    ids = _MARK_IDS[1]
    at = ids.searchsorted(orth)  # (the method: numpy.searchsorted is a Python layer over it)
    at[at == len(ids)] = 0  # past the largest hash: compared with the first, which differs
    return ids[at] == orth


class _WordTable:
    """Per distinct word (ORTH hash), once per process: its lemma's hash, and the token text, lower-case form and
    lower-cased lemma that ``doccache`` lists hold.

    Most words of an article were seen in earlier ones; those are found for all tokens at once by a binary search
    in sorted arrays (no Python step per word), the rest in a small dict merged into the arrays now and then.
    """

    LIMIT = 500_000  # distinct words kept before the table starts afresh (bounds a long run's memory)
    MERGE_AT = 4_000  # new words kept in the dict before they are merged into the arrays

    def __init__(self):
        self.clear()

    def clear(self) -> None:
        self.orths = numpy.zeros(0, dtype="uint64")  # sorted
        self.lemmas = numpy.zeros(0, dtype="uint64")
        self.strings = [numpy.empty(0, dtype=object) for _ in range(3)]  # text, lower-case form, lemma lower-cased
        self.classes = numpy.zeros(0, dtype="uint32")  # doccache.classify_word of the text and lower-case form
        self.lengths = numpy.zeros(0, dtype="uint64")  # len(text)
        self.class_count = word_class_count()  # classes registered when the rows were made
        self.recent: dict[int, tuple[int, str, str, str, int]] = {}

    def merge(self) -> None:
        """Move the dict's words into the sorted arrays."""
        if not self.recent:
            return
        rows = list(self.recent.items())
        orths = numpy.concatenate([self.orths, numpy.array([o for o, _ in rows], dtype="uint64")])
        order = numpy.argsort(orths, kind="stable")
        self.orths = orths[order]
        self.lemmas = numpy.concatenate([self.lemmas, numpy.array([r[0] for _, r in rows], dtype="uint64")])[order]
        for k in range(3):
            added = numpy.empty(len(rows), dtype=object)
            added[:] = [r[k + 1] for _, r in rows]
            self.strings[k] = numpy.concatenate([self.strings[k], added])[order]
        self.classes = numpy.concatenate([self.classes, numpy.array([r[4] for _, r in rows], dtype="uint32")])[order]
        added_lengths = numpy.array([len(r[1]) for _, r in rows], dtype="uint64")
        self.lengths = numpy.concatenate([self.lengths, added_lengths])[order]
        self.recent = {}

    def lookup(self, orths: numpy.ndarray, make_row) -> tuple[numpy.ndarray, list[list[str]], numpy.ndarray,
                                                              numpy.ndarray]:
        """Per token: its lemma hash (array), its three strings (lists), its word classes and its text's length
        (arrays); ``make_row(orth)`` makes a new word's row."""
        n = len(orths)
        if len(self.orths) + len(self.recent) > self.LIMIT or self.class_count != word_class_count():
            self.clear()  # (a class registered since: every word is classified again)
        at = self.orths.searchsorted(orths)
        known = at < len(self.orths)
        if known.all():
            known = self.orths[at] == orths
            if known.all():  # the usual case: every word seen before, gathered without masks
                return (self.lemmas[at], [values[at].tolist() for values in self.strings], self.classes[at],
                        self.lengths[at])
        else:
            known[known] = self.orths[at[known]] == orths[known]
        at = at[known]
        lemma_out = numpy.zeros(n, dtype="uint64")
        lemma_out[known] = self.lemmas[at]
        classes_out = numpy.zeros(n, dtype="uint32")
        classes_out[known] = self.classes[at]
        lengths_out = numpy.zeros(n, dtype="uint64")
        lengths_out[known] = self.lengths[at]
        string_out = [numpy.empty(n, dtype=object) for _ in range(3)]
        for k in range(3):
            string_out[k][known] = self.strings[k][at]
        if not known.all():
            others = numpy.flatnonzero(~known)
            recent = self.recent
            rows = []
            for orth in orths[others].tolist():
                row = recent.get(orth)
                if row is None:
                    row = recent[orth] = make_row(orth)
                rows.append(row)
            lemma_out[others] = [row[0] for row in rows]
            classes_out[others] = [row[4] for row in rows]
            lengths_out[others] = [len(row[1]) for row in rows]
            for k in range(3):
                string_out[k][others] = [row[k + 1] for row in rows]
            if len(recent) >= self.MERGE_AT:
                self.merge()
        return lemma_out, [values.tolist() for values in string_out], classes_out, lengths_out


class LookupLemmatizer(EnglishLemmatizer):
    """spaCy's English lookup lemmatizer (tables from spacy-lookups-data), applied through arrays.

    The stock component reads and writes one Token object per token; here each distinct word is
    looked up once per process (the table is keyed by the same string hash as ``ORTH``) and the
    lemmas are written with one ``from_array`` call. Same table, same lemmas; other modes are
    left to the stock implementation.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._words = _WordTable()

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "lookup" or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        table = self.lookups.get_table("lemma_lookup", {})
        vocab = doc.vocab
        strings = vocab.strings

        def make_row(orth: int) -> tuple[int, str, str, str, int]:
            found = table.get(orth, None)
            if isinstance(found, list):
                found = found[0]
            lemma = strings.add(found) if found is not None else orth
            # LOWER is a property of the word (its lexeme), read here for new words only: not a column per token
            text, lower_form = strings[orth], vocab[orth].lower_
            lemma_lower = strings[lemma].lower()
            # equal strings as one object: a token's three list entries then point to one string (most words are
            # lower case and their own lemma), and gathering them per token touches one object, not three
            if lower_form == text:
                lower_form = text
            if lemma_lower == lower_form:
                lemma_lower = lower_form
            return lemma, text, lower_form, lemma_lower, classify_word(text, lower_form)

        kept = sentence_columns(doc)  # the token hashes as the sentencizer read them
        orths, lemmas = doc.to_array([ORTH, LEMMA]).T if kept is None else (kept[0], doc.to_array(LEMMA))
        looked_up, (texts, lower_forms, lemma_lowers), classes, lengths = self._words.lookup(orths, make_row)
        if kept is not None:  # each token's offset: it starts where the previous one's text and trailing space end
            widths = lengths + kept[1]
            starts = numpy.zeros(len(widths), dtype="uint64")
            widths[:-1].cumsum(out=starts[1:])
            remember_token_starts(doc, starts)
        # what the rules would scan every token for, per token (doccache.class_positions)
        doc.user_data[WORD_CLASSES_KEY] = (self._words.class_count, classes)
        preset = not self.overwrite and bool(lemmas.any())
        lemmas = numpy.where(lemmas != 0, lemmas, looked_up) if preset else looked_up
        doc.from_array([LEMMA], lemmas.astype("uint64").reshape(-1, 1))
        # the token, lower-case and lemma lists the rules read; lemmas set before this component vary per token
        seed_token_strings(doc, texts, lower_forms, None if preset else lemma_lowers)
        return doc


@Language.factory("migraph_lemmatizer", assigns=["token.lemma"],
                  default_config={"model": None, "mode": "lookup", "overwrite": False,
                                  "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}})
def make_lookup_lemmatizer(nlp: Language, model, name: str, mode: str, overwrite: bool, scorer) -> LookupLemmatizer:
    return LookupLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


GAZETTEER_LABELS = ("GPE", "NORP", "LOC", "ORG")


@Language.factory("migraph_gazetteer", default_config={"labels": list(GAZETTEER_LABELS), "datelines": True})
def make_gazetteer_matcher(nlp: Language, name: str, labels: list[str], datelines: bool) -> GazetteerMatcher:
    """Countries, demonyms, places and organisations; the PhraseMatcher is built once, here."""
    return GazetteerMatcher(nlp, labels=labels, datelines=datelines)


class GazetteerMatcher:
    """Match gazetteer surfaces and key each span to its canonical record (ISO code, name)."""

    def __init__(self, nlp: Language, labels=GAZETTEER_LABELS, datelines: bool = True):
        from spacy.matcher import PhraseMatcher

        gaz = gazetteer()
        self.datelines = datelines
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        tables = {"GPE": gaz.country_by_surface, "NORP": gaz.demonym_by_surface, "LOC": gaz.places,
                  "ORG": gaz.organizations}
        # The matcher compares tokens, so a match's own text can differ from the listed surface
        # (glued words the tokenizer splits: "SouthKorea"); look records up by their tokens.
        self.surface_by_tokens: dict[tuple[str, tuple[str, ...]], str] = {}
        for label in labels:
            surfaces = sorted(tables[label])
            patterns = list(nlp.tokenizer.pipe(surfaces, batch_size=1000))
            for surface, pattern in zip(surfaces, patterns, strict=True):
                self.surface_by_tokens.setdefault((label, tuple(t.text for t in pattern)), surface)
            self.matcher.add(label, patterns)
        self.label_names = {nlp.vocab.strings.add(label): label for label in labels}  # match id -> label (r33)
        _flush_tokenizer_cache(nlp)

    def __call__(self, doc: Doc) -> Doc:
        gaz = gazetteer()
        spans = []
        view = names.TokenView(doc)  # token strings, sentence starts and spaces as lists: no Token objects
        names.share_view(view)  # the dateline, organisation and person rules read the same view
        texts, idx = view.text, view.idx
        strings = doc.vocab.strings
        user_data = doc.user_data
        boilerplate = doc.user_data.get(BOILERPLATE_TOKENS_KEY)
        if boilerplate is None:  # the boilerplate component did not run (a custom pipeline)
            boilerplate = {i for i, token in enumerate(doc) if token._.in_boilerplate}
        for match_id, start, end in self.matcher(doc):
            if boilerplate and not boilerplate.isdisjoint(range(start, end)):
                continue
            label = self.label_names.get(match_id) or strings[match_id]  # (no decoding of the label per match)
            surface = self.surface_by_tokens.get((label, tuple(texts[start:end])))
            if surface is None:
                surface = Span(doc, start, end).text
            if label == "GPE":
                iso = gaz.country_by_surface[surface]
                canonical = gaz.country_name(iso)
            elif label == "NORP":
                iso = gaz.demonym_by_surface[surface]
                canonical = gaz.country_name(iso)
            elif label == "LOC":
                place = gaz.places[surface]
                iso, canonical = place.country or None, place.name
            else:  # ORG
                org = gaz.organizations[surface]
                iso, canonical = org.country or None, org.name
            # Set even on spans dropped below: extension values are keyed by character offsets, so a later
            # span over the same characters (a person, a dateline) sees them. Written where ``span._.iso = ...``
            # writes them (doc.user_data, see entities.span_extension), without an Underscore object per match.
            start_char, end_char = idx[start], idx[end - 1] + len(texts[end - 1])
            user_data[("._.", "iso", start_char, end_char)] = iso
            user_data[("._.", "canonical", start_char, end_char)] = canonical
            user_data[("._.", "source", start_char, end_char)] = "gazetteer"
            one_word = end - start == 1
            if label == "LOC" and (_next_to_name(view, start, end) or (
                    one_word and (view.person_cue_before(start) or _speaks_by_name(doc, view, start, end)
                                  or names.kin_apposition_before(view, start, end))
                    and names.first_name_gender(surface))):
                continue  # "Nancy Faeser", "her daughter Sophia", "said Ali": a person, not the city
            if label == "GPE" and one_word and names.first_name_gender(surface) and _surname_after(view, end):
                continue  # "Chad Wolf", "Jordan Bardella": a given name, not the country
            if label == "ORG" and one_word and _after_given_name(view, start):
                continue  # "Tom Gallup", "Anna Caritas": a surname, not the pollster or the charity
            if label == "LOC" and one_word and _in_person_name(view, start, end):
                continue  # "Elizabeth Warren": a given name and a surname that are also towns
            if label == "LOC" and one_word and _speaker_surname(doc, view, start, end):
                continue  # 'said Granger, the mayor', 'Granger said' after "Marcus Granger": a person, not the town
            if label == "LOC" and one_word and names.surname_not_town(view, start, end, place.population,
                                                                      _surname_in_doc):
                continue  # "Graham fired back" after "Lindsey Graham": the senator, not the town
            spans.append(Span(doc, start, end, label=match_id))  # made only for the matches kept (the label's hash)
        if self.datelines:
            spans += dateline_spans(doc)
        spans += names.organization_spans(doc)
        # Gazetteer spans first: on equal length they win over a trained model's entities,
        # whose GPE/NORP spans are keyed to the gazetteer when their text is known.
        model_ents = [_key_model_entity(ent) for ent in doc.ents]
        # what ``doc.ents = ...`` does, without making each Span again first
        set_entities(doc, _merge(doc, spans + model_ents))
        return doc


def _flush_tokenizer_cache(nlp: Language) -> None:
    """Empty the tokenizer's cache after tokenising the ~50k gazetteer surfaces.

    Those entries stay cached for the process's life and made every later tokenisation of
    news text 2-3x slower (measured on 150 corpus articles: 0.9 s -> 0.3 s); re-setting the
    rules is spaCy's public way to reset the cache, and the tokenisation itself is unchanged.
    """
    tokenizer = getattr(nlp.tokenizer, "tokenizer", nlp.tokenizer)  # inside TextKeepingTokenizer
    tokenizer.rules = tokenizer.rules


def _key_model_entity(ent: Span) -> Span:
    gaz = gazetteer()
    if ent._.source is None:
        ent._.source = "model"
    if ent._.iso is None:
        if ent.text in gaz.country_by_surface:
            ent._.iso = gaz.country_by_surface[ent.text]
            ent._.canonical = gaz.country_name(ent._.iso)
        elif ent.text in gaz.demonym_by_surface:
            ent._.iso = gaz.demonym_by_surface[ent.text]
            ent._.canonical = gaz.country_name(ent._.iso)
        elif ent.text in gaz.places and ent.label_ in {"GPE", "LOC", "FAC"}:
            ent._.iso = gaz.places[ent.text].country or None
            ent._.canonical = gaz.places[ent.text].name
    return ent


DATELINE_TAIL = {"(", "—", "–", "-", "--", ",", ":"}


def _line_break_runs(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in re.finditer("\\n+", text)]``, the maximal runs of line breaks, found with ``str.find``: the
    regex, opening with a repeat, is tried at every character (about 8x slower on news text)."""
    runs = []
    find, n = text.find, len(text)
    i = find("\n")
    while i >= 0:
        j = i + 1
        while j < n and text[j] == "\n":
            j += 1
        runs.append((i, j))
        i = find("\n", j)
    return runs


def dateline_spans(doc: Doc) -> list[Span]:
    """The place of an all-caps dateline: "ISTANBUL (AP) —", "KYIV, Ukraine (AP) —", "NEW YORK --"."""
    gaz = gazetteer()
    spans = []
    view = names.shared_view(doc)  # token strings as a list: no Token object per token
    text, n = view.text, view.n
    # Tokens holding a line break, found from the line breaks in the text (a bisect over token offsets).
    # A run of line breaks mostly lies in one whitespace token: one bisect per run then (per character otherwise).
    idx = view.idx
    with_break_set = set()
    for run_start, run_end in _line_break_runs(view.doc_text):
        first = bisect.bisect_right(idx, run_start) - 1
        if run_end - run_start == 1 or bisect.bisect_right(idx, run_end - 1) - 1 == first:
            with_break_set.add(first)
        else:
            with_break_set.update(bisect.bisect_right(idx, at) - 1 for at in range(run_start, run_end))
    with_break = sorted(with_break_set)
    # ``token.is_space`` and ``token.is_alpha`` are the lexeme's str.isspace() and str.isalpha() of the token text
    # (spaCy's lexical attribute getters), read here from the text list: no Token object per line
    line_starts = ([0] if n else []) + [i + 1 for i in with_break if text[i].isspace()]
    for start in line_starts:
        if start >= n:
            continue
        end = start
        while end < n and text[end].isalpha() and names.is_all_caps_text(text[end]):
            end += 1
        if end == start or end >= n or text[end] not in DATELINE_TAIL:
            continue
        if text[end] == "," and _lower_case_after(text, end + 1):
            continue  # "DACA, which ...", "OK, so ...": an acronym opening a sentence; a dateline's comma
            # is followed by a place, a state or a date ("KYIV, Ukraine", "EL PASO, Texas")
        if any(i in view.boilerplate for i in range(start, end)):
            continue
        title = " ".join(t.title() for t in text[start:end])
        span = Span(doc, start, end, label="LOC")
        span._.source = "dateline"
        if title in gaz.country_by_surface:
            span = Span(doc, start, end, label="GPE")
            span._.iso = gaz.country_by_surface[title]
            span._.canonical = gaz.country_name(span._.iso)
        elif title in gaz.places:
            span._.iso = gaz.places[title].country or None
            span._.canonical = gaz.places[title].name
        else:
            span._.canonical = title
            if text[end] == "," and end + 1 < n:
                span._.iso = gaz.country_by_surface.get(text[end + 1])
        spans.append(span)
    return spans


def _lower_case_after(text: list[str], i: int) -> bool:
    """Whether the first word at or after token ``i`` (spaces skipped) starts in lower case."""
    while i < len(text) and text[i].isspace():
        i += 1
    return i < len(text) and text[i][:1].islower()


def _surname_after(view: names.TokenView, end: int) -> bool:
    """Whether a capitalised word that is no place, country or common word follows the span ending at ``end``."""
    if end >= view.n:
        return False
    text = view.text[end]
    gaz = gazetteer()
    return (names.is_name_text(text) and not names.is_all_caps_text(text) and text not in gaz.places
            and text not in gaz.country_by_surface and text not in gaz.demonym_by_surface
            and not is_common_word(text))


def _speaks_by_name(doc: Doc, view: names.TokenView, start: int, end: int) -> bool:
    """'said Ali' / '"...," Frederick told NPR': a one-word name in the speaker slot of a quotation."""
    if start > 0 and view.lower[start - 1] in {"said", "says", "asked", "added"}:
        return True
    text = view.text
    return (start >= 2 and text[start - 1] in {'"', "”"} and text[start - 2] in {",", "?", "!"}
            and end < view.n and view.is_speech(end))  # is_speech_token(doc[end]), without the Token


def _speaker_surname(doc: Doc, view: names.TokenView, start: int, end: int) -> bool:
    """A one-word town in a speaker's slot that is a person's surname: said by name and followed by a role
    apposition ('said Granger, the mayor'), or said by name (either side of the verb) while the document names
    someone with a given name and this word ("Marcus Granger ... Granger said")."""
    by_name = _speaks_by_name(doc, view, start, end)
    if not by_name and not (end < view.n and view.is_speech(end)):
        return False
    if by_name and names.role_apposition_after(view, end):
        return True
    return _surname_in_doc(view, start)


def _surname_in_doc(view: names.TokenView, at: int) -> bool:
    """Whether the word at ``at`` follows a given name or an honorific elsewhere in the document ("Marcus Granger",
    "Mr. Granger")."""
    texts, word = view.text, view.text[at]
    # The tokens j >= 1 with this text: found as the word's occurrences in the document text (str.find, in C) that
    # start a token with this text - comparing the word with every token (list.index) cost more.
    text, starts, n = view.doc_text, view.idx, view.n
    found = text.find(word)
    while found >= 0:
        j = bisect.bisect_left(starts, found)
        if 1 <= j < n and starts[j] == found and texts[j] == word and j != at and not view.sent_start[j]:
            before = texts[j - 1]
            if names.is_name_text(before) and names.first_name_gender(before) is not None and before not in (
                    gazetteer().country_by_surface) or view.lower[j - 1] in names.HONORIFIC_WORDS():
                return True
        found = text.find(word, found + 1)
    return False


def _after_given_name(view: names.TokenView, start: int) -> bool:
    """Whether a given name that is no frequent word comes right before ``start`` in the same sentence."""
    if start == 0 or view.sent_start[start] or not view.space[start - 1]:
        return False
    text = view.text[start - 1]
    return (names.is_name_text(text) and not names.is_all_caps_text(text) and names.first_name_gender(text) is not None
            and not is_common_word(text) and text not in gazetteer().country_by_surface)


def _in_person_name(view: names.TokenView, start: int, end: int) -> bool:
    """A one-word place that is a given name before a capitalised word, or follows a given name."""
    gaz = gazetteer()
    texts = view.text

    def given(i: int) -> bool:
        text = texts[i]
        # A given name that is also a word ("Bill", "Buddy") counts after a title: "President Bill Clinton"
        return (names.is_name_text(text) and not names.is_all_caps_text(text) and bool(view.space[i])
                and text not in gaz.country_by_surface and text not in gaz.demonym_by_surface
                and names.first_name_gender(text) is not None
                and (not is_common_word(text) or i > 0 and names.is_title_word(texts[i - 1])))

    if end < view.n and given(start):
        nxt = texts[end]
        if (names.is_name_text(nxt) and not names.is_all_caps_text(nxt) and not view.sent_start[end]
                and nxt not in gaz.country_by_surface and nxt not in gaz.demonym_by_surface
                and not names.is_title_word(nxt)):
            return True
    if start == 0 or view.sent_start[start]:
        return False
    if given(start - 1):
        return True
    # "Bill Clinton" beside "Hillary Clinton": a word-like given name before a town the document uses as a surname
    before = texts[start - 1]
    return (names.is_name_text(before) and names.first_name_gender(before) is not None and bool(view.space[start - 1])
            and _surname_in_doc(view, start))


def _next_to_name(view: names.TokenView, start: int, end: int) -> bool:
    """Whether a place match is glued to another capitalised word that is no place."""
    gaz = gazetteer()
    texts = view.text
    neighbours = []
    if start > 0 and not view.sent_start[start]:
        neighbours.append(texts[start - 1])
    if end < view.n:
        neighbours.append(texts[end])
    for text in neighbours:
        if (names.is_name_text(text) and text not in gaz.places
                and text not in gaz.country_by_surface and text not in gaz.demonym_by_surface
                and text not in gaz.organizations
                and not is_common_word(text) and not names.is_title_word(text)):
            return True  # ... but "Chicago Mayor", "Texas Governor": a place, then the role of a person
    return False


@Language.component("migraph_person_rules")
def find_persons(doc: Doc) -> Doc:
    """Rule-based persons (and the organisations the rules recognise on the way)."""
    kept = kept_entities(doc)  # the gazetteer's, as it wrote them (doc.ents builds a Span per entity): read once
    ents = doc.ents if kept is None else kept
    try:
        found = names.person_spans(doc, ents)
    finally:
        names.share_view(None)  # the Doc may change after the pipeline: later callers build their own view
    # set_ents with the spans as they are: assigning doc.ents would build every Span again first
    set_entities(doc, _merge(doc, list(ents) + found), checked=kept or (),
                 written=kept_entity_columns(doc) if kept is not None else None)
    return doc


def _merge(doc: Doc, spans: list[Span]) -> list[Span]:
    """Non-overlapping entities: longest wins, then gazetteer over model, then earliest.

    ``sorted(filter_spans(spans), key=start)``, with each span's start and end read once (spaCy's ``filter_spans``
    reads them from the Span some six times per span, in its sort keys and its loop): the same spans in the same
    order."""
    bounds = [(span.start, span.end) for span in spans]
    # filter_spans's order: longest first, then the earlier start; a sort in reverse keeps equal keys in their order
    keys = [(end - start, -start) for start, end in bounds]
    seen: set[int] = set()
    kept = []
    for i in sorted(range(len(spans)), key=keys.__getitem__, reverse=True):
        start, end = bounds[i]
        if start not in seen and end - 1 not in seen:  # (filter_spans tests the two ends)
            kept.append(i)
            seen.update(range(start, end))
    kept.sort(key=[start for start, _ in bounds].__getitem__)
    return [spans[i] for i in kept]


_ENT_COLUMNS = [ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]


def set_entities(doc: Doc, spans: list[Span], checked: tuple[Span, ...] = (),
                 written: numpy.ndarray | None = None) -> None:
    """``doc.set_ents(spans, default="outside")`` for spans in order that do not overlap (``_merge``'s), written
    with one ``from_array`` call: ``set_ents`` tests every token of the Doc against a Python set (about half of
    its time, twice per document). The token values are the same: B (3) on a span's first token, I (1) on the
    others, O (2) and no type outside the spans; the span's label and knowledge-base id, and its id when it has
    one; outside the spans, the knowledge-base ids and ids stay as they were (as set_ents leaves them). With such
    spans, set_ents's final repair of I tags after O or after another type changes nothing. Other input (overlaps,
    spans out of order, not Spans) goes to set_ents, which raises its errors. ``checked``: the entities kept when
    they were written (``kept_entities``), whose tokens held no ids then and still do not. ``written``: the ENT_IOB
    and ENT_TYPE rows the Doc holds (``kept_entity_columns``); only the tokens whose values differ are written then."""
    # one pass over the spans (r33): the labelled ones in order and apart, the empty ones left out, their bounds and
    # labels read once; a non-Span or an overlap goes to set_ents, which raises its errors
    ents: list[Span] = []
    bounds_start: list[int] = []
    bounds_end: list[int] = []
    labels: list[int] = []
    span_ids = False
    end = 0
    for span in spans:
        if not isinstance(span, Span):
            forget_entities(doc)
            doc.set_ents(spans, default="outside")
            return
        label = span.label
        if label > 0:  # set_ents ignores spans without a label
            start, stop = span.start, span.end
            if start < end:
                forget_entities(doc)
                doc.set_ents(spans, default="outside")
                return
            end = stop
            if start < stop:  # (an empty span sets no token)
                ents.append(span)
                bounds_start.append(start)
                bounds_end.append(stop)
                labels.append(label)
                if not span_ids and (span.kb_id or span.id):
                    span_ids = True
    ids_clear = not span_ids and _no_ids_under(doc, ents, checked)
    n = len(doc)
    if ids_clear and written is not None and written.shape == (2, n) and _keeps_checked(ents, checked, written):
        # the person rules' call (r33): the Doc holds ``written``, made from ``checked``, and every checked span is
        # still an entity; the other spans lie where ``written`` has O, so exactly their tokens change
        # (``_write_changed_tokens`` would find the same tokens from the two columns)
        if len(ents) > len(checked):
            kept_ids = {id(span) for span in checked}
            doc.set_ents([span for span in ents if id(span) not in kept_ids], default="unmodified")
        remember_entities(doc, ents)  # (no columns kept: a later call writes every token, the same values)
        return
    starts = numpy.array(bounds_start, dtype="int64")
    ends = numpy.array(bounds_end, dtype="int64")
    # the spans' tokens, in order (the spans are sorted and apart): +1 at each start, -1 at each end, summed
    edges = numpy.zeros(n + 1, dtype="int64")
    edges[starts] = 1  # (the starts differ from each other, and so do the ends)
    edges[ends] -= 1
    inside = edges[:n].cumsum() > 0  # (array methods: the numpy functions are Python layers over them)
    columns = numpy.zeros((2, n), dtype="uint64")  # ENT_IOB, ENT_TYPE
    columns[0] = 2
    columns[0, inside] = 1
    columns[0, starts] = 3
    columns[1, inside] = numpy.array(labels, dtype="uint64").repeat(ends - starts)
    if not ids_clear:
        # knowledge-base ids or span ids to write or keep (a trained pipeline's): the kept columns as they are, then
        # the spans'
        forget_entities(doc)
        ids = doc.to_array([ENT_KB_ID, ENT_ID])
        for span in ents:
            ids[span.start:span.end, 0] = span.kb_id
            if span.id:
                ids[span.start:span.end, 1] = span.id
        doc.from_array(_ENT_COLUMNS, numpy.column_stack([columns.T, ids]))
        return
    # no ids to write and none under the spans: set_ents would write 0 over 0 there (and leave the ids outside the
    # spans as they are), so only the tags and types are written
    if written is None or written.shape != columns.shape:
        doc.from_array([ENT_IOB, ENT_TYPE], columns.T)
    else:
        _write_changed_tokens(doc, ents, starts, columns, written)
    remember_entities(doc, ents, columns)  # what doc.ents now builds: the first tokens hold no ids


def _keeps_checked(ents: list[Span], checked: tuple[Span, ...], written: numpy.ndarray) -> bool:
    """Whether ``written`` holds just the ``checked`` entities (as many entity starts) and every span of ``checked``
    is among ``ents`` (the same objects; ``ents`` holds each span once). A caller's ``written`` with entities that
    ``checked`` does not list takes the general path, which drops them where ``ents`` does."""
    if int(numpy.count_nonzero(written[0] == 3)) != len(checked):  # ENT_IOB 3: an entity's first token
        return False
    if not checked:
        return True
    kept_ids = {id(span) for span in checked}
    return sum(id(span) in kept_ids for span in ents) == len(kept_ids)


def _write_changed_tokens(doc: Doc, ents: list[Span], starts: numpy.ndarray, columns: numpy.ndarray,
                          written: numpy.ndarray) -> None:
    """Make the Doc's ENT_IOB and ENT_TYPE rows, now ``written``, equal ``columns`` (made from ``ents``, sorted and
    apart, with no ids to write) by writing only the tokens that differ: the spans holding such a token whole, and
    the others as outside ("O"), with ``set_ents`` leaving every other token as it is. Its closing repair of I tags
    changes nothing in the result, which is ``columns`` (B on a span's first token, I on the rest, O outside)."""
    changed = (columns != written).any(axis=0).nonzero()[0]
    if not len(changed):
        return
    inside = columns[0, changed] != 2
    held = dict.fromkeys((starts.searchsorted(changed[inside], side="right") - 1).tolist())  # (ascending)
    outside = [Span(doc, i, i + 1) for i in changed[~inside].tolist()]
    doc.set_ents([ents[k] for k in held], outside=outside, default="unmodified")


def _no_ids_under(doc: Doc, ents: list[Span], checked: tuple[Span, ...] = ()) -> bool:
    """Whether no token of the spans has a knowledge-base id and no span's first token an id (which ``doc.ents`` would
    give the entity). Read from the spans' own tokens (a few dozen Token objects): ``doc.to_array`` of the two id
    columns costs about a hundred instructions per token of the Doc, and both are 0 but for a trained pipeline's.
    The ``checked`` spans (the same objects) are not read again."""
    done = {id(span) for span in checked}
    for span in ents:
        if id(span) in done:
            continue
        first = doc[span.start]
        if first.ent_kb_id or first.ent_id:
            return False
        for i in range(span.start + 1, span.end):
            if doc[i].ent_kb_id:
                return False
    return True


MIGRAPH_COMPONENTS = ("migraph_boilerplate", "migraph_gazetteer", "migraph_person_rules")


# "BarrOcasio-Cortez", "PenceEmbracing": a name glued to the next headline by scraped link widgets
# (three lower-case letters, then a capitalised word; "MacArthur", "McCarthy", "DeSantis" stay whole);
# also a name glued to a party or outlet tag or a counter of such widgets ("McConnellGOP", "BashCNN", "Romney9").
GLUED_NAME_RE = re.compile(r"(?<=[a-z]{3})(?<!Mac)(?=[A-Z][a-z])|(?<=[a-z]{3})(?=(?:[A-Z]{2,5}|\d{1,2})\b)")
_GLUED_HINT_RE = re.compile(r"[A-Z\d](?<=[a-z]{3}.)(?:(?<=[A-Z])[a-zA-Z]|(?<=\d))")
"""Matches at every position where ``GLUED_NAME_RE`` does (and a few more): three lower-case letters, then a capital
and a letter or a digit. It opens with the capital or digit, so the scan skips the (mostly lower-case) text between
them in C, instead of trying look-behinds at every character; a match takes the capital and at most one more
character, which is lower-case only where no glued boundary can follow, so no boundary is passed over."""


_LETTER_CASES = bytes.maketrans(
    bytes(range(256)), bytes(ord("a") if chr(b).isascii() and chr(b).islower() else ord("A")
                             if chr(b).isascii() and chr(b).isupper() else ord(" ") for b in range(256)))
"""A byte table: [a-z] to "a", [A-Z] to "A", every other byte to " "."""


def _glued_capitals(text: str) -> list[int]:
    """``[m.start() for m in re.finditer(r"[A-Z](?<=[a-z]{3}.)[a-zA-Z]", text)]``: a capital after three lower-case
    letters and before a letter. Each character becomes one byte ("?" past Latin-1) and each byte its case class,
    then "aaaA" is found with ``bytes.find``: testing every character against a class in ``re`` cost about 60
    instructions each. (No match covers the start of another: a start follows three lower-case letters.)"""
    cases = text.encode("latin-1", "replace").translate(_LETTER_CASES)
    starts = []
    i = cases.find(b"aaaA")
    while i >= 0:
        if cases[i + 4:i + 5] in (b"a", b"A"):
            starts.append(i + 3)
        i = cases.find(b"aaaA", i + 1)
    return starts


def _glued_hints(text: str) -> list[int]:
    """``[m.start() for m in _GLUED_HINT_RE.finditer(text)]``: every position where a match can start is one, as no
    match covers another start (a two-character match's second character follows a capital, not three lower-case
    letters). The matches opening with a digit are the starts of digit runs after three lower-case letters (a digit
    after a letter starts a run), found from ``temporal.digit_run_starts``, which the time and quantity rules read for
    the same text, instead of testing each character for the ``\\d`` class (a Unicode look-up per character)."""
    starts = _glued_capitals(text)
    digits = [s for s in digit_run_starts(text) if s >= 3 and _is_lower_ascii_word(text[s - 3:s])]
    if digits:
        starts = sorted(starts + digits)
    return starts


def _is_lower_ascii_word(word: str) -> bool:
    """Whether every character of ``word`` is in [a-z]."""
    return word.isascii() and word.isalpha() and word.islower()


def glued_positions(text: str) -> list[int]:
    """``[m.start() for m in GLUED_NAME_RE.finditer(text)]``, tried only where ``_GLUED_HINT_RE`` matches."""
    match = GLUED_NAME_RE.match
    return [start for start in _glued_hints(text) if match(text, start)]


def _split_glued(doc: Doc, text: str, positions: list[int] | None = None) -> None:
    """Split capitalised tokens at a glued lower/upper-case boundary so both names are found.

    ``positions``: the boundaries ``glued_positions(text)`` found (None: find them here)."""
    if positions is None:
        positions = glued_positions(text)
    # Only tokens holding a boundary found in the text can qualify: look at those, not at every token.
    token_starts = doc.to_array([IDX]).tolist()
    candidates = sorted({bisect.bisect_right(token_starts, p) - 1 for p in positions})
    glued = [t for t in (doc[i] for i in candidates) if t.text[:1].isupper() and GLUED_NAME_RE.search(t.text)]
    if not glued:
        return
    with doc.retokenize() as retokenizer:
        for token in glued:
            parts = [p for p in GLUED_NAME_RE.split(token.text) if p]
            if len(parts) > 1:
                retokenizer.split(token, parts, heads=[(token, 0)] * len(parts))


def norm_fixes(vocab, moved: dict[str, list[tuple[str, str | None]]]):
    """What ``restore_norms`` looks for: the sorted hashes of the tokens that open a look-up (one token of each moved
    special case whose NORMs differ from its words': one with an apostrophe, else the longest, as rarer on its own),
    per such hash the places (token offset of the opening token, token count) to read, longest first, and per
    special case's token hashes the NORM of each token (None: the word's own)."""
    places: dict[int, set[tuple[int, int]]] = {}
    norms_by_seq: dict[tuple[int, ...], list[str | None]] = {}
    for pairs in moved.values():
        norms = [norm for _text, norm in pairs]
        if all(norm is None for norm in norms):
            continue
        seq = tuple(vocab.strings.add(text) for text, _norm in pairs)
        k = max(range(len(pairs)), key=lambda i: ("'" in pairs[i][0] or "’" in pairs[i][0], len(pairs[i][0]), -i))
        places.setdefault(seq[k], set()).add((k, len(seq)))
        norms_by_seq[seq] = norms
    by_orth = {orth: sorted(found, key=lambda place: (-place[1], place[0])) for orth, found in places.items()}
    return numpy.array(sorted(by_orth), dtype="uint64"), by_orth, norms_by_seq


TOKEN_ORTHS_KEY = "migraph.token_orths"
"""``doc.user_data`` key of ``doc.to_array(ORTH)`` as ``restore_norms`` read it (valid while the token count is the
same: the glued-name split after it adds tokens)."""


def unsplit_period_abbreviations(nlp: Language) -> None:
    """Give the default pipeline's tokenizer ``affixes.unsplit_abbreviations`` (not done by ``build_pipeline``): the
    abbreviations leave the special cases, and a text where spaCy's special-case matcher would have merged one goes to
    a tokenizer with all special cases. Same tokens and NORMs."""
    keeper = nlp.tokenizer
    unsplit = unsplit_abbreviations(keeper.tokenizer)
    if unsplit is not None:
        keeper.merged = (merged_sequences(nlp.vocab, unsplit[1]), unsplit[2])


def merged_sequences(vocab, sequences: list[tuple[str, ...]]) -> dict[int, dict[tuple[int, ...], None]]:
    """What ``holds_merged_sequence`` looks for: per hash of a sequence's last token (nearly all are "."), the sequences
    (as hashes) ending with it."""
    by_last: dict[int, dict[tuple[int, ...], None]] = {}
    for sequence in sequences:
        seq = tuple(vocab.strings.add(text) for text in sequence)
        by_last.setdefault(seq[-1], {})[seq] = None
    return by_last


def holds_merged_sequence(orth: numpy.ndarray, merged: dict[int, dict[tuple[int, ...], None]]) -> bool:
    """Whether the tokens (``doc.to_array(ORTH)``) hold one of the ``merged_sequences`` (whatever the spaces between
    them): spaCy's special-case matcher would have matched it, as the tokenizer stands without the moved special cases
    it does not (``affixes.unsplit_abbreviations``). Looked for from the places of each last token ("."), a comparison
    per token in C (a binary search of every token among the sequences' first tokens cost several times more)."""
    lengths = None
    for last, sequences in merged.items():
        ends = (orth == last).nonzero()[0].tolist()
        if not ends:
            continue
        if lengths is None:
            lengths = sorted({len(seq) for found in merged.values() for seq in found})
        for end in ends:
            for length in lengths:
                if end + 1 >= length and tuple(orth[end + 1 - length:end + 1].tolist()) in sequences:
                    return True
    return False


def restore_norms(doc: Doc, fixes, orth: numpy.ndarray | None = None) -> None:
    """Give the tokens of the special cases ``affixes.split_contractions`` moved to the infix search the NORM the
    special case gave them ("did" + "n't" of "didn't": "do", "not"): the infix search cuts the same tokens but leaves
    each its word's NORM. Such tokens follow each other with no space between them (one chunk of the text); one of
    them opens the look-up, found among all tokens in one numpy pass."""
    ids, by_orth, norms_by_seq = fixes
    if not len(doc) or not len(ids):
        return
    if orth is None:  # (``orth``: ``doc.to_array(ORTH)`` as the caller read it)
        orth = doc.to_array(ORTH)
    doc.user_data[TOKEN_ORTHS_KEY] = orth  # the sentencizer reads them again (while the token count is the same)
    at = ids.searchsorted(orth)
    at[at == len(ids)] = 0
    hits = (ids[at] == orth).nonzero()[0].tolist()
    n = len(orth)
    for i in hits:
        for k, length in by_orth[int(orth[i])]:
            a = i - k
            if a < 0 or a + length > n:
                continue
            norms = norms_by_seq.get(tuple(orth[a:a + length].tolist()))
            if norms is None:
                continue
            tokens = [doc[j] for j in range(a, a + length)]
            if any(token.whitespace_ for token in tokens[:-1]):
                continue
            for token, norm in zip(tokens, norms, strict=True):
                if norm is not None:
                    token.norm_ = norm
            break


GLUED_STOP_RE = re.compile(r"\.(?=[A-Z][a-z])")
"""With a digit right before it: a full stop glued between a number and the capitalised word opening the next
sentence ("on March 3.Hundreds fled", "some 300,000.Some left"); spaCy's infix rules split it after a lower-case letter
but not after a digit. A decimal ("2.5"), a version ("3.X") or an initial ("J.R.") has no such run. The pattern opens
with its literal, so the search skips to each full stop at C speed (round 35)."""

GLUED_BRACKET_RE = re.compile(r"\((?=[0-9])")
"""With a lower-case letter right before it: an opening bracket glued between a word and a number ("more
people(5,100) crossed"), which kept the word from being read (round 35)."""


def _split_glued_stops(doc: Doc, stops: list[int]) -> None:
    """Split the tokens holding a ``GLUED_STOP_RE`` mark (character offsets ``stops``) into what stands before it, the
    mark and what follows, so the sentencizer can end the sentence at a full stop."""
    token_starts = doc.to_array([IDX]).tolist()
    cuts: dict[int, list[int]] = {}
    for p in stops:
        i = bisect.bisect_right(token_starts, p) - 1
        if i >= 0 and token_starts[i] < p < token_starts[i] + len(doc[i].text) - 1:
            cuts.setdefault(i, []).append(p - token_starts[i])
    if not cuts:
        return
    with doc.retokenize() as retokenizer:
        for i, offsets in cuts.items():
            token = doc[i]
            text, parts, last = token.text, [], 0
            for k in offsets:
                parts += [text[last:k], text[k]]
                last = k + 1
            parts.append(text[last:])
            parts = [part for part in parts if part]
            if len(parts) > 1:
                retokenizer.split(token, parts, heads=[(token, 0)] * len(parts))


class TextKeepingTokenizer:
    """The pipeline's tokenizer, also remembering the input string for ``doccache.doc_text``.

    spaCy's tokenisation is non-destructive (``doc.text == text``), but ``Doc.text`` rebuilds the
    string from every token on each access; keeping the input saves that walk for every component.
    ``fixes``: ``norm_fixes`` of the special cases moved to the infix search, whose NORMs it writes back.
    ``merged``: (``merged_sequences``, a function making a tokenizer with all special cases) of the special cases
    ``affixes.unsplit_abbreviations`` moved: a text holding such a sequence is tokenised by that tokenizer (made once).
    """

    def __init__(self, tokenizer, fixes=None, merged=None):
        self.tokenizer = tokenizer
        self.fixes = fixes
        self.merged = merged
        self.full_tokenizer = None

    def __call__(self, text: str) -> Doc:
        doc = self.tokens(text)
        positions = glued_positions(text)
        if positions:
            _split_glued(doc, text, positions)
        stops = [p for m in GLUED_STOP_RE.finditer(text) if (p := m.start()) and text[p - 1].isdigit()]
        if "(" in text:
            stops += [p for m in GLUED_BRACKET_RE.finditer(text) if (p := m.start()) and "a" <= text[p - 1] <= "z"]
        if stops:
            _split_glued_stops(doc, sorted(stops))
        remember_text(doc, text)
        return doc

    def tokens(self, text: str) -> Doc:
        """The tokens spaCy's tokenizer with all its special cases gives (NORMs too), before the glued-name split."""
        doc = self.tokenizer(text)
        orth = None
        if self.merged is not None and len(doc):
            orth = doc.to_array(ORTH)
            if holds_merged_sequence(orth, self.merged[0]):  # ("Mr.Smith": "Mr", ".", "Smith" that spaCy merged)
                if self.full_tokenizer is None:
                    self.full_tokenizer = self.merged[1]()
                doc = self.full_tokenizer(text)
                orth = doc.to_array(ORTH)
        if self.fixes is not None:
            restore_norms(doc, self.fixes, orth)  # (before the glued split, which resets the NORM of what it splits)
        return doc

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)


# Rank abbreviations spaCy's English exceptions split ("Lt" + "."), which ended attribution clauses early.
TITLE_ABBREVIATIONS = ("Lt.", "Sgt.", "Col.", "Capt.", "Maj.", "Cmdr.", "Supt.", "Insp.", "Det.", "Cpl.", "Pvt.",
                       "Amb.", "Atty.", "Brig.", "Sr.")


def _keep_title_abbreviations(nlp: Language) -> None:
    from spacy.symbols import ORTH

    for abbreviation in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


_NUMBER_WORDS = frozenset(english_lex_attrs._num_words)
_ORDINAL_WORDS = frozenset(english_lex_attrs._ordinal_words)


def like_num(text: str) -> bool:
    """spaCy's English ``like_num``, with its number and ordinal words in sets: it looks each new word up in two
    lists of about forty words (the costliest of the lexical attribute getters)."""
    if text.startswith(("+", "-", "±", "~")):
        text = text[1:]
    text = text.replace(",", "").replace(".", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    text_lower = text.lower()
    if text_lower in _NUMBER_WORDS or text_lower in _ORDINAL_WORDS:
        return True
    return text_lower.endswith(("st", "nd", "rd", "th")) and text_lower[:-2].isdigit()


def is_punct(text: str) -> bool:
    """spaCy's ``is_punct`` (every character in a Unicode punctuation category; True for ""), answered at once for
    words of letters and digits (no such character is punctuation) without a category look-up per character."""
    return not text.isalnum() and spacy_lex_attrs.is_punct(text)


def lexical_attribute_getters(nlp: Language) -> dict:
    """The lexical attributes migraph reads, computed as spaCy's English defaults compute them.

    spaCy runs every getter once for each new word it meets (about twenty Python calls, and strings for the shape,
    prefix and suffix), which cost more than the rest of a new word's handling; the default pipeline reads only the
    lower-case form, the norm (``affixes``), these flags and ``like_num``. Attributes left out (shape, prefix,
    suffix, stop words, ASCII, brackets, quotes, currency, URL/e-mail likeness) read as empty or False on the
    default pipeline's tokens; ``tests/test_pipeline_lexattrs.py`` checks no module reads them. The flags are the
    ``str`` methods spaCy's getters call. The language getter stays: ``Vocab.lang`` is read through it."""
    return {
        LOWER: str.lower,
        NORM: nlp.vocab.lex_attr_getters[NORM],  # the English norm exceptions, as spaCy set them
        IS_ALPHA: str.isalpha,
        IS_DIGIT: str.isdigit,
        IS_LOWER: str.islower,
        IS_SPACE: str.isspace,
        IS_TITLE: str.istitle,
        IS_UPPER: str.isupper,
        IS_PUNCT: is_punct,
        LIKE_NUM: like_num,
        LANG: nlp.vocab.lex_attr_getters[LANG],  # Vocab.lang (the lemmatizer's tables are found by it)
    }


TOKENIZER_CACHE_SIZE = 200_000
"""Chunks the tokenizer caches (spaCy's default: 10,000). spaCy stops caching new chunks once its cache holds that many,
which the distinct chunks of about a hundred news articles fill: a worker's later articles were tokenised without the
cache's help for their new chunks (the bench's 400 articles: 15% of the tokenizer's instructions). An entry is a
pointer per token of the chunk; 200,000 of them take some 20 MB."""


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
        _keep_title_abbreviations(nlp)
        speed_up_affixes(nlp.tokenizer)
        add_plain_word_match(nlp.tokenizer)
        drop_redundant_special_cases(nlp.tokenizer)
        nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
        return nlp
    nlp = spacy.blank("en")
    nlp.vocab.lex_attr_getters = lexical_attribute_getters(nlp)  # before the gazetteer's ~50k surfaces make words
    _keep_title_abbreviations(nlp)
    speed_up_affixes(nlp.tokenizer)  # same tokens, fewer regex alternatives tried per word
    add_word_match(nlp.tokenizer)  # same tokens, no affix search for chunks of letters alone (one C call per chunk)
    drop_redundant_special_cases(nlp.tokenizer)  # same tokens, most chunks cached
    moved = split_contractions(nlp.tokenizer)  # same tokens ("didn't": "did", "n't"), cached after a contraction too
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer, norm_fixes(nlp.vocab, moved))
    # (not ``unsplit_period_abbreviations``: same tokens and more chunks cached, but the 3% of articles it tokenises
    # twice cost more than that saved - 200 articles: +0.07% instructions against -0.6% without it)
    nlp.add_pipe("migraph_boilerplate")
    nlp.add_pipe("migraph_sentencizer")
    nlp.add_pipe("migraph_lemmatizer", name="lemmatizer")
    nlp.add_pipe("migraph_gazetteer")
    nlp.add_pipe("migraph_person_rules")
    nlp.initialize()
    # (set after the gazetteer tokenised its ~50k surfaces: caching them all, to be emptied then, cost 0.2-0.3 s)
    nlp.tokenizer.tokenizer.max_cache_size = TOKENIZER_CACHE_SIZE
    return nlp
