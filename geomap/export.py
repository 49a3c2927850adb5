"""Write what was extracted: GeoJSON (RFC 7946, the project's interchange format), ACLED-style CSV and
GeoJSON Lines. Every file is written to a temporary sibling and renamed, so a killed run leaves the
previous output intact.
"""
from __future__ import annotations

import csv
import io
import json
import logging
import math
import os
import tempfile
import time
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Callable, Iterable

from geomap.errors import InputError
from geomap.geo import point_geometry
from geomap.models import Extraction, Incident, Mention, Zone

log = logging.getLogger("geomap.export")

LAYERS = ("incidents", "places", "zones")
# a temporary file this old beside an output was left by a killed run (no write takes an hour)
STALE_TEMP_SECONDS = 3600

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def incident_feature(incident: Incident) -> dict[str, Any]:
    place = incident.place
    properties = {
        "layer": "incidents",
        "id": incident.id,
        "doc": incident.doc,
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "date": _iso(incident.date),
        "date_end": _iso(incident.date_end),
        "date_precision": incident.date_precision,
        "time_precision": incident.time_precision,
        "place": place.name,
        "location": incident.location,
        "gazetteer_id": place.gazetteer_id,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "geo_precision": incident.geo_precision,
        "actors": list(incident.actors),
        "people": list(incident.people),
        "fatalities": incident.fatalities,
        "injuries": incident.injuries,
        "quote": incident.quote,
        "start": incident.start,
        "end": incident.end,
        "title": incident.title,
        "url": incident.url,
        "confidence": round(incident.confidence, 3),
        "sources": list(incident.sources or (incident.doc,)),
    }
    return {"type": "Feature", "geometry": point_geometry(place.lat, place.lon), "properties": properties}


def place_feature(mention: Mention) -> dict[str, Any]:
    place = mention.place
    assert place is not None
    # an approximate stand-in is a point near the name, never the stand-in's own outline
    geometry = place.geometry if place.geometry and mention.basis == "gazetteer" else point_geometry(place.lat, place.lon)
    properties = {
        "layer": "places",
        "doc": mention.doc,
        "mention": mention.text,
        "start": mention.start,
        "end": mention.end,
        "label": mention.label,
        "name": place.name,
        "gazetteer_id": place.gazetteer_id,
        "feature_class": place.feature_class,
        "feature_code": place.feature_code,
        "country_code": place.country_code,
        "admin1": place.admin1,
        "population": place.population,
        "lat": round(place.lat, 6),
        "lon": round(place.lon, 6),
        "confidence": round(mention.confidence, 3),
        "basis": mention.basis,
    }
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def zone_feature(zone: Zone) -> dict[str, Any]:
    properties = {
        "layer": "zones",
        "doc": zone.doc,
        "name": zone.name,
        "status": zone.status,
        "basis": zone.basis,
        "width_km": zone.width_km,
        "quote": zone.quote,
        "start": zone.start,
        "end": zone.end,
        "date": _iso(zone.date),
    }
    return {"type": "Feature", "geometry": zone.geometry, "properties": properties}


def feature_collection(extraction: Extraction) -> dict[str, Any]:
    """The output GeoJSON: incidents, then resolved places, then zones, each in document order."""
    features = [incident_feature(i) for i in extraction.incidents]
    features += [place_feature(m) for m in extraction.mentions if m.place is not None]
    features += [zone_feature(z) for z in extraction.zones]
    return {"type": "FeatureCollection", "features": features}


def dumps(collection: dict[str, Any]) -> str:
    """Stable, compact-enough JSON: the same extraction always gives the same bytes."""
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"


def atomic_stream(path: str | Path, emit: Callable[[IO[Any]], Any], *, binary: bool = False) -> Path:
    """Let ``emit`` write text to a temporary file beside ``path``, then rename it into place atomically.

    A run killed or failing mid-way leaves the previous ``path`` whole and no temporary file behind.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as handle:
            emit(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _remove_stale_temps(target)
    return target


def atomic_write(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same directory and an atomic rename."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    return atomic_stream(path, lambda handle: handle.write(payload), binary=True)


def _remove_stale_temps(target: Path) -> None:
    """Delete temporary siblings of ``target`` that a killed run left behind (old enough to be nobody's)."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    for stale in target.parent.glob(f".{target.name}.*.tmp"):
        try:
            if stale.stat().st_mtime < cutoff:
                stale.unlink()
                log.debug("removed %s left by an interrupted run", stale)
        except OSError:  # gone already, or not ours to delete
            continue


def write_geojson(path: str | Path, collection: dict[str, Any]) -> Path:
    return atomic_write(path, dumps(collection))


def write_jsonl(path: str | Path, collection: dict[str, Any]) -> Path:
    """GeoJSON Lines (one Feature per line, RFC 8142 without record separators)."""
    lines = (json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"])
    return atomic_write(path, "".join(line + "\n" for line in lines))


@lru_cache(maxsize=512)
def _country_facts(country_code: str | None) -> tuple[str, str, str]:
    """(ISO numeric, country name, region) for an alpha-2 code, from the countrystatecity package data."""
    if not country_code:
        return ("", "", "")
    try:
        from countrystatecity_countries import get_country_by_code

        country = get_country_by_code(country_code)
    except Exception:  # the package raises its own not-found types; a missing fact is not fatal for a CSV
        return ("", "", "")
    if country is None:
        return ("", "", "")
    return (str(int(country.numeric_code)) if country.numeric_code else "", country.name, country.subregion or country.region or "")


# a spreadsheet runs a cell that starts with one of these as a formula (CSV injection): text from articles is
# prefixed with an apostrophe, which spreadsheets hide; numbers are left alone
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def acled_rows(collection: dict[str, Any]) -> Iterable[dict[str, Any]]:
    """Incidents as ACLED-named rows, text cells guarded against formula injection; unknown columns stay empty."""
    for row in _acled_rows(collection):
        yield {key: _cell(value) for key, value in row.items()}


def _acled_rows(collection: dict[str, Any]) -> Iterable[dict[str, Any]]:
    for feature in collection["features"]:
        props = feature["properties"]
        if props.get("layer") != "incidents":
            continue
        lon, lat = feature["geometry"]["coordinates"][:2]
        iso, country, region = _country_facts(props.get("country_code"))
        actors = list(props.get("actors") or [])
        event_date = props.get("date") or ""
        yield {
            "event_id_cnty": props["id"],
            "event_date": event_date,
            "year": event_date[:4],
            "time_precision": props.get("time_precision"),
            "disorder_type": _DISORDER.get(props["event_type"], ""),
            "event_type": props["event_type"],
            "sub_event_type": props["sub_event_type"],
            "actor1": actors[0] if actors else "",
            "assoc_actor_1": "",
            "inter1": "",
            "actor2": actors[1] if len(actors) > 1 else "",
            "assoc_actor_2": "",
            "inter2": "",
            "interaction": "",
            "civilian_targeting": "Civilian targeting" if props["event_type"] == "Violence against civilians" else "",
            "iso": iso,
            "region": region,
            "country": country,
            "admin1": props.get("admin1") or "",
            "admin2": "",
            "admin3": "",
            "location": props.get("place") or "",
            "latitude": lat,
            "longitude": lon,
            "geo_precision": props.get("geo_precision"),
            "source": "; ".join(props.get("sources") or [props.get("doc", "")]),
            "source_scale": "",
            "notes": props.get("quote") or "",
            "fatalities": props.get("fatalities") if props.get("fatalities") is not None else 0,
            "tags": "; ".join(props.get("people") or []),
            "timestamp": "",
        }


def write_csv(path: str | Path, collection: dict[str, Any]) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(acled_rows(collection))
    return atomic_write(path, buffer.getvalue())


def write_output(path: str | Path, collection: dict[str, Any]) -> Path:
    """Write by extension: .geojson/.json → GeoJSON, .csv → ACLED CSV, .jsonl/.geojsonl/.ndjson → GeoJSON Lines."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return write_csv(path, collection)
    if suffix in {".jsonl", ".geojsonl", ".ndjson", ".geojsons"}:
        return write_jsonl(path, collection)
    return write_geojson(path, collection)


def read_collection(path: str | Path) -> dict[str, Any]:
    """Read back a geomap GeoJSON output (to redraw a map without re-extracting)."""
    source = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(source, f"not readable GeoJSON: {exc}")
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        raise InputError(source, "expected a GeoJSON FeatureCollection")
    for number, feature in enumerate(data["features"]):
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(props, dict) or props.get("layer") not in LAYERS or not isinstance(feature.get("geometry"), dict):
            raise InputError(source, f"feature {number} is not a geomap feature (properties.layer must be one of {', '.join(LAYERS)})")
        problem = geometry_problem(feature["geometry"])
        if problem:
            raise InputError(source, f"feature {number}: {problem}")
    return data


_DEPTH = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}


def geometry_problem(geometry: dict[str, Any]) -> str | None:
    """Why ``geometry`` is not RFC 7946 GeoJSON a map can draw (bad type, nesting, or lon/lat out of range), or None."""
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        parts = geometry.get("geometries")
        if not isinstance(parts, list):
            return "GeometryCollection without a geometries list"
        return next((p for p in (geometry_problem(g) if isinstance(g, dict) else "geometry is not an object" for g in parts) if p), None)
    if kind not in _DEPTH:
        return f"unknown geometry type {str(kind)[:40]!r}"
    return _coordinates_problem(geometry.get("coordinates"), _DEPTH[kind])


def _coordinates_problem(value: Any, depth: int) -> str | None:
    if depth == 0:
        if not isinstance(value, list) or len(value) < 2 or not all(_is_number(v) for v in value[:2]):
            return "a position must be [lon, lat] numbers"
        lon, lat = value[0], value[1]
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            return f"position [{lon}, {lat}] is outside lon -180..180 / lat -90..90 (GeoJSON order is [lon, lat])"
        return None
    if not isinstance(value, list):
        return "coordinates are not nested as the geometry type needs"
    return next((p for p in (_coordinates_problem(v, depth - 1) for v in value) if p), None)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def merge_collections(collections: Iterable[dict[str, Any]]) -> dict[str, Any]:
    features: list[dict[str, Any]] = []
    for collection in collections:
        features.extend(collection["features"])
    order = {name: i for i, name in enumerate(LAYERS)}
    features.sort(key=lambda f: order[f["properties"]["layer"]])
    return {"type": "FeatureCollection", "features": features}
