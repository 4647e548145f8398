"""Extraction: a parsed article → roles, events and quotes (plain records)."""

from __future__ import annotations

import dataclasses
import logging

from spacy.language import Language
from spacy.tokens import Doc

from kg import detect, dictionary, lexicon
from kg.extract import learned
from kg.extract.common import evidence_for, timeline
from kg.extract.events import extract_events, trigger_for
from kg.extract.quotes import extract_quotes, occasion_statements, statements
from kg.model import Actor, Article, Event, Evidence, Extraction
from kg.nlp import model_name
from kg.resolve import resolve

__all__ = ["extract", "extract_doc", "referenced_keys"]

log = logging.getLogger(__name__)


def extract_doc(nlp: Language, article: Article, doc: Doc) -> Extraction:
    """Everything read from an article whose text ``nlp`` has already parsed into ``doc``."""
    res = resolve(doc, article)
    line = timeline(res, article.date)
    quoted = extract_quotes(res)
    said = statements(res, quoted, line)
    said += occasion_statements(res, line, said, lambda t: trigger_for(t) is not None)
    speakers = [(q.char_start, q.char_end, q.speaker) for q, _ in quoted if q.speaker]
    detector = detect.active()
    sentences = list(doc.sents)
    scores = detector.scores([sent.text for sent in sentences]) if detector else []
    backing = (
        {sent.start_char: probs for sent, probs in zip(sentences, scores, strict=True)}
        if detector is not None and detect.active_mode() == "events"
        else None
    )
    acts = extract_events(res, line, speakers, backing)
    events = acts + [s for s in said if not (_phrases_only(s, doc) and _told_by_act(s, acts))]
    if detector is not None:
        events = learned.combine(res, line, events, scores, detect.active_mode())
    extraction = Extraction(
        article=article,
        actors={},
        roles=res.roles,
        events=events,
        quotes=[q for q, _ in quoted],
        model=model_name(nlp),
    )
    named = set(res.token_key.values())
    extraction.actors = {k: a for k, a in res.actors.items() if k in named}
    _describe_referenced(extraction, res.actors)
    rank = {key: n for n, key in enumerate(res.actors)}  # keep the order actors were found
    extraction.actors = dict(
        sorted(extraction.actors.items(), key=lambda item: rank.get(item[0], len(rank)))
    )
    first = {m.key: m for m in reversed(res.mentions)}

    def evidence_of(key: str) -> Evidence | None:
        mention = first.get(key)
        return evidence_for(doc[mention.start]) if mention else None

    dictionary.apply(extraction, evidence_of)
    dictionary.apply(extraction, evidence_of, dictionary.builtin(), fallback=True)
    _describe_referenced(extraction, res.actors)
    return extraction


def _phrases_only(statement: Event, doc: Doc) -> bool:
    """Whether every quotation of a statement is a phrase with no verb ("'divine
    revenge'", "a 'permissive signal'"), words an act uses rather than words stated."""
    spans = [
        doc.char_span(q.char_start, q.char_end, alignment_mode="expand") for q in statement.quotes
    ]
    return bool(spans) and all(
        span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span) for span in spans
    )


def _told_by_act(statement: Event, acts: list[Event]) -> bool:
    """Whether a statement is told by a realised act of its speaker with the same verb,
    which carries what was said: "accused the US of sending a 'permissive signal'" is
    the accusation, "warned Saudi Arabia of 'divine revenge'" the threat; one event, not
    two. Applied only to statements quoting phrases (:func:`_phrases_only`): words
    quoted whole ('"We will respond," Iran warned') stay a statement.

    >>> from kg.model import Evidence
    >>> ev = Evidence("Iran warned Saudi Arabia of 'revenge'.", 0, 38)
    >>> said = Event("Statement", "warned", ev, agents=["country:IRN"])
    >>> threat = Event("Threaten", "warned", ev, agents=["country:IRN"])
    >>> _told_by_act(said, [threat]), _told_by_act(said, [])
    (True, False)
    """
    return any(
        act.trigger == statement.trigger
        and act.evidence == statement.evidence
        and not act.modality
        and set(act.agents) & set(statement.agents)
        for act in acts
    )


def referenced_keys(extraction: Extraction) -> set[str]:
    """Every actor key an extraction's records point at.

    Event slots, places, bodies and voters, the people and office holders of roles,
    the speakers of quotes, and the affiliations of the actors it describes: each
    becomes an IRI in the graph, so each needs an actor description.
    """
    keys: set[str] = set()
    for event in extraction.events:
        keys.update(event.actors())
        keys.update(event.about)
        if event.place:
            keys.add(event.place)
    for role in extraction.roles:
        keys.add(role.person)
        if role.of:
            keys.add(role.of)
    keys.update(q.speaker for q in extraction.quotes if q.speaker)
    keys.update(a.affiliation for a in extraction.actors.values() if a.affiliation)
    return keys


def _describe_referenced(extraction: Extraction, known: dict[str, Actor]) -> None:
    """Add a description for every actor the extraction refers to, in place.

    An actor the article resolved is taken from ``known``; a country it only implies
    (a title's country, the outlet's home, a dictionary code) is described from the
    gazetteer. A reference to anything else that has no description is dropped,
    so no IRI of the graph is left untyped and unlabelled.
    """
    while True:
        missing = referenced_keys(extraction) - extraction.actors.keys()
        if not missing:
            return
        for key in sorted(missing):
            actor = known.get(key) or _implied_country(key)
            if actor is not None:
                extraction.actors[key] = actor
            else:
                log.debug(
                    "%s: dropping references to undescribed actor %s", extraction.article.id, key
                )
                _drop_references(extraction, key)


def _implied_country(key: str) -> Actor | None:
    kind, _, iso3 = key.partition(":")
    if kind != "country" or not iso3:
        return None
    return Actor(key, "Country", lexicon.country_label(iso3), iso3=iso3)


def _drop_references(extraction: Extraction, key: str) -> None:
    """Remove every reference to ``key``, and the records left without an actor."""
    for actor in extraction.actors.values():
        if actor.affiliation == key:
            actor.affiliation = None
    extraction.roles = [
        r if r.of != key else dataclasses.replace(r, of=None)
        for r in extraction.roles
        if r.person != key
    ]
    for quote in extraction.quotes:
        if quote.speaker == key:
            quote.speaker = None
    for event in extraction.events:
        event.agents = [k for k in event.agents if k != key]
        event.targets = [k for k in event.targets if k != key]
        event.participants = [k for k in event.participants if k != key]
        event.about = [k for k in event.about if k != key]
        event.ballots = [b for b in event.ballots if b.voter != key]
        if event.place == key:
            event.place = None
        if event.body == key:
            event.body = None
    extraction.events = [e for e in extraction.events if e.actors()]


def extract(nlp: Language, article: Article) -> Extraction:
    """Parse an article with ``nlp`` and extract its actors, roles, events and quotes."""
    return extract_doc(nlp, article, nlp(article.text))
