"""Quotations: spans between quotation marks, their kind and who said them.

``extract_quotes(doc, entities)`` works on the rule pipeline's output (sentences, entity
spans, lookup lemmas) without a parser, so attribution is pattern based:

1. Find the article's quotation convention (double marks, or single marks when the article
   uses those) and pair marks per paragraph; an unpaired opener becomes a
   ``direct_unclosed`` quote bounded by its paragraph (or, in one-paragraph articles, by the
   first sentence that reads as narration), so a stray mark never swallows the article.
   A quotation nested inside another ("call it “help” at all") stays part of the outer text; a
   double-marked read-out that opens with single-marked speech (NPR: '" \'A,\' he said. \'B.\'')
   yields the single-marked quotations; a paragraph-final closer whose opener is missing after an
   attributed quote closes the sentences after the attribution.
2. Drop scare quotes and names of things (after "so-called", "a scheme called", "titled",
   title-case spans without a speaker, marked modifiers like 'on "terrorism" suspects', source-list
   citations '"Title," Outlet, Date').
3. Attribute: the clause after the closing mark (", she said", '"...?" X said'), the narration
   before the opener ("X said: ..."), "according to X", sentence-level speech verbs for partial
   quotes, and continuation of the previous quote's speaker for bare quotes. A body named before a
   person and a title ("the IOM's X", "UN High Commissioner for Refugees X", "the agency's chief of
   operations X") only qualifies that person; a member of a body left unnamed ("a State Department
   spokeswoman", "the White House official") is a description, not the body (GUIDELINES: unnamed
   persons get a description).

Every emitted quotation has a speaker or a speaker description (the SHACL shape requires one):
words in marks that are not speech are dropped in step 2, short unattributed partial phrases are
dropped as emphasis, and real speech whose speaker the text does not let us find is kept with the
description "unattributed" rather than guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import compress, islice

from spacy.tokens import Doc

from extractors.assertions import DocumentAssertions, Entity, Quotation
from extractors.doccache import class_positions, doc_lemmas, doc_lowers, doc_text, doc_texts, word_class
from extractors.entities import DocIndex, doc_index, evidence_for
from extractors.gazetteer import lexicon, load_json
from extractors.names import first_name_gender, lookup_lemma

EXTRACTOR = "migraph.quotes"
DOUBLE_MARKS = {'"', "“", "”", "„", "«", "»"}
SINGLE_MARKS = {"'", "‘", "’"}
OPEN_PUNCT = set("([{—–-/")
CLOSE_PUNCT = set(".,;:!?)]}—–-/…")
TERMINAL_CHARS = ".!?…"
# Speech the text gives no findable speaker for keeps this description, so every emitted quotation has a
# speaker or a description (the SHACL shape's rule); scare quotes and titles are dropped before, not labelled.
UNATTRIBUTED = "unattributed"
# words that may follow a quoted phrase in narration (a noun there instead makes the phrase a modifier)
MODIFIER_STOP = {"and", "or", "but", "nor", "of", "for", "to", "in", "on", "at", "by", "with", "from", "as", "that",
                 "which", "who", "whom", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
                 "would", "could", "should", "may", "might", "can", "must", "did", "does", "do", "the", "a", "an",
                 "it", "this", "these", "those", "he", "she", "they", "we", "i", "you", "if", "when", "while",
                 "because", "than", "then", "so", "not", "after", "before", "since", "until", "into", "over",
                 "about", "against", "among", "through", "despite", "unless", "though", "although", "where",
                 "whether", "his", "her", "their", "its", "our", "my", "your", "s", "too", "also", "even"}
MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec."}
PRONOUNS = {"he", "she", "it", "they"}  # subject pronouns resolved to an earlier speaker
FIRST_SECOND_RE = re.compile(r"\b(?:I|[Ww]e|me|us|[Mm]y|[Oo]ur|[Yy]ou|[Yy]our)\b")
QUOTE_CHARS = DOUBLE_MARKS | SINGLE_MARKS
WORD_RE = re.compile(r"[\w’'-]+")
DECADE_RE = re.compile(r"\d\ds\b|\d\d\b")  # ’90s
ELISION_RE = re.compile(r"(?:em|til|cause|n)\b")  # ’em, ’til, rock ’n’ roll
SINGLE_RE = re.compile("[" + "".join(sorted(SINGLE_MARKS)) + "]")
DOUBLE_RE = re.compile("[" + "".join(sorted(DOUBLE_MARKS)) + "]")
# a single mark without a letter or digit on one side at least ([^\W_] is str.isalnum() of one character); the
# pattern opens with the mark itself so that the search skips ahead to marks in C
_SINGLE = SINGLE_RE.pattern
SINGLE_NOT_INSIDE_WORD_RE = re.compile(rf"{_SINGLE}(?:(?![^\W_])|(?<=(?<![^\W_]){_SINGLE}))")


@dataclass
class Mark:
    """A quotation-mark candidate; role is 'open', 'close', 'either' or 'weak' (maybe a possessive)."""

    pos: int
    role: str


@dataclass
class Span_:
    """A paired (or unclosed) quotation before attribution."""

    open_pos: int  # offset of the opening mark
    start: int  # text start
    end: int  # text end (exclusive)
    close_pos: int | None  # offset of the closing mark, None if unclosed
    paragraph: int
    nested: bool = False  # single-marked speech inside a double-marked read-out


@dataclass
class Speaker:
    """Who said it: an entity, or a description for unnamed speakers."""

    entity: Entity | None = None
    description: str | None = None
    kind: str | None = None
    cue: str | None = None
    position: int = -1  # token index of the speaker mention
    gender: str | None = None
    via_pronoun: bool = False  # found by resolving he/she/it/they
    document: bool = False  # a document's description ('the wording of the rule'), not a person or body


@cache
def cues() -> dict:
    """Cue lists (data/quotes.json) merged with the shared lexicon's speech verbs."""
    data = load_json("quotes.json")
    lex = lexicon()
    data["speech_lemmas"] = set(lex["speech_verbs"]) | set(data["extra_speech_verbs"]) | set(data["document_verbs"])
    data["person_nouns"] = {w.lower() for w in lex["person_nouns"]} | set(data["generic_person_nouns"])
    data["role_words"] = {w.lower() for w in lex["role_words"]}
    data["pronoun_gender"] = lex["pronouns"]
    for key in ("speech_forms", "name_verbs", "staff_modifiers", "staff_nouns", "source_nouns", "speech_nouns",
                "thing_nouns", "org_nouns", "determiners", "generic_person_nouns", "plural_person_nouns",
                "prepositions", "first_second_person", "scare_markers", "introducing_verbs", "modifier_heads",
                "document_nouns", "document_verbs", "issuing_verbs"):
        data[key] = set(data[key])
    return data


# --------------------------------------------------------------------------- marks


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _classify(text: str, i: int, single: bool) -> str | None:
    """Role of the mark at ``i`` from its neighbours; None when it is an apostrophe."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    quote_chars = QUOTE_CHARS
    left_open = _is_space(prev) or prev in OPEN_PUNCT or prev in quote_chars
    right_open = _is_space(nxt) or nxt in CLOSE_PUNCT or nxt in quote_chars
    if single:
        if prev.isalnum() and nxt.isalnum():
            return None  # don't, Russia’s
        if DECADE_RE.match(text[i + 1:i + 4]) and ch != "‘":
            return None  # ’90s
        if ch in "’'" and prev.lower() == "s" and _is_space(nxt) and text[i + 2:i + 3].islower():
            return "weak"  # plural possessive or a closing mark
        if ch in "’'" and ELISION_RE.match(text[i + 1:i + 6]):
            return None
    if ch in "“„«" or ch == "‘":
        return "close" if (not left_open and right_open) else "open"
    if ch in "”»" or ch == "’":
        if left_open and not right_open:
            return "open"
        return "close"
    # straight marks
    if left_open and not right_open:
        return "open"
    if right_open and not left_open:
        return "close"
    return "either"


def _convention(text: str, doubles: int | None = None) -> bool:
    """True when the article uses single marks for quotations (few double marks, several single pairs).

    ``doubles``: how many double marks the text holds, when known (``len(_double_mark_positions(text))``, which
    ``find_spans`` reads anyway: a count per mark scanned the whole text, character by character, six times)."""
    if doubles is None:
        doubles = sum(text.count(c) for c in DOUBLE_MARKS)
    # a mark between two letters or digits is an apostrophe (``_classify``'s first test): only the others are read
    if doubles >= 2:
        needed = 2 * max(1, doubles // 2) + 2  # single openers needed to outweigh that many double marks
        if not _holds_more_than(text, SINGLE_MARKS, needed):
            return False  # too few single marks for that many openers and a closer: no need to find and read them
    positions = _single_mark_positions(text)
    if doubles >= 2 and len(positions) <= needed:
        return False  # (apostrophes inside words left out)
    roles = [_classify(text, i, True) for i in positions]
    singles_open = roles.count("open")
    singles_close = roles.count("close")
    if singles_open == 0 or singles_close == 0:
        return False
    return doubles < 2 or singles_open >= 2 * max(1, doubles // 2) + 2


def _holds_more_than(text: str, chars, limit: int) -> bool:
    """``sum(text.count(c) for c in chars) > limit`` for single characters, found with ``str.find`` (which skips to a
    character in C, where ``count`` compares every character of the text) and stopping past ``limit``."""
    found = 0
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found += 1
            if found > limit:
                return True
            at = text.find(char, at + 1)
    return False


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of non-empty lines."""
    result = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            result.append((offset, offset + len(line.rstrip("\r\n"))))
        offset += len(line)
    return result


def find_spans(doc: Doc) -> list[Span_]:
    """Pair quotation marks per paragraph; unpaired openers become unclosed spans."""
    text = doc_text(doc)
    double_positions = _double_mark_positions(text)
    single = _convention(text, len(double_positions))
    paragraphs = _paragraphs(text)
    one_paragraph = sum(1 for a, b in paragraphs if b - a > 200) <= 1
    boiler = doc._.boilerplate or []
    spans: list[Span_] = []
    # the marks of the whole text in one search, cut per paragraph (a line break, never a letter, is on either side
    # of a paragraph, so the look-arounds of the single-mark pattern read the same as in a search per paragraph)
    positions = _single_mark_positions(text) if single else double_positions  # (single: no apostrophes)
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        in_paragraph = positions[bisect_left(positions, p_start):bisect_left(positions, p_end)]
        if not in_paragraph or boiler and any(a <= p_start < b for a, b in boiler):
            continue  # (a paragraph without marks gives no span)
        marks = []
        for pos in in_paragraph:
            role = _classify(text, pos, single)
            if role is not None:
                marks.append(Mark(pos, role))
        opened: Mark | None = None
        nested_until = -1
        for k, mark in enumerate(marks):
            if k <= nested_until:
                continue  # inside a quotation's own quoted title or phrase: part of its text
            if opened is None:
                if mark.role in {"open", "either"}:
                    opened = mark
                elif mark.role == "close" and spans and spans[-1].paragraph == p_index:
                    orphan = _orphan_close(text, spans[-1], mark.pos, p_end)
                    if orphan is not None:
                        spans.append(orphan)
                continue
            if mark.role == "open":
                inner_close = _nested_close(marks, k)
                if inner_close is not None:
                    nested_until = inner_close
                    continue
            if mark.role == "weak":
                later_close = any(m.role in {"close", "either"} for m in marks[k + 1:]
                                  if not any(o.role == "open" and o.pos < m.pos for o in marks[k + 1:]))
                if later_close:
                    continue
            if mark.role in {"close", "either", "weak"}:
                spans.append(Span_(opened.pos, opened.pos + 1, mark.pos, mark.pos, p_index))
                opened = None
            else:  # a second opener: the first one was never closed
                end = _unclosed_end(doc, opened.pos, mark.pos, bounded=True)
                spans.append(Span_(opened.pos, opened.pos + 1, end, None, p_index))
                opened = mark
        if opened is not None:
            end = _unclosed_end(doc, opened.pos, p_end, bounded=one_paragraph)
            spans.append(Span_(opened.pos, opened.pos + 1, end, None, p_index))
    if not single and paragraphs:
        spans = _headline_single_quotes(text, paragraphs[0], boiler) + spans
        spans = [inner for span in spans for inner in _quoted_within(text, span, paragraphs[span.paragraph][1])]
    result = []
    for span in spans:
        start, end = _trim(text, span.start, span.end, span.close_pos is not None)
        if end > start:
            span.start, span.end = start, end
            result.append(span)
    return result


def _double_mark_positions(text: str) -> list[int]:
    """``[m.start() for m in DOUBLE_RE.finditer(text)]``, one ``str.find`` run per mark (a search for one character
    skips through the text in C; the character class was tested at every character)."""
    positions: list[int] = []
    for mark in DOUBLE_MARKS:
        at = text.find(mark)
        while at >= 0:
            positions.append(at)
            at = text.find(mark, at + 1)
    positions.sort()
    return positions


def _single_mark_positions(text: str) -> list[int]:
    """``[m.start() for m in SINGLE_NOT_INSIDE_WORD_RE.finditer(text)]``: the single marks not between two letters or
    digits (``[^\\W_]`` is ``str.isalnum`` of one character), found with one ``str.find`` run per mark; the
    character class was tested at every character of the text, and nearly every article has apostrophes to read."""
    positions: list[int] = []
    for mark in SINGLE_MARKS:
        at = text.find(mark)
        while at >= 0:
            if not (text[at + 1:at + 2].isalnum() and text[at - 1:at].isalnum()):
                positions.append(at)
            at = text.find(mark, at + 1)
    positions.sort()
    return positions


def _headline_single_quotes(text: str, paragraph: tuple[int, int], boiler) -> list[Span_]:
    """Headlines quote with single marks even where the article uses double ones ("X: 'We will not ...'")."""
    p_start, p_end = paragraph
    if p_end - p_start > 200 or DOUBLE_RE.search(text, p_start, p_end) or any(a <= p_start < b for a, b in boiler):
        return []
    found, opened = [], None
    for mark in SINGLE_NOT_INSIDE_WORD_RE.finditer(text, p_start, p_end):
        role = _classify(text, mark.start(), True)
        if role == "open" or role == "either" and opened is None:
            opened = mark.start()
        elif role in {"close", "either"} and opened is not None:
            found.append(Span_(opened, opened + 1, mark.start(), mark.start(), 0))
            opened = None
    return found


def _orphan_close(text: str, previous: Span_, close: int, p_end: int) -> Span_ | None:
    """'"A," X said in a statement. B."': a paragraph-final closing mark whose opener was left out after an
    attribution; the quotation is the sentence(s) after the attribution sentence."""
    if previous.close_pos is None or text[close - 1:close] not in set(TERMINAL_CHARS) or text[close + 1:p_end].strip():
        return None
    boundary = None
    for match in re.finditer(r"[.!?]\s+(?=[A-Z])", text[previous.close_pos + 1:close]):
        boundary = previous.close_pos + 1 + match.end()
        break  # the attribution is one sentence: what follows it is the quotation
    if boundary is None:
        return None
    return Span_(boundary - 1, boundary, close, close, previous.paragraph)


def _quoted_within(text: str, span: Span_, paragraph_end: int) -> list[Span_]:
    """A double-marked passage opening with single-marked speech (a reporter's read-out: "'A,' he said.
    'B.'") stands for the single-marked quotations inside it; any other span stays as it is."""
    start = span.start
    end = span.end if span.close_pos is not None else paragraph_end
    while start < end and text[start].isspace():
        start += 1
    if start >= end or text[start] not in "'‘" or _classify(text, start, True) != "open":
        return [span]
    inner: list[Span_] = []
    opened = None
    for found in SINGLE_NOT_INSIDE_WORD_RE.finditer(text, start, end):
        i = found.start()
        role = _classify(text, i, True)
        if opened is None and role in {"open", "either"}:
            opened = i
        elif opened is not None and role in {"close", "either", "weak"}:
            inner.append(Span_(opened, opened + 1, i, i, span.paragraph, nested=True))
            opened = None
    return inner or [span]


def _nested_close(marks: list[Mark], k: int) -> int | None:
    """Index of the mark closing a quotation nested at ``marks[k]``, when the outer one closes after it."""
    depth = 1
    for j in range(k + 1, len(marks)):
        depth += 1 if marks[j].role == "open" else -1
        if depth == 0:
            return j if any(m.role != "open" for m in marks[j + 1:]) else None
    return None


def _trim(text: str, start: int, end: int, closed: bool) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if closed and end > start and text[end - 1] == ",":
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def _unclosed_end(doc: Doc, open_pos: int, limit: int, bounded: bool) -> int:
    """End of an unclosed quote: ``limit``, or the last quoted-looking sentence before it."""
    if not bounded:
        return limit
    c = cues()
    speech = _speech_flags(doc)
    first = doc.char_span(open_pos, open_pos + 1, alignment_mode="expand")
    if first is None:
        return limit
    sent = first.sent
    end = min(sent.end_char, limit)
    while sent.end < len(doc) and sent.end_char < limit:
        sent = doc[sent.end].sent
        if sent.start_char >= limit:
            break
        words = {t.lower_ for t in sent}
        quoted_voice = bool(words & c["first_second_person"])
        narration = (any(t.text in DOUBLE_MARKS | SINGLE_MARKS for t in sent)
                     or any(speech[sent.start:sent.end])
                     or any(e.label_ == "PERSON" for e in sent.ents))
        if not quoted_voice or narration:
            break
        end = min(sent.end_char, limit)
    return end


# --------------------------------------------------------------------------- tokens helpers


_SPEECH_KEY = "migraph.quotes.speech"
_SPEECH_POSITIONS_KEY = "migraph.quotes.speech_positions"
_NOT_AFTER_SPEECH_VERB = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those", "member"}


def _speech_flags(doc: Doc) -> list[bool]:
    """Whether each token is a speech verb, decided once per Doc (attribution asks it of most tokens, often
    several times); only tokens whose form or lemma is on the cue lists are examined."""
    flags = doc.user_data.get(_SPEECH_KEY)
    if flags is not None and len(flags) == len(doc):
        return flags
    lowers, lemma_list = doc_lowers(doc), doc_lemmas(doc)
    n = len(doc)
    flags = [False] * n
    # tokens of a candidate lemma: from the lemmatizer's word classes, else found in C (map/compress) rather than a
    # Python loop over every token; no other token is a speech verb (``_is_speech_verb``)
    by_lemma = class_positions(doc, _CANDIDATE_LEMMA_WORD)
    if by_lemma is None:
        by_lemma = compress(range(n), map(_candidate_lemmas().__contains__, lemma_list))
    candidates = sorted(set(_word_positions(doc)[0]).union(by_lemma))
    if candidates:
        texts, index = doc_texts(doc), doc_index(doc)
        for i in candidates:
            flags[i] = _is_speech_verb(i, lowers, lemma_list, texts, index)
    doc.user_data[_SPEECH_KEY] = flags
    doc.user_data[_SPEECH_POSITIONS_KEY] = [i for i in candidates if flags[i]]
    return flags


_WORDS_KEY = "migraph.quotes.words"


@cache
def _word_codes() -> dict[str, int]:
    """Lower-case words looked for in every document: 1 a speech-verb form, 2 one of ``_marked_words``, 3 both."""
    codes = dict.fromkeys(_marked_words(), 2)
    for form in cues()["speech_forms"]:
        codes[form] = codes.get(form, 0) | 1
    return codes


_CODED_WORD = word_class(lambda text, lower: lower in _word_codes())  # the words _word_positions looks for


def _word_positions(doc: Doc) -> tuple[list[int], list[int]]:
    """Positions of the speech-verb forms and of the ``_marked_words``, in order, found in one pass over the
    lower-case forms (in C: a pass costs about as much as the Python work on what it finds) and kept per Doc."""
    lowers = doc_lowers(doc)
    found = doc.user_data.get(_WORDS_KEY)
    if found is not None and found[0] is lowers:
        return found[1], found[2]
    table = _word_codes()
    positions = class_positions(doc, _CODED_WORD)  # (the lemmatizer's word classes: no scan of the tokens)
    if positions is None:
        positions = list(compress(range(len(lowers)), map(table.__contains__, lowers)))
    codes = [table[lowers[i]] for i in positions]
    forms = [i for i, code in zip(positions, codes, strict=True) if code & 1]
    marked = [i for i, code in zip(positions, codes, strict=True) if code & 2]
    doc.user_data[_WORDS_KEY] = (lowers, forms, marked)
    return forms, marked


@cache
def _candidate_lemmas() -> frozenset[str]:
    """Lemmas that make a token a speech-verb candidate: the speech lemmas and the phrasal verbs'."""
    c = cues()
    return frozenset(c["speech_lemmas"]) | frozenset(c["phrasal_speech_verbs"])


# The words whose lemma makes them speech-verb candidates. The lemmatizer that leaves word classes is the lookup one,
# whose lemma is a fixed function of the word (``names.lookup_lemma``): the class gives the tokens ``_speech_flags``
# would find by scanning every token's lemma.
_CANDIDATE_LEMMA_WORD = word_class(lambda text, lower: lookup_lemma(text) in _candidate_lemmas())


def _speech_positions(doc: Doc) -> list[int]:
    """Indices of the speech verbs, in order."""
    flags = _speech_flags(doc)
    positions = doc.user_data.get(_SPEECH_POSITIONS_KEY)
    if positions is None:  # flags from an older run without positions
        positions = doc.user_data[_SPEECH_POSITIONS_KEY] = [i for i, flag in enumerate(flags) if flag]
    return positions


@cache
def _marked_words() -> frozenset[str]:
    """Words whose positions ``_Context`` collects: description heads, subject pronouns and 'according'."""
    return _head_words() | PRONOUNS | {"according"}


def _is_speech_verb(i: int, lowers: list[str], lemmas: list[str], texts: list[str], index: DocIndex) -> bool:
    """Whether token ``i`` is a speech verb: a listed form, or a verb-like form of a listed lemma."""
    c = cues()
    low = lowers[i]
    if low in c["speech_forms"]:
        return True
    text = texts[i]
    if not text.isalpha() or text[0].isupper() and i > 0 and not index.is_sent_start(i):
        return False
    if i > 0 and texts[i - 1] in {"-", "‑"}:
        return False  # 'the self-proclaimed Islamic State', 'a self-described socialist': an adjective
    lemma = lemmas[i]
    particle = c["phrasal_speech_verbs"].get(lemma)
    if particle is not None:
        # 'she shot back', 'he fired back at critics', 'X chimed in': only with the particle right after
        return i + 1 < len(lowers) and lowers[i + 1] == particle and not (i > 0 and lowers[i - 1] in
                                                                           _NOT_AFTER_SPEECH_VERB)
    if lemma not in c["speech_lemmas"]:
        return False
    if lemma in c["document_verbs"]:
        # 'read' quotes only a document: 'the court papers read', '," read a portion of the rule'
        documents = c["document_nouns"]
        return i > 0 and (lowers[i - 1] in documents or texts[i - 1] in {",", "”", '"', "’", "'"}
                          and any(low in documents for low in lowers[i + 1:i + 9]))
    # a lemma match on a bare noun ("the call", "a report") is not a verb: require a verb-like form
    if i > 0 and lowers[i - 1] in _NOT_AFTER_SPEECH_VERB:
        return False
    return low != lemma or low in {"say", "tell", "add", "write"} or low.endswith(("ed", "ing", "s"))


_DETERMINER_WORD = word_class(lambda text, lower: lower in cues()["determiners"])  # where a description may open


def _determiners_before_heads(determiners: list[int], heads: list[int]) -> list[int]:
    """The positions in ``determiners`` with a position of ``heads`` one to six tokens after them (both ascending):
    the determiners among the six tokens before some head, found in one walk over both lists rather than by reading
    the six tokens before each head (a slice, a map and a set update per head word, 6% of the quotes stage)."""
    found: list[int] = []
    j, count = 0, len(heads)
    for d in determiners:
        while j < count and heads[j] <= d:
            j += 1
        if j == count:
            break  # no head after this determiner, nor after the later ones
        if heads[j] - d <= 6:
            found.append(d)
    return found


class _Context:
    """Per-document state: token arrays, token map, quote membership, speaker history."""

    def __init__(self, doc: Doc, entities: DocumentAssertions, spans: list[Span_]):
        self.doc = doc
        self.entities = entities
        self.n = len(doc)
        text = doc_text(doc)  # Doc.text joins every token on each access: read it once
        self.text = text
        self.index = doc_index(doc)
        # per-token lists: doc[i] builds a new Token object on every access
        self.texts = doc_texts(doc)
        self.lowers = doc_lowers(doc)
        self.lemmas = doc_lemmas(doc)
        self.speech = _speech_flags(doc)
        self._punct: dict[str, bool] = {}
        self.sent_of = self.index.sent_of
        self.sent_tokens = self.index.sent_tokens
        self.key_at: list[tuple[str, str] | None] = [None] * self.n
        self.entity_at: list[Entity | None] = [None] * self.n  # Person/Organization entity of each token
        self.entity_positions: list[int] = []  # where entity_at is set, in order
        key_at, entity_at, n = self.key_at, self.entity_at, self.n
        speakers: dict[tuple[str, str], Entity | None] = {}  # key -> its entity if a Person or Organization
        for i, key in entities.token_entities.items():
            if 0 <= i < n:
                key_at[i] = key
                if key not in speakers:
                    entity = entities.entities.get(key) if key else None
                    speakers[key] = entity if entity is not None and entity.kind in {"Person", "Organization"} else None
                entity = speakers[key]
                if entity is not None:
                    entity_at[i] = entity
                    self.entity_positions.append(i)
        self.entity_positions.sort()
        self._spans: dict[int, tuple[int, int]] = {}  # entity_span's answers
        self._keyed_positions: list[int] | None = None  # where key_at is set, ascending (entity_span, on first need)
        # tokens that can head a speaker description (a noun phrase needs one within its first seven tokens),
        # pronouns and 'according', found in one pass
        heads = _head_words()
        lowers = self.lowers
        found = _word_positions(doc)[1]
        self.head_positions = [i for i in found if lowers[i] in heads]
        # where a speaker noun phrase can start (``_noun_phrase`` returns None everywhere else): a Person or
        # Organization mention, a pronoun, a determiner up to six tokens before a head word, or any word up to five
        # tokens before a plural or organisation head (without a determiner, only those heads make a phrase)
        c = cues()
        determiners, plural_or_org = c["determiners"], c["plural_person_nouns"] | c["org_nouns"]
        phrase_starts = set(self.entity_positions)
        phrase_starts.update(i for i in found if lowers[i] in PRONOUNS)
        determiner_positions = class_positions(doc, _DETERMINER_WORD)
        if determiner_positions is None:  # (no word classes: each head's six tokens before it read)
            is_determiner = determiners.__contains__
            for h in self.head_positions:
                before = max(0, h - 6)
                phrase_starts.update(compress(range(before, h), map(is_determiner, lowers[before:h])))
        else:
            phrase_starts.update(_determiners_before_heads(determiner_positions, self.head_positions))
        for h in self.head_positions:
            if lowers[h] in plural_or_org:
                phrase_starts.update(range(max(0, h - 5), h + 1))
        self.phrase_starts = sorted(phrase_starts)
        self._tokens_at: dict[int, int] = {}
        self.in_quote = [False] * len(doc)
        self.mark_tokens: set[int] = set()
        # unclosed third-person passages (a correspondent's read-out): their names can be referred to later
        self.narrative = [False] * len(doc)
        for span in spans:
            a = self.tok(span.start)
            b = self.tok(max(span.start, span.end - 1))
            narrative = span.close_pos is None and not FIRST_SECOND_RE.search(text, span.start, span.end)
            self.in_quote[a:b + 1] = [True] * (b + 1 - a)
            self.narrative[a:b + 1] = [narrative] * (b + 1 - a)
            self.mark_tokens.add(self.tok(span.open_pos))
            if span.close_pos is not None:
                self.mark_tokens.add(self.tok(span.close_pos))
        # tokens where narration may name a speaker: speech verbs and 'according'
        self.cue_tokens = sorted(set(_speech_positions(doc)) | {i for i in found if lowers[i] == "according"})
        # speakers found so far, in text order (``events``). Narration between quotes is read for speakers only when
        # a later attribution looks at the history: most documents never do after their last pronoun or description,
        # and ``_subject_before`` is quotes' largest cost. The stretches wait in ``_queued`` (with the quotes'
        # own speakers after them, to keep the order) and are read in order on the first look; each reading sees
        # exactly the speakers before it, and everything else it reads is fixed per document, so the history is
        # the one the eager reading gave.
        self._events: list[Speaker] = []
        self._queued: list[Speaker | tuple[int, int]] = []
        self._reading_queue = False
        self.objects: dict[int, bool] = {}  # _is_object's answers
        self.genders: dict[int, str | None] = {}  # _gender_of's answers by id() of the entity

    @property
    def events(self) -> list[Speaker]:
        """The speakers found so far, in text order (queued narration read first)."""
        if self._queued and not self._reading_queue:
            self._read_queue()
        return self._events

    def add_event(self, speaker: Speaker) -> None:
        """Append a quote's speaker to the history (after any narration still queued)."""
        if self._queued:
            self._queued.append(speaker)
        else:
            self._events.append(speaker)

    def queue_narration(self, start_char: int, end_char: int) -> None:
        """Narration between quotes, to be read for speakers (``_record_narration_speakers``) on the history's
        first look."""
        self._queued.append((start_char, end_char))

    def _read_queue(self) -> None:
        self._reading_queue = True  # a reading's own looks at the history see the speakers before it
        try:
            for item in self._queued:
                if isinstance(item, Speaker):
                    self._events.append(item)
                else:
                    _record_narration_speakers(self, item[0], item[1])
        finally:
            self._queued = []
            self._reading_queue = False

    def tok(self, char: int) -> int:
        """Token at character ``char``: the token whose text holds it, or for whitespace the token before it
        (a quote's trimmed end on a space belongs to its last word); the end of the text counts as the last
        character."""
        found = self._tokens_at.get(char)
        if found is None:
            char = min(char, len(self.text))
            found = self._tokens_at[char] = max(0, bisect_right(self.index.starts, char) - 1)
        return found

    def is_punct(self, i: int) -> bool:
        """``doc[i].is_punct`` (the lexeme's flag), looked up once per word and document."""
        text = self.texts[i]
        flag = self._punct.get(text)
        if flag is None:
            flag = self._punct[text] = _lexeme_is_punct(self.doc.vocab, text)
        return flag

    def entity(self, i: int) -> Entity | None:
        """The Person or Organization entity token ``i`` belongs to."""
        return self.entity_at[i] if 0 <= i < self.n else None

    def entity_span(self, i: int) -> tuple[int, int]:
        """Token range of the run of tokens around ``i`` mapped to the same entity key (computed once per token)."""
        found = self._spans.get(i)
        if found is None:
            key_at = self.key_at
            key = key_at[i]
            if key is None:  # a run of tokens outside every entity: bounded by the entity tokens around it, found by
                # bisection (such runs are long, and walking them token by token was most of this method's cost)
                keyed = self._keyed_positions
                if keyed is None:
                    keyed = self._keyed_positions = sorted(
                        j for j, k in self.entities.token_entities.items() if k is not None and 0 <= j < self.n)
                h = bisect_left(keyed, i)
                found = self._spans[i] = (keyed[h - 1] + 1 if h else 0, keyed[h] if h < len(keyed) else self.n)
                return found
            a = b = i
            while a - 1 >= 0 and key_at[a - 1] == key:
                a -= 1
            while b + 1 < self.n and key_at[b + 1] == key:
                b += 1
            found = self._spans[i] = (a, b + 1)
        return found

    def sent_start(self, i: int) -> int:
        """First token of the sentence holding token ``i`` (``doc[i].sent.start``)."""
        return self.sent_tokens[self.sent_of[i]][0]

    def sent_end(self, i: int) -> int:
        return self.sent_tokens[self.sent_of[i]][1]

    def span_text(self, a: int, b: int) -> str:
        """``doc[a:b].text`` (b > a)."""
        return self.text[self.index.starts[a]:self.index.ends[b - 1]]


_PUNCT: list = [None, {}]  # the vocabulary last asked, and its is_punct flags by word


def _lexeme_is_punct(vocab, text: str) -> bool:
    """``vocab[text].is_punct``, kept per process for the last vocabulary (a lexeme's flags are set from its string
    when it is created; the lookup costs a microsecond, a few hundred times per document)."""
    if _PUNCT[0] is not vocab:
        _PUNCT[0], _PUNCT[1] = vocab, {}
    flags = _PUNCT[1]
    flag = flags.get(text)
    if flag is None:
        if len(flags) > 200_000:
            flags.clear()
        flag = flags[text] = vocab[text].is_punct
    return flag


# --------------------------------------------------------------------------- noun phrases


def _gender_of(entity: Entity, ctx: _Context | None = None) -> str | None:
    if ctx is None:
        return _entity_gender(entity, None)
    # quotes never change entities, and the pronoun counts are fixed per document: one answer per entity
    known = ctx.genders
    if id(entity) not in known:
        known[id(entity)] = _entity_gender(entity, ctx)
    return known[id(entity)]


def _entity_gender(entity: Entity, ctx: _Context | None) -> str | None:
    """``_gender_of`` computed afresh."""
    gender = entity.attributes.get("gender")
    if gender in {"male", "female"}:
        return gender
    first = entity.name.split()[0] if entity.name else ""
    guess = first_name_gender(first) if first else None
    if guess in {"male", "female"}:
        return guess
    return _pronoun_gender(ctx).get(entity.key) if ctx is not None else None


_FEMALE_WORDS = {"she", "her", "hers", "herself"}
_MALE_WORDS = {"he", "him", "his", "himself"}


def _pronoun_gender(ctx: _Context) -> dict[str, str]:
    """Gender of people the article names without a known first name ('Temirel', 'Ozenbay'), read from the
    pronouns of the narration right after their mentions ('for Temirel, ... her father. ..., she says'): up to 15
    tokens, stopping at the next person; only one-sided evidence counts."""
    found = ctx.__dict__.get("_pronoun_gender")
    if found is not None:
        return found
    counts: dict[str, list[int]] = {}
    positions, entity_at, lowers, in_quote = ctx.entity_positions, ctx.entity_at, ctx.lowers, ctx.in_quote
    for p, i in enumerate(positions):
        entity = entity_at[i]
        if entity.kind != "Person" or (p > 0 and positions[p - 1] == i - 1 and entity_at[i - 1] is entity):
            continue  # one count per mention, from its first token
        if entity.attributes.get("gender") in {"male", "female"}:
            continue
        _, end = ctx.entity_span(i)
        nxt = positions[bisect_left(positions, end)] if bisect_left(positions, end) < len(positions) else ctx.n
        tally = counts.setdefault(entity.key, [0, 0])
        for k in range(end, min(ctx.n, end + 15, nxt)):
            if in_quote[k]:
                continue
            if lowers[k] in _CLAUSE_OPENERS:
                break  # 'Lani Guinier, in which he bought into ...': a relative clause's pronoun is someone else
            if lowers[k] in _FEMALE_WORDS:
                tally[0] += 1
            elif lowers[k] in _MALE_WORDS:
                tally[1] += 1
    found = {key: ("female" if f else "male") for key, (f, m) in counts.items() if (f > 0) != (m > 0)}
    ctx.__dict__["_pronoun_gender"] = found
    return found


def _is_object(ctx: _Context, i: int) -> bool:
    """Whether the mention at ``i`` follows a preposition or 'told' (then it is not a subject)."""
    # a fixed function of the document's tokens and entities, asked again and again for the same mentions
    found = ctx.objects.get(i)
    if found is None:
        found = ctx.objects[i] = _is_object_uncached(ctx, i)
    return found


def _is_object_uncached(ctx: _Context, i: int) -> bool:
    """``_is_object`` computed afresh."""
    c = cues()
    lowers, texts = ctx.lowers, ctx.texts
    k = i - 1
    while k >= 0:
        if lowers[k] in {"the", "a", "an"} or lowers[k] in _honorifics() \
                or texts[k][:1].isupper() and lowers[k] in c["role_words"] and lowers[k] not in c["prepositions"] \
                or texts[k][:1].isupper() and texts[k].isalpha() and k + 1 < i and ctx.entity(k) is None \
                and texts[k + 1][:1].isupper() and lowers[k + 1] in c["role_words"]:
            k -= 1  # 'with President X', 'for Foreign Minister X', 'of Democratic President X': title words
        elif lowers[k] in {"of", "for"} and k > 0 and texts[k - 1][:1].isupper() \
                and lowers[k - 1] in c["role_words"] and k + 1 < i:
            k -= 1  # 'Secretary of State X': a title's own preposition
        elif texts[k].islower() and (lowers[k] in _OWNER_PRONOUNS or lowers[k] in c["staff_nouns"]
                                     or lowers[k] in _possessed_nouns() and lowers[k] != "of"
                                     or lowers[k] == "of" and k + 1 < i and k > 0
                                     and lowers[k - 1] in _possessed_nouns() and lowers[k + 1] in _possessed_nouns()) \
                or texts[k] == "," and k == i - 1 and k > 0 and lowers[k - 1] in _possessed_nouns():
            k -= 1  # 'told aide X', 'told his chief of staff, X': the role of the one spoken to
        elif lowers[k] in _POSSESSIVE and k > 0 and texts[k - 1][:1].isupper():
            k -= 1  # "like Russia's X": the owner's name before the possessive
            if ctx.entity(k) is not None:
                k = ctx.entity_span(k)[0]  # "the Department of Defense's X"
            else:
                while k > 0 and texts[k - 1][:1].isupper() and lowers[k - 1] not in c["determiners"]:
                    k -= 1
            k -= 1
        else:
            break
    if k < 0:
        return False
    prev = lowers[k]
    if prev == "to" and k > 0 and lowers[k - 1] == "according":
        return False  # the source of 'according to X' speaks
    if prev == "from" and k > 0 and lowers[k - 1] in c["source_nouns"]:
        return False  # 'tweets from President X', 'a statement from X': X is the author
    return prev in c["prepositions"] or ctx.lemmas[k] == "tell" or prev in {"told", "tells", "being", "in"}


def _resolve_pronoun(ctx: _Context, i: int, pronoun: str) -> Speaker | None:
    """The last fitting person (he/she) or organisation (it/they) before token ``i``."""
    gender = cues()["pronoun_gender"].get(pronoun)
    want_org = gender in {"neuter", "plural"}
    if want_org:
        for event in reversed(ctx.events[-3:]):
            if event.kind == "Organization" and 0 <= event.position < i and i - event.position < 120:
                return Speaker(entity=event.entity, description=event.description, kind=event.kind,
                               position=event.position)
    best: Speaker | None = None
    in_quote, narrative, marks, entity_at = ctx.in_quote, ctx.narrative, ctx.mark_tokens, ctx.entity_at
    # walk back over the tokens of Person/Organization mentions only (the others never match)
    positions = ctx.entity_positions
    p = bisect_left(positions, i) - 1
    matching_object: Speaker | None = None  # 'But for Anna Berg, ... she said': a woman named after a preposition
    any_object: Speaker | None = None  # 'X unloaded on Y after he said': the last fitting mention, an object
    while p >= 0:
        k = positions[p]
        if in_quote[k] and not narrative[k] or k in marks:
            p -= 1
            continue
        entity = entity_at[k]
        a, _ = ctx.entity_span(k)
        fits = (entity.kind == "Organization") if want_org else (entity.kind == "Person")
        g = _gender_of(entity, ctx) if fits and not want_org else None
        if fits and not want_org:
            fits = g is None or g == gender
        if fits and not _is_object(ctx, a):
            best = Speaker(entity=entity, kind=entity.kind, position=a)
            if g is None and matching_object is not None \
                    and ctx.sent_of[matching_object.position] > ctx.sent_of[a]:
                best = matching_object  # of known matching gender and in a later sentence than the unknown subject
            break
        if fits and g is not None and matching_object is None:
            matching_object = Speaker(entity=entity, kind=entity.kind, position=a)
        if fits and any_object is None:
            any_object = Speaker(entity=entity, kind=entity.kind, position=a)
        p = bisect_left(positions, a) - 1  # on before the whole mention
    if best is None and any_object is not None and not want_org and i < ctx.n \
            and ctx.sent_of[any_object.position] == ctx.sent_of[i]:
        best = any_object  # nobody else fits: the one the pronoun's own sentence names
    if best is not None and best.entity is not None and not want_org:
        # 'X, ..., said the programme Mr. Y announced is a risk. "...," he said': the speaker of that
        # sentence beats a later mention inside it
        sent_start = ctx.sent_start(best.position)
        for event in reversed(ctx.events):
            if (event.entity is not None and event.entity.kind == "Person" and event.entity is not best.entity
                    and sent_start <= event.position < best.position
                    and _gender_of(event.entity, ctx) in {None, gender}):
                best = Speaker(entity=event.entity, kind="Person", position=event.position)
                break
    for event in reversed(ctx.events):
        if event.position >= i or (best is not None and event.position <= best.position):
            continue
        if event.entity is None and event.description:
            head = event.description.split()[-1].lower()
            is_org = event.kind == "Organization"
            plural = head in cues()["plural_person_nouns"]
            if want_org and (is_org or plural and pronoun == "they") \
                    or (not want_org and not is_org and not plural and _noun_gender(head) in {None, gender}):
                return Speaker(description=event.description, kind=event.kind, position=event.position)
        break
    return best


def _noun_gender(noun: str) -> str | None:
    if noun in {"man", "boy", "father", "grandfather", "husband", "son", "brother", "spokesman"}:
        return "male"
    if noun in {"woman", "girl", "mother", "grandmother", "wife", "daughter", "sister", "spokeswoman"}:
        return "female"
    return None


@cache
def _head_words() -> frozenset[str]:
    """Words that can head a speaker description ('the border guard', 'officials', 'the ministry')."""
    c = cues()
    roles = {w for w in c["role_words"] if w not in {"of", "for", "foreign", "state", "home"}}
    return frozenset(c["person_nouns"] | c["plural_person_nouns"] | c["org_nouns"] | roles)


def _noun_phrase(ctx: _Context, i: int, stop: int) -> tuple[Speaker, int] | None:
    """A speaker-like noun phrase starting at token ``i`` (before ``stop``): entity, pronoun or description."""
    if i >= stop or ctx.in_quote[i] or i in ctx.mark_tokens:
        return None
    lowers = ctx.lowers
    entity = ctx.entity_at[i]
    if entity is None and lowers[i] not in PRONOUNS:
        h = bisect_left(ctx.head_positions, i)
        if h == len(ctx.head_positions) or ctx.head_positions[h] >= min(stop, i + 7):
            return None  # no head word where the description could end: nothing below can match
    c = cues()
    if entity is not None:
        a, b = ctx.entity_span(i)
        if a == i:
            if entity.kind == "Person" and b < stop and lowers[b] in _POSSESSIVE:
                member = _possessed_person(ctx, i, b + 1, stop)
                if member is not None:
                    return member  # "the minister's spokesman said": not the minister
            return Speaker(entity=entity, kind=entity.kind, position=i), b
    low = lowers[i]
    if low in PRONOUNS:
        found = _resolve_pronoun(ctx, i, low) or Speaker(description=None, position=i)
        found.via_pronoun = True
        return found, i + 1
    # determiner + modifiers + head noun
    if low in _NOT_MODIFIERS:
        return None  # 'In what the ministry is calling', 'of Methodist leaders': the phrase starts later
    k = i
    if low in c["determiners"]:
        k += 1
    j = k
    last_head = None
    heads, in_quote, is_punct, texts, speech = _head_words(), ctx.in_quote, ctx.is_punct, ctx.texts, ctx.speech
    limit = min(stop, k + 6)
    while j < limit:
        if in_quote[j] or is_punct(j) and texts[j] != "-":
            break
        if lowers[j] in heads:
            last_head = j
        elif last_head is not None:
            if _bridges_to_head(ctx, last_head, j, limit):
                j += 1
                continue  # 'a former senior intelligence official': 'senior' qualifies the noun ahead
            break
        elif speech[j] or lowers[j] in _CLAUSE_OPENERS or lowers[j] == "that" or lowers[j] in _INNER_BREAKS:
            break  # 'what the ministry is calling': a clause opens, the phrase starts later; 'The crowd
            # cheered as the bishop', 'spoke at an event with voters': a preposition before any head word
        j += 1
    if last_head is not None and lowers[last_head] == "border" and ctx.entity_at[last_head] is None:
        return None  # 'border' only qualifies a head ('the border guard'); 'a coast-to-coast border' says nothing
    if last_head is None or (k == i and lowers[last_head] not in c["plural_person_nouns"]
                             and lowers[last_head] not in c["org_nouns"]):
        return None
    # include an entity inside the phrase ("the Finnish border guard"), but "a State Department spokeswoman",
    # "the White House official", "one UN official" is an unnamed person of that body: a description, not the body
    unnamed_member = lowers[last_head] not in c["org_nouns"]
    for m in range(i, last_head + 1):
        entity = ctx.entity_at[m]
        if entity is not None and entity.kind == "Organization":
            end = max(last_head + 1, ctx.entity_span(m)[1])
            member = end
            while member < min(stop, end + 3) and lowers[member] in heads \
                    and lowers[member] not in c["org_nouns"] and not in_quote[member]:
                member += 1  # "a Department of Homeland Security official", "a senior Border Patrol agent"
            if member > end or unnamed_member and last_head >= ctx.entity_span(m)[1]:
                first = i  # the description opens at its determiner or the body ("has advised the X doctors")
                for d in range(m - 1, i - 1, -1):
                    if lowers[d] in c["determiners"]:
                        first = d
                        break
                else:
                    first = i if lowers[i] in c["determiners"] else m
                return _resolve_description(ctx, first, member - 1, ctx.span_text(first, member),
                                            lowers[member - 1]), member
            return Speaker(entity=entity, kind=entity.kind, position=m), end
    phrase = ctx.span_text(i, last_head + 1)
    head = lowers[last_head]
    return _resolve_description(ctx, i, last_head, phrase, head), last_head + 1


def _bridges_to_head(ctx: _Context, last_head: int, j: int, limit: int) -> bool:
    """Whether the plain word at ``j`` sits between a qualifying head ('senior', 'former', 'top') and the head noun
    one or two words on ('one senior bank executive', 'one senior Main Street executive'); a verb or function word
    on the way ends the phrase instead."""
    if ctx.lowers[last_head] not in cues()["modifier_heads"]:
        return False
    heads = _head_words()
    for k in range(j, min(limit, j + 3)):
        if k > j and ctx.lowers[k] in heads:
            return True
        if not _plain_modifier(ctx, k):
            return False
    return False


def _plain_modifier(ctx: _Context, k: int) -> bool:
    """A word that may qualify a noun ahead: a lower-case noun or adjective, or a capitalised word ('Wall Street')."""
    low, text = ctx.lowers[k], ctx.texts[k]
    if not text.isalpha() or ctx.speech[k] or ctx.in_quote[k] or low in MODIFIER_STOP or low in _CLAUSE_OPENERS:
        return False
    return not text.islower() or not low.endswith(("ed", "ing"))


_POSSESSIVE = {"'s", "’s"}
_INNER_BREAKS = {"as", "in", "on", "at", "with", "by", "from", "to", "after", "before", "among", "about", "into",
                 "over", "under", "than"}
_CLAUSE_OPENERS = {"what", "which", "who", "whom", "whose", "where", "when", "how", "why", "if", "while", "because",
                   "since", "whether"}
_NOT_MODIFIERS = _CLAUSE_OPENERS | {"in", "on", "at", "as", "after", "before", "with", "by", "for", "from", "to", "of",
                                    "and", "or", "but", "that", "than", "among", "about", "into", "over", "under"}


def _possessed_person(ctx: _Context, owner: int, k: int, stop: int) -> tuple[Speaker, int] | None:
    """'X's spokesman, Y,' is Y; 'X's chief of staff' (unnamed) is a description; 'X's plan' is no speaker."""
    lowers, texts = ctx.lowers, ctx.texts
    nouns = _possessed_nouns()
    j, head = k, None
    while j < min(stop, k + 5) and not ctx.in_quote[j] and (lowers[j] in nouns or head is None and (
            lowers[j] in {"longtime", "former", "top", "senior", "chief", "press", "new"})):
        if lowers[j] in nouns and lowers[j] not in {"of", "chief", "press", "senior", "top"}:
            head = j
        j += 1
    if head is None:
        return None
    end = head + 1
    after = end + 1 if end < stop and texts[end] == "," else end
    entity = ctx.entity(after) if after < stop else None
    if entity is not None and entity.kind == "Person":
        return Speaker(entity=entity, kind="Person", position=after), ctx.entity_span(after)[1]
    return Speaker(description=ctx.span_text(owner, end), kind="Person", position=owner), end


@cache
def _possessed_nouns() -> frozenset[str]:
    """Who a person can have speak for them: aides, relatives, lawyers (role words and kinship nouns)."""
    c = cues()
    words = (c["role_words"] | c["person_nouns"] | {w.lower() for w in lexicon()["kinship_nouns"]}) - {
        "border", "defence", "defense", "economy", "eu", "european", "external", "federal", "finance", "first",
        "for", "foreign", "former", "health", "high", "home", "human", "immigration", "interior", "internal",
        "justice", "migration", "ministry", "national", "refugees", "regional", "rights", "security", "special",
        "state", "supreme", "u.n.", "un", "under"}
    return frozenset(words | {"of", "staff"})


def _resolve_description(ctx: _Context, i: int, head_i: int, phrase: str, head: str) -> Speaker:
    """Tie a described speaker to an entity when the article already named it."""
    c = cues()
    n = ctx.n
    lowers, texts = ctx.lowers, ctx.texts
    definite = lowers[i] in {"the", "its", "this", "that"}
    is_org = head in c["org_nouns"] and head not in c["person_nouns"]
    if is_org:
        singular = head[:-1] if head.endswith("s") else head
        best = None
        here = ctx.index.starts[i]
        for first, entity in _organizations_by_stem(ctx).get(singular.rstrip("s"), ()):
            if first < here and (best is None or first > best[0]):
                best = (first, entity)
        if best is not None and definite:
            return Speaker(entity=best[1], kind="Organization", position=i)
        if definite and not (head_i + 1 < n and texts[head_i + 1][:1].isupper()):
            # 'The Biotechnology Industry Association said ... "...," the industry lobby said': the organisation that
            # spoke last, close before, is the one the description takes up (not 'the newspaper El Pais called')
            for event in reversed(ctx.events[-3:]):
                if event.entity is not None and event.entity.kind == "Organization" and 0 <= i - event.position < 100:
                    return Speaker(entity=event.entity, kind="Organization", position=i)
        return Speaker(description=phrase, kind="Organization", position=i)
    # "its director, Maria Santos" / "the man, Kiril," / "the mayor of Ceuta, Ana Ruiz"
    comma = head_i + 1
    if comma + 1 < n and lowers[comma] in {"of", "for", "at", "in"}:
        comma += 1
        while comma < min(n, head_i + 7) and texts[comma] != "," and not ctx.in_quote[comma] \
                and (texts[comma][:1].isupper() or lowers[comma] in {"the", "of", "and"}):
            comma += 1
    if comma + 1 < n and texts[comma] == ",":
        entity = ctx.entity(comma + 1)
        if entity is not None and entity.kind == "Person":
            return Speaker(entity=entity, kind="Person", position=comma + 1)
    # "said the man, who identified himself as X"
    j = head_i + 1
    limit = min(n, head_i + 12)
    while j < limit and not (texts[j] in TERMINAL_CHARS and j > head_i + 1) and not ctx.in_quote[j]:
        if lowers[j] in c["identified_as"] and j + 1 < n:
            entity = ctx.entity(j + 1)
            if entity is not None and entity.kind == "Person":
                return Speaker(entity=entity, kind="Person", position=j + 1)
        j += 1
    if definite:
        for event in reversed(ctx.events):
            if event.entity is None and event.description and head in event.description.lower().split():
                return Speaker(description=event.description, kind=event.kind, position=i)
            if event.entity is not None and head in str(event.entity.attributes.get("role", "")).lower().split():
                return Speaker(entity=event.entity, kind=event.entity.kind, position=i)
        entity = _persons_by_role_word(ctx).get(head)
        if entity is not None:
            return Speaker(entity=entity, kind="Person", position=i)
        earlier = _earlier_indefinite(ctx, i, head)
        if earlier is not None:
            return Speaker(description=earlier, kind=None, position=i)
        if head not in c["generic_person_nouns"] and head not in c["plural_person_nouns"]:
            found = _resolve_pronoun(ctx, i, "he")
            female = _resolve_pronoun(ctx, i, "she")
            candidates = [s for s in (found, female) if s is not None and s.entity is not None]
            if candidates:
                return max(candidates, key=lambda s: s.position)
    return Speaker(description=phrase, kind=None, position=i)


def _organizations_by_stem(ctx: _Context) -> dict[str, list[tuple[int, Entity]]]:
    """The organisations with mentions by the last word of their name, less trailing 's' (lower-case), each with the
    offset of its first mention, in entity order: ``_resolve_description`` looks a head noun up here rather than
    scanning every entity per description (quotes never change entities, so once per document)."""
    found = ctx.__dict__.get("_organizations_by_stem")
    if found is None:
        found = {}
        for entity in ctx.entities.entities.values():
            if entity.kind != "Organization":
                continue
            stem = entity.name.split()[-1].lower().rstrip("s")
            if entity.mentions:
                found.setdefault(stem, []).append((min(m.start for m in entity.mentions), entity))
        ctx.__dict__["_organizations_by_stem"] = found
    return found


def _persons_by_role_word(ctx: _Context) -> dict[str, Entity]:
    """Per lower-case word of a person's role, the first person (in entity order) whose role has it (once per
    document, as ``_organizations_by_stem``)."""
    found = ctx.__dict__.get("_persons_by_role_word")
    if found is None:
        found = {}
        for entity in ctx.entities.entities.values():
            if entity.kind == "Person":
                for word in str(entity.attributes.get("role", "")).lower().split():
                    found.setdefault(word, entity)
        ctx.__dict__["_persons_by_role_word"] = found
    return found


def _earlier_indefinite(ctx: _Context, i: int, head: str) -> str | None:
    """'a senior border official ... the official said': the earlier indefinite description."""
    lowers, texts = ctx.lowers, ctx.texts
    for k in range(i - 1, max(-1, i - 150), -1):
        if lowers[k] != head or ctx.in_quote[k]:
            continue
        for d in range(k - 1, max(-1, k - 5), -1):
            if lowers[d] in {"a", "an", "one", "another"}:
                return ctx.span_text(d, k + 1)
            if not texts[d].isalpha() and texts[d] != "-":
                break
    return None


# --------------------------------------------------------------------------- attribution


def _subject_before(ctx: _Context, start: int, verb: int) -> Speaker | None:
    """Subject of the speech verb at ``verb`` among tokens [start, verb)."""
    if verb - 1 > start and ctx.lowers[verb - 1] == "and":
        # 'The official said the review goes on and said the country is "under strain"': the first verb's subject
        for u in range(start, verb - 1):
            if ctx.speech[u] and not ctx.in_quote[u]:
                found = _subject_before(ctx, start, u)
                if found is not None:
                    return found
                break
    candidates: list[tuple[Speaker, int]] = []
    phrase_starts = ctx.phrase_starts  # _noun_phrase finds nothing elsewhere
    p = bisect_left(phrase_starts, start)
    while p < len(phrase_starts) and phrase_starts[p] < verb:
        i = phrase_starts[p]
        found = _noun_phrase(ctx, i, verb)
        if found is not None:
            candidates.append(found)
            p = bisect_left(phrase_starts, max(found[1], i + 1), p + 1)
        else:
            p += 1
    candidates = [(s, e) for s, e in candidates if (s.entity is not None or s.description)
                  and not _in_credit(ctx, s.position, e)]
    if not candidates:
        return None
    lowers, texts = ctx.lowers, ctx.texts
    sources = [s for s, e in candidates if s.position >= max(2, start) and not s.via_pronoun
               and lowers[s.position - 1] == "to" and lowers[s.position - 2] == "according"]
    if sources and not any(lowers[u] in {"which", "who"} for u in range(sources[-1].position, verb)):
        # 'According to Reuters, the bishop said: "..."': the report's source is not the one who speaks (nor,
        # when the one who speaks is no phrase found here, 'According to Reuters, the pontiff said'); but
        # 'according to the agency, which added that ...' is the source speaking on
        candidates = [(s, e) for s, e in candidates if s.position > sources[-1].position]
        if not candidates:
            return None
    k = verb - 1
    while k > start and (lowers[k] in {"also", "recently", "later", "then", "has", "have", "had", "was",
                                       "once", "previously", "further", "again", "separately"}
                         or len(lowers[k]) > 4 and lowers[k].endswith("ly") and texts[k].islower()):
        k -= 1  # 'Y memorably described': an adverb between the subject and its verb
    if lowers[k] == "who" and k > start:
        # 'spoke to X, a refugee, who told her': the relative clause's antecedent speaks
        named = [s for s, e in candidates if s.entity is not None and e <= k]
        if named:
            return named[-1]
    if texts[k] == "," and not (_is_participle(ctx, verb) and k - 1 > start and texts[k - 1].islower()
                                and texts[k - 1].isalpha()):
        # (', writing, "..."' after a common word: the participle shares the clause's subject, found below; the
        # name set off by commas before it ('invoked X, D-Calif., in his remarks, writing') is no apposition; but
        # 'in response to X, D-N.Y., announcing' right after a name: the participle is that name's)
        with_comma = [s for s, e in candidates if e < ctx.n and texts[e] == ","
                      and not _is_object(ctx, s.position)]
        named = [s for s in with_comma if s.entity is not None]
        if named or with_comma:
            return (named or with_comma)[0]
    subjects = [(s, e) for s, e in candidates if not _is_object(ctx, s.position)]
    adjacent = [s for s, e in subjects if e == k + 1 and s.entity is not None and s.entity.kind == "Person"
                and _opens_clause(ctx, s.position, start)]  # after an introductory phrase or a first clause
    adjacent += [s for s, e in candidates if e == k + 1 and s.via_pronoun and s.entity is not None
                 and s.entity.kind == "Person" and e - 2 > start and lowers[e - 2] in _SUBORDINATORS]
    # ('X unloaded on Y after he suggested they "go back"': the pronoun opening the verb's own clause)
    if adjacent:
        return adjacent[-1]  # 'Asked by Fox's Chris Wallace about it, Priebus responded': the name by the verb
    named = [s for s, e in subjects if s.entity is not None and not _modifies_next(ctx, s, e, verb)
             and not (s.via_pronoun and e - 2 >= start and lowers[e - 2] in _SUBORDINATORS)]
    # ('minutes before they were to begin the walk, Commissioner X announced': a pronoun opening a clause of time
    # or reason is that clause's subject, not the main verb's)
    if named:
        return named[0]
    return (subjects or candidates)[-1][0]


_NEW_CLAUSE = {"while", "whereas", "although", "though", "but", "and"}
# conjunctions that open a clause of time or reason: its subject is the one of the speech verb right after it
_SUBORDINATORS = {"as", "after", "when", "because", "before", "since", "once", "until", "while", "whereas",
                  "although", "though"}


def _opens_clause(ctx: _Context, i: int, start: int) -> bool:
    """Whether the person named at ``i`` (past title words: 'candidate', 'Sen.') opens a clause of its own: after
    a comma ('When X left, candidate Y denounced'), or after 'and'/'but' once another speech verb came first
    ('X asked what he meant and Y replied')."""
    lowers, texts = ctx.lowers, ctx.texts
    c = cues()
    k = i - 1
    while k > start and i - k <= 6 and (lowers[k] in c["role_words"] or lowers[k] in c["person_nouns"]
                                        or lowers[k] in _honorifics()
                                        or texts[k][:1].isupper() and ctx.entity(k) is None):
        k -= 1
    if k <= start:
        return False
    if texts[k] in {",", "—", "–", ";"} or lowers[k] in _NEW_CLAUSE - {"and", "but"} \
            or lowers[k] in _SUBORDINATORS and texts[k].islower():
        return True  # ('X listened as President Y said ...': the name opens the clause of 'as')
    return lowers[k] in {"and", "but"} and any(ctx.speech[u] and not ctx.in_quote[u] for u in range(start, k))


def _modifies_next(ctx: _Context, speaker: Speaker, end: int, verb: int) -> bool:
    """'White House press secretary Dana Reyes': the organisation only qualifies the person."""
    if speaker.kind == "Person":
        return _person_qualifies_next(ctx, end, verb)
    if speaker.kind != "Organization":
        return False
    roles = cues()["role_words"]
    person_nouns = cues()["person_nouns"]
    lowers, texts = ctx.lowers, ctx.texts
    k = end
    if k + 2 < verb and texts[k] == "(" and texts[k + 2] == ")":
        k += 3  # 'Department of Homeland Security (DHS) Secretary X'
    elif k < verb and texts[k] == ")":
        k += 1  # the '(DHS)' itself
    start = k
    while k < verb and k - start < 8 and (lowers[k] in roles or lowers[k] in person_nouns
                                          or lowers[k] in _TITLE_GLUE or texts[k].isalpha()
                                          and (texts[k].islower() and not _clause_word(lowers[k])
                                               or lowers[k] in _honorifics())):
        # 'Rollins College political scientist X', "the IOM's Leonard Doyle", "UNICEF's Mr. Lake",
        # 'U.N. Secretary-General X': possessives, hyphens, honorifics and any lower-case title words
        if ctx.entity(k) is not None and ctx.entity(k).kind == "Person":
            break
        k += 1
    if k == start and k < verb and lowers[k] not in _TITLE_GLUE:
        # capitalised title words between the organisation and the name ('UN High Commissioner for Refugees X')
        while k < verb and k - start < 6 and texts[k].isalpha() and (
                texts[k][:1].isupper() or lowers[k] in {"of", "for"}) and ctx.entity(k) is None:
            k += 1
    if start < k < verb - 1 and texts[k] == "," and (lowers[k - 1] in roles or lowers[k - 1] in person_nouns):
        k += 1  # 'Foreign Ministry spokesperson, Ahmad Jamal': the role's holder set off by a comma
    entity = ctx.entity(k) if k < verb else None
    return entity is not None and entity.kind == "Person" and (k > end or k == end and texts[k - 1].isalpha())


def _person_qualifies_next(ctx: _Context, end: int, verb: int) -> bool:
    """'Obama campaign veteran Jon Favreau', 'Trump senior policy adviser X': a leader's name before a role and
    another person's name only says whose aide that person is (only role and staff words may come between)."""
    c = cues()
    roles, person_nouns, staff = c["role_words"], c["person_nouns"], c["staff_modifiers"] | c["staff_nouns"]
    lowers, texts = ctx.lowers, ctx.texts
    k, has_role = end, False
    while k < verb and k - end < 6 and texts[k].isalpha() and texts[k].islower() and (
            lowers[k] in roles or lowers[k] in person_nouns or lowers[k] in staff):
        has_role = has_role or lowers[k] in roles or lowers[k] in person_nouns or lowers[k] in c["staff_nouns"]
        k += 1
    entity = ctx.entity(k) if k < verb else None
    return has_role and entity is not None and entity.kind == "Person"


def _clause_word(low: str) -> bool:
    """A lower-case word that starts a clause rather than continuing a title ("condemned", "that", "has")."""
    return (len(low) > 4 and low.endswith("ed")) or low in _CLAUSE_WORDS


_CLAUSE_WORDS = {"that", "who", "which", "whom", "has", "have", "had", "is", "was", "were", "are", "will", "would",
                 "said", "says", "told", "and", "but", "when", "while", "as", "after", "before", "to"}
_TITLE_GLUE = {"'s", "’s", "-", "‑", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr"}


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon()["honorifics"])


def _person_after(ctx: _Context, start: int, stop: int) -> Speaker | None:
    """The first person named within a few tokens after ``start`` (past title words), before ``stop``."""
    for k in range(start, min(stop, start + 8)):
        entity = ctx.entity(k)
        if entity is not None and entity.kind == "Person":
            return Speaker(entity=entity, kind="Person", position=k)
    return None


_AFTER_VERB_SKIP = {"out", "back", "up",  # "points out X"
                    "on", "in", "last", "this", "today", "yesterday", "late", "early", "recently", "monday", "tuesday",
                    "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month", "year", ","}


def _subject_after(ctx: _Context, verb: int, stop: int) -> Speaker | None:
    """Inverted attribution: 'said the man' / 'said X' (never 'told X': X is the one spoken to)."""
    lowers, texts = ctx.lowers, ctx.texts
    if lowers[verb] in {"told", "tell", "tells", "telling"}:
        return None
    i = verb + 1
    while i < stop and lowers[i] in _AFTER_VERB_SKIP:
        i += 1
    roles = cues()["role_words"]
    for k in range(i, min(stop, i + 8)):
        found = _noun_phrase(ctx, k, stop)
        if found is not None and (found[0].entity is not None or found[0].description):
            if _modifies_next(ctx, found[0], found[1], stop):
                person = _person_after(ctx, found[1], stop)  # 'said Human Rights Watch researcher X'
                if person is not None:
                    return person
            return found[0]
        kind = ctx.entities.entity_at_token(k)
        if not (lowers[k] in roles or texts[k][:1].isupper() or kind is not None or lowers[k] in _POSSESSIVE
                or lowers[k] in cues()["person_nouns"]  # 'said Honduran migrant X', "writes The Monitor's X"
                or texts[k].isalpha() and texts[k].islower() and lowers[k] not in MODIFIER_STOP
                and k + 1 < stop and texts[k + 1][:1].isupper()
                and (lowers[k + 1] in roles or lowers[k + 1] in _honorifics() or ctx.entity(k + 1) is not None)):
            break  # ... 'said conservative Rep. X', 'said longtime aide X': an adjective before a title or a name
    return _premodified_person(ctx, i, stop)


_NAME_ENDS = {",", ".", "(", ";", ":", "—", "–", "who"}


def _premodified_person(ctx: _Context, i: int, stop: int) -> Speaker | None:
    """'said veteran Democratic strategist X', 'said pro-democracy legislator X', 'said panel member X': a person
    named after a few plain modifier words (lower-case nouns and adjectives, 'retired', capitalised adjectives,
    hyphens) and ending the clause; a function word, a clause word or an -ing form on the way means X is no inverted
    speaker."""
    lowers, texts = ctx.lowers, ctx.texts
    for k in range(i, min(stop, i + 7)):
        entity = ctx.entity(k)
        if entity is not None:
            if k == i or entity.kind != "Person" or ctx.entity_span(k)[0] != k:
                return None
            end = ctx.entity_span(k)[1]
            if end < stop and texts[end] not in _NAME_ENDS and lowers[end] not in MODIFIER_STOP:
                return None  # 'said local officials let X go': X opens the reported clause
            return Speaker(entity=entity, kind="Person", position=k)
        low = lowers[k]
        if texts[k] in {"-", "‑"} and k > i:
            continue
        if not texts[k].isalpha() or low in MODIFIER_STOP or low in _CLAUSE_WORDS or ctx.speech[k] \
                or ctx.in_quote[k] or low.endswith("ing"):
            return None
    return None


_DESCRIPTION_ENDS = {",", ".", "who", "whose", "which", "that", "in", "at", "from", "of", "for", "with", "near", "on",
                     "outside", "inside", "and", "as", "after", "during", "while", ";", "—", "–"}


def _plain_description_after(ctx: _Context, verb: int, stop: int) -> Speaker | None:
    """'," said a mechanic at the camp': any lower-case noun after a determiner right after the verb is the speaker.

    Only for inverted attribution straight after a closing mark, where nothing but the speaker can follow; the
    noun lists cover the frequent speakers, this covers the long tail (bakers, mechanics, shopkeepers).
    """
    lowers, texts = ctx.lowers, ctx.texts
    if lowers[verb] in {"told", "tell", "tells"} or lowers[verb].endswith("ing") or verb + 2 > stop \
            or lowers[verb + 1] not in {"a", "an", "the", "one"}:
        return None  # 'arguing the media was ...' opens a clause, not an attribution
    k = verb + 2
    while k < min(stop, verb + 6) and texts[k].isalpha() and texts[k].islower() and lowers[k] not in _DESCRIPTION_ENDS:
        if lowers[k] in _CLAUSE_WORDS or lowers[k] in {"can", "could", "should", "may", "might", "must", "did", "does"}:
            return None
        k += 1
    if k == verb + 2 or k - verb - 2 > 3 or not (k >= stop or lowers[k] in _DESCRIPTION_ENDS):
        return None
    return Speaker(description=ctx.span_text(verb + 1, k), kind="Person", position=verb + 1)


def _outside_reported_clause(ctx: _Context, found: Speaker, sent_start: int, open_tok: int, start: int,
                             end: int) -> Speaker:
    """'Mr. X is "going to be caught in the crossfire," he said': the pronoun that reports a clause cannot be a
    name inside that clause (before the quotation, with no speech verb of its own); it is resolved again from
    the sentence's start. Otherwise (or when nobody earlier fits) ``found`` stands."""
    if not sent_start <= found.position < open_tok:
        return found
    if any(ctx.texts[u] in {":", "—", "–"} for u in range(found.position, open_tok)):
        return found  # 'X used my paper: "...," he told the crowd': the quotation is no part of X's clause
    if any(ctx.speech[u] and not ctx.in_quote[u] for u in range(found.position, open_tok)):
        return found  # 'X said "...," he added': X is the subject of its own speech verb
    pronoun = next((u for u in range(start, end) if ctx.lowers[u] in PRONOUNS), None)
    if pronoun is None or sent_start == 0:
        return found
    earlier = _resolve_pronoun(ctx, sent_start, ctx.lowers[pronoun])
    if earlier is None or earlier.entity is None:
        return found
    earlier.via_pronoun = True
    return earlier


def _clause_end(ctx: _Context, start: int) -> int:
    """First token index at or after ``start`` that ends the attribution clause."""
    texts, in_quote, marks = ctx.texts, ctx.in_quote, ctx.mark_tokens
    i = start
    while i < ctx.n:
        text = texts[i]
        if i in marks or in_quote[i] or text == ";" or "\n" in text:
            return i
        if text in TERMINAL_CHARS or text == "...":
            return i
        i += 1
    return i


def _according_to(ctx: _Context, start: int, end: int) -> Speaker | None:
    lowers = ctx.lowers
    for i in range(start, end - 1):
        if lowers[i] == "according" and lowers[i + 1] == "to" and not ctx.in_quote[i]:
            end = _clause_end(ctx, i + 2)
            found = _noun_phrase(ctx, i + 2, end)
            if found is not None and (found[0].entity is not None or found[0].description):
                found[0].cue = "according to"
                return found[0]
            for k in range(i + 3, min(end, i + 14)):  # "according to the report, published by X"
                entity = ctx.entity(k)
                prev = lowers[k - 1] if lowers[k - 1] not in {"the", "a"} else lowers[k - 2]
                if entity is not None and prev in {"by", "from"}:
                    return Speaker(entity=entity, kind=entity.kind, cue="according to", position=k)
            document = _document_speaker(ctx, i + 2, end)  # 'according to the wording of the decree'
            if document is not None:
                document.cue = "according to"
                return document
    return None


def _attribute(ctx: _Context, span: Span_) -> tuple[Speaker | None, str]:
    """Find the speaker of one quote; returns (speaker, where) with where in after/before/sentence/none."""
    n, texts, speech, in_quote = ctx.n, ctx.texts, ctx.speech, ctx.in_quote
    open_tok = ctx.tok(span.open_pos)
    sent_start, sent_end = ctx.sent_start(open_tok), ctx.sent_end(open_tok)
    # 1. right after the closing mark: ', she said' / ', said X' / 'X told reporters'
    if span.close_pos is not None and _attribution_may_follow(ctx, span):
        after = ctx.tok(span.close_pos) + 1
        end = _clause_end(ctx, after)
        start = after + (1 if after < n and texts[after] == "," else 0)
        for v in range(start, min(end, start + 16)):
            if speech[v] and not in_quote[v]:
                if v > start and all(ctx.lowers[u] in {"but", "and", "also", "then"} for u in range(start, v)):
                    break  # 'X called the verdict "a relief," but said ...': the sentence's subject, found below
                if v > start + 1 and ctx.lowers[start] in _NEW_CLAUSE:
                    break  # 'X called it "a scandal," while Y said ...': Y's clause is not this quote's attribution
                if v == start and _is_participle(ctx, v):
                    # 'X called it "a disaster," saying he would ...': the participle shares the subject of the
                    # quote's own clause; what follows it is what was said, never its speaker
                    found = _clause_subject(ctx, sent_start, open_tok)
                    if found is None:
                        break
                elif v == start:
                    found = _document_speaker(ctx, v + 1, end) or _subject_after(ctx, v, end) \
                        or _plain_description_after(ctx, v, end)
                elif ctx.lowers[v - 1] in cues()["document_nouns"]:
                    found = _document_speaker(ctx, start, v)  # '," the court papers read'
                else:
                    found = _subject_before(ctx, start, v) or _subject_after(ctx, v, end)
                if found is None and v - start <= 4:
                    found = _bare_description(ctx, start, v)
                if found is not None and found.via_pronoun and found.entity is not None:
                    found = _outside_reported_clause(ctx, found, sent_start, open_tok, start, end)
                if found is not None:
                    found.cue = found.cue or texts[v]
                    return found, "after"
                break
            if texts[v] == "," and v > start and not _noun_phrase_ahead(ctx, v + 1, end):
                break
    # 2. before the opener in the same sentence: 'X said: "...' / 'X said the war is "unpopular"'
    if open_tok >= 2 and texts[open_tok - 1] in {":", "):"}:
        j = _before_bracket_tag(ctx, open_tok - 2 if texts[open_tok - 1] == ":" else open_tok - 1, sent_start)
        entity = ctx.entity(j) or _capitals_label(ctx, j)
        if entity is None and j == sent_start:
            entity = _surname_person(ctx, j)  # headline "Hale: 'We will not ...'" before the full name
        if entity is not None and not _is_object(ctx, ctx.entity_span(j)[0]):
            return Speaker(entity=entity, kind=entity.kind, cue=":", position=j), "before"
    owner = _owner_of_words(ctx, open_tok, sent_start)
    if owner is not None:
        return owner, "before"
    for v in range(open_tok - 1, sent_start - 1, -1):
        if speech[v] and not in_quote[v]:
            found = _passive_agent(ctx, v, open_tok) or _subject_before(ctx, sent_start, v)
            if found is None:
                found = _subject_after(ctx, v, open_tok)
            if found is None:
                # 'the rule is likely to add ... "...", according to the text': a subjectless verb yields to a source
                according = _according_to(ctx, sent_start, sent_end)
                if according is not None and according.position > v:
                    return according, "sentence"  # (a source named before the verb reports, it does not speak)
            found = found or Speaker(position=v)
            found.cue = texts[v]
            return found, "before"
    # 2b. a clause without a speech verb introducing the quotation: 'X, an author, was blunt: "..."'
    if open_tok >= 2 and texts[open_tok - 1] == ":" and open_tok - 1 > sent_start:
        found = _subject_before(ctx, sent_start, open_tok - 1)
        if (found is not None and found.entity is not None and found.entity.kind in {"Person", "Organization"}
                and found.position - sent_start <= 8 and not _is_object(ctx, found.position)):
            found.cue = ":"  # the clause's subject near its start, not 'sent a message to X:' or 'by X:'
            return found, "before"
    # 2c. a name right before a quotation that opens with a verb: the quotation goes on with that name's sentence
    # (headline 'White House "will not co-operate"', 'The budget office "estimates that ..."')
    if open_tok >= 1 and _opens_with_verb(ctx, span):
        entity = ctx.entity(open_tok - 1)
        if entity is not None and entity.kind in {"Person", "Organization", "Country"}:
            first = ctx.entity_span(open_tok - 1)[0]
            # a headline, or a name inside narration ('The agency "estimates"'); not a claim set out as a heading
            # ('Obama "has thousands of ..."' in a fact check) nor the claim of a source named before a colon
            # ('Schiff: Trump "has decided ..."')
            placed = (span.paragraph == 0 or first > sent_start) and not any(
                texts[t] in {":", "):"} for t in range(sent_start, first))
            if placed and not _is_object(ctx, first):
                return Speaker(entity=entity, kind=entity.kind, cue=texts[ctx.tok(span.start)], position=first), \
                    "before"
    # 3. 'according to X' anywhere in the sentence
    found = _according_to(ctx, sent_start, sent_end)
    if found is not None:
        return found, "sentence"
    # 4. a speech verb later in the sentence: '..."fortifications"..., X, the party secretary, revealed.'
    close_tok = ctx.tok(span.close_pos) if span.close_pos is not None else ctx.tok(span.end)
    crossed = False  # past another quotation of the sentence: 'But "A," and that will "B," he says.'
    # (a quotation of several sentences: its attribution is in the sentence of the closing mark)
    for v in range(close_tok + 1, max(sent_end, ctx.sent_end(close_tok)) if close_tok < ctx.n else sent_end):
        beyond = v >= sent_end  # past the opening sentence: a named subject only, no pronoun to resolve
        if in_quote[v] or v in ctx.mark_tokens:
            crossed = True
            continue
        if speech[v]:
            clause_end = span.close_pos is not None and ctx.text[span.close_pos - 1:span.close_pos] == ","
            right_after = texts[v - 1] in {",", "”", '"'} or v > 1 and texts[v - 2] in {",", "”", '"'} \
                and ctx.lowers[v - 1] in PRONOUNS
            if crossed and not (clause_end and right_after):
                break  # only a clause-ending partial ('attention," and ...') shares the later '," he says'
            if v > close_tok + 1 and all(ctx.lowers[u] in {",", "and", "but", "then", "also"}
                                         for u in range(close_tok + 1, v)):
                # 'He referred to it as a "red line" and said ...': the coordinated verb shares the sentence subject
                found = _subject_before(ctx, sent_start, open_tok)
                if found is not None:
                    found.cue = texts[v]
                    return found, "sentence"
            if _is_participle(ctx, v) and all(ctx.is_punct(u) for u in range(close_tok + 1, v)):
                break  # '"...," saying he would ...': what follows the participle was said, not who said it
            found = _subject_before(ctx, close_tok + 1, v) or _subject_after(ctx, v, _clause_end(ctx, v + 1))
            if found is not None and beyond and found.via_pronoun:
                break
            if found is not None:
                found.cue = texts[v]
                return found, "sentence"
    return None, "none"


def _in_credit(ctx: _Context, start: int, end: int) -> bool:
    """A news agency in a dateline's credit ('WASHINGTON (AP) — ...', 'OSLO (Reuters) - ...'): no subject."""
    texts = ctx.texts
    return start > 0 and texts[start - 1] == "(" and end + 1 < ctx.n and texts[end] == ")" \
        and texts[end + 1] in _DASHES


def _before_bracket_tag(ctx: _Context, j: int, sent_start: int) -> int:
    """The token before a short bracketed tag ending at ``j`` ('Rep. Jo Smith (D-Calif.):', 'Jo Smith (UNHCR):'),
    else ``j``."""
    if ctx.texts[j] not in {")", "):"}:
        return j
    k = j - 1
    while k > sent_start and j - k < 8 and ctx.texts[k] != "(":
        k -= 1
    return k - 1 if ctx.texts[k] == "(" and k - 1 >= sent_start else j


@cache
def _verb_openers() -> frozenset[str]:
    return frozenset(cues()["verb_openers"])


def _opens_with_verb(ctx: _Context, span: Span_) -> bool:
    """Whether the quotation's first word is a lower-case auxiliary, modal or speech verb form ('will', 'has',
    'estimates', 'testified'): the quotation continues a sentence begun before it."""
    t = ctx.tok(span.start)
    if t >= ctx.n or not ctx.texts[t][:1].islower():
        return False
    low = ctx.lowers[t]
    return low in _verb_openers() or low.endswith(("s", "ed")) and ctx.lemmas[t] in cues()["speech_lemmas"]


def _is_participle(ctx: _Context, v: int) -> bool:
    """A speech verb's -ing form ('saying', 'adding', 'calling'): it has no subject of its own after it."""
    low = ctx.lowers[v]
    return len(low) > 5 and low.endswith("ing") and ctx.texts[v].islower()


def _clause_subject(ctx: _Context, sent_start: int, open_tok: int) -> Speaker | None:
    """The subject of the narration before a quotation that has no speech verb, for a participle after the
    quotation ('Y was "heartbroken," saying ...' -> Y): its first named person or organisation that is no object
    and no qualifier of a later name. None where a speech verb comes before the quotation (its subject is found
    there, 'Y described the talks as "difficult," saying ...')."""
    if open_tok <= sent_start:
        return None
    if any(ctx.speech[v] and not ctx.in_quote[v] for v in range(sent_start, open_tok)):
        return None
    phrase_starts = ctx.phrase_starts
    p = bisect_left(phrase_starts, sent_start)
    while p < len(phrase_starts) and phrase_starts[p] < open_tok:
        i = phrase_starts[p]
        found = _noun_phrase(ctx, i, open_tok)
        if found is None:
            p += 1
            continue
        speaker, end = found
        if speaker.entity is not None and speaker.entity.kind in {"Person", "Organization"} \
                and not _is_object(ctx, speaker.position) and not _modifies_next(ctx, speaker, end, open_tok):
            return speaker
        p = bisect_left(phrase_starts, max(end, i + 1), p + 1)
    return None


_DASHES = {"—", "–", "-", "--"}


def _passive_agent(ctx: _Context, verb: int, stop: int) -> Speaker | None:
    """'the position, bluntly stated by Chancellor X, was that ...', 'cited by a correspondent as "..."': a
    past participle of speech followed by 'by' names its speaker after 'by' ('said by phone' names nobody)."""
    lowers = ctx.lowers
    if verb + 2 >= stop or lowers[verb + 1] != "by" or not lowers[verb].endswith(("ed", "en", "id", "ld")):
        return None
    k = verb - 1
    while k > 0 and lowers[k].endswith("ly"):
        k -= 1
    if k < 0 or lowers[k] not in {",", "—", "–", "-", "as", "was", "were", "been", "is", "are", "be", "being"}:
        return None  # 'the infractions reported by X as "..."': X reported the infractions, someone else spoke
    found = _subject_after(ctx, verb + 1, stop)
    if found is None or found.entity is None and not found.description:
        return None
    return found


def _tweet_signature(ctx: _Context, span: Span_) -> Speaker | None:
    """An embedded post: '"..." pic.twitter.com/x — Name (@handle) June 3, 2019' names its author.

    Web pages keep the signature line of an embedded tweet after its text; the author is the account's name
    (a person or organisation the document knows), read up to the next blank line or 40 tokens. A post that
    names another account ('.@X last night: "..."', '"..." @PressSec "..."') quotes that account: no author.
    """
    texts = ctx.texts
    open_tok = ctx.tok(span.open_pos)
    start = ctx.tok(span.close_pos) + 1 if span.close_pos is not None else ctx.tok(span.end)
    k = open_tok - 1
    while k >= 0 and "\n" not in texts[k]:
        if texts[k].startswith(("@", ".@")):
            return None
        k -= 1
    for k in range(start, min(ctx.n - 3, start + 40)):
        if "\n\n" in texts[k] or ctx.in_quote[k] and k > start or texts[k].startswith(("@", ".@")):
            return None
        if texts[k] in _DASHES:
            entity = ctx.entity(k + 1)
            if entity is None or entity.kind not in {"Person", "Organization"}:
                continue
            end = ctx.entity_span(k + 1)[1]
            if end + 1 < ctx.n and texts[end] == "(" and texts[end + 1].startswith("@"):
                return Speaker(entity=entity, kind=entity.kind, cue="tweet", position=k + 1)
    return None


def _owner_of_words(ctx: _Context, open_tok: int, sent_start: int) -> Speaker | None:
    """"Berg's claim that '...'", "the ministry's warning: '...'": the owner of a speech noun right before the
    opener (at most 'that' or a colon between) said the words."""
    lowers = ctx.lowers
    k = open_tok - 1
    if k <= sent_start or lowers[k] not in {"that", ":"}:
        return None  # "Kerry's comments 'were wrong'": words about the owner's words are someone else's
    k -= 1
    if k - 2 < sent_start or lowers[k] not in cues()["speech_nouns"] or lowers[k - 1] not in _POSSESSIVE:
        return None
    entity = ctx.entity(k - 2)
    if entity is None or entity.kind not in {"Person", "Organization"}:
        return None
    return Speaker(entity=entity, kind=entity.kind, cue=ctx.texts[k], position=ctx.entity_span(k - 2)[0])


def _surname_person(ctx: _Context, i: int) -> Entity | None:
    """The one person of the article whose surname (last name word) or alias is the capitalised word at ``i``."""
    word = ctx.texts[i]
    if not word[:1].isupper() or not word.isalpha():
        return None
    found = [e for e in ctx.entities.entities.values()
             if e.kind == "Person" and (e.name.split()[-1] == word or word in e.aliases) and e.name != word]
    return found[0] if len(found) == 1 else None


def _capitals_label(ctx: _Context, i: int) -> Entity | None:
    """'ROMNEY: "..."' (fact-check transcripts): a surname in capitals opening its line names that person."""
    word = ctx.texts[i]
    if not (len(word) > 2 and word.isalpha() and word.isupper()) or (i > 0 and "\n" not in ctx.texts[i - 1]):
        return None
    low = word.lower()
    found = [e for e in ctx.entities.entities.values()
             if e.kind == "Person" and e.name.split()[-1].lower() == low]
    return found[0] if len(found) == 1 else None


def _attribution_may_follow(ctx: _Context, span: Span_) -> bool:
    """Whether the words after the closing mark can attribute it ('," she said' yes, '." Next...' no)."""
    inner = ctx.text[span.start:span.end].rstrip()
    after = ctx.tok(span.close_pos) + 1
    if after >= ctx.n:
        return False
    nxt = ctx.texts[after]
    if inner.endswith((".", "…")):
        return False
    if inner.endswith(("?", "!")) and not nxt[:1].islower():
        return _named_speech_clause(ctx, after)  # '"Why?" Milanovic said.' yes, '"Why?" Next...' no
    if ctx.text[span.close_pos - 1:span.close_pos] == "," or nxt == ",":
        return True
    return ctx.speech[after] or _noun_phrase(ctx, after, ctx.n) is not None \
        or ctx.lowers[after] in {"the", "a", "an", "one"}


def _named_speech_clause(ctx: _Context, i: int) -> bool:
    """Whether tokens from ``i`` read 'NAME said' / 'he said' (an entity or pronoun, then a speech verb)."""
    found = _noun_phrase(ctx, i, min(ctx.n, i + 12))
    if found is None or found[0].entity is None and ctx.lowers[i] not in {"he", "she", "they", "it"}:
        return False
    k = found[1]
    while k < ctx.n and ctx.lowers[k] in {"also", "later", "then", "has", "had"}:
        k += 1
    return k < ctx.n and ctx.speech[k]


def _bare_description(ctx: _Context, start: int, verb: int) -> Speaker | None:
    """'the dictator said': an unknown noun after a determiner, read as an anaphor or a description."""
    if start >= verb or ctx.lowers[start] not in cues()["determiners"] \
            or any(not ctx.texts[k].isalpha() for k in range(start, verb)):
        return None
    if ctx.lowers[verb - 1] in cues()["document_nouns"]:
        return _document_speaker(ctx, start, verb)  # 'the new order states': its issuer, not the last man named
    head = ctx.lowers[verb - 1]
    return _resolve_description(ctx, start, verb - 1, ctx.span_text(start, verb), head)


_OWNER_PRONOUNS = {"his", "her", "its", "their"}
_NOT_IN_DOCUMENT_PHRASE = MODIFIER_STOP - {"the", "a", "an", "of", "this", "these", "those", "his", "her", "its",
                                           "their", "our", "my", "your", "s"}


def _document_speaker(ctx: _Context, a: int, b: int) -> Speaker | None:
    """A document as the subject or object of a speech verb ('the court papers read', 'his letter said',
    '," read one section of the temporary rule'): its owner ('the DHS memo', "X's order"), else the one
    the article has issuing it ('The ministry published a rule ...'), else the document's description."""
    lowers, texts = ctx.lowers, ctx.texts
    documents = cues()["document_nouns"]
    head = next((j for j in range(a, min(b, a + 8))
                 if lowers[j] in documents and texts[j].islower() and not ctx.in_quote[j]), None)
    if head is not None and head + 1 < b and lowers[head + 1] == "of":
        later = next((j for j in range(head + 2, min(b, head + 5)) if lowers[j] in documents), None)
        head = later if later is not None else head  # 'the wording of the rule': the rule's issuer
    if head is None or any(not (texts[t].isalpha() or texts[t] in _POSSESSIVE or texts[t] in {"-", "."})
                           or lowers[t] in _NOT_IN_DOCUMENT_PHRASE for t in range(a, head)):
        return None  # 'adding it would continue with its lawsuit': a clause, not a document phrase
    for t in range(head - 1, a - 1, -1):
        entity = ctx.entity(t)
        if entity is not None:  # 'the DHS memo', "Hale's letter"
            return Speaker(entity=entity, kind=entity.kind, position=ctx.entity_span(t)[0])
        if lowers[t] in _OWNER_PRONOUNS:
            # 'his letter said': the writer is often someone only described ('a letter from a cousin'), and the
            # pronoun resolver knows named people only, so the document's description is the safer answer
            return Speaker(description=ctx.span_text(t, head + 1), kind=None, position=t, document=True)
    issuer = _document_issuer(ctx, a, lowers[head])
    if issuer is not None:
        return issuer
    first = a if lowers[a] in cues()["determiners"] else head
    return Speaker(description=ctx.span_text(first, head + 1), kind=None, position=a, document=True)


def _document_issuer(ctx: _Context, before: int, noun: str) -> Speaker | None:
    """Who issued a document the article mentioned before: the subject of an issuing verb before it ('The
    ministry published a temporary rule', data/quotes.json), or the agent after it ('a rule issued by X')."""
    lowers, in_quote = ctx.lowers, ctx.in_quote
    stem = noun.rstrip("s")
    seen = 0
    for k in range(before - 1, -1, -1):
        if lowers[k].rstrip("s") != stem:
            continue  # a mention in marks counts: 'DHS released an “interim final rule”'
        seen += 1
        if seen > 4:
            break
        for j in range(k + 1, min(ctx.sent_end(k), k + 4)):
            if lowers[j] == "by" and ctx.entity(j + 1) is not None:
                entity = ctx.entity(j + 1)
                return Speaker(entity=entity, kind=entity.kind, position=j + 1)
        s = ctx.sent_start(k)
        issuing = cues()["issuing_verbs"]
        for t in range(s, k):
            entity = ctx.entity(t)
            if entity is not None and not in_quote[t] and ctx.entity_span(t)[0] == t and not _is_object(ctx, t) \
                    and any(ctx.lemmas[u] in issuing for u in range(ctx.entity_span(t)[1], k)):
                return Speaker(entity=entity, kind=entity.kind, position=t)  # 'the agency released a new rule'
    return None


def _noun_phrase_ahead(ctx: _Context, i: int, end: int) -> bool:
    """Whether an attribution clause may go on after a comma (appositive or the speaker itself)."""
    return i < end


# --------------------------------------------------------------------------- kinds and filters


def _kind(ctx: _Context, span: Span_) -> str:
    if span.close_pos is None:
        return "direct_unclosed"
    text = ctx.text
    k = span.open_pos - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    prev_char = text[k] if k >= 0 else ""  # the last character before the opener, past white space
    open_tok = ctx.tok(span.open_pos)
    at_start = all(ctx.texts[t].isspace() or t in ctx.mark_tokens or ctx.is_punct(t)
                   for t in range(ctx.sent_start(open_tok), open_tok))
    first = text[span.start:span.start + 1]
    if at_start or prev_char in {":", ""} or prev_char in TERMINAL_CHARS:
        return "direct"
    if prev_char == "," and (first.isupper() or first in "([") :
        return "direct"
    return "partial"


TITLE_SMALL_WORDS = {"of", "the", "for", "and", "a", "an", "in", "on", "to", "de", "la", "du", "der", "von", "pour"}


def _is_title_case(words: list[str]) -> bool:
    """Every word but the small ones starts with a capital or a digit, and there is such a word."""
    found = False
    for w in words:
        if w.lower() in TITLE_SMALL_WORDS:
            continue
        if not (w[:1].isupper() or w[:1].isdigit()):
            return False  # the first lower-case content word decides: no need to look at a long quote's rest
        found = True
    return found


@cache
def _scare_markers() -> tuple[str, ...]:
    """The scare markers: a text that does not end in one (before white space, ``\\s*$``) has no match of
    ``_scare_marker_re``, which is then not tried at every position."""
    return tuple(cues()["scare_markers"])


@cache
def _scare_marker_re() -> re.Pattern:
    """A scare marker ('so-called', 'alleged') right before the opening mark."""
    markers = sorted(cues()["scare_markers"])
    return re.compile(r"\b(?:" + "|".join(re.escape(marker) for marker in markers) + r")\s*$")


def _is_name_of_thing(ctx: _Context, span: Span_, speaker: Speaker | None, previous_rejected: Span_ | None) -> bool:
    """Scare quotes and names of things (schemes, titles, nicknames) are not quotations."""
    if span.close_pos is None:
        return False
    c = cues()
    lowers = ctx.lowers
    text = ctx.text[span.start:span.end]
    # the rules below read at most the first seven words and whether there are more (but title case reads them all)
    words = [found.group() for found in islice(WORD_RE.finditer(text), 7)]
    if not words:
        return True
    open_tok = ctx.tok(span.open_pos)
    close_tok = ctx.tok(span.close_pos)
    before = [t for t in range(max(0, open_tok - 4), open_tok) if not ctx.texts[t].isspace()]
    before_low = [lowers[t] for t in before]
    joined = ctx.text[max(0, span.open_pos - 24):span.open_pos].lower()
    if joined.rstrip().endswith(_scare_markers()) and _scare_marker_re().search(joined):
        return True
    if previous_rejected is not None and previous_rejected.close_pos is not None:
        gap = ctx.text[previous_rejected.close_pos + 1:span.open_pos].strip(" ,")
        if gap in {"or", "(", "or the", "aka", "also known as"}:
            return True
    title = _is_title_case(words) and (len(words) < 7 or _is_title_case(WORD_RE.findall(text)))
    terminal = text.rstrip()[-1:] in TERMINAL_CHARS
    if before_low[-2:] and {"titled", "entitled", "headlined", "headline"} & set(before_low[-2:]):
        return True  # 'the story, titled "Admin shelves the guide,"'
    if speaker is None and _is_citation(ctx, close_tok):
        return True  # '"Why the war goes on," The Atlantic, April 15, 2015': a source list entry
    # "a scheme called X", "named X", "known as X"
    for k, low in enumerate(before_low):
        if low in c["name_verbs"]:
            owner = before_low[k - 1] if k > 0 else (lowers[open_tok - 5] if open_tok >= 5 else "")
            if title or owner in c["thing_nouns"]:
                return True
    after = lowers[close_tok + 1] if close_tok + 1 < ctx.n else ""
    if title and not terminal and (after in c["thing_nouns"] or before_low[-1:] and before_low[-1] in c["thing_nouns"]
                                   or before_low[-1:] == ["the"]):
        return True
    if len(words) <= 4 and title and not terminal and speaker is None:
        return True
    if title and len(words) <= 6 and before_low[-1:] and before_low[-1] in {"told", "on", "'s", "’s", "to"}:
        return True  # 'told "Fox News Sunday"', 'told ABC's "This Week."': a programme, not speech
    if len(words) == 1 and words[0][:1].isupper() and not terminal and (speaker is None or speaker.cue is None):
        return True
    if len(words) <= 2 and not terminal and (speaker is None or speaker.entity is None) and text[:1].islower() \
            and before_low[-1:] and (before_low[-1] in c["prepositions"] or before_low[-1] in c["determiners"]) \
            and after.isalpha() and after not in MODIFIER_STOP and not ctx.speech[close_tok + 1]:
        return True  # 'on "terrorism" suspects', 'during "credible-fear" interviews': a marked modifier
    return False


def _is_citation(ctx: _Context, close_tok: int) -> bool:
    """Whether a title in marks is followed by ', Outlet, Date' (a month or a year), without a speech verb."""
    texts, n = ctx.texts, ctx.n
    k = close_tok + 1
    if k < n and texts[k] == ",":
        k += 1
    elif not (close_tok > 0 and texts[close_tok - 1] == ","):
        return False  # a citation goes on with a comma: '"Title," Outlet' / '"Title", Outlet'
    if k >= n or not texts[k][:1].isupper():
        return False
    for j in range(k, min(n, k + 10)):
        text = texts[j]
        if ctx.speech[j] or "\n" in text or ctx.in_quote[j]:
            return False
        if text in MONTHS or re.fullmatch(r"(?:19|20)\d\d", text):
            return j > k
    return False


# --------------------------------------------------------------------------- main


def extract_quotes(doc: Doc, entities: DocumentAssertions) -> list[Quotation]:
    """Quotations of the document in text order, attributed where the text allows."""
    spans = find_spans(doc)
    ctx = _Context(doc, entities, spans)
    quotes: list[Quotation] = []
    previous: tuple[Span_, Speaker | None] | None = None
    outer: tuple[Span_, Speaker | None] | None = None  # the last quote not nested in a read-out
    rejected: Span_ | None = None
    speaking: tuple[Span_, Speaker | None] | None = None  # the last quote with a speaker
    previous_partial = False
    if not ctx.index.has_sents:
        list(doc.sents)  # spaCy's error for a Doc without sentence boundaries, as before
    sentence_starts = sorted({ctx.index.starts[a] for a, _ in ctx.sent_tokens})
    for span in spans:
        ctx.queue_narration(previous[0].end if previous else 0, span.open_pos)
        speaker, where = _attribute(ctx, span)
        kind = _kind(ctx, span)
        same_sentence = previous is not None and ctx.sent_of[ctx.tok(previous[0].open_pos)] == \
            ctx.sent_of[ctx.tok(span.open_pos)]
        if where == "none" and same_sentence and previous[1] is not None:
            speaker = previous[1]
        elif where == "none" and previous is not None and previous[1] is not None and _only_conjunction_before(
                ctx, span) and _is_continuation(ctx, previous[0], span, sentence_starts):
            speaker = previous[1]  # '"A," says X. But "B."': the conjunction carries X's words on
        introduced = _previous_sentence_speaker(ctx, span) if where == "none" and kind != "partial" else None
        if introduced is not None and not introduced[1]:
            speaker = introduced[0]  # the sentence before reports a named speaker's words: that speaker goes on
        elif where in {"sentence", "none"} and kind != "partial" and previous is not None \
                and not (where == "sentence" and speaker is not None and speaker.entity is not None
                         and speaker.cue != "according to" and not speaker.via_pronoun):
            # ('"...," Eric Toder, a co-director of X who ..., told us' names its own speaker: no continuation)
            prev_span, prev_speaker = previous
            if prev_span.nested and not span.nested and outer is not None:
                prev_speaker = outer[1]  # the read-out goes on after the speech it quoted
            if prev_speaker is None and previous_partial and speaking is not None \
                    and _is_continuation(ctx, speaking[0], prev_span, sentence_starts):
                prev_speaker = speaking[1]  # 'X said. They also form "a bloc". "But ..."': X goes on
            if _is_continuation(ctx, prev_span, span, sentence_starts) and prev_speaker is not None:
                speaker = Speaker(entity=prev_speaker.entity, description=prev_speaker.description,
                                  kind=prev_speaker.kind, cue=prev_speaker.cue, position=prev_speaker.position)
        if speaker is not None and speaker.entity is None and not speaker.description:
            speaker = None  # a speech verb without a findable subject ('"...," said in a statement')
        if speaker is None and introduced is not None:
            speaker = introduced[0]  # 'He explained:' with no earlier quote going on
        if speaker is None and kind != "partial":
            speaker = _previous_sentence_subject(ctx, span)
        if speaker is None and kind != "partial":
            speaker = _tweet_signature(ctx, span)
        if _is_name_of_thing(ctx, span, speaker if where != "none" else None, rejected):
            rejected = span
            continue
        if kind == "partial" and (speaker is None or speaker.document) \
                and len(ctx.text[span.start:span.end].split()) <= 3:
            rejected = span
            continue  # a short phrase in marks with nobody saying it: emphasis, not a quotation
        rejected = None
        if speaker is not None:
            ctx.add_event(speaker)
        quotes.append(_quotation(doc, span, kind, speaker, ctx.text))
        previous = (span, speaker)
        previous_partial = kind == "partial"
        if speaker is not None:
            speaking = previous
        if not span.nested:
            outer = previous
    return quotes


def _previous_sentence(ctx: _Context, span: Span_) -> tuple[int, int] | None:
    """Token range of the sentence before the quote's own (past blank lines and boilerplate), None when that
    sentence holds a quotation itself or there is none."""
    open_tok = ctx.tok(span.open_pos)
    start = ctx.sent_start(open_tok)
    if start == 0:
        return None
    index = ctx.index
    sent = ctx.sent_of[start - 1]
    prev_start, prev_end = ctx.sent_tokens[sent]
    while prev_start > 0 and (index.sent_trimmed[sent][1] <= index.sent_trimmed[sent][0]  # blank, or a caption
                              or index.boilerplate[prev_start]):
        sent = ctx.sent_of[prev_start - 1]
        prev_start, prev_end = ctx.sent_tokens[sent]
    if any(ctx.in_quote[t] or t in ctx.mark_tokens for t in range(prev_start, prev_end)):
        return None
    return prev_start, prev_end


def _previous_sentence_speaker(ctx: _Context, span: Span_) -> tuple[Speaker, bool] | None:
    """A bare quote opening its sentence after a sentence of reported speech goes on with that speaker:
    '..., says Jan Berg, head of X. "Then ..."', 'The ministry also confirmed that ... .' and, in a new paragraph,
    a sentence ending in a colon ('he explained:', 'The Daily Post described it thus:') or with an introducing verb
    ('confirmed', 'explained'; not 'estimated', 'found'). Only a named speaker, or any after a colon, takes over;
    the flag says the speaker was reached through a pronoun (then an earlier quote's speaker goes on first)."""
    found_range = _previous_sentence(ctx, span)
    if found_range is None:
        return None
    open_tok = ctx.tok(span.open_pos)
    if any(not (ctx.texts[t].isspace() or t in ctx.mark_tokens or ctx.is_punct(t))
           for t in range(ctx.sent_start(open_tok), open_tok)):
        return None  # 'helped create the chant, "..."': the quote is part of its own sentence
    prev_start, prev_end = found_range
    texts, lowers = ctx.texts, ctx.lowers
    last = prev_end - 1
    while last > prev_start and texts[last].isspace():
        last -= 1
    colon = texts[last] == ":"
    new_paragraph = any("\n" in texts[t] for t in range(prev_end - 1, open_tok))
    for v in range(prev_start + 1, prev_end - 1):
        if ctx.speech[v] and not ctx.in_quote[v] and texts[v - 1] == "," and texts[v + 1][:1].isupper():
            # ', Mr. Harrison says.': an inverted attribution names the sentence's speaker, or nobody we know
            found = _inverted_narration_speaker(ctx, v, prev_end)
            if found is None or new_paragraph and not colon and ctx.lemmas[v] not in cues()["introducing_verbs"]:
                return None
            return Speaker(entity=found.entity, kind=found.kind, cue=texts[v], position=found.position), False
    verbs = [v for v in range(prev_start, prev_end) if ctx.speech[v] and not ctx.in_quote[v]]
    comma = next((c for c in range(verbs[-1] - 1, max(prev_start, verbs[-1] - 7), -1) if texts[c] == ","), None) \
        if verbs else None
    if comma is not None and len(verbs) > 1:
        # '... are emphasizing modernization, Mr. Harrison says.': a closing 'NAME says' is the sentence's speaker
        found = _subject_before(ctx, comma + 1, verbs[-1])
        if found is not None and found.entity is not None and found.entity.kind == "Person" \
                and not (new_paragraph and not colon and ctx.lemmas[verbs[-1]] not in cues()["introducing_verbs"]):
            return Speaker(entity=found.entity, kind="Person", cue=texts[verbs[-1]], position=found.position), False
    for v in range(prev_start, prev_end):
        if not ctx.speech[v] or ctx.in_quote[v] or v > prev_start and lowers[v - 1] == "to" and not colon:
            continue  # 'lined up to express their outrage' reports nothing said ('went on to explain:' does)
        if new_paragraph and not colon and ctx.lemmas[v] not in cues()["introducing_verbs"]:
            return None
        found = _subject_before(ctx, prev_start, v)
        if found is None and v == prev_start:
            found = _subject_after(ctx, v, prev_end)
        if found is None or found.entity is None and not (colon and found.description):
            return None
        if prev_start <= found.position < prev_end and _is_object(ctx, found.position):
            return None  # 'allies of the president lined up': no subject found
        by_pronoun = not prev_start <= found.position < prev_end and any(
            lowers[t] in PRONOUNS for t in range(prev_start, v))
        return Speaker(entity=found.entity, description=found.description, kind=found.kind, cue=texts[v],
                       position=found.position), by_pronoun
    return None


def _previous_sentence_subject(ctx: _Context, span: Span_) -> Speaker | None:
    """A bare quote introduced by the sentence before it ('X spoke at the crossing. "..."')."""
    found_range = _previous_sentence(ctx, span)
    if found_range is None:
        return None
    prev_start, prev_end = found_range
    role_words = cues()["role_words"]
    for t in range(prev_start, prev_end):
        entity = ctx.entity(t)
        if entity is not None and entity.kind == "Person" and not _is_object(ctx, t):
            return Speaker(entity=entity, kind="Person", position=t, cue=None)
        low = ctx.lowers[t]
        if not (ctx.texts[t][:1].isupper() or ctx.texts[t].isspace() or low in role_words or low in {"the", "a", ","}):
            break
    return None


def _is_continuation(ctx: _Context, prev: Span_, span: Span_, sentence_starts: list[int]) -> bool:
    """A bare quote right after an attributed one (same or next paragraph, at most one sentence between)."""
    if span.paragraph - prev.paragraph > 1:
        return False
    between = [s for s in sentence_starts if prev.end < s < span.open_pos]
    return len(between) <= 1 or span.paragraph != prev.paragraph


_CARRYING_CONJUNCTIONS = {"but", "and", "yet", "still", "so", "or"}


def _only_conjunction_before(ctx: _Context, span: Span_) -> bool:
    '''Whether the quotation's sentence opens with a conjunction alone before the opening mark ('But "...'),
    in the same paragraph as the quotation before it.'''
    open_tok = ctx.tok(span.open_pos)
    sent_start = ctx.sent_start(open_tok)
    words = [t for t in range(sent_start, open_tok) if not ctx.is_punct(t) and not ctx.texts[t].isspace()
             and t not in ctx.mark_tokens]
    return len(words) == 1 and ctx.lowers[words[0]] in _CARRYING_CONJUNCTIONS and sent_start > 0 \
        and "\n" not in ctx.texts[sent_start - 1]


def _record_narration_speakers(ctx: _Context, start_char: int, end_char: int) -> None:
    """Speakers of speech verbs in narration between quotes, for later anaphora ("the official said")."""
    lowers = ctx.lowers
    a, b = ctx.tok(start_char), ctx.tok(end_char)
    cue_tokens = ctx.cue_tokens  # other tokens find nothing here: only speech verbs and 'according to' count
    for k in range(bisect_left(cue_tokens, a), bisect_left(cue_tokens, b)):
        i = cue_tokens[k]
        if ctx.in_quote[i]:
            continue
        if lowers[i] == "according" and i + 1 < b and lowers[i + 1] == "to":
            found = _noun_phrase(ctx, i + 2, b)
            if found is not None and (found[0].entity is not None or found[0].description):
                ctx.events.append(found[0])
        elif ctx.speech[i]:
            found = _inverted_narration_speaker(ctx, i, b) or _subject_before(ctx, max(ctx.sent_start(i), a), i)
            if found is not None:
                ctx.events.append(found)


def _inverted_narration_speaker(ctx: _Context, verb: int, stop: int) -> Speaker | None:
    """'X was less likely to ..., said Adam Segal, director of ...': after a comma, a speech verb followed by a
    named speaker that ends the clause (comma, full stop) is inverted; the subject before it is what was said."""
    texts = ctx.texts
    if verb == 0 or texts[verb - 1] != "," or ctx.lowers[verb] in {"told", "tell", "tells", "telling"} \
            or ctx.lowers[verb].endswith("ing"):
        return None
    end = _clause_end(ctx, verb + 1)
    found = _subject_after(ctx, verb, min(end, stop))
    if found is None or found.entity is None or found.entity.kind != "Person":
        return None
    k = ctx.entity_span(found.position)[1]
    if k < ctx.n and texts[k] not in {",", "."} and k != end:
        return None  # ', said Clinton was wrong': the name opens the reported clause
    return found


def _quotation(doc: Doc, span: Span_, kind: str, speaker: Speaker | None, text: str | None = None) -> Quotation:
    """``text``: ``doc_text(doc)`` if the caller has it."""
    evidence = evidence_for(doc, span.start, span.end, EXTRACTOR)
    quote = Quotation(text=(doc_text(doc) if text is None else text)[span.start:span.end], kind=kind, evidence=evidence)
    if speaker is not None:
        if speaker.entity is not None:
            quote.speaker_key = speaker.entity.key
            quote.speaker_kind = speaker.entity.kind
        else:
            quote.speaker_description = speaker.description.lstrip("-–—‑ ") or speaker.description  # '- The ministry'
            quote.speaker_kind = speaker.kind
        quote.cue = speaker.cue
    else:
        quote.speaker_description = UNATTRIBUTED
    return quote
