"""Assemble the map: base layers, data layers, legend, time slider and layer control, fitted to the data.

``build_map`` returns a folium.Map and writes nothing; ``render_html`` and ``render_fragment`` turn it into
text, inlining every asset when ``self_contained`` is set.
"""
from __future__ import annotations

import hashlib
import html
import logging
from typing import Any

import folium

from geomap.render import style
from geomap.render.basemap import base_layers
from geomap.render.encode import day_number, iter_coords, valid_lat_lon
from geomap.render.layers import heat_layer, incident_layers, place_layer, split, zone_layer
from geomap.render.legend import Legend, TitleBox
from geomap.render.offline import inline_assets
from geomap.render.timeline import TimeSlider

log = logging.getLogger("geomap.render.map")

MAX_FIT_ZOOM = 11
_DASH = {"8 6": "dashed", "2 5": "dotted", None: "solid"}


def data_bounds(collection: dict[str, Any], layers: tuple[str, ...] | None = None) -> list[list[float]] | None:
    """[[south, west], [north, east]] over the features (of ``layers`` if given), or None if there are none."""
    lats: list[float] = []
    lons: list[float] = []
    for feature in collection.get("features") or []:
        if not isinstance(feature, dict):
            continue
        if layers is not None and (feature.get("properties") or {}).get("layer") not in layers:
            continue
        for lon, lat in iter_coords(feature.get("geometry") or {}):
            if valid_lat_lon(lat, lon):
                lats.append(lat)
                lons.append(lon)
    if not lats:
        return None
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def _legend(parts: dict[str, list[dict[str, Any]]]) -> Legend:
    kinds = sorted({(f["properties"].get("event_type") or "Other") for f in parts["incidents"]}, key=style.event_sort_key)
    points = {kind: style.event_colour(kind) for kind in kinds}
    if parts["places"]:
        points["Places"] = style.PLACE_COLOUR
    statuses = sorted({(f["properties"].get("status") or style.ZONE_DEFAULT) for f in parts["zones"]})
    lines = {}
    for status in statuses:
        zs = style.zone_style(status)
        lines[f"{status} zone"] = (zs["color"], _DASH.get(zs.get("dashArray"), "solid"))
    return Legend(points, lines=lines, title="Incidents" if kinds else None)


def _has_dates(parts: dict[str, list[dict[str, Any]]]) -> bool:
    return any(day_number((f.get("properties") or {}).get("date")) is not None
               for f in parts["incidents"] + parts["zones"])


def build_map(collection: dict[str, Any], *, tiles: str = "OpenStreetMap.Mapnik", self_contained: bool = False,
              title: str | None = None, time_slider: bool = True, cluster: bool | None = None,
              heat: bool = True) -> folium.Map:
    """A layered folium Map of a geomap FeatureCollection (incidents, places, zones)."""
    parts = split(collection)
    # incidents and zones are what the map is about; a far-away place mentioned in passing should not
    # zoom the map out to the whole world (places still count when there is nothing else)
    bounds = data_bounds(collection, ("incidents", "zones")) or data_bounds(collection)
    fmap = folium.Map(location=[20, 10] if bounds is None else None, zoom_start=2, tiles=None, prefer_canvas=True,
                      control_scale=True, maxZoom=18, minZoom=1)
    for layer in base_layers(tiles, self_contained=self_contained):
        layer.add_to(fmap)
    for layer in zone_layer(parts["zones"]) + place_layer(parts["places"], cluster=cluster) + \
            incident_layers(parts["incidents"], cluster=cluster):
        layer.add_to(fmap)
    if heat:
        for layer in heat_layer(parts["incidents"], show=False):
            layer.add_to(fmap)
    if parts["incidents"] or parts["places"] or parts["zones"]:
        _legend(parts).add_to(fmap)
    if title:
        TitleBox(title).add_to(fmap)
        fmap.get_root().title = html.escape(title)
    if time_slider and _has_dates(parts):
        TimeSlider().add_to(fmap)
    folium.LayerControl(collapsed=False, position="topright").add_to(fmap)
    if bounds is not None:
        fit = folium.map.FitBounds(bounds, padding=(30, 30), max_zoom=MAX_FIT_ZOOM)
        fit.options["animate"] = False  # the first view is final at once: no re-clustering mid-animation
        fmap.add_child(fit)
    stable_ids(fmap, repr((len(collection.get("features") or []), bounds, title, tiles,
                           {k: len(v) for k, v in parts.items()})))
    return fmap


def stable_ids(fmap: folium.Map, seed: str) -> None:
    """Replace folium's random element ids by ids derived from the input and tree position: same input,
    same bytes (the seed keeps two different maps embedded in one page apart)."""
    prefix = hashlib.sha1(seed.encode("utf-8")).hexdigest()[:8]
    root = fmap.get_root()
    queue = [root]
    count = 0
    while queue:
        element = queue.pop(0)
        element._id = f"{prefix}{count:04x}"
        count += 1
        queue.extend(getattr(element, "_children", {}).values())


def render_html(collection: dict[str, Any], **options: Any) -> str:
    """The whole page; with ``self_contained=True`` it makes no network request when opened."""
    fmap = build_map(collection, **options)
    text = fmap.get_root().render()
    return inline_assets(text) if options.get("self_contained") else text


def render_fragment(collection: dict[str, Any], **options: Any) -> dict[str, str]:
    """{"header", "body", "script"} to paste into the head, body and end of body of an existing page."""
    fmap = build_map(collection, **options)
    figure = fmap.get_root()
    figure.render()
    header = figure.header.render()
    parts = {"header": inline_assets(header) if options.get("self_contained") else header,
             "body": figure.html.render(),
             "script": "<script>\n" + figure.script.render() + "\n</script>"}
    return parts
