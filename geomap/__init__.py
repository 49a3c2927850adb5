"""geomap: news articles → places, ACLED-coded incidents and zones → layered, offline Folium maps.

    >>> import geomap
    >>> found = geomap.extract("Drones struck Odesa on Friday.", published=datetime.date(2025, 4, 25))
    >>> found.incidents, found.places, found.zones
    >>> m = geomap.build_map(found.to_geojson())          # a folium.Map; nothing is written
    >>> for layer in found.layers(): layer.add_to(my_map)  # or add the layers to your own map

Heavy modules (spaCy, folium) load on first use, so ``import geomap`` stays quick.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # real imports for type checkers and IDEs; at run time they load lazily below
    from geomap.documents import read_documents
    from geomap.errors import ConfigurationError, GazetteerError, GeomapError, InputError
    from geomap.export import feature_collection
    from geomap.geocoding.geocoder import LocalGazetteer
    from geomap.models import Document, Extraction, Incident, Mention, Place, Zone
    from geomap.pipeline import Geoparser, Options, extract
    from geomap.render import build_map, render_html

__version__ = "0.1.0"

_EXPORTS = {
    "extract": "geomap.pipeline",
    "Geoparser": "geomap.pipeline",
    "Options": "geomap.pipeline",
    "build_map": "geomap.render",
    "render_html": "geomap.render",
    "LocalGazetteer": "geomap.geocoding.geocoder",
    "read_documents": "geomap.documents",
    "feature_collection": "geomap.export",
    "Document": "geomap.models",
    "Place": "geomap.models",
    "Mention": "geomap.models",
    "Incident": "geomap.models",
    "Zone": "geomap.models",
    "Extraction": "geomap.models",
    "GeomapError": "geomap.errors",
    "InputError": "geomap.errors",
    "ConfigurationError": "geomap.errors",
    "GazetteerError": "geomap.errors",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'geomap' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
