"""PNG of a rendered map in headless Chromium (Playwright driving the system browser)."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from geomap.errors import ConfigurationError

log = logging.getLogger("geomap.render.screenshot")

CHROMIUM = os.environ.get("GEOMAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
#: JS condition that holds once the map has drawn (geomap layers finished loading their markers).
READY = "() => !!window.L && (!window.geomap || window.geomap.ready())"


def launch(playwright, executable: str | None = None):
    """The system Chromium with flags that keep it quiet (no background requests, no sandbox as root)."""
    path = executable or CHROMIUM
    if not Path(path).exists():
        raise ConfigurationError(f"no Chromium at {path}: install it (apt-get install chromium) or set GEOMAP_CHROMIUM")
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)


def block_requests(page, page_url: str, log_to: list[str] | None = None) -> None:
    """Abort every request except the page itself (and data:/blob: URLs), recording what was attempted."""
    def handle(route, request):
        url = request.url
        if log_to is not None:
            log_to.append(url)
        if url == page_url or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", handle)


def screenshot(html_path: str | Path, png_path: str | Path, *, width: int = 1280, height: int = 800,
               block_network: bool = True, timeout_s: float = 60.0) -> Path:
    """Open ``html_path`` in headless Chromium, wait until the map has drawn, save ``png_path``."""
    from playwright.sync_api import sync_playwright

    html_path = Path(html_path).resolve()
    png_path = Path(png_path)
    url = html_path.as_uri()
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            blocked: list[str] = []
            if block_network:
                block_requests(page, url, blocked)
            page.goto(url, wait_until="load", timeout=timeout_s * 1000)
            page.wait_for_function(READY, timeout=timeout_s * 1000)
            page.wait_for_timeout(300)
            png_path.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(png_path))
            others = [u for u in blocked if u != url and not u.startswith(("data:", "blob:"))]
            if others:
                log.info("blocked %d request(s) while taking the screenshot, e.g. %s", len(others), others[0])
        finally:
            browser.close()
    return png_path
