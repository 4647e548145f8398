"""The graph's vocabulary: the ``pek:`` namespace and the prefixes a build binds.

:class:`PEK` lists every term of ``ontology/pekg.ttl`` (a test keeps the two in step)
with ``_fail = True``, so a misspelt term is an :class:`AttributeError` rather than a
silently minted IRI.

Example:
    >>> PEK.Meeting
    rdflib.term.URIRef('https://w3id.org/pekg/ontology#Meeting')
    >>> PEKR["country/RUS"]
    rdflib.term.URIRef('https://w3id.org/pekg/id/country/RUS')
"""

# No ``from __future__ import annotations`` here: rdflib reads the annotations below
# at runtime (``as_jsonld_context`` checks that each one is URIRef). DefinedNamespace
# and XSD stay behind ``ns.``: as module globals, pytest's doctest collection probes
# them for mock attributes and rdflib warns about the unknown term.

from pathlib import Path
from typing import Any

from rdflib import Graph
from rdflib import namespace as ns
from rdflib.namespace import DCTERMS, OWL, PROV, RDFS, SKOS, Namespace
from rdflib.term import URIRef

__all__ = [
    "PEK",
    "PEKR",
    "WD",
    "bind_prefixes",
    "ontology_path",
    "pek_term",
    "prefixes",
    "shapes_path",
]


class PEK(ns.DefinedNamespace):
    """Political events knowledge graph ontology (``https://w3id.org/pekg/ontology#``).

    Terms and meanings follow the graph contract; see ``ontology/pekg.ttl``.
    """

    _fail = True

    # Classes: actors and places
    Actor: URIRef  # Someone who can act or be acted upon: a person, country or organisation.
    Person: URIRef  # A human being named in an article.
    Country: URIRef  # A sovereign state as an actor, identified by its ISO alpha-3 code.
    Organization: URIRef  # An alliance, international body, agency or party as an actor.
    Group: URIRef  # An unnamed group acting for a country: its government, military, police...
    Place: URIRef  # A facility, city or region where an event happens.

    # Classes: events
    Event: URIRef  # Something that happens between actors at a time and place.
    Meeting: URIRef  # Talks, summits, joint news conferences, visits.
    Attack: URIRef  # Military strikes, bombings, chemical attacks, shootings.
    Vote: URIRef  # A body votes on a measure; holds ballots.
    Statement: URIRef  # An actor says something on the record; holds quotes.
    Accusation: URIRef  # Accuse, blame, criticise, condemn, denounce.
    Support: URIRef  # Praise, endorse, back, defend, ally with.
    Agree: URIRef  # An actor agrees, signs or settles with another, or promises a concession.
    Cooperate: URIRef  # Actors cooperate or collaborate, diplomatically or materially.
    Aid: URIRef  # An actor provides economic, military or humanitarian aid to another.
    Concede: URIRef  # Yield: ease or lift restrictions, release people, accede to demands.
    Retreat: URIRef  # An actor withdraws or pulls out forces, personnel or a presence.
    Demand: URIRef  # An actor demands, urges or calls on another to act.
    Reject: URIRef  # An actor rejects, refuses or turns down a proposal, demand or accusation.
    Threaten: URIRef  # An actor threatens or warns another with a future act.
    Protest: URIRef  # Actors protest, demonstrate, rally, march or strike against another.
    Sanction: URIRef  # Sanction, embargo, boycott, expel, break relations.
    Mobilize: URIRef  # An actor mobilises or deploys forces or raises its alert.
    Coerce: URIRef  # Arrest, detain, seize, deport: coercion short of armed force.
    Investigate: URIRef  # An actor investigates or probes another.

    # Classes: roles, ballots, quotes, sources
    Role: URIRef  # A position held: a title, of a country or organisation.
    Ballot: URIRef  # One voter's choice in a vote.
    Choice: URIRef  # The choice cast on a ballot: Yes, No, Abstain or Veto.
    Quote: URIRef  # A direct quotation and its speaker.
    Article: URIRef  # A source document.
    Evidence: URIRef  # Where in an article a fact was read.

    # Individuals of pek:Choice
    Yes: URIRef  # A vote in favour.
    No: URIRef  # A vote against.
    Abstain: URIRef  # Takes part but votes neither for nor against.
    Veto: URIRef  # A vote against that alone blocks the measure.

    # Object properties
    holdsRole: URIRef  # Person -> Role: a position held.
    roleOf: URIRef  # Role -> Country/Organization: whose position it is.
    affiliation: URIRef  # Actor -> Country/Organization: who the person or group acts for.
    actsFor: (
        URIRef  # Actor -> Country: the country it acts for (affiliation or role), materialised.
    )
    sourceCountry: URIRef  # Event -> Country: the country of an agent (itself or acted for).
    targetCountry: URIRef  # Event -> Country: the country of a target (itself or acted for).
    participant: URIRef  # Event -> Actor: any actor taking part; super-property of agent, target.
    agent: URIRef  # Event -> Actor: who acts (attacker, accuser, speaker, supporter, host).
    target: URIRef  # Event -> Actor: who is acted upon (attacked, accused, praised).
    about: URIRef  # Event -> Actor: who or what a statement or event (a meeting) is about.
    place: URIRef  # Event -> Place/Country: where it happened.
    body: URIRef  # Vote -> Organization: the voting body.
    ballot: URIRef  # Vote -> Ballot: one per voter named.
    voter: URIRef  # Ballot -> Actor: who cast it.
    choice: URIRef  # Ballot -> Choice: Yes, No, Abstain or Veto.
    quote: URIRef  # Statement -> Quote.
    speaker: URIRef  # Quote -> Actor: who said it.
    evidence: URIRef  # Event/Quote/Role -> Evidence: where it was read.
    article: URIRef  # Evidence -> Article: the article the evidence is in.

    # Datatype properties
    iso3: URIRef  # Country -> xsd:string: ISO 3166-1 alpha-3 code.
    title: URIRef  # Role -> xsd:string: "Secretary of State", "President".
    date: URIRef  # Event -> xsd:date: when, resolved against the article's date.
    dateText: URIRef  # Event -> xsd:string: the time expression as written.
    instrument: URIRef  # Attack -> xsd:string: weapon used.
    quantity: URIRef  # Attack -> xsd:integer: how many (59 missiles).
    deaths: URIRef  # Attack -> xsd:integer: people killed, as stated.
    deathsQualifier: URIRef  # Attack -> xsd:string: "at least", "more than", "about".
    motion: URIRef  # Vote -> xsd:string: what was voted on.
    text: URIRef  # Quote -> xsd:string: the words inside the quotation marks.
    cameoCode: URIRef  # Event -> xsd:string: CAMEO event code ("040", "190", "112").
    goldstein: URIRef  # Event -> xsd:decimal: Goldstein weight, -10 to +10.
    articleCount: URIRef  # Event -> xsd:integer: articles reporting the happening.
    ploverType: URIRef  # Event -> xsd:string: PLOVER category ("CONSULT", "ASSAULT").
    ploverMode: URIRef  # Event -> xsd:string: PLOVER mode ("visit", "heavy-weapons").
    modality: URIRef  # Event -> xsd:string: "negated", "planned", ... when not realised.
    extractor: URIRef  # Event -> xsd:string: "rules" or "model", what found the event.
    confidence: URIRef  # Event/Quote/Role -> xsd:decimal: extractor's confidence, 0 to 1.
    sentence: URIRef  # Evidence -> xsd:string: the sentence text.
    charStart: URIRef  # Evidence -> xsd:integer: start offset into the article text.
    charEnd: URIRef  # Evidence -> xsd:integer: end offset (exclusive) into the article text.
    trigger: URIRef  # Event -> xsd:string: the words that signalled the event.
    nlpModel: URIRef  # Article -> xsd:string: name and version of the spaCy pipeline.
    articleId: URIRef  # Article -> xsd:string: the article's stable identifier.

    # Datatype properties written by the analysis (kg.analyze), on actors
    degree: URIRef  # Actor -> xsd:integer: other actors it shares an event with.
    weightedDegree: URIRef  # Actor -> xsd:integer: links counted once per shared event.
    betweenness: URIRef  # Actor -> xsd:decimal: normalised betweenness centrality, 0 to 1.
    pagerank: URIRef  # Actor -> xsd:decimal: PageRank in the actor graph, 0 to 1.
    community: URIRef  # Actor -> xsd:integer: Louvain community number, from 1.

    _NS = Namespace("https://w3id.org/pekg/ontology#")


#: Resources minted by a build: actors, events, articles, evidence, ...
PEKR = Namespace("https://w3id.org/pekg/id/")

#: Wikidata entities, the ``owl:sameAs`` targets for well-known actors.
WD = Namespace("http://www.wikidata.org/entity/")


def pek_term(name: str) -> URIRef:
    """Return the ``pek:`` term named ``name``, checked like an attribute of :class:`PEK`.

    Use it where the name is data (an event class, a ballot choice): ``PEK[name]``
    works at runtime but mypy reads it as a generic type subscription.

    Args:
        name: A term name such as ``"Meeting"`` or ``"Veto"``.

    Returns:
        The term's IRI.

    Raises:
        AttributeError: If the ontology has no such term.

    Example:
        >>> pek_term("Veto")
        rdflib.term.URIRef('https://w3id.org/pekg/ontology#Veto')
    """
    if name not in PEK.__annotations__:
        raise AttributeError(f"term {name!r} not in namespace {PEK._NS}")
    return PEK._NS[name]


_ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


def ontology_path() -> Path:
    """Return the path of the OWL ontology, ``ontology/pekg.ttl`` in the repository."""
    return _ONTOLOGY_DIR / "pekg.ttl"


def shapes_path() -> Path:
    """Return the path of the SHACL shapes, ``ontology/shapes.ttl`` in the repository."""
    return _ONTOLOGY_DIR / "shapes.ttl"


def prefixes() -> dict[str, str]:
    """Return the contract's prefixes and their namespace IRIs.

    Example:
        >>> prefixes()["pekr"]
        'https://w3id.org/pekg/id/'
    """
    return {
        "pek": str(PEK),
        "pekr": str(PEKR),
        "rdf": str(ns.RDF),
        "rdfs": str(RDFS),
        "skos": str(SKOS),
        "owl": str(OWL),
        "xsd": str(ns.XSD),
        "dcterms": str(DCTERMS),
        "prov": str(PROV),
        "wd": str(WD),
    }


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the contract's prefixes on a graph, so it serialises readably.

    Binds ``pek``, ``pekr``, ``rdfs``, ``skos``, ``owl``, ``xsd``, ``dcterms``,
    ``prov`` and ``wd``, replacing any other namespace bound to those prefixes.

    Args:
        graph: The graph to bind the prefixes on; changed in place.

    Returns:
        The same graph, for chaining.

    Example:
        >>> g = bind_prefixes(Graph())
        >>> dict(g.namespaces())["pek"]
        rdflib.term.URIRef('https://w3id.org/pekg/ontology#')
    """
    for prefix, namespace in prefixes().items():
        graph.bind(prefix, Namespace(namespace), override=True, replace=True)
    return graph


def _short(graph: Graph, term: Any) -> str:
    """A term of a class expression as the vocabulary page writes it."""
    if isinstance(term, URIRef):
        for prefix, namespace in prefixes().items():
            if str(term).startswith(namespace):
                return f"`{prefix}:{str(term)[len(namespace) :]}`"
        return f"<{term}>"
    members = graph.value(term, OWL.unionOf)
    if members is not None:
        from rdflib.collection import Collection

        return " or ".join(_short(graph, m) for m in Collection(graph, members))
    return "(an anonymous class)"


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


#: Annotations of the ontology document itself, not terms the graph uses.
_ONTOLOGY_METADATA = frozenset(
    URIRef("http://purl.org/vocab/vann/" + name)
    for name in ("preferredNamespacePrefix", "preferredNamespaceUri")
) | {DCTERMS.license}


def vocabulary_markdown(path: Path | None = None) -> str:
    """The ``pek:`` vocabulary as a Markdown page (``docs/VOCABULARY.md``), from the ontology.

    Classes, then object and datatype properties, each in the ontology's alphabetical
    order, with the ontology's label, comment, superclass, domain and range; run
    ``tools/make_vocabulary.py`` after changing ``ontology/pekg.ttl`` (a test checks the
    page is current).

    Example:
        >>> page = vocabulary_markdown()
        >>> "| `pek:Attack` | `pek:Event` |" in page, "## Datatype properties" in page
        (True, True)
    """
    graph = Graph().parse(path or ontology_path(), format="turtle")
    namespace = str(PEK)

    def terms(kind: URIRef) -> list[URIRef]:
        found = {s for s in graph.subjects(ns.RDF.type, kind) if isinstance(s, URIRef)}
        return sorted((s for s in found if str(s).startswith(namespace)), key=str)

    def comment(term: URIRef) -> str:
        return _cell(graph.value(term, RDFS.comment) or "")

    lines = [
        "# The graph's vocabulary",
        "",
        "Generated from `ontology/pekg.ttl` by `tools/make_vocabulary.py`; do not edit.",
        f"Namespace `pek:` = `{namespace}`; resources are under `pekr:` = `{PEKR}`.",
        "`ontology/shapes.ttl` states in SHACL what every build promises.",
        "",
        "## Classes",
        "",
        "| class | subclass of | meaning |",
        "|---|---|---|",
    ]
    for term in terms(OWL.Class):
        parents = sorted(_short(graph, p) for p in graph.objects(term, RDFS.subClassOf))
        lines.append(f"| {_short(graph, term)} | {', '.join(parents)} | {comment(term)} |")
    for title, kind in (
        ("Object properties", OWL.ObjectProperty),
        ("Datatype properties", OWL.DatatypeProperty),
    ):
        lines += ["", f"## {title}", "", "| property | domain | range | meaning |"]
        lines.append("|---|---|---|---|")
        for term in terms(kind):
            domain = graph.value(term, RDFS.domain)
            rng = graph.value(term, RDFS.range)
            cells = [_short(graph, x) if x is not None else "" for x in (domain, rng)]
            lines.append(f"| {_short(graph, term)} | {cells[0]} | {cells[1]} | {comment(term)} |")
    lines += ["", "## Individuals", "", "| individual | class | meaning |", "|---|---|---|"]
    for term in terms(OWL.NamedIndividual):
        classes = sorted(
            _short(graph, c) for c in graph.objects(term, ns.RDF.type) if c != OWL.NamedIndividual
        )
        lines.append(f"| {_short(graph, term)} | {', '.join(classes)} | {comment(term)} |")
    borrowed = sorted(
        {
            s
            for kind in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
            for s in graph.subjects(ns.RDF.type, kind)
            if isinstance(s, URIRef)
            and not str(s).startswith(namespace)
            and s not in _ONTOLOGY_METADATA
        },
        key=str,
    )
    lines += ["", "## Terms from other vocabularies", ""]
    lines.append("The graph also uses " + ", ".join(_short(graph, t) for t in borrowed) + ".")
    return "\n".join(lines) + "\n"
