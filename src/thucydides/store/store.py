"""Store: owns the DuckDB connection; migrations, idempotent writes and the first queries."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from thucydides.errors import StoreError
from thucydides.models import Article, Event, Rejection
from thucydides.store.schema import MIGRATIONS

_ROWS_PER_INSERT = 400


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store:
    """A DuckDB event store. One Store (one process) writes a file at a time."""

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot open the store {self.path!r}: {exc}. Is another thucydides process "
                "writing to it? Only one writer at a time; use another --db path."
            ) from exc
        if not read_only:
            self._migrate()

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------
    def _migrate(self) -> None:
        with self._errors("migrate"):
            self._con.execute(
                "CREATE TABLE IF NOT EXISTS _migrations (version INTEGER, name VARCHAR, "
                "applied_at TIMESTAMP)"
            )
            row = self._con.execute("SELECT max(version) FROM _migrations").fetchone()
            current = (row[0] if row else None) or 0
            for version, name, sql in MIGRATIONS:
                if version <= current:
                    continue
                self._con.execute("BEGIN TRANSACTION")
                self._con.execute(sql)
                self._con.execute(
                    "INSERT INTO _migrations VALUES (?, ?, current_timestamp)", [version, name]
                )
                self._con.execute("COMMIT")

    @contextmanager
    def _errors(self, what: str) -> Iterator[None]:
        try:
            yield
        except duckdb.Error as exc:
            raise StoreError(f"store {self.path!r}: {what} failed: {exc}") from exc

    # -- writes ---------------------------------------------------------------------------
    def unchanged(self, articles: Sequence[Article], coder_version: str) -> set[str]:
        """Ids of the given articles already stored with the same text and coder version."""
        if not articles:
            return set()
        keys = [[a.id, content_hash(a.text)] for a in articles]
        with self._errors("look up articles"):
            rows = self._con.execute(
                "SELECT a.article_id FROM articles a JOIN (SELECT unnest(?) AS k) q "
                "ON a.article_id = q.k[1] AND a.content_hash = q.k[2] "
                "WHERE a.coder_version = ?",
                [keys, coder_version],
            ).fetchall()
        return {r[0] for r in rows}

    def write(
        self,
        coded: Sequence[tuple[Article, Sequence[Event]]],
        rejections: Sequence[Rejection],
        *,
        run_id: str,
        coder_version: str,
    ) -> None:
        """Store a batch in one transaction; an article coded again replaces its old rows."""
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        article_ids = [a.id for a, _ in coded]
        rejected_keys = [[r.article_id, r.origin] for r in rejections]
        with self._errors("write"):
            con = self._con
            con.execute("BEGIN TRANSACTION")
            try:
                if article_ids:
                    con.execute(
                        "DELETE FROM event_actors WHERE event_id IN "
                        "(SELECT event_id FROM events WHERE article_id IN (SELECT unnest(?)))",
                        [article_ids],
                    )
                    for table in ("events", "articles", "rejections"):
                        con.execute(
                            f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))",
                            [article_ids],
                        )
                if rejected_keys:
                    con.execute(
                        "DELETE FROM rejections WHERE [article_id, origin] IN (SELECT unnest(?))",
                        [rejected_keys],
                    )
                self._insert(
                    "articles",
                    [
                        (
                            a.id,
                            content_hash(a.text),
                            coder_version,
                            a.title,
                            a.url,
                            a.source,
                            a.published,
                            a.language,
                            a.origin,
                            a.text,
                            len(evs),
                            run_id,
                            now,
                        )
                        for a, evs in coded
                    ],
                )
                events = [e for _, evs in coded for e in evs]
                self._insert("events", [_event_row(e, run_id) for e in events])
                self._insert("event_actors", [row for e in events for row in _actor_rows(e)])
                self._insert(
                    "rejections",
                    [
                        (r.article_id, r.origin, r.stage, r.reason.value, r.detail, run_id, now)
                        for r in rejections
                    ],
                )
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def _insert(self, table: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        width = len(rows[0])
        placeholder = "(" + ", ".join("?" * width) + ")"
        for i in range(0, len(rows), _ROWS_PER_INSERT):
            chunk = rows[i : i + _ROWS_PER_INSERT]
            sql = f"INSERT INTO {table} VALUES " + ", ".join([placeholder] * len(chunk))
            self._con.execute(sql, [value for row in chunk for value in row])

    def start_run(
        self, run_id: str, coder_version: str, settings: dict[str, Any], inputs: Sequence[str]
    ) -> None:
        with self._errors("record the run"):
            self._con.execute(
                "INSERT INTO runs VALUES (?, current_timestamp, NULL, ?, ?, ?, 0, 0, 0, 0, 0)",
                [run_id, coder_version, json.dumps(settings), json.dumps(list(inputs))],
            )

    def finish_run(
        self, run_id: str, *, read: int, coded: int, unchanged: int, events: int, rejections: int
    ) -> None:
        with self._errors("record the run"):
            self._con.execute(
                "UPDATE runs SET finished_at = current_timestamp, articles_read = ?, "
                "articles_coded = ?, articles_unchanged = ?, events = ?, rejections = ? "
                "WHERE run_id = ?",
                [read, coded, unchanged, events, rejections, run_id],
            )

    # -- reads ----------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Rows per table."""
        out = {}
        with self._errors("count"):
            for table in ("articles", "events", "event_actors", "rejections", "runs"):
                row = self._con.execute(f"SELECT count(*) FROM {table}").fetchone()
                out[table] = int(row[0]) if row else 0
        return out

    def iter_event_records(self, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Stored events as event records (version 1), in article and text order."""
        sql = "SELECT record FROM events ORDER BY article_id, trigger_start, cameo"
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._errors("read events"):
            cursor = self._con.execute(sql, params)
            while batch := cursor.fetchmany(1000):
                for (record,) in batch:
                    yield json.loads(record)

    def iter_article_records(self, article_id: str) -> Iterator[dict[str, Any]]:
        """The stored event records of one article, in text order."""
        with self._errors("read events"):
            rows = self._con.execute(
                "SELECT record FROM events WHERE article_id = ? ORDER BY trigger_start, cameo",
                [article_id],
            ).fetchall()
        for (record,) in rows:
            yield json.loads(record)

    def rejection_rows(self) -> list[tuple[str, str, str, str, str]]:
        with self._errors("read rejections"):
            return [
                tuple(r)
                for r in self._con.execute(
                    "SELECT article_id, origin, stage, reason, detail FROM rejections "
                    "ORDER BY origin, article_id"
                ).fetchall()
            ]

    def sql(self, query: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a read query (for tests and notebooks)."""
        with self._errors("query"):
            return [tuple(r) for r in self._con.execute(query, list(params)).fetchall()]


def _event_row(e: Event, run_id: str) -> tuple[Any, ...]:
    record = e.to_record()
    return (
        e.event_id,
        e.article_id,
        e.sentence_index,
        e.sentence,
        e.trigger.text,
        e.trigger.start,
        e.trigger.end,
        e.plover,
        e.plover_mode,
        list(e.plover_contexts),
        e.cameo,
        e.cameo_root,
        e.goldstein,
        e.quad_class,
        e.factual,
        e.modality,
        dt.date.fromisoformat(e.date) if e.date else None,
        e.date_precision,
        e.date_text,
        json.dumps(record["location"]),
        json.dumps(record["explanation"]),
        json.dumps(record, ensure_ascii=False),
        run_id,
    )


def _actor_rows(e: Event) -> Iterator[tuple[Any, ...]]:
    for role, actors in (("actor", e.actors), ("recipient", e.recipients)):
        for position, a in enumerate(actors):
            yield (
                e.event_id,
                role,
                position,
                a.code,
                a.country,
                list(a.sectors),
                a.name,
                a.text,
                a.start,
                a.end,
            )
