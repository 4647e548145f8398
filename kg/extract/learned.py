"""The learned detector beside the rules: its events and its say on the rules' confidence.

:mod:`kg.detect` gives each sentence a probability per event category. Here the
probabilities meet the rules' events of the same sentence:

- ``confidence`` mode: an event the rules found moves up when the model agrees and down
  when the model gives its category little chance (:func:`adjusted`);
- ``only`` mode, for comparison: the rules' events (statements too) are dropped and
  each sentence gets the model's event, as below, where it gives one;
- ``events`` mode, as well: the category the model gives most, if it gives it with a high
  probability, in a sentence where the rules found no act (a statement aside) makes one
  event of its own, read from the sentence's main clause (:func:`anchor_of`) with its
  sides from the clause's subject and object, or the nearest actor mentions, marked
  ``extractor="model"`` and given the model's, lower, confidence (:func:`model_confidence`).
  The rules use the same probabilities to keep an act whose frame found only one side
  when the model gives its category (``_Context.backed`` in :mod:`kg.extract.events`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Span, Token

from kg import lexicon, plover
from kg.extract.common import Timeline, evidence_for, modality_of, objects_of, subject_of
from kg.extract.events import ACTOR_KINDS, _Context, nearest_actors
from kg.model import Event
from kg.plover import category_class
from kg.resolve import Resolution

#: A category the model gives with at least this probability makes an event of its own.
EVENT_THRESHOLD = 0.5

#: A rule's event whose category the model gives at least this is confirmed (+ BONUS).
AGREEMENT = 0.5

#: ... and one the model gives less than this is doubted (- PENALTY).
DOUBT = 0.1

BONUS = 0.05
PENALTY = 0.1

#: Categories the model may add events of. A statement is found by the quotation and
#: speech-verb rules, which name the speaker, and a vote by the vote rules, which name
#: the body and the ballots; the model can do neither.
ADDABLE = frozenset(plover.CATEGORIES)


def adjusted(confidence: float, probability: float) -> float:
    """A rule event's confidence after the model's probability of its category.

    Example:
        >>> adjusted(0.7, 0.9), adjusted(0.7, 0.3), adjusted(0.7, 0.05), adjusted(0.9, 0.99)
        (0.75, 0.7, 0.6, 0.9)
    """
    if probability >= AGREEMENT:
        return round(min(0.9, confidence + BONUS), 2)
    if probability < DOUBT:
        return round(max(0.3, confidence - PENALTY), 2)
    return confidence


def model_confidence(probability: float) -> float:
    """The confidence of an event only the model found: 0.5 to 0.6, below the rules'.

    Example:
        >>> model_confidence(0.5), model_confidence(0.8), model_confidence(1.0)
        (0.5, 0.56, 0.6)
    """
    return round(0.4 + 0.2 * probability, 2)


def anchor_of(sent: Span) -> Token:
    """The word a model event of a sentence hangs on: its main verb.

    A reporting verb ("officials said Israel bombed X") yields to the clause it
    reports, which tells the act.
    """
    root = sent.root
    speech = lexicon.speech_verbs()
    for _ in range(3):
        if root.lemma_.lower() not in speech:
            break
        reported = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        if not reported:
            break
        root = reported[0]
    return root


def _sides(anchor: Token, ctx: _Context) -> tuple[list[str], list[str]]:
    """Who acts and who is acted on, from the clause, else the nearest mentions.

    A passive subject is acted on. Places are never sides: "houses in Aleppo were
    shelled" names no one who acted.
    """
    subject = subject_of(anchor)
    objects = objects_of(anchor, ("with", "on", "against", "to", "at", "from", "of", "for"))
    if subject is not None and subject.dep_ == "nsubjpass":  # "Iran was criticised by X"
        agents = [k for o in objects_of(anchor, ("by",)) for k in ctx.actors(o)]
        objects = [subject, *objects]
    else:
        agents = ctx.actors(subject)
    targets: list[str] = []
    for obj in objects:
        targets += [k for k in ctx.actors(obj) if k not in agents and k not in targets]
    if not agents and subject is None:  # the parse gave the verb no subject
        agents = _acting(nearest_actors(anchor, ctx, before=True), ctx)
    if not targets:
        after = _acting(nearest_actors(anchor, ctx, before=False), ctx)
        targets = [k for k in after if k not in agents]
    return agents, targets


def _acting(keys: list[str], ctx: _Context) -> list[str]:
    return [k for k in keys if ctx.res.actors[k].kind in ACTOR_KINDS]


def combine(
    res: Resolution,
    line: Timeline,
    events: list[Event],
    scores: Sequence[Mapping[str, float]],
    mode: str,
) -> list[Event]:
    """The rules' events with the model's say on them, and (``events`` mode) its own.

    In ``only`` mode the rules' events are dropped and the model's alone are given.

    Args:
        res: The article's resolution (its doc, actors and mentions).
        line: The article's timeline, for the dates of the model's events.
        events: The rules' events, in reading order (their confidence is adjusted in place).
        scores: The model's category probabilities of each sentence, in order.
        mode: How the build uses the model (:data:`kg.detect.MODES`).

    Returns:
        The events, in reading order.

    ``scores`` holds the model's category probabilities of each sentence of the
    article, in order.
    """
    ctx = _Context(res, line)
    sentences = list(res.doc.sents)
    by_start: dict[int, list[Event]] = {}
    for event in events:
        by_start.setdefault(event.evidence.char_start, []).append(event)
    added: list[tuple[int, Event]] = []
    if mode == "only":
        events, by_start = [], {}
    for sent, probs in zip(sentences, scores, strict=False):
        told = by_start.get(evidence_for(sent.root).char_start, [])
        for event in told:
            category = event.plover or ""
            if category in probs and event.extractor == "rules":
                event.confidence = adjusted(event.confidence, probs[category])
        if mode not in ("events", "only") or res.in_quote(sent.root):
            continue
        if {e.cls for e in told} - {"Statement"}:
            continue  # the rules read this sentence's act; the model would only repeat it
        category = max((c for c in probs if c in ADDABLE), key=lambda c: probs[c], default="")
        if not category or probs[category] < EVENT_THRESHOLD:
            continue
        cls = category_class(category)
        anchor = anchor_of(sent)
        if modality_of(anchor, cls) is not None:
            continue
        agents, targets = _sides(anchor, ctx)
        if not agents:
            continue
        date, date_text, _ = ctx.line.for_token(anchor)
        event = Event(
            cls=cls,
            trigger=anchor.text,
            evidence=evidence_for(sent.root),
            agents=agents,
            targets=targets,
            date=date,
            date_text=date_text,
            plover=category,
            place=ctx.place(anchor),
            confidence=model_confidence(probs[category]),
            extractor="model",
        )
        added.append((sent.start_char, event))
    if not added:
        return events
    merged = [(e.evidence.char_start, e) for e in events] + added
    return [e for _, e in sorted(merged, key=lambda pair: pair[0])]
