"""Query results → text: an aligned table, SPARQL 1.1 CSV / TSV / JSON, or Turtle.

Example:
    >>> from rdflib import Literal, URIRef
    >>> from kg.query import Result
    >>> r = Result("select", ["voter", "choice"],
    ...            [(Literal("Russia"), URIRef("https://w3id.org/pekg/ontology#Veto"))])
    >>> print(format_table(r))
    voter   choice
    ------  --------
    Russia  pek:Veto
    (1 row)
    >>> print(format_csv(r), end="")
    voter,choice
    Russia,https://w3id.org/pekg/ontology#Veto
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.query import Result
from kg.vocab import prefixes

__all__ = ["FORMATS", "format_csv", "format_json", "format_result", "format_table", "format_tsv"]

FORMATS = ("table", "csv", "tsv", "json")

#: Widest a table cell gets before it is cut with an ellipsis.
MAX_CELL = 70


def short(term: Any) -> str:
    """A term as a person reads it: prefixed IRIs, literal values, ``_:`` blank nodes.

    Example:
        >>> short(URIRef("https://w3id.org/pekg/id/country/RUS"))
        'pekr:country/RUS'
        >>> short(Literal("2017-04-12", datatype=XSD.date))
        '2017-04-12'
        >>> short(None)
        ''
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        iri = str(term)
        best = ""
        for prefix, namespace in prefixes().items():
            if iri.startswith(namespace) and len(namespace) > len(prefixes().get(best, "")):
                best = prefix
        return f"{best}:{iri[len(prefixes()[best]) :]}" if best else iri
    if isinstance(term, BNode):
        return f"_:{term}"
    return " ".join(str(term).split())


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def format_table(result: Result) -> str:
    """An aligned, human-readable table (long cells cut), with the row count."""
    if result.kind == "ask":
        return "true" if result.boolean else "false"
    if result.kind == "graph":
        return format_turtle(result)
    header = result.variables
    cells = [[_cut(short(t)) for t in row] for row in result.rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(header)]

    def line(values: list[str]) -> str:
        padded = [v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)]
        return "  ".join(padded).rstrip()

    out = [line(header), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    n = len(result.rows)
    out.append(f"({n} row{'s' if n != 1 else ''})")
    return "\n".join(out)


def _csv_value(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def format_csv(result: Result, delimiter: str = ",") -> str:
    """SPARQL 1.1 Query Results CSV: full IRIs, literal values, empty when unbound."""
    if result.kind != "select":
        return format_table(result) + "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_csv_value(t) for t in row])
    return buffer.getvalue()


def _nt(term: Any) -> str:
    """A term in N-Triples syntax, as SPARQL TSV results write it."""
    if term is None:
        return ""
    text: str = term.n3()
    return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def format_tsv(result: Result) -> str:
    """SPARQL 1.1 Query Results TSV: ``?var`` headers, terms in N-Triples syntax."""
    if result.kind != "select":
        return format_table(result) + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_nt(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


def format_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON (``head`` / ``results.bindings`` or ``boolean``)."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}) + "\n"
    if result.kind == "graph":
        assert result.graph is not None
        return str(result.graph.serialize(format="json-ld")) + "\n"
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    data = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def format_turtle(result: Result) -> str:
    """The triples of a CONSTRUCT or DESCRIBE as Turtle."""
    assert result.graph is not None
    return str(result.graph.serialize(format="turtle")).rstrip("\n")


def format_result(result: Result, fmt: str = "table") -> str:
    """Format ``result`` as ``table``, ``csv``, ``tsv`` or ``json`` (graphs: Turtle or JSON-LD).

    Raises:
        ValueError: ``fmt`` is not one of :data:`FORMATS`.
    """
    if fmt == "table":
        return format_table(result) + "\n"
    if fmt == "csv":
        return format_csv(result)
    if fmt == "tsv":
        return format_tsv(result)
    if fmt == "json":
        return format_json(result)
    raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
