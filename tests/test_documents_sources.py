"""Streamed sources: JSON Lines (plain and gzip) with per-line errors, and HTML pages with boilerplate dropped."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from graph.documents import InputError, discover, iter_documents, source_kind

ARTICLE_ONE = ("Ferry arrives with families\n\nA ferry carrying 300 people docked in Piraeus on Tuesday. "
               "\"We have waited for weeks,\" said Amira Haddad, a mother of three.")
ARTICLE_TWO = "Officials in Rome said the reception centre was full and asked other regions for help."


def _jsonl(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


@pytest.fixture
def jsonl_file(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text(_jsonl([
        json.dumps({"id": "a1", "title": "Ferry arrives", "text": ARTICLE_ONE, "published": "2023-05-02",
                    "url": "https://example.org/a1"}),
        "{not json",
        "",
        json.dumps({"id": "a3", "text": ARTICLE_TWO}),
        json.dumps({"id": "a4", "title": "empty"}),
    ]), encoding="utf-8")
    return path


def test_jsonl_stops_at_a_bad_line_naming_its_number(jsonl_file):
    with pytest.raises(InputError) as caught:
        list(iter_documents([jsonl_file]))
    assert caught.value.path == f"{jsonl_file}:2"
    assert "not valid JSON" in caught.value.problem


def test_jsonl_keep_going_skips_bad_lines_and_keeps_metadata(jsonl_file):
    errors: list[InputError] = []
    docs = list(iter_documents([jsonl_file], keep_going=True, errors=errors))
    assert [d.name for d in docs] == ["a1", "a3"]
    assert [e.path for e in errors] == [f"{jsonl_file}:2", f"{jsonl_file}:5"]
    assert "text" in errors[1].problem
    first = docs[0]
    assert first.title == "Ferry arrives"
    assert first.published == date(2023, 5, 2)
    assert first.url == "https://example.org/a1"
    assert first.text == ARTICLE_ONE
    assert docs[1].title is None  # no title field and the text has no stand-alone headline


def test_gzipped_jsonl_and_name_fallback(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": ARTICLE_TWO}) + "\n")
    docs = list(iter_documents([path]))
    assert len(docs) == 1
    assert docs[0].name == "batch.jsonl.gz:1"  # no id: file and line
    assert docs[0].text == ARTICLE_TWO


def test_truncated_gzip_is_an_input_error(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    data = gzip.compress((json.dumps({"id": "x", "text": ARTICLE_TWO}) + "\n").encode() * 200)
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as caught:
        list(iter_documents([path]))
    assert "cannot read" in caught.value.problem


HTML_PAGE = """<!doctype html>
<html><head><title>Boat rescue off Lampedusa | Example News</title>
<meta property="og:title" content="Boat rescue off Lampedusa">
<meta property="article:published_time" content="2023-08-14T09:00:00Z">
<link rel="canonical" href="https://news.example.org/boat-rescue"></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news menu</a></li>
<li><a href="/sport">Sport section link</a></li></ul></nav>
<article>
<h1>Boat rescue off Lampedusa</h1>
<p>Coast guard crews rescued 43 people from a sinking boat south of Lampedusa early on Monday,
the Italian authorities said in a statement released later that morning.</p>
<p>"The sea was very rough and the boat was taking on water," said Marco Rossi, a coast guard officer
who took part in the rescue operation near the island.</p>
<p>The passengers, most of them from Tunisia and Egypt, were taken to a reception centre on the island,
where doctors examined them and found that all of them were in stable condition.</p>
</article>
<footer><p>Subscribe to our newsletter. Cookie settings. Copyright Example News 2023.</p></footer>
</body></html>
"""


def test_html_main_text_without_boilerplate(tmp_path):
    path = tmp_path / "rescue.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    docs = list(iter_documents([path]))
    assert len(docs) == 1
    text = docs[0].text
    assert "rescued 43 people" in text
    assert "Marco Rossi" in text
    assert "Sport section link" not in text
    assert "newsletter" not in text
    assert docs[0].title == "Boat rescue off Lampedusa"
    assert docs[0].published == date(2023, 8, 14)
    assert "\n\n" in text  # paragraphs kept apart, as the sentence rules expect


def test_html_without_article_text_is_an_input_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    with pytest.raises(InputError):
        list(iter_documents([path]))


def test_folders_mix_kinds_and_skip_sidecars(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_TWO, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / "b.html").write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c1", "text": ARTICLE_ONE}) + "\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x,y\n", encoding="utf-8")
    assert [p.name for p in discover([tmp_path])] == ["a.txt", "b.html", "c.jsonl"]
    assert [source_kind(p) for p in discover([tmp_path])] == ["text", "html", "jsonl"]
    assert [d.name for d in iter_documents([tmp_path])] == ["a.txt", "b.html", "c1"]


def test_cli_build_keep_going_reports_line(tmp_path, jsonl_file, capsys):
    from build_graph import main

    assert main(["build", str(jsonl_file), "--out", str(tmp_path / "out"), "--quiet"]) == 1
    assert f"{jsonl_file}:2" in capsys.readouterr().err
    assert not (tmp_path / "out" / "graph.ttl").exists()
    assert main(["build", str(jsonl_file), "--out", str(tmp_path / "out"), "--quiet", "--keep-going",
                 "--no-validate"]) == 0
    err = capsys.readouterr().err
    assert f"skipped {jsonl_file}:2" in err and f"{jsonl_file}:5" in err
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert sorted(report["per_document"]) == ["a1", "a3"]
