"""The PEK namespace, the OWL ontology and the graph contract agree with each other."""

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.vocab import PEK, PEKR, WD, bind_prefixes, ontology_path, pek_term, shapes_path

PEK_NS = "https://w3id.org/pekg/ontology#"

#: Kinds of definition a pek: term may have in the ontology.
DEFINING_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}

#: The pek: classes of shared/CONTRACT.md, with the superclass each must have.
CONTRACT_CLASSES = {
    "Actor": None,
    "Person": "Actor",
    "Country": "Actor",
    "Organization": "Actor",
    "Place": None,
    "Event": None,
    "Meeting": "Event",
    "Attack": "Event",
    "Vote": "Event",
    "Statement": "Event",
    "Accusation": "Event",
    "Support": "Event",
    "Agree": "Event",
    "Cooperate": "Event",
    "Aid": "Event",
    "Concede": "Event",
    "Retreat": "Event",
    "Demand": "Event",
    "Reject": "Event",
    "Threaten": "Event",
    "Protest": "Event",
    "Sanction": "Event",
    "Mobilize": "Event",
    "Coerce": "Event",
    "Investigate": "Event",
    "Role": None,
    "Ballot": None,
    "Quote": None,
    "Article": None,
    "Evidence": None,
}

#: The pek: object properties of shared/CONTRACT.md.
CONTRACT_OBJECT_PROPERTIES = [
    "holdsRole",
    "roleOf",
    "affiliation",
    "participant",
    "agent",
    "target",
    "about",
    "place",
    "body",
    "ballot",
    "voter",
    "choice",
    "quote",
    "speaker",
    "evidence",
    "article",
]

#: The pek: datatype properties of shared/CONTRACT.md, with their xsd ranges.
CONTRACT_DATATYPE_PROPERTIES = {
    "iso3": "string",
    "title": "string",
    "date": "date",
    "dateText": "string",
    "instrument": "string",
    "quantity": "integer",
    "deaths": "integer",
    "deathsQualifier": "string",
    "motion": "string",
    "text": "string",
    "cameoCode": "string",
    "goldstein": "decimal",
    "confidence": "decimal",
    "sentence": "string",
    "charStart": "integer",
    "charEnd": "integer",
}

#: The ballot choices of shared/CONTRACT.md.
CONTRACT_CHOICES = ["Yes", "No", "Abstain", "Veto"]

#: Terms the code emits beyond the contract table.
EXTRA_DATATYPE_PROPERTIES = {
    "trigger": "string",
    "nlpModel": "string",
    "articleId": "string",
    "ploverType": "string",
    "ploverMode": "string",
    "modality": "string",
    "extractor": "string",
    # measures written by kg.analyze
    "degree": "integer",
    "weightedDegree": "integer",
    "betweenness": "decimal",
    "pagerank": "decimal",
    "community": "integer",
}

XSD_NS = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def pek_terms_in_code() -> set[str]:
    """Every term name annotated on the PEK class."""
    return set(PEK.__annotations__)


def pek_terms_in_ontology(graph: Graph) -> set[str]:
    """Every pek: IRI the ontology gives a defining type."""
    return {
        str(s)[len(PEK_NS) :]
        for s, o in graph.subject_objects(RDF.type)
        if isinstance(s, URIRef) and str(s).startswith(PEK_NS) and o in DEFINING_TYPES
    }


def test_ontology_and_shapes_parse() -> None:
    assert len(Graph().parse(ontology_path(), format="turtle")) > 0
    assert len(Graph().parse(shapes_path(), format="turtle")) > 0


def test_ontology_header(ontology: Graph) -> None:
    onto = URIRef("https://w3id.org/pekg/ontology")
    assert (onto, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(onto, RDFS.label) is not None
    assert ontology.value(onto, RDFS.comment) is not None
    assert str(ontology.value(onto, OWL.versionInfo)) == "0.1.0"


def test_every_pek_term_is_defined_in_ontology(ontology: Graph) -> None:
    undefined = sorted(pek_terms_in_code() - pek_terms_in_ontology(ontology))
    assert not undefined, f"PEK terms not defined in {ontology_path().name}: {undefined}"


def test_every_ontology_term_is_in_pek(ontology: Graph) -> None:
    mentioned = {
        str(term)[len(PEK_NS) :]
        for term in set(ontology.all_nodes())
        if isinstance(term, URIRef) and str(term).startswith(PEK_NS)
    }
    missing = sorted(mentioned - pek_terms_in_code())
    assert not missing, f"pek: terms in {ontology_path().name} missing from kg.vocab.PEK: {missing}"


def test_every_pek_term_has_label_and_comment(ontology: Graph) -> None:
    bare = sorted(
        name
        for name in pek_terms_in_code()
        if ontology.value(pek_term(name), RDFS.label) is None
        or ontology.value(pek_term(name), RDFS.comment) is None
    )
    assert not bare, f"PEK terms without rdfs:label or rdfs:comment: {bare}"


def test_contract_classes_and_subclasses(ontology: Graph) -> None:
    missing = sorted(
        n for n in CONTRACT_CLASSES if (pek_term(n), RDF.type, OWL.Class) not in ontology
    )
    assert not missing, f"contract classes not declared owl:Class: {missing}"
    wrong = sorted(
        f"{n} subClassOf {parent}"
        for n, parent in CONTRACT_CLASSES.items()
        if parent is not None and (pek_term(n), RDFS.subClassOf, pek_term(parent)) not in ontology
    )
    assert not wrong, f"missing subclass axioms: {wrong}"


def test_contract_object_properties(ontology: Graph) -> None:
    missing = sorted(
        n
        for n in CONTRACT_OBJECT_PROPERTIES
        if (pek_term(n), RDF.type, OWL.ObjectProperty) not in ontology
    )
    assert not missing, f"contract properties not declared owl:ObjectProperty: {missing}"
    no_range = sorted(
        n
        for n in CONTRACT_OBJECT_PROPERTIES
        if ontology.value(pek_term(n), RDFS.domain) is None
        or ontology.value(pek_term(n), RDFS.range) is None
    )
    assert not no_range, f"object properties without rdfs:domain or rdfs:range: {no_range}"


@pytest.mark.parametrize(
    ("name", "xsd_type"),
    sorted({**CONTRACT_DATATYPE_PROPERTIES, **EXTRA_DATATYPE_PROPERTIES}.items()),
)
def test_datatype_property(ontology: Graph, name: str, xsd_type: str) -> None:
    term = pek_term(name)
    assert (term, RDF.type, OWL.DatatypeProperty) in ontology, f"pek:{name} not a DatatypeProperty"
    assert ontology.value(term, RDFS.range) == URIRef(XSD_NS + xsd_type), (
        f"pek:{name} range is {ontology.value(term, RDFS.range)}, expected xsd:{xsd_type}"
    )
    assert ontology.value(term, RDFS.domain) is not None, f"pek:{name} has no rdfs:domain"


def test_agent_and_target_are_participants(ontology: Graph) -> None:
    for name in ("agent", "target"):
        assert (pek_term(name), RDFS.subPropertyOf, PEK.participant) in ontology, name


def test_choices_are_individuals(ontology: Graph) -> None:
    assert (PEK.Choice, RDF.type, OWL.Class) in ontology
    assert ontology.value(PEK.choice, RDFS.range) == PEK.Choice
    for name in CONTRACT_CHOICES:
        assert (pek_term(name), RDF.type, OWL.NamedIndividual) in ontology, name
        assert (pek_term(name), RDF.type, PEK.Choice) in ontology, name


def test_unknown_term_is_an_error() -> None:
    with pytest.raises(AttributeError):
        _ = PEK.Nonexistent
    for name in ("Maybe", "mro", "_NS", "__name__"):
        with pytest.raises(AttributeError):
            pek_term(name)
    assert pek_term("Veto") == PEK.Veto


def test_namespaces() -> None:
    assert PEK.Meeting == URIRef(PEK_NS + "Meeting")
    assert PEKR["country/RUS"] == URIRef("https://w3id.org/pekg/id/country/RUS")
    assert WD.Q159 == URIRef("http://www.wikidata.org/entity/Q159")


def test_bind_prefixes() -> None:
    graph = bind_prefixes(Graph())
    bound = {prefix: str(ns) for prefix, ns in graph.namespaces()}
    expected = {
        "pek": PEK_NS,
        "pekr": "https://w3id.org/pekg/id/",
        "wd": "http://www.wikidata.org/entity/",
        "rdfs": str(RDFS),
        "owl": str(OWL),
        "xsd": XSD_NS,
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "dcterms": "http://purl.org/dc/terms/",
        "prov": "http://www.w3.org/ns/prov#",
    }
    wrong = {p: bound.get(p) for p, ns in expected.items() if bound.get(p) != ns}
    assert not wrong, f"prefixes bound wrongly: {wrong}"


def test_paths_point_into_repository() -> None:
    assert ontology_path().name == "pekg.ttl"
    assert shapes_path().name == "shapes.ttl"
    assert ontology_path().parent == shapes_path().parent
    assert ontology_path().is_file() and shapes_path().is_file()


def test_the_vocabulary_page_is_current() -> None:
    from kg.vocab import vocabulary_markdown

    page = ontology_path().parent.parent / "docs" / "VOCABULARY.md"
    assert page.read_text(encoding="utf-8") == vocabulary_markdown(), (
        "docs/VOCABULARY.md is stale: run .venv/bin/python tools/make_vocabulary.py"
    )


def test_the_vocabulary_page_lists_every_term() -> None:
    from kg.vocab import vocabulary_markdown

    page = vocabulary_markdown()
    for term in dir(PEK):
        name = str(term).rpartition("#")[2]
        assert f"| `pek:{name}` |" in page, name
