"""First stage: files and directories → :class:`~kg.model.Article` records.

Reads ``.txt`` (with an optional ``NAME.json`` sidecar), ``.jsonl`` (one article a
line) and ``.html``/``.htm`` (text and metadata via trafilatura, never the network).
Bad input never raises: each bad file or line becomes a :class:`ReadProblem` in the
stream, so one broken file does not stop a corpus. Only a missing path
(:class:`ReadError`) or paths holding no article files at all
(:class:`NoArticlesError`) raise, and they do so when :func:`iter_articles` is called.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from spacy.lang.en.stop_words import STOP_WORDS

from kg.budget import one_line
from kg.model import Article

if TYPE_CHECKING:
    from lingua import LanguageDetector

__all__ = [
    "MAX_BYTES",
    "NoArticlesError",
    "ReadError",
    "ReadProblem",
    "detect_language",
    "english_share",
    "iter_articles",
    "looks_english",
    "normalise_text",
    "parse_date",
    "read_text",
    "slug",
    "unwrap",
]

log = logging.getLogger(__name__)

#: Files (and ``.jsonl`` lines) larger than this are refused without being read.
MAX_BYTES = 10 * 1024 * 1024

#: Suffixes read as articles; anything else in a directory is skipped.
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl",)
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED = "(.txt, .jsonl, .html)"

#: Below this share of English stop words a text is taken to be in another language
#: (the fallback when the language detector recognises no language at all).
ENGLISH_MIN_SHARE = 0.20
#: Texts with fewer alphabetic words than this are given the benefit of the doubt.
ENGLISH_MIN_WORDS = 20
#: Languages the detector chooses among: English and the languages news most often
#: comes in. Fewer candidates make a faster, surer detector.
DETECT_LANGUAGES = (
    "ENGLISH", "ARABIC", "CHINESE", "DUTCH", "FRENCH", "GERMAN", "GREEK", "HEBREW",
    "HINDI", "INDONESIAN", "ITALIAN", "JAPANESE", "KOREAN", "PERSIAN", "POLISH",
    "PORTUGUESE", "RUSSIAN", "SPANISH", "SWEDISH", "TURKISH", "UKRAINIAN", "VIETNAMESE",
)  # fmt: skip
#: A text is rejected only when the detector is at least this sure of another language.
FOREIGN_MIN_CONFIDENCE = 0.9
#: Language detection reads at most this many characters from the start of a text.
DETECT_SAMPLE_CHARS = 2000

#: Metadata fields read from sidecars, ``.jsonl`` lines and (partly) HTML.
META_FIELDS = ("id", "title", "date", "source", "url")

_BOM = b"\xef\xbb\xbf"
_SNIFF_BYTES = 8192
_SLUG_MAX = 80
# Latin letters that NFKD does not decompose.
_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "þ": "th"})
_HASH_LEN = 16
# Han, kana and CJK compatibility ideographs: one character is one word, as the
# script writes no spaces; other scripts split on non-letters.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\W\d_{_CJK}]+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?\Z")


class ReadError(Exception):
    """A path given to :func:`iter_articles` does not exist."""


class NoArticlesError(ReadError):
    """The paths given to :func:`iter_articles` hold no article files at all."""


@dataclass(frozen=True)
class ReadProblem:
    """A file (or ``.jsonl`` line) that could not be read as an article.

    Attributes:
        path: The file, or ``file:line`` for a ``.jsonl`` line.
        message: What is wrong, one line.

    Example:
        >>> str(ReadProblem("a/b.txt", "empty file"))
        'a/b.txt: empty file'
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class _Bad(Exception):
    """Internal: carries a ReadProblem out of nested helpers."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.problem = ReadProblem(path, message)


# --------------------------------------------------------------------------- pure helpers


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:_HASH_LEN]


def slug(name: str) -> str:
    """Make ``name`` safe in an IRI: ASCII, lower case, ``[a-z0-9-]``, at most 80 chars.

    Accents are folded (NFKD), every run of other characters becomes one ``-``. A
    name with nothing left (say, all Cyrillic) becomes the first 16 hex digits of
    the SHA-1 of the original, so it is still stable and distinct.

    Args:
        name: Any string, such as a file stem or an ``id`` field.

    Returns:
        The slug; never empty.

    Examples:
        >>> slug("2017-04-12 Trump: US–Russia relations")
        '2017-04-12-trump-us-russia-relations'
        >>> slug('Café "Zürich" <a>{b}|c\\\\d^e')
        'cafe-zurich-a-b-c-d-e'
        >>> slug("Путин") == slug("Путин") != slug("Россия")
        True
        >>> len(slug("Путин")), slug("Путин").isalnum()
        (16, True)
        >>> slug("Straße der Einheit, Łódź")
        'strasse-der-einheit-lodz'
        >>> len(slug("x" * 200))
        80
    """
    folded = unicodedata.normalize("NFKD", name.lower().translate(_FOLD))
    # Accents and letters of other scripts vanish; other non-ASCII (dashes, spaces) separate.
    ascii_ = "".join(
        c if c.isascii() else "" if unicodedata.category(c)[0] in "LM" else "-" for c in folded
    )
    out = re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")
    out = out[:_SLUG_MAX].rstrip("-")
    return out or _sha(name)


def normalise_text(text: str) -> str:
    r"""Drop a leading BOM and turn ``\r\n`` and ``\r`` into ``\n``; nothing else.

    Example:
        >>> normalise_text("\ufeffA.\r\nB\rC\n")
        'A.\nB\nC\n'
    """
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


#: What a line that ends a sentence, a headline's quote or a dateline ends with.
_LINE_END = tuple(".!?:;\"”’')]—–-")


def unwrap(text: str) -> str:
    r"""Join the lines of a hard-wrapped paragraph with a space (offsets are unchanged).

    A line break is where a sentence or a headline ends, except where the line runs on:
    it ends with no sentence punctuation (a comma inside closing quotes aside) and the
    next line opens in lower case (not a name such as "al-Shabaab"), or it ends with a
    comma or a small word in lower case ("the", "of", "his":
    ``lexicons/continuation_words.txt``; not "May" or "WHO"), or a line ran on into it and
    it is long. The first line of a paragraph may be a headline, which can end on a
    particle ("talks drag on": ``lexicons/particle_words.txt``); it does not run on by
    such a word. A blank line ends a paragraph.

    Example:
        >>> unwrap("Lavrov met his\nTurkish counterpart in Moscow on Tuesday to discuss\nSyria.")
        'Lavrov met his Turkish counterpart in Moscow on Tuesday to discuss Syria.'
        >>> unwrap("Bomb kills 12\nA bomb exploded in Karachi.\n\nPolice came.")
        'Bomb kills 12\nA bomb exploded in Karachi.\n\nPolice came.'
    """
    if "\n" not in text:
        return text
    from kg import lexicon  # the reader needs no lexicon for text without line breaks

    lines = text.split("\n")
    words, particles = lexicon.continuation_words(), lexicon.particle_words()
    out = [lines[0]]
    running = False  # the line before ran on into this one
    for line, following in itertools.pairwise(lines):
        end, start = line.rstrip(), following.lstrip()
        bare = end.rstrip("\"”’'")  # 'the minister said of "this,' runs on too
        opens_low = bool(start) and start[0].islower() and not start.startswith(_NAME_PARTICLES)
        runs_on = (
            bool(end)
            and bool(start)
            and (not end.endswith(_LINE_END) or (bare.endswith(",") and opens_low))
            and (
                opens_low
                or end.endswith(",")
                # a headline ends on no small word, but may on "on", "May" or "WHO"
                or (end.rsplit(None, 1)[-1] in (words if running else words - particles))
                or (running and len(end) >= MIN_WRAPPED)
            )
        )
        out.append((" " if runs_on else "\n") + following)
        running = runs_on
    return "".join(out)


#: Lower-case openings of names ("al-Shabaab claimed ..."): no sign of a running line.
_NAME_PARTICLES = ("al-", "el-", "ad-", "as-", "de ", "van ", "von ", "bin ", "ibn ")


#: A line shorter than this that follows a wrapped line ends its paragraph (a last line).
MIN_WRAPPED = 40


def parse_date(value: str) -> dt.date:
    """Read a ``YYYY-MM-DD`` date or a full ISO 8601 datetime (its date part).

    Args:
        value: The date as written in the metadata.

    Returns:
        The calendar date, as written (no time-zone shift).

    Raises:
        ValueError: If ``value`` is not such a date.

    Examples:
        >>> parse_date("2017-04-12")
        datetime.date(2017, 4, 12)
        >>> parse_date("2017-04-12T23:30:00-05:00")
        datetime.date(2017, 4, 12)
        >>> parse_date("12/04/2017")
        Traceback (most recent call last):
        ValueError: not an ISO date: '12/04/2017'
    """
    value = value.strip()
    if not _ISO_DATE.match(value):
        raise ValueError(f"not an ISO date: {value!r}")
    day = dt.date.fromisoformat(value[:10])  # raises on 2017-02-30
    if len(value) > 10:
        stamp = value.replace("Z", "+00:00").replace("z", "+00:00")
        dt.datetime.fromisoformat(stamp)  # validate the time part too
    return day


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def english_share(text: str) -> float:
    """Share of alphabetic words in ``text`` that are English stop words (0.0 to 1.0).

    Examples:
        >>> round(english_share("The cat sat on the mat."), 2)
        0.5
        >>> english_share("Der Hund schläft.")
        0.0
        >>> english_share("1234")
        0.0
    """
    words = _words(text)
    if not words:
        return 0.0
    return sum(w.lower() in STOP_WORDS for w in words) / len(words)


@cache
def _detector() -> LanguageDetector:
    """The language detector, built once on first use (its models ship with the package)."""
    from lingua import Language, LanguageDetectorBuilder

    languages = [Language.from_str(name) for name in DETECT_LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def _sample(text: str) -> str:
    """The start of ``text``, at most :data:`DETECT_SAMPLE_CHARS` long, cut between words.

    Examples:
        >>> _sample("one two")
        'one two'
        >>> len(_sample("word " * 1000)) <= DETECT_SAMPLE_CHARS
        True
    """
    if len(text) <= DETECT_SAMPLE_CHARS:
        return text
    cut = text[:DETECT_SAMPLE_CHARS]
    space = cut.rfind(" ")
    return cut[:space] if space > DETECT_SAMPLE_CHARS // 2 else cut


def detect_language(text: str) -> tuple[str, float] | None:
    """The most likely language of ``text`` and the detector's confidence in it.

    Reads a bounded sample from the start of the text, choosing among
    :data:`DETECT_LANGUAGES`.

    Args:
        text: Any text.

    Returns:
        The language's English name and a confidence from 0.0 to 1.0, or None when
        the detector recognises no language (no letters, or an unlisted script).

    Examples:
        >>> detect_language("The minister said on Monday that the talks would go on.")[0]
        'English'
        >>> detect_language("Der Minister sagte am Montag, die Gespräche gingen weiter.")[0]
        'German'
        >>> detect_language("1234 5678") is None
        True
    """
    values = _detector().compute_language_confidence_values(_sample(text))
    if not values or values[0].value <= 0.0:
        return None
    return values[0].language.name.title(), values[0].value


def looks_english(text: str) -> bool:
    """Guess whether ``text`` is English; False only when it surely is another language.

    Texts with fewer than :data:`ENGLISH_MIN_WORDS` words are let through. Longer
    ones go to a language detector made for short texts, and are rejected only when
    it is at least :data:`FOREIGN_MIN_CONFIDENCE` sure of another language; a text
    whose language it does not recognise at all is judged by its share of English
    stop words.

    Examples:
        >>> looks_english("Short note in any language.")
        True
        >>> en = "The minister said on Monday that the talks with the rebels would go on. "
        >>> looks_english(en * 3)
        True
        >>> de = "Der Minister sagte am Montag, die Gespräche mit den Rebellen gingen weiter. "
        >>> looks_english(de * 3)
        False
        >>> looks_english("Министр заявил в понедельник, что переговоры продолжатся. " * 4)
        False
    """
    return _foreign(text) is None


def _foreign(text: str) -> str | None:
    """Why ``text`` is taken for another language (for the message), or None if it is not."""
    if len(_words(text)) < ENGLISH_MIN_WORDS:
        return None
    detected = detect_language(text)
    if detected is None:
        share = english_share(text)
        return None if share >= ENGLISH_MIN_SHARE else f"{share:.0%} English stop words"
    language, confidence = detected
    if language == "English" or confidence < FOREIGN_MIN_CONFIDENCE:
        return None
    return f"{language}, {confidence:.0%} confidence"


def _megabytes(n: int) -> str:
    """Format a byte count in MB (10**6 bytes), one decimal unless whole.

    Examples:
        >>> _megabytes(50 * 1024 * 1024)
        '52.4 MB'
        >>> _megabytes(10_000_000)
        '10 MB'
    """
    mb = n / 1_000_000
    return f"{mb:.0f} MB" if round(mb, 1) == round(mb) else f"{mb:.1f} MB"


def _too_large(size: int) -> str:
    big, limit = _megabytes(size), _megabytes(MAX_BYTES)
    if big == limit:  # just over the limit: MB would read "10.5 MB; the limit is 10.5 MB"
        big, limit = f"{size:,} bytes", f"{MAX_BYTES:,} bytes"
    return f"file too large ({big}; the limit is {limit})"


def _decode(raw: bytes, where: str, base: int = 0) -> str:
    """Decode UTF-8 strictly, naming the first bad byte and its file offset."""
    start = len(_BOM) if raw.startswith(_BOM) else 0
    try:
        return raw[start:].decode("utf-8")
    except UnicodeDecodeError as e:
        offset = base + start + e.start
        bad = raw[start + e.start]
        raise _Bad(where, f"not valid UTF-8 (byte 0x{bad:02x} at offset {offset})") from None


def _read_bytes(path: Path) -> bytes:
    """Read a whole file, refusing big (by stat, before reading) and binary ones."""
    where = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _Bad(where, _too_large(size))
        raw = path.read_bytes()
    except OSError as e:
        raise _Bad(where, f"cannot read ({e.strerror or e})") from None
    if b"\x00" in raw[:_SNIFF_BYTES]:
        raise _Bad(where, "binary file, not text")
    return raw


def _read_text(path: Path) -> str:
    return normalise_text(_decode(_read_bytes(path), str(path)))


_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(value: str) -> str | None:
    r"""Describe the first lone surrogate of ``value`` (JSON's ``"\ud800"`` makes one), if any.

    A lone surrogate is not a character: it cannot be written as UTF-8 or as RDF.

    Examples:
        >>> lone_surrogate("ab\ud800")
        'a lone surrogate (\\ud800 at character 2), which is not valid Unicode'
        >>> lone_surrogate("fine \U0001F1FA\U0001F1F8") is None
        True
    """
    match = _SURROGATE.search(value)
    if match is None:
        return None
    return (
        f"a lone surrogate (\\u{ord(match.group()):04x} at character {match.start()}), "
        "which is not valid Unicode"
    )


def _check_unicode(value: str, where: str, name: str) -> None:
    problem = lone_surrogate(value)
    if problem:
        raise _Bad(where, f"{name} holds {problem}")


def _meta_fields(obj: dict[str, Any], where: str) -> dict[str, str]:
    """Pick the metadata fields of a JSON object; each must be a string (or null)."""
    out: dict[str, str] = {}
    for key in META_FIELDS:
        value = obj.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise _Bad(where, f"field {key!r} must be a string (got {_json_type(value)})")
        _check_unicode(value, where, f"field {key!r}")
        if value.strip():
            out[key] = value.strip()
    return out


def _json_type(value: Any) -> str:
    """The JSON name of a parsed value's type.

    Example:
        >>> _json_type(None), _json_type(3), _json_type([]), _json_type({})
        ('null', 'number', 'array', 'object')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "string" if isinstance(value, str) else type(value).__name__


def _json_error(err: json.JSONDecodeError, line: bool) -> str:
    """Where and what a JSON syntax error is, in one line.

    Example:
        >>> try:
        ...     json.loads('{"text": "a" "id": 1}')
        ... except json.JSONDecodeError as e:
        ...     print(_json_error(e, line=True))
        invalid JSON at column 14: Expecting ',' delimiter
    """
    where = f"column {err.colno}" if line else f"line {err.lineno} column {err.colno}"
    return f"invalid JSON at {where}: {err.msg}"


def _date_of(meta: dict[str, str], where: str, default: dt.date | None) -> dt.date | None:
    if "date" not in meta:
        return default
    try:
        return parse_date(meta["date"])
    except ValueError:
        raise _Bad(
            where, f"malformed date {meta['date']!r} (expected YYYY-MM-DD or ISO datetime)"
        ) from None


def _check_language(text: str, where: str) -> None:
    reason = _foreign(text)
    if reason is not None:
        raise _Bad(where, f"not English (language detection: {reason})")


def read_text(
    text: str,
    *,
    where: str = "<text>",
    id: str | None = None,  # noqa: A002 - the metadata field's name
    title: str | None = None,
    date: dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Article | ReadProblem:
    """Make an :class:`Article` of a text held in memory, checked like a file's text.

    The id is ``id`` (slugged) or a hash of the text, so the same text gets the same IRIs.

    Example:
        >>> read_text("Russia and China met in Beijing on Monday to discuss trade.").id
        'd2e257e49d1d1703'
        >>> print(read_text("   ", where="texts[2]"))
        texts[2]: empty text
    """
    fields = {"text": text, "id": id, "title": title, "source": source, "url": url}
    for name, value in fields.items():
        problem = lone_surrogate(value or "")
        if problem:
            return ReadProblem(where, f"{name} holds {problem}")
    text = unwrap(normalise_text(text))
    if not text.strip():
        return ReadProblem(where, "empty text")
    if len(text.encode("utf-8")) > MAX_BYTES:
        return ReadProblem(where, _too_large(len(text.encode("utf-8"))))
    try:
        _check_language(text, where)
    except _Bad as bad:
        return bad.problem
    return Article(
        id=slug(id or _sha(text)),
        text=text,
        title=title,
        date=date,
        source=source,
        url=url,
        path=where,
    )


# --------------------------------------------------------------------------- per format


def _read_sidecar(path: Path) -> dict[str, str]:
    where = str(path)
    text = _read_text(path)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        raise _Bad(where, f"{_json_error(e, line=False)} (a JSON sidecar)") from None
    if not isinstance(obj, dict):
        raise _Bad(where, f"JSON sidecar is not an object (got {_json_type(obj)})")
    return _meta_fields(obj, where)


def _read_txt(path: Path, default_date: dt.date | None) -> Article:
    where = str(path)
    text = unwrap(_read_text(path))
    if not text.strip():
        raise _Bad(where, "empty file")
    sidecar = path.with_suffix(".json")
    meta = _read_sidecar(sidecar) if sidecar.is_file() else {}
    meta_where = str(sidecar) if meta else where
    date = _date_of(meta, meta_where, default_date)
    _check_language(text, where)
    return Article(
        id=slug(meta.get("id", path.stem)),
        text=text,
        title=meta.get("title"),
        date=date,
        source=meta.get("source"),
        url=meta.get("url"),
        path=where,
    )


def _read_html(path: Path, default_date: dt.date | None) -> Article:
    # Imported here: trafilatura is slow to import and only HTML needs it.
    import trafilatura

    where = str(path)
    raw = _read_bytes(path)
    # Not UTF-8: hand trafilatura the bytes, it honours <meta charset>.
    page: str | bytes
    try:
        page = _decode(raw, where)
    except _Bad:
        page = raw
    if not page.strip():
        raise _Bad(where, "empty file")
    body = trafilatura.extract(
        page, output_format="txt", with_metadata=False, include_comments=False
    )
    if not body or not body.strip():
        raise _Bad(where, "no article text found in the HTML")
    text = unwrap(normalise_text(body))
    tree = trafilatura.load_html(page)
    meta: dict[str, str] = {}
    if tree is not None:
        # extensive=False: take dates from markup only, never guess from the prose.
        doc = trafilatura.extract_metadata(tree, extensive=False)
        for key, value in (
            ("title", doc.title),
            ("date", doc.date),
            ("source", doc.sitename),
            ("url", doc.url),
        ):
            if isinstance(value, str) and value.strip():
                meta[key] = value.strip()
    date = _date_of(meta, where, default_date)
    _check_language(text, where)
    return Article(
        id=slug(path.stem),
        text=text,
        title=meta.get("title"),
        date=date,
        source=meta.get("source"),
        url=meta.get("url"),
        path=where,
    )


def _jsonl_article(raw: bytes, where: str, offset: int, default: dt.date | None) -> Article:
    line = _decode(raw, where, offset).rstrip("\r\n")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise _Bad(where, _json_error(e, line=True)) from None
    if not isinstance(obj, dict):
        raise _Bad(where, f"not a JSON object (got {_json_type(obj)})")
    if "text" not in obj:
        raise _Bad(where, "missing 'text' field")
    text = obj["text"]
    if not isinstance(text, str):
        raise _Bad(where, f"field 'text' must be a string (got {_json_type(text)})")
    _check_unicode(text, where, "field 'text'")
    text = unwrap(normalise_text(text))
    if not text.strip():
        raise _Bad(where, "empty text")
    meta = _meta_fields(obj, where)
    date = _date_of(meta, where, default)
    _check_language(text, where)
    return Article(
        id=slug(meta.get("id", _sha(text))),
        text=text,
        title=meta.get("title"),
        date=date,
        source=meta.get("source"),
        url=meta.get("url"),
        path=where,
    )


def _skip_rest_of_line(f: BinaryIO, chunk: bytes) -> int:
    """Consume an over-long line without holding it; return how many bytes it had."""
    n = len(chunk)
    while not chunk.endswith(b"\n"):
        chunk = f.readline(1 << 20)
        if not chunk:
            break
        n += len(chunk)
    return n


def _read_jsonl(path: Path, default_date: dt.date | None) -> Iterator[Article | ReadProblem]:
    """One article per line; the size limit applies to each line, not the file."""
    where = str(path)
    try:
        with path.open("rb") as f:
            if b"\x00" in f.read(_SNIFF_BYTES):
                yield ReadProblem(where, "binary file, not text")
                return
            f.seek(0)
            offset = 0
            any_line = False
            for lineno in itertools.count(1):
                raw = f.readline(MAX_BYTES + 1)
                if not raw:
                    break
                here = f"{where}:{lineno}"
                if len(raw) > MAX_BYTES:
                    size = _skip_rest_of_line(f, raw)
                    any_line = True
                    yield ReadProblem(here, _too_large(size).replace("file", "line", 1))
                    offset += size
                    continue
                start = offset
                offset += len(raw)
                if lineno == 1 and raw.startswith(_BOM):
                    raw, start = raw[len(_BOM) :], start + len(_BOM)
                if not raw.strip():
                    continue
                any_line = True
                try:
                    article = _jsonl_article(raw, here, start, default_date)
                except _Bad as bad:
                    yield bad.problem
                except Exception as err:  # noqa: BLE001 - one line's problem, never the corpus's
                    yield _unexpected(here, err)
                else:
                    yield article
            if not any_line:
                yield ReadProblem(where, "empty file")
    except OSError as e:
        yield ReadProblem(where, f"cannot read ({e.strerror or e})")


def _unexpected(where: str, err: Exception) -> ReadProblem:
    """A reading failure nobody foresaw, as one line naming the input.

    Example:
        >>> print(_unexpected("a.jsonl:3", RecursionError("maximum recursion depth exceeded")))
        a.jsonl:3: cannot be read (RecursionError: maximum recursion depth exceeded)
    """
    log.debug("%s: cannot be read", where, exc_info=True)
    return ReadProblem(where, f"cannot be read ({one_line(err)})")


def _read_file(path: Path, default_date: dt.date | None) -> Iterator[Article | ReadProblem]:
    suffix = path.suffix.lower()
    log.debug("reading %s", path)
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, default_date)
        return
    reader = _read_txt if suffix in TEXT_SUFFIXES else _read_html
    try:
        article = reader(path, default_date)
    except _Bad as bad:
        yield bad.problem
    except Exception as err:  # noqa: BLE001 - one file's problem, never the corpus's
        yield _unexpected(str(path), err)
    else:
        yield article


# --------------------------------------------------------------------------- discovery


def _supported(path: Path) -> bool:
    return path.suffix.lower() in (*TEXT_SUFFIXES, *JSONL_SUFFIXES, *HTML_SUFFIXES)


def _walk(root: Path) -> list[Path]:
    """Supported files under ``root``, hidden files and directories skipped, sorted."""
    found: list[Path] = []

    def warn(e: OSError) -> None:
        log.warning("%s: cannot list (%s)", e.filename, e.strerror)

    for dirpath, dirnames, filenames in os.walk(root, onerror=warn):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            file = Path(dirpath, name)
            if name.startswith("."):
                log.debug("skipping hidden file %s", file)
            elif not _supported(file):
                log.debug("skipping %s: not an article file %s", file, SUPPORTED)
            else:
                found.append(file)
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _unsupported(path: Path) -> ReadProblem:
    if not path.is_file():
        return ReadProblem(str(path), "not a regular file")
    if path.suffix.lower() == ".json" and any(path.with_suffix(s).is_file() for s in TEXT_SUFFIXES):
        return ReadProblem(str(path), "a sidecar, not an article; name the .txt file instead")
    kind = f"'{path.suffix}'" if path.suffix else "without a suffix"
    return ReadProblem(str(path), f"unsupported file type {kind}, expected {SUPPORTED}")


def iter_articles(
    paths: Iterable[str | Path], default_date: dt.date | None = None
) -> Iterator[Article | ReadProblem]:
    """Read articles from files and directories, one :class:`Article` or problem at a time.

    Directories are searched recursively in sorted order, skipping hidden entries
    and files of other types. Explicitly named files of other types, and every bad
    file or ``.jsonl`` line, come out as :class:`ReadProblem`. An article id read
    twice is a problem too (ids must be unique to make distinct IRIs).

    Args:
        paths: Files and directories, in the order to read them.
        default_date: Date for articles whose metadata has none.

    Returns:
        An iterator of articles and problems, in a deterministic order.

    Raises:
        ReadError: If a path does not exist (raised by this call, not on iteration).
        NoArticlesError: If the paths hold no article files at all.
    """
    given = [Path(p) for p in paths]
    files: list[tuple[Path, bool]] = []  # (file, supported)
    seen: set[Path] = set()
    for path in given:
        if not path.exists():
            raise ReadError(f"{path}: no such file or directory")
        candidates = _walk(path) if path.is_dir() else [path]
        for file in candidates:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append((file, _supported(file) and file.is_file()))
    if not files:
        names = ", ".join(str(p) for p in given) or "(no paths)"
        raise NoArticlesError(f"{names}: no articles found {SUPPORTED}")
    return _iter(files, default_date)


def _iter(
    files: list[tuple[Path, bool]], default_date: dt.date | None
) -> Iterator[Article | ReadProblem]:
    ids: dict[str, str] = {}
    for file, supported in files:
        if not supported:
            yield _unsupported(file)
            continue
        for item in _read_file(file, default_date):
            if isinstance(item, Article):
                first = ids.setdefault(item.id, item.path or "")
                if first != (item.path or ""):
                    item = ReadProblem(
                        item.path or str(file),
                        f"duplicate article id {item.id!r}, already read from {first}",
                    )
            if isinstance(item, ReadProblem):
                log.debug("problem: %s", item)
            yield item
