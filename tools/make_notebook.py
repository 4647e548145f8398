"""Write notebooks/explore.ipynb from the cells below (no outputs are ever committed).

Run: .venv/bin/python tools/make_notebook.py
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

CELLS = [
    (
        "md",
        """# Exploring a pekg knowledge graph

This notebook builds the sample article into a knowledge graph, counts what was
found, runs queries from the library (`queries/`) and inline SPARQL, and ranks
actors by centrality with networkx. Every table is a `pandas.DataFrame`.
Cells end with a few `assert`s so the test suite notices when a result changes.""",
    ),
    (
        "code",
        """from pathlib import Path

import networkx as nx
import pandas as pd

import kg

# The notebook runs from notebooks/ (Jupyter) or the repository root.
ROOT = Path.cwd() if (Path.cwd() / "data" / "articles").is_dir() else Path.cwd().parent
g = kg.build(ROOT / "data" / "articles")
g""",
    ),
    ("md", "## What was found"),
    (
        "code",
        """counts = g.counts()
assert len(g.articles) >= 1 and not g.problems
assert counts.query("`class` == 'Country'")["count"].item() >= 3
counts""",
    ),
    (
        "md",
        """## The event table

`g.events()` is the table `kg export events` writes: one row per realised event with its
date, directed source and target (names, ISO3 codes, sectors), class, PLOVER and CAMEO
codes, Goldstein score, place, deaths, confidence and the evidence sentence.""",
    ),
    (
        "code",
        """events = g.events()
assert len(events) >= 5 and (events["modality"] == "realised").all()
assert str(events["date"].dtype) == "datetime64[ns]"
events[["date", "source_name", "event_class", "target_name", "goldstein", "deaths"]].head(10)""",
    ),
    (
        "code",
        """per_day = (
    events.groupby([events["date"].dt.date, "event_class"], observed=True)
    .size()
    .unstack(fill_value=0)
)
assert per_day.to_numpy().sum() == events["date"].notna().sum()
per_day.plot(kind="bar", stacked=True, figsize=(8, 3), title="Events per day by class", rot=0);""",
    ),
    (
        "code",
        """dyads = (
    events.dropna(subset=["source_iso3", "target_iso3"])
    .groupby(["source_iso3", "target_iso3"])["goldstein"]
    .agg(events="count", balance="sum")
    .sort_values("balance")
)
dyads.index = [f"{a} → {b}" for a, b in dyads.index]
assert len(dyads) >= 2
dyads["balance"].plot(
    kind="barh", figsize=(6, 3), title="Cooperation (+) and conflict (−) per directed dyad"
)
dyads""",
    ),
    (
        "md",
        """## Queries from the library

`kg query --list` shows the library; `g.query(name)` runs one, keyword
arguments bind its parameters.""",
    ),
    (
        "code",
        """votes = g.query("votes")
assert {("Russia", "Veto"), ("China", "Abstain")} <= set(zip(votes["voter"], votes["choice"]))
votes[["date", "body", "voter", "choice"]]""",
    ),
    (
        "code",
        """attacks = g.query("attacks")
assert (attacks["deaths"].fillna(0) > 0).any()
attacks[["date", "agent", "target", "instrument", "quantity", "deaths"]]""",
    ),
    (
        "code",
        """roles = g.query("roles")
assert len(roles) >= 3
roles[["person", "title", "of"]]""",
    ),
    (
        "code",
        """dyad = g.query("dyad", a="Russia", b="United States")
assert len(dyad) >= 1
dyad[["date", "class", "actorA", "actorB", "trigger"]]""",
    ),
    ("md", "## Inline SPARQL\n\nThe `pek:`, `pekr:`, `rdfs:` ... prefixes are predeclared."),
    (
        "code",
        """by_class = g.query(\"\"\"
SELECT ?class (COUNT(?event) AS ?events) WHERE {
  ?event a pek:Event, ?c .
  FILTER(?c != pek:Event)
  BIND(STRAFTER(STR(?c), "#") AS ?class)
} GROUP BY ?class ORDER BY DESC(?events) ?class
\"\"\")
assert by_class["events"].sum() >= 5
by_class""",
    ),
    (
        "md",
        """## Who is central

`g.to_networkx("actors")` links actors that take part in the same event; edge
`weight` counts shared events and `balance` sums their Goldstein values
(cooperation above zero, conflict below).""",
    ),
    (
        "code",
        """actors = g.to_networkx("actors")
centrality = pd.DataFrame(
    {
        "actor": [actors.nodes[n]["label"] for n in actors],
        "kind": [actors.nodes[n]["kind"] for n in actors],
        "degree": [actors.degree(n) for n in actors],
        "pagerank": list(nx.pagerank(actors, weight="weight").values()),
        "betweenness": list(nx.betweenness_centrality(actors).values()),
    }
).sort_values(["pagerank", "actor"], ascending=[False, True], ignore_index=True)
assert actors.number_of_nodes() >= 5 and actors.number_of_edges() >= 5
assert centrality["pagerank"].sum() > 0.99
centrality.head(10)""",
    ),
    (
        "md",
        """## The relationship view

`g.show()` draws the graph inline (the same offline page as `kg viz`): hover for the
evidence, click an actor to highlight its neighbourhood, filter by class and date.""",
    ),
    (
        "code",
        """view = g.show(mode="events")
assert 'id="pekg-data"' in view.page and "<script src" not in view.page
view""",
    ),
    (
        "code",
        """analysis = g.analyze()
assert analysis.ranking()[0].label
pd.DataFrame([vars(m) for m in analysis.ranking()[:5]])[["label", "kind", "degree", "pagerank"]]""",
    ),
    (
        "md",
        "## Check the graph\n\n"
        "The SHACL shapes in `ontology/shapes.ttl` state what every build promises.",
    ),
    (
        "code",
        """report = g.validate()
assert report.conforms, report
print(report)""",
    ),
]


def main() -> None:
    nb = new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    for kind, source in CELLS:
        nb.cells.append(new_markdown_cell(source) if kind == "md" else new_code_cell(source))
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"
    path = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"
    path.parent.mkdir(exist_ok=True)
    nbformat.validate(nb)
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
