"""Write labelled sentences (data/train/*.jsonl) as PLOVER records for `kg eval --plover`.

usage: .venv/bin/python tools/dev_records.py [data/train/dev.jsonl] -o dev-records.json

Each sentence that reports an event becomes one record with the first of its categories
in PLOVER's order and that category's source and target spans as actor texts; sentences
without an event are left out (the PLOVER scorer needs an event per record).
docs/EVALUATION.md scores the detector on the dev set this way: rules alone, the model
alone and the two together.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import detect  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", type=Path, nargs="?", default=ROOT / "data" / "train" / "dev.jsonl")
    ap.add_argument("-o", "--out", type=Path, required=True)
    args = ap.parse_args()
    try:
        sentences = detect.read_sentences(args.path)
    except detect.TrainingDataError as err:
        print(f"dev_records: {err}", file=sys.stderr)
        return 1
    records = []
    for n, sentence in enumerate(sentences, 1):
        spans = [m for m in sentence.mentions if m.role != "trigger"]
        if not sentence.categories:
            continue
        first = min(sentence.categories, key=detect.CATEGORIES.index)
        records.append(
            {
                "id": f"dev-{n}",
                "date": "2016-01-01",
                "event": first,
                "text": sentence.text,
                **{
                    role: [
                        {"actorText": sentence.text[m.start : m.end]}
                        for m in spans
                        if m.role == role and m.category == first
                    ]
                    for role in ("source", "target")
                },
            }
        )
    args.out.write_text(json.dumps(records, indent=1), encoding="utf-8")
    print(f"{len(records)} records written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
