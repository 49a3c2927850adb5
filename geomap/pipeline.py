"""The whole path for a batch of documents: nlp → resolution → incidents and zones → one ``Extraction``.

``Geoparser`` loads the spaCy pipeline and opens the gazetteer once and is then reused for every batch, so the
CLI, the server, worker processes and Dask workers all run exactly the same code.
"""
from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from geomap.documents import clean_text
from geomap.errors import GeomapError, InputError
from geomap.models import Document, Extraction, Incident, Mention

log = logging.getLogger("geomap.pipeline")


@dataclass(frozen=True)
class Options:
    """Settings that change what is extracted (not how it is drawn)."""

    model: str = "auto"
    gazetteer_path: Path | None = None
    country_bias: str | None = None
    zone_width_km: float | None = None  # None: the documented default per zone kind
    deduplicate: bool = True
    rescore: bool = True  # score each incident with the keep model (False: the rules' incidents, unscored)
    min_confidence: float | None = None  # None: the keep model's threshold; 0 keeps every incident, scored


class Geoparser:
    """Extraction with a loaded model and an open gazetteer. Construction is cheap; loading happens on first use."""

    def __init__(self, options: Options | None = None, **overrides: Any):
        self.options = Options(**{**(options.__dict__ if options else {}), **overrides})
        self._nlp = None
        self._store = None

    @property
    def store(self):
        if self._store is None:
            from geomap.geocoding.store import open_store

            self._store = open_store(self.options.gazetteer_path)
        return self._store

    @property
    def nlp(self):
        if self._nlp is None:
            from geomap.nlp.pipeline import load_pipeline

            bias = None
            if self.options.country_bias:
                from geomap.resolution.features import Bias

                bias = Bias(country=self.options.country_bias.upper())
            self._nlp = load_pipeline(self.store, model=self.options.model, bias=bias)
        return self._nlp

    def model_name(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}"

    def extract(self, documents: Iterable[Document], *, errors: list[str] | None = None) -> Extraction:
        """Extract from every document; a document that fails is reported in ``errors`` and skipped."""
        from geomap.dedupe import dedupe
        from geomap.nlp.pipeline import parse

        extraction = Extraction(errors=errors if errors is not None else [])
        # nlp.pipe yields in input order: a FIFO of (original document, part offset or None) pairs each parse result
        pending: deque[tuple[Document, int | None]] = deque()
        failed: set[str] = set()

        def parts() -> Iterator[Document]:
            for document in documents:
                document = replace(document, text=clean_text(document.text))
                pieces = split_for_parsing(document)
                for piece, offset in pieces:
                    pending.append((document, offset))
                    yield piece

        for part, doc in parse(self.nlp, parts()):
            original, offset = pending.popleft()
            if original.id in failed:
                continue
            try:
                mentions, incidents, zones = self._extract_one(part, doc)
            except GeomapError as exc:
                extraction.errors.append(f"{original.source or original.id}: {exc}")
                failed.add(original.id)
                continue
            except Exception as exc:  # a bug on one odd document must not lose the rest of the batch
                log.debug("extraction failed on %s", original.id, exc_info=True)
                extraction.errors.append(f"{original.source or original.id}: internal error ({type(exc).__name__}: {exc})")
                failed.add(original.id)
                continue
            if offset is not None:
                mentions, incidents, zones = (_shifted(r, offset, original.id) for r in (mentions, incidents, zones))
            if not extraction.documents or extraction.documents[-1].id != original.id:
                extraction.documents.append(original)
            extraction.mentions.extend(mentions)
            extraction.incidents.extend(incidents)
            extraction.zones.extend(zones)
        if failed:
            extraction.documents = [d for d in extraction.documents if d.id not in failed]
            extraction.mentions = [m for m in extraction.mentions if m.doc not in failed]
            extraction.zones = [z for z in extraction.zones if z.doc not in failed]
        extraction.incidents = _renumbered([i for i in extraction.incidents if i.doc not in failed])
        if self.options.deduplicate:
            extraction.incidents = dedupe(extraction.incidents)
        return extraction

    def _extract_one(self, document: Document, doc) -> tuple[list[Mention], list, list]:
        from geomap.incidents import find_incidents
        from geomap.incidents.keep import keep_likely
        from geomap.zones import find_zones

        mentions = mentions_of(document, doc)
        incidents = find_incidents(doc, document, store=self.store)
        if self.options.rescore:
            incidents = keep_likely(incidents, document, min_confidence=self.options.min_confidence)
        kwargs = {} if self.options.zone_width_km is None else {"default_width_km": self.options.zone_width_km}
        zones = find_zones(doc, document, store=self.store, **kwargs)
        return mentions, incidents, zones


# spaCy refuses texts over nlp.max_length (1M chars) and its memory grows with length: long documents are
# parsed in parts cut at paragraph (else sentence, else word) boundaries, and offsets shifted back.
PART_CHARS = 100_000


def split_for_parsing(document: Document, max_chars: int = PART_CHARS) -> list[tuple[Document, int | None]]:
    """[(document, None)] for a normal document, else parts of at most ``max_chars`` with their character offset."""
    text = document.text
    if len(text) <= max_chars:
        return [(document, None)]
    parts, start = [], 0
    while start < len(text):
        end = min(len(text), start + max_chars)
        if end < len(text):
            window = text[start:end]
            cut = max(window.rfind("\n\n"), window.rfind("\n"))
            if cut < max_chars // 2:
                cut = max(window.rfind(". "), window.rfind(" "))
            if cut > 0:
                end = start + cut + 1
        toponyms = None
        if document.toponyms is not None:
            toponyms = tuple((a - start, b - start) for a, b in document.toponyms if start <= a and b <= end)
        parts.append((replace(document, text=text[start:end], toponyms=toponyms), start))
        start = end
    return parts


def _shifted(records: list, offset: int, doc_id: str) -> list:
    """Move start/end back into the whole document's coordinates."""
    return [replace(r, start=r.start + offset, end=r.end + offset, doc=doc_id) for r in records]


def _renumbered(incidents: list[Incident]) -> list[Incident]:
    """Incident ids are ``<doc>-<n>`` in text order within each document, whatever parts they came from."""
    counters: dict[str, int] = {}
    out = []
    for incident in incidents:
        counters[incident.doc] = counters.get(incident.doc, 0) + 1
        out.append(replace(incident, id=f"{incident.doc}-{counters[incident.doc]}"))
    return out


def mentions_of(document: Document, doc) -> list[Mention]:
    """The toponym spans of a parsed doc as ``Mention`` records, in text order."""
    from geomap.nlp.pipeline import toponym_spans

    mentions = []
    for span in sorted(toponym_spans(doc), key=lambda s: (s.start_char, s.end_char)):
        mentions.append(
            Mention(
                doc=document.id,
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                label=span.label_,
                place=span._.geomap_place,
                confidence=float(span._.geomap_confidence or 0.0),
                basis=span._.geomap_basis,
            )
        )
    return mentions


def as_documents(
    inputs: Iterable[Any] | str | Path | Document,
    *,
    published: date | None = None,
    errors: list[str] | None = None,
) -> list[Document]:
    """Texts, paths and Document objects → Documents (texts get ids text-1, text-2…)."""
    from geomap.documents import read_documents

    if isinstance(inputs, (str, Path, Document)):
        inputs = [inputs]
    documents: list[Document] = []
    collected = errors if errors is not None else []

    def note(error: InputError) -> None:
        if errors is None:
            raise error
        collected.append(str(error))

    for number, item in enumerate(inputs, start=1):
        if isinstance(item, Document):
            documents.append(item if item.published or not published else _with_published(item, published))
        elif isinstance(item, Path) or (isinstance(item, str) and _looks_like_path(item)):
            documents.extend(read_documents([item], published=published, on_error=note))
        elif isinstance(item, str):
            if item.strip():
                documents.append(Document(id=f"text-{number}", text=item, published=published, source=f"text-{number}"))
            else:
                note(InputError(f"text-{number}", "empty document (no text)"))
        else:
            raise TypeError(f"cannot extract from {type(item).__name__}; pass text, a path or a Document")
    return documents


def _looks_like_path(value: str) -> bool:
    return "\n" not in value and len(value) < 4096 and Path(value).exists()


def _with_published(document: Document, published: date) -> Document:
    return replace(document, published=published)


def extract(
    inputs: Iterable[Any] | str | Path | Document,
    *,
    published: date | None = None,
    geoparser: Geoparser | None = None,
    **options: Any,
) -> Extraction:
    """Extract places, incidents and zones from texts, paths or Documents. Writes nothing.

    ``options`` are ``Options`` fields (model, gazetteer_path, country_bias, zone_width_km, deduplicate, rescore,
    min_confidence).
    Inputs that cannot be read are listed in ``Extraction.errors``.
    """
    errors: list[str] = []
    documents = as_documents(inputs, published=published, errors=errors)
    parser = geoparser or Geoparser(**options)
    return parser.extract(documents, errors=errors)


__all__: Sequence[str] = ("Geoparser", "Options", "extract", "as_documents", "mentions_of")
