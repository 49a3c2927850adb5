"""Unit tests of geomap.render: encodings, layers, base maps, escaping, self-contained pages."""
from __future__ import annotations

import json
import re

import folium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.errors import ConfigurationError
from geomap.render import build_map, layers, render_fragment, render_html
from geomap.render.basemap import CountryOutlines, base_layers, country_outlines
from geomap.render.encode import INCIDENT_COLUMNS, MAX_QUOTE_CHARS, Table, day_number, interval, script_json
from geomap.render.layers import PointLayer, ShapeLayer, HeatLayer
from geomap.render.map import data_bounds
from geomap.render.style import EVENT_COLOURS, event_colour, feature_colour, zone_style
from geomap.render.synthetic import incident, incidents, place, seed_like, zone

HOSTILE = "<script>window.__pwned=1</script><img src=x onerror=window.__pwned=1>"


def test_script_json_cannot_close_the_script_block():
    text = script_json({"q": "</script><!-- \u2028 & <img>"})
    assert "</script" not in text and "<!--" not in text and "<img" not in text and "\u2028" not in text
    assert json.loads(text) == {"q": "</script><!-- \u2028 & <img>"}


@pytest.mark.parametrize("text,end,expected", [
    ("1970-01-02", False, 1), ("2025-04", False, day_number("2025-04-01")), ("2025-04", True, day_number("2025-04-30")),
    ("2024", True, day_number("2024-12-31")), ("2025-02-30", False, None), ("soon", False, None), (None, False, None),
])
def test_day_number(text, end, expected):
    assert day_number(text, end=end) == expected


def test_coarse_dates_cover_their_window():
    assert interval({"date": "2025-04-01", "date_end": "2025-04-30"}) == (day_number("2025-04-01"), day_number("2025-04-30"))
    assert interval({"date": "2025-04"}) == (day_number("2025-04-01"), day_number("2025-04-30"))
    assert interval({"date": None, "date_end": "2025-04-30"}) == (None, None)
    # an end before the start is not trusted
    assert interval({"date": "2025-04-10", "date_end": "2025-04-01"}) == (day_number("2025-04-10"),) * 2


def test_table_interns_strings_and_cuts_long_quotes():
    table = Table(INCIDENT_COLUMNS)
    for i in range(3):
        table.add(50.123456789, 30.5, (1, 2), {"place": "Kyiv", "actors": ["A", "B"], "quote": "x" * 1000, "fatalities": i})
    payload = table.payload()
    assert payload["strings"].count("Kyiv") == 1
    assert payload["rows"][0][:4] == [50.12346, 30.5, 1, 2]
    quote = [s for s in payload["strings"] if s.startswith("x")][0]
    assert len(quote) == MAX_QUOTE_CHARS and quote.endswith("…")
    fat = [k for k, _ in INCIDENT_COLUMNS].index("fatalities") + 4
    assert [r[fat] for r in payload["rows"]] == [0, 1, 2]


def test_styles():
    assert event_colour("Battles") == EVENT_COLOURS["Battles"]
    assert event_colour("Something new") == event_colour(None) != event_colour("Battles")
    assert zone_style("proposed")["dashArray"] and zone_style("declared")["dashArray"] is None
    assert zone_style("existing")["dashArray"] != zone_style("proposed")["dashArray"]
    assert feature_colour({"layer": "zones", "status": "declared"}) == zone_style("declared")["color"]


def test_layers_one_per_event_type_plus_places_zones_heat():
    collection = seed_like()
    collection["features"].append(incident(50.0, 30.0, event_type="Battles"))
    got = layers(collection)
    assert all(isinstance(layer, folium.FeatureGroup) for layer in got)
    names = [layer.layer_name for layer in got]
    assert names == ["Zones (1)", "Places (3)", "Battles (1)", "Explosions/Remote violence (3)", "Heat: fatality-weighted"]
    assert [type(layer) for layer in got] == [ShapeLayer, PointLayer, PointLayer, PointLayer, HeatLayer]


def test_layers_render_on_any_folium_map():
    fmap = folium.Map(tiles=None)
    for layer in layers(seed_like()):
        layer.add_to(fmap)
    html = fmap.get_root().render()
    assert "geomap.pointLayer(" in html and "geomap.shapeLayer(" in html and "window.geomap" in html
    assert html.count("var geomap") == 0 and html.count("/* geomap browser runtime") == 1


def test_places_are_grouped_per_distinct_place():
    collection = {"type": "FeatureCollection", "features": [
        place(50.45, 30.52, "Kyiv", mention="Kyiv"), place(50.45, 30.52, "Kyiv", mention="Kiev"),
        place(46.5, 30.7, "Odesa"),
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[30, 50], [31, 49]]},
         "properties": {"layer": "places", "name": "Dnieper", "lat": 49.5, "lon": 30.5, "feature_class": "H"}},
    ]}
    got = layers(collection)
    points = got[0]._payload
    assert len(points["rows"]) == 3  # Kyiv once, Odesa, the river's representative point
    assert {"Kyiv", "Kiev"} <= set(points["strings"])
    assert got[1].layer_name.startswith("Place lines and areas")


def test_build_map_fits_bounds_and_puts_layer_control_last():
    fmap = build_map(seed_like(), tiles="none")
    children = list(fmap._children.values())
    assert isinstance(children[-1], folium.map.FitBounds)
    assert isinstance([c for c in children if not isinstance(c, folium.map.FitBounds)][-1], folium.LayerControl)
    (south, west), (north, east) = children[-1].bounds
    assert south == pytest.approx(43.3125) and north == pytest.approx(55.7961)
    assert west <= 30.5238 and east == pytest.approx(45.6986)


def test_map_fits_incidents_and_zones_before_places():
    collection = seed_like()
    collection["features"].append(place(38.9, -77.0, "Washington"))
    (south, west), _ = list(build_map(collection, tiles="none")._children.values())[-1].bounds
    assert west > 0 and south > 40
    only_places = {"type": "FeatureCollection", "features": [place(38.9, -77.0, "Washington"), place(50.4, 30.5, "Kyiv")]}
    (south, west), _ = list(build_map(only_places, tiles="none")._children.values())[-1].bounds
    assert west == pytest.approx(-77.0)


def test_data_bounds_of_empty_collection_is_none_and_map_still_builds():
    empty = {"type": "FeatureCollection", "features": []}
    assert data_bounds(empty) is None
    html = render_html(empty, tiles="none", self_contained=True)
    assert "geomap.timeSlider" not in html and "L.map(" in html


def test_hostile_text_is_never_raw_html():
    collection = {"type": "FeatureCollection", "features": [
        incident(50.0, 30.0, quote=HOSTILE, title="</title><script>window.__pwned=1</script>",
                 url="javascript:window.__pwned=1", place=HOSTILE, actors=[HOSTILE], people=[HOSTILE]),
        zone([(47, 33), (47, 34), (46, 34)], name=HOSTILE, quote=HOSTILE),
        place(50.0, 30.0, HOSTILE, mention=HOSTILE),
    ]}
    for self_contained in (False, True):
        html = render_html(collection, tiles="none", self_contained=self_contained,
                           title="</title><script>window.__pwned=1</script>")
        assert "window.__pwned" in html  # the text is there...
        assert "<script>window.__pwned" not in html and "<img src=x" not in html  # ...but never as markup
        assert "<title>&lt;/title&gt;&lt;script&gt;" in html


def test_self_contained_page_links_nothing():
    html = render_html(seed_like(), tiles="none", self_contained=True)
    assert not re.search(r'<script[^>]+src=', html)
    assert not re.search(r'<link[^>]+stylesheet', html)
    assert "fontawesome" not in html.lower() and "glyphicons" not in html.lower()
    assert "L.markerClusterGroup" in html and "L.heatLayer" in html


def test_online_page_links_folium_cdn_assets():
    html = render_html(seed_like(), tiles="none")
    assert re.search(r'<script src="https://cdn\.jsdelivr\.net/npm/leaflet@1\.9\.3/dist/leaflet\.js"', html)


def test_same_input_same_bytes():
    assert render_html(seed_like(), tiles="none", self_contained=True) == render_html(seed_like(), tiles="none", self_contained=True)


def test_base_layers():
    only = base_layers("none")
    assert len(only) == 1 and isinstance(only[0], CountryOutlines) and only[0].show
    online = base_layers("OpenStreetMap.Mapnik")
    assert isinstance(online[0], folium.TileLayer) and online[0].show and not online[1].show
    offline = base_layers("OpenStreetMap.Mapnik", self_contained=True)
    assert isinstance(offline[0], CountryOutlines) and offline[0].show
    assert isinstance(offline[1], folium.TileLayer) and not offline[1].show
    local = base_layers("http://localhost:8080/{z}/{x}/{y}.png", self_contained=True)
    assert isinstance(local[0], folium.TileLayer) and local[0].show and local[0].tiles.startswith("http://localhost")
    with pytest.raises(ConfigurationError):
        base_layers("No.Such.Provider")


def test_providers_that_need_a_key_fall_back_to_a_keyless_one():
    layer = base_layers("cartodbpositron")[0]
    assert isinstance(layer, folium.TileLayer) and "{apikey}" not in layer.tiles and "insert" not in layer.tiles
    assert "openstreetmap" in layer.tiles


def test_country_outlines_ship_offline():
    outlines = country_outlines()
    names = {f["properties"]["name"] for f in outlines["features"]}
    assert {"Ukraine", "Russia", "France"} <= names
    assert len(outlines["features"]) > 150


def test_fragment_has_the_three_parts():
    parts = render_fragment(seed_like(), tiles="none", self_contained=True)
    assert set(parts) == {"header", "body", "script"}
    assert "leaflet" in parts["header"].lower() and "<script src=" not in parts["header"]
    assert '<div class="folium-map"' in parts["body"]
    assert "geomap.pointLayer(" in parts["script"] and parts["script"].startswith("<script>")


def test_cluster_is_automatic_by_size():
    small = layers(incidents(50))
    big = layers(incidents(3000), heat=False)
    assert not any(layer._js_options.get("cluster") for layer in small if isinstance(layer, PointLayer))
    assert all(layer._js_options["cluster"] for layer in big if isinstance(layer, PointLayer))
    forced = layers(incidents(50), cluster=True)
    assert all(layer._js_options["cluster"] for layer in forced if isinstance(layer, PointLayer))


def test_html_size_per_incident_is_small():
    html = render_html(incidents(2000), tiles="none", self_contained=True, heat=True)
    base = render_html({"type": "FeatureCollection", "features": []}, tiles="none", self_contained=True)
    per_point = (len(html.encode()) - len(base.encode())) / 2000
    assert per_point < 400, per_point


def test_template_syntax_in_data_is_never_evaluated():
    """folium re-parses rendered scripts as Jinja templates: text from articles must stay inert."""
    collection = {"type": "FeatureCollection", "features": [
        incident(50.0, 30.0, quote="X-{{ 7*7 }}-Y", event_type="E-{{ 6*7 }}-", place="P-{% if 1 %}Q{% endif %}-",
                 actors=["A-{# c #}-B"]),
        zone([(47, 33), (47, 34), (46, 34)], name="Z-{{ 5*5 }}-Z"), place(50.0, 30.0, "N-{{ 4*4 }}-N"),
    ]}
    for self_contained in (False, True):
        html = render_html(collection, tiles="none", title="T-{{ 3*3 }}-T", self_contained=self_contained)
        for evaluated in ("X-49-Y", "E-42-", "P-Q-", "A--B", "Z-25-Z", "N-16-N", "T-9-T"):
            assert evaluated not in html
        assert "<title>T-{{ 3*3 }}-T</title>" in html


def test_features_without_usable_coordinates_are_skipped():
    bad = [incident(float("nan"), 30.0), incident(95.0, 30.0), {"type": "Feature", "geometry": None, "properties": {"layer": "incidents"}},
           zone([(47, float("inf")), (47, 34), (46, 34)]), {"type": "Feature", "properties": None, "geometry": None}, "junk"]
    collection = {"type": "FeatureCollection", "features": bad + seed_like()["features"]}
    html = render_html(collection, tiles="none")
    assert "NaN" not in html and ",Infinity" not in html and "[Infinity" not in html
    assert [layer.layer_name for layer in layers(collection)][:3] == ["Zones (1)", "Places (3)", "Explosions/Remote violence (3)"]


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_any_article_text_stays_inert(text):
    marked = "<" + text + "{{"
    collection = {"type": "FeatureCollection", "features": [
        incident(50.0, 30.0, quote=marked, place=marked, title=marked, url=marked, actors=[marked], event_type=marked),
        zone([(47, 33), (47, 34), (46, 34)], name=marked), place(49.0, 31.0, marked)]}
    html = render_html(collection, tiles="none", title=marked, time_slider=False)
    assert marked not in html  # every occurrence is escaped one way or another
