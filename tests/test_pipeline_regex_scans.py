"""The whole-text scans that replace regexes opening with a repeat or a word boundary give the regexes' matches."""

import re

import pytest

from extractors.pipeline import (
    _BYLINE_NEEDLES,
    _PHOTO_CREDIT_NEEDLES,
    BYLINE_RE,
    CONTRIBUTORS_RE,
    PHOTO_CREDIT_RE,
    SLASH_CREDIT_RE,
    _contributor_matches,
    _line_break_runs,
    _lines_with,
    _matches_in_lines,
    boilerplate_ranges,
)

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


CREDIT_TEXTS = TEXTS + [
    "By Mara Quill and Ted Orr, Wire Service\nThe council met on Tuesday.",
    "By Tuesday the talks had stalled.\nBy Jo Penn\n",
    "The harbour froze early. Lakeside Radio's Ada Brook reported from the pier.",
    "Nia Holt reporting from Valdora\nVestry News' Ola Reyes contributed",
    "a report said\nreports from the coast; Tim Vale reports from Port Hane",
    "(AP Photo/Rui Sol) The bridge.\n(Kestrel Wire Photo/Lena Ortiz)",
    "A crowd gathered. Photo: Dan Ilk/Getty Images\nImage by Sal Poe.\nCredit: Harbour Desk",
    "[Ines Mar/Al Kestrel] Morning.\nREUTERS/Omar Fell/File Photo\nPicture by Jo Tam / Pool",
    "Lina Oswe/AFP, Kit Bray/Reuters and Jo Hart/Pool\nno/credit here / none",
    "Photo/ Image/ Credit/ //AP /AFP/AP",
]


@pytest.mark.parametrize("text", CREDIT_TEXTS)
def test_credit_lines_give_the_regex_matches(text: str) -> None:
    for pattern, needles in ((BYLINE_RE, _BYLINE_NEEDLES), (PHOTO_CREDIT_RE, _PHOTO_CREDIT_NEEDLES),
                             (SLASH_CREDIT_RE, ("/",))):
        assert [m.span() for m in _matches_in_lines(pattern, text, needles)] == [
            m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", CREDIT_TEXTS)
def test_lines_with_are_the_lines_holding_a_needle(text: str) -> None:
    for needles in (_BYLINE_NEEDLES, _PHOTO_CREDIT_NEEDLES, ("/",), (" report", "Photo")):
        expected, offset = [], 0
        for line in text.split("\n"):
            if any(needle in line for needle in needles):
                expected.append((offset, offset + len(line)))
            offset += len(line) + 1
        assert _lines_with(text, needles) == expected
