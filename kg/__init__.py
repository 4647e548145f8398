"""pekg: news articles → an RDF knowledge graph of political events."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
