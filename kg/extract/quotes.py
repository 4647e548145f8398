"""Direct quotations, their speakers, and the Statement events they make up."""

from __future__ import annotations

from spacy.tokens import Token

from kg import lexicon
from kg.extract.common import Timeline, subject_of
from kg.model import Event, Evidence, Quote
from kg.resolve import Resolution

_TRIM = " ,;:\n\t"


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return first, len(text) if last < 0 else last


def _speaker_of_verb(res: Resolution, verb: Token) -> str | None:
    subject = subject_of(verb)
    if subject is None:
        return None
    for key in res.actors_of(subject, weak=False):
        if res.actors[key].kind in ("Person", "Organization", "Country"):
            return key
    return None


def _speech_verbs(res: Resolution, start: int, end: int) -> list[Token]:
    verbs = lexicon.speech_verbs()
    doc = res.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [
        t
        for t in span
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in verbs and not res.in_quote(t)
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

    Attribution, in order: the nearest speech verb outside quotes in the same
    paragraph ("...," he said / Tillerson said: "..."); else, for a paragraph
    that opens with a quotation, the speaker of the previous paragraph's quote.
    Quotations nobody can be found to have said are left out (scare quotes).
    """
    text = res.doc.text
    out: list[tuple[Quote, Token | None]] = []
    previous: tuple[str, int] | None = None  # (speaker, paragraph end)
    for start, end in res.quotes:
        inner = text[start + 1 : end - 1] if text[end - 1] in '”"' else text[start + 1 : end]
        inner = inner.strip(_TRIM)
        if len(inner.split()) < 2:
            continue
        p_start, p_end = _paragraph(text, start, end)
        verbs = _speech_verbs(res, p_start, p_end)

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
        if speaker is None and previous and text[p_start] in '“"':
            prev_speaker, prev_end = previous
            if text[prev_end:p_start].strip() == "":
                speaker, confidence = prev_speaker, 0.7
        if speaker is None:
            continue
        quote = Quote(inner, speaker, _evidence(res, start, end), start, end, confidence)
        out.append((quote, verb))
        previous = (speaker, p_end)
    return out


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
        date, date_text, explicit = (None, None, False)
        if verb is not None:
            date, date_text, explicit = line.for_token(verb)
        occasion = date_text if explicit else None
        key = (quote.speaker, occasion)
        if occasion is None and quote.speaker in first:
            key = first[quote.speaker]
        if key not in events:
            if not explicit:
                date = line.anchor
            events[key] = Event(
                cls="Statement",
                trigger=verb.text if verb is not None else "",
                evidence=quote.evidence,
                agents=[quote.speaker],
                date=date,
                date_text=date_text if explicit else None,
                cameo="010",
                goldstein=0.0,
                confidence=quote.confidence,
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
