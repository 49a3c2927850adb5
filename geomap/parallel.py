"""Work that runs inside a worker process: build the extractor once, extract one chunk of documents.

The same ``run_chunk`` serves the in-process run, local worker processes (spawned, each loading the spaCy
model and the gazetteer once in its initializer) and Dask workers, so every mode produces the same records.
Results come back in submission order through a bounded window, so input is never read far ahead.
"""
from __future__ import annotations

import importlib
import logging
import multiprocessing
import threading
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Sequence

from geomap.errors import GeomapError, InputError
from geomap.models import Document, Extraction, Incident

log = logging.getLogger("geomap.parallel")

DEFAULT_FACTORY = "geomap.pipeline:Geoparser"
DEFAULT_DEDUPE = "geomap.dedupe:dedupe"


@dataclass(frozen=True)
class ParserSpec:
    """How to build the extractor in any process: picklable, hashable, and recorded in a run's manifest.

    ``factory`` and ``dedupe`` are ``module:attribute`` paths. Chunks are extracted without deduplication;
    ``dedupe`` (None = off) runs once over every incident after the chunks are merged.
    """

    options: tuple[tuple[str, Any], ...] = ()
    factory: str = DEFAULT_FACTORY
    dedupe: str | None = DEFAULT_DEDUPE

    @classmethod
    def from_options(cls, options: dict[str, Any], **kwargs: Any) -> "ParserSpec":
        options = dict(options)
        dedupe = options.pop("deduplicate", True)
        clean = tuple(sorted((k, _plain(v)) for k, v in options.items() if v is not None))
        if not dedupe:
            kwargs["dedupe"] = None
        return cls(options=clean, **kwargs)

    def build(self) -> Any:
        return load_object(self.factory)(**dict(self.options), deduplicate=False)

    def describe(self) -> dict[str, Any]:
        return {"factory": self.factory, "dedupe": self.dedupe, "options": [list(item) for item in self.options]}


def _plain(value: Any) -> Any:
    """Paths become strings so the spec pickles, hashes and serialises the same everywhere."""
    return value if isinstance(value, (str, int, float, bool)) else str(value)


def load_object(path: str) -> Any:
    module, _, attribute = path.partition(":")
    return getattr(importlib.import_module(module), attribute)


_PARSERS: dict[ParserSpec, Any] = {}
_LOCK = threading.Lock()


def parser_for(spec: ParserSpec) -> Any:
    """The extractor for ``spec`` in this process, built (model and gazetteer loaded) on first use only."""
    with _LOCK:
        parser = _PARSERS.get(spec)
        if parser is None:
            parser = spec.build()
            getattr(parser, "nlp", None)  # Geoparser loads lazily: load now, once per process
            _PARSERS[spec] = parser
            log.debug("extractor ready: %s", spec.describe())
        return parser


@dataclass
class ChunkResult:
    """One chunk's output: place and zone features (GeoJSON dicts), incidents before deduplication, errors."""

    index: int
    document_ids: list[str] = field(default_factory=list)
    features: list[dict[str, Any]] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)


def error_record(error: InputError | str, documents: Sequence[Document] = ()) -> dict[str, Any]:
    """An error as an error-report row {input, line, message}."""
    if isinstance(error, InputError):
        where = f"{error.source}:{error.line}" if error.line is not None else error.source
        message = str(error)
        return {"input": error.source, "line": error.line, "message": message[len(where) + 2:] if message.startswith(where + ": ") else message}
    text = str(error)
    for document in documents:
        for label in (document.source, document.id):
            if label and text.startswith(label + ": "):
                return {**_split_source(document.source or document.id), "message": text[len(label) + 2:]}
    source, _, message = text.partition(": ")
    return {**_split_source(source), "message": message or text}


def _split_source(source: str) -> dict[str, Any]:
    """``feed.jsonl:12`` → input feed.jsonl, line 12 (the reader names records that way)."""
    head, _, tail = source.rpartition(":")
    if head and tail.isdigit():
        return {"input": head, "line": int(tail)}
    return {"input": source, "line": None}


def run_chunk(spec: ParserSpec, index: int, documents: Sequence[Document]) -> ChunkResult:
    """Extract one chunk; a document that breaks the chunk is isolated and reported, the rest still run."""
    from geomap.export import feature_collection

    if not documents:  # a chunk holding only unreadable inputs: nothing to load a model for
        return ChunkResult(index=index)
    parser = parser_for(spec)
    errors: list[str] = []
    try:
        extraction = parser.extract(list(documents), errors=errors)
    except Exception as exc:  # a bug in one document must not cost the chunk: redo it one document at a time
        log.debug("chunk %d failed (%s); retrying document by document", index, exc, exc_info=True)
        extraction, errors = _one_by_one(parser, documents)
    result = ChunkResult(index=index, document_ids=[d.id for d in documents])
    result.incidents = list(extraction.incidents)
    result.features = feature_collection(Extraction(mentions=extraction.mentions, zones=extraction.zones))["features"]
    result.errors = [error_record(e, documents) for e in errors]
    return result


def _one_by_one(parser: Any, documents: Sequence[Document]) -> tuple[Extraction, list[str]]:
    merged, errors = Extraction(), []
    for document in documents:
        try:
            found = parser.extract([document], errors=errors)
        except GeomapError as exc:
            errors.append(f"{document.source or document.id}: {exc}")
            continue
        except Exception as exc:  # reported as that document's failure, with the type so the bug is findable
            log.debug("document %s failed", document.id, exc_info=True)
            errors.append(f"{document.source or document.id}: internal error: {type(exc).__name__}: {exc}")
            continue
        merged.mentions.extend(found.mentions)
        merged.incidents.extend(found.incidents)
        merged.zones.extend(found.zones)
    return merged, errors


Chunks = Iterable[tuple[int, Sequence[Document]]]
Executor = Callable[[ParserSpec, Chunks], Iterator[ChunkResult]]


def serial_executor(spec: ParserSpec, chunks: Chunks) -> Iterator[ChunkResult]:
    """Everything in this process (one worker)."""
    for index, documents in chunks:
        yield run_chunk(spec, index, documents)


def ordered_window(submit: Callable[[int, Sequence[Document]], Any], chunks: Chunks, window: int) -> Iterator[ChunkResult]:
    """Keep at most ``window`` chunks in flight and yield their results in submission order."""
    pending: deque = deque()
    for index, documents in chunks:
        pending.append(submit(index, documents))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _initialize(spec: ParserSpec) -> None:
    parser_for(spec)


def process_executor(workers: int, *, start_method: str = "spawn") -> Executor:
    """``workers`` spawned processes; each loads the model and gazetteer once, in its initializer."""

    def execute(spec: ParserSpec, chunks: Chunks) -> Iterator[ChunkResult]:
        context = multiprocessing.get_context(start_method)
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_initialize, initargs=(spec,)) as pool:
            yield from ordered_window(lambda i, docs: pool.submit(run_chunk, spec, i, list(docs)), chunks, workers * 2)

    return execute


__all__ = ("ParserSpec", "ChunkResult", "run_chunk", "parser_for", "serial_executor", "process_executor", "ordered_window")
