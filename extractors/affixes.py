"""Faster stand-ins for spaCy's affix regexes, with the same matches.

spaCy's English suffix and infix rules are each one regex of several hundred alternatives (12-15k characters).
Python's ``re`` tries every alternative at every position of a word, so these searches were about half of the
tokenizer's time (0.33 + 0.16 CPU s of 0.93 on 400 news articles), although most words can match none of them.

Each alternative is read with ``re``'s own parser to learn which characters its match can start with (prefixes,
infixes) or end with (suffixes):

- a suffix alternative ends with ``$``, so its match ends with the word's last character: only the alternatives
  that can end with that character are searched (one smaller regex per group of such characters);
- a prefix alternative starts with ``^``: likewise with the word's first character;
- an infix match consumes at least one character that can start it: a word holding none of those characters has
  no infix, and the full regex runs only on the others;
- the URL match needs a "." (characters every match consumes are read from the pattern): a word without one is no
  URL.

An alternative whose characters cannot be worked out (a category such as ``\\w``, a negated set, an empty match, no
anchor) is searched for every word, so the answer is always the full regex's. The objects keep the full regex as
``pattern`` so that spaCy's serialisation (``Tokenizer.to_bytes``) writes the original rules.
"""

from __future__ import annotations

import functools
import re
from re import _constants as sre_constants
from re import _parser as sre_parser
from types import MethodType

_ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT}


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex (``"|".join(result) == pattern``)."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            # a "]" right after "[" or "[^" is a literal member of the set
            if pattern.startswith("^]", i + 1):
                i += 2
            elif pattern.startswith("]", i + 1):
                i += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _set_chars(items) -> set[str] | None:
    """The characters of a character set (``IN``), or None when not listed (categories, negation)."""
    chars: set[str] = set()
    for op, av in items:
        if op == sre_constants.LITERAL:
            chars.add(chr(av))
        elif op == sre_constants.RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
    return chars


def _node_chars(op, av, last: bool) -> tuple[set[str] | None, bool]:
    """(characters the node's match can start with - or end with if ``last`` -, whether it can match empty)."""
    if op == sre_constants.LITERAL:
        return {chr(av)}, False
    if op == sre_constants.IN:
        return _set_chars(av), False
    if op in _ZERO_WIDTH:
        return set(), True
    if op == sre_constants.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE:
            return None, True
        return _edge_chars(sub, last)
    if op == sre_constants.ATOMIC_GROUP:
        return _edge_chars(av, last)
    if op == sre_constants.BRANCH:
        chars: set[str] = set()
        empty = False
        for sub in av[1]:
            found, can_be_empty = _edge_chars(sub, last)
            if found is None:
                return None, True
            chars |= found
            empty = empty or can_be_empty
        return chars, empty
    if op in _REPEATS:
        low, high, sub = av
        if high == 0:
            return set(), True
        found, can_be_empty = _edge_chars(sub, last)
        return found, can_be_empty or low == 0
    return None, True  # ANY, NOT_LITERAL, CATEGORY, group references ...: not worked out


def _edge_chars(items, last: bool) -> tuple[set[str] | None, bool]:
    """The characters a sequence's match can start with (end with if ``last``), and whether it can match empty."""
    chars: set[str] = set()
    for op, av in (reversed(list(items)) if last else items):
        found, can_be_empty = _node_chars(op, av, last)
        if found is None:
            return None, True
        chars |= found
        if not can_be_empty:
            return chars, False
    return chars, True


def _anchored(items, last: bool) -> bool:
    """Whether the alternative starts with ``^`` (ends with ``$`` if ``last``), so its match starts at the word's first
    character (ends at its last)."""
    items = list(items)
    if not items:
        return False
    op, av = items[-1] if last else items[0]
    wanted = (sre_constants.AT_END, sre_constants.AT_END_STRING) if last else (
        sre_constants.AT_BEGINNING, sre_constants.AT_BEGINNING_STRING)
    return op == sre_constants.AT and av in wanted


def _alternative_chars(regex: re.Pattern, last: bool | None) -> tuple[list[str], list[set[str] | None]]:
    """The regex's alternatives and, per alternative, the characters its match must start (None for ``last``: any
    consumed character; True: end) with; None where unknown."""
    parts = split_alternatives(regex.pattern)
    chars: list[set[str] | None] = []
    for part in parts:
        items = sre_parser.parse(part, regex.flags & ~re.UNICODE)
        if last is not None and not _anchored(items, last):
            chars.append(None)
            continue
        found, can_be_empty = _edge_chars(items, bool(last))
        chars.append(None if found is None or can_be_empty else found)
    return parts, chars


class _EdgeSearch:
    """``regex.search`` where every match starts at the first (``last=False``) or ends at the last (``last=True``)
    character of the string, searching only the alternatives that can start (end) with that character."""

    def __init__(self, regex: re.Pattern, last: bool):
        self.regex = regex
        self.pattern = regex.pattern  # what spaCy serialises
        self.flags = regex.flags
        self.at = -1 if last else 0
        parts, chars = _alternative_chars(regex, last)
        always = [i for i, found in enumerate(chars) if found is None]
        by_char: dict[str, list[int]] = {}
        for i, found in enumerate(chars):
            for char in found or ():
                by_char.setdefault(char, []).append(i)
        compiled: dict[tuple[int, ...], re.Pattern] = {}

        def sub_regex(indices: list[int]) -> re.Pattern | None:
            key = tuple(sorted(set(indices) | set(always)))
            if not key:
                return None
            if key not in compiled:
                compiled[key] = re.compile("|".join(parts[i] for i in key), regex.flags)
            return compiled[key]

        self.by_char = {char: sub_regex(indices) for char, indices in by_char.items()}
        self.otherwise = sub_regex([])
        self.exempt: set[str] = set()  # whole strings the suffix search finds no suffix in (``unsplit_abbreviations``)
        # The search, with what it reads bound in a closure: it runs for every chunk the tokenizer splits (several
        # hundred per article), and reading the attributes was a fair part of its cost. Still a bound method: spaCy
        # serialises ``prefix_search.__self__.pattern``.
        if last:
            self.search = MethodType(_tail_search(regex, self.by_char, self.otherwise, self.exempt), self)
        else:
            self.search = MethodType(_edge_search(regex, self.by_char, self.otherwise, self.at), self)


def _edge_search(regex: re.Pattern, by_char: dict[str, re.Pattern | None], otherwise: re.Pattern | None, at: int):
    """``_EdgeSearch.search``: the sub-regex of the string's first (``at`` 0) or last (-1) character."""
    full_search = regex.search
    searches = {char: sub.search for char, sub in by_char.items() if sub is not None}
    default = otherwise.search if otherwise is not None else None

    def search(_self: _EdgeSearch, string: str):
        # "$" also matches before a final line break, and "^"/"$" need a character: the full regex then
        if not string or string[-1] == "\n":
            return full_search(string)
        find = searches.get(string[at], default)
        return find(string) if find is not None else None

    return search


_WIDE = 64  # an alternative that can match more characters than this is searched over the whole string


def _tail_plan(sub: re.Pattern) -> tuple:
    """(``sub.search``, how many characters from the end a match of its bounded alternatives can start, the search of
    the others or None). Bounded: the alternative ends with ``$`` and matches at most ``_WIDE`` characters."""
    reach, wide = _tail_shape(sub.pattern, sub.flags)
    return sub.search, reach, wide


@functools.cache
def _tail_shape(pattern: str, flags: int) -> tuple:
    """``_tail_plan``'s reach and wide search for a sub-regex's pattern. Cached: the sub-regexes of the characters
    of one large class share their pattern, and splitting it again for each made construction seconds slower."""
    bounded, unbounded = [], []
    for part in split_alternatives(pattern):
        width, anchored = _alternative_shape(part, flags)
        (bounded if width <= _WIDE and anchored else unbounded).append((part, width))
    reach = max((width for _part, width in bounded), default=0)
    wide = re.compile("|".join(part for part, _width in unbounded), flags).search if unbounded else None
    return reach, wide


@functools.cache
def _alternative_shape(part: str, flags: int) -> tuple[int, bool]:
    """(the most characters a match of the alternative PART can take, whether it ends with ``$``). Cached: the
    per-character sub-regexes repeat the same alternatives (one whose last item is a class of thousands of
    characters sits in the sub-regex of each of them), and parsing them again made a pipeline's construction
    4-5 s slower."""
    items = sre_parser.parse(part, flags & ~re.UNICODE)
    return items.getwidth()[1], _anchored(items, True)


def _tail_search(regex: re.Pattern, by_char: dict[str, re.Pattern | None], otherwise: re.Pattern | None,
                 exempt: set[str] = frozenset()):
    """The suffix ``_EdgeSearch.search``: the sub-regex of the string's last character, tried only from where a match
    can start.

    A suffix alternative ends with ``$``, so a match of one that matches at most ``reach`` characters starts within the
    last ``reach`` characters (the string does not end with a line break: that goes to the full regex). ``re`` tries
    each alternative at every position from the start, which for the full stop's four alternatives (two of them
    with look-behind classes of thousands of characters) was most of the suffix search's cost in words such as
    "year." searched from ``len - reach`` on. Look-behinds still see the characters before that position, and the
    earliest position where some alternative matches is the same, so the match is the same (its span: ``pos``
    aside). The alternatives with no such bound ("\\.\\.+$", or one without ``$``) are searched first over the whole
    string; where one matches, the whole sub-regex is searched as before. A string in ``exempt`` (filled later, by
    ``unsplit_abbreviations``) has no suffix."""
    full_search = regex.search
    plans = {char: _tail_plan(sub) for char, sub in by_char.items() if sub is not None}
    default = _tail_plan(otherwise) if otherwise is not None else None

    def search(_self: _EdgeSearch, string: str):
        if not string or string[-1] == "\n":
            return full_search(string)
        plan = plans.get(string[-1], default)
        if plan is None or string in exempt:
            return None
        find, reach, wide = plan
        if wide is not None and wide(string) is not None:
            return find(string)
        return find(string, len(string) - reach)  # (a negative start is 0 for ``re``)

    return search


def _required_chars(items) -> set[str]:
    """Characters every match of the sequence consumes (a subset: what is not worked out adds nothing)."""
    required: set[str] = set()
    for op, av in items:
        if op == sre_constants.LITERAL:
            required.add(chr(av))
        elif op == sre_constants.IN:
            chars = _set_chars(av)
            if chars is not None and len(chars) == 1:
                required |= chars
        elif op == sre_constants.SUBPATTERN and not av[1] & re.IGNORECASE:
            required |= _required_chars(av[3])
        elif op in (sre_constants.ATOMIC_GROUP,):
            required |= _required_chars(av)
        elif op in _REPEATS and av[0] >= 1:
            required |= _required_chars(av[2])
        elif op == sre_constants.BRANCH:
            required |= set.intersection(*(_required_chars(sub) for sub in av[1]))
    return required


class _RequiredCharsMatch:
    """``regex.match`` (or ``search``), returning None at once for a string lacking a character every match needs
    (spaCy's URL pattern needs a "." for the domain or the IP address: most words have none)."""

    def __init__(self, regex: re.Pattern, method: str):
        self.regex = regex
        self.pattern = regex.pattern
        self.flags = regex.flags
        self.required = tuple(sorted(_required_chars(sre_parser.parse(regex.pattern, regex.flags & ~re.UNICODE))))
        self.method = getattr(regex, method)

    def match(self, string: str):
        for char in self.required:
            if char not in string:
                return None
        return self.method(string)


class _InfixFinditer:
    """``regex.finditer`` as a list, skipping the search in strings that hold no character an infix can start with."""

    def __init__(self, regex: re.Pattern):
        self.regex = regex
        self.pattern = regex.pattern
        self.flags = regex.flags
        _parts, chars = _alternative_chars(regex, None)
        self.starts = None if any(found is None for found in chars) else frozenset().union(*chars)
        self.exact: dict[str, list[re.Match]] = {}  # whole strings split at fixed places (``split_contractions``)

    def finditer(self, string: str):
        found = self.exact.get(string)
        if found is not None:
            return found
        if self.starts is None:
            return self.regex.finditer(string)
        if self.starts.isdisjoint(string):
            return []
        return self._matches_at_starts(string)

    def _matches_at_starts(self, string: str) -> list[re.Match]:
        """``list(self.regex.finditer(string))``, the regex tried only where a match can start: every alternative
        consumes a first character from ``starts`` (no empty match), so ``finditer`` finds nothing elsewhere; ``match``
        at a position reads the characters before it in look-behinds, as the scan does. The scan tried each of the
        regex's alternatives at every character (about 17k instructions per word)."""
        match, starts = self.regex.match, self.starts
        found = []
        done = 0
        for at, char in enumerate(string):
            if at >= done and char in starts:
                m = match(string, at)
                if m is not None:
                    found.append(m)
                    done = m.end()
        return found


def speed_up_affixes(tokenizer) -> None:
    """Replace a spaCy tokenizer's prefix, suffix and infix regex searches with the stand-ins above (regexes only;
    any other callable is left as it is). Tokenisation is unchanged; the special cases are reloaded by spaCy."""
    prefix, suffix, infix = tokenizer.prefix_search, tokenizer.suffix_search, tokenizer.infix_finditer
    if isinstance(getattr(prefix, "__self__", None), re.Pattern):
        tokenizer.prefix_search = _EdgeSearch(prefix.__self__, last=False).search
    if isinstance(getattr(suffix, "__self__", None), re.Pattern):
        tokenizer.suffix_search = _EdgeSearch(suffix.__self__, last=True).search
    if isinstance(getattr(infix, "__self__", None), re.Pattern):
        tokenizer.infix_finditer = _InfixFinditer(infix.__self__).finditer
    for name in ("url_match", "token_match"):
        method = getattr(tokenizer, name)
        regex = getattr(method, "__self__", None)
        if isinstance(regex, re.Pattern) and method.__name__ in ("match", "search", "fullmatch"):
            required = _RequiredCharsMatch(regex, method.__name__)
            if required.required:
                setattr(tokenizer, name, required.match)


def drop_redundant_special_cases(tokenizer) -> list[str]:
    """Remove the special cases that the affix rules already tokenise the same way, and return their strings.

    spaCy's tokenizer caches a whitespace-separated chunk's tokens only while no special case has been used in the
    current text (its ``has_special`` flag is per call, not per chunk), and it matches every special case written
    with affixes ("’", "—", "it’s") over the whole Doc after splitting. Special cases such as "\\n", "—", "’" or
    "it’s" give the very tokens the affix rules give without them (same texts, no NORM other than the word's own),
    yet a line break or an em dash early in an article switched the cache off for the rest of it. Without them the
    tokens, their whitespace and their NORM are unchanged (checked on corpus texts against the full rules), and most
    chunks are cached again. Call it after the last change to the rules and affix functions."""
    from spacy.attrs import NORM, ORTH

    rules = dict(tokenizer.rules)
    vocab = tokenizer.vocab
    tokenizer.rules = {}
    redundant = [string for string, tokens in rules.items()
                 if all(NORM not in token or vocab[token[ORTH]].norm_ == token[NORM] for token in tokens)
                 and [t.text for t in tokenizer(string)] == [token[ORTH] for token in tokens]]
    for string in redundant:
        del rules[string]
    tokenizer.rules = rules
    return redundant


PLAIN_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
PLAIN_WORD_PATTERN = r"[A-Za-z]+\Z"
"""A chunk made of these characters alone ("migrants", "Kyiv") may be one token without any affix search
(``plain_word_match``); the pattern is the regex matching the same (non-empty) strings."""


class _CharacterSet(frozenset):
    """A set of characters whose ``issuperset`` answers, in C, whether a string is made of them alone, with the regex
    that matches the same non-empty strings as ``pattern`` (what spaCy serialises of a ``token_match``: a tokenizer
    loaded from those bytes matches with the regex, and tokenises the same). Testing the characters against the set
    cost half of what the regex's match did (no match object, no matching machinery)."""

    pattern: str


def _needs_outside(items, allowed: frozenset[str]) -> bool:
    """Whether every match of the sequence consumes or looks at (look-ahead/behind, which cannot see past the string's
    ends) a character outside ``allowed``: then no string of ``allowed`` characters alone matches it. What is not worked
    out (categories, negated sets, case-insensitive groups, negative look-arounds) counts as able to match."""
    for op, av in items:
        if op == sre_constants.LITERAL:
            if chr(av) not in allowed:
                return True
        elif op == sre_constants.IN:
            chars = _set_chars(av)
            if chars is not None and chars.isdisjoint(allowed):
                return True
        elif op == sre_constants.ASSERT:
            if _needs_outside(av[1], allowed):
                return True
        elif op == sre_constants.SUBPATTERN:
            if not av[1] & re.IGNORECASE and _needs_outside(av[3], allowed):
                return True
        elif op == sre_constants.ATOMIC_GROUP:
            if _needs_outside(av, allowed):
                return True
        elif op in _REPEATS:
            if av[0] >= 1 and _needs_outside(av[2], allowed):
                return True
        elif op == sre_constants.BRANCH:
            if all(_needs_outside(sub, allowed) for sub in av[1]):
                return True
    return False


def _cannot_match_within(regex: re.Pattern, allowed: frozenset[str]) -> bool:
    """Whether no string made only of ``allowed`` characters holds a match of ``regex`` (each top-level alternative
    needs a character outside them)."""
    if regex.flags & re.IGNORECASE:
        return False
    return all(_needs_outside(sre_parser.parse(part, regex.flags & ~re.UNICODE), allowed)
               for part in split_alternatives(regex.pattern))


def _original_regex(function) -> re.Pattern | None:
    """The regex behind a tokenizer's affix function: its own, or the one a stand-in above keeps."""
    owner = getattr(function, "__self__", None)
    if isinstance(owner, re.Pattern):
        return owner
    regex = getattr(owner, "regex", None)
    return regex if isinstance(owner, (_EdgeSearch, _InfixFinditer)) and isinstance(regex, re.Pattern) else None


def plain_word_match(tokenizer):
    """``issuperset`` of ``PLAIN_WORD_CHARS`` (whether a chunk is made of ASCII letters alone, as
    ``PLAIN_WORD_PATTERN`` matches) when no prefix, suffix or infix rule of ``tokenizer`` can match within such a
    chunk; else None.

    Such a chunk is one token whatever the rules: no affix is split off and no infix splits it, so the URL rule's
    answer changes nothing either. Given as spaCy's ``token_match`` (checked first for every chunk and what remains
    of it), these chunks become that one token with one call in C instead of the four Python-level searches (prefix,
    suffix, URL, infix) each of them went through; special cases are still looked up first, as before. spaCy asks a
    ``token_match`` about non-empty strings only (of which ``issuperset`` and the pattern say the same)."""
    regexes = [_original_regex(f) for f in (tokenizer.prefix_search, tokenizer.suffix_search,
                                            tokenizer.infix_finditer)]
    if any(regex is None for regex in regexes):
        return None  # a rule that is not a regex: nothing can be said of it
    if not all(_cannot_match_within(regex, PLAIN_WORD_CHARS) for regex in regexes):
        return None
    chars = _CharacterSet(PLAIN_WORD_CHARS)
    chars.pattern = PLAIN_WORD_PATTERN
    return chars.issuperset


def add_plain_word_match(tokenizer) -> bool:
    """Set ``plain_word_match`` as the tokenizer's ``token_match`` when it has none (same tokens; see there). spaCy
    serialises it with the rules (as ``PLAIN_WORD_PATTERN``), and a tokenizer loaded from those bytes tokenises the
    same way."""
    if tokenizer.token_match is not None:
        return False
    match = plain_word_match(tokenizer)
    if match is None:
        return False
    tokenizer.token_match = match
    return True


def _cut_pattern(string: str, cuts: list[int]) -> str:
    """A regex matching, with zero width, at each of ``cuts`` in ``string`` and nowhere in any other string."""
    return "|".join(f"(?<=\\A{re.escape(string[:cut])})(?={re.escape(string[cut:])}\\Z)" for cut in cuts)


def split_contractions(tokenizer) -> dict[str, list[tuple[str, str | None]]]:
    """Move the special cases that cut a chunk free of affixes into several tokens ("didn't" -> "did", "n't",
    "we're", "10am") to the infix search, which cuts exactly those whole strings at the same places; return, per moved
    string, its tokens' texts and the NORM each had where it differs from the word's own (None where the same), for
    ``pipeline.restore_norms``.

    spaCy stops caching a text's chunks once a special case has been used in it (``drop_redundant_special_cases``),
    and a contraction in a quotation early in an article switched the cache off for the rest of it. Such a string
    has no prefix, suffix or infix and is not a ``token_match`` or URL match, so the affix loop leaves it whole, as the
    special case did, and it reaches the infix search, which now gives the special case's cuts: the same tokens, and
    cached. The infix stand-in's ``pattern`` (what spaCy serialises) gets one alternative per cut, anchored to the
    whole string, so a tokenizer loaded from the bytes cuts the same. Only the NORM differs: a special case's tokens
    carry their own ("n't": "not"), an infix piece the word's, and ``restore_norms`` writes those back. Each moved
    string is checked to tokenise as its special case did; one that does not is kept as a special case. Call it
    after the other changes to the rules and affix functions."""
    from spacy.attrs import NORM, ORTH

    owner = getattr(tokenizer.infix_finditer, "__self__", None)
    if not isinstance(owner, _InfixFinditer):
        return {}
    rules = dict(tokenizer.rules)
    vocab = tokenizer.vocab
    token_match, url_match = tokenizer.token_match, tokenizer.url_match
    moved: dict[str, tuple[list[int], list[str | None]]] = {}
    for string, tokens in rules.items():
        if len(tokens) < 2 or any(char.isspace() for char in string) or (token_match and token_match(string)) or (
                url_match and url_match(string)):
            continue
        if tokenizer.find_prefix(string) or tokenizer.find_suffix(string) or tokenizer.find_infix(string):
            continue
        cuts, norms, at = [], [], 0
        for k, token in enumerate(tokens):
            if k:
                cuts.append(at)
            at += len(token[ORTH])
            norm = token.get(NORM)
            norms.append(norm if norm is not None and vocab[token[ORTH]].norm_ != norm else None)
        moved[string] = (cuts, norms)
    for string, (cuts, _norms) in moved.items():
        owner.exact[string] = list(re.compile(_cut_pattern(string, cuts)).finditer(string))
    tokenizer.rules = {string: tokens for string, tokens in rules.items() if string not in moved}
    wrong = [string for string in moved
             if [t.text for t in tokenizer(string)] != [token[ORTH] for token in rules[string]]]
    for string in wrong:
        del moved[string]
        del owner.exact[string]
    if wrong:
        tokenizer.rules = {string: tokens for string, tokens in rules.items() if string not in moved}
    if moved:
        owner.pattern = "|".join([owner.regex.pattern] + [_cut_pattern(s, cuts) for s, (cuts, _n) in moved.items()])
    return {string: [(token[ORTH], norm) for token, norm in zip(rules[string], norms, strict=True)]
            for string, (_cuts, norms) in moved.items()}


def _exempting_pattern(pattern: str, strings: list[str]) -> str:
    """``pattern`` led by a negative look-ahead that fails at every position of each of ``strings`` taken whole, so the
    regex finds no match in those strings and the same matches in all others."""
    places = [f"(?<=\\A{re.escape(string[:k])}){re.escape(string[k:])}\\Z"
              for string in strings for k in range(len(string))]
    return "(?!" + "|".join(places) + f")(?:{pattern})" if places else pattern


def unsplit_abbreviations(tokenizer):
    """Replace the special cases that keep a chunk one token against the suffix rules ("Mr.", "Sen.", "p.m.") by an
    exemption in the suffix search: the same tokens, and the chunks after them cached.

    spaCy stops caching a text's chunks once a special case has been used in it (``drop_redundant_special_cases``), and
    a title such as "Sen." or "Mr." early in an article switched the cache off for the rest of it (about 60% of the
    chunks of 400 corpus articles came after one). A moved string S is a single token with the word's own NORM, starts
    with a letter no prefix can start with, and is no ``token_match``, URL or infix match; the suffix search finds no
    suffix in S taken whole. spaCy's affix loop then leaves S whole wherever the special case stopped it (S alone,
    after a prefix, before suffixes) and makes it one token, as the special case did. (Those with a NORM of their own,
    "Calif.", stay special cases: an infix piece "Calif." of "R-Calif." has the word's NORM, which could not be told
    apart afterwards.) One thing differs: spaCy's special-case matcher, after the affix loop, merges the tokens the
    affix rules cut S into ("Mr", ".") where other splits give them ("Mr.Smith", cut by an infix); a text holding such
    a sequence is tokenised again by a tokenizer with all the special cases (``pipeline.TextKeepingTokenizer``). Each
    moved string is checked to tokenise as its special case did. Call it after the other changes to the rules.

    Returns (per moved string its [(text, None)], as ``split_contractions`` gives NORMs; the token sequences the matcher
    merged; a function making the tokenizer with all special cases), or None when the affix functions are not this
    module's (or nothing moves). The suffix search's serialised ``pattern`` finds no suffix in the moved strings
    either, so a tokenizer loaded from spaCy's bytes keeps them whole too (without the matcher's merges)."""
    from spacy.attrs import NORM, ORTH
    from spacy.tokenizer import Tokenizer

    prefix_owner = getattr(tokenizer.prefix_search, "__self__", None)
    suffix_owner = getattr(tokenizer.suffix_search, "__self__", None)
    if not (isinstance(prefix_owner, _EdgeSearch) and isinstance(suffix_owner, _EdgeSearch) and suffix_owner.at == -1):
        return None
    rules = dict(tokenizer.rules)
    vocab = tokenizer.vocab
    token_match, url_match = tokenizer.token_match, tokenizer.url_match
    settings = {"prefix_search": tokenizer.prefix_search, "infix_finditer": tokenizer.infix_finditer,
                "token_match": token_match, "url_match": url_match, "faster_heuristics": tokenizer.faster_heuristics}
    plain_suffix = MethodType(_tail_search(suffix_owner.regex, suffix_owner.by_char, suffix_owner.otherwise),
                              suffix_owner)  # the same search with no exemption, for the full tokenizer
    moved: dict[str, str | None] = {}
    for string, tokens in rules.items():
        if len(tokens) != 1 or set(tokens[0]) - {ORTH, NORM} or tokens[0][ORTH] != string or not string[0].isalpha():
            continue  # (emoticons such as "8)": "8" and ")" glued are frequent, and each would be tokenised twice)
        if any(char.isspace() for char in string) or (token_match and token_match(string)) or (
                url_match and url_match(string)) or tokenizer.find_infix(string) or tokenizer.find_prefix(string):
            continue
        if prefix_owner.by_char.get(string[0], prefix_owner.otherwise) is not None:
            continue  # a prefix may start with its first character: spaCy then takes S with what follows differently
        norm = tokens[0].get(NORM)
        if norm is not None and vocab[string].norm_ != norm:
            continue  # ("Calif.": "California") an infix piece "Calif." ("R-Calif.") has the word's NORM: kept
        moved[string] = None
    if not moved:
        return None
    # the matcher's sequences: S as the affix rules cut it without special cases
    bare = Tokenizer(vocab, rules={}, suffix_search=plain_suffix, **settings)
    merged = {string: tuple(t.text for t in bare(string)) for string in moved}
    suffix_owner.exempt.update(moved)
    tokenizer.rules = {string: tokens for string, tokens in rules.items() if string not in moved}
    wrong = [string for string in moved if [t.text for t in tokenizer(string)] != [string]]
    for string in wrong:
        del moved[string]
        suffix_owner.exempt.discard(string)
    if wrong:
        tokenizer.rules = {string: tokens for string, tokens in rules.items() if string not in moved}
    suffix_owner.pattern = _exempting_pattern(suffix_owner.regex.pattern, sorted(moved))  # what spaCy serialises

    def full_tokenizer() -> Tokenizer:
        return Tokenizer(vocab, rules=rules, suffix_search=plain_suffix, **settings)

    sequences = [merged[string] for string in moved if len(merged[string]) > 1]
    return {string: [(string, norm)] for string, norm in moved.items()}, sequences, full_tokenizer


def _class_avoids(items, inside) -> bool:
    """Whether a character set (``IN``) is listed (literals, ranges) and holds no character ``inside`` accepts; a set
    not worked out (categories, negation) may hold one. Ranges are read with an early stop: most classes of the rules
    that hold a letter hold one in their first range."""
    for op, av in items:
        if op == sre_constants.LITERAL:
            if inside(chr(av)):
                return False
        elif op == sre_constants.RANGE:
            if any(map(inside, map(chr, range(av[0], av[1] + 1)))):
                return False
        else:
            return False
    return True


def _needs_outside_of(items, inside) -> bool:
    """``_needs_outside`` with the allowed characters given as a test of one character (``inside``, such as
    ``str.isalpha``) rather than a set, for classes too large to list (all letters of all scripts)."""
    for op, av in items:
        if op == sre_constants.LITERAL:
            if not inside(chr(av)):
                return True
        elif op == sre_constants.IN:
            if _class_avoids(av, inside):
                return True
        elif op == sre_constants.ASSERT:
            if _needs_outside_of(av[1], inside):
                return True
        elif op == sre_constants.SUBPATTERN:
            if not av[1] & re.IGNORECASE and _needs_outside_of(av[3], inside):
                return True
        elif op == sre_constants.ATOMIC_GROUP:
            if _needs_outside_of(av, inside):
                return True
        elif op in _REPEATS:
            if av[0] >= 1 and _needs_outside_of(av[2], inside):
                return True
        elif op == sre_constants.BRANCH:
            if all(_needs_outside_of(sub, inside) for sub in av[1]):
                return True
    return False


class _AlphaTest:
    """What ``alpha_word_match`` is bound to: its ``pattern`` (what spaCy serialises of a ``token_match``) is a regex
    matching the same non-empty strings as ``str.isalpha``, worked out on first use (a scan of every code point).

    ``[^\\W\\d_]`` is ``str.isalnum`` less the decimal digits, which also takes the other numeric characters ("²",
    "½"): those are left out by a look-ahead."""

    @functools.cached_property
    def pattern(self) -> str:
        numeric = [char for char in map(chr, range(0x110000))
                   if char.isnumeric() and not char.isdecimal() and not char.isalpha()]
        return "(?:(?![" + "".join(map(re.escape, numeric)) + "])[^\\W\\d_])+\\Z"


def alpha_word_match(tokenizer):
    """``str.isalpha`` (whether a chunk is made of letters alone, of any script) as a ``token_match`` when no prefix,
    suffix or infix rule of ``tokenizer`` can match within such a chunk; else None.

    ``plain_word_match``'s reasoning with all letters instead of the ASCII ones: such a chunk is one token whatever the
    rules. ``str.isalpha`` reads a chunk in one C call; ``plain_word_match``'s ``issuperset`` went through it a
    character at a time, each character a set lookup (about a thousand instructions per chunk, 1.5% of all the
    pipeline's), and also sent words such as "café" or "Erdoğan" through the four affix searches. spaCy asks a
    ``token_match`` about non-empty strings only. The function is a ``functools.partial`` (called in C) carrying
    ``__self__`` with the serialisable ``pattern``."""
    regexes = [_original_regex(f) for f in (tokenizer.prefix_search, tokenizer.suffix_search,
                                            tokenizer.infix_finditer)]
    if any(regex is None or regex.flags & re.IGNORECASE for regex in regexes):
        return None
    for regex in regexes:
        flags = regex.flags & ~re.UNICODE
        if not all(_needs_outside_of(sre_parser.parse(part, flags), str.isalpha)
                   for part in split_alternatives(regex.pattern)):
            return None
    match = functools.partial(str.isalpha)
    match.__self__ = _AlphaTest()
    return match


def add_word_match(tokenizer) -> bool:
    """Set ``alpha_word_match`` as the tokenizer's ``token_match`` when it has none and that can be had, else
    ``plain_word_match`` (``add_plain_word_match``); same tokens either way. Returns whether one was set."""
    if tokenizer.token_match is not None:
        return False
    match = alpha_word_match(tokenizer)
    if match is None:
        return add_plain_word_match(tokenizer)
    tokenizer.token_match = match
    return True
