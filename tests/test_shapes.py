"""The SHACL shapes accept a graph built under the contract and reject broken ones."""

import datetime as dt
from decimal import Decimal

import pyshacl
import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.namespace import DCTERMS, OWL, PROV

from kg.vocab import PEK, PEKR, WD, bind_prefixes, ontology_path, pek_term, shapes_path


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def validate(data: Graph, shapes: Graph, ontology: Graph) -> tuple[bool, str]:
    """Validate the way ``kg validate`` does: no inference, ontology mixed in."""
    conforms, _, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none"
    )
    return bool(conforms), str(text)


def valid_graph() -> Graph:
    """A small graph with one node of each kind, every type stated explicitly."""
    g = bind_prefixes(Graph())
    article = PEKR["article/a1"]
    g.add((article, RDF.type, PEK.Article))
    g.add((article, PEK.articleId, Literal("a1")))
    g.add((article, PEK.nlpModel, Literal("en_core_web_sm 3.8.0")))
    g.add((article, DCTERMS.title, Literal("Tillerson meets Lavrov")))
    g.add((article, DCTERMS.date, Literal(dt.date(2017, 4, 12))))
    g.add((article, DCTERMS.source, Literal("Example News")))

    evidence = PEKR["evidence/a1/0-40"]
    g.add((evidence, RDF.type, PEK.Evidence))
    g.add((evidence, PEK.sentence, Literal("Tillerson met Lavrov in Moscow on Wednesday.")))
    g.add((evidence, PEK.charStart, Literal(0)))
    g.add((evidence, PEK.charEnd, Literal(40)))
    g.add((evidence, PEK.article, article))

    usa = PEKR["country/USA"]
    g.add((usa, RDF.type, PEK.Country))
    g.add((usa, RDF.type, PEK.Actor))
    g.add((usa, RDFS.label, Literal("United States")))
    g.add((usa, PEK.iso3, Literal("USA")))
    g.add((usa, OWL.sameAs, WD.Q30))

    russia = PEKR["country/RUS"]
    g.add((russia, RDF.type, PEK.Country))
    g.add((russia, RDF.type, PEK.Actor))
    g.add((russia, RDFS.label, Literal("Russia")))
    g.add((russia, PEK.iso3, Literal("RUS")))

    unsc = PEKR["organization/un-security-council"]
    g.add((unsc, RDF.type, PEK.Organization))
    g.add((unsc, RDF.type, PEK.Actor))
    g.add((unsc, RDFS.label, Literal("UN Security Council")))

    moscow = PEKR["place/moscow"]
    g.add((moscow, RDF.type, PEK.Place))
    g.add((moscow, RDFS.label, Literal("Moscow")))

    tillerson = PEKR["person/rex-tillerson"]
    g.add((tillerson, RDF.type, PEK.Person))
    g.add((tillerson, RDF.type, PEK.Actor))
    g.add((tillerson, RDFS.label, Literal("Rex Tillerson")))
    g.add((tillerson, PEK.affiliation, usa))
    role = PEKR["role/rex-tillerson/secretary-of-state"]
    g.add((role, RDF.type, PEK.Role))
    g.add((role, PEK.title, Literal("Secretary of State")))
    g.add((role, PEK.roleOf, usa))
    g.add((role, PEK.evidence, evidence))
    g.add((role, PEK.confidence, Literal(Decimal("0.8"))))
    g.add((tillerson, PEK.holdsRole, role))

    meeting = PEKR["event/a1/meeting-1"]
    g.add((meeting, RDF.type, PEK.Meeting))
    g.add((meeting, RDF.type, PEK.Event))
    g.add((meeting, PEK.agent, russia))
    g.add((meeting, PEK.participant, russia))
    g.add((meeting, PEK.participant, tillerson))
    g.add((meeting, PEK.place, moscow))
    g.add((meeting, PEK.date, Literal(dt.date(2017, 4, 12))))
    g.add((meeting, PEK.dateText, Literal("Wednesday")))
    g.add((meeting, PEK.trigger, Literal("met")))
    g.add((meeting, PEK.cameoCode, Literal("040")))
    g.add((meeting, PEK.goldstein, Literal(Decimal("1.0"))))
    g.add((meeting, PEK.ploverType, Literal("CONSULT", datatype=ns.XSD.string)))
    g.add((meeting, PEK.ploverMode, Literal("visit", datatype=ns.XSD.string)))
    g.add((meeting, PEK.modality, Literal("planned", datatype=ns.XSD.string)))
    g.add((meeting, PEK.confidence, Literal(Decimal("0.7"))))
    g.add((meeting, PEK.evidence, evidence))
    g.add((meeting, PROV.wasDerivedFrom, article))

    attack = PEKR["event/a1/attack-1"]
    g.add((attack, RDF.type, PEK.Attack))
    g.add((attack, RDF.type, PEK.Event))
    g.add((attack, PEK.agent, usa))
    g.add((attack, PEK.participant, usa))
    g.add((attack, PEK.place, russia))  # a country acting as a place
    g.add((attack, PEK.instrument, Literal("cruise missiles")))
    g.add((attack, PEK.quantity, Literal(59)))
    g.add((attack, PEK.deaths, Literal(0)))
    g.add((attack, PEK.evidence, evidence))

    vote = PEKR["event/a1/vote-1"]
    ballot = PEKR["event/a1/vote-1/ballot/RUS"]
    g.add((vote, RDF.type, PEK.Vote))
    g.add((vote, RDF.type, PEK.Event))
    g.add((vote, PEK.body, unsc))
    g.add((vote, PEK.motion, Literal("a resolution condemning the attack")))
    g.add((vote, PEK.participant, unsc))
    g.add((vote, PEK.participant, russia))
    g.add((vote, PEK.ballot, ballot))
    g.add((vote, PEK.evidence, evidence))
    g.add((ballot, RDF.type, PEK.Ballot))
    g.add((ballot, PEK.voter, russia))
    g.add((ballot, PEK.choice, PEK.Veto))

    statement = PEKR["event/a1/statement-1"]
    quote = PEKR["quote/a1/120-160"]
    g.add((statement, RDF.type, PEK.Statement))
    g.add((statement, RDF.type, PEK.Event))
    g.add((statement, PEK.agent, tillerson))
    g.add((statement, PEK.participant, tillerson))
    g.add((statement, PEK.about, russia))
    g.add((statement, PEK.quote, quote))
    g.add((statement, PEK.evidence, evidence))
    g.add((quote, RDF.type, PEK.Quote))
    g.add((quote, PEK.text, Literal("There is a low level of trust")))
    g.add((quote, PEK.speaker, tillerson))
    g.add((quote, PEK.evidence, evidence))
    g.add((quote, PEK.confidence, Literal(Decimal("0.9"))))
    g.add((quote, PROV.wasDerivedFrom, article))
    return g


def test_literals_in_valid_graph_have_the_expected_datatypes() -> None:
    g = valid_graph()
    for subject, prop, datatype in [
        (PEKR["event/a1/meeting-1"], PEK.date, ns.XSD.date),
        (PEKR["event/a1/meeting-1"], PEK.confidence, ns.XSD.decimal),
        (PEKR["evidence/a1/0-40"], PEK.charStart, ns.XSD.integer),
    ]:
        value = g.value(subject, prop)
        assert isinstance(value, Literal) and value.datatype == datatype, (prop, value)


def test_valid_graph_conforms(shapes: Graph, ontology: Graph) -> None:
    conforms, text = validate(valid_graph(), shapes, ontology)
    assert conforms, text


def test_shapes_target_subclasses_through_explicit_types(shapes: Graph, ontology: Graph) -> None:
    g = valid_graph()
    meeting = PEKR["event/a1/meeting-1"]
    g.remove((meeting, PEK.participant, None))
    g.remove((meeting, PEK.agent, None))
    conforms, text = validate(g, shapes, ontology)
    assert not conforms
    assert "An event must have at least one pek:participant." in text


BROKEN_MESSAGES = {
    "no participant": "An event must have at least one pek:participant.",
    "no evidence": "An event must have at least one pek:evidence.",
    "bad choice": (
        "A ballot must have exactly one pek:choice, one of pek:Yes, pek:No, pek:Abstain, pek:Veto."
    ),
    "no speaker": "A quote must have at least one pek:speaker.",
    "plain date": "An event has at most one pek:date, typed xsd:date.",
    "double confidence": "An event's pek:confidence must be a single xsd:decimal between 0 and 1.",
    "goldstein out of range": "pek:goldstein must be a single xsd:decimal between -10 and 10.",
    "bad iso3": (
        "A country has at most one pek:iso3, an xsd:string of three capital letters"
        " (ISO 3166-1 alpha-3)."
    ),
    "negative deaths": "An attack has at most one pek:deaths, a non-negative xsd:integer.",
    "untyped voter": "A ballot must have exactly one pek:voter, a node typed pek:Actor.",
    "no label": "An actor must have at least one rdfs:label literal (its canonical name).",
    "no title": "A role must have at least one pek:title, an xsd:string.",
    "no charEnd": "Evidence must have exactly one pek:charEnd, a non-negative xsd:integer.",
    "quote without text": "A quote must have exactly one pek:text, an xsd:string.",
    "ballot not a ballot": "pek:ballot must point to a node typed pek:Ballot.",
    "bad plover type": (
        "An event has at most one pek:ploverType, an xsd:string naming a PLOVER category"
        ' (e.g. "CONSULT").'
    ),
    "bad extractor": 'An event has at most one pek:extractor, "rules" or "model".',
    "bad modality": (
        'An event has at most one pek:modality: "negated", "planned", "threatened",'
        ' "hypothetical" or "refused" (omitted when realised).'
    ),
}


def broken_graph() -> Graph:
    """The valid graph with one fault per entry of :data:`BROKEN_MESSAGES`."""
    g = valid_graph()
    meeting = PEKR["event/a1/meeting-1"]
    attack = PEKR["event/a1/attack-1"]
    vote = PEKR["event/a1/vote-1"]
    ballot = PEKR["event/a1/vote-1/ballot/RUS"]
    quote = PEKR["quote/a1/120-160"]
    evidence = PEKR["evidence/a1/0-40"]

    g.remove((meeting, PEK.participant, None))  # no participant
    g.remove((meeting, PEK.agent, None))
    g.remove((attack, PEK.evidence, None))  # no evidence
    g.set((ballot, PEK.choice, URIRef("https://w3id.org/pekg/ontology#Maybe")))  # bad choice
    g.remove((quote, PEK.speaker, None))  # no speaker
    g.set((meeting, PEK.date, Literal("2017-04-12")))  # plain date
    g.set((meeting, PEK.confidence, Literal(0.7)))  # double confidence
    g.set((meeting, PEK.goldstein, Literal(Decimal("12.5"))))  # goldstein out of range
    g.set((PEKR["country/USA"], PEK.iso3, Literal("us")))  # bad iso3
    g.set((attack, PEK.deaths, Literal(-3)))  # negative deaths

    stranger = PEKR["person/nobody"]  # untyped voter
    second = PEKR["event/a1/vote-1/ballot/nobody"]
    g.add((second, RDF.type, PEK.Ballot))
    g.add((second, PEK.voter, stranger))
    g.add((second, PEK.choice, PEK.Yes))
    g.add((vote, PEK.ballot, second))

    g.remove((PEKR["country/RUS"], RDFS.label, None))  # no label
    g.remove((PEKR["role/rex-tillerson/secretary-of-state"], PEK.title, None))  # no title
    g.remove((evidence, PEK.charEnd, None))  # no charEnd

    speechless = PEKR["quote/a1/200-220"]  # quote without text
    g.add((speechless, RDF.type, PEK.Quote))
    g.add((speechless, PEK.speaker, PEKR["person/rex-tillerson"]))

    g.add((vote, PEK.ballot, PEKR["country/RUS"]))  # ballot not a ballot
    g.set((meeting, PEK.ploverType, Literal("MEET")))  # bad plover type
    g.set((attack, PEK.extractor, Literal("llm", datatype=ns.XSD.string)))  # bad extractor
    g.set((attack, PEK.modality, Literal("asserted")))  # bad modality
    return g


def test_broken_graph_does_not_conform(shapes: Graph, ontology: Graph) -> None:
    conforms, text = validate(broken_graph(), shapes, ontology)
    assert not conforms
    absent = {fault: message for fault, message in BROKEN_MESSAGES.items() if message not in text}
    assert not absent, f"expected messages missing from the report: {absent}\n{text}"


@pytest.mark.parametrize("choice", ["Yes", "No", "Abstain", "Veto"])
def test_every_choice_is_accepted(shapes: Graph, ontology: Graph, choice: str) -> None:
    g = valid_graph()
    g.set((PEKR["event/a1/vote-1/ballot/RUS"], PEK.choice, pek_term(choice)))
    conforms, text = validate(g, shapes, ontology)
    assert conforms, text


def test_evidence_offsets_must_be_ordered(shapes: Graph, ontology: Graph) -> None:
    g = valid_graph()
    evidence = PEKR["evidence/a1/0-40"]
    g.set((evidence, PEK.charStart, Literal(50)))
    conforms, text = validate(g, shapes, ontology)
    assert not conforms
    assert "Evidence pek:charStart must be less than its pek:charEnd." in text


def test_a_built_group_actor_conforms(shapes: Graph, ontology: Graph) -> None:
    from kg.model import Article
    from kg.pipeline import build_articles

    text = "Chilean officials accused Peruvian troops of crossing the border."
    graph = build_articles([Article(id="g1", text=text, date=dt.date(2024, 1, 3))]).graph
    group = PEKR["group/chl-government"]
    assert (group, PEK.affiliation, PEKR["country/CHL"]) in graph
    assert (PEKR["country/CHL"], PEK.iso3, Literal("CHL", datatype=ns.XSD.string)) in graph
    conforms, text = validate(graph, shapes, ontology)
    assert conforms, text


def test_affiliation_to_a_place_is_rejected(shapes: Graph, ontology: Graph) -> None:
    g = valid_graph()
    group, place = PEKR["org/g"], PEKR["place/p"]
    g.add((group, RDF.type, PEK.Organization))
    g.add((group, RDF.type, PEK.Actor))
    g.add((group, RDFS.label, Literal("g")))
    g.add((place, RDF.type, PEK.Place))
    g.add((place, RDFS.label, Literal("p")))
    g.add((group, PEK.affiliation, place))
    conforms, text = validate(g, shapes, ontology)
    assert not conforms and "pek:affiliation" in text
