"""Scorers for classification-style datasets: the gold is a ``label``; the system's events are
mapped onto the dataset's label set (PentaClass, ACLED groups, police actions, PLOVER detection)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from thucydides.evaluation.common import NO_EVENT, Item, Scored, primary, ranked
from thucydides.evaluation.metrics import LabelTable, token_f1, tokens
from thucydides.models import Event

__all__ = [
    "ACLED_GROUPS",
    "acled_group",
    "penta_class",
    "police_labels",
    "score_acled",
    "score_detection",
    "score_penta",
    "score_police",
]

# --- ConfliBERT PentaClass ----------------------------------------------------------------------

_PENTA_BY_PLOVER = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1,
    "COOPERATE": 2, "AID": 2, "CONCEDE": 2, "RETREAT": 2,
    "PROTEST": 4, "MOBILIZE": 4, "SANCTION": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip


def penta_class(event: Event) -> int | None:
    """CAMEO root -> PentaClass (01-02: 0, 03-05: 1, 06-08: 2, 09-13: 3, 14-20: 4), else PLOVER."""
    if event.cameo_root.isdigit():
        root = int(event.cameo_root)
        for bound, cls in ((2, 0), (5, 1), (8, 2), (13, 3), (20, 4)):
            if 1 <= root <= bound:
                return cls
    return _PENTA_BY_PLOVER.get(event.plover or "")


def score_penta(items: Sequence[Item]) -> Scored:
    """Accuracy / macro-F1 of the top-1 event's PentaClass (no event = wrong); actor text F1."""
    scored = Scored(table_title="PentaClass (top-1 event)")
    table = LabelTable()
    table.ensure(str(c) for c in range(5))
    any_hit = total = 0
    src_f1: list[float] = []
    tgt_f1: list[float] = []
    for item in items:
        gold = item.gold.label.get("penta_class")
        top = primary(item.events)
        got = penta_class(top) if top else None
        if gold is not None:
            total += 1
            table.add_single(str(gold), None if got is None else str(got))
            any_hit += int(gold) in {penta_class(e) for e in item.events}
            if got != gold:
                scored.confusions[(str(gold), NO_EVENT if top is None else str(got))] += 1
                scored.error(item, f"PentaClass {gold}")
        spans = item.gold.spans
        both = list(spans.get("source_and_target", ()))
        for side, values, out in (
            ("source", spans.get("source", ()), src_f1),
            ("target", spans.get("target", ()), tgt_f1),
        ):
            want = [t for s in (*values, *both) for t in tokens(s)]
            if not want:
                continue
            events = ranked(item.events)[:1]
            texts = [
                a.text for e in events for a in (e.actors if side == "source" else e.recipients)
            ]
            out.append(token_f1(want, [t for s in texts for t in tokens(s)]))
    scored.rate("accuracy", table.micro.tp, total)
    scored.metrics["macro_f1"] = table.macro_f1
    scored.rate("any_event_accuracy", any_hit, total)
    for name, f1s in (("source_text_f1", src_f1), ("target_text_f1", tgt_f1)):
        if f1s:
            scored.metrics[name] = sum(f1s) / len(f1s)
            scored.metrics[f"{name}_n"] = len(f1s)
    scored.table = table
    return scored


# --- CASE 2021 task 2: ACLED sub-event types --------------------------------------------------

ACLED_GROUPS: dict[str, str] = {
    "PEACE_PROTEST": "protest_peaceful",
    "VIOL_DEMONSTR": "protest_violent", "MOB_VIOL": "protest_violent",
    "PROTEST_WITH_INTER": "protest_violent",
    "FORCE_AGAINST_PROTEST": "repression",
    "ARMED_CLASH": "armed_clash", "GOV_REGAINS_TERIT": "armed_clash",
    "NON_STATE_ACTOR_OVERTAKES_TER": "armed_clash", "AIR_STRIKE": "armed_clash",
    "ART_MISS_ATTACK": "armed_clash", "CHEM_WEAP": "armed_clash",
    "SUIC_BOMB": "attack", "GRENADE": "attack", "REM_EXPLOS": "attack", "ATTACK": "attack",
    "ABDUCT_DISSAP": "attack", "SEX_VIOL": "attack", "PROPERTY_DISTRUCT": "attack",
    "ARREST": "arrest",
    "AGREEMENT": "diplomacy", "DIPLO": "diplomacy",
    "NATURAL_DISASTER": "none", "MAN_MADE_DISASTER": "none", "ORG_CRIME": "none", "OTHER": "none",
}  # fmt: skip
_ACLED_SEPARATE = frozenset(
    {"DISR_WEAP", "HQ_ESTABLISHED", "CHANGE_TO_GROUP_ACT", "NON_VIOL_TERRIT_TRANSFER", "ATTRIB"}
)
_NON_POLITICAL = frozenset({"NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME"})


def acled_group(event: Event) -> str | None:
    """The coarse ACLED group an event falls in (README mapping), or None when it maps to none."""
    code, root, plover, mode = event.cameo, event.cameo_root, event.plover, event.plover_mode
    if code.startswith("145") or (plover == "PROTEST" and mode == "riot"):
        return "protest_violent"
    if root == "14" or plover == "PROTEST":
        return "protest_peaceful"
    if code.startswith("173") or (plover == "COERCE" and mode == "arrest"):
        return "arrest"
    police = any("COP" in a.sectors for a in event.actors)
    if code.startswith("175") or (plover in {"ASSAULT", "COERCE"} and police):
        return "repression"
    if root == "18" or code.startswith("1712"):
        return "attack"
    if root in {"19", "20"}:
        return "armed_clash"
    if root in {"03", "04", "05"} or plover in {"AGREE", "CONSULT", "SUPPORT"}:
        return "diplomacy"
    return None


def score_acled(items: Sequence[Item]) -> Scored:
    """Group accuracy / macro-F1 (top-1 mapped event; no event = "none"), and how often the
    non-political snippets (disasters, organised crime) get no event at all."""
    scored = Scored(table_title="ACLED group (top-1 mapped event)")
    table = LabelTable()
    total = 0
    separate = separate_with_events = 0
    nonpol = nonpol_quiet = 0
    predicted_none = predicted_none_right = 0
    for item in items:
        subtype = str(item.gold.label.get("acled_subtype", ""))
        mapped = [g for g in (acled_group(e) for e in ranked(item.events)) if g]
        got = mapped[0] if mapped else ("none" if not item.events else "other")
        if subtype in _ACLED_SEPARATE:
            separate += 1
            separate_with_events += bool(item.events)
            continue
        gold = ACLED_GROUPS.get(subtype)
        if gold is None:
            continue
        total += 1
        table.add_single(gold, got)
        if gold != got:
            scored.confusions[(gold, got)] += 1
            scored.error(item, f"{gold} ({subtype})")
        if subtype in _NON_POLITICAL:
            nonpol += 1
            nonpol_quiet += not item.events
        if not item.events:
            predicted_none += 1
            predicted_none_right += gold == "none"
    scored.rate("group_accuracy", table.micro.tp, total)
    scored.metrics["group_macro_f1"] = table.macro_f1
    scored.rate("non_political_no_event_rate", nonpol_quiet, nonpol)
    scored.rate("no_event_precision", predicted_none_right, predicted_none)
    scored.rate("separate_types_event_rate", separate_with_events, separate)
    scored.table = table
    scored.notes.append(
        "DISR_WEAP, HQ_ESTABLISHED, CHANGE_TO_GROUP_ACT, NON_VIOL_TERRIT_TRANSFER, ATTRIB are "
        "reported separately (separate_types_event_rate), not in the group scores"
    )
    return scored


# --- IndiaPoliceEvents ----------------------------------------------------------------------

POLICE_LABELS = ("KILL", "ARREST", "FORCE", "ANY_ACTION", "FAIL")
_POLICE_TEXT = re.compile(r"\b(police\w*|cops?|constables?|constabulary|sub-inspectors?)\b", re.I)
_DEATH_TEXT = re.compile(r"\b(kill\w*|dead|death\w*|died|dies|fatal\w*|lynch\w*|murder\w*)\b", re.I)


def _police_source(event: Event) -> bool:
    return any("COP" in a.sectors or _POLICE_TEXT.search(a.text) for a in event.actors)


def police_labels(events: Iterable[Event]) -> set[str]:
    """The "did police ...?" labels a record's events imply (events with a police source only).

    Factual events: ANY_ACTION; ARREST (CAMEO 173 / COERCE arrest); FORCE (ASSAULT, CAMEO 175,
    roots 18-20); KILL (FORCE with death words in trigger or sentence). Negated: FAIL.
    """
    labels: set[str] = set()
    for e in events:
        if not _police_source(e):
            continue
        if not e.factual:
            if e.modality == "negated":
                labels.add("FAIL")
            continue
        labels.add("ANY_ACTION")
        if e.cameo.startswith("173") or (e.plover == "COERCE" and e.plover_mode == "arrest"):
            labels.add("ARREST")
        if e.plover == "ASSAULT" or e.cameo.startswith("175") or e.cameo_root in {"18", "19", "20"}:
            labels.add("FORCE")
            if _DEATH_TEXT.search(e.trigger.text) or _DEATH_TEXT.search(e.sentence):
                labels.add("KILL")
    return labels


def score_police(items: Sequence[Item]) -> Scored:
    """Sentence-level and document-level (any sentence) P/R/F1 per police label."""
    scored = Scored(table_title="police label (sentence level)")
    table = LabelTable()
    table.ensure(POLICE_LABELS)
    docs_gold: dict[str, set[str]] = defaultdict(set)
    docs_pred: dict[str, set[str]] = defaultdict(set)
    for item in items:
        gold = {str(x) for x in item.gold.label.get("police_labels", [])}
        pred = police_labels(item.events)
        table.add(sorted(gold), sorted(pred))
        doc = str(item.gold.meta.get("doc_id", item.gold.id))
        docs_gold[doc] |= gold
        docs_pred[doc] |= pred
        for label in sorted(gold - pred):
            scored.confusions[(label, NO_EVENT if not pred else "+".join(sorted(pred)))] += 1
        if gold != pred:
            shown = "+".join(sorted(gold)) or "no police action"
            scored.error(item, f"{shown} (predicted {'+'.join(sorted(pred)) or 'none'})")
    for label in POLICE_LABELS:
        scored.put(label.lower(), table.counts[label])
    expected = [table.counts[x].f1 for x in POLICE_LABELS if x != "FAIL"]
    scored.metrics["macro_f1_without_fail"] = sum(expected) / len(expected)
    docs = LabelTable()
    docs.ensure(POLICE_LABELS)
    for doc, gold in docs_gold.items():
        docs.add(sorted(gold), sorted(docs_pred[doc]))
    for label in POLICE_LABELS:
        scored.metrics[f"doc_{label.lower()}_f1"] = docs.counts[label].f1
    scored.metrics["documents"] = len(docs_gold)
    scored.table = table
    scored.notes.append("FAIL (police failed to act) has no CAMEO/PLOVER counterpart: not expected")
    return scored


# --- Arabic PROTEST / ASSAULT detection -----------------------------------------------------------

_DETECTION_TYPES = ("PROTEST", "ASSAULT")


def score_detection(items: Sequence[Item]) -> Scored:
    """Binary detection per PLOVER type: "yes" positive, "easy/difficult no" negative, ambiguous
    skipped; plus the false-positive rate on the hard ("difficult no") negatives."""
    scored = Scored(table_title="PLOVER type detection")
    table = LabelTable()
    table.ensure(_DETECTION_TYPES)
    hard = {t: [0, 0] for t in _DETECTION_TYPES}
    for item in items:
        predicted = {e.plover for e in item.events}
        wrong: list[str] = []
        for kind in _DETECTION_TYPES:
            entry = item.gold.label.get(kind)
            verdict = entry.get("label") if isinstance(entry, dict) else None
            if verdict not in {"yes", "easy no", "difficult no"}:
                continue
            gold = verdict == "yes"
            got = kind in predicted
            table.counts[kind].add([1] if gold else [], [1] if got else [])
            table.micro.add([1] if gold else [], [1] if got else [])
            if verdict == "difficult no":
                hard[kind][0] += 1
                hard[kind][1] += got
            if gold != got:
                pair = (kind, NO_EVENT) if gold else ("no " + kind, kind)
                scored.confusions[pair] += 1
                wrong.append(kind if gold else f"no {kind}")
        if wrong:
            scored.error(item, ", ".join(wrong))
    for kind in _DETECTION_TYPES:
        scored.put(kind.lower(), table.counts[kind])
        scored.rate(f"{kind.lower()}_hard_negative_fp_rate", hard[kind][1], hard[kind][0])
    scored.put("micro", table.micro)
    scored.table = table
    return scored
