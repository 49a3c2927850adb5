"""The whole path for a batch of documents: nlp → resolution → incidents and zones → one ``Extraction``.

``Geoparser`` loads the spaCy pipeline and opens the gazetteer once and is then reused for every batch, so the
CLI, the server, worker processes and Dask workers all run exactly the same code.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Sequence

from geomap.errors import GeomapError, InputError
from geomap.models import Document, Extraction, Mention

log = logging.getLogger("geomap.pipeline")


@dataclass(frozen=True)
class Options:
    """Settings that change what is extracted (not how it is drawn)."""

    model: str = "auto"
    gazetteer_path: Path | None = None
    country_bias: str | None = None
    zone_width_km: float | None = None  # None: the documented default per zone kind
    deduplicate: bool = True


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

            self._nlp = load_pipeline(self.store, model=self.options.model, country_bias=self.options.country_bias)
        return self._nlp

    def model_name(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}"

    def extract(self, documents: Iterable[Document], *, errors: list[str] | None = None) -> Extraction:
        """Extract from every document; a document that fails is reported in ``errors`` and skipped."""
        from geomap.dedupe import dedupe

        extraction = Extraction(errors=errors if errors is not None else [])
        for document, doc in self._parsed(documents, extraction.errors):
            try:
                mentions, incidents, zones = self._extract_one(document, doc)
            except GeomapError as exc:
                extraction.errors.append(f"{document.source or document.id}: {exc}")
                continue
            extraction.documents.append(document)
            extraction.mentions.extend(mentions)
            extraction.incidents.extend(incidents)
            extraction.zones.extend(zones)
        if self.options.deduplicate:
            extraction.incidents = dedupe(extraction.incidents)
        return extraction

    def _parsed(self, documents: Iterable[Document], errors: list[str]):
        from geomap.nlp.pipeline import parse

        return parse(self.nlp, documents)

    def _extract_one(self, document: Document, doc) -> tuple[list[Mention], list, list]:
        from geomap.incidents import find_incidents
        from geomap.zones import find_zones

        mentions = mentions_of(document, doc)
        incidents = find_incidents(doc, document)
        kwargs = {} if self.options.zone_width_km is None else {"default_width_km": self.options.zone_width_km}
        zones = find_zones(doc, document, store=self.store, **kwargs)
        return mentions, incidents, zones


def mentions_of(document: Document, doc) -> list[Mention]:
    """The toponym spans of a parsed doc as ``Mention`` records, in text order."""
    mentions = []
    for span in sorted(doc.spans.get("geomap_toponyms", []), key=lambda s: (s.start_char, s.end_char)):
        mentions.append(
            Mention(
                doc=document.id,
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                label=span.label_,
                place=span._.geomap_place,
                confidence=float(span._.geomap_confidence or 0.0),
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
    from dataclasses import replace

    return replace(document, published=published)


def extract(
    inputs: Iterable[Any] | str | Path | Document,
    *,
    published: date | None = None,
    geoparser: Geoparser | None = None,
    **options: Any,
) -> Extraction:
    """Extract places, incidents and zones from texts, paths or Documents. Writes nothing.

    ``options`` are ``Options`` fields (model, gazetteer_path, country_bias, zone_width_km, deduplicate).
    Inputs that cannot be read are listed in ``Extraction.errors``.
    """
    errors: list[str] = []
    documents = as_documents(inputs, published=published, errors=errors)
    parser = geoparser or Geoparser(**options)
    return parser.extract(documents, errors=errors)


def collection_of(extraction: Extraction) -> dict[str, Any]:
    from geomap.export import feature_collection

    return feature_collection(extraction)


__all__: Sequence[str] = ("Geoparser", "Options", "extract", "as_documents", "mentions_of")
