"""The store's schema as numbered migrations, applied in order and recorded in ``_migrations``."""

from __future__ import annotations

from thucydides.store.bulk import RECORD_STRUCTURE
from thucydides.store.records import ACTOR_TYPE, rest_sql

# DuckDB's default for strings (dictionary + FSST) costs most of a bulk write's commit on long
# unique texts such as JSON records; zstd compresses them several times faster, and smaller.
ZSTD = "USING COMPRESSION zstd"

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
    (
        2,
        "event clusters, wire copies, datasets, places, imported rows",
        """
        ALTER TABLE events ADD COLUMN cluster_id VARCHAR;
        ALTER TABLE events ADD COLUMN evidence INTEGER DEFAULT 0;
        ALTER TABLE events ADD COLUMN dataset VARCHAR DEFAULT 'thucydides';
        ALTER TABLE events ADD COLUMN kind VARCHAR;
        ALTER TABLE events ADD COLUMN countries_key VARCHAR DEFAULT '';
        ALTER TABLE events ADD COLUMN actor_codes VARCHAR DEFAULT '|';
        ALTER TABLE events ADD COLUMN recipient_codes VARCHAR DEFAULT '|';
        ALTER TABLE events ADD COLUMN actor_countries VARCHAR DEFAULT '|';
        ALTER TABLE events ADD COLUMN recipient_countries VARCHAR DEFAULT '|';
        ALTER TABLE events ADD COLUMN is_representative BOOLEAN DEFAULT true;
        UPDATE events SET kind = coalesce(plover, 'CAMEO' || cameo_root);
        ALTER TABLE articles ADD COLUMN duplicate_of VARCHAR;
        ALTER TABLE articles ADD COLUMN minhash BLOB;
        UPDATE events SET cluster_id = event_id WHERE cluster_id IS NULL;
        CREATE TABLE article_bands (article_id VARCHAR, band INTEGER, hash BIGINT);
        CREATE TABLE clusters (
            cluster_id VARCHAR, representative VARCHAR, dataset VARCHAR, kind VARCHAR,
            countries_key VARCHAR, cameo VARCHAR, date DATE,
            num_mentions INTEGER, num_articles INTEGER, num_sources INTEGER,
            first_seen DATE, last_seen DATE
        );
        INSERT INTO clusters
            SELECT event_id, event_id, 'thucydides', coalesce(plover, 'CAMEO' || cameo_root), '',
                   cameo, date, 1, 1, 1, NULL, NULL
            FROM events;
        CREATE TABLE places (
            event_id VARCHAR, name VARCHAR, country VARCHAR, admin1 VARCHAR,
            lat DOUBLE, lon DOUBLE, geonameid BIGINT, precision VARCHAR
        );
        CREATE TABLE imported_rows (event_id VARCHAR, dataset VARCHAR, seq BIGINT, line JSON);
        """,
    ),
    (
        3,
        "cluster counts on every event, so pages need no join",
        """
        ALTER TABLE events ADD COLUMN num_mentions INTEGER DEFAULT 1;
        ALTER TABLE events ADD COLUMN num_articles INTEGER DEFAULT 1;
        ALTER TABLE events ADD COLUMN num_sources INTEGER DEFAULT 1;
        UPDATE events SET num_mentions = c.num_mentions, num_articles = c.num_articles,
            num_sources = c.num_sources
        FROM clusters c WHERE c.cluster_id = events.cluster_id;
        """,
    ),
    (
        4,
        "an index on event ids, so a page fetches its wide columns by id",
        "CREATE INDEX events_event_id ON events (event_id);",
    ),
    (
        5,
        "long texts and JSON stored with zstd, much cheaper to write than the default",
        # A column's compression is fixed when it is created: each table is copied into a new
        # one with the same columns in the same order, then renamed. ``record`` and ``sentence``
        # keep the default: a page fetches them row by row, which zstd made three times slower.
        f"""
        DROP INDEX events_event_id;
        CREATE TABLE events_v5 (
            event_id VARCHAR, article_id VARCHAR, sentence_index INTEGER,
            sentence VARCHAR, trigger_text VARCHAR, trigger_start INTEGER,
            trigger_end INTEGER, plover VARCHAR, plover_mode VARCHAR, plover_contexts VARCHAR[],
            cameo VARCHAR, cameo_root VARCHAR, goldstein DOUBLE, quad_class INTEGER,
            factual BOOLEAN, modality VARCHAR, date DATE, date_precision VARCHAR,
            date_text VARCHAR, location JSON {ZSTD}, explanation JSON {ZSTD}, record JSON,
            run_id VARCHAR, cluster_id VARCHAR, evidence INTEGER DEFAULT 0,
            dataset VARCHAR DEFAULT 'thucydides', kind VARCHAR, countries_key VARCHAR DEFAULT '',
            actor_codes VARCHAR DEFAULT '|', recipient_codes VARCHAR DEFAULT '|',
            actor_countries VARCHAR DEFAULT '|', recipient_countries VARCHAR DEFAULT '|',
            is_representative BOOLEAN DEFAULT true, num_mentions INTEGER DEFAULT 1,
            num_articles INTEGER DEFAULT 1, num_sources INTEGER DEFAULT 1
        );
        INSERT INTO events_v5 SELECT * FROM events;
        DROP TABLE events;
        ALTER TABLE events_v5 RENAME TO events;
        CREATE INDEX events_event_id ON events (event_id);
        CREATE TABLE articles_v5 (
            article_id VARCHAR, content_hash VARCHAR, coder_version VARCHAR, title VARCHAR,
            url VARCHAR, source VARCHAR, published DATE, language VARCHAR, origin VARCHAR,
            text VARCHAR {ZSTD}, n_events INTEGER, run_id VARCHAR, coded_at TIMESTAMP,
            duplicate_of VARCHAR, minhash BLOB
        );
        INSERT INTO articles_v5 SELECT * FROM articles;
        DROP TABLE articles;
        ALTER TABLE articles_v5 RENAME TO articles;
        CREATE TABLE imported_rows_v5 (
            event_id VARCHAR, dataset VARCHAR, seq BIGINT, line JSON {ZSTD}
        );
        INSERT INTO imported_rows_v5 SELECT * FROM imported_rows;
        DROP TABLE imported_rows;
        ALTER TABLE imported_rows_v5 RENAME TO imported_rows;
        """,
    ),
    (
        6,
        "events keep their record as typed columns (actors and recipients as lists), no JSON copy",
        # The JSON copy of each record cost most of a bulk write (its compression at checkpoint).
        # Records are rebuilt by thucydides.store.records; what the typed columns cannot hold of
        # an imported record is kept in record_rest (NULL for every other record).
        f"""
        DROP INDEX events_event_id;
        CREATE TABLE events_v6 (
            event_id VARCHAR, article_id VARCHAR, sentence_index INTEGER,
            sentence VARCHAR, trigger_text VARCHAR, trigger_start INTEGER,
            trigger_end INTEGER, plover VARCHAR, plover_mode VARCHAR, plover_contexts VARCHAR[],
            cameo VARCHAR, cameo_root VARCHAR, goldstein DOUBLE, quad_class INTEGER,
            actors {ACTOR_TYPE}[], recipients {ACTOR_TYPE}[],
            factual BOOLEAN, modality VARCHAR, date DATE, date_precision VARCHAR,
            date_text VARCHAR, location JSON {ZSTD}, explanation JSON {ZSTD}, record_rest JSON,
            run_id VARCHAR, cluster_id VARCHAR, evidence INTEGER DEFAULT 0,
            dataset VARCHAR DEFAULT 'thucydides', kind VARCHAR, countries_key VARCHAR DEFAULT '',
            actor_codes VARCHAR DEFAULT '|', recipient_codes VARCHAR DEFAULT '|',
            actor_countries VARCHAR DEFAULT '|', recipient_countries VARCHAR DEFAULT '|',
            is_representative BOOLEAN DEFAULT true, num_mentions INTEGER DEFAULT 1,
            num_articles INTEGER DEFAULT 1, num_sources INTEGER DEFAULT 1
        );
        INSERT INTO events_v6
        SELECT event_id, article_id, sentence_index, sentence, trigger_text, trigger_start,
               trigger_end, plover, plover_mode, plover_contexts, cameo, cameo_root, goldstein,
               quad_class, actors, recipients, factual, modality, date, date_precision,
               date_text, location, explanation, {rest_sql("v", "v.record")}, run_id,
               cluster_id, evidence, dataset, kind, countries_key, actor_codes, recipient_codes,
               actor_countries, recipient_countries, is_representative, num_mentions,
               num_articles, num_sources
        FROM (
            SELECT *, parsed.actors AS actors, parsed.recipients AS recipients
            FROM (SELECT *, from_json(record, '{RECORD_STRUCTURE}') AS parsed FROM events)
        ) v;
        DROP TABLE events;
        ALTER TABLE events_v6 RENAME TO events;
        CREATE INDEX events_event_id ON events (event_id);
        """,
    ),
)

ARTICLE_COLUMNS = (
    "article_id",
    "content_hash",
    "coder_version",
    "title",
    "url",
    "source",
    "published",
    "language",
    "origin",
    "text",
    "n_events",
    "run_id",
    "coded_at",
    "duplicate_of",
    "minhash",
)
ACTOR_COLUMNS = (
    "event_id",
    "role",
    "position",
    "code",
    "country",
    "sectors",
    "name",
    "text",
    "start_char",
    "end_char",
)
PLACE_COLUMNS = ("event_id", "name", "country", "admin1", "lat", "lon", "geonameid", "precision")
REJECTION_COLUMNS = (
    "article_id",
    "origin",
    "stage",
    "reason",
    "detail",
    "run_id",
    "rejected_at",
)
CLUSTER_COLUMNS = (
    "cluster_id",
    "representative",
    "dataset",
    "kind",
    "countries_key",
    "cameo",
    "date",
    "num_mentions",
    "num_articles",
    "num_sources",
    "first_seen",
    "last_seen",
)
