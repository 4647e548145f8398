"""The ``kg`` command as a user runs it: subprocesses, exit codes, one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
DATA = Path(__file__).resolve().parent / "data"
GOOD = "Kenyan President William Ruto met with Ethiopian Prime Minister Abiy Ahmed in Nairobi."


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=300,
    )


def test_every_command_has_help() -> None:
    for command in ("build", "eval", "query", "validate", "analyze", "viz", "push", "serve"):
        result = kg(command, "--help")
        assert result.returncode == 0
        assert "usage: kg " + command in result.stdout
        assert "Example" in result.stdout


def test_build_writes_graph_and_summary(tmp_path: Path) -> None:
    result = kg("build", str(ARTICLES), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "articles: 1 built, 0 unchanged, 0 skipped, 1 in the graph" in result.stdout
    assert "Vote 1" in result.stdout
    graph = Graph().parse(tmp_path / "graph.ttl")
    assert len(graph) > 300
    assert result.stderr == ""
    assert not (tmp_path / "store").exists()  # kept only on request
    again = kg("build", str(ARTICLES), "-o", str(tmp_path), "--store")
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "store" / "CURRENT").is_file()  # the store kg query opens
    votes = kg("query", str(tmp_path), "votes", "--format", "csv")
    assert votes.returncode == 0 and "Russia" in votes.stdout, votes.stderr


def test_one_bad_article_does_not_stop_the_others(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (corpus / "latin1.txt").write_bytes("Caf\xe9 na\xefve".encode("latin-1"))
    result = kg("build", str(corpus), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "1 built, 0 unchanged, 3 skipped" in result.stdout
    assert "empty.txt: empty file" in result.stdout
    assert "binary.txt: binary file" in result.stdout
    assert "latin1.txt: not valid UTF-8" in result.stdout
    assert (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"  \n", "empty file"),
        ("binary.txt", b"\x89PNG\x00\x00\x00", "binary file"),
        ("bytes.txt", b"\xff\xfe\xfa broken", "not valid UTF-8"),
        (
            "german.txt",
            (
                "Die Bundesregierung hat am Mittwoch beschlossen, dass die neuen Regeln "
                "für die Einfuhr von Waren aus dem Ausland ab dem nächsten Monat gelten "
                "sollen, wie ein Sprecher des Ministeriums in Berlin mitteilte und dabei "
                "betonte, dass die Wirtschaft sich darauf einstellen müsse."
            ).encode(),
            "not English",
        ),
    ],
)
def test_bad_input_gives_one_line_and_no_output(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    out = tmp_path / "out"
    result = kg("build", str(path), "-o", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{name}: {message}" in result.stderr
    assert "nothing could be built" in result.stderr
    assert not (out / "graph.ttl").exists()


def test_huge_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = kg("build", str(path), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "huge.txt: file too large" in result.stderr
    assert "Traceback" not in result.stderr


def test_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("nothing here", encoding="utf-8")
    result = kg("build", str(tmp_path), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "no articles found" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_path_and_bad_date(tmp_path: Path) -> None:
    result = kg("build", str(tmp_path / "nope"), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "nope: no such file or directory" in result.stderr
    result = kg("build", str(ARTICLES), "-o", str(tmp_path), "--date", "12/04/2017")
    assert result.returncode == 2
    assert "not a date" in result.stderr


def test_unknown_model_is_one_line(tmp_path: Path) -> None:
    result = kg("build", str(ARTICLES), "-o", str(tmp_path), "--model", "xx_no_such_model")
    assert result.returncode == 1
    assert "xx_no_such_model is not installed" in result.stderr
    assert "python -m spacy download xx_no_such_model" in result.stderr  # how to install it
    assert "Traceback" not in result.stderr


def test_date_flag_fills_missing_metadata(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD.replace(".", " on Tuesday."), encoding="utf-8")
    result = kg("build", str(corpus), "-o", str(tmp_path / "out"), "--date", "2024-05-02")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert '"2024-04-30"^^xsd:date' in text


def test_formats(tmp_path: Path) -> None:
    for fmt, suffix in (("nt", "nt"), ("jsonld", "jsonld"), ("trig", "trig")):
        result = kg("build", str(ARTICLES), "-o", str(tmp_path), "--format", fmt)
        assert result.returncode == 0, result.stderr
        assert (tmp_path / f"graph.{suffix}").stat().st_size > 1000
        # Only the current build's graph is left: kg query OUT/ reads nothing stale.
        graphs = sorted(p.name for p in tmp_path.glob("graph.*"))
        assert graphs == [f"graph.{suffix}"]
    (tmp_path / "notes.ttl").write_text("")  # a file of the user's own stays
    assert kg("build", str(ARTICLES), "-o", str(tmp_path)).returncode == 0
    assert sorted(p.name for p in tmp_path.glob("*.ttl")) == ["graph.ttl", "notes.ttl"]


def test_eval_table_and_json(tmp_path: Path) -> None:
    result = kg("eval", str(DATA), "--articles", str(ARTICLES))
    assert result.returncode == 0, result.stderr
    assert "entities" in result.stdout and "quotes" in result.stdout
    result = kg(
        "eval",
        str(DATA / "2017-04-12-trump-us-russia-relations.gold.json"),
        "--articles",
        str(ARTICLES),
        "--json",
    )
    data = json.loads(result.stdout)
    assert data[0]["events"]["recall"] >= 0.8


def test_eval_missing_article_is_one_line(tmp_path: Path) -> None:
    shutil.copy(DATA / "2017-04-12-trump-us-russia-relations.gold.json", tmp_path)
    result = kg("eval", str(tmp_path), "--articles", str(tmp_path))
    assert result.returncode == 1
    assert "article file not found" in result.stderr
    assert "Traceback" not in result.stderr


# --------------------------------------------------------------------------- kg query

SEED = str(DATA / "seed.golden.ttl")


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_query_library_table(engine: str) -> None:
    result = kg("query", SEED, "votes", "--engine", engine)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["date", "body"]
    assert set(lines[1]) == {"-", " "}
    assert any("Russia" in line and "Veto" in line for line in lines)
    assert any("China" in line and "Abstain" in line for line in lines)
    assert lines[-1] == "(2 rows)"


def test_query_formats_follow_sparql_results() -> None:
    text = "SELECT ?voter ?choice WHERE { ?b pek:voter/rdfs:label ?voter ; pek:choice ?choice }"
    csv_out = kg("query", SEED, text, "--format", "csv")
    assert csv_out.returncode == 0, csv_out.stderr
    rows = csv_out.stdout.splitlines()
    assert rows[0] == "voter,choice"
    assert "Russia,https://w3id.org/pekg/ontology#Veto" in rows
    tsv_out = kg("query", SEED, text, "--format", "tsv").stdout.splitlines()
    assert tsv_out[0] == "?voter\t?choice"
    assert '"Russia"\t<https://w3id.org/pekg/ontology#Veto>' in tsv_out  # a plain string
    data = json.loads(kg("query", SEED, text, "--format", "json").stdout)
    assert data["head"]["vars"] == ["voter", "choice"]
    assert {"type": "uri", "value": "https://w3id.org/pekg/ontology#Abstain"} in [
        b["choice"] for b in data["results"]["bindings"]
    ]
    xml_out = kg("query", SEED, text, "--format", "xml")
    assert xml_out.returncode == 0, xml_out.stderr
    import xml.etree.ElementTree as ET

    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(xml_out.stdout)
    assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == ["voter", "choice"]
    uris = [u.text for u in root.findall("r:results/r:result/r:binding/r:uri", ns)]
    assert "https://w3id.org/pekg/ontology#Veto" in uris


def test_a_graph_as_json_ld_carries_its_context() -> None:
    construct = "CONSTRUCT { ?b pek:choice ?c } WHERE { ?b pek:choice ?c }"
    done = kg("query", SEED, construct, "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["@context"]["pek"] == "https://w3id.org/pekg/ontology#"
    assert len(Graph().parse(data=done.stdout, format="json-ld")) == 2


def test_query_file_and_bindings(tmp_path: Path) -> None:
    rq = tmp_path / "labels.rq"
    rq.write_text(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?x WHERE { ?x rdfs:label ?l FILTER(LCASE(STR(?l)) = LCASE(STR(?name))) }\n"
    )
    result = kg("query", SEED, str(rq), "--bind", "name=syria", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["x", "https://w3id.org/pekg/id/country/SYR"]


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_inline_query_of_any_length_on_one_line(engine: str) -> None:
    filters = " || ".join(f"STRLEN(?l) = {n}" for n in range(1, 80))
    text = f"SELECT ?l WHERE {{ ?c a pek:Country ; rdfs:label ?l FILTER({filters}) }} ORDER BY ?l"
    assert len(text) > 1024 and "\n" not in text
    result = kg("query", SEED, text, "--engine", engine, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "Syria" in result.stdout.splitlines()


def test_ask_exit_status_and_construct() -> None:
    yes = kg("query", SEED, "ASK { ?v a pek:Vote }")
    assert (yes.returncode, yes.stdout.strip()) == (0, "true")
    no = kg("query", SEED, "ASK { ?v a pek:Vote ; pek:body pekr:nothing }", "--engine", "oxigraph")
    assert (no.returncode, no.stdout.strip()) == (1, "false")
    graph = kg("query", SEED, "CONSTRUCT { ?b pek:choice ?c } WHERE { ?b pek:choice ?c }")
    assert graph.returncode == 0, graph.stderr
    assert len(Graph().parse(data=graph.stdout, format="turtle")) == 2


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_malformed_sparql_names_line_and_column(engine: str) -> None:
    result = kg("query", SEED, "SELECT ?x WHERE {\n  ?x ?p }", "--engine", engine)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("kg: inline query: line 2, column ")
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_unknown_query_name_suggests_close_matches() -> None:
    result = kg("query", SEED, "vote")
    assert result.returncode == 2
    assert "no query named 'vote'" in result.stderr and "votes" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_library_query_needs_its_parameters() -> None:
    result = kg("query", SEED, "dyad", "--bind", "a=Russia")
    assert result.returncode == 2
    assert "--bind b=" in result.stderr


def test_query_list_describes_every_query() -> None:
    result = kg("query", "--list")
    assert result.returncode == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert {"meetings", "attacks", "votes", "quotes", "roles", "dyad", "timeline"} <= set(names)
    assert all(len(line.split(None, 1)) == 2 for line in result.stdout.splitlines())


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file or directory"),
        ("<a> <b> .", "not valid ttl"),
    ],
)
def test_bad_graph_is_one_line(tmp_path: Path, content: str | None, expected: str) -> None:
    path = tmp_path / "g.ttl"
    if content is not None:
        path.write_text(content)
    for command in (["query", str(path), "votes"], ["validate", str(path)]):
        result = kg(*command)
        assert result.returncode == 1
        assert expected in result.stderr and str(path) in result.stderr
        assert len(result.stderr.splitlines()) == 1


def test_query_on_a_directory_and_several_files(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "a.ttl")
    (tmp_path / "b.nt").write_text(
        "<https://w3id.org/pekg/id/country/XXX> <http://www.w3.org/2000/01/rdf-schema#label> "
        '"Extra" .\n'
    )
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?x rdfs:label ?l }"
    one = kg("query", SEED, text, "--format", "csv").stdout.splitlines()[1]
    both = kg("query", str(tmp_path), text, "--format", "csv").stdout.splitlines()[1]
    assert int(both) == int(one) + 1


# --------------------------------------------------------------------------- kg validate


def test_validate_seed_conforms() -> None:
    result = kg("validate", SEED)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("conforms")


def test_validate_broken_graph_lists_violations(tmp_path: Path) -> None:
    graph = Graph().parse(SEED)
    vote = next(iter(graph.subjects(None, URIRef("https://w3id.org/pekg/ontology#Vote"))))
    ballot = next(iter(graph.objects(vote, URIRef("https://w3id.org/pekg/ontology#ballot"))))
    graph.remove((ballot, URIRef("https://w3id.org/pekg/ontology#choice"), None))
    broken = tmp_path / "broken.ttl"
    graph.serialize(broken, format="turtle")
    result = kg("validate", str(broken))
    assert result.returncode == 1
    assert result.stdout.startswith("does not conform: 1 violation")
    assert "pek:choice: A ballot must have exactly one pek:choice" in result.stdout


# --------------------------------------------------------------------------- kg push / serve


def test_push_to_a_closed_port_is_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = kg("push", SEED, "--endpoint", f"http://127.0.0.1:{port}/store")
    assert result.returncode == 1
    assert f"127.0.0.1:{port}" in result.stderr and len(result.stderr.splitlines()) == 1


def test_serve_then_push_and_query_over_http(tmp_path: Path) -> None:
    """kg serve answers a library query like the file does (the store tests go further)."""
    import os
    import signal
    import time
    import urllib.parse
    import urllib.request

    server = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", SEED],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert server.stdout is not None
        url = ""
        deadline = time.time() + 120
        while time.time() < deadline and not url:
            line = server.stdout.readline()
            if "/query" in line:
                url = line[line.index("http") :].split()[0]
        assert url, "kg serve printed no endpoint"
        query = "SELECT (COUNT(*) AS ?n) WHERE { ?b <https://w3id.org/pekg/ontology#choice> ?c }"
        request = urllib.request.Request(
            url + "?" + urllib.parse.urlencode({"query": query}),
            headers={"Accept": "text/csv"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.read().decode().split() == ["n", "2"]
    finally:
        server.send_signal(signal.SIGINT)
        try:
            assert server.wait(timeout=30) == 0
        finally:
            if server.poll() is None:
                os.kill(server.pid, signal.SIGKILL)


# --------------------------------------------------------------------------- kg analyze


def test_analyze_writes_report_and_measures(tmp_path: Path) -> None:
    result = kg("analyze", SEED, "-o", str(tmp_path), "--between", "Trump", "sergey lavrov")
    assert result.returncode == 0, result.stderr
    report = (tmp_path / "report.md").read_text()
    assert "## Top actors" in report and "## Dyads" in report and "## Timeline" in report
    assert "Shortest connection" in report
    measures = Graph().parse(tmp_path / "analysis.ttl")
    ranked = kg(
        "query",
        SEED,
        str(tmp_path / "analysis.ttl"),
        "SELECT ?name WHERE { ?a pek:pagerank ?r ; rdfs:label ?name } ORDER BY DESC(?r) LIMIT 1",
        "--format",
        "csv",
    )
    assert ranked.returncode == 0 and len(ranked.stdout.splitlines()) == 2
    assert len(measures) >= 5 * 10
    # Analysing the output directory again ignores the measures written there.
    (tmp_path / "graph.ttl").write_text(Path(SEED).read_text())
    again = kg("analyze", str(tmp_path), "-o", str(tmp_path))
    assert again.returncode == 0, again.stderr
    assert len(Graph().parse(tmp_path / "analysis.ttl")) == len(measures)


def test_analyze_unknown_actor_is_a_usage_error(tmp_path: Path) -> None:
    result = kg("analyze", SEED, "-o", str(tmp_path), "--between", "Trump", "Nobody Atall")
    assert result.returncode == 2
    assert "no actor named 'Nobody Atall'" in result.stderr
    assert not (tmp_path / "report.md").exists()


# --------------------------------------------------------------------------- kg viz


def test_viz_writes_an_offline_page_and_a_screenshot(tmp_path: Path) -> None:
    page = tmp_path / "view.html"
    result = kg(
        "viz", SEED, "-o", str(page), "--mode", "events", "--screenshot", str(tmp_path / "v.png")
    )
    assert result.returncode == 0, result.stderr
    html = page.read_text()
    assert "<script src" not in html and "Vladimir Putin" in html
    assert (tmp_path / "v.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_viz_unknown_focus_is_a_usage_error(tmp_path: Path) -> None:
    result = kg("viz", SEED, "-o", str(tmp_path / "v.html"), "--focus", "Vladimir Puttin")
    assert result.returncode == 2
    assert "did you mean 'Vladimir Putin'" in result.stderr
    assert not (tmp_path / "v.html").exists()


# --------------------------------------------------------------------------- kg eval --plover


def test_eval_plover_smoke_with_floors() -> None:
    sample = str(DATA / "plover-sample.json")
    table = kg("eval", "--plover", sample)
    assert table.returncode == 0, table.stderr
    assert "overall" in table.stdout and "extra events per sentence" in table.stdout
    data = json.loads(kg("eval", "--plover", sample, "--json").stdout)
    assert data["records"] == 26
    assert data["overall"]["typed_rate"] >= 0.85 and data["overall"]["dyad_rate"] >= 0.75
    assert data["extra_events_per_sentence"] <= 0.25


def test_eval_plover_bad_file_and_mixed_modes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[{}]")
    result = kg("eval", "--plover", str(bad))
    assert result.returncode == 1 and "bad.json" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    mixed = kg("eval", "tests/data", "--plover", str(bad))
    assert mixed.returncode == 2
    neither = kg("eval")
    assert neither.returncode == 2 and "--plover" in neither.stderr


def test_a_line_separator_in_a_title_gives_a_graph_every_command_reads(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Russia accused China of lying on Monday.", encoding="utf-8")
    meta = {"title": "a\u2028b", "date": "2017-04-12"}
    (corpus / "a.json").write_text(json.dumps(meta), encoding="utf-8")
    out = tmp_path / "out"
    assert kg("build", str(corpus), "-o", str(out)).returncode == 0
    for engine in ("rdflib", "oxigraph"):
        result = kg("query", str(out / "graph.ttl"), "accusations", "--engine", engine)
        assert result.returncode == 0, result.stderr
        assert "Russia" in result.stdout
    result = kg("validate", str(out / "graph.ttl"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_second_build_into_a_locked_directory_is_one_line(tmp_path: Path) -> None:
    from kg.corpus import build_lock

    with build_lock(tmp_path):
        result = kg("build", str(ARTICLES), "-o", str(tmp_path))
    assert result.returncode == 1
    assert (
        result.stderr == f"kg: {tmp_path}: another build is writing to this directory; "
        "wait for it to finish, or build into another directory\n"
    )


@pytest.mark.parametrize("value", ["-1", "soon", "inf", "nan"])
def test_article_timeout_must_be_seconds(tmp_path: Path, value: str) -> None:
    result = kg("build", str(ARTICLES), "-o", str(tmp_path), "--article-timeout", value)
    assert result.returncode == 2
    assert "--article-timeout" in result.stderr and "Traceback" not in result.stderr


def test_jsonl_problems_name_line_and_column(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"text": GOOD}) + '\n{"text": "Russia met China.", "title": 5\n{"text": null}\n',
        encoding="utf-8",
    )
    result = kg("build", str(src), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert f"{src}:2: invalid JSON at column 41: Expecting ',' delimiter" in result.stdout
    assert f"{src}:3: field 'text' must be a string (got null)" in result.stdout


def _parsed(fmt: str, text: str) -> object:
    """SPARQL results as comparable data, whichever engine wrote them."""
    import csv as csv_module
    import io
    import xml.etree.ElementTree as ET

    string = "http://www.w3.org/2001/XMLSchema#string"
    if fmt == "csv":
        return list(csv_module.reader(io.StringIO(text.replace("\r\n", "\n"))))
    if fmt == "tsv":
        return text.replace("\r\n", "\n").splitlines()
    if fmt == "json":
        data = json.loads(text)
        for row in data["results"]["bindings"]:
            for term in row.values():
                if term.get("datatype") == string:
                    del term["datatype"]
        return data["head"]["vars"], data["results"]["bindings"]
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    rows = []
    for result in ET.fromstring(text).findall("r:results/r:result", ns):
        row = {}
        for binding in result.findall("r:binding", ns):
            term = binding[0]
            datatype = term.get("datatype")
            row[binding.get("name")] = (
                term.tag.split("}")[1],
                term.text,
                None if datatype == string else datatype,
            )
        rows.append(row)
    return rows


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml"])
def test_both_engines_write_the_same_results(fmt: str) -> None:
    for query in ("votes", "attacks", "roles"):
        out = {
            e: kg("query", SEED, query, "--format", fmt, "--engine", e)
            for e in ("rdflib", "oxigraph")
        }
        assert all(r.returncode == 0 for r in out.values()), {e: r.stderr for e, r in out.items()}
        assert _parsed(fmt, out["rdflib"].stdout) == _parsed(fmt, out["oxigraph"].stdout), query


def test_build_at_a_terminal_starts_no_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The progress bar is redrawn by the build, not by a thread of its own: workers are
    forked only from a process that runs one thread."""
    import threading

    from kg import cli, corpus

    before = threading.active_count()
    seen: list[int] = []
    real = corpus.build_corpus

    def counting(*args: object, **kwargs: object) -> corpus.CorpusResult:
        seen.append(threading.active_count())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "_interactive", lambda: True)
    monkeypatch.setattr(corpus, "build_corpus", counting)
    source = tmp_path / "a.txt"
    source.write_text(GOOD, encoding="utf-8")
    code = cli.main(["build", str(source), "-o", str(tmp_path / "out"), "--workers", "1"])
    assert code == 0, capsys.readouterr().err
    assert seen == [before]
    assert "1 in the graph" in capsys.readouterr().out
