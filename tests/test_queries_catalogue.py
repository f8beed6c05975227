"""The canned query catalogue (queries/*.rq): every query is described, runs, and answers its question
on a graph built from articles written for this test (policies and flows are added through the
real RDF writer, so the test does not depend on the extractors' recall)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.assertions import Evidence, Flow, Policy, Quantity, TimeExpression
from graph.query import canned_queries, rows_as_dicts, run_query

ARTICLES = {
    "border-shut.txt": ("2031-03-02", """Latvia shuts crossings to Russian travellers

Latvia will refuse entry to Russian citizens holding tourist visas from March 3, 2031, the government said.
"We cannot keep the door open while this war goes on," Interior Minister Marta Kalnina told reporters in Riga.
Thousands of Russians have crossed into Finland and Georgia since the mobilisation began, border officials said.
"People are frightened and they are leaving," a volunteer at the crossing said.
"""),
    "finland-follows.txt": ("2031-03-05", """Finland follows its Baltic neighbours

Finland announced on March 4, 2031, that it would also restrict entry for Russian tourists.
"Our decision protects the security of Finland and of the whole European Union," said Prime Minister Elina Sarvas.
Many Russians fled to Georgia and Kazakhstan, according to the UN refugee agency.
Marta Kalnina welcomed the decision. "Finland has made the right choice," Kalnina said.
"""),
    "georgia-arrivals.txt": ("2031-03-09", """Georgia sees record arrivals

More than 50,000 Russians have entered Georgia this month, officials in Tbilisi said.
"We have never seen queues like this," border guard spokesman Levan Beridze said.
"""),
}

# The migration facts each article states: (file, sentence start words, kind, fields).
POLICIES = [
    ("border-shut.txt", "Latvia will refuse", dict(actor_kind="Country", actor_key="LV", policy_type="EntryBan",
                                                   target="Russian citizens holding tourist visas",
                                                   target_nationality="RU"), ("March 3, 2031", "2031-03-03")),
    ("finland-follows.txt", "Finland announced", dict(actor_kind="Country", actor_key="FI", policy_type="EntryBan",
                                                      target="Russian tourists", target_nationality="RU",
                                                      status="announced"), ("March 4, 2031", "2031-03-04")),
]
FLOWS = [
    ("border-shut.txt", "Thousands of Russians", "RU", "FI", None),
    ("border-shut.txt", "Thousands of Russians", "RU", "GE", None),
    ("finland-follows.txt", "Many Russians fled", "RU", "GE", None),
    ("finland-follows.txt", "Many Russians fled", "RU", "KZ", None),
    ("georgia-arrivals.txt", "More than 50,000", "RU", "GE", ("More than 50,000 Russians", 50000.0)),
]


def _evidence(text: str, words: str, extractor: str) -> Evidence:
    start = text.index(words)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.index("\n", start)
    return Evidence(start, line_end, line_start, line_end, extractor)


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    from graph.build import build
    from graph.rdf import DocumentWriter

    folder = tmp_path_factory.mktemp("articles")
    for name, (published, text) in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
        (folder / name.replace(".txt", ".meta.json")).write_text(json.dumps({"published": published}))
    result = build([folder], progress=False)
    documents = {d.name: d for d in result.documents}
    for name, words, fields, (when, value) in POLICIES:
        document = documents[name]
        evidence = _evidence(document.text, words, "test.policies")
        start = document.text.index(when, evidence.start)
        time = TimeExpression(when, start, start + len(when), value, "day")
        DocumentWriter(result.graph, document).write_policy(Policy(evidence=evidence, time=time, **fields))
    for name, words, origin, destination, quantity in FLOWS:
        document = documents[name]
        evidence = _evidence(document.text, words, "test.flows")
        quantities = []
        if quantity:
            start = document.text.index(quantity[0])
            quantities = [Quantity(quantity[0], start, start + len(quantity[0]), quantity[1], "person",
                                   "more than", "russians")]
        DocumentWriter(result.graph, document).write_flow(
            Flow(origin=origin, destination=destination, evidence=evidence, group="Russians",
                 quantities=quantities))
    return result.graph


def _rows(graph, name: str) -> list[dict]:
    return rows_as_dicts(run_query(graph, canned_queries()[name].read_text(encoding="utf-8")))


def _edited(name: str, old: str, new: str) -> str:
    text = canned_queries()[name].read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new)


MINE = ["entry-restrictions", "quotes-by-person", "destinations", "policies-by-actor", "said-about-country",
        "persons-by-role", "fact-support", "top-speakers", "anonymous-quotes", "groups-by-nationality",
        "country-pairs", "documents", "timeline"]


def test_catalogue_has_at_least_ten_described_questions():
    catalogue = canned_queries()
    assert set(MINE) <= set(catalogue)
    for name, path in catalogue.items():
        lines = path.read_text(encoding="utf-8").splitlines()
        description = [line for line in lines[:8] if line.startswith("#")]
        assert description and len(" ".join(description)) > 60, f"{name}.rq needs a descriptive comment"


def test_every_canned_query_runs(graph):
    for name in canned_queries():
        result = run_query(graph, canned_queries()[name].read_text(encoding="utf-8"))
        assert result.type == "SELECT", name
        list(result)


def test_built_graph_conforms_to_the_shapes(graph):
    from graph.validate import format_report, validate_graph

    report = validate_graph(graph)
    assert report.conforms, format_report(report)


def test_entry_restrictions_for_russians_and_since_when(graph):
    rows = {(r["actor"], r["measure"]): r for r in _rows(graph, "entry-restrictions")}
    latvia = rows[("Latvia", "EntryBan")]
    assert latvia["actorIso"] == "LV" and latvia["since"] == "2031-03-03"
    assert latvia["firstReported"] == "2031-03-02" and latvia["nationality"] == "RU"
    finland = rows[("Finland", "EntryBan")]
    assert finland["since"] == "2031-03-04" and "Announced" in finland["statuses"]
    other = run_query(graph, _edited("entry-restrictions", 'VALUES ?nationality { "RU" }',
                                     'VALUES ?nationality { "UA" }'))
    assert not list(other)


def test_quotes_by_person_with_source_sentence(graph):
    rows = _rows(graph, "quotes-by-person")
    kalnina = [r for r in rows if r["speaker"] == "Marta Kalnina"]
    assert [r["quote"] for r in kalnina] == [
        "We cannot keep the door open while this war goes on", "Finland has made the right choice"]
    assert kalnina[0]["sentence"].endswith("told reporters in Riga.") and kalnina[0]["document"] == "border-shut.txt"
    assert kalnina[1]["published"] == "2031-03-05"
    one = rows_as_dicts(run_query(graph, _edited("quotes-by-person", "VALUES ?speaker { UNDEF }",
                                                 'VALUES ?speaker { "Levan Beridze" }')))
    assert [r["quote"] for r in one] == ["We have never seen queues like this"]


def test_destinations_from_russia_ranked_by_reports(graph):
    rows = _rows(graph, "destinations")
    assert [r["destinationIso"] for r in rows][:1] == ["GE"]
    georgia = rows[0]
    assert int(georgia["documents"]) >= 3 and float(georgia["largestCount"]) == 50000
    assert {"FI", "KZ"} <= {r["destinationIso"] for r in rows}
    assert all(int(r["documents"]) <= int(georgia["documents"]) for r in rows)


def test_policies_per_actor_by_type(graph):
    rows = {(r["actor"], r["policyType"]): r for r in _rows(graph, "policies-by-actor")}
    assert int(rows[("Latvia", "EntryBan")]["statements"]) >= 1
    assert rows[("Finland", "EntryBan")]["documents"] == "1"


def test_who_said_what_about_a_country(graph):
    rows = _rows(graph, "said-about-country")
    finland = [r for r in rows if r["iso"] == "FI"]
    assert {(r["speaker"], r["quote"]) for r in finland} >= {
        ("Elina Sarvas", "Our decision protects the security of Finland and of the whole European Union")}
    only = rows_as_dicts(run_query(graph, _edited("said-about-country", "VALUES ?iso { UNDEF }",
                                                  'VALUES ?iso { "GE" }')))
    assert all(r["iso"] == "GE" for r in only)


def test_persons_by_role(graph):
    rows = _rows(graph, "persons-by-role")
    roles = {(r["role"].lower(), r["name"]) for r in rows}
    assert ("interior minister", "Marta Kalnina") in roles
    assert ("prime minister", "Elina Sarvas") in roles
    kalnina = [r for r in rows if r["name"] == "Marta Kalnina"]
    assert max(int(r["documents"]) for r in kalnina) == 2


def test_fact_support_counts_sources(graph):
    rows = _rows(graph, "fact-support")
    flows = [r for r in rows if r["predicate"].endswith("#flowTo")]
    top = next(r for r in flows if r["subjectLabel"] == "Russia" and r["objectLabel"] == "Georgia")
    assert int(top["documents"]) >= 3 and top["firstDocument"] == "border-shut.txt"
    assert rows.index(top) < min(rows.index(r) for r in flows if r["objectLabel"] == "Kazakhstan")


def test_top_speakers(graph):
    rows = _rows(graph, "top-speakers")
    assert rows[0]["speaker"] == "Marta Kalnina" and rows[0]["quotes"] == "2" and rows[0]["documents"] == "2"
    assert rows[0]["kind"] == "Person"


def test_anonymous_quotes(graph):
    rows = _rows(graph, "anonymous-quotes")
    assert [(r["quote"], r["document"]) for r in rows] == [
        ("People are frightened and they are leaving", "border-shut.txt")]
    assert "volunteer" in rows[0]["speakerDescription"]


def test_groups_by_nationality(graph):
    rows = _rows(graph, "groups-by-nationality")
    russians = {r["group"]: r for r in rows if r["nationality"] == "Russia"}
    assert {"Russian tourists", "Russian travellers"} <= set(russians)
    assert all(int(r["documents"]) >= 1 for r in russians.values())
    assert rows == sorted(rows, key=lambda r: (r["nationality"] or "", -int(r["documents"]), r["group"]))


def test_country_pairs(graph):
    rows = _rows(graph, "country-pairs")
    pairs = {frozenset((r["countryA"], r["countryB"])): int(r["sentences"]) for r in rows}
    assert pairs[frozenset(("Finland", "Georgia"))] >= 1
    assert pairs[frozenset(("Georgia", "Kazakhstan"))] >= 1
    assert all(r["countryA"] != r["countryB"] for r in rows)


def test_documents_overview(graph):
    rows = {r["document"]: r for r in _rows(graph, "documents")}
    assert list(rows) == ["border-shut.txt", "finland-follows.txt", "georgia-arrivals.txt"]  # by date
    assert rows["border-shut.txt"]["title"] == "Latvia shuts crossings to Russian travellers"
    assert int(rows["border-shut.txt"]["quotations"]) == 2 and int(rows["georgia-arrivals.txt"]["flows"]) >= 1
    assert int(rows["georgia-arrivals.txt"]["policies"]) >= 0 and int(rows["border-shut.txt"]["policies"]) >= 1


def test_timeline_in_date_order(graph):
    rows = _rows(graph, "timeline")
    dated = [(r["date"], r["kind"], r["what"], r["actor"]) for r in rows]
    assert ("2031-03-03", "Policy", "EntryBan", "Latvia") in dated
    assert ("2031-03-04", "Policy", "EntryBan", "Finland") in dated
    assert [d[0] for d in dated] == sorted(d[0] for d in dated)


def test_queries_command_lists_the_catalogue(capsys):
    import build_graph

    assert build_graph.main(["queries"]) == 0
    listing = capsys.readouterr().out
    for name in MINE:
        assert name in listing


def test_catalogue_files_are_packaged():
    root = Path(__file__).resolve().parent.parent
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert 'queries = ["*.rq"]' in text


# --- windows: what a canned query answers for on a large graph ----------------------------------

WINDOWED_BY_DOCUMENT = ["quotes", "persons", "countries", "documents", "anonymous-quotes", "said-about-country",
                        "top-speakers", "persons-by-role", "groups-by-nationality"]


def test_window_is_declared_and_can_be_set_or_lifted():
    from graph.query import QueryError, query_window, resolve_query, set_window

    windows = {name: query_window(resolve_query(name)) for name in canned_queries()}
    assert {name for name, size in windows.items() if size == 100} == set(WINDOWED_BY_DOCUMENT)
    assert windows["sources"] == 1 and windows["timeline"] == 2000
    assert windows["fact-support"] == windows["country-pairs"] == 50
    assert {windows[n] for n in ("policies", "flows", "events", "quotes-by-person")} == {1000}
    assert {n for n, size in windows.items() if size is None} == {"destinations", "entry-restrictions",
                                                                   "policies-by-actor"}
    lifted = resolve_query("quotes", window=0)
    assert query_window(lifted) is None and "LIMIT" not in lifted.split("WHERE", 1)[1]
    assert query_window(resolve_query("quotes", window=7)) == 7
    assert set_window("SELECT * WHERE { ?s ?p ?o } LIMIT 5", 0).endswith("LIMIT 5")  # an ordinary LIMIT stays
    with pytest.raises(QueryError):
        resolve_query("quotes", window=-1)


@pytest.mark.parametrize("name", sorted(set(canned_queries()) - {"sources"}))  # sources: one of three documents
def test_a_window_larger_than_the_graph_changes_nothing(graph, name):
    from graph.query import resolve_query

    assert _rows(graph, name) == rows_as_dicts(run_query(graph, resolve_query(name, window=0)))


def test_a_document_window_answers_for_whole_documents(graph):
    from graph.query import resolve_query

    everything = rows_as_dicts(run_query(graph, resolve_query("quotes", window=0)))
    one = rows_as_dicts(run_query(graph, resolve_query("quotes", window=1)))
    assert len({r["document"] for r in one}) == 1
    document = one[0]["document"]
    assert one == [r for r in everything if r["document"] == document]  # all its quotations, same order
    named = rows_as_dicts(run_query(graph, _edited("persons", "VALUES ?document { UNDEF }",
                                                   'VALUES ?document { "georgia-arrivals.txt" }')))
    assert {r["document"] for r in named} == {"georgia-arrivals.txt"}
    assert "Levan Beridze" in {r["name"] for r in named}


def test_a_fact_window_caps_the_rows(graph):
    from graph.query import resolve_query

    everything = rows_as_dicts(run_query(graph, resolve_query("flows", window=0)))
    assert len({r["flow"] for r in everything}) > 2
    two = rows_as_dicts(run_query(graph, resolve_query("flows", window=2)))
    assert len({r["flow"] for r in two}) == 2
    assert all(r in everything for r in two)
