"""Self-contained pages: every script and stylesheet folium links to is replaced by its text.

The texts come from the folium-offline package (module ``offlinefolium``), which carries the assets of folium
0.20 keyed by their CDN URLs. folium itself is not touched: the rendered HTML is post-processed. Icon-font
stylesheets (Font Awesome, glyphicons) and the Bootstrap/jQuery/awesome-markers bundles are dropped, because
geomap draws no icon markers and their fonts would be fetched from the network.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

from geomap.errors import ConfigurationError

log = logging.getLogger("geomap.render.offline")

#: Assets folium adds by default that geomap pages never use; inlined they would still load remote fonts.
UNUSED = (
    "fontawesome", "bootstrap-glyphicons", "bootstrap@", "/bootstrap/", "awesome-markers", "leaflet.awesome",
    "jquery-3", "jquery.min.js",
)

_SCRIPT = re.compile(r'<script\s+src="(?P<url>[^"]+)"\s*>\s*</script>', re.IGNORECASE)
_STYLE = re.compile(r'<link\s+rel="stylesheet"\s+href="(?P<url>[^"]+)"\s*/?>', re.IGNORECASE)
_REMOTE_URL = re.compile(r'url\(\s*["\']?(?!data:|#)(?P<ref>[^"\')]+)', re.IGNORECASE)


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    try:
        from offlinefolium.elements import _res
    except ImportError as exc:
        raise ConfigurationError("self-contained maps need the folium-offline package") from exc
    return dict(_res)


def asset(url: str) -> str:
    """The text of one folium asset, by the URL folium links it from."""
    try:
        return _assets()[url]
    except KeyError:
        raise ConfigurationError(f"no offline copy of {url}: cannot make the page self-contained") from None


def _unused(url: str) -> bool:
    return any(marker in url for marker in UNUSED)


def _script(match: re.Match[str]) -> str:
    url = match.group("url")
    if _unused(url):
        return ""
    text = asset(url).replace("</script", "<\\/script")
    return f"<script>/* {url.rsplit('/', 1)[-1]} */\n{text}\n</script>"


def _style(match: re.Match[str]) -> str:
    url = match.group("url")
    if _unused(url):
        return ""
    text = asset(url).replace("</style", "<\\/style")
    for ref in _REMOTE_URL.finditer(text):
        log.warning("inlined stylesheet %s still refers to %s", url, ref.group("ref"))
    return f"<style>/* {url.rsplit('/', 1)[-1]} */\n{text}\n</style>"


def inline_assets(html: str) -> str:
    """Replace every <script src> and stylesheet <link> by the asset text; fail if one has no offline copy."""
    html = _SCRIPT.sub(_script, html)
    return _STYLE.sub(_style, html)
