"""Identity across articles: a bare surname in one article is the full name of another.

Each article resolves its own people ("Lavrov" joins "Sergey Lavrov" when both are
in it), but an article that only says "Lavrov" mints ``person/lavrov``. Over a whole
build, such a one-word person is merged into the one person of the build whose full
name ends in that word (or, failing that, holds it), and only when there is exactly
one: two Bushes leave "Bush" alone. The merged node keeps the short name as a
``skos:altLabel``, so nothing read is lost.

This runs on built triples (a graph, or N-Triples and Turtle text from the corpus
manifest), never on spaCy output, so the in-memory and the streaming builds merge
the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rdflib import RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from kg.mint import BASE

PERSON = f"{BASE}person/"
_PERSON_IRI = re.compile(r"<(" + re.escape(PERSON) + r"[^>]+)>")
_LABEL = f"<{RDFS.label}>"
_ALT_LABEL = f"<{SKOS.altLabel}>"


def _parts(word: str) -> set[str]:
    """A surname and its part after a hyphenated particle ("al-Assad" → also "Assad")."""
    return {word, word.split("-")[-1]} if "-" in word else {word}


def person_merges(labels: Mapping[str, str]) -> dict[str, str]:
    """Person IRI of a one-word name → the IRI of the one full name it stands for.

    Args:
        labels: Person IRI → its label, over the whole build.

    Returns:
        Only the unambiguous merges.

    Example:
        >>> person_merges({"p/lavrov": "Lavrov", "p/sergey-lavrov": "Sergey Lavrov",
        ...                "p/bush": "Bush", "p/george-bush": "George Bush",
        ...                "p/laura-bush": "Laura Bush", "p/xi": "Xi", "p/xi-jinping": "Xi Jinping",
        ...                "p/madonna": "Madonna"})
        {'p/lavrov': 'p/sergey-lavrov', 'p/xi': 'p/xi-jinping'}
    """
    # Indexes from a word to the full names ending in it or holding it: one pass over
    # the names, then one lookup per one-word name (linear in the number of people).
    by_last: dict[str, set[str]] = {}
    by_any: dict[str, set[str]] = {}
    for iri, label in labels.items():
        words = label.split()
        if len(words) < 2:
            continue
        for part in _parts(words[-1]):
            by_last.setdefault(part, set()).add(iri)
        for word in words:
            by_any.setdefault(word, set()).add(iri)
    out: dict[str, str] = {}
    for iri, label in sorted(labels.items()):
        if len(label.split()) != 1:
            continue
        candidates = by_last.get(label) or by_any.get(label) or set()
        if len(candidates) == 1:
            out[iri] = next(iter(candidates))
    return out


def merge_graph(graph: Graph) -> dict[str, str]:
    """Merge one-word people of ``graph`` into their full names, in place.

    Returns:
        The merges made (IRI → IRI).
    """
    labels = {
        str(s): str(o)
        for s, o in graph.subject_objects(RDFS.label)
        if isinstance(s, URIRef) and str(s).startswith(PERSON)
    }
    merges = person_merges(labels)
    for old, new in merges.items():
        source, target = URIRef(old), URIRef(new)
        for p, o in list(graph.predicate_objects(source)):
            graph.remove((source, p, o))
            graph.add((target, SKOS.altLabel if p == RDFS.label else p, o))
        for s, p in list(graph.subject_predicates(source)):
            graph.remove((s, p, source))
            graph.add((s, p, target))
    return merges


def labels_from_lines(lines: Iterable[str]) -> dict[str, str]:
    """Person IRI → label, from actor description lines in N-Triples."""
    label_lines = [line for line in lines if line.startswith(f"<{PERSON}") and _LABEL in line]
    graph = Graph().parse(data="".join(label_lines), format="nt") if label_lines else Graph()
    return {str(s): str(o) for s, o in graph.subject_objects(RDFS.label)}


def rewrite_text(text: str, merges: Mapping[str, str]) -> str:
    """Replace merged person IRIs in N-Triples or Turtle text (IRIs written in full)."""
    if not merges:
        return text
    return _PERSON_IRI.sub(lambda m: f"<{merges.get(m.group(1), m.group(1))}>", text)


def rewrite_actor_lines(lines: Iterable[str], merges: Mapping[str, str]) -> list[str]:
    """Actor description lines after the merges: sorted, distinct, one label a node.

    A merged node's ``rdfs:label`` becomes an ``skos:altLabel`` of the node it joins.
    """
    out: set[str] = set()
    for line in lines:
        match = _PERSON_IRI.match(line)
        if match and match.group(1) in merges and f"> {_LABEL} " in line:
            line = line.replace(f"> {_LABEL} ", f"> {_ALT_LABEL} ", 1)
        out.add(rewrite_text(line, merges))
    return sorted(out)
