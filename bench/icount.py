"""Instructions executed by the pipeline and extractors over N corpus articles, counted by valgrind's callgrind.

Why: this shared 2-core machine's speed drifts 10-30% within a minute, so two timings of the same code differ
more than most optimisations save. An instruction count is the same to the instruction for the same code and
input, whatever else runs, so two commits compare exactly (a 1% change is visible). It is a proxy for time, not
time: report speed from ``python -m bench``. Needs Debian's ``valgrind`` (``apt-get install valgrind``).

Usage: ``python -m bench.icount [--articles N] [--offset K] [--rdf]`` prints the count; run it in two checkouts
and compare. Instrumentation is switched on only around the measured loop, after a warm-up pass over the same
articles (vocabulary filled) and with the tokenizer cache emptied, as in the bench's CPU rounds.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD_ENV = "MIGRAPH_ICOUNT_CHILD"


def _measure(corpus: Path, articles: int, offset: int, rdf: bool) -> None:
    """Runs inside valgrind: warm up, then count only the measured loop."""
    sys.path.insert(0, str(ROOT))
    import graph.ingest as ingest
    from bench.run import read_articles
    from extractors.pipeline import _flush_tokenizer_cache
    from graph.build import extract_document
    from graph.documents import make_document

    docs = [make_document(str(a["id"]), a["text"], Path(str(a["id"])), title=a.get("title"))
            for a in read_articles(corpus, articles, offset=offset)]
    ingest._init_worker(None)
    nlp = ingest._WORKER_NLP
    for d in docs:
        ingest._work(d)
    _flush_tokenizer_cache(nlp)
    pid = str(os.getpid())
    subprocess.run(["callgrind_control", "-i", "on", pid], check=True, capture_output=True)
    for d in docs:
        if rdf:
            ingest._work(d)
        else:
            extract_document(nlp, d)
    subprocess.run(["callgrind_control", "-i", "off", pid], check=True, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    from bench.run import CORPUS

    parser = argparse.ArgumentParser(prog="python -m bench.icount", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="JSON Lines corpus (.jsonl.gz)")
    parser.add_argument("--articles", type=int, default=60, metavar="N",
                        help="articles measured (default: %(default)s)")
    parser.add_argument("--offset", type=int, default=1000, metavar="K",
                        help="first article's line in the corpus (default: %(default)s, as the bench)")
    parser.add_argument("--rdf", action="store_true", help="also write each document's RDF (the worker's whole job)")
    args = parser.parse_args(argv)
    if os.environ.get(CHILD_ENV):
        _measure(args.corpus, args.articles, args.offset, args.rdf)
        return 0
    if not args.corpus.is_file():
        print(f"icount: error: {args.corpus}: corpus not found", file=sys.stderr)
        return 1
    if not (shutil.which("valgrind") and shutil.which("callgrind_control")):
        print("icount: error: valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="migraph-icount-") as work:
        command = ["valgrind", "--tool=callgrind", "--instr-atstart=no",
                   f"--callgrind-out-file={Path(work) / 'callgrind.out'}", sys.executable, "-m", "bench.icount",
                   "--corpus", str(args.corpus), "--articles", str(args.articles), "--offset", str(args.offset)]
        if args.rdf:
            command.append("--rdf")
        env = dict(os.environ, **{CHILD_ENV: "1", "PYTHONHASHSEED": "0"})  # same hashing, same count
        run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    found = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode != 0 or not found:
        print(f"icount: error: the measured run failed (exit {run.returncode}):\n{run.stderr[-2000:]}",
              file=sys.stderr)
        return 1
    print(f"{int(found.group(1)):,} instructions ({args.articles} articles from line {args.offset}"
          f"{', with RDF' if args.rdf else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
