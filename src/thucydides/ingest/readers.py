"""Inputs → Articles: files by kind, gzip-compressed files, folders, URLs and stdin (``-``).

``iter_articles(inputs, settings)`` yields an Article or a Rejection for every record, in input
order. The kind of a file comes from its suffix (``.gz`` is looked through); a path that does not
exist or has no reader is a user's mistake (:class:`~thucydides.errors.InputError`, one line), found
before anything is read.
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from thucydides.errors import InputError
from thucydides.ingest.articles import Outcome, build_article, content_id
from thucydides.ingest.checks import check_bytes, decode
from thucydides.ingest.feeds import iter_feed, looks_like_feed
from thucydides.ingest.fetch import is_url, iter_urls, parse_url_list
from thucydides.ingest.html import article_from_html
from thucydides.ingest.records import broken_stream, iter_csv, iter_jsonl, iter_parquet
from thucydides.models import Rejection, RejectionReason
from thucydides.settings import Settings

MAX_CHARS = Settings().max_chars  # spaCy's own limit for one Doc
SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".urls": "urls",
}
_SUPPORTED = (
    "a .txt, .html, .jsonl, .csv, .parquet, .xml/.rss/.atom feed or .urls file (any of them "
    "may be .gz), a folder of those, a URL, or - for stdin"
)


def file_kind(path: Path) -> str | None:
    """ "jsonl", "html", ... for a readable file name (``.gz`` looked through), else None."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return SUFFIXES.get(suffixes[-1]) if suffixes else None


def check_inputs(inputs: Iterable[str]) -> list[str]:
    """Fail early, with a one-line message, on an input that cannot be read at all."""
    checked = []
    for name in inputs:
        if name == "-" or is_url(name):
            checked.append(name)
            continue
        path = Path(name)
        if not path.exists():
            raise InputError(f"input {name!r} does not exist; give {_SUPPORTED}", path=name)
        if path.is_file() and file_kind(path) is None:
            suffix = "".join(path.suffixes[-2:]) or "files without a suffix"
            raise InputError(
                f"input {name!r} has no reader for {suffix!r}; give {_SUPPORTED}", path=name
            )
        checked.append(name)
    return checked


def iter_articles(
    inputs: Iterable[str],
    settings: Settings | None = None,
    *,
    stdin: IO[bytes] | None = None,
    max_chars: int | None = None,
) -> Iterator[Outcome]:
    """Every record of every input, in order, as an Article or a Rejection with its reason."""
    settings = settings or Settings()
    if max_chars is not None:
        settings = settings.replace(max_chars=max_chars)
    for name in check_inputs(inputs):
        if name == "-":
            yield from _read_stdin(stdin or sys.stdin.buffer, settings)
        elif is_url(name):
            yield from iter_urls([name], settings)
        elif Path(name).is_dir():
            for child in iter_folder(Path(name), settings):
                yield from _read_file(child, settings)
        else:
            yield from _read_file(Path(name), settings)


def iter_folder(root: Path, settings: Settings) -> Iterator[Path]:
    """Readable files under ``root``, recursively, sorted, without hidden ones, filtered by the
    include/exclude glob settings (matched against the path relative to ``root``)."""
    for child in sorted(root.rglob("*")):
        if not child.is_file() or file_kind(child) is None:
            continue
        relative = child.relative_to(root).as_posix()
        if any(part.startswith(".") for part in relative.split("/")):
            continue
        if settings.include and not _matches(relative, settings.include):
            continue
        if settings.exclude and _matches(relative, settings.exclude):
            continue
        yield child


def _matches(relative: str, patterns: Iterable[str]) -> bool:
    name = relative.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in patterns)


def _read_file(path: Path, settings: Settings) -> Iterator[Outcome]:
    kind = file_kind(path)
    origin = str(path)
    compressed = path.suffix.lower() == ".gz"
    try:
        if kind == "parquet":
            if compressed:
                detail = "Parquet is compressed already; decompress the .gz file and read that"
                yield Rejection(origin, "ingest", RejectionReason.MALFORMED, detail, origin)
            else:
                yield from iter_parquet(origin, origin, settings)
        elif kind in ("jsonl", "csv"):
            with _open(path, compressed) as stream:
                head = _peek(stream)
                bad = check_bytes(head) if len(head) < 8192 or b"\x00" in head else None
                if bad:
                    yield Rejection(origin, "ingest", bad[0], bad[1], origin)
                elif kind == "jsonl":
                    yield from iter_jsonl(stream, origin, settings)
                else:
                    yield from iter_csv(stream, origin, settings)
        else:
            data = _read_all(path, compressed, settings)
            if isinstance(data, Rejection):
                yield data
            else:
                yield from _read_bytes(data, kind or "txt", origin, settings)
    except (EOFError, zlib.error) as exc:
        yield broken_stream(origin, 0, exc)
    except OSError as exc:
        detail = f"cannot read the file: {exc.strerror or exc}"
        if isinstance(exc, gzip.BadGzipFile):
            detail = f"it is named .gz but is not gzip-compressed ({exc})"
        yield Rejection(origin, "ingest", RejectionReason.MALFORMED, detail, origin)


def _open(path: Path, compressed: bool) -> IO[bytes]:
    if compressed:
        return io.BufferedReader(gzip.GzipFile(path, "rb"))
    return path.open("rb")


def _peek(stream: IO[bytes]) -> bytes:
    if isinstance(stream, io.BufferedReader):
        return stream.peek(8192)[:8192]
    position = stream.tell()
    head = stream.read(8192)
    stream.seek(position)
    return head


def _read_all(path: Path, compressed: bool, settings: Settings) -> bytes | Rejection:
    """The whole file, decompressed; a gzip bomb or truncated file is a rejection."""
    if not compressed:
        return path.read_bytes()
    limit = settings.max_chars * 4 + 1  # no UTF-8 character is longer than 4 bytes
    try:
        with gzip.open(path, "rb") as stream:
            data = stream.read(limit)
    except (EOFError, zlib.error) as exc:
        return broken_stream(str(path), 0, exc)
    if len(data) >= limit:
        detail = (
            f"the file decompresses to more than {limit - 1:,} bytes, over the limit for one "
            "article; split it or raise --max-chars"
        )
        return Rejection(str(path), "ingest", RejectionReason.TOO_LARGE, detail, str(path))
    return data


def _read_stdin(stream: IO[bytes], settings: Settings) -> Iterator[Outcome]:
    data = stream.read()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (EOFError, OSError, zlib.error) as exc:
            yield broken_stream("-", 0, exc)
            return
    start = data.lstrip()[:1]
    if start == b"{":
        yield from iter_jsonl(io.BytesIO(data), "-", settings)
    elif looks_like_feed(data):
        yield from _read_bytes(data, "feed", "-", settings)
    elif start == b"<":
        yield from _read_bytes(data, "html", "-", settings)
    else:
        yield from _read_bytes(data, "txt", "-", settings)


def _read_bytes(data: bytes, kind: str, origin: str, settings: Settings) -> Iterator[Outcome]:
    bad = check_bytes(data)
    if bad:
        yield Rejection(origin, "ingest", bad[0], bad[1], origin)
    elif kind == "html":
        yield article_from_html(data, settings, origin=origin)
    elif kind == "feed":
        yield from iter_feed(data, settings, origin=origin)
    elif kind in ("jsonl", "csv"):
        reader = iter_jsonl if kind == "jsonl" else iter_csv
        yield from reader(io.BytesIO(data), origin, settings)
    else:
        text = decode(data)
        if isinstance(text, tuple):
            yield Rejection(origin, "ingest", text[0], text[1], origin)
            return
        urls = parse_url_list(text) if kind == "urls" or text.lstrip()[:4] == "http" else None
        if urls is not None:
            yield from iter_urls(urls, settings)
        elif kind == "urls":
            detail = "the URL list has lines that are not http(s) URLs; put one URL per line"
            yield Rejection(origin, "ingest", RejectionReason.MALFORMED, detail, origin)
        else:
            yield build_article(
                text, settings, origin=origin, article_id=content_id(text), title=title_line(text)
            )


def title_line(text: str) -> str | None:
    """The first line, when it looks like a headline: short, followed by more text, no full stop."""
    first, _, rest = text.lstrip().partition("\n")
    first = first.strip()
    if first and rest.strip() and len(first) <= 200 and not first.endswith((".", ":", ";")):
        return first
    return None


def estimate_total(inputs: Iterable[str], settings: Settings) -> int | None:
    """About how many records the inputs hold (for a progress bar's ETA); None when unknown."""
    total = 0
    for name in inputs:
        if name == "-":
            return None
        if is_url(name):
            total += 1
            continue
        path = Path(name)
        files = list(iter_folder(path, settings)) if path.is_dir() else [path]
        for file in files:
            count = _count_records(file)
            if count is None:
                return None
            total += count
    return total


def _count_records(path: Path) -> int | None:
    kind = file_kind(path)
    if kind in ("txt", "html"):
        return 1
    if kind not in ("jsonl", "csv", "urls"):
        return None  # feeds and Parquet: not worth parsing twice
    try:
        with _open(path, path.suffix.lower() == ".gz") as stream:
            lines, last = 0, b""
            while chunk := stream.read(1 << 20):
                lines += chunk.count(b"\n")
                last = chunk
    except (OSError, EOFError, zlib.error):
        return None
    lines += bool(last and not last.endswith(b"\n"))
    return max(lines - (kind == "csv"), 0)
