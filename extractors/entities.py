"""Entities: persons, countries, places, organisations and groups, merged per document.

``extract_entities(doc)`` turns the pipeline's entity spans into ``Entity`` records.
Within a document, person mentions are merged ("Putin" joins "Vladimir Putin",
"Jean-Pierre" joins "Karine Jean-Pierre"); across documents, keys are
document-independent so the same entity always gets the same IRI.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extractors.assertions import DocumentAssertions, Entity, Evidence, Relation
from extractors.doccache import doc_text
from extractors.gazetteer import gazetteer, lexicon
from extractors.names import INITIAL_RE, PARTICLES, first_name_gender
from graph.vocab import slugify

EXTRACTOR = "migraph.entities"
AGE_AFTER_RE = re.compile(r"^,\s*(\d{1,3})\s*,")
AGE_BEFORE_RE = re.compile(r"(\d{1,3})-year-old\s+(?:(?:[a-z]+\s+){0,2}(?:named|called)\s+)?$")


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the sentences, whitespace-trimmed, boilerplate dropped."""
    bounds = []
    full = doc_text(doc)
    for sent in doc.sents:
        text = full[sent.start_char:sent.end_char]  # == sent.text, without rebuilding it from tokens
        stripped = text.strip()
        if not stripped or all(t._.in_boilerplate or t.is_space for t in sent):
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        bounds.append((start, start + len(stripped)))
    return bounds


def evidence_for(doc: Doc, start: int, end: int, extractor: str = EXTRACTOR) -> Evidence:
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
    persons: list[Span] = []
    for ent in doc.ents:
        if any(t._.in_boilerplate for t in ent):
            continue
        if ent.label_ in {"PERSON", "PER"} and _in_ranges(ent.start_char, doc._.bylines):
            continue  # contributors and photographers are not actors of the story
        evidence = evidence_for(doc, ent.start_char, ent.end_char)
        label = ent.label_
        if label in {"GPE", "NORP"} and ent._.iso in gaz.countries:
            iso = ent._.iso
            entity = _get(result, "Country", iso, gaz.country_name(iso))
            entity.add_mention(evidence, ent.text)
            _map(result, ent, ("Country", iso))
        elif label in {"LOC", "GPE", "FAC"}:
            name = ent._.canonical or ent.text
            iso = ent._.iso
            country_name = gaz.countries.get(iso)
            if country_name is None and ent.text in gaz.country_by_surface:
                continue
            key = f"{iso.lower()}-{slugify(name)}" if iso else slugify(name)
            entity = _get(result, "Place", key, name)
            entity.add_mention(evidence, ent.text)
            if iso:
                entity.attributes["country"] = iso
                _relate(result, "Place", key, "locatedIn", "Country", iso, evidence, gaz)
            _map(result, ent, ("Place", key))
        elif label == "ORG":
            name = ent._.canonical or ent.text
            key = slugify(name)
            entity = _get(result, "Organization", key, name)
            entity.add_mention(evidence, ent.text)
            if ent._.iso:
                entity.attributes["country"] = ent._.iso
                _relate(result, "Organization", key, "country", "Country", ent._.iso, evidence, gaz)
            _map(result, ent, ("Organization", key))
        elif label in {"PERSON", "PER"}:
            persons.append(ent)
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
    for i in range(span.start, span.end):
        result.token_entities[i] = target


def _relate(result, s_kind, s_key, predicate, o_kind, o_key, evidence, gaz) -> None:
    if o_kind == "Country":
        if o_key not in gaz.countries:
            return
        _get(result, "Country", o_key, gaz.country_name(o_key))
    relation = Relation(s_kind, s_key, predicate, o_kind, o_key, evidence)
    if relation not in result.relations:
        result.relations.append(relation)


def _name_parts(text: str) -> list[str]:
    """Name words without initials; particles lower-cased ("De Maiziere" opening a sentence = "de Maiziere")."""
    return [p.lower() if p.lower() in PARTICLES else p for p in re.split(r"\s+", text)
            if p and not INITIAL_RE.match(p)]


def _merge_persons(doc: Doc, spans: list[Span], result: DocumentAssertions, gaz) -> None:
    """Cluster person mentions: a shorter name joins the nearest earlier full name containing it."""
    clusters: list[dict] = []
    # Longest names first so that "Vladimir Putin" exists before "Putin" looks for it.
    for span in sorted(spans, key=lambda s: (-len(_name_parts(s.text)), s.start)):
        parts = _name_parts(span.text)
        target = None
        for cluster in clusters:
            full = cluster["parts"]
            if parts == full or (len(parts) < len(full) and (
                    parts == full[-len(parts):] or parts == full[:len(parts)]
                    or len(parts) == 2 and parts == [full[0], full[-1]])):  # middle name left out
                if target is None or abs(cluster["first"] - span.start) < abs(target["first"] - span.start):
                    target = cluster
        if target is None:
            target = {"parts": parts, "name": span.text, "first": span.start, "spans": []}
            clusters.append(target)
        target["spans"].append(span)
    for cluster in clusters:
        key = slugify(cluster["name"])
        entity = _get(result, "Person", key, cluster["name"])
        for span in sorted(cluster["spans"], key=lambda s: s.start):
            evidence = evidence_for(doc, span.start_char, span.end_char)
            entity.add_mention(evidence, span.text)
            _map(result, span, ("Person", key))
            _person_attributes(doc, span, entity, result, evidence, gaz)
        gender = first_name_gender(cluster["parts"][0]) if len(cluster["parts"]) else None
        if gender in {"male", "female"}:
            entity.attributes.setdefault("gender", gender)


def _person_attributes(doc: Doc, span: Span, entity: Entity, result, evidence: Evidence, gaz) -> None:
    """Role, country and age stated next to a person mention."""
    role = _clean_role(span._.role or "")
    if role and "role" not in entity.attributes:  # an empty role would break the shapes' non-empty rule
        entity.attributes["role"] = role
    # Country or affiliation right before the role/name: "Latvian Foreign Minister X".
    k = span.start - 1
    role_tokens = 0
    roles = {w.lower() for w in lexicon()["role_words"]} | {w.lower() for w in lexicon()["role_heads"]}
    while k >= 0 and doc[k].lower_ in roles and role_tokens < 6:
        k -= 1
        role_tokens += 1
    if role_tokens and not span._.role and _clean_role(doc[k + 1:span.start].text):
        entity.attributes.setdefault("role", _clean_role(doc[k + 1:span.start].text))
    if k >= 0:
        _attach_owner(result.entity_at_token(k), entity, result, evidence, gaz)
    # Leading demonym inside the span's role ("Russian President") is handled by the
    # gazetteer splitting it off as NORP, so the check above covers it.
    _apposition_role(doc, span, entity, result, evidence, gaz)
    after = doc_text(doc)[span.end_char:span.end_char + 8]
    match = AGE_AFTER_RE.match(after)
    if not match:  # "a 41-year-old father named X"
        sent_start = span.sent.start_char if doc.has_annotation("SENT_START") else 0
        match = AGE_BEFORE_RE.search(doc_text(doc)[max(sent_start, span.start_char - 60):span.start_char])
    if match and 0 < int(match.group(1)) < 120:
        entity.attributes.setdefault("age", int(match.group(1)))


def _apposition_role(doc: Doc, span: Span, entity: Entity, result, evidence: Evidence, gaz) -> None:
    """"X, a spokesman for the Norwegian police," / "X, Russia's ambassador to ...": role and affiliation."""
    lex = lexicon()
    roles = {w.lower() for w in lex["role_words"]} | {w.lower() for w in lex["role_heads"]}
    heads = {w.lower() for w in lex["role_heads"]}
    n = len(doc)
    i = span.end
    if i + 1 >= n or doc[i].text != ",":
        return
    i += 1
    owner_at = None
    if doc[i].lower_ in {"a", "an", "the"}:
        i += 1
    elif i + 1 < n and doc[i + 1].text in {"'s", "’s"}:
        owner_at = i  # "Russia's ambassador"
        i += 2
    start = i
    while i < n and doc[i].lower_ in roles and doc[i].lower_ not in {"of", "for"} and i - start < 5:
        i += 1
    words = [t for t in doc[start:i]]
    while words and words[-1].lower_ not in heads:
        words.pop()
    if not words:
        return
    entity.attributes.setdefault("role", " ".join(t.text for t in words))
    i = start + len(words)
    if owner_at is None and i + 1 < n and doc[i].lower_ in {"for", "of", "at", "with", "in"}:
        owner_at = i + 2 if doc[i + 1].lower_ == "the" else i + 1
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


def _extract_groups(doc: Doc, result: DocumentAssertions, gaz) -> None:
    """Groups of people: "Russian tourists", "military-aged men", "reservists"."""
    lex = lexicon()
    nouns = {tuple(n.split()) for n in lex["group_nouns"]}
    lengths: dict[str, list[int]] = {}  # first word -> noun lengths, longest first
    for noun in nouns:
        if noun:
            lengths.setdefault(noun[0], []).append(len(noun))
    for ks in lengths.values():
        ks.sort(reverse=True)
    modifiers = {m.lower() for m in lex["group_modifiers"]}
    lowers = [t.lower_ for t in doc]
    n = len(doc)
    i = 0
    while i < n:
        match_len = 0
        for k in lengths.get(lowers[i], ()):
            if tuple(lowers[i:i + k]) in nouns:
                match_len = k
                break
        if not match_len or doc[i]._.in_boilerplate:
            i += 1
            continue
        start = i
        nationality = None
        while start > 0:
            prev = doc[start - 1]
            if prev.text in gaz.demonym_by_surface:
                nationality = gaz.demonym_by_surface[prev.text]
                start -= 1
            elif prev.lower_ in modifiers:
                start -= 1
            elif prev.text == "-" and start >= 2 and not prev.whitespace_:
                start -= 2  # "military-aged"
            elif prev.lower_.endswith("-aged") or prev.lower_.endswith("-age"):
                start -= 1
            elif (prev.lower_ in {"aged", "age", "old"} and start >= 3 and doc[start - 2].text == "-"
                  and not doc[start - 2].whitespace_ and not doc[start - 3].whitespace_):
                start -= 3  # "military-aged", "fighting-age": spaCy splits the hyphen off
            else:
                break
        span = doc[start:i + match_len]
        generic = span.text.lower() in {"people", "persons", "individuals", "men", "women", "children"}
        if generic and start == i:
            i += match_len
            continue
        name = " ".join(t.text if t.text in gaz.demonym_by_surface else t.lower_ for t in span)
        name = name.replace(" - ", "-")
        key = slugify(name)
        entity = _get(result, "Group", key, name)
        evidence = evidence_for(doc, span.start_char, span.end_char)
        entity.add_mention(evidence, span.text)
        if nationality:
            entity.attributes["nationality"] = nationality
            _relate(result, "Group", key, "nationality", "Country", nationality, evidence, gaz)
        i += match_len
