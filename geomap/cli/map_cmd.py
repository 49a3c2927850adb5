"""`geomap map INPUT...`: articles (or saved .geojson layers) → a layered HTML map, plus GeoJSON if asked."""
from __future__ import annotations

import json
from pathlib import Path

import click

from geomap.cli.common import (
    gazetteer_option, min_confidence_option, model_option, published_option, report_failures, report_written,
)
from geomap.cli.runner import extract_inputs
from geomap.export import LAYERS


@click.command("map")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("outputs/map.html"), show_default=True, help="HTML map to write.")
@click.option("--geojson", "geojson_path", type=click.Path(dir_okay=False, path_type=Path), help="Also write the extracted layers as GeoJSON.")
@published_option
@click.option("--zones", "zone_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), help="GeoJSON file of user zones to draw (repeatable).")
@click.option("--tiles", default=None, help="Base map: an xyzservices provider name (e.g. OpenStreetMap.Mapnik), a tile URL template, or 'none' (country outlines from local data). Default: OpenStreetMap.Mapnik; with --self-contained, offline outlines first and online tiles only if picked.")
@click.option("--self-contained", is_flag=True, help="Inline every script, style and image: the page makes no network request.")
@click.option("--fragment", is_flag=True, help="Write the header, body and script parts as JSON (for embedding in an existing page) instead of a full page.")
@click.option("--title", help="Page title (default: the document title, else 'geomap').")
@click.option("--screenshot", "screenshot_path", type=click.Path(dir_okay=False, path_type=Path), help="Also save a PNG of the map rendered in headless Chromium.")
@click.option("--country", "country_bias", metavar="CC", help="Prefer places in this country when names are ambiguous.")
@click.option("--zone-width-km", type=click.FloatRange(min=0.1, max=2000), help="Width of zones the text gives no width for.")
@min_confidence_option
@gazetteer_option
@model_option
def command(inputs, output, geojson_path, published, zone_files, tiles, self_contained, fragment, title,
            screenshot_path, country_bias, zone_width_km, min_confidence, gazetteer_path, model) -> None:
    """Draw a layered map of the incidents, places and zones found in INPUTS."""
    from geomap.export import atomic_write, write_geojson
    from geomap.render import render_fragment, render_html

    collection, errors = extract_inputs(
        inputs, published=published, zone_files=zone_files, country_bias=country_bias,
        zone_width_km=zone_width_km, min_confidence=min_confidence, gazetteer_path=gazetteer_path, model=model,
    )
    options = {"self_contained": self_contained, "title": title}
    if tiles is not None:
        options["tiles"] = tiles
    if geojson_path:
        write_geojson(geojson_path, collection)
    if fragment:
        atomic_write(output, json.dumps(render_fragment(collection, **options), ensure_ascii=False, indent=1))
    else:
        atomic_write(output, render_html(collection, **options))
    counts = {layer: sum(f["properties"]["layer"] == layer for f in collection["features"]) for layer in LAYERS}
    report_written(output, counts)
    if screenshot_path and not fragment:
        from geomap.render import screenshot

        screenshot(output, screenshot_path)
        click.echo(f"wrote {screenshot_path}", err=True)
    report_failures(errors)
