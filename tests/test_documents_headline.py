"""Headlines of JSON Lines records and HTML pages are read as the article's first paragraph."""

from __future__ import annotations

import json
from pathlib import Path

from graph.build import build
from graph.documents import iter_documents, make_document, with_headline
from graph.predictions import predictions_from_graph

BODY = ("The convoy left the border town at dawn, officials said on Monday.\n\n"
        "Aid groups described long queues at the crossing point.")


def test_headline_becomes_the_first_paragraph():
    text = with_headline("Hundreds of Sudanese flee to Chad", BODY)
    assert text.startswith("Hundreds of Sudanese flee to Chad\n\nThe convoy left")
    assert text.endswith(BODY)


def test_a_body_that_opens_with_its_headline_is_left_alone():
    body = "Hundreds of Sudanese flee\nto Chad\n\n" + BODY
    assert with_headline("Hundreds of  sudanese flee to Chad ", body) == body
    assert with_headline("   \n ", BODY) == BODY


def test_make_document_reads_the_headline_only_when_asked():
    plain = make_document("x", BODY, Path("x"), title="Hundreds of Sudanese flee to Chad")
    read = make_document("x", BODY, Path("x"), title="Hundreds of Sudanese flee to Chad", headline=True)
    assert plain.text == BODY
    assert read.text.startswith("Hundreds of Sudanese flee to Chad\n\n")
    assert read.sha256 != plain.sha256  # the content hash covers what is read
    assert read.title == "Hundreds of Sudanese flee to Chad"


def test_jsonl_records_are_read_with_their_titles(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "n1", "title": "Hundreds of Sudanese flee to Chad", "text": BODY}) + "\n"
                    + json.dumps({"id": "n2", "text": BODY}) + "\n", encoding="utf-8")
    with_title, without = list(iter_documents([path]))
    assert with_title.text.startswith("Hundreds of Sudanese flee to Chad\n\n")
    assert without.text == BODY


def test_a_flow_stated_only_in_the_headline_is_extracted(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "n1", "title": "Hundreds of Sudanese flee to Chad", "text": BODY}) + "\n",
                    encoding="utf-8")
    graph = build([path]).graph
    flows = {(f["origin"], f["destination"]) for f in predictions_from_graph(graph)["n1"]["flows"]}
    assert ("Sudan", "Chad") in flows


HTML_PAGE = """<!doctype html>
<html><head><title>Families cross into Moldova | Example Times</title>
<meta property="og:title" content="Families cross into Moldova"></head>
<body><nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>
<article><p>Volunteers handed out blankets and hot tea at the checkpoint through the night, and local
schools opened their gyms to the newcomers who had nowhere else to stay.</p>
<p>"We will help everyone who comes," a volunteer coordinator told reporters at the crossing on Sunday.</p>
</article></body></html>
"""


def test_html_pages_are_read_with_their_titles(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    (doc,) = list(iter_documents([path]))
    assert doc.title == "Families cross into Moldova"
    assert doc.text.startswith("Families cross into Moldova\n\n")
    assert doc.text.count("Families cross into Moldova") == 1
