"""Checks that turn bad bytes or text into a rejection reason before any NLP is spent on it."""

from __future__ import annotations

import re

from thucydides.models import RejectionReason

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

# The commonest English function words: a text with hardly any of them is not English prose.
ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "that",
        "is",
        "was",
        "he",
        "for",
        "it",
        "with",
        "as",
        "his",
        "on",
        "be",
        "at",
        "by",
        "i",
        "this",
        "had",
        "not",
        "are",
        "but",
        "from",
        "or",
        "have",
        "an",
        "they",
        "which",
        "one",
        "you",
        "were",
        "her",
        "all",
        "she",
        "there",
        "would",
        "their",
        "we",
        "him",
        "been",
        "has",
        "when",
        "who",
        "will",
        "more",
        "no",
        "if",
        "out",
        "so",
        "said",
        "what",
        "up",
        "its",
        "about",
        "into",
        "than",
        "them",
        "can",
        "only",
        "other",
        "new",
        "some",
        "could",
        "time",
        "these",
        "two",
        "may",
        "then",
        "do",
        "first",
        "any",
        "my",
        "now",
        "such",
        "like",
        "our",
        "over",
        "man",
        "me",
        "even",
        "most",
        "made",
        "after",
        "also",
        "did",
        "many",
        "before",
        "must",
        "through",
        "back",
        "years",
        "where",
        "much",
        "your",
        "way",
        "well",
        "down",
        "should",
        "because",
        "each",
        "just",
        "those",
        "people",
        "mr",
        "how",
        "too",
        "little",
        "state",
        "good",
        "very",
        "make",
        "world",
        "still",
        "own",
        "see",
        "men",
        "work",
        "long",
        "get",
        "here",
        "between",
        "both",
        "life",
        "being",
        "under",
        "never",
        "day",
        "same",
        "another",
        "know",
        "while",
        "last",
        "might",
        "us",
        "great",
        "old",
        "year",
        "off",
        "come",
        "since",
        "against",
        "go",
        "came",
        "right",
        "used",
        "take",
        "three",
    ]
)


def check_bytes(data: bytes) -> tuple[RejectionReason, str] | None:
    """Reject empty and binary content; None when the bytes look like text."""
    if not data.strip():
        return RejectionReason.EMPTY, "the input is empty (no text to code)"
    sample = data[:8192]
    if b"\x00" in sample:
        return RejectionReason.BINARY, "the input is binary (contains NUL bytes), not text"
    return None


def decode(data: bytes) -> str | tuple[RejectionReason, str]:
    """UTF-8 text (a BOM is dropped), or a rejection naming the first bad byte and the fix."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        return (
            RejectionReason.ENCODING,
            f"not valid UTF-8 (byte 0x{bad} at offset {exc.start}); re-save the file as UTF-8",
        )


def check_text(text: str, *, max_chars: int) -> tuple[RejectionReason, str] | None:
    """Reject text that is empty, too large or binary-looking (language is checked elsewhere)."""
    if not text.strip():
        return RejectionReason.EMPTY, "the text is empty"
    if len(text) > max_chars:
        return (
            RejectionReason.TOO_LARGE,
            f"the text has {len(text):,} characters, over the limit of {max_chars:,}; "
            "split it into articles or raise --max-chars",
        )
    controls = len(_CONTROL.findall(text[:20000]))
    if controls > max(5, len(text[:20000]) // 100):
        return (
            RejectionReason.BINARY,
            f"the text has {controls} control characters; it looks binary",
        )
    return None
