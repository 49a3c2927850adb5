"""HTTP for dashboards: the map, each layer as GeoJSON, and extraction of posted articles (FastAPI)."""
from geomap.server.app import DEFAULT_MAX_BODY_BYTES, create_app, is_loopback

__all__ = ["create_app", "is_loopback", "DEFAULT_MAX_BODY_BYTES"]
