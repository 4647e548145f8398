"""Score a built graph against a hand-annotated gold file (``kg eval``).

A gold file (``gold/*.gold.json``, see the contract) annotates one article with
its ``entities``, ``events`` and ``quotes``. :func:`score_article` compares one
built :class:`rdflib.Graph` with one gold dict and reports precision, recall and
F1 for each part:

- **entities**: nodes typed ``pek:Person``, ``pek:Country``, ``pek:Organization``
  or ``pek:Place`` against gold entities of the same type, matched one-to-one by
  normalised label / altLabel (:func:`normalise`);
- **events**: event nodes against gold events of the same class, matched
  one-to-one when every gold actor is among the node's actors;
- **arguments** (date, place, instrument, quantity, deaths, deaths qualifier,
  ballot choices, quote text) on matched required events, and the dates alone;
- **roles** held by matched persons;
- **quotes** and their speakers.

Only rdflib is needed: the graph may come from any build.
"""

from __future__ import annotations

import json
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from kg.lexicon import EVENT_CLASSES

PEK = Namespace("https://w3id.org/pekg/ontology#")
PEKR = Namespace("https://w3id.org/pekg/id/")

#: Entity classes, in the order that decides a node's reported type when it has
#: several (a node typed Country and Place counts once, as Country).
ENTITY_TYPES = ("Person", "Country", "Organization", "Place")

#: Event classes of the ontology (gold files may name further ``pek:`` classes).
EVENT_TYPES = EVENT_CLASSES

#: Ballot choices, named after the ``pek:`` individuals.
CHOICES = ("Yes", "No", "Abstain", "Veto")

#: Gold event slots whose actors must all be found for an event to match.
ACTOR_SLOTS = ("agent", "target", "participants", "body")

#: Gold event slots that name entities but are not needed for a match.
OTHER_ENTITY_SLOTS = ("about",)

#: Arguments checked on matched events, in report order.
ARGUMENTS = (
    "date",
    "place",
    "instrument",
    "quantity",
    "deaths",
    "deaths_qualifier",
    "ballot",
    "quote",
)

_ACTOR_PROPERTIES = (PEK.participant, PEK.agent, PEK.target, PEK.body)

_QUOTE_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)

_OUTER = string.punctuation + string.whitespace + "\u2026\u2013\u2014"


# --------------------------------------------------------------------------- text


def fold_quotes(text: str) -> str:
    """Replace curly quotes and apostrophes by straight ones.

    Args:
        text: Any text.

    Returns:
        The text with typographic single quotes folded to ``'`` and double
        quotes to ``"``.

    Examples:
        >>> fold_quotes("we\u2019re \u201cfine\u201d")
        'we\\'re "fine"'
    """
    return text.translate(_QUOTE_FOLD)


def normalise(name: str) -> str:
    """Normalise a name for matching labels against gold names.

    Case-folds, folds curly quotes, collapses whitespace, then drops a leading
    "the " and a trailing possessive "'s".

    Args:
        name: A label, alias or gold name.

    Returns:
        The normalised name.

    Examples:
        >>> normalise("The  Kremlin")
        'kremlin'
        >>> normalise("Russia\u2019s")
        'russia'
        >>> normalise(" United\\nStates ")
        'united states'
    """
    text = " ".join(fold_quotes(name).casefold().split())
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text.strip()


def normalise_quote(text: str) -> str:
    """Normalise quotation text for comparison.

    Folds curly quotes, case-folds, collapses whitespace and strips punctuation
    and spaces from both ends.

    Args:
        text: The words of a quotation.

    Returns:
        The normalised text.

    Examples:
        >>> normalise_quote(" \u201cIt\u2019s  certainly possible.\u201d ")
        "it's certainly possible"
    """
    return " ".join(fold_quotes(text).casefold().split()).strip(_OUTER)


def _alternatives(entry: str) -> list[str]:
    """Split a gold ``"a|b"`` entry into its alternatives.

    Examples:
        >>> _alternatives("assad| syria")
        ['assad', 'syria']
    """
    return [part.strip() for part in entry.split("|") if part.strip()]


def _as_list(value: Any) -> list[Any]:
    """A gold slot as a list (a slot may hold one string or a list).

    Examples:
        >>> _as_list("unsc"), _as_list(["a", "b"]), _as_list(None)
        (['unsc'], ['a', 'b'], [])
    """
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def _actor_entries(event: Mapping[str, Any]) -> list[str]:
    """The gold actor entries an event match needs: actor slots and ballot voters.

    Examples:
        >>> _actor_entries({"body": "unsc", "target": ["syria"],
        ...                 "ballots": [{"voter": "china", "choice": "Abstain"}]})
        ['syria', 'unsc', 'china']
    """
    entries: list[str] = []
    for slot in ACTOR_SLOTS:
        entries.extend(_as_list(event.get(slot)))
    entries.extend(ballot["voter"] for ballot in event.get("ballots") or [])
    return entries


# --------------------------------------------------------------------------- scores


def _ratio(numerator: int, denominator: int) -> float:
    """``numerator / denominator``, or 1.0 when there is nothing to count."""
    return numerator / denominator if denominator else 1.0


@dataclass
class Scores:
    """Counts and precision / recall / F1 for one part of the evaluation.

    An empty side counts as perfect: precision is 1.0 when nothing was
    extracted, recall is 1.0 when the gold has nothing to find.

    Attributes:
        tp: Gold items found.
        fp: Extracted items that are wrong (match nothing in the gold).
        fn: Gold items not found.
        tp_system: Extracted items that are right, when this differs from
            ``tp`` (one extracted quote may hold several gold quotes); ``None``
            means the same as ``tp``.

    Examples:
        >>> s = Scores(tp=3, fp=1, fn=1)
        >>> s.precision, s.recall, s.f1
        (0.75, 0.75, 0.75)
        >>> (s + Scores(tp=1)).to_dict()["tp"]
        4
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_system: int | None = None

    @property
    def right(self) -> int:
        """Extracted items that are right."""
        return self.tp if self.tp_system is None else self.tp_system

    @property
    def precision(self) -> float:
        """Right extracted items / all extracted items."""
        return _ratio(self.right, self.right + self.fp)

    @property
    def recall(self) -> float:
        """Gold items found / all gold items."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Scores) -> Scores:
        tp_system = None
        if self.tp_system is not None or other.tp_system is not None:
            tp_system = self.right + other.right
        return Scores(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, tp_system)

    def to_dict(self) -> dict[str, Any]:
        """Counts and rates as a JSON-ready dict."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tp_system": self.right,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Ratio:
    """How many of a number of checks came out right.

    Attributes:
        correct: Checks that hold.
        total: Checks made.

    Examples:
        >>> Ratio(3, 4).value
        0.75
        >>> Ratio().to_dict()
        {'correct': 0, 'total': 0, 'ratio': None}
        >>> (Ratio(1, 2) + Ratio(1, 2)).to_dict()
        {'correct': 2, 'total': 4, 'ratio': 0.5}
    """

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        """``correct / total``, 1.0 when nothing was checked."""
        return _ratio(self.correct, self.total)

    def add(self, ok: bool) -> None:
        """Record one check."""
        self.total += 1
        self.correct += int(ok)

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.correct + other.correct, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        """Counts and ratio as a JSON-ready dict (``ratio`` ``None`` if nothing was checked)."""
        ratio = round(self.value, 4) if self.total else None
        return {"correct": self.correct, "total": self.total, "ratio": ratio}


def _empty_arguments() -> dict[str, Ratio]:
    return {name: Ratio() for name in ARGUMENTS}


@dataclass
class ArticleScore:
    """The evaluation of one article (or a micro-averaged total).

    Attributes:
        article: The article file name from the gold file (or a total's title).
        entities: Entity matching.
        events: Event matching over required gold events (system events matched
            to optional gold events count neither way).
        arguments: Per-argument checks on matched required events.
        roles: Gold roles held by the matched persons.
        quotes: Quote matching; precision is over all extracted ``pek:Quote``.
        bands: Extracted realised events by ``pek:confidence`` band (see
            :func:`confidence_band`): how many matched a gold event (required or
            optional) out of how many were extracted, i.e. precision per band.
        counts: Raw sizes: ``system_entities``, ``gold_entities`` (required),
            ``system_events``, ``gold_events`` (required),
            ``gold_events_optional``, ``optional_events_matched``,
            ``system_quotes``, ``gold_quotes``.
        gold_path: The gold file scored against, when known.
    """

    article: str
    entities: Scores = field(default_factory=Scores)
    events: Scores = field(default_factory=Scores)
    arguments: dict[str, Ratio] = field(default_factory=_empty_arguments)
    roles: Ratio = field(default_factory=Ratio)
    quotes: Scores = field(default_factory=Scores)
    bands: dict[str, Ratio] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    gold_path: str | None = None

    @property
    def arguments_overall(self) -> Ratio:
        """All argument checks together."""
        total = Ratio()
        for ratio in self.arguments.values():
            total = total + ratio
        return total

    @property
    def dates(self) -> Ratio:
        """Dates right on matched required events that have a gold date."""
        return self.arguments.get("date", Ratio())

    def to_dict(self) -> dict[str, Any]:
        """The whole evaluation as a JSON-ready dict."""
        return {
            "article": self.article,
            "gold": self.gold_path,
            "entities": self.entities.to_dict(),
            "events": self.events.to_dict(),
            "arguments": {
                "overall": self.arguments_overall.to_dict(),
                **{name: ratio.to_dict() for name, ratio in self.arguments.items()},
            },
            "dates": self.dates.to_dict(),
            "roles": self.roles.to_dict(),
            "quotes": self.quotes.to_dict(),
            "confidence_bands": {band: r.to_dict() for band, r in sorted(self.bands.items())},
            "counts": dict(self.counts),
        }


def micro_average(results: Sequence[ArticleScore]) -> ArticleScore:
    """Sum the counts of several articles (micro-average).

    Args:
        results: Per-article scores.

    Returns:
        One score whose rates are computed over the summed counts.

    Examples:
        >>> a = ArticleScore("a", entities=Scores(tp=1, fn=1))
        >>> b = ArticleScore("b", entities=Scores(tp=2, fp=2))
        >>> round(micro_average([a, b]).entities.f1, 3)
        0.667
    """
    total = ArticleScore(f"TOTAL (micro-average over {len(results)} articles)")
    for result in results:
        total.entities = total.entities + result.entities
        total.events = total.events + result.events
        total.roles = total.roles + result.roles
        total.quotes = total.quotes + result.quotes
        for name, ratio in result.arguments.items():
            total.arguments[name] = total.arguments.get(name, Ratio()) + ratio
        for band, ratio in result.bands.items():
            total.bands[band] = total.bands.get(band, Ratio()) + ratio
        for name, count in result.counts.items():
            total.counts[name] = total.counts.get(name, 0) + count
    return total


#: Lower edges of the confidence bands precision is reported for.
BAND_EDGES = (0.0, 0.6, 0.7, 0.8, 0.9)


def confidence_band(value: float | None) -> str:
    """The band a ``pek:confidence`` value falls in, as a label.

    Examples:
        >>> confidence_band(0.5), confidence_band(0.7), confidence_band(0.85), confidence_band(1.0)
        ('0.0-0.6', '0.7-0.8', '0.8-0.9', '0.9-1.0')
        >>> confidence_band(None)
        'none'
    """
    if value is None:
        return "none"
    lower = max(edge for edge in BAND_EDGES if value >= edge - 1e-9)
    edges = (*BAND_EDGES, 1.0)
    upper = edges[edges.index(lower) + 1]
    return f"{lower:.1f}-{upper:.1f}"


# --------------------------------------------------------------------------- table


def _fmt_rate(value: float) -> str:
    return f"{value:.3f}"


def _format_block(result: ArticleScore) -> list[str]:
    header = f"{'part':<20}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}"
    lines = [result.article, header, "-" * len(header)]

    def prf(name: str, s: Scores) -> None:
        lines.append(
            f"{name:<20}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
            f"{_fmt_rate(s.precision):>8}{_fmt_rate(s.recall):>8}{_fmt_rate(s.f1):>8}"
        )

    def ratio(name: str, r: Ratio) -> None:
        shown = _fmt_rate(r.value) if r.total else "-"
        lines.append(
            f"{name:<20}{r.correct:>6}{'-':>6}{r.total - r.correct:>6}{'-':>8}{shown:>8}{'-':>8}"
        )

    prf("entities", result.entities)
    prf("events", result.events)
    ratio("arguments", result.arguments_overall)
    for name, r in result.arguments.items():
        if r.total:
            ratio(f"  {name}", r)
    ratio("roles", result.roles)
    prf("quotes", result.quotes)
    ratio("dates", result.dates)
    for band, r in sorted(result.bands.items()):
        ratio(f"  events @{band}", r)
    counts = result.counts
    if counts:
        lines.append(
            f"events: {counts.get('system_events', 0)} extracted, "
            f"{counts.get('gold_events', 0)} required + "
            f"{counts.get('gold_events_optional', 0)} optional in gold, "
            f"{counts.get('optional_events_matched', 0)} matched optional"
        )
    return lines


def format_table(results: Sequence[ArticleScore]) -> str:
    """Render scores as an aligned text table, one block per article.

    Rows are entities, events, arguments (with one indented row per argument
    checked), roles, quotes and dates. Ratio rows (arguments, roles, dates) put
    the right checks under ``tp``, the wrong or missing ones under ``fn`` and the
    ratio under ``R`` (``-`` when nothing was checked). With more than one
    article a micro-averaged total follows.

    Args:
        results: Per-article scores, e.g. from :func:`evaluate`.

    Returns:
        The table as text (no trailing newline).

    Examples:
        >>> print(format_table([ArticleScore("a.txt", entities=Scores(tp=1))]).splitlines()[3])
        entities                 1     0     0   1.000   1.000   1.000
    """
    if not results:
        return "(no articles evaluated)"
    blocks = [_format_block(result) for result in results]
    if len(results) > 1:
        blocks.append(_format_block(micro_average(results)))
    return "\n\n".join("\n".join(block) for block in blocks)


# --------------------------------------------------------------------------- gold


def _check_keys(where: str, slot: str, value: Any, keys: set[str], problems: list[str]) -> None:
    for entry in _as_list(value):
        if not isinstance(entry, str) or not _alternatives(entry):
            problems.append(f"{where}: {slot} entry {entry!r} is not an entity key")
            continue
        for key in _alternatives(entry):
            if key not in keys:
                problems.append(f"{where}: unknown entity {key!r} in {slot}")


def check_gold(gold: Any) -> list[str]:
    """List the problems of a gold dict (empty when it is well-formed).

    Checks the required keys (``article``, ``entities``, ``events``; ``quotes``
    may be absent), entity types, unique keys, and that every entity reference
    in roles, events and quotes names a gold entity.

    Args:
        gold: The parsed JSON of a gold file.

    Returns:
        Human-readable problems, in file order.

    Examples:
        >>> check_gold({"article": "a.txt", "entities": [], "events": []})
        []
        >>> check_gold({"article": "a.txt", "entities": []})
        ["missing key 'events'"]
    """
    if not isinstance(gold, dict):
        return ["top level is not a JSON object"]
    problems: list[str] = []
    if not isinstance(gold.get("article"), str) or not gold.get("article"):
        problems.append("missing key 'article'" if "article" not in gold else "bad 'article'")
    for name in ("entities", "events"):
        if name not in gold:
            problems.append(f"missing key {name!r}")
        elif not isinstance(gold[name], list):
            problems.append(f"{name!r} is not a list")
    if "quotes" in gold and not isinstance(gold["quotes"], list):
        problems.append("'quotes' is not a list")
    if problems:
        return problems

    keys: set[str] = set()
    for i, entity in enumerate(gold["entities"]):
        where = f"entities[{i}]"
        if not isinstance(entity, dict):
            problems.append(f"{where}: not an object")
            continue
        for required in ("key", "type", "name"):
            if not isinstance(entity.get(required), str) or not entity.get(required):
                problems.append(f"{where}: missing {required!r}")
        key = entity.get("key")
        if isinstance(key, str):
            if key in keys:
                problems.append(f"{where}: duplicate key {key!r}")
            keys.add(key)
        if "type" in entity and entity["type"] not in ENTITY_TYPES:
            problems.append(f"{where}: type {entity['type']!r} is not one of {ENTITY_TYPES}")
        aliases = entity.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            problems.append(f"{where}: 'aliases' is not a list of strings")

    for i, entity in enumerate(gold["entities"]):
        if not isinstance(entity, dict):
            continue
        for j, role in enumerate(entity.get("roles") or []):
            where = f"entities[{i}].roles[{j}]"
            if not isinstance(role, dict) or not isinstance(role.get("title"), str):
                problems.append(f"{where}: missing 'title'")
                continue
            if "of" not in role:
                problems.append(f"{where}: missing 'of'")
            else:
                _check_keys(where, "of", role["of"], keys, problems)

    for i, event in enumerate(gold["events"]):
        if not isinstance(event, dict):
            problems.append(f"events[{i}]: not an object")
            continue
        where = f"events[{event.get('id', i)}]"
        if not isinstance(event.get("type"), str) or not event.get("type"):
            problems.append(f"{where}: missing 'type'")
        for slot in (*ACTOR_SLOTS, *OTHER_ENTITY_SLOTS, "place"):
            if slot in event:
                _check_keys(where, slot, event[slot], keys, problems)
        for j, ballot in enumerate(event.get("ballots") or []):
            if not isinstance(ballot, dict) or "voter" not in ballot:
                problems.append(f"{where}: ballots[{j}] has no 'voter'")
                continue
            _check_keys(where, f"ballots[{j}].voter", ballot["voter"], keys, problems)
            if ballot.get("choice") not in CHOICES:
                problems.append(f"{where}: ballots[{j}] choice is not one of {CHOICES}")
        for number in ("quantity", "deaths"):
            if number in event and not isinstance(event[number], int):
                problems.append(f"{where}: {number!r} is not an integer")

    for i, quote in enumerate(gold.get("quotes") or []):
        where = f"quotes[{i}]"
        if not isinstance(quote, dict):
            problems.append(f"{where}: not an object")
            continue
        if "speaker" not in quote:
            problems.append(f"{where}: missing 'speaker'")
        else:
            _check_keys(where, "speaker", quote["speaker"], keys, problems)
        texts = [k for k in ("contains", "equals") if isinstance(quote.get(k), str)]
        if len(texts) != 1:
            problems.append(f"{where}: needs exactly one of 'contains' or 'equals'")
    return problems


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read and check a gold file.

    Args:
        path: A ``*.gold.json`` file.

    Returns:
        The parsed gold dict (``quotes`` defaults to an empty list).

    Raises:
        ValueError: ``"<file>: <problem>"`` when the file cannot be read, is not
            JSON, or misses keys / refers to unknown entities.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"{path}: cannot read gold file: {exc.strerror or exc}") from exc
    try:
        gold = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(
            f"{path}: malformed JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from exc
    problems = check_gold(gold)
    if problems:
        raise ValueError(f"{path}: {'; '.join(problems)}")
    gold.setdefault("quotes", [])
    return dict(gold)


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand gold paths: a directory stands for its ``*.gold.json`` files, sorted.

    Args:
        paths: Gold files and/or directories.

    Returns:
        The gold files, in the given order (directory contents sorted).

    Raises:
        ValueError: When a path does not exist or a directory holds no gold file.
    """
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(path.glob("*.gold.json"))
            if not found:
                raise ValueError(f"{path}: no *.gold.json files in this directory")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise ValueError(f"{path}: no such gold file or directory")
    return files


# --------------------------------------------------------------------------- matching


def _assign(edges: Mapping[tuple[int, int], tuple[int, ...]]) -> dict[int, int]:
    """One-to-one assignment maximising the summed score tuples lexicographically.

    ``edges[(i, j)]`` is the score of pairing left item ``i`` with right item
    ``j``; missing pairs cannot be paired. Put ``1`` first in every tuple to
    maximise the number of pairs before anything else.

    Args:
        edges: Allowed pairs and their non-negative score tuples (same length).

    Returns:
        The chosen pairs as ``{left: right}``.

    Examples:
        >>> _assign({(0, 0): (1, 5), (0, 1): (1, 1), (1, 0): (1, 1)})
        {0: 1, 1: 0}
        >>> _assign({(0, 0): (1, 5), (0, 1): (1, 1)})
        {0: 0}
    """
    if not edges:
        return {}
    lefts = sorted({i for i, _ in edges})
    rights = sorted({j for _, j in edges})
    width = len(next(iter(edges.values())))
    pairs = min(len(lefts), len(rights))
    # Pack each tuple into one integer so that lower components can never
    # outweigh a unit of a higher one, whatever the number of pairs.
    bases = [max(score[k] for score in edges.values()) * pairs + 1 for k in range(width)]
    weights: dict[tuple[int, int], int] = {}
    for pair, score in edges.items():
        weight = 0
        for k in range(width):
            weight = weight * bases[k] + score[k]
        weights[pair] = weight
    transpose = len(lefts) > len(rights)
    rows, cols = (rights, lefts) if transpose else (lefts, rights)
    top = max(weights.values())
    cost = [[top - weights.get((c, r) if transpose else (r, c), 0) for c in cols] for r in rows]
    chosen = _hungarian(cost)
    result: dict[int, int] = {}
    for row, col in chosen.items():
        left, right = (cols[col], rows[row]) if transpose else (rows[row], cols[col])
        if (left, right) in weights:
            result[left] = right
    return dict(sorted(result.items()))


def _hungarian(cost: list[list[int]]) -> dict[int, int]:
    """Minimum-cost assignment of every row to a distinct column (rows <= columns).

    Examples:
        >>> _hungarian([[4, 1, 3], [2, 0, 5]])
        {0: 1, 1: 0}
    """
    n, m = len(cost), len(cost[0])
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return dict(sorted((p[j] - 1, j - 1) for j in range(1, m + 1) if p[j]))


def _as_float(value: Node | None) -> float | None:
    try:
        return float(value) if value is not None else None  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _as_int(value: Node) -> int | None:
    if not isinstance(value, Literal):
        return None
    python = value.toPython()
    try:
        return int(python) if not isinstance(python, str) else int(python.strip())
    except (TypeError, ValueError):
        return None


class _Scorer:
    """Scores one graph against one gold dict, collecting diagnostics."""

    def __init__(self, graph: Graph, gold: Mapping[str, Any]) -> None:
        self.graph = graph
        self.gold = gold
        self.entities: dict[str, Mapping[str, Any]] = {
            e["key"]: e for e in gold.get("entities") or []
        }
        self.gold_names: dict[str, set[str]] = {
            key: {normalise(e["name"]), *(normalise(a) for a in e.get("aliases") or [])}
            for key, e in self.entities.items()
        }
        self._names: dict[Node, set[str]] = {}
        self.entity_of: dict[Node, str] = {}
        self.node_of: dict[str, Node] = {}
        self.messages: list[str] = []
        self.result = ArticleScore(str(gold.get("article", "")))

    # ---------------------------------------------------------------- helpers

    def names(self, node: Node) -> set[str]:
        if node not in self._names:
            found = {
                normalise(str(o))
                for prop in (RDFS.label, SKOS.altLabel)
                for o in self.graph.objects(node, prop)
            }
            found.discard("")
            self._names[node] = found
        return self._names[node]

    def label(self, node: Node) -> str:
        labels = sorted(str(o) for o in self.graph.objects(node, RDFS.label))
        if labels:
            return labels[0]
        text = str(node)
        return text.rsplit("/", 1)[-1].rsplit("#", 1)[-1] or text

    def is_entity(self, node: Node, entry: str) -> bool:
        """Whether ``node`` is (one of the ``|`` alternatives of) a gold entity."""
        for key in _alternatives(entry):
            if self.entity_of.get(node) == key:
                return True
            if self.names(node) & self.gold_names.get(key, set()):
                return True
        return False

    def types(self, node: Node) -> set[str]:
        found = set()
        for t in self.graph.objects(node, RDF.type):
            text = str(t)
            if text.startswith(str(PEK)):
                found.add(text[len(str(PEK)) :])
        return found

    # ---------------------------------------------------------------- entities

    def score_entities(self) -> None:
        node_types: dict[Node, set[str]] = {}
        for type_name in ENTITY_TYPES:
            for node in self.graph.subjects(RDF.type, PEK[type_name]):
                node_types.setdefault(node, set()).add(type_name)
        nodes = sorted(node_types, key=str)
        required = [k for k, e in self.entities.items() if not e.get("optional")]
        optional = [k for k, e in self.entities.items() if e.get("optional")]

        def candidates(keys: list[str], pool: list[int]) -> dict[tuple[int, int], tuple[int, ...]]:
            edges: dict[tuple[int, int], tuple[int, ...]] = {}
            for i in pool:
                node = nodes[i]
                for j, key in enumerate(keys):
                    entity = self.entities[key]
                    if entity["type"] not in node_types[node]:
                        continue
                    if not self.names(node) & self.gold_names[key]:
                        continue
                    edges[(i, j)] = (1, self.preference(node, key))
            return edges

        everyone = list(range(len(nodes)))
        for i, j in _assign(candidates(required, everyone)).items():
            self.entity_of[nodes[i]] = required[j]
            self.node_of[required[j]] = nodes[i]
        rest = [i for i in everyone if nodes[i] not in self.entity_of]
        optional_edges = candidates(optional, rest)
        for i, j in _assign(optional_edges).items():
            self.entity_of[nodes[i]] = optional[j]
            self.node_of[optional[j]] = nodes[i]
        matches_optional = {i for i, _ in optional_edges}

        scores = self.result.entities
        for key in required:
            if key in self.node_of:
                scores.tp += 1
            else:
                scores.fn += 1
                e = self.entities[key]
                self.messages.append(f"entity missing: {key} ({e['type']} {e['name']!r})")
        for i, node in enumerate(nodes):
            if node in self.entity_of or i in matches_optional:
                continue
            scores.fp += 1
            shown = next(t for t in ENTITY_TYPES if t in node_types[node])
            duplicate = [
                k
                for k in required
                if self.entities[k]["type"] in node_types[node]
                and self.names(node) & self.gold_names[k]
            ]
            why = f" (duplicate of {', '.join(duplicate)})" if duplicate else ""
            self.messages.append(
                f"entity false positive: {self.label(node)!r} {shown} <{node}>{why}"
            )
        self.result.counts["entity_nodes"] = len(nodes)
        self.result.counts["system_entities"] = scores.tp + scores.fp
        self.result.counts["gold_entities"] = len(required)

    def preference(self, node: Node, key: str) -> int:
        """How well a node's names fit a gold entity (3 best)."""
        gold_name = normalise(self.entities[key]["name"])
        labels = {normalise(str(o)) for o in self.graph.objects(node, RDFS.label)}
        if gold_name in labels:
            return 3
        if labels & self.gold_names[key]:
            return 2
        if gold_name in self.names(node):
            return 1
        return 0

    # ---------------------------------------------------------------- events

    def actors(self, event: Node) -> set[Node]:
        found: set[Node] = set()
        for prop in _ACTOR_PROPERTIES:
            found.update(self.graph.objects(event, prop))
        for ballot in self.graph.objects(event, PEK.ballot):
            found.update(self.graph.objects(ballot, PEK.voter))
        return found

    def event_matches(self, node: Node, gold_event: Mapping[str, Any]) -> bool:
        if gold_event.get("type") not in self.types(node):
            return False
        actors = self.actors(node)
        return all(
            any(self.is_entity(actor, entry) for actor in actors)
            for entry in _actor_entries(gold_event)
        )

    def check_arguments(
        self, node: Node, gold_event: Mapping[str, Any]
    ) -> list[tuple[str, bool, str]]:
        """Check the arguments the gold states: ``(name, right, detail)`` each."""
        g = self.graph
        checks: list[tuple[str, bool, str]] = []

        def got(prop: Any) -> list[str]:
            return sorted(str(o) for o in g.objects(node, prop))

        if "date" in gold_event:
            dates = got(PEK.date)
            ok = str(gold_event["date"]) in dates
            checks.append(("date", ok, f"expected {gold_event['date']}, got {dates or 'none'}"))
        if "place" in gold_event:
            places = list(g.objects(node, PEK.place))
            ok = any(self.is_entity(p, gold_event["place"]) for p in places)
            shown = sorted(self.label(p) for p in places) or "none"
            checks.append(("place", ok, f"expected {gold_event['place']}, got {shown}"))
        if "instrument" in gold_event:
            want = str(gold_event["instrument"]).casefold().strip()
            values = [v.casefold().strip() for v in got(PEK.instrument)]
            ok = any(v and (want in v or v in want) for v in values)
            checks.append(
                ("instrument", ok, f"expected {gold_event['instrument']!r}, got {values or 'none'}")
            )
        for name, prop in (("quantity", PEK.quantity), ("deaths", PEK.deaths)):
            if name in gold_event:
                numbers = [_as_int(o) for o in g.objects(node, prop)]
                ok = int(gold_event[name]) in numbers
                checks.append((name, ok, f"expected {gold_event[name]}, got {numbers or 'none'}"))
        if "deaths_qualifier" in gold_event:
            want = str(gold_event["deaths_qualifier"]).casefold().strip()
            values = [v.casefold().strip() for v in got(PEK.deathsQualifier)]
            checks.append(
                (
                    "deaths_qualifier",
                    want in values,
                    f"expected {gold_event['deaths_qualifier']!r}, got {values or 'none'}",
                )
            )
        ballots = list(g.objects(node, PEK.ballot))
        for gold_ballot in gold_event.get("ballots") or []:
            choice = PEK[str(gold_ballot.get("choice"))]
            ok = any(
                (ballot, PEK.choice, choice) in g
                and any(
                    self.is_entity(v, gold_ballot["voter"]) for v in g.objects(ballot, PEK.voter)
                )
                for ballot in ballots
            )
            checks.append(
                ("ballot", ok, f"expected {gold_ballot['voter']} {gold_ballot.get('choice')}")
            )
        if "quote_contains" in gold_event:
            want = normalise_quote(str(gold_event["quote_contains"]))
            texts = [
                normalise_quote(str(t))
                for q in g.objects(node, PEK.quote)
                for t in g.objects(q, PEK.text)
            ]
            ok = any(want in t for t in texts)
            checks.append(("quote", ok, f"expected a quote containing {want!r}"))
        return checks

    def score_events(self) -> None:
        gold_events = list(self.gold.get("events") or [])
        classes = {PEK.Event, *(PEK[t] for t in EVENT_TYPES)}
        classes.update(PEK[str(e["type"])] for e in gold_events if e.get("type"))
        node_set: set[Node] = set()
        for cls in classes:
            node_set.update(self.graph.subjects(RDF.type, cls))
        # Gold files annotate what happened: negated, planned, threatened ... events
        # (pek:modality) are neither matches nor false positives.
        node_set = {n for n in node_set if self.graph.value(n, PEK.modality) is None}
        nodes = sorted(node_set, key=str)

        edges: dict[tuple[int, int], tuple[int, ...]] = {}
        arguments: dict[tuple[int, int], list[tuple[str, bool, str]]] = {}
        for i, gold_event in enumerate(gold_events):
            required = 0 if gold_event.get("optional") else 1
            for j, node in enumerate(nodes):
                if self.event_matches(node, gold_event):
                    checks = self.check_arguments(node, gold_event)
                    arguments[(i, j)] = checks
                    edges[(i, j)] = (required, 1, sum(ok for _, ok, _ in checks))
        chosen = _assign(edges)

        scores = self.result.events
        counts = self.result.counts
        matched_nodes = set(chosen.values())
        counts["system_events"] = len(nodes)
        counts["gold_events"] = sum(not e.get("optional") for e in gold_events)
        counts["gold_events_optional"] = sum(bool(e.get("optional")) for e in gold_events)
        counts["optional_events_matched"] = sum(
            bool(gold_events[i].get("optional")) for i in chosen
        )
        for i, gold_event in enumerate(gold_events):
            event_id = gold_event.get("id") or f"e{i + 1}"
            if gold_event.get("optional"):
                continue
            if i not in chosen:
                scores.fn += 1
                note = f": {gold_event['note']}" if gold_event.get("note") else ""
                self.messages.append(f"event missing: {event_id} {gold_event['type']}{note}")
                continue
            scores.tp += 1
            for name, ok, detail in arguments[(i, chosen[i])]:
                self.result.arguments[name].add(ok)
                if not ok:
                    self.messages.append(f"argument wrong: {event_id} {name}: {detail}")
        for j, node in enumerate(nodes):
            band = confidence_band(_as_float(self.graph.value(node, PEK.confidence)))
            self.result.bands.setdefault(band, Ratio()).add(j in matched_nodes)
            if j in matched_nodes:
                continue
            scores.fp += 1
            kinds = sorted(self.types(node) - {"Event"}) or ["Event"]
            actors = sorted(self.label(a) for a in self.actors(node))
            self.messages.append(f"event false positive: {'/'.join(kinds)} {actors} <{node}>")

    # ---------------------------------------------------------------- roles

    def score_roles(self) -> None:
        g = self.graph
        for key, entity in self.entities.items():
            if entity.get("optional"):
                continue
            for role in entity.get("roles") or []:
                alternatives = [a.casefold() for a in _alternatives(str(role["title"]))]
                node = self.node_of.get(key)
                ok = node is not None and any(
                    any(
                        alt in str(title).casefold()
                        for alt in alternatives
                        for title in g.objects(held, PEK.title)
                    )
                    and any(self.is_entity(of, role["of"]) for of in g.objects(held, PEK.roleOf))
                    for held in g.objects(node, PEK.holdsRole)
                )
                self.result.roles.add(ok)
                if not ok:
                    self.messages.append(
                        f"role missing: {key} {role['title']!r} of {role['of']}"
                        + ("" if node is not None else " (entity not matched)")
                    )

    # ---------------------------------------------------------------- quotes

    def quote_holds(self, quote: Node, gold_quote: Mapping[str, Any]) -> bool:
        g = self.graph
        if not any(self.is_entity(s, gold_quote["speaker"]) for s in g.objects(quote, PEK.speaker)):
            return False
        texts = [normalise_quote(str(t)) for t in g.objects(quote, PEK.text)]
        if "equals" in gold_quote:
            return normalise_quote(str(gold_quote["equals"])) in texts
        want = normalise_quote(str(gold_quote.get("contains", "")))
        return any(want in text for text in texts)

    def score_quotes(self) -> None:
        g = self.graph
        gold_quotes = list(self.gold.get("quotes") or [])
        quotes = sorted(set(g.subjects(RDF.type, PEK.Quote)), key=str)
        held = [any(self.quote_holds(q, gq) for q in quotes) for gq in gold_quotes]
        right = [any(self.quote_holds(q, gq) for gq in gold_quotes) for q in quotes]
        scores = self.result.quotes
        scores.tp = sum(held)
        scores.fn = len(held) - scores.tp
        scores.tp_system = sum(right)
        scores.fp = len(right) - scores.tp_system
        self.result.counts["system_quotes"] = len(quotes)
        self.result.counts["gold_quotes"] = len(gold_quotes)
        for gold_quote, ok in zip(gold_quotes, held, strict=True):
            if not ok:
                how = "equals" if "equals" in gold_quote else "contains"
                self.messages.append(
                    f"quote missing: {gold_quote['speaker']} {how} {gold_quote.get(how)!r}"
                )
        for quote, ok in zip(quotes, right, strict=True):
            if not ok:
                speakers = sorted(self.label(s) for s in g.objects(quote, PEK.speaker))
                texts = sorted(str(t) for t in g.objects(quote, PEK.text))
                self.messages.append(f"quote false positive: {speakers} {texts}")

    def run(self) -> ArticleScore:
        self.score_entities()
        self.score_events()
        self.score_roles()
        self.score_quotes()
        return self.result


def score_article(graph: Graph, gold: Mapping[str, Any]) -> ArticleScore:
    """Score one built graph against one gold dict.

    Args:
        graph: The graph built from the gold file's article.
        gold: A gold dict, as returned by :func:`load_gold`.

    Returns:
        Entity, event, argument, role, quote and date scores for the article.
    """
    return _Scorer(graph, gold).run()


def diagnose(graph: Graph, gold: Mapping[str, Any]) -> list[str]:
    """List what the graph gets wrong against the gold, for debugging.

    Args:
        graph: The graph built from the gold file's article.
        gold: A gold dict, as returned by :func:`load_gold`.

    Returns:
        One line per miss: unmatched gold entities, false-positive entity nodes,
        unmatched required gold events (with their note), false-positive events,
        wrong arguments, missing roles, missing and false-positive quotes.
    """
    scorer = _Scorer(graph, gold)
    scorer.run()
    return scorer.messages


def evaluate(
    gold_paths: Sequence[str | Path],
    articles_dir: str | Path,
    build: Callable[[Path], Graph],
) -> list[ArticleScore]:
    """Build and score every article that has a gold file.

    Args:
        gold_paths: Gold files; a directory stands for its ``*.gold.json`` files.
        articles_dir: Where the articles named by the gold files' ``article`` live.
        build: Builds the graph of one article file.

    Returns:
        One score per gold file, in order.

    Raises:
        ValueError: A gold file is malformed or its article file is missing.
    """
    results: list[ArticleScore] = []
    for gold_path in gold_files(gold_paths):
        gold = load_gold(gold_path)
        article_path = Path(articles_dir) / gold["article"]
        if not article_path.is_file():
            raise ValueError(f"{gold_path}: article file not found: {article_path}")
        result = score_article(build(article_path), gold)
        result.gold_path = str(gold_path)
        results.append(result)
    return results
