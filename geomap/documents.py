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
import sys
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

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
    """Yield every document in ``paths`` in a stable order; ``published`` fills in documents that carry no date."""
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-":
            yield from _guard(lambda: _read_text_stream("stdin", sys.stdin.read(), published), "stdin", on_error)
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _is_document_file(child):
                    yield from _read_file(child, published, on_error)
        elif path.exists():
            yield from _read_file(path, published, on_error)
        else:
            on_error(InputError(str(path), "no such file or directory"))


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
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise InputError(source, "looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        log.warning("%s: invalid UTF-8 at byte %d; undecodable bytes replaced", source, exc.start)
        return data.decode("utf-8", errors="replace")


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
    if not html:
        _check_size(str(path), size)
    elif size > 4 * MAX_DOCUMENT_CHARS:
        _check_size(str(path), size)
    text = decode_bytes(path.read_bytes(), str(path))
    meta = _sidecar(path)
    title = meta.get("title")
    if html:
        title = title or _html_title(text)
        text = html_to_text(text)
        _check_size(str(path), len(text))
    if not text.strip():
        raise InputError(str(path), "empty document (no text)")
    return Document(
        id=path.stem,
        text=text,
        published=_parse_published(meta.get("published"), str(path)) or published,
        title=title,
        url=meta.get("url"),
        source=str(path),
    )


def _read_text_stream(source: str, text: str, published: date | None) -> list[Document]:
    if not text.strip():
        raise InputError(source, "empty document (no text)")
    return [Document(id=source, text=text, published=published, source=source)]


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
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(source, f"invalid published date {value!r} (expected YYYY-MM-DD)", line)


def _stem(path: Path) -> str:
    """File name without its suffixes (``feed.jsonl.gz`` → ``feed``), for default record ids."""
    return path.name[: -len("".join(path.suffixes))] if path.suffixes else path.name


def _open_text(path: Path) -> io.TextIOBase:
    raw = gzip.open(path, "rb") if path.suffix.lower() == ".gz" else open(path, "rb")
    return io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")


def record_to_document(record: Any, source: str, line: int | None, published: date | None, fallback_id: str) -> Document:
    """One JSON object (or CSV row) → Document; raises InputError naming source and line."""
    if not isinstance(record, dict):
        raise InputError(source, "expected a JSON object", line)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, "record has no text", line)
    _check_size(source, len(text), line)
    doc_id = str(record.get("id") or fallback_id)
    return Document(
        id=doc_id,
        text=text,
        published=_parse_published(record.get("published"), source, line) or published,
        title=_optional_str(record.get("title")),
        url=_optional_str(record.get("url")),
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
    with _open_text(path) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                yield record_to_document(record, str(path), number, published, f"{stem}-{number}")
            except ValueError as exc:
                on_error(InputError(str(path), f"malformed JSON ({exc.args[0].split(':')[0]})", number))
            except InputError as exc:
                on_error(exc)


def _read_csv(path: Path, published: date | None, on_error: ErrorHandler) -> Iterator[Document]:
    stem = _stem(path)
    delimiter = "\t" if _base_suffix(path) == ".tsv" else ","
    csv.field_size_limit(2**31 - 1)
    with _open_text(path) as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        if not reader.fieldnames or "text" not in reader.fieldnames:
            raise InputError(str(path), "CSV needs a 'text' column")
        for number, row in enumerate(reader, start=2):
            try:
                yield record_to_document(row, str(path), number, published, f"{stem}-{number}")
            except InputError as exc:
                on_error(exc)
