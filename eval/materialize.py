"""Write the held-out evaluation articles as ARTICLE.txt beside their gold, from the bulk corpus.

The repository keeps only hand annotations (no article text): this script fetches each
article by its corpus id from ``../shared/corpus/news-37k.jsonl.gz`` and writes the title,
a blank line and the text, the form the annotators worked on. Quotations are kept as character
offsets (``quote_spans``) and written back as the guidelines' ``quotes`` with their text.

    python eval/materialize.py eval/set_b /tmp/set_b
    .venv/bin/migraph eval /tmp/set_b /tmp/set_b
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news-37k.jsonl.gz"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", type=Path, help="a folder of ID.gold.json files and index.json")
    parser.add_argument("out_dir", type=Path, help="where to write ID.txt and copies of the gold files")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="the JSON Lines corpus (default: %(default)s)")
    args = parser.parse_args(argv)
    wanted = {path.name.removesuffix(".gold.json") for path in args.gold_dir.glob("*.gold.json")}
    if not wanted:
        print(f"materialize: error: {args.gold_dir}: no *.gold.json files", file=sys.stderr)
        return 1
    if not args.corpus.is_file():
        print(f"materialize: error: {args.corpus}: corpus not found", file=sys.stderr)
        return 1
    args.out_dir.mkdir(parents=True, exist_ok=True)
    index_path = args.gold_dir / "index.json"
    index = json.loads(index_path.read_text(encoding="utf-8")) if index_path.is_file() else {}
    always_title = index.get("title_line", "unless_present") == "always"  # how the annotators laid it out
    found = set()
    with gzip.open(args.corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("id") in wanted:
                text = record.get("text") or ""
                title = record.get("title") or ""
                body = text if text.startswith(title) and not always_title else f"{title}\n\n{text}"
                (args.out_dir / f"{record['id']}.txt").write_text(body, encoding="utf-8")
                gold_path = args.gold_dir / f"{record['id']}.gold.json"
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
                if "quote_spans" in gold:
                    gold["quotes"] = [quote_of(body, span, gold_path) for span in gold.pop("quote_spans")]
                    (args.out_dir / gold_path.name).write_text(
                        json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
                else:
                    shutil.copy(gold_path, args.out_dir)
                found.add(record["id"])
    missing = sorted(wanted - found)
    if missing:
        print(f"materialize: error: {args.corpus}: ids not found: {', '.join(missing)}", file=sys.stderr)
        return 1
    print(f"wrote {len(found)} articles to {args.out_dir}")
    return 0


def quote_of(body: str, span: dict, gold_path: Path) -> dict:
    """A guidelines ``quotes`` entry from a character-offset span of the article as written above."""
    start, end = span["start"], span["end"]
    if not 0 <= start < end <= len(body):
        raise SystemExit(f"materialize: error: {gold_path}: quote span {start}-{end} outside the article")
    return {"speaker": span.get("speaker"), "speaker_description": span.get("speaker_description"),
            "text": body[start:end], "kind": span.get("kind")}


if __name__ == "__main__":
    sys.exit(main())
