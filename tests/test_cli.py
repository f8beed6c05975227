"""End-to-end behaviour of the migraph command: outputs, determinism, bad input, queries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from build_graph import main

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = """Border officials report long queues as families flee

WARSAW (AP) — Hundreds of Ukrainian refugees crossed into Poland on Monday, officials said.

"We left everything behind," said Olena Kovalenko, a 34-year-old teacher from Kharkiv. "We only want safety."

Polish Interior Minister Tomasz Wrobel said the border would stay open.
"Everyone fleeing the war is welcome here," Wrobel told reporters.

Source link
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "a.meta.json").write_text(json.dumps({"published": "2022-03-07", "url": "https://example.org/a"}),
                                        encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    assert main(["build", str(corpus), "--out", str(out), "--quiet"]) == 0
    return out


def test_build_writes_graph_and_report(built):
    assert (built / "graph.ttl").stat().st_size > 0
    report = json.loads((built / "report.json").read_text())
    assert report["documents"] == 1
    assert report["counts"]["Person"] >= 2
    assert report["per_document"]["a.txt"]["Quotation"] >= 2
    assert set(report["timings_seconds"]) >= {"read", "extract", "total"}
    assert not [p for p in built.iterdir() if p.name.endswith(".tmp")]


def test_canned_queries_answer(built, capsys):
    assert main(["query", str(built), "persons", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["head"]["vars"][:4] == ["name", "role", "country", "document"]
    names = {b["name"]["value"] for b in data["results"]["bindings"]}
    assert {"Olena Kovalenko", "Tomasz Wrobel"} <= names
    rows = {b["name"]["value"]: b for b in data["results"]["bindings"]}
    assert rows["Tomasz Wrobel"]["country"]["value"] == "Poland"

    assert main(["query", str(built), "countries", "--format", "csv"]) == 0
    csv_text = capsys.readouterr().out
    assert csv_text.splitlines()[0].startswith("name,iso,document")
    assert "Poland,PL,a.txt" in csv_text and "Ukraine,UA,a.txt" in csv_text

    assert main(["query", str(built), "quotes", "--format", "json"]) == 0
    quotes = json.loads(capsys.readouterr().out)["results"]["bindings"]
    by_text = {q["quote"]["value"]: q.get("speaker", {}).get("value") for q in quotes}
    assert by_text.get("We left everything behind") == "Olena Kovalenko"
    assert by_text.get("Everyone fleeing the war is welcome here") == "Tomasz Wrobel"


def test_sources_query_traces_every_fact_to_a_sentence(built, capsys):
    assert main(["query", str(built), "sources", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    assert rows
    text = ARTICLE
    for row in rows:
        start, end = int(row["start"]["value"]), int(row["end"]["value"])
        assert row["document"]["value"] == "a.txt"
        assert text[start:end] in row["sentence"]["value"] or row["sentence"]["value"] in text


def test_query_window_option(built, capsys):
    assert main(["query", str(built), "quotes", "--format", "csv"]) == 0
    default = capsys.readouterr().out
    assert main(["query", str(built), "quotes", "--format", "csv", "--window", "0"]) == 0
    assert capsys.readouterr().out == default  # one document: the window changes nothing
    assert main(["query", str(built), "sources", "--format", "csv", "--window", "1"]) == 0
    assert "a.txt" in capsys.readouterr().out


def test_inline_and_file_queries(built, tmp_path, capsys):
    sparql = "PREFIX mig: <https://w3id.org/migraph/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?d a mig:Document }"
    assert main(["query", str(built / "graph.ttl"), sparql, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1].strip() == "1"
    rq = tmp_path / "q.rq"
    rq.write_text(sparql)
    assert main(["query", str(built), str(rq)]) == 0
    assert "(1 rows)" in capsys.readouterr().out


def test_bad_query_is_a_clear_error(built, capsys):
    assert main(["query", str(built), "SELECT ?x WHERE { ?x"]) == 1
    assert "query failed" in capsys.readouterr().err
    assert main(["query", str(built), "no-such-canned-query"]) == 1
    assert "neither a canned query" in capsys.readouterr().err


def _build_in_subprocess(corpus: Path, out: Path, seed: str) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    subprocess.run([sys.executable, str(ROOT / "build_graph.py"), "build", str(corpus), "--out", str(out),
                    "--quiet"], check=True, env=env, cwd=ROOT)
    return (out / "graph.ttl").read_bytes()


def test_build_is_byte_identical_across_processes(corpus, tmp_path):
    first = _build_in_subprocess(corpus, tmp_path / "one", "1")
    second = _build_in_subprocess(corpus, tmp_path / "two", "2")
    assert first == second


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "file is empty"),
        (b"  \n\n ", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary file"),
        ("Caf\u00e9 r\u00e9fugi\u00e9s".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_file_fails_with_named_error_and_no_output(tmp_path, capsys, content, problem):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = tmp_path / "out"
    assert main(["build", str(bad), "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and problem in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_encoding_option_reads_legacy_text(tmp_path):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Le ministre fran\u00e7ais a parl\u00e9 de la France.".encode("latin-1"))
    out = tmp_path / "out"
    assert main(["build", str(legacy), "--out", str(out), "--encoding", "latin-1", "--quiet"]) == 0
    assert "France" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_size_limit_and_empty_folder(tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_text("Refugees arrived in Greece. " * 100)
    assert main(["build", str(big), "--out", str(tmp_path / "o"), "--max-bytes", "1000", "--quiet"]) == 1
    assert "over the limit" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["build", str(empty), "--out", str(tmp_path / "o2"), "--quiet"]) == 1
    assert "no text files" in capsys.readouterr().err
    assert main(["build", str(tmp_path / "missing"), "--quiet"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_keep_going_skips_bad_files_and_fails_without_it(corpus, tmp_path, capsys):
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    (mixed / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (mixed / "bad.txt").write_bytes(b"\xff\xfe\x00\x01binary")
    assert main(["build", str(mixed), "--out", str(tmp_path / "strict"), "--quiet"]) == 1
    assert not (tmp_path / "strict").exists()
    capsys.readouterr()
    assert main(["build", str(mixed), "--out", str(tmp_path / "lenient"), "--keep-going", "--quiet"]) == 0
    assert "bad.txt" in capsys.readouterr().err
    report = json.loads((tmp_path / "lenient" / "report.json").read_text())
    assert report["documents"] == 1 and report["errors"][0]["file"].endswith("bad.txt")


def test_stray_quote_mark_does_not_lose_the_document(tmp_path):
    text = ('The mayor said the camp was "full.\n\nLater, Chancellor Ines Hartmann visited Austria. '
            '"We will help," Hartmann said.\n')
    article = tmp_path / "stray.txt"
    article.write_text(text)
    out = tmp_path / "out"
    assert main(["build", str(article), "--out", str(out), "--quiet"]) == 0
    turtle = (out / "graph.ttl").read_text()
    assert "Ines Hartmann" in turtle and "We will help" in turtle and "/country/AT>" in turtle


def test_help_and_usage_exit_codes(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    with pytest.raises(SystemExit) as exc:
        main(["query"])
    assert exc.value.code == 2
    assert main([]) == 2
