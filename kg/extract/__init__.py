"""Extraction: a parsed article → roles, events and quotes (plain records)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg import dictionary
from kg.extract.common import evidence_for, timeline
from kg.extract.events import extract_events
from kg.extract.quotes import extract_quotes, statements
from kg.model import Article, Evidence, Extraction
from kg.nlp import model_name
from kg.resolve import resolve

__all__ = ["extract", "extract_doc"]


def extract_doc(nlp: Language, article: Article, doc: Doc) -> Extraction:
    """Everything read from an article whose text ``nlp`` has already parsed into ``doc``."""
    res = resolve(doc, article)
    line = timeline(res, article.date)
    quoted = extract_quotes(res)
    events = extract_events(res, line) + statements(res, quoted, line)
    used = {k for e in events for k in (*e.actors(), *e.about, *([e.place] if e.place else []))}
    used |= set(res.token_key.values())
    used |= {a for k in used if k in res.actors and (a := res.actors[k].affiliation)}
    actors = {k: a for k, a in res.actors.items() if k in used}
    extraction = Extraction(
        article=article,
        actors=actors,
        roles=res.roles,
        events=events,
        quotes=[q for q, _ in quoted],
        model=model_name(nlp),
    )
    first = {m.key: m for m in reversed(res.mentions)}

    def evidence_of(key: str) -> Evidence | None:
        mention = first.get(key)
        return evidence_for(doc[mention.start]) if mention else None

    dictionary.apply(extraction, evidence_of)
    return extraction


def extract(nlp: Language, article: Article) -> Extraction:
    """Parse an article with ``nlp`` and extract its actors, roles, events and quotes."""
    return extract_doc(nlp, article, nlp(article.text))
