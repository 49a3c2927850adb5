"""Map scale benchmark: geomap's table-driven canvas layers vs one folium Marker with an HTML popup per point.

    python benchmarks/map_scale.py [N] [--naive-n M] [--keep DIR]

Builds the same N synthetic incidents both ways (the naive way at M points, default min(N, 10000), then
extrapolated linearly to N: its cost is per marker), and reports build time, HTML size and time-to-usable in
headless Chromium with the network blocked (both pages self-contained). Time-to-usable is navigation start →
geomap.ready() (every marker clustered and drawn) for geomap, → the load event (all markers added) for naive.
"""
from __future__ import annotations

import argparse
import html
import sys
import tempfile
import time
from pathlib import Path

import folium

from geomap.render import render_html
from geomap.render.offline import inline_assets
from geomap.render.screenshot import CHROMIUM, block_requests, launch
from geomap.render.synthetic import incidents


def naive_html(collection: dict) -> str:
    """The obvious folium way: one Marker per incident, popup HTML built server-side (escaped)."""
    fmap = folium.Map(tiles=None, prefer_canvas=True)
    for feature in collection["features"]:
        p = feature["properties"]
        lon, lat = feature["geometry"]["coordinates"]
        popup = (f"<b>{html.escape(p['event_type'])}</b> {html.escape(p['sub_event_type'])}<br>{html.escape(p['date'])}"
                 f" {html.escape(p['place'])}<br><i>{html.escape(p['quote'])}</i><br>"
                 f"<a href='{html.escape(p['url'])}'>{html.escape(p['title'])}</a>")
        folium.Marker([lat, lon], popup=folium.Popup(popup, max_width=300), tooltip=html.escape(p["place"])).add_to(fmap)
    return fmap.get_root().render()


SLIDE = """() => {
    const a = document.querySelector('.geomap-time-from');
    a.value = Math.round((+a.min + +a.max) / 2); a.dispatchEvent(new Event('change'));
}"""


def time_to_usable(path: Path, ready: str, timeout_s: float = 300.0, slide: bool = False) -> tuple[float, float]:
    """Seconds from navigation start until ``ready`` (a JS expression) holds, network blocked; and, when
    ``slide``, seconds for the time slider to halve the range and the map to be ready again."""
    from playwright.sync_api import sync_playwright

    url = path.resolve().as_uri()
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            block_requests(page, url)
            page.goto(url, wait_until="load", timeout=timeout_s * 1000)
            page.wait_for_function(f"() => {ready}", timeout=timeout_s * 1000, polling=50)
            usable = page.evaluate("() => performance.now()") / 1000.0
            slid = float("nan")
            if slide:
                t0 = time.perf_counter()
                page.evaluate(SLIDE)
                page.wait_for_function(f"() => {ready}", timeout=timeout_s * 1000, polling=50)
                slid = time.perf_counter() - t0
            return usable, slid
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--naive-n", type=int, default=None)
    parser.add_argument("--keep", type=Path, help="keep the HTML files in this folder")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return run(args, args.keep)
    with tempfile.TemporaryDirectory(prefix="geomap-bench-") as folder:
        return run(args, Path(folder))


def run(args: argparse.Namespace, out: Path) -> int:
    """Build, write, open and measure both pages in ``out``."""
    naive_n = args.naive_n or min(args.n, 10_000)
    collection = incidents(args.n)

    t0 = time.perf_counter()
    page = render_html(collection, tiles="none", self_contained=True)
    geomap_build = time.perf_counter() - t0
    geomap_path = out / f"geomap_{args.n}.html"
    geomap_path.write_text(page, encoding="utf-8")
    geomap_size = geomap_path.stat().st_size

    small = {"type": "FeatureCollection", "features": collection["features"][:naive_n]}
    t0 = time.perf_counter()
    naive_page = inline_assets(naive_html(small))
    naive_build = time.perf_counter() - t0
    naive_path = out / f"naive_{naive_n}.html"
    naive_path.write_text(naive_page, encoding="utf-8")
    naive_size = naive_path.stat().st_size
    scale = args.n / naive_n

    have_browser = Path(CHROMIUM).exists()
    nan = float("nan")
    geomap_usable, geomap_slide = (time_to_usable(geomap_path, "window.geomap && geomap.ready()", slide=True)
                                   if have_browser else (nan, nan))
    naive_usable = time_to_usable(naive_path, "document.readyState === 'complete'")[0] if have_browser else nan

    rows = [
        ("build (s)", geomap_build, naive_build, naive_build * scale),
        ("HTML (MB)", geomap_size / 1e6, naive_size / 1e6, naive_size / 1e6 * scale),
        ("usable in Chromium (s)", geomap_usable, naive_usable, naive_usable * scale),
    ]
    print(f"incidents: {args.n:,} (geomap) | naive folium Markers measured at {naive_n:,}, "
          f"extrapolated linearly x{scale:g} to {args.n:,}")
    print(f"{'':24}{'geomap':>12}{f'naive@{naive_n:,}':>16}{f'naive@{args.n:,} (extrap.)':>26}{'ratio':>10}")
    for name, ours, measured, extrapolated in rows:
        ratio = extrapolated / ours if ours else float("nan")
        print(f"{name:24}{ours:12.2f}{measured:16.2f}{extrapolated:26.2f}{ratio:9.1f}x")
    print(f"geomap time-slider update (half the range, re-cluster): {geomap_slide:.2f} s")
    if args.keep:
        print(f"files: {geomap_path} {naive_path}")
    limits = geomap_build <= 30 and geomap_size <= 40e6 and (geomap_usable <= 30 or not have_browser)
    print("targets (build <= 30 s, HTML <= 40 MB, usable <= 30 s):", "met" if limits else "NOT met")
    return 0 if limits else 1


if __name__ == "__main__":
    sys.exit(main())
