"""Records → RDF triples under the graph contract (``../shared/CONTRACT.md``).

Every typed node carries its superclass types explicitly, every event, quote and
role carries evidence and provenance, and numbers use the exact XSD datatypes
the shapes ask for (``xsd:decimal`` for weights, ``xsd:integer`` for counts).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Protocol

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS, XSD
from rdflib.term import Node

from kg import mint
from kg.model import Actor, Article, Event, Evidence, Extraction, Quote, Role
from kg.vocab import PEK, WD, bind_prefixes, pek_term

#: One triple of rdflib terms.
Triple = tuple[Node, Node, Node]


class Sink(Protocol):
    """Where emitted triples go: an rdflib graph, or a plain set of triples."""

    def add(self, triple: Triple, /) -> object:
        """Add one triple."""


_SUPER = {
    "Person": PEK.Actor,
    "Country": PEK.Actor,
    "Organization": PEK.Actor,
    "Group": PEK.Actor,
}


def _decimal(value: float) -> Literal:
    return Literal(Decimal(str(round(value, 3))), datatype=XSD.decimal)


def _string(value: str) -> Literal:
    return Literal(value, datatype=XSD.string)


def actor_triples(graph: Sink, actor: Actor) -> URIRef:
    """Describe an actor: types, label, aliases, identity."""
    node = URIRef(mint.actor_iri(actor.key))
    graph.add((node, RDF.type, pek_term(actor.kind)))
    if actor.kind in _SUPER:
        graph.add((node, RDF.type, _SUPER[actor.kind]))
    if actor.kind == "Country":
        graph.add((node, RDF.type, PEK.Place))
    graph.add((node, RDFS.label, Literal(actor.label)))
    for alias in sorted(actor.aliases):
        if alias != actor.label:
            graph.add((node, SKOS.altLabel, Literal(alias)))
    if actor.iso3:
        graph.add((node, PEK.iso3, _string(actor.iso3)))
    if actor.wikidata:
        graph.add((node, OWL.sameAs, WD[actor.wikidata]))
    if actor.affiliation:
        side = URIRef(mint.actor_iri(actor.affiliation))
        graph.add((node, PEK.affiliation, side))
        if mint.is_country_key(actor.affiliation) and actor.kind != "Country":
            graph.add((node, PEK.actsFor, side))
    return node


def _evidence(graph: Sink, article: Article, evidence: Evidence) -> URIRef:
    node = URIRef(mint.evidence_iri(article, evidence))
    graph.add((node, RDF.type, PEK.Evidence))
    graph.add((node, PEK.sentence, _string(evidence.sentence)))
    graph.add((node, PEK.charStart, Literal(evidence.char_start)))
    graph.add((node, PEK.charEnd, Literal(evidence.char_end)))
    graph.add((node, PEK.article, URIRef(mint.article_iri(article))))
    return node


def _provenance(
    graph: Sink, node: URIRef, article: Article, evidence: Evidence, confidence: float
) -> None:
    graph.add((node, PEK.evidence, _evidence(graph, article, evidence)))
    graph.add((node, PROV.wasDerivedFrom, URIRef(mint.article_iri(article))))
    graph.add((node, PEK.confidence, _decimal(confidence)))


def article_triples(graph: Sink, article: Article, model: str) -> URIRef:
    """Describe the source article and the pipeline that read it."""
    node = URIRef(mint.article_iri(article))
    graph.add((node, RDF.type, PEK.Article))
    graph.add((node, PEK.articleId, _string(article.id)))
    if article.title:
        graph.add((node, DCTERMS.title, Literal(article.title)))
    if article.date:
        graph.add((node, DCTERMS.date, Literal(article.date)))
    if article.source:
        graph.add((node, DCTERMS.source, Literal(article.source)))
    if article.url:
        graph.add((node, PROV.atLocation, _string(article.url)))
    if model:
        graph.add((node, PEK.nlpModel, _string(model)))
    return node


def role_triples(graph: Sink, article: Article, role: Role) -> URIRef:
    """A role, the person holding it and their affiliation."""
    node = URIRef(mint.role_iri(role))
    person = URIRef(mint.actor_iri(role.person))
    graph.add((node, RDF.type, PEK.Role))
    graph.add((node, PEK.title, _string(role.title)))
    graph.add((person, PEK.holdsRole, node))
    if role.of:
        holder = URIRef(mint.actor_iri(role.of))
        graph.add((node, PEK.roleOf, holder))
        graph.add((person, PEK.affiliation, holder))
        if mint.is_country_key(role.of):
            graph.add((person, PEK.actsFor, holder))
    _provenance(graph, node, article, role.evidence, role.confidence)
    return node


def quote_triples(graph: Sink, article: Article, quote: Quote) -> URIRef:
    """A quotation and its speaker."""
    node = URIRef(mint.quote_iri(article, quote))
    graph.add((node, RDF.type, PEK.Quote))
    graph.add((node, PEK.text, _string(quote.text)))
    if quote.speaker:
        graph.add((node, PEK.speaker, URIRef(mint.actor_iri(quote.speaker))))
    _provenance(graph, node, article, quote.evidence, quote.confidence)
    return node


def countries_acted_for(extraction: Extraction) -> dict[str, list[str]]:
    """Each actor key of an extraction → the keys of the countries it stands for: itself
    when it is a country, else its country affiliation and the countries of the roles it
    holds in the article (the rule of ``pek:actsFor``).

    >>> from kg.model import Actor, Article, Evidence, Extraction, Role
    >>> ex = Extraction(Article(id="a", text="."), {
    ...     "country:RUS": Actor("country:RUS", "Country", "Russia"),
    ...     "person:lavrov": Actor("person:lavrov", "Person", "Lavrov"),
    ...     "org:nato": Actor("org:nato", "Organization", "NATO")})
    >>> said = Evidence("Lavrov spoke.", 0, 6)
    >>> ex.roles = [Role("person:lavrov", "foreign minister", "country:RUS", said)]
    >>> countries_acted_for(ex)
    {'country:RUS': ['country:RUS'], 'person:lavrov': ['country:RUS'], 'org:nato': []}
    """
    out: dict[str, list[str]] = {}
    for key, actor in extraction.actors.items():
        if actor.kind == "Country":
            out[key] = [key]
        elif actor.affiliation and mint.is_country_key(actor.affiliation):
            out[key] = [actor.affiliation]
        else:
            out[key] = []
    for role in extraction.roles:
        sides = out.setdefault(role.person, [])
        if role.of and mint.is_country_key(role.of) and role.of not in sides:
            sides.append(role.of)
    return out


def event_triples(
    graph: Sink,
    article: Article,
    event: Event,
    actors: dict[str, Actor],
    countries: Mapping[str, Sequence[str]] | None = None,
) -> URIRef:
    """An event with its actors and arguments; ``countries`` (:func:`countries_acted_for`)
    gives its directed source and target countries."""
    node = URIRef(mint.event_iri(article, event))
    graph.add((node, RDF.type, pek_term(event.cls)))
    graph.add((node, RDF.type, PEK.Event))
    if event.trigger:
        graph.add((node, PEK.trigger, _string(event.trigger)))

    def actor(key: str) -> URIRef:
        return URIRef(mint.actor_iri(key))

    for key in event.agents:
        graph.add((node, PEK.agent, actor(key)))
        for country in (countries or {}).get(key, ()):
            graph.add((node, PEK.sourceCountry, actor(country)))
    for key in event.targets:
        graph.add((node, PEK.target, actor(key)))
        for country in (countries or {}).get(key, ()):
            graph.add((node, PEK.targetCountry, actor(country)))
    for key in event.actors():
        if actors.get(key) and actors[key].kind != "Place":
            graph.add((node, PEK.participant, actor(key)))
    for key in event.about:
        graph.add((node, PEK.about, actor(key)))
    if event.place:
        graph.add((node, PEK.place, actor(event.place)))
    if event.date:
        graph.add((node, PEK.date, Literal(event.date)))
    if event.date_text:
        graph.add((node, PEK.dateText, _string(event.date_text)))
    if event.instrument:
        graph.add((node, PEK.instrument, _string(event.instrument)))
    if event.quantity is not None:
        graph.add((node, PEK.quantity, Literal(event.quantity)))
    if event.deaths is not None:
        graph.add((node, PEK.deaths, Literal(event.deaths)))
    if event.deaths_qualifier:
        graph.add((node, PEK.deathsQualifier, _string(event.deaths_qualifier)))
    if event.body:
        graph.add((node, PEK.body, actor(event.body)))
    if event.motion:
        graph.add((node, PEK.motion, _string(event.motion)))
    for ballot in event.ballots:
        bnode = URIRef(mint.ballot_iri(str(node), ballot.voter))
        graph.add((node, PEK.ballot, bnode))
        graph.add((bnode, RDF.type, PEK.Ballot))
        graph.add((bnode, PEK.voter, actor(ballot.voter)))
        graph.add((bnode, PEK.choice, pek_term(ballot.choice)))
    for quote in event.quotes:
        graph.add((node, PEK.quote, URIRef(mint.quote_iri(article, quote))))
    if event.cameo:
        graph.add((node, PEK.cameoCode, _string(event.cameo)))
    if event.goldstein is not None:
        graph.add((node, PEK.goldstein, _decimal(event.goldstein)))
    if event.plover:
        graph.add((node, PEK.ploverType, _string(event.plover)))
    if event.plover_mode:
        graph.add((node, PEK.ploverMode, _string(event.plover_mode)))
    if event.modality:
        graph.add((node, PEK.modality, _string(event.modality)))
    graph.add((node, PEK.extractor, _string(event.extractor)))
    _provenance(graph, node, article, event.evidence, event.confidence)
    return node


def emit(extraction: Extraction, graph: Graph | None = None, actors: Graph | None = None) -> Graph:
    """All triples of one article's extraction, added to ``graph`` (a new one by default).

    Args:
        extraction: One article's records.
        graph: Where the triples go.
        actors: Where actor descriptions (types, labels, aliases, identity) go
            instead, when given: they are shared by every article naming the actor,
            while everything else in ``graph`` was read in this article.

    Returns:
        ``graph``.
    """
    graph = bind_prefixes(graph if graph is not None else Graph())
    _emit_into(extraction, graph, actors if actors is not None else graph)
    return graph


def emit_sets(extraction: Extraction) -> tuple[set[Triple], set[Triple]]:
    """The triples of one article's extraction as plain sets: (the article's own,
    the actor descriptions), for writers that serialise them directly.

    The same triples as :func:`emit`, without an rdflib graph (its store and prefix
    bindings cost more than the triples for one article).

    >>> from kg.model import Article, Extraction
    >>> own, actors = emit_sets(Extraction(Article(id="a", text="Talks began."), {}))
    >>> sorted({str(p).rsplit("#", 1)[-1] for _, p, _ in own}), actors
    (['articleId', 'type'], set())
    """
    own: set[Triple] = set()
    actors: set[Triple] = set()
    _emit_into(extraction, own, actors)
    return own, actors


def _emit_into(extraction: Extraction, graph: Sink, actors: Sink) -> None:
    article = extraction.article
    article_triples(graph, article, extraction.model)
    for actor in extraction.actors.values():
        actor_triples(actors, actor)
    for role in extraction.roles:
        role_triples(graph, article, role)
    for quote in extraction.quotes:
        if quote.speaker:
            quote_triples(graph, article, quote)
    countries = countries_acted_for(extraction)
    for event in extraction.events:
        event_triples(graph, article, event, extraction.actors, countries)
