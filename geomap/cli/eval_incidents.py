"""`geomap eval-incidents DEVSET...`: incident precision/recall/F1 against annotated JSONL sets, pooled."""
from __future__ import annotations

import json
from pathlib import Path

import click

from geomap.cli.common import gazetteer_option, min_confidence_option, model_option


@click.command("eval-incidents")
@click.argument("devsets", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the full result (with every error) as JSON.")
@click.option("--max-km", default=30.0, show_default=True, help="Largest place error that still matches.")
@click.option("--rules-only", is_flag=True, help="Score the rules' incidents without the keep model.")
@min_confidence_option
@gazetteer_option
@model_option
def command(devsets: tuple[Path, ...], as_json: bool, max_km: float, rules_only: bool, min_confidence: float | None,
            gazetteer_path: Path | None, model: str) -> None:
    """Score incident extraction on DEVSET files (JSONL: id, text, published, incidents), pooled."""
    from geomap.evaluation.incidents import evaluate
    from geomap.pipeline import Geoparser

    parser = Geoparser(model=model, gazetteer_path=gazetteer_path, deduplicate=False, rescore=not rules_only,
                       min_confidence=min_confidence)
    result = evaluate(devsets, parser, max_km)
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    click.echo(f"documents {result['documents']}  gold incidents {result['gold_incidents']}")
    click.echo(f"precision {result['precision']:.3f}  recall {result['recall']:.3f}  F1 {result['f1']:.3f}  "
               f"(tp {result['tp']}, fp {result['fp']}, fn {result['fn']})")
    click.echo(f"sub-event accuracy on matches {result['sub_event_accuracy']}  "
               f"exact fatalities {result['fatalities_exact']}")
    for name, row in result["per_type"].items():
        click.echo(f"  {name:32} P {row['precision']:.2f}  R {row['recall']:.2f}  F1 {row['f1']:.2f}  "
                   f"(tp {row['tp']}, fp {row['fp']}, fn {row['fn']})")
    for error in result["errors"]:
        click.echo(f"  {error['kind']} {error['doc']}: {error['event_type']} / {error['sub_event_type']} "
                   f"@ {error['place']} {error['date']}")
