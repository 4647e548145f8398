"""A learned event detector: which event categories a news sentence reports.

Rules find an event only where a listed word sits in a listed frame. The detector is
a spaCy ``textcat_multilabel`` trained on the project's own labelled sentences
(``data/train/``, ``make model``) that gives each sentence a probability per category:
the 18 PLOVER categories, STATEMENT and VOTE. Extraction uses it beside the rules
(:mod:`kg.extract.learned`): where no rule fired, a confident category makes an event;
where one fired, the model's view moves the event's confidence.

The trained pipeline ships under ``kg/models/events``; :func:`use` selects how a build
uses it (``"off"``, ``"confidence"``, ``"events"``, or ``"only"`` to compare the model
alone with the rules), as :mod:`kg.verbs` selects a verb
dictionary, so worker processes can be started with the same choice.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg import plover

log = logging.getLogger(__name__)

#: The labels the detector gives: PLOVER's categories in its order, then STATEMENT and VOTE.
CATEGORIES: tuple[str, ...] = (*plover.CATEGORIES, "STATEMENT", "VOTE")

#: Where the trained pipeline ships.
MODEL_DIR = Path(__file__).resolve().parent / "models" / "events"

#: How a build may use the detector.
MODES = ("off", "confidence", "events", "only")

#: The mode a build uses unless told otherwise. The detector stays off by default: with
#: it, the blind check gains 0.01 typed, not the 0.10 that would earn it a place in
#: every build (docs/EVALUATION.md, "The learned event detector").
DEFAULT_MODE = "off"

_mode = DEFAULT_MODE


class TrainingDataError(ValueError):
    """A labelled-sentence file cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Mention:
    """A labelled span of a training sentence: an event's trigger, source or target."""

    start: int
    end: int
    role: str
    category: str


@dataclass
class LabelledSentence:
    """One training sentence with the categories it reports and its labelled spans."""

    text: str
    categories: frozenset[str]
    mentions: list[Mention] = field(default_factory=list)


def parse_line(line: str, where: str) -> LabelledSentence:
    """Read one JSON line of ``data/train/*.jsonl``.

    Each event names its category and, as exact substrings of the text (or null),
    its trigger, source and target; each becomes a span with character offsets.

    Args:
        line: The JSON object.
        where: ``FILE: line N``, for the error message.

    Raises:
        TrainingDataError: The line is not such an object.

    Example:
        >>> s = parse_line('{"text": "Police arrested two men.", "events": [{"category": '
        ...     '"COERCE", "trigger": "arrested", "source": "Police", "target": "two men"}]}', "x")
        >>> sorted(s.categories), [(m.role, m.start, m.end) for m in s.mentions]
        (['COERCE'], [('trigger', 7, 15), ('source', 0, 6), ('target', 16, 23)])
        >>> parse_line('{"text": "A heart attack.", "events": [{"category": "HEART"}]}', "f: 2")
        Traceback (most recent call last):
        ...
        kg.detect.TrainingDataError: f: 2: unknown category 'HEART'
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise TrainingDataError(f"{where}: not JSON ({err.msg})") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise TrainingDataError(f"{where}: no `text` string")
    events = record.get("events")
    if not isinstance(events, list):
        raise TrainingDataError(f"{where}: no `events` list")
    text = record["text"]
    sentence = LabelledSentence(text, frozenset())
    categories = set()
    for event in events:
        category = event.get("category") if isinstance(event, dict) else None
        if category not in CATEGORIES:
            raise TrainingDataError(f"{where}: unknown category {category!r}")
        categories.add(category)
        for role in ("trigger", "source", "target"):
            span = event.get(role)
            if span is None:
                continue
            start = text.find(span) if isinstance(span, str) and span else -1
            if start < 0:
                raise TrainingDataError(f"{where}: {role} {span!r} is not in the text")
            sentence.mentions.append(Mention(start, start + len(span), role, category))
    sentence.categories = frozenset(categories)
    return sentence


def read_sentences(path: Path) -> list[LabelledSentence]:
    """Every labelled sentence of a JSON Lines file (blank lines skipped).

    Raises:
        TrainingDataError: A line cannot be read, or the file cannot be opened.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise TrainingDataError(f"{path}: cannot read ({err})") from None
    return [
        parse_line(line, f"{path}: line {n}") for n, line in enumerate(lines, 1) if line.strip()
    ]


def to_docbin(sentences: Iterable[LabelledSentence], nlp: Any) -> Any:
    """The sentences as a spaCy ``DocBin`` whose ``cats`` give each category 1 or 0."""
    from spacy.tokens import DocBin

    out = DocBin(store_user_data=False)
    for sentence in sentences:
        doc = nlp.make_doc(sentence.text)
        doc.cats = {c: float(c in sentence.categories) for c in CATEGORIES}
        out.add(doc)
    return out


def use(mode: str | None) -> None:
    """Select how builds in this process use the detector (``None``: the default).

    Raises:
        ValueError: ``mode`` is not one of :data:`MODES`.
    """
    global _mode
    mode = mode or DEFAULT_MODE
    if mode not in MODES:
        raise ValueError(f"unknown model mode {mode!r} (one of {', '.join(MODES)})")
    _mode = mode


def active_mode() -> str:
    """How builds in this process use the detector."""
    return _mode


def available(path: Path = MODEL_DIR) -> bool:
    """Whether a trained pipeline is present at ``path``."""
    return (path / "config.cfg").is_file() and (path / "meta.json").is_file()


def label() -> str:
    """What a build's manifest records of the detector: the mode and the model's version.

    A build made with another mode or another trained model must not be reused.
    """
    if _mode == "off" or not available():
        return "model-off"
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    return f"model-{_mode}-{meta.get('version', '0')}"


class Detector:
    """A trained sentence classifier: category probabilities for each text."""

    def __init__(self, path: Path = MODEL_DIR) -> None:
        import spacy

        self.nlp = spacy.load(path)
        self.path = path

    def scores(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """The probability of each category for each text, in order."""
        return [dict(doc.cats) for doc in self.nlp.pipe(texts, batch_size=64)]


@functools.lru_cache(maxsize=2)
def detector(path: Path = MODEL_DIR) -> Detector | None:
    """The shipped detector, loaded once per process; None when it is not there.

    A model retrained while a process runs (``make model`` beside a notebook) is
    seen by the next process, not this one.
    """
    if not available(path):
        log.warning("no trained event detector in %s: rules alone", path)
        return None
    return Detector(path)


def active() -> Detector | None:
    """The detector builds in this process use, or None when it is off or missing."""
    return None if _mode == "off" else detector()
