"""Ingest overhead: reading, HTML extraction and language detection as a share of pipeline time.

    .venv/bin/python benchmarks/ingest.py [--corpus ../shared/corpus/news.jsonl] [--rounds 5]

Measured in one run on the same articles:

(a) read       ``iter_articles`` over the JSONL file: decoding, JSON, checks, dates, language.
(b) language   language detection alone (the English fast path, as used), and langdetect forced
               on every text (the cost for a corpus that is not English).
(c) html       the same articles wrapped in a news-page template (navigation, cookie banner,
               footer) and read from .html files: trafilatura extraction plus (a)'s checks.
(d) pipeline   the whole ``code`` run from the JSONL file: read + parse + code + store.

It prints (a)/(d) and (c)/((d) - (a) + (c)), the ingest share for JSONL and for HTML inputs. The
target is ≤ 10%. Ingest timings are the best of ``--rounds`` rounds; the pipeline runs once.
"""

from __future__ import annotations

import argparse
import html
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from thucydides.ingest import iter_articles
from thucydides.ingest.language import _langdetect, detect_language
from thucydides.models import Article
from thucydides.pipeline import code_collection
from thucydides.settings import Settings

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title} | Wire</title>
<meta property="article:published_time" content="{date}"></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a></nav>
<div class="cookie">We use cookies to improve your experience. <button>Accept</button></div>
<article><h1>{title}</h1>{paragraphs}</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Another story</a></li></ul></aside>
<footer>Copyright Wire. All rights reserved.</footer></body></html>"""


def best(rounds: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        work()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", default="../shared/corpus/news.jsonl")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    records = [json.loads(line) for line in corpus.read_text().splitlines() if line.strip()]
    words = sum(len(r["text"].split()) for r in records)
    print(f"corpus: {corpus} = {len(records)} articles, {words:,} words")
    settings = Settings()

    def read() -> list[object]:
        return list(iter_articles([str(corpus)], settings))

    articles = [a for a in read() if isinstance(a, Article)]
    print(f"read as articles: {len(articles)} of {len(records)}")
    texts = [r["text"] for r in records]
    _langdetect("warm up the language profiles once")
    t_read = best(args.rounds, read)
    t_lang = best(args.rounds, lambda: [detect_language(t) for t in texts])
    t_langdetect = best(args.rounds, lambda: [_langdetect(t[:3000]) for t in texts])

    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        for i, r in enumerate(records):
            paragraphs = "".join(
                f"<p>{html.escape(p)}</p>" for p in r["text"].split("\n") if p.strip()
            )
            page = PAGE.format(
                title=html.escape(r.get("title") or "News"),
                date=r.get("published") or "",
                paragraphs=paragraphs,
            )
            (pages / f"{i:04d}.html").write_text(page, encoding="utf-8")
        read_html = lambda: list(iter_articles([str(pages)], settings))  # noqa: E731
        from_html = [a for a in read_html() if isinstance(a, Article)]
        t_html = best(args.rounds, read_html)

        t0 = time.perf_counter()
        summary = code_collection([str(corpus)], db=Path(tmp) / "b.duckdb", settings=settings)
        t_pipeline = time.perf_counter() - t0

    n = len(records)

    def row(name: str, seconds: float) -> str:
        return f"{name:<44} {seconds:8.3f} s  {1000 * seconds / n:8.2f} ms/article"

    print(row("(a) read JSONL (checks, dates, language)", t_read))
    print(row("(b) language detection as used", t_lang))
    print(row("    langdetect forced on every text", t_langdetect))
    print(row(f"(c) read HTML pages ({len(from_html)} articles)", t_html))
    print(row("(d) pipeline: read+parse+code+store", t_pipeline))
    print(f"events: {summary.events}, rejections: {summary.rejections}")
    share_jsonl = t_read / t_pipeline
    share_html = t_html / (t_pipeline - t_read + t_html)
    share_worst = (t_read + t_langdetect) / (t_pipeline + t_langdetect)
    print(f"ingest share, JSONL input:             {share_jsonl:6.2%}  (target <= 10%)")
    print(f"ingest share, HTML input:              {share_html:6.2%}  (target <= 10%)")
    print(f"ingest share, JSONL + langdetect forced: {share_worst:6.2%}")


if __name__ == "__main__":
    main()
