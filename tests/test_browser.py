"""The HTML view in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

One browser for the module. Skips, saying why, when chromium or Playwright is missing
(``make browser`` installs chromium). Verifies: the seed's graph renders every node and
edge; no console error; no network request but the page itself; search, type filter and
tooltips work; hostile text (built through the pipeline and by hand) is shown, never run. A
screenshot of the seed graph goes to ``test-artifacts/seed-graph.png``.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from rdflib import Graph

from build_graph import main
from graph import analysis, viz

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed-build")
    assert main(["build", str(ROOT / "seeds"), "--out", str(out), "--quiet"]) == 0
    return out


@pytest.fixture(scope="module")
def browser():
    path = _chromium()
    if path is None:
        pytest.skip("chromium is not installed: run `make browser` (apt-get install chromium) for the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="Playwright is not installed (pip install -e '.[dev]')")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


class Opened:
    """A loaded page with everything it logged and requested."""

    def __init__(self, browser, path: Path):
        self.console: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_selector('body[data-ready="1"]', state="attached", timeout=20000)

    def errors(self) -> list[str]:
        return [c for c in self.console if c.startswith(("error", "pageerror"))]

    def close(self) -> None:
        self.page.close()


@pytest.fixture()
def open_page(browser):
    opened: list[Opened] = []

    def _open(path: Path) -> Opened:
        page = Opened(browser, path)
        opened.append(page)
        return page

    yield _open
    for page in opened:
        page.close()


def payload_of(page: bytes) -> dict:
    match = re.search(rb'<script type="application/json" id="migraph-data">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def test_seed_build_writes_graph_html(seed_build):
    page = seed_build / "graph.html"
    assert page.is_file()
    network = analysis.entity_graph(Graph().parse(seed_build / "graph.ttl"))
    payload = payload_of(page.read_bytes())
    assert len(payload["nodes"]) == network.number_of_nodes() > 20
    assert len(payload["edges"]) == network.number_of_edges() > 20
    assert not list(seed_build.glob(".*.tmp"))


def test_seed_graph_renders_offline_without_errors(seed_build, open_page):
    page = seed_build / "graph.html"
    expected = payload_of(page.read_bytes())
    opened = open_page(page)
    counts = opened.page.evaluate(
        "[migraph.nodes.length, migraph.edges.length, migraph.network.body.nodeIndices.length,"
        " migraph.network.body.edgeIndices.length]")
    assert counts == [len(expected["nodes"]), len(expected["edges"])] * 2
    assert opened.errors() == []
    assert opened.requests == [opened.url]  # the page itself and nothing else
    ARTIFACTS.mkdir(exist_ok=True)
    opened.page.screenshot(path=str(ARTIFACTS / "seed-graph.png"))
    legend = opened.page.inner_text("#legend")
    assert "Person (" in legend and "Country (" in legend


def test_search_filter_and_tooltip(seed_build, open_page):
    opened = open_page(seed_build / "graph.html")
    page = opened.page
    page.fill("#search", "vladimir PUTIN")
    assert page.inner_text("#search-status") == "1 match"
    assert "Vladimir Putin" in page.inner_text("#panel-body")
    assert page.evaluate("migraph.network.getSelectedNodes().length") == 1
    # the type filter hides every country and their edges
    countries = page.evaluate("migraph.nodes.get().filter(n => n.type === 'Country').length")
    before = page.evaluate("migraph.network.body.nodeIndices.length")
    page.uncheck('input[data-type="Country"]')
    assert page.evaluate("migraph.network.body.nodeIndices.length") == before - countries > 0
    page.check('input[data-type="Country"]')
    assert page.evaluate("migraph.network.body.nodeIndices.length") == before
    # hovering a node shows its type and where it comes from
    page.fill("#search", "")
    point = page.evaluate(
        "(() => { const id = migraph.nodes.get().find(n => n.label === 'Vladimir Putin').id;"
        " migraph.network.moveTo({position: migraph.network.getPositions([id])[id], scale: 1.5, animation: false});"
        " const p = migraph.network.canvasToDOM(migraph.network.getPositions([id])[id]);"
        " const r = document.getElementById('network').getBoundingClientRect();"
        " return [r.left + p.x, r.top + p.y]; })()")
    page.mouse.move(point[0] - 30, point[1] - 30)
    page.mouse.move(point[0], point[1], steps=3)
    page.wait_for_selector("#tooltip:not([hidden])", timeout=5000)
    tip = page.inner_text("#tooltip")
    assert "Vladimir Putin" in tip and "type: Person" in tip and ".txt" in tip
    assert opened.errors() == []


# Payloads inside quotation marks (the extractor keeps them as quotes) and in a name position;
# no nested double quotes, which would pair up as quotations of their own.
HOSTILE_ARTICLE = (
    "Border officials in Tallinn described a tense week, the agency reported on Monday.\n\n"
    "\"<script>window.__pwned = 1</script> we keep the crossing open,\" said Maria Kask, "
    "a spokeswoman for the Interior Ministry.\n\n"
    "\"<img src=x onerror=window.__pwned=2> is what they wrote on the sign,\" Kask said.\n\n"
    "\"Click <a href='javascript:window.__pwned=3'>here</a> and \\ then \\' quote,\" said Peeter Tamm, "
    "a lawyer in Narva.\n\n"
    "Estonia and Latvia closed their borders to Russian tourists, Tamm said.\n"
)


def _assert_inert(opened: Opened) -> None:
    page = opened.page
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('#side img, #side a, #side svg, #tooltip *:not(div):not(span)"
                         ":not(blockquote):not(cite):not(b)').length") == 0
    assert opened.errors() == []
    assert opened.requests == [opened.url]


def test_hostile_article_renders_as_text(tmp_path, open_page):
    source = tmp_path / "src" / "hostile.txt"
    source.parent.mkdir()
    source.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(source), "--out", str(out), "--quiet"]) == 0
    payload = payload_of((out / "graph.html").read_bytes())
    quotes = [n["name"] for n in payload["nodes"] if n["type"] == "Quotation"]
    assert any("<script>" in q for q in quotes) and any("<img src=x" in q for q in quotes), quotes
    opened = open_page(out / "graph.html")
    _assert_inert(opened)
    opened.page.fill("#search", "<script>")
    panel = opened.page.inner_text("#panel-body")
    assert "<script>window.__pwned = 1</script>" in panel
    _assert_inert(opened)


def test_hostile_labels_headings_and_tooltips_stay_text(tmp_path, open_page):
    from test_viz import HOSTILE, hostile_rdf

    page_path = tmp_path / "hostile.html"
    page_path.write_bytes(viz.graph_page(hostile_rdf(), title=HOSTILE[3] + HOSTILE[1]).html)
    opened = open_page(page_path)
    page = opened.page
    assert page.inner_text("h1") == HOSTILE[3] + HOSTILE[1]
    assert page.title() == HOSTILE[3] + HOSTILE[1]
    labels = page.evaluate("migraph.nodes.get().map(n => n.label)")
    assert sorted(labels) == sorted(n["label"] for n in payload_of(page_path.read_bytes())["nodes"])
    assert {HOSTILE[0], HOSTILE[1], HOSTILE[4]} <= set(labels)  # short enough to be shown whole
    for needle in ("<img", "javascript:", "</script>", "<svg", "backslash"):
        page.fill("#search", needle)
        assert int(page.inner_text("#search-status").split()[0]) >= 1
        _assert_inert(opened)
    # hover every node: tooltips are built from text nodes
    ids = page.evaluate("migraph.nodes.getIds()")
    for node_id in ids[:8]:
        point = page.evaluate(
            f"(() => {{ const pos = migraph.network.getPositions([{node_id}])[{node_id}];"
            " migraph.network.moveTo({position: pos, scale: 1.0, animation: false});"
            " const p = migraph.network.canvasToDOM(pos);"
            " const r = document.getElementById('network').getBoundingClientRect();"
            " return [r.left + p.x, r.top + p.y]; })()")
        page.mouse.move(point[0] + 40, point[1] + 40)
        page.mouse.move(point[0], point[1], steps=2)
        page.wait_for_selector("#tooltip:not([hidden])", timeout=5000)
    assert "onerror" in page.inner_text("#tooltip") or "<" in page.inner_text("#tooltip")
    _assert_inert(opened)


def test_flow_view_renders_and_explains_an_edge(seed_build, open_page):
    flows = seed_build / "flows.html"
    assert main(["viz", str(seed_build), "--flows", "-o", str(flows)]) == 0
    expected = payload_of(flows.read_bytes())
    opened = open_page(flows)
    page = opened.page
    assert page.evaluate("[migraph.nodes.length, migraph.edges.length]") == [
        len(expected["nodes"]), len(expected["edges"])]
    assert opened.errors() == [] and opened.requests == [opened.url]
    if not expected["edges"]:
        assert "No migration flows" in page.inner_text("#notice")
        return
    # click the middle of the widest flow arrow: the panel explains it with its sentence
    widest = max(range(len(expected["edges"])), key=lambda i: expected["edges"][i]["width"])
    point = page.evaluate(
        f"(() => {{ const e = migraph.edges.get({widest}); const p = migraph.network.getPositions([e.from, e.to]);"
        " const mid = {x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2};"
        " migraph.network.moveTo({position: mid, scale: 1.0, animation: false});"
        " const d = migraph.network.canvasToDOM(mid);"
        " const r = document.getElementById('network').getBoundingClientRect();"
        " return [r.left + d.x, r.top + d.y]; })()")
    page.mouse.click(point[0], point[1])
    panel = page.inner_text("#panel-body")
    assert "relations:" in panel and "statements:" in panel
    if expected["edges"][widest]["evidence"]:
        assert expected["edges"][widest]["evidence"][0][1][:30] in " ".join(panel.split())
