"""Tests for kg.read: files and directories → Article records or ReadProblems."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest

from kg.model import Article
from kg.read import (
    MAX_BYTES,
    NoArticlesError,
    ReadError,
    ReadProblem,
    detect_language,
    iter_articles,
    looks_english,
    read_text,
    slug,
    unwrap,
)

ENGLISH = (
    "President Trump on Wednesday said relations between the United States and Russia "
    "may be at an all-time low, and suggested that the situation could get worse before "
    "it gets better. He said he had yet to speak with the Secretary of State about the "
    "talks in Moscow, which were held on the same day."
)
GERMAN = (
    "Die Bundesregierung hat am Mittwoch neue Sanktionen gegen Russland beschlossen. "
    "Außenministerin Baerbock sagte in Berlin, man werde den Druck auf Moskau weiter "
    "erhöhen, bis die Truppen aus der Ukraine abgezogen seien. Die Opposition kritisierte "
    "die Entscheidung als zu spät und forderte eine stärkere Unterstützung für Kiew."
)
FRENCH = (
    "Le président de la République a reçu mercredi son homologue allemand à l'Élysée pour "
    "discuter de la guerre en Ukraine. Les deux dirigeants ont appelé à un cessez-le-feu "
    "immédiat et ont promis de renforcer leur aide militaire à Kiev. Selon un communiqué "
    "publié dans la soirée, une nouvelle rencontre est prévue à Berlin le mois prochain."
)


def read(*paths: Path, **kwargs: object) -> list[Article | ReadProblem]:
    return list(iter_articles(paths, **kwargs))  # type: ignore[arg-type]


def only(*paths: Path, **kwargs: object) -> Article | ReadProblem:
    items = read(*paths, **kwargs)
    assert len(items) == 1, items
    return items[0]


def problem(*paths: Path, **kwargs: object) -> ReadProblem:
    item = only(*paths, **kwargs)
    assert isinstance(item, ReadProblem), item
    return item


def article(*paths: Path, **kwargs: object) -> Article:
    item = only(*paths, **kwargs)
    assert isinstance(item, Article), item
    return item


def write_json(path: Path, obj: object) -> Path:
    path.write_text(json.dumps(obj), encoding="utf-8")
    return path


# ------------------------------------------------------------------------- .txt


def test_txt_with_sidecar_reads_all_fields_and_normalises_newlines(tmp_path: Path) -> None:
    txt = tmp_path / "Trump Russia.txt"
    txt.write_bytes(b"\xef\xbb\xbfHeadline\r\n\r\n" + ENGLISH.encode() + b"\rEnd.\n")
    write_json(
        tmp_path / "Trump Russia.json",
        {
            "id": "NYP 2017/04/12",
            "title": "Trump: US-Russia relations may be at ‘all-time low’",
            "date": "2017-04-12",
            "source": "New York Post",
            "url": "https://nypost.com/2017/04/12/x/",
            "section": "Politics",
        },
    )
    a = article(txt)
    assert a.id == "nyp-2017-04-12"
    assert a.title == "Trump: US-Russia relations may be at ‘all-time low’"
    assert a.date == dt.date(2017, 4, 12)
    assert a.source == "New York Post"
    assert a.url == "https://nypost.com/2017/04/12/x/"
    assert a.path == str(txt)
    assert a.text == f"Headline\n\n{ENGLISH}\nEnd.\n"
    assert "\r" not in a.text and not a.text.startswith("\ufeff")
    start = a.text.index("President")
    assert a.text[start : start + len("President Trump")] == "President Trump"


def test_txt_sidecar_accepts_iso_datetime(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    write_json(tmp_path / "a.json", {"date": "2017-04-12T23:30:00-05:00"})
    assert article(tmp_path / "a.txt").date == dt.date(2017, 4, 12)


def test_txt_without_sidecar_has_no_date_unless_default(tmp_path: Path) -> None:
    txt = tmp_path / "Some Article.txt"
    txt.write_text(ENGLISH, encoding="utf-8")
    a = article(txt)
    assert a.id == "some-article"
    assert (a.date, a.title, a.source, a.url) == (None, None, None, None)
    assert a.text == ENGLISH
    assert article(txt, default_date=dt.date(2020, 1, 2)).date == dt.date(2020, 1, 2)


def test_sidecar_date_wins_over_default(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    write_json(tmp_path / "a.json", {"date": "2017-04-12"})
    assert article(tmp_path / "a.txt", default_date=dt.date(2020, 1, 2)).date == dt.date(
        2017, 4, 12
    )


# ------------------------------------------------------------------------- .jsonl


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": ENGLISH, "title": "One", "date": "2021-05-06", "id": "First One"}),
        "{not json",
        "",
        json.dumps({"text": ENGLISH + "\r\nMore.", "source": "Wire"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Article", "ReadProblem", "Article"]
    first, bad, second = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.title, first.date) == ("first-one", "One", dt.date(2021, 5, 6))
    assert first.path == f"{path}:1"
    assert str(bad) == (
        f"{path}:2: invalid JSON at column 2: Expecting property name enclosed in double quotes"
    )
    assert second.text == ENGLISH + "\nMore."
    assert second.source == "Wire" and second.date is None
    assert len(second.id) == 16 and set(second.id) <= set("0123456789abcdef")
    assert second.path == f"{path}:4"


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("[1, 2]", "not a JSON object (got array)"),
        ('{"title": "x"}', "missing 'text' field"),
        ('{"text": 5}', "field 'text' must be a string (got number)"),
        ('{"text": "  "}', "empty text"),
        (json.dumps({"text": ENGLISH, "title": 3}), "field 'title' must be a string (got number)"),
        (json.dumps({"text": ENGLISH, "date": "yesterday"}), "malformed date 'yesterday'"),
        (json.dumps({"text": GERMAN}), "not English (language detection: "),
    ],
)
def test_jsonl_bad_line_messages(tmp_path: Path, line: str, fragment: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    p = problem(path)
    assert p.path == f"{path}:1"
    assert fragment in p.message


def test_jsonl_undecodable_line_names_file_offset(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    good = json.dumps({"text": ENGLISH}).encode() + b"\n"
    path.write_bytes(good + b'{"text": "caf\xe9"}\n')
    items = read(path)
    assert isinstance(items[0], Article)
    offset = len(good) + len(b'{"text": "caf')
    assert str(items[1]) == f"{path}:2: not valid UTF-8 (byte 0xe9 at offset {offset})"


def test_jsonl_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    assert str(problem(path)) == f"{path}: empty file"


def test_jsonl_duplicate_text_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    line = json.dumps({"text": ENGLISH})
    path.write_text(f"{line}\n{line}\n", encoding="utf-8")
    first, second = read(path)
    assert isinstance(first, Article)
    assert isinstance(second, ReadProblem)
    assert second.message == f"duplicate article id {first.id!r}, already read from {path}:1"


# ------------------------------------------------------------------------- .html

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Leaders meet in Geneva</title>
  <meta name="date" content="2019-06-07">
</head>
<body>
  <nav><a href="/">Home</a> | <a href="/world">World</a></nav>
  <article>
    <h1>Leaders meet in Geneva</h1>
    <p>{p1}</p>
    <p>The two leaders are expected to meet again in the autumn, officials said after
    the talks, which lasted for more than four hours on Friday.</p>
  </article>
  <footer>Copyright 2019</footer>
</body>
</html>
"""


def test_html_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "geneva-summit.html"
    path.write_text(PAGE.format(p1=ENGLISH), encoding="utf-8")
    a = article(path, default_date=dt.date(2000, 1, 1))
    assert a.id == "geneva-summit"
    assert a.title == "Leaders meet in Geneva"
    assert a.date == dt.date(2019, 6, 7)
    assert ENGLISH in a.text
    assert "The two leaders are expected to meet again" in a.text
    assert "Home" not in a.text


def test_html_without_date_never_guesses_from_text(tmp_path: Path) -> None:
    page = PAGE.format(p1=ENGLISH + " It was posted on 3 January 2021.")
    path = tmp_path / "x.htm"
    path.write_text(page.replace('<meta name="date" content="2019-06-07">', ""), "utf-8")
    assert article(path).date is None


def test_html_in_another_language(tmp_path: Path) -> None:
    path = tmp_path / "fr.html"
    page = PAGE.format(p1=FRENCH)
    path.write_text(page.split("<p>The two")[0] + "</article></body></html>", "utf-8")
    assert "not English" in problem(path).message


# ------------------------------------------------------------------------- directories


def test_directory_recursion_sorted_hidden_and_other_files_skipped(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "b" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for rel in ["z.txt", "a.txt", "b/m.txt", "b/deeper/c.txt", ".secret.txt", ".hidden/h.txt"]:
        (root / rel).write_text(ENGLISH, encoding="utf-8")
    write_json(root / "a.json", {"title": "A"})
    (root / "notes.md").write_text("# notes", encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\x00\x00")
    items = read(root)
    assert all(isinstance(i, Article) for i in items), items
    assert [Path(i.path or "").relative_to(root).as_posix() for i in items] == [
        "a.txt",
        "b/deeper/c.txt",
        "b/m.txt",
        "z.txt",
    ]
    assert [i.title for i in items if isinstance(i, Article)] == ["A", None, None, None]


def test_same_file_given_twice_is_read_once(tmp_path: Path) -> None:
    txt = tmp_path / "a.txt"
    txt.write_text(ENGLISH, encoding="utf-8")
    assert len(read(tmp_path, txt)) == 1


def test_same_stem_in_two_directories_is_a_duplicate(tmp_path: Path) -> None:
    for d in ("one", "two"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "a.txt").write_text(ENGLISH, encoding="utf-8")
    first, second = read(tmp_path)
    assert isinstance(first, Article)
    assert str(second) == (
        f"{tmp_path / 'two' / 'a.txt'}: duplicate article id 'a', "
        f"already read from {tmp_path / 'one' / 'a.txt'}"
    )


def test_directory_with_no_articles(tmp_path: Path) -> None:
    (tmp_path / "only.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ENGLISH, encoding="utf-8")
    with pytest.raises(NoArticlesError, match=r": no articles found \(\.txt, \.jsonl, \.html\)"):
        iter_articles([tmp_path])
    assert str(NoArticlesError) and issubclass(NoArticlesError, ReadError)


def test_missing_path_raises_read_error_at_call(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(ReadError, match="no such file or directory") as info:
        iter_articles([missing])
    assert str(missing) in str(info.value)


def test_explicit_unsupported_file_is_a_problem(tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    assert str(problem(pdf)) == (
        f"{pdf}: unsupported file type '.pdf', expected (.txt, .jsonl, .html)"
    )


def test_explicit_sidecar_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    sidecar = write_json(tmp_path / "a.json", {})
    assert "a sidecar, not an article" in problem(sidecar).message


# ------------------------------------------------------------------------- bad files


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "space.txt").write_text(" \n\t\r\n", encoding="utf-8")
    (tmp_path / "empty.html").write_bytes(b"")
    items = read(tmp_path)
    assert [str(i) for i in items] == [
        f"{tmp_path / 'empty.html'}: empty file",
        f"{tmp_path / 'empty.txt'}: empty file",
        f"{tmp_path / 'space.txt'}: empty file",
    ]


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"GIF89a\x00\x01\x02" + bytes(range(256)))
    assert str(problem(path)) == f"{path}: binary file, not text"
    jsonl = tmp_path / "blob.jsonl"
    jsonl.write_bytes(b"\x00" * 100)
    assert problem(jsonl).message == "binary file, not text"


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 society".encode("latin-1"))
    assert str(problem(path)) == f"{path}: not valid UTF-8 (byte 0xe9 at offset 3)"


def test_undecodable_offset_counts_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfab\xffc")
    assert problem(path).message == "not valid UTF-8 (byte 0xff at offset 5)"


def test_file_too_large_is_rejected_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: no disk, and all NUL if it were read
    started = time.perf_counter()
    p = problem(path)
    assert time.perf_counter() - started < 1.0
    assert p.message == "file too large (52.4 MB; the limit is 10.5 MB)"
    assert MAX_BYTES == 10 * 1024 * 1024


def test_jsonl_line_too_large_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    with path.open("wb") as f:
        f.write(b'{"text": "' + b"a" * (MAX_BYTES + 10) + b'"}\n')
        f.write(json.dumps({"text": ENGLISH}).encode() + b"\n")
    big, good = read(path)
    assert isinstance(big, ReadProblem) and isinstance(good, Article)
    size = MAX_BYTES + 23  # the whole line, newline included
    assert big.message == f"line too large ({size:,} bytes; the limit is {MAX_BYTES:,} bytes)"
    assert big.path == f"{path}:1"
    assert good.path == f"{path}:2"


@pytest.mark.parametrize("text", [GERMAN, FRENCH])
def test_article_in_another_language(tmp_path: Path, text: str) -> None:
    path = tmp_path / "foreign.txt"
    path.write_text(text, encoding="utf-8")
    p = problem(path)
    assert p.path == str(path)
    language = "German" if text == GERMAN else "French"
    assert p.message.startswith(f"not English (language detection: {language}, ")
    assert p.message.endswith("% confidence)")
    confidence = int(p.message.split(", ")[-1].split("%")[0])
    assert confidence >= 90


def test_malformed_sidecar_json(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    sidecar = tmp_path / "a.json"
    sidecar.write_text('{\n  "title": "x",\n  "date" "2017-01-01"\n}', encoding="utf-8")
    assert str(problem(tmp_path / "a.txt")) == (
        f"{sidecar}: invalid JSON at line 3 column 10: Expecting ':' delimiter (a JSON sidecar)"
    )


@pytest.mark.parametrize(
    ("obj", "message"),
    [
        (["a"], "JSON sidecar is not an object (got array)"),
        ({"title": ["x"]}, "field 'title' must be a string (got array)"),
        ({"date": 20170412}, "field 'date' must be a string (got number)"),
    ],
)
def test_sidecar_of_wrong_shape(tmp_path: Path, obj: object, message: str) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    sidecar = write_json(tmp_path / "a.json", obj)
    assert str(problem(tmp_path / "a.txt")) == f"{sidecar}: {message}"


@pytest.mark.parametrize("bad", ["12/04/2017", "2017-02-30", "April 12, 2017", "2017"])
def test_malformed_date_names_file_and_value(tmp_path: Path, bad: str) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    sidecar = write_json(tmp_path / "a.json", {"date": bad})
    p = problem(tmp_path / "a.txt", default_date=dt.date(2020, 1, 1))
    assert p.path == str(sidecar)
    assert p.message == f"malformed date {bad!r} (expected YYYY-MM-DD or ISO datetime)"


def test_problems_do_not_stop_the_stream(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "c.txt").write_text(GERMAN, encoding="utf-8")
    kinds = [type(i).__name__ for i in read(tmp_path)]
    assert kinds == ["ReadProblem", "Article", "ReadProblem"]


# ------------------------------------------------------------------------- pure helpers


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Trump Russia relations", "trump-russia-relations"),
        ("He said \"no\" and 'yes'", "he-said-no-and-yes"),
        ("a<b>c{d}e|f\\g^h`i", "a-b-c-d-e-f-g-h-i"),
        ("  --Leading and trailing--  ", "leading-and-trailing"),
        ("Élysée Palace, Zürich", "elysee-palace-zurich"),
        ("ＦＵＬＬＷＩＤＴＨ", "fullwidth"),
    ],
)
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


@pytest.mark.parametrize("name", ["Путин", "习近平", "سلام", "<>{}|\\^", ""])
def test_slug_of_nothing_latin_is_a_stable_hash(name: str) -> None:
    s = slug(name)
    assert len(s) == 16 and set(s) <= set("0123456789abcdef")
    assert slug(name) == s


def test_slug_distinguishes_non_latin_names() -> None:
    assert slug("Путин") != slug("Медведев")


def test_slug_is_capped_and_iri_safe() -> None:
    s = slug("word " * 50)
    assert len(s) <= 80 and not s.endswith("-")
    assert set(s) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")


def test_looks_english() -> None:
    assert looks_english(ENGLISH)
    assert not looks_english(GERMAN)
    assert not looks_english(FRENCH)
    assert not looks_english("Президент России заявил в среду, что отношения ухудшились. " * 4)
    assert not looks_english("中华人民共和国外交部发言人今天在北京举行的例行记者会上表示。" * 2)
    assert looks_english("Kurz und knapp.")


def test_json_nested_too_deep_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    lines = tmp_path / "a.jsonl"
    lines.write_text(f'{{"text": {deep}}}\n{json.dumps({"text": ENGLISH})}\n', encoding="utf-8")
    bad, good = read(lines)
    assert isinstance(good, Article)
    assert str(bad).startswith(f"{lines}:1: cannot be read (RecursionError: ")
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.json").write_text(f'{{"title": {deep}}}', encoding="utf-8")
    assert problem(tmp_path / "b.txt").message.startswith("cannot be read (RecursionError: ")


@pytest.mark.parametrize("field", ["text", "title", "id", "source", "url", "date"])
def test_a_lone_surrogate_in_any_field_is_named(tmp_path: Path, field: str) -> None:
    obj = {"text": ENGLISH, field: "x \\ud800 y"}
    raw = json.dumps(obj).replace("\\\\ud800", "\\ud800")
    (tmp_path / "a.jsonl").write_text(raw + "\n", encoding="utf-8")
    bad = problem(tmp_path / "a.jsonl")
    assert bad.message == (
        f"field {field!r} holds a lone surrogate (\\ud800 at character 2), "
        "which is not valid Unicode"
    )


def test_jsonl_errors_name_the_column_where_the_line_breaks_off(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "x", "title": 5\n', encoding="utf-8")
    assert (
        problem(tmp_path / "a.jsonl").message
        == "invalid JSON at column 25: Expecting ',' delimiter"
    )
    (tmp_path / "b.jsonl").write_text('{"text": null}\n', encoding="utf-8")
    assert problem(tmp_path / "b.jsonl").message == "field 'text' must be a string (got null)"


# A dense one-paragraph wire excerpt: names, numbers and titles, few stop words.
DENSE_ENGLISH = (
    "ISLAMABAD, Jan 15 (Reuters) - Pakistani Prime Minister Shaukat Aziz, PPP spokesman "
    "Farhatullah Babar, Jamaat-e-Islami chief Qazi Hussain Ahmed: 23 killed, 41 wounded, "
    "Peshawar blast; Interior Ministry spokesman Javed Iqbal Cheema confirmed figures."
)


def test_dense_english_excerpt_is_english(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(DENSE_ENGLISH, encoding="utf-8")
    assert isinstance(only(path), Article)
    assert looks_english(DENSE_ENGLISH)


def test_foreign_message_names_the_language() -> None:
    spanish = (
        "El presidente del Gobierno anunció el miércoles en Madrid nuevas medidas contra "
        "la inflación, mientras la oposición pidió elecciones anticipadas y criticó la "
        "gestión económica del Ejecutivo durante los últimos meses."
    )
    item = read_text(spanish, where="texts[0]")
    assert isinstance(item, ReadProblem)
    assert item.message.startswith("not English (language detection: Spanish, ")
    assert detect_language(DENSE_ENGLISH) is not None
    assert detect_language(DENSE_ENGLISH)[0] == "English"  # type: ignore[index]


def test_unknown_script_falls_back_to_stop_words() -> None:
    thai = "ภาษาไทยเป็นภาษาที่มีระดับเสียงของคำแน่นอนหรือวรรณยุกต์เด่นชัด " * 10
    assert not looks_english(thai)


def test_language_check_is_cheap_on_a_long_article() -> None:
    looks_english(ENGLISH)  # the detector is built once, on first use
    long_text = ENGLISH * 2000  # about 700 KB
    start = time.perf_counter()
    assert looks_english(long_text)
    assert time.perf_counter() - start < 0.5


WRAPPED = (
    "MOSCOW, March 8 - Russian Foreign Minister Sergei Lavrov met his\n"
    "Turkish counterpart in Moscow on Tuesday to discuss the war in\n"
    "Syria, the ministry said. The two men also spoke about\n"
    "trade between Russia and Turkey, which has suffered since\n"
    "November.\n"
    "\n"
    "Officials said more talks would follow.\n"
)


def test_hard_wrapped_paragraphs_are_joined_with_offsets_kept() -> None:
    joined = unwrap(WRAPPED)
    assert len(joined) == len(WRAPPED)
    first, _, second = joined.partition("\n\n")
    assert "\n" not in first  # one paragraph: its lines run on
    assert second == "Officials said more talks would follow.\n"
    assert read_text(WRAPPED).text == joined  # every reader unwraps


@pytest.mark.parametrize(
    "text",
    [
        "Bomb blast kills 12 in Karachi\nA bomb exploded in a market on Monday.",
        "Talks end.\nThe ministers left Geneva on Friday.",
        "Kerry in Moscow: talks on Syria\nKerry met Lavrov.",
        "- sanctions on banks\n- a ban on arms sales",
        "MOSCOW (Reuters) -\nRussia said on Monday ...",
        "Tusk meets May\nThe EU said on Monday ...",
        "Syria truce talks drag on\nRebels shelled the town.",
        "Twelve killed in Mogadishu\nal-Shabaab claimed the attack.",
    ],
)
def test_headlines_lists_and_ended_lines_keep_their_breaks(text: str) -> None:
    assert unwrap(text) == text


def test_a_comma_inside_closing_quotes_runs_on() -> None:
    assert unwrap('"We cannot accept this,"\nthe minister said.') == (
        '"We cannot accept this," the minister said.'
    )
