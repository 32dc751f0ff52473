"""Which language an article is in: the only home of langdetect.

English prose is recognised cheaply first (a quarter of its words are common English function
words); anything else goes to langdetect (offline, deterministic with a fixed seed). Texts too short
to judge (headlines, names-only snippets, on which every detector guesses) are not judged.
"""

from __future__ import annotations

import functools
import re
import threading
from dataclasses import dataclass
from typing import Any

from thucydides.ingest.checks import ENGLISH_FUNCTION_WORDS

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 12  # below this, no detector is reliable: the text is not judged
ENGLISH_SHARE = 0.25  # English news has 29-45% of these words; other languages well under 15%
SAMPLE_CHARS = 3000

# ISO 639-1 codes that langdetect can return, with their English names.
LANGUAGE_NAMES = {
    "af": "Afrikaans",
    "ar": "Arabic",
    "bg": "Bulgarian",
    "bn": "Bengali",
    "ca": "Catalan",
    "cs": "Czech",
    "cy": "Welsh",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "et": "Estonian",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "gu": "Gujarati",
    "he": "Hebrew",
    "hi": "Hindi",
    "hr": "Croatian",
    "hu": "Hungarian",
    "id": "Indonesian",
    "it": "Italian",
    "ja": "Japanese",
    "kn": "Kannada",
    "ko": "Korean",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "mk": "Macedonian",
    "ml": "Malayalam",
    "mr": "Marathi",
    "ne": "Nepali",
    "nl": "Dutch",
    "no": "Norwegian",
    "pa": "Punjabi",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "so": "Somali",
    "sq": "Albanian",
    "sv": "Swedish",
    "sw": "Swahili",
    "ta": "Tamil",
    "te": "Telugu",
    "th": "Thai",
    "tl": "Tagalog",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "vi": "Vietnamese",
    "zh": "Chinese",
}


@dataclass(frozen=True, slots=True)
class Detected:
    """A detected language: ISO 639-1 code, English name and the detector's confidence (0-1)."""

    code: str
    confidence: float

    @property
    def name(self) -> str:
        return language_name(self.code)


def language_name(code: str) -> str:
    """English name of an ISO 639-1 code ("fr" → "French"); the code itself when unknown."""
    return LANGUAGE_NAMES.get(code.lower()[:2], code)


def normalise_code(value: str) -> str:
    """ "en-GB", "EN", "English" → "en"; unknown values are lower-cased as they are."""
    lowered = value.strip().lower()
    for code, name in LANGUAGE_NAMES.items():
        if lowered == name.lower():
            return code
    return lowered.replace("_", "-").split("-")[0]


def detect_language(text: str) -> Detected | None:
    """The language of ``text``; None when it is too short to judge."""
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample)
    if len(words) < MIN_WORDS:
        return None
    share = sum(w.lower() in ENGLISH_FUNCTION_WORDS for w in words) / len(words)
    if share >= ENGLISH_SHARE:
        return Detected("en", round(min(1.0, 0.5 + share), 2))
    return _langdetect(sample)


def _langdetect(sample: str) -> Detected | None:
    from langdetect.lang_detect_exception import LangDetectException

    try:
        detector = _factory().create()
        detector.append(sample)
        best: Any = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None  # no letters langdetect knows (e.g. only symbols)
    return Detected(normalise_code(str(best.lang)), round(float(best.prob), 2))


_LOADING = threading.Lock()


def preload() -> threading.Thread:
    """Load langdetect's profiles now, in a background thread (a run that detects languages
    calls this at its start). Loaded on first need instead, they would add ~60 MB to a run only
    when some article is not plainly English: a run's memory would depend on its content."""
    thread = threading.Thread(target=_factory, name="langdetect-profiles", daemon=True)
    thread.start()
    return thread


def _factory() -> Any:
    with _LOADING:  # a text needing detection while the profiles load waits for them
        return _load_factory()


@functools.cache
def _load_factory() -> Any:
    """langdetect's profiles, loaded once per process, with a fixed seed (same text → same answer)."""
    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = 0
    return factory
