"""`POST /api/extract`: one article in, its GeoJSON out, through the server's single Geoparser.

The Geoparser (spaCy pipeline + SQLite gazetteer) is loaded once and only ever used from one worker thread:
the event loop stays free, the model is never run twice at once on a 2-core box, and the gazetteer connection
never crosses threads. Requests queue behind it up to ``max_pending``; past that the server answers 503.
"""
from __future__ import annotations

import asyncio
import hashlib
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, field_validator

from geomap.errors import ConfigurationError, GazetteerError, GeomapError, InputError, ModelError
from geomap.models import Document, Extraction

log = logging.getLogger("geomap.server")


class Extractor(Protocol):
    """What the server needs from ``geomap.pipeline.Geoparser`` (tests inject their own)."""

    def extract(self, documents: list[Document], *, errors: list[str] | None = None) -> Extraction: ...


class ExtractRequest(BaseModel):
    """One article to extract from."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article text.")
    published: date | None = Field(None, description="Publication date (YYYY-MM-DD); relative dates resolve against it.")
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=4000)

    @field_validator("text")
    @classmethod
    def _has_words(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is blank")
        return value

    def document(self) -> Document:
        """The request as a Document; the id is a hash of the text, so the same request gives the same ids."""
        digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]
        return Document(id=f"api-{digest}", text=self.text, published=self.published, title=self.title,
                        url=self.url, source="POST /api/extract")


class ExtractionFailed(Exception):
    """An extraction that cannot give a result; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, detail: Any):
        super().__init__(str(detail))
        self.status = status
        self.detail = detail


class ExtractionService:
    """Runs extractions one at a time on a dedicated thread, creating the Geoparser there on first use."""

    def __init__(self, extractor: Extractor | None = None, *, max_pending: int = 8):
        self._extractor = extractor
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="geomap-extract")
        self._pending = 0
        self._max_pending = max_pending
        self._lock = threading.Lock()
        self._ran = False

    @property
    def loaded(self) -> bool:
        """True once an extraction has run, i.e. the Geoparser's model and gazetteer are loaded."""
        return self._ran

    def _get(self) -> Extractor:
        if self._extractor is None:
            from geomap.pipeline import Geoparser

            self._extractor = Geoparser()
        return self._extractor

    def _run(self, document: Document) -> Extraction:
        errors: list[str] = []
        extraction = self._get().extract([document], errors=errors)
        self._ran = True
        if errors and not extraction.documents:
            raise ExtractionFailed(422, errors)
        return extraction

    async def extract(self, request: ExtractRequest) -> Extraction:
        with self._lock:
            if self._pending >= self._max_pending:
                raise ExtractionFailed(503, "too many extractions waiting; retry later")
            self._pending += 1
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._executor, self._run, request.document())
        except InputError as exc:
            raise ExtractionFailed(422, str(exc)) from exc
        except (ModelError, GazetteerError, ConfigurationError) as exc:
            log.error("extractor unavailable: %s", exc)
            raise ExtractionFailed(503, f"extractor unavailable: {exc}") from exc
        except GeomapError as exc:
            raise ExtractionFailed(500, str(exc)) from exc
        finally:
            with self._lock:
                self._pending -= 1

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
