"""Shared helpers for browser tests: the system Chromium via Playwright, with every request recorded and
everything but the page itself blocked."""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator

import pytest

from geomap.render.screenshot import CHROMIUM, READY, block_requests, launch

HAVE_CHROMIUM = os.path.exists(CHROMIUM)
needs_chromium = pytest.mark.skipif(not HAVE_CHROMIUM, reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")


class Opened:
    """A page opened from a file, with the requests it attempted."""

    def __init__(self, page, url: str, requests: list[str], errors: list[str]):
        self.page = page
        self.url = url
        self.requests = requests
        self.errors = errors

    @property
    def outside(self) -> list[str]:
        """Requests other than the page itself and inline data."""
        return [u for u in self.requests if u != self.url and not u.startswith(("data:", "blob:"))]


@contextlib.contextmanager
def open_page(path: Path, *, width: int = 1280, height: int = 800, timeout_ms: int = 60000) -> Iterator[Opened]:
    from playwright.sync_api import sync_playwright

    url = Path(path).resolve().as_uri()
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            requests: list[str] = []
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            block_requests(page, url, requests)
            page.goto(url, wait_until="load", timeout=timeout_ms)
            page.wait_for_function(READY, timeout=timeout_ms)
            yield Opened(page, url, requests, errors)
        finally:
            browser.close()
