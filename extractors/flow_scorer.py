"""A learned second tier for flows: scores (origin, destination) pairs the rules did not state.

Why: the hand-written rules of ``extractors/flows.py`` are precise but miss the long tail of wordings
annotators mark as flows ("Xian refugees in Y", "migrants coming through X", a group's nationality with
the story's country). This tier proposes candidate pairs from the same sentence reading the rules use
(country mentions with their roles, movement words) and scores each with a logistic regression trained by
``train/flows.py`` on annotated documents. Features are general and aggregate (roles, prepositions, cue
classes, distances, hedges, how the document's other flows look); none names a country or a phrase.

Run time is a dot product: the weights, feature names and threshold live in ``data/flow_scorer.json``.
The tier is switched by ``enabled`` there, by ``MIGRAPH_FLOW_SCORER=0/1`` or by ``extract_flows(scorer=...)``.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from extractors.doccache import doc_lemmas, doc_lowers, doc_text
from extractors.gazetteer import load_json
from extractors.topic import doc_migration_density

if TYPE_CHECKING:  # flows imports this module lazily; the types only
    from spacy.tokens import Doc

    from extractors.assertions import DocumentAssertions, Flow
    from extractors.flows import _Builder, _Mention, _Sentence

EXTRACTOR = "migraph.flow_scorer"  # the provenance of a learned pair: prov:wasAttributedTo in the graph
PREP_WINDOW = 3  # tokens before a mention searched for the preposition that links it
SKIPPABLE = {"the", "a", "an", "its", "their", "neighbouring", "neighboring", "nearby", "southern", "northern",
             "eastern", "western", "central", "war-torn", "mainland"}


@dataclass(frozen=True)
class _Config:
    enabled: bool
    threshold: float
    bias: float
    weights: dict[str, float]
    cues: dict[str, frozenset[str]]  # cue class -> lemmas / lower-case forms
    preps: frozenset[str]
    hedges: frozenset[str]
    negations: frozenset[str]
    min_density: float  # topic word parts per 100 words a document needs before the scorer reads it
    min_words: int  # words a document needs: its document-level features (main country, shares) read articles


@lru_cache(maxsize=1)
def _config() -> _Config:
    data = load_json("flow_scorer.json")
    return _Config(
        enabled=bool(data.get("enabled", True)),
        threshold=float(data.get("threshold", 1.0)),
        bias=float(data.get("bias", 0.0)),
        weights={k: float(v) for k, v in data.get("weights", {}).items()},
        cues={k: frozenset(v) for k, v in data["cues"].items()},
        preps=frozenset(data["prepositions"]),
        hedges=frozenset(data["hedges"]),
        negations=frozenset(data["negations"]),
        min_density=float(data.get("min_topic_density", 0.0)),
        min_words=int(data.get("min_words", 0)),
    )


def enabled(switch: bool | None = None) -> bool:
    """The scorer switch: an explicit argument, else MIGRAPH_FLOW_SCORER=0/1, else ``enabled`` of the JSON."""
    if switch is not None:
        return switch
    env = os.environ.get("MIGRAPH_FLOW_SCORER")
    if env in {"0", "1"}:
        return env == "1"
    return _config().enabled


@dataclass
class Support:
    """One sentence supporting a candidate pair: its features and the tokens to cite."""

    sentence: int  # index into the sentence list
    features: dict[str, float]
    tokens: list[int]
    trigger: int | None


@dataclass
class Candidate:
    """An (origin, destination) pair with its supporting sentences and document-level features."""

    origin: str
    destination: str
    support: list[Support] = field(default_factory=list)
    doc_features: dict[str, float] = field(default_factory=dict)

    def features(self) -> dict[str, float]:
        """Pair features: any supporting sentence has f (``any:``), every one has it (``all:``), counts."""
        out = dict(self.doc_features)
        keys = sorted({k for s in self.support for k in s.features})
        for k in keys:
            values = [s.features.get(k, 0.0) for s in self.support]
            out["any:" + k] = max(values)
            if k.startswith(("hedge", "neg", "quote", "military", "deport_word", "region")):
                out["all:" + k] = min(values)
        n = len(self.support)
        out["support=1"] = float(n == 1)
        out["support=2-3"] = float(2 <= n <= 3)
        out["support>3"] = float(n > 3)
        out["log_support"] = math.log1p(n)
        return out


def _prep_before(W: list[str], start: int, sent_start: int, preps: frozenset[str]) -> str:
    """The preposition just before a mention ("from", "into", "across the border with"), or "none"."""
    k = start - 1
    steps = 0
    while k >= sent_start and steps < PREP_WINDOW:
        w = W[k]
        if w in preps:
            if w == "with" and k - 2 >= sent_start and W[k - 1] == "border":
                return "border_with"
            return w
        if w not in SKIPPABLE:
            return "none"
        k -= 1
        steps += 1
    return "none"


def _cue_classes(W: list[str], L: list[str], start: int, end: int, cues: dict[str, frozenset[str]]) -> set[str]:
    found = set()
    for i in range(start, end):
        for name, words in cues.items():
            if W[i] in words or L[i] in words:
                found.add(name)
    return found


def _bucket(d: int) -> str:
    return "dist<=3" if d <= 3 else "dist<=8" if d <= 8 else "dist<=15" if d <= 15 else "dist>15"


def _mention_features(prefix: str, m: _Mention, W: list[str], sent_start: int, cfg: _Config) -> dict[str, float]:
    return {f"{prefix}_role={m.role or 'none'}": 1.0, f"{prefix}_kind={m.kind}": 1.0,
            f"{prefix}_prep={_prep_before(W, m.start, sent_start, cfg.preps)}": 1.0}


def _sentence_context(doc: Doc, s: _Sentence, quotes: list[tuple[int, int]], cfg: _Config,
                      index: int) -> dict[str, float]:
    """Features of the sentence as a whole: cue classes, movement-word kinds, hedges, quotation, position."""
    W, L = doc_lowers(doc), doc_lemmas(doc)
    start, end = s.span.start, s.span.end
    f: dict[str, float] = {}
    for c in _cue_classes(W, L, start, end, cfg.cues):
        f["cue=" + c] = 1.0
    for kind in set(s.triggers.values()):
        f["trig=" + kind] = 1.0
    if not s.triggers:
        f["no_trigger"] = 1.0
    words = set(W[start:end]) | set(L[start:end])
    if not cfg.hedges.isdisjoint(words):
        f["hedge"] = 1.0
    if not cfg.negations.isdisjoint(words):
        f["neg"] = 1.0
    sc, ec = s.span.start_char, s.span.end_char
    if any(qs < ec and sc < qe for qs, qe in quotes):
        f["quote"] = 1.0
    if s.military:
        f["military"] = 1.0
    if s.deport:
        f["deport_word"] = 1.0
    if s.region_origin:
        f["region_origin"] = 1.0
    if s.has_group:
        f["has_group"] = 1.0
    n = len({m.iso for m in s.mentions})
    f["countries=" + ("1" if n <= 1 else "2" if n == 2 else "3" if n == 3 else "4+")] = 1.0
    if index < 2:
        f["lead"] = 1.0
    return f


def _pair_features(doc: Doc, s: _Sentence, ma: _Mention, mb: _Mention, base: dict[str, float],
                   cfg: _Config) -> dict[str, float]:
    W = doc_lowers(doc)
    f = dict(base)
    f.update(_mention_features("o", ma, W, s.span.start, cfg))
    f.update(_mention_features("d", mb, W, s.span.start, cfg))
    f["o_first" if ma.start < mb.start else "d_first"] = 1.0
    # conjunctions a linear model cannot form itself: the two roles together, the two prepositions together
    f[f"roles={ma.role or 'none'}>{mb.role or 'none'}"] = 1.0
    pa, pb = _prep_before(W, ma.start, s.span.start, cfg.preps), _prep_before(W, mb.start, s.span.start, cfg.preps)
    f[f"preps={pa}>{pb}"] = 1.0
    if ma.role in {"NAT", "SRC"} or ma.kind == "demonym":
        f["o_originish"] = 1.0
        if mb.role in {"DST", "REFIN", "LOC"}:
            f["originish>placed"] = 1.0
    gap = mb.start - ma.end if ma.start < mb.start else ma.start - mb.end
    f[_bucket(max(gap, 0))] = 1.0
    lo, hi = min(ma.start, mb.start), max(ma.end, mb.end)
    if any(lo <= t < hi for t in s.triggers):
        f["trig_between"] = 1.0
    if any(t < lo for t in s.triggers):
        f["trig_before"] = 1.0
    if ma.start < mb.start and any(w in {"and", "or", ","} for w in W[ma.end:mb.start]) and gap <= 2:
        f["listed_together"] = 1.0
    return f


def _closest(ms_a: list[_Mention], ms_b: list[_Mention]) -> tuple[_Mention, _Mention]:
    best = min(((abs(a.start - b.start), a.start, b.start, a, b) for a in ms_a for b in ms_b),
               key=lambda t: t[:3])
    return best[3], best[4]


def candidates(doc: Doc, assertions: DocumentAssertions, sentences: list[_Sentence], main: str | None,
               rule_flows: list[Flow], include_stated: bool = False) -> list[Candidate]:
    """Pairs the rules did not state: countries sharing a sentence with a movement cue, and a lone
    nationality or destination paired with the document's main country or main origin.

    ``include_stated`` also returns the rules' own pairs (feature ``stated``): training sees what the
    flows the rules find look like, not only the few the rules miss."""
    cfg = _config()
    W, L = doc_lowers(doc), doc_lemmas(doc)
    stated = {(f.origin, f.destination) for f in rule_flows}
    rule_dst = Counter(f.destination for f in rule_flows)
    rule_org = Counter(f.origin for f in rule_flows)
    counts = Counter({key: len(ent.mentions) for (kind, key), ent in assertions.entities.items()
                      if kind == "Country" and ent.mentions})
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top = ranked[0][0] if ranked else None
    top_clear = bool(ranked) and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
    quotes = sorted((q.evidence.start, q.evidence.end) for q in assertions.quotations)
    found: dict[tuple[str, str], Candidate] = {}

    def add(o: str, d: str, sup: Support) -> None:
        if o == d or (o, d) in stated and not include_stated:
            return
        cand = found.get((o, d))
        if cand is None:
            cand = found[(o, d)] = Candidate(o, d)
        cand.support.append(sup)

    for index, s in enumerate(sentences):
        if not s.mentions:
            continue
        cued = bool(s.triggers) or s.has_group or bool(_cue_classes(W, L, s.span.start, s.span.end, cfg.cues))
        if not cued:
            continue
        base = _sentence_context(doc, s, quotes, cfg, index)
        by_iso: dict[str, list[_Mention]] = {}
        for m in s.mentions:
            by_iso.setdefault(m.iso, []).append(m)
        isos = sorted(by_iso)
        trigger = min(s.triggers) if s.triggers else None
        for a in isos:
            for c in isos:
                if a == c:
                    continue
                ma, mb = _closest(by_iso[a], by_iso[c])
                f = _pair_features(doc, s, ma, mb, base, cfg)
                add(a, c, Support(index, f, [ma.start, mb.start], trigger))
        if len(isos) == 1:
            (iso,) = isos
            m = by_iso[iso][0]
            single = dict(base)
            single.update(_mention_features("x", m, W, s.span.start, cfg))
            if top and top_clear and top != iso and (m.kind == "demonym" or m.role in {"NAT", "SRC"}):
                f = dict(single)
                f["lone_origin_to_top"] = 1.0
                add(iso, top, Support(index, f, [m.start], trigger))
            if main and main != iso and m.kind != "demonym":
                f = dict(single)
                f["main_origin_to_lone"] = 1.0
                add(main, iso, Support(index, f, [m.start], trigger))
    roles: dict[str, Counter[str]] = {}
    for s in sentences:
        for m in s.mentions:
            roles.setdefault(m.iso, Counter())[m.role or "none"] += 1
    rank = {iso: k for k, (iso, _) in enumerate(ranked)}
    if include_stated:
        for pair in sorted(stated):
            if None not in pair and pair[0] != pair[1] and pair not in found:
                found[pair] = Candidate(*pair)
    out = []
    for (o, d) in sorted(found):
        cand = found[(o, d)]
        df: dict[str, float] = {"bias_pair": 1.0}
        if (o, d) in stated:
            df["stated"] = 1.0
        df["d_is_top"] = float(d == top)
        df["o_is_top"] = float(o == top)
        df["o_is_main"] = float(o == main)
        df["d_is_main"] = float(d == main)
        df["d_rule_dst"] = float(rule_dst[d] > 0)
        df["o_rule_org"] = float(rule_org[o] > 0)
        df["d_rule_org"] = float(rule_org[d] > 0)
        df["o_rule_dst"] = float(rule_dst[o] > 0)
        df["reverse_stated"] = float((d, o) in stated)
        df["no_rule_flows"] = float(not rule_flows)
        share = counts[d] / max(sum(counts.values()), 1)
        df["d_share"] = share
        df["o_share"] = counts[o] / max(sum(counts.values()), 1)
        for who, iso in (("o", o), ("d", d)):
            for role, n in sorted(roles.get(iso, Counter()).items()):
                df[f"{who}_doc_role={role}"] = math.log1p(n)
            r = rank.get(iso)
            df[f"{who}_rank=" + ("1" if r == 0 else "2" if r == 1 else "3+" if r is not None else "none")] = 1.0
        o_roles, d_roles = roles.get(o, Counter()), roles.get(d, Counter())
        o_origin = o_roles["NAT"] + o_roles["SRC"]
        d_dest = d_roles["DST"] + d_roles["REFIN"] + d_roles["LOC"]
        df["o_doc_originish"] = float(o_origin >= 2)
        df["d_doc_destish"] = float(d_dest >= 2)
        df["doc_originish>destish"] = float(o_origin >= 1 and d_dest >= 1)
        df["o_more_origin_than_d"] = float(o_origin > d_roles["NAT"] + d_roles["SRC"])
        cand.doc_features = df
        out.append(cand)
    return out


def score(features: dict[str, float], cfg: _Config | None = None) -> float:
    """The model's log-odds for a feature dict (unknown features weigh nothing)."""
    cfg = cfg or _config()
    w = cfg.weights
    return cfg.bias + sum(v * w.get(k, 0.0) for k, v in sorted(features.items()))


def _best_support(cand: Candidate, cfg: _Config) -> Support:
    """The sentence whose own features weigh most (earliest on ties): the flow's evidence."""
    def own(sup: Support) -> float:
        return sum(v * cfg.weights.get("any:" + k, 0.0) for k, v in sorted(sup.features.items()))
    return max(cand.support, key=lambda sup: (own(sup), -sup.sentence))


def add_scored_flows(b: _Builder, sentences: list[_Sentence], main: str | None) -> int:
    """Add the candidate pairs scoring above the threshold as flows (normal path: sentence, group, time,
    counts); returns how many were added."""
    cfg = _config()
    # Trained and judged on migration stories only: in a general story that names a border or a visa in passing
    # (under ~1 topic word per 100), it paired the countries of politics, trade and crime (r36: 23 of 36 pairs it
    # added to 200 corpus articles, all wrong, against 1 right pair of 22 on the judged migration documents)
    text = doc_text(b.doc)
    if len(text.split()) < cfg.min_words or (cfg.min_density and doc_migration_density(b.doc) < cfg.min_density):
        return 0
    cands = candidates(b.doc, b.assertions, sentences, main, b.flows)
    added = 0
    for cand in cands:
        if all(sup.features.get("neg") or sup.features.get("hedge") for sup in cand.support):
            continue  # stated only negated or hedged ("did not cross into", "might move to"): no flow, as the rules
        features = cand.features()
        value = score(features, cfg)
        if value < cfg.threshold:
            continue
        sup = _best_support(cand, cfg)
        before = len(b.flows)
        b.add(sentences[sup.sentence].span, cand.origin, cand.destination, sup.tokens, trigger=sup.trigger)
        if len(b.flows) > before:
            flow = b.flows[-1]
            flow.confidence = round(1.0 / (1.0 + math.exp(-value)), 3)
            # the graph tells a learned pair from a rule's: prov:wasAttributedTo the scorer, with mig:confidence
            flow.evidence = replace(flow.evidence, extractor=EXTRACTOR)
            added += 1
    return added


__all__ = ["Candidate", "add_scored_flows", "candidates", "enabled", "score"]
