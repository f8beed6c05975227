"""Reading source articles safely: one clear error per bad file, never a crash mid-run.

Articles are plain-text files. Metadata (title, publication date, URL) comes from a
sidecar ``ARTICLE.meta.json`` next to ``ARTICLE.txt`` when present; otherwise the title
is the first line when it is set apart like a headline.

Two more kinds of source are streamed, one document at a time, so a corpus of any size
needs memory for one article only (:func:`iter_documents`):

- JSON Lines (``.jsonl``, ``.ndjson``, optionally ``.gz``): one article per line,
  ``{"id", "title", "text", "published"?, "url"?}``; a bad line is reported with its number;
- HTML pages (``.html``, ``.htm``): the main text is extracted with trafilatura (menus,
  comments, cookie banners dropped), title/date/URL from the page's metadata.

Both carry the headline apart from the body; it is read as the document's first paragraph (unless
the body already opens with it), as a reader of the article reads it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
MIN_HTML_WORDS = 5


class InputError(Exception):
    """A source file that cannot be used; the message names the file and the problem."""

    def __init__(self, path: Path | str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


@dataclass(frozen=True)
class Document:
    path: Path
    name: str  # file name, as users and gold files refer to it
    text: str
    sha256: str
    title: str | None = None
    published: date | None = None
    url: str | None = None

    @property
    def doc_id(self) -> str:
        return self.sha256[:16]


def discover(sources: list[str | Path]) -> list[Path]:
    """Expand files and folders into a sorted list of article files."""
    found: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and source_kind(p) is not None
                           and not p.name.startswith("."))
            if not files:
                raise InputError(path, "folder contains no text files (*.txt, *.text, *.md), "
                                       "HTML pages or .jsonl(.gz) files")
            found.extend(files)
        elif path.is_file():
            found.append(path)
        elif path.exists():
            raise InputError(path, "not a regular file or folder")
        else:
            raise InputError(path, "no such file or folder")
    return list(dict.fromkeys(found))


def read_document(path: Path, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                  published: date | None = None) -> Document:
    """Read and validate one article; raise InputError with a one-line reason if unusable."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from error
    if size > max_bytes:
        raise InputError(path, f"file is {size:,} bytes, over the limit of {max_bytes:,} (see --max-bytes)")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from error
    if not raw.strip():
        raise InputError(path, "file is empty")
    if b"\x00" in raw[:8192]:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    try:
        text = raw.decode(encoding or "utf-8")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not valid {encoding or 'UTF-8'} text (byte {error.start}); "
                               f"name its encoding with --encoding") from error
    except LookupError as error:
        raise InputError(path, f"unknown encoding {encoding!r}") from error
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    control = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\t\f\v")
    if control > max(10, len(text[:20000]) // 100):
        raise InputError(path, "looks binary (many control characters), not text")
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    meta = _read_sidecar(path)
    title = meta.get("title") or _headline(text)
    pub = published or _parse_date(meta.get("published") or meta.get("date"), path)
    return Document(path=path, name=path.name, text=text, sha256=sha, title=title, published=pub,
                    url=meta.get("url"))


def _read_sidecar(path: Path) -> dict:
    for candidate in (path.with_suffix(".meta.json"), path.with_name(path.name + ".meta.json")):
        if candidate.is_file():
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
                raise InputError(candidate, f"unreadable metadata: {error}") from error
            if not isinstance(data, dict):
                raise InputError(candidate, "metadata must be a JSON object")
            return data
    return {}


def _parse_date(value, path: Path) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as error:
        raise InputError(path, f"publication date {value!r} is not YYYY-MM-DD") from error


HEADLINE_RE = re.compile(r"^\s*([^\n]{3,200})\n\s*\n")


def _headline(text: str) -> str | None:
    """The first line when it stands alone above a blank line and does not end like a sentence."""
    match = HEADLINE_RE.match(text)
    if not match:
        return None
    line = match.group(1).strip()
    if line.endswith((".", ":", ";", ",")) or len(line.split()) < 3:
        return None
    return line


def source_kind(path: Path) -> str | None:
    """'text', 'html' or 'jsonl' by file name; None for anything else (sidecars, images...)."""
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if path.suffix.lower() in HTML_SUFFIXES:
        return "html"
    if path.suffix.lower() in TEXT_SUFFIXES and not name.endswith(".meta.json"):
        return "text"
    return None


def make_document(name: str, text: str, path: Path, *, title: str | None = None, published: date | None = None,
                  url: str | None = None, headline: bool = False) -> Document:
    """A Document from text already in memory (JSON Lines, HTML): same normalisation as files.

    ``headline``: the title is part of the article and is read (see :func:`with_headline`); JSON Lines records
    and HTML pages carry the headline apart from the body, and headlines state facts ("Thousands flee to X").
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if headline and title:
        text = with_headline(title, text)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(path=path, name=name, text=text, sha256=sha, title=title or _headline(text),
                    published=published, url=url)


_SPACE_RE = re.compile(r"\s+")


def with_headline(title: str, text: str) -> str:
    """TEXT with TITLE as its first paragraph, unless the text already opens with it.

    Whitespace and case are ignored in that comparison (a body often repeats its headline with other line
    breaks); a title of line breaks only or nothing is not added.
    """
    headline = _SPACE_RE.sub(" ", title).strip()
    if not headline:
        return text
    opening = _SPACE_RE.sub(" ", text[:len(title) * 2 + 16]).strip()
    if opening.casefold().startswith(headline.casefold()):
        return text
    return f"{headline}\n\n{text}"


def iter_documents(sources: list[str | Path], *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                   published: date | None = None, keep_going: bool = False,
                   errors: list[InputError] | None = None) -> Iterator[Document]:
    """Every document of SOURCES, one at a time, in a stable order (files sorted, JSON Lines in line order).

    A bad file or line raises InputError, or, with keep_going, is appended to ``errors`` and skipped.
    """
    for path in discover(sources):
        kind = source_kind(path) or "text"  # a file named explicitly is read as text whatever its suffix
        try:
            if kind == "jsonl":
                yield from _iter_jsonl(path, max_bytes=max_bytes, published=published, keep_going=keep_going,
                                       errors=errors)
            elif kind == "html":
                yield read_html_document(path, max_bytes=max_bytes, published=published)
            else:
                yield read_document(path, encoding=encoding, max_bytes=max_bytes, published=published)
        except InputError as error:
            if not keep_going:
                raise
            if errors is not None:
                errors.append(error)


def _iter_jsonl(path: Path, *, max_bytes: int, published: date | None, keep_going: bool,
                errors: list[InputError] | None) -> Iterator[Document]:
    import gzip

    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        handle = opener(path, "rt", encoding="utf-8", newline="\n")
        lines = iter(handle)
        lineno = 0
        with handle:
            while True:
                try:
                    line = next(lines)
                except StopIteration:
                    break
                except (OSError, EOFError, UnicodeDecodeError) as error:  # truncated gzip, bad bytes
                    raise InputError(f"{path}:{lineno + 1}", f"cannot read: {error}") from error
                lineno += 1
                if not line.strip():
                    continue
                try:
                    yield _jsonl_document(path, lineno, line, max_bytes=max_bytes, published=published)
                except InputError as error:
                    if not keep_going:
                        raise
                    if errors is not None:
                        errors.append(error)
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from error


def _jsonl_document(path: Path, lineno: int, line: str, *, max_bytes: int, published: date | None) -> Document:
    where = f"{path}:{lineno}"
    if len(line) > max_bytes:
        raise InputError(where, f"line is {len(line):,} characters, over the limit of {max_bytes:,} (see --max-bytes)")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(where, f"not valid JSON: {error.msg} (column {error.colno})") from error
    if not isinstance(record, dict):
        raise InputError(where, "each line must be a JSON object with at least \"text\"")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "no \"text\" (or it is empty)")
    ident = record.get("id")
    name = str(ident) if ident not in (None, "") else f"{path.name}:{lineno}"
    pub = published or _parse_date(record.get("published") or record.get("date"), Path(where))
    title = record.get("title") if isinstance(record.get("title"), str) else None
    url = record.get("url") if isinstance(record.get("url"), str) else None
    return make_document(name, text, Path(where), title=title, published=pub, url=url, headline=True)


def read_html_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, published: date | None = None) -> Document:
    """The main text of an HTML page (boilerplate dropped by trafilatura), with its title, date and URL."""
    import trafilatura

    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"file is {size:,} bytes, over the limit of {max_bytes:,} (see --max-bytes)")
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from error
    if not raw.strip():
        raise InputError(path, "file is empty")
    text = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_precision=True,
                               deduplicate=True)
    if not text or len(text.split()) < MIN_HTML_WORDS:  # a menu or a cookie notice is not an article
        raise InputError(path, "no article text found in the HTML page")
    meta = trafilatura.extract_metadata(raw)
    title = meta.title if meta is not None else None
    url = meta.url if meta is not None else None
    pub = published
    if pub is None and meta is not None and meta.date:
        try:
            pub = date.fromisoformat(str(meta.date)[:10])
        except ValueError:
            pub = None
    sidecar = _read_sidecar(path)
    title = sidecar.get("title") or title
    pub = published or _parse_date(sidecar.get("published") or sidecar.get("date"), path) or pub
    url = sidecar.get("url") or url
    # Paragraphs as blank-line-separated blocks, as in the plain-text articles the rules expect.
    text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    return make_document(path.name, text, path, title=title, published=pub, url=url, headline=True)
