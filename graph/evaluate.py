"""Score extracted annotations against gold annotations.

Implements the rules in the eval GUIDELINES ("How answers are scored against gold"): every
document is scored separately, then counts are summed (micro-averaged) over documents.
Both sides use the gold JSON format (keys "quotes", "persons", "countries", "policies",
"flows"; a missing key means an empty list). The module is pure: no I/O except
``load_gold_dir`` and the bundled alias table ``graph/data/country_aliases.json``.

Choices the guidelines leave open (kept explicit so the numbers are reproducible):

- Quotes are paired greedily by descending word overlap (ties: gold order, then prediction
  order), so the result does not depend on dict/set ordering.
- An unnamed gold speaker (``speaker: null``) matches only an unnamed predicted speaker;
  ``speaker_description`` is not scored. Such quotes count for "quote_speaker" but not for
  "speaker_accuracy", which by definition covers named gold speakers only.
- Speaker aliases come from the gold "persons" and, when present, gold "organizations".
- Predicted persons marked ``byline: true`` are ignored, like gold bylines; a predicted person
  that matches only a gold byline person is ignored too (neither tp nor fp).
- Persons are paired by maximum bipartite matching, so an unlucky order of predictions cannot
  cost a true positive; each gold person absorbs at most one prediction.
- Country names resolve to ISO alpha-2 codes via the alias table, then pycountry's exact
  lookup, then a unique word-subset match against pycountry names ("Brunei" -> "Brunei
  Darussalam"). pycountry's fuzzy search is not used: it also matches subdivisions
  ("Georgia" -> US, "Kosovo" -> RS). Unresolved names are kept as their folded text.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

QUOTE_OVERLAP_THRESHOLD = 0.6

METRICS = ("quotes", "quote_speaker", "persons", "countries", "policies", "flows")
ACCURACY_METRICS = ("speaker_accuracy",)
# Scored only for gold documents that have an "events" list (see _score_events).
EVENT_METRICS = ("events",)
EVENT_ACCURACY_METRICS = ("event_dates", "event_quantities", "event_distinct")

ALIAS_FILE = Path(__file__).parent / "data" / "country_aliases.json"

# Apostrophe-like characters are deleted (so "don't" and "don’t" both become "dont");
# every other punctuation character becomes a space (so "Jean-Pierre" ~ "Jean Pierre").
_APOSTROPHES = frozenset("'’‘ʼ`´′")


# --------------------------------------------------------------------------- counts


@dataclass(frozen=True)
class Counts:
    """True/false positives and false negatives; summing them gives micro-averages."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        """Number of gold items, reported because P/R/F1 are 0.0 when nothing is there."""
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        if not isinstance(other, Counts):
            return NotImplemented
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "support": self.support,
            "predicted": self.predicted,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class Accuracy:
    """Correct out of total; used for speaker accuracy, which has no false positives."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __add__(self, other: Accuracy) -> Accuracy:
        if not isinstance(other, Accuracy):
            return NotImplemented
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def to_dict(self) -> dict[str, float | int]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy}


Score = Counts | Accuracy


# --------------------------------------------------------------------------- folding


def fold(text: str | None) -> str:
    """Case-, accent-, punctuation- and whitespace-insensitive form of a string.

    Both sides of every comparison go through this, so annotators' typographic choices
    (curly vs straight quotes, dashes, diacritics) never decide a match.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    chars: list[str] = []
    for ch in decomposed:
        if unicodedata.combining(ch):
            continue
        if ch in _APOSTROPHES:
            continue
        if unicodedata.category(ch).startswith("P"):
            chars.append(" ")
        else:
            chars.append(ch)
    return " ".join("".join(chars).casefold().split())


def words(text: str | None) -> list[str]:
    """Folded words of a text (the unit of quote overlap)."""
    return fold(text).split()


def word_overlap(a: str | None, b: str | None) -> float:
    """Shared words (multiset) divided by the word count of the longer text.

    Dividing by the longer side means a short fragment cannot match a long quote just
    because all its words occur in it.
    """
    wa, wb = Counter(words(a)), Counter(words(b))
    longest = max(sum(wa.values()), sum(wb.values()))
    if not longest:
        return 0.0
    return sum((wa & wb).values()) / longest


def _strip_article(folded: str) -> str:
    return folded[4:] if folded.startswith("the ") else folded


# --------------------------------------------------------------------------- aliases


@lru_cache(maxsize=1)
def _alias_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(folded country alias -> ISO code, folded organisation alias -> canonical key)."""
    try:
        data = json.loads(ALIAS_FILE.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{ALIAS_FILE}: malformed JSON: {exc}") from exc
    countries = {
        _strip_article(fold(name)): code.upper() for name, code in data["countries"].items()
    }
    orgs: dict[str, str] = {}
    for canonical, aliases in data["organisations"].items():
        key = "org:" + fold(canonical)
        for name in (canonical, *aliases):
            orgs[_strip_article(fold(name))] = key
    return countries, orgs


@lru_cache(maxsize=1)
def _pycountry_names() -> tuple[tuple[str, tuple[frozenset[str], ...]], ...]:
    """(alpha_2, word sets of its names) for every country, for the word-subset fallback."""
    rows = []
    for country in pycountry.countries:
        names = {getattr(country, attr, None) for attr in ("name", "common_name", "official_name")}
        word_sets = tuple(frozenset(fold(n).split()) for n in sorted(n for n in names if n))
        rows.append((country.alpha_2, word_sets))
    return tuple(rows)


@lru_cache(maxsize=4096)
def country_code(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code for a country name, or None when it is not a known country."""
    if not name or not name.strip():
        return None
    key = _strip_article(fold(name))
    if not key:
        return None
    countries, _ = _alias_tables()
    if key in countries:
        return countries[key]
    for candidate in (name.strip(), key):
        try:
            return pycountry.countries.lookup(candidate).alpha_2
        except LookupError:
            pass
    query = frozenset(key.split())
    hits = {code for code, sets in _pycountry_names() if any(query <= s for s in sets)}
    return hits.pop() if len(hits) == 1 else None


def country_key(name: str | None) -> str:
    """Comparison key for a country: its ISO code, else its folded name (so two identical
    unknown names still match each other)."""
    code = country_code(name)
    if code:
        return code
    return _strip_article(fold(name))


def actor_key(name: str | None) -> str:
    """Comparison key for a policy actor: an organisation's canonical key ("EU" and
    "European Union" alike), else the country's ISO code, else the folded name."""
    _, orgs = _alias_tables()
    folded = _strip_article(fold(name))
    if folded in orgs:
        return orgs[folded]
    return country_key(name)


# --------------------------------------------------------------------------- helpers


def _items(doc: Mapping[str, Any], key: str) -> list[Any]:
    value = doc.get(key) if doc else None
    return list(value) if value else []


def _name_of(item: Any) -> str | None:
    """Countries are strings in the gold format; accept {"name": ...} too."""
    if isinstance(item, Mapping):
        return item.get("name")
    return item if isinstance(item, str) else None


def _set_counts(predicted: Iterable[Any], gold: Iterable[Any]) -> Counts:
    p, g = set(predicted), set(gold)
    return Counts(tp=len(p & g), fp=len(p - g), fn=len(g - p))


def _person_keys(person: Mapping[str, Any]) -> set[str]:
    names = [person.get("name"), *(person.get("aliases") or [])]
    return {fold(n) for n in names if isinstance(n, str) and fold(n)}


def _max_bipartite(candidates: list[list[int]], n_right: int) -> dict[int, int]:
    """Maximum matching (Kuhn's augmenting paths) from left index to right index.

    Left nodes are tried in order and candidate lists are ordered, so the result is
    deterministic.
    """
    owner: list[int | None] = [None] * n_right

    def augment(left: int, seen: set[int]) -> bool:
        for right in candidates[left]:
            if right in seen:
                continue
            seen.add(right)
            current = owner[right]
            if current is None or augment(current, seen):
                owner[right] = left
                return True
        return False

    for left in range(len(candidates)):
        augment(left, set())
    return {left: right for right, left in enumerate(owner) if left is not None}


# --------------------------------------------------------------------------- quotes


def _gold_alias_index(gold: Mapping[str, Any]) -> dict[str, set[str]]:
    """Folded gold entity name -> folded names and aliases of that entity."""
    index: dict[str, set[str]] = {}
    for entity in [*_items(gold, "persons"), *_items(gold, "organizations")]:
        if not isinstance(entity, Mapping):
            continue
        keys = _person_keys(entity)
        for key in keys:
            index.setdefault(key, set()).update(keys)
    return index


def speaker_matches(
    predicted: str | None, gold: str | None, aliases: Mapping[str, set[str]] | None = None
) -> bool:
    """Whether a predicted speaker names the gold speaker.

    Equal after folding, an alias of the gold speaker, or one name's words all contained in
    the other's ("Ministry of Defense" / "Russian Ministry of Defense"). Two unnamed speakers
    (None/empty) match; a named and an unnamed one do not.
    """
    p, g = fold(predicted), fold(gold)
    if not p or not g:
        return not p and not g
    if p == g:
        return True
    if aliases and p in aliases.get(g, ()):
        return True
    pw, gw = set(p.split()), set(g.split())
    return pw <= gw or gw <= pw


def _match_quotes(pred: list[Mapping[str, Any]], gold: list[Mapping[str, Any]]) -> list[tuple]:
    """Greedy one-to-one pairing by descending overlap; returns (gold_idx, pred_idx) pairs."""
    pred_words = [words(q.get("text")) for q in pred]
    gold_words = [words(q.get("text")) for q in gold]
    candidates = []
    for gi, gw in enumerate(gold_words):
        gc = Counter(gw)
        for pi, pw in enumerate(pred_words):
            longest = max(len(gw), len(pw))
            if not longest:
                continue
            overlap = sum((gc & Counter(pw)).values()) / longest
            if overlap >= QUOTE_OVERLAP_THRESHOLD:
                candidates.append((-overlap, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def _score_quotes(predicted: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, Score]:
    pred_q = [q for q in _items(predicted, "quotes") if isinstance(q, Mapping)]
    gold_q = [q for q in _items(gold, "quotes") if isinstance(q, Mapping)]
    pairs = _match_quotes(pred_q, gold_q)
    aliases = _gold_alias_index(gold)
    speaker_tp = correct = total = 0
    for gi, pi in pairs:
        gold_speaker = gold_q[gi].get("speaker")
        ok = speaker_matches(pred_q[pi].get("speaker"), gold_speaker, aliases)
        speaker_tp += ok
        if fold(gold_speaker):
            total += 1
            correct += ok
    n_pred, n_gold, tp = len(pred_q), len(gold_q), len(pairs)
    return {
        "quotes": Counts(tp, n_pred - tp, n_gold - tp),
        "quote_speaker": Counts(speaker_tp, n_pred - speaker_tp, n_gold - speaker_tp),
        "speaker_accuracy": Accuracy(correct, total),
    }


# --------------------------------------------------------------------------- persons


def _score_persons(predicted: Mapping[str, Any], gold: Mapping[str, Any]) -> Counts:
    gold_people = [p for p in _items(gold, "persons") if isinstance(p, Mapping)]
    real = [p for p in gold_people if not p.get("byline")]
    bylines = [p for p in gold_people if p.get("byline")]
    real_keys = [_person_keys(p) for p in real]
    byline_keys = set().union(*(_person_keys(p) for p in bylines))

    candidates: list[list[int]] = []
    for person in _items(predicted, "persons"):
        if not isinstance(person, Mapping) or person.get("byline"):
            continue
        keys = _person_keys(person)
        if not keys:
            continue
        hits = [i for i, gk in enumerate(real_keys) if keys & gk]
        if not hits and keys & byline_keys:
            continue  # a byline writer: neither right nor wrong
        candidates.append(hits)
    matched = _max_bipartite(candidates, len(real))
    tp = len(matched)
    return Counts(tp=tp, fp=len(candidates) - tp, fn=len(real) - tp)


# --------------------------------------------------------------------------- the rest


def _score_countries(predicted: Mapping[str, Any], gold: Mapping[str, Any]) -> Counts:
    def keys(doc: Mapping[str, Any]) -> set[str]:
        names = (_name_of(c) for c in _items(doc, "countries"))
        return {country_key(n) for n in names if n and fold(n)}

    return _set_counts(keys(predicted), keys(gold))


def _score_policies(predicted: Mapping[str, Any], gold: Mapping[str, Any]) -> Counts:
    def keys(doc: Mapping[str, Any]) -> set[tuple[str, str]]:
        return {
            (actor_key(p.get("actor")), fold(p.get("type")))
            for p in _items(doc, "policies")
            if isinstance(p, Mapping)
        }

    return _set_counts(keys(predicted), keys(gold))


def _score_flows(predicted: Mapping[str, Any], gold: Mapping[str, Any]) -> Counts:
    def keys(doc: Mapping[str, Any]) -> set[tuple[str, str]]:
        return {
            (country_key(f.get("origin")), country_key(f.get("destination")))
            for f in _items(doc, "flows")
            if isinstance(f, Mapping)
        }

    return _set_counts(keys(predicted), keys(gold))


# The seed's gold (written before the event model settled) names two types by their older names.
OLDER_EVENT_TYPES = {"emigration": "exodus", "bordercrossingincrease": "bordercrossingchange",
                     "bordercrossingdecrease": "bordercrossingchange"}


def _event_type_key(event_type: str | None) -> str:
    folded = fold(event_type).replace(" ", "")
    folded = folded[: -len("event")] if folded.endswith("event") else folded
    return OLDER_EVENT_TYPES.get(folded, folded)


def _countries_named_in(phrase: str) -> list[str]:
    """Countries named inside a place phrase of the seed's gold ("border with Georgia", "occupied regions of
    Ukraine"): every run of up to three words that is a country name."""
    words = phrase.split()
    return [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 3) + 1)
            if country_code(" ".join(words[i:j]))]


def _event_place_keys(event: Mapping[str, Any]) -> set[str]:
    """Gold places are a list of accepted countries (either side of a border, a deportation's two
    ends); a predicted place is one name. Older gold (the seed's) gives one place phrase and names
    countries in "country", "origin" (the country left) or "target" (the country invaded): all of them
    are accepted, and so are the countries named inside the phrase ("border with Georgia")."""
    place = event.get("place")
    if isinstance(place, list):
        names = place
    else:
        names = [event.get(field) for field in ("country", "origin", "target")]
        if isinstance(place, str):
            inside = [] if country_code(place) else _countries_named_in(place)
            names += inside or [place]
    return {country_key(n) for n in names if isinstance(n, str) and fold(n)}


def _gold_quantity(event: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """A gold event's quantity as {"value", "unit"}; the seed's gold writes a bare number with "unit",
    or "length_km" (a queue) or "percent" (a change)."""
    quantity = event.get("quantity")
    if isinstance(quantity, Mapping):
        return quantity
    if isinstance(quantity, (int, float)) and not isinstance(quantity, bool):
        return {"value": quantity, "unit": event.get("unit")}
    for field, unit in (("length_km", "km"), ("percent", "percent")):
        if isinstance(event.get(field), (int, float)):
            return {"value": event[field], "unit": unit}
    return None


def _date_found(date: str, found: list[Mapping[str, Any]]) -> bool:
    """A gold date (YYYY-MM-DD or YYYY-MM, or the seed's yearless MM-DD) is found when one of the
    predicted events resolves to it."""
    dates = {e.get("date") for e in found if isinstance(e.get("date"), str)}
    if len(date) == 5:  # "02-24": the year is not in the text
        return any(d == date or d.endswith("-" + date) for d in dates)
    return date in dates


def _same_quantity(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> bool:
    try:
        value, wanted = float(gold.get("value")), float(predicted.get("value"))
    except (TypeError, ValueError):
        return False
    if abs(value - wanted) > 1e-6 * max(1.0, abs(value)):
        return False
    unit = fold(gold.get("unit"))
    if not unit or unit == fold(predicted.get("unit")):
        return True
    counted = fold(predicted.get("counted")).split()
    return bool(counted) and counted[-1] in {unit, unit + "s", unit + "es"}


def _score_events(predicted: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, Score]:
    """Events are matched on (type, place): every distinct (type, place) the graph reports is one
    prediction (repeats of it are counted by "event_distinct": distinct keys out of event nodes), and a
    gold event matches a prediction of its type whose place is one of its accepted places (maximum
    bipartite matching; a key reported n times can match up to n gold events of that key, and a key
    that matches none is one false positive). On matched gold events, a date (ISO, at the gold's
    precision) is right when one of the key's events resolves to it, and a gold null date when none of
    them has a resolved date; quantities likewise (value, and unit or counted noun)."""
    nodes = [e for e in _items(predicted, "events") if isinstance(e, Mapping)]
    by_key: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for event in nodes:
        places = _event_place_keys(event)
        key = (_event_type_key(event.get("type")), min(places) if places else "")
        by_key.setdefault(key, []).append(event)
    keys = sorted(by_key)
    slots = [key for key in keys for _ in by_key[key]]  # a key reported n times can stand for n gold events
    real = [e for e in _items(gold, "events") if isinstance(e, Mapping)]
    candidates = [
        [j for j, (kind, place) in enumerate(slots)
         if kind == _event_type_key(g.get("type")) and (place in _event_place_keys(g) if place
                                                        else not _event_place_keys(g))]
        for g in real
    ]
    matching = _max_bipartite(candidates, len(slots))
    dates = quantities = Accuracy()
    for i, j in sorted(matching.items()):
        wanted, found = real[i], by_key[slots[j]]
        date = wanted.get("date")
        right = _date_found(date, found) if date else not any(e.get("date") for e in found)
        dates = dates + Accuracy(int(right), 1)
        quantity = _gold_quantity(wanted)
        # (a gold file scored as a prediction has no "quantities": its own quantity stands for them)
        found_quantities = [q for e in found
                            for q in (e["quantities"] or [] if "quantities" in e else [_gold_quantity(e)])
                            if isinstance(q, Mapping)]
        right = (any(_same_quantity(quantity, q) for q in found_quantities) if isinstance(quantity, Mapping)
                 else not found_quantities)
        quantities = quantities + Accuracy(int(right), 1)
    tp = len(matching)
    unmatched_keys = len(set(keys) - {slots[j] for j in matching.values()})
    return {
        "events": Counts(tp=tp, fp=unmatched_keys, fn=len(real) - tp),
        "event_dates": dates,
        "event_quantities": quantities,
        "event_distinct": Accuracy(len(keys), len(nodes)),
    }


def score_document(predicted: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, Score]:
    """Counts per metric for one document: Counts for METRICS, Accuracy for
    "speaker_accuracy". Counts rather than ratios are returned so they can be summed. A gold
    document with an "events" list also gets EVENT_METRICS and EVENT_ACCURACY_METRICS."""
    result: dict[str, Score] = {}
    quotes = _score_quotes(predicted, gold)
    result["quotes"] = quotes["quotes"]
    result["quote_speaker"] = quotes["quote_speaker"]
    result["persons"] = _score_persons(predicted, gold)
    result["countries"] = _score_countries(predicted, gold)
    result["policies"] = _score_policies(predicted, gold)
    result["flows"] = _score_flows(predicted, gold)
    result["speaker_accuracy"] = quotes["speaker_accuracy"]
    if isinstance((gold or {}).get("events"), list):
        result.update(_score_events(predicted, gold))
    return result


def _to_plain(scores: Mapping[str, Score]) -> dict[str, dict[str, float | int]]:
    return {name: score.to_dict() for name, score in scores.items()}


def score_corpus(pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]]) -> dict[str, Any]:
    """Micro-averaged totals over (predicted, gold) pairs plus per-document results.

    Returns plain dicts and numbers only, so the result can go straight to json.dump.
    """
    total: dict[str, Score] = {m: Counts() for m in METRICS}
    total.update({m: Accuracy() for m in ACCURACY_METRICS})
    documents = []
    for i, (predicted, gold) in enumerate(pairs):
        scores = score_document(predicted, gold)
        for name, score in scores.items():
            total[name] = total.get(name, Counts() if name in EVENT_METRICS else Accuracy()) + score
        name = (gold or {}).get("document") or (predicted or {}).get("document") or f"#{i}"
        documents.append({"document": name, "metrics": _to_plain(scores)})
    return {"total": _to_plain(total), "documents": documents}


def format_table(result: Mapping[str, Any]) -> str:
    """Plain-text table of a score_corpus result (its totals) or a score_document result."""
    metrics = result.get("total", result)
    plain = {
        name: (score.to_dict() if isinstance(score, (Counts, Accuracy)) else dict(score))
        for name, score in metrics.items()
    }
    header = f"{'metric':<17}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"
    lines = [header, "-" * len(header)]
    for name, row in plain.items():
        if "tp" not in row:
            continue
        lines.append(
            f"{name:<17}{row['precision']:>7.3f}{row['recall']:>7.3f}{row['f1']:>7.3f}"
            f"{row['tp']:>6}{row['fp']:>6}{row['fn']:>6}"
        )
    for name, row in plain.items():
        if "correct" in row:
            lines.append(f"{name:<17}{row['accuracy']:>7.3f}  ({row['correct']}/{row['total']})")
    return "\n".join(lines)


# --------------------------------------------------------------------------- loading


def load_gold_dir(path: str | Path) -> dict[str, dict[str, Any]]:
    """Every ``*.gold.json`` in a folder, keyed by its "document" value (the article's file
    name), so predictions can be paired with gold by article rather than by gold file name."""
    folder = Path(path)
    if not folder.is_dir():
        raise ValueError(f"{folder}: not a directory")
    gold: dict[str, dict[str, Any]] = {}
    for file in sorted(folder.glob("*.gold.json")):
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{file}: malformed JSON: {exc}") from exc
        except UnicodeDecodeError as exc:
            raise ValueError(f"{file}: not UTF-8: {exc}") from exc
        if not isinstance(data, dict):
            raise ValueError(f"{file}: expected a JSON object, got {type(data).__name__}")
        document = data.get("document")
        if not isinstance(document, str) or not document:
            raise ValueError(f'{file}: missing or empty "document" value')
        if document in gold:
            raise ValueError(f"{file}: duplicate document {document!r}")
        gold[document] = data
    return gold


__all__ = [
    "Accuracy",
    "Counts",
    "QUOTE_OVERLAP_THRESHOLD",
    "actor_key",
    "country_code",
    "country_key",
    "fold",
    "format_table",
    "load_gold_dir",
    "score_corpus",
    "score_document",
    "speaker_matches",
    "word_overlap",
]
