"""Events about other events: "agreed to meet", "threatened to impose sanctions", "refused to
release", "demanded that X withdraw", "said it will allow", "X must return the helicopter".

News often reports an event through a *frame*: a governing word (a verb, or "ready"/"willing")
whose complement is another event. CAMEO and PLOVER code the frame, refined by its content:
agreeing or promising to meet is CAMEO 036 (PLOVER AGREE), threatening a blockade is 1381
(THREATEN), refusing to release prisoners is 1243 (REJECT), demanding talks is 106 (REQUEST).
:func:`compose` rewrites the mentions of one sentence accordingly and drops the mentions that
became part of another one (the complement, or a nominal trigger inside a frame's object:
"called for sanctions against X" is one appeal, not an appeal plus sanctions).

The content tables below map the complement's CAMEO code (longest matching prefix) to the code
of the framed event.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from thucydides.coding.arguments import is_light_object, nominal_actors, subjects_of
from thucydides.ontology import cameo_codes

if TYPE_CHECKING:
    from thucydides.coding.events import Mention

Token = Any  # spacy.tokens.Token

# complement code prefix -> (intend/agree 03, demand 10, reject 12)
_COOPERATIVE: dict[str, tuple[str, str, str]] = {
    "03": ("030", "100", "120"),
    "04": ("036", "106", "125"),
    "045": ("039", "108", "126"),
    "046": ("036", "106", "125"),
    "05": ("032", "102", "120"),
    "057": ("030", "107", "127"),
    "06": ("031", "101", "121"),
    "061": ("0311", "1011", "1211"),
    "062": ("0312", "1012", "1212"),
    "063": ("0313", "1013", "1213"),
    "064": ("0314", "1014", "121"),
    "07": ("033", "103", "122"),
    "071": ("0331", "1031", "1221"),
    "072": ("0332", "1032", "1222"),
    "073": ("0333", "1033", "1223"),
    "074": ("0334", "1034", "1224"),
    "075": ("0333", "1033", "1223"),
    "08": ("035", "105", "124"),
    "081": ("0351", "1051", "1241"),
    "082": ("0352", "1052", "1242"),
    "083": ("034", "104", "123"),
    "0831": ("0341", "1041", "1231"),
    "0832": ("0342", "1042", "1232"),
    "0833": ("0343", "1043", "1233"),
    "0834": ("0344", "1044", "1234"),
    "084": ("0353", "1053", "1243"),
    "085": ("0354", "1054", "1244"),
    "086": ("0355", "1055", "1245"),
    "087": ("0356", "1056", "1246"),
}
# complement code prefix -> threaten 13
_CONFLICT: dict[str, str] = {
    "14": "133",
    "15": "138",
    "16": "131",
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "165": "135",
    "166": "136",
    "17": "137",
    "172": "132",
    "1721": "1321",
    "1722": "1322",
    "1723": "1323",
    "1724": "1324",
    "18": "1383",
    "19": "138",
    "191": "1381",
    "192": "1382",
    "20": "1385",
}

# Governing words, by lemma. An "intent" governor makes cooperation AGREE (03) and conflict
# THREATEN (13); "reject" makes cooperation REJECT (12); "demand"/"appeal" make it REQUEST (10) /
# appeal (02).
INTENT_WORDS = frozenset(
    {
        "agree", "promise", "pledge", "vow", "offer", "commit", "undertake",
        "volunteer", "ready", "willing", "prepared", "prepare", "plan", "intend", "resolve",
        "swear", "consent", "determined", "poised", "want",
    }
)  # fmt: skip
INTENT_NOUNS = frozenset(
    {"consensus", "agreement", "deal", "decision", "pledge", "promise", "offer", "commitment"}
)
THREAT_WORDS = frozenset({"threaten", "warn", "threat", "warning", "ultimatum"})
REJECT_WORDS = frozenset({"refuse", "decline", "reject", "fail", "balk", "unwilling", "refusal"})
DEMAND_WORDS = frozenset(
    {"demand", "insist", "press", "pressure", "pressurize", "push", "order", "ultimatum"}
)
APPEAL_WORDS = frozenset({"urge", "call", "ask", "appeal", "request", "invite", "encourage"})
# "is considering sending aid", "weighs imposing sanctions": an option under consideration (014)
CONSIDER_WORDS = frozenset({"consider", "weigh", "mull", "contemplate", "ponder"})
# "X claimed that they had attacked Y": a claim of responsibility (015) when the claimant is the
# doer; "X claimed that Y had attacked Z": an allegation against Y (112).
CLAIM_WORDS = frozenset({"claim"})
_SELF_PRONOUNS = frozenset({"they", "we", "he", "she", "it", "i"})
FRAME_NOUNS = INTENT_NOUNS | {"threat", "warning", "refusal", "demand", "call", "appeal", "request"}
# Roots whose events are about other events: a nominal trigger in their object is their content.
_FRAME_ROOTS = frozenset({"01", "02", "03", "09", "10", "11", "12", "13"})
_VIOLENT_ROOTS = frozenset({"18", "19", "20"})
_REPORTING = frozenset(
    {"say", "state", "announce", "insist", "reiterate", "stress", "add", "tell", "declare",
     "remind"}
)  # fmt: skip
# nouns whose that-clause is what was said: "a reminder that Iraq must cooperate"
_SAYING_NOUNS = frozenset({"reminder", "statement", "message", "declaration", "letter"})
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "advcl"})


def _lookup(table: dict[str, Any], code: str) -> Any:
    for size in range(len(code), 1, -1):
        if code[:size] in table:
            return table[code[:size]]
    return None


def framed_code(kind: str, code: str) -> str | None:
    """The code of a ``kind`` frame ("intent", "demand", "appeal", "reject") over an event coded
    ``code``; None when the frame does not change it (e.g. demanding an attack)."""
    if kind == "threat":
        threat = _lookup(_CONFLICT, code)
        return "130" if threat is None else str(threat)
    if kind == "consider":
        return "014"
    if kind in ("intent", "future"):
        coop = _lookup(_COOPERATIVE, code)
        if coop:
            return str(coop[0])
        threat = _lookup(_CONFLICT, code)
        return None if threat is None else str(threat)
    coop = _lookup(_COOPERATIVE, code)
    if coop is None:
        return None
    if kind == "demand":
        return str(coop[1])
    if kind == "appeal":
        return "02" + str(coop[1])[2:]
    if kind == "reject":
        return str(coop[2])
    return None


def _kind(word: Token) -> str | None:
    lemma = word.lemma_.lower()
    if lemma in _GETTING_READY and not _readiness(word):
        return None  # "the leader prepared to attend the Games": about to act, not a promise
    if lemma in REJECT_WORDS:
        return "reject"
    if lemma in THREAT_WORDS:
        return "threat"
    if lemma in INTENT_WORDS or lemma in INTENT_NOUNS:
        return "intent"
    if lemma in DEMAND_WORDS:
        return "demand"
    if lemma in APPEAL_WORDS:
        return "appeal"
    if lemma in CONSIDER_WORDS and word.pos_ in ("VERB", "AUX"):
        return "consider"
    return None


# "is prepared to lift the ban" states a readiness (an intent); "prepared to attend the Games"
# (active) is getting ready to do it: the event is the attending
_GETTING_READY = frozenset({"prepare"})


def _readiness(word: Token) -> bool:
    """ "prepare" used as a state ("is prepared to", "stands prepared to"), not as an action."""
    return (
        word.pos_ != "VERB"
        or any(c.dep_ in ("auxpass", "aux") and c.lemma_.lower() == "be" for c in word.children)
        or word.dep_ in ("acomp", "oprd")
    )


def governor(head: Token) -> Token | None:
    """The word whose complement the trigger ``head`` is: "agreed to *meet*" -> agreed,
    "ready to *contribute*" -> ready, "demanded that X *abandon*" -> demanded; for the object of a
    light verb, that verb's governor ("threatened to hold a *strike*" -> threatened)."""
    if head.pos_ in ("NOUN", "PROPN") and is_light_object(head):
        head = head.head
    if head.dep_ == "ccomp" and any(c.lower_ == "that" for c in head.children):
        # "reiterated its *demand* that Israel ease ...": the parser hangs the clause on the verb
        noun = next(
            (
                c
                for c in head.head.children
                if c.dep_ == "dobj" and c.lemma_.lower() in FRAME_NOUNS and c.i < head.i
            ),
            None,
        )
        if noun is not None:
            return noun
    if head.dep_ in _COMPLEMENT_DEPS and head.head is not head:
        # "agreed to meet", and "pushing for the US (to) support the plan"
        if head.dep_ == "advcl" and not any(c.lower_ in ("to", "for") for c in head.children):
            return None
        return head.head
    if head.dep_ == "pcomp" and head.head.dep_ == "prep":
        return head.head.head
    if (
        head.dep_ == "acl"
        and any(c.lower_ in ("to", "that") for c in head.children)
        # "reached a consensus to *exchange*", "its demand that Israel *ease*"
        and head.head.lemma_.lower() in FRAME_NOUNS
    ):
        return head.head
    return None


@dataclass(frozen=True, slots=True)
class Frame:
    """How a mention's code was changed by the word governing it."""

    kind: str
    word: Token
    code: str


def frame_of(mention: Mention) -> Frame | None:
    """The frame that recodes ``mention``, if any: a governing intent/reject/demand word, a future
    or intended modality ("will allow", "plans to lift"), or "must"/"should" in reported speech."""
    head = mention.match.head
    code = mention.code
    claim = _claim_frame(head, code)
    if claim is not None:
        return claim
    gov = governor(head)
    if gov is not None:
        kind = _kind(gov)
        if kind is not None and not (kind == "intent" and _negated(gov)):
            if kind == "intent" and _negated(head):
                kind = "reject"
            elif kind == "intent" and (_must(gov) or (gov.dep_ == "acomp" and _must(gov.head))):
                kind = "demand"  # "X must be ready to mediate", "Y must agree to withdraw"
                # the one who says so demands it: "Egypt said the US must be ready to mediate"
                gov = _speaker(gov.head if gov.dep_ == "acomp" else gov) or gov
            new = framed_code(kind, code)
            if new is None and kind == "demand" and _demands_that(gov, head):
                new = "100"  # "demanded that control of the ministry be taken away from X"
            # "the decision to send troops" is a decision, not a threat
            nominal_threat = (
                gov.pos_ == "NOUN" and kind == "intent" and (new or "").startswith("13")
            )
            if new is not None and new in _known_codes() and not nominal_threat:
                return Frame(kind, gov, new)
    modality = mention.modality.modality
    if modality == "future" and not _negated(head):
        new = framed_code("future", code)
        if new is not None and new in _known_codes():
            return Frame("future", head, new)
    if modality in ("future", "negated") and _negated(head) and _has_future(head):
        new = framed_code("reject", code)
        if new is not None and new in _known_codes():
            return Frame("reject", head, new)
    if modality == "hypothetical" and _must(head) and (speaker := _speaker(head)) is not None:
        new = framed_code("demand", code)
        if new is not None and new in _known_codes():
            return Frame("demand", speaker, new)
    return None


def _speaker(head: Token) -> Token | None:
    """The verb that reports the clause ``head``: "said that Iraq *must* cooperate" -> said;
    "issued a reminder to Iraq that it must cooperate" -> issued (the clause of a noun of
    saying)."""
    if head.dep_ == "ccomp" and head.head.lemma_.lower() in _REPORTING:
        return head.head
    noun = head.head
    if head.dep_ == "acl" and noun.lemma_.lower() in _SAYING_NOUNS and noun.pos_ == "NOUN":
        return noun.head if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else noun
    return None


_CLAIMED_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})


_THAT_DEMANDS = frozenset({"demand", "insist"})


def _demands_that(gov: Token, head: Token) -> bool:
    """A demand whose content is a that-clause: whatever it asks for, the event is the demand."""
    return (
        gov.lemma_.lower() in _THAT_DEMANDS
        and head.dep_ in ("ccomp", "acl")
        and _kind(head) is None  # a frame in a frame ("demanded that they refuse to ...")
    )


def _claim_frame(head: Token, code: str) -> Frame | None:
    """ "The rebels claimed that they had attacked the base": the event is the content of a claim.
    When the doer is the claimant (a pronoun, or the same word) it is a claim of responsibility
    (015); when someone else is named as the doer of a hostile act, an allegation (112)."""
    if head.dep_ != "ccomp" or head.pos_ not in ("VERB", "AUX"):
        return None
    claim = head.head
    if claim.lemma_.lower() not in CLAIM_WORDS or _negated(claim):
        return None
    doers = [c for c in head.children if c.dep_ == "nsubj"]
    claimants = {c.lemma_.lower() for c in claim.children if c.dep_ == "nsubj"}
    if not doers:
        return None
    doer = doers[0]
    if doer.lower_ in _SELF_PRONOUNS or doer.lemma_.lower() in claimants:
        return Frame("claim", claim, "015")
    if code[:2] in _CLAIMED_ROOTS:
        return Frame("allege", claim, "112")
    return None


def _known_codes() -> Mapping[str, Any]:
    return cameo_codes()


def _negated(word: Token) -> bool:
    return any(c.dep_ == "neg" for c in word.children)


def _has_future(word: Token) -> bool:
    return any(
        c.dep_ == "aux" and c.lower_ in ("will", "wo", "'ll", "would") for c in word.children
    )


def _must(word: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in word.children)


def _inside_object(inner: Token, outer: Token) -> bool:
    """``inner`` is part of the object or complement of ``outer`` ("called for *sanctions*",
    "rejected calls for *aid*", "accused X of *attacks*")."""
    token = inner
    for _ in range(6):
        if token.head is token:
            return False
        dep = token.dep_
        token = token.head
        if token.i == outer.i:
            return dep in ("dobj", "pobj", "prep", "xcomp", "ccomp", "pcomp", "attr", "oprd")
        if dep in ("nsubj", "nsubjpass", "relcl", "advcl", "conj", "parataxis"):
            return False
    return False


def _direct_object(inner: Token, verb: Token) -> bool:
    """``inner`` is the verb's direct object, an "of" complement of it ("suspended part of a
    programme"), or a noun compounded into one ("suspended a military aid programme")."""
    token = inner
    for _ in range(5):
        if token.dep_ == "compound":  # "suspended a military *aid* programme"
            token = token.head
            continue
        if token.dep_ == "dobj":
            return bool(token.head.i == verb.i)
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            token = token.head.head
            continue
        return False
    return False


# verbs that demand when their clause is a wish ("insisted that the talks *take* place") but
# only assert when it is a plain statement ("insisted that the unrest *reflected* old feuds")
_DEMAND_OR_ASSERT = frozenset({"insist"})
_INDICATIVE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_MODALS = frozenset({"must", "should", "shall", "ought", "need"})


def asserts(head: Token) -> bool:
    """``head`` ("insisted") governs an indicative clause with no modal of obligation: it
    reports what someone maintains (a statement), not a demand."""
    if head.lemma_.lower() not in _DEMAND_OR_ASSERT:
        return False
    clauses = [c for c in head.children if c.dep_ == "ccomp"]
    if not clauses:
        return False
    clause = clauses[0]
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _MODALS for a in auxes):
        return False
    return clause.tag_ in _INDICATIVE_TAGS or any(a.tag_ in _INDICATIVE_TAGS for a in auxes)


_NAME_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def _is_name(token: Token) -> bool:
    return token.ent_type_ in _NAME_ENTS or token.pos_ == "PROPN"


def compose(mentions: Sequence[Mention]) -> list[Mention]:
    """Apply frames, drop the mentions that became part of another one, and mark as ``context``
    the mentions in a background phrase or clause of another event."""
    mentions = [
        replace(m, code="010", frame=f"assertion: {m.match.head.text!r} states a fact")
        if m.code.startswith("10") and asserts(m.match.head)
        else m
        for m in mentions
    ]
    by_head = {m.match.head.i: m for m in mentions}
    dropped: set[int] = set()
    out: dict[int, Mention] = {}
    for mention in mentions:
        frame = frame_of(mention)
        if frame is None:
            continue
        head_i = mention.match.head.i
        outer = by_head.get(frame.word.i) if frame.word.i != head_i else None
        words = tuple(mention.words)
        actors = mention.actor_args
        recipients = mention.recipient_args
        if frame.kind in ("demand", "appeal", "allege"):
            recipients = (outer.recipient_args if outer else ()) + actors
            actors = outer.actor_args if outer else _subjects(frame.word)
        elif frame.kind == "claim":
            actors = outer.actor_args if outer else _subjects(frame.word)
        elif outer is not None:
            actors = actors or outer.actor_args
            recipients = recipients + outer.recipient_args
        elif not actors and frame.word.i != head_i:
            actors = _subjects(frame.word)
        if outer is not None:
            words = (*outer.words, *words)
            dropped.add(outer.match.head.i)
        elif frame.word.i != head_i:
            words = (frame.word, *words)
        note = f"{frame.kind} frame: {frame.word.text!r} over {mention.match.head.text!r}"
        out[head_i] = replace(
            mention,
            code=frame.code,
            words=words,
            actor_args=actors,
            recipient_args=recipients,
            frame=note,
        )
    final = [out.get(m.match.head.i, m) for m in mentions]
    kept = [m for m in final if m.match.head.i not in dropped]
    # a nominal trigger inside the object of a frame-like event is that event's content, and
    # the direct object of any verbal trigger is part of it ("ratified an agreement with the EU")
    absorbed: dict[int, list[Mention]] = {}
    for m in kept:
        head = m.match.head
        # a gerund is content too: "accused X of *violating* human rights" (but violence keeps
        # its own event: "accused the militia of attacking two villages")
        gerund = (
            head.dep_ == "pcomp"
            and head.tag_ == "VBG"
            and m.frame is None
            and m.code[:2] not in _VIOLENT_ROOTS
        )
        if head.pos_ in ("NOUN", "PROPN") or gerund:
            container = next(
                (
                    o
                    for o in kept
                    if o is not m
                    and o.match.head.pos_ in ("VERB", "AUX")
                    and (
                        (o.code[:2] in _FRAME_ROOTS and _inside_object(head, o.match.head))
                        or _direct_object(head, o.match.head)
                        or _harm_by(m, o)
                    )
                ),
                None,
            )
        elif m.frame is None:
            container = next((o for o in kept if o is not m and _content_of(m, o)), None)
        else:
            continue
        if container is not None:
            absorbed.setdefault(container.match.head.i, []).append(m)
    result: list[Mention] = []
    inner = {m.match.head.i for group in absorbed.values() for m in group}
    for m in kept:
        if m.match.head.i in inner:
            continue
        # the content's target is the event's when the event names none of its own ("called
        # for sanctions against Nigeria"), not beside it ("accused Rwanda of ... alleging Paris")
        named = any(_is_name(h) for h, _ in m.recipient_args)
        extra = tuple(
            arg
            for a in absorbed.get(m.match.head.i, ())
            for arg in a.recipient_args
            if not named and arg[0].i not in {h.i for h, _ in m.recipient_args}
        )
        result.append(replace(m, recipient_args=m.recipient_args + extra) if extra else m)
    # a framed mention is the frame's event, in the frame's clause ("reached a consensus to ...");
    # the others in a background phrase or clause are context of the main event, kept (marked)
    # for when the main event cannot be coded ("two men were killed in a town where police
    # opened fire")
    main = {
        id(m)
        for m in result
        if not background(m.words[0] if m.frame else m.match.head) and not _outcome(m, result)
    }
    if not main:
        return result
    return [m if id(m) in main else replace(m, context=True) for m in result]


_BACKGROUND_PREPS = frozenset(
    {"after", "following", "amid", "during", "since", "before", "despite", "over", "because",
     "against"}
)  # fmt: skip
_BACKGROUND_PHRASES = frozenset(
    {
        ("wake", "of"), ("response", "to"), ("result", "of"), ("retaliation", "for"),
        ("retaliation", "against"), ("protest", "of"), ("protest", "against"),
        ("protest", "over"), ("reaction", "to"), ("revenge", "for"),
    }
)  # fmt: skip
# a clause introduced by one of these is the condition, purpose or cause of the main event
# ("unless Israel rescinds", "to demand ...", "because the army had shelled the town"); a
# time clause ("after an attack killed six") reports an event of its own and is kept
_BACKGROUND_MARKS = frozenset({"if", "unless", "until", "to", "because"})
# "refused to commit troops, citing domestic opposition": the reason given is not an event
_REASON_VERBS = frozenset({"cite"})


def _harm_by(noun: Mention, verb: Mention) -> bool:
    """ "eight people were killed *in an air strike*": the harm and its cause are one event."""
    head = noun.match.head
    prep = head.head
    return (
        head.dep_ == "pobj"
        and prep.lower_ in ("in", "by", "during")
        and prep.head.i == verb.match.head.i
        and noun.code[:2] in _VIOLENT_ROOTS
        and verb.code[:2] in _VIOLENT_ROOTS
    )


# what a statement of hope (013) or an allegation (112) says is its content, not an event
_HOPING = ("013",)
_ALLEGING = ("112",)


def _content_of(mention: Mention, statement: Mention) -> bool:
    """``mention`` is a verb of what ``statement`` says: "she hoped the officials would be
    *indicted*", "alleged that France was aware ..., and that its military *contributed* to
    ...". A hope's content has not happened; an allegation's is part of the accusation (but
    violence alleged keeps its own event)."""
    head = mention.match.head
    verb = statement.match.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if not statement.code.startswith(_HOPING) and not (
        statement.code.startswith(_ALLEGING) and mention.code[:2] not in _VIOLENT_ROOTS
    ):
        return False
    token = head
    for _ in range(4):
        if token.dep_ == "ccomp":
            return bool(token.head.i == verb.i)
        if token.dep_ != "conj" or token.head is token:
            return False
        token = token.head
    return False


def _outcome(mention: Mention, mentions: Sequence[Mention]) -> bool:
    """A participle that tells what a violent event did: "shelled the town, *killing* six" is
    one attack, whose victims the participle names."""
    head = mention.match.head
    if mention.code[:2] not in _VIOLENT_ROOTS:
        return False
    while head.dep_ == "conj" and head.tag_ == "VBG" and head.head is not head:
        head = head.head  # "killing three and *wounding* five"
    if head.dep_ != "advcl" or head.tag_ != "VBG":
        return False
    return any(m.match.head.i == head.head.i and m.code[:2] in _VIOLENT_ROOTS for m in mentions)


def background(head: Token) -> bool:
    """The trigger is context for the sentence's main event, not the event reported: inside a
    relative or participial clause ("the town, where 28 people were killed"; "weapons seized
    last year"), a condition or purpose clause, a time/cause phrase ("after 12 days of
    battles", "in the wake of the execution"), or the reason for an act ("jailed him for
    helping militants"). Such mentions are dropped when the sentence reports another event."""
    token = head
    for _ in range(10):
        if token.head is token:
            return False
        dep = token.dep_
        parent = token.head
        if dep in ("relcl", "acl") and token.pos_ in ("VERB", "AUX"):
            return True
        if dep == "advcl" and token.pos_ in ("VERB", "AUX"):
            marks = {c.lower_ for c in token.children if c.dep_ in ("mark", "aux")}
            # a condition ("unless Israel rescinds", "until they gain control"), a purpose
            # ("began a hunger strike to demand ...") or a cause belongs to the event it modifies
            if marks & _BACKGROUND_MARKS:
                return True
        if dep == "dobj" and parent.lemma_.lower() in _REASON_VERBS:
            return True
        if dep in ("pobj", "pcomp") and parent.dep_ == "prep":
            word = parent.lower_
            if word in _BACKGROUND_PREPS:
                return True
            if word == "for" and dep == "pcomp" and token.tag_ == "VBG":
                return True  # the reason: "jailed him for helping militants"
            if (parent.head.lemma_.lower(), word) in _BACKGROUND_PHRASES:
                return True
        if dep in ("ccomp", "xcomp", "advcl", "conj") or token.pos_ in ("VERB", "AUX"):
            return False
        token = parent
    return False


def _subjects(word: Token) -> tuple[tuple[Token, str], ...]:
    if word.pos_ in ("NOUN", "PROPN"):
        return tuple(nominal_actors(word))
    return tuple(subjects_of(word))
