"""Whether the text asserts that an event happened: negation, futures, hypotheticals, intentions.

``resolve_modality(trigger)`` walks from the trigger word up its chain of governing verbs and
returns the modality with the cue that decided it. Factual events are ``asserted`` or ``reported``;
``negated``, ``hypothetical``, ``future`` and ``intended`` events are kept but flagged
``factual: false``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from thucydides.models import FACTUAL_MODALITIES

Token = Any  # spacy.tokens.Token

_NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can", "ought"})
# Verbs whose infinitival complement has not happened (yet): "plans to visit", "vowed to attack".
_INTENT_VERBS = frozenset(
    [
        "plan",
        "intend",
        "want",
        "wish",
        "seek",
        "aim",
        "hope",
        "expect",
        "vow",
        "pledge",
        "promise",
        "agree",
        "decide",
        "offer",
        "propose",
        "threaten",
        "prepare",
        "try",
        "attempt",
        "consider",
        "mull",
        "weigh",
        "plot",
        "schedule",
        "set",
        "aspire",
        "desire",
        "push",
        "call",
        "urge",
        "ask",
        "demand",
        "request",
        "invite",
        "press",
        "need",
    ]
)
# Verbs that deny their complement: "refused to meet", "failed to agree".
_NEGATING_VERBS = frozenset({"refuse", "fail", "decline", "reject", "deny", "avoid", "cancel"})
# Nouns that make what they govern hypothetical: "the possibility of meeting".
_HYPOTHETICAL_NOUNS = frozenset(
    {
        "possibility",
        "prospect",
        "chance",
        "likelihood",
        "threat",
        "risk",
        "plan",
        "proposal",
        "idea",
        "hope",
        "call",
        "offer",
        "bid",
        "attempt",
        "demand",
        "request",
        "invitation",
    }
)
_FUTURE_NOUNS = frozenset({"plan", "proposal", "schedule", "prospect"})
_REPORTING_VERBS = frozenset(
    {"say", "report", "tell", "state", "announce", "claim", "add", "confirm", "note", "quote"}
)
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})


@dataclass(frozen=True, slots=True)
class ModalityDecision:
    modality: str
    cue: str

    @property
    def factual(self) -> bool:
        return self.modality in FACTUAL_MODALITIES


def _own_cue(token: Token) -> ModalityDecision | None:
    """Cues attached to one word: negation, auxiliaries, conditional marks, 'going to'."""
    for child in token.children:
        low = child.lower_
        if child.dep_ == "neg" or (child.dep_ in ("det", "advmod", "preconj") and low in _NEGATORS):
            return ModalityDecision("negated", f"negation {child.text!r} on {token.text!r}")
    for child in token.children:
        low = child.lower_
        if child.dep_ in ("aux", "auxpass") or (child.dep_ == "advmod" and low == "will"):
            if low in _FUTURE_AUX:
                return ModalityDecision("future", f"auxiliary {child.text!r} on {token.text!r}")
            if low in _HYPOTHETICAL_AUX:
                return ModalityDecision("hypothetical", f"modal {child.text!r} on {token.text!r}")
        if child.dep_ == "mark" and low in _CONDITIONAL_MARKS:
            return ModalityDecision("hypothetical", f"condition {child.text!r} on {token.text!r}")
    # "is going to visit": aux 'is' + 'going' head with xcomp
    if token.dep_ == "xcomp" and token.head.lower_ == "going" and token.head.head is not token:
        return ModalityDecision("future", f"'going to' before {token.text!r}")
    return None


def _future_in_the_past(token: Token, cue: ModalityDecision) -> bool:
    """ "X said they would boycott": 'would' in reported speech is the future seen from the past."""
    return (
        cue.modality == "hypothetical"
        and token.dep_ == "ccomp"
        and token.head.lemma_.lower() in _REPORTING_VERBS | {"confirm", "warn", "vow", "insist"}
        and any(c.dep_ == "aux" and c.lower_ == "would" for c in token.children)
        and not any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in token.children)
    )


def resolve_modality(trigger: Token) -> ModalityDecision:
    """The modality of the event expressed by ``trigger``, looking up the governing chain."""
    token = trigger
    reported: str | None = None
    for _ in range(8):  # a clause chain is short; the bound guards against odd parses
        cue = _own_cue(token)
        if cue:
            if _future_in_the_past(token, cue):
                return ModalityDecision("future", f"{cue.cue}, reported by {token.head.text!r}")
            return cue
        dep, head = token.dep_, token.head
        if head is token:
            break
        head_lemma = head.lemma_.lower()
        if dep == "xcomp" or (dep == "advcl" and any(c.lower_ == "to" for c in token.children)):
            if head_lemma in _NEGATING_VERBS:
                return ModalityDecision("negated", f"{head.text!r} governs {token.text!r}")
            if head_lemma in _INTENT_VERBS:
                head_cue = _own_cue(head)
                if head_cue and head_cue.modality == "negated":
                    return head_cue
                return ModalityDecision("intended", f"{head.text!r} governs {token.text!r}")
            if dep == "advcl":
                return ModalityDecision("intended", f"purpose clause 'to {token.text}'")
            token = head
            continue
        if dep == "pobj" and head.dep_ == "prep":
            noun = head.head
            if noun.lemma_.lower() in _HYPOTHETICAL_NOUNS and noun.pos_ == "NOUN":
                kind = "future" if noun.lemma_.lower() in _FUTURE_NOUNS else "hypothetical"
                return ModalityDecision(kind, f"{noun.text!r} {head.text!r} {token.text!r}")
            break
        if dep == "pcomp" and head.dep_ == "prep":
            noun = head.head
            if noun.lemma_.lower() in _HYPOTHETICAL_NOUNS:
                return ModalityDecision("hypothetical", f"{noun.text!r} of {token.text!r}")
            break
        if dep in ("nsubj", "nsubjpass", "dobj", "attr") and token.pos_ in ("NOUN", "PROPN"):
            # a nominal trigger inherits the modality of its verb: "talks will be held"
            token = head
            continue
        if dep == "conj":
            token = head
            continue
        if dep in ("ccomp", "advcl") and head_lemma in _REPORTING_VERBS and reported is None:
            reported = f"reported by {head.text!r}"
            head_cue = _own_cue(head)
            if head_cue and head_cue.modality == "negated":
                # "did not say that X met Y" asserts nothing about the meeting; keep it reported
                break
            break
        if dep == "relcl" or dep == "acl":
            break
        break
    if reported:
        return ModalityDecision("reported", reported)
    return ModalityDecision("asserted", "no negation, modal, future or condition cue")
