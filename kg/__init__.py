"""pekg: news articles → an RDF knowledge graph of political events.

The API (see :mod:`kg.api`)::

    import kg
    g = kg.build("data/articles")          # or kg.load("out/graph.ttl")
    g.query("votes")                        # a library query → pandas.DataFrame
    g.query("SELECT ?e WHERE { ?e a pek:Attack }")
    g.to_networkx("actors")
    g.validate()
    g.serialize("out/graph.ttl")

Names are imported on first use, so ``kg --help`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["KnowledgeGraph", "__version__", "build", "load"]

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph, build, load


def __getattr__(name: str) -> Any:
    if name in ("KnowledgeGraph", "build", "load"):
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
