"""`geomap gazetteer build|info|import`: make, describe and extend the local gazetteer store."""
from __future__ import annotations

import json
from pathlib import Path

import click

from geomap.cli.common import gazetteer_option


def _target(gazetteer_path: Path | None) -> Path:
    from geomap.geocoding.store import default_store_path

    return Path(gazetteer_path) if gazetteer_path is not None else default_store_path()


@click.group("gazetteer")
def command() -> None:
    """Build, describe or extend the local gazetteer (SQLite, no network)."""


@command.command("build")
@gazetteer_option
@click.option("--path", "path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the store (same as --gazetteer). Default: the user cache.")
@click.option("--force", is_flag=True, help="Rebuild even if a usable store is already there.")
@click.option("--curated", "curated_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=None, help="Directory of curated files (default: the ones shipped with geomap).")
def build_cmd(gazetteer_path: Path | None, path: Path | None, force: bool, curated_dir: Path | None) -> None:
    """Build the default gazetteer from the installed data packages and curated files."""
    from geomap.geocoding.build import build_default

    target = path or _target(gazetteer_path)
    figures = build_default(target, curated_dir=curated_dir, force=force)
    if figures.get("reused"):
        click.echo(f"gazetteer {target} is up to date (use --force to rebuild)")
        return
    join = figures["admin1_join"]
    click.echo(
        f"built {target} in {figures['build_seconds']} s: {figures['cities']} populated places, "
        f"{figures['countries']} countries, {figures['admin1']['ADM1']} first-level divisions "
        f"({join['groups'] - join.get('unjoined', 0)}/{join['groups']} GeoNames admin1 codes joined), "
        f"{sum(figures['curated'].values())} curated records"
    )


@command.command("info")
@gazetteer_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def info_cmd(gazetteer_path: Path | None, as_json: bool) -> None:
    """Describe the store: path, size, schema, counts per feature class and source, licences."""
    from geomap.geocoding.store import open_store

    store = open_store(_target(gazetteer_path), build=False)
    stats = store.stats()
    stats["licences"] = store.metadata().get("sources", {})
    if as_json:
        click.echo(json.dumps(stats, indent=2, sort_keys=True))
        return
    click.echo(f"path        {stats['path']}")
    click.echo(f"size        {stats['size_bytes'] / 1e6:.1f} MB, schema {stats['schema_version']}")
    click.echo(f"built       {stats['built_at']} in {stats['build_seconds']} s")
    click.echo(f"places      {stats['places']}   names {stats['names']}")
    for label, key in (("classes", "feature_classes"), ("sources", "sources"), ("matches", "match_kinds")):
        click.echo(f"{label:<12}" + ", ".join(f"{k} {v}" for k, v in stats[key].items()))
    for name, text in sorted(stats["licences"].items()):
        click.echo(f"licence     {name}: {text}")


@command.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@gazetteer_option
@click.option("--path", "path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Store to import into (same as --gazetteer). Default: the user cache store.")
@click.option("--replace", is_flag=True, help="Start a new store holding only the imported data.")
def import_cmd(files: tuple[Path, ...], gazetteer_path: Path | None, path: Path | None, replace: bool) -> None:
    """Stream GeoNames dumps (allCountries/citiesN, alternateNamesV2, admin1/admin2 codes, countryInfo;
    .txt or .zip) into the store."""
    from geomap.geocoding.geonames_import import import_geonames

    target = path or _target(gazetteer_path)
    figures = import_geonames(target, list(files), replace=replace)
    click.echo(
        f"imported into {target} in {figures['seconds']} s: {figures['places']} places, "
        f"{figures['names']} names, {figures['admin_names']} division names"
    )
