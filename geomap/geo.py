"""The one place where axis order and metric geometry live.

folium and geopy speak (lat, lon); GeoJSON and shapely speak (lon, lat). Buffers and distances are computed
in metres, in an azimuthal equidistant projection centred on the geometry, never in degrees.
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from pyproj import CRS, Geod, Transformer
from shapely.geometry import mapping, shape
from shapely.geometry.base import BaseGeometry
import numpy as np
import shapely

_GEOD = Geod(ellps="WGS84")
EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius


def latlon(lon_lat: tuple[float, float]) -> tuple[float, float]:
    """(lon, lat) → (lat, lon)."""
    return (lon_lat[1], lon_lat[0])


def lonlat(lat_lon: tuple[float, float]) -> tuple[float, float]:
    """(lat, lon) → (lon, lat)."""
    return (lat_lon[1], lat_lon[0])


def point_geometry(lat: float, lon: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance on WGS84 in kilometres."""
    _, _, metres = _GEOD.inv(lon1, lat1, lon2, lat2)
    return abs(metres) / 1000.0


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on the mean Earth sphere: a few times faster than ``distance_km``, for ranking and joins."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@lru_cache(maxsize=256)
def _local_transformers(lat0: float, lon0: float) -> tuple[Transformer, Transformer]:
    aeqd = CRS.from_proj4(f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +datum=WGS84 +units=m +no_defs")
    forward = Transformer.from_crs("EPSG:4326", aeqd, always_xy=True)
    back = Transformer.from_crs(aeqd, "EPSG:4326", always_xy=True)
    return forward, back


def buffer_km(geometry: BaseGeometry | dict[str, Any], width_km: float) -> BaseGeometry:
    """Buffer a lon/lat geometry by ``width_km`` on each side, computed in metres.

    ``width_km`` is the half-width: a line buffered by 15 km gives a 30 km wide corridor.
    """
    geom = shape(geometry) if isinstance(geometry, dict) else geometry
    centre = geom.centroid
    forward, back = _local_transformers(round(centre.y, 4), round(centre.x, 4))
    metric = _reprojected(geom, forward)
    buffered = metric.buffer(width_km * 1000.0, quad_segs=16)
    return _reprojected(buffered, back)


def _reprojected(geom: BaseGeometry, transformer: Transformer) -> BaseGeometry:
    """Every coordinate of ``geom`` through ``transformer`` (x/y order), vectorised."""

    def project(coords: np.ndarray) -> np.ndarray:
        xs, ys = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([xs, ys])

    return shapely.transform(geom, project)


def to_geojson_geometry(geom: BaseGeometry, precision: int = 5) -> dict[str, Any]:
    """A shapely geometry as a GeoJSON dict with rounded coordinates (stable bytes, smaller files)."""
    from shapely import set_precision

    rounded = set_precision(geom, 10 ** -precision)
    return mapping(rounded)
