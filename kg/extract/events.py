"""Events by dependency patterns over the trigger lexicon (``lexicons/triggers.tsv``).

Each trigger names a class and a frame; the frame says where the actors are:

* ``svo``: agent = subject (or possessor of a noun), target = object or the
  object of one of the trigger's prepositions (or, for a verb with neither, the
  object of the verb it governs: "threatened to expel the envoy");
* ``sv``: like ``svo``, but the target may be missing ("protesters rallied");
* ``meet``: everyone named is a participant;
* ``weapon``: like ``svo``, but only when the object is a weapon ("launched missiles at");
* ``vote`` / ``ballot:<Choice>``: a vote and the ballots cast in it;
* ``anaphor``: a word that only refers back to an earlier event ("the atrocity");
* ``goods``: like ``svo``, but only when the object is goods ("sent arms to").

Entries are words, verbs with a particle ("pull out"), verbs with the head of their
object ("break relations") and nouns with a modifier ("hunger strike"). Where the
object names no actor, the other side is looked for deeper: inside the object phrase
("rejected calls by X's rulers"), in a governed or purpose clause, in an "if" /
"unless" condition, and, for acts done to a place, in the country they are done in.

A trigger inside a quotation makes an event only between two sides the quotation
names (at a lower confidence); a speech act in the first person ("we demand") is the
speaker's. A negated or unrealised trigger ("did
not meet", "may meet", "plans to visit", "refused to attack") makes an event that
carries its ``modality`` (:func:`kg.extract.common.modality_of`), never a plain
realised one; the governing verb makes its own event where it is a trigger
("threatened to ..." is a Threaten, "refused to ..." a Reject). How an act is
reported is also an event of its own (``lexicons/derived.tsv``, as PLOVER codes
it): a promised or planned act an Agree (a Threaten when hostile or conditional),
a negated cooperation a Reject, "X said Y must ..." a Demand. Votes and ballots
are only read when realised.

Votes are also read without the word "vote" (``lexicons/votes.tsv``): elections,
confirmations and measures a body decides; a voting body is the vote's body, never
a voter, and the clauses of one sentence report one vote. The number of dead an
attack's sentence (or the next) states is read by ``lexicons/casualties.tsv``, and
an event's place from "in / at / near X" on its clause, or from the dateline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from kg import dictionary, lexicon, mint
from kg.extract.common import (
    QUESTION_VERBS,
    Timeline,
    clause_verb,
    evidence_for,
    in_condition,
    misread_main_verb,
    modality_of,
    objects_of,
    subject_of,
    timeline,
)
from kg.lexicon import Trigger
from kg.model import Ballot, Event
from kg.nlp import doc_text, sentence_ents
from kg.resolve import DATELINE, PLACE_PREPS, Resolution

#: Verbs whose event noun object carries the act (``lexicons/light_verbs.txt``).
LIGHT_VERBS = lexicon.light_verbs()
ANAPHOR_DETS = frozenset({"the", "this", "that", "these", "those"})
QUALIFIERS = re.compile(
    r"(at least|more than|over|about|around|nearly|almost|up to|some|roughly|fewer than|less than)"
    r"\s*$",
    re.IGNORECASE,
)
ACTOR_KINDS = ("Person", "Country", "Organization", "Group")
#: Nouns for a town, which alone ("the city") refer back to the last one named.
SETTLEMENT_NOUNS = lexicon.settlement_nouns()
#: Per-class behaviour, from ``lexicons/classes.tsv`` (see there what each means).
LOCATED_CLASSES = lexicon.classes_with("located")
OWN_OBJECT_CLASSES = lexicon.classes_with("own-object")
DOER_OPTIONAL = lexicon.classes_with("doer-optional")
SPOKEN_CLASSES = lexicon.classes_with("spoken")


def trigger_for(token: Token) -> Trigger | None:
    """The lexicon entry a token triggers, if any (remembered for the doc being read).

    Longer entries win over the word alone: a verb with its particle or preposition
    ("pull out", "call for") or with the head of its object ("lift blockade", "set
    fire"), a noun with its modifier ("hunger strike", "ethnic cleansing") or with the
    preposition it is the object of ("on strike": a labour strike, not an air strike). A
    noun that is the object of such a verb phrase triggers nothing of its own. A
    ``goods`` entry ("send", "deliver") triggers only with goods as its object
    (``lexicons/goods.txt``): "sent arms to", not "sent a letter to".
    """
    doc = token.doc
    if _SEEN[0] is not doc:
        _SEEN[0], _SEEN[1] = doc, {}
    cache = _SEEN[1]
    if token.i not in cache:
        cache[token.i] = _lookup(token)
    return cache[token.i]


#: The doc whose tokens' triggers are remembered, and them by token index.
_SEEN: list[Any] = [None, {}]


def _lookup(token: Token) -> Trigger | None:
    table = lexicon.triggers()
    if _gerund_as_noun(token):
        noun = table.get((token.lower_, "NOUN"))
        if noun is not None:
            return noun  # "Fighting between the army and rebels has displaced thousands"
    if token.pos_ == "VERB":
        lemma = token.lemma_.lower()
        for child in token.children:
            if (
                child.dep_ == "prt"
                or (child.dep_ == "prep" and _bound_preposition(token, child))
                or (child.dep_ == "advmod" and token.i < child.i <= token.i + 3)
                # "work together", "worked closely together"
            ):
                for head in dict.fromkeys((lemma, token.lower_)):  # "staged" as "stag"
                    phrasal = table.get((f"{head} {child.lower_}", "VERB"))
                    if (
                        phrasal is not None
                        and phrasal.frame == "crowd"
                        and not _crowd_subject(token)
                    ):
                        return None
                    if (
                        phrasal is not None
                        and phrasal.cls == "Concede"
                        and _has_goods(token)
                        and objects_of(token, ("to",))
                    ):
                        # "handed over 700 kg of medicine to the Red Crescent": a delivery
                        return table.get(("deliver", "VERB"), phrasal)
                    if phrasal is not None:
                        return phrasal
        if any(_for_to_clause(c) for c in token.children):
            # "called for Russia to withdraw": a for-to clause is the preposition's object
            phrasal = table.get((f"{lemma} for", "VERB"))
            if phrasal is not None:
                return phrasal
        collocation = _collocation(token)
        if collocation is not None:
            return collocation
        trig = table.get((lemma, "VERB"))
        if lemma in lexicon.hosting_verbs() and _visitor(token):
            return table.get(("host", "VERB"), trig)
        if trig is not None and trig.frame == "goods" and not _has_goods(token):
            return None
        if trig is not None and trig.frame == "armed" and not _armed_subject(token):
            return None
        if trig is not None and trig.frame == "crowd" and not _crowd_subject(token):
            return None
        if trig is not None and trig.frame == "bid" and not _bids(token):
            return None
        if trig is not None and trig.cls == "Demand" and _asks_question(token):
            return None
        if trig is not None and trig.mode == "phone" and _names_something(token):
            return None
        return trig
    if token.pos_ in ("NOUN", "PROPN"):
        if token.dep_ == "dobj" and token.head.pos_ == "VERB" and _collocation(token.head):
            return None
        for child in token.lefts:
            if child.dep_ in ("compound", "amod"):
                for form in (token.lower_, token.lemma_.lower()):
                    phrase = table.get((f"{child.lower_} {form}", "NOUN"))
                    if phrase is not None:
                        return phrase
        if token.dep_ == "pobj":  # "went on (an indefinite) strike": a preposition's noun
            for form in (token.lower_, token.lemma_.lower()):
                phrase = table.get((f"{token.head.lower_} {form}", "NOUN"))
                if phrase is not None:
                    return phrase
        return table.get((token.lower_, "NOUN")) or table.get((token.lemma_.lower(), "NOUN"))
    return None


def _gerund_as_noun(token: Token) -> bool:
    """Whether an -ing verb stands where a noun does, with nothing of a verb's own: a
    subject or object with no subject, object, auxiliary or particle ("Fighting between
    the army and rebels has displaced thousands"; not "Fighting the rebels, the army ...").

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Fighting between the army and rebels has displaced thousands.")
    >>> _gerund_as_noun(doc[0])
    True
    >>> doc = _nlp.load()("The army is fighting rebels.")
    >>> _gerund_as_noun(doc[3])
    False
    """
    if token.pos_ != "VERB" or token.tag_ != "VBG":
        return False
    if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return False
    verbal = ("nsubj", "nsubjpass", "dobj", "aux", "auxpass", "prt", "dative", "advmod")
    return not any(c.dep_ in verbal for c in token.children)


def _bound_preposition(verb: Token, prep: Token) -> bool:
    """Whether a preposition belongs to its verb ("called on Russia", "fired at police").

    It must follow the verb, with nothing but adverbs or the verb's object between
    ("welcomed Sisi to Riyadh"), and not introduce a time: "called on Monday" is a
    call made on Monday.
    """
    objects = {t.i for c in verb.children if c.dep_ in ("dobj", "dative") for t in c.subtree}
    between = verb.doc[verb.i + 1 : prep.i]
    if prep.i <= verb.i or any(t.pos_ != "ADV" and t.i not in objects for t in between):
        return False
    return not any(o.ent_type_ in ("DATE", "TIME") for o in prep.children if o.dep_ == "pobj")


def _collocation(verb: Token) -> Trigger | None:
    """The entry for a verb and the head of its object ("break relations"), or the
    head's modifier ("violated the ceasefire agreement"), if any."""
    table = lexicon.triggers()
    # the lexicon lists inflected forms too: "staged" may be lemmatised "stag"
    heads = dict.fromkeys((verb.lemma_.lower(), verb.lower_))
    for child in verb.children:
        if child.dep_ == "dobj":
            # "violated the ceasefire agreement": the object's head, then its modifier
            nouns = [child, *(c for c in child.children if c.dep_ == "compound")]
            for head in heads:
                for noun in nouns:
                    found = table.get((f"{head} {noun.lemma_.lower()}", "VERB"))
                    if found is not None:
                        return found
    return None


def _has_goods(verb: Token) -> bool:
    """Whether a verb's object is goods sent as aid ("arms", "food", "medicine").

    A measure of goods counts too: "700 kg of medicine", "$5,000 worth of goods".
    """
    goods = lexicon.goods()

    def is_goods(t: Token) -> bool:
        return t.lemma_.lower() in goods or t.lower_ in goods

    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if is_goods(obj) or obj.ent_type_ == "MONEY" or _carried_goods(obj, is_goods):
            return True
    return False


def _carried_goods(obj: Token, is_goods: Callable[[Token], bool]) -> bool:
    """Whether an object measures, holds or carries goods.

    "50 tonnes of ammunition", "50 million euros in assistance", "a convoy of trucks
    carrying aid", "aircraft loaded with food".

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Russia sent a convoy of trucks carrying aid to Ukraine.")
    >>> _carried_goods(doc[3], lambda t: t.lower_ == "aid")
    True
    >>> _carried_goods(doc[3], lambda t: t.lower_ == "food")
    False
    """
    frontier, seen = [obj], 0
    while frontier and seen < 12:
        word = frontier.pop()
        seen += 1
        for child in word.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "in", "with"):
                inner = [p for p in child.children if p.dep_ == "pobj"]
                if any(is_goods(p) for p in inner):
                    return True
                frontier += inner
            elif child.dep_ == "acl" and child.pos_ == "VERB":  # "carrying aid"
                held = [c for c in child.children if c.dep_ == "dobj"]
                held += [
                    p
                    for c in child.children
                    if c.dep_ == "prep"
                    for p in c.children
                    if p.dep_ == "pobj"
                ]
                if any(is_goods(p) for p in held):
                    return True
    return False


#: Group nouns a visitor is named by: officials, a delegation ("welcomed the delegation").
VISITOR_SECTORS = frozenset({"government"})


def _visitor(verb: Token) -> bool:
    """Whether a verb's object is a visitor: a named person, a title or a delegation.

    "King Salman welcomed the Emir of Qatar" hosts a visit; "welcomed the decision"
    and "welcomed the refugees" do not.

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Xi welcomed the Kenyan delegation and Japan welcomed the deal.")
    >>> _visitor(doc[1]), _visitor(doc[7])
    (True, False)
    """
    titles, groups = lexicon.titles(), lexicon.group_nouns()
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        for word in (obj, *obj.conjuncts):
            sector = groups.get(word.lemma_.lower())
            if (
                word.ent_type_ == "PERSON"
                or word.lower_ in titles
                or word.lemma_.lower() in lexicon.visitor_nouns()
                or sector in VISITOR_SECTORS
            ):
                return True
    return False


def _names_something(verb: Token) -> bool:
    """Whether a verb says what its object is or does: "called him a liar", "called it off".

    A phone verb with such a complement is not a call: "Merkel called Obama" is,
    "Merkel called the attack cowardly" and "called on Russia to ..." are not.
    """
    if not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False  # "called President Obama", misread as "called [him] President"
    return any(
        c.dep_ in ("oprd", "ccomp", "acomp", "prt")
        or (c.dep_ == "xcomp" and not any(a.lower_ == "to" for a in c.children))
        or (c.dep_ == "prep" and c.i == verb.i + 1)
        for c in verb.children
    )


#: Group sectors that bear arms: "jets hit X", "militants targeted X".
ARMED_SECTORS = lexicon.sectors_with("armed")


def _crowd_subject(verb: Token) -> bool:
    """Whether those who act are protesters or a crowd: "protesters gathered", "thousands
    of people converged on the square"; not "ministers gathered in Brussels".

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Thousands of protesters gathered in Nairobi.")
    >>> _crowd_subject(doc[3]), _crowd_subject(_nlp.load()("Ministers gathered in Brussels.")[1])
    (True, False)
    """
    subject = subject_of(verb)
    if subject is None or any(c.dep_ == "dobj" for c in verb.children):
        return False  # "activists gathered signatures"
    if subject.lemma_.lower() in lexicon.count_nouns():  # "thousands of protesters"
        subject = next(iter(objects_of(subject, ("of",))), subject)
    return subject.lemma_.lower() in lexicon.crowd_nouns()


def _armed_subject(verb: Token) -> bool:
    """Whether the one who acts is armed: a weapon, an attack or an armed group.

    An ``armed`` entry ("hit", "target", "pound") is an attack only then:
    "airstrikes hit a hospital", "rockets hit Ashkelon", "militants targeted a
    checkpoint"; not "the crisis hit Greece" or "the plan targets inflation".
    """
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    doers = objects_of(verb, ("by",)) if passive else [subject_of(verb)]
    if doers == [None]:  # "A bomb fixed to a motorcycle exploded", misparsed: by position
        doers = [_weapon_before(verb)]
    for doer in (d for d in doers if d is not None):
        lemma = doer.lemma_.lower()
        if lemma in lexicon.weapons() or doer.lower_ in lexicon.weapons():
            return True
        if lexicon.group_nouns().get(lemma) in ARMED_SECTORS:
            return True
        trig = _lookup(doer) if doer.pos_ in ("NOUN", "PROPN") else None
        if trig is not None and trig.cls == "Attack":
            return True
    return False


#: Words that open an indirect question ("asked what X can expect").
_QUESTION_WORDS = frozenset(
    {"what", "whether", "why", "how", "who", "whom", "when", "where", "which", "if"}
)


def _asks_question(verb: Token) -> bool:
    """Whether a verb asks a question rather than for an act: "asked what Bollore can
    expect" or "asked whether talks would resume" demand nothing.

    >>> from kg import nlp as _nlp
    >>> _asks_question(_nlp.load()("Kenya asked what Uganda could expect.")[1])
    True
    >>> _asks_question(_nlp.load()("Kenya asked Uganda to withdraw.")[1])
    False
    """
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        opening = verb.doc[clause.left_edge.i]
        if opening.lower_ in _QUESTION_WORDS:
            return True
    return False


def _bids(verb: Token) -> bool:
    """Whether a verb bids someone act: an object and a to-infinitive after it.

    A ``bid`` entry ("tell", "advise") is a demand only then: "told his supporters
    to watch the polls"; "told reporters that ..." is not.

    >>> from kg import nlp as _nlp
    >>> _bids(_nlp.load()("Trump told his supporters to watch the polls.")[1])
    True
    >>> _bids(_nlp.load()("Trump told reporters that he would win.")[1])
    False
    """
    return any(c.dep_ in ("dobj", "dative") for c in verb.children) and any(
        c.dep_ in ("xcomp", "ccomp", "advcl")
        and c.i > verb.i
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def _weapon_before(verb: Token) -> Token | None:
    """The nearest weapon noun before a verb in its sentence, if any."""
    weapons = lexicon.weapons()
    for t in reversed(verb.doc[verb.sent.start : verb.i]):
        if t.pos_ == "NOUN" and (t.lemma_.lower() in weapons or t.lower_ in weapons):
            return t
    return None


@dataclass
class _Context:
    res: Resolution
    line: Timeline
    #: The learned detector's category probabilities of each sentence, by the
    #: sentence's first character (:mod:`kg.detect`); empty when it is not used.
    scores: Mapping[int, Mapping[str, float]] = field(default_factory=dict)

    def backed(self, token: Token, trig: Trigger) -> bool:
        """Whether the detector gives the trigger's category to its sentence.

        An act the frame found only one side of is kept when it is: the model read
        the sentence as reporting that act ("Bombs were dropped on Aleppo").
        """
        probs = self.scores.get(token.sent.start_char, {})
        return bool(trig.plover) and probs.get(trig.plover or "", 0.0) >= BACKING

    def actors(self, token: Token | None, kinds: tuple[str, ...] = ACTOR_KINDS) -> list[str]:
        if token is None:
            return []
        # A seat of government stands for its country as a side, not as a modifier
        # ("Moscow rejected", but "a White House news conference").
        heads = {
            self.res.token_key.get(t.i)
            for t in (token, *token.conjuncts)
            if t.dep_ not in ("compound", "amod", "nmod")
        }
        keys = [
            (self.res.seat_country(k) if k in heads else None) or k
            for k in self.res.actors_of(token)
        ]
        return [k for k in dict.fromkeys(keys) if self.res.actors[k].kind in kinds]

    def place(self, token: Token) -> str | None:
        """Where the event a word signals happened: "in / at / near X" on it or its clause.

        "in the town of X" gives X; a word that only modifies the trigger ("a Gaza
        raid") names the place too. An act done for a purpose happens where its
        doer was: "was in Karachi to meet officials".
        """
        verb = clause_verb(token)
        nodes = [token, verb]
        if verb.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
        ):
            nodes.append(verb.head)  # "was in Karachi to meet officials"
        for node in dict.fromkeys(nodes):
            for prep, obj in prep_chain(node):
                if prep.lower_ not in PLACE_PREPS:
                    continue
                key = self.place_key(obj)
                if key is None and prep.lower_ == "in" and trigger_for(obj) is not None:
                    # "killed 12 soldiers in an ambush near Aleppo": the act it was part of
                    key = next(
                        (
                            k
                            for p, o in prep_chain(obj)
                            if p.lower_ in PLACE_PREPS
                            for k in [self.place_key(o)]
                            if k
                        ),
                        None,
                    )
                if key:
                    return key
        for child in token.children:
            key = self.res.token_key.get(child.i)
            if child.dep_ == "compound" and key and self.res.actors[key].kind == "Place":
                return key
        return None

    def argument_place(self, token: Token, of_subject: bool = True) -> str | None:
        """Where the sides of an act are said to be: "Police in Lagos arrested 12
        protesters", "the attack on a convoy near Mosul killed three soldiers".

        The "in / at / near X" phrases of the clause's subject (unless ``of_subject`` is
        false) and objects, for an act whose own words name no place (:meth:`place`).
        """
        verb = clause_verb(token)
        subject = subject_of(verb) if of_subject and verb.pos_ in ("VERB", "AUX") else None
        arguments = [
            a
            for a in (subject, *objects_of(verb))
            if a is not None and a.i != token.i and _same_kind_or_none(a, token)
        ]  # "protested the killing of X in Quetta": the killing's place, not the protest's
        for argument in arguments:
            for prep, obj in [(None, argument), *prep_chain(argument)]:
                if prep is None or prep.lower_ not in PLACE_PREPS:
                    continue
                key = self.place_key(obj)
                if key:
                    return key
        return None

    def place_key(self, token: Token) -> str | None:
        """The place or country a word names, if any ("the town of X" and "an X hotel"
        name X).

        "the city" or "this town" with no name is the last town or city named before it.
        """
        named = [o for p in token.children if p.lower_ == "of" for o in p.children]
        for word in (token, *named):
            key = self.res.token_key.get(word.i)
            if key and self.res.actors[key].kind in ("Place", "Country"):
                return key
        for word in (c for c in token.children if c.dep_ == "compound"):
            key = self.res.token_key.get(word.i)  # "a Kabul hotel"; not "the US embassy"
            if key and self.res.actors[key].kind == "Place":
                return key
        if (
            token.lemma_.lower() in SETTLEMENT_NOUNS
            and not named
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
        ):
            earlier = [
                m.key
                for m in self.res.mentions
                if m.end <= token.i
                and self.res.actors[m.key].kind == "Place"
                and not _aside(self.res.doc[m.start], token)
            ]
            return earlier[-1] if earlier else None
        return None


def _receiving_verb(noun: Token) -> Token | None:
    """The verb by which its subject receives the act a noun names: "drew criticism",
    "faced sanctions", "won praise", "came under attack", "met with condemnation"
    (``receiving_verbs.txt``).

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Kenya drew criticism from Uganda.")
    >>> _receiving_verb(doc[2]).text, _receiving_verb(_nlp.load()("Kenya voiced criticism.")[2])
    ('drew', None)
    """
    verbs = lexicon.receiving_verbs()
    if any(c.dep_ == "prt" for c in noun.head.children):
        return None  # "drew up new sanctions": made them
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in verbs:
        return noun.head
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("under", "with"):
        verb = head.head
        if f"{verb.lemma_.lower()} {head.lower_}" in verbs:
            return verb
    return None


def _received_sides(noun: Token, verb: Token, ctx: _Context) -> tuple[list[str], list[str]]:
    """(agents, targets) of an act its subject receives: who it came "from" or "by", and
    the subject (or whose the subject is: "Kenya's decision drew criticism")."""
    givers = objects_of(noun, ("from", "by")) + objects_of(verb, ("from", "by"))
    agents = [k for obj in givers for k in ctx.actors(obj)]
    targets = [k for k in ctx.actors(subject_of(verb)) if k not in agents]
    return agents, targets


def _reciprocal(verb: Token) -> bool:
    """Whether a verb's object is "each other" or "one another": its doers act on each other.

    >>> from kg import nlp as _nlp
    >>> _reciprocal(_nlp.load()("Kenya and Uganda blamed each other.")[3])
    True
    >>> _reciprocal(_nlp.load()("Kenya and Uganda blamed the rebels.")[3])
    False
    """
    trig = trigger_for(verb)
    preps = (*(trig.preps if trig else ()), "with")
    for obj in [c for c in verb.children if c.dep_ == "dobj"] + objects_of(verb, preps):
        words = [t.lower_ for t in obj.subtree]
        if words[-2:] in (["each", "other"], ["one", "another"]):
            return True
    return False


def _mutual(verb: Token, agents: list[str]) -> bool:
    """Whether sides told together do an act to each other: "Indian and Pakistani troops
    traded fire", "police and protesters clashed" (``lexicons/mutual_acts.txt``).

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Police and protesters clashed in Lagos.")
    >>> _mutual(doc[3], ["group:police", "group:protesters"]), _mutual(doc[3], ["group:police"])
    (True, False)
    >>> doc = _nlp.load()("Kenyan and Ugandan troops fought together in Somalia.")
    >>> _mutual(doc[4], ["group:ken-military", "group:uga-military"])
    False
    """
    trig = trigger_for(verb)
    words = {verb.lemma_.lower(), trig.word if trig else ""}
    if any(c.lower_ in _ALONGSIDE for c in verb.children):
        return False  # "fought alongside each other", "fought together": allies
    return len(agents) > 1 and bool(words & lexicon.mutual_acts())


#: Words by which sides told together act as allies, not on each other.
_ALONGSIDE = frozenset({"together", "jointly", "alongside", "beside"})


def _same_kind_or_none(word: Token, trigger: Token) -> bool:
    """Whether a word names no act, or an act of the same class as ``trigger`` ("the
    attack on a convoy near Mosul killed three soldiers": one attack)."""
    own, other = trigger_for(trigger), trigger_for(word)
    return other is None or (own is not None and other.cls == own.cls)


def _aside(word: Token, reader: Token) -> bool:
    """Whether a word stands in a relative clause that ``reader`` is outside of:
    "Musharraf, who rarely leaves [Islamabad], was in the city" does not set the scene.
    """
    for ancestor in word.ancestors:
        if ancestor.dep_ in ("relcl", "acl") and reader not in ancestor.subtree:
            return True
    return False


def _phrase_head(token: Token) -> Token:
    """The noun phrase a noun trigger's arguments hang on: its head when it only
    modifies another noun that triggers nothing ("a mediation effort between X and Y")."""
    head = token.head
    if token.dep_ == "compound" and head.pos_ in ("NOUN", "PROPN") and trigger_for(head) is None:
        return head
    return token


def _governing_subject(token: Token) -> Token | None:
    """For a noun trigger: the subject of the verb it is the object or setting of.

    Through a noun that counts or measures it: "began eight days of joint exercises",
    "held a series of meetings".
    """
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        counting = head.head
        if counting.tag_ == "NNS" or counting.lemma_.lower() in lexicon.count_nouns():
            return _governing_subject(counting)
    if token.dep_ == "dobj" and head.pos_ == "VERB":
        return subject_of(head)
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return subject_of(head.head)  # "has been in close contact with X"
    return None


def _weapon(token: Token) -> str | None:
    """Weapon words under a token ("59 cruise missiles" → "cruise missiles")."""
    weapons = lexicon.weapons()
    candidates = [token, *[c for c in token.children if c.dep_ in ("compound", "dobj", "pobj")]]
    for t in candidates:
        if t.lemma_.lower() in weapons or t.lower_ in weapons:
            mods = [c for c in t.lefts if c.dep_ in ("compound", "amod") and c.pos_ != "PROPN"]
            start = min([m.left_edge.i for m in mods] + [t.i])
            words = [w for w in t.doc[start : t.i + 1] if w.dep_ not in ("nummod", "det", "poss")]
            return " ".join(w.text for w in words)
    return None


def _quantity(token: Token) -> int | None:
    for child in token.children:
        if child.dep_ == "nummod" and child.like_num:
            try:
                return int(child.text.replace(",", ""))
            except ValueError:
                return None
    return None


def _deaths(token: Token) -> tuple[int | None, str | None]:
    """People killed, from "which killed at least 87" / "killing 12" attached to a trigger,
    or by the trigger itself ("killed at least 612 people", "20 people were killed")."""
    if token.pos_ == "VERB" and token.lemma_.lower() == "kill":
        for victims in (c for c in token.children if c.dep_ in ("dobj", "nsubjpass")):
            # "killed a local chief" is one death; "killed the deal" none
            value, qualifier = _count(victims, singular=_personal(victims))
            if value is not None:
                return value, qualifier
    verbs = [c for c in token.children if c.dep_ in ("relcl", "acl", "advcl")]
    verbs += (
        [c for c in token.head.children if c.dep_ in ("advcl",)] if token.pos_ == "VERB" else []
    )
    for verb in verbs:
        if verb.lemma_.lower() not in ("kill", "leave"):
            continue
        for obj in verb.children:
            if obj.dep_ != "dobj":
                continue
            value, qualifier = _count(obj, singular=verb.lemma_.lower() == "kill")
            if value is not None:
                return value, qualifier
    return None, None


def _kills_a_measure(verb: Token) -> bool:
    """Whether an attack verb's object is a measure, not a side: "the senate killed the
    bill", "torpedoed the deal" (``judged_nouns.txt``).

    >>> from kg import nlp as _nlp
    >>> _kills_a_measure(_nlp.load()("The senate killed the bill.")[2])
    True
    >>> _kills_a_measure(_nlp.load()("Gunmen killed a policeman.")[1])
    False
    """
    if verb.pos_ != "VERB" or _collocation(verb) is not None:
        return False  # "violated the ceasefire agreement" is read as a whole
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.lemma_.lower() in lexicon.judged_nouns() for o in objects)


def _personal(noun: Token) -> bool:
    """Whether a noun names a person or people: a name, or a noun of people, of a group
    or a title ("a local chief", "a policeman", "Zahar's son"; not "the deal").

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Gunmen killed a policeman and killed the deal.")
    >>> _personal(doc[3]), _personal(doc[7])
    (True, False)
    """
    lemma = noun.lemma_.lower()
    return (
        noun.ent_type_ == "PERSON"
        or lemma in lexicon.people_nouns()
        or lemma in lexicon.group_nouns()
        or lemma in lexicon.titles()
        or lemma in lexicon.kin_nouns()
    )


def _number(token: Token) -> int | None:
    """The value of a number written in figures or words ("1,200", "three", "a dozen").

    The words are those of ``lexicons/numbers.tsv``.
    """
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    return lexicon.number_words().get(text)


def _count(phrase: Token, singular: bool = True) -> tuple[int | None, str | None]:
    """How many people a noun phrase names, and the qualifier of its number.

    "at least 10 people" → (10, "at least"); "Zahar and 10 other Palestinians" →
    (11, None), one for each singular conjunct; "a volunteer" → (1, None) unless
    ``singular`` is false (the phrase must then state a number); a plural without a
    number ("civilians", "dozens") → (None, None).
    """
    total, qualifier = 0, None
    for part in (phrase, *phrase.conjuncts):
        if _number(part) is not None:
            num: Token | None = part
        else:
            num = next((c for c in part.children if c.dep_ == "nummod" and _number(c)), None)
        if num is not None:
            total += _number(num) or 0
            before = doc_text(part.doc)[part.left_edge.idx : num.idx]
            match = QUALIFIERS.search(before)
            if match and qualifier is None:
                qualifier = match.group(1).lower()
        elif singular and part.tag_ in ("NN", "NNP") and part.pos_ in ("NOUN", "PROPN"):
            total += 1
        else:
            return None, None
    return (total or None), qualifier


def _toll_number(toll: Token) -> tuple[int | None, str | None]:
    """The number a toll is given: "the toll rose to 12", "a toll of 12", "toll stood at 12"."""
    preps = [c for c in toll.children if c.dep_ == "prep" and c.lower_ in ("of", "at")]
    if toll.dep_ in ("nsubj", "nsubjpass"):
        verb = toll.head
        preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "at")]
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    else:
        objects = []
    for obj in [o for p in preps for o in p.children if o.dep_ == "pobj"] + objects:
        if _number(obj) is not None:
            return _count(obj)
    return None, None


def casualties(
    sent: Span, in_quote: Callable[[Token], bool]
) -> list[tuple[Token, int, str | None]]:
    """The numbers of dead a sentence states, each with the word stating it.

    How each word of ``lexicons/casualties.tsv`` gives its number: "killing at
    least 10", "10 people were killed", "three soldiers died", "left 5 dead",
    "the toll rose to 12". Words inside quotations are skipped.

    Returns:
        (word, number, qualifier) triples in sentence order.
    """
    words = lexicon.casualty_words()
    out: list[tuple[Token, int, str | None]] = []
    for token in sent:
        how = words.get((token.lemma_.lower(), token.pos_)) or words.get((token.lower_, token.pos_))
        if how is None or in_quote(token):
            continue
        phrases: list[Token] = []
        if how == "object":
            passive = [c for c in token.children if c.dep_ == "nsubjpass"]
            phrases = passive or [c for c in token.children if c.dep_ == "dobj"]
        elif how == "subject":
            phrases = [c for c in token.children if c.dep_ == "nsubj"]
        elif how == "state":
            phrases = [c for c in token.children if c.dep_ == "nummod"]
            if not phrases and token.dep_ in ("dobj", "oprd", "ccomp", "xcomp", "acomp"):
                siblings = [c for c in token.head.children if c.i != token.i]
                phrases = [c for c in siblings if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
            if not phrases and _number(token.head) is not None:
                phrases = [token.head]
        value, qualifier = None, None
        if how == "toll":
            value, qualifier = _toll_number(token)
        for phrase in phrases:
            value, qualifier = _count(phrase, singular=how != "state")
            if value is not None:
                break
        if value is not None:
            out.append((token, value, qualifier))
    return out


def _names_killer(word: Token) -> bool:
    """Whether a casualty word states who killed ("they killed 20"): an act of its own."""
    how = lexicon.casualty_words().get((word.lemma_.lower(), word.pos_))
    return how == "object" and any(c.dep_ == "nsubj" for c in word.children)


def _clause_place(token: Token, ctx: _Context) -> str | None:
    """The place an attack clause under an attack word names: "10 people were killed
    when a bomb exploded in Karachi" happened in Karachi."""
    frontier = [c for c in token.children if c.dep_ in ("advcl", "conj")]
    while frontier:  # "killed and wounded when a bomb exploded in Karachi"
        child = frontier.pop(0)
        trig = trigger_for(child) if child.pos_ == "VERB" else None
        if trig is not None and trig.cls == "Attack":
            found = ctx.place(child)
            if found is not None:
                return found
        frontier += [c for c in child.children if c.dep_ in ("advcl", "conj")]
    return None


def _attack_harm(token: Token) -> bool:
    """Whether an attack clause under another attack only tells its harm.

    "bombed X, killing 14" does; "ten were killed when rebels attacked the town"
    does not: there the clause names the attackers, the word it hangs on the toll.
    """
    if token.lemma_.lower() not in ("kill", "wound", "injure", "leave"):
        head = token.head
        return head.lemma_.lower() not in ("kill", "wound", "injure") or any(
            c.dep_ in ("nsubj", "agent") for c in head.children
        )
    return True


HARM_VERBS = lexicon.harm_verbs()


def _claimed(events: list[tuple[int, Event]], ctx: _Context) -> None:
    """A side claiming responsibility did the attack it claims.

    "Palestinian sniper fire killed a volunteer. Hamas' military wing claimed
    responsibility": Hamas is a doer of that attack. The claim is for the attack its
    "for" phrase names, else for the last attack told before it (in this sentence or
    the one before). A claim denied or only planned owns nothing.
    """
    doc = ctx.res.doc
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.claim_verbs():
            continue
        if not any(_claim_object(c, token) for c in token.children):
            continue
        if ctx.res.in_quote(token) or modality_of(token):
            continue
        claimants = ctx.actors(subject_of(token))
        if not claimants:
            continue
        named = {t.i for o in _claimed_objects(token) for t in o.subtree}
        earliest = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else 0
        attacks = [e for i, e in events if e.cls == "Attack" and not e.modality and i in named]
        attacks = attacks or [
            e for i, e in events if e.cls == "Attack" and not e.modality and earliest <= i < token.i
        ]
        if attacks:
            attack = attacks[-1]
            attack.agents += [k for k in claimants if k not in attack.actors()]
            continue
        claimed = _claimed_attack(token, claimants, ctx)
        if claimed is not None:
            events.append(claimed)


def _claim_object(word: Token, claim: Token) -> bool:
    """Whether ``word``, an object of a claim verb, owns an act: "responsibility", or an
    attack itself after a verb of ``lexicons/claim_object_verbs.txt`` ("the group claimed
    the bombing"); not "claimed victory", "claimed 20 lives".
    """
    if word.dep_ != "dobj":
        return False
    if word.lemma_.lower() == "responsibility":
        return True
    trig = trigger_for(word) if word.pos_ == "NOUN" else None
    return (
        claim.lemma_.lower() in lexicon.claim_object_verbs()
        and trig is not None
        and trig.cls == "Attack"
    )


def _claimed_objects(claim: Token) -> list[Token]:
    """What a claim of responsibility is for, on the verb or on "responsibility", or
    the attack claimed itself."""
    nouns = [c for c in claim.children if c.dep_ == "dobj"]
    owned = [n for n in nouns if n.lemma_.lower() != "responsibility"]
    return owned + [o for word in (claim, *nouns) for o in objects_of(word, ("for",))]


def _claimed_attack(claim: Token, claimants: list[str], ctx: _Context) -> tuple[int, Event] | None:
    """The attack a claim of responsibility names when no rule read it as one: "the
    Taliban claimed responsibility for the attack on a Kabul hotel" (the hotel is no
    side). The claimants did it, to the country it happened in: an armed group
    attacking in its own country attacks that country's state.
    """
    for noun in _claimed_objects(claim):
        trig = trigger_for(noun)
        if trig is None or trig.cls != "Attack" or noun.pos_ != "NOUN":
            continue
        if modality_of(noun, trig.cls) is not None:
            continue  # "claimed responsibility for a planned attack"
        event = _base(noun, trig, ctx)
        event.agents = list(claimants)
        event.place = ctx.place(noun) or _clause_place(noun, ctx)
        for _, obj in prep_chain(noun) if event.place is None else []:
            event.place = event.place or ctx.place_key(obj)  # "the attack on a Kabul hotel"
        event.targets = [k for k in _located_side(noun, ctx) if k not in claimants]
        if not event.targets and event.place is not None:
            country = _country_of_place(event.place, ctx)
            event.targets = [country] if country and country not in claimants else []
        event.deaths, event.deaths_qualifier = _deaths(noun)
        return noun.i, event
    return None


def _country_of_place(key: str, ctx: _Context) -> str | None:
    """The country a place key names or lies in (a capital, a listed region), if known."""
    actor = ctx.res.actors.get(key)
    if actor is None:
        return None
    if actor.kind == "Country":
        return key
    return ctx.res.seat_country(key) or ctx.res.region_country(key)


def _harmed_by_participle(events: list[tuple[int, Event]], ctx: _Context) -> None:
    """An attack on a place that names its victims in a participle acts on them.

    "raided the Gaza Strip, killing the son of a Hamas leader": Hamas is the side the
    raid acted on. Only where the attack names no side acted on of its own.
    """
    for i, event in events:
        if event.cls != "Attack" or event.targets or event.modality:
            continue
        for child in ctx.res.doc[i].children:
            if child.dep_ not in ("advcl", "xcomp") or child.tag_ != "VBG":
                continue
            if child.lemma_.lower() not in HARM_VERBS:
                continue
            victims = [
                k
                for obj in objects_of(child)
                for k in ctx.actors(obj)
                if k not in event.actors() and ctx.res.actors[k].kind != "Place"
            ]
            event.targets += list(dict.fromkeys(victims))


def _fold_unnamed_harm(events: list[tuple[int, Event]], ctx: _Context) -> list[tuple[int, Event]]:
    """Harm told with no side right after an attack is that attack's harm.

    "Troops attacked the town, and at least 10 people were killed", "Rebels shelled
    the town. Ten people were killed.", "A bomb exploded, killing 10": the killing
    joins the attack of its sentence, or the one with sides before it, which takes
    its toll, weapon and place.
    """
    doc = ctx.res.doc
    out: list[tuple[int, Event]] = []
    for i, event in events:
        if event.cls == "Attack" and not event.actors() and not event.modality:
            sent = doc[i].sent
            if _opens_new_incident(sent):
                out.append((i, event))
                continue
            before = [
                e
                for j, e in out
                if e.cls == "Attack"
                and not e.modality
                and (doc[j].sent == sent or (e.actors() and doc[j].sent.end == sent.start))
            ]
            after = [  # "ten were killed when rebels attacked the town"
                e
                for j, e in events
                if j > i
                and e.cls == "Attack"
                and e.actors()
                and not e.modality
                and doc[j].sent == sent
            ]
            if not (before or after) and _definite_doer(doc[i]):
                # "A bomb exploded in Karachi ... the bomb went off outside a factory"
                before = [e for j, e in out if e.cls == "Attack" and not e.modality]
            if before or after:
                _merge_into((before or after)[-1 if before else 0], event)
                continue
        out.append((i, event))
    return out


def _harm_done_by_attack_noun(
    events: list[tuple[int, Event]], ctx: _Context
) -> list[tuple[int, Event]]:
    """Harm whose subject is an attack told by its noun is that attack's harm.

    "An airstrike by the Saudi-led coalition killed 20 civilians": one attack, the
    coalition's, on the civilians, not an attack by the coalition on no one and another
    by no one on the civilians.
    """
    doc = ctx.res.doc
    at = {i: e for i, e in events}
    out: list[tuple[int, Event]] = []
    for i, event in events:
        verb = doc[i]
        subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb.pos_ == "VERB" else []
        noun = at.get(subjects[0].i) if subjects else None
        if (
            event.cls == "Attack"
            and not event.agents
            and not event.modality
            and noun is not None
            and noun is not event
            and noun.cls == "Attack"
            and not noun.modality
        ):
            _merge_into(noun, event)
            continue
        out.append((i, event))
    return out


def _definite_doer(verb: Token) -> bool:
    """Whether a verb's doer is a definite noun that refers back ("the bomb went off")."""
    doer = subject_of(verb) if verb.pos_ == "VERB" else None
    return doer is not None and any(
        c.dep_ == "det" and c.lower_ in ANAPHOR_DETS for c in doer.children
    )


#: Words that open a sentence telling another incident than the one before.
_ELSEWHERE = frozenset({"separately", "elsewhere", "meanwhile"})
_ANOTHER = frozenset(
    {"another", "separate", "unrelated", "second", "different", "earlier", "later"}
)


def _opens_new_incident(sent: Span) -> bool:
    """Whether a sentence opens on another incident ("In another incident, ...",
    "In a separate attack", "Elsewhere, ..."): its acts are not the ones before.

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("In another incident, a bomb went off. In Kabul, a bomb went off.")
    >>> [_opens_new_incident(s) for s in doc.sents]
    [True, False]
    """
    words = [t.lower_ for t in sent[:4]]
    if words and words[0] in _ELSEWHERE:
        return True
    return len(words) > 2 and words[0] == "in" and bool(_ANOTHER & set(words[1:4]))


def _attach_casualties(events: list[tuple[int, Event]], ctx: _Context) -> None:
    """Give attacks without a death toll the one their sentence, or the next, states.

    Each number goes to the nearest realised attack of its sentence still without
    one; a sentence without an attack adds its number to the last attack of the
    sentence before ("Rebels shelled the town. Ten people were killed."), unless
    it names a killer of its own ("They said they killed 20": another attack).
    """
    doc = ctx.res.doc
    attacks = [(i, e) for i, e in events if e.cls == "Attack" and not e.modality]
    by_sentence: dict[int, list[tuple[int, Event]]] = {}
    for i, event in attacks:
        by_sentence.setdefault(doc[i].sent.start, []).append((i, event))
    previous: list[tuple[int, Event]] = []
    for sent in doc.sents:
        own = by_sentence.get(sent.start, [])
        candidates = own or previous[-1:]
        for word, value, qualifier in casualties(sent, ctx.res.in_quote):
            if not own and _names_killer(word):
                continue
            open_ = [(i, e) for i, e in candidates if e.deaths is None]
            if not open_:
                break
            _, event = min(open_, key=lambda pair: abs(pair[0] - word.i))
            event.deaths, event.deaths_qualifier = value, qualifier
        previous = own


def _attacked_place(token: Token, ctx: _Context) -> str | None:
    """The place an attack verb acts on: "raided the Gaza Strip", "shelled Aleppo"."""
    if token.pos_ != "VERB":
        return None
    return next((k for k in map(ctx.place_key, objects_of(token)) if k), None)


#: Verbs whose "X on Y" makes Y the doer of X: "blamed the attack on Islamic State".
BLAME_VERBS = lexicon.blame_verbs()


def _judged_act(verb: Token) -> Token | None:
    """The act a judging verb's object refers back to: "condemned the attack", "welcomed
    this move"; not "condemned attacks" or "condemned Russia's move" (which names its doer).
    """
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        act = _lookup(obj) is not None or obj.lemma_.lower() in lexicon.judged_nouns()
        definite = any(c.dep_ == "det" and c.lower_ in ANAPHOR_DETS for c in obj.children)
        named = any(
            c.dep_ in ("poss", "compound", "amod", "nmod", "prep") and not _setting(c)
            for c in obj.children
        )  # "the legislation in Bahrain" names where, not whose
        if act and definite and not named:
            return obj
    return None


def _judged_doers(events: list[tuple[int, Event]], ctx: _Context) -> None:
    """A praise or condemnation of an act told before is aimed at whoever did it.

    "Syrian rebels shelled a school. Turkey condemned the attack": Turkey accuses the
    rebels. The act is the first one told before of the class the noun names ("the
    attack"), or of any class for a noun that names none ("the move"); only where the
    judgement names no side of its own.
    """
    doc = ctx.res.doc
    for i, event in events:
        if event.cls not in JUDGING_CLASSES or event.targets or event.modality:
            continue
        obj = _judged_act(doc[i]) if doc[i].pos_ == "VERB" else None
        if obj is None:
            continue
        named = _lookup(obj)
        if obj.lemma_.lower() in lexicon.vote_words().get("measure", frozenset()):
            # "hailed the legislation": the body that passed the measure told before
            makers = [e.body for j, e in events if j < i and e.cls == "Vote" and e.body]
            if makers and makers[0] not in event.agents:
                event.targets = [makers[0]]
                event.participants = list(dict.fromkeys([*event.participants, makers[0]]))
            continue
        told = [
            e
            for j, e in events
            if j < i
            and e is not event
            and e.cls not in ("Statement", "Vote")
            and (named is None or e.cls == named.cls)
            and e.agents
        ]
        if not told:
            continue
        # the first such act told: the one the story is about, not a counter-act to it
        # ("troops repelled the attack")
        doers = [k for k in told[0].agents if k not in event.agents]
        if doers:
            event.targets = doers
            event.participants = list(dict.fromkeys([*event.participants, *doers]))


def _country_default(events: list[tuple[int, Event]], ctx: _Context) -> None:
    """Violence no one is named for happens in the article's country, without a dateline.

    "A week of violence after the vote killed at least 612 people" in an article about
    Kenya happened in Kenya. An act with a side named may have happened anywhere.
    """
    local = ctx.res.local
    if local is None or ctx.res.dateline_place is not None:
        return
    for _, event in events:
        located = event.cls in LOCATED_CLASSES and not event.modality
        sideless = not (event.actors() or event.ballots or event.body)
        if located and event.place is None and sideless:
            event.place = ctx.res.country(local)


def _dateline_default(events: list[tuple[int, Event]], ctx: _Context) -> None:
    """Place the events of the dateline's paragraph that name no place at the dateline's.

    Later paragraphs often tell of events elsewhere, so the dateline is not their place.
    """
    _country_default(events, ctx)
    place = ctx.res.dateline_place
    if place is None:
        return
    doc = ctx.res.doc
    text = doc_text(doc)
    found = DATELINE.search(text[:600])
    start = found.start() if found else 0
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    for i, event in events:
        located = event.cls in LOCATED_CLASSES and not event.modality
        if located and event.place is None and start <= doc[i].idx < end:
            event.place = place


def _instrument(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "using"):
            for obj in child.children:
                found = _weapon(obj)
                if found:
                    return found
    mods = [c for c in token.lefts if c.dep_ == "compound"]
    for mod in mods:
        found = _weapon(mod)
        if found:
            return found
    return None


def _is_anaphor(token: Token, trig: Trigger) -> bool:
    if trig.frame == "anaphor":
        return True
    return token.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ANAPHOR_DETS for c in token.children
    )


def _base(token: Token, trig: Trigger, ctx: _Context) -> Event:
    date, date_text, explicit = ctx.line.for_token(token)
    return Event(
        cls=trig.cls,
        trigger=token.text,
        evidence=evidence_for(token),
        date=date,
        date_text=date_text,
        cameo=trig.cameo,
        goldstein=trig.goldstein,
        plover=trig.plover,
        plover_mode=trig.mode,
        confidence=0.8 if explicit else 0.7,
    )


def prep_chain(token: Token) -> list[tuple[Token, Token]]:
    """(preposition, object) pairs hanging off a word, through chains of them.

    "huddled behind doors for two hours at the Kremlin with Putin" gives
    (behind, doors), (for, hours), (at, Kremlin), (with, Putin). A chain stops at
    a word that names an event of its own: in "spoke with X after meetings with Y",
    Y is a partner of the meetings.
    """
    out: list[tuple[Token, Token]] = []
    frontier = [token]
    while frontier:
        node = frontier.pop(0)
        for child in node.children:
            if child.dep_ in ("prep", "agent"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        out.append((child, obj))
                        if trigger_for(obj) is None:
                            frontier.append(obj)
            elif child.dep_ in ("advmod", "npadvmod") and node is token:
                frontier.append(child)
    return out


def _partner_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of a meeting's partner prepositions ("with"), where the parser put them.

    The parser often hangs "with X" on a nearby noun ("huddled at the Kremlin with
    Putin") or on the governing verb ("meetings earlier in the day with Putin").
    """
    out = objects_of(token, preps)
    out += [obj for prep, obj in prep_chain(token) if prep.lower_ in preps]
    if token.pos_ == "VERB" and token.lemma_.lower() in lexicon.topic_verbs():
        # "discussed trade with Turnbull", the partner hung on the topic; not "discussed
        # the deal with Iran", whose partner is the deal's
        topics = [c for c in token.children if c.dep_ == "dobj" and trigger_for(c) is None]
        out += [o for topic in topics for o in objects_of(topic, preps)]
    if token.pos_ == "VERB":  # "spoke with X after meetings with Y": Y met at the meetings
        out = [o for o in out if not _event_noun_between(token, o.head)]
    verb = token.head
    if (
        not out
        and token.pos_ == "NOUN"
        and token.dep_ in ("nsubj", "nsubjpass")
        and verb.pos_ == "VERB"
        and trigger_for(verb) is None
    ):  # "clashes erupted between X and Y": the event's verb of happening holds them
        out = [o for p, o in prep_chain(verb) if p.lower_ in preps and p.head == verb]
    if not out and token.pos_ == "NOUN" and token.dep_ == "ROOT":
        # "Heavy fighting flared between X and Y.", the verb misread as a participle
        for verb in (c for c in token.children if c.dep_ == "acl" and misread_main_verb(c, True)):
            out = [o for p, o in prep_chain(verb) if p.lower_ in preps and p.head == verb]
    if not out and token.pos_ == "NOUN":
        for nxt in token.doc[token.i + 1 : min(len(token.doc), token.i + 8)]:
            if nxt.dep_ == "prep" and nxt.lower_ in preps:
                out += [c for c in nxt.children if c.dep_ == "pobj"]
                break
            if nxt.pos_ in ("VERB", "PUNCT") or nxt.dep_ in ("pobj", "dobj"):
                if nxt.dep_ == "pobj" and nxt.head.lower_ in ("in", "at", "on"):
                    continue
                break
    return list(dict.fromkeys(out))


def _event_noun_between(verb: Token, prep: Token) -> bool:
    """Whether a noun naming an event stands between a verb and a later preposition."""
    between = verb.doc[verb.i + 1 : max(verb.i + 1, prep.i)]
    return any(t.pos_ == "NOUN" and trigger_for(t) is not None for t in between)


#: Confidence of a meeting with one named side and a partner the article does not name.
UNNAMED_PARTNER_CONFIDENCE = 0.5


def _host_country(place: Token, ctx: _Context) -> list[str]:
    """The country of a town a visit goes to, when the place lists it."""
    key = ctx.res.token_key.get(place.i)
    if key is None or ctx.res.actors[key].kind != "Place":
        return []
    iso3 = ctx.res.place_iso3(key)
    return [ctx.res.country(iso3)] if iso3 else []


def _unnamed_partner(token: Token, trig: Trigger, named: Mapping[int, str] | None = None) -> bool:
    """Whether a meeting word has a partner phrase naming people, not an actor.

    "met with rebel commanders", "held talks with his counterpart", "visited the
    troops": someone was met. "met on Tuesday" and "discussed the crisis" name no one.
    A party joined to the subject counts too: "Iran and world powers resumed talks".
    """
    subject = subject_of(token) if token.pos_ == "VERB" else _governing_subject(_phrase_head(token))
    joined: list[Token] = []
    if subject is not None and subject.dep_ == "nsubj":
        joined = [c for c in subject.conjuncts if c.i > subject.i]
    if token.pos_ == "VERB" and token.lemma_.lower() in lexicon.topic_verbs():
        candidates = objects_of(token, trig.preps)
        candidates = [c for c in candidates if c.dep_ == "pobj"]
    else:
        head = token if token.pos_ == "VERB" else _phrase_head(token)
        candidates = _partner_objects(head, trig.preps)
        if token.pos_ == "VERB":
            candidates += objects_of(token)
    joined += [c for cand in candidates for c in cand.conjuncts]  # "between Iran and ..."

    def unnamed(c: Token) -> bool:  # a named side is no unnamed one; nor "reporters"
        return c.i not in (named or {}) and c.lemma_.lower() not in lexicon.audience_nouns()

    # A party joined to a named one may be any plural ("Iran and the six powers");
    # alone, a partner must name people ("received 105 votes" met no one).
    return any(unnamed(c) and _names_people(c) for c in candidates) or any(
        unnamed(c) and (_names_people(c) or (c.pos_ == "NOUN" and c.tag_ == "NNS")) for c in joined
    )


#: Prepositions whose object is what words are about, whatever the verb.
ABOUT_PREPS = frozenset({"about", "regarding", "concerning", "over"})
#: Verbs of telling whose "on" names a topic too ("briefed on", "reported on").
TELLING_VERBS = lexicon.speech_verbs() | lexicon.telling_verbs()


def _topic_of(phrase: Token) -> bool:
    """Whether an act's noun is what a clause tells about, which makes its subject no doer.

    "Clinton emailed her aides about the attack", "Obama was briefed on the bombing":
    the subject told or heard of the act. A light verb still does its act ("held talks
    on the crisis" is not about "talks"), and "embarked on a bombing campaign" is no topic.

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Obama was briefed on the bombing.")
    >>> _topic_of(doc[5]), _topic_of(_nlp.load()("Russia embarked on a bombing campaign.")[5])
    (True, False)
    """
    if phrase.dep_ != "pobj":
        return False
    prep, verb = phrase.head, phrase.head.head
    if verb.lemma_.lower() in LIGHT_VERBS:
        return False
    if prep.lower_ in ABOUT_PREPS:
        return True
    return prep.lower_ == "on" and verb.lemma_.lower() in TELLING_VERBS


def _sole_meeting_word(token: Token) -> bool:
    """Whether a word tells a meeting with one side named (``sole_meeting_words.txt``).

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Putin met on Tuesday. Obama called the attack cowardly.")
    >>> _sole_meeting_word(doc[1]), _sole_meeting_word(doc[6])
    (True, False)
    """
    words = lexicon.sole_meeting_words()
    return (token.lemma_.lower(), token.pos_) in words or (token.lower_, token.pos_) in words


def _names_people(token: Token) -> bool:
    """Whether a noun phrase names people: a title, a group noun, a person pronoun."""
    lemma = token.lemma_.lower()
    if token.pos_ == "PRON":
        return lemma in ("he", "she", "him", "her", "they", "them")
    if token.ent_type_ in ("PERSON", "NORP", "ORG"):
        return True
    return lemma in lexicon.group_nouns() or lemma in lexicon.titles() or lemma == "counterpart"


def _addressed_in(phrase: Token, ctx: _Context) -> list[str]:
    """Whom a verb addresses in a meeting ("told Erdogan in a phone call that ...").

    A meeting noun after "in" or "during" is where its verb's act took place; the
    one the verb is said or written to took part in it.
    """
    prep = phrase.head
    if phrase.dep_ != "pobj" or prep.lower_ not in ("in", "during", "at"):
        return []
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.speech_verbs():
        return []
    return [k for obj in objects_of(verb, ("to",)) for k in ctx.actors(obj)]


def _trip_purpose(token: Token) -> Token | None:
    """The meeting a trip or visit is made for, if its purpose is one.

    "flew to Brussels for talks with NATO leaders", "will travel to Moscow to meet
    Putin": the trip and its purpose are one meeting.
    """
    if token.pos_ != "VERB":
        return None
    for child in token.children:
        purposes: list[Token] = []
        if child.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        ):
            purposes = [child]
        elif child.dep_ == "prep" and child.lower_ == "for":
            purposes = [c for c in child.children if c.dep_ == "pobj"]
        for purpose in purposes:
            found = trigger_for(purpose)
            if found is not None and found.cls == "Meeting":
                return purpose
    return None


def _trip_of(token: Token) -> Token | None:
    """The trip whose purpose a meeting word states ("travelled to X *to meet* Y")."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "for":
        head = head.head
    elif token.dep_ not in ("advcl", "xcomp"):
        return None
    trip = trigger_for(head) if head.i != token.i else None
    purpose = _trip_purpose(head) if trip is not None and trip.cls == "Meeting" else None
    if purpose is not None and purpose.i == token.i:
        return head
    return None


#: Classes of acts done together, whose every side named takes part alike.
JOINT_CLASSES = lexicon.classes_with("joint")


def _involved(noun: Token) -> list[Token]:
    """Who a participle after an act noun says takes part: "drills involving the US and
    Japan", "talks including Iran" (``involving_verbs.txt``)."""
    return [
        obj
        for acl in noun.children
        if acl.dep_ == "acl" and acl.lemma_.lower() in lexicon.involving_verbs()
        for obj in acl.children
        if obj.dep_ == "dobj"
    ]


def _listed_subjects(verb: Token) -> list[Token]:
    """A verb's subjects, with the names a headline lists before them with a comma,
    which the parser hangs on the verb as modifiers ("Kerry, Lavrov hold talks").

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Kerry, Lavrov hold talks on Syria in Geneva.")
    >>> [t.text for t in _listed_subjects(doc[3])]
    ['Kerry', 'Lavrov']
    >>> [t.text for t in _listed_subjects(_nlp.load()("Today, Lavrov holds talks.")[3])]
    ['Lavrov']
    """
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return []
    first = min(s.i for s in subjects)
    listed = [
        c
        for c in verb.children
        if c.dep_ in ("npadvmod", "advcl")
        and c.pos_ == "PROPN"
        and c.i < first
        and verb.doc[c.right_edge.i + 1].text == ","
    ]
    return sorted(listed + subjects, key=lambda t: t.i)


def _meeting(token: Token, trig: Trigger, ctx: _Context) -> list[Event]:
    """Meetings a meeting word reports: everyone named takes part.

    A trip made for a meeting is one meeting with it: the trip's event takes in the
    partners its purpose names, and the purpose makes none of its own.
    """
    if _trip_of(token) is not None:
        return []
    return _meeting_of(token, trig, ctx)


def _meeting_of(token: Token, trig: Trigger, ctx: _Context) -> list[Event]:
    """The meetings one meeting word reports (see :func:`_meeting`)."""
    host: list[str] = []
    partners: list[str] = []
    about: list[str] = []
    if token.pos_ == "VERB":
        host = ctx.actors(subject_of(token))
        # "Putin, Kim meet": a headline's comma list parsed as two subjects
        host += [k for c in _listed_subjects(token) for k in ctx.actors(c)]
        # "was received by Pope Francis": the one who receives takes part too
        host += [
            k for o in objects_of(token, ("by",)) if o.head.dep_ == "agent" for k in ctx.actors(o)
        ]
        topical = token.lemma_.lower() in lexicon.topic_verbs()
        direct = objects_of(token)
        for obj in _partner_objects(token, trig.preps):
            if obj not in direct:
                partners += ctx.actors(obj)
        for obj in direct:  # "met Putin", but "discussed Syria"
            (about if topical else partners).extend(ctx.actors(obj))
        if trig.mode == "visit" and not partners:
            # "visited Hiroshima", "flew to Istanbul": the town's country hosts the visit
            own = _own_countries(host, ctx)  # "Erdogan visited Istanbul": a trip at home
            for obj in [*direct, *_partner_objects(token, trig.preps or ("to", "in"))]:
                partners += [k for k in _host_country(obj, ctx) if k not in own]
    else:
        phrase = _phrase_head(token)
        for child in phrase.children:
            if child.dep_ == "poss":
                host += ctx.actors(child)
            elif child.dep_ in ("compound", "amod") and child.i in ctx.res.token_key:
                host += ctx.actors(child)
        if not host:  # "the first visit by an Indian premier to Pakistan"
            host = [k for o in objects_of(phrase, ("by",)) for k in ctx.actors(o)]
        if not host:
            host = ctx.actors(_governing_subject(phrase))
            if phrase.dep_ == "dobj":  # "Blinken, Wang hold talks": a headline's list
                host += [k for c in _listed_subjects(phrase.head) for k in ctx.actors(c)]
        for obj in _partner_objects(phrase, trig.preps) + _involved(phrase):
            partners += ctx.actors(obj)
        if not partners:
            partners = _addressed_in(phrase, ctx)
    unnamed = _unnamed_partner(token, trig, ctx.res.token_key)
    purpose = _trip_purpose(token)
    purpose_trig = trigger_for(purpose) if purpose is not None else None
    if purpose is not None and purpose_trig is not None:
        partners += [k for e in _meeting_of(purpose, purpose_trig, ctx) for k in e.participants]
        unnamed = unnamed or _unnamed_partner(purpose, purpose_trig, ctx.res.token_key)
    host = list(dict.fromkeys(host))
    partners = [p for p in dict.fromkeys(partners) if p not in host]
    plural = token.pos_ == "NOUN" and token.tag_ == "NNS" and token.lower_ != trig.word
    groups = [[p] for p in partners] if plural and host and len(partners) > 1 else [partners]
    events = []
    for group in groups:
        everyone = list(dict.fromkeys(host + group))
        if len(everyone) < 2 and not (everyone and (unnamed or _sole_meeting_word(token))):
            continue
        event = _base(token, trig, ctx)
        if len(everyone) < 2:  # "met with rebel commanders": the partner is not named
            event.confidence = UNNAMED_PARTNER_CONFIDENCE
        event.participants = everyone
        event.about = [k for k in dict.fromkeys(about) if k not in everyone]
        if trig.word == "host":
            event.agents = host
        event.place = ctx.place(token) or ctx.place(clause_verb(token))
        events.append(event)
    return events


# ------------------------------------------------------------- target finders
#
# Who an active verb acts on, tried in order until one finds a side. Each finder is
# a small named rule; ``try_finder`` runs one alone on a sentence, so a rule is found
# (and tested) by its name.

#: A target finder: (verb, its trigger, the context, the agents found) → target keys.
TargetFinder = Callable[[Token, Trigger, "_Context", list[str]], list[str]]


def _direct_object(token: Token, trig: Trigger, ctx: _Context, agents: list[str]) -> list[str]:
    """The verb's object, or the object of one of its trigger's prepositions.

    >>> try_finder("direct object", "Ethiopia shelled Eritrea.", "shelled")
    ['country:ERI']
    >>> try_finder("direct object", "Kenya appealed to Uganda for calm.", "appealed")
    ['country:UGA']
    """
    objects = objects_of(token, trig.preps)
    if trig.frame == "prep" or trig.cls in OWN_OBJECT_CLASSES:
        # only through a preposition: "called on X"; "pulled its forces out of X"
        objects = [o for o in objects if o.dep_ == "pobj"]
    # "used force against X": the object that completes the trigger is no side
    objects = [o for o in objects if not trig.word.endswith(" " + o.lemma_.lower())]
    return [k for obj in objects for k in ctx.actors(obj)]


def _governed_clause(token: Token, trig: Trigger, ctx: _Context, agents: list[str]) -> list[str]:
    """Who the clause the verb governs acts on, or who must act in it.

    >>> try_finder("governed clause", "Iran threatened to expel the Kenyan envoy.", "threatened")
    ['group:ken-government']
    >>> try_finder("governed clause", "France demanded that Syria withdraw.", "demanded")
    ['country:SYR']
    """
    if trig.frame == "prep" or trig.cls in JOINT_CLASSES:
        return []  # "joined forces to fight al-Qaeda": a joint act's clause is its aim
    return [k for obj in _governed_objects(token, ctx) for k in ctx.actors(obj)]


def _partner_of_object(token: Token, trig: Trigger, ctx: _Context, agents: list[str]) -> list[str]:
    """The partner an object noun names: "signed an agreement with X".

    >>> try_finder("partner of object", "Peru signed an accord with Chile.", "signed")
    ['country:CHL']
    """
    return [
        k
        for obj in objects_of(token)
        for inner in objects_of(obj, trig.preps)
        for k in ctx.actors(inner)
    ]


def _nested_in_objects(token: Token, trig: Trigger, ctx: _Context, agents: list[str]) -> list[str]:
    """The nearest side deeper in the objects: "rejected calls by X", "threatened to
    break ties with X"; but "ordered strikes on X" leaves X to the strikes.

    >>> try_finder("nested in objects", "Ghana rejected calls by Togo for talks.", "rejected")
    ['country:TGO']
    """
    if trig.frame == "prep":
        return []
    light = token.lemma_.lower() in LIGHT_VERBS
    nested = [
        o
        for o in objects_of(token, NESTED_PREPS)
        if o.pos_ != "VERB"
        and not (light and trigger_for(o) is not None)
        and not (trig.cls in OWN_OBJECT_CLASSES and o.dep_ != "pobj")
    ]
    joint = trig.cls in JOINT_CLASSES  # "joined forces to fight X": the clause is its aim
    nested += _clauses(token, ctx) if trig.frame == "sv" and not joint else []
    judged = trig.cls in JUDGING_CLASSES or trig.cls in CONTENT_TAKERS
    praised = trig.cls in JUDGING_CLASSES
    return [k for obj in nested for k in _hung_or_nested(obj, token, ctx, agents, judged, praised)]


def _hung_or_nested(
    obj: Token, verb: Token, ctx: _Context, agents: list[str], judged: bool, praised: bool = False
) -> list[str]:
    """The nearest side inside an object; for an act that judges or answers what
    another side did or proposed, also the side a prepositional object on the verb
    itself names, where the parser often hangs what belongs to the direct object
    ("hailed the new line from Paris", "rejected the offer from Tehran"). An act of
    another kind keeps such a phrase for where it was done ("fired missiles from Syria").
    """
    if judged and obj.dep_ == "pobj" and obj.head.head.i == verb.i:
        own = [k for k in ctx.actors(obj) if k not in agents]
        if own:
            return own
    # what is praised is not where it was praised: "hailed the legislation in Bahrain"
    return _nested_actors(obj, ctx, agents, settings=not praised)


def _carried_to(token: Token, trig: Trigger, ctx: _Context, agents: list[str]) -> list[str]:
    """Where goods are carried, when the destination hangs on the carrier's participle.

    >>> try_finder("carried to", "Russia sent trucks carrying aid to Ukraine.", "sent")
    ['country:UKR']
    """
    if trig.frame != "goods":
        return []
    carriers = [o for o in objects_of(token)]
    carriers += [
        p for o in carriers for prep in o.children if prep.lower_ == "of" for p in prep.children
    ]
    return [
        k
        for carrier in carriers
        for verb in carrier.children
        if verb.dep_ == "acl"
        for obj in objects_of(verb, trig.preps)
        if obj.dep_ == "pobj"
        for k in ctx.actors(obj)
        if k not in agents
    ]


#: The target finders of an active verb, in the order they are tried.
def _facility_owner(token: Token, trig: Trigger, ctx: _Context, agents: list[str]) -> list[str]:
    """The group whose post an attack hit: "a mob attacked a police station" attacks the
    police; "shelled rebel positions" the rebels (``facility_nouns.txt``).

    >>> try_finder("facility owner", "In Kenya, a mob attacked a police station.", "attacked")
    ['group:ken-police']
    >>> try_finder("facility owner", "In Kenya, a mob attacked a railway station.", "attacked")
    []
    """
    if trig.cls != "Attack":
        return []
    out: list[str] = []
    for obj in objects_of(token, trig.preps):
        if obj.lemma_.lower() not in lexicon.facility_nouns():
            continue
        for modifier in obj.children:
            key = ctx.res.owner_group(modifier)
            if key is not None and key not in agents:
                out.append(key)
    return out


TARGET_FINDERS: tuple[tuple[str, TargetFinder], ...] = (
    ("direct object", _direct_object),
    ("governed clause", _governed_clause),
    ("partner of object", _partner_of_object),
    ("carried to", _carried_to),
    ("nested in objects", _nested_in_objects),
    ("facility owner", _facility_owner),
)


def find_targets(
    token: Token, trig: Trigger, ctx: _Context, agents: list[str]
) -> tuple[list[str], str | None]:
    """The targets of an active verb and the name of the finder that found them.

    A finder that finds only the agents themselves found nothing ("X warned that [it]
    would strike Y": the clause's subject is X again), and the next one is tried. So
    does a governed clause whose subject is only the country the agents act for
    ("Putin warned that Russia would retaliate against NATO"); a direct object may be
    ("Putin criticised Russia's central bank").
    """
    for name, finder in TARGET_FINDERS:
        found = [k for k in finder(token, trig, ctx, agents) if k not in agents]
        if name == "governed clause" and found and set(found) <= _own_countries(agents, ctx):
            continue
        if found:
            return found, name
    return [], None


def _own_countries(agents: list[str], ctx: _Context) -> set[str]:
    """The countries the agents act for: a group's or organisation's affiliation, the
    country of an office a person holds, a listed leader's country."""
    own = {ctx.res.actors[k].affiliation for k in agents if k in ctx.res.actors}
    own |= {role.of for role in ctx.res.roles if role.person in agents}
    for key in agents:  # "Erdogan warned that Turkey would ...": a listed leader's own
        actor = ctx.res.actors.get(key)
        if actor is not None and actor.kind == "Person" and actor.affiliation is None:
            iso3 = dictionary.person_country(actor.label, ctx.res.date)
            own.add(mint.country_key(iso3) if iso3 else None)
    return {k for k in own if k}


def try_finder(name: str, text: str, word: str) -> list[str]:
    """Run one target finder alone on the first word ``word`` of a sentence.

    For trying and testing a rule by its name (:data:`TARGET_FINDERS`); loads the
    default spaCy pipeline.
    """
    from kg.model import Article
    from kg.nlp import load
    from kg.resolve import resolve

    doc = load()(text)
    res = resolve(doc, Article(id="try", text=text))
    ctx = _Context(res, timeline(res, None))
    token = next(t for t in doc if t.text == word)
    trig = trigger_for(token)
    if trig is None:
        raise ValueError(f"{word!r} triggers no event")
    finder = dict(TARGET_FINDERS)[name]
    return finder(token, trig, ctx, ctx.actors(subject_of(token)))


def _participle_sides(noun: Token, trig: Trigger, ctx: _Context) -> tuple[list[str], list[str]]:
    """Doers and targets of an event noun told by a participle after it: the participle's
    "by" phrase did it, its phrases of the trigger's prepositions bear it ("sanctions
    imposed by the EU on Russia", "airstrikes carried out by the US-led coalition").
    Nothing without a "by" phrase ("sanctions imposed on Russia" names no doer).
    """
    for clause in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        doers = [
            k for o in objects_of(clause, ("by",)) if o.head.dep_ == "agent" for k in ctx.actors(o)
        ]
        if doers:
            done_to = [
                k
                for o in objects_of(clause, trig.preps)
                if o.head.dep_ != "agent"
                for k in ctx.actors(o)
                if k not in doers
            ]
            return list(dict.fromkeys(doers)), done_to
    return [], []


def _svo(token: Token, trig: Trigger, ctx: _Context) -> Event | None:
    agents: list[str] = []
    targets: list[str] = []
    if token.pos_ == "VERB":
        subject = subject_of(token)
        passive = (
            any(c.dep_ == "nsubjpass" for c in token.children)
            or (_bare_participle(token) and subject is not None and subject.dep_ == "nsubjpass")
            or _passive_auxiliary(token)
        )  # "were wounded ... and [were] killed": a shared passive subject
        if passive and trig.mode == "promise" and not objects_of(token, ("by",)):
            agents = ctx.actors(subject)  # "Vietnam is committed to opening up": a state
            targets, _ = find_targets(token, trig, ctx, agents)
        elif passive:
            targets = ctx.actors(subject)
            for obj in objects_of(token, ("by",)):
                agents += ctx.actors(obj)
            if not targets and subject is not None and subject.pos_ != "PRON":  # "a camp for X"
                targets = _nested_actors(subject, ctx, agents, frozenset({"prep"}))
        else:
            agents = ctx.actors(subject)
            targets, _ = find_targets(token, trig, ctx, agents)
        if trig.frame == "weapon":
            weapon = next((w for w in map(_weapon, objects_of(token)) if w), None)
            if weapon is None:
                return None
    else:
        phrase = _phrase_head(token)
        receiver = _receiving_verb(phrase)
        if receiver is not None:  # "Kenya drew criticism from Uganda": Uganda criticised Kenya
            agents, targets = _received_sides(phrase, receiver, ctx)
        else:
            for child in phrase.children:
                if child.dep_ == "poss" or (
                    child.dep_ in ("amod", "compound", "nmod") and child.i in ctx.res.token_key
                ):
                    agents += ctx.actors(child)
            if trig.cls in JOINT_CLASSES:  # "drills involving the US, Japan and South Korea"
                agents += [k for o in _involved(phrase) for k in ctx.actors(o)]
            if not agents:  # "sanctions imposed by the EU on Russia"
                agents, targets = _participle_sides(phrase, trig, ctx)
            blamed = phrase.dep_ == "dobj" and phrase.head.lemma_.lower() in BLAME_VERBS
            for obj in objects_of(phrase, (*trig.preps, "by")):
                found = ctx.actors(obj)
                if obj.head.lower_ == "by" or (blamed and obj.head.lower_ == "on"):
                    agents += found  # "blamed the attack on Islamic State": theirs
                else:
                    targets += found
            verb = phrase.head.head if phrase.dep_ == "pobj" else phrase.head  # "spoke at a rally"
            governor = verb.lemma_.lower()
            light = (
                governor in LIGHT_VERBS
                or (trigger_for(verb) is None and governor not in lexicon.speech_verbs())
                or (governor in lexicon.means_verbs() and phrase.head.lower_ == "with")
            ) and not _topic_of(phrase)
            # "called the killing murder": the speaker did not kill; "retaliated with tariffs"
            if not agents and phrase.dep_ == "dobj" and phrase.head.lemma_.lower() in LIGHT_VERBS:
                # "announced a ceasefire between Ukraine and Russia": both make it; but
                # "the truce between X and Y collapsed" tells no act of theirs
                agents = [k for o in objects_of(phrase, ("between",)) for k in ctx.actors(o)]
                targets = [k for k in targets if k not in agents]
            if not agents and light and phrase.dep_ == "nsubjpass":
                agents = [k for o in objects_of(phrase.head, ("by",)) for k in ctx.actors(o)]
            if not agents and light:
                agents = ctx.actors(_governing_subject(phrase))  # "opened an inquiry into"
            elif not agents and phrase.dep_ == "dobj" and governor in lexicon.modalities():
                agents = ctx.actors(_governing_subject(phrase))  # "threatened sanctions on X"
            if not targets and phrase.dep_ in ("dobj", "nsubjpass") and light:
                # "imposed sanctions on X", "sanctions were imposed on X"
                for obj in objects_of(phrase.head, trig.preps):
                    targets += ctx.actors(obj)
            if not targets and light and phrase.dep_ == "pobj" and phrase.head.head.pos_ == "VERB":
                # "took the opposition leader into custody", "placed him under arrest"
                for obj in (c for c in phrase.head.head.children if c.dep_ == "dobj"):
                    targets += ctx.actors(obj)
            if not targets and phrase.dep_ == "pobj" and phrase.head.dep_ == "agent":
                # "Russia was hit by new EU sanctions": the passive subject bears the act
                for subject in (c for c in phrase.head.head.children if c.dep_ == "nsubjpass"):
                    targets += [k for k in ctx.actors(subject) if k not in agents]
            if not targets and trig.frame != "prep":
                targets = _nested_actors(phrase, ctx, agents, frozenset({"prep", "acl"}))
    agents = list(dict.fromkeys(agents))
    named_target = bool(targets)
    if not targets and trig.cls in LOCATED_TARGET:
        homes = {ctx.res.actors[k].affiliation for k in agents}
        # "the Guards released them in Tehran": the doer's own country is no side
        targets = [k for k in _located_side(token, ctx) if k not in homes]
    targets = [t for t in dict.fromkeys(targets) if t not in agents]
    if not targets and token.pos_ == "VERB" and (_reciprocal(token) or _mutual(token, agents)):
        targets = list(agents)  # "Russia and Ukraine blamed each other": each the other
    by_position = False
    if not (agents or targets) and _bare_participle(token) and not _has_subject(token):
        # "six soldiers wounded": the noun before a bare participle is the one it befell.
        before = token.doc[token.i - 1] if token.i > token.sent.start else None
        if before is not None and before.pos_ in ("NOUN", "PROPN"):
            targets = ctx.actors(before)
        by_position = bool(targets)
    elif not agents and (
        (token.pos_ == "VERB" and not _has_subject(token)) or _verbless_root(token)
    ):
        # The parse gave the verb no subject (a dash, an apposition, a list), or made
        # the event noun the root of a sentence it left without a verb ("Greece
        # extended congratulations to Cyprus", misparsed): the nearest actor before
        # it in its sentence is taken, with less confidence.
        agents = [k for k in nearest_actors(token, ctx, before=True) if k not in targets]
        by_position = bool(agents)
    if agents and not targets and trig.frame in ("svo", "weapon", "armed") and by_position:
        targets = [k for k in nearest_actors(token, ctx, before=False) if k not in agents]
    crowd = False
    if not agents and trig.cls in CROWD_DOERS and trig.frame != "crowd" and _told_as_act(token):
        # not "roads were blocked off": a word that is a protest only when a crowd does it
        agents = [k for k in _crowd_doers(token, ctx) if k not in targets]
        crowd = bool(agents)
    event = _base(token, trig, ctx)
    event.agents, event.targets = agents, targets
    if by_position:
        event.confidence = POSITION_CONFIDENCE
    if crowd:
        event.confidence = min(event.confidence, INFERRED_SIDE_CONFIDENCE)
    if trig.cls == "Attack":
        if _names_other_event(token, trig) or _by_mishap(token) or _kills_a_measure(token):
            return None
        if token.pos_ == "VERB":
            objects = objects_of(token)
            doers = [subject] if subject is not None and not passive else []
            doers += [w for w in [_weapon_before(token)] if w is not None and not doers]
            event.instrument = next((w for w in map(_weapon, objects + doers) if w), None)
            event.instrument = event.instrument or _instrument(token)
            event.quantity = next((q for q in map(_quantity, objects) if q), None)
        else:
            event.instrument = _instrument(token)
        event.deaths, event.deaths_qualifier = _deaths(token)
        if _verbal_clash(trig, event, ctx):
            # "Trump attacked Clinton over her emails": words, which CAMEO codes as criticism
            words = _base(token, lexicon.derived()["words-fight"], ctx)
            words.agents, words.targets = agents, targets
            words.confidence = min(words.confidence, DERIVED_CONFIDENCE)
            return words
        if not (agents or targets):
            # "A bomb exploded in Karachi", "violence killed 612 people": the act is
            # told, its sides are not; it stands on its weapon or its toll.
            if not (event.instrument or event.deaths):
                return None
            event.confidence = UNNAMED_SIDES_CONFIDENCE
        event.place = (
            ctx.place(token)
            or _attacked_place(token, ctx)
            or _clause_place(token, ctx)
            or ctx.argument_place(token)
        )
    elif not agents and not (named_target and trig.cls in DOER_OPTIONAL and _doer_unnamed(token)):
        if named_target and trig.cls in PARTNER_NOUN_CLASSES and _partner_noun(token):
            # "The nuclear deal with Iran took effect": the deal is news, its other side
            # the text leaves unsaid
            event.confidence = min(event.confidence, UNNAMED_DOER_CONFIDENCE)
            return event
        if named_target and _doer_unplaced(token, trig, ctx):
            # "Officials demanded that Russia withdraw": people did it, whose side the
            # text does not say
            event.confidence = min(event.confidence, UNNAMED_DOER_CONFIDENCE)
            return event
        if not (named_target and ctx.backed(token, trig)):
            return None
        event.confidence = min(event.confidence, UNNAMED_DOER_CONFIDENCE)
        event.extractor = "model"  # the detector, not the frame, vouches for it
    elif not agents:
        # "Sanctions were imposed on Russia": the side acted on is named, the doer not
        event.confidence = min(event.confidence, UNNAMED_DOER_CONFIDENCE)
    elif (
        not targets
        and len(agents) < 2  # "X and Y signed an agreement": a joint act
        and not (trig.frame in ("sv", "crowd") and _has_complement(token, ctx))
    ):
        if not (_befalls_people(token, trig.preps) or _judges_an_act(token, trig)):
            if not ctx.backed(token, trig):
                return None
            event.extractor = "model"  # the detector, not the frame, vouches for it
        event.confidence = min(event.confidence, UNNAMED_TARGET_CONFIDENCE)
    if trig.cls in LOCATED_CLASSES and event.place is None:
        # "Police arrested 12 protesters in Kabul"; "Police in Lagos arrested ..."
        event.place = ctx.place(token) or ctx.argument_place(token)
    elif trig.cls in JUDGING_CLASSES and event.place is None and token.pos_ == "VERB":
        # "hailed the legislation in Bahrain": praised there; not "condemned the attack in
        # Paris", where the attack was, nor the post of the one who judges ("the US
        # ambassador in London criticised ...")
        event.place = ctx.place(token) or ctx.argument_place(token, of_subject=False)
    return event


#: Confidence of an act whose doer is named and whose object is people no side names.
UNNAMED_TARGET_CONFIDENCE = 0.5

#: The detector's probability of a trigger's category that keeps an act with one side.
BACKING = 0.5
UNNAMED_DOER_CONFIDENCE = 0.5
"""Confidence of an act on a named side whose doer the sentence does not name."""


#: Classes whose noun is news with only the partner named (classes.tsv "partner-noun").
PARTNER_NOUN_CLASSES = lexicon.classes_with("partner-noun")


def _partner_noun(token: Token) -> bool:
    """Whether an act's noun stands with no doer of its own and is no aim.

    "The nuclear deal with Iran took effect", "signed in 2015, the deal with Iran": yes;
    "worked toward a deal with Iran", "hopes for a deal with Iran": an aim, not news;
    "Israel's deal with Egypt" has its doer and is read as such; "the ceasefire between
    Israel and Hamas collapsed" tells of a truce in place, not one made.

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("The deal with Iran took effect. They worked toward a deal with Iran.")
    >>> _partner_noun(doc[1]), _partner_noun(doc[11])
    (True, False)
    >>> _partner_noun(_nlp.load()("They worked toward reaching a deal with Iran.")[6])
    False
    """
    if token.pos_ != "NOUN":
        return False
    phrase = _phrase_head(token)
    if any(c.dep_ == "poss" for c in phrase.children) or _governing_subject(phrase) is not None:
        return False
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in phrase.children):
        return False  # "the ceasefire between Israel and Hamas collapsed": told, not made
    node = phrase
    for _ in range(4):  # "work toward [reaching] a deal": an aim however deep
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ in ("toward", "towards", "for"):
            return False
        if node.head.i == node.i:
            break
        node = node.head
    return True


#: Pronouns that stand for people who act.
PEOPLE_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def _doer_unplaced(token: Token, trig: Trigger, ctx: _Context) -> bool:
    """Whether an act's doer is people the text names by a word that places them on no side.

    The active subject of the verb (or of the verb a noun is the object of) is a group,
    a title or people ("Officials demanded ...", "The gunmen seized ...", "He urged
    ..."), and resolves to no actor: someone acted, on no side the article says. So is
    a text saying or asking something (``text_nouns.txt``: "A letter urged ..."). A
    thing ("the law denies ...") or no subject at all ("a Western-backed government")
    is no doer.

    >>> from kg import nlp as _nlp
    >>> from kg.resolve import resolve
    >>> from kg.model import Article
    >>> import datetime as dt
    >>> def unplaced(text, word):
    ...     doc = _nlp.load()(text)
    ...     res = resolve(doc, Article("a", text, dt.date(2016, 1, 1)))
    ...     ctx = _Context(res, None, {})
    ...     token = next(t for t in doc if t.text == word)
    ...     return _doer_unplaced(token, trigger_for(token), ctx)
    >>> unplaced("Officials demanded that Russia withdraw.", "demanded")
    True
    >>> unplaced("The law denies Russia any say.", "denies")
    False
    >>> unplaced("A letter urged Russia to withdraw.", "urged")
    True
    """
    phrase = _phrase_head(token) if token.pos_ != "VERB" else token
    verb = phrase if token.pos_ == "VERB" else phrase.head
    if token.pos_ != "VERB" and phrase.dep_ != "dobj":
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.pos_ != "VERB" or not subjects or ctx.actors(subjects[0]):
        return False
    subject = subjects[0]
    lemma = subject.lemma_.lower()
    speech = trig.cls in SPOKEN_CLASSES | WRITTEN_CLASSES
    if subject.pos_ == "PRON":  # "It urged Russia to ...": only a side speaks
        return subject.lower_ in PEOPLE_PRONOUNS or (speech and subject.lower_ == "it")
    if speech and (lemma in lexicon.text_nouns() or lemma in lexicon.statement_nouns()):
        return True  # "A letter urged Russia to withdraw": its author asked
    return (
        subject.ent_type_ in ("PERSON", "NORP")
        or lemma in lexicon.group_nouns()
        or lemma in lexicon.titles()
        or lemma in lexicon.people_nouns()
    )


def _doer_unnamed(token: Token) -> bool:
    """Whether an act's doer is left unnamed rather than missed: a passive with no "by"
    ("sanctions were imposed on Russia", "two Russians were arrested"), or a noun no
    one's and no subject's ("sanctions on Russia remain"). An active verb whose
    subject names no actor ("officials demanded ...") has a doer the reading missed,
    and a noun modifying another ("relief officials") names a thing.
    """
    if token.pos_ == "VERB":
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
        return passive and not objects_of(token, ("by",))
    if any(c.dep_ == "poss" for c in token.children) or token.dep_ in ("compound", "amod"):
        return False  # "relief officials": a noun naming a thing
    return _governing_subject(_phrase_head(token)) is None


#: Classes that judge another's act: praise and condemnation.
JUDGING_CLASSES = lexicon.classes_with("judging")


def _judges_an_act(verb: Token, trig: Trigger) -> bool:
    """Whether a verb praises or condemns a measure or an act that names no side:
    "Soomro condemned the blast", "al-Senied praised the bill".

    >>> from kg import nlp as _nlp
    >>> trig = trigger_for(_nlp.load()("Japan praised the bill.")[1])
    >>> _judges_an_act(_nlp.load()("Japan praised the bill.")[1], trig)
    True
    >>> _judges_an_act(_nlp.load()("Japan praised the weather.")[1], trig)
    False
    """
    if trig.cls not in JUDGING_CLASSES or verb.pos_ != "VERB":
        return False
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if obj.lemma_.lower() in lexicon.judged_nouns() or _lookup(obj) is not None:
            return True
    return False


def _befalls_people(verb: Token, preps: tuple[str, ...] = ()) -> bool:
    """Whether a verb's object (or passive subject) names people and no side.

    "Police arrested three men", "detained dozens of suspects", "two journalists
    were jailed", "sanctions on seven officials": the act is done to people the
    article does not tie to a side.

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Police arrested dozens of suspects.")
    >>> _befalls_people(doc[1])
    True
    >>> _befalls_people(_nlp.load()("Police arrested the plan.")[1])
    False
    """
    if verb.pos_ not in ("VERB", "NOUN"):
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB"]
    objects += [o for o in objects_of(verb, preps) if o.dep_ == "pobj"]  # "food to refugees"
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj":  # "granted an amnesty to 400 prisoners"
        objects += [o for o in objects_of(verb.head, preps) if o.dep_ == "pobj"]
    people = lexicon.people_nouns()
    for obj in objects:
        if obj.lemma_.lower() in lexicon.count_nouns():  # "dozens of suspects"
            obj = next((o for o in objects_of(obj, ("of",))), obj)
        lemma = obj.lemma_.lower()
        if lemma in people or lemma in lexicon.group_nouns() or lemma in lexicon.titles():
            return True
    return False


def _verbal_clash(trig: Trigger, event: Event, ctx: _Context) -> bool:
    """Whether a fight is one of words: two sides or more, every one a person (or, as
    the side attacked, a news outlet), no weapon and no dead ("Sanders and Clinton
    clashed over trade", "Trump attacked Cruz", "Trump attacked CNN over its
    coverage"); "police clashed with protesters" is a fight, and so is an attack by
    gunmen on a newspaper's offices."""
    sides = event.agents + event.targets
    actors = ctx.res.actors

    def person(key: str) -> bool:
        return key not in actors or actors[key].kind == "Person"

    def press(key: str) -> bool:
        return key in actors and actors[key].label.lower() in lexicon.outlets()

    return (
        trig.plover == "FIGHT"
        and not (trig.mode or event.instrument or event.deaths)
        and len(sides) > 1
        and all(person(k) for k in event.agents)
        and all(person(k) or press(k) for k in event.targets)
    )


def _passive_auxiliary(verb: Token) -> bool:
    """Whether a verb (or the verb it is conjoined to) has a passive auxiliary with no
    subject of its own: "died after being shot and stabbed" befell the one who died.

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Cox died after being shot and stabbed.")
    >>> _passive_auxiliary(doc[4]), _passive_auxiliary(doc[6]), _passive_auxiliary(doc[1])
    (True, True, False)
    """
    for word in (verb, verb.head if verb.dep_ == "conj" else None):
        if word is not None and any(c.dep_ == "auxpass" for c in word.children):
            return not any(c.dep_ in ("nsubj", "nsubjpass") for c in word.children)
    return False


def _bare_participle(token: Token) -> bool:
    """Whether a verb is a past participle with no auxiliary ("six soldiers wounded")."""
    return token.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in token.children)


#: Confidence of an attack told with a weapon or a toll but no named side.
UNNAMED_SIDES_CONFIDENCE = 0.5
#: Confidence of an event with a side the article's country stands for ("troops").
INFERRED_SIDE_CONFIDENCE = 0.6
#: Confidence of an event whose sides were taken by position, not from the parse.
POSITION_CONFIDENCE = 0.5
#: Dependencies of a verb heading a clause of its own, not one inside a phrase.
_MAIN_CLAUSE = frozenset({"ROOT", "conj", "ccomp", "parataxis"})
#: Dependencies that give a verb a subject of its own, or make it share another's.
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "agent"})


def _has_subject(verb: Token) -> bool:
    """Whether the parse gives a verb a subject, its own or one it shares or modifies.

    A conjoined verb shares its head's subject, a participle or relative clause
    hangs on the noun it describes, and an infinitive on its governor: none of them
    lacks a subject because of a parse failure.
    """
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return True
    return verb.dep_ in ("conj", "xcomp", "acl", "relcl", "advcl", "pcomp", "amod", "ccomp") or (
        verb.dep_ != "ROOT" and verb.head.pos_ in ("NOUN", "PROPN")
    )


def _verbless_root(token: Token) -> bool:
    """Whether a noun is the root of a sentence the parser found no verb in, though it
    ends like a sentence: the verb was misread ("Greece extended congratulations to
    Cyprus." with "extended" an adjective), not missing as in a headline.
    """
    sent = token.sent
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "ROOT"
        and sent[-1].text in (".", "!")
        and not any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in sent)
    )


def nearest_actors(token: Token, ctx: _Context, before: bool) -> list[str]:
    """The actors of the nearest mention before (or after) a word in its sentence.

    Only mentions outside quotations count, none inside a clause of another verb
    ("North Korea - whose leader met Putin - accused ..." skips Putin), and none
    beyond another main-clause verb that triggers an event of its own, which would
    claim them.
    The mention's conjuncts come with it ("Egypt and Jordan - also criticised ..."
    gives both).
    """
    sent = token.sent
    span = range(token.i - 1, sent.start - 1, -1) if before else range(token.i + 1, sent.end)
    for i in span:
        other = ctx.res.doc[i]
        if other.pos_ == "VERB" and other.dep_ in _MAIN_CLAUSE and trigger_for(other):
            return []
        if i not in ctx.res.token_key or ctx.res.in_quote(other):
            continue
        head = other
        while head.head.i != head.i and ctx.res.token_key.get(head.head.i) == ctx.res.token_key[i]:
            head = head.head
        if _in_other_clause(head, token):
            continue
        return ctx.actors(head) or [ctx.res.token_key[i]]
    return []


def _in_other_clause(token: Token, trigger: Token) -> bool:
    """Whether a word hangs on a verb other than ``trigger`` on its way to the root."""
    for ancestor in token.ancestors:
        if ancestor.i == trigger.i:
            return False
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ != "amod":
            return True  # a verb misread as an adjective ("Greece extended ...") is none
    return False


def _has_complement(token: Token, ctx: _Context) -> bool:
    """Whether a word says what was done, outside quotations ("warned of", "refused to").

    A bare attribution ("..., Tillerson warned.") has none: its complement is the quote.
    """
    if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.speech_verbs():
        return True
    for child in token.children:
        if child.dep_ in ("dobj", "xcomp", "ccomp", "prep", "prt") and not ctx.res.in_quote(child):
            return True
    return False


def _names_other_event(token: Token, trig: Trigger) -> bool:
    """Whether a verb's object is a trigger of another class ("struck a deal",
    "retaliated with tariffs")."""
    if token.pos_ != "VERB":
        return False
    direct = objects_of(token)
    means = [] if direct else objects_of(token, ("with",))  # not "stormed X with the backing of Y"
    for obj in direct + means:
        other = trigger_for(obj)
        if other is not None and other.cls != trig.cls and other.cls not in BACKING_CLASSES:
            return True
    return False


#: Classes of an act done beside another, never instead of it ("with US backing").
BACKING_CLASSES = lexicon.classes_with("backing")


def _governed_objects(token: Token, ctx: _Context) -> list[Token]:
    """Who the clause a verb governs acts on, or who must act in it.

    "threatened to expel the envoy" → envoy; "demanded that Ecuador pay" → Ecuador;
    "threatened to leave unless Iraq pays" → Iraq.
    """
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            act = trigger_for(child)
            if act is not None and act.cls in OWN_OBJECT_CLASSES:  # "to pull its men out of X"
                out += [o for o in objects_of(child, ("from", "of")) if o.dep_ == "pobj"]
            else:
                out += objects_of(child, ("with", "against", "on", "from", "to"))
        elif _for_to_clause(child) and not ctx.res.in_quote(child):
            # "called for Russia to withdraw": the one asked is the clause's subject
            out += [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
        elif child.dep_ == "ccomp" and not ctx.res.in_quote(child):
            subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects and child.pos_ not in ("VERB", "AUX"):
                # "demanded that [Turkey apologise]" parsed as a noun with a compound
                subjects = [c for c in child.lefts if c.dep_ == "compound"]
            out += subjects
    out += _condition_subjects(token)
    return out


def _for_to_clause(clause: Token) -> bool:
    """Whether a verb's clause is a for-to infinitive: "called [for Russia to withdraw]".

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("The EU called for Russia to withdraw.")
    >>> _for_to_clause(doc[6]), _for_to_clause(doc[2])
    (True, False)
    """
    return clause.dep_ in ("advcl", "ccomp", "xcomp") and any(
        m.dep_ == "mark" and m.lower_ == "for" and m.i < clause.i for m in clause.children
    )


def _condition_subjects(token: Token) -> list[Token]:
    """Who must meet the condition an act is made on: "... unless [Iraq] pays"."""
    condition = _condition(token)
    if condition is None:
        return []
    return [c for c in condition.children if c.dep_ in ("nsubj", "nsubjpass")]


def _clauses(token: Token, ctx: _Context) -> list[Token]:
    """Verbs of the clauses a verb governs, outside quotations, purposes included.

    "threatened [to break ties with X]", "blocked roads [to press demands on X]".
    """
    return [
        c
        for c in token.children
        if c.pos_ in ("VERB", "AUX")
        and not ctx.res.in_quote(c)
        and (
            c.dep_ in ("xcomp", "ccomp")
            or c.dep_ == "advcl"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        )
    ]


#: Prepositions whose objects may hold the side an act concerns ("reneged on its pledge to X").
NESTED_PREPS = ("to", "with", "from", "by", "for", "against", "of", "over", "into", "about", "on")
LOCATED_TARGET = lexicon.classes_with("located-target")


#: Classes whose unnamed doers are a crowd ("Demonstrations continued in Bujumbura").
CROWD_DOERS = lexicon.classes_with("crowd-doer")


def _told_as_act(token: Token) -> bool:
    """Whether a word tells an act of its own: a verb, or a noun that is its clause's
    subject or root ("Demonstrations continued"); not an occasion or a reason ("spoke at
    a rally", "demonstrated in protest against Peru").

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Obama spoke at a rally after protests erupted.")
    >>> _told_as_act(doc[4]), _told_as_act(doc[6])
    (False, True)
    """
    if token.pos_ == "VERB":
        return not any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
    return token.dep_ in ("nsubj", "nsubjpass", "ROOT")


def _crowd_doers(token: Token, ctx: _Context) -> list[str]:
    """The protesters of the country an act with no named doer is done in: its sentence's
    place, else the article's country ("Demonstrations against the government
    continued in Bujumbura": Burundian protesters), as an inferred group."""
    where = _located_side(token, ctx)
    if not where and ctx.res.local:
        where = [ctx.res.country(ctx.res.local)]
    sector = lexicon.group_nouns()["protester"]  # "activists"
    return [ctx.res.group_actor(side, sector, token, inferred=True) for side in where[:1]]


def _located_side(token: Token, ctx: _Context) -> list[str]:
    """The country an act is done in: a country, or a capital standing for one."""
    for node in (token, clause_verb(token)):
        for prep, obj in prep_chain(node):
            if prep.lower_ not in ("in", "inside", "within"):
                continue
            key = ctx.res.token_key.get(obj.i)
            country = _country_of_place(key, ctx) if key else None
            if country:
                return [country]  # "lifted the curfew in Algiers", "... in Aleppo"
    return []


#: Dependencies followed into a phrase when looking for the side it concerns.
NESTED_DEPS = frozenset({"prep", "pobj", "dobj", "dative", "poss", "amod", "compound", "nmod"})
NESTED_DEPS |= frozenset({"conj", "appos", "acl", "pcomp", "agent", "relcl"})


def _nested_actors(
    token: Token,
    ctx: _Context,
    exclude: list[str],
    first: frozenset[str] = NESTED_DEPS,
    settings: bool = True,
) -> list[str]:
    """The nearest actors inside a phrase: "calls by Belarus's rulers" → Belarus.

    Breadth first through its modifiers and prepositional phrases (at the first
    level, only the dependencies in ``first``), a few levels deep, stopping at the
    first level that names an actor not in ``exclude``. Without ``settings``, not into
    a phrase of where ("hailed the legislation in Bahrain").
    """
    frontier = [c for c in token.children if c.dep_ in first and (settings or not _setting(c))]
    for _ in range(6):
        found = [k for t in frontier if t.pos_ != "PRON" for k in ctx.actors(t) if k not in exclude]
        if found:
            return list(dict.fromkeys(found))
        frontier = [
            c
            for t in frontier
            for c in t.children
            if (
                c.dep_ in NESTED_DEPS
                and (settings or not _setting(c))
                and (t.pos_ != "VERB" or t.dep_ == "acl" and c.dep_ == "agent")
            )
            or _proposer(t, c)
        ]  # into a clause only through a participle's agent: "a march staged by X", or
        # to who proposed it: "the border which Japan proposed"
        if not frontier:
            break
    return []


def _setting(prep: Token) -> bool:
    """Whether a phrase says where something is, not whose: "the legislation [in Bahrain]"
    (hailed in Bahrain), "the attack [near Kabul]".

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Bush hailed the legislation in Bahrain.")
    >>> _setting(doc[4]), _setting(doc[3])
    (True, False)
    """
    return prep.dep_ == "prep" and prep.lower_ in ("in", "at", "near", "inside", "outside")


def _proposer(clause: Token, word: Token) -> bool:
    """Whether ``word`` is the subject of a relative clause saying who proposed the noun
    it describes ("the border which Japan has proposed")."""
    return (
        clause.dep_ == "relcl"
        and word.dep_ == "nsubj"
        and clause.lemma_.lower() in lexicon.proposal_verbs()
    )


def _condition(token: Token) -> Token | None:
    """The verb of an "if" / "unless" clause on a word's clause, if any."""
    verb = clause_verb(token)
    nodes = [verb, verb.head] if verb.dep_ in ("xcomp", "ccomp") else [verb]
    nodes += [c for c in verb.children if c.dep_ == "xcomp"]  # "threatened to stop ... if"
    for node in nodes:
        for child in node.children:
            # "to leave if Israel agrees" is often parsed as the object clause of "leave"
            questioned = child.dep_ == "ccomp" and node.lemma_.lower() in QUESTION_VERBS
            if (
                child.dep_ in ("advcl", "ccomp")
                and not questioned
                and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children)
            ):
                return child
    return None


NO_INTENT = lexicon.classes_with("no-intent")
REFUSABLE = lexicon.classes_with("refusable")
#: Modal verbs by which a speaker says another side has to act ("said X must go").
OBLIGATION = frozenset({"must", "should"})


def _promises_harm(token: Token) -> bool:
    """Whether a promise is of a hostile act: "vowed to retaliate", "pledged to fight on".

    Such a promise is a threat (PLOVER's THREATEN), not an agreement.
    """
    for child in token.children:
        if child.dep_ == "xcomp":
            act = trigger_for(child)
            if act is not None and (act.goldstein or 0.0) < 0:
                return True
    return False


def _derived_reading(token: Token, trig: Trigger, event: Event) -> str | None:
    """Which event of ``lexicons/derived.tsv`` how ``event`` is reported implies, if any.

    A promised or planned act is an intent (hostile when the act is, or when it is
    made conditional); a negated cooperative act is a refusal.
    """
    if event.modality == "planned" and trig.cls not in NO_INTENT:
        if in_condition(token):
            return None  # "if the US goes ahead with the planned deployment": no one's intent
        verb = clause_verb(token)
        governor = trigger_for(verb.head) if verb.dep_ in ("xcomp", "ccomp") else None
        hostile = (trig.goldstein or 0.0) < 0 or _condition(token) is not None
        if governor is not None and governor.cls in NO_INTENT:
            if not (hostile and governor.mode == "promise"):
                return None  # "agreed to release": the agreement is read from "agreed"
        return "intent-conflict" if hostile else "intent-cooperate"
    if event.modality == "negated" and trig.cls in REFUSABLE:
        return "refuse"
    return None


def _derive(token: Token, event: Event, reading: str, ctx: _Context) -> Event | None:
    """The realised event ``reading`` derives from ``event``: same sides, its own class."""
    derived = _base(token, lexicon.derived()[reading], ctx)
    derived.confidence = min(derived.confidence, DERIVED_CONFIDENCE)
    derived.agents = list(event.agents) or [a for a in event.participants[:1]]
    derived.targets = list(event.targets) or [p for p in event.participants[1:]]
    if not derived.targets:
        for subject in _condition_subjects(token):
            derived.targets += [k for k in ctx.actors(subject) if k not in derived.agents]
    return derived if derived.agents else None


def _labelled_acts(ctx: _Context, taken: set[int]) -> list[tuple[int, Event]]:
    """Criticism or praise told by a label: "Rice described the incident as provocative",
    "Maduro branded the sanctions an act of aggression", "called the deal historic".

    A verb of ``lexicons/label_verbs.txt`` whose words after it hold a judgement of
    ``lexicons/judgements.tsv`` is an Accusation or a Support by its subject, aimed
    at the side the labelled thing names ("Iran's moves"); a label naming no side
    ("described that as a dangerous state of affairs") judges no one.
    """
    out: list[tuple[int, Event]] = []
    judgements = lexicon.judgements()
    verbs = lexicon.label_verbs()
    for token in ctx.res.doc:
        if token.i in taken or token.pos_ != "VERB" or token.lemma_.lower() not in verbs:
            continue
        if ctx.res.in_quote(token):
            continue
        after = [t for t in token.subtree if t.i > token.i and t.sent == token.sent]
        cls = next(
            (judgements[t.lemma_.lower()] for t in after if t.lemma_.lower() in judgements), None
        )
        agents = ctx.actors(subject_of(token))
        if cls is None or not agents:
            continue
        labelled = [c for c in token.children if c.dep_ == "dobj"][:1]
        targets = [k for obj in labelled for k in ctx.actors(obj) if k not in agents]
        if not targets:
            continue  # "described that as a dangerous state of affairs": no side judged
        trig = lexicon.triggers()[("criticize" if cls == "Accusation" else "praise", "VERB")]
        event = _base(token, trig, ctx)
        event.agents, event.targets = agents, targets
        event.modality = modality_of(token, cls)
        out.append((token.i, event))
    return out


QUOTED_CONFIDENCE = 0.6
"""Confidence of an act told inside a quotation: between two sides it names, or a
speech act the speaker makes in the first person."""
FIRST_PERSON = frozenset({"i", "we"})


def _quoted_acts(
    ctx: _Context, speakers: Sequence[tuple[int, int, str]]
) -> list[tuple[int, Event]]:
    """Speech acts a speaker makes in the first person inside a quotation: the speaker's.

    '"We demand the release of our soldiers," Nasrallah said' is a demand by
    Nasrallah: saying it does it (classes marked ``spoken`` in ``classes.tsv``). Other
    first-person acts ("we met with India") stay out, and so do negated or asked
    ones; acts between two sides a quotation names are read with the rest.
    """
    out: list[tuple[int, Event]] = []
    doc = ctx.res.doc
    for start, end, speaker in speakers:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            trig = trigger_for(token)
            if trig is None or token.pos_ != "VERB":
                continue
            if trig.cls not in SPOKEN_CLASSES or trig.frame not in ("svo", "sv", "prep", "bid"):
                continue
            own = [c for c in token.children if c.dep_ == "nsubj"]  # not a controller's
            if not any(c.lower_ in FIRST_PERSON for c in own):
                continue
            modality = modality_of(token, trig.cls)
            if modality in ("negated", "hypothetical"):
                continue
            event = _base(token, trig, ctx)
            event.confidence = min(event.confidence, QUOTED_CONFIDENCE)
            event.agents = [speaker]
            targets, _ = find_targets(token, trig, ctx, [speaker])
            event.targets = [t for t in dict.fromkeys(targets) if t != speaker]
            if trig.cls in AIMED_CLASSES and not event.targets:
                continue  # "we condemn": whom, the quotation does not say
            event.modality = modality
            out.append((token.i, event))
            reading = _derived_reading(token, trig, event)
            if reading is not None:
                derived = _derive(token, event, reading, ctx)
                if derived is not None:
                    out.append((token.i, derived))
    return out


def _must_demands(ctx: _Context) -> list[tuple[int, Event]]:
    """ "X said Y must (or should) act": a demand by X on Y."""
    out: list[tuple[int, Event]] = []
    for token, clause in _reported_clauses(ctx):
        if any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in clause.children):
            agents = ctx.actors(subject_of(token))
            targets: list[str] = []
            for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
                targets += [k for k in ctx.actors(subject) if k not in agents]
            if agents and targets:
                event = _base(token, lexicon.derived()["demand-must"], ctx)
                event.agents, event.targets = agents, list(dict.fromkeys(targets))
                out.append((token.i, event))
    return out


def _reported_clauses(ctx: _Context) -> Iterator[tuple[Token, Token]]:
    """(speech verb, verb of a clause it reports) for every speech verb outside quotes."""
    speech = lexicon.speech_verbs()
    for token in ctx.res.doc:
        if token.pos_ == "VERB" and token.lemma_.lower() in speech and not ctx.res.in_quote(token):
            for clause in _clauses(token, ctx):
                yield token, clause


def _fate_threats(ctx: _Context) -> list[tuple[int, Event]]:
    """ "X said Y would face consequences": a threat by X to Y. A speech verb whose
    clause has a future or modal and a fate of ``lexicons/threat_fates.txt`` ("face
    consequences", "pay a heavy price", "regret") promises that fate to the clause's
    subject. Not "Y faced consequences" told as past, nor "X said it would pay".
    """
    out: list[tuple[int, Event]] = []
    fates = lexicon.threat_fates()
    for token, clause in _reported_clauses(ctx):
        if not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in clause.children):
            continue
        lemma = clause.lemma_.lower()
        objects = [f"{lemma} {o.lemma_.lower()}" for o in objects_of(clause)]
        if lemma not in fates and not fates.intersection(objects):
            continue
        agents = ctx.actors(subject_of(token))
        targets = [
            k
            for subject in clause.children
            if subject.dep_ == "nsubj"
            for k in ctx.actors(subject)
            if k not in agents
        ]
        if agents and targets:
            event = _base(token, lexicon.derived()["intent-conflict"], ctx)
            event.agents, event.targets = agents, list(dict.fromkeys(targets))
            out.append((token.i, event))
    return out


#: Auxiliaries by which a clause tells what is to come ("would face", "will pay").
FUTURE_AUXILIARIES = frozenset({"will", "would", "'ll", "shall"})


def _body_key(token: Token | None, ctx: _Context) -> str | None:
    """The voting body a phrase names ("the UN Security Council", "Kenya's parliament").

    A body is an organisation, or a country's group, whose name has a word of
    ``lexicons/votes.tsv`` with the role ``body``, or that the phrase names with one.
    """
    if token is None:
        return None
    bodies = lexicon.vote_words().get("body", frozenset())
    for key in ctx.actors(token, ("Organization", "Group")):
        words = {w.lower() for w in ctx.res.actors[key].label.split()}
        if words & bodies or token.lemma_.lower() in bodies:
            return key
    return None


def _vote_verb(token: Token, ctx: _Context) -> Event | None:
    """A vote a verb reports without the word "vote": an election or a decided measure.

    "Parliament elected X speaker", "X was confirmed by the Senate" (the one chosen
    is the target, the body that chose the body); "the assembly passed the bill"
    (a measure decided by a body: the measure is the motion).
    """
    words = lexicon.vote_words()
    lemma = token.lemma_.lower()
    elect = lemma in words.get("elect", frozenset())
    if token.pos_ != "VERB" or not (elect or lemma in words.get("decide", frozenset())):
        return None
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in token.children):
        return None  # "if he is elected": a condition, not a vote
    passive = any(c.dep_ == "nsubjpass" for c in token.children)
    chosen = [c for c in token.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    deciders = objects_of(token, ("by",)) if passive else [subject_of(token)]
    body = next((k for k in (_body_key(d, ctx) for d in deciders) if k), None)
    event = _base(token, lexicon.triggers()[("vote", "NOUN")], ctx)
    event.trigger, event.body = token.text, body
    event.place = ctx.place(token)
    if elect:
        event.targets = [k for c in chosen for k in ctx.actors(c, ("Person",))]
        # "Parliament elected the opposition's choice as speaker": the body is named
        return event if event.targets or body else None
    measures = [c for c in chosen if c.lemma_.lower() in words.get("measure", frozenset())]
    if body is None or not measures:
        return None
    event.motion = _motion_text(measures[0])
    return event


#: Prepositions that stay in the words of a motion ("a resolution on Syria").
MOTION_PREPS = frozenset({"of", "on", "to", "for", "against", "about", "over", "in"})


def _motion_text(measure: Token) -> str:
    """The words of a measure's phrase, without the clauses and settings hung on it.

    "the resolution on Syria, with China abstaining" → "the resolution on Syria".
    """
    end = measure.i
    for child in measure.rights:
        if child.dep_ == "prep" and child.lower_ not in MOTION_PREPS or child.dep_ == "punct":
            break
        end = child.right_edge.i
    return measure.doc[measure.left_edge.i : end + 1].text


def _merge_votes(events: list[tuple[int, Event]]) -> list[tuple[int, Event]]:
    """One realised Vote per sentence: the clauses reporting a vote are merged into one.

    "voted 13-0 to adopt the resolution, with China abstaining": the ballots, the body,
    the motion and those voted for gather on the sentence's first Vote.
    """
    first: dict[int, Event] = {}
    out: list[tuple[int, Event]] = []
    for i, event in events:
        sent = event.evidence.char_start if event.cls == "Vote" and not event.modality else None
        if sent is None or sent not in first:
            if sent is not None:
                first[sent] = event
            out.append((i, event))
            continue
        kept = first[sent]
        _merge_into(kept, event)
        kept.body, kept.motion = kept.body or event.body, kept.motion or event.motion
        voters = {b.voter for b in kept.ballots}
        kept.ballots += [b for b in event.ballots if b.voter not in voters]
    return out


def _join_elections(events: list[tuple[int, Event]]) -> list[tuple[int, Event]]:
    """An election told by its body in one sentence and by its winner in another is one.

    "Parliament elected the opposition's choice as speaker ... Marende was elected
    on the third vote": the winner joins the body's vote when neither names a motion
    and each names what the other lacks.
    """
    out: list[tuple[int, Event]] = []
    for i, event in events:
        if event.cls == "Vote" and not event.modality and not event.motion:
            other = next(
                (
                    e
                    for _, e in out
                    if e.cls == "Vote"
                    and not e.modality
                    and not e.motion
                    and bool(e.body) != bool(event.body)
                    and bool(e.targets) != bool(event.targets)
                    and bool(e.body) == bool(event.targets)
                ),
                None,
            )
            if other is not None:
                _merge_into(other, event)
                other.body = other.body or event.body
                continue
        out.append((i, event))
    return out


def _won(token: Token, ctx: _Context) -> Event | None:
    """An election a candidate won or lost: "X won the presidential election"."""
    words = lexicon.vote_words()
    if token.lower_ not in words.get("election", frozenset()) and token.lemma_.lower() not in (
        words.get("election", frozenset())
    ):
        return None
    if token.dep_ != "dobj" or token.head.lemma_.lower() not in words.get("candidate", ()):
        return None
    event = _vote(token, ctx)
    return event if event.targets else None


def _vote(token: Token, ctx: _Context) -> Event:
    trig = lexicon.triggers()[("vote", "NOUN")]
    event = _base(token, trig, ctx)
    if token.dep_ == "dobj" and token.head.lemma_.lower() in lexicon.vote_words().get(
        "candidate", frozenset()
    ):  # "X received 105 votes": the votes were cast for X
        event.targets += ctx.actors(subject_of(token.head), ("Person", "Organization"))
    event.place = ctx.place(token)
    for child in token.children:
        if child.dep_ in ("compound", "nmod", "poss", "amod"):
            key = ctx.res.token_key.get(child.i)
            if key and ctx.res.actors[key].kind == "Organization":
                event.body = key
            event.body = event.body or _body_key(child, ctx)
        if child.dep_ in ("acl", "relcl"):
            event.motion = ctx.res.doc[child.i : child.right_edge.i + 1].text
            for obj in objects_of(child):
                event.targets += ctx.actors(obj)
        if child.dep_ == "prep" and child.lower_ in ("on", "by"):
            for obj in child.children:
                if child.lower_ == "by":
                    key = ctx.res.token_key.get(obj.i)
                    if key and ctx.res.actors[key].kind == "Organization":
                        event.body = key
                elif obj.ent_type_ not in ("DATE", "TIME"):  # "a vote on Monday" is a day
                    event.motion = _motion_text(obj)
    return event


def _choice(token: Token, trig: Trigger) -> str | None:
    choice = trig.frame.partition(":")[2]
    if trig.word != "vote":
        return choice
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "against":
            return "No"
        if child.dep_ == "prep" and child.lower_ in ("for", "in"):
            return "Yes"
        if child.dep_ == "xcomp":
            return "Yes"
    return None


def _last_told(events: list[tuple[int, Event]], token: Token, cls: str) -> Event | None:
    """The last realised event of a class told in an earlier sentence, if any."""
    start = token.sent.start
    for i, event in reversed(events):
        if i < start and event.cls == cls and not event.modality:
            return event
    return None


def _refers_back(earlier: Event, later: Event) -> bool:
    """Whether a definite event noun ("the attack", "the talks") can retell an earlier act.

    Not when the sides swap roles ("A attacked B ... the attack by B on A"), not a
    meeting with none of the same people, not an act on a side the earlier one
    does not name, and not an act with another doer (an attack aside: a group that
    claims "the attack" is its doer).

    >>> from kg.model import Evidence
    >>> ev = Evidence("s", 0, 1)
    >>> first = Event("Attack", "killed", ev, agents=["org:taliban"], targets=["org:tolo"])
    >>> _refers_back(first, Event("Attack", "attack", ev, agents=["org:ttp"]))
    True
    >>> _refers_back(first, Event("Attack", "attack", ev, targets=["org:taliban"]))
    False
    >>> _refers_back(first, Event("Attack", "assassination", ev, targets=["person:bhutto"]))
    False
    """
    if set(earlier.agents) & set(later.targets) or set(earlier.targets) & set(later.agents):
        return False
    if earlier.cls == "Meeting":
        return not later.participants or bool(set(later.participants) & set(earlier.participants))
    if not set(later.targets) <= set(earlier.actors()):
        return False  # "the assassination of Bhutto" is another act than the blast told
    if earlier.cls == "Attack" or not later.agents or not earlier.agents:
        return True
    return bool(set(earlier.agents) & set(later.agents))


def _merge_into(target: Event, source: Event) -> None:
    for name in ("place", "date", "date_text", "instrument", "quantity", "deaths"):
        if getattr(target, name) is None and getattr(source, name) is not None:
            setattr(target, name, getattr(source, name))
    if target.deaths_qualifier is None:
        target.deaths_qualifier = source.deaths_qualifier
    for name in ("agents", "targets", "participants", "about"):
        merged = list(dict.fromkeys(getattr(target, name) + getattr(source, name)))
        setattr(target, name, merged)


CONTENT_TAKERS = lexicon.classes_with("content-taker")
CONTENT_NOUNS = lexicon.classes_with("content-noun")
OCCASION_CLASSES = lexicon.classes_with("occasion")

TOPIC_PREPS = frozenset({"of", "into", "for", "over", "about", "on"})
"""Prepositions by which an event noun names the topic of another ("inquiry into")."""

AIMED_CLASSES = lexicon.classes_with("aimed")

TARGETLESS_CONFIDENCE = 0.6
"""Confidence of an act of :data:`AIMED_CLASSES` whose other side is not named."""

DERIVED_CONFIDENCE = 0.6
"""Confidence of an event read from how another is reported (``lexicons/derived.tsv``)."""

WRITTEN_CLASSES = lexicon.classes_with("written")

TIME_MARKS = frozenset({"before", "after", "until", "till", "once", "when", "if", "unless"})
"""Conjunctions of a clause whose present tense speaks of a time to come."""

UNCERTAIN_CONFIDENCE = 0.5
"""Confidence of an event read from a doubtful use of its trigger: dated to a past year
(perhaps background only), a noun modifying another ("protest leaders"), a question."""

PAST_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
YEARS_AGO = re.compile(r"\b(years|decades?)\s+(ago|earlier|before)\b", re.I)


def _modifier_use(token: Token, trig: Trigger) -> bool:
    """Whether a trigger noun only classifies the noun after it, naming no act.

    "Riot police", "attack helicopters" and "the talks process" name things.
    """
    return (
        token.pos_ in ("NOUN", "PROPN")
        and trig.frame != "weapon"
        and token.dep_ in ("compound", "nmod", "amod")
        and token.head.pos_ in ("NOUN", "PROPN")
        and token.i < token.head.i
        and token.head.lemma_.lower() not in lexicon.act_heads()
        and trigger_for(token.head) is None
    )


#: Prepositions that set an act in time or circumstance: the event named after them
#: happened too ("during a visit", "after talks", "amid clashes").
SETTING_PREPS = lexicon.setting_preps()


def _content_of_act(token: Token, trig: Trigger) -> bool:
    """Whether a trigger noun names what another act is about, not an act of its own.

    "rejected a US offer to host a summit", "conceded to demands from X": the
    offer and the demands are the rejected or conceded thing. An attack so named
    ("blamed X for the bombing") or a sanction so named stays an event.
    """
    if token.pos_ != "NOUN" or trig.cls not in CONTENT_NOUNS:
        return False
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        prep, head = head, head.head
        if head.pos_ == "NOUN" and prep.lower_ in TOPIC_PREPS:  # "investigation into an allegation"
            other = trigger_for(head)
            return other is not None and other.cls != trig.cls
        if prep.lower_ in SETTING_PREPS:
            return False  # "signed a declaration during Erdogan's visit": an act of its own
        if prep.lower_ in ("in", "at") and trig.cls in OCCASION_CLASSES:
            return False  # "urged Moscow in a phone call with Putin": the call took place
    elif token.dep_ not in ("dobj", "nsubjpass"):
        return False
    if head.i == token.i or head.pos_ not in ("VERB", "NOUN"):
        return False
    other = trigger_for(head)
    return other is not None and other.cls != trig.cls and other.cls in CONTENT_TAKERS


def _demand_use(token: Token, trig: Trigger) -> str | None:
    """How a demand verb with a clause and no object uses it, when not as a demand.

    "asked what X can expect" is a ``"question"`` (perhaps a request for word),
    "insisted that he had nothing to say" an ``"assertion"`` of a fact;
    "insisted that X withdraw" or "... that X must go" is a demand (None).
    """
    if trig.cls != "Demand" or token.pos_ != "VERB":
        return None
    if any(c.dep_ in ("dobj", "xcomp") for c in token.children):
        return None
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    if not clauses:
        return None
    clause = clauses[0]
    words = list(clause.subtree)
    if any(w.tag_ in ("WDT", "WP", "WRB") or w.lower_ in ("whether", "if") for w in words[:3]):
        return "question"
    if any((c.dep_ == "aux" and c.tag_ == "MD") or c.dep_ == "xcomp" for c in clause.children):
        return None  # "insisted that X must go", "... that X had to go"
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause.children)
    return "assertion" if clause.tag_ == "VBD" or (clause.tag_ == "VBN" and perfect) else None


def _time_clause(token: Token) -> bool:
    """Whether a trigger verb is in the present tense in a clause of time or condition.

    "... will decide after he meets X", "before Bush leaves office": the act is
    still to come, not reported.
    """
    return (
        token.tag_ in ("VBZ", "VBP")
        and token.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in token.children)
    )


def _purpose(token: Token, trig: Trigger) -> bool:
    """Whether a trigger verb states the aim of another act, not an act of its own.

    "sent envoys to support the talks", "moved troops to help end the strike":
    the aim explains the act. An aim of the same class is that act, and a demand
    or protest is made by the act done for it ("blocked roads to demand jobs").
    """
    head = trigger_for(token.head) if token.dep_ == "advcl" else None
    return (
        head is not None
        and head.cls != trig.cls
        and trig.cls not in ("Demand", "Protest")
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    )


def _motive(token: Token) -> bool:
    """Whether an event noun gives the motive of another act: "in retaliation for X",
    "in response to Y" (the act is what was done in retaliation).

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Russia expelled envoys in retaliation for the raid.")
    >>> _motive(doc[4]), _motive(doc[7])
    (True, False)
    """
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "pobj"
        and token.head.lower_ == "in"
        and any(c.dep_ == "prep" and c.lower_ in ("for", "to") for c in token.children)
    )


def _withholds(token: Token, trig: Trigger, named: Mapping[int, str]) -> bool:
    """Whether a refusal only withholds information: "declined to comment", "refused
    to say whether ...", "refused to take questions" (``lexicons/withheld_acts.txt``).

    Talks refused with a side named are a refusal still: "refused to talk to the US".
    """
    if trig.cls != "Reject":
        return False
    acts = lexicon.withheld_acts()
    for child in token.children:
        if child.dep_ != "xcomp":
            continue
        lemma = child.lemma_.lower()
        objects = [o.lemma_.lower() for o in child.children if o.dep_ == "dobj"]
        if not (lemma in acts or any(f"{lemma} {o}" in acts for o in objects)):
            continue
        act = trigger_for(child)
        partners = objects_of(child, act.preps) if act is not None else []
        return not any(t.i in named for p in partners for t in p.subtree)
    return False


def _issues_alone(token: Token, trig: Trigger) -> bool:
    """Whether an agreement verb's object is an instrument one side issues alone:
    "Putin signed a decree", "signed the bill into law" (``unilateral_instruments.txt``).
    """
    if trig.cls != "Agree" or token.pos_ != "VERB":
        return False
    instruments = lexicon.unilateral_instruments()
    into_law = any(  # "signed the bill into law"
        p.dep_ == "prep" and p.lower_ == "into" and o.lemma_.lower() == "law"
        for p in token.children
        for o in p.children
    )
    return into_law or any(
        c.dep_ == "dobj" and c.lemma_.lower() in instruments for c in token.children
    )


def _generic(token: Token, trig: Trigger) -> bool:
    """Whether a trigger verb describes what its subject habitually does, not an act.

    A relative clause in the simple present ("militants who bombard the south",
    "a group that attacks convoys") characterises a noun; "who bombarded" reports.
    A demand stays one: "a resolution that demands a withdrawal" is what it says.
    """
    first = token
    while first.dep_ == "conj" and first.head.pos_ == "VERB" and first.tag_ == first.head.tag_:
        first = first.head  # "militants who bombard X and attack Y": both habitual
    return (
        trig.cls not in WRITTEN_CLASSES
        and token.tag_ in ("VBZ", "VBP")
        and first.dep_ == "relcl"
        and not any(c.dep_ in ("aux", "auxpass") for c in (token, first) for c in c.children)
    )


LAST_YEAR = re.compile(r"\b(last|previous) year\b|\ba year (ago|earlier|before)\b", re.I)


def _dates_phrase_of(root: Token, verb: Token) -> bool:
    """Whether a date dates a phrase on a verb: "captured X in the [1967] war"."""
    node = root
    while node.dep_ in ("compound", "nmod", "amod", "nummod", "poss") and node.head.i != node.i:
        node = node.head
    return node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.i == verb.i


def _background(token: Token, ctx: _Context) -> bool:
    """Whether an event is dated to a past year: background, not the news reported.

    "pulled its troops out of Lebanon in 2005" or "seized 15 sailors two years
    ago" in an article published later.
    """
    published = ctx.line.published
    if published is None:
        return False
    verb = clause_verb(token)
    for ent in sentence_ents(token):
        if ent.label_ not in ("DATE", "EVENT"):  # "in 2005", "in the 1967 war"
            continue
        root = ent.root
        in_clause = verb.dep_ == "relcl" and verb.head.i == root.i  # "in 1980, when X ..."
        if not (
            in_clause
            or clause_verb(root).i == verb.i
            or root.head.i == token.i
            or _dates_phrase_of(root, verb)
        ):
            continue
        if LAST_YEAR.search(ent.text):  # "in March last year"
            return True
        years = [int(y) for y in PAST_YEAR.findall(ent.text)]
        if not in_clause and root.head.lower_ in ("since", "until"):
            # a state lasting to now: the news unless it began years ago ("since 1984")
            if years and max(years) < published.year - 1 and token.pos_ == "VERB":
                return True
            continue
        if years and max(years) < published.year - 1:  # not last December's news
            return True
        if YEARS_AGO.search(ent.text):
            return True
    return False


def extract_events(
    res: Resolution,
    line: Timeline,
    speakers: Sequence[tuple[int, int, str]] = (),
    scores: Mapping[int, Mapping[str, float]] | None = None,
) -> list[Event]:
    """Events of an article, in reading order, merged where they repeat.

    ``speakers`` are the article's attributed quotations as (first character, end,
    speaker key): what a speaker says "we" or "I" do in one is the speaker's act.
    ``scores`` are the learned detector's category probabilities of each sentence,
    by its first character, when builds use it to find events (:mod:`kg.detect`).
    """
    ctx = _Context(res, line, scores or {})
    events: list[tuple[int, Event]] = []
    by_token: dict[int, Event] = {}
    ballots: list[tuple[Token, Trigger]] = []
    for token in res.doc:
        elected = None if res.in_quote(token) else _vote_verb(token, ctx) or _won(token, ctx)
        if elected is not None:
            if not modality_of(token, "Vote"):
                by_token[token.i] = elected
                events.append((token.i, elected))
            continue
        trig = trigger_for(token)
        if trig is None:
            continue
        if _time_clause(token) or _generic(token, trig) or _purpose(token, trig):
            continue
        if _withholds(token, trig, res.token_key) or _issues_alone(token, trig):
            continue
        if _motive(token):
            continue
        if trig.mode == "promise" and _promises_harm(token):
            continue  # "pledged to fight on": a threat, read from the act promised
        uncertain = (
            _background(token, ctx)
            or _modifier_use(token, trig)
            or _demand_use(token, trig) is not None
        )
        modality = modality_of(token, trig.cls)
        if modality is None and _content_of_act(token, trig):
            continue
        if modality and (trig.frame in ("vote", "anaphor") or trig.frame.startswith("ballot:")):
            continue
        if trig.frame.startswith("ballot:"):
            ballots.append((token, trig))
            continue
        head_trig = trigger_for(token.head) if token.dep_ in ("acl", "relcl", "advcl") else None
        if head_trig is not None and head_trig.cls == "Vote" and token.dep_ != "advcl":
            continue  # "a vote condemning X" states the motion, not an accusation
        if head_trig is not None and head_trig.cls == trig.cls == "Attack":
            told = any(i == token.head.i and e.cls == "Attack" for i, e in events)
            told = told or token.head.pos_ != "VERB" or token.head.i > token.i
            if _attack_harm(token) and told:
                continue  # "bombed X, killing 14": the harm done by that attack
            # "a sniper fired into Israel, killing a volunteer": the firing made no
            # event of its own (no weapon named), so the killing tells the attack
        found: list[Event] = []
        if trig.frame == "vote":
            event = _vote(token, ctx)
            by_token[token.i] = event
            events.append((token.i, event))
            continue
        if trig.frame == "meet":
            found = _meeting(token, trig, ctx)
        elif trig.frame in ("svo", "sv", "prep", "weapon", "goods", "armed", "bid", "crowd"):
            attack = _svo(token, trig, ctx)
            found = [attack] if attack else []
        if trig.two_sided:  # a word of the broad vocabulary: only an act between two sides
            found = [e for e in found if len(e.actors()) > 1 or _befalls_people(token, trig.preps)]
        for event in list(found):
            event.modality = modality
            reading = _derived_reading(token, trig, event)
            if reading is not None:
                derived = _derive(token, event, reading, ctx)
                found += [derived] if derived else []
        if not found and _is_anaphor(token, trig):
            if modality:
                continue
            previous = [e for _, e in events if e.cls == trig.cls and not e.modality]
            if previous and trig.cls == "Attack":
                extra = _base(token, trig, ctx)
                extra.deaths, extra.deaths_qualifier = _deaths(token)
                extra.place = ctx.place(token)  # "in the latest fighting in Mannar"
                extra.date = extra.date_text = None
                _merge_into(previous[-1], extra)
            continue
        if found and not modality and _is_anaphor(token, trig) and trig.cls not in ("Vote",):
            earlier = _last_told(events, token, trig.cls)
            if earlier is not None and all(_refers_back(earlier, e) for e in found):
                for event in found:  # "... The attack on Tolo TV staff came after ..."
                    event.date = event.date_text = None
                    _merge_into(earlier, event)
                continue
        if res.in_quote(token):
            # '"Russian jets bombed Aleppo," the monitor said' reports the bombing; a
            # quotation names a side less surely, and an act without two named sides
            # in it is a view, not news ("use of chlorine bombs")
            found = [e for e in found if e.agents and e.targets]
            for event in found:
                event.confidence = min(event.confidence, QUOTED_CONFIDENCE)
        for event in found if uncertain else ():
            event.confidence = min(event.confidence, UNCERTAIN_CONFIDENCE)
        for event in found:
            if event.cls in AIMED_CLASSES and not event.targets:
                event.confidence = min(event.confidence, TARGETLESS_CONFIDENCE)
        events.extend((token.i, e) for e in found)
    measures = lexicon.vote_words().get("measure", frozenset())
    for token, trig in ballots:
        subject = subject_of(token)
        body = _body_key(subject, ctx)
        voters = [k for k in ctx.actors(subject) if k != body]
        for obj in objects_of(token, ("on",)):  # "vetoed a Security Council resolution"
            for child in obj.children:
                if child.dep_ in ("compound", "nmod", "poss"):
                    body = body or _body_key(child, ctx)
        choice = _choice(token, trig)
        if not (voters or body) or (choice is None and not body):
            continue
        # One vote however many clauses of the sentence report it.
        same = [e for i, e in events if e.cls == "Vote" and res.doc[i].sent == token.sent]
        vote: Event | None = same[0] if same else None
        for obj in objects_of(token, ("from", "on", "in")):
            if vote is not None:
                break
            if obj.i in by_token:
                vote = by_token[obj.i]
            elif obj.lemma_.lower() in measures or trigger_for(obj) is not None:
                prior = [e for i, e in events if e.cls == "Vote" and i < token.i]
                vote = prior[-1] if prior else None
        if vote is None:
            vote = _vote(token, ctx)
            vote.trigger = token.text
            events.append((token.i, vote))
        vote.body = vote.body or body
        motions = [o for o in objects_of(token, ("on",)) if o.lemma_.lower() in measures]
        vote.motion = vote.motion or (_motion_text(motions[0]) if motions else None)
        for voter in voters:
            if choice is not None and all(b.voter != voter for b in vote.ballots):
                vote.ballots.append(Ballot(voter, choice))
    events += _must_demands(ctx)
    events += _fate_threats(ctx)
    events += _quoted_acts(ctx, speakers)
    events += _labelled_acts(ctx, {i for i, _ in events})
    events = _join_elections(_merge_votes(sorted(events, key=lambda p: p[0])))
    events = _fold_unnamed_harm(events, ctx)
    events = _harm_done_by_attack_noun(events, ctx)
    _harmed_by_participle(events, ctx)
    _judged_doers(events, ctx)
    _claimed(events, ctx)
    _attach_casualties(events, ctx)
    _dateline_default(events, ctx)
    kept = [e for _, e in sorted(events, key=lambda p: p[0]) if e.actors() or _told_alone(e)]
    for event in kept:
        _drop_self_aimed_default(event, res)
        _add_group_countries(event, res)
        if any(res.actors[k].inferred for k in event.actors() if k in res.actors):
            # A side only the article's country stands for ("troops"): less certain.
            event.confidence = min(event.confidence, INFERRED_SIDE_CONFIDENCE)
    return _headlines_into_body(_dedupe(kept, _countries_of(res)), body_start(doc_text(res.doc)))


def body_start(text: str) -> int:
    """Offset of the first paragraph that ends like a sentence: the article's body.

    Lines before it (section, headline) only sum up what the body tells.

    >>> body_start("World\\n\\nBomb blast kills 12\\n\\nA bomb exploded in Karachi.")
    28
    >>> body_start("A bomb exploded in Karachi.")
    0
    """
    offset = 0
    for line in text.split("\n"):
        if line.strip() and line.rstrip()[-1] in ".!?\"”’'":
            return offset
        offset += len(line) + 1
    return 0


def _headlines_into_body(events: list[Event], body: int) -> list[Event]:
    """An event of a headline joins the first one of its class the body tells with the
    same sides or more: the body's toll, place and day win ("kills 12" in the headline,
    "at least 10 people were killed" below)."""
    out = [e for e in events if e.evidence.char_start >= body]
    for event in (e for e in events if e.evidence.char_start < body):
        told = next(
            (
                e
                for e in out
                if e.cls == event.cls
                and e.modality == event.modality
                and set(event.actors()) <= set(e.actors())
            ),
            None,
        )
        if told is None:
            out.append(event)
        else:
            _merge_into(told, event)
    return sorted(out, key=lambda e: e.evidence.char_start)


def _by_mishap(token: Token) -> bool:
    """Whether harm came from a mishap, not an attack: "killed in a car accident".

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["two", "were", "killed", "in", "the", "earthquake"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2, 2, 5, 3],
    ...           deps=["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj"],
    ...           lemmas=["two", "be", "kill", "in", "the", "earthquake"])
    >>> _by_mishap(doc[2])
    True
    """
    for prep in token.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by", "during", "after"):
            if any(_mishap(o) for o in prep.children if o.dep_ == "pobj"):
                return True
    subject = subject_of(token) if token.pos_ == "VERB" else None
    return subject is not None and _mishap(subject)


def _mishap(noun: Token) -> bool:
    """Whether a noun names a mishap: "fire" and "crash", but not fire someone aims
    ("sniper fire", "Palestinian rocket fire", "Israeli fire")."""
    if noun.lemma_.lower() not in lexicon.mishaps():
        return False
    aimed = lexicon.weapons() | lexicon.people_nouns() | set(lexicon.group_nouns())
    return not any(
        c.dep_ in ("compound", "amod", "nmod", "poss")
        and (c.lemma_.lower() in aimed or c.ent_type_ in ("NORP", "GPE", "ORG"))
        for c in noun.children
    )


def _told_alone(event: Event) -> bool:
    """Whether an event with no named side is kept: an attack with a weapon or a toll."""
    return event.cls == "Attack" and bool(event.instrument or event.deaths)


def _drop_self_aimed_default(event: Event, res: Resolution) -> None:
    """Drop a doer the article's country only stood in for when the act is aimed at
    that very country.

    "In a Facebook post, the ministry condemned Israel": "the ministry" took the one
    country named, Israel, but no government condemns its own country; the doer is
    unnamed. Only a government is so dropped: rebels and troops act within their own
    country ("Rebels attacked a Syrian army base").
    """
    countries = {t for t in event.targets if t in res.actors and res.actors[t].kind == "Country"}
    if not countries:
        return
    kept = [
        k
        for k in event.agents
        if not (
            k in res.actors
            and res.actors[k].inferred
            and k.endswith("-government")  # rebels or troops may act in their own country
            and res.actors[k].affiliation in countries
        )
    ]
    if len(kept) < len(event.agents):
        event.agents = kept
        event.confidence = min(event.confidence, UNNAMED_DOER_CONFIDENCE)


def _add_group_countries(event: Event, res: Resolution) -> None:
    """A group acts for its country: the country takes part in the group's events.

    "Israeli troops attacked X" has the Israeli military as its agent and Israel
    among its participants, so a query or a gold file naming Israel finds it.
    """
    for key in event.actors():
        actor = res.actors.get(key)
        country = actor.affiliation if actor and actor.kind == "Group" else None
        if country and country not in event.actors():
            event.participants.append(country)


def _countries_of(res: Resolution) -> dict[str, str]:
    """The country each person or group of an article acts for, by its role or affiliation."""
    out = {r.person: r.of for r in res.roles if r.of is not None and r.of.startswith("country:")}
    for key, actor in res.actors.items():
        if actor.affiliation is not None and actor.kind in ("Group", "Organization", "Person"):
            out.setdefault(key, actor.affiliation)
    return out


def _dedupe(events: list[Event], countries: Mapping[str, str] | None = None) -> list[Event]:
    """Merge events of one class with the same actors on the same day.

    Within one sentence, events of one class whose sides overlap are one act
    reported twice ("staged a hunger strike to protest X", "fired rockets at X
    in an attack on Y"); opposite sides ("A attacked B and B attacked A") stay apart.
    A meeting with a country and one with its leader in the same sentence are one
    ("travelled to Ankara for talks with Davutoglu"): ``countries`` maps each person
    or group to the country it acts for.
    """
    countries = countries or {}
    out: list[Event] = []
    seen: dict[tuple[object, ...], Event] = {}
    for event in events:
        # Sides by role: "A attacked B" and "B attacked A" are two acts.
        agents = frozenset(event.agents or event.participants)
        key: tuple[object, ...] = (
            event.cls,
            agents,
            frozenset(event.targets),
            event.date,
            event.modality,
        )
        if event.cls == "Vote":  # two bodies, or two measures, are two votes
            key += (event.body, event.motion)
        if not event.actors():  # no side to tell acts apart: each stands alone
            out.append(event)
            continue
        if key in seen:
            _merge_into(seen[key], event)
            continue
        twin = next(
            (e for e in out if _same_act(e, event, countries) or _retold(e, event, countries)),
            None,
        )
        if twin is not None:
            _merge_into(twin, event)
            continue
        seen[key] = event
        out.append(event)
    return out


def _opposed(doers: list[str], done_to: list[str], countries: Mapping[str, str] | None) -> bool:
    """Whether one act's doers are another's victims: the same side, or a country named
    as one side whose people are the other ("Palestine" and "Palestinian civilians").

    Two groups of one country are not thereby one side: "Sri Lankan troops" and the
    Tamil Tigers fight each other.

    >>> _opposed(["country:PSE"], ["group:pse-civilians"], {"group:pse-civilians": "country:PSE"})
    True
    >>> _opposed(["group:lka-military"], ["org:ltte"], {"group:lka-military": "country:LKA",
    ...     "org:ltte": "country:LKA"})
    False
    """
    countries = countries or {}
    if set(doers) & set(done_to):
        return True
    named = {k for k in (*doers, *done_to) if k.startswith("country:")}
    wider_doers = {countries.get(k, k) for k in doers}
    wider_done = {countries.get(k, k) for k in done_to}
    return bool(wider_doers & wider_done & named)


def _retold(first: Event, second: Event, countries: Mapping[str, str] | None = None) -> bool:
    """Whether a later sentence retells an act: one class and day, the same sides.

    "Israeli troops raided Gaza on Tuesday ... Eight Hamas fighters were killed":
    an act whose agent is not named again joins the act whose sides it shares. Sides
    are compared by country too (``countries``): Palestinians killed do not retell
    an attack by Palestinians.
    """
    if first.cls != second.cls or first.cls in ("Vote", "Statement"):
        return False
    if first.modality != second.modality or first.date is None or first.date != second.date:
        return False
    if not (first.agents or first.targets) or not (second.agents or second.targets):
        return False  # sides unknown: "meetings with A and B" are two meetings
    if _opposed(first.agents, second.targets, countries) or _opposed(
        first.targets, second.agents, countries
    ):
        return False
    if first.agents and second.agents and not set(first.agents) & set(second.agents):
        return False
    if first.targets and second.targets:  # a group's country takes part with it
        return bool(set(first.targets) & set(second.actors())) or bool(
            set(second.targets) & set(first.actors())
        )
    return not (first.agents and second.agents) and bool(set(first.actors()) & set(second.actors()))


def _same_act(first: Event, second: Event, countries: Mapping[str, str] | None = None) -> bool:
    """Whether two events of one sentence report one act: one class, overlapping sides.

    >>> from kg.model import Evidence
    >>> ev = Evidence("s", 0, 1)
    >>> visit = Event("Meeting", "visited", ev, participants=["person:m", "country:TUR"])
    >>> talks = Event("Meeting", "talks", ev, participants=["person:m", "person:d"])
    >>> _same_act(visit, talks, {"person:d": "country:TUR"}), _same_act(visit, talks, {})
    (True, False)
    """
    countries = countries or {}
    if (first.cls, first.modality, first.evidence.sentence) != (
        second.cls,
        second.modality,
        second.evidence.sentence,
    ) or first.cls == "Vote":
        return False
    if first.trigger == second.trigger:
        return False  # one word read as several acts ("meetings with A and B")
    if first.date and second.date and first.date != second.date:
        return False
    if set(first.agents) & set(second.targets) or set(first.targets) & set(second.agents):
        return False
    if first.agents and second.agents:
        # a country and its people are one doer ("Nigerians converged for a rally to
        # protest"); two groups of one country are not
        ones, twos = set(first.agents), set(second.agents)
        return bool(
            ones & twos
            or ones & {countries.get(k, k) for k in twos}
            or twos & {countries.get(k, k) for k in ones}
        )
    if not (first.agents or first.targets or second.agents or second.targets):
        # Meetings: one host meeting two partners ("spoke with X after talks with Y") met twice.
        ones, twos = set(first.participants), set(second.participants)
        if ones <= twos or twos <= ones:
            return True
        wider = lambda keys: keys | {countries[k] for k in keys if k in countries}  # noqa: E731
        return wider(ones) <= wider(twos) or wider(twos) <= wider(ones)
    return bool(set(first.actors()) & set(second.actors()))
