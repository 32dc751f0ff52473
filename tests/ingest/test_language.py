"""Language detection per article, and the rejection that says how to add a language."""

from __future__ import annotations

import pytest

from thucydides.ingest import build_article, detect_language
from thucydides.models import Article, Rejection, RejectionReason
from thucydides.settings import Settings

TEXTS = {
    "en": "The defence ministers of the three countries met in the capital on Wednesday and "
    "agreed to continue the talks next month, officials said.",
    "fr": "Les ministres de la défense des trois pays se sont réunis mercredi dans la capitale et "
    "ont convenu de poursuivre les discussions le mois prochain.",
    "de": "Die Verteidigungsminister der drei Länder trafen sich am Mittwoch in der Hauptstadt "
    "und vereinbarten, die Gespräche im nächsten Monat fortzusetzen.",
    "es": "Los ministros de defensa de los tres países se reunieron el miércoles en la capital y "
    "acordaron continuar las conversaciones el próximo mes.",
    "tr": "Üç ülkenin savunma bakanları çarşamba günü başkentte bir araya geldi ve görüşmelere "
    "gelecek ay devam etme konusunda anlaştı.",
    "ru": "Министры обороны трех стран встретились в среду в столице и договорились продолжить "
    "переговоры в следующем месяце, сообщили официальные лица.",
    "ar": "اجتمع وزراء دفاع الدول الثلاث يوم الأربعاء في العاصمة واتفقوا على مواصلة المحادثات "
    "الشهر المقبل حسبما قال مسؤولون في بيان رسمي صدر بعد الاجتماع.",
}


@pytest.mark.parametrize("code", list(TEXTS))
def test_detects_the_language_of_news_prose(code: str) -> None:
    detected = detect_language(TEXTS[code])
    assert detected is not None and detected.code == code


@pytest.mark.parametrize("text", ["Erdogan met Putin.", "Moscow talks", "", "12345 678"])
def test_short_texts_are_not_judged(text: str) -> None:
    assert detect_language(text) is None


def test_other_language_is_rejected_with_how_to_add_it() -> None:
    outcome = build_article(TEXTS["tr"], Settings(), origin="t.txt")
    assert isinstance(outcome, Rejection) and outcome.reason is RejectionReason.LANGUAGE
    assert outcome.detail.startswith(
        "the article is in Turkish (tr; detected with 1.00 confidence), and thucydides codes "
        "only English (en); to code Turkish, install a spaCy pipeline and dictionaries for it "
        "and add 'tr' to the languages setting (docs/ingest.md, 'Adding a language')"
    )


@pytest.mark.parametrize(
    ("settings", "given", "expected"),
    [
        (Settings(languages=("en", "tr")), None, "tr"),  # a language with a pipeline is kept
        (Settings(detect_language=False), None, "en"),  # no detection: the first language
        (Settings(), "Turkish", "language"),  # the record's own language field is trusted
        (Settings(languages=("en", "tr")), "tr-TR", "tr"),
    ],
)
def test_language_settings(settings: Settings, given: str | None, expected: str) -> None:
    outcome = build_article(TEXTS["tr"], settings, origin="t.txt", language=given)
    got = outcome.language if isinstance(outcome, Article) else outcome.reason.value
    assert got == expected
