"""Dependency helpers shared by the extractors: subjects, objects, time of a clause."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg import lexicon
from kg.extract import time
from kg.model import Evidence
from kg.resolve import Resolution

SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLIMB_DEPS = ("xcomp", "advcl", "conj", "pcomp", "acl", "relcl", "prep", "dobj", "acomp")
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
#: Verbs whose object does not do what their infinitive says ("promised Kenya to act").
OBJECT_NOT_CONTROLLER = lexicon.subject_control_verbs()


def subject_of(token: Token) -> Token | None:
    """The subject of a verb, climbing through controlled clauses.

    "praising X for abstaining": the abstainer is the object X (object control);
    "returned fire — slamming Assad": the slammer is the subject of "returned".
    """
    t = token
    for _ in range(5):
        subjects = [c for c in t.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            subject = subjects[0]
            if len(subjects) > 1 and _dash_between(subjects[0], subjects[-1]):
                # A dateline parsed as a second subject ("GAZA CITY, (AP) - Israeli
                # tanks raided"): the subject is the one after the dash.
                subject = subjects[-1]
            if subject.lower_ in RELATIVE_PRONOUNS and t.dep_ == "relcl":
                return t.head
            return subject
        if (
            t.dep_ == "acl"
            and t.head.pos_ in ("NOUN", "PROPN")
            and (
                t.tag_ == "VBD"
                or (t.tag_ == "VBG" and _names_doers(t.head))
                or (t.tag_ == "VBN" and misread_main_verb(t))
            )
        ):
            # "men carrying arms"; and "Clinton's campaign called on Trump", misparsed
            # with "called" hung on the noun: the noun acts
            return t.head.head if _closed_apposition(t) else t.head
        if t.i != token.i and t.dep_ == "acl" and t.tag_ == "VBN" and _names_doers(t.head):
            # "arrested men suspected of planning attacks": the men plan, not who
            # arrested them; a clause on a noun never takes its governor's subject
            return t.head
        owner = _intent_owner(t)
        if owner is not None:
            return owner  # "Britain's decision to cut aid": Britain cuts it
        if t.dep_ in ("xcomp", "ccomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in t.children
        ):
            # "asked Uganda to withdraw": the one asked is the one to withdraw
            controllers = [c for c in t.head.children if c.dep_ in ("dobj", "dative")]
            if controllers and _summoned_to_hear(t):
                controllers = []  # "summoned the ambassador to complain": the summoner complains
            if controllers and t.head.lemma_.lower() not in OBJECT_NOT_CONTROLLER:
                return controllers[0]
            asked = asked_side(t.head)
            if asked is not None:
                return asked  # "called on Russia to withdraw": Russia is to withdraw
        if t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.lower_ in ("for", "of"):
            governor = t.head.head
            objects = [c for c in governor.children if c.dep_ == "dobj"]
            if objects:
                return objects[0]
        if (
            t.pos_ == "VERB"
            and t.dep_ in ("dobj", "pobj")
            and any(c.dep_ in ("det", "poss") for c in t.children)
        ):
            break  # a gerund used as a noun: "called the killing murder"
        if t.dep_ == "acl" and t.head.dep_ == "pobj" and t.head.lower_ in lexicon.statement_nouns():
            t = t.head.head  # "posted a message on Twitter attacking X": the poster attacks
            continue
        if t.dep_ in CLIMB_DEPS and t.head.i != t.i:
            t = t.head
            continue
        break
    return None


def _intent_owner(verb: Token) -> Token | None:
    """Whose decision or intent a to-infinitive on a noun of intent tells: the noun's
    owner or "by" agent ("Britain's decision to cut aid", "the refusal by Hungary to
    ratify"; ``lexicons/intent_nouns.txt``).
    """
    noun = verb.head
    if verb.dep_ not in ("acl", "relcl") or noun.lemma_.lower() not in lexicon.intent_nouns():
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [o for p in noun.children if p.lower_ == "by" for o in p.children if o.dep_ == "pobj"]
    return owners[0] if owners else None


def misread_main_verb(participle: Token, event_noun: bool = False) -> bool:
    """Whether a participle hung on a noun is the sentence's main verb that the parser
    misread: a full sentence whose root is that noun, with its determiner or owner,
    and nothing marks the participle as passive ("The EU's top diplomat called on
    Israel to ..."; not "Three soldiers killed in an ambush" nor "... called by X").
    A noun that names an event (``event_noun``) needs no determiner: nothing befalls
    an event ("Heavy fighting flared between ...").

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("The EU's top diplomat called on Israel to allow journalists in.")
    >>> doc[5].dep_, misread_main_verb(doc[5])
    ('acl', True)
    >>> doc = _nlp.load()("Three soldiers killed in an ambush near Aleppo.")
    >>> misread_main_verb(doc[2])
    False
    """
    closed = _closed_apposition(participle)  # "Juppe, the French foreign minister, called"
    noun = participle.head.head if closed else participle.head
    if participle.dep_ != "acl" or noun.dep_ != "ROOT" or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if not (closed or event_noun) and not any(c.dep_ in ("det", "poss") for c in noun.children):
        return False  # a headline's "Soldiers killed in ambush"; but "Fighting flared ..."
    if any(c.dep_ in ("agent", "nsubjpass", "auxpass") for c in participle.children):
        return False
    last = noun.sent[-1]
    return last.text in (".", "!") and participle.i < last.i


def _closed_apposition(participle: Token) -> bool:
    """Whether a participle hangs on an apposition closed by a comma before it, in a
    sentence whose root is the name the apposition describes: "Alain Juppe, the French
    foreign minister, called Lavrov", parsed as a minister "called Lavrov".

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Alain Juppe, the French foreign minister, called Lavrov.")
    >>> doc[8].text, _closed_apposition(doc[8])
    ('called', True)
    >>> doc = _nlp.load()("Alain Juppe, a minister called the fixer, met Lavrov.")
    >>> [t.text for t in doc if _closed_apposition(t)]
    []
    """
    noun = participle.head
    return (
        participle.dep_ == "acl"
        and participle.i > 0
        and participle.nbor(-1).text == ","
        and noun.dep_ == "appos"
        and noun.head.dep_ == "ROOT"
        and noun.head.i < noun.i < participle.i
    )


def _misread_as_adjective(verb: Token) -> bool:
    """Whether a verb with a subject of its own was parsed as an adjective of the noun
    after it, which is its object: "Ruto phoned Sudan's army chief" read as "a
    phoned chief". A participle before its noun ("the US-backed government") has no
    subject.
    """
    return (
        verb.pos_ == "VERB"
        and verb.dep_ == "amod"
        and verb.head.i > verb.i
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _names_doers(noun: Token) -> bool:
    """Whether a noun names people or a side, who can do what a participle says
    ("militants carrying arms"), not a thing ("a declaration demanding ...")."""
    lemma = noun.lemma_.lower()
    if noun.lower_ in lexicon.statement_nouns():
        return False  # "a message on [Twitter] attacking X": where words appear
    return noun.pos_ == "PROPN" or lemma in lexicon.people_nouns() or lemma in lexicon.group_nouns()


def _dash_between(first: Token, last: Token) -> bool:
    """Whether a dash or colon stands between two words."""
    return any(t.text in ("-", "--", "—", "–", ":") for t in first.doc[first.i + 1 : last.i])


def objects_of(token: Token, preps: tuple[str, ...] = ()) -> list[Token]:
    """Direct objects of a word, and objects of the named prepositions.

    An object predicate with no object and no passive subject is the object the
    parser misread: "called President Obama" parsed as "called [him] President".
    """
    out = [c for c in token.children if c.dep_ in ("dobj", "attr")]
    if not out and not any(c.dep_ == "nsubjpass" for c in token.children):
        out = [c for c in token.children if c.dep_ == "oprd" and c.pos_ == "PROPN"]
    if not out and _misread_as_adjective(token):
        out = [token.head]  # "Ruto phoned Sudan's army chief", "phoned" read as "chief"'s
    out += [c for c in token.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN")]
    compound_preps = [  # "out of X", "away from X": the second preposition governs
        grand
        for child in token.children
        if child.dep_ in ("prep", "prt") and child.lower_ in ("out", "away")
        for grand in child.children
        if grand.dep_ == "prep"
    ]
    for child in [*token.children, *compound_preps]:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            found = [c for c in child.children if c.dep_ == "pobj"]
            # "talks with Mubarak covering regional issues", misparsed as "with
            # [Mubarak covering ...]": the clause's subject is the object
            found = found or [
                s
                for c in child.children
                if c.dep_ == "pcomp" and c.pos_ == "VERB"
                for s in c.children
                if s.dep_ == "nsubj" and s.pos_ in ("PROPN", "NOUN")
            ]
            out.extend(found)
    return out


def clause_verb(token: Token) -> Token:
    """The verb governing a word (itself when it is a verb)."""
    t = token
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return t


def is_negated(token: Token) -> bool:
    """Whether the word or its clause is negated ("did not meet", "has yet to meet",
    "will have no more contact with")."""
    verb = clause_verb(token)
    if any(c.dep_ == "neg" for c in (*token.children, *verb.children)):
        return True
    if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return True
    return _yet_to(verb)


def _yet_to(verb: Token) -> bool:
    """Whether a clause is still to happen: "had yet to speak with", "is yet to visit".

    Example:
        >>> import spacy
        >>> from spacy.tokens import Doc
        >>> words = ["he", "has", "yet", "to", "meet", "them"]
        >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 4, 1, 4],
        ...           deps=["nsubj", "ROOT", "advmod", "aux", "xcomp", "dobj"])
        >>> _yet_to(doc[4]), _yet_to(doc[1])
        (True, False)
    """
    if verb.dep_ != "xcomp" or not any(c.lower_ == "to" for c in verb.children):
        return False
    return any(c.lower_ == "yet" and c.dep_ == "advmod" for c in verb.head.children)


def is_irrealis(token: Token) -> bool:
    """Whether the clause is planned, possible, threatened or refused rather than realised."""
    return modality_of(token) not in (None, "negated")


def modality_of(token: Token, cls: str | None = None) -> str | None:
    """How the event a word signals is reported: None when realised, else its modality.

    "did not meet" and "no attack" are negated, "any deployment" hypothetical and "a
    planned visit" planned; an auxiliary ("may meet", "will meet") or a governing verb
    ("plans to visit", "refused to meet", "threatened sanctions", "denied that it
    attacked") gives the modality
    ``lexicon/irrealis.tsv`` lists for it, unless that file says the word leaves an
    event of class ``cls`` realised ("attempted to assassinate" is an attack). A "would"
    reported by a speech verb ("said they would boycott") is the future of the past:
    planned.
    """
    if is_negated(token):
        return "negated"
    if token.pos_ == "NOUN":
        determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
        if determiners & {"any", "every"}:
            return "hypothetical"  # "would respond to any NATO deployment"
        if "no" in determiners:
            return "negated"  # "no attack was reported"
        for child in token.children:  # "a planned visit", "a foiled attack"
            if child.dep_ == "amod" and child.lemma_.lower() in lexicon.modalities():
                return lexicon.modalities()[child.lemma_.lower()]
    words = lexicon.modalities()
    keep = lexicon.realised_under()

    def of(word: str) -> str | None:
        if cls is not None and cls in keep.get(word, ()):
            return None
        return words.get(word)

    verb = clause_verb(token)
    if token.i == verb.i and _asked(verb):  # a noun in it may name a real act
        return "hypothetical"
    if _conditional(verb) and (token.i == verb.i or _made_by(token, verb)):
        # "warned of consequences if Russia annexed Crimea"; "unless X arranged a
        # ceasefire" (its object); not "if the bombing goes on" (a real act)
        return "hypothetical"
    if _lasting(token, verb):
        return None  # "sanctions will remain in place", "the truce will hold": they exist
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ in words:
            if child.lower_ == "would" and _reported(verb):
                return "planned"
            return of(child.lower_)
    for governor in _governors(verb):
        for form in (phrasal_lemma(governor), governor.lemma_.lower(), *_with_preps(governor)):
            if form in words:
                return of(form)
    if verb.dep_ == "advcl" and _infinitive(verb) and verb.head.i != verb.i:
        found = modality_of(verb.head, cls)  # "will travel to X to meet Y": the trip's
        if found is not None:
            return found
    if _infinitive(verb):
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN":  # "calls to resign"
            for form in (verb.head.lower_, verb.head.lemma_.lower()):
                if form in words:
                    return of(form)
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children):
            return "hypothetical"  # "chanted for Park to step down": an act wished for
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "warned against sending"
        found = of(f"{phrasal_lemma(verb.head.head)} {verb.head.lower_}")
        owner = verb.head.head
        if found is None and owner.pos_ == "NOUN" and verb.head.lower_ in ("for", "of"):
            found = of(owner.lemma_.lower())  # "a proposal for signing", "a plan of leaving"
        if found is not None:
            return found
    if token.dep_ == "dobj" and token.head.i == verb.i:
        for form in (phrasal_lemma(verb), verb.lemma_.lower()):
            if form in words:
                return of(form)
    prep = token.head
    if token.dep_ == "pobj" and prep.head.i == verb.i:  # "called for talks"
        return of(f"{verb.lemma_.lower()} {prep.lower_}")
    return None


#: Verbs whose "if" clause is a question, not a condition ("asked if X would come").
QUESTION_VERBS = lexicon.question_verbs()


def _asked(verb: Token) -> bool:
    """Whether a clause is only asked about: "asked if X would lift", "whether X attacked"."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if verb.dep_ not in ("ccomp", "advcl") or not marks & {"if", "whether"}:
        return False
    return "whether" in marks or verb.head.lemma_.lower() in QUESTION_VERBS


def _conditional(verb: Token) -> bool:
    """Whether a verb's clause is a condition of another: "... if Russia annexed Crimea",
    "unless Iraq pays"; not a question ("asked if X would come").

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("The US warned of consequences if Russia annexed Crimea.")
    >>> _conditional(doc[7]), _conditional(doc[2])
    (True, False)
    """
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    return verb.dep_ == "advcl" and bool(marks & {"if", "unless"}) and not _asked(verb)


def _lasting(noun: Token, verb: Token) -> bool:
    """Whether an event noun is the subject of a verb of lasting
    (``lexicons/lasting_verbs.txt``): what "will remain" or "may continue" is already
    there, whatever its clause's tense says.

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("The sanctions will remain in place. The talks will resume.")
    >>> _lasting(doc[1], doc[3]), _lasting(doc[8], doc[10])
    (True, False)
    """
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ == "nsubj"
        and noun.head.i == verb.i
        and verb.lemma_.lower() in lexicon.lasting_verbs()
    )


def _summoned_to_hear(purpose: Token) -> bool:
    """Whether a to-clause after a summoning verb says what the summoner came to say
    (``lexicons/summons.tsv``): "summoned Niger's ambassador to complain of inaction";
    not "summoned the ambassador to explain the remarks" (the ambassador explains).

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Nigeria summoned the ambassador to complain of inaction.")
    >>> _summoned_to_hear(doc[5])
    True
    """
    summons = lexicon.summons()
    return purpose.lemma_.lower() in summons.get(phrasal_lemma(purpose.head), frozenset())


def in_condition(token: Token) -> bool:
    """Whether a word is in a clause that is a condition of another ("unless Baghdad
    accepted its conditions"), so nothing in it is intended by anyone.

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Russia will act if the US goes ahead with the planned deployment.")
    >>> in_condition(doc[11]), in_condition(doc[2])
    (True, False)
    """
    return _conditional(clause_verb(token))


def _made_by(noun: Token, verb: Token) -> bool:
    """Whether a noun is the direct object of its clause's verb: what the verb brings
    about ("arranged a ceasefire"), not what was there before it ("the bombing goes on")."""
    return noun.i != verb.i and noun.dep_ == "dobj" and noun.head.i == verb.i


def _infinitive(verb: Token) -> bool:
    """Whether a verb is a to-infinitive."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def phrasal_lemma(verb: Token) -> str:
    """A verb's lemma with its particle, if it has one ("ruled out" → "rule out").

    Example:
        >>> import spacy
        >>> from spacy.tokens import Doc
        >>> doc = Doc(spacy.blank("en").vocab, words=["ruled", "out", "talks"],
        ...           heads=[0, 0, 0], deps=["ROOT", "prt", "dobj"], lemmas=["rule", "out", "talk"])
        >>> phrasal_lemma(doc[0]), phrasal_lemma(doc[2])
        ('rule out', 'talk')
    """
    particle = next((c for c in verb.children if c.dep_ == "prt" and c.i > verb.i), None)
    lemma = verb.lemma_.lower()
    return f"{lemma} {particle.lower_}" if particle is not None else lemma


def _with_preps(verb: Token) -> list[str]:
    """A verb's lemma with each preposition hung on it ("called on Russia to" → "call on").

    >>> from kg import nlp as _nlp
    >>> _with_preps(_nlp.load()("The EU called on Russia to withdraw.")[2])
    ['call on']
    """
    lemma = verb.lemma_.lower()
    return [f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prep"]


def asked_side(governor: Token) -> Token | None:
    """Who a verb of asking asks through its preposition: "called on Russia to withdraw",
    "appealed to the parties to allow aid" (a verb and preposition that
    ``lexicons/irrealis.tsv`` makes hypothetical).

    >>> from kg import nlp as _nlp
    >>> asked_side(_nlp.load()("The EU called on Russia to withdraw.")[2]).text
    'Russia'
    >>> asked_side(_nlp.load()("The EU went to Brussels to talk.")[2]) is None
    True
    """
    words = lexicon.modalities()
    lemma = governor.lemma_.lower()
    for prep in governor.children:
        if prep.dep_ == "prep" and words.get(f"{lemma} {prep.lower_}") == "hypothetical":
            objects = [o for o in prep.children if o.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _governors(verb: Token) -> list[Token]:
    """The words whose complement a clause is, nearest first, two levels up.

    "prepared to resume shelling": "resume", then "prepared"; an infinitive hung
    as an adverbial clause ("sworn to fight") counts as a complement.
    """
    out: list[Token] = []
    t = verb
    for _ in range(2):
        infinitive = t.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in t.children
        )
        if t.dep_ not in ("xcomp", "ccomp", "acomp") and not infinitive or t.head.i == t.i:
            break
        if _opens_relative(t):
            break  # "..., whose eastern sector Israel captured": a relative clause
        out.append(t.head)
        t = t.head
    return out


def _opens_relative(verb: Token) -> bool:
    """Whether a clause opens with a possessive relative ("whose sector X captured"),
    which describes a noun before it however the parser hung the clause.

    Only "whose" is taken: "which" and "who" also open questions ("asked which ...").
    """
    first = verb.doc[verb.left_edge.i]
    return first.tag_ == "WP$" and first.i < verb.i


def _reported(verb: Token) -> bool:
    """Whether a clause is the complement of a speech verb ("said [they would go]")."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lexicon.speech_verbs()


#: Auxiliaries that put a clause in the future ("will travel", "shall meet"), or in a
#: possible future ("may meet", "could visit on Sunday").
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "may", "might", "could", "should", "must"})

#: Tags of a verb in the present tense.
PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def is_future(token: Token) -> bool:
    """Whether a word's clause tells of the future: "will travel", "plans to visit",
    "is expected to meet", "may visit".

    A plan reported in the past ("said they would meet", "was expected to meet") is
    not: its day may already have passed when the article was written; nor is a
    possibility about the past ("could have met").

    >>> from kg import nlp as _nlp
    >>> doc = _nlp.load()("Kerry is expected to meet Lavrov on Wednesday.")
    >>> is_future(doc[4]), is_future(doc[2])
    (True, False)
    """
    verb = clause_verb(token)
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    if "would" in auxes or "have" in auxes:
        return False
    if any(a in FUTURE_AUX for a in auxes):
        return True
    modality = modality_of(verb)
    if modality == "planned":
        return True
    return modality == "hypothetical" and _present_governor(verb)


def _present_governor(verb: Token) -> bool:
    """Whether a to-infinitive hangs on a verb in the present tense: "is expected to
    meet", "hopes to visit" (not "was expected to meet", "hoped to visit")."""
    if verb.dep_ != "xcomp" or not any(c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    tenses = [head.tag_, *(c.tag_ for c in head.children if c.dep_ in ("aux", "auxpass"))]
    if head.tag_ == "VBN" or head.pos_ == "ADJ":  # "is expected to", "is likely to"
        tenses = tenses[1:]
    return any(t in PRESENT_TAGS for t in tenses) and "VBD" not in tenses


def evidence_for(token: Token) -> Evidence:
    """The sentence a token is in, with its character offsets."""
    sent = token.sent
    return Evidence.trimmed(sent.text, sent.start_char)


@dataclass
class Timeline:
    """Time expressions of an article and the day it narrates."""

    published: dt.date | None
    dates: list[Span] = field(default_factory=list)
    anchor: dt.date | None = None
    anchor_text: str | None = None

    def __post_init__(self) -> None:
        # Dates by the start of their sentence: an event looks only at its own sentence's.
        self._by_sentence: dict[int, list[Span]] = {}
        for span in self.dates:
            self._by_sentence.setdefault(span.sent.start, []).append(span)

    def resolve(self, text: str, future: bool = False) -> dt.date | None:
        """A time expression of this article as a date (``future``: in a clause about it)."""
        return time.resolve(text, self.published, self.anchor, future=future)

    def for_token(self, token: Token) -> tuple[dt.date | None, str | None, bool]:
        """(date, text, explicit) for an event whose trigger is ``token``.

        An expression attached to the trigger or its clause wins; otherwise the
        event takes the day the article narrates (its first dated statement).
        """
        sent = token.sent
        verb = clause_verb(token)
        best: Span | None = None
        for span in self._by_sentence.get(sent.start, ()):
            root = span.root
            ancestors = set(a.i for a in root.ancestors)
            in_subtree = token.left_edge.i <= root.i <= token.right_edge.i
            if in_subtree or token.i in ancestors or verb.i in ancestors:
                if best is None or abs(root.i - token.i) < abs(best.root.i - token.i):
                    best = span
        if best is not None:
            return self.resolve(best.text, is_future(best.root)), best.text, True
        return self.anchor, None, False


def timeline(res: Resolution, published: dt.date | None) -> Timeline:
    """Collect the article's day-naming expressions outside quotes, and its narrated day."""
    spans = [
        ent
        for ent in res.doc.ents
        if ent.label_ == "DATE" and not res.in_quote(ent[0]) and time.is_time_point(ent.text)
    ]
    line = Timeline(published, spans)
    for span in spans:
        # The narrated day is one already reported, never one announced for later.
        if not time.is_relative(span.text) and not is_future(span.root):
            value = time.resolve(span.text, published)
            if value is not None:
                line.anchor, line.anchor_text = value, span.text
                break
    return line
