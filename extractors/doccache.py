"""Per-document caches for values spaCy recomputes on every access.

``Doc.text`` joins every token each time it is read, so calling it once per quote or
per person mention made extraction quadratic in document length. The text of a Doc
never changes after tokenisation, so it is computed once and kept in ``doc.user_data``.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, LOWER, ORTH, SENT_START
from spacy.tokens import Doc, Span

_TEXT_KEY = "migraph.text"
BOILERPLATE_TOKENS_KEY = "migraph.boilerplate_tokens"
"""``doc.user_data`` key of the positions of the tokens marked ``_.in_boilerplate`` (a set reads faster)."""


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc."""
    n = len(doc)
    if not n:
        return ""
    kept = doc.user_data.get(_TEXT_KEY)  # (the text, the token count it was checked against, or None)
    if kept is not None and kept[1] == n:
        # checked before: a Doc's characters never change (retokenizing merges or splits tokens, keeping them), so
        # the check below gives the same answer until the tokens change - and it builds a Token on every call
        return kept[0]
    text = kept[0] if kept is not None else None
    last = doc[-1]
    if text is None or len(text) != last.idx + len(last.text_with_ws):  # O(1) staleness check
        text = doc.text
    doc.user_data[_TEXT_KEY] = (text, n)
    return text


_LOWER_KEY = "migraph.lower"


def doc_lowers(doc: Doc) -> list[str]:
    """``[t.lower_ for t in doc]``, computed once per Doc: reading ``doc[i]`` builds a new Token object each time."""
    lowers = doc.user_data.get(_LOWER_KEY)
    if lowers is None or len(lowers) != len(doc):
        lowers = _strings(doc, LOWER, str)
        doc.user_data[_LOWER_KEY] = lowers
    return lowers


_LEMMA_KEY = "migraph.lemma"


def doc_lemmas(doc: Doc) -> list[str]:
    """``[t.lemma_.lower() for t in doc]``, computed once per Doc; read it only after the pipeline has run
    (lemmas are set by the lemmatizer, later changes are not seen)."""
    lemmas = doc.user_data.get(_LEMMA_KEY)
    if lemmas is None or len(lemmas) != len(doc):
        lemmas = _strings(doc, LEMMA, str.lower)
        doc.user_data[_LEMMA_KEY] = lemmas
    return lemmas


_ORTH_KEY = "migraph.orth"


def doc_texts(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``, computed once per Doc."""
    texts = doc.user_data.get(_ORTH_KEY)
    if texts is None or len(texts) != len(doc):
        texts = _strings(doc, ORTH, str)
        doc.user_data[_ORTH_KEY] = texts
    return texts


_CONVERTED: dict[object, dict[int, str]] = {}
"""Per conversion: hash -> converted string. spaCy's string hash is a fixed function of the string, so
a hash names the same string in every string store; decoding one from the store costs microseconds,
so each distinct word is decoded once per process rather than once per document."""
_CONVERTED_LIMIT = 500_000  # distinct words kept per table before it starts afresh (bounds memory)


def _strings(doc: Doc, attr: int, convert) -> list[str]:
    """One string attribute of every token, via the attribute array (no Token objects)."""
    if not len(doc):
        return []
    return _converted(doc.vocab.strings, doc.to_array(attr).tolist(), convert)


def _converted(strings, hashes: list[int], convert) -> list[str]:
    """``convert(strings[h])`` for each hash, through the per-process table of ``_strings``."""
    table = _CONVERTED.setdefault(convert, {})
    missing = set(hashes).difference(table)
    if len(table) + len(missing) > _CONVERTED_LIMIT:
        table.clear()
        missing = set(hashes)
    for h in missing:
        table[h] = convert(strings[h])
    return list(map(table.__getitem__, hashes))


def seed_token_strings(doc: Doc, texts: list[str], lowers: list[str], lemmas: list[str] | None) -> None:
    """Fill the caches of ``doc_texts``, ``doc_lowers`` and ``doc_lemmas`` with the lists a component made for every
    token (``lemmas``: lower-cased; None: not known here). Call it when the lemmas are final (the lemmatizer, the last
    component to change token strings)."""
    for key, values in ((_ORTH_KEY, texts), (_LOWER_KEY, lowers), (_LEMMA_KEY, lemmas)):
        if values is not None:
            doc.user_data[key] = values


SENTENCE_COLUMNS_KEY = "migraph.sentence_columns"
"""``doc.user_data`` key of the columns the sentencizer read and wrote: (token count, ORTH, SPACY, SENT_START), uint64
arrays as ``doc.to_array`` gives them."""


def remember_sentence_columns(doc: Doc, orth: numpy.ndarray, spaces: numpy.ndarray, sent_starts: numpy.ndarray) -> None:
    """Keep the sentencizer's columns for the later readers (``sentence_columns``)."""
    doc.user_data[SENTENCE_COLUMNS_KEY] = (len(doc), orth, spaces, sent_starts)


def sentence_columns(doc: Doc) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray] | None:
    """``doc.to_array(ORTH)``, ``doc.to_array(SPACY)`` and ``doc.to_array(SENT_START)`` as the sentencizer left them
    (None without the sentencizer, or for other tokens). ``to_array`` costs about a hundred instructions per token
    and column (spaCy takes the GIL state for each value), and the lemmatizer, the person rules and the extractors
    read these columns again; the token texts and spaces cannot change without the token count changing, and no
    later component sets sentence starts."""
    kept = doc.user_data.get(SENTENCE_COLUMNS_KEY)
    if kept is None or kept[0] != len(doc):
        return None
    return kept[1], kept[2], kept[3]


TOKEN_STARTS_KEY = "migraph.token_starts"
"""``doc.user_data`` key of (token count, ``doc.to_array(IDX)``) as the lemmatizer found it from the word lengths."""


def remember_token_starts(doc: Doc, starts: numpy.ndarray) -> None:
    doc.user_data[TOKEN_STARTS_KEY] = (len(doc), starts)


def token_starts(doc: Doc) -> numpy.ndarray | None:
    """``doc.to_array(IDX)`` where the lemmatizer left it (None otherwise): a token's offset only changes with the
    tokens."""
    kept = doc.user_data.get(TOKEN_STARTS_KEY)
    if kept is None or kept[0] != len(doc):
        return None
    return kept[1]


_SENTS_KEY = "migraph.sents"


def doc_sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``; the bounds are read once per Doc from the SENT_START array (``doc.sents`` builds a
    Token per token each time). Read it only after the pipeline has set the boundaries."""
    if "sents" in doc.user_hooks or not len(doc) or not doc.has_annotation("SENT_START"):
        return list(doc.sents)
    bounds = doc.user_data.get(_SENTS_KEY)
    if bounds is None or bounds[-1] != len(doc):
        kept = sentence_columns(doc)
        starts = doc.to_array(SENT_START) if kept is None else kept[2]
        bounds = [0] + ((starts[1:] == 1).nonzero()[0] + 1).tolist() + [len(doc)]  # the scan in C
        doc.user_data[_SENTS_KEY] = bounds
    return [Span(doc, a, b) for a, b in zip(bounds, bounds[1:], strict=False)]


def remember_text(doc: Doc, text: str) -> None:
    """Seed the cache with the string the Doc was made from (tokenisation keeps it exactly)."""
    doc.user_data[_TEXT_KEY] = (text, None)  # checked on the first read (``doc_text``)


ENTITIES_KEY = "migraph.entities"
"""``doc.user_data`` key of the entities the pipeline wrote last: (token count, the Spans)."""


def remember_entities(doc: Doc, spans: list[Span], columns: numpy.ndarray | None = None) -> None:
    """Keep ``spans`` as the Doc's entities. Only for the spans just written, sorted and apart, with labels and
    tokens, and no knowledge-base id or id on their first tokens: ``doc.ents`` then builds Spans equal to these (same
    tokens, label, no ids). ``columns``: the ENT_IOB and ENT_TYPE rows just written for every token, if known
    (``kept_entity_columns``)."""
    doc.user_data[ENTITIES_KEY] = (len(doc), tuple(spans), columns)


def forget_entities(doc: Doc) -> None:
    doc.user_data.pop(ENTITIES_KEY, None)


def release_spans(doc: Doc) -> None:
    """Drop the Spans kept in ``doc.user_data`` (the entities of ``remember_entities``) once the extractors are done.

    Each Span points back to its Doc, so a Doc holding them is a reference cycle: the Doc, its arrays and every value
    in ``user_data`` then wait for the cyclic garbage collector instead of being freed when the last reference goes,
    and the collector's passes over the young objects carried them into the older generations (about 160 objects per
    corpus article). Later readers of ``doc_entities`` get ``doc.ents`` (equal Spans, built on each read)."""
    forget_entities(doc)


def kept_entities(doc: Doc) -> tuple[Span, ...] | None:
    """The spans ``remember_entities`` kept for this Doc (None: none kept, or for other tokens)."""
    kept = doc.user_data.get(ENTITIES_KEY)
    if kept is None or kept[0] != len(doc):
        return None
    return kept[1]


def kept_entity_columns(doc: Doc) -> numpy.ndarray | None:
    """The ENT_IOB and ENT_TYPE rows (2 x tokens) written with the entities ``kept_entities`` gives, or None. The person
    rules compare theirs with these to write only the tokens that change: a ``from_array`` of both columns costs some
    250 instructions per token of the Doc, and they change a few dozen tokens. Valid as long as ``kept_entities`` is
    (the same assumption: nothing but the migraph components wrote entities since)."""
    kept = doc.user_data.get(ENTITIES_KEY)
    if kept is None or kept[0] != len(doc):
        return None
    return kept[2]


def doc_entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, as the pipeline's components last wrote them: each read of ``doc.ents`` builds a Span (and two
    Tokens) per entity, and the person rules and every extractor read them. Read it after the pipeline: entities set
    afterwards by other means than the migraph components are not seen."""
    kept = kept_entities(doc)
    return doc.ents if kept is None else kept


_LOWERED: list = [None]  # (the text last lower-cased, its lower-case form): one tuple, read and replaced at once


def lower_text(text: str) -> str:
    """``text.lower()``, kept for the last text: the boilerplate, time and quantity rules each lower-case the whole
    document text, the same string object (the Doc's remembered input, ``doc_text``)."""
    last = _LOWERED[0]
    if last is None or last[0] is not text:
        last = _LOWERED[0] = (text, text.lower())
    return last[1]


WORD_CLASSES_KEY = "migraph.word_classes"
"""``doc.user_data`` key of the word classes of every token: (number of classes then registered, uint32 array)."""
_CLASS_TESTS: list = []  # per bit, the test of a word's token text and lower-case form
_CLASS_BITS: list = []  # (bit, test) per class: ``classify_word`` runs for every new word


def word_class(test) -> int:
    """Register a class of words the rules would find by scanning every token, and return its bit.

    ``test(text, lower)`` (the token text, its lower-case form) gives a fixed answer per word and process. The
    pipeline's lemmatizer classifies each word once per process, in its word table, and leaves every token's bits
    in ``doc.user_data``; ``class_positions`` then finds a class's tokens with one numpy pass."""
    if len(_CLASS_TESTS) >= 32:
        raise ValueError("at most 32 word classes (the lemmatizer keeps them as uint32)")
    _CLASS_TESTS.append(test)
    bit = 1 << (len(_CLASS_TESTS) - 1)
    _CLASS_BITS.append((bit, test))
    return bit


def word_class_count() -> int:
    return len(_CLASS_TESTS)


def classify_word(text: str, lower: str) -> int:
    """The bits of the registered classes the word belongs to."""
    bits = 0
    for bit, test in _CLASS_BITS:
        if test(text, lower):
            bits |= bit
    return bits


def class_positions(doc: Doc, bit: int) -> list[int] | None:
    """Positions of the tokens in the class of ``bit``, ascending; None when the classes are not there (no migraph
    lemmatizer), not for this many tokens, or made before that class was registered: scan the tokens then."""
    found = doc.user_data.get(WORD_CLASSES_KEY)
    if found is None or bit >= 1 << found[0] or len(found[1]) != len(doc):
        return None
    positions, classes = _classed_tokens(doc, found[1])
    return positions[(classes & bit).nonzero()[0]].tolist()


_CLASSED_KEY = "migraph.classed_tokens"
"""``doc.user_data`` key of (the word-class array, the positions of its non-zero entries, their values)."""


def _classed_tokens(doc: Doc, classes: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The positions of the tokens in any word class and their class bits, found once per document (per class array).

    Most tokens are in no class, and a dozen rules ask for the positions of one class each: each question then reads
    these (a fifth of the tokens, or fewer) instead of the bits of every token. ``positions[(values & bit).nonzero()]``
    are the non-zero positions of ``classes & bit``, in the same ascending order."""
    kept = doc.user_data.get(_CLASSED_KEY)
    if kept is None or kept[0] is not classes:
        positions = classes.nonzero()[0]
        kept = doc.user_data[_CLASSED_KEY] = (classes, positions, classes[positions])
    return kept[1], kept[2]
