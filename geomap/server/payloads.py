"""The server's fixed responses: each layer serialised once, with an ETag from its bytes.

The data never changes while the server runs, so a content hash is a correct validator and dashboards that
poll the layer URLs get 304s instead of the whole collection.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

GEOJSON_MEDIA_TYPE = "application/geo+json"
LAYER_NAMES = ("incidents", "places", "zones")
#: Layers are immutable for the server's lifetime; a minute keeps dashboards fresh after a restart.
CACHE_CONTROL = "public, max-age=60"
NO_STORE = "no-store"


@dataclass(frozen=True)
class Payload:
    body: bytes
    media_type: str
    etag: str

    @classmethod
    def of(cls, body: bytes, media_type: str) -> "Payload":
        return cls(body, media_type, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')


def matches(if_none_match: str | None, etag: str) -> bool:
    """If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored; '*' matches."""
    if not if_none_match:
        return False
    for candidate in if_none_match.split(","):
        tag = candidate.strip()
        if tag == "*":
            return True
        if tag.startswith("W/"):
            tag = tag[2:]
        if tag == etag:
            return True
    return False


def respond(request: Request, payload: Payload, *, cache_control: str = CACHE_CONTROL) -> Response:
    """200 with the bytes, or 304 when the client already holds this version."""
    headers = {"ETag": payload.etag, "Cache-Control": cache_control, "X-Content-Type-Options": "nosniff"}
    if matches(request.headers.get("if-none-match"), payload.etag):
        return Response(status_code=304, headers=headers)
    return Response(payload.body, media_type=payload.media_type, headers=headers)


def split_layers(collection: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """One FeatureCollection per layer name plus ``all``, features kept in their original order."""
    features = list(collection.get("features") or [])
    layers = {
        name: {"type": "FeatureCollection", "features": [f for f in features if (f.get("properties") or {}).get("layer") == name]}
        for name in LAYER_NAMES
    }
    layers["all"] = {"type": "FeatureCollection", "features": features}
    return layers


def layer_payloads(collection: dict[str, Any]) -> dict[str, Payload]:
    from geomap.export import dumps

    return {name: Payload.of(dumps(layer).encode("utf-8"), GEOJSON_MEDIA_TYPE) for name, layer in split_layers(collection).items()}
