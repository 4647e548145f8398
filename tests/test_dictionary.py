"""kg.dictionary: PETRARCH-format actor dictionaries, read and applied on the article's date."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg import dictionary
from kg.dictionary import DictionaryError, load, parse
from kg.model import Article
from kg.pipeline import build_articles
from kg.vocab import PEK, PEKR

ROOT = Path(__file__).resolve().parent.parent

DICTIONARY = """\
<!-- a made-up dictionary -->
JOHN_SMITH_  [GBRELI]   ; the default code
+J._SMITH
\t[GBRGOV 20190101-20221231]
\t[GBRMIL >230101]
ANNA_BERG_
\t[SWEGOV <991231]
ACME_LIBERATION_FRONT [COLREB]  # an armed group
"""


def test_codes_by_date() -> None:
    entries = parse(DICTIONARY)
    smith = entries["john smith"]
    assert entries["j. smith"] is smith
    assert smith.code_on(dt.date(2020, 6, 1)) == "GBRGOV"
    assert smith.code_on(dt.date(2019, 1, 1)) == "GBRGOV"  # limits included
    assert smith.code_on(dt.date(2024, 2, 1)) == "GBRMIL"
    assert smith.code_on(dt.date(2010, 1, 1)) == "GBRELI"  # none holds: the default
    assert smith.code_on(None) == "GBRELI"
    berg = entries["anna berg"]
    assert berg.code_on(dt.date(1995, 1, 1)) == "SWEGOV"
    assert berg.code_on(dt.date(2005, 1, 1)) is None  # no default
    assert entries["acme liberation front"].code_on(None) == "COLREB"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("\t[USAGOV 090101-100101]\n", "line 1: a date restriction before any actor"),
        ("+SMITH\n", "line 1: a synonym before any actor"),
        ("SMITH\n\t[USAGOV 2009-13-01-20100101]\n", "line 2: not a date"),
        ("SMITH\n\t[USAGOV sometime]\n", "line 2: not a date restriction"),
        ("SMITH [USA GOV]\n", "line 1: not a [CODE] after the phrase"),
    ],
)
def test_malformed_lines_name_the_file_and_line(text: str, message: str) -> None:
    with pytest.raises(DictionaryError) as err:
        parse(text, "d.txt")
    assert str(err.value).startswith("d.txt: ") and message in str(err.value)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="no such file"):
        load(tmp_path / "missing.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n")
    with pytest.raises(DictionaryError, match="no actors"):
        load(empty)
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(DictionaryError, match="UTF-8"):
        load(binary)


def _build(tmp_path: Path, text: str, date: dt.date | None) -> Graph:
    path = tmp_path / "actors.txt"
    path.write_text(DICTIONARY)
    article = Article(id="a", text=text, date=date)
    try:
        return build_articles([article], actors=path).graph
    finally:
        dictionary.use(None)


SMITH = PEKR["person/john-smith"]
GBR = PEKR["country/GBR"]


def test_person_gets_the_role_valid_on_the_article_date(tmp_path: Path) -> None:
    g = _build(tmp_path, "John Smith accused Russia of lying on Monday.", dt.date(2020, 5, 4))
    assert (SMITH, PEK.affiliation, GBR) in g
    titles = {str(g.value(role, PEK.title)) for role in g.objects(SMITH, PEK.holdsRole)}
    assert titles == {"government"}
    g = _build(tmp_path, "John Smith accused Russia of lying on Monday.", dt.date(2024, 5, 6))
    titles = {str(g.value(role, PEK.title)) for role in g.objects(SMITH, PEK.holdsRole)}
    assert titles == {"military"}


def test_organisation_gets_its_country(tmp_path: Path) -> None:
    g = _build(tmp_path, "The Acme Liberation Front attacked a convoy.", None)
    front = next(g.subjects(PEK.affiliation, PEKR["country/COL"]))
    assert str(front).startswith(str(PEKR["org/"]))


def test_names_not_in_the_dictionary_are_untouched(tmp_path: Path) -> None:
    g = _build(tmp_path, "Maria Lopez accused Russia of lying on Monday.", dt.date(2020, 5, 4))
    assert not list(g.triples((None, PEK.affiliation, None)))


def test_without_a_dictionary_nothing_is_added() -> None:
    article = Article(id="a", text="John Smith accused Russia of lying.", date=dt.date(2020, 5, 4))
    g = build_articles([article]).graph
    assert (SMITH, PEK.affiliation, GBR) not in g


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


def test_cli_build_with_actors_in_worker_processes(tmp_path: Path) -> None:
    (tmp_path / "actors.txt").write_text(DICTIONARY)
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(2):
        (docs / f"a{n}.txt").write_text(f"John Smith accused Russia of lying in speech {n}.\n")
        (docs / f"a{n}.json").write_text('{"date": "2020-05-04"}')
    out = tmp_path / "out"
    result = _kg(
        "build",
        str(docs),
        "-o",
        str(out),
        "--actors",
        str(tmp_path / "actors.txt"),
        "--workers",
        "2",
    )
    assert result.returncode == 0, result.stderr
    g = Graph().parse(out / "graph.ttl")
    assert (URIRef(SMITH), PEK.affiliation, URIRef(GBR)) in g
    again = _kg("build", str(docs), "-o", str(out), "--workers", "1")  # without: rebuilt
    assert "2 built" in again.stdout
    assert (URIRef(SMITH), PEK.affiliation, URIRef(GBR)) not in Graph().parse(out / "graph.ttl")


def test_cli_bad_dictionary_is_one_line_and_builds_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("+ORPHAN\n")
    out = tmp_path / "out"
    result = _kg("build", "data/articles", "-o", str(out), "--actors", str(bad))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"kg: {bad}: line 1: a synonym before any actor"]
    assert not (out / "graph.ttl").exists()


# ------------------------------------------------ the built-in leaders dictionary

PUTIN = PEKR["person/putin"]
RUS = PEKR["country/RUS"]


def _graph(text: str, date: dt.date) -> Graph:
    return build_articles([Article(id="a", text=text, date=date)]).graph


def test_a_leader_named_without_a_country_is_tied_to_the_one_they_served() -> None:
    g = _graph("Putin accused Turkey of lying.", dt.date(2016, 1, 5))
    assert (PUTIN, PEK.affiliation, RUS) in g
    assert not list(g.objects(PUTIN, PEK.holdsRole))  # the list gives no title


def test_a_leader_out_of_office_is_still_tied_to_the_country() -> None:
    g = _graph("Putin accused Turkey of lying.", dt.date(1995, 1, 5))
    assert (PUTIN, PEK.affiliation, RUS) in g


def test_a_country_the_article_states_wins_over_the_built_in_one() -> None:
    text = "Ukrainian Foreign Minister Vladimir Putin accused Turkey of lying."
    g = _graph(text, dt.date(2016, 1, 5))
    person = PEKR["person/vladimir-putin"]
    assert (person, PEK.affiliation, PEKR["country/UKR"]) in g
    assert (person, PEK.affiliation, RUS) not in g


def test_an_unlisted_person_is_tied_to_no_country() -> None:
    g = _graph("Maria Lopez accused Turkey of lying.", dt.date(2016, 1, 5))
    assert not list(g.triples((None, PEK.affiliation, None)))


def test_the_built_in_dictionary_parses_with_thousands_of_phrases() -> None:
    assert len(dictionary.builtin()) > 1000


def test_a_surname_two_listed_relatives_share_gives_their_country(nlp) -> None:
    # 2016: Bashar al-Assad in power, Maher al-Assad in command: which one is open
    from conftest import extract_text

    x = extract_text(nlp, "Kerry urged Lavrov to press Assad.", dt.date(2016, 1, 1))
    assert x.actors["person:assad"].affiliation == "country:SYR"


def test_a_distinctive_surname_of_no_one_in_office_gives_the_listed_country(nlp) -> None:
    # 2016: Donald Trump, listed, was a candidate, in no office
    from conftest import extract_text

    x = extract_text(nlp, "Kerry urged Lavrov to press Trump.", dt.date(2016, 1, 1))
    assert x.actors["person:trump"].affiliation == "country:USA"


def test_a_common_surname_of_no_one_in_office_gives_no_country(nlp) -> None:
    # 2005: Boris Johnson, listed, held no office, and Johnson may be anyone
    from conftest import extract_text

    x = extract_text(nlp, "Kerry urged Lavrov to press Johnson.", dt.date(2005, 1, 1))
    assert x.actors["person:johnson"].affiliation is None
