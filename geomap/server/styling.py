"""simplestyle-spec properties on served features, so GeoJSON consumers colour them like the folium map.

Grafana's Geomap GeoJSON layer reads ``marker-color``/``marker-size`` on points, ``stroke``/``stroke-width`` on
lines and ``fill``/``fill-opacity``/``stroke-width`` on polygons; geojson.io and GitHub read the same names.
``marker-size`` is left out: Grafana wants pixels there while simplestyle wants small|medium|large.
Colours come from ``geomap.render.style`` so the map, its legend and every dashboard agree.
"""
from __future__ import annotations

from typing import Any

from geomap.render.style import feature_colour, zone_style

POINT_TYPES = {"Point", "MultiPoint"}
LINE_TYPES = {"LineString", "MultiLineString"}
AREA_TYPES = {"Polygon", "MultiPolygon"}
AREA_FILL_OPACITY = 0.1  # places drawn as areas (admin regions): a light wash under the incidents


def style_properties(feature: dict[str, Any]) -> dict[str, Any]:
    """The simplestyle properties one output feature should carry, from its layer, event type or status."""
    properties = feature.get("properties") or {}
    kind = (feature.get("geometry") or {}).get("type")
    colour = feature_colour(properties)
    if kind in POINT_TYPES:
        return {"marker-color": colour}
    if kind in LINE_TYPES:
        return {"stroke": colour, "stroke-width": 2}
    if kind in AREA_TYPES:
        if properties.get("layer") == "zones":
            style = zone_style(properties.get("status"))
            return {"stroke": colour, "stroke-width": style["weight"], "fill": colour, "fill-opacity": style["fillOpacity"]}
        return {"stroke": colour, "stroke-width": 1, "fill": colour, "fill-opacity": AREA_FILL_OPACITY}
    return {}


def with_style(collection: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``collection`` whose features carry style properties; values already present are kept."""
    features = []
    for feature in collection.get("features") or []:
        properties = dict(feature.get("properties") or {})
        for key, value in style_properties(feature).items():
            properties.setdefault(key, value)
        features.append({**feature, "properties": properties})
    return {**collection, "features": features}
