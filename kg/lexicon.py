"""Load the word lists in ``kg/lexicons/``: the rules read data, the data holds the words.

Every loader is cached, so a process reads each file once.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"

#: Event classes the triggers may name (checked against the ontology by a test).
EVENT_CLASSES = (
    "Meeting",
    "Attack",
    "Vote",
    "Statement",
    "Accusation",
    "Support",
    "Agree",
    "Cooperate",
    "Aid",
    "Concede",
    "Retreat",
    "Demand",
    "Reject",
    "Threaten",
    "Protest",
    "Sanction",
    "Mobilize",
    "Coerce",
    "Investigate",
)


def _rows(name: str) -> Iterator[list[str]]:
    """Yield the tab-separated rows of a lexicon file, skipping comments and blanks."""
    with open(LEXICON_DIR / name, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield [cell.strip() for cell in line.split("\t")]


def _words(name: str) -> frozenset[str]:
    return frozenset(row[0] for row in _rows(name))


@functools.cache
def demonyms() -> dict[str, str]:
    """Adjective → ISO3, e.g. ``demonyms()["Syrian"] == "SYR"``."""
    return {row[0]: row[1] for row in _rows("demonyms.tsv")}


def demonym_iso3(word: str) -> str | None:
    """The country a nationality adjective or its plural names.

    >>> demonym_iso3("Syrian"), demonym_iso3("Palestinians"), demonym_iso3("Iraqis")
    ('SYR', 'PSE', 'IRQ')
    >>> demonym_iso3("Presidents") is None
    True
    """
    return demonyms().get(word) or demonym_plurals().get(word)


@functools.cache
def demonym_plurals() -> dict[str, str]:
    """Plural demonyms ("Palestinians", "Iraqis") → ISO3, for the gazetteer."""
    out = {}
    for adjective, iso3 in demonyms().items():
        if adjective[-1:].isalpha() and not adjective.endswith(("sh", "ch", "se", "s")):
            out[adjective + "s"] = iso3
    return out


@functools.cache
def seats() -> dict[str, str]:
    """Capital or seat of government → ISO3 of the country it stands for."""
    return {row[0]: row[1] for row in _rows("seats.tsv")}


@functools.cache
def group_nouns() -> dict[str, str]:
    """Lemma of a noun for people acting for a side → its sector ("" for none).

    >>> group_nouns()["troop"], group_nouns()["official"], group_nouns()["delegation"]
    ('military', 'government', '')
    """
    return {row[0]: row[1] if len(row) > 1 else "" for row in _rows("group_nouns.tsv")}


@functools.cache
def adjective_of(iso3: str) -> str | None:
    """The first nationality adjective listed for a country ("CHL" → "Chilean")."""
    return next((adj for adj, code in demonyms().items() if code == iso3), None)


@functools.cache
def country_aliases() -> dict[str, str]:
    """Extra country names → ISO3 (the converter supplies the official ones)."""
    return {row[0]: row[1] for row in _rows("country_aliases.tsv")}


@functools.cache
def wikidata() -> dict[str, str]:
    """Actor key → Wikidata Q-id, only for identities known for certain."""
    return {row[0]: row[1] for row in _rows("wikidata.tsv")}


@dataclass(frozen=True)
class NamedThing:
    """A gazetteer entry: canonical name, aliases, the slug of its key and its country.

    ``country`` is the ISO3 of the country an organisation acts for (an armed or
    political group of one country), or None (an international body).
    """

    name: str
    aliases: tuple[str, ...]
    slug: str
    country: str | None = None


def _named(name: str) -> tuple[NamedThing, ...]:
    out = []
    for row in _rows(name):
        row += [""] * (4 - len(row))
        aliases = tuple(a for a in row[1].split("|") if a)
        out.append(NamedThing(row[0], aliases, row[2], row[3] or None))
    return tuple(out)


def country_in_name(name: str) -> str | None:
    """The one country an organisation's name names (by name, adjective or capital), if any.

    >>> country_in_name("Nigerian Union of Teachers"), country_in_name("Kenya Airways")
    ('NGA', 'KEN')
    >>> country_in_name("Bus Company of Tehran")
    'IRN'
    >>> country_in_name("Organization of African Unity") is None
    True
    """
    words = name.replace("'s", "").split()
    names = country_names()
    found: set[str] = set()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i : i + size])
            iso3 = names.get(phrase) or demonym_iso3(phrase) or seats().get(phrase)
            if iso3 and (size > 1 or phrase[:1].isupper()):
                found.add(iso3)
    return found.pop() if len(found) == 1 else None


@functools.cache
def organizations() -> tuple[NamedThing, ...]:
    """Intergovernmental bodies and well-known organisations."""
    return _named("organizations.tsv")


@functools.cache
def places() -> tuple[NamedThing, ...]:
    """Seats of power and regions that news treats as places."""
    return _named("places.tsv")


@dataclass(frozen=True)
class Title:
    """A title as written, its canonical form, and the country it implies alone."""

    written: str
    canonical: str
    default_iso3: str | None


@functools.cache
def titles() -> dict[str, Title]:
    """Lower-cased written title → :class:`Title`."""
    out = {}
    for row in _rows("titles.tsv"):
        default = row[2] if len(row) > 2 and row[2] else None
        out[row[0].lower()] = Title(row[0], row[1], default)
    return out


@functools.cache
def outlets() -> dict[str, str]:
    """Lower-cased outlet name → its home country's ISO3."""
    return {row[0].lower(): row[1] for row in _rows("outlets.tsv")}


@functools.cache
def speech_verbs() -> frozenset[str]:
    """Lemmas of verbs that attribute words to a speaker."""
    return _words("speech_verbs.txt")


@functools.cache
def weapons() -> frozenset[str]:
    """Head words (lemmas) naming weapons."""
    return _words("weapons.txt")


@functools.cache
def cameo_sectors() -> dict[str, str]:
    """CAMEO actor sector code → the word used as a title ("GOV" → "government")."""
    return {row[0]: row[1] for row in _rows("cameo_sectors.tsv")}


@functools.cache
def goods() -> frozenset[str]:
    """Head words (lemmas) of goods sent as aid: what makes "sent X to" an Aid event."""
    return _words("goods.txt")


@functools.cache
def credit_lines() -> tuple[str, ...]:
    """Lower-case openings of a final credit line ("With wires", "Reporting by")."""
    return tuple(sorted(_words("credit_lines.txt")))


@dataclass(frozen=True)
class Trigger:
    """An event trigger: a word, its part of speech and what it signals."""

    word: str
    pos: str
    cls: str
    frame: str
    preps: tuple[str, ...]
    cameo: str | None
    goldstein: float | None
    plover: str | None = None
    mode: str | None = None


@functools.cache
def triggers() -> dict[tuple[str, str], Trigger]:
    """(word, pos) → :class:`Trigger`.

    Example:
        >>> t = triggers()[("visit", "VERB")]
        >>> t.cls, t.cameo, t.plover, t.mode
        ('Meeting', '042', 'CONSULT', 'visit')
    """
    out = {}
    for row in _rows("triggers.tsv"):
        row += [""] * (9 - len(row))
        word, pos, cls, frame, preps, cameo, goldstein, plover, mode = row[:9]
        out[(word, pos)] = Trigger(
            word=word,
            pos=pos,
            cls=cls,
            frame=frame,
            preps=tuple(p for p in preps.split("|") if p),
            cameo=cameo or None,
            goldstein=float(goldstein) if goldstein else None,
            plover=plover or None,
            mode=mode or None,
        )
    return out


@functools.cache
def derived() -> dict[str, Trigger]:
    """Reading ("intent-cooperate", ...) → the :class:`Trigger` of the event it derives.

    Example:
        >>> d = derived()["intent-conflict"]
        >>> d.cls, d.plover, d.cameo
        ('Threaten', 'THREATEN', '130')
    """
    out = {}
    for row in _rows("derived.tsv"):
        row += [""] * (6 - len(row))
        reading, cls, cameo, goldstein, plover, mode = row[:6]
        out[reading] = Trigger(
            word=reading,
            pos="DERIVED",
            cls=cls,
            frame="derived",
            preps=(),
            cameo=cameo or None,
            goldstein=float(goldstein) if goldstein else None,
            plover=plover or None,
            mode=mode or None,
        )
    return out


@functools.cache
def _country_table() -> tuple[dict[str, str], dict[str, str]]:
    import country_converter as coco

    data = coco.CountryConverter().data
    names: dict[str, str] = {}
    labels: dict[str, str] = {}
    for short, official, iso3 in zip(
        data["name_short"], data["name_official"], data["ISO3"], strict=True
    ):
        names[str(short)] = str(iso3)
        names[str(official)] = str(iso3)
        labels[str(iso3)] = str(short)
    names.update(country_aliases())
    return names, labels


def country_names() -> dict[str, str]:
    """Every country name known → ISO3 (country_converter's names plus our aliases)."""
    return _country_table()[0]


def country_label(iso3: str) -> str:
    """Canonical short name of a country, e.g. ``"RUS"`` → ``"Russia"``."""
    return _country_table()[1].get(iso3, iso3)


@functools.cache
def irrealis() -> frozenset[str]:
    """Auxiliaries and governing verbs that make an event unrealised."""
    return frozenset(modalities())


#: The values :func:`modalities` may give (``pek:modality``; "asserted" is never written).
MODALITIES = ("negated", "planned", "threatened", "hypothetical", "refused")


@functools.cache
def modalities() -> dict[str, str]:
    """Auxiliary or governing verb → the modality it gives the event under it.

    Example:
        >>> modalities()["may"], modalities()["threaten"], modalities()["refuse"]
        ('hypothetical', 'threatened', 'refused')
    """
    return {row[0]: row[1] for row in _rows("irrealis.tsv")}


@functools.cache
def realised_under() -> dict[str, frozenset[str]]:
    """Governing word → event classes it leaves realised ("attempted to assassinate" is an attack).

    >>> sorted(realised_under()["attempt"])
    ['Attack']
    """
    return {
        row[0]: frozenset(c for c in row[2].split("|") if c)
        for row in _rows("irrealis.tsv")
        if len(row) > 2 and row[2]
    }
