"""Read a built graph back into the gold-annotation format, through the canned queries.

Scoring through SPARQL (rather than the extractors' Python objects) checks the whole
chain — extraction, RDF, queries — the way a user sees it.
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import Graph, URIRef

from graph.query import resolve_query, rows_as_dicts, run_query
from graph.vocab import MIG

# Events with what eval compares: type, place, resolved date, quantities (one row per quantity).
EVENTS_SPARQL = """
PREFIX mig: <https://w3id.org/migraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?event ?eventType ?document ?place ?placeCountry ?date ?quantity ?value ?unit ?counted
WHERE {
  ?event a mig:Event ; a ?class ; mig:document/mig:fileName ?document .
  FILTER(?class != mig:Event && STRSTARTS(STR(?class), STR(mig:)) && STRENDS(STR(?class), "Event"))
  BIND(STRAFTER(STR(?class), "#") AS ?eventType)
  OPTIONAL { ?event mig:place/rdfs:label ?place . }
  OPTIONAL { ?event mig:place/mig:locatedIn/rdfs:label ?placeCountry . }
  OPTIONAL { ?event mig:time/mig:resolvedValue ?date . }
  OPTIONAL {
    ?event mig:quantity ?quantity . ?quantity mig:numericValue ?value .
    OPTIONAL { ?quantity mig:unit ?unit . }
    OPTIONAL { ?quantity mig:countedNoun ?counted . }
  }
}
ORDER BY ?document ?event ?quantity
"""


def _events_from_graph(graph: Graph, out: dict[str, dict]) -> None:
    """Adds "events": [{"type", "place", "date", "quantities": [{"value", "unit", "counted"}]}]; a place
    below the country level ("Lesbos") is given as the country it lies in (mig:locatedIn), as gold has it."""
    events: dict[tuple[str, str], dict] = {}
    for row in rows_as_dicts(run_query(graph, EVENTS_SPARQL)):
        key = (row["document"], row["event"])
        if key not in events:
            events[key] = {"type": row["eventType"], "place": row["placeCountry"] or row["place"], "date": row["date"],
                           "quantities": []}
            out[row["document"]]["events"].append(events[key])
        if row["value"] is not None:
            events[key]["quantities"].append(
                {"value": float(row["value"]), "unit": row["unit"], "counted": row["counted"]})


def predictions_from_graph(graph: Graph) -> dict[str, dict]:
    """Per document file name: {"quotes", "persons", "countries", "policies", "flows", "events": [...]}."""
    out: dict[str, dict] = defaultdict(
        lambda: {"quotes": [], "persons": [], "countries": [], "policies": [], "flows": [], "events": []})
    for row in rows_as_dicts(run_query(graph, resolve_query("quotes", window=0))):
        out[row["document"]]["quotes"].append({
            "speaker": row["speaker"],
            "speaker_description": row.get("speakerDescription"),
            "text": row["quote"],
            "kind": {"PartialQuote": "partial", "UnclosedQuote": "direct_unclosed"}.get(row["kind"], "direct"),
        })
    for row in rows_as_dicts(run_query(graph, resolve_query("persons", window=0))):
        aliases = sorted(str(a) for a in graph.objects(URIRef(row["person"]), MIG.alias))
        out[row["document"]]["persons"].append({
            "name": row["name"], "aliases": aliases, "role": row["role"], "country": row["country"],
        })
    for row in rows_as_dicts(run_query(graph, resolve_query("countries", window=0))):
        out[row["document"]]["countries"].append(row["name"])
    for row in rows_as_dicts(run_query(graph, resolve_query("policies", window=0))):
        out[row["document"]]["policies"].append({
            "actor": row["actor"], "type": row["policyType"], "target": row["target"],
            "target_nationality": row["targetNationalityIso"],
            "status": {"InForce": "in_force", "Announced": "announced", "Planned": "planned"}.get(row["status"]),
            "evidence": row["sentence"],
        })
    for row in rows_as_dicts(run_query(graph, resolve_query("flows", window=0))):
        out[row["document"]]["flows"].append({
            "origin": row["origin"], "destination": row["destination"], "group": row["group"],
            "evidence": row["sentence"],
        })
    _events_from_graph(graph, out)
    for name, prediction in out.items():
        prediction["document"] = name
    return dict(out)
