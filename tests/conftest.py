"""Shared fixtures: the spaCy pipeline, loaded once per session, and an extraction helper."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from kg import nlp as kg_nlp
from kg.extract import extract
from kg.model import Article, Extraction

#: Default article date for rule tests: Wednesday 11 March 2020.
ARTICLE_DATE = dt.date(2020, 3, 11)


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The project's spaCy pipeline with its gazetteer and title rulers."""
    return kg_nlp.load()


def extract_text(
    nlp: Language,
    text: str,
    date: dt.date | None = ARTICLE_DATE,
    source: str | None = None,
) -> Extraction:
    """Run the whole extraction on a made-up article."""
    return extract(nlp, Article(id="t", text=text, date=date, source=source))


def read_articles(**texts: str) -> list[Article]:
    """Made-up articles, one a keyword (its id) and text, as the reader makes them."""
    from kg.read import read_text

    out = []
    for key, text in texts.items():
        item = read_text(text, id=key)
        assert isinstance(item, Article)
        out.append(item)
    return out


def sides(x: Extraction, cls: str) -> list[tuple[list[str], list[str]]]:
    """(agents, targets) of the realised events (no ``modality``) of a class."""
    return [(e.agents, e.targets) for e in x.events if e.cls == cls and e.modality is None]
