"""The whole-text scans that replace regexes opening with a repeat or a word boundary give the regexes' matches."""

import re

import pytest

from extractors.pipeline import CONTRIBUTORS_RE, _contributor_matches, _line_break_runs, boilerplate_ranges

TEXTS = [
    "",
    "\n",
    "no break at all",
    "one\ntwo\n\n\nthree\n",
    "\n\nopening breaks\r\n\nand a carriage return",
    "Staff writers Ana Lopes in Lisbon and Tom Reed in Oslo contributed.",
    "Reporters contributed reporting. The correspondent J. K. Mills contributed to this story.",
    "A writer wrote; no one contributed anything here\nand journalists contributed;",
    "Stringers in the north contributed to the report.\nUnderwriters contributed.",
    "xwriters contributed. copywriter contributed.",
    "The Reporter's desk contributed",
]


@pytest.mark.parametrize("text", TEXTS)
def test_line_break_runs_are_the_regex_matches(text: str) -> None:
    assert _line_break_runs(text) == [m.span() for m in re.finditer("\n+", text)]


@pytest.mark.parametrize("text", TEXTS)
def test_contributor_matches_are_the_regex_matches(text: str) -> None:
    assert [m.span() for m in _contributor_matches(text)] == [m.span() for m in CONTRIBUTORS_RE.finditer(text)]


def test_follow_lines_still_found() -> None:
    text = "Body text.\n____ Follow the desk on social media at https://example.org/desk\nMore text."
    start = text.index("____")
    assert any(a <= start < b for a, b in boilerplate_ranges(text))
