"""The benchmark's side-by-side measurement: bare tokenisation and the pipeline take turns slice by slice."""

from __future__ import annotations

import itertools

from bench.run import _interleaved_pass, render


def test_each_side_sees_every_document_once_in_turns() -> None:
    calls: list[tuple[str, int]] = []
    docs = list(range(7))
    _interleaved_pass(docs, lambda d: calls.append(("bare", d)), lambda d: calls.append(("pipe", d)), chunk=3)
    assert sorted(d for side, d in calls if side == "bare") == docs
    assert sorted(d for side, d in calls if side == "pipe") == docs
    # slices [0,1,2] [3,4,5] [6]: bare first, then the pipeline first, then bare first again
    sides = [side for side, _ in calls]
    assert sides == ["bare"] * 3 + ["pipe"] * 3 + ["pipe"] * 3 + ["bare"] * 3 + ["bare", "pipe"]


def test_time_is_charged_to_the_side_that_ran() -> None:
    ticks = itertools.count()
    clock_value = [0.0]

    def clock() -> float:
        next(ticks)
        return clock_value[0]

    def cheap(_d) -> None:
        clock_value[0] += 1.0

    def costly(_d) -> None:
        clock_value[0] += 4.0

    first, second = _interleaved_pass(list(range(10)), cheap, costly, chunk=4, clock=clock)
    assert (first, second) == (10.0, 40.0)


def _results(cpu: dict) -> dict:
    return {"started": "2026-11-29 01:00 UTC", "command": "python -m bench", "machine": {
        "cpus": 2, "cpu": "test", "memory_gib": 1.0, "system": "test"}, "versions": {"python": "3"},
        "throughput": {"articles": 2, "words": 100, "blank_words_per_s": 1000.0, "blank_words_per_s_after": 900.0,
                       "runs": {}, "cpu": cpu, "load_before": "0", "load_after": "0"}}


def test_report_says_how_the_cpu_ratio_was_taken() -> None:
    row = {"bare_cpu_s": 1.0, "extract_cpu_s": 4.0, "full_cpu_s": 5.0, "ratio_extract": 0.25, "ratio_full": 0.2}
    cpu = {"rounds": [row], "chunk": 20, "bare_words_per_cpu_s": 100.0, "extract_words_per_cpu_s": 25.0,
           "full_words_per_cpu_s": 20.0, "ratio_extract": 0.25, "ratio_full": 0.2}
    text = render(_results(cpu))
    assert "take turns on slices of 20 documents" in text
    assert "**0.250** without RDF" in text
    del cpu["chunk"]  # results.json of an older run
    assert "whole passes one after the other" in render(_results(cpu))


def test_icount_names_a_missing_corpus(tmp_path, capsys) -> None:
    from bench.icount import main

    missing = tmp_path / "none.jsonl.gz"
    assert main(["--corpus", str(missing)]) == 1
    assert f"{missing}: corpus not found" in capsys.readouterr().err


def test_icount_says_when_valgrind_is_missing(tmp_path, capsys, monkeypatch) -> None:
    import bench.icount as icount

    corpus = tmp_path / "c.jsonl.gz"
    corpus.write_bytes(b"")
    monkeypatch.setattr(icount.shutil, "which", lambda _name: None)
    monkeypatch.delenv(icount.CHILD_ENV, raising=False)
    assert icount.main(["--corpus", str(corpus)]) == 1
    assert "valgrind is not installed" in capsys.readouterr().err
