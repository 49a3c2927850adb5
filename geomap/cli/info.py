"""`geomap info [--json]`: version, spaCy model and gazetteer statistics, for bug reports and dashboards."""
from __future__ import annotations

import json

import click

from geomap import __version__
from geomap.cli.common import gazetteer_option, model_option


@click.command("info")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@gazetteer_option
@model_option
def command(as_json, gazetteer_path, model) -> None:
    """Show the version, the spaCy model in use and the gazetteer's statistics."""
    from geomap.pipeline import Geoparser

    parser = Geoparser(gazetteer_path=gazetteer_path, model=model)
    info = {"version": __version__, "spacy_model": parser.model_name(), "pipeline": list(parser.nlp.pipe_names), "gazetteer": parser.store.stats()}
    if as_json:
        click.echo(json.dumps(info, indent=2, default=str, sort_keys=True))
        return
    click.echo(f"geomap {info['version']}")
    click.echo(f"spaCy model: {info['spacy_model']} ({', '.join(info['pipeline'])})")
    for key, value in sorted(info["gazetteer"].items()):
        click.echo(f"gazetteer {key}: {value}")
