"""The query library (``queries/*.rq``): well-formed, engine-independent, right on the seed graph.

Every query runs on both engines against ``tests/data/seed.golden.ttl`` (the graph of the
sample article) and must give the same result set; each also has a test of facts that
are really in the seed graph.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib.term import Identifier, Literal, Node

from kg import query as q

SEED = Path(__file__).parent / "data" / "seed.golden.ttl"
LIBRARY = q.library()
#: Built from "Russia did not meet China on Monday. Germany plans to visit France next
#: week. Japan met South Korea on Tuesday." (the seed has no unrealised event).
UNREALISED = Path(__file__).parent / "data" / "unrealised.ttl"

#: Bindings for the parameterised queries, chosen so that they have rows on the seed graph.
BINDINGS: dict[str, dict[str, str]] = {
    "dyad": {"a": "Russia", "b": "United States"},
}

_GROUP_CONCAT = re.compile(
    r"GROUP_CONCAT\s*\(.*?(?:separator\s*=\s*\"(?P<sep>[^\"]*)\")?\s*\)\s*AS\s+\?(?P<var>\w+)",
    re.I | re.S,
)
_PREFIX = re.compile(r"^\s*PREFIX\s+([\w-]*):", re.I | re.M)


@pytest.fixture(scope="module")
def graph() -> list[Path]:
    """The seed graph file, used as it is (the article is not rebuilt)."""
    assert SEED.is_file(), SEED
    return [SEED]


def _bindings(values: dict[str, str]) -> dict[str, Identifier]:
    return dict(q.parse_binding(f"{name}={value}") for name, value in values.items())


def _str(term: Node | None) -> str | None:
    return None if term is None else str(term)


def select(
    graph: list[Path], name: str, engine: str = "rdflib", **bindings: str
) -> list[dict[str, str | None]]:
    """Run a library query and return its rows as dicts of strings (``None`` if unbound)."""
    entry = LIBRARY[name]
    binds = _bindings(bindings)
    q.check_params(entry, binds)
    result = q.run(graph, entry.text, engine, binds)
    assert result.kind == "select", name
    return [dict(zip(result.variables, map(_str, row), strict=True)) for row in result.rows]


def _body(text: str) -> str:
    """The query without its comment lines."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def _parts(value: str | None, sep: str) -> tuple[str, ...] | None:
    return None if value is None else tuple(sorted(value.split(sep)))


# ---------------------------------------------------------------------------
# The library is well formed
# ---------------------------------------------------------------------------


def test_library_has_the_required_queries() -> None:
    required = {
        "meetings",
        "attacks",
        "votes",
        "quotes",
        "accusations",
        "roles",
        "dyad",
        "timeline",
        "actors",
    }
    assert required <= set(LIBRARY)


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_description_and_params(name: str) -> None:
    entry = LIBRARY[name]
    first = entry.text.lstrip().splitlines()[0]
    assert first.startswith("#") and not re.match(r"#\s*param\s", first), (
        f"{name}: the first line must be a comment saying what the query answers"
    )
    assert entry.description, f"{name}: empty description"
    assert len(entry.description) <= 120, f"{name}: description longer than a line"
    body = _body(entry.text)
    for param, description in entry.params.items():
        assert description, f"{name}: param {param} has no description"
        assert re.search(rf"[?$]{param}\b", body), f"{name}: param {param} is never used"
    assert set(entry.params) == set(BINDINGS.get(name, {})), (
        f"{name}: give the engine test bindings for exactly its params"
    )


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_query_declares_its_own_prefixes(name: str) -> None:
    """A library query runs anywhere (YASGUI, another store): no predeclared prefix needed."""
    import pyoxigraph as ox

    text = LIBRARY[name].text
    used = set(re.findall(r"(?<![\w<\"'#/])([a-z][\w-]*):(?=[\w(/])", _body(text)))
    declared = set(_PREFIX.findall(text))
    assert used <= declared, f"{name}: undeclared prefixes {sorted(used - declared)}"
    ox.Store().query(text)  # parses without the contract's prefixes


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_query_is_ordered(name: str) -> None:
    """Output is deterministic: every SELECT in the library ends with ORDER BY."""
    body = _body(LIBRARY[name].text)
    outer = body[body.rindex("}") :]
    assert re.search(r"\bORDER\s+BY\b", outer, re.I), f"{name}: no ORDER BY on the outer query"


def test_missing_params_raise_query_error() -> None:
    entry = LIBRARY["dyad"]
    with pytest.raises(q.QueryError, match="--bind a=.*--bind b="):
        q.check_params(entry, {})
    with pytest.raises(q.QueryError, match="--bind b=") as err:
        q.check_params(entry, _bindings({"a": "Russia"}))
    assert "--bind a=" not in str(err.value)
    q.check_params(entry, _bindings({"a": "Russia", "b": "US"}))
    q.check_params(LIBRARY["timeline"], {})


# ---------------------------------------------------------------------------
# Both engines give the same answers
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_engines_agree(graph: list[Path], name: str) -> None:
    """rdflib and oxigraph return the same result set (GROUP_CONCATs compared as sets)."""
    entry = LIBRARY[name]
    binds = _bindings(BINDINGS.get(name, {}))
    concat = {m.group("var"): m.group("sep") or " " for m in _GROUP_CONCAT.finditer(entry.text)}
    answers = {}
    paths = graph + [UNREALISED] if name == "unrealised" else graph
    for engine in q.ENGINES:
        result = q.run(paths, entry.text, engine, binds)
        assert result.kind == "select"
        rows = []
        for row in result.rows:
            cells = dict(zip(result.variables, map(_str, row), strict=True))
            rows.append(
                tuple(
                    _parts(value, concat[var]) if var in concat else value
                    for var, value in cells.items()
                )
            )
        answers[engine] = (result.variables, sorted(rows, key=repr))
    (rdflib_vars, rdflib_rows), (ox_vars, ox_rows) = answers["rdflib"], answers["oxigraph"]
    assert rdflib_vars == ox_vars
    assert rdflib_rows, f"{name}: no rows on the seed graph"
    assert rdflib_rows == ox_rows


#: Aggregates and optional parts written as users write them (no library query needed).
AGGREGATES = {
    "count per class": """
        SELECT ?class (COUNT(?e) AS ?n) WHERE {
          ?e a pek:Event, ?c . FILTER(?c != pek:Event)
          BIND(STRAFTER(STR(?c), "#") AS ?class)
        } GROUP BY ?class""",
    "group_concat of sides": """
        SELECT ?e (GROUP_CONCAT(DISTINCT ?name; separator="|") AS ?names) WHERE {
          ?e a pek:Event ; pek:participant/rdfs:label ?name
        } GROUP BY ?e""",
    "optional date and count distinct": """
        SELECT ?kind (COUNT(DISTINCT ?a) AS ?actors) (COUNT(?d) AS ?dated) WHERE {
          ?a a pek:Actor, ?k . FILTER(?k != pek:Actor)
          BIND(STRAFTER(STR(?k), "#") AS ?kind)
          OPTIONAL { ?e pek:agent ?a ; pek:date ?d }
        } GROUP BY ?kind""",
    "optional without a match, sum and max": """
        SELECT ?e (SUM(COALESCE(?deaths, 0)) AS ?toll) (MAX(?g) AS ?worst) WHERE {
          ?e a pek:Attack ; pek:goldstein ?g .
          OPTIONAL { ?e pek:deaths ?deaths }
        } GROUP BY ?e""",
    "having and order": """
        SELECT ?who (COUNT(?e) AS ?n) WHERE { ?e pek:agent/rdfs:label ?who }
        GROUP BY ?who HAVING (COUNT(?e) > 1) ORDER BY DESC(?n) ?who""",
}


def _value(term: Node | None) -> object:
    """A term compared by value: "-10.0" and "-10" as decimals are the same number."""
    return term.toPython() if isinstance(term, Literal) else _str(term)


@pytest.mark.parametrize("name", sorted(AGGREGATES))
def test_engines_agree_on_aggregates(graph: list[Path], name: str) -> None:
    text = AGGREGATES[name]
    concat = {m.group("var"): m.group("sep") or " " for m in _GROUP_CONCAT.finditer(text)}
    answers = {}
    for engine in q.ENGINES:
        result = q.run(graph, text, engine, {})
        rows = [
            tuple(
                _parts(_str(t), concat[v]) if v in concat else _value(t)
                for v, t in zip(result.variables, row, strict=True)
            )
            for row in result.rows
        ]
        answers[engine] = (result.variables, sorted(rows, key=repr))
    assert answers["rdflib"][1], f"{name}: no rows on the seed graph"
    assert answers["rdflib"] == answers["oxigraph"]


# ---------------------------------------------------------------------------
# Facts of the seed graph
# ---------------------------------------------------------------------------


def test_meetings(graph: list[Path]) -> None:
    rows = select(graph, "meetings")
    meetings = {(r["date"], _parts(r["participants"], "; "), r["place"]) for r in rows}
    assert meetings == {
        ("2017-04-12", ("Jens Stoltenberg", "Trump"), "White House"),
        ("2017-04-12", ("Rex Tillerson", "Vladimir Putin"), "Kremlin"),
        ("2017-04-12", ("Rex Tillerson", "Sergey Lavrov"), None),
    }
    assert len({r["meeting"] for r in rows}) == len(rows), "one row per meeting"
    assert all(r["participants"] == "; ".join(_parts(r["participants"], "; ")) for r in rows)


def test_attacks(graph: list[Path]) -> None:
    rows = select(graph, "attacks")
    strike = [r for r in rows if (r["agentSide"], r["targetSide"]) == ("United States", "Syria")]
    assert len(strike) == 1
    assert strike[0]["agent"] == "Trump"
    assert strike[0]["quantity"] == "59"
    assert "missiles" in (strike[0]["instrument"] or "")
    assert "59 cruise missiles" in (strike[0]["sentence"] or "")
    chemical = [r for r in rows if r["deaths"] is not None]
    assert len(chemical) == 1
    assert chemical[0]["agent"] == "Bashar al-Assad"
    assert chemical[0]["agentSide"] == "Syria"
    assert chemical[0]["instrument"] == "chemical weapons"
    assert (chemical[0]["deathsQualifier"], chemical[0]["deaths"]) == ("at least", "87")
    assert chemical[0]["date"] == "2017-04-04"
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


def test_votes(graph: list[Path]) -> None:
    rows = select(graph, "votes")
    assert {(r["voter"], r["choice"]) for r in rows} == {("Russia", "Veto"), ("China", "Abstain")}
    assert {r["body"] for r in rows} == {"UN Security Council"}
    assert all("Syria" in (r["motion"] or "") for r in rows)
    assert {r["date"] for r in rows} == {"2017-04-12"}


def test_quotes(graph: list[Path]) -> None:
    rows = select(graph, "quotes")
    by_speaker: dict[str | None, list[str]] = {}
    for r in rows:
        by_speaker.setdefault(r["speaker"], []).append(r["quote"] or "")
    assert set(by_speaker) == {"Trump", "Rex Tillerson", "Vladimir Putin"}
    assert len(by_speaker["Trump"]) == 10
    assert "productive talks" in by_speaker["Rex Tillerson"]
    assert any("level of trust" in text for text in by_speaker["Vladimir Putin"])
    assert {r["article"] for r in rows} == {"Trump: US-Russia relations may be at ‘all-time low’"}
    assert {r["date"] for r in rows} == {"2017-04-12"}
    # Within a speaker the quotes follow the article: Trump's headline quote comes first.
    assert by_speaker["Trump"][0] == "may be at an all-time low"


def test_accusations(graph: list[Path]) -> None:
    rows = select(graph, "accusations")
    assert {(r["accuser"], r["accused"]) for r in rows} == {
        ("United States", "Russia"),
        ("Russia", "United States"),
        ("United States", "Syria"),
    }
    putin = [r for r in rows if r["accuserActor"] == "Vladimir Putin"]
    assert [(r["accuser"], r["accused"], r["trigger"]) for r in putin] == [
        ("Russia", "United States", "ripping")
    ]
    tillerson = [r for r in rows if r["accuserActor"] == "Rex Tillerson"]
    assert [(r["accuser"], r["accused"], r["accusedActor"]) for r in tillerson] == [
        ("United States", "Syria", "Bashar al-Assad")
    ]
    assert rows[0]["date"] == "2017-04-11"


def test_roles(graph: list[Path]) -> None:
    roles = {(r["person"], r["title"], r["of"]) for r in select(graph, "roles")}
    assert {
        ("Sergey Lavrov", "Foreign Minister", "Russia"),
        ("Rex Tillerson", "Secretary of State", "United States"),
        ("Vladimir Putin", "President", "Russia"),
        ("Xi Jinping", "President", "China"),
        ("Jens Stoltenberg", "Secretary-General", "NATO"),
    } <= roles
    assert len(roles) == 7


def test_dyad(graph: list[Path]) -> None:
    rows = select(graph, "dyad", a="Russia", b="United States")
    pairs = {(r["class"], r["actorA"], r["actorB"], r["direction"]) for r in rows}
    assert pairs == {
        ("Accusation", "Russia", "United States", "b → a"),  # the US accused Russia
        ("Accusation", "Vladimir Putin", "United States", "a → b"),
        ("Meeting", "Vladimir Putin", "Rex Tillerson", "mutual"),
        ("Meeting", "Sergey Lavrov", "Rex Tillerson", "mutual"),
        ("Statement", "Russia", "Trump", "b → a"),  # Trump spoke about Russia and Putin
        ("Statement", "Vladimir Putin", "Trump", "b → a"),
    }
    assert all(r["sentence"] and r["date"] for r in rows)
    assert "Event" not in {r["class"] for r in rows}
    # Case-insensitive aliases and IRIs name the same actors.
    assert select(graph, "dyad", a="russia", b="us") == rows
    assert select(
        graph, "dyad", a="pekr:country/RUS", b="<https://w3id.org/pekg/id/country/USA>"
    ) == (rows)


def test_dyad_is_directed_and_co_voters_are_none(graph: list[Path]) -> None:
    assert select(graph, "dyad", a="China", b="Russia") == []  # they voted, on Syria
    rows = select(graph, "dyad", a="China", b="Syria")
    assert [(r["class"], r["direction"]) for r in rows] == [("Vote", "a → b")]


def test_dyad_without_common_events(graph: list[Path]) -> None:
    assert select(graph, "dyad", a="China", b="North Korea") == []
    # Both engines agree (test_engines_agree); the faster one checks the other pairs.
    assert select(graph, "dyad", "oxigraph", a="China", b="North Korea") == []
    assert select(graph, "dyad", "oxigraph", a="Ukraine", b="Russia") == []
    assert select(graph, "dyad", "oxigraph", a="Nobody At All", b="Russia") == []
    assert select(graph, "dyad", "oxigraph", a="Russia", b="Russia") == []


def test_timeline(graph: list[Path]) -> None:
    rows = select(graph, "timeline")
    dates = [r["date"] for r in rows]
    assert None not in dates
    assert dates == sorted(dates)
    assert len(rows) == 13 == len({r["event"] for r in rows})
    assert (rows[0]["date"], rows[0]["class"], rows[0]["participants"]) == (
        "2017-04-04",
        "Attack",
        "Bashar al-Assad",
    )
    assert "Event" not in {r["class"] for r in rows}
    assert {r["class"] for r in rows} == {
        "Accusation",
        "Attack",
        "Meeting",
        "Statement",
        "Support",
        "Vote",
    }
    vote = next(r for r in rows if r["class"] == "Vote")
    assert _parts(vote["participants"], "; ") == ("China", "Russia", "Syria", "UN Security Council")
    assert all(r["sentence"] == r["sentence"].strip() for r in rows if r["sentence"])


def test_actors(graph: list[Path]) -> None:
    rows = select(graph, "actors")
    ranked = [(r["actor"], r["class"], int(r["events"] or 0)) for r in rows]
    # Tillerson and Trump both take part in four events; the tie is broken by label.
    assert ranked[:3] == [
        ("Rex Tillerson", "Person", 4),
        ("Trump", "Person", 4),
        ("Vladimir Putin", "Person", 3),
    ]
    counts = [n for _, _, n in ranked]
    assert counts == sorted(counts, reverse=True)
    assert ("UN Security Council", "Organization", 1) in ranked
    assert ("Russia", "Country", 2) in ranked
    # Only actors that take part in an event: North Korea is merely talked about.
    assert "North Korea" not in {actor for actor, _, _ in ranked}


def test_support(graph: list[Path]) -> None:
    rows = select(graph, "support")
    assert [(r["supporter"], r["supported"], r["supporterActor"], r["trigger"]) for r in rows] == [
        ("United States", "China", "Trump", "praising")
    ]


def test_statements_about(graph: list[Path]) -> None:
    rows = select(graph, "statements-about")
    about = {(r["speaker"], r["about"], r["quotes"]) for r in rows}
    assert ("Trump", "Russia", "10") in about
    assert ("Rex Tillerson", "Bashar al-Assad", "5") in about
    assert ("Vladimir Putin", None, "1") in about


def test_every_query_has_a_fact_test() -> None:
    tested = {
        name.removeprefix("test_").replace("_", "-")
        for name in globals()
        if name.startswith("test_")
    }
    assert set(LIBRARY) <= tested


def test_unrealised(tmp_path: Path) -> None:
    """Negated and planned events are listed here, and nowhere else in the library."""
    import kg

    built = kg.build(
        [
            "Russia did not meet China on Monday. "
            "Germany plans to visit France next week. "
            "Japan met South Korea on Tuesday."
        ],
        date="2024-05-01",
    )
    path = built.serialize(tmp_path / "g.ttl")
    for engine in ("rdflib", "oxigraph"):
        rows = q.run([path], LIBRARY["unrealised"].text, engine).rows
        got = {(str(r[1]), str(r[2])) for r in rows}
        assert ("negated", "Meeting") in got and ("planned", "Meeting") in got
        meetings = q.run([path], LIBRARY["meetings"].text, engine).rows
        assert len(meetings) == 1 and "Japan" in str(meetings[0][1])
    # The sample's one unrealised event: Trump "had yet to speak with" Tillerson.
    seed_rows = q.run([SEED], LIBRARY["unrealised"].text, "rdflib").rows
    assert [(str(r[1]), str(r[2])) for r in seed_rows] == [("negated", "Meeting")]
    assert "speak" in [str(v) for v in seed_rows[0]]


def test_dyad_counts_a_doer_with_partners_as_the_analysis_does(tmp_path: Path) -> None:
    from rdflib import Graph

    from kg.analyze import analyze, dyad

    ttl = tmp_path / "hosted.ttl"
    ttl.write_text(
        """
        @prefix pek: <https://w3id.org/pekg/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @base <https://w3id.org/pekg/id/> .
        <event/x/1> a pek:Event, pek:Meeting ; pek:agent <country/RUS> ;
            pek:participant <country/RUS>, <country/CHN> ; pek:date "2022-01-01" .
        <country/RUS> a pek:Actor, pek:Country ; rdfs:label "Russia" .
        <country/CHN> a pek:Actor, pek:Country ; rdfs:label "China" .
        """
    )
    for engine in q.ENGINES:
        rows = select([ttl], "dyad", engine, a="Russia", b="China")
        assert [(r["class"], r["direction"]) for r in rows] == [("Meeting", "a → b")], engine
    analysis = analyze(Graph().parse(ttl))
    rus, chn = "https://w3id.org/pekg/id/country/RUS", "https://w3id.org/pekg/id/country/CHN"
    assert dyad(analysis.countries, rus, chn).count == 1
    assert dyad(analysis.countries, chn, rus).count == 0
