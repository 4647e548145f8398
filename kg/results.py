"""Query results → text: an aligned table, SPARQL 1.1 CSV / TSV / JSON / XML, or Turtle.

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
    >>> format_csv(r).splitlines()
    ['voter,choice', 'Russia,https://w3id.org/pekg/ontology#Veto']
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.query import Result
from kg.vocab import prefixes

__all__ = [
    "FORMATS",
    "format_csv",
    "format_json",
    "format_result",
    "format_table",
    "format_tsv",
    "format_xml",
]

FORMATS = ("table", "csv", "tsv", "json", "xml")

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


def _rdflib_result(result: Result) -> Any:
    """The result as rdflib's, so its SPARQL results serialisers write it."""
    from rdflib import Variable
    from rdflib.query import Result as RdflibResult

    if result.kind == "ask":
        answer = RdflibResult("ASK")
        answer.askAnswer = bool(result.boolean)
        return answer
    answer = RdflibResult("SELECT")
    names = [Variable(v) for v in result.variables]
    answer.vars = names
    answer.bindings = [
        {n: t for n, t in zip(names, row, strict=True) if t is not None}  # type: ignore[misc]
        for row in result.rows
    ]
    return answer


def _serialised(result: Result, fmt: str) -> str:
    text = _rdflib_result(result).serialize(format=fmt, encoding="utf-8")
    return text.decode("utf-8") if isinstance(text, bytes) else str(text)


def format_csv(result: Result) -> str:
    """SPARQL 1.1 Query Results CSV (rdflib's writer): IRIs, literal values, empty when unbound."""
    if result.kind != "select":
        return format_table(result) + "\n"
    return _serialised(result, "csv")  # CRLF line ends, as SPARQL CSV and Oxigraph have them


_SHORT = {
    XSD.integer: re.compile(r"[+-]?\d+\Z"),
    XSD.decimal: re.compile(r"[+-]?\d*\.\d+\Z"),
    XSD.double: re.compile(r"[+-]?(\d+\.\d*|\.\d+|\d+)[eE][+-]?\d+\Z"),
    XSD.boolean: re.compile(r"(true|false)\Z"),
}


def _nt(term: Any) -> str:
    """A term as SPARQL TSV results write it: N-Triples syntax, a plain string unmarked.

    >>> _nt(Literal("Russia", datatype=XSD.string)), _nt(Literal(3)), _nt(URIRef("http://x"))
    ('"Russia"', '3', '<http://x>')
    >>> _nt(Literal("2017-04-12", datatype=XSD.date))
    '"2017-04-12"^^<http://www.w3.org/2001/XMLSchema#date>'
    """
    if term is None:
        return ""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        term = Literal(str(term))  # RDF 1.1: a simple literal is an xsd:string
    if isinstance(term, Literal) and term.datatype in _SHORT and _SHORT[term.datatype].match(term):
        return str(term)  # a number or boolean as Turtle writes it, as Oxigraph's TSV does
    text: str = term.n3()
    return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def format_tsv(result: Result) -> str:
    """SPARQL 1.1 Query Results TSV: ``?var`` headers, terms in N-Triples syntax."""
    if result.kind != "select":
        return format_table(result) + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(_nt(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def format_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON (rdflib's writer); a graph as JSON-LD with ``@context``."""
    if result.kind == "graph":
        from kg.write import jsonld

        assert result.graph is not None
        return jsonld(result.graph)
    data = json.loads(_serialised(result, "json"))
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def format_xml(result: Result) -> str:
    """SPARQL 1.1 Query Results XML (rdflib's writer); a graph as RDF/XML."""
    if result.kind == "graph":
        assert result.graph is not None
        return str(result.graph.serialize(format="xml"))
    return _serialised(result, "xml") + "\n"


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
    if fmt == "xml":
        return format_xml(result)
    raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
