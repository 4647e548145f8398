"""Plain records that flow between the stages, before anything becomes RDF.

Stages before :mod:`kg.emit` work only on these dataclasses; they never import
rdflib. Actors are referred to by their ``key`` (see :func:`kg.mint.actor_key`),
a canonical identity such as ``country:RUS`` or ``person:vladimir-putin``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: Actor kinds, named after the ontology classes.
ACTOR_KINDS = ("Person", "Country", "Organization", "Group", "Place")

#: Ballot choices, named after the ontology individuals.
CHOICES = ("Yes", "No", "Abstain", "Veto")


@dataclass(frozen=True)
class Article:
    """A source document.

    Attributes:
        id: Stable identity (file stem, ``id`` field, or a hash of the text).
        text: The article body as read; evidence offsets point into it.
        title: Headline, if known.
        date: Publication date, if known.
        source: Outlet name, if known.
        url: Address, if known.
        path: Where it was read from (for messages).
    """

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None

    @property
    def where(self) -> str:
        """Its file (or ``file:line``) for messages, or its id when it came from memory.

        >>> Article("a", "t", path="in/a.txt").where, Article("b", "t", path="<text>").where
        ('in/a.txt', 'b')
        """
        return self.path if self.path and not self.path.startswith("<") else self.id


@dataclass(frozen=True)
class Evidence:
    """Where in an article a fact was read: a sentence and its offsets."""

    sentence: str
    char_start: int
    char_end: int

    @classmethod
    def trimmed(cls, text: str, start: int) -> Evidence:
        r"""Evidence for ``text`` found at ``start``, without surrounding whitespace.

        Example:
            >>> Evidence.trimmed("  Talks began.\n\n", 10)
            Evidence(sentence='Talks began.', char_start=12, char_end=24)
        """
        stripped = text.lstrip()
        start += len(text) - len(stripped)
        stripped = stripped.rstrip()
        return cls(stripped, start, start + len(stripped))


@dataclass
class Actor:
    """A person, country, organisation or place found in an article.

    Attributes:
        key: Canonical identity, ``kind:slug`` (``country:RUS``).
        kind: One of :data:`ACTOR_KINDS`.
        label: Canonical name.
        aliases: Other names seen in the text.
        iso3: ISO 3166-1 alpha-3 code, for countries.
        wikidata: Wikidata Q-id, where known for certain.
        affiliation: Key of the country a group acts for ("Chilean government" → Chile).
        inferred: Whether the actor stands only for unqualified group nouns ("troops",
            "the parliament") taken to act for the article's own country, never named
            outright: a side found this way is less certain.
    """

    key: str
    kind: str
    label: str
    aliases: set[str] = field(default_factory=set)
    iso3: str | None = None
    wikidata: str | None = None
    affiliation: str | None = None
    inferred: bool = False


@dataclass(frozen=True)
class Role:
    """A position a person holds: ``title`` of ``of`` (an actor key or None)."""

    person: str
    title: str
    of: str | None
    evidence: Evidence
    confidence: float = 0.8


@dataclass(frozen=True)
class Ballot:
    """One voter's choice in a vote."""

    voter: str
    choice: str


@dataclass
class Quote:
    """A direct quotation and who said it."""

    text: str
    speaker: str | None
    evidence: Evidence
    char_start: int
    char_end: int
    confidence: float = 0.8


@dataclass
class Event:
    """An event between actors, with its arguments.

    Actor slots hold actor keys. ``participants`` lists every actor taking
    part, agents and targets included (the emitter adds them anyway).
    ``modality`` is None for an event reported as having happened, else how it is
    reported ("negated", "planned", "threatened", "hypothetical", "refused").
    """

    cls: str
    trigger: str
    evidence: Evidence
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    place: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    instrument: str | None = None
    quantity: int | None = None
    deaths: int | None = None
    deaths_qualifier: str | None = None
    body: str | None = None
    motion: str | None = None
    ballots: list[Ballot] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    cameo: str | None = None
    goldstein: float | None = None
    plover: str | None = None
    plover_mode: str | None = None
    modality: str | None = None
    confidence: float = 0.7
    #: What found the event: "rules" (the trigger lexicon and its frames) or "model"
    #: (the learned sentence detector, :mod:`kg.detect`).
    extractor: str = "rules"

    def actors(self) -> list[str]:
        """Every actor key taking part, in slot order, without repeats."""
        seen: dict[str, None] = {}
        for key in [*self.agents, *self.targets, *self.participants]:
            seen.setdefault(key, None)
        if self.body:
            seen.setdefault(self.body, None)
        for ballot in self.ballots:
            seen.setdefault(ballot.voter, None)
        return list(seen)


@dataclass
class Extraction:
    """Everything read from one article."""

    article: Article
    actors: dict[str, Actor]
    roles: list[Role] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    model: str = ""
