"""Actor dictionaries in the PETRARCH / Phoenix text format, for ``kg build --actors FILE``.

Users who maintain such dictionaries can reuse them: a person or organisation the
article names is looked up by its name, and the code valid on the article's date
ties it to a country. A record is a primary phrase, synonym lines starting with
``+``, and date restrictions in brackets, one per line::

    JOHN_SMITH_  [USAELI]      # the default code when no restriction holds
    +JOHNNY_SMITH
        [USAGOV 20090120-20170120]
        [USAELI >20170120]

Phrases are words joined by ``_`` or spaces; a code's first three letters are the
country (ISO 3166 alpha-3, as CAMEO writes it) and the rest its sector (``GOV``,
``MIL``, ...); a restriction is ``<date``, ``>date`` or ``date-date`` (limits
included), with dates as YYYYMMDD or YYMMDD. Comments (``#``, ``;``, ``<!-- -->``)
and blank lines are skipped.

A matched person gets a :class:`~kg.model.Role` of that country (the sector as its
title: "government", "military", ...); a matched organisation gets the country as
its ``affiliation``. An undated article uses the default code.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg import lexicon, mint
from kg.model import Actor, Evidence, Extraction, Role

_COMMENT = re.compile(r"<!--.*?-->|#.*$|;.*$")
_CODE = re.compile(r"\[([^\]\s]+)(?:\s+([^\]]*))?\]")


class DictionaryError(ValueError):
    """An actor dictionary that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Restriction:
    """A code and the dates (inclusive) it applies between; None is unbounded."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def holds(self, day: dt.date) -> bool:
        """Whether the code applies on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Entry:
    """One actor: its phrases, default code and dated codes."""

    phrases: list[str] = field(default_factory=list)
    default: str | None = None
    restrictions: list[Restriction] = field(default_factory=list)

    def code_on(self, day: dt.date | None) -> str | None:
        """The code valid on ``day``: the first restriction that holds, else the default."""
        if day is not None:
            for restriction in self.restrictions:
                if restriction.holds(day):
                    return restriction.code
        return self.default


def phrase_key(text: str) -> str:
    """A dictionary phrase as a lookup key: "JOHN_SMITH_" → "john smith".

    >>> phrase_key("BASHAR_AL-ASSAD_")
    'bashar al-assad'
    """
    return " ".join(text.replace("_", " ").split()).lower()


def _date(text: str, where: str) -> dt.date:
    """YYYYMMDD or YYMMDD (years 00-29 are 20xx, the rest 19xx)."""
    try:
        if len(text) == 8:
            return dt.datetime.strptime(text, "%Y%m%d").date()
        if len(text) == 6:
            century = "20" if int(text[:2]) < 30 else "19"
            return dt.datetime.strptime(century + text, "%Y%m%d").date()
    except ValueError:
        pass
    raise DictionaryError(f"{where}: not a date: {text!r}")


def _restriction(code: str, spec: str | None, where: str) -> Restriction:
    spec = (spec or "").strip()
    if not spec:
        return Restriction(code)
    if spec.startswith("<"):
        return Restriction(code, end=_date(spec[1:].strip(), where))
    if spec.startswith(">"):
        return Restriction(code, start=_date(spec[1:].strip(), where))
    first, sep, last = spec.partition("-")
    if not sep:
        raise DictionaryError(f"{where}: not a date restriction: {spec!r}")
    return Restriction(code, _date(first.strip(), where), _date(last.strip(), where))


def parse(text: str, name: str = "actors") -> dict[str, Entry]:
    """Read a dictionary: lower-cased phrase → its entry.

    Raises:
        DictionaryError: A malformed line (the message names ``name`` and the line).

    Example:
        >>> d = parse("JOHN_SMITH_ [USAELI]\\n+J_SMITH\\n\\t[USAGOV 090120-170120]\\n")
        >>> d["j smith"].code_on(dt.date(2010, 1, 1)), d["john smith"].code_on(None)
        ('USAGOV', 'USAELI')
    """
    entries: dict[str, Entry] = {}
    current: Entry | None = None
    body = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)
    for number, raw in enumerate(body.splitlines(), start=1):
        where = f"{name}: line {number}"
        line = _COMMENT.sub("", raw).rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("["):
            if current is None:
                raise DictionaryError(f"{where}: a date restriction before any actor")
            match = _CODE.fullmatch(stripped)
            if match is None:
                raise DictionaryError(f"{where}: not a [CODE date-range] line: {stripped!r}")
            current.restrictions.append(_restriction(match.group(1), match.group(2), where))
            continue
        synonym = stripped.startswith("+")
        phrase_text, _, rest = stripped.lstrip("+").partition("[")
        phrase = phrase_key(phrase_text)
        if not phrase:
            raise DictionaryError(f"{where}: no phrase in {stripped!r}")
        if synonym:
            if current is None:
                raise DictionaryError(f"{where}: a synonym before any actor")
        else:
            current = Entry()
            if rest:
                match = _CODE.fullmatch("[" + rest.strip())
                if match is None or match.group(2):
                    raise DictionaryError(f"{where}: not a [CODE] after the phrase: {stripped!r}")
                current.default = match.group(1)
        current.phrases.append(phrase)
        entries[phrase] = current
    return entries


def load(path: str | Path) -> dict[str, Entry]:
    """Read a dictionary file.

    Raises:
        DictionaryError: The file is missing, not UTF-8 text, malformed or empty.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DictionaryError(f"{path}: no such file") from None
    except (UnicodeDecodeError, IsADirectoryError, PermissionError) as exc:
        raise DictionaryError(f"{path}: cannot read as UTF-8 text ({type(exc).__name__})") from None
    entries = parse(text, str(path))
    if not entries:
        raise DictionaryError(f"{path}: no actors in the file")
    return entries


@dataclass
class _Active:
    path: str | None = None
    digest: str = ""
    entries: dict[str, Entry] = field(default_factory=dict)


_ACTIVE = _Active()


def use(path: str | Path | None) -> None:
    """Make ``path`` the dictionary every extraction in this process applies (None: none).

    Raises:
        DictionaryError: As :func:`load`.
    """
    if path is None:
        _ACTIVE.path, _ACTIVE.digest, _ACTIVE.entries = None, "", {}
        return
    entries = load(path)
    _ACTIVE.entries = entries
    _ACTIVE.path = str(Path(path).resolve())
    _ACTIVE.digest = hashlib.sha1(Path(path).read_bytes()).hexdigest()[:12]


def active_path() -> str | None:
    """The dictionary in use, or None."""
    return _ACTIVE.path


def active_digest() -> str:
    """A digest of the dictionary in use ("" for none), so that builds notice a change."""
    return _ACTIVE.digest


def sector_name(code: str) -> str:
    """The title a code's sector gives: "USAGOV" → "government"; unknown sectors as written.

    >>> sector_name("USAGOV"), sector_name("RUSMIL"), sector_name("FRAXYZ"), sector_name("GBR")
    ('government', 'military', 'XYZ', 'representative')
    """
    sector = code[3:6].upper()
    if not sector:
        return "representative"
    return lexicon.cameo_sectors().get(sector, sector)


def _country_of(code: str) -> str | None:
    iso3 = code[:3].upper()
    return iso3 if lexicon.country_label(iso3) != iso3 else None


@functools.cache
def builtin() -> dict[str, Entry]:
    """The built-in dictionary of well-known leaders (``lexicons/leaders.txt``).

    It ties a person the article names without a title ("Putin said") to the country
    they led or served on the article's date (``pek:affiliation``, no role); a role
    the article states wins.
    """
    path = Path(__file__).resolve().parent / "lexicons" / "leaders.txt"
    return load(path) if path.is_file() else {}


@functools.cache
def listed_surnames() -> frozenset[str]:
    """Last words of the built-in list's full names ("trump" from "DONALD_TRUMP").

    >>> "trump" in listed_surnames(), "donald" in listed_surnames()
    (True, False)
    """
    return frozenset(
        key.split()[-1] for key in builtin() if " " in key and len(key.split()[-1]) > 2
    )


def _bare(surname: str) -> str:
    """A surname without its Arabic article: "al-assad" → "assad"."""
    for article in ("al-", "el-", "ad-", "as-", "ash-", "an-"):
        if surname.startswith(article) and len(surname) > len(article) + 2:
            return surname[len(article) :]
    return surname


def office_holder(surname: str, day: dt.date | None) -> Entry | None:
    """The one listed person with this surname who held an office on ``day``, if one.

    A bare surname the list does not hold as a name of its own ("Kerry", "Abbas") is
    that person's on days when no other listed person of that name was in office:
    "Kerry" in 2015 is John Kerry, the Secretary of State; "Trump" in 2016, no one.

    >>> office_holder("Kerry", dt.date(2015, 6, 1)).default
    'USAELI'
    >>> office_holder("Trump", dt.date(2016, 6, 1)) is None
    True
    >>> office_holder("Abbas", dt.date(2016, 6, 1)).default
    'PSEELI'
    >>> office_holder("Assad", dt.date(2016, 6, 1)) is None  # Bashar, and Maher in command
    True
    >>> office_holder("Kerry", None) is None
    True
    """
    key = phrase_key(surname)
    if day is None or not key or " " in key:
        return None
    holders = {
        id(entry): entry
        for entry in _by_surname().get(_bare(key), ())
        for restriction in entry.restrictions
        if restriction.holds(day)
    }
    return next(iter(holders.values())) if len(holders) == 1 else None


def office_country(surname: str, day: dt.date | None) -> str | None:
    """ISO3 of the country every listed holder of this surname served on ``day``, if one.

    Two of a family in office ("Assad" in 2016: Bashar in power, Maher in command) leave
    the person open but not the country. With no one of the name in office, the listed
    people's own country, unless the name is too common to mean them
    (``lexicons/common_surnames.txt``).

    >>> office_country("Assad", dt.date(2016, 6, 1)), office_country("Kerry", dt.date(2015, 6, 1))
    ('SYR', 'USA')
    >>> office_country("Trump", dt.date(2016, 6, 1))  # a candidate, listed as American
    'USA'
    >>> office_country("Johnson", dt.date(2005, 6, 1)) is None  # a common name: anyone
    True
    """
    key = phrase_key(surname)
    if day is None or not key or " " in key:
        return None
    entries = _by_surname().get(_bare(key), ())
    countries = set()
    for entry in entries:
        code = entry.code_on(day) if any(r.holds(day) for r in entry.restrictions) else None
        if code is not None:
            countries.add(_country_of(code))
    if not countries and _bare(key) not in lexicon.common_surnames():
        # no one of that name in office: a distinctive surname is its listed people's
        # ("Trump" in 2016, a candidate), when they are all of one country
        countries = {_country_of(e.default) if e.default else None for e in entries}
    return countries.pop() if len(countries) == 1 and None not in countries else None


def person_country(name: str, day: dt.date | None) -> str | None:
    """ISO3 of the country the built-in list ties a person's name to on ``day``, if any:
    the whole name, or a surname alone (:func:`office_holder`, :func:`office_country`).

    >>> person_country("Erdogan", dt.date(2016, 1, 1)), person_country("Maria Lopez", None)
    ('TUR', None)
    """
    iso3 = listed_country([name], day)
    return iso3 if iso3 is not None or " " in name.strip() else surname_country(name, day)


def surname_country(surname: str, day: dt.date | None) -> str | None:
    """ISO3 of a bare surname's listed person in office (:func:`office_holder`), else
    of its listed people (:func:`office_country`).

    >>> surname_country("Kerry", dt.date(2015, 6, 1)), surname_country("Assad", dt.date(2016, 6, 1))
    ('USA', 'SYR')
    """
    holder = office_holder(surname, day)
    code = holder.code_on(day) if holder else None
    return _country_of(code) if code else office_country(surname, day)


@functools.cache
def _by_surname() -> dict[str, list[Entry]]:
    """The built-in list's entries of full names, by bare surname ("assad", "kerry")."""
    out: dict[str, list[Entry]] = {}
    for phrase, entry in builtin().items():
        if " " in phrase:
            out.setdefault(_bare(phrase.split()[-1]), []).append(entry)
    return out


def listed_country(names: list[str], day: dt.date | None) -> str | None:
    """ISO3 of the country the built-in list ties any of ``names`` to on ``day``.

    >>> listed_country(["Nicolas Sarkozy"], dt.date(2007, 12, 30))
    'FRA'
    >>> listed_country(["Fuad Siniora"], dt.date(2007, 12, 30))
    'LBN'
    >>> listed_country(["Maria Lopez"], dt.date(2007, 12, 30)) is None
    True
    """
    table = builtin()
    # A surname alone too ("Fuad Siniora" as the list's "+SINIORA"): the list holds a
    # bare surname only where it is distinctive.
    tried = [*names, *(n.split()[-1] for n in names if " " in n)]
    entry = next((table[k] for k in map(phrase_key, tried) if k in table), None)
    code = entry.code_on(day) if entry else None
    return _country_of(code) if code else None


def apply(
    extraction: Extraction,
    evidence_of: Callable[[str], Evidence | None],
    entries: dict[str, Entry] | None = None,
    fallback: bool = False,
) -> None:
    """Give the people and organisations of an extraction the country their code names.

    Args:
        extraction: Changed in place: roles added, organisations affiliated.
        evidence_of: Where an actor (by key) is first named, for the role's evidence.
        entries: A dictionary; by default the active one (:func:`use`).
        fallback: Only for actors the article ties to no country itself (the
            built-in dictionary, :func:`builtin`).

    A phrase of the dictionary matches the actor's label or an alias, case and
    spacing aside.
    """
    table = _ACTIVE.entries if entries is None else entries
    if not table:
        return
    day = extraction.article.date
    tied = {r.person for r in extraction.roles if r.of is not None} if fallback else set()
    for actor in list(extraction.actors.values()):
        if actor.kind not in ("Person", "Organization") or actor.key in tied:
            continue
        if fallback and actor.affiliation is not None:
            continue
        entry = next(
            (
                table[k]
                for k in map(phrase_key, (actor.label, *sorted(actor.aliases)))
                if k in table
            ),
            None,
        )
        code = entry.code_on(day) if entry else None
        iso3 = _country_of(code) if code else None
        if entry is None and fallback and actor.kind == "Person":
            iso3 = surname_country(actor.label, day)  # "Kerry" in 2015; "Assad": the country
        if iso3 is None:
            continue
        country = mint.country_key(iso3)
        if country not in extraction.actors:
            extraction.actors[country] = Actor(
                country, "Country", lexicon.country_label(iso3), iso3=iso3
            )
        if actor.kind == "Organization" or fallback:
            # The built-in list only ties a person to a country; their title is the article's.
            actor.affiliation = country
            continue
        if code is None:
            continue
        title = sector_name(code)
        if any(
            r.person == actor.key and r.title == title and r.of == country for r in extraction.roles
        ):
            continue
        evidence = evidence_of(actor.key)
        if evidence is None:
            continue
        extraction.roles.append(Role(actor.key, title, country, evidence, 0.8))
