"""Session 33, T2i: the N-Triples writer's literals made per call (no LRU tables), equal to rdflib's N-Triples of
the same rdflib terms, on inputs written for these tests (awkward characters included)."""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from graph.rdf import _NTRIPLES_TERMS, _nt, integer, plain

AWKWARD = [
    "",
    "plain words",
    'a "quoted" word',
    "back\\slash",
    "line\nbreak",
    "carriage\rreturn",
    "tab\tinside",
    "\u201ccurly\u201d quotes and an apostrophe\u2019s",
    "accents: \u00e9t\u00e9, na\u00efve, Ki\u0307",
    "emoji \U0001f600 and CJK \u4e2d\u6587",
    '\\"both"\\\n\r',
    "trailing backslash \\",
    "\x00nul and \x7f",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_plain_literal_equals_rdflib(text):
    assert _NTRIPLES_TERMS.plain(text) == _nt(Literal(text)) == _nt(plain(text))
    assert _NTRIPLES_TERMS.text(text) == _nt(Literal(text))


@pytest.mark.parametrize("n", [0, 1, 7, 255, 256, 1000, 65535, 65536, 123456789, -3])
def test_integer_literal_equals_rdflib(n):
    assert _NTRIPLES_TERMS.integer(n) == _nt(Literal(n, datatype=XSD.integer)) == _nt(integer(n))


def test_literals_are_not_cached_tables():
    """Made per call: no ``cache_info`` (an LRU table of 65,536 entries each was slower in place)."""
    assert not hasattr(_NTRIPLES_TERMS.plain, "cache_info")
    assert not hasattr(_NTRIPLES_TERMS.integer, "cache_info")
