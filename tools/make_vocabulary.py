"""Write docs/VOCABULARY.md from ontology/pekg.ttl (a test checks it is current)."""

from __future__ import annotations

from pathlib import Path

from kg.vocab import vocabulary_markdown

OUT = Path(__file__).resolve().parent.parent / "docs" / "VOCABULARY.md"


def main() -> None:
    OUT.write_text(vocabulary_markdown(), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
