"""Policies: measures a state, state body or international organisation takes about people's movement.

``extract_policies(doc, assertions)`` finds trigger phrases ("closed its borders", "will not issue
visas", "granted refugee status") with a spaCy ``Matcher`` built from ``data/policies.json`` (an entry with
a context word list only in sentences that have one of its words), then resolves, with token rules only
(the pipeline has no parser):

- the actor: the nearest subject-like mention left of the trigger (a country, a state body such
  as "Finnish border guards", an agency whose name has a word of state immigration work and a known
  state ("Immigration and Customs Enforcement"), a capital standing for its government, an official
  with a known country, an international organisation), skipping mentions that are objects of a
  preposition (a year ends that walk: "in 2016 the US resettled"); coordinated lists give one policy
  per actor; "the countries", "it", "the government", "his country" are resolved from the context;
  bare "the government" is the story's state when that was named earlier in its sentence; office
  titles without a name ("the prime minister") take a state of their sentence, else the story's;
  "he"/"she" act for the nearest person or office named before (none for a person without office);
  a border trigger whose subject names no state takes the possessor of the border ("he sealed
  Hungary's border"); a state after "than" with a repeated auxiliary ("more than Italy did") takes
  the same measure; "its"/"their" before a plan noun ("Brussels and its aims to redistribute") stands
  for the nearest actor before it, even a prepositional one; a regional group ("the Baltic states", "the
  Baltics") acts for each member; a list after a group noun ("countries including A, B and C") is no
  prepositional object; "B followed suit" / "did the same" takes the measure another actor was last stated
  to take (this sentence or the one before) unless negated, demanded or hypothetical; a demonym before
  soldiers, agents or officers ("Polish soldiers deployed to the border") names their state; a country name
  that is also its adjective ("Myanmar agreed") names the state unless a group noun follows ("Myanmar migrants");
- passive and reduced-relative triggers ("were detained", "migrants deported from X") take the
  group before them and their agent after "by" or an entry's own words ("from X", "held in X");
  ("held in camps across northern Greece": compass words skipped); with no agent, a state reporting the
  measure is its actor ("Poland said 300 were pushed back", "..., the border guard said"); for entries marked
  agentless_state, a passive stated as done ("were deported", "have been detained", not "could be deported",
  "fear of being deported", "if a parent is deported") is otherwise the measure of the country a place after
  "in" lies in, else of the story's acting state (the one most named as a subject) when the sentence names no
  other state; "troops were sent to the border" likewise;
- noun triggers also take: the state a facility lies in or the story's state for people in it ("detention
  centres in Libya", "children in detention centres"; "the detention of 900 migrants at a crossing near X", a town
  placed by its own region "X, Texas"); the owner of a policy noun naming them ("a Dutch policy
  called the return rule"); a leader's "his"/"her" before it ("to justify his travel ban": the state of the
  nearest person or office before; not for types whose possessor is the person affected, "his deportation");
- two verbs sharing one object ("detained and expelled a record number of migrants") both reach it;
- a bare count after an admission verb stands for refugees named around it ("has taken in 1.5 million");
  "blasted X for admitting" is X's measure;
- negation per trigger entry (a negated restriction may be another type, or no policy at all); a
  stated record of not taking in refugees ("has not taken in a single refugee") is an
  AsylumRestriction, a refusal or pledge ("refused to accept", "will not accept") an EntryBan;
- entries marked document_context also match without their context words in a story that has them often
  ("build a fence" in a story on migrants);
- overlapping matches of one type: the longest is read; a shorter one only when every longer one it
  overlaps gave no policy ("arrested the migrants and sent them back");
- title-case headlines: a lemma pattern also takes its capitalised inflections ("Greece Deports 300 Migrants":
  the lookup lemmatizer keeps "Deports" as it is); they are no anchors: the headline's such words are read as
  the word they inflect for the sentence prefilter (``_headline_lemmas``);
- status (in force, announced, planned) from modal and planning words, the condition
  ("if they risked severe repression"), the target group and its nationality;
- money entries skip sums for other purposes named just after ("$2 billion for the wall");
- leaving out demands by third parties (not "under pressure"), accusations, questions,
  hypotheticals, a "should" clause reported by a non-state speaker ("opposition leader X said
  Israel should"), gerund subjects ("argued that accepting refugees is a threat"), gerunds and
  noun triggers after "of"/"about"/... ("the idea of building a wall"; not "construction of");
- backoff tier (issue 3; switch "backoff" in policies.json, MIGRAPH_POLICIES_BACKOFF=0/1 overrides it; ``backoff=``
  per call): broad per-type cues ("backoff_triggers": single cue verbs and nouns with no group needed after them,
  "EU funding", "grants from the EU", "the Hungarian fence") read after the rules through the same actor search and
  filters, only for (actor, type) pairs no rule gave and never on a span a rule read; a cue is also dropped in a
  demand ("called to"), after a word that stops or fights it ("cut off aid"), after "to" with no commitment verb
  ("a quota of migrants to accept") and under a gerund after "of" ("the idea of building a wall").
"""

from __future__ import annotations

import json
import os
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import chain, compress
from operator import or_
from pathlib import Path

import numpy
from spacy.attrs import ENT_TYPE
from spacy.matcher import Matcher
from spacy.symbols import GPE, NORP  # their ENT_TYPE values
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from extractors.assertions import DocumentAssertions, Entity, Policy
from extractors.doccache import (
    class_positions,
    doc_entities,
    doc_lemmas,
    doc_lowers,
    doc_sentences,
    doc_text,
    doc_texts,
    kept_entities,
    lower_text,
    word_class,
)
from extractors.entities import doc_index, evidence_for, span_extension
from extractors.events import attached_time
from extractors.gazetteer import gazetteer, load_json
from extractors.names import lookup_lemma
from extractors.topic import on_topic

EXTRACTOR = "migraph.policies"
DATA_FILE = Path(__file__).with_name("data") / "policies.json"
INSTITUTION_NOUNS = {"government", "administration", "regime", "cabinet", "authorities", "parliament", "ministry",
                     "junta", "presidency", "legislature", "congress", "senate"}
ENDING_GOVERNORS = {"end", "lift", "scrap", "rescind", "revoke", "abolish", "repeal", "terminate", "drop", "overturn"}
PERMISSION_WORDS = {"allowed", "permitted", "entitled", "right", "free", "obliged", "obligation", "duty", "ability",
                    "capacity"}  # "towns lack the capacity to take more asylum-seekers in": no measure
AIMED_TYPES = {"Deportation", "EntryBan", "FlightBan", "VisaRestriction", "Sanction"}
CALENDAR_WORDS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
                  "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
NOMINAL_SKIP = {"to", "a", "an", "the", "its", "their", "new", "partial", "full", "temporary", "more", "additional",
                "strict", "tough", "tougher", "further", "sweeping", "his", "her", "military", "general", "first",
                "second", "latest", "fresh", "also", "now", "and", "of", "humanitarian", "mass"}
PARTITIVE_HEADS = frozenset({"some", "several", "many", "most", "all", "both", "few", "none", "each", "one", "two",
                             "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens"})
APPOSITION_DASHES = frozenset({"-", "–", "—", ":", "("})  # a list in apposition to the group noun before it
CONTEXT_SENTENCES = 5  # how far back "the government", "it", "the countries" are resolved
MAX_LEFT = 30  # tokens searched left of a trigger for its actor
DOCUMENT_NOUNS = {"decree", "order", "law", "bill", "resolution", "directive", "regulation", "ordinance", "ukase"}
PASSIVE_AGENT_WINDOW = 11  # tokens searched right of a passive trigger for "by X" / "from X"
REFUSAL_VERBS = {"refuse", "decline"}
GERUND_PREPS = {"of", "about", "on", "against", "over", "from", "behind"}
PLAN_NOUNS = {"aim", "aims", "plan", "plans", "proposal", "proposals", "effort", "efforts", "decision", "bid", "push",
              "attempt", "attempts", "move", "pledge", "promise", "intention", "scheme", "drive", "campaign"}
COMPASS_WORDS = {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
                 "northeastern", "northwestern", "southeastern", "southwestern"}
ROLE_MODIFIERS = {"foreign", "defence", "defense", "home", "justice", "security", "deputy", "chief", "top", "senior",
                  "federal", "national", "state", "prime", "vice", "press", "armed", "military"}  # "X's home minister"
QUANTITY_HEADS = {"thousands", "hundreds", "dozens", "millions", "tens", "scores", "number", "numbers", "series",
                  "wave", "spate", "string", "record", "total"}
MODIFIER_ADVERBS = {"previously", "lawfully", "legally", "newly", "recently", "formerly", "officially", "illegally"}
PATIENT_POSSESSOR_TYPES = {"Deportation", "Detention", "Exemption", "AsylumOffer", "Aid", "Sanction", "Manhunt"}  # "his
# deportation", "her detention", "his exemption": a possessive pronoun names the person the measure falls on
BACKOFF_PERMISSION = PERMISSION_WORDS | {"power", "powers", "authority"}  # "the power to order the detention of"
BACKOFF_VERB_LEFT = {"have", "has", "had", "was", "were", "been", "be", "is", "are", "being", "who", "which", "that",
                     "and", "or", "also", "then", "still", "again", "just", "once", "already", "soon", "they", "we",
                     "it", "he", "she", "later", "since", "often", "never", "not", "subsequently"}  # before a verb
BACKOFF_CANCEL_WINDOW = 8  # "cut the number of refugees it resettles": how far back a stopping word cancels a cue
LAZY_CONTEXT = True  # rule_policies builds the mention tables only for a trigger that passes the checks needing none
OWNER_MODIFIERS = {"humanitarian", "financial", "emergency", "refugee", "asylum"}  # "Japanese humanitarian aid",
# "the U.S. refugee cap": a kind word between a state's adjective and the noun it owns
# "sealed Hungary's border", "closed Italy's ports": the possessor is the state closing it
OWNED_FRONTIERS = {"border", "borders", "frontier", "frontiers", "port", "ports", "harbour", "harbours", "harbor",
                   "harbors", "door", "doors"}  # "threw open Sweden's doors to refugees" (r31)
AGREEMENT_NOUNS = {"agreement", "agreements", "deal", "deals", "arrangement", "accord", "pact", "treaty",
                   "partnership"}
SENT_PUNCT = {".", ",", ";", ":", "!", "?"}
OBJECT_PRONOUNS = frozenset({"them", "those"})  # a group named in the sentence before (see _carried_context)
STOP_TARGET = {"be", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "have", "do",
               "that", "which", "who", "because", "but", "while", "when", "after", "before", "if"}
QUOTE_MARKS = {'"', "“", "”", "«", "»", "‘", "’"}

UNIVERSAL_WORDS = frozenset({"all", "everyone", "everybody", "every"})
"""Objects of a negated admission that make it partial: "not admit everyone" lets some in."""

Actor = tuple[str, str]  # (kind, key): ("Country", "PL") or ("Organization", "european-union")


@cache
def lexicon() -> dict:
    """The policy data file, read once per process."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    data["_sets"] = {
        name: frozenset(w.lower() for w in data[name])
        for name in ("state_org_heads", "state_org_names", "body_nouns", "body_of_heads", "group_ref_nouns",
                     "group_ref_starters", "state_roles", "modifier_nouns", "prepositions", "left_skip",
                     "coord_gap", "negators", "demand_cues", "demand_call_next", "speech_verbs", "planned_cues",
                     "announced_cues", "governors", "negating_verbs", "participles", "people_words", "migrant_words",
                     "excluded_targets", "quote_we", "conscript_words", "state_agency_words",
                     "non_state_role_words", "opinion_modals", "state_titles", "own_intent_cues", "own_intent_gap")
    }
    data["_sets"]["state_org_heads"] |= frozenset(w.lower() for w in data.get("state_org_heads_r38", ()))
    data["_sets"]["people_words"] |= frozenset(w.lower() for w in data.get("people_words_r39", ()))  # (r39)
    org_map = {}
    for key, aliases in data["international_orgs"].items():
        for alias in aliases:
            org_map[alias] = key
    data["_org_map"] = org_map
    for key in sorted(k for k in data if k.startswith("triggers_r")):  # a round's own entries, kept in a key of
        data["triggers"].extend(entry for entry in data[key] if isinstance(entry, dict))  # their own (r38)
    for entry in data.get("backoff_triggers", ()):  # the broad second tier, read only where the rules gave nothing
        entry["backoff"] = True
        data["triggers"].append(entry)
    for entry in data["triggers"]:  # "wind-down", "asylum-seekers": the tokenizer splits a hyphenated word
        entry["patterns"] = [variant for pattern in entry["patterns"] for variant in _hyphen_variants(pattern)]
    data["_entries"] = {entry["id"]: entry for entry in data["triggers"]}
    data["_backoff_to_governors"] = frozenset(data.get("backoff_to_governors", ()))
    data["_member_nouns"] = frozenset(data.get("member_nouns", ()))
    data["endorsed_things"] = frozenset(data.get("endorsed_things", ()))
    data["_stat_verbs"] = frozenset(data["stat_verbs"]["verbs"])
    data["_flight_verbs"] = frozenset(data["stat_verbs"]["flight_verbs"])
    data["_agencies"] = _state_agencies()
    programmes = data.get("programme_states", {})
    data["_programmes"] = frozenset(tuple(name.replace(",", " ,").split()) for name in programmes.get("names", {}))
    data["_programme_not_before"] = frozenset(programmes.get("not_before", ()))
    for name, iso in programmes.get("names", {}).items():  # "DACA shields them": a state's protection programme
        data["_agencies"].setdefault(tuple(name.replace(",", " ,").split()), iso)  # acts for it, like its agency
    data["_agency_first"] = frozenset(words[0] for words in data["_agencies"])
    data["_backoff_cancel"] = frozenset(data.get("backoff_cancel_before", ()))
    data["_speaker_gap"] = frozenset(data.get("speaker_gap_words", ()))
    ended = data["ended_protection"]
    for name in ("gap", "heads", "ending_words"):
        ended[name] = frozenset(ended[name])
    data["_programme_last"] = frozenset((name.split()[-1],) for name in programmes.get("names", {}))
    data["_contexts"] = {name: tuple(words) for name, words in data["contexts"].items()}
    data["elided_groups"] = {name: frozenset(words) for name, words in data["elided_groups"].items()
                             if not name.startswith("_")}
    data["named_policies"] = {name: frozenset(words) for name, words in data["named_policies"].items()
                              if not name.startswith("_")}
    data["agentless"] = {name: frozenset(words) for name, words in data["agentless_passive"].items()
                         if not name.startswith("_")}
    return data


HYPHENS = "-|–"


def _hyphen_variants(pattern: str) -> list[str]:
    """A pattern whose token alternatives hold hyphenated words ("=pushbacks|push-backs") as the patterns the
    tokenizer can match: the tokenizer splits "push-backs" into "push", "-", "backs", so a one-token form with a
    hyphen never matched; each such form becomes its own pattern of parts joined by a hyphen token (the last
    part keeps the token's kind: a lemma part also takes "fast-tracked"), the other forms stay in one token."""
    words = pattern.split()
    for k, word in enumerate(words):
        optional = word.endswith("?") and len(word) > 1
        body = word[:-1] if optional else word
        exact = body.startswith("=")
        forms = (body[1:] if exact else body).split("|")
        hyphenated = [f for f in forms if len(f) > 1 and re.search(r"\w[-–]\w", f)]
        if not hyphenated or body.startswith("*"):
            continue
        rest = [f for f in forms if f not in hyphenated]
        out: list[str] = []
        if rest:
            kept = ("=" if exact else "") + "|".join(rest) + ("?" if optional else "")
            out.extend(_hyphen_variants(" ".join(words[:k] + [kept] + words[k + 1:])))
        elif optional:
            out.extend(_hyphen_variants(" ".join(words[:k] + words[k + 1:])))  # the optional token left out
        for form in hyphenated:
            parts = re.split(r"[-–]", form)
            joined = f" ={HYPHENS} ".join([f"={part}" for part in parts[:-1]] + [("=" if exact else "") + parts[-1]])
            out.extend(_hyphen_variants(" ".join(words[:k] + [joined] + words[k + 1:])))
        return [p for p in out if p.strip()]
    return [pattern]


def _state_agencies() -> dict[tuple[str, ...], str]:
    """Lower-cased words of each state agency's names -> its state's ISO code. The agencies are the
    ``state_agency`` organisations of organizations.json, the table the gazetteer also reads, so an agency is
    listed once for both ("BAMF" is an organisation of Germany there and acts for Germany here)."""
    return {tuple(surface.lower().replace(",", " ,").split()): record["country"]
            for record in load_json("organizations.json")["organizations"] if record.get("state_agency")
            for surface in (record["name"], *record["aliases"])}


@cache
def backoff_enabled() -> bool:
    """The backoff tier's switch: policies.json "backoff", overridden by MIGRAPH_POLICIES_BACKOFF=0/1 (read once)."""
    env = os.environ.get("MIGRAPH_POLICIES_BACKOFF", "").strip().lower()
    return bool(lexicon().get("backoff", False)) if env == "" else env not in {"0", "false", "no", "off"}


@cache
def _reference_words() -> tuple[frozenset[tuple[str, str]], frozenset[str]]:
    """Two-word body names ("border guards"), and every lower-cased word that can start a non-entity mention
    in ``_Context._build_mentions`` (other tokens are skipped without a look)."""
    lex = lexicon()
    sets = lex["_sets"]
    two = frozenset(tuple(p) for p in lex["body_words_two"])
    relevant = sets["group_ref_nouns"] | sets["body_nouns"] | sets["quote_we"] | {
        "it", "they", "his", "her", "their", "its", "bloc", "country", "he", "she"} | _state_ref_nouns() | {
        w[0] for w in two} | {
        t.split()[0] for t in sets["state_titles"]} | set(lex["region_groups"]["members"]) | set(
        lex["region_groups"]["plurals"]) | lex["_agency_first"]
    return two, frozenset(relevant)


@cache
def _state_ref_nouns() -> frozenset[str]:
    """Nouns that speak of a state named before ("the kingdom"; policies.json "state_refs")."""
    return frozenset(lexicon()["state_refs"]["nouns"])


def _state_ref_start(lowers: list[str], texts: list[str], i: int) -> int | None:
    """Start of "the <noun>" or "the <one describing word> <noun>" ending at state noun i ("the island nation",
    "the Balkan country"); None when no "the" opens it or the word points at another state or a role."""
    if lowers[i - 1] == "the":
        return i - 1
    if i < 2 or lowers[i - 2] != "the" or lowers[i - 1] in lexicon()["state_refs"]["not_after"] \
            or not texts[i - 1].isalpha():
        return None
    return i - 2


@cache
def capitals() -> dict[str, str]:
    """Capital city name -> ISO code, from the countryinfo data package (a capital can stand for its government)."""
    import countryinfo

    found: dict[str, str] = {}
    for path in sorted(Path(countryinfo.__file__).with_name("data").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso = (record.get("ISO") or {}).get("alpha2")
        capital = record.get("capital")
        if iso and isinstance(capital, str) and capital:
            found.setdefault(capital, iso)
    found.update(lexicon()["capital_aliases"])
    return found


def _token_spec(word: str) -> dict:
    """One token of the pattern mini-language (see the data file's comment)."""
    spec: dict = {}
    if word.startswith("*"):
        stops = SENT_PUNCT - {","} if word.endswith(",") else SENT_PUNCT
        return {"TEXT": {"NOT_IN": sorted(stops | QUOTE_MARKS - {"“", "”", '"'})}, "OP": "?"}
    optional = word.endswith("?") and len(word) > 1
    if optional:
        word = word[:-1]
    if word.startswith("="):
        forms = word[1:].split("|")
        spec["LOWER"] = {"IN": [f.lower() for f in forms]}
    else:
        forms = word.split("|")
        variants = set()
        for form in forms:
            variants.update({form, form.lower(), form.capitalize()})
            if form.isalpha() and form.islower():  # "Deports", "Closes" in a title-case headline keep their text
                stem = form[:-1] if form.endswith("e") else form  # as lemma
                inflected = {f.capitalize() for f in (form + "s", form + "es", form + "d", form + "ed", stem + "ing")}
                _INFLECTED.update(inflected)
                variants.update(inflected)
        spec["LEMMA"] = {"IN": sorted(variants)}
    if optional:
        spec["OP"] = "?"
    return spec


HEADLINE_TOKENS = 40
_INFLECTED: set[str] = set()  # headline inflections added to lemma specs: no anchors (see _headline_lemmas)


def compile_pattern(text: str) -> list[dict]:
    """Turn one pattern string into a spaCy Matcher token pattern."""
    tokens: list[dict] = []
    for word in text.split():
        if word.startswith("*") and word[1:].rstrip(",").isdigit():
            tokens.extend(_token_spec(word[0] + word[-1]) for _ in range(int(word[1:].rstrip(","))))
        else:
            tokens.append(_token_spec(word))
    return tokens


def _requirements(pattern: list[dict]) -> tuple[frozenset[str], ...]:
    """The strings each non-optional token of a pattern accepts: a sentence lacking one cannot match."""
    out = []
    for spec in pattern:
        if spec.get("OP") == "?":
            continue
        values = (spec.get("LEMMA") or spec.get("LOWER") or {}).get("IN")
        if values:
            out.append(frozenset(v for v in values if v not in _INFLECTED))
    return tuple(out)


@cache
def _required_words() -> frozenset[str]:
    """Every lower-cased word a pattern requires."""
    return frozenset(w.lower() for patterns in pattern_requirements().values() for reqs in patterns
                     for req in reqs for w in req)


def _headline_lemmas(texts: list[str], lowers: list[str], lemmas: list[str], starts: Iterable[int] = ()
                     ) -> list[str]:
    """Lemmas with a title-case word of the headline (the first HEADLINE_TOKENS tokens) or opening a sentence
    (``starts``) the lemmatizer kept as it is ("Deports", "Deportations rose") read as the required word it
    inflects ("deport", "deportation"; also when its own form is required by a lower-case pattern), so the anchor
    tests see it; the list itself when there is none."""
    out = None
    required = _required_words()
    n = min(len(texts), HEADLINE_TOKENS)
    openers = (i for i in starts if i >= n and texts[i].istitle())
    for i in chain(compress(range(n), map(str.istitle, texts[:n])), openers):
        low = lowers[i]
        if lemmas[i] != low or low[-1] not in "sdg" or len(low) < 4:
            continue
        for stem in (low[:-1], low[:-2], low[:-3], low[:-3] + "e"):
            if stem in required:
                if out is None:
                    out = list(lemmas)
                out[i] = stem
                break
    return lemmas if out is None else out


@cache
def pattern_requirements() -> dict[str, tuple[tuple[frozenset[str], ...], ...]]:
    """Requirements of every trigger pattern by entry, to skip sentences an entry cannot match
    (running the Matcher is the costly part)."""
    return {
        entry["id"]: tuple(_requirements(compile_pattern(p)) for p in entry["patterns"])
        for entry in lexicon()["triggers"]
    }


ANCHOR_STOP = {"to", "in", "for", "the", "a", "not", "on", "of", "by", "into", "at", "them", "down", "up", "back",
               "away", "over", "-", "–", "its", "their", "n't", "n’t", "no", "never", "be", "is", "was"}


def _anchor_position(reqs: tuple[frozenset[str], ...]) -> int:
    """Which required token of a pattern anchors it: the first content word, else the first."""
    content = [k for k, req in enumerate(reqs) if not {w.lower() for w in req} & ANCHOR_STOP]
    return content[0] if content else 0


@cache
def _anchor_index(backoff: bool = True) -> dict[str, list[tuple[str, tuple[frozenset[str], ...]]]]:
    """Lower-cased anchor word -> (entry, lower-cased requirements) of the patterns anchored on it.

    Each pattern is anchored on one of its required tokens (a content word when it has one), so a
    sentence only checks the few patterns whose anchor it contains. The words are compared lower-cased
    with the tokens' lower forms and lower-cased lemmas (``doccache`` lists, no hash arrays to read): a
    looser test than the Matcher's exact lemma, which only lets it run on a few more sentences or a
    wider window inside the sentence, where it finds the same matches. ``backoff=False``: without the backoff
    tier's entries (so the tier costs nothing when off)."""
    index: dict[str, list[tuple[str, tuple[frozenset[str], ...]]]] = {}
    entries = lexicon()["_entries"]
    for entry_id, patterns in pattern_requirements().items():
        if not backoff and entries[entry_id].get("backoff"):
            continue
        for reqs in patterns:
            if not reqs:
                continue
            lowered = tuple(frozenset(w.lower() for w in req) for req in reqs)
            for w in lowered[_anchor_position(reqs)]:
                index.setdefault(w, []).append((entry_id, lowered))
    return index


@cache
def _anchor_words(backoff: bool = True) -> frozenset[str]:
    """The anchor index's words as a set (``dict.keys() & words`` copies every key into a new set first)."""
    return frozenset(_anchor_index(backoff))


def _document_index(words: set[str], backoff: bool = True) -> dict[str, list[tuple[str, tuple[frozenset[str], ...]]]]:
    """The anchor index cut to a document: the anchors it has, with the patterns whose every required token
    occurs somewhere in it (a sentence can only match those)."""
    checks = _anchor_checks(backoff)
    met = _met_requirements(words, backoff)
    return {h: kept for h in _anchor_words(backoff) & words  # every requirement met: a subset test in C per pattern
            if (kept := [item for item, _others, numbers in checks[h] if met.issuperset(numbers)])}


def _document_checks(words: set[str], backoff: bool = True) -> dict[str, list[tuple[str, tuple[frozenset[str], ...]]]]:
    """``_document_index`` with each kept pattern's requirements cut to those ``_anchor_checks`` leaves (r34): a
    sentence reached through an anchor word holds it, so ``_feasible_entries`` tests only the others there."""
    checks = _anchor_checks(backoff)
    met = _met_requirements(words, backoff)
    return {h: kept for h in _anchor_words(backoff) & words
            if (kept := [(item[0], others) for item, others, numbers in checks[h] if met.issuperset(numbers)])}


@cache
def _anchor_checks(backoff: bool = True) -> dict[str, list[tuple[tuple[str, tuple[frozenset[str], ...]],
                                                                tuple[frozenset[str], ...], frozenset[int]]]]:
    """Per anchor word, each of its patterns (the anchor index's item) with the requirements left to test once the
    document holds the word (those that do not list it: the anchor's own is always met) and their numbers
    (``_requirement_numbers``; r34)."""
    numbers = _requirement_numbers(backoff)
    return {h: [(item, others, frozenset(numbers[req] for req in others))
                for item in items for others in [tuple(req for req in item[1] if h not in req)]]
            for h, items in _anchor_index(backoff).items()}


@cache
def _requirement_numbers(backoff: bool = True) -> dict[frozenset[str], int]:
    """A number for each distinct requirement (a set of lower-cased words) of the anchor index's patterns."""
    numbers: dict[frozenset[str], int] = {}
    for items in _anchor_index(backoff).values():
        for _entry, reqs in items:
            for req in reqs:
                numbers.setdefault(req, len(numbers))
    return numbers


@cache
def _requirement_words(backoff: bool = True) -> tuple[dict[str, tuple[int, ...]], frozenset[str]]:
    """Per word, the numbers of the requirements that list it; and all those words."""
    by_word: dict[str, list[int]] = {}
    for req, number in _requirement_numbers(backoff).items():
        for word in req:
            by_word.setdefault(word, []).append(number)
    return {word: tuple(found) for word, found in by_word.items()}, frozenset(by_word)


def _met_requirements(words: set[str], backoff: bool = True) -> set[int]:
    """The numbers of the requirements a document with these words meets (one of their words among them), found
    from the words (a look-up each, in C) instead of scanning every requirement set of every pattern (r34: a
    requirement lists up to 30-odd inflected forms and ``isdisjoint`` walked them, per pattern, ~4,000 instructions)."""
    by_word, listed = _requirement_words(backoff)
    return set(chain.from_iterable(map(by_word.__getitem__, listed.intersection(words))))


def _feasible_entries(words: set[str], index: dict | None = None) -> list[str]:
    """Entries with a pattern whose every required token occurs in the sentence (as lower form or
    lower-cased lemma); ``index``: the document's cut of the anchor index, when known."""
    index = _anchor_index() if index is None else index
    found: list[str] = []
    for h in index.keys() & words:
        for entry_id, reqs in index[h]:
            if entry_id not in found and not any(map(words.isdisjoint, reqs)):  # every requirement met
                found.append(entry_id)
    return sorted(found)


@cache
def _entry_bounds() -> dict[str, tuple[int, frozenset[str] | None]]:
    """Per entry: its longest pattern (in tokens) and its patterns' anchor words, lower-cased.

    A match of a pattern contains a token its anchor accepts and is no longer than the longest pattern, so
    all matches in a sentence lie between ``length - 1`` tokens before its first anchor word and
    ``length - 1`` after its last; the Matcher's tokens are independent of their context, so it finds the
    same matches in that window. None when a pattern requires nothing (then the whole sentence is read)."""
    bounds: dict[str, tuple[int, frozenset[str] | None]] = {}
    for entry in lexicon()["triggers"]:
        compiled = [compile_pattern(p) for p in entry["patterns"]]
        reqs = [_requirements(c) for c in compiled]
        required = None if not all(reqs) else frozenset(w.lower() for r in reqs for w in r[_anchor_position(r)])
        bounds[entry["id"]] = (max(len(c) for c in compiled), required)
    return bounds


_MATCHERS: dict[int, tuple[Vocab, dict[str, Matcher]]] = {}


def trigger_matchers(vocab: Vocab) -> dict[str, Matcher]:
    """One Matcher per trigger entry for a vocabulary, built once (keyed by the vocab's identity)."""
    cached = _MATCHERS.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    matchers = {}
    for entry in lexicon()["triggers"]:
        matcher = Matcher(vocab)
        matcher.add(entry["id"], [compile_pattern(p) for p in entry["patterns"]], greedy="LONGEST")
        matchers[entry["id"]] = matcher
    _MATCHERS[id(vocab)] = (vocab, matchers)
    return matchers


_WORDS_KEY = "migraph.policies.words"


def doc_word_set(doc: Doc) -> set[str]:
    """A set holding every token's lower form (read it only): the one ``find_triggers`` made (also holding the
    lemmas) while the document's lower-form list is the one it was made from, else a new one."""
    lowers = doc_lowers(doc)
    cached = doc.user_data.get(_WORDS_KEY)
    if cached is not None and cached[0] is lowers:
        return cached[1]
    return set(lowers)


def find_triggers(doc: Doc, sents: list[Span] | None = None, windows: bool = True,
                  backoff: bool = True) -> list[tuple[str, int, int]]:
    """(entry id, start, end) of every trigger match, sentence by sentence (``sents``: the document's
    sentences when already known). ``windows=False`` runs each feasible entry's Matcher over its whole
    sentence, also in a document with no anchor word (a reference for the tests: same matches, slower).
    Entries with a context word list are only matched in sentences that have one of its words; backoff-tier
    entries only with ``backoff``."""
    matchers = trigger_matchers(doc.vocab)
    raw = []
    if not len(doc):
        return raw
    lowers, lemmas = doc_lowers(doc), doc_lemmas(doc)  # lemmas lower-cased, like the anchor words
    sents = list(doc.sents) if sents is None else sents
    sent_bounds = _sentence_bounds(sents)
    lemmas = _headline_lemmas(doc_texts(doc), lowers, lemmas, (a for a, _ in sent_bounds))
    doc_words = set(lowers)
    doc_words.update(lemmas)
    doc.user_data[_WORDS_KEY] = (doc_lowers(doc), doc_words)  # see doc_word_set
    index = _document_checks(doc_words, backoff)  # (``_document_index``, requirements cut; r34)
    if windows and not index:
        return raw  # no pattern has all its required words in the document: none is feasible in any sentence
    bounds = _entry_bounds()
    lex = lexicon()
    entries, contexts = lex["_entries"], lex["_contexts"]
    anchors = index.keys()
    for k, (a, b) in enumerate(sent_bounds):
        row_lowers, row_lemmas = lowers[a:b], lemmas[a:b]
        if windows and anchors.isdisjoint(row_lowers) and anchors.isdisjoint(row_lemmas):
            continue  # no anchor word: no feasible entry (tested in C, with no set of the sentence's words)
        words = set(row_lowers)
        words.update(row_lemmas)
        sent = None  # the sentence's Span is made only when an entry is feasible in it
        for entry_id in _feasible_entries(words, index):
            if not backoff and entries[entry_id].get("backoff"):
                continue
            if sent is None:
                sent = sents[k]
            context = entries[entry_id].get("context")
            if context:  # an entry whose context words the sentence lacks gives no policy: its Matcher is not run
                if not _range_has(doc, sent.start_char, sent.end_char, context, contexts[context]) and not (
                        entries[entry_id].get("document_context") and _document_has(doc, context)) and not (
                        _carried_context(doc, sents[k - 1] if k else None, words, context)):
                    continue
            length, required = bounds[entry_id]
            span, offset = sent, sent.start
            if windows and required is not None:  # the Matcher reads only the window a match can lie in
                hits = list(compress(range(len(row_lowers)), map(
                    or_, map(required.__contains__, row_lowers), map(required.__contains__, row_lemmas))))  # in C
                lo, hi = max(0, hits[0] - length + 1), min(sent.end - sent.start, hits[-1] + length)
                span, offset = doc[sent.start + lo:sent.start + hi], sent.start + lo
            raw.extend((entry_id, offset + s, offset + e) for _mid, s, e in matchers[entry_id](span))
    return raw


# --------------------------------------------------------------------------- mentions


@lru_cache(maxsize=1 << 14)
def _is_state_role(role: str) -> bool:
    """A lower-cased role names a state office ("interior minister"); roles repeat across articles."""
    words = set(re.split(r"[\s-]+", role))
    sets = lexicon()["_sets"]
    return bool(words & sets["state_roles"]) and words.isdisjoint(sets["non_state_role_words"])


@dataclass
class Mention:
    """A token range that may name the actor of a policy, or stop the search for one."""

    start: int
    end: int
    kind: str  # actor | blocker | demonym | body | group_ref | pronoun | poss_ref | we
    actor: Actor | None = None
    count: int | None = None  # for group references ("the three countries")


def _programme_holder(lex: dict, lowers: list[str], start: int, end: int) -> bool:
    """A protection programme's name before a people noun ("DACA recipients") names the group it covers."""
    return tuple(lowers[start:end]) in lex["_programmes"] and end < len(lowers) and \
        lowers[end] in lex["_programme_not_before"]


class _Context:
    """Per-document tables: mentions by token, sentence bounds, group spans, quotations."""

    def __init__(self, doc: Doc, assertions: DocumentAssertions, triggers: list[int] | None = None,
                 sents: list[Span] | None = None, lazy: bool = False):
        """``triggers``: token positions of trigger matches; mentions are only built in the sentences
        up to six before each (the context actors are resolved from), which keeps long documents cheap.
        ``sents``: the document's sentences when already known. ``lazy``: the quotation and mention tables
        (``LAZY_TABLES``) are built on first use or by ``build()``, in the same order and from the same state as
        here (the caller reads nothing that changes the context before), so a document whose triggers all fail
        the checks that need no mention builds none."""
        self.doc = doc
        self.a = assertions
        self.lex = lexicon()
        self.sets = self.lex["_sets"]
        self.gaz = gazetteer()
        self.sents: list[Span] = list(doc.sents) if sents is None else sents
        self.sent_of: list[int] = []  # the sentences cover the document in order
        for k, (a, b) in enumerate(_sentence_bounds(self.sents)):
            self.sent_of.extend([k] * (b - a))
        self.boilerplate = doc_index(doc).boilerplate  # token._.in_boilerplate, read once per document
        self._ent_info: list[tuple[Span, str, str | None]] | None = None  # (entity, label, iso), see ent_info
        self._actor_cache: dict[tuple[str, str], Actor | None] = {}
        self._main_country: str | None = None
        self._acting: Actor | bool | None = None  # see _acting_state
        self._executive_names: frozenset[str] | None = None  # see _heads_executive
        self.groups = self._group_spans()
        self._pending: tuple[list[int] | None] | None = (triggers,)
        if not lazy:
            self.build()

    LAZY_TABLES = frozenset({"quotes", "mentions", "mention_at", "wanted", "wanted_ranges", "by_end"})

    def build(self) -> None:
        """Build the quotation and mention tables (once)."""
        if self._pending is None:
            return
        triggers = self._pending[0]
        self._pending = None
        self.quotes = self._quote_spans()
        self.mentions: list[Mention] = []
        self.mention_at: dict[int, Mention] = {}
        self.wanted = self._wanted_tokens(triggers)
        self._build_mentions()
        self.by_end = sorted(self.mentions, key=lambda m: m.end)

    def __getattr__(self, name: str):
        """Tables made on first use (only called for attributes not set yet)."""
        if name in _Context.LAZY_TABLES and self.__dict__.get("_pending") is not None:
            self.build()
        elif name == "ents":
            self.ents = list(doc_entities(self.doc))
        elif name == "ent_by_token":
            self.ent_by_token = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        elif name == "nation_tokens":  # tokens of GPE and NORP entities, the only ones a demonym mention covers
            kept = kept_entities(self.doc)
            if kept is None:
                types = self.doc.to_array(ENT_TYPE)
                self.nation_tokens = frozenset(numpy.flatnonzero((types == GPE) | (types == NORP)).tolist())
            else:  # the entities the pipeline wrote last: their tokens hold their labels, no other token a type (the
                # same tokens, without ``to_array`` reading every token of the Doc)
                self.nation_tokens = frozenset(i for ent in kept if ent.label in (GPE, NORP)
                                               for i in range(ent.start, ent.end))
        else:
            raise AttributeError(name)
        return self.__dict__[name]

    # ---- tables

    def _wanted_tokens(self, triggers: list[int] | None) -> list[bool]:
        n = len(self.doc)
        self.wanted_ranges: list[tuple[int, int]] = []
        if triggers is None:
            self.wanted_ranges.append((0, n))
            return [True] * n
        wanted = [False] * n
        for k in sorted({self.sent_of[i] for i in triggers}):
            a, b = self.sents[max(0, k - CONTEXT_SENTENCES - 1)].start, self.sents[k].end
            if self.wanted_ranges and self.wanted_ranges[-1][1] >= a:
                a = self.wanted_ranges.pop()[0]
            self.wanted_ranges.append((a, b))
            wanted[a:b] = [True] * (b - a)
        return wanted

    def _group_spans(self) -> dict[int, tuple[int, str]]:
        """Token start -> (token end, Group key) for Group entity mentions."""
        spans: dict[int, tuple[int, str]] = {}
        for (kind, key), entity in self.a.entities.items():
            if kind != "Group":
                continue
            for ev in entity.mentions:
                span = self.doc.char_span(ev.start, ev.end, alignment_mode="expand")
                if span is not None:
                    spans[span.start] = (span.end, key)
        return spans

    def _quote_spans(self) -> list[tuple[int, int, Actor | None]]:
        out = []
        for q in self.a.quotations:
            speaker = None
            if q.speaker_key and q.speaker_kind:
                entity = self.a.entities.get((q.speaker_kind, q.speaker_key))
                official = q.speaker_kind != "Person" or (entity is not None and self._is_state_person(entity))
                speaker = self._entity_actor(q.speaker_kind, q.speaker_key, None) if official else None
            out.append((q.evidence.start, q.evidence.end, speaker))
        return out

    # ---- mention building

    def _add(self, mention: Mention) -> None:
        if any(i in self.mention_at for i in range(mention.start, mention.end)):
            return
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            self.mention_at[i] = mention

    def _build_mentions(self) -> None:
        doc = self.doc
        wanted, boilerplate = self.wanted, self.boilerplate
        for ent in self.ents:  # labels and extensions are read only for entities near a trigger
            if not wanted[ent.start] or boilerplate[ent.start]:
                continue
            if _bracketed_acronym(doc, ent.start, ent.end) and not self._same_state_before(ent):
                continue  # "(Daca)" after the programme's name; "the United Arab Emirates (UAE)" is the state
            self._add(self._entity_mention(ent, ent.label_, span_extension(doc, ent.start_char, ent.end_char, "iso")))
        sets = self.sets
        n = len(doc)
        two, relevant = _reference_words()
        region = self.lex["region_actors"]
        groups = self.lex["region_groups"]
        agencies = self.lex["_agency_first"]
        state_refs = _state_ref_nouns()
        W, T = doc_lowers(doc), doc_texts(doc)
        is_relevant, is_region = relevant.__contains__, region.__contains__
        # only tokens whose lower form or text can start a mention are looked at (the tests run at C speed)
        candidates = (i for a, b in self.wanted_ranges
                      for i in compress(range(a, b), map(or_, map(is_relevant, W[a:b]), map(is_region, T[a:b]))))
        for i in candidates:
            low = W[i]
            if i in self.mention_at or self.boilerplate[i]:
                continue
            agency = self._agency_at(i) if low in agencies else None
            if agency is not None:
                self._add(Mention(i, agency[0], "actor", ("Country", agency[1])))  # "the BAMF", "Carabinieri"
            elif i + 1 < n and (low, W[i + 1]) in two and i + 1 not in self.mention_at:
                self._add(Mention(i, i + 2, "body"))
            elif T[i] in region:
                kind, key = region[T[i]]
                self._add(Mention(i, i + 1, "actor", (kind, key)))
            elif (low in groups["members"] and i + 1 < n and W[i + 1] in groups["nouns"]) or low in groups["plurals"]:
                first = i - 1 if i > 0 and W[i - 1] == "the" and i - 1 not in self.mention_at else i
                end = i + 1 if low in groups["plurals"] else i + 2
                self._add(Mention(first, end, "actor", ("Region", groups["plurals"].get(low, low))))  # "the Baltic
                # states": each member acts (expanded by _expand_regions)
            elif low in state_refs and i > 0 and _state_ref_start(W, T, i) is not None and not (
                    i + 1 < n and W[i + 1] in {"of", "where", "that", "which"}):
                self._add(Mention(_state_ref_start(W, T, i), i + 1, "body"))  # "the country has placed its army",
                # "the kingdom", "the Balkan country": the state spoken of
            elif low == "bloc" and i > 0 and W[i - 1] == "the":
                self._add(Mention(i - 1, i + 1, "actor", ("Organization", "european-union")))
            elif low in sets["group_ref_nouns"]:
                ref = self._group_ref(i)
                if ref:
                    self._add(ref)
            elif low in sets["body_nouns"]:
                owner_named = i > 0 and i - 2 in self.mention_at
                if i > 0 and (i - 1 in self.mention_at or (W[i - 1] in {"'s", "’s"} and owner_named)):
                    continue  # "Polish government" is an entity; "Finland's parliament" resolves via Finland
                self._add(Mention(i, i + 1, "body"))
            elif low in {"it", "they", "he", "she"}:
                if low == "it" and _expletive_it_r37(W, i):
                    continue  # "it has become difficult to deport them": no one acts through "it" (r37)
                self._add(Mention(i, i + 1, "pronoun"))
            elif i > 0 and W[i - 1] == "the" and self._title_end(i):
                self._add(Mention(i - 1, self._title_end(i), "title"))  # "the prime minister pledged"
            elif i > 1 and W[i - 2] == "the" and getattr(self.mention_at.get(i - 1), "kind", None) == "demonym" \
                    and self._title_end(i):
                self._add(Mention(i, self._title_end(i), "title"))  # "the Polish president": owner resolved
            elif low in {"his", "her", "their", "its"} and i + 1 < n and W[i + 1] in {
                    "country", "government", "administration", "nation", "state"}:
                self._add(Mention(i, i + 2, "poss_ref"))
            elif low in sets["quote_we"] and self._quote_speaker(doc[i].idx) is not None:
                self._add(Mention(i, i + 1, "actor", self._quote_speaker(doc[i].idx)))

    def _agency_at(self, i: int) -> tuple[int, str] | None:
        """(end, ISO code) of a state agency named at token i whose name does not say its state ("BAMF",
        "Office of Refugee Resettlement"), the longest name first; None when there is none."""
        W = doc_lowers(self.doc)
        best = None
        for words, iso in self.lex["_agencies"].items():
            if W[i:i + len(words)] == list(words) and iso and (best is None or len(words) > best[0] - i):
                best = (i + len(words), iso)
        if best is not None and _programme_holder(self.lex, W, i, best[0]):
            return None  # "a DACA holder provides support": the programme names the group, not the doer
        return best

    def _title_end(self, i: int) -> int:
        """End of a state office title starting at token i ("prime minister"), not followed by a name
        (then the person entity stands for it); 0 when there is none."""
        W, T = doc_lowers(self.doc), doc_texts(self.doc)
        for title in self.sets["state_titles"]:
            words = title.split()
            end = i + len(words)
            if W[i:end] == words and (end >= len(W) or not (T[end][:1].isupper() and end not in self.mention_at
                                                          and T[end] not in CALENDAR_WORDS)):
                return end
        return 0

    def _group_ref(self, i: int) -> Mention | None:
        """"the countries", "the three nations", "both countries" (not "EU countries")."""
        doc = self.doc
        count = None
        j = i - 1
        words = self.lex["number_words"]
        while j >= max(0, i - 3):
            low = doc[j].lower_
            if low in words and low != "both":  # "both" starts the reference ("Both countries will ...", r33)
                count = words[low]
            elif doc[j].like_num and doc[j].text.isdigit():
                count = int(doc[j].text)
            elif low in self.sets["group_ref_starters"]:
                return Mention(j, i + 1, "group_ref", count=count or (2 if low == "both" else None))
            elif j in self.mention_at or doc[j].is_punct:
                return None
            j -= 1
        return None

    def _quote_speaker(self, char: int) -> Actor | None:
        for start, end, speaker in self.quotes:
            if start <= char < end:
                return speaker
        return None

    def _same_state_before(self, ent: Span) -> bool:
        """Whether the entity just before the parenthesis around ``ent`` names the same country (its own acronym)."""
        prev = self.ent_by_token.get(ent.start - 2)
        if prev is None:
            return False
        doc = self.doc
        iso = span_extension(doc, ent.start_char, ent.end_char, "iso")
        return iso is not None and iso == span_extension(doc, prev.start_char, prev.end_char, "iso")

    def _entity_mention(self, ent: Span, label: str, iso: str | None) -> Mention:
        """The mention an entity makes (``label``, ``iso``: its ``label_`` and ``_.iso``)."""
        found = self.a.token_entities.get(ent.start)
        text = doc_text(self.doc)[ent.start_char:ent.end_char]  # ent.text, without joining its tokens
        if text in self.lex["metonyms"]:
            kind, key = self.lex["metonyms"][text]
            return Mention(ent.start, ent.end, "actor", (kind, key))
        if label in {"GPE", "NORP"} and iso in self.gaz.countries:
            if label == "NORP" or (found and found[0] == "Country" and text in self.gaz.demonym_by_surface
                                   and not self._name_not_adjective(ent, iso)):
                nxt = doc_lowers(self.doc)[ent.end] if ent.end < len(self.doc) else None
                if nxt is not None and nxt in self.sets["state_org_heads"]:
                    return Mention(ent.start, ent.end + 1, "actor", ("Country", iso))
                if nxt is not None and nxt in {"'s", "’s"} and label != "NORP":
                    return Mention(ent.start, ent.end, "actor", ("Country", iso))  # "Myanmar's army"
                if nxt in {",", "and", "or"} and self._shares_body_head_r36(ent.end):
                    return Mention(ent.start, ent.end, "actor", ("Country", iso))  # "the German and French
                    # governments": each listed demonym shares the state body noun of the last (r36)
                return Mention(ent.start, ent.end, "demonym", ("Country", iso))
            return Mention(ent.start, ent.end, "actor", ("Country", iso))
        if label in {"LOC", "GPE", "FAC"}:
            name = span_extension(self.doc, ent.start_char, ent.end_char, "canonical") or text  # ent._.canonical
            if iso and capitals().get(name) == iso:
                return Mention(ent.start, ent.end, "actor", ("Country", iso))
            if label == "LOC" and iso in self.gaz.countries and ent.end < len(self.doc) and \
                    doc_lowers(self.doc)[ent.end] in PLACE_STATE_BODIES and self._state_named(iso):
                return Mention(ent.start, ent.end + 1, "actor", ("Country", iso))  # "Bavaria police": a region's
                # police or authorities act for the state the region lies in (r35)
            if label == "LOC" and iso in self.gaz.countries and ent.end < len(self.doc) and \
                    doc_lowers(self.doc)[ent.end] in PLACE_SUBJECT_NEXT and \
                    self.sents[self.sent_of[ent.start]].start == ent.start and self._state_named(iso):
                return Mention(ent.start, ent.end, "actor", ("Country", iso))  # "Sicily is using its powers to
                # close the port": a region opening its sentence as the subject acts for its state (r35)
            return Mention(ent.start, ent.end, "place")
        if label == "ORG":
            first = ent.start + 1 if doc_lowers(self.doc)[ent.start] == "the" else ent.start
            agency = self._agency_at(first) if doc_lowers(self.doc)[first] in self.lex["_agency_first"] else None
            if agency is not None and agency[0] == ent.end:
                return Mention(ent.start, ent.end, "actor", ("Country", agency[1]))  # "Office of Refugee Resettlement"
            if iso in self.gaz.countries and doc_lowers(self.doc)[ent.end - 1] in NATIONAL_CARRIER_HEADS:
                return Mention(ent.start, ent.end, "actor", ("Country", iso))  # "Kenya Airways": its state's (r35)
            if found and found[0] == "Organization":
                actor = self._entity_actor("Organization", found[1], ent)
                if actor:
                    return Mention(ent.start, ent.end, "actor", actor)
                if self._is_state_org(found[1], text):
                    return Mention(ent.start, ent.end, "body")
            return Mention(ent.start, ent.end, "blocker")
        if label in {"PERSON", "PER"}:
            if found and found[0] == "Person":
                entity = self.a.entities.get(found)
                lows = doc_lowers(self.doc)
                nxt = lows[ent.end] if ent.end < len(self.doc) else ""
                skip = 0
                if nxt in {"'s", "’s"} and ent.end + 1 < len(self.doc) and lows[ent.end + 1] in INSTITUTION_NOUNS:
                    nxt, skip = lows[ent.end + 1], 1  # "Obama's administration" as "the Obama administration"
                titled = lows[max(0, ent.start - 3):ent.start]  # "opposition leader X"
                if self.sets["non_state_role_words"].isdisjoint(titled) and entity is not None and (
                        self._is_state_person(entity) or nxt in INSTITUTION_NOUNS or self._heads_executive(entity)):
                    # "the Biden administration": a leader's name before an institution stands for the state
                    actor = self._entity_actor("Person", found[1], ent)
                    end = ent.end + 1 + skip if nxt in INSTITUTION_NOUNS else ent.end
                    if actor is None and found[1] in self.__dict__.get("_stateless_officials", ()):
                        return Mention(ent.start, end, "blocker")  # another state's official, state unknown
                    return Mention(ent.start, end, "actor" if actor else "body", actor)
            return Mention(ent.start, ent.end, "blocker")
        return Mention(ent.start, ent.end, "place")

    def _shares_body_head_r36(self, i: int) -> bool:
        """Whether token i opens the rest of a list of state demonyms whose last one heads a state body: ", French
        and Dutch governments" after "German" (r36). Only commas and one "and"/"or" may join them."""
        lows, n = doc_lowers(self.doc), len(self.doc)
        heads = self.sets["state_org_heads"]
        links = 0
        while i < n and lows[i] in {",", "and", "or"}:
            links += lows[i] != ","
            i += 1
            if i < n and lows[i] in {"and", "or"}:
                links += 1
                i += 1
            nxt = self._ent_at(i)
            if nxt is None or links > 1 or not (nxt.label_ == "NORP" or (
                    nxt.label_ == "GPE" and nxt.text in self.gaz.demonym_by_surface)):
                return False
            i = nxt.end
            if i < n and lows[i] in heads:
                return links == 1
        return False

    def _state_named(self, iso: str) -> bool:
        """Whether the document names the state ``iso`` itself (a country name or its adjective), so a region's
        name read as that state's is no homonym of a region elsewhere ("Virginia police" in a story naming no
        South Africa; r35)."""
        named = self.__dict__.get("_r35_named")
        if named is None:
            named = self._r35_named = frozenset(i for _ent, label, i in self.ent_info()
                                                if label in {"GPE", "NORP"} and i in self.gaz.countries)
        return iso in named

    def _name_not_adjective(self, ent: Span, iso: str) -> bool:
        """A country name that is also its adjective ("Myanmar agreed" / "Myanmar refugees") names the state
        unless a group or modified noun follows it."""
        country = self.gaz.countries[iso]
        if ent.text != country.name and ent.text not in (country.names or ()):
            return False
        if ent.end >= len(self.doc):
            return True
        nxt = doc_lemmas(self.doc)[ent.end]
        sets = self.sets
        return not (nxt in sets["people_words"] or nxt in sets["migrant_words"] or nxt in sets["conscript_words"]
                    or doc_lowers(self.doc)[ent.end] in sets["modifier_nouns"])

    # ---- entity -> actor

    def _is_state_org(self, key: str, text: str) -> bool:
        """A state body by its key or name: "Interior Ministry", "Border Guard", or an agency whose name
        (or canonical key) has a word of state immigration work ("Immigration and Customs Enforcement")."""
        last = text.split()[-1].lower() if text.split() else ""
        if not NEWS_ORG_WORDS_R36.isdisjoint(w.lower() for w in text.split()):
            return False  # "the Polish Press Agency": a news source that reports, not a state body (r36)
        return key in self.sets["state_org_names"] or last in self.sets["state_org_heads"] or any(
            w.lower() in {"ministry", "government", "authorities", "guard", "guards", "police"} for w in text.split()
        ) or not self.sets["state_agency_words"].isdisjoint(key.split("-"))

    def _unnamed_in_other_story(self, iso: str, name: str) -> bool:
        """A body's state the story never names while it names another state often ("the main opposition
        Congress" in a story on India): the body's name is another state's, no actor. A body named with its
        state ("Czech authorities") names it."""
        own = self.a.entities.get(("Country", iso))
        if own is not None and own.mentions:
            return False
        country = self.gaz.countries.get(iso)
        words = set(name.replace("'s", " ").replace("’s", " ").split())
        if country is not None and not words.isdisjoint(set(country.names) | set(country.demonyms)):
            return False
        return any(k[0] == "Country" and k[1] != iso and len(e.mentions) >= 3 for k, e in self.a.entities.items())

    def _heads_executive(self, entity: Entity) -> bool:
        """A person the story names an executive after ("the Obama administration", "the Orban government"
        elsewhere in the document) leads a state, so "Obama's order", "Mr. Obama granted" act for it even where
        no title is written."""
        if self._executive_names is None:
            W, T = doc_lowers(self.doc), doc_texts(self.doc)
            heads = self.lex["leader_named_bodies"]
            self._executive_names = frozenset(  # (the tokens before a head word found at C speed; r30)
                T[i] for i in compress(range(len(W) - 1), map(frozenset(heads).__contains__, W[1:]))
                if T[i].istitle() and T[i].isalpha() and T[i + 1].islower())
        words = entity.name.split()
        return bool(words) and words[-1] in self._executive_names

    def _is_state_person(self, entity: Entity) -> bool:
        return _is_state_role(str(entity.attributes.get("role") or "").lower())

    def _entity_actor(self, kind: str, key: str, span: Span | None) -> Actor | None:
        """The state or organisation an entity acts for, when known."""
        org_map = self.lex["_org_map"]
        if kind == "Country":
            return ("Country", key)
        if kind == "Organization":
            bare = key[4:] if key.startswith("the-") else key
            if bare in org_map:
                return ("Organization", org_map[bare])
            entity = self.a.entities.get((kind, key))
            iso = entity.attributes.get("country") if entity else None
            if iso and self._is_state_org(bare, entity.name) and not self._unnamed_in_other_story(iso, entity.name):
                return ("Country", iso)
            return None
        if kind == "Person":
            if (kind, key) not in self._actor_cache:
                self._actor_cache[(kind, key)] = self._person_actor(key)
            return self._actor_cache[(kind, key)]
        return None

    def _person_actor(self, key: str) -> Actor | None:
        """An official acts for their organisation (if international) or country, stated or inferred."""
        entity = self.a.entities.get(("Person", key))
        if entity is None:
            return None
        affiliation = entity.attributes.get("affiliation")
        via = self._entity_actor("Organization", str(affiliation), None) if affiliation else None
        if via and via[0] == "Organization":
            return via
        iso = entity.attributes.get("country")
        if iso:
            return ("Country", str(iso))
        owner = via or self._person_owner_before(entity)
        if owner:
            return owner
        evidence = self._person_state_evidence(entity)
        if evidence is False:
            self.__dict__.setdefault("_stateless_officials", set()).add(key)
        if evidence is not None:
            return evidence or None
        if self._main_country_contested():
            self.__dict__.setdefault("_stateless_officials", set()).add(key)
            return None  # r30: "President X's travel ban" in a story naming Italy in places but the US as a people
            # more often: the guess from place names alone is no evidence of X's state
        return self._person_country_from_context(entity)

    def _sentence_of_char(self, char: int) -> int:
        """Index of the sentence holding the character offset."""
        if "_sent_starts" not in self.__dict__:
            self._sent_starts = [s.start_char for s in self.sents]
        return max(0, bisect_right(self._sent_starts, char) - 1)

    def _person_state_evidence(self, entity: Entity) -> Actor | bool | None:
        """What the text says of the state of an official whose state is not written beside the name: a seat of
        government named in a sentence with the person or the one before ("The White House said ... President X"
        acts for the United States, "the Kremlin ... X" for Russia); else, when another person named with the same
        office holds it for the story's main state ("Mexican President A ... President B deported"), the main state
        is not B's, nor is it the state of an official who visits it ("X visited Ankara"): False (no actor: better
        none than the wrong state; a state named near the official is no evidence of theirs). None: no evidence, the
        story's main state is read as before."""
        mentioned = sorted({self._sentence_of_char(ev.start) for ev in entity.mentions})
        if not mentioned:
            return None
        near = {k for s in mentioned for k in (s - 1, s)}
        seats = self.lex["seats_of_government"]
        found: dict[str, int] = {}
        for (kind, _key), other in self.a.entities.items():
            if kind != "Organization" or other.name not in seats:
                continue
            for ev in other.mentions:
                k = self._sentence_of_char(ev.start)
                if k in near:
                    found[seats[other.name]] = min(found.get(seats[other.name], k), k)
        if len(found) == 1:
            return ("Country", next(iter(found)))
        opened = self._opening_state(mentioned) or self._of_state_after(entity)
        if opened is not None:
            return opened
        main = self._person_country_from_context(None)
        office = self._office_words(str(entity.attributes.get("role") or ""))
        if main is None or not (office or self._visits(entity, main[1])):
            return None
        held = self._visits(entity, main[1]) or any(
            self._office_words(str(o.attributes.get("role") or "")) == office and o.attributes.get("country") == main[1]
            for (kind, _key), o in self.a.entities.items() if kind == "Person" and o is not entity)
        return False if held else None

    def _opening_state(self, sentences: list[int]) -> Actor | None:
        """"In the United States, President X deported ...": the state a sentence naming the official opens with
        ("In <state>,"), when all such sentences name the same one."""
        found = set()
        W = doc_lowers(self.doc)
        for k in sentences:
            start = self.sents[k].start
            if W[start] != "in":
                continue
            for ent, _label, iso in self.ent_info():
                if ent.start in (start + 1, start + 2) and ent.end < len(W) and W[ent.end] == "," \
                        and iso in self.gaz.countries \
                        and self.a.token_entities.get(ent.start, ("", ""))[0] == "Country":
                    found.add(iso)
        return ("Country", found.pop()) if len(found) == 1 else None

    def _of_state_after(self, entity: Entity) -> Actor | None:
        """"Chancellor X of Germany": a state named right after the official's name with "of"."""
        W, found = doc_lowers(self.doc), set()
        for ev in entity.mentions:
            span = self.doc.char_span(ev.start, ev.end, alignment_mode="expand")
            if span is None or span.end + 1 >= len(W) or W[span.end] != "of":
                continue
            k = span.end + 2 if W[span.end + 1] == "the" else span.end + 1
            ent = self.ent_by_token.get(k) if k < len(W) else None
            if ent is not None and ent.start == k and self.a.token_entities.get(k, ("", ""))[0] == "Country":
                iso = span_extension(self.doc, ent.start_char, ent.end_char, "iso")
                if iso in self.gaz.countries:
                    found.add(iso)
        return ("Country", found.pop()) if len(found) == 1 else None

    def _visits(self, entity: Entity, iso: str) -> bool:
        """Whether the official, as the subject, visits the state or its capital ("X visited Ankara", "X arrived in
        Turkey", "X has travelled to Turkey"): a visitor is another state's official."""
        W = doc_lowers(self.doc)
        verbs, capital_of = frozenset(self.lex["visit_verbs"]), capitals()
        for ev in entity.mentions:
            span = self.doc.char_span(ev.start, ev.end, alignment_mode="expand")
            if span is None:
                continue
            sent = self.sents[self.sent_of[span.start]]
            i = span.end
            while i < sent.end and i < span.end + 2 and W[i] in {"has", "had", "was", "is", "will", "also", "then"}:
                i += 1
            if i >= sent.end - 1 or W[i] not in verbs:
                continue
            j = i + 1
            while j < sent.end and j <= i + 3 and W[j] in {"in", "to", "the"}:
                j += 1
            ent = self.ent_by_token.get(j)
            if ent is None or ent.start != j:
                continue
            text = doc_text(self.doc)[ent.start_char:ent.end_char]
            found = self.a.token_entities.get(j, ("", ""))
            if (found[0] == "Country" and found[1] == iso) or capital_of.get(text) == iso:
                return True
        return False

    def _office_words(self, role: str) -> tuple[str, ...]:
        """The head office of a role ("President", "Prime Minister"), empty for a role that is not a state's sole
        office holder ("Vice President", "former President", "Interior Minister")."""
        words = tuple(role.lower().split())
        heads = self.lex["sole_offices"]
        if not words or not set(words).isdisjoint(heads["not"]):
            return ()
        return words if " ".join(words) in heads["titles"] else ()

    def _person_owner_before(self, entity: Entity) -> Actor | None:
        """"EU Home Affairs Commissioner X": an organisation or country among the role words before a name."""
        doc = self.doc
        for ev in entity.mentions:
            span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
            if span is None:
                continue
            j = span.start - 1
            steps = 0
            while j >= 0 and steps < 6 and (doc[j].is_title or doc[j].is_upper or doc[j].lower_ in {"'s", "’s"}):
                ent = self._ent_at(j)
                if ent is not None and ent.label_ in {"ORG", "GPE", "NORP"}:
                    found = self.a.token_entities.get(ent.start)
                    if found:
                        actor = self._entity_actor(found[0], found[1], ent) if found[0] != "Person" else None
                        if actor:
                            return actor
                    iso = span_extension(doc, ent.start_char, ent.end_char, "iso")  # ent._.iso, no Underscore
                    if iso in self.gaz.countries:
                        return ("Country", iso)
                    break
                j -= 1
                steps += 1
        return None

    def ent_info(self) -> list[tuple[Span, str, str | None]]:
        """(entity span, label, ``_.iso``) of every entity, read once: each ``ent.label_`` and extension read
        looks the value up anew."""
        if self._ent_info is None:
            doc = self.doc  # (``span_extension``: ``ent._.iso`` without an Underscore object per entity)
            self._ent_info = [(ent, ent.label_, span_extension(doc, ent.start_char, ent.end_char, "iso"))
                              for ent in self.ents]
        return self._ent_info

    def _ent_at(self, i: int) -> Span | None:
        return self.ent_by_token.get(i)

    def _main_country_contested(self) -> bool:
        """Whether the state the document names most as a place (``_person_country_from_context``) is not the one
        it names most counting every country word, its people and adjectives too ("Americans", "U.S. officials"):
        then the place count is no evidence of which state an official of unstated state serves (r30 audit: a
        travel-ban protest in Rome, a virus story naming China, an essay citing France, each about a US leader)."""
        if "_contested" not in self.__dict__:
            main = self._person_country_from_context(None)
            counts: dict[str, int] = {}
            first: dict[str, int] = {}
            for ent, label, iso in self.ent_info():
                if iso in self.gaz.countries and label in {"GPE", "NORP", "LOC", "ORG"}:
                    counts[iso] = counts.get(iso, 0) + 1
                    first.setdefault(iso, ent.start)
            ranked = sorted(counts, key=lambda iso: (-counts[iso], first[iso]))
            self._contested = bool(main and ranked and ranked[0] != main[1]
                                   and counts[ranked[0]] > counts.get(main[1], 0))
        return self._contested

    def _person_country_from_context(self, entity: Entity | None) -> Actor | None:
        """An official whose country is not stated ("President Joe Biden"): the country the document
        names most often, as news about a leader is mostly about their own country."""
        if self._main_country is None:
            counts: dict[str, int] = {}
            first: dict[str, int] = {}
            for ent, label, iso in self.ent_info():
                if iso not in self.gaz.countries:
                    continue
                found = self.a.token_entities.get(ent.start)
                state_org = label == "ORG" and found is not None and self._is_state_org(found[1], ent.text)
                if label == "GPE" or state_org:  # "the White House", "Homeland Security Department"
                    counts[iso] = counts.get(iso, 0) + 1
                    first.setdefault(iso, ent.start)
            ranked = sorted(counts, key=lambda iso: (-counts[iso], first[iso]))
            self._main_country = ranked[0] if ranked else ""
        return ("Country", self._main_country) if self._main_country else None

    # ---- syntax-free heuristics

    def is_prepositional(self, m: Mention) -> bool:
        """True when the mention (or the list it is part of) is probably the object of a preposition.

        Walks left over determiners, numbers, titles and coordinated mentions; a comma ends the
        walk ("On Friday, Finland closed"), and after "and"/"or" a few plain words may be the first
        conjunct ("between its member states and Russia")."""
        doc = self.doc
        sets = self.sets
        group = self.coordinated(m, len(doc))
        first = group[0] if group else m
        j = first.start - 1
        sent_start = self.sents[self.sent_of[m.start]].start
        steps = 0
        after_conj = 0
        while j >= sent_start and steps < 10:
            tok = doc[j]
            low = tok.lower_
            other = self.mention_at.get(j)
            if other is not None and other is not m:
                j = other.start - 1
                steps += 1
                continue
            if tok.is_space:
                j -= 1  # "deported to  A": a doubled space in a web page is a token of its own (r38)
                continue
            if low in sets["prepositions"]:
                if low == "of" and j > sent_start and doc[j - 1].lower_ in sets["body_of_heads"]:
                    return False  # "the Council of the European Union", "the government of Poland"
                noun = self._listed_by(j)
                if noun is not None:  # "countries including Poland and Romania": walk on from "countries"
                    j = noun - 1
                    steps += 1
                    continue
                return True
            if low in {":", "(", "—"} and j > sent_start and doc[j - 1].lower_ in sets["group_ref_nouns"]:
                return self._appositive_of_object(j - 1)  # "from six nations: A, B and C"
            if low in {",", ";", ":", "(", "“", "\"", "—"}:
                return False
            if low in {"and", "or"}:
                after_conj = 4
                j -= 1
                steps += 1
                continue
            if tok.like_num and len(tok.text) == 4 and tok.text.isdigit() and tok.text[:2] in {"19", "20"}:
                return False  # "in 2016 the United States resettled ...": the year is the preposition's object
            named = m.kind in {"actor", "blocker", "place", "demonym"}  # "Foreign Minister X", not "on Monday it"
            if low in sets["left_skip"] or tok.like_num or (
                    named and tok.is_title and j != sent_start and tok.text not in CALENDAR_WORDS):
                j -= 1
                steps += 1
                continue
            if after_conj > 0 and tok.is_alpha and tok.is_lower:
                after_conj -= 1
                j -= 1
                steps += 1
                continue
            if low in sets["group_ref_nouns"] and j + 1 < len(doc) and doc[j + 1].lower_ in APPOSITION_DASHES:
                return self._appositive_of_object(j)  # "from seven countries - A, B and C - ..."
            return False
        return False

    def _appositive_of_object(self, noun: int) -> bool:
        """Whether the group noun ("countries", "nations") that a dash, colon or bracket list of states stands in
        apposition to is itself a preposition's object: "barred people from six mostly Muslim nations - A, B and
        C - from entering" names the ban's targets, not states that act (r32 audit: a travel ban's target
        states read as the actors of the next sentence's "It also halted ..."). Walks left over the noun's
        modifiers (numbers, words, hyphens) for at most five tokens."""
        doc = self.doc
        sent_start = self.sents[self.sent_of[noun]].start
        for j in range(noun - 1, max(sent_start - 1, noun - 6), -1):
            low = doc[j].lower_
            if low in self.sets["prepositions"]:
                # "several of the nations - A and B - have taken in ...", "among the states - A, B -": a partitive
                # or "among" picks states out, they may still act
                return low != "among" and not (low == "of" and j > sent_start and (
                    doc[j - 1].like_num or doc[j - 1].lower_ in PARTITIVE_HEADS))
            if not (doc[j].is_alpha or doc[j].like_num or low in {"-", "–"}):
                return False
        return False

    def _listed_by(self, j: int) -> int | None:
        """Position of the group noun a list introducer at j follows ("countries, including", "nations such
        as"), else None."""
        lows = doc_lowers(self.doc)
        intro = self.lex["list_introducers"]
        k = j
        if lows[j] == "as" and intro["such_as"] and j > 0 and lows[j - 1] == "such":
            k = j - 1
        elif lows[j] not in intro["words"]:
            return None
        k -= 1
        if k >= 0 and lows[k] == ",":
            k -= 1
        return k if k >= 0 and lows[k] in self.sets["group_ref_nouns"] else None

    def followed_by_modifier(self, m: Mention) -> bool:
        """"EU countries", "Russian border", "Polish-Belarusian": the mention modifies a noun."""
        if m.end >= len(self.doc):
            return False
        nxt = self.doc[m.end]
        if nxt.lower_ in {"-", "–"} and not nxt.whitespace_ and m.end + 1 < len(self.doc):
            return True
        if self.opens_dash_aside(m):
            return False  # "Finland – after weeks of debate – closed": the dash opens an aside, no compound
        return nxt.lower_ in self.sets["modifier_nouns"]

    def opens_dash_aside(self, m: Mention) -> bool:
        """"Finland – after weeks of debate – closed ...": a spaced dash right after the mention that the same
        dash closes later in the sentence, two or more words on, sets off an aside; "the Poland – Belarus
        border" has one dash only."""
        doc = self.doc
        if m.end >= len(doc) or doc[m.end].lower_ not in DASHES or not doc[m.end].whitespace_:
            return False
        sent = self.sents[self.sent_of[m.start]]
        lowers = doc_lowers(doc)
        return any(lowers[i] == lowers[m.end] for i in range(m.end + 3, sent.end))

    def possessor_of(self, m: Mention, start: int) -> bool:
        """"the Kremlin's partial mobilization": the mention owns the noun phrase the trigger starts in."""
        doc = self.doc
        if m.end >= len(doc) or doc[m.end].lower_ not in {"'s", "’s", "'", "’"}:
            return False
        between = doc[m.end + 1:start]
        if len(between) >= 2 and between[-1].lower_ == "to":
            between = between[:-1]  # "Denmark's decision to revoke ..."
        return len(between) <= 3 and not any(t.is_punct or t.lower_ in self.sets["prepositions"] for t in between)

    def coordinated(self, m: Mention, limit: int) -> list[Mention]:
        """The mention with its coordinated neighbours: "Latvia, Lithuania, Estonia and Poland".

        Needs at least one "and"/"or" link, so "in Europe, Moldova" is no list; three or more closed by a dash
        opening an aside that holds the last one ("Latvia, Lithuania, Estonia – and even Poland –") are one."""
        doc = self.doc
        gap_ok = self.sets["coord_gap"]

        def neighbour(pos: int, step: int) -> tuple[Mention, bool] | None:
            j = pos
            gap = []
            while 0 <= j < len(doc) and len(gap) <= 6:
                other = self.mention_at.get(j)
                if other is not None:
                    if other.kind == "actor" and gap and any(t in {",", "and", "or", "&"} for t in gap):
                        return other, any(t in {"and", "or", "&"} for t in gap)
                    return None
                if doc[j].lower_ not in gap_ok:
                    return None
                gap.append(doc[j].lower_)
                j += step
            return None

        out = [m]
        conj = False
        cur = m
        while True:
            found = neighbour(cur.start - 1, -1)
            if found is None:
                break
            cur, has_conj = found
            conj = conj or has_conj
            out.insert(0, cur)
        cur = m
        while True:
            found = neighbour(cur.end, 1)
            if found is None or found[0].end > limit:
                break
            cur, has_conj = found
            conj = conj or has_conj
            out.append(cur)
        if conj and len(out) >= 3:
            out, conj = _closed_list_r40(self, out, m)
        if not conj and len(out) == 1 and m.end < len(doc) and doc[m.end].text in DASHES:
            j = m.start - 1
            while j > 0 and m.start - j < 5 and (doc[j].lower_ in LIST_ASIDE_OPENERS or doc[j].text == ","):
                j -= 1
            before = self.mention_at.get(j - 1) if j > 0 and j < m.start - 1 and doc[j].text in DASHES else None
            if before is not None and before.kind == "actor" and before.end == j:
                listed = [before]
                while True:  # "Hungary, Bulgaria, Spain – why, even Norway – have all ...": the aside closes the list
                    found = neighbour(listed[0].start - 1, -1)
                    if found is None or found[1]:
                        break
                    listed.insert(0, found[0])
                if len(listed) >= 3:
                    return listed + [m]
        if not conj and len(out) >= 3 and out[-1].end < len(doc) and doc[out[-1].end].text in DASHES:
            # "Hungary, Bulgaria, Greece – and even Norway – have all ...": the "and" is in the aside, whose
            # states close the list
            d = out[-1].end + 1
            if d < len(doc) and doc[d].lower_ in LIST_ASIDE_OPENERS:
                aside = []
                for j in range(d, min(len(doc), d + 8)):
                    if doc[j].text in DASHES:
                        out.extend(aside)
                        break
                    other = self.mention_at.get(j)
                    if other is not None and other.kind == "actor" and other.start == j and other.end <= limit:
                        aside.append(other)
            return out
        return out if conj else [m]


# --------------------------------------------------------------------------- actor resolution


def _resolve_reference(ctx: _Context, m: Mention) -> list[Actor]:
    """Actors for "the government", "it", "the countries", "his country" from the surrounding text."""
    doc = ctx.doc
    k = ctx.sent_of[m.start]
    sent = ctx.sents[k]
    if m.kind == "poss_ref":
        for other in reversed([x for x in ctx.by_end if sent.start <= x.start < m.start]):
            if other.kind == "actor" and other.actor and other.actor[0] == "Country":
                return [other.actor]
        return _previous_subject_state(ctx, m, k)
    if m.kind == "group_ref":
        return _group_from_context(ctx, m)
    if m.kind == "pronoun" and doc[m.start].lower_ in {"he", "she"}:
        return _person_antecedent(ctx, m)
    if m.kind == "pronoun":
        # "Mexico says it has deported ...": an actor earlier in the same sentence
        for other in reversed([x for x in ctx.by_end if sent.start <= x.start and x.end <= m.start]):
            if other.kind == "actor" and other.actor and not ctx.is_prepositional(other) \
                    and not ctx.followed_by_modifier(other):
                return [x.actor for x in ctx.coordinated(other, m.start) if x.actor]
            if other.kind in {"body", "title"} and not ctx.is_prepositional(other):
                return _resolve_reference(ctx, other)  # "The administration said it would ..."
            if other.kind == "blocker":
                break
        if k == 0:
            return []
        prev = ctx.sents[k - 1]
        chained = _subject_chain(ctx, m, sent, prev)
        if chained is not None:
            return chained
        for other in ctx.by_end:
            if prev.start <= other.start < prev.end and other.kind == "actor" and not ctx.is_prepositional(other):
                if ctx.followed_by_modifier(other):
                    continue
                group = ctx.coordinated(other, prev.end)
                if doc[m.start].lower_ == "they" and len(group) < 2:
                    return []
                return [g.actor for g in group if g.actor]
            if prev.start <= other.start < prev.end and other.kind == "blocker" and not ctx.is_prepositional(other):
                return []
        return []
    # body: "U.S. immigration officials", "Greek border guards" (an owner a word or two before the noun)
    j = m.start - 1
    while j >= sent.start and j >= m.start - 3:
        other = ctx.mention_at.get(j)
        if other is not None:
            if other.kind in {"actor", "demonym"} and other.actor:
                return [other.actor]
            break
        if not doc[j].is_alpha or doc[j].lower_ in ctx.sets["prepositions"] or doc[j].lower_ in {"the", "a", "an"}:
            break
        j -= 1
    # "parliament in Chile", "the government of Peru"
    pos = m.end + 1
    if pos < sent.end and doc[pos].lower_ == "the":
        pos += 1
    if m.end < sent.end and doc[m.end].lower_ in {"in", "of"} and pos in ctx.mention_at:
        owner = ctx.mention_at[pos]
        if owner.kind == "actor" and owner.actor:
            if doc[m.end - 1].lower_ in ctx.lex["located_plural_bodies"]:
                return [x.actor for x in ctx.coordinated(owner, sent.end) if x.actor]  # "officials in A, B and C"
            return [owner.actor]
    if m.kind == "title":
        if m.end < sent.end and doc[m.end].lower_ == "of":
            return []  # "the president of the charity": an office of no state named
        for other in reversed(ctx.by_end):  # "The UK has given ..., but the prime minister pledged"
            if sent.start <= other.start and other.end <= m.start and other.kind == "actor" and other.actor \
                    and other.actor[0] == "Country" and not ctx.is_prepositional(other) \
                    and not ctx.followed_by_modifier(other):
                return [other.actor]
        holder = _office_holder_state(ctx, m)
        if holder:
            return [holder]  # "U.S. President Donald Trump ... the president": the state of the office's holder
        if ctx.__dict__.get("_last_holder") in ctx.__dict__.get("_stateless_officials", ()):
            return []  # the holder is another state's official whose state the text does not give (r29)
        main = ctx._person_country_from_context(None)
        if main:
            return [main]  # "the president" of a story is mostly its main state's
    # "the administration" after "the Trump administration", "the government" after "the Polish government"
    noun = doc[m.end - 1].lower_
    if noun in INSTITUTION_NOUNS:
        for other in reversed(ctx.by_end):
            if other.end > m.start or other.kind != "actor" or not other.actor:
                continue
            if doc[other.end - 1].lower_ == noun or (other.end < len(doc) and doc[other.end].lower_ == noun):
                return [other.actor]
    led = _leader_named_body(ctx, m, known_only=True)
    if led:
        return led  # "the Obama administration": the state its leader is known to act for
    # "In France, the government ..." then the nearest earlier state actor
    j = sent.start
    if doc[j].lower_ == "in" and j + 1 in ctx.mention_at:
        opener = ctx.mention_at[j + 1]
        if opener.kind == "actor" and opener.end < len(doc) and doc[opener.end].text == ",":
            return [opener.actor]
    # "to wait in Chile, where the government reviews their papers": the state "where" refers to
    j = m.start - 1 if m.start - 1 >= sent.start and doc[m.start - 1].lower_ == "the" else m.start
    if j - 3 >= sent.start and doc[j - 1].lower_ == "where" and doc[j - 2].text == ",":
        place = next((x for x in ctx.by_end if x.end == j - 2), None)
        if place is not None and place.kind == "actor" and place.actor and place.actor[0] == "Country":
            return [place.actor]
    states_only = noun == "country"
    main = ctx._person_country_from_context(None) if noun in INSTITUTION_NOUNS else None
    if main and any(other.actor == main and sent.start <= other.start and other.end <= m.start
                    for other in ctx.by_end):
        return [main]  # "hostility in Israel and a government effort to ...": the story's state, named just before
    if states_only:
        # "the country" is mostly the story's main state when that was named lately
        main = ctx._person_country_from_context(None)
        if main and any(other.actor == main and other.end <= m.start and ctx.sent_of[other.start] >= k - 2
                        for other in ctx.by_end):
            return [main]
    for other in reversed(ctx.by_end):
        if other.end > m.start or ctx.sent_of[other.start] < k - CONTEXT_SENTENCES:
            continue
        if states_only and (other.actor is None or other.actor[0] != "Country"):
            continue
        if other.kind == "actor" and other.actor and not ctx.is_prepositional(other) \
                and not ctx.followed_by_modifier(other):
            return [other.actor]
    agency = m.kind == "body" and not ctx.sets["state_agency_words"].isdisjoint(doc_lowers(doc)[m.start:m.end])
    if (doc[m.end - 1].lower_ in INSTITUTION_NOUNS or m.kind == "title" or agency) \
            and ctx._person_country_from_context(None) and _named_before(ctx, ctx._person_country_from_context(None),
                                                                        m.start):
        return [ctx._person_country_from_context(None)]  # "the administration", "immigration officials" of the
        # story's country
    return _leader_named_body(ctx, m, known_only=False)


def _leader_named_body(ctx: _Context, m: Mention, known_only: bool) -> list[Actor]:
    """"granted a deferral by the Obama administration": an institution named after a person ("the <name>
    administration/government") is a state's executive, so it acts for that person's state when known, else
    (``known_only`` False) for the story's main state even when that state is named only later in the story."""
    doc = ctx.doc
    if m.kind != "body" or m.end - m.start < 2 or doc[m.end - 1].lower_ not in ctx.lex["leader_named_bodies"]:
        return []
    noun, name = doc[m.end - 1], doc[m.end - 2]
    if not noun.text.islower() or not name.is_alpha or not name.text.istitle():
        return []  # "the Food and Drug Administration" is an agency named by its task, not its leader
    found = ctx.a.token_entities.get(m.end - 2)
    if found is not None and found[0] == "Person":
        actor = ctx._entity_actor("Person", found[1], None)
        if actor is not None and actor[0] == "Country":
            return [actor]
    elif found is not None and found[0] != "Organization":
        return []
    else:  # "the Obama administration" read as one organisation: the person named elsewhere in the story
        for (kind, key), entity in ctx.a.entities.items():
            if kind == "Person" and name.text in entity.name.split():
                actor = ctx._entity_actor("Person", key, None)
                if actor is not None and actor[0] == "Country":
                    return [actor]
    main = None if known_only else ctx._person_country_from_context(None)
    return [main] if main else []


def _subject_chain(ctx: _Context, m: Mention, sent: Span, prev: Span) -> list[Actor] | None:
    """"The administration surged resources to the border. It built detention centres": a pronoun opening a
    sentence continues the subject that opened the sentence before (a state, a body such as "the government",
    or the same pronoun, followed back one more sentence); None when the sentence before opens with no mention,
    so the nearest actor there is read as before."""
    doc = ctx.doc
    if m.start != sent.start:
        return None
    opening = [x for x in ctx.mentions if prev.start <= x.start <= prev.start + 3 and x.start < prev.end]
    first = min(opening, key=lambda x: x.start) if opening else None
    if first is None or any(not (t.is_title or t.lower_ in {"the", "a", "an"}) for t in doc[prev.start:first.start]):
        return None
    if first.kind == "pronoun" and doc[first.start].lower_ == doc[m.start].lower_:
        return _resolve_reference(ctx, first)  # "It surged ... It built ...": one subject throughout
    if first.kind in {"body", "title"} and not ctx.is_prepositional(first):
        return _resolve_reference(ctx, first) or None
    if first.kind == "actor" and first.actor and not ctx.is_prepositional(first) \
            and not ctx.followed_by_modifier(first):
        return [x.actor for x in ctx.coordinated(first, prev.end) if x.actor]
    return None


def _ended_antecedent(ctx: _Context, start: int, sent: Span) -> bool:
    """Whether the trigger at ``start`` opens a clause describing a programme that the sentence ends: "scrapped the
    programme, which has protected them from deportation", "a ruling on the plan to end a scheme sheltering
    minors" (the relative or participle clause says what the programme did, the ending is the measure)."""
    lowers, lemmas = doc_lowers(ctx.doc), doc_lemmas(ctx.doc)
    data = ctx.lex["ended_protection"]
    j = start - 1
    while j > sent.start and lowers[j] in data["gap"]:
        j -= 1  # "which has long protected"
    if lowers[j] in {"which", "that"}:
        j -= 1
        if j > sent.start and lowers[j] == ",":
            j -= 1
    elif not lowers[start].endswith("ing"):
        return False  # only a relative clause or a participle ("a program protecting ...") describes the programme
    if j > sent.start and lowers[j] == ")":
        while j > sent.start and lowers[j] != "(":
            j -= 1  # "the Relief for Young Arrivals (RYA) scheme, which ...": past the acronym
        j -= 1
    if j <= sent.start or not (lowers[j] in data["heads"] or tuple(lowers[j:j + 1]) in ctx.lex["_programme_last"]):
        return False
    for k in range(j - 1, max(sent.start - 1, j - data["window"]), -1):
        if lowers[k] in {";", ":", "which", "that"}:
            return False
        if lemmas[k] in data["ending_words"] or lowers[k] in data["ending_words"]:
            return True
    return False


def _named_before(ctx: _Context, actor: Actor, i: int) -> bool:
    """Whether the state is named before token i: "the administration" read as the story's state needs that state
    named already ("The administration deported 900 Salvadorans. Mexico took in most of them" names no deporting
    state)."""
    return any(iso == actor[1] and ent.start < i for ent, _, iso in ctx.ent_info())


def _previous_subject_state(ctx: _Context, m: Mention, k: int) -> list[Actor]:
    """"Poland is a frontline state. Its government has sealed the border": "its" opening a sentence stands for
    the state the sentence before is about (its first state named as no prepositional object or modifier); a
    sentence before that names none, or names an organisation first, gives nothing."""
    doc = ctx.doc
    if k == 0 or doc[m.start].lower_ != "its" or any(t.is_alpha for t in doc[ctx.sents[k].start:m.start]):
        return []
    prev = ctx.sents[k - 1]
    for other in ctx.by_end:
        if not prev.start <= other.start < prev.end or other.kind not in {"actor", "blocker"}:
            continue
        if ctx.is_prepositional(other) or ctx.followed_by_modifier(other):
            continue
        if other.kind == "actor" and other.actor and other.actor[0] == "Country":
            return [other.actor]
        return []
    return []


def _office_holder_state(ctx: _Context, m: Mention) -> Actor | None:
    """The state of the person last named before with this office, in this sentence or the three before ("the
    president" after "U.S. President Donald Trump" in a story mostly about Mexico); a holder with no stated state
    acts for the one inferred."""
    doc = ctx.doc
    words = [t.lower_ for t in doc[m.start:m.end] if t.lower_ not in {"the", "a", "an", "its", "their"}]
    if not words:
        return None
    at = doc[m.start].idx
    since = ctx.sents[max(0, ctx.sent_of[m.start] - 3)].start_char  # named lately: a holder of long ago may
    # not be the one meant ("President Pena Nieto" pages before "the president's executive order")
    best: tuple[int, str] | None = None
    for (kind, key), entity in ctx.a.entities.items():
        role = str(entity.attributes.get("role") or "").lower().split() if kind == "Person" else []
        if not role or any(w not in role for w in words) or not _is_state_role(" ".join(role)):
            continue
        last = max((ev.start for ev in entity.mentions if ev.start < at), default=None)
        if last is not None and last >= since and (best is None or last > best[0]):
            best = (last, key)
    actor = ctx._person_actor(best[1]) if best else None
    ctx._last_holder = best[1] if best else None
    return actor if actor and actor[0] == "Country" else None


def _person_antecedent(ctx: _Context, m: Mention) -> list[Actor]:
    """"He promised to take in refugees": the state of the nearest person or office named before, in this
    sentence or the two before; a person without a state office (a volunteer, a migrant) acts for none."""
    k = ctx.sent_of[m.start]
    first = ctx.sents[max(0, k - 2)].start
    for other in reversed(ctx.by_end):
        if other.end > m.start or other.start < first:
            continue
        found = ctx.a.token_entities.get(other.start)
        if other.kind == "title":
            return _resolve_reference(ctx, other)
        if found is not None and found[0] == "Person":
            teller = _addressee_teller(ctx, other, m)
            if teller is not None:
                return [teller.actor] if teller.kind == "actor" and teller.actor else []
            return [other.actor] if other.kind == "actor" and other.actor else []
    return []


TELLING_LEMMAS = frozenset({"tell", "warn", "assure", "inform", "remind"})


def _addressee_teller(ctx: _Context, person: Mention, m: Mention) -> Mention | None:
    """"A warned B by telephone that he could deploy soldiers": the person right before the pronoun is the one told;
    the pronoun opening what was told is the teller, A (r31 audit: a president's threat read as the other
    president's). The teller's mention, when the sentence names one before the verb; else None."""
    doc = ctx.doc
    lowers, lemmas = doc_lowers(doc), doc_lemmas(doc)
    sent = ctx.sents[ctx.sent_of[m.start]]
    if person.start < sent.start or m.start - person.end > 5 or any(
            lowers[i] in SENT_PUNCT or i in ctx.mention_at for i in range(person.end, m.start)):
        return None
    k = person.start - 1
    while k > sent.start and (k in ctx.mention_at or doc[k].is_title) and lemmas[k] not in TELLING_LEMMAS:
        k -= 1  # "told Mexican President X": the addressee's title and state
    if k <= sent.start or lemmas[k] not in TELLING_LEMMAS:
        return None
    for other in reversed(ctx.by_end):
        if sent.start <= other.start and other.end <= k:
            found = ctx.a.token_entities.get(other.start)
            if found is not None and found[0] == "Person":
                return other
    return None


def _group_from_context(ctx: _Context, m: Mention) -> list[Actor]:
    """"The countries" = the latest coordinated list of countries before it (of the stated size)."""
    k = ctx.sent_of[m.start]
    first = ctx.sents[max(0, k - 3)].start
    countries = [x for x in ctx.by_end if first <= x.start and x.end <= m.start
                 and x.kind == "actor" and x.actor and x.actor[0] == "Country"]
    seen: set[int] = set()
    groups: list[list[Mention]] = []
    lowers = doc_lowers(ctx.doc)
    for x in reversed(countries):
        if id(x) in seen:
            continue
        group = ctx.coordinated(x, m.start)
        for g in group:
            seen.add(id(g))
        j = group[0].start - 1
        while j > 0 and lowers[j] in {"the", "a"}:
            j -= 1
        if j >= 0 and lowers[j] in {"from", "fleeing", "fled"}:
            continue  # "migrants from Syria and Iraq ... the countries": where people come from act for no one
        actors = []
        for g in group:
            if g.actor and g.actor not in actors:
                actors.append(g.actor)
        if len(actors) >= 2 and (m.count is None or len(actors) == m.count):
            return actors
        groups.append(group)
    if m.count:
        distinct: list[Actor] = []
        for x in reversed(countries):
            if x.actor not in distinct:
                distinct.append(x.actor)
            if len(distinct) == m.count:
                return list(reversed(distinct))
    return []


def find_actors(ctx: _Context, start: int, end: int, entry: dict) -> tuple[list[Actor], Mention | None]:
    """The actors of the trigger doc[start:end] and the mention they were found at."""
    doc = ctx.doc
    sent = ctx.sents[ctx.sent_of[start]]
    # 1. passive triggers: "welcomed in Poland", "announced by the government", "deported from Spain"
    after = set(entry.get("actor_after") or ())
    passive = _is_passive(ctx, start, sent)
    if after or passive:
        agent_words = set(after)
        if passive:
            agent_words |= {"by"} | set(entry.get("passive_agent") or ())
        j = end - 1 if after and doc[end - 1].lower_ in after else end
        for i in range(j, min(sent.end, end + (PASSIVE_AGENT_WINDOW if passive else 5))):
            low = doc[i].lower_
            if low in {";", ":", "—"}:
                break
            if low in agent_words:
                if low in {"to", "from"} and low not in after and "by" in doc_lowers(doc)[
                        i + 1:min(sent.end, end + PASSIVE_AGENT_WINDOW)]:
                    continue  # "were denied entry to A by B's guards", "pushed back from A by B": "by" acts (r34, r35)
                k = i + 1
                while k < sent.end and doc[k].lower_ in {"the", "a"} | COMPASS_WORDS:
                    k += 1  # "held in camps across northern Greece"
                m = ctx.mention_at.get(k)
                if m is not None and m.kind == "actor":
                    return [x.actor for x in ctx.coordinated(m, sent.end) if x.actor], m
                if m is not None and m.kind == "body" and passive:
                    resolved = _resolve_reference(ctx, m)  # "detained by immigration authorities"
                    if resolved:
                        return resolved, m
                if m is not None and m.kind == "demonym" and m.actor and passive and low == "from" \
                        and low in (entry.get("passive_agent") or ()) and m.end < sent.end \
                        and doc[m.end].lower_ in FROM_PLACE_HEADS_R35:
                    return [m.actor], m  # "pushed back from the A-ian coast near X": the state it lies in (r35)
                if m is not None and m.kind == "place" and passive and low != "by" and entry.get("agentless_state"):
                    iso = _place_country(ctx, m)  # "held in camps in Calais": the state the place lies in
                    if iso:
                        return [("Country", iso)], m
                if not passive or low in after:
                    break  # "welcomed in X" names the actor or nothing; "deported by boat by X" may go on
        if entry.get("actor_after_only"):
            return [], None  # "not allowed to leave A": the state left or none (r36)
    if passive and not after and not entry.get("passive_ok"):
        # "X was deported": the subject of a passive is the group affected, not the actor; but a state that
        # reports it speaks of its own measure ("Kazakhstan said Russians would be allowed to stay")
        found = _state_speaker_before(ctx, sent, start)
        forms = entry.get("agentless_state")
        if not found[0] and forms and (forms is True or doc[start].lower_ in forms) \
                and _realis_passive(ctx, start, sent):
            found = _speaker_after(ctx, end, sent)  # "... were pushed back, the border guard said"
            by_agent = "by" in doc_lowers(doc)[end:min(sent.end, end + PASSIVE_AGENT_WINDOW)]
            if not found[0] and not by_agent:
                found = _under_policy_owner(ctx, start, sent)  # "Under a U.S. policy ..., 900 were sent back"
            if not found[0] and not by_agent and not (entry["type"] == "Admission"
                                                      and _state_after_to_r38(ctx, end, sent)):
                found = _story_state(ctx, sent, start, end), None  # "detained by militias": an agent that is no
                # state; "admitted to A": the state entered, not the story's (r38)
            if entry["type"] == "Admission" and found[1] is None and not by_agent:
                found = _entered_state_r38(ctx, sent, found[0]), None  # "barred from entering A, while others
                # are admitted": the state entered (r38)
        elif not found[0] and forms and (forms is True or doc[start].lower_ in forms) \
                and _announced_passive(ctx, start, sent):
            found = _speaker_after(ctx, end, sent)  # "... will be detained and removed, the minister said"
            if not found[0] and "by" not in doc_lowers(doc)[end:min(sent.end, end + PASSIVE_AGENT_WINDOW)]:
                found = _under_instrument_state(ctx, start, end, sent)  # "Under the new act, those who come
                # by boat will be held and removed": the act's state, else the story's (r34)
        if not found[0]:
            found = _under_owner_after(ctx, end, sent)  # "immigrants granted amnesty under Canada's programme"
        return found
    # 2. antecedent of "where": "Turkey, Armenia and Serbia, where Russians do not need a visa"
    i = start - 1
    while entry.get("where_actor") and i > sent.start and doc[i].lower_ not in {"where", ";"} and (
            i not in ctx.mention_at or ctx.mention_at[i].kind in {"demonym", "place"}):
        i -= 1
    if entry.get("where_actor") and doc[i].lower_ == "where" and i - 2 >= sent.start and doc[i - 1].text == ",":
        m = ctx.mention_at.get(i - 2)
        if m is not None and m.kind == "actor":
            return [x.actor for x in ctx.coordinated(m, i) if x.actor], m
    # 3. "Brussels and its aims to redistribute ...": a possessive before a plan noun stands for the nearest
    # actor before it, even one named as a prepositional object
    owner = _plan_owner(ctx, start, sent)
    if owner is not None:
        return [owner.actor], owner
    owner = _relative_policy_owner(ctx, start, sent)
    if owner is not None:
        return [owner.actor], owner  # "Norway's family law, which admits ...": the law's state
    listed = _of_which_states(ctx, start, sent)
    if listed[0]:
        return listed  # "... in A, B and C, all of which have now shut their borders" (r34)
    # 4. nearest subject-like mention on the left
    candidates = [m for m in ctx.by_end if m.end <= start and m.start >= max(sent.start, start - MAX_LEFT)]
    subject_asides = _subject_asides_p40(ctx, sent.start, start)  # r40 (P40): "A, whose ports face B, has ..."
    asides = _clause_asides(ctx, sent.start, start) + _relative_asides_r37(ctx, sent.start, start) \
        + _subject_asides_r40(ctx, max(sent.start, start - MAX_LEFT), start) + subject_asides  # r40 (R40) too
    if asides:  # "The order – Iraq was taken off the list – suspends ...": a state named in an aside acts for none
        candidates = [m for m in candidates if not any(a < m.start and m.end <= b for a, b in asides)]
    by_gerund = start - 1 > sent.start and doc[start - 1].lower_ == "by" and doc[start].lower_.endswith("ing")
    for m in reversed(candidates):
        if m.kind in {"demonym", "place"}:
            continue
        if m.end < start and doc[m.end].lower_ in {"'s", "’s"} and m.end + 1 < start \
                and doc[m.end + 1].lower_ in {"lead", "example"} and m.start - 1 >= sent.start \
                and doc[m.start - 1].lemma_.lower() == "follow":
            continue  # "it would follow A's lead and limit ...": A is the model, not who acts (r35)
        if by_gerund and m.end == start - 1 and _verb_object(ctx, m):
            continue  # "Germany surprised the EU by closing its border": the object is not who closes it
        if m.kind == "actor" and m.start >= 2 and doc[m.start - 1].lower_ in NEW_CLAUSE_LEFT_R40:
            subjects = _new_clause_subjects_r40(ctx, m, start)
            if subjects:
                return subjects, m  # r40: "..., and A will stop hearing claims": A opens its own clause
        possessor = ctx.possessor_of(m, start) or _clause_subject(ctx, m, start) or _gerund_subject(ctx, m, start) \
            or _for_gerund_subject(ctx, m, start) or _aside_clause_subject_r40(ctx, m, start, subject_asides) \
            or _subordinate_pronoun_r40(ctx, m, start)
        if not possessor and (ctx.is_prepositional(m) or (ctx.followed_by_modifier(m) and not _members_of(ctx, m))):
            continue
        if m.kind == "blocker":
            return [], None
        if m.kind == "actor":
            subject = [x.actor for x in ctx.coordinated(m, start) if x.actor]
            return subject + [a for a in _along_with_states(ctx, m, start) if a not in subject], m
        resolved = _resolve_reference(ctx, m)
        if resolved:  # "Both nations, along with A and B, have shut ...": the states joined to the subject (r34)
            resolved = resolved + [a for a in _along_with_states(ctx, m, start) if a not in resolved]
        return resolved, m if resolved else None
    # 5. to the right: "is Finland" after a relative clause, or ", X said"
    for i in range(end, sent.end - 1):
        low = doc[i].lower_
        if low in {"is", "was"} and i + 1 in ctx.mention_at:
            m = ctx.mention_at[i + 1]
            if m.kind == "actor" and m.actor and m.actor[0] == "Country":
                return [x.actor for x in ctx.coordinated(m, sent.end) if x.actor], m
        if doc[i].lemma_.lower() in ctx.sets["speech_verbs"] and i > end:
            found = _speaker_near(ctx, i, end, sent)
            if found[0]:
                return found
            break
    speaker = ctx._quote_speaker(doc[start].idx)
    if speaker is not None and not ctx.sets["quote_we"].isdisjoint(doc_lowers(doc)[sent.start:start]):
        return [speaker], None  # "we will also ... deport": the speaker's state; a quotation without a first
        # person may speak of another state's measure ("decisions to build walls are silly")
    return [], None


INSTRUMENT_NOUNS_R34 = frozenset({"bill", "bills", "legislation", "act", "law", "laws", "statute"})
ALONG_WITH_R34 = (("along", "with"), ("together", "with"), ("as", "well", "as"))
WHOLE_OF_WHICH_R34 = frozenset({"all", "both", "each"})


def _under_instrument_state(ctx: _Context, start: int, end: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """"Under the new act, people who come by boat will be held and removed", "Under the A-B pact, all arrivals
    would be sent back": an announced agentless passive in a sentence opened by "Under" and a law, bill, deal or
    plan noun before a comma is the measure of the first state or organisation named in that opener, else (no
    owner named) of the state of the story's leaders, else of the story's acting state; "Under pressure from A,
    ..." names no instrument (r34)."""
    doc = ctx.doc
    lowers = doc_lowers(doc)
    if lowers[sent.start] != "under":
        return [], None
    nouns = INSTRUMENT_NOUNS_R34 | set(ctx.lex["named_policies"]["nouns"])
    noun = next((k for k in range(sent.start + 1, min(start, sent.start + 14)) if lowers[k] in nouns), sent.start)
    comma = next((k for k in range(max(noun, sent.start + 1), min(start, sent.start + 15)) if lowers[k] == ","), None)
    # r35: the comma after the instrument noun ends the opener ("Under the A-B one-in, one-out deal, ...")
    if comma is None or not any(lowers[k] in nouns for k in range(sent.start + 1, comma)):
        return [], None
    for k in range(sent.start + 1, comma):
        m = ctx.mention_at.get(k)
        if m is not None and m.kind in {"actor", "demonym"} and m.actor:
            return [m.actor], m
    main = ctx._person_country_from_context(None) if not ctx._main_country_contested() else None
    return ([main] if main else _story_state(ctx, sent, start, end)), None  # the lawmakers' state first


FROM_PLACE_HEADS_R35 = frozenset({"island", "islands", "coast", "coasts", "port", "ports", "border", "mainland",
                                  "territory", "waters", "shores", "side"})
EXPLETIVE_ADJECTIVES_R37 = frozenset({"difficult", "hard", "harder", "easy", "easier", "impossible", "possible",
                                      "necessary", "likely", "unlikely", "unclear", "clear", "important", "illegal",
                                      "legal", "unlawful", "dangerous", "safe", "costly", "expensive", "cheaper"})
EXPLETIVE_LINKS_R37 = frozenset({"is", "was", "has", "had", "have", "become", "became", "becomes", "becoming", "been",
                                 "be", "will", "would", "remains", "remained", "seems", "seemed", "proved", "'s", "’s",
                                 "increasingly", "very", "more", "less", "too", "so", "much", "still", "now", "also",
                                 "not", "n't", "n’t", "even", "ever", "extremely"})


def _expletive_it_r37(lowers: list[str], i: int) -> bool:
    """"it is now hard to send them back", "it is impossible to return them": an expletive "it"
    (linking words, then an adjective of ease or likelihood, then "to" or "that") refers to no state (r37)."""
    k = i + 1
    while k < len(lowers) and k <= i + 6 and lowers[k] in EXPLETIVE_LINKS_R37:
        k += 1
    return k > i + 1 and k + 1 < len(lowers) and lowers[k] in EXPLETIVE_ADJECTIVES_R37 \
        and lowers[k + 1] in {"to", "that", "for"}


LEADER_HEADS_R37 = frozenset({"president", "prime", "premier", "chancellor", "leader", "leadership", "government",
                              "authorities", "regime", "king", "dictator", "ministry", "minister", "military",
                              "army", "kremlin", "cabinet", "parliament"})  # "by the A-ian president": A acts
PREPARATION_WORDS_R35 = frozenset({"preparations", "preparation", "preparing", "prepare", "prepared"})
PROVISION_BACK_R35 = 5  # sentences back an instrument noun is looked for (and the headline)
PROVISION_MODALS_R35 = frozenset({"will", "would", "shall", "'ll", "’ll"})
PROVISION_DOMESTIC_R35 = frozenset({"bill", "legislation", "act", "law"})  # the lawmakers' state when unowned
PROVISION_NOUNS_R35 = PROVISION_DOMESTIC_R35 | {"deal", "agreement", "pact", "accord", "plan", "scheme"}
PROVISION_UNREAL_R35 = frozenset({"if", "unless", "whether", "could", "might", "may", "should", "must", "can"})
PROVISION_OTHERS_R35 = frozenset({"wants", "want", "wanted", "demanded", "demand", "demands", "urged", "urge",
                                  "called", "asked", "proposed", "suggested", "feared", "fear", "fears", "warned",
                                  "warns", "claimed", "alleged", "hoped", "hopes", "say", "argue", "argued", "'d",
                                  "’d", "think", "believe", "better", "solution", "option", "idea", "critics",
                                  "opponents", "draft"})
PROVISION_LEGISLATORS_R35 = frozenset({"senator", "senators", "sen.", "congressman", "congresswoman", "congressional",
                                       "congress", "republicans", "democrats", "bipartisan", "gop", "opposition"})
PROVISION_GAP_R35 = frozenset({"be", "also", "then", "not", "no", "longer", "only", "now", "automatically",
                               "immediately", "able", "allowed", "permitted", "granted", "given", "to", "have", "been",
                               "get", "receive", "face", "instead", "still", "quickly", "swiftly"})
PROVISION_PART_R35 = frozenset({"in", "of", "under", "by"})  # "included in the deal", "part of the pact"
PROVISION_DETS_R35 = frozenset({"the", "a", "an", "this", "that", "its", "their", "her", "his"})


def _instrument_owner_r35(ctx: _Context, i: int, floor: int) -> Actor | None:
    """The state or union owning the instrument noun at ``i``: the first one named between its determiner and
    it ("the A-B deal", "the A-B one-in, one-out deal": the first party; "the British bill") or before a
    possessive right before it ("A's new bill")."""
    doc = ctx.doc
    lowers = doc_lowers(doc)
    d = next((k for k in range(i - 1, max(floor, i - 11) - 1, -1) if lowers[k] in PROVISION_DETS_R35
              or lowers[k] in {"'s", "’s"} or lowers[k] in {".", ";", ":"}), None)
    if d is None or lowers[d] in {".", ";", ":"}:
        return None
    if lowers[d] in {"'s", "’s"}:
        m = next((ctx.mention_at[k] for k in range(max(floor, d - 4), d) if k in ctx.mention_at
                  and ctx.mention_at[k].end == d), None)
        return m.actor if m is not None and m.kind == "actor" and m.actor else None
    for k in range(d + 1, i):
        m = ctx.mention_at.get(k)
        if m is not None and m.kind in {"actor", "demonym"} and m.actor and m.end <= i:
            return m.actor
    return None


def _provision_owner_r35(ctx: _Context, start: int, end: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """"A's new bill was published. ... Arrivals would be held for a month", "Also part of the deal is visa-free
    travel": a measure with no state subject that is a provision of a bill, law, deal, pact, plan or scheme is that
    instrument's owner's. A provision is either stated with "will"/"would" in its own clause (no subject named
    before the modal, no condition, other modal, demand, fear or argument in the sentence) with an instrument
    noun in the sentence, up to five sentences back or in the headline; or has "in/of/under/by the <instrument>"
    in its own sentence ("included in the pact is ..."); the modal governs the measure (only "be", "able
    to", "granted to", adverbs between them), and a draft is no provision. The owner is the state named with
    the nearest owned instrument (this sentence first, then back); an unowned bill, law or act is the
    lawmakers' (the story's main state). Bills of legislators ("senators", "the opposition") are members'
    proposals, not the state's."""
    doc = ctx.doc
    lowers = doc_lowers(doc)
    k = start - 1
    modal = None
    while k >= sent.start and k >= start - 8 and lowers[k] not in {",", ";", ":", "–", "—"}:
        if lowers[k] in PROVISION_MODALS_R35:
            modal = k
            break
        k -= 1
    if modal is not None and not PROVISION_GAP_R35.issuperset(lowers[modal + 1:start]):
        modal = None  # "would cut off grants for cities that shelter migrants": the modal governs another verb
    part = any(lowers[x] in PROVISION_NOUNS_R35 and lowers[x - 1] in {"the", "this"}
               and lowers[x - 2] in PROVISION_PART_R35 for x in range(sent.start + 2, sent.end))
    if modal is None and not part:
        return [], None
    if not PROVISION_UNREAL_R35.isdisjoint(lowers[sent.start:start]) \
            or not PROVISION_OTHERS_R35.isdisjoint(lowers[sent.start:sent.end]):
        return [], None
    upto = modal if modal is not None else start
    if any(ctx.mention_at.get(i) is not None and ctx.mention_at[i].kind not in {"place", "demonym"}
           and not ctx.is_prepositional(ctx.mention_at[i]) for i in range(sent.start, upto)):
        return [], None  # a subject named before the modal ("she would protect ..."): its own measure or none
    if any(doc[i].is_title and i not in ctx.mention_at and lowers[i - 1] not in {"the", "this"}
           for i in range(sent.start + 1, upto)):
        return [], None  # "The Aid Network will ...", "Mr. Smith's bill would ...": a named other subject
    n = ctx.sent_of[start]
    window = [*range(n, max(-1, n - PROVISION_BACK_R35 - 1), -1), *([0] if n > PROVISION_BACK_R35 else [])]
    if not PROVISION_LEGISLATORS_R35.isdisjoint(lowers[ctx.sents[window[-1]].start:sent.end]):
        return [], None  # lawmakers' bills in a legislature's debate: proposals of members, not the state's plan
    domestic = False
    for s in window:
        span = ctx.sents[s]
        nouns = [i for i in range(span.start, span.end) if lowers[i] in PROVISION_NOUNS_R35
                 and not (doc[i].text == "act" and lowers[i - 1] not in {"the", "this", "new"})
                 and not (i + 1 < span.end and lowers[i + 1] in {"to", "with", "on"})]  # "plan to", "deal with"
        for i in reversed(nouns):
            owner = _instrument_owner_r35(ctx, i, span.start)
            if owner is not None:
                return [owner], None
            if lowers[i] in PROVISION_DOMESTIC_R35:
                domestic = True  # "the bill", "the minister's new Bill": the lawmakers' state
    if domestic and not ctx._main_country_contested():
        main = ctx._person_country_from_context(None)
        return ([main] if main else []), None
    return [], None


def _of_which_states(ctx: _Context, start: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """"The move set off the same steps in A, B and C, all of which have now shut their borders": a relative
    "all/both/each of which" right after a list of states makes the listed states the subject of the verb that
    follows it ("some of which" names only part of them: none) (r34)."""
    lowers = doc_lowers(ctx.doc)
    for w in range(max(sent.start + 3, start - 5), start):
        if lowers[w] != "which" or lowers[w - 1] != "of" or lowers[w - 2] not in WHOLE_OF_WHICH_R34 \
                or lowers[w - 3] != ",":
            continue
        if any(not ctx.doc[k].is_alpha for k in range(w + 1, start)):
            return [], None  # "all of which, officials say, ...": not the clause's own verb
        last = next((m for m in ctx.by_end if m.end == w - 3 and m.kind == "actor"), None)
        if last is None:
            return [], None
        group = ctx.coordinated(last, w)
        if len(group) < 2:
            return [], None
        return [m.actor for m in group if m.actor], last
    return [], None


def _along_with_states(ctx: _Context, m: Mention, start: int) -> list[Actor]:
    """"A, along with B and C, has shut its border", "Both nations, together with B, have ...": states joined to
    the subject by "along with", "together with" or "as well as" between commas act with it, when the verb
    follows the closing comma closely (r34)."""
    doc = ctx.doc
    lowers = doc_lowers(doc)
    i = ctx.coordinated(m, start)[-1].end if m.kind == "actor" else m.end
    if i >= start or lowers[i] != ",":
        return []
    j = i + 1
    for words in ALONG_WITH_R34:
        if tuple(lowers[j:j + len(words)]) == words:
            j += len(words)
            break
    else:
        return []
    if j < start and lowers[j] == "the":
        j += 1
    first = ctx.mention_at.get(j)
    if first is None or first.kind != "actor" or not first.actor:
        return []
    group = ctx.coordinated(first, start)
    k = group[-1].end
    if k >= start or lowers[k] != "," or start - k > 6 or any(not doc[x].is_alpha for x in range(k + 1, start)):
        return []
    return [x.actor for x in group if x.actor]


GERUND_CLAUSE_PREPS = frozenset({"over", "about", "after", "before", "against", "despite", "amid", "with", "without",
                                  "following", "upon"}) | {"of", "by"}  # r38 (E38): "a result of A closing
# its border", "caused by A closing its border"


def _gerund_subject(ctx: _Context, m: Mention, start: int) -> bool:
    """"fumed over Norway granting asylum to the defector", "angry about Hungary closing its border": a state
    named right before a gerund trigger, after a preposition that takes a clause, is the gerund's subject, not
    the preposition's object (r31)."""
    doc = ctx.doc
    return m.kind == "actor" and m.end == start and m.start > 0 and doc[start].lower_.endswith("ing") \
        and doc[m.start - 1].lower_ in GERUND_CLAUSE_PREPS and m.actor is not None and m.actor[0] == "Country"


def _for_gerund_subject(ctx: _Context, m: Mention, start: int) -> bool:
    """"in exchange for the EU taking in 5,000 refugees", "paid for Jordan hosting them": a state or organisation
    right after "for" (and "the") and right before a gerund trigger is the gerund's subject, not the preposition's
    object (r34)."""
    doc = ctx.doc
    k = m.start - 1
    if k > 0 and doc[k].lower_ == "the":
        k -= 1
    return m.kind == "actor" and m.end == start and k >= 0 and doc[k].lower_ == "for" \
        and doc[start].lower_.endswith("ing") and m.actor is not None


def _leader_modifier(ctx: _Context, m: Mention, start: int) -> bool:
    """"the Trump asylum ban", "an Obama deportation programme": a person's name (no possessive) right before a
    noun trigger, resolved to the state that person leads, names the measure's owner (r31)."""
    if m.end != start or m.kind != "actor" or m.actor is None or m.actor[0] != "Country":
        return False
    ent = ctx._ent_at(m.start)
    return ent is not None and ent.label_ == "PERSON" and ctx.doc[m.end - 1].is_title


DASHES = frozenset({"–", "—", "--"})
LIST_ASIDE_OPENERS = frozenset({"and", "or", "even", "why", "plus", "also", "now"})


def _dash_asides(lowers: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """(first dash, second dash) of each aside set off by a pair of the same dash between start and end (mixed
    dashes, as in "Greece, Spain – why, even Norway — have", close no aside)."""
    asides, opened = [], None
    for i in range(start, end):
        if lowers[i] in DASHES:
            if opened is not None and lowers[opened] == lowers[i]:
                asides.append((opened, i))
                opened = None
            else:
                opened = i
    return asides


LIST_WORDS = frozenset({",", "and", "or", "the"})


def _clause_asides(ctx: _Context, start: int, end: int) -> list[tuple[int, int]]:
    """The dash asides between start and end that say something of their own; an aside that only lists names
    ("the five countries – Latvia, Lithuania and Poland – have decided") names the subject itself."""
    lowers = doc_lowers(ctx.doc)
    clauses = []
    for a, b in _dash_asides(lowers, start, end):
        covered = {k for m in ctx.by_end if a < m.start and m.end <= b for k in range(m.start, m.end)}
        if any(k not in covered and lowers[k] not in LIST_WORDS for k in range(a + 1, b)):
            clauses.append((a, b))
    return clauses


FORCE_ADJECTIVES_R37 = frozenset({"physical", "reasonable", "excessive", "lethal", "deadly", "necessary", "minimal",
                                  "brute", "proportionate", "disproportionate", "military", "armed", "coercive"})
ANNOUNCEMENT_NOUNS_R37 = frozenset({"announcement", "declaration", "proclamation", "start", "launch"})


def _announced_noun_r37(ctx: _Context, start: int, sent: Span) -> bool:
    """"the announcement of the general call-up", "the declaration of the mobilization": the measure is stated as
    announced (not only "fleeing mobilization"; r37)."""
    lowers = doc_lowers(ctx.doc)
    for k in range(start - 1, max(sent.start, start - 5) - 1, -1):
        if lowers[k] == "of":
            return k - 1 >= sent.start and lowers[k - 1] in ANNOUNCEMENT_NOUNS_R37
    return False


def _resolved_not_named_r37(ctx: _Context, at: Mention | None) -> bool:
    """The actor was not named as a state where it was found: no mention, a title, body or pronoun, or a person's
    name read as the state of the person (r37)."""
    if at is None or at.kind in {"title", "body", "pronoun"}:
        return True
    return any(e.label_ == "PERSON" and e.start <= at.start and at.end <= e.end for e in ctx.doc.ents)


def _relative_asides_r37(ctx: _Context, start: int, end: int) -> list[tuple[int, int]]:
    """The non-restrictive relative clauses between start and end (", which borders A," / ", who met B,", closed by
    a comma before end): a state named inside describes the subject before it and acts for none ("A, which has
    B's longest border, decided to stop issuing visas": A decides; r37)."""
    lowers = doc_lowers(ctx.doc)
    out = []
    k = start
    while k < end - 2:
        if lowers[k] == "," and lowers[k + 1] in {"which", "who"}:
            close = next((j for j in range(k + 2, end) if lowers[j] in {",", ";", ":", "—", "–"}), None)
            if close is None or lowers[close] != ",":
                break
            out.append((k, close))
            k = close
        k += 1
    return out


def _verb_object(ctx: _Context, m: Mention) -> bool:
    """The mention follows a lower-case word that is no preposition, conjunction or auxiliary (a verb, as in
    "shocked Europe", "angered the EU"), after a subject mention earlier in its sentence."""
    doc = ctx.doc
    sent = ctx.sents[ctx.sent_of[m.start]]
    k = m.start - 1
    while k > sent.start and doc[k].lower_ in {"the", "its", "their", "a"}:
        k -= 1
    tok = doc[k]
    if k <= sent.start or not (tok.is_alpha and tok.is_lower) or tok.lower_ in ctx.sets["prepositions"] \
            or tok.lower_ in ctx.sets["coord_gap"] or tok.lower_ in ctx.sets["left_skip"] \
            or tok.lemma_.lower() in {"be", "have", "do", "say", "tell"} or tok.lower_ in STOP_TARGET:
        return False
    return any(x.kind == "actor" and x.end <= k for x in ctx.by_end if x.start >= sent.start)


def _members_of(ctx: _Context, m: Mention) -> bool:
    """"EU member states agreed to take in ...": an organisation's members acting together are the organisation
    (not "EU countries unilaterally shut borders": each acts alone; "EU citizens" stays a modifier)."""
    return bool(m.kind == "actor" and m.actor and m.actor[0] == "Organization" and m.end < len(ctx.doc)
                and ctx.doc[m.end].lower_ in ctx.lex["_member_nouns"])


def _speaker_near(ctx: _Context, i: int, end: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """The state, or state body, speaking with the speech verb at token i after a trigger (", X said")."""
    seen_ids: set[int] = set()
    for j in range(max(end, i - 8), min(sent.end, i + 8)):
        m = ctx.mention_at.get(j)
        if m is None or id(m) in seen_ids:
            continue
        seen_ids.add(id(m))
        if m.kind == "blocker":
            break  # "..., said Anna Smith, a volunteer in Greece": not a state speaking
        if m.kind in {"demonym", "place"} or ctx.is_prepositional(m):
            continue
        if m.kind == "actor":
            return [m.actor], m
        if m.kind in {"body", "title"}:
            resolved = _resolve_reference(ctx, m)
            if resolved:
                return resolved, m
    return [], None


def _speaker_after(ctx: _Context, end: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """A state reporting a passive measure after it ("300 were pushed back, the border guard said"): a speech
    verb after a comma, the first one right of the trigger."""
    lemmas = doc_lemmas(ctx.doc)
    for i in range(end + 1, sent.end):
        if lemmas[i] in ctx.sets["speech_verbs"]:
            found = _speaker_near(ctx, i, end, sent)
            return ([a for a in found[0] if a[0] == "Country"], found[1]) if found[0] else found
    return [], None


def _place_country(ctx: _Context, m: Mention) -> str | None:
    """The state a place mention lies in ("Calais" -> FR), when the gazetteer knows it."""
    ent = ctx.ent_by_token.get(m.start)
    iso = ent._.iso if ent is not None else None
    texts = doc_texts(ctx.doc)
    if m.end + 1 < len(texts) and texts[m.end] == "," and texts[m.end + 1][:1].isupper():
        after = ctx.ent_by_token.get(m.end + 1)
        country = ctx.gaz.countries.get(iso) if iso else None
        if after is not None and country is not None and after._.iso == iso and after.label_ == "LOC" \
                and after.text not in country.names:
            return iso  # "a town, <its region>" ("X, Texas"): both in one state; not "X, Georgia" (a country)
        return None  # "Nogales, Ariz.": a town name several states have, placed by the words after it
    return iso if iso in ctx.gaz.countries else None


PLACE_STATE_BODIES = frozenset({"police", "authorities", "troopers"})
"""Words after a region's name that make it a body of its state ("Bavaria police", "Sicily authorities"; r35)."""

PLACE_SUBJECT_NEXT = frozenset({"is", "has", "will", "was", "had", "would", "plans", "began", "started", "also"})
"""Words after a region's name opening a sentence that make the region its subject ("Sicily is ...", "Bavaria has
begun ..."; r35)."""

NATIONAL_CARRIER_HEADS = frozenset({"airlines", "airways"})
"""Last words of an airline named for its state ("Kenya Airways", "Ghanaian Airlines"): the state's carrier, whose
suspended flights and ticket sales are the state's flight ban (r35)."""

HOLDING_PLACES = frozenset({"shelter", "shelters", "camp", "camps", "centre", "centres", "center", "centers",
                            "facility", "facilities", "prison", "prisons", "jail", "jails", "site", "sites", "base",
                            "bases", "tent", "tents", "warehouse", "warehouses", "compound", "compounds", "cells"})


def _realis_passive(ctx: _Context, start: int, sent: Span) -> bool:
    """A passive stated as done: "were deported", "have been detained", "are being held", "after being
    arrested", or a reduced relative ("20,000 people sent back"); not under a modal or "to" ("could be
    deported", "want them to be deported") nor a feared or risked prospect ("fear of being deported")."""
    lowers = doc_lowers(ctx.doc)
    words = ctx.lex["agentless"]
    i = start + 1 if lowers[start].endswith("ly") else start
    j = i - 1
    while j > sent.start and (lowers[j].endswith("ly") or lowers[j] in words["adverbs"] or (
            lowers[j] in {"and", "or"} and lowers[j - 1].endswith(("ed", "en")))):
        j -= 2 if lowers[j] in {"and", "or"} else 1  # "were arrested and deported", "were quickly deported"
    if j < sent.start:
        return False
    if lowers[j] == "be":
        return False  # "should be deported", "to be held", "that families be kept": not stated as done
    if lowers[j] not in words["auxiliaries"]:
        return True  # a reduced relative: _is_passive found the group right before it
    present = lowers[j] in words["present"]
    for k in range(j - 1, max(sent.start, j - (30 if present else 8)) - 1, -1):
        if lowers[k] in {";", ":", "—"}:
            break
        if lowers[k] == "where" and k > sent.start and lowers[k - 1] in HOLDING_PLACES:
            break  # "the shelters where the children are detained": a relative clause on the place, a fact (r31)
        if lowers[k] in words["conditional"] and (present or lowers[k] == "once"):
            return False  # "if a parent is deported", "once they had been deported": a case, not an event
    k = j - 1  # the verb group before the auxiliary: "could have been", "want them to be"
    while k >= sent.start and (lowers[k] in words["irrealis"] or lowers[k] in words["adverbs"] or lowers[k] in {
            "have", "has", "had", "be", "'ve", "’ve"}):
        if lowers[k] in words["irrealis"]:
            return False
        k -= 1
    if lowers[j] == "being":
        k = j - 1
        while k >= sent.start and lowers[k] in ctx.sets["negators"]:
            k -= 1
        return k < sent.start or lowers[k] not in words["before_being"]
    return True


def _announced_passive(ctx: _Context, start: int, sent: Span) -> bool:
    """A passive announced with "will"/"would"/"shall" and no condition before it in the sentence ("those who
    arrive will be detained and removed"): a state reporting it after the clause announces its own measure."""
    lowers = doc_lowers(ctx.doc)
    words = ctx.lex["agentless"]
    j = start - 1
    while j > sent.start and (lowers[j].endswith("ly") or lowers[j] in words["adverbs"] or (
            lowers[j] in {"and", "or"} and lowers[j - 1].endswith(("ed", "en")))):
        j -= 2 if lowers[j] in {"and", "or"} else 1  # "will be detained and removed", "will be quickly removed"
    if j > sent.start and lowers[j] in {"and", "or"}:  # "will be sent back home or removed" (r34)
        j = next((k for k in range(j - 1, max(sent.start, j - 6), -1) if lowers[k] == "be"
                  or not ctx.doc[k].is_alpha), j)
    if j <= sent.start or lowers[j] != "be":
        return False
    j -= 1
    while j > sent.start and (lowers[j].endswith("ly") or lowers[j] in words["adverbs"]):
        j -= 1
    if lowers[j] not in {"will", "would", "shall", "'ll", "’ll"}:
        j = _to_be_announced_r38(lowers, j, sent.start)  # "are to be admitted", "will continue to be held" (r38)
        if j < 0:
            return False
    return words["conditional"].isdisjoint(lowers[sent.start:j])


def _story_state(ctx: _Context, sent: Span, start: int, end: int, group_needed: bool = True) -> list[Actor]:
    """The state an agentless measure is the story's: the one the document names most, when the sentence
    names no other state or organisation outside a prepositional phrase, and (``group_needed``) a group of
    people is affected."""
    main = _acting_state(ctx)
    source = _according_to_state(ctx, sent)
    if source is not None and source != main:
        main = source  # "..., according to the U.S. border agency": the figures' own state (r31)
    elif main and _named_once(ctx, main) and main != ctx._person_country_from_context(None):
        return []  # a state the whole story names once, and not its people's, is no evidence of whose measure
        # it is (r31)
    if not main or _has_actor_mention(ctx, sent, main, start):
        return []
    lowers = doc_lowers(ctx.doc)
    for i in range(end, min(sent.end - 1, end + 10) if not _catching(ctx.doc, start) else end):
        # "extradited to the US": the state is where they go ("detained crossing into the US" is still its own)
        m = ctx.mention_at.get(i + 2 if lowers[i + 1] == "the" and i + 2 < sent.end else i + 1)
        if lowers[i] in {"to", "into"} and m is not None and m.actor == main:
            return []
    if not group_needed:
        return [main]
    group = find_target(ctx, start, end, None, before=True) or find_target(ctx, start, end, None) \
        or _relative_antecedent(ctx, start, sent, None) or _pronoun_subject(ctx, start, sent) \
        or _coordinated_passive_subject_r36(ctx, start, sent, None)  # "the people had no papers and were held" (r38)
    return [main] if group else []


def _named_once(ctx: _Context, actor: Actor) -> bool:
    """The document names the state once at most (name, adjective or people together): an impeachment story's
    foreign state, a country in one aside. Its being the only state named as a subject is no sign that an
    agentless measure elsewhere in the story is its own (r31 audit: "border apprehensions spiked" read as
    Ukraine's in a story on a president's claims). The caller keeps a state the story's officials serve."""
    entity = ctx.a.entities.get(actor)
    return actor[0] == "Country" and (entity is None or len(entity.mentions) < 2)


def _according_to_state(ctx: _Context, sent: Span) -> Actor | None:
    """The state whose body the sentence cites as its source ("according to the U.S. border agency", "according
    to Greek police"): a count of people caught or sent back is that state's own record, whatever
    state the story names most. International organisations and others only report (None)."""
    lowers = doc_lowers(ctx.doc)
    for i in range(sent.start, sent.end - 2):
        if lowers[i] != "according" or lowers[i + 1] != "to":
            continue
        j = i + 2 + (lowers[i + 2] == "the")
        m = ctx.mention_at.get(j)
        if m is not None and m.kind == "actor" and m.actor and m.actor[0] == "Country":
            return m.actor
        if m is not None and m.kind in {"body", "title"}:
            resolved = [a for a in _resolve_reference(ctx, m) if a[0] == "Country"]
            if len(resolved) == 1:
                return resolved[0]
    return None


NEWS_ORG_WORDS_R36 = frozenset({"press", "news", "newspaper", "media", "broadcaster", "broadcasting", "television",
                                "radio", "wire"})


CATCHING_LEMMAS = frozenset({"detain", "arrest", "apprehend", "catch", "intercept", "jail", "imprison"})


GROUP_MOVES_TYPES = frozenset({"VisaFree", "VisaRestriction", "EntryBan", "Admission", "AsylumOffer",
                               "AsylumRestriction", "Deportation", "Detention"})  # the group is who moves or stays,
# not who acts ("Chilean soldiers deployed to the border" are the state's own)
BORDER_PLURALS = frozenset({"borders", "frontiers"})
BORDER_OWNER_WORDS = frozenset({"the", "its", "their", "our", "his", "her", "both", "these", "those", "that", "this"})


def _bare_plural_borders(ctx: _Context, start: int, sent: Span) -> bool:
    """"borders are shut and no planes are flying", quoted from a speaker who speaks for no state: plural borders with
    no article, possessive or state before them (a few lower-case modifiers skipped: "land borders") are borders in
    general, no one state's; the story's state is not read for them (r30 audit: a worker abroad speaking of the
    world's closures). "Its borders", "the borders", "Hungary's borders", and narration, keep their readings."""
    doc = ctx.doc
    if doc[start].lower_ not in BORDER_PLURALS:
        return False
    char = doc[start].idx
    if not any(a <= char < b and speaker is None for a, b, speaker in ctx.quotes):
        return False  # narration: "land borders were closed" in a story on one state is still most likely its own
    j = start - 1
    while j >= sent.start and j >= start - 2 and doc[j].is_alpha and doc[j].is_lower \
            and doc[j].lower_ not in BORDER_OWNER_WORDS and doc[j].lower_ not in ctx.sets["prepositions"]:
        j -= 1
    if j < sent.start:
        return True
    return not (doc[j].lower_ in BORDER_OWNER_WORDS or doc[j].lower_ in {"'s", "’s"} or j in ctx.mention_at
                or doc[j].is_title)


def _catching(doc: Doc, start: int) -> bool:
    """A trigger that catches people where they are ("were detained crossing into the US"): a "to"/"into" after it
    is where they were going, not where they are sent."""
    return doc[start].lemma_.lower() in CATCHING_LEMMAS or doc[start].lower_ in {"detained", "arrested", "caught"}


def _pronoun_subject(ctx: _Context, start: int, sent: Span) -> bool:
    """"she was deported", "some have been deported already": a pronoun or bare quantifier as the subject of
    a passive deportation verb stands for people (only people are deported)."""
    doc = ctx.doc
    if doc[start].lemma_.lower() not in {"deport", "repatriate", "expel"}:
        return False
    lowers = doc_lowers(doc)
    j = start - 1
    while j >= sent.start and (lowers[j] in ctx.lex["agentless"]["auxiliaries"] or lowers[j] in {
            "have", "has", "had", "already", "then", "later", "also"} or lowers[j].endswith("ly")):
        j -= 1
    if j < sent.start or lowers[j] not in {"he", "she", "they", "some", "many", "most", "others", "thousands",
                                           "hundreds", "dozens"}:
        return False
    return j == sent.start or lowers[j - 1] not in ctx.lex["agentless"]["conditional"] | {"before", "after"}
    # "until they were finally deported", "if she is deported": a case or a prospect, not an event


def _acting_state(ctx: _Context) -> Actor | None:
    """The state the story shows acting: the one most often named as a subject (not after a preposition, not as
    a modifier: "the US-Mexico border", "migrants from Mexico" do not count), else the one named most."""
    if ctx._acting is None:
        counts: dict[Actor, int] = {}
        for m in ctx.mentions:
            found = ctx.a.token_entities.get(m.start)
            if m.kind == "actor" and m.actor and m.actor[0] == "Country" and not ctx.followed_by_modifier(m) \
                    and not (found and found[0] == "Person") and not ctx.is_prepositional(m) \
                    and not (ctx.doc[m.start].lower_ in ctx.sets["quote_we"] and not ctx.doc[m.start].is_upper) \
                    and not _in_parentheses(ctx, m.start):  # "arrive from Asia (chiefly China)": an aside (r30)
                # a leader's state may itself be a guess from the context; "we" in a quotation is its speaker's
                # state, not the story's
                counts[m.actor] = counts.get(m.actor, 0) + 1
        main = ctx._person_country_from_context(None)
        ranked = sorted(counts, key=lambda a: (-counts[a], a != main, min(m.start for m in ctx.mentions
                                                                            if m.actor == a)))
        ctx._acting = ranked[0] if ranked else (main or False)
    return ctx._acting or None


def _bracketed_acronym(doc: Doc, start: int, end: int) -> bool:
    """"the Legal Immigration and Migrant Access (Lima) programme": a one-word name in parentheses right after a
    run of capitalised words whose initials it spells is that name's acronym, not the place it may also spell (r30
    audit: an old spelling of a capital read as its state, acting in a story on another)."""
    if end - start != 1 or start < 2 or end >= len(doc) or doc[start - 1].text != "(" or doc[end].text != ")":
        return False
    word = doc[start].text
    if not word.isalpha() or len(word) < 2:
        return False
    initials = []
    j = start - 2
    while j >= 0 and len(initials) < 12 and (doc[j].is_title or doc[j].is_upper or doc[j].lower_ in {
            "for", "of", "and", "the", "on", "in", "to"}):
        if doc[j].is_title or doc[j].is_upper:
            initials.append(doc[j].text[0].upper())
        j -= 1
    return "".join(reversed(initials)).endswith(word.upper())


def _in_parentheses(ctx: _Context, i: int) -> bool:
    """Whether token i stands inside an opened parenthesis of its sentence ("from Asia (chiefly China and
    India)"): a country named in an aside is not one the story shows acting."""
    doc = ctx.doc
    sent = ctx.sents[ctx.sent_of[i]]
    for j in range(i - 1, sent.start - 1, -1):
        if doc[j].text == ")":
            return False
        if doc[j].text == "(":  # an aside of examples, opened by a lower-case word ("(chiefly China"); a state named
            # in parentheses on its own ("(UAE)", "(Hungary and Poland)") still counts
            return j + 1 < i and doc[j + 1].is_alpha and doc[j + 1].is_lower
    return False


def _located_actors(ctx: _Context, start: int, end: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """A facility or state of detention with no verb: the state it lies in ("detention centres in Libya",
    "camps across Texas"), else, for people in it ("children in detention centres", "migrants held in
    detention"), the story's acting state; not under a modal ("cannot be held in detention")."""
    doc = ctx.doc
    lowers = doc_lowers(doc)
    begin, reach = end, 4
    if end < sent.end and lowers[end] == "of":  # "the detention of 900 migrants at a crossing near X"
        held = find_target(ctx, start, end, "people")
        if held is not None and held[0] <= end + 4:
            begin, reach = held[1], 7
    for i in range(begin, min(sent.end - 1, begin + reach)):
        if lowers[i] not in {"in", "at", "across", "throughout", "inside", "on", "near", "outside"}:
            if lowers[i] in SENT_PUNCT:
                break
            continue
        k = i + 1
        while k < sent.end and lowers[k] in {"the", "a"} | COMPASS_WORDS:
            k += 1
        m = ctx.mention_at.get(k)
        if m is not None and m.kind == "actor" and m.actor and m.actor[0] == "Country":
            return [m.actor], m
        if m is not None and m.kind == "place" and _place_country(ctx, m):
            return [("Country", _place_country(ctx, m))], m
        if begin == end:
            break
    group = find_target(ctx, start, end, "people", before=True)
    if group is None or not ctx.lex["agentless"]["irrealis"].isdisjoint(lowers[group[1]:start]):
        return [], None
    return _story_state(ctx, sent, start, end), None


def _named_policy_owner(ctx: _Context, start: int, sent: Span) -> Mention | None:
    """The state owning a policy noun that names the trigger: "a Dutch policy called the return rule",
    "Britain's scheme, dubbed the family route" (a country or its adjective, or a possessive, before the noun)."""
    lowers = doc_lowers(ctx.doc)
    words = ctx.lex["named_policies"]
    j = start - 1
    while j > sent.start and (lowers[j] in QUOTE_MARKS or lowers[j] in {"the", "a", "its", "their"}):
        j -= 1
    named = False
    while j > sent.start and lowers[j] in words["naming"]:
        named = True
        j -= 1
    if not named:
        return None
    if lowers[j] == ",":
        j -= 1
    if j <= sent.start or lowers[j] not in words["nouns"]:
        return None
    m = ctx.mention_at.get(j - 1)
    if m is None and lowers[j - 1] in {"'s", "’s"}:
        m = ctx.mention_at.get(j - 2)
    if m is not None and m.kind in {"actor", "demonym"} and m.actor and m.actor[0] == "Country":
        return m
    return None


def _relative_policy_owner(ctx: _Context, start: int, sent: Span) -> Mention | None:
    """"under Norway's revised family law, which admits ...", "the Danish rule, which bars ...": a trigger
    opening a relative clause on a policy noun a state owns (its possessive or adjective before the noun, a few
    plain words between) is that state's measure."""
    lowers = doc_lowers(ctx.doc)
    nouns = set(ctx.lex["named_policies"]["nouns"])
    j = start - 1
    while j > sent.start and (lowers[j].endswith("ly") or lowers[j] in {"also", "now", "still"}):
        j -= 1
    if j - 2 <= sent.start or lowers[j] not in {"which", "that"} or lowers[j - 1] not in {",", "—", "–", "--"}:
        return None  # (a dash opens the relative clause as a comma does: "the DACA program — which shields ...")
    n = j - 2
    while n > sent.start and j - 2 - n < 3 and lowers[n] not in nouns and ctx.doc[n].is_alpha and ctx.doc[n].is_lower:
        n -= 1  # "law of return"
    if lowers[n] not in nouns:
        return None
    k = n - 1
    while k > sent.start and n - k <= 3 and ctx.doc[k].is_alpha and ctx.doc[k].is_lower and k not in ctx.mention_at:
        k -= 1  # "expanded", "new asylum"
    if k >= sent.start and lowers[k] in {"'s", "’s"}:
        k -= 1
    m = next((x for x in ctx.by_end if x.end == k + 1 and x.start >= sent.start), None)
    if m is not None and m.kind in {"actor", "demonym"} and m.actor and m.actor[0] == "Country":
        return m
    return None


def _under_policy_owner(ctx: _Context, start: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """An opener "Under a U.S. policy ..., migrants were sent back" / "Under Britain's new rules, ...": the state
    owning the policy noun is the actor of an agentless passive later in the sentence."""
    lowers = doc_lowers(ctx.doc)
    if lowers[sent.start] != "under" or start - sent.start < 4:
        return [], None
    nouns = set(ctx.lex["named_policies"]["nouns"])
    for j in range(sent.start + 1, min(start, sent.start + 6)):
        m = ctx.mention_at.get(j)
        if m is None or m.kind not in {"actor", "demonym"} or not m.actor or m.actor[0] != "Country":
            continue
        k = m.end + 1 if m.end < start and lowers[m.end] in {"'s", "’s"} else m.end
        while k < start and k - m.end < 3 and lowers[k] not in nouns and ctx.doc[k].is_alpha and ctx.doc[k].is_lower:
            k += 1  # "Britain's new asylum rules"
        if k < start and lowers[k] in nouns and "," in lowers[k:start]:
            return [m.actor], m
        return [], None
    return [], None


def _under_owner_after(ctx: _Context, end: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """"migrants granted amnesty under President X's 2012 programme", "shielded from deportation under a Canadian
    policy": a passive trigger followed by "under" and a policy noun owned by a state (its possessive or its
    adjective) is that state's measure; "under Canada" alone, or a policy of no state, names none."""
    lowers = doc_lowers(ctx.doc)
    nouns = set(ctx.lex["named_policies"]["nouns"])
    for i in range(end, min(sent.end - 1, end + 6)):
        if lowers[i] in {";", ":", "—", "–", ","}:
            break
        if lowers[i] != "under":
            continue
        k = i + 1
        while k < sent.end and k - i < 4 and k not in ctx.mention_at and (
                lowers[k] in {"the", "a", "an"} or ctx.doc[k].is_title):
            k += 1  # "under President X's order": the title before the holder
        m = ctx.mention_at.get(k)
        if m is None or m.kind not in {"actor", "demonym"} or not m.actor or m.actor[0] != "Country":
            return [], None
        if m.kind == "actor" and tuple(lowers[m.start:m.end]) in ctx.lex["_programmes"]:
            return [m.actor], m  # "were granted work permits under TPS": the programme acts for its state (r32)
        j = m.end
        if j < sent.end and lowers[j] in {"'s", "’s"}:
            j += 1
        elif m.kind != "demonym":
            return [], None
        steps = 0
        while j < sent.end and steps < 6 and lowers[j] not in nouns and (ctx.doc[j].is_alpha or ctx.doc[j].like_num):
            j += 1  # "Britain's new asylum rules", "X's Deferred Action for Childhood Arrivals programme"
            steps += 1
        if j < sent.end and lowers[j] in nouns:
            return [m.actor], m
        return [], None
    return [], None


OWNER_CLAUSE_VERBS = frozenset({"provide", "give", "send", "offer", "build", "erect", "construct", "impose", "order",
                                "announce", "introduce", "adopt", "run", "operate", "fund", "finance", "deliver",
                                "pledge", "enforce", "deploy", "donate", "grant", "extend", "set", "put",
                                # r39 (C39): "the deportations, which A began in May", "the travel ban, which A signed"
                                "begin", "start", "launch", "resume", "carry", "issue", "sign", "declare"})
OWNER_CLAUSE_AUXILIARIES = frozenset({"has", "had", "have", "will", "would", "is", "was", "now", "already", "recently",
                                      "then", "also", "just", "once"})


def _relative_clause_owner(ctx: _Context, end: int, sent: Span) -> Mention | None:
    """"the generous aid Germany provides to refugees", "the fence Hungary has built", "the ban that the U.S.
    imposed": a noun trigger followed by a relative clause whose subject is a state and whose verb provides, builds
    or imposes it is that state's measure (OWNER_CLAUSE_VERBS; "the wall Mexico refuses to pay for" names none)."""
    doc = ctx.doc
    lowers = doc_lowers(doc)
    i = end
    if i + 1 < sent.end and lowers[i] == "," and lowers[i + 1] == "which":
        i += 1  # "the travel ban, which A introduced in May" (r39)
    if i < sent.end and lowers[i] in {"that", "which"}:
        i += 1
    if i < sent.end and lowers[i] == "the":
        i += 1
    m = ctx.mention_at.get(i)
    if m is None or m.start != i or m.kind != "actor" or not m.actor or m.actor[0] != "Country":
        return None
    k = m.end
    while k < sent.end and k - m.end < 2 and lowers[k] in OWNER_CLAUSE_AUXILIARIES:
        k += 1
    if k >= sent.end or not doc[k].is_lower or doc[k].lemma_.lower() not in OWNER_CLAUSE_VERBS:
        return None
    return m


def _plan_owner(ctx: _Context, start: int, sent: Span) -> Mention | None:
    """The actor "its"/"their" stands for in "its plan to deport", "their efforts to resettle": the nearest
    actor mention before the possessive in the sentence (none when another mention stands between)."""
    doc = ctx.doc
    if start - 3 < sent.start or doc[start - 1].lower_ != "to" or doc[start - 2].lower_ not in PLAN_NOUNS:
        return None
    j = start - 3
    if doc[j].lower_ not in {"its", "their"} and j - 1 >= sent.start and doc[j - 1].lower_ in {"its", "their"}:
        j -= 1  # "its latest plan to"
    if doc[j].lower_ not in {"its", "their"}:
        return None
    for i in range(j - 1, max(sent.start, j - 12) - 1, -1):
        m = ctx.mention_at.get(i)
        if m is None and doc[i].lower_ in {"the", "a", "an", "this", "that"}:
            return None  # "Germany criticised the charity and its plan": another noun phrase owns it
        if m is None or m.kind in {"demonym", "place"}:
            continue
        return m if m.kind == "actor" and m.actor else None
    return None


def _state_speaker_before(ctx: _Context, sent: Span, start: int) -> tuple[list[Actor], Mention | None]:
    """The state (or its body) right before a speech verb that opens the clause of the trigger: "Poland said
    (that) 300 migrants were pushed back". International organisations and others report, they do not act."""
    lemmas = doc_lemmas(ctx.doc)
    for i in range(start - 1, sent.start, -1):
        speaker = _speaker_end(ctx, i, sent) if lemmas[i] in ctx.sets["speech_verbs"] else i - 1  # "Mexico's
        # government also insisted": the adverb is skipped
        if lemmas[i] in ctx.sets["speech_verbs"] and speaker not in ctx.mention_at:
            owner = _role_owner(ctx, speaker, sent)  # "Lithuania's interior minister said"
            if owner is not None:
                return [owner.actor], owner
        if lemmas[i] in ctx.sets["speech_verbs"] and speaker in ctx.mention_at:
            m = ctx.mention_at[speaker]
            if m.kind == "actor" and m.actor and m.actor[0] == "Country" and not ctx.is_prepositional(m):
                return [x.actor for x in ctx.coordinated(m, i) if x.actor and x.actor[0] == "Country"], m
            if m.kind in {"body", "title"} and not ctx.is_prepositional(m):
                resolved = [a for a in _resolve_reference(ctx, m) if a[0] == "Country"]
                return resolved, m if resolved else None
            break
        if ctx.doc[i].text in {";", ":"}:
            break
    return [], None


def _speaker_end(ctx: _Context, verb: int, sent: Span) -> int:
    """The last token of the speaker before a speech verb at ``verb``, past adverbs and auxiliaries between them
    ("the ministry also said", "Poland has repeatedly stated"); ``verb - 1`` when there are none."""
    lowers = doc_lowers(ctx.doc)
    skip = ctx.lex["agentless"]["adverbs"] | ctx.lex["_speaker_gap"]
    if verb - 1 > sent.start and lowers[verb - 1] == ",":
        closed = [a for a, b in _subject_asides_r40(ctx, sent.start, verb) if b == verb - 1]
        if closed:
            return closed[0] - 1  # r40: "the A-ian government, which has a deal with B, said": the subject
    j = verb - 1
    while j > sent.start and j not in ctx.mention_at and (lowers[j] in skip or (
            lowers[j].endswith("ly") and ctx.doc[j].is_alpha and ctx.doc[j].is_lower)):
        j -= 1
    return j if j < verb - 1 and (j in ctx.mention_at or _role_owner(ctx, j, sent) is not None) else verb - 1


def _stated_or_announced(ctx: _Context, sent: Span, start: int) -> bool:
    """No modal but will/would/shall and no condition before the trigger in its sentence ("students will be exempt",
    not "students could be exempt", "if students are exempt")."""
    words = ctx.lex["agentless"]
    before = doc_lowers(ctx.doc)[sent.start:start]
    unreal = (words["irrealis"] - {"will", "would", "shall", "'ll", "’ll", "to", "not", "n't", "n’t", "never"}) \
        | words["conditional"]
    return unreal.isdisjoint(before)


def _airspace_owner(ctx: _Context, start: int, end: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """The state (or, for "European", the bloc) whose airspace a flight ban with no actor closes: "airlines were
    banned from Canadian airspace", "barred from EU airspace"."""
    doc = ctx.doc
    if doc[end - 1].lower_ != "airspace" or end - 2 <= start:
        return [], None
    m = ctx.mention_at.get(end - 2)
    if m is not None and m.actor and (m.kind == "actor" or (m.kind == "demonym" and m.actor[0] == "Country")):
        return [m.actor], m
    owner = ctx.lex["region_adjectives"].get(doc[end - 2].text)
    if owner is not None and not isinstance(owner, str):
        return [(owner[0], owner[1])], None
    return [], None


def _inside_owner(ctx: _Context, start: int, end: int) -> tuple[list[Actor], Mention | None]:
    """The state named inside a match ("in ICE custody", "in Mexican custody", "in the custody of Greek police"
    is not matched): a state, its adjective or a body of its; nothing for "in federal custody"."""
    for i in range(start + 1, end - 1):
        m = ctx.mention_at.get(i)
        if m is None or m.end > end - 1:
            continue
        if m.kind in {"actor", "demonym"} and m.actor and m.actor[0] == "Country":
            return [m.actor], m
        if m.kind == "body":
            resolved = [a for a in _resolve_reference(ctx, m) if a[0] == "Country"]
            return resolved, (m if resolved else None)
        return [], None
    return [], None


def _role_owner(ctx: _Context, j: int, sent: Span) -> Mention | None:
    """The state owning an office or body ending at token j, named by its possessive ("Lithuania's interior
    minister", "Greece's migration ministry"): a few role words back to "X's"; None otherwise."""
    lowers = doc_lowers(ctx.doc)
    roles = ctx.sets["state_roles"] | ctx.sets["state_org_heads"]
    if lowers[j] not in roles:
        return None
    k = j - 1
    while k > sent.start and j - k <= 3 and k not in ctx.mention_at and lowers[k] not in {"'s", "’s"} and (
            lowers[k] in roles or lowers[k] in ctx.sets["state_agency_words"] or lowers[k] in ROLE_MODIFIERS):
        k -= 1
    if k <= sent.start or lowers[k] not in {"'s", "’s"}:
        return None
    m = ctx.mention_at.get(k - 1)
    if m is not None and m.kind == "actor" and m.actor and m.actor[0] == "Country":
        return m
    return None


def _is_passive(ctx: _Context, start: int, sent: Span) -> bool:
    """The trigger is a passive participle: after a form of "be"/"get" ("were quickly deported", "were detained
    and deported"), or right after the group it describes ("immigrants deported from the US": a reduced
    relative clause). Its subject is then the group affected; the actor, if any, follows ("by", "from")."""
    doc = ctx.doc
    if doc[start].lower_.endswith("ly") and start + 1 < sent.end:
        start += 1  # the match may start with its adverb: "were forcibly expelled"
    low = doc[start].lower_
    if not (low.endswith(("ed", "en", "wn")) or low in {"sent", "held", "built", "put", "caught", "kept", "laid"}):
        return False
    before = start - 1
    if before > sent.start and doc[before].text in QUOTE_MARKS:
        before -= 1  # "300 migrants 'pushed back by A-ian units'": a partial quotation opening on the participle (r38)
    if before > sent.start and (doc[before].lower_.endswith("ly") or doc[before].lower_ in PASSIVE_ADVERBS):
        before -= 1  # "were quickly deported", "parents already deported" (r32)
    if before - 2 >= sent.start and doc[before].lower_ in {"and", "or"} and doc[before - 1].lower_.endswith("ed"):
        before -= 2
    elif before - 2 >= sent.start and doc[before].lower_ in {"and", "or"}:  # "will be sent back home or removed"
        before = next((k for k in range(before - 1, max(sent.start, before - 6), -1) if doc[k].lower_ == "be"
                       or not doc[k].is_alpha), before)  # (r34)
    if before < sent.start:
        return False
    lemma = doc[before].lemma_.lower()
    if lemma in {"be", "been", "being", "get"}:
        return True
    group_word = lemma in ctx.sets["migrant_words"] or doc[before].lower_.rstrip("s") in ctx.sets["migrant_words"]
    group_word = group_word or _people_reduced_relative(ctx, start, before) \
        or _group_reduced_relative(ctx, start, before)  # "accepting Hondurans deported from X" (r33)
    if not (group_word or doc[before].lower_ in {"deportees", "detainees", "nationals"}):
        return False
    k = before - 1
    while k > sent.start and doc[k].lower_ in {"a", "an", "the", "some", "many", "most"}:
        k -= 1
    return k < sent.start or doc[k].lower_ not in {"that", "which", "whom"}  # "the visa that an immigrant held"


def _people_reduced_relative(ctx: _Context, start: int, before: int) -> bool:
    """"the number of people deported daily", "families expelled last year": a verb only people undergo, right
    after a plain noun for people, is a reduced relative clause on that group (not the group acting)."""
    lex = ctx.lex["people_reduced_relative"]
    return ctx.doc[start].lemma_.lower() in lex["verbs"] and ctx.doc[before].lower_ in lex["nouns"]


RETURNED_FROM_VERBS = frozenset({"accept", "receive", "take", "admit", "welcome", "house", "shelter", "host",
                                 "process", "screen", "register"})


def _group_reduced_relative(ctx: _Context, start: int, before: int) -> bool:
    """"accepting Salvadorans deported from the US", "Central Americans returned from the US": a participle of a
    verb only people undergo right after a named group of people (a Group mention such as a plural demonym ending
    right before it) is a reduced relative on that group. "Returned" reads so only after a verb taking the group in
    ("accepting Hondurans returned from ..."): "Syrians returned from Turkey" may be their own going home (r33)."""
    doc = ctx.doc
    lemma = doc[start].lemma_.lower()
    low = doc[start].lower_
    if lemma not in ctx.lex["people_reduced_relative"]["verbs"] and low != "returned":
        return False
    m = ctx.mention_at.get(before)
    if m is None or m.kind != "demonym" or m.end != before + 1 or not doc[before].lower_.endswith("s"):
        return False
    if low != "returned":
        return True
    return _taken_group(ctx, m.start)


def _taken_group(ctx: _Context, group_start: int) -> bool:
    """Whether a verb taking people in stands right before the group starting at ``group_start`` ("accepting
    (some) Central Americans"): a capitalised region word and determiners or counts may stand between."""
    doc = ctx.doc
    k = group_start - 1
    while k >= 0 and (doc[k].lower_ in {"the", "some", "many", "thousands", "of", "hundreds", "more", "than"}
                      or doc[k].is_title and k == group_start - 1 or doc[k].like_num):
        k -= 1
    return k >= 0 and doc[k].lemma_.lower() in RETURNED_FROM_VERBS


def _returned_passive(ctx: _Context, start: int, sent: Span) -> bool:
    """"were returned from X", or a group taken in right before "returned" ("accepting migrants returned from X"):
    a passive return; "migrants returned from X" alone may be their own going home (r33)."""
    doc = ctx.doc
    k = start - 1
    while k > sent.start and (doc[k].lower_.endswith("ly") or doc[k].lower_ in PASSIVE_ADVERBS):
        k -= 1
    if k < sent.start:
        return False
    if doc[k].lemma_.lower() in {"be", "been", "being", "get"}:
        return True
    j = k
    while j > sent.start and not doc[j - 1].is_punct and doc[j - 1].lower_ not in ctx.lex["verb_openers"] \
            and k - j < 3 and doc[j - 1].lemma_.lower() not in RETURNED_FROM_VERBS:
        j -= 1  # the group's first word: "accepting Central Americans returned"
    return _taken_group(ctx, j)


def _clause_subject(ctx: _Context, m: Mention, start: int) -> bool:
    """"weeks after the EU suspended ...": after/before/since/until/as also open clauses, whose
    subject stands right before the verb; so does a relative clause after a prepositional mention
    ("set by Germany, which welcomed ...")."""
    doc = ctx.doc
    if m.kind == "actor" and m.end + 2 < start <= m.end + 10 and doc[m.end].text == "," \
            and doc[m.end + 1].lower_ in {"which", "who"} and not any(t.is_punct for t in doc[m.end + 2:start]) \
            and not any(i in ctx.mention_at for i in range(m.end + 2, start)):
        return True  # "the pace set by Germany, which last weekend welcomed ...": the relative clause's subject
    if m.kind == "actor" and m.actor and m.actor[0] == "Country" and m.end + 1 < start <= m.end + 9 \
            and doc[m.end].lower_ == "which" and not any(t.is_punct for t in doc[m.end + 1:start]) \
            and not any(i in ctx.mention_at for i in range(m.end + 1, start)):
        return True  # "a crisis in A which is also building a fence": a state's relative clause without its comma (r37)
    if m.kind == "actor" and m.end < len(doc) and doc[m.end].lower_ in AGENT_GERUNDS and _after_by(ctx, m) \
            and (start == m.end or start - m.end == 2 and doc[start - 1].lower_ == "to"):
        return True  # "an effort by Brazil seeking to extradite ...": the agent of the effort acts (round 28)
    if m.kind != "actor" or (start - m.end > 1 and not _intent_infinitive(ctx, m.end, start)
                             and not _own_plan_gap(doc, m.end, start)) \
            or any(t.is_punct for t in doc[m.end:start]):
        return False
    j = m.start - 1
    while j >= 0 and doc[j].lower_ in {"the", "a", "an"}:
        j -= 1
    return j >= 0 and doc[j].lower_ in {"after", "before", "since", "until", "as", "once", "when"}


OWN_PLAN_NOUNS = frozenset({"policy", "plan", "pledge", "promise", "decision", "commitment", "effort", "efforts",
                            "programme", "program", "bid", "goal", "push", "drive", "campaign"})


def _own_plan_gap(doc: Doc, a: int, b: int) -> bool:
    """"as Germany presses ahead with its plan to deport ...", "as the White House sticks to its policy to admit
    ...": between a clause's subject and the trigger, a verb phrase ending in the subject's own plan (a possessive
    pronoun, the plan noun, "to") (r31)."""
    gap = doc_lowers(doc)[a:b]
    if not 4 <= len(gap) <= 8 or gap[-1] != "to" or gap[-2] not in OWN_PLAN_NOUNS:
        return False
    return any(w in {"its", "their"} for w in gap[-4:-2])


INTENT_VERBS = frozenset({"decide", "agree", "vow", "plan", "move", "promise", "pledge", "threaten", "choose",
                          "opt", "begin", "start", "prepare", "resolve"})
INTENT_AUXILIARIES = frozenset({"had", "has", "have", "would", "will", "'d", "then", "also", "finally", "quickly"})


AGENT_GERUNDS = frozenset({"seeking", "trying", "attempting", "working", "moving", "pushing", "pressing",
                           "planning", "aiming"})


def _after_by(ctx: _Context, m: Mention) -> bool:
    """The mention follows "by" (perhaps with an article between): "an effort by the United States"."""
    j = m.start - 1
    while j >= 0 and ctx.doc[j].lower_ in {"the", "a", "an"}:
        j -= 1
    return j >= 0 and ctx.doc[j].lower_ == "by"


def _intent_infinitive(ctx: _Context, a: int, b: int) -> bool:
    """The tokens a..b between a clause subject and its trigger are a verb of intent and "to", perhaps after an
    auxiliary: "after Ecuador decided to withdraw ...", "once Chile had agreed to take ..." (round 28)."""
    doc = ctx.doc
    gap = list(range(a, b))
    if len(gap) < 2 or len(gap) > 4 or doc[b - 1].lower_ != "to" \
            or doc[b - 2].lemma_.lower() not in INTENT_VERBS and doc[b - 2].lower_ not in {"decided", "agreed",
                                                                                      "vowed", "planned", "moved",
                                                                                      "promised", "pledged",
                                                                                      "threatened", "chose"}:
        return False
    return all(doc[i].lower_ in INTENT_AUXILIARIES for i in gap[:-2])


def _mobilization_fallback(ctx: _Context, start: int) -> list[Actor]:
    """A call-up with no stated actor: the country named in its sentence (mobilisations concern citizens)."""
    sent = ctx.sents[ctx.sent_of[start]]
    best = None
    for m in ctx.mentions:
        if sent.start <= m.start < sent.end and m.kind == "actor" and m.actor and m.actor[0] == "Country":
            distance = abs(m.start - start)
            if best is None or distance < best[0]:
                best = (distance, m.actor)
    return [best[1]] if best else []


# --- round 38 (E38): entry bans, barriers and asylum ---

def _inside_states_r38(ctx: _Context, start: int, end: int) -> set[Actor]:
    """States named strictly inside a match ("declared A a safe third country", "added A to its list of safe
    countries"): the state judged safe, never the one acting (entry key inside_not_actor_r38)."""
    out: set[Actor] = set()
    for i in range(start + 1, end):
        m = ctx.mention_at.get(i)
        if m is not None and m.actor:
            out.add(m.actor)
    return out


FEAR_NOUNS_R38 = frozenset({"fear", "fears", "feared", "fearing", "rumour", "rumours", "rumor", "rumors",
                            "speculation", "worry", "worries", "worried", "concern", "concerns", "concerned"})
PROSPECT_MODALS_R38 = frozenset({"may", "might", "could", "would"})
ENTERED_VERBS_R38 = frozenset({"entering", "crossing", "reaching", "arriving", "getting", "going"})


def _feared_prospect_r38(ctx: _Context, sent: Span, start: int) -> bool:
    """"Fears that A may close the borders drove many to leave", "amid rumours that A could shut the border": a
    measure feared or rumoured with a modal is a prospect others dread, no measure taken (r38)."""
    lows = doc_lowers(ctx.doc)
    lo = max(sent.start, start - 10)
    for f in range(start - 2, lo - 1, -1):
        if lows[f] in {";", ".", ",", "(", ")", "—", "–"}:
            return False  # another clause: "(as a study of the option advised), A would shut it"
        if lows[f] in FEAR_NOUNS_R38:
            near = range(max(f + 1, start - 3), start)  # "may close", "could soon shut": the trigger's own modal
            return any(lows[k] in PROSPECT_MODALS_R38 and "," not in lows[k:start] for k in near)
    return False


def _entered_elsewhere_r38(ctx: _Context, end: int, sent: Span, actor: Actor) -> bool:
    """"A prevented migrants from crossing into B", "stopped them from reaching B": the state whose border they
    would cross is another, so A bars no entry of its own (an EntryBan match ending in such a verb; r38)."""
    doc = ctx.doc
    lows = doc_lowers(doc)
    k = end - 1
    if lows[k] not in ENTERED_VERBS_R38 or k == 0 or lows[k - 1] != "from":
        return False
    j = end
    while j < sent.end and j < end + 3 and lows[j] in {"into", "in", "to", "the", "at"}:
        j += 1
    m = ctx.mention_at.get(j)
    return m is not None and m.actor is not None and m.actor[0] == "Country" and m.actor != actor \
        and m.kind in {"actor", "place"}


# --- round 39 (C39): entry bans, barriers, deportation, detention, flight bans, manhunts ---

ENFORCE_TYPES_R39 = frozenset({"EntryBan", "BorderBarrier", "Detention", "Deportation"})
FRONTIER_PREPS_R39 = frozenset({"at", "on", "along", "across", "near", "to", "into"})
FRONTIER_WORDS_R39 = frozenset({"border", "borders", "frontier", "frontiers", "crossing", "crossings", "checkpoint",
                                "checkpoints", "coast", "coastline", "waters", "port", "ports"})
FRONTIER_SKIP_R39 = frozenset({"the", "its", "a", "all", "both", "two", "several", "main", "land", "eastern", "western",
                               "southern", "northern", "external", "sea"})
FORCE_WORDS_R39 = frozenset({"police", "authorities", "officials", "officers", "agents", "troops", "soldiers", "forces",
                             "army", "navy", "military", "coastguard", "guards", "guard", "gendarmes", "gendarmerie",
                             "border", "coast", "security", "immigration", "interior", "ministry", "government"})
HYPOTHETICAL_MODALS_R39 = frozenset({"could", "might", "may"})
CONDITION_WORDS_R39 = frozenset({"if", "unless"})
WAR_WORDS_R39 = frozenset({"invasion", "invade", "invaded", "war", "offensive", "attack", "drills", "exercises",
                           "annexation", "shelling"})
GATHERING_NEXT_R39 = frozenset({"group", "groups", "number", "total"})


def _frontier_after_r39(ctx: _Context, end: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """"were denied entry at the A-ian border", "razor wire was laid along A's land border": in a passive with no
    agent, the state whose border, crossing or coast the measure is at, named by its adjective or possessive."""
    lowers = doc_lowers(ctx.doc)
    for i in range(end, min(sent.end - 1, end + 8)):
        low = lowers[i]
        if low in {"by", ";", ":", "—", "(", "where", "which", "who"}:
            break  # an agent, or another clause
        if low not in FRONTIER_PREPS_R39:
            continue
        j = i + 1
        while j < sent.end and lowers[j] in FRONTIER_SKIP_R39:
            j += 1
        m = ctx.mention_at.get(j)
        if m is None or m.start != j or not m.actor or m.actor[0] != "Country" or m.kind not in {"demonym", "actor"}:
            continue
        k = m.end + 1 if m.kind == "actor" and m.end < sent.end and lowers[m.end] in {"'s", "’s"} else m.end
        if m.kind == "actor" and k == m.end and not _abbreviated_r39(ctx.doc[m.start:m.end].text):
            continue  # "to A" names a place reached, not a frontier; "at the U.S. border" is its own
        while k < sent.end and k - m.end < 3 and lowers[k] in FRONTIER_SKIP_R39:
            k += 1
        if k < sent.end and lowers[k] in FRONTIER_WORDS_R39:
            return [m.actor], m
    return [], None


def _abbreviated_r39(text: str) -> bool:
    """"U.S.", "UK": a state's abbreviation, used before a noun as its adjective."""
    return len(text) <= 4 and text.replace(".", "").isupper()


def _demonym_agent_r39(ctx: _Context, end: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """"were detained by A-ian police", "were pushed back by A-ian border guards": a passive's agent named by the
    state's adjective and a force or body noun."""
    lowers = doc_lowers(ctx.doc)
    for i in range(end, min(sent.end - 2, end + PASSIVE_AGENT_WINDOW)):
        if lowers[i] in {";", ":", "—"}:
            break
        if lowers[i] != "by":
            continue
        j = i + 2 if lowers[i + 1] == "the" else i + 1
        m = ctx.mention_at.get(j)
        if m is not None and m.start == j and m.kind == "demonym" and m.actor and m.actor[0] == "Country" \
                and m.end < sent.end and lowers[m.end] in FORCE_WORDS_R39:
            return [m.actor], m
        break
    return [], None


def _demonym_speaker_after_r39(ctx: _Context, end: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """"..., the A-ian police said", "..., A-ian border guards reported": a state's force or body named by its
    adjective as the speaker after the measure reports its own measure."""
    doc, lowers = ctx.doc, doc_lowers(ctx.doc)
    for i in range(end, sent.end):
        if lowers[i] != "," or i + 1 >= sent.end:
            continue
        j = i + 2 if lowers[i + 1] == "the" else i + 1
        m = ctx.mention_at.get(j)
        if m is None or m.start != j or m.kind not in {"demonym", "actor"} or not m.actor \
                or m.actor[0] != "Country":
            continue
        k = m.end
        while k < sent.end and k - m.end < 3 and lowers[k] in FORCE_WORDS_R39:
            k += 1
        named = k > m.end or (m.kind == "actor" and lowers[m.end - 1] in FORCE_WORDS_R39)  # "the A-ian police"
        if named and k < sent.end and doc[k].lemma_.lower() in ctx.sets["speech_verbs"]:
            return [m.actor], m
    return [], None


def _hypothetical_r39(ctx: _Context, sent: Span, start: int) -> bool:
    """"A could expel more migrants if the deal collapses", "if arrivals rise, A might consider shutting its border":
    a measure under a possibility modal in a sentence with a condition is a hypothetical."""
    lowers = doc_lowers(ctx.doc)
    if HYPOTHETICAL_MODALS_R39.isdisjoint(lowers[max(sent.start, start - 3):start]):
        return False
    return not CONDITION_WORDS_R39.isdisjoint(lowers[sent.start:sent.end])


def _war_deployment_r39(ctx: _Context, sent: Span) -> bool:
    """"A massed troops along its border with B before the invasion": forces at a border for a war, in a sentence
    with no word of migration."""
    lowers = doc_lowers(ctx.doc)[sent.start:sent.end]
    return not WAR_WORDS_R39.isdisjoint(lowers) and not _sentence_has(ctx, sent, "migrants")


def _gathering_held_r39(ctx: _Context, start: int, end: int) -> bool:
    """"The migrants held a protest": an event the group holds (read as a reduced relative), nobody detained."""
    doc = ctx.doc
    return doc[start].lemma_.lower() == "hold" and end + 1 < len(doc) \
        and doc[end].lower_ in {"a", "an"} and doc[end + 1].lower_ not in GATHERING_NEXT_R39



def _which_antecedent_r39(ctx: _Context, start: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """"... fled to A, which has since shut its crossings and built a fence": the state before ", which" is the
    subject of the relative clause the trigger lies in, though named after a preposition."""
    lowers = doc_lowers(ctx.doc)
    for k in range(start - 1, max(sent.start + 1, start - 16), -1):
        low = lowers[k]
        if low in {",", ";", ":", "—", "(", ")"} or (k in ctx.mention_at and ctx.mention_at[k].kind == "actor"):
            return [], None  # another clause, or another state or body between
        if low != "which" or lowers[k - 1] != ",":
            continue
        m = next((x for x in ctx.by_end if x.end == k - 1), None)
        if m is not None and m.kind == "actor" and m.actor and m.actor[0] == "Country":
            return [m.actor], m
        return [], None
    return [], None


# --------------------------------------------------------------------------- trigger checks


_RANGE_WORDS_KEY = "migraph.policies.range_words"
"""``doc.user_data`` key of ``_range_has``'s answers and of the lower-cased ranges they were read in."""


def _placed_state(ctx: _Context, actors: list[Actor], at: Mention | None, sent: Span) -> bool:
    """True when the one state found for a call-up is named in its sentence only after a preposition ("the war in
    X", "crossed into X"), or only where a rule reached past the clause: a place, not the state calling men up."""
    if len(actors) != 1 or actors[0] is None or actors[0][0] != "Country":
        return False
    if at is not None and at.kind == "actor" and ctx.is_prepositional(at):
        return True
    if at is not None and not _unplaced_person(ctx, at):
        return False
    named = [m for m in ctx.mentions if sent.start <= m.start < sent.end and m.actor == actors[0] and m is not at]
    return bool(named) and all(m.kind == "actor" and ctx.is_prepositional(m) for m in named)


def _unplaced_person(ctx: _Context, at: Mention) -> bool:
    """A person's mention with no nation word in it ("President X", not "X's president"): the state it acts for
    was inferred from the story, so a state of its sentence named only as a place may be where it was read."""
    found = ctx.a.token_entities.get(at.end - 1)
    return found is not None and found[0] == "Person" \
        and not any(i in ctx.nation_tokens for i in range(at.start, at.end))


def _called_up_state(ctx: _Context, start: int, sent: Span, actors: list[Actor], at: Mention | None
                     ) -> tuple[list[Actor], Mention | None]:
    """The state of a call-up whose actor is unstated or only a place ("the leader's call-up", "a partial
    call-up to fight in X"): the nationality of the people its sentence shows called up or fleeing it
    ("Xs flee the leader's call-up", "X men hurried to the frontier crossings"), the nearest such group
    (mobilisations concern a state's own citizens); else what was found."""
    if not (_sentence_has(ctx, sent, "military") or _sentence_has(ctx, sent, "fleeing_people")):
        return actors, at
    best = None
    lemmas = doc_lemmas(ctx.doc)
    for m in ctx.mentions:
        if not (sent.start <= m.start < sent.end) or m.kind != "demonym" or not m.actor \
                or m.actor[0] != "Country" or m.actor in actors:
            continue
        people = _is_people(ctx, m.start, None)
        if people is None or not ARMED_NOUNS.isdisjoint(lemmas[m.end:people[1]]):
            continue  # "as Russian troops advanced": an army in the field, not the men called up
        distance = abs(m.start - start)
        if best is None or distance < best[0]:
            best = (distance, m)
    return ([best[1].actor], best[1]) if best else (actors, at)


PLEDGE_WORDS = frozenset({"would", "will", "wo", "'ll", "shall", "promise", "promised", "promises", "pledge", "pledged",
                          "pledges", "vow", "vowed", "vows", "guarantee", "guaranteed", "guarantees", "assure",
                          "assured"})


def _refuge_pledge(ctx: _Context, sent: Span, start: int) -> bool:
    """A state saying it will not send back people who fled ("would not deport those dodging the draft",
    "vowed it would not send them home" in a story on men fleeing a call-up): a pledge of protection. Needs a
    pledge (a future or a promise) in the few words before the negated verb and the flight in its sentence (or,
    for "them", in the story)."""
    lowers = doc_lowers(ctx.doc)
    if PLEDGE_WORDS.isdisjoint(lowers[max(sent.start, start - 5):start]):
        return False
    if "them" in lowers[start:min(sent.end, start + 3)] and _document_has(ctx.doc, "refuge_flight"):
        return True  # "vowed it would not send them home" in a story on men fleeing a call-up
    return _sentence_has(ctx, sent, "refuge_flight")


PRACTICE_NOUNS = frozenset({"practice", "practices", "policy", "policies", "habit", "tactic", "tactics"})


def _practice_owner(ctx: _Context, start: int, sent: Span) -> Mention | None:
    """"A criticised B's unlawful practice of pushing migrants back", "the Greek policy of detaining
    migrants": a state's practice or policy of doing something is a measure it takes, the possessor's (not an
    idea discussed, as "the idea of building a wall" is)."""
    doc = ctx.doc
    if start - 3 < sent.start or doc[start - 1].lower_ != "of" or doc[start - 2].lower_ not in PRACTICE_NOUNS:
        return None
    j = start - 3
    while j > sent.start and start - 3 - j < 2 and doc[j].is_lower and doc[j].is_alpha:
        j -= 1  # "illegal", "long-standing": adjectives before the noun
    if doc[j].lower_ in {"'s", "’s"}:
        j -= 1
    m = ctx.mention_at.get(j)
    if m is None or m.end != j + 1 or m.kind not in {"actor", "demonym"} or not m.actor or m.actor[0] != "Country":
        return None
    return m


ARMED_NOUNS = frozenset({"troop", "troops", "soldier", "force", "forces", "army", "guard", "guards", "officer",
                         "official", "officials", "police", "diplomat", "leader", "authority", "authorities"})
BORDERING_WORDS = frozenset({"bordering", "border", "borders", "neighbouring", "neighboring", "adjoining"})
BORDERING_HEADS = frozenset({"countries", "states", "nations", "members", "neighbours", "neighbors", "that", "which",
                             "those"})


def _bordered_landmark(ctx: _Context, at: Mention) -> bool:
    """"countries bordering X", "states that border X": X is named as what they lie next to, not as an actor."""
    doc = ctx.doc
    sent_start = ctx.sents[ctx.sent_of[at.start]].start
    j = at.start - 1
    if j - 1 < sent_start or doc[j].lower_ not in BORDERING_WORDS:
        return False
    return doc[j - 1].lower_ in BORDERING_HEADS


def _range_has(doc: Doc, start_char: int, end_char: int, name: str, words: Iterable[str]) -> bool:
    """``any(word in doc_text(doc)[start_char:end_char].lower() for word in words)``, the word list named ``name`` (a
    list of the policy data, fixed per process: "refugees", a context's name), answered once per document, range and
    list. The trigger search asks it of a sentence for every feasible entry with that context, and the rules again
    for every match there, each lower-casing the sentence and scanning it for every word of the list (some 1% of the
    pipeline's instructions); a Doc's text never changes once the pipeline has run."""
    memo = doc.user_data.get(_RANGE_WORDS_KEY)
    if memo is None:
        memo = doc.user_data[_RANGE_WORDS_KEY] = ({}, {})
    answers, lowered = memo
    key = (start_char, end_char, name)
    found = answers.get(key)
    if found is None:
        text = lowered.get(key[:2])
        if text is None:
            text = lowered[key[:2]] = doc_text(doc)[start_char:end_char].lower()
        found = answers[key] = any(word in text for word in words)
    return found


def _sentence_has(ctx: _Context, sent: Span, context: str | None, document: bool = False) -> bool:
    """The sentence has a word of the context list; with ``document``, or the whole story is about it."""
    if not context:
        return True
    return _range_has(ctx.doc, sent.start_char, sent.end_char, context, ctx.lex["_contexts"][context]) or (
        document and _document_has(ctx.doc, context))


def _carried_context(doc: Doc, before: Span | None, words: set[str], context: str | None) -> bool:
    """A sentence that speaks of its group only as "them"/"those" ("police detained 500 of them", "began sending
    them back") takes its context from the sentence before, where the group was named (a word of the context's
    list, policies.json "_contexts"; none for an unknown context)."""
    if before is None or OBJECT_PRONOUNS.isdisjoint(words):
        return False
    return _range_has(doc, before.start_char, before.end_char, context, lexicon()["_contexts"].get(context, ()))


def _sentence_before(ctx: _Context, sent: Span) -> Span | None:
    k = ctx.sent_of[sent.start]
    return ctx.sents[k - 1] if k > 0 else None


def _pronoun_group(ctx: _Context, i: int) -> bool:
    """"them"/"those" stand for migrants when the sentence or the one before names refugees or migrants."""
    k = ctx.sent_of[i]
    first = ctx.sents[max(0, k - 1)]
    return _range_has(ctx.doc, first.start_char, ctx.sents[k].end_char, "refugees", ctx.lex["_contexts"]["refugees"])


_DOC_CONTEXT: dict[tuple[int, str], tuple[Doc, bool]] = {}


def _document_has(doc: Doc, context: str) -> bool:
    """The story speaks of the context often ("build a fence" in a story on migrants is a border fence): its
    words occur at least ``document_contexts[context]`` times in the whole text."""
    key = (id(doc), context)
    hit = _DOC_CONTEXT.get(key)
    if hit is not None and hit[0] is doc:
        return hit[1]
    need = lexicon()["document_contexts"].get(context)
    text = lower_text(doc_text(doc))  # (kept for the last text lower-cased)
    found = need is not None and _count_up_to(text, lexicon()["_contexts"][context], need) >= need
    if len(_DOC_CONTEXT) > 64:
        _DOC_CONTEXT.clear()
    _DOC_CONTEXT[key] = (doc, found)
    return found


_ANCHOR_COUNTS: dict[int, tuple[Doc, int]] = {}


def _count_up_to(text: str, words: Iterable[str], need: int) -> int:
    """``sum(text.count(word) for word in words)``, stopping once it reaches ``need``: the same answer to "at least
    ``need``?" with no scan of the whole text for the words after (each ``count`` reads all of it; r30)."""
    found = 0
    for word in words:
        if found >= need:
            break
        found += text.count(word)
    return found


def _takes_a_thing(ctx: _Context, sent: Span, policy_type: str, end: int, target: tuple[int, int] | None) -> bool:
    """An admission verb whose object is a thing (policies.json "thing_objects"): a thing noun among the first
    words after the trigger, before the group of people if there is one."""
    data = ctx.lex["thing_objects"]
    if policy_type not in data["types"]:
        return False
    if target is not None and target[0] < end:
        return False  # the people are inside the match ("released the families onto the streets")
    stop = min(sent.end, end + data["window"])
    if target is not None:
        stop = min(stop, target[0])
    lowers = doc_lowers(ctx.doc)
    return not _thing_words().isdisjoint(lowers[end:stop])


@cache
def _thing_words() -> frozenset[str]:
    return frozenset(lexicon()["thing_objects"]["words"])


def _migration_anchored(ctx: _Context, sent: Span, policy_type: str, target: tuple[int, int] | None,
                        nationality: str | None, entry: dict) -> bool:
    """A detention, deportation, entry ban or admission concerns people on the move (policies.json
    "migration_anchor"): its group is migrants or a foreign nationality's, its sentence speaks of migration, or the
    whole story does. The same verbs otherwise report criminal arrests, diplomatic expulsions, an official's
    removal or a homecoming."""
    anchor = ctx.lex["migration_anchor"]
    if policy_type not in anchor["types"] or nationality is not None or entry.get("country_after"):
        return True  # "expelled three Moroccans", "shut roads leading in from Slovenia"
    if target is not None and not ctx.sets["migrant_words"].isdisjoint(doc_lemmas(ctx.doc)[target[0]:target[1]]):
        return True
    if target is not None and doc_lowers(ctx.doc)[target[1] - 1] in OBJECT_PRONOUNS and _pronoun_group(ctx, target[0]):
        return True  # "sent them back" after a sentence on migrants
    if _range_has(ctx.doc, sent.start_char, sent.end_char, "@migration_anchor", anchor["sentence"]):
        return True
    hit = _ANCHOR_COUNTS.get(id(ctx.doc))
    if hit is None or hit[0] is not ctx.doc:
        text = lower_text(doc_text(ctx.doc))
        if len(_ANCHOR_COUNTS) > 64:
            _ANCHOR_COUNTS.clear()
        hit = _ANCHOR_COUNTS[id(ctx.doc)] = (ctx.doc, _count_up_to(text, anchor["document"], anchor["document_min"]))
    return hit[1] >= anchor["document_min"]


CRIMINAL_CHARGE_LEMMAS = frozenset({"accuse", "indict", "charge", "convict"})
DRUG_WORDS = frozenset({"drug", "drugs", "heroin", "cocaine", "methamphetamine", "meth", "marijuana", "fentanyl",
                        "narcotics", "opioids"})


def _criminal_arrest(ctx: _Context, sent: Span, end: int, target: tuple[int, int] | None) -> bool:
    """An arrest of suspects, not a detention of migrants: the group read after a criminal charge is what the
    arrested moved ("two guards were arrested and charged with driving migrants north": the migrants were not who
    was arrested), and people not named as migrants in a sentence stating a charge or drugs ("three men were
    arrested picking up bags of heroin") are suspects. A group named as migrants ("migrants were arrested and
    charged with illegal entry") stays a detention."""
    if target is None:
        return False
    lemmas_all = doc_lemmas(ctx.doc)
    if target[0] > end and not CRIMINAL_CHARGE_LEMMAS.isdisjoint(lemmas_all[end:target[0]]):
        return True
    if not ctx.sets["migrant_words"].isdisjoint(lemmas_all[target[0]:target[1]]):
        return False
    lemmas = lemmas_all[sent.start:sent.end]
    lowers = doc_lowers(ctx.doc)[sent.start:sent.end]
    return not CRIMINAL_CHARGE_LEMMAS.isdisjoint(lemmas) or not DRUG_WORDS.isdisjoint(lowers)


def _is_people(ctx: _Context, i: int, kind: str | None) -> tuple[int, int] | None:
    """The token range of a group of people (of the kind: migrants, conscripts, anyone) starting at token i."""
    doc = ctx.doc
    n = len(doc)
    lowers, lemmas = doc_lowers(doc), doc_lemmas(doc)
    migrants = kind in {"migrants", "conscripts"}
    people = ctx.sets["people_words"]
    words = ctx.sets[f"{kind[:-1]}_words"] if migrants else people
    if i in ctx.groups:
        g_end, key = ctx.groups[i]
        name = key.replace("-", " ")
        if not migrants or any(w in name for w in words):
            return i, g_end
    m = ctx.mention_at.get(i) if i in ctx.nation_tokens else None  # no mention table needed elsewhere
    if m is not None and m.kind == "demonym":
        j = m.end
        while j < n and lemmas[j] in people:
            j += 1
        if migrants and not any(lemmas[t] in words for t in range(m.end, j)):
            return None
        if j == m.end and not lowers[m.end - 1].endswith("s"):
            return None  # "the Serbian border": an adjective, not a group ("Russians" is one)
        return i, j
    lemma = lemmas[i]
    if lowers[i] in {"those", "them"}:
        lemma = lowers[i]  # the lemmatiser reads "those" as "that", "them" as "they"
        if migrants and kind == "migrants" and lemma == "them" and _pronoun_group(ctx, i):
            return i, i + 1  # "began sending them back" after a sentence on migrants
    if lemma in words:
        if lemma == "asylum":
            nxt = lowers[i + 1] if i + 1 < n else ""
            if nxt not in {"seeker", "seekers", "-", "applicants"}:
                return None
        j = i + 1
        while j < n and (lemmas[j] in people or lowers[j] == "-"):
            j += 1
        if lemma in {"those", "people"} and j < n and lowers[j] in {"fleeing", "who", "from", "in", "affected",
                                                                    "seeking"}:
            j = min(j + 3, ctx.sents[ctx.sent_of[i]].end)
            while j > i + 1 and doc[j - 1].is_punct:
                j -= 1
        return i, j
    return None


def find_target(ctx: _Context, start: int, end: int, kind: str | None, before: bool = False
                ) -> tuple[int, int] | None:
    """The group a measure is about: first group of people in or just after the trigger (or before a passive)."""
    doc = ctx.doc
    sent = ctx.sents[ctx.sent_of[start]]
    if before:
        for i in range(start - 1, max(sent.start, start - 7) - 1, -1):
            if doc[i].text in {",", ";"}:
                break
            found = _is_people(ctx, i, kind)
            if found:
                for s, (e, _key) in ctx.groups.items():
                    if s <= i < e:
                        return s, e  # the whole group: "Russian citizens", not "citizens"
                return found
        # "Ukrainian refugees" may be a group entity starting earlier
        for s, (e, _key) in ctx.groups.items():
            if sent.start <= s and e <= start and start - e <= 3:
                return s, e
        return None
    lowers, lemmas, texts = doc_lowers(doc), doc_lemmas(doc), doc_texts(doc)
    reach = end + 6
    if end + 1 < sent.end and lowers[end] in {"and", "or"} and lowers[end + 1].endswith(("ed", "ing")):
        reach += 2  # "detained and expelled a record number of migrants": two verbs share one object
    for i in range(start + 1, min(sent.end, reach)):
        if lowers[i] in {"'s", "’s"}:
            continue  # possessive, not "is"
        if i >= end and (texts[i] in SENT_PUNCT or lemmas[i] in STOP_TARGET) and lowers[i] != "those":
            break
        found = _is_people(ctx, i, kind)
        if found:
            return found
        if i >= end and kind in {"people", "migrants"}:
            found = _elided_group(ctx, i, sent)
            if found is not None:
                return found
    return None


def _elided_group(ctx: _Context, i: int, sent: Span) -> tuple[int, int] | None:
    """A number standing for people already named ("Poland has taken in 1.5 million", "agreed to accept
    20,000 more"): a count not followed by a noun of its own, in a sentence (or after one) about refugees."""
    lowers, texts = doc_lowers(ctx.doc), doc_texts(ctx.doc)
    words = ctx.lex["elided_groups"]
    if not (ctx.doc[i].like_num or lowers[i] in words["counts"]) or (i > 0 and (
            texts[i - 1] in words["currency"] or ctx.doc[i - 1].like_num or lowers[i - 1] in words["counts"])):
        return None  # "$2 million", or the second word of a count already read
    j = i + 1
    while j < sent.end and (ctx.doc[j].like_num or lowers[j] in words["counts"] or lowers[j] == "of"):
        j += 1  # "1.5 million", "tens of thousands"
    if lowers[j - 1] == "of":
        return None  # "thousands of dollars": the noun follows; a group of people is found by _is_people
    if j < sent.end and not (texts[j] in SENT_PUNCT or lowers[j] in words["followers"]):
        return None  # "accepted 300 applications", "received 40 percent"
    k = ctx.sent_of[i]
    before = ctx.sents[k - 1] if k > 0 else sent
    return (i, j) if _range_has(ctx.doc, before.start_char, sent.end_char, "refugees",
                                ctx.lex["_contexts"]["refugees"]) else None


def _relative_antecedent(ctx: _Context, start: int, sent: Span, kind: str | None) -> tuple[int, int] | None:
    """The group a relative pronoun just before a passive trigger stands for: "thousands of migrants reached
    Italy, many of whom were rescued" (the nearest group of the kind before the pronoun, in the sentence)."""
    lowers = doc_lowers(ctx.doc)
    for r in range(start - 1, max(sent.start, start - 5) - 1, -1):
        if lowers[r] in {"who", "whom", "which"}:
            for i in range(r - 1, max(sent.start, r - 15) - 1, -1):
                found = _is_people(ctx, i, kind)
                if found:
                    return found
            return None
    return None


def _regional_demonym(ctx: _Context, i: int) -> bool:
    """"Central Americans", "Latin American migrants": token i starts or is a demonym read after a region word."""
    lows = doc_lowers(ctx.doc)
    prefixes = ctx.lex["regional_demonym_prefixes"]
    return (i + 1 < len(lows) and lows[i] in prefixes.get(lows[i + 1], ())) or (
        i > 0 and lows[i - 1] in prefixes.get(lows[i], ()))


def _target_nationality(ctx: _Context, t_start: int, t_end: int) -> str | None:
    doc = ctx.doc
    for i in range(t_start, t_end):
        if _regional_demonym(ctx, i):
            continue
        if i in ctx.groups:
            entity = ctx.a.entities.get(("Group", ctx.groups[i][1]))
            if entity is not None and entity.attributes.get("nationality"):
                return str(entity.attributes["nationality"])
        m = ctx.mention_at.get(i)
        if m is not None and m.actor and m.actor[0] == "Country":
            return m.actor[1]
    # "Ukraine's refugees"
    if t_start >= 2 and doc[t_start - 1].lower_ in {"'s", "’s"}:
        m = ctx.mention_at.get(t_start - 2)
        if m is not None and m.actor and m.actor[0] == "Country":
            return m.actor[1]
    return None


def _negation(ctx: _Context, start: int, lower_bound: int) -> str | None:
    """How the trigger is negated: "not" (a negator: "will not issue visas", "stop letting in"),
    "failed" (a verb that cancels the act: "failed to deport", "refused to allow"), or None.
    A trigger that starts with its own negator ("do not need a visa") is not re-negated."""
    doc = ctx.doc
    if doc[start].lower_ in ctx.sets["negators"]:
        return None
    sent_start = ctx.sents[ctx.sent_of[start]].start
    for i in range(max(sent_start, start - 12), start):
        if doc[i].lemma_.lower() in {"deny", "denial"}:
            return "failed"  # "Poland denies carrying out pushbacks", "denied that its coast guard had ..."
    for i in range(max(lower_bound, start - 6), start - 1):
        # "failed to", "refused to", "the bloc's failure to make members accept"
        if doc[i].lemma_.lower() in ctx.sets["negating_verbs"] and doc[i + 1].lower_ == "to" and not any(
                t.lemma_.lower() in STOP_TARGET for t in doc[i + 2:start]):
            # a state refusing to admit is a measure of its own ("refused to accept refugees" = an entry ban);
            # failing or being unable to act is none
            return "not" if doc[i].lemma_.lower() in REFUSAL_VERBS else "failed"
    for i in range(max(sent_start, start - 12), start - 3):
        # "the failure of Congress to fund the wall", "the refusal of Poland to admit them": the actor between
        lemma = doc[i].lemma_.lower()
        if lemma in ctx.sets["negating_verbs"] and doc[i + 1].lower_ == "of":
            j = next((k for k in range(i + 2, min(start, i + 7)) if doc[k].lower_ == "to"), None)
            if j is not None and not any(t.lemma_.lower() in STOP_TARGET for t in doc[j + 1:start]):
                return "not" if lemma in REFUSAL_VERBS | {"refusal"} else "failed"
    if doc[start].lower_.endswith("ing"):
        for i in range(max(lower_bound, start - 2), start):
            if doc[i].lemma_.lower() in {"stop", "halt", "cease", "end", "suspend", "quit"}:
                if _no_plan_before_r39(doc, i, sent_start):
                    return None  # "has no plans to stop issuing visas": the stop is negated, the issuing goes on
                return "not"  # "stop letting in Russians", "stop issuing visas"
    for i in range(max(lower_bound, start - 5), start):
        low = doc[i].lower_
        if doc[i].is_punct and low not in {"'s", "’s"}:
            continue
        if low in ctx.sets["negators"] and low != "without":
            if low == "not" and i + 1 < len(doc) and doc[i + 1].lower_ == "only":
                continue
            if low == "no" and not (i + 1 < len(doc) and doc[i + 1].lower_ == "longer") and not _no_plan_r39(doc, i):
                continue
            if any(t.text in {",", ";", "(", "—"} for t in doc[i + 1:start]) and \
                    not _quoted_after_be_r39b(doc, i, start):  # r39b (U39): "would not be, “granting"
                continue
            return "not"
    return None


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in {"19", "20"}


LIMITING_LEMMAS = frozenset({"limit", "cut", "cap", "reduce", "slash", "lower", "curb", "restrict", "halve", "shrink",
                             "decrease", "trim"})


def _limited_number(ctx: _Context, sent: Span, start: int) -> bool:
    """"limit the number of workers allowed into X", "capped the number of refugees admitted to X at 30,000": the
    admission word describes a count that the sentence's verb lowers or caps (a limiting verb a word or two before
    "the number of", the admission word at most six words after it)."""
    lows, lemmas = doc_lowers(ctx.doc), doc_lemmas(ctx.doc)
    for j in range(start - 2, max(sent.start, start - 8) - 1, -1):
        if lows[j] in {"number", "numbers"} and lows[j + 1] == "of":
            k = j - 1
            while k > sent.start and lows[k] in {"the", "a", "sharply", "drastically", "further", "significantly"}:
                k -= 1
            return k >= sent.start and (lemmas[k] in LIMITING_LEMMAS or lows[k] in LIMITING_LEMMAS or
                                        lows[k].rstrip("s") in LIMITING_LEMMAS or lows[k][:-2] in LIMITING_LEMMAS)
        if lows[j] in {",", ";", ".", "and", "but"}:
            return False
    return False


def _past_record(ctx: _Context, start: int) -> bool:
    """The trigger states a record ("has not taken in", "never accepted"), not a refusal or a pledge for the
    future ("refused to accept", "will not accept": an entry ban)."""
    low = doc_lowers(ctx.doc)[start]
    if not (low.endswith(("ed", "en")) or low in {"took", "let"}):
        return False
    return doc_lemmas(ctx.doc)[max(0, start - 4):start].count("refuse") == 0


def _reported_opinion(ctx: _Context, sent: Span, start: int, at: Mention | None, actors: list[Actor]) -> bool:
    """"Opposition leader X said Israel should take in refugees": a modal of opinion between the actor and
    the trigger, in a clause reported by someone other than the actor, is that speaker's view, no measure."""
    if at is not None and at.start > start and _passive_modal(ctx, sent, start) is not None:
        return _modal_passive_opinion(ctx, sent, start, actors)
    if at is None or not at.end <= start:
        return False
    lowers = doc_lowers(ctx.doc)
    if ctx.sets["opinion_modals"].isdisjoint(lowers[at.end:start]):
        return False
    lemmas = doc_lemmas(ctx.doc)
    for i in range(at.start - 1, sent.start, -1):
        if lemmas[i] in ctx.sets["speech_verbs"] or lemmas[i] in {"argue", "think", "believe", "write"}:
            for m in reversed([x for x in ctx.by_end if sent.start <= x.start and x.end <= i]):
                if ctx.is_prepositional(m):
                    continue  # "an aid worker in Athens said"
                if m.kind == "blocker":
                    return True  # a person or group without a state office
                if m.kind == "actor":
                    return m.actor not in actors
                if m.kind in {"body", "title"}:
                    return not set(_resolve_reference(ctx, m)) & set(actors)
            return True  # "an aid worker said Greece must ...": no state speaks
    for i in range(start + 1, sent.end):  # "Israel should take in refugees, the opposition leader said"
        if lemmas[i] not in ctx.sets["speech_verbs"] or lowers[i - 1] == ",":
            continue
        before = [x for x in ctx.by_end if start < x.start and x.end <= i and x.end >= i - 3]
        if not before or "," not in lowers[start:before[-1].start]:
            break
        m = before[-1]
        if m.kind in {"body", "title"} and m.start - 2 >= sent.start and lowers[m.start - 1] in {"'s", "’s"}:
            owner = ctx.mention_at.get(m.start - 2)
            m = owner if owner is not None and owner.kind == "actor" else m
        if m.kind == "blocker":
            return True
        if m.kind == "actor":
            return m.actor not in actors
        if m.kind in {"body", "title"}:
            return not set(_resolve_reference(ctx, m)) & set(actors)
        break
    return False


@cache
def _passive_modal(ctx: _Context, sent: Span, start: int) -> int | None:
    """The position of "should"/"ought" governing a passive trigger ("ought to be granted refuge in X", "should be
    granted asylum in X"), or None."""
    lowers = doc_lowers(ctx.doc)
    j = start - 1
    while j > sent.start and (lowers[j].endswith("ly") or lowers[j] in ctx.lex["agentless"]["adverbs"]):
        j -= 1
    if j <= sent.start or lowers[j] != "be":
        return None
    j -= 2 if lowers[j - 1] == "to" else 1
    return j if j >= sent.start and lowers[j] in ctx.lex["passive_opinion_modals"] else None


def _modal_passive_opinion(ctx: _Context, sent: Span, start: int, actors: list[Actor]) -> bool:
    """"Lawyers think the families ought to be granted refuge in X": a passive under "should"/"ought"
    whose actor comes after it is the view of whoever says or believes it; only a state saying it of itself
    ("Germany said refugees should be granted protection in Germany") announces a measure."""
    modal = _passive_modal(ctx, sent, start)
    lemmas = doc_lemmas(ctx.doc)
    for i in range(modal - 1, sent.start - 1, -1):
        if lemmas[i] in ctx.sets["speech_verbs"] or lemmas[i] in {"argue", "think", "believe", "write"}:
            for m in reversed([x for x in ctx.by_end if sent.start <= x.start and x.end <= i]):
                if ctx.is_prepositional(m):
                    continue
                if m.kind == "actor":
                    return m.actor not in actors
                if m.kind in {"body", "title"}:
                    return not set(_resolve_reference(ctx, m)) & set(actors)
                break
            return True
    return True


def _cue_bases() -> dict[str, str]:
    """Inflected form -> demand cue ("Urges", "Tells" in a title-case headline get no lemma from the lookup
    lemmatizer)."""
    out: dict[str, str] = {"told": "tell"}
    for word in lexicon()["_sets"]["demand_cues"] | {"tell", "call", "push"}:
        stem = word[:-1] if word.endswith("e") else word
        for form in (word + "s", word + "es", word + "d", word + "ed", stem + "ed", stem + "ing", word + "ing"):
            out.setdefault(form, word)
    return out


def _suppressed(ctx: _Context, sent: Span, start: int, actor_start: int | None) -> bool:
    """Demands by third parties, accusations, questions and hypotheticals are not policies."""
    doc = ctx.doc
    if doc_text(doc)[sent.start_char:sent.end_char].rstrip().rstrip("”\"’'").endswith("?"):
        return True
    lows = doc_lowers(doc)[sent.start:start]
    bases = _cue_bases()
    lemmas = [bases.get(low, lemma) if lemma == low else lemma
              for lemma, low in zip(doc_lemmas(doc)[sent.start:start], lows, strict=True)]
    window_start = 0
    anchor = len(lows)
    if actor_start is not None and actor_start >= sent.start:
        window_start = max(0, min(_list_first_r40(ctx, actor_start, start), _list_head_r40(ctx, sent, actor_start))
                           - sent.start - 8)  # r40: a list's first member (R40 and P40 readings)
        anchor = actor_start - sent.start
    # a new clause (", and Iraq suspended flights") is not governed by an earlier "accused"/"urged"
    for idx in range(anchor - 1, 0, -1):
        if lows[idx] == ";" or (lows[idx - 1] == "," and lows[idx] in {"and", "but", "while", "whereas", "although"}):
            window_start = max(window_start, idx + 1)
            break
    asides = _subject_asides_r40(ctx, actor_start, start) if actor_start is not None and actor_start >= sent.start \
        else []  # r40: "A, despite pressure from B, has let in ...": a cue inside an aside on the subject
    aside = _actor_aside_r40(ctx, sent, actor_start, start)
    for idx in range(window_start, len(lows)):
        lemma = lemmas[idx]
        if asides and _in_aside_r40(asides, sent.start + idx):
            continue
        if aside and aside[0] <= sent.start + idx < aside[1]:
            continue  # "A, which has accused B of ..., began expelling": the aside describes A, no demand (r40)
        if lows[idx] == "forced" and idx + 1 < len(lows) and lows[idx + 1] in FORCED_NOUNS_R40:
            continue  # "forced evictions and pushbacks": an adjective, no pressure on anyone (r40)
        if lemma in ctx.sets["demand_cues"] and _own_intent(ctx, sent, idx, actor_start):
            continue  # "Trump wants to build a wall": the actor's own aim is a plan, not a demand on others
        if lemma in ctx.sets["demand_cues"] and sent.start + idx not in ctx.mention_at:  # not "Border Force"
            if lemma == "accuse" and _accused_person(lows, idx):
                continue  # "a driver accused of the theft had been deported": a description of the person (r31)
            if _wanted_adjective(doc, sent.start + idx):
                continue  # "deserters who are wanted will be extradited": sought by the police, no demand (r33)
            means = {"use", "with", "by", "of"}
            if lemma == "force" and idx > 0 and (lemmas[idx - 1] in means or (
                    idx > 1 and lows[idx - 1] in FORCE_ADJECTIVES_R37 and lemmas[idx - 2] in means)):
                continue  # "authorised guards to use (physical) force": force as a means, not pressure on someone
            if lemma == "pressure" and idx > 0 and (lows[idx - 1] == "under" or (
                    lows[idx - 1] in {"the", "to", "of", "this", "that"} and (
                    idx + 1 >= len(lows) or lows[idx + 1] not in {"on", "upon", "from", "to"}))):
                continue  # "responsive to the pressure, stepping up deportations": the measure is the actor's own
            return True
        if lemma == "call" and idx + 1 < len(lows) and lows[idx + 1] in ctx.sets["demand_call_next"]:
            return True
        if lemma == "tell" and "to" in lows[idx + 1:idx + 6] and (idx == 0 or lemmas[idx - 1] != "be"):
            return True  # "tells Mexico to ship migrants home"
        if lemma == "push" and "to" in lows[idx + 2:idx + 6] and lows[idx + 1:idx + 2] not in (["back"], ["through"]):
            return True  # "pushing the world to increase support": pressure on others
    if lows and lows[0] == "let":
        return True  # "Let border officials detain families": a proposal, not a measure taken
    if any(lows[idx] in {"request", "requests", "plea", "pleas"} and lows[idx + 1] == "from"
           and not _in_aside_r40(asides, sent.start + idx) for idx in range(window_start, len(lows) - 1)):
        return True  # "after requests from charities to let two ships dock": others ask for it (r34)
    rest = doc_lowers(doc)[start:sent.end]
    if not {"must", "should"}.isdisjoint(lows[-4:]) and any(
            rest[k] == "or" and rest[k + 1] in {"face", "risk"} for k in range(len(rest) - 1)):
        return True  # "set a date by which A and B must take in refugees or face fines": an ultimatum (r34)
    # hypothetical: inside an if-clause, or "if X were to"
    for idx, low in enumerate(lows):
        if low in {"if", "whether", "unless"}:
            if not any(t in {",", ";"} for t in lows[idx:]):
                return True
        if low == "were" and idx + 1 < len(lows) and lows[idx + 1] == "to":
            return True
        if low in {"would", "could", "might"} and idx + 1 < len(lows) and lows[idx + 1] in {"have", "'ve", "’ve"}:
            return True  # counterfactual: "it would have deported people", "it would've gotten him his wall"
    return False


PASSIVE_MAIN_AUX = frozenset({"been", "was", "were", "is", "are"})
NOT_A_PERSON_NOUN = frozenset({"who", "that", "which", "he", "she", "they", "it", "we", "i", "you", "has", "have",
                               "had", "was", "were", "is", "are", "be", "been", "being", "not", "never"})


def _accused_person(lows: list[str], idx: int) -> bool:
    """"A driver accused of the theft had been deported twice": "accused of" after a plain noun is a reduced
    relative naming the person, and the passive's own auxiliary after it opens the main clause; not "Trump accused
    Mexico of ..." nor "were accused of deporting ..." (r31)."""
    if idx == 0 or idx + 2 >= len(lows) or lows[idx + 1] != "of" or lows[idx + 2].endswith("ing"):
        return False
    prev = lows[idx - 1]
    if not prev.isalpha() or prev in NOT_A_PERSON_NOUN:
        return False
    return any(low in PASSIVE_MAIN_AUX for low in lows[idx + 3:])


def _own_intent(ctx: _Context, sent: Span, idx: int, actor_start: int | None) -> bool:
    """"Hungary wants to build a fence", "the president does not want to admit them": a wish cue ("want to")
    whose subject is the actor itself states the actor's own plan (or, negated, its refusal), unlike "Italy wants
    the EU to relocate migrants" or "aid groups want the state to stop deportations", a demand on someone else."""
    doc = ctx.doc
    cue = sent.start + idx
    if actor_start is None or cue + 1 >= sent.end or doc[cue + 1].lower_ != "to":
        return False
    if doc[cue].lemma_.lower() not in ctx.sets["own_intent_cues"] and doc[cue].lower_ not in ctx.sets[
            "own_intent_cues"]:
        return False
    mention = ctx.mention_at.get(actor_start)
    if mention is None or mention.kind not in {"actor", "body", "pronoun", "we"} or mention.end > cue:
        return False
    gap = [t.lower_ for t in doc[mention.end:cue]]
    return len(gap) <= 3 and all(w in ctx.sets["own_intent_gap"] for w in gap)


def _status(ctx: _Context, sent: Span, start: int, actor_end: int | None) -> str:
    lowers, lemmas = doc_lowers(ctx.doc), doc_lemmas(ctx.doc)
    lo = actor_end if actor_end is not None and sent.start <= actor_end <= start else max(sent.start, start - 8)
    words = lowers[lo:start] + lemmas[lo:start]
    prefix = set(lowers[sent.start:start])
    if prefix & {"bill", "proposal", "legislation"} or set(words) & ctx.sets["planned_cues"]:
        return "planned"
    going_to = any(lowers[i] == "to" and lowers[i - 1] in {"going", "set", "is", "are"}
                   for i in range(lo + 1, start))
    if set(words) & ctx.sets["announced_cues"] or going_to:
        return "announced"
    return "in_force"


def _condition(ctx: _Context, sent: Span, end: int) -> str | None:
    doc = ctx.doc
    cues = [c.split() for c in ctx.lex["condition_cues"]]
    lowers, texts = doc_lowers(doc), doc_texts(doc)
    for i in range(end, sent.end):
        for cue in cues:
            if lowers[i:i + len(cue)] == cue:
                j = i + len(cue)
                while j < sent.end and texts[j] not in {",", ";", ".", "—", "–"}:
                    j += 1
                if j - i > len(cue):
                    return doc[i:j].text
    return None


def _infix_hyphen(ctx: _Context, j: int, lower_bound: int) -> bool:
    """Whether token j is the hyphen inside a word the tokenizer split ("large-scale", "long-promised",
    "two-year"), with no space on either side and no name before it ("U.S.-Mexico" keeps its country)."""
    doc = ctx.doc
    tok = doc[j]
    if tok.text not in {"-", "–"} or j - 1 < lower_bound or j + 1 >= len(doc):
        return False
    before = doc[j - 1]
    return (not tok.whitespace_ and not before.whitespace_ and (before.is_alpha or before.like_num)
            and ctx.mention_at.get(j - 1) is None)


def _nominal_ok(ctx: _Context, start: int, end: int, possessor_ok: bool = True) -> tuple[bool, int | None]:
    """A noun trigger needs a link to an actor: a governing verb before it, a possessor, or 'X-ed by'.

    Returns (ok, position to search the actor from)."""
    doc = ctx.doc
    sent = ctx.sents[ctx.sent_of[start]]
    j = start - 1
    steps = 0
    while j >= sent.start and steps < 5:
        tok = doc[j]
        lemma = tok.lemma_.lower()
        if lemma in ctx.sets["governors"]:
            return True, j
        m = ctx.mention_at.get(j)
        if m is not None:
            if possessor_ok and ctx.possessor_of(m, start):
                return True, start
            if possessor_ok and _leader_modifier(ctx, m, start):
                return True, start  # "the Trump asylum ban": a leader's name before the noun owns it (r31)
            break
        if tok.lower_ in {"on", "for"} and j - 1 >= sent.start and doc[j - 1].lemma_.lower() in DOCUMENT_NOUNS:
            j -= 2  # "signed a decree on partial mobilization": the measure a legal act is about
            steps += 1
            continue
        if tok.text in QUOTE_MARKS or (tok.lower_ == "called" and doc[j - 2:j].text.lower() == "so-"):
            j -= 3 if tok.lower_ == "called" else 1  # 'instituted the so-called "safe country" rule'
            continue
        if tok.is_punct and tok.text not in {"-", "–", "'s", "’s"}:
            break
        if _infix_hyphen(ctx, j, sent.start):
            j -= 2  # "carried out large-scale deportations": a hyphenated modifier is one word between them
            continue
        # "launched a family visa scheme": a few plain words between the verb and the noun
        plain_word = tok.is_lower and tok.is_alpha and steps < 3 and tok.lower_ not in ctx.sets["prepositions"]
        if plain_word or lemma in NOMINAL_SKIP or tok.like_num or tok.lower_ in {"'s", "’s"}:
            j -= 1
            steps += 1
            continue
        break
    for i in range(end, min(sent.end, end + 5)):
        if doc[i].lower_ in ctx.sets["participles"]:
            for k in range(i + 1, min(sent.end, i + 5)):
                if doc[k].lower_ == "by":
                    return True, -1  # actor after "by"
            return False, None
    return False, None


# --------------------------------------------------------------------------- main


def _pronoun_owner(ctx: _Context, start: int, sent: Span) -> list[Actor]:
    """"to justify his travel ban", "money for his long-promised wall": a possessive "his"/"her" opening the noun
    phrase of a noun trigger stands for the nearest person or office named before (``_person_antecedent``: a
    person without a state office acts for none)."""
    doc = ctx.doc
    j = start - 1
    steps = 0
    while j >= sent.start and steps < 4:
        low = doc[j].lower_
        if low in {"his", "her"}:
            return _person_antecedent(ctx, Mention(j, j + 1, "pronoun"))
        if low in {"-", "–"} or (doc[j].is_alpha and doc[j].is_lower and low not in ctx.sets["prepositions"]
                                 and low not in {"the", "a", "an", "its", "their", "this", "that", "and", "or"}):
            j -= 1  # "his long-promised border wall", "her new asylum ban"
            steps += 1
            continue
        break
    return []


def _ensure_entity(ctx: _Context, actor: Actor, start: int, end: int) -> None:
    """Actors named only by a region, a capital or 'the bloc' still need their entity in the graph."""
    if actor in ctx.a.entities:
        return
    kind, key = actor
    if kind == "Country":
        name = ctx.gaz.country_name(key) if key in ctx.gaz.countries else key
    else:
        name = ctx.lex["organization_names"].get(key) or key.replace("-", " ").title()
    entity = Entity(kind=kind, key=key, name=name)
    entity.add_mention(evidence_for(ctx.doc, ctx.doc[start].idx, ctx.doc[end - 1].idx + len(ctx.doc[end - 1]),
                                    EXTRACTOR), ctx.doc[start:end].text)
    ctx.a.entities[actor] = entity


def _destinations(ctx: _Context, end: int, sent: Span) -> set[Actor]:
    """Countries named after "to"/"into"/"on"/"against" shortly after a trigger: what the measure aims at."""
    found = set()
    doc = ctx.doc
    for i in range(max(sent.start, end - 1), min(sent.end - 1, end + 8)):  # a match may end in "back to"
        if doc[i].lower_ in {"to", "into", "on", "against"}:
            m = _aim_mention_r38(ctx, i, sent)  # past a blank token, a town's country (r38)
            if m is not None and m.actor:
                found.add(m.actor)
    return found


def _country_after(ctx: _Context, end: int, sent: Span, window: int) -> bool:
    """A country is named within ``window`` tokens after the trigger."""
    for i in range(end, min(sent.end, end + window)):
        m = ctx.mention_at.get(i)
        if m is not None and m.actor and m.actor[0] == "Country":
            return True
    return False


def _border_owner(ctx: _Context, start: int, end: int) -> tuple[list[Actor], Mention | None]:
    """The country whose border or port a trigger names with a possessive ("sealed Hungary's southern border"), for a
    subject that names no state (a pronoun, a person without a known office)."""
    sent = ctx.sents[ctx.sent_of[start]]
    for i in range(max(sent.start + 1, start - 12), end):  # "sealed Hungary's border and militarized it"
        m = ctx.mention_at.get(i - 1)
        if ctx.doc[i].lower_ in {"'s", "’s"} and m is not None and m.kind == "actor" and m.actor \
                and m.actor[0] == "Country" and not OWNED_FRONTIERS.isdisjoint(
                    t.lower_ for t in ctx.doc[i + 1:min(i + 4, sent.end)]):
            return [m.actor], m
    return [], None


def _compared_actors(ctx: _Context, end: int, sent: Span) -> list[Actor]:
    """"Chad now expels more migrants than Niger does": the state after "than", with a
    repeated auxiliary, takes the same measure."""
    doc = ctx.doc
    for i in range(end, min(sent.end, end + 12)):
        if doc[i].text in {";", ":", "."}:
            return []
        if doc[i].lower_ != "than":
            continue
        k = i + 1
        while k < sent.end and doc[k].lower_ in {"the", "a"} | NEIGHBOUR_WORDS:
            k += 1
        m = ctx.mention_at.get(k)
        if m is None or m.kind != "actor" or not m.actor or m.actor[0] != "Country":
            return []
        group = ctx.coordinated(m, sent.end)
        last = group[-1].end if group else m.end
        if last < sent.end and doc[last].lower_ in {"does", "did", "do", "has", "have", "had"}:
            return [g.actor for g in group if g.actor]
        if _compared_alone(doc, i, last, sent):
            return [g.actor for g in group if g.actor]
        return []
    return []


NEIGHBOUR_WORDS = frozenset({"neighbouring", "neighboring", "nearby", "fellow"})
COMPARATIVE_WORDS = frozenset({"more", "fewer", "less", "greater", "higher", "larger", "bigger", "lower", "smaller"})


def _compared_alone(doc: Doc, than: int, last: int, sent: Span) -> bool:
    """"gave more than Kuwait and Oman combined", "took in 9,000 fewer than neighbouring Canada, which ...": a state
    compared after a comparative word and "than", closing its clause (or with "combined"/"together"), took the same
    measure in a smaller or larger amount; "rather than Italy" or "more than Italy's" compares nothing of the kind."""
    if not any(doc[j].lower_ in COMPARATIVE_WORDS for j in range(max(sent.start, than - 5), than)):
        return False
    if last >= sent.end:
        return True
    nxt = doc[last].lower_
    if nxt in {"combined", "together", "put"}:
        return True
    if nxt == "," and last + 1 < sent.end and doc[last + 1].lower_ == "where":
        return False  # "more migrants than Italy, where courts are slow": a place compared, not its measure
    return nxt in {",", ".", ";", ":", "!", "?", "—", "–"} or (last == sent.end - 1 and doc[last].is_punct)


def _expand_regions(ctx: _Context, actors: list[Actor]) -> list[Actor]:
    """A regional group ("the Baltic states") stands for each of its member states."""
    members = ctx.lex["region_groups"]["members"]
    out: list[Actor] = []
    for actor in actors:
        for one in ([("Country", iso) for iso in members[actor[1]]] if actor[0] == "Region" else [actor]):
            if one not in out:
                out.append(one)
    return out


def _has_actor_mention(ctx: _Context, sent: Span, main: Actor | None, start: int) -> bool:
    """The sentence names, outside a prepositional phrase, a state or organisation other than the story's
    main state (then an agentless trigger may well be that one's). The subject right before the trigger
    is what the rule is about ("Turkey is deemed safe"), not who made it."""
    return any(m.actor != main and not ctx.is_prepositional(m) and not (start - 3 <= m.end <= start)
               for m in ctx.mentions if sent.start <= m.start < sent.end and m.kind == "actor")


def _backoff_ok(doc: Doc, lex: dict, start: int, sent: Span, entry: dict) -> bool:
    """A backoff cue is no measure in a demand ("called to ..."), after a word that stops or fights it ("cut off
    aid", "prohibit detaining", "reduced the number of refugees it resettles") or a permission ("a right to build
    a wall"); a verb cue after "to" needs a verb of commitment before it ("pledged to accept"; not "a quota of
    migrants to accept"); a noun cue's gerund governor may not follow "of"/"about"... ("the idea of building a
    wall")."""
    lemmas = doc_lemmas(doc)
    if any(lemmas[j] == "call" and doc[j + 1].lower_ in {"to", "for", "on"} for j in range(sent.start, start)):
        return False  # "called to restrict funding": a demand
    lowers = doc_lowers(doc)
    for j in range(start - 1, max(sent.start, start - BACKOFF_CANCEL_WINDOW) - 1, -1):
        if doc[j].is_punct and doc[j].text not in {"-", "–"}:  # "the phase-out of family detention"
            break
        if lemmas[j] in lex["_backoff_cancel"]:
            return False  # "threatened to cut off aid", "prohibit detaining": the measure stopped or fought
        if lowers[j] == "to" and j > sent.start and lowers[j - 1] in BACKOFF_PERMISSION:
            return False  # "has the right to put up a fence", "the power to order the detention of": no measure taken
    if start - 2 >= sent.start and doc[start - 1].lower_ == "to" and not entry.get("nominal"):
        return lemmas[start - 2] in lex["_backoff_to_governors"]
    if entry.get("nominal"):
        for j in range(start - 1, max(sent.start, start - 5) - 1, -1):
            if doc[j].lower_.endswith("ing") and j > sent.start and doc[j - 1].lower_ in GERUND_PREPS:
                return False
            if doc[j].is_punct:
                break
    return True


def _reduced_relative(ctx: _Context, start: int, entry: dict) -> bool:
    """A participle right after a noun ("families apprehended at the border", "the largest group ever detained"):
    a passive with no auxiliary."""
    doc = ctx.doc
    if entry.get("nominal") or start == 0 or not doc[start].lower_.endswith(("ed", "en")):
        return False
    prev = doc[start - 1]
    if prev.lower_ == "ever":
        return True
    return (prev.is_alpha and prev.is_lower and not prev.lower_.endswith("ly") and start - 1 not in ctx.mention_at
            and prev.lower_ not in BACKOFF_VERB_LEFT)


def _endorsement(lowers: list[str], end: int, sent_end: int, entry: dict) -> bool:
    """A match ending in a word the entry lists under ``endorsement_words`` ("support") followed, within six words,
    by "for"/"to"/"behind" and a measure or plan ("lent lukewarm support to a Senate bill", "offered new
    support for the freeze"): political backing, not aid to people."""
    words = entry.get("endorsement_words")
    if not words or lowers[end - 1] not in words:
        return False
    after = lowers[end:min(sent_end, end + 6)]
    if not after or after[0] not in {"for", "to", "behind"}:
        return False
    return not set(after).isdisjoint(lexicon()["endorsed_things"])


def _backoff_candidates(doc: Doc, sents: list[Span], tier2: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Backoff matches that pass the checks needing no mentions (the entry's excluded words, ``_backoff_ok``), so
    the others cost no mention building."""
    lex = lexicon()
    entries, lowers = lex["_entries"], doc_lowers(doc)
    starts = [a for a, _ in _sentence_bounds(sents)]
    out = []
    for entry_id, start, end in tier2:
        entry = entries[entry_id]
        sent = sents[bisect_right(starts, start) - 1]
        if (end < len(doc) and lowers[end] in (entry.get("exclude_next") or ())) or (
                entry.get("exclude_prev") and not set(lowers[max(sent.start, start - 3):start]).isdisjoint(
                    entry["exclude_prev"])) or (
                entry.get("exclude_after") and not set(lowers[end:min(sent.end, end + 6)]).isdisjoint(
                    entry["exclude_after"])) or (
                entry.get("exclude_inside") and not set(lowers[start:end]).isdisjoint(entry["exclude_inside"])) or \
                _endorsement(lowers, end, sent.end, entry):
            continue
        if _backoff_ok(doc, lex, start, sent, entry):
            out.append((entry_id, start, end))
    return out


def _source_actors(ctx: _Context, end: int, sent: Span, preps: list[str], group: bool = False
                   ) -> tuple[list[Actor], Mention | None]:
    """The actor named after the first of ``preps`` just after a noun cue ("grants from the EU", "expulsions by
    Greece"); nothing when another preposition or word comes first ("aid to Jordan from ..."). ``group``: an
    "of" phrase naming the people affected may come first ("the deportation of 300 Afghans from Germany")."""
    doc = ctx.doc
    held = None
    if group and end < sent.end and doc[end].lower_ == "of":
        held = find_target(ctx, end - 1, end, "people")
        if held is None or held[0] > end + 4:
            return [], None
        end = held[1]
    for i in range(end - 1 if doc[end - 1].lower_ in preps else end, min(sent.end, end + 3)):
        low = doc[i].lower_
        if low in preps:
            k = i + 1
            while k < sent.end and doc[k].lower_ in {"the", "a"}:
                k += 1
            m = ctx.mention_at.get(k)
            if group and low == "from" and m is not None and (_origin_list_r40(ctx, m, held, sent)
                                                               or not _expelling_state(ctx, m, held, sent)):
                break  # "the deportation of a former slave from Mexico": where the person comes from
            if m is not None and m.kind == "actor" and m.actor:
                return [x.actor for x in ctx.coordinated(m, sent.end) if x.actor], m
            if m is not None and m.kind == "body" and (low == "by" or not group):  # not "removal from the country"
                resolved = _resolve_reference(ctx, m)
                return resolved, (m if resolved else None)
            if m is not None and m.kind == "demonym" and m.actor and m.actor[0] == "Country" and low == "by" \
                    and m.end < sent.end and doc[m.end].lower_ in LEADER_HEADS_R37:
                return [m.actor], m  # "news of a mobilization by the A-ian president" (r37)
            if m is not None and m.kind == "place" and group and low == "from" and _place_country(ctx, m):
                return [("Country", _place_country(ctx, m))], m  # "deportation flights from <a town>"
            break
        if not (doc[i].is_alpha and doc[i].is_lower) or low in ctx.sets["prepositions"]:
            break
    return [], None


def _expelling_state(ctx: _Context, m: Mention, held: tuple[int, int] | None, sent: Span) -> bool:
    """After "the deportation of <group>", "from X" names the state deporting them (not their origin) when the
    group has another nationality ("of 150 Malians from Mauritania"), the people are sent on ("from X to Y"), or X
    is the story's acting state."""
    iso = m.actor[1] if m.actor and m.actor[0] == "Country" else _place_country(ctx, m) if m.kind == "place" else None
    nationality = _target_nationality(ctx, *held) if held is not None else None
    if nationality is not None and nationality != iso:
        return True
    lowers = doc_lowers(ctx.doc)
    if "to" in lowers[m.end:min(sent.end, m.end + 3)]:
        return True
    acting = _acting_state(ctx)
    return iso is not None and acting is not None and acting == ("Country", iso)


def _stat_subject(ctx: _Context, start: int, end: int, sent: Span) -> bool:
    """A plural measure noun heading a clause whose verb reports its count as a fact ("deportations rose 20
    percent", "expulsions over the last year dropped"): not after a preposition, not under a modal."""
    doc = ctx.doc
    lowers, lemmas = doc_lowers(doc), doc_lemmas(doc)
    flight = lowers[end - 1] in {"flight", "flights"}  # "a deportation flight to X left on Monday"
    if not (flight or lowers[end - 1].endswith("s")) or (
            start > sent.start and lowers[start - 1] in ctx.sets["prepositions"]):
        return False
    if _conditional_opener_r38(lowers, start, sent):
        return False  # "if and when the first removal flight leaves": a prospect, no count (r38)
    stat = ctx.lex["_stat_verbs"] | ctx.lex["_flight_verbs"] if flight else ctx.lex["_stat_verbs"]
    irrealis = ctx.lex["agentless"]["irrealis"]
    texts = doc_texts(doc)
    for i in range(end, min(sent.end, end + 7)):
        if lemmas[i] in stat:
            return True
        if lowers[i] == "to" and i + 1 < sent.end and texts[i + 1][:1].isupper():
            continue  # "deportations to Mexico reached", "a deportation flight to Lagos left": a destination
        if lowers[i] in irrealis or lowers[i] in SENT_PUNCT:
            return False
    return False


def _stat_actors(ctx: _Context, start: int, end: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """The state whose measure a reported count is: the state (body) reporting it ("ICE said deportations
    rose", "..., the Home Office said"), else the story's acting state when the sentence names no other."""
    found = _state_speaker_before(ctx, sent, start)
    if not found[0]:
        found = _speaker_after(ctx, end, sent)
    if not found[0]:
        found = _story_state(ctx, sent, start, end, group_needed=False), None
    return found


def _destination_actor(ctx: _Context, start: int, end: int, sent: Span, words: list[str]
                       ) -> tuple[list[Actor], Mention | None]:
    """The state or union named right after one of ``words`` inside or just after the match ("visa-free travel to
    the EU", "enter Georgia without a visa"); not a country that names a group ("to Belarusian citizens",
    "to Syria's refugees")."""
    doc = ctx.doc
    for i in range(start, min(sent.end - 1, end + 3)):
        if doc[i].lower_ not in words:
            continue
        k = i + 1
        while k < sent.end and doc[k].lower_ in {"the", "a"}:
            k += 1
        m = ctx.mention_at.get(k)
        if m is not None and m.kind == "actor" and m.actor and not ctx.followed_by_modifier(m) and not (
                m.end < sent.end and doc[m.end].lower_ in {"'s", "’s"}):
            return [x.actor for x in ctx.coordinated(m, sent.end) if x.actor], m
        if i >= end and not _to_enter_r39(doc, i):
            break
    return [], None


def _agreement_partners(ctx: _Context, start: int, end: int, sent: Span) -> set[Actor]:
    """The states after "with" just after an agreement noun the trigger holds or ends at ("a safe third country
    agreement with Paraguay", "a deal with Turkey"): the other party, not the actor."""
    doc = ctx.doc
    lowers = doc_lowers(doc)
    last = end if end < sent.end and lowers[end] in AGREEMENT_NOUNS else end - 1
    if lowers[last] not in AGREEMENT_NOUNS and AGREEMENT_NOUNS.isdisjoint(lowers[start:end]):
        return set()
    for i in range(last + 1, min(sent.end - 1, last + 3)):
        if lowers[i] == "with":
            m = ctx.mention_at.get(i + 2 if lowers[i + 1] == "the" and i + 2 < sent.end else i + 1)
            if m is not None and m.kind == "actor" and m.actor:
                return {x.actor for x in ctx.coordinated(m, sent.end) if x.actor}
            break
    return set()


def _by_agent(ctx: _Context, end: int) -> tuple[list[Actor], Mention | None]:
    doc = ctx.doc
    sent = ctx.sents[ctx.sent_of[end - 1]]
    for i in range(end, min(sent.end, end + 9)):
        if doc[i].lower_ == "by":
            k = i + 1
            while k < sent.end and (doc[k].lower_ in {"the", "a"} or (doc[k].is_title and k not in ctx.mention_at)):
                k += 1
            m = ctx.mention_at.get(k)
            if m is not None and m.kind == "actor":
                return [x.actor for x in ctx.coordinated(m, sent.end) if x.actor], m
            if m is not None and m.kind in {"body", "title"}:
                return _resolve_reference(ctx, m), m
            return [], None
    return [], None


def _between_builders(ctx: _Context, end: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """"Walls went up between Austria and Slovenia, and between Greece and Turkey": a barrier raised between two states
    with no builder named is the first state's of each pair (the one the story says raised it)."""
    doc = ctx.doc
    lowers = doc_lowers(doc)
    actors: list[Actor] = []
    first = None
    for i in range(end, sent.end - 1):
        if lowers[i] != "between":
            continue
        k = i + 1 + (lowers[i + 1] == "the")
        m = ctx.mention_at.get(k)
        if m is None or m.kind != "actor" or not m.actor or m.actor[0] != "Country":
            continue
        pair = ctx.coordinated(m, sent.end)
        if len(pair) == 2 and pair[1].actor and pair[1].actor[0] == "Country":
            actors.append(m.actor)
            first = first or m
    return actors, first


TRUE_PREPOSITIONS = frozenset({"to", "of", "in", "on", "for", "with", "at", "from", "by", "over", "about", "against",
                               "under", "into", "behind", "toward", "towards"})  # "prepositions" also holds verbs


@cache
def _document_agent_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The document nouns, the words allowed between one and its verb, and the court words (policies.json)."""
    data = lexicon()["document_agents"]
    return frozenset(data["nouns"]), frozenset(data["between"]), frozenset(data["court_words"])


def _document_phrase(ctx: _Context, start: int, sent: Span, nouns: frozenset[str]) -> tuple[int, int] | None:
    """(first token, head) of the document noun phrase that is the subject of the verb at ``start`` ("Trump's new
    executive order, which bars ...", "a U.S. bill that would tighten ..."), or None."""
    doc = ctx.doc
    lowers = doc_lowers(doc)
    _nouns, between, _courts = _document_agent_words()
    j = start - 1
    relatives = 0
    while j > sent.start and (lowers[j] in between or (lowers[j].endswith("ly") and doc[j].is_alpha)):
        relatives += lowers[j] in {"that", "which"}
        j -= 1
    if relatives == 1 and j > sent.start and doc[j].lemma_.lower() not in nouns:
        j = _document_on_topic(doc, lowers, j, sent, nouns)  # "a decree on border enforcement which lets ..."
    if relatives > 1 or j < sent.start or doc[j].lemma_.lower() not in nouns or not doc[j].is_lower:
        return None
    k = j
    while k - 1 >= sent.start and k > j - 5 and (not doc[k - 1].is_punct or lowers[k - 1] in {"-", "'s", "’s"}) \
            and lowers[k - 1] not in ctx.sets["prepositions"] | {"a", "an", "the", "that", "which", "and", "or"}:
        k -= 1  # "Trump's new executive order", "the March 6 order", "his travel ban", "a U.S. bill"
    return k, j


def _document_on_topic(doc: Doc, lowers: list[str], j: int, sent: Span, nouns: frozenset[str]) -> int:
    """"the president's decree on border enforcement which lets ...": the document noun before a short "on"
    phrase of lower-case words ending at token j, whose relative clause holds the trigger (r32); else j."""
    for p in range(j, max(sent.start, j - 4), -1):
        if lowers[p] == "on":
            if p - 1 >= sent.start and doc[p - 1].lemma_.lower() in nouns and doc[p - 1].is_lower and p < j:
                return p - 1
            return j
        if not doc[p].is_alpha or not doc[p].is_lower:
            return j
    return j


def _phrase_state(ctx: _Context, k: int, j: int) -> Mention | None:
    """A state named inside the noun phrase doc[k:j] ("the Austrian decree", "a U.S. bill")."""
    for i in reversed(range(k, j)):  # the nearest to the noun: "Mexico criticised U.S. policies that ..."
        m = ctx.mention_at.get(i)
        if m is not None and m.kind in {"actor", "demonym"} and m.actor and m.actor[0] == "Country" and m.end <= j:
            return m
    return None


def _document_from_owner(ctx: _Context, start: int, sent: Span) -> tuple[list[Actor], Mention] | None:
    """"Mexico agreed to back a policy from the White House that would require ...": a measure document followed by
    "from" and a state or state body, then the relative clause whose verb is the trigger, is that actor's measure,
    not the subject's around it (r32). None: no such phrase."""
    doc = ctx.doc
    lowers = doc_lowers(doc)
    nouns, between, _courts = _document_agent_words()
    j = start - 1
    relatives = 0
    while j > sent.start and lowers[j] in between:
        relatives += lowers[j] in {"that", "which"}
        j -= 1
    if relatives != 1:
        return None
    m = next((x for x in ctx.by_end if x.end == j + 1 and x.start >= sent.start), None)
    if m is None or m.kind != "actor" or not m.actor:
        return None
    i = m.start - 1
    while i > sent.start and m.start - i <= 2 and doc[i].is_title and lowers[i] not in {"from", "the"}:
        i -= 1  # "from the Trump White House": a leader's name before the body
    while i > sent.start and lowers[i] in {"the", "a", "an"}:
        i -= 1
    if i - 1 < sent.start or lowers[i] != "from" or doc[i - 1].lemma_.lower() not in nouns or not doc[i - 1].is_lower:
        return None
    return [x.actor for x in ctx.coordinated(m, sent.end) if x.actor], m


def _drafted_document_owner(ctx: _Context, start: int, sent: Span) -> tuple[list[Actor], Mention | None] | None:
    """"Mexico criticised a U.S. bill that would tighten border security": a measure whose subject is a document
    (a bill or plan too) is the state the document's phrase names, not the subject of the clause around it; with no
    state named and a verb before it that opposes it ("criticised the bill that would ..."), no state's.
    None: no document subject, read the actor as usual."""
    owned = _document_from_owner(ctx, start, sent)
    if owned is not None:
        return owned  # "a policy from the White House that would ..." (r32)
    data = lexicon()["document_agents"]
    nouns = _document_agent_words()[0] | frozenset(data["draft_nouns"])
    found = _document_phrase(ctx, start, sent, nouns)
    if found is None:
        return None
    k, j = found
    m = _phrase_state(ctx, k, j)
    if m is not None:
        return [m.actor], m
    v = k - 1
    while v >= sent.start and doc_lowers(ctx.doc)[v] in {"a", "an", "the", "its", "their", "this", "new"}:
        v -= 1
    if v >= sent.start and ctx.doc[v].lemma_.lower() in frozenset(data["opposing_verbs"]) \
            and ctx.doc[j].lemma_.lower() in data["draft_nouns"]:
        return [], None  # "Mexico criticised a bill that would ...": the critic does not draft it
    return None


def _document_agent(ctx: _Context, start: int, end: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """"The order suspends the entry of refugees", "Trump's proclamation, which barred ...", "signed an order that
    halts ...": a measure document as the subject of a measure verb acts for its owner (a possessor, or the subject
    of the clause that issued it, read as for a trigger at the document) or else for the story's state; a court's
    or a judge's order acts for no state."""
    doc = ctx.doc
    lowers = doc_lowers(doc)
    nouns, _between, courts = _document_agent_words()
    found = _document_phrase(ctx, start, sent, nouns)
    if found is None:
        return [], None
    k, j = found
    if not courts.isdisjoint(lowers[sent.start:j + 1]):
        return [], None  # "a federal judge's order that halts deportations": no state's measure
    m = _phrase_state(ctx, k, j)
    if m is not None:
        return [m.actor], m  # "the Austrian decree", "a new U.S. rule": the state named in the phrase
    actors, at = find_actors(ctx, j, j + 1, {})
    if not actors and k > sent.start and lowers[k] in {"his", "her"}:
        actors, at = _pronoun_owner(ctx, j, sent), None  # "his executive order suspended ..."
    definite = lowers[k] in {"the", "this", "that", "his", "her", "its", "their"} or (
        k - 1 >= sent.start and lowers[k - 1] in {"the", "this", "its", "their"})
    if not actors and definite:  # "The order bars refugees from entering the US": the story's state, even named
        # as where they go; "a policy which bars ..." may be any
        main = _acting_state(ctx)
        group = find_target(ctx, start, end, None) or find_target(ctx, start, end, None, before=True)
        k_sent = ctx.sent_of[start]
        recent = main is not None and any(m.actor == main and k_sent - 2 <= ctx.sent_of[m.start] <= k_sent
                                          for m in ctx.by_end if m.end <= end)  # named lately, as for "the country"
        inside = main is not None and any(m.actor == main and start <= m.start and m.end <= end for m in ctx.by_end)
        # "bars citizens of Iran from entering": a state named inside the match is the group's, not the issuer
        if main and group and recent and not inside and not _has_actor_mention(ctx, sent, main, start):
            actors, at = [main], None
    return actors, at


def _programme_owner(ctx: _Context, start: int, end: int) -> tuple[list[Actor], Mention | None]:
    """The state of a protection programme named inside a match ("the wind-down of DACA", "the termination of
    TPS"): the programme's name acts for its state (programme_states), so ending it is that state's measure."""
    lowers = doc_lowers(ctx.doc)
    for i in range(start, end):
        m = ctx.mention_at.get(i)
        if m is not None and m.end <= end and m.kind == "actor" and m.actor and m.actor[0] == "Country" \
                and tuple(lowers[m.start:m.end]) in ctx.lex["_programmes"]:
            return [m.actor], m
    return [], None


def _programme_before(ctx: _Context, start: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """"... DACA, which shields minors. The program protects ...": the state of the protection programme
    (programme_states) named last before ``start`` in the same or the previous sentence; none when no such name
    is that close (r32)."""
    lowers = doc_lowers(ctx.doc)
    k = ctx.sent_of[start]
    for m in reversed(ctx.by_end):
        if m.end > start:
            continue
        if ctx.sent_of[m.start] < k - 1:
            break
        if m.kind == "actor" and m.actor and m.actor[0] == "Country" \
                and tuple(lowers[m.start:m.end]) in ctx.lex["_programmes"]:
            return [m.actor], m
    return [], None


# adverbs without "-ly" between a passive participle and its auxiliary or group: "parents already deported" (r32)
PASSIVE_ADVERBS = frozenset({"already", "just", "once", "later", "since", "also", "soon"})

# a measure named after these and "on" is a stated priority, done: "agents will focus on deporting criminals" (r32)
FOCUS_WORDS = frozenset({"focus", "focused", "concentrate", "concentrated"})

SCHEME_DETERMINERS = frozenset({"the", "a", "an", "its", "this", "that", "such", "'s", "’s"})


def _specific_scheme(ctx: _Context, start: int, end: int) -> bool:
    """A noun trigger naming one scheme ("the compulsory relocation of", "a quota of migrants", "quotas to
    distribute refugees"), not the kind of measure discussed in general ("says migrant quotas are no solution")."""
    lowers = doc_lowers(ctx.doc)
    sent = ctx.sents[ctx.sent_of[start]]
    return "to" in lowers[start:end] or not SCHEME_DETERMINERS.isdisjoint(lowers[max(sent.start, start - 2):start])


def _organization_fallback(ctx: _Context, entry: dict) -> list[Actor]:
    """The organisation an entry's measure falls back to (``organization_fallback``, a key of international_orgs)
    when the document names it or one of its bodies: quotas distributing asylum seekers between member states are
    the EU's scheme even where no sentence names who runs them; none in a story that never names the EU."""
    key = entry["organization_fallback"]
    org_map = ctx.lex["_org_map"]
    named = any(kind == "Organization" and org_map.get(name) == key for kind, name in ctx.a.entities)
    return [("Organization", key)] if named else []


def extract_policies(doc: Doc, assertions: DocumentAssertions, backoff: bool | None = None,
                     scorer: bool | None = None) -> list[Policy]:
    """Policies stated in the document, one per (actor, type, target, status), in text order.

    ``backoff`` also reads the broad second tier (entries under "backoff_triggers") after the rules, for
    (actor, type) pairs no rule gave (None: the switch, see ``backoff_enabled``). ``scorer`` then adds the
    (actor, type) pairs the learned scorer accepts among those no rule gave (None: its switch, see
    ``extractors.policy_scorer.scorer_enabled``)."""
    from extractors.policy_scorer import added_policies, scorer_enabled

    if not on_topic(doc):
        return []  # nothing about people's movement or status (extractors.topic)
    triggers: list[tuple[str, int, int]] = []
    policies, backoff_pairs = rule_policies(doc, assertions, backoff, triggers)
    if policies:
        policies = policies + _returned_unheard_r39(doc, policies)  # r39: "expelled them without hearing claims"
        policies = _visa_free_over_admission_r40(policies)  # r40: "lets Xs enter without a visa" is one measure
    if scorer_enabled() if scorer is None else scorer:
        # the scorer's "triggered" flags read every tier's matches: reuse them only when the backoff tier ran
        reuse = triggers if (backoff_enabled() if backoff is None else backoff) else None
        policies = policies + added_policies(doc, assertions, policies, backoff_pairs, reuse)
    return _story_types_r39b(doc, policies)  # round 39b (U39)


class _Sentences(Sequence):
    """The document's sentences (``doc_sentences``), each Span made when first read: the rules read the few
    sentences around their triggers, and a Span per sentence (with a Token for each of its ends) cost more than the
    anchor tests of all of them. ``bounds``: every sentence's (start, end), with no Span."""

    def __init__(self, doc: Doc, bounds: list[tuple[int, int]]):
        self.doc, self.bounds = doc, bounds
        self._spans: list[Span | None] = [None] * len(bounds)

    def __len__(self) -> int:
        return len(self.bounds)

    def __getitem__(self, k: int) -> Span:
        span = self._spans[k]
        if span is None:
            span = self._spans[k] = Span(self.doc, *self.bounds[k])
        return span


def _document_sentences(doc: Doc) -> Sequence[Span]:
    """``doc_sentences(doc)``, as :class:`_Sentences` when the Doc's index has the same cut (sentence starts set by
    the pipeline, no sentence hook)."""
    if "sents" in doc.user_hooks or not len(doc) or not doc.has_annotation("SENT_START"):
        return doc_sentences(doc)
    return _Sentences(doc, doc_index(doc).sent_tokens)


def _sentence_bounds(sents: Sequence[Span]) -> list[tuple[int, int]]:
    """(start, end) of each sentence, without making the Spans :class:`_Sentences` has not made."""
    return sents.bounds if isinstance(sents, _Sentences) else [(sent.start, sent.end) for sent in sents]


def rule_policies(doc: Doc, assertions: DocumentAssertions, backoff: bool | None = None,
                  triggers_out: list | None = None) -> tuple[list[Policy], set[tuple[Actor, str]]]:
    """The rules' policies (see ``extract_policies``) and the (actor, type) pairs the backoff tier gave;
    ``triggers_out`` receives the trigger matches (the learned scorer reads them too)."""
    lex = lexicon()
    entries = lex["_entries"]
    sents = _document_sentences(doc)
    tier2_pairs: set[tuple[Actor, str]] = set()
    raw = find_triggers(doc, sents, backoff=backoff_enabled() if backoff is None else backoff)
    if triggers_out is not None:
        triggers_out.extend(raw)
    if not raw:
        return [], tier2_pairs
    tier2 = sorted((x for x in raw if entries[x[0]].get("backoff")), key=lambda x: (x[1], x[2]))
    if tier2:
        raw = [x for x in raw if not entries[x[0]].get("backoff")]
        tier2 = _backoff_candidates(doc, sents, tier2)
        if not raw and not tier2:
            return [], tier2_pairs
    same = _same_measure_spans(doc)
    ctx = _Context(doc, assertions, [s for _e, s, _t in raw + tier2] + [s for s, _e in same], sents, lazy=LAZY_CONTEXT)
    # longest match per entry type wins among overlaps; a shorter one is read after all others only when every
    # longer match it overlaps gave no policy ("sent them back": no migrant word for the longer reading)
    taken: dict[str, list[tuple[int, int]]] = {}
    matches: list[tuple[str, int, int] | None] = []
    overlapped: list[tuple[str, int, int] | None] = []
    # on equal spans an entry that reads an agentless clause wins ("soldiers were deployed to the border")
    for entry_id, s, e in sorted(raw, key=lambda x: (-(x[2] - x[1]), x[1], not entries[x[0]].get("agentless_clause"))):
        entry = entries[entry_id]
        label = f"{entry['type']}|{entry.get('negated')}"
        spans = taken.setdefault(label, [])
        if any(s < b and a < e for a, b in spans):
            overlapped.append((entry_id, s, e))
            continue
        spans.append((s, e))
        matches.append((entry_id, s, e))
    matches.sort(key=lambda x: (x[1], x[2]))  # type: ignore[index]
    overlapped.sort(key=lambda x: (x[1], x[2]))  # type: ignore[index]
    matches.append(None)  # then the overlapped ones

    policies: list[Policy] = []
    seen: set[tuple] = set()
    placed: list[tuple[int, Policy]] = []  # (trigger start, policy): what "X followed suit" copies
    productive: dict[str, list[tuple[int, int]]] = {}  # label -> spans of matches that gave a policy
    second_pass = late = in_tier2 = False
    ruled: set[tuple[Actor, str]] = set()  # (actor, type) pairs the rules gave: the backoff tier adds no other reading
    for item in matches:
        if item is None:
            if not second_pass:
                matches.extend(overlapped)
                matches.append(None)  # then the backoff tier's matches
                second_pass = True
            elif tier2:
                in_tier2 = True
                ruled = {((p.actor_kind, p.actor_key), p.policy_type) for p in policies}
                matches.extend(tier2)
            continue
        entry_id, start, end = item
        entry = entries[entry_id]
        label = f"{entry['type']}|{entry.get('negated')}"
        if second_pass and any(start < b and a < end for a, b in productive.get(label, ())):
            continue
        if in_tier2 and any(start < b and a < end for spans in productive.values() for a, b in spans):
            continue  # a span a rule read already
        produced = len(policies)
        if any(ctx.boilerplate[start:end]):
            continue
        sent = ctx.sents[ctx.sent_of[start]]
        if end < len(doc) and doc[end].lower_ in set(entry.get("exclude_next") or ()):
            continue
        if end - start == 1 and end + 1 < len(doc) and doc[end].lower_ == "to" and doc[end + 1].lower_.endswith("ing"):
            continue  # "admitted to posing as ...": a confession, not an admission
        if entry["type"] == "Admission" and _taken_back_to_r38(ctx, start, end, sent):
            continue  # "were taken back to A": moved back, no one taken in (r38)
        if entry.get("exclude_inside") and not set(doc_lowers(doc)[start:end]).isdisjoint(entry["exclude_inside"]):
            continue  # "extend his moratorium on travel": the match spans another measure
        if _verb_at_end(doc, start, end, entry):
            continue  # "announced they were prepared to grant him asylum": "grant" is the verb, not the money
        if entry.get("exclude_after") and not set(doc_lowers(doc)[end:min(sent.end, end + 6)]).isdisjoint(
                entry["exclude_after"]):
            continue  # "committed $2 billion to border security": money for another purpose
        if entry.get("require_after") and set(doc_lowers(doc)[end:min(sent.end, end + 6)]).isdisjoint(
                entry["require_after"]):
            continue  # "admit 40 a month through <the relocation scheme>": a word the reading needs after (r35)
        if _endorsement(doc_lowers(doc), end, sent.end, entry):
            continue  # "offered broad support for the bill": backing a measure, no aid given (r31)
        if entry.get("left_from") and end + 1 < sent.end and doc[end].lower_ == "from" and not set(
                doc_lowers(doc)[end + 1:min(sent.end, end + 4)]).isdisjoint(entry["left_from"]):
            continue  # "Iraq's removal from the list", "its expulsion from the bloc": taken off something (r31)
        before = doc[max(sent.start, start - 3):start]
        if entry.get("exclude_prev") and any(t.lower_ in entry["exclude_prev"] and not _wanted_adjective(doc, t.i)
                                             for t in before):
            continue  # "a detention centre used to house asylum seekers": a facility, not support
        if entry.get("require_prev") and set(doc_lowers(doc)[max(sent.start, start - 5):start]).isdisjoint(
                entry["require_prev"]) and not _aside_passive_head_r40(doc, start, sent, entry["require_prev"]):
            continue  # "Greece received 5,000 migrants": arrivals, no decision ("agreed to receive" is one)
        if entry.get("exclude_before"):
            k = start - 1
            while k >= sent.start and doc[k].text not in {",", ";", ":"}:
                k -= 1
            if not set(doc_lowers(doc)[k + 1:start]).isdisjoint(entry["exclude_before"]):
                continue  # "the border wall is funded by X": the money is for another purpose
        if not _sentence_has(ctx, sent, entry.get("context"), bool(entry.get("document_context"))) and not (
                _carried_context(doc, _sentence_before(ctx, sent), set(doc_lowers(doc)[sent.start:sent.end]),
                                 entry.get("context"))):
            continue
        if entry.get("require_story") and not _document_has(doc, entry["require_story"]):
            continue  # "tourists were rescued at sea": a rescue of people is a measure only in a story on migrants
        if entry.get("country_after") and not _country_after(ctx, end, sent, entry["country_after"]):
            continue  # "closed highways leading in from X": a road closure is a measure only towards a country
        target_kind = entry.get("target")
        passive = _is_passive(ctx, start, sent)
        if entry_id == "shelter_open_r38" and not _facility_kind_r38(doc_lowers(doc), end - 1, start):
            continue  # "opened a command centre", "set up camp": not a shelter for people (r38)
        if entry.get("facility_subject_r38"):
            if not _facility_passive_r38(ctx, start, sent, entry["facility_subject_r38"]):
                continue  # "the town set up a camp" is read by the active entries; here only "a camp was set up"
            passive = True  # "set up" is no -ed participle, but "centres are being set up" is a passive (r38)
        if entry.get("passive_only") and not passive:
            continue  # "refugees returned to Syria": they went back, nobody sent them
        if entry.get("returned_passive") and not _returned_passive(ctx, start, sent):
            continue  # "migrants returned from Libya": their own return, unless taken in or "were returned" (r33)
        if entry.get("returned_finite_r38") and not _returned_passive(ctx, start, sent) \
                and not _finite_after_r38(ctx, end, sent):
            continue  # "1,800 migrants returned to A on five flights": their going back (r38)
        target = find_target(ctx, start, end, target_kind, before=bool(entry.get("actor_after")) or passive)
        if target is None and passive and not entry.get("actor_after"):
            target = find_target(ctx, start, end, target_kind)  # "were detained ..., 200 migrants"
        if target is None and passive:
            target = _relative_antecedent(ctx, start, sent, target_kind)  # "migrants, many of whom were rescued"
        if target is None and passive and entry.get("place_state_r36"):
            target = _coordinated_passive_subject_r36(ctx, start, sent, target_kind)  # "the group was weak but
            # safe, and was given blankets": the group before a passive joined by "and" (r36)
        if target is None and passive and entry.get("coordinated_subject_r38"):
            target = _coordinated_passive_subject_r36(ctx, start, sent, target_kind)  # "the people had no papers
            # and were taken into custody", "they will be transferred to detention centres" (r38)
        if target_kind and target is None:
            continue
        if entry.get("group_needed_r38") and passive and target is None and not _they_group_r38(ctx, start, sent):
            continue  # "a fugitive was taken into custody": no group of people held (r38)
        if entry.get("target_before_r38") and (target is None or target[0] >= start):
            continue  # "talks were held in a conference centre on the migrant crisis": no one held (r38)
        ctx.build()  # the checks above read no mention table unless it may hold a demonym (``nation_tokens``)
        if entry.get("recipient_r38") and not _supplies_recipient_r38(ctx, start, end, sent):
            continue  # "provided A with fuel": supplies to a state, not to people (r38)
        if entry.get("target_inside") and target is not None and not start < target[0] < end:
            continue  # "prevent guns from coming into the hands of individuals": the group is who is kept out
        if entry.get("target_foreign") and (target is None or _target_nationality(ctx, target[0], target[1]) is None):
            continue  # "gave $200 million in aid to Syrians": support read from the story only for a nation's people
        skip = set(entry.get("skip_between") or ())
        if skip and target is not None and any(t.lower_ in skip for t in doc[end:target[0]]):
            continue  # "received the brunt of the migrants": arrivals, not an admission
        if entry.get("hosted_count_r38") and _hosted_count_r38(ctx, sent, start, target):
            continue  # "A, which hosts 4 million refugees": a count of people present, no admission (r38)
        if target is None and not entry.get("actor_after"):
            # "where Russians do not need a visa", "Russians will be barred from entering"
            before = find_target(ctx, start, end, None, before=True)
            if before is not None and start - before[1] <= 4:
                target = before
        if target is not None and any(doc[i].lemma_.lower() in ctx.sets["excluded_targets"]
                                      for i in range(target[0], target[1])):
            continue
        if target is not None and target[0] == end and doc[start].lower_.endswith("ed") and start - 1 > sent.start \
                and doc[start - 1].lower_ in MODIFIER_ADVERBS and doc[start - 2].lemma_.lower() not in {"have", "be"}:
            continue  # "previously admitted aliens", "newly arrived migrants": a participle describing the group
        noun_use = start > sent.start and doc[start - 1].lower_ in {"a", "an", "the"}
        if noun_use and not entry.get("nominal") and not entry.get("det_ok"):
            continue  # "a host of policies", "the return of", "the detained migrants": not the verb
        if start - 2 >= sent.start and doc[start - 1].lower_ == "to" and doc[start - 2].lower_ in PERMISSION_WORDS:
            continue  # "countries are allowed to expel migrants", "the right to request asylum": no measure
        if start - 2 >= sent.start and doc[start - 1].lower_ in {"to", "we", "they", "you"} \
                and doc[start - 2].lower_ in {"how", "whether"}:
            continue  # "examine how to accommodate the migrants", "reconsider how we distribute aid": a deliberation
        if start - 2 >= sent.start and doc[start - 1].lower_ == "being" and doc[start - 2].lower_ == "from":
            continue  # "keeping detained migrants from being released into the US": a measure prevented
        if _modal_deliberation(doc, start, sent):
            continue  # "deciding how it can accommodate the migrants": a deliberation, as "how to"
        if _weighed_need(doc, start, sent):
            continue  # "questioned the need to admit more refugees": a necessity weighed, no measure (r29)
        if _campaign_pledge(doc, start, sent):
            continue  # "If elected, the nominee pledged to reinstate DACA": a candidate's promise (r29)
        if _feared_measure(doc, start, sent) or _hyphen_excluded_next(doc, end, entry) \
                or _criticised_decision_r40(doc, start, sent) \
                or _alternative_or_doubted(doc, start, sent):
            continue  # "at risk of being deported", "rather than being deported", "questioned the need to admit"
        legal_act = start - 2 >= sent.start and doc[start - 2].lemma_.lower() in DOCUMENT_NOUNS  # "a decree on"
        if entry.get("nominal") and end < sent.end and doc[end].lower_ == "of" and not {
                "possibility", "prospect", "idea", "threat", "risk", "notion"}.isdisjoint(
                doc_lowers(doc)[max(sent.start, start - 4):start]):
            continue  # "raising the possibility of holding families indefinitely": a prospect, not a measure
        counted = entry.get("count_of_ok") and start - 2 >= sent.start and doc[start - 1].lower_ == "of" \
            and doc[start - 2].lower_ in QUANTITY_HEADS  # "carried out thousands of pushbacks": a count, no idea
        focused = start - 2 >= sent.start and doc[start - 1].lower_ == "on" and doc[start].lower_.endswith("ing") \
            and doc[start - 2].lemma_.lower() in FOCUS_WORDS  # "ICE will focus on deporting criminals" (r32)
        practice = _practice_owner(ctx, start, sent)  # "X's practice of pushing migrants back" (r33)
        prepared = start - 2 >= sent.start and doc[start - 2].lower_ in PREPARATION_WORDS_R35  # "preparations for
        # introducing border controls": steps under way toward the measure (r35)
        if start > sent.start and doc[start - 1].lower_ in GERUND_PREPS and not legal_act and not counted \
                and not focused and practice is None and not prepared and (
                doc[start].lower_.endswith("ing") or entry.get("nominal") or doc[start - 1].lower_ == "behind"):
            continue  # "the idea of building a wall", "the use of humanitarian corridors": not stated as done
        if doc[start].lower_ == "welcome" and start > sent.start and doc[start - 1].lemma_.lower() == "be":
            continue  # "legal immigrants are welcome": an attitude, not an admission
        criticised = None
        if start - 2 >= sent.start and doc[start - 1].lower_ == "for" and doc[start].lower_.endswith("ing") \
                and not prepared:
            criticised = ctx.mention_at.get(start - 2)  # "blasted Germany for admitting ...": Germany's measure
            if criticised is None or criticised.kind != "actor" or not criticised.actor:
                continue
        search_from = start
        owner = ctx.mention_at.get(start - 1) if entry.get("owner_adjective") and start > sent.start else None
        if owner is None and entry.get("owner_adjective") and start - 1 > sent.start \
                and doc[start - 1].lower_ in OWNER_MODIFIERS and (start - 2) in ctx.mention_at:
            owner = ctx.mention_at[start - 2]  # "Japanese humanitarian aid": a kind word between owner and noun
            owner = owner if owner.end == start - 1 else None
        owner_ends = {start, start + 1} if owner is None or owner.end != start - 1 else {start - 1}
        if owner is not None and not (
                owner.kind in {"demonym", "actor"} and owner.actor and owner.end in owner_ends
                and (owner.actor[0] == "Country" or (entry.get("backoff") and owner.kind == "actor"))
        ):  # the backoff tier also reads "EU funding"
            owner = None  # "Libyan detention centres"; "Polish soldiers deployed to ...": the trigger's first word
        if owner is not None and entry.get("backoff") and owner.start > sent.start and doc[owner.start - 1].text in {
                "-", "–"}:
            owner = None  # "the planned US-Mexico wall": a border named by its two states, neither the builder
        if entry.get("owner_inside"):
            actors, at = _inside_owner(ctx, start, end)  # "migrants in ICE custody": the body holding them
            if not actors:
                continue
        elif criticised is not None:
            actors, at = [x.actor for x in ctx.coordinated(criticised, start) if x.actor], criticised
        elif practice is not None:
            actors, at = [practice.actor], practice
        elif owner is not None:
            actors, at = [owner.actor], owner  # "Libyan detention centres", "the Russian mobilization"
        elif entry.get("nominal") and _including_owner_r40(ctx, start, sent) is not None:
            at = _including_owner_r40(ctx, start, sent)  # "A's policy, which includes pushbacks of ..." (r40)
            actors = [at.actor]
        elif entry.get("nominal") and _named_policy_owner(ctx, start, sent) is not None:
            at = _named_policy_owner(ctx, start, sent)  # "a Dutch policy called the return rule"
            actors = [at.actor]
        elif entry.get("nominal"):
            ok, where = _nominal_ok(ctx, start, end, possessor_ok=not entry.get("no_possessor"))
            owners = [] if ok or entry.get("no_possessor") or entry["type"] in PATIENT_POSSESSOR_TYPES \
                else _pronoun_owner(ctx, start, sent)
            if owners:
                actors, at = owners, None  # "to justify his travel ban": the leader's state
            elif not ok and _relative_clause_owner(ctx, end, sent) is not None:
                at = _relative_clause_owner(ctx, end, sent)  # "the aid Germany provides", "the fence it built"
                actors = [at.actor]
            elif not ok and _later_relative_owner_r39(ctx, end, sent) is not None:
                at = _later_relative_owner_r39(ctx, end, sent)  # "a ban on visas for A-ians, which B introduced" (r39)
                actors = [at.actor]
            elif not ok and entry.get("source_after"):
                actors, at = [], None
                if doc[start].lower_ not in set(entry.get("source_not") or ()):  # "pushback from lawmakers"
                    actors, at = _source_actors(ctx, end, sent, entry["source_after"],
                                                bool(entry.get("source_group")))  # "grants from the EU"
                if not actors and entry.get("located"):
                    actors, at = _located_actors(ctx, start, end, sent)  # "detention of 900 migrants in Libya"
                if not actors and entry.get("stat_subject") and _stat_subject(ctx, start, end, sent):
                    actors, at = _stat_actors(ctx, start, end, sent)  # "deportations rose 20 percent, ICE said"
                if not actors and entry["type"] == "Mobilization" and _announced_noun_r37(ctx, start, sent):
                    actors, at = _called_up_state(ctx, start, sent, [], None)  # "after the announcement of a
                    # call-up, thousands of A-ian men fled": the men's state (r37)
                if not actors and not (entry["type"] == "Mobilization" and start - 1 > sent.start
                                       and doc[start - 1].lower_ in {"'s", "’s"}):
                    continue  # "flee the leader's call-up" goes on to the people fleeing it, as below (r33)
            elif not ok and entry.get("located"):
                actors, at = _located_actors(ctx, start, end, sent)  # "detention centres in Libya"
                if not actors:
                    continue
            elif not ok and entry.get("programme_owner") and _programme_owner(ctx, start, end):
                actors, at = _programme_owner(ctx, start, end)  # "the termination of TPS": the state whose
                # protection programme it is
            elif not ok and entry.get("organization_fallback"):
                actors, at = (_organization_fallback(ctx, entry) if _specific_scheme(ctx, start, end) else []), None
                # "plans for the relocation of 40,000 migrants" in a story on the EU: its relocation scheme
                if not actors:
                    continue
            elif not ok and entry["type"] == "Mobilization" and start - 1 > sent.start \
                    and doc[start - 1].lower_ in {"'s", "’s"}:
                actors, at = [], None  # "flee the leader's call-up": the people fleeing it tell its state (r33)
            elif not ok:
                continue
            elif where == -1:
                actors, at = _by_agent(ctx, end)
            else:
                search_from = where
                actors, at = find_actors(ctx, where if where < start else start, end, entry)
                if not actors and where < start:
                    actors, at = _by_agent(ctx, end)
                if not actors and where < start:
                    actors, at = _document_agent(ctx, where, end, sent)  # "the order offers relief from deportation"
        elif entry.get("story_state_only"):
            actors, at = _located_actors(ctx, start, end, sent) if entry.get("located") else ([], None)
            # "migrant detention centres in Libya"; else no state named in the clause: "a lawmaker whose district
            # borders X visited migrant detention centres" (main_country_fallback below; r32)
        else:
            drafted = None if passive else _drafted_document_owner(ctx, start, sent)
            actors, at = drafted if drafted is not None else find_actors(ctx, start, end, entry)
            if not actors and not passive and drafted is None:
                actors, at = _document_agent(ctx, start, end, sent)  # "the order suspends the entry of refugees"
                if not actors and end - start > 1 and doc[start].is_lower \
                        and doc[start].lemma_.lower() in _document_agent_words()[0]:
                    # "The travel ban bars ... from entering": the match began on the document noun ("ban bars
                    # ... from entering"), so the document is the subject of the verb after it
                    actors, at = _document_agent(ctx, start + 1, end, sent)
        if entry.get("programme_before"):
            actors, at = _programme_before(ctx, start, sent)  # "The program protects ...": the one named before
        if not actors and entry_id == "mobilization_noun" and _sentence_has(ctx, sent, "military"):
            actors = _mobilization_fallback(ctx, start)
            at = None
        if not actors and entry.get("agentless_clause") and not _bare_plural_borders(ctx, start, sent):
            actors, at = _story_state(ctx, sent, start, end, group_needed=False), None  # "troops were sent to
            # the border": a passive clause with no agent is the story's acting state's
        if not actors and entry.get("between_builders"):
            actors, at = _between_builders(ctx, end, sent)  # "walls went up between Austria and Slovenia"
        if not actors and entry.get("border_owner"):
            actors, at = _border_owner(ctx, start, end)  # "he sealed Hungary's border": the state whose border it is
        if not actors and entry.get("by_agent_r39"):
            actors, at = _by_agent(ctx, end)  # "all flights to A were suspended by B" (r39)
        if entry.get("demonym_inside_r39"):
            inside = [m for i in range(start + 1, end) for m in [ctx.mention_at.get(i)]
                      if m is not None and m.kind == "demonym" and m.actor and m.actor[0] == "Country"]
            if not inside:
                continue
            actors, at = [inside[0].actor], inside[0]  # "surveillance of A-ian beaches": the state whose coast (r39)
        if not actors and not passive and entry["type"] in ENFORCE_TYPES_R39 and not entry.get("nominal"):
            actors, at = _which_antecedent_r39(ctx, start, sent)  # "fled to A, which ... built a fence" (r39)
        if not actors and passive and entry["type"] in ENFORCE_TYPES_R39:
            actors, at = _demonym_agent_r39(ctx, end, sent)  # "detained by A-ian police" (r39)
            if not actors:
                actors, at = _frontier_after_r39(ctx, end, sent)  # "denied entry at the A-ian border" (r39)
        if not actors and entry["type"] in ENFORCE_TYPES_R39:
            actors, at = _demonym_speaker_after_r39(ctx, end, sent)  # "..., the A-ian police said" (r39)
        if not actors and entry.get("story_context") and _sentence_has(ctx, sent, entry["story_context"]) \
                and _stated_or_announced(ctx, sent, start):
            actors, at = _story_state(ctx, sent, start, end), None  # "students are exempt from the call-up"
        if not actors and entry.get("airspace_owner"):
            actors, at = _airspace_owner(ctx, start, end, sent)  # "banned from Canadian airspace"
        if not actors and entry.get("destination_after"):
            actors, at = _destination_actor(ctx, start, end, sent, entry["destination_after"])  # "visa-free travel
            # to the EU", "Ukrainians can enter Moldova without a visa": the state whose border they cross lets them in
        if not actors and entry.get("main_country_fallback"):
            # "asylum seekers who ... will be ineligible for asylum": an agentless rule is the story's state's
            main = ctx._person_country_from_context(None) if not ctx._main_country_contested() else None
            if main and not _has_actor_mention(ctx, sent, main, start):
                actors, at = [main], None
        if passive and entry.get("place_state_r36"):
            actors = _place_state_actors_r36(ctx, actors, sent)  # a story state named once and not here: none
            if not actors and _realis_passive(ctx, start, sent) \
                    and "by" not in doc_lowers(doc)[end:min(sent.end, end + PASSIVE_AGENT_WINDOW)]:
                actors, at = _place_state_actors_r36(ctx, _aid_place_state_r36(ctx, sent, start, end), sent), None
                # "landed in A. They were given food", "was intercepted on its way to A" (r36)
            if not actors and entry.get("facility_subject_r38") and _realis_passive(ctx, start, sent) \
                    and "by" not in doc_lowers(doc)[end:min(sent.end, end + PASSIVE_AGENT_WINDOW)] \
                    and not _states_named_r36(ctx, sent.start, sent.end):
                actors, at = _recent_state_r38(ctx, sent), None  # "... crossed the A-ian border. Reception centres
                # are being set up": the state named in the two sentences before (r38)
        if entry.get("transport_r38") and entry_id == "carried_by_transport_r38":
            actors, at = [], None  # only a state's buses or trains carry people as its aid, not "a boat carrying"
        if not actors and entry_id == "housed_passive_r38" and _realis_passive(ctx, start, sent) \
                and "by" not in doc_lowers(doc)[end:min(sent.end, end + PASSIVE_AGENT_WINDOW)]:
            here = _places_r38(ctx, sent)  # "accommodated in reception centres in the eastern state of A" (r38)
            actors, at = (list(here), next(iter(here.values()))) if len(here) == 1 else ([], None)
        if not actors and entry_id in GENERIC_SUBJECT_ENTRIES_R38 and _generic_state_subject_r38(ctx, start, sent):
            actors, at = _story_state(ctx, sent, start, end, group_needed=False), None  # "The state keeps paying
            # for their housing": the story's acting state (r38)
        if not actors and entry_id == "shelters_run_by_r38":
            actors, at = _local_body_after_by_r38(ctx, end, sent)  # "shelters organised by the local government"
        if not actors and entry["type"] == "Aid" and (entry.get("transport_r38") or entry_id in TRANSPORT_ENTRIES_R38):
            actors, at = _transport_operator_state_r38(
                ctx, start + 1 if entry_id == "carried_by_transport_r38" else start, sent), None
            # "A-ian railways have offered free onward travel", "A-ian buses carried hundreds to the crossing": the
            # state's transport (r38)
        if not actors and entry.get("local_subject_r38"):
            actors, at = _local_subject_state_r38(ctx, start, sent), None  # "border towns have set up halls as
            # reception centres": the towns' state (r38)
        if not actors and entry.get("recipient_r38"):
            actors, at = _local_subject_state_r38(ctx, start, sent, FORCE_SUBJECTS_R38), None  # "200 migrants
            # reached A. The security forces provided the group with food": the forces of the state named (r38)
            if not actors:
                actors, at = _force_named_before_r38(ctx, start, sent)  # "the A-ian navy confirmed it had
                # escorted the dinghy away after handing it fuel": the navy's state (r38)
        if not actors and not entry.get("organization_fallback"):
            actors, at = _provision_owner_r35(ctx, start, end, sent)  # "The bill was published. ... Migrants would
            # be held for a month", "Also part of the deal is visa-free travel": the instrument's owner's (r35)
        if not actors and entry.get("organization_fallback"):
            actors, at = _organization_fallback(ctx, entry), None
        if entry["type"] == "Mobilization" and ((not actors and entry.get("nominal"))
                                                or _placed_state(ctx, actors, at, sent)):
            actors, at = _called_up_state(ctx, start, sent, actors, at)  # "Russians crossed into X since the
            # leader announced a call-up": the people called up are the state's, X is a place (r33)
        elif entry["type"] == "Mobilization" and _host_state_r39b(ctx, start, end, sent, actors, at):
            actors, at = _called_up_group_r39b(ctx, start, sent, actors, at)  # r39b (U39): "Xs arriving in A have
            # tripled since the leader ordered a call-up, A-ian officials say": A hosts them, the call-up is X's
        if entry["type"] == "Aid" and actors and _not_states_aid_r38(ctx, start, end, sent, at):
            continue  # "a church said it would house them", "support to the opposition": no state's aid (r38)
        if entry.get("own_people_r38") and actors:
            if _resolved_not_named_r37(ctx, at):
                named = {m.actor for m in ctx.by_end if sent.start <= m.start and m.end <= sent.end and m.actor}
                actors = [a for a in actors if a in named]
            actors = _own_people_flight_r38(ctx, sent, actors)
            # a rescue flight for its own people, by a state named as such ("an autonomous government organised
            # a rescue flight" is no state's) (r38)
        if at is not None and _bordered_landmark(ctx, at):
            continue  # "countries bordering X can restrict entry": X names where they lie, it acts for none (r33)
        if entry["type"] in {"Aid", "Admission"} and actors and _resolved_not_named_r37(ctx, at):
            origins = _origin_states_r36(ctx, sent)
            actors = [a for a in actors if a not in origins]  # "the prime minister ... citizens helping refugees
            # from A": an actor resolved to the refugees' state of origin (a leader, a pronoun) helps none (r37)
        if entry.get("place_inside_r38") and passive:
            actors, at = _place_inside_r38(ctx, start, end, actors, at)  # "held in <town> in a facility" (r38)
        if entry.get("sentence_state_r38") and passive and at is None and (actors or (
                (target is not None or _they_group_r38(ctx, start, sent))
                and (_realis_passive(ctx, start, sent) or _announced_passive(ctx, start, sent)))):
            actors = _sentence_state_r38(ctx, sent, actors)  # "had no papers to stay in A and were held" (r38)
        actors = _expand_regions(ctx, actors)
        if not actors:
            continue
        if in_tier2 and (passive or _reduced_relative(ctx, start, entry)) and not (
                at is not None and at.start > end and "by" in doc_lowers(doc)[end:at.start]):
            continue  # "families apprehended at the border": a backoff passive needs its agent after "by"
        if not passive and not entry.get("nominal"):
            actors = actors + [a for a in _compared_actors(ctx, end, sent) if a not in actors]
        if entry["type"] == "Aid" and not passive:
            actors = actors + [a for a in _gapped_donors_r40(ctx, start, end, sent) if a not in actors]  # r40
        if at is not None and target is not None and entry["type"] in GROUP_MOVES_TYPES and at.kind == "actor" \
                and at.end == target[0] and not entry.get("nominal"):
            continue  # "UK travellers will not need a visa": a state naming the group affected is not the actor (r30)
        actor_start = at.start if at is not None and at.start < start else None
        actor_end = at.end if at is not None and at.end <= start else None
        if _suppressed(ctx, sent, search_from, actor_start) or _reported_opinion(ctx, sent, search_from, at, actors):
            continue
        if entry["type"] in PROTECTION_TYPES_R40 and _not_a_measure_r40(ctx, sent, start, at, entry["type"]):
            continue  # r40: a plan dropped, a hope on others, a plain noun's relative clause, a count in an aside
        if entry["type"] == "EntryBan" and _feared_prospect_r38(ctx, sent, start):
            continue  # r38: "fears that A may close the border" is no measure
        if entry["type"] in ENFORCE_TYPES_R39 and _hypothetical_r39(ctx, sent, start):
            continue  # r39: "A could expel more migrants if the deal collapses"
        if entry["type"] == "BorderBarrier" and _war_deployment_r39(ctx, sent):
            continue  # r39: troops at a border for a war
        if entry["type"] == "Detention" and _gathering_held_r39(ctx, start, end):
            continue  # r39: "the migrants held a protest"
        if entry["type"] == "Detention" and _criminal_object_r40(ctx, end, sent):
            continue  # r40: "arrested three smugglers from A who were driving 40 migrants"
        if entry["type"] in ENFORCE_TYPES_R40 and _feared_state_r40(ctx, sent, start):
            continue  # r40: "men in B feared A might announce a call-up"
        if entry["type"] in ASYLUM_TYPES_R39 and _asylum_unreal_r39(ctx, sent, start, end):
            continue  # r39: feared, hoped, lifted, refused, "if ... could", "whose claims were rejected"
        if doc[start].lower_.endswith("ing") and (start == sent.start or doc[start - 1].lower_ in {
                "that", "whether", "when", "if", "why", "how"}):
            continue  # "argued that accepting refugees is a threat", "cases when handing over a suspect would": a
            # gerund subject discusses a measure
        negation = _negation(ctx, search_from, _negation_floor_r40(ctx, actor_start, actor_end, search_from)
                             if actor_end is not None else sent.start)  # r40: past the subject's asides
        ended_by = search_from if entry.get("nominal") and search_from < start else start - 1
        if ended_by >= sent.start and doc[ended_by].lemma_.lower() in ENDING_GOVERNORS:
            negation = "not" if negation is None else None  # "ended Title 42", "lifted the travel ban"
        if negation == "failed":
            continue
        negated = negation == "not"
        if negated and entry["type"] == "Admission" and target is not None and not UNIVERSAL_WORDS.isdisjoint(
                doc_lowers(doc)[end:target[1]]):
            continue  # "we cannot let in everyone", "refused to admit all 900 of them": not all are let in,
            # which bars no one ("will not admit anyone" is a ban: "anyone" is not in the list)
        policy_type = entry.get("negated") if negated else entry["type"]
        if negated and entry.get("negated_refugees") and target is not None and _past_record(ctx, start) and any(
                lemma in {"refugee", "asylum"} for lemma in doc_lemmas(doc)[target[0]:target[1]]):
            policy_type = entry["negated_refugees"]  # "has not taken in a single refugee": protection refused
        if negated and entry.get("negated") and not _sentence_has(ctx, sent, entry.get("negated_context")):
            policy_type = None
        if negated and not policy_type and entry["type"] == "Deportation" and _refuge_pledge(ctx, sent, search_from):
            policy_type = "AsylumOffer"  # "said it would not repatriate men who fled the draft": protection (r33)
        if policy_type == "Admission" and start + 2 < sent.end and doc_lemmas(doc)[start] == "take" and \
                doc_lowers(doc)[start + 1] == "in" and _is_year(doc_lowers(doc)[start + 2]):
            continue  # "the line it took in 2011": "in" opens a time, nothing is taken in (r32 audit)
        if policy_type == "Admission" and not negated and _limited_number(ctx, sent, start):
            policy_type = "AsylumRestriction" if target is not None and any(  # "capped the number of refugees
                lemma in {"refugee", "asylum"} for lemma in doc_lemmas(doc)[target[0]:target[1]]) else "EntryBan"
            # admitted": a ceiling on arrivals, not an admission (r32 audit)
        if not policy_type:
            continue
        if policy_type in PROTECTION_TYPES_R40:
            policy_type = _retyped_r40(ctx, sent, start, end, policy_type)  # r40: "only temporary", relocations
        ended_type = ctx.lex["ended_protection"]["types"].get(policy_type) if not negated else None
        if ended_type and not _ended_antecedent(ctx, start, sent):
            ended_type = None  # "ended the programme, which has protected 800,000 from deportation": the
            # programme's protection (a measure taken) and its ending (the measure now) are both read
        status = _status(ctx, sent, search_from, actor_end)
        condition = _condition(ctx, sent, end)
        t_text = t_key = t_nat = None
        if target is not None:
            t_text = doc[target[0]:target[1]].text
            t_nat = _target_nationality(ctx, *target)
            g = ctx.groups.get(target[0])
            if g is not None:
                t_key = g[1]
        if _takes_a_thing(ctx, sent, policy_type, end, target):
            continue  # "accepted a hot meal", "welcomed the decision to admit ...": a thing is taken, not people
        if not _migration_anchored(ctx, sent, policy_type, target, t_nat, entry):
            continue  # "police detained two men", "the expulsion of 23 embassy staff": no migration measure
        if policy_type == "Detention" and (t_nat is None or entry.get("criminal_check_r39")) \
                and _criminal_arrest(ctx, sent, end, target):
            continue  # "two men were arrested and charged with smuggling migrants": a criminal arrest (r30)
        ev_start = min(start, actor_start) if actor_start is not None else start
        ev_end = max(end, target[1]) if target is not None and target[1] <= sent.end else end
        evidence = evidence_for(doc, doc[ev_start].idx, doc[ev_end - 1].idx + len(doc[ev_end - 1]), EXTRACTOR)
        times = assertions.times_between(sent.start_char, sent.end_char)
        time = attached_time(doc, times, start, end, verbal=not entry.get("nominal"))  # its own clause's time only
        quantities = assertions.quantities_between(sent.start_char, sent.end_char)
        destinations = _destinations(ctx, end, sent) if policy_type in AIMED_TYPES and not entry.get(
            "own_people_ok") else set()  # own_people_ok: "passports to Russians" names the travellers, no place
        if entry.get("place_not_actor"):  # "makes asylum seekers wait in Mexico": not Mexico's rule
            place = ctx.mention_at.get(end + 1 if end < sent.end and doc[end].lower_ == "the" else end)
            if place is not None and place.actor:
                destinations.add(place.actor)
        if entry.get("inside_not_actor_r38"):  # r38: "declared A a safe country": the state named inside
            destinations.update(_inside_states_r38(ctx, start, end))  # the match is the one judged, not the actor
        if entry.get("of_after_not_actor") and end + 1 < sent.end and doc[end].lower_ == "of" \
                and (end + 1) in ctx.mention_at:  # "pushed them into the territory of X, Y and Z": the land
            landed = ctx.mention_at[end + 1]
            destinations.update(m.actor for m in ctx.coordinated(landed, sent.end) or [landed] if m.actor)
            # they were pushed into is not the pusher's (r33)
        destinations |= _agreement_partners(ctx, start, end, sent)  # "unveiled a safe third country agreement
        # with Paraguay": the partner named after "with" is not who announced it
        if passive and at is not None and at.start >= end and "to" in (entry.get("passive_agent") or ()) \
                and doc_lowers(doc)[at.start - 1] in {"to", "the"}:
            destinations -= set(actors)  # "were denied entry to A and B": the states entered refuse it (r34)
        if t_nat and policy_type in {"Deportation", "VisaRestriction", "VisaFree"}:
            destinations.add(("Country", t_nat))  # nobody deports, or needs a visa for, its own nationals
        for actor in dict.fromkeys(actors):
            if actor is None or actor in destinations:
                continue  # no state deports people to itself, or bans travel from itself ("travel bans on China")
            if policy_type == "EntryBan" and not passive and at is not None and at.start < start \
                    and _entered_elsewhere_r38(ctx, end, sent, actor):
                continue  # r38: "A stopped migrants from reaching B" bars no entry into A
            key = (actor, policy_type, (t_text or "").lower(), status)
            if key in seen or (in_tier2 and (actor, policy_type) in ruled):
                continue
            seen.add(key)
            _ensure_entity(ctx, actor, at.start if at is not None else start, at.end if at is not None else end)
            policies.append(Policy(
                actor_kind=actor[0], actor_key=actor[1], policy_type=policy_type, evidence=evidence,
                status=status, target=t_text, target_key=t_key, target_nationality=t_nat, condition=condition,
                trigger=doc[start:end].text, time=time, quantities=list(quantities),
            ))
            placed.append((start, policies[-1]))
            if in_tier2:
                tier2_pairs.add((actor, policy_type))
        for ended in [p for p in policies[produced:] if p.policy_type == policy_type] if ended_type else ():
            key = ((ended.actor_kind, ended.actor_key), ended_type, (ended.target or "").lower(), ended.status)
            if key not in seen:
                seen.add(key)
                policies.append(replace(ended, policy_type=ended_type))
        if len(policies) > produced:
            productive.setdefault(label, []).append((start, end))
            late = late or second_pass
            if in_tier2:
                ruled.update((a, policy_type) for a in actors)
    if late:  # text order (by trigger), second-pass readings in their place
        policies = [p for _s, p in sorted(placed, key=lambda x: x[0])]
    if placed:
        policies.extend(_same_measures(ctx, same, placed, seen))
    return policies, tier2_pairs


DELIBERATION_MODALS = frozenset({"can", "could", "will", "would", "should", "might", "may", "must", "shall"})


ELECTION_WORDS = frozenset({"elected", "re-elected", "reelected", "wins", "win", "won"})


def _campaign_pledge(doc: Doc, start: int, sent: Span) -> bool:
    """A measure promised on the condition of an election ("If elected, she would ...", "if he wins the White
    House"): a candidate speaks, no state acts."""
    lowers = doc_lowers(doc)
    for k in range(sent.start, start):
        if lowers[k] == "if" and any(lowers[j] in ELECTION_WORDS for j in range(k + 1, min(k + 4, start))):
            return True
    return False


NEED_NOUNS = frozenset({"need", "necessity", "wisdom", "merits", "reason"})
DOUBT_WORDS = frozenset({"question", "questioned", "questions", "questioning", "doubt", "doubted", "doubts",
                         "doubting", "no", "not", "debate", "debated", "debating", "challenge", "challenged",
                         "challenging", "dispute", "disputed", "disputing", "deny", "denied", "denies", "denying",
                         "weigh", "weighed", "weighing", "whether", "over", "about"})


def _weighed_need(doc: Doc, start: int, sent: Span) -> bool:
    """A trigger after a need that is questioned or denied ("questioned the need to admit more refugees", "there is
    no need to deport them", "doubts about the wisdom of admitting"): a necessity weighed, not a measure taken;
    a need stressed or cited by the actor ("stressing the need to deport") is left to the other checks."""
    if start - 2 < sent.start:
        return False
    lowers = doc_lowers(doc)
    if lowers[start - 1] not in {"to", "of"} or lowers[start - 2] not in NEED_NOUNS:
        return False
    if lowers[start - 1] == "of" and not lowers[start].endswith("ing"):
        return False
    return not DOUBT_WORDS.isdisjoint(lowers[max(sent.start, start - 6):start - 2])


FEARED_NOUNS = frozenset({"risk", "risks", "danger", "threat", "threats", "fear", "fears", "afraid", "scared",
                          "terrified", "chance", "chances", "possibility", "prospect", "likelihood", "odds", "spectre",
                          "specter", "worry", "worries", "worried"})
EXPOSED_ADJECTIVES = frozenset({"vulnerable", "susceptible", "exposed"})
FEARED_FILLERS = frozenset({"being", "getting", "possibly", "potentially", "eventually", "immediately", "again",
                            "soon", "later", "quickly", "summarily"})


def _feared_measure(doc: Doc, start: int, sent: Span) -> bool:
    """A measure named as what people risk or fear, not as one taken: "at risk of being deported", "in little
    danger of being detained", "afraid of getting sent back", "vulnerable to deportation again" (r29)."""
    W = doc_lowers(doc)
    k = start - 1
    while k >= sent.start and W[k] in FEARED_FILLERS:
        k -= 1
    if k - 1 < sent.start:
        return False
    return (W[k] == "of" and W[k - 1] in FEARED_NOUNS) or (W[k] == "to" and W[k - 1] in EXPOSED_ADJECTIVES)


def _hyphen_excluded_next(doc: Doc, end: int, entry: dict) -> bool:
    """An ``exclude_next`` word joined to the trigger by a hyphen: "a deportation-relief program" is relief, as
    "deportation relief" is (r29)."""
    return end + 1 < len(doc) and doc[end].text in {"-", "–"} and doc[end + 1].lower_ in set(
        entry.get("exclude_next") or ())


CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", "—", "–"})
WITHOUT_FILLERS = frozenset({"trying", "attempting", "seeking", "bothering", "moving", "to", "first", "even", "ever",
                             "being", "having"})
DOUBT_VERBS = frozenset({"question", "questioned", "questions", "questioning", "doubt", "doubted", "doubts",
                         "doubting"})


def _alternative_or_doubted(doc: Doc, start: int, sent: Span) -> bool:
    """A measure named as the alternative not taken ("released rather than being held and deported", "instead of
    detaining them", "without trying to deport them") or as one a speaker doubts ("questioned the need to admit more
    migrants", "asked why the country would accept them"): no measure stated (r29). Read back to the clause's start,
    at most eight words."""
    W = doc_lowers(doc)
    lo = max(sent.start, start - 8)
    k = start - 1
    while k > lo and W[k] not in CLAUSE_MARKS:
        if ((W[k] == "than" and W[k - 1] == "rather") or (W[k] == "of" and W[k - 1] == "instead")) \
                and (W[start].endswith("ing") or "being" in W[k + 1:start] or _rather_than_participle_r38(W, k, start)):
            return True  # a gerund only: "instead of the wall" names the plan another would replace, and "fled
            # rather than be conscripted" a measure the state takes
        if W[k] == "need" and W[k - 1] == "the" and k - 2 >= sent.start and W[k - 2] in DOUBT_VERBS:
            return True
        if W[k] == "why" and "would" in W[k + 1:start]:
            return True
        if W[k] == "without" and all(w in WITHOUT_FILLERS for w in W[k + 1:start]):
            return True  # "without trying to deport any of them", "without first detaining them"
        k -= 1
    return False


def _modal_deliberation(doc: Doc, start: int, sent: Span) -> bool:
    """A trigger right after a modal in a "how"/"whether" clause ("how it can accommodate the migrants", "whether
    the country should house them"): a question weighed, not a measure (as "how to" is)."""
    if start - 2 < sent.start or doc[start - 1].lower_ not in DELIBERATION_MODALS:
        return False
    for k in range(start - 2, max(sent.start, start - 6) - 1, -1):  # a subject of up to three words before the modal
        word = doc[k].lower_
        if word in {"how", "whether"}:
            return k < start - 2
        if doc[k].is_punct or doc[k].pos_ == "VERB" or word in DELIBERATION_MODALS:
            return False
    return False


def _verb_at_end(doc: Doc, start: int, end: int, entry: dict) -> bool:
    """A match ending on a noun that is also a verb (the entry's ``verb_after_to``: "grant") right after "to" or a
    modal ends on that verb, which opens another measure, not on the aid noun."""
    words = entry.get("verb_after_to")
    if not words or end - start < 2 or doc[end - 1].lower_ not in words:
        return False
    return doc[end - 2].lower_ in lexicon()["verb_openers"]


@cache
def _same_measure_phrases() -> tuple[frozenset[str], dict[str, list[list[str]]]]:
    """Head lemmas of the same-measure phrases, and the words after each head."""
    by_head: dict[str, list[list[str]]] = {}
    for phrase in lexicon()["same_measure"]["phrases"]:
        by_head.setdefault(phrase[0], []).append(phrase[1:])
    return frozenset(by_head), by_head


# a word whose lower-cased lemma heads a same-measure phrase: the lookup lemmatizer that leaves the word classes gives
# a word a fixed lemma (``names.lookup_lemma``), so the class holds the tokens a scan of ``doc_lemmas`` finds
_SAME_MEASURE_HEAD = word_class(lambda text, lower: lookup_lemma(text) in _same_measure_phrases()[0])


def _same_measure_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of "followed suit", "did the same", "took similar steps"."""
    lemmas, lowers = doc_lemmas(doc), doc_lowers(doc)
    heads, by_head = _same_measure_phrases()
    out = []
    at = class_positions(doc, _SAME_MEASURE_HEAD)  # (the lemmatizer's word classes: no scan of the lemmas)
    for i in compress(range(len(lemmas)), map(heads.__contains__, lemmas)) if at is None else at:
        for rest in by_head[lemmas[i]]:
            if lowers[i + 1:i + 1 + len(rest)] == rest:
                out.append((i, i + 1 + len(rest)))
    return out


def _same_measures(ctx: _Context, spans: list[tuple[int, int]], placed: list[tuple[int, Policy]],
                   seen: set[tuple]) -> list[Policy]:
    """"Estonia stopped issuing visas to Russians; Latvia followed suit": the measure stated last before the
    phrase (this sentence or the one before), taken by the phrase's own subject; not when negated, demanded
    or hypothetical ("refused to follow suit", "urged Norway to do the same")."""
    doc = ctx.doc
    out: list[Policy] = []
    back = ctx.lex["same_measure"]["sentences_back"]
    for start, end in spans:
        k = ctx.sent_of[start]
        sent = ctx.sents[k]
        actors, at = find_actors(ctx, start, end, {})
        actors = _expand_regions(ctx, actors)
        if not actors or at is None or at.end > start:
            continue
        before = [(s, p) for s, p in placed if s < start and ctx.sent_of[s] >= k - back
                  and (p.actor_kind, p.actor_key) not in actors  # what another actor did
                  and p.policy_type != "Mobilization"]  # a call-up of its own men is no measure others copy (r33)
        if not before:
            before = _same_measure_far(ctx, k, start, placed, actors)  # a few sentences back (r33)
        if not before:
            continue
        if _suppressed(ctx, sent, start, at.start) or _reported_opinion(ctx, sent, start, at, actors):
            continue
        if _negation(ctx, start, at.end) is not None:
            continue
        last = max(s for s, _p in before)
        status = _status(ctx, sent, start, at.end)
        evidence = evidence_for(doc, doc[at.start].idx, doc[end - 1].idx + len(doc[end - 1]), EXTRACTOR)
        for _s, model in [(s, p) for s, p in before if s == last]:
            for actor in actors:
                if (actor[0], actor[1]) == (model.actor_kind, model.actor_key):
                    continue
                key = (actor, model.policy_type, (model.target or "").lower(), status)
                if key in seen:
                    continue
                seen.add(key)
                _ensure_entity(ctx, actor, at.start, at.end)
                out.append(Policy(
                    actor_kind=actor[0], actor_key=actor[1], policy_type=model.policy_type, evidence=evidence,
                    status=status, target=model.target, target_key=model.target_key,
                    target_nationality=model.target_nationality, condition=None, trigger=doc[start:end].text,
                    time=None, quantities=[],
                ))
    return out


def _same_measure_far(ctx: _Context, k: int, start: int, placed: list[tuple[int, Policy]],
                      actors: list[Actor]) -> list[tuple[int, Policy]]:
    """The measures another actor took a few sentences before a same-measure phrase with none in the phrase's own
    or previous sentence ("Finland will close its border to Russian tourists. <two sentences of figures> Earlier,
    the Baltic states took the same measures"): the last sentence before that holds a measure, within
    ``sentences_back_far`` sentences (policies.json "same_measure"), when every measure of that sentence is one
    actor's own type; a sentence holding several types leaves "the same" unclear (round 33)."""
    far = ctx.lex["same_measure"].get("sentences_back_far", 0)
    if not far:
        return []
    before = [(s, p) for s, p in placed if s < start and k - far <= ctx.sent_of[s] < k
              and (p.actor_kind, p.actor_key) not in actors
              and p.policy_type != "Mobilization"]  # as in _same_measures: no one copies a call-up
    if not before:
        return []
    last_sent = max(ctx.sent_of[s] for s, _p in before)
    there = [(s, p) for s, p in before if ctx.sent_of[s] == last_sent]
    if len({p.policy_type for _s, p in there}) != 1:
        return []
    return there


def _wanted_adjective(doc: Doc, i: int) -> bool:
    """"deserters who are wanted must be extradited": "wanted" after a form of "be" describes the people (sought by
    the police), it is no demand for the measure ("wanted him extradited") (r33)."""
    return doc[i].lower_ == "wanted" and i > 0 and doc[i - 1].lower_ in {"is", "are", "was", "were", "be", "been"}


AID_PLACE_NOT_R36 = frozenset({"from", "fled", "fleeing", "flee", "left", "leaving", "escaped", "escaping", "of"})
"""Words before a state that make it no place the people are in: where they came from ("fled A", "from A") (r36)."""


def _coordinated_passive_subject_r36(ctx: _Context, start: int, sent: Span,
                                     kind: str | None) -> tuple[int, int] | None:
    """The group of a passive whose subject is "they" in a passage on refugees ("They were given food") or which is
    joined to an earlier predicate by "and" ("the refugees looked weak, and were given blankets"): the pronoun,
    or the first group of people before the "and" in the clause (r36)."""
    lowers = doc_lowers(ctx.doc)
    j = start - 1
    while j > sent.start and (lowers[j].endswith("ly") or lowers[j] in ctx.lex["agentless"]["adverbs"]
                              or lowers[j] in {"been", "being", "have", "has", "had"}):
        j -= 1
    if j <= sent.start or lowers[j] not in ctx.lex["agentless"]["auxiliaries"]:
        return None
    if lowers[j - 1] == "they" and _pronoun_group(ctx, j - 1):
        return j - 1, j
    if lowers[j - 1] != "and":
        return None
    for i in range(j - 2, max(sent.start, j - 20) - 1, -1):
        if lowers[i] in {";", ":", "—"}:
            break
        found = _is_people(ctx, i, kind)
        if found:
            return found
    return None


def _states_named_r36(ctx: _Context, lo: int, hi: int) -> set[Actor]:
    """The states named from token ``lo`` to ``hi`` as a place or actor, not as where people came from (r36)."""
    lowers = doc_lowers(ctx.doc)
    found: set[Actor] = set()
    for m in ctx.by_end:
        if m.start < lo or m.end > hi:
            continue
        if m.kind == "actor" and m.actor and m.actor[0] == "Country":
            actor = m.actor
        elif m.kind == "place":
            iso = _place_country(ctx, m)
            actor = ("Country", iso) if iso else None
        else:
            continue  # a demonym names the group ("Syrian refugees"), not where they are
        if actor is None:
            continue
        k = m.start - 1 - (m.start - 1 > lo and lowers[m.start - 1] == "the")
        if k >= lo and lowers[k] in AID_PLACE_NOT_R36:
            continue
        found.add(actor)
    return found


def _origin_states_r36(ctx: _Context, sent: Span) -> set[Actor]:
    """The states the sentence names right after "from", "fled", "left" ...: where people came from (r36)."""
    lowers = doc_lowers(ctx.doc)
    out: set[Actor] = set()
    for m in ctx.by_end:
        if sent.start < m.start and m.end <= sent.end and m.actor and m.actor[0] == "Country" \
                and m.kind in {"actor", "place"}:
            k = m.start - 1 - (m.start - 1 > sent.start and lowers[m.start - 1] == "the")
            if lowers[k] in AID_PLACE_NOT_R36:
                out.add(m.actor)
    return out


def _place_state_actors_r36(ctx: _Context, actors: list[Actor], sent: Span) -> list[Actor]:
    """Actors of an agentless passive kept: not a state the sentence names as where people came from ("migrants who
    fled A were given food"), nor a state the whole story names once unless the sentence or the one before names it
    (a story state picked from one aside is no evidence; r36)."""
    before = _sentence_before(ctx, sent)
    near = _states_named_r36(ctx, before.start if before is not None else sent.start, sent.end)
    origins = _origin_states_r36(ctx, sent)
    return [x for x in actors if x not in origins and (x in near or not _named_once(ctx, x))]


def _aid_place_state_r36(ctx: _Context, sent: Span, start: int, end: int) -> list[Actor]:
    """The state people given food or shelter in an agentless passive are in: the one state the sentence names as a
    place or actor ("were given blankets in Lampedusa, Italy"), else the story's acting state, else the one state the
    sentence before names so ("200 Rohingya landed in A on Sunday. They were given food and water": A); never a
    state they came from ("from A", "fled A"), nothing when two states are named (r36)."""
    here = _states_named_r36(ctx, sent.start, sent.end)
    if here:
        return sorted(here) if len(here) == 1 else []
    story = _story_state(ctx, sent, start, end, group_needed=False)
    if story:
        return story
    before = _sentence_before(ctx, sent)
    there = _states_named_r36(ctx, before.start, before.end) if before is not None else set()
    return sorted(there) if len(there) == 1 else []


# --- round 38 (A38, Aid): shelters set up in agentless passives; repatriation flights a state organises for its
# own people; a state's transport, rail or bus operators carrying refugees; forces handing people food or fuel ---

FACILITY_SKIP_R38 = frozenset({"are", "is", "was", "were", "been", "being", "have", "has", "had", "also", "already",
                               "now", "hastily", "quickly", "swiftly", "recently", "since", "just", "newly"})
FACILITY_STOP_R38 = frozenset({",", ";", ":", "—", "–", "(", "which", "that", "while", "but", "and", "as"})


def _facility_passive_r38(ctx: _Context, start: int, sent: Span, nouns: Iterable[str]) -> bool:
    """"nine reception centres are being set up", "a tent village has been set up", "where emergency shelters
    were opened": a passive setting up of a facility, its subject (up to six words before the auxiliary, to a
    comma, "where", "which" ...) holding one of ``nouns``. "were set up to house" and "could be set up" are
    left to the realis test of the caller (r38)."""
    lowers = doc_lowers(ctx.doc)
    j = start - 1
    aux = False
    while j >= sent.start and lowers[j] in FACILITY_SKIP_R38:
        aux = aux or lowers[j] in {"are", "is", "was", "were", "been", "being"}
        j -= 1
    if not aux:
        return False
    wanted = set(nouns)
    for k in range(j, max(sent.start - 1, j - 6), -1):
        if lowers[k] in FACILITY_STOP_R38 or lowers[k] == "where":
            break
        if lowers[k] in wanted and _facility_kind_r38(lowers, k, sent.start):
            return True
    return False


FACILITY_BARE_R38 = frozenset({"shelter", "shelters", "tent", "tents", "hostel", "hostels", "dormitories", "kitchens"})
FACILITY_KINDS_R38 = frozenset({"reception", "refugee", "refugees", "transit", "emergency", "temporary", "welcome",
                                "welcoming", "accommodation", "humanitarian", "tent", "asylum", "relief", "aid",
                                "medical", "evacuation", "evacuee", "evacuees", "migrant", "migrants", "housing"})


def _facility_kind_r38(lowers: list[str], k: int, floor: int) -> bool:
    """A shelter, tent or hostel is one as it stands; a centre, camp, village or facility only with a word of its
    kind in the two words before ("reception centres", "a temporary welcome centre", "a tent village", "medical
    facilities"; not "a command centre", "a camp") (r38)."""
    if lowers[k] in FACILITY_BARE_R38:
        return True
    return not FACILITY_KINDS_R38.isdisjoint(lowers[max(floor, k - 2):k])


def _recent_state_r38(ctx: _Context, sent: Span, back: int = 2) -> list[Actor]:
    """The one state the nearest of the ``back`` sentences before names as a place or actor ("- A - Some 9,000
    people crossed the A-ian border. On Friday alone 500 came. ... nine reception centres are being set up": A),
    not as where people came from; nothing when that sentence names two (r38)."""
    k = ctx.sent_of[sent.start]
    for j in range(k - 1, max(-1, k - 1 - back), -1):
        s = ctx.sents[j]
        here = _states_named_r36(ctx, s.start, s.end) - _origin_states_r36(ctx, s)
        if here:
            return sorted(here) if len(here) == 1 else []
    return []


LOCAL_SUBJECTS_R38 = frozenset({"town", "towns", "city", "cities", "municipality", "municipalities", "village",
                                "villages", "region", "regions", "province", "provinces", "council", "councils",
                                "district", "districts", "county", "counties", "mayor", "mayors", "communities"})


FORCE_SUBJECTS_R38 = frozenset({"forces", "navy", "police", "officers", "guards", "coastguard", "coastguards", "guard",
                                "authorities", "officials", "soldiers", "troops", "military", "army", "agency",
                                "sailors", "marines", "personnel"})


def _local_subject_state_r38(ctx: _Context, start: int, sent: Span,
                             nouns: frozenset[str] = LOCAL_SUBJECTS_R38) -> list[Actor]:
    """"Border towns in A have set up halls as reception centres", "the city opened shelters": a town, city or
    region before the trigger in its clause acts for the state it lies in: the one state the sentence names as a
    place or actor, else the one the two sentences before name (r38)."""
    lowers = doc_lowers(ctx.doc)
    for k in range(start - 1, max(sent.start - 1, start - 9), -1):
        if lowers[k] in FACILITY_STOP_R38 and lowers[k] != "as":  # "towns such as X have set up ..."
            return []
        if lowers[k] in nouns:
            break
    else:
        return []
    here = _states_named_r36(ctx, sent.start, sent.end) - _origin_states_r36(ctx, sent)
    if here:
        return sorted(here) if len(here) == 1 else []
    return _recent_state_r38(ctx, sent)


OWN_PEOPLE_CUES_R38 = frozenset({"rescue", "evacuation", "evacuate", "evacuating", "evacuated", "voluntary",
                                 "voluntarily", "stranded", "stuck", "citizens", "nationals", "compatriots",
                                 "returnees", "home"})
DEPORTATION_CUES_R38 = frozenset({"deport", "deported", "deporting", "deportation", "deportations", "deportees",
                                  "expel", "expelled", "expelling", "expulsion", "removal", "removals", "removed",
                                  "rejected", "failed", "forcibly", "forced", "criminals", "convicted"})


def _own_people_flight_r38(ctx: _Context, sent: Span, actors: list[Actor]) -> list[Actor]:
    """The actors of a rescue or repatriation flight that flies their own people: the sentence holds a cue that the
    people are the organiser's ("its citizens", "stranded", "voluntary", "bring home", "wishing to return") or
    names them by its demonym ("flights organised by the A-ian authorities took 300 A-ians home"), and no word of a
    deportation ("rejected asylum seekers", "deportees": a host's removal flight); none otherwise (r38)."""
    lowers = doc_lowers(ctx.doc)
    words = set(lowers[sent.start:sent.end])
    if not words.isdisjoint(DEPORTATION_CUES_R38):
        return []
    cued = not words.isdisjoint(OWN_PEOPLE_CUES_R38) or any(
        lowers[k] in {"wanting", "wishing", "wanted", "wished", "willing"} and lowers[k + 1] == "to"
        and lowers[k + 2] in {"return", "go"} for k in range(sent.start, sent.end - 2))
    if cued:
        return actors
    demonyms = {m.actor for m in ctx.by_end if sent.start <= m.start and m.end <= sent.end and m.kind == "demonym"
                and m.actor}
    return [a for a in actors if a in demonyms]


TRANSPORT_ENTRIES_R38 = frozenset({"free_travel_r36", "aid"})  # older Aid entries whose actor may be a transport
TRANSPORT_OPERATORS_R38 = frozenset({"railways", "railway", "rail", "railroads", "trains", "train", "buses", "bus",
                                     "coaches", "ferries", "operators", "operator", "carriers", "carrier"})
TRANSPORT_MODIFIERS_R38 = frozenset({"state", "national", "state-owned", "public", "special", "rail", "railway",
                                     "train", "bus", "army", "military", "government", "the"})


def _transport_operator_state_r38(ctx: _Context, start: int, sent: Span) -> list[Actor]:
    """The states whose transport gives a ride: demonyms right before a rail, train or bus noun in the sentence
    before the trigger ("A-ian railways have offered free travel", "A-ian buses carried hundreds", "The A-ian,
    B-ian and C-ian state rail operators, as well as a private line, have provided free travel"): each listed
    demonym's state (r38). The last such noun phrase before the trigger is read."""
    lowers = doc_lowers(ctx.doc)
    for k in range(start - 1, sent.start, -1):
        if lowers[k] not in TRANSPORT_OPERATORS_R38 or lowers[k] in {"rail", "train", "bus"} and \
                lowers[k + 1] in TRANSPORT_OPERATORS_R38:
            continue
        j = k - 1
        while j > sent.start and lowers[j] in TRANSPORT_MODIFIERS_R38 and lowers[j] != "the":
            j -= 1
        found: list[Actor] = []
        while j >= sent.start:
            m = next((x for x in ctx.by_end if x.start <= j < x.end and x.kind in {"demonym", "actor"} and x.actor
                      and x.actor[0] == "Country" and x.start > sent.start - 1), None)  # "Czech state" may be one
            if m is not None:
                found.append(m.actor)
                j = m.start - 1
            elif lowers[j] in {",", "and"} and found:
                j -= 1
            else:
                break
        if found:
            return sorted(set(found))
    return []


RECIPIENT_WORDS_R38 = frozenset({"them", "it", "him", "her", "those", "boat", "boats", "vessel", "vessels", "ship",
                                 "dinghy", "group", "passengers", "survivors"})


def _supplies_recipient_r38(ctx: _Context, start: int, end: int, sent: Span) -> bool:
    """"gave the dinghy fuel", "giving them provisions", "handed food to the migrants": the words between
    the verb and the supplies (or the few after a "to") name people, a pronoun for them or their boat, and no
    state ("provided A with fuel" is aid between states) (r38)."""
    lowers, lemmas = doc_lowers(ctx.doc), doc_lemmas(ctx.doc)
    inner = range(start + 1, end - 1)
    if any(k in ctx.mention_at and ctx.mention_at[k].actor and ctx.mention_at[k].actor[0] == "Country"
           and ctx.mention_at[k].kind in {"actor", "place"} for k in inner):
        return False
    people = ctx.sets["people_words"] | ctx.sets["migrant_words"]
    if any(lowers[k] in RECIPIENT_WORDS_R38 or lemmas[k] in people for k in inner):
        return True
    if end + 1 < sent.end and lowers[end] == "to":
        return any(lowers[k] in RECIPIENT_WORDS_R38 or lemmas[k] in people
                   for k in range(end + 1, min(sent.end, end + 5)))
    return False


def _force_named_before_r38(ctx: _Context, start: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """The state of the last force or authority named with its state before the trigger in the sentence ("the A-ian
    navy said it escorted the dinghy away after handing it fuel") (r38)."""
    lowers = doc_lowers(ctx.doc)
    for m in reversed(ctx.by_end):
        if m.end > start or m.start < sent.start:
            continue
        if m.kind == "actor" and m.actor and m.actor[0] == "Country" and lowers[m.end - 1] in FORCE_SUBJECTS_R38:
            return [m.actor], m
    return [], None


NON_STATE_SPEAKERS_R38 = frozenset({"church", "churches", "charity", "charities", "group", "groups", "organisation",
                                    "organisations", "organization", "organizations", "ngo", "ngos", "diocese",
                                    "parish", "foundation", "association", "company", "firm", "mosque", "community",
                                    "network", "volunteers", "archdiocese", "bishop", "bishops", "priest", "union"})
POLITICAL_OBJECTS_R38 = frozenset({"opposition", "regime", "movement", "party", "parties", "candidate", "candidacy",
                                   "protests", "protesters", "protestors", "dissidents", "cause", "uprising",
                                   "democracy", "bid", "war", "invasion", "sovereignty", "independence"})


def _not_states_aid_r38(ctx: _Context, start: int, end: int, sent: Span, at: Mention | None) -> bool:
    """Aid read where no state gives any: "an A-ian church said it would house them" (the pronoun is the church's,
    r38), "gave firm backing and support to the B-ian opposition" (support to a political side, r38)."""
    lowers = doc_lowers(ctx.doc)
    if at is not None and at.kind == "pronoun" and at.start - 2 >= sent.start \
            and ctx.doc[at.start - 1].lemma_.lower() in {"say", "announce", "pledge", "promise", "offer", "vow"} \
            and lowers[at.start - 2] in NON_STATE_SPEAKERS_R38:
        return True
    if at is not None and at.end < sent.end and "opposition" in lowers[at.start:at.end + 1]:
        return True  # "an A-ian opposition lawmaker tried to deliver aid": no state acts
    if lowers[start] == "rescued" and start - 1 > sent.start and end < sent.end and (
            lowers[start - 1] in {"of", "the", "those", "these", "some", "many", "all"} or ctx.doc[start - 1].like_num):
        return True  # "thousands of rescued migrants": a participle describing them, no rescue told here
    if lowers[end - 1] == "support" or "support" in lowers[start:end]:
        return not POLITICAL_OBJECTS_R38.isdisjoint(lowers[end:min(sent.end, end + 6)])
    return False


LOCAL_MODIFIERS_R38 = frozenset({"the", "local", "regional", "municipal", "city", "town", "federal", "provincial",
                                 "national", "central", "state"})


def _local_body_after_by_r38(ctx: _Context, end: int, sent: Span) -> tuple[list[Actor], Mention | None]:
    """"shelters organised by the local government", "camps run by the regional authorities": the state body after
    "by" and a few lower-case modifiers, resolved to its state (r38)."""
    lowers = doc_lowers(ctx.doc)
    k = end
    while k < sent.end and k < end + 4 and lowers[k] in LOCAL_MODIFIERS_R38:
        k += 1
    if not {"local", "regional", "municipal", "city", "town", "provincial"}.isdisjoint(lowers[end:k]):
        here = _places_r38(ctx, sent)  # "the local government" of the town the sentence names: its state
        if len(here) == 1:
            return list(here), next(iter(here.values()))
    m = ctx.mention_at.get(k)
    if m is None:
        m = next((x for x in ctx.by_end if x.start < k < x.end), None)
    if m is not None and m.kind in {"body", "title"}:
        return _resolve_reference(ctx, m), m
    if m is not None and m.kind == "actor" and m.actor:
        return [m.actor], m
    return [], None


PLACE_OF_HEADS_R38 = frozenset({"state", "region", "province", "city", "town", "island", "islands", "county",
                                "district", "enclave", "port", "village", "capital"})


def _places_r38(ctx: _Context, sent: Span) -> dict[Actor, Mention]:
    """The states of the places the sentence names after "in"/"at"/"near" or "the <region noun> of" ("in Ceuta", "in
    the eastern state of B"; a place's own state for a town): where people are, not a demonym (r38)."""
    lowers = doc_lowers(ctx.doc)
    out: dict[Actor, Mention] = {}
    for m in ctx.by_end:
        if m.start <= sent.start or m.end > sent.end or m.kind not in {"place", "actor"}:
            continue
        k = m.start - 1
        ok = lowers[k] in {"in", "at", "near"} or (
            lowers[k] == "of" and k - 1 > sent.start and lowers[k - 1] in PLACE_OF_HEADS_R38)
        if not ok:
            continue
        if m.kind == "place":
            iso = _place_country(ctx, m)
            if iso:
                out.setdefault(("Country", iso), m)
        elif m.actor and m.actor[0] == "Country":
            out.setdefault(m.actor, m)
    return out


GENERIC_SUBJECT_ENTRIES_R38 = frozenset({"cover_costs_r38", "shelter_open_r38", "organise_transport_r38"})
GENERIC_STATE_NOUNS_R38 = frozenset({"state", "government", "authorities", "country"})
GENERIC_SUBJECT_GAP_R38 = frozenset({"will", "would", "shall", "continue", "continues", "continued", "to", "also",
                                     "has", "have", "had", "is", "are", "was", "were", "now", "already", "still",
                                     "then", "quickly", "swiftly", "agreed", "decided", "plans", "began", "started"})


def _generic_state_subject_r38(ctx: _Context, start: int, sent: Span) -> bool:
    """"The state keeps paying for their housing", "the government has agreed to lay on buses": the subject is
    "the state", "the government" or "the authorities" with no state named (r38)."""
    lowers = doc_lowers(ctx.doc)
    k = start - 1
    while k > sent.start and lowers[k] in GENERIC_SUBJECT_GAP_R38:
        k -= 1
    return k > sent.start and lowers[k] in GENERIC_STATE_NOUNS_R38 and lowers[k - 1] == "the" \
        and (k - 1 == sent.start or lowers[k - 2] in {",", "and", "but", "so", "\n"})


# --- round 38 (D38): deportation, detention and admission wordings ---

def _aim_mention_r38(ctx: _Context, i: int, sent: Span) -> Mention | None:
    """The mention a "to"/"into" at ``i`` leads to, past blank tokens (a doubled space in a web page's text
    tokenizes as a token of its own: "deported to  A"), and for a town followed by its country ("back to <town>, A")
    that country's: the state a measure aims at (r38)."""
    doc = ctx.doc
    k = i + 1
    while k < sent.end and doc[k].is_space:
        k += 1
    m = ctx.mention_at.get(k)
    if m is not None and m.kind == "place" and m.end + 1 < sent.end and doc[m.end].text == ",":
        nxt = ctx.mention_at.get(m.end + 1)
        if nxt is not None and nxt.kind == "actor" and nxt.actor and nxt.actor[0] == "Country":
            return nxt
    return m


def _rather_than_participle_r38(lowers: list[str], k: int, start: int) -> bool:
    """"may remain rather than expelled", "instead of deported": a participle right after "rather than" or
    "instead of" names the alternative not taken, as a gerund there does (r38)."""
    return k + 1 == start and (lowers[start].endswith(("ed", "en", "wn")) or lowers[start] in {"sent", "held"})


HOSTED_COUNT_CUES_R38 = frozenset({"will", "would", "agreed", "agree", "agrees", "offered", "offer", "offers", "to",
                                   "pledged", "pledge", "promised", "promise", "plans", "planned", "decided", "ready",
                                   "prepared", "willing", "'ll", "’ll", "shall"})
"""Words before "host" that make hosting a decision ("agreed to host 500 refugees"), not a count of people present."""


def _hosted_count_r38(ctx: _Context, sent: Span, start: int, target: tuple[int, int] | None) -> bool:
    """"A, which hosts about 4 million refugees", "B is hosting more than 20,000 refugees": a number of people a
    state has present describes it, as "received 5,000 migrants" counts arrivals; no admission is stated unless a
    decision word stands before ("agreed to host 500 refugees") (r38)."""
    if target is None or target[0] <= start:
        return False
    doc = ctx.doc
    if not any(t.like_num or t.lower_ in {"million", "millions", "thousands", "hundreds", "dozens"}
               for t in doc[start + 1:target[0] + 1]):
        return False
    return HOSTED_COUNT_CUES_R38.isdisjoint(doc_lowers(doc)[max(sent.start, start - 5):start])


def _taken_back_to_r38(ctx: _Context, start: int, end: int, sent: Span) -> bool:
    """"were taken back to A", "took them back across the border": "take back" with a place of return after it moves
    people back, it takes no one in (r38)."""
    doc = ctx.doc
    if doc[start].lemma_.lower() != "take":
        return False
    for i in range(start + 1, min(sent.end - 1, end + 4)):
        if doc[i].lower_ == "back":
            return doc[i + 1].lower_ in {"to", "into", "across", "over", "out"}
    return False


def _state_after_to_r38(ctx: _Context, end: int, sent: Span) -> bool:
    """A state named right after "to"/"into" after an agentless admission ("were admitted to A"): the state entered
    admits them, not the story's state (r38)."""
    doc = ctx.doc
    for i in range(end - 1, min(sent.end - 1, end + 3)):
        if doc[i].lower_ in {"to", "into"}:
            m = _aim_mention_r38(ctx, i + (doc[i + 1].lower_ == "the"), sent)
            return m is not None and m.kind == "actor" and bool(m.actor) and m.actor[0] == "Country"
    return False


def _place_inside_r38(ctx: _Context, start: int, end: int, actors: list[Actor], at: Mention | None
                      ) -> tuple[list[Actor], Mention | None]:
    """"were being held in <town> in a facility": a place after "in" inside the match is where people are held, the
    measure of the state it lies in, before any state the story names (r38); an agent found after the match stays."""
    if at is not None and at.start >= end:
        return actors, at
    doc = ctx.doc
    for i in range(start + 1, end - 1):
        if doc[i].lower_ not in {"in", "at", "on"}:
            continue
        m = ctx.mention_at.get(i + 1 + (doc[i + 1].lower_ == "the"))
        if m is None:
            continue
        if m.kind == "actor" and m.actor and m.actor[0] == "Country":
            return [m.actor], m
        if m.kind == "place":
            iso = _place_country(ctx, m)
            if iso:
                return [("Country", iso)], m
    return actors, at


def _sentence_state_r38(ctx: _Context, sent: Span, actors: list[Actor]) -> list[Actor]:
    """An agentless detention read as the story's state, in a sentence that names one other state as a place or
    actor and none as where people came from ("had no papers to stay in A and were taken into custody"): people
    are held where they are, A (r38)."""
    if actors and _according_to_state(ctx, sent) in actors:
        return actors  # "..., according to the A-ian border agency": the figures' own state (r31)
    here = _placed_states_r38(ctx, sent) - _origin_states_r36(ctx, sent) - _aimed_states_r38(ctx, sent) \
        - _border_namers_r38(ctx, sent)
    return sorted(here) if len(here) == 1 and not here & set(actors) else actors  # none found: the one state named


LOCATIVE_WORDS_R38 = frozenset({"in", "at", "near", "inside", "within", "across", "outside", "on"})


def _placed_states_r38(ctx: _Context, sent: Span) -> set[Actor]:
    """The states the sentence names as where people are: a place's state ("near <capital of A>", "in <region of
    A>") or a state after "in", "at", "near" ...; not a state acting or owning ("A's poet said they would be held")
    (r38)."""
    lowers = doc_lowers(ctx.doc)
    out: set[Actor] = set()
    for m in ctx.by_end:
        if not (sent.start <= m.start and m.end <= sent.end):
            continue
        if m.kind == "place":
            iso = _place_country(ctx, m)
            if iso:
                out.add(("Country", iso))
            continue
        k = m.start - 1 - (m.start - 1 > sent.start and lowers[m.start - 1] == "the")
        if m.kind == "actor" and m.actor and m.actor[0] == "Country" and k >= sent.start \
                and lowers[k] in LOCATIVE_WORDS_R38:
            out.add(m.actor)
    return out


def _border_namers_r38(ctx: _Context, sent: Span) -> set[Actor]:
    """States naming a border or a pair ("the A-B border", "the A border", "A-B relations"): a frontier's name, not
    where people are held (r38)."""
    doc = ctx.doc
    heads = ctx.sets["state_org_heads"]
    out: set[Actor] = set()
    for m in ctx.by_end:
        if not (sent.start <= m.start and m.end <= sent.end and m.actor and m.actor[0] == "Country"):
            continue
        nxt = doc[m.end].lower_ if m.end < sent.end else ""
        if nxt in OWNED_FRONTIERS and m.end + 1 < sent.end and doc[m.end + 1].lower_ in heads:
            continue  # "A border officials", "A border police": A's own body
        if nxt in {"-", "–"} or nxt in OWNED_FRONTIERS or (m.start > sent.start and doc[m.start - 1].text in {
                "-", "–"}) or (m.start - 2 >= sent.start and doc[m.start - 1].lower_ == "with"
                               and doc[m.start - 2].lower_ in OWNED_FRONTIERS):
            out.add(m.actor)  # "the A-B border", "the A border", "the border with A"
    return out


AIMED_WORDS_R38 = frozenset({"to", "into", "towards", "toward", "for", "reach", "reaching", "enter", "entering"})


def _aimed_states_r38(ctx: _Context, sent: Span) -> set[Actor]:
    """The states the sentence names right after "to", "into", "for", "reach" ...: where people were going ("held on
    their way to A"), not where they are (r38)."""
    lowers = doc_lowers(ctx.doc)
    out: set[Actor] = set()
    for m in ctx.by_end:
        if sent.start < m.start and m.end <= sent.end and m.actor and m.actor[0] == "Country" \
                and m.kind in {"actor", "place"}:
            k = m.start - 1 - (m.start - 1 > sent.start and lowers[m.start - 1] == "the")
            if lowers[k] in AIMED_WORDS_R38:
                out.add(m.actor)
    return out


def _they_group_r38(ctx: _Context, start: int, sent: Span) -> bool:
    """"they will be transferred", "they were later held": "they" as the subject of the passive, past auxiliaries,
    modals and adverbs, in a sentence (or after one) on migrants or refugees (r38)."""
    lowers = doc_lowers(ctx.doc)
    words = ctx.lex["agentless"]
    j = start - 1
    while j > sent.start and (lowers[j] in words["auxiliaries"] or lowers[j] in words["adverbs"] or lowers[j] in {
            "will", "would", "have", "has", "had", "be"} or lowers[j].endswith("ly")):
        j -= 1
    return j < start - 1 and lowers[j] == "they" and _pronoun_group(ctx, j)


def _to_be_announced_r38(lowers: list[str], j: int, lo: int) -> int:
    """"N people are to be admitted", "refugees will continue to be admitted": "is/are to be" and "will/would
    continue to be" announce a measure as "will be" does; the index of "is/are/will", else -1 (r38)."""
    if lowers[j] != "to" or j - 1 <= lo:
        return -1
    if lowers[j - 1] in {"is", "are"}:
        return j - 1
    if lowers[j - 1] == "continue" and lowers[j - 2] in {"will", "would", "shall"}:
        return j - 2
    return -1


CONDITIONAL_OPENERS_R38 = frozenset({"if", "unless", "whether", "once", "until"})


def _conditional_opener_r38(lowers: list[str], start: int, sent: Span) -> bool:
    """A noun phrase opened by a conditional word at most six words before it, or by a sentence-opening "When"
    ("If deportation flights go ahead", "when, if ever, a removal flight leaves"): a case or a
    prospect (r38)."""
    lo = max(sent.start, start - 6)
    return not CONDITIONAL_OPENERS_R38.isdisjoint(lowers[lo:start]) or (
        sent.start >= lo and lowers[sent.start] == "when")


FINITE_AFTER_R38 = frozenset({"were", "was", "are", "is", "have", "has", "had", "will", "would", "can", "could",
                              "say", "said", "says", "told", "filed", "remain", "remained", "remains", "face", "faced",
                              "wait", "waited", "described", "reported", "complained"})


def _finite_after_r38(ctx: _Context, end: int, sent: Span) -> bool:
    """"asylum seekers returned to A filed a suit": a verb of the group's own after the participle's phrase, before
    a comma, makes "returned" a reduced relative (a return); with none it is the group's own verb (r38)."""
    lowers = doc_lowers(ctx.doc)
    for i in range(end, sent.end):
        if lowers[i] in {",", ";", ":", "—", "–"}:
            return False
        if lowers[i] in FINITE_AFTER_R38:
            return True
    return False


def _entered_state_r38(ctx: _Context, sent: Span, actors: list[Actor]) -> list[Actor]:
    """An agentless admission with no state or the story's: the one state the sentence names as where people go
    ("barred from entering A, while others are admitted", "those heading to A were admitted"), else ``actors``
    (r38)."""
    aimed = _aimed_states_r38(ctx, sent)
    return sorted(aimed) if len(aimed) == 1 else actors


# --- round 39 (B39): admission, aid, relocation and visa wordings ---

R39_CLAUSE_BREAKS = frozenset({"which", "that", "who", ";", ":", "and", "but", "was", "were", "is", "are", "has",
                               "have", "had", "will", "would"})
R39_OWNER_VERBS = OWNER_CLAUSE_VERBS | {"launch", "unveil", "approve", "agree", "sign", "establish", "create", "open"}


def _later_relative_owner_r39(ctx: _Context, end: int, sent: Span) -> Mention | None:
    """"a ban on visas for A-ians, which B introduced in May", "the waiver for C-ians, which D signed": a noun
    trigger, its group (a few words, no clause), then a relative clause whose subject is a state and whose verb
    introduces or provides the measure: that state's measure (r39)."""
    doc = ctx.doc
    lowers = doc_lowers(doc)
    stop = min(sent.end - 3, end + 7)
    i = end
    while i < stop and lowers[i] != ",":
        if lowers[i] in R39_CLAUSE_BREAKS:
            return None  # another clause before the relative one
        i += 1
    if i >= stop or lowers[i] != "," or lowers[i + 1] not in {"which", "that"}:
        return None
    k = i + 2
    if lowers[k] == "the":
        k += 1
    m = ctx.mention_at.get(k)
    if m is None or m.start != k or m.kind != "actor" or not m.actor or m.actor[0] != "Country":
        return None
    k = m.end
    while k < sent.end and k - m.end < 2 and lowers[k] in OWNER_CLAUSE_AUXILIARIES:
        k += 1
    if k >= sent.end or not doc[k].is_lower or doc[k].lemma_.lower() not in R39_OWNER_VERBS:
        return None
    return m


R39_PLAN_NOUNS = frozenset({"plan", "plans", "intention", "intentions"})
R39_ENTRY_VERBS = frozenset({"enter", "visit", "travel"})


def _no_plan_r39(doc: Doc, i: int) -> bool:
    """"has no plans to stop issuing visas", "no immediate plans to": "no" before a plan noun and "to" negates the
    measure as "no longer" does (r39)."""
    k = i + 1
    if k < len(doc) and doc[k].lower_ in {"immediate", "current", "further"}:
        k += 1
    return k + 1 < len(doc) and doc[k].lower_ in R39_PLAN_NOUNS and doc[k + 1].lower_ == "to"


def _to_enter_r39(doc: Doc, i: int) -> bool:
    """"do not need a visa to enter A": the state after "to enter" is the one letting them in (r39)."""
    return doc[i].lower_ == "to" and i + 1 < len(doc) and doc[i + 1].lower_ in R39_ENTRY_VERBS


def _no_plan_before_r39(doc: Doc, i: int, lo: int) -> bool:
    """"no plans to <stop>" just before the word at ``i`` (r39)."""
    return any(doc[k].lower_ == "no" and _no_plan_r39(doc, k) for k in range(max(lo, i - 4), i - 1))


# --- round 39 (A39): asylum restriction and offer, over the paradigm of their wordings ---
ASYLUM_TYPES_R39 = frozenset({"AsylumRestriction", "AsylumOffer"})
UNREAL_CUES_R39 = FEAR_NOUNS_R38 | frozenset({"hope", "hopes", "hoped", "hoping"})
ENDED_BY_R39 = frozenset({"lift", "lifted", "lifts", "lifting", "end", "ended", "ends", "ending", "scrap", "scrapped",
                          "rescind", "rescinded", "revoke", "revoked", "drop", "dropped", "repeal", "repealed"})
FEARED_MODALS_R39 = PROSPECT_MODALS_R38 | {"will", "shall", "'ll", "’ll", "wo"}
HALT_NOUNS_R39 = frozenset({"freeze", "suspension", "ban", "moratorium", "halt", "pause", "cap", "ceiling", "limit",
                            "limits", "restriction", "restrictions", "curbs", "curb"})
RESUMED_R39 = frozenset({"resume", "resumes", "resumed", "resuming", "reopen", "reopened", "restore", "restored"})
REFUSING_LEADS_R39 = frozenset({"refuse", "refused", "refuses", "refusing", "decline", "declined", "declines",
                                "declining", "reject", "rejected", "rejects", "rejecting"})
RESTRICTING_LEMMAS_R39 = frozenset({"suspend", "halt", "stop", "end", "restrict", "limit", "curb", "tighten", "ban",
                                    "bar", "cap", "scrap", "close", "freeze", "pause", "deny", "reject", "refuse"})
PROSPECT_OPENERS_R39 = frozenset({"if", "unless", "should"})
CLAUSE_BREAKS_R39 = CLAUSE_MARKS | {".", "and", "but", "or"}


def _asylum_unreal_r39(ctx: _Context, sent: Span, start: int, end: int) -> bool:
    """An asylum trigger that states no measure taken (r39): one others fear or hope for, with a modal ("migrants
    fear A will stop accepting claims", "she hoped A would grant asylum"); a restriction the clause ends ("lifted
    the one-month freeze", "resumed processing"); a refusal that leads a match holding another verb ("refused to
    suspend asylum": the inner "suspend asylum" is then read, and negated); a prospect opened by "if" with a modal of
    chance ("If ..., A could suspend asylum"); the group's own past ("Xs whose asylum claims were rejected")."""
    lows = doc_lowers(ctx.doc)
    if start > sent.start and lows[start - 1] == "whose":
        return True
    if lows[start] in REFUSING_LEADS_R39 and start + 1 < end and lows[start + 1] == "to" and \
            not RESTRICTING_LEMMAS_R39.isdisjoint(doc_lemmas(ctx.doc)[start + 2:end]):
        return True
    if not RESUMED_R39.isdisjoint(lows[start:end]):
        return True
    k = start - 1
    lo = max(sent.start, start - 10)
    while k >= lo and lows[k] not in CLAUSE_MARKS:
        if lows[k] in UNREAL_CUES_R39 and not FEARED_MODALS_R39.isdisjoint(lows[k + 1:start]):
            return True  # "fear A will stop ...", "hoped A would grant ..." (not "worried about the lapse of")
        k -= 1
    for k in range(start - 1, max(sent.start, start - 7) - 1, -1):
        if lows[k] in CLAUSE_BREAKS_R39:
            break
        if lows[k] in ENDED_BY_R39 and k < start - 1 and lows[start] in HALT_NOUNS_R39:
            return True  # "lifted the one-month freeze" ("ended the freeze" is read by the ending governor)
    if lows[sent.start] in PROSPECT_OPENERS_R39 and "," in lows[sent.start:start] and not \
            PROSPECT_MODALS_R38.isdisjoint(lows[max(sent.start, start - 2):start]):
        return True
    return False


UNHEARD_VERBS_R39 = frozenset({"hearing", "considering", "processing", "examining", "assessing", "registering",
                               "reviewing", "letting", "allowing", "permitting", "giving", "offering", "chance",
                               "opportunity", "right", "possibility", "access"})
UNHEARD_DENIALS_R39 = frozenset({"denied", "deny", "denies", "denying", "denial"})
UNHEARD_CLAIMS_R39 = frozenset({"asylum", "protection"})
ASKERS_R39 = frozenset({"they", "he", "she", "people", "migrants", "those", "some", "many"})
ASKING_R39 = frozenset({"ask", "asks", "asked", "request", "requests", "requested", "apply", "applies", "applied",
                        "seek", "seeks", "sought", "claim", "claims", "claimed", "want", "wants", "express",
                        "expresses", "have", "had", "are", "were", "file", "files", "say", "says"})
WAITING_WORDS_R39 = frozenset({"while", "until", "pending"})
CLAIM_NOUNS_R39 = frozenset({"claims", "claim", "cases", "case", "applications", "application", "requests"})
DECIDED_R39 = frozenset({"processed", "examined", "heard", "decided", "assessed", "considered", "reviewed",
                         "processing", "review", "decision", "decisions"})
RETURN_TYPES_R39 = frozenset({"Deportation", "EntryBan"})


def _returned_unheard_r39(doc: Doc, policies: list[Policy]) -> list[Policy]:
    """A return or refusal of entry carried out over people's claims ("expelled them to X without hearing their
    asylum claims", "pushed back and denied any chance to seek asylum", "turn back migrants, even if they ask
    for asylum") also restricts asylum: the same actor's AsylumRestriction, from the cue after the return's words
    in its sentence (r39; the actor of the return is already resolved, so a state named in between, "to Belarus",
    is not taken for it)."""
    have = {(p.actor_kind, p.actor_key) for p in policies if p.policy_type == "AsylumRestriction"}
    out: list[Policy] = []
    lows = doc_lowers(doc)
    for p in policies:
        if p.policy_type not in RETURN_TYPES_R39 or (p.actor_kind, p.actor_key) in have:
            continue
        ev = p.evidence
        whole = doc.char_span(ev.sentence_start, ev.sentence_end, alignment_mode="expand")
        if whole is not None and _health_order_r39(lows, whole.start, whole.end):
            have.add((p.actor_kind, p.actor_key))  # "expelled them under a pandemic health rule"
            out.append(replace(p, policy_type="AsylumRestriction", confidence=None))
            continue
        tail = doc.char_span(ev.end, ev.sentence_end, alignment_mode="expand")
        if tail is None or (UNHEARD_CLAIMS_R39.isdisjoint(lows[tail.start:tail.end]) and
                            WAITING_WORDS_R39.isdisjoint(lows[tail.start:tail.end])):
            continue
        cue = None
        for i in range(tail.start, tail.end - 1):
            w = lows[i]
            if w == "without" and not UNHEARD_VERBS_R39.isdisjoint(lows[i + 1:i + 4]):
                cue = i
            elif w in UNHEARD_DENIALS_R39 and not UNHEARD_VERBS_R39.isdisjoint(lows[i + 1:i + 5]):
                cue = i
            elif w in WAITING_WORDS_R39 and not CLAIM_NOUNS_R39.isdisjoint(lows[i + 1:i + 5]) and not \
                    DECIDED_R39.isdisjoint(lows[i + 2:i + 8]):
                cue = i  # "sent to B while their claims are examined": they wait there (no "asylum" needed)
                break
            elif w == "even" and lows[i + 1] in {"if", "when", "though"} and i + 3 < tail.end and \
                    lows[i + 2] in ASKERS_R39 and lows[i + 3] in ASKING_R39:
                cue = i  # "even if they ask for asylum", not a clause on what a policy costs
            if cue is not None:
                if UNHEARD_CLAIMS_R39.isdisjoint(lows[cue + 1:cue + 9]):
                    cue = None
                    continue
                break
        if cue is None:
            continue
        have.add((p.actor_kind, p.actor_key))
        stop = min(tail.end, cue + 9)
        evidence = evidence_for(doc, ev.start, doc[stop - 1].idx + len(doc[stop - 1]), EXTRACTOR)
        out.append(replace(p, policy_type="AsylumRestriction", evidence=evidence, trigger=doc[cue:stop].text,
                           confidence=None))
    return out


HEALTH_WORDS_R39 = frozenset({"pandemic", "health", "covid", "covid-19", "coronavirus", "epidemic"})
ORDER_WORDS_R39 = frozenset({"rule", "rules", "order", "orders", "policy", "law", "powers", "authority", "measure",
                             "provision", "emergency"})


def _health_order_r39(lows: list[str], lo: int, hi: int) -> bool:
    """A return sentence naming a public-health order ("under a pandemic health rule", "a public health order lets
    agents expel them"): such expulsions skip the asylum claim, an AsylumRestriction besides the return (r39)."""
    for i in range(lo, hi - 1):
        if lows[i] in HEALTH_WORDS_R39 and not ORDER_WORDS_R39.isdisjoint(lows[i + 1:i + 3]):
            return True
    return False


# --- round 39b (U39): story types: voluntary returns, third parties' orders and talks, feared closures,
# hand-overs to a state's own authorities ---

VOLUNTARY_WORDS_R39B = frozenset({"voluntary", "voluntarily"})
WILLING_WORDS_R39B = frozenset({"wanting", "wishing", "wanted", "wished", "willing", "asked", "asking", "want", "wish",
                                "chose", "opted"})
GOING_HOME_R39B = frozenset({"return", "go", "come"})
RETURN_TRIGGER_WORDS_R39B = ("repatriat", "return", "home")
INTL_COURT_WORDS_R39B = frozenset({"ecthr", "echr", "european", "international", "rights", "un", "u.n."})
COURT_NOUNS_R39B = frozenset({"court", "tribunal", "ecthr", "echr"})
ORDER_VERBS_R39B = frozenset({"ordered", "orders", "order", "told", "instructed", "required", "obliged", "urged"})
TALKS_NOUNS_R39B = frozenset({"talks", "negotiations", "discussions", "negotiating", "consultations"})
FEAR_NOUNS_R39B = frozenset({"fears", "fear", "feared", "fearing", "rumours", "rumors", "speculation", "worries",
                             "worried", "concerns"})
CLOSURE_TYPES_R39B = frozenset({"EntryBan", "FlightBan", "BorderBarrier"})
SANCTION_MOTIVES_R39B = frozenset({"response", "retaliation", "retaliate", "retaliating", "revenge", "reverse",
                                   "reversing", "lift", "lifting", "ease", "easing", "scrap", "scrapping"})
OWN_AUTHORITIES_R39B = frozenset({"authorities", "police", "officials", "officers", "immigration", "custody"})


def _story_types_r39b(doc: Doc, policies: list[Policy]) -> list[Policy]:
    """Policies whose sentence says their type is not the actor's measure (round 39b):
    - a repatriation of people who want to go home ("flew home those of its citizens wishing to go back", "a voluntary
      repatriation flight") is help with transport (Aid), not a removal, when no deportation word is in the sentence;
    - a measure an international court orders a state to take ("the European court ordered the A-ian authorities
      to let them stay") or that a state is in talks with others for ("in talks with countries to accept them")
      is a demand or a prospect, not the state's measure;
    - a closure under a fear or a rumour ("fears that A may close its borders") or after "no decision" is none;
    - people handed over to a state's own authorities or police are no manhunt;
    - sanctions named as the motive of another state's act ("in retaliation for sanctions") are none."""
    if not policies:
        return policies
    lows = doc_lowers(doc)
    out: list[Policy] = []
    aid = {(p.actor_kind, p.actor_key) for p in policies if p.policy_type == "Aid"}
    for p in policies:
        kind = p.policy_type
        if kind not in {"Deportation", "Admission", "Aid", "Relocation", "Manhunt", "Sanction"} and \
                kind not in CLOSURE_TYPES_R39B:
            out.append(p)
            continue
        ev = p.evidence
        trig = doc.char_span(ev.start, ev.end, alignment_mode="expand")
        whole = doc.char_span(ev.sentence_start, ev.sentence_end, alignment_mode="expand")
        if trig is None or whole is None:
            out.append(p)
            continue
        lo, start, end, hi = whole.start, trig.start, trig.end, whole.end
        words = (p.trigger or "").lower().split()
        if words:  # the evidence runs from the actor to the target: find the trigger's words in it
            at = next((k for k in range(start, end) if lows[k] == words[0]), None)
            if at is not None:
                start, end = at, min(end, at + len(words))
        before = lows[max(lo, start - 12):start]
        if kind == "Deportation" and any(w in (p.trigger or "").lower() for w in RETURN_TRIGGER_WORDS_R39B) and \
                DEPORTATION_CUES_R38.isdisjoint(lows[lo:hi]) and _voluntary_return_r39b(lows, lo, hi):
            if (p.actor_kind, p.actor_key) not in aid:
                aid.add((p.actor_kind, p.actor_key))
                out.append(replace(p, policy_type="Aid", confidence=None))
            continue  # "chartered a flight home for citizens wishing to go back": a ride, no removal
        if _ordered_by_court_r39b(lows, lo, start) or (
                kind in {"Admission", "Relocation", "Deportation"} and _in_talks_r39b(before)):
            continue
        if kind in CLOSURE_TYPES_R39B and _feared_r39b(before):
            continue
        if kind == "Sanction" and not SANCTION_MOTIVES_R39B.isdisjoint(lows[max(lo, start - 6):start]):
            continue  # "in retaliation for sanctions", "to press the bloc into lifting its sanctions": the motive
            # of another state's act, not a measure on migration
        if kind == "Manhunt" and "over" in lows[start:end] and "to" in lows[end:end + 2] and \
                not OWN_AUTHORITIES_R39B.isdisjoint(lows[end:min(hi, end + 4)]):
            continue  # "were passed, handed over to the border police": a transfer inside the state
        out.append(p)
    return out


def _voluntary_return_r39b(lows: list[str], lo: int, hi: int) -> bool:
    if not VOLUNTARY_WORDS_R39B.isdisjoint(lows[lo:hi]):
        return True
    return any(lows[k] in WILLING_WORDS_R39B and lows[k + 1] == "to" and lows[k + 2] in GOING_HOME_R39B
               for k in range(lo, hi - 2))


def _ordered_by_court_r39b(lows: list[str], lo: int, start: int) -> bool:
    """An international court's order before the trigger ("the European court ordered A to admit them")."""
    for k in range(start - 1, max(lo, start - 14) - 1, -1):
        if lows[k] in ORDER_VERBS_R39B:
            for c in range(k - 1, lo - 1, -1):
                if lows[c] in COURT_NOUNS_R39B and (lows[c] in {"ecthr", "echr"} or
                                                    not INTL_COURT_WORDS_R39B.isdisjoint(lows[max(lo, c - 4):c])):
                    return True
            return False
    return False


def _in_talks_r39b(before: list[str]) -> bool:
    """"is in talks with countries in the region to accept": the partners would take the measure, if any."""
    return any(w in TALKS_NOUNS_R39B and "with" in before[i + 1:i + 3] for i, w in enumerate(before))


def _feared_r39b(before: list[str]) -> bool:
    """"fears that A may close its borders", "rumours that A might shut", "no decision yet on closing"."""
    for i, w in enumerate(before):
        if w in FEAR_NOUNS_R39B and ("that" in before[i + 1:i + 3] or "of" in before[i + 1:i + 2]) and \
                not PROSPECT_MODALS_R38.isdisjoint(before[i + 1:]):
            return True
        if w == "no" and i + 1 < len(before) and before[i + 1] in {"decision", "decisions", "plan", "plans"}:
            return True
    return False


QUOTE_OPENERS_R39B = frozenset({'"', "“", "‘", "'"})


def _quoted_after_be_r39b(doc: Doc, i: int, start: int) -> bool:
    """"would not be, “granting asylum to ...": the comma only opens a quotation of the negated verb (round 39b):
    between the negator and the trigger stand just a form of "be", the comma and the opening mark."""
    between = [t.text for t in doc[i + 1:start]]
    return len(between) >= 2 and between[-1] in QUOTE_OPENERS_R39B and between[-2] == "," and all(
        w.lower() in {"be", "been", "being"} for w in between[:-2])


SUBORDINATORS_R39B = frozenset({"since", "after", "following", "when", "as", "before", "until"})
SPEECH_VERBS_R39B = frozenset({"said", "say", "says", "told", "reported", "reports", "estimated", "estimates"})


def _host_state_r39b(ctx: _Context, start: int, end: int, sent: Span, actors: list[Actor],
                     at: Mention | None) -> bool:
    """A call-up's one state found is the story's host, not the state calling men up (round 39b): named before a
    "since"/"after" clause that holds the call-up ("arrivals in A doubled since the leader announced a
    mobilisation") or as the reporter after it ("..., A-ian officials say", "A's president says")."""
    if at is None or len(actors) != 1 or actors[0] is None or actors[0][0] != "Country":
        return False
    lows = doc_lowers(ctx.doc)
    if at.end <= start:
        return not SUBORDINATORS_R39B.isdisjoint(lows[at.end:start])
    return at.start >= end and not SPEECH_VERBS_R39B.isdisjoint(lows[at.end:min(sent.end, at.end + 5)])


def _called_up_group_r39b(ctx: _Context, start: int, sent: Span, actors: list[Actor], at: Mention | None
                          ) -> tuple[list[Actor], Mention | None]:
    """The state of the people of another nationality nearest the call-up in its sentence ("Xs ... since the
    leader announced a call-up"), as ``_called_up_state`` reads them, with no context word needed (the host's
    clause was found by ``_host_state_r39b``); else what was found."""
    best = None
    lemmas = doc_lemmas(ctx.doc)
    for m in ctx.mentions:
        if not (sent.start <= m.start < sent.end) or m.kind != "demonym" or not m.actor \
                or m.actor[0] != "Country" or m.actor in actors:
            continue
        people = _is_people(ctx, m.start, None)
        if people is None or not ARMED_NOUNS.isdisjoint(lemmas[m.end:people[1]]):
            continue
        if best is None or abs(m.start - start) < best[0]:
            best = (abs(m.start - start), m)
    return ([best[1].actor], best[1]) if best else (actors, at)


# --- round 40 (R40): crowded sentences, protection and admission policies: comma asides between a subject state
# and its verb ("A, despite pressure from B, has let in ...", "A, on Monday, in a decision that angered B,
# suspended ...") name no actor and carry no demand on the subject ---

ASIDE_OPENERS_R40 = frozenset({
    "which", "who", "whose", "where", "despite", "after", "before", "following", "amid", "under", "with", "without",
    "since", "as", "in", "on", "at", "for", "during", "through", "among", "like", "unlike", "once", "already", "long",
    "one", "still", "itself", "home", "now", "the", "a", "an", "its", "their", "together", "along", "having",
    "facing", "citing", "backed", "by", "while", "though", "although", "even", "until", "over", "this", "last",
    "earlier", "later", "too", "also", "meanwhile", "however", "then",
})
ASIDE_SUBJECT_KINDS_R40 = frozenset({"actor", "body", "title"})


def _subject_asides_r40(ctx: _Context, lo: int, start: int) -> list[tuple[int, int]]:
    """(opening comma, closing comma) of each aside between lo and start that follows a state, organisation or
    body named as a subject (or the aside before it) and opens with a relative, a preposition, a time word or a
    determiner: "A, which shares a border with B, ...", "A, after talks with B and C, ...", "A, on Monday, in a
    decision that angered B, ...", "UNHCR, the UN refugee agency, ...". A comma followed by a name or "and"/"or"
    continues a list inside the aside ("which borders B, C and D,"); an aside needs its closing comma before
    start, and a name right after the closing comma ("A, after talks, B agreed") makes it none (r40)."""
    lowers = doc_lowers(ctx.doc)
    if "," not in lowers[lo:start]:
        return []
    out: list[tuple[int, int]] = []
    k = lo
    while k < start - 2:
        if lowers[k] != "," or not (_subject_end_r40(ctx, lo, k) or (out and out[-1][1] == k)) or not (
                lowers[k + 1] in ASIDE_OPENERS_R40 or (lowers[k + 1].endswith("ing") and len(lowers[k + 1]) > 5)):
            k += 1
            continue
        close = None
        j = k + 2
        while j < start:
            low = lowers[j]
            if low in {";", ":"} or low in DASHES:
                break
            if low == ",":
                nxt = ctx.mention_at.get(j + 1)
                if (nxt is not None and nxt.kind == "actor") or lowers[j + 1] in {"and", "or"}:
                    j += 1  # "which borders B, C and D,": the list goes on inside the aside
                    continue
                close = j
                break
            j += 1
        if close is None:
            k += 1
            continue
        out.append((k, close))
        k = close
    return out


def _subject_end_r40(ctx: _Context, lo: int, k: int) -> bool:
    """A state, organisation, body or title mention (starting at lo or after) ends right before token k."""
    m = ctx.mention_at.get(k - 1)
    return m is not None and m.end == k and m.start >= lo and m.kind in ASIDE_SUBJECT_KINDS_R40


def _in_aside_r40(asides: list[tuple[int, int]], i: int) -> bool:
    return any(a < i < b for a, b in asides)


CLAUSE_JOINERS_R40 = frozenset({"and", "but", "while", "whereas", "yet"})
NEW_CLAUSE_LEFT_R40 = CLAUSE_JOINERS_R40 | {"as", "or"}
CLAUSE_VERB_STARTS_R40 = frozenset({
    "will", "would", "has", "have", "had", "is", "was", "are", "were", "can", "could", "may", "might", "must",
    "shall", "should", "also", "plans", "planned", "said", "says", "agreed", "agrees", "announced", "decided",
    "then", "later", "itself", "too", "now", "already", "recently", "promised", "pledged", "intends", "wants",
})


def _new_clause_subjects_r40(ctx: _Context, m: Mention, start: int) -> list[Actor]:
    """"A will extend checks at its borders with B and C, and D will stop hearing claims", "..., as E and F also
    offered protection": a state (or a list of them) after a comma and a clause joiner, followed by its verb (an
    auxiliary, a modal or the trigger itself), opens a new clause and is its subject, not the last name of the list
    before it (r40)."""
    doc = ctx.doc
    if m.kind != "actor" or not m.actor:
        return []
    if m.end != start and (doc[m.end].lower_ not in CLAUSE_VERB_STARTS_R40 or start - m.end > 8
                           or any(t.is_punct for t in doc[m.end:start])
                           or any(i in ctx.mention_at for i in range(m.end, start))):
        return []
    first = m
    if m.start >= 2 and doc[m.start - 1].lower_ in {"and", "or"} and doc[m.start - 2].text != ",":
        group = [x for x in ctx.coordinated(m, start) if x.start <= m.start]
        first = group[0] if group else m
        if any(doc[x.end].text == "," for x in group[:-1]):
            return []  # "A, B and C": a comma list is read as before
    else:
        group = [m]
    if first.start < 2 or doc[first.start - 2].text != "," or doc[first.start - 1].lower_ not in (
            CLAUSE_JOINERS_R40 | {"as"}):
        return []
    return [x.actor for x in group if x.actor]


STAY_WORDS_R40 = frozenset({"enter", "stay", "travel", "come"})
MONEY_WORDS_R40 = frozenset({"million", "billion", "millions", "billions", "bn", "m", "euros", "dollars", "pounds"})
AMOUNT_SIGNS_R40 = frozenset({"$", "€", "£", "¥", "us$"})


def _gapped_donors_r40(ctx: _Context, start: int, end: int, sent: Span) -> list[Actor]:
    """"A pledged 200 million euros, B 500 million and C 100 million dollars": the donors after a pledge of money
    whose verb is left out, each a state or organisation right before an amount (after a comma or "and") (r40)."""
    lowers = doc_lowers(ctx.doc)
    if MONEY_WORDS_R40.isdisjoint(lowers[start:end]) and not any(c.isdigit() for c in ctx.doc[start:end].text):
        return []
    out: list[Actor] = []
    i = end
    while i < sent.end - 2:
        low = lowers[i]
        if low in {";", ":"} or low in DASHES:
            break
        if low in {",", "and"}:
            k = i + 1
            if k < sent.end and lowers[k] in {"and", "the"}:
                k += 1
            if k < sent.end and lowers[k] == "the":
                k += 1
            m = ctx.mention_at.get(k)
            if m is not None and m.kind == "actor" and m.actor and m.end < sent.end and (
                    ctx.doc[m.end].like_num or lowers[m.end] in AMOUNT_SIGNS_R40
                    or (lowers[m.end] in {"another", "a", "an"} and m.end + 1 < sent.end
                        and ctx.doc[m.end + 1].like_num)):
                out.append(m.actor)
                i = m.end
                continue
        i += 1
    return out


def _visa_free_over_admission_r40(policies: list[Policy]) -> list[Policy]:
    """"A lets Xs enter without a visa": one measure, the visa-free entry; the Admission the same actor gets from
    "let ... enter" in the same sentence is dropped; so is a grant of "the right to live and to work" beside the same
    actor's grant of protection in its sentence (r40)."""
    free = {(p.actor_kind, p.actor_key, p.evidence.sentence_start) for p in policies if p.policy_type == "VisaFree"}
    offer = {(p.actor_kind, p.actor_key, p.evidence.sentence_start) for p in policies if p.policy_type == "AsylumOffer"}
    if not free and not offer:
        return policies
    out = []
    for p in policies:
        words = p.trigger.lower().split() if p.policy_type == "Admission" and p.trigger is not None else ()
        key = (p.actor_kind, p.actor_key, p.evidence.sentence_start)
        if words and ((key in free and not STAY_WORDS_R40.isdisjoint(words)) or (key in offer and "right" in words)):
            continue
        out.append(p)
    return out


PROTECTION_TYPES_R40 = frozenset({"Admission", "Aid", "Relocation", "VisaFree", "AsylumOffer", "AsylumRestriction"})
RELATIVES_R40 = frozenset({"that", "which", "who"})
PLAN_NOUNS_R40 = frozenset({"plan", "plans", "proposal", "proposals", "idea", "offer", "scheme", "bid"})
DROPPED_VERBS_R40 = frozenset({"drop", "abandon", "scrap", "shelve", "ditch", "withdraw", "retract", "dropped",
                               "abandoned", "scrapped", "shelved", "ditched", "withdrew", "retracted"})
COUNT_VERBS_R40 = frozenset({"receive", "host", "received", "receives", "hosts", "hosted"})
RELOCATION_CUES_R40 = frozenset({"relocated", "relocating", "relocation", "transferred", "redistributed",
                                 "redistribution"})
SHARING_SCHEMES_R40 = frozenset({"mechanism", "pact", "scheme"})
SHARING_KINDS_R40 = frozenset({"solidarity", "voluntary", "distribution", "sharing", "burden-sharing"})


def _not_a_measure_r40(ctx: _Context, sent: Span, start: int, at: Mention | None, policy_type: str) -> bool:
    """Crowded sentences where the protection measure found is none (r40): "A dropped its plan to process claims
    abroad" (a plan given up); "officials said they hoped B, C and D would share the burden" (a hope on others);
    "to support migrants and the communities that receive them" (a plural noun's relative clause: no state takes
    them in or helps); "A, which receives most of the boats, ..." (a count told in an aside on the subject)."""
    doc = ctx.doc
    lowers, lemmas = doc_lowers(doc), doc_lemmas(doc)
    for k in range(max(sent.start, start - 4), start):
        if lowers[k] in PLAN_NOUNS_R40 and any(lowers[j] in DROPPED_VERBS_R40 or lemmas[j] in DROPPED_VERBS_R40
                                                for j in range(max(sent.start, k - 3), k)):
            return True
    if at is not None and at.start < start:
        for k in range(sent.start, at.start):
            if lemmas[k] == "hope" and lowers[k + 1] != "to":
                return True
    if policy_type in {"Admission", "Aid"} and start - 2 >= sent.start and lowers[start - 1] in RELATIVES_R40 \
            and doc[start - 2].is_alpha and lowers[start - 2].endswith("s") and lemmas[start - 2] != lowers[start - 2] \
            and lemmas[start - 2] not in ctx.sets["speech_verbs"] and (start - 2) not in ctx.mention_at:
        return True
    if lowers[start] in COUNT_VERBS_R40 or (lowers[start] in {"has", "have"} and start + 1 < sent.end
                                            and lowers[start + 1] in COUNT_VERBS_R40):
        for a, b in _relative_asides_r37(ctx, sent.start, sent.end):
            if a < start < b:
                return True
    return False


def _negation_floor_r40(ctx: _Context, actor_start: int | None, actor_end: int, start: int) -> int:
    """The lower bound of the negation search: past the asides between the subject and its verb ("A, whose
    leader refused to join sanctions, granted refugee status": the refusal is the aside's) (r40)."""
    if actor_start is None:
        return actor_end
    asides = _subject_asides_r40(ctx, actor_start, start)
    return asides[-1][1] + 1 if asides else actor_end


def _retyped_r40(ctx: _Context, sent: Span, start: int, end: int, policy_type: str) -> str:
    """"grant only temporary permits to asylum seekers": a restriction of protection, not an admission; "take in
    400 of the migrants ... under a voluntary mechanism", "accept asylum seekers transferred from A": a share of
    people moved between states, a relocation (r40)."""
    lowers = doc_lowers(ctx.doc)
    if policy_type in {"Admission", "AsylumOffer"}:
        for k in range(start, end - 1):
            if lowers[k] == "only" and lowers[k + 1] in {"temporary", "short-term", "limited"}:
                return "AsylumRestriction"
    if policy_type == "Admission" and _rate_cap_r40(lowers, end, sent.end):
        return "AsylumRestriction" if any(lemma in {"refugee", "asylum"} for lemma in doc_lemmas(ctx.doc)[
            sent.start:sent.end]) else "EntryBan"  # "will admit a maximum of N people a day": a cap, as
        # ``_limited_number`` reads "capped the number of refugees admitted"
    if policy_type == "Admission" and (not RELOCATION_CUES_R40.isdisjoint(lowers[sent.start:sent.end]) or any(
            lowers[k] in SHARING_SCHEMES_R40 and lowers[k - 1] in SHARING_KINDS_R40
            for k in range(sent.start + 1, sent.end))):
        return "Relocation"  # "relocated from", "under a voluntary mechanism", "the solidarity pact"
    return policy_type


CAP_WORDS_R40 = (("a", "maximum", "of"), ("no", "more", "than"), ("at", "most"), ("not", "more", "than"))
RATE_WORDS_R40 = frozenset({"day", "daily", "week", "weekly"})


def _rate_cap_r40(lowers: list[str], end: int, sent_end: int) -> bool:
    """"let in a maximum of N people per day", "admit no more than N a week": a ceiling on a daily or weekly
    intake right after the admission word (r40)."""
    for words in CAP_WORDS_R40:
        if tuple(lowers[end:end + len(words)]) == words:
            return not RATE_WORDS_R40.isdisjoint(lowers[end + len(words):min(sent_end, end + len(words) + 6)])
    return False


def _list_first_r40(ctx: _Context, actor_start: int | None, limit: int) -> int | None:
    """The first name of the list the actor closes ("urged member states, notably A, B and C, to take in": A)."""
    m = ctx.mention_at.get(actor_start) if actor_start is not None else None
    if m is None or m.kind != "actor":
        return actor_start
    group = ctx.coordinated(m, limit)
    return group[0].start if group else actor_start


# --- round 40 (P40): enforcement policies in long, crowded sentences: asides between a subject and its verb,
# lists closed by "and" ---

SUBJECT_ASIDE_OPENERS_R40 = frozenset({"whose", "the", "a", "an", "one", "home", "already", "itself", "long",
                                       "once", "now", "still", "formerly"})


def _closed_list_r40(ctx: _Context, out: list[Mention], m: Mention) -> tuple[list[Mention], bool]:
    """A list of states ends at its "and"/"or" link: in "through A and B, C built a fence" the state after the
    comma that follows "A and B" starts a new clause, it is no third member (round 40). Returns the part of
    ``out`` that holds ``m`` and whether that part still has a conjunction."""
    lows = doc_lowers(ctx.doc)
    links = [not {"and", "or", "&"}.isdisjoint(lows[a.end:b.start]) for a, b in zip(out, out[1:], strict=False)]
    cut = None
    for k, joined in enumerate(links):
        if joined:
            cut = k
        elif cut is not None:  # a comma-only link after an "and" link: the list closed at the "and"
            i = out.index(m)
            if i <= k:
                part, part_links = out[:k + 1], links[:k]
            else:
                part, part_links = out[k + 1:], links[k + 1:]
                rest = next((j for j, x in enumerate(part_links) if not x and any(part_links[:j])), None)
                if rest is not None:
                    part, part_links = part[:rest + 1], part_links[:rest]
            return part, any(part_links)
    return out, True


def _subject_asides_p40(ctx: _Context, start: int, end: int) -> list[tuple[int, int]]:
    """Asides set off by commas right after a state named before the trigger, closed by a comma before it: a
    "whose" clause ("A, whose ports face B, has held ...") or a noun phrase in apposition ("A, the first of the
    three states to face arrivals from B, reinforced ...", "A, home to refugees from B, ..."). A state named
    inside describes the subject and acts for none (round 40; ", which/who" clauses are ``_relative_asides_r37``'s).
    """
    lowers = doc_lowers(ctx.doc)
    out = []
    for m in ctx.by_end:
        if not (start <= m.start and m.end + 2 < end) or m.kind != "actor" or lowers[m.end] != ",":
            continue
        if lowers[m.end + 1] not in SUBJECT_ASIDE_OPENERS_R40:
            continue
        close = next((j for j in range(m.end + 2, end) if lowers[j] in {",", ";", ":", "—", "–", "(", ")"}), None)
        if close is None or lowers[close] != ",":
            continue
        if lowers[m.end + 1] != "whose" and any(lowers[j] in {"said", "says", "told", "announced"}
                                                for j in range(m.end + 1, close)):
            continue  # "A, the interior minister said, ...": a reporting aside, handled elsewhere
        out.append((m.end, close))
    return out


def _aside_clause_subject_r40(ctx: _Context, m: Mention, start: int, asides: list[tuple[int, int]]) -> bool:
    """"watched as A, the first of the three states to face arrivals, reinforced ...": the subject of a clause
    opened by as/after/when..., set off from its verb by an aside (``_subject_asides_p40``), is no prepositional
    object (round 40)."""
    if not asides or m.kind != "actor" or not any(a == m.end and start - b <= 3 for a, b in asides):
        return False
    lows = doc_lowers(ctx.doc)
    j = m.start - 1
    while j >= 0 and lows[j] in {"the", "a", "an"}:
        j -= 1
    return j >= 0 and lows[j] in {"after", "before", "since", "until", "as", "once", "when", "while"}


def _actor_aside_r40(ctx: _Context, sent: Span, actor_start: int | None, start: int) -> tuple[int, int] | None:
    """The aside (", which ... ," or one of ``_subject_asides_p40``) right after the actor found at actor_start and
    closed before the trigger at start, as (first, last) token indices; else None (round 40)."""
    if actor_start is None or actor_start < sent.start or actor_start >= start:
        return None
    m = ctx.mention_at.get(actor_start)
    if m is None or m.end + 2 >= start or doc_lowers(ctx.doc)[m.end] != ",":
        return None
    for a, b in _relative_asides_r37(ctx, m.end, start) + _subject_asides_p40(ctx, m.start, start):
        if a == m.end:
            return a, b
    return None


CRITIC_LEMMAS_R40 = frozenset({"criticise", "criticize", "condemn", "denounce", "slam", "decry", "deplore",
                               "oppose", "reject", "question", "protest", "lament", "regret", "blast"})
CRITIC_FORMS_R40 = frozenset({"criticised", "criticized", "criticising", "criticizing", "criticises", "criticizes",
                              "condemned", "condemning", "condemns", "denounced", "denouncing", "denounces",
                              "slammed", "slamming", "slams", "decried", "decrying", "deplored", "deploring",
                              "opposed", "opposing", "rejected", "rejecting", "questioned", "questioning",
                              "protested", "protesting", "lamented", "regretted", "blasted"})
DECISION_NOUNS_R40 = frozenset({"decision", "decisions", "move", "moves", "plan", "plans", "choice", "order",
                                "attempt", "attempts", "bid"})


def _criticised_decision_r40(doc: Doc, start: int, sent: Span) -> bool:
    """"B and C criticised the decision to close the border": the measure is someone else's, and the critics before
    it take none (round 40); "criticised the decision of A to close" and "slammed its plan to" name its owner and
    are left to the rules."""
    lows = doc_lowers(doc)
    if start - 3 < sent.start or lows[start - 1] != "to":
        return False
    k = start - 2
    if lows[k] not in DECISION_NOUNS_R40:
        return False
    k -= 1
    while k > sent.start and lows[k] in {"the", "a", "this", "that", "latest", "recent", "new"}:
        k -= 1
    return k >= sent.start and (lows[k] in CRITIC_FORMS_R40 or doc[k].lemma_.lower() in CRITIC_LEMMAS_R40)


def _origin_list_r40(ctx: _Context, m: Mention, held: tuple[int, int] | None, sent: Span) -> bool:
    """"pushbacks of migrants from A and B at the borders of C": two or more states joined after "from" right
    after the people name where the people come from, not who sends them back (round 40)."""
    if held is None or m.kind != "actor" or not m.actor or m.actor[0] != "Country":
        return False
    return len(ctx.coordinated(m, sent.end)) >= 2


def _list_head_r40(ctx: _Context, sent: Span, actor_start: int) -> int:
    """The first token of the list holding the actor found at actor_start and, for a list introduced by
    "including"/"such as" after a group noun ("asked other states, including A, B and C, to stop ..."), of that
    group noun's phrase: where a demand cue governing the list is looked for (round 40)."""
    m = ctx.mention_at.get(actor_start)
    if m is None or m.kind != "actor":
        return actor_start
    first = ctx.coordinated(m, m.end)[0].start
    lows = doc_lowers(ctx.doc)
    k = first - 1
    intro = set(ctx.lex["list_introducers"]["words"])
    if k > sent.start and lows[k] == "as" and lows[k - 1] == "such":
        k -= 1
    elif k < sent.start or lows[k] not in intro:
        return first
    k -= 1
    if k >= sent.start and lows[k] == ",":
        k -= 1
    return max(sent.start, k - 4)


PASSIVE_AUX_R40 = frozenset({"was", "were", "is", "are", "been", "be"})


def _aside_passive_head_r40(doc: Doc, start: int, sent: Span, heads: Iterable[str]) -> bool:
    """"A second fence, three metres high and fitted with cameras, was built by A": the subject noun of a passive
    stands before an aside closed by a comma just before its auxiliary (round 40)."""
    if start - 1 <= sent.start or doc[start - 1].lower_ not in PASSIVE_AUX_R40:
        return False
    lows = doc_lowers(doc)
    k = start - 1
    while k > sent.start and lows[k] in PASSIVE_AUX_R40 | {"has", "have", "had", "will", "would", "also", "then"}:
        k -= 1
    if lows[k] != ",":
        return False
    opening = next((j for j in range(k - 1, max(sent.start, k - 20) - 1, -1) if lows[j] in {",", ";", ":"}), None)
    if opening is None or lows[opening] != ",":
        return False
    return not set(lows[max(sent.start, opening - 2):opening]).isdisjoint(heads)


SUBORDINATORS_R40 = frozenset({"after", "before", "since", "until", "as", "once", "when", "while", "because"})


def _subordinate_pronoun_r40(ctx: _Context, m: Mention, start: int) -> bool:
    """"has pushed through plans to fund the B-ian police as he closes ports to ...": a pronoun right after
    as/while/when... is the subject of the clause whose verb is the trigger, not a prepositional object; the
    object of the main clause (B) acts for none (round 40)."""
    if m.kind != "pronoun" or m.start - 1 < 0 or not (m.end == start or (
            m.end + 1 == start and ctx.doc[m.end].lower_ in {"also", "now", "then", "again", "still"})):
        return False
    return doc_lowers(ctx.doc)[m.start - 1] in SUBORDINATORS_R40


INCLUDE_VERBS_R40 = frozenset({"includes", "included", "include", "including", "involves", "involved", "involve",
                               "entails", "entailed", "means", "meant", "combines", "combined", "covers", "covered",
                               "adds", "added", "introduced", "introduces", "brought", "brings"})


def _including_owner_r40(ctx: _Context, start: int, sent: Span) -> Mention | None:
    """"A's policy, which includes forced returns and pushbacks of migrants ...", "the B-ian plan, which brought in
    detention of ...": a measure noun listed in a relative clause on a policy noun a state owns is that state's
    (``_relative_policy_owner`` reads the verb right after "which"; round 40)."""
    lowers = doc_lowers(ctx.doc)
    for j in range(start - 1, max(sent.start + 2, start - 8) - 1, -1):
        if lowers[j] in INCLUDE_VERBS_R40 and lowers[j - 1] in {"which", "that"}:
            if not all(ctx.doc[k].is_alpha and ctx.doc[k].is_lower or lowers[k] == "," for k in range(j + 1, start)):
                return None
            return _relative_policy_owner(ctx, j, sent) or _government_policy_owner_r40(ctx, j - 2, sent)
        if lowers[j] in {";", ":", "which", "that", "who"}:
            return None
    return None


GOVERNMENT_NOUNS_R40 = frozenset({"government", "administration", "authorities", "cabinet", "ministry"})
POLICY_NOUNS_R40 = frozenset({"strategy", "approach", "crackdown", "campaign", "practice", "practices", "response"})


def _government_policy_owner_r40(ctx: _Context, comma: int, sent: Span) -> Mention | None:
    """"The A-ian government's policy, ...": the state of a government owning the policy noun that ends just
    before ``comma`` (round 40)."""
    lowers = doc_lowers(ctx.doc)
    n = comma - 1
    nouns = set(ctx.lex["named_policies"]["nouns"]) | POLICY_NOUNS_R40
    if n - 3 < sent.start or lowers[comma] != "," or lowers[n] not in nouns:
        return None
    k = n - 1
    while k > sent.start and n - k <= 2 and ctx.doc[k].is_alpha and ctx.doc[k].is_lower \
            and lowers[k] not in GOVERNMENT_NOUNS_R40:
        k -= 1  # "new", "border"
    if lowers[k] not in {"'s", "’s"} or lowers[k - 1] not in GOVERNMENT_NOUNS_R40:
        return None
    m = next((x for x in ctx.by_end if x.end in {k - 1, k} and x.start >= sent.start), None)
    if m is not None and m.kind in {"actor", "demonym"} and m.actor and m.actor[0] == "Country":
        return m  # "A-ian" before "government", or "A-ian government" read as one mention
    return None


FORCED_NOUNS_R40 = frozenset({"eviction", "evictions", "return", "returns", "deportation", "deportations",
                              "expulsion", "expulsions", "removal", "removals", "pushback", "pushbacks"})


ENFORCE_TYPES_R40 = frozenset({"EntryBan", "BorderBarrier", "Deportation", "Detention", "FlightBan", "Manhunt",
                               "Mobilization", "Exemption", "Sanction", "VisaRestriction"})
CRIMINAL_OBJECTS_R40 = frozenset({"smuggler", "smugglers", "trafficker", "traffickers", "suspect", "suspects",
                                  "driver", "drivers", "gang", "gangs", "ringleader", "ringleaders", "organisers",
                                  "organizers", "criminals"})
FEAR_WORDS_R40 = frozenset({"fear", "fears", "feared", "fearing", "worried", "worry", "worries", "suspect",
                            "suspected", "speculated", "rumoured", "rumored"})
PROSPECT_MODALS_R40 = frozenset({"might", "may", "could"})


def _criminal_object_r40(ctx: _Context, end: int, sent: Span) -> bool:
    """"arrested three smugglers from A and B who were driving 40 migrants": the people arrested, named within a
    few words after the verb, are suspects of a crime, not migrants held (round 40)."""
    lows = doc_lowers(ctx.doc)
    for k in range(end, min(sent.end, end + 4)):
        if lows[k] in CRIMINAL_OBJECTS_R40:
            return True
        if lows[k] in {",", ";", "who", "which", "and"}:
            return False
    return False


def _feared_state_r40(ctx: _Context, sent: Span, start: int) -> bool:
    """"men in B said they feared A might announce a call-up", "officials fear A could close ...": a measure under a
    fear word and a might/may/could before it is a prospect others fear, not one announced (round 40)."""
    lows = doc_lowers(ctx.doc)[sent.start:start]
    for i, w in enumerate(lows):
        if w in FEAR_WORDS_R40 and not {";", "but", "while"} & set(lows[i + 1:]):
            # the modal governs the measure: close before it, no clause break between ("fearing they might be
            # called up, men left after A announced a call-up" still reports A's call-up)
            for j in range(max(i + 1, len(lows) - 8), len(lows)):
                if lows[j] in PROSPECT_MODALS_R40 and not {",", "after", "since", "as", "when"} & set(lows[j + 1:]):
                    return True
    return False
