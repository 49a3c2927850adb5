"""`geomap eval CORPUS`: toponym resolution and geotagging scores, geomap against the population baseline."""
from __future__ import annotations

import json

import click

from geomap.cli.common import gazetteer_option, model_option


def _row(name: str, ours: object, base: object = "") -> str:
    def fmt(value: object) -> str:
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    return f"{name:<34}{fmt(ours):>12}{fmt(base):>12}"


def _table(report: dict) -> str:
    base = report["baseline"]
    lines = [f"articles {report['articles']}, toponyms {report['toponyms']} "
             f"({report['toponyms_with_coordinates']} with coordinates)", _row("", "geomap", "population")]
    if "gold" in report:
        gold = report["gold"]
        lines.append("resolution on gold spans")
        for key in ("acc161", "auc", "mean_km", "median_km", "unresolved"):
            lines.append(_row(f"  {key}", gold[key], base[key]))
        lines.append(_row("  seconds", gold["seconds"]))
    if "e2e" in report:
        e2e = report["e2e"]
        lines.append("end to end")
        for kind in ("exact", "overlap"):
            for key in ("precision", "recall", "f1"):
                lines.append(_row(f"  geotagging {kind} {key}", e2e["geotagging"][kind][key]))
        res = e2e["resolution"]
        lines.append(_row("  resolution n (found gold)", res["n"]))
        for key in ("acc161", "auc", "median_km"):
            lines.append(_row(f"  resolution {key}", res[key]))
        lines.append(_row("  seconds", e2e["seconds"]))
    if "timing" in report:
        t = report["timing"]
        lines.append(f"timing on {t['texts']} texts ({t['words']} words): spaCy {t['spacy_seconds']:.2f}s, "
                     f"geomap matcher+resolver {t['geomap_seconds']:.2f}s (resolver {t['resolver_seconds']:.2f}s), "
                     f"overhead {100 * t['overhead']:.1f}%")
    return "\n".join(lines)


@click.command("eval")
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["auto", "lgl", "geovirus", "geowebnews", "jsonl"]),
              default="auto", show_default=True, help="Corpus format (LGL also reads TR-News).")
@click.option("--mode", type=click.Choice(["gold", "e2e", "both"]), default="both", show_default=True,
              help="gold: resolve the annotated spans; e2e: find and resolve toponyms; both.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N articles.")
@click.option("--split", type=click.Choice(["all", "even", "odd"]), default="all", show_default=True,
              help="Articles with even/odd docids only (a held-out check).")
@click.option("--country", metavar="CC", default=None, help="Bias resolution towards this country (ISO alpha-2).")
@click.option("--overhead", is_flag=True,
              help="Also time spaCy alone vs geomap's matcher+resolver on the same texts (best of 3).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@gazetteer_option
@model_option
def command(corpus: str, fmt: str, mode: str, limit: int | None, split: str, country: str | None,
            overhead: bool, as_json: bool, gazetteer_path, model: str) -> None:
    """Score toponym resolution (acc@161, AUC, error km) and geotagging (P/R/F1) on CORPUS."""
    from geomap.evaluation.corpora import read_corpus
    from geomap.evaluation.toponyms import evaluate, split_articles
    from geomap.geocoding.store import open_store
    from geomap.nlp.pipeline import load_pipeline
    from geomap.resolve import Bias

    if country is not None and (len(country) != 2 or not country.isalpha()):
        raise click.BadParameter(f"{country!r} is not an ISO 3166-1 alpha-2 code", param_hint="--country")
    store = open_store(gazetteer_path)
    bias = Bias(country=country.upper()) if country else None
    nlp = load_pipeline(store, model, bias=bias)
    articles = split_articles(read_corpus(corpus, fmt, limit), split)
    report = evaluate(articles, nlp, store, mode=mode)
    report |= {"corpus": corpus, "split": split, "mode": mode, "model": model}
    if overhead:
        from geomap.evaluation.toponyms import component_overhead

        report["timing"] = component_overhead(nlp, [a.document.text for a in articles])
    click.echo(json.dumps(report, indent=2, sort_keys=True) if as_json else _table(report))
