"""One folium FeatureGroup per map layer, each drawing itself from a compact table in the browser.

Every layer is an ordinary ``folium.FeatureGroup`` subclass, so it can be added to any folium Map (a
dashboard's, Streamlit's) and toggled by a LayerControl. Points are canvas circle markers, clustered when
there are many; popups are built client-side, escaped, only when clicked.
"""
from __future__ import annotations

import logging
from collections import OrderedDict
from functools import lru_cache
from importlib import resources
from typing import Any

import folium
from branca.element import Element, Figure
from folium.elements import JSCSSMixin
from folium.template import Template

from geomap.render import style
from geomap.render.encode import (
    INCIDENT_COLUMNS, PLACE_COLUMNS, Table, day_number, inert_label, interval, representative_point, script_json,
    valid_geometry,
)

log = logging.getLogger("geomap.render.layers")

#: Above this many points (all incident layers together, or places), markers are clustered at low zoom.
CLUSTER_THRESHOLD = 1000

MARKERCLUSTER_JS = "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/leaflet.markercluster.js"
MARKERCLUSTER_CSS = "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.css"
HEAT_JS = "https://cdn.jsdelivr.net/gh/python-visualization/folium@main/folium/templates/leaflet_heat.min.js"


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return resources.files("geomap.render").joinpath(name).read_text(encoding="utf-8")


class RawHtml(Element):
    """Fixed HTML, emitted as is (branca's Element would compile it as a Jinja template each time)."""

    def __init__(self, text: str):
        super().__init__()
        self._text = text

    def render(self, **kwargs: Any) -> str:
        return self._text


def runtime_elements() -> tuple[Element, Element]:
    """The geomap runtime script and stylesheet, as header elements."""
    return RawHtml("<style>" + _asset("runtime.css") + "</style>"), RawHtml("<script>" + _asset("runtime.js") + "</script>")


def include_runtime(element: Any) -> None:
    """Put the runtime in the page header once, whatever the number of geomap elements."""
    figure = element.get_root()
    if isinstance(figure, Figure):
        css, js = runtime_elements()
        figure.header.add_child(css, name="geomap_runtime_css")
        figure.header.add_child(js, name="geomap_runtime_js")


def add_data(element: Any, var: str, json_text: str) -> None:
    """Declare ``var`` = the data in the page script, before the element's own script, without passing it
    through Jinja (folium compiles every rendered script as a template: slow at 30 MB, and '{{' in an
    article would be evaluated)."""
    figure = element.get_root()
    if not isinstance(figure, Figure):
        raise ValueError("a geomap layer must be inside a folium Map (in a Figure) to render")
    figure.script.add_child(RawHtml(f"var {var} = {json_text};\n"), name=var)


def map_name(element: Any) -> str:
    """The JS name of the folium Map an element ends up in (layers may sit inside other groups)."""
    node = element
    while node is not None and not isinstance(node, folium.Map):
        node = getattr(node, "_parent", None)
    if node is None:
        raise ValueError("a geomap layer must be added to a folium.Map before it is rendered")
    return node.get_name()


class GeomapLayer(JSCSSMixin, folium.FeatureGroup):
    """A FeatureGroup whose content is created by the geomap runtime from ``self.payload``."""

    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []
    _builder = ""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.featureGroup({});
            geomap.{{ this._builder }}({{ this.map_var }}, {{ this.get_name() }}, {{ this.get_name() }}_data, {{ this.js_options }});
        {% endmacro %}
        """
    )

    def __init__(self, name: str, payload: Any, js_options: dict[str, Any], *, show: bool = True):
        super().__init__(name=inert_label(name), overlay=True, control=True, show=show)
        self._payload = payload
        self._js_options = js_options
        self.map_var = ""

    @property
    def payload(self) -> str:
        return script_json(self._payload)

    @property
    def js_options(self) -> str:
        return script_json(self._js_options)

    def render(self, **kwargs: Any) -> None:
        include_runtime(self)
        self.map_var = map_name(self)
        add_data(self, self.get_name() + "_data", self.payload)
        super().render(**kwargs)


class PointLayer(GeomapLayer):
    """Incidents of one event type, or places: canvas circle markers from a table."""

    _builder = "pointLayer"
    default_js = [("markerclusterjs", MARKERCLUSTER_JS)]
    default_css = [("markerclustercss", MARKERCLUSTER_CSS)]


class ShapeLayer(GeomapLayer):
    """Zones, and places that are lines or areas: styled GeoJSON."""

    _builder = "shapeLayer"


class HeatLayer(GeomapLayer):
    """Fatality-weighted heat of incidents (Leaflet.heat, as folium.plugins.HeatMap uses)."""

    _builder = "heatLayer"
    default_js = [("leaflet-heat.js", HEAT_JS)]


def split(collection: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Features of a FeatureCollection by ``properties.layer`` (unknown layers are dropped with a log line)."""
    out: dict[str, list[dict[str, Any]]] = {"incidents": [], "places": [], "zones": []}
    for feature in collection.get("features") or []:
        if not isinstance(feature, dict):
            continue
        layer = (feature.get("properties") or {}).get("layer")
        geometry = feature.get("geometry")
        if layer in out and isinstance(geometry, dict) and valid_geometry(geometry):
            out[layer].append(feature)
        else:
            log.debug("skipping feature of layer %r (unknown layer or no valid geometry)", layer)
    return out


def incident_layers(features: list[dict[str, Any]], *, cluster: bool | None = None) -> list[PointLayer]:
    """One layer per ACLED event type present, in canonical order."""
    tables: dict[str, Table] = {}
    for feature in features:
        props = feature.get("properties") or {}
        point = representative_point(feature)
        if point is None:
            continue
        kind = props.get("event_type") or "Other"
        tables.setdefault(kind, Table(INCIDENT_COLUMNS)).add(point[0], point[1], interval(props), props)
    total = sum(len(t.rows) for t in tables.values())
    clustered = total > CLUSTER_THRESHOLD if cluster is None else cluster
    out = []
    for kind in sorted(tables, key=style.event_sort_key):
        table = tables[kind]
        options = {"kind": "incident", "color": style.event_colour(kind), "stroke": "#222", "radius": 6,
                   "cluster": "shared" if clustered else False, "timed": True}
        out.append(PointLayer(f"{kind} ({len(table.rows)})", table.payload(), options))
    return out


def _place_key(feature: dict[str, Any], point: tuple[float, float]) -> tuple[Any, ...]:
    props = feature.get("properties") or {}
    return (props.get("gazetteer_id") or props.get("name"), round(point[0], 4), round(point[1], 4))


def place_layer(features: list[dict[str, Any]], *, cluster: bool | None = None) -> list[GeomapLayer]:
    """Places, one marker per distinct place (its mentions listed), plus their lines and areas."""
    grouped: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()
    shapes: list[dict[str, Any]] = []
    for feature in features:
        props = feature.get("properties") or {}
        point = representative_point(feature)
        if feature["geometry"].get("type") != "Point":
            shapes.append({"type": "Feature", "geometry": feature["geometry"], "properties": {
                "name": props.get("name"), "mentions": [props.get("mention")] if props.get("mention") else [],
                "count": 1, "feature_class": props.get("feature_class"), "feature_code": props.get("feature_code"),
                "country_code": props.get("country_code"), "admin1": props.get("admin1"),
                "population": props.get("population"), "confidence": props.get("confidence"),
                "lat": point[0] if point else None, "lon": point[1] if point else None}})
        if point is None:
            continue
        key = _place_key(feature, point)
        if props.get("basis") in ("parent", "focus"):  # a name the gazetteer lacks, drawn where it probably is
            props = {**props, "name": f"{props.get('mention')} (approximate: not in the gazetteer; near {props.get('name')})"}
            key = ("approximate", props.get("mention"), *key[1:])
        entry = grouped.setdefault(key, {"point": point, "props": dict(props), "mentions": [], "count": 0})
        entry["count"] += 1
        mention = props.get("mention")
        if mention and mention not in entry["mentions"] and len(entry["mentions"]) < 8:
            entry["mentions"].append(mention)
        best = entry["props"].get("confidence")
        if isinstance(props.get("confidence"), (int, float)) and (not isinstance(best, (int, float)) or props["confidence"] > best):
            entry["props"]["confidence"] = props["confidence"]
    if not grouped and not shapes:
        return []
    table = Table(PLACE_COLUMNS)
    for entry in grouped.values():
        table.add(entry["point"][0], entry["point"][1], (None, None),
                  {**entry["props"], "mentions": entry["mentions"], "count": entry["count"]})
    clustered = len(table.rows) > CLUSTER_THRESHOLD if cluster is None else cluster
    layers: list[GeomapLayer] = [PointLayer(f"Places ({len(table.rows)})", table.payload(), {
        "kind": "place", "color": style.PLACE_COLOUR, "stroke": "#0b5563", "radius": 4,
        "cluster": "own" if clustered else False,
        "timed": False})]
    if shapes:
        layers.append(ShapeLayer(f"Place lines and areas ({len(shapes)})", {"type": "FeatureCollection", "features": shapes},
                                 {"kind": "place", "style": {"color": style.PLACE_COLOUR, "weight": 2,
                                                                          "fillOpacity": 0.05}, "styles": {}, "timed": False}))
    return layers


def zone_layer(features: list[dict[str, Any]]) -> list[ShapeLayer]:
    """Zones drawn by status (proposed dashed, declared solid, existing dotted), shown from their date on."""
    if not features:
        return []
    out = []
    for feature in features:
        props = feature.get("properties") or {}
        keep = {k: props.get(k) for k in ("name", "status", "basis", "width_km", "quote", "date")}
        keep["_t0"] = day_number(props.get("date"))
        keep["_t1"] = None
        out.append({"type": "Feature", "geometry": feature["geometry"], "properties": keep})
    options = {"kind": "zone", "styles": {k: style.zone_style(k) for k in style.ZONE_STYLES},
               "style": style.zone_style(None), "timed": True}
    return [ShapeLayer(f"Zones ({len(out)})", {"type": "FeatureCollection", "features": out}, options)]


def heat_layer(features: list[dict[str, Any]], *, show: bool = True) -> list[HeatLayer]:
    """Heat weighted by 1 + fatalities, so deadly incidents weigh more than reports of shelling alone.

    The browser reads the points from the map's incident layers (add those to the same map)."""
    weights = []
    for feature in features:
        deaths = (feature.get("properties") or {}).get("fatalities")
        ok = isinstance(deaths, (int, float)) and not isinstance(deaths, bool) and deaths > 0
        weights.append(1 + (deaths if ok else 0))
    if not weights:
        return []
    weights.sort()
    top = max(1.0, float(weights[int(0.95 * (len(weights) - 1))]))
    column = 4 + [key for key, _ in INCIDENT_COLUMNS].index("fatalities")
    options = {"weightColumn": column, "options": {"radius": 18, "blur": 15, "minOpacity": 0.3, "max": top, "maxZoom": 12}}
    return [HeatLayer("Heat: fatality-weighted", None, options, show=show)]


def layers(collection: dict[str, Any], *, cluster: bool | None = None, heat: bool = True) -> list[folium.FeatureGroup]:
    """Every layer of a geomap FeatureCollection, each addable to any folium.Map."""
    parts = split(collection)
    out: list[folium.FeatureGroup] = []
    out.extend(zone_layer(parts["zones"]))
    out.extend(place_layer(parts["places"], cluster=cluster))
    out.extend(incident_layers(parts["incidents"], cluster=cluster))
    if heat:
        out.extend(heat_layer(parts["incidents"], show=False))
    return out
