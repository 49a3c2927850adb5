"""`geomap extract INPUT... -o OUT`: articles → GeoJSON (or ACLED CSV / GeoJSON Lines by extension)."""
from __future__ import annotations

from pathlib import Path

import click

from geomap.cli.common import gazetteer_option, model_option, published_option, report_failures
from geomap.cli.runner import extract_inputs


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Output file: .geojson, .csv (ACLED columns) or .jsonl (GeoJSON Lines). Default: GeoJSON on stdout.")
@published_option
@click.option("--country", "country_bias", metavar="CC", help="Prefer places in this country (ISO 3166-1 alpha-2) when names are ambiguous.")
@click.option("--zone-width-km", type=click.FloatRange(min=0.1, max=2000), help="Width of zones the text gives no width for.")
@gazetteer_option
@model_option
def command(inputs, output, published, country_bias, zone_width_km, gazetteer_path, model) -> None:
    """Extract places, incidents and zones from articles (.txt, .md, .html, .jsonl, .csv or directories)."""
    from geomap.export import dumps, write_output

    collection, errors = extract_inputs(
        inputs, published=published, country_bias=country_bias, zone_width_km=zone_width_km,
        gazetteer_path=gazetteer_path, model=model,
    )
    if output is None:
        click.echo(dumps(collection), nl=False)
    else:
        write_output(output, collection)
        counts = _counts(collection)
        click.echo(f"wrote {output}: {counts['incidents']} incidents, {counts['places']} places, {counts['zones']} zones", err=True)
    report_failures(errors)


def _counts(collection: dict) -> dict[str, int]:
    counts = {"incidents": 0, "places": 0, "zones": 0}
    for feature in collection["features"]:
        counts[feature["properties"]["layer"]] += 1
    return counts
