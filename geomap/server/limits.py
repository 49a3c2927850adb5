"""Request body limit as plain ASGI middleware, so an oversized upload is refused before it is read.

A declared Content-Length above the limit gets 413 without the app ever running; a chunked (or lying) body is
counted as it streams and reading stops at the first chunk past the limit.
"""
from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, MutableMapping

from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse

log = logging.getLogger("geomap.server")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` once the streamed body passes the limit; FastAPI turns it into a 413."""

    def __init__(self, limit: int):
        super().__init__(status_code=413, detail=f"request body larger than {limit} bytes")


def _too_large(limit: int) -> JSONResponse:
    # Connection: close — the unread rest of the body makes the connection unusable for another request.
    return JSONResponse({"detail": f"request body larger than {limit} bytes"}, status_code=413, headers={"Connection": "close"})


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers") or ():
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class BodyLimitMiddleware:
    """Refuse request bodies larger than ``max_body_bytes`` (413), declared or streamed."""

    def __init__(self, app: ASGIApp, max_body_bytes: int):
        if max_body_bytes < 0:
            raise ValueError("max_body_bytes must not be negative")
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_body_bytes
        declared = _declared_length(scope)
        if declared is not None and declared > limit:
            log.info("refused %s %s: Content-Length %d > %d", scope.get("method"), scope.get("path"), declared, limit)
            await _too_large(limit)(scope, receive, send)
            return

        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    log.info("refused %s %s: streamed body > %d bytes", scope.get("method"), scope.get("path"), limit)
                    raise BodyTooLarge(limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            # Only reached when no exception handler answered (e.g. the body was read outside a route).
            if started:
                raise
            await _too_large(limit)(scope, receive, send)
