"""The foundation's acceptance checks on the seed article, end to end through the CLI."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from shapely.geometry import Point, shape

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed_collection(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed") / "x.geojson"
    result = subprocess.run(
        [sys.executable, "-m", "geomap", "extract", str(ROOT / "seeds"), "--published", "2025-04-25", "-o", str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text())


def layer(collection, name):
    return [f for f in collection["features"] if f["properties"]["layer"] == name]


def test_balashikha_ied(seed_collection):
    hits = [f["properties"] for f in layer(seed_collection, "incidents") if f["properties"]["place"] == "Balashikha"]
    assert len(hits) == 1
    ied = hits[0]
    assert ied["event_type"] == "Explosions/Remote violence"
    assert ied["sub_event_type"] == "Remote explosive/landmine/IED"
    assert ied["date"] == "2025-04-25" and ied["date_precision"] == "day"
    assert ied["fatalities"] == 1
    assert any("Moskalik" in p for p in ied["people"])


def test_grozny_poisoning_last_year(seed_collection):
    hits = [f["properties"] for f in layer(seed_collection, "incidents") if f["properties"]["place"] == "Grozny"]
    assert len(hits) == 1
    assert hits[0]["date"].startswith("2024") and hits[0]["date_precision"] == "year"


def test_kyiv_strikes_april(seed_collection):
    hits = [f["properties"] for f in layer(seed_collection, "incidents") if f["properties"]["place"] == "Kyiv"]
    assert len(hits) == 1
    assert hits[0]["event_type"] == "Explosions/Remote violence"
    assert hits[0]["date"].startswith("2025-04") and hits[0]["date_precision"] in {"month", "week", "day", "publication"}


def test_nothing_invented(seed_collection):
    places = sorted(f["properties"]["place"] for f in layer(seed_collection, "incidents"))
    assert places == ["Balashikha", "Grozny", "Kyiv"]


def test_dnieper_zone(seed_collection):
    zones = layer(seed_collection, "zones")
    assert len(zones) == 1
    props = zones[0]["properties"]
    assert props["status"] == "proposed" and props["width_km"] > 0
    polygon = shape(zones[0]["geometry"])
    inside = {"Kyiv": (30.5238, 50.45466), "Kremenchuk": (33.4162, 49.06802), "Zaporizhzhia": (35.13, 47.82)}
    outside = {"Lviv": (24.0232, 49.83826), "Kharkiv": (36.25272, 49.98081), "Moscow": (37.61556, 55.75222)}
    for name, xy in inside.items():
        assert polygon.contains(Point(xy)), name
    for name, xy in outside.items():
        assert not polygon.contains(Point(xy)), name


def test_every_place_geocoded(seed_collection):
    places = layer(seed_collection, "places")
    by_name = {}
    for f in places:
        by_name.setdefault(f["properties"]["name"], f["properties"])
    for name in ("Balashikha", "Grozny", "Kyiv", "Moscow", "Russia", "Ukraine", "Syria", "China", "Eastern Europe"):
        assert name in by_name, f"{name} not among {sorted(by_name)}"
    assert by_name["Russia"]["feature_code"].startswith("PCL")
    assert by_name["Kyiv"]["country_code"] == "UA"
    assert by_name["Moscow"]["country_code"] == "RU"
    rivers = [p for p in (f["properties"] for f in places) if p["feature_code"] == "STM"]
    assert rivers and "Dnieper" in rivers[0]["name"]
    mentions = {f["properties"]["mention"] for f in places}
    assert any(m.startswith("Balashikha") for m in mentions)  # NER calls it PERSON; gazetteer overrules


def test_map_command_writes_html(tmp_path):
    out = tmp_path / "map.html"
    gj = tmp_path / "map.geojson"
    result = subprocess.run(
        [sys.executable, "-m", "geomap", "map", str(ROOT / "seeds"), "-o", str(out), "--geojson", str(gj)],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    html = out.read_text()
    assert "leaflet" in html.lower() and "Balashikha" in html
    # redraw from the saved layers without re-extracting
    again = tmp_path / "again.html"
    result = subprocess.run([sys.executable, "-m", "geomap", "map", str(gj), "-o", str(again)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Balashikha" in again.read_text()
