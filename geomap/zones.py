"""Zones named in text ("demilitarized zones along the Dnieper", "a 30-kilometre buffer zone") and zone files.

A zone is built around what the text attaches it to: a river or border line is buffered into a corridor, a
point (a plant, a town) into a disc, an area into a wider area; all buffers are computed in metres. A zone
whose only basis is a country or region known as a single point ("a safe zone along its border with Syria",
"a no-fly zone over Libya" without a country outline in the gazetteer) is not drawn: a disc at the country's
centre would misstate it
(``geomap.geo.buffer_km``). Convention: ``width_km`` is always the FULL width of the zone; a corridor extends
``width_km / 2`` on each side of its line and a disc has radius ``width_km / 2``. "A 30-kilometre buffer zone"
is therefore 15 km each side. When the text gives no width, ``DEFAULT_WIDTHS_KM`` holds one per zone kind,
overridable with ``default_width_km``.
"""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from shapely.geometry import shape
from shapely.ops import unary_union
from shapely.validation import explain_validity
from spacy.tokens import Doc, Span, Token

from geomap.dates import resolve_date
from geomap.errors import InputError
from geomap.geo import buffer_km, to_geojson_geometry
from geomap.incidents.located import approximate
from geomap.models import Document, Place, Zone
from geomap.nlp.pipeline import toponym_spans

log = logging.getLogger("geomap.zones")

# full widths (km) when the text gives none; documented defaults, not facts
DEFAULT_WIDTHS_KM = {"demilitarized": 30.0, "buffer": 20.0, "protection": 10.0, "no-fly": 100.0, "safe": 30.0,
                     "exclusion": 20.0, "security": 20.0, "humanitarian": 20.0, "de-escalation": 30.0, "": 20.0}
_KINDS = {"demilitarized": "demilitarized", "demilitarised": "demilitarized", "buffer": "buffer",
          "protection": "protection", "protected": "protection", "no-fly": "no-fly", "safe": "safe",
          "exclusion": "exclusion", "security": "security", "humanitarian": "humanitarian",
          "de-escalation": "de-escalation", "neutral": "buffer", "no-go": "exclusion", "fly": "no-fly",
          "nuclear": "protection", "dmz": "demilitarized"}
_ATTACH = {"along", "around", "over", "near", "in", "on", "across", "between", "at", "within", "of", "by", "from",
           "alongside", "astride", "surrounding"}
PROPOSED = {"propose", "proposal", "plan", "suggest", "call", "demand", "consider", "discuss", "talk", "negotiate",
            "offer", "draft", "could", "would", "may", "might", "seek", "push", "envisage", "want", "urge",
            "include", "idea", "push", "floated", "float", "possible", "potential", "proposed", "planned", "will",
            "should", "demand", "insist", "request"}
DECLARED = {"declare", "establish", "impose", "set", "create", "announce", "enforce", "introduce", "agree",
            "approve", "order", "implement"}
_WIDTH = re.compile(r"(\d+(?:\.\d+)?)\s*-?\s*(km|kilometres?|kilometers?|kms|miles?|mi)\b", re.IGNORECASE)
_MILE_KM = 1.609344


def _kind(zone: Token) -> str | None:
    words = [t.lower_ for t in zone.children if t.dep_ in ("amod", "compound", "nmod")] + [
        t.lower_ for t in zone.doc[max(zone.i - 3, 0):zone.i]]
    for word in words:
        for part in re.split(r"[\s]", word):
            if part in _KINDS:
                return _KINDS[part]
    if zone.lower_ == "dmz":
        return "demilitarized"
    return None


def _width(sentence: Span, zone: Token) -> float | None:
    """A width the text gives for this zone ("a 30-kilometre buffer zone", "20 km wide"), in km."""
    window = zone.doc[max(zone.i - 6, sentence.start):min(zone.i + 10, sentence.end)]
    match = _WIDTH.search(window.text)
    if not match:
        return None
    value = float(match[1])
    return value * _MILE_KM if match[2].lower().startswith("mi") else value


def _status(sentence: Span, zone: Token) -> str:
    lemmas = {t.lemma_.lower() for t in sentence} | {t.lower_ for t in sentence}
    if lemmas & PROPOSED:
        return "proposed"
    if lemmas & DECLARED:
        return "declared"
    return "existing"


def _place_of(span: Span, store) -> Place | None:
    place = span._.geomap_place
    if place is not None and not approximate(span):
        return place
    if store is None:
        return None
    names = [span.text, re.sub(r"^the\s+", "", span.text, flags=re.I)]
    names.append(re.sub(r"\s+(river|sea|gulf|lake|border)$", "", names[-1], flags=re.I))
    for name in names:
        found = store.candidates(name)
        if found:
            return found[0].place
    return None


def _basis(zone: Token, sentence: Span, store) -> list[tuple[str, Span, Place]]:
    """The places a zone phrase hangs on, with the preposition that attaches them."""
    spans = toponym_spans(zone.doc)
    found: list[tuple[str, Span, Place]] = []
    for prep in zone.subtree:
        if prep.dep_ != "prep" or prep.lower_ not in _ATTACH or not (sentence.start <= prep.i < sentence.end):
            continue
        for span in spans:
            if span.start > prep.i and span.start <= prep.i + 8 and span[0].head.i >= prep.i and \
                    any(t.i in {u.i for u in prep.subtree} for t in span):
                if _names_a_facility(span):
                    continue
                place = _place_of(span, store)
                if place is not None and span.label_ != "NORP" and \
                        all(place.gazetteer_id != known.gazetteer_id for _, _, known in found):
                    found.append((prep.lower_, span, place))
    return found


FACILITIES = {"plant", "station", "dam", "airport", "port", "base", "reactor", "facility", "refinery", "mine"}


def _names_a_facility(span: Span) -> bool:
    """ "the Zaporizhzhia nuclear power plant near Enerhodar": the first name is the plant's, the second its place."""
    root = span.root
    if root.dep_ not in ("compound", "nmod", "amod") or root.head.lemma_.lower() not in FACILITIES:
        return False
    facility = root.head
    return any(c.dep_ == "prep" and c.lower_ in ("near", "in", "at", "outside") for c in facility.children)


def _geometry(places: list[Place], width_km: float) -> dict[str, Any]:
    parts = []
    for place in places:
        if place.geometry:
            geom = shape(place.geometry)
        else:
            geom = shape({"type": "Point", "coordinates": [place.lon, place.lat]})
        parts.append(buffer_km(geom, width_km / 2.0))
    return to_geojson_geometry(unary_union(parts))


def find_zones(doc: Doc, document: Document, *, store=None, default_width_km: float | None = None) -> list[Zone]:
    """Every zone phrase that names its place, as a polygon; ``default_width_km`` overrides the per-kind defaults."""
    zones: list[Zone] = []
    for sentence in doc.sents:
        for token in sentence:
            if token.lemma_.lower() not in ("zone", "dmz", "corridor") or token.pos_ not in ("NOUN", "PROPN"):
                continue
            kind = _kind(token)
            if kind is None:
                continue
            basis = _basis(token, sentence, store)
            # a country or region known only as a point says nothing about the zone's extent: no polygon
            basis = [b for b in basis if b[2].geometry or not (b[2].is_country or b[2].is_admin)]
            if not basis:
                log.debug("zone without a place it can be drawn around: %r", sentence.text)
                continue
            width = _width(sentence, token) or default_width_km or DEFAULT_WIDTHS_KM.get(kind, DEFAULT_WIDTHS_KM[""])
            places = [place for _, _, place in basis]
            phrase = zone_phrase(token)
            described = ", ".join(f"{prep} {place.name} ({'line' if place.geometry and 'Line' in place.geometry['type'] else 'area' if place.geometry else 'point'})"
                                  for prep, _, place in basis)
            published = document.published
            window = resolve_date(sentence.text, published) if published else None
            zones.append(Zone(
                doc=document.id,
                name=phrase,
                status=_status(sentence, token),
                basis=described,
                width_km=round(width, 3),
                geometry=_geometry(places, width),
                quote=sentence.text.strip(),
                start=sentence.start_char,
                end=sentence.end_char,
                date=window.date if window else published,
            ))
    return zones


def zone_phrase(zone: Token) -> str:
    """The zone's noun phrase with its attachment, e.g. "demilitarized zones along the Dnieper River"."""
    tokens = [t for t in zone.subtree if not (t.dep_ == "det" and t.lower_ in ("a", "an", "the", "this", "that"))]
    text = zone.doc[tokens[0].i:min(tokens[-1].i + 1, zone.i + 12)].text if tokens else zone.text
    return re.sub(r"\s+", " ", text).strip(" ,.;")


# ---- user zone files ----

def read_zone_file(path: str | Path) -> list[Zone]:
    """Zones from a GeoJSON file (FeatureCollection, Feature or bare geometry), validated.

    Polygons must have closed rings of lon/lat positions and no self-intersections; Points and LineStrings are
    accepted when a ``width_km`` property says how wide a zone to build around them.
    """
    path = Path(path)
    source = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(source, f"cannot read zone file: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(source, f"not a GeoJSON file: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(source, "not a GeoJSON object")
    if data.get("type") == "FeatureCollection":
        features = data.get("features") or []
    elif data.get("type") == "Feature":
        features = [data]
    elif data.get("type") in ("Polygon", "MultiPolygon", "Point", "LineString", "MultiLineString"):
        features = [{"type": "Feature", "properties": {}, "geometry": data}]
    else:
        raise InputError(source, f"unsupported GeoJSON type {data.get('type')!r}")
    zones = [_zone_from_feature(feature, n, path) for n, feature in enumerate(features, start=1)]
    if not zones:
        raise InputError(source, "no zones in file")
    return zones


def _check_positions(coords: Any, where: str, source: str) -> None:
    if isinstance(coords, (list, tuple)) and coords and all(isinstance(c, (int, float)) for c in coords):
        if len(coords) < 2:
            raise InputError(source, f"{where}: position {coords} needs lon and lat")
        lon, lat = coords[0], coords[1]
        if abs(lat) > 90 and abs(lon) <= 90:
            raise InputError(source, f"{where}: latitude {lat} out of range; coordinates look swapped "
                                     "(GeoJSON wants lon, lat)")
        if abs(lat) > 90 or abs(lon) > 180:
            raise InputError(source, f"{where}: position {coords} out of range (lon ±180, lat ±90)")
        return
    if not isinstance(coords, (list, tuple)) or not coords:
        raise InputError(source, f"{where}: missing or empty coordinates")
    for item in coords:
        _check_positions(item, where, source)


def _check_rings(geometry: dict[str, Any], where: str, source: str) -> None:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for polygon in polygons:
        for ring in polygon:
            if len(ring) < 4:
                raise InputError(source, f"{where}: a polygon ring needs at least 4 positions, got {len(ring)}")
            if list(ring[0][:2]) != list(ring[-1][:2]):
                raise InputError(source, f"{where}: polygon ring is not closed (first position {ring[0]} "
                                         f"!= last {ring[-1]})")


def _zone_from_feature(feature: Any, n: int, path: Path) -> Zone:
    source = str(path)
    where = f"feature {n}"
    if not isinstance(feature, dict) or not isinstance(feature.get("geometry"), dict):
        raise InputError(source, f"{where}: no geometry")
    props = feature.get("properties") or {}
    geometry = feature["geometry"]
    kind = geometry.get("type")
    _check_positions(geometry.get("coordinates"), where, source)
    width = props.get("width_km")
    if kind in ("Polygon", "MultiPolygon"):
        _check_rings(geometry, where, source)
        geom = shape(geometry)
        if not geom.is_valid:
            raise InputError(source, f"{where}: invalid polygon ({explain_validity(geom)})")
        basis = f"user polygon from {path.name}"
    elif kind in ("Point", "LineString", "MultiLineString") and isinstance(width, (int, float)) and width > 0:
        geom = buffer_km(shape(geometry), float(width) / 2.0)
        basis = f"user {kind} from {path.name}, buffered {float(width) / 2.0:g} km each side"
    else:
        raise InputError(source, f"{where}: {kind} is not a zone; use a Polygon, or give width_km for a line or point")
    status = str(props.get("status", "existing"))
    if status not in ("proposed", "declared", "existing"):
        raise InputError(source, f"{where}: status {status!r} is not proposed, declared or existing")
    return Zone(
        doc=path.name,
        name=str(props.get("name") or f"{path.stem} {n}"),
        status=status,
        basis=basis,
        width_km=float(width) if isinstance(width, (int, float)) else 0.0,
        geometry=to_geojson_geometry(geom),
    )
