"""The event table: one row per event, as event-data users read GDELT or ICEWS.

A row holds an event's date, its directed sides (source: the doers, ``pek:agent``;
target: the sides acted on, ``pek:target``) with their names, countries, sectors and
IRIs, its class with the PLOVER and CAMEO codes and the Goldstein score, how it is
reported (modality), where it happened, the deaths stated, the confidence, how many
articles report it, the first of them and the sentence it was read from.

The table is read from the graph's triples in one pass (:func:`collect`), keeping only
the predicates it shows, so a build's graph file is streamed through Oxigraph and
never loaded into rdflib (:func:`from_paths`); a graph already in memory is read the
same way (:func:`from_graph`). Rows come sorted by date, then event IRI, so the same
graph always gives the same file.

Example:
    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data='''
    ... @prefix pek: <https://w3id.org/pekg/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... @base <https://w3id.org/pekg/id/> .
    ... <event/a1> a pek:Event, pek:Attack ; pek:agent <country/RUS> ;
    ...     pek:target <group/ukr-military> ; pek:date "2022-02-24" ; pek:deaths 3 .
    ... <country/RUS> a pek:Country ; rdfs:label "Russia" ; pek:iso3 "RUS" .
    ... <group/ukr-military> a pek:Group ; rdfs:label "Ukrainian military" ;
    ...     pek:affiliation <country/UKR> .
    ... ''')
    >>> [row] = from_graph(g)
    >>> row["source_name"], row["source_iso3"], row["target_name"], row["target_sector"]
    ('Russia', 'RUS', 'Ukrainian military', 'military')
    >>> row["event_class"], row["deaths"], row["modality"]
    ('Attack', 3, 'realised')
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, Graph
from rdflib.namespace import DCTERMS, PROV

from kg.vocab import PEK

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "COLUMNS",
    "TABLE_FORMATS",
    "Column",
    "TableError",
    "collect",
    "frame",
    "from_graph",
    "from_paths",
    "write_table",
]


@dataclass(frozen=True)
class Column:
    """One column of the event table.

    Attributes:
        name: The column's name in every format.
        dtype: Its pandas dtype in :func:`frame`.
        doc: What it holds, as the README documents it.
    """

    name: str
    dtype: str
    doc: str


#: The columns, in order. Several sides in one slot are joined with "; " in the same
#: order in every slot (by name, then IRI).
COLUMNS: tuple[Column, ...] = (
    Column("event_id", "string", "the event's IRI"),
    Column(
        "date", "datetime64[ns]", "when it happened (the article's date when the text gives none)"
    ),
    Column("source_name", "string", "the doers' names (`pek:agent`)"),
    Column("source_iso3", "string", "the countries the doers act for (`pek:sourceCountry`)"),
    Column("source_kind", "string", "Person, Country, Organization or Group"),
    Column(
        "source_sector",
        "string",
        "a group's sector after CAMEO's actor codes (government, military, police, ...)",
    ),
    Column("source_iri", "string", "the doers' IRIs"),
    Column("target_name", "string", "the sides acted on (`pek:target`)"),
    Column("target_iso3", "string", "the countries they act for (`pek:targetCountry`)"),
    Column("target_kind", "string", "as for the source"),
    Column("target_sector", "string", "as for the source"),
    Column("target_iri", "string", "their IRIs"),
    Column(
        "participants",
        "string",
        "other sides taking part, neither doer nor target "
        "(a meeting's partners, a vote's body and voters)",
    ),
    Column(
        "event_class",
        "category",
        "the `pek:` event class "
        "(Meeting, Attack, Vote, Statement, Accusation, Support or a PLOVER class)",
    ),
    Column("plover_type", "category", "PLOVER category (`pek:ploverType`)"),
    Column("plover_mode", "category", "PLOVER mode (`pek:ploverMode`)"),
    Column("cameo_code", "string", "CAMEO event code, leading zeros kept"),
    Column("goldstein", "Float64", "Goldstein score, -10 (conflict) to +10 (cooperation)"),
    Column(
        "modality",
        "category",
        "realised, or how it is reported otherwise: "
        "negated, planned, threatened, hypothetical, refused",
    ),
    Column("place_name", "string", "where it happened (`pek:place`)"),
    Column("place_iso3", "string", "the place's country"),
    Column("deaths", "Int64", "people killed, as stated"),
    Column("deaths_qualifier", "string", "how the toll is hedged: at least, more than, about"),
    Column("confidence", "Float64", "the extractor's confidence, 0 to 1"),
    Column("extractor", "category", "what found it: rules or model"),
    Column("trigger", "string", "the word that tells the event"),
    Column("article_count", "Int64", "how many articles report it (`pek:articleCount`)"),
    Column("article_id", "string", "the first reporting article's id (earliest date, then id)"),
    Column("article_title", "string", "its headline"),
    Column("article_url", "string", "its address"),
    Column("article_source", "string", "its outlet"),
    Column("article_date", "datetime64[ns]", "its publication date"),
    Column("sentence", "string", "the evidence sentence in that article"),
    Column("char_start", "Int64", "the sentence's first character in the article text"),
    Column("char_end", "Int64", "the character after its last"),
)

#: File suffixes :func:`write_table` writes.
TABLE_FORMATS = ("csv", "parquet", "jsonl")

_EVENT_PROPS = {
    str(PEK[n])
    for n in (
        "agent target participant place date cameoCode goldstein ploverType ploverMode "
        "modality deaths deathsQualifier confidence extractor trigger evidence "
        "sourceCountry targetCountry articleCount"
    ).split()
}
_NODE_PROPS = {
    str(RDFS.label),
    str(PEK.iso3),
    str(PEK.affiliation),
    str(PEK.actsFor),
    str(PEK.articleId),
    str(PEK.article),
    str(PEK.sentence),
    str(PEK.charStart),
    str(PEK.charEnd),
    str(PROV.wasDerivedFrom),
    str(PROV.atLocation),
    str(DCTERMS.title),
    str(DCTERMS.date),
    str(DCTERMS.source),
}
_KEPT = _EVENT_PROPS | _NODE_PROPS
_TYPE = str(RDF.type)
_PEK = str(PEK)
_ACTOR_KINDS = ("Person", "Country", "Organization", "Group", "Place")
_REALISED = "realised"


class TableError(Exception):
    """The table cannot be written (the message names the file and the problem)."""


@dataclass
class Facts:
    """What the table needs of a graph: for each subject, its kept predicates' values."""

    values: dict[str, dict[str, list[str]]]
    types: dict[str, set[str]]

    def all(self, node: str, prop: Any) -> list[str]:
        """Every value of ``prop`` on ``node``, sorted, without repeats."""
        return sorted(set(self.values.get(node, {}).get(str(prop), ())))

    def one(self, node: str, prop: Any) -> str | None:
        """The first value of ``prop`` on ``node`` in sorted order, if any."""
        found = self.all(node, prop)
        return found[0] if found else None


def collect(triples: Iterable[tuple[str, str, str]]) -> Facts:
    """Keep what the table shows of ``(subject, predicate, object)`` strings.

    >>> f = collect([("e", _TYPE, _PEK + "Meeting"), ("e", _PEK + "date", "2020-01-02"),
    ...              ("e", _PEK + "unrelated", "x")])
    >>> f.types["e"], f.one("e", PEK.date), f.all("e", _PEK + "unrelated")
    ({'Meeting'}, '2020-01-02', [])
    """
    values: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    types: dict[str, set[str]] = defaultdict(set)
    for s, p, o in triples:
        if p == _TYPE:
            if o.startswith(_PEK):
                types[s].add(o[len(_PEK) :])
        elif p in _KEPT:
            values[s][p].append(o)
    return Facts(values, types)


def _iso3(facts: Facts, node: str) -> list[str]:
    """The countries an actor is or acts for, as ISO3 codes."""
    codes = set(facts.all(node, PEK.iso3))
    for other in facts.all(node, PEK.actsFor) + facts.all(node, PEK.affiliation):
        codes.update(
            facts.all(other, PEK.iso3)
            or ([other.rpartition("/country/")[2]] if "/country/" in other else [])
        )
    return sorted(codes)


def _kind(facts: Facts, node: str) -> str:
    kinds = facts.types.get(node, set())
    return next((k for k in _ACTOR_KINDS if k in kinds), "Actor")


def sector(facts: Facts, node: str) -> str:
    """A group's sector, from its IRI (``group/tur-police``: police); else empty.

    >>> f = collect([("https://w3id.org/pekg/id/group/tur-police", _TYPE, _PEK + "Group")])
    >>> sector(f, "https://w3id.org/pekg/id/group/tur-police")
    'police'
    """
    if _kind(facts, node) not in ("Group", "Organization"):
        return ""
    ident = node.rpartition("/")[2]
    country, dash, rest = ident.partition("-")
    if node.rpartition("/")[0].endswith(("/group", "/org")) and dash and len(country) == 3:
        if _kind(facts, node) == "Group" or facts.all(node, PEK.affiliation):
            return rest
    return ""


def _label(facts: Facts, node: str) -> str:
    return facts.one(node, RDFS.label) or node.rstrip("/").rpartition("/")[2]


def _sides(facts: Facts, nodes: Iterable[str]) -> list[str]:
    return sorted(set(nodes), key=lambda n: (_label(facts, n).casefold(), n))


def _joined(values: Iterable[str]) -> str | None:
    kept = [v for v in values if v]
    return "; ".join(kept) if kept else None


def _aligned(values: Iterable[str]) -> str | None:
    """Values of several sides joined in their order, empty ones kept in place.

    >>> _aligned(["", "police"]), _aligned(["", ""])
    ('; police', None)
    """
    kept = list(values)
    return "; ".join(kept) if any(kept) else None


def _side_columns(
    facts: Facts, prefix: str, nodes: list[str], countries: list[str]
) -> dict[str, Any]:
    codes = sorted(
        {c for n in countries for c in (facts.all(n, PEK.iso3) or [n.rpartition("/")[2]])}
    )
    if not codes:
        codes = sorted({c for n in nodes for c in _iso3(facts, n)})
    return {
        f"{prefix}_name": _joined(_label(facts, n) for n in nodes),
        f"{prefix}_iso3": _joined(codes),
        f"{prefix}_kind": _aligned(_kind(facts, n) for n in nodes),
        f"{prefix}_sector": _aligned(sector(facts, n) for n in nodes),
        f"{prefix}_iri": _joined(nodes),
    }


def _articles(facts: Facts, event: str) -> list[tuple[str, str]]:
    """The event's articles, earliest first: (article IRI, evidence IRI or "")."""
    found: dict[str, str] = {a: "" for a in facts.all(event, PROV.wasDerivedFrom)}
    for evidence in facts.all(event, PEK.evidence):
        for article in facts.all(evidence, PEK.article) or [""]:
            if article and not found.get(article):
                found[article] = evidence
    return sorted(
        found.items(),
        key=lambda item: (
            facts.one(item[0], DCTERMS.date) or "9999",
            facts.one(item[0], PEK.articleId) or item[0],
        ),
    )


_INT64 = 2**63 - 1


def _number(text: str | None, kind: type = int) -> Any:
    """A number of the graph, or None when it is none a table can hold.

    >>> _number("12"), _number("1e400"), _number("1e30"), _number("0.5", float)
    (12, None, None, 0.5)
    """
    if text is None:
        return None
    try:
        value = kind(float(text)) if kind is int else kind(text)
    except (ValueError, OverflowError):
        return None
    if kind is int and abs(value) > _INT64:
        return None
    if kind is float and value != value or value in (float("inf"), float("-inf")):
        return None
    return value


def _row(facts: Facts, event: str) -> dict[str, Any]:
    agents = _sides(facts, facts.all(event, PEK.agent))
    targets = _sides(facts, facts.all(event, PEK.target))
    others = [
        n
        for n in _sides(facts, facts.all(event, PEK.participant))
        if n not in agents and n not in targets and _kind(facts, n) != "Place"
    ]
    classes = sorted(facts.types.get(event, set()) - {"Event"})
    place = facts.one(event, PEK.place)
    articles = _articles(facts, event)
    article, evidence = articles[0] if articles else ("", "")
    row: dict[str, Any] = {"event_id": event, "date": facts.one(event, PEK.date)}
    row |= _side_columns(facts, "source", agents, facts.all(event, PEK.sourceCountry))
    row |= _side_columns(facts, "target", targets, facts.all(event, PEK.targetCountry))
    row |= {
        "participants": _joined(_label(facts, n) for n in others),
        "event_class": _joined(classes) or "Event",
        "plover_type": facts.one(event, PEK.ploverType),
        "plover_mode": facts.one(event, PEK.ploverMode),
        "cameo_code": facts.one(event, PEK.cameoCode),
        "goldstein": _number(facts.one(event, PEK.goldstein), float),
        "modality": facts.one(event, PEK.modality) or _REALISED,
        "place_name": _label(facts, place) if place else None,
        "place_iso3": _joined(_iso3(facts, place)) if place else None,
        "deaths": _number(facts.one(event, PEK.deaths)),
        "deaths_qualifier": facts.one(event, PEK.deathsQualifier),
        "confidence": _number(facts.one(event, PEK.confidence), float),
        "extractor": facts.one(event, PEK.extractor),
        "trigger": facts.one(event, PEK.trigger),
        "article_count": _number(facts.one(event, PEK.articleCount)) or len(articles),
        "article_id": facts.one(article, PEK.articleId) if article else None,
        "article_title": facts.one(article, DCTERMS.title) if article else None,
        "article_url": facts.one(article, PROV.atLocation) if article else None,
        "article_source": facts.one(article, DCTERMS.source) if article else None,
        "article_date": facts.one(article, DCTERMS.date) if article else None,
        "sentence": " ".join((facts.one(evidence, PEK.sentence) or "").split()) or None
        if evidence
        else None,
        "char_start": _number(facts.one(evidence, PEK.charStart)) if evidence else None,
        "char_end": _number(facts.one(evidence, PEK.charEnd)) if evidence else None,
    }
    return {c.name: row.get(c.name) for c in COLUMNS}


def rows(facts: Facts, include_all: bool = False) -> list[dict[str, Any]]:
    """One row per event (realised ones only unless ``include_all``), by date then IRI."""
    events = [s for s, kinds in facts.types.items() if "Event" in kinds]
    out = [_row(facts, e) for e in events]
    if not include_all:
        out = [r for r in out if r["modality"] == _REALISED]
    return sorted(out, key=lambda r: (r["date"] or "9999", r["event_id"]))


def _graph_triples(graph: Graph) -> Iterator[tuple[str, str, str]]:
    for s, p, o in graph.triples((None, None, None)):
        yield str(s), str(p), str(o)


def from_graph(graph: Graph, include_all: bool = False) -> list[dict[str, Any]]:
    """The event table of an rdflib graph (a Dataset is read as the union of its graphs)."""
    return rows(collect(_graph_triples(graph)), include_all)


def from_paths(paths: Sequence[str | Path], include_all: bool = False) -> list[dict[str, Any]]:
    """The event table of built graph files (or a build directory), streamed.

    Raises:
        kg.query.GraphLoadError: A file is missing or does not parse.
    """
    from kg import query as q

    def triples() -> Iterator[tuple[str, str, str]]:
        for quad in q.quads(paths):
            yield quad.subject.value, quad.predicate.value, quad.object.value

    return rows(collect(triples()), include_all)


def frame(table: list[dict[str, Any]]) -> pd.DataFrame:
    """The rows as a pandas DataFrame with the columns' dtypes (:data:`COLUMNS`)."""
    import pandas as pd

    df = pd.DataFrame(table, columns=[c.name for c in COLUMNS])
    for column in COLUMNS:
        if column.dtype.startswith("datetime"):
            df[column.name] = pd.to_datetime(df[column.name], errors="coerce", format="mixed")
        else:
            df[column.name] = df[column.name].astype(column.dtype)
    return df


def table_format(path: Path, fmt: str | None = None) -> str:
    """The format to write ``path`` in: ``fmt``, else its suffix.

    >>> table_format(Path("events.parquet")), table_format(Path("x"), "csv")
    ('parquet', 'csv')

    Raises:
        TableError: Neither names a table format.
    """
    name = (fmt or path.suffix.lstrip(".")).lower()
    if name not in TABLE_FORMATS:
        known = ", ".join(f".{f}" for f in TABLE_FORMATS)
        raise TableError(f"{path}: unknown table format {name or '(no suffix)'!r}; use {known}")
    return name


def write_table(table: list[dict[str, Any]], path: str | Path, fmt: str | None = None) -> Path:
    """Write the rows to ``path`` as CSV, Parquet or JSON lines, whole or not at all.

    The file is written beside its final name and renamed into place, so an error never
    leaves a half-written table.

    Raises:
        TableError: Unknown format, or the file cannot be written (names the file).
    """
    path = Path(path)
    name = table_format(path, fmt)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise TableError(f"{path}: directory {parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=parent)
    os.close(fd)
    try:
        if name == "csv":
            with open(tmp, "w", newline="", encoding="utf-8") as f:
                writer = csv.DictWriter(
                    f, fieldnames=[c.name for c in COLUMNS], lineterminator="\n"
                )
                writer.writeheader()
                writer.writerows({k: "" if v is None else v for k, v in r.items()} for r in table)
        elif name == "jsonl":
            with open(tmp, "w", encoding="utf-8") as f:
                for r in table:
                    f.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")
        else:
            frame(table).to_parquet(tmp, index=False)
        os.replace(tmp, path)
    except OSError as err:
        raise TableError(f"{path}: cannot write: {err.strerror or err}") from None
    except (ValueError, OverflowError, ImportError) as err:  # pandas or pyarrow refusing a value
        raise TableError(f"{path}: cannot write: {' '.join(str(err).split())}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
