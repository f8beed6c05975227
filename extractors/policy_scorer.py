"""Learned document-level scorer for policies (issue 3): (actor, type) pairs the rules miss.

The hand-written rules in ``extractors.policies`` are precise but find about a third of what annotators mark:
the wordings form a long tail. This scorer reads every (actor, type) pair whose actor — a state or organisation
the entity layer finds — shares a sentence with a cue word of that type, describes it with general features
(rule tiers' outputs, actor form and position, distance to the cue, negation, modals, demands, quotations,
how many sentences support it, whether the actor is the story's main state; never which country it is) and
scores it with a logistic model trained by ``train/policies.py``. Weights, feature names, cue lists and the
threshold are data (``data/policy_scorer.json``); the run-time score is a plain dot product.

Switch: "enabled" in the data file, overridden by MIGRAPH_POLICY_SCORER=0/1 (``scorer=`` per call of
``extract_policies``).
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from extractors.doccache import doc_lemmas, doc_lowers

if TYPE_CHECKING:
    from extractors.assertions import Policy
    from extractors.policies import Actor, Mention, _Context

DATA_FILE = Path(__file__).with_name("data") / "policy_scorer.json"
EXTRACTOR = "migraph.policy_scorer"  # the provenance of a learned pair: prov:wasAttributedTo in the graph
NEGATORS = {"not", "n't", "no", "never", "nor", "without", "neither", "refuse", "fail", "decline"}  # "refused to
# deport": the measure named after a refusal is not taken
REFUSALS = {"refuse", "fail", "decline"}  # as a cue only with an object: "refused entry", not "refused to fix it"
MODALS = {"would", "could", "might", "may", "should", "must", "can"}
FUTURE = {"will", "plan", "propose", "consider", "intend", "prepare", "seek", "threaten", "vow", "pledge"}
HYPOTHETICAL = {"if", "unless", "whether", "possibility", "prospect", "idea", "risk", "fear"}
CONDITIONAL = {"if", "unless", "whether"}
IRREALIS_MODALS = {"could", "might", "may", "should"}  # "would" only with a condition: "said it would" announces
DEMAND = {"urge", "call", "demand", "ask", "press", "pressure", "want", "appeal", "push", "insist", "request",
          "petition", "lobby"}
CRITICISM = {"accuse", "criticise", "criticize", "condemn", "blame", "slam", "denounce", "protest", "reject"}
ENDING = {"end", "lift", "scrap", "rescind", "revoke", "abolish", "repeal", "halt", "stop", "suspend", "cancel"}
REPORT = {"say", "tell", "announce", "report", "state", "confirm", "add", "write", "tweet"}
PEOPLE = {"migrant", "refugee", "asylum", "seeker", "immigrant", "people", "citizen", "national", "family",
          "child", "man", "woman", "worker", "student", "tourist", "traveler", "traveller", "resident", "alien",
          "foreigner", "reservist", "conscript", "deserter", "minor", "person"}
PUNCT_BREAK = {";", ":", "(", ")"}
LIST_JOINERS = {",", "and", "or"}  # an actor in a list of states is often the measure's target ("bans on A, B and C")
TARGET_PREPOSITIONS = {"on", "from", "against", "of", "for", "to", "into"}  # cue, preposition, then the actor:
# "restrictions on travellers from A" names whom the measure targets, not who takes it
SUBJECT_GAP = {"has", "have", "had", "will", "would", "is", "are", "was", "were", "be", "been", "also", "now",
               "already", "then", "later", "just", "recently", "again", "still", "formally", "officially",
               "quickly", "to", "began", "begun", "started", "decided", "agreed", "plans", "planned", "moved", "said",
               "says", "it", "they", "and"}


@cache
def model() -> dict:
    """The scorer's data file (weights, feature names, threshold, cue lemmas), read once per process."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    exclusions = data.get("cue_exclusions") or {}
    data["_exclusion_forms"] = frozenset(exclusions.get("forms", ()))
    data["_exclusion_next"] = {lemma: frozenset(words) for lemma, words in exclusions.get("next", {}).items()}
    data["_cue_types"] = {}
    for ptype, lemmas in sorted(data["cues"].items()):
        for lemma in lemmas:
            data["_cue_types"].setdefault(lemma, []).append(ptype)
    return data


def scorer_enabled() -> bool:
    """The scorer's switch: "enabled" in policy_scorer.json, overridden by MIGRAPH_POLICY_SCORER=0/1 (read at each
    call, so ``migraph build --rules-only`` takes effect in a process that has already extracted)."""
    env = os.environ.get("MIGRAPH_POLICY_SCORER", "").strip().lower()
    return bool(model().get("enabled", False)) if env == "" else env not in {"0", "false", "no", "off"}


@dataclass
class Candidate:
    """One (actor, type) pair of a document, its features and the best instance that supports it."""

    actor: Actor
    policy_type: str
    features: dict[str, float] = field(default_factory=dict)
    best: tuple[int, int, int, int] | None = None  # (actor start, actor end, cue start, cue end), tokens
    score: float = 0.0


@dataclass
class _Instance:
    """An actor mention and a cue of one type in one sentence."""

    sent: int
    m_start: int
    m_end: int
    cue: int
    form: str
    flags: dict[str, float]
    rank: tuple


def _actor_mentions(ctx: _Context) -> list[tuple[Mention, list[Actor], str]]:
    """Mentions that name a state or organisation, with their actors and form (country, demonym,
    organisation, person, reference)."""
    from extractors.policies import _expand_regions, _resolve_reference

    out = []
    for m in sorted(ctx.mentions, key=lambda x: x.start):
        if ctx.boilerplate[m.start]:
            continue
        if m.kind in {"actor", "demonym"} and m.actor:
            found = ctx.a.token_entities.get(m.start)
            if m.kind == "demonym":
                form = "demonym"
            elif m.actor[0] == "Region":
                form = "region"
            elif found and found[0] == "Person":
                form = "person"
            elif m.actor[0] == "Organization":
                form = "org"
            else:
                form = "country"
            actors = _expand_regions(ctx, [m.actor])
        elif m.kind in {"body", "title", "poss_ref"}:
            try:
                actors = _expand_regions(ctx, _resolve_reference(ctx, m))
            except (IndexError, KeyError):  # a reference with no context to read
                actors = []
            form = "reference"
        else:
            continue
        actors = [a for a in actors if a and a[0] in {"Country", "Organization"}]
        if actors:
            out.append((m, actors, form))
    return out


def _instance_flags(ctx: _Context, sent_start: int, sent_end: int, m: Mention, cue: int,
                    others: list[int], blockers: list[int]) -> tuple[dict[str, float], tuple]:
    """Features of one actor mention and cue in one sentence (``others``: where the sentence's other actors
    start; ``blockers``: where its non-state names start, "the Supreme Court", a lobby, a private person)."""
    doc = ctx.doc
    lowers, lemmas = doc_lowers(doc), doc_lemmas(doc)
    before = m.end <= cue
    gap = cue - m.end if before else m.start - cue
    lo, hi = (m.end, cue) if before else (cue + 1, m.start)
    between_low = set(lowers[lo:hi])
    near_before = set(lowers[max(sent_start, cue - 4):cue]) | set(lemmas[max(sent_start, cue - 4):cue])
    wide_before = set(lemmas[max(sent_start, cue - 10):cue]) | set(lowers[max(sent_start, cue - 10):cue])
    sent_lemmas = set(lemmas[sent_start:sent_end])
    flags: dict[str, float] = {}
    flags["before"] = float(before)
    flags["gap_le2"] = float(gap <= 2)
    flags["gap_le5"] = float(gap <= 5)
    flags["gap_le10"] = float(gap <= 10)
    flags["other_between"] = float(any(lo <= o < hi for o in others))
    flags["nearest_left"] = float(before and not any(m.end <= o < cue for o in others))
    flags["blocker_between"] = float(any(lo <= b < hi for b in blockers))
    flags["blocker_subject"] = float(any(cue - 6 <= b < cue and (not before or b >= m.end) for b in blockers))
    flags["comma_between"] = float("," in between_low)
    flags["break_between"] = float(not between_low.isdisjoint(PUNCT_BREAK))
    flags["prepositional"] = float(ctx.is_prepositional(m))
    flags["modifier"] = float(ctx.followed_by_modifier(m))
    flags["actor_in_list"] = float(any(0 < m.start - o <= 4 or 0 < o - m.end < 3 for o in others) and (
        (m.start > sent_start and lowers[m.start - 1] in LIST_JOINERS)
        or (m.end < sent_end and lowers[m.end] in LIST_JOINERS)))
    flags["target_prep"] = float(not before and not between_low.isdisjoint(TARGET_PREPOSITIONS))
    flags["by_agent"] = float(not before and m.start > 0 and lowers[m.start - 1] == "by")
    flags["possessor"] = float(before and m.end < len(doc) and lowers[m.end] in {"'s", "’s"} and gap <= 4)
    flags["negated"] = float(not near_before.isdisjoint(NEGATORS) or (before and not between_low.isdisjoint(NEGATORS)))
    flags["modal"] = float(not wide_before.isdisjoint(MODALS))
    flags["future"] = float(not wide_before.isdisjoint(FUTURE))
    flags["hypothetical"] = float(not sent_lemmas.isdisjoint(HYPOTHETICAL))
    flags["demand"] = float(not wide_before.isdisjoint(DEMAND))
    flags["criticism"] = float(not sent_lemmas.isdisjoint(CRITICISM))
    conditional = not set(lowers[sent_start:cue]).isdisjoint(CONDITIONAL)
    refusal_of_act = lemmas[cue] in REFUSALS and cue + 1 < sent_end and lowers[cue + 1] == "to"
    flags["irrealis"] = float(bool(flags["negated"] or flags["demand"] or conditional or doc[sent_end - 1].text == "?"
                                   or refusal_of_act
                                   or not wide_before.isdisjoint(IRREALIS_MODALS)
                                   or (conditional and "would" in wide_before)))
    flags["ending"] = float(not near_before.isdisjoint(ENDING))
    flags["reported"] = float(not sent_lemmas.isdisjoint(REPORT))
    flags["question"] = float(doc[sent_end - 1].text == "?")
    char = doc[cue].idx
    flags["in_quote"] = float(any(a <= char < b for a, b, _s in ctx.quotes))
    flags["people"] = float(not sent_lemmas.isdisjoint(PEOPLE) or not sent_lemmas.isdisjoint(
        ctx.sets["migrant_words"]))
    flags["headline"] = float(ctx.sent_of[cue] == 0)
    flags["subject_like"] = float(before and gap <= 4 and between_low <= SUBJECT_GAP)
    after = lemmas[cue + 1:min(sent_end, cue + 7)]
    flags["people_after"] = float(not set(after).isdisjoint(PEOPLE) or not set(after).isdisjoint(
        ctx.sets["migrant_words"]))
    flags["number"] = float(any(t.like_num for t in doc[sent_start:sent_end]))
    flags["cue_ed"] = float(lowers[cue].endswith("ed"))
    flags["cue_infinitive"] = float(cue > sent_start and lowers[cue - 1] == "to")
    flags["cue_determiner"] = float(cue > sent_start and lowers[cue - 1] in {"a", "an", "the", "its", "their"})
    clean = before and gap <= 6 and not flags["other_between"] and not flags["prepositional"] and not (
        flags["negated"] or flags["modal"] or flags["demand"] or flags["in_quote"] or flags["hypothetical"]
        or flags["break_between"] or flags["question"])
    flags["clean_subject"] = float(clean)
    rank = (not clean, not before or flags["prepositional"] > 0, gap)
    return flags, rank


def _everyday_sense(lemmas: list[str], lowers: list[str], i: int, end: int) -> bool:
    """Whether token ``i`` is a cue word in an everyday sense the data file lists (``cue_exclusions``): a form
    never used for a measure ("closer", "closest") or a lemma before one of its listed next words ("close ties",
    "pushed for", "held talks"); general news is full of them, and the model cannot tell them from the measure."""
    data = model()
    if lowers[i] in data["_exclusion_forms"]:
        return True
    nexts = data["_exclusion_next"].get(lemmas[i])
    if not nexts or i + 1 >= end:
        return False
    one = lowers[i + 1]
    return one in nexts or (i + 2 < end and f"{one} {lowers[i + 2]}" in nexts)


def candidates(ctx: _Context, policies: list[Policy], backoff_pairs: set[tuple[Actor, str]],
               triggers: list[tuple[str, int, int]] | None = None) -> list[Candidate]:
    """Every (actor, type) pair of the document with its features, sorted; the pairs of the rules' ``policies``
    (``backoff_pairs``: those the backoff tier gave) included. ``triggers``: the rules' trigger matches over the
    whole document when the caller has them (``find_triggers``), else found again."""
    rule_pairs = {((p.actor_kind, p.actor_key), p.policy_type) for p in policies}
    ruled_here: dict[tuple[int, str], set[Actor]] = {}  # (sentence, type) -> actors the rules gave there
    for p in policies:
        k = ctx.sent_of[ctx.doc.char_span(p.evidence.start, p.evidence.end, alignment_mode="expand").start]
        ruled_here.setdefault((k, p.policy_type), set()).add((p.actor_kind, p.actor_key))
    data = model()
    from extractors.policies import _acting_state, find_triggers, lexicon

    cue_types = data["_cue_types"]
    lemmas, lowers = doc_lemmas(ctx.doc), doc_lowers(ctx.doc)
    entries = lexicon()["_entries"]
    triggered: set[tuple[int, str]] = set()  # (sentence, type) where a rule or backoff pattern matched
    for entry_id, start, _end in find_triggers(ctx.doc, ctx.sents) if triggers is None else triggers:
        for ptype in (entries[entry_id].get("type"), entries[entry_id].get("negated")):
            if ptype:
                triggered.add((ctx.sent_of[start], ptype))
    acting = _acting_state(ctx)
    mentions = _actor_mentions(ctx)
    by_sent: dict[int, list[tuple[Mention, list[Actor], str]]] = {}
    for item in mentions:
        by_sent.setdefault(ctx.sent_of[item[0].start], []).append(item)
    instances: dict[tuple[Actor, str], list[_Instance]] = {}
    for k in sorted(by_sent):
        sent = ctx.sents[k]
        cues = [(i, t) for i in range(sent.start, sent.end) if not ctx.boilerplate[i] and not _everyday_sense(
                    lemmas, lowers, i, sent.end) for t in cue_types.get(lemmas[i], cue_types.get(lowers[i], ()))]
        if not cues:
            continue
        starts = [m.start for m, _a, _f in by_sent[k]]
        blockers = [x.start for x in ctx.mentions if sent.start <= x.start < sent.end and x.kind == "blocker"]
        for m, actors, form in by_sent[k]:
            others = [s for s in starts if s != m.start]
            for cue, ptype in cues:
                if m.start <= cue < m.end:
                    continue
                flags, rank = _instance_flags(ctx, sent.start, sent.end, m, cue, others, blockers)
                for actor in actors:
                    instances.setdefault((actor, ptype), []).append(
                        _Instance(k, m.start, m.end, cue, form, flags, rank))
    counts: dict[Actor, int] = {}
    for _m, actors, _form in mentions:
        for actor in actors:
            counts[actor] = counts.get(actor, 0) + 1
    total = sum(counts.values()) or 1
    countries = sorted((a for a in counts if a[0] == "Country"), key=lambda a: (-counts[a], a))
    main = countries[0] if countries else None
    per_type: dict[str, dict[Actor, int]] = {}
    for (actor, ptype), found in instances.items():
        if any(not x.flags["irrealis"] for x in found):
            per_type.setdefault(ptype, {})[actor] = len({x.sent for x in found if not x.flags["irrealis"]})
    rule_actors = {a for a, _t in rule_pairs}
    rule_types = {t for _a, t in rule_pairs}
    out = []
    for actor, ptype in sorted(set(instances) | rule_pairs | backoff_pairs):
        stated = instances.get((actor, ptype), [])
        found = [x for x in stated if not x.flags["irrealis"]]  # a pair only negated, demanded, conditional, in
        # a question or under "could"/"should" is no stated measure: the scorer reads only stated instances
        f: dict[str, float] = {"bias": 1.0, f"type={ptype}": 1.0}
        f["share_irrealis"] = 1.0 - len(found) / len(stated) if stated else 0.0
        f["rule"] = float((actor, ptype) in rule_pairs and (actor, ptype) not in backoff_pairs)
        f["backoff"] = float((actor, ptype) in backoff_pairs)
        f["actor_has_rule"] = float(actor in rule_actors)
        f["type_has_rule"] = float(ptype in rule_types)
        f["main_state"] = float(actor == main)
        f["acting_state"] = float(actor == acting)
        f["actor_share"] = counts.get(actor, 0) / total
        f["actor_log_mentions"] = math.log1p(counts.get(actor, 0))
        f["organization"] = float(actor[0] == "Organization")
        f["no_instance"] = float(not found)
        best = None
        rivals = per_type.get(ptype, {})
        f["log_type_actors"] = math.log1p(len(rivals))
        f["top_for_type"] = float(bool(found) and len({x.sent for x in found}) >= max(rivals.values(), default=0))
        if found:
            sents = {x.sent for x in found}
            f["log_sentences"] = math.log1p(len(sents))
            f["log_instances"] = math.log1p(len(found))
            f["clean_sentences"] = math.log1p(len({x.sent for x in found if x.flags["clean_subject"]}))
            best = min(found, key=lambda x: (x.rank, x.sent, x.cue, x.m_start))
            for name, value in sorted(best.flags.items()):
                f[f"best_{name}"] = value
            f[f"form={best.form}"] = 1.0
            f[f"cue={ptype}:{lemmas[best.cue] if lemmas[best.cue] in cue_types else lowers[best.cue]}"] = 1.0
            f["best_triggered"] = float((best.sent, ptype) in triggered)
            f["any_triggered"] = float(any((x.sent, ptype) in triggered for x in found))
            f["any_subject_like"] = float(any(x.flags["subject_like"] and not x.flags["negated"] for x in found))
            f["best_ruled_other"] = float(bool(ruled_here.get((best.sent, ptype), set()) - {actor}))
            f["share_ruled_other"] = sum(bool(ruled_here.get((x.sent, ptype), set()) - {actor})
                                         for x in found) / len(found)
            f["share_negated"] = sum(x.flags["negated"] for x in found) / len(found)
            f["share_quote"] = sum(x.flags["in_quote"] for x in found) / len(found)
            f["any_headline"] = float(any(x.flags["headline"] for x in found))
            f.update(_lexical(ctx, best))
            best_pos = (best.m_start, best.m_end, best.cue, best.cue + 1)
        else:
            best_pos = None
        out.append(Candidate(actor=actor, policy_type=ptype, features=f, best=best_pos))
    return out


LEXICAL_BETWEEN = 8  # words between actor and cue read one by one when the gap is no longer
LEXICAL_AFTER = 4  # words after the cue: the measure's object ("entry to", "the border with", "asylum seekers")


def _lexical(ctx: _Context, best: _Instance) -> dict[str, float]:
    """The words around the best instance as features: lemmas between actor and cue, just before the cue and just
    after it. They let the model learn the wordings that state a measure ("has begun to", "will no longer") and
    those that only mention one, which the flags above miss; the model keeps only those frequent in training."""
    lemmas = doc_lemmas(ctx.doc)
    sent = ctx.sents[best.sent]

    def word(i: int) -> str | None:
        token = ctx.doc[i]
        if token.is_punct or token.is_space or not token.text[:1].islower() and not token.like_num:
            return None  # capitalised words are mostly names (states, people, places): the model learns wording
        return "#" if token.like_num else lemmas[i].lower()

    out: dict[str, float] = {}
    lo, hi = (best.m_end, best.cue) if best.m_end <= best.cue else (best.cue + 1, best.m_start)
    if hi - lo <= LEXICAL_BETWEEN:
        for i in range(lo, hi):
            if (w := word(i)) is not None:
                out[f"lex_between={w}"] = 1.0
    for i in range(max(sent.start, best.cue - 2), best.cue):
        if (w := word(i)) is not None:
            out[f"lex_before={w}"] = 1.0
    for i in range(best.cue + 1, min(sent.end, best.cue + 1 + LEXICAL_AFTER)):
        if (w := word(i)) is not None:
            out[f"lex_after={w}"] = 1.0
    return out


def score(features: dict[str, float]) -> float:
    """The model's probability for one candidate: logistic of the dot product with the stored weights."""
    data = model()
    weights = data["weights"]
    z = data.get("intercept", 0.0) + sum(weights.get(name, 0.0) * value for name, value in sorted(features.items()))
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def document_passes(text: str, density: float | None = None) -> bool:
    """Whether the scorer reads a document: at least ``min_words`` words and ``min_topic_density`` migration word
    parts per 100 words (the data file's gates). Trained and judged on migration stories, it would pair the states
    and cue words of a politics or crime story that names a border or a visa in passing, as the flow scorer did;
    its document-level features (main state, shares of mentions) also need a real article, not a sentence."""
    from extractors.topic import migration_density

    data = model()
    if len(text.split()) < int(data.get("min_words", 0)):
        return False
    if not data.get("min_topic_density"):
        return True
    return (migration_density(text) if density is None else density) >= float(data["min_topic_density"])


def full_context(doc, assertions) -> _Context:
    """A policy context with every mention of the document (the scorer reads all sentences)."""
    from extractors.doccache import doc_sentences
    from extractors.policies import _Context

    return _Context(doc, assertions, None, doc_sentences(doc))


def added_policies(doc, assertions, policies: list[Policy], backoff_pairs: set[tuple[Actor, str]],
                   triggers: list[tuple[str, int, int]] | None = None) -> list[Policy]:
    """Policies for the pairs the rules did not give whose score reaches the threshold, in text order, each
    with the best-supporting sentence as evidence and its score as ``confidence``."""
    from extractors.assertions import Policy as PolicyRecord
    from extractors.doccache import doc_text
    from extractors.entities import evidence_for
    from extractors.policies import _ensure_entity, _status, _target_nationality, find_target
    from extractors.topic import doc_migration_density

    data = model()
    threshold = float(data["threshold"])
    if not document_passes(doc_text(doc), doc_migration_density(doc)):
        return []
    ctx = full_context(doc, assertions)
    rule_pairs = {((p.actor_kind, p.actor_key), p.policy_type) for p in policies}
    added = []
    for cand in candidates(ctx, policies, backoff_pairs, triggers):
        if (cand.actor, cand.policy_type) in rule_pairs or cand.best is None:
            continue
        cand.score = score(cand.features)
        if cand.score < threshold:
            continue
        m_start, m_end, cue, cue_end = cand.best
        sent = ctx.sents[ctx.sent_of[cue]]
        target = find_target(ctx, cue, cue_end, None)
        t_text = t_key = t_nat = None
        if target is not None:
            t_text = doc[target[0]:target[1]].text
            t_nat = _target_nationality(ctx, *target)
            group = ctx.groups.get(target[0])
            t_key = group[1] if group is not None else None
        evidence = evidence_for(doc, sent.start_char, sent.end_char, EXTRACTOR)
        actor_end = m_end if m_end <= cue else None
        _ensure_entity(ctx, cand.actor, m_start, m_end)
        added.append((cue, PolicyRecord(
            actor_kind=cand.actor[0], actor_key=cand.actor[1], policy_type=cand.policy_type, evidence=evidence,
            status=_status(ctx, sent, cue, actor_end), target=t_text, target_key=t_key, target_nationality=t_nat,
            trigger=doc[cue:cue_end].text, quantities=list(assertions.quantities_between(
                sent.start_char, sent.end_char)), confidence=round(cand.score, 3))))
    return [p for _c, p in sorted(added, key=lambda x: (x[0], x[1].actor_key, x[1].policy_type))]
