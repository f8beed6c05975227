"""Topic gate: policies and flows are read only in documents about people's movement or status (issue 3).

A policy is a measure "that concerns people's movement or status" and a flow is people moving between countries
(GUIDELINES.md). In a general news feed most articles say nothing of either: on 1,500 corpus articles 45% hold
none of the general words of displacement, borders, visas, asylum, detention or mobilisation in
``data/topic.json``, and what the policy and flow rules read in them was wrong every time ("hand over voter
data" as a Manhunt, an American who went to fight in Syria as a flow). Those rules cost about a quarter of such a
document's extraction time, so the gate is both a precision rule and the cheapest speed-up there is.

The word parts are matched case-blind anywhere in the text (``"migra"`` in "immigration"): a false match only lets
a document through to the rules, as before. Switch: "enabled" in topic.json, overridden by MIGRAPH_TOPIC_GATE=0/1.
"""

from __future__ import annotations

import os
from functools import cache

from spacy.tokens import Doc

from extractors.doccache import doc_text, lower_text
from extractors.gazetteer import load_json

_ON_TOPIC_KEY = "migraph.on_topic"
_DENSITY_KEY = "migraph.topic_density"
"""``doc.user_data`` key of the gate's answer: policies and flows both ask."""


@cache
def _settings() -> tuple[bool, tuple[str, ...]]:
    data = load_json("topic.json")
    return bool(data.get("enabled", True)), tuple(word.lower() for word in data["migration_words"])


@cache
def _long_document() -> tuple[int, int]:
    """(words from which a document is long, occurrences of the word parts a long document needs)."""
    data = load_json("topic.json")
    return int(data.get("long_words", 0)), int(data.get("long_hits", 1))


def gate_enabled() -> bool:
    """The gate's switch: "enabled" in topic.json, overridden by MIGRAPH_TOPIC_GATE=0/1."""
    env = os.environ.get("MIGRAPH_TOPIC_GATE", "").strip().lower()
    return _settings()[0] if env == "" else env not in {"0", "false", "no", "off"}


def is_migration_text(text: str) -> bool:
    """Whether ``text`` holds one of topic.json's migration word parts (case-blind, anywhere in a word), or, in a
    long document (``long_words`` words or more), ``long_hits`` occurrences of them: a long article that names
    migration once, in passing, is about something else."""
    lowered = lower_text(text)
    words = _settings()[1]
    long_words, long_hits = _long_document()
    if long_hits <= 1:
        return any(word in lowered for word in words)
    # The occurrences are counted first, up to long_hits (enough at any length): the words are counted only for a
    # document with some but too few, the only one whose length decides (a list of words per document cost a
    # third of the gate; r30)
    found = 0
    count = lowered.count
    for word in words:
        if word in lowered:
            found += count(word)
            if found >= long_hits:
                return True
    return found > 0 and len(text.split()) < long_words


def migration_density(text: str) -> float:
    """Occurrences of topic.json's migration word parts per 100 words of ``text``: how much of a document is about
    people's movement (a migration story: 2–5; a political or crime story that names a border or a visa once: under
    1). The learned flow scorer reads only documents dense enough (``extractors.flow_scorer``)."""
    lowered = lower_text(text)
    hits = sum(lowered.count(word) for word in _settings()[1] if word in lowered)
    return 100.0 * hits / max(1, len(text.split()))


def doc_migration_density(doc: Doc) -> float:
    """``migration_density`` of the document's text, computed once per document (both learned scorers gate on it)."""
    value = doc.user_data.get(_DENSITY_KEY)
    if value is None:
        value = doc.user_data[_DENSITY_KEY] = migration_density(doc_text(doc))
    return value


def on_topic(doc: Doc) -> bool:
    """Whether policies and flows are read in ``doc``: always when the gate is off, else ``is_migration_text``."""
    if not gate_enabled():
        return True
    answer = doc.user_data.get(_ON_TOPIC_KEY)
    if answer is None:
        answer = doc.user_data[_ON_TOPIC_KEY] = is_migration_text(doc_text(doc))
    return answer
