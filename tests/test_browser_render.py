"""The map in a real browser: headless Chromium, network blocked, every request recorded."""
from __future__ import annotations

from pathlib import Path

import pytest

from browser_support import needs_chromium, open_page
from geomap.render import render_fragment, render_html, screenshot
from geomap.render.encode import day_number
from geomap.render.synthetic import incident, incidents, place, seed_like, zone

pytestmark = [pytest.mark.browser, needs_chromium]

HOSTILE_QUOTE = "<script>window.__pwned=1</script><img src=x onerror=window.__pwned=1>"
HOSTILE_TITLE = "</title><script>window.__pwned=1</script>"

STATE = """() => {
  const keys = Object.keys(window);
  const map = window[keys.find(k => /^map_\\w+$/.test(k))];
  const overlays = window[keys.find(k => /^layer_control_\\w+_layers$/.test(k))].overlays;
  const out = {};
  for (const [name, layer] of Object.entries(overlays)) {
    out[name] = {on: map.hasLayer(layer), drawn: layer._geomapDrawn ? layer._geomapDrawn() : null,
                 shapes: layer._geomapShapes ? layer._geomapShapes.getLayers().filter(l => l._map).length : null,
                 heat: (layer.getLayers().find(l => l._heat !== undefined || l._latlngs) || {_latlngs: null})._latlngs};
    if (out[name].heat) { out[name].heat = out[name].heat.length; }
  }
  return out;
}"""
POINT = """([lat, lon]) => {
  const map = window[Object.keys(window).find(k => /^map_\\w+$/.test(k))];
  map.closePopup();
  map.stop();  // no pan animation left from an earlier popup
  if (!map.getBounds().pad(-0.1).contains([lat, lon])) { map.setView([lat, lon], map.getZoom(), {animate: false}); }
  const p = map.latLngToContainerPoint([lat, lon]), r = map.getContainer().getBoundingClientRect();
  return [r.left + p.x, r.top + p.y];
}"""
MARKERS_ON_MAP = """() => {
  const map = window[Object.keys(window).find(k => /^map_\\w+$/.test(k))];
  return Object.values(map._layers).filter(l => l instanceof L.CircleMarker && l._gi !== undefined).length;
}"""


def _popup_text(page, must_contain: str) -> str:
    """Text of the open popup that contains ``must_contain`` (waits for it)."""
    locator = page.locator(".leaflet-popup-content", has_text=must_contain)
    locator.first.wait_for(state="attached", timeout=10000)
    return locator.first.inner_text()


def _write(tmp_path: Path, collection: dict, name: str = "map.html", **options) -> Path:
    path = tmp_path / name
    path.write_text(render_html(collection, **options), encoding="utf-8")
    return path


def _by_prefix(state: dict, prefix: str) -> dict:
    return next(v for k, v in state.items() if k.startswith(prefix))


def test_seed_map_self_contained_loads_offline_with_all_layers(tmp_path):
    path = _write(tmp_path, seed_like(), self_contained=True, title="Seed")
    with open_page(path) as opened:
        page = opened.page
        assert page.evaluate("() => typeof window.L === 'object' && !!L.map")
        state = page.evaluate(STATE)
        assert len(state) >= 3
        incidents_layer = _by_prefix(state, "Explosions/Remote violence")
        assert incidents_layer == {"on": True, "drawn": 3, "shapes": None, "heat": None}
        assert _by_prefix(state, "Zones")["shapes"] == 1 and _by_prefix(state, "Zones")["on"]
        assert _by_prefix(state, "Places")["drawn"] == 3
        assert page.evaluate(MARKERS_ON_MAP) == 6
        assert page.locator(".leaflet-control-layers-overlays label").count() == len(state)
        assert page.locator(".geomap-legend").inner_text().count("Explosions/Remote violence") == 1
        assert opened.outside == [], opened.outside
        assert opened.errors == []


def test_layer_control_toggles_overlays(tmp_path):
    path = _write(tmp_path, seed_like(), tiles="none", self_contained=True)
    with open_page(path) as opened:
        page = opened.page
        label = page.locator(".leaflet-control-layers-overlays label", has_text="Explosions/Remote violence")
        label.click()
        assert _by_prefix(page.evaluate(STATE), "Explosions")["on"] is False
        assert page.evaluate(MARKERS_ON_MAP) == 3  # places remain
        label.click()
        assert _by_prefix(page.evaluate(STATE), "Explosions")["on"] is True
        page.locator(".leaflet-control-layers-overlays label", has_text="Heat").click()
        heat = _by_prefix(page.evaluate(STATE), "Heat")
        assert heat["on"] is True and heat["heat"] == 3
        assert page.locator("canvas.leaflet-heatmap-layer").count() == 1
        assert opened.errors == []


def test_popup_opens_on_click_with_escaped_text(tmp_path):
    collection = seed_like()
    collection["features"].append(incident(48.0, 38.0, event_type="Battles", quote=HOSTILE_QUOTE, title=HOSTILE_TITLE,
                                           url="javascript:window.__pwned=1", place="<b>Bakhmut</b> {{ 7*7 }}",
                                           actors=["<img src=x onerror=window.__pwned=1>"], date=None))
    path = _write(tmp_path, collection, tiles="none", self_contained=True, title=HOSTILE_TITLE)
    with open_page(path) as opened:
        page = opened.page
        x, y = page.evaluate(POINT, [48.0, 38.0])
        page.mouse.move(x, y)
        page.wait_for_selector(".leaflet-tooltip")
        assert "<b>Bakhmut</b>" in page.locator(".leaflet-tooltip").inner_text()
        page.mouse.click(x, y)
        text = _popup_text(page, "Battles")
        popup = page.wait_for_selector(".leaflet-popup-content")
        assert HOSTILE_QUOTE in text and "<b>Bakhmut</b> {{ 7*7 }}" in text and HOSTILE_TITLE in text
        assert popup.query_selector("script, img") is None
        assert all("Bakhmut" not in b.inner_text() for b in popup.query_selector_all("b"))
        assert popup.query_selector("a") is None  # javascript: URL is not a link
        assert page.evaluate("() => window.__pwned") is None
        assert page.title() == HOSTILE_TITLE
        assert HOSTILE_TITLE in page.locator(".geomap-title").inner_text()
        # a safe URL becomes a link that opens elsewhere
        bx, by = page.evaluate(POINT, [55.7961, 37.9382])
        page.mouse.click(bx, by)
        _popup_text(page, "Balashikha")
        link = page.wait_for_selector(".leaflet-popup-content a")
        assert link.get_attribute("href") == "https://example.org/news/2025/04/25/balashikha"
        assert link.get_attribute("rel") == "noopener noreferrer"
        assert "G1" in page.locator(".leaflet-popup-content", has_text="Balashikha").inner_text()
        assert opened.outside == [] and opened.errors == []


def test_hostile_zone_and_place_names_stay_text(tmp_path):
    collection = {"type": "FeatureCollection", "features": [
        zone([(47.0, 33.0), (47.0, 35.0), (46.0, 35.0), (46.0, 33.0)], name=HOSTILE_QUOTE, quote=HOSTILE_QUOTE,
             status="declared"),
        place(49.0, 31.0, HOSTILE_QUOTE, mention=HOSTILE_QUOTE),
    ]}
    path = _write(tmp_path, collection, tiles="none", self_contained=True)
    with open_page(path) as opened:
        page = opened.page
        x, y = page.evaluate(POINT, [46.5, 34.0])
        page.mouse.click(x, y)
        assert HOSTILE_QUOTE in _popup_text(page, "declared")
        px, py = page.evaluate(POINT, [49.0, 31.0])
        page.mouse.click(px, py)
        assert HOSTILE_QUOTE in _popup_text(page, "Mentioned")
        assert page.locator(".leaflet-popup-content script, .leaflet-popup-content img").count() == 0
        assert page.evaluate("() => window.__pwned") is None
        assert opened.errors == []


def test_time_slider_filters_incidents_and_zones(tmp_path):
    collection = seed_like()
    collection["features"].append(incident(48.0, 38.0, event_type="Explosions/Remote violence", date=None))
    path = _write(tmp_path, collection, tiles="none", self_contained=True)
    with open_page(path) as opened:
        page = opened.page
        assert _by_prefix(page.evaluate(STATE), "Explosions")["drawn"] == 4
        day = day_number("2025-04-24")
        page.evaluate("""(d) => {
            const a = document.querySelector('.geomap-time-from'), b = document.querySelector('.geomap-time-to');
            a.value = d; b.value = d;
            a.dispatchEvent(new Event('change')); b.dispatchEvent(new Event('change'));
        }""", day)
        state = page.evaluate(STATE)
        # Kyiv (that day), Grozny (month-long window) and the undated one stay; Balashikha (next day) goes
        assert _by_prefix(state, "Explosions")["drawn"] == 3
        assert _by_prefix(state, "Zones")["shapes"] == 0  # the zone is dated the next day
        assert _by_prefix(state, "Places")["drawn"] == 3  # places are not timed
        page.locator(".leaflet-control-layers-overlays label", has_text="Heat").click()
        assert _by_prefix(page.evaluate(STATE), "Heat")["heat"] == 3  # the heat follows the clock
        assert page.locator(".geomap-time-range").inner_text() == "2025-04-24 – 2025-04-24"
        page.locator(".geomap-time-reset").click()
        state = page.evaluate(STATE)
        assert _by_prefix(state, "Explosions")["drawn"] == 4 and _by_prefix(state, "Zones")["shapes"] == 1
        assert opened.errors == []


def test_clustered_map_loads_and_filters(tmp_path):
    path = _write(tmp_path, incidents(3000), tiles="none", self_contained=True)
    with open_page(path) as opened:
        page = opened.page
        state = page.evaluate(STATE)
        assert sum(v["drawn"] or 0 for k, v in state.items() if not k.startswith(("Heat", "Zones", "Places"))) == 3000
        assert page.locator(".geomap-cluster").count() > 0
        battles = _by_prefix(state, "Battles")["drawn"]
        assert battles > 0
        # one cluster for every incident type: switching a type off takes its markers out of the clusters
        page.locator(".leaflet-control-layers-overlays label", has_text="Battles").click()
        page.wait_for_function("() => geomap.ready()")
        state = page.evaluate(STATE)
        assert _by_prefix(state, "Battles")["drawn"] == 0
        assert sum(v["drawn"] or 0 for k, v in state.items() if not k.startswith(("Heat", "Zones", "Places"))) == 3000 - battles
        page.locator(".leaflet-control-layers-overlays label", has_text="Battles").click()
        page.wait_for_function("() => geomap.ready()")
        page.evaluate("""() => {
            const a = document.querySelector('.geomap-time-from');
            a.value = +a.max - 30; a.dispatchEvent(new Event('change'));
        }""")
        page.wait_for_function("() => geomap.ready()")
        drawn = sum(v["drawn"] or 0 for k, v in page.evaluate(STATE).items() if not k.startswith(("Heat", "Zones", "Places")))
        assert 0 < drawn < 3000
        assert opened.outside == [] and opened.errors == []


def test_fragment_embeds_in_another_page(tmp_path):
    parts = render_fragment(seed_like(), tiles="none", self_contained=True)
    page_html = ("<!DOCTYPE html><html><head>" + parts["header"] + "</head><body><h1>Report</h1>"
                 "<div style='height:600px'>" + parts["body"] + "</div>" + parts["script"] + "</body></html>")
    path = tmp_path / "embed.html"
    path.write_text(page_html, encoding="utf-8")
    with open_page(path) as opened:
        assert len(opened.page.evaluate(STATE)) >= 3
        assert opened.outside == [] and opened.errors == []


def test_online_mode_only_asks_the_cdns(tmp_path):
    path = _write(tmp_path, seed_like(), tiles="OpenStreetMap.Mapnik")
    from playwright.sync_api import sync_playwright

    from geomap.render.screenshot import block_requests, launch

    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page()
            seen: list[str] = []
            block_requests(page, path.resolve().as_uri(), seen)
            page.goto(path.resolve().as_uri(), wait_until="load")
            hosts = {u.split("/")[2] for u in seen if u.startswith("http")}
            assert hosts and all("cdn" in h or "code.jquery.com" in h or "bootstrapcdn" in h for h in hosts), hosts
        finally:
            browser.close()


def test_screenshot_writes_a_png(tmp_path):
    path = _write(tmp_path, seed_like(), self_contained=True)
    png = screenshot(path, tmp_path / "out" / "seed.png", width=800, height=600)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


def test_layers_on_a_plain_folium_map(tmp_path):
    """What a dashboard does: its own folium.Map (no tiles, so no max zoom), geomap layers, a LayerControl."""
    import folium

    from geomap.render import layers
    from geomap.render.offline import inline_assets

    fmap = folium.Map(location=[50, 30], zoom_start=5, tiles=None)
    for layer in layers(incidents(300), cluster=True):
        layer.add_to(fmap)
    folium.LayerControl().add_to(fmap)
    path = tmp_path / "plain.html"
    path.write_text(inline_assets(fmap.get_root().render()), encoding="utf-8")
    with open_page(path) as opened:
        state = opened.page.evaluate(STATE)
        assert sum(v["drawn"] or 0 for k, v in state.items() if not k.startswith("Heat")) == 300
        assert opened.page.locator(".geomap-cluster").count() > 0
        assert opened.outside == [] and opened.errors == []
