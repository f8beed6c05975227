"""Per-document caches for values spaCy recomputes on every access.

``Doc.text`` joins every token each time it is read, so calling it once per quote or
per person mention made extraction quadratic in document length. The text of a Doc
never changes after tokenisation, so it is computed once and kept in ``doc.user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc

_TEXT_KEY = "migraph.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc."""
    if not len(doc):
        return ""
    text = doc.user_data.get(_TEXT_KEY)
    last = doc[-1]
    if text is None or len(text) != last.idx + len(last.text_with_ws):  # O(1) staleness check
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


_LOWER_KEY = "migraph.lower"


def doc_lowers(doc: Doc) -> list[str]:
    """``[t.lower_ for t in doc]``, computed once per Doc: reading ``doc[i]`` builds a new Token object each time."""
    lowers = doc.user_data.get(_LOWER_KEY)
    if lowers is None or len(lowers) != len(doc):
        lowers = [t.lower_ for t in doc]
        doc.user_data[_LOWER_KEY] = lowers
    return lowers


def remember_text(doc: Doc, text: str) -> None:
    """Seed the cache with the string the Doc was made from (tokenisation keeps it exactly)."""
    doc.user_data[_TEXT_KEY] = text
