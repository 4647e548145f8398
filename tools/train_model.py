"""Train the sentence event detector (``make model``) and ship it under kg/models/events.

usage: .venv/bin/python tools/train_model.py [--config configs/events.cfg]
           [--train data/train/events.jsonl] [--dev data/train/dev.jsonl] [--out kg/models/events]

Reads the labelled sentences (:mod:`kg.detect` checks every line), converts them to
spaCy's binary corpus format, trains with ``spacy train`` under the config's fixed seed,
keeps the best pipeline on the dev set and writes its per-category dev scores to
``kg/models/events/scores.json``. The shipped model's version is a digest of the config
and the data, so a build made with another model is never reused.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import detect  # noqa: E402


def digest(*paths: Path) -> str:
    """A short digest of the files' bytes: the trained model's version."""
    h = hashlib.sha256()
    for path in paths:
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--config", type=Path, default=ROOT / "configs" / "events.cfg")
    ap.add_argument("--train", type=Path, default=ROOT / "data" / "train" / "events.jsonl")
    ap.add_argument("--dev", type=Path, default=ROOT / "data" / "train" / "dev.jsonl")
    ap.add_argument("--out", type=Path, default=detect.MODEL_DIR)
    args = ap.parse_args()

    import spacy
    from spacy.cli.train import train

    try:
        train_set = detect.read_sentences(args.train)
        dev_set = detect.read_sentences(args.dev)
    except detect.TrainingDataError as err:
        print(f"train_model: {err}", file=sys.stderr)
        return 1
    blank = spacy.blank("en")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kg-train-") as tmp:
        work = Path(tmp)
        detect.to_docbin(train_set, blank).to_disk(work / "train.spacy")
        detect.to_docbin(dev_set, blank).to_disk(work / "dev.spacy")
        train(
            args.config,
            work / "output",
            overrides={
                "paths.train": str(work / "train.spacy"),
                "paths.dev": str(work / "dev.spacy"),
            },
        )
        best = work / "output" / "model-best"
        meta = json.loads((best / "meta.json").read_text())
        meta["name"] = "pekg_events"
        meta["version"] = digest(args.config, args.train, args.dev)
        meta["description"] = "pekg sentence event detector (PLOVER categories, STATEMENT, VOTE)"
        (best / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n")
        config = (best / "config.cfg").read_text()  # no temporary paths in what ships
        config = re.sub(r'(?m)^(train|dev) = ".*"$', r"\1 = null", config)
        (best / "config.cfg").write_text(config)
        if args.out.exists():
            shutil.rmtree(args.out)
        shutil.copytree(best, args.out)
    scores = meta.get("performance", {})
    per = scores.get("cats_f_per_type", {})
    (args.out / "scores.json").write_text(json.dumps(scores, indent=1, sort_keys=True) + "\n")
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(
        f"trained on {len(train_set)} sentences in {time.perf_counter() - started:.0f} s; "
        f"dev macro F {scores.get('cats_macro_f', 0):.3f}, "
        f"AUC {scores.get('cats_macro_auc', 0):.3f}; "
        f"{size / 1e6:.1f} MB in {args.out}"
    )
    for category in detect.CATEGORIES:
        f = per.get(category, {}).get("f", 0.0)
        print(f"  {category:12s} F {f:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
