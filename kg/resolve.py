"""Mentions → actors: canonical names, alias merging, roles and coreference.

Reads a parsed ``Doc`` and produces a :class:`Resolution`: the actors of the
article, every mention of them, the roles people hold, and a map from
pronouns and definite descriptions ("he", "the president", "the country's
foreign minister") to the actors they refer to.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from spacy.tokens import Doc, Span, Token

from kg import dictionary, lexicon, mint
from kg.model import Actor, Article, Evidence, Role
from kg.nlp import TITLES_KEY, doc_text, english_words, sentence_ents

_T = TypeVar("_T")

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
GROUP_PRONOUNS = frozenset({"its", "it"})
COUNTRY_NOUNS = lexicon.country_nouns()
#: Country nouns that only a monarchy answers to ("the kingdom", "the emirate").
MONARCHY_NOUNS = lexicon.monarchy_nouns()
#: Prepositions by which a group noun names the side it acts for ("forces in Guinea").
SIDE_PREPS = ("of", "from", "in", "at", "inside", "across", "throughout")
#: Prepositions that say where something is or happens.
PLACE_PREPS = ("in", "at", "inside", "near", "outside")
_POSSESSIVE = re.compile(r"(['’]s|['’])$")
_QUOTE_PAIRS = (("“", "”"), ("``", "''"), ('"', '"'))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of double-quoted passages, quote marks included.

    Curly pairs are matched first; straight quotes pair up in order. An opening
    quote left open at the end of a paragraph closes there (news paragraphs of
    a continuing quotation often leave it open).

    >>> quote_spans('He said “yes, now” and "no".')
    [(8, 18), (23, 27)]

    Text tokenised the Penn Treebank way marks quotations with `` and '':

    >>> t = "`` We will respond , '' Putin said ."
    >>> [t[a:b] for a, b in quote_spans(t)]
    ["`` We will respond , ''"]

    Single marks too, typographic or straight, but not apostrophes:

    >>> t = "Iran’s envoy said ‘we’re ready’ and the rebels' chief said 'no talks'."
    >>> [t[a:b] for a, b in quote_spans(t)]
    ['‘we’re ready’', "'no talks'"]
    """
    spans: list[tuple[int, int]] = []
    for opening, closing in _QUOTE_PAIRS:
        earlier = merge_spans(spans)  # what the pairs matched before cover, for a bisect
        i = 0
        while True:
            start = text.find(opening, i)
            if start < 0:
                break
            end = text.find(closing, start + len(opening))
            end = end + len(closing) - 1 if end >= 0 else end
            paragraph_end = text.find("\n", start)
            if paragraph_end < 0:
                paragraph_end = len(text)
            if end < 0 or end > paragraph_end:
                end = paragraph_end - 1
            if _in_spans(earlier, start):
                i = start + 1
                continue
            spans.append((start, end + 1))
            i = end + 1
    earlier = merge_spans(spans)
    for match in _SINGLE_QUOTED.finditer(text):
        if not _in_spans(earlier, match.start()) and not _in_spans(earlier, match.end() - 1):
            spans.append(match.span())
    return sorted(spans)


# Single quotation marks, typographic or straight, within a paragraph. An apostrophe
# is told from a quote mark by what stands around it: an opening mark starts a word
# ("'We"), a closing one ends one before space or punctuation; "Iran’s" is neither.
_SINGLE_QUOTED = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?=[^\W\d_]|\[)[^\n]*?[^\s‘']['’](?=[\s,.;:!?)\]—–]|$)",
    re.MULTILINE,
)


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined, as :func:`_in_spans` needs them.

    >>> merge_spans([(8, 9), (0, 5), (2, 7)])
    [(0, 7), (8, 9)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _in_spans(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies in one of ``spans`` (sorted, not overlapping), by bisection.

    >>> _in_spans([(2, 5), (8, 9)], 4), _in_spans([(2, 5), (8, 9)], 5)
    (True, False)
    """
    index = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def clean_name(text: str) -> str:
    """A mention's text without possessive ending, leading article or stray space.

    >>> clean_name("Bashar al-Assad’s")
    'Bashar al-Assad'
    >>> clean_name("the United States")
    'United States'
    """
    text = re.sub(r"\s+", " ", text).strip()
    text = _POSSESSIVE.sub("", text).strip()
    return re.sub(r"^(the|The)\s+", "", text)


@dataclass
class Mention:
    """A stretch of tokens naming an actor."""

    start: int
    end: int
    key: str
    text: str


@dataclass
class Resolution:
    """Actors, mentions, roles and coreference of one article."""

    doc: Doc
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    coref: dict[int, list[str]] = field(default_factory=dict)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    home: str | None = None
    token_key: dict[int, str] = field(default_factory=dict)
    #: ISO3 of the country the article is about (dateline, else the most named).
    local: str | None = None
    #: The article's date, for what holds on it (the built-in leaders list).
    date: dt.date | None = None
    #: The place the article's dateline names, if any (:func:`dateline_place`).
    dateline_place: str | None = None
    #: Whether towns (:func:`kg.lexicon.cities`) may say which country a place lies in:
    #: only in a text that names no country, region or seat of its own (a short note).
    towns: bool = False

    def __post_init__(self) -> None:
        self._quoted = merge_spans(self.quotes)
        self._named_groups: list[tuple[int, str, str, str]] | None = None

    def in_quote(self, token: Token) -> bool:
        """Whether a token lies inside a quotation."""
        return _in_spans(self._quoted, token.idx)

    def key_of(self, token: Token) -> str | None:
        """The actor a single token names or refers to, if any."""
        if token.i in self.token_key:
            return self.token_key[token.i]
        keys = self.coref.get(token.i)
        return keys[0] if keys and len(keys) == 1 else None

    def actors_of(self, token: Token, weak: bool = True) -> list[str]:
        """Actors named by the noun phrase headed by ``token``, conjuncts included.

        With ``weak``, a phrase that names no actor but is modified by one
        ("a Syrian air base", "Russia's support") yields that modifier.
        """
        out: list[str] = []
        self._collect(token, out, weak, depth=0)
        return list(dict.fromkeys(out))

    def seat_country(self, key: str) -> str | None:
        """The country a capital or seat of government stands for ("Moscow", "the Kremlin").

        Adds the country to the actors when the article does not name it otherwise.
        """
        return self._listed_country(key, lexicon.seats())

    def region_country(self, key: str) -> str | None:
        """The country a region or city lies in ("Aleppo" → Syria; ``regions.tsv``, then
        the towns of :func:`kg.lexicon.cities`).

        Unlike a capital, a region never acts for its country: it only says where.
        """
        return self._listed_country(key, lexicon.regions()) or (
            self._listed_country(key, lexicon.cities()) if self.towns else None
        )

    def place_iso3(self, key: str) -> str | None:
        """ISO3 of the country a place lies in, by the tables, without adding it to the actors."""
        return (
            self._listed_iso3(key, lexicon.seats())
            or self._listed_iso3(key, lexicon.regions())
            or (self._listed_iso3(key, lexicon.cities()) if self.towns else None)
        )

    def _listed_country(self, key: str, table: Mapping[str, str]) -> str | None:
        """The country ``table`` gives a place by any of its names, added to the actors."""
        iso3 = self._listed_iso3(key, table)
        return self.country(iso3) if iso3 else None

    def _listed_iso3(self, key: str, table: Mapping[str, str]) -> str | None:
        actor = self.actors.get(key)
        if actor is None or actor.kind != "Place":
            return None
        names = (actor.label, *sorted(actor.aliases))
        found = next((table[n] for n in names if n in table), None)
        if found is None:  # "Idlib province", "Anbar governorate": the region's own name
            bare = [_without_place_noun(n) for n in names]
            found = next((table[n] for n in bare if n and n in table), None)
        return found

    def placed_country(self, token: Token) -> str | None:
        """The one country the sentence of ``token`` says things happen in, if any.

        "in / at / near X" phrases naming a country, or a place whose country is
        listed (a capital, ``regions.tsv``): "Police in Lagos arrested 12 protesters"
        happens in Nigeria. None when the sentence names no such place or places in
        more than one country.
        """
        found: set[str] = set()
        sent = token.sent
        for mention in self.mentions:
            if not sent.start <= mention.start < sent.end:
                continue
            actor = self.actors[mention.key]
            last = self.doc[mention.end - 1]
            while last.dep_ == "conj" and last.head is not last:
                last = last.head  # "in Kabul and Islamabad"
            if actor.kind == "Place" and _governed_by(last, PLACE_PREPS):
                iso3 = self.place_iso3(mention.key)
            elif actor.kind == "Country" and _governed_by(self.doc[mention.end - 1], PLACE_PREPS):
                iso3 = actor.iso3
            else:
                continue
            if iso3:
                found.add(iso3)
        return self.country(found.pop()) if len(found) == 1 else None

    def country(self, iso3: str) -> str:
        """The key of a country, added to the actors when the article does not name it."""
        key = mint.country_key(iso3)
        self.actors.setdefault(key, Actor(key, "Country", lexicon.country_label(iso3), iso3=iso3))
        return key

    def group_actor(self, side: str, sector: str, head: Token, inferred: bool = False) -> str:
        """The sector of a country a group noun stands for ("Chilean officials").

        A ``Group`` acting for the country (``affiliation``), one per country and
        sector, so the same group in every article is one node. A side that is not a
        country is returned as it is. With ``inferred``, the country was not named
        but taken from the article (see :meth:`local_side`); the actor stays
        ``inferred`` until some phrase names its country outright. A capital stands
        for its country ("police in Cairo").
        """
        # "the court in Cairo": Egypt's; "police in Aleppo": Syria's
        side = self.seat_country(side) or self.region_country(side) or side
        country = self.actors.get(side)
        if country is None or country.kind != "Country" or not country.iso3:
            return side
        # A legislature is a body of its own (an organisation), not a sector's people.
        kind = "Organization" if sector in ORGANISED_SECTORS else "Group"
        key = f"{'org' if kind == 'Organization' else 'group'}:{country.iso3.lower()}-{sector}"
        adjective = lexicon.adjective_of(country.iso3) or country.label
        actor = self.actors.setdefault(
            key, Actor(key, kind, f"{adjective} {sector}", affiliation=side, inferred=inferred)
        )
        actor.inferred = actor.inferred and inferred
        start = min(
            (c.left_edge.i for c in head.lefts if c.dep_ in ("amod", "compound", "poss")),
            default=head.i,
        )
        written = clean_name(self.doc[start : head.i + 1].text)
        if written != actor.label and written.lower() != head.lower_:
            actor.aliases.add(written)
        return key

    def _acting(self, token: Token) -> str | None:
        key = self.token_key.get(token.i)
        if key and self.actors[key].kind in ("Country", "Organization", "Person"):
            return key
        if key and token.dep_ == "poss":
            return self.seat_country(key)  # "Seoul's unification ministry": South Korea's
        if token.dep_ == "poss" and token.pos_ == "PRON" and token.head.dep_ in SUBJECT_DEPS:
            # "Russia said its troops killed ...": the doers are the country's or body's
            # the pronoun refers to (not "recalled its ambassador from Turkey": Turkey)
            keys = self.coref.get(token.i, [])
            if (
                len(keys) == 1
                and self.actors[keys[0]].kind in ("Country", "Organization")
                and self._reporting_subject(token.head) == keys[0]
            ):
                return keys[0]
        return None

    def _reporting_subject(self, noun: Token) -> str | None:
        """The actor that is the subject of a verb governing ``noun``'s clause ("Russia
        said its troops ...": Russia), if any; a pronoun's referent is taken only then.
        """
        for verb in noun.ancestors:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            for child in verb.children:
                if child.dep_ in SUBJECT_DEPS and child.i != noun.i:
                    key = self.token_key.get(child.i) or self._group_owner(child)
                    if key:
                        return key
        return None

    def _group_owner(self, noun: Token) -> str | None:
        """The country a group noun's nationality names ("the Israeli military": Israel)."""
        if group_sector(noun) is None:
            return None
        owners = [
            self.token_key[c.i]
            for c in noun.children
            if c.dep_ in ("amod", "compound", "poss") and c.i in self.token_key
        ]
        return owners[0] if len(owners) == 1 else None

    def _side_of(self, token: Token, depth: int) -> list[str]:
        """The side a phrase naming no actor stands for.

        Its modifier and the modifier's conjuncts ("Hungarian and Romanian officials",
        "Russia's support"), or, for a noun of people acting for a side
        (``lexicons/group_nouns.tsv``), what its of/from/in phrase names ("forces in
        Guinea", "a delegation of Japanese officials").
        """
        # The modifier nearest the noun names it ("bin Laden's al-Qaeda network": al-Qaeda).
        for child in sorted(token.children, key=lambda c: (c.i > token.i, -c.i)):
            if child.dep_ in ("poss", "amod", "compound", "nmod"):
                key = self._acting(child)
                if key is None and child.pos_ == "VERB":  # "Vietnamese-led forces"
                    key = next(filter(None, map(self._acting, child.lefts)), None)
                if key is None and child.dep_ == "compound" and group_sector(child) is not None:
                    key = self.local_side(child)  # "a defence ministry spokesman"
                if key is None and child.dep_ == "compound" and group_sector(token) is not None:
                    place = self.token_key.get(child.i)  # "Kabul police": Afghanistan's
                    if place and self.actors[place].kind == "Place" and not self._unplaced(place):
                        key = place
                if (
                    key is None
                    and child.dep_ in ("poss", "nmod")
                    and group_sector(child) is not None
                ):
                    # "Palestinian prisoners' families": theirs; "the Afghan government
                    # and Taliban representatives": of the government and the Taliban
                    owners: list[str] = []
                    self._collect(child, owners, True, depth + 1)
                    if owners:
                        return owners
                if key is not None:
                    keys = [key, *(self._acting(c) for c in child.conjuncts)]
                    # A country owning it stays a side: "Iraq's Al-Qaeda frontman".
                    keys += [
                        k
                        for c in token.children
                        if c.dep_ == "poss" and c is not child
                        for k in [self._acting(c)]
                        if k is not None and self.actors[k].kind == "Country"
                    ]
                    return [k for k in dict.fromkeys(keys) if k]
        out: list[str] = []
        owned = any(c.dep_ == "poss" for c in token.children)  # "its ambassador from Turkey"
        if group_sector(token) is not None and not owned:
            # "forces in Guinea", and "militias loyal to Iran" through the adjective
            phrases = [c for c in token.children if c.dep_ == "prep" and c.lower_ in SIDE_PREPS]
            phrases += [
                p
                for c in token.children
                if c.dep_ == "amod" and c.pos_ == "ADJ"
                for p in c.children
                if p.dep_ == "prep" and p.lower_ in ("to", "with")
            ]
            after = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
            if after is not None and after.lower_ == "from" and after.head.i == token.head.i:
                phrases.append(after)  # "killed [a volunteer] from Ecuador", hung on the verb
            for child in phrases:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        self._collect(obj, out, True, depth + 1)
        # "villagers in Zamfara state": a place of no known country names no side
        return [k for k in out if not self._unplaced(k)]

    def _town(self, word: Token) -> bool:
        """Whether a word names a place of no known country ("Baltimore" with no table)."""
        key = self.token_key.get(word.i)
        return key is not None and self.actors[key].kind == "Place" and self._unplaced(key)

    def _unplaced(self, key: str) -> bool:
        """Whether a key is a place whose country is not known (not a listed capital or region)."""
        actor = self.actors.get(key)
        return actor is not None and actor.kind == "Place" and self.place_iso3(key) is None

    def local_side(self, token: Token) -> str | None:
        """The article's country, for a group noun that names no side of its own.

        "troops", "government forces", "the police", "parliament": a noun of
        ``lexicons/local_groups.txt`` with no nationality, possessive, name or
        of/from/in phrase, in an article whose country is known (:attr:`local`).
        "the rebels" too (CAMEO codes domestic rebels with the country); "foreign
        troops" and "Chinese troops" are not.
        """
        return self._told_side(token, group_sector(token)) if self.bare_group(token) else None

    def _told_side(self, token: Token, sector: str | None) -> str | None:
        """The country an unnamed group is of: the last of its kind named before, else the
        one its sentence places it in (a located sector: "protesters in Lagos" are
        Nigerians), else the article's."""
        placed = self.placed_country(token) if sector in lexicon.sectors_with("located") else None
        home = self.country(self.local) if self.local else None
        return self.earlier_side(token) or placed or home

    def owner_group(self, modifier: Token) -> str | None:
        """The group a noun modifying a thing names as its owner: "a police station" (the
        police's), "rebel positions", "an army checkpoint"; of the country it is told of as
        :meth:`local_side` finds it.
        """
        sector = group_sector(modifier)
        if modifier.dep_ == "amod" and modifier.pos_ == "ADJ":  # "a military base"
            sector = lexicon.group_nouns().get(modifier.lemma_.lower())
        elif modifier.dep_ not in ("compound", "nmod"):
            return None
        if not sector:
            return None
        if any(c.dep_ in ("amod", "compound", "poss") for c in modifier.children):
            return None  # "a Syrian army base": the base's own modifiers name the side
        side = self._told_side(modifier, sector)
        return self.group_actor(side, sector, modifier, inferred=True) if side else None

    def bare_group(self, token: Token) -> bool:
        """Whether a group noun names no side of its own: "troops", "the police", not
        "Chinese troops", "police in Kenya" or "some troops" (``local_groups.txt``)."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return False
        if token.dep_ in ("compound", "amod", "nmod", "poss") and group_sector(token.head) is None:
            return False  # "a police station", "army headquarters"; not "a ministry spokesman"
        listed = lexicon.local_groups()
        lemma = token.lemma_.lower()
        for child in token.children:
            between = self.doc[min(child.i, token.i) + 1 : max(child.i, token.i)]
            if child.i < token.i and any(t.is_punct for t in between):
                continue  # a dateline parsed onto the first noun: "KABUL - Troops ..."
            if child.dep_ == "compound" and self._town(child):
                continue  # "a Baltimore prosecutor": the article's, of a town it names
            if child.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod"):
                whole = f"{child.lower_} {lemma}"
                if whole in listed or (child.lower_ == "government" and child.i < token.i):
                    continue  # "security forces", "government troops"
                if (
                    (
                        child.dep_ in ("amod", "compound")
                        or (child.dep_ == "poss" and child.pos_ == "NOUN")
                    )
                    and child.i < token.i  # not "militias loyal to Iran", "angry at"
                    and _describes_only(child)
                    and child.i not in self.token_key
                ):
                    continue  # "pro-Russian separatists", "masked gunmen", "rights activists"
                return False
            if child.dep_ == "prep" and child.lower_ in SIDE_PREPS:
                if any(
                    t.i in self.token_key and not self._unplaced(self.token_key[t.i])
                    for t in child.subtree
                ):
                    return False  # "police in Kenya": that side, not the article's
                continue  # "police in riot gear"
            if child.dep_ == "det" and child.lower_ not in ("the", "a", "an"):
                return False  # "some troops", "their forces", "no soldiers"
        return any(form in listed for form in _noun_forms(token)) or any(
            child.dep_ == "compound" and f"{child.lower_} {lemma}" in listed
            for child in token.children
        )

    def earlier_side(self, token: Token) -> str | None:
        """The country the last group of the same kind named before a bare group noun is of.

        "Israeli tanks raided Gaza ... troops fired at militants": the troops are
        Israel's, whatever country the article is about. Only a group whose country
        was named ("Israeli tanks", "forces of Syria") is followed.
        """
        sector = group_sector(token)
        if sector not in FOLLOWED_SECTORS:
            return None  # "two civilians" are not the Ecuadorian volunteer's people
        if self._named_groups is None:
            self._named_groups = []
            for word in self.doc:
                kind = group_sector(word) if word.pos_ in ("NOUN", "PROPN") else None
                if kind is None or word.dep_ in ("compound", "amod", "nmod", "poss"):
                    continue
                countries = [k for k in self._side_of(word, 0) if self.actors[k].kind == "Country"]
                if len(countries) == 1:
                    self._named_groups.append((word.i, kind, countries[0], word.lemma_.lower()))
        lemma = token.lemma_.lower()
        # "Germany's foreign ministry summoned the Russian envoy. The ministry said":
        # the same noun refers back first, then any group of the same sector.
        same = [c for i, _, c, word in self._named_groups if i < token.i and word == lemma]
        earlier = [c for i, kind, c, _ in self._named_groups if i < token.i and kind == sector]
        found = same or earlier
        return found[-1] if found else None

    def entourage(self, token: Token) -> str | None:
        """The body a person's office or campaign is: "his office in Geneva said" →
        "Kofi Annan's office", an organisation of the person's country.

        A noun of ``lexicons/entourage_nouns.txt`` with a person's possessive (a name,
        or a pronoun that refers to one) that acts or speaks: a subject, or the
        object of "by" or "from" ("a statement from his office"). As an object
        ("compromising his office") it is the person's position, no body.
        """
        if token.lemma_.lower() not in lexicon.entourage_nouns():
            return None
        acting = token.dep_ in ("nsubj", "nsubjpass") or (
            token.dep_ == "pobj" and token.head.lower_ in ("by", "from")
        )
        if not acting:
            return None  # "compromising his office": the position, not the body
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        keys = (
            [self.token_key[owner.i]] if owner.i in self.token_key else self.coref.get(owner.i, [])
        )
        person = self.actors.get(keys[0]) if len(keys) == 1 else None
        if person is None or person.kind != "Person":
            return None
        noun = token.lemma_.lower()
        key = f"org:{person.key.partition(':')[2]}-{noun}"
        country = person.affiliation or next(
            (r.of for r in self.roles if r.person == person.key and r.of), None
        )
        body = self.actors.setdefault(
            key, Actor(key, "Organization", f"{person.label}'s {noun}", affiliation=country)
        )
        written = clean_name(self.doc[owner.i : token.i + 1].text)
        if written != body.label:
            body.aliases.add(written)
        return key

    def _collect(self, token: Token, out: list[str], weak: bool, depth: int) -> None:
        if depth > 6:
            return
        if token.i in self.token_key:
            out.append(self.token_key[token.i])
        elif token.i in self.coref:
            out.extend(self.coref[token.i])
        elif token.pos_ == "NOUN" and (body := self.entourage(token)) is not None:
            out.append(body)
        elif weak and token.pos_ in ("NOUN", "PROPN"):
            sides = self._side_of(token, depth)
            sector = group_sector(token)
            if sector == "government" and not sides:
                implied = _implied_country(token)  # "the Pope": the Vatican's
                sides = [self.country(implied)] if implied else []
            local = self.local_side(token) if sector and not sides else None
            if local is not None and sector:
                out.append(self.group_actor(local, sector, token, inferred=True))
            out.extend(self.group_actor(k, sector, token) if sector else k for k in sides)
        named = token.i in self.token_key or token.i in self.coref
        for child in token.children:
            if child.dep_ == "appos" and named and _describing(child):
                continue  # "Pakistan, a key U.S. ally,": a description, no second side
            if child.dep_ in ("conj", "appos") and child.pos_ in ("PROPN", "NOUN", "PRON"):
                self._collect(child, out, weak, depth + 1)


#: Sectors of group_nouns.tsv whose bare noun refers back to the last group of its kind
#: whose country was named ("Israeli tanks ... troops"): the organised, armed or ruling
#: ones, not people at large.
FOLLOWED_SECTORS = lexicon.sectors_with("followed")

#: Sectors of group_nouns.tsv that name one body of a country, an organisation:
#: "the Iraqi parliament" (its lawmakers act for it).
ORGANISED_SECTORS = lexicon.sectors_with("organised")


def _describing(noun: Token) -> bool:
    """Whether a common noun in apposition only describes what it follows: "a key U.S.
    ally", "Israel's neighbour"; not "the leader of Hamas", which names whom it acts for.

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Pakistan, a key U.S. ally, and Abbas, the leader of Fatah, met.")
    >>> _describing(doc[5]), _describing(doc[10])
    (True, False)
    """
    if noun.pos_ != "NOUN":
        return False
    return any(
        (c.dep_ == "det" and c.lower_ in ("a", "an")) or (c.dep_ == "poss" and c.i < noun.i)
        for c in noun.children
    )


def _describes_only(modifier: Token) -> bool:
    """Whether a modifier describes a group without naming its side: "armed",
    "paramilitary", "pro-Russian", "rights" in "rights activists"; not "foreign"
    (``lexicons/outside_modifiers.txt``) nor a name or nationality ("Chinese", "Hamas").

    >>> from spacy.lang.en import English
    >>> [_describes_only(t) for t in English()("armed foreign paramilitary Islamist")]
    [True, False, True, True]
    """
    word = modifier.lower_
    if word.startswith(("pro-", "anti-")):
        return True
    # "pro-Russian" split into "pro", "-", "Russian": each part only describes
    doc, i = modifier.doc, modifier.i
    before = [doc[j].lower_ for j in range(max(0, i - 2), i)]
    if (
        word in ("pro", "anti")
        or (word == "-" and before[-1:] in (["pro"], ["anti"]))
        or (before[-2:] in (["pro", "-"], ["anti", "-"]))
    ):
        return True
    if word in lexicon.descriptive_modifiers():
        return True
    if (
        word in lexicon.outside_modifiers()
        or modifier.lemma_.lower() in lexicon.outside_modifiers()
    ):
        return False
    if word == "led" or word.endswith("-led"):
        return False  # "Saudi-led forces": a coalition, whoever leads it
    if modifier.text in lexicon.demonyms() or modifier.text.title() in lexicon.demonyms():
        return False
    if modifier.pos_ == "PROPN":
        return False
    # "Suspected gunmen": capitalised as the sentence's first word, not a name
    return modifier.is_sent_start or modifier.ent_type_ not in NAMING_ENTITY_TYPES


#: Entity types whose words name a side when they modify a group ("Chinese troops").
NAMING_ENTITY_TYPES = frozenset({"NORP", "GPE", "ORG", "LOC", "PERSON", "FAC"})


def _per_token(fn: Callable[[Token], _T]) -> Callable[[Token], _T]:
    """``fn``, remembering its answer for each token of the doc being read.

    For functions of a token's parse and the lexicons alone, which resolution and
    extraction ask about the same words again and again.
    """
    seen: list[Any] = [None, {}]

    @functools.wraps(fn)
    def remembered(token: Token) -> _T:
        if seen[0] is not token.doc:
            seen[0], seen[1] = token.doc, {}
        memo = seen[1]
        if token.i not in memo:
            memo[token.i] = fn(token)
        return cast(_T, memo[token.i])

    return remembered


@_per_token
def group_sector(token: Token) -> str | None:
    """The sector a group noun names ("troops" → "military"), "" for a group of no
    sector ("delegation"), None for any other word. A compound listed whole wins."""
    nouns = lexicon.group_nouns()
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in token.lefts:  # "security forces" are police, not the military
        if child.dep_ == "compound" and f"{child.lower_} {token.lemma_.lower()}" in nouns:
            return nouns[f"{child.lower_} {token.lemma_.lower()}"]
    for form in _noun_forms(token):
        if form in nouns:
            sector = nouns[form]
            if sector == "" or token.lemma_.lower() in lexicon.member_nouns():
                # "opposition leaders", "rebel commanders", "police officials": a leader
                # or member of the body the noun before names
                for child in token.lefts:
                    inner = group_sector(child) if child.dep_ == "compound" else None
                    if inner and inner != sector:
                        return inner
            return sector
    return "government" if _unnamed_title(token) else None


def _noun_forms(token: Token) -> tuple[str, ...]:
    """A noun's lemma and lower-case form; for a capitalised plural the parser took for
    a name ("Troops shelled ..." opening a sentence), its singular too."""
    forms: tuple[str, ...] = (token.lemma_.lower(), token.lower_)
    if (
        token.pos_ == "PROPN"
        and (_opens(token) or not token.ent_type_)
        and token.lower_.endswith("s")
    ):
        forms += (token.lower_[:-1],)
    return forms


def _unnamed_title(token: Token) -> bool:
    """Whether a noun is a title standing for no named person ("Taiwan's president",
    "the Saudi foreign minister"): it acts for its country's government.

    A title in apposition to a name ("Juppe, the French foreign minister") or before
    one ("President Obama") is that person's role, not a side of its own.
    """
    if token.dep_ in ("appos", "compound") or any(c.dep_ == "appos" for c in token.children):
        return False
    if token.ent_type_ == "PERSON" or (
        token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_type_ == "PERSON"
    ):
        return False
    return _title_ending(token) is not None


@_per_token
def _title_ending(token: Token) -> lexicon.Title | None:
    """The listed title of up to three words that ends at ``token`` ("foreign minister")."""
    titles = lexicon.titles()
    doc = token.doc
    for k in (2, 1, 0):
        title = titles.get(doc[max(0, token.i - k) : token.i + 1].text.lower())
        if title is not None:
            return title
    return None


def _implied_country(token: Token) -> str | None:
    """ISO3 of the country an unqualified title implies (``titles.tsv``: "the Pope" is the
    Vatican's, "the Foreign Secretary" Britain's), if it implies one."""
    title = _title_ending(token)
    return title.default_iso3 if title is not None else None


# --------------------------------------------------------------------- mentions


def _credit_start(text: str) -> int:
    """Offset where a closing credit line ("With Post wires") starts, else len(text)."""
    lines = text.rstrip().split("\n")
    last = lines[-1].strip().lower() if lines else ""
    if last and len(last.split()) <= 8 and last.startswith(lexicon.credit_lines()):
        return text.rstrip().rfind("\n") + 1
    return len(text)


def _gazetteer_key(name: str, label: str) -> str | None:
    """Actor key for a name the gazetteer knows, else None."""
    countries = lexicon.country_names()
    if label in ("GPE", "NORP", "LOC", "ORG", "FAC", "PERSON"):
        if name in countries:
            return mint.country_key(countries[name])
        iso3 = lexicon.demonym_iso3(name)
        if iso3 is not None:
            return mint.country_key(iso3)
    for org in lexicon.organizations():
        if name == org.name or name in org.aliases:
            return f"org:{org.slug}"
    for place in lexicon.places():
        if name == place.name or name in place.aliases:
            return f"place:{place.slug}"
    return None


def _trim(ent: Span) -> Span:
    """Drop a possessive ending and leading determiners from an entity span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while (
        end > start + 1
        and doc[end - 1].tag_ == "POS"
        or (end > start + 1 and doc[end - 1].text in ("'s", "’s", "'", "’"))
    ):
        end -= 1
    while start < end - 1 and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return doc[start:end]


def _home_country(article: Article) -> str | None:
    if not article.source:
        return None
    source = article.source.strip().lower()
    outlets = lexicon.outlets()
    iso3 = outlets.get(source) or outlets.get(re.sub(r"^the\s+", "", source))
    return mint.country_key(iso3) if iso3 else None


def _title_spans(doc: Doc) -> list[Span]:
    return list(doc.spans.get(TITLES_KEY, []))


def _inside(span: Span, spans: Iterable[Span]) -> bool:
    return any(s.start <= span.start and span.end <= s.end for s in spans)


#: A model designation of military hardware: "F-16", "Su-24", "MiG-29", "T-72", "S-400".
_MODEL = re.compile(r"[A-Z][A-Za-z]{0,4}-?\d{1,4}[A-Za-z]{0,2}\Z")


def is_hardware(words: Span) -> bool:
    """Whether words name military hardware: a model designation or weapon words only.

    Such words never make an organisation: the side is whoever uses them.

    >>> import spacy
    >>> doc = spacy.blank("en")("F-16 jets Su-24 bombers Defence Ministry")
    >>> is_hardware(doc[0:2]), is_hardware(doc[2:4]), is_hardware(doc[4:6])
    (True, True, False)
    """
    weapons = lexicon.weapons()
    groups = lexicon.group_nouns()
    found = False
    for part in words.text.split():
        lower = part.lower()
        if _MODEL.match(part) or lower.rstrip("s") in weapons or lower in weapons:
            found = True
        elif groups.get(lower) == "military" or groups.get(lower.rstrip("s")) == "military":
            continue
        else:
            return False
    return found


def _raw_mentions(doc: Doc, article: Article) -> list[tuple[Span, str, str]]:
    """(span, kind, key-or-empty) for every usable entity, before person merging."""
    credit = _credit_start(doc_text(doc))
    titles = _title_spans(doc)
    title_starts = sorted(t.start for t in titles)
    out: list[tuple[Span, str, str]] = []
    source = (article.source or "").lower()
    for ent, label in entity_spans(doc):
        if ent.start_char >= credit:
            continue
        span = _trim(ent)
        name = clean_name(span.text)
        if not name or not any(ch.isalpha() for ch in name):
            continue
        if (is_outlet(span) and not _outlet_acted_on(span)) or _alone_on_its_line(span):
            continue  # the press and section lines ("World News") are no actors
        if _platform(span):
            continue
        at = bisect.bisect_right(title_starts, span.start)  # a title begun inside the name
        cut = title_starts[at] if at < len(title_starts) and title_starts[at] < span.end else None
        if label == "ORG" and cut is not None and lexicon.demonym_iso3(doc[cut - 1].text):
            # "[British Defence] Secretary": the nationality, then the title
            span, label = doc[span.start : cut], "NORP"
            name = clean_name(span.text)
        last = span[-1].text
        if label in ("NORP", "ORG") and " " in name and last in lexicon.demonyms():
            span = span[-1:]  # "Radical French": the nationality, not its qualifier
            name = clean_name(span.text)
        if len(span) > 1 and span[0].text in lexicon.demonyms() and is_hardware(span[1:]):
            # "[Thai] F-16", "[Russian] Su-24 bombers": the country's arms act for it
            span, label = span[:1], "NORP"
            name = clean_name(span.text)
        key = ent.ent_id_ or _gazetteer_key(name, label) or ""
        if key:
            kind = {"country": "Country", "org": "Organization", "place": "Place"}[
                key.partition(":")[0]
            ]
            out.append((span, kind, key))
        elif label in ("PERSON", "ORG") and named_place(span):
            out.append((span, "Place", ""))
        elif label == "PERSON":
            out.append((span, "Person", ""))
        elif label == "ORG":
            if _inside(span, titles) or (source and name.lower() in source):
                continue
            titled = _titled_name(span, titles)
            if titled is not None:
                out.append((titled, "Person", ""))
                continue
            out.append((span, "Organization", ""))
        elif label in ("GPE", "LOC", "FAC"):
            out.append((span, "Place", ""))
    return _places_throughout(out)


def _places_throughout(mentions: list[tuple[Span, str, str]]) -> list[tuple[Span, str, str]]:
    """A name read as a place once is a place wherever else it stands in the article.

    "exploded in Karachi" makes "Karachi is ..." and "borders Karachi" places too,
    where the recogniser took them for an organisation or a person.
    """
    places = {clean_name(span.text) for span, kind, key in mentions if kind == "Place" and not key}
    return [
        (span, "Place", key)
        if kind in ("Person", "Organization") and not key and clean_name(span.text) in places
        else (span, kind, key)
        for span, kind, key in mentions
    ]


#: spaCy labels for what a name turns out to be, by its head noun (``name_heads.tsv``).
_HEAD_LABELS = {"Place": "FAC", "Organization": "ORG"}


def entity_spans(doc: Doc) -> list[tuple[Span, str]]:
    """The recogniser's entities, mended where the words around them say more.

    A person's name runs on through a name particle ("Francis [ole Kaparo]"); a
    place noun, "of" and a name make one place ("Strait" "of" "Hormuz"); a name
    followed in its phrase by a noun of ``name_heads.tsv`` is what that noun says
    ("Shifa Hospital", "the Jinnah hospital": places; "his Yisrael Beiteinu faction":
    an organisation).
    """
    out: list[tuple[Span, str]] = []
    taken = -1
    for ent in doc.ents:
        if ent.start < taken:
            continue
        span, label = _listed_whole(_after_dateline(ent)), ent.label_
        if label in ("WORK_OF_ART", "PRODUCT", "EVENT", "LAW") and _speaking_name(span):
            label = "PERSON"  # '"...," Akhtar Zamin said': only people speak
        if label in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC") and (
            _common_noun_opening(span) or _uncapitalised(span)
        ):
            continue  # "Gunmen in Zamfara ...", tagged a place; "its navy", tagged a body
        if label in ("NORP", "PERSON", "ORG") and (
            span.text in lexicon.regions() or span.text in lexicon.seats()
        ):
            label = "GPE"  # "bombed [Aleppo]" tagged a nationality, "the [Minsk] agreement"
        elif (
            label in ("NORP", "PERSON")
            and span.text in lexicon.cities()
            and _governed_by(span[-1], PLACE_PREPS)
            and not _listed(span, dictionary.builtin())
        ):
            label = "GPE"  # "a police station in [Kasese]", tagged a nationality
        if (
            label in ("ORG", "GPE", "LOC", "NORP")
            and _listed(span, dictionary.builtin())
            and _gazetteer_key(span.text, label) is None
            and span.text not in lexicon.regions()
            and span.text not in lexicon.seats()
            and span.text not in lexicon.cities()
        ):
            # "Tsipras criticised", "talks with Erdogan" (tagged a place): a leader's
            # listed name, no organisation or place
            label = "PERSON"
        if label == "ORG" and len(span) == 1 and span[0].is_sent_start and _lone_name(span[0]):
            label = "PERSON"  # "[Juncker] said ...": the small model's sentence-initial surname
        if label == "PERSON":
            span = _through_particles(span)
        if _trim(span).text.lower() in lexicon.place_nouns() or span[-1].lower_ == "of":
            joined = _place_of_name(span)
            span, label = (joined, "LOC") if joined is not None else (span, label)
        elif span.start > 1 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].is_title:
            joined = _place_of_name(doc[span.start - 2 : span.start - 1])  # "[Strait] of Hormuz"
            if joined is not None and joined.end >= span.end and joined.start >= taken:
                span, label = joined, "LOC"
        head = _phrase_head_noun(span)
        if head is not None and label in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
            label = _HEAD_LABELS[lexicon.name_heads()[head.lower_]]
            if head.i == span.end and label == "FAC" and head.text[:1].isupper():
                span = doc[span.start : head.i + 1]  # "Shifa Hospital" whole
        taken = span.end
        out.append((span, label))
    named = {t.i for span, _ in out for t in span}
    out += [
        (span, "PERSON")
        for span in _listed_people(doc)
        if not named & set(range(span.start, span.end))
    ]
    named = {t.i for span, _ in out for t in span}
    out += [(span, "PERSON") for span in _lone_names(doc) if span.start not in named]
    named = {t.i for span, _ in out for t in span}
    out += [(span, "GPE") for span in _listed_places(doc) if span.start not in named]
    return sorted(out, key=lambda pair: pair[0].start)


def _listed_places(doc: Doc) -> list[Span]:
    """Towns the recogniser missed that a place phrase names: "gathered in [Jos] to demand".

    A capitalised proper noun, the object of "in / at / near ...", that a table knows
    as a town or region (``regions.tsv``, :func:`kg.lexicon.cities`).

    >>> from kg import nlp as _nlp
    >>> [s.text for s in _listed_places(_nlp.load()("They met in Jos to talk."))]
    ['Jos']
    >>> [s.text for s in _listed_places(_nlp.load()("They met Jos to talk."))]
    []
    """
    found = []
    for token in doc:
        if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.dep_ != "pobj":
            continue
        if token.head.lower_ not in PLACE_PREPS:
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
            start -= 1
        span = doc[start : token.i + 1]
        if span.text in lexicon.regions() or span.text in lexicon.cities():
            found.append(span)
    return found


def _opens(token: Token) -> bool:
    """Whether a word opens its sentence or follows punctuation ("KABUL - Troops"),
    where a common noun is capitalised as if it were a name."""
    return token.i == token.sent.start or token.doc[token.i - 1].is_punct


def _common_noun_opening(span: Span) -> bool:
    """Whether a one-word "name" is a common noun capitalised to open its sentence.

    "Riot police were stationed", "Gunfire was heard", "KABUL - Troops killed": an
    event word, a weapon or a word for a group of people is no one's name.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("sentencizer")
    >>> doc = nlp("Riot police came. Smith came.")
    >>> _common_noun_opening(doc[0:1]), _common_noun_opening(doc[4:5])
    (True, False)
    """
    if len(span) != 1 or not _opens(span[0]):
        return False
    word = span[0].lower_
    forms = {word, span[0].lemma_.lower(), word[:-1] if word.endswith("s") else word}
    return any(
        (form, "NOUN") in lexicon.triggers()
        or form in lexicon.weapons()
        or form in lexicon.group_nouns()
        for form in forms
    )


def _uncapitalised(span: Span) -> bool:
    """Whether a "name" has no capital letter in a sentence written with capitals: "its
    [navy]", "the [army]" tagged an organisation are group nouns, no one's name.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("sentencizer")
    >>> doc = nlp("Iran said its navy seized it. iran said its navy seized it.")
    >>> _uncapitalised(doc[3:4]), _uncapitalised(doc[0:1]), _uncapitalised(doc[10:11])
    (True, False, False)
    """
    if any(ch.isupper() for ch in span.text):
        return False
    opening = next((t for t in span.sent if t.is_alpha), None)
    return opening is not None and opening.text[:1].isupper()


def _listed(span: Span, table: Mapping[str, object]) -> bool:
    """Whether the leaders list holds a name whole, or a one-word name as a surname."""
    key = dictionary.phrase_key(span.text)
    if key in table:
        return True
    return (
        len(span) == 1
        and key in dictionary.listed_surnames()
        and key not in {n.lower() for n in lexicon.country_names()}
        and lexicon.demonym_iso3(span.text) is None
    )


def _listed_people(doc: Doc) -> list[Span]:
    """Names the recogniser missed that the built-in leaders list holds ("Merkel").

    A run of capitalised proper nouns is a person where the list holds its longest
    tail: the whole name, or a leader's listed surname ("Chancellor Merkel").

    >>> from kg import nlp as _nlp
    >>> [s.text for s in _listed_people(_nlp.load()("Merkel travelled to Ankara."))]
    ['Merkel']
    >>> [s.text for s in _listed_people(_nlp.load()("Maple travelled to Ankara."))]
    []
    """
    table = dictionary.builtin()
    found = []
    i = 0
    while i < len(doc):
        end = i
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        start = next((k for k in range(i, end) if _listed(doc[k:end], table)), end)
        if start < end:  # the longest listed tail: "Chancellor [Merkel]"
            found.append(doc[start:end])
        elif end == i and _name_as_noun(doc[i]) and _listed(doc[i : i + 1], table):
            found.append(doc[i : i + 1])  # "[Trump] met ...", tagged a common noun
        i = max(end, i + 1)
    return found


def _lone_names(doc: Doc) -> list[Span]:
    """Lone capitalised words no recogniser took that can only be a person's surname.

    The word is no ordinary English word (:func:`kg.nlp.english_words`), stands alone
    as a name does (:func:`_name_as_noun`) and is the subject or object of a verb:
    "[Pelosi] said ...", "[Farage] criticised ...". Not "Witnesses said", not a word
    inside a title or a name, and nothing where the pipeline cannot tell words.

    >>> from kg import nlp as _nlp
    >>> [s.text for s in _lone_names(_nlp.load()("Pelosi said the war was a mistake."))]
    ['Pelosi']
    >>> [s.text for s in _lone_names(_nlp.load()("Witnesses said the war was a mistake."))]
    []
    """
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    taken |= {i for span in _title_spans(doc) for i in range(span.start, span.end)}
    return [doc[t.i : t.i + 1] for t in doc if t.i not in taken and _lone_name(t)]


def _lone_name(token: Token) -> bool:
    """Whether one capitalised word, standing alone, can only be a surname (:func:`_lone_names`)."""
    words = english_words(token.doc)
    if not words or not token.is_alpha or not _name_as_noun(token):
        return False
    if any(form in words for form in _word_forms(token)):
        return False
    if token.lower_ in lexicon.honorifics() or token.text in lexicon.demonyms():
        return False
    head = token.head if token.dep_ != "pobj" else token.head.head
    return token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and head.pos_ == "VERB"


def _word_forms(token: Token) -> set[str]:
    """The forms a word may take in a dictionary: as written, its lemma, its singular.

    >>> from kg import nlp as _nlp
    >>> sorted(_word_forms(_nlp.load()("Rebels attacked.")[0]))
    ['rebel', 'rebels']
    """
    lower = token.lower_
    forms = {lower, token.lemma_.lower()}
    if lower.endswith("ies"):
        forms.add(lower[:-3] + "y")
    elif lower.endswith("es"):
        forms |= {lower[:-2], lower[:-1]}
    elif lower.endswith("s"):
        forms.add(lower[:-1])
    return forms


def _name_as_noun(token: Token) -> bool:
    """Whether a capitalised word the tagger took for a common noun reads as a name.

    It stands alone (no determiner, possessive or number of its own, no capitalised
    word beside it) as the subject or object of a clause: "[Trump] met Merkel",
    "talks with [Sanders]"; not "The Trump administration", "Rice prices rose".

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Sanders met the delegation.")
    >>> _name_as_noun(doc[0]), _name_as_noun(doc[3])
    (True, False)
    """
    if token.pos_ not in ("NOUN", "PROPN") or not token.is_title or len(token) < 3:
        return False
    if any(c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in token.children):
        return False
    doc = token.doc
    beside = [doc[j] for j in (token.i - 1, token.i + 1) if 0 <= j < len(doc)]
    if any(b.is_title and b.pos_ in ("PROPN", "NOUN") and not b.is_sent_start for b in beside):
        return False
    return token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")


def _after_dateline(span: Span) -> Span:
    """A name the recogniser ran on from the dateline before it, cut at the dash:
    "[BRUSSELS - European Union] foreign ministers" → "European Union".

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("BRUSSELS - European Union ministers met.")
    >>> _after_dateline(doc[0:4]).text
    'European Union'
    >>> _after_dateline(doc[2:4]).text
    'European Union'
    """
    for i, token in enumerate(span):
        if token.text in ("-", "--", "—", "–") and 0 < i < len(span) - 1:
            before = span[:i]
            if all(t.text.isupper() or t.is_punct for t in before):
                return span[i + 1 :]
    return span


def _listed_whole(span: Span) -> Span:
    """A name the recogniser cut short, run on to the listed organisation it starts.

    "[Liberation Tigers] of Tamil Eelam" is the listed "Liberation Tigers of Tamil Eelam".
    """
    doc = span.doc
    start = _trim(span).start_char
    rest = doc_text(doc)[start : start + 120]
    for name in _organization_names(rest[:_NAME_PREFIX]):
        if start + len(name) > span.end_char and rest.startswith(name):
            whole = doc.char_span(start, start + len(name))
            if whole is not None:
                return whole
    return span


#: Characters by which listed organisation names are indexed (see _organization_names).
_NAME_PREFIX = 3


@functools.cache
def _organization_index() -> dict[str, list[tuple[int, str]]]:
    index: dict[str, list[tuple[int, str]]] = {}
    names = (name for org in lexicon.organizations() for name in (org.name, *org.aliases))
    for position, name in enumerate(names):
        index.setdefault(name[:_NAME_PREFIX], []).append((position, name))
    return index


def _organization_names(prefix: str) -> list[str]:
    """Listed organisation names that may start a text beginning with ``prefix``, in
    the table's order: those that begin with it, and shorter names that begin it.

    >>> "Liberation Tigers of Tamil Eelam" in _organization_names("Lib")
    True
    """
    index = _organization_index()
    found = list(index.get(prefix, ()))
    for cut in range(1, len(prefix)):
        found += [(i, n) for i, n in index.get(prefix[:cut], ()) if len(n) == cut]
    return [name for _, name in sorted(found)]


def _speaking_name(span: Span) -> bool:
    """Whether a name of two to four capitalised words is the subject of a speech verb."""
    if not 2 <= len(span) <= 4 or not all(t.pos_ == "PROPN" and t.is_title for t in span):
        return False
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in lexicon.speech_verbs()


def _through_particles(span: Span) -> Span:
    """A person's name run on through particles: "Francis" → "Francis ole Kaparo"."""
    doc = span.doc
    end = span.end
    while (
        end + 1 < len(doc)
        and doc[end].lower_ in lexicon.name_particles()
        and doc[end + 1].text[:1].isupper()
        and doc[end + 1].pos_ == "PROPN"
    ):
        end += 2
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
    return doc[span.start : end]


def _place_of_name(span: Span) -> Span | None:
    """ "Strait of Hormuz" as one place, where the recogniser cut it at "of"."""
    doc = span.doc
    of = span.end if span[-1].lower_ != "of" else span.end - 1
    first = _trim(span)[0]
    if of >= len(doc) or doc[of].lower_ != "of" or first.lower_ not in lexicon.place_nouns():
        return None
    end = of + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        end += 1
    return doc[span.start : end] if end > of + 1 else None


def _phrase_head_noun(span: Span) -> Token | None:
    """The noun of ``name_heads.tsv`` a name modifies or ends in, if any."""
    heads = lexicon.name_heads()
    if span[-1].lower_ in heads and len(span) > 1:
        return span[-1]
    head = span.root
    while head.dep_ in ("compound", "nmod") and head.head is not head:
        head = head.head
        if head.lower_ in heads and head.pos_ in ("NOUN", "PROPN"):
            return head
    return None


def _outlet_acted_on(span: Span) -> bool:
    """Whether a news outlet is the object of an act, a side like any other: "accused
    the BBC of bias", "threatened to sue the New York Times", "a ban on Al Jazeera";
    not the press that reports, hears or prints ("told the BBC", "according to the New
    York Times", "in an interview with CNN").

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Erdogan accused the BBC of bias. Erdogan told the BBC he was right.")
    >>> _outlet_acted_on(doc[3:4]), _outlet_acted_on(doc[11:12])
    (True, False)
    """
    head = span.root
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ in ("against", "on") and verb.head.pos_ == "NOUN":
        verb, pos = verb.head, "NOUN"  # "a lawsuit against the New York Times"
    elif head.dep_ == "dobj" and verb.pos_ == "VERB":
        pos = "VERB"
    else:
        return False
    lemma = verb.lemma_.lower()
    if lemma in lexicon.speech_verbs() or lemma in lexicon.statement_verbs():
        return False
    return (lemma, pos) in lexicon.triggers()


def is_outlet(span: Span) -> bool:
    """Whether a name is a news outlet's: listed in ``outlets.tsv``, or naming the
    outlet noun its phrase ends in ("the Mehr news agency", "the Ynet website"; not
    "a White House news conference", nor a listed body's "U.N. refugee agency")."""
    name = clean_name(span.text)
    if name.lower() in lexicon.outlets():
        return True
    if _gazetteer_key(name, "ORG"):
        return False  # "the U.N. refugee agency", "the EU border agency": a body, no outlet
    head = span.root
    while head.dep_ == "compound" and head.head is not head:
        head = head.head  # "Mehr news agency": Mehr → news → agency
    return head not in span and head.lower_ in lexicon.outlet_nouns()


def _platform(span: Span) -> bool:
    """Whether a name is a platform words are published on, not an actor: "posted a
    message on [Twitter]", "said via [Facebook]" (``statement_nouns.txt``).

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Trump posted a message on Twitter attacking Clinton.")
    >>> _platform(doc[5:6]), _platform(doc[0:1])
    (True, False)
    """
    return (
        len(span) == 1
        and span[0].lower_ in lexicon.statement_nouns()
        and span[0].dep_ == "pobj"
        and span[0].head.lower_ in ("on", "via", "through")
    )


def _alone_on_its_line(span: Span) -> bool:
    """Whether a name is all its line holds: a section, credit or source line."""
    text = doc_text(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start : len(text) if end < 0 else end]
    return line.strip() == span.text.strip()


#: Prepositions that put a name where something happened ("exploded in Karachi").
LOCATIVE_PREPS = frozenset({"in", "near", "outside", "inside"})
#: What may follow a dateline's place in capitals: "CAIRO (AFP) -", "KARACHI, Pakistan".
_AFTER_DATELINE = frozenset({",", "(", "-", "--", "—", "–", ":"})


def named_place(span: Span) -> bool:
    """Whether the words around a name the recogniser took for a person's or an
    organisation's show it is a place.

    A dateline's place in capitals ("CAIRO (AFP) -"); a name after a place noun and
    "of" ("the town of Hub", ``lexicons/place_nouns.txt``); a name after "in",
    "near", "outside" or "inside" that hangs on a verb or a place noun ("exploded in
    Karachi", "a farm near Ein Hashlosha"); a name followed by a comma and a country
    that ends a phrase ("in Landhi, Pakistan,"; not "Mwangi, Kenya's minister"). A
    name holding an organisation word ("Interior Ministry") never is.
    """
    doc = span.doc
    if any(t.text in lexicon.org_words() for t in span):
        return False
    after = doc[span.end].text if span.end < len(doc) else ""
    starts_line = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
    if starts_line and span.text.isupper() and len(span.text) > 2 and after in _AFTER_DATELINE:
        return True
    root = span.root
    prep = root.head
    if root.dep_ == "pobj" and prep.dep_ == "prep":
        governor = prep.head
        place_noun = governor.lemma_.lower() in lexicon.place_nouns()
        if prep.lower_ == "of" and place_noun:
            return True
        if prep.lower_ in LOCATIVE_PREPS and (governor.pos_ == "VERB" or place_noun):
            return True
    if after == "," and span.end + 1 < len(doc):  # "Landhi, Pakistan," but "X, Kenya's minister"
        country = next(
            (e for e in sentence_ents(doc[span.end + 1]) if e.start == span.end + 1), None
        )
        if country is None or country.text not in lexicon.country_names():
            return False
        closer = doc[country.end] if country.end < len(doc) else None
        return closer is None or closer.is_punct and closer.tag_ != "POS"
    return False


def _titled_name(span: Span, titles: list[Span]) -> Span | None:
    """The person's name in a stretch tagged as an organisation that follows a title.

    "Spokesman Shapoval", or "Shapoval" after "Foreign Minister": a title of a
    person right before (or at the start of) one to three capitalised proper nouns
    with no organisation word (``lexicons/org_words.txt``) names that person.
    """
    doc = span.doc
    start = span.start
    for title in titles:
        if title.end == span.start or (title.start == span.start and title.end < span.end):
            start = max(start, title.end)
            break
    else:
        return None
    name = doc[start : span.end]
    if not 1 <= len(name) <= 3 or not doc[start - 1].text[:1].isupper():
        return None
    if any(t.pos_ != "PROPN" or not t.is_title or t.text in lexicon.org_words() for t in name):
        return None
    return name


# ---------------------------------------------------------------------- persons


@dataclass
class _Cluster:
    names: list[str]
    tokens: set[str]

    @property
    def label(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n)))


def _cluster_persons(names: list[str]) -> dict[str, _Cluster]:
    """Group person names: "Trump" joins "Donald Trump", "Xi" joins "Xi Jinping".

    >>> c = _cluster_persons(["Vladimir Putin", "Putin", "Xi Jinping", "Xi"])
    >>> c["Putin"].label, c["Xi"].label
    ('Vladimir Putin', 'Xi Jinping')
    """
    clusters: list[_Cluster] = []
    of: dict[str, _Cluster] = {}
    full = [n for n in dict.fromkeys(names) if len(n.split()) > 1]
    single = [n for n in dict.fromkeys(names) if len(n.split()) == 1]
    for name in full:
        words = name.split()
        match = next(
            (
                c
                for c in clusters
                if any(
                    o.split()[-1] == words[-1] and o.split()[0][0] == words[0][0]
                    for o in c.names
                    if len(o.split()) > 1
                )
            ),
            None,
        )
        if match is None:
            match = _Cluster([], set())
            clusters.append(match)
        match.names.append(name)
        match.tokens.update(words)
        match.tokens.update(_name_parts(words[-1]))
        of[name] = match
    for name in single:
        by_last = [c for c in clusters if any(name in _name_parts(n.split()[-1]) for n in c.names)]
        by_any = [c for c in clusters if name in c.tokens]
        candidates = by_last if len(by_last) == 1 else by_any
        if len(candidates) == 1:
            candidates[0].names.append(name)
            of[name] = candidates[0]
        else:
            cluster = _Cluster([name], {name})
            clusters.append(cluster)
            of[name] = cluster
    return of


def _name_parts(word: str) -> set[str]:
    """A surname and its parts after a particle hyphen ("al-Assad" → also "Assad").

    >>> sorted(_name_parts("al-Assad"))
    ['Assad', 'al-Assad']
    """
    parts = {word}
    if "-" in word:
        parts.add(word.split("-")[-1])
    return parts


# ------------------------------------------------------------------------ roles


def _titles_by_end(doc: Doc) -> dict[int, Span]:
    """The doc's title spans by the token after their last (the title right before a
    name starting there), the first of each kept."""
    out: dict[int, Span] = {}
    for span in _title_spans(doc):
        out.setdefault(span.end, span)
    return out


def _qualifier_before(res: Resolution, index: int) -> str | None:
    """A country or organisation named right before token ``index`` ("Russian", "NATO's")."""
    i = index - 1
    if i >= 0 and res.doc[i].tag_ == "POS":
        i -= 1
    # Words between the side and its title ("Nigerian junior foreign minister", "Serbian
    # Labour Minister") qualify the title, not the side.
    for _ in range(2):
        if i < 1 or i in res.token_key or res.doc[i].pos_ not in ("ADJ", "NOUN", "PROPN"):
            break
        if res.doc[i].is_sent_start:
            break
        i -= 1
    if i >= 0 and i in res.token_key:
        key = res.token_key[i]
        if res.actors[key].kind in ("Country", "Organization"):
            return key
        return res.seat_country(key)  # "White House spokeswoman", "Kremlin aide"
    return None


def _evidence(doc: Doc, start: int, end: int) -> Evidence:
    sent = doc[start].sent
    last = doc[max(start, end - 1)].sent
    span = doc[sent.start : last.end]
    return Evidence.trimmed(span.text, span.start_char)


def _extract_roles(res: Resolution) -> None:
    doc = res.doc
    titles = _title_spans(doc)
    before = _titles_by_end(doc)
    found: dict[tuple[str, str, str | None], Role] = {}
    unqualified: list[tuple[Mention, Span]] = []
    for mention in res.mentions:
        if res.actors[mention.key].kind != "Person":
            continue
        title = before.get(mention.start)
        qualifier = None
        if title is not None:
            qualifier = _qualifier_before(res, title.start) or _qualifier_after(res, mention)
        if title is None:
            title = _appositive_title(res, mention, titles)
            if title is not None:
                qualifier = _qualifier_before(res, title.start) or _qualifier_in(
                    res, doc[title.start].head, places=True
                )
        if title is None:
            title = _title_in_apposition(res, mention, titles)
            if title is not None:
                qualifier = _qualifier_before(res, title.start) or _qualifier_in(
                    res, doc[title.end - 1], before=mention.start
                )
        if title is None:
            title = _predicate_title(res, mention, titles)
            if title is not None:
                qualifier = _qualifier_before(res, title.start) or _qualifier_in(
                    res, doc[title.end - 1]
                )
        if title is None:
            continue
        canonical = title.id_ or title.text
        if qualifier is None:
            unqualified.append((mention, title))
            continue
        role = Role(
            mention.key, canonical, qualifier, _evidence(doc, title.start, mention.end), 0.9
        )
        found.setdefault((role.person, canonical, qualifier), role)
    dated = dateline_country(doc_text(doc))
    local = (
        (dated if dated == res.local else None)  # not a bureau's dateline
        or (res.home.partition(":")[2] if res.home else None)
        or _main_country(res)
    )
    counterparts = _counterparts(res, found)
    for role in counterparts:
        found.setdefault((role.person, role.title, role.of), role)
    for mention, title in unqualified:
        canonical = title.id_ or title.text
        if any(p == mention.key and t == canonical for p, t, _ in found):
            continue
        entry = lexicon.titles().get(title.text.lower())
        if entry is None or (entry.written[:1].islower() and entry.body is None):
            continue  # descriptors such as "leader" need a named country
        # The country a title implies ("Secretary of State"), else the one the built-in
        # leaders list ties the person to on the article's date (a visiting president is
        # not the dateline's), else the dateline's, the outlet's home or the article's
        # main country: an actor of the article like any other, so the role points at a
        # described node.
        actor = res.actors[mention.key]
        listed = dictionary.listed_country([actor.label, *sorted(actor.aliases)], res.date)
        iso3 = entry.default_iso3 or listed or local
        of = res.country(iso3) if iso3 else None
        if of is not None and entry.body is not None:  # "a lawmaker": of the parliament
            res.actors[mention.key].affiliation = res.actors[mention.key].affiliation or of
            of = res.group_actor(of, entry.body, doc[title.end - 1])
        role = Role(mention.key, canonical, of, _evidence(doc, title.start, mention.end), 0.6)
        found.setdefault((role.person, canonical, of), role)
    res.roles = list(found.values())


#: Verbs that give their subject the title after them (``lexicons/copulas.txt``).
COPULAS = lexicon.copulas()


def _predicate_title(res: Resolution, mention: Mention, titles: list[Span]) -> Span | None:
    """A title a copula gives a person: "when Koizumi was prime minister of Japan",
    "Marende became speaker", "served as foreign minister"."""
    head = res.doc[mention.end - 1]
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_.lower() not in COPULAS:
        return None
    complements = [c for c in verb.children if c.dep_ in ("attr", "acomp", "oprd")]
    complements += [o for p in verb.children if p.lower_ == "as" for o in p.children]
    for complement in complements:
        for span in titles:
            if span.end - 1 == complement.i:
                return span
    return None


def _counterparts(res: Resolution, found: dict[tuple[str, str, str | None], Role]) -> list[Role]:
    """Roles of counterparts: "Fukuda ... his Chinese counterpart Wen Jiabao" holds
    Fukuda's title for China.

    The counterpart's country is the nationality or possessive before "counterpart";
    the title is the one the possessor ("his", "Fukuda's") holds in the article.
    """
    doc = res.doc
    out: list[Role] = []
    titled = {person: title for person, title, _ in found}
    for mention in res.mentions:
        if res.actors[mention.key].kind != "Person":
            continue
        word = doc[mention.start - 1] if mention.start > 0 else None
        if word is None or word.lemma_.lower() != "counterpart":
            head = doc[mention.end - 1]
            word = head.head if head.dep_ == "appos" else None  # "Wen, his counterpart"
            if word is None or word.lemma_.lower() != "counterpart":
                continue
        country = next(
            (
                res.token_key[c.i]
                for c in word.children
                if c.dep_ in ("amod", "compound", "nmod")
                and c.i in res.token_key
                and res.actors[res.token_key[c.i]].kind == "Country"
            ),
            None,
        )
        owner = next((c for c in word.children if c.dep_ == "poss"), None)
        if country is None or owner is None:
            continue
        if owner.pos_ == "PRON":  # "his": the nearest person before it in its sentence
            owners = [
                m.key
                for m in res.mentions
                if owner.sent.start <= m.start < owner.i and res.actors[m.key].kind == "Person"
            ][-1:]
        else:
            owners = res.actors_of(owner, weak=False)
        title = next((titled[k] for k in owners if k in titled), None)
        if title is not None:
            evidence = _evidence(doc, word.i, mention.end)
            out.append(Role(mention.key, title, country, evidence, 0.8))
    return out


#: A dateline opening a paragraph: a place in capitals, then perhaps a country or
#: region and a day, perhaps an agency in brackets, then a dash or a colon.
DATELINE = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*)"
    r"(?P<rest>(?:,[ \t]*[^,()\n:\-—–]+?)*),?[ \t]*(?:\([^)\n]{1,40}\))?"
    r"[ \t]*(?:--|[-—–:])(?:[ \t]|$)",
    re.MULTILINE,
)


def dateline(text: str, within: int = 600) -> tuple[str, list[str]] | None:
    """The place a dateline in the first ``within`` characters names, and its other parts.

    >>> dateline("KARACHI, Pakistan (AFP) - A bomb exploded.")
    ('Karachi', ['Pakistan'])
    >>> dateline("Headline\\n\\nBAGHDAD, Jan. 13 (Xinhua) -- The bill passed.")
    ('Baghdad', ['Jan. 13'])
    >>> dateline("KIEV: Talks began."), dateline("GAZA CITY, Gaza Strip, (AP) - Tanks")
    (('Kiev', []), ('Gaza City', ['Gaza Strip']))
    >>> dateline("AT least 10 people were killed - police said.") is None
    True
    """
    match = DATELINE.search(text[:within])
    if match is None or len(match.group("city")) < 3:
        return None
    rest = [part.strip() for part in match.group("rest").split(",") if part.strip()]
    return match.group("city").title(), rest


def dateline_country(text: str) -> str | None:
    """ISO3 of the country an article's dateline names ("KARACHI, Pakistan (AFP) -").

    The region after the city when it is a country, else the country whose capital or
    seat of government the city is; None without a dateline.

    >>> dateline_country("Headline\\n\\nKARACHI, Pakistan (AFP) - A bomb went off.")
    'PAK'
    >>> dateline_country("KIEV: The speaker, Arseniy Yatsenyuk, said ...")
    'UKR'
    >>> dateline_country("BAGHDAD, Jan. 13 (Xinhua) -- The bill ...")
    'IRQ'
    >>> dateline_country("COLOMBO, Sri Lanka (AP) -\\n\\nTroops ...")
    'LKA'
    >>> dateline_country("GAZA CITY, Gaza Strip (AP) - Israeli tanks ...")
    'PSE'
    >>> dateline_country("BATON ROUGE, Louisiana (Reuters) - Police ..."), dateline_country(
    ...     "KANDAHAR (Reuters) - ...")
    ('USA', 'AFG')
    >>> dateline_country("AT least ten people were killed - police said.") is None
    True
    """
    found = dateline(text)
    if found is None:
        return None
    city, parts = found
    countries = lexicon.country_names()
    # "Gaza Strip", "Punjab province": a region named by a country's name and a place noun
    bare = [
        p.rsplit(" ", 1)[0] for p in parts if p.rsplit(" ", 1)[-1].lower() in lexicon.place_nouns()
    ]
    region = next((countries[p] for p in [*parts, *bare] if p in countries), None)
    region = region or next((lexicon.regions()[p] for p in parts if p in lexicon.regions()), None)
    known = lexicon.seats().get(city) or countries.get(city)
    return region or known or lexicon.regions().get(city)


def _article_country(res: Resolution) -> str | None:
    """ISO3 of the country an article is about: its dateline's, else the one it names most.

    A bureau's dateline gives way when its country goes unnamed and another leads
    (named twice at least): "BEIRUT (Reuters) - Kurdish fighters drove Islamic State
    out of the Syrian town of Kobani, the Syrian Observatory said" is about Syria.
    """
    dated = dateline_country(doc_text(res.doc))
    leading = _main_country(res)
    if dated is not None and leading is not None and dated != leading:
        if not any(res.actors[m.key].iso3 == dated for m in res.mentions):
            return leading
    return dated or leading or _only_country(res)


def _main_country(res: Resolution) -> str | None:
    """ISO3 of the country the article names most, when it clearly leads (twice at least)."""
    counts: dict[str, int] = {}
    for mention in res.mentions:
        iso3 = _country_named(res.actors[mention.key])
        if iso3:
            counts[iso3] = counts.get(iso3, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _only_country(res: Resolution) -> str | None:
    """ISO3 of the one country the article names, if it names exactly one."""
    named = {_country_named(res.actors[m.key]) for m in res.mentions} - {None}
    return named.pop() if len(named) == 1 else None


def _country_named(actor: Actor) -> str | None:
    """ISO3 of the country a mention names: a country, or a region, city or capital in it."""
    if actor.kind == "Country":
        return actor.iso3
    if actor.kind == "Place":
        return lexicon.regions().get(actor.label) or lexicon.seats().get(actor.label)
    return None


def _nationalities(res: Resolution) -> None:
    """A person described by a nationality and a noun that is no office acts for that
    country: "Ukrainian pilot Nadia Savchenko", "James Foley, an American journalist".

    A person whose role or listing already gives a country keeps it; two nationalities
    ("British-Iranian aid worker") give none.
    """
    placed = {r.person for r in res.roles if r.of is not None}
    for mention in res.mentions:
        actor = res.actors[mention.key]
        if actor.kind != "Person" or actor.affiliation or mention.key in placed:
            continue
        head = res.doc[mention.end - 1]
        nouns = [
            c
            for c in head.children
            if c.pos_ == "NOUN"
            and ((c.dep_ == "compound" and c.i < mention.start) or c.dep_ == "appos")
        ]
        modifiers = [m for noun in nouns for m in noun.children if m.dep_ in ("amod", "compound")]
        modifiers += [c for m in modifiers for c in m.children if c.dep_ == "amod"]
        codes = {code for m in modifiers if (code := lexicon.demonym_iso3(m.text))}
        if len(codes) == 1:
            actor.affiliation = res.country(codes.pop())


def _only_role_country(res: Resolution) -> str | None:
    """ISO3 of the one country whose offices the people of a text that names no country
    hold ("Protesters demanded the resignation of Prime Minister Nawaz Sharif": Pakistan)."""
    named = {
        res.actors[role.of].iso3
        for role in res.roles
        if role.of in res.actors and res.actors[role.of].kind == "Country"
    } - {None}
    return named.pop() if len(named) == 1 else None


def _only_town_country(res: Resolution) -> str | None:
    """ISO3 of the one country the towns of a text that names no country lie in
    ("Protesters gathered in Jos": Nigeria), from :func:`kg.lexicon.cities`."""
    named = {
        lexicon.cities().get(res.actors[m.key].label)
        for m in res.mentions
        if res.actors[m.key].kind == "Place"
    } - {None}
    return named.pop() if len(named) == 1 else None


def _appositive_title(res: Resolution, mention: Mention, titles: list[Span]) -> Span | None:
    """A title in an appositive after the name ("Lavrov, Russia's foreign minister,")."""
    head = res.doc[mention.end - 1]
    for child in head.children:
        if child.dep_ == "appos":
            for span in titles:
                if span.start >= child.left_edge.i and span.end <= child.i + 1:
                    return span
    return None


def _qualifier_after(res: Resolution, mention: Mention) -> str | None:
    """A country named right after a titled name: "King Hassan of Morocco"."""
    end = mention.end
    doc = res.doc
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        key = res.token_key.get(end + 1) or (
            res.token_key.get(end + 2) if doc[end + 1].lower_ == "the" else None
        )
        if key and res.actors[key].kind in ("Country", "Organization"):
            return key
    return None


def _title_in_apposition(res: Resolution, mention: Mention, titles: list[Span]) -> Span | None:
    """A title the name is in apposition to ("the speaker, Arseniy Yatsenyuk,")."""
    head = res.doc[mention.end - 1]
    if head.dep_ != "appos" or head.head.i >= mention.start:
        return None
    heads = [head.head]
    if head.head.dep_ == "pobj" and head.head.head.dep_ == "prep":
        heads.append(head.head.head.head)  # "the speaker of Ukraine, X": parsed onto Ukraine
    ends = {h.i for h in heads}
    return next((span for span in titles if span.end - 1 in ends), None)


def _qualifier_in(
    res: Resolution, token: Token, before: int | None = None, places: bool = False
) -> str | None:
    """A country or organisation in the phrase of ``token`` (tokens before ``before``
    only); with ``places``, a region after "of" or "for" too ("the home minister for
    Sindh province")."""
    for t in token.subtree:
        if before is not None and t.i >= before:
            break
        key = res.token_key.get(t.i)
        if key and res.actors[key].kind in ("Country", "Organization"):
            return key
        if places and key and res.actors[key].kind == "Place" and _governed_by(t, ("of", "for")):
            return key
    return None


def _governed_by(token: Token, preps: tuple[str, ...]) -> bool:
    """Whether a name (or the noun it names) is the object of one of ``preps``, itself
    or through a part of it ("in the north of Mali", ``lexicons/part_nouns.txt``).

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Troops fought rebels in the north of Mali.")
    >>> _governed_by(doc[7], ("in",)), _governed_by(doc[2], ("in",))
    (True, False)
    """
    head = token
    while head.dep_ == "compound" and head.head is not head:
        head = head.head
    part = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    if part is not None and part.lemma_.lower() in lexicon.part_nouns():
        head = part
    return head.dep_ == "pobj" and head.head.lower_ in preps


# --------------------------------------------------------------------- coreference


def _description_title(res: Resolution, token: Token, titles: list[Span]) -> Span | None:
    """The title a definite description is headed by ("the [Russian] president"), among
    ``titles`` (those ending at ``token``, or any)."""
    for span in titles:
        if span.end - 1 == token.i and token.i not in res.token_key:
            nxt = res.doc[span.end] if span.end < len(res.doc) else None
            if nxt is not None and nxt.i in res.token_key:
                return None  # "President Trump": a name follows, not a description
            if any(c.dep_ in ("det", "poss") for c in token.children) or any(
                c.dep_ == "amod" and c.i in res.token_key for c in token.children
            ):
                return span
    return None


def _resolve_description(
    res: Resolution, title: Span, qualifier: str | None, recent: dict[str, int]
) -> str | None:
    canonical = title.id_ or title.text
    candidates = [r for r in res.roles if r.title == canonical]
    if qualifier:
        candidates = [r for r in candidates if r.of == qualifier]
    elif res.home:
        candidates = [r for r in candidates if r.of == res.home] or candidates
    people = list(dict.fromkeys(r.person for r in candidates))
    if not people:
        return None
    return max(people, key=lambda k: recent.get(k, -1))


#: Dependencies of a pronoun that is an object, not a subject.
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative"})


def _clause_subject_keys(res: Resolution, pronoun: Token) -> list[str]:
    """The actors the subject of an object pronoun's own clause names (through "and")."""
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return res.actors_of(subjects[0], weak=False)
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head
    return []


def _introduces(token: Token) -> bool:
    """Whether a description brings in someone new rather than referring back: an
    indefinite one ("a lawmaker said") or one a name stands beside ("A Shiite
    lawmaker, Hassan al-Senied, said")."""
    return any(
        (c.dep_ == "det" and c.lower_ in ("a", "an")) or c.dep_ == "appos" for c in token.children
    )


def _coreference(res: Resolution) -> None:
    """Resolve pronouns and definite descriptions outside quotations, in reading order."""
    doc = res.doc
    titles_by_end: dict[int, list[Span]] = {}  # a title by its last word: one lookup a word
    for span in _title_spans(doc):
        titles_by_end.setdefault(span.end - 1, []).append(span)
    recent: dict[str, int] = {}
    last_person: str | None = None
    last_subject: list[str] = []
    last_subject_sent = -10
    last_group: str | None = None
    last_country: str | None = None
    # The last country, organisation or group named as a doer, and the sentence: "it",
    # "they" and "the group" as subjects refer back to it.
    doer: list[str] = []
    doer_sent = -10
    doer_verb = -1  # the verb the doer is the subject of
    # The last plural noun subject naming one side ("militants", "Taliban fighters"):
    # "they" as the subject of the next clause or sentence is them.
    crowd: list[str] = []
    crowd_sent = -10
    crowd_verb = -1
    sent_index = {t.i: n for n, s in enumerate(doc.sents) for t in s}
    for token in doc:
        if res.in_quote(token):
            continue
        here = sent_index[token.i]
        key = res.token_key.get(token.i)
        resolved: list[str] = []
        lower = token.lower_
        if key is None and token.dep_ in SUBJECT_DEPS and token.pos_ == "NOUN":
            # "Islamic State fighters seized the town. The group ...": the side a
            # group noun acts for is the doer "the group" and "it" refer back to
            sides = [
                k for k in res.actors_of(token) if res.actors[k].kind in ("Country", "Organization")
            ]
            if len(sides) == 1:
                doer, doer_sent, doer_verb = sides, here, token.head.i

        if token.dep_ in SUBJECT_DEPS and token.pos_ in ("NOUN", "PROPN"):
            # each new subject is the one a plural pronoun after it can refer to
            told = [key] if key else res.actors_of(token)
            plural = _plural_doers(token, told, res)
            crowd, crowd_sent, crowd_verb = (told[:1] if plural else []), here, token.head.i
        if key and token.dep_ in SUBJECT_DEPS and res.actors[key].kind != "Place":
            if res.actors[key].kind in ("Country", "Organization", "Group"):
                doer = [key] + [
                    k
                    for c in token.conjuncts
                    for k in [res.token_key.get(c.i)]
                    if k and res.actors[k].kind != "Place"
                ]
                doer_sent, doer_verb = here, token.head.i
            else:
                doer, doer_sent = [], -10
        if key:
            kind = res.actors[key].kind
            recent[key] = token.i
            if kind == "Person":
                last_person = key
            elif kind == "Country":
                last_country = key
                last_group = key
            elif kind == "Organization":
                last_group = key
            resolved = [key]
        elif token.pos_ == "PRON" and lower in ("him", "her") and token.dep_ in OBJECT_DEPS:
            # "X accused Y and called on him to ...": never the clause's own subject
            own = set(_clause_subject_keys(res, token))
            others = sorted(
                (k for k in recent if k not in own and res.actors[k].kind == "Person"),
                key=lambda k: -recent[k],
            )
            resolved = others[:1]
        elif token.pos_ == "PRON" and lower in PERSON_PRONOUNS:
            if last_subject and here - last_subject_sent <= 3 and len(last_subject) == 1:
                resolved = list(last_subject)
            elif last_person:
                resolved = [last_person]
        elif token.pos_ == "PRON" and lower in PLURAL_PRONOUNS:
            if len(last_subject) > 1 and here - last_subject_sent <= 1:
                resolved = list(last_subject)
            elif lower == "they" and token.dep_ in SUBJECT_DEPS and len(doer) > 1:
                if 0 < here - doer_sent <= 1:  # "Iran and Iraq met. They agreed ..."
                    resolved = list(doer)
            if not resolved and lower == "they" and token.dep_ == "nsubj" and crowd:
                # "Militants stormed the base. They killed four soldiers."
                if 0 <= here - crowd_sent <= 1 and token.head.i != crowd_verb:
                    resolved = list(crowd)
        elif token.pos_ == "PRON" and lower == "it" and token.dep_ in SUBJECT_DEPS:
            # "Russia imposed sanctions on Turkey. It also banned ...", "Cuba freed the
            # prisoners it agreed to free": the last doer, in another clause
            other_clause = here > doer_sent or token.head.i != doer_verb
            if len(doer) == 1 and 0 <= here - doer_sent <= 2 and other_clause:
                resolved = list(doer)
        elif token.pos_ == "NOUN" and lower in lexicon.body_nouns() and _definite(token):
            bodies = [k for k in doer if res.actors[k].kind == "Organization"]
            if len(bodies) == 1 and 0 < here - doer_sent <= 3:
                resolved = bodies  # "Islamic State seized Palmyra. The group ..."
        elif token.pos_ == "PRON" and lower in GROUP_PRONOUNS and lower == "its":
            if last_group:
                resolved = [last_group]
        elif _pair(token):
            resolved = _last_two(res, token)
        elif token.pos_ == "NOUN" and lower in COUNTRY_NOUNS and _definite(token):
            qualified = any(c.dep_ == "compound" or c.lower_ == "of" for c in token.children)
            if lower in MONARCHY_NOUNS and not qualified:
                # "Saudi Arabia cut ties with Iran. The kingdom accused ...": the last
                # monarchy named, whatever country came after it
                kings = [k for k in recent if res.actors[k].iso3 in lexicon.monarchies()]
                resolved = [max(kings, key=recent.__getitem__)] if kings else []
            elif last_country and not qualified:
                resolved = [last_country]
        elif not _introduces(token):
            title = _description_title(res, token, titles_by_end.get(token.i, []))
            if title is not None:
                qualifier = _description_qualifier(res, token)
                person = _resolve_description(res, title, qualifier, recent)
                if person:
                    resolved = [person]
        if not resolved and token.dep_ in SUBJECT_DEPS and token.pos_ == "NOUN":
            # "A Shiite lawmaker, Hassan al-Senied, said": the subject is the person named
            named = [res.token_key.get(c.i) for c in token.children if c.dep_ == "appos"]
            people = [k for k in named if k and res.actors[k].kind == "Person"]
            if people:
                last_subject, last_subject_sent = people[:1], here
                last_person = people[0]
        if not resolved:
            continue
        if token.i not in res.token_key:
            res.coref[token.i] = resolved
        for person in resolved:
            if res.actors.get(person) and res.actors[person].kind == "Person":
                recent[person] = token.i
        if token.dep_ in SUBJECT_DEPS and all(
            res.actors.get(k) and res.actors[k].kind == "Person" for k in resolved
        ):
            group = list(resolved)
            for conj in token.conjuncts:
                ck = res.token_key.get(conj.i)
                if ck and res.actors[ck].kind == "Person":
                    group.append(ck)
            last_subject = list(dict.fromkeys(group))
            last_subject_sent = here


def _plural_doers(token: Token, named: list[str], res: Resolution) -> bool:
    """Whether a plural noun subject stands for exactly one side, not a place.

    "Islamic State militants", "protesters in Caracas", "the rebels": a plural
    pronoun subject after it refers back to them.
    """
    if token.tag_ not in ("NNS", "NNPS") or len(named) != 1:
        return False
    return res.actors[named[0]].kind in ("Organization", "Group", "Country")


def _without_place_noun(name: str) -> str | None:
    """A place's name without a generic place noun at its end ("Idlib province" → "Idlib").

    >>> _without_place_noun("Idlib province"), _without_place_noun("Aleppo")
    ('Idlib', None)
    """
    words = name.split()
    if len(words) > 1 and words[-1].lower() in lexicon.place_nouns():
        return " ".join(words[:-1])
    return None


def _pair(token: Token) -> bool:
    """Whether a noun counts two: "the two leaders", "both sides"."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in lexicon.pair_nouns():
        return False
    return any(
        (c.dep_ == "nummod" and c.lower_ == "two")
        or (c.dep_ in ("det", "predet") and c.lower_ == "both")
        for c in token.children
    )


def _last_two(res: Resolution, token: Token) -> list[str]:
    """The last two actors of the kinds a pair noun names, before it in the article.

    "Putin met Erdogan in Sochi. The two leaders discussed Syria." → Putin, Erdogan.
    """
    kinds = lexicon.pair_nouns()[token.lemma_.lower()]
    found: list[str] = []
    for mention in reversed(res.mentions):
        if mention.start >= token.i:
            continue
        actor = res.actors[mention.key]
        if actor.kind in kinds and mention.key not in found:
            found.append(mention.key)
        if len(found) == 2:
            return found[::-1]
    return []


def _reported_pronouns(res: Resolution) -> None:
    """The subject pronoun of a reported clause is its reporter: "Syria said it would ...".

    Only a country, organisation or group ("the army said it would") for "it"; for
    "they" and "we", whoever reported.
    """
    for token in res.doc:
        lower = token.lower_
        if token.pos_ != "PRON" or lower not in ("it", "they", "we"):
            continue
        if token.dep_ not in SUBJECT_DEPS or token.i in res.coref or res.in_quote(token):
            continue
        clause = token.head
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in lexicon.speech_verbs():
            continue
        reporter = next((c for c in clause.head.children if c.dep_ in SUBJECT_DEPS), None)
        if reporter is None or reporter.pos_ == "PRON" and reporter.i not in res.coref:
            continue
        keys = res.actors_of(reporter)
        if lower == "it":
            keys = [k for k in keys if res.actors[k].kind in ("Country", "Organization", "Group")]
            keys = keys if len(keys) == 1 else []
        if keys:
            res.coref[token.i] = keys


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)


def _description_qualifier(res: Resolution, token: Token) -> str | None:
    """The country a description names ("the Russian president", "the country's minister")."""
    for child in token.children:
        if child.dep_ in ("amod", "poss", "compound", "nmod"):
            key = res.token_key.get(child.i)
            if key is None and child.i in res.coref:
                keys = res.coref[child.i]
                key = keys[0] if len(keys) == 1 else None
            if key and res.actors[key].kind in ("Country", "Organization"):
                return key
    for i in range(max(0, token.i - 3), token.i):
        key = res.token_key.get(i) or next(iter(res.coref.get(i, [])), None)
        if key and res.actors.get(key) and res.actors[key].kind in ("Country", "Organization"):
            return key
    return None


# ------------------------------------------------------------------------- main


def resolve(doc: Doc, article: Article) -> Resolution:
    """Find the actors of an article and everything that refers to them."""
    res = Resolution(
        doc=doc, quotes=quote_spans(doc_text(doc)), home=_home_country(article), date=article.date
    )
    raw = _raw_mentions(doc, article)

    person_names = [person_name(span.text) for span, kind, _ in raw if kind == "Person"]
    words = {w for n in person_names for w in n.split()}
    surnames = {n.split()[-1] for n in person_names if len(n.split()) > 1}
    singles = {n for n in person_names if " " not in n}
    # The model sometimes labels a known person's surname ORG or GPE: trust the person.
    fixed: list[tuple[Span, str, str]] = []
    for span, kind, key in raw:
        name = clean_name(span.text)
        if kind in ("Organization", "Place") and not key and _person_like(name, words, singles):
            fixed.append((span, "Person", ""))
            person_names.append(person_name(name))
        else:
            fixed.append((span, kind, key))
    for span in _untagged_surnames(doc, fixed, surnames):
        fixed.append((span, "Person", ""))
        person_names.append(person_name(span.text))
    fixed = _same_organisations(fixed)
    fixed.sort(key=lambda item: item[0].start)
    clusters = _cluster_persons(person_names)

    for span, kind, key in fixed:
        name = clean_name(span.text)
        if kind == "Person":
            name = person_name(name)
            cluster = clusters[name]
            key = mint.person_key(cluster.label)
            actor = res.actors.setdefault(key, Actor(key, "Person", cluster.label))
        elif kind == "Country":
            iso3 = key.partition(":")[2]
            actor = res.actors.setdefault(
                key, Actor(key, "Country", lexicon.country_label(iso3), iso3=iso3)
            )
        elif key.startswith("="):  # another name of an organisation (_same_organisations)
            canonical = key[1:]
            key = mint.org_key(canonical)
            actor = res.actors.setdefault(key, Actor(key, kind, canonical))
        elif key:
            canonical = _canonical_name(key) or name
            actor = res.actors.setdefault(key, Actor(key, kind, canonical))
        else:
            key = mint.org_key(name) if kind == "Organization" else mint.place_key(name)
            actor = res.actors.setdefault(key, Actor(key, kind, name))
        if kind == "Organization" and actor.affiliation is None:
            home = _org_country(key, actor.label)
            actor.affiliation = res.country(home) if home else None
        if name != actor.label and lexicon.demonym_iso3(name) is None:
            actor.aliases.add(name)
        res.mentions.append(Mention(span.start, span.end, key, name))
        for i in range(span.start, span.end):
            res.token_key[i] = key
    for key, actor in res.actors.items():
        actor.wikidata = lexicon.wikidata().get(key)
    res.mentions.sort(key=lambda m: m.start)
    res.local = _article_country(res)
    if res.local is None and not any(_country_named(res.actors[m.key]) for m in res.mentions):
        res.towns = True  # a note naming only towns: "Protesters gathered in Jos"
        res.local = _only_town_country(res)
    _extract_roles(res)
    _nationalities(res)
    if res.local is None:
        res.local = _only_role_country(res)
    _titled_aliases(res)
    _coreference(res)
    res._named_groups = None  # read mid-coreference, before every pronoun was resolved
    _reported_pronouns(res)
    _settle(res)
    return res


def _settle(res: Resolution) -> None:
    """Create every actor extraction may name, so that extraction creates none.

    The groups noun phrases stand for ("Russian troops", "the police"), the
    countries seats of government stand for, and the dateline's place.
    """
    facilities = lexicon.facility_nouns()
    for token in res.doc:
        if token.pos_ in ("NOUN", "PROPN", "PRON"):
            res.actors_of(token)
        if token.head.lemma_.lower() in facilities and token.head.i != token.i:
            res.owner_group(token)  # "attacked a police station": the police
    for key in [k for k, a in res.actors.items() if a.kind == "Place"]:
        res.seat_country(key)
        res.region_country(key)
    dated = dateline_country(doc_text(res.doc))
    # A bureau's dateline ("BEIRUT" on news from Syria) is not where things happened.
    res.dateline_place = dateline_place(res) if dated is None or dated == res.local else None


def dateline_place(res: Resolution) -> str | None:
    """The place the article's dateline names: a place of the article, else minted.

    A country the dateline adds ("KARACHI, Pakistan (AFP) -") stands in when the
    place itself is not known as one.
    """
    found = dateline(doc_text(res.doc))
    if found is None:
        return None
    city, parts = found
    names = lexicon.country_names()
    for key, actor in res.actors.items():
        if actor.kind in ("Place", "Country"):
            if city.casefold() in {n.casefold() for n in (actor.label, *actor.aliases)}:
                return key
    if city in names:
        return res.country(names[city])
    later = doc_text(res.doc).casefold().count(city.casefold()) > 1
    if later or city in lexicon.seats() or any(part in names for part in parts):
        key = mint.place_key(city)
        res.actors.setdefault(key, Actor(key, "Place", city))
        return key
    return None


def person_name(text: str) -> str:
    """A person's name as written, without courtesy words (``lexicons/honorifics.txt``).

    >>> person_name("Mr Fukuda"), person_name("Ms. Bhutto’s"), person_name("Mr")
    ('Fukuda', 'Bhutto', 'Mr')
    """
    name = clean_name(text)
    parts = name.split()
    while len(parts) > 1 and parts[0] in lexicon.honorifics():
        parts = parts[1:]
    return " ".join(parts)


def _person_like(name: str, words: set[str], singles: set[str]) -> bool:
    """Whether a name tagged as an organisation or place is a person's.

    It has no organisation word (``lexicons/org_words.txt``) and is one of the
    words of a person's name in the article ("Lavrov" after "Sergei Lavrov"), or
    stands after a courtesy word ("Mr Fukuda"), or is a first name and a surname
    the article names a person by alone ("Volodymyr Shapoval" and "Shapoval said").

    >>> _person_like("Lavrov", {"Sergei", "Lavrov"}, set())
    True
    >>> _person_like("Mr Fukuda", set(), set()), _person_like("Ivan Shapoval", set(), {"Shapoval"})
    (True, True)
    >>> _person_like("Shapoval Bank", set(), {"Shapoval"})
    False
    """
    parts = name.split()
    if not parts or any(p in lexicon.org_words() for p in parts):
        return False
    if name in words or (len(parts) > 1 and parts[0] in lexicon.honorifics()):
        return True
    return len(parts) == 2 and parts[-1] in singles


def _untagged_surnames(
    doc: Doc, found: list[tuple[Span, str, str]], surnames: set[str]
) -> list[Span]:
    """Lone proper nouns the model tagged as nothing that are a surname of the article.

    "Modi, who is on a tour, met ..." after "Narendra Modi": the small model often
    misses a sentence-initial or foreign surname. A word next to another proper
    noun outside any entity (part of some other name) is left alone.
    """
    taken = {i for span, _, _ in found for i in range(span.start, span.end)}
    taken |= {i for ent in doc.ents for i in range(ent.start, ent.end)}
    taken |= {i for span in _title_spans(doc) for i in range(span.start, span.end)}
    credit = _credit_start(doc_text(doc))
    out: list[Span] = []
    for token in doc:
        if token.i in taken or token.text not in surnames or token.idx >= credit:
            continue
        if token.pos_ != "PROPN" and not token.is_sent_start:
            continue
        neighbours = [doc[j] for j in (token.i - 1, token.i + 1) if 0 <= j < len(doc)]
        honorifics = lexicon.honorifics()
        if any(
            n.pos_ == "PROPN"
            and n.i not in taken
            and n.text[:1].isupper()
            and n.text.rstrip(".") not in honorifics  # "Mr Fukuda" is Fukuda
            for n in neighbours
        ):
            continue
        out.append(doc[token.i : token.i + 1])
    return out


def _org_country(key: str, label: str) -> str | None:
    """The country an organisation acts for: listed in the gazetteer, or named in its name.

    International bodies of the gazetteer act for none, whatever their name says.
    """
    kind, _, slug = key.partition(":")
    listed = next((o for o in lexicon.organizations() if o.slug == slug), None)
    if kind == "org" and listed is not None:
        return listed.country
    outlets = lexicon.outlets()  # a news outlet is its home country's press (CAMEO's MED)
    home = outlets.get(label.lower()) or outlets.get(f"the {label.lower()}")
    return home or lexicon.country_in_name(label)


def _org_words(name: str) -> tuple[str, ...]:
    """An organisation's name as words to compare: no article, nationality or plural.

    >>> _org_words("the Iraqi National Dialogue Front"), _org_words("Tamil Tigers")
    (('national', 'dialogue', 'front'), ('tamil', 'tiger'))
    """
    words = [w.lower() for w in clean_name(name).split()]
    if len(words) > 1 and lexicon.demonym_iso3(words[0].title()) is not None:
        words = words[1:]
    return tuple(_singular(w) for w in words)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w not in ("of", "the", "and", "for"))


def _names_same_org(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether a shorter form names the organisation a longer name does.

    The same words; the last words ("Tigers" of "Tamil Tigers"); the first two or
    more ("Liberation Tigers" of "Liberation Tigers of Tamil Eelam"); or the initials
    ("LTTE").

    >>> w = _org_words
    >>> _names_same_org(w("Tigers"), w("Tamil Tigers"))
    True
    >>> _names_same_org(w("LTTE"), w("Liberation Tigers of Tamil Eelam"))
    True
    >>> _names_same_org(w("Front"), w("National Dialogue Front"))
    False
    """
    if not short or len(short) > len(long):
        return False
    if short == long:
        return True
    if len(short) == 1 and short[0] == _initials(long) and len(short[0]) > 1:
        return True
    if len(short) == 1 and short[0] in lexicon.name_heads():
        return False  # "the Front", "the Party": too common to tell
    return long[-len(short) :] == short or (len(short) > 1 and long[: len(short)] == short)


def _same_organisations(mentions: list[tuple[Span, str, str]]) -> list[tuple[Span, str, str]]:
    """Mentions of one organisation under several names, given one name.

    An unlisted name takes the key of an organisation the article names at more
    length ("Tigers", "Liberation Tigers" → the listed LTTE; "Iraqi National
    Dialogue Front" → "National Dialogue Front"); plural and singular count alike.
    """
    forms: list[tuple[tuple[str, ...], Span, str]] = []
    for span, kind, key in mentions:
        if kind != "Organization":
            continue
        names = [clean_name(span.text)]
        if key:
            entry = next((o for o in lexicon.organizations() if f"org:{o.slug}" == key), None)
            names += [entry.name, *entry.aliases] if entry else []
        forms += [(_org_words(n), span, key) for n in names]
    out: list[tuple[Span, str, str]] = []
    for span, kind, key in mentions:
        mine = _org_words(span.text)
        if kind == "Person":  # "Tamil Tiger fighters": a listed group's name, singular
            listed = next((k for words, _, k in forms if k and words == mine), None)
            if listed is not None:
                out.append((span, "Organization", listed))
                continue
        if kind == "Organization" and not key:
            same = [
                (bool(k), len(words), -len(s.text), s, k)
                for words, s, k in forms
                if _names_same_org(mine, words)
            ]
            # The listed one, else the longest name, in its shortest wording.
            *_, other, other_key = max(same, key=lambda t: (t[0], t[1], t[2]))
            key = other_key
            if not key and other != span:
                out.append((span, kind, f"={clean_name(other.text)}"))
                continue
        out.append((span, kind, key))
    return out


def _canonical_name(key: str) -> str | None:
    kind, _, slug = key.partition(":")
    table = lexicon.organizations() if kind == "org" else lexicon.places()
    return next((t.name for t in table if t.slug == slug), None)


def _titled_aliases(res: Resolution) -> None:
    """Record "President Trump"-style forms as aliases of the person named."""
    titles = _titles_by_end(res.doc)
    for mention in res.mentions:
        title = titles.get(mention.start)
        if title is not None and res.actors[mention.key].kind == "Person":
            if title.text[:1].isupper():
                res.actors[mention.key].aliases.add(f"{title.text} {mention.text}")
