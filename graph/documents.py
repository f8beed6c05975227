"""Reading source articles safely: one clear error per bad file, never a crash mid-run.

Articles are plain-text files. Metadata (title, publication date, URL) comes from a
sidecar ``ARTICLE.meta.json`` next to ``ARTICLE.txt`` when present; otherwise the title
is the first line when it is set apart like a headline.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md"}


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
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                           and not p.name.startswith("."))
            if not files:
                raise InputError(path, "folder contains no text files (*.txt, *.text, *.md)")
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
