"""Round 30 (T2f): speed changes that must leave every output as it was (issue 6).

Each test holds sentences written for it and compares the fast path with the general one it replaces, or with
the flows the rule gave before the change (checked on the base commit)."""

from __future__ import annotations

import pytest

import extractors.flows as flows
import extractors.topic as topic
from extractors.assertions import Entity
from extractors.doccache import doc_lowers, doc_texts
from extractors.entities import extract_entities
from extractors.pipeline import build_pipeline
from extractors.policies import _Context, lexicon

STORY = "Migrants and refugees keep coming, and many migrants wait months for a hearing on asylum. \n\n"


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


# ----------------------------------------------------------------------------------------- topic gate


def _reference_gate(text: str) -> bool:
    """The gate as written before round 30: the words counted first, then the occurrences."""
    lowered = text.lower()
    words = topic._settings()[1]
    long_words, long_hits = topic._long_document()
    if long_hits <= 1 or len(text.split()) < long_words:
        return any(word in lowered for word in words)
    found = 0
    for word in words:
        if word in lowered:
            found += lowered.count(word)
            if found >= long_hits:
                return True
    return False


FILLER = "The council met on Tuesday to talk about roads, parks and the budget for next year. "  # 16 words


class _CountingText(str):
    """A text that counts the calls of ``split`` (the gate's word count)."""

    splits = 0

    def split(self, *args, **kwargs):
        type(self).splits += 1
        return super().split(*args, **kwargs)


@pytest.mark.parametrize("text", [
    "",
    "Refugees crossed the river.",
    FILLER,
    FILLER * 25,  # long, no migration word
    FILLER * 12 + "One line on asylum. " + FILLER * 12,  # long, one occurrence
    FILLER * 12 + "Asylum and deportation. " + FILLER * 12,  # long, two
    FILLER * 12 + "The refugee and the refugees. " + FILLER * 12,  # long, one part twice
    "A travel ban. " + FILLER * 20,  # a part with a space
    FILLER * 18 + "enter the building",  # "enter " at the very end has no space: no hit
])
def test_gate_answers_as_before(text):
    assert topic.is_migration_text(text) == _reference_gate(text)


def test_long_text_with_enough_hits_is_not_split_into_words():
    _CountingText.splits = 0
    text = _CountingText(FILLER * 25 + "Migrants sought asylum at the border.")
    assert topic.is_migration_text(text)
    assert _CountingText.splits == 0  # the length matters only with some hits but too few


def test_text_with_no_hit_is_not_split_into_words():
    _CountingText.splits = 0
    assert not topic.is_migration_text(_CountingText(FILLER * 25))
    assert _CountingText.splits == 0


def test_text_with_one_hit_is_measured():
    _CountingText.splits = 0
    assert topic.is_migration_text(_CountingText("A short note on asylum."))
    assert not topic.is_migration_text(_CountingText(FILLER * 25 + "A note on asylum."))
    assert _CountingText.splits == 2


# ----------------------------------------------------------------------------------------- policies


@pytest.mark.parametrize("text", [
    "The Obama administration tightened the rules. Obama said the order stands.",
    "The Meloni government and the Sanchez cabinet met. The regime of Assad ended. Meloni spoke.",
    "administration",  # a head word first: no token before it
    "The new government said so. Trump Administration officials agreed.",  # lower-case or title-case heads
])
def test_executive_names_as_the_full_scan(nlp, text):
    doc = nlp(STORY + text)
    ctx = _Context(doc, extract_entities(doc), lazy=True)
    ctx._heads_executive(Entity(kind="Person", key="x", name="Nobody"))
    W, T = doc_lowers(doc), doc_texts(doc)
    heads = lexicon()["leader_named_bodies"]
    expected = frozenset(T[i] for i in range(len(W) - 1)
                         if W[i + 1] in heads and T[i].istitle() and T[i].isalpha() and T[i + 1].islower())
    assert ctx._executive_names == expected


# ----------------------------------------------------------------------------------------- flows


def _rule_pairs(nlp, text: str, rule: str) -> list[tuple[str, str]]:
    """The flows one rule gives alone, on a fresh builder."""
    doc = nlp(STORY + text)
    assertions = extract_entities(doc)
    lex = flows._lex()
    sentences = flows._sentences(doc, assertions, lex)
    b = flows._Builder(doc, assertions)
    if rule == "listed":
        flows._listed_origins(b, sentences, lex)
    elif rule == "entered":
        flows._entered_at_border(b, sentences)
    else:
        flows._backoff_flows(b, sentences, flows._main_origin(sentences, lex))
    return sorted((f.origin, f.destination) for f in b.flows)


@pytest.mark.parametrize("rule, text, expected", [
    ("listed", "Migrants from Peru, Chile and Bolivia flew to Canada this spring.",
     [("BO", "CA"), ("CL", "CA"), ("PE", "CA")]),
    ("listed", "Students from Spain visited, and migrants from Peru and Chile moved to Canada.",
     [("CL", "CA"), ("PE", "CA")]),
    ("listed", "From Peru and Chile, migrants moved to Canada.", []),  # "from" opening the sentence: no noun before
    ("listed", "Migrants would come from Peru and Chile to Canada, officials feared.", []),
    ("entered", "Parents who entered the United States at the Mexican border were held.", [("MX", "US")]),
    ("entered", "The families entered Canada across the border with the United States.", [("US", "CA")]),
    ("entered", "They entered.", []),  # shorter than the rule's window
    ("entered", "Migrants did not enter the United States at the Mexican border.", []),
    ("backoff", "Many Eritrean refugees have settled in Sweden over the years.", [("ER", "SE")]),
    ("backoff", "Many Eritrean refugees may settle in Sweden next year.", []),  # hedged
    ("backoff", "Thousands of Syrians fled to Turkey and others reached Lebanon.", [("SY", "LB"), ("SY", "TR")]),
    ("backoff", "Afghan migrants who sought asylum in Germany now live in Hamburg.", [("AF", "DE"), ("AF", "DE")]),
    ("backoff", "Venezuelan migrants might move to Colombia, which would not stop them.", []),
])
def test_rules_give_the_flows_they_gave(nlp, rule, text, expected):
    assert _rule_pairs(nlp, text, rule) == expected


@pytest.mark.parametrize("text, words, need", [
    ("", ("refugee", "asylum"), 1),
    ("refugees and asylum seekers at the border", ("refugee", "asylum", "border"), 2),
    ("refugees and asylum seekers at the border", ("refugee", "asylum", "border"), 3),
    ("refugees and asylum seekers at the border", ("refugee", "asylum", "border"), 4),
    ("a refugee, another refugee", ("refugee",), 2),
    ("nothing of the kind", ("refugee", "asylum"), 0),
    ("nothing of the kind", (), 0),
])
def test_count_up_to_answers_the_threshold_as_the_full_sum(text, words, need):
    from extractors.policies import _count_up_to
    full = sum(text.count(word) for word in words)
    got = _count_up_to(text, words, need)
    assert (got >= need) == (full >= need)
    assert got <= full


def test_count_up_to_stops_at_the_threshold():
    from extractors.policies import _count_up_to
    scanned = []

    class Text(str):
        def count(self, word, *args):
            scanned.append(word)
            return super().count(word, *args)

    assert _count_up_to(Text("migrants and refugees, migrants again"), ("migra", "refugee", "asylum"), 2) == 2
    assert scanned == ["migra"]  # two occurrences of the first word are enough: the others are not read
