"""Entities: persons, countries, places, organisations and groups, merged per document.

``extract_entities(doc)`` turns the pipeline's entity spans into ``Entity`` records.
Within a document, person mentions are merged ("Putin" joins "Vladimir Putin",
"Jean-Pierre" joins "Karine Jean-Pierre"); across documents, keys are
document-independent so the same entity always gets the same IRI.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress

import numpy
from spacy.attrs import IDX, SENT_START, SPACY
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from extractors.assertions import DocumentAssertions, Entity, Evidence, Relation
from extractors.doccache import class_positions, doc_entities, doc_lowers, doc_text, doc_texts, word_class
from extractors.gazetteer import gazetteer, lexicon
from extractors.names import (
    INITIAL_RE,
    TOKEN_COLUMNS_KEY,
    doc_bylines,
    first_name_gender,
    given_name_key,
    name_part_key,
)
from graph.vocab import slugify as _slugify

EXTRACTOR = "migraph.entities"
slugify = lru_cache(maxsize=1 << 16)(_slugify)  # names repeat within and across articles
AGE_AFTER_RE = re.compile(r"^,\s*(\d{1,3})\s*,")
AGE_BEFORE_RE = re.compile(r"(\d{1,3})-year-old\s+(?:(?:[a-z]+\s+){0,2}(?:named|called)\s+)?$")


@dataclass
class DocIndex:
    """Per-Doc token and sentence arrays, read once: ``doc[i]``, ``span.sent`` and ``doc.char_span`` build new
    objects on every call, and the extractors ask them thousands of times per article."""

    starts: list[int]  # token.idx
    ends: list[int]  # token.idx + len(token.text)
    boilerplate: list[bool]  # token._.in_boilerplate
    has_sents: bool  # doc.has_annotation("SENT_START")
    sent_of: list[int]  # token index -> sentence number (sentences as ``doc.sents`` / ``Span.sent`` cut them)
    sent_tokens: list[tuple[int, int]]  # sentence number -> token range [start, end)
    sent_trimmed: list[tuple[int, int]]  # sentence number -> whitespace-trimmed character range
    text_length: int

    def sent_range(self, i: int) -> tuple[int, int]:
        """Token range of the sentence holding token ``i`` (``doc[i].sent``)."""
        return self.sent_tokens[self.sent_of[i]]

    def is_sent_start(self, i: int) -> bool:
        """``doc[i].is_sent_start`` is True (False where spaCy says False or None)."""
        return self.has_sents and self.sent_tokens[self.sent_of[i]][0] == i

    def expand_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Token range of ``doc.char_span(start, end, alignment_mode="expand")``; None where that is None, and also
        for an empty range (where the Span would be empty: callers go the slow way, as before)."""
        first, last = self.char_to_token(start), self.char_to_token(end - 1)
        if first < 0 or last < 0:
            return None
        if start == self.ends[first]:
            first += 1  # the trailing whitespace of a token is not part of it
        return (first, last + 1) if first <= last else None

    def char_to_token(self, char: int) -> int:
        """Index of the token whose text or trailing whitespace holds ``char`` (spaCy's token_by_char), -1 if none."""
        if char < 0 or char >= self.text_length:
            return -1
        return bisect_right(self.starts, char) - 1


_LABEL_NAMES = {get_string_id(name): name for name in ("PERSON", "PER", "GPE", "NORP", "LOC", "FAC", "ORG")}
"""Labels by their hashes (r33): ``ent.label_`` decodes the string from the StringStore on every read."""

_INDEX_KEY = "migraph.entities.index"
_BOILERPLATE_KEY = ("._.", "boilerplate", None, None)  # where spaCy keeps ``doc._.boilerplate``


def doc_index(doc: Doc) -> DocIndex:
    """The Doc's ``DocIndex``, built once (read it after the pipeline has run: later changes are not seen)."""
    index = doc.user_data.get(_INDEX_KEY)
    if index is not None and len(index.starts) == len(doc):
        return index
    n = len(doc)
    full = doc_text(doc)
    shared = doc.user_data.get(TOKEN_COLUMNS_KEY)  # the person rules' arrays (the last component: still current)
    if shared is not None and n and len(shared[1]) == n:
        columns, starts = shared
    else:
        columns = doc.to_array([IDX, SENT_START, SPACY]) if n else numpy.zeros((0, 3), "uint64")
        starts = columns[:, 0].tolist()
    # a token ends where the next one starts, less its trailing space (the text is the tokens' text_with_ws, which
    # reading LENGTH, a lexeme attribute, would cost several times more)
    ends_array = numpy.empty_like(columns[:, 0])
    ends_array[:-1] = columns[1:, 0]
    ends_array[-1:] = len(full)
    ends = (ends_array - columns[:, 2]).tolist()
    boilerplate = [False] * n
    # the spans the boilerplate component flags token by token (``doc._.boilerplate``, read where spaCy keeps it)
    for start, end in doc.user_data.get(_BOILERPLATE_KEY) or ():
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            boilerplate[span.start:span.end] = [True] * (span.end - span.start)
    has_sents = doc.has_annotation("SENT_START")
    sent_tokens: list[tuple[int, int]] = []
    sent_of: list[int] = []
    if has_sents and n:
        is_start = columns[:, 1] == 1
        is_start[0] = True  # the first token starts a sentence whatever its flag (``doc.sents``)
        cuts = is_start.nonzero()[0].tolist() + [n]
        sent_tokens = list(zip(cuts[:-1], cuts[1:], strict=True))
        sent_of = (is_start.cumsum() - 1).tolist()
    sent_trimmed = []
    for a, b in sent_tokens:
        end = ends[b - 1]
        begin = starts[a]
        if begin < end and not full[begin].isspace() and not full[end - 1].isspace():
            sent_trimmed.append((begin, end))  # nothing to strip (most sentences): no copy of the sentence's text
            continue
        text = full[begin:end].lstrip()  # sent.text without its leading white space
        s_start = end - len(text)
        sent_trimmed.append((s_start, s_start + len(text.rstrip())))
    index = DocIndex(starts, ends, boilerplate, has_sents, sent_of, sent_tokens, sent_trimmed, len(full))
    doc.user_data[_INDEX_KEY] = index
    return index


def span_extension(doc: Doc, start_char: int, end_char: int, name: str):
    """``span._.<name>`` of the span covering [start_char, end_char), for the Span extensions registered with a
    default of None and no getter (iso, canonical, role): spaCy keeps their values in ``doc.user_data`` under
    this key, and reading it directly skips building an Underscore object per mention (tests/test_entities.py
    checks that both agree)."""
    return doc.user_data.get(("._.", name, start_char, end_char))


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the sentences, whitespace-trimmed, boilerplate dropped."""
    index = doc_index(doc)
    if not index.has_sents:
        list(doc.sents)  # raises spaCy's error for a Doc without sentence boundaries, as before
    bounds = []
    boiler, texts = index.boilerplate, doc_texts(doc)
    for (a, b), (start, end) in zip(index.sent_tokens, index.sent_trimmed, strict=True):
        if end <= start or (boiler[a] or texts[a].isspace()) \
                and all(boiler[i] or texts[i].isspace() for i in range(a, b)):  # isspace() == is_space
            continue  # (the first token decides most sentences without a generator)
        bounds.append((start, end))
    return bounds


def evidence_for(doc: Doc, start: int, end: int, extractor: str = EXTRACTOR) -> Evidence:
    """Evidence for characters [start, end) with the trimmed sentence of the first token they touch."""
    return _evidence(doc, doc_index(doc), start, end, extractor)


def _evidence(doc: Doc, index: DocIndex, start: int, end: int, extractor: str) -> Evidence:
    """``evidence_for`` with the Doc's index at hand."""
    # index.char_to_token(start) and (end - 1), inlined (called for every mention of every extractor)
    starts, length = index.starts, index.text_length
    first = bisect_right(starts, start) - 1 if 0 <= start < length else -1
    last = bisect_right(starts, end - 1) - 1 if 0 <= end - 1 < length else -1
    if first >= 0 and last >= 0 and index.has_sents:
        if start == index.ends[first]:
            first += 1  # doc.char_span(..., "expand") leaves out the token whose trailing space it starts on
        if first <= last:
            s_start, s_end = index.sent_trimmed[index.sent_of[first]]
            return Evidence(start, end, s_start, max(s_end, end) if s_start <= start else end, extractor)
    return _evidence_slow(doc, start, end, extractor)


def _evidence_slow(doc: Doc, start: int, end: int, extractor: str) -> Evidence:
    """``evidence_for`` through spaCy's own objects, for the edge cases the index does not cover."""
    sent = doc.char_span(start, end, alignment_mode="expand")
    if sent is not None:
        s = sent.sent
        text = doc_text(doc)[s.start_char:s.end_char]  # == s.text
        s_start = s.start_char + (len(text) - len(text.lstrip()))
        s_end = s_start + len(text.strip())
    else:
        s_start, s_end = start, end
    return Evidence(start, end, s_start, max(s_end, end) if s_start <= start else end, extractor)


def _in_ranges(offset: int, ranges) -> bool:
    return any(a <= offset < b for a, b in ranges or ())


def extract_entities(doc: Doc) -> DocumentAssertions:
    result = DocumentAssertions(sentences=sentence_bounds(doc))
    gaz = gazetteer()
    index = doc_index(doc)
    full = doc_text(doc)
    bylines = doc_bylines(doc)
    persons: list[Span] = []
    has_boilerplate = any(index.boilerplate)  # most documents have none: no slice per entity then
    for ent in doc_entities(doc):  # (doc.ents builds every Span again)
        if has_boilerplate and any(index.boilerplate[ent.start:ent.end]):
            continue
        label = _LABEL_NAMES.get(ent.label) or ent.label_  # (the label's string, decoded only for other labels)
        start_char, end_char = index.starts[ent.start], index.ends[ent.end - 1]
        if bylines and label in {"PERSON", "PER"} and _in_ranges(start_char, bylines):
            continue  # contributors and photographers are not actors of the story
        if label not in {"GPE", "NORP", "LOC", "FAC", "ORG"}:
            if label in {"PERSON", "PER"}:
                persons.append(ent)
            continue
        evidence = _evidence(doc, index, start_char, end_char, EXTRACTOR)
        surface = full[start_char:end_char]  # == ent.text
        iso = span_extension(doc, start_char, end_char, "iso")
        if label in {"GPE", "NORP"} and iso in gaz.countries:
            entity = _get(result, "Country", iso, gaz.country_name(iso))
            entity.add_mention(evidence, surface)
            _map(result, ent, ("Country", iso))
        elif label in {"LOC", "GPE", "FAC"}:
            name = span_extension(doc, start_char, end_char, "canonical") or surface
            country_name = gaz.countries.get(iso)
            if country_name is None and surface in gaz.country_by_surface:
                continue
            key = f"{iso.lower()}-{slugify(name)}" if iso else slugify(name)
            entity = _get(result, "Place", key, name)
            entity.add_mention(evidence, surface)
            if iso:
                entity.attributes["country"] = iso
                _relate(result, "Place", key, "locatedIn", "Country", iso, evidence, gaz)
            _map(result, ent, ("Place", key))
        elif label == "ORG":
            name = span_extension(doc, start_char, end_char, "canonical") or surface
            key = slugify(name)
            entity = _get(result, "Organization", key, name)
            entity.add_mention(evidence, surface)
            if iso:
                entity.attributes["country"] = iso
                _relate(result, "Organization", key, "country", "Country", iso, evidence, gaz)
            _map(result, ent, ("Organization", key))
    _merge_persons(doc, persons, result, gaz)
    _extract_groups(doc, result, gaz)
    return result


def _get(result: DocumentAssertions, kind: str, key: str, name: str) -> Entity:
    found = result.entities.get((kind, key))
    if found is None:
        found = Entity(kind=kind, key=key, name=name)
        result.entities[(kind, key)] = found
    return found


def _map(result: DocumentAssertions, span: Span, target: tuple[str, str]) -> None:
    token_entities = result.token_entities
    for i in range(span.start, span.end):
        token_entities[i] = target


def _relate(result, s_kind, s_key, predicate, o_kind, o_key, evidence, gaz) -> None:
    if o_kind == "Country":
        if o_key not in gaz.countries:
            return
        _get(result, "Country", o_key, gaz.country_name(o_key))
    relation = Relation(s_kind, s_key, predicate, o_kind, o_key, evidence)
    relations = result.relations
    seen = _relations_seen(relations)
    if relation not in seen:
        relations.append(relation)
        seen.add(relation)


_SEEN: list = [None, set()]  # the relation list last added to, and the set of its relations


def _relations_seen(relations: list[Relation]) -> set[Relation]:
    """The relations of ``relations`` as a set (a list scan per added relation made each document quadratic in its
    relations); kept for the list last added to and rebuilt when that list changed otherwise."""
    if _SEEN[0] is not relations or len(_SEEN[1]) != len(relations):
        _SEEN[0], _SEEN[1] = relations, set(relations)
    return _SEEN[1]


def _name_parts(text: str) -> tuple[str, ...]:
    """Name words without initials, as ``names.name_part_key`` matches them: particles lower-cased ("De Maiziere"
    opening a sentence = "de Maiziere", "Al-Qassemi" = "al-Qassemi"), accents dropped ("Ardón" = "Ardon"), given
    names of a full name in their full form ("Mike Pence" = "Michael Pence")."""
    return _name_parts_of(text)


@lru_cache(maxsize=1 << 16)
def _name_parts_of(text: str) -> tuple[str, ...]:
    parts = [name_part_key(p) for p in re.split(r"\s+", text) if p and not INITIAL_RE.match(p)]
    if len(parts) > 1:  # not the surname, nor a lone first name ("Don Jr." is not "Donald Trump")
        parts[:-1] = map(given_name_key, parts[:-1])
    return tuple(parts)


@lru_cache(maxsize=1 << 14)
def _joining_keys(parts: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """``_joining_names``, kept per process (the same names come back in article after article)."""
    return frozenset(_joining_names(list(parts)))


def _joining_names(full: list[str]) -> set[tuple[str, ...]]:
    """The name parts that join a cluster named ``full``: the same name, a shorter start or end of it, or its first
    part with any later part or end (middle names or a second surname left out: "Erwin Ardon" for
    "Erwin Jose Ardon Montoya")."""
    keys = {tuple(full)}
    nicknames = [given_name_key(p[1:-1]) for p in full if p[:1] == "(" and p[-1:] == ")"]
    if nicknames:  # "Michael (Mike) Richard Pence" is joined by "Mike Pence" and "Michael Pence"
        bare = [p for p in full if p[:1] != "("]
        for first in (bare[0], *nicknames):
            keys |= _joining_names([first, *bare[1:]])
        return keys
    keys.update(tuple(full[:k]) for k in range(len(full)))
    keys.update(tuple(full[-k:]) for k in range(1, len(full)))
    for k in range(2, len(full)):
        keys.add((full[0], full[k]))
        keys.add((full[0], *full[k:]))
    return keys


@dataclass
class _Tokens:
    """The per-Doc lists a person mention's attributes are read from."""

    doc: Doc
    index: DocIndex
    lowers: list[str]
    texts: list[str]
    text: str


def _merge_persons(doc: Doc, spans: list[Span], result: DocumentAssertions, gaz) -> None:
    """Cluster person mentions: a shorter name joins the nearest earlier full name containing it."""
    index = doc_index(doc)
    full_text = doc_text(doc)
    mentions = []
    for span in spans:
        text = full_text[index.starts[span.start]:index.ends[span.end - 1]]  # == span.text
        mentions.append((span, text, _name_parts(text)))
    clusters: list[dict] = []
    joins: dict[tuple[str, ...], list[dict]] = {}  # name parts -> the clusters they may join, oldest first
    # Longest names first so that "Vladimir Putin" exists before "Putin" looks for it.
    lowers = doc_lowers(doc)
    for span, text, parts in sorted(mentions, key=lambda m: (-len(m[2]), m[0].start)):
        target = None
        candidates = joins.get(tuple(parts), ())
        if len(parts) == 1 and len(candidates) > 1:
            # A bare surname shared by several full names: relatives introduced as such ("first lady Michelle
            # Obama", "his father Bob Bergdahl") are not its bearer while someone else of the name is not one
            others = [c for c in candidates if not _introduced_as_relative(c, lowers)]
            if others:
                candidates = others
            surnames = [c for c in candidates if c["parts"][-1] == parts[0]]
            if surnames:
                candidates = surnames  # news names a person by the surname: "Paul said" is Rand Paul, not Paul Ryan
        if len(parts) == 1 and candidates and span.start < min(c["first"] for c in candidates) \
                and all(_introduced_as_relative(c, lowers) for c in candidates):
            # "President Obama" long before "first lady Michelle Obama": the bare surname named someone before the
            # relative was introduced, so it is that someone, not the relative
            candidates = ()
        for cluster in candidates:
            # a bare surname shared by several full names goes to the one named in full most often (the article's
            # "Hillary Clinton" rather than a passing "Bill Clinton"), then to the nearest one introduced before it
            if target is None or _surname_rank(cluster, span.start) > _surname_rank(target, span.start):
                target = cluster
        if target is None:
            target = {"parts": parts, "name": text, "first": span.start, "spans": [], "full": 0}
            clusters.append(target)
            keys = _joining_keys(parts)
            for key in keys:
                joins.setdefault(key, []).append(target)
            if len(parts) > 1:
                lone = (name_part_key(text.split()[0]),)  # a lone "Joe" joins "Joe Sestak" (parts: "Joseph")
                if lone not in keys:
                    joins.setdefault(lone, []).append(target)
        target["spans"].append((span, text))
        if len(parts) > 1:
            target["full"] += 1  # mentions by more than a surname
    tokens = _Tokens(doc, index, doc_lowers(doc), doc_texts(doc), full_text)
    for cluster in clusters:
        key = slugify(cluster["name"])
        entity = _get(result, "Person", key, cluster["name"])
        for span, text in sorted(cluster["spans"], key=lambda m: m[0].start):
            start_char, end_char = index.starts[span.start], index.ends[span.end - 1]
            evidence = _evidence(doc, index, start_char, end_char, EXTRACTOR)
            entity.add_mention(evidence, text)
            _map(result, span, ("Person", key))
            _person_attributes(tokens, span, start_char, end_char, entity, result, evidence, gaz)
        gender = first_name_gender(cluster["parts"][0]) if len(cluster["parts"]) else None
        if gender in {"male", "female"}:
            entity.attributes.setdefault("gender", gender)


def _surname_rank(cluster: dict, start: int) -> tuple[int, bool, int]:
    """How well a person cluster fits a mention at token ``start`` that only shares its surname: full-name mentions,
    introduced before the mention, nearness of its first mention."""
    return cluster["full"], cluster["first"] < start, -abs(cluster["first"] - start)


@cache
def _kinship_words() -> frozenset[str]:
    """Lower-case kinship nouns (the lexicon's) and "lady" of "first lady"."""
    return frozenset(w.lower() for w in lexicon()["kinship_nouns"]) | {"lady"}


def _introduced_as_relative(cluster: dict, lowers: list[str]) -> bool:
    """Whether a multi-word mention of the cluster follows a kinship noun ("his wife Jill ...", "first lady ...",
    "the president's daughter, ...")."""
    kin = _kinship_words()
    for span, text in cluster["spans"]:
        if " " not in text:
            continue
        k = span.start - 1
        if k >= 0 and lowers[k] == ",":
            k -= 1
        if k >= 0 and lowers[k] in kin:
            return True
    return False


@cache
def _role_sets() -> tuple[frozenset[str], frozenset[str]]:
    """Lower-cased role words and heads (the lexicon's lists), and the heads alone."""
    lex = lexicon()
    heads = frozenset(w.lower() for w in lex["role_heads"])
    return frozenset(w.lower() for w in lex["role_words"]) | heads, heads


@cache
def _person_nouns() -> frozenset[str]:
    """Nouns for people ("sister", "lawyer") that name a role on their own, like the role heads."""
    return frozenset(w.lower() for w in lexicon()["person_nouns"])


def _person_attributes(tokens: _Tokens, span: Span, start_char: int, end_char: int, entity: Entity, result,
                       evidence: Evidence, gaz) -> None:
    """Role, country and age stated next to a person mention (``start_char``/``end_char``: the span's)."""
    index, lowers, full = tokens.index, tokens.lowers, tokens.text
    span_role = span_extension(tokens.doc, start_char, end_char, "role")
    role = _clean_role(span_role or "")
    if role and "role" not in entity.attributes:  # an empty role would break the shapes' non-empty rule
        entity.attributes["role"] = role
    # Country or affiliation right before the role/name: "Latvian Foreign Minister X".
    k = span.start - 1
    role_tokens = 0
    roles, heads = _role_sets()
    comma = _appositive_office(tokens, span.start, roles, heads, result)
    if comma is not None:
        k = comma - 1  # "the Hungarian prime minister, Viktor Orban": the office before the name's comma
    while k >= 0 and lowers[k] in roles and role_tokens < 6:
        k -= 1
        role_tokens += 1
    if role_tokens and not any(lowers[i] in heads or lowers[i] in _person_nouns() for i in range(k + 1, span.start)):
        # only connecting words ("blame the party for X"): no role, and what precedes them is no owner
        k = span.start - 1
        role_tokens = 0
    if role_tokens and not span_role:
        last = (comma if comma is not None else span.start) - 1
        role_before = _clean_role(full[index.starts[k + 1]:index.ends[last]])  # doc[k + 1:span.start].text
        if role_before:
            entity.attributes.setdefault("role", role_before)
    if role_tokens and k > 0 and lowers[k] in {"'s", "’s"}:
        k -= 1  # "Turkey's president X": the possessor owns the role
    if k >= 0:
        _attach_owner(result.entity_at_token(k), entity, result, evidence, gaz)
    # Leading demonym inside the span's role ("Russian President") is handled by the
    # gazetteer splitting it off as NORP, so the check above covers it.
    _apposition_role(tokens, span, entity, result, evidence, gaz)
    match = AGE_AFTER_RE.match(full[end_char:end_char + 8]) if full.startswith(",", end_char) else None
    # "a 41-year-old father named X": looked for within the sentence, and at most 60 characters back; the sentence's
    # start is read only when the 60 characters hold "-year-old" (seldom: no sentence look-up per mention)
    if not match and full.find("-year-old", max(0, start_char - 60), start_char) >= 0:
        sent_start = index.starts[index.sent_range(span.start)[0]] if index.has_sents else 0
        before = max(sent_start, start_char - 60)
        # (str.find within the bounds: no copy of the text before each mention, which seldom holds an age)
        match = AGE_BEFORE_RE.search(full[before:start_char]) if full.find("-year-old", before, start_char) >= 0 \
            else None
    if match and 0 < int(match.group(1)) < 120:
        entity.attributes.setdefault("age", int(match.group(1)))


def _appositive_office(tokens: _Tokens, start: int, roles: frozenset[str], heads: frozenset[str], result
                       ) -> int | None:
    """The comma before a name that stands in apposition to a lower-case office whose state or organisation is
    named right before it ("the Hungarian prime minister, Viktor Orban", "Greece's migration minister, X"), else
    None. Without that owner the comma may end a clause ("Like the prime minister, Johnson said")."""
    lowers = tokens.lowers
    if start < 3 or lowers[start - 1] != "," or lowers[start - 2] not in heads:
        return None
    k = start - 2
    while k >= 0 and lowers[k] in roles and start - 2 - k < 4:
        k -= 1
    if k < 0:
        return None
    if lowers[k] in {"'s", "’s"}:
        k -= 1
    owner = result.entity_at_token(k) if k >= 0 else None
    if owner is None or owner.kind not in {"Country", "Organization"}:
        return None
    return start - 1


def _apposition_role(tokens: _Tokens, span: Span, entity: Entity, result, evidence: Evidence, gaz) -> None:
    """"X, a spokesman for the Norwegian police," / "X, Russia's ambassador to ...": role and affiliation."""
    roles, heads = _role_sets()
    texts, lowers = tokens.texts, tokens.lowers
    n = len(texts)
    i = span.end
    if i + 1 >= n or texts[i] != ",":
        return
    i += 1
    owner_at = None
    if lowers[i] in {"a", "an", "the"}:
        i += 1
        nation = result.entity_at_token(i) if i + 1 < n and lowers[i + 1] in roles else None
        if nation is not None and nation.kind == "Country":
            owner_at = i  # "X, the German chancellor,": the nationality adjective names the office's state (r29)
            i += 1
    elif i + 1 < n and texts[i + 1] in {"'s", "’s"}:
        owner_at = i  # "Russia's ambassador"
        i += 2
    start = i
    while i < n and lowers[i] in roles and lowers[i] not in {"of", "for"} and i - start < 5:
        i += 1
    end = i
    while end > start and lowers[end - 1] not in heads:
        end -= 1
    if end == start:
        return
    entity.attributes.setdefault("role", " ".join(texts[start:end]))
    i = end
    if owner_at is None and i + 1 < n and lowers[i] in {"for", "of", "at", "with", "in"}:
        owner_at = i + 2 if lowers[i + 1] == "the" else i + 1
    if owner_at is None or owner_at >= n:
        return
    _attach_owner(result.entity_at_token(owner_at), entity, result, evidence, gaz)


def _attach_owner(owner: Entity | None, person: Entity, result, evidence: Evidence, gaz) -> None:
    """Link a person to the country or organisation named with their role (and its country)."""
    if owner is None:
        return
    if owner.kind == "Country":
        person.attributes.setdefault("country", owner.key)
        _relate(result, "Person", person.key, "country", "Country", owner.key, evidence, gaz)
    elif owner.kind == "Organization":
        person.attributes.setdefault("affiliation", owner.key)
        _relate(result, "Person", person.key, "affiliation", "Organization", owner.key, evidence, gaz)
        iso = owner.attributes.get("country")
        if iso:
            person.attributes.setdefault("country", iso)
            _relate(result, "Person", person.key, "country", "Country", iso, evidence, gaz)


def _clean_role(role: str) -> str:
    words = role.split()
    while words and words[0].lower() in {"the", "a", "an", "of"}:
        words.pop(0)
    return " ".join(words)


@cache
def _group_words() -> tuple[set[tuple[str, ...]], dict[str, list[int]], set[str]]:
    """Group nouns as word tuples, their lengths by first word (longest first), and the lower-cased modifiers."""
    lex = lexicon()
    nouns = {tuple(n.split()) for n in lex["group_nouns"]}
    lengths: dict[str, list[int]] = {}  # first word -> noun lengths, longest first
    for noun in nouns:
        if noun:
            lengths.setdefault(noun[0], []).append(len(noun))
    for ks in lengths.values():
        ks.sort(reverse=True)
    return nouns, lengths, {m.lower() for m in lex["group_modifiers"]}


_GROUP_FIRST_WORD = word_class(lambda text, lower: lower in _group_words()[1])  # a group noun's first word


def _extract_groups(doc: Doc, result: DocumentAssertions, gaz) -> None:
    """Groups of people: "Russian tourists", "military-aged men", "reservists"."""
    nouns, lengths, modifiers = _group_words()
    lowers, texts, full = doc_lowers(doc), doc_texts(doc), doc_text(doc)
    index = doc_index(doc)
    starts, ends, boilerplate = index.starts, index.ends, index.boilerplate
    demonyms = gaz.demonym_by_surface
    i = 0  # tokens before i are done
    # a group noun can only start at these (found at C speed, or from the lemmatizer's word classes)
    firsts = class_positions(doc, _GROUP_FIRST_WORD)
    if firsts is None:
        firsts = list(compress(range(len(lowers)), map(lengths.__contains__, lowers)))
    for first in firsts:
        if first < i:
            continue
        i = first
        match_len = 0
        for k in lengths[lowers[i]]:
            if tuple(lowers[i:i + k]) in nouns:
                match_len = k
                break
        if not match_len or boilerplate[i]:
            i += 1
            continue
        start = i
        nationality = None
        while start > 0:
            prev, prev_low = texts[start - 1], lowers[start - 1]
            if prev in demonyms:
                nationality = demonyms[prev]
                start -= 1
            elif prev_low in modifiers:
                start -= 1
            elif prev == "-" and start >= 2 and ends[start - 1] == starts[start]:  # no space after the hyphen
                start -= 2  # "military-aged"
            elif prev_low.endswith("-aged") or prev_low.endswith("-age"):
                start -= 1
            elif (prev_low in {"aged", "age", "old"} and start >= 3 and texts[start - 2] == "-"
                  and ends[start - 2] == starts[start - 1] and ends[start - 3] == starts[start - 2]):
                start -= 3  # "military-aged", "fighting-age": spaCy splits the hyphen off
            else:
                break
        end = i + match_len
        surface = full[starts[start]:ends[end - 1]]  # == doc[start:end].text
        generic = surface.lower() in {"people", "persons", "individuals", "men", "women", "children"}
        if generic and start == i:
            i += match_len
            continue
        name = " ".join(texts[t] if texts[t] in demonyms else lowers[t] for t in range(start, end))
        name = name.replace(" - ", "-")
        key = slugify(name)
        entity = _get(result, "Group", key, name)
        evidence = _evidence(doc, index, starts[start], ends[end - 1], EXTRACTOR)
        entity.add_mention(evidence, surface)
        if nationality:
            entity.attributes["nationality"] = nationality
            _relate(result, "Group", key, "nationality", "Country", nationality, evidence, gaz)
        i += match_len
