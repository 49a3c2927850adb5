"""Colours and line styles per category, in one place so the map, the legend and any other consumer
(e.g. a Grafana GeoJSON styling convention) agree on what red means.
"""
from __future__ import annotations

from typing import Any

#: ACLED event types → colour (colour-blind-friendly-ish Tableau 10 hues, fixed order for stable output).
EVENT_COLOURS: dict[str, str] = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#1f77b4",
    "Riots": "#e377c2",
    "Strategic developments": "#2ca02c",
}
OTHER_COLOUR = "#7f7f7f"
PLACE_COLOUR = "#17becf"
OUTLINE_COLOUR = "#8c8c8c"

#: Zone status → Leaflet path style. Proposed is dashed, declared solid, existing dotted.
ZONE_STYLES: dict[str, dict[str, Any]] = {
    "proposed": {"color": "#1f78b4", "weight": 2, "dashArray": "8 6", "fillOpacity": 0.12},
    "declared": {"color": "#e31a1c", "weight": 3, "dashArray": None, "fillOpacity": 0.18},
    "existing": {"color": "#6a3d9a", "weight": 2, "dashArray": "2 5", "fillOpacity": 0.12},
}
ZONE_DEFAULT = "proposed"

#: Order in which event types appear in the layer control and legend; unknown types follow, sorted.
EVENT_ORDER = tuple(EVENT_COLOURS)


def event_colour(event_type: str | None) -> str:
    """Colour of an ACLED event type; unknown or missing types get a neutral grey."""
    return EVENT_COLOURS.get(event_type or "", OTHER_COLOUR)


def zone_style(status: str | None) -> dict[str, Any]:
    """Leaflet path options of a zone status (unknown statuses are drawn as proposed)."""
    return dict(ZONE_STYLES.get(status or "", ZONE_STYLES[ZONE_DEFAULT]))


def feature_colour(properties: dict[str, Any]) -> str:
    """Colour of any output GeoJSON feature from its properties (layer, event_type, status)."""
    layer = properties.get("layer")
    if layer == "zones":
        return zone_style(properties.get("status"))["color"]
    if layer == "places":
        return PLACE_COLOUR
    return event_colour(properties.get("event_type"))


def event_sort_key(event_type: str) -> tuple[int, str]:
    """Known ACLED types in canonical order, then anything else alphabetically."""
    try:
        return (EVENT_ORDER.index(event_type), "")
    except ValueError:
        return (len(EVENT_ORDER), event_type)
