"""The FastAPI app: a fixed set of routes over one FeatureCollection, plus extraction of posted articles.

Nothing here maps a URL to a file: every route is a literal path over data held in memory, so no request
can reach the filesystem whatever its path says.
"""
from __future__ import annotations

import asyncio
import ipaddress
import logging
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Iterable

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.middleware.cors import CORSMiddleware

from geomap import __version__
from geomap.server.extraction import ExtractionFailed, ExtractionService, Extractor, ExtractRequest
from geomap.server.limits import BodyLimitMiddleware
from geomap.server.payloads import (
    GEOJSON_MEDIA_TYPE, LAYER_NAMES, NO_STORE, Payload, layer_payloads, respond, split_layers,
)
from geomap.server.styling import with_style

log = logging.getLogger("geomap.server")

DEFAULT_MAX_BODY_BYTES = 1_000_000
_GEOJSON_RESPONSE = {200: {"content": {GEOJSON_MEDIA_TYPE: {}}, "description": "A GeoJSON FeatureCollection (RFC 7946)."}}


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def create_app(
    collection: dict[str, Any],
    *,
    extractor: Extractor | None = None,
    cors_origins: Iterable[str] = (),
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    style: bool = True,
    map_options: dict[str, Any] | None = None,
    max_pending: int = 8,
) -> FastAPI:
    """An app serving ``collection`` as a map and per-layer GeoJSON, and extracting posted articles.

    ``extractor`` is anything with ``Geoparser.extract``'s signature; None creates a default ``Geoparser`` on the
    first POST. ``style`` adds simplestyle colour properties (see ``geomap.server.styling``); ``max_pending`` is how
many extractions may wait for the model before the server answers 503.
    """
    served = with_style(collection) if style else collection
    payloads = layer_payloads(served)
    counts = {name: len(layer["features"]) for name, layer in split_layers(served).items() if name in LAYER_NAMES}
    service = ExtractionService(extractor, max_pending=max_pending)
    map_cache: dict[str, Payload] = {}
    map_lock = asyncio.Lock()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        service.close()

    app = FastAPI(
        title="geomap",
        version=__version__,
        description="Incidents, places and zones found in news articles, as GeoJSON layers and a Leaflet map.",
        redirect_slashes=False,
        redoc_url=None,
        lifespan=lifespan,
    )

    def layer_route(name: str) -> None:
        async def layer(request: Request) -> Response:
            return respond(request, payloads[name])

        layer.__name__ = f"layer_{name}"
        path = f"/layers/{name}.geojson"
        app.add_api_route(path, layer, methods=["GET"], response_class=Response, responses=_GEOJSON_RESPONSE,
                          summary=f"The {name} layer" if name != "all" else "Every layer in one collection")
        app.add_api_route(path, layer, methods=["HEAD"], include_in_schema=False)

    for name in (*LAYER_NAMES, "all"):
        layer_route(name)

    @app.api_route("/map.html", methods=["HEAD"], include_in_schema=False)
    @app.api_route("/map.html", methods=["GET"], response_class=Response, summary="The layered Leaflet map",
                   responses={200: {"content": {"text/html": {}}}})
    async def map_html(request: Request) -> Response:
        async with map_lock:
            if "map" not in map_cache:
                try:
                    map_cache["map"] = await run_in_threadpool(_render_map, collection, map_options or {})
                except ImportError as exc:  # geomap.render not installed/complete: say so instead of a 500
                    log.error("cannot render the map: %s", exc)
                    return JSONResponse({"detail": f"map rendering unavailable: {exc}"}, status_code=503)
        return respond(request, map_cache["map"])

    @app.get("/healthz", summary="Liveness and what is being served")
    async def healthz() -> JSONResponse:
        body = {"status": "ok", "version": __version__, "features": counts, "extractor_loaded": service.loaded}
        return JSONResponse(body, headers={"Cache-Control": NO_STORE})

    @app.post("/api/extract", response_class=Response, responses={**_GEOJSON_RESPONSE, 413: {"description": "Body too large"},
              503: {"description": "Extractor unavailable or busy"}}, summary="Extract places, incidents and zones from one article")
    async def api_extract(payload: ExtractRequest) -> Response:
        try:
            extraction = await service.extract(payload)
        except ExtractionFailed as exc:
            headers = {"Retry-After": "5"} if exc.status == 503 else None
            return JSONResponse({"detail": exc.detail}, status_code=exc.status, headers=headers)
        from geomap.export import dumps

        result = extraction.to_geojson()
        body = dumps(with_style(result) if style else result).encode("utf-8")
        return Response(body, media_type=GEOJSON_MEDIA_TYPE, headers={"Cache-Control": NO_STORE})

    app.add_middleware(BodyLimitMiddleware, max_body_bytes=max_body_bytes)
    origins = list(cors_origins)
    if origins:  # outermost, so refusals (413) carry CORS headers too and browsers can read them
        app.add_middleware(
            CORSMiddleware, allow_origins=origins, allow_methods=["GET", "HEAD", "POST"],
            allow_headers=["Content-Type", "If-None-Match"], expose_headers=["ETag"], max_age=600,
        )
    return app


def _render_map(collection: dict[str, Any], options: dict[str, Any]) -> Payload:
    """The full HTML page from ``geomap.render`` (rendered once, on the first request)."""
    from geomap.render import render_html

    return Payload.of(render_html(collection, **options).encode("utf-8"), "text/html; charset=utf-8")
