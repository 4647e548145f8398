"""kg.nlp: the pipeline's tokenizer stays linear on text without spaces."""

from __future__ import annotations

import spacy
from spacy.language import Language

from kg import nlp as kg_nlp
from kg.budget import time_limit


def test_a_long_run_without_spaces_is_tokenised_in_linear_time(nlp: Language) -> None:
    text = 'He said "' + '"' * 30_000 + '" on Monday.'
    with time_limit(30):  # spaCy's own affix rules take minutes on this
        doc = nlp.make_doc(text)
    assert doc.text == text
    assert [t.text for t in doc][-3:] == ["on", "Monday", "."]


def test_no_piece_handed_to_spacy_holds_a_longer_run() -> None:
    seen: list[str] = []
    blank = spacy.blank("en")
    inner = blank.tokenizer

    def spy(text: str):  # type: ignore[no-untyped-def]
        seen.append(text)
        return inner(text)

    tokenizer = kg_nlp.PiecewiseTokenizer(spy)
    text = "Flags: " + "\U0001f1fa\U0001f1f8" * 500 + " end."
    doc = tokenizer(text)
    assert doc.text == text
    assert max(len(run) for piece in seen for run in piece.split()) <= kg_nlp.MAX_RUN


def test_ordinary_text_is_tokenised_as_spacy_does(nlp: Language) -> None:
    text = 'Russia\'s envoy, Mr. Nebenzia, said: "No." The U.S. disagreed (again).'
    plain = spacy.blank("en").tokenizer(text)
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in plain]


def test_pieces_join_back_into_the_text() -> None:
    text = "a " + "x" * 250 + "  b\n" + "y" * 101
    pieces = kg_nlp.run_pieces(text)
    assert "".join(pieces) == text
    assert max(len(p.strip()) for p in pieces) <= kg_nlp.MAX_RUN


def test_rulers_tokenise_their_patterns_without_running_the_pipeline() -> None:
    """Loading the gazetteer and titles must not parse their ~1,600 patterns (a second per
    process with the statistical model): they match on words only."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    seen: list[str] = []

    @Language.component("pekg_test_counter")
    def counter(doc: Doc) -> Doc:
        seen.append(doc.text)
        return doc

    pipeline = English()
    pipeline.add_pipe("pekg_test_counter")
    kg_nlp.add_components(pipeline)
    assert seen == []
    doc = pipeline("The Secretary of State flew to Moscow.")
    assert seen == ["The Secretary of State flew to Moscow."]
    assert [(e.text, e.label_) for e in doc.ents] == [("Moscow", "GPE")]
    assert [s.text for s in doc.spans[kg_nlp.TITLES_KEY]] == ["Secretary of State"]
