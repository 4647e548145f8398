"""Score extraction on sentence-level PLOVER event records (``kg eval --plover``).

A PLOVER record is one news sentence coded with one event: a category
(``CONSULT``, ``ASSAULT``, ...), ``source`` and ``target`` actors (each an
``actorText``, a ``code`` such as ``USA`` or ``IGO``, and a ``sector``) and a
``date``. :func:`load_records` reads a file of them, :func:`score` builds every
sentence as its own one-sentence article and checks, for each record:

- **typed right**: the article has an event of the class the category maps to
  (:data:`CATEGORY_CLASSES`; a category not listed there maps to its own name
  capitalised, ``THREATEN`` → ``Threaten``, which matches once the ontology and
  the extractors have such a class);
- **dyad right**: typed right, and one such event has an agent matching a source
  actor and, where the record has a target, a different actor among its targets
  matching a target actor (:func:`dyad_right`, :func:`actor_matches`);
- **extra events**: the article's events beyond the one matched;
- the classes found in the sentence, for a confusion table.

:func:`format_report` renders a :class:`PloverReport` as text,
:meth:`PloverReport.to_dict` as JSON-ready data. Records are read from the path
the user gives at run time; nothing of them is stored in the repository.

Example:
    >>> from kg.vocab import PEK, PEKR
    >>> from rdflib import RDF, Literal
    >>> from rdflib.namespace import PROV
    >>> g = Graph()
    >>> e, usa = PEKR["event/plover-1/x"], PEKR["country/USA"]
    >>> for t in [(e, RDF.type, PEK.Accusation), (e, RDF.type, PEK.Event),
    ...           (e, PEK.agent, usa), (e, PROV.wasDerivedFrom, PEKR["article/plover-1"]),
    ...           (usa, PEK.iso3, Literal("USA"))]:
    ...     _ = g.add(t)
    >>> record = Record(1, "r1", "Washington condemned the raid.", "DISAPPROVE", None,
    ...                 (CodedActor("Washington", "USA"),), ())
    >>> report = score([record], g)
    >>> r = report.results[0]
    >>> r.typed, r.dyad, r.found, r.extra
    (True, True, ('Accusation',), 0)
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import PROV, SKOS
from rdflib.term import Node

from kg.evaluate import EVENT_TYPES, normalise
from kg.model import Article
from kg.read import ReadProblem, normalise_text, unwrap
from kg.vocab import PEK, PEKR, ontology_path

__all__ = [
    "CATEGORY_CLASSES",
    "CodedActor",
    "PloverReport",
    "Record",
    "RecordResult",
    "actor_matches",
    "article_id",
    "category_class",
    "defined_classes",
    "dyad_right",
    "format_report",
    "load_records",
    "parse_loose_date",
    "score",
    "score_file",
]

log = logging.getLogger(__name__)

#: PLOVER categories whose contract class is not named after them. Any other
#: category maps to its own name capitalised (:func:`category_class`).
CATEGORY_CLASSES: Mapping[str, str] = {
    "CONSULT": "Meeting",
    "ASSAULT": "Attack",
    "FIGHT": "Attack",
    "DISAPPROVE": "Accusation",
    "SUPPORT": "Support",
}

#: PLOVER's categories in its own order, for the report (others follow, sorted).
CATEGORIES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "INVESTIGATE",
    "DEMAND",
    "DISAPPROVE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "COERCE",
    "ASSAULT",
    "FIGHT",
)

#: Keys under which an object holding the records may keep them.
_LIST_KEYS = ("records", "data", "items", "events")

#: The column of the confusion table for sentences in which no event was found.
NONE = "none"

_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DASHED_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ])")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class CodedActor:
    """A source or target actor of a record: its words, code and sector.

    Attributes:
        text: The words the coder read as the actor (``actorText``).
        code: Mostly an ISO 3166 alpha-3 code, else ``IGO``, ``NGO``, ...
        sector: ``GOV``, ``MIL``, ``REB``, ... (not used in scoring).
    """

    text: str
    code: str = ""
    sector: str = ""


@dataclass(frozen=True)
class Record:
    """One coded sentence.

    Attributes:
        n: Position in the file, counting from 1; the article id is ``plover-<n>``.
        id: The record's own ``id``, or ``record <n>`` when it has none.
        text: The sentence.
        event: The PLOVER category, upper-case.
        date: The record's date, when it could be read.
        source: Source actors (none when the record names none).
        target: Target actors (none when the record has no target).
    """

    n: int
    id: str
    text: str
    event: str
    date: dt.date | None
    source: tuple[CodedActor, ...]
    target: tuple[CodedActor, ...]


def category_class(category: str) -> str:
    """The ``pek:`` event class a PLOVER category corresponds to.

    Examples:
        >>> category_class("CONSULT"), category_class("fight")
        ('Meeting', 'Attack')
        >>> category_class("THREATEN")
        'Threaten'
    """
    category = category.strip().upper()
    return CATEGORY_CLASSES.get(category) or category.capitalize()


def article_id(n: int) -> str:
    """The id of the article built from record ``n``.

    Example:
        >>> article_id(7)
        'plover-7'
    """
    return f"plover-{n}"


def parse_loose_date(value: Any) -> dt.date | None:
    """Read ``YYYY-MM-DD`` (a time part may follow) or ``YYYYMMDD``; anything else is None.

    Examples:
        >>> parse_loose_date("2000-01-31"), parse_loose_date("20000131")
        (datetime.date(2000, 1, 31), datetime.date(2000, 1, 31))
        >>> parse_loose_date("2000-1-3T12:00:00")
        datetime.date(2000, 1, 3)
        >>> parse_loose_date("2000-02-30"), parse_loose_date("Jan 2000"), parse_loose_date(None)
        (None, None, None)
    """
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = value.strip()
    match = _COMPACT_DATE.match(value) or _DASHED_DATE.match(value)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _coded_actors(value: Any, where: str, slot: str) -> tuple[CodedActor, ...]:
    """A record's ``source`` or ``target`` as actors.

    Missing, ``null`` and ``""`` mean none; a lone object is one actor. A bare
    string is not an actor list (one dev-file record has a lone word there): it
    is read as none, with a warning.
    """
    if value is None or value == "" or value == []:
        return ()
    if isinstance(value, str):
        log.warning(
            "%s: %s is a string (%r), not a list of actors: read as none", where, slot, value
        )
        return ()
    if isinstance(value, Mapping):
        value = [value]
    if not isinstance(value, list):
        raise ValueError(f"{where}: `{slot}` is not a list of actors")
    actors = []
    for i, entry in enumerate(value):
        if not isinstance(entry, Mapping):
            raise ValueError(f"{where}: `{slot}[{i}]` is not an object")
        text, code, sector = (entry.get(k) for k in ("actorText", "code", "sector"))
        if not any(isinstance(v, str) and v.strip() for v in (text, code)):
            raise ValueError(f"{where}: `{slot}[{i}]` has neither `actorText` nor `code`")
        actors.append(
            CodedActor(
                text=" ".join(text.split()) if isinstance(text, str) else "",
                code=code.strip().upper() if isinstance(code, str) else "",
                sector=sector.strip() if isinstance(sector, str) else "",
            )
        )
    return tuple(actors)


def _record(obj: Any, n: int, where: str) -> Record:
    """One record of a file, checked; ``where`` names it in errors."""
    if not isinstance(obj, Mapping):
        raise ValueError(f"{where}: not an object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"{where}: no `text`")
    event = obj.get("event")
    if not isinstance(event, str) or not event.strip():
        raise ValueError(f"{where}: no `event` (PLOVER category)")
    own_id = obj.get("id")
    return Record(
        n=n,
        id=str(own_id) if isinstance(own_id, str | int) and str(own_id).strip() else f"record {n}",
        text=text,
        event=event.strip().upper(),
        date=parse_loose_date(obj.get("date")),
        source=_coded_actors(obj.get("source"), where, "source"),
        target=_coded_actors(obj.get("target"), where, "target"),
    )


def _record_list(data: Any, where: str) -> list[Any]:
    """The records of a parsed file: a list, an object holding one, or one record."""
    if isinstance(data, list):
        return data
    if isinstance(data, Mapping):
        if "text" in data and "event" in data:
            return [data]
        for key in _LIST_KEYS:
            if isinstance(data.get(key), list):
                return list(data[key])
        lists = [v for v in data.values() if isinstance(v, list)]
        if len(lists) == 1:
            return lists[0]
        raise ValueError(f"{where}: an object, but not holding one list of records")
    raise ValueError(f"{where}: not a list of records")


def _parse(raw: str, where: str) -> Any:
    """Parse a JSON document, or JSON Lines (one record a line)."""
    try:
        return json.loads(raw)
    except json.JSONDecodeError as err:
        lines = [line for line in raw.splitlines() if line.strip()]
        if len(lines) > 1:
            try:
                return [json.loads(line) for line in lines]
            except json.JSONDecodeError:
                pass
        raise ValueError(
            f"{where}: not JSON ({err.msg} at line {err.lineno} column {err.colno})"
        ) from None


def load_records(path: str | Path) -> list[Record]:
    """Read PLOVER records from a JSON file.

    The file may hold a list of records, an object holding that list (under
    ``records``, ``data``, ``items`` or as its only list), or JSON Lines. Each
    record needs a ``text`` and an ``event``; ``source``/``target`` may be lists
    of ``{actorText, code, sector}``, a lone object, or missing/``null``/``""``
    (none); ``date`` may be ``YYYY-MM-DD`` or ``YYYYMMDD`` (anything else: no date).

    Args:
        path: The records file.

    Returns:
        The records in file order, numbered from 1.

    Raises:
        ValueError: One line naming the file (and record) that cannot be read.
    """
    where = str(path)
    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except OSError as err:
        raise ValueError(f"{where}: cannot read: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise ValueError(f"{where}: not UTF-8 text") from None
    items = _record_list(_parse(raw, where), where)
    if not items:
        raise ValueError(f"{where}: no records")
    return [_record(obj, n, f"{where}: record {n}") for n, obj in enumerate(items, start=1)]


# --------------------------------------------------------------------------- matching


def _codes(graph: Graph, node: Node) -> set[str]:
    """ISO codes of an actor and of whom it acts for (``pek:affiliation``, roles)."""
    sides = {node, *graph.objects(node, PEK.affiliation)}
    for role in graph.objects(node, PEK.holdsRole):
        sides.update(graph.objects(role, PEK.roleOf))
    return {str(code).strip().upper() for side in sides for code in graph.objects(side, PEK.iso3)}


def _names(graph: Graph, node: Node) -> set[str]:
    """An actor's labels and alternative labels, normalised."""
    labels = [*graph.objects(node, RDFS.label), *graph.objects(node, SKOS.altLabel)]
    return {normalise(str(label)) for label in labels}


def actor_matches(graph: Graph, node: Node, actor: CodedActor) -> bool:
    """Whether a graph actor is a record's actor.

    It is when its ``pek:iso3``, or that of a country it is affiliated with
    (``pek:affiliation``, or ``pek:holdsRole``/``pek:roleOf``), equals the
    record's ``code``, or when one of its labels (``rdfs:label``,
    ``skos:altLabel``) equals the ``actorText`` up to case, spacing, a leading
    "the" and a possessive "'s".

    Example:
        >>> from rdflib import Literal
        >>> g = Graph()
        >>> person, fra = PEKR["person/x"], PEKR["country/FRA"]
        >>> _ = g.add((fra, PEK.iso3, Literal("FRA")))
        >>> _ = g.add((person, PEK.affiliation, fra))
        >>> actor_matches(g, person, CodedActor("French officials", "FRA"))
        True
        >>> actor_matches(g, person, CodedActor("German officials", "DEU"))
        False
    """
    if actor.code and actor.code in _codes(graph, node):
        return True
    return bool(actor.text) and normalise(actor.text) in _names(graph, node)


def _side(roles: Mapping[Node, set[str]], role: str) -> list[Node]:
    """The actors of an event in ``role``; when nobody holds it, the plain participants.

    A meeting names its sides as participants, with no agent or target: they
    stand for either side.
    """
    holders = [actor for actor, held in roles.items() if role in held]
    if holders:
        return holders
    return [actor for actor, held in roles.items() if held == {"participant"}]


def dyad_right(graph: Graph, roles: Mapping[Node, set[str]], record: Record) -> bool:
    """Whether an event's actors fit a record's source and target.

    An agent must match a source actor (:func:`actor_matches`) and, where the
    record has a target, another of the event's actors, among its targets, must
    match a target actor. A side nobody holds as agent (or target) is filled by
    the event's plain participants. A record without source actors needs only
    its target (an attack by unknown assailants).

    Args:
        graph: The graph holding the actors.
        roles: The event's actors and their roles (``agent``, ``target``,
            ``participant``, ...).
        record: The record.

    Example:
        >>> from rdflib import Literal
        >>> g = Graph()
        >>> a, b = PEKR["country/ISR"], PEKR["country/PSE"]
        >>> _ = g.add((a, PEK.iso3, Literal("ISR")))
        >>> _ = g.add((b, PEK.iso3, Literal("PSE")))
        >>> rec = Record(1, "r", "...", "ASSAULT", None, (CodedActor("", "ISR"),),
        ...              (CodedActor("", "PSE"),))
        >>> dyad_right(g, {a: {"agent"}, b: {"target"}}, rec)
        True
        >>> dyad_right(g, {b: {"agent"}, a: {"target"}}, rec)
        False
    """
    agents = [
        a for a in _side(roles, "agent") if any(actor_matches(graph, a, s) for s in record.source)
    ]
    if record.source and not agents:
        return False
    if not record.target:
        return True
    targets = [
        t for t in _side(roles, "target") if any(actor_matches(graph, t, x) for x in record.target)
    ]
    if not record.source:
        return bool(targets)
    return any(a != t for a in agents for t in targets)


# --------------------------------------------------------------------------- events


@lru_cache(maxsize=1)
def _superclasses() -> dict[str, frozenset[str]]:
    """Every ``pek:`` class of the ontology and its ``pek:`` superclasses (transitively)."""
    onto = Graph()
    path = ontology_path()
    if path.is_file():
        onto.parse(path, format="turtle")
    direct: dict[str, set[str]] = {}
    for sub, sup in onto.subject_objects(RDFS.subClassOf):
        if str(sub).startswith(str(PEK._NS)) and str(sup).startswith(str(PEK._NS)):
            direct.setdefault(_local(sub), set()).add(_local(sup))
    closed: dict[str, frozenset[str]] = {}
    for cls in direct:
        seen: set[str] = set()
        todo = list(direct[cls])
        while todo:
            parent = todo.pop()
            if parent not in seen:
                seen.add(parent)
                todo.extend(direct.get(parent, ()))
        closed[cls] = frozenset(seen)
    return closed


def _local(iri: Node) -> str:
    return str(iri).rpartition("#")[2]


def defined_classes() -> frozenset[str]:
    """The event classes the ontology defines (subclasses of ``pek:Event``).

    Without the ontology file (an installed copy may lack it), the contract's classes.

    Example:
        >>> {"Meeting", "Attack", "Accusation", "Support"} <= defined_classes()
        True
    """
    found = frozenset(cls for cls, sups in _superclasses().items() if "Event" in sups)
    return found or frozenset(EVENT_TYPES)


def _classes(types: Iterable[Node]) -> set[str]:
    """An event's most specific ``pek:`` classes (``pek:Event`` and superclasses dropped).

    Example:
        >>> sorted(_classes([PEK.Event, PEK.Accusation]))
        ['Accusation']
    """
    names = {_local(t) for t in types if str(t).startswith(str(PEK._NS))} - {"Event"}
    supers = _superclasses()
    return {n for n in names if not any(n in supers.get(other, ()) for other in names)}


@dataclass
class _Event:
    classes: set[str]
    roles: dict[Node, set[str]]


def _article_events(graph: Graph) -> dict[str, list[_Event]]:
    """The realised events of a graph by the article they were derived from (its IRI).

    Events with a ``pek:modality`` (negated, planned, threatened, ...) are left out:
    they say that something did not, or has yet to, happen.
    """
    out: dict[str, list[_Event]] = {}
    for event in sorted(set(graph.subjects(RDF.type, PEK.Event)), key=str):
        if (event, PEK.modality, None) in graph:
            continue  # negated, planned, threatened...: not a claim that it happened
        roles: dict[Node, set[str]] = {}
        for prop in ("agent", "target", "participant"):
            for actor in graph.objects(event, PEK[prop]):
                if isinstance(actor, URIRef):
                    roles.setdefault(actor, set()).add(prop)
        for held in roles.values():
            if len(held) > 1:
                held.discard("participant")
        info = _Event(_classes(graph.objects(event, RDF.type)), roles)
        for article in set(graph.objects(event, PROV.wasDerivedFrom)):
            out.setdefault(str(article), []).append(info)
    return out


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class RecordResult:
    """How one record came out.

    Attributes:
        n: The record's position (its article is ``plover-<n>``).
        id: The record's id.
        category: Its PLOVER category.
        cls: The event class that category maps to.
        typed: An event of ``cls`` was found in the sentence.
        dyad: ... and one of them has the record's source and target.
        found: The classes of the events found in the sentence, sorted, once each.
        events: How many events were found.
        built: False when the sentence could not be built (see the report's problems).
    """

    n: int
    id: str
    category: str
    cls: str
    typed: bool
    dyad: bool
    found: tuple[str, ...]
    events: int
    built: bool = True

    @property
    def extra(self) -> int:
        """Events found beyond the one matched (all of them when none matched)."""
        return self.events - int(self.typed)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready fields (not the sentence)."""
        return {
            "n": self.n,
            "id": self.id,
            "category": self.category,
            "class": self.cls,
            "typed": self.typed,
            "dyad": self.dyad,
            "found": list(self.found),
            "events": self.events,
            "extra": self.extra,
            "built": self.built,
        }


def _category_key(category: str) -> tuple[int, str]:
    return (CATEGORIES.index(category) if category in CATEGORIES else len(CATEGORIES), category)


def _rate(k: int, n: int) -> float | None:
    return k / n if n else None


@dataclass
class PloverReport:
    """Scores of a set of records: per record, with totals by category.

    Attributes:
        results: One per record, in file order.
        problems: Sentences that could not be built, one line each.
        defined: The event classes the ontology defined when scoring.
    """

    results: list[RecordResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    defined: frozenset[str] = field(default_factory=frozenset)

    def categories(self) -> list[str]:
        """The categories present, in PLOVER's order (unknown ones last, sorted)."""
        return sorted({r.category for r in self.results}, key=_category_key)

    def counts(
        self, category: str | None = None, defined_only: bool = False
    ) -> tuple[int, int, int]:
        """``(records, typed right, dyad right)`` of a category, or of all records.

        With ``defined_only``, only records whose class the ontology defines count.
        """
        rows = [
            r
            for r in self.results
            if (category is None or r.category == category)
            and (not defined_only or r.cls in self.defined)
        ]
        return len(rows), sum(r.typed for r in rows), sum(r.dyad for r in rows)

    @property
    def extra_per_sentence(self) -> float:
        """Events beyond the matched one, averaged over the records (0.0 with none)."""
        return sum(r.extra for r in self.results) / len(self.results) if self.results else 0.0

    def confusion(self) -> dict[str, Counter[str]]:
        """Per category, in how many of its sentences each class (or ``none``) was found.

        A sentence with events of several classes counts once under each, so a
        row may add up to more than its records.
        """
        table: dict[str, Counter[str]] = {c: Counter() for c in self.categories()}
        for r in self.results:
            table[r.category].update(r.found or (NONE,))
        return table

    def columns(self) -> list[str]:
        """The confusion table's columns: classes found, sorted, then ``none``."""
        found = {cls for r in self.results for cls in r.found}
        return [*sorted(found), NONE]

    def to_dict(self) -> dict[str, Any]:
        """Everything as JSON-ready data (rates ``None`` where there are no records)."""

        def block(n: int, typed: int, dyad: int) -> dict[str, Any]:
            return {
                "n": n,
                "typed": typed,
                "dyad": dyad,
                "typed_rate": _rate(typed, n),
                "dyad_rate": _rate(dyad, n),
            }

        return {
            "records": len(self.results),
            "categories": {
                c: {
                    "class": category_class(c),
                    "defined": category_class(c) in self.defined,
                    **block(*self.counts(c)),
                }
                for c in self.categories()
            },
            "overall": block(*self.counts()),
            "overall_defined": block(*self.counts(defined_only=True)),
            "extra_events_per_sentence": self.extra_per_sentence,
            "confusion": {c: dict(sorted(row.items())) for c, row in self.confusion().items()},
            "problems": list(self.problems),
            "results": [r.to_dict() for r in self.results],
        }


#: Builds one graph from articles (e.g. ``lambda a: build_articles(a).graph``).
Builder = Callable[[list[Article | ReadProblem]], Graph]


def _articles(records: Sequence[Record]) -> list[Article | ReadProblem]:
    """One article a record, as :func:`kg.read.read_text` makes it, without its language guess.

    The records say they are English; a short sentence thick with names can fall
    under the guess's share of stop words, and would go unbuilt.
    """
    out: list[Article | ReadProblem] = []
    for r in records:
        where = f"record {r.n} ({r.id})"
        text = unwrap(normalise_text(r.text))
        if not text.strip():
            out.append(ReadProblem(where, "empty text"))
        else:
            out.append(Article(id=article_id(r.n), text=text, date=r.date, path=where))
    return out


def _default_builder(model: str | None, detector: str | None = None) -> Builder:
    def build(articles: list[Article | ReadProblem]) -> Graph:
        from kg.pipeline import build_articles

        return build_articles(articles, model=model, detector=detector).graph

    return build


def score(
    records: Sequence[Record],
    graph_or_builder: Graph | Builder | None = None,
    model: str | None = None,
    detector: str | None = None,
) -> PloverReport:
    """Build every record's sentence and score it.

    Each record becomes a one-sentence article with id ``plover-<n>``, dated by
    the record; events are traced back to their record through
    ``prov:wasDerivedFrom``. All articles are built in one go.

    Args:
        records: From :func:`load_records`.
        graph_or_builder: A graph already built from these records' articles; or
            a function building one from a list of articles; or None to build with
            the project's pipeline (:func:`kg.pipeline.build_articles`).
        model: The spaCy model for the default build.
        detector: How the default build uses the learned event detector
            (:mod:`kg.detect`; None: off).

    Returns:
        The report.
    """
    articles = _articles(records)
    problems = [str(a) for a in articles if isinstance(a, ReadProblem)]
    if isinstance(graph_or_builder, Graph):
        graph = graph_or_builder
    else:
        graph = (graph_or_builder or _default_builder(model, detector))(articles)
    by_article = _article_events(graph)
    report = PloverReport(problems=problems, defined=defined_classes())
    for record, article in zip(records, articles, strict=True):
        found = by_article.get(str(PEKR[f"article/{article_id(record.n)}"]), [])
        cls = category_class(record.event)
        typed = [e for e in found if cls in e.classes]
        report.results.append(
            RecordResult(
                n=record.n,
                id=record.id,
                category=record.event,
                cls=cls,
                typed=bool(typed),
                dyad=any(dyad_right(graph, e.roles, record) for e in typed),
                found=tuple(sorted({c for e in found for c in e.classes})),
                events=len(found),
                built=isinstance(article, Article),
            )
        )
    return report


def score_file(
    path: str | Path, model: str | None = None, detector: str | None = None
) -> PloverReport:
    """Load a records file and score it with the project's pipeline (for ``kg eval --plover``).

    Raises:
        ValueError: The file cannot be read as records (one line, naming it).
    """
    return score(load_records(path), model=model, detector=detector)


# --------------------------------------------------------------------------- table


def _fmt(k: int, n: int) -> str:
    return f"{k / n:.3f}" if n else "-"


def format_report(report: PloverReport) -> str:
    """Render a report as aligned text tables.

    First, per category: its class (``*`` when the ontology has no such class
    yet, so the category cannot be typed right), records, typed-right and
    dyad-right rates; then overall, over all records and over those whose class
    is defined. Then extra events per sentence, and the confusion table: rows
    are categories, columns the classes found in their sentences (or ``none``).

    Example:
        >>> rep = PloverReport([RecordResult(1, "a", "CONSULT", "Meeting", True, False,
        ...                     ("Meeting", "Statement"), 2)], defined=frozenset({"Meeting"}))
        >>> print(format_report(rep))
        category  class        n   typed    dyad
        ----------------------------------------
        CONSULT   Meeting      1   1.000   0.000
        ----------------------------------------
        overall                1   1.000   0.000
        defined classes        1   1.000   0.000
        <BLANKLINE>
        extra events per sentence: 1.000 (1 events beyond the matched one, 1 sentences)
        <BLANKLINE>
        found in sentence  Meeting  Statement  none
        CONSULT                  1          1     0
    """
    if not report.results:
        return "(no records scored)"
    categories = report.categories()
    shown = {
        c: category_class(c) + ("" if category_class(c) in report.defined else "*")
        for c in categories
    }
    first = max(len("category"), *(len(c) for c in categories)) + 2
    second = max(len("class"), *(len(v) for v in shown.values())) + 2
    totals = (("overall", False), ("defined classes", True))
    label = max(first + second, *(len(name) + 1 for name, _ in totals))
    header = f"{'category':<{first}}{'class':<{label - first}}{'n':>5}{'typed':>8}{'dyad':>8}"
    rule = "-" * len(header)
    lines = [header, rule]
    for category in categories:
        n, typed, dyad = report.counts(category)
        lines.append(
            f"{category:<{first}}{shown[category]:<{label - first}}"
            f"{n:>5}{_fmt(typed, n):>8}{_fmt(dyad, n):>8}"
        )
    lines.append(rule)
    for name, only in totals:
        n, typed, dyad = report.counts(defined_only=only)
        lines.append(f"{name:<{label}}{n:>5}{_fmt(typed, n):>8}{_fmt(dyad, n):>8}")
    if any(v.endswith("*") for v in shown.values()):
        lines.append("* class not in the ontology yet: never typed right")
    extra = sum(r.extra for r in report.results)
    lines += [
        "",
        f"extra events per sentence: {report.extra_per_sentence:.3f} "
        f"({extra} events beyond the matched one, {len(report.results)} sentences)",
        "",
    ]
    columns = report.columns()
    corner = "found in sentence"
    width = max(len(corner), *(len(c) for c in categories))
    lines.append(f"{corner:<{width}}" + "".join(f"{c:>{len(c) + 2}}" for c in columns))
    for category, row in report.confusion().items():
        lines.append(
            f"{category:<{width}}" + "".join(f"{row.get(c, 0):>{len(c) + 2}}" for c in columns)
        )
    if report.problems:
        lines += ["", f"not built: {len(report.problems)}", *report.problems]
    return "\n".join(lines)
