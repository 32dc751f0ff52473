"""The pipeline, read as a table of contents.

1. read     inputs → Article | Rejection                            (thucydides.ingest)
2. skip     articles already stored with the same text and coder     (thucydides.store)
3. parse    spaCy, batched, in input order                           (thucydides.nlp)
4. code     triggers → arguments → actors, codes, modality, date     (thucydides.coding)
5. store    articles, events, actors, rejections in one transaction  (thucydides.store)
6. write    the events to --out in the requested format              (thucydides.formats)

A failure on one article is a Rejection (stored, counted), never a crashed run.
"""

from __future__ import annotations

import collections
import datetime as dt
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from thucydides import nlp
from thucydides.coding.events import CODER_VERSION, code_doc
from thucydides.dictionaries.verbs import load_trigger_dictionary
from thucydides.formats import open_writer
from thucydides.ingest import MAX_CHARS, check_inputs, furniture_spans, iter_articles
from thucydides.models import Article, Event, Rejection, RejectionReason
from thucydides.store import Store


@dataclass(frozen=True, slots=True)
class Settings:
    """How to code: the NLP pipeline, batching and limits."""

    model: str = nlp.DEFAULT_MODEL
    batch_size: int = 16
    n_process: int = 1
    max_chars: int = MAX_CHARS


@dataclass(frozen=True, slots=True)
class Coded:
    """An article and the events coded from it (``unchanged``: taken from the store as it was)."""

    article: Article
    events: Sequence[Event]
    unchanged: bool = False


Outcome = Coded | Rejection


def code_articles(
    items: Iterable[Article | Rejection],
    settings: Settings = Settings(),
    *,
    already_coded: Callable[[Sequence[Article]], set[str]] | None = None,
) -> Iterator[Outcome]:
    """Stages 2-4 for a stream of articles; yields one outcome per input item, in order."""
    triggers = load_trigger_dictionary()
    pending: collections.deque[Outcome | Article] = collections.deque()

    def to_parse() -> Iterator[tuple[str, Article]]:
        for batch in _batches(items, 64):
            articles = [a for a in batch if isinstance(a, Article)]
            done = already_coded(articles) if already_coded and articles else set()
            for item in batch:
                if isinstance(item, Rejection):
                    pending.append(item)
                elif item.id in done:
                    pending.append(Coded(item, (), unchanged=True))
                else:
                    pending.append(item)
                    yield item.text, item

    for doc, article in nlp.parse(
        to_parse(),
        model=settings.model,
        batch_size=settings.batch_size,
        n_process=settings.n_process,
    ):
        while not isinstance(pending[0], Article):
            yield pending.popleft()  # type: ignore[misc]
        pending.popleft()
        yield _code(doc, article, triggers)
    while pending:
        item = pending.popleft()
        assert not isinstance(item, Article)
        yield item


def _code(doc: object, article: Article, triggers: object) -> Outcome:
    try:
        events = code_doc(
            doc,
            article,
            triggers,  # type: ignore[arg-type]
            skip=furniture_spans(article.text),
        )
    except Exception as exc:  # one bad article must not stop the run: it becomes data
        detail = f"the coder failed on this article: {type(exc).__name__}: {exc}"
        return Rejection(
            article.id, "coding", RejectionReason.CODING_FAILED, detail, article.origin
        )
    return Coded(article, events)


def _batches(
    items: Iterable[Article | Rejection],
    size: int,
) -> Iterator[list[Article | Rejection]]:
    batch: list[Article | Rejection] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def code_text(
    text: str,
    *,
    published: dt.date | None = None,
    article_id: str = "text",
    settings: Settings = Settings(),
) -> list[Event]:
    """Code one text (a sentence or an article) without a store: for notebooks and evaluation."""
    article = Article(id=article_id, text=text, published=published, language="en")
    outcome = next(code_articles([article], settings))
    return list(outcome.events) if isinstance(outcome, Coded) else []


@dataclass
class RunSummary:
    """What a run did: counts by outcome, by event type and by rejection reason, and its speed."""

    run_id: str
    read: int = 0
    coded: int = 0
    unchanged: int = 0
    events: int = 0
    rejections: int = 0
    seconds: float = 0.0
    events_by_type: collections.Counter[str] = field(default_factory=collections.Counter)
    rejections_by_reason: collections.Counter[str] = field(default_factory=collections.Counter)

    @property
    def articles_per_second(self) -> float:
        return self.coded / self.seconds if self.seconds else 0.0


def code_collection(
    inputs: Sequence[str],
    *,
    db: str | Path,
    out: str | Path | None = None,
    settings: Settings = Settings(),
    on_outcome: Callable[[Outcome], None] | None = None,
) -> RunSummary:
    """Code every input into the store at ``db`` (and ``out``); idempotent and streaming."""
    started = time.perf_counter()
    summary = RunSummary(run_id=uuid.uuid4().hex[:12])
    check_inputs(inputs)  # a missing path or unknown format fails now, before anything is written
    items = iter_articles(inputs, max_chars=settings.max_chars)  # 1. read
    writer = open_writer(out) if out else None
    with Store(db) as store:
        store.start_run(summary.run_id, CODER_VERSION, asdict(settings), inputs)
        coded: list[tuple[Article, Sequence[Event]]] = []
        rejected: list[Rejection] = []

        def flush() -> None:
            store.write(coded, rejected, run_id=summary.run_id, coder_version=CODER_VERSION)
            coded.clear()
            rejected.clear()

        try:
            outcomes = code_articles(
                items, settings, already_coded=lambda arts: store.unchanged(arts, CODER_VERSION)
            )
            for outcome in outcomes:
                summary.read += 1
                if isinstance(outcome, Rejection):
                    summary.rejections += 1
                    summary.rejections_by_reason[outcome.reason.value] += 1
                    rejected.append(outcome)
                else:
                    events = outcome.events
                    if outcome.unchanged:
                        summary.unchanged += 1
                        records = list(store.iter_article_records(outcome.article.id))
                    else:
                        summary.coded += 1
                        coded.append((outcome.article, events))
                        records = [e.to_record() for e in events]
                    summary.events += len(records)
                    summary.events_by_type.update(
                        r["plover"] or f"CAMEO {r['cameo_root']}" for r in records
                    )
                    if writer:
                        writer.write_many(records)
                if len(coded) + len(rejected) >= 64:
                    flush()
                if on_outcome:
                    on_outcome(outcome)
            flush()
        finally:
            if writer:
                writer.close()
            summary.seconds = time.perf_counter() - started
            store.finish_run(
                summary.run_id,
                read=summary.read,
                coded=summary.coded,
                unchanged=summary.unchanged,
                events=summary.events,
                rejections=summary.rejections,
            )
    return summary
