"""The migraph OWL ontology (``migraph.ttl``): where it is and how to load it."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

ONTOLOGY_PATH = Path(__file__).with_name("migraph.ttl")
"""The ontology in Turtle; shipped as package data (see ``pyproject.toml``)."""

ONTOLOGY_IRI = "https://w3id.org/migraph/ontology"


def load_ontology() -> Graph:
    """Parse the ontology into a new graph (a fresh one each call, safe to modify)."""
    graph = Graph()
    graph.parse(ONTOLOGY_PATH, format="turtle")
    return graph
