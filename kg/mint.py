"""Deterministic IRIs: the same actor gets the same IRI in every article and run.

Actors are keyed ``kind:ident`` (``country:RUS``, ``person:vladimir-putin``,
``org:nato``, ``place:white-house``); records of an article (events, quotes,
evidence) are keyed by the article id and their own content. Nothing here
returns raw text: every path segment is a slug or a hash, so IRIs are always
safe in Turtle and N-Triples.
"""

from __future__ import annotations

import hashlib
import re

from kg.model import Article, Event, Evidence, Quote, Role
from kg.read import slug

__all__ = ["slug", "digest", "actor_iri", "event_iri", "quote_iri", "role_iri"]

BASE = "https://w3id.org/pekg/id/"

_KIND_PATH = {
    "person": "person",
    "country": "country",
    "org": "org",
    "group": "group",
    "place": "place",
}


def digest(*parts: object) -> str:
    """Hex SHA-1 of the parts joined, for content-derived identifiers.

    >>> digest("a", 1)[:8]
    '6aec555e'
    """
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def person_key(name: str) -> str:
    """Key of a person from the normalised full name.

    >>> person_key("Vladimir Putin")
    'person:vladimir-putin'
    """
    return "person:" + slug(name)


def country_key(iso3: str) -> str:
    """Key of a country from its ISO 3166-1 alpha-3 code.

    >>> country_key("rus")
    'country:RUS'
    """
    return "country:" + iso3.upper()


def is_country_key(key: str) -> bool:
    """Whether an actor key names a country.

    >>> is_country_key("country:RUS"), is_country_key("org:un")
    (True, False)
    """
    return key.startswith("country:")


def org_key(name: str) -> str:
    """Key of an organisation not in the gazetteer.

    >>> org_key("Islamic Revolutionary Guard Corps")
    'org:islamic-revolutionary-guard-corps'
    """
    return "org:" + slug(name)


def place_key(name: str) -> str:
    """Key of a place.

    >>> place_key("Khan Sheikhoun")
    'place:khan-sheikhoun'
    """
    return "place:" + slug(name)


def actor_iri(key: str) -> str:
    """IRI of an actor key.

    >>> actor_iri("country:RUS")
    'https://w3id.org/pekg/id/country/RUS'
    """
    kind, _, ident = key.partition(":")
    path = _KIND_PATH.get(kind, "actor")
    if kind == "country":
        ident = re.sub(r"[^A-Z0-9]", "", ident.upper()) or slug(ident)
    else:
        ident = slug(ident)
    return f"{BASE}{path}/{ident}"


def article_iri(article: Article) -> str:
    """IRI of an article from its id (already a slug, slugged again for safety)."""
    return f"{BASE}article/{slug(article.id)}"


def evidence_iri(article: Article, evidence: Evidence) -> str:
    """IRI of an evidence span: article and character offsets."""
    return f"{BASE}evidence/{slug(article.id)}/{evidence.char_start}-{evidence.char_end}"


def event_iri(article: Article, event: Event) -> str:
    """IRI of an event from the article and the event's content."""
    content = digest(
        event.cls,
        event.trigger,
        event.evidence.char_start,
        "|".join(sorted(event.actors())),
    )
    return f"{BASE}event/{slug(article.id)}/{content[:16]}"


def quote_iri(article: Article, quote: Quote) -> str:
    """IRI of a quotation: article and character offsets."""
    return f"{BASE}quote/{slug(article.id)}/{quote.char_start}-{quote.char_end}"


def ballot_iri(event_uri: str, voter: str) -> str:
    """IRI of one voter's ballot in a vote.

    >>> ballot_iri("https://w3id.org/pekg/id/event/a/123", "country:CHN")
    'https://w3id.org/pekg/id/event/a/123/ballot/country-chn'
    """
    return f"{event_uri}/ballot/{slug(voter)}"


def role_iri(role: Role) -> str:
    """IRI of a role: the same person, title and office holder give the same IRI."""
    holder = slug(role.of) if role.of else "none"
    return f"{BASE}role/{slug(role.person.partition(':')[2])}/{slug(role.title)}/{holder}"
