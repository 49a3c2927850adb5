import csv
import json
from datetime import date

import pytest

from geomap.errors import InputError
from geomap.export import (
    ACLED_COLUMNS, atomic_write, dumps, feature_collection, read_collection, write_csv, write_jsonl, write_output,
)
from geomap.models import Extraction, Incident, Mention, Place, Zone

KYIV = Place("geonames:703448", "Kyiv", 50.45466, 30.5238, "P", "PPLC", "UA", "Kyiv City", "12", population=2797553)


def sample() -> Extraction:
    incident = Incident(
        id="doc-1", doc="doc", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        place=KYIV, location="Kyiv", geo_precision=1, date=date(2025, 4, 1), date_end=date(2025, 4, 25),
        date_precision="month", time_precision=3, quote="the deadly Kyiv strikes <b>", start=10, end=40,
        actors=("Military Forces of Russia",), fatalities=12,
    )
    mention = Mention("doc", "Kyiv", 10, 14, "GPE", KYIV, 0.9)
    unresolved = Mention("doc", "Nowhere", 20, 27, "GPE", None, 0.0)
    zone = Zone("doc", "demilitarized zone", "proposed", "along the Dnieper", 30.0,
                {"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 50]]]}, quote="q")
    return Extraction(incidents=[incident], mentions=[mention, unresolved], zones=[zone])


def test_feature_collection_layers_and_axis_order():
    fc = feature_collection(sample())
    layers = [f["properties"]["layer"] for f in fc["features"]]
    assert layers == ["incidents", "places", "zones"]  # the unresolved mention is not a place
    incident = fc["features"][0]
    assert incident["geometry"] == {"type": "Point", "coordinates": [30.5238, 50.45466]}  # lon, lat
    props = incident["properties"]
    for key in ("id", "doc", "event_type", "sub_event_type", "date", "date_precision", "time_precision", "place",
                "country_code", "admin1", "geo_precision", "actors", "fatalities", "quote", "start", "end",
                "title", "url", "confidence"):
        assert key in props
    assert props["date"] == "2025-04-01" and props["sources"] == ["doc"]
    place = fc["features"][1]["properties"]
    assert place["lat"] == 50.45466 and place["lon"] == 30.5238 and place["feature_class"] == "P"
    assert fc["features"][2]["properties"]["status"] == "proposed"


def test_dumps_is_deterministic_and_valid_json():
    a, b = dumps(feature_collection(sample())), dumps(feature_collection(sample()))
    assert a == b
    assert json.loads(a)["type"] == "FeatureCollection"


def test_csv_has_acled_columns(tmp_path):
    path = write_csv(tmp_path / "out.csv", feature_collection(sample()))
    rows = list(csv.DictReader(path.open()))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    row = rows[0]
    assert row["event_date"] == "2025-04-01" and row["year"] == "2025"
    assert row["country"] == "Ukraine" and row["iso"] == "804"
    assert row["latitude"] == "50.45466" and row["longitude"] == "30.5238"
    assert row["disorder_type"] == "Political violence" and row["fatalities"] == "12"
    assert row["actor1"] == "Military Forces of Russia"


def test_jsonl_and_dispatch_by_extension(tmp_path):
    fc = feature_collection(sample())
    lines = write_jsonl(tmp_path / "o.jsonl", fc).read_text().splitlines()
    assert len(lines) == 3 and all(json.loads(line)["type"] == "Feature" for line in lines)
    assert write_output(tmp_path / "o.csv", fc).read_text().startswith("event_id_cnty,")
    assert json.loads(write_output(tmp_path / "o.geojson", fc).read_text())["type"] == "FeatureCollection"


def test_atomic_write_keeps_previous_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "map.html"
    atomic_write(target, "old")

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("geomap.export.os.replace", boom)
    with pytest.raises(OSError):
        atomic_write(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]  # no temporary left behind


def test_read_collection_round_trip_and_rejects_foreign_geojson(tmp_path):
    fc = feature_collection(sample())
    path = tmp_path / "x.geojson"
    path.write_text(dumps(fc))
    assert read_collection(path) == json.loads(dumps(fc))
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": None, "properties": {}}]}))
    with pytest.raises(InputError, match="not a geomap feature"):
        read_collection(path)
    path.write_text("{")
    with pytest.raises(InputError, match="x.geojson"):
        read_collection(path)
