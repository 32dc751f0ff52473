"""The sentence of an event cut into segments, each marked with what it is evidence for.

The dashboard draws the segments with ``textContent`` (never as HTML): the article text is
untrusted, and this is where it meets the page.
"""

from __future__ import annotations

from typing import Any, TypedDict


class Segment(TypedDict):
    text: str
    kind: str | None  # None (plain text), "actor", "recipient", "trigger", "place", "date"
    label: str | None  # e.g. the actor code or the place name


def _sentence_start(record: dict[str, Any], text: str | None) -> int | None:
    """Where the sentence starts in the article text, if it can be found there."""
    sentence = record.get("sentence") or ""
    trigger = record.get("trigger") or {}
    if not text or not sentence:
        return None
    anchor = int(trigger.get("start") or 0)
    start = text.rfind(sentence, 0, anchor + 1)
    if start < 0:
        start = text.find(sentence)
    return start if start >= 0 else None


def _spans(record: dict[str, Any]) -> list[tuple[str, str | None, dict[str, Any]]]:
    spans: list[tuple[str, str | None, dict[str, Any]]] = []
    if record.get("trigger"):
        spans.append(("trigger", record.get("cameo"), record["trigger"]))
    for kind in ("actors", "recipients"):
        for actor in record.get(kind) or []:
            spans.append((kind[:-1], actor.get("code"), actor))
    if record.get("location"):
        spans.append(("place", record["location"].get("name"), record["location"]))
    if record.get("date_text"):
        spans.append(("date", record.get("date"), {"text": record["date_text"]}))
    return spans


def segments(record: dict[str, Any], text: str | None = None) -> list[Segment]:
    """The event's sentence in order, with the actors, trigger, place and date marked.

    Offsets are into the article ``text``; without it (imported events) or when they do not
    match, a span is found by its words in the sentence."""
    sentence: str = record.get("sentence") or ""
    base = _sentence_start(record, text)
    marks: list[tuple[int, int, str, str | None]] = []
    for kind, label, span in _spans(record):
        words = str(span.get("text") or "")
        if not words:
            continue
        start = end = -1
        if base is not None and isinstance(span.get("start"), int):
            start, end = span["start"] - base, span["end"] - base
            if not (0 <= start < end <= len(sentence)) or sentence[start:end] != words:
                start = -1
        if start < 0:
            start = sentence.find(words)
            end = start + len(words)
        if start >= 0 and not any(s < end and start < e for s, e, _, _ in marks):
            marks.append((start, end, kind, label))
    out: list[Segment] = []
    cursor = 0
    for start, end, kind, label in sorted(marks):
        if start > cursor:
            out.append({"text": sentence[cursor:start], "kind": None, "label": None})
        out.append({"text": sentence[start:end], "kind": kind, "label": label})
        cursor = end
    if cursor < len(sentence):
        out.append({"text": sentence[cursor:], "kind": None, "label": None})
    return out


__all__ = ["Segment", "segments"]
