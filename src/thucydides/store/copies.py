"""Near-duplicate articles (wire copies): MinHash signatures and LSH bands kept in the store."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from thucydides.dedup import NEAR_DUPLICATE_JACCARD, bands, estimated_jaccard, minhash
from thucydides.models import Article
from thucydides.store.bulk import insert_rows, register_frame


def find_copies(
    con: duckdb.DuckDBPyConnection, articles: Sequence[Article]
) -> tuple[dict[str, bytes], dict[str, str]]:
    """Signatures of ``articles`` and, for each copy, the id of the article it copies.

    An article copies an earlier one (already stored, or earlier in the batch) when their
    estimated Jaccard similarity of word 5-shingles is at least ``NEAR_DUPLICATE_JACCARD``.
    Stores the band hashes of the articles that are not copies, so later copies find them.
    """
    signatures: dict[str, bytes] = {}
    band_rows: list[tuple[str, int, int]] = []
    for a in articles:
        sig = minhash(a.text)
        if sig is not None:
            signatures[a.id] = sig.tobytes()
            band_rows.extend((a.id, i, h) for i, h in enumerate(bands(sig)))
    if not signatures:
        return signatures, {}
    ids, band_nos, hashes = zip(*band_rows, strict=True)
    register_frame(con, "_batch_bands", {"article_id": ids, "band": band_nos, "hash": hashes})
    try:
        stored = con.execute(
            "SELECT DISTINCT q.article_id, b.article_id, a.minhash FROM _batch_bands q "
            "JOIN article_bands b ON b.band = q.band AND b.hash = q.hash "
            "JOIN articles a ON a.article_id = b.article_id "
            "WHERE b.article_id <> q.article_id AND a.duplicate_of IS NULL "
            "ORDER BY q.article_id, b.article_id"
        ).fetchall()
    finally:
        con.unregister("_batch_bands")
    copies: dict[str, str] = {}
    for copy_id, original_id, original_sig in stored:
        if copy_id not in copies and (
            estimated_jaccard(signatures[copy_id], original_sig) >= NEAR_DUPLICATE_JACCARD
        ):
            copies[copy_id] = original_id
    # copies within the batch: compare with the earlier originals of the same batch
    seen: dict[tuple[int, int], list[str]] = {}
    for article_id, band, h in band_rows:
        if article_id in copies:
            continue
        for other in seen.get((band, h), ()):
            if (
                other not in copies
                and estimated_jaccard(signatures[article_id], signatures[other])
                >= NEAR_DUPLICATE_JACCARD
            ):
                copies[article_id] = other
                break
        seen.setdefault((band, h), []).append(article_id)
    insert_rows(
        con,
        "article_bands",
        ("article_id", "band", "hash"),
        [row for row in band_rows if row[0] not in copies],
    )
    return signatures, copies
