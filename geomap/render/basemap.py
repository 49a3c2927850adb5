"""Base layers: an online tile provider (via xyzservices), a local tile server, or country outlines drawn
from data shipped in the ``countryinfo`` package, so a map stays readable with no network at all.

Exactly one base layer is shown. In self-contained mode an online provider is offered in the layer control
but not shown: Leaflet requests no tile until the reader picks it, so opening the page makes no request.
"""
from __future__ import annotations

import json
import logging
from functools import lru_cache
from importlib import resources
from typing import Any

import folium
import xyzservices
from folium.map import Layer
from folium.template import Template

from geomap.errors import ConfigurationError
from geomap.render import style
from geomap.render.encode import script_json
from geomap.render.layers import add_data

log = logging.getLogger("geomap.render.basemap")

OUTLINES_NAME = "Country outlines (offline)"
#: Used when the requested provider needs an API key that was not given.
FALLBACK_PROVIDER = "OpenStreetMap.Mapnik"
_PRECISION = 2


def _round(coords: Any) -> Any:
    if isinstance(coords, (int, float)):
        return round(float(coords), _PRECISION)
    return [_round(c) for c in coords]


@lru_cache(maxsize=1)
def country_outlines() -> dict[str, Any]:
    """Low-resolution country polygons from countryinfo's data files (MIT), rounded to 0.01°."""
    features: list[dict[str, Any]] = []
    try:
        folder = resources.files("countryinfo").joinpath("data")
        entries = sorted((p for p in folder.iterdir() if p.name.endswith(".json")), key=lambda p: p.name)
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        log.warning("countryinfo is not installed: offline base map has no country outlines")
        return {"type": "FeatureCollection", "features": []}
    for entry in entries:
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("skipping unreadable country file %s: %s", entry.name, exc)
            continue
        shape = data.get("geoJSON") or {}
        for feature in shape.get("features") or []:
            geometry = feature.get("geometry") or {}
            if geometry.get("type") in ("Polygon", "MultiPolygon"):
                features.append({"type": "Feature", "properties": {"name": data.get("name")},
                                 "geometry": {"type": geometry["type"], "coordinates": _round(geometry["coordinates"])}})
    return {"type": "FeatureCollection", "features": features}


class CountryOutlines(Layer):
    """A base layer of land polygons on a sea-coloured background, below every overlay, not clickable."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = (function (map) {
                if (!map.getPane("geomapOutlines")) { map.createPane("geomapOutlines").style.zIndex = 250; }
                var layer = L.geoJSON({{ this.get_name() }}_data, {pane: "geomapOutlines", interactive: false,
                    style: {color: {{ this.colour|tojson }}, weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1}});
                var bg = map.getContainer().style.background;
                layer.on("add", function () { map.getContainer().style.background = "#dbe9f4"; });
                layer.on("remove", function () { map.getContainer().style.background = bg; });
                return layer;
            })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, *, show: bool = True):
        super().__init__(name=OUTLINES_NAME, overlay=False, control=True, show=show)
        self._name = "CountryOutlines"
        self.colour = style.OUTLINE_COLOUR

    def render(self, **kwargs: Any) -> None:
        add_data(self, self.get_name() + "_data", outlines_json())
        super().render(**kwargs)


@lru_cache(maxsize=1)
def outlines_json() -> str:
    return script_json(country_outlines())


def is_tile_url(tiles: str) -> bool:
    return all(part in tiles for part in ("{z}", "{x}", "{y}"))


def is_local_url(tiles: str) -> bool:
    lowered = tiles.lower()
    return lowered.startswith(("file:", "/", "./")) or any(
        f"//{host}" in lowered for host in ("localhost", "127.0.0.1", "[::1]"))


def _provider(name: str) -> xyzservices.TileProvider:
    try:
        return xyzservices.providers.query_name(name)
    except (KeyError, ValueError) as exc:
        raise ConfigurationError(
            f"unknown tile provider {name!r}: use an xyzservices name such as 'OpenStreetMap.Mapnik', "
            "a tile URL template with {z}/{x}/{y}, or 'none'") from exc


def base_layers(tiles: str | None, *, self_contained: bool = False) -> list[Layer]:
    """The base layers for ``tiles``; the first shown one is what the reader sees on opening."""
    choice = (tiles or "none").strip()
    if choice.lower() == "none":
        return [CountryOutlines(show=True)]
    if is_tile_url(choice):
        if self_contained and not is_local_url(choice):
            log.warning("self-contained map: remote tile URL offered but not shown (it would make requests)")
            return [CountryOutlines(show=True), folium.TileLayer(choice, attr="tiles", name="Tiles", show=False)]
        return [folium.TileLayer(choice, attr="Local tiles" if is_local_url(choice) else "tiles", name="Tiles"),
                CountryOutlines(show=False)]
    provider = _provider(choice)
    if provider.requires_token():
        # e.g. CartoDB since 2025: its URLs would carry a placeholder key and every tile would fail
        log.warning("tile provider %s needs an API key; using %s instead (or pass a tile URL with your key)",
                    provider.get("name", choice), FALLBACK_PROVIDER)
        provider = _provider(FALLBACK_PROVIDER)
    name = provider.get("name", choice)
    if self_contained:
        return [CountryOutlines(show=True), folium.TileLayer(provider, name=name, show=False)]
    return [folium.TileLayer(provider, name=name), CountryOutlines(show=False)]
