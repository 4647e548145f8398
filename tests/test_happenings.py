"""One event per happening across articles (kg.happenings), through real builds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg import happenings
from kg.vocab import PEK

ROOT = Path(__file__).resolve().parent.parent

WIRE_A = (
    "Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing "
    "on Monday.\n\nRussian troops shelled Kharkiv on Monday, killing four civilians.\n",
    '{"date": "2022-03-01", "source": "Wire A"}',
)
WIRE_B = (
    "Sergei Lavrov held talks with Wang Yi in Beijing on Monday, the ministry said.\n\n"
    "Russian forces shelled Kharkiv on Tuesday, killing four civilians, officials said.\n",
    '{"date": "2022-03-02", "source": "Wire B"}',
)
WIRE_C = (
    "Lavrov and Wang Yi met in Beijing on Monday.\n\nRussian troops shelled Odesa on Friday.\n",
    '{"date": "2022-03-05", "source": "Wire C"}',
)


def write(folder: Path, name: str, article: tuple[str, str]) -> None:
    (folder / f"{name}.txt").write_text(article[0], encoding="utf-8")
    (folder / f"{name}.json").write_text(article[1], encoding="utf-8")


def build(src: Path, out: Path, *extra: str) -> Dataset:
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(src), "-o", str(out), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    graph = Dataset(default_union=True)
    graph.parse(out / "graph.ttl", format="turtle")
    return graph


def realised(graph: Graph, cls: URIRef) -> list[URIRef]:
    return sorted(
        URIRef(e)
        for e in graph.subjects(RDF.type, cls)
        if graph.value(e, PEK.modality) is None  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Dataset]:
    src = tmp_path_factory.mktemp("src")
    write(src, "a", WIRE_A)
    write(src, "b", WIRE_B)
    out = tmp_path_factory.mktemp("out")
    return src, out, build(src, out)


def test_two_outlets_reporting_one_meeting_and_one_attack_make_two_events(
    two: tuple[Path, Path, Dataset],
) -> None:
    _, _, graph = two
    [meeting] = realised(graph, PEK.Meeting)
    [attack] = realised(graph, PEK.Attack)
    for event in (meeting, attack):
        assert graph.value(event, PEK.articleCount) == Literal(2)
        articles = {str(a).rsplit("/", 1)[1] for a in graph.objects(event, PROV.wasDerivedFrom)}
        assert articles == {"a", "b"}
        assert len(set(graph.objects(event, PEK.evidence))) == 2
        assert "/event/a/" in str(event)  # the earliest article's report names the node
        assert len(set(graph.objects(event, PEK.confidence))) == 1
        assert len(set(graph.objects(event, PEK.date))) == 1
    assert str(graph.value(attack, PEK.date)) == "2022-02-28"  # Monday, not b's Tuesday


def test_the_graph_still_conforms(two: tuple[Path, Path, Dataset]) -> None:
    from kg.validate import validate

    _, _, graph = two
    assert validate(graph).conforms


def test_a_later_article_updates_the_count_not_the_iri(
    two: tuple[Path, Path, Dataset], tmp_path: Path
) -> None:
    src, _, before = two
    [meeting] = realised(before, PEK.Meeting)
    grown = tmp_path / "src"
    grown.mkdir()
    for name, article in (("a", WIRE_A), ("b", WIRE_B), ("c", WIRE_C)):
        write(grown, name, article)
    out = tmp_path / "out"
    first = build(src, out)  # the first two, then the third added to the same build
    assert realised(first, PEK.Meeting) == [meeting]
    after = build(grown, out)
    assert realised(after, PEK.Meeting) == [meeting]
    assert after.value(meeting, PEK.articleCount) == Literal(3)
    attacks = realised(after, PEK.Attack)
    assert len(attacks) == 2  # Odesa on Friday is another attack
    counts = sorted(int(after.value(a, PEK.articleCount)) for a in attacks)  # type: ignore[arg-type]
    assert counts == [1, 2]


def test_parallel_builds_merge_the_same_way(
    two: tuple[Path, Path, Dataset], tmp_path: Path
) -> None:
    src, out, _ = two
    parallel = tmp_path / "parallel"
    build(src, parallel, "--workers", "2")
    assert (parallel / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()


def _nt(iri: str, cls: str, agent: str, date: str, place: str | None = None) -> str:
    lines = [
        f"<{iri}> <{happenings.RDF_TYPE}> <{happenings.PEK_NS}{cls}> .",
        f"<{iri}> <{happenings.PEK_NS}agent> <https://w3id.org/pekg/id/country/{agent}> .",
        f'<{iri}> <{happenings.PEK_NS}date> "{date}"^^<{happenings.XSD_NS}date> .',
        f'<{iri}> <{happenings.PEK_NS}confidence> "0.7"^^<{happenings.XSD_NS}decimal> .',
    ]
    if place:
        lines.append(
            f"<{iri}> <{happenings.PEK_NS}place> <https://w3id.org/pekg/id/place/{place}> ."
        )
    return "".join(line + "\n" for line in lines)


E = "https://w3id.org/pekg/id/event/"


def test_what_is_not_one_happening_stays_apart() -> None:
    found = happenings.find_merges(
        [
            ("a", "2022-03-01", _nt(E + "a/1", "Attack", "RUS", "2022-03-01", "kyiv")),
            ("b", "2022-03-02", _nt(E + "b/1", "Attack", "RUS", "2022-03-01", "odesa")),  # place
            ("c", "2022-03-05", _nt(E + "c/1", "Attack", "RUS", "2022-03-04")),  # three days on
            ("d", "2022-03-01", _nt(E + "d/1", "Meeting", "RUS", "2022-03-01")),  # class
            ("e", "2022-03-01", _nt(E + "e/1", "Attack", "UKR", "2022-03-01")),  # side
        ]
    )
    assert found.canonical == {}
    assert set(found.counts.values()) == {1}


def test_a_merged_report_keeps_only_its_shared_facts() -> None:
    a, b = (
        _nt(E + "a/1", "Attack", "RUS", "2022-03-01"),
        _nt(E + "b/1", "Attack", "RUS", "2022-03-02"),
    )
    found = happenings.find_merges([("b", "2022-03-02", b), ("a", "2022-03-01", a)])
    assert found.canonical == {E + "b/1": E + "a/1"} and found.counts == {E + "a/1": 2}
    moved = happenings.rewrite_nt(b, found)
    assert E + "b/1" not in moved
    assert "confidence" not in moved and "date" not in moved  # the node keeps a's
    assert f"<{E}a/1> <{happenings.PEK_NS}agent>" in moved
    assert sorted(happenings.rewrite_nt(a, found).splitlines()) == sorted(a.splitlines())


def test_votes_merge_without_doubling_their_ballots() -> None:
    def vote(iri: str, date: str) -> str:
        ns, b = happenings.PEK_NS, f"{iri}/ballot/country-rus"
        return "".join(
            line + "\n"
            for line in (
                f"<{iri}> <{happenings.RDF_TYPE}> <{ns}Vote> .",
                f"<{iri}> <{ns}body> <https://w3id.org/pekg/id/org/un-security-council> .",
                f"<{iri}> <{ns}participant> <https://w3id.org/pekg/id/country/RUS> .",
                f'<{iri}> <{ns}date> "{date}"^^<{happenings.XSD_NS}date> .',
                f"<{iri}> <{ns}ballot> <{b}> .",
                f"<{b}> <{happenings.RDF_TYPE}> <{ns}Ballot> .",
                f"<{b}> <{ns}voter> <https://w3id.org/pekg/id/country/RUS> .",
            )
        )

    found = happenings.find_merges(
        [
            ("a", "2022-03-01", vote(E + "a/1", "2022-03-01")),
            ("b", "2022-03-02", vote(E + "b/1", "2022-03-01")),
        ]
    )
    assert found.canonical == {E + "b/1": E + "a/1"}
    assert set(found.counts) == {E + "a/1"}  # a ballot is no event: it gets no count
    moved = happenings.rewrite_nt(vote(E + "b/1", "2022-03-01"), found)
    assert "ballot" not in moved and E + "b/1" not in moved


def test_reports_cluster_by_the_first_date_and_by_place() -> None:
    found = happenings.find_merges(
        [
            ("a", "2022-03-01", _nt(E + "a/1", "Attack", "RUS", "2022-03-01", "kyiv")),
            ("b", "2022-03-02", _nt(E + "b/1", "Attack", "RUS", "2022-03-01", "odesa")),
            ("c", "2022-03-02", _nt(E + "c/1", "Attack", "RUS", "2022-03-02")),
            ("d", "2022-03-03", _nt(E + "d/1", "Attack", "RUS", "2022-03-03")),
        ]
    )
    # Kyiv and Odesa stay apart; the report with no place joins the latest it fits
    # (Odesa's); the one two days after the first stays alone.
    assert found.canonical == {E + "c/1": E + "b/1"}
    assert found.counts == {E + "a/1": 1, E + "b/1": 2, E + "d/1": 1}


def test_votes_of_other_bodies_or_ballots_stay_apart_and_a_later_toll_is_kept() -> None:
    ns = happenings.PEK_NS

    def vote(iri: str, body: str, choice: str) -> str:
        b = f"{iri}/ballot/country-rus"
        return "".join(
            line + "\n"
            for line in (
                f"<{iri}> <{happenings.RDF_TYPE}> <{ns}Vote> .",
                f"<{iri}> <{ns}body> <https://w3id.org/pekg/id/org/{body}> .",
                f"<{iri}> <{ns}target> <https://w3id.org/pekg/id/country/SYR> .",
                f'<{iri}> <{ns}date> "2022-03-01"^^<{happenings.XSD_NS}date> .',
                f"<{iri}> <{ns}ballot> <{b}> .",
                f"<{b}> <{ns}voter> <https://w3id.org/pekg/id/country/RUS> .",
                f"<{b}> <{ns}choice> <{ns}{choice}> .",
            )
        )

    apart = happenings.find_merges(
        [
            ("a", "2022-03-01", vote(E + "a/1", "un-security-council", "Veto")),
            ("b", "2022-03-01", vote(E + "b/1", "un-general-assembly", "Veto")),
            ("c", "2022-03-01", vote(E + "c/1", "un-security-council", "No")),
        ]
    )
    assert apart.canonical == {}
    toll = f'<{E}b/1> <{ns}deaths> "12"^^<{happenings.XSD_NS}integer> .\n'
    later = _nt(E + "b/1", "Attack", "RUS", "2022-03-01") + toll
    found = happenings.find_merges(
        [
            ("a", "2022-03-01", _nt(E + "a/1", "Attack", "RUS", "2022-03-01")),
            ("b", "2022-03-02", later),
        ]
    )
    moved = happenings.rewrite_nt(later, found)
    assert f"<{E}a/1> <{ns}deaths>" in moved  # the node lacked a toll: the later report's
    assert f"<{E}a/1> <{ns}confidence>" not in moved  # but it keeps its own confidence


def test_the_build_summary_counts_happenings(two: tuple[Path, Path, Dataset]) -> None:
    src, out, _ = two
    for _ in range(2):  # written, then unchanged
        done = subprocess.run(
            [sys.executable, "-m", "kg.cli", "build", str(src), "-o", str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr
        line = next(x for x in done.stdout.splitlines() if x.startswith("events:"))
        assert line.split(None, 1)[1] == "Attack 1, Meeting 1"
