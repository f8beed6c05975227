"""Typed events with roles: Mobilization, Exodus, BorderQueue, BorderCrossingChange, Invasion…

Triggers come from ``extractors/data/events.json`` (lemma phrases grouped per event type, with
sentence-context conditions).  Candidate tokens are found with set operations on the document's
cached word lists (a word form is classified once per process: is it, or its lemma, a first trigger
word?), so only the few tokens that can start a trigger are read.  Each trigger gives at most one
event of its type per sentence; its roles come from what the other extractors already found in that sentence:

* ``agent`` — the nearest Country/Organization/Person before the trigger (a demonym right
  before it counts: "Russian invasion"), or after "by" — for types that have an agent;
* ``place`` — a Country/Place after a locative preposition (in, at, into, from, to, near…),
  right after the trigger for invasions ("invasion of Ukraine"), else the nationality of the
  affected group, else (for agent types) the agent country;
* ``affected`` — the nearest Group entity, else the counted people noun of a quantity;
* ``time`` — the time expression of the sentence nearest the trigger;
* ``quantities`` — the sentence's quantities whose unit fits the type (see events.json).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import compress
from operator import or_

import numpy as np
from spacy.attrs import IS_TITLE, LEMMA, LOWER
from spacy.tokens import Doc, Span

from extractors.assertions import DocumentAssertions, Event, Quantity, TimeExpression
from extractors.doccache import class_positions, doc_lemmas, doc_lowers, doc_text, doc_texts, word_class
from extractors.entities import DocIndex, doc_index, evidence_for
from extractors.gazetteer import gazetteer, load_json
from extractors.names import lookup_lemma

EXTRACTOR = "migraph.events"
AGENT_KINDS = {"Country", "Organization", "Person"}
PLACE_KINDS = {"Country", "Place"}
LOCATIVE = {"in", "at", "into", "from", "to", "near", "across", "on", "inside", "within", "off", "outside", "through",
            "toward", "towards", "between", "with"}
NEGATORS = {"no", "not", "never", "without", "nor"}
MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"}
AGENT_WINDOW = 12  # tokens before the trigger searched for the agent


@dataclass(frozen=True)
class Trigger:
    event_type: str
    words: tuple[str, ...]
    context_any: frozenset[str]
    context_any_2: frozenset[str]
    not_next: frozenset[str]
    not_prev: frozenset[str]
    lowercase_only: bool
    needs_people: bool
    context_window: int | None
    people_leaving: bool = False  # r35: people (a plural) before it, a country left after it
    change_after: bool = False  # r38: a change ("of 10 percent") right after it
    demonym_leaving: bool = False  # r38: a plural demonym before it is who leaves (its country is the place)
    r39: str = ""  # r39: a check of the round-39 block ("size_next", "split_back", "text_context")
    context_text: tuple[str, ...] = ()  # r39: "text_context": one of these in the sentence's lower-cased text



@cache
def _lexicon() -> tuple[dict[str, list[Trigger]], dict[str, dict]]:
    """First trigger word -> triggers starting with it; and per-type settings."""
    data = load_json("events.json")
    by_first: dict[str, list[Trigger]] = {}
    settings = {}
    r39_groups = data.get("_r39_groups", {})
    for event_type, spec in data.items():
        if event_type.startswith("_") or not isinstance(spec, dict):
            continue
        settings[event_type] = spec
        not_prev = frozenset(data.get("_r39_not_prev", {}).get(event_type, ()))
        for group in spec["groups"] + r39_groups.get(event_type, []):
            for phrase in group["triggers"]:
                words = tuple(w for part in phrase.lower().split() for w in _split_hyphen(part))
                trigger = Trigger(event_type, words, frozenset(group.get("context_any", ())),
                                  frozenset(group.get("context_any_2", ())),
                                  frozenset(group.get("not_next", ())),
                                  frozenset(group.get("not_prev", ())) | not_prev,
                                  bool(group.get("lowercase_only")), bool(group.get("needs_people")),
                                  group.get("context_window"), bool(group.get("people_leaving")),
                                  bool(group.get("change_after")), bool(group.get("demonym_leaving")),
                                  group.get("r39", ""), tuple(group.get("context_text", ())))
                by_first.setdefault(words[0], []).append(trigger)
    for triggers in by_first.values():
        triggers.sort(key=lambda t: -len(t.words))  # longest phrase first
    return by_first, settings


def _split_hyphen(word: str) -> list[str]:
    parts = word.split("-")
    out = [parts[0]]
    for part in parts[1:]:
        out += ["-", part]
    return out


@cache
def _blockers(event_type: str) -> frozenset[str]:
    """Words before a trigger that make it no event: the shared ones and the type's own."""
    data = load_json("events.json")
    r39 = data.get("_r39_blockers_before", {})
    return (frozenset(data.get("blockers_before", ())) | frozenset(data[event_type].get("blockers_before", ()))
            | frozenset(r39.get("_all", ())) | frozenset(r39.get(event_type, ())))


@cache
def _glued_prefixes() -> frozenset[str]:
    """Words that, glued to a trigger by a hyphen, make it a modifier ("self-deportation", "anti-deportation")."""
    return frozenset(load_json("events.json").get("glued_prefixes", ()))


@cache
def _blockers_after() -> frozenset[str]:
    """Words right after a nominal trigger that make it hypothetical ("an invasion would unleash")."""
    data = load_json("events.json")
    return frozenset(data.get("blockers_after", ())) | frozenset(data.get("_r39_blockers_after", ()))


@cache
def _not_objects(event_type: str) -> frozenset[str]:
    """Lemmas after a trigger naming who is acted on that take the event out of migration ("expelled diplomats")."""
    data = load_json("events.json")
    return frozenset(data[event_type].get("not_objects", ())) | frozenset(
        data.get("_r39_not_objects", {}).get(event_type, ()))


@cache
def _lemma_table():
    """spaCy's English lookup lemmas, for capitalised words the lookup lemmatizer leaves as they are."""
    from spacy.lookups import load_lookups  # noqa: PLC0415 - loaded once, on first use

    return load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")


def _lemma(tok) -> str:
    if tok.text.islower() or not tok.text.isalpha():
        return tok.lemma_.lower()
    return str(_lemma_table().get(tok.lower_, tok.lower_)).lower()


@lru_cache(maxsize=100_000)
def _table_lemma(lower: str) -> str:
    """``_lemma`` of a capitalised word: the lookup table's lemma of its lower form."""
    return str(_lemma_table().get(lower, lower)).lower()


_SEEN_FORMS: set[str] = set()  # lower forms already classified by _first_forms
_FIRST_FORMS: set[str] = set()  # of those, the ones whose own or table lemma form is a first trigger word


def _first_forms(words: set[str]) -> set[str]:
    """The lower forms among ``words`` that are a first trigger word or whose table lemma is one (set
    operations in C; each new word is classified once per process)."""
    by_first, _ = _lexicon()
    if len(_SEEN_FORMS) > 1_000_000:  # bounded memory over a long run
        _SEEN_FORMS.clear()
        _FIRST_FORMS.clear()
    for w in words.difference(_SEEN_FORMS):
        _SEEN_FORMS.add(w)
        if w in by_first or _table_lemma(w) in by_first:
            _FIRST_FORMS.add(w)
    return words & _FIRST_FORMS


def _is_first_form(lower: str) -> bool:
    """Whether a lower form is a first trigger word or its table lemma is one (``_first_forms``'s test)."""
    by_first, _ = _lexicon()
    return lower in by_first or _table_lemma(lower) in by_first


_FIRST_FORM = word_class(lambda text, lower: _is_first_form(lower))
# a word whose lower-cased lemma is a first trigger word: the lookup lemmatizer that leaves the word classes gives a
# word a fixed lemma (``names.lookup_lemma``), so the class holds the tokens a scan of ``doc_lemmas`` finds
_FIRST_LEMMA = word_class(lambda text, lower: lookup_lemma(text) in _lexicon()[0])


class _Words:
    """Lower forms and ``_lemma`` of a document's tokens, read from the cached per-Doc lists."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.lower, self.lemmas, self.texts = doc_lowers(doc), doc_lemmas(doc), doc_texts(doc)

    def lemma(self, i: int) -> str:
        """``_lemma(doc[i])``."""
        text = self.texts[i]
        return self.lemmas[i] if text.islower() or not text.isalpha() else _table_lemma(self.lower[i])

    def candidates(self) -> list[int]:
        """Tokens where a trigger can start, in order: the main loop would skip all others.

        Those are the tokens the vectorised lookup used to find (lemma or lower form a first trigger
        word, or title case) whose ``_lemma`` or lower form is a first trigger word."""
        by_first, _ = _lexicon()
        # every token whose lower form, lower-cased lemma or table lemma is a first word (a superset): a lower form
        # in _FIRST_FORMS once the document's words are classified (``_first_forms``), or a lemma that is a first
        # word; tested at C speed (map/compress over both lists), without a set of the document's words each
        forms_at = class_positions(self.doc, _FIRST_FORM)  # (the lemmatizer's word classes: the same lower forms)
        lemmas_at = class_positions(self.doc, _FIRST_LEMMA) if forms_at is not None else None
        if lemmas_at is not None:  # (both from the word classes: one numpy pass each, no step per token)
            maybe = sorted(set(forms_at).union(lemmas_at))
        elif forms_at is not None:
            hits = set(forms_at)
            hits.update(compress(range(len(self.lemmas)), map(by_first.__contains__, self.lemmas)))
            maybe = sorted(hits)
        else:
            if not _SEEN_FORMS.issuperset(self.lower):
                _first_forms(set(self.lower))
            hits = map(or_, map(_FIRST_FORMS.__contains__, self.lower), map(by_first.__contains__, self.lemmas))
            maybe = list(compress(range(len(self.lower)), hits))
        found = []
        for i in maybe:
            if self.lower[i] in by_first:
                found.append(i)  # a lower form that is a first word was always a candidate
            elif self.lemma(i) in by_first and (self.texts[i].istitle() or self.doc[i].lemma_ in by_first):
                found.append(i)
        return found

    def vectorised_candidates(self) -> list[int]:
        """The unfiltered reference for ``candidates``: every token whose lemma or lower form is a first
        trigger word, or in title case (the main loop then skips those that cannot start a trigger)."""
        by_first, _ = _lexicon()
        strings = self.doc.vocab.strings
        ids = np.array([strings.add(w) for w in by_first], dtype="uint64")
        arr = self.doc.to_array([LEMMA, LOWER, IS_TITLE]).astype("uint64")
        lemma_lower = np.isin(arr[:, 0], ids) | np.isin(arr[:, 1], ids)
        return np.nonzero(lemma_lower | (arr[:, 2] == 1))[0].tolist()

    def forms(self, start: int, end: int) -> set[str]:
        """Lemmas and lower forms of tokens start..end."""
        return {self.lemma(k) for k in range(start, end)} | set(self.lower[start:end])


def positions_in(values: list[str], wanted: set[str]) -> list[int]:
    """Indices of ``values`` equal to a string in ``wanted`` (list.index scans in C: few wanted strings are cheap)."""
    found = []
    for value in wanted:
        i = -1
        while True:
            try:
                i = values.index(value, i + 1)
            except ValueError:
                break
            found.append(i)
    return found


class _Sentence:
    """What the main loop reads of ``token.sent``, from the Doc's index."""

    __slots__ = ("start", "end", "start_char", "end_char")

    def __init__(self, start: int, end: int, index: DocIndex):
        self.start, self.end = start, end
        self.start_char, self.end_char = index.starts[start], index.ends[end - 1]


def _sentence_lemmas(words: _Words, sent: Span | _Sentence, cache_: dict) -> set[str]:
    key = sent.start
    if key not in cache_:
        cache_[key] = words.forms(sent.start, sent.end)
    return cache_[key]


def _match(words: _Words, i: int, trigger: Trigger, first: str) -> int | None:
    """End token index when ``trigger`` matches at token ``i`` (first word already known to match)."""
    j = i + 1
    n = len(words.lower)
    for word in trigger.words[1:]:
        if j >= n or words.lemma(j) != word and words.lower[j] != word:
            return None
        j += 1
    return j


_HUNDREDS_RE = re.compile(r"(?i)\d|hundred|thousand|million|billion|trillion")
"""What the text of every quantity worth 100 or more holds (``extractors.quantities``): a digit, or a scale word
("half a million", "hundreds of", "two thousand"; number words below "hundred" make at most 99, and a dozen 12).
A sentence without one has no such count of people, so a trigger that needs one is dropped there without reading the
document's quantities, which cost about as much as the events of a document themselves (r29)."""


def extract_events(doc: Doc, assertions: DocumentAssertions, prefilter: bool = True) -> list[Event]:
    """Typed events of ``doc``, one per (type, sentence), roles filled from ``assertions``.

    ``prefilter=False`` tries every token the vectorised lookup finds and reads every comparison window (a
    reference for the tests: same events, slower)."""
    by_first, settings = _lexicon()
    words = _Words(doc)
    candidates = words.candidates() if prefilter else words.vectorised_candidates()
    if not candidates:
        return []
    W = words.lower
    sentence_cache: dict[int, set[str]] = {}
    group_mentions = None
    events: list[Event] = []
    seen: set[tuple[str, int]] = set()
    index = doc_index(doc)
    # token._.in_boilerplate and token.sent from the index (no Token or Span objects) where nothing overrides them
    fast = index.has_sents and not ("sent" in doc.user_token_hooks or "sent" in doc.user_span_hooks
                                    or "sents" in doc.user_hooks)
    for i in candidates:
        first = words.lemma(i)
        triggers = by_first.get(first) or by_first.get(W[i])
        if not triggers:
            continue
        tok = doc[i]
        if index.boilerplate[i] if fast else tok._.in_boilerplate:
            continue
        for trigger in triggers:
            end = _match(words, i, trigger, first)
            if end is None:
                continue
            if trigger.r39 and (end := _r39_check(doc, assertions, trigger, i, end)) is None:
                continue
            sent = _Sentence(*index.sent_range(i), index) if fast else tok.sent
            if trigger.lowercase_only and not tok.text.islower() and (i != sent.start or tok.text in MONTHS):
                continue
            if (trigger.event_type, sent.start) in seen:
                break
            if trigger.people_leaving and (not (_people_leaving(doc, assertions, i, end, sent)
                                                or _leaving_demonym(doc, assertions, i, end, sent))
                                           or _returning_after(doc, end, sent.end)):
                continue  # checked first: "leave" is a common word (r35)
            if trigger.demonym_leaving and (
                    _HUNDREDS_RE.search(doc_text(doc), sent.start_char, sent.end_char) is None
                    or not _exodus_place_r38(doc, assertions, doc[i:end], sent, ())):
                continue  # checked first: "come" and "enter" are common words (r38)
            if end < len(doc) and (words.lemma(end) in trigger.not_next or W[end] in trigger.not_next
                                   or W[end] == "-" and not doc[end].whitespace_ and not tok.whitespace_):
                continue
            if i > 0 and (W[i - 1] in NEGATORS or words.lemma(i - 1) in trigger.not_prev):
                continue
            if i > 1 and W[i - 1] == "-" and not tok.nbor(-1).whitespace_ and not doc[i - 2].whitespace_ \
                    and W[i - 2] in _glued_prefixes():
                continue  # "self-deportation", "anti-deportation protests": a modifier, no happening
            blockers = _blockers(trigger.event_type)
            if any((words.lemma(k) in blockers or W[k] in blockers) and W[k] not in R39_NOT_BLOCKERS
                   for k in range(max(sent.start, i - 4), i)) or _r39_expected_to(W, i, sent.start):
                continue  # "to avoid deportation", "fear of deportations", "would not have to invade"
            if any(W[k] in _blockers_after() for k in range(end, min(sent.end, end + 2))):
                continue  # "a Turkish invasion would unleash", "deportations could follow": not (yet) a happening
            not_objects = _not_objects(trigger.event_type)
            if not_objects and any(words.lemma(k) in not_objects for k in range(end, min(sent.end, end + 4))):
                continue
            if _simile(doc, i, sent.start, prefilter) and not _subject_with_agent(doc, assertions, end, sent.end):
                continue  # "unfolded like a referendum", "as if it were an invasion": a comparison
            subject_r39 = False  # r39: a crossing noun or "people coming" heading the clause, far before the verb
            if trigger.context_window:
                near = words.forms(max(sent.start, i - trigger.context_window),
                                   min(sent.end, end + trigger.context_window))
                if not (trigger.context_any & near):
                    subject_r39 = trigger.event_type == "BorderCrossingChange" and _r39_crossing_subject(
                        doc, words, trigger, i, sent.start)
                    if not subject_r39:
                        continue
            elif trigger.context_any and not (trigger.context_any & _sentence_lemmas(words, sent, sentence_cache)):
                continue
            if trigger.context_any_2 and not subject_r39 and not (
                    trigger.context_any_2 & _sentence_lemmas(words, sent, sentence_cache)):
                continue
            sent_start, sent_end = sent.start_char, sent.end_char
            if trigger.needs_people and _HUNDREDS_RE.search(doc_text(doc), sent_start, sent_end) is None:
                continue  # no count of 100 people or more can be read here: the quantities are not read (r29)
            quantities = assertions.quantities_between(sent_start, sent_end)
            if trigger.needs_people and not any(q.unit == "person" and q.value >= 100 for q in quantities):
                continue
            if trigger.change_after and not _change_after(doc, quantities, end):
                continue
            spec = settings[trigger.event_type]
            if spec.get("needs_place_entity") and not any(
                    (f := assertions.token_entities.get(j)) and f[0] in PLACE_KINDS
                    for j in range(sent.start, sent.end)):
                continue
            if group_mentions is None:
                group_mentions = _group_mentions(assertions)
            event = _event(doc, assertions, trigger, doc[i:end], spec, quantities, group_mentions)
            if not (event.agent or event.place or event.affected or event.time or event.quantities):
                continue  # a topic ("deportation is a legitimate tool"), not a happening
            if _r39_future(event) or _r39_figurative(doc, trigger, end, sent.end):
                continue
            events.append(event)
            seen.add((trigger.event_type, sent.start))
            break
    events.sort(key=lambda e: (e.evidence.start, e.event_type))
    return events


SIMILE_MARKERS = (("like",), ("as", "if"), ("as", "though"), ("akin", "to"), ("similar", "to"), ("reminiscent", "of"),
                  ("resemble",), ("resembles",), ("resembled",), ("resembling",), ("likened", "to"), ("compared", "to"),
                  ("comparable", "to"))
SIMILE_WINDOW = 4  # "like a long-planned referendum"


HYPOTHETICAL_MARKERS = (("as", "if"), ("as", "though"))
HYPOTHETICAL_WINDOW = 8  # "as if Peru had launched an invasion"
MARKER_STARTS = frozenset(m[0] for m in SIMILE_MARKERS + HYPOTHETICAL_MARKERS)  # a comparison starts with one


def _simile(doc: Doc, i: int, sent_start: int, prefilter: bool = True) -> bool:
    """Whether the trigger at ``i`` is the second term of a comparison ('like a', 'as if', 'akin to' before it)."""
    W = doc_lowers(doc)
    if prefilter and MARKER_STARTS.isdisjoint(W[max(sent_start, i - max(HYPOTHETICAL_WINDOW, SIMILE_WINDOW)):i]):
        return False  # no marker begins before the trigger
    for k in range(max(sent_start, i - HYPOTHETICAL_WINDOW), i):
        if any(all(k + n < i and W[k + n] == w for n, w in enumerate(m)) for m in HYPOTHETICAL_MARKERS):
            if not any(_is_boundary(doc, n) for n in range(k + 2, i)):
                return True  # "as if it were an invasion"
    for k in range(max(sent_start, i - SIMILE_WINDOW), i):
        for marker in SIMILE_MARKERS:
            end = k + len(marker)
            if end <= i and all(W[k + n] == w for n, w in enumerate(marker)):
                if marker == ("like",) and k > sent_start and W[k - 1] in {"would", "'d", "feel", "feels", "look",
                                                                           "looks", "looked"}:
                    continue  # "would like a vote": a wish, not a simile
                if not any(doc[n].ent_type_ for n in range(end, i)):
                    return True
    return False


def _group_mentions(assertions: DocumentAssertions) -> list[tuple[int, int, str, str]]:
    out = []
    for (kind, key), entity in assertions.entities.items():
        if kind == "Group":
            for ev in entity.mentions:
                out.append((ev.start, ev.end, key, entity.name))
    out.sort()
    return out


def _entity(assertions: DocumentAssertions, i: int) -> tuple[str, str] | None:
    return assertions.token_entities.get(i)


def _event(doc: Doc, assertions: DocumentAssertions, trigger: Trigger, span: Span, spec: dict,
           quantities: list[Quantity], group_mentions) -> Event:
    sent = span.sent
    kinds = frozenset(spec.get("agent_kinds", AGENT_KINDS))
    agent = _agent(doc, assertions, span, sent, kinds, group_mentions) if spec.get("agent") else None
    home = _home_country(assertions, agent)
    if trigger.demonym_leaving:  # "200,000 Chileans have travelled to Peru since the draft": Chile is left (r38)
        place = _exodus_place_r38(doc, assertions, span, sent, quantities)
    elif spec.get("place_from_agent") and home:
        place = home
    else:
        place = _place(doc, assertions, span, sent, spec, agent)
    affected, affected_key, affected_nationality = _affected(assertions, span, sent, quantities, group_mentions)
    if place is None and affected_nationality and trigger.event_type in {"Exodus", "DeportationEvent"}:
        if ("Country", affected_nationality) in assertions.entities and trigger.event_type == "Exodus":
            place = ("Country", affected_nationality)
    if place is None and agent and agent[0] == "Country" and (
            trigger.event_type in {"Mobilization", "Referendum"}
            or trigger.event_type == "DeportationEvent" and _verbal(span)):  # "Chile deported 40 men" (r35)
        place = agent
    if agent and place == agent and trigger.event_type in {"Invasion"}:
        place = None
    if place is None:
        place = _place_r38(doc, assertions, trigger, span, sent, agent, quantities)
    place = _r39_deporting_side(doc, assertions, trigger, sent, agent, place)
    if place is None or _r39_placeless(assertions, place):
        place = _place_r39(doc, assertions, trigger, span, sent, agent) or place
    return Event(
        event_type=trigger.event_type,
        evidence=evidence_for(doc, span.start_char, span.end_char, EXTRACTOR),
        trigger=span.text,
        agent=agent,
        place=place,
        affected=affected,
        affected_key=affected_key,
        time=attached_time(doc, _r39_not_reports(doc, _not_baselines(
            doc, trigger, assertions.times_between(sent.start_char, sent.end_char))),
                           span.start, span.end, _verbal(span) or _object_of_carrying_out(doc, span)
                           or trigger.words[0] in R39_SUPERLATIVES),
        quantities=_r39_quantities(doc, trigger, span, sent, _fitting(quantities, spec.get("quantity_units")),
                                   _change_first(trigger, _same_clause(doc, _not_populations(doc, _fitting(
                                       quantities, spec.get("quantity_units"))), span))),
    )


def _home_country(assertions: DocumentAssertions, agent: tuple[str, str] | None) -> tuple[str, str] | None:
    """The agent if it is a country, else the country a person or organisation is related to."""
    if agent is None:
        return None
    if agent[0] == "Country":
        return agent
    for rel in assertions.relations:
        if (rel.subject_kind, rel.subject_key) == agent and rel.predicate == "country" and rel.object_kind == "Country":
            return ("Country", rel.object_key)
    return None


PASSIVE_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten",
                                 "getting"})
PASSIVE_GAP = 2  # adverbs between the auxiliary and the participle: "was later deported", "were quickly expelled"


def _passive(doc: Doc, span: Span, sent: Span) -> bool:
    """Whether the trigger is a past participle after a form of 'be'/'get' ("he was deported", "had been expelled"):
    then the subject before it is who is acted on, not who acts."""
    word = doc[span.start].lower_
    if not word.endswith(("ed", "en")):  # deported, expelled, repatriated, invaded, driven
        return False
    for k in range(span.start - 1, max(sent.start, span.start - 1 - PASSIVE_GAP) - 1, -1):
        lower = doc[k].lower_
        if lower in PASSIVE_AUXILIARIES:
            return True
        if not lower.endswith("ly") and lower not in {"also", "then", "later", "since", "reportedly", "not", "never",
                                                      "already", "often", "all", "both", "each"}:
            return False
    return False


def _agent(doc: Doc, assertions: DocumentAssertions, span: Span, sent: Span,
           kinds: frozenset[str], group_mentions) -> tuple[str, str] | None:
    # "the invasion of Ukraine by Russia": an entity right after "by"
    for j in range(span.end, min(sent.end, span.end + 8)):
        if doc[j].lower_ == "by" and j + 1 < sent.end:
            found = _entity(assertions, j + 1) or (_entity(assertions, j + 2) if doc[j + 1].lower_ == "the" else None)
            if found and found[0] in kinds:
                return found
    if _passive(doc, span, sent):
        return None  # "Ahmed was deported": Ahmed is deported, nobody before the verb does it
    for j in range(span.start - 1, max(sent.start, span.start - AGENT_WINDOW) - 1, -1):
        found = _entity(assertions, j)
        if found is None:
            continue
        if found[0] not in kinds:
            continue
        offset = doc[j].idx
        if any(start <= offset < end for start, end, _, _ in group_mentions):
            continue  # "Russian men": the nationality of a group, not an actor
        # skip the whole mention, then see whether a preposition makes it a place or source,
        # or "anti-"/"pro-" a target
        k = j
        while k > sent.start and _entity(assertions, k - 1) == found:
            k -= 1
        if k > sent.start + 1 and doc[k - 1].lower_ in {"neighbouring", "neighboring"}:
            k -= 1  # "fled to neighbouring Chile": a place all the same (r38)
        if k > sent.start and (doc[k - 1].lower_ in LOCATIVE | {"of", "for", "against", "than"}
                               or doc[k - 1].text == "-"):
            continue
        if k > sent.start and doc[k - 1].text == "(" and j + 1 < sent.end and doc[j + 1].text == ")":
            continue  # a credit line, "CITY (Agency) -": the news agency reports, it does not act
        return found
    return None


def _place(doc: Doc, assertions: DocumentAssertions, span: Span, sent: Span, spec: dict,
           agent: tuple[str, str] | None) -> tuple[str, str] | None:
    kinds_ok = frozenset(spec.get("place_kinds", PLACE_KINDS))
    if spec.get("place_after_trigger"):  # "invaded Ukraine", "invasion of Ukraine", "fled from Syria"
        j = span.end
        skip = frozenset(spec.get("place_after_words", ("of", "from", "the", "neighbouring", "neighboring")))
        while j < sent.end and (doc[j].lower_ in skip or doc[j].text in CLOSING_QUOTES):
            j += 1
        found = _entity(assertions, j) if j < sent.end else None
        if found and found[0] in kinds_ok:
            return found
        if j < sent.end and doc[j].lower_ == "country" and j > span.end and doc[j - 1].lower_ == "the":
            # "when Chile invaded the country": the country named last before it, not the agent (r35)
            for k in range(span.start - 1, sent.start - 1, -1):
                found = _entity(assertions, k)
                if found and found[0] == "Country" and found != agent:
                    return found
    if spec.get("place_at_border"):
        return (_border_place(doc, assertions, sent) or _queue_place_r38(doc, assertions, span, sent)
                or _border_place_before(doc, assertions, sent))
    best, best_distance = None, None
    preps = frozenset(spec.get("place_preps", LOCATIVE | {"via"}))  # "via": r39
    for j in range(sent.start, sent.end):
        found = _entity(assertions, j)
        if not found or found[0] not in PLACE_KINDS or found == agent:
            continue
        if j > sent.start and _entity(assertions, j - 1) == found:
            continue  # not the first token of the mention
        k = j - 1
        while k >= sent.start and (doc[k].lower_ in {"the", "a", "border", "of", "northern", "southern", "eastern",
                                                      "western", "central", "neighbouring", "neighboring"}
                                   or doc[k].lower_ in PLACE_PART_WORDS) and doc[k].lower_ not in LOCATIVE:
            k -= 1
        if k < sent.start or doc[k].lower_ not in preps:
            continue
        distance = abs(j - span.start)
        if best_distance is None or distance < best_distance:
            best, best_distance = found, distance
    if best is None and spec.get("fallback_place"):
        # not "Moscow-backed": a mention glued to a hyphen modifies something else
        places = [j for j in range(sent.start, sent.end)
                  if (f := _entity(assertions, j)) and f[0] in PLACE_KINDS and f != agent
                  and not (j + 1 < len(doc) and doc[j + 1].text == "-")]
        if places:
            return _entity(assertions, min(places, key=lambda j: (j < span.start, abs(j - span.start))))
    return best


BORDER_WORDS = frozenset({"border", "borders", "crossing", "crossings", "checkpoint", "checkpoints", "frontier",
                          "crossing-point", "crossing-points"})
BORDER_LINKS = frozenset({"with", "of", "into", "to", "the", "crossing", "crossings", "point", "points", "checkpoint",
                          "post", "posts", "-", "'s", "’s",
                          "in"})  # "the checkpoint in Tacna" (r38)


def _border_place(doc: Doc, assertions: DocumentAssertions, sent: Span) -> tuple[str, str] | None:
    """The country or crossing named with a border word: 'border with X', 'X border', 'crossing into X'."""
    for j in range(sent.start, sent.end):
        if doc[j].lower_ not in BORDER_WORDS:
            continue
        k = j + 1
        while k < sent.end and doc[k].lower_ in BORDER_LINKS:
            k += 1
        found = _entity(assertions, k) if k < sent.end and k > j + 1 else None
        if found and found[0] in PLACE_KINDS:
            return found
        k = j - 1
        while k >= sent.start and (doc[k].lower_ in {"'s", "’s", "-"} or doc[k].lower_ in R39_BORDER_SIDES):
            k -= 1  # "Russia's eastern border", "its northern crossings" (r39)
        found = _entity(assertions, k) if k >= sent.start else None
        if found and found[0] in PLACE_KINDS:
            return found  # "the Polish border", "Russia's border"
        if k >= sent.start and doc[k].lower_ in {"its", "their"}:  # "Chile reports queues at its border" (r35)
            for m in range(k - 1, sent.start - 1, -1):
                found = _entity(assertions, m)
                if found and found[0] == "Country":
                    return found
    return None


BORDER_PLACE_SENTENCES_BEFORE = 2


def _border_place_before(doc: Doc, assertions: DocumentAssertions, sent: Span) -> tuple[str, str] | None:
    """A queue 'at the checkpoint' with no country named: the border named in one of the two sentences before
    ("drove to the border with Chile. Some 300 cars were in line at the checkpoint.") (r35)."""
    if not any(doc[j].lower_ in BORDER_WORDS for j in range(sent.start, sent.end)):
        return None
    start = sent.start
    for _ in range(BORDER_PLACE_SENTENCES_BEFORE):
        if start == 0:
            return None
        before = doc[start - 1].sent
        found = _border_place(doc, assertions, before)
        if found:
            return found
        start = before.start
    return None


def _affected(assertions: DocumentAssertions, span: Span, sent: Span, quantities: list[Quantity],
              group_mentions) -> tuple[str | None, str | None, str | None]:
    best = None
    for start, end, key, name in group_mentions:
        if start >= sent.start_char and end <= sent.end_char:
            distance = abs(start - span.start_char)
            if best is None or distance < best[0]:
                best = (distance, key, name, start)
    people = [q for q in quantities if q.unit == "person" and q.counted]
    nearest = min(people, key=lambda q: abs(q.start - span.start_char)) if people else None
    if nearest is not None and (best is None or (abs(nearest.start - span.start_char) < best[0]
                                                 and not nearest.start <= best[3] < nearest.end)):
        # "expelled 40,000 people last year while campaigners ...": the counted people nearer the trigger are who
        # it happens to, not a group named further away (a group inside the count, "300 Syrian refugees", wins)
        return nearest.counted, None, None
    if best:
        entity = assertions.entities.get(("Group", best[1]))
        nationality = entity.attributes.get("nationality") if entity else None
        return best[2], best[1], nationality if isinstance(nationality, str) else None
    return None, None, None


# Words and marks that open another clause: a time expression beyond one dates something else
# ("men fled on Friday after the mobilization": Friday is the fleeing's, not the mobilization's).
CLAUSE_BOUNDARIES = frozenset({";", "—", "–", ":", "after", "when", "because", "before", "while", "since", "until",
                               "although", "though", "whereas", "but", "which", "who", "whom", "where", "that",
                               "unless", "once", "following", "amid"})
TIME_PREPS = frozenset({"since", "until", "after", "before"})  # right before a time they belong to it: "since May 1"
AFTER_WINDOW = 16  # tokens after a trigger within which a time expression can still be its own
NOMINAL_BEFORE_WINDOW = 3  # "Friday's mobilization", "the September 2022 call-up"


def _is_boundary(doc: Doc, k: int) -> bool:
    tok = doc[k]
    if tok.lower_ in CLAUSE_BOUNDARIES:
        return True
    # a spaced hyphen used as a dash ("on foot - just as")
    return tok.text == "-" and bool(tok.whitespace_) and k > 0 and bool(doc[k - 1].whitespace_)


def attached_time(doc: Doc, times: list[TimeExpression], start: int, end: int,
                  verbal: bool) -> TimeExpression | None:
    """The time expression tied to the trigger ``doc[start:end]``, or None.

    Only a time in the trigger's own clause counts (no clause boundary between them).  The
    nearest one after the trigger wins (within ``AFTER_WINDOW`` tokens); before it, a verb
    trigger takes the nearest time of its clause ("On Friday, Poland closed…"), a nominal
    trigger only one directly modifying it ("Friday's mobilization").
    """
    if not times:
        return None
    sent = doc[start].sent
    by_char = {t.idx: t.i for t in sent}
    ends_by_char = {t.idx + len(t): t.i for t in sent}
    best_after, best_before = None, None
    for t in times:
        t_start, t_end = by_char.get(t.start), ends_by_char.get(t.end)
        if t_start is None or t_end is None:
            continue
        if t_start >= end:
            gap = range(end, t_start - 1 if t_start - 1 >= end and doc[t_start - 1].lower_ in TIME_PREPS else t_start)
            if t_start - end > AFTER_WINDOW or any(_is_boundary(doc, k) for k in gap):
                continue
            if best_after is None or t_start < best_after[0]:
                best_after = (t_start, t)
        elif t_end < start:
            gap = range(t_end + 1, start)
            if _when_clause_of(doc, t_end, start):
                pass  # "since Thursday, when Chile invaded": the clause dates the time named before it (r35)
            elif not verbal and len(gap) > NOMINAL_BEFORE_WINDOW or any(_is_boundary(doc, k) for k in gap):
                continue
            if best_before is None or t_end > best_before[0]:
                best_before = (t_end, t)
    if best_after is not None:
        return best_after[1]
    return best_before[1] if best_before is not None else None


def _same_clause(doc: Doc, quantities: list[Quantity], span: Span) -> list[Quantity]:
    """The quantities not cut off from the trigger by a clause boundary: in "261,000 men had left since the
    mobilization was declared" the men are the leaving's, not the mobilization's (r35)."""
    if not quantities:
        return quantities
    out = []
    for q in quantities:
        words = doc.char_span(q.start, q.end, alignment_mode="expand")
        if words is None:
            out.append(q)
            continue
        gap = range(words.end, span.start) if words.end <= span.start else range(span.end, words.start)
        if not any(_is_boundary(doc, k) for k in gap):
            out.append(q)
    return out


def _when_clause_of(doc: Doc, t_end: int, start: int) -> bool:
    """Whether the trigger at ``start`` is in a 'when' clause right after the time ending at ``t_end``."""
    k = t_end + 1
    if k < start and doc[k].text == ",":
        k += 1
    if k >= start or doc[k].lower_ != "when":
        return False
    return not any(_is_boundary(doc, n) or doc[n].text == "," for n in range(k + 1, start))


VERB_ENDINGS = ("ed", "ing")
IRREGULAR_VERB_FORMS = frozenset({"fled", "flees", "flee", "sank", "sunk", "sink", "sinks", "mobilize", "mobilise",
                                  "mobilizes", "mobilises", "invade", "invades", "deport", "deports", "expel",
                                  "expels", "capsize", "capsizes", "drown", "drowns", "escape", "escapes", "emigrate",
                                  "emigrates", "rose", "rise", "rises", "soar", "soars", "jump", "jumps", "surge",
                                  "surges", "conscript", "conscripts", "summon", "summons",
                                  # phrasal triggers ("turn back", "push back", "sent back"): always verbs (r35)
                                  "turn", "turns", "push", "pushes", "send", "sends", "sent", "tow", "tows"})


def _verbal(span: Span) -> bool:
    """Whether a trigger is used as a verb (no tagger: its form tells)."""
    word = span[0].lower_
    return word in IRREGULAR_VERB_FORMS or word.endswith(VERB_ENDINGS) and word not in {"shipwreck", "sinking"}


# "Men have been fleeing by road from Ruritania", "refugees are leaving Freedonia": people in the plural leave a
# named country; no count is needed (r35). The subject is looked for in the trigger's clause before it.
PEOPLE_PLURALS = frozenset({"men", "women", "people", "refugees", "migrants", "families", "residents", "citizens",
                            "civilians", "thousands", "hundreds", "millions", "nationals", "reservists", "youths"})
LEAVING_SUBJECT_WINDOW = 8
LEAVING_PLACE_WINDOW = 8


def _people_leaving(doc: Doc, assertions: DocumentAssertions, i: int, end: int, sent) -> bool:
    W = doc_lowers(doc)
    subject = False
    for k in range(i - 1, max(sent.start - 1, i - 1 - LEAVING_SUBJECT_WINDOW), -1):
        if _is_boundary(doc, k) or W[k] in {",", "."}:
            break
        found = _entity(assertions, k)
        if W[k] in PEOPLE_PLURALS or (found and found[0] == "Group" and W[k].endswith("s")):
            subject = True
            break
    if not subject:
        return False
    for j in range(end, min(sent.end, end + LEAVING_PLACE_WINDOW)):
        if _is_boundary(doc, j):
            return False
        found = _entity(assertions, j)
        if found and found[0] == "Country" and (j == end or W[j - 1] in {"from", "the", "neighbouring", "neighboring"}):
            return True
    return False


# Verbs whose object a nominal trigger can be ("Putin announced a partial mobilization", "they staged a
# protest"): the trigger is dated like the verb, by the nearest time of the clause before it (r35).
CARRYING_OUT_VERBS = frozenset({"announced", "announces", "announcing", "ordered", "orders", "ordering", "declared",
                                "declares", "declaring", "launched", "launches", "launching", "began", "begun",
                                "begins", "started", "starts", "staged", "stages", "held", "holds", "conducted",
                                "carried", "organised", "organized"})
CARRYING_OUT_GAP = 4  # "announced the 'partial mobilization'": an article, an adjective, quote marks


def _object_of_carrying_out(doc: Doc, span: Span) -> bool:
    """Whether a nominal trigger is the object of a verb of announcing or carrying out."""
    sent_start = span.sent.start
    W = doc_lowers(doc)
    for k in range(span.start - 1, max(sent_start, span.start - 1 - CARRYING_OUT_GAP) - 1, -1):
        if W[k] in CARRYING_OUT_VERBS:
            return True
        if _is_boundary(doc, k) or W[k] in {",", "."}:
            return False
    return False


def _fitting(quantities: list[Quantity], units: list[str] | None) -> list[Quantity]:
    # "thousands of reservists", "several hundred people": an unspecified multiple, no number of the event (r35)
    quantities = [q for q in quantities if q.qualifier != "several"]
    if units is None:
        return list(quantities)
    allowed = set(units)
    out = []
    for q in quantities:
        if q.unit in allowed or (q.unit is None and q.counted and "count" in allowed) or (
                q.is_change and "change" in allowed):
            out.append(q)
    return out


# --- round 38 (V38): places from demonyms and border towns, document-level places of events ---

def _demonym_country(doc: Doc, assertions: DocumentAssertions, k: int) -> tuple[str, str] | None:
    """The country of a plural demonym at token ``k`` ("Chileans"), or None (a country's name is no demonym)."""
    found = _entity(assertions, k)
    if not found or found[0] != "Country":
        return None
    texts = doc_texts(doc)
    if texts[k] not in gazetteer().demonym_by_surface:
        return None
    if texts[k].endswith("s") or k + 1 < len(texts) and texts[k + 1] in PEOPLE_PLURALS:
        return found  # "Chileans", "Chilean citizens"
    return None


POSSESSIVE_HOMES = frozenset({"country", "homeland", "land"})


def _their_country(doc: Doc, assertions: DocumentAssertions, span: Span, sent,
                   agent: tuple[str, str] | None) -> tuple[str, str] | None:
    """'Peru invaded their country', 'Chileans left their country': the people named by a plural demonym before
    the trigger in its sentence own the country (r38)."""
    W = doc_lowers(doc)
    j = span.end
    if j + 1 >= sent.end or W[j] not in {"their", "the"} or W[j + 1] not in POSSESSIVE_HOMES:
        return None
    for k in range(span.start - 1, sent.start - 1, -1):
        found = _demonym_country(doc, assertions, k)
        if found and found != agent:
            return found
    return None


QUEUE_TOWARDS = frozenset({"to", "leave", "enter", "cross", "into", "out", "of", "for"})
QUEUE_TOWARDS_WINDOW = 4  # "the queue to leave Chile", "a queue to cross into Peru"
APPOSITION_OPENERS = frozenset({"one", "the", "a", "its", "their"})  # "At Tacna, one of the busiest crossings"


def _queue_place_r38(doc: Doc, assertions: DocumentAssertions, span: Span, sent) -> tuple[str, str] | None:
    """A queue's place when no country is named with a border word (r38): the country it is 'to leave' or 'to
    enter'; the border town it is at ("At Tacna, one of the busiest crossing points, the queue ..."); the first
    of two countries a border runs 'between'; the country of a border authority that reports it."""
    W = doc_lowers(doc)
    if W[span.end:span.end + 1] == ["to"] or W[span.end:span.end + 1] == ["into"]:
        for j in range(span.end, min(sent.end, span.end + QUEUE_TOWARDS_WINDOW + 1)):
            found = _entity(assertions, j)
            if found and found[0] in PLACE_KINDS:
                return found
            if W[j] not in QUEUE_TOWARDS:
                break
    for j in range(sent.start, sent.end - 2):
        found = _entity(assertions, j)
        if not found or found[0] != "Place" or j == sent.start or W[j - 1] not in {"at", "near", "in"}:
            continue
        k = j + 1
        while k < sent.end and _entity(assertions, k) == found:
            k += 1
        if k + 1 < sent.end and W[k] == "," and W[k + 1] in APPOSITION_OPENERS and any(
                W[m] in BORDER_WORDS for m in range(k + 1, min(sent.end, k + 8))):
            return found
    for j in range(sent.start, sent.end - 3):
        if W[j] == "between" and W[j + 2] == "and":
            found = _entity(assertions, j + 1)
            if found and found[0] == "Country" and _entity(assertions, j + 3):
                return found
    return _border_authority_country(assertions, sent)


BORDER_AUTHORITY_WORDS = ("border", "customs", "frontier")


def _border_authority_country(assertions: DocumentAssertions, sent) -> tuple[str, str] | None:
    """The country of a border authority named in the sentence ("..., the Chilean border guard said"): the queue
    it reports is on its side (r38)."""
    for j in range(sent.start, sent.end):
        found = _entity(assertions, j)
        if found and found[0] == "Organization":
            entity = assertions.entities.get(found)
            country = entity.attributes.get("country") if entity else None
            if isinstance(country, str) and any(w in entity.name.lower() for w in BORDER_AUTHORITY_WORDS) \
                    and ("Country", country) in assertions.entities:
                return ("Country", country)
    return None


def _exodus_place_r38(doc: Doc, assertions: DocumentAssertions, span: Span, sent,
                      quantities: list[Quantity]) -> tuple[str, str] | None:
    """People leaving named by a plural demonym ("4 million Chileans have fled", "Chileans began to flee the
    country"): the demonym's country, in the trigger's clause before it (r38)."""
    W = doc_lowers(doc)
    for k in range(span.start - 1, max(sent.start - 1, span.start - 1 - LEAVING_SUBJECT_WINDOW), -1):
        if _is_boundary(doc, k) or W[k] in {",", ".", "and"}:
            return None
        found = _demonym_country(doc, assertions, k)
        if found:
            return found
    return None


def _place_r38(doc: Doc, assertions: DocumentAssertions, trigger: Trigger, span: Span, sent, agent,
               quantities: list[Quantity]) -> tuple[str, str] | None:
    """The r38 fallbacks for an event the sentence gave no place."""
    kind = trigger.event_type
    if kind == "Mobilization":  # "Chileans fled the president's call-up": the people it calls are the country's
        for k in range(span.start - 1, sent.start - 1, -1):
            found = _demonym_country(doc, assertions, k)
            if found:
                return found
        return None
    if kind == "Invasion":
        return _their_country(doc, assertions, span, sent, agent)
    if kind == "Exodus":
        return (_their_country(doc, assertions, span, sent, agent)
                or _exodus_place_r38(doc, assertions, span, sent, quantities)
                or _cause_place(doc, assertions, span, sent))
    return None


CAUSE_NOUNS = frozenset({"crackdown", "violence", "war", "fighting", "persecution", "campaign", "conflict",
                         "offensive", "bombing", "bombardment", "repression", "assault"})
CAUSE_WINDOW = 16  # "went to Chile in May, fleeing years of violence by Peru's army"
CAUSE_PLACE_WINDOW = 7
CAUSE_SKIP = frozenset({"the", "a", "an", "north", "south", "east", "west", "northern", "southern", "eastern",
                        "western", "of", "part", "parts", "region", "regions"})


def _cause_place(doc: Doc, assertions: DocumentAssertions, span: Span, sent) -> tuple[str, str] | None:
    """People fleeing 'a crackdown in X' or 'violence by X's army': the country of the cause is the one left
    (r38). The cause noun is looked for in the trigger's clause after it."""
    W = doc_lowers(doc)
    for j in range(span.end, min(sent.end, span.end + CAUSE_WINDOW)):
        if _is_boundary(doc, j) and W[j] not in {"since", "after"}:
            return None
        if W[j] not in CAUSE_NOUNS:
            continue
        for k in range(j + 1, min(sent.end, j + 1 + CAUSE_PLACE_WINDOW)):
            if W[k] not in {"in", "by"}:
                continue
            m = k + 1
            while m < sent.end and W[m] in CAUSE_SKIP:
                m += 1
            found = _entity(assertions, m) if m < sent.end else None
            if found and found[0] in PLACE_KINDS:
                return found
            if found and found[0] == "Organization":
                entity = assertions.entities.get(found)
                country = entity.attributes.get("country") if entity else None
                if isinstance(country, str):
                    return ("Country", country)
            return None
        return None
    return None


def _leaving_demonym(doc: Doc, assertions: DocumentAssertions, i: int, end: int, sent) -> bool:
    """'Chileans left their country', 'Chileans began to flee the country': a plural demonym leaves its own
    country (r38; ``_people_leaving`` wants the country named)."""
    W = doc_lowers(doc)
    if end + 1 >= sent.end or W[end] not in {"their", "the"} or W[end + 1] not in {"country", "homeland"}:
        return False
    for k in range(i - 1, max(sent.start - 1, i - 1 - LEAVING_SUBJECT_WINDOW), -1):
        if _is_boundary(doc, k) or W[k] in {",", "."}:
            return False
        if _demonym_country(doc, assertions, k):
            return True
    return False


def settle_places(doc: Doc, assertions: DocumentAssertions, events: list[Event]) -> list[Event]:
    """Document-level places (r38), for the graph: an event its sentence gave no place is dropped (nothing
    anchors it; a happening told again with its place is kept there). Deportations whose ends (place, agent
    country, a country it goes to or from) overlap name one pair of countries and take the country most of them
    share: one happening told from either end reads alike."""
    return _settle_deportations(doc, assertions, [e for e in events if e.place is not None])


DEPORTATION_END_WINDOW = 10  # "sent back from the island of X began arriving in Y"


def _deportation_ends(doc: Doc, assertions: DocumentAssertions, e: Event) -> set[tuple[str, str]]:
    ends = {e.place}
    if e.agent and e.agent[0] == "Country":
        ends.add(e.agent)
    W = doc_lowers(doc)
    start = doc.char_span(e.evidence.start, e.evidence.end, alignment_mode="expand")
    if start is None:
        return ends
    sent_end = index_sent_end(doc, start.end - 1)
    for j in range(start.end, min(sent_end, start.end + DEPORTATION_END_WINDOW)):
        if _is_boundary(doc, j):
            break
        found = _entity(assertions, j)
        if found and found[0] == "Country" and W[j - 1] in {"to", "into", "in", "from"}:
            ends.add(found)
    return ends


def index_sent_end(doc: Doc, i: int) -> int:
    index = doc_index(doc)
    return index.sent_range(i)[1] if index.has_sents else doc[i].sent.end


def _settle_deportations(doc: Doc, assertions: DocumentAssertions, events: list[Event]) -> list[Event]:
    deportations = [e for e in events if e.event_type == "DeportationEvent" and e.place and e.place[0] == "Country"]
    if len(deportations) < 2:
        return events
    ends = [_deportation_ends(doc, assertions, e) for e in deportations]
    counts: dict[tuple[str, str], int] = {}
    order: dict[tuple[str, str], int] = {}
    for n, group in enumerate(ends):
        for country in group:
            counts[country] = counts.get(country, 0) + 1
            order.setdefault(country, n)
    changed = {}
    for e, group in zip(deportations, ends, strict=True):
        if len(group) > 1:
            best = max(group, key=lambda c: (counts[c], c == e.place, -order[c]))
            if best != e.place and counts[best] > 1:
                changed[id(e)] = best
    return [replace(e, place=changed[id(e)]) if id(e) in changed else e for e in events]


RETURN_WORDS = frozenset({"return", "returns", "returned", "returning", "back", "home"})
RETURN_WINDOW = 6  # "people leaving Chile and returning to Peru": they go home, no exodus


def _returning_after(doc: Doc, end: int, sent_end: int) -> bool:
    """Whether the leavers are said to go back or home within a few words (r38)."""
    return not RETURN_WORDS.isdisjoint(doc_lowers(doc)[end:min(sent_end, end + RETURN_WINDOW)])


def _change_first(trigger: Trigger, quantities: list[Quantity]) -> list[Quantity]:
    """A crossing change's size is the change when one is stated ("up 10 percent"), not the count beside it (r38)."""
    if trigger.event_type != "BorderCrossingChange" or len(quantities) < 2:
        return quantities
    changes = [q for q in quantities if q.is_change or q.unit in {"percent", "times", "percentage_point"}]
    return changes or quantities


BASELINE_WORDS = frozenset({"from", "than", "compared", "over"})


def _not_baselines(doc: Doc, trigger: Trigger, times: list[TimeExpression]) -> list[TimeExpression]:
    """A crossing change's times without its baseline ("up 40% from last week", "compared with 2020", "than last
    year"): that time is what the change is measured against, not when it happened (r38)."""
    if trigger.event_type != "BorderCrossingChange" or not times:
        return times
    text = doc_text(doc)
    out = []
    for t in times:
        before = text[max(0, t.start - 16):t.start].split()
        if before and (before[-1].lower() in BASELINE_WORDS or len(before) > 1 and before[-2].lower() == "compared"):
            continue
        if before and before[-1].lower() == "on" and t.text.lower().startswith(R39_BASELINE_STARTS):
            continue  # "up 40% on last year", "on the previous week" (r39)
        out.append(t)
    return out


POPULATION_CUES = (("nation", "of"), ("country", "of"), ("population", "of"), ("home", "to"), ("city", "of"))


def _not_populations(doc: Doc, quantities: list[Quantity]) -> list[Quantity]:
    """Without the size of a population ("a nation of 44 million people", "home to 2 million"): the people who
    live there, not those an event happens to (r38)."""
    if not quantities:
        return quantities
    text = doc_text(doc)
    out = []
    for q in quantities:
        before = tuple(w.lower() for w in text[max(0, q.start - 24):q.start].split()[-2:])
        if q.unit == "person" and before in POPULATION_CUES:
            continue
        out.append(q)
    return out


CHANGE_AFTER_WINDOW = 3  # "a drop of 12 percent", "an increase of nearly 40%"


def _change_after(doc: Doc, quantities: list[Quantity], end: int) -> bool:
    """Whether a change quantity (percent, times) begins within a few tokens after a nominal trigger (r38)."""
    if end >= len(doc) or doc_lowers(doc)[end] != "of":
        return False
    limit = doc[min(len(doc) - 1, end + CHANGE_AFTER_WINDOW)].idx
    start = doc[end].idx
    return any(start <= q.start <= limit and (q.is_change or q.unit in {"percent", "times"}) for q in quantities)


CLOSING_QUOTES = frozenset({"\u201d", "\u2019", '"', "'"})  # 'the "partial mobilization" in Chile' (r38)

# "in the occupied regions of Chile", "in parts of Peru": the country the part belongs to is the place (r38)
PLACE_PART_WORDS = frozenset({"occupied", "annexed", "region", "regions", "territory", "territories", "part", "parts",
                              "area", "areas", "province", "provinces"})
CLAUSE_VERBS = frozenset({"began", "begun", "started", "was", "were", "took", "ended", "opened", "closed", "had",
                          "has", "is", "saw", "drew", "passed"})


def _subject_with_agent(doc: Doc, assertions: DocumentAssertions, end: int, sent_end: int) -> bool:
    """'... like a referendum orchestrated by Chile began ...': the trigger's phrase has an agent ('<verb>ed by X')
    and is the subject of a verb after it, so the comparison marker before it belongs to another clause (r38)."""
    W = doc_lowers(doc)
    if end + 2 >= sent_end or not W[end].endswith("ed") or W[end + 1] != "by":
        return False
    j = end + 2 + (W[end + 2] == "the")
    found = _entity(assertions, j) if j < sent_end else None
    if not found or found[0] not in AGENT_KINDS:
        return False
    while j < sent_end and _entity(assertions, j) == found:
        j += 1
    return j < sent_end and W[j] in CLAUSE_VERBS


# --- round 39 (V39): the paraphrase matrix of events (tests/data/matrix_events.jsonl) ---
# Wordings the earlier rounds did not read, found by invented paraphrases of each family: "crossings up 40%",
# "the highest level in five years", the crossing noun far before its verb; drivers "waited" or traffic "backed
# up" at a crossing; a boat that "overturned" or "went down"; "sent 250 Chileans back"; a capital or a police force
# standing for its state; a coast guard's country for a wreck at sea; a happening dated "next week" (a plan).

R39_BORDER_SIDES = frozenset({"eastern", "western", "northern", "southern", "north-eastern", "north-western",
                              "south-eastern", "south-western", "northeastern", "northwestern", "southeastern",
                              "southwestern", "external", "outer", "land", "main"})
R39_SIZE_WORDS = frozenset({"%", "percent", "per", "pc", "times", "fold"})
R39_BACK_WINDOW = 5  # "pushed a dinghy with 35 people back"
R39_BACK_OBJECTS = frozenset({"boat", "boats", "dinghy", "dinghies", "vessel", "vessels", "raft", "rafts"})
R39_SUBJECT_WINDOW = 16
R39_WAIT_FOR = frozenset({"hours", "days", "up", "more", "several", "many", "over", "nearly", "almost", "about",
                          "around", "some", "at", "two", "three", "four", "five", "six", "ten", "twelve"})
R39_MOVING = frozenset({"coming", "arriving", "reaching", "heading", "travelling", "traveling", "moving"})
R39_COUNT_HEADS = frozenset({"number", "numbers", "flow", "flows", "stream"})
R39_MOVERS = frozenset({"seekers", "asylum-seekers", "migrants", "refugees", "people", "travellers", "travelers",
                        "vehicles", "cars", "crossers"})  # "Crossings into Canada from the United States declined"


def _r39_check(doc: Doc, assertions: DocumentAssertions, trigger: Trigger, i: int, end: int) -> int | None:
    """A round-39 trigger's own condition; the trigger's end (moved past 'back' for "split_back"), or None."""
    W = doc_lowers(doc)
    n = len(W)
    if trigger.r39 == "size_next":  # "up 40%", "down 12 percent", "up by 3 times"
        j = end + (end < n and W[end] == "by")
        if j >= n or not W[j][:1].isdigit():
            return None
        return end if W[j].endswith("%") or j + 1 < n and W[j + 1] in R39_SIZE_WORDS else None
    if trigger.r39 == "size_before":  # "a 70% increase", "a 40 percent drop"
        j = i - 1
        if j > 0 and W[j] in R39_SIZE_WORDS:
            j -= 1
        return end if j >= 0 and W[j][:1].isdigit() and (W[j].endswith("%") or j < i - 1) else None
    if trigger.r39 == "split_back":  # "sent 250 Chileans back", "pushed the boats back"
        people = False
        for j in range(end, min(n, end + R39_BACK_WINDOW + 1)):
            if W[j] == "back":
                return j + 1 if people and j > end else None
            if _is_boundary(doc, j) or W[j] in {",", ".", "to", "from", "into"}:
                return None
            found = _entity(assertions, j)
            if W[j] in PEOPLE_PLURALS or W[j] in R39_BACK_OBJECTS or found and found[0] in {"Group", "Country"}:
                people = True
        return None
    if trigger.r39 == "wait":  # "waited for 9 hours", not "waited for a bus", "waiting on lists", "waiting for asylum"
        if end + 1 < n and W[end] in {"for", "on"} and not (
                W[end + 1][:1].isdigit() or W[end + 1] in R39_WAIT_FOR
                or W[end + 1] == "a" and end + 2 < n and W[end + 2] in {"day", "week", "night", "whole", "full"}):
            return None
        return end
    if trigger.r39 == "text_context":  # "since the call-up": a hyphenated cue is three tokens
        start, stop = doc_index(doc).sent_range(i) if doc_index(doc).has_sents else (doc[i].sent.start,
                                                                                       doc[i].sent.end)
        text = doc_text(doc)[doc[start].idx:doc[stop - 1].idx + len(doc[stop - 1])].lower()
        return end if any(cue in text for cue in trigger.context_text) else None
    return end


def _r39_crossing_subject(doc: Doc, words: _Words, trigger: Trigger, i: int, sent_start: int) -> bool:
    """A crossing noun heading the trigger's clause beyond the context window: "Crossings into Canada from the
    United States declined" (r39). Read back to a clause boundary or a comma."""
    W = doc_lowers(doc)
    for k in range(i - 1, max(sent_start, i - R39_SUBJECT_WINDOW) - 1, -1):
        if W[k] in {",", ";", ":"} or W[k] in R39_QUEUE_HEADS or _is_boundary(doc, k):
            return False  # "the wait to cross ... had fallen": the waiting time changes, not the crossings
        if W[k] in trigger.context_any or words.lemma(k) in trigger.context_any:
            return R39_QUEUE_HEADS.isdisjoint(W[max(sent_start, k - 3):k])  # "the wait to cross ... had fallen"
        if W[k] in R39_MOVING and k > sent_start and (W[k - 1] in PEOPLE_PLURALS or W[k - 1] in R39_MOVERS) \
                and not R39_COUNT_HEADS.isdisjoint(W[max(sent_start, k - 5):k - 1]):
            return True  # "the number of migrants coming to Chile via Peru has increased"
    return False


R39_SUPERLATIVES = frozenset({"highest", "lowest", "record", "all"})  # "reached their highest level": dated as a verb
R39_FUTURE_WORDS = frozenset({"next", "tomorrow", "coming", "upcoming"})
R39_NOT_BLOCKERS = frozenset({"authorities"})  # "the authority to deport" blocks; "Chilean authorities deported" not
R39_BASELINE_STARTS = ("last", "the previous", "previous", "the same")
R39_QUEUE_HEADS = frozenset({"wait", "waiting", "queue", "queues", "line", "lines"})
R39_EXPECTING = frozenset({"expect", "expects", "expected", "forecast", "forecasts", "predict", "predicts",
                           "predicted", "projected", "likely", "unlikely", "set", "due", "poised"})
R39_EXPECTING_WINDOW = 8  # "The government expects crossings into Chile to double"


def _r39_expected_to(W: list[str], i: int, sent_start: int) -> bool:
    """An infinitive trigger after a word of expecting: "expects crossings to double", "is set to call up" (r39)."""
    return i > sent_start and W[i - 1] == "to" and not R39_EXPECTING.isdisjoint(
        W[max(sent_start, i - R39_EXPECTING_WINDOW):i - 1])


def _r39_placeless(assertions: DocumentAssertions, place: tuple[str, str]) -> bool:
    """A place no country can be given for ("the Aegean", "the Channel"): no key of the event can match (r39)."""
    if place[0] != "Place":
        return False
    entity = assertions.entities.get(place)
    return not (entity and isinstance(entity.attributes.get("country"), str))


def _r39_future(event: Event) -> bool:
    """An event dated "next week", "tomorrow": planned or expected, not (yet) a happening (r39)."""
    return event.time is not None and not R39_FUTURE_WORDS.isdisjoint(event.time.text.lower().split())


def _r39_figurative(doc: Doc, trigger: Trigger, end: int, sent_end: int) -> bool:
    """'Shares sank 8%', 'the number of boats went down by 20%': a number right after a wreck verb is a
    falling figure, no wreck (r39)."""
    if trigger.event_type != "Shipwreck" or end >= sent_end:
        return False
    W = doc_lowers(doc)
    j = end + (W[end] == "by")
    return j < sent_end and W[j][:1].isdigit()


R39_CLAUSE_AGENT_VERBS = frozenset({"announced", "ordered", "declared", "launched", "began", "started",
                                   "carried", "conducted", "held", "staged", "organised", "organized"})
R39_COAST_GUARD_HEADS = frozenset({"coast", "coastguard", "navy", "maritime", "naval"})
R39_PRONOUNS = frozenset({"it", "its"})


def _place_r39(doc: Doc, assertions: DocumentAssertions, trigger: Trigger, span: Span, sent,
               agent: tuple[str, str] | None) -> tuple[str, str] | None:
    """The r39 fallbacks for an event still without a place."""
    kind = trigger.event_type
    if kind in {"DeportationEvent", "Mobilization"}:
        clause = _r39_clause_agent(doc, assertions, span, sent)  # "the call-up, which Chile announced, ..."
        if clause or not _r39_done(doc, span):
            return clause  # "ICE is set to deport families", "the deportation numbers": no happening to place
        if agent and agent[0] == "Organization":  # "Croatian police turned back 60 migrants"
            home = _home_country(assertions, agent)
            if home:
                return home
        return _r39_capital_agent(doc, assertions, span, sent) or _r39_pronoun_country(doc, assertions, span, sent)
    if kind == "Shipwreck":  # "went down in the Channel off Chile": the country, not the sea
        W = doc_lowers(doc)
        for j in range(span.end, sent.end):
            found = _entity(assertions, j)
            if found and found[0] == "Country" and W[j - 1] in {"off", "near", "of"}:
                return found
        return _r39_coast_guard_country(doc, assertions, sent)
    if kind == "BorderQueue":  # "the wait to cross into the country from Chile"
        W = doc_lowers(doc)
        best = None
        for j in range(sent.start + 1, sent.end):
            found = _entity(assertions, j)
            if found and found[0] in PLACE_KINDS and W[j - 1] in {"from", "into", "to"} and (
                    best is None or abs(j - span.start) < abs(best[0] - span.start)):
                best = (j, found)
        return best[1] if best else None
    return None


def _r39_capital_agent(doc: Doc, assertions: DocumentAssertions, span: Span, sent) -> tuple[str, str] | None:
    """A capital before the trigger standing for its state ("Lima began calling up reservists"), not after a
    preposition ("in Lima")."""
    from extractors.policies import capitals  # noqa: PLC0415 - the table policies use

    W = doc_lowers(doc)
    for j in range(span.start - 1, max(sent.start, span.start - AGENT_WINDOW) - 1, -1):
        if _is_boundary(doc, j):
            return None
        found = _entity(assertions, j)
        if not found or found[0] != "Place":
            continue
        k = j
        while k > sent.start and _entity(assertions, k - 1) == found:
            k -= 1
        if k > sent.start and (W[k - 1] in LOCATIVE or W[k - 1] in {"of", "for"}):
            return None
        entity = assertions.entities.get(found)
        country = entity.attributes.get("country") if entity else None
        if isinstance(country, str) and capitals().get(doc[k:j + 1].text) == country \
                and ("Country", country) in assertions.entities:
            return ("Country", country)
        return None
    return None


def _r39_clause_agent(doc: Doc, assertions: DocumentAssertions, span: Span, sent) -> tuple[str, str] | None:
    """'The call-up, which Chile announced on Sunday, ...': the country of a relative clause right after a
    nominal trigger that carries it out."""
    W = doc_lowers(doc)
    j = span.end + (span.end < sent.end and W[span.end] == ",")
    if j + 2 >= sent.end or W[j] not in {"which", "that"}:
        return None
    found = _entity(assertions, j + 1)
    if not found or found[0] != "Country":
        return None
    k = j + 1
    while k < sent.end and _entity(assertions, k) == found:
        k += 1
    return found if k < sent.end and W[k] in R39_CLAUSE_AGENT_VERBS else None


def _r39_pronoun_country(doc: Doc, assertions: DocumentAssertions, span: Span, sent) -> tuple[str, str] | None:
    """'Chile took a hard line. It deported 300 Peruvians on Friday': "it" right before a verb trigger is the state
    the sentence before names first (when this one names no country before the trigger)."""
    if span.start == 0 or doc_lowers(doc)[span.start - 1] != "it" or not _verbal(span):
        return None
    if any((f := _entity(assertions, j)) and f[0] == "Country" for j in range(sent.start, span.start)):
        return None
    return _r39_first_country_before(doc, assertions, sent)


def _r39_first_country_before(doc: Doc, assertions: DocumentAssertions, sent) -> tuple[str, str] | None:
    if sent.start == 0:
        return None
    start, _ = doc_index(doc).sent_range(sent.start - 1) if doc_index(doc).has_sents else (
        doc[sent.start - 1].sent.start, sent.start)
    for j in range(start, sent.start):
        found = _entity(assertions, j)
        if found and found[0] == "Country":
            return found
        if found and found[0] == "Organization":  # "Chile's government took a hard line. It deported ..."
            entity = assertions.entities.get(found)
            country = entity.attributes.get("country") if entity else None
            if isinstance(country, str) and ("Country", country) in assertions.entities:
                return ("Country", country)
    return None


def _r39_coast_guard_country(doc: Doc, assertions: DocumentAssertions, sent) -> tuple[str, str] | None:
    """A wreck at sea with no coast named: the country of the coast guard or navy that reports it ("Italy's
    coast guard said a boat capsized", "the Turkish coast guard said"; "its coast guard": the country the
    sentence before names)."""
    W = doc_lowers(doc)
    for j in range(sent.start, sent.end):
        if W[j] not in R39_COAST_GUARD_HEADS:
            continue
        if W[j] == "coast" and (j + 1 >= sent.end or W[j + 1] not in {"guard", "guards"}):
            continue
        found = _entity(assertions, j)
        if found and found[0] == "Organization":
            home = _home_country(assertions, found)
            entity = assertions.entities.get(found)
            country = entity.attributes.get("country") if entity else None
            if home:
                return home
            if isinstance(country, str) and ("Country", country) in assertions.entities:
                return ("Country", country)
        k = j - 1
        while k >= sent.start and W[k] in {"'s", "’s", "the"}:
            k -= 1
        found = _entity(assertions, k) if k >= sent.start else None
        if found and found[0] == "Country":
            return found
        if k >= sent.start and W[k] in R39_PRONOUNS:
            return _r39_first_country_before(doc, assertions, sent)
    return None


R39_REPORT_VERBS = frozenset({"said", "says", "told", "reported", "stated", "added", "announced"})


def _r39_not_reports(doc: Doc, times: list[TimeExpression]) -> list[TimeExpression]:
    """Without the date of a report ("..., officials said on Monday"): when it was said, not when it happened
    (r39; ``train/events/README.md``)."""
    if not times:
        return times
    text = doc_text(doc)
    out = []
    for t in times:
        before = text[max(0, t.start - 12):t.start].split()
        if before and before[-1].lower() in R39_REPORT_VERBS:
            continue
        out.append(t)
    return out


R39_DEATH_WORDS = frozenset({"died", "dead", "drowned", "killed", "perished", "missing", "bodies", "lost"})


def _r39_quantities(doc: Doc, trigger: Trigger, span: Span, sent, fitting: list[Quantity],
                    chosen: list[Quantity]) -> list[Quantity]:
    """A wreck's dead told in the clause before it ("Eleven people died after a boat went down", "15 were
    missing after a dinghy sank"); a change stated as "halved" or "fell by half" (50 percent) (r39)."""
    kind = trigger.event_type
    if kind == "Shipwreck" and not chosen and fitting:
        text = doc_text(doc)
        for q in fitting:
            if q.unit == "person" and q.end <= span.start_char and not R39_DEATH_WORDS.isdisjoint(
                    text[q.end:span.start_char].lower().split()):
                return [q]
        return chosen
    if kind == "BorderCrossingChange" and not any(q.is_change or q.unit in {"percent", "times"} for q in chosen):
        W = doc_lowers(doc)
        if W[span.start].startswith("halv") or W[span.end:span.end + 2] == ["by", "half"]:
            return [Quantity(text=span.text, start=span.start_char, end=span.end_char, value=50.0, unit="percent",
                             is_change=True)]
    return chosen


def _r39_deporting_side(doc: Doc, assertions: DocumentAssertions, trigger: Trigger, sent, agent,
                        place: tuple[str, str] | None) -> tuple[str, str] | None:
    """'Chilean authorities turned back boats carrying migrants from Peru': the people's origin after "from" is no
    end of the pushback when a state body of another country does it; its country is (r39)."""
    if trigger.event_type != "DeportationEvent" or not agent or agent[0] != "Organization" or not place \
            or place[0] != "Country":
        return place
    home = _home_country(assertions, agent)
    if home is None or home == place:
        return place
    W = doc_lowers(doc)
    for j in range(sent.start + 1, sent.end):
        if _entity(assertions, j) == place and _entity(assertions, j - 1) != place:
            return home if W[j - 1] == "from" else place
    return place


R39_PAST_FORMS = frozenset({"sent", "began", "begun"})


def _r39_done(doc: Doc, span: Span) -> bool:
    """Whether a trigger is a verb in the past ("deported", "turned back", "sent ... back", "began calling up"):
    a state body's or a capital's action placed by the r39 fallbacks must be told as done."""
    W = doc_lowers(doc)
    if any(W[k].endswith("ed") or W[k] in R39_PAST_FORMS for k in range(span.start, span.end)):
        return True
    return span.start > 0 and W[span.start - 1] in R39_PAST_FORMS | {"started"}  # "began calling up"
