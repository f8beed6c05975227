"""Round 39 (V39): the events paraphrase matrix, ``tests/data/matrix_events.jsonl``.

Every line is a short invented news text (fictional situations; real country names only where the gazetteer needs
them), written before migraph was run on it, labelled as ``train/events/README.md`` says an annotator would.

Line format: ``{"id", "text", "published", "expect", "note"}``.

* ``published`` ("YYYY-MM-DD") is the document's date: relative dates ("on Friday", "last week") resolve against it.
* ``expect`` lists the events, each ``[type, places, quantity, date]``:
  - ``type``: one of the nine event types (``DeportationEvent`` for a deportation or pushback);
  - ``places``: ISO 3166 alpha-2 codes, any of them accepted (two for an event between two countries);
  - ``quantity``: ``[value, unit]`` or null; the unit may be null (any unit), else it must equal the event's unit
    or the last word of its counted noun (singular or plural); null means the event carries no quantity;
  - ``date`` (optional): the resolved date at the text's precision (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, or a
    week ``YYYY-MM-DD/YYYY-MM-DD``), or null when the text does not date it; absent when the line leaves the date
    unchecked (a date the guideline leaves open, "since the war began").
  ``[]`` marks a hard negative: no event at all.

Scoring as ``graph/evaluate.py`` does: keys are (type, country of the place; a place below the country level counts
as its country); a key matching no expected event is a false positive, an expected event matched by no key a false
negative; quantity and date are checked on the matched keys. A line passes when it has no false positive or
negative and every quantity and date is right. Lines still wrong are marked ``xfail(strict=True)`` with the reason
in ``XFAIL``: fixing one flips its test, a regression on any other fails.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

MATRIX = Path(__file__).parent / "data" / "matrix_events.jsonl"
LINES = [json.loads(line) for line in MATRIX.read_text(encoding="utf-8").splitlines() if line.strip()]

XFAIL: dict[str, str] = {
    "s02": "a time in a 'when' clause that holds a second wreck verb is not given to the first",
    "s11": "survivors are counted as 'survivor', not as people",
    "p09": "a count after a relative clause ('The protest, which ..., drew 300 people') is cut off by 'which'",
    "p12": "'in protest at' is left out on purpose ('resigned in protest'): a blockade told that way is missed",
    "pn3": "the topic of a protest is not read: a protest about sport counts like one about migration",
    "m08": "'The call-up, which X announced on Sunday, covers N': the date and count beyond the relative clause",
    "m09": "'conscription notices were sent to N men': no military cue word in the sentence",
    "e08": "'N <demonym> left for X' without a war or draft cue in the sentence",
    "d08": "'were removed from X' is no deportation trigger (too common a verb)",
    "d11": "a count before a relative clause ('The 70 men, who were deported') is cut off by 'who'",
    "i04": "the gazetteer reads 'Congo' as the Republic of the Congo",
    "x04": "'Since then, N <demonym> have left for X': the cue is in the sentence before",
    "a04": "a change told over two sentences: the sentence with the size names no country",
    "z03": "an exodus noun with a demonym and no people or war cue in the sentence",
}


@pytest.fixture(scope="module")
def nlp():
    from extractors.pipeline import build_pipeline

    return build_pipeline()


def predicted_events(nlp, text: str, published: str | None) -> list[dict]:
    """The events the build writes for ``text``: {"type", "place" (ISO country), "date", "quantities"}."""
    from graph.build import extract_document
    from graph.documents import make_document

    date = dt.date.fromisoformat(published) if published else None
    assertions, _ = extract_document(nlp, make_document("m.txt", text, Path("m.txt"), published=date))
    out = []
    for e in assertions.events:
        place = None
        if e.place and e.place[0] == "Country":
            place = e.place[1]
        elif e.place:
            entity = assertions.entities.get(e.place)
            country = entity.attributes.get("country") if entity else None
            place = country if isinstance(country, str) else None
        out.append({"type": e.event_type, "place": place, "date": e.time.value if e.time else None,
                    "quantities": [(q.value, q.unit, q.counted) for q in e.quantities]})
    return out


def _same_quantity(wanted, found) -> bool:
    value, unit = wanted
    got_value, got_unit, counted = found
    if abs(float(value) - float(got_value)) > 1e-6 * max(1.0, abs(float(value))):
        return False
    if unit is None or unit == got_unit:
        return True
    words = (counted or "").lower().split()
    return bool(words) and words[-1] in {unit, unit + "s", unit + "es"}


def score_line(line: dict, predicted: list[dict]) -> dict:
    """tp/fp/fn on keys, and the quantity and date errors on matched ones (names of what is wrong)."""
    by_key: dict[tuple[str, str | None], list[dict]] = {}
    for e in predicted:
        by_key.setdefault((e["type"], e["place"]), []).append(e)
    free = dict.fromkeys(by_key, True)
    tp, fn, wrong = 0, 0, []
    for expected in line["expect"]:
        kind, places, quantity = expected[0], expected[1], expected[2]
        key = next((k for k in by_key if free[k] and k[0] == kind and k[1] in places), None)
        if key is None:
            fn += 1
            continue
        free[key] = False
        tp += 1
        found = by_key[key]
        quantities = [q for e in found for q in e["quantities"]]
        if quantity is None and quantities or quantity is not None and not any(
                _same_quantity(quantity, q) for q in quantities):
            wrong.append(f"quantity {kind}: {quantities}")
        if len(expected) > 3:
            date = expected[3]
            dates = {e["date"] for e in found if e["date"]}
            if date is None and dates or date is not None and date not in dates:
                wrong.append(f"date {kind}: {sorted(dates)}")
    fp = sum(free.values())
    return {"tp": tp, "fp": fp, "fn": fn, "wrong": wrong,
            "spurious": [k for k, f in free.items() if f]}


def _cases():
    for line in LINES:
        marks = [pytest.mark.xfail(strict=True, reason=XFAIL[line["id"]])] if line["id"] in XFAIL else []
        yield pytest.param(line, id=line["id"], marks=marks)


def test_matrix_is_well_formed():
    ids = [line["id"] for line in LINES]
    assert len(ids) == len(set(ids)) and len(ids) >= 150
    assert set(XFAIL) <= set(ids)
    assert sum(1 for line in LINES if not line["expect"]) >= len(LINES) // 4  # hard negatives
    for line in LINES:
        for expected in line["expect"]:
            assert isinstance(expected[1], list) and all(len(c) == 2 for c in expected[1])


@pytest.mark.parametrize("line", _cases())
def test_matrix_line(nlp, line):
    result = score_line(line, predicted_events(nlp, line["text"], line.get("published")))
    assert (result["fp"], result["fn"], result["wrong"]) == (0, 0, []), (line["note"], result)
