"""Shared by `map`, `extract` and `serve`: inputs (articles or saved .geojson) → one FeatureCollection.

One bad input never stops the rest: each failure becomes one line in the returned ``errors``. Only when nothing
at all could be read does the run stop before writing, so a previous output is never replaced by an empty one.
"""
from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from geomap.batch import INCIDENTS, LINES_SUFFIXES
from geomap.documents import is_collection
from geomap.errors import ConfigurationError, GazetteerError, GeomapError, InputError, ModelError

log = logging.getLogger("geomap.cli.runner")


def extract_inputs(
    inputs: Iterable[str],
    *,
    published: date | None = None,
    zone_files: Iterable[Path] = (),
    geoparser: Any = None,
    **options: Any,
) -> tuple[dict[str, Any], list[str]]:
    """Extract from article inputs, read back saved .geojson inputs, add user zones; return (collection, errors).

    ``geoparser`` reuses an already-built Geoparser (the server keeps one for its whole life).
    """
    from geomap.batch import read_features
    from geomap.documents import read_documents
    from geomap.export import feature_collection, merge_collections, read_collection
    from geomap.pipeline import Geoparser

    errors: list[str] = []
    collections: list[dict[str, Any]] = []
    # user zone files are small and cheap: read them first, so a bad one is reported before minutes of parsing
    zones = _user_zones(zone_files, errors)
    article_inputs: list[str] = []
    for item in inputs:
        if is_collection(Path(item)):
            try:
                collections.append(read_collection(item))
            except InputError as exc:
                errors.append(str(exc))
        elif _is_saved_run(Path(item)):
            try:
                collections.append({"type": "FeatureCollection", "features": list(read_features(item))})
            except InputError as exc:
                errors.append(str(exc))
        else:
            article_inputs.append(item)

    if article_inputs:
        documents = list(read_documents(article_inputs, published=published, on_error=lambda e: errors.append(str(e))))
        options = {k: v for k, v in options.items() if v is not None}
        if documents:
            for extraction in _extract(geoparser or Geoparser(**options), documents, errors):
                if extraction.documents or not errors:
                    collections.append(feature_collection(extraction))
    if zones is not None:
        collections.append(zones)
    if not collections:
        if not errors:
            raise ConfigurationError("no input documents")
        _stop(errors)
    return merge_collections(collections), errors


def _is_saved_run(path: Path) -> bool:
    """A `geomap extract --output-dir` folder, or a GeoJSON Lines file of geomap features (not articles)."""
    if path.is_dir():
        return (path / INCIDENTS).exists() or any(path.glob("part-*.geojsonl"))
    if path.suffix.lower() not in LINES_SUFFIXES or not path.is_file():
        return False
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            first = next((line for line in handle if line.strip()), "")
        record = json.loads(first)
    except (OSError, ValueError):
        return False
    return isinstance(record, dict) and record.get("type") == "Feature" and isinstance(record.get("properties"), dict) \
        and record["properties"].get("layer") in ("incidents", "places", "zones")


def _extract(parser: Any, documents: list[Any], errors: list[str]) -> list[Any]:
    """The whole batch at once; if the pipeline breaks on it, document by document so only the culprit is lost.

    A missing model or an unusable gazetteer is not per document: it stops the run with one line naming the fix.
    """
    parser.nlp  # noqa: B018  (load now: ModelError/GazetteerError end the run, not each document)
    batch_errors: list[str] = []
    try:
        extraction = parser.extract(documents, errors=batch_errors)
    except (GazetteerError, ModelError):
        raise
    except Exception as exc:  # a pipeline bug outside its per-document guard
        log.warning("extraction of the batch failed (%s: %s); retrying document by document", type(exc).__name__, exc)
    else:
        errors.extend(batch_errors)
        return [extraction]
    extractions = []
    for document in documents:
        try:
            extractions.append(parser.extract([document], errors=errors))
        except (GazetteerError, ModelError):
            raise
        except Exception as exc:
            log.debug("extraction failed on %s", document.id, exc_info=True)
            errors.append(f"{document.source or document.id}: internal error ({type(exc).__name__}: {exc})")
    return extractions


def _stop(errors: list[str]) -> None:
    """Nothing could be read: name every failure and exit 1 without writing (the old output stays)."""
    from geomap.cli.common import report_failures

    errors.append("no input could be read; nothing written")
    report_failures(errors)


def _user_zones(paths: Iterable[Path], errors: list[str]) -> dict[str, Any] | None:
    from geomap.export import zone_feature
    from geomap.zones import read_zone_file

    features: list[dict[str, Any]] = []
    found = False
    for path in paths:
        found = True
        try:
            features.extend(zone_feature(zone) for zone in read_zone_file(path))
        except GeomapError as exc:
            errors.append(str(exc) if str(path) in str(exc) else f"{path}: {exc}")
        except (OSError, ValueError) as exc:  # read_zone_file should raise InputError; never lose the run over it
            errors.append(f"{path}: not a usable zone file ({type(exc).__name__}: {exc})")
    return {"type": "FeatureCollection", "features": features} if found and features else None
