"""Direct quotations, their speakers, and the Statement events they make up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from kg import lexicon
from kg.extract.common import Timeline, evidence_for, subject_of
from kg.model import Event, Evidence, Quote
from kg.nlp import doc_text
from kg.resolve import Resolution, group_sector

_TRIM = " ,;:\n\t"


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return first, len(text) if last < 0 else last


#: Kinds of actor that can be a quotation's speaker.
SPEAKER_KINDS = ("Person", "Organization", "Country")
#: Prepositions by which a statement noun names whose words it holds ("a statement by X").
_BY = ("by", "from", "of")
_OPENING = "“‘\"'`"
_CLOSING = "”’\"'"


def _according(token: Token) -> bool:
    """Whether ``token`` opens "according to X", which attributes words like a verb."""
    doc = token.doc
    return (
        token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to"
    )


def _speaker_of_verb(res: Resolution, verb: Token) -> str | None:
    """Who a verb (or "according to") attributes words to.

    The subject ("Rice said"); the object of "quote" ("officials quoted Fukuda as
    saying"); the object of "according to".
    """
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_ == "quote":
        verb = verb.head.head  # "saying" in "quoted X as saying"
    if _according(verb):
        prep = verb.doc[verb.i + 1]
        return _speaker_in(res, [c for c in prep.children if c.dep_ == "pobj"])
    if verb.lemma_.lower() == "quote":
        quoted = [c for c in verb.children if c.dep_ == "dobj"]
        if quoted:
            return _speaker_in(res, quoted)
    subject = subject_of(verb)
    return None if subject is None else _speaker_in(res, [subject])


def _speaker_in(res: Resolution, phrases: list[Token]) -> str | None:
    """The actor a speaker's phrase names, else whose words or sector it stands for.

    "a statement by the ministry" → the ministry; "Iranian officials" → Iran.
    """
    for phrase in phrases:
        for key in res.actors_of(phrase, weak=False):
            if res.actors[key].kind in SPEAKER_KINDS:
                return key
            seat = res.seat_country(key)  # "Tehran denied": the government of Iran
            if seat is not None:
                return seat
    for phrase in phrases:
        if phrase.pos_ != "NOUN":
            continue
        owners = [
            obj
            for prep in phrase.children
            if prep.dep_ == "prep" and prep.lower_ in _BY
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        for key in [k for obj in owners for k in res.actors_of(obj, weak=False)]:
            if res.actors[key].kind in ("Organization", "Country"):
                return key
        # A group noun stands for its side ("Iranian officials"), and so does a title
        # naming no one ("the French president said": France speaks).
        if group_sector(phrase) is not None:  # "officials", "a spokesman"
            for key in res.actors_of(phrase, weak=True):
                actor = res.actors[key]
                if actor.kind == "Group" and actor.affiliation:
                    return actor.affiliation
                if actor.kind in ("Organization", "Country"):
                    return key  # "a Hamas official said": Hamas speaks through its official
    return None


def _speech_verbs(res: Resolution, start: int, end: int) -> list[Token]:
    verbs = lexicon.speech_verbs() | lexicon.quote_verbs()
    doc = res.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [
        t
        for t in span
        if not res.in_quote(t)
        and (t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in verbs or _according(t))
    ]


def _evidence(res: Resolution, start: int, end: int) -> Evidence:
    doc = res.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    assert span is not None
    first, last = span[0].sent, span[-1].sent
    sent = doc[first.start : last.end]
    return Evidence.trimmed(sent.text, sent.start_char)


def extract_quotes(res: Resolution) -> list[tuple[Quote, Token | None]]:
    """Every quotation with its speaker and the verb that attributes it.

    Attribution, in order: the nearest attributing word outside quotes in the same
    paragraph ("...," he said / Tillerson said: "..." / described it as "..." /
    according to X), whose speaker is a person, organisation or country, or the
    side a group stands for ("Iranian officials"); else, for a paragraph that opens
    with a quotation, the speaker of the previous paragraph's quote; else, for a
    quotation left open at its paragraph's end, the speaker of the paragraph that
    continues it. A one-word quotation counts only inside the clause of its
    attributing verb. Quotations nobody can be found to have said are left out
    (scare quotes).
    """
    text = doc_text(res.doc)
    found: list[_Found] = []
    previous: tuple[str, int] | None = None  # (speaker, paragraph end)
    for start, end in res.quotes:
        closed = text[end - 1] in _CLOSING and end - 1 > start
        opening = 2 if text.startswith("``", start) else 1
        closing = (2 if text[end - 2 : end] == "''" else 1) if closed else 0
        inner = text[start + opening : end - closing]
        inner = inner.strip(_TRIM)
        if not inner:
            continue
        p_start, p_end = _paragraph(text, start, end)
        verbs = _speech_verbs(res, p_start, p_end)
        short = len(inner.split()) < 2
        if short:  # a word or two in quotation marks: only as part of the attributing clause
            first = res.doc.char_span(start + 1, end - 1 if closed else end, "expand")
            verbs = [v for v in verbs if first is not None and v in first[0].ancestors]

        def distance(t: Token, s: int = start, e: int = end) -> int:
            return t.idx - e if t.idx >= e else s - t.idx

        speaker: str | None = None
        verb: Token | None = None
        for candidate in sorted(verbs, key=distance):
            speaker = _speaker_of_verb(res, candidate)
            if speaker:
                verb = candidate
                break
        confidence = 0.85
        if speaker is None and not short and previous and text[p_start] in _OPENING:
            prev_speaker, prev_end = previous
            if text[prev_end:p_start].strip() == "":
                speaker, confidence = prev_speaker, 0.7
        found.append(_Found(start, end, inner, speaker, verb, confidence, p_start, p_end, closed))
        if speaker is not None:
            previous = (speaker, p_end)
    _continued(text, found)
    return [
        (
            Quote(f.inner, f.speaker, _evidence(res, f.start, f.end), f.start, f.end, f.confidence),
            f.verb,
        )
        for f in found
        if f.speaker is not None
    ]


@dataclass
class _Found:
    """A quotation as read, before the ones nobody said are dropped."""

    start: int
    end: int
    inner: str
    speaker: str | None
    verb: Token | None
    confidence: float
    p_start: int
    p_end: int
    closed: bool


def _continued(text: str, found: list[_Found]) -> None:
    """Give a quotation left open at its paragraph's end the speaker of its continuation.

    A quotation running over paragraphs opens each with a quote mark and closes only
    in the last, where the speaker is named; read from the last back to the first.
    """
    for i in range(len(found) - 2, -1, -1):
        here, nxt = found[i], found[i + 1]
        if here.speaker is not None or here.closed or nxt.speaker is None:
            continue
        if nxt.start == nxt.p_start and text[here.p_end : nxt.p_start].strip() == "":
            here.speaker, here.confidence = nxt.speaker, 0.7


def spoken_where(res: Resolution, verb: Token | None) -> str | None:
    """Where words were said: "said in Kuwait", "told reporters at the Kremlin".

    >>> import datetime as dt
    >>> from kg import nlp as _nlp
    >>> from kg.model import Article
    >>> from kg.resolve import resolve
    >>> text = "Bush said in Kuwait that Iraq must act."
    >>> res = resolve(_nlp.load()(text), Article(id="a", text=text, date=dt.date(2008, 1, 12)))
    >>> spoken_where(res, res.doc[1]), spoken_where(res, None)
    ('country:KWT', None)
    """
    if verb is None:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
            for obj in prep.children:
                key = res.token_key.get(obj.i)
                if obj.dep_ == "pobj" and key and res.actors[key].kind in ("Place", "Country"):
                    return key
    return None


def statements(
    res: Resolution, quotes: list[tuple[Quote, Token | None]], line: Timeline
) -> list[Event]:
    """Group quotations into Statement events: one per speaker and occasion.

    An occasion is the time expression of the attributing clause ("On Friday,
    Trump said"); quotations with none belong to the speaker's first occasion.
    """
    events: dict[tuple[str, str | None], Event] = {}
    first: dict[str, tuple[str, str | None]] = {}
    for quote, verb in quotes:
        assert quote.speaker is not None
        _, date_text, explicit = line.for_token(verb) if verb is not None else (None, None, False)
        occasion = date_text if explicit else None
        key = (quote.speaker, occasion)
        if occasion is None and quote.speaker in first:
            key = first[quote.speaker]
        if key not in events:
            events[key] = _statement(
                res, line, verb, quote.evidence, quote.speaker, quote.confidence
            )
            first.setdefault(quote.speaker, key)
        event = events[key]
        event.quotes.append(quote)
        span = res.doc.char_span(quote.char_start, quote.char_end, alignment_mode="expand")
        if span is not None:
            for token in span:
                for about in res.actors_of(token, weak=False) if token.i in res.token_key else []:
                    if about != quote.speaker and res.actors[about].kind != "Place":
                        if about not in event.about:
                            event.about.append(about)
    return list(events.values())


#: Confidence of a statement read from the occasion a text names, with nothing quoted.
OCCASION_CONFIDENCE = 0.7
#: Verbs that themselves make words public, whatever their object.
_PUBLISHING = lexicon.publishing_verbs()


def _occasion_noun(token: Token) -> bool:
    """Whether a noun names an occasion of public words ("a statement", "news conference").

    A word that names an occasion only with its medium ("post", "video") does so when
    an occasion word modifies it: "a Facebook post", but not "held the post".
    """
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = token.lemma_.lower()
    if lemma in lexicon.statement_nouns():
        return True
    return lemma in lexicon.medium_nouns() and any(
        c.dep_ in ("compound", "nmod", "amod") and c.lemma_.lower() in lexicon.statement_nouns()
        for c in token.children
    )


def _public_audience(token: Token) -> bool:
    """Whether a noun told something is the public: the press or an outlet.

    "told reporters", "told Russian state television", "told the BBC"; not "told
    Erdogan" or "told his aides".
    """
    lemma = token.lemma_.lower()
    return (
        lemma in lexicon.audience_nouns()
        or lemma in lexicon.outlet_nouns()
        or (token.ent_type_ == "ORG" and token.text in lexicon.outlets())
    )


def on_occasion(verb: Token, is_event: Callable[[Token], bool] = lambda t: False) -> bool:
    """Whether a verb's words are said on a public occasion the sentence names.

    "said in a statement", "told a news conference", "wrote on Twitter" (a speech verb
    with an occasion noun after a preposition or as its object), "issued a statement",
    "held a news conference" (an issuing verb with one as its object), "announced that"
    (a verb that publishes by itself, unless its object is an act of its own:
    "announced sanctions" is the sanction, ``is_event``).

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Kenya said in a statement that it would leave.")
    >>> on_occasion(doc[1])
    True
    >>> on_occasion(_nlp.load()("Kenya said that it would leave.")[1])
    False
    """
    if verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if lemma in _PUBLISHING:
        return not any(is_event(o) for o in objects)
    if lemma in lexicon.statement_verbs():
        return any(_occasion_noun(o) for o in objects)
    if lemma not in lexicon.speech_verbs():
        return False
    bid = any(c.dep_ == "xcomp" for c in verb.children)  # "told supporters to vote": a bid
    if not bid and any(_public_audience(o) for o in objects):
        return True  # "told reporters", "told Russian television": said in public
    in_phrase = [
        o
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ in ("in", "at", "during", "on", "to", "through")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return any(_occasion_noun(o) for o in objects + in_phrase)


def occasion_statements(
    res: Resolution, line: Timeline, made: list[Event], is_event: Callable[[Token], bool]
) -> list[Event]:
    """Statements told by their occasion, quoted or not: one per speaker and occasion.

    As for quotations (:func:`statements`), the occasion is the time expression of
    the clause; a speaker who already has a statement keeps it unless the clause
    names another day.
    """
    had = {(e.agents[0], e.date_text) for e in made if e.agents}
    speakers = {speaker for speaker, _ in had}
    out: list[Event] = []
    for token in res.doc:
        if res.in_quote(token) or not on_occasion(token, is_event):
            continue
        speaker = _speaker_of_verb(res, token)
        if speaker is None:
            continue
        date, date_text, explicit = line.for_token(token)
        occasion = date_text if explicit else None
        if (speaker, occasion) in had or (occasion is None and speaker in speakers):
            continue
        had.add((speaker, occasion))
        speakers.add(speaker)
        out.append(_statement(res, line, token, evidence_for(token), speaker, OCCASION_CONFIDENCE))
    return out


def _statement(
    res: Resolution,
    line: Timeline,
    verb: Token | None,
    evidence: Evidence,
    speaker: str,
    confidence: float,
) -> Event:
    """A Statement by ``speaker``, dated and placed by the clause of ``verb`` (the
    article's day when the clause names none)."""
    date, date_text, explicit = line.for_token(verb) if verb is not None else (None, None, False)
    return Event(
        cls="Statement",
        trigger=verb.text if verb is not None else "",
        evidence=evidence,
        agents=[speaker],
        date=date if explicit else line.anchor,
        date_text=date_text if explicit else None,
        cameo="010",
        goldstein=0.0,
        confidence=confidence,
        place=spoken_where(res, verb),
    )
