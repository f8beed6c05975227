"""The repository must not carry article text: no run of seven words may be shared with a corpus or eval article.

Test sentences, data files, comments and docs are written by us; the news in ``../shared`` is for measurement only.
A seven-word run shared with an article is almost always a copied sentence (names swapped or not); the few
generic runs that real news and our code both need (official titles, programme names, boilerplate strings that
must match real pages) are listed one per line in ``tests/data/shared_runs_allowed.txt``, each with the reason.

The scan reads the 37k-article corpus once (about 15 s), so it runs in CI, where ``../shared`` sits beside the
checkout, and skips with the reason elsewhere.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "news-37k.jsonl.gz"
ALLOWED = REPO / "tests" / "data" / "shared_runs_allowed.txt"
RUN = 7
WORD = re.compile(r"[a-z0-9']+")

# Where article text belongs or only ids and labels live: the founding article (it is the seed), annotations
# (ids, offsets and labels), measured results, and binary files.
EXEMPT_PREFIXES = ("seeds/", "train/", "eval/set_", "bench/results.json")
EXEMPT_SUFFIXES = (".gz", ".png", ".ico")


def word_runs(text: str, n: int = RUN) -> set[str]:
    """Every run of N consecutive words (lower case, letters, digits and apostrophes) in TEXT."""
    words = WORD.findall(text.lower())
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def shared_runs(ours: dict[str, str], articles) -> dict[str, str]:
    """Runs of OURS (run -> file it came from) that also occur in any text of ARTICLES."""
    seconds: dict[str, set[str]] = {}  # first word -> second words: most positions fail on two dictionary reads
    for run in ours:
        first, second, _ = run.split(" ", 2)
        seconds.setdefault(first, set()).add(second)
    found: dict[str, str] = {}
    for text in articles:
        words = WORD.findall(text.lower())
        for i in range(len(words) - RUN + 1):
            follow = seconds.get(words[i])
            if follow is not None and words[i + 1] in follow:
                run = " ".join(words[i:i + RUN])
                if run in ours:
                    found[run] = ours[run]
    return found


def allowed_runs(path: Path = ALLOWED) -> set[str]:
    """The allow-list: one run per line, then ``  # reason``; blank lines and comment lines are skipped."""
    runs = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        run = line.split("#", 1)[0].strip()
        if run:
            runs.add(run)
    return runs


def tracked_text_files() -> list[Path]:
    listing = subprocess.run(["git", "-C", str(REPO), "ls-files"], capture_output=True, text=True, check=True)
    files = []
    for name in listing.stdout.splitlines():
        if name.startswith(EXEMPT_PREFIXES) or name.endswith(EXEMPT_SUFFIXES):
            continue
        if name == "tests/data/shared_runs_allowed.txt":
            continue
        files.append(REPO / name)
    return files


def _articles():
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            yield article.get("title") or ""
            yield article["text"]
    for text_file in sorted((SHARED / "eval").glob("*/*.txt")):
        yield text_file.read_text(encoding="utf-8")


def test_word_runs_and_scan_find_a_shared_run():
    ours = {run: "mine.py" for run in word_runs("We wrote: the quick brown fox jumps over the lazy dog today.")}
    found = shared_runs(ours, ["Yesterday The quick brown fox jumps over the lazy dog, again."])
    assert set(found) == {"the quick brown fox jumps over the", "quick brown fox jumps over the lazy",
                          "brown fox jumps over the lazy dog"}
    assert shared_runs(ours, ["the quick brown fox jumps over a lazy dog"]) == {}


def test_allow_list_reads_runs_and_skips_reasons(tmp_path):
    listing = tmp_path / "allowed.txt"
    listing.write_text("# header\n\nthe deferred action for childhood arrivals program  # programme name\n",
                       encoding="utf-8")
    assert allowed_runs(listing) == {"the deferred action for childhood arrivals program"}


@pytest.mark.skipif(not CORPUS.exists(), reason=f"no corpus beside the checkout ({CORPUS})")
def test_repository_shares_no_seven_word_run_with_the_articles():
    ours: dict[str, str] = {}
    for path in tracked_text_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        for run in word_runs(text):
            ours.setdefault(run, str(path.relative_to(REPO)))
    found = shared_runs(ours, _articles())
    unexpected = {run: where for run, where in found.items() if run not in allowed_runs()}
    assert not unexpected, ("text shared with corpus/eval articles (rewrite it in your own words, or allow a "
                            "generic run in tests/data/shared_runs_allowed.txt with its reason):\n"
                            + "\n".join(f"  {where}: {run}" for run, where in sorted(unexpected.items())))
