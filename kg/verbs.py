"""Verb dictionaries in the PETRARCH / CAMEO text format, for ``kg build --verbs FILE``.

Users who maintain such dictionaries can reuse them on top of the built-in trigger
lexicon: a verb of the file, with its synonyms and listed forms, triggers an event
of the class its CAMEO code stands for (``lexicons/cameo_classes.tsv``). A group
is a header line, its verbs (one a line; a synonym may start with ``+``; other
forms in braces; words joined by ``_`` or spaces) and its patterns::

    --- DEPORT   [174] ---
    DEPORT {DEPORTED DEPORTING}
    +EXPEL
    - * + TO  [174]
    - * REFUGEES  [1741]
    - $ * + OF WAR CRIMES  [1124]

A pattern is a line starting with ``-``: ``*`` stands for the verb, ``$`` and ``+``
mark the source and target, and the code in brackets applies when it matches.
Simple patterns, the verb followed by one word (a preposition, a particle or the
head of its object), become entries of their own ("deport to", "deport refugee");
longer or richer patterns are ignored and counted. Codes ``[---]`` and codes
with no event class (public statements, 01) make no entry. Comments (``#``,
``;``, ``<!-- -->``) and blank lines are skipped. Built-in entries win over the
file's.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg import lexicon
from kg.lexicon import Trigger

log = logging.getLogger(__name__)

_COMMENT = re.compile(r"<!--.*?-->|#.*$|;.*$")
_HEADER = re.compile(r"---\s*([^\[\]]*?)\s*\[([^\]]*)\]\s*---")
_CODE = re.compile(r"\[\s*([^\]]*?)\s*\]\s*$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'.-]*")
_VERB = re.compile(r"(\+?)\s*([A-Za-z][A-Za-z_' .-]*?)\s*(?:\{([^{}]*)\})?\s*(?:\[([^\]]*)\])?")


class VerbDictionaryError(ValueError):
    """A verb dictionary that cannot be read; the message names the file and line."""


@dataclass
class VerbDictionary:
    """What a verb dictionary adds: entries by (word, part of speech), and what it skipped.

    Attributes:
        entries: (word, "VERB") → :class:`~kg.lexicon.Trigger`.
        ignored: Patterns too complex to use.
        unmapped: Verbs and patterns whose code names no event class.
    """

    entries: dict[tuple[str, str], Trigger] = field(default_factory=dict)
    ignored: int = 0
    unmapped: int = 0


def _phrase(text: str) -> str:
    """A dictionary phrase as a lookup key: "PULL_OUT" → "pull out".

    >>> _phrase("PULL_OUT"), _phrase(" Give  In ")
    ('pull out', 'give in')
    """
    return " ".join(text.replace("_", " ").split()).lower()


def _code(text: str, where: str) -> str | None:
    """A bracketed code: digits, or ``---`` for none.

    >>> _code("174", "f: line 1"), _code("---", "f: line 1") is None
    ('174', True)
    """
    text = text.strip()
    if set(text) <= {"-"} and text:
        return None
    if not text.isdigit() or not 2 <= len(text) <= 4:
        raise VerbDictionaryError(f"{where}: not a CAMEO code: [{text}]")
    return text


def _trigger(word: str, code: str) -> Trigger | None:
    """The entry a word with a CAMEO code makes (None: the code names no event class)."""
    base = lexicon.cameo_class(code)
    if base is None:
        return None
    return Trigger(
        word=word,
        pos="VERB",
        cls=base.cls,
        frame=base.frame,
        preps=base.preps,
        cameo=code,
        goldstein=base.goldstein,
        plover=base.plover,
        mode=base.mode,
    )


def _pattern_word(pattern: str) -> str | None:
    """The one word a simple pattern puts after the verb (None: not a simple pattern).

    >>> _pattern_word("* + TO"), _pattern_word("$ * REFUGEES"), _pattern_word("* OF WAR CRIMES")
    ('to', 'refugees', None)
    >>> _pattern_word("SHARPLY *") is None, _pattern_word("* &MILITARY") is None
    (True, True)
    """
    tokens = pattern.split()
    if tokens.count("*") != 1:
        return None
    star = tokens.index("*")
    if any(t not in ("$", "+") for t in tokens[:star]):
        return None
    after = [t for t in tokens[star + 1 :] if t not in ("$", "+")]
    if len(after) != 1 or not _WORD.fullmatch(after[0]):
        return None
    return after[0].lower()


def _object_forms(word: str) -> list[str]:
    """A pattern's word and, for a plural noun, its singular (the parser's lemma).

    >>> _object_forms("refugees"), _object_forms("ties"), _object_forms("to")
    (['refugees', 'refugee'], ['ties', 'tie'], ['to'])
    """
    if word.endswith("ies") and len(word) > 4:
        return [word, word[:-3] + "y", word[:-1]]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return [word, word[:-1]]
    return [word]


def parse(text: str, name: str = "verbs") -> VerbDictionary:
    """Read a verb dictionary.

    Raises:
        VerbDictionaryError: A malformed line (the message names ``name`` and the line).

    Example:
        >>> d = parse("--- DEPORT [174] ---\\nDEPORT {DEPORTED}\\n+EXPEL\\n- * + TO [174]\\n")
        >>> d.entries[("expel", "VERB")].cls, d.entries[("deported", "VERB")].plover
        ('Coerce', 'COERCE')
        >>> sorted(w for w, _ in d.entries)
        ['deport', 'deport to', 'deported', 'expel', 'expel to']
    """
    out = VerbDictionary()
    verbs: list[str] | None = None
    group_code: str | None = None
    body = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.DOTALL)
    for number, raw in enumerate(body.splitlines(), start=1):
        where = f"{name}: line {number}"
        line = _COMMENT.sub("", raw).strip()
        if not line:
            continue
        if line.startswith("---"):
            match = _HEADER.fullmatch(line)
            if match is None:
                raise VerbDictionaryError(f"{where}: not a '--- GROUP [code] ---' line: {line!r}")
            group_code = _code(match.group(2), where)
            verbs = []
            continue
        if line.startswith("-"):
            if verbs is None:
                raise VerbDictionaryError(f"{where}: a pattern before any '--- GROUP [code] ---'")
            code_match = _CODE.search(line)
            if code_match is None:
                raise VerbDictionaryError(f"{where}: a pattern without a [code]: {line!r}")
            code = _code(code_match.group(1), where)
            pattern = line[1 : code_match.start()].strip()
            word = _pattern_word(pattern)
            if word is None:
                out.ignored += 1
                log.debug("%s: pattern too complex to use: %s", where, pattern)
                continue
            if code is None:
                continue
            for verb in verbs:
                for form in _object_forms(word):
                    key = f"{verb} {form}"
                    trig = _trigger(key, code)
                    if trig is None:
                        out.unmapped += 1
                        break
                    out.entries.setdefault((key, "VERB"), trig)
            continue
        if verbs is None:
            raise VerbDictionaryError(f"{where}: a verb before any '--- GROUP [code] ---'")
        match = _VERB.fullmatch(line)
        if match is None:
            raise VerbDictionaryError(f"{where}: not a verb line: {line!r}")
        code = _code(match.group(4), where) if match.group(4) else group_code
        forms = [_phrase(match.group(2))] + [_phrase(f) for f in (match.group(3) or "").split()]
        verbs.append(forms[0])
        if code is None:
            continue
        for form in forms:
            trig = _trigger(form, code)
            if trig is None:
                out.unmapped += 1
                break
            out.entries.setdefault((form, "VERB"), trig)
    if out.ignored:
        log.debug("%s: %d patterns too complex to use were ignored", name, out.ignored)
    return out


def load(path: str | Path) -> VerbDictionary:
    """Read a verb dictionary file.

    Raises:
        VerbDictionaryError: The file is missing, not UTF-8 text, malformed or without verbs.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise VerbDictionaryError(f"{path}: no such file") from None
    except (UnicodeDecodeError, IsADirectoryError, PermissionError) as exc:
        name = type(exc).__name__
        raise VerbDictionaryError(f"{path}: cannot read as UTF-8 text ({name})") from None
    found = parse(text, str(path))
    if not found.entries:
        raise VerbDictionaryError(f"{path}: no verb with an event code in the file")
    return found


@dataclass
class _Active:
    path: str | None = None
    digest: str = ""


_ACTIVE = _Active()


def use(path: str | Path | None) -> None:
    """Make ``path`` the verb dictionary every extraction in this process reads (None: none).

    Raises:
        VerbDictionaryError: As :func:`load`.
    """
    if path is None:
        _ACTIVE.path, _ACTIVE.digest = None, ""
        lexicon.use_extra_triggers({})
        return
    found = load(path)
    lexicon.use_extra_triggers(found.entries)
    _ACTIVE.path = str(Path(path).resolve())
    _ACTIVE.digest = hashlib.sha1(Path(path).read_bytes()).hexdigest()[:12]


def active_path() -> str | None:
    """The verb dictionary in use, or None."""
    return _ACTIVE.path


def active_digest() -> str:
    """A digest of the verb dictionary in use ("" for none), so that builds notice a change."""
    return _ACTIVE.digest
