"""Tests for graph.evaluate, on small invented documents (no article text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.evaluate import (
    Accuracy,
    Counts,
    country_key,
    fold,
    format_table,
    load_gold_dir,
    score_corpus,
    score_document,
    speaker_matches,
    word_overlap,
)

SHARED_EVAL = Path(__file__).parents[1].parent / "shared" / "eval"

SENTENCE = "the ferry left the harbour at dawn with ninety people aboard"  # 11 words


def quote(text: str, speaker: str | None = None) -> dict:
    return {"speaker": speaker, "text": text, "kind": "direct"}


# --------------------------------------------------------------------------- Counts


def test_counts_zero_denominators_are_zero_but_support_is_reported() -> None:
    empty = Counts()
    assert (empty.precision, empty.recall, empty.f1, empty.support) == (0.0, 0.0, 0.0, 0)
    only_fn = Counts(fn=3)
    assert only_fn.precision == 0.0 and only_fn.support == 3


def test_counts_add_and_ratios() -> None:
    total = Counts(2, 1, 0) + Counts(1, 0, 3)
    assert total == Counts(3, 1, 3)
    assert total.precision == pytest.approx(0.75)
    assert total.recall == pytest.approx(0.5)
    assert total.f1 == pytest.approx(0.6)
    assert Accuracy(1, 2) + Accuracy(2, 2) == Accuracy(3, 4)


# --------------------------------------------------------------------------- folding


def test_fold_ignores_case_accents_and_punctuation() -> None:
    assert fold("Škoda’s  “BIG” — déjà-vu!") == fold("skodas big deja vu")
    assert fold("don't") == fold("don’t") == "dont"


# --------------------------------------------------------------------------- quotes


def test_overlap_threshold_just_above_and_below() -> None:
    gold = "one two three four five six seven eight nine ten"
    six = "one two three four five six alpha beta gamma delta"  # 6/10 shared
    five = "one two three four five alpha beta gamma delta epsilon"  # 5/10 shared
    assert word_overlap(six, gold) == pytest.approx(0.6)
    assert word_overlap(five, gold) == pytest.approx(0.5)
    above = score_document({"quotes": [quote(six)]}, {"quotes": [quote(gold)]})
    below = score_document({"quotes": [quote(five)]}, {"quotes": [quote(gold)]})
    assert above["quotes"] == Counts(1, 0, 0)
    assert below["quotes"] == Counts(0, 1, 1)


def test_overlap_divides_by_the_longer_quote() -> None:
    # every predicted word is in the gold quote, but it covers 3 of 11 words only
    assert word_overlap("ferry left harbour", SENTENCE) == pytest.approx(3 / 11)


def test_overlap_counts_repeated_words_once_per_occurrence() -> None:
    # multiset intersection: "no no no" shares one "no" with "no way out"
    assert word_overlap("no no no", "no way out") == pytest.approx(1 / 3)


def test_one_gold_quote_matches_only_one_of_two_predictions() -> None:
    gold = {"quotes": [quote(SENTENCE, "Ana Lopes")]}
    pred = {
        "quotes": [
            quote(SENTENCE.replace("dawn", "dusk"), "Ana Lopes"),  # 10/11
            quote(SENTENCE, "Ana Lopes"),  # exact, wins the greedy pairing
        ]
    }
    scores = score_document(pred, gold)
    assert scores["quotes"] == Counts(1, 1, 0)
    assert scores["quote_speaker"] == Counts(1, 1, 0)


def test_wrong_speaker_counts_fp_and_fn_for_quote_speaker() -> None:
    gold = {"quotes": [quote(SENTENCE, "Ana Lopes")]}
    pred = {"quotes": [quote(SENTENCE, "Marek Novy")]}
    scores = score_document(pred, gold)
    assert scores["quotes"] == Counts(1, 0, 0)
    assert scores["quote_speaker"] == Counts(0, 1, 1)
    assert scores["speaker_accuracy"] == Accuracy(0, 1)


def test_speaker_alias_match_uses_gold_persons() -> None:
    gold = {
        "quotes": [quote(SENTENCE, "Tomasz Wierzbicki")],
        "persons": [{"name": "Tomasz Wierzbicki", "aliases": ["Tomek"], "byline": False}],
    }
    pred = {"quotes": [quote(SENTENCE, "TOMEK")]}
    scores = score_document(pred, gold)
    assert scores["quote_speaker"] == Counts(1, 0, 0)
    assert scores["speaker_accuracy"] == Accuracy(1, 1)


def test_speaker_containment_match_both_directions() -> None:
    assert speaker_matches("Coastal Agency", "Northern Coastal Agency")
    assert speaker_matches("Northern Coastal Agency", "Coastal Agency")
    assert speaker_matches("wierzbicki", "Tomasz Wierzbicki")
    assert not speaker_matches("Coastal Ministry", "Northern Coastal Agency")


def test_unnamed_gold_speaker_needs_unnamed_prediction() -> None:
    gold = {"quotes": [{"speaker": None, "speaker_description": "a driver", "text": SENTENCE}]}
    right = score_document({"quotes": [quote(SENTENCE, None)]}, gold)
    wrong = score_document({"quotes": [quote(SENTENCE, "a driver")]}, gold)
    assert right["quote_speaker"] == Counts(1, 0, 0)
    assert wrong["quote_speaker"] == Counts(0, 1, 1)
    # unnamed gold speakers are outside speaker accuracy
    assert right["speaker_accuracy"] == wrong["speaker_accuracy"] == Accuracy(0, 0)


def test_quotes_are_punctuation_and_case_insensitive() -> None:
    gold = {"quotes": [quote("We’re not leaving – not today.", "Ana Lopes")]}
    pred = {"quotes": [quote("we're NOT leaving, not today", "ana lopes")]}
    assert score_document(pred, gold)["quote_speaker"] == Counts(1, 0, 0)


# --------------------------------------------------------------------------- persons


GOLD_PEOPLE = {
    "persons": [
        {"name": "Ilse Marquardt", "aliases": ["Marquardt"], "byline": False},
        {"name": "Bruno Achterberg", "aliases": [], "byline": False},
        {"name": "Wendy Okafor", "aliases": ["Okafor"], "byline": True},
    ]
}


def test_byline_persons_are_excluded_on_both_sides() -> None:
    pred = {
        "persons": [
            {"name": "Ilse Marquardt", "aliases": []},
            {"name": "Wendy Okafor", "aliases": []},  # matches a byline: ignored
            {"name": "Pia Sand", "byline": True},  # predicted byline: ignored
        ]
    }
    # Bruno Achterberg missed; the byline person is not expected
    assert score_document(pred, GOLD_PEOPLE)["persons"] == Counts(1, 0, 1)


def test_unmerged_duplicate_person_is_a_false_positive() -> None:
    pred = {
        "persons": [
            {"name": "Ilse Marquardt", "aliases": []},
            {"name": "Marquardt", "aliases": []},
            {"name": "Bruno Achterberg"},
        ]
    }
    assert score_document(pred, GOLD_PEOPLE)["persons"] == Counts(2, 1, 0)


def test_person_matches_through_predicted_alias() -> None:
    pred = {"persons": [{"name": "Dr. I. M.", "aliases": ["marquardt"]}]}
    assert score_document(pred, GOLD_PEOPLE)["persons"] == Counts(1, 0, 1)


def test_person_matching_is_order_independent() -> None:
    gold = {
        "persons": [
            {"name": "Lena Kral", "aliases": ["Kral"]},
            {"name": "Otto Kral", "aliases": ["Kral"]},
        ]
    }
    # a greedy pass would give the ambiguous "Kral" to Lena and leave Lena's own
    # prediction unmatched; the maximum matching pairs both
    pred = {"persons": [{"name": "Kral"}, {"name": "Lena Kral"}]}
    assert score_document(pred, gold)["persons"] == Counts(2, 0, 0)


# --------------------------------------------------------------------------- countries


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("UK", "GB"),
        ("United Kingdom", "GB"),
        ("Britain", "GB"),
        ("U.S.", "US"),
        ("the United States", "US"),
        ("Russia", "RU"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("Ivory Coast", "CI"),
        ("Georgia", "GE"),
        ("Niger", "NE"),
        ("Brunei", "BN"),
    ],
)
def test_country_key_resolves_aliases(name: str, code: str) -> None:
    assert country_key(name) == code


def test_country_key_keeps_unknown_names_folded() -> None:
    assert country_key("Crimea") == "crimea"
    assert country_key("the Baltics") == country_key("Baltics")
    assert country_key("Korea") == "korea"  # ambiguous between KP and KR


def test_countries_compared_as_iso_codes_with_set_semantics() -> None:
    gold = {"countries": ["United Kingdom", "United States", "Freedonia"]}
    pred = {"countries": ["UK", "U.S.", "Britain", "freedonia", "Chad"]}
    assert score_document(pred, gold)["countries"] == Counts(3, 1, 0)


# --------------------------------------------------------------------------- policies, flows


def test_policies_eu_alias_and_country_actor() -> None:
    gold = {
        "policies": [
            {"actor": "European Union", "type": "VisaRestriction", "target": "x"},
            {"actor": "United Kingdom", "type": "Admission", "target": "y"},
            {"actor": "United Kingdom", "type": "Aid", "target": "z"},
        ]
    }
    pred = {
        "policies": [
            {"actor": "EU", "type": "VisaRestriction", "target": "other words"},
            {"actor": "the E.U.", "type": "VisaRestriction", "target": "duplicate key"},
            {"actor": "Britain", "type": "Admission"},
            {"actor": "Britain", "type": "Deportation"},
        ]
    }
    assert score_document(pred, gold)["policies"] == Counts(2, 1, 1)


def test_flows_compared_as_iso_pairs() -> None:
    gold = {"flows": [{"origin": "Syria", "destination": "Turkey"}]}
    pred = {
        "flows": [
            {"origin": "Syrian Arab Republic", "destination": "Türkiye"},
            {"origin": "Turkey", "destination": "Syria"},  # direction matters
        ]
    }
    assert score_document(pred, gold)["flows"] == Counts(1, 1, 0)


def test_missing_keys_mean_empty_lists() -> None:
    scores = score_document({}, {"countries": ["Chad"]})
    assert scores["countries"] == Counts(0, 0, 1)
    assert scores["quotes"] == Counts()


# --------------------------------------------------------------------------- corpus


def test_micro_averaging_across_two_documents() -> None:
    doc_a = (
        {"countries": ["Chad", "Mali"]},
        {"document": "a.txt", "countries": ["Chad"]},
    )  # tp 1, fp 1
    doc_b = (
        {"countries": ["Peru"]},
        {"document": "b.txt", "countries": ["Peru", "Chile", "Bolivia"]},
    )  # tp 1, fn 2
    result = score_corpus([doc_a, doc_b])
    total = result["total"]["countries"]
    assert (total["tp"], total["fp"], total["fn"]) == (2, 1, 2)
    assert total["precision"] == pytest.approx(2 / 3)
    assert total["recall"] == pytest.approx(0.5)
    # micro, not the mean of the per-document F1s (0.667 and 0.5)
    assert total["f1"] == pytest.approx(4 / 7)
    assert [d["document"] for d in result["documents"]] == ["a.txt", "b.txt"]
    json.dumps(result)  # plain data only


def test_format_table_lists_every_metric() -> None:
    result = score_corpus([({"countries": ["Chad"]}, {"countries": ["Chad"]})])
    table = format_table(result)
    for metric in ("quotes", "quote_speaker", "persons", "countries", "policies", "flows"):
        assert metric in table
    assert "speaker_accuracy" in table
    assert "1.000" in table
    assert format_table(score_document({}, {})).splitlines()[0].split()[:4] == [
        "metric",
        "P",
        "R",
        "F1",
    ]


# --------------------------------------------------------------------------- loading


def test_load_gold_dir_keys_by_document(tmp_path: Path) -> None:
    (tmp_path / "x1.gold.json").write_text(json.dumps({"document": "x1.txt"}), "utf-8")
    (tmp_path / "notes.json").write_text("not gold, not read", "utf-8")
    assert list(load_gold_dir(tmp_path)) == ["x1.txt"]


def test_load_gold_dir_names_the_malformed_file(tmp_path: Path) -> None:
    (tmp_path / "ok.gold.json").write_text(json.dumps({"document": "ok.txt"}), "utf-8")
    (tmp_path / "broken.gold.json").write_text('{"document": "b.txt",', "utf-8")
    with pytest.raises(ValueError, match=r"broken\.gold\.json"):
        load_gold_dir(tmp_path)


def test_load_gold_dir_requires_document(tmp_path: Path) -> None:
    (tmp_path / "nodoc.gold.json").write_text(json.dumps({"quotes": []}), "utf-8")
    with pytest.raises(ValueError, match=r"nodoc\.gold\.json"):
        load_gold_dir(tmp_path)


# --------------------------------------------------------------------------- real gold


@pytest.mark.skipif(not SHARED_EVAL.is_dir(), reason="shared eval data not available")
@pytest.mark.parametrize("split", ["seed", "dev"])
def test_real_gold_scores_perfectly_against_itself(split: str) -> None:
    folder = SHARED_EVAL / split
    if not any(folder.glob("*.gold.json")):
        pytest.skip(f"no gold files in {folder}")
    gold = load_gold_dir(folder)
    result = score_corpus([(doc, doc) for doc in gold.values()])
    for doc in result["documents"]:
        for name, row in doc["metrics"].items():
            if "tp" in row:
                assert row["fp"] == row["fn"] == 0, (doc["document"], name)
            elif name != "event_distinct":  # how often a (type, place) repeats: the seed has two queues in Russia
                assert row["correct"] == row["total"], (doc["document"], name)
    for name, row in result["total"].items():
        if "tp" in row and row["support"]:
            assert row["f1"] == 1.0, name
