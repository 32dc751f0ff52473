"""The pipeline, read as a table of contents.

1. read     inputs → Article | Rejection                            (thucydides.ingest)
2. skip     articles already stored with the same text and coder     (thucydides.store)
3. parse    spaCy, batched, in input order                           (thucydides.nlp)
4. code     triggers → arguments → actors, codes, modality, date     (thucydides.coding)
5. store    articles, events, actors, rejections: one transaction    (thucydides.store)
            every ``commit_every`` articles or ``commit_seconds``
6. write    the events to --out in the requested format              (thucydides.formats)

A failure on one article is a Rejection (stored, counted), never a crashed run.

Runs are resumable: what was committed stays committed, and a run that stops early (Ctrl-C, kill,
power cut) is left without a finish time, which marks it *interrupted*. Re-running the same command
skips every article already stored with the same text and coder version and codes the rest, so the
store ends as if the run had never stopped, and ``--out`` is rewritten whole.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import logging
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thucydides import nlp
from thucydides.coding.events import CODER_VERSION, code_doc
from thucydides.dictionaries.verbs import load_trigger_dictionary
from thucydides.formats import open_writer
from thucydides.ingest import check_inputs, furniture_spans, iter_articles, language
from thucydides.models import Article, Event, Rejection, RejectionReason
from thucydides.settings import Settings
from thucydides.store import Store
from thucydides.store.stats import interrupted_runs

__all__ = ["Coded", "Outcome", "RunSummary", "Settings", "code_articles", "code_collection"]

log = logging.getLogger(__name__)
DEFAULT_SETTINGS = Settings()
# DuckDB's buffer memory in the writer: beyond it DuckDB evicts pages (the default is 80% of RAM,
# which a store growing through a long run would slowly fill).
STORE_MEMORY_LIMIT = "1GB"


@dataclass(frozen=True, slots=True)
class Coded:
    """An article and the events coded from it (``unchanged``: taken from the store as it was)."""

    article: Article
    events: Sequence[Event]
    unchanged: bool = False


Outcome = Coded | Rejection


def code_articles(
    items: Iterable[Article | Rejection],
    settings: Settings = DEFAULT_SETTINGS,
    *,
    already_coded: Callable[[Sequence[Article]], set[str]] | None = None,
) -> Iterator[Outcome]:
    """Stages 2-4 for a stream of articles; yields one outcome per input item, in order."""
    triggers = load_trigger_dictionary()
    pending: collections.deque[Outcome | Article] = collections.deque()

    def to_parse() -> Iterator[tuple[str, Article]]:
        for batch in iter_batches(items, 64):
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
        n_process=1,  # more workers run on Dask (thucydides.distributed), not in spaCy
    ):
        while not isinstance(pending[0], Article):
            yield pending.popleft()  # type: ignore[misc]
        pending.popleft()
        yield _code(doc, article, triggers)
    while pending:
        item = pending.popleft()
        assert not isinstance(item, Article)
        yield item


def _coder(settings: Settings) -> Callable[..., Iterator[Outcome]]:
    """Stages 2-4 in this process, or on Dask when more workers or a scheduler are asked for."""
    if settings.workers <= 1 and not settings.scheduler:
        return code_articles
    from thucydides.distributed import code_articles_on_dask

    return functools.partial(
        code_articles_on_dask, workers=settings.workers, scheduler=settings.scheduler or None
    )


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


def iter_batches(
    items: Iterable[Article | Rejection],
    size: int,
) -> Iterator[list[Article | Rejection]]:
    """The items in lists of ``size`` (the last may be shorter), streaming."""
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
    settings: Settings = DEFAULT_SETTINGS,
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
    db: str | Path | None = None,
    out: str | Path | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> RunSummary:
    """Code every input into the store at ``db`` (default: the db setting) and ``out``.

    Streaming, idempotent and resumable: see the module docstring.
    """
    started = time.perf_counter()
    summary = RunSummary(run_id=uuid.uuid4().hex[:12])
    db = settings.db if db is None else db
    check_inputs(inputs)  # a missing path or unknown format fails now, before anything is written
    if settings.detect_language:
        language.preload()
    items = iter_articles(inputs, settings)  # 1. read
    writer = open_writer(out) if out else None
    with Store(db, memory_limit=STORE_MEMORY_LIMIT) as store:
        for run_id, stored in interrupted_runs(store):
            log.info(
                "run %s was interrupted after storing %d articles; continuing where it stopped",
                run_id,
                stored,
                extra={"run_id": run_id, "stored": stored, "kind": "resume"},
            )
        store.start_run(summary.run_id, CODER_VERSION, settings.to_dict(), inputs)
        log.info(
            "run %s started: %s into %s",
            summary.run_id,
            " ".join(inputs),
            db,
            extra={"run_id": summary.run_id, "inputs": list(inputs), "db": str(db)},
        )
        batch = _Batch(store, summary.run_id, settings)
        try:
            outcomes = _coder(settings)(
                items, settings, already_coded=lambda arts: store.unchanged(arts, CODER_VERSION)
            )
            for outcome in outcomes:
                records = _count(outcome, summary, store, records=writer is not None)
                batch.add(outcome)
                if writer and records:
                    writer.write_many(records)
                if on_outcome:
                    on_outcome(outcome)
            batch.commit()
        except BaseException:
            # Ctrl-C, a kill signal turned into an exception, or a failure: keep every complete
            # article, leave the run unfinished (so it shows as interrupted) and stop.
            try:
                batch.commit()
            except Exception:  # the store itself may be what failed: the committed part stays
                log.debug("could not commit the last batch of an interrupted run", exc_info=True)
            log.warning(
                "run %s interrupted after %d articles; re-run the same command to continue",
                summary.run_id,
                summary.read,
                extra={"run_id": summary.run_id, "read": summary.read, "kind": "interrupted"},
            )
            raise
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
    log.info(
        "run %s finished: %d articles read, %d coded, %d unchanged, %d events, %d rejections",
        summary.run_id,
        summary.read,
        summary.coded,
        summary.unchanged,
        summary.events,
        summary.rejections,
        extra={
            "run_id": summary.run_id,
            "read": summary.read,
            "coded": summary.coded,
            "unchanged": summary.unchanged,
            "events": summary.events,
            "rejections": summary.rejections,
            "seconds": round(summary.seconds, 3),
        },
    )
    return summary


def _count(
    outcome: Outcome, summary: RunSummary, store: Store, *, records: bool = True
) -> list[dict[str, Any]]:
    """Add one outcome to the summary; the event records it contributes to ``--out`` (none
    without ``records``: a run without --out does not build them)."""
    summary.read += 1
    if isinstance(outcome, Rejection):
        summary.rejections += 1
        summary.rejections_by_reason[outcome.reason.value] += 1
        log.info(
            "rejected %s: %s: %s",
            outcome.origin or outcome.article_id,
            outcome.reason.value,
            outcome.detail,
            extra={
                "article_id": outcome.article_id,
                "origin": outcome.origin,
                "reason": outcome.reason.value,
                "stage": outcome.stage,
                "kind": "rejection",
            },
        )
        return []
    if outcome.unchanged:
        summary.unchanged += 1
        stored = list(store.iter_article_records(outcome.article.id))
        summary.events += len(stored)
        summary.events_by_type.update(r["plover"] or f"CAMEO {r['cameo_root']}" for r in stored)
        return stored if records else []
    summary.coded += 1
    summary.events += len(outcome.events)
    summary.events_by_type.update(e.plover or f"CAMEO {e.cameo_root}" for e in outcome.events)
    return [e.to_record() for e in outcome.events] if records else []


class _Batch:
    """Outcomes waiting to be stored; committed in one transaction every ``commit_every``
    articles or ``commit_seconds``, whichever comes first."""

    def __init__(self, store: Store, run_id: str, settings: Settings) -> None:
        self.store, self.run_id, self.settings = store, run_id, settings
        self.coded: list[tuple[Article, Sequence[Event]]] = []
        self.rejected: list[Rejection] = []
        self.since = time.monotonic()
        self.committed = 0

    def add(self, outcome: Outcome) -> None:
        if isinstance(outcome, Rejection):
            self.rejected.append(outcome)
        elif not outcome.unchanged:
            self.coded.append((outcome.article, outcome.events))
        waiting = len(self.coded) + len(self.rejected)
        due = time.monotonic() - self.since >= self.settings.commit_seconds
        if waiting and (waiting >= self.settings.commit_every or due):
            self.commit()

    def commit(self) -> None:
        n = len(self.coded) + len(self.rejected)
        if n:
            self.store.write(
                self.coded, self.rejected, run_id=self.run_id, coder_version=CODER_VERSION
            )
            self.committed += n
            self.coded.clear()
            self.rejected.clear()
            log.debug(
                "committed %d outcomes (%d in this run)",
                n,
                self.committed,
                extra={"run_id": self.run_id, "committed": self.committed, "kind": "commit"},
            )
        self.since = time.monotonic()
