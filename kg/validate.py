"""SHACL validation of a built graph against ``ontology/shapes.ttl``.

Runs pyshacl without inference and with the ontology mixed into the data (the
graph carries its superclass types explicitly; the ontology supplies the class
hierarchy the event-type constraint looks up). Each violation becomes a
:class:`Violation` a person can read.

Example:
    >>> from rdflib import Graph, RDF
    >>> from kg.vocab import PEK, PEKR
    >>> g = Graph()
    >>> _ = g.add((PEKR["event/a/1"], RDF.type, PEK.Event))
    >>> report = validate(g)
    >>> print(report)
    does not conform: 3 violations
      pekr:event/a/1: An event needs an event class of the ontology, such as pek:Meeting.
      pekr:event/a/1 pek:evidence: An event must have at least one pek:evidence.
      pekr:event/a/1 pek:participant: An event must have at least one pek:participant.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from rdflib import Dataset, Graph
from rdflib.namespace import SH

from kg.results import short
from kg.vocab import ontology_path, shapes_path

__all__ = ["Report", "Violation", "validate"]


@dataclass(frozen=True, order=True)
class Violation:
    """One failed constraint.

    Attributes:
        focus: The node that fails, shortened (``pekr:event/...``).
        path: The property concerned, shortened, or ``""`` for a node-level constraint.
        message: The shape's message.
        value: The offending value, shortened, or ``""``.
        severity: ``Violation``, ``Warning`` or ``Info``.
    """

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}".strip()
        value = f" (value: {self.value})" if self.value else ""
        prefix = "" if self.severity == "Violation" else f"[{self.severity}] "
        return f"{prefix}{where}: {self.message}{value}"


@dataclass
class Report:
    """The outcome of :func:`validate`: whether the graph conforms, and why not."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def __str__(self) -> str:
        if self.conforms:
            return "conforms: the graph satisfies every shape"
        n = len(self.violations)
        lines = [f"does not conform: {n} violation{'s' if n != 1 else ''}"]
        lines += [f"  {v}" for v in self.violations]
        return "\n".join(lines)


@cache
def _shapes() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


@cache
def _ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def validate(graph: Graph) -> Report:
    """Check ``graph`` against the shapes.

    Args:
        graph: A built graph (or a dataset; all its triples are checked).

    Returns:
        A :class:`Report`; ``conforms`` is false when any violation is found.
    """
    import pyshacl

    if isinstance(graph, Dataset):
        # pyshacl checks each named graph of a dataset on its own; the union is what counts.
        flat = Graph()
        for triple in graph.triples((None, None, None)):
            flat.add(triple)
        graph = flat
    conforms, results, _ = pyshacl.validate(
        graph,
        shacl_graph=_shapes(),
        ont_graph=_ontology(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
    )
    violations: set[Violation] = set()
    for result in results.subjects(SH.resultSeverity, None):
        severity = str(results.value(result, SH.resultSeverity)).rpartition("#")[2]
        focus = results.value(result, SH.focusNode)
        value = results.value(result, SH.value)
        violations.add(
            Violation(
                focus=short(focus),
                path=short(results.value(result, SH.resultPath)),
                message=str(results.value(result, SH.resultMessage) or "constraint failed"),
                value="" if value == focus else short(value),
                severity=severity or "Violation",
            )
        )
    return Report(bool(conforms), sorted(violations))
