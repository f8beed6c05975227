"""Time expressions: find dates as written in news and resolve them against the publication date.

Candidate spans are found with a handful of regular expressions over the document text
(linear, no per-token lexicon loops); explicit calendar dates are read by ``dateutil``'s
parser and relative ones ("on Friday", "last week", "two months ago") are computed with
``dateutil.relativedelta``.  News conventions:

* a bare weekday ("on Friday") is the most recent such day on or before publication, or the
  next one on or after it when the clause is in the future ("will announce on Friday");
* "last week" is the previous ISO week as an interval ``YYYY-MM-DD/YYYY-MM-DD``;
* a month or month-day without a year is the most recent one not after publication (the next
  one in a future clause);
* without a publication date, relative expressions keep ``value=None``.

Month names without a day or year need temporal context ("in May", "since March") so that
"Theresa May" or "march" the verb are not dates.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from functools import lru_cache

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta
from spacy.tokens import Doc

from extractors.assertions import TimeExpression
from extractors.doccache import doc_text, lower_text
from extractors.entities import doc_index

EXTRACTOR = "migraph.temporal"

_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = r"Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?"
MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})(?![\w])"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = "|".join(WEEKDAYS)
_RD_WEEKDAY = dict(zip(WEEKDAYS, (MO, TU, WE, TH, FR, SA, SU), strict=True))
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_LEAD = r"(?:(?i:on|in|at|during)\s+)?"
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_NUM = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_CONTEXT_PREP = (r"in|on|since|until|till|by|from|during|through|throughout|before|after|between|"
                 r"last|next|this|early|late|mid-?|end\s+of|beginning\s+of|start\s+of|middle\s+of")


def _starts(letters: str) -> str:
    """A look-ahead for the characters a match can start with: ``letters`` in either case, and the non-ASCII
    letters (?i) matches to i and s (see _CASE_FOLD_EXCEPTIONS). Every other position fails at once, before the
    case-insensitive alternatives after the word boundary are tried one by one; the matches are the same."""
    return "(?=[" + "".join(sorted(set(letters.lower() + letters.upper()))) + "\u0130\u0131\u017f])"


# (kind, pattern); earlier patterns win ties of equal span.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(rf"\b{_LEAD}(\d{{4}}-\d{{2}}-\d{{2}})\b")),
    # "Friday, Sept. 23, 2022", "February 24", "Feb. 24th, 2022"
    ("date", re.compile(rf"{_starts('oiadmtwfsjn')}"
                        rf"\b{_LEAD}(?:(?:{_WEEKDAY}),?\s+)?(?:the\s+)?((?:{MONTH})\s*{_DAY}(?![\d:])"
                        rf"(?:,?\s+{_YEAR}(?!\d))?)(?![\w-])")),
    # "24 February 2022", "24th of February"
    ("date", re.compile(rf"{_starts('oiadmtwfs0123456789')}\b{_LEAD}(?:(?:{_WEEKDAY}),?\s+)?(?:the\s+)?"
                        rf"((?<![\d,.])(?:[12]\d|3[01]|0?[1-9])"
                        rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH})(?:,?\s+{_YEAR}(?!\d))?)")),
    # "June 2021", "June of 2021"
    ("month_year", re.compile(rf"{_starts('oiadelmjfsn')}"
                              rf"\b{_LEAD}(?:(?:early|late|mid-?)\s*)?((?:{MONTH})\s+(?:of\s+)?{_YEAR})(?!\d|,\d)")),
    # "in June last year", "June this year"
    ("month_rel_year", re.compile(rf"\b{_LEAD}(?:(?:early|late|mid-?)\s*)?({_MONTH_FULL})\s+(?:of\s+)?"
                                  rf"(last|this|next)\s+year\b")),
    # "last March", "next June"
    ("month_rel", re.compile(rf"\b((?i:last|next|this))\s+({_MONTH_FULL})\b")),
    # "in May", "since March", "early June": a month name needs temporal context
    ("month", re.compile(rf"{_starts('iosutbfdalnem')}"
                         rf"\b(?i:{_CONTEXT_PREP})\s+(?:(?:early|late|mid-?)\s*)?({_MONTH_FULL})\b"
                         r"(?!\s+\d)(?![-\w])")),
    ("season_year", re.compile(rf"{_starts('telsafwbmr')}"
                               rf"\b(?:the\s+)?(?:(?:early|late)\s+)?(?:spring|summer|autumn|fall|winter|end|beginning|"
                               rf"start|middle|rest|first\s+half|second\s+half|first\s+quarter)\s+of\s+({_YEAR})\b"
                               r"(?!\d|,\d)")),
    ("year", re.compile(rf"{_starts('isutbdaelm')}"
                        rf"\b(?i:in|since|until|till|by|during|through|throughout|before|after|early|late|mid-?)"
                        rf"\s+(?:(?:early|late|mid-?)\s*)?({_YEAR})\b(?![\d%-]|[,.]\d|\s+(?:percent|per\s+cent))")),
    ("year_range", re.compile(rf"{_starts('bf')}\b(?i:between|from)\s+({_YEAR})\s+(?:and|to)\s+({_YEAR})\b")),
    ("weekday", re.compile(rf"{_starts('olntsbuafmw')}"
                           rf"\b(?:((?i:on|last|next|this|since|by|until|before|after|from))\s+)?({_WEEKDAY})(?!s\b)\b"
                           r"(?!\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Independent|Star|Night\s+Live|"
                           r"School|Service|Prayer|Bloody)\b)(?:,?\s+(?:of\s+)?(last|next)\s+week\b)?"
                           r"(?:\s+(?:morning|afternoon|evening|night))?")),
    ("day_rel", re.compile(rf"(?i){_starts('tdy')}\b(?:(?:the\s+)?day\s+before\s+)?(yesterday|today|tomorrow|tonight)"
                           r"\b"
                           r"(?:\s+(?:morning|afternoon|evening|night))?")),
    ("period_rel", re.compile(rf"(?i){_starts('eltnpc')}"
                              r"\b(?:(?:earlier|later|early|late)\s+)?(last|this|next|previous|coming)\s+"
                              r"(week|weekend|month|year)\b(?!['’]s\b)(?!-)")),
    ("ago", re.compile(rf"(?i){_starts('aotfsen0123456789')}\b({_NUM})\s+(day|week|month|year)s?\s+ago\b")),
    ("past_window", re.compile(rf"(?i){_starts('iodwft')}"
                               rf"\b(?:(?:in|over|during|within|for)\s+)?the\s+(?:past|last|previous)\s+"
                               rf"(?:({_NUM})\s+)?(day|week|month|year)s?\b(?!['’]s\b)")),
]

_MAY_CONTEXT = re.compile(
    r"(?i)(?:in|since|until|till|during|early|late|mid|end|beginning|start|middle|last|next|this)\b")
_BEFORE_OK = re.compile(r"(?:^|[^\w-])$")  # no letter/digit/hyphen glued before a match
_MAIL_ON = re.compile(r"Mail\s+on\s+Sunday")
_FUTURE_BEFORE = re.compile(
    r"(?i)(?:\bwill\b|['’]ll\b|\bshall\b|\b(?:is|are|was|were)\s+(?:due|set|scheduled|expected|going|slated)\s+to\b"
    r"|\bplans?\s+to\b|\bplanning\s+to\b|\bto\s+be\s+held\b|\bscheduled\s+for\b|\bplanned\s+for\b)"
    r"[^.;:!?]{0,60}$")
_FUTURE_AFTER = re.compile(
    r"(?i)^[^.;!?]{0,25}?(?:\bwill\b|['’]ll\b|\b(?:is|are)\s+(?:due|set|scheduled|expected)\s+to\b)")
_PAST_VERB_BEFORE = re.compile(r"(?i)\b(?:said|told|announced|reported|added|stated|confirmed|wrote|\w+ed)\s+$")


# Every date expression contains one of these; the patterns run only in windows around them. The alternatives are
# a digit that does not follow a digit, a month or weekday abbreviation, and a few words in any case; the leading
# look-ahead lists the characters they can start with, so that most positions fail at once (trying the
# case-insensitive words at every position was most of the time spent here).
_ANCHOR_RE = re.compile(r"(?=[\dJFMASONDTWtYyDdWwMmAa])"
                        r"(?:\d(?<!\d\d)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
                        r"|(?i:to(?:day|night|morrow)|yesterday|\bdays?\b|week|month|year|ago\b))")
_WINDOW = 48  # characters kept on each side of an anchor: longer than any lead-in ("in the past three ")



def _hint(*words: str) -> re.Pattern:
    return re.compile("|".join(map(re.escape, words)))


_MONTH_HINT = re.compile(MONTH)
_MONTH_FULL_HINT = re.compile(_MONTH_FULL)
_YEAR_HINT = re.compile(_YEAR)
# What every match of a pattern kind contains (a regular expression that finds a part of any match, searched for
# in the window's text, or its lower-cased text for the case-insensitive kinds). A window without it cannot hold a
# match, so the pattern is not run there. Hints of case-insensitive kinds are lower-case words without i, k and s,
# which (?i) also matches to non-ASCII letters (ı, İ, K, ſ).
_REQUIRED: dict[str, tuple[re.Pattern, bool]] = {
    # (\d{4}-\d{2}-\d{2}, opening with the "-" so that the search skips to it in C: the same windows)
    "iso": (re.compile(r"-\d{2}-\d{2}(?<=\d{4}-\d{2}-\d{2})"), False),
    "date": (_MONTH_HINT, False),
    "month_year": (_MONTH_HINT, False),
    "month_rel_year": (_MONTH_FULL_HINT, False),
    "month_rel": (_MONTH_FULL_HINT, False),
    "month": (_MONTH_FULL_HINT, False),
    "season_year": (_YEAR_HINT, False),
    "year": (_YEAR_HINT, False),
    "year_range": (_YEAR_HINT, False),
    "weekday": (re.compile(_WEEKDAY), False),
    "day_rel": (_hint("terday", "today", "tomorrow", "ght"), True),  # yesterday, today, tomorrow, tonight
    "period_rel": (_hint("wee", "month", "year"), True),  # week(end), month, year
    "ago": (_hint("ago"), True),
    "past_window": (_hint("day", "wee", "month", "year"), True),
}
_HINT_NEEDLE: dict[re.Pattern, str] = {_REQUIRED["iso"][0]: "-", _REQUIRED["weekday"][0]: "day"}
"""A string every match of the hint holds, tested (one ``in``) before the hint's regex: the ISO date hint opens with a
repeat, which the search tries at every position of the window, and most windows hold no "-"."""


# Where an ``_ANCHOR_RE`` match can start, found without trying the pattern at every position: a digit, a month or
# weekday abbreviation (each of these scans skips in C to its first character), or one of the case-insensitive
# words, found with ``str.find`` in the lower-cased text (every occurrence, overlapping ones too).
_ANCHOR_DIGIT_RE = re.compile(r"\d(?<!\d\d)")
_ANCHOR_ABBREVIATION_RE = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun")
_ANCHOR_ABBREVIATIONS = tuple(_ANCHOR_ABBREVIATION_RE.pattern.split("|"))
_ANCHOR_WORDS = ("today", "tonight", "tomorrow", "yesterday", "day", "week", "month", "year", "ago")
_MATCH_START = re.Match.start
_CASE_FOLD_EXCEPTIONS = ("\u0130", "\u0131", "\u017f", "\u212a")
"""İ, ı, ſ, K (Kelvin): the only characters whose ``lower()`` is longer than one character or that (?i) matches to an
ASCII letter; without them, a (?i) word match starts where the lower-cased text holds the word."""


_DIGIT_RUNS: list = [None]  # (the text last scanned, its digit-run starts): one tuple, read and replaced at once
_ASCII_DIGITS = "0123456789"
_NON_ASCII_DIGIT_LEADS = (b"\xd9", b"\xdb", b"\xdf", b"\xe0", b"\xe1", b"\xea", b"\xef", b"\xf0")
"""The first UTF-8 bytes of the decimal digits other than 0-9 (Arabic-Indic, Devanagari, full-width ...: what else
``\\d`` matches). News text holds none of them; curly quotes and dashes (0xE2) and accented letters (0xC2-0xC5) do
not start with these bytes (tests/test_temporal.py checks the list against the Unicode database)."""


def _digit_positions(text: str) -> list[int] | None:
    """The positions of the digits in ``text``, ascending, found with ``str.find`` per digit 0-9; None when the text
    may hold another decimal digit (see _NON_ASCII_DIGIT_LEADS)."""
    if not text.isascii():
        encoded = text.encode("utf-8", "surrogatepass")
        if any(lead in encoded for lead in _NON_ASCII_DIGIT_LEADS):
            return None
    positions = []
    for digit in _ASCII_DIGITS:
        i = text.find(digit)
        while i >= 0:
            positions.append(i)
            i = text.find(digit, i + 1)
    positions.sort()
    return positions


def digit_run_starts(text: str) -> list[int]:
    """Starts of the runs of digits in ``text`` (``_ANCHOR_DIGIT_RE``), ascending, kept for the last text: the time
    anchors and the quantity anchors (``quantities._digit_anchors``) both begin with them. Scanning every character
    for the ``\\d`` class (a Unicode category look-up each) was the costly part of either: the digits 0-9 are found
    with ``str.find`` instead, unless the text may hold other decimal digits."""
    last = _DIGIT_RUNS[0]
    if last is None or last[0] is not text:
        positions = _digit_positions(text)
        if positions is None:
            starts = list(map(_MATCH_START, _ANCHOR_DIGIT_RE.finditer(text)))
        else:  # a run starts at a digit whose previous character is no digit
            previous = -2
            starts = []
            for p in positions:
                if p != previous + 1:
                    starts.append(p)
                previous = p
        last = _DIGIT_RUNS[0] = (text, starts)
    return last[1]


def _anchor_spans(text: str, folds: bool | None = None) -> list[tuple[int, int]]:
    """``[m.span() for m in _ANCHOR_RE.finditer(text)]``: the pattern is tried only where a match can start (a
    superset of the match starts, in order, each tried from the end of the last match as ``finditer`` does).
    ``folds``: whether the text holds _CASE_FOLD_EXCEPTIONS (None: not known yet)."""
    return _anchors(text, folds)[0]


def _anchors(text: str, folds: bool | None = None) -> tuple[list[tuple[int, int]], dict[str, list[int]] | None]:
    """``_anchor_spans``, and where each abbreviation (in the text) and word (in the lower-cased text) of
    ``_ANCHOR_ABBREVIATIONS`` and ``_ANCHOR_WORDS`` occurs, ascending (None: not looked for, in a text with
    _CASE_FOLD_EXCEPTIONS)."""
    if folds is None:
        folds = any(c in text for c in _CASE_FOLD_EXCEPTIONS)
    if folds:
        return [m.span() for m in _ANCHOR_RE.finditer(text)], None
    lowered = lower_text(text)
    occurrences: dict[str, list[int]] = {}
    # A digit start is the pattern's first alternative, one character long, and lies inside no other match (those
    # are letters): its span needs no matching, and it does not move where the letter starts are tried from.
    spans = [(start, start + 1) for start in digit_run_starts(text)]
    # the abbreviations' occurrences, as ``_ANCHOR_ABBREVIATION_RE.finditer`` finds them (a capital, then two lower-case
    # letters: two occurrences never overlap), with ``str.find`` per abbreviation instead of a character-class scan
    starts = set()
    for abbreviation in _ANCHOR_ABBREVIATIONS:
        found = occurrences[abbreviation] = []
        i = text.find(abbreviation)
        while i >= 0:
            found.append(i)
            i = text.find(abbreviation, i + 3)
        starts.update(found)
    for word in _ANCHOR_WORDS:
        found = occurrences[word] = []
        i = lowered.find(word)
        while i >= 0:
            found.append(i)
            i = lowered.find(word, i + 1)
        starts.update(found)
    done = 0
    match = _ANCHOR_RE.match
    for start in sorted(starts):
        if start < done:
            continue
        m = match(text, start)
        if m:
            spans.append(m.span())
            done = m.end()
    spans.sort()
    return spans, occurrences


_HINTS = list(dict.fromkeys(_REQUIRED.values()))
_HINT_TESTS = [(hint, folded, _HINT_NEEDLE.get(hint)) for hint, folded in _HINTS]
_HINT_OF_PATTERN = [_HINTS.index(_REQUIRED[kind]) for kind, _ in _PATTERNS]
"""Per pattern, the index of its hint in ``_HINTS`` (looked up by position: hashing a compiled pattern hashes its
code, several microseconds for the month alternations)."""
_ALSO_REQUIRED: list[re.Pattern | None] = [
    None,  # iso
    re.compile(rf"(?:{MONTH})\s*\d"),  # "February 24": a day after the month
    re.compile(rf"\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH})"),  # "24 February": a day before it
    re.compile(rf"(?:{MONTH})\s+(?:of\s+)?{_YEAR}"),  # month_year
    re.compile(rf"(?:{_MONTH_FULL})\s+(?:of\s+)?(?:last|this|next)\s+year"),  # month_rel_year
    re.compile(rf"(?i:last|next|this)\s+(?:{_MONTH_FULL})"),  # month_rel
    None,  # month
    re.compile(rf"of\s+{_YEAR}"),  # season_year
    None,  # year
    re.compile(rf"{_YEAR}\s+(?:and|to)\s+{_YEAR}"),  # year_range
    None,  # weekday
    None,  # day_rel
    re.compile(r"(?i)(?:last|this|next|previous|coming)\s+(?:week|month|year)"),  # period_rel
    None,  # ago
    re.compile(r"(?i)the\s+(?:past|last|previous)\s"),  # past_window
]
"""Per pattern, a stronger condition on the windows that pass its _REQUIRED hint: a part of the pattern itself,
the same sub-expression (no look-behind, so searched with pos/endpos as in the window's text), which every match
contains. Windows without it hold no match; the pattern is not run there."""
_ALSO_REQUIRED_LOWERED: list[re.Pattern | None] = [
    None if also is None or not also.pattern.startswith(("(?i", "(?i:")) else re.compile(also.pattern.replace(
        "(?i:", "(?:").replace("(?i)", "").replace(_MONTH_FULL, _MONTH_FULL.lower())) for also in _ALSO_REQUIRED]
"""The (?i) conditions of ``_ALSO_REQUIRED`` without (?i), lower-cased, searched in the lower-cased window of a text
without _CASE_FOLD_EXCEPTIONS (where a (?i) letter matches the characters whose lower-case form it is): they hold
there wherever the (?i) ones hold in the window (month_rel's case-sensitive month name is lower-cased too, a weaker
test). A case-insensitive search tries its alternatives at every position; these skip in C to their first letters."""


def _start_finder(*words: str) -> re.Pattern:
    """A pattern for the lower-cased text after one space (``_finditer_from_starts``) that matches one character
    before each word start where one of ``words`` begins: every character that is not a word character is outside
    ``[a-z0-9_]``, so the search skips in C to the spaces and punctuation and tries the words only after them."""
    return re.compile("[^a-z0-9_](?:" + "|".join(map(re.escape, words)) + ")")


_LEAD_WORDS = ("on", "in", "at", "during")
_WEEKDAY_PREFIXES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTH_PREFIXES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MATCH_STARTS: list[re.Pattern | None] = [
    None,  # iso
    _start_finder(*_LEAD_WORDS, *_WEEKDAY_PREFIXES, "the", *_MONTH_PREFIXES),  # date: "[on] [Friday,] [the] Sept. 23"
    _start_finder(*_LEAD_WORDS, *_WEEKDAY_PREFIXES, "the", *"0123456789"),  # date: "[on] [Friday,] [the] 24th of May"
    _start_finder(*_LEAD_WORDS, "early", "late", "mid", *_MONTH_PREFIXES),  # month_year
    None,  # month_rel_year
    None,  # month_rel
    _start_finder("in", "on", "since", "until", "till", "by", "from", "during", "through", "before", "after",
                  "between", "last", "next", "this", "early", "late", "mid", "end", "beginning", "start",
                  "middle"),  # month: _CONTEXT_PREP
    _start_finder("the", "early", "late", "spring", "summer", "autumn", "fall", "winter", "end", "beginning",
                  "start", "middle", "rest", "first", "second"),  # season_year
    _start_finder("in", "since", "until", "till", "by", "during", "through", "before", "after", "early", "late",
                  "mid"),  # year
    _start_finder("between", "from"),  # year_range
    _start_finder("on", "last", "next", "this", "since", "by", "until", "before", "after", "from",
                  *_WEEKDAY_PREFIXES),  # weekday
    _start_finder("the", "day", "yesterday", "today", "tomorrow", "tonight"),  # day_rel
    _start_finder("earl", "late", "last", "this", "next", "previous", "coming"),  # period_rel
    None,  # ago
    None,  # past_window
]
"""Per pattern, where its matches can start in the lower-cased text: the start of every match of the pattern, lower-
cased, is one of these words at a word boundary (a prefix of the match; month and weekday names lower-cased too).
In a text without _CASE_FOLD_EXCEPTIONS, the pattern is tried only there (``_finditer_from_starts``): its search
tried the pattern at every position of the window. None: patterns that cost little as they are."""


def _finditer_from_starts(pattern: re.Pattern, starts: re.Pattern, text: str, spaced_lowered: str, a: int, b: int
                          ) -> list[re.Match]:
    """``list(pattern.finditer(text, a, b))``, the pattern tried only where ``starts`` finds a possible start in
    ``spaced_lowered``, a space and then the lower-cased text (as long as ``text``; position i + 1 there is i in the
    text): from each match's end, as ``finditer`` searches, the next possible start is tried, and the one after it
    when it fails (no match starts between two possible starts). (The patterns match no empty string.)"""
    found = []
    search, match = starts.search, pattern.match
    pos = a
    while (hit := search(spaced_lowered, pos, b + 1)) is not None:
        start = hit.start()  # (the character before the start, in spaced_lowered: the start in the text)
        m = match(text, start, b)
        if m is None:
            pos = start + 1
        else:
            found.append(m)
            pos = m.end()
    return found


def _windows(text: str, folds: bool | None = None) -> list[tuple[int, int]]:
    """Merged character ranges around anchors, so the many patterns do not scan the whole text. ``folds``: whether the
    text holds _CASE_FOLD_EXCEPTIONS (None: not known yet)."""
    return _windows_and_occurrences(text, folds)[0]


def _windows_and_occurrences(text: str, folds: bool | None = None
                             ) -> tuple[list[tuple[int, int]], dict[str, list[int]] | None]:
    """``_windows``, and the anchors' occurrences (``_anchors``)."""
    windows: list[tuple[int, int]] = []
    spans, occurrences = _anchors(text, folds)
    for m_start, m_end in spans:
        a, b = max(0, m_start - _WINDOW), min(len(text), m_end + _WINDOW)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
    return windows, occurrences


_MONTH_ABBREVIATIONS = _ANCHOR_ABBREVIATIONS[:12]
_HINT_NEEDLES: dict[str, tuple[str, ...]] = {
    "date": _MONTH_ABBREVIATIONS,  # (MONTH: every month name opens with its abbreviation)
    "month_rel_year": _MONTH_ABBREVIATIONS,  # (_MONTH_FULL)
    "weekday": _ANCHOR_ABBREVIATIONS[12:],  # Mon ... Sun
    "day_rel": ("yesterday", "today", "tomorrow", "tonight"),
    "period_rel": ("week", "month", "year"),
    "ago": ("ago",),
    "past_window": ("day", "week", "month", "year"),
}
"""Per kind, anchors (``_ANCHOR_ABBREVIATIONS`` in the text, ``_ANCHOR_WORDS`` in the lower-cased one) one of which lies
whole in every match of every pattern sharing the kind's hint (a weaker condition than most hints). A window in
which none begins, as many characters before its end as the shortest of them, holds no match: its hint is not
searched there."""
_HINT_NEEDLE_TESTS: list[tuple[tuple[str, ...], int] | None] = [None] * len(_HINTS)
for _kind, _needles in _HINT_NEEDLES.items():
    _HINT_NEEDLE_TESTS[_HINTS.index(_REQUIRED[_kind])] = (_needles, min(map(len, _needles)))


def _windows_holding(occurrences: dict[str, list[int]], needles: tuple[str, ...], shortest: int,
                     window_starts: list[int], window_ends: list[int]) -> set[int]:
    """The indices of the windows in which one of the needles' occurrences starts, ``shortest`` characters or more
    before the window's end (the windows ascending and apart)."""
    held = set()
    for needle in needles:
        for start in occurrences[needle]:
            i = bisect_right(window_starts, start) - 1
            if i >= 0 and start + shortest <= window_ends[i]:
                held.add(i)
    return held


def _candidate_windows(text: str, folds: bool | None = None) -> list[list[tuple[int, int]]]:
    """For each pattern, the windows that contain what its matches need (see _REQUIRED). ``folds``: whether the text
    holds _CASE_FOLD_EXCEPTIONS (None: not known yet)."""
    if folds is None:
        folds = any(c in text for c in _CASE_FOLD_EXCEPTIONS)
    # without those characters, the lower-cased text has the text's length and the same ASCII letters (Greek sigmas
    # may differ at the window's edges, not the ASCII hints): its slices serve as the windows lower-cased
    lowered_text = None if folds else lower_text(text)
    with_hint: list[list[tuple[int, int]]] = [[] for _ in _HINT_TESTS]
    lowered_windows: dict[tuple[int, int], str] = {}
    all_windows, occurrences = _windows_and_occurrences(text, folds)
    holding: list[set[int] | None] = [None] * len(_HINT_TESTS)
    if occurrences is not None:
        window_starts, window_ends = [a for a, _ in all_windows], [b for _, b in all_windows]
        holding = [None if test is None else _windows_holding(occurrences, *test, window_starts, window_ends)
                   for test in _HINT_NEEDLE_TESTS]
    for index, (a, b) in enumerate(all_windows):
        window = text[a:b]
        lowered = window.lower() if lowered_text is None else lowered_text[a:b]
        lowered_windows[a, b] = lowered
        for (hint, folded, needle), windows, held in zip(_HINT_TESTS, with_hint, holding, strict=True):
            if held is not None and index not in held:
                continue
            searched = lowered if folded else window
            if (needle is None or needle in searched) and hint.search(searched):
                windows.append((a, b))
    candidates = []
    for hint_index, also, also_lowered in zip(_HINT_OF_PATTERN, _ALSO_REQUIRED, _ALSO_REQUIRED_LOWERED, strict=True):
        windows = with_hint[hint_index]
        if also is not None and windows:
            if also_lowered is not None and not folds:
                windows = [(a, b) for a, b in windows if also_lowered.search(lowered_windows[a, b])]
            else:
                windows = [(a, b) for a, b in windows if also.search(text, a, b)]
        candidates.append(windows)
    return candidates


@lru_cache(maxsize=8)
def _matches(text: str) -> tuple[tuple[int, int, str, re.Match], ...]:
    """Non-overlapping candidate spans, longest first, earlier patterns winning ties.

    Cached for the last few texts: quantities ask for the same document's spans right after.
    """
    found = []
    folds = any(c in text for c in _CASE_FOLD_EXCEPTIONS)
    # (the lower-cased text has the text's length without İ; the space stands for the text's start, see
    # _finditer_from_starts)
    lowered = None if folds else " " + lower_text(text)
    for priority, ((kind, pattern), windows, starts) in enumerate(
            zip(_PATTERNS, _candidate_windows(text, folds), _MATCH_STARTS, strict=True)):
        if starts is None or lowered is None:
            in_windows = [m for a, b in windows for m in pattern.finditer(text, a, b)]
        else:
            in_windows = [m for a, b in windows for m in _finditer_from_starts(pattern, starts, text, lowered, a, b)]
        for m in in_windows:
            start, end = m.span()
            if start and (text[start - 1].isalnum() or text[start - 1] in "_-"):  # not _BEFORE_OK: \w or "-" before
                continue
            if kind == "weekday" and _MAIL_ON.search(text[max(0, start - 8):end]):
                continue
            if kind == "day_rel" and m.group(1).isupper():
                continue  # "USA TODAY", a masthead
            if kind == "month" and m.group(1) == "May" and not _MAY_CONTEXT.match(m.group(0)):
                continue  # "by May", "from May": the politician, not the month
            found.append((start, end, priority, kind, m))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for start, end, _, kind, m in found:
        if any(start < b and a < end for a, b in taken):
            continue
        taken.append((start, end))
        chosen.append((start, end, kind, m))
    chosen.sort(key=lambda c: c[0])
    return tuple(chosen)


def time_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of date expressions, for other extractors (quantities skip years and days)."""
    return [(s, e) for s, e, _, _ in _matches(text)]


@lru_cache(maxsize=4096)
def _parse_date(text: str, default_year: int) -> dt.date | None:
    try:
        return date_parser.parse(text.replace("of ", ""), default=dt.datetime(default_year, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def _week(day: dt.date) -> str:
    monday = day - dt.timedelta(days=day.weekday())
    return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"


def _month(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _number(word: str | None) -> int:
    if not word:
        return 1
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


_PAST_WORD_RE = re.compile(r"(?i)said|told|announced|reported|added|stated|confirmed|wrote|\w+ed")
_WORD_PREFIX_RE = re.compile(r"\w*")


def _past_verb_before(before: str) -> bool:
    """``_PAST_VERB_BEFORE.search(before)`` is not None, without trying the pattern at every position: its words are
    word characters only and must end where the trailing white space starts, after a word boundary, so they are
    the whole run of word characters before that white space."""
    stripped = before.rstrip()  # str.isspace, the \s of a str pattern
    if len(stripped) == len(before):
        return False
    run = _WORD_PREFIX_RE.match(stripped[::-1]).end()  # \w is str.isalnum() or "_", both ways round
    return run > 0 and _PAST_WORD_RE.fullmatch(stripped, len(stripped) - run) is not None


# Every match of ``_FUTURE_BEFORE`` holds one of these words lower-cased ("will", "shall" and "'ll" end in "ll"), and
# every match of ``_FUTURE_AFTER`` one of the first five: a window without any is not searched (the pattern tries its
# alternatives at every position of the window). Lower-casing finds what (?i) matches, see _CASE_FOLD_EXCEPTIONS.
_FUTURE_WORDS = ("ll", "due", "set", "scheduled", "expected", "going", "slated", "plan", "held")
_FUTURE_AFTER_WORDS = _FUTURE_WORDS[:5]


def _may_hold(window: str, words: tuple[str, ...]) -> bool:
    """Whether a (?i) match that must hold one of ``words`` can lie in ``window``."""
    lowered = window.lower()
    return any(word in lowered for word in words) or any(c in window for c in _CASE_FOLD_EXCEPTIONS)


def _is_future(text: str, start: int, end: int, sent_start: int, sent_end: int) -> bool:
    before = text[max(sent_start, start - 80):start]
    if _past_verb_before(before):
        return False
    after = text[end:min(sent_end, end + 40)]
    return bool(_may_hold(before, _FUTURE_WORDS) and _FUTURE_BEFORE.search(before)
                or _may_hold(after, _FUTURE_AFTER_WORDS) and _FUTURE_AFTER.search(after))


_ANY_DAY = dt.date(2000, 1, 3)


def _resolve(kind: str, m: re.Match, pub: dt.date | None, future: bool) -> tuple[str | None, str]:
    """ISO value and granularity of one candidate."""
    if kind == "iso":
        day = _parse_date(m.group(1), 2000)
        return (day.isoformat() if day else None), "day"
    if kind == "date":
        raw = m.group(1)
        if re.search(rf"{_YEAR}\s*$", raw):
            day = _parse_date(raw, 2000)
            return (day.isoformat() if day else None), "day"
        if pub is None:
            return None, "day"
        day = _parse_date(raw, pub.year)
        if day is None:
            return None, "day"
        if future and day < pub:
            day = _parse_date(raw, pub.year + 1)
        elif not future and day > pub:
            day = _parse_date(raw, pub.year - 1)
        return (day.isoformat() if day else None), "day"
    if kind == "month_year":
        day = _parse_date(m.group(1), 2000)
        return (_month(day) if day else None), "month"
    if kind in {"month_rel_year", "month_rel", "month"}:
        if pub is None:
            return None, "month"
        if kind == "month_rel_year":
            month_name, rel = m.group(1), m.group(2)
            year = pub.year + {"last": -1, "this": 0, "next": 1}[rel]
            return _month(_parse_date(month_name, year)), "month"
        if kind == "month_rel":
            rel, month_name = m.group(1).lower(), m.group(2)
            month = _parse_date(month_name, pub.year).month
            if rel == "last":
                year = pub.year if month < pub.month else pub.year - 1
            elif rel == "next":
                year = pub.year if month > pub.month else pub.year + 1
            else:
                year = pub.year
            return f"{year:04d}-{month:02d}", "month"
        month = _parse_date(m.group(1), pub.year).month
        if future:
            year = pub.year if month >= pub.month else pub.year + 1
        else:
            year = pub.year if month <= pub.month else pub.year - 1
        return f"{year:04d}-{month:02d}", "month"
    if kind in {"year", "season_year"}:
        return m.group(1), "year"
    if kind == "year_range":
        return f"{m.group(1)}-01-01/{m.group(2)}-12-31", "interval"
    if pub is None:  # relative: keep the granularity, drop the value
        return None, _resolve(kind, m, _ANY_DAY, future)[1]
    if kind == "weekday":
        prep, name = (m.group(1) or "").lower(), m.group(2)
        wd = _RD_WEEKDAY[name]
        if m.group(3):  # "on Wednesday last week": that day of the previous (next) ISO week
            step = -7 if m.group(3).lower() == "last" else 7
            monday = pub - dt.timedelta(days=pub.weekday())
            return (monday + dt.timedelta(days=step + WEEKDAYS.index(name))).isoformat(), "day"
        if prep == "last":
            day = pub - dt.timedelta(days=1) + relativedelta(weekday=wd(-1))
        elif prep == "next":
            day = pub + dt.timedelta(days=1) + relativedelta(weekday=wd(+1))
        elif future and prep not in {"since", "after", "from"}:
            day = pub + relativedelta(weekday=wd(+1))
        else:
            day = pub + relativedelta(weekday=wd(-1))
        return day.isoformat(), "day"
    if kind == "day_rel":
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[m.group(1).lower()]
        if m.group(0).lower().startswith(("day before", "the day before")):
            offset -= 1
        return (pub + dt.timedelta(days=offset)).isoformat(), "day"
    if kind == "period_rel":
        rel, unit = m.group(1).lower(), m.group(2).lower()
        step = {"last": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rel]
        if unit == "week":
            return _week(pub + relativedelta(weeks=step)), "interval"
        if unit == "weekend":
            saturday = pub + relativedelta(weekday=SA(-1 if step < 0 else +1))
            if step == 0 and pub.weekday() == 6:
                saturday = pub - dt.timedelta(days=1)
            return f"{saturday.isoformat()}/{(saturday + dt.timedelta(days=1)).isoformat()}", "interval"
        if unit == "month":
            return _month(pub + relativedelta(months=step)), "month"
        return f"{pub.year + step:04d}", "year"
    if kind == "ago":
        n, unit = _number(m.group(1)), m.group(2).lower()
        if unit == "day":
            return (pub - dt.timedelta(days=n)).isoformat(), "day"
        if unit == "week":
            return _week(pub - relativedelta(weeks=n)), "interval"
        if unit == "month":
            return _month(pub - relativedelta(months=n)), "month"
        return f"{pub.year - n:04d}", "year"
    if kind == "past_window":
        n, unit = _number(m.group(1)), m.group(2).lower()
        begin = pub - relativedelta(**{f"{unit}s": n})
        return f"{begin.isoformat()}/{pub.isoformat()}", "interval"
    return None, "unknown"


class _Groups:
    """A match's groups, read as ``_resolve`` reads a match (``m.group(k)``)."""

    __slots__ = ("groups",)

    def __init__(self, groups: tuple[str | None, ...]):
        self.groups = groups

    def group(self, k: int = 0) -> str | None:
        return self.groups[k]


@lru_cache(maxsize=1 << 16)
def _resolve_groups(kind: str, groups: tuple[str | None, ...], pub: dt.date | None,
                    future: bool) -> tuple[str | None, str]:
    """``_resolve`` of a match with these groups (group 0 first): the same expressions recur within a document and
    across documents of the same day ("on Friday", "last week")."""
    return _resolve(kind, _Groups(groups), pub, future)


def extract_times(doc: Doc, published: dt.date | str | None) -> list[TimeExpression]:
    """Date expressions of ``doc`` in text order, resolved against ``published`` where relative."""
    text = doc_text(doc)
    if isinstance(published, dt.datetime):
        published = published.date()
    elif isinstance(published, str):  # an ISO date from metadata
        try:
            published = dt.date.fromisoformat(published[:10])
        except ValueError:
            published = None
    times = []
    index = doc_index(doc)
    fast = index.has_sents and "sent" not in doc.user_span_hooks and "sents" not in doc.user_hooks
    for start, end, kind, m in _matches(text):
        tokens = index.expand_span(start, end) if fast else None
        if tokens is not None:  # the span's first token and its sentence from the index: no Span objects
            if index.boilerplate[tokens[0]]:
                continue
            a, b = index.sent_range(tokens[0])  # Span.sent: the sentence of the first token
            sent_start, sent_end = index.starts[a], index.ends[b - 1]
        else:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or span[0]._.in_boilerplate:
                continue
            sent_start, sent_end = span.sent.start_char, span.sent.end_char
        future = _is_future(text, start, end, sent_start, sent_end)
        value, granularity = _resolve_groups(kind, (m.group(0), *m.groups()), published, future)
        times.append(TimeExpression(text[start:end], start, end, value, granularity))
    return times
