"""One event per happening: the same event reported by several articles is one node.

Each article's extraction mints its own event nodes (their IRIs come from the article
and the event, so rebuilding an article reproduces them). Over a whole build, events
that tell the same happening are merged into one node, the way event datasets count
the articles reporting an event:

- the same class, the same doers, targets and (for an event with neither) partners,
  the same modality;
- dates at most a day apart (a story dated in one time zone, a report of it in
  another), and no two different places;
- at least one side named, and a date: an undated event, or one with no side, is
  never merged.

The merged node keeps the IRI of the event in the earliest article reporting it (by
publication date, then article id), so a rerun with a later article updates the
count, not the node's IRI. It keeps that event's single-valued facts (confidence,
date, trigger, toll, codes) and gathers every article's evidence, ``prov:wasDerivedFrom``
and sides. Every event carries ``pek:articleCount``, the number of articles reporting
it (1 for most).

Like :mod:`kg.identity`, this runs on built triples (N-Triples text of each article
from the corpus manifest), so every build path — in memory, streamed, parallel, on
Dask — merges the same way.

Example:
    >>> e, rus = "<https://w3id.org/pekg/id/event/a/1>", "<https://w3id.org/pekg/id/country/RUS>"
    >>> a = (f"{e} <{RDF_TYPE}> <{PEK_NS}Attack> .\\n{e} <{PEK_NS}agent> {rus} .\\n"
    ...      f'{e} <{PEK_NS}date> "2022-03-01"^^<{XSD_NS}date> .\\n')
    >>> b = a.replace("event/a/1", "event/b/9").replace("03-01", "03-02")
    >>> found = find_merges([("a", "2022-03-01", a), ("b", "2022-03-03", b)])
    >>> found.canonical
    {'https://w3id.org/pekg/id/event/b/9': 'https://w3id.org/pekg/id/event/a/1'}
    >>> found.counts["https://w3id.org/pekg/id/event/a/1"]
    2
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kg.mint import BASE
from kg.write import _parse_line, split_lines

__all__ = ["Merges", "count_lines", "find_merges", "rewrite_nt"]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PEK_NS = "https://w3id.org/pekg/ontology#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
_EVENT = f"<{BASE}event/"
_DCTERMS_DATE = "<http://purl.org/dc/terms/date>"

#: Facts an event holds once: a merged node keeps its canonical event's.
SINGLE_VALUED = frozenset(
    f"<{PEK_NS}{name}>"
    for name in (
        "date dateText confidence goldstein cameoCode ploverType ploverMode extractor "
        "modality deaths deathsQualifier quantity instrument trigger motion place"
    ).split()
)
#: What the merged node takes from its canonical report alone: the single-valued facts,
#: and a vote's body and ballots (each report would add the same voters' ballots again).
CANONICAL_ONLY = SINGLE_VALUED | {f"<{PEK_NS}ballot>", f"<{PEK_NS}body>"}
_SIDES = {f"<{PEK_NS}{n}>": n for n in ("agent", "target", "participant", "body")}


@dataclass
class _Event:
    iri: str
    article: str
    article_date: str
    classes: set[str] = field(default_factory=set)
    sides: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    date: str | None = None
    place: str | None = None
    modality: str | None = None
    ballots: tuple[tuple[str, str], ...] = ()  # (voter, choice), sorted
    facts: set[str] = field(default_factory=set)  # the fillable facts it states

    def key(self) -> tuple[object, ...] | None:
        """What two reports of one happening share (None: never merged)."""
        agents, targets = self.sides.get("agent", set()), self.sides.get("target", set())
        partners = set() if agents or targets else self.sides.get("participant", set())
        if not (agents or targets or partners) or self.date is None:
            return None
        return (
            tuple(sorted(self.classes)),
            tuple(sorted(agents)),
            tuple(sorted(targets)),
            tuple(sorted(partners)),
            tuple(sorted(self.sides.get("body", set()))),  # a vote: the same body,
            self.ballots,  # and the same ballots
            self.modality,
        )


@dataclass
class Merges:
    """The merges of a build.

    Attributes:
        canonical: Event IRI → the IRI of the node it is merged into (only events that
            are merged into another are listed).
        counts: Every kept event IRI → the number of articles reporting it.
        home: Every kept event IRI → the id of the article its canonical event is from.
    """

    canonical: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    home: dict[str, str] = field(default_factory=dict)
    rewritten: set[str] = field(default_factory=set)  # articles with an event merged away
    keep: dict[str, set[str]] = field(default_factory=dict)  # report → facts the node lacks
    merged_away: dict[str, int] = field(default_factory=dict)  # class → reports merged away

    def by_article(self) -> dict[str, list[str]]:
        """Article id → the kept event nodes whose canonical event it holds."""
        out: dict[str, list[str]] = defaultdict(list)
        for iri, article in self.home.items():
            out[article].append(iri)
        return out


def _value(term: str) -> str:
    """The lexical value of an N-Triples literal or the IRI of an IRI term."""
    if term.startswith("<"):
        return term[1:-1]
    return term[1 : term.rindex('"')]


def _event_of(iri: str) -> str:
    """The event an IRI under ``event/`` belongs to: itself, or the event of a ballot.

    >>> _event_of(BASE + "event/a/12/ballot/country-chn") == BASE + "event/a/12"
    True
    """
    head = f"{BASE}event/"
    parts = iri[len(head) :].split("/")
    return head + "/".join(parts[:2])


#: Facts a merged node takes from a later report when its own report lacks them (a toll
#: with its qualifier, a place, a weapon and how many).
FILLABLE = {
    f"<{PEK_NS}{name}>": {f"<{PEK_NS}{n}>" for n in also}
    for name, also in (
        ("place", ("place",)),
        ("deaths", ("deaths", "deathsQualifier")),
        ("instrument", ("instrument", "quantity")),
    )
}


def _events(article: str, article_date: str, nt: str) -> Iterator[_Event]:
    found: dict[str, _Event] = {}
    ballots: dict[str, dict[str, str]] = defaultdict(dict)  # ballot IRI → voter, choice
    for line in split_lines(nt):
        if not line.startswith(_EVENT):
            continue
        subject, predicate, obj = _parse_line(line)
        iri = subject[1:-1]
        if _event_of(iri) != iri:  # a ballot of the event
            if predicate in (f"<{PEK_NS}voter>", f"<{PEK_NS}choice>"):
                ballots[iri][predicate] = _value(obj)
            continue
        event = found.setdefault(iri, _Event(iri, article, article_date))
        if predicate in FILLABLE:
            event.facts.add(predicate)
        if predicate == f"<{RDF_TYPE}>":
            event.classes.add(_value(obj))
        elif predicate in _SIDES:
            event.sides[_SIDES[predicate]].add(_value(obj))
        elif predicate == f"<{PEK_NS}date>":
            event.date = _value(obj)
        elif predicate == f"<{PEK_NS}place>":
            event.place = _value(obj)
        elif predicate == f"<{PEK_NS}modality>":
            event.modality = _value(obj)
    for ballot, parts in ballots.items():
        voted = found.get(_event_of(ballot))
        if voted is not None:
            pair = (parts.get(f"<{PEK_NS}voter>", ""), parts.get(f"<{PEK_NS}choice>", ""))
            voted.ballots = tuple(sorted({*voted.ballots, pair}))
    yield from found.values()


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def find_merges(articles: Iterable[tuple[str, str | None, str]]) -> Merges:
    """The merges of a build from each article's ``(id, publication date, N-Triples)``."""
    groups: dict[tuple[object, ...], list[_Event]] = defaultdict(list)
    merges = Merges()
    for article, date, nt in articles:
        for event in _events(article, date or "9999-12-31", nt):
            merges.counts[event.iri] = 1
            merges.home[event.iri] = article
            key = event.key()
            if key is not None:
                groups[key].append(event)
    for members in groups.values():
        if len(members) > 1:
            _merge_group(members, merges)
    return merges


def _order(event: _Event) -> tuple[str, str, str]:
    """Which report names the happening: the earliest article, then its id, then the IRI."""
    return (event.article_date, event.article, event.iri)


def _merge_group(members: list[_Event], merges: Merges) -> None:
    """Cluster one key's events by date (a day apart at most, places agreeing), merge each."""
    members.sort(key=lambda e: (_day(e.date or "") or dt.date.max, _order(e)))
    clusters: list[list[_Event]] = []
    # Members come by date, so only the newest clusters can be a day from the next one:
    # the newest with each place, the newest with none, and the newest of all.
    first: dict[int, dt.date] = {}  # cluster index → its first day
    place_of: dict[int, str | None] = {}
    by_place: dict[str, int] = {}
    unplaced: int | None = None
    newest: int | None = None
    for event in members:
        day = _day(event.date or "")

        def near(index: int | None, day: dt.date | None = day) -> bool:
            return index is not None and day is not None and (day - first[index]).days <= 1

        chosen: int | None = None
        if event.place is not None:
            chosen = by_place.get(event.place)
            if not near(chosen):
                chosen = unplaced if near(unplaced) else None
                if chosen is not None:  # a cluster with no place yet takes this one's
                    unplaced = None
                    place_of[chosen] = event.place
                    by_place[event.place] = chosen
        elif near(newest):
            chosen = newest
        if chosen is None or day is None:
            chosen = len(clusters)
            clusters.append([])
            first[chosen] = day or dt.date.max
            place_of[chosen] = event.place
            if event.place is None:
                unplaced = chosen
            else:
                by_place[event.place] = chosen
        clusters[chosen].append(event)
        newest = chosen
    for cluster in clusters:
        if len(cluster) < 2:
            continue
        head = min(cluster, key=_order)
        articles = {e.article for e in cluster}
        for fact, together in FILLABLE.items():  # what the head lacks, the first to say it
            if fact not in head.facts:
                giver = min((e for e in cluster if fact in e.facts), key=_order, default=None)
                if giver is not None:
                    merges.keep.setdefault(giver.iri, set()).update(together)
        for event in cluster:
            if event is not head:
                merges.canonical[event.iri] = head.iri
                merges.rewritten.add(event.article)
                for cls in event.classes:
                    name = cls.rpartition("#")[2]
                    if cls.startswith(PEK_NS) and name != "Event":
                        merges.merged_away[name] = merges.merged_away.get(name, 0) + 1
                merges.counts.pop(event.iri, None)
                merges.home.pop(event.iri, None)
        merges.counts[head.iri] = len(articles)


def rewrite_nt(nt: str, merges: Merges) -> str:
    """An article's N-Triples with its merged events written as their canonical nodes:
    their single-valued facts dropped, everything else moved onto the canonical IRI."""
    if not merges.canonical:
        return nt
    out = []
    for line in split_lines(nt):
        if _EVENT in line:
            subject, predicate, obj = _parse_line(line)
            iri = subject[1:-1]
            if subject.startswith(_EVENT) and _event_of(iri) != iri:
                if _event_of(iri) in merges.canonical:
                    continue  # a merged report's ballot: the node keeps its own
            head = merges.canonical.get(iri)
            if head is not None:
                if predicate in CANONICAL_ONLY and predicate not in merges.keep.get(iri, ()):
                    continue
                subject = f"<{head}>"
            moved = merges.canonical.get(obj[1:-1]) if obj.startswith(_EVENT) else None
            line = f"{subject} {predicate} {f'<{moved}>' if moved else obj} ."
        out.append(line)
    return "".join(f"{line}\n" for line in sorted(set(out)))


def count_lines(events: Iterable[str], merges: Merges) -> list[str]:
    """``pek:articleCount`` of event nodes, as N-Triples lines.

    >>> count_lines(["e"], Merges(counts={"e": 2}))[0].split(" ")[2]
    '"2"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    return sorted(
        f'<{iri}> <{PEK_NS}articleCount> "{merges.counts[iri]}"^^<{XSD_NS}integer> .\n'
        for iri in events
        if iri in merges.counts
    )


def article_date(nt: str) -> str | None:
    """An article's publication date from its N-Triples (``dcterms:date``), if any."""
    for line in split_lines(nt):
        if f" {_DCTERMS_DATE} " in line and line.startswith(f"<{BASE}article/"):
            return _value(_parse_line(line)[2])
    return None
