"""Store: owns the DuckDB connection; migrations, idempotent writes and the first queries."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd

from thucydides.dedup import report
from thucydides.errors import StoreError
from thucydides.models import Article, Event, Rejection

if TYPE_CHECKING:
    from thucydides.formats.importers import Imported as ImportedRow
from thucydides.store.bulk import insert_records, insert_rows, insert_staged, stage_events
from thucydides.store.clusters import (
    merge_across_articles,
    refresh,
    stage_clusters,
    within_articles,
)
from thucydides.store.copies import find_copies
from thucydides.store.gdelt_import import NativeImport, import_gdelt
from thucydides.store.records import record_sql
from thucydides.store.schema import (
    ARTICLE_COLUMNS,
    CLUSTER_COLUMNS,
    MIGRATIONS,
    REJECTION_COLUMNS,
)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store:
    """A DuckDB event store. One Store (one process) writes a file at a time."""

    def __init__(
        self,
        path: str | Path = ":memory:",
        *,
        read_only: bool = False,
        memory_limit: str | None = None,
    ) -> None:
        """Open (and migrate) the store at ``path``. ``memory_limit`` (e.g. ``"1GB"``) caps
        DuckDB's buffer memory; beyond it DuckDB evicts pages to disk."""
        self.path = str(path)
        config: dict[str, str | bool | int | float | list[str]] = (
            {"memory_limit": memory_limit} if memory_limit else {}
        )
        try:
            self._con = duckdb.connect(self.path, read_only=read_only, config=config)
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot open the store {self.path!r}: {exc}. Is another thucydides process "
                "writing to it? Only one writer at a time; use another --db path."
            ) from exc
        # DuckDB draws progress bars on stdout during long statements; they would corrupt the
        # output of commands that print data (JSONL to stdout, benchmark lines).
        self._con.execute("SET enable_progress_bar = false")
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
        """Store a batch in one transaction; an article coded again replaces its old rows.

        Near-duplicate articles (wire copies of a stored article) are stored as articles that
        point to their original, without events of their own: they count as more reports of the
        original's events. Events are linked into clusters (see :mod:`thucydides.dedup`).
        """
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        article_ids = [a.id for a, _ in coded]
        rejected_keys = [[r.article_id, r.origin] for r in rejections]
        with self._errors("write"):
            con = self._con
            con.execute("BEGIN TRANSACTION")
            try:
                touched: set[str] = set()
                if article_ids:
                    touched = self._delete_articles(article_ids)
                if rejected_keys:
                    con.execute(
                        "DELETE FROM rejections WHERE [article_id, origin] IN (SELECT unnest(?))",
                        [rejected_keys],
                    )
                signatures, copies = find_copies(con, [a for a, _ in coded])
                touched |= self._copied_clusters(set(copies.values()))
                insert_rows(
                    con,
                    "articles",
                    ARTICLE_COLUMNS,
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
                            0 if a.id in copies else len(evs),
                            run_id,
                            now,
                            copies.get(a.id),
                            signatures.get(a.id),
                        )
                        for a, evs in coded
                    ],
                )
                events: list[Event] = []
                for a, evs in coded:
                    if a.id not in copies:
                        events.extend(sorted(evs, key=lambda e: (e.trigger.start, e.cameo)))
                new_clusters, known = self._insert_events(events, run_id)
                insert_rows(
                    con,
                    "rejections",
                    REJECTION_COLUMNS,
                    [
                        (r.article_id, r.origin, r.stage, r.reason.value, r.detail, run_id, now)
                        for r in rejections
                    ],
                )
                refresh(con, touched | known)
                refresh(con, merge_across_articles(con, sorted(new_clusters)))
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def _delete_articles(self, article_ids: Sequence[str]) -> set[str]:
        """Delete the rows of these articles; returns the clusters their events belonged to."""
        con = self._con
        # one cheap look-up first: usually none of a batch's articles is stored yet
        article_ids = [
            str(r[0])
            for r in con.execute(
                "SELECT article_id FROM articles WHERE article_id IN (SELECT unnest($ids)) "
                "UNION SELECT article_id FROM events WHERE article_id IN (SELECT unnest($ids)) "
                "UNION SELECT article_id FROM rejections "
                "WHERE article_id IN (SELECT unnest($ids))",
                {"ids": list(article_ids)},
            ).fetchall()
        ]
        if not article_ids:
            return set()
        touched = {
            str(r[0])
            for r in con.execute(
                "SELECT DISTINCT cluster_id FROM events WHERE article_id IN (SELECT unnest(?)) "
                "UNION SELECT DISTINCT e.cluster_id FROM events e JOIN articles a "
                "ON a.duplicate_of = e.article_id WHERE a.article_id IN (SELECT unnest(?))",
                [article_ids, article_ids],
            ).fetchall()
            if r[0] is not None
        }
        con.execute(
            "DELETE FROM event_actors WHERE event_id IN "
            "(SELECT event_id FROM events WHERE article_id IN (SELECT unnest(?)))",
            [article_ids],
        )
        con.execute(
            "DELETE FROM places WHERE event_id IN "
            "(SELECT event_id FROM events WHERE article_id IN (SELECT unnest(?)))",
            [article_ids],
        )
        for table in ("events", "articles", "rejections", "article_bands"):
            con.execute(
                f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [article_ids]
            )
        return touched

    def _copied_clusters(self, originals: set[str]) -> set[str]:
        if not originals:
            return set()
        rows = self._con.execute(
            "SELECT DISTINCT cluster_id FROM events WHERE article_id IN (SELECT unnest(?))",
            [sorted(originals)],
        ).fetchall()
        return {str(r[0]) for r in rows}

    def _insert_events(self, events: Sequence[Event], run_id: str) -> tuple[set[str], set[str]]:
        """Insert events, their actors and places, and their clusters as the batch alone makes
        them; returns the ids of the new clusters and of those among them that were already
        stored (to refresh).

        Python lays the events out as columns and clusters the reports of each article; DuckDB
        derives the other columns, the actor rows and the place rows."""
        if not events:
            return set(), set()
        cluster_ids = within_articles(events)
        con = self._con
        stage_events(con, events, cluster_ids)
        known = stage_clusters(con)
        insert_staged(con, run_id=run_id, clusters="_batch_clusters")
        con.execute("DROP TABLE _batch_clusters")  # a failed write rolls both back
        return set(cluster_ids), known

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
        sql = (
            f"SELECT {record_sql('e')} FROM events e "
            "ORDER BY article_id, trigger_start, cameo, event_id"
        )
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
                f"SELECT {record_sql('e')} FROM events e WHERE article_id = ? "
                "ORDER BY trigger_start, cameo, event_id",
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

    def stream(
        self, query: str, params: Iterable[Any] = (), *, batch: int = 2000
    ) -> Iterator[tuple[Any, ...]]:
        """Run a parameterised read query; rows one by one, fetched in batches."""
        with self._errors("query"):
            cursor = self._con.cursor()
            try:
                cursor.execute(query, list(params))
                while rows := cursor.fetchmany(batch):
                    yield from rows
            finally:
                cursor.close()

    def import_events(self, dataset: str, rows: Sequence[ImportedRow], *, seq: int) -> None:
        """Store imported events (one cluster each, with the file's counts) in one transaction.
        Importing the same rows again replaces them."""
        records = [r.record for r in rows]
        ids = [str(r["event_id"]) for r in records]
        with self._errors("import"):
            con = self._con
            con.execute("BEGIN TRANSACTION")
            try:
                for table in ("event_actors", "places", "imported_rows"):
                    con.execute(f"DELETE FROM {table} WHERE event_id IN (SELECT unnest(?))", [ids])
                con.execute(
                    "DELETE FROM clusters WHERE representative IN (SELECT unnest(?))", [ids]
                )
                con.execute("DELETE FROM events WHERE event_id IN (SELECT unnest(?))", [ids])
                reports = [report(r) for r in records]
                insert_records(
                    con,
                    {
                        "record": [json.dumps(r, ensure_ascii=False) for r in records],
                        "cluster_id": [r.cluster_id or r.record["event_id"] for r in rows],
                        "num_mentions": [r.num_mentions for r in rows],
                        "num_articles": [r.num_articles for r in rows],
                        "num_sources": [r.num_sources for r in rows],
                    },
                    run_id=f"import:{dataset}",
                    dataset=dataset,
                )
                insert_rows(
                    con,
                    "clusters",
                    CLUSTER_COLUMNS,
                    [
                        (
                            r.cluster_id or rec["event_id"],
                            rec["event_id"],
                            dataset,
                            rep.kind,
                            rep.countries_key,
                            rec["cameo"],
                            rep.date,
                            r.num_mentions,
                            r.num_articles,
                            r.num_sources,
                            rep.date,
                            rep.date,
                        )
                        for r, rec, rep in zip(rows, records, reports, strict=True)
                    ],
                )
                insert_rows(
                    con,
                    "imported_rows",
                    ("event_id", "dataset", "seq", "line"),
                    [
                        (rec["event_id"], dataset, seq + i, json.dumps(r.raw, ensure_ascii=False))
                        for i, (r, rec) in enumerate(zip(rows, records, strict=True))
                        if r.raw is not None
                    ],
                )
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def import_gdelt(
        self, path: str | Path, *, on_chunk: Callable[[int], None] | None = None
    ) -> NativeImport | None:
        """Import a GDELT events file in SQL (see :mod:`thucydides.store.gdelt_import`): the
        rows :meth:`import_events` stores for it, from DuckDB's own reading of the file. None
        (nothing written) if DuckDB cannot read the file as the Python reader does."""
        with self._errors("import"):
            return import_gdelt(self._con, path, on_chunk=on_chunk)

    def frame(self, query: str, params: Iterable[Any] = ()) -> pd.DataFrame:
        """Run a parameterised read query; the rows as a pandas DataFrame."""
        with self._errors("query"):
            return self._con.execute(query, list(params)).df()

    def sql(self, query: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a read query (for tests and notebooks)."""
        with self._errors("query"):
            return [tuple(r) for r in self._con.execute(query, list(params)).fetchall()]
