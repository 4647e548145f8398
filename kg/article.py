"""The article view: one article's text with what was read from it, to check the facts.

``kg show GRAPH --article ID -o page.html`` writes one offline HTML page: on the left
the article's text with the actors it names, the words that tell each event and the
quotations marked (as spaCy's displaCy marks entities), on the right every fact the
graph holds from that article (events with their sides, date, place, deaths,
modality and confidence; quotes with their speakers; roles), each linked to where it
was read and back.

The text is the article as it was built: read again from ``text`` (a file or
directory, as ``kg build`` reads it) or from the path the build's manifest records,
and used only when every evidence span of the graph is found at its offsets in it;
otherwise the page is made of the evidence sentences alone, in order, with a mark
where text is missing. Every string from the graph is escaped.

Example:
    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data='''
    ... @prefix pek: <https://w3id.org/pekg/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... @base <https://w3id.org/pekg/id/> .
    ... <article/a> a pek:Article ; pek:articleId "a" .
    ... <event/a/1> a pek:Event, pek:Attack ; pek:agent <country/RUS> ; pek:trigger "shelled" ;
    ...     pek:evidence <evidence/a/0-20> ; pek:confidence 0.8 .
    ... <evidence/a/0-20> pek:article <article/a> ; pek:charStart 0 ; pek:charEnd 20 ;
    ...     pek:sentence "Russia shelled Kyiv." .
    ... <country/RUS> a pek:Country ; rdfs:label "Russia" .
    ... ''')
    >>> facts = read_facts(g, "a")
    >>> [(f.kind, f.summary) for f in facts.facts]
    [('event', 'Attack: Russia')]
    >>> [(s.kind, facts.text[s.start:s.end]) for s in facts.spans]
    [('Country', 'Russia'), ('event', 'shelled')]
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.vocab import PEK

__all__ = [
    "ArticleFacts",
    "ArticleNotFound",
    "Fact",
    "article_ids",
    "article_view",
    "load_all_articles",
    "texts_from",
    "Span",
    "find_text",
    "load_article_graph",
    "manifest_source",
    "read_facts",
    "render",
    "write_page",
]

_KINDS = ("Person", "Country", "Organization", "Group", "Place")
_GAP = " … "


class ArticleNotFound(LookupError):
    """The graph holds no article with that id (the message lists some that it holds)."""


@dataclass(frozen=True)
class Span:
    """A marked stretch of the text: an actor mention, an event's word or a quotation."""

    start: int
    end: int
    kind: str  # an actor kind, "event" or "quote"
    label: str  # what the mark says: the actor kind or event class
    fact: int | None = None  # the fact it tells, by index


@dataclass
class Fact:
    """One fact read from the article, with where it was read."""

    kind: str  # "event", "quote" or "role"
    summary: str
    details: list[tuple[str, str]] = field(default_factory=list)
    start: int | None = None  # the evidence sentence
    end: int | None = None


@dataclass
class ArticleFacts:
    """An article, its text (or its evidence sentences) and what the graph holds from it."""

    id: str
    iri: str
    title: str | None
    date: str | None
    source: str | None
    url: str | None
    text: str
    complete: bool  # the whole text, not the evidence sentences alone
    facts: list[Fact]
    spans: list[Span]


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _label(graph: Graph, node: Any) -> str:
    value = graph.value(node, RDFS.label) or graph.value(node, SKOS.altLabel)
    return str(value) if value is not None else str(node).rstrip("/").rpartition("/")[2]


def _kind(graph: Graph, node: Any) -> str:
    types = set(graph.objects(node, RDF.type))
    return next((k for k in _KINDS if PEK[k] in types), "Actor")


def _article(graph: Graph, article_id: str) -> URIRef:
    from kg.mint import BASE
    from kg.read import slug

    minted = URIRef(f"{BASE}article/{slug(article_id)}")  # how a build names it
    if str(graph.value(minted, PEK.articleId)) == article_id:
        return minted
    for node in graph.subjects(PEK.articleId, None):
        if str(graph.value(node, PEK.articleId)) == article_id:
            return URIRef(str(node))
    known = sorted(str(i) for i in graph.objects(None, PEK.articleId))
    hint = f"; it holds {', '.join(known[:5])}{' ...' if len(known) > 5 else ''}" if known else ""
    raise ArticleNotFound(f"no article {article_id!r} in the graph{hint}")


def _evidence(graph: Graph, node: Any, article: URIRef) -> tuple[int, int, str] | None:
    for ev in graph.objects(node, PEK.evidence):
        if graph.value(ev, PEK.article) == article:
            start, end = graph.value(ev, PEK.charStart), graph.value(ev, PEK.charEnd)
            sentence = graph.value(ev, PEK.sentence)
            if start is not None and end is not None:
                return int(str(start)), int(str(end)), str(sentence or "")
    return None


def _names(graph: Graph, nodes: Iterable[Any]) -> str:
    return ", ".join(sorted({_label(graph, n) for n in nodes})) or "—"


def _event_fact(graph: Graph, event: Any, where: tuple[int, int, str]) -> Fact:
    classes = sorted(
        str(c).rpartition("#")[2]
        for c in graph.objects(event, RDF.type)
        if str(c).startswith(str(PEK)) and c != PEK.Event
    )
    cls = " / ".join(classes) or "Event"
    agents = list(graph.objects(event, PEK.agent))
    targets = list(graph.objects(event, PEK.target))
    sides = {*agents, *targets}
    others = [
        p
        for p in graph.objects(event, PEK.participant)
        if p not in sides and _kind(graph, p) != "Actor"
    ]
    if agents or targets:
        summary = f"{cls}: {_names(graph, agents)}"
        if targets:
            summary += f" → {_names(graph, targets)}"
    else:
        summary = f"{cls}: {_names(graph, others)}"
    details = []
    for name, prop in (
        ("date", PEK.date),
        ("modality", PEK.modality),
        ("deaths", PEK.deaths),
        ("instrument", PEK.instrument),
        ("CAMEO", PEK.cameoCode),
        ("confidence", PEK.confidence),
        ("trigger", PEK.trigger),
    ):
        value = graph.value(event, prop)
        if value is not None:
            details.append((name, str(value)))
    place = graph.value(event, PEK.place)
    if place is not None:
        details.insert(1, ("place", _label(graph, place)))
    if others and (agents or targets):
        details.append(("also", _names(graph, others)))
    return Fact("event", summary, details, where[0], where[1])


def _quote_fact(graph: Graph, quote: Any, where: tuple[int, int, str]) -> Fact:
    speaker = graph.value(quote, PEK.speaker)
    text = str(graph.value(quote, PEK.text) or "")
    who = _label(graph, speaker) if speaker is not None else "unknown speaker"
    details = [("confidence", str(graph.value(quote, PEK.confidence) or ""))]
    return Fact("quote", f"{who}: “{text}”", details, where[0], where[1])


def _role_fact(graph: Graph, role: Any, where: tuple[int, int, str]) -> Fact:
    title = str(graph.value(role, PEK.title) or "")
    holders = list(graph.subjects(PEK.holdsRole, role))
    of = graph.value(role, PEK.roleOf)
    summary = f"{_names(graph, holders)}: {title}" + (f" of {_label(graph, of)}" if of else "")
    return Fact("role", summary, [], where[0], where[1])


def _matches(text: str, sentence: str, start: int, end: int) -> bool:
    return " ".join(text[start:end].split()) == " ".join(sentence.split())


def _from_sentences(
    found: Sequence[tuple[int, int, str]],
) -> tuple[str, list[tuple[int, int, int]]]:
    """The evidence sentences alone, in order, and where each kept one moved to:
    ``(start, end, new start)``. A span inside or across a kept one is not repeated.

    >>> _from_sentences([(10, 12, "Hi"), (0, 3, "Yo."), (10, 12, "Hi")])
    ('Yo. … Hi', [(0, 3, 0), (10, 12, 6)])
    """
    text = ""
    kept: list[tuple[int, int, int]] = []
    for start, end, sentence in sorted(set(found)):
        if kept and start < kept[-1][1]:
            continue  # overlapping spans: the first holds the text
        if text:
            text += _GAP
        kept.append((start, end, len(text)))
        text += sentence
    return text, kept


def _moved(offset: int, kept: Sequence[tuple[int, int, int]]) -> int | None:
    """An offset of the article in the sentences-only text, if a kept sentence holds it.

    >>> _moved(11, [(0, 3, 0), (10, 12, 6)]), _moved(5, [(0, 3, 0)])
    (7, None)
    """
    for start, end, new in kept:
        if start <= offset < end:
            return new + offset - start
    return None


def find_text(article_id: str, sources: Sequence[str | Path]) -> str | None:
    """The article's text read again from ``sources`` (files or directories, as ``kg build``
    reads them), if they hold it; :func:`read_facts` checks it is the text built."""
    return texts_from(sources, {article_id}).get(article_id)


def read_facts(graph: Graph, article_id: str, text: str | None = None) -> ArticleFacts:
    """What ``graph`` holds from the article ``article_id``, placed in its ``text``.

    Raises:
        ArticleNotFound: The graph holds no article with that id.
    """
    article = _article(graph, article_id)
    facts: list[tuple[int, Fact, object]] = []
    evidence_of: list[tuple[int, int, str]] = []
    readers = ((PEK.Event, _event_fact), (PEK.Quote, _quote_fact), (PEK.Role, _role_fact))
    for cls, read in readers:
        for node in sorted(set(graph.subjects(RDF.type, cls)), key=str):
            where = _evidence(graph, node, article)
            if where is None:
                continue
            evidence_of.append(where)
            facts.append((where[0], read(graph, node, where), node))
    facts.sort(key=lambda item: (item[0], ("event", "quote", "role").index(item[1].kind)))
    complete = text is not None and all(_matches(text, s, a, b) for a, b, s in evidence_of)
    ordered = [fact for _, fact, _ in facts]
    if complete:
        body = str(text)
    else:  # offsets into the sentences-only text
        body, kept = _from_sentences(evidence_of)
        for fact in ordered:
            start = _moved(fact.start, kept) if fact.start is not None else None
            if start is None or fact.end is None:
                fact.start = fact.end = None
                continue
            fact.end = min(start + fact.end - (fact.start or 0), len(body))
            fact.start = start
    spans = _spans(graph, body, ordered, [node for _, _, node in facts])
    return ArticleFacts(
        id=article_id,
        iri=str(article),
        title=_str(graph.value(article, DCTERMS.title)),
        date=_str(graph.value(article, DCTERMS.date)),
        source=_str(graph.value(article, DCTERMS.source)),
        url=_str(graph.value(article, PROV.atLocation)),
        text=body,
        complete=complete,
        facts=ordered,
        spans=spans,
    )


def _word(text: str, word: str, start: int, end: int) -> tuple[int, int] | None:
    """The first whole-word occurrence of ``word`` in ``text[start:end]``."""
    if not word.strip():
        return None
    found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text[start:end], re.I)
    return (start + found.start(), start + found.end()) if found else None


def _spans(graph: Graph, text: str, facts: list[Fact], nodes: list[Any]) -> list[Span]:
    spans: list[Span] = []
    actors: set[Any] = set()
    for i, (fact, node) in enumerate(zip(facts, nodes, strict=True)):
        if fact.start is None or fact.end is None:
            continue
        if fact.kind == "event":
            trigger = str(graph.value(node, PEK.trigger) or "")
            at = _word(text, trigger, fact.start, fact.end)
            if at:
                spans.append(Span(*at, "event", fact.summary.split(":")[0], i))
            for prop in (PEK.agent, PEK.target, PEK.participant, PEK.place):
                actors.update(graph.objects(node, prop))
        elif fact.kind == "quote":
            quoted = str(graph.value(node, PEK.text) or "")
            at_start = text.find(quoted, fact.start, fact.end + 1) if quoted else -1
            if at_start >= 0:
                spans.append(Span(at_start, at_start + len(quoted), "quote", "quote", i))
            actors.update(graph.objects(node, PEK.speaker))
        else:
            actors.update(graph.subjects(PEK.holdsRole, node))
    for actor in sorted(actors, key=str):
        kind = _kind(graph, actor)
        if kind == "Actor":
            continue
        names = {str(n) for p in (RDFS.label, SKOS.altLabel) for n in graph.objects(actor, p)}
        for name in sorted(names, key=len, reverse=True):
            for found in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                spans.append(Span(found.start(), found.end(), kind, kind))
    return _without_overlaps(spans)


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Marks that do not cross: quotes hold others; otherwise the longer earlier mark wins.

    >>> s = _without_overlaps([Span(0, 6, "Country", "Country"), Span(0, 10, "Person", "Person"),
    ...                        Span(0, 30, "quote", "quote"), Span(8, 12, "event", "Attack")])
    >>> [(x.start, x.end, x.kind) for x in s]
    [(0, 30, 'quote'), (0, 10, 'Person')]
    """
    quotes = [s for s in spans if s.kind == "quote"]
    kept: list[Span] = []
    for span in sorted(quotes, key=lambda s: (s.start, -s.end)):
        if all(span.start >= k.end or span.end <= k.start for k in kept):
            kept.append(span)
    inner: list[Span] = []
    rest = [s for s in spans if s.kind != "quote"]
    for span in sorted(rest, key=lambda s: (s.start, -(s.end - s.start), s.kind != "event")):
        if all(span.start >= k.end or span.end <= k.start for k in inner):
            crossing = [q for q in kept if q.start < span.end and span.start < q.end]
            if all(q.start <= span.start and span.end <= q.end for q in crossing):
                inner.append(span)
    return sorted(kept + inner, key=lambda s: (s.start, s.kind != "quote"))


_CSS = """
body{margin:0;font:15px/1.6 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d2330;
  background:#f6f7f9}
header{padding:14px 24px;background:#1d2b45;color:#fff}
header h1{margin:0 0 4px;font-size:20px}
header .meta{font-size:13px;opacity:.85}
header a{color:#9fd1ff}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(320px,2fr);gap:20px;padding:20px 24px}
.text{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:18px 22px;
  white-space:pre-wrap;line-height:2.1}
.note{font-size:13px;color:#8a5a00;margin:0 0 10px}
mark{border-radius:4px;padding:2px 4px;margin:0 1px;color:inherit}
mark .tag{font-size:10px;font-weight:700;text-transform:uppercase;margin-left:4px;
  vertical-align:middle;opacity:.8}
mark.Person{background:#d9ecff}mark.Country{background:#dff4dc}
mark.Organization{background:#fde6c8}mark.Group{background:#ece2fb}
mark.Place{background:#e3e6ea}
mark.event{background:#ffd6d6;font-weight:600}
span.quote{background:#fff7c7;border-bottom:2px solid #e2c43b}
a.mark{color:inherit;text-decoration:none}
:target{outline:3px solid #1d6fd6;outline-offset:2px}
.facts{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:12px 18px;
  position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto;align-self:start}
.facts h2{font-size:15px;margin:14px 0 6px}
.facts ol{margin:0;padding-left:20px}
.facts li{margin:0 0 10px}
.facts .what{font-weight:600}
.facts dl{display:grid;grid-template-columns:auto 1fr;gap:0 10px;margin:2px 0 0;font-size:13px;
  color:#4a5263}
.facts dt{font-weight:600}.facts dd{margin:0}
.legend{font-size:12px;margin-bottom:8px}
.legend mark{display:inline-block;margin-right:6px}
"""


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _safe_url(url: str | None) -> str | None:
    return url if url and re.match(r"https?://", url, re.I) else None


def _text_html(facts: ArticleFacts, anchors: dict[int, list[str]] | None = None) -> str:
    """The text with its marks; each event and quote mark links to its fact, and
    ``anchors`` (text offset → ids) puts empty targets where facts without a mark were read.
    """
    anchors = anchors or {}
    out: list[str] = []
    cursor = 0
    quotes = [s for s in facts.spans if s.kind == "quote"]
    marks = [s for s in facts.spans if s.kind != "quote"]
    events = {}
    for span in facts.spans:
        if span.fact is not None and span.fact not in events:
            events[span.fact] = span
    bounds = sorted(
        {0, len(facts.text), *anchors, *(b for s in facts.spans for b in (s.start, s.end))}
    )
    for a, b in zip(bounds, bounds[1:], strict=False):
        if b <= cursor:
            continue
        out += [f'<a id="{_e(i)}"></a>' for i in anchors.get(a, ())]
        piece = _e(facts.text[a:b])
        mark = next((m for m in marks if m.start <= a and b <= m.end), None)
        if mark is not None:
            first = a == mark.start
            last = b == mark.end
            body = piece + (f'<span class="tag">{_e(mark.label)}</span>' if last else "")
            if mark.fact is not None:
                anchor = f' id="t-{mark.fact}"' if first and events.get(mark.fact) is mark else ""
                piece = (
                    f'<a class="mark" href="#f-{mark.fact}"{anchor}>'
                    f'<mark class="{_e(mark.kind)}">{body}</mark></a>'
                )
            else:
                piece = f'<mark class="{_e(mark.kind)}">{body}</mark>'
        quote = next((q for q in quotes if q.start <= a and b <= q.end), None)
        if quote is not None:
            anchor = ""
            if a == quote.start and quote.fact is not None and events.get(quote.fact) is quote:
                anchor = f' id="t-{quote.fact}"'
            piece = f'<span class="quote"{anchor}>{piece}</span>'
        out.append(piece)
        cursor = b
    return "".join(out)


def _sentence_anchors(facts: ArticleFacts) -> dict[int, str]:
    """Where each fact's link points: its mark, else its sentence's start (an anchor)."""
    marked = {s.fact for s in facts.spans if s.fact is not None}
    return {i: f"t-{i}" if i in marked else f"s-{i}" for i in range(len(facts.facts))}


def render(facts: ArticleFacts) -> str:
    """The article view as one self-contained HTML page."""
    targets = _sentence_anchors(facts)
    # Facts without a mark of their own get an anchor at their sentence.
    anchors: dict[int, list[str]] = {}
    for i, fact in enumerate(facts.facts):
        if targets[i].startswith("s-") and fact.start is not None:
            anchors.setdefault(fact.start, []).append(targets[i])
    text = _text_html(facts, anchors)
    items: dict[str, list[str]] = {"event": [], "quote": [], "role": []}
    for i, fact in enumerate(facts.facts):
        details = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in fact.details)
        where = (
            f' <a href="#{targets[i]}" title="where it was read">¶</a>'
            if fact.start is not None
            else ""
        )
        items[fact.kind].append(
            f'<li id="f-{i}"><span class="what">{_e(fact.summary)}</span>{where}'
            + (f"<dl>{details}</dl>" if details else "")
            + "</li>"
        )
    sections = []
    for kind, title in (("event", "Events"), ("quote", "Quotes"), ("role", "Roles")):
        body = "".join(items[kind]) or "<li>none</li>"
        sections.append(f"<h2>{title} ({len(items[kind])})</h2><ol>{body}</ol>")
    url = _safe_url(facts.url)
    meta = " · ".join(
        _e(x) for x in (facts.date, facts.source, f"article {facts.id}") if x is not None
    )
    if url:
        meta += f' · <a href="{_e(url)}" rel="noopener noreferrer">{_e(url)}</a>'
    note = (
        ""
        if facts.complete
        else '<p class="note">The article text was not found: shown are the sentences facts '
        "were read from, in order (… marks text left out). Pass --text with the article "
        "files to see it whole.</p>"
    )
    legend = "".join(f'<mark class="{k}">{k}</mark>' for k in _KINDS)
    legend += '<mark class="event">event</mark><span class="quote">quotation</span>'
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">"
        f"<title>{_e(facts.title or facts.id)} — pekg</title><style>{_CSS}</style></head>"
        f'<body data-ready="true"><header><h1>{_e(facts.title or facts.id)}</h1>'
        f'<div class="meta">{meta}</div></header><main>'
        f'<section><div class="legend">{legend}</div>{note}'
        f'<div class="text" id="text">{text}</div></section>'
        f'<section class="facts">{"".join(sections)}</section>'
        "</main></body></html>\n"
    )


_PER_ARTICLE = ("event", "quote", "evidence")


def _slug_of(iri: str) -> tuple[str, str] | None:
    """``(kind, article slug)`` of a per-article record's IRI (event, quote, evidence)."""
    from kg.mint import BASE

    if not iri.startswith(BASE):
        return None
    kind, _, rest = iri[len(BASE) :].partition("/")
    return (kind, rest.partition("/")[0]) if kind in _PER_ARTICLE else None


def _record_of(iri: str) -> str:
    """The event or quote a per-article IRI belongs to (a ballot belongs to its event)."""
    from kg.mint import BASE

    kind, _, rest = iri[len(BASE) :].partition("/")
    return f"{BASE}{kind}/" + "/".join(rest.split("/")[:2])


_EVIDENCE = str(PEK.evidence)


def load_article_graph(paths: Sequence[str | Path], article_id: str) -> Graph:
    """The part of built graph files an article's view needs, streamed (never the whole
    graph in rdflib): its events, quotes and evidence, every actor's and role's
    description, and the events of other articles' IRIs it reports too (one happening
    reported by several articles is one node: :mod:`kg.happenings`).

    Raises:
        kg.query.GraphLoadError: A file is missing or does not parse.
    """
    from kg import query as q
    from kg.read import slug

    own = slug(article_id)
    # First pass: the records of other articles' IRIs that hold this article's evidence.
    reported = {
        quad.subject.value
        for quad in q.quads(paths)
        if quad.predicate.value == _EVIDENCE and (_slug_of(quad.object.value) or ("", ""))[1] == own
    }
    term = q._converter()
    graph = Graph()
    for quad in q.quads(paths):
        subject = quad.subject.value
        found = _slug_of(subject)
        if found and found[1] != own and _record_of(subject) not in reported:
            continue
        graph.add((term(quad.subject), term(quad.predicate), term(quad.object)))
    return graph


def load_all_articles(paths: Sequence[str | Path]) -> tuple[Graph, dict[str, Graph]]:
    """Built graph files read once for every article's view: what all share (actors,
    roles, articles) and each article's own records (events, quotes, evidence), by the
    slug of its id. Reading once keeps ``kg show --all`` linear in the graph.

    Raises:
        kg.query.GraphLoadError: A file is missing or does not parse.
    """
    from kg import query as q

    term = q._converter()
    shared = Graph()
    own: dict[str, Graph] = {}
    also: dict[str, set[str]] = {}  # record IRI → other articles whose evidence it holds
    for quad in q.quads(paths):
        subject = quad.subject.value
        target = shared
        found = _slug_of(subject)
        if found:
            target = own.get(found[1]) or own.setdefault(found[1], Graph())
            if quad.predicate.value == _EVIDENCE:
                there = _slug_of(quad.object.value)
                if there and there[1] != found[1]:
                    also.setdefault(_record_of(subject), set()).add(there[1])
        target.add((term(quad.subject), term(quad.predicate), term(quad.object)))
    # A happening reported by several articles is one node: each report's page shows it.
    for record, slugs in also.items():
        home = own[_slug_of(record)[1]]  # type: ignore[index]
        nodes = {URIRef(record)} | _parts_of(home, record)
        triples = [t for node in nodes for t in home.triples((node, None, None))]
        for other in slugs:
            bucket = own.get(other) or own.setdefault(other, Graph())
            for triple in triples:
                bucket.add(triple)
    return shared, own


def _parts_of(graph: Graph, record: str) -> set[URIRef]:
    """The sub-resources of a record in a graph: an event's ballots."""
    prefix = record + "/"
    return {
        URIRef(str(o)) for o in graph.objects(URIRef(record), None) if str(o).startswith(prefix)
    }


def article_view(shared: Graph, own: dict[str, Graph], article_id: str) -> Graph:
    """One article's graph from :func:`load_all_articles`: shared triples and its own."""
    from rdflib.graph import ReadOnlyGraphAggregate

    from kg.read import slug

    return ReadOnlyGraphAggregate([own.get(slug(article_id), Graph()), shared])


def texts_from(sources: Sequence[str | Path], wanted: set[str]) -> dict[str, str]:
    """The texts of the wanted article ids, read once from files or directories."""
    from kg.model import Article
    from kg.read import ReadError, iter_articles

    found: dict[str, str] = {}
    if not sources:
        return found
    try:
        for item in iter_articles(sources):
            if isinstance(item, Article) and item.id in wanted:
                found.setdefault(item.id, item.text)
    except (ReadError, OSError):
        pass
    return found


def article_ids(paths: Sequence[str | Path]) -> list[str]:
    """The ids of every article in built graph files, sorted, streamed.

    Raises:
        kg.query.GraphLoadError: A file is missing or does not parse.
    """
    from kg import query as q

    wanted = str(PEK.articleId)
    return sorted({quad.object.value for quad in q.quads(paths) if quad.predicate.value == wanted})


def manifest_source(paths: Sequence[str | Path], article_id: str) -> Path | None:
    """The file a build read the article from, as its manifest records it, if it is there."""
    import sqlite3
    from contextlib import closing

    from kg.corpus import MANIFEST

    for raw in paths:
        folder = Path(raw) if Path(raw).is_dir() else Path(raw).parent
        manifest = folder / MANIFEST
        if not manifest.is_file():
            continue
        try:
            with closing(sqlite3.connect(f"file:{manifest}?mode=ro", uri=True)) as db:
                row = db.execute("SELECT path FROM articles WHERE id = ?", (article_id,)).fetchone()
        except sqlite3.Error:
            continue
        if row and row[0]:
            for candidate in (Path(row[0]), Path(re.sub(r":\d+$", "", row[0]))):
                if candidate.is_file():
                    return candidate
    return None


def write_page(facts: ArticleFacts, path: str | Path) -> Path:
    """Write the page atomically (beside its name, then renamed)."""
    import os
    import tempfile

    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OSError(f"{target}: directory {parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(render(facts))
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target
