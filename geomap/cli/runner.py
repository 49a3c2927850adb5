"""Shared by `map`, `extract` and `serve`: inputs (articles or saved .geojson) → one FeatureCollection."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Iterable

from geomap.documents import is_collection
from geomap.errors import ConfigurationError, InputError


def extract_inputs(
    inputs: Iterable[str],
    *,
    published: date | None = None,
    zone_files: Iterable[Path] = (),
    **options: Any,
) -> tuple[dict[str, Any], list[str]]:
    """Extract from article inputs, read back saved .geojson inputs, add user zones; return (collection, errors)."""
    from geomap.documents import read_documents
    from geomap.export import feature_collection, merge_collections, read_collection
    from geomap.pipeline import Geoparser

    errors: list[str] = []
    collections: list[dict[str, Any]] = []
    article_inputs: list[str] = []
    for item in inputs:
        if is_collection(Path(item)):
            try:
                collections.append(read_collection(item))
            except InputError as exc:
                errors.append(str(exc))
        else:
            article_inputs.append(item)

    if article_inputs:
        documents = list(read_documents(article_inputs, published=published, on_error=lambda e: errors.append(str(e))))
        options = {k: v for k, v in options.items() if v is not None}
        if documents:
            extraction = Geoparser(**options).extract(documents, errors=errors)
            collections.append(feature_collection(extraction))
    if zone_files:
        collections.append(_user_zones(zone_files))
    if not collections and not errors:
        raise ConfigurationError("no input documents")
    return merge_collections(collections), errors


def _user_zones(paths: Iterable[Path]) -> dict[str, Any]:
    from geomap.export import zone_feature
    from geomap.zones import read_zone_file

    features = [zone_feature(zone) for path in paths for zone in read_zone_file(path)]
    return {"type": "FeatureCollection", "features": features}
