"""`geomap extract INPUT... -o OUT`: articles → GeoJSON (or ACLED CSV / GeoJSON Lines by extension).

Every run is a streamed batch run (``geomap.batch``): documents go through in partitions, on 1 process, on
``--workers N`` local processes or on a Dask cluster (``--scheduler``), with the same bytes out in every case.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import click

from geomap.cli.common import (
    EXIT_FAILURES, fail_usage, gazetteer_option, min_confidence_option, model_option, published_option, report_failures,
    report_written,
)


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Output file: .geojson, .csv (ACLED columns) or .jsonl/.geojsonl (GeoJSON Lines). Default: GeoJSON on stdout.")
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=Path), help="Write GeoJSON Lines per partition (part-NNNNNN.geojsonl) plus incidents.geojsonl, for runs too large for one file.")
@published_option
@click.option("--country", "country_bias", metavar="CC", help="Prefer places in this country (ISO 3166-1 alpha-2) when names are ambiguous.")
@click.option("--zone-width-km", type=click.FloatRange(min=0.1, max=2000), help="Width of zones the text gives no width for.")
@min_confidence_option
@gazetteer_option
@model_option
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Local worker processes (each loads the model and gazetteer once).")
@click.option("--scheduler", metavar="ADDRESS", help="Run on the Dask cluster whose scheduler is at ADDRESS (e.g. tcp://host:8786).")
@click.option("--partition-size", type=click.IntRange(min=1), default=100, show_default=True, help="Documents per partition (the unit of work, commit and resume).")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False, path_type=Path), help="Write failed inputs here as JSON Lines {input, line, message} instead of listing them on stderr.")
@click.option("--resume", is_flag=True, help="Continue an interrupted run with the same inputs and output, skipping finished partitions.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar (it is shown only when stderr is a terminal anyway).")
def command(inputs, output, output_dir, published, country_bias, zone_width_km, min_confidence, gazetteer_path, model,
            workers, scheduler, partition_size, errors_path, resume, quiet) -> None:
    """Extract places, incidents and zones from articles (.txt, .md, .html, .jsonl, .csv or directories)."""
    from geomap.batch import error_lines, write_error_report
    from geomap.documents import is_collection
    from geomap.errors import ConfigurationError, InputError
    from geomap.export import read_collection
    from geomap.parallel import ParserSpec, error_record

    if output and output_dir:
        fail_usage("use either -o/--output or --output-dir, not both")
    if resume and not (output or output_dir):
        fail_usage("--resume needs -o/--output or --output-dir (the run's partitions are kept beside the output)")
    if scheduler and workers > 1:
        fail_usage("--workers is for local processes; with --scheduler the cluster's workers are used")

    read_errors: list = []
    collections, articles = [], []
    for item in inputs:
        if is_collection(Path(item)):
            try:
                collections.append(read_collection(item))
            except InputError as exc:
                read_errors.append(exc)
        else:
            articles.append(item)
    if collections and output_dir:
        fail_usage("--output-dir takes article inputs only; map saved .geojson files with `geomap map`")
    if not articles and not collections and not read_errors:
        raise ConfigurationError("no input documents")

    spec = ParserSpec.from_options({"country_bias": country_bias, "zone_width_km": zone_width_km,
                                    "min_confidence": min_confidence, "gazetteer_path": gazetteer_path,
                                    "model": model})
    scratch = not (output or output_dir)
    run_path = output_dir or (output.with_name(output.name + ".parts") if output else Path(tempfile.mkdtemp(prefix="geomap-run-")))
    try:
        records, counts, documents = _run(articles, collections, spec, run_path, output, output_dir, published,
                                          workers, scheduler, partition_size, resume, quiet)
    finally:
        if scratch:
            shutil.rmtree(run_path, ignore_errors=True)
    records = [error_record(e) for e in read_errors] + records
    if not documents and not records and not collections:
        raise ConfigurationError("no input documents")
    nothing_read = not documents and not collections
    if output_dir and not nothing_read:
        report_written(output_dir, counts, documents)
    elif output is not None and not nothing_read:
        report_written(output, counts)
    if errors_path is not None:
        write_error_report(errors_path, records)
        if records:
            click.echo(f"geomap: {len(records)} inputs failed; see {errors_path}", err=True)
            click.get_current_context().exit(EXIT_FAILURES)
        return
    report_failures(list(error_lines(records)) + (["no input could be read; nothing written"] if nothing_read else []))


def _run(articles, collections, spec, run_path: Path, output, output_dir, published, workers, scheduler,
         partition_size, resume, quiet) -> tuple[list[dict], dict[str, int], int]:
    """Extract into the run directory, then write the output; returns (error records, counts, documents)."""
    from geomap.batch import RunDirectory, finish_directory, run_batch, write_merged

    run = RunDirectory(run_path)
    documents = 0
    if articles:
        summary = run_batch(articles, spec, run_path, executor=_executor(workers, scheduler), published=published,
                            partition_size=partition_size, resume=resume, progress=not quiet)
        documents = summary.documents
    else:
        run.start({"geomap_batch": 0}, resume=False)
    records = list(run.errors())
    if output_dir:
        return records, finish_directory(run, spec), documents
    if not documents and not collections:  # nothing could be read: keep whatever output was there before
        if output is not None:
            shutil.rmtree(run_path, ignore_errors=True)
        return records, {}, 0
    counts = write_merged(run, spec, output, collections)
    if output is not None:
        shutil.rmtree(run_path, ignore_errors=True)
    return records, counts, documents


def _executor(workers: int, scheduler: str | None):
    if scheduler:
        from geomap.distributed import dask_executor

        return dask_executor(scheduler)
    if workers > 1:
        from geomap.parallel import process_executor

        return process_executor(workers)
    from geomap.parallel import serial_executor

    return serial_executor
