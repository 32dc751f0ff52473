"""The store's schema as numbered migrations, applied in order and recorded in ``_migrations``."""

from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "articles, events, event actors, rejections, runs",
        """
        CREATE TABLE runs (
            run_id VARCHAR, started_at TIMESTAMP, finished_at TIMESTAMP,
            coder_version VARCHAR, settings JSON, inputs JSON,
            articles_read INTEGER, articles_coded INTEGER, articles_unchanged INTEGER,
            events INTEGER, rejections INTEGER
        );
        CREATE TABLE articles (
            article_id VARCHAR, content_hash VARCHAR, coder_version VARCHAR,
            title VARCHAR, url VARCHAR, source VARCHAR, published DATE, language VARCHAR,
            origin VARCHAR, text VARCHAR, n_events INTEGER, run_id VARCHAR, coded_at TIMESTAMP
        );
        CREATE TABLE events (
            event_id VARCHAR, article_id VARCHAR, sentence_index INTEGER, sentence VARCHAR,
            trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
            plover VARCHAR, plover_mode VARCHAR, plover_contexts VARCHAR[],
            cameo VARCHAR, cameo_root VARCHAR, goldstein DOUBLE, quad_class INTEGER,
            factual BOOLEAN, modality VARCHAR,
            date DATE, date_precision VARCHAR, date_text VARCHAR,
            location JSON, explanation JSON, record JSON, run_id VARCHAR
        );
        CREATE TABLE event_actors (
            event_id VARCHAR, role VARCHAR, position INTEGER, code VARCHAR, country VARCHAR,
            sectors VARCHAR[], name VARCHAR, text VARCHAR, start_char INTEGER, end_char INTEGER
        );
        CREATE TABLE rejections (
            article_id VARCHAR, origin VARCHAR, stage VARCHAR, reason VARCHAR, detail VARCHAR,
            run_id VARCHAR, rejected_at TIMESTAMP
        );
        """,
    ),
)
