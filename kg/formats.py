"""The RDF formats a build writes and a query reads: one registry for every stage.

The command line's ``--format`` choices, the writers (:mod:`kg.write`, :mod:`kg.corpus`),
the API's suffix guess and the loaders (:mod:`kg.query`, :mod:`kg.store`) all read
:data:`FORMATS`, so a format is added or changed in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RdfFormat:
    """One RDF serialisation.

    Attributes:
        name: The ``--format`` value, also the file suffix without its dot.
        rdflib: rdflib's parser / serialiser name.
        oxigraph: The name of the ``pyoxigraph.RdfFormat`` attribute.
        quads: Whether the format holds named graphs (a build puts each article in one).
        streamed: Whether a corpus build writes it line by line from the manifest.
    """

    name: str
    rdflib: str
    oxigraph: str
    quads: bool = False
    streamed: bool = True

    @property
    def suffix(self) -> str:
        """The file suffix, with its dot.

        >>> FORMATS["ttl"].suffix
        '.ttl'
        """
        return f".{self.name}"

    @property
    def graph_file(self) -> str:
        """The name of a build's graph file in this format.

        >>> FORMATS["nq"].graph_file
        'graph.nq'
        """
        return f"graph{self.suffix}"


#: Every format by name; the first is the one a build writes when none is asked for.
FORMATS: dict[str, RdfFormat] = {
    f.name: f
    for f in (
        RdfFormat("ttl", "turtle", "TURTLE"),
        RdfFormat("nt", "nt", "N_TRIPLES"),
        RdfFormat("nq", "nquads", "N_QUADS", quads=True),
        RdfFormat("trig", "trig", "TRIG", quads=True),
        RdfFormat("jsonld", "json-ld", "JSON_LD", streamed=False),
    )
}

#: The format a build writes when none is asked for.
DEFAULT = next(iter(FORMATS))

#: When a build directory holds its graph in several formats, the first of these is read
#: (named graphs first: they keep which article each triple came from).
PREFERENCE = ("nq", "trig", "ttl", "nt", "jsonld")

#: Suffix (with its dot) → format.
BY_SUFFIX: dict[str, RdfFormat] = {f.suffix: f for f in FORMATS.values()}


def names() -> list[str]:
    """The ``--format`` choices, default first.

    >>> names()
    ['ttl', 'nt', 'nq', 'trig', 'jsonld']
    """
    return list(FORMATS)


def suffix_list() -> str:
    """The suffixes a loader reads, for messages.

    >>> suffix_list()
    '.ttl, .nt, .nq, .trig or .jsonld'
    """
    suffixes = [FORMATS[n].suffix for n in names()]
    return ", ".join(suffixes[:-1]) + f" or {suffixes[-1]}"


def of_path(path: str | Path) -> RdfFormat | None:
    """The format a file name's suffix names, or None.

    >>> of_path("out/graph.trig").name
    'trig'
    >>> of_path("notes.txt") is None
    True
    """
    return BY_SUFFIX.get(Path(path).suffix)


def get(name: str) -> RdfFormat:
    """The format called ``name``.

    Raises:
        ValueError: No format has that name (the message lists the choices).

    >>> get("nt").rdflib
    'nt'
    >>> get("xml")
    Traceback (most recent call last):
    ...
    ValueError: unknown format 'xml' (choose from ttl, nt, nq, trig, jsonld)
    """
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r} (choose from {', '.join(names())})") from None
