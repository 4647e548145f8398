"""kg.analyze: measures, dyads, connections, lookup, report and RDF output on the seed graph."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS, XSD

from kg.analyze import (
    ActorLookupError,
    Analysis,
    analyze,
    betweenness,
    communities,
    connection,
    dyad,
    dyads,
    find_actor,
    markdown_cell,
    measures_graph,
    pagerank,
    pair_summary,
    report_markdown,
    timeline,
    write_analysis,
)
from kg.validate import validate
from kg.vocab import PEK, PEKR, pek_term

SEED = Path(__file__).resolve().parent / "data" / "seed.golden.ttl"
NS = "https://w3id.org/pekg/id/"
USA, RUS, CHN, SYR, UKR, PRK = (
    NS + f"country/{c}" for c in ("USA", "RUS", "CHN", "SYR", "UKR", "PRK")
)
TRUMP, PUTIN, TILLERSON, LAVROV, ASSAD = (
    NS + f"person/{p}"
    for p in ("trump", "vladimir-putin", "rex-tillerson", "sergey-lavrov", "bashar-al-assad")
)


@pytest.fixture(scope="module")
def seed() -> Graph:
    return Graph().parse(SEED)


@pytest.fixture(scope="module")
def analysis(seed: Graph) -> Analysis:
    return analyze(seed)


Actors = dict[str, tuple[str, str, str | None]]
Events = list[tuple[str, float, str | None, dict[str, str]]]


def tiny(actors: Actors, events: Events) -> Graph:
    """A graph from ``{local IRI: (kind, label, side or None)}`` and
    ``[(class, goldstein, date or None, {actor: role property})]``."""
    g = Graph()
    for local, (kind, name, side) in actors.items():
        actor = PEKR[local]
        g.add((actor, RDF.type, pek_term(kind)))
        g.add((actor, RDF.type, PEK.Actor))
        g.add((actor, RDFS.label, Literal(name)))
        if side is not None:
            g.add((actor, PEK.affiliation, PEKR[side]))
    for i, (cls, goldstein, date, roles) in enumerate(events):
        event = PEKR[f"event/t/{i:03d}"]
        g.add((event, RDF.type, pek_term(cls)))
        g.add((event, RDF.type, PEK.Event))
        g.add((event, PEK.goldstein, Literal(Decimal(str(goldstein)))))
        if date is not None:
            g.add((event, PEK.date, Literal(date, datatype=XSD.date)))
        for local, prop in roles.items():
            g.add((event, pek_term(prop), PEKR[local]))
            g.add((event, PEK.participant, PEKR[local]))
    return g


def ring(n: int) -> Graph:
    """``n`` countries, each meeting the next and the one five along: a big sparse graph."""
    actors: Actors = {f"country/C{i:04d}": ("Country", f"Country {i}", None) for i in range(n)}
    events: Events = [
        (
            "Meeting",
            1.0,
            "2020-01-01",
            {f"country/C{i:04d}": "agent", f"country/C{j:04d}": "target"},
        )
        for i in range(n)
        for j in ((i + 1) % n, (i + 5) % n)
    ]
    return tiny(actors, events)


# ---------------------------------------------------------------------------
# Dyads (country dyad graph)
# ---------------------------------------------------------------------------


def test_voters_act_on_the_target_and_co_voters_are_no_dyad(analysis: Analysis) -> None:
    assert dyad(analysis.countries, CHN, SYR).classes == {"Vote": 1}
    assert dyad(analysis.countries, RUS, SYR).classes == {"Vote": 1}
    assert dyad(analysis.countries, CHN, RUS).count == 0
    assert dyad(analysis.countries, RUS, CHN).count == 0
    d = dyad(analysis.countries, CHN, SYR)
    assert (d.a_label, d.b_label) == ("China", "Syria")
    assert dyad(analysis.countries, SYR, CHN).count == 0  # directed


def test_usa_syr_balance_is_negative_and_usa_chn_positive(analysis: Analysis) -> None:
    hostile = dyad(analysis.countries, USA, SYR)
    assert hostile.classes.get("Attack") == 1 and hostile.balance < 0
    assert dyad(analysis.countries, SYR, USA).count == 0
    friendly = dyad(analysis.countries, USA, CHN)
    assert "Support" in friendly.classes and friendly.balance > 0


def test_people_are_folded_into_the_side_they_act_for(analysis: Analysis) -> None:
    # Tillerson (USA) met Putin and Lavrov (RUS): two meetings, counted both ways.
    assert dyad(analysis.countries, USA, RUS).classes["Meeting"] == 2
    assert dyad(analysis.countries, RUS, USA).classes["Meeting"] == 2
    assert TRUMP not in analysis.countries and TILLERSON not in analysis.countries
    assert analysis.affiliations[TRUMP] == USA
    # Direct actor-level dyad keeps people apart.
    assert dyad(analysis.actors, TILLERSON, PUTIN).classes == {"Meeting": 1}


def test_dyads_sorted_by_balance_or_count(analysis: Analysis) -> None:
    by_balance = [abs(d.balance) for d in analysis.dyads]
    assert by_balance == sorted(by_balance, reverse=True)
    assert (analysis.dyads[0].a, analysis.dyads[0].b) == (USA, SYR)
    by_count = dyads(analysis.countries, by="count")
    assert [d.count for d in by_count] == sorted((d.count for d in by_count), reverse=True)
    assert (by_count[0].a, by_count[0].b, by_count[0].count) == (USA, RUS, 4)
    with pytest.raises(ValueError, match="balance"):
        dyads(analysis.countries, by="date")


def test_dyad_of_unlinked_pair_is_empty_and_unknown_actor_fails(analysis: Analysis) -> None:
    empty = dyad(analysis.countries, UKR, USA)
    assert (empty.count, empty.classes, empty.balance) == (0, {}, 0.0)
    with pytest.raises(ActorLookupError):
        dyad(analysis.countries, TRUMP, USA)  # folded away: not a node of the dyad graph


# ---------------------------------------------------------------------------
# Measures on the actor graph
# ---------------------------------------------------------------------------


def test_degree_and_weighted_degree(analysis: Analysis) -> None:
    russia, tillerson, ukraine = (analysis.measures[x] for x in (RUS, TILLERSON, UKR))
    # Russia: accused by the United States, voted on Syria, spoken about by Trump.
    assert russia.degree == 3 and russia.weighted_degree == 3
    # Tillerson shares two events with Assad (slamming, and a statement about him).
    assert (tillerson.degree, tillerson.weighted_degree) == (3, 4)
    assert (ukraine.degree, ukraine.weighted_degree, ukraine.betweenness) == (0, 0, 0.0)


def test_betweenness_exact_on_the_seed(analysis: Analysis) -> None:
    assert analysis.betweenness_samples is None
    exact = nx.betweenness_centrality(analysis.actors)
    assert all(abs(m.betweenness - exact[n]) < 1e-6 for n, m in analysis.measures.items())
    top = max(analysis.measures.values(), key=lambda m: m.betweenness)
    assert top.iri == TRUMP  # the speaker and actor linking most of the others
    assert analysis.measures[LAVROV].betweenness == 0.0  # a leaf bridges nothing


def test_betweenness_is_sampled_above_the_threshold() -> None:
    g = nx.relabel_nodes(nx.connected_watts_strogatz_graph(400, 4, 0.1, seed=1), str)
    values, k = betweenness(g, seed=3, threshold=100, samples=25)
    assert k == 25
    sampled = nx.betweenness_centrality(g, k=25, seed=3)
    assert all(abs(values[n] - sampled[n]) < 1e-6 for n in g)
    assert betweenness(g, seed=3, threshold=100, samples=25) == (values, k)  # seeded
    exact, none = betweenness(g, threshold=400)
    assert none is None and exact != values


def test_analyze_samples_betweenness_on_a_big_graph() -> None:
    big = ring(300)
    sampled = analyze(big, betweenness_threshold=50, betweenness_samples=10, seed=2)
    assert sampled.betweenness_samples == 10
    assert "betweenness sampled from 10 sources (seed 2)" in report_markdown(sampled)
    exact = analyze(big, betweenness_threshold=300)
    assert exact.betweenness_samples is None
    assert "betweenness exact" in report_markdown(exact)


def test_pagerank_sums_to_one(analysis: Analysis) -> None:
    assert abs(sum(m.pagerank for m in analysis.measures.values()) - 1) < 1e-4
    assert analysis.ranking()[0].iri == TRUMP
    assert pagerank(nx.Graph()) == {}


def test_louvain_is_deterministic(seed: Graph, analysis: Analysis) -> None:
    again = analyze(seed)
    assert again.communities == analysis.communities
    assert {n: m.community for n, m in again.measures.items()} == {
        n: m.community for n, m in analysis.measures.items()
    }
    big = nx.relabel_nodes(nx.gnm_random_graph(300, 900, seed=5), lambda n: f"actor/{n}")
    assert communities(big, seed=4) == communities(big, seed=4)


def test_louvain_is_deterministic_across_processes() -> None:
    """String hashing differs between processes; the communities must not."""
    code = (
        "import networkx as nx\n"
        "from kg.analyze import communities\n"
        "g = nx.relabel_nodes(nx.gnm_random_graph(300, 900, seed=5), lambda n: f'actor/{n}')\n"
        "print(communities(g, seed=4))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": str(hash_seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for hash_seed in (1, 2)
    }
    assert len(outputs) == 1


def test_communities_cover_actors_once_and_never_join_components(analysis: Analysis) -> None:
    members = [n for group in analysis.communities for n in group]
    assert sorted(members) == sorted(analysis.actors.nodes)
    component = {n: i for i, c in enumerate(nx.connected_components(analysis.actors)) for n in c}
    assert all(len({component[n] for n in group}) == 1 for group in analysis.communities)
    sizes = [len(group) for group in analysis.communities]
    assert sizes == sorted(sizes, reverse=True)
    assert analysis.measures[UKR].community != analysis.measures[RUS].community


# ---------------------------------------------------------------------------
# Connections, pair summaries, timeline
# ---------------------------------------------------------------------------


def test_shortest_connection_lists_events_along_each_step(analysis: Analysis) -> None:
    found = connection(analysis, TRUMP, LAVROV)
    assert found is not None
    assert found.actors == (TRUMP, PUTIN, TILLERSON, LAVROV)
    assert [(s.source, s.target) for s in found.steps] == list(
        zip(found.actors, found.actors[1:], strict=False)
    )
    for step in found.steps:
        assert step.events, step
        assert all({step.source, step.target} <= set(e.roles) for e in step.events)
    assert [e.cls for e in found.steps[-1].events] == ["Meeting"]


def test_no_connection_to_an_isolated_actor(analysis: Analysis) -> None:
    assert connection(analysis, TRUMP, UKR) is None
    same = connection(analysis, TRUMP, TRUMP)
    assert same is not None and same.steps == ()
    with pytest.raises(ActorLookupError):
        connection(analysis, TRUMP, NS + "person/nobody")


def test_pair_summary_adds_the_directed_dyads_of_their_sides(analysis: Analysis) -> None:
    summary = pair_summary(analysis, TRUMP, LAVROV)
    assert summary.direct.count == 0
    assert summary.sides is not None
    there, back = summary.sides
    assert (there.a, there.b, there.count) == (USA, RUS, 4)
    assert (back.a, back.b, back.count) == (RUS, USA, 3)
    assert pair_summary(analysis, TRUMP, TILLERSON).sides is None  # same side
    sides = pair_summary(analysis, USA, RUS).sides  # already sides: the same dyads
    assert sides is not None and [d.count for d in sides] == [4, 3]
    # The dyad table says the same.
    table = {(d.a, d.b): d.count for d in analysis.dyads}
    assert (table[USA, RUS], table[RUS, USA]) == (4, 3)


def test_timeline_sorted_by_date_then_iri(analysis: Analysis) -> None:
    keys = [(e.date, e.iri) for e in analysis.timeline]
    assert keys == sorted(keys)
    assert analysis.timeline[0].cls == "Attack" and analysis.timeline[0].date == "2017-04-04"
    g = tiny(
        {"country/A": ("Country", "A", None), "country/B": ("Country", "B", None)},
        [("Meeting", 1.0, None, {"country/A": "agent", "country/B": "target"})],
    )
    assert timeline(analyze(g).events) == []


# ---------------------------------------------------------------------------
# find_actor
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iri"),
    [
        ("russia", RUS),
        ("  RUSSIA ", RUS),
        ("US", USA),  # skos:altLabel
        ("president   trump", TRUMP),
        (PUTIN, PUTIN),
        ("pekr:country/CHN", CHN),
    ],
)
def test_find_actor(seed: Graph, name: str, iri: str) -> None:
    assert find_actor(seed, name) == iri


def test_find_actor_not_found_suggests_close_matches(seed: Graph) -> None:
    with pytest.raises(ActorLookupError, match="Vladimir Putin") as info:
        find_actor(seed, "Vladimir Puttin")
    assert "Vladimir Putin" in info.value.candidates
    with pytest.raises(LookupError, match="no actor named 'zzzz'$"):
        find_actor(seed, "zzzz")
    with pytest.raises(LookupError, match="not an actor"):
        find_actor(seed, NS + "place/white-house")


def test_find_actor_ambiguous_names_fail_unless_one_is_canonical() -> None:
    g = tiny(
        {
            "person/kim-jong-un": ("Person", "Kim Jong Un", None),
            "person/kim-yo-jong": ("Person", "Kim Yo Jong", None),
            "country/GEO": ("Country", "Georgia", None),
            "person/georgia-meloni": ("Person", "Giorgia Meloni", None),
        },
        [],
    )
    for local in ("person/kim-jong-un", "person/kim-yo-jong"):
        g.add((PEKR[local], SKOS.altLabel, Literal("Kim")))
    g.add((PEKR["person/georgia-meloni"], SKOS.altLabel, Literal("Georgia")))
    with pytest.raises(ActorLookupError, match="ambiguous") as info:
        find_actor(g, "kim")
    assert info.value.candidates == [NS + "person/kim-jong-un", NS + "person/kim-yo-jong"]
    assert find_actor(g, "georgia") == NS + "country/GEO"


# ---------------------------------------------------------------------------
# Measures as RDF
# ---------------------------------------------------------------------------


def test_measures_graph_conforms_with_the_seed(seed: Graph, analysis: Analysis) -> None:
    measures = measures_graph(analysis)
    report = validate(seed + measures)
    assert report.conforms, str(report)
    usa = URIRef(USA)
    for prop, datatype in [
        (PEK.degree, XSD.integer),
        (PEK.weightedDegree, XSD.integer),
        (PEK.betweenness, XSD.decimal),
        (PEK.pagerank, XSD.decimal),
        (PEK.community, XSD.integer),
    ]:
        values = list(measures.objects(usa, prop))
        assert len(values) == 1 and isinstance(values[0], Literal), prop
        assert values[0].datatype == datatype, prop
    assert len(measures) == 5 * analysis.actors.number_of_nodes()
    pagerank_text = str(measures.value(URIRef(RUS), PEK.pagerank))
    assert re.fullmatch(r"0\.[0-9]{6}", pagerank_text), pagerank_text


def test_broken_measures_fail_the_shapes(seed: Graph, analysis: Analysis) -> None:
    measures = measures_graph(analysis)
    measures.add((URIRef(USA), PEK.degree, Literal(99)))
    measures.set((URIRef(RUS), PEK.pagerank, Literal(0.5)))  # xsd:double
    report = str(validate(seed + measures))
    assert "An actor has at most one pek:degree" in report
    assert "An actor has at most one pek:pagerank, an xsd:decimal between 0 and 1." in report


def test_write_analysis_is_atomic_and_deterministic(
    seed: Graph, analysis: Analysis, tmp_path: Path
) -> None:
    paths = write_analysis(analysis, tmp_path / "out", pair=(TRUMP, LAVROV))
    assert [p.name for p in paths] == ["report.md", "analysis.ttl"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["analysis.ttl", "report.md"]
    written = [p.read_bytes() for p in paths]
    assert isomorphic(Graph().parse(paths[1]), measures_graph(analysis))
    assert "## Trump and Sergey Lavrov" in paths[0].read_text(encoding="utf-8")
    write_analysis(analyze(seed), tmp_path / "out", pair=(TRUMP, LAVROV))
    assert [p.read_bytes() for p in paths] == written


# ---------------------------------------------------------------------------
# Markdown report
# ---------------------------------------------------------------------------


def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def _tables(text: str) -> list[list[str]]:
    tables: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith("|"):
            if not tables or not tables[-1]:
                tables.append([])
            tables[-1].append(line)
        elif tables and tables[-1]:
            tables.append([])
    return [t for t in tables if t]


def test_report_has_the_sections_and_tables(analysis: Analysis) -> None:
    text = report_markdown(analysis)
    for heading in ("# Knowledge graph analysis", "## Top actors", "## Dyads", "## Communities"):
        assert heading in text
    assert "## Timeline" in text
    assert "**620** triples, **13** events" in text
    assert (
        "| # | Actor | Kind | Degree | Weighted degree | Betweenness | PageRank | Community |"
        in text
    )
    assert re.search(r"^\| 1 \| Trump \| Person \| 7 \| 7 \| ", text, re.M)
    assert "| United States → Syria | 3 | Accusation 1, Attack 1, Statement 1 | -12 |" in text
    assert "**9** directed dyads" in text
    assert "same side" not in text  # no event within one side in the seed
    assert len(_tables(text)) == 3
    for table in _tables(text):
        assert len({_unescaped_pipes(line) for line in table}) == 1, table
    assert "## Trump" not in text  # no pair asked for


def test_report_counts_events_within_one_side_apart() -> None:
    g = tiny(
        {
            "country/A": ("Country", "Avalon", None),
            "person/x": ("Person", "X", "country/A"),
            "person/y": ("Person", "Y", "country/A"),
        },
        [("Accusation", -2.0, None, {"person/x": "agent", "person/y": "target"})],
    )
    text = report_markdown(analyze(g))
    assert "No dyads." in text
    assert "| Avalon | 1 | Accusation 1 |" in text


def test_report_pair_section(analysis: Analysis) -> None:
    text = report_markdown(analysis, pair=(TRUMP, LAVROV))
    assert "## Trump and Sergey Lavrov" in text
    assert (
        "Shortest connection (3 steps): Trump → Vladimir Putin → Rex Tillerson → Sergey Lavrov"
        in text
    )
    assert "Events between them, one acting on the other: no events" in text
    assert "- United States → Russia: 4 events: Meeting 2, Accusation 1, Statement 1" in text
    assert "- Russia → United States: 3 events: Meeting 2, Accusation 1; balance 0" in text
    alone = report_markdown(analysis, pair=(TRUMP, UKR))
    assert "No chain of shared events connects them." in alone


def test_report_escapes_hostile_text(seed: Graph) -> None:
    hostile = Graph()
    for triple in seed:
        hostile.add(triple)
    hostile.set((URIRef(TRUMP), RDFS.label, Literal("Evil | Trump\n| injected | row")))
    launch = next(hostile.subjects(PEK.trigger, Literal("launching", datatype=XSD.string)))
    evidence = hostile.value(launch, PEK.evidence)
    sentence = "He said | <script>alert(1)</script> [x](javascript:y)"
    hostile.set((evidence, PEK.sentence, Literal(sentence)))
    text = report_markdown(analyze(hostile), timeline=100)
    assert r"Evil \| Trump \| injected \| row" in text
    assert r"He said \| \<script\>alert(1)\</script\> \[x\](javascript:y)" in text
    assert "<script>" not in text and not re.search(r"(?<!\\)\]\(", text)
    for table in _tables(text):
        assert len({_unescaped_pipes(line) for line in table}) == 1, table
    assert "| Vladimir Putin |" in text  # ordinary labels are left alone


def test_markdown_cell() -> None:
    assert markdown_cell("a|b\r\nc") == r"a\|b c"
    assert markdown_cell("Bashar al-Assad") == "Bashar al-Assad"
    assert markdown_cell("x" * 10, width=5) == "xxxx…"
    assert markdown_cell("short", width=5) == "short"


def test_sparql_sorts_actors_by_centrality(seed: Graph, analysis: Analysis) -> None:
    rows = (seed + measures_graph(analysis)).query(
        """
        PREFIX pek: <https://w3id.org/pekg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?name ?rank WHERE { ?a pek:pagerank ?rank ; rdfs:label ?name }
        ORDER BY DESC(?rank) LIMIT 3
        """
    )
    assert [str(row[0]) for row in rows] == ["Trump", "Rex Tillerson", "Vladimir Putin"]
    assert (
        len(
            seed.query(
                "PREFIX pek: <https://w3id.org/pekg/ontology#> "
                "SELECT ?a WHERE { ?a pek:pagerank ?r }"
            )
        )
        == 0
    )
