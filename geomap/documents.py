"""Read articles from files into ``Document`` records, streaming, one bad input never stopping the rest.

Accepted: .txt/.md/.text files (with an optional ``<name>.meta.json`` sidecar holding published/title/url),
.html/.htm pages (text extracted), .jsonl/.ndjson (optionally .gz) with one object per line, .csv with a ``text``
column, and directories of these (sorted, recursive). Errors go to ``on_error`` as ``InputError`` naming the
input and line; the default re-raises.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import re
import sys
import zlib
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator
from urllib.parse import urlsplit

from geomap.errors import InputError
from geomap.models import Document

log = logging.getLogger("geomap.documents")

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv", ".tsv"}
COLLECTION_SUFFIXES = {".geojson"}
META_SUFFIX = ".meta.json"

ErrorHandler = Callable[[InputError], None]

# Articles are kilobytes; a document past this is almost always a dump or junk, and would take minutes in spaCy.
MAX_DOCUMENT_CHARS = 5_000_000
# UTF-8 takes at most 4 bytes a character: a file past this many bytes cannot fit and is refused unread.
MAX_DOCUMENT_BYTES = 4 * MAX_DOCUMENT_CHARS
# One JSONL line may escape every character as \uXXXX (6 characters each, as json.dumps does by default).
MAX_LINE_BYTES = 6 * MAX_DOCUMENT_CHARS + 65_536
# publication dates outside this range are typos (0202 for 2020) and overflow date arithmetic near year 1 or 9999
PUBLISHED_RANGE = (date(1000, 1, 1), date(2999, 12, 31))
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_URL_FORBIDDEN = re.compile("[\x00-\x20\x7f-\x9f]")  # controls and spaces never belong in a URL


def _raise(error: InputError) -> None:
    raise error


def is_collection(path: Path) -> bool:
    """A .geojson file is an already-extracted output, read back with ``read_collection``."""
    return path.suffix.lower() in COLLECTION_SUFFIXES


def read_documents(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    on_error: ErrorHandler = _raise,
) -> Iterator[Document]:
    """Yield every document in ``paths`` in a stable order; ``published`` fills in documents that carry no date.

    Document ids are unique within one call: a repeated id (two ``a.txt`` in different folders, a feed that
    reuses ids) gets a ``-2``, ``-3``… suffix and a warning, so records never mix.
    """
    seen: dict[str, str] = {}
    for document in _read_all(paths, published, on_error):
        yield _unique_id(document, seen)


def _read_all(paths: Iterable[str | Path], published: date | None, on_error: ErrorHandler) -> Iterator[Document]:
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-":
            yield from _guard(lambda: _read_text_stream("stdin", sys.stdin.read(MAX_DOCUMENT_CHARS + 1), published), "stdin", on_error)
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _is_document_file(child):
                    yield from _read_file(child, published, on_error)
        elif path.exists():
            yield from _read_file(path, published, on_error)
        else:
            on_error(InputError(str(path), "no such file or directory"))


def _unique_id(document: Document, seen: dict[str, str]) -> Document:
    if document.id not in seen:
        seen[document.id] = document.source
        return document
    number = 2
    while f"{document.id}-{number}" in seen:
        number += 1
    new_id = f"{document.id}-{number}"
    log.warning("%s: document id %r already used by %s; renamed %r", document.source, document.id, seen[document.id], new_id)
    seen[new_id] = document.source
    return replace(document, id=new_id)


def _is_document_file(path: Path) -> bool:
    if path.name.endswith(META_SUFFIX) or path.name.startswith("."):
        return False
    suffixes = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES
    return _base_suffix(path) in suffixes


def _base_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".gz":
        return Path(path.stem).suffix.lower()
    return suffix


def _guard(make: Callable[[], Iterable[Document]], source: str, on_error: ErrorHandler) -> Iterator[Document]:
    try:
        yield from make()
    except InputError as exc:
        on_error(exc)
    except OSError as exc:
        on_error(InputError(source, f"cannot read: {exc.strerror or exc}"))
    except (EOFError, zlib.error) as exc:  # truncated or corrupt .gz
        on_error(InputError(source, f"corrupt compressed file: {exc}"))


def _read_file(path: Path, published: date | None, on_error: ErrorHandler) -> Iterator[Document]:
    suffix = _base_suffix(path)
    source = str(path)
    if suffix in JSONL_SUFFIXES:
        yield from _guard(lambda: _read_jsonl(path, published, on_error), source, on_error)
    elif suffix in CSV_SUFFIXES:
        yield from _guard(lambda: _read_csv(path, published, on_error), source, on_error)
    elif suffix in HTML_SUFFIXES:
        yield from _guard(lambda: [_single_file_document(path, published, html=True)], source, on_error)
    elif suffix in TEXT_SUFFIXES or not suffix:
        yield from _guard(lambda: [_single_file_document(path, published, html=False)], source, on_error)
    elif suffix in COLLECTION_SUFFIXES:
        on_error(InputError(source, "a .geojson file holds extracted layers, not articles (use it with `geomap map`)"))
    else:
        on_error(InputError(source, f"unsupported file type {suffix!r} (expected .txt, .md, .html, .jsonl, .csv)"))


def decode_bytes(data: bytes, source: str) -> str:
    """Decode article bytes: BOMs honoured, UTF-8 first, invalid bytes replaced with a warning; binary refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom):], encoding, source)
    if b"\x00" in data[:4096]:
        raise InputError(source, "looks like a binary file, not text")
    return _decode(data, "utf-8", source)


# longest first: the UTF-32 LE mark begins with the UTF-16 LE one
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _decode(data: bytes, encoding: str, source: str, line: int | None = None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        where = f"{source}:{line}" if line is not None else source
        log.warning("%s: invalid %s at byte %d; undecodable bytes replaced", where, encoding.upper(), exc.start)
        return data.decode(encoding, errors="replace")


def clean_text(value: str) -> str:
    """Lone surrogates (from JSON escapes like \\ud800) cannot be written as UTF-8: each becomes U+FFFD, same length."""
    return _LONE_SURROGATE.sub("\ufffd", value)


def _safe_url(value: Any, source: str, line: int | None = None) -> str | None:
    """Only http(s) URLs are kept: anything else (javascript:, data:, file:) would become a live link in a map."""
    url = _optional_str(value)
    if url is None:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url) if not _URL_FORBIDDEN.search(url) else None
    except ValueError:  # e.g. an unclosed IPv6 bracket
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        where = f"{source}:{line}" if line is not None else source
        log.warning("%s: url %r dropped (only http and https URLs are kept)", where, url[:80])
        return None
    return url


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, paragraphs kept apart; scripts and styles dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    lines = (line.strip() for line in soup.get_text("\n").splitlines())
    return "\n".join(line for line in lines if line)


def _html_title(markup: str) -> str | None:
    from bs4 import BeautifulSoup

    title = BeautifulSoup(markup, "html.parser").title
    return title.get_text(strip=True) if title and title.get_text(strip=True) else None


def _check_size(source: str, size: int, line: int | None = None) -> None:
    if size > MAX_DOCUMENT_CHARS:
        raise InputError(
            source,
            f"document too large ({size / 1e6:.1f} MB; the limit is {MAX_DOCUMENT_CHARS / 1e6:.0f} MB of text per document) — split it",
            line,
        )


def _single_file_document(path: Path, published: date | None, *, html: bool) -> Document:
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:  # refused without reading it into memory
        _check_size(str(path), size)
    meta = _sidecar(path)
    meta_source = str(path.with_name(path.stem + META_SUFFIX))
    text = decode_bytes(_read_bounded(path, MAX_DOCUMENT_BYTES), str(path))
    title = _optional_str(meta.get("title"))
    if html:
        title = title or _html_title(text)
        text = html_to_text(text)
    _check_size(str(path), len(text))
    if not text.strip():
        raise InputError(str(path), "empty document (no text)")
    return Document(
        id=clean_text(path.stem),
        text=clean_text(text),
        published=_parse_published(meta.get("published"), meta_source) or published,
        title=clean_text(title) if title else None,
        url=_safe_url(meta.get("url"), meta_source),
        source=str(path),
    )


def _read_bounded(path: Path, limit: int) -> bytes:
    """The file's bytes, read in chunks and refused past ``limit``: a device or pipe (/dev/zero, ``<(cmd)``) has no size."""
    chunks: list[bytes] = []
    total = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            total += len(chunk)
            if total > limit:
                _check_size(str(path), total)
            chunks.append(chunk)
    return b"".join(chunks)


def _read_text_stream(source: str, text: str, published: date | None) -> list[Document]:
    if not text.strip():
        raise InputError(source, "empty document (no text)")
    _check_size(source, len(text))
    return [Document(id=source, text=clean_text(text), published=published, source=source)]


def _sidecar(path: Path) -> dict[str, Any]:
    """``seed.txt`` may carry ``seed.meta.json`` beside it with published/title/url."""
    meta_path = path.with_name(path.stem + META_SUFFIX)
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (ValueError, OSError) as exc:
        raise InputError(str(meta_path), f"unreadable metadata: {exc}")
    if not isinstance(meta, dict):
        raise InputError(str(meta_path), "metadata must be a JSON object")
    return meta


def _parse_published(value: Any, source: str, line: int | None = None) -> date | None:
    if value in (None, ""):
        return None
    try:
        return check_published(date.fromisoformat(str(value)[:10]))
    except (ValueError, TypeError) as exc:
        raise InputError(source, f"invalid published date {value!r} ({exc})", line)


def check_published(value: date) -> date:
    """``value`` if it is a plausible publication date; ValueError saying why not otherwise."""
    earliest, latest = PUBLISHED_RANGE
    if not earliest <= value <= latest:
        raise ValueError(f"expected a date between {earliest.year} and {latest.year}")
    return value


def _stem(path: Path) -> str:
    """File name without its suffixes (``feed.jsonl.gz`` → ``feed``), for default record ids."""
    return path.name[: -len("".join(path.suffixes))] if path.suffixes else path.name


def _open_binary(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else open(path, "rb")


def _open_text(path: Path) -> io.TextIOWrapper:
    """Text with undecodable bytes kept as lone surrogates, so each row can be repaired and reported by line."""
    return io.TextIOWrapper(_open_binary(path), encoding="utf-8-sig", errors="surrogateescape", newline="")


def record_to_document(record: Any, source: str, line: int | None, published: date | None, fallback_id: str) -> Document:
    """One JSON object (or CSV row) → Document; raises InputError naming source and line."""
    if not isinstance(record, dict):
        raise InputError(source, "expected a JSON object", line)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, "record has no text", line)
    _check_size(source, len(text), line)
    doc_id = clean_text(_optional_str(record.get("id")) or fallback_id)
    title = _optional_str(record.get("title"))
    return Document(
        id=doc_id,
        text=clean_text(text),
        published=_parse_published(record.get("published"), source, line) or published,
        title=clean_text(title) if title else None,
        url=_safe_url(record.get("url"), source, line),
        toponyms=_spans(record.get("toponyms"), len(text), source, line),
        source=f"{source}:{line}" if line is not None else source,
    )


def _optional_str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _spans(value: Any, length: int, source: str, line: int | None) -> tuple[tuple[int, int], ...] | None:
    if value is None:
        return None
    if not isinstance(value, list):
        raise InputError(source, "toponyms must be a list of {start, end}", line)
    spans = []
    for item in value:
        try:
            start, end = int(item["start"]), int(item["end"])
        except (KeyError, TypeError, ValueError):
            raise InputError(source, "each toponym needs integer start and end", line)
        if not 0 <= start < end <= length:
            raise InputError(source, f"toponym span {start}-{end} lies outside the text", line)
        spans.append((start, end))
    return tuple(spans)


def _read_jsonl(path: Path, published: date | None, on_error: ErrorHandler) -> Iterator[Document]:
    stem = _stem(path)
    with _open_binary(path) as handle:
        for number, raw in enumerate(_lines(handle), start=1):
            if raw is None:
                on_error(InputError(str(path), f"line longer than {MAX_LINE_BYTES / 1e6:.0f} MB skipped (document too large — split it)", number))
                continue
            if not raw.strip():
                continue
            try:
                line = _decode(raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw, "utf-8", str(path), number)
                record = json.loads(line)
                yield record_to_document(record, str(path), number, published, f"{stem}-{number}")
            except RecursionError:
                on_error(InputError(str(path), "malformed JSON (nested too deeply)", number))
            except ValueError as exc:
                on_error(InputError(str(path), f"malformed JSON ({str(exc).split(':')[0]})", number))
            except InputError as exc:
                on_error(exc)


def _lines(handle: IO[bytes]) -> Iterator[bytes | None]:
    """Lines of a binary stream; a line past MAX_LINE_BYTES is skipped in chunks (never held whole) and yields None."""
    while True:
        line = handle.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) <= MAX_LINE_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = handle.readline(1 << 20)
        yield None


def _read_csv(path: Path, published: date | None, on_error: ErrorHandler) -> Iterator[Document]:
    stem = _stem(path)
    delimiter = "\t" if _base_suffix(path) == ".tsv" else ","
    csv.field_size_limit(MAX_LINE_BYTES)
    with _open_text(path) as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        try:
            fieldnames = reader.fieldnames
        except (csv.Error, UnicodeError) as exc:
            raise InputError(str(path), f"malformed CSV ({exc})", 1)
        if not fieldnames or "text" not in fieldnames:
            raise InputError(str(path), "CSV needs a 'text' column")
        number = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:  # the reader cannot go on past a broken field; name the line it starts on
                raise InputError(str(path), f"malformed CSV ({exc})", number + 1)
            number = reader.line_num
            try:
                yield record_to_document(_repaired(row, str(path), number), str(path), number, published, f"{stem}-{number}")
            except InputError as exc:
                on_error(exc)


def _repaired(row: dict[Any, Any], source: str, line: int) -> dict[Any, Any]:
    """Undecodable bytes (kept as surrogates by the reader) → U+FFFD, with one warning naming the row."""
    text = row.get("text")
    if isinstance(text, str) and _LONE_SURROGATE.search(text):
        log.warning("%s:%d: invalid UTF-8; undecodable bytes replaced", source, line)
    return {key: clean_text(value) if isinstance(value, str) else value for key, value in row.items()}
